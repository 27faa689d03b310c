"""One look for the whole application: Fusion, a readable font, colours for states and errors."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QLabel, QWidget

# Windows' default 9 pt is small for many office eyes; 10 pt still fits 1366×768.
UKURAN_HURUF = 10
SKALA_JUDUL = 1.5
SKALA_SUBJUDUL = 1.2

MERAH = "#b3261e"
HIJAU = "#1e7d32"
KUNING = "#9a6700"
ABU = "#5f6368"
BIRU = "#1558b0"
LATAR_KEPALA = "#eef3f9"
GARIS = "#c9d6e3"

# Status words and their colours, the same in every list and page.
WARNA_STATUS: dict[str, tuple[str, str]] = {
    # key: (text colour, background)
    "aktif": (HIJAU, "#e6f4ea"),
    "nonaktif": (ABU, "#eceff1"),
    "terkunci": (MERAH, "#fce8e6"),
    "ganti_sandi": (KUNING, "#fef7e0"),
    # The SKP planning chain: grey while the pegawai writes, amber while it waits on the
    # penilai, red when it came back, green once approved, deepening as the paper moves on.
    "DRAFT": (ABU, "#eceff1"),
    "DIAJUKAN": (KUNING, "#fef7e0"),
    "PERLU_REVISI": (MERAH, "#fce8e6"),
    "DISETUJUI": (HIJAU, "#e6f4ea"),
    "DICETAK": (HIJAU, "#d7efdd"),
    "DITANDATANGANI": ("#0d5c2a", "#c8e6c9"),
    "DISAHKAN_ATASAN": ("#0d5c2a", "#c8e6c9"),
    "DIKIRIM_BKPSDM": ("#0d5c2a", "#c8e6c9"),
    "DIARSIPKAN": (BIRU, "#e3edf9"),
    "": (ABU, "#ffffff"),  # no SKP yet
}

STYLESHEET = f"""
QPushButton {{ padding: 4px 12px; }}
QPushButton[primer="true"] {{
    background-color: {BIRU}; color: white; font-weight: 600;
    border: 1px solid #0f4a94; border-radius: 3px; padding: 5px 14px;
}}
QPushButton[primer="true"]:hover {{ background-color: #1a66c9; }}
QPushButton[primer="true"]:disabled {{ background-color: #9fb3c8; border-color: #9fb3c8; }}
QLabel[peran="galat"] {{ color: {MERAH}; }}
QLabel[peran="info"] {{ color: {ABU}; }}
QLabel[peran="sukses"] {{ color: {HIJAU}; }}
QFrame#kepala {{ background-color: {LATAR_KEPALA}; border-bottom: 1px solid {GARIS}; }}
QFrame#kartu {{ background-color: white; border: 1px solid {GARIS}; border-radius: 4px; }}
QLabel#kosong {{ color: {ABU}; }}
QFrame#catatan_kembali {{
    background-color: #fff4e5; border: 1px solid #f0b35a; border-left: 4px solid #e07b00;
    border-radius: 3px;
}}
QFrame#pemberitahuan {{
    background-color: #e3edf9; border: 1px solid #9fb3c8; border-left: 4px solid {BIRU};
    border-radius: 3px;
}}
QStatusBar QLabel {{ color: {ABU}; }}
QFrame#spanduk_galat {{
    background-color: #fce8e6; border-bottom: 1px solid #f1b6b0; border-left: 5px solid {MERAH};
}}
QFrame#spanduk_galat QLabel {{ color: #7a1a14; font-weight: 600; }}
QFrame#spanduk_catatan {{
    background-color: #fef7e0; border-bottom: 1px solid #f0d78a; border-left: 5px solid {KUNING};
}}
"""


def terapkan(app: QApplication) -> None:
    """Fusion style (safe on every Windows version), the font size and the stylesheet."""
    app.setStyle("Fusion")
    font = app.font()
    if font.pointSizeF() < UKURAN_HURUF:
        font.setPointSizeF(UKURAN_HURUF)
        app.setFont(font)
    app.setStyleSheet(STYLESHEET)


def huruf_besar(widget: QWidget, skala: float, tebal: bool = True) -> None:
    """Make a heading: the widget's font scaled from the application font."""
    font = QFont(widget.font())
    font.setPointSizeF(QApplication.font().pointSizeF() * skala)
    font.setBold(tebal)
    widget.setFont(font)


def judul(teks: str, skala: float = SKALA_SUBJUDUL) -> QLabel:
    label = QLabel(teks)
    huruf_besar(label, skala)
    return label


def warna_status(kunci: str) -> tuple[QColor, QColor]:
    fg, bg = WARNA_STATUS[kunci]
    return QColor(fg), QColor(bg)


def gaya_label_status(kunci: str) -> str:
    fg, bg = WARNA_STATUS[kunci]
    return (
        f"QLabel {{ color: {fg}; background-color: {bg}; border-radius: 3px; "
        f"padding: 1px 8px; font-weight: 600; }}"
    )
