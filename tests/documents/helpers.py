"""Reading rendered documents back: every text part, tables by their heading."""

from __future__ import annotations

import io
import re
import zipfile

from docx import Document
from docx.document import Document as DocumentType
from docx.table import Table

TAG = re.compile(r"\{\{|\{%|%\}|\}\}")


def buka(data: bytes) -> DocumentType:
    return Document(io.BytesIO(data))


def semua_teks(data: bytes) -> str:
    """The text of the body, headers and footers (w:t runs), straight from the package."""
    chunks = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if re.fullmatch(r"word/(document|header\d*|footer\d*|footnotes)\.xml", name):
                xml = z.read(name).decode("utf-8")
                chunks += re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)
    return "\n".join(chunks)


def tanpa_tag(data: bytes) -> None:
    text = semua_teks(data)
    left = TAG.findall(text)
    assert not left, f"template tags left in the document: {left}"


def tabel(doc: DocumentType, heading: str) -> Table:
    for t in doc.tables:
        if t.rows and heading in t.rows[0].cells[0].text:
            return t
    raise AssertionError(f"no table headed {heading!r}")


def baris(t: Table) -> list[list[str]]:
    return [[c.text.strip() for c in r.cells] for r in t.rows]


def unik(row: list[str]) -> list[str]:
    """Cells of a row with horizontally merged repeats folded."""
    out: list[str] = []
    for cell in row:
        if not out or out[-1] != cell:
            out.append(cell)
    return out


def teks_badan(doc: DocumentType) -> str:
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for r in t.rows:
            parts += [c.text for c in r.cells]
    return "\n".join(parts)
