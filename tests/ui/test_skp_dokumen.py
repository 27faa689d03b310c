"""Printing an approved SKP from its editor: the filled form is archived, opened and printed."""

from __future__ import annotations

import hashlib

from docx import Document
from PySide6.QtCore import Qt
from tests.helpers import login_nip, sql

from skpdesk.documents import keluaran
from skpdesk.domain.workflow import StatusSKP
from skpdesk.services import dokumen as dokumen_service
from skpdesk.store.models import SKP, Dokumen
from skpdesk.ui.skp.editor import SkpEditor


def _cells(path) -> str:
    doc = Document(str(path))
    return "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)


def test_an_approved_skp_is_filled_archived_opened_and_printed(
    qtbot, demo_db_tanpa_evaluasi, monkeypatch
):
    skp = SKP.get((SKP.status == StatusSKP.DISETUJUI) & (SKP.regime == "PERMENPANRB_6_2022"))
    aktor = login_nip(skp.pegawai.nip)
    opened, printed = [], []
    monkeypatch.setattr(keluaran, "buka", lambda path, **k: opened.append(path))
    monkeypatch.setattr(keluaran, "cetak", lambda path, *a, **k: printed.append(path))

    editor = SkpEditor(aktor)
    qtbot.addWidget(editor)
    editor.show()
    editor.tampilkan(skp.id)
    assert editor.tombol_dokumen.isVisible()
    assert not editor.tombol_cetak.isVisible()  # nothing made yet
    qtbot.mouseClick(editor.tombol_dokumen, Qt.MouseButton.LeftButton)

    rows = list(Dokumen.select().where(Dokumen.skp == skp).order_by(Dokumen.jenis))
    assert [r.jenis for r in rows] == ["lampiran_skp", "skp"]
    form = dokumen_service.path_berkas(next(r for r in rows if r.jenis == "skp").path)
    assert opened == [form]
    assert hashlib.sha256(form.read_bytes()).hexdigest() == rows[1].sha256
    text = _cells(form)
    assert skp.snapshot["pegawai"]["nip"] in text
    assert skp.snapshot["penilai"]["nama"] in text
    assert "{{" not in text and "{%" not in text
    assert "diarsipkan" in editor.pesan.text()

    assert editor.tombol_cetak.isVisible()
    qtbot.mouseClick(editor.tombol_cetak, Qt.MouseButton.LeftButton)
    assert form in printed and len(printed) == 2
    assert "pencetak" in editor.pesan.text()


def test_an_skp_altered_in_the_file_is_neither_made_nor_printed(
    qtbot, demo_db_tanpa_evaluasi, monkeypatch
):
    skp = SKP.get((SKP.status == StatusSKP.DISETUJUI) & (SKP.regime == "PERMENPANRB_6_2022"))
    aktor = login_nip(skp.pegawai.nip)
    opened, printed = [], []
    monkeypatch.setattr(keluaran, "buka", lambda path, **k: opened.append(path))
    monkeypatch.setattr(keluaran, "cetak", lambda path, *a, **k: printed.append(path))
    editor = SkpEditor(aktor)
    qtbot.addWidget(editor)
    editor.show()
    editor.tampilkan(skp.id)
    qtbot.mouseClick(editor.tombol_dokumen, Qt.MouseButton.LeftButton)
    assert Dokumen.select().count() == 2 and editor.tombol_cetak.isVisible()

    # Someone with the file changes the SKP outside the application.
    demo_db_tanpa_evaluasi.execute_sql(sql("UPDATE skp SET lampiran = '{}' WHERE id = ?"),
                                       (skp.id.hex,))
    name = f"SKP {skp.tahun} {skp.pegawai.nama_lengkap}"
    qtbot.mouseClick(editor.tombol_cetak, Qt.MouseButton.LeftButton)
    assert printed == []
    assert editor.pesan.text().startswith(
        f"{name}: isi berbeda dari riwayat yang ditandatangani. Data ini tidak dapat dicetak "
        "atau dikirim.")
    qtbot.mouseClick(editor.tombol_dokumen, Qt.MouseButton.LeftButton)
    assert Dokumen.select().count() == 2 and len(opened) == 1
    assert editor.pesan.text().startswith(f"{name}: isi berbeda")


def test_a_draft_offers_no_document(qtbot, demo_db_tanpa_evaluasi):
    skp = SKP.get(SKP.status == StatusSKP.DRAFT)
    aktor = login_nip(skp.pegawai.nip)
    editor = SkpEditor(aktor)
    qtbot.addWidget(editor)
    editor.show()
    editor.tampilkan(skp.id)
    assert not editor.tombol_dokumen.isVisible()
    assert not editor.tombol_cetak.isVisible()


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_the_archive_tab_attaches_the_signed_scan_and_marks_it_signed(
    qtbot, demo_db_tanpa_evaluasi, tmp_path, monkeypatch
):
    from skpdesk.documents import buat_dokumen
    from skpdesk.ui.app import create_main_window
    from skpdesk.ui.arsip.tab import COL_SCAN, COL_STATUS, ArsipTab

    skp = SKP.get((SKP.status == StatusSKP.DISETUJUI) & (SKP.regime == "PERMENPANRB_6_2022"))
    aktor = login_nip(skp.pegawai.nip)
    made = buat_dokumen(aktor, "skp", skp.id)

    window = create_main_window(aktor, "kantor.db")
    qtbot.addWidget(window)
    tab = window.tab("arsip")
    assert isinstance(tab, ArsipTab)
    assert tab.model.rowCount() == 1
    tab.tabel.selectRow(0)
    assert not tab.tombol_scan.isHidden() and tab.tombol_scan.isEnabled()

    # A text file named .png is refused by its content, and nothing is stored.
    fake = tmp_path / "scan.png"
    fake.write_bytes(b"bukan gambar")
    monkeypatch.setattr(ArsipTab, "pilih_berkas_scan", lambda self: str(fake))
    tab.tombol_scan.click()
    assert tab.pesan.adalah_galat()
    assert Dokumen.get_by_id(made.dokumen.id).scan_path is None

    real = tmp_path / "ttd.png"
    real.write_bytes(PNG)
    monkeypatch.setattr(ArsipTab, "pilih_berkas_scan", lambda self: str(real))
    tab.pilih_dokumen(made.dokumen.id)
    tab.tombol_scan.click()
    dok = Dokumen.get_by_id(made.dokumen.id)
    assert dok.scan_sha256 == hashlib.sha256(PNG).hexdigest()
    assert tab.model.index(0, COL_SCAN).data() == "PNG"

    tab.pilih_dokumen(made.dokumen.id)
    tab.tombol_ttd.click()
    assert Dokumen.get_by_id(made.dokumen.id).status == "DITANDATANGANI"
    assert tab.model.index(0, COL_STATUS).data() == "Ditandatangani"
    tab.pilih_dokumen(made.dokumen.id)
    assert not tab.tombol_ttd.isEnabled()

    # Search narrows by name; an unknown name empties the list.
    tab.cari.setText("zzzz-tidak-ada")
    assert tab.model.rowCount() == 0
