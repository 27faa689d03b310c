"""Documents for a whole unit from the Arsip tab: progress, cancel, failures skipped, printing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from tests.helpers import login_nip
from tests.ui.conftest import ganti_exec

from skpdesk.documents import keluaran
from skpdesk.services import daftar
from skpdesk.services import dokumen as dokumen_service
from skpdesk.store.models import SKP, Dokumen, Pegawai
from skpdesk.ui.arsip.dokumen_unit_dialog import DialogDokumenUnit
from skpdesk.ui.arsip.tab import ArsipTab
from skpdesk.ui.bersama.widgets import cari_data

TAHUN = dt.date.today().year
HENDRA_NIP = "197812012006041009"  # Kasi Pemerintahan, penilai of Lia
LIA_NIP = "199407042019032011"
DEWI_NIP = "198303222009012006"  # Kasi Kesos, assessed by the Camat


def _unit(nama: str):
    return next(n.id for n in daftar.pohon_unit() if n.nama == nama)


def _skp(nip: str) -> SKP:
    return SKP.get((SKP.pegawai == Pegawai.get(Pegawai.nip == nip)) & (SKP.tahun == TAHUN))


def test_a_units_batch_runs_to_the_end_archives_and_prints(qtbot, demo_admin, monkeypatch):
    printed = []
    monkeypatch.setattr(keluaran, "cetak", lambda path, salinan=1, **k: printed.append(salinan))
    tab = ArsipTab(demo_admin)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.tombol_massal.isVisible()
    unit = _unit("Seksi Kesejahteraan Sosial")

    def drive(dialog: DialogDokumenUnit) -> None:
        dialog.jenis.setCurrentIndex(dialog.jenis.findData("skp"))
        assert not dialog.periode.isEnabled()
        dialog.unit.setCurrentIndex(cari_data(dialog.unit, unit))
        dialog.tahun.setValue(TAHUN)
        dialog.cetak.setChecked(True)
        dialog.salinan.setValue(2)
        dialog.grab().save("/tmp/dokumen_unit_dialog.png")
        dialog.tombol.button(QDialogButtonBox.StandardButton.Ok).click()

    ganti_exec(monkeypatch, DialogDokumenUnit, drive)
    qtbot.mouseClick(tab.tombol_massal, Qt.MouseButton.LeftButton)
    pembuat = tab.pembuat
    assert pembuat is not None
    values = []
    pembuat.langkah.connect(values.append)
    qtbot.waitSignal(pembuat.selesai, timeout=60_000).wait()  # the batch runs on a QTimer
    hasil = pembuat.hasil
    assert len(hasil.dibuat) == 3 and not hasil.dilewati and not hasil.dibatalkan
    assert values == [1, 2, 3]
    assert not pembuat.progress.isVisible()
    assert Dokumen.select().where(Dokumen.jenis == "skp").count() == 3
    assert printed == [2, 2, 2] and hasil.dicetak == 3
    assert tab.model.rowCount() == 3
    assert "3 dokumen dibuat" in tab.kotak_ringkasan.text()
    tab.kotak_ringkasan.close()


def test_cancel_after_the_first_step_stops_and_keeps_what_was_made(qtbot, demo_admin):
    tab = ArsipTab(demo_admin)
    qtbot.addWidget(tab)
    tab.show()
    ids = dokumen_service.rekaman_unit("SKP", [_unit("Subbagian Umum dan Kepegawaian")], TAHUN)
    assert len(ids) == 3
    pembuat = tab.mulai_massal("skp", ids)
    batal = pembuat.progress.findChild(QPushButton)  # the dialog's Batal button
    pembuat.langkah.connect(lambda n: batal.click() if n == 1 else None)
    qtbot.waitSignal(pembuat.selesai, timeout=60_000).wait()  # the batch runs on a QTimer
    assert pembuat.hasil.dibatalkan and len(pembuat.hasil.dibuat) == 1
    assert Dokumen.select().count() == 1
    assert "Dibatalkan" in tab.kotak_ringkasan.text()
    tab.kotak_ringkasan.close()


def test_a_record_refused_is_reported_and_skipped(qtbot, demo_db_tanpa_evaluasi):
    hendra = login_nip(HENDRA_NIP)
    assert dokumen_service.boleh_buat_massal(hendra)
    tab = ArsipTab(hendra)
    qtbot.addWidget(tab)
    tab.show()
    ids = [_skp(DEWI_NIP).id, _skp(LIA_NIP).id]
    pembuat = tab.mulai_massal("skp", ids)
    qtbot.waitSignal(pembuat.selesai, timeout=60_000).wait()  # the batch runs on a QTimer
    hasil = pembuat.hasil
    assert [h.dokumen.skp_id for h in hasil.dibuat] == [ids[1]]
    assert [record for record, _why in hasil.dilewati] == [ids[0]]
    assert "Dewi" in hasil.dilewati[0][1]
    assert Dokumen.select().count() == 1
    assert "1 dilewati" in tab.kotak_ringkasan.text()
    tab.kotak_ringkasan.close()


def test_records_of_a_unit_are_the_approved_skps_and_their_evaluations(demo_admin):
    unit = _unit("Seksi Pemerintahan")
    ids = dokumen_service.rekaman_unit("SKP", [unit], TAHUN)
    assert {SKP.get_by_id(i).pegawai.nip for i in ids} == {HENDRA_NIP, LIA_NIP}
    assert dokumen_service.rekaman_unit("Evaluasi", [unit], TAHUN, "TW1") == []
    lia = login_nip(LIA_NIP)
    assert not dokumen_service.boleh_buat_massal(lia)


def _buat_dengan(qtbot, monkeypatch, tab, atur) -> None:
    def drive(dialog: DialogDokumenUnit) -> None:
        dialog.jenis.setCurrentIndex(dialog.jenis.findData("skp"))
        dialog.tahun.setValue(TAHUN)
        atur(dialog)
        dialog.tombol.button(QDialogButtonBox.StandardButton.Ok).click()

    ganti_exec(monkeypatch, DialogDokumenUnit, drive)
    qtbot.mouseClick(tab.tombol_massal, Qt.MouseButton.LeftButton)


def test_the_personnel_officer_prints_one_pegawais_skp(qtbot, demo_admin, monkeypatch):
    tab = ArsipTab(demo_admin)
    qtbot.addWidget(tab)
    tab.show()
    # The empty archive points to the button she has.
    assert tab.kosong.isVisible() and "Buat Dokumen…" in tab.kosong.text()
    assert tab.tombol_massal.isVisible() and tab.tombol_massal.text() == "Buat Dokumen…"
    lia = Pegawai.get(Pegawai.nip == LIA_NIP)

    def satu(dialog: DialogDokumenUnit) -> None:
        dialog.pegawai.setCurrentIndex(cari_data(dialog.pegawai, lia.id))
        assert not dialog.unit.isEnabled()  # one pegawai: the unit does not matter

    _buat_dengan(qtbot, monkeypatch, tab, satu)
    pembuat = tab.pembuat
    qtbot.waitSignal(pembuat.selesai, timeout=60_000).wait()  # the batch runs on a QTimer
    docs = list(Dokumen.select())
    assert [d.skp.pegawai.nip for d in docs] == [LIA_NIP]
    text = tab.kotak_ringkasan.text()
    folder = dokumen_service.path_berkas(docs[0].path).parent
    assert "1 dokumen dibuat" in text and str(folder) in text
    opened = []
    monkeypatch.setattr(ArsipTab, "buka_folder", lambda self, f: opened.append(f))
    qtbot.mouseClick(tab.tombol_buka_folder, Qt.MouseButton.LeftButton)
    assert opened == [folder]
    assert tab.kotak_ringkasan.isVisible()  # the summary stays to be read
    tab.kotak_ringkasan.close()


def test_a_pegawai_without_an_approved_skp_is_named_with_the_reason(
    qtbot, demo_admin, monkeypatch
):
    from skpdesk.services import pegawai as pegawai_service

    unit = _unit("Seksi Kesejahteraan Sosial")
    baru = pegawai_service.tambah_pegawai(demo_admin, pegawai_service.DataPegawai(
        nip="199001012015031001", nama="Rudi Hartono", golongan="III/a", unit_id=unit))
    tab = ArsipTab(demo_admin)
    qtbot.addWidget(tab)
    tab.show()

    # Alone: refused before anything starts, with her name and why.
    _buat_dengan(qtbot, monkeypatch, tab, lambda d: d.pegawai.setCurrentIndex(
        cari_data(d.pegawai, baru.id)))
    assert tab.pesan.adalah_galat()
    assert "Rudi Hartono" in tab.pesan.text()
    assert f"belum ada SKP {TAHUN} yang disetujui" in tab.pesan.text()
    assert Dokumen.select().count() == 0

    # In the unit's batch: the others are made, and everyone left out is named with why (Siti's
    # SKP of the demo office waits for approval; before, she was left out without a word).
    _buat_dengan(qtbot, monkeypatch, tab,
                 lambda d: d.unit.setCurrentIndex(cari_data(d.unit, unit)))
    qtbot.waitSignal(tab.pembuat.selesai, timeout=60_000).wait()
    text = tab.kotak_ringkasan.text()
    assert "3 dokumen dibuat" in text and "2 dilewati" in text
    assert f"• Rudi Hartono: belum ada SKP {TAHUN} yang disetujui" in text
    assert f"• Siti Rahayu, S.Sos.: belum ada SKP {TAHUN} yang disetujui" in text
    tab.kotak_ringkasan.close()


def test_a_penilai_picks_among_his_own_pegawai_and_skipped_ones_are_named(
    qtbot, demo_db_tanpa_evaluasi
):
    hendra = login_nip(HENDRA_NIP)
    names = [p.nama for p in dokumen_service.pegawai_dokumen(hendra)]
    assert any(n.startswith("Lia Kurniawati") for n in names)
    assert not any(n.startswith("Dewi") for n in names)
    tab = ArsipTab(hendra)
    qtbot.addWidget(tab)
    tab.show()
    pembuat = tab.mulai_massal("skp", [_skp(DEWI_NIP).id, _skp(LIA_NIP).id])
    qtbot.waitSignal(pembuat.selesai, timeout=60_000).wait()
    text = tab.kotak_ringkasan.text()
    assert "1 dilewati" in text
    line = next(x for x in text.splitlines() if x.startswith("• "))
    assert "Dewi Lestari" in line  # whose SKP, and why
    tab.kotak_ringkasan.close()


def test_a_long_list_of_skipped_pegawai_keeps_the_summary_on_a_1366x768_screen(
    qtbot, demo_admin, monkeypatch
):
    """Early in the year most of an office has no approved SKP: the summary names the first
    ones and keeps the rest in its details, so its OK button stays on the screen."""
    from skpdesk.services import pegawai as pegawai_service
    from skpdesk.ui.arsip.dokumen_unit_dialog import BATAS_DILEWATI

    unit = _unit("Seksi Kesejahteraan Sosial")
    first = ("Adi", "Budi", "Cici", "Dedi", "Eka", "Fajar")
    last = ("Pratama", "Saputra", "Wibowo", "Lestari", "Hidayat", "Santoso", "Putri", "Siregar")
    names = [f"{a} {b}" for a in first for b in last]  # 48 new pegawai
    for n, nama in enumerate(names, start=1):
        pegawai_service.tambah_pegawai(demo_admin, pegawai_service.DataPegawai(
            nip=f"199001012015031{n:03d}", nama=nama, golongan="III/a", unit_id=unit))
    tab = ArsipTab(demo_admin)
    qtbot.addWidget(tab)
    tab.show()
    _buat_dengan(qtbot, monkeypatch, tab,
                 lambda d: d.unit.setCurrentIndex(cari_data(d.unit, unit)))
    qtbot.waitSignal(tab.pembuat.selesai, timeout=60_000).wait()
    box = tab.kotak_ringkasan
    qtbot.waitExposed(box)
    skipped = len(names) + 1  # and Siti, whose SKP waits for approval
    text = box.text()
    assert f"{skipped} dilewati" in text
    assert sum(line.startswith("• ") for line in text.splitlines()) == BATAS_DILEWATI
    assert f"… dan {skipped - BATAS_DILEWATI} lainnya" in text
    # Everyone skipped is in the details, with why.
    details = box.detailedText().splitlines()
    assert len(details) == skipped
    assert all(f"• {nama}: belum ada SKP {TAHUN} yang disetujui" in details for nama in names)
    assert box.height() <= 768 - 60  # room left for the title bar and the taskbar
    box.close()


def test_the_pegawai_is_found_by_typing_part_of_her_name_or_nip(qtbot, demo_admin):
    """Hundreds of pegawai are not scrolled through: typing finds one; a half-typed name that
    names nobody makes nothing rather than the whole unit's batch."""
    dialog = DialogDokumenUnit(demo_admin)
    qtbot.addWidget(dialog)
    dialog.show()
    buat = dialog.tombol.button(QDialogButtonBox.StandardButton.Ok)
    lia = Pegawai.get(Pegawai.nip == LIA_NIP)
    dialog.pegawai.lineEdit().clear()
    qtbot.keyClicks(dialog.pegawai.lineEdit(), "kurnia")
    assert not buat.isEnabled()  # typed, not picked yet
    popup = dialog.pegawai.completer().popup()
    assert popup.isVisible()
    found = [popup.model().index(n, 0).data() for n in range(popup.model().rowCount())]
    assert found == [next(dialog.pegawai.itemText(i) for i in range(dialog.pegawai.count())
                          if dialog.pegawai.itemData(i) == lia.id)]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.pegawai.pegawai_id() == lia.id
    assert buat.isEnabled() and not dialog.unit.isEnabled()
    assert dialog.pilihan().pegawai_id == lia.id
    # By NIP as well.
    dialog.pegawai.lineEdit().clear()
    qtbot.keyClicks(dialog.pegawai.lineEdit(), "19940704")
    assert [popup.model().index(n, 0).data() for n in range(popup.model().rowCount())] == found
