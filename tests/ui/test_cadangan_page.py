"""The Cadangan page: backup now, a bad file refused, restore with confirmation and a new login."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from skpdesk.services import cadangan, kantor
from skpdesk.store.models import UnitKerja
from skpdesk.ui.app import create_main_window
from skpdesk.ui.kepegawaian.cadangan_page import CadanganPage

KIRI = Qt.MouseButton.LeftButton
# A PostgreSQL server is backed up by its administrator; the page then offers nothing.
BERKAS = pytest.mark.sqlite_only("backups are copies of the SQLite file")


def _page(qtbot, aktor) -> CadanganPage:
    page = CadanganPage(aktor)
    qtbot.addWidget(page)
    page.show()
    return page


@BERKAS
def test_backup_now_lists_the_copy(qtbot, demo_admin, db_path):
    page = _page(qtbot, demo_admin)
    assert page.kosong.isVisible() and not page.tabel.isVisible()
    assert page.folder.text() == str(db_path.parent / "cadangan")
    qtbot.mouseClick(page.tombol_cadangkan, KIRI)
    assert page.model.rowCount() == 1
    assert page.tabel.isVisible() and not page.kosong.isVisible()
    assert "Dibuat manual" in page.model.index(0, page.model.COL_JENIS).data()
    assert "Cadangan dibuat" in page.pesan.text()


@BERKAS
def test_a_bad_file_is_refused_before_any_question(qtbot, demo_admin, tmp_path, monkeypatch):
    bad = tmp_path / "foto.db"
    bad.write_bytes(b"\xff\xd8\xff not a database" * 100)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    page = _page(qtbot, demo_admin)
    qtbot.mouseClick(page.tombol_berkas, KIRI)
    assert asked == []
    assert page.pesan.adalah_galat()
    assert "bukan basis data SQLite" in page.pesan.text()
    assert "Tidak ada yang diganti" in page.pesan.text()


@BERKAS
def test_restore_asks_then_sends_everyone_to_the_login(qtbot, demo_admin, monkeypatch):
    window = create_main_window(demo_admin, "uji")
    qtbot.addWidget(window)
    window.show()
    page = window.tab("kepegawaian").cadangan
    qtbot.mouseClick(page.tombol_cadangkan, KIRI)
    kantor.tambah_unit(demo_admin, "Unit Sesudah Cadangan", None)

    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    page.tabel.selectRow(0)
    assert page.tombol_pulihkan.isEnabled()

    qtbot.mouseClick(page.tombol_pulihkan, KIRI)  # "No": nothing happens
    assert UnitKerja.select().where(UnitKerja.nama == "Unit Sesudah Cadangan").exists()

    with (
        qtbot.waitSignal(page.basis_data_dipulihkan, timeout=2000),
        qtbot.waitSignal(window.ganti_pengguna_diminta, timeout=2000),
        qtbot.assertNotEmitted(window.ditutup),
    ):
        qtbot.mouseClick(page.tombol_pulihkan, KIRI)
    assert not UnitKerja.select().where(UnitKerja.nama == "Unit Sesudah Cadangan").exists()
    assert told and "Silakan masuk lagi" in told[0]
    kinds = {c.alasan for c in cadangan.daftar_cadangan()}
    assert kinds == {"manual", "sebelum-pulihkan"}


@BERKAS
def test_the_page_alone_announces_the_restore(qtbot, demo_admin, monkeypatch):
    page = _page(qtbot, demo_admin)
    qtbot.mouseClick(page.tombol_cadangkan, KIRI)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes
    )
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    page.tabel.selectRow(0)
    with qtbot.waitSignal(page.basis_data_dipulihkan, timeout=2000):
        qtbot.mouseClick(page.tombol_pulihkan, KIRI)
    assert page.model.rowCount() == 2  # the copy made before the restore is listed


def test_the_kepegawaian_tab_has_the_page(qtbot, demo_admin):
    window = create_main_window(demo_admin, "uji")
    qtbot.addWidget(window)
    tab = window.tab("kepegawaian")
    titles = [tab.halaman.tabText(i) for i in range(tab.halaman.count())]
    assert "Cadangan" in titles
    assert isinstance(tab.cadangan, CadanganPage)


@BERKAS
def test_the_tabs_page_shows_the_backup_folder(qtbot, demo_admin):
    window = create_main_window(demo_admin, "uji")
    qtbot.addWidget(window)
    assert Path(window.tab("kepegawaian").cadangan.folder.text()).name == "cadangan"
