"""The buku catatan penilai: dated notes a penilai keeps about each pegawai he rates."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from skpdesk.i18n import _
from skpdesk.services import evaluasi as ev_service
from skpdesk.services import skp as skp_service
from skpdesk.services.context import Aktor, now
from skpdesk.ui.bersama import aksi, gaya, teks
from skpdesk.ui.bersama.widgets import LabelPesan, tombol_primer


class BukuCatatanPage(QWidget):
    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self.pegawai = QComboBox()
        self.tabel = QTableWidget(0, 2)
        self.tabel.setHorizontalHeaderLabels([_("Tanggal"), _("Catatan")])
        self.tabel.verticalHeader().setVisible(False)
        self.tabel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabel.setWordWrap(True)
        self.tabel.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.tabel.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tanggal = QDateEdit()
        self.tanggal.setCalendarPopup(True)
        self.tanggal.setDisplayFormat("dd/MM/yyyy")
        self.catatan = QPlainTextEdit()
        self.catatan.setTabChangesFocus(True)
        self.catatan.setPlaceholderText(
            _("Apa yang terjadi: capaian, kejadian penting, perilaku yang teramati…")
        )
        self.catatan.setFixedHeight(70)
        self.tombol_tambah = tombol_primer(_("Tambah Catatan"))
        self.pesan = LabelPesan()
        self.kosong = QLabel(_("Belum ada catatan tentang pegawai ini."))
        self.kosong.setObjectName("kosong")

        atas = QHBoxLayout()
        atas.addWidget(QLabel(_("Pegawai")))
        atas.addWidget(self.pegawai, 1)
        tambah = QHBoxLayout()
        tambah.addWidget(self.tanggal)
        tambah.addWidget(self.catatan, 1)
        tambah.addWidget(self.tombol_tambah)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(atas)
        layout.addWidget(self.kosong)
        layout.addWidget(self.tabel, 1)
        layout.addWidget(gaya.judul(_("Catatan baru"), 1.0))
        layout.addLayout(tambah)
        layout.addWidget(self.pesan)

        self.pegawai.currentIndexChanged.connect(self.muat_ulang)
        self.tombol_tambah.clicked.connect(self._on_tombol_tambah_clicked)
        self.isi_pegawai()

    def isi_pegawai(self) -> None:
        chosen = self.pegawai.currentData()
        self.pegawai.blockSignals(True)
        self.pegawai.clear()
        for p in skp_service.bawahan_langsung(self._aktor):
            self.pegawai.addItem(p.nama_lengkap, p.id)
        index = next(
            (i for i in range(self.pegawai.count()) if self.pegawai.itemData(i) == chosen), 0
        )
        self.pegawai.setCurrentIndex(index)
        self.pegawai.blockSignals(False)
        today = now().date()
        self.tanggal.setDate(QDate(today.year, today.month, today.day))
        self.muat_ulang()

    def muat_ulang(self) -> None:
        pegawai_id = self.pegawai.currentData()
        rows = ev_service.daftar_catatan_penilai(self._aktor, pegawai_id) if pegawai_id else []
        self.tabel.setRowCount(len(rows))
        for n, r in enumerate(rows):
            self.tabel.setItem(n, 0, QTableWidgetItem(teks.tanggal(r.tanggal)))
            self.tabel.setItem(n, 1, QTableWidgetItem(r.catatan))
        self.tabel.resizeRowsToContents()
        self.kosong.setVisible(not rows)
        self.tombol_tambah.setEnabled(pegawai_id is not None)

    def _on_tombol_tambah_clicked(self) -> None:
        pegawai_id = self.pegawai.currentData()
        if pegawai_id is None:
            return
        if not aksi.berhasil(
            lambda: ev_service.tambah_catatan_penilai(
                self._aktor, pegawai_id, self.tanggal.date().toPython(), self.catatan.toPlainText()
            ),
            self.pesan,
        ):
            return
        self.catatan.clear()
        self.muat_ulang()
        self.pesan.sukses(_("Catatan tersimpan."))
