"""Another process on the same SQLite file: it holds the write lock (``BEGIN IMMEDIATE``) for a
while, as a second skpdesk in the middle of a save would, then lets go."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from skpdesk.services import akun, kantor
from skpdesk.services.context import Aktor
from skpdesk.store import database
from skpdesk.store.models import db

PEMEGANG = r"""
import select, sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
con.execute("BEGIN IMMEDIATE")
print("siap", flush=True)
# Let go after the given seconds, or at once when the test writes a line.
select.select([sys.stdin], [], [], float(sys.argv[2]))
con.execute("ROLLBACK")
con.close()
print("lepas", flush=True)
"""

SANDI = "rahasia123"


class Pemegang:
    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.proc = proc

    def lepas(self) -> None:
        """Release the lock now and wait until it is released."""
        if self.proc.poll() is None:
            assert self.proc.stdin is not None and self.proc.stdout is not None
            self.proc.stdin.write("\n")
            self.proc.stdin.flush()
            assert self.proc.stdout.readline().strip() == "lepas"
            self.proc.wait(10)

    def selesai(self, batas: float = 30) -> None:
        """Wait until it lets go by itself."""
        self.proc.wait(batas)


@contextmanager
def pegang_kunci_tulis(path: Path | str, detik: float) -> Iterator[Pemegang]:
    """A second process holding SQLite's write lock on ``path`` for at most ``detik``."""
    proc = subprocess.Popen([sys.executable, "-c", PEMEGANG, str(path), str(detik)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    try:
        assert proc.stdout.readline().strip() == "siap"
        yield Pemegang(proc)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(10)


def hitung(path: Path | str, sql: str) -> int:
    """A count read by a connection of its own (what is really in the file)."""
    con = sqlite3.connect(str(path))
    try:
        return int(con.execute(sql).fetchone()[0])
    finally:
        con.close()


def buka_kantor(path: Path) -> Aktor:
    """A small office in a SQLite file at ``path``, whatever engine the run uses; admin in."""
    database.open_database(path)
    kantor.siapkan_kantor(kantor.DataKantor(
        nama_instansi="Kecamatan Contoh", pemerintah_daerah="Pemerintah Kabupaten Contoh",
        alamat="Jl. Merdeka No. 1", tempat="Contoh", unit=["Sekretariat"],
        admin_login="admin", admin_sandi=SANDI,
    ))
    return akun.masuk("admin", SANDI)


def tutup() -> None:
    akun.tunggu_tertunda(30)
    if db.obj is not None:
        db.obj.close()
    db.initialize(None)
