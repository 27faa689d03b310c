"""Helpers the tests share: a clock the test moves, a cheap hasher, an office built into a file
once, logging in as a demo person, spreadsheets to import.

Fixtures live in ``tests/conftest.py``; these are plain functions a test or a fixture calls.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from openpyxl import Workbook

from skpdesk.domain.skp import IsianIKI, IsianRHK
from skpdesk.services import akun as akun_service
from skpdesk.services import context, demo, impor, pp46
from skpdesk.services import kunci as kunci_service
from skpdesk.services import skp as skp_service
from skpdesk.services.context import Aktor
from skpdesk.services.pp46 import IsianKegiatan
from skpdesk.services.skp import IsiSKP
from skpdesk.store import database
from skpdesk.store.models import MODELS, SKP, Akun, Pegawai, UnitKerja, db
from tests import pg

# Where the services' clock stands in most chain tests: the first working Monday of 2026.
MULAI = dt.datetime(2026, 1, 5, 1, 0)


# --- time and hashing ---------------------------------------------------------------------------


# The key-derivation cost of services/kunci.py at its smallest, for the same reason.
KDF_MURAH = {"t": 1, "m": 64, "p": 1}


def hasher_murah() -> PasswordHasher:
    """argon2 with the smallest cost: the real one takes a second per hash, on purpose."""
    return PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)


def pasang_jam(monkeypatch: pytest.MonkeyPatch, mulai: dt.datetime = MULAI) -> list[dt.datetime]:
    """Point the services' clock at ``mulai``; the test moves it by hand (``jam[0] += …``)."""
    moment = [mulai]
    monkeypatch.setattr(context, "clock", lambda: moment[0])
    return moment


@contextmanager
def berkas_kantor(path: Path, mulai: dt.datetime | None = None, *,
                  sqlite: bool = False) -> Iterator[list | None]:
    """Open a new database file at ``path`` for a build that is done once and copied per test.

    Hashing is cheap and the data folder is beside the file while the block runs; the clock
    stands at ``mulai`` (yielded, to be moved) or is the real one when ``mulai`` is None. The
    file is checkpointed and closed at the end, so that a copy of it holds everything. On a
    PostgreSQL run the path names a template database instead (``tests/pg.py``), unless
    ``sqlite`` asks for the file whatever the engine.
    """
    in_pg = pg.aktif() and not sqlite
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(akun_service, "hasher", hasher_murah())
        mp.setattr(kunci_service, "KDF", KDF_MURAH)
        mp.setenv(database.ENV_DATA_DIR, str(path.parent / "data"))
        mp.delenv(database.ENV_URL, raising=False)
        jam = pasang_jam(mp, mulai) if mulai is not None else None
        if in_pg:
            opened = database.open_database(pg.cluster().create(pg.templat_untuk(path)))
        else:
            opened = database.open_database(path)
        try:
            yield jam
            if not in_pg:
                opened.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            opened.close()
            db.initialize(None)


@contextmanager
def buka_salinan(berkas: Path, db_path: Path) -> Iterator[Any]:
    """Copy a built office file to ``db_path`` and keep it open while the block runs.

    On a PostgreSQL run: a database of the test's own, copied from the office's template.
    """
    with pg.salinan(pg.templat_untuk(berkas)) if pg.aktif() else nullcontext(db_path) as target:
        if not pg.aktif():
            shutil.copy(berkas, db_path)
        opened = database.open_database(target)
        try:
            yield opened
        finally:
            opened.close()
            db.initialize(None)


@contextmanager
def terbuka(target: Path | str) -> Iterator[Any]:
    """Open a database the test hands to the command line (a path or URL) for a quick look."""
    opened = database.open_database(target)
    try:
        yield opened
    finally:
        opened.close()
        db.initialize(None)


# --- laptops: one database file and data folder each ---------------------------------------------


class Laptop:
    """One person's laptop: its own database and data folder (packages travel between them as
    files). The database is a file of its own unless ``target`` (a path or a URL) says where."""

    def __init__(self, root: Path, name: str, monkeypatch: pytest.MonkeyPatch,
                 target: Path | str | None = None) -> None:
        self.name = name
        self.path = root / name / "skpdesk.db"
        self.target = self.path if target is None else target
        self.data = root / name / "data"
        self._mp = monkeypatch

    def pakai(self) -> Laptop:
        """Close whatever database is open and open this laptop's."""
        if db.obj is not None:
            db.obj.close()
        self._mp.setenv(database.ENV_DATA_DIR, str(self.data))
        database.open_database(self.target)
        return self


def dump(target: Path | str) -> list:
    """Every row of every table of a database (a file or a URL): what "unchanged" is checked
    against."""
    other = database.connect(str(target))
    try:
        return [(m._meta.table_name, sorted(map(repr, other.execute_sql(
            f"SELECT * FROM {m._meta.table_name}").fetchall()))) for m in MODELS]
    finally:
        other.close()


def ubah_berkas(path: Path, query: str, params: tuple = ()) -> list[tuple]:
    """Change (or read) a SQLite file with the sqlite3 module, as someone holding the file
    would, outside the application."""
    con = sqlite3.connect(path)
    try:
        rows = con.execute(query, params).fetchall()
        con.commit()
        return rows
    finally:
        con.close()


def sasaran(opened: Any) -> Path | str:
    """What the command line's ``--db`` takes to open this database: its file or its URL."""
    path = database.sqlite_path(opened)
    return path if path is not None else pg.cluster().url(opened.database)


# --- people of the demo office ------------------------------------------------------------------


def nip_of(nama: str) -> str:
    return Pegawai.get(Pegawai.nama == nama).nip


def login_nip(nip: str) -> Aktor:
    """Log in with the demo password (a history row ``masuk``, as a person would)."""
    return akun_service.masuk(nip, demo.DEMO_SANDI)


def login(nama: str) -> Aktor:
    """Log in as a demo person by name; ``"admin"`` is the demo administrator."""
    if nama == demo.ADMIN_LOGIN:
        return login_nip(demo.ADMIN_LOGIN)
    return login_nip(nip_of(nama))


def _dengan_kunci(akun: Akun) -> Aktor:
    """The account acting with its keys open when it has the demo password (what it writes is
    then signed, as after a login), else without keys."""
    if akun.kunci_rahasia:
        try:
            wrap = kunci_service.kunci_sandi_untuk(akun.kunci_rahasia, demo.DEMO_SANDI)
            return akun_service.aktor_dengan_sandi(akun, wrap)
        except kunci_service.KunciRusak:
            pass
    return Aktor.dari_akun(akun)


def aktor(login_: str) -> Aktor:
    """The actor of an account without logging in: no ``masuk`` row in the history."""
    return _dengan_kunci(Akun.get(Akun.login == login_))


def aktor_nama(nama: str) -> Aktor:
    """The actor of a demo person's account, by name, without logging in."""
    return _dengan_kunci(Akun.get(Akun.pegawai == Pegawai.get(Pegawai.nama == nama)))


def kesos() -> UnitKerja:
    return UnitKerja.get(UnitKerja.nama == demo.KESOS)


def pp46_disetujui(nama: str, tahun: int, kegiatan: list[IsianKegiatan]) -> SKP:
    """A PP 46/2011 SKP made, filled, submitted and approved through the services."""
    who = login(nama)
    skp = pp46.buat_skp_pp46(who, tahun)
    pp46.simpan_kegiatan(who, skp.id, kegiatan)
    skp_service.ajukan(who, skp.id)
    return skp_service.setujui(login(skp.penilai.nama), skp.id)


# An SKP of the Kesos staff that may be submitted as it is: two IKI and a tugas tambahan.
ISI_VERIFIKASI = IsiSKP(
    pendekatan="KUANTITATIF",
    rhk=[
        IsianRHK(
            "UTAMA",
            "Terlaksananya verifikasi data penerima bantuan sosial",
            [
                IsianIKI("KUANTITAS", "Jumlah data penerima yang diverifikasi", "1.200", "Data"),
                IsianIKI("KUALITAS", "Persentase data valid", "90-100", "%"),
            ],
        ),
        IsianRHK("TAMBAHAN", "Terlaksananya piket layanan", [
            IsianIKI("KUANTITAS", "Jumlah hari piket", "24", "Hari"),
        ]),
    ],
)


def skp_disetujui(who: Aktor, tahun: int = 2026, isi: IsiSKP = ISI_VERIFIKASI) -> SKP:
    """An SKP made, filled, submitted and approved by its penilai through the services."""
    skp = skp_service.buat_skp(who, tahun)
    skp_service.simpan_isi(who, skp.id, isi)
    skp_service.ajukan(who, skp.id)
    return skp_service.setujui(login_nip(skp.penilai.nip), skp.id)


# --- files to import ----------------------------------------------------------------------------


# The import's columns and a note column of the office's own, which the import ignores.
KOLOM_XLSX = [*(k.judul for k in impor.KOLOM), "Keterangan"]


def tulis_xlsx(
    path: Path, rows: Sequence[Sequence[Any]], header: Sequence[Any] | None = None
) -> Path:
    """A roster spreadsheet: one header row (``KOLOM_XLSX`` unless given), then ``rows``."""
    wb = Workbook()
    ws = wb.active
    ws.append(list(KOLOM_XLSX if header is None else header))
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def sql(text: str) -> str:
    """Raw SQL written with ``?`` placeholders, in the open engine's spelling (``%s`` on
    PostgreSQL)."""
    return text.replace("?", db.obj.param)
