"""Shared fixtures: a fresh database per test, cheap password hashing, a clock the test moves,
a ready office, the demo office (built once per session, copied per test).

With ``SKPDESK_TEST_PG=1`` (``make test-pg``) every database is a PostgreSQL one in a throwaway
cluster (``tests/pg.py``); tests marked ``sqlite_only`` are skipped there, with their reason.

Plain helpers the fixtures build on are in ``tests/helpers.py``.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from contextlib import ExitStack
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from skpdesk.domain.kepegawaian import Peran  # noqa: E402
from skpdesk.services import akun as akun_service  # noqa: E402
from skpdesk.services import demo, kantor  # noqa: E402
from skpdesk.services import kunci as kunci_service  # noqa: E402
from skpdesk.services.context import Aktor  # noqa: E402
from skpdesk.store import database  # noqa: E402
from skpdesk.store.models import db  # noqa: E402
from tests import pg  # noqa: E402
from tests.helpers import (  # noqa: E402
    KDF_MURAH,
    berkas_kantor,
    buka_salinan,
    hasher_murah,
    pasang_jam,
)

ADMIN_SANDI = "rahasia123"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On a PostgreSQL run, skip what is SQLite by nature, saying why."""
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is None:
            continue
        reason = marker.args[0] if marker.args else ""
        if not reason:
            raise pytest.UsageError(f"{item.nodeid}: sqlite_only needs a reason")
        if pg.aktif():
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))


@pytest.fixture(scope="session", autouse=True)
def _pg_cluster():
    """On a PostgreSQL run: the cluster, and an empty migrated database to copy per test."""
    if not pg.aktif():
        yield None
        return
    cluster = pg.mulai()
    try:
        opened = database.open_database(cluster.create(pg.TEMPLAT_KOSONG))
        opened.close()
        db.initialize(None)
        yield cluster
    finally:
        pg.selesai()


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Nothing a test does may touch the real per-user data folder."""
    data = tmp_path / "data"
    monkeypatch.setenv(database.ENV_DATA_DIR, str(data))
    monkeypatch.delenv(database.ENV_URL, raising=False)
    return data


@pytest.fixture(autouse=True)
def _cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(akun_service, "hasher", hasher_murah())
    monkeypatch.setattr(kunci_service, "KDF", KDF_MURAH)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "skpdesk.db"


@pytest.fixture
def db_target(db_path: Path):
    """Where this test's database lives: the SQLite file ``db_path``, or on a PostgreSQL run
    the URL of a database of its own, copied from the migrated empty template."""
    if pg.aktif():
        with pg.salinan(pg.TEMPLAT_KOSONG) as url:
            yield url
    else:
        yield db_path


@pytest.fixture
def db_lain(tmp_path: Path):
    """Other empty databases of the run's engine, by name (another laptop, another office):
    ``tmp_path/<name>/skpdesk.db``, or on a PostgreSQL run a database of its own each."""
    with ExitStack() as stack:

        def baru(name: str) -> Path | str:
            if pg.aktif():
                return stack.enter_context(pg.salinan(pg.TEMPLAT_KOSONG))
            return tmp_path / name / "skpdesk.db"

        yield baru


@pytest.fixture
def fresh_db(db_target):
    """An empty, migrated database, open (see ``db_target``)."""
    database_ = database.open_database(db_target)
    yield database_
    database_.close()
    db.initialize(None)


@pytest.fixture
def folder_data(db_path: Path, _isolated_data_dir: Path) -> Path:
    """Where the documents of the test's database go: beside a SQLite file, else the per-user
    data folder (a server has no folder of its own)."""
    return _isolated_data_dir if pg.aktif() else db_path.parent


@pytest.fixture
def kantor_siap(fresh_db) -> Aktor:
    """A set-up office with three units; returns the administrator acting."""
    kantor.siapkan_kantor(
        kantor.DataKantor(
            nama_instansi="Kecamatan Contoh",
            pemerintah_daerah="Pemerintah Kabupaten Contoh",
            alamat="Jl. Merdeka No. 1",
            tempat="Contoh",
            unit=["Sekretariat", "Seksi Pemerintahan", "Seksi Pelayanan Umum"],
            admin_login="admin",
            admin_sandi=ADMIN_SANDI,
        )
    )
    aktor = akun_service.masuk("admin", ADMIN_SANDI)
    assert aktor.punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    return aktor


@pytest.fixture
def lepas_db():
    """Unbind whatever database the test left bound (the CLI opens its own)."""
    yield
    if db.obj is not None:
        db.obj.close()
    db.initialize(None)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[dt.datetime]:
    """The services' clock at ``helpers.MULAI``; the test moves it (``clock[0] += …``).

    A module whose tests need another moment overrides this fixture with its own ``pasang_jam``.
    """
    return pasang_jam(monkeypatch)


@pytest.fixture
def kantor_demo(fresh_db, clock) -> None:
    """The demo kecamatan's units, people and accounts, no SKP yet, built at the test's clock."""
    demo.buat_kantor_demo(dengan_skp=False)


# --- the demo office, built once into a file and copied per test --------------------------------


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory) -> Path:
    """The whole demo office (with its evaluated years) at the real clock: seconds to build."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with berkas_kantor(path):
        demo.buat_kantor_demo()
    return path


@pytest.fixture(scope="session")
def demo_file_tanpa_evaluasi(tmp_path_factory) -> Path:
    """The demo office with this year's SKPs but no evaluated years, at the real clock."""
    path = tmp_path_factory.mktemp("demo_tanpa_evaluasi") / "demo.db"
    with berkas_kantor(path):
        demo.buat_kantor_demo(dengan_evaluasi=False)
    return path


@pytest.fixture
def demo_copy(demo_file, tmp_path, lepas_db):
    """A copy of the whole demo office, not opened: for the command line, which opens it.

    A file path, or on a PostgreSQL run the URL of a database copied from the demo template.
    """
    if pg.aktif():
        with pg.salinan(pg.templat_untuk(demo_file)) as url:
            yield url
        return
    path = tmp_path / "kantor.db"
    shutil.copy(demo_file, path)
    yield path


@pytest.fixture
def demo_db(demo_file, db_path):
    """A copy of the whole demo office, open."""
    with buka_salinan(demo_file, db_path) as opened:
        yield opened


@pytest.fixture
def demo_db_tanpa_evaluasi(demo_file_tanpa_evaluasi, db_path):
    """A copy of the demo office without evaluated years, open."""
    with buka_salinan(demo_file_tanpa_evaluasi, db_path) as opened:
        yield opened


# --- a PostgreSQL server whatever the switch (the office-server tests) ---------------------------


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL cluster for the tests of the office server: the run's own on a PostgreSQL
    run, else one started for them. Never skipped: without PostgreSQL's programs it fails and
    says what to install (tests/pg.py)."""
    if pg.aktif():
        cluster = pg.cluster()
        pg.dengan_sandi(cluster)
        yield cluster
        return
    cluster = pg.Cluster()
    try:
        cluster.start()
    except BaseException:
        shutil.rmtree(cluster.root, ignore_errors=True)
        raise
    try:
        pg.dengan_sandi(cluster)
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def server_kosong(pg_server, lepas_db):
    """The URL of an empty database (no table at all) on ``pg_server``, dropped afterwards."""
    pg_server._n += 1
    name = f"server_{pg_server._n}"
    url = pg_server.create(name)
    try:
        yield url
    finally:
        if db.obj is not None:
            db.obj.close()
        db.initialize(None)
        pg_server.drop(name)


@pytest.fixture(scope="session")
def demo_berkas(demo_file, tmp_path_factory) -> Path:
    """The demo office as a SQLite file whatever the engine of the run (what migrate-to moves)."""
    if not pg.aktif():
        return demo_file
    path = tmp_path_factory.mktemp("demo_sqlite") / "demo.db"
    with berkas_kantor(path, sqlite=True):
        demo.buat_kantor_demo()
    return path


@pytest.fixture
def laptop_demo(demo_berkas, tmp_path) -> Path:
    """A copy of the demo office's file, not opened: the laptop that moves to the server."""
    path = tmp_path / "laptop" / "skpdesk.db"
    path.parent.mkdir()
    shutil.copy(demo_berkas, path)
    return path
