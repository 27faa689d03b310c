"""Context builders: the data of one record, shaped for its template, every value a string.

A context is plain JSON (dicts, lists, strings, booleans) so that the archive can keep a copy of
the data as printed. Every key is always present (templates render with ``StrictUndefined``).

Acting officials: a person block of ``SKP.snapshot`` may carry ``plt`` ("Plt."/"Plh." or true),
``jabatan_plt`` (the post held as acting) and ``atas_nama`` (the post signed on behalf of). The
signature block then prints "Plt. <jabatan>" or "a.n. <jabatan atas nama>" above the own post.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from skpdesk.domain import format as fmt
from skpdesk.domain.berakhlak import BERAKHLAK
from skpdesk.domain.entitas import Entitas
from skpdesk.domain.skp import LAMPIRAN_BAGIAN, Aspek, JenisRHK, Pendekatan
from skpdesk.services import kantor, verifikasi
from skpdesk.services import skp as skp_service
from skpdesk.store.models import SKP, IndikatorKinerja, RencanaHasilKerja, Riwayat

Konteks = dict[str, Any]

PERAN_PEGAWAI = "Pegawai yang Dinilai"
PERAN_PENILAI = "Pejabat Penilai Kinerja"
PERAN_ATASAN = "Atasan Pejabat Penilai Kinerja"


def _lokal(moment: dt.datetime) -> dt.date:
    """Stored times are naive UTC; the date on paper is the office's local date."""
    return moment.replace(tzinfo=dt.UTC).astimezone().date()


def periode_penilaian(mulai: dt.date, selesai: dt.date) -> str:
    """"1 JANUARI SD 31 DESEMBER TAHUN 2026", as the header line prints it."""
    start = f"{mulai.day} {fmt.BULAN[mulai.month - 1].upper()}"
    if mulai.year != selesai.year:
        start += f" {mulai.year}"
    end = f"{selesai.day} {fmt.BULAN[selesai.month - 1].upper()}"
    return f"{start} SD {end} TAHUN {selesai.year}"


def orang(data: dict[str, Any] | None) -> Konteks:
    """One header block (nama, NIP, pangkat/gol., jabatan, unit kerja); blanks stay blank."""
    data = data or {}
    return {
        "nama": str(data.get("nama") or ""),
        "nip": str(data.get("nip") or ""),
        "pangkat_gol": str(data.get("pangkat_gol") or ""),
        "jabatan": str(data.get("jabatan") or ""),
        "unit": str(data.get("unit") or ""),
    }


def jabatan_ttd(data: dict[str, Any] | None) -> list[str]:
    """The post lines above a signature, with "Plt."/"Plh." or "a.n." when the signer acts."""
    data = data or {}
    jabatan = str(data.get("jabatan") or "").strip()
    lines: list[str] = []
    atas_nama = str(data.get("atas_nama") or "").strip()
    if atas_nama:
        lines.append(f"a.n. {atas_nama}")
    plt = data.get("plt")
    if plt:
        sebutan = plt if isinstance(plt, str) and plt.strip() else "Plt."
        acting = str(data.get("jabatan_plt") or jabatan).strip()
        lines.append(f"{sebutan.strip()} {acting}".strip())
    elif jabatan:
        lines.append(jabatan)
    return lines


def penanda_tangan(peran: str, data: dict[str, Any] | None) -> Konteks:
    block = orang(data)
    return {
        "peran": peran,
        "jabatan_baris": jabatan_ttd(data),
        "nama": block["nama"],
        "nip": block["nip"],
    }


def kop(lines: list[str]) -> tuple[list[str], list[str]]:
    """The letterhead's heading lines (large) and its last, address line (small)."""
    lines = [line for line in lines if line.strip()]
    if len(lines) <= 1:
        return lines, []
    return lines[:-1], lines[-1:]


def konteks_kantor() -> Konteks:
    inst = kantor.instansi()
    setting = kantor.pengaturan()
    lines = list(setting.kop_surat or []) or [
        line for line in (inst.pemerintah_daerah.upper(), inst.nama.upper(), inst.alamat) if line
    ]
    utama, alamat = kop(lines)
    return {
        "kantor": {
            "nama": inst.nama,
            "nama_kapital": inst.nama.upper(),
            "pemerintah_daerah": inst.pemerintah_daerah,
            "alamat": inst.alamat,
            "tempat": setting.tempat,
        },
        "kop_utama": utama,
        "kop_alamat": alamat,
        "logo": "",  # replaced by the image at render time; never stored
    }


def tanggal_penetapan(skp: SKP) -> dt.date | None:
    """The day the penilai approved the SKP: the date it is signed under."""
    row = (
        Riwayat.select()
        .where(
            (Riwayat.entitas == skp_service.ENTITAS)
            & (Riwayat.entitas_id == str(skp.id))
            & (Riwayat.aksi == "setujui")
        )
        .order_by(Riwayat.nomor.desc())
        .first()
    )
    return _lokal(row.waktu) if row else None


def _identitas(judul: str, skp: SKP, pegawai: Konteks, kode_arsip: str) -> str:
    parts = [f"{judul} {skp.tahun}", pegawai["nama"], f"NIP {pegawai['nip']}",
             f"versi data {skp.versi}"]
    if kode_arsip:
        parts.append(f"arsip {kode_arsip}")
    return " · ".join(parts)


def _kepala(skp: SKP, judul: str, tanggal: dt.date | None, kode_arsip: str) -> Konteks:
    """What every SKP-based form shares: office, header blocks, signatures, footer."""
    snap = skp.snapshot or {}
    base = konteks_kantor()
    pegawai = orang(snap.get("pegawai"))
    tempat = base["kantor"]["tempat"]
    tanggal = tanggal or tanggal_penetapan(skp) or _lokal(dt.datetime.now(dt.UTC).replace(
        tzinfo=None))
    tanggal_teks = fmt.tanggal(tanggal)
    base.update(
        {
            "tahun": str(skp.tahun),
            "periode_penilaian": periode_penilaian(skp.tgl_mulai, skp.tgl_selesai),
            "pegawai": pegawai,
            "penilai": orang(snap.get("penilai")),
            "atasan_penilai": orang(snap.get("atasan_penilai")),
            "label_unit_penilai": "INSTANSI" if skp.varian == "JPT" else "UNIT KERJA",
            "ttd": {
                "tempat": tempat,
                "tanggal": tanggal_teks,
                "tempat_tanggal": f"{tempat}, {tanggal_teks}" if tempat else tanggal_teks,
                "pegawai": penanda_tangan(PERAN_PEGAWAI, snap.get("pegawai")),
                "penilai": penanda_tangan(PERAN_PENILAI, snap.get("penilai")),
                "atasan_penilai": penanda_tangan(PERAN_ATASAN, snap.get("atasan_penilai")),
            },
            "versi_data": str(skp.versi),
            "identitas": _identitas(judul, skp, pegawai, kode_arsip),
            "kode_verifikasi": kode_verifikasi(Entitas.SKP, skp.id),
        }
    )
    return base


def kode_verifikasi(entitas: str, record_id: uuid.UUID) -> str:
    """The footer's code of the record's signed version ("" for a record without history):
    ``skpdesk verifikasi --kode`` says whether a paper shows the current one."""
    return verifikasi.kode_rekaman(entitas, record_id) or ""


def _target(iki: IndikatorKinerja) -> str:
    if iki.target_min is None and iki.target_max is None:
        return iki.target_teks
    return fmt.target(iki.target_min, iki.target_max, iki.satuan)


def _aspek(kode: str) -> str:
    try:
        return Aspek(kode).label
    except ValueError:
        return kode


def _uraian_lengkap(rhk: RencanaHasilKerja) -> str:
    """JPT rows name their source in brackets: "… (penugasan dari Bupati)"."""
    penugasan = rhk.penugasan.strip()
    if not penugasan:
        return rhk.uraian
    if not penugasan.startswith("("):
        penugasan = f"({penugasan})"
    return f"{rhk.uraian}\n{penugasan}"


def _rhk(rhk: RencanaHasilKerja, no: int, iki: list[IndikatorKinerja], intervensi: str
         ) -> Konteks:
    baris = [
        {"aspek": _aspek(k.aspek), "indikator": k.indikator, "target": _target(k)} for k in iki
    ] or [{"aspek": "", "indikator": "", "target": ""}]  # an RHK always keeps its row
    ukuran = [line.strip() for line in rhk.ukuran_keberhasilan.splitlines() if line.strip()]
    ukuran += [
        f"{k.indikator}: {_target(k)}" if _target(k) else k.indikator for k in iki if k.indikator
    ]
    return {
        "no": str(no),
        "jenis": rhk.jenis,
        "intervensi": intervensi,
        "uraian": rhk.uraian,
        "uraian_lengkap": _uraian_lengkap(rhk),
        "penugasan": rhk.penugasan,
        "perspektif": rhk.perspektif,
        "baris": baris,
        "ukuran": ukuran,
    }


def _daftar_rhk(skp: SKP) -> list[Konteks]:
    """Every RHK with its IKI and intervened RHK in three queries, whatever the row count."""
    rows = list(skp.rhk.order_by(RencanaHasilKerja.urutan))
    iki: dict = {r.id: [] for r in rows}
    for k in (
        IndikatorKinerja.select()
        .join(RencanaHasilKerja)
        .where(RencanaHasilKerja.skp == skp.id)
        .order_by(IndikatorKinerja.urutan)
    ):
        iki[k.rhk_id].append(k)
    wanted = {r.intervensi_id for r in rows if r.intervensi_id}
    intervensi = {
        r.id: r.uraian
        for r in RencanaHasilKerja.select(RencanaHasilKerja.id, RencanaHasilKerja.uraian).where(
            RencanaHasilKerja.id.in_(list(wanted))
        )
    } if wanted else {}
    out: list[Konteks] = []
    counters = {JenisRHK.UTAMA.value: 0, JenisRHK.TAMBAHAN.value: 0}
    for r in rows:
        group = JenisRHK.UTAMA.value if r.jenis == JenisRHK.UTAMA else JenisRHK.TAMBAHAN.value
        counters[group] += 1
        out.append(_rhk(r, counters[group], iki[r.id], intervensi.get(r.intervensi_id, "")))
    return out


def konteks_skp(
    skp_id: uuid.UUID, *, tanggal: dt.date | None = None, kode_arsip: str = ""
) -> Konteks:
    """The SKP form (JA/JF or JPT, kuantitatif or kualitatif), docs/domain.md §2.2–2.4."""
    skp = skp_service.ambil(skp_id)
    context = _kepala(skp, "SKP", tanggal, kode_arsip)
    rows = _daftar_rhk(skp)
    ekspektasi = {e.nomor: e.ekspektasi_khusus.strip() for e in skp.ekspektasi}
    kuantitatif = skp.pendekatan != Pendekatan.KUALITATIF
    context.update(
        {
            "varian": skp.varian,
            "kuantitatif": kuantitatif,
            "pendekatan_judul": "KUANTITATIF" if kuantitatif else "KUALITATIF",
            "utama": [r for r in rows if r["jenis"] == JenisRHK.UTAMA],
            "tambahan": [r for r in rows if r["jenis"] != JenisRHK.UTAMA],
            "perilaku": [
                {
                    "no": str(v.nomor),
                    "nama": v.nama,
                    "panduan": list(v.panduan),
                    "ekspektasi": ekspektasi.get(v.nomor) or "-",
                }
                for v in BERAKHLAK
            ],
        }
    )
    return context


def konteks_lampiran(
    skp_id: uuid.UUID, *, tanggal: dt.date | None = None, kode_arsip: str = ""
) -> Konteks:
    """The Lampiran SKP: three numbered lists under the same header and signatures (§2.5)."""
    skp = skp_service.ambil(skp_id)
    context = _kepala(skp, "Lampiran SKP", tanggal, kode_arsip)
    stored = skp.lampiran or {}
    context["lampiran"] = [
        {
            "no": str(n),
            "judul": f"{n}. {label}",
            "isi": [
                {"no": str(i), "teks": teks}
                for i, teks in enumerate((stored.get(key) or []), start=1)
            ],
        }
        for n, (key, label) in enumerate(LAMPIRAN_BAGIAN, start=1)
    ]
    return context


# --- sample data: what an office template is tried with before it is accepted ---------------

_ORANG_CONTOH = {
    "nama": "Sri & Rahayu <Plt>, S.Sos.",
    "nip": "19850315 201001 2 003",
    "pangkat_gol": "Penata Muda Tingkat I, III/b",
    "jabatan": "Analis Kesejahteraan Sosial",
    "unit": "Seksi Kesejahteraan Sosial",
}
_PENILAI_CONTOH = {
    "nama": "Dewi Lestari, S.Sos.",
    "nip": "19830322 200901 2 006",
    "pangkat_gol": "Penata, III/c",
    "jabatan": "Kepala Seksi Kesejahteraan Sosial",
    "unit": "Seksi Kesejahteraan Sosial",
    "plt": "Plt.",
    "atas_nama": "Camat Contoh",
}


# A verification code for the sample contexts an office's template is tried with.
KODE_CONTOH = "K7QM-2XFD-9A"


def _kepala_contoh(judul: str) -> Konteks:
    return {
        "kantor": {
            "nama": "Kecamatan Contoh",
            "nama_kapital": "KECAMATAN CONTOH",
            "pemerintah_daerah": "Pemerintah Kabupaten Contoh",
            "alamat": "Jl. Contoh No. 1",
            "tempat": "Contoh",
        },
        "kop_utama": ["PEMERINTAH KABUPATEN CONTOH", "KECAMATAN CONTOH"],
        "kop_alamat": ["Jl. Contoh No. 1"],
        "logo": "",
        "tahun": "2024",
        "periode_penilaian": "1 JANUARI SD 31 DESEMBER TAHUN 2024",
        "pegawai": orang(_ORANG_CONTOH),
        "penilai": orang(_PENILAI_CONTOH),
        "atasan_penilai": orang(_PENILAI_CONTOH),
        "label_unit_penilai": "UNIT KERJA",
        "ttd": {
            "tempat": "Contoh",
            "tanggal": "16 Januari 2024",
            "tempat_tanggal": "Contoh, 16 Januari 2024",
            "pegawai": penanda_tangan(PERAN_PEGAWAI, _ORANG_CONTOH),
            "penilai": penanda_tangan(PERAN_PENILAI, _PENILAI_CONTOH),
            "atasan_penilai": penanda_tangan(PERAN_ATASAN, _PENILAI_CONTOH),
        },
        "versi_data": "1",
        "identitas": f"{judul} 2024 · contoh",
        "kode_verifikasi": KODE_CONTOH,
    }


def contoh_skp(kuantitatif: bool = True) -> Konteks:
    context = _kepala_contoh("SKP")
    rhk = {
        "no": "1",
        "jenis": "UTAMA",
        "intervensi": "RHK pimpinan <contoh>",
        "uraian": "RHK & contoh",
        "uraian_lengkap": "RHK & contoh\n(penugasan dari Bupati)",
        "penugasan": "penugasan dari Bupati",
        "perspektif": "Penerima Layanan",
        "baris": [
            {"aspek": "Kuantitas", "indikator": "Jumlah dokumen", "target": "12 Dokumen"},
            {"aspek": "Kualitas", "indikator": "Persentase", "target": "80 – 90%"},
        ],
        "ukuran": ["Jumlah dokumen: 12 Dokumen"],
    }
    context.update(
        {
            "varian": "JA_JF",
            "kuantitatif": kuantitatif,
            "pendekatan_judul": "KUANTITATIF" if kuantitatif else "KUALITATIF",
            "utama": [rhk],
            "tambahan": [],
            "perilaku": [
                {"no": str(v.nomor), "nama": v.nama, "panduan": list(v.panduan),
                 "ekspektasi": "-"}
                for v in BERAKHLAK
            ],
        }
    )
    return context


def contoh_lampiran() -> Konteks:
    context = _kepala_contoh("Lampiran SKP")
    context["lampiran"] = [
        {"no": "1", "judul": "1. DUKUNGAN SUMBER DAYA",
         "isi": [{"no": "1", "teks": "Komputer & jaringan <internet>"}]},
        {"no": "2", "judul": "2. SKEMA PERTANGGUNGJAWABAN", "isi": []},
        {"no": "3", "judul": "3. KONSEKUENSI", "isi": []},
    ]
    return context
