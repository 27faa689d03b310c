"""The main window: role tabs by role, the profile with the atasan chain, switching users."""

from __future__ import annotations

from PySide6.QtCore import Qt
from tests.helpers import login_nip
from tests.ui.conftest import CAMAT_NIP, LIA_NIP

from skpdesk.ui.app import create_main_window
from skpdesk.ui.kepegawaian.tab import KepegawaianTab
from skpdesk.ui.main_window import KUNCI_PROFIL
from skpdesk.ui.profil import ProfilPage


def _titles(window) -> list[str]:
    """Tab titles without the waiting count ("Bawahan (3)" → "Bawahan")."""
    return [window.tabs.tabText(i).split(" (")[0] for i in range(window.tabs.count())]


def test_admin_sees_kepegawaian_tab(qtbot, demo_admin):
    window = create_main_window(demo_admin, "/data/kantor.db")
    qtbot.addWidget(window)
    assert _titles(window) == ["Kepegawaian", "Arsip"]
    assert isinstance(window.tab("kepegawaian"), KepegawaianTab)
    assert window.nama.text() == "admin"
    assert "Pengadministrasi Kepegawaian" in window.keterangan.text()
    assert "Kecamatan Sukamaju" in window.keterangan.text()
    assert "/data/kantor.db" in window.info_db.text()


def test_plain_pegawai_sees_her_skp_and_profile_with_atasan_and_no_kepegawaian(
    qtbot, demo_admin
):
    lia = login_nip(LIA_NIP)
    window = create_main_window(lia, "x.db")
    qtbot.addWidget(window)

    # Nobody reports to Lia: no Bawahan tab.
    assert _titles(window) == ["SKP Saya", "Profil Saya"]
    assert window.tab("kepegawaian") is None
    profil = window.tab(KUNCI_PROFIL)
    assert isinstance(profil, ProfilPage)
    assert profil.judul.text() == "Lia Kurniawati, S.Kom."
    assert profil.nip.text() == "19940704 201903 2 011"
    assert profil.golongan.text() == "Penata Muda, III/a"
    assert profil.jabatan.text() == "Pranata Komputer Ahli Pertama"
    assert profil.unit.text() == "Kecamatan Sukamaju › Seksi Pemerintahan"
    assert profil.atasan.nama.text() == "Hendra Gunawan, S.IP."
    assert "Kepala Seksi Pemerintahan" in profil.atasan.detail.text()
    assert profil.atasan2.nama.text() == "Drs. Bambang Setiawan, M.Si."
    assert "pengelola kepegawaian" in profil.catatan.text()
    assert window.keterangan.text().startswith("Pranata Komputer Ahli Pertama")


def test_pegawai_with_kepegawaian_role_gets_both_tabs_profile_last(qtbot, demo_admin):
    nur = login_nip("199004102015032002")
    window = create_main_window(nur, "x.db")
    qtbot.addWidget(window)
    assert _titles(window) == ["SKP Saya", "Kepegawaian", "Arsip", "Profil Saya"]


def test_a_penilai_gets_bawahan_and_atasan_tabs_in_the_order_of_the_ui_guide(qtbot, demo_admin):
    camat = login_nip(CAMAT_NIP)
    window = create_main_window(camat, "x.db")
    qtbot.addWidget(window)
    assert _titles(window) == [
        "SKP Saya",
        "Bawahan",
        "Atasan Penilai",
        "Perencanaan",
        "Profil Saya",
    ]


def test_ganti_pengguna_asks_for_a_new_login_without_quitting(qtbot, demo_admin):
    window = create_main_window(demo_admin, "x.db")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ganti_pengguna_diminta), qtbot.assertNotEmitted(window.ditutup):
        qtbot.mouseClick(window.tombol_keluar, Qt.MouseButton.LeftButton)
    assert not window.isVisible()


def test_closing_the_window_ends_the_application(qtbot, demo_admin):
    window = create_main_window(demo_admin, "x.db")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ditutup):
        window.close()


def test_only_the_tab_in_front_is_built_and_the_others_when_opened(qtbot, demo_admin):
    from skpdesk.ui.bawahan.tab import BawahanTab
    from skpdesk.ui.main_window import TabTertunda

    camat = login_nip(CAMAT_NIP)
    window = create_main_window(camat, "x.db")
    qtbot.addWidget(window)
    pages = [window.tabs.widget(i) for i in range(window.tabs.count())]
    assert not isinstance(pages[0], TabTertunda)  # SKP Saya, in front
    assert isinstance(pages[1], TabTertunda) and isinstance(pages[2], TabTertunda)
    # The waiting count is in the title before the tab is built.
    waiting = BawahanTab.hitung_jumlah(camat)
    assert waiting > 0
    assert window.tabs.tabText(1) == f"Bawahan ({waiting})"
    window.tabs.setCurrentIndex(1)
    built = window.tabs.widget(1)
    assert isinstance(built, BawahanTab)
    assert window.tabs.currentIndex() == 1
    assert window.tabs.tabText(1) == f"Bawahan ({waiting})"
    assert window.tab("bawahan") is built
