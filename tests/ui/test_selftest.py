"""``skpdesk selftest`` from source; the frozen bundle runs the same code in `make bundle`."""

from __future__ import annotations

import sys
from pathlib import Path

from skpdesk import cli
from skpdesk.store.models import db
from skpdesk.ui import selftest


def test_selftest_passes_every_step_and_writes_its_report(tmp_path, qapp):
    report = tmp_path / "laporan.txt"
    try:
        assert selftest.main(cli.main, laporan=str(report)) == 0
    finally:
        db.initialize(None)
    lines = report.read_text(encoding="utf-8").splitlines()
    assert sum(line.startswith("ok ") for line in lines) == 5
    assert any("riwayat bertanda tangan dan paket" in line and "baris riwayat sah" in line
               for line in lines)
    assert lines[-1] == "selftest berhasil"
    assert any("dokumen dibuka lagi" in line and ".docx" in line for line in lines)


def test_startup_marker_goes_to_the_file_named_in_the_environment(tmp_path, monkeypatch):
    marker = tmp_path / "shown.txt"
    monkeypatch.setenv(selftest.ENV_TANDA, str(marker))
    monkeypatch.setattr(sys, "stdout", None)  # a windowed exe: nothing to print to
    selftest.tulis_tanda()
    assert marker.read_text(encoding="utf-8") == "shown\n"
    assert not Path(str(marker) + ".tmp").exists()
