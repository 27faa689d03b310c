"""Output: open in the word processor, convert to PDF, print — with what the machine has.

Every function takes its launcher as an argument (defaulting to the real one) so that tests and
the UI can run without a word processor or a printer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from skpdesk.i18n import _

Runner = Callable[..., subprocess.CompletedProcess]
PDF_TIMEOUT_PER_FILE = 60  # seconds; LibreOffice's first start on a slow laptop is long


class KeluaranGagal(Exception):
    """Opening, converting or printing failed; the message is for the person."""


def _startfile(path: Path, operation: str | None = None) -> None:  # pragma: no cover - Windows
    if operation:
        os.startfile(str(path), operation)  # type: ignore[attr-defined]
    else:
        os.startfile(str(path))  # type: ignore[attr-defined]


def pembuka_sistem(path: Path) -> None:
    """The system's own way to open a file with its associated program."""
    if sys.platform == "win32":
        _startfile(path)
    elif sys.platform == "darwin":
        subprocess.Popen(["open", str(path)])
    else:
        subprocess.Popen(["xdg-open", str(path)], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)


def buka(path: Path, *, pembuka: Callable[[Path], None] = pembuka_sistem) -> None:
    """Open the document in the word processor (Word, LibreOffice, WPS …)."""
    path = Path(path)
    if not path.is_file():
        raise KeluaranGagal(_("Berkas {path} tidak ditemukan.").format(path=path))
    try:
        pembuka(path)
    except OSError as exc:
        raise KeluaranGagal(
            _(
                "Berkas tidak dapat dibuka: belum ada pengolah kata untuk berkas .docx "
                "({error})."
            ).format(error=exc)
        ) from exc


def cari_soffice() -> str | None:
    """LibreOffice's ``soffice`` on PATH or in its usual Windows folders; None when absent."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    if sys.platform == "win32":  # pragma: no cover - Windows
        for base in (os.environ.get("PROGRAMFILES", ""), os.environ.get("PROGRAMFILES(X86)", "")):
            candidate = Path(base) / "LibreOffice" / "program" / "soffice.exe"
            if base and candidate.is_file():
                return str(candidate)
    return None


def _profil() -> str:
    """A LibreOffice profile of our own: an open LibreOffice window must not block a batch."""
    folder = Path(tempfile.gettempdir()) / "skpdesk-libreoffice"
    return folder.as_uri()


def ke_pdf(
    paths: Sequence[Path],
    folder: Path | None = None,
    *,
    soffice: str | None = None,
    runner: Runner = subprocess.run,
) -> list[Path]:
    """Convert .docx files to PDF in one LibreOffice call; returns the PDF paths in order."""
    paths = [Path(p) for p in paths]
    if not paths:
        return []
    soffice = soffice or cari_soffice()
    if soffice is None:
        raise KeluaranGagal(
            _("LibreOffice tidak ditemukan; PDF tidak dapat dibuat. Pasang LibreOffice, atau "
              "buka berkas .docx lalu simpan sebagai PDF dari pengolah kata.")
        )
    folder = Path(folder) if folder else paths[0].parent
    folder.mkdir(parents=True, exist_ok=True)
    command = [
        soffice,
        f"-env:UserInstallation={_profil()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder),
        *(str(p) for p in paths),
    ]
    try:
        result = runner(command, capture_output=True, text=True,
                        timeout=PDF_TIMEOUT_PER_FILE * len(paths) + 30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise KeluaranGagal(_("Konversi ke PDF gagal: {error}.").format(error=exc)) from exc
    pdfs = [folder / (p.stem + ".pdf") for p in paths]
    missing = [p.name for p in pdfs if not p.is_file()]
    if result.returncode != 0 or missing:
        detail = (result.stderr or result.stdout or "").strip().splitlines()
        raise KeluaranGagal(
            _("Konversi ke PDF gagal untuk {berkas}. {detail}").format(
                berkas=", ".join(missing) or _("sebagian berkas"),
                detail=detail[-1] if detail else "",
            ).strip()
        )
    return pdfs


def bisa_pdf() -> bool:
    return cari_soffice() is not None


@dataclass(frozen=True)
class LangkahCetak:
    selesai: int
    jumlah: int
    path: Path


def cetak(
    path: Path,
    salinan: int = 1,
    *,
    soffice: str | None = None,
    runner: Runner = subprocess.run,
    startfile: Callable[[Path, str], None] | None = None,
) -> None:
    """Print on the default printer, ``salinan`` copies (penggandaan as the SOP asks).

    Windows uses the document's own print verb (the program that opens .docx prints it);
    elsewhere LibreOffice prints headless. Neither takes a copy count, so each copy is a job.
    """
    path = Path(path)
    if salinan < 1:
        raise KeluaranGagal(_("Jumlah salinan minimal 1."))
    if sys.platform == "win32" or startfile is not None:
        verb = startfile or _startfile
        for _copy in range(salinan):
            try:
                verb(path, "print")
            except OSError as exc:
                raise KeluaranGagal(_("Pencetakan gagal: {error}.").format(error=exc)) from exc
        return
    soffice = soffice or cari_soffice()
    if soffice is None:
        raise KeluaranGagal(
            _("Tidak ada program untuk mencetak: pasang LibreOffice, atau buka berkas lalu "
              "cetak dari pengolah kata.")
        )
    for _copy in range(salinan):
        result = runner(
            [soffice, f"-env:UserInstallation={_profil()}", "--headless", "--norestore", "-p",
             str(path)],
            capture_output=True, text=True, timeout=PDF_TIMEOUT_PER_FILE + 30,
        )
        if result.returncode != 0:
            raise KeluaranGagal(
                _("Pencetakan gagal: {detail}").format(detail=(result.stderr or "").strip())
            )


def cetak_massal(
    paths: Sequence[Path],
    salinan: int = 1,
    *,
    batal: Callable[[], bool] = lambda: False,
    **kwargs,
) -> Iterator[LangkahCetak]:
    """Print a batch one document at a time, yielding progress; ``batal()`` stops between."""
    for n, path in enumerate(paths, start=1):
        if batal():
            return
        cetak(path, salinan, **kwargs)
        yield LangkahCetak(n, len(paths), Path(path))
