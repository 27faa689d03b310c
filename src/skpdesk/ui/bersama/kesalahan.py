"""Unexpected errors in the GUI: logged with their traceback, told to the person in a dialog.

PySide6 hands an exception raised in a slot to ``sys.excepthook`` and then carries on with the
event loop, so after the dialog the application stays usable. Every service call runs in its
own transaction, so an error in the middle rolls back that one operation and nothing committed
is lost.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from skpdesk.i18n import _
from skpdesk.services.errors import BasisDataSibuk, KoneksiTerputus

log = logging.getLogger("skpdesk.kesalahan")


class DialogKesalahan(QMessageBox):
    def __init__(self, log_path: Path, rincian: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(_("Terjadi kesalahan"))
        self.setText(
            _(
                "Terjadi kesalahan yang tidak terduga. Pekerjaan yang sudah tersimpan tetap aman, "
                "dan Anda dapat melanjutkan bekerja."
            )
        )
        self.setInformativeText(
            _(
                "Rinciannya dicatat di berkas log:\n{path}\n\nBila kesalahan ini berulang, kirim "
                "berkas itu kepada pengelola kepegawaian atau pembuat aplikasi."
            ).format(path=log_path)
        )
        self.setDetailedText(rincian)
        self.tombol_folder = self.addButton(_("Buka Folder Log"), QMessageBox.ButtonRole.ActionRole)
        self.addButton(_("Tutup"), QMessageBox.ButtonRole.AcceptRole)
        # An action button would close the box; open the folder and stay instead.
        self.tombol_folder.clicked.disconnect()
        self.tombol_folder.clicked.connect(self._on_tombol_folder_clicked)

    def _on_tombol_folder_clicked(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))


class PenanganKesalahan:
    """The ``sys.excepthook`` of the GUI; one dialog at a time, however many errors follow."""

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self._sedang_tampil = False
        self.sebelumnya = sys.excepthook

    def __call__(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self.sebelumnya(exc_type, exc, tb)
            return
        sementara = issubclass(exc_type, (BasisDataSibuk, KoneksiTerputus))
        if sementara:
            # Busy or disconnected outside a screen's own handling (a list refreshing): the
            # plain message, no traceback; nothing was written.
            log.warning("basis data belum dapat dipakai: %s", exc)
        else:
            log.error("kesalahan tak terduga", exc_info=(exc_type, exc, tb))
        for handler in logging.getLogger().handlers:
            handler.flush()
        if self._sedang_tampil or QApplication.instance() is None:
            return
        self._sedang_tampil = True
        try:
            if sementara:
                QMessageBox.warning(QApplication.activeWindow(),
                                    _("Basis data belum dapat dipakai"), str(exc))
                return
            rincian = "".join(traceback.format_exception(exc_type, exc, tb))
            DialogKesalahan(self.log_path, rincian, QApplication.activeWindow()).exec()
        finally:
            self._sedang_tampil = False


def _di_thread_lain(args: threading.ExceptHookArgs) -> None:
    # Widgets belong to the GUI thread: an error elsewhere is logged, not shown.
    log.error(
        "kesalahan tak terduga di thread %s",
        args.thread.name if args.thread else "?",
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
    )


def pasang(log_path: Path) -> PenanganKesalahan:
    """Install the hooks; returns the GUI one (tests put the previous one back)."""
    hook = PenanganKesalahan(log_path)
    sys.excepthook = hook
    threading.excepthook = _di_thread_lain
    return hook
