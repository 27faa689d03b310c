"""The "Tentang" dialog: version, licence, where the data and the log are, and the UI language."""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skpdesk import __version__, logfile
from skpdesk.i18n import _
from skpdesk.resources import resource_path
from skpdesk.services.basisdata import data_dir
from skpdesk.ui.bahasa import PilihBahasa
from skpdesk.ui.bersama import gaya

LISENSI_SPDX = "GPL-3.0-or-later"
BERKAS_LISENSI = "LICENSE.txt"
SKALA_JUDUL = 1.5
LEBAR = 620


def teks_lisensi() -> str:
    try:
        return resource_path(BERKAS_LISENSI).read_text(encoding="utf-8")
    except OSError:  # an installation with the file removed still names the licence
        return "GNU General Public License v3.0 or later — https://www.gnu.org/licenses/gpl-3.0.html"


def _label_terpilih(teks: str) -> QLabel:
    label = QLabel(teks)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class LisensiDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Lisensi skpdesk"))
        self.teks = QPlainTextEdit(teks_lisensi())
        self.teks.setReadOnly(True)
        tombol = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        tombol.button(QDialogButtonBox.StandardButton.Close).setText(_("Tutup"))
        tombol.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.teks)
        layout.addWidget(tombol)
        self.resize(680, 560)


class TentangDialog(QDialog):
    """Who made what is running, under which licence, and where it keeps its files."""

    def __init__(self, database_description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Tentang skpdesk"))

        ikon = QLabel()
        ikon.setPixmap(QIcon(str(resource_path("ikon/skpdesk.png"))).pixmap(64, 64))
        self.judul = QLabel(_("skpdesk {versi}").format(versi=__version__))
        gaya.huruf_besar(self.judul, SKALA_JUDUL)
        ringkas = QLabel(
            _(
                "Aplikasi desktop luring untuk siklus Sasaran Kinerja Pegawai (SKP) "
                "kantor pemerintahan."
            )
        )
        ringkas.setWordWrap(True)
        kepala_teks = QVBoxLayout()
        kepala_teks.addWidget(self.judul)
        kepala_teks.addWidget(ringkas)
        kepala = QHBoxLayout()
        kepala.addWidget(ikon, 0, Qt.AlignmentFlag.AlignTop)
        kepala.addLayout(kepala_teks, 1)

        self.nama_lisensi = _label_terpilih(
            _("GNU General Public License versi 3 atau yang lebih baru ({spdx})").format(
                spdx=LISENSI_SPDX
            )
        )
        gaya.huruf_besar(self.nama_lisensi, 1.0)
        self.lisensi = _label_terpilih(
            _(
                "skpdesk adalah perangkat lunak bebas: Anda boleh menyebarluaskan dan/atau "
                "mengubahnya menurut ketentuan lisensi itu. skpdesk disebarkan dengan harapan "
                "bermanfaat, tetapi TANPA JAMINAN APA PUN, bahkan tanpa jaminan tersirat bahwa "
                "ia layak diperdagangkan atau cocok untuk keperluan tertentu."
            )
        )
        self.tombol_lisensi = QPushButton(_("Lihat Teks &Lisensi…"))
        lisensi_box = QGroupBox(_("Lisensi"))
        lisensi_layout = QVBoxLayout(lisensi_box)
        lisensi_layout.addWidget(self.nama_lisensi)
        lisensi_layout.addWidget(self.lisensi)
        lisensi_layout.addWidget(self.tombol_lisensi, 0, Qt.AlignmentFlag.AlignLeft)

        self.folder_data = data_dir()
        self.folder_log = logfile.log_path().parent
        self.label_data = _label_terpilih(str(self.folder_data))
        self.label_db = _label_terpilih(database_description)
        self.label_log = _label_terpilih(str(self.folder_log))
        self.tombol_folder_data = QPushButton(_("Buka Folder &Data"))
        self.tombol_folder_log = QPushButton(_("Buka Folder L&og"))
        self.label_versi = _label_terpilih(
            _("Python {python} · Qt {qt} · PySide6 {pyside}").format(
                python=platform.python_version(), qt=qVersion(), pyside=PySide6.__version__
            )
        )
        data_box = QGroupBox(_("Data dan sistem"))
        form = QFormLayout(data_box)
        form.addRow(_("Folder data"), self.label_data)
        form.addRow(_("Basis data"), self.label_db)
        form.addRow(_("Folder log"), self.label_log)
        folder_tombol = QHBoxLayout()
        folder_tombol.addWidget(self.tombol_folder_data)
        folder_tombol.addWidget(self.tombol_folder_log)
        folder_tombol.addStretch(1)
        form.addRow("", folder_tombol)
        form.addRow(_("Versi"), self.label_versi)

        self.bahasa = PilihBahasa()
        bahasa_box = QGroupBox(_("Tampilan"))
        QVBoxLayout(bahasa_box).addWidget(self.bahasa)

        self.tombol = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.tombol.button(QDialogButtonBox.StandardButton.Close).setText(_("Tutup"))
        self.tombol.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(kepala)
        layout.addWidget(lisensi_box)
        layout.addWidget(data_box)
        layout.addWidget(bahasa_box)
        layout.addWidget(self.tombol)
        # Wrapped labels get their height for the dialog's width, never a clipped last line.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        self.lisensi.setMinimumWidth(LEBAR)

        self.tombol_lisensi.clicked.connect(self._on_tombol_lisensi_clicked)
        self.tombol_folder_data.clicked.connect(self._on_tombol_folder_data_clicked)
        self.tombol_folder_log.clicked.connect(self._on_tombol_folder_log_clicked)

    def _on_tombol_lisensi_clicked(self) -> None:
        LisensiDialog(self).exec()

    @staticmethod
    def _buka(folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _on_tombol_folder_data_clicked(self) -> None:
        self._buka(self.folder_data)

    def _on_tombol_folder_log_clicked(self) -> None:
        self._buka(self.folder_log)
