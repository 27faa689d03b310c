"""``skpdesk backup`` and ``skpdesk restore``: exit codes and messages."""

from __future__ import annotations

import sqlite3

import pytest

from skpdesk import logfile
from skpdesk.cli import main

# The CLI opens its own database and log file; each test leaves neither behind.
pytestmark = pytest.mark.usefixtures("lepas_db")


@pytest.fixture(autouse=True)
def _lepas_log():
    yield
    logfile.lepas()


def _units(path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT nama FROM unit_kerja")}
    finally:
        conn.close()


@pytest.fixture
def kantor_db(tmp_path, capsys):
    path = tmp_path / "kantor.db"
    assert main(["demo", "--db", str(path)]) == 0
    capsys.readouterr()
    return path


def test_backup_then_restore(kantor_db, tmp_path, capsys):
    out = tmp_path / "flashdisk" / "kantor-cadangan.db"
    assert main(["backup", "--db", str(kantor_db), "--out", str(out)]) == 0
    assert f"Cadangan dibuat: {out}" in capsys.readouterr().out

    conn = sqlite3.connect(kantor_db)
    conn.execute("DROP TRIGGER IF EXISTS riwayat_no_delete")
    conn.execute("UPDATE unit_kerja SET nama = 'Diubah Di Luar' WHERE induk_id IS NULL")
    conn.commit()
    conn.close()

    assert main(["restore", str(out), "--db", str(kantor_db)]) == 0
    printed = capsys.readouterr().out
    assert "Basis data dipulihkan" in printed and "sebelum-pulihkan" in printed
    assert "Diubah Di Luar" not in _units(kantor_db)
    assert "Kecamatan Sukamaju" in _units(kantor_db)


def test_backup_into_the_backup_folder_by_default(kantor_db, capsys):
    assert main(["backup", "--db", str(kantor_db)]) == 0
    files = list((kantor_db.parent / "cadangan").glob("kantor-manual-*.db"))
    assert len(files) == 1
    assert str(files[0]) in capsys.readouterr().out


def test_restore_refuses_a_truncated_file_and_replaces_nothing(kantor_db, tmp_path, capsys):
    good = tmp_path / "baik.db"
    assert main(["backup", "--db", str(kantor_db), "--out", str(good)]) == 0
    data = good.read_bytes()
    bad = tmp_path / "terpotong.db"
    bad.write_bytes(data[: len(data) // 3])
    before = kantor_db.read_bytes()
    capsys.readouterr()

    assert main(["restore", str(bad), "--db", str(kantor_db)]) == 1
    err = capsys.readouterr().err
    assert "terpotong" in err and "Tidak ada yang diganti" in err
    assert kantor_db.read_bytes() == before
    assert not (kantor_db.parent / "cadangan").exists()


def test_restore_refuses_a_missing_file(kantor_db, tmp_path, capsys):
    assert main(["restore", str(tmp_path / "tidak-ada.db"), "--db", str(kantor_db)]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err


def test_restore_onto_a_new_laptop_without_a_database(kantor_db, tmp_path, capsys):
    good = tmp_path / "baik.db"
    assert main(["backup", "--db", str(kantor_db), "--out", str(good)]) == 0
    fresh = tmp_path / "laptop-baru" / "skpdesk.db"
    assert main(["restore", str(good), "--db", str(fresh)]) == 0
    assert "Kecamatan Sukamaju" in _units(fresh)
    assert "sebelumnya disimpan" not in capsys.readouterr().out
