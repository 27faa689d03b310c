"""Starting the GUI: the application object, the database, first-run setup, login, main window."""

from __future__ import annotations

import sys
from collections.abc import Callable

import peewee as pw
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from skpdesk import APP_NAME, __version__
from skpdesk.i18n import _
from skpdesk.services import demo, kantor
from skpdesk.services.context import Aktor
from skpdesk.store.database import DatabaseOpenError, open_database
from skpdesk.ui import gaya
from skpdesk.ui.login import LoginDialog
from skpdesk.ui.main_window import MainWindow
from skpdesk.ui.setup_wizard import SetupWizard

EXIT_OK = 0
EXIT_DATABASE = 2


def _describe_default(database: pw.Database) -> str:
    from skpdesk.store.database import describe

    return describe(database)


def buat_aplikasi(argv: list[str] | None = None) -> QApplication:
    """The QApplication with our name (for QSettings), Fusion and the readable font."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName("skpdesk")
    app.setApplicationVersion(__version__)
    gaya.terapkan(app)
    return app


def create_main_window(aktor: Aktor, database_description: str) -> MainWindow:
    """The main window for a logged-in person (also used by the start-up benchmark)."""
    return MainWindow(aktor, database_description)


def petunjuk_demo() -> str:
    return _("Kantor contoh: masuk dengan NIP atau '{admin}', kata sandi {sandi}.").format(
        admin=demo.ADMIN_LOGIN, sandi=demo.DEMO_SANDI
    )


class Sesi(QObject):
    """Login, main window, and back to the login on "Ganti pengguna"."""

    def __init__(self, database_description: str, petunjuk: str = "") -> None:
        super().__init__()
        self._database_description = database_description
        self._petunjuk = petunjuk
        self.jendela: MainWindow | None = None

    def masuk(self) -> bool:
        """Show the login; on success open the main window. False when the person gave up."""
        dialog = LoginDialog(self._petunjuk)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.aktor is None:
            return False
        self.jendela = create_main_window(dialog.aktor, self._database_description)
        self.jendela.ganti_pengguna_diminta.connect(self._on_jendela_ganti_pengguna_diminta)
        self.jendela.ditutup.connect(self._on_jendela_ditutup)
        self.jendela.show()
        return True

    def _on_jendela_ganti_pengguna_diminta(self) -> None:
        old = self.jendela
        self.jendela = None
        if old is not None:
            old.deleteLater()
        # Let the old window's click handler finish before the login blocks in its own loop.
        QTimer.singleShot(0, self._masuk_lagi)

    def _masuk_lagi(self) -> None:
        if not self.masuk():
            QApplication.quit()

    def _on_jendela_ditutup(self) -> None:
        QApplication.quit()


def run_gui(
    db_path: str | None,
    *,
    demo_if_empty: bool = False,
    describe: Callable[[pw.Database], str] = _describe_default,
) -> int:
    app = buat_aplikasi()
    # The session decides when to quit: between users no window is open for a moment.
    app.setQuitOnLastWindowClosed(False)
    try:
        database = open_database(db_path)
    except DatabaseOpenError as exc:
        QMessageBox.critical(None, _("Basis data tidak dapat dibuka"), str(exc))
        return EXIT_DATABASE
    petunjuk = ""
    if not kantor.sudah_disiapkan():
        if demo_if_empty:
            demo.buat_kantor_demo()
            petunjuk = petunjuk_demo()
        elif SetupWizard().exec() != QDialog.DialogCode.Accepted:
            return EXIT_OK
    sesi = Sesi(describe(database), petunjuk)
    if not sesi.masuk():
        return EXIT_OK
    return app.exec()
