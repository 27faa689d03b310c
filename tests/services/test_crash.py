"""A process killed in the middle of a batch of operations loses nothing it had committed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from skpdesk.store import database
from skpdesk.store.models import Riwayat, UnitKerja, db

# The child adds units one service call at a time and prints each id once the call returned,
# i.e. once its transaction committed.
CHILD = textwrap.dedent(
    """
    import sys
    from argon2 import PasswordHasher
    from skpdesk.services import akun, kantor
    from skpdesk.store.database import open_database

    akun.hasher = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    open_database(sys.argv[1])
    kantor.siapkan_kantor(kantor.DataKantor(
        nama_instansi="Kecamatan Uji", pemerintah_daerah="", alamat="", tempat="Uji",
        admin_login="admin", admin_sandi="rahasia123"))
    aktor = akun.masuk("admin", "rahasia123")
    print("siap", flush=True)
    i = 0
    while True:
        i += 1
        unit = kantor.tambah_unit(aktor, f"Unit {i:05d}", None)
        print(unit.id.hex, flush=True)
    """
)
WANTED = 60


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_sigkill_mid_batch_keeps_every_committed_operation(db_target):
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db_target)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "siap"
    committed = []
    deadline = time.monotonic() + 60
    while len(committed) < WANTED and time.monotonic() < deadline:
        committed.append(child.stdout.readline().strip())
    # Killed while it is busy with the next operation: no clean-up, no close.
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    assert len(committed) == WANTED

    reopened = database.open_database(db_target)  # integrity check on open, WAL replayed
    try:
        assert database.integrity_check(reopened) == "ok"
        ids = {u.id.hex for u in UnitKerja.select(UnitKerja.id)}
        history = {
            r.entitas_id.replace("-", "")
            for r in Riwayat.select(Riwayat.entitas_id).where(Riwayat.entitas == "UnitKerja")
        }
    finally:
        database.close_database()
        db.initialize(None)
    assert set(committed) <= ids
    # Each committed operation also kept its history row (same transaction).
    assert set(committed) <= history
