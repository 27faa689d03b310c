"""The office's workflow settings: how often staff are evaluated, and SOP 002's extra steps."""

from __future__ import annotations

from PySide6.QtCore import Qt
from tests.helpers import login_nip

from skpdesk.domain.workflow import OPSI_BKPSDM
from skpdesk.services import demo, kantor
from skpdesk.services import evaluasi as ev_service
from skpdesk.store.models import Riwayat
from skpdesk.ui.kepegawaian.pengaturan_page import PengaturanPage


def test_monthly_evaluations_and_the_bkpsdm_steps_are_switched_on(qtbot, demo_admin):
    page = PengaturanPage(demo_admin)
    qtbot.addWidget(page)
    page.show()
    assert page.periodisitas.currentData() == "TRIWULANAN"
    assert not page.opsi_bkpsdm.isChecked()
    page.periodisitas.setCurrentIndex(page.periodisitas.findData("BULANAN"))
    page.opsi_bkpsdm.setChecked(True)
    qtbot.mouseClick(page.tombol_simpan_alur, Qt.MouseButton.LeftButton)
    assert "disimpan" in page.pesan_alur.text()
    assert ev_service.periodisitas_kantor().value == "BULANAN"
    assert OPSI_BKPSDM in kantor.pengaturan().opsi_alur
    assert Riwayat.select().where(Riwayat.aksi == "atur_periodisitas").count() == 1


def test_the_period_cannot_change_once_this_years_evaluations_began(qtbot, demo_db):
    # The whole demo office: this year's first quarter is already evaluated.
    admin = login_nip(demo.ADMIN_LOGIN)
    page = PengaturanPage(admin)
    qtbot.addWidget(page)
    page.show()
    page.periodisitas.setCurrentIndex(page.periodisitas.findData("BULANAN"))
    page.opsi_bkpsdm.setChecked(True)
    qtbot.mouseClick(page.tombol_simpan_alur, Qt.MouseButton.LeftButton)
    assert page.pesan_alur.adalah_galat()
    assert "sudah dimulai" in page.pesan_alur.text()
    # Nothing changed, and the page shows what is stored again.
    assert ev_service.periodisitas_kantor().value == "TRIWULANAN"
    assert OPSI_BKPSDM not in (kantor.pengaturan().opsi_alur or [])
    assert page.periodisitas.currentData() == "TRIWULANAN"
    assert not page.opsi_bkpsdm.isChecked()
