"""Evaluation workflow tables and periods (docs/domain.md §2.7, §3, §7; SOPs 000, 001, 002)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from skpdesk.domain.evaluasi import (
    ALUR_EVALUASI_PERIODIK,
    ALUR_EVALUASI_TAHUNAN,
    LANGKAH_SOP_000,
    LANGKAH_SOP_001,
    LANGKAH_SOP_002_PENILAIAN,
    STATUS_SUDAH_FINAL,
    Periodisitas,
    StatusEvaluasi,
    alur_evaluasi,
    cari_periode,
    daftar_periode,
)
from skpdesk.domain.workflow import OPSI_BKPSDM, Pihak, TransisiDitolak

E = StatusEvaluasi
P = Pihak
PEGAWAI = frozenset({P.PEGAWAI})
PENILAI = frozenset({P.PEJABAT_PENILAI})
ATASAN = frozenset({P.ATASAN_PEJABAT_PENILAI})
STAF = frozenset({P.PEGAWAI, P.PENGADMINISTRASI_KEPEGAWAIAN})

# The tables written out once more by hand: (aksi, dari, ke, who, note required?).
INTI = {
    ("isi_realisasi", E.BELUM_DIISI, E.DIISI, PEGAWAI, False),
    ("ajukan", E.DIISI, E.DIAJUKAN, PEGAWAI, False),
    ("kembalikan", E.DIAJUKAN, E.DIISI, PENILAI, True),
    ("nilai", E.DIAJUKAN, E.DINILAI, PENILAI, False),
    ("buka_kembali", E.FINAL, E.DIAJUKAN, PENILAI, True),
    ("ajukan_keberatan", E.FINAL, E.KEBERATAN, PEGAWAI, True),
    ("tanggapi_keberatan", E.KEBERATAN, E.DITANGGAPI, PENILAI, True),
    ("putuskan_keberatan", E.DITANGGAPI, E.DIPUTUS, ATASAN, True),
}
FINALKAN = ("finalkan", E.DINILAI, E.FINAL, PENILAI, False)
EXPECTED_PERIODIK = INTI | {FINALKAN}
PENUTUP = {
    ("cetak", E.FINAL, E.DICETAK, STAF, False),
    ("cetak", E.DIPUTUS, E.DICETAK, STAF, False),
    ("tandatangani", E.DICETAK, E.DITANDATANGANI, frozenset({P.PEGAWAI, P.PEJABAT_PENILAI}), False),
}
EXPECTED_TAHUNAN = (
    INTI
    | PENUTUP
    | {
        FINALKAN,
        ("gandakan", E.DITANDATANGANI, E.DIGANDAKAN, STAF, False),
        ("arsipkan", E.DIGANDAKAN, E.DIARSIPKAN, STAF, False),
    }
)
EXPECTED_TAHUNAN_BKPSDM = (
    INTI
    | PENUTUP
    | {
        ("sahkan_atasan", E.DINILAI, E.FINAL, ATASAN, False),
        ("kembalikan_penilaian", E.DINILAI, E.DIAJUKAN, ATASAN, True),
        ("kirim_bkpsdm", E.DITANDATANGANI, E.DIKIRIM_BKPSDM, STAF, False),
        ("arsipkan", E.DIKIRIM_BKPSDM, E.DIARSIPKAN, STAF, False),
    }
)


def table(alur, opsi=()):
    return {
        (t.aksi, t.dari, t.ke, t.pihak, t.catatan_wajib)
        for status in E
        for t in alur.aksi_dari(status, opsi)
    }


def test_the_periodic_table_is_exactly_section_3():
    assert table(ALUR_EVALUASI_PERIODIK) == EXPECTED_PERIODIK
    # SOP 002's countersignature closes the year, not each quarter.
    assert table(ALUR_EVALUASI_PERIODIK, [OPSI_BKPSDM]) == EXPECTED_PERIODIK


def test_the_annual_table_adds_print_sign_copy_archive():
    assert table(ALUR_EVALUASI_TAHUNAN) == EXPECTED_TAHUNAN


def test_the_seed_002_option_has_the_atasan_countersign_and_sends_to_bkpsdm():
    assert table(ALUR_EVALUASI_TAHUNAN, [OPSI_BKPSDM]) == EXPECTED_TAHUNAN_BKPSDM


ALL_CASES = sorted(
    {
        (alur.kode, aksi, dari, tuple(opsi), who, who in pihak)
        for alur, expected, opsi in (
            (ALUR_EVALUASI_PERIODIK, EXPECTED_PERIODIK, ()),
            (ALUR_EVALUASI_TAHUNAN, EXPECTED_TAHUNAN, ()),
            (ALUR_EVALUASI_TAHUNAN, EXPECTED_TAHUNAN_BKPSDM, (OPSI_BKPSDM,)),
        )
        for (aksi, dari, _ke, pihak, _n) in expected
        for who in P
    }
)
ALUR = {a.kode: a for a in (ALUR_EVALUASI_PERIODIK, ALUR_EVALUASI_TAHUNAN)}


@pytest.mark.parametrize(("kode", "aksi", "dari", "opsi", "who", "allowed"), ALL_CASES)
def test_each_transition_allowed_or_refused_per_party(kode, aksi, dari, opsi, who, allowed):
    alur = ALUR[kode]
    if allowed:
        assert alur.periksa(aksi, dari, {who}, opsi).aksi == aksi
        assert aksi in [t.aksi for t in alur.tersedia(dari, {who}, opsi)]
    else:
        with pytest.raises(TransisiDitolak, match="hanya dapat dilakukan oleh"):
            alur.periksa(aksi, dari, {who}, opsi)
        assert aksi not in [t.aksi for t in alur.tersedia(dari, {who}, opsi)]


def _out_of_state(alur):
    aksi_semua = {t.aksi for t in alur.transisi}
    return [
        (alur.kode, a, s)
        for a, s in itertools.product(sorted(aksi_semua), E)
        if all(
            (a, s) not in {(t.aksi, t.dari) for t in alur.aksi_dari(s, opsi)}
            for opsi in ((), (OPSI_BKPSDM,))
        )
    ]


@pytest.mark.parametrize(
    ("kode", "aksi", "status"),
    _out_of_state(ALUR_EVALUASI_PERIODIK) + _out_of_state(ALUR_EVALUASI_TAHUNAN),
)
def test_an_action_out_of_its_state_is_refused_for_everyone(kode, aksi, status):
    for opsi in ((), (OPSI_BKPSDM,)):
        with pytest.raises(TransisiDitolak, match="tidak tersedia"):
            ALUR[kode].periksa(aksi, status, set(P), opsi)


def test_the_periodic_chain_has_no_print_or_archive_steps():
    with pytest.raises(TransisiDitolak, match="tidak tersedia"):
        ALUR_EVALUASI_PERIODIK.periksa("cetak", E.FINAL, set(P))
    with pytest.raises(TransisiDitolak, match="tidak tersedia"):
        ALUR_EVALUASI_PERIODIK.periksa("sahkan_atasan", E.DINILAI, set(P), [OPSI_BKPSDM])


def test_with_the_option_only_the_atasan_can_make_the_year_final():
    with pytest.raises(TransisiDitolak):
        ALUR_EVALUASI_TAHUNAN.periksa("finalkan", E.DINILAI, {P.PEJABAT_PENILAI}, [OPSI_BKPSDM])
    assert (
        ALUR_EVALUASI_TAHUNAN.periksa(
            "sahkan_atasan", E.DINILAI, {P.ATASAN_PEJABAT_PENILAI}, [OPSI_BKPSDM]
        ).ke
        == E.FINAL
    )


def test_a_pegawai_cannot_rate_herself_even_if_she_is_also_staff_admin():
    with pytest.raises(TransisiDitolak):
        ALUR_EVALUASI_PERIODIK.periksa(
            "nilai", E.DIAJUKAN, {P.PEGAWAI, P.PENGADMINISTRASI_KEPEGAWAIAN}
        )


def test_only_the_atasan_decides_a_keberatan():
    for who in (P.PEGAWAI, P.PEJABAT_PENILAI, P.PENGADMINISTRASI_KEPEGAWAIAN):
        with pytest.raises(TransisiDitolak, match="Atasan pejabat penilai"):
            ALUR_EVALUASI_TAHUNAN.periksa("putuskan_keberatan", E.DITANGGAPI, {who})


def test_notes_are_required_where_the_sop_needs_them():
    wajib = {
        t.aksi
        for alur in ALUR.values()
        for opsi in ((), (OPSI_BKPSDM,))
        for s in E
        for t in alur.aksi_dari(s, opsi)
        if t.catatan_wajib
    }
    assert wajib == {
        "kembalikan",
        "kembalikan_penilaian",
        "buka_kembali",
        "ajukan_keberatan",
        "tanggapi_keberatan",
        "putuskan_keberatan",
    }


def test_the_primary_action_comes_first():
    pilihan = ALUR_EVALUASI_PERIODIK.tersedia(E.DIAJUKAN, {P.PEJABAT_PENILAI})
    assert [t.aksi for t in pilihan] == ["nilai", "kembalikan"]
    assert pilihan[0].label == "Simpan Penilaian"
    pilihan = ALUR_EVALUASI_TAHUNAN.tersedia(E.FINAL, {P.PEGAWAI})
    assert [t.aksi for t in pilihan] == ["cetak", "ajukan_keberatan"]


# --- Standard minutes per path (SOPs 000, 001, 002) ---


def minutes(alur, path, opsi=()):
    status, total = alur.status_awal, 0
    for aksi in path:
        t = alur.periksa(aksi, status, set(P), opsi)
        total += t.menit_baku
        status = t.ke
    return status, total


def steps(alur, path, opsi=()):
    status, used = alur.status_awal, []
    for aksi in path:
        t = alur.periksa(aksi, status, set(P), opsi)
        used += t.langkah
        status = t.ke
    return used


PERIODIK = ["isi_realisasi", "ajukan", "nilai", "finalkan"]
TAHUNAN = PERIODIK + ["cetak", "tandatangani", "gandakan", "arsipkan"]
TAHUNAN_BKPSDM = [
    "isi_realisasi",
    "ajukan",
    "nilai",
    "sahkan_atasan",
    "cetak",
    "tandatangani",
    "kirim_bkpsdm",
    "arsipkan",
]


def test_the_sop_tables_sum_as_the_sops_say():
    assert sum(s.menit for s in LANGKAH_SOP_000) == 12 * 60  # "12 jam"
    # SOP 002 totals 225 minutes; steps 1–3 (140) are the planning chain.
    assert sum(s.menit for s in LANGKAH_SOP_002_PENILAIAN) == 225 - 140
    assert [s.nomor for s in LANGKAH_SOP_001] == ["1", "2", "4", "6", "8"]


def test_a_period_collects_checks_and_scores_in_six_hours():
    # SOP 000 steps 1, 2 and 4.
    assert minutes(ALUR_EVALUASI_PERIODIK, PERIODIK) == (E.FINAL, 360)


def test_a_return_adds_another_check_and_another_collection():
    path = ["isi_realisasi", "ajukan", "kembalikan", "ajukan", "nilai", "finalkan"]
    assert minutes(ALUR_EVALUASI_PERIODIK, path) == (E.FINAL, 360 + 120 + 120)


def test_the_year_is_seed_000_whole_plus_the_signature_of_seed_001():
    assert minutes(ALUR_EVALUASI_TAHUNAN, TAHUNAN) == (E.DIARSIPKAN, 720 + 60)
    used = steps(ALUR_EVALUASI_TAHUNAN, TAHUNAN)
    assert sorted(s.nomor for s in used if s in LANGKAH_SOP_000) == ["1", "2", "3", "4", "5", "6"]
    assert [s.nomor for s in used if s not in LANGKAH_SOP_000] == ["6"]


def test_the_year_under_seed_002_countersigns_and_sends_to_bkpsdm():
    # 000-1, 000-2, 000-4, 000-3 (480) + 001-6 (60) + SOP 002 steps 4–8 (85).
    assert minutes(ALUR_EVALUASI_TAHUNAN, TAHUNAN_BKPSDM, [OPSI_BKPSDM]) == (
        E.DIARSIPKAN,
        480 + 60 + 85,
    )
    used = steps(ALUR_EVALUASI_TAHUNAN, TAHUNAN_BKPSDM, [OPSI_BKPSDM])
    assert sorted(s.nomor for s in used if s in LANGKAH_SOP_002_PENILAIAN) == [
        "4",
        "5",
        "6",
        "7",
        "8",
    ]


def test_a_keberatan_runs_through_penilai_and_atasan_then_the_year_closes():
    path = PERIODIK + ["ajukan_keberatan", "tanggapi_keberatan", "putuskan_keberatan"]
    assert minutes(ALUR_EVALUASI_PERIODIK, path) == (E.DIPUTUS, 360)
    path += ["cetak", "tandatangani", "gandakan", "arsipkan"]
    assert minutes(ALUR_EVALUASI_TAHUNAN, path) == (E.DIARSIPKAN, 780)


def test_the_atasan_can_send_the_rating_back_to_the_penilai():
    path = ["isi_realisasi", "ajukan", "nilai", "kembalikan_penilaian", "nilai", "sahkan_atasan"]
    assert minutes(ALUR_EVALUASI_TAHUNAN, path, [OPSI_BKPSDM]) == (
        E.FINAL,
        120 + 2 * (120 + 120 + 20) + 20,
    )


@pytest.mark.parametrize("alur", [ALUR_EVALUASI_PERIODIK, ALUR_EVALUASI_TAHUNAN])
def test_every_status_has_a_label_and_is_reachable(alur):
    reachable: set[str] = set()
    for opsi in ((), (OPSI_BKPSDM,)):
        seen, frontier = {alur.status_awal}, [alur.status_awal]
        while frontier:
            for t in alur.aksi_dari(frontier.pop(), opsi):
                if t.ke not in seen:
                    seen.add(t.ke)
                    frontier.append(t.ke)
        reachable |= seen
    assert reachable == set(alur.statuses())
    assert all(alur.label(s) != s for s in alur.statuses())
    assert alur.status_akhir <= reachable


def test_the_annual_chain_knows_every_status():
    assert set(ALUR_EVALUASI_TAHUNAN.statuses()) == set(E)
    belum_final = {E.BELUM_DIISI, E.DIISI, E.DIAJUKAN, E.DINILAI}
    assert set(E) - belum_final == STATUS_SUDAH_FINAL


# --- Periods (§2.7) ---


def test_quarters_end_with_iv_akhir():
    periods = daftar_periode(Periodisitas.TRIWULANAN)
    assert [p.kode for p in periods] == ["TW1", "TW2", "TW3", "TW4"]
    assert [p.label_cetak for p in periods] == [
        "TRIWULAN I",
        "TRIWULAN II",
        "TRIWULAN III",
        "TRIWULAN IV-AKHIR",
    ]
    assert [p.nama for p in periods][-1] == "Triwulan IV-Akhir"
    assert [p.tahunan for p in periods] == [False, False, False, True]
    assert [(p.bulan_awal, p.bulan_akhir) for p in periods] == [(1, 3), (4, 6), (7, 9), (10, 12)]


def test_months_run_januari_to_desember_akhir():
    periods = daftar_periode("BULANAN")
    assert len(periods) == 12
    assert periods[0].nama == "Januari"
    assert periods[0].kode == "BULAN_1"
    assert periods[-1].nama == "Desember-Akhir"
    assert periods[-1].label_cetak == "DESEMBER-AKHIR"
    assert [p.tahunan for p in periods].count(True) == 1


def test_a_yearly_office_has_one_period():
    [tahun] = daftar_periode(Periodisitas.TAHUNAN)
    assert tahun.tahunan
    assert tahun.rentang(2024) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


@pytest.mark.parametrize(
    ("periodisitas", "kode", "awal", "akhir"),
    [
        (Periodisitas.TRIWULANAN, "TW1", dt.date(2024, 1, 1), dt.date(2024, 3, 31)),
        (Periodisitas.TRIWULANAN, "TW3", dt.date(2024, 7, 1), dt.date(2024, 9, 30)),
        (Periodisitas.TRIWULANAN, "AKHIR", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        (Periodisitas.BULANAN, "BULAN_2", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        (Periodisitas.BULANAN, "bulan_2", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        (Periodisitas.BULANAN, "AKHIR", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
    ],
)
def test_each_period_covers_its_dates_and_the_last_covers_the_year(periodisitas, kode, awal, akhir):
    assert cari_periode(periodisitas, kode).rentang(2024) == (awal, akhir)


def test_unknown_periods_are_refused_in_words():
    with pytest.raises(ValueError, match="Periodisitas 'SEMESTERAN' tidak dikenal"):
        daftar_periode("SEMESTERAN")
    with pytest.raises(ValueError, match="Periode 'TW5' tidak ada pada periodisitas Triwulanan"):
        cari_periode(Periodisitas.TRIWULANAN, "TW5")


@pytest.mark.parametrize("periodisitas", list(Periodisitas))
def test_the_last_period_runs_the_annual_chain(periodisitas):
    *periodik, akhir = daftar_periode(periodisitas)
    assert alur_evaluasi(akhir) is ALUR_EVALUASI_TAHUNAN
    assert all(alur_evaluasi(p) is ALUR_EVALUASI_PERIODIK for p in periodik)
