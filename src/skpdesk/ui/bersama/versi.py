"""The version of a record a screen shows, and what happens when someone else changed it.

A screen reads the version (``Dilihat.baca``) before it reads the record, and runs its changes
through ``Dilihat.jalankan``: the service then refuses a change made from an outdated screen
(``services/context.py`` ``jika_versi``), naming who changed the record and when. The screen
keeps what the person typed; ``BilahMuatUlang`` offers to load the latest data and, after that,
to put the typed input back so that it can be saved over the newer version deliberately.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from skpdesk.domain.entitas import Entitas
from skpdesk.i18n import _
from skpdesk.services import context
from skpdesk.services.errors import DataBerubah
from skpdesk.ui.bersama.bus import bus
from skpdesk.ui.bersama.widgets import set_peran

T = TypeVar("T")


class Dilihat(QObject):
    """The version of one record as the screen showed it.

    With ``akun_id``, a change this app itself made to the record elsewhere (announced on the
    bus: another page of the same window) moves the version on when that person wrote it, so
    that one's own change in one page does not refuse the next save in another. Changes by
    anyone else (another laptop, an imported package) never do.
    """

    def __init__(self, entitas: Entitas, akun_id: Any = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entitas = entitas
        self._akun_id = akun_id
        self.entitas_id: Any = None
        self.versi = 0
        # Called with the refusal when a change finds the record changed (the reload bar).
        self.saat_berubah: Callable[[DataBerubah], None] | None = None
        if akun_id is not None:
            bus().data_changed.connect(self._on_bus_data_changed)

    def _on_bus_data_changed(self, entitas: str) -> None:
        if entitas != self.entitas or self.entitas_id is None:
            return
        head = context.perubahan_terakhir(self.entitas, self.entitas_id)
        if head is not None and head.oleh_id == self._akun_id and head.nomor > self.versi:
            self.versi = head.nomor

    def baca(self, entitas_id: Any) -> None:
        """Remember the record's current version; call it before reading the record itself
        (a change between the two then refuses a save instead of losing one)."""
        self.entitas_id = entitas_id
        self.versi = context.versi(self.entitas, entitas_id) if entitas_id is not None else 0

    def jalankan(self, fungsi: Callable[[], T]) -> T:
        """Run a service call that changes the record only if it is still as shown."""
        if self.entitas_id is None:
            return fungsi()
        try:
            with context.jika_versi(self.entitas, self.entitas_id, self.versi) as harapan:
                hasil = fungsi()
        except DataBerubah as exc:
            if self.saat_berubah is not None:
                self.saat_berubah(exc)
            raise
        if harapan.baru is not None:
            self.versi = harapan.baru
        return hasil


class BilahMuatUlang(QFrame):
    """Under a screen's message: "Muat ulang", then "Terapkan isian saya lagi" / "Buang".

    ``muat_ulang()`` loads the latest data into the screen; ``ambil_isian()`` returns what the
    person typed, ``terapkan(isian)`` puts it back (both optional: a screen without typed
    input only reloads).

    Signals:
    diterapkan(): the typed input was put back over the reloaded data (it is unsaved again).
    """

    diterapkan = Signal()

    def __init__(
        self,
        dilihat: Dilihat,
        muat_ulang: Callable[[], None],
        ambil_isian: Callable[[], Any] | None = None,
        terapkan: Callable[[Any], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bilah_muat_ulang")
        self._muat_ulang = muat_ulang
        self._ambil = ambil_isian
        self._terapkan = terapkan
        self._simpanan: Any = None
        self.teks = QLabel()
        self.teks.setWordWrap(True)
        set_peran(self.teks, "info")
        self.tombol_muat = QPushButton(_("Muat ulang"))
        self.tombol_muat.setObjectName("tombol_muat_ulang")
        self.tombol_terapkan = QPushButton(_("Terapkan isian saya lagi"))
        self.tombol_terapkan.setObjectName("tombol_terapkan_isian")
        self.tombol_buang = QPushButton(_("Buang isian saya"))
        self.tombol_buang.setObjectName("tombol_buang_isian")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.teks, 1)
        for button in (self.tombol_muat, self.tombol_terapkan, self.tombol_buang):
            row.addWidget(button)
        self.tombol_muat.clicked.connect(self._on_tombol_muat_clicked)
        self.tombol_terapkan.clicked.connect(self._on_tombol_terapkan_clicked)
        self.tombol_buang.clicked.connect(self._on_tombol_buang_clicked)
        dilihat.saat_berubah = self.tampilkan
        self.hide()

    def tampilkan(self, _exc: DataBerubah | None = None) -> None:
        """The record changed: offer to reload; what was typed stays on the screen."""
        self._simpanan = None
        self.teks.setText(
            _("Isian Anda belum disimpan dan tetap di layar.") if self._ambil is not None
            else ""
        )
        self.tombol_muat.show()
        self.tombol_terapkan.hide()
        self.tombol_buang.hide()
        self.show()

    def tutup(self) -> None:
        self._simpanan = None
        self.hide()

    def _on_tombol_muat_clicked(self) -> None:
        kept = self._ambil() if self._ambil is not None else None
        self._muat_ulang()  # a screen's reload closes this bar: what was typed is kept here
        if kept is None or self._terapkan is None:
            self.tutup()
            return
        self._simpanan = kept
        self.teks.setText(_("Data terbaru sudah dimuat. Isian Anda masih disimpan sementara."))
        self.tombol_muat.hide()
        self.tombol_terapkan.show()
        self.tombol_buang.show()
        self.show()

    def _on_tombol_terapkan_clicked(self) -> None:
        isian, self._simpanan = self._simpanan, None
        if isian is not None and self._terapkan is not None:
            self._terapkan(isian)
            self.diterapkan.emit()
        self.hide()

    def _on_tombol_buang_clicked(self) -> None:
        self.tutup()
