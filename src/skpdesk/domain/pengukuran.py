"""Pengukuran Kinerja (SOP 003): the ten-step chain as a table, bands, cumulative realisasi."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from skpdesk.domain.scoring import Polaritas, bulat2, capaian_indikator
from skpdesk.domain.workflow import Alur, LangkahSOP, Transisi
from skpdesk.i18n import _

__all__ = [
    "ALUR_PENGUKURAN",
    "AKSI_PENGEMBALIAN",
    "MENIT_PER_HARI",
    "PITA_BAWAAN",
    "STATUS_ISI_KASI",
    "STATUS_ISI_PELAKSANA",
    "CaraKumulatif",
    "LangkahPengukuran",
    "PeranPK",
    "PitaCapaian",
    "Polaritas",
    "StatusPengukuran",
    "batas_menit",
    "baca_pita",
    "capaian_indikator",
    "hari_baku",
    "label_triwulan",
    "pita_ke_data",
    "pita_untuk",
    "realisasi_kumulatif",
]


class PeranPK(StrEnum):
    """Who someone is in one measurement chain; set on the chain when it starts, by jabatan.

    Plays the part ``Pihak`` plays for the SKP chains: the table names these, services resolve
    them from the people stored on the chain, never from a global flag or a name.
    """

    CAMAT = "CAMAT"
    SEKRETARIS = "SEKRETARIS"
    KASUBBAG_PERENCANA = "KASUBBAG_PERENCANA"
    KASI = "KASI"
    PELAKSANA = "PELAKSANA"

    @property
    def label(self) -> str:
        return {
            PeranPK.CAMAT: _("Camat"),
            PeranPK.SEKRETARIS: _("Sekretaris Kecamatan"),
            PeranPK.KASUBBAG_PERENCANA: _("Kasubbag Perencana"),
            PeranPK.KASI: _("Kasi"),
            PeranPK.PELAKSANA: _("Staf/Pelaksana"),
        }[self]


MENIT_PER_HARI = 24 * 60
"""A "1 hari" standard counts as one calendar day when deciding what is overdue."""


@dataclass(frozen=True)
class LangkahPengukuran(LangkahSOP):
    """A SOP 003 step; step 8 is measured in days ("1 hari"), not minutes."""

    hari: int = 0


SOP_003 = "SOP Pengukuran Kinerja"
L003_1 = LangkahPengukuran(SOP_003, "1", "Menugaskan pelaksanaan pengukuran kinerja", 15)
L003_2 = LangkahPengukuran(
    SOP_003, "2", "Menugaskan kasubag perencana menyusun form dan timeline pengukuran kinerja", 15
)
L003_3 = LangkahPengukuran(
    SOP_003, "3", "Menyampaikan timeline dan form pengukuran kinerja kepada kasi", 60
)
L003_4 = LangkahPengukuran(
    SOP_003, "4", "Rapat bidang mengisi form dan mengkonfirmasi isian kepada pelaksana", 120
)
L003_5 = LangkahPengukuran(
    SOP_003, "5", "Memeriksa isian form, menyusun draft dan menyerahkan kepada kasubag", 150
)
L003_6 = LangkahPengukuran(SOP_003, "6", "Kasubag perencana memeriksa draft pengukuran", 60)
L003_7 = LangkahPengukuran(SOP_003, "7", "Sekretaris memeriksa dokumen pengukuran kinerja", 60)
L003_8 = LangkahPengukuran(
    SOP_003, "8", "Tanda tangan seluruh pegawai dan pengesahan oleh Camat", 0, hari=1
)
L003_9 = LangkahPengukuran(SOP_003, "9", "Menugaskan pembuatan surat pengantar pengiriman", 60)
L003_10 = LangkahPengukuran(
    SOP_003, "10", "Mengirimkan, menggandakan dan mendokumentasikan laporan", 30
)
LANGKAH_003 = (
    L003_1, L003_2, L003_3, L003_4, L003_5, L003_6, L003_7, L003_8, L003_9, L003_10
)


class StatusPengukuran(StrEnum):
    DISIAPKAN = "DISIAPKAN"  # started, waiting for the Camat's assignment
    DITUGASKAN = "DITUGASKAN"
    DISPOSISI_KASUBBAG = "DISPOSISI_KASUBBAG"
    FORM_DISEBAR = "FORM_DISEBAR"
    DIISI_BIDANG = "DIISI_BIDANG"
    DRAFT = "DRAFT"
    DIPERIKSA_KASUBBAG = "DIPERIKSA_KASUBBAG"
    DIPERIKSA_SEKCAM = "DIPERIKSA_SEKCAM"
    DITANDATANGANI = "DITANDATANGANI"
    DISAHKAN_CAMAT = "DISAHKAN_CAMAT"
    PENGANTAR_DITUGASKAN = "PENGANTAR_DITUGASKAN"
    DIKIRIM = "DIKIRIM"
    TERDOKUMENTASI = "TERDOKUMENTASI"


S = StatusPengukuran
R = PeranPK


def _t(aksi: str, dari: S, ke: S, siapa: Iterable[PeranPK], label: str, *langkah: LangkahSOP,
       catatan_wajib: bool = False, utama: bool = True) -> Transisi:
    return Transisi(aksi, dari, ke, frozenset(siapa), label,  # type: ignore[arg-type]
                    catatan_wajib=catatan_wajib, langkah=langkah, utama=utama)


ALUR_PENGUKURAN = Alur(
    kode="PENGUKURAN",
    nama=_("Pengukuran Kinerja"),
    status_awal=S.DISIAPKAN,
    status_label={
        S.DISIAPKAN: _("Menunggu Penugasan Camat"),
        S.DITUGASKAN: _("Ditugaskan Camat"),
        S.DISPOSISI_KASUBBAG: _("Didisposisikan ke Kasubbag Perencana"),
        S.FORM_DISEBAR: _("Form Disebar ke Seksi"),
        S.DIISI_BIDANG: _("Diisi Seksi"),
        S.DRAFT: _("Draf di Kasubbag Perencana"),
        S.DIPERIKSA_KASUBBAG: _("Diperiksa Kasubbag, di Sekretaris"),
        S.DIPERIKSA_SEKCAM: _("Diperiksa Sekretaris"),
        S.DITANDATANGANI: _("Ditandatangani Pegawai"),
        S.DISAHKAN_CAMAT: _("Disahkan Camat"),
        S.PENGANTAR_DITUGASKAN: _("Surat Pengantar Ditugaskan"),
        S.DIKIRIM: _("Dikirim"),
        S.TERDOKUMENTASI: _("Terdokumentasi"),
    },
    status_akhir=frozenset({S.TERDOKUMENTASI}),
    transisi=(
        _t("tugaskan", S.DISIAPKAN, S.DITUGASKAN, {R.CAMAT},
           _("Tugaskan Pengukuran Kinerja"), L003_1),
        _t("disposisi_kasubbag", S.DITUGASKAN, S.DISPOSISI_KASUBBAG, {R.SEKRETARIS},
           _("Tugaskan Kasubbag Perencana"), L003_2),
        _t("sebar_form", S.DISPOSISI_KASUBBAG, S.FORM_DISEBAR, {R.KASUBBAG_PERENCANA},
           _("Sampaikan Form dan Timeline ke Kasi"), L003_3),
        # Each Kasi confirms his section; the service moves on when the last one has.
        _t("kirim_isian", S.FORM_DISEBAR, S.DIISI_BIDANG, {R.KASI},
           _("Konfirmasi Isian Seksi ke Pelaksana"), L003_4),
        _t("serahkan_draft", S.DIISI_BIDANG, S.DRAFT, {R.PELAKSANA},
           _("Serahkan Draf ke Kasubbag"), L003_5),
        _t("setujui_kasubbag", S.DRAFT, S.DIPERIKSA_KASUBBAG, {R.KASUBBAG_PERENCANA},
           _("Setujui dan Serahkan ke Sekretaris"), L003_6),
        # SOP 003 step 6 "Tidak": back to the sections through the pelaksana.
        _t("kembalikan_ke_bidang", S.DRAFT, S.DIISI_BIDANG, {R.KASUBBAG_PERENCANA},
           _("Kembalikan ke Seksi untuk Perbaikan"), L003_6, catatan_wajib=True, utama=False),
        _t("setujui_sekretaris", S.DIPERIKSA_KASUBBAG, S.DIPERIKSA_SEKCAM, {R.SEKRETARIS},
           _("Setujui, Minta Tanda Tangan"), L003_7),
        # Step 7 "Tidak": back to the Kasubbag Perencana, whose draft it is again.
        _t("kembalikan_ke_kasubbag", S.DIPERIKSA_KASUBBAG, S.DRAFT, {R.SEKRETARIS},
           _("Kembalikan ke Kasubbag untuk Perbaikan"), L003_7, catatan_wajib=True,
           utama=False),
        _t("tandatangani", S.DIPERIKSA_SEKCAM, S.DITANDATANGANI, {R.PELAKSANA},
           _("Tandai Sudah Ditandatangani Pegawai"), L003_8),
        # The Camat's ratification closes step 8, whose one day the signatures already carry.
        _t("sahkan", S.DITANDATANGANI, S.DISAHKAN_CAMAT, {R.CAMAT}, _("Sahkan Laporan")),
        _t("tugaskan_pengantar", S.DISAHKAN_CAMAT, S.PENGANTAR_DITUGASKAN,
           {R.CAMAT, R.SEKRETARIS}, _("Tugaskan Surat Pengantar"), L003_9),
        _t("kirim", S.PENGANTAR_DITUGASKAN, S.DIKIRIM, {R.PELAKSANA},
           _("Tandai Laporan Dikirim"), L003_10),
        _t("dokumentasikan", S.DIKIRIM, S.TERDOKUMENTASI, {R.PELAKSANA},
           _("Tandai Digandakan dan Didokumentasikan")),
    ),
)

AKSI_PENGEMBALIAN = frozenset({"kembalikan_ke_bidang", "kembalikan_ke_kasubbag"})
# Sections write their own indicators once the form reaches them, and again when sent back.
STATUS_ISI_KASI = frozenset({S.FORM_DISEBAR, S.DIISI_BIDANG})
# The pelaksana checks the entries and drafts; he may correct them while the draft is his.
STATUS_ISI_PELAKSANA = frozenset({S.DIISI_BIDANG})


def hari_baku(t: Transisi) -> int:
    return sum(getattr(step, "hari", 0) for step in t.langkah)


def batas_menit(t: Transisi) -> int:
    """The standard time of a transition in minutes, its days counted whole."""
    return t.menit_baku + hari_baku(t) * MENIT_PER_HARI


def label_triwulan(triwulan: int) -> str:
    if not 1 <= triwulan <= 4:
        raise ValueError(_("Triwulan harus 1 sampai 4."))
    return _("Triwulan {r}").format(r=("I", "II", "III", "IV")[triwulan - 1])


# --- interpretation bands (docs/domain.md §6.2): data the office may replace ---------------


@dataclass(frozen=True)
class PitaCapaian:
    """Capaian above ``lebih_dari`` (exclusive) gets ``label``; None closes the table below."""

    lebih_dari: Decimal | None
    label: str
    warna: str  # "hijau", "hijau_muda", "kuning", "oranye", "merah"


# Inspektorat Sampang: 91–100 Sangat Baik; 76–90 Baik; 66–75 Cukup; 51–65 Kurang; ≤ 50.
# Written with exclusive lower bounds so that 90,50 % is not left between two bands.
PITA_BAWAAN: tuple[PitaCapaian, ...] = (
    PitaCapaian(Decimal(90), "Sangat Baik", "hijau"),
    PitaCapaian(Decimal(75), "Baik", "hijau_muda"),
    PitaCapaian(Decimal(65), "Cukup", "kuning"),
    PitaCapaian(Decimal(50), "Kurang", "oranye"),
    PitaCapaian(None, "Sangat Kurang", "merah"),
)


def baca_pita(data: Sequence[dict[str, Any]] | None) -> tuple[PitaCapaian, ...]:
    """The office's band table from its stored form; the default when none is set."""
    if not data:
        return PITA_BAWAAN
    bands = []
    for row in data:
        bound = row.get("lebih_dari")
        bands.append(PitaCapaian(
            None if bound in (None, "") else Decimal(str(bound)),
            str(row.get("label") or ""),
            str(row.get("warna") or ""),
        ))
    periksa_pita(bands)
    return tuple(bands)


def periksa_pita(pita: Sequence[PitaCapaian]) -> None:
    """Bounds strictly descending, labels present, and a last band that catches the rest."""
    if not pita or pita[-1].lebih_dari is not None:
        raise ValueError(_("Pita terakhir harus tanpa batas bawah (menampung sisanya)."))
    bounds = [p.lebih_dari for p in pita[:-1]]
    if any(b is None for b in bounds):
        raise ValueError(_("Hanya pita terakhir yang boleh tanpa batas bawah."))
    if any(a <= b for a, b in zip(bounds, bounds[1:], strict=False)):  # type: ignore[operator]
        raise ValueError(_("Batas bawah pita harus menurun dari atas ke bawah."))
    if any(not p.label.strip() for p in pita):
        raise ValueError(_("Setiap pita harus bernama."))


def pita_ke_data(pita: Sequence[PitaCapaian]) -> list[dict[str, Any]]:
    periksa_pita(pita)
    return [
        {"lebih_dari": None if p.lebih_dari is None else str(p.lebih_dari), "label": p.label,
         "warna": p.warna}
        for p in pita
    ]


def pita_untuk(capaian: Decimal, pita: Sequence[PitaCapaian] = PITA_BAWAAN) -> PitaCapaian:
    """The band of a capaian rounded to two decimals (half up), as the report prints it."""
    value = bulat2(capaian)
    for band in pita:
        if band.lebih_dari is None or value > band.lebih_dari:
            return band
    return pita[-1]


# --- cumulative realisasi ---------------------------------------------------------------------


class CaraKumulatif(StrEnum):
    JUMLAH = "JUMLAH"  # counts add up over the quarters (dokumen, kegiatan)
    TERAKHIR = "TERAKHIR"  # levels and percentages: the latest quarter is the year so far

    @property
    def label(self) -> str:
        return {
            CaraKumulatif.JUMLAH: _("Dijumlahkan per triwulan"),
            CaraKumulatif.TERAKHIR: _("Nilai triwulan terakhir"),
        }[self]


def realisasi_kumulatif(
    per_triwulan: Sequence[Decimal | None], cara: CaraKumulatif | str
) -> Decimal | None:
    """Realisasi of the year so far from the quarters up to this one (None: not measured)."""
    known = [v for v in per_triwulan if v is not None]
    if not known:
        return None
    if CaraKumulatif(cara) is CaraKumulatif.TERAKHIR:
        return known[-1]
    return sum(known, Decimal(0))
