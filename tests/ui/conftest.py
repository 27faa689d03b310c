"""UI fixtures: settings kept in the test's folder, the demo office, helpers to drive dialogs."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtWidgets import QDialog
from tests.helpers import login

from skpdesk.services import demo
from skpdesk.services.context import Aktor
from skpdesk.store.models import Pegawai
from skpdesk.ui.bersama import bus as bus_module

LIA_NIP = "199407042019032011"  # Pranata Komputer under Kasi Pemerintahan, under the Camat
CAMAT_NIP = "197508122000031004"


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, qapp) -> None:
    """Window geometry and other QSettings go to the test's folder, never the real profile."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    qapp.setOrganizationName("skpdesk-test")
    qapp.setApplicationName("skpdesk-test")


@pytest.fixture(autouse=True)
def _fresh_bus_and_cleanup(qapp):
    """Each test gets its own app-wide bus; what a test leaves behind is deleted while Qt lives.

    Widgets of an earlier test must not answer a later test's signals (their database is gone),
    and PySide objects left for the interpreter's final garbage collection can crash it there.
    """
    yield
    old = bus_module._bus
    bus_module._bus = None
    if old is not None:
        old.deleteLater()
    for widget in qapp.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture
def demo_admin(demo_db_tanpa_evaluasi) -> Aktor:
    """The demo kecamatan (this year's SKPs, no evaluated years: quicker), administrator in."""
    return login(demo.ADMIN_LOGIN)


def pegawai(nip: str) -> Pegawai:
    return Pegawai.get(Pegawai.nip == nip)


def click(qtbot, button) -> None:
    """Click a button a person could click: it must be shown and enabled."""
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def ganti_exec(
    monkeypatch: pytest.MonkeyPatch, cls: type[QDialog], drive: Callable[[QDialog], None]
) -> list[QDialog]:
    """Replace ``cls.exec`` so that a modal dialog is driven by ``drive`` instead of a person.

    ``drive`` types and clicks on the real widgets; exec then returns the dialog's result.
    The dialogs opened are returned for later assertions.
    """
    opened: list[QDialog] = []

    def fake_exec(self: QDialog) -> int:
        opened.append(self)
        self.show()
        drive(self)
        return self.result()

    monkeypatch.setattr(cls, "exec", fake_exec)
    return opened
