"""The *Arsip* tab: every generated document, its signed scan, searchable by pegawai and kind."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain.entitas import Entitas
from skpdesk.i18n import _
from skpdesk.services import dokumen as dokumen_service
from skpdesk.services.context import Aktor
from skpdesk.services.dokumen import BarisDokumen, StatusDokumen
from skpdesk.ui.arsip.dokumen_unit_dialog import DialogDokumenUnit, HasilMassal, PembuatMassal
from skpdesk.ui.bersama import aksi, gaya, teks
from skpdesk.ui.bersama.bus import bus, umumkan
from skpdesk.ui.bersama.kolom import PasKolom
from skpdesk.ui.bersama.model import ROLE_BARIS, DaftarModel, Kolom
from skpdesk.ui.bersama.widgets import LabelPesan, tombol_primer

COL_DIBUAT = 0
COL_PEGAWAI = 1
COL_JENIS = 2
COL_TAHUN = 3
COL_VERSI = 4
COL_STATUS = 5
COL_SCAN = 6
N_COL = 7

WARNA_DOKUMEN = {StatusDokumen.DIBUAT.value: "DISETUJUI", "DITANDATANGANI": "DITANDATANGANI"}


def _judul_jenis(kode: str) -> str:
    from skpdesk import documents

    try:
        return documents.jenis(kode).judul
    except LookupError:
        return kode


def _teks_tahun(row: BarisDokumen) -> str:
    return " ".join(p for p in (str(row.dokumen.tahun), row.dokumen.periode) if p)


def _teks_scan(row: BarisDokumen) -> str:
    return (row.dokumen.scan_jenis or "").upper() or "—"


def _tip_versi(row: BarisDokumen) -> str | None:
    if not row.kedaluwarsa:
        return None
    if row.dokumen.skp_id is None:
        return _("Data pengukuran kinerja sudah berubah sejak dokumen ini dibuat; buat "
                 "dokumen baru.")
    return _("Data SKP sudah berubah sejak dokumen ini dibuat; buat dokumen baru.")


def _pesan_scan(exc: BaseException) -> str:
    """A file that cannot be read says so; a service's refusal is shown as it is."""
    if isinstance(exc, OSError):
        return _("Berkas tidak dapat dibaca: {e}").format(e=exc)
    return str(exc)


class ArsipModel(DaftarModel[BarisDokumen]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Kolom(_("Dibuat"), lambda r: teks.waktu_lokal(r.dokumen.dibuat)),
                Kolom(_("Pegawai"), lambda r: r.pemilik),
                Kolom(_("Dokumen"), lambda r: _judul_jenis(r.dokumen.jenis)),
                Kolom(_("Tahun"), _teks_tahun),
                Kolom(
                    _("Versi Data"),
                    lambda r: str(r.dokumen.versi_data) + (" ⚠" if r.kedaluwarsa else ""),
                    tip=_tip_versi,
                    kanan=True,
                ),
                Kolom(_("Status"), lambda r: r.status_label),
                Kolom(_("Scan Bertanda Tangan"), _teks_scan),
            ],
            parent,
        )

    def gaya(self, row: BarisDokumen, column: int, role: int) -> Any:
        if column == COL_STATUS and role in (
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.BackgroundRole,
        ):
            fg, bg = gaya.warna_status(WARNA_DOKUMEN.get(row.dokumen.status, ""))
            return fg if role == Qt.ItemDataRole.ForegroundRole else bg
        return None


class ArsipTab(QWidget):
    """Lists the archive the person may see; attaches scans and marks documents signed."""

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self.cari = QLineEdit()
        self.cari.setPlaceholderText(_("Cari nama, NIP, atau jenis dokumen…"))
        self.cari.setClearButtonEnabled(True)
        self.jenis = QComboBox()
        self.jenis.addItem(_("Semua dokumen"), None)
        self.status = QComboBox()
        self.status.addItem(_("Semua status"), None)
        for s in StatusDokumen:
            self.status.addItem(s.label, s.value)
        self.model = ArsipModel(self)
        self.tabel = QTableView()
        self.tabel.setModel(self.model)
        self.tabel.setAlternatingRowColors(True)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tabel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabel.verticalHeader().setVisible(False)
        self.pas_kolom = PasKolom(
            self.tabel, pas=(COL_DIBUAT, COL_TAHUN, COL_VERSI, COL_STATUS, COL_SCAN),
            bobot={COL_PEGAWAI: 3, COL_JENIS: 3})
        boleh_buat = dokumen_service.boleh_buat_massal(aktor)
        # Point to the button this person has: the Arsip's own, or the SKP editor's.
        self.kosong = QLabel(
            _(
                "Belum ada dokumen di arsip. Dokumen dibuat dari SKP yang sudah disetujui: "
                "tombol \u201cBuat Dokumen\u2026\u201d di bawah (pilih pegawai atau unit, "
                "dokumen, dan tahun)."
            )
            if boleh_buat
            else _(
                "Belum ada dokumen di arsip. Dokumen dibuat dari SKP yang sudah disetujui "
                "(tombol \u201cBuat Dokumen SKP\u201d di SKP Saya)."
            )
        )
        self.kosong.setObjectName("kosong")
        self.kosong.setWordWrap(True)
        self.tombol_buka = tombol_primer(_("Buka"))
        self.tombol_scan = QPushButton(_("Lampirkan Scan…"))
        self.tombol_ttd = QPushButton(_("Tandai Ditandatangani"))
        self.tombol_massal = QPushButton(_("Buat Dokumen…"))
        self.tombol_massal.setToolTip(_("Dokumen satu pegawai atau seluruh unit kerja"))
        self.tombol_massal.setVisible(boleh_buat)
        self.pembuat: PembuatMassal | None = None
        self.kotak_ringkasan: QMessageBox | None = None
        self.pesan = LabelPesan()

        saring = QHBoxLayout()
        saring.addWidget(self.cari, 1)
        saring.addWidget(self.jenis)
        saring.addWidget(self.status)
        tombol = QHBoxLayout()
        tombol.addWidget(self.tombol_buka)
        tombol.addWidget(self.tombol_scan)
        tombol.addWidget(self.tombol_ttd)
        tombol.addStretch(1)
        tombol.addWidget(self.tombol_massal)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(gaya.judul(_("Arsip Dokumen"), 1.0))
        layout.addLayout(saring)
        layout.addWidget(self.kosong)
        layout.addWidget(self.tabel, 1)
        layout.addLayout(tombol)
        layout.addWidget(self.pesan)

        self.cari.textChanged.connect(self.muat_ulang)
        self.jenis.currentIndexChanged.connect(self.muat_ulang)
        self.status.currentIndexChanged.connect(self.muat_ulang)
        self.tabel.selectionModel().selectionChanged.connect(self._atur_tombol)
        self.tombol_buka.clicked.connect(self._on_tombol_buka_clicked)
        self.tombol_scan.clicked.connect(self._on_tombol_scan_clicked)
        self.tombol_ttd.clicked.connect(self._on_tombol_ttd_clicked)
        self.tombol_massal.clicked.connect(self._on_tombol_massal_clicked)
        bus().data_changed.connect(self._on_bus_data_changed)
        self.muat_ulang()

    def muat_ulang(self) -> None:
        chosen = self.terpilih()
        rows = dokumen_service.daftar_dokumen(
            self._aktor,
            jenis=self.jenis.currentData(),
            status=self.status.currentData(),
            cari=self.cari.text(),
        )
        kinds = sorted({r.dokumen.jenis for r in rows} | self._jenis_dikenal())
        if self.jenis.count() - 1 != len(kinds):
            current = self.jenis.currentData()
            self.jenis.blockSignals(True)
            self.jenis.clear()
            self.jenis.addItem(_("Semua dokumen"), None)
            for kode in kinds:
                self.jenis.addItem(_judul_jenis(kode), kode)
            self.jenis.setCurrentIndex(max(0, self.jenis.findData(current)))
            self.jenis.blockSignals(False)
        self.model.set_rows(rows)
        self.pas_kolom.atur()
        self.kosong.setVisible(not rows and not self.cari.text())
        for n, row in enumerate(rows):
            if chosen is not None and row.dokumen.id == chosen.dokumen.id:
                self.tabel.selectRow(n)
        self._atur_tombol()

    def _jenis_dikenal(self) -> set[str]:
        return {self.jenis.itemData(i) for i in range(1, self.jenis.count())}

    def terpilih(self) -> BarisDokumen | None:
        rows = self.tabel.selectionModel().selectedRows() if self.tabel.selectionModel() else []
        return rows[0].data(ROLE_BARIS) if rows else None

    def _atur_tombol(self) -> None:
        row = self.terpilih()
        self.tombol_buka.setEnabled(row is not None)
        self.tombol_scan.setEnabled(row is not None)
        self.tombol_ttd.setEnabled(
            row is not None and row.dokumen.status != StatusDokumen.DITANDATANGANI
        )

    def _on_tombol_buka_clicked(self) -> None:
        from skpdesk import documents

        row = self.terpilih()
        if row is None:
            return
        try:
            documents.buka(dokumen_service.path_berkas(row.dokumen.path))
        except documents.KeluaranGagal as exc:
            self.pesan.galat(str(exc))

    def pilih_berkas_scan(self) -> str:
        """Ask for the scan; a seam for tests."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Pilih scan dokumen bertanda tangan"),
            str(Path.home()),
            _("Scan (*.pdf *.jpg *.jpeg *.png)"),
        )
        return path

    def _on_tombol_scan_clicked(self) -> None:
        row = self.terpilih()
        if row is None:
            return
        path = self.pilih_berkas_scan()
        if not path:
            return
        if not aksi.berhasil(
            lambda: dokumen_service.lampirkan_scan(
                self._aktor, row.dokumen.id, Path(path).read_bytes()
            ),
            self.pesan,
            umumkan=Entitas.DOKUMEN,
            pesan=_pesan_scan,
            tangkap=(OSError,),
        ):
            return
        self.pesan.sukses(_("Scan terlampir pada dokumen."))

    def _on_tombol_ttd_clicked(self) -> None:
        row = self.terpilih()
        if row is None:
            return
        if not aksi.berhasil(
            lambda: dokumen_service.tandai_ditandatangani(self._aktor, row.dokumen.id),
            self.pesan,
            umumkan=Entitas.DOKUMEN,
        ):
            return
        self.pesan.sukses(_("Dokumen ditandai sudah ditandatangani."))

    def _on_tombol_massal_clicked(self) -> None:
        dialog = DialogDokumenUnit(self._aktor, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen = dialog.pilihan()
        self.pesan.bersihkan()
        skipped: list[tuple[str, str]] = []

        def records() -> list[uuid.UUID]:
            if chosen.pegawai_id is not None:
                return dokumen_service.rekaman_pegawai(
                    chosen.entitas, chosen.pegawai_id, chosen.tahun, chosen.periode,
                    chosen.periode_nama)
            skipped.extend(dokumen_service.tanpa_rekaman_unit(
                chosen.entitas, chosen.unit_ids, chosen.tahun, chosen.periode,
                chosen.periode_nama))
            return dokumen_service.rekaman_unit(
                chosen.entitas, chosen.unit_ids, chosen.tahun, chosen.periode)

        ids = aksi.jalankan(records, self.pesan)
        if ids is None:
            return
        if not ids:
            self.pesan.galat(_("Tidak ada SKP yang sudah disetujui (atau evaluasinya) pada unit "
                               "dan tahun itu."))
            return
        self.mulai_massal(chosen.kode, ids, cetak=chosen.cetak, salinan=chosen.salinan,
                          tanpa_rekaman=skipped)

    def mulai_massal(
        self, kode: str, record_ids: list[uuid.UUID], *, cetak: bool = False, salinan: int = 1,
        tanpa_rekaman: list[tuple[str, str]] | None = None,
    ) -> PembuatMassal:
        """Start a batch behind its progress dialog; the tab stays usable meanwhile."""
        self.tombol_massal.setEnabled(False)
        self.pembuat = PembuatMassal(
            self._aktor, kode, record_ids, cetak=cetak, salinan=salinan,
            tanpa_rekaman=tanpa_rekaman, parent=self
        )
        self.pembuat.selesai.connect(self._on_massal_selesai)
        self.pembuat.mulai()
        return self.pembuat

    def _on_massal_selesai(self, hasil: HasilMassal) -> None:
        self.tombol_massal.setEnabled(True)
        umumkan(Entitas.DOKUMEN)
        text = hasil.ringkasan()
        if hasil.dilewati or hasil.galat_cetak or hasil.dibatalkan:
            self.pesan.galat(text.splitlines()[0])
        else:
            self.pesan.sukses(text.splitlines()[0])
        # Not exec(): the summary must not block (nor a test); window-modal and closed by OK.
        self.kotak_ringkasan = QMessageBox(
            QMessageBox.Icon.Information, _("Buat Dokumen"), text,
            QMessageBox.StandardButton.Ok, self,
        )
        if hasil.terpotong:
            self.kotak_ringkasan.setDetailedText("\n".join(hasil.baris_dilewati()))
        self.tombol_buka_folder: QPushButton | None = None
        folder = hasil.folder
        if folder is not None:
            self.tombol_buka_folder = self.kotak_ringkasan.addButton(
                _("Buka Folder"), QMessageBox.ButtonRole.ActionRole)
            # An action button would close the box; the folder opens and the summary stays.
            self.tombol_buka_folder.clicked.disconnect()
            self.tombol_buka_folder.clicked.connect(lambda: self.buka_folder(folder))
        self.kotak_ringkasan.open()

    def buka_folder(self, folder: Path) -> None:
        """Show the folder in the system's file manager; a seam for tests."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def pilih_dokumen(self, dokumen_id: uuid.UUID) -> None:
        for n in range(self.model.rowCount()):
            if self.model.index(n, 0).data(ROLE_BARIS).dokumen.id == dokumen_id:
                self.tabel.selectRow(n)
                return

    def _on_bus_data_changed(self, entitas: str) -> None:
        if entitas in (Entitas.DOKUMEN, Entitas.SKP):
            self.muat_ulang()
