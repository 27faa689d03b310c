"""Opening, PDF and printing, with the launchers injected; one real conversion when possible."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from skpdesk.documents import buat_dokumen, keluaran
from skpdesk.documents.keluaran import KeluaranGagal

from .conftest import NIP_PERENCANA, NIP_STAF, admin, skp_of


def test_open_hands_the_file_to_the_system(tmp_path):
    target = tmp_path / "skp.docx"
    target.write_bytes(b"x")
    opened = []
    keluaran.buka(target, pembuka=opened.append)
    assert opened == [target]


def test_open_a_missing_file_or_without_a_word_processor(tmp_path):
    with pytest.raises(KeluaranGagal, match="tidak ditemukan"):
        keluaran.buka(tmp_path / "tidak-ada.docx", pembuka=lambda p: None)
    target = tmp_path / "skp.docx"
    target.write_bytes(b"x")

    def no_program(path: Path) -> None:
        raise OSError("no application associated")

    with pytest.raises(KeluaranGagal, match="pengolah kata"):
        keluaran.buka(target, pembuka=no_program)


def test_batch_pdf_is_one_libreoffice_call(tmp_path):
    files = [tmp_path / f"{n}.docx" for n in ("a", "b", "c")]
    calls = []

    def fake_soffice(command, **kwargs):
        calls.append(command)
        out = Path(command[command.index("--outdir") + 1])
        for f in files:
            (out / f"{f.stem}.pdf").write_bytes(b"%PDF-1.4")
        return subprocess.CompletedProcess(command, 0, "", "")

    pdfs = keluaran.ke_pdf(files, tmp_path / "pdf", soffice="soffice", runner=fake_soffice)
    assert pdfs == [tmp_path / "pdf" / f"{n}.pdf" for n in ("a", "b", "c")]
    [command] = calls
    assert command[-3:] == [str(f) for f in files]
    assert "--headless" in command and "pdf" in command


def test_pdf_without_libreoffice_or_word_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(keluaran, "cari_soffice", lambda: None)
    with pytest.raises(KeluaranGagal, match="LibreOffice atau Microsoft Word tidak ditemukan"):
        keluaran.ke_pdf([tmp_path / "a.docx"], word=False)


def test_pdf_by_word_when_there_is_no_libreoffice(tmp_path, monkeypatch):
    """One PowerShell call drives Word over the whole batch; the paths travel in a JSON file."""
    import json

    monkeypatch.setattr(keluaran, "cari_soffice", lambda: None)
    files = [tmp_path / "dengan spasi & tanda.docx", tmp_path / "b.docx"]
    calls = []

    def fake_powershell(command, **kwargs):
        calls.append(command)
        script = Path(command[command.index("-File") + 1]).read_text(encoding="utf-8")
        assert "Word.Application" in script and "[ref]17" in script
        pairs = json.loads(Path(command[-1]).read_text(encoding="utf-8"))
        assert [p["docx"] for p in pairs] == [str(f.resolve()) for f in files]
        for p in pairs:
            Path(p["pdf"]).write_bytes(b"%PDF-1.4")
        return subprocess.CompletedProcess(command, 0, "", "")

    pdfs = keluaran.ke_pdf(files, tmp_path / "pdf", word=True, runner=fake_powershell)
    assert pdfs == [tmp_path / "pdf" / "dengan spasi & tanda.pdf", tmp_path / "pdf" / "b.pdf"]
    assert len(calls) == 1 and calls[0][0] == "powershell"

    failing = lambda command, **kw: subprocess.CompletedProcess(  # noqa: E731
        command, 1, "", "Word: dokumen terkunci")
    with pytest.raises(KeluaranGagal, match="dokumen terkunci"):
        keluaran.ke_pdf([tmp_path / "c.docx"], word=True, runner=failing)


def test_pdf_conversion_failure_names_the_file(tmp_path):
    failed = lambda command, **kw: subprocess.CompletedProcess(command, 1, "", "Error: source")  # noqa: E731
    with pytest.raises(KeluaranGagal, match="a.pdf"):
        keluaran.ke_pdf([tmp_path / "a.docx"], soffice="soffice", runner=failed)


def test_print_copies_are_one_job_each(tmp_path):
    target = tmp_path / "skp.docx"
    target.write_bytes(b"x")
    jobs = []
    keluaran.cetak(target, 3, startfile=lambda path, verb: jobs.append((path, verb)))
    assert jobs == [(target, "print")] * 3
    commands = []
    ok = lambda command, **kw: commands.append(command) or subprocess.CompletedProcess(  # noqa: E731
        command, 0, "", "")
    if keluaran.sys.platform != "win32":
        keluaran.cetak(target, 2, soffice="soffice", runner=ok)
        assert len(commands) == 2 and commands[0][-2:] == ["-p", str(target)]
    with pytest.raises(KeluaranGagal, match="minimal 1"):
        keluaran.cetak(target, 0, startfile=lambda *a: None)


def test_batch_print_reports_progress_and_stops_when_cancelled(tmp_path):
    files = [tmp_path / f"{n}.docx" for n in range(4)]
    jobs = []
    steps = []
    for step in keluaran.cetak_massal(files, 1, batal=lambda: len(steps) == 2,
                                      startfile=lambda p, v: jobs.append(p)):
        steps.append(step)
    assert [(s.selesai, s.jumlah) for s in steps] == [(1, 4), (2, 4)]
    assert jobs == files[:2]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_real_pdf_of_two_documents_in_one_call(demo_db, tmp_path):
    paths = [buat_dokumen(admin(), "skp", skp_of(n).id).path for n in (NIP_STAF, NIP_PERENCANA)]
    pdfs = keluaran.ke_pdf(paths, tmp_path)
    for pdf in pdfs:
        assert pdf.read_bytes().startswith(b"%PDF")
