"""Every list model of the role tabs passes Qt's own model checks (pytest-qt's qtmodeltester);
the row lists all stand on ui/bersama/model.DaftarModel."""

from __future__ import annotations

import pytest
from tests.helpers import login_nip
from tests.ui.conftest import CAMAT_NIP

from skpdesk.resources import resource_path
from skpdesk.services import cadangan, daftar, impor
from skpdesk.services import dokumen as dokumen_service
from skpdesk.services import skp as skp_service
from skpdesk.services.impor import KesalahanBaris
from skpdesk.store.models import SKP
from skpdesk.ui.arsip.tab import ArsipModel
from skpdesk.ui.bersama.model import ROLE_BARIS, ROLE_BERKAS, ROLE_SORT
from skpdesk.ui.kepegawaian.akun_page import AkunTableModel
from skpdesk.ui.kepegawaian.cadangan_page import CadanganModel
from skpdesk.ui.kepegawaian.impor_dialog import BarisModel, KesalahanModel
from skpdesk.ui.kepegawaian.pegawai_model import PegawaiFilterProxy, PegawaiTableModel
from skpdesk.ui.skp.model import KOLOM_BAWAHAN, KOLOM_SAYA, SkpFilterProxy, SkpTableModel


def test_the_skp_lists_and_their_filter(qtmodeltester, demo_admin):
    camat = login_nip(CAMAT_NIP)
    for kolom, rows in (
        (KOLOM_SAYA, skp_service.daftar_skp_saya(camat)),
        (KOLOM_BAWAHAN, skp_service.daftar_bawahan(camat, SKP.select().first().tahun)),
    ):
        model = SkpTableModel(kolom)
        model.set_rows(rows)
        assert model.rowCount() == len(rows) > 0
        qtmodeltester.check(model, force_py=True)
        proxy = SkpFilterProxy()
        proxy.setSourceModel(model)
        proxy.set_teks("a")
        qtmodeltester.check(proxy, force_py=True)


def test_the_roster_and_the_archive(qtmodeltester, demo_admin):
    roster = PegawaiTableModel()
    roster.set_rows(daftar.daftar_pegawai())
    qtmodeltester.check(roster, force_py=True)
    proxy = PegawaiFilterProxy()
    proxy.setSourceModel(roster)
    proxy.set_teks("Siti")
    qtmodeltester.check(proxy, force_py=True)

    from skpdesk.documents import buat_dokumen

    skp = SKP.get((SKP.status == "DISETUJUI") & (SKP.regime == "PERMENPANRB_6_2022"))
    buat_dokumen(demo_admin, "skp", skp.id)
    archive = ArsipModel()
    archive.set_rows(dokumen_service.daftar_dokumen(demo_admin))
    assert archive.rowCount() == 1
    qtmodeltester.check(archive, force_py=True)


def test_the_accounts(qtmodeltester, demo_admin):
    accounts = AkunTableModel()
    rows = daftar.daftar_akun()
    accounts.set_rows(rows)
    assert accounts.rowCount() == len(rows) > 0
    assert accounts.index(0, 0).data(ROLE_BARIS) == rows[0]
    qtmodeltester.check(accounts, force_py=True)


@pytest.mark.sqlite_only("backups are copies of the SQLite file")
def test_the_backups(qtmodeltester, demo_admin):
    path = cadangan.cadangkan_sekarang(demo_admin)
    backups = CadanganModel()
    backups.set_rows(cadangan.daftar_cadangan())
    assert backups.rowCount() == 1
    assert backups.index(0, 0).data(ROLE_BERKAS) == str(path)
    assert backups.row(0).path == path
    qtmodeltester.check(backups, force_py=True)


def test_the_import_preview(qtmodeltester, demo_admin):
    pratinjau = impor.baca_berkas(resource_path("contoh/daftar_pegawai.xlsx"))
    rows = BarisModel()
    rows.set_rows(pratinjau.baris)
    assert rows.rowCount() == len(pratinjau.baris) > 0
    # The row number sorts as a number, the first column right-aligned.
    assert rows.index(0, BarisModel.COL_BARIS).data(ROLE_SORT) == pratinjau.baris[0].baris
    qtmodeltester.check(rows, force_py=True)
    faults = KesalahanModel()
    faults.set_rows([KesalahanBaris(0, "", "bukan berkas"), KesalahanBaris(3, "NIP", "salah")])
    assert faults.row_at(1).kolom == "NIP"
    assert faults.index(0, KesalahanModel.COL_BARIS).data() == "—"
    qtmodeltester.check(faults, force_py=True)
