"""The chain pieces on the real screens: a reopened evaluation shows its reason, the SKP
editor its return note (the shared history table: tests/ui/test_riwayat_sama.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from tests.helpers import login
from tests.ui.conftest import ganti_exec

from skpdesk.domain.evaluasi import StatusEvaluasi
from skpdesk.services import evaluasi as ev_service
from skpdesk.services import skp as skp_service
from skpdesk.services.demo_skp import RETURN_NOTE
from skpdesk.store.models import SKP, Pegawai
from skpdesk.ui.app import create_main_window
from skpdesk.ui.bersama.widgets import CatatanDialog

E = StatusEvaluasi
LIA, HENDRA, SITI, PERENCANA = (
    "Lia Kurniawati", "Hendra Gunawan", "Siti Rahayu", "Fitri Handayani"
)
ALASAN = "Realisasi triwulan ini belum memuat bukti kegiatan bulan Maret."


def window_for(qtbot, nama: str):
    window = create_main_window(login(nama), "kantor.db")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def editor_for(qtbot, nama: str, skp_id, tab_key: str):
    window = window_for(qtbot, nama)
    tab = window.tab(tab_key)
    window.tabs.setCurrentWidget(tab)
    tab.pilih(skp_id)
    return tab.editor


def evaluation_page(qtbot, nama: str, ev, tab_key: str):
    editor = editor_for(qtbot, nama, ev.skp_id, tab_key)
    editor.halaman.setCurrentWidget(editor.evaluasi)
    editor.evaluasi.pilih_periode(ev.periode)
    return editor.evaluasi


def final_evaluation_of_lia():
    lia = Pegawai.get(Pegawai.nama == LIA)
    for skp in skp_service.skp_milik(lia.id):
        for ev in ev_service.evaluasi_skp(skp.id):
            if ev.status == E.FINAL:
                return ev
    raise AssertionError("the demo office has a final evaluation of Lia")


def test_a_reopened_final_evaluation_shows_its_reason(qtbot, demo_db, monkeypatch):
    ev = final_evaluation_of_lia()
    rater = evaluation_page(qtbot, HENDRA, ev, "bawahan")
    assert "buka_kembali" in rater.tombol_aksi
    assert not rater.kotak.isVisible()

    def drive(dialog: CatatanDialog) -> None:
        dialog.catatan.setPlainText(ALASAN)
        qtbot.mouseClick(dialog.tombol_ok, Qt.MouseButton.LeftButton)

    ganti_exec(monkeypatch, CatatanDialog, drive)
    qtbot.mouseClick(rater.tombol_aksi["buka_kembali"], Qt.MouseButton.LeftButton)
    assert ev_service.ambil(ev.id).status == E.DIAJUKAN

    # The penilai, who must rate again, sees why the evaluation was reopened…
    assert rater.kotak.isVisible()
    assert ALASAN in rater.catatan.text()
    # …and so does the pegawai when she opens her evaluation.
    mine = evaluation_page(qtbot, LIA, ev, "skp_saya")
    assert mine.kotak.isVisible()
    assert ALASAN in mine.catatan.text()
    assert HENDRA in mine.kotak.judul.text()

    # A feedback written meanwhile is no chain step: the reason stays on top.
    rater.halaman.setCurrentIndex(0)
    qtbot.mouseClick(rater.tombol_simpan_umpan, Qt.MouseButton.LeftButton)
    assert not rater.pesan.adalah_galat(), rater.pesan.text()
    assert rater.kotak.isVisible() and ALASAN in rater.catatan.text()


def test_the_skp_editor_still_shows_its_return_note(qtbot, demo_db):
    siti = Pegawai.get(Pegawai.nama == SITI)
    returned = next(
        s for s in SKP.select().where(SKP.pegawai == siti.id)
        if skp_service.catatan_pengembalian(s) is not None
    )
    editor = editor_for(qtbot, SITI, returned.id, "skp_saya")
    assert editor.kotak_kembali.isVisible()
    assert RETURN_NOTE in editor.catatan_kembali.text()
    assert "ajukan kembali ke atasan" in editor.catatan_kembali.text()


def test_the_return_sets_come_from_the_domain():
    # The history table marks what the service's chain calls a return; those sets are the
    # domain's.
    from skpdesk.domain import evaluasi, pengukuran, workflow
    from skpdesk.services import pengukuran as pengukuran_service

    assert skp_service.RANTAI.aksi_pengembalian == workflow.AKSI_PENGEMBALIAN
    assert ev_service.RANTAI.aksi_pengembalian == (
        evaluasi.AKSI_PENGEMBALIAN | evaluasi.AKSI_PENGEMBALIAN_PENILAI
    )
    assert pengukuran_service.RANTAI.aksi_pengembalian == pengukuran.AKSI_PENGEMBALIAN
