"""Starting the GUI: a database that cannot be opened ends with a message and exit code 2."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

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


def _index_tidak_cocok(path) -> None:
    """Corrupt what only the full check sees: an index whose entries no longer match its
    table (its definition names another column), pages and rows intact."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA writable_schema = ON")
        con.execute(
            "UPDATE sqlite_master SET sql = replace(sql, '(\"aktif\")', '(\"nama\")') "
            "WHERE type = 'index' AND name = 'pegawai_aktif'"
        )
        con.commit()
    finally:
        con.close()


@pytest.mark.sqlite_only("SQLite's integrity checks")
def test_opening_runs_the_quick_check_and_the_full_check_after_the_backup_stops_work(
    qtbot, tmp_path, monkeypatch: pytest.MonkeyPatch, kantor_siap, db_path
):
    from skpdesk.services import pegawai as roster
    from skpdesk.services.basisdata import lepaskan, periksa_penuh
    from skpdesk.services.cadangan import daftar_cadangan
    from skpdesk.store.database import open_database
    from skpdesk.ui.login import LoginDialog

    roster.tambah_pegawai(kantor_siap, roster.DataPegawai(
        nip="199001012015031001", nama="Andi", golongan="III/a"))
    lepaskan()
    _index_tidak_cocok(db_path)

    # Opening (the quick check) lets the file in; the full check finds the index.
    open_database(db_path)
    assert "rusak" in (periksa_penuh() or "")
    lepaskan()

    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text))
    )
    # Recorded, not done: an exit outside a running loop would end the next test's loops.
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
    backups: list[int] = []

    def fake_exec(self: LoginDialog) -> int:
        # The login is up while the full check runs beside it, after the day's backup attempt;
        # the failure ends the login's loop (here: returns as that loop would).
        backups.append(len(daftar_cadangan()))
        qtbot.waitUntil(lambda: bool(exits), timeout=10_000)
        return 0

    monkeypatch.setattr(LoginDialog, "exec", fake_exec)
    try:
        assert app_module.run_gui(str(db_path)) == app_module.EXIT_DATABASE
    finally:
        lepaskan()
    # The day's copy of a damaged file is refused (checked before it gets a backup name), so no
    # older good copy is rotated away for it; the full check still stops work.
    assert backups == [0]
    assert exits == [app_module.EXIT_DATABASE]
    assert "rusak" in shown[0] and "Jangan lanjut bekerja" in shown[0]
    assert str(db_path) in shown[0]
