"""docxtpl rendering: a context and a template in, a .docx out, on the office's paper."""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass, field

from docx.enum.section import WD_ORIENT
from docx.image.image import Image
from docx.shared import Cm, Mm
from docxtpl import DocxTemplate, InlineImage

from skpdesk.documents import templat as templat_mod
from skpdesk.documents.kurva import gambar_kurva
from skpdesk.documents.templat import Templat
from skpdesk.i18n import _

# (width, height) in portrait. F4/Folio as sold in Indonesia and set in printer drivers:
# 8.5 × 13 inches.
UKURAN: dict[str, tuple[int, int]] = {
    "A4": (Mm(210), Mm(297)),
    "F4": (Mm(215.9), Mm(330.2)),
}
LOGO_TINGGI = Cm(2.1)
KURVA_LEBAR = Cm(9.5)


class _Templat(DocxTemplate):
    """docxtpl rewrites the document XML with some thirty regular expressions before every
    render; for one template that rewrite always gives the same text, so it is done once."""

    _patched: dict[str, str] = {}

    def patch_xml(self, src_xml: str) -> str:
        found = self._patched.get(src_xml)
        if found is None:
            if len(self._patched) > 64:
                self._patched.clear()
            found = self._patched[src_xml] = super().patch_xml(src_xml)
        return found


@dataclass
class HasilRender:
    isi: bytes
    templat: Templat
    peringatan: list[str] = field(default_factory=list)


def atur_kertas(doc, ukuran: str) -> None:
    """Set every section to the office's paper, keeping each section's orientation.

    One template set serves both papers: the office edits one copy, and the margins and table
    widths (made for A4) fit F4, which is as wide and longer.
    """
    width, height = UKURAN.get(ukuran, UKURAN["A4"])
    for section in doc.sections:
        landscape = section.orientation == WD_ORIENT.LANDSCAPE or (
            section.page_width and section.page_height
            and section.page_width > section.page_height
        )
        if landscape:
            section.page_width, section.page_height = height, width
        else:
            section.page_width, section.page_height = width, height


def render(
    templat: Templat, konteks: dict, *, ukuran_kertas: str = "A4", logo: bytes | None = None
) -> HasilRender:
    """Fill the template; ``autoescape`` is always on so "Sri & Rahayu <Plt>" prints as typed."""
    tpl = _Templat(str(templat.path))
    peringatan = [templat.peringatan] if templat.peringatan else []
    context = copy.copy(konteks)  # shallow: only "logo" and "kurva_gambar" are replaced
    context["logo"] = ""
    if logo:
        if logo_terbaca(logo):
            context["logo"] = InlineImage(tpl, io.BytesIO(logo), height=LOGO_TINGGI)
        else:
            peringatan.append(
                _("Logo kantor tidak dapat dibaca sebagai gambar; dokumen dibuat tanpa logo. "
                  "Ganti logo di Pengaturan.")
            )
    if "kurva_gambar" in context:
        # The chart is drawn from its data at render time: the stored context stays JSON.
        context["kurva_gambar"] = InlineImage(
            tpl, io.BytesIO(gambar_kurva(context.get("kurva") or [])), width=KURVA_LEBAR
        )
    tpl.render(context, templat_mod.env(), autoescape=True)
    atur_kertas(tpl.docx, ukuran_kertas)
    out = io.BytesIO()
    tpl.save(out)
    return HasilRender(out.getvalue(), templat, peringatan)


def logo_terbaca(data: bytes) -> bool:
    """python-docx can size the image (a PNG or JPEG whose header is sound)."""
    try:
        Image.from_blob(data)
    except Exception:  # python-docx raises anything from struct errors to UnicodeDecodeError
        return False
    return True
