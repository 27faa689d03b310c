"""Packages in the window: "Kirim" on one laptop, import on another (menu and drop), refusals
that change nothing, a laptop set up from the office package, and the conflict dialog."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWizard
from tests.helpers import ISI_VERIFIKASI, Laptop, dump, login, login_nip, nip_of
from tests.ui.conftest import click, ganti_exec

from skpdesk.domain.entitas import Entitas
from skpdesk.domain.skp import IsianIKI, IsianRHK
from skpdesk.services import demo, kantor, paket
from skpdesk.services import pengukuran as ps
from skpdesk.services import skp as skp_service
from skpdesk.services.skp import IsiSKP
from skpdesk.store.models import SKP, Evaluasi, db
from skpdesk.ui.app import create_main_window
from skpdesk.ui.bersama import pertukaran
from skpdesk.ui.login import LoginDialog
from skpdesk.ui.paket_dialog import FolderPertukaranDialog, KonflikDialog, PaketMasukDialog
from skpdesk.ui.perencanaan.mulai_dialog import MulaiDialog
from skpdesk.ui.setup_wizard import SetupWizard

TAHUN = 2026
SITI, DEWI = "Siti Rahayu", "Dewi Lestari"  # a Kesos staff member and her penilai


@pytest.fixture
def kantor_paket(kantor_demo, tmp_path, monkeypatch):
    """The demo office's package, and laptops set up from it (each its own database file)."""
    out = tmp_path / "kantor.skpx"
    paket.ekspor_kantor(login(demo.ADMIN_LOGIN), out)
    laptops = {n: Laptop(tmp_path, n, monkeypatch) for n in ("pegawai", "penilai", "atasan")}
    for laptop in laptops.values():
        laptop.pakai()
        paket.impor(out)
    yield out, laptops
    if db.obj is not None:
        db.obj.close()


def jendela(qtbot, aktor):
    window = create_main_window(aktor, "skpdesk.db")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def judul_tab(window) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def tutup_dialog(monkeypatch) -> list[PaketMasukDialog]:
    return ganti_exec(monkeypatch, PaketMasukDialog, lambda d: d.tombol_tutup.click())


def siti_mengajukan() -> SKP:
    siti = login(SITI)
    skp = skp_service.buat_skp(siti, TAHUN)
    skp_service.simpan_isi(siti, skp.id, ISI_VERIFIKASI)
    return skp_service.ajukan(siti, skp.id)


def lepas(window, urls: list[QUrl]) -> tuple[QDragEnterEvent, QDropEvent]:
    """What dragging files from the file manager onto the window delivers."""
    mime = QMimeData()
    mime.setUrls(urls)
    action = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(window.rect().center(), action, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    drop = QDropEvent(QPointF(window.rect().center()), action, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    if enter.isAccepted():
        window.dropEvent(drop)
    return enter, drop


def test_kirim_on_the_pegawai_laptop_then_import_by_menu_and_by_drop(
        qtbot, kantor_paket, tmp_path, monkeypatch):
    _office, lap = kantor_paket
    lap["pegawai"].pakai()
    skp = siti_mengajukan()
    nip = nip_of(SITI)
    window = jendela(qtbot, login(SITI))
    editor = window.tab("skp_saya").editor
    assert editor.skp_id == skp.id

    # No exchange folder: a save dialog asks, pre-filled with a name saying whose SKP it is.
    asked: list[str] = []
    chosen = tmp_path / "flashdisk" / "untuk_bu_dewi"
    chosen.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _p, _t, path, filt: (asked.append(path), (str(chosen), filt))[1])
    click(qtbot, editor.tombol_kirim)
    assert Path(asked[0]).name.startswith(f"skp_{nip}_{TAHUN}_")
    assert asked[0].endswith(".skpx")
    sent = chosen.with_name("untuk_bu_dewi.skpx")  # the extension is added
    assert sent.is_file()
    assert not editor.pesan.adalah_galat() and str(sent) in editor.pesan.text()
    window.close()

    # The penilai's laptop: nothing waits on her until the package is imported.
    lap["penilai"].pakai()
    window_b = jendela(qtbot, login(DEWI))
    assert "Bawahan" in judul_tab(window_b)
    monkeypatch.setattr(window_b, "pilih_paket", lambda: [sent])
    shown = tutup_dialog(monkeypatch)
    window_b.aksi_impor.trigger()
    lines = shown[0].teks_daftar()
    assert lines[0].startswith("untuk_bu_dewi.skpx — dari Siti Rahayu")
    assert f"Diperbarui: SKP {TAHUN} Siti Rahayu" in " ".join(lines)
    assert SKP.get_by_id(skp.id).status == "DIAJUKAN"
    assert "Bawahan (1)" in judul_tab(window_b)
    review = window_b.tab("bawahan").editor
    assert review.skp_id == skp.id
    assert set(review.tombol_aksi) == {"setujui", "kembalikan"}
    window_b.close()

    # The atasan's laptop takes the same package dropped on the window; a dropped file that
    # is not a package is not taken.
    atasan_nip = SKP.get_by_id(skp.id).atasan_penilai.nip
    lap["atasan"].pakai()
    window_c = jendela(qtbot, login_nip(atasan_nip))
    assert not any(t.startswith("Atasan Penilai") for t in judul_tab(window_c))
    other = tmp_path / "catatan.txt"
    other.write_text("bukan paket")
    enter, _drop = lepas(window_c, [QUrl.fromLocalFile(str(other))])
    assert not enter.isAccepted()
    shown = tutup_dialog(monkeypatch)
    enter, drop = lepas(window_c, [QUrl.fromLocalFile(str(sent))])
    assert enter.isAccepted() and drop.isAccepted()
    qtbot.waitUntil(lambda: bool(shown))
    assert f"Diperbarui: SKP {TAHUN} Siti Rahayu" in " ".join(shown[0].teks_daftar())
    assert SKP.get_by_id(skp.id).status == "DIAJUKAN"
    # His tab as atasan penilai appears now that an SKP names him.
    assert any(t.startswith("Atasan Penilai") for t in judul_tab(window_c))

    # The same package again: already here, nothing changes.
    shown = tutup_dialog(monkeypatch)
    window_c.impor_berkas([sent])
    assert "Semua data di paket ini sudah ada di laptop ini." in shown[0].teks_daftar()


def test_the_exchange_folder_takes_kirim_and_brings_packages_in(
        qtbot, kantor_paket, tmp_path, monkeypatch):
    _office, lap = kantor_paket
    folder = tmp_path / "bersama"
    folder.mkdir()
    pertukaran.simpan_folder_pertukaran(folder)
    lap["pegawai"].pakai()
    skp = siti_mengajukan()
    window = jendela(qtbot, login(SITI))
    editor = window.tab("skp_saya").editor
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a: pytest.fail("the exchange folder needs no dialog"))
    click(qtbot, editor.tombol_kirim)
    written = list(folder.glob("*.skpx"))
    assert len(written) == 1 and written[0].name.startswith("skp_")
    assert "folder pertukaran" in editor.pesan.text() and str(written[0]) in editor.pesan.text()
    window.close()

    # The penilai's laptop looks at the folder on start: a notice, the list when asked.
    lap["penilai"].pakai()
    window_b = jendela(qtbot, login(DEWI))
    qtbot.waitUntil(lambda: window_b.kabar_masuk.isVisible())
    assert "1 paket baru" in window_b.kabar_masuk.teks.text()
    assert SKP.get_by_id(skp.id).status == "DIAJUKAN"
    assert "Bawahan (1)" in judul_tab(window_b)
    shown = tutup_dialog(monkeypatch)
    click(qtbot, window_b.kabar_masuk.tombol)
    assert any("Diperbarui: SKP" in line for line in shown[0].teks_daftar())
    # Each package once: the next look finds nothing new.
    assert window_b.ambil_otomatis() == []
    shown = tutup_dialog(monkeypatch)
    window_b.aksi_ambil.trigger()
    assert "Tidak ada paket baru." in shown[0].ringkasan.text()

    # A flash disk that is not plugged in: Kirim says so and writes nothing.
    pertukaran.simpan_folder_pertukaran(tmp_path / "E_tidak_ada")
    window_b.tabs.setCurrentWidget(window_b.tab("bawahan"))
    editor_b = window_b.tab("bawahan").editor
    click(qtbot, editor_b.tombol_kirim)
    assert editor_b.pesan.adalah_galat() and "tidak ditemukan" in editor_b.pesan.text()


def _rusak(src: Path, tmp: Path) -> tuple[Path, Path]:
    truncated = tmp / "terpotong.skpx"
    truncated.write_bytes(src.read_bytes()[: src.stat().st_size // 2])
    edited = tmp / "diubah.skpx"
    buf = io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(buf, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("rekaman/SKP/"):
                body = json.loads(data)
                body["isi"]["rhk"][0]["uraian"] = "Diubah di dalam paket"
                data = json.dumps(body).encode()
            zout.writestr(info.filename, data)
    edited.write_bytes(buf.getvalue())
    return truncated, edited


def test_a_tampered_or_truncated_package_is_refused_and_changes_nothing(
        qtbot, kantor_paket, tmp_path, monkeypatch):
    _office, lap = kantor_paket
    lap["pegawai"].pakai()
    siti = login(SITI)
    skp = siti_mengajukan()
    good = tmp_path / "skp.skpx"
    paket.ekspor_dokumen(siti, good, paket.untuk_rekaman(Entitas.SKP, skp.id))
    truncated, edited = _rusak(good, tmp_path)

    lap["penilai"].pakai()
    window = jendela(qtbot, login(DEWI))
    before = dump(lap["penilai"].path)
    monkeypatch.setattr(window, "pilih_paket", lambda: [truncated, edited])
    shown = tutup_dialog(monkeypatch)
    window.aksi_impor.trigger()
    lines = shown[0].teks_daftar()
    assert lines[0] == "terpotong.skpx — ditolak"
    assert "rusak atau terpotong" in lines[1] and lines[1].endswith("Tidak ada yang diubah.")
    assert lines[2] == "diubah.skpx — ditolak"
    assert "berbeda dari manifest" in lines[3]
    assert "2 paket ditolak" in shown[0].ringkasan.text()
    assert dump(lap["penilai"].path) == before
    assert SKP.get_or_none(SKP.id == skp.id) is None

    # An altered record is not sent: Kirim shows the refusal like any other.
    window.close()
    lap["pegawai"].pakai()
    db.obj.execute_sql("UPDATE skp SET status = 'DISETUJUI'")
    window = jendela(qtbot, login(SITI))
    editor = window.tab("skp_saya").editor
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a: (str(tmp_path / "x.skpx"), ""))
    click(qtbot, editor.tombol_kirim)
    assert editor.pesan.adalah_galat() and "isi berbeda" in editor.pesan.text()
    assert not (tmp_path / "x.skpx").exists()


def test_the_wizard_sets_a_new_laptop_up_from_the_office_package(
        qtbot, kantor_paket, tmp_path, monkeypatch):
    office, _lap = kantor_paket
    baru = Laptop(tmp_path, "baru", monkeypatch).pakai()
    truncated = tmp_path / "kantor_terpotong.skpx"
    truncated.write_bytes(office.read_bytes()[:1000])
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.mulai
    # Clicked on its round mark (the radio is as wide as the page).
    qtbot.mouseClick(page.dari_paket, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, page.dari_paket.height() // 2))
    assert page.dari_paket.isChecked()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible() and finish.text() == "Siapkan dari Paket"
    assert not wizard.button(QWizard.WizardButton.NextButton).isVisible()
    assert not finish.isEnabled()  # a file first

    # A broken package: its reason on the page, the wizard where it was, the database empty.
    before = dump(baru.path)
    monkeypatch.setattr(page, "pilih_berkas", lambda: str(truncated))
    click(qtbot, page.tombol_berkas)
    click(qtbot, finish)
    assert wizard.currentPage() is page and wizard.result() != QWizard.DialogCode.Accepted
    assert page.galat.adalah_galat() and "rusak atau terpotong" in page.galat.text()
    assert dump(baru.path) == before and not kantor.sudah_disiapkan()

    monkeypatch.setattr(page, "pilih_berkas", lambda: str(office))
    click(qtbot, page.tombol_berkas)
    click(qtbot, finish)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.dari_paket is not None and kantor.instansi().nama == "Kecamatan Sukamaju"

    # Then the login: a person of the office with her password.
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.nama_kantor.text() == "Kecamatan Sukamaju"
    qtbot.keyClicks(dialog.login, nip_of(SITI))
    qtbot.keyClicks(dialog.sandi, demo.DEMO_SANDI)
    click(qtbot, dialog.tombol_masuk)
    assert dialog.aktor is not None and dialog.aktor.nama.startswith(SITI)
    assert dialog.aktor.kunci is not None  # she can sign and send from this laptop


@pytest.fixture
def konflik(kantor_paket, tmp_path, monkeypatch):
    """Siti edits her draft on her laptop while she submitted it from a second one; the
    second laptop's package arrives on the first: a conflict, nothing overwritten."""
    office, lap = kantor_paket
    p = lap["pegawai"].pakai()
    siti = login(SITI)
    skp = skp_service.buat_skp(siti, TAHUN)
    skp_service.simpan_isi(siti, skp.id, ISI_VERIFIKASI)
    base = tmp_path / "base.skpx"
    paket.ekspor_dokumen(siti, base, paket.untuk_rekaman(Entitas.SKP, skp.id))
    Laptop(tmp_path, "pegawai2", monkeypatch).pakai()
    paket.impor(office)
    paket.impor(base)
    siti2 = login(SITI)
    skp_service.ajukan(siti2, skp.id)
    theirs = tmp_path / "dari_laptop_kedua.skpx"
    paket.ekspor_dokumen(siti2, theirs, paket.untuk_rekaman(Entitas.SKP, skp.id))
    p.pakai()
    edited = IsiSKP(pendekatan="KUANTITATIF", rhk=[IsianRHK("UTAMA", "RHK baru", [
        IsianIKI("KUANTITAS", "Jumlah laporan", "12", "Laporan")])])
    skp_service.simpan_isi(login(SITI), skp.id, edited)
    return skp, theirs


def test_the_conflict_dialog_offers_the_choice_only_to_the_party_whose_turn_it_was(
        qtbot, konflik, monkeypatch):
    skp, theirs = konflik
    window = jendela(qtbot, login(SITI))
    assert not window.kabar_konflik.isVisible() and not window.aksi_konflik.isEnabled()

    # The import says it, and leads to the conflicts; the window keeps a notice.
    seen: list[tuple] = []

    def look(dialog: KonflikDialog) -> None:
        card = dialog.kartu[0]
        seen.append((card.tabel_lokal.teks(), card.tabel_masuk.teks(),
                     card.tombol_lokal.isVisible(), card.tombol_masuk.isVisible()))
        dialog.reject()

    ganti_exec(monkeypatch, KonflikDialog, look)
    shown = ganti_exec(monkeypatch, PaketMasukDialog, lambda d: click(qtbot, d.tombol_konflik))
    window.impor_berkas([theirs])
    assert f"Konflik: SKP {TAHUN} Siti Rahayu" in " ".join(shown[0].teks_daftar())
    assert SKP.get_by_id(skp.id).status == "DRAFT"  # nothing overwritten
    assert window.kabar_konflik.isVisible() and window.aksi_konflik.isEnabled()
    assert "1 data berbeda" in window.kabar_konflik.teks.text()
    lokal, masuk, keep_shown, take_shown = seen[0]
    # Both sides after the fork, in words; it was her turn (a draft): she has both choices.
    assert [r[2] for r in lokal] == ["Isi diubah"]
    assert [r[2] for r in masuk] == ["Ajukan ke Atasan"]
    assert lokal[0][1].startswith(SITI) and masuk[0][1].startswith(SITI)
    assert keep_shown and take_shown
    window.close()

    # The penilai, on the same laptop, sees who decides and no buttons.
    window_d = jendela(qtbot, login(DEWI))
    seen.clear()

    def look_only(dialog: KonflikDialog) -> None:
        card = dialog.kartu[0]
        seen.append((card.tombol_lokal.isVisible(), card.tombol_masuk.isVisible(),
                     card.penentu.text()))
        dialog.reject()

    ganti_exec(monkeypatch, KonflikDialog, look_only)
    click(qtbot, window_d.kabar_konflik.tombol)
    keep_shown, take_shown, who = seen[0]
    assert not keep_shown and not take_shown
    assert "Yang memutuskan: Siti Rahayu" in who
    window_d.close()

    # Siti takes the package's version: the SKP is submitted, the notice goes.
    window = jendela(qtbot, login(SITI))
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Yes))

    def choose(dialog: KonflikDialog) -> None:
        click(qtbot, dialog.kartu[0].tombol_masuk)
        assert dialog.kartu == [] and "diselesaikan" in dialog.pesan.text()
        dialog.reject()

    ganti_exec(monkeypatch, KonflikDialog, choose)
    window.aksi_konflik.trigger()
    assert SKP.get_by_id(skp.id).status == "DIAJUKAN"
    assert paket.daftar_konflik() == []
    assert not window.kabar_konflik.isVisible()
    assert window.tab("skp_saya").editor.status.text() == "Diajukan"


def test_the_folder_dialog_and_kirim_semua(qtbot, kantor_paket, tmp_path, monkeypatch):
    _office, lap = kantor_paket
    lap["pegawai"].pakai()
    window = jendela(qtbot, login(SITI))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda _p, _t, text: told.append(text)))
    # Nothing of hers waits on anyone yet.
    window.aksi_kirim_semua.trigger()
    assert told == ["Tidak ada data Anda yang sedang menunggu orang lain."]

    # The folder dialog: a folder that is not there is refused, an existing one kept.
    folder = tmp_path / "flashdisk"
    folder.mkdir()
    picked = [str(tmp_path / "hilang"), str(folder)]
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a: picked.pop(0))

    def choose(dialog) -> None:
        click(qtbot, dialog.tombol_pilih)
        click(qtbot, dialog.tombol_ok)
        assert dialog.pesan.adalah_galat() and "tidak ditemukan" in dialog.pesan.text()
        click(qtbot, dialog.tombol_pilih)
        click(qtbot, dialog.tombol_ok)

    ganti_exec(monkeypatch, FolderPertukaranDialog, choose)
    window.aksi_folder.trigger()
    assert pertukaran.folder_pertukaran() == folder

    # Her submitted SKP waits on the penilai: one package of it, into the folder.
    skp = siti_mengajukan()
    told.clear()
    window.aksi_kirim_semua.trigger()
    (written,) = folder.glob("*.skpx")
    assert told == [f"Paket ditulis ke folder pertukaran: {written}"]
    assert (Entitas.SKP, str(skp.id)) in [
        (Entitas(name.split("/")[1]), name.split("/")[2][:-5])
        for name in paket.baca(written).files if name.startswith("rekaman/")]

    # "Jangan pakai folder": Kirim asks again where.
    def no_folder(dialog) -> None:
        click(qtbot, dialog.tombol_kosongkan)
        click(qtbot, dialog.tombol_ok)

    ganti_exec(monkeypatch, FolderPertukaranDialog, no_folder)
    window.aksi_folder.trigger()
    assert pertukaran.folder_pertukaran() is None


def test_kirim_of_an_evaluation_and_of_a_quarter_s_pengukuran(qtbot, demo_db, tmp_path,
                                                             monkeypatch):
    folder = tmp_path / "bersama"
    folder.mkdir()
    pertukaran.simpan_folder_pertukaran(folder)

    # An evaluation of the demo's evaluated year, from its page inside the SKP editor.
    ev = Evaluasi.select().where(Evaluasi.periode == "TW1").first()
    nip = ev.skp.pegawai.nip
    window = jendela(qtbot, login_nip(nip))
    tab = window.tab("skp_saya")
    tab.pilih(ev.skp.id)
    page = tab.editor.evaluasi
    tab.editor.halaman.setCurrentWidget(page)
    page.tampilkan(ev.skp.id, "TW1")
    assert page.tombol_kirim.text() == "Kirim Evaluasi…"
    click(qtbot, page.tombol_kirim)
    (written,) = folder.glob("evaluasi_*.skpx")
    assert written.name.startswith(f"evaluasi_{nip}_{ev.tahun}_TW1_")
    kinds = {name.split("/")[1] for name in paket.baca(written).files
             if name.startswith("rekaman/")}
    assert {"SKP", "Evaluasi"} <= kinds
    window.close()

    # The perencana starts a quarter and sends it to the Camat, whose turn it is.
    window = jendela(qtbot, login("Fitri Handayani"))
    tab = window.tab("perencanaan")
    window.tabs.setCurrentWidget(tab)
    page = tab.pengukuran
    page.pilih(ps.daftar_pk()[0].id, 2)
    ganti_exec(monkeypatch, MulaiDialog, lambda d: click(qtbot, d.tombol_ok))
    click(qtbot, page.tombol_mulai)
    click(qtbot, page.tombol_kirim)
    (written,) = folder.glob("pengukuran_*.skpx")
    assert written.name.startswith(f"pengukuran_{ps.daftar_pk()[0].tahun}_TW2_")
    assert not page.pesan.adalah_galat() and str(written) in page.pesan.text()
