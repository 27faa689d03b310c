"""Context builders of the evaluation forms (docs/domain.md §2.9.6, §4.1): Evaluasi Kinerja Pegawai,
Dokumen Evaluasi Kinerja Pegawai and the Buku Catatan Penilai.

Same rules as ``konteks``: plain JSON, every key always present, every value a string (or a
list/dict/bool of them). The kurva distribusi travels as its data; ``render`` draws the image.
"""

from __future__ import annotations

import datetime as dt
import uuid

from skpdesk.documents import konteks
from skpdesk.documents.konteks import Konteks, orang, penanda_tangan
from skpdesk.documents.kurva import data_kurva
from skpdesk.domain import format as fmt
from skpdesk.domain.aturan import URUTAN_KURVA, Predikat, Rating
from skpdesk.domain.aturan import CapaianOrganisasi as NilaiCapaian
from skpdesk.domain.berakhlak import BERAKHLAK
from skpdesk.domain.entitas import Entitas
from skpdesk.domain.evaluasi import STATUS_SUDAH_FINAL, Periode
from skpdesk.domain.nip import format_nip
from skpdesk.domain.skp import JenisRHK, Pendekatan
from skpdesk.i18n import _
from skpdesk.services import evaluasi as ev
from skpdesk.services.errors import TidakDitemukan
from skpdesk.store.models import (
    SKP,
    BuktiDukung,
    CatatanPenilai,
    Evaluasi,
    IndikatorKinerja,
    Keberatan,
    RealisasiIKI,
    RencanaHasilKerja,
    Riwayat,
)

KOSONG = "-"  # a rating not given yet prints as a dash, never as an empty box
# The moments an evaluation is signed under: the latest rating, finalisation or decision.
_AKSI_TANGGAL = ("nilai", "ubah_penilaian", "finalkan", "putuskan_keberatan")


def _label(enum, value: str | None) -> str:
    if not value:
        return KOSONG
    try:
        member = enum(value)
    except ValueError:
        return value
    return getattr(member, "label_cetak", member.label.upper())


def tanggal_evaluasi(evaluasi: Evaluasi) -> dt.date | None:
    row = (
        Riwayat.select()
        .where(
            (Riwayat.entitas == ev.ENTITAS)
            & (Riwayat.entitas_id == str(evaluasi.id))
            & Riwayat.aksi.in_(_AKSI_TANGGAL)
        )
        .order_by(Riwayat.nomor.desc())
        .first()
    )
    return konteks._lokal(row.waktu) if row else None


def _rentang(evaluasi: Evaluasi, periode: Periode) -> tuple[dt.date, dt.date]:
    """The dates the evaluation covers, inside the SKP's own (a mid-year SKP starts later)."""
    skp: SKP = evaluasi.skp
    awal, akhir = periode.rentang(evaluasi.tahun)
    return max(awal, skp.tgl_mulai), min(akhir, skp.tgl_selesai)


def _kepala(evaluasi: Evaluasi, judul: str, tanggal: dt.date | None, kode_arsip: str
            ) -> Konteks:
    skp: SKP = evaluasi.skp
    periode = ev.periode_dari(evaluasi.periode)
    context = konteks._kepala(skp, judul, tanggal or tanggal_evaluasi(evaluasi), kode_arsip)
    context["periode_penilaian"] = konteks.periode_penilaian(*_rentang(evaluasi, periode))
    context["periode_label"] = periode.label_cetak
    context["tahunan"] = periode.tahunan
    pegawai = context["pegawai"]
    parts = [f"{judul} {skp.tahun} {periode.nama}", pegawai["nama"], f"NIP {pegawai['nip']}",
             f"versi data {skp.versi}.{evaluasi.versi}"]
    if kode_arsip:
        parts.append(f"arsip {kode_arsip}")
    context["identitas"] = " · ".join(parts)
    # The evaluation's own signed version, not its SKP's.
    context["kode_verifikasi"] = konteks.kode_verifikasi(Entitas.EVALUASI, evaluasi.id)
    # The third header block (§2.3) as a printable block with its own unit label.
    context["label_unit_atasan"] = "UNIT KERJA"
    return context


def _capaian(evaluasi: Evaluasi) -> NilaiCapaian | None:
    if evaluasi.unit_id is None:
        return None
    row = ev.capaian_organisasi(evaluasi.unit_id, evaluasi.tahun, evaluasi.periode)
    return NilaiCapaian(row.nilai) if row else None


def _capaian_cetak(capaian: NilaiCapaian | None) -> str:
    return capaian.label.upper() if capaian else KOSONG


def _realisasi(iki: IndikatorKinerja, row: RealisasiIKI | None, bukti: list[BuktiDukung]
               ) -> str:
    if row is None or not (row.realisasi_teks or "").strip():
        return KOSONG
    if row.realisasi_angka is not None:
        satuan = (iki.satuan or "").strip()
        number = fmt.angka(row.realisasi_angka)
        text = f"{number}{satuan}" if satuan == "%" else f"{number} {satuan}".strip()
    else:
        text = row.realisasi_teks.strip()
    lines = [text]
    if row.keterangan.strip():
        lines.append(row.keterangan.strip())
    if bukti:
        names = [b.nama_asli or b.url or "" for b in bukti]
        lines.append(_("Bukti dukung: {daftar}").format(daftar="; ".join(n for n in names if n)))
    return "\n".join(lines)


def _daftar_rhk(evaluasi: Evaluasi) -> list[Konteks]:
    """The SKP's RHK rows (as on the SKP form) with each IKI's realisasi and umpan balik."""
    skp: SKP = evaluasi.skp
    rhk = list(skp.rhk.order_by(RencanaHasilKerja.urutan))
    iki: dict = {r.id: [] for r in rhk}
    for k in (
        IndikatorKinerja.select()
        .join(RencanaHasilKerja)
        .where(RencanaHasilKerja.skp == skp.id)
        .order_by(IndikatorKinerja.urutan)
    ):
        iki[k.rhk_id].append(k)
    realisasi = {
        r.iki_id: r for r in RealisasiIKI.select().where(RealisasiIKI.evaluasi == evaluasi)
    }
    bukti: dict = {}
    if realisasi:
        for b in (
            BuktiDukung.select()
            .where(BuktiDukung.realisasi.in_([r.id for r in realisasi.values()]))
            .order_by(BuktiDukung.dibuat)
        ):
            bukti.setdefault(b.realisasi_id, []).append(b)
    wanted = {r.intervensi_id for r in rhk if r.intervensi_id}
    intervensi = {
        r.id: r.uraian
        for r in RencanaHasilKerja.select(RencanaHasilKerja.id, RencanaHasilKerja.uraian)
        .where(RencanaHasilKerja.id.in_(list(wanted)))
    } if wanted else {}
    out: list[Konteks] = []
    counters = {JenisRHK.UTAMA.value: 0, JenisRHK.TAMBAHAN.value: 0}
    for r in rhk:
        group = JenisRHK.UTAMA.value if r.jenis == JenisRHK.UTAMA else JenisRHK.TAMBAHAN.value
        counters[group] += 1
        row = konteks._rhk(r, counters[group], iki[r.id], intervensi.get(r.intervensi_id, ""))
        for b, k in zip(row["baris"], iki[r.id], strict=False):
            found = realisasi.get(k.id)
            b["realisasi"] = _realisasi(k, found, bukti.get(found.id, []) if found else [])
            b["umpan_balik"] = (found.umpan_balik.strip() if found else "") or KOSONG
        for b in row["baris"][len(iki[r.id]):]:  # the placeholder row of an RHK without IKI
            b.update(realisasi=KOSONG, umpan_balik=KOSONG)
        row["realisasi_ringkas"] = [
            f"{b['indikator']}: {b['realisasi']}" for b in row["baris"] if b["indikator"]
        ]
        row["umpan_balik_ringkas"] = [
            b["umpan_balik"] for b in row["baris"] if b["umpan_balik"] != KOSONG
        ] or [KOSONG]
        out.append(row)
    return out


def ambil_evaluasi(evaluasi_id: uuid.UUID) -> Evaluasi:
    return ev.ambil(evaluasi_id)


def konteks_evaluasi(
    evaluasi_id: uuid.UUID, *, tanggal: dt.date | None = None, kode_arsip: str = ""
) -> Konteks:
    """EVALUASI KINERJA PEGAWAI of one period, the annual one included (§2.9.6 A)."""
    evaluasi = ambil_evaluasi(evaluasi_id)
    skp: SKP = evaluasi.skp
    context = _kepala(evaluasi, "Evaluasi Kinerja", tanggal, kode_arsip)
    rows = _daftar_rhk(evaluasi)
    ekspektasi = {e.nomor: e.ekspektasi_khusus.strip() for e in skp.ekspektasi}
    umpan_balik = ev.umpan_balik_perilaku_evaluasi(evaluasi)
    kuantitatif = skp.pendekatan != Pendekatan.KUALITATIF
    capaian = _capaian(evaluasi)
    if evaluasi.unit_id is not None:
        frekuensi = ev.cek_distribusi_unit(evaluasi.unit_id, evaluasi.tahun, evaluasi.periode
                                           ).frekuensi
    else:
        frekuensi = {p: 0 for p in URUTAN_KURVA}
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
                    "ekspektasi": ekspektasi.get(v.nomor) or KOSONG,
                    "umpan_balik": (umpan_balik.get(v.nomor) or "").strip() or KOSONG,
                }
                for v in BERAKHLAK
            ],
            "rating_hasil_kerja": _label(Rating, evaluasi.rating_hasil_kerja),
            "rating_perilaku": _label(Rating, evaluasi.rating_perilaku),
            "predikat": _label(Predikat, evaluasi.predikat),
            "capaian_organisasi": _capaian_cetak(capaian),
            "unit_kurva": evaluasi.unit.nama if evaluasi.unit_id else "",
            "kurva": data_kurva(frekuensi),
            "kurva_judul": "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA "
                           f"ORGANISASI {_capaian_cetak(capaian)}",
            "kurva_gambar": "",  # replaced by the image at render time; never stored
        }
    )
    return context


def _pilihan_predikat(predikat: str | None) -> list[Konteks]:
    """"SANGAT BAIK/ BAIK/ BUTUH PERBAIKAN/ KURANG/ SANGAT KURANG", the chosen one marked."""
    order = list(reversed(URUTAN_KURVA))
    return [
        {
            "label": p.label_cetak,
            "dipilih": p.value == predikat,
            "pemisah": "/ " if i < len(order) - 1 else "",
        }
        for i, p in enumerate(order)
    ]


def _keberatan(row: Keberatan | None) -> Konteks:
    def tgl(moment: dt.datetime | None) -> str:
        return fmt.tanggal(konteks._lokal(moment)) if moment else ""

    if row is None:
        return {"alasan": "", "tanggal": "", "tanggapan": "", "tanggal_tanggapan": "",
                "keputusan": "", "tanggal_keputusan": "", "perubahan": ""}
    perubahan = ""
    before, after = row.rating_sebelum or {}, row.rating_sesudah or {}
    if after and before.get("predikat") != after.get("predikat"):
        perubahan = _("Predikat diubah dari {dari} menjadi {ke}.").format(
            dari=_label(Predikat, before.get("predikat")),
            ke=_label(Predikat, after.get("predikat")),
        )
    elif after:
        perubahan = _("Predikat tetap {predikat}.").format(
            predikat=_label(Predikat, after.get("predikat"))
        )
    return {
        "alasan": row.alasan.strip() or KOSONG,
        "tanggal": tgl(row.diajukan),
        "tanggapan": row.tanggapan.strip() or KOSONG,
        "tanggal_tanggapan": tgl(row.ditanggapi),
        "keputusan": row.keputusan.strip() or KOSONG,
        "tanggal_keputusan": tgl(row.diputus),
        "perubahan": perubahan,
    }


def wajib_final(evaluasi: Evaluasi) -> None:
    if evaluasi.status not in STATUS_SUDAH_FINAL or not evaluasi.predikat:
        raise TidakDitemukan(
            _(
                "Evaluasi tahunan {nama} tahun {tahun} belum final; Dokumen Evaluasi dibuat "
                "setelah predikat kinerja ditetapkan."
            ).format(nama=evaluasi.skp.pegawai.nama_lengkap, tahun=evaluasi.tahun)
        )


def konteks_dokumen_evaluasi(
    evaluasi_id: uuid.UUID, *, tanggal: dt.date | None = None, kode_arsip: str = ""
) -> Konteks:
    """DOKUMEN EVALUASI KINERJA PEGAWAI, one page, with the optional keberatan (§2.9.6 B)."""
    evaluasi = ambil_evaluasi(evaluasi_id)
    wajib_final(evaluasi)
    context = _kepala(evaluasi, "Dokumen Evaluasi Kinerja", tanggal, kode_arsip)
    row = ev.keberatan_terakhir(evaluasi)
    context.update(
        {
            "capaian_organisasi": _capaian_cetak(_capaian(evaluasi)),
            "predikat": _label(Predikat, evaluasi.predikat),
            "predikat_pilihan": _pilihan_predikat(evaluasi.predikat),
            "rating_hasil_kerja": _label(Rating, evaluasi.rating_hasil_kerja),
            "rating_perilaku": _label(Rating, evaluasi.rating_perilaku),
            "catatan": "",  # written by hand by the pejabat penilai
            "ada_keberatan": row is not None,
            "keberatan": _keberatan(row),
        }
    )
    return context


# --- buku catatan penilai -----------------------------------------------------------------


def catatan_skp(skp: SKP) -> list[CatatanPenilai]:
    """The entries about the SKP's pegawai dated within the SKP's period, oldest first."""
    return list(
        CatatanPenilai.select()
        .where(
            (CatatanPenilai.pegawai == skp.pegawai_id)
            & (CatatanPenilai.tanggal >= skp.tgl_mulai)
            & (CatatanPenilai.tanggal <= skp.tgl_selesai)
        )
        .order_by(CatatanPenilai.tanggal, CatatanPenilai.dibuat)
    )


def konteks_buku_catatan(
    skp_id: uuid.UUID, *, tanggal: dt.date | None = None, kode_arsip: str = ""
) -> Konteks:
    """BUKU CATATAN PENILAIAN PERILAKU: the dated entries of the year (§4.1, SOP 002)."""
    skp = SKP.get_or_none(SKP.id == skp_id)
    if skp is None:
        raise TidakDitemukan(_("SKP tidak ditemukan."))
    rows = catatan_skp(skp)
    snap = skp.snapshot or {}
    penilai_snap = orang(snap.get("penilai"))
    last = rows[-1].tanggal if rows else None
    context = konteks._kepala(skp, "Buku Catatan Penilai", tanggal or last, kode_arsip)
    entries = []
    for n, row in enumerate(rows, start=1):
        if row.penilai_id == skp.penilai_id and penilai_snap["nama"]:
            nama, nip = penilai_snap["nama"], penilai_snap["nip"]
        else:
            nama, nip = row.penilai.nama_lengkap, format_nip(row.penilai.nip)
        entries.append({
            "no": str(n),
            "tanggal": fmt.tanggal(row.tanggal),
            "uraian": row.catatan,
            "penilai_nama": nama,
            "penilai_nip": nip,
        })
    context["catatan"] = entries
    context["jumlah_catatan"] = str(len(entries))
    context["ttd"]["penilai"] = penanda_tangan(konteks.PERAN_PENILAI, snap.get("penilai"))
    return context


# --- sample data --------------------------------------------------------------------------


def _contoh_kepala(judul: str) -> Konteks:
    context = konteks._kepala_contoh(judul)
    context.update(
        {"periode_label": "TRIWULAN IV-AKHIR", "tahunan": True, "label_unit_atasan": "UNIT KERJA"}
    )
    return context


def contoh_evaluasi(kuantitatif: bool = True) -> Konteks:
    context = _contoh_kepala("Evaluasi Kinerja")
    sample = konteks.contoh_skp(kuantitatif)
    rhk = dict(sample["utama"][0])
    rhk["baris"] = [
        {**b, "realisasi": "12 Dokumen", "umpan_balik": "Pertahankan & <tingkatkan>"}
        for b in rhk["baris"]
    ]
    rhk["realisasi_ringkas"] = ["Jumlah dokumen: 12 Dokumen"]
    rhk["umpan_balik_ringkas"] = ["Pertahankan & <tingkatkan>"]
    context.update(
        {
            "varian": "JA_JF",
            "kuantitatif": kuantitatif,
            "pendekatan_judul": sample["pendekatan_judul"],
            "utama": [rhk],
            "tambahan": [],
            "perilaku": [{**p, "umpan_balik": "-"} for p in sample["perilaku"]],
            "rating_hasil_kerja": "SESUAI EKSPEKTASI",
            "rating_perilaku": "DIATAS EKSPEKTASI",
            "predikat": "BAIK",
            "capaian_organisasi": "BAIK",
            "unit_kurva": "Seksi Contoh",
            "kurva": data_kurva({"BAIK": 3, "SANGAT_BAIK": 1, "BUTUH_PERBAIKAN": 1}),
            "kurva_judul": "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA "
                           "ORGANISASI BAIK",
            "kurva_gambar": "",
        }
    )
    return context


def contoh_dokumen_evaluasi(keberatan: bool = True) -> Konteks:
    context = _contoh_kepala("Dokumen Evaluasi Kinerja")
    context.update(
        {
            "capaian_organisasi": "BAIK",
            "predikat": "BAIK",
            "predikat_pilihan": _pilihan_predikat(Predikat.BAIK.value),
            "rating_hasil_kerja": "SESUAI EKSPEKTASI",
            "rating_perilaku": "SESUAI EKSPEKTASI",
            "catatan": "",
            "ada_keberatan": keberatan,
            "keberatan": {
                "alasan": "Alasan & <contoh>", "tanggal": "16 Januari 2024",
                "tanggapan": "Tanggapan", "tanggal_tanggapan": "17 Januari 2024",
                "keputusan": "Keputusan", "tanggal_keputusan": "18 Januari 2024",
                "perubahan": "Predikat tetap BAIK.",
            },
        }
    )
    return context


def contoh_buku_catatan() -> Konteks:
    context = konteks._kepala_contoh("Buku Catatan Penilai")
    context["catatan"] = [
        {"no": "1", "tanggal": "16 Januari 2024", "uraian": "Terlambat apel & <pagi>",
         "penilai_nama": "Dewi Lestari, S.Sos.", "penilai_nip": "19830322 200901 2 006"},
    ]
    context["jumlah_catatan"] = "1"
    return context
