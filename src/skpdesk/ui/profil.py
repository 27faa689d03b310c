"""Profil Saya: what the office has recorded about the logged-in pegawai and her atasan."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from skpdesk.domain.entitas import Entitas
from skpdesk.i18n import _
from skpdesk.services import daftar
from skpdesk.services.context import Aktor
from skpdesk.services.daftar import Orang
from skpdesk.ui.bersama import gaya
from skpdesk.ui.bersama.bus import bus

LEBAR_KARTU = 720


class LabelOrang(QWidget):
    """A person in two lines: the name in bold, jabatan and NIP below in grey."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nama = QLabel()
        font = self.nama.font()
        font.setBold(True)
        self.nama.setFont(font)
        self.detail = QLabel()
        self.detail.setProperty("peran", "info")
        for label in (self.nama, self.detail):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.nama)
        layout.addWidget(self.detail)

    def tampilkan(self, orang: Orang | None) -> None:
        if orang is None:
            self.nama.setText(_("(belum ditetapkan)"))
            self.detail.setVisible(False)
            return
        self.nama.setText(orang.nama_lengkap)
        self.detail.setText(
            " · ".join(p for p in (orang.jabatan, _("NIP {nip}").format(nip=orang.nip)) if p)
        )
        self.detail.setVisible(True)


class ProfilPage(QWidget):
    """A read-only card; refreshed when the roster changes."""

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self.judul = gaya.judul("", gaya.SKALA_JUDUL)
        self.judul.setWordWrap(True)
        self.keadaan = QLabel()
        self.nip = QLabel()
        self.status = QLabel()
        self.golongan = QLabel()
        self.jabatan = QLabel()
        self.unit = QLabel()
        self.atasan = LabelOrang()
        self.atasan2 = LabelOrang()
        for label in (self.nip, self.status, self.golongan, self.jabatan, self.unit):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.catatan = QLabel(
            _(
                "Data ini dipakai pada formulir SKP Anda. Bila ada yang keliru (nama, NIP, "
                "jabatan, atasan), hubungi pengelola kepegawaian kantor."
            )
        )
        self.catatan.setProperty("peran", "info")
        self.catatan.setWordWrap(True)
        self.kosong = QLabel(
            _(
                "Akun ini tidak terhubung dengan data pegawai. Hubungi pengelola kepegawaian "
                "bila Anda seharusnya menyusun SKP."
            )
        )
        self.kosong.setWordWrap(True)

        kartu = QFrame()
        kartu.setObjectName("kartu")
        # Values do not wrap (QFormLayout miscounts wrapped rows); the card grows to fit them.
        kartu.setMinimumWidth(LEBAR_KARTU)
        # A grid, not a QFormLayout: the form layout under-counts the two-line atasan rows.
        form = QGridLayout()
        form.setHorizontalSpacing(24)
        form.setVerticalSpacing(10)
        form.setColumnStretch(1, 1)
        self.isian = QWidget()
        rows = (
            (_("NIP"), self.nip),
            (_("Status"), self.status),
            (_("Pangkat/golongan"), self.golongan),
            (_("Jabatan"), self.jabatan),
            (_("Unit kerja"), self.unit),
            (_("Atasan langsung"), self.atasan),
            (_("Atasan dari atasan langsung"), self.atasan2),
        )
        for row, (text, field) in enumerate(rows):
            form.addWidget(QLabel(text), row, 0, Qt.AlignmentFlag.AlignTop)
            form.addWidget(field, row, 1, Qt.AlignmentFlag.AlignTop)
        self.isian.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        kartu_layout = QVBoxLayout(kartu)
        kartu_layout.setContentsMargins(24, 20, 24, 20)
        kartu_layout.addWidget(self.judul)
        kartu_layout.addWidget(self.keadaan, 0, Qt.AlignmentFlag.AlignLeft)
        kartu_layout.addSpacing(8)
        kartu_layout.addWidget(self.isian)
        kartu_layout.addSpacing(8)
        kartu_layout.addWidget(self.catatan)
        kartu_layout.addWidget(self.kosong)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        # Centred by stretches, not by an alignment flag: with the flag Qt measures the wrapped
        # note at the full page width and gives the card too little height.
        tengah = QHBoxLayout()
        tengah.addStretch(1)
        tengah.addWidget(kartu)
        tengah.addStretch(1)
        layout.addLayout(tengah)
        layout.addStretch(1)

        self.muat_ulang()
        bus().data_changed.connect(self._on_bus_data_changed)

    def muat_ulang(self) -> None:
        data = daftar.profil(self._aktor.pegawai_id) if self._aktor.pegawai_id else None
        self.kosong.setVisible(data is None)
        self.catatan.setVisible(data is not None)
        self.isian.setVisible(data is not None)
        self.keadaan.setVisible(data is not None)
        if data is None:
            self.judul.setText(self._aktor.nama)
            return
        self.judul.setText(data.orang.nama_lengkap)
        key = "aktif" if data.aktif else "nonaktif"
        self.keadaan.setText(_("Aktif") if data.aktif else _("Nonaktif"))
        self.keadaan.setStyleSheet(gaya.gaya_label_status(key))
        self.nip.setText(data.orang.nip)
        self.status.setText(data.status)
        self.golongan.setText(data.golongan_label)
        self.jabatan.setText(data.orang.jabatan or _("(belum ditetapkan)"))
        self.unit.setText(data.unit or _("(belum ditetapkan)"))
        self.atasan.tampilkan(data.atasan)
        self.atasan2.tampilkan(data.atasan_dari_atasan)

    def _on_bus_data_changed(self, entitas: str) -> None:
        if entitas in (Entitas.PEGAWAI, Entitas.UNIT_KERJA, Entitas.JABATAN):
            self.muat_ulang()
