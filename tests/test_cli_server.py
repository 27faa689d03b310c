"""``skpdesk server siapkan`` and ``skpdesk migrate-to`` on a real PostgreSQL: what they print,
their exit codes, and that a refusal changes nothing."""

from __future__ import annotations

import pytest

from skpdesk.cli import main
from skpdesk.services import akun as akun_service
from skpdesk.services import kantor, verifikasi
from skpdesk.store.models import Pegawai
from tests.helpers import dump, terbuka

SANDI = "rahasia123"


@pytest.fixture(autouse=True)
def _sandi(monkeypatch):
    monkeypatch.setenv("SKPDESK_SANDI", SANDI)


def _siapkan(url: str) -> int:
    return main(["server", "siapkan", url, "--instansi", "Kecamatan Server", "--tempat",
                 "Server", "--unit", "Sekretariat", "--login", "pengelola"])


def test_siapkan_sets_up_the_server_and_says_what_each_laptop_sets(server_kosong, capsys):
    url = server_kosong.replace("postgres@", "postgres:tidak-dicetak@")
    assert _siapkan(url) == 0
    out = capsys.readouterr().out
    assert "Kecamatan Server" in out and "'pengelola'" in out
    assert "SKPDESK_DATABASE_URL=" + server_kosong in out
    assert "Basis data kantor di server" in out
    assert "tidak-dicetak" not in out
    with terbuka(server_kosong):
        assert kantor.instansi().nama == "Kecamatan Server"
        akun_service.masuk("pengelola", SANDI)


def test_siapkan_twice_is_refused_and_changes_nothing(server_kosong, capsys):
    assert _siapkan(server_kosong) == 0
    before = dump(server_kosong)
    capsys.readouterr()
    assert _siapkan(server_kosong) == 1
    err = capsys.readouterr().err
    assert "sudah berisi kantor 'Kecamatan Server'" in err and "Tidak ada yang diubah" in err
    assert dump(server_kosong) == before


def test_siapkan_without_a_password_asks_for_one(server_kosong, monkeypatch, capsys):
    monkeypatch.delenv("SKPDESK_SANDI")
    assert _siapkan(server_kosong) == 2  # no terminal in the test: nothing to ask
    assert "SKPDESK_SANDI" in capsys.readouterr().err


def test_migrate_to_prints_each_table_and_its_check(laptop_demo, server_kosong, capsys):
    assert main(["migrate-to", server_kosong, "--db", str(laptop_demo)]) == 0
    out = capsys.readouterr().out
    assert "[1/32] instansi: 1 baris disalin" in out
    assert "BERBEDA" not in out and out.count(" sama\n") == 32
    assert "sama dengan sumbernya" in out
    with terbuka(laptop_demo):
        nip = sorted(p.nip for p in Pegawai.select())
    with terbuka(server_kosong):
        assert sorted(p.nip for p in Pegawai.select()) == nip
        assert verifikasi.periksa().ok


def test_migrate_to_a_target_with_data_is_refused(laptop_demo, server_kosong, capsys):
    assert _siapkan(server_kosong) == 0
    before = dump(server_kosong)
    assert main(["migrate-to", server_kosong, "--db", str(laptop_demo)]) == 1
    assert "Tidak ada yang diubah" in capsys.readouterr().err
    assert dump(server_kosong) == before


def test_migrate_to_from_a_file_that_is_not_skpdesk(tmp_path, server_kosong, capsys):
    bad = tmp_path / "foto.db"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 4096)
    assert main(["migrate-to", server_kosong, "--db", str(bad)]) == 2
    assert "Berkas sumber ditolak" in capsys.readouterr().err
