"""Starting the GUI: a database that cannot be opened ends with a message and exit code 2."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from skpdesk.ui import app as app_module


def test_unusable_database_shows_a_message_and_exits_2(
    qtbot, tmp_path, monkeypatch: pytest.MonkeyPatch
):
    foreign = tmp_path / "lain.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE orang (nama TEXT)")
    con.commit()
    con.close()
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text))
    )

    assert app_module.run_gui(str(foreign)) == app_module.EXIT_DATABASE
    assert shown and "bukan basis data skpdesk" in shown[0]


def test_demo_if_empty_fills_the_office_and_shows_the_hint(
    qtbot, tmp_path, monkeypatch: pytest.MonkeyPatch
):
    from skpdesk.services import kantor
    from skpdesk.store.models import db
    from skpdesk.ui.login import LoginDialog

    hints: list[str] = []

    def fake_exec(self: LoginDialog) -> int:
        hints.append(self.petunjuk.text())
        return 0  # the person closes the login: the application ends quietly

    monkeypatch.setattr(LoginDialog, "exec", fake_exec)
    try:
        assert app_module.run_gui(str(tmp_path / "baru.db"), demo_if_empty=True) == 0
        assert kantor.sudah_disiapkan()
    finally:
        db.obj.close()
        db.initialize(None)
    assert "demo1234" in hints[0] and "admin" in hints[0]
