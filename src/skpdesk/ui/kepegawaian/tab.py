"""The Kepegawaian role tab: roster, accounts, office settings and backups for the administrator."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from skpdesk.i18n import _
from skpdesk.services.context import Aktor
from skpdesk.ui.kepegawaian.akun_page import AkunPage
from skpdesk.ui.kepegawaian.cadangan_page import CadanganPage
from skpdesk.ui.kepegawaian.pegawai_page import PegawaiPage
from skpdesk.ui.kepegawaian.pengaturan_page import PengaturanPage


class KepegawaianTab(QWidget):
    """Signals:
    basis_data_dipulihkan(): a backup replaced the database (from the Cadangan page).
    """

    basis_data_dipulihkan = Signal()

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pegawai = PegawaiPage(aktor)
        self.akun = AkunPage(aktor)
        self.pengaturan = PengaturanPage(aktor)
        self.cadangan = CadanganPage(aktor)
        self.cadangan.basis_data_dipulihkan.connect(self.basis_data_dipulihkan)
        self.halaman = QTabWidget()
        self.halaman.setDocumentMode(True)
        self.halaman.addTab(self.pegawai, _("Pegawai"))
        self.halaman.addTab(self.akun, _("Akun"))
        self.halaman.addTab(self.pengaturan, _("Pengaturan Kantor"))
        self.halaman.addTab(self.cadangan, _("Cadangan"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.halaman)
