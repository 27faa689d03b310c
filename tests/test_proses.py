"""A windowed frozen build (PyInstaller console=False) starts with None standard streams."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from skpdesk import proses

ROOT = Path(__file__).resolve().parents[1]


def test_none_streams_are_replaced_by_devnull(monkeypatch):
    for name in ("stdin", "stdout", "stderr"):
        monkeypatch.setattr(sys, name, None)
    replaced = proses.pastikan_aliran()
    try:
        assert replaced == ["stdin", "stdout", "stderr"]
        sys.stdout.write("tidak ke mana-mana\n")  # would raise AttributeError on None
        sys.stderr.write("juga tidak\n")
        assert sys.stdin.read() == ""
    finally:
        for name in replaced:
            getattr(sys, name).close()


def test_streams_that_exist_are_left_alone():
    before = (sys.stdin, sys.stdout, sys.stderr)
    assert proses.pastikan_aliran() == []
    assert (sys.stdin, sys.stdout, sys.stderr) == before


# The entry of the frozen exe (skpdesk/__main__.py) with the streams PyInstaller leaves a
# windowed build: a subcommand writing to sys.stdout/sys.stderr must not crash.
CHILD = """
import runpy, sys
from pathlib import Path
result = Path(sys.argv[1])
sys.argv = ["skpdesk", *sys.argv[2:]]
sys.stdin = sys.stdout = sys.stderr = None
try:
    runpy.run_module("skpdesk", run_name="__main__", alter_sys=True)
    code = "no exit"
except SystemExit as exc:
    code = exc.code
sys.stdout.write("still writable\\n")
result.write_text(f"{code}", encoding="utf-8")
"""


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["backup", "--out", "{tmp}/cadangan.db"], "0"),
        # An error path: the reason goes to the (devnull) stderr, the exit code says it.
        (["restore", "{tmp}/tidak-ada.db"], "1"),
    ],
)
def test_cli_entry_runs_with_none_streams(fresh_db, db_path, tmp_path, argv, expected):
    result = tmp_path / "result.txt"
    args = [a.format(tmp=tmp_path) for a in argv] + ["--db", str(db_path)]
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(result), *args],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert result.read_text(encoding="utf-8") == expected
    if expected == "0":
        assert (tmp_path / "cadangan.db").is_file()


def test_child_processes_get_no_console_window_on_windows_only():
    assert proses.tanpa_jendela("win32") == {"creationflags": 0x08000000}
    assert proses.tanpa_jendela("linux") == {}
    if sys.platform == "win32":
        assert proses.tanpa_jendela() == {"creationflags": subprocess.CREATE_NO_WINDOW}


def _bench_bundle():
    sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location("bench_bundle", ROOT / "bench" / "bundle.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_times_a_child_by_its_marker_file_not_its_stdout():
    bench = _bench_bundle()
    # Prints nothing (as a windowed exe), marks "shown" through the file, exits 0.
    child = (
        "import os, pathlib, time\n"
        "time.sleep(0.05)\n"
        f"m = os.environ[{bench.MARKER_ENV!r}]\n"
        "pathlib.Path(m + '.tmp').write_text('shown\\n', encoding='utf-8')\n"
        "os.replace(m + '.tmp', m)\n"
    )
    assert 0.05 <= bench._time([sys.executable, "-c", child]) < 30


def test_bench_fails_a_child_that_exits_without_marking():
    bench = _bench_bundle()
    with pytest.raises(SystemExit, match="no shown marker"):
        bench._time([sys.executable, "-c", "print('shown')"])
