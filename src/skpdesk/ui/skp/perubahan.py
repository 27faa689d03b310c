"""For the penilai reading a resubmitted SKP: what changed since he returned it, highlighted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain.perbandingan import JenisPerubahan
from skpdesk.i18n import _
from skpdesk.services.skp import PerubahanSejakKembali
from skpdesk.ui.bersama import gaya, teks

# Added green, removed red, changed amber: the colours of the status labels.
WARNA = {
    JenisPerubahan.TAMBAH: ("#e6f4ea", gaya.HIJAU),
    JenisPerubahan.HAPUS: ("#fce8e6", gaya.MERAH),
    JenisPerubahan.UBAH: ("#fef7e0", gaya.KUNING),
}
COL_JENIS, COL_BAGIAN, COL_RHK, COL_LAMA, COL_BARU = range(5)
TINGGI_MAKS = 190  # px: the SKP itself stays the larger part of a 768-pixel-high screen


class KotakPerubahan(QFrame):
    """The differences of a resubmission from the version that was returned."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catatan_kembali")
        self.judul = QLabel()
        self.judul.setWordWrap(True)
        gaya.huruf_besar(self.judul, 1.0)
        self.tabel = QTableWidget(0, 5)
        self.tabel.setHorizontalHeaderLabels(
            [_("Perubahan"), _("Bagian"), _("RHK"), _("Sebelum dikembalikan"), _("Sekarang")]
        )
        self.tabel.verticalHeader().setVisible(False)
        self.tabel.setWordWrap(True)
        self.tabel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabel.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.tabel.horizontalHeader()
        header.setSectionResizeMode(COL_JENIS, QHeaderView.ResizeMode.ResizeToContents)
        for col in (COL_BAGIAN, COL_RHK, COL_LAMA, COL_BARU):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.judul)
        layout.addWidget(self.tabel)
        self.hide()

    def tampilkan(self, data: PerubahanSejakKembali | None) -> None:
        if data is None:
            self.tabel.setRowCount(0)
            self.hide()
            return
        waktu = teks.waktu_lokal(data.dikembalikan.waktu)
        rows = data.perubahan
        if rows:
            self.judul.setText(
                _("Diajukan kembali: {n} perubahan sejak dikembalikan pada {waktu}").format(
                    n=len(rows), waktu=waktu)
            )
        else:
            self.judul.setText(
                _("Diajukan kembali tanpa perubahan RHK, indikator atau target sejak "
                  "dikembalikan pada {waktu}.").format(waktu=waktu)
            )
        self.tabel.setVisible(bool(rows))
        self.tabel.setRowCount(len(rows))
        for n, p in enumerate(rows):
            latar, huruf = WARNA[p.jenis]
            cells = (p.jenis.label, p.bagian, p.rhk, p.lama or "—", p.baru or "—")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setBackground(QBrush(QColor(latar)))
                if col == COL_JENIS:
                    item.setForeground(QBrush(QColor(huruf)))
                item.setToolTip(text)
                self.tabel.setItem(n, col, item)
        self.tabel.resizeRowsToContents()
        # As tall as its rows, up to the cap; more rows scroll.
        tinggi = self.tabel.horizontalHeader().height() + 2 * self.tabel.frameWidth() + sum(
            self.tabel.rowHeight(n) for n in range(len(rows)))
        self.tabel.setFixedHeight(min(tinggi, TINGGI_MAKS))
        self.show()
