"""Current regime against docs/domain.md §2.9, §6.2, §11 C and D: matrix, distribution, capaian."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from skpdesk.domain.aturan import (
    ATURAN,
    PERMENPANRB_6_2022,
    PP_30_2019,
    PP_46_2011,
    REGIME_BAWAAN,
    URUTAN_KURVA,
    AturanDistribusi,
    JenisBatas,
    Regime,
    aturan,
)
from skpdesk.domain.scoring import (
    CapaianOrganisasi,
    Polaritas,
    Predikat,
    Rating,
    StatusIKI,
    capaian_indikator,
    cek_distribusi,
    frekuensi_predikat,
    predikat_kinerja,
    rating_hasil_kerja_pimpinan,
    saran_rating_hasil_kerja,
    saran_rating_tahunan,
    status_iki,
)
from skpdesk.domain.scoring import batas_jumlah as batas
from skpdesk.domain.skp import parse_target

R = Rating
PK = Predikat
CO = CapaianOrganisasi
SB, B, BP, K, SK = (
    PK.SANGAT_BAIK,
    PK.BAIK,
    PK.BUTUH_PERBAIKAN,
    PK.KURANG_MISCONDUCT,
    PK.SANGAT_KURANG,
)

# --- Rule sets per regime ---


@pytest.mark.parametrize(
    ("kunci", "diharapkan"),
    [
        (Regime.PERMENPANRB_6_2022, PERMENPANRB_6_2022),
        ("PERMENPANRB_6_2022", PERMENPANRB_6_2022),
        ("PP_30_2019", PP_30_2019),
        ("PP 30/2019", PP_30_2019),
        (Regime.PP_46_2011, PP_46_2011),
        ("pp 46/2011", PP_46_2011),
    ],
)
def test_a_rule_set_is_found_by_regime_value_or_label(kunci, diharapkan):
    assert aturan(kunci) is diharapkan
    assert diharapkan.regime is Regime.dari(kunci)


def test_the_default_regime_is_permenpanrb_6_2022_and_every_regime_has_one_rule_set():
    assert REGIME_BAWAAN is Regime.PERMENPANRB_6_2022
    assert aturan() is PERMENPANRB_6_2022
    assert set(ATURAN) == set(Regime)


@pytest.mark.parametrize("kunci", ["PP_99_2030", "", "PERMENPANRB 8/2021"])
def test_an_unknown_regime_is_refused_in_indonesian(kunci):
    with pytest.raises(ValueError, match="Regime penilaian .* tidak dikenal; pilihan: PERMENPANRB"):
        aturan(kunci)


def test_rule_tables_are_read_only():
    with pytest.raises(TypeError):
        PERMENPANRB_6_2022.matriks[(R.SESUAI_EKSPEKTASI, R.SESUAI_EKSPEKTASI)] = SB  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        PP_46_2011.faktor_efisiensi = Decimal(2)  # type: ignore[misc]


# --- §2.9.3 / §11 C1: every cell of the matrix, written as docs/domain.md writes it ---

C1 = [
    ("Atas", "Atas", "Sangat Baik"),
    ("Atas", "Sesuai", "Baik"),
    ("Atas", "Bawah", "Kurang/Misconduct"),
    ("Sesuai", "Atas", "Baik"),
    ("Sesuai", "Sesuai", "Baik"),
    ("Sesuai", "Bawah", "Kurang/Misconduct"),
    ("Bawah", "Atas", "Butuh Perbaikan"),
    ("Bawah", "Sesuai", "Butuh Perbaikan"),
    ("Bawah", "Bawah", "Sangat Kurang"),
]
LABEL_RATING = {
    "Atas": R.DI_ATAS_EKSPEKTASI,
    "Sesuai": R.SESUAI_EKSPEKTASI,
    "Bawah": R.DI_BAWAH_EKSPEKTASI,
}


@pytest.mark.parametrize(("hk", "perilaku", "predikat"), C1)
def test_every_cell_of_the_predikat_matrix(hk, perilaku, predikat):
    hasil = predikat_kinerja(LABEL_RATING[hk], LABEL_RATING[perilaku])
    assert isinstance(hasil, Predikat)
    assert hasil.label == predikat


@pytest.mark.parametrize(("hk", "perilaku", "predikat"), C1)
def test_the_matrix_takes_the_labels_printed_on_the_forms(hk, perilaku, predikat):
    cetak = {
        "Atas": "DIATAS EKSPEKTASI",
        "Sesuai": "SESUAI EKSPEKTASI",
        "Bawah": "DIBAWAH EKSPEKTASI",
    }
    assert predikat_kinerja(cetak[hk], cetak[perilaku]).label == predikat
    assert predikat_kinerja(LABEL_RATING[hk].label, LABEL_RATING[perilaku].label).label == predikat


def test_the_matrix_is_complete_and_uses_every_predikat():
    assert set(PERMENPANRB_6_2022.matriks) == {(a, b) for a in R for b in R}
    assert set(PERMENPANRB_6_2022.matriks.values()) == set(PK)


def test_an_unknown_rating_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="'Luar Biasa' tidak dikenal; pilihan: Di Atas Ekspektasi"):
        predikat_kinerja("Luar Biasa", "Sesuai Ekspektasi")


@pytest.mark.parametrize(
    ("predikat", "label", "cetak"),
    [
        (SB, "Sangat Baik", "SANGAT BAIK"),
        (B, "Baik", "BAIK"),
        (BP, "Butuh Perbaikan", "BUTUH PERBAIKAN"),
        (K, "Kurang/Misconduct", "KURANG"),
        (SK, "Sangat Kurang", "SANGAT KURANG"),
    ],
)
def test_predikat_labels_on_screen_and_on_the_dokumen_evaluasi(predikat, label, cetak):
    assert predikat.label == label
    assert predikat.label_cetak == cetak
    assert Predikat.dari(label) is predikat


def test_capaian_organisasi_accepts_the_cukup_spelling():
    assert CO.dari("Butuh Perbaikan/Cukup") is CO.BUTUH_PERBAIKAN
    assert CO.dari("Cukup") is CO.BUTUH_PERBAIKAN
    assert CO.dari("istimewa") is CO.ISTIMEWA


# --- §2.9.5: pola distribusi with the small-unit rounding ---


@pytest.mark.parametrize(
    ("persen", "jenis", "n", "diharapkan"),
    [
        (70, JenisBatas.MAKSIMAL, 1, 0),
        (70, JenisBatas.MAKSIMAL, 2, 1),
        (70, JenisBatas.MAKSIMAL, 3, 2),
        (70, JenisBatas.MAKSIMAL, 10, 7),
        (70, JenisBatas.MAKSIMAL, 11, 7),
        (10, JenisBatas.MAKSIMAL, 9, 0),
        (10, JenisBatas.MAKSIMAL, 10, 1),
        (60, JenisBatas.MINIMAL, 1, 1),
        (60, JenisBatas.MINIMAL, 2, 2),
        (60, JenisBatas.MINIMAL, 3, 2),
        (60, JenisBatas.MINIMAL, 5, 3),
        (60, JenisBatas.MINIMAL, 10, 6),
        (10, JenisBatas.MINIMAL, 1, 1),
        (10, JenisBatas.MINIMAL, 10, 1),
        (10, JenisBatas.MINIMAL, 11, 2),
        (0, JenisBatas.HARUS_ADA, 1, 1),
        (0, JenisBatas.HARUS_ADA, 30, 1),
        (0, JenisBatas.TIDAK_BOLEH, 30, 0),
    ],
)
def test_caps_floor_and_floors_ceil(persen, jenis, n, diharapkan):
    rule = AturanDistribusi(frozenset({B}), jenis, Decimal(persen))
    assert batas(rule, n) == diharapkan


def unit(**jumlah: int) -> list[Predikat]:
    names = {"SB": SB, "B": B, "BP": BP, "K": K, "SK": SK}
    return [names[k] for k, v in jumlah.items() for _ in range(v)]


# (capaian organisasi, unit, violations as (jenis, predikat of the rule, batas, jumlah))
DISTRIBUSI = [
    # Istimewa: Sangat Baik at most 70%.
    (CO.ISTIMEWA, unit(SB=1), {(JenisBatas.MAKSIMAL, (SB,), 0, 1)}),
    (CO.ISTIMEWA, unit(B=1), set()),
    (CO.ISTIMEWA, unit(SB=1, B=1), set()),
    (CO.ISTIMEWA, unit(SB=2), {(JenisBatas.MAKSIMAL, (SB,), 1, 2)}),
    (CO.ISTIMEWA, unit(SB=2, SK=1), set()),
    (CO.ISTIMEWA, unit(SB=3), {(JenisBatas.MAKSIMAL, (SB,), 2, 3)}),
    (CO.ISTIMEWA, unit(SB=7, B=2, K=1), set()),
    (CO.ISTIMEWA, unit(SB=8, B=2), {(JenisBatas.MAKSIMAL, (SB,), 7, 8)}),
    # Baik: Baik at most 70%, and at least one Butuh Perbaikan and/or Kurang/Misconduct.
    (
        CO.BAIK,
        unit(B=1),
        {(JenisBatas.MAKSIMAL, (B,), 0, 1), (JenisBatas.HARUS_ADA, (BP, K), 1, 0)},
    ),
    (CO.BAIK, unit(BP=1), set()),
    (CO.BAIK, unit(K=1), set()),
    (CO.BAIK, unit(SB=1), {(JenisBatas.HARUS_ADA, (BP, K), 1, 0)}),
    (CO.BAIK, unit(B=1, K=1), set()),
    (CO.BAIK, unit(B=2, BP=1), set()),
    (
        CO.BAIK,
        unit(B=3),
        {(JenisBatas.MAKSIMAL, (B,), 2, 3), (JenisBatas.HARUS_ADA, (BP, K), 1, 0)},
    ),
    (CO.BAIK, unit(B=7, K=1, SB=1, SK=1), set()),
    (CO.BAIK, unit(B=8, BP=1, SB=1), {(JenisBatas.MAKSIMAL, (B,), 7, 8)}),
    (CO.BAIK, unit(B=7, SB=3), {(JenisBatas.HARUS_ADA, (BP, K), 1, 0)}),
    # Butuh Perbaikan: Butuh Perbaikan at least 60%, Sangat Baik at most 10%.
    (CO.BUTUH_PERBAIKAN, unit(BP=1), set()),
    (
        CO.BUTUH_PERBAIKAN,
        unit(SB=1),
        {(JenisBatas.MINIMAL, (BP,), 1, 0), (JenisBatas.MAKSIMAL, (SB,), 0, 1)},
    ),
    (CO.BUTUH_PERBAIKAN, unit(BP=1, B=1), {(JenisBatas.MINIMAL, (BP,), 2, 1)}),
    (CO.BUTUH_PERBAIKAN, unit(BP=2), set()),
    (CO.BUTUH_PERBAIKAN, unit(BP=3, B=2), set()),
    (CO.BUTUH_PERBAIKAN, unit(BP=2, B=3), {(JenisBatas.MINIMAL, (BP,), 3, 2)}),
    (CO.BUTUH_PERBAIKAN, unit(BP=6, SB=1, B=2, K=1), set()),
    (CO.BUTUH_PERBAIKAN, unit(BP=6, SB=2, B=2), {(JenisBatas.MAKSIMAL, (SB,), 1, 2)}),
    (CO.BUTUH_PERBAIKAN, unit(BP=8, SB=1), {(JenisBatas.MAKSIMAL, (SB,), 0, 1)}),
    # Kurang: Kurang/Misconduct ≥ 60%, Butuh Perbaikan ≥ 10%, Sangat Baik ≤ 10%.
    (CO.KURANG, unit(K=1), {(JenisBatas.MINIMAL, (BP,), 1, 0)}),
    (CO.KURANG, unit(BP=1), {(JenisBatas.MINIMAL, (K,), 1, 0)}),
    (
        CO.KURANG,
        unit(K=1, BP=1),
        {(JenisBatas.MINIMAL, (K,), 2, 1)},
    ),
    (CO.KURANG, unit(K=2, BP=1), set()),
    (CO.KURANG, unit(K=6, BP=1, SB=1, B=1, SK=1), set()),
    (CO.KURANG, unit(K=6, BP=1, SB=2, SK=1), {(JenisBatas.MAKSIMAL, (SB,), 1, 2)}),
    (
        CO.KURANG,
        unit(K=5, B=4, SB=2),
        {
            (JenisBatas.MINIMAL, (K,), 7, 5),
            (JenisBatas.MINIMAL, (BP,), 2, 0),
            (JenisBatas.MAKSIMAL, (SB,), 1, 2),
        },
    ),
    # Sangat Kurang: Sangat Kurang ≥ 60%, Kurang/Misconduct and/or Butuh Perbaikan ≥ 10%, no SB.
    (CO.SANGAT_KURANG, unit(SK=1), {(JenisBatas.MINIMAL, (BP, K), 1, 0)}),
    (CO.SANGAT_KURANG, unit(SK=2, K=1), set()),
    (CO.SANGAT_KURANG, unit(SK=2, BP=1), set()),
    (CO.SANGAT_KURANG, unit(SK=2, B=1), {(JenisBatas.MINIMAL, (BP, K), 1, 0)}),
    (
        CO.SANGAT_KURANG,
        unit(SK=2, SB=1),
        {(JenisBatas.MINIMAL, (BP, K), 1, 0), (JenisBatas.TIDAK_BOLEH, (SB,), 0, 1)},
    ),
    (CO.SANGAT_KURANG, unit(SK=3, BP=1, B=1), set()),
    (CO.SANGAT_KURANG, unit(SK=2, K=2, B=1), {(JenisBatas.MINIMAL, (SK,), 3, 2)}),
]


@pytest.mark.parametrize(("co", "predikat", "diharapkan"), DISTRIBUSI)
def test_every_distribution_rule_with_its_boundaries(co, predikat, diharapkan):
    found = cek_distribusi(co, predikat)
    assert {
        (v.jenis, tuple(p for p in reversed(URUTAN_KURVA) if p in v.predikat), v.batas, v.jumlah)
        for v in found
    } == diharapkan
    assert len(found) == len(diharapkan)  # each rule reported once
    for v in found:
        assert v.n == len(predikat)
        assert v.capaian_organisasi is co
        assert v.pesan.startswith(f"Capaian kinerja organisasi {co.label}: ")


def test_an_empty_unit_breaks_nothing():
    for co in CO:
        assert cek_distribusi(co, []) == []


def test_violations_are_sentences_with_the_numbers():
    pesan = [v.pesan for v in cek_distribusi("Baik", ["Baik", "Baik", "Baik"])]
    assert pesan == [
        "Capaian kinerja organisasi Baik: predikat Baik paling banyak 70% dari 3 pegawai, "
        "yaitu 2 orang; saat ini 3 orang.",
        "Capaian kinerja organisasi Baik: harus ada paling sedikit 1 pegawai dengan predikat "
        "Butuh Perbaikan dan/atau Kurang/Misconduct; saat ini tidak ada.",
    ]
    [kurang] = cek_distribusi(CO.BUTUH_PERBAIKAN, [BP, B])
    assert kurang.pesan.endswith(
        "predikat Butuh Perbaikan paling sedikit 60% dari 2 pegawai, yaitu 2 orang; "
        "saat ini 1 orang."
    )
    [sb] = cek_distribusi(CO.SANGAT_KURANG, [SK, SK, K, SB, SK])
    assert sb.pesan.endswith(
        "tidak boleh ada pegawai dengan predikat Sangat Baik; saat ini 1 orang."
    )


def test_the_distribution_takes_labels_and_counts_for_the_kurva():
    labels = ["Sangat Baik", "Baik", "Baik", "Kurang/Misconduct"]
    assert cek_distribusi("Istimewa", labels) == []
    assert list(frekuensi_predikat(labels).items()) == [
        (SK, 0),
        (K, 1),
        (BP, 0),
        (B, 2),
        (SB, 1),
    ]


# --- §2.9.2: suggested rating hasil kerja from per-IKI statuses ---

A, S, W = R.DI_ATAS_EKSPEKTASI, R.SESUAI_EKSPEKTASI, R.DI_BAWAH_EKSPEKTASI


@pytest.mark.parametrize(
    ("status", "diharapkan"),
    [
        ([A, A, S], A),
        ([A], A),
        ([A, A, W], S),  # a kinerja utama below blocks Di Atas
        ([A, A, StatusIKI(W, utama=False)], A),  # a kinerja tambahan below does not
        ([A, S], S),  # half above is not "sebagian besar"
        ([S, S, W], S),
        ([S], S),
        ([S, W], W),
        ([W, W, S], W),
        ([W], W),
        (
            [
                StatusIKI(S),
                StatusIKI(S),
                StatusIKI(W),
                StatusIKI(W),
                StatusIKI(A, utama=False),
            ],
            W,  # half the kinerja utama below is more than "sebagian kecil"
        ),
        ([StatusIKI(S, utama=False)], S),
        ([StatusIKI(S, utama=False), StatusIKI(W, utama=False)], W),
        (["Di Atas Ekspektasi", "DIATAS EKSPEKTASI", "Sesuai"], A),
    ],
)
def test_suggested_rating_hasil_kerja(status, diharapkan):
    saran = saran_rating_hasil_kerja(status)
    assert saran.rating is diharapkan
    assert saran.alasan
    assert sum(saran.jumlah.values()) == len(status)


def test_no_iki_gives_no_suggestion():
    saran = saran_rating_hasil_kerja([])
    assert saran.rating is None
    assert "tidak ada saran" in saran.alasan


@pytest.mark.parametrize(
    ("periodik", "diharapkan"),
    [
        ([S, A, S, A], A),  # tie: the most recent period wins
        ([A, S, S, A, S], S),
        ([W, W, A], W),
        ([None, W], W),
        ([], None),
        ([None, None], None),
    ],
)
def test_annual_suggestion_is_the_modus_ties_to_the_latest(periodik, diharapkan):
    assert saran_rating_tahunan(periodik) is diharapkan


@pytest.mark.parametrize(
    ("capaian", "rating"),
    [
        (CO.ISTIMEWA, A),
        (CO.BAIK, S),
        (CO.BUTUH_PERBAIKAN, W),
        (CO.KURANG, W),
        (CO.SANGAT_KURANG, W),
    ],
)
def test_a_unit_head_takes_the_rating_of_his_unit(capaian, rating):
    assert rating_hasil_kerja_pimpinan(capaian) is rating
    assert rating_hasil_kerja_pimpinan(capaian.label) is rating


def test_the_unit_head_mapping_is_configurable():
    ketat = dataclasses.replace(
        PERMENPANRB_6_2022,
        rating_pimpinan={**PERMENPANRB_6_2022.rating_pimpinan, CO.BAIK: A},
    )
    assert rating_hasil_kerja_pimpinan(CO.BAIK, aturan=ketat) is A
    assert rating_hasil_kerja_pimpinan(CO.BAIK) is S


# --- §6.2 / §11 D: capaian per polarity ---


@pytest.mark.parametrize(
    ("target", "realisasi", "polaritas", "maks", "diharapkan"),
    [
        (80, 88, Polaritas.POSITIF, None, "110"),  # D1
        (100, 80, Polaritas.POSITIF, None, "80"),
        (100, 100, Polaritas.POSITIF, None, "100"),
        (3, 1, Polaritas.POSITIF, None, "33.33"),
        ("12,5", "25", Polaritas.POSITIF, None, "200"),
        (10, 8, Polaritas.NEGATIF, None, "120"),
        (10, 10, Polaritas.NEGATIF, None, "100"),
        (10, 12, Polaritas.NEGATIF, None, "80"),
        (10, 25, Polaritas.NEGATIF, None, "-50"),  # not capped (§4.3 spirit: show, warn)
        (80, 85, Polaritas.RENTANG, 90, "100"),
        (80, 80, Polaritas.RENTANG, 90, "100"),
        (80, 90, Polaritas.RENTANG, 90, "100"),
        (80, 99, Polaritas.RENTANG, 90, "110"),
        (80, 72, Polaritas.RENTANG, 90, "90"),
        (0, 5, Polaritas.RENTANG, 10, "100"),
        (100, 100, Polaritas.PEMELIHARAAN, None, "100"),
        (100, 110, Polaritas.PEMELIHARAAN, None, "100"),
        (100, 90, Polaritas.PEMELIHARAAN, None, "90"),
        (0, 0, Polaritas.PEMELIHARAAN, None, "100"),
    ],
)
def test_capaian_per_polarity(target, realisasi, polaritas, maks, diharapkan):
    hasil = capaian_indikator(target, realisasi, polaritas, target_maks=maks)
    assert isinstance(hasil, Decimal)
    assert hasil.quantize(Decimal("0.01")) == Decimal(diharapkan).quantize(Decimal("0.01"))


def test_capaian_takes_a_parsed_range_target():
    assert capaian_indikator(parse_target("80 – 90", "%"), 99, "RENTANG") == Decimal(110)


@pytest.mark.parametrize(
    ("target", "realisasi", "polaritas", "maks"),
    [
        (0, 5, Polaritas.POSITIF, None),
        (0, 0, Polaritas.POSITIF, None),
        (0, 0, Polaritas.NEGATIF, None),
        (0, 3, Polaritas.NEGATIF, None),
        (0, 3, Polaritas.RENTANG, None),
        (0, 20, Polaritas.RENTANG, 0),
    ],
)
def test_a_zero_target_is_a_clear_error_never_a_zero_division(target, realisasi, polaritas, maks):
    with pytest.raises(ValueError, match="Target bernilai 0: capaian tidak dapat dihitung"):
        capaian_indikator(target, realisasi, polaritas, target_maks=maks)


def test_a_zero_target_that_needs_no_division_is_reached():
    # Inside the range [0, 0], or a level of 0 kept: 100% without dividing by the target.
    assert capaian_indikator(0, 0, Polaritas.RENTANG, target_maks=0) == 100
    assert capaian_indikator(0, 0, Polaritas.PEMELIHARAAN) == 100


@pytest.mark.parametrize(
    ("target", "realisasi", "pesan"),
    [
        (None, 5, "Target belum diisi"),
        ("", 5, "Target belum diisi"),
        (10, None, "Realisasi belum diisi"),
        (10, "sepuluh", "Realisasi harus berupa angka"),
        (-1, 5, "Target tidak boleh negatif"),
        (10, -5, "Realisasi tidak boleh negatif"),
    ],
)
def test_empty_or_bad_inputs_are_refused_with_a_message(target, realisasi, pesan):
    with pytest.raises(ValueError, match=pesan):
        capaian_indikator(target, realisasi)


def test_a_range_whose_top_is_below_its_bottom_is_refused():
    with pytest.raises(ValueError, match="Batas atas rentang"):
        capaian_indikator(90, 85, "RENTANG", target_maks=80)


@pytest.mark.parametrize(
    ("target", "realisasi", "polaritas", "maks", "diharapkan"),
    [
        (10, 11, Polaritas.POSITIF, None, A),
        (10, 10, Polaritas.POSITIF, None, S),
        (10, 9, Polaritas.POSITIF, None, W),
        (10, 9, Polaritas.NEGATIF, None, A),  # lower is better: inverted
        (10, 10, Polaritas.NEGATIF, None, S),
        (10, 11, Polaritas.NEGATIF, None, W),
        (80, 91, Polaritas.RENTANG, 90, A),
        (80, 85, Polaritas.RENTANG, 90, S),
        (80, 79, Polaritas.RENTANG, 90, W),
        (5, 4, Polaritas.NEGATIF, 7, A),
        (5, 7, Polaritas.NEGATIF, 7, S),
        (5, 8, Polaritas.NEGATIF, 7, W),
        (0, 0, Polaritas.POSITIF, None, S),  # status needs no division
    ],
)
def test_status_of_an_iki_against_its_target(target, realisasi, polaritas, maks, diharapkan):
    assert status_iki(target, realisasi, polaritas, target_maks=maks) is diharapkan
