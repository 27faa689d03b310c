"""The Tentang dialog: version, licence, folders, and F1 from the main window."""

from __future__ import annotations

import platform

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from tests.ui.conftest import ganti_exec

from skpdesk import __version__
from skpdesk.resources import resource_path
from skpdesk.store.database import data_dir
from skpdesk.ui import tentang
from skpdesk.ui.app import create_main_window


def test_it_shows_version_licence_folders_and_versions(qtbot, tmp_path):
    dialog = tentang.TentangDialog("/data/skpdesk.db")
    qtbot.addWidget(dialog)
    assert __version__ in dialog.judul.text()
    assert "GPL-3.0-or-later" in dialog.nama_lisensi.text()
    assert "TANPA JAMINAN" in dialog.lisensi.text()
    assert dialog.label_db.text() == "/data/skpdesk.db"
    assert dialog.label_data.text() == str(data_dir())
    assert dialog.label_log.text() == str(data_dir() / "log")
    assert platform.python_version() in dialog.label_versi.text()
    assert "Qt " in dialog.label_versi.text()


def test_the_licence_text_ships_with_the_application(qtbot, monkeypatch):
    assert "GNU GENERAL PUBLIC LICENSE" in resource_path("LICENSE.txt").read_text("utf-8")
    shown = ganti_exec(monkeypatch, tentang.LisensiDialog, lambda d: d.reject())
    dialog = tentang.TentangDialog("x")
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.tombol_lisensi, Qt.MouseButton.LeftButton)
    assert "Version 3, 29 June 2007" in shown[0].teks.toPlainText()


def test_f1_and_the_header_button_open_it(qtbot, demo_admin, monkeypatch):
    opened = ganti_exec(monkeypatch, tentang.TentangDialog, lambda d: d.reject())
    window = create_main_window(demo_admin, "uji.db")
    qtbot.addWidget(window)
    window.show()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F1)
    assert len(opened) == 1 and opened[0].label_db.text() == "uji.db"
    qtbot.mouseClick(window.tombol_tentang, Qt.MouseButton.LeftButton)
    assert len(opened) == 2
    assert opened[1].result() == QDialog.DialogCode.Rejected


def test_escape_closes_it(qtbot):
    dialog = tentang.TentangDialog("x")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
