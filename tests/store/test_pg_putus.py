"""A dropped PostgreSQL connection: a clear message (KoneksiTerputus), nothing half applied,
the next call connects again; a stopped server fails the open within its timeout. Runs in
every test run against a cluster of its own (tests/pg.py), whatever engine the run uses."""

from __future__ import annotations

import psycopg2
import pytest

from skpdesk.services import akun, kantor
from skpdesk.services.errors import BasisDataSibuk, KoneksiTerputus, LayananError
from skpdesk.store import database
from skpdesk.store.models import db
from tests import pg

SANDI = "rahasia123"


@pytest.fixture(scope="module")
def cluster():
    started = pg.Cluster()
    started.start()
    try:
        yield started
    finally:
        started.stop()


@pytest.fixture
def kantor_pg(cluster, request):
    name = f"putus_{request.node.name[:40]}".lower()
    url = cluster.create(name)
    database.open_database(url)
    kantor.siapkan_kantor(kantor.DataKantor(
        nama_instansi="Kecamatan Contoh", pemerintah_daerah="Pemerintah Kabupaten Contoh",
        alamat="Jl. Merdeka No. 1", tempat="Contoh", unit=["Sekretariat"],
        admin_login="admin", admin_sandi=SANDI,
    ))
    aktor = akun.masuk("admin", SANDI)
    yield cluster, name, aktor
    if db.obj is not None:
        db.obj.close()
    db.initialize(None)
    cluster.drop(name)


def _sql(cluster: pg.Cluster, name: str, statement: str) -> list[tuple]:
    """What a connection of its own sees (never the app's)."""
    conn = psycopg2.connect(host="127.0.0.1", port=cluster.port, user=pg.SUPERUSER, dbname=name)
    try:
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(statement)
            return cur.fetchall() if cur.description else []
    finally:
        conn.close()


def _putuskan(cluster: pg.Cluster, name: str) -> int:
    """Kill every backend of ``name`` but the caller's, as a server restart would."""
    rows = _sql(cluster, name, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                f"WHERE datname = '{name}' AND pid <> pg_backend_pid()")
    return len(rows)


def _units(cluster, name) -> int:
    return _sql(cluster, name, "SELECT COUNT(*) FROM unit_kerja")[0][0]


def _history(cluster, name) -> int:
    return _sql(cluster, name, "SELECT COUNT(*) FROM riwayat")[0][0]


def test_the_connection_has_timeouts_and_the_url_wins(cluster):
    made = database.connect(cluster.url("x") + "?connect_timeout=2")
    params = made.connect_params
    assert params["connect_timeout"] == 2
    assert params["keepalives"] == 1 and params["keepalives_idle"] > 0
    assert "statement_timeout" in params["options"]


def test_the_server_applies_the_statement_timeout(kantor_pg):
    assert db.obj.execute_sql("SHOW statement_timeout").fetchone()[0] == "30s"


def test_a_killed_connection_is_reported_writes_nothing_and_the_next_call_reconnects(kantor_pg):
    cluster, name, admin = kantor_pg
    units, history = _units(cluster, name), _history(cluster, name)
    assert _putuskan(cluster, name) == 1
    with pytest.raises(KoneksiTerputus) as lost:
        kantor.tambah_unit(admin, "Seksi Ketenteraman", None)
    assert isinstance(lost.value, LayananError)
    assert "Sambungan ke server basis data terputus" in str(lost.value)
    assert (_units(cluster, name), _history(cluster, name)) == (units, history)
    kantor.tambah_unit(admin, "Seksi Ketenteraman", None)
    assert (_units(cluster, name), _history(cluster, name)) == (units + 1, history + 1)


def test_a_transaction_cut_midway_leaves_no_partial_rows(kantor_pg, monkeypatch):
    cluster, name, admin = kantor_pg
    units, history = _units(cluster, name), _history(cluster, name)
    real = kantor.catat

    def catat_after_the_server_went_away(*args, **kwargs):
        # The unit row is written by now; its history row is not.
        _putuskan(cluster, name)
        return real(*args, **kwargs)

    monkeypatch.setattr(kantor, "catat", catat_after_the_server_went_away)
    with pytest.raises(KoneksiTerputus):
        kantor.tambah_unit(admin, "Seksi Ketenteraman", None)
    assert not db.obj.in_transaction()
    assert (_units(cluster, name), _history(cluster, name)) == (units, history)
    monkeypatch.setattr(kantor, "catat", real)
    kantor.tambah_unit(admin, "Seksi Ketenteraman", None)
    assert (_units(cluster, name), _history(cluster, name)) == (units + 1, history + 1)


def test_a_lock_held_past_the_statement_timeout_is_busy_not_a_traceback(kantor_pg):
    cluster, name, admin = kantor_pg
    db.obj.close()
    database.open_database(cluster.url(name) + "?options=-c%20statement_timeout%3D1000")
    other = psycopg2.connect(host="127.0.0.1", port=cluster.port, user=pg.SUPERUSER,
                             dbname=name)
    try:
        with other.cursor() as cur:
            cur.execute("LOCK TABLE unit_kerja IN ACCESS EXCLUSIVE MODE")
            with pytest.raises(BasisDataSibuk):
                kantor.tambah_unit(admin, "Seksi Ketenteraman", None)
        other.rollback()
    finally:
        other.close()
    kantor.tambah_unit(admin, "Seksi Ketenteraman", None)
    assert [r[0] for r in _sql(cluster, name, "SELECT nama FROM unit_kerja ORDER BY nama")
            ].count("Seksi Ketenteraman") == 1


def test_a_stopped_server_is_reported_and_an_open_fails_with_a_clear_message():
    own = pg.Cluster()
    own.start()
    stopped = False
    try:
        url = own.create("kantor")
        database.open_database(url)
        kantor.siapkan_kantor(kantor.DataKantor(
            nama_instansi="Kecamatan Contoh", pemerintah_daerah="", alamat="", tempat="Contoh",
            admin_login="admin", admin_sandi=SANDI,
        ))
        admin = akun.masuk("admin", SANDI)
        own.stop()
        stopped = True
        with pytest.raises(KoneksiTerputus):
            kantor.tambah_unit(admin, "Seksi Ketenteraman", None)
        with pytest.raises(KoneksiTerputus):  # still down: the reconnect fails the same way
            kantor.tambah_unit(admin, "Seksi Ketenteraman", None)
        db.obj.close()
        db.initialize(None)
        with pytest.raises(database.DatabaseOpenError, match="tidak dapat dihubungi"):
            database.open_database(url)
    finally:
        if db.obj is not None:
            db.obj.close()
        db.initialize(None)
        if not stopped:
            own.stop()
