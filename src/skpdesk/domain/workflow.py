"""Workflows as data: each chain of an SOP is a table of transitions, and only this table decides.

Services enforce it, the UI asks it which actions to offer, documents read the state from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from skpdesk.i18n import _


class Pihak(StrEnum):
    """Who someone is *relative to one document*; never a global flag."""

    PEGAWAI = "PEGAWAI"
    PEJABAT_PENILAI = "PEJABAT_PENILAI"
    ATASAN_PEJABAT_PENILAI = "ATASAN_PEJABAT_PENILAI"
    PENGADMINISTRASI_KEPEGAWAIAN = "PENGADMINISTRASI_KEPEGAWAIAN"

    @property
    def label(self) -> str:
        return {
            Pihak.PEGAWAI: _("Pegawai yang dinilai"),
            Pihak.PEJABAT_PENILAI: _("Pejabat penilai"),
            Pihak.ATASAN_PEJABAT_PENILAI: _("Atasan pejabat penilai"),
            Pihak.PENGADMINISTRASI_KEPEGAWAIAN: _("Pengadministrasi kepegawaian"),
        }[self]


@dataclass(frozen=True)
class LangkahSOP:
    """One row of an SOP table: its number, activity and standard time ("mutu baku waktu")."""

    sop: str
    nomor: str
    uraian: str
    menit: int


@dataclass(frozen=True)
class Transisi:
    aksi: str
    dari: str
    ke: str
    pihak: frozenset[Pihak]
    label: str  # the verb on the button, in the words of the workflow
    catatan_wajib: bool = False
    langkah: tuple[LangkahSOP, ...] = ()  # the SOP steps this action completes
    opsi: str | None = None  # an office option that must be on for this transition to exist
    tanpa_opsi: str | None = None  # …or off (the plain path that the option replaces)
    utama: bool = False  # the one prominent action of its state

    @property
    def menit_baku(self) -> int:
        return sum(step.menit for step in self.langkah)

    def berlaku(self, opsi: Iterable[str]) -> bool:
        enabled = set(opsi)
        if self.opsi is not None and self.opsi not in enabled:
            return False
        return not (self.tanpa_opsi is not None and self.tanpa_opsi in enabled)


class TransisiDitolak(Exception):
    """The table does not give this action to this person in this state."""


@dataclass(frozen=True)
class Alur:
    kode: str
    nama: str
    status_awal: str
    status_label: dict[str, str]
    transisi: tuple[Transisi, ...]
    status_akhir: frozenset[str] = field(default_factory=frozenset)

    def label(self, status: str) -> str:
        return self.status_label.get(status, status)

    def aksi_dari(self, status: str, opsi: Iterable[str] = ()) -> list[Transisi]:
        opsi = tuple(opsi)
        return [t for t in self.transisi if t.dari == status and t.berlaku(opsi)]

    def tersedia(
        self, status: str, pihak: Iterable[Pihak], opsi: Iterable[str] = ()
    ) -> list[Transisi]:
        """The actions this person may take now, the primary one first."""
        mine = set(pihak)
        found = [t for t in self.aksi_dari(status, opsi) if t.pihak & mine]
        return sorted(found, key=lambda t: not t.utama)

    def periksa(
        self, aksi: str, status: str, pihak: Iterable[Pihak], opsi: Iterable[str] = ()
    ) -> Transisi:
        """The transition for ``aksi`` if this person may take it now; else ``TransisiDitolak``."""
        mine = set(pihak)
        candidates = [t for t in self.aksi_dari(status, opsi) if t.aksi == aksi]
        if not candidates:
            raise TransisiDitolak(
                _("Tindakan '{aksi}' tidak tersedia untuk dokumen berstatus {status}.").format(
                    aksi=aksi, status=self.label(status)
                )
            )
        for t in candidates:
            if t.pihak & mine:
                return t
        allowed = sorted({p.label for t in candidates for p in t.pihak})
        raise TransisiDitolak(
            _("Tindakan '{label}' hanya dapat dilakukan oleh: {pihak}.").format(
                label=candidates[0].label, pihak=", ".join(allowed)
            )
        )

    def statuses(self) -> list[str]:
        return list(self.status_label)

    def status_menunggu(self, pihak: Pihak) -> frozenset[str]:
        """The states whose primary action belongs to ``pihak`` under some office option.

        A superset the services filter on in SQL before the exact check per row.
        """
        return frozenset(t.dari for t in self.transisi if t.utama and pihak in t.pihak)


# --- SKP planning (SOP 004; SOP 002's extra signatory and BKPSDM steps as an office option) ---

SOP_004 = "SOP 023/BKPPD-BLG/II/2020"
SOP_002 = "SOP Administrasi Sasaran Kinerja PNS"
L004_1 = LangkahSOP(SOP_004, "1", "ASN mengisi target SKP tahunan", 60)
L004_2 = LangkahSOP(SOP_004, "2", "ASN menyampaikan SKP untuk diverifikasi atasan langsung", 15)
L004_4 = LangkahSOP(SOP_004, "4", "Atasan langsung menyampaikan hasil verifikasi SKP", 30)
L004_5 = LangkahSOP(SOP_004, "5", "ASN mencetak SKP tahunan yang disetujui", 10)
L004_6 = LangkahSOP(SOP_004, "6", "SKP cetak ditandatangani (disahkan) atasan langsung", 10)
L004_7 = LangkahSOP(SOP_004, "7", "SKP yang telah disahkan diarsipkan", 10)
L002_6 = LangkahSOP(SOP_002, "6", "SKP diketik dan dikirim", 20)
L002_7 = LangkahSOP(
    SOP_002, "7", "SKP ditandatangani atasan pejabat penilai dan dikirim ke BKPSDM", 20
)

OPSI_BKPSDM = "skp_bkpsdm"
"""Office option (SOP 002): the atasan pejabat penilai also signs, and the SKP goes to BKPSDM."""


class StatusSKP(StrEnum):
    DRAFT = "DRAFT"
    DIAJUKAN = "DIAJUKAN"
    PERLU_REVISI = "PERLU_REVISI"
    DISETUJUI = "DISETUJUI"
    DICETAK = "DICETAK"
    DITANDATANGANI = "DITANDATANGANI"
    DISAHKAN_ATASAN = "DISAHKAN_ATASAN"
    DIKIRIM_BKPSDM = "DIKIRIM_BKPSDM"
    DIARSIPKAN = "DIARSIPKAN"


S = StatusSKP
P = Pihak
_PEGAWAI = frozenset({P.PEGAWAI})
_PENILAI = frozenset({P.PEJABAT_PENILAI})

ALUR_SKP = Alur(
    kode="SKP",
    nama=_("Penyusunan SKP"),
    status_awal=S.DRAFT,
    status_label={
        S.DRAFT: _("Draf"),
        S.DIAJUKAN: _("Diajukan"),
        S.PERLU_REVISI: _("Perlu Revisi"),
        S.DISETUJUI: _("Disetujui"),
        S.DICETAK: _("Dicetak"),
        S.DITANDATANGANI: _("Ditandatangani"),
        S.DISAHKAN_ATASAN: _("Disahkan Atasan Penilai"),
        S.DIKIRIM_BKPSDM: _("Dikirim ke BKPSDM"),
        S.DIARSIPKAN: _("Diarsipkan"),
    },
    status_akhir=frozenset({S.DIARSIPKAN}),
    transisi=(
        Transisi(
            "ajukan",
            S.DRAFT,
            S.DIAJUKAN,
            _PEGAWAI,
            _("Ajukan ke Atasan"),
            langkah=(L004_1, L004_2),
            utama=True,
        ),
        Transisi(
            "setujui",
            S.DIAJUKAN,
            S.DISETUJUI,
            _PENILAI,
            _("Setujui"),
            langkah=(L004_4,),
            utama=True,
        ),
        Transisi(
            "kembalikan",
            S.DIAJUKAN,
            S.PERLU_REVISI,
            _PENILAI,
            _("Kembalikan untuk Perbaikan"),
            catatan_wajib=True,
            langkah=(L004_4,),
        ),
        Transisi("perbaiki", S.PERLU_REVISI, S.DRAFT, _PEGAWAI, _("Mulai Perbaikan"), utama=True),
        Transisi(
            "cetak",
            S.DISETUJUI,
            S.DICETAK,
            frozenset({P.PEGAWAI, P.PENGADMINISTRASI_KEPEGAWAIAN}),
            _("Tandai Sudah Dicetak"),
            langkah=(L004_5,),
            utama=True,
        ),
        Transisi(
            "tandatangani",
            S.DICETAK,
            S.DITANDATANGANI,
            frozenset({P.PEGAWAI, P.PEJABAT_PENILAI}),
            _("Tandai Sudah Ditandatangani"),
            langkah=(L004_6,),
            utama=True,
        ),
        Transisi(
            "arsipkan",
            S.DITANDATANGANI,
            S.DIARSIPKAN,
            frozenset({P.PEGAWAI, P.PEJABAT_PENILAI, P.PENGADMINISTRASI_KEPEGAWAIAN}),
            _("Arsipkan"),
            langkah=(L004_7,),
            tanpa_opsi=OPSI_BKPSDM,
            utama=True,
        ),
        # SOP 002: a third signature and the copy to BKPSDM before the archive.
        Transisi(
            "sahkan_atasan",
            S.DITANDATANGANI,
            S.DISAHKAN_ATASAN,
            frozenset({P.ATASAN_PEJABAT_PENILAI}),
            _("Tandai Disahkan Atasan Penilai"),
            langkah=(L002_7,),
            opsi=OPSI_BKPSDM,
            utama=True,
        ),
        Transisi(
            "kirim_bkpsdm",
            S.DISAHKAN_ATASAN,
            S.DIKIRIM_BKPSDM,
            frozenset({P.PEGAWAI, P.PENGADMINISTRASI_KEPEGAWAIAN}),
            _("Tandai Dikirim ke BKPSDM"),
            langkah=(L002_6,),
            opsi=OPSI_BKPSDM,
            utama=True,
        ),
        Transisi(
            "arsipkan",
            S.DIKIRIM_BKPSDM,
            S.DIARSIPKAN,
            frozenset({P.PEGAWAI, P.PEJABAT_PENILAI, P.PENGADMINISTRASI_KEPEGAWAIAN}),
            _("Arsipkan"),
            langkah=(L004_7,),
            opsi=OPSI_BKPSDM,
            utama=True,
        ),
        # An approved SKP is reopened only by its penilai, with the reason on record.
        *(
            Transisi(
                "buka_kembali",
                state,
                S.PERLU_REVISI,
                _PENILAI,
                _("Buka Kembali"),
                catatan_wajib=True,
            )
            for state in (S.DISETUJUI, S.DICETAK, S.DITANDATANGANI)
        ),
    ),
)

# Content may change only while the pegawai holds the pen.
STATUS_DAPAT_DIUBAH = frozenset({S.DRAFT})
# The pegawai writes her own SKP (SOP 004 step 1).
PENGISI_SKP = frozenset({Pihak.PEGAWAI})
# The penilai writes ekspektasi khusus during the dialog kinerja, before he approves.
STATUS_EKSPEKTASI = frozenset({S.DRAFT, S.DIAJUKAN, S.PERLU_REVISI})
# Actions whose note the pegawai must see at the top of her editor until she resubmits.
AKSI_PENGEMBALIAN = frozenset({"kembalikan", "buka_kembali"})
# The official SKP may be printed once approved (SOP 004 step 5), and reprinted after.
STATUS_DAPAT_DICETAK = frozenset(
    {S.DISETUJUI, S.DICETAK, S.DITANDATANGANI, S.DISAHKAN_ATASAN, S.DIKIRIM_BKPSDM, S.DIARSIPKAN}
)
