"""Backups for the administrator: the folder, the list of copies, backup now and restore."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain.entitas import Entitas
from skpdesk.i18n import _
from skpdesk.services import basisdata, cadangan
from skpdesk.services.basisdata import Cadangan
from skpdesk.services.context import Aktor
from skpdesk.services.errors import LayananError
from skpdesk.ui.bersama import aksi, gaya
from skpdesk.ui.bersama.bus import bus
from skpdesk.ui.bersama.model import ROLE_BERKAS, DaftarModel, Kolom
from skpdesk.ui.bersama.widgets import LabelPesan, tombol_primer

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")


def label_alasan(alasan: str) -> str:
    if alasan == basisdata.ALASAN_HARIAN:
        return _("Harian (otomatis)")
    if alasan == basisdata.ALASAN_MANUAL:
        return _("Dibuat manual")
    if alasan == basisdata.ALASAN_SEBELUM_PULIHKAN:
        return _("Sebelum pemulihan")
    if alasan == basisdata.ALASAN_RUSAK:
        return _("Basis data yang tak terbuka")
    if alasan.startswith("sebelum-skema-"):
        return _("Sebelum pembaruan skema {n}").format(n=alasan.rsplit("-", 1)[-1])
    return alasan


def teks_waktu(cadangan_: Cadangan) -> str:
    w = cadangan_.waktu
    return f"{w.day} {_(BULAN[w.month - 1])} {w.year}, {w:%H.%M}"


def teks_ukuran(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB".replace(".", ",")
    return f"{max(n // 1000, 1)} kB"


def _tak_diganti(exc: BaseException) -> str:
    """A refused check or restore: the database in use stays as it was."""
    return _("{alasan}\nTidak ada yang diganti.").format(alasan=exc)


class CadanganModel(DaftarModel[Cadangan]):
    COL_WAKTU, COL_JENIS, COL_UKURAN, COL_BERKAS = range(4)
    BerkasRole = ROLE_BERKAS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Kolom(_("Waktu"), teks_waktu),
                Kolom(_("Jenis"), lambda c: label_alasan(c.alasan)),
                Kolom(_("Ukuran"), lambda c: teks_ukuran(c.ukuran), kanan=True),
                Kolom(_("Berkas"), lambda c: c.path.name),
            ],
            parent,
        )

    def row(self, index: int) -> Cadangan:
        return self.baris(index)

    def gaya(self, row: Cadangan, column: int, role: int) -> Any:
        return str(row.path) if role == ROLE_BERKAS else None


class CadanganPage(QWidget):
    """Signals:
    basis_data_dipulihkan(): the database was replaced; every open view holds stale records.
    """

    basis_data_dipulihkan = Signal()

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self.folder = QLabel()
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder.setWordWrap(True)
        self.info = QLabel()
        self.info.setProperty("peran", "info")
        self.info.setWordWrap(True)
        self.kosong = QLabel(
            _("Belum ada cadangan. Klik \u201cCadangkan Sekarang\u201d untuk membuat yang pertama.")
        )
        self.kosong.setProperty("peran", "info")
        self.model = CadanganModel(self)
        self.tabel = QTableView()
        self.tabel.setModel(self.model)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tabel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabel.verticalHeader().setVisible(False)
        header = self.tabel.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tombol_cadangkan = tombol_primer(_("Cadangkan Sekarang"))
        self.tombol_pulihkan = QPushButton(_("Pulihkan dari Cadangan Terpilih…"))
        self.tombol_berkas = QPushButton(_("Pulihkan dari Berkas Lain…"))
        self.tombol_folder = QPushButton(_("Buka Folder"))
        self.pesan = LabelPesan()

        atas = QHBoxLayout()
        atas.addWidget(QLabel(_("Folder cadangan:")))
        atas.addWidget(self.folder, 1)
        atas.addWidget(self.tombol_folder)
        tombol = QHBoxLayout()
        tombol.addWidget(self.tombol_cadangkan)
        tombol.addWidget(self.tombol_pulihkan)
        tombol.addWidget(self.tombol_berkas)
        tombol.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(gaya.judul(_("Cadangan basis data")))
        layout.addLayout(atas)
        layout.addWidget(self.info)
        layout.addWidget(self.pesan)
        layout.addLayout(tombol)
        layout.addWidget(self.kosong)
        layout.addWidget(self.tabel, 1)

        self.tombol_cadangkan.clicked.connect(self._on_tombol_cadangkan_clicked)
        self.tombol_pulihkan.clicked.connect(self._on_tombol_pulihkan_clicked)
        self.tombol_berkas.clicked.connect(self._on_tombol_berkas_clicked)
        self.tombol_folder.clicked.connect(self._on_tombol_folder_clicked)
        self.tabel.selectionModel().selectionChanged.connect(self._atur_tombol)
        bus().data_changed.connect(self._on_bus_data_changed)
        self.muat_ulang()

    def muat_ulang(self) -> None:
        try:
            folder = cadangan.folder_cadangan()
            rows = cadangan.daftar_cadangan()
        except LayananError as exc:  # a PostgreSQL server: its administrator backs it up
            self.folder.setText("—")
            self.info.setText(str(exc))
            self.model.set_rows([])
            for button in (self.tombol_cadangkan, self.tombol_berkas, self.tombol_folder):
                button.setEnabled(False)
            self.kosong.setVisible(False)
            self._atur_tombol()
            return
        self.folder.setText(str(folder))
        self.info.setText(
            _(
                "Cadangan harian dibuat otomatis saat skpdesk dibuka (paling banyak sekali "
                "sehari); {n} cadangan harian terakhir disimpan (ubah di Pengaturan Kantor). "
                "Cadangan manual dan salinan sebelum pemulihan tidak dihapus otomatis."
            ).format(n=cadangan.jumlah_disimpan())
        )
        self.model.set_rows(rows)
        self.kosong.setVisible(not rows)
        self.tabel.setVisible(bool(rows))
        self._atur_tombol()

    def _terpilih(self) -> Cadangan | None:
        rows = self.tabel.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _atur_tombol(self, *_args: object) -> None:
        self.tombol_pulihkan.setEnabled(self._terpilih() is not None)

    def _on_bus_data_changed(self, entitas: str) -> None:
        if entitas == Entitas.PENGATURAN:
            self.muat_ulang()

    def _on_tombol_folder_clicked(self) -> None:
        folder = cadangan.folder_cadangan()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _on_tombol_cadangkan_clicked(self) -> None:
        path = aksi.jalankan(
            lambda: cadangan.cadangkan_sekarang(self._aktor),
            self.pesan,
            pesan=lambda exc: _("Cadangan gagal: {alasan}").format(alasan=exc),
            tangkap=(OSError,),
        )
        if path is None:
            return
        self.muat_ulang()
        self.pesan.sukses(_("Cadangan dibuat: {berkas}").format(berkas=path.name))

    def _on_tombol_pulihkan_clicked(self) -> None:
        item = self._terpilih()
        if item is not None:
            self.pulihkan(item.path)

    def _on_tombol_berkas_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Pilih berkas cadangan"),
            str(cadangan.folder_cadangan()),
            _("Basis data skpdesk (*.db);;Semua berkas (*)"),
        )
        if path:
            self.pulihkan(Path(path))

    def pulihkan(self, path: Path) -> None:
        """Verify, ask, restore; then the person logs in again on the restored data."""
        self.pesan.bersihkan()
        info = aksi.jalankan(lambda: cadangan.periksa_berkas(path), self.pesan, pesan=_tak_diganti)
        if info is None:
            return
        jawab = QMessageBox.question(
            self,
            _("Pulihkan basis data?"),
            _(
                "Seluruh isi basis data sekarang akan diganti dengan isi cadangan\n{berkas}\n"
                "(skema {versi}, {ukuran}).\n\nBasis data sekarang lebih dulu disimpan sebagai "
                "cadangan. Sesudahnya semua pengguna masuk lagi. Lanjutkan?"
            ).format(berkas=path.name, versi=info.versi_skema, ukuran=teks_ukuran(info.ukuran)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if jawab != QMessageBox.StandardButton.Yes:
            return
        hasil = aksi.jalankan(
            lambda: cadangan.pulihkan(self._aktor, path), self.pesan, pesan=_tak_diganti
        )
        if hasil is None:
            return
        QMessageBox.information(
            self,
            _("Basis data dipulihkan"),
            _(
                "Basis data dipulihkan dari {berkas}. Basis data sebelumnya disimpan sebagai "
                "{lama}.\n\nSilakan masuk lagi."
            ).format(
                berkas=path.name,
                lama=hasil.cadangan_sebelumnya.name if hasil.cadangan_sebelumnya else "—",
            ),
        )
        # Every open page holds records of the old data: whoever shows this page (the main
        # window) starts the session again; after the dialog's own click has finished.
        self.muat_ulang()
        QTimer.singleShot(0, self.basis_data_dipulihkan.emit)
