"""Columns that fit the window: numbers and short codes as wide as their text, the long texts
sharing the rest and wrapping, rows as tall as their text — never a horizontal scrollbar.

At 1366×768 a table beside a detail panel has some 700 pixels: a column sized to its longest
text pushes the others out of sight (issue of the walkthrough at that size).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

LEBAR_MIN = 60  # px: a text column narrower than this wraps word by word
MARGIN_SEL = 6  # px each side: the item's text margin and the focus frame


class PasKolom(QObject):
    """Keeps ``view``'s columns fitted: ``pas`` as wide as their content, ``bobot`` (column →
    weight) sharing the rest; ``sembunyi``: columns shown in the detail panel instead."""

    def __init__(self, view: QTableView, pas: Iterable[int], bobot: Mapping[int, int],
                 sembunyi: Iterable[int] = ()) -> None:
        super().__init__(view)
        self._view = view
        self._pas = tuple(pas)
        self._bobot = dict(bobot)
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollMode(QTableView.ScrollMode.ScrollPerPixel)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)
        for col in sembunyi:
            view.setColumnHidden(col, True)
        # After a resize the widths settle first, then the rows take their heights once.
        self._tunda = QTimer(self)
        self._tunda.setSingleShot(True)
        self._tunda.setInterval(0)
        self._tunda.timeout.connect(self.atur)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._tunda.start()
        return False

    def atur(self) -> None:
        """Fit the widths to the viewport and the rows to their text; call after filling."""
        view = self._view
        if view.model() is None:
            return
        header = view.horizontalHeader()
        fitted = 0
        for col in self._pas:
            if view.isColumnHidden(col):
                continue
            width = max(view.sizeHintForColumn(col), header.sectionSizeHint(col))
            header.resizeSection(col, width)
            fitted += width
        shown = {c: w for c, w in self._bobot.items() if not view.isColumnHidden(c)}
        minimum = {c: self._kata_terlebar(c) for c in shown}
        # Room for a vertical scrollbar even before it shows: rows made taller by the wrapping
        # may bring it, and the columns must still fit then.
        width = view.viewport().width()
        if not view.verticalScrollBar().isVisible():
            width -= view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
        rest = max(width - fitted, sum(minimum.values()))
        # Shares by weight, but never narrower than the column's longest word: a word is
        # wrapped whole to the next line, never cut. Columns held at their minimum leave the
        # remainder to the others, by weight.
        tetap: dict[int, int] = {}
        while True:
            bebas = {c: w for c, w in shown.items() if c not in tetap}
            total = sum(bebas.values()) or 1
            sisa = rest - sum(tetap.values())
            lebar = {c: sisa * w // total for c, w in bebas.items()}
            sempit = {c for c, w in lebar.items() if w < minimum[c]}
            if not sempit:
                break
            tetap.update({c: minimum[c] for c in sempit})
        for col, width in {**lebar, **tetap}.items():
            header.resizeSection(col, width)
        view.resizeRowsToContents()
        # A one-line row keeps the list's usual height: an easy target for the mouse.
        tinggi = view.verticalHeader().defaultSectionSize()
        for row in range(model.rowCount() if (model := view.model()) is not None else 0):
            if view.rowHeight(row) < tinggi:
                view.setRowHeight(row, tinggi)

    def _kata_terlebar(self, col: int, baris: int = 500) -> int:
        """The width of the longest word in a column, with the cell's margins, or of its header."""
        view = self._view
        model = view.model()
        metrics = view.fontMetrics()
        words: set[str] = set()
        for row in range(min(model.rowCount(), baris)):
            words.update(str(model.index(row, col).data() or "").split())
        longest = max((metrics.horizontalAdvance(w) for w in words if w), default=0)
        # A header does not wrap: its own size (font, sort arrow) is a floor too.
        header = view.horizontalHeader().sectionSizeHint(col)
        return max(LEBAR_MIN, longest + 2 * MARGIN_SEL, header)
