"""The item-data roles of every view, and one base for the read-only row-list table models.

A model lists its columns as data (header, text, sort key, tooltip, alignment); the base
answers ``rowCount``/``columnCount``/``headerData``/``data`` for all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

ROLE_ID = Qt.ItemDataRole.UserRole + 1  # the row's record id
ROLE_SORT = Qt.ItemDataRole.UserRole + 2  # the key the sort proxies sort by
ROLE_BARIS = Qt.ItemDataRole.UserRole + 3  # the whole row
ROLE_UNIT_ID = Qt.ItemDataRole.UserRole + 4  # unit tree: the unit's id
ROLE_SEMUA = Qt.ItemDataRole.UserRole + 5  # unit tree: the "Semua unit" item
ROLE_BERKAS = Qt.ItemDataRole.UserRole + 6  # backups: the file's path, as text

RATA_KANAN = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

AnyIndex = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


@dataclass(frozen=True)
class Kolom(Generic[T]):
    """One column: its header and text; optionally a sort key, a tooltip, right alignment.

    ``urut`` None sorts by the text (see ``DaftarModel.urut_teks``); ``tip`` returning None
    leaves the cell without one (or with its text, when the model has ``tip_teks``).
    """

    judul: str
    teks: Callable[[T], str]
    urut: Callable[[T], Any] | None = None
    tip: Callable[[T], str | None] | None = None
    kanan: bool = False
    kunci: str = ""


class DaftarModel(QAbstractTableModel, Generic[T]):
    """A read-only list of rows; ``set_rows`` replaces them all.

    Roles answered: display, ``ROLE_BARIS``, ``ROLE_ID`` (the row's ``id``), ``ROLE_SORT``,
    tooltip, alignment; any other role goes to ``gaya`` (colours, fonts).
    """

    # A cell without a tooltip of its column shows its text as one.
    tip_teks = False

    def __init__(self, kolom: Sequence[Kolom[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kolom = tuple(kolom)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def baris(self, row: int) -> T:
        return self._rows[row]

    def col(self, kunci: str) -> int:
        """The column with this ``kunci``; -1 when there is none."""
        return next((n for n, k in enumerate(self._kolom) if k.kunci == kunci), -1)

    # --- what subclasses may change -------------------------------------------------------------

    def urut_teks(self, teks: str) -> Any:
        """The sort key of a column without its own: the text, case-blind."""
        return teks.lower()

    def id_baris(self, row: T) -> Any:
        return getattr(row, "id", None)

    def gaya(self, row: T, column: int, role: int) -> Any:
        """Any other role: colours, fonts."""
        return None

    # --- Qt --------------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._kolom)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._kolom)
        ):
            return self._kolom[section].judul
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        kolom = self._kolom[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return kolom.teks(row)
        if role == ROLE_BARIS:
            return row
        if role == ROLE_ID:
            return self.id_baris(row)
        if role == ROLE_SORT:
            return kolom.urut(row) if kolom.urut is not None else self.urut_teks(kolom.teks(row))
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = kolom.tip(row) if kolom.tip is not None else None
            if tip is None and self.tip_teks:
                tip = kolom.teks(row) or None
            return tip
        if role == Qt.ItemDataRole.TextAlignmentRole and kolom.kanan:
            return RATA_KANAN
        return self.gaya(row, index.column(), role)
