"""Starting a quarter's measurement chain: who plays which part."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from skpdesk.domain.pengukuran import PeranPK, label_triwulan
from skpdesk.i18n import _
from skpdesk.services import daftar
from skpdesk.services import pengukuran as ps
from skpdesk.services.context import Aktor
from skpdesk.services.pengukuran import PeranRantai
from skpdesk.ui.bersama import aksi
from skpdesk.ui.bersama.widgets import LabelPesan, PilihPegawai, tombol_primer

if TYPE_CHECKING:
    from skpdesk.store.models import PerjanjianKinerja


class MulaiDialog(QDialog):
    """Who plays which part in this quarter's chain: proposed from the roster, confirmed here.

    The parts are stored on the chain, so a later change of the roster does not move a
    measurement under way to someone else.
    """

    def __init__(self, aktor: Aktor, pk: PerjanjianKinerja, triwulan: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self._pk_id = pk.id
        self._triwulan = triwulan
        self.setWindowTitle(_("Mulai Pengukuran {tw} {tahun}").format(
            tw=label_triwulan(triwulan), tahun=pk.tahun))
        usulan = ps.usulan_peran(pk)
        self._kasi = usulan.kasi
        rows = daftar.daftar_pegawai()
        self.pilihan: dict[PeranPK, PilihPegawai] = {}
        form = QFormLayout()
        for role, chosen in ((PeranPK.CAMAT, usulan.camat_id),
                             (PeranPK.SEKRETARIS, usulan.sekretaris_id),
                             (PeranPK.KASUBBAG_PERENCANA, usulan.kasubbag_id),
                             (PeranPK.PELAKSANA, usulan.pelaksana_id)):
            combo = PilihPegawai(_("(belum ditentukan)"))
            combo.isi(rows)
            combo.set_pegawai_id(chosen)
            form.addRow(role.label, combo)
            self.pilihan[role] = combo
        units = {u.id: u.nama for u in daftar.pohon_unit()}
        people = {r.id: r.nama_lengkap for r in rows}
        tanpa = _("(tanpa kepala seksi)")
        kasi = [f"{units.get(u, '')}: {people.get(k, tanpa)}" for u, k in usulan.kasi.items()]
        self.daftar_kasi = QLabel("\n".join(kasi) or _("Tidak ada indikator yang diisi seksi."))
        self.daftar_kasi.setWordWrap(True)
        form.addRow(_("Kasi pengisi"), self.daftar_kasi)
        info = QLabel(_(
            "Diusulkan dari data pegawai: pelaksana pemegang peran Perencana, Kasubbag "
            "atasannya, Sekretaris atasan Kasubbag, Camat pihak pertama PK, Kasi kepala seksi "
            "tiap indikator. Orang-orang ini disimpan pada pengukuran ini."))
        info.setWordWrap(True)
        info.setProperty("peran", "info")
        self.pesan = LabelPesan()
        self.tombol = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.tombol_ok = tombol_primer(_("Mulai"))
        self.tombol.addButton(self.tombol_ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.tombol.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Batal"))
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addLayout(form)
        layout.addWidget(self.pesan)
        layout.addWidget(self.tombol)
        self.tombol.accepted.connect(self._on_tombol_accepted)
        self.tombol.rejected.connect(self.reject)

    def peran(self) -> PeranRantai:
        get = {role: combo.pegawai_id() for role, combo in self.pilihan.items()}
        return PeranRantai(get[PeranPK.CAMAT], get[PeranPK.SEKRETARIS],
                           get[PeranPK.KASUBBAG_PERENCANA], get[PeranPK.PELAKSANA], self._kasi)

    def _on_tombol_accepted(self) -> None:
        # The page that opened the dialog announces the new chain.
        if aksi.berhasil(
            lambda: ps.mulai_pengukuran(self._aktor, self._pk_id, self._triwulan, self.peran()),
            self.pesan,
        ):
            self.accept()
