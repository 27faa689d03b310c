"""The lists behind the role tabs: whose move it is, counts, subordinates without an SKP."""

from __future__ import annotations

import datetime as dt

from skpdesk.domain.skp import IsianIKI, IsianRHK
from skpdesk.services import skp as skp_service
from skpdesk.services.skp import IsiSKP
from skpdesk.store.models import Pegawai
from tests.helpers import login

TAHUN = 2026
ISI = IsiSKP(
    "KUANTITATIF",
    [IsianRHK("UTAMA", "Layanan aplikasi", [IsianIKI("KUANTITAS", "Aplikasi", "4", "Aplikasi")])],
)


def test_whose_move_it_is_and_the_counts_follow_the_chain(kantor_demo, clock):
    lia, hendra = login("Lia Kurniawati"), login("Hendra Gunawan")
    skp = skp_service.buat_skp(lia, TAHUN)
    skp_service.simpan_isi(lia, skp.id, ISI)

    [mine] = skp_service.daftar_skp_saya(lia)
    assert (mine.menunggu_saya, mine.aksi_saya) == (True, "Ajukan ke Atasan")
    assert skp_service.jumlah_menunggu_saya(lia) == 1
    assert skp_service.jumlah_menunggu_penilai(hendra) == 0

    skp_service.ajukan(lia, skp.id)
    assert skp_service.jumlah_menunggu_saya(lia) == 0
    assert skp_service.jumlah_menunggu_penilai(hendra) == 1
    row = next(r for r in skp_service.daftar_bawahan(hendra, TAHUN) if r.id == skp.id)
    assert (row.menunggu_saya, row.aksi_saya, row.status_label) == (True, "Setujui", "Diajukan")

    # The SOP gives the penilai 30 minutes to verify; at 31 the row says it is late.
    clock[0] += dt.timedelta(minutes=30)
    row = next(r for r in skp_service.daftar_bawahan(hendra, TAHUN) if r.id == skp.id)
    assert (row.menit_menunggu, row.lewat_baku) == (30, False)
    clock[0] += dt.timedelta(minutes=1)
    row = next(r for r in skp_service.daftar_bawahan(hendra, TAHUN) if r.id == skp.id)
    assert row.lewat_baku

    skp_service.kembalikan(hendra, skp.id, "Tambahkan IKI waktu")
    assert skp_service.jumlah_menunggu_penilai(hendra) == 0
    [mine] = skp_service.daftar_skp_saya(lia)
    assert mine.menunggu_saya and mine.status_label == "Perlu Revisi"


def test_subordinates_without_an_skp_are_listed_and_others_are_not(kantor_demo):
    hendra = login("Hendra Gunawan")
    rows = skp_service.daftar_bawahan(hendra, TAHUN)
    direct = {p.id for p in Pegawai.select().where(Pegawai.atasan == hendra.pegawai_id)}
    assert {r.pegawai_id for r in rows} == direct
    assert all(r.id is None and r.status_label == "Belum ada SKP" for r in rows)
    assert skp_service.punya_bawahan(hendra)
    assert not skp_service.punya_bawahan(login("Lia Kurniawati"))
    assert skp_service.tahun_bawahan(hendra) == [TAHUN]


def test_an_skp_of_a_past_year_still_shows_but_no_longer_counts(kantor_demo, clock):
    from tests.helpers import skp_disetujui

    lia = login("Lia Kurniawati")
    skp = skp_disetujui(lia, TAHUN)
    # Approved: the next step is "Tandai Sudah Dicetak", the pegawai's.
    assert skp_service.jumlah_menunggu_saya(lia) == 1
    clock[0] += dt.timedelta(days=30)
    assert skp_service.jumlah_lewat_baku(lia) == 1

    # The year is over: the SKP stays in her list with its action, but waits on nobody now.
    clock[0] = dt.datetime(TAHUN + 1, 1, 5, 8, 0)
    [mine] = skp_service.daftar_skp_saya(lia)
    assert (mine.id, mine.menunggu_saya, mine.aksi_saya) == (skp.id, True, "Tandai Sudah Dicetak")
    assert skp_service.jumlah_menunggu_saya(lia) == 0
    assert skp_service.jumlah_lewat_baku(lia) == 0
