"""The matriks peran hasil: the penilai hands parts of his own RHK to each direct subordinate."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain.entitas import Entitas
from skpdesk.i18n import _
from skpdesk.services import skp as skp_service
from skpdesk.services.context import Aktor
from skpdesk.ui.bersama import aksi
from skpdesk.ui.bersama.bus import umumkan
from skpdesk.ui.bersama.widgets import LabelPesan, tombol_primer

LATAR_DIUBAH = QColor("#fff4e5")
LEBAR_KOLOM = 220
HAL_KOSONG = 0
HAL_TABEL = 1


class MatriksPage(QWidget):
    """Rows: the penilai's own RHK for the year. Columns: his active direct subordinates."""

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self._tahun: int | None = None
        self._rhk_ids: list[uuid.UUID] = []
        self._bawahan_ids: list[uuid.UUID] = []
        self._awal: dict[tuple[uuid.UUID, uuid.UUID], str] = {}
        self._memuat = False

        self.petunjuk = QLabel(
            _(
                "Tuliskan bagian RHK Anda yang menjadi tanggung jawab setiap bawahan (klik dua "
                "kali pada sel). Isi sel akan muncul sebagai RHK utama pada draf SKP bawahan, "
                "tertaut ke RHK Anda. Kosongkan sel untuk membatalkan pembagian."
            )
        )
        self.petunjuk.setWordWrap(True)
        self.petunjuk.setProperty("peran", "info")
        self.tabel = QTableWidget()
        self.tabel.setWordWrap(True)
        self.tabel.setAlternatingRowColors(True)
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tabel.horizontalHeader().setDefaultSectionSize(LEBAR_KOLOM)
        self.tabel.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tabel.verticalHeader().setMaximumWidth(360)
        self.pesan = LabelPesan()
        self.tombol_simpan = tombol_primer(_("Simpan Matriks"))
        self.tombol_simpan.setEnabled(False)
        self.kosong = QLabel()
        self.kosong.setObjectName("kosong")
        self.kosong.setWordWrap(True)
        self.kosong.setAlignment(Qt.AlignmentFlag.AlignCenter)

        isi = QWidget()
        isi_layout = QVBoxLayout(isi)
        isi_layout.setContentsMargins(0, 0, 0, 0)
        isi_layout.addWidget(self.petunjuk)
        isi_layout.addWidget(self.tabel, 1)
        bawah = QHBoxLayout()
        bawah.addWidget(self.pesan, 1)
        bawah.addWidget(self.tombol_simpan, 0, Qt.AlignmentFlag.AlignRight)
        isi_layout.addLayout(bawah)
        self.tumpuk = QStackedWidget()
        self.tumpuk.addWidget(self.kosong)
        self.tumpuk.addWidget(isi)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tumpuk)

        self.tabel.itemChanged.connect(self._on_tabel_itemChanged)
        self.tombol_simpan.clicked.connect(self._on_tombol_simpan_clicked)

    def tampilkan(self, tahun: int) -> None:
        self._tahun = tahun
        rhk = skp_service.rhk_sendiri(self._aktor, tahun)
        bawahan = skp_service.bawahan_langsung(self._aktor)
        if not rhk or not bawahan:
            self.kosong.setText(
                _("Tidak ada bawahan langsung yang aktif.")
                if not bawahan
                else _(
                    "Baris matriks adalah RHK Anda sendiri. Buat dan isi SKP Anda untuk {tahun} "
                    "di tab SKP Saya terlebih dahulu."
                ).format(tahun=tahun)
            )
            self.tumpuk.setCurrentIndex(HAL_KOSONG)
            return
        self.tumpuk.setCurrentIndex(HAL_TABEL)
        self._memuat = True
        self._rhk_ids = [r.id for r in rhk]
        self._bawahan_ids = [p.id for p in bawahan]
        self._awal = skp_service.matriks_peran_hasil(self._aktor, tahun)
        self.tabel.clear()
        self.tabel.setRowCount(len(rhk))
        self.tabel.setColumnCount(len(bawahan))
        self.tabel.setHorizontalHeaderLabels(
            [f"{p.nama_lengkap}\n{p.jabatan.nama if p.jabatan else ''}" for p in bawahan]
        )
        for i, r in enumerate(rhk):
            label = QTableWidgetItem(" ".join(r.uraian.split()))
            label.setToolTip(label.text())
            self.tabel.setVerticalHeaderItem(i, label)
        for i, rhk_id in enumerate(self._rhk_ids):
            for j, bawahan_id in enumerate(self._bawahan_ids):
                self.tabel.setItem(i, j, QTableWidgetItem(self._awal.get((rhk_id, bawahan_id), "")))
        self.tabel.resizeRowsToContents()
        self._memuat = False
        self.tombol_simpan.setEnabled(False)

    def _perubahan(self) -> list[tuple[uuid.UUID, uuid.UUID, str]]:
        changes = []
        for i, rhk_id in enumerate(self._rhk_ids):
            for j, bawahan_id in enumerate(self._bawahan_ids):
                item = self.tabel.item(i, j)
                text = " ".join(item.text().split()) if item else ""
                if text != self._awal.get((rhk_id, bawahan_id), ""):
                    changes.append((rhk_id, bawahan_id, text))
        return changes

    def _on_tabel_itemChanged(self, item: QTableWidgetItem) -> None:
        if self._memuat:
            return
        item.setBackground(QBrush(LATAR_DIUBAH))
        self.tombol_simpan.setEnabled(bool(self._perubahan()))
        self.pesan.bersihkan()

    def _on_tombol_simpan_clicked(self) -> None:
        changes = self._perubahan()
        saved = 0

        def simpan() -> None:
            nonlocal saved
            for rhk_id, bawahan_id, text in changes:
                skp_service.atur_peran_hasil(self._aktor, rhk_id, bawahan_id, text)
                saved += 1

        aksi.berhasil(simpan, self.pesan)
        # Cells saved before a refusal stay saved: they are announced either way.
        if saved:
            umumkan(Entitas.PERAN_HASIL)
        if self._tahun is not None and saved == len(changes):
            self.tampilkan(self._tahun)
            self.pesan.sukses(
                _("{n} sel matriks tersimpan; draf SKP bawahan sudah diperbarui.").format(
                    n=saved
                )
            )
