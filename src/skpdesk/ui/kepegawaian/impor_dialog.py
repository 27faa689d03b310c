"""The roster import dialog: pick a .xlsx/.csv, preview its rows and errors, import all at once."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain.nip import format_nip
from skpdesk.i18n import _
from skpdesk.resources import resource_path
from skpdesk.services import impor
from skpdesk.services.context import Aktor
from skpdesk.services.errors import ValidasiGagal
from skpdesk.services.impor import BarisImpor, HasilImpor, KesalahanBaris, Pratinjau
from skpdesk.ui.bersama import aksi
from skpdesk.ui.bersama.model import ROLE_SORT, DaftarModel, Kolom

CONTOH = "contoh/daftar_pegawai.xlsx"

# The same values as the application's palette (ui/bersama/gaya.py), kept here so that the dialog
# stands on its own.
MERAH = "#b3261e"
LATAR_MERAH = "#fce8e6"
KUNING = "#9a6700"
ABU = "#5f6368"

class _DaftarModel(DaftarModel[Any]):
    """A read-only list of records: the first column right-aligned, sorted as written."""

    tip_teks = True

    def row_at(self, row: int) -> Any:
        return self.baris(row)

    def urut_teks(self, teks: str) -> Any:
        return teks


def _teks_aksi(record: BarisImpor) -> str:
    if not record.sah:
        return _("Ada kesalahan")
    return _("Baru") if record.aksi == impor.AKSI_BARU else _("Diubah")


class BarisModel(_DaftarModel):
    """The rows of the file, as they would be imported."""

    COL_BARIS, COL_NIP, COL_NAMA, COL_JABATAN, COL_UNIT, COL_AKSI = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Kolom(_("Baris"), lambda r: str(r.baris), lambda r: r.baris, kanan=True),
                Kolom(_("NIP"), lambda r: format_nip(r.nip)),
                Kolom(_("Nama"), lambda r: r.nama),
                Kolom(_("Jabatan"), lambda r: r.jabatan),
                Kolom(_("Unit"), lambda r: r.unit),
                Kolom(_("Aksi"), _teks_aksi),
            ],
            parent,
        )

    def gaya(self, record: BarisImpor, column: int, role: int) -> Any:
        if record.sah:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(LATAR_MERAH)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_AKSI:
            return QColor(MERAH)
        return None


class KesalahanModel(_DaftarModel):
    """Every fault of the file, at its row and column."""

    COL_BARIS, COL_KOLOM, COL_PESAN = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Kolom(
                    _("Baris"),
                    lambda r: str(r.baris) if r.baris > 0 else "—",
                    lambda r: r.baris,
                    kanan=True,
                ),
                Kolom(_("Kolom"), lambda r: r.kolom or "—"),
                Kolom(_("Kesalahan"), lambda r: r.pesan),
            ],
            parent,
        )

    def gaya(self, record: KesalahanBaris, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_PESAN:
            return QColor(MERAH)
        return None


def _tabel(model: _DaftarModel, stretch: int) -> QTableView:
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(ROLE_SORT)
    view = QTableView()
    view.setModel(proxy)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(True)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class ImporRosterDialog(QDialog):
    """Import the office roster from a spreadsheet, all rows or none.

    Signals:
        roster_imported(HasilImpor): the import was saved; pegawai, units and jabatan changed.
    """

    roster_imported = Signal(object)

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self.pratinjau: Pratinjau | None = None
        self.hasil: HasilImpor | None = None
        self.setWindowTitle(_("Impor Daftar Pegawai"))

        kolom = ", ".join(k.judul for k in impor.KOLOM)
        self.petunjuk = QLabel(
            _(
                "Pilih berkas Excel (.xlsx) atau CSV berisi daftar pegawai. Baris pertama berisi "
                "judul kolom: {kolom}. Pegawai yang NIP-nya sudah terdaftar akan diperbarui. "
                "Tidak ada yang disimpan sebelum Anda menekan Impor."
            ).format(kolom=kolom)
        )
        self.petunjuk.setWordWrap(True)

        self.tombol_pilih = QPushButton(_("Pilih berkas…"))
        self.label_berkas = QLabel(_("Belum ada berkas dipilih."))
        self.label_berkas.setStyleSheet(f"color: {ABU};")
        self.tombol_contoh = QPushButton(_("Unduh contoh berkas"))
        self.tombol_contoh.setFlat(True)
        self.tombol_contoh.setCursor(Qt.CursorShape.PointingHandCursor)
        self.tombol_contoh.setStyleSheet(
            "QPushButton { color: #1558b0; text-decoration: underline; }"
        )
        self.tombol_contoh.setToolTip(
            _("Simpan contoh daftar pegawai (.xlsx) untuk diisi dengan data kantor Anda.")
        )
        baris_berkas = QHBoxLayout()
        baris_berkas.addWidget(self.tombol_pilih)
        baris_berkas.addWidget(self.label_berkas, 1)
        baris_berkas.addWidget(self.tombol_contoh)

        self.ringkasan = QLabel(_("Pilih berkas untuk melihat isinya sebelum diimpor."))
        self.ringkasan.setWordWrap(True)
        font = QFont(self.ringkasan.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.ringkasan.setFont(font)

        # Errors first and framed in red: they are what the user has to act on.
        self.kotak_kesalahan = QFrame()
        self.kotak_kesalahan.setObjectName("kotakKesalahan")
        self.kotak_kesalahan.setStyleSheet(
            f"QFrame#kotakKesalahan {{ border: 2px solid {MERAH}; border-radius: 4px; "
            f"background-color: {LATAR_MERAH}; }}"
        )
        self.judul_kesalahan = QLabel()
        self.judul_kesalahan.setWordWrap(True)
        self.judul_kesalahan.setStyleSheet(f"color: {MERAH}; font-weight: 600;")
        self.model_kesalahan = KesalahanModel(self)
        self.tabel_kesalahan = _tabel(self.model_kesalahan, KesalahanModel.COL_PESAN)
        kotak = QVBoxLayout(self.kotak_kesalahan)
        kotak.addWidget(self.judul_kesalahan)
        kotak.addWidget(self.tabel_kesalahan)
        self.kotak_kesalahan.setVisible(False)

        self.model_baris = BarisModel(self)
        self.tabel_baris = _tabel(self.model_baris, BarisModel.COL_JABATAN)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.kotak_kesalahan)
        self.splitter.addWidget(self.tabel_baris)

        self.pesan = QLabel()
        self.pesan.setWordWrap(True)
        self.pesan.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pesan.setVisible(False)

        self.tombol = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.tombol.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Batal"))
        self.tombol_impor = QPushButton(_("Impor"))
        self.tombol_impor.setProperty("primer", True)  # the application's primary-button style
        self.tombol_impor.setEnabled(False)
        self.tombol.addButton(self.tombol_impor, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(self.petunjuk)
        layout.addLayout(baris_berkas)
        layout.addWidget(self.ringkasan)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.pesan)
        layout.addWidget(self.tombol)
        self.resize(1000, 620)

        self.tombol_pilih.clicked.connect(self._on_tombol_pilih_clicked)
        self.tombol_contoh.clicked.connect(self._on_tombol_contoh_clicked)
        self.tombol_impor.clicked.connect(self._on_tombol_impor_clicked)
        self.tombol.rejected.connect(self.reject)
        self.tabel_kesalahan.clicked.connect(self._on_tabel_kesalahan_clicked)
        self._atur_tombol_bawaan()

    # -- loading --------------------------------------------------------------------------

    def muat(self, path: str | Path) -> Pratinjau | None:
        """Read and check a file; shows its rows and errors. Nothing is saved."""
        self._sembunyikan_pesan()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pratinjau = aksi.jalankan(
                lambda: impor.baca_berkas(path), lambda exc: self._galat(str(exc))
            )
        finally:
            QApplication.restoreOverrideCursor()
        if pratinjau is None:
            return None
        self._tampilkan(pratinjau)
        return pratinjau

    def _tampilkan(self, pratinjau: Pratinjau) -> None:
        self.pratinjau = pratinjau
        self.label_berkas.setText(pratinjau.berkas.name)
        self.label_berkas.setToolTip(str(pratinjau.berkas))
        self.model_baris.set_rows(pratinjau.baris)
        self.model_kesalahan.set_rows(pratinjau.kesalahan)
        self.tabel_baris.resizeRowsToContents()
        self.tabel_kesalahan.resizeRowsToContents()

        n = len(pratinjau.kesalahan)
        if n:
            salah = sum(1 for b in pratinjau.baris if not b.sah)
            self.ringkasan.setText(
                _("{n} baris pegawai dibaca, {salah} di antaranya bermasalah.").format(
                    n=len(pratinjau.baris), salah=salah
                )
                if pratinjau.baris
                else _("Berkas tidak dapat diimpor.")
            )
            self.ringkasan.setStyleSheet(f"color: {MERAH};")
            self.judul_kesalahan.setText(
                _(
                    "{n} kesalahan ditemukan. Tidak ada yang akan disimpan sampai berkas "
                    "diperbaiki: perbaiki baris-baris berikut di Excel, simpan, lalu pilih "
                    "berkasnya lagi."
                ).format(n=n)
                if pratinjau.baris
                else _(
                    "Berkas ini tidak dapat dibaca sebagai daftar pegawai. Tidak ada yang akan "
                    "disimpan sampai berkas diperbaiki."
                )
            )
            self.kotak_kesalahan.setVisible(True)
            self.tabel_baris.setVisible(bool(pratinjau.baris))
            self.splitter.setSizes([3, 2] if pratinjau.baris else [1, 0])
        else:
            self.ringkasan.setText(
                _("Siap diimpor: {ringkasan}.").format(ringkasan=pratinjau.ringkasan())
            )
            self.ringkasan.setStyleSheet("")
            self.kotak_kesalahan.setVisible(False)
            self.tabel_baris.setVisible(True)
        self.tombol_impor.setEnabled(pratinjau.ok)
        self._atur_tombol_bawaan()

    # -- actions --------------------------------------------------------------------------

    def _on_tombol_pilih_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Pilih daftar pegawai"), "", _("Daftar pegawai (*.xlsx *.csv)")
        )
        if path:
            self.muat(path)

    def _on_tombol_contoh_clicked(self) -> None:
        target, _filter = QFileDialog.getSaveFileName(
            self,
            _("Simpan contoh daftar pegawai"),
            str(Path.home() / "daftar_pegawai.xlsx"),
            _("Berkas Excel (*.xlsx)"),
        )
        if not target:
            return
        try:
            shutil.copyfile(resource_path(CONTOH), target)
        except OSError as exc:
            self._galat(
                _("Contoh berkas tidak dapat disimpan: {error}").format(error=exc.strerror or exc)
            )
            return
        self._info(
            _(
                "Contoh berkas disimpan di {path}. Isi dengan data kantor Anda, lalu pilih "
                "berkas itu."
            ).format(path=target)
        )

    def _tolak(self, exc: BaseException) -> None:
        QApplication.restoreOverrideCursor()
        if isinstance(exc, ValidasiGagal):
            # The data changed since the preview: show what is wrong now.
            self._tampilkan(impor.periksa_ulang(self.pratinjau))
        self._galat(_("Tidak ada yang disimpan. {pesan}").format(pesan=exc))

    def _on_tombol_impor_clicked(self) -> None:
        if self.pratinjau is None or not self.pratinjau.ok:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        hasil = aksi.jalankan(lambda: impor.terapkan(self._aktor, self.pratinjau), self._tolak)
        if hasil is None:
            return
        QApplication.restoreOverrideCursor()
        self.hasil = hasil
        self.roster_imported.emit(hasil)
        self._tampilkan_hasil(hasil)
        self.accept()

    def _tampilkan_hasil(self, hasil: HasilImpor) -> None:
        QMessageBox.information(self, _("Impor selesai"), hasil.ringkasan())

    def _on_tabel_kesalahan_clicked(self, index: QModelIndex) -> None:
        """Select the faulty row in the table of rows, so that it can be seen in context."""
        proxy = self.tabel_kesalahan.model()
        kesalahan = self.model_kesalahan.row_at(proxy.mapToSource(index).row())
        rows_proxy = self.tabel_baris.model()
        for source_row in range(self.model_baris.rowCount()):
            if self.model_baris.row_at(source_row).baris == kesalahan.baris:
                target = rows_proxy.mapFromSource(self.model_baris.index(source_row, 0))
                self.tabel_baris.selectRow(target.row())
                self.tabel_baris.scrollTo(target)
                return

    # -- helpers --------------------------------------------------------------------------

    def _atur_tombol_bawaan(self) -> None:
        """Enter imports once a file is ready; until then it opens the file chooser."""
        ready = self.tombol_impor.isEnabled()
        self.tombol_impor.setDefault(ready)
        self.tombol_impor.setAutoDefault(ready)
        self.tombol_pilih.setDefault(not ready)
        self.tombol_pilih.setAutoDefault(not ready)

    def _galat(self, teks: str) -> None:
        self.pesan.setStyleSheet(f"color: {MERAH}; font-weight: 600;")
        self.pesan.setText(teks)
        self.pesan.setVisible(True)

    def _info(self, teks: str) -> None:
        self.pesan.setStyleSheet(f"color: {KUNING};")
        self.pesan.setText(teks)
        self.pesan.setVisible(True)

    def _sembunyikan_pesan(self) -> None:
        self.pesan.clear()
        self.pesan.setVisible(False)
