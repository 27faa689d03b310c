"""Indonesian print formats (domain.format)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from skpdesk.domain import format as fmt


@pytest.mark.parametrize(
    ("value", "text"),
    [(dt.date(2024, 1, 16), "16 Januari 2024"), (dt.datetime(2026, 12, 31, 23, 0),
                                                  "31 Desember 2026"), (None, "")],
)
def test_tanggal(value, text):
    assert fmt.tanggal(value) == text


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        (85.5, 2, "85,50"),
        (Decimal("1200.0000"), None, "1.200"),
        (Decimal("12.5000"), None, "12,5"),
        (Decimal("1234567.891"), 2, "1.234.567,89"),
        (Decimal("0.005"), 2, "0,01"),
        (-3.5, None, "-3,5"),
        (100, None, "100"),
        (Decimal("0"), 2, "0,00"),
        (None, 2, ""),
    ],
)
def test_angka(value, places, text):
    assert fmt.angka(value, places) == text


def test_rupiah():
    assert fmt.rupiah(170395000) == "Rp 170.395.000"


@pytest.mark.parametrize(
    ("low", "high", "satuan", "text"),
    [
        (Decimal("80"), Decimal("90"), "%", "80 – 90%"),
        (Decimal("100"), Decimal("100"), "%", "100%"),
        (Decimal("1200"), Decimal("1200"), "Surat", "1.200 Surat"),
        (Decimal("3.5"), None, "Indeks", "3,5 Indeks"),
        (None, None, "Dokumen", ""),
        (Decimal("12"), Decimal("12"), "", "12"),
    ],
)
def test_target(low, high, satuan, text):
    assert fmt.target(low, high, satuan) == text
