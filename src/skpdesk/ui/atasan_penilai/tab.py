"""The *Atasan Penilai* tab: keberatan to decide, evaluations to countersign, capaian organisasi."""

from __future__ import annotations

import uuid
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain.aturan import CapaianOrganisasi
from skpdesk.domain.entitas import Entitas
from skpdesk.domain.workflow import Pihak
from skpdesk.i18n import _
from skpdesk.services import evaluasi as ev_service
from skpdesk.services.context import Aktor, now
from skpdesk.ui.bersama import aksi, gaya
from skpdesk.ui.bersama.bus import bus
from skpdesk.ui.bersama.widgets import LabelPesan, tombol_primer
from skpdesk.ui.skp.evaluasi_page import EvaluasiPage

HAL_KOSONG = 0
HAL_EVALUASI = 1


def tersedia(aktor: Aktor) -> bool:
    """The atasan pejabat penilai on any SKP, or a leader who sets a unit's capaian."""
    if aktor.pegawai_id is None:
        return False
    # As a leader, not as the personnel office (who may record any unit's capaian).
    pemimpin = replace(aktor, peran=frozenset())
    return ev_service.atasan_penilai_di(aktor) or bool(
        ev_service.unit_capaian_saya(pemimpin, now().year)
    )


class CapaianPage(QWidget):
    """Capaian kinerja organisasi per unit and period, for the leader above the units."""

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self._units: list[uuid.UUID] = []
        self._periode = [p.kode for p in ev_service.daftar_periode_kantor()]
        self.tahun = QComboBox()
        year = now().year
        for y in range(year, year - 3, -1):
            self.tahun.addItem(str(y), y)
        self.tabel = QTableWidget()
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tabel.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.petunjuk = QLabel(
            _(
                "Tetapkan capaian kinerja organisasi setiap unit per periode. Predikat pegawai "
                "di unit itu baru dapat ditetapkan setelah capaiannya ada, dan sebaran "
                "predikatnya diperiksa terhadap pola distribusi capaian ini."
            )
        )
        self.petunjuk.setWordWrap(True)
        self.petunjuk.setProperty("peran", "info")
        self.tombol_simpan = tombol_primer(_("Simpan Capaian"))
        self.pesan = LabelPesan()
        atas = QHBoxLayout()
        atas.addWidget(QLabel(_("Tahun")))
        atas.addWidget(self.tahun)
        atas.addStretch(1)
        bawah = QHBoxLayout()
        bawah.addWidget(self.pesan, 1)
        bawah.addWidget(self.tombol_simpan, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(atas)
        layout.addWidget(self.petunjuk)
        layout.addWidget(self.tabel, 1)
        layout.addLayout(bawah)
        self.tahun.currentIndexChanged.connect(self.muat_ulang)
        self.tombol_simpan.clicked.connect(self._on_tombol_simpan_clicked)
        self.muat_ulang()

    def _combo(self, nilai: str | None) -> QComboBox:
        combo = QComboBox()
        combo.addItem(_("— belum —"), None)
        for c in CapaianOrganisasi:
            combo.addItem(c.label, c.value)
        combo.setCurrentIndex(max(0, combo.findData(nilai)))
        return combo

    def muat_ulang(self) -> None:
        tahun = self.tahun.currentData()
        units = ev_service.unit_capaian_saya(self._aktor, tahun)
        self._units = [u.id for u in units]
        periods = ev_service.daftar_periode_kantor()
        self.tabel.clear()
        self.tabel.setRowCount(len(units))
        self.tabel.setColumnCount(len(periods))
        self.tabel.setHorizontalHeaderLabels([p.nama for p in periods])
        self.tabel.setVerticalHeaderLabels([u.nama for u in units])
        known = ev_service.capaian_organisasi_tahun(self._units, tahun)
        for i, u in enumerate(units):
            for j, p in enumerate(periods):
                row = known.get((u.id, p.kode))
                combo = self._combo(row.nilai if row else None)
                combo.setProperty("awal", row.nilai if row else None)
                self.tabel.setCellWidget(i, j, combo)
        self.tombol_simpan.setEnabled(bool(units))

    def _on_tombol_simpan_clicked(self) -> None:
        tahun = self.tahun.currentData()

        def simpan() -> int:
            saved = 0
            for i, unit_id in enumerate(self._units):
                for j, kode in enumerate(self._periode):
                    combo = self.tabel.cellWidget(i, j)
                    value = combo.currentData()
                    if value is not None and value != combo.property("awal"):
                        ev_service.atur_capaian_organisasi(
                            self._aktor, unit_id, tahun, kode, value
                        )
                        saved += 1
            return saved

        saved = aksi.jalankan(
            simpan, self.pesan, umumkan=lambda n: (Entitas.EVALUASI,) if n else ()
        )
        if saved is None:
            return
        self.muat_ulang()
        self.pesan.sukses(_("{n} capaian tersimpan.").format(n=saved))


class AtasanTab(QWidget):
    """Signals:
    jumlah_berubah(int): how many evaluations wait on this atasan pejabat penilai, plus the
    missing capaian organisasi that hold back a predikat.
    """

    jumlah_berubah = Signal(int)

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self.jumlah = 0
        self._rows: list = []
        self.daftar = QTableWidget(0, 3)
        self.daftar.setHorizontalHeaderLabels([_("Pegawai"), _("Periode"), _("Menunggu")])
        self.daftar.verticalHeader().setVisible(False)
        self.daftar.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.daftar.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.daftar.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.daftar.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.daftar.horizontalHeader().setStretchLastSection(True)
        self.evaluasi = EvaluasiPage(aktor)
        self.kosong = QLabel(
            _("Tidak ada keberatan atau penilaian yang menunggu keputusan Anda.")
        )
        self.kosong.setObjectName("kosong")
        self.kosong.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.kosong.setWordWrap(True)
        self.kanan = QStackedWidget()
        self.kanan.addWidget(self.kosong)
        self.kanan.addWidget(self.evaluasi)
        kiri = QWidget()
        kiri_layout = QVBoxLayout(kiri)
        kiri_layout.setContentsMargins(0, 0, 0, 0)
        kiri_layout.addWidget(gaya.judul(_("Menunggu Keputusan Anda"), 1.0))
        kiri_layout.addWidget(self.daftar, 1)
        split = QSplitter()
        split.addWidget(kiri)
        split.addWidget(self.kanan)
        split.setStretchFactor(1, 1)
        split.setSizes([380, 900])
        self.capaian = CapaianPage(aktor)
        self.halaman = QTabWidget()
        self.halaman.setDocumentMode(True)
        self.halaman.addTab(split, _("Keberatan dan Pengesahan"))
        self.halaman.addTab(self.capaian, _("Capaian Kinerja Organisasi"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.halaman)
        self.daftar.currentCellChanged.connect(self._on_daftar_currentCellChanged)
        bus().data_changed.connect(self._on_bus_data_changed)
        self.muat_ulang()

    def muat_ulang(self) -> None:
        self._rows = ev_service.menunggu_atasan(self._aktor)
        tasks = ev_service.tugas_per_skp(self._aktor, Pihak.ATASAN_PEJABAT_PENILAI)
        self.daftar.setRowCount(len(self._rows))
        for n, ev in enumerate(self._rows):
            pegawai = ev.skp.snapshot.get("pegawai", {})
            values = (
                pegawai.get("nama", ""),
                f"{ev_service.periode_dari(ev.periode).nama} {ev.tahun}",
                tasks.get(ev.skp_id, "").split(": ", 1)[-1],
            )
            for col, value in enumerate(values):
                self.daftar.setItem(n, col, QTableWidgetItem(value))
        # A missing capaian that holds back a predikat waits on this leader too.
        self.capaian_tertunda = ev_service.capaian_tertunda(self._aktor, now().year)
        n_capaian = len(self.capaian_tertunda)
        self.halaman.setTabText(
            self.halaman.indexOf(self.capaian),
            _("Capaian Kinerja Organisasi ({n})").format(n=n_capaian)
            if n_capaian
            else _("Capaian Kinerja Organisasi"),
        )
        self.jumlah = len(self._rows) + n_capaian
        self.jumlah_berubah.emit(self.jumlah)
        if self._rows:
            self.daftar.setCurrentCell(max(0, self.daftar.currentRow()), 0)
            self._tampilkan(self.daftar.currentRow())
        else:
            self.kanan.setCurrentIndex(HAL_KOSONG)

    def _tampilkan(self, n: int) -> None:
        if not 0 <= n < len(self._rows):
            return
        ev = self._rows[n]
        self.kanan.setCurrentIndex(HAL_EVALUASI)
        self.evaluasi.tampilkan(ev.skp_id, ev.periode)

    def _on_daftar_currentCellChanged(self, row: int, *_args) -> None:
        self._tampilkan(row)

    def _on_bus_data_changed(self, entitas: str) -> None:
        if entitas in (Entitas.EVALUASI, Entitas.SKP):
            self.muat_ulang()
