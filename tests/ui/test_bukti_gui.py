"""Bukti dukung on the real widgets: the pegawai previews, opens and removes her evidence while
the period is open; the penilai previews and opens it but cannot remove it."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter
from tests.helpers import login
from tests.ui.conftest import click
from tests.ui.test_evaluasi_gui import HENDRA, LIA, clock, page_for, skp  # noqa: F401

from skpdesk.documents import keluaran
from skpdesk.domain.entitas import Entitas
from skpdesk.services import evaluasi as ev_service
from skpdesk.store.models import BuktiDukung, Riwayat
from skpdesk.ui.skp import bukti_dialog
from skpdesk.ui.skp.bukti_dialog import BuktiDialog
from skpdesk.ui.skp.evaluasi_page import COL_BUKTI, COL_REALISASI, EvaluasiPage


def _gambar(path: Path) -> Path:
    image = QImage(300, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("seagreen"))
    assert image.save(str(path))
    return path


def _pdf(path: Path) -> Path:
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.drawText(200, 200, "Berita acara")
    painter.end()
    return path


def _dialogs(monkeypatch) -> list[BuktiDialog]:
    """The evidence dialog opened by the page, kept shown instead of run modally."""
    shown: list[BuktiDialog] = []

    def show(self, dialog):
        shown.append(dialog)
        dialog.show()

    monkeypatch.setattr(EvaluasiPage, "buka_bukti", show)
    return shown


def _lia_attaches(qtbot, skp, tmp_path, monkeypatch):  # noqa: F811
    page = page_for(qtbot, LIA, skp.id)
    click(qtbot, page.tombol_mulai)
    page.tabel.item(0, COL_REALISASI).setText("1")
    click(qtbot, page.tombol_simpan_realisasi)
    realisasi_id = page._realisasi_ids[0]
    ev_service.lampirkan_berkas(login(LIA), realisasi_id, _gambar(tmp_path / "foto_rapat.png"))
    ev_service.lampirkan_berkas(login(LIA), realisasi_id, _pdf(tmp_path / "berita_acara.pdf"))
    page.muat_ulang()
    return page


def test_the_pegawai_previews_opens_and_removes_her_evidence(
    qtbot, skp, clock, tmp_path, monkeypatch  # noqa: F811
):
    page = _lia_attaches(qtbot, skp, tmp_path, monkeypatch)
    shown = _dialogs(monkeypatch)
    opened: list[QUrl] = []
    monkeypatch.setattr(BuktiDialog, "pembuka", lambda self, url: opened.append(url) or True)
    # The machine has no PDF renderer here: the first page is drawn by a stand-in.
    drawn: list[Path] = []

    def first_page(pdf, folder, **_kw):
        drawn.append(pdf)
        return _gambar(Path(folder).with_suffix(".png"))

    monkeypatch.setattr(keluaran, "halaman_pertama", first_page)

    # A double click on the Bukti cell opens the dialog of that IKI.
    page.tabel.cellDoubleClicked.emit(0, COL_BUKTI)
    dialog = shown[-1]
    qtbot.addWidget(dialog)
    assert dialog.daftar.count() == 2
    assert dialog.daftar.item(0).text().startswith("foto_rapat.png\nPNG")
    assert not dialog.pratinjau.pixmap().isNull()
    assert dialog.pratinjau.pixmap().width() > 64  # the picture itself, not an icon
    assert dialog.tombol_hapus.isVisible()

    dialog.daftar.setCurrentRow(1)
    assert drawn and drawn[-1] == ev_service.path_bukti(BuktiDukung.get(
        BuktiDukung.nama_asli == "berita_acara.pdf"))
    assert dialog.pratinjau.pixmap().width() > 64
    assert "halaman pertama" in dialog.keterangan.text()
    click(qtbot, dialog.tombol_buka)
    assert opened[-1].toLocalFile() == str(ev_service.path_bukti(
        BuktiDukung.get(BuktiDukung.nama_asli == "berita_acara.pdf")))

    # Removing asks first; a "no" keeps the file.
    path = ev_service.path_bukti(BuktiDukung.get(BuktiDukung.nama_asli == "berita_acara.pdf"))
    monkeypatch.setattr(BuktiDialog, "konfirmasi", lambda self, teks: False)
    click(qtbot, dialog.tombol_hapus)
    assert BuktiDukung.select().count() == 2
    asked: list[str] = []
    monkeypatch.setattr(BuktiDialog, "konfirmasi", lambda self, teks: asked.append(teks) or True)
    click(qtbot, dialog.tombol_hapus)
    assert "berita_acara.pdf" in asked[-1]
    assert [b.nama_asli for b in BuktiDukung.select()] == ["foto_rapat.png"]
    assert not path.exists()
    assert dialog.daftar.count() == 1
    assert "dihapus" in dialog.pesan.text()
    row = (Riwayat.select().where((Riwayat.entitas == Entitas.EVALUASI)
                                  & (Riwayat.aksi == "hapus_bukti")).get())
    assert row.dari == "berita_acara.pdf" and row.oleh_nama.startswith(LIA)
    dialog.close()
    assert page.tabel.item(0, COL_BUKTI).text() == "1"


def test_the_penilai_sees_the_evidence_but_cannot_remove_it(
    qtbot, skp, clock, tmp_path, monkeypatch  # noqa: F811
):
    page = _lia_attaches(qtbot, skp, tmp_path, monkeypatch)
    click(qtbot, page.tombol_aksi["ajukan"])
    # No PDF renderer on this machine: the dialog says so and offers the system viewer.
    monkeypatch.setattr(keluaran, "halaman_pertama", lambda *a, **k: None)
    shown = _dialogs(monkeypatch)
    opened: list[QUrl] = []
    monkeypatch.setattr(BuktiDialog, "pembuka", lambda self, url: opened.append(url) or True)

    page2 = page_for(qtbot, HENDRA, skp.id)
    page2.tabel.selectRow(0)
    click(qtbot, page2.tombol_bukti)
    dialog = shown[-1]
    qtbot.addWidget(dialog)
    assert not dialog.tombol_hapus.isVisible()
    dialog.daftar.setCurrentRow(1)
    assert "pratinjau PDF tidak tersedia" in dialog.keterangan.text()
    assert "berita_acara.pdf" in dialog.keterangan.text()
    click(qtbot, dialog.tombol_buka)
    assert opened[-1].toLocalFile().endswith("berita_acara.pdf")
    # Even past the screen, the service refuses his removal.
    dialog._boleh_hapus = True
    monkeypatch.setattr(BuktiDialog, "konfirmasi", lambda self, teks: True)
    dialog._on_tombol_hapus_clicked()
    assert dialog.pesan.adalah_galat()
    assert BuktiDukung.select().count() == 2


def test_the_first_page_is_drawn_by_pdftoppm_when_the_machine_has_it(tmp_path):
    calls = []

    def runner(command, **kwargs):
        calls.append(command)
        Path(command[-1] + ".png").write_bytes(b"png")
        return subprocess.CompletedProcess(command, 0, b"", b"")

    png = keluaran.halaman_pertama(tmp_path / "a.pdf", tmp_path / "out", pdftoppm="pdftoppm",
                                   runner=runner)
    assert png == tmp_path / "out" / "halaman1.png"
    assert calls[0][:6] == ["pdftoppm", "-png", "-f", "1", "-l", "1"]

    def fails(command, **kwargs):
        return subprocess.CompletedProcess(command, 1, b"", b"rusak")

    assert keluaran.halaman_pertama(tmp_path / "a.pdf", tmp_path / "o2", pdftoppm="pdftoppm",
                                    runner=fails) is None


def test_without_pdftoppm_there_is_no_first_page(tmp_path, monkeypatch):
    monkeypatch.setattr(keluaran.shutil, "which", lambda name: None)
    assert keluaran.halaman_pertama(tmp_path / "a.pdf", tmp_path / "out") is None
    assert bukti_dialog.keluaran is keluaran  # the dialog asks this module
