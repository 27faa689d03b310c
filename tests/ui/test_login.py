"""Logging in through the login dialog, and the forced change of a reset password."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from tests.conftest import ADMIN_SANDI
from tests.ui.conftest import ganti_exec

from skpdesk.services import akun as akun_service
from skpdesk.services import daftar
from skpdesk.services.errors import LoginGagal
from skpdesk.store.models import Akun
from skpdesk.ui.login import GantiSandiDialog, LoginDialog


def test_wrong_password_shows_attempts_left_then_right_password_logs_in(qtbot, kantor_siap):
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.nama_kantor.text() == "Kecamatan Contoh"

    qtbot.keyClicks(dialog.login, "admin")
    qtbot.keyClicks(dialog.sandi, "bukan-sandinya1")
    qtbot.mouseClick(dialog.tombol_masuk, Qt.MouseButton.LeftButton)

    assert dialog.pesan.isVisible()
    assert "Sisa percobaan" in dialog.pesan.text()
    assert "4" in dialog.pesan.text()
    assert dialog.aktor is None
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.sandi.text() == ""  # the wrong password is cleared for the next try

    qtbot.keyClicks(dialog.sandi, ADMIN_SANDI)
    qtbot.keyClick(dialog.sandi, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.aktor is not None and dialog.aktor.login == "admin"


def test_locked_account_says_how_long(qtbot, kantor_siap):
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    for _attempt in range(akun_service.MAX_GAGAL):
        dialog.sandi.setText("salah-lagi9")
        dialog.login.setText("admin")
        qtbot.mouseClick(dialog.tombol_masuk, Qt.MouseButton.LeftButton)
    assert "dikunci" in dialog.pesan.text()
    dialog.sandi.setText(ADMIN_SANDI)
    qtbot.mouseClick(dialog.tombol_masuk, Qt.MouseButton.LeftButton)
    assert "menit" in dialog.pesan.text()
    assert dialog.aktor is None


def test_reset_password_must_be_changed_before_the_main_window(
    qtbot, kantor_siap, monkeypatch: pytest.MonkeyPatch
):
    akun_service.buat_akun(kantor_siap, "budi", "awal1234", harus_ganti_sandi=True)

    # First the person closes the change dialog: no way in.
    ganti_exec(monkeypatch, GantiSandiDialog, lambda d: d.reject())
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.login, "budi")
    qtbot.keyClicks(dialog.sandi, "awal1234")
    qtbot.mouseClick(dialog.tombol_masuk, Qt.MouseButton.LeftButton)
    assert dialog.aktor is None
    assert "harus diganti" in dialog.pesan.text()

    # Then a too-short password is refused inline, and a good one lets her in.
    def change(d: GantiSandiDialog) -> None:
        assert d.sandi_lama.text() == "awal1234"  # carried over from the login
        qtbot.keyClicks(d.sandi_baru, "pendek")
        qtbot.keyClicks(d.ulangi, "pendek")
        qtbot.mouseClick(d.tombol_simpan, Qt.MouseButton.LeftButton)
        assert d.galat_baru.isVisible() and "minimal" in d.galat_baru.text().lower()
        assert d.result() != QDialog.DialogCode.Accepted
        d.sandi_baru.clear()
        d.ulangi.clear()
        qtbot.keyClicks(d.sandi_baru, "baru5678x")
        qtbot.keyClicks(d.ulangi, "baru5678x")
        qtbot.mouseClick(d.tombol_simpan, Qt.MouseButton.LeftButton)

    opened = ganti_exec(monkeypatch, GantiSandiDialog, change)
    qtbot.keyClicks(dialog.sandi, "awal1234")
    qtbot.mouseClick(dialog.tombol_masuk, Qt.MouseButton.LeftButton)

    assert len(opened) == 1
    assert dialog.aktor is not None and dialog.aktor.login == "budi"
    assert not daftar.harus_ganti_sandi(Akun.get(Akun.login == "budi").id)
    with pytest.raises(LoginGagal):
        akun_service.masuk("budi", "awal1234")
    assert akun_service.masuk("budi", "baru5678x").login == "budi"
