"""Layout remembered per person (geometry, last tab, splitters) and the window's keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSplitter
from tests.helpers import login_nip
from tests.ui.conftest import CAMAT_NIP

from skpdesk.ui.app import create_main_window


def _aktif(qtbot, window) -> None:
    window.show()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)


def _open(qtbot, aktor):
    window = create_main_window(aktor, "x.db")
    qtbot.addWidget(window)
    return window


def test_size_last_tab_and_splitters_come_back_for_the_same_person(qtbot, demo_admin):
    window = _open(qtbot, demo_admin)
    window.show()
    window.resize(1100, 700)
    window.tabs.setCurrentWidget(window.tab("arsip"))
    pegawai = window.tab("kepegawaian").pegawai
    window.tabs.setCurrentWidget(window.tab("kepegawaian"))
    splitter = pegawai.findChild(QSplitter)
    splitter.setSizes([150, 800])
    splitter.splitterMoved.emit(150, 1)  # what a drag by the person announces
    sizes = splitter.sizes()
    size = window.size()
    window.close()

    again = _open(qtbot, demo_admin)
    again.show()
    # The offscreen screen is narrower than the window's minimum: only the height is kept whole.
    assert again.size().height() == size.height()
    assert again.tabs.currentWidget() is again.tab("kepegawaian")
    # The list keeps its width; the detail takes what the (clamped) window has left.
    assert again.tab("kepegawaian").pegawai.findChild(QSplitter).sizes()[0] == sizes[0]


def test_the_last_tab_is_per_person(qtbot, demo_admin):
    window = _open(qtbot, demo_admin)
    window.tabs.setCurrentWidget(window.tab("arsip"))
    camat = login_nip(CAMAT_NIP)
    assert _open(qtbot, camat).tabs.currentIndex() == 0
    again = _open(qtbot, demo_admin)
    assert again.tabs.currentWidget() is again.tab("arsip")


def test_ctrl_f_focuses_the_search_of_the_list_in_front(qtbot, demo_admin):
    window = _open(qtbot, demo_admin)
    window.tabs.setCurrentWidget(window.tab("kepegawaian"))
    _aktif(qtbot, window)
    window.tab("kepegawaian").pegawai.cari.setText("abc")
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F, ctrl)
    cari = window.tab("kepegawaian").pegawai.cari
    assert QApplication.focusWidget() is cari
    assert cari.selectedText() == "abc"


def test_f5_reloads_the_tab_in_front(qtbot, demo_admin, monkeypatch):
    window = _open(qtbot, demo_admin)
    window.tabs.setCurrentWidget(window.tab("arsip"))
    _aktif(qtbot, window)
    called = []
    monkeypatch.setattr(window.tab("arsip"), "muat_ulang", lambda: called.append("arsip"))
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F5)
    assert called == ["arsip"]
