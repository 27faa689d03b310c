"""The demo office's SKPs for the current year, in every state of the planning chain."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator

from skpdesk.domain.skp import IsianIKI, IsianRHK
from skpdesk.services import context, demo_akun
from skpdesk.services import skp as skp_service
from skpdesk.services.context import Aktor
from skpdesk.services.skp import IsiSKP
from skpdesk.store.models import Akun, Pegawai

K, Q, W = "KUANTITAS", "KUALITAS", "WAKTU"

# Own RHK of each person: (jenis, uraian, [(aspek, indikator, target, satuan)]).
RENCANA: dict[str, list[tuple[str, str, list[tuple[str, str, str, str]]]]] = {
    "camat": [
        (
            "UTAMA",
            "Meningkatnya kualitas penyelenggaraan pemerintahan kecamatan",
            [
                (Q, "Nilai evaluasi SAKIP kecamatan", "70", "Nilai"),
                (K, "Jumlah desa yang dibina tata kelola pemerintahannya", "12", "Desa"),
            ],
        ),
        (
            "UTAMA",
            "Meningkatnya kualitas pelayanan publik kecamatan",
            [(Q, "Indeks kepuasan masyarakat terhadap layanan kecamatan", "80-85", "Indeks")],
        ),
    ],
    "sekcam": [
        (
            "UTAMA",
            "Terselenggaranya administrasi kesekretariatan yang akuntabel",
            [
                (
                    K,
                    "Jumlah dokumen perencanaan dan pelaporan kinerja yang tersusun",
                    "6",
                    "Dokumen",
                ),
                (Q, "Persentase dokumen yang disahkan tanpa revisi", "90", "%"),
                (W, "Ketepatan waktu penyampaian dokumen", "12", "Bulan"),
            ],
        ),
    ],
    "kasubbag_umpeg": [
        (
            "UTAMA",
            "Tertib administrasi umum dan kepegawaian kecamatan",
            [
                (K, "Jumlah layanan administrasi kepegawaian yang diselesaikan", "150", "Layanan"),
                (Q, "Persentase data kepegawaian yang mutakhir", "100", "%"),
            ],
        ),
    ],
    "kasubbag_renkeu": [
        (
            "UTAMA",
            "Tersusunnya perencanaan dan laporan keuangan kecamatan tepat waktu",
            [
                (K, "Jumlah dokumen perencanaan dan keuangan", "8", "Dokumen"),
                (W, "Ketepatan waktu penyampaian laporan keuangan", "12", "Bulan"),
            ],
        ),
    ],
    "kasi_pem": [
        (
            "UTAMA",
            "Meningkatnya tertib administrasi pemerintahan desa",
            [
                (K, "Jumlah desa yang dibina administrasinya", "12", "Desa"),
                (Q, "Persentase desa dengan laporan penyelenggaraan tepat waktu", "85", "%"),
            ],
        ),
    ],
    "kasi_kesos": [
        (
            "UTAMA",
            "Meningkatnya ketepatan sasaran bantuan sosial di kecamatan",
            [
                (Q, "Persentase penerima bantuan sosial yang tepat sasaran", "95", "%"),
                (K, "Jumlah desa yang data kesejahteraannya diverifikasi", "12", "Desa"),
            ],
        ),
    ],
    "kasi_trantib": [
        (
            "UTAMA",
            "Terjaganya ketenteraman dan ketertiban umum di kecamatan",
            [
                (K, "Jumlah kegiatan patroli dan penertiban", "48", "Kegiatan"),
                (Q, "Persentase pengaduan ketertiban yang ditindaklanjuti", "100", "%"),
            ],
        ),
    ],
}

# Matriks peran hasil: leader → [(index of the leader's RHK, subordinate, peran-hasil)].
MATRIKS: dict[str, list[tuple[int, str, str]]] = {
    "camat": [
        (0, "sekcam", "Dokumen perencanaan dan laporan kinerja kecamatan yang akuntabel"),
        (0, "kasi_pem", "Pembinaan administrasi pemerintahan desa"),
        (1, "kasi_kesos", "Layanan kesejahteraan sosial yang tepat sasaran"),
        (1, "kasi_trantib", "Lingkungan kecamatan yang tenteram dan tertib"),
    ],
    "sekcam": [
        (0, "kasubbag_umpeg", "Administrasi umum dan kepegawaian yang tertib"),
        (0, "kasubbag_renkeu", "Dokumen perencanaan dan keuangan yang tepat waktu"),
    ],
    "kasubbag_umpeg": [
        (0, "staf_kepeg", "Data kepegawaian dan SKP pegawai yang mutakhir"),
        (0, "staf_umum", "Surat masuk dan keluar yang teradministrasi"),
        (0, "pengemudi", "Layanan operasional kendaraan dinas yang siap pakai"),
    ],
    "kasubbag_renkeu": [
        (0, "perencana", "Dokumen perencanaan kinerja kecamatan (Renja, PK, pengukuran kinerja)"),
        (0, "bendahara", "Laporan pertanggungjawaban keuangan yang tepat waktu"),
    ],
    "kasi_pem": [
        (0, "staf_pem1", "Kajian kebijakan pemerintahan desa"),
        (0, "pranata_komputer", "Sistem informasi administrasi desa yang berfungsi"),
        (0, "staf_pem2", "Rekap laporan penyelenggaraan pemerintahan desa"),
    ],
    "kasi_kesos": [
        (0, "staf_kesos1", "Data penerima bantuan sosial yang terverifikasi"),
        (0, "pppk_kesos", "Layanan pengaduan bantuan sosial yang tertangani"),
        (0, "staf_kesos2", "Administrasi rekomendasi kesejahteraan sosial"),
    ],
    "kasi_trantib": [
        (0, "polpp", "Patroli ketertiban umum yang terlaksana"),
        (0, "staf_trantib", "Laporan ketenteraman dan ketertiban yang tersusun"),
        (0, "pppk_trantib", "Dukungan operasional kegiatan penertiban"),
    ],
}

# IKI for each prefilled row (the subordinate's own measure of the peran-hasil).
IKI_BAWAHAN: dict[str, list[tuple[str, str, str, str]]] = {
    "sekcam": [(K, "Jumlah dokumen kinerja kecamatan yang tersusun", "4", "Dokumen")],
    "kasi_pem": [(K, "Jumlah desa yang dibina", "12", "Desa")],
    "kasi_kesos": [(Q, "Persentase bantuan sosial tepat sasaran", "95", "%")],
    "kasi_trantib": [(Q, "Persentase pengaduan ketertiban yang ditindaklanjuti", "100", "%")],
    "kasubbag_umpeg": [(Q, "Persentase berkas kepegawaian lengkap", "100", "%")],
    "kasubbag_renkeu": [(W, "Ketepatan waktu dokumen perencanaan", "12", "Bulan")],
    "staf_kepeg": [
        (K, "Jumlah data pegawai yang dimutakhirkan", "22", "Orang"),
        (W, "Ketepatan waktu pemutakhiran", "12", "Bulan"),
    ],
    "staf_umum": [(K, "Jumlah surat yang diagendakan", "1.200", "Surat")],
    "pengemudi": [(K, "Jumlah layanan perjalanan dinas", "120", "Kali")],
    "perencana": [
        (K, "Jumlah dokumen perencanaan kinerja", "5", "Dokumen"),
        (Q, "Persentase dokumen diterima tanpa revisi", "80-90", "%"),
    ],
    "bendahara": [(K, "Jumlah laporan pertanggungjawaban", "12", "Laporan")],
    "staf_pem1": [(K, "Jumlah kajian kebijakan", "2", "Kajian")],
    "pranata_komputer": [(Q, "Persentase waktu layanan sistem berfungsi", "98", "%")],
    "staf_pem2": [(K, "Jumlah rekap laporan desa", "12", "Laporan")],
    "staf_kesos1": [(K, "Jumlah data penerima yang diverifikasi", "1.200", "Data")],
    "pppk_kesos": [(K, "Jumlah pengaduan yang ditangani", "60", "Pengaduan")],
    "staf_kesos2": [(K, "Jumlah rekomendasi yang diproses", "150", "Rekomendasi")],
    "polpp": [(K, "Jumlah patroli", "96", "Kegiatan")],
    "staf_trantib": [(K, "Jumlah laporan trantib", "12", "Laporan")],
    "pppk_trantib": [(K, "Jumlah kegiatan yang didukung", "48", "Kegiatan")],
}

TAMBAHAN = (
    "TAMBAHAN",
    "Terlaksananya piket layanan terpadu kecamatan",
    [(K, "Jumlah hari piket", "24", "Hari")],
)

# The end state of each SKP, as the sequence of (who, action[, note]) that brings it there.
RETURN_NOTE = (
    "Target jumlah data terlalu rendah dibanding tahun lalu (1.450 data). "
    "Naikkan dan tambahkan IKI waktu."
)
ALUR: dict[str, list[tuple[str, str, str]]] = {
    "camat": [],  # his penilai (Sekda) is outside the office: stays a draft here
    "sekcam": [
        ("self", "ajukan", ""),
        ("penilai", "setujui", ""),
        ("self", "cetak", ""),
        ("penilai", "tandatangani", ""),
        ("self", "arsipkan", ""),
    ],
    "kasubbag_umpeg": [
        ("self", "ajukan", ""),
        ("penilai", "setujui", ""),
        ("self", "cetak", ""),
        ("penilai", "tandatangani", ""),
    ],
    "kasubbag_renkeu": [("self", "ajukan", ""), ("penilai", "setujui", "")],
    "kasi_pem": [("self", "ajukan", ""), ("penilai", "setujui", ""), ("self", "cetak", "")],
    "kasi_kesos": [("self", "ajukan", ""), ("penilai", "setujui", "")],
    "kasi_trantib": [("self", "ajukan", ""), ("penilai", "setujui", "")],
    "staf_kepeg": [
        ("self", "ajukan", ""),
        ("penilai", "setujui", ""),
        ("self", "cetak", ""),
        ("penilai", "tandatangani", ""),
        ("self", "arsipkan", ""),
    ],
    "staf_umum": [("self", "ajukan", ""), ("penilai", "setujui", "")],
    "pengemudi": [("self", "ajukan", "")],
    "perencana": [("self", "ajukan", ""), ("penilai", "setujui", ""), ("self", "cetak", "")],
    "bendahara": [("self", "ajukan", ""), ("penilai", "setujui", "")],
    "staf_pem1": [],
    "pranata_komputer": [("self", "ajukan", ""), ("penilai", "setujui", "")],
    "staf_pem2": [("self", "ajukan", "")],
    "staf_kesos1": [("self", "ajukan", ""), ("penilai", "kembalikan", RETURN_NOTE)],
    "pppk_kesos": [("self", "ajukan", ""), ("penilai", "setujui", "")],
    "staf_kesos2": [
        ("self", "ajukan", ""),
        ("penilai", "setujui", ""),
        ("self", "cetak", ""),
        ("penilai", "tandatangani", ""),
    ],
    "polpp": [("self", "ajukan", ""), ("penilai", "setujui", "")],
    "staf_trantib": [],
    "pppk_trantib": [("self", "ajukan", ""), ("penilai", "setujui", "")],
}

# Leaders first, so that their RHK exist before they are handed down.
URUTAN = (
    "camat",
    "sekcam",
    "kasi_pem",
    "kasi_kesos",
    "kasi_trantib",
    "kasubbag_umpeg",
    "kasubbag_renkeu",
)


@contextlib.contextmanager
def _jam(start: dt.datetime) -> Iterator[list[dt.datetime]]:
    """Let the demo's history unfold over days rather than in one instant."""
    moment = [start]
    saved = context.clock
    context.clock = lambda: moment[0]
    try:
        yield moment
    finally:
        context.clock = saved


def _iki(rows: list[tuple[str, str, str, str]]) -> list[IsianIKI]:
    return [IsianIKI(a, i, t, s) for a, i, t, s in rows]


def buat_skp_demo(orang: dict[str, Pegawai], tahun: int) -> None:
    """Every demo pegawai gets this year's SKP, moved along the chain by the right people."""
    aktor: dict[str, Aktor] = {
        key: demo_akun.aktor(Akun.get(Akun.pegawai == p.id)) for key, p in orang.items()
    }
    penilai_of = {
        key: next((k for k, p in orang.items() if p.id == orang[key].atasan_id), None)
        for key in orang
    }
    start = min(dt.datetime(tahun, 1, 5, 1, 0), context.now() - dt.timedelta(days=20))
    with _jam(start) as moment:
        skp_of = {}
        for key in (*URUTAN, *(k for k in orang if k not in URUTAN)):
            moment[0] += dt.timedelta(minutes=7)
            skp = skp_service.buat_skp(aktor[key], tahun)
            rows = skp_service.isian(skp)  # prefilled from the leader's matriks
            filled = [
                IsianRHK(
                    r.jenis,
                    r.uraian,
                    _iki(IKI_BAWAHAN.get(key, [])),
                    id=r.id,
                    intervensi_id=r.intervensi_id,
                )
                for r in rows
            ]
            own = [IsianRHK(j, u, _iki(i)) for j, u, i in RENCANA.get(key, [])]
            if key.startswith(("staf", "pppk")):
                own.append(IsianRHK(TAMBAHAN[0], TAMBAHAN[1], _iki(TAMBAHAN[2])))
            moment[0] += dt.timedelta(minutes=45)
            skp_service.simpan_isi(
                aktor[key],
                skp.id,
                IsiSKP(
                    "KUANTITATIF",
                    filled + own,
                    {
                        "dukungan_sumber_daya": ["Komputer/laptop dan jaringan internet kantor"],
                        "skema_pertanggungjawaban": ["Hasil kerja dilaporkan setiap triwulan"],
                        "konsekuensi": ["Capaian kinerja menjadi dasar pemberian TPP"],
                    },
                ),
            )
            skp_of[key] = skp
            stored = {r.uraian: r for r in skp.rhk}
            for index, bawahan, peran in MATRIKS.get(key, []):
                own_rhk = stored[RENCANA[key][index][1]]
                skp_service.atur_peran_hasil(aktor[key], own_rhk.id, orang[bawahan].id, peran)
        for key in orang:
            for who, aksi, catatan in ALUR.get(key, []):
                moment[0] += dt.timedelta(hours=3, minutes=20)
                actor = aktor[key] if who == "self" else aktor[penilai_of[key]]
                skp_service.jalankan(actor, skp_of[key].id, aksi, catatan)
        for key in ("kasi_kesos", "kasi_pem"):
            skp_service.atur_ekspektasi(
                aktor[penilai_of["staf_kesos1" if key == "kasi_kesos" else "staf_pem1"]],
                skp_of["staf_kesos1" if key == "kasi_kesos" else "staf_pem1"].id,
                1,
                "Menanggapi pengaduan warga paling lambat satu hari kerja",
            )
