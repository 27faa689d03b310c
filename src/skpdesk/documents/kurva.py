"""The kurva distribusi of a unit (docs/domain.md §2.9.5) as a PNG, drawn without Qt or Pillow.

The chart is small and fixed in shape: five bars, the frequency over each, a line through their
tops, the predikat under each. A 5×7 bitmap font and a minimal PNG writer (``zlib`` + ``struct``)
are enough, and rendering stays possible in the headless CLI and in a worker thread.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Mapping
from functools import lru_cache

from skpdesk.domain.aturan import Predikat
from skpdesk.domain.scoring import URUTAN_KURVA

# The x axis as the form prints it, two lines at most under each bar.
LABEL_KURVA: dict[Predikat, tuple[str, ...]] = {
    Predikat.SANGAT_KURANG: ("SANGAT", "KURANG"),
    Predikat.KURANG_MISCONDUCT: ("KURANG/", "MISCONDUCT"),
    Predikat.BUTUH_PERBAIKAN: ("BUTUH", "PERBAIKAN"),
    Predikat.BAIK: ("BAIK",),
    Predikat.SANGAT_BAIK: ("SANGAT", "BAIK"),
}


def data_kurva(frekuensi: Mapping[Predikat | str, int]) -> list[dict[str, str]]:
    """The chart's points in x-axis order: the predikat, its label, how many pegawai hold it.

    JSON-ready (strings), so that the archive keeps what the chart showed.
    """
    counts = {Predikat.dari(k): int(v) for k, v in frekuensi.items()}
    return [
        {"kode": p.value, "label": " ".join(LABEL_KURVA[p]), "jumlah": str(counts.get(p, 0))}
        for p in URUTAN_KURVA
    ]


# --- a 5×7 font: each glyph is seven rows of five bits -----------------------------------------

_FONT: dict[str, tuple[int, ...]] = {
    " ": (0, 0, 0, 0, 0, 0, 0),
    "A": (0x0E, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11),
    "B": (0x1E, 0x11, 0x11, 0x1E, 0x11, 0x11, 0x1E),
    "C": (0x0E, 0x11, 0x10, 0x10, 0x10, 0x11, 0x0E),
    "D": (0x1E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x1E),
    "E": (0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x1F),
    "F": (0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x10),
    "G": (0x0E, 0x11, 0x10, 0x17, 0x11, 0x11, 0x0F),
    "H": (0x11, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11),
    "I": (0x0E, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0E),
    "J": (0x07, 0x02, 0x02, 0x02, 0x02, 0x12, 0x0C),
    "K": (0x11, 0x12, 0x14, 0x18, 0x14, 0x12, 0x11),
    "L": (0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x1F),
    "M": (0x11, 0x1B, 0x15, 0x15, 0x11, 0x11, 0x11),
    "N": (0x11, 0x11, 0x19, 0x15, 0x13, 0x11, 0x11),
    "O": (0x0E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E),
    "P": (0x1E, 0x11, 0x11, 0x1E, 0x10, 0x10, 0x10),
    "Q": (0x0E, 0x11, 0x11, 0x11, 0x15, 0x12, 0x0D),
    "R": (0x1E, 0x11, 0x11, 0x1E, 0x14, 0x12, 0x11),
    "S": (0x0F, 0x10, 0x10, 0x0E, 0x01, 0x01, 0x1E),
    "T": (0x1F, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04),
    "U": (0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E),
    "V": (0x11, 0x11, 0x11, 0x11, 0x11, 0x0A, 0x04),
    "W": (0x11, 0x11, 0x11, 0x15, 0x15, 0x15, 0x0A),
    "X": (0x11, 0x11, 0x0A, 0x04, 0x0A, 0x11, 0x11),
    "Y": (0x11, 0x11, 0x11, 0x0A, 0x04, 0x04, 0x04),
    "Z": (0x1F, 0x01, 0x02, 0x04, 0x08, 0x10, 0x1F),
    "0": (0x0E, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0E),
    "1": (0x04, 0x0C, 0x04, 0x04, 0x04, 0x04, 0x0E),
    "2": (0x0E, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1F),
    "3": (0x1F, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0E),
    "4": (0x02, 0x06, 0x0A, 0x12, 0x1F, 0x02, 0x02),
    "5": (0x1F, 0x10, 0x1E, 0x01, 0x01, 0x11, 0x0E),
    "6": (0x06, 0x08, 0x10, 0x1E, 0x11, 0x11, 0x0E),
    "7": (0x1F, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08),
    "8": (0x0E, 0x11, 0x11, 0x0E, 0x11, 0x11, 0x0E),
    "9": (0x0E, 0x11, 0x11, 0x0F, 0x01, 0x02, 0x0C),
    "/": (0x01, 0x01, 0x02, 0x04, 0x08, 0x10, 0x10),
    "-": (0, 0, 0, 0x1F, 0, 0, 0),
    ".": (0, 0, 0, 0, 0, 0x0C, 0x0C),
    ",": (0, 0, 0, 0, 0x0C, 0x04, 0x08),
    ":": (0, 0x0C, 0x0C, 0, 0x0C, 0x0C, 0),
}

HITAM = 0
GARIS = 96  # grid lines and bars: grey that a mono laser printer keeps
BATANG = 170


class _Kanvas:
    """An 8-bit greyscale picture, white to begin with."""

    def __init__(self, lebar: int, tinggi: int) -> None:
        self.lebar, self.tinggi = lebar, tinggi
        self.px = bytearray([255]) * (lebar * tinggi)

    def titik(self, x: int, y: int, warna: int) -> None:
        if 0 <= x < self.lebar and 0 <= y < self.tinggi:
            self.px[y * self.lebar + x] = warna

    def kotak(self, x0: int, y0: int, x1: int, y1: int, warna: int) -> None:
        for y in range(max(0, y0), min(self.tinggi, y1)):
            start = y * self.lebar
            self.px[start + max(0, x0):start + min(self.lebar, x1)] = bytes(
                [warna] * (min(self.lebar, x1) - max(0, x0))
            )

    def garis(self, x0: int, y0: int, x1: int, y1: int, warna: int, tebal: int = 1) -> None:
        steps = max(abs(x1 - x0), abs(y1 - y0), 1)
        for i in range(steps + 1):
            x = round(x0 + (x1 - x0) * i / steps)
            y = round(y0 + (y1 - y0) * i / steps)
            half = tebal // 2
            self.kotak(x - half, y - half, x - half + tebal, y - half + tebal, warna)

    def teks(self, x: int, y: int, teks: str, skala: int, warna: int = HITAM) -> None:
        for n, char in enumerate(teks.upper()):
            rows = _FONT.get(char, _FONT[" "])
            left = x + n * 6 * skala
            for r, bits in enumerate(rows):
                for c in range(5):
                    if bits & (0x10 >> c):
                        self.kotak(left + c * skala, y + r * skala, left + (c + 1) * skala,
                                   y + (r + 1) * skala, warna)

    def teks_tengah(self, cx: int, y: int, teks: str, skala: int) -> None:
        self.teks(cx - lebar_teks(teks, skala) // 2, y, teks, skala)

    def png(self) -> bytes:
        raw = b"".join(
            b"\x00" + bytes(self.px[y * self.lebar:(y + 1) * self.lebar])
            for y in range(self.tinggi)
        )

        def chunk(kind: bytes, data: bytes) -> bytes:
            return (struct.pack(">I", len(data)) + kind + data
                    + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

        # 200 dpi recorded (7874 pixels a metre), so that Word sizes it sensibly unscaled.
        header = struct.pack(">IIBBBBB", self.lebar, self.tinggi, 8, 0, 0, 0, 0)
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                + chunk(b"pHYs", struct.pack(">IIB", 7874, 7874, 1))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def lebar_teks(teks: str, skala: int) -> int:
    return max(0, len(teks) * 6 * skala - skala)


def gambar_kurva(data: list[dict[str, str]]) -> bytes:
    """The PNG of ``data_kurva``: bars with their count, a line through the tops, axes.

    A batch for one unit and period draws the same chart for every pegawai: drawn once.
    """
    return _gambar(tuple((d["label"], int(d["jumlah"])) for d in data))


@lru_cache(maxsize=32)
def _gambar(data: tuple[tuple[str, int], ...]) -> bytes:
    lebar, tinggi = 1100, 480
    k = _Kanvas(lebar, tinggi)
    s = 3  # font scale: 15×21 pixels a letter, about 8 pt at the printed width
    kiri, kanan, atas, bawah = 90, lebar - 20, 60, tinggi - 100
    counts = [n for _label, n in data]
    puncak = max(counts + [1])
    langkah = max(1, -(-puncak // 5))  # at most about five grid lines
    skala_y = langkah * -(-puncak // langkah)
    k.teks(kiri - 60, 12, "FREKUENSI PEGAWAI", s)
    for v in range(0, skala_y + 1, langkah):
        y = bawah - round((bawah - atas) * v / skala_y)
        k.garis(kiri, y, kanan, y, 225)
        label = str(v)
        k.teks(kiri - 12 - lebar_teks(label, s), y - 10, label, s)
    k.garis(kiri, atas - 10, kiri, bawah, HITAM, 3)
    k.garis(kiri, bawah, kanan, bawah, HITAM, 3)
    kolom = (kanan - kiri) / max(1, len(data))
    tops: list[tuple[int, int]] = []
    for i, (label, n) in enumerate(data):
        cx = round(kiri + kolom * (i + 0.5))
        y = bawah - round((bawah - atas) * n / skala_y)
        half = round(kolom * 0.28)
        if n:
            k.kotak(cx - half, y, cx + half, bawah, BATANG)
        tops.append((cx, y))
        k.teks_tengah(cx, y - 34, str(n), s)
        for line_no, line in enumerate(label.split(" ")):
            k.teks_tengah(cx, bawah + 16 + line_no * 28, line, s)
    for (x0, y0), (x1, y1) in zip(tops, tops[1:], strict=False):
        k.garis(x0, y0, x1, y1, HITAM, 4)
    for x, y in tops:
        k.kotak(x - 6, y - 6, x + 7, y + 7, HITAM)
    return k.png()
