"""Smoke-run the frozen bundle: ``python installer/smoke.py dist/skpdesk [--laporan FILE]``.

Runs ``skpdesk selftest --laporan FILE`` and judges it by the report file and the exit code
only, never by the exe's stdout: the exe is windowed on Windows and prints nothing there. The
same script runs in `make bundle` (Linux) and in the Windows workflow, so the Linux CI
exercises the path Windows takes. Exit 0 only when the selftest exited 0 and wrote its report.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

TIMEOUT_S = 300


def executable(folder: Path) -> Path:
    return folder / ("skpdesk.exe" if sys.platform == "win32" else "skpdesk")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the one-folder bundle (dist/skpdesk)")
    parser.add_argument("--laporan", type=Path, default=Path("build") / "selftest.txt")
    args = parser.parse_args(argv)
    exe = executable(args.bundle).resolve()
    report = args.laporan.resolve()
    if not exe.is_file():
        print(f"{exe} not found: freeze the bundle first", file=sys.stderr)
        return 1
    report.parent.mkdir(parents=True, exist_ok=True)
    report.unlink(missing_ok=True)  # a stale report must not pass for this run's
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    try:
        proc = subprocess.run(
            [str(exe), "selftest", "--laporan", str(report)],
            stdout=subprocess.DEVNULL, env=env, timeout=TIMEOUT_S, check=False,
        )
        code: int | str = proc.returncode
    except subprocess.TimeoutExpired:
        code = f"timeout after {TIMEOUT_S} s"
    lines = report.read_text(encoding="utf-8").splitlines() if report.is_file() else []
    print("\n".join(lines) if lines else f"(no report at {report})")
    # The report's words follow the saved UI language; its presence and the exit code do not.
    if code != 0 or not lines:
        print(f"frozen selftest failed: exit {code}, report {report}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
