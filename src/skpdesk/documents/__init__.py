"""Official forms as .docx: context builders, docxtpl rendering, template checks, PDF and print.

The UI calls these:

- ``daftar_jenis()`` / ``jenis(kode)`` — the registry of document kinds;
- ``buat_dokumen(aktor, kode, record_id)`` → ``HasilDokumen`` (archived, with warnings);
- ``buat_massal(aktor, kode, record_ids, batal=…)`` → progress steps, for a worker thread;
- ``render_rekaman(kode, record_id)`` — render without archiving (preview);
- ``buka(path)``, ``ke_pdf(paths, folder)``, ``cetak(path, salinan)``, ``cetak_massal(…)``;
- the archive itself (list, attach scan, mark signed) is ``skpdesk.services.dokumen``.


Importing the package is cheap: the names load their module (docxtpl, lxml) on first use.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE: dict[str, str] = {
    "HasilDokumen": "arsip",
    "Kemajuan": "arsip",
    "buat_dokumen": "arsip",
    "buat_massal": "arsip",
    "render_rekaman": "arsip",
    "JENIS": "registri",
    "JenisDokumen": "registri",
    "JenisTidakDikenal": "registri",
    "daftar_jenis": "registri",
    "jenis": "registri",
    "KeluaranGagal": "keluaran",
    "bisa_pdf": "keluaran",
    "buka": "keluaran",
    "cari_soffice": "keluaran",
    "cetak": "keluaran",
    "cetak_massal": "keluaran",
    "ke_pdf": "keluaran",
    "TemplatTidakAda": "templat",
    "folder_kantor": "templat",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
