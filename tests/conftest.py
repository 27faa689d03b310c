"""Shared fixtures: a fresh database per test, cheap password hashing, a ready office, the demo
office in a file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from argon2 import PasswordHasher

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from skpdesk.domain.kepegawaian import Peran  # noqa: E402
from skpdesk.services import akun as akun_service  # noqa: E402
from skpdesk.services import demo, kantor  # noqa: E402
from skpdesk.services import kunci as kunci_service  # noqa: E402
from skpdesk.services.context import Aktor  # noqa: E402
from skpdesk.store import database  # noqa: E402
from skpdesk.store.models import db  # noqa: E402

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
    monkeypatch.setattr(
        akun_service, "hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    )
    monkeypatch.setattr(kunci_service, "KDF", {"t": 1, "m": 64, "p": 1})


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


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory) -> Path:
    """The demo office in a file, made once: building it takes seconds, copying it does not."""
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.db"
    saved = akun_service.hasher, kunci_service.KDF
    akun_service.hasher = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    kunci_service.KDF = {"t": 1, "m": 64, "p": 1}
    try:
        opened = database.open_database(path)
        demo.buat_kantor_demo()
        opened.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        opened.close()
    finally:
        akun_service.hasher, kunci_service.KDF = saved
        db.initialize(None)
    return path
