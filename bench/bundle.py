"""The frozen bundle against its budgets: folder size, installer size, frozen start-up.

``python bench/bundle.py dist/skpdesk [--installer FILE]``. Start-up is the median of several
fresh processes of the *frozen* executable, from process start to the main window painted
(``skpdesk selftest --startup DB LOGIN`` writes "shown" to the file named in
$SKPDESK_STARTUP_MARKER, polled here: a windowed exe on Windows has no stdout), beside a bare
PySide6 window run by this interpreter and marked the same way. Budgets: DESIGN.md §4.
A bundle over its size budget fails (exit 1); timings are printed, never asserted (they
depend on the machine).
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


MARKER_ENV = "SKPDESK_STARTUP_MARKER"  # skpdesk.ui.selftest.ENV_TANDA (not imported: no Qt here)
TIMEOUT_S = 60
POLL_S = 0.002
# The bare window marks "shown" in the same file as the frozen app, for a fair ratio.
_PRINT = 'print("shown", flush=True)'
assert _PRINT in BARE
BARE_MARKED = BARE.replace(
    _PRINT,
    f"import os, pathlib\n"
    f"    marker = os.environ[{MARKER_ENV!r}]\n"
    f"    pathlib.Path(marker + '.tmp').write_text('shown\\n', encoding='utf-8')\n"
    f"    os.replace(marker + '.tmp', marker)",
)


def _time(argv: list[str]) -> float:
    """Seconds from process start to the marker file holding "shown"; the process must exit 0."""
    with tempfile.TemporaryDirectory(prefix="skpdesk-bench-") as tmp:
        marker = Path(tmp) / "shown.txt"
        env = dict(_env(), **{MARKER_ENV: str(marker)})
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, env=env)
        elapsed = None
        while time.perf_counter() - start < TIMEOUT_S:
            exited = proc.poll() is not None
            if marker.is_file() and marker.read_text(encoding="utf-8").strip() == "shown":
                elapsed = time.perf_counter() - start
                break
            if exited:  # and checked once more after its exit: no marker will come
                break
            time.sleep(POLL_S)
        try:
            proc.wait(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if elapsed is None or proc.returncode != 0:
            raise SystemExit(
                f"{argv[0]} failed (exit {proc.returncode}): "
                f"{'marked shown' if elapsed is not None else 'no shown marker'} in {marker}"
            )
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
            [str(exe), "demo", "--db", str(db)], capture_output=True, text=True, env=_env(),
            timeout=300,
        )
        if made.returncode != 0 or not db.is_file():
            # A windowed exe on Windows prints nothing: the exit code is what there is.
            raise SystemExit(f"frozen 'demo' failed (exit {made.returncode}): "
                             f"{made.stderr.strip() or 'no output'}")
        camat = "197508122000031004"
        frozen = median_time([str(exe), "selftest", "--startup", str(db), camat])
    bare = median_time([sys.executable, "-c", BARE_MARKED])
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
