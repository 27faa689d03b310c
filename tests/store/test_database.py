"""Opening the database: location, pragmas, integrity check, schema version and migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee as pw
import pytest

from skpdesk.services import kantor
from skpdesk.services.pegawai import DataPegawai, tambah_pegawai
from skpdesk.store import database
from skpdesk.store.models import Pegawai, Riwayat, db

SNAPSHOT = Path(__file__).with_name(f"schema_v{database.CURRENT_VERSION}.sql")


def schema_sql(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        rows = con.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY "
            "CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, name"
        ).fetchall()
    finally:
        con.close()
    return "\n".join(f"-- {t} {n}\n{sql};" for t, n, sql in rows) + "\n"


def test_fresh_database_pragmas_and_version(fresh_db):
    pragma = lambda name: fresh_db.execute_sql(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") == 5000
    assert pragma("synchronous") == 2  # FULL
    assert database.schema_version(fresh_db) == database.CURRENT_VERSION
    assert database.integrity_check(fresh_db) == "ok"


def test_models_match_the_schema_snapshot_of_the_current_version(fresh_db, db_path):
    """Changing a model without a migration fails here: add the step, bump the version."""
    assert schema_sql(db_path) == SNAPSHOT.read_text(encoding="utf-8"), (
        "The models no longer match the committed schema snapshot. Add a migration to "
        "store/database.py MIGRATIONS, bump CURRENT_VERSION and commit the new snapshot."
    )


def test_default_location_is_the_per_user_data_folder(_isolated_data_dir):
    assert database.resolve_target() == str(_isolated_data_dir / database.DB_FILENAME)


def test_db_option_wins_over_environment_which_wins_over_default(monkeypatch, tmp_path):
    monkeypatch.setenv(database.ENV_URL, "postgresql://u:secret@server/skp")
    assert database.resolve_target() == "postgresql://u:secret@server/skp"
    assert database.resolve_target(tmp_path / "x.db") == str(tmp_path / "x.db")


def test_postgresql_url_is_understood_and_described_without_password():
    pg = database.connect("postgresql://skp:rahasia@10.0.0.5:5432/kinerja")
    assert isinstance(pg, pw.PostgresqlDatabase)
    assert pg.database == "kinerja"
    text = database.describe(pg)
    assert "10.0.0.5" in text and "kinerja" in text and "rahasia" not in text


def test_sqlite_url_gets_the_same_pragmas(tmp_path):
    lite = database.connect(f"sqlite:///{tmp_path / 'u.db'}")
    lite.connect()
    assert lite.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    lite.close()


def test_corrupt_file_is_refused_with_a_clear_message(db_path):
    database.open_database(db_path).close()
    db.initialize(None)
    data = bytearray(db_path.read_bytes())
    # Overwrite everything after the header page: the schema pages are destroyed.
    data[4096:] = b"\xa5" * (len(data) - 4096)
    db_path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    with pytest.raises(database.DatabaseOpenError, match="rusak.*cadangan"):
        database.open_database(db_path)


def test_a_file_that_is_not_a_database(tmp_path):
    bogus = tmp_path / "catatan.db"
    bogus.write_text("ini bukan basis data " * 300)
    with pytest.raises(database.DatabaseOpenError, match="rusak"):
        database.open_database(bogus)


def test_foreign_sqlite_database_is_not_taken_over(tmp_path):
    other = tmp_path / "lain.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE stuff (x)")
    con.commit()
    con.close()
    with pytest.raises(database.DatabaseOpenError, match="bukan basis data skpdesk"):
        database.open_database(other)
    con = sqlite3.connect(other)
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master")] == ["stuff"]
    con.close()


def test_database_from_a_newer_version_is_refused(fresh_db, db_path):
    fresh_db.execute_sql(
        "INSERT INTO schema_version (version, applied_at) VALUES (?, '2030-01-01')",
        (database.CURRENT_VERSION + 1,),
    )
    fresh_db.close()
    with pytest.raises(database.DatabaseOpenError, match="lebih baru"):
        database.open_database(db_path)


def _office_with_one_pegawai(aktor):
    return tambah_pegawai(
        aktor, DataPegawai(nip="198503152010012003", nama="Sri Rahayu", golongan="III/b")
    )


def test_migration_copies_the_file_first_and_keeps_the_data(kantor_siap, fresh_db, db_path):
    _office_with_one_pegawai(kantor_siap)
    history_before = Riwayat.select().count()

    def add_tmt_jabatan(database_: pw.Database) -> None:
        database_.execute_sql("ALTER TABLE pegawai ADD COLUMN tmt_jabatan DATE")

    nxt = database.CURRENT_VERSION + 1
    copy = database.migrate(fresh_db, migrations={nxt: add_tmt_jabatan}, current=nxt)

    assert database.schema_version(fresh_db) == nxt
    cols = [c.name for c in fresh_db.get_columns("pegawai")]
    assert "tmt_jabatan" in cols
    assert Pegawai.get().nama == "Sri Rahayu"
    assert Riwayat.select().count() == history_before
    # The copy is a complete database of the version before, with the same data.
    assert copy is not None and copy.parent == db_path.parent / "cadangan"
    con = sqlite3.connect(copy)
    assert con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == nxt - 1
    assert con.execute("SELECT nama FROM pegawai").fetchall() == [("Sri Rahayu",)]
    assert "tmt_jabatan" not in [r[1] for r in con.execute("PRAGMA table_info(pegawai)")]
    con.close()


def test_failed_migration_leaves_the_database_as_it_was(kantor_siap, fresh_db):
    _office_with_one_pegawai(kantor_siap)

    def broken(database_: pw.Database) -> None:
        database_.execute_sql("ALTER TABLE pegawai ADD COLUMN sementara TEXT")
        raise RuntimeError("langkah gagal di tengah jalan")

    nxt = database.CURRENT_VERSION + 1
    with pytest.raises(RuntimeError):
        database.migrate(fresh_db, migrations={nxt: broken}, current=nxt)
    assert database.schema_version(fresh_db) == nxt - 1
    assert "sementara" not in [c.name for c in fresh_db.get_columns("pegawai")]
    assert Pegawai.select().count() == 1


def test_missing_migration_step_is_reported(fresh_db):
    nxt = database.CURRENT_VERSION + 1
    with pytest.raises(database.DatabaseOpenError, match=f"skema {nxt}"):
        database.migrate(fresh_db, migrations={}, current=nxt)


def test_history_is_append_only_in_the_database_itself(kantor_siap):
    row = Riwayat.select().first()
    with pytest.raises(pw.IntegrityError, match="riwayat"):
        Riwayat.update(catatan="diubah").where(Riwayat.id == row.id).execute()
    with pytest.raises(pw.IntegrityError, match="riwayat"):
        Riwayat.delete().where(Riwayat.id == row.id).execute()


def test_foreign_keys_are_enforced(kantor_siap):
    unit = kantor.instansi().unit_kerja.first()
    with pytest.raises(pw.IntegrityError):
        kantor.instansi().delete_instance()
    assert unit is not None


def test_postgresql_without_a_reachable_server_is_a_clear_message():
    # Either the driver is not installed or nothing listens on this port: both are explained.
    with pytest.raises(database.DatabaseOpenError, match="PostgreSQL|tidak dapat dibuka"):
        database.open_database("postgresql://skp:x@127.0.0.1:9/kinerja")


def columns(path: Path) -> dict[str, list[str]]:
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {
            t: sorted(r[1] for r in con.execute(f'PRAGMA table_info("{t}")')) for t in tables
        }
    finally:
        con.close()


def test_real_migration_from_the_previous_version_keeps_the_data(tmp_path, db_path):
    """A database left by the previous release opens in this one, copied first, data intact."""
    previous = database.CURRENT_VERSION - 1
    old = Path(__file__).with_name(f"schema_v{previous}.sql").read_text(encoding="utf-8")
    con = sqlite3.connect(db_path)
    con.executescript(old)
    con.execute("INSERT INTO schema_version (version, applied_at) VALUES (?, '2026-01-05')",
                (previous,))
    con.execute(
        "INSERT INTO instansi (id, nama, pemerintah_daerah, alamat, dibuat) "
        "VALUES ('11111111-1111-1111-1111-111111111111', 'Kecamatan Lama', '', '', '2026-01-05')"
    )
    con.execute(
        "INSERT INTO pegawai (id, nip, nama, gelar_depan, gelar_belakang, status, golongan, aktif,"
        " dibuat, diubah) VALUES ('22222222-2222-2222-2222-222222222222', '198503152010012003',"
        " 'Sri Rahayu', '', 'S.Sos.', 'PNS', 'III/b', 1, '2026-01-05', '2026-01-05')"
    )
    con.execute(
        "INSERT INTO riwayat (id, entitas, entitas_id, aksi, oleh_nama, waktu, catatan, nomor) "
        "VALUES ('33333333-3333-3333-3333-333333333333', 'Pegawai', "
        "'22222222-2222-2222-2222-222222222222', 'tambah', 'admin', '2026-01-05', '', 1)"
    )
    con.commit()
    con.close()

    opened = database.open_database(db_path)
    try:
        assert database.schema_version(opened) == database.CURRENT_VERSION
        assert Pegawai.get().nama_lengkap == "Sri Rahayu, S.Sos."
        assert Riwayat.get().aksi == "tambah"
    finally:
        opened.close()
        db.initialize(None)
    copies = list((db_path.parent / "cadangan").glob("*.db"))
    assert len(copies) == 1
    fresh = tmp_path / "baru.db"
    database.open_database(fresh).close()
    db.initialize(None)
    assert columns(db_path) == columns(fresh)
