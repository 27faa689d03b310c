"""The UI language: the person's choice kept in QSettings, installed at start, Qt's own text too."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings, QTranslator, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from skpdesk import APP_NAME, i18n
from skpdesk.i18n import _
from skpdesk.resources import resource_path

KUNCI_BAHASA = "tampilan/bahasa"


def _pengaturan() -> QSettings:
    # Before the QApplication exists (the command line reads the language first) QSettings()
    # has no application name yet: name it as the application will.
    if QCoreApplication.instance() is None:
        return QSettings(APP_NAME, APP_NAME)
    return QSettings()


def bahasa_tersimpan() -> str:
    kode = _pengaturan().value(KUNCI_BAHASA, i18n.BAHASA_BAWAAN)
    return kode if isinstance(kode, str) and kode in i18n.BAHASA else i18n.BAHASA_BAWAAN


def simpan_bahasa(kode: str) -> None:
    if kode not in i18n.BAHASA:
        raise ValueError(kode)
    _pengaturan().setValue(KUNCI_BAHASA, kode)


def pasang_bahasa_tersimpan() -> str:
    """Install the saved language for ``_()``; must run before the UI modules are imported,
    because some of their texts are built at import time."""
    kode = bahasa_tersimpan()
    i18n.pasang_bahasa(kode)
    return kode


_terpasang: QTranslator | None = None


def pasang_terjemahan_qt(app: QCoreApplication, kode: str) -> QTranslator | None:
    """Qt's own texts (standard dialog buttons, context menus) in the chosen language.

    Qt ships no Indonesian catalogue; resources/locale/qtbase_id.ts (compiled to .qm with
    pyside6-lrelease) gives the standard buttons their Indonesian words.
    """
    global _terpasang
    # One Qt catalogue at a time: a new language replaces the one installed before.
    if _terpasang is not None:
        app.removeTranslator(_terpasang)
        _terpasang = None
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # Qt ships none for Indonesian: ours covers the standard buttons (Ya, Tidak, Batal …).
    ours = resource_path(f"locale/qtbase_{kode}.qm")
    if translator.load(f"qtbase_{kode}", folder) or (
        ours.is_file() and translator.load(str(ours))
    ):
        app.installTranslator(translator)
        _terpasang = translator
        return translator
    return None


class PilihBahasa(QWidget):
    """A language chooser that saves at once; the change shows at the next start.

    Signals:
    bahasa_dipilih(str): the person chose another language (its code).
    """

    bahasa_dipilih = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pilihan = QComboBox()
        for kode, nama in i18n.BAHASA.items():
            self.pilihan.addItem(nama, kode)
        self.pilihan.setAccessibleName(_("Bahasa tampilan"))
        self._awal = bahasa_tersimpan()
        self.pilihan.setCurrentIndex(self.pilihan.findData(self._awal))
        self.catatan = QLabel()
        self.catatan.setProperty("peran", "info")
        self.catatan.setWordWrap(True)
        label = QLabel(_("&Bahasa tampilan"))
        label.setBuddy(self.pilihan)
        baris = QHBoxLayout()
        baris.setContentsMargins(0, 0, 0, 0)
        baris.addWidget(label)
        baris.addWidget(self.pilihan)
        baris.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(baris)
        layout.addWidget(self.catatan)
        self._perbarui_catatan()
        self.pilihan.currentIndexChanged.connect(self._on_pilihan_currentIndexChanged)

    def _perbarui_catatan(self) -> None:
        berubah = self.pilihan.currentData() != self._awal
        self.catatan.setText(
            _("Bahasa baru berlaku setelah aplikasi dibuka ulang.")
            if berubah
            else _(
                "Pilihan ini untuk pengguna komputer ini; berlaku setelah aplikasi dibuka ulang."
            )
        )

    def _on_pilihan_currentIndexChanged(self, _index: int) -> None:
        kode = self.pilihan.currentData()
        simpan_bahasa(kode)
        self._perbarui_catatan()
        self.bahasa_dipilih.emit(kode)
