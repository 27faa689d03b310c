"""The roster page of the Kepegawaian tab: unit tree, searchable pegawai table and its actions."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain.entitas import Entitas
from skpdesk.domain.kepegawaian import StatusKepegawaian
from skpdesk.i18n import _
from skpdesk.services import daftar, kantor
from skpdesk.services import pegawai as pegawai_service
from skpdesk.services.context import Aktor
from skpdesk.services.daftar import BarisPegawai
from skpdesk.ui.bersama import aksi, gaya
from skpdesk.ui.bersama.bus import bus, umumkan
from skpdesk.ui.bersama.model import ROLE_BARIS, ROLE_ID, ROLE_UNIT_ID
from skpdesk.ui.bersama.unit_tree import UnitTreeModel, subpohon
from skpdesk.ui.bersama.widgets import CatatanDialog, IsianDialog, LabelPesan, tombol_primer
from skpdesk.ui.kepegawaian.pegawai_dialog import AturAtasanDialog, PegawaiDialog
from skpdesk.ui.kepegawaian.pegawai_model import (
    AKTIF_SAJA,
    COL_AKTIF,
    COL_ATASAN,
    COL_GOLONGAN,
    COL_JABATAN,
    COL_NAMA,
    COL_NIP,
    COL_STATUS,
    COL_UNIT,
    NONAKTIF_SAJA,
    SEMUA,
    PegawaiFilterProxy,
    PegawaiTableModel,
)

LEBAR_POHON = 250
LEBAR_KOLOM_MAKS = 260
JARAK_BARIS = 10
LEBAR_CARI = 260
HALAMAN_TABEL = 0
HALAMAN_KOSONG = 1


class PegawaiPage(QWidget):
    """Roster management for the pengadministrasi kepegawaian."""

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self._kolom_diukur = False

        # Left: the unit tree.
        self.pohon_model = UnitTreeModel(self)
        self.pohon = QTreeView()
        self.pohon.setModel(self.pohon_model)
        self.pohon.setHeaderHidden(True)
        self.pohon.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Long unit names scroll sideways instead of being cut off.
        self.pohon.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.pohon.header().setStretchLastSection(False)
        self.tombol_tambah_unit = QPushButton(_("Tambah Unit…"))
        self.tombol_ubah_unit = QPushButton(_("Ganti Nama…"))
        kiri = QWidget()
        kiri_layout = QVBoxLayout(kiri)
        kiri_layout.setContentsMargins(0, 0, 0, 0)
        kiri_layout.addWidget(gaya.judul(_("Unit Kerja"), 1.0))
        kiri_layout.addWidget(self.pohon, 1)
        unit_buttons = QHBoxLayout()
        unit_buttons.addWidget(self.tombol_tambah_unit)
        unit_buttons.addWidget(self.tombol_ubah_unit)
        kiri_layout.addLayout(unit_buttons)

        # Right: filters, actions, the table.
        self.cari = QLineEdit()
        self.cari.setPlaceholderText(_("Cari nama atau NIP…"))
        self.cari.setClearButtonEnabled(True)
        self.cari.setMinimumWidth(LEBAR_CARI)
        self.filter_status = QComboBox()
        self.filter_status.addItem(_("Semua status"), None)
        for status in StatusKepegawaian:
            self.filter_status.addItem(status.label, status.value)
        self.filter_aktif = QComboBox()
        self.filter_aktif.addItem(_("Pegawai aktif"), AKTIF_SAJA)
        self.filter_aktif.addItem(_("Pegawai nonaktif"), NONAKTIF_SAJA)
        self.filter_aktif.addItem(_("Aktif dan nonaktif"), SEMUA)
        self.jumlah = QLabel()
        self.jumlah.setProperty("peran", "info")

        self.tombol_tambah = tombol_primer(_("Tambah Pegawai"))
        self.tombol_ubah = QPushButton(_("Ubah…"))
        self.tombol_atasan = QPushButton(_("Atur Atasan…"))
        self.tombol_aktif = QPushButton(_("Nonaktifkan…"))
        self.tombol_impor = QPushButton(_("Impor Daftar Pegawai…"))

        self.model = PegawaiTableModel(self)
        self.proxy = PegawaiFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.tabel = QTableView()
        self.tabel.setModel(self.proxy)
        self.tabel.setSortingEnabled(True)
        self.tabel.sortByColumn(COL_NAMA, Qt.SortOrder.AscendingOrder)
        self.tabel.setAlternatingRowColors(True)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tabel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabel.verticalHeader().setVisible(False)
        self.tabel.horizontalHeader().setHighlightSections(False)
        self.tabel.horizontalHeader().setStretchLastSection(False)
        self.tabel.setWordWrap(False)
        self.tabel.verticalHeader().setDefaultSectionSize(
            self.tabel.fontMetrics().height() + JARAK_BARIS
        )
        self.tabel.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tabel.horizontalHeader()
        for col in (COL_NIP, COL_STATUS, COL_GOLONGAN, COL_AKTIF):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        # The long texts share what is left, elided, with the full text as a tooltip.
        for col in (COL_JABATAN, COL_UNIT, COL_ATASAN):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)

        self.kosong = self._halaman_kosong()
        self.tumpuk = QStackedWidget()
        self.tumpuk.insertWidget(HALAMAN_TABEL, self.tabel)
        self.tumpuk.insertWidget(HALAMAN_KOSONG, self.kosong)
        self.pesan = LabelPesan()

        filters = QHBoxLayout()
        filters.addWidget(self.cari, 2)
        filters.addWidget(self.filter_status)
        filters.addWidget(self.filter_aktif)
        filters.addStretch(1)
        filters.addWidget(self.jumlah)
        actions = QHBoxLayout()
        actions.addWidget(self.tombol_tambah)
        actions.addWidget(self.tombol_ubah)
        actions.addWidget(self.tombol_atasan)
        actions.addWidget(self.tombol_aktif)
        actions.addStretch(1)
        actions.addWidget(self.tombol_impor)

        kanan = QWidget()
        kanan_layout = QVBoxLayout(kanan)
        kanan_layout.setContentsMargins(0, 0, 0, 0)
        kanan_layout.addLayout(filters)
        kanan_layout.addLayout(actions)
        kanan_layout.addWidget(self.pesan)
        kanan_layout.addWidget(self.tumpuk, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(kiri)
        self.splitter.addWidget(kanan)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([LEBAR_POHON, 1000])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self.muat_ulang()
        self._pilih_semua_unit()

        self.pohon.selectionModel().currentChanged.connect(self._on_pohon_currentChanged)
        self.tombol_tambah_unit.clicked.connect(self._on_tombol_tambah_unit_clicked)
        self.tombol_ubah_unit.clicked.connect(self._on_tombol_ubah_unit_clicked)
        self.cari.textChanged.connect(self._on_cari_textChanged)
        self.filter_status.currentIndexChanged.connect(self._on_filter_status_currentIndexChanged)
        self.filter_aktif.currentIndexChanged.connect(self._on_filter_aktif_currentIndexChanged)
        self.tabel.selectionModel().selectionChanged.connect(self._on_tabel_selectionChanged)
        self.tabel.doubleClicked.connect(self._on_tabel_doubleClicked)
        self.tombol_tambah.clicked.connect(self._on_tombol_tambah_clicked)
        self.tombol_ubah.clicked.connect(self._on_tombol_ubah_clicked)
        self.tombol_atasan.clicked.connect(self._on_tombol_atasan_clicked)
        self.tombol_aktif.clicked.connect(self._on_tombol_aktif_clicked)
        self.tombol_impor.clicked.connect(self._on_tombol_impor_clicked)
        self.proxy.rowsInserted.connect(self._on_proxy_rowsChanged)
        self.proxy.rowsRemoved.connect(self._on_proxy_rowsChanged)
        self.proxy.modelReset.connect(self._on_proxy_rowsChanged)
        self.proxy.layoutChanged.connect(self._on_proxy_rowsChanged)
        bus().data_changed.connect(self._on_bus_data_changed)
        self._perbarui_tombol()

    def _halaman_kosong(self) -> QWidget:
        page = QFrame()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        text = QLabel(_("Belum ada pegawai. Tambah pegawai atau impor daftar pegawai dari Excel."))
        text.setObjectName("kosong")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        gaya.huruf_besar(text, gaya.SKALA_SUBJUDUL, tebal=False)
        self.kosong_tambah = tombol_primer(_("Tambah Pegawai"))
        self.kosong_impor = QPushButton(_("Impor Daftar Pegawai…"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.kosong_tambah)
        row.addWidget(self.kosong_impor)
        row.addStretch(1)
        layout.addWidget(text)
        layout.addLayout(row)
        layout.addStretch(2)
        self.kosong_tambah.clicked.connect(self._on_tombol_tambah_clicked)
        self.kosong_impor.clicked.connect(self._on_tombol_impor_clicked)
        return page

    # -- data --------------------------------------------------------------------------------

    def muat_ulang(self) -> None:
        """Reload units and roster, keeping the chosen unit, the sort and the selection."""
        unit_id = self.unit_terpilih()
        selected = self.pegawai_terpilih()
        self.pohon_model.set_nodes(daftar.pohon_unit())
        self.pohon.expandAll()
        if unit_id is not None and (item := self.pohon_model.cari(unit_id)) is not None:
            self.pohon.setCurrentIndex(item.index())
        elif self.pohon.selectionModel() is not None:
            self._pilih_semua_unit()
        self._terapkan_unit()
        self.model.set_rows(daftar.daftar_pegawai())
        if not self._kolom_diukur and self.model.rowCount():
            self._ukur_kolom()
        if selected is not None:
            self.pilih(selected.id)
        self._perbarui_jumlah()
        self._perbarui_tombol()

    def _ukur_kolom(self) -> None:
        self._kolom_diukur = True
        self.tabel.resizeColumnToContents(COL_NAMA)
        header = self.tabel.horizontalHeader()
        header.resizeSection(COL_NAMA, min(header.sectionSize(COL_NAMA), LEBAR_KOLOM_MAKS))

    def _pilih_semua_unit(self) -> None:
        self.pohon.setCurrentIndex(self.pohon_model.index(0, 0))

    def unit_terpilih(self) -> uuid.UUID | None:
        index = self.pohon.currentIndex()
        return index.data(ROLE_UNIT_ID) if index.isValid() else None

    def pegawai_terpilih(self) -> BarisPegawai | None:
        rows = self.tabel.selectionModel().selectedRows() if self.tabel.selectionModel() else []
        return rows[0].data(ROLE_BARIS) if rows else None

    def pilih(self, pegawai_id: uuid.UUID) -> bool:
        """Select a pegawai's row if the filters show it."""
        source_row = self.model.row_of(pegawai_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self.tabel.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.tabel.scrollTo(index)
        return True

    def _terapkan_unit(self) -> None:
        unit_id = self.unit_terpilih()
        self.proxy.set_unit_ids(
            None if unit_id is None else subpohon(self.pohon_model.nodes, unit_id)
        )

    def _perbarui_jumlah(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        self.tumpuk.setCurrentIndex(HALAMAN_KOSONG if total == 0 else HALAMAN_TABEL)
        if total == 0:
            self.jumlah.setText("")
        elif shown == 0:
            self.jumlah.setText(_("Tidak ada pegawai yang cocok dengan pencarian atau filter."))
        elif shown == total:
            self.jumlah.setText(_("{n} pegawai").format(n=total))
        else:
            self.jumlah.setText(_("{n} dari {total} pegawai").format(n=shown, total=total))

    def _perbarui_tombol(self) -> None:
        row = self.pegawai_terpilih()
        for button in (self.tombol_ubah, self.tombol_atasan, self.tombol_aktif):
            button.setEnabled(row is not None)
        self.tombol_atasan.setEnabled(row is not None and row.aktif)
        self.tombol_aktif.setText(
            _("Aktifkan") if row is not None and not row.aktif else _("Nonaktifkan…")
        )
        self.tombol_ubah_unit.setEnabled(self.unit_terpilih() is not None)

    # -- handlers ----------------------------------------------------------------------------

    def _on_bus_data_changed(self, entitas: str) -> None:
        if entitas in (Entitas.PEGAWAI, Entitas.UNIT_KERJA, Entitas.JABATAN):
            self.muat_ulang()

    def _on_pohon_currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._terapkan_unit()
        self._perbarui_jumlah()
        self._perbarui_tombol()

    def _on_cari_textChanged(self, text: str) -> None:
        self.proxy.set_teks(text)
        self._perbarui_jumlah()

    def _on_filter_status_currentIndexChanged(self) -> None:
        value = self.filter_status.currentData()
        self.proxy.set_status(StatusKepegawaian(value) if value else None)
        self._perbarui_jumlah()

    def _on_filter_aktif_currentIndexChanged(self) -> None:
        self.proxy.set_aktif(self.filter_aktif.currentData())
        self._perbarui_jumlah()

    def _on_proxy_rowsChanged(self, *args: object) -> None:
        self._perbarui_jumlah()

    def _on_tabel_selectionChanged(self, *args: object) -> None:
        self.pesan.bersihkan()
        self._perbarui_tombol()

    def _on_tabel_doubleClicked(self, index: QModelIndex) -> None:
        self._on_tombol_ubah_clicked()

    def _on_tombol_tambah_unit_clicked(self) -> None:
        induk = self.unit_terpilih()
        if induk is None:
            roots = [n for n in self.pohon_model.nodes if n.induk_id is None]
            induk = roots[0].id if roots else None
        induk_nama = next((n.nama for n in self.pohon_model.nodes if n.id == induk), "")

        def simpan(nama: str) -> None:
            unit = kantor.tambah_unit(self._aktor, nama, induk)
            self._unit_baru = unit.id

        dialog = IsianDialog(
            _("Tambah Unit Kerja"),
            _("Nama unit baru di bawah {induk}:").format(induk=induk_nama),
            "",
            _("Tambah Unit"),
            simpan,
            self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            umumkan(Entitas.UNIT_KERJA)
            if (item := self.pohon_model.cari(self._unit_baru)) is not None:
                self.pohon.setCurrentIndex(item.index())

    def _on_tombol_ubah_unit_clicked(self) -> None:
        unit_id = self.unit_terpilih()
        if unit_id is None:
            return
        nama = next((n.nama for n in self.pohon_model.nodes if n.id == unit_id), "")
        dialog = IsianDialog(
            _("Ganti Nama Unit Kerja"),
            _("Nama baru untuk unit {nama}:").format(nama=nama),
            nama,
            _("Simpan"),
            lambda baru: kantor.ubah_unit(self._aktor, unit_id, baru),
            self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            umumkan(Entitas.UNIT_KERJA)

    def _on_tombol_tambah_clicked(self) -> None:
        dialog = PegawaiDialog(self._aktor, unit_id=self.unit_terpilih(), parent=self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if accepted and dialog.pegawai_id is not None and not self.pilih(dialog.pegawai_id):
            self.pesan.info(
                _("Pegawai tersimpan, tetapi tidak terlihat dengan filter yang dipakai.")
            )

    def _on_tombol_ubah_clicked(self) -> None:
        row = self.pegawai_terpilih()
        if row is None:
            return
        PegawaiDialog(self._aktor, pegawai_id=row.id, parent=self).exec()

    def _on_tombol_atasan_clicked(self) -> None:
        row = self.pegawai_terpilih()
        if row is None:
            return
        AturAtasanDialog(self._aktor, row.id, self).exec()

    def _on_tombol_aktif_clicked(self) -> None:
        row = self.pegawai_terpilih()
        if row is None:
            return
        if not row.aktif:
            if not aksi.berhasil(
                lambda: pegawai_service.aktifkan_pegawai(self._aktor, row.id),
                self.pesan,
                umumkan=Entitas.PEGAWAI,
            ):
                return
            self.pesan.sukses(_("{nama} aktif kembali.").format(nama=row.nama_lengkap))
            return
        dialog = CatatanDialog(
            _("Nonaktifkan Pegawai"),
            _(
                "Mengapa {nama} dinonaktifkan (pensiun, mutasi keluar, berhenti…)? Datanya dan "
                "riwayatnya tetap tersimpan."
            ).format(nama=row.nama_lengkap),
            _("Nonaktifkan"),
            lambda alasan: pegawai_service.nonaktifkan_pegawai(self._aktor, row.id, alasan),
            self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            umumkan(Entitas.PEGAWAI)
            self.pesan.sukses(_("{nama} dinonaktifkan.").format(nama=row.nama_lengkap))

    def _on_tombol_impor_clicked(self) -> None:
        # Imported lazily: the import dialog pulls in the spreadsheet readers.
        try:
            from skpdesk.ui.kepegawaian.impor_dialog import ImporRosterDialog
        except ImportError:
            self.pesan.galat(_("Fitur impor belum tersedia pada versi ini."))
            return
        ImporRosterDialog(self._aktor, self).exec()
        umumkan(Entitas.PEGAWAI, Entitas.UNIT_KERJA, Entitas.JABATAN)

    def id_terpilih(self) -> uuid.UUID | None:
        row = self.pegawai_terpilih()
        return row.id if row else None


__all__ = ["ROLE_ID", "PegawaiPage"]
