"""Legacy numbers against docs/domain.md §4, §5, §2.9.7 and the hand-computed cases of §11 A."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from skpdesk.domain.aturan import PP_46_2011
from skpdesk.domain.scoring import (
    AspekPerilakuPP46,
    HasilCapaianSKPPP46,
    KebijakanBatas,
    Predikat,
    PredikatPP30,
    RealisasiKegiatanPP46,
    SebutanPP46,
    TargetKegiatanPP46,
    TingkatKreativitas,
    angka_kredit,
    bulat2,
    nilai_capaian_skp_pp46,
    nilai_kegiatan_pp46,
    nilai_kinerja_pp30,
    nilai_prestasi_kerja_pp46,
    predikat_pp30,
    sebutan_pp46,
)
from skpdesk.domain.scoring import nilai_tugas_tambahan_pp46 as tugas_tambahan

T, R = TargetKegiatanPP46, RealisasiKegiatanPP46
D = Decimal
S46 = SebutanPP46


def dua(x: Decimal) -> Decimal:
    return bulat2(x)


# --- §4.3 and §11 A: one kegiatan ---

# (case, target, realisasi, kuantitas, kualitas, waktu, biaya, pembagi, nilai, sebutan)
KASUS_A = [
    (
        "A1",
        T(1, 100, 12, 170_395_000),
        R(1, 90, 12, 170_395_000),
        "100",
        "90",
        "76",
        "76",
        4,
        "85.50",
        S46.BAIK,
    ),
    ("A2", T(10, 100, 12), R(10, 100, 12), "100", "100", "76", None, 3, "92.00", S46.SANGAT_BAIK),
    ("A3", T(5, 100, 12), R(5, 100, 10), "100", "100", "92.67", None, 3, "97.56", S46.SANGAT_BAIK),
    ("A5", T(100, 100, 12), R(80, 90, 13), "80", "90", "67.67", None, 3, "79.22", S46.BAIK),
    (
        "A6",
        T(1, 100, 12, 10_000_000),
        R(1, 100, 12, 7_000_000),
        "100",
        "100",
        "76",
        "70",
        4,
        "86.50",
        S46.BAIK,
    ),
]


@pytest.mark.parametrize(
    ("kasus", "t", "r", "kuan", "kual", "waktu", "biaya", "pembagi", "nilai", "sebutan"), KASUS_A
)
def test_worked_cases_of_section_11_to_two_decimals(
    kasus, t, r, kuan, kual, waktu, biaya, pembagi, nilai, sebutan
):
    hasil = nilai_kegiatan_pp46(t, r)
    assert dua(hasil.kuantitas) == D(kuan)
    assert dua(hasil.kualitas) == D(kual)
    assert dua(hasil.waktu) == D(waktu)
    assert (hasil.biaya is None) == (biaya is None)
    if biaya is not None:
        assert dua(hasil.biaya) == D(biaya)
    assert hasil.pembagi == pembagi
    assert hasil.nilai_bulat == D(nilai)
    assert sebutan_pp46(hasil.nilai) is sebutan
    assert hasil.bertarget and hasil.dilaksanakan


def test_a3_keeps_full_precision_until_display():
    hasil = nilai_kegiatan_pp46(T(5, 100, 12), R(5, 100, 10))
    assert hasil.waktu.quantize(D("0.0001")) == D("92.6667")
    assert hasil.nilai.quantize(D("0.0001")) == D("97.5556")
    assert hasil.penghitungan == hasil.kuantitas + hasil.kualitas + hasil.waktu


def test_a1_explains_itself_like_the_excel_workbook():
    hasil = nilai_kegiatan_pp46(
        T(1, 100, 12, 170_395_000, "Laporan keuangan"), R(1, 90, 12, 170_395_000)
    )
    assert hasil.langkah == (
        "Kegiatan: Laporan keuangan",
        "Kuantitas = RO / TO × 100 = 1 / 1 × 100 = 100,00",
        "Kualitas = RK / TK × 100 = 90 / 100 × 100 = 90,00",
        "Efisiensi waktu = 100 − (RW / TW × 100) = 100 − (12 / 12 × 100) = 0,00",
        "0,00 ≤ 24, maka Waktu = ((1,76 × TW − RW) / TW) × 100 = ((1,76 × 12 − 12) / 12) × 100 "
        "= 76,00",
        "Efisiensi biaya = 100 − (RB / TB × 100) = 100 − (170.395.000 / 170.395.000 × 100) = 0,00",
        "0,00 ≤ 24, maka Biaya = ((1,76 × TB − RB) / TB) × 100 = ((1,76 × 170.395.000 − "
        "170.395.000) / 170.395.000) × 100 = 76,00",
        "Penghitungan = 100,00 + 90,00 + 76,00 + 76,00 = 342,00",
        "Nilai capaian kegiatan = 342,00 / 4 = 85,50",
    )
    assert hasil.peringatan == ()
    assert hasil.teks.endswith("= 85,50")


def test_a6_second_branch_is_explained_and_divides_by_the_target():
    hasil = nilai_kegiatan_pp46(T(1, 100, 12, 10_000_000), R(1, 100, 12, 7_000_000))
    assert "30,00 > 24, maka Biaya = 76 − ((((1,76 × TB − RB) / TB) × 100) − 100) = 76 − " in (
        hasil.teks
    )
    assert "76 − (106,00 − 100) = 70,00" in hasil.teks
    # The known bug divides by RB in this branch: 76 − (((17,6 − 7) / 7 × 100) − 100) = 24,57.
    assert dua(hasil.biaya) == D("70.00")


@pytest.mark.parametrize(
    ("tw", "rw", "cabang", "waktu"),
    [
        (25, 19, "≤", "100.00"),  # efficiency exactly 24 → first branch
        (D("12.5"), D("9.5"), "≤", "100.00"),  # exactly 24 again, fractional months
        (10_000, 7_600, "≤", "100.00"),
        (10_000, 7_599, ">", "75.99"),  # 24,01: second branch, the discontinuity
        (12, 9, ">", "75.00"),  # 25
        (12, 10, "≤", "92.67"),  # 16,67
        (12, 12, "≤", "76.00"),  # 0
        (12, 13, "≤", "67.67"),  # late: −8,33
        (12, 6, ">", "50.00"),  # efficiency 50: 76 − (126 − 100)
        (12, 0, ">", "0.00"),  # 100
    ],
)
def test_time_efficiency_branches_and_the_24_boundary(tw, rw, cabang, waktu):
    hasil = nilai_kegiatan_pp46(T(1, 100, tw), R(1, 100, rw))
    assert dua(hasil.waktu) == D(waktu)
    assert f" {cabang} 24, maka Waktu" in hasil.teks


def test_a_hair_above_24_is_shown_with_enough_decimals_to_see_the_branch():
    # 100 − 7599,9/10000×100 = 24,001: rounds to "24,00" but takes the second branch.
    hasil = nilai_kegiatan_pp46(T(1, 100, 10_000), R(1, 100, D("7599.9")))
    assert "= 24,0010\n24,0010 > 24, maka Waktu" in hasil.teks
    assert dua(hasil.waktu) == D("76.00")


@pytest.mark.parametrize(
    ("tb", "rb", "cabang", "biaya"),
    [
        (100, 76, "≤", "100.00"),  # exactly 24
        (100, D("75.99"), ">", "75.99"),
        (100, 100, "≤", "76.00"),
        (100, 120, "≤", "56.00"),  # over budget
        (100, 0, ">", "0.00"),
    ],
)
def test_cost_efficiency_branches_and_the_24_boundary(tb, rb, cabang, biaya):
    hasil = nilai_kegiatan_pp46(T(1, 100, 12, tb), R(1, 100, 12, rb))
    assert dua(hasil.biaya) == D(biaya)
    assert hasil.pembagi == 4
    assert f" {cabang} 24, maka Biaya" in hasil.teks


@pytest.mark.parametrize("tanpa", [None, 0, "", "-", "0"])
def test_no_biaya_divides_by_three(tanpa):
    hasil = nilai_kegiatan_pp46(T(10, 100, 12, tanpa), R(10, 100, 12))
    assert hasil.biaya is None
    assert hasil.pembagi == 3
    assert hasil.nilai_bulat == D("92.00")
    assert "Tanpa target biaya: aspek biaya tidak dihitung, pembagi 3." in hasil.langkah


def test_realisasi_biaya_without_a_target_is_ignored_with_a_warning():
    hasil = nilai_kegiatan_pp46(T(10, 100, 12), R(10, 100, 12, 5_000_000))
    assert hasil.pembagi == 3
    assert hasil.peringatan == ("Realisasi biaya diabaikan karena target biaya tidak diisi.",)


@pytest.mark.parametrize(("biaya", "pembagi"), [(None, 3), (1_000_000, 4)])
def test_a_kegiatan_not_done_scores_zero_and_keeps_its_divisor(biaya, pembagi):
    hasil = nilai_kegiatan_pp46(T(10, 100, 12, biaya), R(0))
    assert hasil.nilai == 0
    assert (hasil.kuantitas, hasil.kualitas, hasil.waktu) == (0, 0, 0)
    assert hasil.pembagi == pembagi
    assert hasil.bertarget and not hasil.dilaksanakan
    assert "kegiatan tidak dilaksanakan, semua aspek bernilai 0" in hasil.teks


def test_a_kegiatan_without_target_is_left_out():
    hasil = nilai_kegiatan_pp46(T(0, 100, 12), R(0))
    assert not hasil.bertarget
    assert hasil.pembagi == 0
    assert "tidak masuk pembagi" in hasil.teks


def test_quantity_above_target_is_not_capped():
    hasil = nilai_kegiatan_pp46(T(10, 100, 12), R(12, 100, 12))
    assert hasil.kuantitas == 120
    assert hasil.nilai_bulat == D("98.67")


def test_negative_time_score_is_shown_as_computed_with_a_warning():
    hasil = nilai_kegiatan_pp46(T(1, 100, 12), R(1, 100, 24))
    assert dua(hasil.waktu) == D("-24.00")
    assert hasil.nilai_bulat == D("58.67")
    assert len(hasil.peringatan) == 1
    assert "nilai waktu negatif (-24,00)" in hasil.peringatan[0]


@pytest.mark.parametrize(
    ("t", "r", "pesan"),
    [
        (T(10, 0, 12), R(10, 100, 12), "Target kualitas/mutu harus lebih dari 0"),
        (T(10, 100, 0), R(10, 100, 12), "Target waktu harus lebih dari 0 bulan"),
        (T(10, 100, 12, 1000), R(10, 100, 12), "Realisasi biaya belum diisi"),
        (T(10, 100, 12), R(10, None, 12), "Realisasi kualitas/mutu belum diisi"),
        (T(10, 100, 12), R(10, 100, None), "Realisasi waktu belum diisi"),
        (T(None, 100, 12), R(10, 100, 12), "Target kuantitas/output belum diisi"),
        (T(-1, 100, 12), R(10, 100, 12), "Target kuantitas/output tidak boleh negatif"),
        (T(10, 100, 12), R("x", 100, 12), "Realisasi kuantitas/output harus berupa angka"),
    ],
)
def test_impossible_inputs_are_refused_in_words(t, r, pesan):
    with pytest.raises(ValueError, match=pesan):
        nilai_kegiatan_pp46(t, r)


def test_indonesian_typed_numbers_are_read():
    hasil = nilai_kegiatan_pp46(
        T("1", "100", "12", "170.395.000"), R("1", "90", "12", "170.395.000")
    )
    assert hasil.nilai_bulat == D("85.50")


# --- §4.4: nilai capaian SKP ---


@pytest.mark.parametrize(
    ("jumlah", "nilai"),
    [(0, 0), (1, 1), (3, 1), (4, 2), (6, 2), (7, 3), (12, 3)],
)
def test_tugas_tambahan_bands(jumlah, nilai):
    assert tugas_tambahan(jumlah) == nilai


@pytest.mark.parametrize("salah", [-1, 1.5, True, "2"])
def test_tugas_tambahan_must_be_a_count(salah):
    with pytest.raises(ValueError, match="Jumlah tugas tambahan harus bilangan bulat"):
        tugas_tambahan(salah)


A1 = (T(1, 100, 12, 170_395_000), R(1, 90, 12, 170_395_000))
A2 = (T(10, 100, 12), R(10, 100, 12))


@pytest.mark.parametrize(
    ("kreativitas", "nilai"),
    [
        (None, "0"),
        (TingkatKreativitas.UNIT_KERJA, "3"),
        (TingkatKreativitas.ORGANISASI, "6"),
        ("NASIONAL", "12"),
        ("Bermanfaat bagi negara", "12"),
    ],
)
def test_nilai_capaian_skp_is_the_mean_plus_tugas_tambahan_plus_kreativitas(kreativitas, nilai):
    hasil = nilai_capaian_skp_pp46([A1, A2], 2, kreativitas)
    assert hasil.n_bertarget == 2
    assert hasil.rata_kegiatan == D("88.75")
    assert hasil.nilai_tugas_tambahan == 1
    assert hasil.nilai_kreativitas == D(nilai)
    assert hasil.nilai == D("88.75") + 1 + D(nilai)


def test_capaian_skp_explains_itself():
    hasil = nilai_capaian_skp_pp46([A1, A2], 4, TingkatKreativitas.UNIT_KERJA)
    assert hasil.langkah == (
        "Kegiatan 1: 85,50",
        "Kegiatan 2: 92,00",
        "Rata-rata kegiatan = (85,50 + 92,00) / 2 = 177,50 / 2 = 88,75",
        "Tugas tambahan: 4 tugas → 2",
        "Kreativitas: Bermanfaat bagi unit kerja → 3",
        "Nilai capaian SKP = 88,75 + 2 + 3 = 93,75 (Sangat Baik)",
    )


def test_not_done_counts_and_no_target_does_not():
    tidak_dilakukan = (T(10, 100, 12), R(0))
    tanpa_target = (T(0, 100, 12), R(0))
    hasil = nilai_capaian_skp_pp46([A2, tidak_dilakukan, tanpa_target])
    assert hasil.n_bertarget == 2
    assert hasil.nilai == D(46)
    assert hasil.langkah[2] == "Kegiatan 3: 0,00 (tanpa target, tidak dihitung)"


def test_capaian_skp_takes_computed_kegiatan_too():
    kegiatan = [nilai_kegiatan_pp46(*A1), nilai_kegiatan_pp46(*A2)]
    assert nilai_capaian_skp_pp46(kegiatan).nilai == D("88.75")


def test_no_kegiatan_with_a_target_is_a_clear_error():
    with pytest.raises(ValueError, match="Belum ada kegiatan tugas jabatan yang bertarget"):
        nilai_capaian_skp_pp46([(T(0, 100, 12), R(0))])
    with pytest.raises(ValueError, match="Belum ada kegiatan"):
        nilai_capaian_skp_pp46([])


def test_kreativitas_values_are_a_setting():
    kantor = dataclasses.replace(
        PP_46_2011, kreativitas={**PP_46_2011.kreativitas, TingkatKreativitas.UNIT_KERJA: D(2)}
    )
    hasil = nilai_capaian_skp_pp46([A2], 0, "UNIT_KERJA", aturan=kantor)
    assert hasil.nilai == D(94)


@pytest.mark.parametrize(
    ("kebijakan", "sebutan"),
    [
        (KebijakanBatas.BATAS_BAWAH_INKLUSIF, S46.BAIK),
        (KebijakanBatas.BATAS_ATAS_INKLUSIF, S46.SANGAT_BAIK),
    ],
)
def test_capaian_skp_sebutan_follows_the_boundary_setting(kebijakan, sebutan):
    # 85,50 + 2 (4 tugas) + 3 = 90,50: between the bands.
    hasil = nilai_capaian_skp_pp46([A1], 4, "UNIT_KERJA", kebijakan_batas=kebijakan)
    assert hasil.nilai == D("90.50")
    assert hasil.sebutan is sebutan


# --- §4.5 and §11 A10: nilai prestasi kerja ---

PERILAKU_A10 = {
    AspekPerilakuPP46.ORIENTASI_PELAYANAN: 80,
    AspekPerilakuPP46.INTEGRITAS: 82,
    AspekPerilakuPP46.KOMITMEN: 78,
    AspekPerilakuPP46.DISIPLIN: 85,
    AspekPerilakuPP46.KERJA_SAMA: 80,
}


def test_a10_non_structural_staff_five_aspects():
    hasil = nilai_prestasi_kerja_pp46(D("85.50"), PERILAKU_A10, struktural=False)
    assert hasil.jumlah_perilaku == 405
    assert hasil.pembagi == 5
    assert hasil.rata_perilaku == D("81.00")
    assert dua(hasil.bagian_skp) == D("51.30")
    assert dua(hasil.bagian_perilaku) == D("32.40")
    assert hasil.nilai_bulat == D("83.70")
    assert hasil.sebutan is S46.BAIK
    assert hasil.langkah[-3:] == (
        "Nilai SKP × 60% = 85,50 × 0,60 = 51,30",
        "Perilaku kerja × 40% = 81,00 × 0,40 = 32,40",
        "Nilai prestasi kerja = 51,30 + 32,40 = 83,70 (Baik)",
    )
    assert hasil.sebutan_perilaku[AspekPerilakuPP46.DISIPLIN] is S46.BAIK


def test_structural_official_divides_by_six_with_kepemimpinan():
    perilaku = {**PERILAKU_A10, AspekPerilakuPP46.KEPEMIMPINAN: 86}
    hasil = nilai_prestasi_kerja_pp46(D("85.50"), perilaku, struktural=True)
    assert hasil.jumlah_perilaku == 491
    assert hasil.pembagi == 6
    assert dua(hasil.rata_perilaku) == D("81.83")
    assert hasil.nilai_bulat == D("84.03")  # 51,30 + 0,4 × 81,8333
    assert "pejabat struktural, 6 aspek" in hasil.teks


def test_structural_without_kepemimpinan_is_refused():
    with pytest.raises(ValueError, match="Nilai perilaku belum diisi: Kepemimpinan"):
        nilai_prestasi_kerja_pp46(85, PERILAKU_A10, struktural=True)


def test_kepemimpinan_of_non_structural_staff_is_ignored_with_a_warning():
    perilaku = {**PERILAKU_A10, AspekPerilakuPP46.KEPEMIMPINAN: 40}
    hasil = nilai_prestasi_kerja_pp46(D("85.50"), perilaku, struktural=False)
    assert hasil.nilai_bulat == D("83.70")
    assert AspekPerilakuPP46.KEPEMIMPINAN not in hasil.perilaku
    assert hasil.peringatan == (
        "Kepemimpinan hanya dinilai untuk pejabat struktural; nilainya diabaikan.",
    )


def test_a_dash_for_kepemimpinan_is_how_the_form_says_not_scored():
    perilaku = {a.label: v for a, v in PERILAKU_A10.items()} | {"Kepemimpinan": "-"}
    hasil = nilai_prestasi_kerja_pp46("85,50", perilaku, struktural=False)
    assert hasil.nilai_bulat == D("83.70")
    assert hasil.peringatan == ()


@pytest.mark.parametrize("salah", [101, -1])
def test_perilaku_scores_stay_between_0_and_100(salah):
    with pytest.raises(ValueError, match="Nilai Integritas harus antara 0 dan 100"):
        nilai_prestasi_kerja_pp46(85, {**PERILAKU_A10, AspekPerilakuPP46.INTEGRITAS: salah}, False)


def test_a_missing_aspect_is_named():
    kurang = {k: v for k, v in PERILAKU_A10.items() if k is not AspekPerilakuPP46.DISIPLIN}
    with pytest.raises(ValueError, match="belum diisi: Disiplin"):
        nilai_prestasi_kerja_pp46(85, kurang, struktural=False)


def test_prestasi_takes_the_capaian_skp_result():
    skp = nilai_capaian_skp_pp46([A1])
    assert isinstance(skp, HasilCapaianSKPPP46)
    hasil = nilai_prestasi_kerja_pp46(skp, PERILAKU_A10, struktural=False)
    assert hasil.nilai_bulat == D("83.70")


# --- §4.2: sebutan bands under both boundary policies ---

BAWAH, ATAS = KebijakanBatas.BATAS_BAWAH_INKLUSIF, KebijakanBatas.BATAS_ATAS_INKLUSIF


@pytest.mark.parametrize(
    ("nilai", "kebijakan", "sebutan"),
    [
        (120, BAWAH, S46.SANGAT_BAIK),
        (91, BAWAH, S46.SANGAT_BAIK),
        (D("90.995"), BAWAH, S46.SANGAT_BAIK),  # rounds to 91,00 before classifying
        (D("90.994"), BAWAH, S46.BAIK),  # typed "90.994" is 90994
        ("90.99", BAWAH, S46.BAIK),
        ("90.50", BAWAH, S46.BAIK),
        (90, BAWAH, S46.BAIK),
        (76, BAWAH, S46.BAIK),
        ("75.99", BAWAH, S46.CUKUP),
        ("75.40", BAWAH, S46.CUKUP),
        (61, BAWAH, S46.CUKUP),
        ("60.99", BAWAH, S46.KURANG),
        (51, BAWAH, S46.KURANG),
        ("50.99", BAWAH, S46.BURUK),
        ("50.50", BAWAH, S46.BURUK),
        (50, BAWAH, S46.BURUK),
        (0, BAWAH, S46.BURUK),
        (91, ATAS, S46.SANGAT_BAIK),
        ("90.50", ATAS, S46.SANGAT_BAIK),
        ("90.01", ATAS, S46.SANGAT_BAIK),
        (D("90.004"), ATAS, S46.BAIK),  # rounds to 90,00
        (90, ATAS, S46.BAIK),
        ("75.40", ATAS, S46.BAIK),
        ("75.01", ATAS, S46.BAIK),
        (75, ATAS, S46.CUKUP),
        ("60.50", ATAS, S46.CUKUP),
        (60, ATAS, S46.KURANG),
        ("50.50", ATAS, S46.KURANG),
        ("50.01", ATAS, S46.KURANG),
        (50, ATAS, S46.BURUK),
        (-5, ATAS, S46.BURUK),
    ],
)
def test_band_boundaries_under_both_policies(nilai, kebijakan, sebutan):
    assert sebutan_pp46(nilai, kebijakan) is sebutan
    assert sebutan_pp46(nilai, kebijakan.value) is sebutan


def test_both_policies_agree_on_every_whole_number():
    for x in range(0, 121):
        assert sebutan_pp46(x, BAWAH) is sebutan_pp46(x, ATAS), x


@pytest.mark.parametrize(
    ("sebutan", "label"),
    [
        (S46.SANGAT_BAIK, "Sangat Baik"),
        (S46.BAIK, "Baik"),
        (S46.CUKUP, "Cukup"),
        (S46.KURANG, "Kurang"),
        (S46.BURUK, "Buruk"),
    ],
)
def test_sebutan_labels(sebutan, label):
    assert sebutan.label == label


# --- §5: PP 30/2019 ---


@pytest.mark.parametrize(
    ("skp", "perilaku", "penilaian_360", "nilai", "bobot"),
    [
        (100, 80, False, "94.00", ("0.70", "0.30")),
        (100, 80, True, "92.00", ("0.60", "0.40")),
        (85, 95, False, "88.00", ("0.70", "0.30")),
        (85, 95, True, "89.00", ("0.60", "0.40")),
    ],
)
def test_pp30_weighting_70_30_or_60_40(skp, perilaku, penilaian_360, nilai, bobot):
    hasil = nilai_kinerja_pp30(skp, perilaku, penilaian_360=penilaian_360)
    assert hasil.nilai_bulat == D(nilai)
    assert (hasil.bobot_skp, hasil.bobot_perilaku) == (D(bobot[0]), D(bobot[1]))


def test_pp30_caps_at_120_and_says_so():
    hasil = nilai_kinerja_pp30(130, 100, inovasi=True)
    assert hasil.nilai_skp == 120
    assert hasil.nilai_bulat == D("114.00")
    assert hasil.predikat is PredikatPP30.SANGAT_BAIK
    assert hasil.langkah[0] == "Nilai SKP 130,00 dibatasi menjadi 120."
    assert "Bobot 70% SKP + 30% perilaku (tanpa penilaian rekan kerja dan bawahan)" in hasil.teks


@pytest.mark.parametrize(
    ("nilai", "inovasi", "predikat"),
    [
        (120, True, PredikatPP30.SANGAT_BAIK),
        (110, True, PredikatPP30.SANGAT_BAIK),
        ("109.99", True, PredikatPP30.BAIK),
        (120, False, PredikatPP30.BAIK),  # Sangat Baik needs the inovasi
        (110, False, PredikatPP30.BAIK),
        (130, False, PredikatPP30.BAIK),  # capped
        (130, True, PredikatPP30.SANGAT_BAIK),
        (90, False, PredikatPP30.BAIK),
        (D("89.995"), False, PredikatPP30.BAIK),  # 90,00 after rounding
        ("89.99", False, PredikatPP30.CUKUP),
        (70, False, PredikatPP30.CUKUP),
        ("69.99", False, PredikatPP30.KURANG),
        (50, False, PredikatPP30.KURANG),
        ("49.99", False, PredikatPP30.SANGAT_KURANG),
        (0, True, PredikatPP30.SANGAT_KURANG),
    ],
)
def test_pp30_predikat_bands(nilai, inovasi, predikat):
    assert predikat_pp30(nilai, inovasi) is predikat


def test_pp30_refuses_negative_values():
    with pytest.raises(ValueError, match="Nilai perilaku tidak boleh negatif"):
        nilai_kinerja_pp30(90, -1)


# --- §2.9.7: angka kredit ---


@pytest.mark.parametrize(
    ("predikat", "persen", "nilai"),
    [
        (Predikat.SANGAT_BAIK, 150, "18.75"),
        (Predikat.BAIK, 100, "12.5"),
        (Predikat.BUTUH_PERBAIKAN, 75, "9.375"),
        (Predikat.KURANG_MISCONDUCT, 50, "6.25"),
        (Predikat.SANGAT_KURANG, 25, "3.125"),
    ],
)
def test_angka_kredit_full_year_ahli_pertama(predikat, persen, nilai):
    hasil = angka_kredit(predikat, D("12.5"))
    assert hasil.persen == persen
    assert hasil.nilai == D(nilai)
    assert angka_kredit(predikat.label, "Ahli Pertama").nilai == D(nilai)


@pytest.mark.parametrize(
    ("predikat", "koefisien", "bulan", "nilai", "bulat"),
    [
        ("Baik", "Ahli Muda", 6, "12.5", "12.500"),
        ("Butuh Perbaikan", "12,5", 5, None, "3.906"),  # 5/12 × 0,75 × 12,5 = 3,90625
        ("Sangat Baik", "Ahli Utama", 1, "6.25", "6.250"),
        ("Cukup", "Terampil", 12, "3.75", "3.750"),
    ],
)
def test_angka_kredit_partial_year(predikat, koefisien, bulan, nilai, bulat):
    hasil = angka_kredit(predikat, koefisien, bulan)
    if nilai is not None:
        assert hasil.nilai == D(nilai)
    assert hasil.nilai_bulat == D(bulat)


def test_angka_kredit_explains_itself():
    hasil = angka_kredit("Butuh Perbaikan", "Ahli Pertama", 5)
    assert hasil.langkah == (
        "Predikat Butuh Perbaikan → 75% dari koefisien tahunan 12,5",
        "Angka kredit = (5 / 12) × 75% × 12,5 = 3,906",
    )


@pytest.mark.parametrize(
    ("koefisien", "bulan", "pesan"),
    [
        (12.5, 0, "Jumlah bulan penilaian harus antara 1 dan 12"),
        (12.5, 13, "Jumlah bulan penilaian harus antara 1 dan 12"),
        (0, 12, "Koefisien angka kredit harus lebih dari 0"),
        ("Ahli Sakti", 12, "Koefisien angka kredit harus berupa angka"),
    ],
)
def test_angka_kredit_refuses_impossible_inputs(koefisien, bulan, pesan):
    with pytest.raises(ValueError, match=pesan):
        angka_kredit(Predikat.BAIK, koefisien, bulan)
