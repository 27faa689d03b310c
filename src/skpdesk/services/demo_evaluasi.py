"""The demo office's evaluations: last year closed through every period, this year under way."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from skpdesk.domain.aturan import CapaianOrganisasi as Capaian
from skpdesk.domain.aturan import Rating
from skpdesk.domain.format import angka
from skpdesk.domain.skp import IsianRHK
from skpdesk.services import context, demo_akun
from skpdesk.services import evaluasi as ev
from skpdesk.services import skp as skp_service
from skpdesk.services.context import Aktor
from skpdesk.services.demo_skp import (
    IKI_BAWAHAN,
    MATRIKS,
    RENCANA,
    TAMBAHAN,
    URUTAN,
    _iki,
    _jam,
)
from skpdesk.services.skp import IsiSKP
from skpdesk.store.models import SKP, Akun, Evaluasi, Pegawai, UnitKerja

R = Rating
ATAS, SESUAI, BAWAH = R.DI_ATAS_EKSPEKTASI, R.SESUAI_EKSPEKTASI, R.DI_BAWAH_EKSPEKTASI
PERIODE = ("TW1", "TW2", "TW3", "TW4")

# The year's ratings (hasil kerja, perilaku) per person, the same in every period: each unit's
# spread fits its capaian below. A unit head's hasil kerja follows his unit's capaian (§2.9.2).
RATING: dict[str, tuple[Rating, Rating]] = {
    "sekcam": (ATAS, SESUAI),
    "kasubbag_umpeg": (SESUAI, SESUAI),
    "staf_kepeg": (ATAS, ATAS),
    "staf_umum": (SESUAI, SESUAI),
    "pengemudi": (BAWAH, SESUAI),
    "kasubbag_renkeu": (ATAS, ATAS),
    "perencana": (ATAS, ATAS),
    "bendahara": (SESUAI, SESUAI),
    "kasi_pem": (SESUAI, SESUAI),
    "staf_pem1": (ATAS, ATAS),
    "pranata_komputer": (SESUAI, SESUAI),
    "staf_pem2": (BAWAH, SESUAI),
    "kasi_kesos": (SESUAI, SESUAI),
    "staf_kesos1": (ATAS, ATAS),
    "pppk_kesos": (SESUAI, SESUAI),
    "staf_kesos2": (BAWAH, SESUAI),
    "kasi_trantib": (BAWAH, SESUAI),
    "polpp": (BAWAH, SESUAI),
    "staf_trantib": (BAWAH, ATAS),
    "pppk_trantib": (SESUAI, SESUAI),
}

# Capaian kinerja organisasi per unit, set by the leader above (None: the administrator records
# the decision of the Bupati for the kecamatan as a whole).
CAPAIAN: dict[str, tuple[Capaian, str | None]] = {
    "Kecamatan Sukamaju": (Capaian.BAIK, None),
    "Sekretariat": (Capaian.ISTIMEWA, "camat"),
    "Subbagian Umum dan Kepegawaian": (Capaian.BAIK, "sekcam"),
    "Subbagian Perencanaan dan Keuangan": (Capaian.ISTIMEWA, "sekcam"),
    "Seksi Pemerintahan": (Capaian.BAIK, "camat"),
    "Seksi Kesejahteraan Sosial": (Capaian.BAIK, "camat"),
    "Seksi Ketenteraman dan Ketertiban Umum": (Capaian.BUTUH_PERBAIKAN, "camat"),
}

KEBERATAN = (
    "Saya keberatan dengan rating hasil kerja di bawah ekspektasi. Rekomendasi yang tertunda pada "
    "triwulan IV menunggu berkas dari desa, bukan karena kelalaian saya; realisasi tahunan 142 "
    "dari 150 rekomendasi."
)
TANGGAPAN = (
    "Keterlambatan memang sebagian karena berkas desa. Penilaian tetap karena tindak lanjut ke "
    "desa tidak dilakukan sejak Oktober."
)
KEPUTUSAN = (
    "Keberatan diterima sebagian: berkas desa yang terlambat di luar kendali pegawai. Rating hasil "
    "kerja diubah menjadi sesuai ekspektasi."
)
JUSTIFIKASI = (
    "Setelah keputusan atas keberatan Endang Susanti, seluruh pegawai Seksi Kesejahteraan Sosial "
    "berpredikat Baik atau lebih. Kinerja seksi merata dan tidak ada pegawai yang hasil kerjanya "
    "di bawah ekspektasi; pola distribusi untuk capaian Baik tidak terpenuhi dengan alasan ini."
)

UMPAN_BALIK_IKI = {
    ATAS: "Melampaui target; pertahankan dan bagikan caranya kepada rekan seksi.",
    SESUAI: "Sesuai rencana. Lengkapi bukti dukung setiap akhir bulan.",
    BAWAH: "Masih di bawah target; susun rencana aksi untuk menutup kekurangan triwulan ini.",
}
UMPAN_BALIK_PERILAKU = {
    ATAS: (2, "Sangat andal: menyelesaikan tugas tanpa perlu diingatkan."),
    SESUAI: (1, "Pelayanan kepada warga ramah dan tepat waktu."),
    BAWAH: (6, "Perlu lebih sering berkoordinasi dengan rekan sebelum tenggat."),
}

# Unit heads' books hold the year's observations about one of their staff.
CATATAN: tuple[tuple[str, str, int, int, str], ...] = (
    ("kasi_kesos", "staf_kesos2", 10, 14,
     "Rekomendasi desa Mekarsari tertunda dua minggu; diingatkan untuk menindaklanjuti ke desa."),
    ("kasi_kesos", "staf_kesos1", 8, 5,
     "Verifikasi data penerima selesai sebelum tenggat; membantu rekan pada pendataan susulan."),
    ("kasi_pem", "staf_pem2", 11, 3, "Rekap laporan desa bulan Oktober terlambat lima hari."),
    ("kasubbag_umpeg", "pengemudi", 6, 20,
     "Kendaraan dinas dua kali tidak siap pakai pada pagi hari; diminta memeriksa sehari sebelum."),
)

# Bukti dukung links on the annual realisasi of a few people.
TAUTAN = {
    "staf_kepeg": "https://drive.sukamaju.go.id/kepegawaian/rekap-pemutakhiran-data.pdf",
    "staf_kesos1": "https://drive.sukamaju.go.id/kesos/verifikasi-dtks-triwulan-iv.xlsx",
    "polpp": "https://sukamaju.go.id/berita/patroli-ketertiban-desember",
}

# This year's second quarter, as far as it got: realisasi only, submitted, rated.
TW2_SEBAGIAN = ("staf_umum", "bendahara", "polpp")
TW2_DIAJUKAN = ("pppk_kesos",)
TW2_DINILAI = ("staf_kepeg",)

LAMPIRAN = {
    "dukungan_sumber_daya": ["Komputer/laptop dan jaringan internet kantor"],
    "skema_pertanggungjawaban": ["Hasil kerja dilaporkan setiap triwulan"],
    "konsekuensi": ["Capaian kinerja menjadi dasar pemberian TPP"],
}

_LEVEL = ("%", "Indeks", "Nilai", "Bulan")  # satuan reported as a level, not a running count


def _aktor(orang: dict[str, Pegawai]) -> dict[str, Aktor]:
    aktor = {key: demo_akun.aktor(Akun.get(Akun.pegawai == p.id)) for key, p in orang.items()}
    aktor["admin"] = demo_akun.aktor(Akun.get(Akun.login == "admin"))
    return aktor


def _penilai(orang: dict[str, Pegawai]) -> dict[str, str | None]:
    by_id = {p.id: k for k, p in orang.items()}
    return {k: by_id.get(p.atasan_id) for k, p in orang.items()}


def _realisasi(iki, rating: Rating, periode: str) -> str:
    """A realisasi that fits the rating, cumulative through the year for counts."""
    target = iki.target_min or Decimal(0)
    waktu = iki.aspek == "WAKTU"
    if waktu:
        nilai = target + {ATAS: -1, SESUAI: 0, BAWAH: 1}[rating]
    else:
        nilai = target * {ATAS: Decimal("1.1"), SESUAI: Decimal(1), BAWAH: Decimal("0.8")}[rating]
        if iki.satuan == "%":
            nilai = min(nilai, Decimal(100))
    level = waktu or iki.satuan in _LEVEL
    if not level:
        nilai = nilai * (PERIODE.index(periode) + 1) / 4
    return angka(nilai.quantize(Decimal("0.1") if level else Decimal(1), rounding=ROUND_HALF_UP))


class _Jam:
    """The demo's clock, moved by hand, never past the real present."""

    def __init__(self, moment: list[dt.datetime], batas: dt.datetime) -> None:
        self.moment, self.batas = moment, batas

    def ke(self, when: dt.datetime) -> None:
        self.moment[0] = min(when, self.batas)

    def maju(self, menit: int = 30) -> None:
        self.moment[0] = min(self.moment[0] + dt.timedelta(minutes=menit), self.batas)


def _skp_disetujui(
    aktor: dict[str, Aktor], orang: dict[str, Pegawai], penilai: dict[str, str | None],
    tahun: int, jam: _Jam,
) -> dict[str, SKP]:
    """Everyone with a penilai in the office gets an SKP for the year, approved."""
    keys = [k for k in (*URUTAN, *(k for k in orang if k not in URUTAN)) if penilai[k]]
    skp_of: dict[str, SKP] = {}
    for key in keys:
        jam.maju(12)
        skp = skp_service.buat_skp(aktor[key], tahun)
        filled = [
            IsianRHK(r.jenis, r.uraian, _iki(IKI_BAWAHAN.get(key, [])), id=r.id,
                     intervensi_id=r.intervensi_id)
            for r in skp_service.isian(skp)
        ]
        own = [IsianRHK(j, u, _iki(i)) for j, u, i in RENCANA.get(key, [])]
        if key.startswith(("staf", "pppk")):
            own.append(IsianRHK(TAMBAHAN[0], TAMBAHAN[1], _iki(TAMBAHAN[2])))
        skp_service.simpan_isi(aktor[key], skp.id, IsiSKP("KUANTITATIF", filled + own, LAMPIRAN))
        skp_of[key] = skp
        stored = {r.uraian: r for r in skp.rhk}
        for index, bawahan, peran in MATRIKS.get(key, []):
            rhk = stored[RENCANA[key][index][1]]
            skp_service.atur_peran_hasil(aktor[key], rhk.id, orang[bawahan].id, peran)
    for key in keys:
        jam.maju(40)
        skp_service.ajukan(aktor[key], skp_of[key].id)
        skp_service.setujui(aktor[penilai[key]], skp_of[key].id)  # type: ignore[index]
    return skp_of


def _capaian(aktor: dict[str, Aktor], tahun: int, periode: str, units: set[str]) -> None:
    for unit in UnitKerja.select().where(UnitKerja.nama.in_(sorted(units))):
        nilai, leader = CAPAIAN[unit.nama]
        ev.atur_capaian_organisasi(aktor[leader or "admin"], unit.id, tahun, periode, nilai)


def _evaluasi(
    aktor: dict[str, Aktor], key: str, penilai: str, skp: SKP, periode: str,
    sampai: str = "final", rating: tuple[Rating, Rating] | None = None,
) -> Evaluasi:
    """One period's evaluation of one SKP through the services, as far as ``sampai``."""
    hk, pk = rating or RATING[key]
    me, boss = aktor[key], aktor[penilai]
    evaluasi = ev.buka_evaluasi(me, skp.id, periode)
    rows = [
        ev.isi_realisasi(me, evaluasi.id, iki.id, _realisasi(iki, hk, periode))
        for iki in ev.daftar_iki(evaluasi)
    ]
    if periode == "TW4" and key in TAUTAN:
        ev.lampirkan_tautan(me, rows[0].id, TAUTAN[key])
    if sampai == "realisasi":
        return evaluasi
    ev.ajukan(me, evaluasi.id)
    if sampai == "ajukan":
        return evaluasi
    ev.umpan_balik_iki(boss, rows[0].id, UMPAN_BALIK_IKI[hk])
    nomor, teks = UMPAN_BALIK_PERILAKU[pk]
    ev.umpan_balik_perilaku(boss, evaluasi.id, nomor, teks)
    ev.nilai(boss, evaluasi.id, hk, pk)
    if sampai == "nilai":
        return evaluasi
    return ev.finalkan(boss, evaluasi.id)


def buat_tahun_lalu_demo(orang: dict[str, Pegawai], tahun: int) -> None:
    """Last year, closed: SKPs approved, TW1…TW4 final, the annual predikat for everyone."""
    aktor, penilai = _aktor(orang), _penilai(orang)
    batas = context.now()
    with _jam(dt.datetime(tahun, 1, 4, 1, 0)) as moment:
        jam = _Jam(moment, batas)
        skp_of = _skp_disetujui(aktor, orang, penilai, tahun, jam)
        units = set(CAPAIAN)
        bulan_evaluasi = {"TW1": (tahun, 4), "TW2": (tahun, 7), "TW3": (tahun, 10),
                          "TW4": (tahun + 1, 1)}
        for nomor, periode in enumerate(PERIODE):
            # The penilai's book is written as the quarter goes, before its evaluation.
            for leader, key, month, day, teks in CATATAN:
                if (month - 1) // 3 == nomor:
                    jam.ke(dt.datetime(tahun, month, day, 2, 0))
                    ev.tambah_catatan_penilai(
                        aktor[leader], orang[key].id, dt.date(tahun, month, day), teks
                    )
            y, m = bulan_evaluasi[periode]
            jam.ke(dt.datetime(y, m, 2, 1, 0))
            _capaian(aktor, tahun, periode, units)
            for key, skp in skp_of.items():
                jam.maju(25)
                _evaluasi(aktor, key, penilai[key], skp, periode)  # type: ignore[arg-type]
        # Endang objects to her annual rating; the camat decides in her favour.
        annual = {key: ev.buka_evaluasi(aktor[key], skp.id, "AKHIR") for key, skp in
                  skp_of.items()}
        jam.maju(60 * 24)
        ev.ajukan_keberatan(aktor["staf_kesos2"], annual["staf_kesos2"].id, KEBERATAN)
        jam.maju(60 * 26)
        ev.tanggapi_keberatan(aktor["kasi_kesos"], annual["staf_kesos2"].id, TANGGAPAN)
        jam.maju(60 * 50)
        ev.putuskan_keberatan(aktor["camat"], annual["staf_kesos2"].id, KEPUTUSAN, SESUAI, SESUAI)
        # Now all of Kesos is Baik or better: the check warns and each penilai says why.
        jam.maju(90)
        for key in ("kasi_kesos", "staf_kesos1", "pppk_kesos", "staf_kesos2"):
            ev.simpan_justifikasi(aktor[penilai[key]], annual[key].id, JUSTIFIKASI)  # type: ignore[index]


def buat_tahun_ini_demo(orang: dict[str, Pegawai], tahun: int) -> None:
    """This year: the first quarter final for every approved SKP, the second under way."""
    aktor, penilai = _aktor(orang), _penilai(orang)
    disetujui = {
        key: skp
        for key in orang
        for skp in SKP.select().where((SKP.pegawai == orang[key]) & (SKP.tahun == tahun))
        if skp.status in ev.STATUS_SKP_DISETUJUI and penilai[key]
    }
    batas = context.now()
    with _jam(dt.datetime(tahun, 4, 3, 1, 0)) as moment:
        jam = _Jam(moment, batas)
        _capaian(aktor, tahun, "TW1", set(CAPAIAN))
        for key, skp in disetujui.items():
            jam.maju(25)
            _evaluasi(aktor, key, penilai[key], skp, "TW1")  # type: ignore[arg-type]
        _justifikasi_bila_perlu(aktor, penilai, disetujui, tahun, "TW1")
        jam.ke(dt.datetime(tahun, 7, 3, 1, 0))
        steps: dict[str, str] = {
            **{k: "realisasi" for k in TW2_SEBAGIAN},
            **{k: "ajukan" for k in TW2_DIAJUKAN},
            **{k: "nilai" for k in TW2_DINILAI},
        }
        for key, sampai in steps.items():
            if key in disetujui:
                jam.maju(35)
                _evaluasi(aktor, key, penilai[key], disetujui[key], "TW2", sampai)  # type: ignore[arg-type]


def _justifikasi_bila_perlu(
    aktor: dict[str, Aktor], penilai: dict[str, str | None], skp_of: dict[str, SKP],
    tahun: int, periode: str,
) -> None:
    """Small units early in the year rarely fit the pola; their penilai writes why."""
    key_of: dict[object, str] = {skp.id: key for key, skp in skp_of.items()}
    for unit in UnitKerja.select():
        hasil = ev.cek_distribusi_unit(unit.id, tahun, periode)
        for evaluasi in hasil.tanpa_justifikasi:
            key = key_of[evaluasi.skp_id]
            ev.simpan_justifikasi(
                aktor[penilai[key]],  # type: ignore[index]
                evaluasi.id,
                "Triwulan I: baru sebagian SKP seksi ini disetujui, sehingga sebaran predikat "
                "belum mewakili unit.",
            )

