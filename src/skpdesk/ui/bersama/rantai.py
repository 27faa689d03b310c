"""One chain UI for every workflow: its action bar, its history table, its return-note box.

The SKP editor, the evaluation page and the Pengukuran page show their chains with these
pieces, so a chain looks and behaves the same wherever it appears: the buttons are the
transitions the service offers this person now (one primary), a note is asked for when the
table says so, the history has the same columns and the same marking of steps late against
the SOP standard time, and a return or reopen shows its reason on top.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from skpdesk.domain.workflow import Alur, Transisi
from skpdesk.i18n import _
from skpdesk.ui.bersama import aksi, gaya, teks
from skpdesk.ui.bersama.aksi import Tempat
from skpdesk.ui.bersama.widgets import CatatanDialog, tombol_primer
from skpdesk.ui.skp.model import lama

if TYPE_CHECKING:
    from skpdesk.store.models import Riwayat

class Peristiwa(Protocol):
    """A history row as the services give it (``services/rantai.py::Peristiwa``)."""

    @property
    def riwayat(self) -> Riwayat: ...

    @property
    def menit_berlalu(self) -> int | None: ...

    @property
    def menit_baku(self) -> int: ...

    @property
    def lewat_baku(self) -> bool: ...

    # Whether the row sends the chain back or reopens it, as the service's chain declares.
    @property
    def pengembalian(self) -> bool: ...


def _aksi_alur(alur: Alur) -> frozenset[str]:
    return frozenset(t.aksi for t in alur.transisi)


# --- the action bar ----------------------------------------------------------------------------


class BarisAksi(QWidget):
    """The buttons of the transitions the service offers; one primary, a note when required.

    ``jalankan(t, catatan)`` calls the service for transition ``t``. A refusal is shown in
    ``galat`` (or inside the note dialog, which stays open); on success the ``umumkan``
    entities are announced on the bus and ``dijalankan`` is emitted.

    ``pertanyaan(t)``: the question of the note dialog; ``sebelum(t)``: False stops the action
    (unsaved content that failed to save); ``catatan()``: the optional note sent with actions
    that do not require one; ``pesan_galat(t, exc)``: the text of a refusal, if not the plain one;
    ``prasyarat(t)``: why ``t`` cannot succeed now (from the service); its button is then
    disabled with the reason beside it.

    Signals:
    dijalankan(object): the Transisi the service accepted.
    """

    dijalankan = Signal(object)

    def __init__(
        self,
        jalankan: Callable[[Transisi, str], object],
        galat: Tempat,
        *,
        umumkan: Sequence[str] = (),
        pertanyaan: Callable[[Transisi], str] | None = None,
        sebelum: Callable[[Transisi], bool] | None = None,
        catatan: Callable[[], str] | None = None,
        pesan_galat: Callable[[Transisi, BaseException], str] | None = None,
        prasyarat: Callable[[Transisi], str | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._prasyarat = prasyarat
        self._jalankan = jalankan
        self._galat = galat
        self._umumkan = tuple(umumkan)
        self._pertanyaan = pertanyaan
        self._sebelum = sebelum
        self._catatan = catatan
        self._pesan_galat = pesan_galat
        self.tombol: dict[str, QPushButton] = {}
        self.transisi: dict[str, Transisi] = {}
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.label_alasan = QLabel()
        self.label_alasan.setObjectName("alasan_aksi")
        self.label_alasan.setWordWrap(True)
        self.label_alasan.hide()

    def isi(self, transisi: Sequence[Transisi], lewati: Collection[str] = ()) -> None:
        """Show these transitions (the primary one first); ``lewati``: those with own widgets."""
        for button in self.tombol.values():
            # Off the bar at once: deleteLater alone leaves it drawn until the loop runs.
            self._layout.removeWidget(button)
            button.hide()
            button.setParent(None)
            button.deleteLater()
        self.tombol = {}
        self.transisi = {}
        self.alasan: dict[str, str] = {}
        shown = [t for t in transisi if t.aksi not in lewati]
        # One prominent action per state, even where the table marks several.
        primary = next((t for t in shown if t.utama), None)
        for t in sorted(shown, key=lambda t: t is not primary):
            # The ellipsis says that a dialog asks for the note before anything happens.
            text = t.label + ("…" if t.catatan_wajib else "")
            button = tombol_primer(text) if t is primary else QPushButton(text)
            button.setObjectName(f"aksi_{t.aksi}")
            button.setProperty("aksi", t.aksi)
            button.clicked.connect(self._on_tombol_clicked)
            self._layout.addWidget(button)
            button.show()  # the layout would only show it on the next turn of the loop
            self.tombol[t.aksi] = button
            self.transisi[t.aksi] = t
            reason = self._prasyarat(t) if self._prasyarat is not None else None
            if reason:
                button.setEnabled(False)
                button.setToolTip(reason)
                self.alasan[t.aksi] = reason
        # The reason beside the buttons, not only in a tooltip the user may never hover.
        self.label_alasan.setText("\n".join(self.alasan.values()))
        self.label_alasan.setVisible(bool(self.alasan))
        self._layout.removeWidget(self.label_alasan)  # after the new buttons
        self._layout.addWidget(self.label_alasan, 1)
        self.setVisible(bool(self.tombol))

    def utama(self) -> QPushButton | None:
        """The primary button, if the state has one for this person."""
        return next((b for b in self.tombol.values() if b.property("primer")), None)

    def _on_tombol_clicked(self) -> None:
        # One slot reading the sender: no closures kept alive by the connections.
        t = self.transisi.get(self.sender().property("aksi"))
        if t is not None:
            self.pilih(t)

    def pilih(self, t: Transisi) -> bool:
        """Take transition ``t`` as if its button were clicked; True when it went through."""
        if self._sebelum is not None and not self._sebelum(t):
            return False
        if t.catatan_wajib:
            question = self._pertanyaan(t) if self._pertanyaan else ""
            dialog = CatatanDialog(
                t.label,
                question or _("Tuliskan catatannya; catatan ini tersimpan di riwayat."),
                t.label,
                lambda note: self._jalankan(t, note),
                parent=self,
                umumkan=self._umumkan,
            )
            if dialog.exec() != CatatanDialog.DialogCode.Accepted:
                return False
        else:
            note = self._catatan() if self._catatan else ""
            words = self._pesan_galat
            if not aksi.berhasil(
                lambda: self._jalankan(t, note),
                self._galat,
                umumkan=self._umumkan,
                pesan=(lambda exc: words(t, exc)) if words else None,
            ):
                return False
        self.dijalankan.emit(t)
        return True


# --- the history table -------------------------------------------------------------------------

KOL_WAKTU, KOL_OLEH, KOL_TINDAKAN, KOL_STATUS, KOL_CATATAN, KOL_LAMA = range(6)
# Columns sized to their text; the others share the rest of the width and wrap.
_KOLOM_PAS = (KOL_WAKTU, KOL_LAMA)
_BOBOT = {KOL_OLEH: 2, KOL_TINDAKAN: 3, KOL_STATUS: 3, KOL_CATATAN: 5}
_LEBAR_MIN = 60


def warna_lama(lewat_baku: bool) -> tuple[str, str]:
    """The status colours of a step late against the SOP (red) or within it (green)."""
    return ("PERLU_REVISI", _("Melewati waktu baku SOP")) if lewat_baku else (
        "DISETUJUI",
        _("Dalam waktu baku SOP"),
    )


class TabelRiwayat(QTableWidget):
    """A chain's history: time, who, action, status from → to, note, time against the SOP.

    Nothing hides behind a horizontal scrollbar: the time columns fit their text and the
    others share the width, wrapping their text.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setHorizontalHeaderLabels(
            [_("Waktu"), _("Oleh"), _("Tindakan"), _("Status"), _("Catatan"), _("Lama / Baku")]
        )
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)

    def isi(
        self,
        peristiwa: Sequence[Peristiwa],
        alur: Alur,
        label_lain: Mapping[str, str] | None = None,
    ) -> None:
        """Fill from the service's history; ``label_lain`` names the records outside the chain."""
        labels = {t.aksi: t.label for t in alur.transisi}
        labels.update(label_lain or {})
        moves = _aksi_alur(alur)
        self.setRowCount(len(peristiwa))
        for n, e in enumerate(peristiwa):
            r = e.riwayat
            status = ""
            # Only chain steps (and the record's creation) carry statuses in dari/ke; other
            # rows keep old and new values there (a realisasi, a penilai's name).
            if r.aksi in moves or (r.dari is None and r.ke == alur.status_awal):
                status = " → ".join(alur.label(s) for s in (r.dari, r.ke) if s is not None)
            durasi = ""
            if e.menit_baku:
                durasi = _("{lama} / {baku}").format(
                    lama=lama(e.menit_berlalu or 0), baku=lama(e.menit_baku)
                )
            cells = [
                QTableWidgetItem(value)
                for value in (
                    teks.waktu_lokal(r.waktu),
                    r.oleh_nama,
                    labels.get(r.aksi, r.aksi.replace("_", " ").capitalize()),
                    status,
                    r.catatan,
                    durasi,
                )
            ]
            if e.pengembalian:
                # Every return and reopen stands out with its reason.
                fg, bg = gaya.warna_status("PERLU_REVISI")
                for col in (KOL_TINDAKAN, KOL_CATATAN):
                    cells[col].setForeground(QBrush(fg))
                    cells[col].setBackground(QBrush(bg))
            if e.menit_baku:
                key, tip = warna_lama(e.lewat_baku)
                fg, bg = gaya.warna_status(key)
                cells[KOL_LAMA].setForeground(QBrush(fg))
                cells[KOL_LAMA].setBackground(QBrush(bg))
                cells[KOL_LAMA].setToolTip(tip)
            for col, item in enumerate(cells):
                self.setItem(n, col, item)
        self._atur_lebar()
        if peristiwa:
            self.scrollToBottom()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._atur_lebar()

    def _atur_lebar(self) -> None:
        header = self.horizontalHeader()
        fitted = 0
        for col in _KOLOM_PAS:
            width = max(self.sizeHintForColumn(col), header.sectionSizeHint(col))
            header.resizeSection(col, width)
            fitted += width
        rest = max(self.viewport().width() - fitted, _LEBAR_MIN * len(_BOBOT))
        total = sum(_BOBOT.values())
        for col, weight in _BOBOT.items():
            header.resizeSection(col, max(_LEBAR_MIN, rest * weight // total))
        self.resizeRowsToContents()


# --- the return-note box -----------------------------------------------------------------------


class KotakCatatan(QFrame):
    """The note a return or reopen left for whoever holds the pen now, on top of the page.

    ``isi`` holds the note itself; ``judul`` says who sent it back and when.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catatan_kembali")
        self.judul = QLabel()
        self.judul.setWordWrap(True)
        gaya.huruf_besar(self.judul, 1.0)
        self.isi = QLabel()
        self.isi.setWordWrap(True)
        self.isi.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.judul)
        layout.addWidget(self.isi)
        self.hide()

    def tampilkan_pengembalian(self, riwayat: Riwayat | None, petunjuk: str = "") -> None:
        """Show the reason of this return or reopen (None: hide); ``petunjuk``: what to do."""
        if riwayat is None:
            self.kosongkan()
            return
        self.tampilkan(
            _("Dikembalikan oleh {nama} pada {waktu} — perlu diperbaiki:").format(
                nama=riwayat.oleh_nama, waktu=teks.waktu_lokal(riwayat.waktu)
            ),
            riwayat.catatan + ("\n\n" + petunjuk if petunjuk else ""),
        )

    def tampilkan(self, judul: str, isi: str) -> None:
        """Show another standing note (a keberatan and its answers); empty text hides the box."""
        self.judul.setText(judul)
        self.judul.setVisible(bool(judul))
        self.isi.setText(isi)
        self.setVisible(bool(judul or isi))

    def kosongkan(self) -> None:
        self.tampilkan("", "")
