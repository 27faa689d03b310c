"""Starting the GUI: the application object, the database, first-run setup, login, main window."""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from skpdesk import APP_NAME, __version__, logfile
from skpdesk.i18n import _
from skpdesk.resources import resource_path
from skpdesk.services import akun as akun_service
from skpdesk.services import cadangan, kantor
from skpdesk.services.basisdata import (
    DatabaseOpenError,
    open_database,
    periksa_penuh,
    resolve_target,
)
from skpdesk.services.context import Aktor
from skpdesk.ui import bahasa
from skpdesk.ui.bersama import gaya, kesalahan
from skpdesk.ui.login import LoginDialog
from skpdesk.ui.satu_instans import SatuInstans

if TYPE_CHECKING:
    import peewee as pw

    from skpdesk.ui.main_window import MainWindow

EXIT_OK = 0
EXIT_DATABASE = 2
# A session left open overnight still gets its daily backup: check every hour.
CEK_CADANGAN_MS = 60 * 60 * 1000
TUNGGU_TERTUNDA_S = 10

log = logging.getLogger(__name__)


def _describe_default(database: pw.Database) -> str:
    from skpdesk.services.basisdata import describe

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
    app.setWindowIcon(QIcon(str(resource_path("ikon/skpdesk.png"))))
    gaya.terapkan(app)
    bahasa.pasang_terjemahan_qt(app, bahasa.bahasa_tersimpan())
    return app


MODUL_JENDELA_UTAMA = "skpdesk.ui.main_window"


def create_main_window(aktor: Aktor, database_description: str) -> MainWindow:
    """The main window for a logged-in person (also used by the start-up benchmark)."""
    from skpdesk.ui.main_window import MainWindow

    return MainWindow(aktor, database_description)


def siapkan_jendela_utama() -> None:
    """Import the main window's modules while the login waits for the password.

    The login dialog then appears without them (the first thing a person sees), and the
    window is ready when the password has been typed.
    """
    importlib.import_module(MODUL_JENDELA_UTAMA)


def petunjuk_demo() -> str:
    # The sample office's module pulls in every service's demo data: only when it is used.
    from skpdesk.services import demo

    return _("Kantor contoh: masuk dengan NIP atau '{admin}', kata sandi {sandi}.").format(
        admin=demo.ADMIN_LOGIN, sandi=demo.DEMO_SANDI
    )


def _wizard() -> QDialog:
    from skpdesk.ui.setup_wizard import SetupWizard  # only on the very first start

    return SetupWizard()


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
        QTimer.singleShot(0, siapkan_jendela_utama)
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

    def tampilkan(self) -> None:
        """Bring this session forward (a second start on the same database asked for it)."""
        widget: QWidget | None = QApplication.activeModalWidget() or self.jendela
        if widget is None:
            return
        if widget.isMinimized():
            widget.showNormal()
        widget.show()
        widget.raise_()
        widget.activateWindow()


def sudah_terbuka(target: str) -> None:
    """Tell the person at a second start that skpdesk is open already."""
    QMessageBox.information(
        None,
        _("skpdesk sudah terbuka"),
        _(
            "skpdesk sudah terbuka untuk basis data ini:\n{db}\n\nJendelanya dibawa ke depan; "
            "bila tidak terlihat, cari ikon skpdesk di taskbar."
        ).format(db=target),
    )


def dipakai_proses_lain(target: str, pemegang: str) -> None:
    """A second start whose first did not answer: another user, or another computer."""
    QMessageBox.warning(
        None,
        _("Basis data sedang dipakai"),
        _(
            "Basis data ini sedang dibuka oleh skpdesk lain (komputer: {komputer}), mungkin "
            "oleh pengguna lain:\n{db}\n\nTutup skpdesk di sana terlebih dahulu, lalu buka "
            "lagi di sini."
        ).format(db=target, komputer=pemegang or _("tidak diketahui")),
    )


def cadangan_harian() -> None:
    """The daily backup; a failure is logged and never stops the work."""
    try:
        cadangan.cadangan_harian()
    except Exception:  # a full disk or a locked folder must not keep the office out
        log.exception("cadangan harian gagal")


class PemeriksaPenuh(QThread):
    """The full integrity check after the daily backup, on a worker thread: a large office's
    file takes seconds, and the login does not wait for it. ``rusak`` brings the message."""

    rusak = Signal(str)

    def run(self) -> None:
        pesan = periksa_penuh()
        if pesan is not None:
            self.rusak.emit(pesan)

    def hentikan(self) -> None:
        """SQLite cannot be stopped halfway here: wait for the check to end."""
        self.wait()


def mulai_pemeriksaan_penuh(gagal: list[str]) -> PemeriksaPenuh:
    """Start the full check; a failure stops the work with the message opening would give:
    the message is shown and the application ends (exit code ``EXIT_DATABASE``)."""

    def on_rusak(pesan: str) -> None:
        gagal.append(pesan)
        log.error("basis data rusak (pemeriksaan penuh): %s", pesan)
        QMessageBox.critical(None, _("Basis data tidak dapat dibuka"), pesan)
        QApplication.exit(EXIT_DATABASE)

    from skpdesk.ui.bersama.verifikasi import jalankan_terjaga

    worker = PemeriksaPenuh()
    worker.rusak.connect(on_rusak)
    jalankan_terjaga(worker)
    return worker


def run_gui(
    db_path: str | None,
    *,
    demo_if_empty: bool = False,
    describe: Callable[[pw.Database], str] = _describe_default,
) -> int:
    app = buat_aplikasi()
    # The session decides when to quit: between users no window is open for a moment.
    app.setQuitOnLastWindowClosed(False)
    kesalahan.pasang(logfile.pasang())
    target = resolve_target(db_path)
    instans = SatuInstans(target, app)
    if not instans.mulai():
        if instans.minta_tampil():
            sudah_terbuka(target)
        else:
            dipakai_proses_lain(target, instans.pemegang())
        return EXIT_OK
    try:
        database = open_database(db_path)
    except DatabaseOpenError as exc:
        log.error("basis data tidak dapat dibuka: %s", exc)
        QMessageBox.critical(None, _("Basis data tidak dapat dibuka"), str(exc))
        return EXIT_DATABASE
    petunjuk = ""
    if not kantor.sudah_disiapkan():
        if demo_if_empty:
            from skpdesk.services import demo

            demo.buat_kantor_demo()
            petunjuk = petunjuk_demo()
        else:
            wizard = _wizard()
            if wizard.exec() != QDialog.DialogCode.Accepted:
                return EXIT_OK
            # The office's server chosen in the wizard: this session works on it from now on.
            database = getattr(wizard, "basis_data", None) or database
            if getattr(wizard, "dari_paket", None) is not None:
                petunjuk = _(
                    "Laptop ini disiapkan dari paket kantor {kantor}. Masuk dengan NIP dan kata "
                    "sandi Anda."
                ).format(kantor=kantor.instansi().nama)
    # After set-up, so that the day's copy holds an office, not an empty file.
    cadangan_harian()
    # Opening ran only the quick check; the full one runs now, beside the login.
    gagal: list[str] = []
    pemeriksa = mulai_pemeriksaan_penuh(gagal)
    timer = QTimer(app)
    timer.timeout.connect(cadangan_harian)
    timer.start(CEK_CADANGAN_MS)
    sesi = Sesi(describe(database), petunjuk)
    instans.diminta_tampil.connect(sesi.tampilkan)
    if not sesi.masuk():
        pemeriksa.wait()
        return EXIT_DATABASE if gagal else EXIT_OK
    code = app.exec()
    pemeriksa.wait()
    if gagal:
        return EXIT_DATABASE
    # A login that found the database busy still owes its session row: a last chance.
    if not akun_service.tunggu_tertunda(TUNGGU_TERTUNDA_S):
        log.warning("catatan sesi belum tertulis saat aplikasi ditutup")
    return code
