"""The login dialog and the change-password dialog (forced after a reset by the administrator)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain.entitas import Entitas
from skpdesk.i18n import _
from skpdesk.services import akun as akun_service
from skpdesk.services import daftar, kantor
from skpdesk.services.context import Aktor
from skpdesk.services.errors import (
    BasisDataSibuk,
    KoneksiTerputus,
    LayananError,
    LoginGagal,
    ValidasiGagal,
)
from skpdesk.ui.bersama import aksi, gaya
from skpdesk.ui.bersama.widgets import GalatForm, LabelPesan, baris_pesan, tombol_primer

LOGO_TINGGI = 72
LEBAR_DIALOG = 420


def _field_password() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class GantiSandiDialog(QDialog):
    """The owner changes her password: old, new, and the new one again."""

    def __init__(
        self,
        aktor: Aktor,
        wajib: bool = False,
        sandi_lama: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self.setWindowTitle(_("Ganti Kata Sandi"))
        self.pengantar = QLabel(
            _(
                "Kata sandi Anda diatur ulang oleh pengelola kepegawaian. Buat kata sandi baru "
                "sebelum melanjutkan."
            )
            if wajib
            else _("Buat kata sandi baru untuk akun {login}.").format(login=aktor.login)
        )
        self.pengantar.setWordWrap(True)
        self.sandi_lama = _field_password()
        self.sandi_lama.setText(sandi_lama)
        self.sandi_baru = _field_password()
        self.ulangi = _field_password()
        self.galat_lama = LabelPesan()
        self.galat_baru = LabelPesan()
        self.galat_ulangi = LabelPesan()
        self.pesan = LabelPesan()
        self.galat = GalatForm(self.pesan, sandi_lama=self.galat_lama, sandi_baru=self.galat_baru)
        petunjuk = QLabel(
            _("Minimal {n} karakter, memuat huruf dan angka.").format(
                n=akun_service.MIN_PANJANG_SANDI
            )
        )
        gaya_info(petunjuk)

        form = QFormLayout()
        form.addRow(_("Kata sandi lama"), self.sandi_lama)
        baris_pesan(form, self.galat_lama)
        form.addRow(_("Kata sandi baru"), self.sandi_baru)
        form.addRow("", petunjuk)
        baris_pesan(form, self.galat_baru)
        form.addRow(_("Ulangi kata sandi baru"), self.ulangi)
        baris_pesan(form, self.galat_ulangi)

        self.tombol = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.tombol_simpan = tombol_primer(_("Simpan Kata Sandi"))
        self.tombol.addButton(self.tombol_simpan, QDialogButtonBox.ButtonRole.AcceptRole)
        self.tombol_simpan.setDefault(True)
        self.tombol.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Batal"))
        self.tombol.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pengantar)
        layout.addLayout(form)
        layout.addWidget(self.pesan)
        layout.addWidget(self.tombol)
        self.setMinimumWidth(LEBAR_DIALOG + 60)

        self.tombol.accepted.connect(self._on_tombol_accepted)
        self.tombol.rejected.connect(self.reject)
        (self.sandi_baru if sandi_lama else self.sandi_lama).setFocus()

    def _on_tombol_accepted(self) -> None:
        self.galat.bersihkan()
        self.galat_ulangi.bersihkan()
        if self.sandi_baru.text() != self.ulangi.text():
            self.galat_ulangi.galat(_("Kedua kata sandi baru tidak sama."))
            self.ulangi.setFocus()
            return
        if aksi.berhasil(
            lambda: akun_service.ganti_sandi(
                self._aktor, self.sandi_lama.text(), self.sandi_baru.text()
            ),
            self._tolak,
            umumkan=Entitas.AKUN,
        ):
            self.accept()

    def _tolak(self, exc: BaseException) -> None:
        self.galat.tampilkan(exc)
        if isinstance(exc, ValidasiGagal) and "sandi_lama" in exc.errors:
            self.sandi_lama.setFocus()


def gaya_info(label: QLabel) -> None:
    label.setProperty("peran", "info")
    label.setWordWrap(True)


class LoginDialog(QDialog):
    """NIP or username and password; the office above. ``aktor`` holds who logged in."""

    def __init__(self, petunjuk: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.aktor: Aktor | None = None
        self.setWindowTitle(_("Masuk — skpdesk"))

        kepala = QVBoxLayout()
        self.logo = QLabel()
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo.setVisible(False)
        self.nama_kantor = gaya.judul("", gaya.SKALA_JUDUL)
        self.nama_kantor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nama_kantor.setWordWrap(True)
        self.daerah = QLabel()
        self.daerah.setAlignment(Qt.AlignmentFlag.AlignCenter)
        gaya_info(self.daerah)
        kepala.addWidget(self.logo)
        kepala.addWidget(self.nama_kantor)
        kepala.addWidget(self.daerah)
        self._isi_kantor()

        self.petunjuk = QLabel(petunjuk)
        self.petunjuk.setWordWrap(True)
        self.petunjuk.setStyleSheet(
            f"QLabel {{ background: {gaya.WARNA_STATUS['ganti_sandi'][1]}; "
            f"border: 1px solid #e8d28a; border-radius: 3px; padding: 6px; }}"
        )
        self.petunjuk.setVisible(bool(petunjuk))

        self.login = QLineEdit()
        self.login.setPlaceholderText(_("contoh: 198504102010012003"))
        self.sandi = _field_password()
        self.pesan = LabelPesan()
        form = QFormLayout()
        form.addRow(_("NIP atau nama pengguna"), self.login)
        form.addRow(_("Kata sandi"), self.sandi)

        lupa = QLabel(_("Lupa kata sandi? Hubungi pengelola kepegawaian."))
        gaya_info(lupa)

        self.tombol = QDialogButtonBox()
        self.tombol_masuk = tombol_primer(_("Masuk"))
        self.tombol_keluar = self.tombol.addButton(
            _("Keluar"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.tombol.addButton(self.tombol_masuk, QDialogButtonBox.ButtonRole.AcceptRole)
        self.tombol_keluar.setAutoDefault(False)
        # Enter logs in: the default button must be set after addButton, which resets it.
        self.tombol_masuk.setDefault(True)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(kepala)
        layout.addSpacing(6)
        layout.addWidget(self.petunjuk)
        layout.addLayout(form)
        layout.addWidget(self.pesan)
        layout.addWidget(lupa)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.tombol)
        layout.addLayout(row)
        self.setMinimumWidth(LEBAR_DIALOG)

        self.tombol.accepted.connect(self._on_tombol_accepted)
        self.tombol.rejected.connect(self.reject)
        self.login.setFocus()

    def _isi_kantor(self) -> None:
        try:
            instansi = kantor.instansi()
            setting = kantor.pengaturan()
        except LayananError:  # no office yet (before the setup wizard): nothing is refused
            self.nama_kantor.setText("skpdesk")
            return
        self.nama_kantor.setText(instansi.nama)
        self.daerah.setText(instansi.pemerintah_daerah)
        self.daerah.setVisible(bool(instansi.pemerintah_daerah))
        if setting.logo:
            pixmap = QPixmap()
            if pixmap.loadFromData(bytes(setting.logo)):
                self.logo.setPixmap(
                    pixmap.scaledToHeight(LOGO_TINGGI, Qt.TransformationMode.SmoothTransformation)
                )
                self.logo.setVisible(True)

    def _on_tombol_accepted(self) -> None:
        self.pesan.bersihkan()
        if not self.login.text().strip():
            self.pesan.galat(_("Isi NIP atau nama pengguna."))
            self.login.setFocus()
            return
        try:
            aktor = akun_service.masuk(self.login.text(), self.sandi.text())
        except (BasisDataSibuk, KoneksiTerputus) as exc:
            # Nothing was counted: the same password may be tried again in a moment.
            self.pesan.galat(str(exc))
            self.sandi.setFocus()
            return
        except LoginGagal as exc:
            self.pesan.galat(str(exc))
            self.sandi.clear()
            self.sandi.setFocus()
            return
        sandi = self.sandi.text()
        if daftar.harus_ganti_sandi(aktor.akun_id) and not self._ganti_sandi(aktor, sandi):
            self.pesan.galat(_("Kata sandi harus diganti sebelum Anda dapat melanjutkan."))
            self.sandi.clear()
            return
        self.aktor = aktor
        self.accept()

    def _ganti_sandi(self, aktor: Aktor, sandi_lama: str) -> bool:
        dialog = GantiSandiDialog(aktor, wajib=True, sandi_lama=sandi_lama, parent=self)
        return dialog.exec() == QDialog.DialogCode.Accepted
