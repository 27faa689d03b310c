"""The *SKP Saya* tab: the person's own SKPs, and the one selected open in the editor."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain.aturan import Regime, adalah_pp46
from skpdesk.domain.entitas import Entitas
from skpdesk.domain.skp import Pendekatan
from skpdesk.domain.workflow import Pihak
from skpdesk.i18n import _
from skpdesk.services import evaluasi as ev_service
from skpdesk.services import pp46 as pp46_service
from skpdesk.services import skp as skp_service
from skpdesk.services.context import Aktor, now
from skpdesk.ui.bersama import aksi, gaya
from skpdesk.ui.bersama.bus import bus
from skpdesk.ui.bersama.model import ROLE_ID
from skpdesk.ui.bersama.widgets import GalatForm, LabelPesan, baris_pesan, tombol_primer
from skpdesk.ui.skp.editor import SkpEditor
from skpdesk.ui.skp.model import (
    COL_PERIODE,
    KOLOM_SAYA,
    SkpFilterProxy,
    SkpTableModel,
    dengan_evaluasi,
)

LEBAR_DAFTAR = 380
HAL_KOSONG = 0
HAL_DAFTAR = 1


class BuatSkpDialog(QDialog):
    """Start a new SKP: the year and the approach; the penilai comes from the roster."""

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self.jumlah = 0
        self.skp_id: uuid.UUID | None = None
        self.setWindowTitle(_("Buat SKP Baru"))
        self.tahun = QSpinBox()
        self.tahun.setRange(2000, 2100)
        self.tahun.setValue(now().year)
        self.pendekatan = QComboBox()
        for p in Pendekatan:
            self.pendekatan.addItem(p.label, p.value)
        # Offices still keeping PP 46/2011 periods (archives, SOP 000) start those here too.
        self.aturan = QComboBox()
        self.aturan.addItem(_("PermenPANRB 6/2022"), Regime.PERMENPANRB_6_2022.value)
        self.aturan.addItem(_("PP 46/2011 (cara lama)"), Regime.PP_46_2011.value)
        self.pesan_tahun = LabelPesan()
        self.pesan = LabelPesan()
        self.galat = GalatForm(self.pesan, tahun=self.pesan_tahun, periode=self.pesan_tahun)
        keterangan = QLabel(
            _(
                "Pejabat penilai dan atasannya diambil dari data kepegawaian saat ini dan "
                "dicatat pada SKP."
            )
        )
        keterangan.setWordWrap(True)
        keterangan.setProperty("peran", "info")
        form = QFormLayout()
        form.addRow(_("Tahun"), self.tahun)
        baris_pesan(form, self.pesan_tahun)
        form.addRow(_("Aturan"), self.aturan)
        form.addRow(_("Pendekatan"), self.pendekatan)
        self.tombol = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.tombol_ok = tombol_primer(_("Buat SKP"))
        self.tombol_ok.setDefault(True)
        self.tombol.addButton(self.tombol_ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.tombol.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Batal"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(keterangan)
        layout.addWidget(self.pesan)
        layout.addWidget(self.tombol)
        self.setMinimumWidth(420)
        self.tombol.accepted.connect(self._on_tombol_accepted)
        self.tombol.rejected.connect(self.reject)
        self.aturan.currentIndexChanged.connect(self._on_aturan_changed)

    def _on_aturan_changed(self) -> None:
        # PP 46/2011 has kegiatan with targets, no choice of pendekatan.
        self.pendekatan.setEnabled(not adalah_pp46(self.aturan.currentData()))

    def _on_tombol_accepted(self) -> None:
        def buat():
            if adalah_pp46(self.aturan.currentData()):
                return pp46_service.buat_skp_pp46(self._aktor, self.tahun.value())
            return skp_service.buat_skp(
                self._aktor,
                self.tahun.value(),
                pendekatan=Pendekatan(self.pendekatan.currentData()),
            )

        skp = aksi.jalankan(buat, self.galat, umumkan=Entitas.SKP)
        if skp is None:
            return
        self.skp_id = skp.id
        self.accept()


class SkpSayaTab(QWidget):
    """Signals:
    jumlah_berubah(int): how many own SKPs now wait on this person (for the tab's title).
    """

    jumlah_berubah = Signal(int)

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor

        self.model = SkpTableModel(KOLOM_SAYA, self)
        self.proxy = SkpFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.tabel = QTableView()
        self.tabel.setModel(self.proxy)
        self.tabel.setSortingEnabled(True)
        self.tabel.sortByColumn(self.model.col(COL_PERIODE), Qt.SortOrder.DescendingOrder)
        self.tabel.setAlternatingRowColors(True)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tabel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabel.verticalHeader().setVisible(False)
        self.tabel.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.tabel.horizontalHeader().setStretchLastSection(True)
        self.tombol_buat = QPushButton(_("Buat SKP Baru…"))

        self.kosong = QLabel()
        self.kosong.setObjectName("kosong")
        self.kosong.setWordWrap(True)
        self.kosong.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tombol_buat_kosong = tombol_primer(_("Buat SKP Baru"))
        kosong = QWidget()
        kosong_layout = QVBoxLayout(kosong)
        kosong_layout.addStretch(1)
        kosong_layout.addWidget(self.kosong)
        kosong_layout.addWidget(self.tombol_buat_kosong, 0, Qt.AlignmentFlag.AlignHCenter)
        kosong_layout.addStretch(2)

        daftar = QWidget()
        daftar_layout = QVBoxLayout(daftar)
        daftar_layout.setContentsMargins(0, 0, 0, 0)
        daftar_layout.addWidget(gaya.judul(_("SKP Saya"), 1.0))
        daftar_layout.addWidget(self.tabel, 1)
        daftar_layout.addWidget(self.tombol_buat)

        self.tumpuk = QStackedWidget()
        self.tumpuk.addWidget(kosong)
        self.tumpuk.addWidget(daftar)

        self.editor = SkpEditor(aktor)
        split = QSplitter()
        split.addWidget(self.tumpuk)
        split.addWidget(self.editor)
        split.setStretchFactor(1, 1)
        split.setSizes([LEBAR_DAFTAR, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

        self.tabel.selectionModel().currentRowChanged.connect(self._on_tabel_currentRowChanged)
        self.tombol_buat.clicked.connect(self._on_tombol_buat_clicked)
        self.tombol_buat_kosong.clicked.connect(self._on_tombol_buat_clicked)
        bus().data_changed.connect(self._on_bus_data_changed)
        self.muat_ulang()

    @staticmethod
    def hitung_jumlah(aktor: Aktor) -> int:
        """Own SKPs and evaluations whose next move is this person's now (docs/sop.md)."""
        return skp_service.jumlah_menunggu_saya(aktor) + len(ev_service.menunggu_pegawai(aktor))

    def muat_ulang(self) -> None:
        chosen = self.editor.skp_id
        rows = dengan_evaluasi(
            skp_service.daftar_skp_saya(self._aktor), self._aktor, Pihak.PEGAWAI
        )
        self.model.set_rows(rows)
        self.tumpuk.setCurrentIndex(HAL_DAFTAR if rows else HAL_KOSONG)
        self.kosong.setText(
            _("Belum ada SKP untuk {tahun}. Buat SKP baru untuk mulai mengisi rencana kerja.")
            .format(tahun=now().year)
        )
        if not rows:
            self.editor.tampilkan(None)
        else:
            self.pilih(chosen or rows[0].id)
        # Only what waits now counts, not the leftovers of past years shown in the list.
        self.jumlah = self.hitung_jumlah(self._aktor)
        self.jumlah_berubah.emit(self.jumlah)

    def pilih(self, skp_id: uuid.UUID | None) -> None:
        row = self.model.row_of(skp_id)
        if row < 0:
            row = 0
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return
        self.tabel.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        skp_id = index.data(ROLE_ID)
        if skp_id != self.editor.skp_id or not self.editor.kotor:
            self.editor.tampilkan(skp_id)

    def _on_tabel_currentRowChanged(self, current, _previous) -> None:
        if current.isValid():
            skp_id = current.data(ROLE_ID)
            if skp_id != self.editor.skp_id:
                self.editor.tampilkan(skp_id)

    def _on_tombol_buat_clicked(self) -> None:
        dialog = BuatSkpDialog(self._aktor, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.skp_id is not None:
            self.pilih(dialog.skp_id)

    def _on_bus_data_changed(self, entitas: str) -> None:
        if entitas in (Entitas.SKP, Entitas.PERAN_HASIL, Entitas.PEGAWAI, Entitas.EVALUASI):
            self.muat_ulang()
