"""The penilai opening a resubmitted SKP sees, highlighted, what changed since he returned it."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QAbstractScrollArea
from tests.helpers import login
from tests.ui.test_skp_chain import HENDRA, LIA, TAHUN, lia_skp, window_for

from skpdesk.domain.skp import IsianIKI, IsianRHK
from skpdesk.services import skp as skp_service
from skpdesk.services.skp import IsiSKP
from skpdesk.ui.skp.perubahan import COL_BAGIAN, COL_BARU, COL_JENIS, COL_LAMA, WARNA

RHK = "Tersedianya layanan aplikasi kecamatan"


def _returned_and_resubmitted(changed: bool):
    lia, hendra = login(LIA), login(HENDRA)
    skp = skp_service.buat_skp(lia, TAHUN)
    isi = IsiSKP("KUANTITATIF", [IsianRHK("UTAMA", RHK, [
        IsianIKI("KUANTITAS", "Jumlah aplikasi yang dipelihara", "4", "Aplikasi")])])
    skp_service.simpan_isi(lia, skp.id, isi)
    skp_service.ajukan(lia, skp.id)
    skp_service.kembalikan(hendra, skp.id, "Target terlalu rendah; tambahkan IKI waktu.")
    rows = skp_service.isian(lia_skp())
    if changed:
        first = rows[0]
        iki = [dataclasses.replace(first.iki[0], target="6"),
               IsianIKI("WAKTU", "Ketepatan waktu pemeliharaan", "12", "Bulan")]
        rows = [dataclasses.replace(first, iki=iki)]
    skp_service.simpan_isi(lia, skp.id, IsiSKP("KUANTITATIF", rows))
    skp_service.ajukan(lia, skp.id)
    return skp


def _cells(tabel, row):
    return [tabel.item(row, c).text() for c in range(tabel.columnCount())]


def test_the_penilai_sees_the_changes_since_his_return(qtbot, kantor_demo, clock):
    skp = _returned_and_resubmitted(changed=True)
    _hendra, window = window_for(qtbot, HENDRA)
    window.resize(1366, 768)
    bawahan = window.tab("bawahan")
    window.tabs.setCurrentWidget(bawahan)
    review = bawahan.editor
    assert review.skp_id == skp.id
    kotak = review.kotak_perubahan
    assert kotak.isVisible()
    assert "2 perubahan sejak dikembalikan" in kotak.judul.text()
    tabel = kotak.tabel
    assert _cells(tabel, 0)[COL_JENIS] == "Diubah"
    assert _cells(tabel, 0)[COL_BAGIAN] == "Target (Jumlah aplikasi yang dipelihara)"
    assert (_cells(tabel, 0)[COL_LAMA], _cells(tabel, 0)[COL_BARU]) == ("4 Aplikasi", "6 Aplikasi")
    assert _cells(tabel, 1)[COL_JENIS] == "Ditambah"
    assert _cells(tabel, 1)[COL_BARU] == "Ketepatan waktu pemeliharaan"
    # Highlighted: each row in the colour of its kind.
    assert tabel.item(1, COL_BARU).background().color().name() == WARNA["TAMBAH"][0]
    assert tabel.item(0, COL_LAMA).background().color().name() == WARNA["UBAH"][0]
    # Readable at 1366×768: no sideways scrolling.
    assert isinstance(tabel, QAbstractScrollArea)
    assert not tabel.horizontalScrollBar().isVisible()

    # Approved, the box goes.
    skp_service.setujui(login(HENDRA), skp.id)
    review.muat_ulang()
    assert not kotak.isVisible()


def test_an_unchanged_resubmission_says_so_and_the_pegawai_sees_no_box(qtbot, kantor_demo, clock):
    _returned_and_resubmitted(changed=False)
    _hendra, window = window_for(qtbot, HENDRA)
    bawahan = window.tab("bawahan")
    window.tabs.setCurrentWidget(bawahan)
    kotak = bawahan.editor.kotak_perubahan
    assert kotak.isVisible() and not kotak.tabel.isVisible()
    assert "tanpa perubahan RHK, indikator atau target" in kotak.judul.text()
    _lia, window2 = window_for(qtbot, LIA)
    assert not window2.tab("skp_saya").editor.kotak_perubahan.isVisible()
