"""At 1366×768, the size of the office laptops, every key list shows what the user needs
without a horizontal scrollbar: text columns share the width and wrap, numbers stay narrow,
rows are as tall as their text, and no key column's text is cut or elided."""

from __future__ import annotations

from collections.abc import Iterable

from peewee import fn
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QTableView
from tests.helpers import login, login_nip
from tests.ui.conftest import CAMAT_NIP, LIA_NIP

from skpdesk.documents.arsip import buat_dokumen
from skpdesk.domain.skp import IsianIKI, IsianRHK
from skpdesk.services import skp as skp_service
from skpdesk.services.skp import IsiSKP
from skpdesk.store.models import SKP, RencanaHasilKerja
from skpdesk.ui.app import create_main_window
from skpdesk.ui.arsip.tab import COL_JENIS, COL_PEGAWAI
from skpdesk.ui.bersama import gaya
from skpdesk.ui.skp.evaluasi_page import COL_IKI, COL_TARGET
from skpdesk.ui.skp.rhk_editor import COL_INDIKATOR
from skpdesk.ui.skp.rhk_editor import COL_TARGET as IKI_TARGET

LEBAR, TINGGI = 1366, 768


def _jendela(qtbot, aktor):
    gaya.terapkan(QApplication.instance())  # the real look: Fusion, the app's font size
    window = create_main_window(aktor, "kantor.db")
    qtbot.addWidget(window)
    window.show()
    window.resize(LEBAR, TINGGI)
    qtbot.waitExposed(window)
    return window


def _tampil(qtbot, window, tab) -> None:
    window.tabs.setCurrentWidget(tab)
    _tenang(qtbot)


def _tenang(qtbot) -> None:
    """Let the layouts and the deferred column fitting run."""
    for _n in range(3):
        QApplication.processEvents()
        qtbot.wait(5)


def _opsi(view: QTableView, index) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.font = view.font()
    option.rect = view.visualRect(index)
    option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    if view.wordWrap():
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
    return option


def periksa_tabel(view: QTableView, kunci: Iterable[int], baris: int = 40,
                  tinggi_pas: bool = True) -> None:
    """No horizontal scrollbar, every column inside the viewport, and each key cell's text
    whole: the delegate's size for the cell's width fits the cell."""
    assert view.isVisible(), view
    assert not view.horizontalScrollBar().isVisible(), view
    header = view.horizontalHeader()
    assert header.length() <= view.viewport().width() + 1, (header.length(),
                                                             view.viewport().width())
    model = view.model()
    assert model.rowCount() > 0, "the list is empty: nothing was checked"
    kolom = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
    for col in kunci:  # a header does not wrap: it must not be cut either
        if not view.isColumnHidden(col):
            assert header.sectionSize(col) >= header.sectionSizeHint(col) - 1, (
                model.headerData(col, Qt.Orientation.Horizontal), header.sectionSize(col))
    for row in range(min(model.rowCount(), baris)):
        if tinggi_pas:
            # As tall as its tallest cell's text, no taller (no 110-pixel rows for one line).
            tallest = max(view.itemDelegateForIndex(model.index(row, c)).sizeHint(
                _opsi(view, model.index(row, c)), model.index(row, c)).height() for c in kolom)
            limit = max(tallest + 6, view.verticalHeader().defaultSectionSize())
            assert view.rowHeight(row) <= limit, (row, view.rowHeight(row), tallest)
        for col in kunci:
            index = model.index(row, col)
            text = index.data()
            if not text or view.isColumnHidden(col):
                continue
            option = _opsi(view, index)
            need = view.itemDelegateForIndex(index).sizeHint(option, index)
            # The text's own lines must fit: height (wrapped lines) and width (no word cut).
            assert need.height() <= option.rect.height() + 1, (text, need, option.rect)
            assert need.width() <= option.rect.width() + 1, (text, need, option.rect)


def test_skp_saya_hasil_kerja_riwayat_and_evaluasi(qtbot, demo_db):
    window = _jendela(qtbot, login_nip(LIA_NIP))
    tab = window.tab("skp_saya")
    _tampil(qtbot, window, tab)
    periksa_tabel(tab.tabel, range(tab.tabel.model().columnCount()))
    editor = tab.editor
    periksa_tabel(editor.rhk.iki, (COL_INDIKATOR, IKI_TARGET))
    editor.halaman.setCurrentWidget(editor.riwayat)
    _tenang(qtbot)
    periksa_tabel(editor.riwayat, range(editor.riwayat.columnCount()))
    editor.halaman.setCurrentWidget(editor.evaluasi)
    editor.evaluasi.pilih_periode("TW1")
    _tenang(qtbot)
    periksa_tabel(editor.evaluasi.tabel, (COL_IKI, COL_TARGET))


def test_bawahan_list_and_the_skp_under_review(qtbot, demo_db):
    window = _jendela(qtbot, login("Hendra Gunawan"))
    tab = window.tab("bawahan")
    _tampil(qtbot, window, tab)
    periksa_tabel(tab.tabel, range(tab.tabel.model().columnCount()))
    editor = tab.editor
    periksa_tabel(editor.rhk.iki, (COL_INDIKATOR, IKI_TARGET))
    editor.halaman.setCurrentWidget(editor.riwayat)
    _tenang(qtbot)
    periksa_tabel(editor.riwayat, range(editor.riwayat.columnCount()))


def test_perencanaan_perjanjian_and_pengukuran(qtbot, demo_db):
    window = _jendela(qtbot, login_nip(CAMAT_NIP))
    tab = window.tab("perencanaan")
    _tampil(qtbot, window, tab)
    tab.halaman.setCurrentWidget(tab.pk_editor)
    _tenang(qtbot)
    pk = tab.pk_editor.tabel
    periksa_tabel(pk, (1, 2, 3, 6, 9))
    page = tab.pengukuran
    tab.halaman.setCurrentWidget(page)
    page.triwulan.setCurrentIndex(page.triwulan.findData(1))
    _tenang(qtbot)
    periksa_tabel(page.tabel, range(page.tabel.columnCount()))


def test_atasan_penilai_lists(qtbot, demo_db):
    window = _jendela(qtbot, login_nip(CAMAT_NIP))
    tab = window.tab("atasan")
    _tampil(qtbot, window, tab)
    if tab.daftar.rowCount():
        periksa_tabel(tab.daftar, range(tab.daftar.columnCount()))
    # The organisation's capaian: one row per unit, a choice per period, all on screen.
    tab.halaman.setCurrentWidget(tab.capaian)
    _tenang(qtbot)
    periksa_tabel(tab.capaian.tabel, (), tinggi_pas=False)


def test_kepegawaian_and_arsip(qtbot, demo_db):
    admin = login("admin")
    tahun = SKP.select(fn.MAX(SKP.tahun)).scalar()
    for skp in SKP.select().where((SKP.status == "DISETUJUI") & (SKP.tahun == tahun)).limit(3):
        buat_dokumen(admin, "skp", skp.id)
    window = _jendela(qtbot, admin)
    tab = window.tab("kepegawaian")
    _tampil(qtbot, window, tab)
    pegawai = tab.pegawai.tabel
    # NIP and name whole; jabatan, unit and atasan share the rest (elided, full text as tooltip).
    periksa_tabel(pegawai, (0, 1, 2, 3))
    tab.halaman.setCurrentWidget(tab.akun)
    _tenang(qtbot)
    periksa_tabel(tab.akun.tabel, (0, 1))
    arsip = window.tab("arsip")
    _tampil(qtbot, window, arsip)
    periksa_tabel(arsip.tabel, (0, COL_PEGAWAI, COL_JENIS, 3, 5))


def test_the_penilai_reads_the_whole_indicator_beside_a_narrow_target(qtbot, kantor_demo, clock):
    lia = login("Lia Kurniawati")
    skp = skp_service.buat_skp(lia, 2026)
    skp_service.simpan_isi(lia, skp.id, IsiSKP("KUANTITATIF", [IsianRHK(
        "UTAMA", "Tersedianya layanan aplikasi kecamatan yang andal bagi seluruh desa", [
            IsianIKI("KUANTITAS", "Jumlah aplikasi layanan kecamatan yang dipelihara dan "
                     "diperbarui setiap bulan", "4", "Aplikasi"),
            IsianIKI("WAKTU", "Ketepatan waktu pemeliharaan", "12", "Bulan")])]))
    skp_service.ajukan(lia, skp.id)
    window = _jendela(qtbot, login("Hendra Gunawan"))
    tab = window.tab("bawahan")
    _tampil(qtbot, window, tab)
    # "Belum ada SKP" of the two others and the waiting time all on screen beside the SKP.
    periksa_tabel(tab.tabel, range(tab.tabel.model().columnCount()))
    iki = tab.editor.rhk.iki
    periksa_tabel(iki, (COL_INDIKATOR, IKI_TARGET))
    # The target column is as wide as its text, the indicator takes the rest.
    assert iki.columnWidth(COL_INDIKATOR) > 3 * iki.columnWidth(IKI_TARGET)


def test_a_long_rhk_pimpinan_is_shown_whole_under_its_combo(qtbot, demo_db):
    # Slamet's RHK is linked to Hendra's; Hendra words his RHK at length.
    hendra = login("Hendra Gunawan")
    window = _jendela(qtbot, hendra)
    tab = window.tab("bawahan")
    _tampil(qtbot, window, tab)
    rhk = tab.editor.rhk
    linked = rhk.intervensi.currentData()
    assert linked is not None
    RencanaHasilKerja.update(uraian="Tertib administrasi desa").where(
        RencanaHasilKerja.id == linked).execute()
    tab.editor.muat_ulang()
    _tenang(qtbot)
    assert not rhk.intervensi_penuh.isVisible()  # a short text fits in the combo
    panjang = ("Meningkatnya tertib administrasi pemerintahan desa melalui pembinaan, "
               "pengawasan dan evaluasi laporan penyelenggaraan pemerintahan desa")
    RencanaHasilKerja.update(uraian=panjang).where(RencanaHasilKerja.id == linked).execute()
    tab.editor.muat_ulang()
    _tenang(qtbot)
    assert rhk.intervensi.currentData() == linked
    assert rhk.intervensi_penuh.isVisible() and rhk.intervensi_penuh.text() == panjang
    label = rhk.intervensi_penuh
    assert label.height() >= label.heightForWidth(label.width())  # whole, not cut
