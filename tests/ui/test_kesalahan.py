"""An unexpected error: logged with its traceback, a dialog in Indonesian, and the app goes on."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from skpdesk import logfile
from skpdesk.ui.bersama import kesalahan
from skpdesk.ui.bersama.kesalahan import DialogKesalahan


@pytest.fixture
def hook(tmp_path):
    log_path = logfile.pasang(tmp_path / "log" / "skpdesk.log")
    installed = kesalahan.pasang(log_path)
    yield installed
    sys.excepthook = installed.sebelumnya
    threading.excepthook = threading.__excepthook__
    logfile.lepas()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_the_dialog_and_logs_the_traceback(qtbot, hook, monkeypatch):
    shown: list[DialogKesalahan] = []

    def fake_exec(self):
        shown.append(self)
        return 0

    monkeypatch.setattr(DialogKesalahan, "exec", fake_exec)
    calls = []

    def rusak():
        calls.append("klik")
        raise ZeroDivisionError("pembagian dengan nol di slot")

    button = QPushButton("Hitung")
    qtbot.addWidget(button)
    button.clicked.connect(rusak)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    # The event loop carries on: a second click reaches the slot again.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert calls == ["klik", "klik"]
    assert len(shown) == 2
    dialog = shown[0]
    assert "tidak terduga" in dialog.text()
    assert str(hook.log_path) in dialog.informativeText()
    assert "ZeroDivisionError" in dialog.detailedText()
    text = hook.log_path.read_text(encoding="utf-8")
    assert "kesalahan tak terduga" in text
    assert "Traceback" in text and "pembagian dengan nol di slot" in text


def test_one_dialog_at_a_time(hook, monkeypatch, qapp):
    opened = []

    def nested_exec(self):
        opened.append(self)
        # An error while the dialog is up is logged, not stacked as a second dialog.
        try:
            raise ValueError("kedua")
        except ValueError:
            hook(*sys.exc_info())
        return 0

    monkeypatch.setattr(DialogKesalahan, "exec", nested_exec)
    try:
        raise RuntimeError("pertama")
    except RuntimeError:
        hook(*sys.exc_info())
    assert len(opened) == 1
    assert "kedua" in hook.log_path.read_text(encoding="utf-8")


def test_the_log_rotates(tmp_path, monkeypatch):
    import logging

    monkeypatch.setattr(logfile, "MAX_BYTES", 2000)
    path = logfile.pasang(tmp_path / "log" / "skpdesk.log")
    try:
        for i in range(200):
            logging.getLogger("skpdesk.uji").warning("baris %d %s", i, "x" * 40)
    finally:
        logfile.lepas()
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == ["skpdesk.log"] + [f"skpdesk.log.{n}" for n in range(1, 6)]


def test_an_error_in_another_thread_is_logged(hook):
    def rusak():
        raise OSError("disk penuh di thread")

    worker = threading.Thread(target=rusak, name="pekerja")
    worker.start()
    worker.join()
    text = hook.log_path.read_text(encoding="utf-8")
    assert "thread pekerja" in text and "disk penuh di thread" in text
