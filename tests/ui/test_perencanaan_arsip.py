"""The Perencanaan tab's report button files the report in the archive; the Arsip tab takes its
signed scan and marks it signed."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import Qt
from tests.helpers import login

from skpdesk.services import dokumen as dokumen_service
from skpdesk.services import pengukuran as ps
from skpdesk.services.dokumen import StatusDokumen
from skpdesk.store.models import Dokumen
from skpdesk.ui.arsip.tab import COL_PEGAWAI, ArsipTab
from skpdesk.ui.bersama.model import ROLE_BARIS
from skpdesk.ui.perencanaan.tab import PerencanaanTab

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_the_report_button_archives_and_the_arsip_tab_signs_it(qtbot, demo_db, monkeypatch,
                                                                tmp_path):
    aktor = login("Fitri Handayani")  # the perencana
    opened = []
    monkeypatch.setattr("skpdesk.documents.keluaran.buka",
                        lambda path, **_kw: opened.append(path))
    tab = PerencanaanTab(aktor)
    qtbot.addWidget(tab)
    tab.show()
    page = tab.pengukuran
    pk = ps.daftar_pk()[0]
    page.pilih(pk.id, 1)
    assert page.tombol_laporan.isVisible()
    qtbot.mouseClick(page.tombol_laporan, Qt.MouseButton.LeftButton)
    assert not page.pesan.adalah_galat(), page.pesan.text()
    qtbot.mouseClick(page.tombol_pengantar, Qt.MouseButton.LeftButton)
    assert not page.pesan.adalah_galat(), page.pesan.text()

    rows = list(Dokumen.select().order_by(Dokumen.jenis.desc()))
    assert [r.jenis for r in rows] == ["pengukuran", "pengantar_pk"]
    paths = [dokumen_service.path_berkas(r.path) for r in rows]
    assert opened == paths and page.berkas_terakhir == paths[1:]
    for row, path in zip(rows, paths, strict=True):
        assert hashlib.sha256(path.read_bytes()).hexdigest() == row.sha256
        assert row.entitas == "PengukuranKinerja" and row.skp_id is None
    assert "diarsipkan" in page.pesan.text()

    arsip = ArsipTab(aktor)
    qtbot.addWidget(arsip)
    arsip.show()
    n = next(i for i in range(arsip.model.rowCount())
             if arsip.model.index(i, 0).data(ROLE_BARIS).dokumen.id
             == rows[0].id)
    assert pk.unit.nama in arsip.model.index(n, COL_PEGAWAI).data()
    arsip.tabel.selectRow(n)
    scan = tmp_path / "laporan_ttd.pdf"
    scan.write_bytes(PDF)
    monkeypatch.setattr(arsip, "pilih_berkas_scan", lambda: str(scan))
    qtbot.mouseClick(arsip.tombol_scan, Qt.MouseButton.LeftButton)
    assert not arsip.pesan.adalah_galat(), arsip.pesan.text()
    qtbot.mouseClick(arsip.tombol_ttd, Qt.MouseButton.LeftButton)
    assert not arsip.pesan.adalah_galat(), arsip.pesan.text()
    dok = Dokumen.get_by_id(rows[0].id)
    assert dok.scan_jenis == "pdf" and dok.status == StatusDokumen.DITANDATANGANI
