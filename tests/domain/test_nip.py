"""NIP validation against the BKN layout (docs/domain.md, Appendix)."""

import datetime as dt

import pytest

from skpdesk.domain.nip import JenisKelamin, format_nip, normalize_nip, parse_nip

TODAY = dt.date(2026, 11, 22)


def test_parts_of_a_pns_nip_typed_with_spaces():
    parts = parse_nip("19850315 201001 2 003", today=TODAY)
    assert parts.nip == "198503152010012003"
    assert parts.tanggal_lahir == dt.date(1985, 3, 15)
    assert parts.tmt == dt.date(2010, 1, 1)
    assert parts.jenis_kelamin is JenisKelamin.PEREMPUAN
    assert parts.urutan == 3
    assert parts.pppk is False
    assert parts.formatted == "19850315 201001 2 003"


def test_seed_000_signature_nip_is_a_man():
    parts = parse_nip("19770820 200212 1 005", today=TODAY)
    assert parts.jenis_kelamin is JenisKelamin.LAKI_LAKI
    assert parts.tmt == dt.date(2002, 12, 1)


def test_pppk_number_carries_21_in_the_month_position():
    parts = parse_nip("199509092022212003", today=TODAY)
    assert parts.pppk is True
    assert parts.tmt == dt.date(2022, 1, 1)


@pytest.mark.parametrize("text", ["1985.03.15-2010.01-2-003", "  198503152010012003 "])
def test_separators_people_type_are_ignored(text):
    assert parse_nip(text, today=TODAY).nip == "198503152010012003"


@pytest.mark.parametrize(
    ("text", "named_part"),
    [
        ("", "wajib diisi"),
        ("   ", "wajib diisi"),
        ("19850315201001200", "18 digit, yang diketik 17"),
        ("1985031520100120031", "18 digit, yang diketik 19"),
        ("19850315 201001 2 00A", "hanya boleh berisi angka"),
        ("19850230 201001 2 003", "Tanggal lahir"),  # 30 February
        ("19851315 201001 2 003", "Tanggal lahir"),  # month 13
        ("18990101 192001 1 001", "Tanggal lahir"),  # too old to be in service
        ("20300101 205001 1 001", "Tanggal lahir"),  # born in the future
        ("19850315 201013 2 003", "Bulan TMT"),
        ("19850315 201000 2 003", "Bulan TMT"),
        ("19850315 199501 2 003", "TMT"),  # appointed at nine years old
        ("19850315 203001 2 003", "TMT"),  # appointed years from now
        ("19850315 201001 3 003", "jenis kelamin"),
        ("19850315 201001 0 003", "jenis kelamin"),
        ("19850315 201001 2 000", "Nomor urut"),
    ],
)
def test_invalid_nip_names_the_faulty_part(text, named_part):
    with pytest.raises(ValueError, match=named_part):
        parse_nip(text, today=TODAY)


def test_boundaries_of_the_tmt_check():
    # 17 years after birth is the earliest accepted appointment year.
    assert parse_nip("19900101 200701 1 001", today=TODAY).tmt == dt.date(2007, 1, 1)
    with pytest.raises(ValueError, match="TMT"):
        parse_nip("19900101 200612 1 001", today=TODAY)
    # An appointment already decreed may lie up to twelve months ahead, not more.
    assert parse_nip("19900101 202711 1 001", today=TODAY).tmt == dt.date(2027, 11, 1)
    with pytest.raises(ValueError, match="TMT"):
        parse_nip("19900101 202712 1 001", today=TODAY)


def test_leap_day_birth_dates():
    assert parse_nip("19880229 201001 1 001", today=TODAY).tanggal_lahir == dt.date(1988, 2, 29)
    with pytest.raises(ValueError, match="Tanggal lahir"):
        parse_nip("19890229 201001 1 001", today=TODAY)


def test_format_and_normalize():
    assert normalize_nip(" 19850315 201001 2 003 ") == "198503152010012003"
    assert format_nip("198503152010012003") == "19850315 201001 2 003"
    assert format_nip("123") == "123"  # not a NIP: left as typed
