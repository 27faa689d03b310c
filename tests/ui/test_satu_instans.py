"""One instance per database: a second start hands over to the first, which shows its window."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap

import pytest

from skpdesk.ui import app as app_module
from skpdesk.ui.satu_instans import SatuInstans, berkas_kunci, kunci

SECOND_START = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication
    from skpdesk.ui.satu_instans import SatuInstans
    app = QCoreApplication(sys.argv[:1])
    kedua = SatuInstans(sys.argv[1])
    if kedua.mulai():
        print("pertama")
        sys.exit(3)
    print("dijawab" if kedua.minta_tampil() else "diam", flush=True)
    """
)


def test_the_key_depends_on_the_file_not_on_how_it_is_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert kunci("kantor.db") == kunci(str(tmp_path / "kantor.db"))
    assert kunci("kantor.db") != kunci("lain.db")
    assert kunci("postgresql://server/skp").startswith("skpdesk-")


def test_second_start_in_another_process_brings_the_first_forward(qtbot, tmp_path):
    target = str(tmp_path / "kantor.db")
    pertama = SatuInstans(target)
    assert pertama.mulai()
    try:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        with qtbot.waitSignal(pertama.diminta_tampil, timeout=20000):
            child = subprocess.Popen(
                [sys.executable, "-c", SECOND_START, target],
                stdout=subprocess.PIPE, text=True, env=env,
            )
        out, _err = child.communicate(timeout=30)
        assert (child.returncode, out.strip()) == (0, "dijawab")
    finally:
        pertama.selesai()


def test_another_database_is_not_blocked(tmp_path):
    satu = SatuInstans(str(tmp_path / "satu.db"))
    dua = SatuInstans(str(tmp_path / "dua.db"))
    try:
        assert satu.mulai()
        assert dua.mulai()
    finally:
        satu.selesai()
        dua.selesai()


def test_after_the_first_ends_the_next_start_is_first(tmp_path):
    target = str(tmp_path / "kantor.db")
    pertama = SatuInstans(target)
    assert pertama.mulai()
    assert not SatuInstans(target).mulai()  # same process, second object: still taken
    pertama.selesai()
    berikut = SatuInstans(target)
    assert berikut.mulai()
    berikut.selesai()


def test_run_gui_says_it_is_open_and_does_not_open_the_database(tmp_path, monkeypatch, qapp):
    target = str(tmp_path / "kantor.db")
    pertama = SatuInstans(target)
    assert pertama.mulai()
    told = []
    monkeypatch.setattr(app_module, "sudah_terbuka", told.append)
    monkeypatch.setattr(SatuInstans, "minta_tampil", lambda self: True)
    opened = []
    monkeypatch.setattr(app_module, "open_database", lambda *a, **k: opened.append(a))
    try:
        assert app_module.run_gui(target) == app_module.EXIT_OK
    finally:
        pertama.selesai()
    assert told == [target]
    assert opened == []


def test_the_lock_of_a_file_lives_beside_it_and_of_a_server_in_the_temp_folder(tmp_path):
    from PySide6.QtCore import QDir

    assert berkas_kunci(str(tmp_path / "kantor.db")) == str(tmp_path / "kantor.db.lock")
    assert berkas_kunci(f"sqlite:///{tmp_path}/kantor.db") == str(tmp_path / "kantor.db.lock")
    url = "postgresql://skp@server/kinerja"
    assert berkas_kunci(url) == QDir(QDir.tempPath()).filePath(f"{kunci(url)}.lock")


def test_a_second_process_with_another_temp_folder_on_the_same_file_is_caught(tmp_path):
    # Another user or another laptop has another temp folder: the lock beside the file
    # still says the file is taken (the handover socket, in the first's temp folder, does not
    # answer: the second is told that someone else has it open).
    target = str(tmp_path / "kantor.db")
    pertama = SatuInstans(target)
    assert pertama.mulai()
    try:
        assert (tmp_path / "kantor.db.lock").exists()
        lain = tmp_path / "temp-lain"
        lain.mkdir()
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(lain), TEMP=str(lain))
        done = subprocess.run([sys.executable, "-c", SECOND_START, target], env=env,
                              capture_output=True, text=True, timeout=60)
        assert (done.returncode, done.stdout.strip()) == (0, "diam")
    finally:
        pertama.selesai()
    assert not (tmp_path / "kantor.db.lock").exists()


def test_run_gui_says_who_holds_it_when_the_first_does_not_answer(tmp_path, monkeypatch, qapp):
    target = str(tmp_path / "kantor.db")
    pertama = SatuInstans(target)
    assert pertama.mulai()
    told = []
    monkeypatch.setattr(app_module, "dipakai_proses_lain", lambda t, host: told.append((t, host)))
    monkeypatch.setattr(SatuInstans, "minta_tampil", lambda self: False)
    monkeypatch.setattr(app_module, "open_database", lambda *a, **k: pytest.fail("opened"))
    try:
        assert app_module.run_gui(target) == app_module.EXIT_OK
    finally:
        pertama.selesai()
    assert told == [(target, socket.gethostname())]
