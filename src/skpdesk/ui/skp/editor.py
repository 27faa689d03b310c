"""One SKP on screen: status, the return note, the actions the table gives, content and history.

The same page serves the pegawai (who writes) and the pejabat penilai (who reviews): what can be
edited and which buttons appear are asked of the services, which ask the workflow table.
"""

from __future__ import annotations

import dataclasses
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
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

from skpdesk.domain.aturan import adalah_pp46
from skpdesk.domain.berakhlak import BERAKHLAK
from skpdesk.domain.entitas import Entitas
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
from skpdesk.services import verifikasi
from skpdesk.services.context import Aktor
from skpdesk.services.errors import ValidasiGagal
from skpdesk.services.skp import IsiSKP
from skpdesk.ui.bersama import aksi, gaya, teks
from skpdesk.ui.bersama.pertukaran import TombolKirim
from skpdesk.ui.bersama.rantai import BarisAksi, KotakCatatan, TabelRiwayat
from skpdesk.ui.bersama.versi import BilahMuatUlang, Dilihat
from skpdesk.ui.bersama.widgets import LabelPesan
from skpdesk.ui.skp.evaluasi_page import EvaluasiPage
from skpdesk.ui.skp.perubahan import KotakPerubahan
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

COL_P_NILAI = 0
COL_P_PANDUAN = 1
COL_P_EKSPEKTASI = 2

TINGGI_LAMPIRAN = 80
# The printed SKP is the form and its lampiran (PermenPANRB 6/2022).
KIND_SKP = ("skp", "lampiran_skp")


def _label_lain() -> dict[str, str]:
    """The SKP's history rows outside its chain."""
    return {
        "buat": _("Membuat SKP"),
        "ubah": _("Menyimpan isi SKP"),
        "atur_ekspektasi": _("Menulis ekspektasi khusus"),
        "ganti_penilai": _("Mengganti pejabat penilai"),
    }


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
        self.kotak_kembali = KotakCatatan()
        self.judul_kembali = self.kotak_kembali.judul
        self.catatan_kembali = self.kotak_kembali.isi
        # For the penilai of a resubmission: what changed since he returned it.
        self.kotak_perubahan = KotakPerubahan()

        self.pesan = LabelPesan()
        # The SKP's version as shown; a change from an outdated view is refused (ui/bersama/versi).
        self.dilihat = Dilihat(Entitas.SKP, aktor.akun_id, self)
        self.bilah_berubah = BilahMuatUlang(
            self.dilihat, self.muat_ulang, self._isian_tersimpan, self._terapkan_isian
        )

        # The actions of the table for this person now; Simpan while she holds the pen.
        self.tombol_simpan = QPushButton(_("Simpan"))
        self.tombol_simpan.setToolTip(_("Simpan perubahan (Ctrl+S)"))
        self.aksi = BarisAksi(
            self._jalankan_layanan,
            self.pesan,
            umumkan=(Entitas.SKP,),
            pertanyaan=self._pertanyaan,
            sebelum=self._simpan_dulu,
            pesan_galat=self._pesan_galat,
        )
        self.aksi.dijalankan.connect(self._on_aksi_dijalankan)
        self.baris_aksi = QHBoxLayout()
        self.baris_aksi.setContentsMargins(0, 0, 0, 0)
        self.baris_aksi.addWidget(self.aksi)
        # A package of this SKP for the other party's laptop: beside the chain's actions.
        self.tombol_kirim = TombolKirim(aktor, self._rekaman_kirim, self.pesan,
                                        _("Kirim SKP…"))
        self.baris_aksi.addWidget(self.tombol_kirim)
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

        self.riwayat = TabelRiwayat()

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
        layout.addWidget(self.kotak_perubahan)
        layout.addLayout(self.baris_aksi)
        layout.addWidget(self.pesan)
        layout.addWidget(self.bilah_berubah)
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
        self.bilah_berubah.tutup()
        self.dilihat.baca(self._skp_id)
        skp = skp_service.cari(self._skp_id)
        self.setEnabled(skp is not None)
        if skp is None:
            self.judul.setText("")
            self.status.setText("")
            self.info.setText("")
            self.kotak_kembali.kosongkan()
            self.kotak_perubahan.tampilkan(None)
            self.aksi.isi([])
            self.tombol_simpan.hide()
            self.tombol_dokumen.hide()
            self.tombol_cetak.hide()
            self.tombol_kirim.hide()
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

        self.kotak_kembali.tampilkan_pengembalian(
            skp_service.catatan_pengembalian(skp),
            _("Perbaiki isian SKP, simpan, lalu ajukan kembali ke atasan."),
        )
        self.kotak_perubahan.tampilkan(
            skp_service.perubahan_sejak_dikembalikan(skp) if Pihak.PEGAWAI not in pihak else None
        )

        self.pendekatan.setCurrentIndex(max(0, self.pendekatan.findData(skp.pendekatan)))
        self.pendekatan.setEnabled(self._dapat_diubah)
        self._muat_rhk(skp, skp_service.isian(skp), skp.pendekatan, self._dapat_diubah)
        for key, edit in self.lampiran.items():
            edit.setPlainText("\n".join(skp.lampiran.get(key, [])))
            edit.setReadOnly(not self._dapat_diubah)
        self._isi_perilaku(skp, pihak)
        self.riwayat.isi(skp_service.linimasa(skp), ALUR_SKP, _label_lain())
        # Saving is itself the move back to a draft; no separate button for it.
        self.aksi.isi(skp_service.aksi_tersedia(self._aktor, skp), lewati={"perbaiki"})
        # A PP 46 SKP saves its kegiatan on its own page.
        # An approved SKP is evaluated period by period (SOPs 000–002); an SKP on the
        # PP 46/2011 regime has kegiatan and its own numbers instead of RHK and BerAKHLAK.
        legacy = adalah_pp46(skp.regime)
        self.tombol_simpan.setVisible(self._dapat_diubah and not legacy)
        # The SKP form of PermenPANRB 6/2022 does not fit an SKP kept under PP 46/2011.
        may_print = skp.status in STATUS_DAPAT_DICETAK and bool(pihak) and not legacy
        for index in (HAL_HASIL, HAL_PERILAKU, HAL_LAMPIRAN):
            self.halaman.setTabVisible(index, not legacy)
        self.halaman.setTabVisible(HAL_EVALUASI, may_print)
        self.halaman.setTabVisible(HAL_PP46, legacy)
        if legacy:
            self.pp46.tampilkan(skp.id)
        elif may_print:
            self.evaluasi.tampilkan(skp.id)
        self.tombol_dokumen.setVisible(may_print)
        self.tombol_kirim.setVisible(bool(pihak))
        if skp.id != self._berkas_untuk:
            self._berkas_terakhir = []
        self.tombol_cetak.setVisible(may_print and bool(self._berkas_terakhir))
        self._kotor = False
        self.tombol_simpan.setEnabled(False)
        self._memuat = False

    @property
    def tombol_aksi(self) -> dict[str, QPushButton]:
        """The workflow buttons shown now, by action."""
        return self.aksi.tombol

    def _rekaman_kirim(self) -> tuple[Entitas, uuid.UUID] | None:
        """What "Kirim" sends: this SKP, saved first (the package carries what is stored)."""
        if self._skp_id is None or (self._kotor and self._dapat_diubah and not self.simpan()):
            return None
        return (Entitas.SKP, self._skp_id)

    def _on_pintas_aksi_activated(self) -> None:
        button = self.aksi.utama()
        if button is not None and button.isVisible() and button.isEnabled():
            button.click()

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

    def _muat_rhk(self, skp: SKP, rows: list, pendekatan: str, dapat_diubah: bool) -> None:
        """The RHK editor filled with ``rows`` of this SKP (stored, or typed and kept)."""
        self.rhk.muat(
            rows,
            pilihan_intervensi=[
                (r.id, " ".join(r.uraian.split())) for r in skp_service.rhk_atasan_pilihan(skp)
            ],
            dari_matriks={r.id for r in skp.rhk if r.dari_peran_hasil is not None},
            jpt=skp.varian == "JPT",
            kualitatif=pendekatan == Pendekatan.KUALITATIF,
            dapat_diubah=dapat_diubah,
        )

    def _isian_tersimpan(self) -> IsiSKP | None:
        """What she typed and has not saved, kept across a reload (None: nothing unsaved)."""
        return self.isi() if self._kotor and self._dapat_diubah else None

    def _terapkan_isian(self, isi: IsiSKP) -> None:
        """Put the kept input back over the reloaded SKP; it is unsaved again."""
        if not self._dapat_diubah:
            self.pesan.galat(_("SKP ini tidak lagi dapat diubah; isian Anda tidak diterapkan."))
            return
        skp = skp_service.cari(self._skp_id)
        if skp is None:
            return
        self._memuat = True
        self.pendekatan.setCurrentIndex(max(0, self.pendekatan.findData(isi.pendekatan)))
        # Rows the newer version removed come back as new rows, not as stale references.
        rhk_ids = {r.id for r in skp.rhk}
        iki_ids = {k.id for r in skp.rhk for k in r.iki}
        rows = [
            dataclasses.replace(
                r,
                id=r.id if r.id in rhk_ids else None,
                iki=[dataclasses.replace(k, id=k.id if k.id in iki_ids else None) for k in r.iki],
            )
            for r in isi.rhk
        ]
        self._muat_rhk(skp, rows, isi.pendekatan, True)
        for key, edit in self.lampiran.items():
            edit.setPlainText("\n".join(isi.lampiran.get(key, [])))
        self.rhk.set_kualitatif(isi.pendekatan == Pendekatan.KUALITATIF)
        self._memuat = False
        self._on_isi_changed()
        self.pesan.info(_("Isian Anda diterapkan lagi di atas data terbaru. Periksa, lalu simpan."))

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
        skp_id, isi = self._skp_id, self.isi()
        if not aksi.jalankan(
            lambda: self.dilihat.jalankan(lambda: skp_service.simpan_isi(self._aktor, skp_id, isi)),
            self._galat_simpan,
            umumkan=Entitas.SKP,
        ):
            return False
        self._kotor = False
        self.rhk.bersihkan_galat()
        self.muat_ulang()
        self.pesan.sukses(_("SKP tersimpan."))
        self.tersimpan.emit()
        return True

    def _galat_simpan(self, exc: BaseException) -> None:
        """Faults of a row beside it; the rest above the page."""
        if not isinstance(exc, ValidasiGagal):
            self.pesan.galat(str(exc))
            return
        rest = self.rhk.tampilkan_galat(exc.errors)
        self.halaman.setCurrentIndex(HAL_HASIL)
        self.pesan.galat(
            "\n".join(rest) if rest else _("Periksa isian yang ditandai merah, lalu simpan.")
        )

    def _on_tombol_simpan_clicked(self) -> None:
        if self._kotor:
            self.simpan()

    # --- actions of the workflow ------------------------------------------------------------------

    def _simpan_dulu(self, _t: Transisi) -> bool:
        """Unsaved content goes first: an action must not move a state she did not save."""
        return self._skp_id is not None and not (
            self._kotor and self._dapat_diubah and not self.simpan()
        )

    def _jalankan_layanan(self, t: Transisi, catatan: str) -> SKP:
        skp_id = self._skp_id
        assert skp_id is not None
        return self.dilihat.jalankan(
            lambda: skp_service.jalankan(self._aktor, skp_id, t.aksi, catatan)
        )

    def _pertanyaan(self, t: Transisi) -> str:
        if t.aksi == "kembalikan":
            return _("Tuliskan catatan untuk pegawai: apa yang perlu diperbaiki dan mengapa.")
        return _("Tuliskan alasannya; catatan ini tersimpan di riwayat SKP.")

    def _pesan_galat(self, t: Transisi, exc: BaseException) -> str:
        if t.aksi == "ajukan":
            return _("SKP belum dapat diajukan:\n{pesan}").format(pesan=exc)
        return str(exc)

    def _on_aksi_dijalankan(self, t: Transisi) -> None:
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
        skp_id = self._skp_id
        changes = [
            (nomor, self.perilaku.item(nomor - 1, COL_P_EKSPEKTASI).text())
            for nomor in sorted(self._ekspektasi_diubah)
        ]

        def simpan() -> None:
            for nomor, text in changes:
                skp_service.atur_ekspektasi(self._aktor, skp_id, nomor, text)

        if not aksi.berhasil(lambda: self.dilihat.jalankan(simpan), self.pesan,
                             umumkan=Entitas.SKP):
            return
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
        made = aksi.jalankan(
            lambda: [documents.buat_dokumen(self._aktor, kode, skp_id) for kode in KIND_SKP],
            self.pesan,
            umumkan=Entitas.DOKUMEN,
            tangkap=(documents.KeluaranGagal, documents.TemplatTidakAda),
        )
        if made is None:
            return
        self._berkas_terakhir = [h.path for h in made]
        self._berkas_untuk = skp_id
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
        # The files were sound when made; the SKP may have been altered in the file since.
        skp_id = self._berkas_untuk
        if skp_id is not None and not aksi.berhasil(
            lambda: verifikasi.wajib_utuh(Entitas.SKP, skp_id), self.pesan
        ):
            return
        try:
            for path in self._berkas_terakhir:
                documents.cetak(path)
        except documents.KeluaranGagal as exc:
            self.pesan.galat(str(exc))
            return
        self.pesan.sukses(_("Dokumen dikirim ke pencetak."))
