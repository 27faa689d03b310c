"""Build the built-in .docx templates in resources/templates/ (python-docx, docxtpl tags).

The templates are generated so that a change to a form is a reviewable diff of this script and
the result is reproducible; the .docx files are committed too, for offices to copy and edit.

    .venv/bin/python scripts/make_templates.py            # write resources/templates/*.docx
    .venv/bin/python scripts/make_templates.py --check    # fail if the committed files differ

Tags used (see documents/konteks.py for the context each kind provides):
``{%tr for %}`` repeats table rows, ``{% vm %}`` merges an RHK's cells over its IKI rows,
``{%p if %}`` chooses between the kuantitatif and kualitatif tables.
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

OUT = Path(__file__).resolve().parents[1] / "resources" / "templates"
FONT = "Arial"
BODY_PT = 9
HEAD_FILL = "D9E2F3"  # the light blue of the e-Kinerja print, light enough for a mono printer
USABLE_CM = 17.0  # A4 portrait, 2 cm left and right margins
# Fixed timestamps: a rebuild without changes gives the same bytes.
FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)


# --- low-level helpers --------------------------------------------------------------------


def _set(el, tag: str, **attrs: str):
    """Find or create child ``tag`` of ``el`` and set its w: attributes."""
    child = el.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        el.append(child)
    for key, value in attrs.items():
        child.set(qn(f"w:{key}"), value)
    return child


def new_document(landscape: bool = False) -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    section.top_margin = Cm(1.5)
    section.bottom_margin = Cm(1.5)
    section.left_margin = Cm(2.0)
    section.right_margin = Cm(2.0)
    section.header_distance = Cm(0.8)
    section.footer_distance = Cm(0.8)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    rpr = normal.element.get_or_add_rPr()
    fonts = _set(rpr, "w:rFonts")
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{attr}"), FONT)
    _set(rpr, "w:lang", val="id-ID", eastAsia="id-ID", bidi="ar-SA")
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing = 1.0
    core = doc.core_properties
    core.author = "skpdesk"
    core.last_modified_by = "skpdesk"
    core.comments = "Dibuat oleh scripts/make_templates.py; lihat berkas itu sebelum mengubah."
    import datetime as dt

    core.created = core.modified = dt.datetime(2024, 1, 1)
    core.revision = 1
    return doc


_FILLED: dict[int, object] = {}


def para(
    container,
    text: str = "",
    *,
    bold: bool = False,
    size: float | None = None,
    align: str = "left",
    underline: bool = False,
    italic: bool = False,
    space_after: float = 0,
    keep_next: bool = False,
) -> Paragraph:
    """A paragraph with one run (docxtpl needs a tag whole inside one run)."""
    if isinstance(container, _Cell) and id(container._tc) not in _FILLED:
        # A new cell already holds one empty paragraph: the first call fills that one. The
        # element is kept so that its id stays its own.
        _FILLED[id(container._tc)] = container._tc
        p = container.paragraphs[0]
    else:
        p = container.add_paragraph()
    p.alignment = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[align]
    p.paragraph_format.space_after = Pt(space_after)
    if keep_next:
        p.paragraph_format.keep_with_next = True
    if text:
        run = p.add_run(text)
        run.bold = bold
        run.italic = italic
        run.underline = underline
        if size:
            run.font.size = Pt(size)
    return p


def hanging(p: Paragraph, cm: float = 0.35) -> Paragraph:
    """A list item: the dash hangs, wrapped lines align with the text."""
    p.paragraph_format.left_indent = Cm(cm)
    p.paragraph_format.first_line_indent = Cm(-cm)
    p.paragraph_format.tab_stops.add_tab_stop(Cm(cm))
    return p


def tag_para(container, tag: str) -> Paragraph:
    """A paragraph holding only a ``{%p … %}`` tag; docxtpl removes the paragraph itself."""
    return para(container, tag)


def table(doc_or_cell, rows: int, widths_cm: list[float], *, borders: bool = True) -> Table:
    t = doc_or_cell.add_table(rows=rows, cols=len(widths_cm))
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    tbl_pr = t._tbl.tblPr
    _set(tbl_pr, "w:tblW", w=str(int(sum(widths_cm) * 567)), type="dxa")
    _set(tbl_pr, "w:tblLayout", type="fixed")
    margins = _set(tbl_pr, "w:tblCellMar")
    for side in ("left", "right"):
        _set(margins, f"w:{side}", w="70", type="dxa")
    for side in ("top", "bottom"):
        _set(margins, f"w:{side}", w="20", type="dxa")
    borders_el = _set(tbl_pr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if borders:
            _set(borders_el, f"w:{side}", val="single", sz="4", space="0", color="000000")
        else:
            _set(borders_el, f"w:{side}", val="nil")
    grid = t._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_cm, strict=True):
        col.set(qn("w:w"), str(int(width * 567)))
    for row in t.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)
    return t


def add_row(t: Table, widths_cm: list[float]):
    row = t.add_row()
    for cell, width in zip(row.cells, widths_cm, strict=True):
        cell.width = Cm(width)
    return row


def shade(cell: _Cell, fill: str = HEAD_FILL) -> None:
    _set(cell._tc.get_or_add_tcPr(), "w:shd", val="clear", color="auto", fill=fill)


def valign(cell: _Cell, where: str = "center") -> None:
    cell.vertical_alignment = {
        "top": WD_CELL_VERTICAL_ALIGNMENT.TOP,
        "center": WD_CELL_VERTICAL_ALIGNMENT.CENTER,
    }[where]


def vmerge(cell: _Cell, restart: bool) -> None:
    el = _set(cell._tc.get_or_add_tcPr(), "w:vMerge")
    if restart:
        el.set(qn("w:val"), "restart")


def header_row(row) -> None:
    """Repeat this row at the top of every page the table runs onto."""
    _set(row._tr.get_or_add_trPr(), "w:tblHeader")


def keep_row(row) -> None:
    _set(row._tr.get_or_add_trPr(), "w:cantSplit")


def merged(row, start: int, end: int) -> _Cell:
    return row.cells[start].merge(row.cells[end]) if end > start else row.cells[start]


def tag_row(t: Table, widths: list[float], tag: str) -> None:
    """A table row holding only a ``{%tr … %}`` tag; docxtpl removes the row itself."""
    row = add_row(t, widths)
    cell = merged(row, 0, len(widths) - 1)
    para(cell, tag)


def cell_text(cell: _Cell, text: str, **kw) -> Paragraph:
    return para(cell, text, **kw)


def bottom_rule(p: Paragraph, double: bool = True) -> None:
    ppr = p._p.get_or_add_pPr()
    bdr = _set(ppr, "w:pBdr")
    _set(bdr, "w:bottom", val="thickThinSmallGap" if double else "single", sz="18" if double
         else "6", space="1", color="000000")


def page_field(p: Paragraph, instr: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "14")
    rpr.append(sz)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = "1"
    run.append(t)
    fld.append(run)
    p._p.append(fld)


# --- shared blocks --------------------------------------------------------------------------


def kop_surat(doc: Document, lebar: float = USABLE_CM) -> None:
    """Letterhead: logo left, the lines centred over the page, a double rule below."""
    widths = [2.6, lebar - 5.2, 2.6]
    t = table(doc, 1, widths, borders=False)
    logo_cell, text_cell, _blank = t.rows[0].cells
    valign(logo_cell)
    valign(text_cell)
    para(logo_cell, "{{ logo }}", align="center")
    tag_para(text_cell, "{%p for baris in kop_utama %}")
    para(text_cell, "{{ baris }}", bold=True, size=13, align="center")
    tag_para(text_cell, "{%p endfor %}")
    tag_para(text_cell, "{%p for baris in kop_alamat %}")
    para(text_cell, "{{ baris }}", size=8.5, align="center")
    tag_para(text_cell, "{%p endfor %}")
    rule = para(doc, "", space_after=6)
    bottom_rule(rule)


def judul(doc: Document, lines: list[str]) -> None:
    for i, line in enumerate(lines):
        para(doc, line, bold=True, size=11 if i == 0 else 9.5, align="center",
             space_after=6 if i == len(lines) - 1 else 0)


def baris_instansi(doc: Document, lebar: float = USABLE_CM) -> None:
    """NAMA INSTANSI left, PERIODE PENILAIAN right (docs/domain.md §2.3)."""
    widths = [6.5, lebar - 6.5]
    t = table(doc, 1, widths, borders=False)
    para(t.rows[0].cells[0], "{{ kantor.nama_kapital }}", bold=True)
    para(t.rows[0].cells[1], "PERIODE PENILAIAN: {{ periode_penilaian }}", bold=True,
         align="right")
    para(doc, "", space_after=2)


FIELDS = (
    ("NAMA", "nama"),
    ("NIP", "nip"),
    ("PANGKAT/GOL. RUANG", "pangkat_gol"),
    ("JABATAN", "jabatan"),
    ("UNIT KERJA", "unit"),
)


def blok_pihak(doc: Document, lebar: float = USABLE_CM) -> None:
    """PEGAWAI YANG DINILAI beside PEJABAT PENILAI KINERJA, five numbered fields each."""
    value = lebar / 2 - 3.7
    widths = [0.6, 3.1, value, 0.6, 3.1, value]
    t = table(doc, 1, widths)
    head = t.rows[0]
    for start, label in ((0, "PEGAWAI YANG DINILAI"), (3, "PEJABAT PENILAI KINERJA")):
        cell = merged(head, start, start + 2)
        shade(cell)
        para(cell, label, bold=True, align="center")
    for n, (label, key) in enumerate(FIELDS, start=1):
        row = add_row(t, widths)
        keep_row(row)
        para(row.cells[0], str(n), align="center")
        para(row.cells[1], label)
        para(row.cells[2], "{{ pegawai." + key + " }}")
        para(row.cells[3], str(n), align="center")
        para(row.cells[4], "{{ label_unit_penilai }}" if key == "unit" else label)
        para(row.cells[5], "{{ penilai." + key + " }}")
    para(doc, "", space_after=4)


def tanda_tangan(doc: Document, lebar: float = USABLE_CM, ruang: float = 2.0) -> None:
    """Pegawai left, pejabat penilai right with place and date (docs/domain.md §2.3).

    Three rows (who, room to sign, name and NIP) so that both names sit on one line however
    many lines the posts take.
    """
    para(doc, "", space_after=6, keep_next=True)
    widths = [lebar / 2, lebar / 2]
    t = table(doc, 3, widths, borders=False)
    who, space, name = t.rows
    for row in t.rows:
        keep_row(row)
    for side, key, dated in ((0, "pegawai", False), (1, "penilai", True)):
        cell = who.cells[side]
        valign(cell, "top")
        para(cell, "{{ ttd.tempat_tanggal }}" if dated else "", align="center", keep_next=True)
        para(cell, "{{ ttd." + key + ".peran }}", align="center", keep_next=True)
        tag_para(cell, "{%p for baris in ttd." + key + ".jabatan_baris %}")
        para(cell, "{{ baris }}", align="center", keep_next=True)
        tag_para(cell, "{%p endfor %}")
        para(space.cells[side], "", keep_next=True)
        para(name.cells[side], "{{ ttd." + key + ".nama }}", bold=True, underline=True,
             align="center", keep_next=True)
        para(name.cells[side], "NIP. {{ ttd." + key + ".nip }}", align="center")
    space.height = Cm(ruang)
    space.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY


def _kaki_run(p: Paragraph, text: str, bold: bool = False) -> None:
    run = p.add_run(text)
    run.font.size = Pt(7)
    run.font.bold = bold or None
    run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)


def kaki(doc: Document) -> None:
    """Footer: which archived document this paper is, the page number, and the code of the
    record's signed version that ``skpdesk verifikasi --kode`` checks (optional for an office's
    own template; left out when the record has none)."""
    footer = doc.sections[0].footer
    p = footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _kaki_run(p, "{{ identitas }} — hlm. ")
    page_field(p, "PAGE")
    _kaki_run(p, " dari ")
    page_field(p, "NUMPAGES")
    p = footer.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _kaki_run(p, "{% if kode_verifikasi %}Kode verifikasi: ")
    _kaki_run(p, "{{ kode_verifikasi }}", bold=True)
    _kaki_run(p, " · periksa dengan skpdesk verifikasi --kode{% endif %}")


def kepala_tabel(t: Table, widths: list[float], labels: list[str], numbers: bool = True) -> None:
    row = add_row(t, widths)
    header_row(row)
    for cell, label in zip(row.cells, labels, strict=True):
        shade(cell)
        valign(cell)
        para(cell, label, bold=True, align="center")
    if numbers:
        row = add_row(t, widths)
        header_row(row)
        for n, cell in enumerate(row.cells, start=1):
            shade(cell)
            para(cell, f"({n})", align="center", size=7.5)


def judul_baris(t: Table, widths: list[float], text: str, fill: bool = True) -> None:
    row = add_row(t, widths)
    keep_row(row)
    cell = merged(row, 0, len(widths) - 1)
    if fill:
        shade(cell)
    para(cell, text, bold=True)


# --- hasil kerja ----------------------------------------------------------------------------


def _rhk_kuantitatif(t: Table, widths: list[float], group: str, columns: list[str]) -> None:
    """Rows of one group: one row per IKI, the RHK's own cells merged down over its IKI."""
    tag_row(t, widths, "{%tr for r in " + group + " %}")
    tag_row(t, widths, "{%tr for b in r.baris %}")
    row = add_row(t, widths)
    keep_row(row)
    for cell, expr in zip(row.cells, columns, strict=True):
        valign(cell, "top")
        merge = expr.startswith("r.")
        text = ("{% vm %}" if merge else "") + "{{ " + expr + " }}"
        para(cell, text, align="center" if expr in ("r.no",) else "left")
    tag_row(t, widths, "{%tr endfor %}")
    tag_row(t, widths, "{%tr endfor %}")
    tag_row(t, widths, "{%tr if not " + group + " %}")
    row = add_row(t, widths)
    for cell in row.cells:
        para(cell, "-", align="center")
    tag_row(t, widths, "{%tr endif %}")


def _rhk_kualitatif(t: Table, widths: list[float], group: str, columns: list[str]) -> None:
    """Each RHK on one row, its ukuran keberhasilan / IKI dan target on the row below."""
    tag_row(t, widths, "{%tr for r in " + group + " %}")
    top = add_row(t, widths)
    keep_row(top)
    for cell, expr in zip(top.cells, columns, strict=True):
        valign(cell, "top")
        para(cell, "{{ " + expr + " }}", align="center" if expr == "r.no" else "left")
    vmerge(top.cells[0], restart=True)
    below = add_row(t, widths)
    keep_row(below)
    vmerge(below.cells[0], restart=False)
    para(below.cells[0], "")
    cell = merged(below, 1, len(widths) - 1)
    para(cell, "Ukuran Keberhasilan / Indikator Kinerja Individu, dan Target:", italic=True)
    tag_para(cell, "{%p for u in r.ukuran %}")
    hanging(para(cell, "-\t{{ u }}"))
    tag_para(cell, "{%p endfor %}")
    tag_row(t, widths, "{%tr endfor %}")
    tag_row(t, widths, "{%tr if not " + group + " %}")
    row = add_row(t, widths)
    for cell in row.cells:
        para(cell, "-", align="center")
    tag_row(t, widths, "{%tr endif %}")


def hasil_kerja(doc: Document, *, jpt: bool) -> None:
    tag_para(doc, "{%p if kuantitatif %}")
    if jpt:
        widths = [0.9, 5.0, 5.0, 2.6, 3.5]
        labels = ["NO", "RENCANA HASIL KERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET",
                  "PERSPEKTIF"]
        columns = ["r.no", "r.uraian_lengkap", "b.indikator", "b.target", "r.perspektif"]
    else:
        widths = [0.9, 3.6, 3.6, 1.8, 4.6, 2.5]
        labels = ["NO", "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", "RENCANA HASIL KERJA",
                  "ASPEK", "INDIKATOR KINERJA INDIVIDU", "TARGET"]
        columns = ["r.no", "r.intervensi", "r.uraian", "b.aspek", "b.indikator", "b.target"]
    t = table(doc, 1, widths)
    first = t.rows[0]
    header_row(first)
    cell = merged(first, 0, len(widths) - 1)
    shade(cell)
    para(cell, "HASIL KERJA", bold=True)
    kepala_tabel(t, widths, labels)
    judul_baris(t, widths, "A. KINERJA UTAMA", fill=False)
    _rhk_kuantitatif(t, widths, "utama", columns)
    judul_baris(t, widths, "B. KINERJA TAMBAHAN", fill=False)
    _rhk_kuantitatif(t, widths, "tambahan", columns)
    tag_para(doc, "{%p else %}")
    if jpt:
        widths = [0.9, 11.6, 4.5]
        labels = ["NO", "RENCANA HASIL KERJA", "PERSPEKTIF"]
        columns = ["r.no", "r.uraian_lengkap", "r.perspektif"]
    else:
        widths = [0.9, 7.6, 8.5]
        labels = ["NO", "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", "RENCANA HASIL KERJA"]
        columns = ["r.no", "r.intervensi", "r.uraian"]
    t = table(doc, 1, widths)
    first = t.rows[0]
    header_row(first)
    cell = merged(first, 0, len(widths) - 1)
    shade(cell)
    para(cell, "HASIL KERJA", bold=True)
    kepala_tabel(t, widths, labels)
    judul_baris(t, widths, "A. KINERJA UTAMA", fill=False)
    _rhk_kualitatif(t, widths, "utama", columns)
    judul_baris(t, widths, "B. KINERJA TAMBAHAN", fill=False)
    _rhk_kualitatif(t, widths, "tambahan", columns)
    tag_para(doc, "{%p endif %}")
    para(doc, "", space_after=4)


def perilaku_kerja(doc: Document) -> None:
    """Seven BerAKHLAK values: the three panduan beside the ekspektasi khusus pimpinan.

    One row per value that never splits, so a value's name never sits on one page and its
    panduan on the next.
    """
    widths = [0.9, 8.6, 7.5]
    t = table(doc, 1, widths)
    first = t.rows[0]
    header_row(first)
    cell = merged(first, 0, 2)
    shade(cell)
    para(cell, "PERILAKU KERJA", bold=True)
    tag_row(t, widths, "{%tr for p in perilaku %}")
    row = add_row(t, widths)
    keep_row(row)
    no, left, right = row.cells
    for c in row.cells:
        valign(c, "top")
    para(no, "{{ p.no }}", align="center")
    para(left, "{{ p.nama }}", bold=True, space_after=2)
    tag_para(left, "{%p for g in p.panduan %}")
    hanging(para(left, "-\t{{ g }}"))
    tag_para(left, "{%p endfor %}")
    para(right, "Ekspektasi Khusus Pimpinan:", italic=True, space_after=2)
    para(right, "{{ p.ekspektasi }}")
    tag_row(t, widths, "{%tr endfor %}")
    para(doc, "", space_after=4)


# --- the templates --------------------------------------------------------------------------


def skp(jpt: bool) -> Document:
    doc = new_document()
    kop_surat(doc)
    judul(
        doc,
        [
            "SASARAN KINERJA PEGAWAI",
            "PENDEKATAN HASIL KERJA {{ pendekatan_judul }}",
            "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI"
            if jpt
            else "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
        ],
    )
    baris_instansi(doc)
    blok_pihak(doc)
    hasil_kerja(doc, jpt=jpt)
    perilaku_kerja(doc)
    tanda_tangan(doc)
    kaki(doc)
    return doc


def lampiran_skp() -> Document:
    doc = new_document()
    kop_surat(doc)
    judul(doc, ["LAMPIRAN SASARAN KINERJA PEGAWAI"])
    baris_instansi(doc)
    blok_pihak(doc)
    widths = [0.9, 16.1]
    t = table(doc, 0, widths)
    tag_row(t, widths, "{%tr for bagian in lampiran %}")
    head = add_row(t, widths)
    keep_row(head)
    shade(merged(head, 0, 1))
    para(head.cells[0], "{{ bagian.judul }}", bold=True)
    tag_row(t, widths, "{%tr for butir in bagian.isi %}")
    row = add_row(t, widths)
    keep_row(row)
    para(row.cells[0], "{{ butir.no }}", align="center")
    para(row.cells[1], "{{ butir.teks }}")
    tag_row(t, widths, "{%tr endfor %}")
    tag_row(t, widths, "{%tr if not bagian.isi %}")
    row = add_row(t, widths)
    para(row.cells[0], "-", align="center")
    para(row.cells[1], "-")
    tag_row(t, widths, "{%tr endif %}")
    tag_row(t, widths, "{%tr endfor %}")
    tanda_tangan(doc)
    kaki(doc)
    return doc


# --- evaluation forms (docs/domain.md §2.9.6, §4.1) -----------------------------------------------

LANDSCAPE_CM = 25.7  # A4 landscape, 2 cm left and right margins


def _blok_tiga(doc: Document, lebar: float) -> None:
    """Block 3 (ATASAN PEJABAT PENILAI KINERJA) beside CAPAIAN KINERJA ORGANISASI (§2.3)."""
    value = lebar / 2 - 3.7
    widths = [0.6, 3.1, value, lebar / 2]
    t = table(doc, 1, widths)
    head = t.rows[0]
    cell = merged(head, 0, 2)
    shade(cell)
    para(cell, "ATASAN PEJABAT PENILAI KINERJA", bold=True, align="center")
    shade(head.cells[3])
    para(head.cells[3], "CAPAIAN KINERJA ORGANISASI", bold=True, align="center")
    for n, (label, key) in enumerate(FIELDS, start=1):
        row = add_row(t, widths)
        keep_row(row)
        para(row.cells[0], str(n), align="center")
        para(row.cells[1], "{{ label_unit_atasan }}" if key == "unit" else label)
        para(row.cells[2], "{{ atasan_penilai." + key + " }}")
        right = row.cells[3]
        vmerge(right, restart=n == 1)
        if n == 1:
            valign(right)
            para(right, "{{ capaian_organisasi }}", bold=True, size=12, align="center")
        else:
            para(right, "")
    para(doc, "", space_after=4)


def _pola_distribusi(doc: Document, lebar: float) -> None:
    """POLA DISTRIBUSI: the title of the curve and the chart of the unit (§2.9.5)."""
    widths = [lebar]
    t = table(doc, 3, widths)
    for row in t.rows:
        keep_row(row)
    head = t.rows[0].cells[0]
    shade(head)
    para(head, "POLA DISTRIBUSI", bold=True, keep_next=True)
    para(t.rows[1].cells[0], "{{ kurva_judul }}", bold=True, align="center", keep_next=True)
    para(t.rows[1].cells[0], "{{ unit_kurva }}", align="center", keep_next=True)
    para(t.rows[2].cells[0], "{{ kurva_gambar }}", align="center")
    para(doc, "", space_after=4)


def _baris_rating(t: Table, widths: list[float], label: str, expr: str) -> None:
    row = add_row(t, widths)
    keep_row(row)
    left = merged(row, 0, len(widths) - 3)
    shade(left)
    para(left, label, bold=True, align="right")
    right = merged(row, len(widths) - 2, len(widths) - 1)
    valign(right)
    para(right, "{{ " + expr + " }}", bold=True, align="center")


def _kolom_evaluasi(jpt: bool, kuantitatif: bool) -> tuple[list[float], list[str], list[str]]:
    if kuantitatif and jpt:
        return (
            [0.9, 5.0, 4.6, 2.6, 2.8, 4.6, 5.2],
            ["NO", "RENCANA HASIL KERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET", "PERSPEKTIF",
             "REALISASI BERDASARKAN BUKTI DUKUNG", "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI "
             "DUKUNG"],
            ["r.no", "r.uraian_lengkap", "b.indikator", "b.target", "r.perspektif",
             "b.realisasi", "b.umpan_balik"],
        )
    if kuantitatif:
        return (
            [0.9, 3.7, 3.7, 1.8, 4.2, 2.4, 4.2, 4.8],
            ["NO", "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", "RENCANA HASIL KERJA",
             "ASPEK", "INDIKATOR KINERJA INDIVIDU", "TARGET",
             "REALISASI BERDASARKAN BUKTI DUKUNG", "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI "
             "DUKUNG"],
            ["r.no", "r.intervensi", "r.uraian", "b.aspek", "b.indikator", "b.target",
             "b.realisasi", "b.umpan_balik"],
        )
    if jpt:
        return (
            [0.9, 8.0, 3.0, 7.0, 6.8],
            ["NO", "RENCANA HASIL KERJA", "PERSPEKTIF", "REALISASI BERDASARKAN BUKTI DUKUNG",
             "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG"],
            ["r.uraian_lengkap", "r.perspektif"],
        )
    return (
        [0.9, 5.5, 5.5, 7.0, 6.8],
        ["NO", "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", "RENCANA HASIL KERJA",
         "REALISASI BERDASARKAN BUKTI DUKUNG",
         "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG"],
        ["r.intervensi", "r.uraian"],
    )


def _rhk_evaluasi_kualitatif(t: Table, widths: list[float], group: str, columns: list[str]
                             ) -> None:
    """One row per RHK: its ukuran keberhasilan under it, the realisasi and umpan balik lists."""
    tag_row(t, widths, "{%tr for r in " + group + " %}")
    row = add_row(t, widths)
    keep_row(row)
    for c in row.cells:
        valign(c, "top")
    para(row.cells[0], "{{ r.no }}", align="center")
    for cell, expr in zip(row.cells[1:], columns, strict=False):
        para(cell, "{{ " + expr + " }}")
    # The RHK's own cell: first for JPT (RHK, perspektif), second for JA/JF (intervensi, RHK).
    target = row.cells[1] if columns[0] == "r.uraian_lengkap" else row.cells[2]
    para(target, "Ukuran keberhasilan / IKI dan target:", italic=True, size=8)
    tag_para(target, "{%p for u in r.ukuran %}")
    hanging(para(target, "-\t{{ u }}", size=8))
    tag_para(target, "{%p endfor %}")
    real = row.cells[len(widths) - 2]
    tag_para(real, "{%p for x in r.realisasi_ringkas %}")
    hanging(para(real, "-\t{{ x }}"))
    tag_para(real, "{%p endfor %}")
    ub = row.cells[len(widths) - 1]
    tag_para(ub, "{%p for x in r.umpan_balik_ringkas %}")
    para(ub, "{{ x }}")
    tag_para(ub, "{%p endfor %}")
    tag_row(t, widths, "{%tr endfor %}")
    tag_row(t, widths, "{%tr if not " + group + " %}")
    row = add_row(t, widths)
    for cell in row.cells:
        para(cell, "-", align="center")
    tag_row(t, widths, "{%tr endif %}")


def _tabel_hasil_evaluasi(doc: Document, *, jpt: bool, kuantitatif: bool) -> None:
    widths, labels, columns = _kolom_evaluasi(jpt, kuantitatif)
    t = table(doc, 1, widths)
    first = t.rows[0]
    header_row(first)
    cell = merged(first, 0, len(widths) - 1)
    shade(cell)
    para(cell, "HASIL KERJA", bold=True)
    kepala_tabel(t, widths, labels)
    for title, group in (("A. KINERJA UTAMA", "utama"), ("B. KINERJA TAMBAHAN", "tambahan")):
        judul_baris(t, widths, title, fill=False)
        if kuantitatif:
            _rhk_kuantitatif(t, widths, group, columns)
        else:
            _rhk_evaluasi_kualitatif(t, widths, group, columns)
    _baris_rating(t, widths, "RATING HASIL KERJA*", "rating_hasil_kerja")


def hasil_kerja_evaluasi(doc: Document, *, jpt: bool) -> None:
    tag_para(doc, "{%p if kuantitatif %}")
    _tabel_hasil_evaluasi(doc, jpt=jpt, kuantitatif=True)
    tag_para(doc, "{%p else %}")
    _tabel_hasil_evaluasi(doc, jpt=jpt, kuantitatif=False)
    tag_para(doc, "{%p endif %}")
    para(doc, "", space_after=4)


def perilaku_evaluasi(doc: Document, lebar: float) -> None:
    """Seven BerAKHLAK values with ekspektasi khusus pimpinan and umpan balik, then the rating."""
    widths = [0.9, 9.0, 7.0, lebar - 16.9]
    t = table(doc, 1, widths)
    first = t.rows[0]
    header_row(first)
    cell = merged(first, 0, 3)
    shade(cell)
    para(cell, "PERILAKU KERJA", bold=True)
    kepala_tabel(t, widths, ["NO", "PERILAKU KERJA", "EKSPEKTASI KHUSUS PIMPINAN",
                             "UMPAN BALIK BERKELANJUTAN"], numbers=False)
    tag_row(t, widths, "{%tr for p in perilaku %}")
    row = add_row(t, widths)
    keep_row(row)
    no, left, middle, right = row.cells
    for c in row.cells:
        valign(c, "top")
    para(no, "{{ p.no }}", align="center")
    para(left, "{{ p.nama }}", bold=True, space_after=2)
    tag_para(left, "{%p for g in p.panduan %}")
    hanging(para(left, "-\t{{ g }}"))
    tag_para(left, "{%p endfor %}")
    para(middle, "{{ p.ekspektasi }}")
    para(right, "{{ p.umpan_balik }}")
    tag_row(t, widths, "{%tr endfor %}")
    _baris_rating(t, widths, "RATING PERILAKU KERJA*", "rating_perilaku")
    para(doc, "", space_after=4)


def predikat_kinerja(doc: Document, lebar: float) -> None:
    widths = [lebar - 8.0, 8.0]
    t = table(doc, 1, widths)
    keep_row(t.rows[0])
    left, right = t.rows[0].cells
    shade(left)
    para(left, "PREDIKAT KINERJA PEGAWAI*", bold=True, align="right")
    valign(right)
    para(right, "{{ predikat }}", bold=True, size=11, align="center")
    para(doc, "*) Rating dan predikat ditetapkan oleh pejabat penilai kinerja "
         "(PermenPANRB 6/2022).", size=7, italic=True, keep_next=True)


def evaluasi(jpt: bool) -> Document:
    lebar = LANDSCAPE_CM
    doc = new_document(landscape=True)
    kop_surat(doc, lebar)
    judul(doc, ["EVALUASI KINERJA PEGAWAI", "PENDEKATAN HASIL KERJA {{ pendekatan_judul }}",
                "PERIODE: {{ periode_label }}"])
    baris_instansi(doc, lebar)
    blok_pihak(doc, lebar)
    _blok_tiga(doc, lebar)
    _pola_distribusi(doc, lebar)
    hasil_kerja_evaluasi(doc, jpt=jpt)
    perilaku_evaluasi(doc, lebar)
    predikat_kinerja(doc, lebar)
    tanda_tangan(doc, lebar)
    kaki(doc)
    return doc


def _bagian(t: Table, widths: list[float], no: str, title: str) -> None:
    """A numbered section row of the Dokumen Evaluasi: the number, then the title across."""
    row = add_row(t, widths)
    keep_row(row)
    para(row.cells[0], no, bold=True, align="center")
    cell = merged(row, 1, 3)
    shade(cell)
    para(cell, title, bold=True)


def _isian(t: Table, widths: list[float], no: str, label: str, value: str) -> None:
    row = add_row(t, widths)
    keep_row(row)
    para(row.cells[0], "")
    para(row.cells[1], no, align="center")
    para(row.cells[2], label)
    para(row.cells[3], value)


def _orang_dokev(t: Table, widths: list[float], no: str, title: str, key: str, unit: str
                 ) -> None:
    _bagian(t, widths, no, title)
    for n, (label, field) in enumerate(FIELDS, start=1):
        _isian(t, widths, str(n), unit if field == "unit" else label,
               "{{ " + key + "." + field + " }}")


def _teks_bagian(t: Table, widths: list[float], no: str, title: str, lines: list[str],
                 tinggi: float = 0) -> None:
    _bagian(t, widths, no, title)
    row = add_row(t, widths)
    keep_row(row)
    para(row.cells[0], "")
    cell = merged(row, 1, 3)
    valign(cell, "top")
    for line in lines:
        para(cell, line)
    if tinggi:
        row.height = Cm(tinggi)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def _pilihan_predikat(cell: _Cell) -> None:
    """The five predikat in one line, the chosen one bold and underlined, the rest struck."""
    p = para(cell, "")

    def run(text: str, **fmt: bool) -> None:
        r = p.add_run(text)
        for key, value in fmt.items():
            setattr(r.font, key, value)

    run("{%r for x in predikat_pilihan %}")
    run("{%r if x.dipilih %}")
    run("{{ x.label }}", bold=True, underline=True)
    run("{%r else %}")
    run("{{ x.label }}", strike=True)
    run("{%r endif %}")
    run("{{ x.pemisah }}")
    run("{%r endfor %}")


def dokumen_evaluasi() -> Document:
    doc = new_document()
    kop_surat(doc)
    judul(doc, ["DOKUMEN EVALUASI KINERJA PEGAWAI", "PERIODE*: {{ periode_label }}"])
    baris_instansi(doc)
    widths = [0.8, 0.7, 5.5, 10.0]
    t = table(doc, 0, widths)
    _orang_dokev(t, widths, "1", "PEGAWAI YANG DINILAI", "pegawai", "UNIT KERJA")
    _orang_dokev(t, widths, "2", "PEJABAT PENILAI KINERJA", "penilai", "{{ label_unit_penilai }}")
    _orang_dokev(t, widths, "3", "ATASAN PEJABAT PENILAI KINERJA", "atasan_penilai",
                 "{{ label_unit_atasan }}")
    _bagian(t, widths, "4", "EVALUASI KINERJA")
    _isian(t, widths, "1", "CAPAIAN KINERJA ORGANISASI", "{{ capaian_organisasi }}")
    row = add_row(t, widths)
    keep_row(row)
    para(row.cells[0], "")
    para(row.cells[1], "2", align="center")
    para(row.cells[2], "PREDIKAT KINERJA PEGAWAI")
    _pilihan_predikat(row.cells[3])
    _teks_bagian(t, widths, "5", "CATATAN/REKOMENDASI", ["{{ catatan }}"], tinggi=1.4)
    tag_row(t, widths, "{%tr if ada_keberatan %}")
    _teks_bagian(t, widths, "6", "KEBERATAN DARI PEGAWAI YANG DINILAI",
                 ["{{ keberatan.alasan }}", "Diajukan tanggal {{ keberatan.tanggal }}"])
    _teks_bagian(t, widths, "7", "PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN",
                 ["{{ keberatan.tanggapan }}", "Tanggal {{ keberatan.tanggal_tanggapan }}"])
    _teks_bagian(t, widths, "8", "KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN",
                 ["{{ keberatan.keputusan }}", "{{ keberatan.perubahan }}",
                  "Tanggal {{ keberatan.tanggal_keputusan }}"])
    tag_row(t, widths, "{%tr endif %}")
    para(doc, "*) Periode tahunan: evaluasi periode terakhir mencakup 1 Januari s.d. 31 Desember.",
         size=7, italic=True)
    # With a keberatan the atasan signs his decision too: three signatures on one row keep
    # the page single.
    tag_para(doc, "{%p if ada_keberatan %}")
    _ttd_tiga(doc)
    tag_para(doc, "{%p else %}")
    tanda_tangan(doc, ruang=1.8)
    tag_para(doc, "{%p endif %}")
    kaki(doc)
    return doc


def _ttd_tiga(doc: Document, lebar: float = USABLE_CM) -> None:
    """Pegawai left, atasan pejabat penilai in the middle, pejabat penilai right with the date."""
    para(doc, "", space_after=6, keep_next=True)
    widths = [lebar / 3] * 3
    t = table(doc, 3, widths, borders=False)
    who, space, name = t.rows
    for row in t.rows:
        keep_row(row)
    for side, key, dated in ((0, "pegawai", False), (1, "atasan_penilai", False),
                             (2, "penilai", True)):
        cell = who.cells[side]
        valign(cell, "top")
        para(cell, "{{ ttd.tempat_tanggal }}" if dated else "", align="center", keep_next=True)
        para(cell, "{{ ttd." + key + ".peran }}", align="center", keep_next=True)
        tag_para(cell, "{%p for baris in ttd." + key + ".jabatan_baris %}")
        para(cell, "{{ baris }}", align="center", keep_next=True)
        tag_para(cell, "{%p endfor %}")
        para(space.cells[side], "", keep_next=True)
        para(name.cells[side], "{{ ttd." + key + ".nama }}", bold=True, underline=True,
             align="center", keep_next=True)
        para(name.cells[side], "NIP. {{ ttd." + key + ".nip }}", align="center")
    space.height = Cm(1.8)
    space.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY


def buku_catatan() -> Document:
    doc = new_document()
    kop_surat(doc)
    judul(doc, ["BUKU CATATAN PENILAIAN PERILAKU PEGAWAI", "TAHUN {{ tahun }}"])
    widths = [4.2, 0.4, 12.4]
    t = table(doc, 0, widths, borders=False)
    for label, key in FIELDS:
        row = add_row(t, widths)
        para(row.cells[0], label)
        para(row.cells[1], ":")
        para(row.cells[2], "{{ pegawai." + key + " }}", bold=key == "nama")
    para(doc, "", space_after=6)
    widths = [0.9, 3.0, 8.6, 4.5]
    t = table(doc, 0, widths)
    kepala_tabel(t, widths, ["NO", "TANGGAL", "URAIAN",
                             "NAMA/NIP DAN PARAF PEJABAT PENILAI"])
    tag_row(t, widths, "{%tr for c in catatan %}")
    row = add_row(t, widths)
    keep_row(row)
    for c in row.cells:
        valign(c, "top")
    para(row.cells[0], "{{ c.no }}", align="center")
    para(row.cells[1], "{{ c.tanggal }}")
    para(row.cells[2], "{{ c.uraian }}")
    para(row.cells[3], "{{ c.penilai_nama }}")
    para(row.cells[3], "NIP. {{ c.penilai_nip }}", space_after=18)
    tag_row(t, widths, "{%tr endfor %}")
    tag_row(t, widths, "{%tr if not catatan %}")
    row = add_row(t, widths)
    for cell in row.cells:
        para(cell, "-", align="center")
    tag_row(t, widths, "{%tr endif %}")
    _ttd_penilai(doc)
    kaki(doc)
    return doc


def _ttd_penilai(doc: Document, lebar: float = USABLE_CM) -> None:
    """Only the pejabat penilai signs the book, on the right with place and date."""
    para(doc, "", space_after=6, keep_next=True)
    widths = [lebar / 2, lebar / 2]
    t = table(doc, 3, widths, borders=False)
    who, space, name = t.rows
    for row in t.rows:
        keep_row(row)
    cell = who.cells[1]
    para(who.cells[0], "")
    para(cell, "{{ ttd.tempat_tanggal }}", align="center", keep_next=True)
    para(cell, "{{ ttd.penilai.peran }}", align="center", keep_next=True)
    tag_para(cell, "{%p for baris in ttd.penilai.jabatan_baris %}")
    para(cell, "{{ baris }}", align="center", keep_next=True)
    tag_para(cell, "{%p endfor %}")
    para(space.cells[1], "", keep_next=True)
    para(name.cells[1], "{{ ttd.penilai.nama }}", bold=True, underline=True, align="center",
         keep_next=True)
    para(name.cells[1], "NIP. {{ ttd.penilai.nip }}", align="center")
    space.height = Cm(2.0)
    space.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY


# --- Pengukuran Kinerja (SOP 003) -----------------------------------------------------------


def laporan_pengukuran() -> Document:
    """Landscape: per indicator the quarter and the year so far, grouped by sasaran; then the
    signatures of the Sekretaris and the Camat, and a page for every employee to sign."""
    lebar = LANDSCAPE_CM
    doc = new_document(landscape=True)
    kop_surat(doc, lebar)
    judul(doc, ["LAPORAN PENGUKURAN KINERJA", "{{ unit_kapital }}",
                "TRIWULAN {{ triwulan }} TAHUN {{ tahun }}"])
    tag_para(doc, "{%p if draf %}")
    para(doc, "DRAF — BELUM DISAHKAN ({{ status }})", bold=True, align="center", space_after=4)
    tag_para(doc, "{%p endif %}")
    widths = [0.8, 2.9, 3.4, 1.4, 1.8, 1.5, 1.4, 1.7, 1.5, 1.8, 1.6, 1.7, 2.1, 2.1]
    labels = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "POLARITAS", "TARGET TAHUN",
              "TARGET TW", "REALISASI TW", "CAPAIAN TW (%)", "REALISASI S.D. TW",
              "CAPAIAN S.D. TW (%)", "KATEGORI", "KENDALA", "RENCANA TINDAK LANJUT"]
    t = table(doc, 0, widths)
    # Fourteen columns on one page width: the headings in a smaller size so that no word breaks.
    for size, texts in ((7.5, labels), (7, [f"({n})" for n in range(1, len(labels) + 1)])):
        row = add_row(t, widths)
        header_row(row)
        for cell, label in zip(row.cells, texts, strict=True):
            shade(cell)
            valign(cell)
            para(cell, label, bold=size > 7, align="center", size=size)
    tag_row(t, widths, "{%tr for s in kelompok %}")
    tag_row(t, widths, "{%tr for b in s.baris %}")
    row = add_row(t, widths)
    keep_row(row)
    columns = ["b.no", "s.sasaran", "b.indikator", "b.satuan", "b.polaritas", "b.target_tahun",
               "b.target", "b.realisasi", "b.capaian", "b.kumulatif", "b.capaian_kumulatif",
               "b.kategori", "b.kendala", "b.tindak_lanjut"]
    numeric = {"b.target_tahun", "b.target", "b.realisasi", "b.capaian", "b.kumulatif",
               "b.capaian_kumulatif"}
    for cell, expr in zip(row.cells, columns, strict=True):
        valign(cell, "top")
        text = ("{% vm %}" if expr == "s.sasaran" else "") + "{{ " + expr + " }}"
        align = "right" if expr in numeric else "center" if expr in ("b.no", "b.satuan") \
            else "left"
        para(cell, text, align=align, size=7 if expr == "b.polaritas" else 8)
    tag_row(t, widths, "{%tr endfor %}")
    tag_row(t, widths, "{%tr endfor %}")
    note = para(doc, "Kategori capaian: {{ pita }}.", size=7.5, italic=True)
    note.paragraph_format.space_before = Pt(3)
    para(doc, "Capaian positif = realisasi / target × 100%; negatif = (2 × target − realisasi) / "
         "target × 100%; rentang = 100% di dalam rentang, di luar terhadap batas terdekat; "
         "pemeliharaan = 100% bila target terjaga.", size=7.5, italic=True)
    tanda_tangan(doc, lebar)
    doc.add_page_break()
    judul(doc, ["DAFTAR TANDA TANGAN PEGAWAI",
                "LAPORAN PENGUKURAN KINERJA TRIWULAN {{ triwulan }} TAHUN {{ tahun }}"])
    widths = [1.0, 8.0, 8.7, 4.0, 4.0]
    t = table(doc, 0, widths)
    head = add_row(t, widths)
    header_row(head)
    for cell, label in zip(head.cells[:3], ["NO", "NAMA / NIP", "JABATAN"], strict=True):
        shade(cell)
        para(cell, label, bold=True, align="center")
    sign = merged(head, 3, 4)
    shade(sign)
    para(sign, "TANDA TANGAN", bold=True, align="center")
    tag_row(t, widths, "{%tr for p in pegawai_ttd %}")
    row = add_row(t, widths)
    keep_row(row)
    row.height = Cm(1.1)
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    para(row.cells[0], "{{ p.no }}", align="center")
    para(row.cells[1], "{{ p.nama }}", bold=True)
    para(row.cells[1], "NIP. {{ p.nip }}")
    para(row.cells[2], "{{ p.jabatan }}")
    # Signatures zigzag left and right, as on a paper attendance list.
    para(row.cells[3], "{% if p.kiri %}{{ p.no }}. ……………{% endif %}")
    para(row.cells[4], "{% if not p.kiri %}{{ p.no }}. ……………{% endif %}")
    tag_row(t, widths, "{%tr endfor %}")
    kaki(doc)
    return doc


def surat_pengantar() -> Document:
    """The tata naskah surat pengantar: to whom, what is sent and how many, received by."""
    doc = new_document()
    kop_surat(doc)
    para(doc, "{{ tempat_tanggal }}", align="right", space_after=6)
    widths = [1.2, 15.8]
    t = table(doc, 2, widths, borders=False)
    para(t.rows[0].cells[0], "Yth.")
    para(t.rows[0].cells[1], "{{ tujuan }}", bold=True)
    para(t.rows[1].cells[0], "")
    para(t.rows[1].cells[1], "di {{ tujuan_tempat }}")
    para(doc, "", space_after=8)
    para(doc, "SURAT PENGANTAR", bold=True, size=11, align="center", underline=True)
    para(doc, "NOMOR {{ nomor }}", align="center", space_after=8)
    widths = [1.0, 7.5, 3.0, 5.5]
    t = table(doc, 0, widths)
    kepala_tabel(t, widths, ["NO", "NASKAH DINAS YANG DIKIRIMKAN", "BANYAKNYA", "KETERANGAN"],
                 numbers=False)
    tag_row(t, widths, "{%tr for i in isi %}")
    row = add_row(t, widths)
    keep_row(row)
    for cell, expr in zip(row.cells, ["i.no", "i.naskah", "i.banyaknya", "i.keterangan"],
                          strict=True):
        valign(cell, "top")
        para(cell, "{{ " + expr + " }}", align="center" if expr in ("i.no", "i.banyaknya")
             else "left")
    tag_row(t, widths, "{%tr endfor %}")
    para(doc, "", space_after=10, keep_next=True)
    widths = [8.5, 8.5]
    t = table(doc, 3, widths, borders=False)
    who, space, name = t.rows
    for row in t.rows:
        keep_row(row)
    left = who.cells[0]
    valign(left, "top")
    para(left, "Diterima tanggal ……………………", keep_next=True)
    para(left, "Penerima,", keep_next=True)
    right = who.cells[1]
    valign(right, "top")
    tag_para(right, "{%p for baris in pengirim.jabatan_baris %}")
    para(right, "{{ baris }}", align="center", bold=True, keep_next=True)
    tag_para(right, "{%p endfor %}")
    para(space.cells[0], "", keep_next=True)
    para(space.cells[1], "", keep_next=True)
    para(name.cells[0], "(……………………………………)", keep_next=True)
    para(name.cells[0], "NIP.")
    para(name.cells[1], "{{ pengirim.nama }}", bold=True, underline=True, align="center",
         keep_next=True)
    para(name.cells[1], "NIP. {{ pengirim.nip }}", align="center")
    space.height = Cm(2.2)
    space.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
    kaki(doc)
    return doc


# --- PP 46/2011 forms (docs/domain.md §4.1) --------------------------------------------------------

FIELDS_PP46 = (
    ("Nama", "nama"),
    ("NIP", "nip"),
    ("Pangkat/Gol. Ruang", "pangkat_gol"),
    ("Jabatan", "jabatan"),
    ("Unit Kerja", "unit"),
)


def _ttd_pp46(doc: Document, kiri: str, kanan: str, lebar: float = USABLE_CM) -> None:
    """Two signatures, the right one under place and date (Formulir SKP, Capaian SKP)."""
    para(doc, "", space_after=6, keep_next=True)
    widths = [lebar / 2, lebar / 2]
    t = table(doc, 3, widths, borders=False)
    who, space, name = t.rows
    for row in t.rows:
        keep_row(row)
    for side, key in ((0, kiri), (1, kanan)):
        cell = who.cells[side]
        valign(cell, "top")
        if not key:
            para(cell, "")
            para(space.cells[side], "")
            para(name.cells[side], "")
            continue
        para(cell, "{{ ttd.tempat_tanggal }}" if side == 1 else "", align="center",
             keep_next=True)
        para(cell, "{{ ttd." + key + ".peran }},", align="center", keep_next=True)
        tag_para(cell, "{%p for baris in ttd." + key + ".jabatan_baris %}")
        para(cell, "{{ baris }}", align="center", keep_next=True)
        tag_para(cell, "{%p endfor %}")
        para(space.cells[side], "", keep_next=True)
        para(name.cells[side], "{{ ttd." + key + ".nama }}", bold=True, underline=True,
             align="center", keep_next=True)
        para(name.cells[side], "NIP. {{ ttd." + key + ".nip }}", align="center")
    space.height = Cm(2.0)
    space.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY


def _sel_kepala(cell: _Cell, text: str, size: float = 8) -> None:
    shade(cell)
    valign(cell)
    para(cell, text, bold=True, align="center", size=size)


def pp46_skp() -> Document:
    """Formulir Sasaran Kerja PNS: I. penilai beside II. PNS, III. kegiatan tugas jabatan."""
    doc = new_document()
    kop_surat(doc)
    judul(doc, ["FORMULIR SASARAN KERJA", "PEGAWAI NEGERI SIPIL",
                "JANGKA WAKTU PENILAIAN: {{ jangka_waktu }}"])
    blok = [0.8, 2.9, 4.8, 0.8, 2.9, 4.8]
    t = table(doc, 1, blok)
    head = t.rows[0]
    _sel_kepala(head.cells[0], "NO")
    _sel_kepala(merged(head, 1, 2), "I. PEJABAT PENILAI")
    _sel_kepala(head.cells[3], "NO")
    _sel_kepala(merged(head, 4, 5), "II. PEGAWAI NEGERI SIPIL YANG DINILAI")
    for n, (label, key) in enumerate(FIELDS_PP46, start=1):
        row = add_row(t, blok)
        keep_row(row)
        for start, who in ((0, "penilai"), (3, "pegawai")):
            para(row.cells[start], str(n), align="center")
            para(row.cells[start + 1], label)
            para(row.cells[start + 2], "{{ " + who + "." + key + " }}", bold=key == "nama")
    widths = [0.8, 6.8, 1.2, 2.6, 1.6, 1.6, 2.4]
    t = table(doc, 0, widths)
    top, sub = add_row(t, widths), add_row(t, widths)
    for row in (top, sub):
        header_row(row)
    for col, text in ((0, "NO"), (1, "III. KEGIATAN TUGAS JABATAN"), (2, "AK")):
        _sel_kepala(top.cells[col], text)
        vmerge(top.cells[col], restart=True)
        shade(sub.cells[col])
        vmerge(sub.cells[col], restart=False)
        para(sub.cells[col], "")
    _sel_kepala(merged(top, 3, 6), "TARGET")
    for col, text in zip(range(3, 7), ("KUANT/ OUTPUT", "KUAL/ MUTU", "WAKTU", "BIAYA (Rp)"),
                         strict=True):
        _sel_kepala(sub.cells[col], text, size=7.5)
    tag_row(t, widths, "{%tr for k in kegiatan %}")
    row = add_row(t, widths)
    keep_row(row)
    for cell, expr in zip(row.cells, ["k.no", "k.kegiatan", "k.ak", "k.kuant", "k.kual",
                                      "k.waktu", "k.biaya"], strict=True):
        valign(cell, "top")
        para(cell, "{{ " + expr + " }}", align="left" if expr == "k.kegiatan" else "center"
             if expr != "k.biaya" else "right")
    tag_row(t, widths, "{%tr endfor %}")
    tag_row(t, widths, "{%tr if not kegiatan %}")
    row = add_row(t, widths)
    for cell in row.cells:
        para(cell, "-", align="center")
    tag_row(t, widths, "{%tr endif %}")
    _ttd_pp46(doc, "penilai", "pegawai")
    kaki(doc)
    return doc


def pp46_capaian() -> Document:
    """Penilaian Capaian Sasaran Kerja PNS (landscape): target beside realisasi per kegiatan."""
    lebar = LANDSCAPE_CM
    doc = new_document(landscape=True)
    kop_surat(doc, lebar)
    judul(doc, ["PENILAIAN CAPAIAN SASARAN KERJA", "PEGAWAI NEGERI SIPIL",
                "JANGKA WAKTU PENILAIAN: {{ jangka_waktu }}"])
    # Whose assessment this is: the form itself names him only at the signature.
    ident = [4.2, 0.4, 8.25, 4.2, 0.4, 8.25]
    t = table(doc, 2, ident, borders=False)
    for r, pairs in enumerate(((("Nama PNS yang dinilai", "pegawai.nama"),
                                ("Jabatan", "pegawai.jabatan")),
                               (("NIP", "pegawai.nip"), ("Unit kerja", "pegawai.unit")))):
        for start, (label, expr) in zip((0, 3), pairs, strict=True):
            cells = t.rows[r].cells
            para(cells[start], label)
            para(cells[start + 1], ":")
            para(cells[start + 2], "{{ " + expr + " }}", bold=expr == "pegawai.nama")
    para(doc, "", space_after=3)
    widths = [0.8, 5.0, 1.0, 1.9, 1.3, 1.5, 2.0, 1.0, 1.9, 1.3, 1.5, 2.0, 2.5, 2.0]
    last = len(widths) - 1
    t = table(doc, 0, widths)
    top, sub = add_row(t, widths), add_row(t, widths)
    for row in (top, sub):
        header_row(row)
    for col, text in ((0, "NO"), (1, "I. KEGIATAN TUGAS JABATAN"), (2, "AK"), (7, "AK"),
                      (12, "PENGHITUNGAN"), (13, "NILAI CAPAIAN SKP")):
        _sel_kepala(top.cells[col], text, size=7)
        vmerge(top.cells[col], restart=True)
        shade(sub.cells[col])
        vmerge(sub.cells[col], restart=False)
        para(sub.cells[col], "")
    for start, text in ((3, "TARGET"), (8, "REALISASI")):
        _sel_kepala(merged(top, start, start + 3), text)
        for col, label in zip(range(start, start + 4),
                              ("KUANT/ OUTPUT", "KUAL/ MUTU", "WAKTU", "BIAYA (Rp)"),
                              strict=True):
            _sel_kepala(sub.cells[col], label, size=7)
    nums = add_row(t, widths)
    header_row(nums)
    for i, cell in enumerate(nums.cells, start=1):
        shade(cell)
        para(cell, f"({i})", align="center", size=7)
    tag_row(t, widths, "{%tr for k in kegiatan %}")
    row = add_row(t, widths)
    keep_row(row)
    columns = ["k.no", "k.kegiatan", "k.target.ak", "k.target.kuant", "k.target.kual",
               "k.target.waktu", "k.target.biaya", "k.realisasi.ak", "k.realisasi.kuant",
               "k.realisasi.kual", "k.realisasi.waktu", "k.realisasi.biaya", "k.penghitungan",
               "k.nilai"]
    for cell, expr in zip(row.cells, columns, strict=True):
        valign(cell, "top")
        align = "left" if expr == "k.kegiatan" else "right" if expr.endswith(
            ("biaya", "penghitungan", "nilai")) else "center"
        para(cell, "{{ " + expr + " }}", align=align, size=8,
             bold=expr == "k.nilai")
    tag_row(t, widths, "{%tr endfor %}")

    def summary(label: str, value: str, *, bold: bool = False, fill: bool = False) -> None:
        row = add_row(t, widths)
        keep_row(row)
        para(row.cells[0], "")
        cell = merged(row, 1, last - 1)
        if fill:
            shade(cell)
        para(cell, label, bold=bold, align="right")
        para(row.cells[last], value, bold=True, align="right")

    summary("Jumlah nilai capaian kegiatan tugas jabatan", "{{ jumlah }}")
    summary("Nilai rata-rata kegiatan tugas jabatan (jumlah / {{ n_kegiatan }} kegiatan)",
            "{{ rata }}")
    judul_baris(t, widths, "II. TUGAS TAMBAHAN DAN KREATIVITAS", fill=True)

    def items(title: str, group: str, value: str, expr: str) -> None:
        row = add_row(t, widths)
        keep_row(row)
        para(row.cells[0], "")
        cell = merged(row, 1, last - 1)
        para(cell, title, bold=True)
        para(row.cells[last], value, bold=True, align="right")
        tag_row(t, widths, "{%tr for x in " + group + " %}")
        row = add_row(t, widths)
        keep_row(row)
        para(row.cells[0], "")
        cell = merged(row, 1, last - 1)
        hanging(para(cell, expr), 0.5)
        para(row.cells[last], "")
        tag_row(t, widths, "{%tr endfor %}")
        tag_row(t, widths, "{%tr if not " + group + " %}")
        row = add_row(t, widths)
        para(row.cells[0], "")
        para(merged(row, 1, last - 1), "-")
        para(row.cells[last], "")
        tag_row(t, widths, "{%tr endif %}")

    items("1. Tugas Tambahan", "tugas_tambahan", "{{ nilai_tugas_tambahan }}",
          "{{ x.no }}.\t{{ x.uraian }}{% if x.dasar %} ({{ x.dasar }}){% endif %}")
    items("2. Kreativitas", "kreativitas", "{{ nilai_kreativitas }}",
          "-\t{{ x.uraian }} (tingkat {{ x.tingkat }}){% if x.dasar %}; {{ x.dasar }}"
          "{% endif %}")
    row = add_row(t, widths)
    keep_row(row)
    cell = merged(row, 0, last - 1)
    shade(cell)
    valign(cell)
    para(cell, "NILAI CAPAIAN SKP", bold=True, align="center", size=10)
    right = row.cells[last]
    shade(right)
    para(right, "{{ nilai_capaian }}", bold=True, align="center", size=10)
    para(right, "({{ sebutan_capaian }})", bold=True, align="center")
    _ttd_pp46(doc, "", "penilai", lebar)
    kaki(doc)
    return doc


def pp46_prestasi() -> Document:
    """Penilaian Prestasi Kerja PNS, items 1–11 (docs/domain.md §4.1)."""
    doc = new_document()
    kop_surat(doc)
    judul(doc, ["PENILAIAN PRESTASI KERJA", "PEGAWAI NEGERI SIPIL"])
    widths = [5.0, 12.0]
    t = table(doc, 1, widths, borders=False)
    para(t.rows[0].cells[0], "{{ kantor.nama_kapital }}", bold=True)
    para(t.rows[0].cells[1], "JANGKA WAKTU PENILAIAN: {{ jangka_waktu }}", bold=True,
         align="right")
    para(doc, "", space_after=2)
    widths = [0.8, 0.7, 4.2, 2.2, 2.2, 2.2, 1.5, 3.2]
    last = len(widths) - 1

    def bagian(no: str, title: str) -> None:
        row = add_row(t, widths)
        keep_row(row)
        para(row.cells[0], no, bold=True, align="center")
        cell = merged(row, 1, last)
        shade(cell)
        para(cell, title, bold=True)

    t = table(doc, 0, widths)
    for no, title, key in (("1", "YANG DINILAI", "pegawai"), ("2", "PEJABAT PENILAI", "penilai"),
                           ("3", "ATASAN PEJABAT PENILAI", "atasan_penilai")):
        bagian(no, title)
        for letter, (label, field) in zip("abcde", FIELDS_PP46, strict=True):
            row = add_row(t, widths)
            keep_row(row)
            para(row.cells[0], "")
            para(row.cells[1], letter + ".", align="center")
            para(merged(row, 2, 3), label)
            para(merged(row, 4, last), "{{ " + key + "." + field + " }}",
                 bold=field == "nama")
    # 4: the unsur; the last column holds what adds up to the nilai prestasi kerja.
    row = add_row(t, widths)
    keep_row(row)
    para(row.cells[0], "4", bold=True, align="center")
    cell = merged(row, 1, last - 1)
    shade(cell)
    para(cell, "UNSUR YANG DINILAI", bold=True)
    shade(row.cells[last])
    para(row.cells[last], "JUMLAH", bold=True, align="center")
    row = add_row(t, widths)
    keep_row(row)
    para(row.cells[0], "")
    para(row.cells[1], "a.", align="center")
    para(merged(row, 2, 3), "Sasaran Kerja PNS (SKP)")
    para(row.cells[4], "{{ nilai_skp }}", align="center")
    para(row.cells[5], "{{ sebutan_skp }}", align="center")
    para(row.cells[6], "× 60%", align="center")
    para(row.cells[last], "{{ bagian_skp }}", bold=True, align="right")
    row = add_row(t, widths)
    keep_row(row)
    para(row.cells[0], "")
    para(row.cells[1], "b.", align="center")
    para(merged(row, 2, 3), "Perilaku Kerja")
    para(row.cells[4], "Nilai", bold=True, align="center")
    para(row.cells[5], "Sebutan", bold=True, align="center")
    para(row.cells[6], "")
    para(row.cells[last], "")
    tag_row(t, widths, "{%tr for p in perilaku %}")
    row = add_row(t, widths)
    keep_row(row)
    para(row.cells[0], "")
    para(row.cells[1], "")
    para(merged(row, 2, 3), "{{ p.no }}. {{ p.aspek }}")
    para(row.cells[4], "{{ p.nilai }}", align="center")
    para(row.cells[5], "{{ p.sebutan }}", align="center")
    para(row.cells[6], "")
    para(row.cells[last], "")
    tag_row(t, widths, "{%tr endfor %}")
    for label, value, sebutan, bobot, jumlah in (
        ("Jumlah", "{{ jumlah_perilaku }}", "", "", ""),
        ("Nilai rata-rata (jumlah / {{ pembagi }})", "{{ rata_perilaku }}",
         "{{ sebutan_perilaku }}", "", ""),
        ("Nilai perilaku kerja", "{{ rata_perilaku }}", "", "× 40%", "{{ bagian_perilaku }}"),
    ):
        row = add_row(t, widths)
        keep_row(row)
        para(row.cells[0], "")
        para(row.cells[1], "")
        para(merged(row, 2, 3), label)
        para(row.cells[4], value, align="center")
        para(row.cells[5], sebutan, align="center")
        para(row.cells[6], bobot, align="center")
        para(row.cells[last], jumlah, bold=True, align="right")
    row = add_row(t, widths)
    keep_row(row)
    para(row.cells[0], "")
    cell = merged(row, 1, last - 1)
    shade(cell)
    valign(cell)
    para(cell, "NILAI PRESTASI KERJA", bold=True, align="center", size=10)
    shade(row.cells[last])
    para(row.cells[last], "{{ nilai_prestasi }}", bold=True, align="center", size=10)
    para(row.cells[last], "({{ sebutan_prestasi }})", bold=True, align="center")
    # Items 5–11 on the second page, as on the printed form.
    doc.add_page_break()
    t = table(doc, 0, widths)
    for no, title, tanggal in (
        ("5", "KEBERATAN DARI PEGAWAI NEGERI SIPIL YANG DINILAI (APABILA ADA)", True),
        ("6", "TANGGAPAN PEJABAT PENILAI ATAS KEBERATAN", True),
        ("7", "KEPUTUSAN ATASAN PEJABAT PENILAI ATAS KEBERATAN", True),
        ("8", "REKOMENDASI", False),
    ):
        bagian(no, title)
        row = add_row(t, widths)
        keep_row(row)
        row.height = Cm(2.4)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        para(row.cells[0], "")
        cell = merged(row, 1, last)
        valign(cell, "top")
        para(cell, "")
        if tanggal:
            para(cell, "Tanggal, ……………………", align="right")
    _ttd_prestasi(doc)
    kaki(doc)
    return doc


def _ttd_prestasi(doc: Document, lebar: float = USABLE_CM) -> None:
    """9. penilai (right, dated), 10. PNS (left), 11. atasan (right), as the form stacks them."""
    para(doc, "", space_after=6, keep_next=True)
    widths = [lebar / 2, lebar / 2]
    t = table(doc, 0, widths, borders=False)
    for no, side, key, dated in (("9", 1, "penilai", True), ("10", 0, "pegawai", False),
                                 ("11", 1, "atasan_penilai", False)):
        who, space, name = (add_row(t, widths) for _i in range(3))
        for row in (who, space, name):
            keep_row(row)
        cell = who.cells[side]
        other = 1 - side
        for r in (who, space, name):
            para(r.cells[other], "")
        when = "{{ ttd.tanggal }}" if dated else "……………………"
        para(cell, no + ". " + ("DIBUAT" if dated else "DITERIMA") + " TANGGAL, " + when,
             align="center", keep_next=True)
        para(cell, "{{ ttd." + key + ".peran | upper }},", align="center", keep_next=True)
        tag_para(cell, "{%p for baris in ttd." + key + ".jabatan_baris %}")
        para(cell, "{{ baris }}", align="center", keep_next=True)
        tag_para(cell, "{%p endfor %}")
        para(space.cells[side], "", keep_next=True)
        space.height = Cm(1.6)
        space.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
        para(name.cells[side], "{{ ttd." + key + ".nama }}", bold=True, underline=True,
             align="center", keep_next=True)
        para(name.cells[side], "NIP. {{ ttd." + key + ".nip }}", align="center",
             keep_next=no != "11", space_after=6)


TEMPLATES = {
    "skp_ja_jf.docx": lambda: skp(jpt=False),
    "skp_jpt.docx": lambda: skp(jpt=True),
    "lampiran_skp.docx": lampiran_skp,
    "evaluasi_ja_jf.docx": lambda: evaluasi(jpt=False),
    "evaluasi_jpt.docx": lambda: evaluasi(jpt=True),
    "dokumen_evaluasi.docx": dokumen_evaluasi,
    "buku_catatan.docx": buku_catatan,
    "laporan_pengukuran.docx": laporan_pengukuran,
    "surat_pengantar_pengukuran.docx": surat_pengantar,
    "pp46_skp.docx": pp46_skp,
    "pp46_capaian.docx": pp46_capaian,
    "pp46_prestasi.docx": pp46_prestasi,
}


def normalised(doc: Document) -> bytes:
    """Save with fixed zip timestamps so that the bytes only change when the form does."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    stale = []
    for name, build in TEMPLATES.items():
        data = normalised(build())
        target = args.out / name
        if args.check:
            if not target.exists() or target.read_bytes() != data:
                stale.append(name)
            continue
        target.write_bytes(data)
        print(target)
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
