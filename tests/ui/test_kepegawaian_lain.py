"""Accounts and office settings pages: every change goes through the services, errors inline."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog
from tests.ui.conftest import LIA_NIP, ganti_exec

from skpdesk.services import akun as akun_service
from skpdesk.services import kantor
from skpdesk.services.errors import LoginGagal
from skpdesk.store.models import Akun, Riwayat
from skpdesk.ui.bersama.widgets import cari_data
from skpdesk.ui.kepegawaian.akun_page import AkunPage, AturSandiDialog, BuatAkunDialog
from skpdesk.ui.kepegawaian.pengaturan_page import PengaturanPage
from skpdesk.ui.kepegawaian.tab import KepegawaianTab

CLICK = Qt.MouseButton.LeftButton


def _png() -> bytes:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("darkgreen"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def test_kepegawaian_tab_has_its_four_pages(qtbot, kantor_siap):
    tab = KepegawaianTab(kantor_siap)
    qtbot.addWidget(tab)
    titles = [tab.halaman.tabText(i) for i in range(tab.halaman.count())]
    assert titles == ["Pegawai", "Akun", "Pengaturan Kantor", "Cadangan"]


def test_reset_password_then_unlock_a_locked_account(
    qtbot, demo_admin, monkeypatch: pytest.MonkeyPatch
):
    lia_akun = Akun.get(Akun.login == LIA_NIP)
    for _attempt in range(akun_service.MAX_GAGAL):
        with pytest.raises(LoginGagal):
            akun_service.masuk(LIA_NIP, "salah-sandi1")
    page = AkunPage(demo_admin)
    qtbot.addWidget(page)
    page.show()
    page.pilih(lia_akun.id)
    assert page.tombol_kunci.isEnabled()
    row = page.model.row_of(lia_akun.id)
    assert page.model.index(row, 4).data() == "Terkunci"
    assert page.model.index(row, 3).data()  # the local time it opens again

    qtbot.mouseClick(page.tombol_kunci, CLICK)
    assert "dibuka" in page.pesan.text()
    assert Akun.get_by_id(lia_akun.id).terkunci_sampai is None
    assert page.akun_terpilih() is not None and page.akun_terpilih().id == lia_akun.id

    def drive(dialog: AturSandiDialog) -> None:
        qtbot.keyClicks(dialog.sandi, "sementara1")
        qtbot.keyClicks(dialog.ulangi, "sementara1")
        qtbot.mouseClick(dialog.tombol_simpan, CLICK)

    ganti_exec(monkeypatch, AturSandiDialog, drive)
    qtbot.mouseClick(page.tombol_sandi, CLICK)
    assert Akun.get_by_id(lia_akun.id).harus_ganti_sandi
    assert akun_service.masuk(LIA_NIP, "sementara1").login == LIA_NIP


def test_create_account_defaults_login_to_the_nip(qtbot, kantor_siap):
    from skpdesk.services.pegawai import DataPegawai, tambah_pegawai

    budi = tambah_pegawai(
        kantor_siap,
        DataPegawai(nip="198503152010011003", nama="Budi Santoso", golongan="III/a"),
    )
    dialog = BuatAkunDialog(kantor_siap)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.pegawai.setCurrentIndex(cari_data(dialog.pegawai, budi.id))
    assert dialog.login.text() == "198503152010011003"
    qtbot.keyClicks(dialog.sandi, "awal1234")
    qtbot.keyClicks(dialog.ulangi, "awal1234")
    qtbot.mouseClick(dialog.tombol_simpan, CLICK)
    assert dialog.result() == QDialog.DialogCode.Accepted
    akun = Akun.get(Akun.pegawai == budi.id)
    assert akun.login == "198503152010011003" and akun.harus_ganti_sandi


def test_settings_saved_with_logo_and_errors_inline(qtbot, kantor_siap, tmp_path):
    page = PengaturanPage(kantor_siap)
    qtbot.addWidget(page)
    page.show()
    for field in page.kop:
        field.clear()
    qtbot.mouseClick(page.tombol_simpan, CLICK)
    assert page.galat.label("kop_surat").isVisible()
    assert "minimal satu baris" in page.galat.label("kop_surat").text()

    qtbot.keyClicks(page.kop[0], "PEMERINTAH KABUPATEN CONTOH")
    qtbot.keyClicks(page.kop[1], "KECAMATAN CONTOH")
    logo = tmp_path / "logo.png"
    png = _png()
    logo.write_bytes(png)
    page.pilih_logo(logo)
    assert not page.logo.pixmap().isNull()
    page.kertas.setCurrentIndex(cari_data(page.kertas, "F4"))
    qtbot.mouseClick(page.tombol_simpan, CLICK)

    setting = kantor.pengaturan()
    assert setting.kop_surat == ["PEMERINTAH KABUPATEN CONTOH", "KECAMATAN CONTOH"]
    assert setting.ukuran_kertas == "F4"
    assert bytes(setting.logo) == png and setting.logo_nama == "logo.png"
    assert (
        Riwayat.select()
        .where((Riwayat.entitas == "Pengaturan") & (Riwayat.aksi == "ubah"))
        .exists()
    )
    assert page.pesan.text() == "Pengaturan disimpan."

    qtbot.mouseClick(page.tombol_hapus_logo, CLICK)
    qtbot.mouseClick(page.tombol_simpan, CLICK)
    assert kantor.pengaturan().logo is None
