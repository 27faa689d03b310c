"""Indonesian print formats: "16 Januari 2024", "85,50", "1.200", "Rp 170.395.000"."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

BULAN: tuple[str, ...] = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def tanggal(value: dt.date | dt.datetime | None) -> str:
    """"16 Januari 2024"; an empty string for no date (a blank stays blank on paper)."""
    if value is None:
        return ""
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


def _decimal(value: Decimal | float | int) -> Decimal:
    # float goes through str so that 85.5 stays 85.5 and not 85.4999…
    return value if isinstance(value, Decimal) else Decimal(str(value))


def angka(value: Decimal | float | int | None, desimal: int | None = None) -> str:
    """Thousands with ".", decimals with ",": 1200 → "1.200", 85.5 with 2 places → "85,50".

    Without ``desimal`` the number keeps its own significant decimals (12.50 → "12,5"), which is
    how targets are written; scores ask for a fixed number of places.
    """
    if value is None:
        return ""
    number = _decimal(value)
    if desimal is not None:
        number = number.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
        text = f"{abs(number):,.{desimal}f}"
    else:
        number = number.normalize() if number == number.to_integral_value() else number
        text = f"{abs(number):,f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return f"-{text}" if number < 0 else text


def rupiah(value: Decimal | float | int | None) -> str:
    """"Rp 170.395.000" (whole rupiah, as budgets are printed)."""
    if value is None:
        return ""
    return f"Rp {angka(value, 0)}"


def target(
    minimum: Decimal | float | int | None,
    maksimum: Decimal | float | int | None,
    satuan: str = "",
) -> str:
    """A target as printed: "12 Dokumen", "100%", "80 – 90%"; a range when the bounds differ."""
    if minimum is None and maksimum is None:
        return ""
    low = minimum if minimum is not None else maksimum
    high = maksimum if maksimum is not None else minimum
    number = angka(low)
    if _decimal(high) != _decimal(low):
        number = f"{number} – {angka(high)}"
    satuan = (satuan or "").strip()
    if not satuan:
        return number
    return f"{number}{satuan}" if satuan == "%" else f"{number} {satuan}"
