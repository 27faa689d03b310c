"""Schema 7 → 8: history numbers from a sequence on PostgreSQL, continuing after the rows there.

SQLite's step changes nothing (one writer at a time numbers without a race); the test runs on
both engines (``make test``, ``make test-pg``).
"""

from __future__ import annotations

import peewee as pw

from skpdesk.services import pegawai as pegawai_service
from skpdesk.services.pegawai import DataPegawai
from skpdesk.store import database, segel
from skpdesk.store.models import Riwayat, SchemaVersion, db
from tests.helpers import sql


def _a_schema_7_database(fresh_db: pw.Database) -> None:
    """What a schema-7 office looks like: rows numbered 1…n, and no sequence on PostgreSQL."""
    SchemaVersion.update(version=7).where(SchemaVersion.version == 8).execute()
    if isinstance(fresh_db, pw.PostgresqlDatabase):
        fresh_db.execute_sql(f"DROP SEQUENCE {segel.URUTAN_NOMOR}")


def test_numbers_continue_after_the_rows_already_there(kantor_siap, db_target):
    admin = kantor_siap
    before = Riwayat.select(pw.fn.MAX(Riwayat.nomor)).scalar()
    assert before > 0
    _a_schema_7_database(db.obj)
    db.obj.close()

    opened = database.open_database(db_target)
    try:
        assert database.schema_version(opened) == database.CURRENT_VERSION == 8
        made = pegawai_service.tambah_pegawai(admin, DataPegawai(
            nip="199001012015031001", nama="Budi Santoso", status="PNS", golongan="III/a"))
        row = Riwayat.get((Riwayat.entitas == "Pegawai") & (Riwayat.entitas_id == str(made.id)))
        assert row.nomor == before + 1
        numbers = [n for (n,) in Riwayat.select(Riwayat.nomor).tuples()]
        assert len(numbers) == len(set(numbers))
    finally:
        opened.close()


def test_a_fresh_database_numbers_from_one(fresh_db):
    assert segel.nomor_berikut() == 1
    if isinstance(fresh_db, pw.PostgresqlDatabase):
        # The sequence hands out each number once, even to transactions that roll back.
        assert segel.nomor_berikut() == 2
        count = fresh_db.execute_sql(
            sql("SELECT COUNT(*) FROM pg_class WHERE relkind = 'S' AND relname = ?"),
            (segel.URUTAN_NOMOR,)).fetchone()[0]
        assert count == 1
