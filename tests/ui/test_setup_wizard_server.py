"""The first-run choice "Basis data kantor di server": the settings are tested against a real
PostgreSQL before anything is saved; an empty server is set up from the wizard."""

from __future__ import annotations

import socket
import stat

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from tests import pg
from tests.helpers import terbuka

from skpdesk.domain.kepegawaian import Peran
from skpdesk.services import akun as akun_service
from skpdesk.services import kantor, server
from skpdesk.store import database
from skpdesk.ui.setup_wizard import SetupWizard

CLICK = Qt.MouseButton.LeftButton
SANDI = "kunci2024"


def _nama_db(url: str) -> str:
    return url.rsplit("/", 1)[1]


@pytest.fixture
def wizard(qtbot):
    w = SetupWizard()
    qtbot.addWidget(w)
    w.show()
    return w


def _ke_halaman_server(qtbot, w: SetupWizard) -> None:
    w.mulai.di_server.setChecked(True)
    qtbot.mouseClick(w.button(QWizard.WizardButton.NextButton), CLICK)
    assert w.currentPage() is w.server


def _isi(qtbot, w: SetupWizard, port: int, nama_db: str, sandi: str,
         pengguna: str = pg.PERAN_SANDI) -> None:
    page = w.server
    page.host.clear()
    qtbot.keyClicks(page.host, "127.0.0.1")
    page.port.setValue(port)
    page.nama_db.clear()
    qtbot.keyClicks(page.nama_db, nama_db)
    page.pengguna.clear()
    qtbot.keyClicks(page.pengguna, pengguna)
    page.sandi.clear()
    qtbot.keyClicks(page.sandi, sandi)


def _lanjut(qtbot, w: SetupWizard) -> None:
    button = (w.button(QWizard.WizardButton.FinishButton)
              if w.button(QWizard.WizardButton.FinishButton).isVisible()
              else w.button(QWizard.WizardButton.NextButton))
    qtbot.mouseClick(button, CLICK)


def _beri_akses(cluster: pg.Cluster, url: str) -> None:
    cluster.sql(f"ALTER DATABASE {_nama_db(url)} OWNER TO {pg.PERAN_SANDI}")


def test_a_wrong_password_is_said_in_indonesian_and_nothing_is_saved(
        qtbot, wizard, pg_server, server_kosong, _isolated_data_dir):
    _ke_halaman_server(qtbot, wizard)
    assert wizard.server.port.value() == 5432
    assert wizard.server.sslmode.currentText() == "prefer"
    _isi(qtbot, wizard, pg_server.port, _nama_db(server_kosong), "salah")
    _lanjut(qtbot, wizard)
    assert wizard.currentPage() is wizard.server
    assert wizard.server.status.isVisible()
    assert "kata sandi basis data salah" in wizard.server.status.text()
    assert "salah" not in wizard.server.status.text().split("'")[1]  # the user, not the password
    assert database.url_server_tersimpan() is None
    assert not (_isolated_data_dir / database.SERVER_FILENAME).exists()
    assert database.resolve_target().endswith(database.DB_FILENAME)


def test_unreachable_server_and_missing_database_are_told_apart(
        qtbot, wizard, pg_server, server_kosong):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    _ke_halaman_server(qtbot, wizard)
    _isi(qtbot, wizard, closed, "skpdesk", pg.SANDI_PERAN)
    qtbot.mouseClick(wizard.server.tombol_uji, CLICK)
    assert "tidak dapat dihubungi" in wizard.server.status.text()
    _isi(qtbot, wizard, pg_server.port, "tidak_ada", pg.SANDI_PERAN)
    qtbot.mouseClick(wizard.server.tombol_uji, CLICK)
    assert "'tidak_ada' tidak ada di server" in wizard.server.status.text()
    assert database.url_server_tersimpan() is None


def test_a_server_with_its_office_is_saved_and_the_next_start_opens_it(
        qtbot, wizard, pg_server, server_kosong, _isolated_data_dir):
    server.siapkan(server_kosong, kantor.DataKantor(
        nama_instansi="Kecamatan Server", pemerintah_daerah="", alamat="", tempat="Server",
        admin_login="admin", admin_sandi=SANDI))
    pg.hak_aplikasi(pg_server, _nama_db(server_kosong), pg.PERAN_SANDI)
    _ke_halaman_server(qtbot, wizard)
    _isi(qtbot, wizard, pg_server.port, _nama_db(server_kosong), pg.SANDI_PERAN)
    wizard.server.sslmode.setCurrentText("disable")

    _lanjut(qtbot, wizard)  # tests first, and says what the server holds
    assert "Kecamatan Server" in wizard.server.status.text()
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "Sambungkan"
    _lanjut(qtbot, wizard)

    assert wizard.result() == QWizard.DialogCode.Accepted
    url = database.resolve_target()
    assert url == wizard.server.url()
    assert url.startswith(f"postgresql://{pg.PERAN_SANDI}:") and "sslmode=disable" in url
    saved = _isolated_data_dir / database.SERVER_FILENAME
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert pg.SANDI_PERAN not in database.describe(wizard.basis_data)
    with terbuka(database.resolve_target()):
        assert kantor.instansi().nama == "Kecamatan Server"
        assert akun_service.masuk("admin", SANDI).punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN)


def test_an_empty_server_is_set_up_from_the_wizard(
        qtbot, wizard, pg_server, server_kosong):
    _beri_akses(pg_server, server_kosong)
    _ke_halaman_server(qtbot, wizard)
    _isi(qtbot, wizard, pg_server.port, _nama_db(server_kosong), pg.SANDI_PERAN)
    _lanjut(qtbot, wizard)
    assert "belum disiapkan" in wizard.server.status.text()
    assert "skpdesk server siapkan" in wizard.server.status.text()
    _lanjut(qtbot, wizard)
    assert wizard.currentPage() is wizard.instansi
    qtbot.keyClicks(wizard.instansi.nama, "Kecamatan Jaringan")
    qtbot.keyClicks(wizard.instansi.tempat, "Jaringan")
    _lanjut(qtbot, wizard)
    _lanjut(qtbot, wizard)
    assert wizard.currentPage() is wizard.admin
    qtbot.keyClicks(wizard.admin.sandi, SANDI)
    qtbot.keyClicks(wizard.admin.ulangi, SANDI)
    assert database.url_server_tersimpan() is None  # not before the office exists
    _lanjut(qtbot, wizard)

    assert wizard.result() == QWizard.DialogCode.Accepted
    assert database.resolve_target() == wizard.server.url()
    assert kantor.instansi().nama == "Kecamatan Jaringan"  # bound to the server now
    with terbuka(database.resolve_target()) as opened:
        assert opened.database == _nama_db(server_kosong)
        assert akun_service.masuk("admin", SANDI).punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN)
