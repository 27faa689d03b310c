"""Official forms as .docx: context builders, docxtpl rendering, template checks, PDF and print.

The UI calls these:

- ``daftar_jenis()`` / ``jenis(kode)`` — the registry of document kinds;
- ``buat_dokumen(aktor, kode, record_id)`` → ``HasilDokumen`` (archived, with warnings);
- ``buat_massal(aktor, kode, record_ids, batal=…)`` → progress steps, for a worker thread;
- ``render_rekaman(kode, record_id)`` — render without archiving (preview);
- ``buka(path)``, ``ke_pdf(paths, folder)``, ``cetak(path, salinan)``, ``cetak_massal(…)``;
- the archive itself (list, attach scan, mark signed) is ``skpdesk.services.dokumen``.
"""

from skpdesk.documents.arsip import (
    HasilDokumen,
    Kemajuan,
    buat_dokumen,
    buat_massal,
    render_rekaman,
)
from skpdesk.documents.jenis import JENIS, JenisDokumen, JenisTidakDikenal, daftar_jenis, jenis
from skpdesk.documents.keluaran import (
    KeluaranGagal,
    bisa_pdf,
    buka,
    cari_soffice,
    cetak,
    cetak_massal,
    ke_pdf,
)
from skpdesk.documents.templat import TemplatTidakAda, folder_kantor

__all__ = [
    "JENIS",
    "HasilDokumen",
    "JenisDokumen",
    "JenisTidakDikenal",
    "KeluaranGagal",
    "Kemajuan",
    "TemplatTidakAda",
    "bisa_pdf",
    "buat_dokumen",
    "buat_massal",
    "buka",
    "cari_soffice",
    "cetak",
    "cetak_massal",
    "daftar_jenis",
    "folder_kantor",
    "jenis",
    "ke_pdf",
    "render_rekaman",
]
