"""The SKP planning chain on the real role tabs: draft, submit, return, revise, approve."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from tests.helpers import login, login_nip, nip_of
from tests.ui.conftest import click, ganti_exec, pegawai

from skpdesk.domain.skp import IsianIKI, IsianRHK
from skpdesk.domain.workflow import StatusSKP
from skpdesk.services import skp as skp_service
from skpdesk.services.skp import IsiSKP
from skpdesk.store.models import (
    SKP,
    EkspektasiPerilaku,
    IndikatorKinerja,
    RencanaHasilKerja,
    Riwayat,
)
from skpdesk.ui.app import create_main_window
from skpdesk.ui.bersama.widgets import CatatanDialog
from skpdesk.ui.skp.rhk_editor import COL_INDIKATOR, COL_SATUAN, COL_TARGET
from skpdesk.ui.skp_saya.tab import BuatSkpDialog

LIA = "Lia Kurniawati"
HENDRA = "Hendra Gunawan"  # Kasi Pemerintahan, Lia's atasan langsung
TAHUN = 2026


def window_for(qtbot, nama: str):
    aktor = login(nama)
    window = create_main_window(aktor, "kantor.db")
    qtbot.addWidget(window)
    window.show()
    return aktor, window


def titles(window) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def set_cell(editor, row: int, col: int, text: str) -> None:
    """What typing into a cell and pressing Enter does: the item's text changes."""
    editor.rhk.iki.item(row, col).setText(text)


def lia_skp() -> SKP:
    return SKP.get(SKP.pegawai == pegawai(nip_of(LIA)))


def test_draft_return_revise_approve_on_the_gui(qtbot, kantor_demo, clock, monkeypatch):
    # --- Lia: an empty SKP Saya tells her what to do, and she starts her SKP.
    _lia, window = window_for(qtbot, LIA)
    tab = window.tab("skp_saya")
    assert "Belum ada SKP untuk 2026" in tab.kosong.text()
    assert tab.tumpuk.currentIndex() == 0

    def fill_dialog(dialog: BuatSkpDialog) -> None:
        dialog.tahun.setValue(TAHUN)
        click(qtbot, dialog.tombol_ok)

    ganti_exec(monkeypatch, BuatSkpDialog, fill_dialog)
    click(qtbot, tab.tombol_buat_kosong)
    skp = lia_skp()
    assert skp.status == StatusSKP.DRAFT
    assert skp.snapshot["penilai"]["nama"].startswith(HENDRA)
    editor = tab.editor
    assert editor.skp_id == skp.id
    assert editor.judul.text() == "SKP Tahun 2026"
    assert editor.status.text() == "Draf"
    assert set(editor.tombol_aksi) == {"ajukan"}

    # She writes one RHK utama with an IKI whose target is not a number.
    click(qtbot, editor.rhk.tombol_utama)
    qtbot.keyClicks(editor.rhk.uraian, "Tersedianya layanan aplikasi kecamatan")
    set_cell(editor, 0, COL_INDIKATOR, "Jumlah aplikasi yang dipelihara")
    set_cell(editor, 0, COL_TARGET, "sepuluh")
    set_cell(editor, 0, COL_SATUAN, "Aplikasi")
    # Inline, beside the table, before any saving.
    assert editor.rhk.pesan.isVisible()
    assert "Target harus berupa angka" in editor.rhk.pesan.text()
    assert editor.rhk.iki.item(0, COL_TARGET).toolTip()

    click(qtbot, editor.tombol_simpan)
    assert editor.pesan.adalah_galat()
    assert RencanaHasilKerja.select().where(RencanaHasilKerja.skp == skp).count() == 0
    assert editor.kotor

    set_cell(editor, 0, COL_TARGET, "4")
    assert not editor.rhk.pesan.isVisible()
    window.activateWindow()
    editor.rhk.uraian.setFocus()
    qtbot.waitUntil(lambda: editor.rhk.uraian.hasFocus())
    qtbot.keyClick(editor.rhk.uraian, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.kotor
    iki = IndikatorKinerja.select().join(RencanaHasilKerja).where(RencanaHasilKerja.skp == skp)
    assert [(k.indikator, k.target_teks, k.satuan) for k in iki] == [
        ("Jumlah aplikasi yang dipelihara", "4", "Aplikasi")
    ]

    clock[0] += dt.timedelta(minutes=50)
    click(qtbot, editor.tombol_aksi["ajukan"])
    assert lia_skp().status == StatusSKP.DIAJUKAN
    assert editor.status.text() == "Diajukan"
    assert editor.tombol_aksi == {}  # nothing of hers to do while it waits
    assert not editor.tombol_simpan.isVisible()
    assert titles(window)[0] == "SKP Saya"

    # --- Hendra: the Bawahan tab counts it and puts it first.
    clock[0] += dt.timedelta(minutes=20)
    _hendra, window2 = window_for(qtbot, HENDRA)
    assert "Bawahan (1)" in titles(window2)
    bawahan = window2.tab("bawahan")
    window2.tabs.setCurrentWidget(bawahan)
    review = bawahan.editor
    assert review.skp_id == skp.id
    assert set(review.tombol_aksi) == {"setujui", "kembalikan"}
    # He reviews; he cannot edit her content.
    assert not review.rhk.tombol_utama.isVisible()
    assert review.rhk.uraian.isReadOnly()
    assert not review.tombol_simpan.isVisible()

    note = "Target terlalu rendah; tambahkan IKI waktu."

    def write_note(dialog: CatatanDialog) -> None:
        assert not dialog.tombol_ok.isEnabled()  # OK waits for the note
        qtbot.keyClicks(dialog.catatan, note)
        assert dialog.tombol_ok.isEnabled()
        click(qtbot, dialog.tombol_ok)

    ganti_exec(monkeypatch, CatatanDialog, write_note)
    click(qtbot, review.tombol_aksi["kembalikan"])
    assert lia_skp().status == StatusSKP.PERLU_REVISI
    assert titles(window2)[1] == "Bawahan"  # nothing waits on him now
    assert review.tombol_aksi == {}

    # --- Lia sees the note on top of her editor, revises and resubmits.
    window.close()
    clock[0] += dt.timedelta(minutes=30)
    _lia, window = window_for(qtbot, LIA)
    assert titles(window)[0] == "SKP Saya (1)"
    editor = window.tab("skp_saya").editor
    assert editor.status.text() == "Perlu Revisi"
    assert editor.kotak_kembali.isVisible()
    assert note in editor.catatan_kembali.text()
    assert HENDRA in editor.judul_kembali.text()
    assert editor.tombol_simpan.isVisible()

    set_cell(editor, 0, COL_TARGET, "6")
    click(qtbot, editor.rhk.tombol_tambah_iki)
    combo = editor.rhk.iki.cellWidget(1, 0)
    combo.setCurrentIndex(combo.findData("WAKTU"))
    set_cell(editor, 1, COL_INDIKATOR, "Ketepatan waktu pemeliharaan")
    set_cell(editor, 1, COL_TARGET, "12")
    set_cell(editor, 1, COL_SATUAN, "Bulan")
    click(qtbot, editor.tombol_simpan)
    assert lia_skp().status == StatusSKP.DRAFT  # saving took the pen back
    assert not editor.kotak_kembali.isVisible() or editor.status.text() == "Draf"
    click(qtbot, editor.tombol_aksi["ajukan"])
    assert lia_skp().status == StatusSKP.DIAJUKAN
    assert not editor.kotak_kembali.isVisible()

    # --- Hendra approves.
    clock[0] += dt.timedelta(minutes=10)
    bawahan.muat_ulang()
    assert review.skp_id == skp.id
    assert "Bawahan (1)" in titles(window2)
    click(qtbot, review.tombol_aksi["setujui"])
    assert lia_skp().status == StatusSKP.DISETUJUI
    assert titles(window2)[1] == "Bawahan"

    # Both sides see the same history with the note.
    rows = list(
        Riwayat.select()
        .where((Riwayat.entitas == "SKP") & (Riwayat.entitas_id == str(skp.id)))
        .order_by(Riwayat.nomor)
    )
    assert [r.aksi for r in rows if r.dari or r.aksi == "buat"] == [
        "buat",
        "ajukan",
        "kembalikan",
        "perbaiki",
        "ajukan",
        "setujui",
    ]
    for view in (review, window.tab("skp_saya").editor):
        view.muat_ulang()
        cells = [
            [view.riwayat.item(r, c).text() for c in range(view.riwayat.columnCount())]
            for r in range(view.riwayat.rowCount())
        ]
        returned = [c for c in cells if c[2] == "Kembalikan untuk Perbaikan"]
        assert returned and returned[0][4] == note
        assert returned[0][1].startswith(HENDRA)
        assert returned[0][3] == "Diajukan → Perlu Revisi"
        # The first submission took 50 minutes against the 75 of steps 1–2 of SOP 004.
        submitted = [c for c in cells if c[2] == "Ajukan ke Atasan"]
        assert submitted[0][5] == "50 menit / 1 jam"


def test_unsaved_changes_are_offered_for_saving_when_switching(qtbot, kantor_demo, monkeypatch):
    aktor = login(LIA)
    first = skp_service.buat_skp(aktor, TAHUN)
    skp_service.buat_skp(aktor, 2025)
    window = create_main_window(aktor, "kantor.db")
    qtbot.addWidget(window)
    tab = window.tab("skp_saya")
    tab.pilih(first.id)
    click_ok = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: click_ok.append(a) or QMessageBox.StandardButton.Save,
    )
    window.show()
    qtbot.mouseClick(tab.editor.rhk.tombol_utama, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.editor.rhk.uraian, "Layanan yang tidak boleh hilang")
    tab.tabel.selectRow(1)
    assert click_ok, "the person was asked"
    assert [r.uraian for r in first.rhk] == ["Layanan yang tidak boleh hilang"]


def test_matriks_peran_hasil_prefills_the_subordinates_draft(qtbot, kantor_demo, clock):
    hendra = login(HENDRA)
    lia = login(LIA)
    own = skp_service.buat_skp(hendra, TAHUN)
    skp_service.simpan_isi(
        hendra,
        own.id,
        IsiSKP(
            "KUANTITATIF",
            [
                IsianRHK(
                    "UTAMA",
                    "Meningkatnya tertib administrasi pemerintahan desa",
                    [IsianIKI("KUANTITAS", "Desa yang dibina", "12", "Desa")],
                )
            ],
        ),
    )
    lia_draft = skp_service.buat_skp(lia, TAHUN)

    window = create_main_window(hendra, "kantor.db")
    qtbot.addWidget(window)
    window.show()
    matriks = window.tab("bawahan").matriks
    assert matriks.tumpuk.currentIndex() == 1
    headers = [
        matriks.tabel.horizontalHeaderItem(c).text() for c in range(matriks.tabel.columnCount())
    ]
    col = next(i for i, h in enumerate(headers) if h.startswith(LIA))
    assert matriks.tabel.verticalHeaderItem(0).text().startswith("Meningkatnya tertib")
    assert not matriks.tombol_simpan.isEnabled()
    matriks.tabel.item(0, col).setText("Aplikasi administrasi desa terpelihara")
    assert matriks.tombol_simpan.isEnabled()
    qtbot.mouseClick(matriks.tombol_simpan, Qt.MouseButton.LeftButton)
    assert "tersimpan" in matriks.pesan.text()

    rows = list(lia_draft.rhk)
    assert [r.uraian for r in rows] == ["Aplikasi administrasi desa terpelihara"]
    assert rows[0].intervensi.skp_id == own.id

    # In Lia's editor the row arrives locked, linked, and with the reason said.
    window_lia = create_main_window(lia, "kantor.db")
    qtbot.addWidget(window_lia)
    window_lia.show()
    editor = window_lia.tab("skp_saya").editor
    assert editor.rhk.daftar.item(0).text() == "Utama 1. Aplikasi administrasi desa terpelihara"
    assert editor.rhk.info_matriks.isVisible()
    assert editor.rhk.uraian.isReadOnly()
    assert editor.rhk.intervensi.currentText().startswith("Meningkatnya tertib")


def test_ekspektasi_khusus_written_by_the_penilai_only(qtbot, kantor_demo, clock):
    hendra = login(HENDRA)
    lia = login(LIA)
    skp = skp_service.buat_skp(lia, TAHUN)

    window_lia = create_main_window(lia, "kantor.db")
    qtbot.addWidget(window_lia)
    own = window_lia.tab("skp_saya").editor
    assert not own.tombol_ekspektasi.isVisibleTo(own)
    assert not (own.perilaku.item(0, 2).flags() & Qt.ItemFlag.ItemIsEditable)

    window = create_main_window(hendra, "kantor.db")
    qtbot.addWidget(window)
    review = window.tab("bawahan").editor
    assert review.skp_id == skp.id
    assert review.perilaku.item(0, 2).flags() & Qt.ItemFlag.ItemIsEditable
    review.perilaku.item(0, 2).setText("Menanggapi permintaan desa dalam satu hari kerja")
    assert review.tombol_ekspektasi.isEnabled()
    review.tombol_ekspektasi.click()
    assert [e.ekspektasi_khusus for e in skp.ekspektasi.order_by(EkspektasiPerilaku.nomor)][0] == (
        "Menanggapi permintaan desa dalam satu hari kerja"
    )
    assert review.perilaku.item(0, 2).text().startswith("Menanggapi")


def test_a_subordinate_without_an_skp_is_listed_with_what_to_do(qtbot, kantor_demo, clock):
    hendra = login(HENDRA)
    window = create_main_window(hendra, "kantor.db")
    qtbot.addWidget(window)
    tab = window.tab("bawahan")
    names = [r.nama for r in tab.model.rows() if r.id is None]
    assert any(n.startswith(LIA) for n in names)
    assert "belum membuat SKP" in tab.ringkasan.text()
    tab.pilih(None, pegawai(nip_of(LIA)).id)
    assert tab.kanan.currentIndex() == 1
    assert "belum membuat SKP untuk 2026" in tab.tanpa_skp.text()


def test_buttons_are_exactly_what_the_table_gives_each_person(qtbot, demo_db_tanpa_evaluasi):
    """Every SKP of the living demo office, seen by its pegawai and its penilai."""
    from skpdesk.domain.workflow import ALUR_SKP
    from skpdesk.ui.skp.editor import SkpEditor

    seen_states = set()
    for skp in SKP.select():
        for person in (skp.pegawai, skp.penilai):
            if person is None:
                continue
            aktor = login_nip(person.nip)
            editor = SkpEditor(aktor)
            qtbot.addWidget(editor)
            editor.tampilkan(skp.id)
            pihak = skp_service.pihak_pada(aktor, skp)
            expected = {
                t.aksi
                for t in ALUR_SKP.tersedia(skp.status, pihak, skp_service.opsi_kantor())
                if t.aksi != "perbaiki"  # saving is the move back to a draft
            }
            assert set(editor.tombol_aksi) == expected, (skp.status, person.nama)
            # Only the pegawai holds the pen, and only while it is hers to write.
            assert editor.tombol_simpan.isVisibleTo(editor) == (
                skp.status in (StatusSKP.DRAFT, StatusSKP.PERLU_REVISI)
                and person.id == skp.pegawai_id
            )
            seen_states.add(skp.status)
    assert {StatusSKP.DRAFT, StatusSKP.DIAJUKAN, StatusSKP.DISETUJUI} <= seen_states


def test_the_status_bar_notes_what_is_late_against_the_sop(qtbot, kantor_demo, clock):
    lia, hendra = login(LIA), login(HENDRA)
    skp = skp_service.buat_skp(lia, TAHUN)
    skp_service.simpan_isi(
        lia,
        skp.id,
        IsiSKP(
            "KUANTITATIF", [IsianRHK("UTAMA", "Layanan", [IsianIKI("KUANTITAS", "A", "1", "X")])]
        ),
    )
    skp_service.ajukan(lia, skp.id)
    window = create_main_window(hendra, "kantor.db")
    qtbot.addWidget(window)
    assert window.info_terlambat.text() == ""
    clock[0] += dt.timedelta(minutes=31)  # SOP 004 gives the verification 30 minutes
    window2 = create_main_window(hendra, "kantor.db")
    qtbot.addWidget(window2)
    assert window2.info_terlambat.text() == "1 pekerjaan menunggu Anda melewati waktu baku SOP"
