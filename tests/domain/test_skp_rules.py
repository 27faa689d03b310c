"""SKP content rules: targets as numbers or ranges, BerAKHLAK seed data, completeness for ajukan."""

from decimal import Decimal

import pytest

from skpdesk.domain.berakhlak import BERAKHLAK
from skpdesk.domain.skp import (
    IsianIKI,
    IsianRHK,
    Pendekatan,
    angka,
    parse_target,
    periksa_untuk_diajukan,
)


@pytest.mark.parametrize(
    ("typed", "low", "high"),
    [
        ("2", "2", "2"),
        ("100", "100", "100"),
        ("12,5", "12.5", "12.5"),
        ("12.5", "12.5", "12.5"),
        ("1.250", "1250", "1250"),
        ("1.250,75", "1250.75", "1250.75"),
        ("80-90", "80", "90"),
        ("80 – 90", "80", "90"),
        ("80 s.d. 90", "80", "90"),
        ("80 sampai 90", "80", "90"),
        ("0", "0", "0"),
    ],
)
def test_targets_typed_the_indonesian_way(typed, low, high):
    t = parse_target(typed, "%")
    assert (t.minimum, t.maksimum, t.satuan) == (Decimal(low), Decimal(high), "%")
    assert t.rentang == (low != high)


@pytest.mark.parametrize(
    ("typed", "satuan", "message"),
    [
        ("", "Dokumen", "wajib diisi"),
        ("dua", "Dokumen", "berupa angka"),
        ("10 dokumen", "Dokumen", "berupa angka"),
        ("90-80", "%", "lebih kecil"),
        ("5", " ", "Satuan"),
    ],
)
def test_bad_targets_are_explained(typed, satuan, message):
    with pytest.raises(ValueError, match=message):
        parse_target(typed, satuan)


def test_angka_refuses_text():
    with pytest.raises(ValueError, match="angka"):
        angka("1,2,3")


def test_berakhlak_seven_values_three_panduan_each():
    assert [v.nama for v in BERAKHLAK] == [
        "Berorientasi Pelayanan",
        "Akuntabel",
        "Kompeten",
        "Harmonis",
        "Loyal",
        "Adaptif",
        "Kolaboratif",
    ]
    assert all(len(v.panduan) == 3 and all(p.strip() for p in v.panduan) for v in BERAKHLAK)
    assert BERAKHLAK[2].panduan[1] == "Membantu orang lain belajar"


GOOD_IKI = IsianIKI("KUANTITAS", "Jumlah dokumen laporan", "12", "Dokumen")


def test_a_complete_draft_passes():
    rhk = [IsianRHK("UTAMA", "Tersusunnya laporan", [GOOD_IKI])]
    assert periksa_untuk_diajukan(Pendekatan.KUANTITATIF, rhk) == []


def test_every_fault_is_listed_with_its_place():
    rhk = [
        IsianRHK("TAMBAHAN", "", []),
        IsianRHK("TAMBAHAN", "Ada", [IsianIKI("KUALITAS", "", "banyak", "%")]),
    ]
    faults = periksa_untuk_diajukan(Pendekatan.KUANTITATIF, rhk)
    assert faults[0] == "SKP harus memiliki minimal satu Rencana Hasil Kerja utama."
    assert "RHK 1: uraian rencana hasil kerja masih kosong." in faults
    assert "RHK 1: belum ada indikator kinerja individu (IKI)." in faults
    assert "RHK 2, IKI 1: indikator masih kosong." in faults
    assert any(f.startswith("RHK 2, IKI 1: Target harus berupa angka") for f in faults)


def test_empty_skp_cannot_be_submitted():
    assert periksa_untuk_diajukan(Pendekatan.KUANTITATIF, []) == [
        "SKP harus memiliki minimal satu Rencana Hasil Kerja utama."
    ]


def test_kualitatif_needs_the_narrative_not_numbers():
    ok = [IsianRHK("UTAMA", "Terwujudnya pelayanan", [], "Masyarakat puas, tanpa keluhan")]
    assert periksa_untuk_diajukan(Pendekatan.KUALITATIF, ok) == []
    empty = [IsianRHK("UTAMA", "Terwujudnya pelayanan", [], " ")]
    assert periksa_untuk_diajukan(Pendekatan.KUALITATIF, empty) == [
        "RHK 1: ukuran keberhasilan/IKI dan target belum diisi."
    ]
