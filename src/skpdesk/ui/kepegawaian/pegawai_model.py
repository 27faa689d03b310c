"""The roster as a table model, and the proxy that searches, filters and sorts it."""

from __future__ import annotations

import re
import uuid
from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from skpdesk.domain.kepegawaian import GOLONGAN, StatusKepegawaian
from skpdesk.domain.nip import format_nip
from skpdesk.i18n import _
from skpdesk.services.daftar import BarisPegawai
from skpdesk.ui.bersama import gaya
from skpdesk.ui.bersama.model import ROLE_BARIS, ROLE_SORT, AnyIndex, DaftarModel, Kolom

COL_NIP = 0
COL_NAMA = 1
COL_STATUS = 2
COL_GOLONGAN = 3
COL_JABATAN = 4
COL_UNIT = 5
COL_ATASAN = 6
COL_AKTIF = 7
N_COL = 8

_RANK_GOLONGAN = {
    (status.value, gol.kode): rank
    for status, table in GOLONGAN.items()
    for rank, gol in enumerate(table)
}


def _aktif(row: BarisPegawai) -> str:
    return _("Aktif") if row.aktif else _("Nonaktif")


class PegawaiTableModel(DaftarModel[BarisPegawai]):
    """One row per pegawai; ``set_rows`` replaces them all."""

    tip_teks = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                # Sorted by the digits alone, and by the name without the titles in front.
                Kolom(_("NIP"), lambda r: format_nip(r.nip), lambda r: r.nip),
                Kolom(_("Nama"), lambda r: r.nama_lengkap, lambda r: r.nama.lower()),
                Kolom(_("Status"), lambda r: r.status),
                Kolom(
                    _("Golongan"),
                    lambda r: r.golongan,
                    lambda r: f"{r.status}:{_RANK_GOLONGAN.get((r.status, r.golongan), -1):03d}",
                    lambda r: r.golongan_label,
                ),
                Kolom(_("Jabatan"), lambda r: r.jabatan),
                Kolom(_("Unit"), lambda r: r.unit),
                Kolom(_("Atasan"), lambda r: r.atasan),
                Kolom(_("Aktif"), _aktif, lambda r: int(r.aktif)),
            ],
            parent,
        )

    def row_of(self, pegawai_id: uuid.UUID) -> int:
        for i, row in enumerate(self._rows):
            if row.id == pegawai_id:
                return i
        return -1

    def gaya(self, row: BarisPegawai, column: int, role: int) -> Any:
        if column == COL_AKTIF and role in (
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.BackgroundRole,
        ):
            fg, bg = gaya.warna_status("aktif" if row.aktif else "nonaktif")
            return fg if role == Qt.ItemDataRole.ForegroundRole else bg
        if role == Qt.ItemDataRole.ForegroundRole and not row.aktif:
            return gaya.warna_status("nonaktif")[0]
        return None


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
