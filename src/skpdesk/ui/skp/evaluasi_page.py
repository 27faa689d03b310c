"""One SKP's evaluation for one period: realisasi with bukti dukung, umpan balik, ratings, predikat.

The pegawai fills the realisasi; the pejabat penilai gives umpan balik and rates; the atasan
pejabat penilai decides a keberatan. What is editable and which buttons appear are asked of the
services, which ask the evaluation's workflow table.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain.aturan import Rating
from skpdesk.domain.berakhlak import BERAKHLAK
from skpdesk.domain.entitas import Entitas
from skpdesk.domain.evaluasi import (
    STATUS_KEPUTUSAN_KEBERATAN,
    STATUS_PENILAIAN_DAPAT_DIUBAH,
    STATUS_REALISASI_DAPAT_DIUBAH,
)
from skpdesk.domain.scoring import predikat_kinerja
from skpdesk.domain.workflow import Pihak, Transisi
from skpdesk.i18n import _
from skpdesk.services import evaluasi as ev_service
from skpdesk.services import skp as skp_service
from skpdesk.services.context import Aktor, now
from skpdesk.ui.bersama import aksi, gaya
from skpdesk.ui.bersama.bus import bus
from skpdesk.ui.bersama.pertukaran import TombolKirim
from skpdesk.ui.bersama.rantai import BarisAksi, KotakCatatan, TabelRiwayat
from skpdesk.ui.bersama.versi import BilahMuatUlang, Dilihat
from skpdesk.ui.bersama.widgets import LabelPesan, tombol_primer
from skpdesk.ui.skp.bukti_dialog import BuktiDialog

if TYPE_CHECKING:
    from skpdesk.store.models import Evaluasi

COL_RHK = 0
COL_IKI = 1
COL_TARGET = 2
COL_REALISASI = 3
COL_KETERANGAN = 4
COL_UMPAN_BALIK = 5
COL_BUKTI = 6
N_COL = 7

HAL_KOSONG = 0
HAL_EVALUASI = 1

# The workflow's actions that have their own widgets on this page instead of a plain button.
AKSI_SENDIRI = frozenset({"isi_realisasi", "nilai"})

# Evaluation statuses share the SKP chain's colours where the meaning is the same.
WARNA_EVALUASI = {
    "BELUM_DIISI": "DRAFT",
    "DIISI": "DRAFT",
    "DIAJUKAN": "DIAJUKAN",
    "DINILAI": "DIAJUKAN",
    "FINAL": "DISETUJUI",
    "KEBERATAN": "PERLU_REVISI",
    "DITANGGAPI": "PERLU_REVISI",
    "DIPUTUS": "DISETUJUI",
    "DICETAK": "DICETAK",
    "DITANDATANGANI": "DITANDATANGANI",
    "DIKIRIM_BKPSDM": "DIKIRIM_BKPSDM",
    "DIGANDAKAN": "DITANDATANGANI",
    "DIARSIPKAN": "DIARSIPKAN",
}


def _combo_rating() -> QComboBox:
    combo = QComboBox()
    combo.addItem(_("— belum dinilai —"), None)
    for r in Rating:
        combo.addItem(r.label, r.value)
    return combo


def _sel(teks_sel: str, editable: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(teks_sel)
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    if editable:
        flags |= Qt.ItemFlag.ItemIsEditable
    item.setFlags(flags)
    return item


class EvaluasiPage(QWidget):
    """The evaluation of the SKP shown, for the period chosen at the top."""

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self._skp_id: uuid.UUID | None = None
        self._ev: Evaluasi | None = None
        self._memuat = False
        self._realisasi_ids: list[uuid.UUID | None] = []
        self._iki_ids: list[uuid.UUID] = []

        self.periode = QComboBox()
        for p in ev_service.daftar_periode_kantor():
            self.periode.addItem(p.nama, p.kode)
        self.status = QLabel()
        atas = QHBoxLayout()
        atas.addWidget(QLabel(_("Periode")))
        atas.addWidget(self.periode)
        atas.addWidget(self.status)
        atas.addStretch(1)

        self.kosong = QLabel()
        self.kosong.setObjectName("kosong")
        self.kosong.setWordWrap(True)
        self.kosong.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tombol_mulai = tombol_primer(_("Mulai Evaluasi Periode Ini"))
        kosong = QWidget()
        kosong_layout = QVBoxLayout(kosong)
        kosong_layout.addStretch(1)
        kosong_layout.addWidget(self.kosong)
        kosong_layout.addWidget(self.tombol_mulai, 0, Qt.AlignmentFlag.AlignHCenter)
        kosong_layout.addStretch(2)

        # The note of a return, a reopen or a keberatan, on top while it matters.
        self.kotak = KotakCatatan()
        self.catatan = self.kotak.isi

        self.pesan = LabelPesan()
        # The evaluation's version as shown; a change from an outdated view is refused.
        self.dilihat = Dilihat(Entitas.EVALUASI, aktor.akun_id, self)
        self.bilah_berubah = BilahMuatUlang(
            self.dilihat, self.muat_ulang, self._isian_tabel, self._terapkan_tabel
        )
        self.aksi = BarisAksi(
            lambda t, note: self.dilihat.jalankan(lambda: self._layanan(t)(note)),
            self.pesan,
            umumkan=(Entitas.EVALUASI,),
            pertanyaan=self._pertanyaan,
            prasyarat=lambda t: ev_service.prasyarat(self._ev, t),
        )
        self.aksi.dijalankan.connect(self._on_aksi_dijalankan)
        # A package of this evaluation for the other party's laptop.
        self.tombol_kirim = TombolKirim(aktor, self._rekaman_kirim, self.pesan,
                                        _("Kirim Evaluasi…"))
        baris_aksi = QHBoxLayout()
        baris_aksi.addWidget(self.aksi)
        baris_aksi.addWidget(self.tombol_kirim)
        baris_aksi.addStretch(1)

        # Hasil kerja: one row per IKI.
        self.tabel = QTableWidget(0, N_COL)
        self.tabel.setHorizontalHeaderLabels(
            [
                _("RHK"),
                _("Indikator"),
                _("Target"),
                _("Realisasi"),
                _("Keterangan"),
                _("Umpan Balik Penilai"),
                _("Bukti"),
            ]
        )
        self.tabel.verticalHeader().setVisible(False)
        self.tabel.setWordWrap(True)
        self.tabel.setAlternatingRowColors(True)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tabel.horizontalHeader()
        for col in (COL_RHK, COL_IKI, COL_KETERANGAN, COL_UMPAN_BALIK):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        for col in (COL_TARGET, COL_REALISASI, COL_BUKTI):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.tombol_simpan_realisasi = tombol_primer(_("Simpan Realisasi"))
        self.tombol_berkas = QPushButton(_("Lampirkan Berkas…"))
        self.tombol_tautan = QPushButton(_("Tambah Tautan…"))
        # Everyone who sees the evaluation may look at its evidence; the pegawai may remove it.
        self.tombol_bukti = QPushButton(_("Lihat Bukti…"))
        self.tombol_bukti.setToolTip(_("Lihat, buka atau hapus bukti dukung baris terpilih "
                                       "(atau klik dua kali kolom Bukti)"))
        self.tombol_simpan_umpan = tombol_primer(_("Simpan Umpan Balik"))
        hasil = QWidget()
        hasil_layout = QVBoxLayout(hasil)
        hasil_layout.setContentsMargins(0, 4, 0, 0)
        hasil_layout.addWidget(self.tabel, 1)
        tombol = QHBoxLayout()
        tombol.addWidget(self.tombol_bukti)
        tombol.addWidget(self.tombol_berkas)
        tombol.addWidget(self.tombol_tautan)
        tombol.addStretch(1)
        tombol.addWidget(self.tombol_simpan_umpan)
        tombol.addWidget(self.tombol_simpan_realisasi)
        hasil_layout.addLayout(tombol)

        # Perilaku kerja: umpan balik per BerAKHLAK value.
        self.perilaku = QTableWidget(len(BERAKHLAK), 2)
        self.perilaku.setHorizontalHeaderLabels([_("Perilaku Kerja"), _("Umpan Balik Penilai")])
        self.perilaku.verticalHeader().setVisible(False)
        self.perilaku.setWordWrap(True)
        ph = self.perilaku.horizontalHeader()
        ph.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        ph.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tombol_simpan_perilaku = tombol_primer(_("Simpan Umpan Balik Perilaku"))
        perilaku = QWidget()
        perilaku_layout = QVBoxLayout(perilaku)
        perilaku_layout.setContentsMargins(0, 4, 0, 0)
        perilaku_layout.addWidget(self.perilaku, 1)
        baris = QHBoxLayout()
        baris.addStretch(1)
        baris.addWidget(self.tombol_simpan_perilaku)
        perilaku_layout.addLayout(baris)

        # Ratings and predikat: the suggestion beside, the predikat computed live.
        self.rating_hk = _combo_rating()
        self.rating_pk = _combo_rating()
        self.saran = QLabel()
        self.saran.setWordWrap(True)
        self.saran.setProperty("peran", "info")
        self.predikat = QLabel()
        gaya.huruf_besar(self.predikat, gaya.SKALA_SUBJUDUL)
        self.tombol_nilai = tombol_primer(_("Simpan Penilaian"))
        self.riwayat = TabelRiwayat()
        form = QFormLayout()
        form.addRow(_("Rating hasil kerja"), self.rating_hk)
        form.addRow("", self.saran)
        form.addRow(_("Rating perilaku kerja"), self.rating_pk)
        form.addRow(_("Predikat kinerja"), self.predikat)
        penilaian = QWidget()
        penilaian_layout = QVBoxLayout(penilaian)
        penilaian_layout.setContentsMargins(0, 4, 0, 0)
        penilaian_layout.addLayout(form)
        baris_nilai = QHBoxLayout()
        baris_nilai.addStretch(1)
        baris_nilai.addWidget(self.tombol_nilai)
        penilaian_layout.addLayout(baris_nilai)
        penilaian_layout.addWidget(gaya.judul(_("Riwayat Evaluasi"), 1.0))
        penilaian_layout.addWidget(self.riwayat, 1)

        self.halaman = QTabWidget()
        self.halaman.setDocumentMode(True)
        self.halaman.addTab(hasil, _("Realisasi Hasil Kerja"))
        self.halaman.addTab(perilaku, _("Perilaku Kerja"))
        self.halaman.addTab(penilaian, _("Penilaian dan Riwayat"))

        isi = QWidget()
        isi_layout = QVBoxLayout(isi)
        isi_layout.setContentsMargins(0, 0, 0, 0)
        isi_layout.addWidget(self.kotak)
        isi_layout.addLayout(baris_aksi)
        isi_layout.addWidget(self.halaman, 1)
        self.tumpuk = QStackedWidget()
        self.tumpuk.addWidget(kosong)
        self.tumpuk.addWidget(isi)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(atas)
        layout.addWidget(self.pesan)
        layout.addWidget(self.bilah_berubah)
        layout.addWidget(self.tumpuk, 1)

        self.periode.currentIndexChanged.connect(self._on_periode_changed)
        self.tombol_mulai.clicked.connect(self._on_tombol_mulai_clicked)
        self.tombol_simpan_realisasi.clicked.connect(self._on_tombol_simpan_realisasi_clicked)
        self.tombol_simpan_umpan.clicked.connect(self._on_tombol_simpan_umpan_clicked)
        self.tombol_simpan_perilaku.clicked.connect(self._on_tombol_simpan_perilaku_clicked)
        self.tombol_berkas.clicked.connect(self._on_tombol_berkas_clicked)
        self.tombol_tautan.clicked.connect(self._on_tombol_tautan_clicked)
        self.tombol_bukti.clicked.connect(self._on_tombol_bukti_clicked)
        self.tabel.cellDoubleClicked.connect(self._on_tabel_cellDoubleClicked)
        self.tombol_nilai.clicked.connect(self._on_tombol_nilai_clicked)
        self.rating_hk.currentIndexChanged.connect(self._tampilkan_predikat)
        self.rating_pk.currentIndexChanged.connect(self._tampilkan_predikat)
        bus().data_changed.connect(self._on_bus_data_changed)

    # --- which evaluation -------------------------------------------------------------------

    @property
    def evaluasi(self) -> Evaluasi | None:
        return self._ev

    def tampilkan(self, skp_id: uuid.UUID | None, periode: str | None = None) -> None:
        if skp_id != self._skp_id and periode is None and skp_id is not None:
            periode = self._periode_awal(skp_id)
        self._skp_id = skp_id
        if periode is not None:
            index = self.periode.findData(periode)
            if index >= 0:
                self.periode.blockSignals(True)
                self.periode.setCurrentIndex(index)
                self.periode.blockSignals(False)
        self.muat_ulang()

    def _periode_awal(self, skp_id: uuid.UUID) -> str | None:
        """What waits on me first; else the period running today; else the year's last."""
        evaluations = ev_service.evaluasi_skp(skp_id)
        for ev in evaluations:
            if any(t.utama for t in ev_service.aksi_tersedia(self._aktor, ev)):
                return ev.periode
        skp = skp_service.cari(skp_id)
        periods = ev_service.daftar_periode_kantor()
        if skp is None or not periods:
            return None
        today = now().date()
        if skp.tahun == today.year:
            for p in periods:
                if p.bulan_awal <= today.month <= p.bulan_akhir:
                    return p.kode
        return periods[-1].kode

    def pilih_periode(self, kode: str) -> None:
        self.periode.setCurrentIndex(max(0, self.periode.findData(kode)))

    def _on_periode_changed(self) -> None:
        self.pesan.bersihkan()
        self.muat_ulang()

    def _cari(self) -> Evaluasi | None:
        if self._skp_id is None:
            return None
        kode = self.periode.currentData()
        for ev in ev_service.evaluasi_skp(self._skp_id):
            if ev.periode == kode:
                return ev
        return None

    def muat_ulang(self) -> None:
        self.bilah_berubah.tutup()
        found = self._cari()
        self.dilihat.baca(found.id if found is not None else None)
        # Read again after the version: a change in between then refuses a save, never lost.
        self._ev = ev_service.ambil(found.id) if found is not None else None
        if self._ev is None:
            self.status.setText("")
            self.status.setStyleSheet("")
            self.kosong.setText(
                _(
                    "Belum ada evaluasi {periode}. Mulailah setelah periode berjalan: pegawai "
                    "mengisi realisasi, pejabat penilai memberi umpan balik dan menilai."
                ).format(periode=self.periode.currentText())
            )
            self.tombol_mulai.setVisible(self._skp_id is not None)
            self.tumpuk.setCurrentIndex(HAL_KOSONG)
            return
        self._memuat = True
        ev = self._ev
        alur = ev_service.alur(ev)
        pihak = ev_service.pihak_pada(self._aktor, ev)
        self.status.setText(alur.label(ev.status))
        self.status.setStyleSheet(gaya.gaya_label_status(WARNA_EVALUASI.get(ev.status, "")))
        self.tumpuk.setCurrentIndex(HAL_EVALUASI)
        pegawai_isi = Pihak.PEGAWAI in pihak and ev.status in STATUS_REALISASI_DAPAT_DIUBAH
        penilai_isi = (
            Pihak.PEJABAT_PENILAI in pihak and ev.status in STATUS_PENILAIAN_DAPAT_DIUBAH
        )
        self._isi_tabel(ev, pegawai_isi, penilai_isi)
        self._isi_perilaku(ev, penilai_isi)
        # The atasan deciding a keberatan may set the ratings that follow from his decision.
        atasan_putus = (
            Pihak.ATASAN_PEJABAT_PENILAI in pihak and ev.status in STATUS_KEPUTUSAN_KEBERATAN
        )
        self._isi_penilaian(ev, penilai_isi or atasan_putus)
        self.riwayat.isi(ev_service.linimasa(ev), alur)
        self._isi_catatan(ev)
        self.aksi.isi(ev_service.aksi_tersedia(self._aktor, ev), lewati=AKSI_SENDIRI)
        self.tombol_kirim.setVisible(bool(pihak))
        for w in (self.tombol_simpan_realisasi, self.tombol_berkas, self.tombol_tautan):
            w.setVisible(pegawai_isi)
        self.tombol_simpan_umpan.setVisible(penilai_isi)
        self.tombol_simpan_perilaku.setVisible(penilai_isi)
        self.tombol_nilai.setVisible(penilai_isi)
        self._memuat = False

    def _isi_tabel(self, ev: Evaluasi, pegawai_isi: bool, penilai_isi: bool) -> None:
        rows = ev_service.realisasi_per_iki(ev)
        self.tabel.setRowCount(len(rows))
        self._iki_ids = [k.id for k, _r in rows]
        self._realisasi_ids = [r.id if r else None for _k, r in rows]
        for n, (iki, real) in enumerate(rows):
            bukti = ev_service.daftar_bukti(real) if real else []
            cells = {
                COL_RHK: _sel(" ".join(iki.rhk.uraian.split())),
                COL_IKI: _sel(f"{iki.aspek.capitalize()}: {iki.indikator}"),
                COL_TARGET: _sel(f"{iki.target_teks} {iki.satuan}".strip()),
                COL_REALISASI: _sel(real.realisasi_teks if real else "", pegawai_isi),
                COL_KETERANGAN: _sel(real.keterangan if real else "", pegawai_isi),
                COL_UMPAN_BALIK: _sel(
                    real.umpan_balik if real else "", penilai_isi and real is not None
                ),
                COL_BUKTI: _sel(str(len(bukti)) if bukti else "—"),
            }
            cells[COL_BUKTI].setToolTip("\n".join(b.nama_asli or b.url or "" for b in bukti))
            cells[COL_TARGET].setTextAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            cells[COL_REALISASI].setTextAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            for col, item in cells.items():
                self.tabel.setItem(n, col, item)
        self.tabel.resizeRowsToContents()

    def _isi_perilaku(self, ev: Evaluasi, penilai_isi: bool) -> None:
        feedback = ev_service.umpan_balik_perilaku_evaluasi(ev)
        for n, nilai in enumerate(BERAKHLAK):
            self.perilaku.setItem(n, 0, _sel(f"{nilai.nomor}. {nilai.nama}"))
            self.perilaku.setItem(n, 1, _sel(feedback.get(nilai.nomor, "") or "", penilai_isi))
        self.perilaku.resizeRowsToContents()

    def _isi_penilaian(self, ev: Evaluasi, penilai_isi: bool) -> None:
        self.rating_hk.setCurrentIndex(max(0, self.rating_hk.findData(ev.rating_hasil_kerja)))
        self.rating_pk.setCurrentIndex(max(0, self.rating_pk.findData(ev.rating_perilaku)))
        self.rating_hk.setEnabled(penilai_isi)
        self.rating_pk.setEnabled(penilai_isi)
        saran = ev_service.saran_rating(ev)
        if saran.rating is not None:
            self.saran.setText(
                _("Saran dari realisasi: {rating}. {alasan} (saran, tidak mengikat)").format(
                    rating=saran.rating.label, alasan=saran.alasan
                )
            )
        else:
            self.saran.setText(saran.alasan)
        self._tampilkan_predikat()

    def _tampilkan_predikat(self) -> None:
        hk, pk = self.rating_hk.currentData(), self.rating_pk.currentData()
        if hk is None or pk is None:
            self.predikat.setText(_("(menunggu kedua rating)"))
            return
        self.predikat.setText(predikat_kinerja(Rating(hk), Rating(pk)).label)

    def _isi_catatan(self, ev: Evaluasi) -> None:
        keberatan = ev_service.keberatan_terakhir(ev)
        if keberatan is None:
            # A return to the pegawai, to the penilai, or a reopened final evaluation: the
            # service's chain knows which steps send it back (docs/domain.md §3).
            self.kotak.tampilkan_pengembalian(ev_service.catatan_pengembalian(ev))
            return
        lines = [_("Keberatan pegawai: {t}").format(t=keberatan.alasan)]
        if keberatan.tanggapan:
            lines.append(_("Tanggapan pejabat penilai: {t}").format(t=keberatan.tanggapan))
        if keberatan.keputusan:
            lines.append(_("Keputusan atasan pejabat penilai: {t}").format(t=keberatan.keputusan))
        self.kotak.tampilkan("", "\n".join(lines))

    @property
    def tombol_aksi(self) -> dict[str, QPushButton]:
        """The workflow buttons shown now, by action."""
        return self.aksi.tombol

    # --- actions --------------------------------------------------------------------------------

    # The typed cells kept across a reload: realisasi, keterangan and umpan balik by IKI.
    _KOLOM_KETIK = (COL_REALISASI, COL_KETERANGAN, COL_UMPAN_BALIK)

    def _isian_tabel(self) -> dict[uuid.UUID, tuple[str, ...]] | None:
        if self._ev is None:
            return None
        typed = {}
        for n, iki_id in enumerate(self._iki_ids):
            cells = tuple(
                (self.tabel.item(n, c).text() if self.tabel.item(n, c) else "")
                for c in self._KOLOM_KETIK
            )
            typed[iki_id] = cells
        return typed

    def _terapkan_tabel(self, typed: dict[uuid.UUID, tuple[str, ...]]) -> None:
        for n, iki_id in enumerate(self._iki_ids):
            for c, text in zip(self._KOLOM_KETIK, typed.get(iki_id, ()), strict=False):
                item = self.tabel.item(n, c)
                if item is not None and item.flags() & Qt.ItemFlag.ItemIsEditable:
                    item.setText(text)
        self.pesan.info(_("Isian Anda diterapkan lagi di atas data terbaru. Periksa, lalu simpan."))

    def _rekaman_kirim(self) -> tuple[Entitas, uuid.UUID] | None:
        return (Entitas.EVALUASI, self._ev.id) if self._ev is not None else None

    def _selesai(self, teks_sukses: str) -> None:
        self.muat_ulang()
        self.pesan.sukses(teks_sukses)

    def _coba(self, fungsi) -> bool:
        """Run a service call of this page: a refusal above the page, the change announced."""
        return aksi.berhasil(lambda: self.dilihat.jalankan(fungsi), self.pesan,
                             umumkan=Entitas.EVALUASI)

    def _on_tombol_mulai_clicked(self) -> None:
        if self._skp_id is None:
            return
        skp_id, kode = self._skp_id, self.periode.currentData()
        if self._coba(lambda: ev_service.buka_evaluasi(self._aktor, skp_id, kode)):
            self._selesai(_("Evaluasi {p} dimulai.").format(p=self.periode.currentText()))

    def _on_tombol_simpan_realisasi_clicked(self) -> None:
        if self._ev is None:
            return
        ev_id = self._ev.id
        saved = 0
        row = 0

        def simpan() -> None:
            nonlocal saved, row
            for n, iki_id in enumerate(self._iki_ids):
                row = n
                text = self.tabel.item(n, COL_REALISASI).text().strip()
                note = self.tabel.item(n, COL_KETERANGAN).text().strip()
                if not text and self._realisasi_ids[n] is None:
                    continue
                ev_service.isi_realisasi(self._aktor, ev_id, iki_id, text, note)
                saved += 1

        def galat(exc: BaseException) -> None:
            self.pesan.galat(str(exc))
            self.tabel.setCurrentCell(row, COL_REALISASI)  # the row the service refused

        if aksi.berhasil(lambda: self.dilihat.jalankan(simpan), galat,
                         umumkan=Entitas.EVALUASI):
            self._selesai(_("{n} realisasi tersimpan.").format(n=saved))

    def _on_tombol_simpan_umpan_clicked(self) -> None:
        rows = [
            (rid, self.tabel.item(n, COL_UMPAN_BALIK).text())
            for n, rid in enumerate(self._realisasi_ids)
            if rid is not None
        ]

        def simpan() -> None:
            for rid, text in rows:
                ev_service.umpan_balik_iki(self._aktor, rid, text)

        if self._coba(simpan):
            self._selesai(_("Umpan balik tersimpan."))

    def _on_tombol_simpan_perilaku_clicked(self) -> None:
        if self._ev is None:
            return
        ev_id = self._ev.id
        rows = [(nilai.nomor, self.perilaku.item(n, 1).text()) for n, nilai in enumerate(BERAKHLAK)]

        def simpan() -> None:
            for nomor, text in rows:
                ev_service.umpan_balik_perilaku(self._aktor, ev_id, nomor, text)

        if self._coba(simpan):
            self._selesai(_("Umpan balik perilaku tersimpan."))

    def _realisasi_terpilih(self) -> uuid.UUID | None:
        n = self.tabel.currentRow()
        rid = self._realisasi_ids[n] if 0 <= n < len(self._realisasi_ids) else None
        if rid is None:
            self.pesan.galat(
                _("Pilih baris IKI yang realisasinya sudah disimpan, lalu lampirkan buktinya.")
            )
        return rid

    def pilih_berkas(self) -> str:
        """Ask for a bukti dukung file; a seam for tests."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Pilih berkas bukti dukung"),
            str(Path.home()),
            _("Bukti dukung (*.pdf *.jpg *.jpeg *.png *.docx *.xlsx)"),
        )
        return path

    def minta_tautan(self) -> str:
        """Ask for a link; a seam for tests."""
        text, ok = QInputDialog.getText(
            self, _("Tautan bukti dukung"), _("Alamat tautan (https://…)")
        )
        return text if ok else ""

    def _on_tombol_berkas_clicked(self) -> None:
        rid = self._realisasi_terpilih()
        if rid is None:
            return
        path = self.pilih_berkas()
        if not path:
            return
        if self._coba(lambda: ev_service.lampirkan_berkas(self._aktor, rid, path)):
            self._selesai(_("Bukti dukung terlampir."))

    def _on_tombol_tautan_clicked(self) -> None:
        rid = self._realisasi_terpilih()
        if rid is None:
            return
        url = self.minta_tautan()
        if not url:
            return
        if self._coba(lambda: ev_service.lampirkan_tautan(self._aktor, rid, url)):
            self._selesai(_("Tautan bukti dukung tersimpan."))

    def buka_bukti(self, dialog: BuktiDialog) -> None:
        """Show the evidence dialog; a seam for tests."""
        dialog.exec()

    def _on_tombol_bukti_clicked(self) -> None:
        n = self.tabel.currentRow()
        rid = self._realisasi_ids[n] if 0 <= n < len(self._realisasi_ids) else None
        if self._ev is None or rid is None:
            self.pesan.galat(_("Pilih baris IKI yang sudah berisi realisasi dan bukti dukung."))
            return
        self.pesan.bersihkan()
        dialog = BuktiDialog(
            self._aktor, rid, self.tabel.item(n, COL_IKI).text(),
            ev_service.boleh_ubah_bukti(self._aktor, self._ev), self,
        )
        self.buka_bukti(dialog)
        if dialog.berubah:
            self.muat_ulang()

    def _on_tabel_cellDoubleClicked(self, row: int, col: int) -> None:
        if col == COL_BUKTI:
            self.tabel.setCurrentCell(row, col)
            self._on_tombol_bukti_clicked()

    def _on_tombol_nilai_clicked(self) -> None:
        if self._ev is None:
            return
        hk, pk = self.rating_hk.currentData(), self.rating_pk.currentData()
        if hk is None or pk is None:
            self.pesan.galat(_("Pilih rating hasil kerja dan rating perilaku kerja."))
            return
        ev_id = self._ev.id
        if not self._coba(lambda: ev_service.nilai(self._aktor, ev_id, hk, pk)):
            return
        self._selesai(_("Penilaian tersimpan; predikat {p}.").format(p=self.predikat.text()))

    def _layanan(self, t: Transisi):
        """The service call of one action; actions with their own records have their own."""
        assert self._ev is not None
        ev_id = self._ev.id
        special = {
            "ajukan_keberatan": lambda note: ev_service.ajukan_keberatan(self._aktor, ev_id, note),
            "tanggapi_keberatan": lambda note: ev_service.tanggapi_keberatan(
                self._aktor, ev_id, note
            ),
            "putuskan_keberatan": lambda note: ev_service.putuskan_keberatan(
                self._aktor,
                ev_id,
                note,
                self.rating_hk.currentData(),
                self.rating_pk.currentData(),
            ),
            "sahkan_atasan": lambda _note: ev_service.sahkan(self._aktor, ev_id),
        }
        return special.get(
            t.aksi, lambda note: ev_service.jalankan(self._aktor, ev_id, t.aksi, note)
        )

    def _pertanyaan(self, t: Transisi) -> str:
        return {
            "putuskan_keberatan": _(
                "Tuliskan keputusan atas keberatan. Rating yang dipilih di halaman Penilaian "
                "menjadi rating setelah keputusan."
            ),
            "ajukan_keberatan": _("Tuliskan alasan keberatan Anda atas penilaian ini."),
        }.get(t.aksi, _("Tuliskan catatannya; catatan ini tersimpan di riwayat."))

    def _on_aksi_dijalankan(self, t: Transisi) -> None:
        if self._ev is None:
            return
        self._selesai(
            _("{aksi}: berhasil. Status sekarang {status}.").format(
                aksi=t.label, status=ev_service.alur(self._ev).label(t.ke)
            )
        )

    def _on_bus_data_changed(self, entitas: str) -> None:
        if entitas == Entitas.EVALUASI and not self._memuat and self.isVisible():
            self.muat_ulang()
