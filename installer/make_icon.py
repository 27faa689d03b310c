"""Draw the application icon with Qt and write it as .png and as a Windows .ico.

Run once when the design changes (``python installer/make_icon.py``); the results are committed
in ``resources/ikon/``. The .ico holds classic 32-bit DIB images for the small sizes (every
Windows shell and NSIS read them) and a PNG for 256 px, as Windows Vista and later expect.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "resources" / "ikon"
SIZES = (16, 24, 32, 48, 256)
BLUE = QColor("#1558b0")
WHITE = QColor("#ffffff")
GREEN = QColor("#2e9d4a")


def draw(size: int) -> QImage:
    """A blue rounded sheet with a white tick and the letters SKP (from 32 px up)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(BLUE)
    p.drawRoundedRect(QRectF(s * 0.04, s * 0.04, s * 0.92, s * 0.92), s * 0.18, s * 0.18)
    if size >= 32:
        font = QFont("DejaVu Sans")
        font.setBold(True)
        font.setPixelSize(max(int(s * 0.30), 8))
        p.setFont(font)
        p.setPen(WHITE)
        p.drawText(QRectF(0, s * 0.10, s, s * 0.42), Qt.AlignmentFlag.AlignCenter, "SKP")
        top = 0.56
    else:
        top = 0.30
    pen = QPen(GREEN if size >= 32 else WHITE, max(s * 0.09, 1.5))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    h = 0.88 - top
    p.drawPolyline([
        QRectF(s * 0.28, s * (top + h * 0.45), 0, 0).topLeft(),
        QRectF(s * 0.44, s * (top + h * 0.80), 0, 0).topLeft(),
        QRectF(s * 0.74, s * (top + h * 0.10), 0, 0).topLeft(),
    ])
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """BITMAPINFOHEADER + bottom-up BGRA rows + an all-zero AND mask (alpha does the work)."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in reversed(range(size)):
        row = bytearray()
        for x in range(size):
            c = image.pixelColor(x, y)
            row += bytes((c.blue(), c.green(), c.red(), c.alpha()))
        rows.append(bytes(row))
    mask_row = ((size + 31) // 32) * 4
    return header + b"".join(rows) + b"\x00" * (mask_row * size)


def ico_bytes(images: list[QImage]) -> bytes:
    blobs = [png_bytes(i) if i.width() >= 256 else dib_bytes(i) for i in images]
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for image, blob in zip(images, blobs, strict=True):
        w = image.width() if image.width() < 256 else 0  # 0 means 256
        out += struct.pack("<BBBBHHII", w, w, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    return out + b"".join(blobs)


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    images = [draw(size) for size in SIZES]
    (OUT / "skpdesk.ico").write_bytes(ico_bytes(images))
    (OUT / "skpdesk.png").write_bytes(png_bytes(images[-1]))
    print(f"{OUT / 'skpdesk.ico'}, {OUT / 'skpdesk.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
