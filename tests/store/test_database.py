"""Opening the database: location, pragmas, integrity check, schema version and migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee as pw
import pytest

from skpdesk.services import kantor
from skpdesk.services.pegawai import DataPegawai, tambah_pegawai
from skpdesk.store import database
from skpdesk.store.models import Pegawai, Riwayat, SchemaVersion, db

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


def test_fresh_database_version_and_integrity(fresh_db):
    assert database.schema_version(fresh_db) == database.CURRENT_VERSION
    assert database.integrity_check(fresh_db) == "ok"


@pytest.mark.sqlite_only("SQLite pragmas")
def test_fresh_database_pragmas(fresh_db):
    pragma = lambda name: fresh_db.execute_sql(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") == 5000
    assert pragma("synchronous") == 2  # FULL


@pytest.mark.sqlite_only("the snapshot is SQLite's schema SQL (sqlite_master)")
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


@pytest.mark.sqlite_only("SQLite pragmas")
def test_sqlite_url_gets_the_same_pragmas(tmp_path):
    lite = database.connect(f"sqlite:///{tmp_path / 'u.db'}")
    lite.connect()
    assert lite.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    lite.close()


@pytest.mark.sqlite_only("a damaged SQLite file")
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


@pytest.mark.sqlite_only("a file that is not a SQLite database")
def test_a_file_that_is_not_a_database(tmp_path):
    bogus = tmp_path / "catatan.db"
    bogus.write_text("ini bukan basis data " * 300)
    with pytest.raises(database.DatabaseOpenError, match="rusak"):
        database.open_database(bogus)


@pytest.mark.sqlite_only("a foreign SQLite file, made with sqlite3")
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


def test_database_from_a_newer_version_is_refused(fresh_db, db_target):
    SchemaVersion.create(version=database.CURRENT_VERSION + 1)
    fresh_db.close()
    with pytest.raises(database.DatabaseOpenError, match="lebih baru"):
        database.open_database(db_target)


def _office_with_one_pegawai(aktor):
    return tambah_pegawai(
        aktor, DataPegawai(nip="198503152010012003", nama="Sri Rahayu", golongan="III/b")
    )


def _add_tmt_jabatan(database_: pw.Database) -> None:
    database_.execute_sql("ALTER TABLE pegawai ADD COLUMN tmt_jabatan DATE")


def test_migration_runs_its_step_and_keeps_the_data(kantor_siap, fresh_db):
    _office_with_one_pegawai(kantor_siap)
    history_before = Riwayat.select().count()
    nxt = database.CURRENT_VERSION + 1
    database.migrate(fresh_db, migrations={nxt: _add_tmt_jabatan}, current=nxt)

    assert database.schema_version(fresh_db) == nxt
    cols = [c.name for c in fresh_db.get_columns("pegawai")]
    assert "tmt_jabatan" in cols
    assert Pegawai.get().nama == "Sri Rahayu"
    assert Riwayat.select().count() == history_before


@pytest.mark.sqlite_only("the copy before a migration is a SQLite file, read with sqlite3")
def test_migration_copies_the_file_first(kantor_siap, fresh_db, db_path):
    _office_with_one_pegawai(kantor_siap)
    nxt = database.CURRENT_VERSION + 1
    copy = database.migrate(fresh_db, migrations={nxt: _add_tmt_jabatan}, current=nxt)
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
    row = Riwayat.select().where(Riwayat.hash.is_null(False)).first()
    with pytest.raises(pw.IntegrityError, match="riwayat"):
        Riwayat.update(catatan="diubah").where(Riwayat.id == row.id).execute()
    # Not even the seal of a sealed row may be written again.
    with pytest.raises(pw.IntegrityError, match="riwayat"):
        Riwayat.update(hash="0" * 64).where(Riwayat.id == row.id).execute()
    with pytest.raises(pw.IntegrityError, match="riwayat"):
        Riwayat.delete().where(Riwayat.id == row.id).execute()
    kept = Riwayat.get_by_id(row.id)
    assert (kept.catatan, kept.hash) == (row.catatan, row.hash)


def test_an_unsealed_history_row_may_only_receive_its_seal(kantor_siap):
    # Written straight through the model, outside catat(): nothing seals it at commit.
    last = Riwayat.select(pw.fn.MAX(Riwayat.nomor)).scalar()
    row = Riwayat.create(nomor=last + 1, entitas="Pegawai", entitas_id="x", aksi="uji",
                         oleh_nama="sistem")
    assert Riwayat.get_by_id(row.id).hash is None
    for change in ({"catatan": "diubah"}, {"nomor": last + 5}, {"aksi": "lain"}):
        with pytest.raises(pw.IntegrityError, match="riwayat"):
            Riwayat.update(**change).where(Riwayat.id == row.id).execute()
    with pytest.raises(pw.IntegrityError, match="riwayat"):
        Riwayat.delete().where(Riwayat.id == row.id).execute()

    seal = {"hash_sebelum": "", "hash_isi": "1" * 64, "hash": "2" * 64, "kunci": None,
            "tanda_tangan": None}
    assert Riwayat.update(**seal).where(Riwayat.id == row.id).execute() == 1
    assert Riwayat.get_by_id(row.id).hash == "2" * 64
    with pytest.raises(pw.IntegrityError, match="riwayat"):
        Riwayat.update(hash="3" * 64).where(Riwayat.id == row.id).execute()


def test_foreign_keys_are_enforced(kantor_siap):
    unit = kantor.instansi().unit_kerja.first()
    with pytest.raises(pw.IntegrityError):
        kantor.instansi().delete_instance()
    assert unit is not None


def test_postgresql_without_a_reachable_server_is_a_clear_message():
    # Either the driver is not installed or nothing listens on this port: both are explained.
    with pytest.raises(database.DatabaseOpenError, match="PostgreSQL|tidak dapat dihubungi"):
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


@pytest.mark.sqlite_only("the previous release's schema is SQLite SQL, written with sqlite3")
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
