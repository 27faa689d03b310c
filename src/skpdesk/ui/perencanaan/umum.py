"""What the Perencanaan pages share: band colours, table helpers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from skpdesk.ui.bersama import gaya
from skpdesk.ui.bersama.model import ROLE_ID

__all__ = ["ROLE_ID", "WARNA_PITA", "buat_tabel", "sel", "warnai"]

# Band colours: (text, background), the same greens/ambers/reds as the status labels.
WARNA_PITA: dict[str, tuple[str, str]] = {
    "hijau": ("#0d5c2a", "#c8e6c9"),
    "hijau_muda": (gaya.HIJAU, "#e6f4ea"),
    "kuning": (gaya.KUNING, "#fef7e0"),
    "oranye": ("#8a4b00", "#fde3c7"),
    "merah": (gaya.MERAH, "#fce8e6"),
}


def sel(text: str, kanan: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if kanan:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def warnai(item: QTableWidgetItem, warna: str) -> None:
    fg, bg = WARNA_PITA.get(warna, (gaya.ABU, "#ffffff"))
    item.setForeground(QBrush(QColor(fg)))
    item.setBackground(QBrush(QColor(bg)))


def buat_tabel(kolom: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(kolom))
    table.setHorizontalHeaderLabels(kolom)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table
