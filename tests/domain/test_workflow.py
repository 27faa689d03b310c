"""The SKP planning workflow table (SOPs 004 and 002, docs/domain.md §3 and §7)."""

from __future__ import annotations

import itertools

import pytest

from skpdesk.domain.workflow import (
    ALUR_SKP,
    OPSI_BKPSDM,
    Pihak,
    StatusSKP,
    TransisiDitolak,
)

S = StatusSKP
P = Pihak

# The whole table written out once more by hand, from the SOPs: (aksi, dari, ke, who, note?).
EXPECTED = {
    ("ajukan", S.DRAFT, S.DIAJUKAN, frozenset({P.PEGAWAI}), False),
    ("setujui", S.DIAJUKAN, S.DISETUJUI, frozenset({P.PEJABAT_PENILAI}), False),
    ("kembalikan", S.DIAJUKAN, S.PERLU_REVISI, frozenset({P.PEJABAT_PENILAI}), True),
    ("perbaiki", S.PERLU_REVISI, S.DRAFT, frozenset({P.PEGAWAI}), False),
    (
        "cetak",
        S.DISETUJUI,
        S.DICETAK,
        frozenset({P.PEGAWAI, P.PENGADMINISTRASI_KEPEGAWAIAN}),
        False,
    ),
    ("tandatangani", S.DICETAK, S.DITANDATANGANI, frozenset({P.PEGAWAI, P.PEJABAT_PENILAI}), False),
    (
        "arsipkan",
        S.DITANDATANGANI,
        S.DIARSIPKAN,
        frozenset({P.PEGAWAI, P.PEJABAT_PENILAI, P.PENGADMINISTRASI_KEPEGAWAIAN}),
        False,
    ),
    ("buka_kembali", S.DISETUJUI, S.PERLU_REVISI, frozenset({P.PEJABAT_PENILAI}), True),
    ("buka_kembali", S.DICETAK, S.PERLU_REVISI, frozenset({P.PEJABAT_PENILAI}), True),
    ("buka_kembali", S.DITANDATANGANI, S.PERLU_REVISI, frozenset({P.PEJABAT_PENILAI}), True),
}
EXPECTED_BKPSDM = (
    EXPECTED
    - {
        (
            "arsipkan",
            S.DITANDATANGANI,
            S.DIARSIPKAN,
            frozenset({P.PEGAWAI, P.PEJABAT_PENILAI, P.PENGADMINISTRASI_KEPEGAWAIAN}),
            False,
        )
    }
) | {
    (
        "sahkan_atasan",
        S.DITANDATANGANI,
        S.DISAHKAN_ATASAN,
        frozenset({P.ATASAN_PEJABAT_PENILAI}),
        False,
    ),
    (
        "kirim_bkpsdm",
        S.DISAHKAN_ATASAN,
        S.DIKIRIM_BKPSDM,
        frozenset({P.PEGAWAI, P.PENGADMINISTRASI_KEPEGAWAIAN}),
        False,
    ),
    (
        "arsipkan",
        S.DIKIRIM_BKPSDM,
        S.DIARSIPKAN,
        frozenset({P.PEGAWAI, P.PEJABAT_PENILAI, P.PENGADMINISTRASI_KEPEGAWAIAN}),
        False,
    ),
}


def table(opsi=()):
    return {
        (t.aksi, t.dari, t.ke, t.pihak, t.catatan_wajib)
        for status in S
        for t in ALUR_SKP.aksi_dari(status, opsi)
    }


def test_the_table_is_exactly_the_sop():
    assert table() == EXPECTED


def test_the_bkpsdm_option_adds_the_third_signature_and_the_copy():
    assert table([OPSI_BKPSDM]) == EXPECTED_BKPSDM


CASES = sorted(
    (aksi, dari, who, who in pihak) for (aksi, dari, _ke, pihak, _n) in EXPECTED for who in P
)


@pytest.mark.parametrize(("aksi", "dari", "who", "allowed"), CASES)
def test_each_transition_allowed_or_refused_per_party(aksi, dari, who, allowed):
    if allowed:
        assert ALUR_SKP.periksa(aksi, dari, {who}).aksi == aksi
        assert aksi in [t.aksi for t in ALUR_SKP.tersedia(dari, {who})]
    else:
        with pytest.raises(TransisiDitolak, match="hanya dapat dilakukan oleh"):
            ALUR_SKP.periksa(aksi, dari, {who})
        assert aksi not in [t.aksi for t in ALUR_SKP.tersedia(dari, {who})]


@pytest.mark.parametrize(
    ("aksi", "status"),
    [
        (a, s)
        for a, s in itertools.product({t.aksi for t in ALUR_SKP.transisi}, S)
        if (a, s) not in {(t.aksi, t.dari) for t in ALUR_SKP.aksi_dari(s, [OPSI_BKPSDM])}
        and (a, s) not in {(t.aksi, t.dari) for t in ALUR_SKP.aksi_dari(s)}
    ],
)
def test_an_action_out_of_its_state_is_refused_for_everyone(aksi, status):
    with pytest.raises(TransisiDitolak, match="tidak tersedia"):
        ALUR_SKP.periksa(aksi, status, set(P))


def test_option_steps_do_not_exist_without_the_option():
    with pytest.raises(TransisiDitolak):
        ALUR_SKP.periksa("sahkan_atasan", S.DITANDATANGANI, {P.ATASAN_PEJABAT_PENILAI})
    with pytest.raises(TransisiDitolak):
        ALUR_SKP.periksa("arsipkan", S.DITANDATANGANI, {P.PEGAWAI}, [OPSI_BKPSDM])


def minutes(path, opsi=()):
    status, total = ALUR_SKP.status_awal, 0
    for aksi in path:
        t = ALUR_SKP.periksa(aksi, status, set(P), opsi)
        total += t.menit_baku
        status = t.ke
    return status, total


HAPPY = ["ajukan", "setujui", "cetak", "tandatangani", "arsipkan"]


def test_seed_004_happy_path_is_135_minutes():
    assert minutes(HAPPY) == (S.DIARSIPKAN, 135)


def test_one_return_adds_redo_submit_and_verify_again():
    path = ["ajukan", "kembalikan", "perbaiki"] + HAPPY
    assert minutes(path) == (S.DIARSIPKAN, 135 + 60 + 15 + 30)


def test_seed_002_option_adds_its_forty_minutes():
    path = [
        "ajukan",
        "setujui",
        "cetak",
        "tandatangani",
        "sahkan_atasan",
        "kirim_bkpsdm",
        "arsipkan",
    ]
    assert minutes(path, [OPSI_BKPSDM]) == (S.DIARSIPKAN, 135 + 20 + 20)


def test_the_primary_action_comes_first_and_notes_are_required_where_the_sop_says():
    pilihan = ALUR_SKP.tersedia(S.DIAJUKAN, {P.PEJABAT_PENILAI})
    assert [t.aksi for t in pilihan] == ["setujui", "kembalikan"]
    assert [t.catatan_wajib for t in pilihan] == [False, True]
    assert pilihan[0].label == "Setujui"


def test_a_pegawai_cannot_approve_her_own_skp_even_if_she_is_also_staff_admin():
    with pytest.raises(TransisiDitolak):
        ALUR_SKP.periksa("setujui", S.DIAJUKAN, {P.PEGAWAI, P.PENGADMINISTRASI_KEPEGAWAIAN})


def test_every_status_has_a_label_and_is_reachable():
    reachable: set[str] = set()
    for opsi in ((), (OPSI_BKPSDM,)):
        seen, frontier = {ALUR_SKP.status_awal}, [ALUR_SKP.status_awal]
        while frontier:
            for t in ALUR_SKP.aksi_dari(frontier.pop(), opsi):
                if t.ke not in seen:
                    seen.add(t.ke)
                    frontier.append(t.ke)
        reachable |= seen
    assert reachable == set(S)
    assert all(ALUR_SKP.label(s) != s for s in S)
