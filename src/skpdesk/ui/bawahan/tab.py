"""The *Bawahan* tab: subordinates' SKPs to review, and the matriks peran hasil."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain.entitas import Entitas
from skpdesk.domain.workflow import Pihak
from skpdesk.i18n import _
from skpdesk.services import evaluasi as ev_service
from skpdesk.services import skp as skp_service
from skpdesk.services.context import Aktor
from skpdesk.ui.bawahan.buku_catatan_page import BukuCatatanPage
from skpdesk.ui.bawahan.distribusi_page import DistribusiPage
from skpdesk.ui.bawahan.matriks_page import MatriksPage
from skpdesk.ui.bersama import gaya
from skpdesk.ui.bersama.bus import bus
from skpdesk.ui.bersama.kolom import PasKolom
from skpdesk.ui.bersama.model import ROLE_BARIS
from skpdesk.ui.skp.editor import SkpEditor
from skpdesk.ui.skp.model import (
    COL_MENUNGGU,
    COL_NAMA,
    COL_STATUS,
    COL_TINDAKAN,
    KOLOM_BAWAHAN,
    SkpFilterProxy,
    SkpTableModel,
    dengan_evaluasi,
)

LEBAR_DAFTAR = 520
HAL_EDITOR = 0
HAL_TANPA_SKP = 1


class BawahanTab(QWidget):
    """Signals:
    jumlah_berubah(int): how many subordinates' SKPs now wait on this penilai.
    """

    jumlah_berubah = Signal(int)

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self.jumlah = 0

        self.tahun = QComboBox()
        self.cari = QLineEdit()
        self.cari.setPlaceholderText(_("Cari nama atau NIP…"))
        self.cari.setClearButtonEnabled(True)
        self.hanya_menunggu = QCheckBox(_("Hanya yang menunggu saya"))
        self.ringkasan = QLabel()
        self.ringkasan.setProperty("peran", "info")
        self.ringkasan.setWordWrap(True)

        self.model = SkpTableModel(KOLOM_BAWAHAN, self)
        self.proxy = SkpFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.tabel = QTableView()
        self.tabel.setModel(self.proxy)
        self.tabel.setSortingEnabled(True)
        # What waits on me first.
        self.tabel.sortByColumn(self.model.col(COL_TINDAKAN), Qt.SortOrder.AscendingOrder)
        self.tabel.setAlternatingRowColors(True)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tabel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabel.verticalHeader().setVisible(False)
        # Name and next step wrap; status and waiting time keep their width: "Menunggu" stays
        # on screen at 1366×768 beside the SKP.
        self.pas_kolom = PasKolom(
            self.tabel, pas=(self.model.col(COL_STATUS), self.model.col(COL_MENUNGGU)),
            bobot={self.model.col(COL_NAMA): 3, self.model.col(COL_TINDAKAN): 2})

        atas = QHBoxLayout()
        atas.addWidget(QLabel(_("Tahun")))
        atas.addWidget(self.tahun)
        atas.addWidget(self.cari, 1)
        daftar = QWidget()
        daftar_layout = QVBoxLayout(daftar)
        daftar_layout.setContentsMargins(0, 0, 0, 0)
        daftar_layout.addWidget(gaya.judul(_("SKP Bawahan"), 1.0))
        daftar_layout.addLayout(atas)
        daftar_layout.addWidget(self.hanya_menunggu)
        daftar_layout.addWidget(self.tabel, 1)
        daftar_layout.addWidget(self.ringkasan)

        self.editor = SkpEditor(aktor)
        self.tanpa_skp = QLabel()
        self.tanpa_skp.setObjectName("kosong")
        self.tanpa_skp.setWordWrap(True)
        self.tanpa_skp.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.kanan = QStackedWidget()
        self.kanan.addWidget(self.editor)
        self.kanan.addWidget(self.tanpa_skp)

        tinjau = QSplitter()
        tinjau.addWidget(daftar)
        tinjau.addWidget(self.kanan)
        tinjau.setStretchFactor(1, 1)
        tinjau.setSizes([LEBAR_DAFTAR, 800])

        self.matriks = MatriksPage(aktor)
        self.halaman = QTabWidget()
        self.halaman.setDocumentMode(True)
        self.halaman.addTab(tinjau, _("Verifikasi SKP"))
        self.halaman.addTab(self.matriks, _("Matriks Peran Hasil"))
        self.distribusi = DistribusiPage(aktor)
        self.halaman.addTab(self.distribusi, _("Distribusi Predikat"))
        self.buku_catatan = BukuCatatanPage(aktor)
        self.halaman.addTab(self.buku_catatan, _("Buku Catatan Penilai"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.halaman)

        self._isi_tahun()
        self.tabel.selectionModel().currentRowChanged.connect(self._on_tabel_currentRowChanged)
        self.tahun.currentIndexChanged.connect(self._on_tahun_currentIndexChanged)
        self.cari.textChanged.connect(self.proxy.set_teks)
        self.hanya_menunggu.toggled.connect(self.proxy.set_hanya_menunggu)
        bus().data_changed.connect(self._on_bus_data_changed)
        self.muat_ulang()

    def _isi_tahun(self) -> None:
        chosen = self.tahun.currentData()
        self.tahun.blockSignals(True)
        self.tahun.clear()
        for year in skp_service.tahun_bawahan(self._aktor):
            self.tahun.addItem(str(year), year)
        index = self.tahun.findData(chosen) if chosen is not None else 0
        self.tahun.setCurrentIndex(max(0, index))
        self.tahun.blockSignals(False)

    def tahun_dipilih(self) -> int:
        return int(self.tahun.currentData())

    @staticmethod
    def hitung_jumlah(aktor: Aktor) -> int:
        """Subordinates' SKPs and evaluations waiting on this penilai now (docs/sop.md)."""
        return skp_service.jumlah_menunggu_penilai(aktor) + len(ev_service.menunggu_penilai(aktor))

    def muat_ulang(self) -> None:
        current = self.tabel.selectionModel().currentIndex()
        chosen: tuple[uuid.UUID | None, uuid.UUID | None] = (None, None)
        if current.isValid():
            row = current.data(ROLE_BARIS)
            chosen = (row.id, row.pegawai_id)
        rows = dengan_evaluasi(
            skp_service.daftar_bawahan(self._aktor, self.tahun_dipilih()),
            self._aktor,
            Pihak.PEJABAT_PENILAI,
        )
        self.model.set_rows(rows)
        self.pas_kolom.atur()
        waiting = sum(r.menunggu_saya for r in rows)
        self.ringkasan.setText(
            _("{n} SKP menunggu tindakan Anda · {m} bawahan belum membuat SKP").format(
                n=waiting, m=sum(r.id is None for r in rows)
            )
        )
        self.matriks.tampilkan(self.tahun_dipilih())
        self.distribusi.tampilkan(self.tahun_dipilih())
        if rows:
            self.pilih(*chosen)
        else:
            self.editor.tampilkan(None)
        self.jumlah = self.hitung_jumlah(self._aktor)
        self.jumlah_berubah.emit(self.jumlah)

    def pilih(self, skp_id: uuid.UUID | None, pegawai_id: uuid.UUID | None = None) -> None:
        row = self.model.row_of(skp_id, pegawai_id)
        index = self.proxy.mapFromSource(self.model.index(max(row, 0), 0))
        if row < 0:
            # Nothing chosen yet: the first row in the table's order (what waits on me first).
            index = self.proxy.index(0, 0)
        if not index.isValid():
            return
        self.tabel.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._tampilkan(index.data(ROLE_BARIS))

    def _tampilkan(self, row) -> None:
        if row is None:
            return
        if row.id is None:
            self.editor.tampilkan(None)
            self.tanpa_skp.setText(
                _(
                    "{nama} belum membuat SKP untuk {tahun}. Isi matriks peran hasil agar "
                    "RHK yang Anda bagikan sudah tersedia saat ia mulai menyusun SKP."
                ).format(nama=row.nama, tahun=row.tahun)
            )
            self.kanan.setCurrentIndex(HAL_TANPA_SKP)
            return
        self.kanan.setCurrentIndex(HAL_EDITOR)
        self.editor.tampilkan(row.id)

    def _on_tabel_currentRowChanged(self, current, _previous) -> None:
        if current.isValid():
            self._tampilkan(current.data(ROLE_BARIS))

    def _on_tahun_currentIndexChanged(self) -> None:
        self.muat_ulang()

    def _on_bus_data_changed(self, entitas: str) -> None:
        if entitas in (Entitas.SKP, Entitas.PERAN_HASIL, Entitas.PEGAWAI, Entitas.EVALUASI):
            self._isi_tahun()
            self.muat_ulang()
