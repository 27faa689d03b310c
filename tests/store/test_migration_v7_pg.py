"""Schema 6 → 7 on PostgreSQL: an office server set up by the release before the signed history
is upgraded in place; the history trigger is there afterwards and the old rows are hashed.

The schema-6 database is built from the current models minus what step 7 adds (three tables,
five history columns, two account columns, the trigger), which is what the schema-6 release
created on PostgreSQL: its models are the current ones without those. The test checks that
claim against the schema-6 DDL kept for SQLite (tables and columns by name), so that a later
change of the models cannot make it silently untrue.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path
from urllib.parse import quote

import peewee as pw
import pytest
from playhouse import migrate as migrate_ops

from skpdesk.services import akun as akun_service
from skpdesk.services import verifikasi
from skpdesk.store import database, segel
from skpdesk.store import models as m
from skpdesk.store.models import MODELS, Akun, Pegawai, Riwayat, SchemaVersion, db

V6 = Path(__file__).with_name("schema_v6.sql")
SANDI = "rahasia123"
V7_TABEL = (m.KunciPublik, m.RiwayatDisisihkan, m.Konflik)
V7_KOLOM = {"akun": ("kunci_rahasia", "kunci_kantor"),
            "riwayat": ("hash_sebelum", "hash_isi", "hash", "kunci", "tanda_tangan")}


def _kolom_v6_sqlite() -> dict[str, set[str]]:
    con = sqlite3.connect(":memory:")
    con.executescript(V6.read_text(encoding="utf-8"))
    tables = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    out = {t: {r[1] for r in con.execute(f'PRAGMA table_info("{t}")')} for t in tables}
    con.close()
    return out


def _v6_pg(opened: pw.Database) -> None:
    """Schema 6 as its release created it on PostgreSQL, with a few rows of that time."""
    with opened.atomic():
        opened.create_tables([x for x in MODELS if x not in V7_TABEL])
        migrator = migrate_ops.SchemaMigrator.from_database(opened)
        migrate_ops.migrate(*[migrator.drop_column(t, c) for t, cols in V7_KOLOM.items()
                              for c in cols])
        SchemaVersion.create(version=6)
        pegawai = Pegawai.create(id=uuid.UUID(int=2), nip="197508122000031004",
                                 nama="Bambang Setiawan")
        Akun.insert(id=uuid.UUID(int=4), login="admin", password_hash=akun_service.hash_sandi(
            SANDI), peran=["KEPEGAWAIAN"]).execute()
        for n, aksi in enumerate(("tambah", "ubah"), start=1):
            opened.execute_sql(
                "INSERT INTO riwayat (id, entitas, entitas_id, aksi, oleh_nama, waktu, catatan,"
                " nomor) VALUES (%s, 'Pegawai', %s, %s, 'admin', '2026-01-05', '', %s)",
                (uuid.UUID(int=30 + n).hex, str(pegawai.id), aksi, n))


def test_the_v6_schema_built_here_is_the_v6_schema(server_kosong):
    opened = database.connect(server_kosong)
    db.initialize(opened)
    _v6_pg(opened)
    built = {t: {c.name for c in opened.get_columns(t)} for t in opened.get_tables()}
    assert built == _kolom_v6_sqlite()


def test_a_v6_server_is_upgraded_with_the_trigger_and_hashed_rows(server_kosong):
    opened = database.connect(server_kosong)
    db.initialize(opened)
    _v6_pg(opened)
    opened.close()
    db.initialize(None)

    opened = database.open_database(server_kosong)
    assert database.schema_version(opened) == database.CURRENT_VERSION
    rows = list(Riwayat.select().order_by(Riwayat.nomor))
    assert [(r.entitas, r.aksi) for r in rows] == [
        ("Pegawai", "tambah"), ("Pegawai", "ubah"), ("Akun", "catat_awal")]
    assert all(r.kunci == segel.KUNCI_LAMA and r.hash for r in rows)
    assert rows[1].hash_sebelum == rows[0].hash and rows[0].hash_sebelum == ""
    trigger = opened.execute_sql(
        "SELECT tgname FROM pg_trigger WHERE tgrelid = 'riwayat'::regclass"
        " AND NOT tgisinternal").fetchall()
    assert ("riwayat_lindungi",) in trigger
    for statement in ("UPDATE riwayat SET catatan = 'diubah'", "DELETE FROM riwayat"):
        with pytest.raises(pw.IntegrityError, match="tidak boleh diubah"), opened.atomic():
            opened.execute_sql(statement)
    # The same schema as a server set up today.
    fresh = {t: {c.name for c in opened.get_columns(t)} for t in opened.get_tables()}
    assert fresh == {x._meta.table_name: {f.column_name for f in x._meta.sorted_fields}
                     for x in MODELS}
    assert verifikasi.periksa().ok
    akun_service.masuk("admin", SANDI)
    laporan = verifikasi.periksa()
    assert laporan.ok and laporan.temuan == []


def test_the_app_role_cannot_upgrade_and_is_told_so_changing_nothing(server_kosong, pg_server):
    from tests import pg

    opened = database.connect(server_kosong)
    db.initialize(opened)
    _v6_pg(opened)
    opened.close()
    db.initialize(None)
    dbname = server_kosong.rsplit("/", 1)[1]
    pg.hak_aplikasi(pg_server, dbname, pg.PERAN_SANDI, segel=False)
    url = (f"postgresql://{pg.PERAN_SANDI}:{quote(pg.SANDI_PERAN, safe='')}@127.0.0.1:"
           f"{pg_server.port}/{dbname}")
    with pytest.raises(database.DatabaseOpenError, match="pemilik basis data") as caught:
        database.open_database(url)
    assert pg.SANDI_PERAN not in str(caught.value)
    db.initialize(None)
    check = database.connect(server_kosong)
    try:
        assert database.schema_version(check) == 6
        assert "kunci_publik" not in check.get_tables()
    finally:
        check.close()
