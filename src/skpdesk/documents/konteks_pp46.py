"""Context builders of the three PP 46/2011 forms (docs/domain.md §4.1): Formulir SKP, Penilaian
Capaian SKP and Penilaian Prestasi Kerja. Numbers come from ``services.pp46.hitung``."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from skpdesk.documents import konteks
from skpdesk.documents.konteks import Konteks, penanda_tangan
from skpdesk.documents.rekaman import cari_skp
from skpdesk.domain import format as fmt
from skpdesk.domain.aturan import AspekPerilakuPP46
from skpdesk.domain.nip import normalize_nip
from skpdesk.domain.scoring import sebutan_pp46
from skpdesk.i18n import _
from skpdesk.services import pp46
from skpdesk.services import skp as skp_service
from skpdesk.services.errors import TidakDitemukan, ValidasiGagal
from skpdesk.store.models import SKP, KegiatanPP46, Pegawai, Riwayat

PERAN_PNS = "Pegawai Negeri Sipil yang Dinilai"
PERAN_PENILAI = "Pejabat Penilai"
PERAN_ATASAN = "Atasan Pejabat Penilai"


def cari(nip: str, tahun: int, periode: str | None = None) -> list[uuid.UUID]:
    """The PP 46/2011 SKP of one pegawai in one year; an SKP of another regime is refused."""
    found = [i for i in cari_skp(nip, tahun) if SKP.get_by_id(i).regime == pp46.REGIME.value]
    if not found:
        pegawai = Pegawai.get(Pegawai.nip == normalize_nip(nip))
        raise TidakDitemukan(
            _("SKP {nama} tahun {tahun} tidak memakai aturan PP 46/2011; formulir PP 46 "
              "tidak dapat dibuat. Gunakan jenis dokumen 'skp'.").format(
                nama=pegawai.nama_lengkap, tahun=tahun)
        )
    return found


def _tanggal_penilaian(skp: SKP) -> dt.date | None:
    """The day of the year's assessment: the last realisasi, tugas tambahan or perilaku entry."""
    row = (
        Riwayat.select()
        .where(
            (Riwayat.entitas == skp_service.ENTITAS)
            & (Riwayat.entitas_id == str(skp.id))
            & Riwayat.aksi.in_(["realisasi_pp46", "tugas_tambahan_pp46", "kreativitas_pp46",
                                "perilaku_pp46"])
        )
        .order_by(Riwayat.nomor.desc())
        .first()
    )
    return konteks._lokal(row.waktu) if row else None


def _kepala(skp: SKP, judul: str, tanggal: dt.date | None, kode_arsip: str) -> Konteks:
    context = konteks._kepala(skp, judul, tanggal, kode_arsip)
    snap = skp.snapshot or {}
    ttd = context["ttd"]
    ttd["pegawai"] = penanda_tangan(PERAN_PNS, snap.get("pegawai"))
    ttd["penilai"] = penanda_tangan(PERAN_PENILAI, snap.get("penilai"))
    ttd["atasan_penilai"] = penanda_tangan(PERAN_ATASAN, snap.get("atasan_penilai"))
    for block in ttd.values():
        if isinstance(block, dict) and not block["nama"]:
            block["nama"] = "(" + "." * 40 + ")"  # no such official on record: fill by hand
    context["jangka_waktu"] = f"{fmt.tanggal(skp.tgl_mulai)} s.d. {fmt.tanggal(skp.tgl_selesai)}"
    return context


def _n(value: Decimal | None, desimal: int | None = None) -> str:
    return "-" if value is None else fmt.angka(value, desimal)


def _kuant(value: Decimal | None, satuan: str) -> str:
    return "-" if value is None else f"{fmt.angka(value)} {satuan}".strip()


def _waktu(value: Decimal | None) -> str:
    return "-" if value is None else f"{fmt.angka(value)} bulan"


def _biaya(value: Decimal | None) -> str:
    return fmt.angka(value) if value else "-"


def _target(row: KegiatanPP46) -> Konteks:
    return {
        "ak": _n(row.angka_kredit),
        "kuant": _kuant(row.target_kuantitas, row.satuan),
        "kual": _n(row.target_kualitas),
        "waktu": _waktu(row.target_waktu),
        "biaya": _biaya(row.target_biaya),
    }


def konteks_skp(skp_id: uuid.UUID, *, tanggal: dt.date | None = None,
                kode_arsip: str = "") -> Konteks:
    """Formulir Sasaran Kerja PNS: I. penilai, II. PNS, III. kegiatan with their targets."""
    skp = pp46.ambil(skp_id)
    context = _kepala(skp, "Formulir SKP PP 46", tanggal, kode_arsip)
    context["kegiatan"] = [
        {"no": str(n), "kegiatan": row.kegiatan, **_target(row)}
        for n, row in enumerate(pp46.daftar_kegiatan(skp), start=1)
    ]
    return context


def _hitung_lengkap(skp_id: uuid.UUID, perlu_prestasi: bool) -> pp46.NilaiPP46:
    hasil = pp46.hitung(skp_id)
    if hasil.capaian is None or (perlu_prestasi and hasil.prestasi is None):
        judul = _("Penilaian prestasi kerja") if perlu_prestasi else _(
            "Penilaian capaian SKP")
        raise ValidasiGagal(
            {"pp46": _("{judul} {nama} belum dapat dibuat: {alasan}").format(
                judul=judul, nama=hasil.skp.pegawai.nama_lengkap,
                alasan=" ".join(hasil.kekurangan) or _("data belum lengkap."))}
        )
    return hasil


def konteks_capaian(skp_id: uuid.UUID, *, tanggal: dt.date | None = None,
                    kode_arsip: str = "") -> Konteks:
    """Penilaian Capaian Sasaran Kerja PNS: target beside realisasi, penghitungan, nilai."""
    hasil = _hitung_lengkap(skp_id, perlu_prestasi=False)
    skp = hasil.skp
    context = _kepala(skp, "Penilaian Capaian SKP", tanggal or _tanggal_penilaian(skp),
                      kode_arsip)
    rows = []
    for n, (row, h) in enumerate(hasil.kegiatan, start=1):
        dilaksanakan = bool(row.realisasi_kuantitas)
        rows.append({
            "no": str(n),
            "kegiatan": row.kegiatan,
            "target": _target(row),
            "realisasi": {
                "ak": _n(row.realisasi_angka_kredit),
                "kuant": _kuant(row.realisasi_kuantitas, row.satuan),
                "kual": _n(row.realisasi_kualitas) if dilaksanakan else "-",
                "waktu": _waktu(row.realisasi_waktu) if dilaksanakan else "-",
                "biaya": _biaya(row.realisasi_biaya) if dilaksanakan else "-",
            },
            "penghitungan": _n(h.penghitungan, 2) if h and h.bertarget else "-",
            "nilai": _n(h.nilai_bulat, 2) if h and h.bertarget else "-",
        })
    capaian = hasil.capaian
    kr = pp46.kreativitas(skp)
    context.update({
        "kegiatan": rows,
        "jumlah": fmt.angka(capaian.jumlah_kegiatan, 2),
        "n_kegiatan": str(capaian.n_bertarget),
        "rata": fmt.angka(capaian.rata_kegiatan, 2),
        "tugas_tambahan": [
            {"no": str(n), "uraian": t.uraian, "dasar": t.dasar}
            for n, t in enumerate(pp46.daftar_tugas_tambahan(skp), start=1)
        ],
        "nilai_tugas_tambahan": fmt.angka(capaian.nilai_tugas_tambahan, 2),
        "kreativitas": (
            [{"uraian": kr.uraian or hasil.kreativitas.label, "dasar": kr.dasar,
              "tingkat": hasil.kreativitas.label if hasil.kreativitas else ""}]
            if kr else []
        ),
        "nilai_kreativitas": fmt.angka(capaian.nilai_kreativitas, 2),
        "nilai_capaian": fmt.angka(capaian.nilai_bulat, 2),
        "sebutan_capaian": capaian.sebutan.label,
    })
    return context


def konteks_prestasi(skp_id: uuid.UUID, *, tanggal: dt.date | None = None,
                     kode_arsip: str = "") -> Konteks:
    """Penilaian Prestasi Kerja: SKP × 60 %, perilaku per aspect, × 40 %, nilai and sebutan."""
    hasil = _hitung_lengkap(skp_id, perlu_prestasi=True)
    skp = hasil.skp
    context = _kepala(skp, "Penilaian Prestasi Kerja", tanggal or _tanggal_penilaian(skp),
                      kode_arsip)
    prestasi = hasil.prestasi
    capaian = hasil.capaian
    context.update({
        "struktural": hasil.struktural,
        "nilai_skp": fmt.angka(capaian.nilai_bulat, 2),
        "sebutan_skp": capaian.sebutan.label,
        "bagian_skp": fmt.angka(prestasi.bagian_skp, 2),
        "perilaku": [
            {"no": str(n), "aspek": a.label, "nilai": fmt.angka(v, 2),
             "sebutan": prestasi.sebutan_perilaku[a].label}
            for n, (a, v) in enumerate(
                ((a, prestasi.perilaku[a]) for a in AspekPerilakuPP46 if a in prestasi.perilaku),
                start=1)
        ],
        "jumlah_perilaku": fmt.angka(prestasi.jumlah_perilaku, 2),
        "pembagi": str(prestasi.pembagi),
        "rata_perilaku": fmt.angka(prestasi.rata_perilaku, 2),
        "sebutan_perilaku": _sebutan(prestasi.rata_perilaku),
        "bagian_perilaku": fmt.angka(prestasi.bagian_perilaku, 2),
        "nilai_prestasi": fmt.angka(prestasi.nilai_bulat, 2),
        "sebutan_prestasi": prestasi.sebutan.label,
    })
    return context


def _sebutan(nilai: Decimal) -> str:
    return sebutan_pp46(nilai).label


# --- sample data for an office's own template --------------------------------------------------


def _kepala_contoh(judul: str) -> Konteks:
    context = konteks._kepala_contoh(judul)
    context["jangka_waktu"] = "1 Januari 2024 s.d. 31 Desember 2024"
    return context


_TARGET_CONTOH = {"ak": "0,5", "kuant": "1 laporan", "kual": "100", "waktu": "12 bulan",
                  "biaya": "170.395.000"}


def contoh_skp() -> Konteks:
    context = _kepala_contoh("Formulir SKP PP 46")
    context["kegiatan"] = [{"no": "1", "kegiatan": "Laporan & <rekap> kegiatan",
                            **_TARGET_CONTOH}]
    return context


def contoh_capaian() -> Konteks:
    context = _kepala_contoh("Penilaian Capaian SKP")
    context.update({
        "kegiatan": [{
            "no": "1", "kegiatan": "Laporan & <rekap> kegiatan", "target": _TARGET_CONTOH,
            "realisasi": {**_TARGET_CONTOH, "kual": "90"},
            "penghitungan": "342,00", "nilai": "85,50",
        }],
        "jumlah": "85,50", "n_kegiatan": "1", "rata": "85,50",
        "tugas_tambahan": [{"no": "1", "uraian": "Panitia <pilkades>", "dasar": "SK Camat"}],
        "nilai_tugas_tambahan": "1,00",
        "kreativitas": [{"uraian": "Aplikasi agenda", "dasar": "SK", "tingkat": "Unit kerja"}],
        "nilai_kreativitas": "3,00",
        "nilai_capaian": "89,50", "sebutan_capaian": "Baik",
    })
    return context


def contoh_prestasi(struktural: bool = False) -> Konteks:
    context = _kepala_contoh("Penilaian Prestasi Kerja")
    aspek = [a for a in AspekPerilakuPP46
             if struktural or a is not AspekPerilakuPP46.KEPEMIMPINAN]
    context.update({
        "struktural": struktural,
        "nilai_skp": "85,50", "sebutan_skp": "Baik", "bagian_skp": "51,30",
        "perilaku": [{"no": str(n), "aspek": a.label, "nilai": "81,00", "sebutan": "Baik"}
                     for n, a in enumerate(aspek, start=1)],
        "jumlah_perilaku": "405,00", "pembagi": str(len(aspek)), "rata_perilaku": "81,00",
        "sebutan_perilaku": "Baik", "bagian_perilaku": "32,40",
        "nilai_prestasi": "83,70", "sebutan_prestasi": "Baik",
    })
    return context
