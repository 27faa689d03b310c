"""The unit kerja tree: a tree model with "Semua unit" on top, and helpers for unit pickers."""

from __future__ import annotations

import uuid
from collections import defaultdict

from PySide6.QtCore import QObject
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox

from skpdesk.i18n import _
from skpdesk.services.daftar import NodeUnit
from skpdesk.ui.bersama.model import ROLE_SEMUA, ROLE_UNIT_ID
from skpdesk.ui.bersama.widgets import cari_data

INDENT = "    "


def anak_per_induk(nodes: list[NodeUnit]) -> dict[uuid.UUID | None, list[NodeUnit]]:
    children: dict[uuid.UUID | None, list[NodeUnit]] = defaultdict(list)
    known = {n.id for n in nodes}
    for node in nodes:
        parent = node.induk_id if node.induk_id in known else None
        children[parent].append(node)
    return children


def urut_pohon(nodes: list[NodeUnit]) -> list[tuple[NodeUnit, int]]:
    """Depth-first order with each unit's depth, for indented pickers."""
    children = anak_per_induk(nodes)
    out: list[tuple[NodeUnit, int]] = []

    def walk(parent: uuid.UUID | None, depth: int) -> None:
        for node in children.get(parent, []):
            out.append((node, depth))
            walk(node.id, depth + 1)

    walk(None, 0)
    return out


def subpohon(nodes: list[NodeUnit], unit_id: uuid.UUID) -> frozenset[uuid.UUID]:
    """The unit and all units below it."""
    children = anak_per_induk(nodes)
    found = {unit_id}
    stack = [unit_id]
    while stack:
        for child in children.get(stack.pop(), []):
            if child.id not in found:
                found.add(child.id)
                stack.append(child.id)
    return frozenset(found)


def isi_combo_unit(combo: QComboBox, nodes: list[NodeUnit], teks_kosong: str | None) -> None:
    """Fill a combo with the units, indented by depth; keeps the current choice."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if teks_kosong is not None:
        combo.addItem(teks_kosong, None)
    for node, depth in urut_pohon(nodes):
        combo.addItem(INDENT * depth + node.nama, node.id)
    index = cari_data(combo, chosen) if chosen is not None else -1
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


class UnitTreeModel(QStandardItemModel):
    """ "Semua unit" first, then the office's units as a tree."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.nodes: list[NodeUnit] = []

    def set_nodes(self, nodes: list[NodeUnit]) -> None:
        self.nodes = list(nodes)
        self.clear()
        semua = QStandardItem(_("Semua unit"))
        semua.setData(True, ROLE_SEMUA)
        semua.setEditable(False)
        self.appendRow(semua)
        children = anak_per_induk(self.nodes)

        def add(parent_item: QStandardItem, parent_id: uuid.UUID | None) -> None:
            for node in children.get(parent_id, []):
                item = QStandardItem(node.nama)
                item.setToolTip(node.nama)
                item.setData(node.id, ROLE_UNIT_ID)
                item.setEditable(False)
                parent_item.appendRow(item)
                add(item, node.id)

        add(self.invisibleRootItem(), None)

    def cari(self, unit_id: uuid.UUID) -> QStandardItem | None:
        stack = [self.item(r) for r in range(self.rowCount())]
        while stack:
            item = stack.pop()
            if item.data(ROLE_UNIT_ID) == unit_id:
                return item
            stack.extend(item.child(r) for r in range(item.rowCount()))
        return None
