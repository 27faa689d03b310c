"""The main window checks the signed history after login: a banner names data that differs from
it (the quick content check at once, the full check in the background); a clean office shows
none."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from tests.helpers import ubah_berkas
from tests.ui.conftest import LIA_NIP, ganti_exec

from skpdesk.services import akun as akun_service
from skpdesk.services import demo
from skpdesk.store import database
from skpdesk.ui.app import create_main_window
from skpdesk.ui.bersama.verifikasi import DaftarTemuanDialog

# These tests change the SQLite file with the sqlite3 tool, as someone holding the file would.
BERKAS_SQLITE = pytest.mark.sqlite_only("the SQLite file is changed with the sqlite3 tool")


NAMA_LIA = "Lia Kurniawati, S.Kom."


pytestmark = BERKAS_SQLITE


def evaluasi_tw1(path) -> tuple[str, int]:
    return ubah_berkas(path, "SELECT e.id, e.tahun FROM evaluasi e JOIN skp s ON e.skp_id = s.id"
                     " JOIN pegawai p ON s.pegawai_id = p.id WHERE p.nip = ? AND e.periode = 'TW1'"
                     " ORDER BY e.tahun DESC LIMIT 1", (LIA_NIP,))[0]


def jendela(qtbot, path, login: str = LIA_NIP):
    database.open_database(path)
    window = create_main_window(akun_service.masuk(login, demo.DEMO_SANDI), str(path))
    qtbot.addWidget(window)
    window.show()
    return window


def tunggu_pemeriksaan(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.pemeriksaan_selesai, timeout=20000)


def tunggu_cepat(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.pemeriksaan_cepat_selesai, timeout=20000)


def test_a_clean_office_shows_no_banner(qtbot, demo_copy):
    window = jendela(qtbot, demo_copy)
    tunggu_cepat(qtbot, window)
    assert not window.spanduk.isVisible()
    tunggu_pemeriksaan(qtbot, window)
    assert not window.spanduk.isVisible()
    assert window.spanduk.laporan.baris > 1000 and window.spanduk.laporan.temuan == []


def test_a_changed_predikat_is_named_in_the_banner_at_once(qtbot, demo_copy, monkeypatch, tmp_path):
    hex_id, tahun = evaluasi_tw1(demo_copy)
    ubah_berkas(demo_copy, "UPDATE evaluasi SET predikat = 'SANGAT_KURANG' WHERE id = ?", (hex_id,))
    window = jendela(qtbot, demo_copy)
    expected = (
        f"Peringatan: 1 data berbeda dari riwayat yang ditandatangani: Evaluasi TW1 Lia "
        f"Kurniawati, S.Kom. {tahun}. Data ini tidak dapat dicetak atau dikirim. Hubungi pengelola "
        "kepegawaian."
    )
    # The quick check's report already names it.
    tunggu_cepat(qtbot, window)
    assert [str(t) for t in window.laporan_cepat.temuan] == [
        f"Evaluasi TW1 {NAMA_LIA} {tahun}: isi berbeda dari riwayat yang ditandatangani."]
    assert window.spanduk.isVisible() and window.spanduk.teks.text() == expected
    assert window.spanduk.objectName() == "spanduk_galat"
    tunggu_pemeriksaan(qtbot, window)
    assert window.spanduk.teks.text() == expected

    def lihat(dialog: DaftarTemuanDialog) -> None:
        cells = [dialog.tabel.item(0, c).text() for c in range(3)]
        assert dialog.tabel.rowCount() == 1
        assert cells == ["Galat", f"Evaluasi TW1 {NAMA_LIA} {tahun}",
                         "isi berbeda dari riwayat yang ditandatangani."]
        dialog.reject()

    opened = ganti_exec(monkeypatch, DaftarTemuanDialog, lihat)
    qtbot.mouseClick(window.spanduk.tombol_rincian, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    window.grab().save(str(tmp_path / "spanduk.png"))
    assert (tmp_path / "spanduk.png").stat().st_size > 0


def test_the_personnel_office_is_told_to_restore_instead(qtbot, demo_copy):
    hex_id, _tahun = evaluasi_tw1(demo_copy)
    ubah_berkas(demo_copy, "UPDATE evaluasi SET predikat = 'SANGAT_KURANG' WHERE id = ?", (hex_id,))
    window = jendela(qtbot, demo_copy, demo.ADMIN_LOGIN)
    tunggu_cepat(qtbot, window)
    assert window.spanduk.teks.text().endswith(
        "Data ini tidak dapat dicetak atau dikirim. Periksa dengan 'skpdesk verifikasi' dan "
        "pulihkan dari cadangan.")
    tunggu_pemeriksaan(qtbot, window)


def test_an_edited_history_row_is_found_by_the_background_check(qtbot, demo_copy):
    hex_id, tahun = evaluasi_tw1(demo_copy)
    ev_id = ubah_berkas(demo_copy, "SELECT entitas_id FROM riwayat WHERE entitas = 'Evaluasi'"
                        " AND replace(entitas_id, '-', '') = ? ORDER BY nomor", (hex_id,))[0][0]
    ubah_berkas(demo_copy, "DROP TRIGGER riwayat_segel_update")
    ubah_berkas(demo_copy, "UPDATE riwayat SET catatan = 'diperbaiki' WHERE entitas_id = ?"
                " AND nomor = (SELECT MIN(nomor) FROM riwayat WHERE entitas_id = ?)",
                (ev_id, ev_id))
    window = jendela(qtbot, demo_copy)
    # Contents still match their last rows: the quick check has nothing to say.
    tunggu_cepat(qtbot, window)
    assert window.laporan_cepat.ok and window.laporan_cepat.temuan == []
    tunggu_pemeriksaan(qtbot, window)
    assert window.spanduk.isVisible()
    assert window.spanduk.teks.text().startswith(
        f"Peringatan: 1 data berbeda dari riwayat yang ditandatangani: Evaluasi TW1 Lia "
        f"Kurniawati, S.Kom. {tahun}.")
    [temuan] = window.spanduk.laporan.temuan
    assert temuan.pesan.startswith("riwayat diubah di luar aplikasi")


def test_closing_the_window_stops_the_background_check(qtbot, demo_copy):
    window = jendela(qtbot, demo_copy)
    qtbot.waitUntil(lambda: window._pemeriksa is not None, timeout=5000)
    worker = window._pemeriksa
    window.close()
    assert not worker.isRunning()
