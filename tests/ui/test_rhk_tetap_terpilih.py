"""After a save the RHK being edited stays selected (it used to jump back to "Utama 1")."""

from __future__ import annotations

from tests.helpers import ISI_VERIFIKASI, login
from tests.ui.conftest import click

from skpdesk.services import skp as skp_service
from skpdesk.ui.app import create_main_window


def test_the_edited_rhk_stays_selected_after_saving(qtbot, kantor_demo):
    siti = login("Siti Rahayu")
    skp = skp_service.buat_skp(siti, 2026)
    skp_service.simpan_isi(siti, skp.id, ISI_VERIFIKASI)
    window = create_main_window(siti, "kantor.db")
    qtbot.addWidget(window)
    window.show()
    editor = window.tab("skp_saya").editor
    rhk = editor.rhk
    assert rhk.daftar.count() == 2
    rhk.daftar.setCurrentRow(1)
    rhk.uraian.clear()
    qtbot.keyClicks(rhk.uraian, "Terlaksananya piket layanan kecamatan")
    click(qtbot, editor.tombol_simpan)
    assert not editor.pesan.adalah_galat(), editor.pesan.text()
    assert rhk.daftar.currentRow() == 1
    assert rhk.uraian.toPlainText() == "Terlaksananya piket layanan kecamatan"

    # A new RHK, found again by its text once saved gives it an id.
    click(qtbot, rhk.tombol_utama)
    qtbot.keyClicks(rhk.uraian, "Tersusunnya laporan penyaluran bantuan")
    new_row = rhk.daftar.currentRow()
    click(qtbot, editor.tombol_simpan)
    assert rhk.daftar.currentRow() == new_row
    assert rhk.uraian.toPlainText() == "Tersusunnya laporan penyaluran bantuan"
