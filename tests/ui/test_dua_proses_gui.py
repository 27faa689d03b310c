"""The window while another process writes to the same SQLite file: a refused save offers
"Coba lagi" and succeeds once the other let go; the login gets in; a busy database that
escapes a screen shows its message, never a traceback. The other process is real."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from tests.proses_lain import SANDI, buka_kantor, hitung, pegang_kunci_tulis, tutup
from tests.ui.conftest import ganti_exec

from skpdesk import logfile
from skpdesk.domain.entitas import Entitas
from skpdesk.services import akun as akun_service
from skpdesk.services.errors import BasisDataSibuk
from skpdesk.store import database
from skpdesk.ui.bersama import kesalahan
from skpdesk.ui.bersama.aksi import KotakCobaLagi
from skpdesk.ui.bersama.kesalahan import DialogKesalahan
from skpdesk.ui.login import GantiSandiDialog, LoginDialog

LAMA = database.SQLITE_PRAGMAS["busy_timeout"] / 1000 + 3
SANDI_BARU = "baru5678x"


@pytest.fixture
def admin(db_path):
    aktor = buka_kantor(db_path)
    yield aktor
    tutup()


def _ganti_sandi_dialog(qtbot, aktor) -> GantiSandiDialog:
    dialog = GantiSandiDialog(aktor)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.sandi_lama, SANDI)
    qtbot.keyClicks(dialog.sandi_baru, SANDI_BARU)
    qtbot.keyClicks(dialog.ulangi, SANDI_BARU)
    return dialog


def _stored_hash(db_path) -> str:
    import sqlite3

    con = sqlite3.connect(str(db_path))
    try:
        return con.execute("SELECT password_hash FROM akun WHERE login = 'admin'").fetchone()[0]
    finally:
        con.close()


def test_a_refused_save_offers_coba_lagi_and_the_retry_succeeds(qtbot, admin, db_path,
                                                                monkeypatch):
    before = _stored_hash(db_path)
    with pegang_kunci_tulis(db_path, LAMA + 20) as other:
        seen: list[tuple[str, str]] = []

        def retry_after_release(box: KotakCobaLagi) -> None:
            seen.append((box.text(), box.tombol_coba.text()))
            assert _stored_hash(db_path) == before  # nothing written by the refused try
            other.lepas()
            qtbot.mouseClick(box.tombol_coba, Qt.MouseButton.LeftButton)

        boxes = ganti_exec(monkeypatch, KotakCobaLagi, retry_after_release)
        dialog = _ganti_sandi_dialog(qtbot, admin)
        qtbot.mouseClick(dialog.tombol_simpan, Qt.MouseButton.LeftButton)

    assert len(boxes) == 1
    text, button = seen[0]
    assert "Basis data sedang dipakai proses lain" in text and "coba lagi" in text
    assert button == "Coba lagi"
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _stored_hash(db_path) != before
    assert akun_service.masuk("admin", SANDI_BARU).login == "admin"


def test_batal_leaves_the_message_in_the_form_and_the_input_in_place(qtbot, admin, db_path,
                                                                     monkeypatch):
    before = _stored_hash(db_path)
    with pegang_kunci_tulis(db_path, LAMA + 20) as other:
        ganti_exec(monkeypatch, KotakCobaLagi,
                   lambda box: qtbot.mouseClick(box.tombol_batal, Qt.MouseButton.LeftButton))
        dialog = _ganti_sandi_dialog(qtbot, admin)
        qtbot.mouseClick(dialog.tombol_simpan, Qt.MouseButton.LeftButton)
        other.lepas()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "sedang dipakai proses lain" in dialog.pesan.text()
    assert dialog.sandi_baru.text() == SANDI_BARU
    assert _stored_hash(db_path) == before


def test_the_login_dialog_lets_the_right_password_in_while_another_process_writes(
    qtbot, admin, db_path
):
    sesi = f"SELECT COUNT(*) FROM riwayat WHERE entitas = '{Entitas.SESI}' AND aksi = 'masuk'"
    before = hitung(db_path, sesi)
    with pegang_kunci_tulis(db_path, LAMA) as other:
        dialog = LoginDialog()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.login, "admin")
        qtbot.keyClicks(dialog.sandi, "bukan-sandinya1")
        qtbot.mouseClick(dialog.tombol_masuk, Qt.MouseButton.LeftButton)
        # A wrong one cannot be counted now: refused, to be tried again, not let through.
        assert "sedang dipakai proses lain" in dialog.pesan.text()
        assert dialog.aktor is None
        dialog.sandi.clear()
        qtbot.keyClicks(dialog.sandi, SANDI)
        qtbot.mouseClick(dialog.tombol_masuk, Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert dialog.aktor is not None and dialog.aktor.login == "admin"
        other.selesai()
    assert akun_service.tunggu_tertunda(30)
    assert hitung(db_path, sesi) == before + 1
    assert hitung(db_path, "SELECT gagal_login FROM akun WHERE login = 'admin'") == 0


@pytest.fixture
def hook(tmp_path):
    installed = kesalahan.pasang(logfile.pasang(tmp_path / "log" / "skpdesk.log"))
    yield installed
    sys.excepthook = installed.sebelumnya
    threading.excepthook = threading.__excepthook__
    logfile.lepas()


def test_a_busy_database_escaping_a_screen_shows_its_message_not_a_traceback(
    hook, monkeypatch, qapp
):
    warned: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: warned.append((title, text)))
    monkeypatch.setattr(DialogKesalahan, "exec", lambda self: pytest.fail("traceback dialog"))
    try:
        raise BasisDataSibuk(database.pesan_sibuk())
    except BasisDataSibuk as exc:
        hook(type(exc), exc, exc.__traceback__)
    assert warned == [("Basis data belum dapat dipakai", database.pesan_sibuk())]
    text = hook.log_path.read_text(encoding="utf-8")
    assert "Traceback" not in text and "sedang dipakai proses lain" in text
