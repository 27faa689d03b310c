"""The main window: who is logged in, the role tabs, and which database is open."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain.entitas import Entitas
from skpdesk.domain.kepegawaian import Peran
from skpdesk.i18n import _
from skpdesk.services import daftar, kantor, paket, verifikasi
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
from skpdesk.ui.bersama import gaya, pertukaran, tata_letak
from skpdesk.ui.bersama.bus import bus, umumkan
from skpdesk.ui.bersama.verifikasi import (
    PemeriksaLatar,
    SpandukVerifikasi,
    mulai_pemeriksaan_latar,
)
from skpdesk.ui.kepegawaian.tab import KepegawaianTab
from skpdesk.ui.login import GantiSandiDialog
from skpdesk.ui.perencanaan.tab import PerencanaanTab
from skpdesk.ui.profil import ProfilPage
from skpdesk.ui.skp_saya.tab import SkpSayaTab

if TYPE_CHECKING:
    from skpdesk.ui.paket_dialog import Masuk

KUNCI_GEOMETRI = "jendela_utama/geometri"
LEBAR_AWAL = 1280
TINGGI_AWAL = 800
LEBAR_MIN = 960
TINGGI_MIN = 600
SKALA_NAMA = 1.25
# The exchange folder is looked at on start and then every minute.
CEK_FOLDER_MS = 60 * 1000


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


def berkas_paket(urls: Iterable) -> list[Path]:
    """The local .skpx files among dropped URLs."""
    found = []
    for url in urls:
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() == paket.EKSTENSI:
                found.append(path)
    return found


def entitas_paket(hasil: paket.HasilImpor) -> tuple[str, ...]:
    """The bus entities an import may have changed (their names are the stored ones)."""
    kinds = paket.URUTAN_KANTOR if hasil.jenis == paket.JENIS_KANTOR else paket.URUTAN_DOKUMEN
    return tuple(str(e) for e in kinds)


class Pemberitahuan(QFrame):
    """A quiet notice above the tabs with one action: it never blocks the work."""

    def __init__(self, teks_tombol: str, nama: str = "pemberitahuan",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(nama)
        self.teks = QLabel()
        self.teks.setWordWrap(True)
        self.tombol = QPushButton(teks_tombol)
        self.tombol_tutup = QPushButton(_("Tutup"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(self.teks, 1)
        layout.addWidget(self.tombol)
        layout.addWidget(self.tombol_tutup)
        self.tombol_tutup.clicked.connect(self.hide)
        self.hide()

    def tampilkan(self, teks: str) -> None:
        self.teks.setText(teks)
        self.setVisible(bool(teks))


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
        # Packages that came in by themselves, and conflicts waiting on a decision.
        self.kabar_masuk = Pemberitahuan(_("Lihat…"))
        self.kabar_konflik = Pemberitahuan(_("Lihat Konflik…"), "catatan_kembali")
        self._masuk_terakhir: list[Masuk] = []
        self.spanduk = SpandukVerifikasi(aktor.punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN))
        pusat_layout.addWidget(self.spanduk)
        body = QVBoxLayout()
        body.setContentsMargins(8, 8, 8, 4)
        body.addWidget(self.kabar_konflik)
        body.addWidget(self.kabar_masuk)
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

        self._buat_menu()
        self._isi_kepala()
        self._isi_terlambat()
        self._perbarui_konflik()
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

        # Packages dropped on the window are imported; the exchange folder is looked at now
        # (once the window is up) and every minute.
        self.setAcceptDrops(True)
        self.kabar_masuk.tombol.clicked.connect(self._on_kabar_masuk_clicked)
        self.kabar_konflik.tombol.clicked.connect(self.tampilkan_konflik)
        self.timer_folder = QTimer(self)
        self.timer_folder.setInterval(CEK_FOLDER_MS)
        self.timer_folder.timeout.connect(self.ambil_otomatis)
        self.timer_folder.start()
        self._timer_awal = QTimer(self)
        self._timer_awal.setSingleShot(True)
        self._timer_awal.timeout.connect(self.ambil_otomatis)
        self._timer_awal.start(0)

    def _buat_menu(self) -> None:
        menu = self.menuBar().addMenu(_("&Berkas"))
        self.aksi_impor = QAction(_("&Impor Paket…"), self)
        self.aksi_impor.setShortcut(QKeySequence("Ctrl+I"))
        self.aksi_impor.setStatusTip(_("Impor paket (.skpx) dari laptop lain"))
        self.aksi_kirim_semua = QAction(_("&Kirim Semua yang Menunggu Orang Lain…"), self)
        self.aksi_kirim_semua.setStatusTip(
            _("Satu paket berisi semua data Anda yang sekarang giliran orang lain"))
        self.aksi_ambil = QAction(_("&Ambil Paket dari Folder"), self)
        self.aksi_folder = QAction(_("&Folder Pertukaran…"), self)
        self.aksi_folder.setStatusTip(
            _("Flash disk atau folder bersama untuk paket dari dan ke laptop lain"))
        self.aksi_konflik = QAction(_("Konflik &Data…"), self)
        menu.addAction(self.aksi_impor)
        menu.addAction(self.aksi_kirim_semua)
        menu.addSeparator()
        menu.addAction(self.aksi_ambil)
        menu.addAction(self.aksi_folder)
        menu.addSeparator()
        menu.addAction(self.aksi_konflik)
        self.menu_berkas = menu
        self.aksi_impor.triggered.connect(self._on_aksi_impor_triggered)
        self.aksi_kirim_semua.triggered.connect(self.kirim_semua)
        self.aksi_ambil.triggered.connect(self.ambil_dari_folder)
        self.aksi_folder.triggered.connect(self.atur_folder)
        self.aksi_konflik.triggered.connect(self.tampilkan_konflik)

    def _tambah_tab_tertunda(self, spec: TabPeran, index: int = -1) -> None:
        place = TabTertunda(spec)
        self._tertunda[spec.kunci] = place
        self.tabs.insertTab(index, place, spec.judul())
        if spec.jumlah is not None:
            self._judul_tab(place, spec.judul(), spec.jumlah(self.aktor))

    def _kunci_tab(self, widget: QWidget) -> str | None:
        if isinstance(widget, TabTertunda):
            return widget.spec.kunci
        return next((k for k, w in self.tab_per_kunci.items() if w is widget), None)

    def _tambah_tab_yang_kini_tersedia(self) -> None:
        """A role tab the person now has work in (an imported SKP names her its atasan): in
        its place of the tab order."""
        present = {self._kunci_tab(self.tabs.widget(i)) for i in range(self.tabs.count())}
        for n, spec in enumerate(TAB_PERAN):
            if spec.kunci in present or not spec.tersedia(self.aktor):
                continue
            earlier = {s.kunci for s in TAB_PERAN[:n]}
            index = sum(self._kunci_tab(self.tabs.widget(i)) in earlier
                        for i in range(self.tabs.count()))
            self._tambah_tab_tertunda(spec, index)
            present.add(spec.kunci)

    def _perbarui_jumlah_tertunda(self) -> None:
        """Tabs not built yet carry their count too; it may have changed under them."""
        for place in self._tertunda.values():
            if place.spec.jumlah is not None:
                self._judul_tab(place, place.spec.judul(), place.spec.jumlah(self.aktor))

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
        except LayananError:  # no office recorded: the header shows no office name
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
        # A closed window imports nothing more (the next person's window takes over).
        self.timer_folder.stop()
        self._timer_awal.stop()
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
        if entitas == Entitas.PEGAWAI:
            self._isi_kepala()
        if entitas in (Entitas.PEGAWAI, Entitas.SKP, Entitas.EVALUASI, Entitas.PENGUKURAN_KINERJA):
            self._isi_terlambat()
            self._perbarui_jumlah_tertunda()

    # --- exchange packages ----------------------------------------------------------------------

    def pilih_paket(self) -> list[Path]:
        """Ask for package files to import; a seam for tests."""
        folder = pertukaran.folder_pertukaran() or Path.home()
        paths, _filter = QFileDialog.getOpenFileNames(
            self, _("Impor paket"), str(folder), pertukaran.saringan())
        return [Path(p) for p in paths]

    def _on_aksi_impor_triggered(self) -> None:
        paths = self.pilih_paket()
        if paths:
            self.impor_berkas(paths)

    def impor_berkas(self, paths: Iterable[Path], tampilkan: bool = True) -> list[Masuk]:
        """Import each package (a refused one changes nothing); say what came in."""
        results: list[Masuk] = []
        for path in paths:
            try:
                results.append((path, paket.impor(path, self.aktor)))
            except LayananError as exc:
                results.append((path, str(exc)))
        self._setelah_impor(results)
        if tampilkan:
            self._tampilkan_masuk(results)
        return results

    def _setelah_impor(self, results: list[Masuk]) -> None:
        """Tabs and counts read the database again; new role tabs appear; conflicts show."""
        changed: dict[str, None] = {}
        for _path, hasil in results:
            if isinstance(hasil, paket.HasilImpor) and hasil.berubah:
                changed.update(dict.fromkeys(entitas_paket(hasil)))
        if changed:
            self._tambah_tab_yang_kini_tersedia()
            umumkan(*changed)
        self._perbarui_konflik()

    def _tampilkan_masuk(self, results: list[Masuk], judul: str = "") -> None:
        from skpdesk.ui.paket_dialog import PaketMasukDialog

        dialog = PaketMasukDialog(results, self, judul)
        dialog.konflik_diminta.connect(self.tampilkan_konflik)
        dialog.exec()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and berkas_paket(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = berkas_paket(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        # After the drop returns: the source (the file manager) must not wait on our dialog.
        QTimer.singleShot(0, self, lambda: self.impor_berkas(paths))

    def kirim_semua(self) -> None:
        """One package of everything of this person's that now waits on someone else."""
        items = paket.pilih_dokumen(self.aktor, menunggu=True)
        if not items:
            QMessageBox.information(self, _("Kirim paket"), _(
                "Tidak ada data Anda yang sedang menunggu orang lain."))
            return
        written = pertukaran.tulis(self, self.aktor, items, self)
        if written is not None:
            QMessageBox.information(self, _("Kirim paket"), pertukaran.kabar_terkirim(written))

    def atur_folder(self) -> bool:
        from skpdesk.ui.paket_dialog import FolderPertukaranDialog

        accepted = FolderPertukaranDialog(self).exec() == FolderPertukaranDialog.DialogCode.Accepted
        if accepted and pertukaran.folder_pertukaran() is not None:
            self.ambil_otomatis()
        return accepted

    def _ambil(self) -> list[Masuk] | None:
        folder = pertukaran.folder_pertukaran()
        if folder is None:
            return None
        try:
            results = paket.ambil_dari_folder(folder, self.aktor)
        except OSError as exc:
            self.statusBar().showMessage(_("Folder pertukaran tidak dapat dibaca: {galat}")
                                         .format(galat=exc.strerror or exc))
            return None
        results = [(Path(p), h) for p, h in results]
        self._setelah_impor(results)
        return results

    def ambil_dari_folder(self) -> None:
        """"Ambil paket dari folder": now, and say what came in (also when nothing did)."""
        if pertukaran.folder_pertukaran() is None:
            QMessageBox.information(self, _("Folder pertukaran"), _(
                "Folder pertukaran belum dipilih. Pilih flash disk atau folder bersama tempat "
                "paket dari laptop lain."))
            if not self.atur_folder():
                return
        results = self._ambil()
        if results is not None:
            self.kabar_masuk.hide()
            self._tampilkan_masuk(results, _("Paket dari folder pertukaran"))

    def ambil_otomatis(self) -> list[Masuk]:
        """The timer's look at the exchange folder: new packages are imported and a notice
        says so; the list opens when the person asks. Not while a dialog is open: its data
        must not change under it."""
        if QApplication.activeModalWidget() is not None:
            return []
        results = self._ambil() or []
        if results:
            self._masuk_terakhir = results
            refused = sum(isinstance(h, str) for _p, h in results)
            text = _("{n} paket baru masuk dari folder pertukaran.").format(n=len(results))
            if refused:
                text += " " + _("{n} di antaranya ditolak.").format(n=refused)
            self.kabar_masuk.tampilkan(text)
        return results

    def _on_kabar_masuk_clicked(self) -> None:
        self.kabar_masuk.hide()
        self._tampilkan_masuk(self._masuk_terakhir, _("Paket dari folder pertukaran"))

    def _perbarui_konflik(self) -> None:
        n = len(paket.daftar_konflik())
        self.aksi_konflik.setEnabled(bool(n))
        self.kabar_konflik.tampilkan(_(
            "{n} data berbeda antara laptop ini dan paket yang masuk (konflik). Tidak ada yang "
            "ditimpa; pihak yang gilirannya memilih versi yang dipakai.").format(n=n) if n else "")

    def tampilkan_konflik(self) -> None:
        from skpdesk.ui.paket_dialog import KonflikDialog

        dialog = KonflikDialog(self.aktor, self)
        dialog.diselesaikan.connect(self._on_konflik_diselesaikan)
        dialog.exec()
        self._perbarui_konflik()

    def _on_konflik_diselesaikan(self, _entitas: str) -> None:
        self._perbarui_konflik()
