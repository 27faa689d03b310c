"""One quarter of Pengukuran Kinerja on the real *Perencanaan* tabs, one return at each check."""

from __future__ import annotations

from PySide6.QtCore import Qt
from tests.helpers import login
from tests.ui.conftest import ganti_exec

from skpdesk.domain.pengukuran import PeranPK, StatusPengukuran
from skpdesk.services import pengukuran as ps
from skpdesk.store.models import Pegawai
from skpdesk.ui.app import create_main_window
from skpdesk.ui.bersama.rantai import KOL_CATATAN, KOL_TINDAKAN
from skpdesk.ui.bersama.widgets import CatatanDialog
from skpdesk.ui.perencanaan.mulai_dialog import MulaiDialog
from skpdesk.ui.perencanaan.pengukuran_page import COL_CAPAIAN, COL_KATEGORI
from skpdesk.ui.perencanaan.umum import WARNA_PITA

S = StatusPengukuran
CAMAT, SEKCAM, KASUBBAG = "Bambang Setiawan", "Sri Wahyuni", "Rina Marlina"
PERENCANA, LIA = "Fitri Handayani", "Lia Kurniawati"
KASI = {"Hendra Gunawan": {"Indeks kepuasan masyarakat terhadap layanan kecamatan": "81,5",
                           "Rata-rata waktu penyelesaian layanan administrasi kependudukan": "3"},
        "Dewi Lestari": {"Jumlah kegiatan pemberdayaan masyarakat yang difasilitasi": "2"},
        "Yusuf Hidayat": {"Persentase pengaduan gangguan trantibum yang ditindaklanjuti": "100"}}
KEGIATAN = "Jumlah kegiatan pemberdayaan masyarakat yang difasilitasi"
SKP_BAIK = "Persentase pegawai dengan nilai SKP minimal baik"


class Kantor:
    """One main window per person, as each would open skpdesk on her own laptop."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.windows = {}

    def tab(self, nama: str):
        if nama not in self.windows:
            window = create_main_window(login(nama), "kantor.db")
            self.qtbot.addWidget(window)
            window.show()
            self.windows[nama] = window
        window = self.windows[nama]
        tab = window.tab("perencanaan")
        window.tabs.setCurrentWidget(tab)
        tab.halaman.setCurrentWidget(tab.pengukuran)
        page = tab.pengukuran
        page.pilih(ps.daftar_pk()[0].id, 2)
        return page

    def aksi(self, nama: str, aksi: str, catatan: str = "") -> None:
        page = self.tab(nama)
        assert set(page.tombol_aksi) >= {aksi}, (nama, list(page.tombol_aksi))
        if catatan:
            self.qtbot.keyClicks(page.catatan, catatan)
        self.qtbot.mouseClick(page.tombol_aksi[aksi], Qt.MouseButton.LeftButton)
        assert not page.pesan.adalah_galat(), page.pesan.text()

    def isi(self, nama: str, indikator: str, nilai: str, kendala: str = "") -> None:
        page = self.tab(nama)
        row = page.baris_dari(indikator)
        assert row >= 0, (nama, indikator)
        page.tabel.setCurrentCell(row, 1)
        assert page.isian.isVisible(), (nama, indikator)
        page.realisasi.clear()
        self.qtbot.keyClicks(page.realisasi, nilai)
        page.kendala.clear()
        self.qtbot.keyClicks(page.kendala, kendala)
        self.qtbot.mouseClick(page.tombol_simpan, Qt.MouseButton.LeftButton)
        assert not page.pesan_isi.adalah_galat(), page.pesan_isi.text()

    def kembalikan(self, monkeypatch, nama: str, aksi: str, catatan: str) -> list:
        def drive(dialog: CatatanDialog) -> None:
            assert not dialog.tombol_ok.isEnabled()  # a return needs its note
            self.qtbot.keyClicks(dialog.catatan, catatan)
            self.qtbot.mouseClick(dialog.tombol_ok, Qt.MouseButton.LeftButton)

        opened = ganti_exec(monkeypatch, CatatanDialog, drive)
        self.aksi(nama, aksi)
        return opened


def status() -> str:
    return ps.daftar_pengukuran(ps.daftar_pk()[0])[1].status


def test_a_quarter_from_the_camat_to_the_sent_report(qtbot, demo_db, monkeypatch, tmp_path):
    office = Kantor(qtbot)
    # Who has the tab: the perencana, the Camat and the Kasi of the chains; not other staff.
    office.tab(PERENCANA)
    lia = create_main_window(login(LIA), "kantor.db")
    qtbot.addWidget(lia)
    assert "perencanaan" not in lia.tab_per_kunci

    page = office.tab(PERENCANA)
    assert page.tombol_mulai.isVisible()
    shown = ganti_exec(monkeypatch, MulaiDialog, lambda dialog: qtbot.mouseClick(
        dialog.tombol_ok, Qt.MouseButton.LeftButton))
    qtbot.mouseClick(page.tombol_mulai, Qt.MouseButton.LeftButton)
    assert status() == S.DISIAPKAN
    # The parts were proposed from the roster, shown, and stored on the chain.
    (dialog,) = shown
    assert [c.currentText().split(" — ")[0] for c in dialog.pilihan.values()] == [
        "Drs. Bambang Setiawan, M.Si.", "Sri Wahyuni, S.Sos., M.M.", "Rina Marlina, S.E., M.Ak.",
        "Fitri Handayani, S.E."]
    assert "Seksi Kesejahteraan Sosial: Dewi Lestari, S.Sos." in dialog.daftar_kasi.text()
    # Buttons only for the person whose turn it is.
    assert office.tab(PERENCANA).tombol_aksi == {}
    assert office.tab(SEKCAM).tombol_aksi == {}
    office.tab(CAMAT)
    camat = office.windows[CAMAT].tabs
    assert any(camat.tabText(i) == "Perencanaan (1)" for i in range(camat.count()))
    office.aksi(CAMAT, "tugaskan", "Laksanakan pengukuran Triwulan II")
    assert "Laksanakan pengukuran Triwulan II" in office.tab(SEKCAM).disposisi.text()
    office.aksi(SEKCAM, "disposisi_kasubbag")
    office.aksi(KASUBBAG, "sebar_form", "Isian paling lambat Jumat")

    # Each Kasi sees and fills his own section's rows, then confirms to the pelaksana.
    for kasi, rows in KASI.items():
        page = office.tab(kasi)
        assert page.hanya_saya.isChecked()
        assert page.tabel.rowCount() == len(rows)
        for indikator, nilai in rows.items():
            office.isi(kasi, indikator, nilai, "Kendala " + kasi.split()[0])
        office.aksi(kasi, "kirim_isian")
    assert status() == S.DIISI_BIDANG
    office.isi(PERENCANA, SKP_BAIK, "90")
    office.aksi(PERENCANA, "serahkan_draft")

    # The Kasubbag returns it to the sections once.
    opened = office.kembalikan(monkeypatch, KASUBBAG, "kembalikan_ke_bidang",
                               "Realisasi kegiatan pemberdayaan belum sesuai laporan")
    assert len(opened) == 1
    assert status() == S.DIISI_BIDANG
    dewi = office.tab("Dewi Lestari")
    assert dewi.kotak_kembali.isVisible()
    assert "belum sesuai laporan" in dewi.catatan_kembali.text()
    # Enter saves the entry too.
    dewi.tabel.setCurrentCell(dewi.baris_dari(KEGIATAN), 1)
    dewi.realisasi.clear()
    qtbot.keyClicks(dewi.realisasi, "5")
    qtbot.keyClick(dewi.realisasi, Qt.Key.Key_Return)
    assert ps.baris(ps.daftar_pengukuran(ps.daftar_pk()[0])[1])[2].realisasi == 5
    office.isi("Dewi Lestari", KEGIATAN, "5", "Dua kegiatan digabung")
    office.aksi(PERENCANA, "serahkan_draft")
    office.aksi(KASUBBAG, "setujui_kasubbag")
    # The Sekretaris returns it to the Kasubbag once.
    office.kembalikan(monkeypatch, SEKCAM, "kembalikan_ke_kasubbag", "Lengkapi analisis kendala")
    assert status() == S.DRAFT
    assert office.tab(KASUBBAG).kotak_kembali.isVisible()
    office.aksi(KASUBBAG, "setujui_kasubbag")
    office.aksi(SEKCAM, "setujui_sekretaris", "Mohon ditandatangani seluruh pegawai")
    office.aksi(PERENCANA, "tandatangani")
    office.aksi(CAMAT, "sahkan")
    office.aksi(CAMAT, "tugaskan_pengantar", "Kirim ke Bupati")
    office.aksi(PERENCANA, "kirim")
    office.aksi(PERENCANA, "dokumentasikan")
    assert status() == S.TERDOKUMENTASI

    page = office.tab(PERENCANA)
    assert page.tombol_aksi == {}
    # The history shows both returns with their notes.
    history = [[page.riwayat.item(r, c).text() for c in range(page.riwayat.columnCount())]
               for r in range(page.riwayat.rowCount())]
    returns = [row for row in history if "Kembalikan" in row[KOL_TINDAKAN]]
    assert [row[KOL_CATATAN] for row in returns] == [
        "Realisasi kegiatan pemberdayaan belum sesuai laporan", "Lengkapi analisis kendala"]
    # Capaian coloured by its band: 5 of 6 kegiatan = 83,33 %, "Baik".
    row = page.baris_dari(KEGIATAN)
    assert page.tabel.item(row, COL_CAPAIAN).text() == "83,33"
    assert page.tabel.item(row, COL_KATEGORI).text() == "Baik"
    assert page.tabel.item(row, COL_CAPAIAN).background().color().name() == \
        WARNA_PITA["hijau_muda"][1]

    # The report and its cover letter are made and opened.
    opened_files = []
    monkeypatch.setattr("skpdesk.documents.keluaran.buka",
                        lambda path, **_kw: opened_files.append(path))
    qtbot.mouseClick(page.tombol_laporan, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.tombol_pengantar, Qt.MouseButton.LeftButton)
    assert not page.pesan.adalah_galat(), page.pesan.text()
    assert [p.name.split("_")[0] for p in opened_files] == ["pengukuran", "pengantar"]
    from docx import Document

    text = "\n".join(p.text for p in Document(opened_files[0]).paragraphs)
    assert "TRIWULAN II TAHUN" in text and "{{" not in text


def test_a_refused_action_is_said_and_nothing_moves(qtbot, demo_db, monkeypatch):
    office = Kantor(qtbot)
    page = office.tab(PERENCANA)

    def start(dialog: MulaiDialog) -> None:
        # Without a Sekretaris the chain cannot start: said in the dialog, which stays open.
        dialog.pilihan[PeranPK.SEKRETARIS].setCurrentIndex(0)
        qtbot.mouseClick(dialog.tombol_ok, Qt.MouseButton.LeftButton)
        assert dialog.pesan.adalah_galat() and "Sekretaris" in dialog.pesan.text()
        assert ps.daftar_pengukuran(ps.daftar_pk()[0])[1:] == []
        dialog.pilihan[PeranPK.SEKRETARIS].set_pegawai_id(
            Pegawai.get(Pegawai.nama == SEKCAM).id)
        qtbot.mouseClick(dialog.tombol_ok, Qt.MouseButton.LeftButton)

    ganti_exec(monkeypatch, MulaiDialog, start)
    qtbot.mouseClick(page.tombol_mulai, Qt.MouseButton.LeftButton)
    pengukuran = ps.daftar_pengukuran(ps.daftar_pk()[0])[1]
    # A Kasi who tries to type into another section's row is refused by the service.
    hendra = office.tab("Hendra Gunawan")
    assert hendra.tombol_aksi == {}  # not his turn, no button
    office.aksi(CAMAT, "tugaskan")
    office.aksi(SEKCAM, "disposisi_kasubbag")
    office.aksi(KASUBBAG, "sebar_form")
    hendra = office.tab("Hendra Gunawan")
    qtbot.mouseClick(hendra.hanya_saya, Qt.MouseButton.LeftButton)  # show all rows
    row = hendra.baris_dari(KEGIATAN)
    hendra.tabel.setCurrentCell(row, 1)
    assert not hendra.isian.isVisible()  # Dewi's row: no form for Hendra
    # Confirming with empty rows says what is missing.
    qtbot.mouseClick(hendra.tombol_aksi["kirim_isian"], Qt.MouseButton.LeftButton)
    assert hendra.pesan.adalah_galat() and "belum diisi" in hendra.pesan.text()
    assert ps.ambil(pengukuran.id).status == S.FORM_DISEBAR


def test_the_perencana_edits_the_pk_and_the_bands(qtbot, demo_db):
    office = Kantor(qtbot)
    office.tab(PERENCANA)
    tab = office.windows[PERENCANA].tab_per_kunci["perencanaan"]
    editor = tab.pk_editor
    tab.halaman.setCurrentWidget(editor)
    assert editor.tabel.rowCount() == 5
    qtbot.mouseClick(editor.tombol_baru, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.sasaran, "Meningkatnya akuntabilitas kinerja kecamatan")
    qtbot.keyClicks(editor.indikator, "Nilai SAKIP kecamatan")
    qtbot.keyClicks(editor.satuan, "Nilai")
    editor.polaritas.setCurrentIndex(editor.polaritas.findData("RENTANG"))
    qtbot.keyClicks(editor.target, "70")
    qtbot.mouseClick(editor.tombol_simpan, Qt.MouseButton.LeftButton)
    # Said beside the field, nothing written.
    assert editor.galat.label("target_maks").adalah_galat()
    assert "batas atas" in editor.galat.label("target_maks").text()
    assert editor.tabel.rowCount() == 5
    qtbot.keyClicks(editor.target_maks, "80")
    qtbot.keyClicks(editor.target_tw[3], "70")
    qtbot.keyClicks(editor.anggaran, "12.500.000")
    editor.rhk.setCurrentIndex(1)
    qtbot.mouseClick(editor.tombol_simpan, Qt.MouseButton.LeftButton)
    assert editor.tabel.rowCount() == 6
    row = ps.indikator_pk(ps.daftar_pk()[0])[-1]
    assert (row.polaritas, row.target, row.target_maks, row.anggaran) == ("RENTANG", 70, 80,
                                                                          12500000)
    assert row.target_tw == {"4": "70"} and row.rhk_id is not None
    assert editor.tabel.item(5, 8).text() == "Rp 12.500.000"

    # The office's own bands: two, and the table colours by them at once.
    pita = tab.pita
    tab.halaman.setCurrentWidget(pita)
    pita.tabel.setRowCount(0)
    pita._tambah()
    pita.tabel.item(0, 0).setText("99,5")
    pita.tabel.item(0, 1).setText("Tercapai")
    pita._tambah()
    pita.tabel.item(1, 1).setText("Belum Tercapai")
    pita.tabel.cellWidget(1, 2).setCurrentIndex(pita.tabel.cellWidget(1, 2).findData("merah"))
    qtbot.mouseClick(pita.tombol_simpan, Qt.MouseButton.LeftButton)
    assert not pita.pesan.adalah_galat(), pita.pesan.text()
    page = tab.pengukuran
    page.pilih(ps.daftar_pk()[0].id, 1)
    row = page.baris_dari(KEGIATAN)
    assert page.tabel.item(row, COL_KATEGORI).text() == "Belum Tercapai"
    assert page.tabel.item(row, COL_CAPAIAN).background().color().name() == \
        WARNA_PITA["merah"][1]
