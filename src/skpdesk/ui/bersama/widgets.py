"""Small widgets shared by the pages: inline error labels, a note dialog, a pegawai picker."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain.nip import format_nip
from skpdesk.i18n import _
from skpdesk.services.daftar import BarisPegawai
from skpdesk.services.errors import LayananError, ValidasiGagal

GALAT = "galat"
INFO = "info"
SUKSES = "sukses"

LEBAR_ISIAN = 420


def set_peran(widget: QWidget, peran: str) -> None:
    """Switch a label's look (error, info, success); the style must re-read the property."""
    widget.setProperty("peran", peran)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


PANJANG_COMBO = 24


def cari_data(combo: QComboBox, value: object) -> int:
    """The index of the item holding ``value``, or -1.

    ``QComboBox.findData`` cannot match Python objects such as ``uuid.UUID``; this compares
    them in Python.
    """
    for index in range(combo.count()):
        if combo.itemData(index) == value:
            return index
    return -1


def combo_ringkas(combo: QComboBox) -> QComboBox:
    """Long items (jabatan, unit paths) must not make a dialog wider than the screen."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(PANJANG_COMBO)
    return combo


def tombol_primer(teks: str) -> QPushButton:
    """The one prominent action of a page or dialog."""
    button = QPushButton(teks)
    button.setProperty("primer", True)
    return button


class LabelPesan(QLabel):
    """A word-wrapped message under a field or at the top of a page; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)

    # A wrapped QLabel asks for the height of a "nice" narrow width, which leaves gaps in
    # form layouts; it asks for the height at the width it really has.
    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self.wordWrap() and self.text() and self.width() > 0:
            hint.setHeight(self.heightForWidth(self.width()))
        return hint

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self.wordWrap() and self.text() and self.width() > 0:
            hint.setHeight(self.heightForWidth(self.width()))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.wordWrap() and event.oldSize().width() != event.size().width():
            self.updateGeometry()

    def _atur_tampil(self, visible: bool) -> None:
        self.setVisible(visible)
        window = self.window()
        if visible and isinstance(window, QDialog) and window.isVisible():
            # A dialog grows to show a long message instead of clipping it.
            window.adjustSize()

    def galat(self, teks: str) -> None:
        self._tampil(teks, GALAT)

    def info(self, teks: str) -> None:
        self._tampil(teks, INFO)

    def sukses(self, teks: str) -> None:
        self._tampil(teks, SUKSES)

    def bersihkan(self) -> None:
        self.clear()
        self._atur_tampil(False)

    def adalah_galat(self) -> bool:
        return bool(self.text()) and self.property("peran") == GALAT

    def _tampil(self, teks: str, peran: str) -> None:
        set_peran(self, peran)
        self.setText(teks)
        self._atur_tampil(bool(teks))


def baris_pesan(form: QFormLayout, pesan: QWidget) -> None:
    """Add a message row under the previous field; the row is hidden while it is empty."""
    form.addRow("", pesan)
    # With its empty label hidden too, the row takes no space while the message is hidden.
    label = form.labelForField(pesan)
    if label is not None:
        label.hide()


def ruang_pesan(pesan: LabelPesan, baris: int = 2) -> QWidget:
    """A holder of a fixed height that keeps room for a message of up to ``baris`` lines while
    none shows, so the fields and buttons below never move when one appears (a click aimed at
    one then lands on it)."""
    wadah = QWidget()
    layout = QVBoxLayout(wadah)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(pesan)
    layout.addStretch(1)
    wadah.setFixedHeight(baris * pesan.fontMetrics().lineSpacing() + 4)
    return wadah


class GalatForm:
    """Maps the keys of ``ValidasiGagal.errors`` to the labels under their fields."""

    def __init__(self, umum: LabelPesan, **per_kunci: LabelPesan) -> None:
        self._umum = umum
        self._labels = per_kunci

    def bersihkan(self) -> None:
        self._umum.bersihkan()
        for label in self._labels.values():
            label.bersihkan()

    def tampilkan(self, exc: LayananError) -> None:
        """Put each message beside its field; anything without a field goes to the general label."""
        self.bersihkan()
        errors = exc.errors if isinstance(exc, ValidasiGagal) else {"": str(exc)}
        lain = []
        for key, message in errors.items():
            label = self._labels.get(key)
            if label is None:
                lain.append(message)
            else:
                label.galat(message)
        if lain:
            self._umum.galat("\n".join(lain))

    def label(self, kunci: str) -> LabelPesan:
        return self._labels[kunci]


class CatatanDialog(QDialog):
    """Asks for a note (a reason); OK stays disabled until something is written.

    ``aksi`` receives the note and calls the service; a refusal is shown inside the dialog,
    which then stays open; on success the ``umumkan`` entities are announced on the bus.
    """

    def __init__(
        self,
        judul: str,
        pertanyaan: str,
        teks_ok: str,
        aksi: Callable[[str], object],
        parent: QWidget | None = None,
        umumkan: Iterable[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(judul)
        self._aksi = aksi
        self._umumkan = tuple(umumkan)
        self.pertanyaan = QLabel(pertanyaan)
        self.pertanyaan.setWordWrap(True)
        self.catatan = QPlainTextEdit()
        self.catatan.setTabChangesFocus(True)
        self.catatan.setPlaceholderText(_("Tulis alasannya di sini…"))
        self.pesan = LabelPesan()
        self.tombol = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.tombol_ok = tombol_primer(teks_ok)
        self.tombol.addButton(self.tombol_ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.tombol.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Batal"))
        self.tombol.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.tombol_ok.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pertanyaan)
        layout.addWidget(self.catatan)
        layout.addWidget(self.pesan)
        layout.addWidget(self.tombol)
        self.resize(440, 240)

        self.catatan.textChanged.connect(self._on_catatan_textChanged)
        self.tombol.accepted.connect(self._on_tombol_accepted)
        self.tombol.rejected.connect(self.reject)

    def teks(self) -> str:
        return self.catatan.toPlainText().strip()

    def _on_catatan_textChanged(self) -> None:
        self.tombol_ok.setEnabled(bool(self.teks()))

    def _on_tombol_accepted(self) -> None:
        from skpdesk.ui.bersama import aksi  # aksi builds on this module's labels

        if not self.teks():
            return
        note = self.teks()
        if aksi.berhasil(lambda: self._aksi(note), self.pesan, umumkan=self._umumkan):
            self.accept()


class PilihPegawai(QComboBox):
    """A searchable list of pegawai: type part of a name or NIP, pick from the list."""

    def __init__(self, teks_kosong: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._teks_kosong = teks_kosong
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        combo_ringkas(self)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.lineEdit().setPlaceholderText(_("Ketik nama atau NIP…"))
        self.isi([])

    def isi(self, rows: Iterable[BarisPegawai], kecuali: uuid.UUID | None = None) -> None:
        chosen = self.pegawai_id()
        self.clear()
        self.addItem(self._teks_kosong, None)
        for row in rows:
            if row.id == kecuali or not row.aktif:
                continue
            label = f"{row.nama_lengkap} — {format_nip(row.nip)}"
            if row.jabatan:
                label += f" ({row.jabatan})"
            self.addItem(label, row.id)
        self.set_pegawai_id(chosen)

    def pegawai_id(self) -> uuid.UUID | None:
        """The chosen pegawai; the typed text decides when it names an item exactly."""
        text = self.currentText().strip()
        if not text:
            return None
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            index = self.currentIndex()
        return self.itemData(index) if index >= 0 else None

    def teks_dikenal(self) -> bool:
        """False when the typed text matches no item (the person typed but did not pick)."""
        text = self.currentText().strip()
        return not text or self.findText(text, Qt.MatchFlag.MatchFixedString) >= 0

    def set_pegawai_id(self, pegawai_id: uuid.UUID | None) -> None:
        index = cari_data(self, pegawai_id) if pegawai_id is not None else 0
        self.setCurrentIndex(max(index, 0))


class IsianDialog(QDialog):
    """One line of text (a unit's name…); ``aksi`` saves it, a refusal stays inside the dialog."""

    def __init__(
        self,
        judul: str,
        label: str,
        nilai: str,
        teks_ok: str,
        aksi: Callable[[str], object],
        parent: QWidget | None = None,
        umumkan: Iterable[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(judul)
        self._aksi = aksi
        self._umumkan = tuple(umumkan)
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.isian = QLineEdit(nilai)
        self.isian.selectAll()
        self.pesan = LabelPesan()
        self.tombol = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.tombol_ok = tombol_primer(teks_ok)
        self.tombol.addButton(self.tombol_ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.tombol_ok.setDefault(True)
        self.tombol.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Batal"))
        self.tombol.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.isian)
        layout.addWidget(self.pesan)
        layout.addWidget(self.tombol)
        self.setMinimumWidth(LEBAR_ISIAN)

        self.tombol.accepted.connect(self._on_tombol_accepted)
        self.tombol.rejected.connect(self.reject)

    def _on_tombol_accepted(self) -> None:
        from skpdesk.ui.bersama import aksi  # aksi builds on this module's labels

        text = self.isian.text()
        if aksi.berhasil(lambda: self._aksi(text), self._galat, umumkan=self._umumkan):
            self.accept()

    def _galat(self, exc: BaseException) -> None:
        self.pesan.galat(str(exc))
        self.isian.setFocus()
