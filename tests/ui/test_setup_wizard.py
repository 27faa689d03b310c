"""The first-run wizard creates the office, its units and the first administrator."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from skpdesk.domain.kepegawaian import Peran
from skpdesk.services import akun as akun_service
from skpdesk.services import kantor
from skpdesk.store.models import UnitKerja
from skpdesk.ui.setup_wizard import SetupWizard

CLICK = Qt.MouseButton.LeftButton


def test_wizard_creates_office_and_admin(qtbot, fresh_db):
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    lanjut = wizard.button(QWizard.WizardButton.NextButton)

    # Page 0: a new office is the preselected way; the office package is the other.
    assert wizard.currentPage() is wizard.mulai and wizard.mulai.kantor_baru.isChecked()
    qtbot.mouseClick(lanjut, CLICK)

    # Page 1: the instansi; the place is required and said so inline.
    qtbot.keyClicks(wizard.instansi.nama, "Kecamatan Mekarsari")
    qtbot.keyClicks(wizard.instansi.daerah, "Pemerintah Kabupaten Contoh")
    qtbot.mouseClick(lanjut, CLICK)
    assert wizard.currentPage() is wizard.instansi
    assert wizard.instansi.galat_tempat.isVisible()
    qtbot.keyClicks(wizard.instansi.tempat, "Mekarsari")
    qtbot.mouseClick(lanjut, CLICK)
    assert wizard.currentPage() is wizard.unit

    # Page 2: sub-units typed one by one; a duplicate is refused.
    for name in ("Sekretariat", "Seksi Pemerintahan", "sekretariat"):
        qtbot.keyClicks(wizard.unit.baru, name)
        qtbot.keyClick(wizard.unit.baru, Qt.Key.Key_Return)
    assert wizard.unit.unit() == ["Sekretariat", "Seksi Pemerintahan"]
    assert "sudah ada" in wizard.unit.galat.text()
    qtbot.mouseClick(lanjut, CLICK)
    assert wizard.currentPage() is wizard.admin

    # Page 3: the two passwords must match; nothing is created until they do.
    qtbot.keyClicks(wizard.admin.sandi, "kunci2024")
    qtbot.keyClicks(wizard.admin.ulangi, "kunci2025")
    selesai = wizard.button(QWizard.WizardButton.FinishButton)
    qtbot.mouseClick(selesai, CLICK)
    assert wizard.admin.galat_ulangi.isVisible()
    assert not kantor.sudah_disiapkan()

    wizard.admin.ulangi.clear()
    qtbot.keyClicks(wizard.admin.ulangi, "kunci2024")
    qtbot.mouseClick(selesai, CLICK)

    assert wizard.result() == QWizard.DialogCode.Accepted
    assert kantor.sudah_disiapkan()
    assert kantor.instansi().nama == "Kecamatan Mekarsari"
    assert kantor.pengaturan().tempat == "Mekarsari"
    names = {u.nama for u in UnitKerja.select()}
    assert names == {"Kecamatan Mekarsari", "Sekretariat", "Seksi Pemerintahan"}
    admin = akun_service.masuk("admin", "kunci2024")
    assert admin.punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN)
