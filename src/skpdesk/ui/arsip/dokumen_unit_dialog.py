"""Documents for one pegawai or a whole unit: choose kind, whom, year (and period, copies),
then make them one by one behind a progress dialog that can be cancelled; what is made stays
archived, and the report names every pegawai skipped and where the files are."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QProgressDialog,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain.entitas import Entitas
from skpdesk.i18n import _
from skpdesk.services import daftar
from skpdesk.services import dokumen as dokumen_service
from skpdesk.services import evaluasi as evaluasi_service
from skpdesk.services.context import Aktor
from skpdesk.ui.bersama.unit_tree import isi_combo_unit, subpohon
from skpdesk.ui.bersama.widgets import PilihPegawai

# Kinds made from one SKP or one evaluation; others (unit-level forms) are made elsewhere.
ENTITAS_MASSAL = (Entitas.SKP, Entitas.EVALUASI)


@dataclass(frozen=True)
class PilihanMassal:
    kode: str
    entitas: str
    unit_ids: list[uuid.UUID]
    tahun: int
    periode: str | None
    cetak: bool
    salinan: int
    pegawai_id: uuid.UUID | None = None  # one pegawai instead of the units
    periode_nama: str = ""


class DialogDokumenUnit(QDialog):
    """Asks what to make for one pegawai or for a unit; ``pilihan()`` reads the answer."""

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        from skpdesk import documents

        super().__init__(parent)
        self.setWindowTitle(_("Buat Dokumen"))
        self.jenis = QComboBox()
        self._kinds = {}
        for kind in documents.daftar_jenis():
            if kind.entitas in ENTITAS_MASSAL:
                self._kinds[kind.kode] = kind
                self.jenis.addItem(kind.judul, kind.kode)
        self.periode = QComboBox()
        for periode in evaluasi_service.daftar_periode_kantor():
            self.periode.addItem(periode.nama, periode.kode)
        self.periode.setCurrentIndex(self.periode.count() - 1)
        # One pegawai (those this person may make documents for), or everyone of a unit;
        # searchable by name or NIP: an office of hundreds is not scrolled through.
        self.pegawai = PilihPegawai(_("Semua pegawai pada unit kerja di bawah"))
        for p in dokumen_service.pegawai_dokumen(aktor):
            self.pegawai.addItem(f"{p.nama} — {p.nip}", p.id)
        self._nodes = daftar.pohon_unit()
        self.unit = QComboBox()
        isi_combo_unit(self.unit, self._nodes, None)
        self.sub_unit = QCheckBox(_("Termasuk sub-unit"))
        self.sub_unit.setChecked(True)
        self.tahun = QSpinBox()
        self.tahun.setRange(2000, 2100)
        self.tahun.setValue(dt.date.today().year)
        self.cetak = QCheckBox(_("Cetak juga"))
        self.salinan = QSpinBox()
        self.salinan.setRange(1, 20)
        self.salinan.setSuffix(_(" salinan"))
        self.salinan.setEnabled(False)
        self.tombol = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.tombol.button(QDialogButtonBox.StandardButton.Ok).setText(_("Buat"))
        self.tombol.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Batal"))

        form = QFormLayout()
        form.addRow(_("Dokumen"), self.jenis)
        form.addRow(_("Periode"), self.periode)
        form.addRow(_("Pegawai"), self.pegawai)
        form.addRow(_("Unit kerja"), self.unit)
        form.addRow("", self.sub_unit)
        form.addRow(_("Tahun"), self.tahun)
        form.addRow(self.cetak, self.salinan)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tombol)

        self.jenis.currentIndexChanged.connect(self._atur)
        self.pegawai.currentIndexChanged.connect(self._atur)
        self.pegawai.editTextChanged.connect(self._atur)
        self.cetak.toggled.connect(self.salinan.setEnabled)
        self.tombol.accepted.connect(self.accept)
        self.tombol.rejected.connect(self.reject)
        self._atur()

    def _atur(self) -> None:
        kind = self._kinds.get(self.jenis.currentData())
        self.periode.setEnabled(bool(kind and kind.pakai_periode))
        satu = self.pegawai.pegawai_id() is not None
        self.unit.setEnabled(not satu)
        self.sub_unit.setEnabled(not satu)
        ok = self.tombol.button(QDialogButtonBox.StandardButton.Ok)
        # A half-typed name picks nobody: it must not fall back to the whole unit.
        ok.setEnabled(kind is not None and self.pegawai.teks_dikenal()
                      and (satu or self.unit.count() > 0))

    def pilihan(self) -> PilihanMassal:
        kind = self._kinds[self.jenis.currentData()]
        unit_id = self.unit.currentData()
        units = (
            sorted(subpohon(self._nodes, unit_id)) if self.sub_unit.isChecked() else [unit_id]
        )
        return PilihanMassal(
            kode=kind.kode,
            entitas=kind.entitas,
            unit_ids=list(units),
            tahun=self.tahun.value(),
            periode=self.periode.currentData() if kind.pakai_periode else None,
            cetak=self.cetak.isChecked(),
            salinan=self.salinan.value(),
            pegawai_id=self.pegawai.pegawai_id(),
            periode_nama=self.periode.currentText() if kind.pakai_periode else "",
        )


BATAS_DILEWATI = 10  # names in the summary itself; more go to its details


@dataclass
class HasilMassal:
    dibuat: list = field(default_factory=list)  # HasilDokumen
    dilewati: list[tuple[uuid.UUID, str]] = field(default_factory=list)  # (record, why)
    dicetak: int = 0
    galat_cetak: str = ""
    dibatalkan: bool = False
    # The pegawai of the units with nothing to make (no approved SKP yet …), with the reason.
    tanpa_rekaman: list[tuple[str, str]] = field(default_factory=list)
    # Whose record each skipped one was (record id → name), filled when the batch ends.
    nama: dict[uuid.UUID, str] = field(default_factory=dict)

    @property
    def folder(self) -> Path | None:
        """The folder that holds every document made (one per pegawai below it)."""
        parents = {str(h.path.parent) for h in self.dibuat}
        return Path(os.path.commonpath(sorted(parents))) if parents else None

    def baris_dilewati(self) -> list[str]:
        """One line per pegawai skipped: whose, and why."""
        lewat = [(self.nama.get(rid, ""), why) for rid, why in self.dilewati] + self.tanpa_rekaman
        return [f"• {nama}: {why}" if nama and nama not in why else f"• {why}"
                for nama, why in lewat]

    @property
    def terpotong(self) -> bool:
        """Whether the summary names only the first of those skipped."""
        return len(self.dilewati) + len(self.tanpa_rekaman) > BATAS_DILEWATI

    def ringkasan(self) -> str:
        lines = [_("{n} dokumen dibuat dan diarsipkan.").format(n=len(self.dibuat))]
        if self.folder is not None:
            lines.append(_("Berkas tersimpan di folder {folder}").format(folder=self.folder))
        if self.dibatalkan:
            lines.append(_("Dibatalkan sebelum selesai; yang sudah dibuat tetap di arsip."))
        lewat = self.baris_dilewati()
        if lewat:
            lines.append(_("{n} dilewati:").format(n=len(lewat)))
            lines.extend(lewat[:BATAS_DILEWATI])
            if self.terpotong:
                # A whole office early in the year skips dozens: the box would outgrow the
                # screen and hide its OK button; the full list is in the box's details.
                lines.append(_("… dan {n} lainnya (daftar lengkap: Tampilkan Rincian).").format(
                    n=len(lewat) - BATAS_DILEWATI))
        if self.dicetak:
            lines.append(_("{n} dokumen dikirim ke pencetak.").format(n=self.dicetak))
        if self.galat_cetak:
            lines.append(self.galat_cetak)
        return "\n".join(lines)


class PembuatMassal(QObject):
    """Runs ``documents.buat_massal`` (then ``cetak_massal``) one step per timer tick.

    Everything stays on the GUI thread: the SQLite connection is per thread, and one document
    is a fraction of a second, so the dialog repaints and answers Batal between steps.
    """

    selesai = Signal(object)  # HasilMassal
    langkah = Signal(int)  # documents made or skipped so far

    def __init__(
        self,
        aktor: Aktor,
        kode: str,
        record_ids: list[uuid.UUID],
        *,
        cetak: bool = False,
        salinan: int = 1,
        tanpa_rekaman: list[tuple[str, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        from skpdesk import documents

        super().__init__(parent)
        self._entitas = documents.jenis(kode).entitas
        self.hasil = HasilMassal(tanpa_rekaman=list(tanpa_rekaman or []))
        self._cetak = cetak
        self._salinan = salinan
        self._batal = False
        self.progress = QProgressDialog(
            _("Membuat dokumen…"), _("Batal"), 0, max(1, len(record_ids)), parent
        )
        self.progress.setWindowTitle(_("Buat Dokumen"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.batalkan)
        self._langkah: Iterator = documents.buat_massal(
            aktor, kode, record_ids, batal=self._dibatalkan
        )
        self._cetak_berjalan = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._maju)

    def mulai(self) -> None:
        self.progress.setValue(0)
        self.progress.show()
        self._timer.start()

    def batalkan(self) -> None:
        self._batal = True
        self.hasil.dibatalkan = True

    def _dibatalkan(self) -> bool:
        # The Batal button emits canceled; Esc or closing the dialog only sets wasCanceled.
        if self.progress.wasCanceled():
            self.batalkan()
        return self._batal

    def _maju(self) -> None:
        from skpdesk import documents

        try:
            step = next(self._langkah)
        except StopIteration:
            self._tahap_berikut()
            return
        except documents.KeluaranGagal as exc:  # a printer error stops the printing only
            self.hasil.galat_cetak = str(exc)
            self._tamat()
            return
        if self._cetak_berjalan:
            self.hasil.dicetak = step.selesai
            self.progress.setValue(step.selesai)
            return
        if step.hasil is not None:
            self.hasil.dibuat.append(step.hasil)
        else:
            self.hasil.dilewati.append((step.record_id, step.galat))
        self.progress.setLabelText(
            _("Membuat dokumen {n} dari {m}…").format(n=step.selesai, m=step.jumlah)
        )
        self.progress.setValue(step.selesai)
        self.langkah.emit(step.selesai)

    def _tahap_berikut(self) -> None:
        from skpdesk import documents

        if (
            self._cetak and not self._cetak_berjalan and not self._dibatalkan()
            and self.hasil.dibuat
        ):
            paths: list[Path] = [h.path for h in self.hasil.dibuat]
            self._cetak_berjalan = True
            self._langkah = documents.cetak_massal(
                paths, self._salinan, batal=self._dibatalkan
            )
            self.progress.setLabelText(_("Mencetak dokumen…"))
            self.progress.setMaximum(len(paths))
            self.progress.setValue(0)
            return
        self._tamat()

    def _tamat(self) -> None:
        self._timer.stop()
        self.hasil.nama = {rid: dokumen_service.nama_pemilik(self._entitas, rid)
                           for rid, _why in self.hasil.dilewati}
        self.progress.canceled.disconnect(self.batalkan)
        self.progress.close()
        self.selesai.emit(self.hasil)
