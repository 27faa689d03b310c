"""The Perjanjian Kinerja editor: the parties and the PK's rows."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain import format as fmt
from skpdesk.domain.entitas import Entitas
from skpdesk.domain.kepegawaian import Peran
from skpdesk.domain.pengukuran import CaraKumulatif, Polaritas, label_triwulan
from skpdesk.i18n import _
from skpdesk.services import daftar
from skpdesk.services import pengukuran as ps
from skpdesk.services.context import Aktor, now
from skpdesk.services.pengukuran import DataIndikatorPK, PihakKedua
from skpdesk.ui.bersama import aksi
from skpdesk.ui.bersama.kolom import PasKolom
from skpdesk.ui.bersama.versi import BilahMuatUlang, Dilihat
from skpdesk.ui.bersama.widgets import (
    GalatForm,
    LabelPesan,
    PilihPegawai,
    baris_pesan,
    cari_data,
    combo_ringkas,
    tombol_primer,
)
from skpdesk.ui.perencanaan.umum import ROLE_ID, buat_tabel, sel

if TYPE_CHECKING:
    from skpdesk.store.models import PerjanjianKinerja


class PkEditor(QWidget):
    """The Perjanjian Kinerja: parties, and its rows with targets, polarity, program, anggaran."""

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self._indikator_id: uuid.UUID | None = None

        self.pk = combo_ringkas(QComboBox())
        self.unit_baru = combo_ringkas(QComboBox())
        self.tahun_baru = QSpinBox()
        self.tahun_baru.setRange(2000, 2100)
        self.tombol_buat = QPushButton(_("Buat Perjanjian Kinerja"))
        atas = QHBoxLayout()
        atas.addWidget(QLabel(_("Perjanjian Kinerja")))
        atas.addWidget(self.pk, 1)
        atas.addSpacing(16)
        atas.addWidget(self.unit_baru)
        atas.addWidget(self.tahun_baru)
        atas.addWidget(self.tombol_buat)
        self.pesan = LabelPesan()
        # The PK's version as shown; a change from an outdated view is refused.
        self.dilihat = Dilihat(Entitas.PERJANJIAN_KINERJA, aktor.akun_id, self)
        self.bilah_berubah = BilahMuatUlang(self.dilihat, self.muat_ulang)

        self.pihak_pertama = PilihPegawai(_("(pilih pihak pertama)"))
        self.kedua_nama = QLineEdit()
        self.kedua_nip = QLineEdit()
        self.kedua_jabatan = QLineEdit()
        self.tombol_pihak = QPushButton(_("Simpan Para Pihak"))
        pihak = QGroupBox(_("Para pihak"))
        grid = QGridLayout(pihak)
        grid.addWidget(QLabel(_("Pihak pertama")), 0, 0)
        grid.addWidget(self.pihak_pertama, 0, 1, 1, 3)
        grid.addWidget(QLabel(_("Pihak kedua")), 1, 0)
        grid.addWidget(self.kedua_nama, 1, 1)
        grid.addWidget(self.kedua_nip, 1, 2)
        grid.addWidget(self.kedua_jabatan, 1, 3)
        grid.addWidget(self.tombol_pihak, 2, 3)
        self.kedua_nama.setPlaceholderText(_("Nama"))
        self.kedua_nip.setPlaceholderText(_("NIP (boleh kosong)"))
        self.kedua_jabatan.setPlaceholderText(_("Jabatan, mis. Bupati …"))

        self.tabel = buat_tabel([_("No"), _("Sasaran"), _("Indikator Kinerja"), _("Target"),
                             _("Polaritas"), _("TW I–IV"), _("Seksi"), _("Program"),
                             _("Anggaran"), _("RHK Pimpinan")])
        # Polaritas, the quarter targets, program and anggaran are in the form beside, for
        # the row chosen: at 1366×768 the table keeps what is read across the rows.
        self.pas_kolom = PasKolom(self.tabel, pas=(0, 3), bobot={1: 3, 2: 3, 6: 2, 9: 3},
                                  sembunyi=(4, 5, 7, 8))

        self.sasaran = QLineEdit()
        self.indikator = QLineEdit()
        self.satuan = QLineEdit()
        self.polaritas = QComboBox()
        for pol in Polaritas:
            self.polaritas.addItem(pol.label, pol.value)
        self.target = QLineEdit()
        self.target_maks = QLineEdit()
        self.target_maks.setPlaceholderText(_("batas atas, untuk rentang"))
        self.target_tw = [QLineEdit() for _n in range(4)]
        tw_row = QHBoxLayout()
        for n, field in enumerate(self.target_tw, start=1):
            field.setPlaceholderText(label_triwulan(n).replace(_("Triwulan"), _("TW")))
            tw_row.addWidget(field)
        self.kumulatif = QComboBox()
        for cara in CaraKumulatif:
            self.kumulatif.addItem(cara.label, cara.value)
        self.program = QLineEdit()
        self.anggaran = QLineEdit()
        self.anggaran.setPlaceholderText(_("Rp, mis. 185.000.000"))
        self.seksi = combo_ringkas(QComboBox())
        self.rhk = combo_ringkas(QComboBox())
        self.umum = LabelPesan()
        labels = {k: LabelPesan() for k in ("sasaran", "indikator", "target", "target_maks",
                                            "target_tw", "anggaran", "rhk", "polaritas")}
        self.galat = GalatForm(self.umum, **labels)
        self.baris = QGroupBox(_("Baris Perjanjian Kinerja"))
        form = QFormLayout(self.baris)
        for label, field, key in (
            (_("Sasaran"), self.sasaran, "sasaran"),
            (_("Indikator kinerja"), self.indikator, "indikator"),
            (_("Satuan"), self.satuan, None),
            (_("Polaritas"), self.polaritas, "polaritas"),
            (_("Target tahunan"), self.target, "target"),
            (_("Target maksimum"), self.target_maks, "target_maks"),
        ):
            form.addRow(label, field)
            if key:
                baris_pesan(form, labels[key])
        form.addRow(_("Target per triwulan"), tw_row)
        baris_pesan(form, labels["target_tw"])
        form.addRow(_("Realisasi kumulatif"), self.kumulatif)
        form.addRow(_("Program"), self.program)
        form.addRow(_("Anggaran"), self.anggaran)
        baris_pesan(form, labels["anggaran"])
        form.addRow(_("Seksi pengisi"), self.seksi)
        form.addRow(_("RHK pimpinan"), self.rhk)
        baris_pesan(form, labels["rhk"])
        baris_pesan(form, self.umum)
        self.tombol_baru = QPushButton(_("Baris Baru"))
        self.tombol_hapus = QPushButton(_("Hapus Baris"))
        self.tombol_simpan = tombol_primer(_("Simpan Baris"))
        tombol = QHBoxLayout()
        tombol.addWidget(self.tombol_baru)
        tombol.addWidget(self.tombol_hapus)
        tombol.addStretch(1)
        tombol.addWidget(self.tombol_simpan)
        form.addRow(tombol)

        split = QSplitter()
        kiri = QWidget()
        kiri_layout = QVBoxLayout(kiri)
        kiri_layout.setContentsMargins(0, 0, 0, 0)
        kiri_layout.addWidget(pihak)
        kiri_layout.addWidget(self.tabel, 1)
        split.addWidget(kiri)
        split.addWidget(self.baris)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(atas)
        layout.addWidget(self.pesan)
        layout.addWidget(self.bilah_berubah)
        layout.addWidget(split, 1)

        self.pk.currentIndexChanged.connect(self._on_pk_currentIndexChanged)
        self.tombol_buat.clicked.connect(self._on_tombol_buat_clicked)
        self.tombol_pihak.clicked.connect(self._on_tombol_pihak_clicked)
        self.tabel.currentCellChanged.connect(self._on_tabel_currentCellChanged)
        self.tombol_baru.clicked.connect(self._on_tombol_baru_clicked)
        self.tombol_hapus.clicked.connect(self._on_tombol_hapus_clicked)
        self.tombol_simpan.clicked.connect(self._on_tombol_simpan_clicked)

    def muat_ulang(self) -> None:
        chosen = self.pk.currentData()
        self.pk.blockSignals(True)
        self.pk.clear()
        for pk in ps.daftar_pk():
            if ps.boleh_ubah_pk(self._aktor, pk):
                self.pk.addItem(f"{pk.unit.nama} · {pk.tahun}", pk.id)
        self.pk.setCurrentIndex(max(0, cari_data(self.pk, chosen)))
        self.pk.blockSignals(False)
        perencana = self._aktor.punya(Peran.PERENCANA)
        for widget in (self.unit_baru, self.tahun_baru, self.tombol_buat):
            widget.setVisible(perencana)
        if perencana and not self.unit_baru.count():
            for unit in daftar.unit_aktif():
                self.unit_baru.addItem(unit.nama, unit.id)
            self.tahun_baru.setValue(now().year)
        self.pihak_pertama.isi(daftar.daftar_pegawai())
        self._tampilkan()

    def _pk(self) -> PerjanjianKinerja | None:
        pk_id = self.pk.currentData()
        return ps.ambil_pk(pk_id) if pk_id is not None else None

    def _tampilkan(self) -> None:
        self.bilah_berubah.tutup()
        self.dilihat.baca(self.pk.currentData())
        pk = self._pk()
        self.baris.setEnabled(pk is not None)
        self.tombol_pihak.setEnabled(pk is not None)
        self.tabel.setRowCount(0)
        if pk is None:
            return
        self.pihak_pertama.set_pegawai_id(pk.pihak_pertama_id)
        self.kedua_nama.setText(pk.pihak_kedua_nama)
        self.kedua_nip.setText(pk.pihak_kedua_nip)
        self.kedua_jabatan.setText(pk.pihak_kedua_jabatan)
        self.seksi.clear()
        self.seksi.addItem(_("(tanpa seksi — diisi pelaksana)"), None)
        for unit in daftar.unit_aktif():
            self.seksi.addItem(unit.nama, unit.id)
        self.rhk.clear()
        self.rhk.addItem(_("(belum ditautkan)"), None)
        for rhk in ps.rhk_pilihan(pk):
            self.rhk.addItem(rhk.uraian, rhk.id)
        rows = ps.indikator_pk(pk)
        staf = ps.intervensi_staf(pk)
        self.tabel.setRowCount(len(rows))
        for n, row in enumerate(rows):
            tw = " · ".join(fmt.angka(Decimal(v)) if (v := (row.target_tw or {}).get(str(i)))
                            else "–" for i in range(1, 5))
            cells = [
                sel(str(n + 1)), sel(row.sasaran), sel(row.indikator),
                sel(fmt.target(row.target, row.target_maks, row.satuan), kanan=True),
                sel(Polaritas(row.polaritas).label), sel(tw),
                sel(row.unit.nama if row.unit_id else _("Pelaksana")), sel(row.program),
                sel(fmt.rupiah(row.anggaran) if row.anggaran is not None else "–",
                      kanan=True),
                sel(row.rhk.uraian if row.rhk_id else "–"),
            ]
            names = staf.get(row.rhk_id, [])
            if names:
                # PK → RHK pimpinan → the staff RHK that intervene in it (matriks peran hasil).
                cells[-1].setText(_("{rhk} — diintervensi {n} pegawai").format(
                    rhk=row.rhk.uraian, n=len(names)))
                cells[-1].setToolTip("\n".join(names))
            cells[0].setData(ROLE_ID, row.id)
            for col, item in enumerate(cells):
                self.tabel.setItem(n, col, item)
        self.pas_kolom.atur()
        self._kosongkan()

    def _kosongkan(self) -> None:
        self._indikator_id = None
        for field in (self.sasaran, self.indikator, self.satuan, self.target, self.target_maks,
                      self.program, self.anggaran, *self.target_tw):
            field.clear()
        self.polaritas.setCurrentIndex(0)
        self.kumulatif.setCurrentIndex(0)
        self.seksi.setCurrentIndex(0)
        self.rhk.setCurrentIndex(0)
        self.galat.bersihkan()
        self.tombol_hapus.setEnabled(False)

    def _on_tabel_currentCellChanged(self, row: int, *_args) -> None:
        item = self.tabel.item(row, 0) if row >= 0 else None
        if item is None:
            return
        ind = ps.cari_indikator(item.data(ROLE_ID))
        if ind is None:
            return
        self._kosongkan()
        self._indikator_id = ind.id
        self.sasaran.setText(ind.sasaran)
        self.indikator.setText(ind.indikator)
        self.satuan.setText(ind.satuan)
        self.polaritas.setCurrentIndex(max(0, self.polaritas.findData(ind.polaritas)))
        self.target.setText(fmt.angka(ind.target) if ind.target is not None else "")
        self.target_maks.setText(fmt.angka(ind.target_maks) if ind.target_maks is not None
                                 else "")
        for n, field in enumerate(self.target_tw, start=1):
            value = (ind.target_tw or {}).get(str(n))
            field.setText(fmt.angka(Decimal(value)) if value else "")
        self.kumulatif.setCurrentIndex(max(0, self.kumulatif.findData(ind.kumulatif)))
        self.program.setText(ind.program)
        self.anggaran.setText(fmt.angka(ind.anggaran) if ind.anggaran is not None else "")
        self.seksi.setCurrentIndex(max(0, cari_data(self.seksi, ind.unit_id)))
        self.rhk.setCurrentIndex(max(0, cari_data(self.rhk, ind.rhk_id)))
        self.tombol_hapus.setEnabled(True)

    def data(self) -> DataIndikatorPK:
        return DataIndikatorPK(
            self.sasaran.text(), self.indikator.text(), self.satuan.text(), self.target.text(),
            self.polaritas.currentData(), self.target_maks.text() or None,
            {n: f.text() for n, f in enumerate(self.target_tw, start=1) if f.text().strip()},
            self.kumulatif.currentData(), self.program.text(), self.anggaran.text() or None,
            self.seksi.currentData(), self.rhk.currentData(),
        )

    def _on_tombol_simpan_clicked(self) -> None:
        pk = self._pk()
        if pk is None:
            return
        if not aksi.berhasil(
            lambda: self.dilihat.jalankan(
                lambda: ps.simpan_indikator(self._aktor, pk.id, self.data(), self._indikator_id)),
            self.galat,
            umumkan=Entitas.PERJANJIAN_KINERJA,
        ):
            return
        self.pesan.sukses(_("Baris Perjanjian Kinerja tersimpan."))

    def _on_tombol_baru_clicked(self) -> None:
        self.tabel.clearSelection()
        self._kosongkan()
        self.sasaran.setFocus()

    def _on_tombol_hapus_clicked(self) -> None:
        if self._indikator_id is None:
            return
        aksi.berhasil(
            lambda: self.dilihat.jalankan(
                lambda: ps.hapus_indikator(self._aktor, self._indikator_id)),
            self.galat,
            umumkan=Entitas.PERJANJIAN_KINERJA,
        )

    def _on_tombol_buat_clicked(self) -> None:
        pk = aksi.jalankan(
            lambda: ps.buat_pk(self._aktor, self.unit_baru.currentData(), self.tahun_baru.value()),
            self.pesan,
            umumkan=Entitas.PERJANJIAN_KINERJA,
        )
        if pk is None:
            return
        self.pk.setCurrentIndex(max(0, cari_data(self.pk, pk.id)))

    def _on_tombol_pihak_clicked(self) -> None:
        pk = self._pk()
        if pk is None:
            return
        kedua = PihakKedua(
            self.kedua_nama.text(), self.kedua_nip.text(), self.kedua_jabatan.text())
        if not aksi.berhasil(
            lambda: self.dilihat.jalankan(
                lambda: ps.ubah_pihak(self._aktor, pk.id, self.pihak_pertama.pegawai_id(), kedua)),
            self.pesan,
            umumkan=Entitas.PERJANJIAN_KINERJA,
        ):
            return
        self.pesan.sukses(_("Para pihak tersimpan."))

    def _on_pk_currentIndexChanged(self) -> None:
        self._tampilkan()
