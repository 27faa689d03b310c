"""SOP 003 as data: capaian per polarity, the office's bands, the ten-step table and its loops."""

from __future__ import annotations

from decimal import Decimal

import pytest

from skpdesk.domain.pengukuran import (
    ALUR_PENGUKURAN,
    LANGKAH_003,
    MENIT_PER_HARI,
    PITA_BAWAAN,
    CaraKumulatif,
    PeranPK,
    PitaCapaian,
    Polaritas,
    StatusPengukuran,
    baca_pita,
    batas_menit,
    capaian_indikator,
    hari_baku,
    pita_ke_data,
    pita_untuk,
    realisasi_kumulatif,
)
from skpdesk.domain.scoring import bulat2
from skpdesk.domain.workflow import TransisiDitolak

S = StatusPengukuran
R = PeranPK
D = Decimal


@pytest.mark.parametrize(
    ("target", "realisasi", "polaritas", "maks", "expected"),
    [
        ("80", "88", Polaritas.POSITIF, None, "110.00"),  # docs/domain.md §11 D1
        ("80", "60", Polaritas.POSITIF, None, "75.00"),
        ("3", "3.5", Polaritas.NEGATIF, None, "83.33"),  # (2T − R)/T
        ("3", "2", Polaritas.NEGATIF, None, "133.33"),
        ("10", "25", Polaritas.NEGATIF, None, "-50.00"),  # far worse than target: below zero
        ("85", "92", Polaritas.RENTANG, "95", "100.00"),  # inside the range
        ("85", "85", Polaritas.RENTANG, "95", "100.00"),  # on a bound
        ("85", "76.5", Polaritas.RENTANG, "95", "90.00"),  # below: against the lower bound
        ("85", "104.5", Polaritas.RENTANG, "95", "110.00"),  # above: against the upper bound
        ("100", "100", Polaritas.PEMELIHARAAN, None, "100.00"),
        ("100", "120", Polaritas.PEMELIHARAAN, None, "100.00"),  # kept: never above 100
        ("100", "90", Polaritas.PEMELIHARAAN, None, "90.00"),
    ],
)
def test_capaian_for_each_polarity(target, realisasi, polaritas, maks, expected):
    value = capaian_indikator(target, realisasi, polaritas, target_maks=maks)
    assert bulat2(value) == D(expected)


def test_zero_target_is_a_clear_error():
    with pytest.raises(ValueError, match="Target bernilai 0"):
        capaian_indikator("0", "5", Polaritas.POSITIF)


@pytest.mark.parametrize(
    ("capaian", "label"),
    [
        ("120", "Sangat Baik"),
        ("100", "Sangat Baik"),
        ("90.01", "Sangat Baik"),
        ("90.004", "Baik"),  # printed 90,00: classified as printed
        ("90", "Baik"),
        ("76", "Baik"),
        ("75", "Cukup"),
        ("66", "Cukup"),
        ("65", "Kurang"),
        ("51", "Kurang"),
        ("50.005", "Kurang"),  # 50,01 on paper
        ("50", "Sangat Kurang"),
        ("0", "Sangat Kurang"),
        ("-20", "Sangat Kurang"),
    ],
)
def test_default_bands_are_inspektorat_sampang(capaian, label):
    assert pita_untuk(D(capaian)).label == label


MALUKU_TENGAH = [
    {"lebih_dari": "85", "label": "Memuaskan", "warna": "hijau"},
    {"lebih_dari": "75", "label": "Sangat Baik", "warna": "hijau_muda"},
    {"lebih_dari": "65", "label": "Baik", "warna": "kuning"},
    {"lebih_dari": "50", "label": "Cukup Baik", "warna": "oranye"},
    {"lebih_dari": "30", "label": "Agak Kurang", "warna": "oranye"},
    {"lebih_dari": None, "label": "Kurang", "warna": "merah"},
]


@pytest.mark.parametrize(
    ("capaian", "label"),
    [("86", "Memuaskan"), ("85", "Sangat Baik"), ("75", "Baik"), ("65.01", "Baik"),
     ("65", "Cukup Baik"), ("50", "Agak Kurang"), ("30", "Kurang")],
)
def test_an_office_may_set_its_own_bands(capaian, label):
    pita = baca_pita(MALUKU_TENGAH)
    assert pita_untuk(D(capaian), pita).label == label
    assert pita_ke_data(pita) == MALUKU_TENGAH


def test_no_stored_bands_means_the_default():
    assert baca_pita(None) == PITA_BAWAAN
    assert baca_pita([]) == PITA_BAWAAN


@pytest.mark.parametrize(
    ("pita", "message"),
    [
        ([PitaCapaian(D(90), "A", ""), PitaCapaian(D(50), "B", "")], "terakhir"),
        ([PitaCapaian(D(50), "A", ""), PitaCapaian(D(90), "B", ""),
          PitaCapaian(None, "C", "")], "menurun"),
        ([PitaCapaian(D(50), "A", ""), PitaCapaian(D(50), "B", ""),
          PitaCapaian(None, "C", "")], "menurun"),
        ([PitaCapaian(None, "A", ""), PitaCapaian(None, "B", "")], "Hanya pita terakhir"),
        ([PitaCapaian(D(50), " ", ""), PitaCapaian(None, "B", "")], "bernama"),
    ],
)
def test_a_band_table_that_leaves_gaps_is_refused(pita, message):
    with pytest.raises(ValueError, match=message):
        pita_ke_data(pita)


def test_cumulative_realisasi_adds_counts_and_keeps_levels():
    quarters = [D(4), D(6), None]
    assert realisasi_kumulatif(quarters, CaraKumulatif.JUMLAH) == D(10)
    assert realisasi_kumulatif(quarters, CaraKumulatif.TERAKHIR) == D(6)
    assert realisasi_kumulatif([None], CaraKumulatif.JUMLAH) is None


def test_the_ten_steps_with_their_standard_times():
    assert [s.nomor for s in LANGKAH_003] == [str(n) for n in range(1, 11)]
    assert [s.menit for s in LANGKAH_003] == [15, 15, 60, 120, 150, 60, 60, 0, 60, 30]
    assert [s.hari for s in LANGKAH_003] == [0, 0, 0, 0, 0, 0, 0, 1, 0, 0]
    # Every step is completed by some transition of the table.
    done = {s.nomor for t in ALUR_PENGUKURAN.transisi for s in t.langkah}
    assert done == {str(n) for n in range(1, 11)}
    assert sum(s.menit for s in LANGKAH_003) == 570  # docs/domain.md: 570 min + 1 working day


ACTOR_OF_STEP = {
    "tugaskan": {R.CAMAT},
    "disposisi_kasubbag": {R.SEKRETARIS},
    "sebar_form": {R.KASUBBAG_PERENCANA},
    "kirim_isian": {R.KASI},
    "serahkan_draft": {R.PELAKSANA},
    "setujui_kasubbag": {R.KASUBBAG_PERENCANA},
    "kembalikan_ke_bidang": {R.KASUBBAG_PERENCANA},
    "setujui_sekretaris": {R.SEKRETARIS},
    "kembalikan_ke_kasubbag": {R.SEKRETARIS},
    "tandatangani": {R.PELAKSANA},
    "sahkan": {R.CAMAT},
    "tugaskan_pengantar": {R.CAMAT, R.SEKRETARIS},
    "kirim": {R.PELAKSANA},
    "dokumentasikan": {R.PELAKSANA},
}


def test_each_action_belongs_to_its_jabatan_only():
    assert {t.aksi: set(t.pihak) for t in ALUR_PENGUKURAN.transisi} == ACTOR_OF_STEP
    for t in ALUR_PENGUKURAN.transisi:
        others = set(PeranPK) - set(t.pihak)
        with pytest.raises(TransisiDitolak):
            ALUR_PENGUKURAN.periksa(t.aksi, t.dari, others)


PATH_WITH_BOTH_LOOPS = [
    "tugaskan", "disposisi_kasubbag", "sebar_form", "kirim_isian", "serahkan_draft",
    "kembalikan_ke_bidang",  # Kasubbag: Tidak → the sections, through the pelaksana
    "serahkan_draft", "setujui_kasubbag",
    "kembalikan_ke_kasubbag",  # Sekretaris: Tidak → the Kasubbag
    "setujui_kasubbag", "setujui_sekretaris", "tandatangani", "sahkan", "tugaskan_pengantar",
    "kirim", "dokumentasikan",
]


def test_both_loops_once_take_900_minutes_and_one_day():
    status = ALUR_PENGUKURAN.status_awal
    minutes = days = 0
    for aksi in PATH_WITH_BOTH_LOOPS:
        t = ALUR_PENGUKURAN.periksa(aksi, status, set(PeranPK))
        minutes += t.menit_baku
        days += hari_baku(t)
        status = t.ke
    assert status == S.TERDOKUMENTASI
    assert status in ALUR_PENGUKURAN.status_akhir
    assert (minutes, days) == (900, 1)


def test_returns_need_a_note_and_go_where_seed_003_says():
    by_action = {t.aksi: t for t in ALUR_PENGUKURAN.transisi}
    assert (by_action["kembalikan_ke_bidang"].dari, by_action["kembalikan_ke_bidang"].ke) == (
        S.DRAFT, S.DIISI_BIDANG)
    assert (by_action["kembalikan_ke_kasubbag"].dari,
            by_action["kembalikan_ke_kasubbag"].ke) == (S.DIPERIKSA_KASUBBAG, S.DRAFT)
    assert {a for a, t in by_action.items() if t.catatan_wajib} == {
        "kembalikan_ke_bidang", "kembalikan_ke_kasubbag"}
    # One primary action per state, so the UI has one prominent button.
    for status in ALUR_PENGUKURAN.statuses():
        assert sum(t.utama for t in ALUR_PENGUKURAN.aksi_dari(status)) <= 1


def test_a_day_standard_counts_whole_days_for_overdue():
    sign = next(t for t in ALUR_PENGUKURAN.transisi if t.aksi == "tandatangani")
    assert batas_menit(sign) == MENIT_PER_HARI
    assign = next(t for t in ALUR_PENGUKURAN.transisi if t.aksi == "tugaskan")
    assert batas_menit(assign) == 15
