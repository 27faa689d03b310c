"""The demo kecamatan's Perjanjian Kinerja and its first quarter, measured along SOP 003."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

from skpdesk.domain.pengukuran import CaraKumulatif, Polaritas
from skpdesk.services import context, demo_akun
from skpdesk.services import pengukuran as pk_service
from skpdesk.services.pengukuran import DataIndikatorPK, PihakKedua
from skpdesk.store.models import SKP, Akun, Pegawai, RencanaHasilKerja

PROGRAM_PEM = "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"
PROGRAM_PEMB = "Program Pemberdayaan Masyarakat Desa dan Kelurahan"
PROGRAM_TRANTIB = "Program Ketenteraman dan Ketertiban Umum"
PROGRAM_PENUNJANG = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"

# (sasaran, indikator, satuan, polaritas, target, target_maks, per-quarter targets, kumulatif,
#  program, anggaran, section key, the Camat's RHK it sits in, realisasi TW I, kendala, RTL)
BARIS = (
    ("Meningkatnya kualitas pelayanan publik kecamatan",
     "Indeks kepuasan masyarakat terhadap layanan kecamatan", "Indeks", Polaritas.POSITIF,
     "82", None, ("80", "81", "82", "82"), CaraKumulatif.TERAKHIR, PROGRAM_PEM, "185000000",
     "kasi_pem", "Meningkatnya kualitas pelayanan publik kecamatan", "80,5",
     "Antrean pelayanan KTP-el pada hari pasar", "Menambah satu loket pada hari pasar"),
    ("Meningkatnya kualitas pelayanan publik kecamatan",
     "Rata-rata waktu penyelesaian layanan administrasi kependudukan", "Hari",
     Polaritas.NEGATIF, "3", None, (), CaraKumulatif.TERAKHIR, PROGRAM_PEM, None,
     "kasi_pem", "Meningkatnya kualitas pelayanan publik kecamatan", "3,5",
     "Blangko KTP-el terlambat dari Dinas Dukcapil", "Koordinasi stok blangko tiap bulan"),
    ("Meningkatnya keberdayaan masyarakat desa",
     "Jumlah kegiatan pemberdayaan masyarakat yang difasilitasi", "Kegiatan",
     Polaritas.POSITIF, "24", None, ("6", "6", "6", "6"), CaraKumulatif.JUMLAH, PROGRAM_PEMB,
     "96500000", "kasi_kesos", "", "4",
     "Dua kegiatan bergeser karena musim tanam", "Dijadwalkan ulang pada triwulan II"),
    ("Terjaganya ketenteraman dan ketertiban umum",
     "Persentase pengaduan gangguan trantibum yang ditindaklanjuti", "%",
     Polaritas.PEMELIHARAAN, "100", None, (), CaraKumulatif.TERAKHIR, PROGRAM_TRANTIB,
     "64250000", "kasi_trantib", "", "100", "", ""),
    ("Meningkatnya kualitas penyelenggaraan pemerintahan kecamatan",
     "Persentase pegawai dengan nilai SKP minimal baik", "%", Polaritas.RENTANG,
     "85", "95", (), CaraKumulatif.TERAKHIR, PROGRAM_PENUNJANG, "42000000", None,
     "Meningkatnya kualitas penyelenggaraan pemerintahan kecamatan", "92", "", ""),
)


@contextmanager
def _jam(start: dt.datetime) -> Iterator[list[dt.datetime]]:
    """The demo's steps take SOP-like minutes instead of happening in one instant."""
    moment = [start]
    saved = context.clock
    context.clock = lambda: moment[0]
    try:
        yield moment
    finally:
        context.clock = saved


def _rhk_camat(camat: Pegawai, tahun: int) -> dict[str, RencanaHasilKerja]:
    rows = RencanaHasilKerja.select().join(SKP).where(
        (SKP.pegawai == camat) & (SKP.tahun == tahun)
    )
    return {r.uraian: r for r in rows}


def buat_pk_demo(orang: dict[str, Pegawai], tahun: int) -> None:
    """The kecamatan's PK for ``tahun`` and its Triwulan I, run through the ten steps."""
    aktor = {k: demo_akun.aktor(Akun.get(Akun.pegawai == p.id)) for k, p in orang.items()}
    camat = orang["camat"]
    start = min(dt.datetime(tahun, 1, 12, 1, 0), context.now() - dt.timedelta(days=40))
    with _jam(start) as moment:
        pk = pk_service.buat_pk(
            aktor["perencana"], camat.unit_id, tahun, pihak_pertama_id=camat.id,
            pihak_kedua=PihakKedua("H. Suryanto, S.H., M.M.", "", "Bupati Sindangsari"),
        )
        rhk = _rhk_camat(camat, tahun)
        for row in BARIS:
            (sasaran, indikator, satuan, pol, target, maks, tw, cara, program, anggaran,
             kasi, rhk_uraian) = row[:12]
            moment[0] += dt.timedelta(minutes=9)
            pk_service.simpan_indikator(aktor["perencana"], pk.id, DataIndikatorPK(
                sasaran, indikator, satuan, target, pol, maks,
                {i: v for i, v in enumerate(tw, start=1)}, cara, program,
                Decimal(anggaran) if anggaran else None,
                orang[kasi].unit_id if kasi else None,
                rhk[rhk_uraian].id if rhk_uraian in rhk else None,
            ))
    # The first quarter is measured early in April (or as late as the calendar allows).
    start = min(dt.datetime(tahun, 4, 6, 1, 30), context.now() - dt.timedelta(days=10))
    with _jam(start) as moment:
        tw1 = pk_service.mulai_pengukuran(aktor["perencana"], pk.id, 1)

        def step(who: str, aksi: str, menit: int, catatan: str = "") -> None:
            moment[0] += dt.timedelta(minutes=menit)
            pk_service.jalankan(aktor[who], tw1.id, aksi, catatan)

        step("camat", "tugaskan", 10, "Laksanakan pengukuran kinerja Triwulan I.")
        step("sekcam", "disposisi_kasubbag", 12, "Susun form dan timeline, sebarkan ke Kasi.")
        step("kasubbag_renkeu", "sebar_form", 55, "Isian paling lambat Kamis.")
        rows = {r.indikator: r for r in pk_service.baris(tw1)}
        for who in ("kasi_pem", "kasi_kesos", "kasi_trantib", "perencana"):
            for b in BARIS:
                if (b[10] or "perencana") != who:
                    continue
                moment[0] += dt.timedelta(minutes=20)
                actor = aktor[who]
                pk_service.isi_realisasi(actor, rows[b[1]].realisasi_id, b[12], b[13], b[14])
            if who != "perencana":
                step(who, "kirim_isian", 15)
        step("perencana", "serahkan_draft", 140)
        step("kasubbag_renkeu", "setujui_kasubbag", 50)
        step("sekcam", "setujui_sekretaris", 45, "Mohon ditandatangani seluruh pegawai.")
        step("perencana", "tandatangani", 6 * 60)
        step("camat", "sahkan", 30)
        step("camat", "tugaskan_pengantar", 20, "Buat surat pengantar ke Bupati c.q. Bappeda.")
        step("perencana", "kirim", 25)
        step("perencana", "dokumentasikan", 10)
