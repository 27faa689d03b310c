"""The bukti dukung of one realisasi: a preview, open with the system viewer, remove.

Everyone who sees the evaluation may look at and open its evidence (the penilai rates what he
has seen); only the pegawai, while the period is open, may remove one (the service decides,
the button only follows it). Files are always found through ``path_bukti``: where they are
stored is the service's business.
"""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from skpdesk.documents import keluaran
from skpdesk.domain.entitas import Entitas
from skpdesk.i18n import _
from skpdesk.services import evaluasi as ev_service
from skpdesk.services.context import Aktor
from skpdesk.ui.bersama import aksi
from skpdesk.ui.bersama.widgets import LabelPesan

if TYPE_CHECKING:
    from skpdesk.store.models import BuktiDukung

UKURAN_PRATINJAU = QSize(520, 560)
GAMBAR = ("png", "jpg", "jpeg")


def _ukuran(bukti: BuktiDukung) -> str:
    if not bukti.ukuran:
        return ""
    kb = bukti.ukuran / 1024
    return f"{kb:.0f} KB" if kb < 1024 else f"{kb / 1024:.1f} MB".replace(".", ",")


class BuktiDialog(QDialog):
    """The evidence attached to one IKI's realisasi."""

    def __init__(
        self, aktor: Aktor, realisasi_id: uuid.UUID, judul: str, boleh_hapus: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self._realisasi_id = realisasi_id
        self._boleh_hapus = boleh_hapus
        self._bukti: list[BuktiDukung] = []
        self._sementara = tempfile.TemporaryDirectory(prefix="skpdesk-pratinjau-")
        self.berubah = False
        self.setWindowTitle(_("Bukti Dukung"))

        self.judul = QLabel(judul)
        self.judul.setWordWrap(True)
        self.daftar = QListWidget()
        self.daftar.setMinimumWidth(260)
        # A long file name is shortened in the middle (its type stays readable), whole as tooltip.
        self.daftar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.daftar.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.pratinjau = QLabel()
        self.pratinjau.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pratinjau.setMinimumSize(UKURAN_PRATINJAU)
        self.keterangan = QLabel()
        self.keterangan.setWordWrap(True)
        self.keterangan.setProperty("peran", "info")
        self.pesan = LabelPesan()

        self.tombol_buka = QPushButton(_("Buka"))
        self.tombol_buka.setToolTip(_("Buka dengan program bawaan komputer ini"))
        self.tombol_hapus = QPushButton(_("Hapus…"))
        self.tombol_hapus.setVisible(boleh_hapus)
        tutup = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        tutup.button(QDialogButtonBox.StandardButton.Close).setText(_("Tutup"))

        kanan = QVBoxLayout()
        kanan.addWidget(self.pratinjau, 1)
        kanan.addWidget(self.keterangan)
        isi = QHBoxLayout()
        isi.addWidget(self.daftar)
        isi.addLayout(kanan, 1)
        tombol = QHBoxLayout()
        tombol.addWidget(self.tombol_buka)
        tombol.addWidget(self.tombol_hapus)
        tombol.addStretch(1)
        tombol.addWidget(tutup)
        layout = QVBoxLayout(self)
        layout.addWidget(self.judul)
        layout.addWidget(self.pesan)
        layout.addLayout(isi, 1)
        layout.addLayout(tombol)

        self.daftar.currentRowChanged.connect(self._tampilkan)
        self.daftar.itemDoubleClicked.connect(self._on_tombol_buka_clicked)
        self.tombol_buka.clicked.connect(self._on_tombol_buka_clicked)
        self.tombol_hapus.clicked.connect(self._on_tombol_hapus_clicked)
        tutup.rejected.connect(self.reject)
        self.finished.connect(lambda _r: self._sementara.cleanup())
        self._muat()

    # --- seams for tests ------------------------------------------------------------------------

    def pembuka(self, url: QUrl) -> bool:
        """Hand a file or link to the system's own viewer."""
        return QDesktopServices.openUrl(url)

    def konfirmasi(self, teks: str) -> bool:
        answer = QMessageBox.question(self, _("Hapus bukti dukung"), teks)
        return answer == QMessageBox.StandardButton.Yes

    # --- showing --------------------------------------------------------------------------------

    def _muat(self) -> None:
        self._bukti = ev_service.bukti_realisasi(self._realisasi_id)
        self.daftar.clear()
        for b in self._bukti:
            nama = b.nama_asli or b.url or ""
            detail = _("tautan") if b.jenis == "LINK" else f"{(b.tipe or '').upper()} {_ukuran(b)}"
            item = QListWidgetItem(f"{nama}\n{detail.strip()}")
            item.setToolTip(nama)
            self.daftar.addItem(item)
        if self._bukti:
            self.daftar.setCurrentRow(0)
        else:
            self._tampilkan(-1)

    @property
    def terpilih(self) -> BuktiDukung | None:
        n = self.daftar.currentRow()
        return self._bukti[n] if 0 <= n < len(self._bukti) else None

    def _ikon(self) -> QPixmap:
        return self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon).pixmap(64, 64)

    def _tampilkan(self, _row: int) -> None:
        bukti = self.terpilih
        self.tombol_buka.setEnabled(bukti is not None)
        self.tombol_hapus.setEnabled(bukti is not None)
        self.pratinjau.clear()
        if bukti is None:
            self.keterangan.setText(_("Belum ada bukti dukung pada indikator ini."))
            return
        if bukti.jenis == "LINK":
            self.pratinjau.setPixmap(self._ikon())
            self.keterangan.setText(
                _("Tautan {url}: klik Buka untuk membukanya di peramban.").format(url=bukti.url)
            )
            return
        path = ev_service.path_bukti(bukti)
        if path is None or not path.is_file():
            self.pratinjau.setPixmap(self._ikon())
            self.keterangan.setText(
                _("Berkas {nama} tidak ada di komputer ini (mungkin terlampir di laptop lain); "
                  "minta pegawai mengirim paket evaluasinya lagi.").format(nama=bukti.nama_asli)
            )
            return
        gambar = self._gambar(bukti, path)
        if gambar is not None and not gambar.isNull():
            self.pratinjau.setPixmap(
                gambar.scaled(self.pratinjau.size(), Qt.AspectRatioMode.KeepAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)
            )
            halaman = _("halaman pertama; ") if bukti.tipe == "pdf" else ""
            self.keterangan.setText(
                _("{nama} ({halaman}klik Buka untuk melihat utuh).").format(
                    nama=bukti.nama_asli, halaman=halaman)
            )
            return
        self.pratinjau.setPixmap(self._ikon())
        if bukti.tipe == "pdf":
            note = _("{nama}: pratinjau PDF tidak tersedia di komputer ini; klik Buka untuk "
                     "melihatnya dengan pembaca PDF.")
        else:
            note = _("{nama}: berkas {tipe} tidak dapat dipratinjau; klik Buka untuk melihatnya.")
        self.keterangan.setText(note.format(nama=bukti.nama_asli, tipe=(bukti.tipe or "").upper()))

    def _gambar(self, bukti: BuktiDukung, path: Path) -> QPixmap | None:
        if bukti.tipe in GAMBAR:
            return QPixmap(str(path))
        if bukti.tipe == "pdf":
            folder = Path(self._sementara.name) / bukti.id.hex
            png = keluaran.halaman_pertama(path, folder)
            return QPixmap(str(png)) if png is not None else None
        return None

    # --- actions --------------------------------------------------------------------------------

    def _on_tombol_buka_clicked(self) -> None:
        bukti = self.terpilih
        if bukti is None:
            return
        self.pesan.bersihkan()
        if bukti.jenis == "LINK":
            url = QUrl(bukti.url or "")
        else:
            path = ev_service.path_bukti(bukti)
            if path is None or not path.is_file():
                self.pesan.galat(_("Berkas {nama} tidak ditemukan di komputer ini.").format(
                    nama=bukti.nama_asli))
                return
            url = QUrl.fromLocalFile(str(path))
        if not self.pembuka(url):
            self.pesan.galat(
                _("Tidak ada program di komputer ini untuk membuka {nama}.").format(
                    nama=bukti.nama_asli or bukti.url)
            )

    def _on_tombol_hapus_clicked(self) -> None:
        bukti = self.terpilih
        if bukti is None or not self._boleh_hapus:
            return
        nama = bukti.nama_asli or bukti.url
        if not self.konfirmasi(
            _("Hapus bukti dukung {nama}? Penghapusan tercatat di riwayat evaluasi.").format(
                nama=nama)
        ):
            return
        bukti_id = bukti.id
        if aksi.berhasil(lambda: ev_service.hapus_bukti(self._aktor, bukti_id), self.pesan,
                         umumkan=Entitas.EVALUASI):
            self.berubah = True
            self._muat()
            self.pesan.sukses(_("Bukti dukung {nama} dihapus.").format(nama=nama))
