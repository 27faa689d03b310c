"""Packages (.skpx) from a page: the exchange folder of this laptop and "Kirim" of one record.

The exchange folder (a flash disk or a shared folder) is a setting of this laptop, not of the
office: it is kept in QSettings beside the language (ui/bahasa.py). When it is set, "Kirim"
writes there directly; otherwise a save dialog asks where.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from skpdesk.domain.entitas import Entitas
from skpdesk.i18n import _
from skpdesk.services import paket
from skpdesk.services.context import Aktor
from skpdesk.services.errors import LayananError
from skpdesk.ui.bersama import aksi
from skpdesk.ui.bersama.widgets import LabelPesan

KUNCI_FOLDER = "pertukaran/folder"
KUNCI_TERAKHIR = "pertukaran/folder_simpan_terakhir"

Rekaman = tuple[Entitas, Any]


def saringan() -> str:
    return _("Paket skpdesk (*{ext})").format(ext=paket.EKSTENSI)


def folder_pertukaran() -> Path | None:
    value = QSettings().value(KUNCI_FOLDER)
    return Path(value) if isinstance(value, str) and value else None


def simpan_folder_pertukaran(folder: Path | None) -> None:
    if folder is None:
        QSettings().remove(KUNCI_FOLDER)
    else:
        QSettings().setValue(KUNCI_FOLDER, str(folder))


class FolderTidakAda(LayananError):
    """The exchange folder is set but not there (the flash disk is not plugged in)."""


def _folder_simpan_awal() -> Path:
    value = QSettings().value(KUNCI_TERAKHIR)
    if isinstance(value, str) and value and Path(value).is_dir():
        return Path(value)
    return Path.home()


def tujuan(parent: QWidget, nama: str) -> Path | None:
    """Where a package named ``nama`` goes: the exchange folder, or what the person picks."""
    folder = folder_pertukaran()
    if folder is not None:
        if not folder.is_dir():
            raise FolderTidakAda(_(
                "Folder pertukaran {folder} tidak ditemukan. Pasang flash disk-nya, atau pilih "
                "folder lain di Berkas → Folder pertukaran…").format(folder=folder))
        return folder / nama
    path, _filter = QFileDialog.getSaveFileName(
        parent, _("Kirim paket"), str(_folder_simpan_awal() / nama), saringan())
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() != paket.EKSTENSI:
        target = target.with_name(target.name + paket.EKSTENSI)
    QSettings().setValue(KUNCI_TERAKHIR, str(target.parent))
    return target


def _kata_galat(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return _("Paket tidak dapat ditulis: {galat}").format(galat=exc.strerror or exc)
    return str(exc)


def tulis(parent: QWidget, aktor: Aktor, items: Sequence[Rekaman], galat: aksi.Tempat,
          utama: Rekaman | None = None) -> Path | None:
    """Write a package of ``items``; the path written, or None (refused or cancelled)."""
    def target_and_write() -> Path | None:
        target = tujuan(parent, paket.nama_paket(items, aktor, utama))
        if target is None:
            return None
        return paket.ekspor_dokumen(aktor, target, items)

    return aksi.jalankan(target_and_write, galat, tangkap=(OSError,), pesan=_kata_galat,
                         judul=_("Paket tidak dikirim"))


def kabar_terkirim(path: Path) -> str:
    """The confirmation: where the package is, and what to do with it."""
    if folder_pertukaran() is not None:
        return _("Paket ditulis ke folder pertukaran: {path}").format(path=path)
    return _("Paket ditulis: {path}. Bawa berkas ini ke laptop penerima, lalu impor di sana "
             "(Berkas → Impor paket…).").format(path=path)


class TombolKirim(QPushButton):
    """"Kirim…": a package of the record on the page, for the other party's laptop.

    ``rekaman()`` gives the record shown (None: nothing to send); the outcome goes to ``pesan``.
    """

    def __init__(self, aktor: Aktor, rekaman: Callable[[], Rekaman | None], pesan: LabelPesan,
                 teks: str = "", parent: QWidget | None = None) -> None:
        # Where a page shows two records (an SKP and its evaluation) each button names its own.
        super().__init__(teks or _("Kirim…"), parent)
        self.setObjectName("tombol_kirim")
        self.setToolTip(_(
            "Tulis paket berisi data ini untuk laptop pihak lain (lewat flash disk atau "
            "folder bersama); di sana paket diimpor."))
        self._aktor = aktor
        self._rekaman = rekaman
        self._pesan = pesan
        self.clicked.connect(self._on_clicked)

    def _on_clicked(self) -> None:
        record = self._rekaman()
        if record is None:
            return
        self._pesan.bersihkan()
        items = paket.untuk_rekaman(*record)
        written = tulis(self, self._aktor, items, self._pesan, utama=record)
        if written is not None:
            self._pesan.sukses(kabar_terkirim(written))
