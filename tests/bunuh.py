"""Kill -9 harness: a child process writes through services and makes backups; it is killed at a
seeded random point, then the database, every backup and every confirmed operation are checked.

Small run in the suite (tests/services/test_bunuh.py); a larger one with ``make soak``:
``python -m tests.bunuh --percobaan 120 --benih 19``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

from skpdesk.store import cadangan as berkas
from skpdesk.store import database
from skpdesk.store.models import Riwayat, UnitKerja, db

# Each confirmed operation is printed once the call returned: "unit <id>" after a committed
# write, "cadangan <path>" after a backup was made.
ANAK = textwrap.dedent(
    """
    import datetime as dt, sys
    from argon2 import PasswordHasher
    from skpdesk.services import akun, cadangan, kantor
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
        unit = kantor.tambah_unit(aktor, f"Unit {i:05d} " + "x" * 2000, None)
        print("unit", unit.id.hex, flush=True)
        if i % 2 == 0:
            made = cadangan.cadangan_harian(dt.date(2000, 1, 1) + dt.timedelta(days=i))
            print("cadangan", made, flush=True)
        if i % 5 == 0:
            print("cadangan", cadangan.cadangkan_sekarang(aktor), flush=True)
    """
)


@dataclass
class Hasil:
    percobaan: int = 0
    gagal: list[str] = field(default_factory=list)
    di_tengah_cadangan: int = 0  # kills that left a half-written backup behind


def _utuh(path: Path) -> bool:
    # The file alone, as it would be copied to another PC (and no -wal/-shm left beside it).
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def satu(folder: Path, rng: random.Random, hasil: Hasil) -> str | None:
    """One trial; returns what went wrong, or None."""
    db_path = folder / "skpdesk.db"
    anak = subprocess.Popen([sys.executable, "-c", ANAK, str(db_path)], stdout=subprocess.PIPE,
                            text=True, env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))
    assert anak.stdout is not None
    try:
        if anak.stdout.readline().strip() != "siap":
            return "anak tidak siap"
        units, backups = [], []
        for _ in range(rng.randint(1, 30)):
            jenis, _sp, nilai = anak.stdout.readline().strip().partition(" ")
            (units if jenis == "unit" else backups).append(nilai)
        time.sleep(rng.random() * 0.02)  # somewhere inside the next write or backup
        os.kill(anak.pid, signal.SIGKILL)
        anak.wait(timeout=30)
    finally:
        if anak.poll() is None:
            anak.kill()
        anak.stdout.close()
    try:
        buka = database.open_database(db_path)
        try:
            if database.integrity_check(buka) != "ok":
                return "basis data rusak"
            ids = {u.id.hex for u in UnitKerja.select(UnitKerja.id)}
            riwayat = {r.entitas_id.replace("-", "") for r in
                       Riwayat.select(Riwayat.entitas_id).where(Riwayat.entitas == "UnitKerja")}
            if not set(units) <= ids or not set(units) <= riwayat:
                return f"operasi terkonfirmasi hilang: {sorted(set(units) - ids)[:3]}"
            daftar = berkas.daftar(db_path)
            listed = {str(c.path) for c in daftar}
            if not {b for b in backups if b != "None"} <= listed:
                return "cadangan terkonfirmasi tidak terdaftar"
            for c in daftar:
                if c.ukuran == 0 or not _utuh(c.path):
                    return f"cadangan rusak terdaftar: {c.path.name}"
            from skpdesk.services import cadangan

            if list(database.backup_folder(db_path).glob(database.TEMP_PREFIX + "*")):
                hasil.di_tengah_cadangan += 1
            cadangan.cadangan_harian(dt.date.today())
            if list(database.backup_folder(db_path).glob(database.TEMP_PREFIX + "*")):
                return "sisa cadangan setengah jadi tidak dibuang"
        finally:
            database.close_database()
    finally:
        db.initialize(None)
    return None


def jalankan(percobaan: int, benih: int) -> Hasil:
    rng = random.Random(benih)
    hasil = Hasil()
    for n in range(percobaan):
        with tempfile.TemporaryDirectory(prefix="bunuh-") as tmp:
            masalah = satu(Path(tmp), rng, hasil)
        hasil.percobaan += 1
        if masalah:
            hasil.gagal.append(f"percobaan {n}: {masalah}")
    return hasil


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--percobaan", type=int, default=120)
    parser.add_argument("--benih", type=int, default=19)
    args = parser.parse_args()
    mulai = time.monotonic()
    hasil = jalankan(args.percobaan, args.benih)
    print(f"kill -9: {hasil.percobaan} percobaan, {len(hasil.gagal)} gagal, "
          f"{hasil.di_tengah_cadangan} di tengah menulis cadangan "
          f"(benih {args.benih}, {time.monotonic() - mulai:.0f} s)")
    for g in hasil.gagal:
        print(" ", g)
    return 1 if hasil.gagal else 0


if __name__ == "__main__":
    sys.exit(main())
