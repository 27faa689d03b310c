"""Start-up time: process start to the main window shown, beside a bare PySide6 window.

Each figure is the median of several fresh processes, so that the interpreter, the Qt libraries
and the database are loaded from scratch every time, as on an office laptop. The budget is the
one of DESIGN.md §4: usable within 1.5 s, and no more than 1.5 × a bare PySide6 window.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
BUDGET_SECONDS = 1.5
BUDGET_RATIO = 1.5

# A child prints "shown" once its window has been painted, then quits.
BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow()
w.resize(1280, 800)
w.show()
def done():
    print("shown", flush=True)
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""

SKPDESK = """
import sys, time
from PySide6.QtCore import QTimer
from skpdesk.services import akun
from skpdesk.store.database import describe, open_database
from skpdesk.ui.app import buat_aplikasi, create_main_window
app = buat_aplikasi()
database = open_database(sys.argv[1])
t0 = time.perf_counter()
aktor = akun.masuk(sys.argv[2], sys.argv[3])
t1 = time.perf_counter()
w = create_main_window(aktor, describe(database))
w.show()
t2 = time.perf_counter()
def done():
    print(f"shown {t1 - t0:.4f} {t2 - t1:.4f}", flush=True)
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""

# What a person sees first: the login dialog of the office's database.
LOGIN = """
import sys
from PySide6.QtCore import QTimer
from skpdesk.store.database import open_database
from skpdesk.ui.app import buat_aplikasi
from skpdesk.ui.login import LoginDialog
app = buat_aplikasi()
open_database(sys.argv[1])
d = LoginDialog("")
d.show()
def done():
    print("shown", flush=True)
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""

_parts: list[tuple[float, float]] = []


def _time_child(code: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait()
    words = line.split()
    if not words or words[0] != "shown" or proc.returncode != 0:
        raise SystemExit(f"child failed (exit {proc.returncode}): {line!r}")
    if len(words) == 3:
        _parts.append((float(words[1]), float(words[2])))
    return elapsed


def _median(code: str, *args: str) -> float:
    _time_child(code, *args)  # warm the file cache once, as a second start on a laptop would be
    return statistics.median(_time_child(code, *args) for _ in range(RUNS))


def main() -> int:
    from skpdesk.services import demo
    from skpdesk.store.database import open_database
    from skpdesk.store.models import Pegawai, db

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.db"
        open_database(path)
        demo.buat_kantor_demo()
        # The Camat: the widest view (subordinates, counter-signing, planning).
        camat = Pegawai.get(Pegawai.atasan.is_null(True))
        login = camat.nip
        db.close()

        bare = _median(BARE)
        first = _median(LOGIN, str(path))
        # The password on the command line: the app itself never imports the demo module.
        app = _median(SKPDESK, str(path), login, demo.DEMO_SANDI)

    ratio = app / bare
    first_ratio = first / bare
    password = statistics.median(p[0] for p in _parts)
    window = statistics.median(p[1] for p in _parts)
    print(f"start-up, median of {RUNS} fresh processes (QT_QPA_PLATFORM offscreen unless set)")
    print(f"  bare PySide6 window      {bare * 1000:7.0f} ms")
    print(
        f"  login dialog (first)     {first * 1000:7.0f} ms   ratio {first_ratio:.2f}, "
        f"budget {BUDGET_RATIO:.2f}   {'ok' if first_ratio <= BUDGET_RATIO else 'OVER'}"
    )
    print(
        f"    of the main window's path: password check (argon2) {password * 1000:.0f} ms, "
        f"building the window {window * 1000:.0f} ms"
    )
    print(
        f"  skpdesk main window      {app * 1000:7.0f} ms   budget {BUDGET_SECONDS * 1000:.0f} ms"
        f"   {'ok' if app <= BUDGET_SECONDS else 'OVER'}"
    )
    print(
        f"  ratio                    {ratio:7.2f}      budget {BUDGET_RATIO:.2f}"
        f"      {'ok' if ratio <= BUDGET_RATIO else 'OVER'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
