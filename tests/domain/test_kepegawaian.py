"""Pangkat/golongan tables and the atasan chain rules."""

import pytest

from skpdesk.domain.hierarki import membentuk_siklus, rantai_atasan
from skpdesk.domain.kepegawaian import (
    GOLONGAN_PNS,
    GOLONGAN_PPPK,
    JenisJabatan,
    StatusKepegawaian,
    cari_golongan,
    nama_lengkap,
)

# docs/domain.md, Appendix: every cell of the PNS table.
PNS_TABLE = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}


@pytest.mark.parametrize(("kode", "pangkat"), PNS_TABLE.items())
def test_pns_pangkat_table(kode, pangkat):
    assert cari_golongan("PNS", kode).pangkat == pangkat


def test_pns_table_is_complete_and_ordered():
    assert [g.kode for g in GOLONGAN_PNS] == list(PNS_TABLE)


def test_printed_label_as_on_the_forms():
    assert cari_golongan("PNS", "III/b").label == "Penata Muda Tingkat I, III/b"


def test_pppk_has_golongan_i_to_xvii_and_no_pangkat():
    assert len(GOLONGAN_PPPK) == 17
    assert GOLONGAN_PPPK[0].kode == "I" and GOLONGAN_PPPK[-1].kode == "XVII"
    assert all(g.pangkat is None for g in GOLONGAN_PPPK)
    assert cari_golongan(StatusKepegawaian.PPPK, "ix").label == "Golongan IX"


@pytest.mark.parametrize("typed", ["iii/b", " III / b ", "III/B"])
def test_lookup_is_forgiving_about_case_and_spaces(typed):
    assert cari_golongan("PNS", typed).kode == "III/b"


@pytest.mark.parametrize(
    ("status", "kode", "message"),
    [
        ("PNS", "V/a", "I/a sampai IV/e"),
        ("PNS", "IX", "I/a sampai IV/e"),
        ("PNS", "", "I/a sampai IV/e"),
        ("PPPK", "III/b", "I sampai XVII"),
        ("PPPK", "XVIII", "I sampai XVII"),
    ],
)
def test_unknown_golongan_is_refused_with_the_valid_range(status, kode, message):
    with pytest.raises(ValueError, match=message):
        cari_golongan(status, kode)


def test_structural_posts():
    assert {j for j in JenisJabatan if j.struktural} == {
        JenisJabatan.JPT,
        JenisJabatan.ADMINISTRATOR,
        JenisJabatan.PENGAWAS,
    }


def test_nama_lengkap_with_titles():
    assert nama_lengkap("Siti Aminah", "Dr.", "S.E., M.Si.") == "Dr. Siti Aminah, S.E., M.Si."
    assert nama_lengkap("Joko Susilo") == "Joko Susilo"
    assert nama_lengkap("Rina", "", "S.E.") == "Rina, S.E."


CHAIN = {"staf": "kasi", "kasi": "camat", "camat": None, "lain": None}


def test_cycle_through_a_subordinate_is_detected():
    assert membentuk_siklus(CHAIN, "camat", "staf") is True
    assert membentuk_siklus(CHAIN, "camat", "kasi") is True


def test_self_as_atasan_is_a_cycle():
    assert membentuk_siklus(CHAIN, "kasi", "kasi") is True


def test_legal_choices_are_not_cycles():
    assert membentuk_siklus(CHAIN, "staf", "camat") is False
    assert membentuk_siklus(CHAIN, "staf", None) is False
    assert membentuk_siklus(CHAIN, "lain", "staf") is False


def test_an_existing_loop_elsewhere_does_not_hang():
    broken = {"a": "b", "b": "a", "x": None}
    assert membentuk_siklus(broken, "x", "a") is False


def test_rantai_atasan_nearest_first():
    assert rantai_atasan(CHAIN, "staf") == ["kasi", "camat"]
    assert rantai_atasan(CHAIN, "camat") == []
