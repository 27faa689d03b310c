"""Shared fixtures: a fresh database per test, cheap password hashing, a clock the test moves,
a ready office, the demo office (built once per session, copied per test).

Plain helpers the fixtures build on are in ``tests/helpers.py``.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
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
from tests.helpers import (  # noqa: E402
    KDF_MURAH,
    berkas_kantor,
    buka_salinan,
    hasher_murah,
    pasang_jam,
)

ADMIN_SANDI = "rahasia123"


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
def fresh_db(db_path: Path):
    """An empty, migrated SQLite database in a temporary folder."""
    database_ = database.open_database(db_path)
    yield database_
    database_.close()
    db.initialize(None)


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
def demo_copy(demo_file, tmp_path, lepas_db) -> Path:
    """A copy of the whole demo office, not opened: for the command line, which opens it."""
    path = tmp_path / "kantor.db"
    shutil.copy(demo_file, path)
    return path


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
