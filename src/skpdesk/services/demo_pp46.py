"""The demo's Seksi Pemerintahan on a PP 46/2011 year, with numbers that explain themselves."""

from __future__ import annotations

import datetime as dt

from skpdesk.domain.aturan import AspekPerilakuPP46, TingkatKreativitas
from skpdesk.services import context, demo_akun, pp46
from skpdesk.services import skp as skp_service
from skpdesk.services.demo_skp import _jam
from skpdesk.services.pp46 import IsianKegiatan
from skpdesk.store.models import Akun, Pegawai

A = AspekPerilakuPP46
K = IsianKegiatan

# Kegiatan per person: (target, realisasi (kuantitas, kualitas, waktu, biaya)).
# Dimas's five rows are the worked cases A1, A2, A3, A5, A6 of docs/domain.md §11 in that order.
KEGIATAN: dict[str, list[tuple[IsianKegiatan, tuple[str, str, str, str | None]]]] = {
    "kasi_pem": [
        (K("Pembinaan administrasi pemerintahan desa", "12", "desa"), ("12", "95", "12", None)),
        (K("Fasilitasi penyusunan APBDes", "12", "dokumen", target_biaya="24.000.000"),
         ("12", "90", "11", "21.500.000")),
        (K("Evaluasi laporan penyelenggaraan pemerintahan desa", "12", "laporan"),
         ("11", "90", "12", None)),
    ],
    "staf_pem1": [
        (K("Laporan pelaksanaan kegiatan seksi", "1", "laporan", target_biaya="170.395.000"),
         ("1", "90", "12", "170.395.000")),
        (K("Verifikasi dokumen administrasi desa", "10", "dokumen"), ("10", "100", "12", None)),
        (K("Kajian kebijakan pemerintahan desa", "5", "kajian"), ("5", "100", "10", None)),
        (K("Surat rekomendasi administrasi pemerintahan", "100", "surat"),
         ("80", "90", "13", None)),
        (K("Sosialisasi peraturan desa", "1", "kegiatan", target_biaya="10.000.000"),
         ("1", "100", "12", "7.000.000")),
    ],
    "pranata_komputer": [
        (K("Pemeliharaan jaringan dan perangkat komputer kantor", "24", "laporan",
           angka_kredit="2,880"), ("24", "95", "12", None)),
        (K("Pengelolaan sistem informasi administrasi desa", "12", "laporan",
           angka_kredit="1,560"), ("12", "90", "12", None)),
        (K("Pelatihan operator desa", "2", "kegiatan", angka_kredit="0,400"),
         ("3", "90", "10", None)),
    ],
    "staf_pem2": [
        (K("Rekap laporan penyelenggaraan pemerintahan desa", "12", "laporan"),
         ("12", "85", "12", None)),
        (K("Pengagendaan surat masuk seksi", "600", "surat"), ("540", "85", "12", None)),
        # Not carried out (the inventaris moved to the Sekretariat): scores 0, still counts.
        (K("Inventarisasi aset desa", "12", "desa"), ("0", "", "", None)),
    ],
}

PERILAKU: dict[str, dict[AspekPerilakuPP46, int]] = {
    "kasi_pem": {A.ORIENTASI_PELAYANAN: 84, A.INTEGRITAS: 85, A.KOMITMEN: 83, A.DISIPLIN: 82,
                 A.KERJA_SAMA: 84, A.KEPEMIMPINAN: 80},
    # docs/domain.md §11 A10.
    "staf_pem1": {A.ORIENTASI_PELAYANAN: 80, A.INTEGRITAS: 82, A.KOMITMEN: 78, A.DISIPLIN: 85,
                  A.KERJA_SAMA: 80},
    "pranata_komputer": {A.ORIENTASI_PELAYANAN: 88, A.INTEGRITAS: 90, A.KOMITMEN: 88,
                         A.DISIPLIN: 91, A.KERJA_SAMA: 86},
    "staf_pem2": {A.ORIENTASI_PELAYANAN: 76, A.INTEGRITAS: 80, A.KOMITMEN: 74, A.DISIPLIN: 70,
                  A.KERJA_SAMA: 78},
}

TUGAS_TAMBAHAN: dict[str, list[tuple[str, str]]] = {
    "kasi_pem": [
        ("Ketua panitia pemilihan kepala desa serentak", "SK Camat Nomor 141/12/Kec"),
        ("Anggota tim penilai lomba desa", "SK Camat Nomor 140/31/Kec"),
    ],
    "staf_pem1": [("Sekretaris panitia pemilihan kepala desa", "SK Camat Nomor 141/12/Kec")],
    "pranata_komputer": [("Operator aplikasi kepegawaian kecamatan", "Surat Perintah Sekcam")],
}

KREATIVITAS = {
    "pranata_komputer": (
        TingkatKreativitas.UNIT_KERJA,
        "Aplikasi agenda surat desa berbasis lembar kerja yang dipakai seluruh seksi",
        "Surat keterangan Kepala Seksi Pemerintahan",
    ),
}


def buat_pp46_demo(orang: dict[str, Pegawai], tahun: int) -> None:
    """Seksi Pemerintahan's SKPs of ``tahun`` on PP 46/2011: planned, approved, realised, scored."""
    keys = (*KEGIATAN, "camat")
    aktor = {k: demo_akun.aktor(Akun.get(Akun.pegawai == orang[k].id)) for k in keys}
    penilai = {k: "camat" if k == "kasi_pem" else "kasi_pem" for k in KEGIATAN}
    batas = context.now()
    with _jam(min(dt.datetime(tahun, 1, 3, 1, 0), batas)) as moment:

        def maju(menit: int) -> None:
            moment[0] = min(moment[0] + dt.timedelta(minutes=menit), batas)

        skp_of = {}
        for key, rows in KEGIATAN.items():
            maju(30)
            skp = pp46.buat_skp_pp46(aktor[key], tahun)
            pp46.simpan_kegiatan(aktor[key], skp.id, [k for k, _r in rows])
            skp_service.ajukan(aktor[key], skp.id)
            maju(90)
            skp_service.setujui(aktor[penilai[key]], skp.id)
            skp_of[key] = skp
        # The year's assessment, early in January after it.
        moment[0] = min(dt.datetime(tahun + 1, 1, 6, 1, 0), batas)
        for key, rows in KEGIATAN.items():
            skp = skp_of[key]
            for row, (_k, (ro, rk, rw, rb)) in zip(pp46.daftar_kegiatan(skp), rows, strict=True):
                maju(5)
                ak = row.angka_kredit if ro != "0" else None
                pp46.isi_realisasi(aktor[key], row.id, kuantitas=ro, kualitas=rk or None,
                                   waktu=rw or None, biaya=rb, angka_kredit=ak)
            for uraian, dasar in TUGAS_TAMBAHAN.get(key, []):
                pp46.tambah_tugas_tambahan(aktor[key], skp.id, uraian, dasar)
            if key in KREATIVITAS:
                pp46.atur_kreativitas(aktor[penilai[key]], skp.id, *KREATIVITAS[key])
            maju(60)
            pp46.nilai_perilaku(aktor[penilai[key]], skp.id, PERILAKU[key])
