"""The office's interpretation bands for the capaian of a PK row."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain import format as fmt
from skpdesk.domain.entitas import Entitas
from skpdesk.domain.pengukuran import PitaCapaian
from skpdesk.domain.skp import angka
from skpdesk.i18n import _
from skpdesk.services import kantor
from skpdesk.services import pengukuran as ps
from skpdesk.services.context import Aktor
from skpdesk.ui.bersama import aksi
from skpdesk.ui.bersama.versi import BilahMuatUlang, Dilihat
from skpdesk.ui.bersama.widgets import LabelPesan, tombol_primer
from skpdesk.ui.perencanaan.umum import WARNA_PITA


class PitaPage(QWidget):
    """The office's interpretation bands: a lower bound (exclusive), a name and a colour."""

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self.tabel = QTableWidget(0, 3)
        self.tabel.setHorizontalHeaderLabels([_("Capaian lebih dari (%)"), _("Kategori"),
                                              _("Warna")])
        self.tabel.horizontalHeader().setStretchLastSection(True)
        self.tombol_tambah = QPushButton(_("Tambah Pita"))
        self.tombol_simpan = tombol_primer(_("Simpan Pita Capaian"))
        self.pesan = LabelPesan()
        # The bands live in the office settings: a save over a newer change is refused.
        self.dilihat = Dilihat(Entitas.PENGATURAN, aktor.akun_id, self)
        self.bilah_berubah = BilahMuatUlang(self.dilihat, self.muat_ulang)
        info = QLabel(_("Pita terakhir tanpa batas menampung sisanya. Contoh bawaan: Inspektorat "
                        "Sampang (> 90 Sangat Baik; > 75 Baik; > 65 Cukup; > 50 Kurang)."))
        info.setWordWrap(True)
        info.setProperty("peran", "info")
        tombol = QHBoxLayout()
        tombol.addWidget(self.tombol_tambah)
        tombol.addStretch(1)
        tombol.addWidget(self.tombol_simpan)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.tabel, 1)
        layout.addWidget(self.pesan)
        layout.addWidget(self.bilah_berubah)
        layout.addLayout(tombol)
        self.tombol_tambah.clicked.connect(self._on_tombol_tambah_clicked)
        self.tombol_simpan.clicked.connect(self._on_tombol_simpan_clicked)

    def muat_ulang(self) -> None:
        self.bilah_berubah.tutup()
        self.dilihat.baca(kantor.pengaturan().id)
        pita = ps.pita_kantor()
        self.tabel.setRowCount(0)
        for band in pita:
            self._tambah(band)

    def _tambah(self, band: PitaCapaian | None = None) -> None:
        n = self.tabel.rowCount()
        self.tabel.insertRow(n)
        bound = "" if band is None or band.lebih_dari is None else fmt.angka(band.lebih_dari)
        self.tabel.setItem(n, 0, QTableWidgetItem(bound))
        self.tabel.setItem(n, 1, QTableWidgetItem(band.label if band else ""))
        warna = QComboBox()
        for key in WARNA_PITA:
            warna.addItem(key.replace("_", " "), key)
        warna.setCurrentIndex(max(0, warna.findData(band.warna if band else "kuning")))
        self.tabel.setCellWidget(n, 2, warna)

    def _on_tombol_tambah_clicked(self) -> None:
        self._tambah()

    def _on_tombol_simpan_clicked(self) -> None:
        def simpan() -> None:
            bands = []
            for n in range(self.tabel.rowCount()):
                text = (self.tabel.item(n, 0).text() if self.tabel.item(n, 0) else "").strip()
                label = self.tabel.item(n, 1).text() if self.tabel.item(n, 1) else ""
                bands.append(PitaCapaian(angka(text) if text else None, label,
                                         self.tabel.cellWidget(n, 2).currentData()))
            ps.atur_pita(self._aktor, bands)

        # A number that does not read (ValueError) is shown like a refusal.
        if not aksi.berhasil(
            lambda: self.dilihat.jalankan(simpan), self.pesan, umumkan=Entitas.PENGATURAN,
            tangkap=(ValueError,)
        ):
            return
        self.pesan.sukses(_("Pita capaian tersimpan."))
