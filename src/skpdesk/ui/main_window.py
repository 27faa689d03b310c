"""The main window: who is logged in, the role tabs, and which database is open."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain.kepegawaian import Peran
from skpdesk.i18n import _
from skpdesk.services import daftar, kantor, verifikasi
from skpdesk.services import dokumen as dokumen_service
from skpdesk.services import evaluasi as ev_service
from skpdesk.services import pengukuran as pengukuran_service
from skpdesk.services import skp as skp_service
from skpdesk.services.context import Aktor
from skpdesk.services.errors import LayananError
from skpdesk.ui.arsip.tab import ArsipTab
from skpdesk.ui.atasan_penilai.tab import AtasanTab
from skpdesk.ui.atasan_penilai.tab import tersedia as atasan_tersedia
from skpdesk.ui.bawahan.tab import BawahanTab
from skpdesk.ui.bersama import gaya, tata_letak
from skpdesk.ui.bersama.bus import EVALUASI, PEGAWAI, bus
from skpdesk.ui.bersama.bus import SKP as SKP_ENTITAS
from skpdesk.ui.bersama.verifikasi import (
    PemeriksaLatar,
    SpandukVerifikasi,
    mulai_pemeriksaan_latar,
)
from skpdesk.ui.kepegawaian.tab import KepegawaianTab
from skpdesk.ui.login import GantiSandiDialog
from skpdesk.ui.perencanaan.tab import PENGUKURAN as PENGUKURAN_ENTITAS
from skpdesk.ui.perencanaan.tab import PerencanaanTab
from skpdesk.ui.profil import ProfilPage
from skpdesk.ui.skp_saya.tab import SkpSayaTab

KUNCI_GEOMETRI = "jendela_utama/geometri"
LEBAR_AWAL = 1280
TINGGI_AWAL = 800
LEBAR_MIN = 960
TINGGI_MIN = 600
SKALA_NAMA = 1.25


@dataclass(frozen=True)
class TabPeran:
    """A role tab: shown when ``tersedia`` says the person holds the role and has work in it.

    ``jumlah`` counts what waits on the person, for the title, without building the tab: only
    the tab in front is built at start-up, the others when first opened.
    """

    kunci: str
    judul: Callable[[], str]
    tersedia: Callable[[Aktor], bool]
    buat: Callable[[Aktor], QWidget]
    jumlah: Callable[[Aktor], int] | None = None


class _TabDibangun(dict):
    """Built role tabs by key; asking for one not built yet builds it."""

    def __init__(self, bangun: Callable[[str], QWidget]) -> None:
        super().__init__()
        self._bangun = bangun

    def __missing__(self, kunci: str) -> QWidget:
        return self._bangun(kunci)


class TabTertunda(QWidget):
    """The place of a role tab that has not been built yet."""

    def __init__(self, spec: TabPeran, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec


def punya_arsip(aktor: Aktor) -> bool:
    """The personnel office keeps the archive; others see it once it holds their papers."""
    return aktor.punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN) or bool(
        dokumen_service.daftar_dokumen(aktor)
    )


# Tab order: SKP Saya · Bawahan · Atasan Penilai · Perencanaan · Kepegawaian · Arsip.
TAB_PERAN: tuple[TabPeran, ...] = (
    TabPeran(
        "skp_saya",
        lambda: _("SKP Saya"),
        lambda aktor: aktor.pegawai_id is not None,
        SkpSayaTab,
        SkpSayaTab.hitung_jumlah,
    ),
    TabPeran(
        "bawahan",
        lambda: _("Bawahan"),
        skp_service.punya_bawahan,
        BawahanTab,
        BawahanTab.hitung_jumlah,
    ),
    TabPeran(
        "atasan",
        lambda: _("Atasan Penilai"),
        atasan_tersedia,
        AtasanTab,
        lambda aktor: len(ev_service.menunggu_atasan(aktor)),
    ),
    TabPeran(
        "perencanaan",
        lambda: _("Perencanaan"),
        PerencanaanTab.tersedia,
        PerencanaanTab,
        pengukuran_service.jumlah_menunggu,
    ),
    TabPeran(
        "kepegawaian",
        lambda: _("Kepegawaian"),
        lambda aktor: aktor.punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN),
        KepegawaianTab,
    ),
    TabPeran("arsip", lambda: _("Arsip"), punya_arsip, ArsipTab),
)
KUNCI_PROFIL = "profil"


class MainWindow(QMainWindow):
    """Signals:
    ganti_pengguna_diminta(): the person asked to log out and let someone else in.
    ditutup(): the person closed the window (the application ends).
    pemeriksaan_berakhir(): the background check of the signed history is done.
    """

    ganti_pengguna_diminta = Signal()
    ditutup = Signal()
    pemeriksaan_berakhir = Signal()

    def __init__(self, aktor: Aktor, database_description: str) -> None:
        super().__init__()
        self.aktor = aktor
        self._ganti_pengguna = False
        self.pemeriksaan_cepat_selesai = False
        self.pemeriksaan_selesai = False
        self.laporan_cepat: verifikasi.Laporan | None = None
        self.setWindowTitle(_("skpdesk — Sasaran Kinerja Pegawai"))
        self.setMinimumSize(LEBAR_MIN, TINGGI_MIN)

        self.nama = QLabel()
        gaya.huruf_besar(self.nama, SKALA_NAMA)
        self.keterangan = QLabel()
        self.keterangan.setProperty("peran", "info")
        self.tombol_sandi = QPushButton(_("Ganti kata sandi"))
        self.tombol_keluar = QPushButton(_("Ganti pengguna"))
        self.tombol_tentang = QPushButton(_("Tentang"))
        self.tombol_tentang.setToolTip(_("Versi, lisensi, folder data, bahasa (F1)"))
        kepala = QFrame()
        kepala.setObjectName("kepala")
        siapa = QVBoxLayout()
        siapa.setSpacing(2)
        siapa.addWidget(self.nama)
        siapa.addWidget(self.keterangan)
        kepala_layout = QHBoxLayout(kepala)
        kepala_layout.setContentsMargins(16, 10, 16, 10)
        kepala_layout.addLayout(siapa, 1)
        kepala_layout.addWidget(self.tombol_tentang)
        kepala_layout.addWidget(self.tombol_sandi)
        kepala_layout.addWidget(self.tombol_keluar)

        self.tabs = QTabWidget()
        self._tertunda: dict[str, TabTertunda] = {}
        self.tab_per_kunci: dict[str, QWidget] = _TabDibangun(self._bangun_bila_tertunda)
        for spec in TAB_PERAN:
            if spec.tersedia(aktor):
                self._tambah_tab_tertunda(spec)
        # Everyone with a pegawai record sees her profile, last; with no role tab it is the page.
        if aktor.pegawai_id is not None or not self._tertunda:
            self._tambah_tab(KUNCI_PROFIL, ProfilPage(aktor), _("Profil Saya"))

        pusat = QWidget()
        pusat_layout = QVBoxLayout(pusat)
        pusat_layout.setContentsMargins(0, 0, 0, 0)
        pusat_layout.setSpacing(0)
        pusat_layout.addWidget(kepala)
        self.spanduk = SpandukVerifikasi(aktor.punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN))
        pusat_layout.addWidget(self.spanduk)
        body = QVBoxLayout()
        body.setContentsMargins(8, 8, 8, 4)
        body.addWidget(self.tabs)
        pusat_layout.addLayout(body, 1)
        self.setCentralWidget(pusat)

        self.info_db = QLabel(_("Basis data: {db}").format(db=database_description))
        self.info_db.setToolTip(database_description)
        self.statusBar().addWidget(self.info_db, 1)
        # A quiet note of what is late against the SOP's standard times.
        self.info_terlambat = QLabel()
        self.statusBar().addPermanentWidget(self.info_terlambat)
        self.statusBar().setSizeGripEnabled(True)

        self._isi_kepala()
        self._isi_terlambat()
        self._pemeriksa: PemeriksaLatar | None = None
        self._berhenti = False
        self._periksa_riwayat()
        self._pulihkan_geometri()
        self._pulihkan_tata_letak()

        self.tombol_sandi.clicked.connect(self._on_tombol_sandi_clicked)
        self.tombol_keluar.clicked.connect(self._on_tombol_keluar_clicked)
        self.tombol_tentang.clicked.connect(self.tampilkan_tentang)
        # F1 on every platform (the platform's HelpContents may be unbound, e.g. offscreen).
        QShortcut(QKeySequence(Qt.Key.Key_F1), self, self.tampilkan_tentang)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self._on_pintas_muat_ulang)
        QShortcut(QKeySequence("Ctrl+F"), self, self._on_pintas_cari)
        bus().data_changed.connect(self._on_bus_data_changed)

    def _tambah_tab_tertunda(self, spec: TabPeran) -> None:
        place = TabTertunda(spec)
        self._tertunda[spec.kunci] = place
        self.tabs.addTab(place, spec.judul())
        if spec.jumlah is not None:
            self._judul_tab(place, spec.judul(), spec.jumlah(self.aktor))

    def _bangun(self, kunci: str) -> QWidget:
        """Build a role tab in its place, keeping its position and whether it is in front."""
        place = self._tertunda.pop(kunci)
        index = self.tabs.indexOf(place)
        in_front = self.tabs.currentIndex() == index
        widget = place.spec.buat(self.aktor)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, place.spec.judul())
        if in_front:
            self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)
        place.deleteLater()
        self._sambungkan(kunci, widget, place.spec.judul())
        tata_letak.ingat_splitter(self.aktor, kunci, widget)
        return widget

    def _tambah_tab(self, kunci: str, widget: QWidget, judul: str) -> None:
        self.tabs.addTab(widget, judul)
        self._sambungkan(kunci, widget, judul)

    def _sambungkan(self, kunci: str, widget: QWidget, judul: str) -> None:
        self.tab_per_kunci[kunci] = widget
        # After a restore every open view holds records of the old data: log in again.
        dipulihkan = getattr(widget, "basis_data_dipulihkan", None)
        if dipulihkan is not None:
            dipulihkan.connect(self._on_tombol_keluar_clicked)
        # A tab with work waiting carries the count in its title: "Bawahan (3)".
        signal = getattr(widget, "jumlah_berubah", None)
        if signal is not None:
            signal.connect(lambda n, w=widget, j=judul: self._judul_tab(w, j, n))
            self._judul_tab(widget, judul, getattr(widget, "jumlah", 0))

    def _judul_tab(self, widget: QWidget, judul: str, jumlah: int) -> None:
        index = self.tabs.indexOf(widget)
        if index >= 0:
            self.tabs.setTabText(index, f"{judul} ({jumlah})" if jumlah else judul)

    def tab(self, kunci: str) -> QWidget | None:
        """The tab's widget, built now if it was not yet."""
        if kunci in self._tertunda:
            return self._bangun(kunci)
        return self.tab_per_kunci.get(kunci)

    def _bangun_bila_tertunda(self, kunci: str) -> QWidget:
        if kunci not in self._tertunda:
            raise KeyError(kunci)
        return self._bangun(kunci)

    def _bangun_yang_di_depan(self) -> None:
        page = self.tabs.currentWidget()
        if isinstance(page, TabTertunda):
            self._bangun(page.spec.kunci)

    def _isi_kepala(self) -> None:
        self.nama.setText(self.aktor.nama)
        try:
            office = kantor.instansi().nama
        except LayananError:
            office = ""
        jabatan = daftar.jabatan_pegawai(self.aktor.pegawai_id)
        if not self.aktor.pegawai_id:
            # An account without a pegawai record (the first administrator) is known by its roles.
            jabatan = ", ".join(sorted(p.label for p in self.aktor.peran))
        self.keterangan.setText(" · ".join(p for p in (jabatan, office) if p))

    def _pulihkan_geometri(self) -> None:
        saved = QSettings().value(KUNCI_GEOMETRI)
        if isinstance(saved, QByteArray) and self.restoreGeometry(saved):
            return
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(LEBAR_AWAL, TINGGI_AWAL)
            return
        area = screen.availableGeometry()
        self.resize(min(LEBAR_AWAL, area.width()), min(TINGGI_AWAL, area.height()))
        frame = self.frameGeometry()
        frame.moveCenter(area.center())
        self.move(frame.topLeft())

    def simpan_geometri(self) -> None:
        QSettings().setValue(KUNCI_GEOMETRI, self.saveGeometry())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.simpan_geometri()
        self.hentikan_pemeriksaan()
        super().closeEvent(event)
        if not self._ganti_pengguna:
            self.ditutup.emit()

    def _pulihkan_tata_letak(self) -> None:
        """The tab and the splitter positions this person left last time (per login)."""
        for kunci, widget in self.tab_per_kunci.items():
            tata_letak.ingat_splitter(self.aktor, kunci, widget)
        kunci_terakhir = tata_letak.tab_terakhir(self.aktor) or ""
        terakhir = self._tertunda.get(kunci_terakhir) or self.tab_per_kunci.get(kunci_terakhir)
        if terakhir is not None:
            self.tabs.setCurrentWidget(terakhir)
        self._bangun_yang_di_depan()
        self.tabs.currentChanged.connect(self._on_tabs_currentChanged)

    def _on_tabs_currentChanged(self, index: int) -> None:
        page = self.tabs.widget(index)
        if isinstance(page, TabTertunda):
            kunci = page.spec.kunci
            self._bangun(kunci)
            tata_letak.simpan_tab(self.aktor, kunci)
            return
        for kunci, widget in self.tab_per_kunci.items():
            if widget is page:
                tata_letak.simpan_tab(self.aktor, kunci)

    def _on_pintas_muat_ulang(self) -> None:
        if self.tabs.currentWidget() is not None:
            tata_letak.muat_ulang(self.tabs.currentWidget())

    def _on_pintas_cari(self) -> None:
        if self.tabs.currentWidget() is not None:
            tata_letak.fokus_cari(self.tabs.currentWidget())

    def tampilkan_tentang(self) -> None:
        from skpdesk.ui.tentang import TentangDialog  # rarely opened: not on the start-up path

        TentangDialog(self.info_db.toolTip(), parent=self).exec()

    def _on_tombol_sandi_clicked(self) -> None:
        GantiSandiDialog(self.aktor, parent=self).exec()

    def _on_tombol_keluar_clicked(self) -> None:
        self._ganti_pengguna = True
        self.close()
        self.ganti_pengguna_diminta.emit()

    # --- the signed history ---------------------------------------------------------------------

    def _periksa_riwayat(self) -> None:
        """Once the window is up, in the background: every record's content against its signed
        history (quick: the banner within moments), then rows, chains and signatures. Nothing
        waits on them here: a large office's check takes seconds."""
        QTimer.singleShot(0, self._mulai_pemeriksaan)

    def _mulai_pemeriksaan(self) -> None:
        if self._pemeriksa is not None or self._berhenti:
            return
        self._pemeriksa = mulai_pemeriksaan_latar(self._on_pemeriksa_cepat,
                                                  self._on_pemeriksa_selesai)

    def _on_pemeriksa_cepat(self, laporan: verifikasi.Laporan) -> None:
        self.laporan_cepat = laporan
        self.pemeriksaan_cepat_selesai = True
        if not self.pemeriksaan_selesai:
            self.spanduk.tampilkan(laporan)

    def _on_pemeriksa_selesai(self, laporan: verifikasi.Laporan | None) -> None:
        self._pemeriksa = None
        self.pemeriksaan_selesai = True
        if laporan is not None:
            self.spanduk.tampilkan(laporan)
        self.pemeriksaan_berakhir.emit()

    def hentikan_pemeriksaan(self) -> None:
        """Stop the background check and wait for it: the database may be closed next."""
        self._berhenti = True
        worker, self._pemeriksa = self._pemeriksa, None
        if worker is not None and worker.isRunning():
            worker.hentikan()

    def _isi_terlambat(self) -> None:
        # Everything whose next move is this person's, in every chain, past its SOP time.
        late = (
            skp_service.jumlah_lewat_baku(self.aktor)
            + ev_service.jumlah_lewat_baku(self.aktor)
            + pengukuran_service.jumlah_lewat_baku(self.aktor)
        )
        self.info_terlambat.setText(
            _("{n} pekerjaan menunggu Anda melewati waktu baku SOP").format(n=late)
            if late
            else ""
        )

    def _on_bus_data_changed(self, entitas: str) -> None:
        if entitas == PEGAWAI:
            self._isi_kepala()
        if entitas in (PEGAWAI, SKP_ENTITAS, EVALUASI, PENGUKURAN_ENTITAS):
            self._isi_terlambat()
