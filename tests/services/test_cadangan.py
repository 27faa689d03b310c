"""Backups and restore: round trip, refusals that replace nothing, rolling retention."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from skpdesk.services import cadangan, kantor
from skpdesk.services.errors import AksesDitolak
from skpdesk.store import cadangan as berkas
from skpdesk.store import database
from skpdesk.store.models import Riwayat, UnitKerja, db

# Backups and restore are copies of the SQLite file; a PostgreSQL server is backed up by its
# administrator (services/cadangan.py path_basis_data).
BERKAS = pytest.mark.sqlite_only("backups are copies of the SQLite file")


def _units() -> set[str]:
    return {u.nama for u in UnitKerja.select()}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _checkpointed_digest(path: Path) -> str:
    """The file's bytes once the WAL is folded in (what a reader of the file alone sees)."""
    db.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return _sha(path)


@BERKAS
def test_backup_and_restore_round_trip(kantor_siap, db_path):
    copy = cadangan.cadangkan_sekarang(kantor_siap)
    assert copy.parent == db_path.parent / "cadangan"
    assert [c.path for c in cadangan.daftar_cadangan()] == [copy]

    kantor.tambah_unit(kantor_siap, "Seksi Baru", None)
    assert "Seksi Baru" in _units()

    hasil = cadangan.pulihkan(kantor_siap, copy)
    assert "Seksi Baru" not in _units()
    assert "Seksi Pelayanan Umum" in _units()
    assert database.integrity_check(db.obj) == "ok"
    # The replaced database is kept, and holds the unit that the restore took away.
    assert hasil.cadangan_sebelumnya is not None and hasil.cadangan_sebelumnya.exists()
    conn = sqlite3.connect(hasil.cadangan_sebelumnya)
    assert ("Seksi Baru",) in conn.execute("SELECT nama FROM unit_kerja").fetchall()
    conn.close()
    row = Riwayat.select().order_by(Riwayat.nomor.desc()).first()
    assert (row.entitas, row.aksi, row.oleh_nama) == ("BasisData", "pulihkan", kantor_siap.nama)
    assert row.rincian["berkas"] == str(copy)


@BERKAS
def test_backup_to_a_chosen_file(kantor_siap, tmp_path):
    target = tmp_path / "usb" / "kantor.db"
    assert cadangan.cadangkan_sekarang(kantor_siap, target) == target
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def _refused(aktor, bad: Path, db_path: Path, fragment: str) -> None:
    before_digest = _checkpointed_digest(db_path)
    before_backups = cadangan.daftar_cadangan()
    with pytest.raises(cadangan.PulihkanGagal) as info:
        cadangan.pulihkan(aktor, bad)
    assert fragment in str(info.value)
    # Nothing replaced, nothing copied aside, the database still open and whole.
    assert _checkpointed_digest(db_path) == before_digest
    assert cadangan.daftar_cadangan() == before_backups
    assert "Seksi Pelayanan Umum" in _units()
    assert database.integrity_check(db.obj) == "ok"


@BERKAS
def test_a_file_that_is_not_sqlite_is_refused(kantor_siap, db_path, tmp_path):
    bad = tmp_path / "bukan.db"
    bad.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 50)
    _refused(kantor_siap, bad, db_path, "bukan basis data SQLite")


@BERKAS
def test_a_truncated_backup_is_refused(kantor_siap, db_path, tmp_path):
    copy = cadangan.cadangkan_sekarang(kantor_siap)
    data = copy.read_bytes()
    bad = tmp_path / "terpotong.db"
    bad.write_bytes(data[: len(data) // 2])
    _refused(kantor_siap, bad, db_path, "terpotong")


@BERKAS
def test_a_corrupt_backup_is_refused(kantor_siap, db_path, tmp_path):
    copy = cadangan.cadangkan_sekarang(kantor_siap)
    data = bytearray(copy.read_bytes())
    page = 4096
    # Scribble over every page after the first: the header stays valid, the b-trees do not.
    for start in range(page, len(data), page):
        data[start + 8 : start + 64] = b"\xff" * 56
    bad = tmp_path / "rusak.db"
    bad.write_bytes(bytes(data))
    _refused(kantor_siap, bad, db_path, "rusak")


@BERKAS
def test_a_foreign_sqlite_file_is_refused(kantor_siap, db_path, tmp_path):
    other = tmp_path / "lain.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE catatan (isi TEXT)")
    conn.commit()
    conn.close()
    _refused(kantor_siap, other, db_path, "bukan basis data skpdesk")


@BERKAS
def test_a_backup_from_a_newer_skpdesk_is_refused(kantor_siap, db_path, tmp_path):
    newer = cadangan.cadangkan_sekarang(kantor_siap, tmp_path / "baru.db")
    conn = sqlite3.connect(newer)
    conn.execute("INSERT INTO schema_version (version, applied_at) VALUES (?, '2030-01-01')",
                 (database.CURRENT_VERSION + 1,))
    conn.commit()
    conn.close()
    _refused(kantor_siap, newer, db_path, "lebih baru")


def test_only_the_administrator_backs_up_and_restores(kantor_siap):
    from skpdesk.services.context import Aktor

    orang = Aktor(akun_id=None, login="lia", nama="Lia")
    with pytest.raises(AksesDitolak):
        cadangan.cadangkan_sekarang(orang)
    with pytest.raises(AksesDitolak):
        cadangan.pulihkan(orang, Path("x.db"))


@BERKAS
def test_daily_backup_once_a_day_and_keeps_the_last_n(kantor_siap, db_path, monkeypatch):
    setting = kantor.pengaturan()
    setting.cadangan_disimpan = 3
    setting.save()
    stamps = iter(
        dt.datetime(2024, 1, day, 8, 0, 0) for day in range(1, 10)
    )

    class Jam(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return next(stamps)

    monkeypatch.setattr(berkas.dt, "datetime", Jam)
    manual = cadangan.cadangkan_sekarang(kantor_siap)  # 1 January, kept: not automatic
    made = []
    for day in range(2, 8):
        made.append(cadangan.cadangan_harian(dt.date(2024, 1, day)))
        # A second start on the same day makes nothing new.
        assert cadangan.cadangan_harian(dt.date(2024, 1, day)) is None
    harian = [c for c in cadangan.daftar_cadangan() if c.otomatis]
    assert [c.path for c in harian] == list(reversed(made))[:3]
    assert [c.waktu.day for c in harian] == [7, 6, 5]
    assert manual.exists()


@BERKAS
def test_restore_replaces_a_database_that_no_longer_opens(kantor_siap, db_path, tmp_path):
    copy = cadangan.cadangkan_sekarang(kantor_siap, tmp_path / "aman.db")
    database.close_database()
    db.initialize(None)
    data = bytearray(db_path.read_bytes())
    data[4096 * 2 : 4096 * 4] = b"\x00" * (4096 * 2)
    db_path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)

    hasil = cadangan.pulihkan(None, copy, db_path)
    assert hasil.cadangan_sebelumnya is not None
    assert "tak-terbuka" in hasil.cadangan_sebelumnya.name
    assert database.integrity_check(db.obj) == "ok"
    assert "Seksi Pelayanan Umum" in _units()
