"""Every list model of the role tabs passes Qt's own model checks (pytest-qt's qtmodeltester)."""

from __future__ import annotations

from tests.ui.conftest import CAMAT_NIP

from skpdesk.services import akun as akun_service
from skpdesk.services import daftar, demo
from skpdesk.services import dokumen as dokumen_service
from skpdesk.services import skp as skp_service
from skpdesk.store.models import SKP
from skpdesk.ui.arsip.tab import ArsipModel
from skpdesk.ui.kepegawaian.pegawai_model import PegawaiFilterProxy, PegawaiTableModel
from skpdesk.ui.skp.model import KOLOM_BAWAHAN, KOLOM_SAYA, SkpFilterProxy, SkpTableModel


def test_the_skp_lists_and_their_filter(qtmodeltester, demo_admin):
    camat = akun_service.masuk(CAMAT_NIP, demo.DEMO_SANDI)
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
