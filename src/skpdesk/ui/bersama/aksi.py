"""One way for a screen to run a service call (in the spirit of Anki's ``CollectionOp``).

A refusal (``LayananError``) is shown where that screen shows its messages; a busy database
or a dropped server connection first offers "Coba lagi" (nothing was written, the same call
runs again); a success is
announced on the bus so that every list showing the changed records refreshes. Screens then
only say what to call, where a refusal goes and what changed::

    skp = aksi.jalankan(
        lambda: skp_service.simpan_isi(aktor, skp_id, isi),
        self.pesan,                      # a LabelPesan, a GalatForm, a callable or a widget
        umumkan=Entitas.SKP,
    )
    if skp is None:
        return                           # refused: the message is already on the screen
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from skpdesk.i18n import _
from skpdesk.services.errors import BasisDataSibuk, KoneksiTerputus, LayananError
from skpdesk.ui.bersama import bus
from skpdesk.ui.bersama.widgets import GalatForm, LabelPesan

T = TypeVar("T")

# Where a refusal goes: the message label of the form or page, the form's field labels, a
# screen's own handling (inline errors in a table…), or a message box over a widget.
Tempat = LabelPesan | GalatForm | Callable[[BaseException], object] | QWidget
Pengumuman = str | Iterable[str] | Callable[[T], Iterable[str]]


def tampilkan_galat(
    tempat: Tempat, exc: BaseException, teks: str | None = None, judul: str = ""
) -> None:
    """Show one refusal in its place; ``teks`` replaces the plain message where one is shown."""
    message = str(exc) if teks is None else teks
    if isinstance(tempat, LabelPesan):
        tempat.galat(message)
    elif isinstance(tempat, GalatForm):
        # Field by field needs the exception itself (ValidasiGagal.errors); a rewritten
        # message has no fields and goes to the form's general label.
        tempat.tampilkan(exc if teks is None else LayananError(message))
    elif isinstance(tempat, QWidget):
        QMessageBox.warning(tempat, judul or _("Tidak dapat dilanjutkan"), message)
    else:
        tempat(exc)


def _entitas(umumkan: Pengumuman, hasil: object) -> tuple[str, ...]:
    if isinstance(umumkan, str):
        return (umumkan,)
    if callable(umumkan):
        return tuple(umumkan(hasil))
    return tuple(umumkan)


# The database was busy or the server connection dropped: nothing was written, and the same
# call may simply be tried again.
SEMENTARA = (BasisDataSibuk, KoneksiTerputus)


class KotakCobaLagi(QMessageBox):
    """"Basis data sedang dipakai…": Coba lagi or Batal."""

    def __init__(self, exc: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(_("Belum dapat disimpan"))
        self.setText(str(exc))
        self.tombol_coba = self.addButton(_("Coba lagi"), QMessageBox.ButtonRole.AcceptRole)
        self.tombol_batal = self.addButton(_("Batal"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.tombol_coba)
        self.setEscapeButton(self.tombol_batal)

    def coba_lagi(self) -> bool:
        self.exec()
        return self.clickedButton() is self.tombol_coba


def _induk(galat: Tempat) -> QWidget | None:
    if isinstance(galat, QWidget):
        return galat.window()
    return QApplication.activeWindow()


def _panggil(fungsi: Callable[[], T], galat: Tempat) -> T:
    """Call ``fungsi``, offering to try again while the database is busy or unreachable."""
    while True:
        try:
            return fungsi()
        except SEMENTARA as exc:
            if not KotakCobaLagi(exc, _induk(galat)).coba_lagi():
                raise


def _coba(
    fungsi: Callable[[], T],
    galat: Tempat,
    umumkan: Pengumuman,
    pesan: Callable[[BaseException], str] | None,
    tangkap: tuple[type[BaseException], ...],
    judul: str,
) -> tuple[bool, T | None]:
    try:
        hasil = _panggil(fungsi, galat)
    except (LayananError, *tangkap) as exc:
        tampilkan_galat(galat, exc, pesan(exc) if pesan is not None else None, judul)
        return False, None
    bus.umumkan(*_entitas(umumkan, hasil))
    return True, hasil


def jalankan(
    fungsi: Callable[[], T],
    galat: Tempat,
    *,
    umumkan: Pengumuman = (),
    pesan: Callable[[BaseException], str] | None = None,
    tangkap: tuple[type[BaseException], ...] = (),
    judul: str = "",
) -> T | None:
    """Run ``fungsi``; its result, or None when a service refused (the refusal is shown).

    ``galat``: where a refusal is shown (see ``Tempat``).
    ``umumkan``: the bus entities changed on success (or a function of the result giving them).
    ``pesan``: the text shown instead of the plain message (a prefix, a hint).
    ``tangkap``: other exceptions shown the same way (file errors of a document, a scan).
    ``judul``: the title of the message box when ``galat`` is a plain widget.
    """
    return _coba(fungsi, galat, umumkan, pesan, tangkap, judul)[1]


def berhasil(
    fungsi: Callable[[], object],
    galat: Tempat,
    *,
    umumkan: Pengumuman = (),
    pesan: Callable[[BaseException], str] | None = None,
    tangkap: tuple[type[BaseException], ...] = (),
    judul: str = "",
) -> bool:
    """Like ``jalankan`` for calls that return nothing: True when the service accepted it."""
    return _coba(fungsi, galat, umumkan, pesan, tangkap, judul)[0]
