"""The 18-digit NIP (Nomor Induk Pegawai) of a PNS or NI PPPK: validation and its parts."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from skpdesk.i18n import _

NIP_LENGTH = 18
# The NI of a PPPK carries "21" where a PNS's NIP carries the month of TMT CPNS.
PPPK_MONTH_CODE = 21
# CPNS are appointed at 18 at the earliest; one year of slack for data entered by hand elsewhere.
MIN_AGE_AT_TMT = 17
OLDEST_BIRTH_YEAR = 1940
# A decree may set a TMT some months ahead; a year is the most an office sees.
MAX_MONTHS_AHEAD = 12


class JenisKelamin(StrEnum):
    LAKI_LAKI = "L"
    PEREMPUAN = "P"

    @property
    def label(self) -> str:
        return _("Laki-laki") if self is JenisKelamin.LAKI_LAKI else _("Perempuan")


@dataclass(frozen=True)
class NipParts:
    nip: str
    tanggal_lahir: dt.date
    tmt: dt.date
    """First day of the month of appointment (TMT CPNS); for a PPPK, 1 January of the year."""
    jenis_kelamin: JenisKelamin
    urutan: int
    pppk: bool

    @property
    def formatted(self) -> str:
        return format_nip(self.nip)


def normalize_nip(text: str) -> str:
    """Strip the spaces (and dots or dashes) people type between the groups of a NIP."""
    return re.sub(r"[\s.\-]", "", text or "")


def format_nip(nip: str) -> str:
    """Print a NIP in its official groups: ``19850315 201001 2 003``."""
    digits = normalize_nip(nip)
    if len(digits) != NIP_LENGTH:
        return nip
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def parse_nip(text: str, *, today: dt.date | None = None) -> NipParts:
    """Validate a NIP and return its parts; raise ``ValueError`` naming the faulty part."""
    today = today or dt.date.today()
    digits = normalize_nip(text)
    if not digits:
        raise ValueError(_("NIP wajib diisi."))
    if not digits.isdigit():
        raise ValueError(_("NIP hanya boleh berisi angka."))
    if len(digits) != NIP_LENGTH:
        raise ValueError(_("NIP harus 18 digit, yang diketik {n} digit.").format(n=len(digits)))

    try:
        lahir = dt.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise ValueError(
            _("Tanggal lahir pada NIP (digit 1–8: {part}) bukan tanggal yang sah.").format(
                part=digits[0:8]
            )
        ) from None
    if lahir.year < OLDEST_BIRTH_YEAR or lahir > today:
        raise ValueError(
            _("Tanggal lahir pada NIP (digit 1–8: {part}) di luar rentang yang wajar.").format(
                part=digits[0:8]
            )
        )

    tmt_year, tmt_month = int(digits[8:12]), int(digits[12:14])
    pppk = tmt_month == PPPK_MONTH_CODE
    if not (pppk or 1 <= tmt_month <= 12):
        raise ValueError(
            _("Bulan TMT pada NIP (digit 13–14: {part}) harus 01–12 (atau 21 untuk PPPK).").format(
                part=digits[12:14]
            )
        )
    tmt = dt.date(tmt_year, 1 if pppk else tmt_month, 1)
    months_ahead = (tmt.year - today.year) * 12 + tmt.month - today.month
    if tmt_year - lahir.year < MIN_AGE_AT_TMT or months_ahead > MAX_MONTHS_AHEAD:
        raise ValueError(
            _(
                "TMT pengangkatan pada NIP (digit 9–14: {part}) tidak cocok dengan tanggal lahir "
                "atau berada terlalu jauh di masa depan."
            ).format(part=digits[8:14])
        )

    sex_digit = digits[14]
    if sex_digit not in "12":
        raise ValueError(
            _("Digit jenis kelamin pada NIP (digit 15: {part}) harus 1 atau 2.").format(
                part=sex_digit
            )
        )

    urutan = int(digits[15:18])
    if urutan == 0:
        raise ValueError(_("Nomor urut pada NIP (digit 16–18) tidak boleh 000."))

    return NipParts(
        nip=digits,
        tanggal_lahir=lahir,
        tmt=tmt,
        jenis_kelamin=JenisKelamin.LAKI_LAKI if sex_digit == "1" else JenisKelamin.PEREMPUAN,
        urutan=urutan,
        pppk=pppk,
    )
