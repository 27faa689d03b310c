"""A PP 46/2011 SKP on screen: realisasi and perilaku entered, every number explained."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from tests.helpers import login

from skpdesk.services import pp46
from skpdesk.services import skp as skp_service
from skpdesk.services.pp46 import IsianKegiatan
from skpdesk.ui.skp.editor import HAL_EVALUASI, HAL_HASIL, HAL_PP46, SkpEditor
from skpdesk.ui.skp.pp46_page import (
    COL_NILAI,
    COL_R_BIAYA,
    COL_R_KUALITAS,
    COL_R_KUANTITAS,
    COL_R_WAKTU,
)

DIMAS, HENDRA = "Dimas Saputra", "Hendra Gunawan"


@pytest.fixture
def skp(kantor_demo):
    dimas = login(DIMAS)
    made = pp46.buat_skp_pp46(dimas, 2015)
    # docs/domain.md §11 A1: one kegiatan, realisasi 1 / 90% / 12 bulan / the whole budget.
    pp46.simpan_kegiatan(
        dimas,
        made.id,
        [IsianKegiatan("Laporan pelaksanaan kegiatan", "1", "laporan", 100, 12, "170.395.000")],
    )
    skp_service.ajukan(dimas, made.id)
    return skp_service.setujui(login(HENDRA), made.id)


def editor_for(qtbot, nama: str, skp_id) -> SkpEditor:
    editor = SkpEditor(login(nama))
    qtbot.addWidget(editor)
    editor.show()
    editor.tampilkan(skp_id)
    return editor


def test_the_pp46_numbers_match_domain_md_and_explain_themselves(qtbot, skp):
    editor = editor_for(qtbot, DIMAS, skp.id)
    # A PP 46 SKP has kegiatan, not RHK; no PermenPANRB evaluation tab.
    assert not editor.halaman.isTabVisible(HAL_HASIL)
    assert not editor.halaman.isTabVisible(HAL_EVALUASI)
    assert editor.halaman.isTabVisible(HAL_PP46)
    page = editor.pp46
    editor.halaman.setCurrentIndex(HAL_PP46)
    assert page.tombol_realisasi.isVisible() and not page.tombol_perilaku.isVisible()

    for col, value in (
        (COL_R_KUANTITAS, "1"),
        (COL_R_KUALITAS, "90"),
        (COL_R_WAKTU, "12"),
        (COL_R_BIAYA, "170.395.000"),
    ):
        page.kegiatan.item(0, col).setText(value)
    qtbot.mouseClick(page.tombol_realisasi, Qt.MouseButton.LeftButton)
    assert page.kegiatan.item(0, COL_NILAI).text() == "85,50"
    assert page.ringkasan.item(0, 1).text() == "85,50 (Baik)"
    assert page.ringkasan.item(2, 1).text() == ""  # waits for the perilaku scores
    assert "perilaku" in page.kekurangan.text().lower()
    page.kegiatan.setCurrentCell(0, COL_NILAI)
    assert "85,50" in page.penjelasan.toPlainText()
    assert "Kuantitas" in page.penjelasan.toPlainText()

    # The penilai scores the five aspects (no kepemimpinan for a staff member).
    editor2 = editor_for(qtbot, HENDRA, skp.id)
    page2 = editor2.pp46
    editor2.halaman.setCurrentIndex(HAL_PP46)
    assert page2.perilaku.rowCount() == 5
    for n, value in enumerate(("80", "82", "78", "85", "80")):
        page2.perilaku.item(n, 1).setText(value)
    qtbot.mouseClick(page2.tombol_perilaku, Qt.MouseButton.LeftButton)
    assert page2.ringkasan.item(2, 1).text() == "83,70"
    assert page2.ringkasan.item(3, 1).text() == "Baik"
    page2.ringkasan.setCurrentCell(2, 1)
    assert "405,00 / 5 = 81,00" in page2.penjelasan.toPlainText()


def test_a_bad_realisasi_is_refused_and_nothing_changes(qtbot, skp):
    editor = editor_for(qtbot, DIMAS, skp.id)
    page = editor.pp46
    editor.halaman.setCurrentIndex(HAL_PP46)
    page.kegiatan.item(0, COL_R_KUANTITAS).setText("satu")
    qtbot.mouseClick(page.tombol_realisasi, Qt.MouseButton.LeftButton)
    assert page.pesan.adalah_galat()
    assert pp46.daftar_kegiatan(skp)[0].realisasi_kuantitas is None


def test_a_pp46_skp_is_started_written_submitted_and_approved_on_the_gui(
    qtbot, kantor_demo, monkeypatch
):
    from tests.ui.conftest import ganti_exec

    from skpdesk.domain.workflow import StatusSKP
    from skpdesk.store.models import SKP
    from skpdesk.ui.app import create_main_window
    from skpdesk.ui.skp.pp46_page import (
        T_BIAYA,
        T_KEGIATAN,
        T_KUALITAS,
        T_KUANTITAS,
        T_SATUAN,
        T_WAKTU,
    )
    from skpdesk.ui.skp_saya.tab import BuatSkpDialog

    window = create_main_window(login(DIMAS), "kantor.db")
    qtbot.addWidget(window)
    window.show()
    tab = window.tab("skp_saya")

    def start(dialog: BuatSkpDialog) -> None:
        dialog.tahun.setValue(2015)
        dialog.aturan.setCurrentIndex(dialog.aturan.findData("PP_46_2011"))
        assert not dialog.pendekatan.isEnabled()
        qtbot.mouseClick(dialog.tombol_ok, Qt.MouseButton.LeftButton)

    ganti_exec(monkeypatch, BuatSkpDialog, start)
    qtbot.mouseClick(tab.tombol_buat_kosong, Qt.MouseButton.LeftButton)
    skp = SKP.get(SKP.tahun == 2015)
    assert skp.regime == "PP_46_2011" and skp.status == StatusSKP.DRAFT
    editor = tab.editor
    page = editor.pp46
    editor.halaman.setCurrentIndex(HAL_PP46)
    assert page.kotak_target.isVisible()
    assert not editor.tombol_simpan.isVisible()  # the kegiatan have their own Simpan

    # Submitting with no kegiatan is refused with the reason, nothing moves.
    qtbot.mouseClick(editor.tombol_aksi["ajukan"], Qt.MouseButton.LeftButton)
    assert editor.pesan.adalah_galat()
    assert SKP.get_by_id(skp.id).status == StatusSKP.DRAFT

    qtbot.mouseClick(page.tombol_tambah_kegiatan, Qt.MouseButton.LeftButton)
    for col, value in (
        (T_KEGIATAN, "Laporan pelaksanaan kegiatan"),
        (T_KUANTITAS, "1"),
        (T_SATUAN, "laporan"),
        (T_KUALITAS, "100"),
        (T_WAKTU, "12"),
        (T_BIAYA, "170.395.000"),
    ):
        page.target.item(0, col).setText(value)
    qtbot.mouseClick(page.tombol_simpan_target, Qt.MouseButton.LeftButton)
    (row,) = pp46.daftar_kegiatan(skp)
    assert (row.kegiatan, row.satuan, row.target_biaya) == (
        "Laporan pelaksanaan kegiatan",
        "laporan",
        Decimal("170395000"),
    )
    qtbot.mouseClick(editor.tombol_aksi["ajukan"], Qt.MouseButton.LeftButton)
    assert SKP.get_by_id(skp.id).status == StatusSKP.DIAJUKAN
    assert not page.kotak_target.isVisible()

    skp_service.setujui(login(HENDRA), skp.id)
    editor.muat_ulang()
    page.kegiatan.item(0, COL_R_KUANTITAS).setText("1")
    page.kegiatan.item(0, COL_R_KUALITAS).setText("90")
    page.kegiatan.item(0, COL_R_WAKTU).setText("12")
    page.kegiatan.item(0, COL_R_BIAYA).setText("170.395.000")
    qtbot.mouseClick(page.tombol_realisasi, Qt.MouseButton.LeftButton)
    assert page.kegiatan.item(0, COL_NILAI).text() == "85,50"  # docs/domain.md §11 A1
