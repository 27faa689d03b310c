"""Accounts: hashed passwords, login by name or NIP, lockout after five failures."""

from __future__ import annotations

import datetime as dt

import pytest

from skpdesk.domain.kepegawaian import Peran
from skpdesk.services import akun as akun_service
from skpdesk.services import pegawai as roster
from skpdesk.services.errors import AksesDitolak, LoginGagal, ValidasiGagal
from skpdesk.services.pegawai import DataPegawai
from skpdesk.store.models import Akun, Riwayat
from tests.conftest import ADMIN_SANDI

NIP = "198503152010012003"


@pytest.fixture
def staf(kantor_siap):
    p = roster.tambah_pegawai(
        kantor_siap, DataPegawai(nip=NIP, nama="Sri Rahayu", golongan="III/b")
    )
    return akun_service.buat_akun(kantor_siap, NIP, "awal12345", pegawai_id=p.id)


def test_password_is_stored_as_argon2_never_plain(staf):
    assert staf.password_hash.startswith("$argon2")
    assert "awal12345" not in staf.password_hash


def test_login_by_nip_with_or_without_spaces(staf):
    assert akun_service.masuk("19850315 201001 2 003", "awal12345").login == NIP
    aktor = akun_service.masuk(NIP, "awal12345")
    assert aktor.nama == "Sri Rahayu" and aktor.peran == frozenset()


def test_unknown_login_and_wrong_password(staf):
    with pytest.raises(LoginGagal, match="Nama pengguna atau kata sandi salah"):
        akun_service.masuk("tidakada", "awal12345")
    with pytest.raises(LoginGagal, match="Sisa percobaan sebelum akun dikunci: 4"):
        akun_service.masuk(NIP, "salah")
    assert Akun.get(Akun.login == NIP).gagal_login == 1


def test_five_failures_lock_the_account_for_fifteen_minutes(clock, staf):
    for attempt in range(1, 5):
        with pytest.raises(LoginGagal, match=f"dikunci: {5 - attempt}"):
            akun_service.masuk(NIP, "salah")
    with pytest.raises(LoginGagal, match="dikunci selama 15 menit"):
        akun_service.masuk(NIP, "salah")
    # The right password does not open a locked account.
    clock[0] += dt.timedelta(minutes=14)
    with pytest.raises(LoginGagal, match="terkunci.*1 menit"):
        akun_service.masuk(NIP, "awal12345")
    clock[0] += dt.timedelta(minutes=1, seconds=1)
    assert akun_service.masuk(NIP, "awal12345").login == NIP
    actions = [
        r.aksi
        for r in Riwayat.select().where(Riwayat.entitas_id == str(staf.id)).order_by(Riwayat.nomor)
    ]
    assert actions == ["buat"] + ["gagal_masuk"] * 4 + ["dikunci", "masuk"]


def test_administrator_unlocks(staf, kantor_siap, clock):
    for _ in range(5):
        with pytest.raises(LoginGagal):
            akun_service.masuk(NIP, "salah")
    akun_service.buka_kunci(kantor_siap, staf.id)
    assert akun_service.masuk(NIP, "awal12345").login == NIP


def test_successful_login_resets_the_failure_count(staf):
    with pytest.raises(LoginGagal):
        akun_service.masuk(NIP, "salah")
    akun_service.masuk(NIP, "awal12345")
    assert Akun.get(Akun.login == NIP).gagal_login == 0


def test_inactive_account_or_pegawai_cannot_log_in(staf, kantor_siap):
    akun_service.atur_aktif(kantor_siap, staf.id, False)
    with pytest.raises(LoginGagal):
        akun_service.masuk(NIP, "awal12345")
    akun_service.atur_aktif(kantor_siap, staf.id, True)
    roster.nonaktifkan_pegawai(kantor_siap, staf.pegawai_id, "pensiun")
    with pytest.raises(LoginGagal, match="tidak aktif"):
        akun_service.masuk(NIP, "awal12345")


def test_owner_changes_password(staf):
    aktor = akun_service.masuk(NIP, "awal12345")
    assert Akun.get(Akun.id == staf.id).harus_ganti_sandi is True
    with pytest.raises(ValidasiGagal) as info:
        akun_service.ganti_sandi(aktor, "keliru", "pendek")
    assert set(info.value.errors) == {"sandi_lama", "sandi_baru"}
    with pytest.raises(ValidasiGagal, match="berbeda"):
        akun_service.ganti_sandi(aktor, "awal12345", "awal12345")
    akun_service.ganti_sandi(aktor, "awal12345", "baru98765")
    assert Akun.get(Akun.id == staf.id).harus_ganti_sandi is False
    with pytest.raises(LoginGagal):
        akun_service.masuk(NIP, "awal12345")
    assert akun_service.masuk(NIP, "baru98765").login == NIP


def test_reset_by_administrator_forces_a_change(staf, kantor_siap):
    akun_service.ganti_sandi(akun_service.masuk(NIP, "awal12345"), "awal12345", "baru98765")
    akun_service.atur_sandi(kantor_siap, staf.id, "reset12345")
    assert Akun.get(Akun.id == staf.id).harus_ganti_sandi is True
    assert akun_service.masuk(NIP, "reset12345").login == NIP


@pytest.mark.parametrize(
    ("sandi", "message"),
    [("abc1", "minimal 8"), ("abcdefgh", "huruf dan angka"), ("12345678", "huruf dan angka")],
)
def test_weak_passwords_are_refused(kantor_siap, sandi, message):
    with pytest.raises(ValidasiGagal, match=message):
        akun_service.buat_akun(kantor_siap, "baru", sandi)
    assert Akun.get_or_none(Akun.login == "baru") is None


def test_one_account_per_pegawai_and_unique_login(staf, kantor_siap):
    with pytest.raises(ValidasiGagal) as info:
        akun_service.buat_akun(kantor_siap, NIP, "sandi12345", pegawai_id=staf.pegawai_id)
    assert set(info.value.errors) == {"login", "pegawai_id"}


def test_roles_are_set_by_the_administrator_only(staf, kantor_siap):
    aktor = akun_service.masuk(NIP, "awal12345")
    with pytest.raises(AksesDitolak):
        akun_service.atur_peran(aktor, staf.id, [Peran.PENGADMINISTRASI_KEPEGAWAIAN])
    akun_service.atur_peran(kantor_siap, staf.id, [Peran.PERENCANA])
    assert akun_service.masuk(NIP, "awal12345").peran == {Peran.PERENCANA}
    row = Riwayat.get(Riwayat.aksi == "atur_peran")
    assert (row.dari, row.ke) == ("", "PERENCANA")


def test_administrator_cannot_lock_themselves_out(kantor_siap):
    with pytest.raises(AksesDitolak):
        akun_service.atur_peran(kantor_siap, kantor_siap.akun_id, [Peran.PERENCANA])
    with pytest.raises(AksesDitolak):
        akun_service.atur_aktif(kantor_siap, kantor_siap.akun_id, False)
    assert akun_service.masuk("admin", ADMIN_SANDI).punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN)


def test_outdated_hash_parameters_are_upgraded_at_login(staf, monkeypatch):
    from argon2 import PasswordHasher

    old = Akun.get(Akun.id == staf.id).password_hash
    monkeypatch.setattr(
        akun_service, "hasher", PasswordHasher(time_cost=2, memory_cost=128, parallelism=1)
    )
    akun_service.masuk(NIP, "awal12345")
    new = Akun.get(Akun.id == staf.id).password_hash
    assert new != old and "t=2" in new


def test_accounts_given_one_password_share_one_hash_and_each_logs_in(kantor_siap):
    shared = akun_service.hash_sandi("bersama123")
    for login in ("petugas1", "petugas2"):
        akun_service.buat_akun(kantor_siap, login, "bersama123", hash_sama=shared)
    for login in ("petugas1", "petugas2"):
        assert akun_service.masuk(login, "bersama123").login == login
        with pytest.raises(LoginGagal):
            akun_service.masuk(login, "salah12345")
