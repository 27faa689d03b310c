"""Evaluation workflows as data: periods of a year, per-period and annual chains, keberatan."""

from __future__ import annotations

import datetime as dt
from calendar import monthrange
from dataclasses import dataclass
from enum import StrEnum

from skpdesk.domain.format import BULAN
from skpdesk.domain.workflow import (
    L002_6,
    L002_7,
    OPSI_BKPSDM,
    SOP_002,
    Alur,
    LangkahSOP,
    Pihak,
    Transisi,
)
from skpdesk.i18n import _

# --- Periods (docs/domain.md §2.7) ---


class Periodisitas(StrEnum):
    TRIWULANAN = "TRIWULANAN"
    BULANAN = "BULANAN"
    TAHUNAN = "TAHUNAN"  # one evaluation a year, as PP 46/2011 offices do (SOP 000)

    @property
    def label(self) -> str:
        return {
            Periodisitas.TRIWULANAN: _("Triwulanan"),
            Periodisitas.BULANAN: _("Bulanan"),
            Periodisitas.TAHUNAN: _("Tahunan"),
        }[self]


KODE_AKHIR = "AKHIR"
"""Alias of the last period of any periodicity: the annual evaluation."""


@dataclass(frozen=True)
class Periode:
    """One evaluation period of a year; the last one is also the annual evaluation (§2.9.4)."""

    kode: str  # "TW1".."TW4", "BULAN_1".."BULAN_12", "TAHUNAN"
    nomor: int
    nama: str  # "Triwulan II", "Triwulan IV-Akhir", "Maret"
    label_cetak: str  # after "PERIODE: " on the forms: "TRIWULAN IV-AKHIR"
    bulan_awal: int  # the months whose realisasi this period reports
    bulan_akhir: int
    tahunan: bool  # True for the last period: it evaluates 1 Jan – 31 Dec

    def rentang(self, tahun: int) -> tuple[dt.date, dt.date]:
        """The dates the evaluation covers: the whole year for the annual one."""
        awal = 1 if self.tahunan else self.bulan_awal
        return (
            dt.date(tahun, awal, 1),
            dt.date(tahun, self.bulan_akhir, monthrange(tahun, self.bulan_akhir)[1]),
        )


_ROMAWI = ("I", "II", "III", "IV")


def _triwulan() -> tuple[Periode, ...]:
    periods = []
    for i, romawi in enumerate(_ROMAWI, start=1):
        akhir = i == len(_ROMAWI)
        nama = _("Triwulan {r}").format(r=romawi) + (_("-Akhir") if akhir else "")
        cetak = f"TRIWULAN {romawi}" + ("-AKHIR" if akhir else "")
        periods.append(Periode(f"TW{i}", i, nama, cetak, 3 * i - 2, 3 * i, akhir))
    return tuple(periods)


def _bulan() -> tuple[Periode, ...]:
    periods = []
    for i, nama in enumerate(BULAN, start=1):
        akhir = i == len(BULAN)
        label = nama + (_("-Akhir") if akhir else "")
        cetak = nama.upper() + ("-AKHIR" if akhir else "")
        periods.append(Periode(f"BULAN_{i}", i, label, cetak, i, i, akhir))
    return tuple(periods)


PERIODE: dict[Periodisitas, tuple[Periode, ...]] = {
    Periodisitas.TRIWULANAN: _triwulan(),
    Periodisitas.BULANAN: _bulan(),
    Periodisitas.TAHUNAN: (Periode("TAHUNAN", 1, _("Tahunan"), "TAHUNAN", 1, 12, True),),
}


def daftar_periode(periodisitas: Periodisitas | str) -> tuple[Periode, ...]:
    """The periods of one year in order; the last one is the annual evaluation."""
    try:
        return PERIODE[Periodisitas(periodisitas)]
    except ValueError:
        raise ValueError(
            _("Periodisitas '{p}' tidak dikenal; pilihan: {pilihan}.").format(
                p=periodisitas, pilihan=", ".join(p.label for p in Periodisitas)
            )
        ) from None


def cari_periode(periodisitas: Periodisitas | str, kode: str) -> Periode:
    """The period with this code; ``AKHIR`` names the last (annual) one."""
    periods = daftar_periode(periodisitas)
    if kode.upper() == KODE_AKHIR:
        return periods[-1]
    for periode in periods:
        if periode.kode == kode.upper():
            return periode
    raise ValueError(
        _("Periode '{kode}' tidak ada pada periodisitas {p}.").format(
            kode=kode, p=Periodisitas(periodisitas).label
        )
    )


# --- SOP steps and their standard minutes (SOPs 000, 001, 002; docs/domain.md §7) ---

SOP_000 = "SOP 800/0195/2024"
SOP_001 = "SOP Pelaksanaan Pengukuran Kinerja/Penilaian SKP"

L000_1 = LangkahSOP(
    SOP_000, "1", "Mengumpulkan data kinerja atas target yang telah ditetapkan", 120
)
L000_2 = LangkahSOP(SOP_000, "2", "Memeriksa dan mengecek data kinerja pegawai", 120)
L000_3 = LangkahSOP(
    SOP_000, "3", "Pengetikan/penginputan kinerja atas penilaian sasaran kinerja pegawai", 120
)
L000_4 = LangkahSOP(
    SOP_000, "4", "Memvalidasi hasil inputan/memberikan penilaian atas kinerja pegawai", 120
)
L000_5 = LangkahSOP(SOP_000, "5", "Penggandaan dokumen pengukuran kinerja", 120)
L000_6 = LangkahSOP(
    SOP_000, "6", "Pengarsipan dokumen pengukuran kinerja atas penilaian kinerja pegawai", 120
)
LANGKAH_SOP_000: tuple[LangkahSOP, ...] = (L000_1, L000_2, L000_3, L000_4, L000_5, L000_6)

# SOP 001 lost steps 3, 5 and 7 (numbering or time) to OCR; only readable times are kept.
L001_1 = LangkahSOP(
    SOP_001, "1", "Mengumpulkan data kinerja atas target yang telah ditetapkan", 120
)
L001_2 = LangkahSOP(SOP_001, "2", "Memeriksa dan mengecek data kinerja pegawai", 120)
L001_4 = LangkahSOP(
    SOP_001, "4", "Pengetikan/penginputan kinerja atas penilaian sasaran kinerja pegawai", 60
)
L001_6 = LangkahSOP(
    SOP_001, "6", "Menandatangani dokumen pengukuran kinerja atas penilaian kinerja pegawai", 60
)
L001_8 = LangkahSOP(
    SOP_001, "8", "Pengarsipan dokumen pengukuran kinerja atas penilaian kinerja pegawai", 15
)
LANGKAH_SOP_001: tuple[LangkahSOP, ...] = (L001_1, L001_2, L001_4, L001_6, L001_8)

L002_4 = LangkahSOP(
    SOP_002,
    "4",
    "Atasan pejabat penilai menilai capaian sasaran kerja PNS sesuai target dan realisasi",
    20,
)
L002_5 = LangkahSOP(SOP_002, "5", "Pejabat penilai membuat Buku Catatan Penilai PNS", 20)
L002_8 = LangkahSOP(SOP_002, "8", "Pengarsipan salinan SKP", 5)
# Steps 1–3 of SOP 002 are the planning chain (ALUR_SKP); 4–8 close the year.
LANGKAH_SOP_002_PENILAIAN: tuple[LangkahSOP, ...] = (L002_4, L002_5, L002_6, L002_7, L002_8)


# --- The chains (docs/domain.md §3 "Evaluation per periode") ---


class StatusEvaluasi(StrEnum):
    BELUM_DIISI = "BELUM_DIISI"
    DIISI = "DIISI"
    DIAJUKAN = "DIAJUKAN"
    DINILAI = "DINILAI"
    FINAL = "FINAL"
    KEBERATAN = "KEBERATAN"
    DITANGGAPI = "DITANGGAPI"
    DIPUTUS = "DIPUTUS"
    DICETAK = "DICETAK"
    DITANDATANGANI = "DITANDATANGANI"
    DIKIRIM_BKPSDM = "DIKIRIM_BKPSDM"
    DIGANDAKAN = "DIGANDAKAN"
    DIARSIPKAN = "DIARSIPKAN"


E = StatusEvaluasi
P = Pihak
_PEGAWAI = frozenset({P.PEGAWAI})
_PENILAI = frozenset({P.PEJABAT_PENILAI})
_ATASAN = frozenset({P.ATASAN_PEJABAT_PENILAI})
_STAF = frozenset({P.PEGAWAI, P.PENGADMINISTRASI_KEPEGAWAIAN})

_LABEL: dict[str, str] = {
    E.BELUM_DIISI: _("Belum Diisi"),
    E.DIISI: _("Realisasi Diisi"),
    E.DIAJUKAN: _("Diajukan"),
    E.DINILAI: _("Dinilai"),
    E.FINAL: _("Final"),
    E.KEBERATAN: _("Keberatan Diajukan"),
    E.DITANGGAPI: _("Keberatan Ditanggapi"),
    E.DIPUTUS: _("Keberatan Diputus"),
    E.DICETAK: _("Dicetak"),
    E.DITANDATANGANI: _("Ditandatangani"),
    E.DIKIRIM_BKPSDM: _("Dikirim ke BKPSDM"),
    E.DIGANDAKAN: _("Digandakan"),
    E.DIARSIPKAN: _("Diarsipkan"),
}


def _inti(tahunan: bool) -> tuple[Transisi, ...]:
    """Realisasi → ajukan → nilai → final, and the keberatan branch: shared by both chains."""
    # At year end SOP 002 (office option) adds the buku catatan penilai to the rating step.
    nilai = (
        Transisi(
            "nilai",
            E.DIAJUKAN,
            E.DINILAI,
            _PENILAI,
            _("Simpan Penilaian"),
            langkah=(L000_2, L000_4),
            tanpa_opsi=OPSI_BKPSDM if tahunan else None,
            utama=True,
        ),
    )
    finalkan = (
        Transisi(
            "finalkan",
            E.DINILAI,
            E.FINAL,
            _PENILAI,
            _("Tetapkan Predikat"),
            tanpa_opsi=OPSI_BKPSDM if tahunan else None,
            utama=True,
        ),
    )
    if tahunan:
        nilai += (
            Transisi(
                "nilai",
                E.DIAJUKAN,
                E.DINILAI,
                _PENILAI,
                _("Simpan Penilaian"),
                langkah=(L000_2, L000_4, L002_5),
                opsi=OPSI_BKPSDM,
                utama=True,
            ),
        )
        # SOP 002 step 4: the atasan pejabat penilai countersigns the year's assessment.
        finalkan += (
            Transisi(
                "sahkan_atasan",
                E.DINILAI,
                E.FINAL,
                _ATASAN,
                _("Sahkan Penilaian"),
                langkah=(L002_4,),
                opsi=OPSI_BKPSDM,
                utama=True,
            ),
            Transisi(
                "kembalikan_penilaian",
                E.DINILAI,
                E.DIAJUKAN,
                _ATASAN,
                _("Kembalikan ke Pejabat Penilai"),
                catatan_wajib=True,
                opsi=OPSI_BKPSDM,
            ),
        )
    return (
        Transisi(
            "isi_realisasi",
            E.BELUM_DIISI,
            E.DIISI,
            _PEGAWAI,
            _("Isi Realisasi"),
            utama=True,
        ),
        Transisi(
            "ajukan",
            E.DIISI,
            E.DIAJUKAN,
            _PEGAWAI,
            _("Ajukan ke Pejabat Penilai"),
            langkah=(L000_1,),
            utama=True,
        ),
        *nilai,
        Transisi(
            "kembalikan",
            E.DIAJUKAN,
            E.DIISI,
            _PENILAI,
            _("Kembalikan untuk Dilengkapi"),
            catatan_wajib=True,
            langkah=(L000_2,),
        ),
        *finalkan,
        # A final evaluation is reopened only by its penilai, with the reason on record.
        Transisi(
            "buka_kembali",
            E.FINAL,
            E.DIAJUKAN,
            _PENILAI,
            _("Buka Kembali"),
            catatan_wajib=True,
        ),
        Transisi(
            "ajukan_keberatan",
            E.FINAL,
            E.KEBERATAN,
            _PEGAWAI,
            _("Ajukan Keberatan"),
            catatan_wajib=True,
        ),
        Transisi(
            "tanggapi_keberatan",
            E.KEBERATAN,
            E.DITANGGAPI,
            _PENILAI,
            _("Tanggapi Keberatan"),
            catatan_wajib=True,
            utama=True,
        ),
        Transisi(
            "putuskan_keberatan",
            E.DITANGGAPI,
            E.DIPUTUS,
            _ATASAN,
            _("Putuskan Keberatan"),
            catatan_wajib=True,
            utama=True,
        ),
    )


def _penutup_tahunan() -> tuple[Transisi, ...]:
    """Print, sign, copy, archive (SOP 000); or sign, send to BKPSDM, archive (SOP 002)."""
    return (
        *(
            Transisi(
                "cetak",
                state,
                E.DICETAK,
                _STAF,
                _("Tandai Sudah Dicetak"),
                langkah=(L000_3,),
                utama=True,
            )
            for state in (E.FINAL, E.DIPUTUS)
        ),
        # SOP 000 has no signing step; SOP 001 step 6 gives its time.
        Transisi(
            "tandatangani",
            E.DICETAK,
            E.DITANDATANGANI,
            frozenset({P.PEGAWAI, P.PEJABAT_PENILAI}),
            _("Tandai Sudah Ditandatangani"),
            langkah=(L001_6,),
            utama=True,
        ),
        Transisi(
            "gandakan",
            E.DITANDATANGANI,
            E.DIGANDAKAN,
            _STAF,
            _("Tandai Sudah Digandakan"),
            langkah=(L000_5,),
            tanpa_opsi=OPSI_BKPSDM,
            utama=True,
        ),
        Transisi(
            "arsipkan",
            E.DIGANDAKAN,
            E.DIARSIPKAN,
            _STAF,
            _("Arsipkan"),
            langkah=(L000_6,),
            tanpa_opsi=OPSI_BKPSDM,
            utama=True,
        ),
        # SOP 002 steps 6–7: typed and sent online, signed by three, to BKPSDM, a copy to the
        # pegawai; step 8: the copy archived.
        Transisi(
            "kirim_bkpsdm",
            E.DITANDATANGANI,
            E.DIKIRIM_BKPSDM,
            _STAF,
            _("Tandai Dikirim ke BKPSDM"),
            langkah=(L002_6, L002_7),
            opsi=OPSI_BKPSDM,
            utama=True,
        ),
        Transisi(
            "arsipkan",
            E.DIKIRIM_BKPSDM,
            E.DIARSIPKAN,
            _STAF,
            _("Arsipkan"),
            langkah=(L002_8,),
            opsi=OPSI_BKPSDM,
            utama=True,
        ),
    )


_STATUS_PERIODIK = (
    E.BELUM_DIISI,
    E.DIISI,
    E.DIAJUKAN,
    E.DINILAI,
    E.FINAL,
    E.KEBERATAN,
    E.DITANGGAPI,
    E.DIPUTUS,
)

ALUR_EVALUASI_PERIODIK = Alur(
    kode="EVALUASI_PERIODIK",
    nama=_("Evaluasi Kinerja Periodik"),
    status_awal=E.BELUM_DIISI,
    status_label={s: _LABEL[s] for s in _STATUS_PERIODIK},
    status_akhir=frozenset({E.FINAL, E.DIPUTUS}),
    transisi=_inti(tahunan=False),
)

ALUR_EVALUASI_TAHUNAN = Alur(
    kode="EVALUASI_TAHUNAN",
    nama=_("Evaluasi Kinerja Tahunan"),
    status_awal=E.BELUM_DIISI,
    status_label=dict(_LABEL),
    status_akhir=frozenset({E.DIARSIPKAN}),
    transisi=(*_inti(tahunan=True), *_penutup_tahunan()),
)


def alur_evaluasi(periode: Periode) -> Alur:
    """The chain of a period: the last period of the year is the annual evaluation."""
    return ALUR_EVALUASI_TAHUNAN if periode.tahunan else ALUR_EVALUASI_PERIODIK


# The pegawai writes realisasi and bukti dukung while she holds the pen.
STATUS_REALISASI_DAPAT_DIUBAH = frozenset({E.BELUM_DIISI, E.DIISI})
# The penilai writes umpan balik and both ratings once the realisasi is handed in.
STATUS_PENILAIAN_DAPAT_DIUBAH = frozenset({E.DIAJUKAN, E.DINILAI})
# A decision on a keberatan may change the ratings; the atasan sets them with his decision.
STATUS_KEPUTUSAN_KEBERATAN = frozenset({E.DITANGGAPI})
# Evaluations that count in the unit's distribution check (§3): final and everything after it.
STATUS_SUDAH_FINAL = frozenset(
    {
        E.FINAL,
        E.KEBERATAN,
        E.DITANGGAPI,
        E.DIPUTUS,
        E.DICETAK,
        E.DITANDATANGANI,
        E.DIKIRIM_BKPSDM,
        E.DIGANDAKAN,
        E.DIARSIPKAN,
    }
)
# Actions whose note the pegawai must see at the top of her realisasi until she resubmits.
AKSI_PENGEMBALIAN = frozenset({"kembalikan"})
# Actions that hand the rating back to the penilai, whose note he must see until he rates again.
AKSI_PENGEMBALIAN_PENILAI = frozenset({"kembalikan_penilaian", "buka_kembali"})
AKSI_KEBERATAN = frozenset({"ajukan_keberatan", "tanggapi_keberatan", "putuskan_keberatan"})
