"""The RHK editor: the list of Rencana Hasil Kerja, and the selected one with IKI and targets."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain.skp import Aspek, IsianIKI, IsianRHK, JenisRHK, Perspektif, parse_target
from skpdesk.i18n import _
from skpdesk.ui.bersama import gaya
from skpdesk.ui.bersama.kolom import PasKolom
from skpdesk.ui.bersama.widgets import LabelPesan

COL_ASPEK = 0
COL_INDIKATOR = 1
COL_TARGET = 2
COL_SATUAN = 3
N_COL_IKI = 4

LATAR_GALAT = QColor("#fce8e6")
TINGGI_URAIAN = 64
LEBAR_DAFTAR = 300
HALAMAN_KOSONG = 0
HALAMAN_FORM = 1

_KUNCI_RHK = re.compile(r"^rhk\.(\d+)(?:\.(.*))?$")


@dataclass
class _Iki:
    aspek: str = Aspek.KUANTITAS.value
    indikator: str = ""
    target: str = ""
    satuan: str = ""
    id: uuid.UUID | None = None


@dataclass
class _Rhk:
    """A row as the editor holds it while the person types."""

    jenis: str
    uraian: str = ""
    iki: list[_Iki] = field(default_factory=list)
    ukuran_keberhasilan: str = ""
    intervensi_id: uuid.UUID | None = None
    penugasan: str = ""
    perspektif: str = ""
    id: uuid.UUID | None = None
    dari_matriks: bool = False


def pesan_target(target: str, satuan: str) -> str:
    """The inline fault of one target, or "" (an empty target is allowed in a draft)."""
    if not target.strip():
        return ""
    try:
        parse_target(target, satuan or "-")
    except ValueError as exc:
        return str(exc)
    if not satuan.strip():
        return _("Satuan target wajib diisi (misalnya Dokumen, %, Bulan).")
    return ""


class RhkEditor(QWidget):
    """Signals:
    diubah(): the person changed something (the page enables "Simpan").
    """

    diubah = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Rhk] = []
        self._dapat_diubah = False
        self._memuat = False
        self._galat: dict[int, dict[str, str]] = {}
        self._jpt = False
        self._kualitatif = False

        # Left: the RHK list, Utama first as the form prints them.
        self.daftar = QListWidget()
        self.daftar.setWordWrap(True)
        self.daftar.setAlternatingRowColors(True)
        self.tombol_utama = QPushButton(_("+ RHK Utama"))
        self.tombol_tambahan = QPushButton(_("+ RHK Tambahan"))
        self.tombol_hapus = QPushButton(_("Hapus RHK"))
        kiri = QWidget()
        kiri_layout = QVBoxLayout(kiri)
        kiri_layout.setContentsMargins(0, 0, 0, 0)
        kiri_layout.addWidget(gaya.judul(_("Rencana Hasil Kerja"), 1.0))
        kiri_layout.addWidget(self.daftar, 1)
        tombol = QHBoxLayout()
        tombol.addWidget(self.tombol_utama)
        tombol.addWidget(self.tombol_tambahan)
        kiri_layout.addLayout(tombol)
        kiri_layout.addWidget(self.tombol_hapus)

        # Right: the selected RHK.
        self.info_matriks = QLabel(
            _(
                "RHK ini berasal dari matriks peran hasil pejabat penilai: uraian dan "
                "tautannya ditetapkan atasan. Isi indikator dan targetnya."
            )
        )
        self.info_matriks.setWordWrap(True)
        self.info_matriks.setProperty("peran", "info")
        self.jenis = QComboBox()
        for jenis in JenisRHK:
            self.jenis.addItem(jenis.label, jenis.value)
        self.uraian = QPlainTextEdit()
        self.uraian.setTabChangesFocus(True)
        self.uraian.setPlaceholderText(_("Rencana hasil kerja yang akan dicapai…"))
        self.uraian.setFixedHeight(TINGGI_URAIAN)
        self.intervensi = QComboBox()
        self.intervensi.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.intervensi.setMinimumContentsLength(30)
        # A closed combo cuts a long RHK pimpinan; the whole text is then shown beneath it.
        self.intervensi_penuh = QLabel()
        self.intervensi_penuh.setWordWrap(True)
        self.intervensi_penuh.setProperty("peran", "info")
        self.intervensi_penuh.hide()
        self.intervensi.installEventFilter(self)
        self.perspektif = QComboBox()
        self.perspektif.addItem("", "")
        for p in Perspektif:
            self.perspektif.addItem(p.value, p.value)
        self.ukuran = QPlainTextEdit()
        self.ukuran.setTabChangesFocus(True)
        self.ukuran.setFixedHeight(TINGGI_URAIAN)
        self.ukuran.setPlaceholderText(_("Ukuran keberhasilan (pendekatan kualitatif)…"))

        self.iki = QTableWidget(0, N_COL_IKI)
        self.iki.setHorizontalHeaderLabels([_("Aspek"), _("Indikator"), _("Target"), _("Satuan")])
        self.iki.verticalHeader().setVisible(False)
        self.iki.setAlternatingRowColors(True)
        self.iki.setWordWrap(True)
        self.iki.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.iki.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The indicator takes the width and wraps; target and satuan as wide as their text.
        self.pas_iki = PasKolom(self.iki, pas=(COL_ASPEK, COL_TARGET, COL_SATUAN),
                                bobot={COL_INDIKATOR: 1})
        self.tombol_tambah_iki = QPushButton(_("+ Indikator"))
        self.tombol_hapus_iki = QPushButton(_("Hapus Indikator"))
        self.pesan = LabelPesan()

        form = QFormLayout()
        form.addRow(_("Jenis"), self.jenis)
        form.addRow(_("Uraian RHK"), self.uraian)
        self.label_intervensi = QLabel(_("RHK pimpinan yang diintervensi"))
        self.label_intervensi.setWordWrap(True)
        intervensi = QVBoxLayout()
        intervensi.setContentsMargins(0, 0, 0, 0)
        intervensi.addWidget(self.intervensi)
        intervensi.addWidget(self.intervensi_penuh)
        form.addRow(self.label_intervensi, intervensi)
        self.label_perspektif = QLabel(_("Perspektif"))
        form.addRow(self.label_perspektif, self.perspektif)
        self.label_ukuran = QLabel(_("Ukuran keberhasilan"))
        form.addRow(self.label_ukuran, self.ukuran)

        kanan_form = QWidget()
        kanan_layout = QVBoxLayout(kanan_form)
        kanan_layout.setContentsMargins(8, 0, 0, 0)
        kanan_layout.addWidget(self.info_matriks)
        kanan_layout.addLayout(form)
        kanan_layout.addWidget(gaya.judul(_("Indikator Kinerja Individu dan Target"), 1.0))
        kanan_layout.addWidget(self.iki, 1)
        iki_tombol = QHBoxLayout()
        iki_tombol.addWidget(self.tombol_tambah_iki)
        iki_tombol.addWidget(self.tombol_hapus_iki)
        iki_tombol.addStretch(1)
        kanan_layout.addLayout(iki_tombol)
        kanan_layout.addWidget(self.pesan)

        self.kosong = QLabel(_("Belum ada RHK. Tambahkan RHK Utama dengan tombol di kiri."))
        self.kosong.setObjectName("kosong")
        self.kosong.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.kosong.setWordWrap(True)
        self.kanan = QStackedWidget()
        self.kanan.addWidget(self.kosong)
        self.kanan.addWidget(kanan_form)

        split = QSplitter()
        split.addWidget(kiri)
        split.addWidget(self.kanan)
        split.setStretchFactor(1, 1)
        split.setSizes([LEBAR_DAFTAR, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

        self.daftar.currentRowChanged.connect(self._on_daftar_currentRowChanged)
        self.tombol_utama.clicked.connect(self._on_tombol_utama_clicked)
        self.tombol_tambahan.clicked.connect(self._on_tombol_tambahan_clicked)
        self.tombol_hapus.clicked.connect(self._on_tombol_hapus_clicked)
        self.jenis.currentIndexChanged.connect(self._on_form_changed)
        self.uraian.textChanged.connect(self._on_form_changed)
        self.intervensi.currentIndexChanged.connect(self._on_form_changed)
        self.intervensi.currentIndexChanged.connect(self._atur_intervensi_penuh)
        self.perspektif.currentIndexChanged.connect(self._on_form_changed)
        self.ukuran.textChanged.connect(self._on_form_changed)
        self.iki.itemChanged.connect(self._on_iki_itemChanged)
        self.tombol_tambah_iki.clicked.connect(self._on_tombol_tambah_iki_clicked)
        self.tombol_hapus_iki.clicked.connect(self._on_tombol_hapus_iki_clicked)

    # --- loading and reading ------------------------------------------------------------------

    def muat(
        self,
        rows: list[IsianRHK],
        *,
        pilihan_intervensi: list[tuple[uuid.UUID, str]],
        dari_matriks: set[uuid.UUID],
        jpt: bool,
        kualitatif: bool,
        dapat_diubah: bool,
    ) -> None:
        chosen = self._sekarang()
        # After a save the same RHK stays selected (a new one is found by its text).
        keep = (chosen.id, chosen.jenis, " ".join(chosen.uraian.split())) if chosen else None
        self._memuat = True
        self._rows = [
            _Rhk(
                jenis=r.jenis,
                uraian=r.uraian,
                iki=[_Iki(k.aspek, k.indikator, k.target, k.satuan, k.id) for k in r.iki],
                ukuran_keberhasilan=r.ukuran_keberhasilan,
                intervensi_id=r.intervensi_id,
                penugasan=r.penugasan,
                perspektif=r.perspektif,
                id=r.id,
                dari_matriks=r.id in dari_matriks,
            )
            for r in rows
        ]
        self._urutkan()
        self._dapat_diubah = dapat_diubah
        self._jpt = jpt
        self._kualitatif = kualitatif
        self._galat = {}
        self.intervensi.clear()
        self.intervensi.addItem(_("— belum ditautkan —"), None)
        for rid, label in pilihan_intervensi:
            self.intervensi.addItem(label, rid)
            self.intervensi.setItemData(
                self.intervensi.count() - 1, label, Qt.ItemDataRole.ToolTipRole
            )
        for w in (self.tombol_utama, self.tombol_tambahan, self.tombol_hapus):
            w.setVisible(dapat_diubah)
        self.tombol_tambah_iki.setVisible(dapat_diubah)
        self.tombol_hapus_iki.setVisible(dapat_diubah)
        self.label_perspektif.setVisible(jpt)
        self.perspektif.setVisible(jpt)
        self.label_ukuran.setVisible(kualitatif)
        self.ukuran.setVisible(kualitatif)
        self.pesan.bersihkan()
        self._memuat = False
        self._isi_daftar(self._indeks_sama(keep) if self._rows else -1)

    def _indeks_sama(self, keep: tuple[uuid.UUID | None, str, str] | None) -> int:
        if keep is None:
            return 0
        rid, jenis, uraian = keep
        for i, r in enumerate(self._rows):
            if rid is not None and r.id == rid:
                return i
        for i, r in enumerate(self._rows):
            if r.jenis == jenis and " ".join(r.uraian.split()) == uraian:
                return i
        return 0

    def set_kualitatif(self, kualitatif: bool) -> None:
        self._kualitatif = kualitatif
        self.label_ukuran.setVisible(kualitatif)
        self.ukuran.setVisible(kualitatif)

    def isian(self) -> list[IsianRHK]:
        return [
            IsianRHK(
                jenis=r.jenis,
                uraian=r.uraian,
                iki=[IsianIKI(k.aspek, k.indikator, k.target, k.satuan, id=k.id) for k in r.iki],
                ukuran_keberhasilan=r.ukuran_keberhasilan,
                intervensi_id=r.intervensi_id,
                penugasan=r.penugasan,
                perspektif=r.perspektif,
                id=r.id,
            )
            for r in self._rows
        ]

    def jumlah(self) -> int:
        return len(self._rows)

    # --- errors from the service --------------------------------------------------------------

    def tampilkan_galat(self, errors: dict[str, str]) -> list[str]:
        """Mark the rows and cells named by ``rhk.<i>…`` keys; return the messages left over."""
        self._galat = {}
        rest = []
        for key, message in errors.items():
            match = _KUNCI_RHK.match(key)
            if match is None:
                rest.append(message)
                continue
            self._galat.setdefault(int(match.group(1)), {})[match.group(2) or ""] = message
        self._isi_daftar(min(self._galat) if self._galat else self.daftar.currentRow())
        return rest

    def bersihkan_galat(self) -> None:
        self._galat = {}
        self._isi_daftar(self.daftar.currentRow())

    # --- the list ------------------------------------------------------------------------------

    def _urutkan(self) -> None:
        # Utama rows first, as on the form; the order within each kind is kept.
        self._rows.sort(key=lambda r: r.jenis != JenisRHK.UTAMA)

    def _judul_baris(self, i: int) -> str:
        r = self._rows[i]
        same = [x for x in self._rows[: i + 1] if x.jenis == r.jenis]
        kind = _("Utama") if r.jenis == JenisRHK.UTAMA else _("Tambahan")
        uraian = " ".join(r.uraian.split()) or _("(uraian belum diisi)")
        return f"{kind} {len(same)}. {uraian}"

    def _isi_daftar(self, pilih: int) -> None:
        self._memuat = True
        self.daftar.clear()
        for i in range(len(self._rows)):
            item = QListWidgetItem(self._judul_baris(i))
            if i in self._galat:
                item.setForeground(QBrush(QColor(gaya.MERAH)))
                item.setToolTip("\n".join(self._galat[i].values()))
            self.daftar.addItem(item)
        self._memuat = False
        if self._rows:
            self.daftar.setCurrentRow(max(0, min(pilih, len(self._rows) - 1)))
            self._isi_form()
        else:
            self.kanan.setCurrentIndex(HALAMAN_KOSONG)
        self.tombol_hapus.setEnabled(bool(self._rows))

    def _sekarang(self) -> _Rhk | None:
        i = self.daftar.currentRow()
        return self._rows[i] if 0 <= i < len(self._rows) else None

    def _on_daftar_currentRowChanged(self, _row: int) -> None:
        if not self._memuat:
            self._isi_form()

    def _tambah(self, jenis: JenisRHK) -> None:
        row = _Rhk(jenis=jenis.value, iki=[_Iki()])
        self._rows.append(row)
        self._urutkan()
        self._isi_daftar(self._rows.index(row))
        self.uraian.setFocus()
        self.diubah.emit()

    def _on_tombol_utama_clicked(self) -> None:
        self._tambah(JenisRHK.UTAMA)

    def _on_tombol_tambahan_clicked(self) -> None:
        self._tambah(JenisRHK.TAMBAHAN)

    def _on_tombol_hapus_clicked(self) -> None:
        i = self.daftar.currentRow()
        if not 0 <= i < len(self._rows):
            return
        if self._rows[i].dari_matriks:
            self.pesan.galat(
                _(
                    "RHK dari matriks peran hasil tidak dapat dihapus di sini; minta pejabat "
                    "penilai mengubah matriksnya."
                )
            )
            return
        del self._rows[i]
        self._galat = {}
        self._isi_daftar(i)
        self.diubah.emit()

    # --- the form of one RHK ------------------------------------------------------------------

    def _isi_form(self) -> None:
        row = self._sekarang()
        if row is None:
            self.kanan.setCurrentIndex(HALAMAN_KOSONG)
            return
        self.kanan.setCurrentIndex(HALAMAN_FORM)
        self._memuat = True
        locked = row.dari_matriks or not self._dapat_diubah
        self.info_matriks.setVisible(row.dari_matriks)
        self.info_matriks.setText(
            _(
                "RHK ini berasal dari matriks peran hasil pejabat penilai: uraian dan "
                "tautannya ditetapkan atasan. Isi indikator dan targetnya."
            )
            if self._dapat_diubah
            else _("RHK ini berasal dari matriks peran hasil pejabat penilai.")
        )
        self.jenis.setCurrentIndex(max(0, self.jenis.findData(row.jenis)))
        self.uraian.setPlainText(row.uraian)
        index = 0
        for n in range(self.intervensi.count()):
            if self.intervensi.itemData(n) == row.intervensi_id:
                index = n
        self.intervensi.setCurrentIndex(index)
        self.perspektif.setCurrentIndex(max(0, self.perspektif.findData(row.perspektif)))
        self.ukuran.setPlainText(row.ukuran_keberhasilan)
        self.jenis.setEnabled(not locked)
        self.uraian.setReadOnly(locked)
        self.intervensi.setEnabled(not locked)
        self.perspektif.setEnabled(self._dapat_diubah)
        self.ukuran.setReadOnly(not self._dapat_diubah)
        self.iki.setRowCount(0)
        for k in row.iki:
            self._baris_iki(k)
        self.iki.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            if self._dapat_diubah
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        self.pas_iki.atur()
        self._memuat = False
        self._tandai_iki()

    def _baris_iki(self, k: _Iki) -> None:
        n = self.iki.rowCount()
        self.iki.insertRow(n)
        aspek = QComboBox()
        for a in Aspek:
            aspek.addItem(a.label, a.value)
        aspek.setCurrentIndex(max(0, aspek.findData(k.aspek)))
        aspek.setEnabled(self._dapat_diubah)
        aspek.currentIndexChanged.connect(self._on_aspek_changed)
        self.iki.setCellWidget(n, COL_ASPEK, aspek)
        self.iki.setItem(n, COL_INDIKATOR, QTableWidgetItem(k.indikator))
        target = QTableWidgetItem(k.target)
        target.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.iki.setItem(n, COL_TARGET, target)
        self.iki.setItem(n, COL_SATUAN, QTableWidgetItem(k.satuan))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.intervensi and event.type() == QEvent.Type.Resize:
            self._atur_intervensi_penuh()
        return super().eventFilter(watched, event)

    def _atur_intervensi_penuh(self) -> None:
        """Show the chosen RHK pimpinan whole under the combo when the combo cuts it."""
        text = self.intervensi.currentText() if self.intervensi.currentData() else ""
        # The combo's own frame and arrow take some 40 pixels of its width.
        cut = bool(text) and (
            self.intervensi.fontMetrics().horizontalAdvance(text) > self.intervensi.width() - 40)
        self.intervensi_penuh.setText(text if cut else "")
        self.intervensi_penuh.setVisible(cut)
        self.intervensi.setToolTip(text)

    def _on_form_changed(self) -> None:
        row = self._sekarang()
        if self._memuat or row is None or not self._dapat_diubah:
            return
        if not row.dari_matriks:
            jenis = self.jenis.currentData()
            row.uraian = self.uraian.toPlainText()
            row.intervensi_id = self.intervensi.currentData()
            if jenis != row.jenis:
                row.jenis = jenis
                self._urutkan()
                self._isi_daftar(self._rows.index(row))
        row.perspektif = self.perspektif.currentData() or ""
        row.ukuran_keberhasilan = self.ukuran.toPlainText()
        item = self.daftar.currentItem()
        if item is not None:
            item.setText(self._judul_baris(self._rows.index(row)))
        self.diubah.emit()

    def _on_aspek_changed(self) -> None:
        row = self._sekarang()
        if self._memuat or row is None:
            return
        for n, k in enumerate(row.iki):
            combo = self.iki.cellWidget(n, COL_ASPEK)
            if isinstance(combo, QComboBox):
                k.aspek = combo.currentData()
        self.diubah.emit()

    def _on_iki_itemChanged(self, item: QTableWidgetItem) -> None:
        row = self._sekarang()
        if self._memuat or row is None or item.row() >= len(row.iki):
            return
        k = row.iki[item.row()]
        value = item.text()
        if item.column() == COL_INDIKATOR:
            k.indikator = value
        elif item.column() == COL_TARGET:
            k.target = value
        elif item.column() == COL_SATUAN:
            k.satuan = value
        if item.column() in (COL_TARGET, COL_SATUAN):
            # The service's verdict on this cell is stale once the person retypes it.
            self._galat.get(self._rows.index(row), {}).pop(f"iki.{item.row()}.target", None)
        self._tandai_iki()
        self.diubah.emit()

    def _tandai_iki(self) -> None:
        """Inline validation: a bad target is marked in its cell and named under the table."""
        row = self._sekarang()
        if row is None:
            return
        i = self._rows.index(row)
        from_service = self._galat.get(i, {})
        messages = []
        self._memuat = True
        for n, k in enumerate(row.iki):
            fault = pesan_target(k.target, k.satuan) or from_service.get(f"iki.{n}.target", "")
            for col in (COL_TARGET, COL_SATUAN):
                cell = self.iki.item(n, col)
                if cell is None:
                    continue
                bad = bool(fault) and (col == COL_TARGET or "Satuan" in fault)
                cell.setBackground(QBrush(LATAR_GALAT) if bad else QBrush())
                cell.setToolTip(fault if bad else "")
            if fault:
                messages.append(_("Indikator {n}: {pesan}").format(n=n + 1, pesan=fault))
        self._memuat = False
        for key, message in from_service.items():
            if not key.startswith("iki.") or not key.endswith(".target"):
                messages.append(message)
        if messages:
            self.pesan.galat("\n".join(dict.fromkeys(messages)))
        else:
            self.pesan.bersihkan()

    def _on_tombol_tambah_iki_clicked(self) -> None:
        row = self._sekarang()
        if row is None:
            return
        k = _Iki()
        row.iki.append(k)
        self._memuat = True
        self._baris_iki(k)
        self._memuat = False
        self.iki.setCurrentCell(len(row.iki) - 1, COL_INDIKATOR)
        self.iki.setFocus()
        self.diubah.emit()

    def _on_tombol_hapus_iki_clicked(self) -> None:
        row = self._sekarang()
        n = self.iki.currentRow()
        if row is None or not 0 <= n < len(row.iki):
            return
        del row.iki[n]
        self._isi_form()
        self.diubah.emit()

    def adalah_galat_target(self) -> bool:
        """True while any typed target is not a number (saving would be refused)."""
        return any(pesan_target(k.target, k.satuan) for r in self._rows for k in r.iki)
