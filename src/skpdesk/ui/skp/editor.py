"""One SKP on screen: status, the return note, the actions the table gives, content and history.

The same page serves the pegawai (who writes) and the pejabat penilai (who reviews): what can be
edited and which buttons appear are asked of the services, which ask the workflow table.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain.berakhlak import BERAKHLAK
from skpdesk.domain.skp import LAMPIRAN_BAGIAN, Pendekatan
from skpdesk.domain.workflow import (
    ALUR_SKP,
    STATUS_DAPAT_DICETAK,
    STATUS_EKSPEKTASI,
    Pihak,
    Transisi,
)
from skpdesk.i18n import _
from skpdesk.services import skp as skp_service
from skpdesk.services.context import Aktor
from skpdesk.services.errors import LayananError, ValidasiGagal
from skpdesk.services.pp46 import REGIME as PP46_REGIME
from skpdesk.services.skp import IsiSKP
from skpdesk.ui.bersama import gaya, teks
from skpdesk.ui.bersama.bus import DOKUMEN as ENTITAS_DOKUMEN
from skpdesk.ui.bersama.bus import SKP as ENTITAS_SKP
from skpdesk.ui.bersama.bus import umumkan
from skpdesk.ui.bersama.widgets import CatatanDialog, LabelPesan, tombol_primer
from skpdesk.ui.skp.evaluasi_page import EvaluasiPage
from skpdesk.ui.skp.model import lama
from skpdesk.ui.skp.pp46_page import Pp46Page
from skpdesk.ui.skp.rhk_editor import RhkEditor

if TYPE_CHECKING:
    from skpdesk.store.models import SKP

HAL_HASIL = 0
HAL_PERILAKU = 1
HAL_LAMPIRAN = 2
HAL_RIWAYAT = 3
HAL_EVALUASI = 4
HAL_PP46 = 5

COL_R_WAKTU = 0
COL_R_OLEH = 1
COL_R_TINDAKAN = 2
COL_R_STATUS = 3
COL_R_CATATAN = 4
COL_R_LAMA = 5

COL_P_NILAI = 0
COL_P_PANDUAN = 1
COL_P_EKSPEKTASI = 2

TINGGI_LAMPIRAN = 80
# The printed SKP is the form and its lampiran (PermenPANRB 6/2022).
KIND_SKP = ("skp", "lampiran_skp")


def _label_aksi(aksi: str) -> str:
    labels = {t.aksi: t.label for t in ALUR_SKP.transisi}
    labels.update(
        {
            "buat": _("Membuat SKP"),
            "ubah": _("Menyimpan isi SKP"),
            "atur_ekspektasi": _("Menulis ekspektasi khusus"),
            "ganti_penilai": _("Mengganti pejabat penilai"),
        }
    )
    return labels.get(aksi, aksi)


class SkpEditor(QWidget):
    """Signals:
    tersimpan(): the SKP was saved or moved along the chain (lists refresh through the bus).
    """

    tersimpan = Signal()

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self._skp_id: uuid.UUID | None = None
        self._dapat_diubah = False
        self._kotor = False
        self._memuat = False
        self._ekspektasi_diubah: set[int] = set()
        self.tombol_aksi: dict[str, QPushButton] = {}

        # Header: which SKP, its status, who rates it.
        self.judul = gaya.judul("", gaya.SKALA_SUBJUDUL)
        self.status = QLabel()
        self.info = QLabel()
        self.info.setProperty("peran", "info")
        self.info.setWordWrap(True)
        kepala = QHBoxLayout()
        kepala.addWidget(self.judul)
        kepala.addWidget(self.status)
        kepala.addStretch(1)

        # The penilai's return note stays on top until the SKP is resubmitted.
        self.kotak_kembali = QFrame()
        self.kotak_kembali.setObjectName("catatan_kembali")
        self.judul_kembali = QLabel()
        self.judul_kembali.setWordWrap(True)
        gaya.huruf_besar(self.judul_kembali, 1.0)
        self.catatan_kembali = QLabel()
        self.catatan_kembali.setWordWrap(True)
        self.catatan_kembali.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        kotak_layout = QVBoxLayout(self.kotak_kembali)
        kotak_layout.setContentsMargins(10, 6, 10, 6)
        kotak_layout.addWidget(self.judul_kembali)
        kotak_layout.addWidget(self.catatan_kembali)

        self.pesan = LabelPesan()

        # The actions of the table for this person now; Simpan while she holds the pen.
        self.tombol_simpan = QPushButton(_("Simpan"))
        self.tombol_simpan.setToolTip(_("Simpan perubahan (Ctrl+S)"))
        self.baris_aksi = QHBoxLayout()
        self.baris_aksi.setContentsMargins(0, 0, 0, 0)
        self.wadah_aksi = QHBoxLayout()
        self.wadah_aksi.setContentsMargins(0, 0, 0, 0)
        self.baris_aksi.addLayout(self.wadah_aksi)
        self.baris_aksi.addStretch(1)
        self.tombol_dokumen = QPushButton(_("Buat Dokumen SKP"))
        self.tombol_dokumen.setToolTip(
            _("Isi formulir SKP dan lampirannya (Word), arsipkan, lalu buka untuk dicetak")
        )
        self.tombol_cetak = QPushButton(_("Cetak"))
        self.tombol_cetak.setToolTip(_("Cetak dokumen SKP yang terakhir dibuat (Ctrl+P)"))
        self.baris_aksi.addWidget(self.tombol_dokumen)
        self.baris_aksi.addWidget(self.tombol_cetak)
        self.baris_aksi.addWidget(self.tombol_simpan)
        self._berkas_terakhir: list[Path] = []
        self._berkas_untuk: uuid.UUID | None = None

        # Content.
        self.pendekatan = QComboBox()
        for p in Pendekatan:
            self.pendekatan.addItem(p.label, p.value)
        self.rhk = RhkEditor()
        hasil = QWidget()
        hasil_layout = QVBoxLayout(hasil)
        hasil_layout.setContentsMargins(4, 4, 4, 4)
        baris_pendekatan = QFormLayout()
        baris_pendekatan.addRow(_("Pendekatan"), self.pendekatan)
        hasil_layout.addLayout(baris_pendekatan)
        hasil_layout.addWidget(self.rhk, 1)

        self.perilaku = QTableWidget(len(BERAKHLAK), 3)
        self.perilaku.setHorizontalHeaderLabels(
            [_("Perilaku Kerja"), _("Panduan Perilaku"), _("Ekspektasi Khusus Pimpinan")]
        )
        self.perilaku.verticalHeader().setVisible(False)
        self.perilaku.setWordWrap(True)
        self.perilaku.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.perilaku.horizontalHeader()
        header.setSectionResizeMode(COL_P_NILAI, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_P_PANDUAN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_P_EKSPEKTASI, QHeaderView.ResizeMode.Stretch)
        self.info_perilaku = QLabel()
        self.info_perilaku.setProperty("peran", "info")
        self.info_perilaku.setWordWrap(True)
        self.tombol_ekspektasi = QPushButton(_("Simpan Ekspektasi"))
        perilaku = QWidget()
        perilaku_layout = QVBoxLayout(perilaku)
        perilaku_layout.setContentsMargins(4, 4, 4, 4)
        perilaku_layout.addWidget(self.info_perilaku)
        perilaku_layout.addWidget(self.perilaku, 1)
        perilaku_tombol = QHBoxLayout()
        perilaku_tombol.addStretch(1)
        perilaku_tombol.addWidget(self.tombol_ekspektasi)
        perilaku_layout.addLayout(perilaku_tombol)

        self.lampiran: dict[str, QPlainTextEdit] = {}
        lampiran = QWidget()
        lampiran_layout = QVBoxLayout(lampiran)
        lampiran_layout.setContentsMargins(4, 4, 4, 4)
        petunjuk = QLabel(_("Satu butir per baris."))
        petunjuk.setProperty("peran", "info")
        lampiran_layout.addWidget(petunjuk)
        for key, label in LAMPIRAN_BAGIAN:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(TINGGI_LAMPIRAN)
            edit.textChanged.connect(self._on_isi_changed)
            self.lampiran[key] = edit
            lampiran_layout.addWidget(gaya.judul(label.title(), 1.0))
            lampiran_layout.addWidget(edit, 1)

        self.riwayat = QTableWidget(0, 6)
        self.riwayat.setHorizontalHeaderLabels(
            [_("Waktu"), _("Oleh"), _("Tindakan"), _("Status"), _("Catatan"), _("Lama / Baku")]
        )
        self.riwayat.verticalHeader().setVisible(False)
        self.riwayat.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.riwayat.setAlternatingRowColors(True)
        self.riwayat.setWordWrap(True)
        rh = self.riwayat.horizontalHeader()
        for col in (COL_R_WAKTU, COL_R_OLEH, COL_R_TINDAKAN, COL_R_STATUS, COL_R_LAMA):
            rh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        rh.setSectionResizeMode(COL_R_CATATAN, QHeaderView.ResizeMode.Stretch)

        self.halaman = QTabWidget()
        self.halaman.setDocumentMode(True)
        self.halaman.addTab(hasil, _("Hasil Kerja"))
        self.halaman.addTab(perilaku, _("Perilaku Kerja"))
        self.halaman.addTab(lampiran, _("Lampiran"))
        self.halaman.addTab(self.riwayat, _("Riwayat"))
        self.evaluasi = EvaluasiPage(aktor)
        self.halaman.addTab(self.evaluasi, _("Evaluasi Kinerja"))
        self.pp46 = Pp46Page(aktor)
        self.halaman.addTab(self.pp46, _("Penilaian PP 46/2011"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(kepala)
        layout.addWidget(self.info)
        layout.addWidget(self.kotak_kembali)
        layout.addLayout(self.baris_aksi)
        layout.addWidget(self.pesan)
        layout.addWidget(self.halaman, 1)

        self.pintas_simpan = QShortcut(QKeySequence.StandardKey.Save, self)
        self.pintas_simpan.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.pintas_simpan.activated.connect(self._on_tombol_simpan_clicked)
        self.pintas_cetak = QShortcut(QKeySequence.StandardKey.Print, self)
        self.pintas_cetak.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.pintas_cetak.activated.connect(self._on_tombol_cetak_clicked)
        # Ctrl+Enter: the state's one primary workflow action ("Ajukan ke Atasan", "Setujui").
        self.pintas_aksi = [QShortcut(QKeySequence(k), self) for k in ("Ctrl+Return", "Ctrl+Enter")]
        for pintas in self.pintas_aksi:
            pintas.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            pintas.activated.connect(self._on_pintas_aksi_activated)
        self.tombol_dokumen.clicked.connect(self._on_tombol_dokumen_clicked)
        self.tombol_cetak.clicked.connect(self._on_tombol_cetak_clicked)
        self.tombol_simpan.clicked.connect(self._on_tombol_simpan_clicked)
        self.rhk.diubah.connect(self._on_isi_changed)
        self.pendekatan.currentIndexChanged.connect(self._on_pendekatan_changed)
        self.perilaku.itemChanged.connect(self._on_perilaku_itemChanged)
        self.tombol_ekspektasi.clicked.connect(self._on_tombol_ekspektasi_clicked)
        self.setEnabled(False)

    # --- showing --------------------------------------------------------------------------------

    @property
    def skp_id(self) -> uuid.UUID | None:
        return self._skp_id

    @property
    def kotor(self) -> bool:
        return self._kotor

    def tampilkan(self, skp_id: uuid.UUID | None) -> None:
        """Show another SKP (None: nothing); unsaved changes are offered for saving first."""
        if skp_id != self._skp_id and self._kotor and self._dapat_diubah:
            self._tawarkan_simpan()
        self._skp_id = skp_id
        self.muat_ulang()

    def _tawarkan_simpan(self) -> None:
        answer = QMessageBox.question(
            self,
            _("Perubahan belum disimpan"),
            _("Simpan perubahan pada SKP ini sebelum pindah?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            self.simpan()

    def muat_ulang(self) -> None:
        self.pesan.bersihkan()
        skp = skp_service.cari(self._skp_id)
        self.setEnabled(skp is not None)
        if skp is None:
            self.judul.setText("")
            self.status.setText("")
            self.info.setText("")
            self.kotak_kembali.hide()
            self._isi_aksi([])
            self.tombol_simpan.hide()
            self.tombol_dokumen.hide()
            self.tombol_cetak.hide()
            self._kotor = False
            return
        self._memuat = True
        pihak = skp_service.pihak_pada(self._aktor, skp)
        self._dapat_diubah = skp_service.boleh_mengubah(self._aktor, skp)
        pegawai = skp.snapshot.get("pegawai", {})
        penilai = skp.snapshot.get("penilai", {})
        atasan = skp.snapshot.get("atasan_penilai", {})
        if Pihak.PEGAWAI in pihak:
            self.judul.setText(_("SKP Tahun {tahun}").format(tahun=skp.tahun))
        else:
            self.judul.setText(
                _("SKP {nama} — {tahun}").format(nama=pegawai.get("nama", ""), tahun=skp.tahun)
            )
        self.status.setText(ALUR_SKP.label(skp.status))
        self.status.setStyleSheet(gaya.gaya_label_status(skp.status))
        lines = [
            _("Periode {mulai} s.d. {selesai}").format(
                mulai=teks.tanggal(skp.tgl_mulai), selesai=teks.tanggal(skp.tgl_selesai)
            ),
            _("Pejabat penilai: {nama}").format(nama=penilai.get("nama") or _("(belum ada)")),
        ]
        if atasan.get("nama"):
            lines.append(_("Atasan pejabat penilai: {nama}").format(nama=atasan["nama"]))
        if Pihak.PEGAWAI not in pihak:
            lines.insert(0, f"{pegawai.get('nip', '')} · {pegawai.get('jabatan', '')}")
        self.info.setText(" · ".join(lines))

        note = skp_service.catatan_pengembalian(skp)
        self.kotak_kembali.setVisible(note is not None)
        if note is not None:
            self.judul_kembali.setText(
                _("Dikembalikan oleh {nama} pada {waktu} — perlu diperbaiki:").format(
                    nama=note.oleh_nama, waktu=teks.waktu_lokal(note.waktu)
                )
            )
            self.catatan_kembali.setText(
                note.catatan
                + "\n\n"
                + _("Perbaiki isian SKP, simpan, lalu ajukan kembali ke atasan.")
            )

        self.pendekatan.setCurrentIndex(max(0, self.pendekatan.findData(skp.pendekatan)))
        self.pendekatan.setEnabled(self._dapat_diubah)
        rows = skp_service.isian(skp)
        pilihan = [
            (r.id, " ".join(r.uraian.split())) for r in skp_service.rhk_atasan_pilihan(skp)
        ]
        matriks = {r.id for r in skp.rhk if r.dari_peran_hasil is not None}
        self.rhk.muat(
            rows,
            pilihan_intervensi=pilihan,
            dari_matriks=matriks,
            jpt=skp.varian == "JPT",
            kualitatif=skp.pendekatan == Pendekatan.KUALITATIF,
            dapat_diubah=self._dapat_diubah,
        )
        for key, edit in self.lampiran.items():
            edit.setPlainText("\n".join(skp.lampiran.get(key, [])))
            edit.setReadOnly(not self._dapat_diubah)
        self._isi_perilaku(skp, pihak)
        self._isi_riwayat(skp)
        self._isi_aksi(skp_service.aksi_tersedia(self._aktor, skp))
        # A PP 46 SKP saves its kegiatan on its own page.
        self.tombol_simpan.setVisible(self._dapat_diubah and skp.regime != PP46_REGIME)
        # The SKP form of PermenPANRB 6/2022 does not fit an SKP kept under PP 46/2011.
        may_print = (
            skp.status in STATUS_DAPAT_DICETAK and bool(pihak) and skp.regime != PP46_REGIME
        )
        # An approved SKP is evaluated period by period (seeds 000–002); an SKP on the
        # PP 46/2011 regime has kegiatan and its own numbers instead of RHK and BerAKHLAK.
        legacy = skp.regime == PP46_REGIME
        for index in (HAL_HASIL, HAL_PERILAKU, HAL_LAMPIRAN):
            self.halaman.setTabVisible(index, not legacy)
        self.halaman.setTabVisible(HAL_EVALUASI, may_print)
        self.halaman.setTabVisible(HAL_PP46, legacy)
        if legacy:
            self.pp46.tampilkan(skp.id)
        elif may_print:
            self.evaluasi.tampilkan(skp.id)
        self.tombol_dokumen.setVisible(may_print)
        if skp.id != self._berkas_untuk:
            self._berkas_terakhir = []
        self.tombol_cetak.setVisible(may_print and bool(self._berkas_terakhir))
        self._kotor = False
        self.tombol_simpan.setEnabled(False)
        self._memuat = False

    def _isi_aksi(self, transisi: list[Transisi]) -> None:
        for button in self.tombol_aksi.values():
            # Off the page at once: deleteLater alone leaves it drawn until the loop runs.
            self.wadah_aksi.removeWidget(button)
            button.hide()
            button.setParent(None)
            button.deleteLater()
        self.tombol_aksi = {}
        for t in transisi:
            # Saving is itself the move back to a draft; no separate button for it.
            if t.aksi == "perbaiki":
                continue
            button = tombol_primer(t.label) if t.utama else QPushButton(t.label + "…")
            if t.catatan_wajib and t.utama:
                button.setText(t.label + "…")
            button.clicked.connect(lambda _checked=False, t=t: self._jalankan(t))
            self.wadah_aksi.addWidget(button)
            button.show()  # the layout would only show it on the next turn of the loop
            self.tombol_aksi[t.aksi] = button

    def _on_pintas_aksi_activated(self) -> None:
        for button in self.tombol_aksi.values():
            if button.property("primer") and button.isVisible() and button.isEnabled():
                button.click()
                return

    def _isi_perilaku(self, skp: SKP, pihak: set[Pihak]) -> None:
        may_edit = Pihak.PEJABAT_PENILAI in pihak and skp.status in STATUS_EKSPEKTASI
        expectations = skp_service.ekspektasi_skp(skp)
        self.perilaku.blockSignals(True)
        for n, nilai in enumerate(BERAKHLAK):
            name = QTableWidgetItem(f"{nilai.nomor}. {nilai.nama}")
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            guide = QTableWidgetItem("\n".join(f"• {p}" for p in nilai.panduan))
            guide.setFlags(Qt.ItemFlag.ItemIsEnabled)
            expect = QTableWidgetItem(expectations.get(nilai.nomor, ""))
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if may_edit:
                flags |= Qt.ItemFlag.ItemIsEditable
            expect.setFlags(flags)
            self.perilaku.setItem(n, COL_P_NILAI, name)
            self.perilaku.setItem(n, COL_P_PANDUAN, guide)
            self.perilaku.setItem(n, COL_P_EKSPEKTASI, expect)
        self.perilaku.blockSignals(False)
        self.perilaku.resizeRowsToContents()
        self._ekspektasi_diubah = set()
        self.tombol_ekspektasi.setVisible(may_edit)
        self.tombol_ekspektasi.setEnabled(False)
        if may_edit:
            self.info_perilaku.setText(
                _(
                    "Tulis ekspektasi khusus Anda untuk setiap nilai (klik dua kali pada "
                    "kolom ekspektasi), lalu simpan."
                )
            )
        else:
            self.info_perilaku.setText(
                _("Ekspektasi khusus ditulis oleh pejabat penilai saat dialog kinerja.")
            )

    def _isi_riwayat(self, skp: SKP) -> None:
        events = skp_service.linimasa(skp)
        aksi_alur = {t.aksi for t in ALUR_SKP.transisi} | {"buat"}
        self.riwayat.setRowCount(len(events))
        for n, e in enumerate(events):
            r = e.riwayat
            status = ""
            if (r.dari or r.ke) and r.aksi in aksi_alur:
                status = " → ".join(ALUR_SKP.label(s) for s in (r.dari, r.ke) if s is not None)
            durasi = ""
            if e.menit_baku:
                durasi = _("{lama} / {baku}").format(
                    lama=lama(e.menit_berlalu or 0), baku=lama(e.menit_baku)
                )
            cells = (
                teks.waktu_lokal(r.waktu),
                r.oleh_nama,
                _label_aksi(r.aksi),
                status,
                r.catatan,
                durasi,
            )
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if col == COL_R_LAMA and e.menit_baku:
                    key = "PERLU_REVISI" if e.lewat_baku else "DISETUJUI"
                    fg, bg = gaya.warna_status(key)
                    item.setForeground(QBrush(fg))
                    item.setBackground(QBrush(bg))
                    item.setToolTip(
                        _("Melewati waktu baku SOP")
                        if e.lewat_baku
                        else _("Dalam waktu baku SOP")
                    )
                self.riwayat.setItem(n, col, item)
        self.riwayat.resizeRowsToContents()

    # --- editing --------------------------------------------------------------------------------

    def _on_isi_changed(self) -> None:
        if self._memuat or not self._dapat_diubah:
            return
        self._kotor = True
        self.tombol_simpan.setEnabled(True)

    def _on_pendekatan_changed(self) -> None:
        if self._memuat:
            return
        self.rhk.set_kualitatif(self.pendekatan.currentData() == Pendekatan.KUALITATIF)
        self._on_isi_changed()

    def isi(self) -> IsiSKP:
        return IsiSKP(
            pendekatan=self.pendekatan.currentData(),
            rhk=self.rhk.isian(),
            lampiran={k: e.toPlainText().splitlines() for k, e in self.lampiran.items()},
        )

    def simpan(self) -> bool:
        """Save through the service; faults appear beside their rows and nothing is saved."""
        if self._skp_id is None or not self._dapat_diubah:
            return False
        try:
            skp_service.simpan_isi(self._aktor, self._skp_id, self.isi())
        except ValidasiGagal as exc:
            rest = self.rhk.tampilkan_galat(exc.errors)
            self.halaman.setCurrentIndex(HAL_HASIL)
            self.pesan.galat(
                "\n".join(rest) if rest else _("Periksa isian yang ditandai merah, lalu simpan.")
            )
            return False
        except LayananError as exc:
            self.pesan.galat(str(exc))
            return False
        self._kotor = False
        self.rhk.bersihkan_galat()
        umumkan(ENTITAS_SKP)
        self.muat_ulang()
        self.pesan.sukses(_("SKP tersimpan."))
        self.tersimpan.emit()
        return True

    def _on_tombol_simpan_clicked(self) -> None:
        if self._kotor:
            self.simpan()

    # --- actions of the workflow ------------------------------------------------------------------

    def _jalankan(self, t: Transisi) -> None:
        if self._skp_id is None:
            return
        skp_id = self._skp_id
        if self._kotor and self._dapat_diubah and not self.simpan():
            return
        if t.catatan_wajib:
            dialog = CatatanDialog(
                t.label,
                _("Tuliskan catatan untuk pegawai: apa yang perlu diperbaiki dan mengapa.")
                if t.aksi == "kembalikan"
                else _("Tuliskan alasannya; catatan ini tersimpan di riwayat SKP."),
                t.label,
                lambda note: skp_service.jalankan(self._aktor, skp_id, t.aksi, note),
                parent=self,
            )
            if dialog.exec() != CatatanDialog.DialogCode.Accepted:
                return
        else:
            try:
                skp_service.jalankan(self._aktor, skp_id, t.aksi)
            except LayananError as exc:
                self.pesan.galat(
                    _("SKP belum dapat diajukan:\n{pesan}").format(pesan=exc)
                    if t.aksi == "ajukan"
                    else str(exc)
                )
                return
        umumkan(ENTITAS_SKP)
        self.muat_ulang()
        self.pesan.sukses(
            _("{aksi}: berhasil. Status sekarang {status}.").format(
                aksi=t.label, status=ALUR_SKP.label(t.ke)
            )
        )
        self.tersimpan.emit()

    def _on_perilaku_itemChanged(self, item: QTableWidgetItem) -> None:
        if item.column() == COL_P_EKSPEKTASI:
            self._ekspektasi_diubah.add(item.row() + 1)
            self.tombol_ekspektasi.setEnabled(True)

    def _on_tombol_ekspektasi_clicked(self) -> None:
        if self._skp_id is None:
            return
        try:
            for nomor in sorted(self._ekspektasi_diubah):
                item = self.perilaku.item(nomor - 1, COL_P_EKSPEKTASI)
                skp_service.atur_ekspektasi(self._aktor, self._skp_id, nomor, item.text())
        except LayananError as exc:
            self.pesan.galat(str(exc))
            return
        umumkan(ENTITAS_SKP)
        self.muat_ulang()
        self.halaman.setCurrentIndex(HAL_PERILAKU)
        self.pesan.sukses(_("Ekspektasi khusus tersimpan."))

    # --- documents --------------------------------------------------------------------------------

    def _on_tombol_dokumen_clicked(self) -> None:
        """Fill the SKP form and its lampiran, archive both, open the SKP for printing."""
        from skpdesk import documents

        if self._skp_id is None:
            return
        skp_id = self._skp_id
        try:
            made = [documents.buat_dokumen(self._aktor, kode, skp_id) for kode in KIND_SKP]
        except (LayananError, documents.KeluaranGagal, documents.TemplatTidakAda) as exc:
            self.pesan.galat(str(exc))
            return
        self._berkas_terakhir = [h.path for h in made]
        self._berkas_untuk = skp_id
        umumkan(ENTITAS_DOKUMEN)
        self.muat_ulang()
        warnings = [w for h in made for w in h.peringatan]
        try:
            documents.buka(made[0].path)
        except documents.KeluaranGagal as exc:
            warnings.append(str(exc))
        text = _("Dokumen dibuat dan diarsipkan: {berkas}").format(
            berkas=", ".join(p.name for p in self._berkas_terakhir)
        )
        if warnings:
            self.pesan.galat("\n".join([text, *warnings]))
        else:
            self.pesan.sukses(text)

    def _on_tombol_cetak_clicked(self) -> None:
        from skpdesk import documents

        if not self._berkas_terakhir or not self.tombol_cetak.isVisible():
            return
        try:
            for path in self._berkas_terakhir:
                documents.cetak(path)
        except documents.KeluaranGagal as exc:
            self.pesan.galat(str(exc))
            return
        self.pesan.sukses(_("Dokumen dikirim ke pencetak."))
