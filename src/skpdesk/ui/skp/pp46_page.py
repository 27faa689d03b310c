"""A PP 46/2011 SKP's score table: every number with the arithmetic that explains it."""

from __future__ import annotations

import uuid
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain.aturan import AspekPerilakuPP46, adalah_pp46
from skpdesk.domain.entitas import Entitas
from skpdesk.domain.format import angka
from skpdesk.domain.workflow import STATUS_DAPAT_DIUBAH, Pihak, StatusSKP
from skpdesk.i18n import _
from skpdesk.services import pp46 as pp46_service
from skpdesk.services import skp as skp_service
from skpdesk.services.context import Aktor
from skpdesk.ui.bersama import aksi, gaya
from skpdesk.ui.bersama.bus import bus
from skpdesk.ui.bersama.versi import BilahMuatUlang, Dilihat
from skpdesk.ui.bersama.widgets import LabelPesan, tombol_primer

# Kegiatan table columns: the official Penilaian Capaian SKP layout, target beside realisasi.
COL_KEGIATAN = 0
COL_TARGET = 1
COL_R_KUANTITAS = 2
COL_R_KUALITAS = 3
COL_R_WAKTU = 4
COL_R_BIAYA = 5
COL_PENGHITUNGAN = 6
COL_NILAI = 7
N_COL = 8

KOLOM_REALISASI = (COL_R_KUANTITAS, COL_R_KUALITAS, COL_R_WAKTU, COL_R_BIAYA)

# The kegiatan editor's columns, in the order of the Formulir SKP.
T_KEGIATAN = 0
T_AK = 1
T_KUANTITAS = 2
T_SATUAN = 3
T_KUALITAS = 4
T_WAKTU = 5
T_BIAYA = 6
N_COL_TARGET = 7


def _teks(nilai: Decimal | None, desimal: int | None = None) -> str:
    return "" if nilai is None else angka(nilai, desimal)


def _baca(teks_sel: str) -> str | None:
    return teks_sel.strip() or None


def _sel(teks_sel: str, editable: bool = False, kanan: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(teks_sel)
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    if editable:
        flags |= Qt.ItemFlag.ItemIsEditable
    item.setFlags(flags)
    if kanan:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


# The pegawai writes her kegiatan while she holds the pen (saving a returned SKP reopens it).
STATUS_DAPAT_DIISI = STATUS_DAPAT_DIUBAH | {StatusSKP.PERLU_REVISI}


class Pp46Page(QWidget):
    """Kegiatan with target, realisasi and nilai; perilaku; the totals; and the "why" of each."""

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self._skp_id: uuid.UUID | None = None
        self._kegiatan_ids: list[uuid.UUID] = []
        self._target_ids: list[uuid.UUID | None] = []
        self._penjelasan: dict[tuple[str, int], str] = {}

        self.kegiatan = QTableWidget(0, N_COL)
        self.kegiatan.setHorizontalHeaderLabels(
            [
                _("Kegiatan Tugas Jabatan"),
                _("Target (kuant · kual · waktu · biaya)"),
                _("Real. Kuant."),
                _("Real. Kual. %"),
                _("Real. Waktu"),
                _("Real. Biaya"),
                _("Penghitungan"),
                _("Nilai"),
            ]
        )
        self.kegiatan.verticalHeader().setVisible(False)
        self.kegiatan.setWordWrap(True)
        self.kegiatan.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.kegiatan.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        kh = self.kegiatan.horizontalHeader()
        kh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        kh.setSectionResizeMode(COL_KEGIATAN, QHeaderView.ResizeMode.Stretch)

        # While the SKP is a draft its pegawai writes the kegiatan and their targets (§4.1 III).
        self.target = QTableWidget(0, N_COL_TARGET)
        self.target.setHorizontalHeaderLabels(
            [
                _("Kegiatan Tugas Jabatan"),
                _("AK"),
                _("Kuant/Output"),
                _("Satuan"),
                _("Kual/Mutu (%)"),
                _("Waktu (bln)"),
                _("Biaya (Rp)"),
            ]
        )
        self.target.verticalHeader().setVisible(False)
        th = self.target.horizontalHeader()
        th.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        th.setSectionResizeMode(T_KEGIATAN, QHeaderView.ResizeMode.Stretch)
        self.tombol_tambah_kegiatan = QPushButton(_("+ Kegiatan"))
        self.tombol_hapus_kegiatan = QPushButton(_("Hapus Kegiatan"))
        self.tombol_simpan_target = tombol_primer(_("Simpan Target"))
        self.kotak_target = QWidget()
        target_layout = QVBoxLayout(self.kotak_target)
        target_layout.setContentsMargins(0, 0, 0, 0)
        target_layout.addWidget(gaya.judul(_("Formulir SKP: kegiatan dan target"), 1.0))
        target_layout.addWidget(self.target, 1)
        baris_target = QHBoxLayout()
        baris_target.addWidget(self.tombol_tambah_kegiatan)
        baris_target.addWidget(self.tombol_hapus_kegiatan)
        baris_target.addStretch(1)
        baris_target.addWidget(self.tombol_simpan_target)
        target_layout.addLayout(baris_target)

        self.perilaku = QTableWidget(len(AspekPerilakuPP46), 2)
        self.perilaku.setHorizontalHeaderLabels([_("Aspek Perilaku"), _("Nilai")])
        self.perilaku.verticalHeader().setVisible(False)
        self.perilaku.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.perilaku.horizontalHeader().setStretchLastSection(True)

        self.ringkasan = QTableWidget(4, 2)
        self.ringkasan.setHorizontalHeaderLabels([_("Unsur"), _("Nilai")])
        self.ringkasan.verticalHeader().setVisible(False)
        self.ringkasan.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ringkasan.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ringkasan.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.ringkasan.horizontalHeader().setStretchLastSection(True)

        self.penjelasan = QPlainTextEdit()
        self.penjelasan.setReadOnly(True)
        self.penjelasan.setPlaceholderText(
            _("Pilih sebuah nilai untuk melihat cara menghitungnya, langkah demi langkah.")
        )
        self.kekurangan = LabelPesan()
        self.pesan = LabelPesan()
        # The SKP's version as shown; a change from an outdated view is refused.
        self.dilihat = Dilihat(Entitas.SKP, aktor.akun_id, self)
        self.bilah_berubah = BilahMuatUlang(self.dilihat, self.muat_ulang)
        self.tombol_realisasi = tombol_primer(_("Simpan Realisasi"))
        self.tombol_perilaku = tombol_primer(_("Simpan Nilai Perilaku"))

        atas = QWidget()
        atas_layout = QVBoxLayout(atas)
        atas_layout.setContentsMargins(0, 0, 0, 0)
        atas_layout.addWidget(gaya.judul(_("Penilaian Capaian SKP (PP 46/2011)"), 1.0))
        atas_layout.addWidget(self.kegiatan, 1)
        baris = QHBoxLayout()
        baris.addWidget(self.kekurangan, 1)
        baris.addWidget(self.tombol_realisasi)
        atas_layout.addLayout(baris)

        bawah = QWidget()
        bawah_layout = QHBoxLayout(bawah)
        bawah_layout.setContentsMargins(0, 0, 0, 0)
        kolom_perilaku = QVBoxLayout()
        kolom_perilaku.addWidget(gaya.judul(_("Perilaku Kerja"), 1.0))
        kolom_perilaku.addWidget(self.perilaku, 1)
        kolom_perilaku.addWidget(self.tombol_perilaku, 0, Qt.AlignmentFlag.AlignRight)
        kolom_ringkas = QVBoxLayout()
        kolom_ringkas.addWidget(gaya.judul(_("Nilai Prestasi Kerja"), 1.0))
        kolom_ringkas.addWidget(self.ringkasan, 1)
        kolom_jelas = QVBoxLayout()
        kolom_jelas.addWidget(gaya.judul(_("Penjelasan"), 1.0))
        kolom_jelas.addWidget(self.penjelasan, 1)
        bawah_layout.addLayout(kolom_perilaku, 2)
        bawah_layout.addLayout(kolom_ringkas, 2)
        bawah_layout.addLayout(kolom_jelas, 3)

        # The kegiatan on top, the totals and the "why" of the chosen number below.
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.kotak_target)
        split.addWidget(atas)
        split.addWidget(bawah)
        # While drafting there is nothing to score yet: the kegiatan editor takes the page.
        self._bagian_nilai = (atas, bawah)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)
        layout.addWidget(self.pesan)
        layout.addWidget(self.bilah_berubah)

        self.kegiatan.currentCellChanged.connect(self._on_kegiatan_currentCellChanged)
        self.ringkasan.currentCellChanged.connect(self._on_ringkasan_currentCellChanged)
        self.tombol_realisasi.clicked.connect(self._on_tombol_realisasi_clicked)
        self.tombol_perilaku.clicked.connect(self._on_tombol_perilaku_clicked)
        self.tombol_tambah_kegiatan.clicked.connect(self._on_tombol_tambah_kegiatan_clicked)
        self.tombol_hapus_kegiatan.clicked.connect(self._on_tombol_hapus_kegiatan_clicked)
        self.tombol_simpan_target.clicked.connect(self._on_tombol_simpan_target_clicked)
        bus().data_changed.connect(self._on_bus_data_changed)

    def tampilkan(self, skp_id: uuid.UUID | None) -> None:
        self._skp_id = skp_id
        self.muat_ulang()

    def muat_ulang(self) -> None:
        self.bilah_berubah.tutup()
        self.dilihat.baca(self._skp_id)
        skp = skp_service.cari(self._skp_id)
        if skp is None or not adalah_pp46(skp.regime):
            return
        pihak = skp_service.pihak_pada(self._aktor, skp)
        approved = skp.status in pp46_service.STATUS_DISETUJUI
        isi_realisasi = approved and bool(pihak & pp46_service.PENGISI_REALISASI)
        isi_perilaku = approved and Pihak.PEJABAT_PENILAI in pihak
        isi_target = Pihak.PEGAWAI in pihak and skp.status in STATUS_DAPAT_DIISI
        self.kotak_target.setVisible(isi_target)
        for part in self._bagian_nilai:
            part.setVisible(not isi_target)
        if isi_target:
            self._isi_target(pp46_service.daftar_kegiatan(skp))
        hasil = pp46_service.hitung(skp.id)
        self._penjelasan = {}
        self._kegiatan_ids = [row.id for row, _h in hasil.kegiatan]
        self.kegiatan.setRowCount(len(hasil.kegiatan))
        for n, (row, h) in enumerate(hasil.kegiatan):
            target = _("{k} {s} · {q}% · {w} bln · {b}").format(
                k=_teks(row.target_kuantitas),
                s=row.satuan,
                q=_teks(row.target_kualitas),
                w=_teks(row.target_waktu),
                b=_teks(row.target_biaya) if row.target_biaya is not None else "-",
            )
            values = {
                COL_KEGIATAN: _sel(f"{n + 1}. {row.kegiatan}"),
                COL_TARGET: _sel(target),
                COL_R_KUANTITAS: _sel(_teks(row.realisasi_kuantitas), isi_realisasi, True),
                COL_R_KUALITAS: _sel(_teks(row.realisasi_kualitas), isi_realisasi, True),
                COL_R_WAKTU: _sel(_teks(row.realisasi_waktu), isi_realisasi, True),
                COL_R_BIAYA: _sel(_teks(row.realisasi_biaya), isi_realisasi, True),
                COL_PENGHITUNGAN: _sel(_teks(h.penghitungan, 2) if h else "", kanan=True),
                COL_NILAI: _sel(_teks(h.nilai_bulat, 2) if h else "", kanan=True),
            }
            for col, item in values.items():
                self.kegiatan.setItem(n, col, item)
            if h is not None:
                self._penjelasan[("kegiatan", n)] = h.teks
        self.kegiatan.resizeRowsToContents()

        aspects = [
            a
            for a in AspekPerilakuPP46
            if a is not AspekPerilakuPP46.KEPEMIMPINAN or hasil.struktural
        ]
        self.perilaku.setRowCount(len(aspects))
        self._aspek = aspects
        for n, a in enumerate(aspects):
            self.perilaku.setItem(n, 0, _sel(a.label))
            self.perilaku.setItem(n, 1, _sel(_teks(hasil.perilaku.get(a)), isi_perilaku, True))

        tambahan = hasil.capaian.nilai_tugas_tambahan if hasil.capaian else None
        kreatif = hasil.capaian.nilai_kreativitas if hasil.capaian else None
        rows = [
            (
                _("Nilai capaian SKP"),
                f"{_teks(hasil.nilai_capaian_skp, 2)} ({hasil.capaian.sebutan.label})"
                if hasil.capaian
                else "",
                hasil.capaian.teks if hasil.capaian else "",
            ),
            (
                _("Tugas tambahan / kreativitas"),
                f"{_teks(tambahan, 2)} / {_teks(kreatif, 2)}" if hasil.capaian else "",
                hasil.capaian.teks if hasil.capaian else "",
            ),
            (
                _("Nilai prestasi kerja"),
                _teks(hasil.nilai_prestasi_kerja, 2),
                hasil.prestasi.teks if hasil.prestasi else "",
            ),
            (
                _("Sebutan"),
                hasil.sebutan.label if hasil.sebutan else "",
                hasil.prestasi.teks if hasil.prestasi else "",
            ),
        ]
        for n, (label, value, why) in enumerate(rows):
            self.ringkasan.setItem(n, 0, _sel(label))
            self.ringkasan.setItem(n, 1, _sel(value, kanan=True))
            self._penjelasan[("ringkasan", n)] = why
        if hasil.kekurangan:
            self.kekurangan.info("\n".join(hasil.kekurangan))
        else:
            self.kekurangan.bersihkan()
        self.tombol_realisasi.setVisible(isi_realisasi)
        self.tombol_perilaku.setVisible(isi_perilaku)

    def _isi_target(self, rows) -> None:
        self._target_ids = [r.id for r in rows]
        self.target.setRowCount(0)
        for r in rows:
            self._baris_target(
                (
                    r.kegiatan,
                    _teks(r.angka_kredit),
                    _teks(r.target_kuantitas),
                    r.satuan,
                    _teks(r.target_kualitas),
                    _teks(r.target_waktu),
                    _teks(r.target_biaya),
                )
            )
        self.target.resizeRowsToContents()

    def _baris_target(self, values: tuple[str, ...]) -> None:
        n = self.target.rowCount()
        self.target.insertRow(n)
        for col, value in enumerate(values):
            self.target.setItem(n, col, _sel(value, True, col not in (T_KEGIATAN, T_SATUAN)))

    def _on_tombol_tambah_kegiatan_clicked(self) -> None:
        self._target_ids.append(None)
        self._baris_target(("", "", "", "", "100", "12", ""))
        self.target.setCurrentCell(self.target.rowCount() - 1, T_KEGIATAN)

    def _on_tombol_hapus_kegiatan_clicked(self) -> None:
        n = self.target.currentRow()
        if 0 <= n < self.target.rowCount():
            self.target.removeRow(n)
            del self._target_ids[n]

    def _on_tombol_simpan_target_clicked(self) -> None:
        if self._skp_id is None:
            return
        cell = lambda n, col: self.target.item(n, col).text()  # noqa: E731
        isian = [
            pp46_service.IsianKegiatan(
                kegiatan=cell(n, T_KEGIATAN),
                target_kuantitas=_baca(cell(n, T_KUANTITAS)),
                satuan=cell(n, T_SATUAN),
                target_kualitas=_baca(cell(n, T_KUALITAS)),
                target_waktu=_baca(cell(n, T_WAKTU)),
                target_biaya=_baca(cell(n, T_BIAYA)),
                angka_kredit=_baca(cell(n, T_AK)),
                id=self._target_ids[n],
            )
            for n in range(self.target.rowCount())
        ]
        if not aksi.berhasil(
            lambda: self.dilihat.jalankan(
                lambda: pp46_service.simpan_kegiatan(self._aktor, self._skp_id, isian)),
            self.pesan,
            umumkan=Entitas.SKP,
        ):
            return
        self.muat_ulang()
        self.pesan.sukses(_("Kegiatan dan target tersimpan."))

    def _on_kegiatan_currentCellChanged(self, row: int, *_args) -> None:
        self.penjelasan.setPlainText(self._penjelasan.get(("kegiatan", row), ""))

    def _on_ringkasan_currentCellChanged(self, row: int, *_args) -> None:
        self.penjelasan.setPlainText(self._penjelasan.get(("ringkasan", row), ""))

    def _on_tombol_realisasi_clicked(self) -> None:
        def simpan() -> None:
            for n, kegiatan_id in enumerate(self._kegiatan_ids):
                cells = [self.kegiatan.item(n, col).text() for col in KOLOM_REALISASI]
                if not any(c.strip() for c in cells):
                    continue
                pp46_service.isi_realisasi(
                    self._aktor,
                    kegiatan_id,
                    kuantitas=_baca(cells[0]),
                    kualitas=_baca(cells[1]),
                    waktu=_baca(cells[2]),
                    biaya=_baca(cells[3]),
                )

        if not aksi.berhasil(lambda: self.dilihat.jalankan(simpan), self.pesan,
                             umumkan=Entitas.SKP):
            return
        self.muat_ulang()
        self.pesan.sukses(_("Realisasi tersimpan; nilai dihitung ulang."))

    def _on_tombol_perilaku_clicked(self) -> None:
        if self._skp_id is None:
            return
        scores = {
            a: _baca(self.perilaku.item(n, 1).text()) for n, a in enumerate(self._aspek)
        }
        if not aksi.berhasil(
            lambda: self.dilihat.jalankan(
                lambda: pp46_service.nilai_perilaku(self._aktor, self._skp_id, scores)),
            self.pesan,
            umumkan=Entitas.SKP,
        ):
            return
        self.muat_ulang()
        self.pesan.sukses(_("Nilai perilaku tersimpan; nilai prestasi kerja dihitung ulang."))

    def _on_bus_data_changed(self, entitas: str) -> None:
        if entitas == Entitas.SKP and self._skp_id is not None and self.isVisible():
            self.muat_ulang()
