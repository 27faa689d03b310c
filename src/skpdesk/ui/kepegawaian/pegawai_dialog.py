"""Add or edit a pegawai, add a jabatan, set the atasan langsung: forms with inline errors."""

from __future__ import annotations

import dataclasses
import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain.entitas import Entitas
from skpdesk.domain.kepegawaian import (
    GOLONGAN,
    JENJANG_PER_JENIS,
    JenisJabatan,
    StatusKepegawaian,
)
from skpdesk.domain.nip import NIP_LENGTH, format_nip, normalize_nip, parse_nip
from skpdesk.i18n import _
from skpdesk.services import daftar, kantor
from skpdesk.services import pegawai as pegawai_service
from skpdesk.services import skp as skp_service
from skpdesk.services.context import Aktor
from skpdesk.services.errors import LayananError, ValidasiGagal
from skpdesk.ui.bersama import aksi
from skpdesk.ui.bersama.teks import ringkasan_nip
from skpdesk.ui.bersama.unit_tree import isi_combo_unit
from skpdesk.ui.bersama.versi import BilahMuatUlang, Dilihat
from skpdesk.ui.bersama.widgets import (
    GalatForm,
    LabelPesan,
    PilihPegawai,
    baris_pesan,
    cari_data,
    combo_ringkas,
    ruang_pesan,
    tombol_primer,
)

LEBAR_FORM = 560
# Room for spaces and dots people type between the NIP's groups.
NIP_MAX_KETIK = 24


def _tombol_simpan(box: QDialogButtonBox, teks: str) -> QPushButton:
    button = tombol_primer(teks)
    box.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
    button.setDefault(True)  # after addButton, which resets it
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Batal"))
    box.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
    return button


class JabatanBaruDialog(QDialog):
    """A new jabatan: name, jenis and jenjang, optionally tied to a unit."""

    def __init__(
        self, aktor: Aktor, unit_id: uuid.UUID | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self.jabatan_id: uuid.UUID | None = None
        self.setWindowTitle(_("Jabatan Baru"))
        self.nama = QLineEdit()
        self.nama.setPlaceholderText(_("contoh: Analis Kebijakan Ahli Muda"))
        self.jenis = QComboBox()
        for jenis in JenisJabatan:
            self.jenis.addItem(jenis.label, jenis.value)
        self.jenis.setCurrentIndex(cari_data(self.jenis, JenisJabatan.PELAKSANA.value))
        self.jenjang = QComboBox()
        self.unit = combo_ringkas(QComboBox())
        isi_combo_unit(self.unit, daftar.pohon_unit(), _("(Semua unit)"))
        self.unit.setCurrentIndex(max(cari_data(self.unit, unit_id), 0) if unit_id else 0)
        self.pesan = LabelPesan()
        self.galat = GalatForm(
            self.pesan, nama=LabelPesan(), jenis=LabelPesan(), jenjang=LabelPesan()
        )
        form = QFormLayout()
        form.addRow(_("Nama jabatan"), self.nama)
        baris_pesan(form, self.galat.label("nama"))
        form.addRow(_("Jenis jabatan"), self.jenis)
        baris_pesan(form, self.galat.label("jenis"))
        form.addRow(_("Jenjang"), self.jenjang)
        baris_pesan(form, self.galat.label("jenjang"))
        form.addRow(_("Unit"), self.unit)
        self.tombol = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        _tombol_simpan(self.tombol, _("Simpan Jabatan"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.pesan)
        layout.addWidget(self.tombol)
        self.setMinimumWidth(LEBAR_FORM - 80)
        self._on_jenis_currentIndexChanged()

        self.jenis.currentIndexChanged.connect(self._on_jenis_currentIndexChanged)
        self.tombol.accepted.connect(self._on_tombol_accepted)
        self.tombol.rejected.connect(self.reject)

    def _on_jenis_currentIndexChanged(self) -> None:
        allowed = JENJANG_PER_JENIS[JenisJabatan(self.jenis.currentData())]
        self.jenjang.clear()
        if allowed:
            self.jenjang.addItems(allowed)
        else:
            self.jenjang.addItem(_("(tidak berjenjang)"), "")
        self.jenjang.setEnabled(bool(allowed))

    def _on_tombol_accepted(self) -> None:
        jenjang = self.jenjang.currentText() if self.jenjang.isEnabled() else ""
        jabatan = aksi.jalankan(
            lambda: kantor.tambah_jabatan(
                self._aktor,
                self.nama.text(),
                self.jenis.currentData(),
                jenjang,
                self.unit.currentData(),
            ),
            self.galat,
            umumkan=Entitas.JABATAN,
        )
        if jabatan is None:
            return
        self.jabatan_id = jabatan.id
        self.accept()


class PegawaiDialog(QDialog):
    """Add (``pegawai_id`` None) or edit a pegawai. Nothing is saved while a field is wrong."""

    def __init__(
        self,
        aktor: Aktor,
        pegawai_id: uuid.UUID | None = None,
        unit_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self.pegawai_id = pegawai_id
        self.setWindowTitle(_("Ubah Data Pegawai") if pegawai_id else _("Tambah Pegawai"))

        self.nip = QLineEdit()
        self.nip.setMaxLength(NIP_MAX_KETIK)
        self.nip.setPlaceholderText(_("18 digit, boleh dengan spasi"))
        self.nama = QLineEdit()
        self.nama.setPlaceholderText(_("tanpa gelar"))
        self.gelar_depan = QLineEdit()
        self.gelar_depan.setPlaceholderText(_("contoh: Drs."))
        self.gelar_belakang = QLineEdit()
        self.gelar_belakang.setPlaceholderText(_("contoh: S.E., M.Si."))
        self.status = QComboBox()
        for status in StatusKepegawaian:
            self.status.addItem(status.label, status.value)
        self.golongan = combo_ringkas(QComboBox())
        self.jabatan = combo_ringkas(QComboBox())
        self.tombol_jabatan_baru = QPushButton(_("Jabatan Baru…"))
        self.unit = combo_ringkas(QComboBox())
        self.atasan = PilihPegawai(_("(Tanpa atasan langsung)"))

        self.pesan = LabelPesan()
        # The pegawai's version as shown: a save over someone else's newer change is refused.
        self.dilihat = Dilihat(Entitas.PEGAWAI, parent=self)
        self.bilah_berubah = BilahMuatUlang(
            self.dilihat, self._muat_ulang, self._perubahan_saya, self._terapkan_perubahan
        )
        self._dimuat: pegawai_service.DataPegawai | None = None
        self.galat = GalatForm(
            self.pesan,
            nip=LabelPesan(),
            nama=LabelPesan(),
            status=LabelPesan(),
            golongan=LabelPesan(),
            jabatan_id=LabelPesan(),
            unit_id=LabelPesan(),
            atasan_id=LabelPesan(),
        )

        gelar = QHBoxLayout()
        gelar.addWidget(QLabel(_("depan")))
        gelar.addWidget(self.gelar_depan, 1)
        gelar.addSpacing(12)
        gelar.addWidget(QLabel(_("belakang")))
        gelar.addWidget(self.gelar_belakang, 2)
        jabatan_row = QHBoxLayout()
        jabatan_row.addWidget(self.jabatan, 1)
        jabatan_row.addWidget(self.tombol_jabatan_baru)

        # Room for every message is kept from the start: the form never shifts under the mouse.
        def ruang(key: str) -> QWidget:
            return ruang_pesan(self.galat.label(key))

        form = QFormLayout()
        form.addRow(_("NIP"), self.nip)
        baris_pesan(form, ruang("nip"))
        form.addRow(_("Nama"), self.nama)
        baris_pesan(form, ruang("nama"))
        form.addRow(_("Gelar"), gelar)
        form.addRow(_("Status"), self.status)
        baris_pesan(form, ruang("status"))
        form.addRow(_("Pangkat/golongan"), self.golongan)
        baris_pesan(form, ruang("golongan"))
        form.addRow(_("Jabatan"), jabatan_row)
        baris_pesan(form, ruang("jabatan_id"))
        form.addRow(_("Unit kerja"), self.unit)
        baris_pesan(form, ruang("unit_id"))
        form.addRow(_("Atasan langsung"), self.atasan)
        baris_pesan(form, ruang("atasan_id"))

        self.tombol = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.tombol_simpan = _tombol_simpan(self.tombol, _("Simpan"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(ruang_pesan(self.pesan))
        layout.addWidget(self.bilah_berubah)
        layout.addStretch(1)
        layout.addWidget(self.tombol)
        self.setMinimumWidth(LEBAR_FORM)

        self._units = daftar.pohon_unit()
        isi_combo_unit(self.unit, self._units, _("(Belum ditentukan)"))
        self._isi_jabatan()
        self._isi_golongan()
        self.atasan.isi(daftar.daftar_pegawai(), kecuali=pegawai_id)
        if pegawai_id is not None:
            self._muat(pegawai_id)
        elif unit_id is not None:
            self.unit.setCurrentIndex(max(cari_data(self.unit, unit_id), 0))

        self.simpan_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.simpan_shortcut.activated.connect(self._on_tombol_accepted)
        self.nip.textEdited.connect(self._on_nip_textEdited)
        self.nip.editingFinished.connect(self._on_nip_editingFinished)
        self.status.currentIndexChanged.connect(self._on_status_currentIndexChanged)
        self.tombol_jabatan_baru.clicked.connect(self._on_tombol_jabatan_baru_clicked)
        self.tombol.accepted.connect(self._on_tombol_accepted)
        self.tombol.rejected.connect(self.reject)
        self.nip.setFocus()

    # -- filling -----------------------------------------------------------------------------

    def _muat(self, pegawai_id: uuid.UUID) -> None:
        self.bilah_berubah.tutup()
        self.dilihat.baca(pegawai_id)
        self._dimuat = pegawai_service.data_pegawai(pegawai_service.ambil(pegawai_id))
        self._isi_dari(self._dimuat)

    def _perubahan_saya(self) -> dict[str, object] | None:
        """The fields typed here since the form was filled: only these are re-applied, so the
        other person's change to any other field survives."""
        if self._dimuat is None:
            return None
        typed = self.data_form()
        return {
            f.name: getattr(typed, f.name) for f in dataclasses.fields(typed)
            if getattr(typed, f.name) != getattr(self._dimuat, f.name)
        } or None

    def _terapkan_perubahan(self, changes: dict[str, object]) -> None:
        self._isi_dari(dataclasses.replace(self.data_form(), **changes))

    def _muat_ulang(self) -> None:
        if self.pegawai_id is not None:
            self.galat.bersihkan()  # the refusal is answered by the newer data now shown
            self._muat(self.pegawai_id)

    def _isi_dari(self, data: pegawai_service.DataPegawai) -> None:
        self.nip.setText(format_nip(data.nip))
        self.nama.setText(data.nama)
        self.gelar_depan.setText(data.gelar_depan)
        self.gelar_belakang.setText(data.gelar_belakang)
        self.status.setCurrentIndex(max(cari_data(self.status, data.status), 0))
        self._isi_golongan()
        self.golongan.setCurrentIndex(max(cari_data(self.golongan, data.golongan), 0))
        self.jabatan.setCurrentIndex(max(cari_data(self.jabatan, data.jabatan_id), 0))
        self.unit.setCurrentIndex(max(cari_data(self.unit, data.unit_id), 0))
        self.atasan.set_pegawai_id(data.atasan_id)
        self._tampilkan_nip(final=True)

    def _isi_golongan(self) -> None:
        chosen = self.golongan.currentData()
        self.golongan.clear()
        self.golongan.addItem(_("— pilih golongan —"), "")
        for gol in GOLONGAN[StatusKepegawaian(self.status.currentData())]:
            self.golongan.addItem(gol.label, gol.kode)
        # A PNS code has no meaning for a PPPK (and back): the choice starts over then.
        self.golongan.setCurrentIndex(max(cari_data(self.golongan, chosen), 0) if chosen else 0)

    def _isi_jabatan(self, pilih: uuid.UUID | None = None) -> None:
        chosen = pilih or self.jabatan.currentData()
        units = {n.id: n.nama for n in self._units}
        self.jabatan.clear()
        self.jabatan.addItem(_("(Belum ditentukan)"), None)
        for row in daftar.daftar_jabatan():
            label = row.nama
            if row.jenjang and row.jenjang not in row.nama:
                label += f" ({row.jenjang})"
            if row.unit_id in units:
                label += f" — {units[row.unit_id]}"
            self.jabatan.addItem(label, row.id)
        self.jabatan.setCurrentIndex(max(cari_data(self.jabatan, chosen), 0) if chosen else 0)

    # -- NIP feedback ------------------------------------------------------------------------

    def _tampilkan_nip(self, final: bool) -> None:
        label = self.galat.label("nip")
        digits = normalize_nip(self.nip.text())
        if not digits:
            label.bersihkan()
            return
        if not final and digits.isdigit() and len(digits) < NIP_LENGTH:
            label.info(_("{n} dari {total} digit").format(n=len(digits), total=NIP_LENGTH))
            return
        try:
            parts = parse_nip(digits)
        except ValueError as exc:
            label.galat(str(exc))
            return
        label.info(ringkasan_nip(parts))

    def _on_nip_textEdited(self) -> None:
        self._tampilkan_nip(final=False)

    def _on_nip_editingFinished(self) -> None:
        self._tampilkan_nip(final=True)
        digits = normalize_nip(self.nip.text())
        if len(digits) == NIP_LENGTH and digits.isdigit():
            self.nip.setText(format_nip(digits))

    # -- actions -----------------------------------------------------------------------------

    def _on_status_currentIndexChanged(self) -> None:
        self._isi_golongan()

    def _on_tombol_jabatan_baru_clicked(self) -> None:
        dialog = JabatanBaruDialog(self._aktor, self.unit.currentData(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._isi_jabatan(pilih=dialog.jabatan_id)

    def data_form(self) -> pegawai_service.DataPegawai:
        return pegawai_service.DataPegawai(
            nip=self.nip.text(),
            nama=self.nama.text(),
            status=self.status.currentData(),
            golongan=self.golongan.currentData() or "",
            gelar_depan=self.gelar_depan.text(),
            gelar_belakang=self.gelar_belakang.text(),
            jabatan_id=self.jabatan.currentData(),
            unit_id=self.unit.currentData(),
            atasan_id=self.atasan.pegawai_id(),
        )

    def _on_tombol_accepted(self) -> None:
        self.galat.bersihkan()
        if not self.atasan.teks_dikenal():
            self.galat.label("atasan_id").galat(
                _("Pilih atasan dari daftar (ketik sebagian nama, lalu pilih).")
            )
            self.atasan.setFocus()
            return

        def simpan():
            if self.pegawai_id is None:
                return pegawai_service.tambah_pegawai(self._aktor, self.data_form())
            return self.dilihat.jalankan(
                lambda: pegawai_service.ubah_pegawai(self._aktor, self.pegawai_id,
                                                     self.data_form()))

        saved = aksi.jalankan(simpan, self._tolak, umumkan=Entitas.PEGAWAI)
        if saved is None:
            return
        self.pegawai_id = saved.id
        self.accept()

    def _tolak(self, exc: BaseException) -> None:
        self.galat.tampilkan(exc)
        self._fokus_galat(exc)
        if isinstance(exc, ValidasiGagal) and "nip" not in exc.errors:
            self._tampilkan_nip(final=True)

    def _fokus_galat(self, exc: LayananError) -> None:
        if not isinstance(exc, ValidasiGagal):
            return
        fields = {
            "nip": self.nip,
            "nama": self.nama,
            "status": self.status,
            "golongan": self.golongan,
            "jabatan_id": self.jabatan,
            "unit_id": self.unit,
            "atasan_id": self.atasan,
        }
        for key, field in fields.items():
            if key in exc.errors:
                field.setFocus()
                return


class AturAtasanDialog(QDialog):
    """Pick the atasan langsung (or none); a choice that closes a loop is refused inline."""

    def __init__(self, aktor: Aktor, pegawai_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self._pegawai_id = pegawai_id
        rows = daftar.daftar_pegawai()
        me = next(r for r in rows if r.id == pegawai_id)
        self.setWindowTitle(_("Atur Atasan Langsung"))
        pengantar = QLabel(
            _("Atasan langsung (pejabat penilai) untuk <b>{nama}</b>:").format(nama=me.nama_lengkap)
        )
        pengantar.setTextFormat(Qt.TextFormat.RichText)
        pengantar.setWordWrap(True)
        self.atasan = PilihPegawai(_("(Tanpa atasan langsung)"))
        self.atasan.isi(rows, kecuali=pegawai_id)
        self.atasan.set_pegawai_id(me.atasan_id)
        # A superior replaced mid-year: the running SKPs may follow, with their history intact.
        self._berjalan = skp_service.skp_berjalan(pegawai_id)
        self.serahkan = QCheckBox(
            _("Serahkan juga {n} SKP yang sedang berjalan kepada atasan baru").format(
                n=len(self._berjalan)
            )
        )
        self.alasan = QLineEdit()
        self.alasan.setPlaceholderText(_("Alasan penggantian (misalnya mutasi, Plt.)"))
        self.serahkan.setVisible(bool(self._berjalan))
        self.alasan.setVisible(False)
        self.pesan = LabelPesan()
        self.tombol = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.tombol_simpan = _tombol_simpan(self.tombol, _("Simpan Atasan"))
        layout = QVBoxLayout(self)
        layout.addWidget(pengantar)
        layout.addWidget(self.atasan)
        layout.addWidget(self.serahkan)
        layout.addWidget(self.alasan)
        layout.addWidget(self.pesan)
        layout.addStretch(1)
        layout.addWidget(self.tombol)
        self.setMinimumWidth(LEBAR_FORM)

        self.tombol.accepted.connect(self._on_tombol_accepted)
        self.tombol.rejected.connect(self.reject)
        self.serahkan.toggled.connect(self.alasan.setVisible)

    def _on_tombol_accepted(self) -> None:
        self.pesan.bersihkan()
        if not self.atasan.teks_dikenal():
            self.pesan.galat(_("Pilih atasan dari daftar (ketik sebagian nama, lalu pilih)."))
            return

        def simpan() -> None:
            if self.serahkan.isChecked():
                skp_service.ganti_atasan_dan_serahkan(
                    self._aktor, self._pegawai_id, self.atasan.pegawai_id(), self.alasan.text()
                )
            else:
                pegawai_service.atur_atasan(
                    self._aktor, self._pegawai_id, self.atasan.pegawai_id()
                )

        if aksi.berhasil(simpan, self.pesan, umumkan=(Entitas.PEGAWAI, Entitas.SKP)):
            self.accept()
