"""Keyboard: Ctrl+Enter takes the SKP editor's primary workflow action; Enter/Esc in dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from tests.helpers import login_nip

from skpdesk.services import demo
from skpdesk.store.models import SKP, Pegawai
from skpdesk.ui.app import create_main_window
from skpdesk.ui.login import LoginDialog


def test_ctrl_enter_clicks_the_primary_action_of_the_skp_editor(qtbot, demo_admin, monkeypatch):
    skp = next(s for s in SKP.select() if s.status == "DRAFT")
    nip = Pegawai.get_by_id(skp.pegawai_id).nip
    window = create_main_window(login_nip(nip), "x.db")
    qtbot.addWidget(window)
    window.show()
    tab = window.tab("skp_saya")
    window.tabs.setCurrentWidget(tab)
    tab.pilih(skp.id)
    editor = tab.editor
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)
    primary = [b for b in editor.tombol_aksi.values() if b.property("primer")]
    assert primary, "a draft has its primary action (Ajukan ke Atasan)"
    clicked = []
    primary[0].clicked.disconnect()
    primary[0].clicked.connect(lambda: clicked.append(primary[0].text()))
    editor.rhk.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window.focusWidget() or editor, Qt.Key.Key_Return, ctrl)
    assert clicked == [primary[0].text()]


def test_login_reads_top_down_enter_logs_in_escape_leaves(qtbot, demo_admin):
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    order = []
    widget = dialog.login
    for _ in range(3):
        order.append(widget)
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or not widget.isVisible():
            widget = widget.nextInFocusChain()
    assert order[0] is dialog.login and order[1] is dialog.sandi
    qtbot.keyClicks(dialog.login, demo.ADMIN_LOGIN)
    qtbot.keyClicks(dialog.sandi, demo.DEMO_SANDI)
    qtbot.keyClick(dialog.sandi, Qt.Key.Key_Return)
    assert dialog.aktor is not None and dialog.result() == dialog.DialogCode.Accepted

    other = LoginDialog()
    qtbot.addWidget(other)
    other.show()
    qtbot.keyClick(other.login, Qt.Key.Key_Escape)
    assert other.result() == other.DialogCode.Rejected and not other.isVisible()
