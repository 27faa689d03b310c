"""Office settings: kop surat, place, paper size, backups kept and the logo."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain.entitas import Entitas
from skpdesk.domain.evaluasi import Periodisitas
from skpdesk.domain.workflow import OPSI_BKPSDM
from skpdesk.i18n import _
from skpdesk.services import evaluasi as ev_service
from skpdesk.services import kantor
from skpdesk.services.context import Aktor
from skpdesk.ui.bersama import aksi, gaya
from skpdesk.ui.bersama.bus import bus
from skpdesk.ui.bersama.versi import BilahMuatUlang, Dilihat
from skpdesk.ui.bersama.widgets import GalatForm, LabelPesan, baris_pesan, cari_data, tombol_primer

BARIS_KOP = 6
LOGO_PRATINJAU = 96
CADANGAN_MIN = 1
CADANGAN_MAKS = 365
LEBAR_FORM = 640
LOGO_KOP = 64
LEBAR_PRATINJAU = 560
BARIS_TEBAL = 2  # the first lines of a kop (government, office) are printed bold


class PratinjauKop(QFrame):
    """A rough picture of the printed letterhead: logo on the left, lines centred, a rule."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kartu")
        self.setMinimumWidth(LEBAR_PRATINJAU)
        self.logo = QLabel()
        self.logo.setFixedWidth(LOGO_KOP)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.teks = QLabel()
        self.teks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.teks.setWordWrap(True)
        self.teks.setTextFormat(Qt.TextFormat.RichText)
        garis = QFrame()
        garis.setFrameShape(QFrame.Shape.HLine)
        garis.setLineWidth(2)
        garis.setStyleSheet("QFrame { color: black; }")
        atas = QHBoxLayout()
        atas.addWidget(self.logo)
        atas.addWidget(self.teks, 1)
        atas.addSpacing(LOGO_KOP)  # keeps the lines centred on the page, not beside the logo
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(atas)
        layout.addWidget(garis)

    def tampilkan(self, lines: list[str], logo: QPixmap | None) -> None:
        parts = []
        for i, line in enumerate(line for line in lines if line.strip()):
            text = html.escape(line.strip())
            parts.append(f"<b>{text}</b>" if i < BARIS_TEBAL else text)
        self.teks.setText("<br>".join(parts) or _("(kop surat kosong)"))
        if logo is not None and not logo.isNull():
            self.logo.setPixmap(
                logo.scaled(
                    LOGO_KOP,
                    LOGO_KOP,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo.clear()


class PengaturanPage(QWidget):
    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self._logo_baru: bytes | None = None
        self._logo_nama = ""
        self._hapus_logo = False
        self._logo_lama: bytes | None = None

        self.kop = [QLineEdit() for _i in range(BARIS_KOP)]
        for i, line in enumerate(self.kop, start=1):
            line.setPlaceholderText(_("Baris {n}").format(n=i))
        self.tempat = QLineEdit()
        self.kertas = QComboBox()
        self.kertas.addItem(_("A4 (210 × 297 mm)"), "A4")
        self.kertas.addItem(_("F4 / Folio (215 × 330 mm)"), "F4")
        self.cadangan = QSpinBox()
        self.cadangan.setRange(CADANGAN_MIN, CADANGAN_MAKS)
        self.cadangan.setSuffix(_(" cadangan terakhir"))
        self.logo = QLabel()
        self.logo.setFixedSize(LOGO_PRATINJAU, LOGO_PRATINJAU)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo.setFrameShape(QFrame.Shape.StyledPanel)
        self.logo_info = QLabel()
        self.logo_info.setProperty("peran", "info")
        self.logo_info.setWordWrap(True)
        self.tombol_logo = QPushButton(_("Pilih Logo…"))
        self.tombol_hapus_logo = QPushButton(_("Hapus Logo"))
        self.tombol_simpan = tombol_primer(_("Simpan Pengaturan"))
        self.pesan = LabelPesan()
        # The settings' version as shown: a save over someone else's newer change is refused.
        self.dilihat = Dilihat(Entitas.PENGATURAN, aktor.akun_id, self)
        self.bilah_berubah = BilahMuatUlang(self.dilihat, self.muat_ulang)
        self.galat = GalatForm(
            self.pesan,
            kop_surat=LabelPesan(),
            tempat=LabelPesan(),
            ukuran_kertas=LabelPesan(),
            cadangan_disimpan=LabelPesan(),
            logo=LabelPesan(),
        )

        kop_box = QGroupBox(_("Kop surat"))
        kop_layout = QVBoxLayout(kop_box)
        kop_info = QLabel(
            _("Dicetak di atas setiap formulir, dari atas ke bawah; paling banyak enam baris.")
        )
        kop_info.setProperty("peran", "info")
        kop_layout.addWidget(kop_info)
        for line in self.kop:
            kop_layout.addWidget(line)
        kop_layout.addWidget(self.galat.label("kop_surat"))

        logo_box = QGroupBox(_("Logo kop surat"))
        logo_layout = QHBoxLayout(logo_box)
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.logo_info)
        row = QHBoxLayout()
        row.addWidget(self.tombol_logo)
        row.addWidget(self.tombol_hapus_logo)
        row.addStretch(1)
        logo_buttons.addLayout(row)
        logo_buttons.addWidget(self.galat.label("logo"))
        logo_buttons.addStretch(1)
        logo_layout.addWidget(self.logo)
        logo_layout.addLayout(logo_buttons, 1)

        lain_box = QGroupBox(_("Cetak dan cadangan"))
        form = QFormLayout(lain_box)
        form.addRow(_("Tempat tanda tangan"), self.tempat)
        baris_pesan(form, self.galat.label("tempat"))
        form.addRow(_("Ukuran kertas"), self.kertas)
        baris_pesan(form, self.galat.label("ukuran_kertas"))
        form.addRow(_("Simpan"), self.cadangan)
        baris_pesan(form, self.galat.label("cadangan_disimpan"))

        # The office's workflow: how often staff are evaluated, and SOP 002's extra steps.
        self.periodisitas = QComboBox()
        for p in (Periodisitas.TRIWULANAN, Periodisitas.BULANAN, Periodisitas.TAHUNAN):
            self.periodisitas.addItem(p.label, p.value)
        self.opsi_bkpsdm = QCheckBox(_("Pengesahan atasan dan pengiriman ke BKPSDM"))
        opsi_info = QLabel(
            _(
                "SKP dan evaluasi tahunan juga disahkan atasan pejabat penilai, lalu dikirim "
                "ke BKPSDM sebelum diarsipkan."
            )
        )
        opsi_info.setWordWrap(True)
        opsi_info.setProperty("peran", "info")
        self.tombol_simpan_alur = QPushButton(_("Simpan Alur Kerja"))
        self.pesan_alur = LabelPesan()
        alur_box = QGroupBox(_("Alur kerja"))
        alur_form = QFormLayout(alur_box)
        alur_form.addRow(_("Evaluasi kinerja"), self.periodisitas)
        alur_form.addRow("", self.opsi_bkpsdm)
        alur_form.addRow("", opsi_info)
        alur_form.addRow("", self.pesan_alur)
        tombol_alur = QHBoxLayout()
        tombol_alur.addWidget(self.tombol_simpan_alur)
        tombol_alur.addStretch(1)
        alur_form.addRow("", tombol_alur)

        self.pratinjau = PratinjauKop()
        pratinjau_kolom = QVBoxLayout()
        pratinjau_kolom.addWidget(gaya.judul(_("Pratinjau kop surat"), 1.0))
        pratinjau_kolom.addWidget(self.pratinjau)
        pratinjau_info = QLabel(
            _("Gambaran kasar; hasil cetak mengikuti templat formulir dan ukuran kertas.")
        )
        pratinjau_info.setProperty("peran", "info")
        pratinjau_info.setWordWrap(True)
        pratinjau_kolom.addWidget(pratinjau_info)
        pratinjau_kolom.addSpacing(12)
        pratinjau_kolom.addWidget(alur_box)
        pratinjau_kolom.addStretch(1)


        form_kolom = QVBoxLayout()
        form_kolom.addWidget(kop_box)
        form_kolom.addWidget(logo_box)
        form_kolom.addWidget(lain_box)
        form_kolom.addWidget(self.pesan)
        form_kolom.addWidget(self.bilah_berubah)
        bawah = QHBoxLayout()
        bawah.addWidget(self.tombol_simpan)
        bawah.addStretch(1)
        form_kolom.addLayout(bawah)
        form_kolom.addStretch(1)
        form_widget = QWidget()
        form_widget.setMaximumWidth(LEBAR_FORM)
        form_widget.setLayout(form_kolom)
        form_kolom.setContentsMargins(0, 0, 0, 0)

        isi = QWidget()
        isi_layout = QHBoxLayout(isi)
        isi_layout.addWidget(form_widget, 1)
        isi_layout.addSpacing(16)
        isi_layout.addLayout(pratinjau_kolom, 1)

        # Only the settings scroll, never the whole window, when the screen is short.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(isi)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        self.muat_ulang()

        self.simpan_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.simpan_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.simpan_shortcut.activated.connect(self._on_tombol_simpan_clicked)
        self.tombol_simpan.clicked.connect(self._on_tombol_simpan_clicked)
        self.tombol_simpan_alur.clicked.connect(self._on_tombol_simpan_alur_clicked)
        self.tombol_logo.clicked.connect(self._on_tombol_logo_clicked)
        self.tombol_hapus_logo.clicked.connect(self._on_tombol_hapus_logo_clicked)
        for field in self.kop:
            field.textChanged.connect(self._on_kop_textChanged)
        bus().data_changed.connect(self._on_bus_data_changed)

    def muat_ulang(self) -> None:
        self.bilah_berubah.tutup()
        self.dilihat.baca(kantor.pengaturan().id)
        setting = kantor.pengaturan()
        lines = list(setting.kop_surat or [])
        for i, field in enumerate(self.kop):
            field.setText(lines[i] if i < len(lines) else "")
        self.tempat.setText(setting.tempat)
        self.kertas.setCurrentIndex(max(cari_data(self.kertas, setting.ukuran_kertas), 0))
        self.cadangan.setValue(setting.cadangan_disimpan)
        self.periodisitas.setCurrentIndex(
            max(0, self.periodisitas.findData(ev_service.periodisitas_kantor().value))
        )
        self.opsi_bkpsdm.setChecked(OPSI_BKPSDM in (setting.opsi_alur or []))
        self._logo_lama = bytes(setting.logo) if setting.logo else None
        self._logo_nama = setting.logo_nama
        self._logo_baru = None
        self._hapus_logo = False
        self._tampilkan_logo()

    def _logo_sekarang(self) -> bytes | None:
        if self._hapus_logo:
            return None
        return self._logo_baru if self._logo_baru is not None else self._logo_lama

    def _tampilkan_logo(self) -> None:
        data = self._logo_sekarang()
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo.setPixmap(
                pixmap.scaled(
                    LOGO_PRATINJAU - 8,
                    LOGO_PRATINJAU - 8,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.logo_info.setText(self._logo_nama or _("Logo tersimpan."))
        else:
            self.logo.clear()
            self.logo.setText(_("Tanpa logo"))
            self.logo_info.setText(_("Gambar PNG atau JPEG, paling besar 2 MB."))
        self.tombol_hapus_logo.setEnabled(data is not None)
        self._perbarui_pratinjau()

    def _perbarui_pratinjau(self) -> None:
        data = self._logo_sekarang()
        pixmap = QPixmap()
        loaded = bool(data) and pixmap.loadFromData(data)
        self.pratinjau.tampilkan([f.text() for f in self.kop], pixmap if loaded else None)

    def _on_kop_textChanged(self) -> None:
        self._perbarui_pratinjau()

    def pilih_logo(self, path: Path) -> None:
        """Take a logo file for the preview; it is saved with the other settings."""
        try:
            self._logo_baru = path.read_bytes()
        except OSError as exc:
            self.galat.label("logo").galat(
                _("Berkas tidak dapat dibaca: {error}").format(error=exc)
            )
            return
        self.galat.label("logo").bersihkan()
        self._logo_nama = path.name
        self._hapus_logo = False
        self._tampilkan_logo()
        if self._logo_baru is not None and self.logo.pixmap().isNull():
            self.galat.label("logo").galat(_("Berkas ini bukan gambar yang dapat dibaca."))

    def _on_tombol_logo_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Pilih Logo"), "", _("Gambar (*.png *.jpg *.jpeg)")
        )
        if path:
            self.pilih_logo(Path(path))

    def _on_tombol_hapus_logo_clicked(self) -> None:
        self._logo_baru = None
        self._hapus_logo = True
        self._logo_nama = ""
        self._tampilkan_logo()

    def _on_tombol_simpan_clicked(self) -> None:
        self.galat.bersihkan()
        if not aksi.berhasil(
            lambda: self.dilihat.jalankan(lambda: kantor.ubah_pengaturan(
                self._aktor,
                kop_surat=[f.text() for f in self.kop],
                tempat=self.tempat.text(),
                ukuran_kertas=self.kertas.currentData(),
                cadangan_disimpan=self.cadangan.value(),
                logo=self._logo_baru,
                logo_nama=self._logo_nama,
                hapus_logo=self._hapus_logo,
            )),
            self.galat,
            umumkan=Entitas.PENGATURAN,
        ):
            return
        self.pesan.sukses(_("Pengaturan disimpan."))

    def _on_tombol_simpan_alur_clicked(self) -> None:
        """The evaluation period first: it is refused once this year's evaluations began."""
        self.pesan_alur.bersihkan()

        def simpan() -> None:
            wanted = self.periodisitas.currentData()
            if wanted != ev_service.periodisitas_kantor().value:
                ev_service.atur_periodisitas(self._aktor, wanted)
            opsi = set(kantor.pengaturan().opsi_alur or []) - {OPSI_BKPSDM}
            if self.opsi_bkpsdm.isChecked():
                opsi.add(OPSI_BKPSDM)
            kantor.atur_opsi_alur(self._aktor, sorted(opsi))

        def tolak(exc: BaseException) -> None:
            self.pesan_alur.galat(str(exc))
            self.muat_ulang()  # back to what is stored

        if not aksi.berhasil(lambda: self.dilihat.jalankan(simpan), tolak,
                             umumkan=Entitas.PENGATURAN):
            return
        self.pesan_alur.sukses(_("Alur kerja disimpan."))

    def _on_bus_data_changed(self, entitas: str) -> None:
        if entitas == Entitas.PENGATURAN:
            message = self.pesan.text() if not self.pesan.adalah_galat() else ""
            self.muat_ulang()
            if message:
                self.pesan.sukses(message)
