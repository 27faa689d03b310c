"""A PP 46/2011 SKP on screen: realisasi and perilaku entered, every number explained."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from skpdesk.services import akun as akun_service
from skpdesk.services import context, demo, pp46
from skpdesk.services import skp as skp_service
from skpdesk.services.pp46 import IsianKegiatan
from skpdesk.store.models import Pegawai
from skpdesk.ui.pp46_page import (
    COL_NILAI,
    COL_R_BIAYA,
    COL_R_KUALITAS,
    COL_R_KUANTITAS,
    COL_R_WAKTU,
)
from skpdesk.ui.skp_editor import HAL_EVALUASI, HAL_HASIL, HAL_PP46, SkpEditor

DIMAS, HENDRA = "Dimas Saputra", "Hendra Gunawan"


@pytest.fixture
def skp(fresh_db, monkeypatch):
    monkeypatch.setattr(context, "clock", lambda: dt.datetime(2026, 1, 5, 1, 0))
    demo.buat_kantor_demo(dengan_skp=False)
    dimas = login(DIMAS)
    made = pp46.buat_skp_pp46(dimas, 2015)
    # domain.md §11 A1: one kegiatan, realisasi 1 / 90% / 12 bulan / the whole budget.
    pp46.simpan_kegiatan(
        dimas,
        made.id,
        [IsianKegiatan("Laporan pelaksanaan kegiatan", "1", "laporan", 100, 12, "170.395.000")],
    )
    skp_service.ajukan(dimas, made.id)
    return skp_service.setujui(login(HENDRA), made.id)


def login(nama: str):
    return akun_service.masuk(Pegawai.get(Pegawai.nama == nama).nip, demo.DEMO_SANDI)


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
