"""The Pegawai page and its dialogs: add, inline refusals, atasan cycle, search, deactivation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from tests.ui.conftest import CAMAT_NIP, LIA_NIP, ganti_exec, pegawai

from skpdesk.domain.entitas import Entitas
from skpdesk.services import pegawai as pegawai_service
from skpdesk.store.models import Pegawai, Riwayat, UnitKerja
from skpdesk.ui.bersama.bus import umumkan
from skpdesk.ui.bersama.widgets import CatatanDialog, cari_data
from skpdesk.ui.kepegawaian.pegawai_dialog import AturAtasanDialog, PegawaiDialog
from skpdesk.ui.kepegawaian.pegawai_model import COL_NAMA, COL_NIP
from skpdesk.ui.kepegawaian.pegawai_page import HALAMAN_KOSONG, HALAMAN_TABEL, PegawaiPage

NIP_BARU = "19850315 201001 2 003"
CLICK = Qt.MouseButton.LeftButton


def _page(qtbot, aktor) -> PegawaiPage:
    page = PegawaiPage(aktor)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page


def _nama_di_tabel(page: PegawaiPage) -> list[str]:
    return [page.proxy.index(r, COL_NAMA).data() for r in range(page.proxy.rowCount())]


def _pilih(combo, data) -> None:
    index = cari_data(combo, data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def _isi(qtbot, dialog: PegawaiDialog, nip: str, nama: str, status: str, golongan: str) -> None:
    qtbot.keyClicks(dialog.nip, nip)
    qtbot.keyClicks(dialog.nama, nama)
    _pilih(dialog.status, status)
    _pilih(dialog.golongan, golongan)


def test_empty_office_says_what_to_do(qtbot, kantor_siap):
    page = _page(qtbot, kantor_siap)
    assert page.tumpuk.currentIndex() == HALAMAN_KOSONG
    assert page.kosong.isVisible()
    assert page.kosong_tambah.isVisible() and page.kosong_impor.isVisible()


def test_add_pegawai_through_the_dialog(qtbot, kantor_siap, monkeypatch: pytest.MonkeyPatch):
    sekretariat = UnitKerja.get(UnitKerja.nama == "Sekretariat")

    def drive(dialog: PegawaiDialog) -> None:
        _isi(qtbot, dialog, NIP_BARU, "Siti Aminah", "PNS", "III/b")
        qtbot.keyClicks(dialog.gelar_belakang, "S.E.")
        _pilih(dialog.unit, sekretariat.id)
        dialog.nip.editingFinished.emit()
        assert dialog.galat.label("nip").text() == (
            "Lahir 15 Maret 1985 · TMT Januari 2010 · Perempuan"
        )
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    opened = ganti_exec(monkeypatch, PegawaiDialog, drive)
    page = _page(qtbot, kantor_siap)
    qtbot.mouseClick(page.kosong_tambah, CLICK)

    assert opened[0].result() == QDialog.DialogCode.Accepted
    saved = Pegawai.get(Pegawai.nip == "198503152010012003")
    assert saved.nama_lengkap == "Siti Aminah, S.E."
    assert saved.unit_id == sekretariat.id and saved.golongan == "III/b"
    assert (
        Riwayat.select()
        .where(
            (Riwayat.entitas == "Pegawai")
            & (Riwayat.entitas_id == str(saved.id))
            & (Riwayat.aksi == "tambah")
        )
        .count()
        == 1
    )
    # The page refreshed through the bus, left its empty state and selected the new row.
    assert page.tumpuk.currentIndex() == HALAMAN_TABEL
    assert _nama_di_tabel(page) == ["Siti Aminah, S.E."]
    assert page.proxy.index(0, COL_NIP).data() == NIP_BARU
    assert page.id_terpilih() == saved.id


@pytest.mark.parametrize(
    ("nip", "pesan"),
    [
        ("19850315201001200", "NIP harus 18 digit, yang diketik 17 digit."),
        ("198503152010132003", "Bulan TMT"),
    ],
)
def test_invalid_nip_is_refused_next_to_the_field(qtbot, kantor_siap, nip, pesan):
    before = Pegawai.select().count()
    dialog = PegawaiDialog(kantor_siap)
    qtbot.addWidget(dialog)
    dialog.show()
    _isi(qtbot, dialog, nip, "Budi Santoso", "PNS", "III/a")
    qtbot.mouseClick(dialog.tombol_simpan, CLICK)

    label = dialog.galat.label("nip")
    assert label.isVisible() and pesan in label.text()
    assert label.property("peran") == "galat"
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert Pegawai.select().count() == before


def test_golongan_must_match_the_status(qtbot, kantor_siap):
    dialog = PegawaiDialog(kantor_siap)
    qtbot.addWidget(dialog)
    dialog.show()
    _isi(qtbot, dialog, NIP_BARU, "Budi Santoso", "PNS", "III/b")
    # A PNS golongan means nothing for a PPPK: the choice starts over and only PPPK codes remain.
    _pilih(dialog.status, "PPPK")
    assert dialog.golongan.currentData() == ""
    assert dialog.golongan.findData("III/b") < 0 and dialog.golongan.findData("IX") > 0
    qtbot.mouseClick(dialog.tombol_simpan, CLICK)
    assert dialog.galat.label("golongan").text() == "Golongan wajib diisi."
    assert Pegawai.select().count() == 0

    # An NI PPPK (month digits 21) saved as PNS is refused on the status field.
    dialog.nip.setText("19920214 202321 1 004")
    _pilih(dialog.status, "PNS")
    _pilih(dialog.golongan, "II/a")
    qtbot.mouseClick(dialog.tombol_simpan, CLICK)
    assert "status harus PPPK" in dialog.galat.label("status").text()
    assert not dialog.galat.label("golongan").isVisible()
    assert Pegawai.select().count() == 0


def test_atasan_that_closes_a_loop_is_refused_inline(qtbot, demo_admin):
    camat = pegawai(CAMAT_NIP)
    lia = pegawai(LIA_NIP)
    history = Riwayat.select().count()
    dialog = AturAtasanDialog(demo_admin, camat.id)
    qtbot.addWidget(dialog)
    dialog.show()

    # Type part of the name, then pick the suggestion as a person would.
    dialog.atasan.lineEdit().clear()
    qtbot.keyClicks(dialog.atasan.lineEdit(), "kurniawati")
    popup = dialog.atasan.completer().popup()
    assert popup.isVisible() and popup.model().rowCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.atasan.currentText() == dialog.atasan.itemText(cari_data(dialog.atasan, lia.id))
    assert dialog.atasan.pegawai_id() == lia.id
    qtbot.mouseClick(dialog.tombol_simpan, CLICK)

    assert dialog.pesan.isVisible()
    assert "rantai atasan" in dialog.pesan.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert pegawai(CAMAT_NIP).atasan_id is None
    assert Riwayat.select().count() == history


def test_search_and_filters_narrow_the_table(qtbot, demo_admin):
    page = _page(qtbot, demo_admin)
    total = page.proxy.rowCount()
    assert total == Pegawai.select().count() == 21

    qtbot.keyClicks(page.cari, "kurnia")
    assert _nama_di_tabel(page) == ["Lia Kurniawati, S.Kom."]
    page.cari.clear()
    qtbot.keyClicks(page.cari, "19940704 201903")  # a NIP typed with its spaces
    assert _nama_di_tabel(page) == ["Lia Kurniawati, S.Kom."]
    page.cari.clear()
    qtbot.keyClicks(page.cari, "199407042019")  # or without
    assert _nama_di_tabel(page) == ["Lia Kurniawati, S.Kom."]
    page.cari.clear()
    assert page.proxy.rowCount() == total

    seksi = page.pohon_model.cari(UnitKerja.get(UnitKerja.nama == "Seksi Pemerintahan").id)
    page.pohon.setCurrentIndex(seksi.index())
    assert sorted(_nama_di_tabel(page)) == [
        "Dimas Saputra, S.IP.",
        "Hendra Gunawan, S.IP.",
        "Lia Kurniawati, S.Kom.",
        "Slamet Riyadi",
    ]
    # A unit includes its sub-units: the Sekretariat holds both subbagian.
    sekretariat = page.pohon_model.cari(UnitKerja.get(UnitKerja.nama == "Sekretariat").id)
    page.pohon.setCurrentIndex(sekretariat.index())
    assert page.proxy.rowCount() == 8
    _pilih(page.filter_status, "PPPK")
    assert _nama_di_tabel(page) == ["Rudi Hartono"]
    assert "1 dari 21" in page.jumlah.text()


def test_selection_and_sort_survive_a_data_change(qtbot, demo_admin):
    page = _page(qtbot, demo_admin)
    page.tabel.sortByColumn(COL_NIP, Qt.SortOrder.DescendingOrder)
    lia = pegawai(LIA_NIP)
    assert page.pilih(lia.id)

    joko = pegawai("198807252011011005")
    data = pegawai_service.data_pegawai(joko)
    pegawai_service.ubah_pegawai(
        demo_admin, joko.id, data.__class__(**{**data.__dict__, "nama": "Joko Susanto"})
    )
    umumkan(Entitas.PEGAWAI)

    assert "Joko Susanto" in _nama_di_tabel(page)
    assert page.id_terpilih() == lia.id
    header = page.tabel.horizontalHeader()
    assert header.sortIndicatorSection() == COL_NIP
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_deactivation_requires_a_reason(qtbot, demo_admin, monkeypatch: pytest.MonkeyPatch):
    joko = pegawai("198807252011011005")

    def drive(dialog: CatatanDialog) -> None:
        assert not dialog.tombol_ok.isEnabled()
        qtbot.keyClicks(dialog.catatan, "   ")
        assert not dialog.tombol_ok.isEnabled()  # blanks are no reason
        qtbot.keyClicks(dialog.catatan, "Mutasi ke Dinas Sosial")
        assert dialog.tombol_ok.isEnabled()
        qtbot.mouseClick(dialog.tombol_ok, CLICK)

    ganti_exec(monkeypatch, CatatanDialog, drive)
    page = _page(qtbot, demo_admin)
    assert page.pilih(joko.id)
    assert page.tombol_aktif.text() == "Nonaktifkan…"
    qtbot.mouseClick(page.tombol_aktif, CLICK)

    assert not pegawai(joko.nip).aktif
    row = Riwayat.get((Riwayat.entitas_id == str(joko.id)) & (Riwayat.aksi == "nonaktifkan"))
    assert row.catatan == "Mutasi ke Dinas Sosial"
    # The default filter shows active staff only; the row has left the table.
    assert "Joko Susilo" not in _nama_di_tabel(page)


def test_deactivating_an_atasan_is_refused_inside_the_dialog(
    qtbot, demo_admin, monkeypatch: pytest.MonkeyPatch
):
    kasi = pegawai("197812012006041009")  # Hendra Gunawan still leads four staff

    def drive(dialog: CatatanDialog) -> None:
        qtbot.keyClicks(dialog.catatan, "Pensiun")
        qtbot.mouseClick(dialog.tombol_ok, CLICK)
        assert dialog.pesan.isVisible() and "Tetapkan atasan baru" in dialog.pesan.text()
        assert dialog.result() != QDialog.DialogCode.Accepted
        dialog.reject()

    ganti_exec(monkeypatch, CatatanDialog, drive)
    page = _page(qtbot, demo_admin)
    page.pilih(kasi.id)
    qtbot.mouseClick(page.tombol_aktif, CLICK)
    assert pegawai(kasi.nip).aktif


def test_a_new_atasan_takes_over_the_running_skp_with_its_history(qtbot, demo_admin):
    from skpdesk.store.models import SKP

    lia = pegawai(LIA_NIP)
    new_boss = Pegawai.get(Pegawai.nama == "Sri Wahyuni")  # Sekretaris Camat
    skp = SKP.get((SKP.pegawai == lia) & (SKP.regime == "PERMENPANRB_6_2022"))
    before = Riwayat.select().where(Riwayat.entitas_id == str(skp.id)).count()
    dialog = AturAtasanDialog(demo_admin, lia.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.serahkan.isVisible() and not dialog.alasan.isVisible()
    dialog.atasan.set_pegawai_id(new_boss.id)
    dialog.serahkan.setChecked(True)
    assert dialog.alasan.isVisible()
    # Without a reason nothing changes: not the roster, not the SKP.
    qtbot.mouseClick(dialog.tombol_simpan, CLICK)
    assert "Alasan" in dialog.pesan.text()
    assert pegawai(LIA_NIP).atasan_id != new_boss.id
    assert SKP.get_by_id(skp.id).penilai_id != new_boss.id

    qtbot.keyClicks(dialog.alasan, "Mutasi Kasi Pemerintahan")
    qtbot.mouseClick(dialog.tombol_simpan, CLICK)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert pegawai(LIA_NIP).atasan_id == new_boss.id
    moved = SKP.get_by_id(skp.id)
    assert moved.penilai_id == new_boss.id
    assert moved.snapshot["penilai"]["nama"].startswith("Sri Wahyuni")
    rows = list(
        Riwayat.select()
        .where(Riwayat.entitas_id == str(skp.id))
        .order_by(Riwayat.nomor)
    )
    assert len(rows) == before + 1  # the history is kept and grows by the handover
    assert (rows[-1].aksi, rows[-1].catatan) == ("ganti_penilai", "Mutasi Kasi Pemerintahan")


def test_the_form_does_not_shift_as_messages_appear(qtbot, demo_admin):
    """Messages under NIP and at the bottom appear in room kept for them: nothing below moves,
    so a click aimed at Simpan cannot land on Jabatan Baru…"""
    dialog = PegawaiDialog(demo_admin)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    watched = (dialog.nama, dialog.status, dialog.golongan, dialog.jabatan,
               dialog.tombol_jabatan_baru, dialog.unit, dialog.atasan, dialog.tombol_simpan)

    def places():
        return [w.mapTo(dialog, w.rect().topLeft()) for w in watched] + [dialog.size()]

    before = places()
    qtbot.keyClicks(dialog.nip, "19850")  # "5 dari 18 digit" appears while typing
    assert dialog.galat.label("nip").isVisible()
    assert places() == before
    # The NIP of someone already in the office: the refusal under NIP and the form's own message.
    dialog.nip.setText(pegawai(LIA_NIP).nip)
    dialog.nama.setText("Budi Santoso")
    _pilih(dialog.golongan, "III/a")
    qtbot.mouseClick(dialog.tombol_simpan, CLICK)
    label = dialog.galat.label("nip")
    assert label.adalah_galat() and "Sudah ada pegawai Lia Kurniawati" in label.text()
    assert places() == before
    # Each message fits the room kept for it: nothing is cut.
    for shown in (label, dialog.pesan):
        if shown.isVisible():
            assert shown.height() >= shown.heightForWidth(shown.width())
    # Without a golongan: the message under Pangkat/golongan, and still nothing moves.
    dialog.nip.setText(NIP_BARU)
    _pilih(dialog.golongan, "")
    qtbot.mouseClick(dialog.tombol_simpan, CLICK)
    assert dialog.galat.label("golongan").text() == "Golongan wajib diisi."
    assert places() == before
    assert dialog.result() != QDialog.DialogCode.Accepted
