"""Several processes writing to one SQLite file: the share of writes refused, with transactions
begun DEFERRED (as before) and IMMEDIATE (now).

    .venv/bin/python bench/dua_proses.py [processes] [seconds per mode]

Each process opens the file through skpdesk's store (WAL, 5 s busy timeout) and repeats what a
service does: one transaction that reads, then writes a row, then a 5 ms pause. A DEFERRED
transaction starts as a reader; its upgrade to writer fails at once when another process wrote
meanwhile, whatever the busy timeout. IMMEDIATE takes the write lock at BEGIN, where the
timeout waits.

Budget (DESIGN.md §4, Concurrency): never a traceback, so 0 % refused writes while the others'
transactions are short. Bounded in time: 2 × the seconds per mode, plus start-up.
"""

from __future__ import annotations

import multiprocessing as mp
import statistics
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
BUDGET_REFUSED_PCT = 0.0
# Between two operations of one process: a refused write is not retried in a tight loop,
# which would only count the same refusal many times.
PAUSE_S = 0.005


def _worker(path: str, lock_type: str, until: float, start: float, out: mp.Queue) -> None:
    sys.path.insert(0, str(SRC))
    import peewee as pw

    from skpdesk.store import database

    db = database.SqliteDatabase(path, pragmas=database.SQLITE_PRAGMAS, lock_type=lock_type)
    db.connect()
    done = refused = 0
    waits: list[float] = []
    while time.time() < start:
        time.sleep(0.001)
    while time.time() < until:
        t0 = time.perf_counter()
        try:
            with db.atomic():
                n = db.execute_sql("SELECT COUNT(*) FROM catatan").fetchone()[0]
                db.execute_sql("INSERT INTO catatan (isi) VALUES (?)", (f"baris {n}",))
            done += 1
            waits.append(time.perf_counter() - t0)
        except (pw.OperationalError, database.BasisDataSibukError):
            refused += 1
        time.sleep(PAUSE_S)
    db.close()
    out.put((done, refused, waits))


def run(path: Path, lock_type: str, processes: int, seconds: float) -> tuple[int, int, list]:
    out: mp.Queue = mp.Queue()
    start = time.time() + 1.0  # every process connected before the clock starts
    until = start + seconds
    procs = [mp.Process(target=_worker, args=(str(path), lock_type, until, start, out))
             for _ in range(processes)]
    for p in procs:
        p.start()
    results = [out.get(timeout=seconds + 60) for _ in procs]
    for p in procs:
        p.join(10)
    done = sum(r[0] for r in results)
    refused = sum(r[1] for r in results)
    waits = [w for r in results for w in r[2]]
    return done, refused, waits


def main() -> None:
    processes = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
    sys.path.insert(0, str(SRC))
    from skpdesk.store import database

    with tempfile.TemporaryDirectory(prefix="skpdesk-bench-") as tmp:
        print(f"{processes} processes, {seconds:.0f} s per mode, one SQLite file (WAL, busy "
              f"timeout {database.SQLITE_PRAGMAS['busy_timeout']} ms)")
        for lock_type in ("DEFERRED", "IMMEDIATE"):
            path = Path(tmp) / f"{lock_type.lower()}.db"
            db = database.SqliteDatabase(str(path), pragmas=database.SQLITE_PRAGMAS)
            db.execute_sql("CREATE TABLE catatan (id INTEGER PRIMARY KEY, isi TEXT)")
            db.close()
            done, refused, waits = run(path, lock_type, processes, seconds)
            total = done + refused
            pct = 100.0 * refused / total if total else 0.0
            p50 = statistics.median(waits) * 1000 if waits else 0.0
            p95 = statistics.quantiles(waits, n=20)[18] * 1000 if len(waits) > 20 else p50
            verdict = "ok" if pct <= BUDGET_REFUSED_PCT else "OVER"
            print(f"  {lock_type:<9} {total:>7} writes, {refused:>6} refused = {pct:5.1f} % "
                  f"(budget {BUDGET_REFUSED_PCT:.0f} %: {verdict}); committed p50 {p50:.2f} ms, "
                  f"p95 {p95:.2f} ms")


if __name__ == "__main__":
    main()
