"""Roster vocabulary: status kepegawaian, jenis jabatan, pangkat/golongan tables, roles."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from skpdesk.i18n import _


class StatusKepegawaian(StrEnum):
    PNS = "PNS"
    PPPK = "PPPK"

    @property
    def label(self) -> str:
        return self.value


class JenisJabatan(StrEnum):
    JPT = "JPT"
    ADMINISTRATOR = "ADMINISTRATOR"
    PENGAWAS = "PENGAWAS"
    PELAKSANA = "PELAKSANA"
    FUNGSIONAL = "FUNGSIONAL"

    @property
    def label(self) -> str:
        return {
            JenisJabatan.JPT: _("Jabatan Pimpinan Tinggi"),
            JenisJabatan.ADMINISTRATOR: _("Administrator"),
            JenisJabatan.PENGAWAS: _("Pengawas"),
            JenisJabatan.PELAKSANA: _("Pelaksana"),
            JenisJabatan.FUNGSIONAL: _("Fungsional"),
        }[self]

    @property
    def struktural(self) -> bool:
        """Structural posts lead a unit; the PP 46 kepemimpinan aspect applies to them only."""
        return self in (JenisJabatan.JPT, JenisJabatan.ADMINISTRATOR, JenisJabatan.PENGAWAS)

    @property
    def skp_jpt(self) -> bool:
        """JPT holders use the JPT variant of the SKP form; everyone else the JA/JF one."""
        return self is JenisJabatan.JPT


JENJANG_PER_JENIS: dict[JenisJabatan, tuple[str, ...]] = {
    JenisJabatan.JPT: ("Utama", "Madya", "Pratama"),
    JenisJabatan.ADMINISTRATOR: (),
    JenisJabatan.PENGAWAS: (),
    JenisJabatan.PELAKSANA: (),
    JenisJabatan.FUNGSIONAL: (
        "Ahli Utama",
        "Ahli Madya",
        "Ahli Muda",
        "Ahli Pertama",
        "Penyelia",
        "Mahir",
        "Terampil",
        "Pemula",
    ),
}


class Peran(StrEnum):
    """Office-wide roles held by an account. Roles on one SKP come from the data, not from here."""

    PENGADMINISTRASI_KEPEGAWAIAN = "KEPEGAWAIAN"
    PERENCANA = "PERENCANA"

    @property
    def label(self) -> str:
        return {
            Peran.PENGADMINISTRASI_KEPEGAWAIAN: _("Pengadministrasi Kepegawaian"),
            Peran.PERENCANA: _("Perencana"),
        }[self]


@dataclass(frozen=True)
class Golongan:
    kode: str
    pangkat: str | None
    status: StatusKepegawaian

    @property
    def label(self) -> str:
        """As printed on the forms: "Penata Muda Tingkat I, III/b"; a PPPK golongan alone."""
        return (
            f"{self.pangkat}, {self.kode}"
            if self.pangkat
            else _("Golongan {kode}").format(kode=self.kode)
        )


_PNS = (
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tingkat I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tingkat I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tingkat I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tingkat I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tingkat I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tingkat I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tingkat I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
)
_ROMAN = "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII".split()

GOLONGAN_PNS: tuple[Golongan, ...] = tuple(
    Golongan(kode, pangkat, StatusKepegawaian.PNS) for kode, pangkat in _PNS
)
GOLONGAN_PPPK: tuple[Golongan, ...] = tuple(
    Golongan(kode, None, StatusKepegawaian.PPPK) for kode in _ROMAN
)
GOLONGAN: dict[StatusKepegawaian, tuple[Golongan, ...]] = {
    StatusKepegawaian.PNS: GOLONGAN_PNS,
    StatusKepegawaian.PPPK: GOLONGAN_PPPK,
}


def cari_golongan(status: StatusKepegawaian | str, kode: str) -> Golongan:
    """Look a golongan up by its code ("III/b", "iii/B", "IX"); ``ValueError`` when unknown."""
    status = StatusKepegawaian(status)
    wanted = (kode or "").strip().replace(" ", "").upper()
    for gol in GOLONGAN[status]:
        if gol.kode.upper() == wanted:
            return gol
    if status is StatusKepegawaian.PNS:
        raise ValueError(
            _("Golongan PNS '{kode}' tidak dikenal; gunakan I/a sampai IV/e.").format(kode=kode)
        )
    raise ValueError(
        _("Golongan PPPK '{kode}' tidak dikenal; gunakan I sampai XVII.").format(kode=kode)
    )


def nama_lengkap(nama: str, gelar_depan: str = "", gelar_belakang: str = "") -> str:
    """Name with titles as printed: "Dr. Siti Aminah, S.E., M.Si."."""
    text = " ".join(part for part in (gelar_depan.strip(), nama.strip()) if part)
    return f"{text}, {gelar_belakang.strip()}" if gelar_belakang.strip() else text
