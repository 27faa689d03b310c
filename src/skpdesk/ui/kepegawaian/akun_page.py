"""The accounts page of the Kepegawaian tab: create accounts, reset passwords, unlock, roles."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain.entitas import Entitas
from skpdesk.domain.kepegawaian import Peran
from skpdesk.domain.nip import format_nip
from skpdesk.i18n import _
from skpdesk.services import akun as akun_service
from skpdesk.services import context, daftar
from skpdesk.services.context import Aktor
from skpdesk.services.daftar import BarisAkun
from skpdesk.ui.bersama import aksi, gaya
from skpdesk.ui.bersama.bus import bus
from skpdesk.ui.bersama.model import ROLE_BARIS, ROLE_SORT, DaftarModel, Kolom
from skpdesk.ui.bersama.teks import waktu_lokal
from skpdesk.ui.bersama.versi import Dilihat
from skpdesk.ui.bersama.widgets import (
    GalatForm,
    LabelPesan,
    baris_pesan,
    combo_ringkas,
    tombol_primer,
)

COL_LOGIN = 0
COL_PEGAWAI = 1
COL_PERAN = 2
COL_TERKUNCI = 3
COL_AKTIF = 4
COL_LOGIN_TERAKHIR = 5
N_COL = 6

LEBAR_DIALOG = 480
LEBAR_KOLOM_MAKS = 300


def _terkunci(row: BarisAkun) -> bool:
    return row.terkunci_sampai is not None and row.terkunci_sampai > context.now()


def _keadaan(row: BarisAkun) -> str:
    """The status key of an account, for its word and colour."""
    if not row.aktif:
        return "nonaktif"
    if _terkunci(row):
        return "terkunci"
    if row.harus_ganti_sandi:
        return "ganti_sandi"
    return "aktif"


def _kata_keadaan(key: str) -> str:
    return {
        "aktif": _("Aktif"),
        "nonaktif": _("Nonaktif"),
        "terkunci": _("Terkunci"),
        "ganti_sandi": _("Aktif · harus ganti sandi"),
    }[key]


def _teks_login(row: BarisAkun) -> str:
    return format_nip(row.login) if row.login == row.nip else row.login


def _teks_terkunci(row: BarisAkun) -> str:
    return waktu_lokal(row.terkunci_sampai) if _terkunci(row) else ""


class AkunTableModel(DaftarModel[BarisAkun]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Kolom(_("Nama pengguna"), _teks_login),
                Kolom(_("Pegawai"), lambda r: r.pegawai or _("(tanpa pegawai)")),
                Kolom(
                    _("Peran"),
                    lambda r: ", ".join(sorted(p.label for p in r.peran)) or _("Pegawai"),
                ),
                Kolom(
                    _("Terkunci sampai"),
                    _teks_terkunci,
                    lambda r: r.terkunci_sampai.isoformat() if _terkunci(r) else "",
                ),
                Kolom(_("Keadaan"), lambda r: _kata_keadaan(_keadaan(r))),
                Kolom(
                    _("Login terakhir"),
                    lambda r: waktu_lokal(r.login_terakhir) or _("belum pernah"),
                    lambda r: r.login_terakhir.isoformat() if r.login_terakhir else "",
                ),
            ],
            parent,
        )

    def row_of(self, akun_id: uuid.UUID) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == akun_id), -1)

    def gaya(self, row: BarisAkun, column: int, role: int) -> Any:
        if column == COL_AKTIF and role in (
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.BackgroundRole,
        ):
            fg, bg = gaya.warna_status(_keadaan(row))
            return fg if role == Qt.ItemDataRole.ForegroundRole else bg
        if column == COL_TERKUNCI and role == Qt.ItemDataRole.ForegroundRole and _terkunci(row):
            return gaya.warna_status("terkunci")[0]
        return None


def _kotak_peran(chosen: frozenset[Peran]) -> dict[Peran, QCheckBox]:
    boxes = {}
    for peran in Peran:
        box = QCheckBox(peran.label)
        box.setChecked(peran in chosen)
        boxes[peran] = box
    return boxes


def _tombol(box: QDialogButtonBox, teks: str) -> QPushButton:
    button = tombol_primer(teks)
    box.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
    button.setDefault(True)  # after addButton, which resets it
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Batal"))
    box.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
    return button


def _sandi() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class BuatAkunDialog(QDialog):
    """An account for a pegawai who has none; the login starts as her NIP."""

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self.akun_id: uuid.UUID | None = None
        self.setWindowTitle(_("Buat Akun"))
        with_account = {r.pegawai_id for r in daftar.daftar_akun() if r.pegawai_id}
        self._pegawai = [r for r in daftar.daftar_pegawai() if r.aktif and r.id not in with_account]
        self.pegawai = combo_ringkas(QComboBox())
        self.pegawai.addItem(_("— pilih pegawai —"), None)
        for row in self._pegawai:
            self.pegawai.addItem(f"{row.nama_lengkap} — {format_nip(row.nip)}", row.id)
        self.login = QLineEdit()
        self.sandi = _sandi()
        self.ulangi = _sandi()
        self.peran = _kotak_peran(frozenset())
        petunjuk = QLabel(
            _(
                "Minimal {n} karakter, memuat huruf dan angka. Pemilik akun harus menggantinya "
                "saat pertama kali masuk."
            ).format(n=akun_service.MIN_PANJANG_SANDI)
        )
        petunjuk.setProperty("peran", "info")
        petunjuk.setWordWrap(True)
        self.pesan = LabelPesan()
        self.galat_ulangi = LabelPesan()
        self.galat = GalatForm(
            self.pesan, pegawai_id=LabelPesan(), login=LabelPesan(), sandi=LabelPesan()
        )
        peran_box = QVBoxLayout()
        for box in self.peran.values():
            peran_box.addWidget(box)
        peran_info = QLabel(_("Setiap akun dapat menyusun SKP sendiri; peran ini tambahan."))
        peran_info.setProperty("peran", "info")
        peran_info.setWordWrap(True)
        peran_box.addWidget(peran_info)

        form = QFormLayout()
        form.addRow(_("Pegawai"), self.pegawai)
        baris_pesan(form, self.galat.label("pegawai_id"))
        form.addRow(_("Nama pengguna"), self.login)
        baris_pesan(form, self.galat.label("login"))
        form.addRow(_("Kata sandi awal"), self.sandi)
        form.addRow("", petunjuk)
        baris_pesan(form, self.galat.label("sandi"))
        form.addRow(_("Ulangi kata sandi"), self.ulangi)
        baris_pesan(form, self.galat_ulangi)
        form.addRow(_("Peran tambahan"), peran_box)
        self.tombol = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.tombol_simpan = _tombol(self.tombol, _("Buat Akun"))
        layout = QVBoxLayout(self)
        if not self._pegawai:
            semua = QLabel(_("Semua pegawai aktif sudah memiliki akun."))
            semua.setProperty("peran", "info")
            layout.addWidget(semua)
        layout.addLayout(form)
        layout.addWidget(self.pesan)
        layout.addWidget(self.tombol)
        self.setMinimumWidth(LEBAR_DIALOG)

        self.pegawai.currentIndexChanged.connect(self._on_pegawai_currentIndexChanged)
        self.tombol.accepted.connect(self._on_tombol_accepted)
        self.tombol.rejected.connect(self.reject)

    def _on_pegawai_currentIndexChanged(self) -> None:
        pegawai_id = self.pegawai.currentData()
        row = next((r for r in self._pegawai if r.id == pegawai_id), None)
        if row is not None:
            self.login.setText(row.nip)

    def _on_tombol_accepted(self) -> None:
        self.galat.bersihkan()
        self.galat_ulangi.bersihkan()
        if self.pegawai.currentData() is None:
            self.galat.label("pegawai_id").galat(_("Pilih pegawai pemilik akun."))
            return
        if self.sandi.text() != self.ulangi.text():
            self.galat_ulangi.galat(_("Kedua kata sandi tidak sama."))
            return
        akun = aksi.jalankan(
            lambda: akun_service.buat_akun(
                self._aktor,
                self.login.text(),
                self.sandi.text(),
                pegawai_id=self.pegawai.currentData(),
                peran=[p for p, box in self.peran.items() if box.isChecked()],
            ),
            self.galat,
            umumkan=Entitas.AKUN,
        )
        if akun is None:
            return
        self.akun_id = akun.id
        self.accept()


class AturSandiDialog(QDialog):
    """The administrator sets a new password; the owner changes it at the next login."""

    def __init__(self, aktor: Aktor, row: BarisAkun, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self._row = row
        self.setWindowTitle(_("Atur Ulang Kata Sandi"))
        pemilik = QLabel(row.pegawai or row.login)
        gaya.huruf_besar(pemilik, 1.0)
        pengantar = QLabel(
            _(
                "Sampaikan kata sandi baru kepada pemilik akun secara langsung; ia harus "
                "menggantinya saat masuk. Kunci akun juga dibuka."
            )
        )
        pengantar.setWordWrap(True)
        pengantar.setProperty("peran", "info")
        self.sandi = _sandi()
        self.ulangi = _sandi()
        self.galat_sandi = LabelPesan()
        self.galat_ulangi = LabelPesan()
        self.pesan = LabelPesan()
        self.galat = GalatForm(self.pesan, sandi=self.galat_sandi)
        form = QFormLayout()
        form.addRow(_("Kata sandi baru"), self.sandi)
        baris_pesan(form, self.galat_sandi)
        form.addRow(_("Ulangi kata sandi"), self.ulangi)
        baris_pesan(form, self.galat_ulangi)
        self.tombol = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.tombol_simpan = _tombol(self.tombol, _("Simpan Kata Sandi"))
        layout = QVBoxLayout(self)
        layout.addWidget(pemilik)
        layout.addWidget(pengantar)
        layout.addLayout(form)
        layout.addWidget(self.pesan)
        layout.addWidget(self.tombol)
        self.setMinimumWidth(LEBAR_DIALOG)

        self.tombol.accepted.connect(self._on_tombol_accepted)
        self.tombol.rejected.connect(self.reject)

    def _on_tombol_accepted(self) -> None:
        self.galat.bersihkan()
        self.galat_ulangi.bersihkan()
        if self.sandi.text() != self.ulangi.text():
            self.galat_ulangi.galat(_("Kedua kata sandi tidak sama."))
            return
        if aksi.berhasil(
            lambda: akun_service.atur_sandi(self._aktor, self._row.id, self.sandi.text()),
            self.galat,
            umumkan=Entitas.AKUN,
        ):
            self.accept()


class AturPeranDialog(QDialog):
    def __init__(self, aktor: Aktor, row: BarisAkun, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self._row = row
        self.setWindowTitle(_("Atur Peran"))
        pengantar = QLabel(_("Peran tambahan untuk {akun}:").format(akun=row.pegawai or row.login))
        pengantar.setWordWrap(True)
        # The account's version, then its roles as they are now (the list may be older).
        self.dilihat = Dilihat(Entitas.AKUN, parent=self)
        self.dilihat.baca(row.id)
        current = akun_service.cari_akun(row.login)
        self.peran = _kotak_peran(current.peran_set if current is not None else row.peran)
        self.pesan = LabelPesan()
        self.tombol = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.tombol_simpan = _tombol(self.tombol, _("Simpan Peran"))
        layout = QVBoxLayout(self)
        layout.addWidget(pengantar)
        for box in self.peran.values():
            layout.addWidget(box)
        layout.addWidget(self.pesan)
        layout.addWidget(self.tombol)
        self.setMinimumWidth(LEBAR_DIALOG - 80)

        self.tombol.accepted.connect(self._on_tombol_accepted)
        self.tombol.rejected.connect(self.reject)

    def _on_tombol_accepted(self) -> None:
        peran = [p for p, box in self.peran.items() if box.isChecked()]
        if aksi.berhasil(
            lambda: self.dilihat.jalankan(
                lambda: akun_service.atur_peran(self._aktor, self._row.id, peran)),
            self.pesan,
            umumkan=Entitas.AKUN,
        ):
            self.accept()


class AkunPage(QWidget):
    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self.model = AkunTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(ROLE_SORT)
        self.tabel = QTableView()
        self.tabel.setModel(self.proxy)
        self.tabel.setSortingEnabled(True)
        self.tabel.sortByColumn(COL_PEGAWAI, Qt.SortOrder.AscendingOrder)
        self.tabel.setAlternatingRowColors(True)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tabel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabel.verticalHeader().setVisible(False)
        self.tabel.setWordWrap(False)

        self.tombol_buat = tombol_primer(_("Buat Akun…"))
        self.tombol_sandi = QPushButton(_("Atur Ulang Kata Sandi…"))
        self.tombol_kunci = QPushButton(_("Buka Kunci"))
        self.tombol_peran = QPushButton(_("Atur Peran…"))
        self.tombol_aktif = QPushButton(_("Nonaktifkan"))
        self.pesan = LabelPesan()
        self.jumlah = QLabel()
        self.jumlah.setProperty("peran", "info")

        actions = QHBoxLayout()
        for button in (
            self.tombol_buat,
            self.tombol_sandi,
            self.tombol_kunci,
            self.tombol_peran,
            self.tombol_aktif,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.jumlah)
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addWidget(self.pesan)
        layout.addWidget(self.tabel, 1)

        self.muat_ulang()
        self.tabel.resizeColumnsToContents()
        header = self.tabel.horizontalHeader()
        for col in range(N_COL):
            header.resizeSection(col, min(header.sectionSize(col), LEBAR_KOLOM_MAKS))
        header.setStretchLastSection(True)

        self.tabel.selectionModel().selectionChanged.connect(self._on_tabel_selectionChanged)
        self.tombol_buat.clicked.connect(self._on_tombol_buat_clicked)
        self.tombol_sandi.clicked.connect(self._on_tombol_sandi_clicked)
        self.tombol_kunci.clicked.connect(self._on_tombol_kunci_clicked)
        self.tombol_peran.clicked.connect(self._on_tombol_peran_clicked)
        self.tombol_aktif.clicked.connect(self._on_tombol_aktif_clicked)
        bus().data_changed.connect(self._on_bus_data_changed)
        self._perbarui_tombol()

    def muat_ulang(self) -> None:
        selected = self.akun_terpilih()
        self.model.set_rows(daftar.daftar_akun())
        if selected is not None:
            self.pilih(selected.id)
        self.jumlah.setText(_("{n} akun").format(n=self.model.rowCount()))
        self._perbarui_tombol()

    def akun_terpilih(self) -> BarisAkun | None:
        model = self.tabel.selectionModel()
        rows = model.selectedRows() if model is not None else []
        return rows[0].data(ROLE_BARIS) if rows else None

    def pilih(self, akun_id: uuid.UUID) -> None:
        row = self.model.row_of(akun_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.tabel.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _perbarui_tombol(self) -> None:
        row = self.akun_terpilih()
        for button in (self.tombol_sandi, self.tombol_peran, self.tombol_aktif):
            button.setEnabled(row is not None)
        self.tombol_kunci.setEnabled(row is not None and _terkunci(row))
        self.tombol_aktif.setText(
            _("Aktifkan") if row is not None and not row.aktif else _("Nonaktifkan")
        )

    def _jalankan(self, fungsi: Callable[[], object], berhasil: str) -> None:
        if aksi.berhasil(fungsi, self.pesan, umumkan=Entitas.AKUN):
            self.pesan.sukses(berhasil)

    def _on_bus_data_changed(self, entitas: str) -> None:
        if entitas in (Entitas.AKUN, Entitas.PEGAWAI):
            self.muat_ulang()

    def _on_tabel_selectionChanged(self, *args: object) -> None:
        self.pesan.bersihkan()
        self._perbarui_tombol()

    def _on_tombol_buat_clicked(self) -> None:
        dialog = BuatAkunDialog(self._aktor, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.akun_id is not None:
            self.pilih(dialog.akun_id)
            self.pesan.sukses(_("Akun dibuat."))

    def _on_tombol_sandi_clicked(self) -> None:
        row = self.akun_terpilih()
        if row is not None and AturSandiDialog(self._aktor, row, self).exec():
            self.pesan.sukses(
                _("Kata sandi {akun} diatur ulang.").format(akun=row.pegawai or row.login)
            )

    def _on_tombol_kunci_clicked(self) -> None:
        row = self.akun_terpilih()
        if row is not None:
            self._jalankan(
                lambda: akun_service.buka_kunci(self._aktor, row.id),
                _("Kunci akun {akun} dibuka.").format(akun=row.pegawai or row.login),
            )

    def _on_tombol_peran_clicked(self) -> None:
        row = self.akun_terpilih()
        if row is not None and AturPeranDialog(self._aktor, row, self).exec():
            self.pesan.sukses(_("Peran disimpan."))

    def _on_tombol_aktif_clicked(self) -> None:
        row = self.akun_terpilih()
        if row is None:
            return
        self._jalankan(
            lambda: akun_service.atur_aktif(self._aktor, row.id, not row.aktif),
            (
                _("Akun {akun} diaktifkan.")
                if not row.aktif
                else _("Akun {akun} dinonaktifkan; pemiliknya tidak dapat masuk lagi.")
            ).format(akun=row.pegawai or row.login),
        )
