"""The *Perencanaan* tab: the quarter's Pengukuran Kinerja chain, and the Perjanjian Kinerja."""

from __future__ import annotations

import uuid
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain import format as fmt
from skpdesk.domain.kepegawaian import Peran
from skpdesk.domain.pengukuran import (
    ALUR_PENGUKURAN,
    CaraKumulatif,
    PeranPK,
    PitaCapaian,
    Polaritas,
    StatusPengukuran,
    label_triwulan,
)
from skpdesk.domain.skp import angka
from skpdesk.domain.workflow import Transisi
from skpdesk.i18n import _
from skpdesk.services import daftar
from skpdesk.services import pengukuran as ps
from skpdesk.services.context import Aktor, now
from skpdesk.services.errors import LayananError
from skpdesk.services.pengukuran import (
    BarisPengukuran,
    DataIndikatorPK,
    PeranRantai,
    PihakKedua,
)
from skpdesk.store.models import (
    IndikatorPK,
    PengukuranKinerja,
    PerjanjianKinerja,
    RealisasiPK,
    UnitKerja,
)
from skpdesk.ui.bersama import gaya, teks
from skpdesk.ui.bersama.bus import DOKUMEN, PEGAWAI, PENGATURAN, bus, umumkan
from skpdesk.ui.bersama.widgets import (
    CatatanDialog,
    GalatForm,
    LabelPesan,
    PilihPegawai,
    baris_pesan,
    cari_data,
    combo_ringkas,
    tombol_primer,
)
from skpdesk.ui.skp.model import lama

# Entity names carried by the app-wide bus for this tab's records.
PENGUKURAN = "PengukuranKinerja"
PERJANJIAN = "PerjanjianKinerja"

S = StatusPengukuran
# Band colours: (text, background), the same greens/ambers/reds as the status labels.
WARNA_PITA: dict[str, tuple[str, str]] = {
    "hijau": ("#0d5c2a", "#c8e6c9"),
    "hijau_muda": (gaya.HIJAU, "#e6f4ea"),
    "kuning": (gaya.KUNING, "#fef7e0"),
    "oranye": ("#8a4b00", "#fde3c7"),
    "merah": (gaya.MERAH, "#fce8e6"),
}

(COL_NO, COL_INDIKATOR, COL_PENGISI, COL_TARGET, COL_REALISASI, COL_CAPAIAN, COL_KATEGORI,
 COL_KUMULATIF, COL_CAPAIAN_KUM, COL_KENDALA, COL_RTL) = range(11)
ROLE_ID = Qt.ItemDataRole.UserRole + 1


def _angka(value: Decimal | None, desimal: int | None = None) -> str:
    return fmt.angka(value, desimal) if value is not None else "–"


def _item(text: str, kanan: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if kanan:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _warnai(item: QTableWidgetItem, warna: str) -> None:
    fg, bg = WARNA_PITA.get(warna, (gaya.ABU, "#ffffff"))
    item.setForeground(QBrush(QColor(fg)))
    item.setBackground(QBrush(QColor(bg)))


def _tabel(kolom: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(kolom))
    table.setHorizontalHeaderLabels(kolom)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _kunci_status(pengukuran: PengukuranKinerja) -> str:
    """The shared status colours: amber while it moves, red when sent back, green once ratified."""
    if pengukuran.status in (S.DIKIRIM, S.TERDOKUMENTASI):
        return "DIARSIPKAN"
    if pengukuran.status in (S.DITANDATANGANI, S.DISAHKAN_CAMAT, S.PENGANTAR_DITUGASKAN):
        return "DITANDATANGANI"
    if ps.catatan_pengembalian(pengukuran) is not None:
        return "PERLU_REVISI"
    return "DIAJUKAN"


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
        units = {u.id: u.nama for u in UnitKerja.select()}
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
        try:
            ps.mulai_pengukuran(self._aktor, self._pk_id, self._triwulan, self.peran())
        except LayananError as exc:
            self.pesan.galat(str(exc))
            return
        self.accept()


class PengukuranPage(QWidget):
    """One PK's quarter: where the chain stands, whose move it is, the measurement table."""

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self._pengukuran_id: uuid.UUID | None = None
        self._rows: list[BarisPengukuran] = []
        self.tombol_aksi: dict[str, QPushButton] = {}
        self._transisi: dict[str, Transisi] = {}
        self.berkas_terakhir: list[Path] = []

        self.pk = combo_ringkas(QComboBox())
        self.triwulan = QComboBox()
        self.tombol_mulai = tombol_primer(_("Mulai Pengukuran Triwulan Ini"))
        atas = QHBoxLayout()
        atas.addWidget(QLabel(_("Perjanjian Kinerja")))
        atas.addWidget(self.pk, 1)
        atas.addWidget(QLabel(_("Triwulan")))
        atas.addWidget(self.triwulan)
        atas.addWidget(self.tombol_mulai)

        self.pesan = LabelPesan()
        self.status = QLabel()
        self.giliran = QLabel()
        self.giliran.setWordWrap(True)
        self.terlambat = QLabel()
        self.terlambat.setWordWrap(True)
        self.disposisi = QLabel()
        self.disposisi.setWordWrap(True)
        self.disposisi.setProperty("peran", "info")
        self.kotak_kembali = QFrame()
        self.kotak_kembali.setObjectName("catatan_kembali")
        self.catatan_kembali = QLabel()
        self.catatan_kembali.setWordWrap(True)
        kembali_layout = QVBoxLayout(self.kotak_kembali)
        kembali_layout.addWidget(self.catatan_kembali)
        self.catatan = QLineEdit()
        self.catatan.setPlaceholderText(
            _("Catatan disposisi untuk langkah berikutnya (boleh kosong)")
        )
        self.baris_aksi = QHBoxLayout()
        aksi = QHBoxLayout()
        aksi.addWidget(self.catatan, 1)
        aksi.addLayout(self.baris_aksi)
        kartu = QFrame()
        kartu.setObjectName("kartu")
        kartu_layout = QVBoxLayout(kartu)
        baris_status = QHBoxLayout()
        baris_status.addWidget(self.status)
        baris_status.addWidget(self.giliran, 1)
        kartu_layout.addLayout(baris_status)
        kartu_layout.addWidget(self.terlambat)
        kartu_layout.addWidget(self.disposisi)
        kartu_layout.addWidget(self.kotak_kembali)
        kartu_layout.addLayout(aksi)

        self.hanya_saya = QCheckBox(_("Hanya indikator yang saya isi"))
        self.tabel = _tabel([
            _("No"), _("Indikator Kinerja"), _("Diisi oleh"), _("Target TW"), _("Realisasi"),
            _("Capaian (%)"), _("Kategori"), _("Realisasi s.d. TW"), _("Capaian s.d. TW (%)"),
            _("Kendala"), _("Rencana Tindak Lanjut"),
        ])
        self.realisasi = QLineEdit()
        self.realisasi.setPlaceholderText(_("mis. 80,5"))
        self.kendala = QLineEdit()
        self.tindak_lanjut = QLineEdit()
        self.tombol_simpan = tombol_primer(_("Simpan Isian"))
        self.pesan_isi = LabelPesan()
        self.isian = QGroupBox(_("Isian indikator terpilih"))
        form = QFormLayout(self.isian)
        form.addRow(_("Realisasi triwulan"), self.realisasi)
        form.addRow(_("Kendala"), self.kendala)
        form.addRow(_("Rencana tindak lanjut"), self.tindak_lanjut)
        baris_pesan(form, self.pesan_isi)
        form.addRow("", self.tombol_simpan)

        self.riwayat = _tabel([_("Waktu"), _("Oleh"), _("Tindakan"), _("Catatan"),
                               _("Lama / baku")])
        self.tombol_laporan = QPushButton(_("Buat Laporan"))
        self.tombol_pengantar = QPushButton(_("Buat Surat Pengantar"))
        dokumen = QHBoxLayout()
        dokumen.addStretch(1)
        dokumen.addWidget(self.tombol_laporan)
        dokumen.addWidget(self.tombol_pengantar)

        tengah = QWidget()
        tengah_layout = QVBoxLayout(tengah)
        tengah_layout.setContentsMargins(0, 0, 0, 0)
        tengah_layout.addWidget(self.hanya_saya)
        tengah_layout.addWidget(self.tabel, 1)
        tengah_layout.addWidget(self.isian)
        bawah = QWidget()
        bawah_layout = QVBoxLayout(bawah)
        bawah_layout.setContentsMargins(0, 0, 0, 0)
        bawah_layout.addWidget(gaya.judul(_("Riwayat dan disposisi"), 1.0))
        bawah_layout.addWidget(self.riwayat, 1)
        bawah_layout.addLayout(dokumen)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(tengah)
        split.addWidget(bawah)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        self.kosong = QLabel()
        self.kosong.setObjectName("kosong")
        self.kosong.setWordWrap(True)
        self.kosong.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.isi_halaman = QWidget()
        isi_layout = QVBoxLayout(self.isi_halaman)
        isi_layout.setContentsMargins(0, 0, 0, 0)
        isi_layout.addWidget(kartu)
        isi_layout.addWidget(split, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(atas)
        layout.addWidget(self.pesan)
        layout.addWidget(self.kosong, 1)
        layout.addWidget(self.isi_halaman, 1)

        self.pk.currentIndexChanged.connect(self._on_pk_currentIndexChanged)
        self.triwulan.currentIndexChanged.connect(self._on_triwulan_currentIndexChanged)
        self.tombol_mulai.clicked.connect(self._on_tombol_mulai_clicked)
        self.hanya_saya.toggled.connect(self._on_hanya_saya_toggled)
        self.tabel.currentCellChanged.connect(self._on_tabel_currentCellChanged)
        self.tombol_simpan.clicked.connect(self._on_tombol_simpan_clicked)
        # Enter in any field of the entry saves it, as in every form of the application.
        for field in (self.realisasi, self.kendala, self.tindak_lanjut):
            field.returnPressed.connect(self._on_tombol_simpan_clicked)
        self.tombol_laporan.clicked.connect(self._on_tombol_laporan_clicked)
        self.tombol_pengantar.clicked.connect(self._on_tombol_pengantar_clicked)

    # --- choosing --------------------------------------------------------------------------------

    def _daftar_pk(self) -> list[PerjanjianKinerja]:
        """The PKs this person works on: all for the perencana, else those of his chains."""
        if self._aktor.punya(Peran.PERENCANA):
            return ps.daftar_pk()
        mine = {p.pk_id for p in ps.pengukuran_terlibat(self._aktor)}
        return [pk for pk in ps.daftar_pk() if pk.id in mine
                or pk.pihak_pertama_id == self._aktor.pegawai_id]

    def muat_ulang(self) -> None:
        chosen_pk, chosen_tw = self.pk.currentData(), self.triwulan.currentData()
        self.pk.blockSignals(True)
        self.pk.clear()
        for pk in self._daftar_pk():
            self.pk.addItem(f"{pk.unit.nama} · {pk.tahun}", pk.id)
        self.pk.setCurrentIndex(max(0, cari_data(self.pk, chosen_pk)))
        self.pk.blockSignals(False)
        self._isi_triwulan(chosen_tw)
        self._tampilkan()

    def _isi_triwulan(self, chosen: int | None = None) -> None:
        pk_id = self.pk.currentData()
        started = {}
        if pk_id is not None:
            started = {p.triwulan: p for p in ps.daftar_pengukuran(ps.ambil_pk(pk_id))}
        self.triwulan.blockSignals(True)
        self.triwulan.clear()
        for n in range(1, 5):
            label = label_triwulan(n)
            if n in started:
                label += f" — {ALUR_PENGUKURAN.label(started[n].status)}"
            self.triwulan.addItem(label, n)
        if chosen is None:
            # The quarter in progress first; else the first not yet started.
            open_ = [n for n, p in started.items() if p.status not in ALUR_PENGUKURAN.status_akhir]
            chosen = min(open_) if open_ else next((n for n in range(1, 5) if n not in started), 1)
        self.triwulan.setCurrentIndex(max(0, self.triwulan.findData(chosen)))
        self.triwulan.blockSignals(False)

    def pilih(self, pk_id: uuid.UUID, triwulan: int) -> None:
        self.pk.setCurrentIndex(max(0, cari_data(self.pk, pk_id)))
        self.triwulan.setCurrentIndex(max(0, self.triwulan.findData(triwulan)))

    def pengukuran(self) -> PengukuranKinerja | None:
        pk_id, tw = self.pk.currentData(), self.triwulan.currentData()
        if pk_id is None or tw is None:
            return None
        return PengukuranKinerja.get_or_none(
            (PengukuranKinerja.pk == pk_id) & (PengukuranKinerja.triwulan == tw)
        )

    # --- showing ---------------------------------------------------------------------------------

    def _tampilkan(self) -> None:
        pk_id = self.pk.currentData()
        found = self.pengukuran()
        self._pengukuran_id = found.id if found else None
        may_start = pk_id is not None and found is None and ps.boleh_mulai(
            self._aktor, ps.ambil_pk(pk_id))
        self.tombol_mulai.setVisible(may_start)
        if found is None:
            self.isi_halaman.setVisible(False)
            self.kosong.setVisible(True)
            if pk_id is None:
                self.kosong.setText(_(
                    "Belum ada Perjanjian Kinerja. Perencana menyusunnya pada halaman "
                    "Perjanjian Kinerja."))
            elif may_start:
                self.kosong.setText(_(
                    "Pengukuran {tw} belum dimulai. Klik Mulai Pengukuran Triwulan Ini: "
                    "Camat, Sekretaris, Kasubbag Perencana, pelaksana dan Kasi tiap seksi "
                    "diambil dari data pegawai.").format(tw=self.triwulan.currentText()))
            else:
                self.kosong.setText(_("Pengukuran {tw} belum dimulai oleh perencana.").format(
                    tw=self.triwulan.currentText()))
            return
        self.kosong.setVisible(False)
        self.isi_halaman.setVisible(True)
        self._isi_status(found)
        self._isi_aksi(found)
        peran = ps.peran_pada(self._aktor, found)
        self.hanya_saya.blockSignals(True)
        self.hanya_saya.setVisible(PeranPK.KASI in peran)
        if peran == {PeranPK.KASI} and not self.hanya_saya.property("disentuh"):
            # A section head works in his own rows: that is his view.
            self.hanya_saya.setChecked(True)
        self.hanya_saya.blockSignals(False)
        self._isi_tabel(found)
        self._isi_riwayat(found)
        terlibat = bool(peran) or any(
            self._aktor.punya(r) for r in (Peran.PERENCANA, Peran.PENGADMINISTRASI_KEPEGAWAIAN))
        self.tombol_laporan.setVisible(terlibat)
        self.tombol_pengantar.setVisible(terlibat)

    def _isi_status(self, p: PengukuranKinerja) -> None:
        self.status.setText(ALUR_PENGUKURAN.label(p.status))
        self.status.setStyleSheet(gaya.gaya_label_status(_kunci_status(p)))
        t = ps.tunggakan(p)
        if t is None:
            self.giliran.setText(_("Selesai: laporan dikirim dan didokumentasikan."))
            self.terlambat.setText("")
        else:
            langkah = ", ".join(f"{s.nomor}. {s.uraian}" for s in t.transisi.langkah)
            self.giliran.setText(_("Giliran {siapa}: {aksi}{langkah}").format(
                siapa=", ".join(ps.pemegang_giliran(p)) or "-", aksi=t.transisi.label,
                langkah=f" (SOP langkah {langkah})" if langkah else ""))
            if t.batas:
                words = _("Menunggu {lama} dari waktu baku {baku}.").format(
                    lama=lama(t.menit_menunggu), baku=lama(t.batas))
                self.terlambat.setText(
                    words + " " + _("Terlambat dari waktu baku SOP.") if t.lewat else words)
                gaya_ = gaya.gaya_label_status("PERLU_REVISI" if t.lewat else "DISETUJUI")
                self.terlambat.setStyleSheet(gaya_)
            else:
                self.terlambat.setText("")
                self.terlambat.setStyleSheet("")
        kembali = ps.catatan_pengembalian(p)
        self.kotak_kembali.setVisible(kembali is not None)
        if kembali is not None:
            self.catatan_kembali.setText(_("Dikembalikan oleh {oleh}: {catatan}").format(
                oleh=kembali.oleh_nama, catatan=kembali.catatan))
        note = ps.disposisi_terakhir(p)
        self.disposisi.setVisible(note is not None and kembali is None)
        if note is not None:
            self.disposisi.setText(_("Disposisi {oleh}: {catatan}").format(
                oleh=note.oleh_nama, catatan=note.catatan))

    def _isi_aksi(self, p: PengukuranKinerja) -> None:
        while self.baris_aksi.count():
            widget = self.baris_aksi.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.tombol_aksi = {}
        self._transisi = {}
        # Only what the table gives this person now; nothing at all for the others.
        for t in ps.aksi_tersedia(self._aktor, p):
            button = tombol_primer(t.label) if t.utama else QPushButton(t.label)
            button.setObjectName(f"aksi_{t.aksi}")
            button.setProperty("aksi", t.aksi)
            # One slot reads the sender: no closures kept alive by the connection.
            button.clicked.connect(self._on_tombol_aksi_clicked)
            self.baris_aksi.addWidget(button)
            self.tombol_aksi[t.aksi] = button
            self._transisi[t.aksi] = t
        self.catatan.setVisible(bool(self.tombol_aksi))

    def _isi_tabel(self, p: PengukuranKinerja) -> None:
        chosen = self._baris_terpilih()
        self._rows = ps.baris(p)
        shown = [b for b in self._rows
                 if not self.hanya_saya.isChecked() or b.pengisi_id == self._aktor.pegawai_id]
        self.tabel.setRowCount(len(shown))
        for n, b in enumerate(shown):
            cells = [
                _item(str(b.no)),
                _item(b.indikator),
                _item(b.pengisi or _("Pelaksana")),
                _item(fmt.target(b.target, b.target_maks, b.satuan) or "–", kanan=True),
                _item(_angka(b.realisasi), kanan=True),
                _item(_angka(b.capaian, 2) if not b.galat else "n/a", kanan=True),
                _item(b.pita.label if b.pita else "–"),
                _item(_angka(b.realisasi_kumulatif), kanan=True),
                _item(_angka(b.capaian_kumulatif, 2), kanan=True),
                _item(b.kendala),
                _item(b.tindak_lanjut),
            ]
            if b.galat:
                cells[COL_CAPAIAN].setToolTip(b.galat)
            if b.pita is not None:
                _warnai(cells[COL_CAPAIAN], b.pita.warna)
                _warnai(cells[COL_KATEGORI], b.pita.warna)
            cells[COL_NO].setData(ROLE_ID, b.realisasi_id)
            for col, item in enumerate(cells):
                self.tabel.setItem(n, col, item)
        self.tabel.resizeRowsToContents()
        index = next((n for n, b in enumerate(shown) if b.realisasi_id == chosen), 0)
        if shown:
            self.tabel.setCurrentCell(index, COL_INDIKATOR)
        self._tampilkan_isian()

    def _baris_terpilih(self) -> uuid.UUID | None:
        item = self.tabel.item(self.tabel.currentRow(), COL_NO) if self.tabel.rowCount() else None
        return item.data(ROLE_ID) if item is not None else None

    def baris_dari(self, indikator: str) -> int:
        """The table row of an indicator (for tests and keyboard users' search)."""
        for n in range(self.tabel.rowCount()):
            if self.tabel.item(n, COL_INDIKATOR).text() == indikator:
                return n
        return -1

    def _tampilkan_isian(self) -> None:
        chosen = self._baris_terpilih()
        row = next((b for b in self._rows if b.realisasi_id == chosen), None)
        p = ps.ambil(self._pengukuran_id) if self._pengukuran_id else None
        stored = RealisasiPK.get_or_none(RealisasiPK.id == chosen) if chosen else None
        may = bool(p and stored and ps.boleh_isi(self._aktor, stored, p))
        self.isian.setVisible(may)
        self.pesan_isi.bersihkan()
        if row is None:
            return
        self.isian.setTitle(_("Isian: {indikator}").format(indikator=row.indikator))
        self.realisasi.setText(fmt.angka(row.realisasi) if row.realisasi is not None else "")
        self.kendala.setText(row.kendala)
        self.tindak_lanjut.setText(row.tindak_lanjut)

    def _isi_riwayat(self, p: PengukuranKinerja) -> None:
        events = ps.linimasa(p, hanya_alur=True)
        labels = {t.aksi: t.label for t in ALUR_PENGUKURAN.transisi}
        labels["mulai"] = _("Pengukuran dimulai")
        self.riwayat.setRowCount(len(events))
        for n, e in enumerate(events):
            r = e.riwayat
            durasi = ""
            if e.menit_baku:
                durasi = _("{lama} / {baku}").format(lama=lama(e.menit_berlalu or 0),
                                                     baku=lama(e.menit_baku))
            cells = [_item(teks.waktu_lokal(r.waktu)), _item(r.oleh_nama),
                     _item(labels.get(r.aksi, r.aksi)), _item(r.catatan), _item(durasi)]
            if e.pengembalian:
                # Every return stands out with its note.
                for item in cells[2:4]:
                    fg, bg = gaya.warna_status("PERLU_REVISI")
                    item.setForeground(QBrush(fg))
                    item.setBackground(QBrush(bg))
            if e.menit_baku:
                fg, bg = gaya.warna_status("PERLU_REVISI" if e.lewat_baku else "DISETUJUI")
                cells[4].setForeground(QBrush(fg))
                cells[4].setBackground(QBrush(bg))
                cells[4].setToolTip(_("Melewati waktu baku SOP") if e.lewat_baku
                                    else _("Dalam waktu baku SOP"))
            for col, item in enumerate(cells):
                self.riwayat.setItem(n, col, item)
        self.riwayat.resizeRowsToContents()
        if events:
            self.riwayat.scrollToBottom()

    # --- acting ----------------------------------------------------------------------------------

    def _on_tombol_aksi_clicked(self) -> None:
        t = self._transisi.get(self.sender().property("aksi"))
        if t is not None:
            self._jalankan(t)

    def _jalankan(self, t: Transisi) -> None:
        pengukuran_id = self._pengukuran_id
        if pengukuran_id is None:
            return
        if t.catatan_wajib:
            dialog = CatatanDialog(
                t.label,
                _("Tuliskan apa yang harus diperbaiki. Catatan ini tampil bagi penerimanya "
                  "dan tersimpan di riwayat."),
                t.label,
                lambda note: ps.jalankan(self._aktor, pengukuran_id, t.aksi, note),
                self,
            )
            if not dialog.exec():
                return
        else:
            try:
                ps.jalankan(self._aktor, pengukuran_id, t.aksi, self.catatan.text())
            except LayananError as exc:
                self.pesan.galat(str(exc))
                return
        self.catatan.clear()
        self.pesan.sukses(_("{aksi}: tersimpan.").format(aksi=t.label))
        umumkan(PENGUKURAN)

    def _on_tombol_mulai_clicked(self) -> None:
        pk_id, tw = self.pk.currentData(), self.triwulan.currentData()
        if pk_id is None or tw is None:
            return
        if not MulaiDialog(self._aktor, ps.ambil_pk(pk_id), tw, self).exec():
            return
        self.pesan.sukses(_("Pengukuran {tw} dimulai; giliran Camat menugaskan.").format(
            tw=label_triwulan(tw)))
        umumkan(PENGUKURAN)

    def _on_tombol_simpan_clicked(self) -> None:
        chosen = self._baris_terpilih()
        if chosen is None:
            return
        try:
            ps.isi_realisasi(self._aktor, chosen, self.realisasi.text(), self.kendala.text(),
                             self.tindak_lanjut.text())
        except LayananError as exc:
            errors = getattr(exc, "errors", {"": str(exc)})
            self.pesan_isi.galat("\n".join(errors.values()))
            return
        umumkan(PENGUKURAN)
        self.pesan_isi.sukses(_("Isian tersimpan."))

    def _buat(self, kode: str) -> None:
        """Fill the report or its cover letter, file it in the archive, open it."""
        from skpdesk import documents

        if self._pengukuran_id is None:
            return
        try:
            hasil = documents.buat_dokumen(self._aktor, kode, self._pengukuran_id)
        except (LayananError, documents.KeluaranGagal, documents.TemplatTidakAda,
                OSError) as exc:
            self.pesan.galat(str(exc))
            return
        target = hasil.path
        self.berkas_terakhir = [target]
        umumkan(DOKUMEN)
        warnings = list(hasil.peringatan)
        try:
            documents.buka(target)
        except documents.KeluaranGagal as exc:
            warnings.append(str(exc))
        text = _("Dokumen dibuat dan diarsipkan: {berkas}").format(berkas=target.name)
        if warnings:
            self.pesan.galat("\n".join([text, *warnings]))
        else:
            self.pesan.sukses(text)

    def _on_tombol_laporan_clicked(self) -> None:
        self._buat("pengukuran")

    def _on_tombol_pengantar_clicked(self) -> None:
        self._buat("pengantar_pk")

    def _on_pk_currentIndexChanged(self) -> None:
        self._isi_triwulan()
        self._tampilkan()

    def _on_triwulan_currentIndexChanged(self) -> None:
        self._tampilkan()

    def _on_hanya_saya_toggled(self) -> None:
        self.hanya_saya.setProperty("disentuh", True)
        if self._pengukuran_id is not None:
            self._isi_tabel(ps.ambil(self._pengukuran_id))

    def _on_tabel_currentCellChanged(self, *_args) -> None:
        self._tampilkan_isian()


class PkEditor(QWidget):
    """The Perjanjian Kinerja: parties, and its rows with targets, polarity, program, anggaran."""

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self._indikator_id: uuid.UUID | None = None

        self.pk = combo_ringkas(QComboBox())
        self.unit_baru = combo_ringkas(QComboBox())
        self.tahun_baru = QSpinBox()
        self.tahun_baru.setRange(2000, 2100)
        self.tombol_buat = QPushButton(_("Buat Perjanjian Kinerja"))
        atas = QHBoxLayout()
        atas.addWidget(QLabel(_("Perjanjian Kinerja")))
        atas.addWidget(self.pk, 1)
        atas.addSpacing(16)
        atas.addWidget(self.unit_baru)
        atas.addWidget(self.tahun_baru)
        atas.addWidget(self.tombol_buat)
        self.pesan = LabelPesan()

        self.pihak_pertama = PilihPegawai(_("(pilih pihak pertama)"))
        self.kedua_nama = QLineEdit()
        self.kedua_nip = QLineEdit()
        self.kedua_jabatan = QLineEdit()
        self.tombol_pihak = QPushButton(_("Simpan Para Pihak"))
        pihak = QGroupBox(_("Para pihak"))
        grid = QGridLayout(pihak)
        grid.addWidget(QLabel(_("Pihak pertama")), 0, 0)
        grid.addWidget(self.pihak_pertama, 0, 1, 1, 3)
        grid.addWidget(QLabel(_("Pihak kedua")), 1, 0)
        grid.addWidget(self.kedua_nama, 1, 1)
        grid.addWidget(self.kedua_nip, 1, 2)
        grid.addWidget(self.kedua_jabatan, 1, 3)
        grid.addWidget(self.tombol_pihak, 2, 3)
        self.kedua_nama.setPlaceholderText(_("Nama"))
        self.kedua_nip.setPlaceholderText(_("NIP (boleh kosong)"))
        self.kedua_jabatan.setPlaceholderText(_("Jabatan, mis. Bupati …"))

        self.tabel = _tabel([_("No"), _("Sasaran"), _("Indikator Kinerja"), _("Target"),
                             _("Polaritas"), _("TW I–IV"), _("Seksi"), _("Program"),
                             _("Anggaran"), _("RHK Pimpinan")])

        self.sasaran = QLineEdit()
        self.indikator = QLineEdit()
        self.satuan = QLineEdit()
        self.polaritas = QComboBox()
        for pol in Polaritas:
            self.polaritas.addItem(pol.label, pol.value)
        self.target = QLineEdit()
        self.target_maks = QLineEdit()
        self.target_maks.setPlaceholderText(_("batas atas, untuk rentang"))
        self.target_tw = [QLineEdit() for _n in range(4)]
        tw_row = QHBoxLayout()
        for n, field in enumerate(self.target_tw, start=1):
            field.setPlaceholderText(label_triwulan(n).replace(_("Triwulan"), _("TW")))
            tw_row.addWidget(field)
        self.kumulatif = QComboBox()
        for cara in CaraKumulatif:
            self.kumulatif.addItem(cara.label, cara.value)
        self.program = QLineEdit()
        self.anggaran = QLineEdit()
        self.anggaran.setPlaceholderText(_("Rp, mis. 185.000.000"))
        self.seksi = combo_ringkas(QComboBox())
        self.rhk = combo_ringkas(QComboBox())
        self.umum = LabelPesan()
        labels = {k: LabelPesan() for k in ("sasaran", "indikator", "target", "target_maks",
                                            "target_tw", "anggaran", "rhk", "polaritas")}
        self.galat = GalatForm(self.umum, **labels)
        self.baris = QGroupBox(_("Baris Perjanjian Kinerja"))
        form = QFormLayout(self.baris)
        for label, field, key in (
            (_("Sasaran"), self.sasaran, "sasaran"),
            (_("Indikator kinerja"), self.indikator, "indikator"),
            (_("Satuan"), self.satuan, None),
            (_("Polaritas"), self.polaritas, "polaritas"),
            (_("Target tahunan"), self.target, "target"),
            (_("Target maksimum"), self.target_maks, "target_maks"),
        ):
            form.addRow(label, field)
            if key:
                baris_pesan(form, labels[key])
        form.addRow(_("Target per triwulan"), tw_row)
        baris_pesan(form, labels["target_tw"])
        form.addRow(_("Realisasi kumulatif"), self.kumulatif)
        form.addRow(_("Program"), self.program)
        form.addRow(_("Anggaran"), self.anggaran)
        baris_pesan(form, labels["anggaran"])
        form.addRow(_("Seksi pengisi"), self.seksi)
        form.addRow(_("RHK pimpinan"), self.rhk)
        baris_pesan(form, labels["rhk"])
        baris_pesan(form, self.umum)
        self.tombol_baru = QPushButton(_("Baris Baru"))
        self.tombol_hapus = QPushButton(_("Hapus Baris"))
        self.tombol_simpan = tombol_primer(_("Simpan Baris"))
        tombol = QHBoxLayout()
        tombol.addWidget(self.tombol_baru)
        tombol.addWidget(self.tombol_hapus)
        tombol.addStretch(1)
        tombol.addWidget(self.tombol_simpan)
        form.addRow(tombol)

        split = QSplitter()
        kiri = QWidget()
        kiri_layout = QVBoxLayout(kiri)
        kiri_layout.setContentsMargins(0, 0, 0, 0)
        kiri_layout.addWidget(pihak)
        kiri_layout.addWidget(self.tabel, 1)
        split.addWidget(kiri)
        split.addWidget(self.baris)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(atas)
        layout.addWidget(self.pesan)
        layout.addWidget(split, 1)

        self.pk.currentIndexChanged.connect(self._on_pk_currentIndexChanged)
        self.tombol_buat.clicked.connect(self._on_tombol_buat_clicked)
        self.tombol_pihak.clicked.connect(self._on_tombol_pihak_clicked)
        self.tabel.currentCellChanged.connect(self._on_tabel_currentCellChanged)
        self.tombol_baru.clicked.connect(self._on_tombol_baru_clicked)
        self.tombol_hapus.clicked.connect(self._on_tombol_hapus_clicked)
        self.tombol_simpan.clicked.connect(self._on_tombol_simpan_clicked)

    def muat_ulang(self) -> None:
        chosen = self.pk.currentData()
        self.pk.blockSignals(True)
        self.pk.clear()
        for pk in ps.daftar_pk():
            if ps.boleh_ubah_pk(self._aktor, pk):
                self.pk.addItem(f"{pk.unit.nama} · {pk.tahun}", pk.id)
        self.pk.setCurrentIndex(max(0, cari_data(self.pk, chosen)))
        self.pk.blockSignals(False)
        perencana = self._aktor.punya(Peran.PERENCANA)
        for widget in (self.unit_baru, self.tahun_baru, self.tombol_buat):
            widget.setVisible(perencana)
        if perencana and not self.unit_baru.count():
            for unit in UnitKerja.select().where(UnitKerja.aktif).order_by(UnitKerja.urutan):
                self.unit_baru.addItem(unit.nama, unit.id)
            self.tahun_baru.setValue(now().year)
        self.pihak_pertama.isi(daftar.daftar_pegawai())
        self._tampilkan()

    def _pk(self) -> PerjanjianKinerja | None:
        pk_id = self.pk.currentData()
        return ps.ambil_pk(pk_id) if pk_id is not None else None

    def _tampilkan(self) -> None:
        pk = self._pk()
        self.baris.setEnabled(pk is not None)
        self.tombol_pihak.setEnabled(pk is not None)
        self.tabel.setRowCount(0)
        if pk is None:
            return
        self.pihak_pertama.set_pegawai_id(pk.pihak_pertama_id)
        self.kedua_nama.setText(pk.pihak_kedua_nama)
        self.kedua_nip.setText(pk.pihak_kedua_nip)
        self.kedua_jabatan.setText(pk.pihak_kedua_jabatan)
        self.seksi.clear()
        self.seksi.addItem(_("(tanpa seksi — diisi pelaksana)"), None)
        for unit in UnitKerja.select().where(UnitKerja.aktif).order_by(UnitKerja.urutan):
            self.seksi.addItem(unit.nama, unit.id)
        self.rhk.clear()
        self.rhk.addItem(_("(belum ditautkan)"), None)
        for rhk in ps.rhk_pilihan(pk):
            self.rhk.addItem(rhk.uraian, rhk.id)
        rows = ps.indikator_pk(pk)
        staf = ps.intervensi_staf(pk)
        self.tabel.setRowCount(len(rows))
        for n, row in enumerate(rows):
            tw = " · ".join(fmt.angka(Decimal(v)) if (v := (row.target_tw or {}).get(str(i)))
                            else "–" for i in range(1, 5))
            cells = [
                _item(str(n + 1)), _item(row.sasaran), _item(row.indikator),
                _item(fmt.target(row.target, row.target_maks, row.satuan), kanan=True),
                _item(Polaritas(row.polaritas).label), _item(tw),
                _item(row.unit.nama if row.unit_id else _("Pelaksana")), _item(row.program),
                _item(fmt.rupiah(row.anggaran) if row.anggaran is not None else "–",
                      kanan=True),
                _item(row.rhk.uraian if row.rhk_id else "–"),
            ]
            names = staf.get(row.rhk_id, [])
            if names:
                # PK → RHK pimpinan → the staff RHK that intervene in it (matriks peran hasil).
                cells[-1].setText(_("{rhk} — diintervensi {n} pegawai").format(
                    rhk=row.rhk.uraian, n=len(names)))
                cells[-1].setToolTip("\n".join(names))
            cells[0].setData(ROLE_ID, row.id)
            for col, item in enumerate(cells):
                self.tabel.setItem(n, col, item)
        self.tabel.resizeRowsToContents()
        self._kosongkan()

    def _kosongkan(self) -> None:
        self._indikator_id = None
        for field in (self.sasaran, self.indikator, self.satuan, self.target, self.target_maks,
                      self.program, self.anggaran, *self.target_tw):
            field.clear()
        self.polaritas.setCurrentIndex(0)
        self.kumulatif.setCurrentIndex(0)
        self.seksi.setCurrentIndex(0)
        self.rhk.setCurrentIndex(0)
        self.galat.bersihkan()
        self.tombol_hapus.setEnabled(False)

    def _on_tabel_currentCellChanged(self, row: int, *_args) -> None:
        item = self.tabel.item(row, 0) if row >= 0 else None
        if item is None:
            return
        ind = IndikatorPK.get_or_none(IndikatorPK.id == item.data(ROLE_ID))
        if ind is None:
            return
        self._kosongkan()
        self._indikator_id = ind.id
        self.sasaran.setText(ind.sasaran)
        self.indikator.setText(ind.indikator)
        self.satuan.setText(ind.satuan)
        self.polaritas.setCurrentIndex(max(0, self.polaritas.findData(ind.polaritas)))
        self.target.setText(fmt.angka(ind.target) if ind.target is not None else "")
        self.target_maks.setText(fmt.angka(ind.target_maks) if ind.target_maks is not None
                                 else "")
        for n, field in enumerate(self.target_tw, start=1):
            value = (ind.target_tw or {}).get(str(n))
            field.setText(fmt.angka(Decimal(value)) if value else "")
        self.kumulatif.setCurrentIndex(max(0, self.kumulatif.findData(ind.kumulatif)))
        self.program.setText(ind.program)
        self.anggaran.setText(fmt.angka(ind.anggaran) if ind.anggaran is not None else "")
        self.seksi.setCurrentIndex(max(0, cari_data(self.seksi, ind.unit_id)))
        self.rhk.setCurrentIndex(max(0, cari_data(self.rhk, ind.rhk_id)))
        self.tombol_hapus.setEnabled(True)

    def data(self) -> DataIndikatorPK:
        return DataIndikatorPK(
            self.sasaran.text(), self.indikator.text(), self.satuan.text(), self.target.text(),
            self.polaritas.currentData(), self.target_maks.text() or None,
            {n: f.text() for n, f in enumerate(self.target_tw, start=1) if f.text().strip()},
            self.kumulatif.currentData(), self.program.text(), self.anggaran.text() or None,
            self.seksi.currentData(), self.rhk.currentData(),
        )

    def _on_tombol_simpan_clicked(self) -> None:
        pk = self._pk()
        if pk is None:
            return
        try:
            ps.simpan_indikator(self._aktor, pk.id, self.data(), self._indikator_id)
        except LayananError as exc:
            self.galat.tampilkan(exc)
            return
        umumkan(PERJANJIAN)
        self.pesan.sukses(_("Baris Perjanjian Kinerja tersimpan."))

    def _on_tombol_baru_clicked(self) -> None:
        self.tabel.clearSelection()
        self._kosongkan()
        self.sasaran.setFocus()

    def _on_tombol_hapus_clicked(self) -> None:
        if self._indikator_id is None:
            return
        try:
            ps.hapus_indikator(self._aktor, self._indikator_id)
        except LayananError as exc:
            self.galat.tampilkan(exc)
            return
        umumkan(PERJANJIAN)

    def _on_tombol_buat_clicked(self) -> None:
        try:
            pk = ps.buat_pk(self._aktor, self.unit_baru.currentData(), self.tahun_baru.value())
        except LayananError as exc:
            self.pesan.galat(str(exc))
            return
        umumkan(PERJANJIAN)
        self.pk.setCurrentIndex(max(0, cari_data(self.pk, pk.id)))

    def _on_tombol_pihak_clicked(self) -> None:
        pk = self._pk()
        if pk is None:
            return
        try:
            ps.ubah_pihak(self._aktor, pk.id, self.pihak_pertama.pegawai_id(), PihakKedua(
                self.kedua_nama.text(), self.kedua_nip.text(), self.kedua_jabatan.text()))
        except LayananError as exc:
            self.pesan.galat(str(exc))
            return
        umumkan(PERJANJIAN)
        self.pesan.sukses(_("Para pihak tersimpan."))

    def _on_pk_currentIndexChanged(self) -> None:
        self._tampilkan()


class PitaPage(QWidget):
    """The office's interpretation bands: a lower bound (exclusive), a name and a colour."""

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self.tabel = QTableWidget(0, 3)
        self.tabel.setHorizontalHeaderLabels([_("Capaian lebih dari (%)"), _("Kategori"),
                                              _("Warna")])
        self.tabel.horizontalHeader().setStretchLastSection(True)
        self.tombol_tambah = QPushButton(_("Tambah Pita"))
        self.tombol_simpan = tombol_primer(_("Simpan Pita Capaian"))
        self.pesan = LabelPesan()
        info = QLabel(_("Pita terakhir tanpa batas menampung sisanya. Contoh bawaan: Inspektorat "
                        "Sampang (> 90 Sangat Baik; > 75 Baik; > 65 Cukup; > 50 Kurang)."))
        info.setWordWrap(True)
        info.setProperty("peran", "info")
        tombol = QHBoxLayout()
        tombol.addWidget(self.tombol_tambah)
        tombol.addStretch(1)
        tombol.addWidget(self.tombol_simpan)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.tabel, 1)
        layout.addWidget(self.pesan)
        layout.addLayout(tombol)
        self.tombol_tambah.clicked.connect(self._on_tombol_tambah_clicked)
        self.tombol_simpan.clicked.connect(self._on_tombol_simpan_clicked)

    def muat_ulang(self) -> None:
        pita = ps.pita_kantor()
        self.tabel.setRowCount(0)
        for band in pita:
            self._tambah(band)

    def _tambah(self, band: PitaCapaian | None = None) -> None:
        n = self.tabel.rowCount()
        self.tabel.insertRow(n)
        bound = "" if band is None or band.lebih_dari is None else fmt.angka(band.lebih_dari)
        self.tabel.setItem(n, 0, QTableWidgetItem(bound))
        self.tabel.setItem(n, 1, QTableWidgetItem(band.label if band else ""))
        warna = QComboBox()
        for key in WARNA_PITA:
            warna.addItem(key.replace("_", " "), key)
        warna.setCurrentIndex(max(0, warna.findData(band.warna if band else "kuning")))
        self.tabel.setCellWidget(n, 2, warna)

    def _on_tombol_tambah_clicked(self) -> None:
        self._tambah()

    def _on_tombol_simpan_clicked(self) -> None:
        bands = []
        try:
            for n in range(self.tabel.rowCount()):
                text = (self.tabel.item(n, 0).text() if self.tabel.item(n, 0) else "").strip()
                label = self.tabel.item(n, 1).text() if self.tabel.item(n, 1) else ""
                bands.append(PitaCapaian(angka(text) if text else None, label,
                                         self.tabel.cellWidget(n, 2).currentData()))
            ps.atur_pita(self._aktor, bands)
        except (ValueError, LayananError) as exc:
            self.pesan.galat(str(exc))
            return
        umumkan(PENGATURAN)
        self.pesan.sukses(_("Pita capaian tersimpan."))


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
        if entitas in (PENGUKURAN, PERJANJIAN, PEGAWAI, PENGATURAN):
            self.muat_ulang()
