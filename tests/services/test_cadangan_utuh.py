"""Whole backups: a copy exists under a backup name only once whole, and is owner-only."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from skpdesk.services import cadangan
from skpdesk.store import cadangan as berkas
from skpdesk.store import database

BERKAS = pytest.mark.sqlite_only("backups are copies of the SQLite file")


@BERKAS
def test_backup_is_written_under_a_temporary_name_then_renamed(kantor_siap, db_path, monkeypatch):
    seen = []
    real = database.online_copy

    def spy(source: Path, target: Path) -> None:
        # While the copy is written, nothing under a backup name exists yet.
        seen.append((target.name, [c.path.name for c in berkas.daftar(db_path)]))
        real(source, target)

    monkeypatch.setattr(database, "online_copy", spy)
    copy = cadangan.cadangkan_sekarang(kantor_siap)
    assert len(seen) == 1
    name, listed = seen[0]
    assert name.startswith(database.TEMP_PREFIX) and name != copy.name
    assert listed == []
    assert [c.path for c in berkas.daftar(db_path)] == [copy]
    assert not list(copy.parent.glob(database.TEMP_PREFIX + "*"))
    conn = sqlite3.connect(str(copy))
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


@BERKAS
def test_failed_backup_leaves_nothing_and_the_day_is_not_counted(kantor_siap, db_path, monkeypatch):
    real = database.online_copy

    def breaks(source: Path, target: Path) -> None:
        target.write_bytes(b"")  # what a copy cut short leaves: a file of no use
        raise OSError("disk penuh")

    monkeypatch.setattr(database, "online_copy", breaks)
    with pytest.raises(OSError):
        cadangan.cadangan_harian(dt.date(2024, 3, 1))
    assert berkas.daftar(db_path) == []
    assert list(database.backup_folder(db_path).iterdir()) == []
    monkeypatch.setattr(database, "online_copy", real)
    made = cadangan.cadangan_harian(dt.date(2024, 3, 1))
    assert made is not None and made.stat().st_size > 0


_KILLED_COPY = """
import sys
import time
from pathlib import Path
from skpdesk.store import database

real = database.online_copy

def slow(source, target):
    real(source, target)
    print("tertulis", flush=True)
    time.sleep(60)  # killed here: the copy is written under its temporary name only

database.online_copy = slow
database.whole_copy(Path(sys.argv[1]), Path(sys.argv[2]))
"""


@BERKAS
def test_backup_killed_midway_leaves_no_backup_and_its_leftover_is_removed(
    kantor_siap, db_path, tmp_path
):
    folder = database.make_private_folder(database.backup_folder(db_path))
    target = folder / f"{db_path.stem}-harian-20240301-080000-000000.db"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    proc = subprocess.Popen(
        [sys.executable, "-c", _KILLED_COPY, str(db_path), str(target)],
        stdout=subprocess.PIPE, text=True, env=env,
    )
    try:
        assert proc.stdout.readline().strip() == "tertulis"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()
    leftovers = list(folder.glob(database.TEMP_PREFIX + "*"))
    assert leftovers, "the killed copy left its temporary file"
    assert not target.exists()
    assert berkas.daftar(db_path) == []
    made = cadangan.cadangan_harian(dt.date.today())
    assert made is not None
    assert [c.path for c in berkas.daftar(db_path)] == [made]
    assert not list(folder.glob(database.TEMP_PREFIX + "*"))


@BERKAS
def test_backups_and_their_folder_are_owner_only(kantor_siap, db_path, tmp_path):
    lama = os.umask(0o022)  # the usual umask, under which files were 0644
    try:
        copy = cadangan.cadangkan_sekarang(kantor_siap)
        chosen = cadangan.cadangkan_sekarang(kantor_siap, tmp_path / "pilihan" / "kantor.db")
        daily = cadangan.cadangan_harian(dt.date(2024, 3, 2))
    finally:
        os.umask(lama)
    for path in (copy, chosen, daily):
        assert path.stat().st_mode & 0o777 == 0o600, path
    assert copy.parent.stat().st_mode & 0o777 == 0o700


@BERKAS
def test_database_file_is_owner_only_even_when_made_readable(fresh_db, db_path):
    os.chmod(db_path, 0o644)  # as an older version left it
    database.close_database()
    database.open_database(db_path)
    for file in (db_path, db_path.with_name(db_path.name + "-wal")):
        assert file.stat().st_mode & 0o777 == 0o600, file


def test_data_folder_is_owner_only(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv(database.ENV_DATA_DIR, str(folder))
    lama = os.umask(0o022)
    try:
        assert database.data_dir() == folder
    finally:
        os.umask(lama)
    assert folder.stat().st_mode & 0o777 == 0o700


@BERKAS
def test_leftover_is_removed_even_when_todays_copy_exists(kantor_siap, db_path):
    today = cadangan.cadangan_harian(dt.date.today())
    leftover = database.backup_folder(db_path) / f"{database.TEMP_PREFIX}1-{today.name}"
    leftover.write_bytes(b"")
    assert cadangan.cadangan_harian(dt.date.today()) is None
    assert not leftover.exists()
    assert [c.path for c in berkas.daftar(db_path)] == [today]
