"""The roster as a table model, and the proxy that searches, filters and sorts it."""

from __future__ import annotations

import re
import uuid
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from skpdesk.domain.kepegawaian import GOLONGAN, StatusKepegawaian
from skpdesk.domain.nip import format_nip
from skpdesk.i18n import _
from skpdesk.services.daftar import BarisPegawai
from skpdesk.ui.bersama import gaya

COL_NIP = 0
COL_NAMA = 1
COL_STATUS = 2
COL_GOLONGAN = 3
COL_JABATAN = 4
COL_UNIT = 5
COL_ATASAN = 6
COL_AKTIF = 7
N_COL = 8

ROLE_ID = Qt.ItemDataRole.UserRole + 1
ROLE_SORT = Qt.ItemDataRole.UserRole + 2
ROLE_BARIS = Qt.ItemDataRole.UserRole + 3

_RANK_GOLONGAN = {
    (status.value, gol.kode): rank
    for status, table in GOLONGAN.items()
    for rank, gol in enumerate(table)
}

AnyIndex = QModelIndex | QPersistentModelIndex


def _judul() -> dict[int, str]:
    return {
        COL_NIP: _("NIP"),
        COL_NAMA: _("Nama"),
        COL_STATUS: _("Status"),
        COL_GOLONGAN: _("Golongan"),
        COL_JABATAN: _("Jabatan"),
        COL_UNIT: _("Unit"),
        COL_ATASAN: _("Atasan"),
        COL_AKTIF: _("Aktif"),
    }


class PegawaiTableModel(QAbstractTableModel):
    """One row per pegawai; ``set_rows`` replaces them all."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[BarisPegawai] = []
        self._judul = _judul()

    def set_rows(self, rows: list[BarisPegawai]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[BarisPegawai]:
        return list(self._rows)

    def row_of(self, pegawai_id: uuid.UUID) -> int:
        for i, row in enumerate(self._rows):
            if row.id == pegawai_id:
                return i
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else N_COL

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._judul.get(section)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._teks(row, col)
        if role == ROLE_ID:
            return row.id
        if role == ROLE_BARIS:
            return row
        if role == ROLE_SORT:
            return self._kunci_urut(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.golongan_label if col == COL_GOLONGAN else self._teks(row, col) or None
        if col == COL_AKTIF and role in (
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.BackgroundRole,
        ):
            fg, bg = gaya.warna_status("aktif" if row.aktif else "nonaktif")
            return fg if role == Qt.ItemDataRole.ForegroundRole else bg
        if role == Qt.ItemDataRole.ForegroundRole and not row.aktif:
            return gaya.warna_status("nonaktif")[0]
        return None

    @staticmethod
    def _teks(row: BarisPegawai, col: int) -> str:
        if col == COL_NIP:
            return format_nip(row.nip)
        if col == COL_NAMA:
            return row.nama_lengkap
        if col == COL_STATUS:
            return row.status
        if col == COL_GOLONGAN:
            return row.golongan
        if col == COL_JABATAN:
            return row.jabatan
        if col == COL_UNIT:
            return row.unit
        if col == COL_ATASAN:
            return row.atasan
        if col == COL_AKTIF:
            return _("Aktif") if row.aktif else _("Nonaktif")
        return ""

    def _kunci_urut(self, row: BarisPegawai, col: int) -> Any:
        if col == COL_NIP:
            return row.nip
        if col == COL_NAMA:
            # Sort by the name, not by the titles in front of it.
            return row.nama.lower()
        if col == COL_GOLONGAN:
            return f"{row.status}:{_RANK_GOLONGAN.get((row.status, row.golongan), -1):03d}"
        if col == COL_AKTIF:
            return int(row.aktif)
        return self._teks(row, col).lower()


AKTIF_SAJA = "aktif"
NONAKTIF_SAJA = "nonaktif"
SEMUA = "semua"


class PegawaiFilterProxy(QSortFilterProxyModel):
    """Search by name or NIP (with or without spaces), unit (with sub-units), status, aktif."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._teks = ""
        self._digits = ""
        self._unit_ids: frozenset[uuid.UUID] | None = None
        self._status: StatusKepegawaian | None = None
        self._aktif = AKTIF_SAJA
        self.setSortRole(ROLE_SORT)
        self.setDynamicSortFilter(True)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_teks(self, teks: str) -> None:
        self.beginFilterChange()
        self._teks = " ".join(teks.lower().split())
        self._digits = re.sub(r"[\s.\-]", "", teks)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_unit_ids(self, unit_ids: frozenset[uuid.UUID] | None) -> None:
        self.beginFilterChange()
        self._unit_ids = unit_ids
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: StatusKepegawaian | None) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_aktif(self, aktif: str) -> None:
        self.beginFilterChange()
        self._aktif = aktif
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        row: BarisPegawai = self.sourceModel().data(index, ROLE_BARIS)
        if self._aktif == AKTIF_SAJA and not row.aktif:
            return False
        if self._aktif == NONAKTIF_SAJA and row.aktif:
            return False
        if self._status is not None and row.status != self._status.value:
            return False
        if self._unit_ids is not None and row.unit_id not in self._unit_ids:
            return False
        if self._teks:
            by_name = self._teks in row.nama_lengkap.lower()
            by_nip = bool(self._digits) and self._digits.isdigit() and self._digits in row.nip
            if not (by_name or by_nip):
                return False
        return True
