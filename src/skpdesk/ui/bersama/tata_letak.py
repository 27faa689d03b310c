"""The main window's layout and keys: what each person left open, F5 and Ctrl+F in a tab.

Remembered per person (QSettings, under the login): the last tab and every splitter's position.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QLineEdit, QSplitter, QTabWidget, QWidget

from skpdesk.services.context import Aktor


def _kunci(aktor: Aktor, nama: str) -> str:
    return f"pengguna/{aktor.login}/{nama}"


def tab_terakhir(aktor: Aktor) -> str | None:
    value = QSettings().value(_kunci(aktor, "tab"))
    return value if isinstance(value, str) else None


def simpan_tab(aktor: Aktor, kunci: str) -> None:
    QSettings().setValue(_kunci(aktor, "tab"), kunci)


def ingat_splitter(aktor: Aktor, tempat: str, root: QWidget) -> None:
    """Restore every splitter under ``root`` and save it whenever the person drags it."""
    settings = QSettings()
    for nomor, splitter in enumerate(root.findChildren(QSplitter)):
        kunci = _kunci(aktor, f"splitter/{tempat}/{splitter.objectName() or nomor}")
        saved = settings.value(kunci)
        if isinstance(saved, QByteArray):
            splitter.restoreState(saved)
        splitter.splitterMoved.connect(
            lambda _pos, _index, s=splitter, k=kunci: QSettings().setValue(k, s.saveState())
        )


def halaman_tampil(tab: QWidget) -> list[QWidget]:
    """The tab's content and, inside it, the page in front of any nested tab widget."""
    hasil = [tab]
    for nested in tab.findChildren(QTabWidget):
        if nested.isVisible() and nested.currentWidget() is not None:
            hasil.append(nested.currentWidget())
    return hasil


def muat_ulang(tab: QWidget) -> None:
    """F5: the visible lists read the database again."""
    for widget in halaman_tampil(tab):
        fungsi = getattr(widget, "muat_ulang", None)
        if callable(fungsi):
            fungsi()


def fokus_cari(tab: QWidget) -> bool:
    """Ctrl+F: the search field of the visible list, selected for typing over."""
    kandidat = halaman_tampil(tab)
    for widget in kandidat[::-1] + [
        w for k in kandidat for w in k.findChildren(QWidget) if w.isVisible()
    ]:
        cari = getattr(widget, "cari", None)
        if isinstance(cari, QLineEdit) and cari.isVisible():
            cari.setFocus()
            cari.selectAll()
            return True
    return False
