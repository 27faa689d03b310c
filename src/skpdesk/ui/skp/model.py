"""SKP lists as a table model: own SKPs on *SKP Saya*, subordinates' SKPs on *Bawahan*."""

from __future__ import annotations

import uuid
from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont

from skpdesk.i18n import _
from skpdesk.services.skp import BarisSKP
from skpdesk.ui.bersama import gaya, teks
from skpdesk.ui.bersama.model import ROLE_BARIS, ROLE_SORT, AnyIndex, DaftarModel, Kolom

COL_NAMA = "nama"
COL_NIP = "nip"
COL_JABATAN = "jabatan"
COL_PERIODE = "periode"
COL_PENILAI = "penilai"
COL_STATUS = "status"
COL_TINDAKAN = "tindakan"
COL_MENUNGGU = "menunggu"

KOLOM_SAYA = (COL_PERIODE, COL_STATUS, COL_TINDAKAN)
KOLOM_BAWAHAN = (COL_NAMA, COL_STATUS, COL_TINDAKAN, COL_MENUNGGU)


def _judul() -> dict[str, str]:
    return {
        COL_NAMA: _("Nama"),
        COL_NIP: _("NIP"),
        COL_JABATAN: _("Jabatan"),
        COL_PERIODE: _("Periode"),
        COL_PENILAI: _("Pejabat Penilai"),
        COL_STATUS: _("Status"),
        COL_TINDAKAN: _("Langkah Berikutnya"),
        COL_MENUNGGU: _("Menunggu"),
    }


def _tip_menunggu(row: BarisSKP) -> str | None:
    return _("Melewati waktu baku SOP untuk langkah berikutnya.") if row.lewat_baku else None


def _tip_nama(row: BarisSKP) -> str:
    return "\n".join(p for p in (row.nama, row.nip, row.jabatan) if p)


_TIP = {COL_MENUNGGU: _tip_menunggu, COL_NAMA: _tip_nama}


def periode(row: BarisSKP) -> str:
    """``2026`` for a whole year, else ``1 Januari – 30 Juni 2026``."""
    if row.tgl_mulai is None or row.tgl_selesai is None:
        return str(row.tahun)
    if (row.tgl_mulai.month, row.tgl_mulai.day, row.tgl_selesai.month, row.tgl_selesai.day) == (
        1,
        1,
        12,
        31,
    ):
        return str(row.tahun)
    return f"{teks.tanggal(row.tgl_mulai)} – {teks.tanggal(row.tgl_selesai)}"


def lama(menit: int) -> str:
    """A waiting time in words: ``45 menit``, ``3 jam``, ``2 hari``."""
    if menit < 60:
        return _("{n} menit").format(n=menit)
    if menit < 24 * 60:
        return _("{n} jam").format(n=menit // 60)
    return _("{n} hari").format(n=menit // (24 * 60))


def dengan_evaluasi(rows: list[BarisSKP], aktor, pihak) -> list[BarisSKP]:
    """Rows whose SKP chain waits on nobody may still have an evaluation waiting on me."""
    from skpdesk.services import evaluasi as ev_service

    tasks = ev_service.tugas_per_skp(aktor, pihak)
    return [
        replace(r, aksi_saya=tasks[r.id], menunggu_saya=True, menit_menunggu=0, lewat_baku=False)
        if r.id in tasks and not r.menunggu_saya
        else r
        for r in rows
    ]


class SkpTableModel(DaftarModel[BarisSKP]):
    """One row per SKP (or per subordinate without one); ``set_rows`` replaces them all."""

    tip_teks = True

    def __init__(self, kolom: tuple[str, ...], parent: QObject | None = None) -> None:
        judul = _judul()
        super().__init__(
            [
                Kolom(
                    judul[k],
                    partial(self._teks, kunci=k),
                    partial(self._kunci_urut, kunci=k),
                    _TIP.get(k),
                    kunci=k,
                )
                for k in kolom
            ],
            parent,
        )
        self.kolom = kolom

    def gaya(self, row: BarisSKP, column: int, role: int) -> Any:
        kunci = self.kolom[column]
        if kunci == COL_STATUS and role in (
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.BackgroundRole,
        ):
            fg, bg = gaya.warna_status(row.status)
            return fg if role == Qt.ItemDataRole.ForegroundRole else bg
        if role == Qt.ItemDataRole.ForegroundRole and kunci == COL_MENUNGGU and row.lewat_baku:
            return gaya.warna_status("PERLU_REVISI")[0]
        if role == Qt.ItemDataRole.FontRole and row.menunggu_saya and kunci == COL_TINDAKAN:
            font = QFont()
            font.setBold(True)
            return font
        return None

    @staticmethod
    def _teks(row: BarisSKP, kunci: str) -> str:
        if kunci == COL_NAMA:
            return row.nama
        if kunci == COL_NIP:
            return row.nip
        if kunci == COL_JABATAN:
            return row.jabatan
        if kunci == COL_PERIODE:
            return periode(row)
        if kunci == COL_PENILAI:
            return row.penilai or _("(belum ada)")
        if kunci == COL_STATUS:
            return row.status_label
        if kunci == COL_TINDAKAN:
            return row.aksi_saya if row.menunggu_saya else ""
        if kunci == COL_MENUNGGU:
            if not row.status or not row.menunggu_saya:
                return ""
            mark = " ⚠" if row.lewat_baku else ""
            return lama(row.menit_menunggu) + mark
        return ""

    @classmethod
    def _kunci_urut(cls, row: BarisSKP, kunci: str) -> Any:
        if kunci == COL_PERIODE:
            return f"{row.tahun:04d}{row.tgl_mulai or ''}"
        if kunci == COL_MENUNGGU:
            return row.menit_menunggu if row.menunggu_saya else -1
        if kunci == COL_TINDAKAN:
            # Ascending: what waits on me, then the other SKPs, then who has none yet.
            rank = 0 if row.menunggu_saya else 1 if row.id is not None else 2
            return f"{rank}{row.nama.lower()}"
        return cls._teks(row, kunci).lower()

    def row_of(self, skp_id: uuid.UUID | None, pegawai_id: uuid.UUID | None = None) -> int:
        for i, row in enumerate(self._rows):
            if skp_id is not None and row.id == skp_id:
                return i
            if skp_id is None and pegawai_id is not None and row.pegawai_id == pegawai_id:
                return i
        return -1


class SkpFilterProxy(QSortFilterProxyModel):
    """Search by name or NIP; optionally only what waits on me."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._teks = ""
        self._hanya_menunggu = False
        self.setSortRole(ROLE_SORT)
        self.setDynamicSortFilter(True)

    def set_teks(self, teks_cari: str) -> None:
        self.beginFilterChange()
        self._teks = " ".join(teks_cari.lower().split())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_hanya_menunggu(self, value: bool) -> None:
        self.beginFilterChange()
        self._hanya_menunggu = value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        row: BarisSKP = self.sourceModel().data(index, ROLE_BARIS)
        if self._hanya_menunggu and not row.menunggu_saya:
            return False
        if self._teks:
            digits = self._teks.replace(" ", "")
            by_nip = digits.isdigit() and digits in row.nip.replace(" ", "")
            if self._teks not in row.nama.lower() and not by_nip:
                return False
        return True
