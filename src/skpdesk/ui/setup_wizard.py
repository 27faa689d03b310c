"""First run on an empty database: the instansi, its sub-units and the first administrator;
or, on another laptop of an office already set up, the office package (.skpx); or the office's
PostgreSQL server (set up from here when it is still empty)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from skpdesk.i18n import _
from skpdesk.services import akun as akun_service
from skpdesk.services import kantor, paket, server
from skpdesk.services.errors import LayananError, ValidasiGagal
from skpdesk.ui.bersama import aksi
from skpdesk.ui.bersama.widgets import LabelPesan, baris_pesan, tombol_primer

LEBAR = 640
TINGGI = 500


def _wajib(field: QLineEdit, label: LabelPesan, pesan: str) -> bool:
    if field.text().strip():
        label.bersihkan()
        return True
    label.galat(pesan)
    return False


class HalamanMulai(QWizardPage):
    """A new office, or this laptop joins an office set up elsewhere (its office package)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("Selamat datang di skpdesk"))
        self.setSubTitle(_("Pilih cara menyiapkan skpdesk di laptop ini."))
        self.hasil: paket.HasilImpor | None = None
        self.kantor_baru = QRadioButton(_("Siapkan kantor baru"))
        self.kantor_baru.setChecked(True)
        info_baru = QLabel(_(
            "Untuk pengadministrasi kepegawaian yang pertama kali menyiapkan kantornya: isi "
            "nama instansi, unit kerja dan akun administrator."))
        self.dari_paket = QRadioButton(_("Siapkan dari paket kantor"))
        info_paket = QLabel(_(
            "Kantor sudah disiapkan di laptop lain: pilih berkas paket kantor (.skpx) dari "
            "pengadministrasi kepegawaian. Sesudah itu masuk dengan NIP dan kata sandi Anda."))
        self.di_server = QRadioButton(_("Basis data kantor di server"))
        info_server = QLabel(_(
            "Kantor memakai satu server PostgreSQL di jaringan kantor: isi alamat server dan "
            "akun basis data dari pengelola server. Server yang masih kosong dapat disiapkan "
            "dari sini."))
        for label in (info_baru, info_paket, info_server):
            label.setWordWrap(True)
            label.setProperty("peran", "info")
            label.setContentsMargins(24, 0, 0, 8)
        pilihan = QButtonGroup(self)
        pilihan.addButton(self.kantor_baru)
        pilihan.addButton(self.dari_paket)
        pilihan.addButton(self.di_server)
        self.berkas = QLineEdit()
        self.berkas.setReadOnly(True)
        self.berkas.setPlaceholderText(_("Berkas paket kantor (.skpx)"))
        self.tombol_berkas = QPushButton(_("Pilih Berkas…"))
        self.galat = LabelPesan()
        baris = QHBoxLayout()
        baris.setContentsMargins(24, 0, 0, 0)
        baris.addWidget(self.berkas, 1)
        baris.addWidget(self.tombol_berkas)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kantor_baru)
        layout.addWidget(info_baru)
        layout.addWidget(self.dari_paket)
        layout.addWidget(info_paket)
        layout.addLayout(baris)
        layout.addWidget(self.galat)
        layout.addWidget(self.di_server)
        layout.addWidget(info_server)
        layout.addStretch(1)
        self._atur_tampil()
        self.dari_paket.toggled.connect(self._on_dari_paket_toggled)
        self.di_server.toggled.connect(self._on_dari_paket_toggled)
        self.tombol_berkas.clicked.connect(self._on_tombol_berkas_clicked)

    def _atur_tampil(self) -> None:
        on = self.dari_paket.isChecked()
        self.berkas.setEnabled(on)
        self.tombol_berkas.setEnabled(on)
        if not on:
            self.galat.bersihkan()
        wizard = self.wizard()
        if isinstance(wizard, SetupWizard):
            wizard.atur_tombol_selesai(on)
        # Finish instead of Next: setFinalPage makes the wizard update its buttons now.
        self.setFinalPage(on)
        self.completeChanged.emit()

    def _on_dari_paket_toggled(self) -> None:
        self._atur_tampil()

    def pilih_berkas(self) -> str:
        """Ask for the office package; a seam for tests."""
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Pilih paket kantor"), str(Path.home()),
            _("Paket skpdesk (*{ext})").format(ext=paket.EKSTENSI))
        return path

    def _on_tombol_berkas_clicked(self) -> None:
        path = self.pilih_berkas()
        if path:
            self.berkas.setText(path)
            self.galat.bersihkan()
            self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.dari_paket.isChecked() or bool(self.berkas.text())

    def nextId(self) -> int:
        if self.dari_paket.isChecked():
            return -1
        wizard = self.wizard()
        if self.di_server.isChecked() and isinstance(wizard, SetupWizard):
            return wizard.id_server
        return super().nextId()

    def validatePage(self) -> bool:
        if not self.dari_paket.isChecked():
            return True
        # A refused package changes nothing: the wizard stays here with the reason.
        try:
            self.hasil = paket.impor(Path(self.berkas.text()))
        except LayananError as exc:
            self.galat.galat(_("Paket kantor ditolak: {alasan}").format(alasan=exc))
            return False
        return True


class HalamanInstansi(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("Instansi"))
        self.setSubTitle(_("Nama kantor seperti yang tercetak pada kop surat dan formulir SKP."))
        self.nama = QLineEdit()
        self.nama.setPlaceholderText(_("contoh: Kecamatan Sukamaju"))
        self.daerah = QLineEdit()
        self.daerah.setPlaceholderText(_("contoh: Pemerintah Kabupaten Sindangsari"))
        self.alamat = QLineEdit()
        self.alamat.setPlaceholderText(_("Jalan, nomor, kode pos"))
        self.tempat = QLineEdit()
        self.tempat.setPlaceholderText(_("Kota/kecamatan di samping tanggal tanda tangan"))
        self.galat_nama = LabelPesan()
        self.galat_tempat = LabelPesan()
        form = QFormLayout(self)
        form.addRow(_("Nama instansi"), self.nama)
        baris_pesan(form, self.galat_nama)
        form.addRow(_("Pemerintah daerah"), self.daerah)
        form.addRow(_("Alamat"), self.alamat)
        form.addRow(_("Tempat"), self.tempat)
        baris_pesan(form, self.galat_tempat)

    def validatePage(self) -> bool:
        ok_nama = _wajib(self.nama, self.galat_nama, _("Nama instansi wajib diisi."))
        ok_tempat = _wajib(
            self.tempat,
            self.galat_tempat,
            _("Tempat (kota/kecamatan untuk tanda tangan) wajib diisi."),
        )
        return ok_nama and ok_tempat


class HalamanUnit(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("Unit Kerja"))
        self.setSubTitle(
            _(
                "Bagian-bagian kantor langsung di bawah pimpinan (sekretariat, seksi, bidang). "
                "Sub-bagian dapat ditambahkan nanti di tab Kepegawaian."
            )
        )
        self.baru = QLineEdit()
        self.baru.setPlaceholderText(_("Nama unit, contoh: Seksi Pemerintahan"))
        self.tombol_tambah = QPushButton(_("Tambah"))
        self.daftar = QListWidget()
        self.tombol_hapus = QPushButton(_("Hapus yang Dipilih"))
        self.galat = LabelPesan()
        petunjuk = QLabel(_("Klik dua kali sebuah unit untuk mengubah namanya. Boleh dikosongkan."))
        petunjuk.setProperty("peran", "info")

        row = QHBoxLayout()
        row.addWidget(self.baru, 1)
        row.addWidget(self.tombol_tambah)
        bawah = QHBoxLayout()
        bawah.addWidget(petunjuk, 1)
        bawah.addWidget(self.tombol_hapus)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.daftar, 1)
        layout.addLayout(bawah)
        layout.addWidget(self.galat)

        self.baru.returnPressed.connect(self._on_baru_returnPressed)
        self.tombol_tambah.clicked.connect(self._on_tombol_tambah_clicked)
        self.tombol_hapus.clicked.connect(self._on_tombol_hapus_clicked)

    def unit(self) -> list[str]:
        return [self.daftar.item(i).text().strip() for i in range(self.daftar.count())]

    def tambah(self, nama: str) -> None:
        nama = " ".join(nama.split())
        if not nama:
            return
        if nama.lower() in (n.lower() for n in self.unit()):
            self.galat.galat(_("Unit '{nama}' sudah ada dalam daftar.").format(nama=nama))
            return
        self.galat.bersihkan()
        item = QListWidgetItem(nama)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.daftar.addItem(item)

    def _on_baru_returnPressed(self) -> None:
        self._on_tombol_tambah_clicked()

    def _on_tombol_tambah_clicked(self) -> None:
        self.tambah(self.baru.text())
        self.baru.clear()
        self.baru.setFocus()

    def _on_tombol_hapus_clicked(self) -> None:
        for item in self.daftar.selectedItems():
            self.daftar.takeItem(self.daftar.row(item))

    def validatePage(self) -> bool:
        names = [n for n in self.unit() if n]
        if len({n.lower() for n in names}) != len(names):
            self.galat.galat(_("Nama unit kerja tidak boleh ganda."))
            return False
        self.galat.bersihkan()
        return True


class HalamanAdmin(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("Administrator Pertama"))
        self.setSubTitle(
            _(
                "Akun pengelola kepegawaian yang menyiapkan pegawai dan akun lainnya. "
                "Simpan kata sandinya di tempat yang aman."
            )
        )
        self.login = QLineEdit("admin")
        self.sandi = QLineEdit()
        self.sandi.setEchoMode(QLineEdit.EchoMode.Password)
        self.ulangi = QLineEdit()
        self.ulangi.setEchoMode(QLineEdit.EchoMode.Password)
        self.galat_login = LabelPesan()
        self.galat_sandi = LabelPesan()
        self.galat_ulangi = LabelPesan()
        petunjuk = QLabel(
            _("Minimal {n} karakter, memuat huruf dan angka.").format(
                n=akun_service.MIN_PANJANG_SANDI
            )
        )
        petunjuk.setProperty("peran", "info")
        form = QFormLayout(self)
        form.addRow(_("Nama pengguna"), self.login)
        baris_pesan(form, self.galat_login)
        form.addRow(_("Kata sandi"), self.sandi)
        form.addRow("", petunjuk)
        baris_pesan(form, self.galat_sandi)
        form.addRow(_("Ulangi kata sandi"), self.ulangi)
        baris_pesan(form, self.galat_ulangi)

    def validatePage(self) -> bool:
        ok = True
        if akun_service.LOGIN_POLA.match(self.login.text().strip()):
            self.galat_login.bersihkan()
        else:
            self.galat_login.galat(
                _(
                    "Nama pengguna 3–64 karakter: huruf, angka, titik, garis bawah atau "
                    "tanda hubung."
                )
            )
            ok = False
        problem = akun_service.periksa_sandi(self.sandi.text())
        if problem:
            self.galat_sandi.galat(problem)
            ok = False
        else:
            self.galat_sandi.bersihkan()
        if self.sandi.text() != self.ulangi.text():
            self.galat_ulangi.galat(_("Kedua kata sandi tidak sama."))
            ok = False
        else:
            self.galat_ulangi.bersihkan()
        return ok and self.wizard().simpan()

    def nextId(self) -> int:
        return -1  # the server page comes after it in the list, never after it in the flow


class HalamanServer(QWizardPage):
    """The office's PostgreSQL server: where it is and the account; tested before it is used.

    An office already on the server finishes here; an empty server goes on to the office
    pages, which then set it up (``server.siapkan``, as ``skpdesk server siapkan`` does).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("Basis Data Kantor di Server"))
        self.setSubTitle(_(
            "Alamat server PostgreSQL kantor dan akun basis datanya, dari pengelola server."))
        self.host = QLineEdit()
        self.host.setPlaceholderText(_("contoh: 192.168.1.10 atau server-kantor"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(server.PORT_BAWAAN)
        self.port.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.port.setMaximumWidth(self.port.fontMetrics().horizontalAdvance("0" * 9))
        self.nama_db = QLineEdit("skpdesk")
        self.pengguna = QLineEdit("skpdesk")
        self.sandi = QLineEdit()
        self.sandi.setEchoMode(QLineEdit.EchoMode.Password)
        self.sslmode = QComboBox()
        for mode in server.SSLMODE:
            self.sslmode.addItem(mode, mode)
        self.sslmode.setCurrentIndex(server.SSLMODE.index(server.SSLMODE_BAWAAN))
        petunjuk_ssl = QLabel(_(
            "prefer: terenkripsi bila server mendukung; require: wajib terenkripsi; "
            "verify-full: terenkripsi dan sertifikat server diperiksa."))
        petunjuk_ssl.setWordWrap(True)
        petunjuk_ssl.setProperty("peran", "info")
        self.tombol_uji = QPushButton(_("Uji Sambungan"))
        self.galat_host = LabelPesan()
        self.status = LabelPesan()
        self.isi: server.IsiServer | None = None
        self._url_teruji: str | None = None
        form = QFormLayout()
        form.addRow(_("Alamat server"), self.host)
        baris_pesan(form, self.galat_host)
        form.addRow(_("Port"), self.port)
        form.addRow(_("Nama basis data"), self.nama_db)
        form.addRow(_("Pengguna"), self.pengguna)
        form.addRow(_("Kata sandi"), self.sandi)
        form.addRow(_("Enkripsi (sslmode)"), self.sslmode)
        form.addRow("", petunjuk_ssl)
        uji = QHBoxLayout()
        uji.addWidget(self.tombol_uji)
        uji.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(uji)
        layout.addWidget(self.status)
        layout.addStretch(1)
        for field in (self.host, self.nama_db, self.pengguna, self.sandi):
            field.textChanged.connect(self._on_isian_changed)
        self.port.valueChanged.connect(self._on_isian_changed)
        self.sslmode.currentIndexChanged.connect(self._on_isian_changed)
        self.tombol_uji.clicked.connect(self._on_tombol_uji_clicked)

    def url(self) -> str:
        return server.buat_url(self.host.text(), self.port.value(), self.nama_db.text(),
                               self.pengguna.text(), self.sandi.text(),
                               self.sslmode.currentData())

    def _on_isian_changed(self) -> None:
        # What was tested no longer holds for other settings.
        if self._url_teruji is not None:
            self._url_teruji = None
            self.isi = None
            self.status.bersihkan()
            self._atur_akhir()

    def _atur_akhir(self) -> None:
        """An office already on the server: finish here; an empty one: on to the office."""
        final = self.isi is not None and self.isi.keadaan is server.Keadaan.SIAP
        self.setFinalPage(final)
        wizard = self.wizard()
        if isinstance(wizard, SetupWizard):
            wizard.setButtonText(QWizard.WizardButton.FinishButton,
                                 _("Sambungkan") if final else _("Siapkan Kantor"))
        self.completeChanged.emit()

    def uji(self) -> bool:
        """Test the settings as they are; the outcome is shown under the button."""
        if not self.host.text().strip():
            self.galat_host.galat(_("Alamat server wajib diisi."))
            return False
        self.galat_host.bersihkan()
        url = self.url()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            isi = server.uji(url)
        except server.ServerGagal as exc:
            self.isi = None
            self._url_teruji = None
            self.status.galat(str(exc))
            self._atur_akhir()
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.isi = isi
        self._url_teruji = url
        if isi.keadaan is server.Keadaan.SIAP:
            self.status.info(_(
                "Tersambung. Server berisi kantor '{kantor}'. Klik Sambungkan, lalu masuk "
                "dengan NIP dan kata sandi Anda.").format(kantor=isi.nama_kantor))
        else:
            self.status.info(_(
                "Tersambung, tetapi server belum disiapkan: basis datanya masih kosong. "
                "Pengadministrasi kepegawaian dapat menyiapkannya di sini (Lanjut: instansi, "
                "unit kerja, administrator pertama), atau di server dengan perintah "
                "'skpdesk server siapkan'."))
        self._atur_akhir()
        return True

    def _on_tombol_uji_clicked(self) -> None:
        self.uji()

    def initializePage(self) -> None:
        self._atur_akhir()

    def cleanupPage(self) -> None:
        # Back to the first page: its own finish text again.
        wizard = self.wizard()
        if isinstance(wizard, SetupWizard):
            wizard.atur_tombol_selesai(wizard.mulai.dari_paket.isChecked())

    def nextId(self) -> int:
        if self.isi is not None and self.isi.keadaan is server.Keadaan.SIAP:
            return -1
        wizard = self.wizard()
        return wizard.id_instansi if isinstance(wizard, SetupWizard) else -1

    def validatePage(self) -> bool:
        # The first press tests and shows what the server holds; the next one goes on.
        if self._url_teruji != self.url():
            self.uji()
            return False
        assert self.isi is not None
        if self.isi.keadaan is server.Keadaan.KOSONG:
            return True  # the office pages follow; the URL is saved once the office exists
        try:
            database = server.buka(self.url())
        except server.ServerGagal as exc:
            self.status.galat(str(exc))
            return False
        wizard = self.wizard()
        if isinstance(wizard, SetupWizard):
            wizard.basis_data = database
        server.simpan_url(self.url())
        return True


class SetupWizard(QWizard):
    """Creates the office through ``kantor.siapkan_kantor``; ``data`` holds what was saved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Penyiapan Awal skpdesk"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.data: kantor.DataKantor | None = None
        # The server's database once the laptop uses it (None: the local file as opened).
        self.basis_data: object | None = None
        self.mulai = HalamanMulai()
        self.instansi = HalamanInstansi()
        self.unit = HalamanUnit()
        self.admin = HalamanAdmin()
        self.server = HalamanServer()
        self._halaman: dict[str, tuple[int, LabelPesan]] = {}
        self.addPage(self.mulai)
        id_instansi = self.addPage(self.instansi)
        id_unit = self.addPage(self.unit)
        id_admin = self.addPage(self.admin)
        self.id_instansi = id_instansi
        self.id_server = self.addPage(self.server)
        self._halaman = {
            "nama_instansi": (id_instansi, self.instansi.galat_nama),
            "tempat": (id_instansi, self.instansi.galat_tempat),
            "unit": (id_unit, self.unit.galat),
            "admin_login": (id_admin, self.admin.galat_login),
            "admin_sandi": (id_admin, self.admin.galat_sandi),
        }
        self.setButtonText(QWizard.WizardButton.NextButton, _("Lanjut >"))
        self.setButtonText(QWizard.WizardButton.BackButton, _("< Kembali"))
        self.setButtonText(QWizard.WizardButton.FinishButton, _("Siapkan Kantor"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _("Batal"))
        self.setButton(QWizard.WizardButton.FinishButton, tombol_primer(_("Siapkan Kantor")))
        # A minimum, not only a size: a page's message must not shrink the wizard (LabelPesan
        # adjusts its dialog's size to show it).
        self.setMinimumSize(LEBAR, TINGGI)
        self.resize(LEBAR, TINGGI)

    @property
    def dari_paket(self) -> paket.HasilImpor | None:
        """What the office package brought, when the laptop was set up from one."""
        return self.mulai.hasil

    def atur_tombol_selesai(self, dari_paket: bool) -> None:
        self.setButtonText(QWizard.WizardButton.FinishButton,
                           _("Siapkan dari Paket") if dari_paket else _("Siapkan Kantor"))

    def data_kantor(self) -> kantor.DataKantor:
        return kantor.DataKantor(
            nama_instansi=self.instansi.nama.text(),
            pemerintah_daerah=self.instansi.daerah.text(),
            alamat=self.instansi.alamat.text(),
            tempat=self.instansi.tempat.text(),
            unit=tuple(self.unit.unit()),
            admin_login=self.admin.login.text().strip(),
            admin_sandi=self.admin.sandi.text(),
        )

    @property
    def ke_server(self) -> bool:
        """Whether the office is (to be) on the server rather than on this laptop."""
        return self.mulai.di_server.isChecked()

    def simpan(self) -> bool:
        """Create the office (on the server when chosen); on a refusal show it on its page and
        go back there."""
        data = self.data_kantor()
        if self.ke_server:
            url = self.server.url()
            if not aksi.berhasil(lambda: server.siapkan(url, data), self._tolak):
                return False
            server.simpan_url(url)
            self.basis_data = server.terbuka()
        elif not aksi.berhasil(lambda: kantor.siapkan_kantor(data), self._tolak):
            return False
        self.data = data
        return True

    def _tolak(self, exc: BaseException) -> None:
        if not isinstance(exc, ValidasiGagal):
            self.admin.galat_sandi.galat(str(exc))
            return
        first_page = None
        for key, message in exc.errors.items():
            page_id, label = self._halaman.get(key, (self.currentId(), self.admin.galat_sandi))
            label.galat(message)
            first_page = page_id if first_page is None else min(first_page, page_id)
        while first_page is not None and self.currentId() > first_page:
            self.back()
