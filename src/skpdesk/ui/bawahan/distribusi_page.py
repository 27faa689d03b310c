"""The unit's predikat against its pola distribusi, and the penilai's written justifications."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain.aturan import URUTAN_KURVA, Predikat
from skpdesk.domain.entitas import Entitas
from skpdesk.i18n import _
from skpdesk.services import evaluasi as ev_service
from skpdesk.services.context import Aktor
from skpdesk.ui.bersama import aksi, gaya
from skpdesk.ui.bersama.bus import bus, umumkan
from skpdesk.ui.bersama.widgets import CatatanDialog, LabelPesan

LATAR_PERINGATAN = QColor("#fff4e5")


class DistribusiPage(QWidget):
    """For one unit and period: capaian organisasi, the curve, the warnings, the justifications."""

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self._tahun: int | None = None
        self._evaluasi_ids: list[uuid.UUID] = []
        self.unit = QComboBox()
        self.periode = QComboBox()
        for p in ev_service.daftar_periode_kantor():
            self.periode.addItem(p.nama, p.kode)
        self.capaian = QLabel()
        gaya.huruf_besar(self.capaian, 1.0)
        self.frekuensi = QTableWidget(1, len(URUTAN_KURVA))
        self.frekuensi.setHorizontalHeaderLabels([p.label for p in URUTAN_KURVA])
        self.frekuensi.verticalHeader().setVisible(False)
        self.frekuensi.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.frekuensi.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.frekuensi.setFixedHeight(self.frekuensi.horizontalHeader().sizeHint().height() + 34)
        self.peringatan = LabelPesan()
        self.tabel = QTableWidget(0, 3)
        self.tabel.setHorizontalHeaderLabels([_("Pegawai"), _("Predikat"), _("Justifikasi")])
        self.tabel.verticalHeader().setVisible(False)
        self.tabel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tabel.setWordWrap(True)
        th = self.tabel.horizontalHeader()
        th.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        th.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        th.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tombol_justifikasi = QPushButton(_("Tulis Justifikasi…"))
        self.pesan = LabelPesan()
        self.kosong = QLabel(_("Belum ada pegawai yang Anda nilai pada tahun ini."))
        self.kosong.setObjectName("kosong")

        atas = QHBoxLayout()
        atas.addWidget(QLabel(_("Unit")))
        atas.addWidget(self.unit, 1)
        atas.addWidget(QLabel(_("Periode")))
        atas.addWidget(self.periode)
        bawah = QHBoxLayout()
        bawah.addWidget(self.pesan, 1)
        bawah.addWidget(self.tombol_justifikasi, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(atas)
        layout.addWidget(self.kosong)
        layout.addWidget(self.capaian)
        layout.addWidget(gaya.judul(_("Sebaran predikat (evaluasi yang sudah final)"), 1.0))
        layout.addWidget(self.frekuensi)
        layout.addWidget(self.peringatan)
        layout.addWidget(self.tabel, 1)
        layout.addLayout(bawah)

        self.unit.currentIndexChanged.connect(self.muat_ulang)
        self.periode.currentIndexChanged.connect(self.muat_ulang)
        self.tombol_justifikasi.clicked.connect(self._on_tombol_justifikasi_clicked)
        bus().data_changed.connect(self._on_bus_data_changed)

    def tampilkan(self, tahun: int) -> None:
        self._tahun = tahun
        chosen = self.unit.currentData()
        self.unit.blockSignals(True)
        self.unit.clear()
        for u in ev_service.unit_dinilai(self._aktor, tahun):
            self.unit.addItem(u.nama, u.id)
        index = next(
            (i for i in range(self.unit.count()) if self.unit.itemData(i) == chosen), 0
        )
        self.unit.setCurrentIndex(index)
        self.unit.blockSignals(False)
        self.muat_ulang()

    def muat_ulang(self) -> None:
        unit_id = self.unit.currentData()
        has_unit = unit_id is not None and self._tahun is not None
        self.kosong.setVisible(not has_unit)
        for w in (self.capaian, self.frekuensi, self.tabel, self.tombol_justifikasi):
            w.setVisible(has_unit)
        if not has_unit:
            self.peringatan.bersihkan()
            return
        # Refused when the unit was removed meanwhile.
        hasil = aksi.jalankan(
            lambda: ev_service.cek_distribusi_unit(
                unit_id, self._tahun, self.periode.currentData()
            ),
            self.peringatan,
        )
        if hasil is None:
            return
        self.capaian.setText(
            _("Capaian kinerja organisasi: {c} · {n} evaluasi final").format(
                c=hasil.capaian.label if hasil.capaian else _("belum ditetapkan"), n=hasil.n
            )
        )
        for col, p in enumerate(URUTAN_KURVA):
            item = QTableWidgetItem(str(hasil.frekuensi.get(p, 0)))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.frekuensi.setItem(0, col, item)
        if hasil.pelanggaran:
            self.peringatan.galat(
                "\n".join(
                    [
                        _(
                            "Sebaran predikat tidak sesuai pola distribusi (peringatan, bukan "
                            "larangan). Tuliskan justifikasi untuk evaluasi yang Anda nilai:"
                        ),
                        *(f"• {m}" for m in hasil.pesan),
                    ]
                )
            )
        elif hasil.capaian is None:
            self.peringatan.info(hasil.pesan[0])
        else:
            self.peringatan.sukses(_("Sebaran predikat sesuai pola distribusi."))
        self.tabel.setRowCount(len(hasil.evaluasi))
        self._evaluasi_ids = [e.id for e in hasil.evaluasi]
        missing = {e.id for e in hasil.tanpa_justifikasi}
        for n, e in enumerate(hasil.evaluasi):
            cells = (
                e.skp.snapshot.get("pegawai", {}).get("nama", ""),
                Predikat(e.predikat).label,
                e.justifikasi_distribusi,
            )
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if e.id in missing:
                    item.setBackground(QBrush(LATAR_PERINGATAN))
                self.tabel.setItem(n, col, item)
        self.tabel.resizeRowsToContents()
        self.tombol_justifikasi.setEnabled(bool(hasil.pelanggaran))

    def _on_tombol_justifikasi_clicked(self) -> None:
        n = self.tabel.currentRow()
        if not 0 <= n < len(self._evaluasi_ids):
            self.pesan.galat(_("Pilih evaluasi yang akan diberi justifikasi."))
            return
        ev_id = self._evaluasi_ids[n]
        dialog = CatatanDialog(
            _("Justifikasi Predikat"),
            _("Mengapa predikat ini tepat walaupun sebaran unit tidak sesuai pola distribusi?"),
            _("Simpan Justifikasi"),
            lambda text: ev_service.simpan_justifikasi(self._aktor, ev_id, text),
            parent=self,
        )
        if dialog.exec() == CatatanDialog.DialogCode.Accepted:
            umumkan(Entitas.EVALUASI)
            self.pesan.sukses(_("Justifikasi tersimpan."))

    def _on_bus_data_changed(self, entitas: str) -> None:
        if entitas == Entitas.EVALUASI and self._tahun is not None:
            self.muat_ulang()
