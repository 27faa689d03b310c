"""The *Perencanaan* tab: the quarter's Pengukuran Kinerja chain, and the Perjanjian Kinerja."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from skpdesk.domain.entitas import Entitas
from skpdesk.domain.kepegawaian import Peran
from skpdesk.i18n import _
from skpdesk.services import pengukuran as ps
from skpdesk.services.context import Aktor
from skpdesk.ui.bersama.bus import bus
from skpdesk.ui.perencanaan.pengukuran_page import PengukuranPage
from skpdesk.ui.perencanaan.pita_page import PitaPage
from skpdesk.ui.perencanaan.pk_editor import PkEditor

__all__ = ["PerencanaanTab"]


class PerencanaanTab(QWidget):
    """Signals:
    jumlah_berubah(int): how many measurement chains now wait on this person.
    """

    jumlah_berubah = Signal(int)

    @staticmethod
    def tersedia(aktor: Aktor) -> bool:
        """The perencana, a PK's pihak pertama, or anyone with a part in a measurement chain."""
        return ps.terlibat(aktor)

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self.jumlah = 0
        self.pengukuran = PengukuranPage(aktor)
        self.pk_editor = PkEditor(aktor)
        self.pita = PitaPage(aktor)
        self.halaman = QTabWidget()
        self.halaman.setDocumentMode(True)
        self.halaman.addTab(self.pengukuran, _("Pengukuran Kinerja"))
        self.halaman.addTab(self.pk_editor, _("Perjanjian Kinerja"))
        self.halaman.addTab(self.pita, _("Pita Capaian"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.halaman)
        bus().data_changed.connect(self._on_bus_data_changed)
        self.muat_ulang()

    def muat_ulang(self) -> None:
        self.pengukuran.muat_ulang()
        self.pk_editor.muat_ulang()
        self.pita.muat_ulang()
        edits_pk = self._aktor.punya(Peran.PERENCANA) or any(
            ps.boleh_ubah_pk(self._aktor, pk) for pk in ps.daftar_pk())
        self.halaman.setTabVisible(1, edits_pk)
        self.halaman.setTabVisible(2, self._aktor.punya(Peran.PERENCANA))
        self.jumlah = ps.jumlah_menunggu(self._aktor)
        self.jumlah_berubah.emit(self.jumlah)

    def _on_bus_data_changed(self, entitas: str) -> None:
        if entitas in (
            Entitas.PENGUKURAN_KINERJA,
            Entitas.PERJANJIAN_KINERJA,
            Entitas.PEGAWAI,
            Entitas.PENGATURAN,
        ):
            self.muat_ulang()
