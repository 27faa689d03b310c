"""A quarter's evaluation on the real widgets: realisasi, bukti, umpan balik, ratings, keberatan."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.helpers import login, pasang_jam
from tests.ui.conftest import click, ganti_exec

from skpdesk.domain.aturan import Rating
from skpdesk.domain.evaluasi import StatusEvaluasi
from skpdesk.domain.skp import IsianIKI, IsianRHK
from skpdesk.services import evaluasi as ev_service
from skpdesk.services import skp as skp_service
from skpdesk.services.skp import IsiSKP
from skpdesk.store.models import BuktiDukung, Evaluasi, Pegawai, RealisasiIKI
from skpdesk.ui.app import create_main_window
from skpdesk.ui.bersama.widgets import CatatanDialog
from skpdesk.ui.skp.evaluasi_page import COL_REALISASI, COL_UMPAN_BALIK, EvaluasiPage

TAHUN = 2026
E = StatusEvaluasi
LIA, HENDRA, CAMAT = "Lia Kurniawati", "Hendra Gunawan", "Bambang Setiawan"


@pytest.fixture
def clock(monkeypatch):
    return pasang_jam(monkeypatch, dt.datetime(2026, 2, 2, 1, 0))


@pytest.fixture
def skp(kantor_demo):
    lia, hendra = login(LIA), login(HENDRA)
    made = skp_service.buat_skp(lia, TAHUN)
    isi = IsiSKP(
        "KUANTITATIF",
        [
            IsianRHK(
                "UTAMA",
                "Tersedianya layanan aplikasi kecamatan",
                [
                    IsianIKI("KUANTITAS", "Aplikasi yang dipelihara", "4", "Aplikasi"),
                    IsianIKI("WAKTU", "Ketepatan waktu pemeliharaan", "12", "Bulan"),
                ],
            )
        ],
    )
    skp_service.simpan_isi(lia, made.id, isi)
    skp_service.ajukan(lia, made.id)
    skp_service.setujui(hendra, made.id)
    return made


def page_for(qtbot, nama: str, skp_id) -> EvaluasiPage:
    window = create_main_window(login(nama), "kantor.db")
    qtbot.addWidget(window)
    window.show()
    key = "skp_saya" if nama == LIA else "bawahan"
    tab = window.tab(key)
    window.tabs.setCurrentWidget(tab)
    tab.pilih(skp_id)
    editor = tab.editor
    editor.halaman.setCurrentWidget(editor.evaluasi)
    page = editor.evaluasi
    page.pilih_periode("TW1")
    return page


def the_evaluation() -> Evaluasi:
    return Evaluasi.get(Evaluasi.periode == "TW1")


def test_a_quarter_from_realisasi_to_keberatan_decided(
    qtbot, skp, clock, tmp_path, monkeypatch
):
    # --- Lia starts the quarter and reports.
    page = page_for(qtbot, LIA, skp.id)
    assert page.tumpuk.currentIndex() == 0
    assert "Belum ada evaluasi Triwulan I" in page.kosong.text()
    click(qtbot, page.tombol_mulai)
    assert the_evaluation().status == E.BELUM_DIISI
    assert page.tabel.rowCount() == 2

    # A non-numeric realisasi of a numeric target is refused by name; nothing is saved.
    page.tabel.item(0, COL_REALISASI).setText("empat")
    click(qtbot, page.tombol_simpan_realisasi)
    assert page.pesan.adalah_galat()
    assert "Aplikasi yang dipelihara" in page.pesan.text()
    assert RealisasiIKI.select().count() == 0

    page.tabel.item(0, COL_REALISASI).setText("1")
    page.tabel.item(1, COL_REALISASI).setText("3")
    click(qtbot, page.tombol_simpan_realisasi)
    assert the_evaluation().status == E.DIISI
    assert [r.realisasi_teks for r in RealisasiIKI.select()] == ["1", "3"]

    # Bukti dukung: a text file posing as a PDF is refused; a real PDF is kept with its hash.
    fake = tmp_path / "laporan.pdf"
    fake.write_text("bukan pdf")
    real = tmp_path / "berita_acara.pdf"
    real.write_bytes(b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    page.tabel.selectRow(0)
    monkeypatch.setattr(EvaluasiPage, "pilih_berkas", lambda self: str(fake))
    click(qtbot, page.tombol_berkas)
    assert page.pesan.adalah_galat()
    assert BuktiDukung.select().count() == 0
    monkeypatch.setattr(EvaluasiPage, "pilih_berkas", lambda self: str(real))
    page.tabel.selectRow(0)
    click(qtbot, page.tombol_berkas)
    assert BuktiDukung.select().count() == 1
    assert page.tabel.item(0, 6).text() == "1"

    click(qtbot, page.tombol_aksi["ajukan"])
    assert the_evaluation().status == E.DIAJUKAN
    assert not page.tombol_simpan_realisasi.isVisible()

    # --- Hendra gives umpan balik and rates; the predikat follows the matrix as he picks.
    clock[0] += dt.timedelta(hours=3)
    page2 = page_for(qtbot, HENDRA, skp.id)
    assert page2.tombol_simpan_umpan.isVisible()
    assert not page2.tombol_simpan_realisasi.isVisible()
    page2.tabel.item(0, COL_UMPAN_BALIK).setText("Percepat pemeliharaan aplikasi desa.")
    click(qtbot, page2.tombol_simpan_umpan)
    assert RealisasiIKI.get(RealisasiIKI.realisasi_teks == "1").umpan_balik.startswith(
        "Percepat"
    )
    page2.halaman.setCurrentIndex(2)
    assert "Saran dari realisasi" in page2.saran.text()
    page2.rating_hk.setCurrentIndex(page2.rating_hk.findData(Rating.SESUAI_EKSPEKTASI.value))
    assert page2.predikat.text() == "(menunggu kedua rating)"
    page2.rating_pk.setCurrentIndex(page2.rating_pk.findData(Rating.DI_BAWAH_EKSPEKTASI.value))
    assert page2.predikat.text() == "Kurang/Misconduct"
    click(qtbot, page2.tombol_nilai)
    ev = the_evaluation()
    assert (ev.status, ev.predikat) == (E.DINILAI, "KURANG_MISCONDUCT")

    # The quarter is final once the unit's capaian organisasi is set (by the leader above).
    ev_service.atur_capaian_organisasi(login(CAMAT), ev.unit_id, TAHUN, "TW1", "BAIK")
    page2.muat_ulang()
    click(qtbot, page2.tombol_aksi["finalkan"])
    assert the_evaluation().status == E.FINAL

    # --- Lia objects; Hendra answers; the Camat decides and changes the perilaku rating.
    def answer(text):
        def drive(dialog: CatatanDialog) -> None:
            assert not dialog.tombol_ok.isEnabled()
            qtbot.keyClicks(dialog.catatan, text)
            click(qtbot, dialog.tombol_ok)

        return drive

    page = page_for(qtbot, LIA, skp.id)
    ganti_exec(monkeypatch, CatatanDialog, answer("Perilaku saya sudah sesuai ekspektasi."))
    click(qtbot, page.tombol_aksi["ajukan_keberatan"])
    assert the_evaluation().status == E.KEBERATAN
    assert page.kotak.isVisible() and "Perilaku saya" in page.catatan.text()

    page2 = page_for(qtbot, HENDRA, skp.id)
    ganti_exec(monkeypatch, CatatanDialog, answer("Dua kali terlambat rapat koordinasi."))
    click(qtbot, page2.tombol_aksi["tanggapi_keberatan"])
    assert the_evaluation().status == E.DITANGGAPI

    camat = create_main_window(login(CAMAT), "kantor.db")
    qtbot.addWidget(camat)
    page3 = EvaluasiPage(login(CAMAT))
    qtbot.addWidget(page3)
    page3.show()
    page3.tampilkan(skp.id, "TW1")
    assert set(page3.tombol_aksi) == {"putuskan_keberatan"}
    assert page3.rating_pk.isEnabled()
    page3.rating_pk.setCurrentIndex(page3.rating_pk.findData(Rating.SESUAI_EKSPEKTASI.value))
    ganti_exec(monkeypatch, CatatanDialog, answer("Keberatan diterima sebagian."))
    click(qtbot, page3.tombol_aksi["putuskan_keberatan"])
    ev = the_evaluation()
    assert (ev.status, ev.rating_perilaku, ev.predikat) == (
        E.DIPUTUS,
        Rating.SESUAI_EKSPEKTASI.value,
        "BAIK",
    )
    assert "Keberatan diterima sebagian." in page3.catatan.text()


def test_the_bawahan_tab_counts_an_evaluation_waiting_on_the_penilai(qtbot, skp, clock):
    lia = login(LIA)
    ev = ev_service.buka_evaluasi(lia, skp.id, "TW1")
    for iki, _r in ev_service.realisasi_per_iki(ev):
        ev_service.isi_realisasi(lia, ev.id, iki.id, "2")
    ev_service.ajukan(lia, ev.id)

    window = create_main_window(login(HENDRA), "kantor.db")
    qtbot.addWidget(window)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Bawahan (1)" in titles
    row = next(r for r in window.tab("bawahan").model.rows() if r.id == skp.id)
    assert row.menunggu_saya and row.aksi_saya == "Triwulan I: Simpan Penilaian"
    # The page opens on the period that waits on him.
    window.tab("bawahan").pilih(skp.id)
    assert window.tab("bawahan").editor.evaluasi.periode.currentData() == "TW1"


def final_quarter(skp, rating_hk=Rating.SESUAI_EKSPEKTASI, rating_pk=Rating.SESUAI_EKSPEKTASI):
    """TW1 of Lia's SKP run to final through the services."""
    lia, hendra = login(LIA), login(HENDRA)
    ev = ev_service.buka_evaluasi(lia, skp.id, "TW1")
    for iki, _r in ev_service.realisasi_per_iki(ev):
        ev_service.isi_realisasi(lia, ev.id, iki.id, "2")
    ev_service.ajukan(lia, ev.id)
    ev_service.nilai(hendra, ev.id, rating_hk, rating_pk)
    return ev


def test_capaian_organisasi_is_set_on_the_atasan_tab(qtbot, skp):
    final_quarter(skp)
    window = create_main_window(login(CAMAT), "kantor.db")
    qtbot.addWidget(window)
    tab = window.tab("atasan")
    assert tab is not None
    page = tab.capaian
    unit_id = Pegawai.get(Pegawai.nama == LIA).unit_id
    # The missing capaian holds back Lia's predikat: counted on the tab and its page.
    assert [(u.id, kode) for u, kode in tab.capaian_tertunda] == [(unit_id, "TW1")]
    assert tab.jumlah == 1
    judul = window.tabs.tabText(window.tabs.indexOf(tab))
    assert judul.endswith("(1)")
    assert tab.halaman.tabText(tab.halaman.indexOf(page)) == "Capaian Kinerja Organisasi (1)"
    row = page._units.index(unit_id)
    combo = page.tabel.cellWidget(row, 0)  # Triwulan I
    assert combo.currentData() is None
    combo.setCurrentIndex(combo.findData("BAIK"))
    page.tombol_simpan.click()
    assert ev_service.capaian_organisasi(unit_id, TAHUN, "TW1").nilai == "BAIK"
    assert "1 capaian tersimpan" in page.pesan.text()
    assert tab.jumlah == 0
    assert window.tabs.tabText(window.tabs.indexOf(tab)) == judul.removesuffix(" (1)")
    assert tab.halaman.tabText(tab.halaman.indexOf(page)) == "Capaian Kinerja Organisasi"
    # Lia, a staff member, leads no unit: she has no such tab.
    lia_window = create_main_window(login(LIA), "kantor.db")
    qtbot.addWidget(lia_window)
    assert lia_window.tab("atasan") is None


def test_the_distribution_warns_and_takes_a_justification(qtbot, skp, monkeypatch):
    ev = final_quarter(skp)
    unit_id = Pegawai.get(Pegawai.nama == LIA).unit_id
    ev_service.atur_capaian_organisasi(login(CAMAT), unit_id, TAHUN, "TW1", "BAIK")
    ev_service.finalkan(login(HENDRA), ev.id)

    window = create_main_window(login(HENDRA), "kantor.db")
    qtbot.addWidget(window)
    window.show()
    bawahan = window.tab("bawahan")
    window.tabs.setCurrentWidget(bawahan)
    page = bawahan.distribusi
    bawahan.halaman.setCurrentWidget(page)
    page.periode.setCurrentIndex(page.periode.findData("TW1"))
    assert page.capaian.text().startswith("Capaian kinerja organisasi: Baik · 1 evaluasi final")
    assert page.frekuensi.item(0, 3).text() == "1"  # Baik, fourth on the curve
    # One Baik out of one breaks the cap on Baik for a unit whose capaian is Baik: a warning.
    assert page.peringatan.adalah_galat()
    assert "peringatan, bukan larangan" in page.peringatan.text()

    def write(dialog: CatatanDialog) -> None:
        qtbot.keyClicks(dialog.catatan, "Satu-satunya pelaksana di seksi ini.")
        click(qtbot, dialog.tombol_ok)

    ganti_exec(monkeypatch, CatatanDialog, write)
    page.tabel.selectRow(0)
    click(qtbot, page.tombol_justifikasi)
    assert the_evaluation().justifikasi_distribusi == "Satu-satunya pelaksana di seksi ini."
    assert page.tabel.item(0, 2).text() == "Satu-satunya pelaksana di seksi ini."


def test_the_buku_catatan_keeps_dated_notes_about_a_subordinate(qtbot, skp):
    window = create_main_window(login(HENDRA), "kantor.db")
    qtbot.addWidget(window)
    window.show()
    bawahan = window.tab("bawahan")
    window.tabs.setCurrentWidget(bawahan)
    page = bawahan.buku_catatan
    bawahan.halaman.setCurrentWidget(page)
    lia_id = Pegawai.get(Pegawai.nama == LIA).id
    page.pegawai.setCurrentIndex(
        next(i for i in range(page.pegawai.count()) if page.pegawai.itemData(i) == lia_id)
    )
    assert page.kosong.isVisible()
    click(qtbot, page.tombol_tambah)  # nothing written yet
    assert page.pesan.adalah_galat()
    qtbot.keyClicks(page.catatan, "Menyelesaikan pembaruan aplikasi desa lebih cepat.")
    click(qtbot, page.tombol_tambah)
    assert page.tabel.rowCount() == 1
    assert page.tabel.item(0, 0).text() == "2 Februari 2026"
    assert page.tabel.item(0, 1).text().startswith("Menyelesaikan")
    assert not page.kosong.isVisible()


def test_a_late_evaluation_is_noted_in_the_status_bar(qtbot, skp, clock):
    lia = login(LIA)
    ev = ev_service.buka_evaluasi(lia, skp.id, "TW1")
    for iki, _r in ev_service.realisasi_per_iki(ev):
        ev_service.isi_realisasi(lia, ev.id, iki.id, "2")
    ev_service.ajukan(lia, ev.id)
    standard = next(
        t for t in ev_service.aksi_tersedia(login(HENDRA), the_evaluation()) if t.utama
    ).menit_baku
    assert ev_service.jumlah_lewat_baku(login(HENDRA)) == 0
    clock[0] += dt.timedelta(minutes=standard + 1)
    assert ev_service.jumlah_lewat_baku(login(HENDRA)) == 1
    assert ev_service.jumlah_lewat_baku(lia) == 0  # nothing of hers waits
    window = create_main_window(login(HENDRA), "kantor.db")
    qtbot.addWidget(window)
    assert window.info_terlambat.text() == "1 pekerjaan menunggu Anda melewati waktu baku SOP"


def test_tetapkan_predikat_is_disabled_with_the_reason_while_the_capaian_is_missing(
    qtbot, skp, clock
):
    lia, hendra = login(LIA), login(HENDRA)
    ev = ev_service.buka_evaluasi(lia, skp.id, "TW1")
    for iki in ev_service.daftar_iki(ev):
        ev_service.isi_realisasi(lia, ev.id, iki.id, "1")
    ev_service.ajukan(lia, ev.id)
    ev_service.nilai(hendra, ev.id, Rating.SESUAI_EKSPEKTASI, Rating.SESUAI_EKSPEKTASI)
    # His list says the step is held back, and why.
    window = create_main_window(hendra, "kantor.db")
    qtbot.addWidget(window)
    row = next(r for r in window.tab("bawahan").model.rows() if r.id == skp.id)
    assert row.aksi_saya == (
        "Triwulan I: Tetapkan Predikat (tertahan: capaian organisasi belum ditetapkan)"
    )
    page = page_for(qtbot, HENDRA, skp.id)
    button = page.tombol_aksi["finalkan"]
    assert not button.isEnabled()
    reason = page.aksi.label_alasan
    assert reason.isVisible()
    assert "Capaian kinerja organisasi" in reason.text()
    assert "belum ditetapkan" in button.toolTip()
    # The same rule refuses the call itself.
    assert ev_service.prasyarat(ev_service.ambil(ev.id), page.aksi.transisi["finalkan"])

    ev_service.atur_capaian_organisasi(login(CAMAT), ev.unit_id, TAHUN, "TW1", "BAIK")
    page.muat_ulang()
    button = page.tombol_aksi["finalkan"]
    assert button.isEnabled()
    assert not page.aksi.label_alasan.isVisible()
    window.tab("bawahan").muat_ulang()  # set elsewhere: no bus message here
    row = next(r for r in window.tab("bawahan").model.rows() if r.id == skp.id)
    assert row.aksi_saya == "Triwulan I: Tetapkan Predikat"
    click(qtbot, button)
    assert the_evaluation().status == E.FINAL
