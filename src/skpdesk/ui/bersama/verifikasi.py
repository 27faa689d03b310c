"""Data that differs from its signed history: the banner of the main window, the list of
findings, and the full check run in the background after login (services/verifikasi.py)."""

from __future__ import annotations

import gc
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from skpdesk.i18n import _
from skpdesk.services import verifikasi
from skpdesk.services.verifikasi import GALAT, Laporan

NAMA_DISEBUT = 3  # records named in the banner; the rest are counted


def _daftar(names: list[str]) -> str:
    if len(names) <= NAMA_DISEBUT:
        return ", ".join(names)
    return _("{daftar}, dan {n} lainnya").format(
        daftar=", ".join(names[:NAMA_DISEBUT]), n=len(names) - NAMA_DISEBUT)


def teks_spanduk(laporan: Laporan, pengelola: bool) -> str:
    """The banner's sentence: the records in error by name, or the first warning."""
    galat: dict[tuple[str, str], str] = {}
    for t in laporan.galat:
        galat.setdefault((t.entitas, t.entitas_id), t.uraian)
    if galat:
        names = list(galat.values())
        # The personnel office is the one the others are sent to: it is told what to do.
        tindakan = (
            _("Periksa dengan 'skpdesk verifikasi' dan pulihkan dari cadangan.")
            if pengelola else _("Hubungi pengelola kepegawaian.")
        )
        return _(
            "Peringatan: {n} data berbeda dari riwayat yang ditandatangani: {daftar}. Data ini "
            "tidak dapat dicetak atau dikirim. {tindakan}"
        ).format(n=len(names), daftar=_daftar(names), tindakan=tindakan)
    if not laporan.temuan:
        return ""
    first = laporan.temuan[0]
    more = len(laporan.temuan) - 1
    text = _("Catatan pemeriksaan riwayat: {temuan}").format(temuan=str(first))
    if more:
        text += " " + _("(dan {n} catatan lain)").format(n=more)
    return text


class SpandukVerifikasi(QFrame):
    """A banner across the main window while some data differs from its signed history;
    hidden while everything verifies. "Lihat rincian" lists every finding."""

    def __init__(self, pengelola: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pengelola = pengelola
        self._laporan = Laporan()
        self.teks = QLabel()
        self.teks.setWordWrap(True)
        self.teks.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tombol_rincian = QPushButton(_("Lihat rincian"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.teks, 1)
        layout.addWidget(self.tombol_rincian, 0, Qt.AlignmentFlag.AlignTop)
        self.tombol_rincian.clicked.connect(self._on_tombol_rincian_clicked)
        self.setVisible(False)

    @property
    def laporan(self) -> Laporan:
        return self._laporan

    def tampilkan(self, laporan: Laporan) -> None:
        self._laporan = laporan
        text = teks_spanduk(laporan, self._pengelola)
        self.teks.setText(text)
        # An error is red; a warning alone (a key not yet certified) is amber.
        self.setObjectName("spanduk_galat" if laporan.galat else "spanduk_catatan")
        self.style().unpolish(self)
        self.style().polish(self)
        self.setVisible(bool(text))

    def _on_tombol_rincian_clicked(self) -> None:
        DaftarTemuanDialog(self._laporan, parent=self.window()).exec()


class DaftarTemuanDialog(QDialog):
    """Every finding of the check: its level, the record in words, what was found."""

    def __init__(self, laporan: Laporan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Pemeriksaan riwayat bertanda tangan"))
        self.resize(860, 420)
        intro = QLabel(_(
            "Data berikut berbeda dari riwayat yang ditandatangani, atau riwayatnya diubah di "
            "luar aplikasi. Data yang bergalat tidak dapat dicetak atau dikirim sampai "
            "dipulihkan dari cadangan. Pemeriksaan yang sama: skpdesk verifikasi."
        ))
        intro.setWordWrap(True)
        self.tabel = QTableWidget(len(laporan.temuan), 3)
        self.tabel.setHorizontalHeaderLabels([_("Tingkat"), _("Data"), _("Temuan")])
        self.tabel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.verticalHeader().setVisible(False)
        header = self.tabel.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, t in enumerate(laporan.temuan):
            level = _("Galat") if t.tingkat == GALAT else _("Catatan")
            for col, text in enumerate((level, t.uraian, t.pesan)):
                self.tabel.setItem(row, col, QTableWidgetItem(text))
        self.tabel.setWordWrap(True)
        self.tabel.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tabel, 1)
        layout.addWidget(buttons)


class PemeriksaLatar(QThread):
    """The checks after login on a worker thread, with its own read-only connection (peewee
    keeps one per thread): ``cepat`` brings the quick content check's report, ``selesai`` the
    full check's, or None when stopped or failed."""

    cepat = Signal(object)
    selesai = Signal(object)

    def run(self) -> None:
        self.selesai.emit(verifikasi.periksa_latar(self.isInterruptionRequested,
                                                   self.cepat.emit))

    def hentikan(self) -> None:
        """Stop between steps and wait: the database may be closed right after."""
        self.requestInterruption()
        self.wait()


class _Penjaga(QObject):
    """Holds each background check until its thread has ended, whatever became of the window
    that started it (a QThread destroyed while running takes the process down).

    While a check runs, Python's automatic garbage collection is paused: it would otherwise
    also run on the worker thread, and collecting a closed window there destroys Qt widgets
    outside the GUI thread (a crash). Collection resumes when the last check ends.
    """

    def __init__(self) -> None:
        super().__init__()
        self.berjalan: set[QThread] = set()
        self._gc_dijeda = False
        app = QCoreApplication.instance()
        if app is not None:
            # Quitting with a window still open (a second start, a smoke run) stops them too.
            app.aboutToQuit.connect(self.hentikan_semua)

    def hentikan_semua(self) -> None:
        for worker in list(self.berjalan):
            worker.hentikan()

    def mulai(self, worker: QThread) -> None:
        if not self.berjalan and gc.isenabled():
            gc.disable()
            self._gc_dijeda = True
        self.berjalan.add(worker)
        # Queued to this (the main) thread: the worker is let go only after it has ended.
        worker.finished.connect(self._on_worker_finished)
        worker.start(QThread.Priority.LowPriority)

    def _on_worker_finished(self) -> None:
        worker = self.sender()
        if isinstance(worker, QThread):
            # Ended: dropping the last reference deletes it (no deleteLater, which would leave
            # a window holding a dangling wrapper).
            worker.wait()
            self.berjalan.discard(worker)
        if not self.berjalan and self._gc_dijeda:
            self._gc_dijeda = False
            gc.enable()


_penjaga: _Penjaga | None = None


def jalankan_terjaga(worker: QThread) -> None:
    """Start a checking thread held until it ends, with garbage collection paused meanwhile
    (see ``_Penjaga``); quitting the application stops it (it must offer ``hentikan``)."""
    global _penjaga
    if _penjaga is None:
        _penjaga = _Penjaga()
    _penjaga.mulai(worker)


def mulai_pemeriksaan_latar(cepat: Callable[[Laporan], None],
                            selesai: Callable[[Laporan | None], None]) -> PemeriksaLatar:
    """Start the checks in the background; ``cepat`` and ``selesai`` (slots of a widget) get
    the quick and the full report in the main thread."""
    global _penjaga
    if _penjaga is None:
        _penjaga = _Penjaga()
    worker = PemeriksaLatar()
    worker.cepat.connect(cepat)
    worker.selesai.connect(selesai)
    _penjaga.mulai(worker)
    return worker
