"""The frozen bundle against its budgets: folder size, installer size, frozen start-up.

``python bench/bundle.py dist/skpdesk [--installer FILE]``. Start-up is the median of several
fresh processes of the *frozen* executable, from process start to the main window painted
(``skpdesk selftest --startup DB LOGIN`` prints "shown"), beside a bare PySide6 window run by
this interpreter. Budgets: DESIGN.md §4. A bundle over its size budget fails (exit 1); timings
are printed, never asserted (they depend on the machine).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
BUDGET_BUNDLE_MB = 200
BUDGET_INSTALLER_MB = 80
BUDGET_STARTUP_S = 1.5
BUDGET_RATIO = 1.5
MB = 1_000_000

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup import BARE  # noqa: E402  (bench/startup.py: the same bare window)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def executable(folder: Path) -> Path:
    return folder / ("skpdesk.exe" if sys.platform == "win32" else "skpdesk")


def _env() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))


def _time(argv: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True, env=_env())
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    if line.strip() != "shown" or proc.returncode != 0:
        raise SystemExit(f"{argv[0]} failed (exit {proc.returncode}): {line!r}")
    return elapsed


def median_time(argv: list[str]) -> float:
    _time(argv)  # warm the file cache once, as a second start on a laptop would be
    return statistics.median(_time(argv) for _ in range(RUNS))


def verdict(ok: bool) -> str:
    return "ok" if ok else "OVER"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the one-folder bundle (dist/skpdesk)")
    parser.add_argument("--installer", type=Path, help="the compiled installer, if any")
    args = parser.parse_args()
    exe = executable(args.bundle)
    if not exe.exists():
        raise SystemExit(f"{exe} not found: build the bundle first (make bundle)")

    size = folder_size(args.bundle)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        # The demo office made by the frozen binary itself; the Camat has the widest view.
        made = subprocess.run(
            [str(exe), "demo", "--db", str(db)], capture_output=True, text=True, env=_env()
        )
        if made.returncode != 0:
            raise SystemExit(f"frozen 'demo' failed: {made.stderr.strip()}")
        camat = "197508122000031004"
        frozen = median_time([str(exe), "selftest", "--startup", str(db), camat])
    bare = median_time([sys.executable, "-c", BARE])
    ratio = frozen / bare

    print(f"bundle {args.bundle} (start-up: median of {RUNS} fresh processes, "
          f"QT_QPA_PLATFORM={_env()['QT_QPA_PLATFORM']})")
    size_ok = size <= BUDGET_BUNDLE_MB * MB
    print(f"  bundle size              {size / MB:7.1f} MB   budget {BUDGET_BUNDLE_MB} MB"
          f"      {verdict(size_ok)}")
    if args.installer and args.installer.exists():
        inst = args.installer.stat().st_size
        print(f"  installer                {inst / MB:7.1f} MB   budget {BUDGET_INSTALLER_MB} MB"
              f"       {verdict(inst <= BUDGET_INSTALLER_MB * MB)}")
    print(f"  frozen start-up          {frozen * 1000:7.0f} ms   budget "
          f"{BUDGET_STARTUP_S * 1000:.0f} ms     {verdict(frozen <= BUDGET_STARTUP_S)}")
    print(f"  bare PySide6 window      {bare * 1000:7.0f} ms   (not frozen)")
    print(f"  ratio                    {ratio:7.2f}      budget {BUDGET_RATIO:.2f}"
          f"         {verdict(ratio <= BUDGET_RATIO)}")
    return 0 if size_ok else 1


if __name__ == "__main__":
    sys.exit(main())
