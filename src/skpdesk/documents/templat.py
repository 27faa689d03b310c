"""Templates: the built-in ones, an office's own copy in its data folder, the check before use."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate

from skpdesk.domain import format as fmt
from skpdesk.i18n import _
from skpdesk.resources import resource_path
from skpdesk.services.dokumen import folder_data

FOLDER_KANTOR = "templates"
# A tag ends at its closing braces, else (unterminated) at the end of its paragraph or where
# the next tag opens.
_TAG = re.compile(
    r"\{\{(?:(?!\{[{%]).)*?(?:\}\}|$|(?=\{[{%]))|\{%(?:(?!\{[{%]).)*?(?:%\}|$|(?=\{[{%]))"
)


class TemplatTidakAda(Exception):
    """Neither the office nor the installation has the template (a broken installation)."""


@dataclass(frozen=True)
class Templat:
    """The template chosen for one render, and why."""

    nama: str  # file name, e.g. "skp_ja_jf.docx"
    path: Path
    milik_kantor: bool
    peringatan: str = ""  # why the office's copy was refused, for the person printing

    @property
    def label(self) -> str:
        return f"kantor:{self.nama}" if self.milik_kantor else f"bawaan:{self.nama}"


class _CachingEnvironment(jinja2.Environment):
    """docxtpl compiles the whole document XML on every render; the XML of one template is
    the same each time, so its compiled form is kept (a batch of 100 compiles once)."""

    _lock = threading.Lock()

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002
        if globals is not None or template_class is not None:
            return super().from_string(source, globals, template_class)
        cache: dict[str, jinja2.Template] = self.__dict__.setdefault("_compiled", {})
        with self._lock:
            found = cache.get(source)
            if found is None:
                if len(cache) > 64:
                    cache.clear()
                found = cache[source] = super().from_string(source)
        return found


def lingkungan() -> jinja2.Environment:
    """The Jinja environment of every render: escaping on, unknown names are errors."""
    env = _CachingEnvironment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters.update({"tanggal": fmt.tanggal, "angka": fmt.angka, "rupiah": fmt.rupiah})
    return env


_ENV = lingkungan()


def env() -> jinja2.Environment:
    return _ENV


def bawaan(nama: str) -> Path:
    return resource_path(f"templates/{nama}")


def folder_kantor() -> Path:
    """Where an office drops its own copies: ``<data folder>/templates/``."""
    return folder_data() / FOLDER_KANTOR


# --- the check ------------------------------------------------------------------------------


def _teks_templat(tpl: DocxTemplate) -> str:
    """The template's text as typed, one paragraph a line, body, headers and footers.

    Read before docxtpl's own rewriting, which can swallow a malformed row tag whole.
    """
    tpl.init_docx()
    xml = tpl.get_xml()
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _key, part in tpl.get_headers_footers(uri):
            xml += tpl.get_part_xml(part)
    xml = re.sub(r"<w:p[ >]", "\n\\g<0>", xml)
    return re.sub(r"<[^>]+>", "", xml)


_BLOK = {"for": "endfor", "if": "endif"}


def _tag_salah(teks: str) -> str:
    """The first tag Jinja cannot read: unterminated, unparsable, or closing the wrong block."""
    stack: list[tuple[str, str]] = []
    for line in teks.splitlines():
        for tag in _TAG.findall(line):
            if not tag.endswith(("}}", "%}")):
                return tag.strip()
            if tag.startswith("{{"):
                try:
                    _ENV.parse(tag)
                except jinja2.TemplateSyntaxError:
                    return tag.strip()
                continue
            words = tag[2:-2].split()
            if words and words[0] in ("tr", "tc", "p", "r"):  # docxtpl's row/cell/para tags
                words = words[1:]
            keyword = words[0] if words else ""
            if keyword in _BLOK:
                stack.append((_BLOK[keyword], tag))
            elif keyword in ("endfor", "endif"):
                if not stack or stack[-1][0] != keyword:
                    return tag.strip()
                stack.pop()
    return stack[-1][1].strip() if stack else ""


def _tag_dengan(teks: str, name: str) -> str:
    for tag in _TAG.findall(teks):
        if re.search(rf"\b{re.escape(name)}\b", tag):
            return tag.strip()
    return name


def periksa(path: Path, contoh: list[dict]) -> str:
    """Why this template cannot be used with these sample contexts; empty when it can.

    Three checks, each naming the faulty tag: the file is a .docx, every variable it uses is
    one the context provides (``get_undeclared_template_variables``), and a trial render with
    each sample succeeds.
    """
    nama = path.name
    try:
        tpl = DocxTemplate(str(path))
        teks = _teks_templat(tpl)
    except Exception:  # a zip that is not a document, a missing part: python-docx says little
        return _("Templat '{nama}' bukan berkas Word (.docx) yang dapat dibaca.").format(nama=nama)
    keys = set().union(*(c.keys() for c in contoh))
    try:
        unknown = sorted(tpl.get_undeclared_template_variables(_ENV, context=dict.fromkeys(keys)))
    except jinja2.TemplateSyntaxError as exc:
        return _syntax(nama, exc, teks)
    if unknown:
        return _("Templat '{nama}' memakai variabel yang tidak dikenal: {tag}.").format(
            nama=nama, tag=", ".join(_tag_dengan(teks, v) for v in unknown)
        )
    for sample in contoh:
        trial = DocxTemplate(str(path))
        try:
            trial.render(dict(sample), _ENV, autoescape=True)
        except jinja2.TemplateSyntaxError as exc:
            return _syntax(nama, exc, teks)
        except jinja2.UndefinedError as exc:
            missing = re.search(r"attribute '([^']+)'|'([^']+)' is undefined", str(exc))
            name = next((g for g in missing.groups() if g), "") if missing else ""
            return _("Templat '{nama}' memakai {tag} yang tidak ada pada data ({error}).").format(
                nama=nama, tag=_tag_dengan(teks, name) if name else "?", error=exc
            )
        except Exception as exc:  # a tag that breaks the document structure itself
            return _("Templat '{nama}' tidak dapat diisi: {error}.").format(nama=nama, error=exc)
    return ""


def _syntax(nama: str, exc: jinja2.TemplateSyntaxError, teks: str) -> str:
    tag = _tag_salah(teks)
    named = re.search(r"'([^']+)'", exc.message or "")
    if not tag and named:  # e.g. an unknown filter: the tag that uses it
        found = _tag_dengan(teks, named.group(1))
        tag = found if found != named.group(1) else ""
    if not tag:
        # docxtpl keeps the lines around the error; the fourth is the faulty paragraph.
        lines = [" ".join(line.split()) for line in getattr(exc, "docx_context", None) or ()]
        tag = next((line for line in lines[3:4] if line), "?")[:80]
    return _("Templat '{nama}' ditolak: tag {tag} salah ({error}).").format(
        nama=nama, tag=tag, error=exc.message or exc
    )


# --- choosing ------------------------------------------------------------------------------

_cache: dict[tuple[str, int, int], str] = {}
_cache_lock = threading.Lock()


def _periksa_tersimpan(path: Path, contoh: Callable[[], list[dict]]) -> str:
    """The check is done once per file version: a batch does not check 100 times."""
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    with _cache_lock:
        if key in _cache:
            return _cache[key]
    result = periksa(path, contoh())
    with _cache_lock:
        _cache[key] = result
    return result


def pilih(nama: str, contoh: Callable[[], list[dict]]) -> Templat:
    """The office's copy when it passes the check, else the built-in one with the reason."""
    own = folder_kantor() / nama
    peringatan = ""
    if own.is_file():
        peringatan = _periksa_tersimpan(own, contoh)
        if not peringatan:
            return Templat(nama, own, True)
        peringatan += " " + _("Templat bawaan dipakai.")
    builtin = bawaan(nama)
    if not builtin.is_file():
        raise TemplatTidakAda(
            _("Templat '{nama}' tidak ditemukan di instalasi skpdesk; pasang ulang aplikasi.")
            .format(nama=nama)
        )
    return Templat(nama, builtin, False, peringatan)
