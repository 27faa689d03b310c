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
from skpdesk.proses import tanpa_jendela

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


def ada_word() -> bool:
    """Microsoft Word is registered for automation on this Windows machine."""
    if sys.platform != "win32":
        return False
    try:  # pragma: no cover - Windows
        import winreg

        winreg.CloseKey(winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, r"Word.Application\CLSID"))
        return True
    except OSError:  # pragma: no cover - Windows
        return False


# Word saves as PDF through its automation interface (wdFormatPDF = 17); PowerShell is on every
# Windows, so no extra package is needed. The pairs come in a JSON file: no quoting of paths.
SKRIP_WORD = r"""
param([string]$daftar)
$ErrorActionPreference = 'Stop'
$pairs = Get-Content -Raw -Encoding UTF8 $daftar | ConvertFrom-Json
$word = New-Object -ComObject Word.Application
$word.Visible = $false
$word.DisplayAlerts = 0
try {
    foreach ($p in $pairs) {
        $doc = $word.Documents.Open($p.docx, $false, $true)
        $doc.SaveAs([ref]$p.pdf, [ref]17)
        $doc.Close([ref]0)
    }
} finally {
    $word.Quit()
}
"""


def _pdf_dengan_word(paths: list[Path], folder: Path, runner: Runner) -> None:
    import json

    with tempfile.TemporaryDirectory(prefix="skpdesk-word-") as tmp:
        script = Path(tmp) / "pdf.ps1"
        script.write_text(SKRIP_WORD, encoding="utf-8")
        daftar = Path(tmp) / "daftar.json"
        pairs = [
            {"docx": str(p.resolve()), "pdf": str((folder / (p.stem + ".pdf")).resolve())}
            for p in paths
        ]
        daftar.write_text(json.dumps(pairs), encoding="utf-8")
        command = [
            "powershell",
            "-NoProfile",
            "-NonInteractive",
            "-ExecutionPolicy",
            "Bypass",
            "-File",
            str(script),
            str(daftar),
        ]
        try:
            result = runner(command, capture_output=True, text=True,
                            timeout=PDF_TIMEOUT_PER_FILE * len(paths) + 30, **tanpa_jendela())
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise KeluaranGagal(_("Konversi ke PDF gagal: {error}.").format(error=exc)) from exc
        if result.returncode != 0:
            detail = (result.stderr or result.stdout or "").strip().splitlines()
            raise KeluaranGagal(
                _("Microsoft Word gagal menyimpan PDF. {detail}").format(
                    detail=detail[-1] if detail else ""
                ).strip()
            )


def _profil() -> str:
    """A LibreOffice profile of our own: an open LibreOffice window must not block a batch."""
    folder = Path(tempfile.gettempdir()) / "skpdesk-libreoffice"
    return folder.as_uri()


def ke_pdf(
    paths: Sequence[Path],
    folder: Path | None = None,
    *,
    soffice: str | None = None,
    word: bool | None = None,
    runner: Runner = subprocess.run,
) -> list[Path]:
    """Convert .docx files to PDF in one call, by LibreOffice or else by Microsoft Word.

    Returns the PDF paths in order. ``word`` overrides the detection of Word (tests).
    """
    paths = [Path(p) for p in paths]
    if not paths:
        return []
    soffice = soffice or cari_soffice()
    folder = Path(folder) if folder else paths[0].parent
    if soffice is None and not (word if word is not None else ada_word()):
        raise KeluaranGagal(
            _("LibreOffice atau Microsoft Word tidak ditemukan; PDF tidak dapat dibuat. Pasang "
              "salah satunya, atau buka berkas .docx lalu simpan sebagai PDF dari pengolah kata.")
        )
    folder.mkdir(parents=True, exist_ok=True)
    pdfs = [folder / (p.stem + ".pdf") for p in paths]
    if soffice is None:
        # Most offices have Word rather than LibreOffice: one Word session for the batch.
        _pdf_dengan_word(paths, folder, runner)
        missing = [p.name for p in pdfs if not p.is_file()]
        if missing:
            raise KeluaranGagal(
                _("Konversi ke PDF gagal untuk {berkas}.").format(berkas=", ".join(missing))
            )
        return pdfs
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
                        timeout=PDF_TIMEOUT_PER_FILE * len(paths) + 30, **tanpa_jendela())
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise KeluaranGagal(_("Konversi ke PDF gagal: {error}.").format(error=exc)) from exc
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
    return cari_soffice() is not None or ada_word()


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
            capture_output=True, text=True, timeout=PDF_TIMEOUT_PER_FILE + 30, **tanpa_jendela(),
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


PRATINJAU_TIMEOUT = 20  # seconds for one page; a broken PDF must not hang the dialog


def halaman_pertama(
    pdf: Path, folder: Path, *, lebar: int = 900, pdftoppm: str | None = None,
    runner: Runner = subprocess.run,
) -> Path | None:
    """The first page of a PDF as a PNG in ``folder``, drawn by poppler's ``pdftoppm`` when
    the machine has it (Qt's own PDF module is not in the build); None when it cannot be drawn,
    and the screen then shows the file's name instead."""
    program = pdftoppm or shutil.which("pdftoppm")
    if program is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    prefix = folder / "halaman1"
    command = [program, "-png", "-f", "1", "-l", "1", "-singlefile",
               "-scale-to", str(lebar), str(pdf), str(prefix)]
    try:
        result = runner(command, capture_output=True, timeout=PRATINJAU_TIMEOUT,
                        **tanpa_jendela())
    except (OSError, subprocess.TimeoutExpired):
        return None
    png = prefix.with_suffix(".png")
    return png if result.returncode == 0 and png.is_file() else None
