"""Contexts of the Laporan Pengukuran Kinerja and its surat pengantar (SOP 003 steps 8–10)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from skpdesk.documents import konteks
from skpdesk.documents.konteks import Konteks, penanda_tangan
from skpdesk.documents.rekaman import Rekaman
from skpdesk.domain import format as fmt
from skpdesk.domain.entitas import Entitas
from skpdesk.domain.nip import format_nip, normalize_nip
from skpdesk.domain.pengukuran import (
    ALUR_PENGUKURAN,
    PitaCapaian,
    Polaritas,
    StatusPengukuran,
    label_triwulan,
)
from skpdesk.i18n import _
from skpdesk.services import pengukuran as ps
from skpdesk.services.errors import TidakDitemukan
from skpdesk.services.skp import data_orang
from skpdesk.store.models import (
    Pegawai,
    PengukuranKinerja,
    PerjanjianKinerja,
    Riwayat,
    UnitKerja,
)

S = StatusPengukuran
# Until the Camat ratifies, the paper says it is a draft: nobody signs a draft by mistake.
STATUS_SAH = frozenset({S.DISAHKAN_CAMAT, S.PENGANTAR_DITUGASKAN, S.DIKIRIM, S.TERDOKUMENTASI})
ROMAWI = ("I", "II", "III", "IV")
ANGKA_KATA = ("nol", "satu", "dua", "tiga", "empat", "lima")


def _tanggal_aksi(pengukuran: PengukuranKinerja, *aksi: str) -> dt.date | None:
    row = (
        Riwayat.select()
        .where((Riwayat.entitas == ps.ENTITAS) & (Riwayat.entitas_id == str(pengukuran.id))
               & Riwayat.aksi.in_(list(aksi)))
        .order_by(Riwayat.nomor.desc())
        .first()
    )
    return konteks._lokal(row.waktu) if row else None


def _hari_ini() -> dt.date:
    return konteks._lokal(dt.datetime.now(dt.UTC).replace(tzinfo=None))


def _nilai(value: Decimal | None) -> str:
    return fmt.angka(value) if value is not None else "-"


def _persen(value: Decimal | None) -> str:
    return fmt.angka(value, 2) if value is not None else "-"


def _pita_teks(pita: tuple[PitaCapaian, ...]) -> str:
    """"Sangat Baik > 90; Baik > 75 s.d. 90; …; Sangat Kurang ≤ 50", as a legend under the table."""
    parts = []
    upper: Decimal | None = None
    for band in pita:
        if band.lebih_dari is None:
            parts.append(f"{band.label} ≤ {fmt.angka(upper)}" if upper is not None else band.label)
        elif upper is None:
            parts.append(f"{band.label} > {fmt.angka(band.lebih_dari)}")
        else:
            parts.append(f"{band.label} > {fmt.angka(band.lebih_dari)} s.d. {fmt.angka(upper)}")
        upper = band.lebih_dari
    return "; ".join(parts)


def _unit_dan_bawahannya(unit: UnitKerja) -> list[UnitKerja]:
    """The unit and its sub-units in tree order (a subbagian right after its sekretariat)."""
    found = [unit]
    for child in unit.sub_unit.where(UnitKerja.aktif).order_by(UnitKerja.urutan, UnitKerja.nama):
        found += _unit_dan_bawahannya(child)
    return found


def _daftar_pegawai(pk: PerjanjianKinerja) -> list[Konteks]:
    """Every active employee of the unit signs the report (SOP 003 step 8), in rank order."""
    units = _unit_dan_bawahannya(pk.unit)
    rank = {u.id: i for i, u in enumerate(units)}
    people = list(Pegawai.select().where(Pegawai.unit.in_([u.id for u in units]) & Pegawai.aktif))
    # Heads first within their unit: a head's atasan is outside the unit.
    people.sort(key=lambda p: (rank[p.unit_id], p.atasan_id is not None and p.atasan is not None
                               and p.atasan.unit_id == p.unit_id, p.nama))
    return [
        {"no": str(n), "nama": p.nama_lengkap, "nip": format_nip(p.nip),
         "jabatan": p.jabatan.nama if p.jabatan else "", "kiri": n % 2 == 1}
        for n, p in enumerate(people, start=1)
    ]


def _baris(pengukuran: PengukuranKinerja) -> list[Konteks]:
    out = []
    for b in ps.baris(pengukuran):
        out.append({
            "no": str(b.no),
            "sasaran": b.sasaran,
            "indikator": b.indikator,
            "satuan": b.satuan,
            "polaritas": _label_polaritas(b.polaritas),
            "target_tahun": fmt.target(b.target_tahun, b.target_tahun_maks) or "-",
            "target": fmt.target(b.target, b.target_maks) or "-",
            "realisasi": _nilai(b.realisasi),
            "capaian": _persen(b.capaian) if not b.galat else "n/a",
            "kumulatif": _nilai(b.realisasi_kumulatif),
            "capaian_kumulatif": _persen(b.capaian_kumulatif),
            "kategori": b.pita.label if b.pita else "-",
            "kendala": b.kendala or "-",
            "tindak_lanjut": b.tindak_lanjut or "-",
        })
    return out


def _kelompok(rows: list[Konteks]) -> list[Konteks]:
    """Consecutive rows of one sasaran under one merged cell."""
    groups: list[Konteks] = []
    for row in rows:
        if not groups or groups[-1]["sasaran"] != row["sasaran"]:
            groups.append({"sasaran": row["sasaran"], "baris": []})
        groups[-1]["baris"].append(row)
    return groups


def _label_polaritas(pol: Polaritas) -> str:
    # Short words for a narrow column; the legend says what they mean.
    return {Polaritas.POSITIF: "Positif", Polaritas.NEGATIF: "Negatif",
            Polaritas.RENTANG: "Rentang", Polaritas.PEMELIHARAAN: "Pemeliharaan"}[pol]


def _identitas(judul: str, pengukuran: PengukuranKinerja, kode_arsip: str) -> str:
    parts = [judul, f"TW {ROMAWI[pengukuran.triwulan - 1]} {pengukuran.pk.tahun}",
             pengukuran.pk.unit.nama, f"versi data {pengukuran.versi}"]
    if kode_arsip:
        parts.append(f"arsip {kode_arsip}")
    return " · ".join(parts)


def _dasar(pengukuran: PengukuranKinerja, judul: str, kode_arsip: str) -> Konteks:
    pk = pengukuran.pk
    base = konteks.konteks_kantor()
    base.update({
        "tahun": str(pk.tahun),
        "triwulan": ROMAWI[pengukuran.triwulan - 1],
        "triwulan_label": label_triwulan(pengukuran.triwulan),
        "unit": pk.unit.nama,
        "unit_kapital": pk.unit.nama.upper(),
        "identitas": _identitas(judul, pengukuran, kode_arsip),
        "versi_data": str(pengukuran.versi),
        "kode_verifikasi": konteks.kode_verifikasi(Entitas.PENGUKURAN_KINERJA, pengukuran.id),
    })
    return base


def _ttd(tanggal: dt.date, tempat: str, kiri: tuple[str, Pegawai | None],
         kanan: tuple[str, Pegawai | None]) -> Konteks:
    teks = fmt.tanggal(tanggal)
    return {
        "tempat": tempat,
        "tanggal": teks,
        "tempat_tanggal": f"{tempat}, {teks}" if tempat else teks,
        # The shared signature block names its sides "pegawai" (left) and "penilai" (right).
        "pegawai": penanda_tangan(kiri[0], data_orang(kiri[1])),
        "penilai": penanda_tangan(kanan[0], data_orang(kanan[1])),
    }


def konteks_laporan(
    pengukuran_id: uuid.UUID, *, tanggal: dt.date | None = None, kode_arsip: str = ""
) -> Konteks:
    """The report: per indicator the quarter and the year so far, bands, kendala, RTL; signed
    by the Sekretaris who checked it and the Camat who ratifies, then by every employee."""
    pengukuran = ps.ambil(pengukuran_id)
    pk = pengukuran.pk
    context = _dasar(pengukuran, "Laporan Pengukuran Kinerja", kode_arsip)
    rows = _baris(pengukuran)
    tanggal = tanggal or _tanggal_aksi(pengukuran, "sahkan", "tandatangani",
                                       "setujui_sekretaris") or _hari_ini()
    context.update({
        "draf": pengukuran.status not in STATUS_SAH,
        "status": ALUR_PENGUKURAN.label(pengukuran.status),
        "baris": rows,
        "kelompok": _kelompok(rows),
        "pita": _pita_teks(ps.pita_kantor()),
        "ttd": _ttd(tanggal, context["kantor"]["tempat"],
                    ("Diperiksa oleh,", pengukuran.sekretaris),
                    ("Mengesahkan,", pengukuran.camat)),
        "pegawai_ttd": _daftar_pegawai(pk),
    })
    return context


def konteks_pengantar(
    pengukuran_id: uuid.UUID, *, tanggal: dt.date | None = None, kode_arsip: str = ""
) -> Konteks:
    """The surat pengantar in the tata naskah form: what is sent, how many, to whom."""
    pengukuran = ps.ambil(pengukuran_id)
    pk = pengukuran.pk
    context = _dasar(pengukuran, "Surat Pengantar", kode_arsip)
    tanggal = tanggal or _tanggal_aksi(pengukuran, "tugaskan_pengantar", "kirim") or _hari_ini()
    signer = pengukuran.camat
    tujuan = pk.pihak_kedua_jabatan or _("Bupati")
    perihal = f"Laporan Pengukuran Kinerja {pk.unit.nama} Triwulan " \
              f"{ROMAWI[pengukuran.triwulan - 1]} Tahun {pk.tahun}"
    n_lembar = 1
    context.update({
        "nomor": f"000.4/       /{pk.tahun}",
        "tanggal": fmt.tanggal(tanggal),
        "tempat_tanggal": f"{context['kantor']['tempat']}, {fmt.tanggal(tanggal)}"
        if context["kantor"]["tempat"] else fmt.tanggal(tanggal),
        "tujuan": tujuan,
        "tujuan_tempat": _("Tempat"),
        "isi": [
            {"no": "1", "naskah": perihal,
             "banyaknya": f"{n_lembar} ({ANGKA_KATA[n_lembar]}) berkas",
             "keterangan": "Disampaikan dengan hormat untuk menjadi periksa dan bahan evaluasi "
                           "akuntabilitas kinerja."},
        ],
        "pengirim": penanda_tangan("", data_orang(signer)),
    })
    return context


# --- finding the record: ``skpdesk render pengukuran --pegawai NIP --tahun Y --periode TW2`` ---


def rekaman(pengukuran_id: uuid.UUID) -> Rekaman:
    pengukuran = ps.ambil(pengukuran_id)
    pk = pengukuran.pk
    signer = pengukuran.camat
    return Rekaman("PengukuranKinerja", pengukuran.id, None, signer.id, pk.tahun,
                   f"TW{pengukuran.triwulan}", pengukuran.versi, signer.nip,
                   sumber=((Entitas.PENGUKURAN_KINERJA, pengukuran.id),
                           (Entitas.PERJANJIAN_KINERJA, pk.id)))


def _triwulan(periode: str | None) -> int:
    text = (periode or "").strip().upper().removeprefix("TW").removeprefix("TRIWULAN").strip()
    if text in ROMAWI:
        return ROMAWI.index(text) + 1
    if text.isdigit() and 1 <= int(text) <= 4:
        return int(text)
    raise TidakDitemukan(_("Periode pengukuran kinerja ditulis TW1, TW2, TW3 atau TW4."))


def cari(nip: str, tahun: int, periode: str | None = None) -> list[uuid.UUID]:
    """The quarter's measurement of the PK whose chain this person is in (Camat, Sekretaris,
    Kasubbag, pelaksana) or whose pihak pertama he is."""
    triwulan = _triwulan(periode)
    pegawai = Pegawai.get_or_none(Pegawai.nip == normalize_nip(nip))
    if pegawai is None:
        raise TidakDitemukan(_("Pegawai dengan NIP {nip} tidak ditemukan.").format(nip=nip))
    P = PengukuranKinerja
    found = list(
        P.select(P.id).join(PerjanjianKinerja)
        .where((PerjanjianKinerja.tahun == tahun) & (P.triwulan == triwulan)
               & ((P.camat == pegawai) | (P.sekretaris == pegawai) | (P.kasubbag == pegawai)
                  | (P.pelaksana == pegawai) | (PerjanjianKinerja.pihak_pertama == pegawai)))
    )
    if not found:
        raise TidakDitemukan(_("Belum ada pengukuran kinerja {tw} {tahun} untuk {nama}.").format(
            tw=label_triwulan(triwulan), tahun=tahun, nama=pegawai.nama_lengkap))
    return [p.id for p in found]


# --- sample data for checking an office's own template ------------------------------------------

_CAMAT = {"nama": "Drs. Camat & <Contoh>", "nip": "19750812 200003 1 004",
          "pangkat_gol": "Pembina Tingkat I, IV/b", "jabatan": "Camat", "unit": "Kecamatan"}


def _dasar_contoh() -> Konteks:
    return {
        "kantor": {"nama": "Kecamatan Contoh", "nama_kapital": "KECAMATAN CONTOH",
                   "pemerintah_daerah": "Pemerintah Kabupaten Contoh", "alamat": "Jl. Contoh 1",
                   "tempat": "Contoh"},
        "kop_utama": ["PEMERINTAH KABUPATEN CONTOH", "KECAMATAN CONTOH"],
        "kop_alamat": ["Jl. Contoh No. 1"],
        "logo": "",
        "tahun": "2026", "triwulan": "II", "triwulan_label": "Triwulan II",
        "unit": "Kecamatan Contoh", "unit_kapital": "KECAMATAN CONTOH",
        "identitas": "contoh", "versi_data": "1", "kode_verifikasi": konteks.KODE_CONTOH,
    }


def contoh_laporan(draf: bool = False) -> Konteks:
    context = _dasar_contoh()
    row = {
        "no": "1", "sasaran": "Sasaran & <contoh>", "indikator": "Indeks kepuasan",
        "satuan": "Indeks", "polaritas": "Positif", "target_tahun": "82", "target": "81",
        "realisasi": "81,5", "capaian": "100,62", "kumulatif": "81,5",
        "capaian_kumulatif": "99,39", "kategori": "Sangat Baik", "kendala": "-",
        "tindak_lanjut": "-",
    }
    context.update({
        "draf": draf,
        "status": "Disahkan Camat",
        "baris": [row],
        "kelompok": [{"sasaran": row["sasaran"], "baris": [row]}],
        "pita": "Sangat Baik > 90; Sangat Kurang ≤ 90",
        "ttd": {
            "tempat": "Contoh", "tanggal": "6 Juli 2026", "tempat_tanggal": "Contoh, 6 Juli 2026",
            "pegawai": penanda_tangan("Diperiksa oleh,", _CAMAT),
            "penilai": penanda_tangan("Mengesahkan,", _CAMAT),
        },
        "pegawai_ttd": [{"no": "1", "nama": "Sri & Rahayu", "nip": "19850315 201001 2 003",
                         "jabatan": "Analis", "kiri": True}],
    })
    return context


def contoh_pengantar() -> Konteks:
    context = _dasar_contoh()
    context.update({
        "nomor": "000.4/   /2026", "tanggal": "6 Juli 2026",
        "tempat_tanggal": "Contoh, 6 Juli 2026", "tujuan": "Bupati <Contoh>",
        "tujuan_tempat": "Tempat",
        "isi": [{"no": "1", "naskah": "Laporan & contoh", "banyaknya": "1 (satu) berkas",
                 "keterangan": "-"}],
        "pengirim": penanda_tangan("", _CAMAT),
    })
    return context
