"""One PK's quarter: the Pengukuran Kinerja chain, its table and its history."""

from __future__ import annotations

import uuid
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from skpdesk.domain import format as fmt
from skpdesk.domain.entitas import Entitas
from skpdesk.domain.kepegawaian import Peran
from skpdesk.domain.pengukuran import ALUR_PENGUKURAN, PeranPK, StatusPengukuran, label_triwulan
from skpdesk.domain.workflow import Transisi
from skpdesk.i18n import _
from skpdesk.services import pengukuran as ps
from skpdesk.services.context import Aktor
from skpdesk.services.pengukuran import BarisPengukuran
from skpdesk.ui.bersama import aksi, gaya
from skpdesk.ui.bersama.bus import umumkan
from skpdesk.ui.bersama.kolom import PasKolom
from skpdesk.ui.bersama.pertukaran import TombolKirim
from skpdesk.ui.bersama.rantai import BarisAksi, KotakCatatan, TabelRiwayat
from skpdesk.ui.bersama.versi import BilahMuatUlang, Dilihat
from skpdesk.ui.bersama.widgets import (
    LabelPesan,
    baris_pesan,
    cari_data,
    combo_ringkas,
    tombol_primer,
)
from skpdesk.ui.perencanaan.mulai_dialog import MulaiDialog
from skpdesk.ui.perencanaan.umum import ROLE_ID, buat_tabel, sel, warnai
from skpdesk.ui.skp.model import lama

if TYPE_CHECKING:
    from skpdesk.store.models import PengukuranKinerja, PerjanjianKinerja

S = StatusPengukuran
(COL_NO, COL_INDIKATOR, COL_PENGISI, COL_TARGET, COL_REALISASI, COL_CAPAIAN, COL_KATEGORI,
 COL_KUMULATIF, COL_CAPAIAN_KUM, COL_KENDALA, COL_RTL) = range(11)


def _angka(value: Decimal | None, desimal: int | None = None) -> str:
    return fmt.angka(value, desimal) if value is not None else "–"


def _kunci_status(pengukuran: PengukuranKinerja) -> str:
    """The shared status colours: amber while it moves, red when sent back, green once ratified."""
    if pengukuran.status in (S.DIKIRIM, S.TERDOKUMENTASI):
        return "DIARSIPKAN"
    if pengukuran.status in (S.DITANDATANGANI, S.DISAHKAN_CAMAT, S.PENGANTAR_DITUGASKAN):
        return "DITANDATANGANI"
    if ps.catatan_pengembalian(pengukuran) is not None:
        return "PERLU_REVISI"
    return "DIAJUKAN"


class PengukuranPage(QWidget):
    """One PK's quarter: where the chain stands, whose move it is, the measurement table."""

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aktor = aktor
        self._pengukuran_id: uuid.UUID | None = None
        self._rows: list[BarisPengukuran] = []
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
        # The measurement's version as shown; a change from an outdated view is refused.
        self.dilihat = Dilihat(Entitas.PENGUKURAN_KINERJA, aktor.akun_id, self)
        self.bilah_berubah = BilahMuatUlang(
            self.dilihat, self.muat_ulang, self._isian_baris, self._terapkan_baris
        )
        self.status = QLabel()
        self.giliran = QLabel()
        self.giliran.setWordWrap(True)
        self.terlambat = QLabel()
        self.terlambat.setWordWrap(True)
        self.disposisi = QLabel()
        self.disposisi.setWordWrap(True)
        self.disposisi.setProperty("peran", "info")
        self.kotak_kembali = KotakCatatan()
        self.catatan_kembali = self.kotak_kembali.isi
        self.catatan = QLineEdit()
        self.catatan.setPlaceholderText(
            _("Catatan disposisi untuk langkah berikutnya (boleh kosong)")
        )
        # A disposisi note rides along with any step; a return asks for its own.
        self.baris_aksi = BarisAksi(
            self._jalankan_layanan,
            self.pesan,
            umumkan=(Entitas.PENGUKURAN_KINERJA,),
            pertanyaan=lambda _t: _(
                "Tuliskan apa yang harus diperbaiki. Catatan ini tampil bagi penerimanya "
                "dan tersimpan di riwayat."
            ),
            catatan=self.catatan.text,
        )
        self.baris_aksi.dijalankan.connect(self._on_aksi_dijalankan)
        # A package of this quarter's chain for the laptops of the others in it.
        self.tombol_kirim = TombolKirim(aktor, self._rekaman_kirim, self.pesan)
        aksi_layout = QHBoxLayout()
        aksi_layout.addWidget(self.catatan, 1)
        # Takes the width only while the note field is hidden: the buttons stay on the right.
        aksi_layout.addStretch(0)
        aksi_layout.addWidget(self.baris_aksi)
        aksi_layout.addWidget(self.tombol_kirim)
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
        kartu_layout.addLayout(aksi_layout)

        self.hanya_saya = QCheckBox(_("Hanya indikator yang saya isi"))
        # Headers of the number columns on two lines: the numbers stay narrow.
        self.tabel = buat_tabel([
            _("No"), _("Indikator Kinerja"), _("Diisi oleh"), _("Target\nTW"), _("Realisasi"),
            _("Capaian\n(%)"), _("Kategori"), _("Realisasi\ns.d. TW"), _("Capaian\ns.d. TW (%)"),
            _("Kendala"), _("Rencana\nTindak Lanjut"),
        ])
        self.pas_kolom = PasKolom(self.tabel, pas=(0, 3, 4, 5, 6, 7, 8),
                                  bobot={1: 4, 2: 2, 9: 2, 10: 2})
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

        self.riwayat = TabelRiwayat()
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
        layout.addWidget(self.bilah_berubah)
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
        return ps.cari_pengukuran(pk_id, tw)

    # --- showing ---------------------------------------------------------------------------------

    def _tampilkan(self) -> None:
        pk_id = self.pk.currentData()
        self.bilah_berubah.tutup()
        found = self.pengukuran()
        self.dilihat.baca(found.id if found else None)
        # Read again after the version: a change in between then refuses a save, never lost.
        found = ps.ambil(found.id) if found else None
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
        self.tombol_kirim.setVisible(terlibat)

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
        self.kotak_kembali.tampilkan_pengembalian(kembali)
        note = ps.disposisi_terakhir(p)
        self.disposisi.setVisible(note is not None and kembali is None)
        if note is not None:
            self.disposisi.setText(_("Disposisi {oleh}: {catatan}").format(
                oleh=note.oleh_nama, catatan=note.catatan))

    def _isi_aksi(self, p: PengukuranKinerja) -> None:
        # Only what the table gives this person now; nothing at all for the others.
        self.baris_aksi.isi(ps.aksi_tersedia(self._aktor, p))
        self.catatan.setVisible(bool(self.tombol_aksi))

    @property
    def tombol_aksi(self) -> dict[str, QPushButton]:
        """The workflow buttons shown now, by action."""
        return self.baris_aksi.tombol

    def _isi_tabel(self, p: PengukuranKinerja) -> None:
        chosen = self._baris_terpilih()
        self._rows = ps.baris(p)
        shown = [b for b in self._rows
                 if not self.hanya_saya.isChecked() or b.pengisi_id == self._aktor.pegawai_id]
        self.tabel.setRowCount(len(shown))
        for n, b in enumerate(shown):
            cells = [
                sel(str(b.no)),
                sel(b.indikator),
                sel(b.pengisi or _("Pelaksana")),
                sel(fmt.target(b.target, b.target_maks, b.satuan) or "–", kanan=True),
                sel(_angka(b.realisasi), kanan=True),
                sel(_angka(b.capaian, 2) if not b.galat else "n/a", kanan=True),
                sel(b.pita.label if b.pita else "–"),
                sel(_angka(b.realisasi_kumulatif), kanan=True),
                sel(_angka(b.capaian_kumulatif, 2), kanan=True),
                sel(b.kendala),
                sel(b.tindak_lanjut),
            ]
            if b.galat:
                cells[COL_CAPAIAN].setToolTip(b.galat)
            if b.pita is not None:
                warnai(cells[COL_CAPAIAN], b.pita.warna)
                warnai(cells[COL_KATEGORI], b.pita.warna)
            cells[COL_NO].setData(ROLE_ID, b.realisasi_id)
            for col, item in enumerate(cells):
                self.tabel.setItem(n, col, item)
        self.pas_kolom.atur()
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
        stored = ps.cari_realisasi(chosen) if chosen else None
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
        self.riwayat.isi(ps.linimasa(p, hanya_alur=True), ALUR_PENGUKURAN,
                         {"mulai": _("Pengukuran dimulai")})

    # --- acting ----------------------------------------------------------------------------------

    def _rekaman_kirim(self) -> tuple[Entitas, uuid.UUID] | None:
        if self._pengukuran_id is None:
            return None
        return (Entitas.PENGUKURAN_KINERJA, self._pengukuran_id)

    def _isian_baris(self) -> tuple[uuid.UUID, tuple[str, str, str]] | None:
        """The row's typed realisasi, kendala and tindak lanjut, kept across a reload."""
        chosen = self._baris_terpilih()
        if chosen is None or not self.realisasi.isEnabled():
            return None
        return chosen, (self.realisasi.text(), self.kendala.text(), self.tindak_lanjut.text())

    def _terapkan_baris(self, typed: tuple[uuid.UUID, tuple[str, str, str]]) -> None:
        chosen, values = typed
        for n in range(self.tabel.rowCount()):
            item = self.tabel.item(n, COL_NO)
            if item is not None and item.data(ROLE_ID) == chosen:
                self.tabel.setCurrentCell(n, COL_NO)
                break
        else:
            return
        for edit, text in zip((self.realisasi, self.kendala, self.tindak_lanjut), values,
                              strict=True):
            edit.setText(text)
        self.pesan_isi.info(_("Isian Anda diterapkan lagi di atas data terbaru. Periksa, lalu "
                              "simpan."))

    def _jalankan_layanan(self, t: Transisi, catatan: str) -> PengukuranKinerja:
        pengukuran_id = self._pengukuran_id
        assert pengukuran_id is not None
        return self.dilihat.jalankan(
            lambda: ps.jalankan(self._aktor, pengukuran_id, t.aksi, catatan))

    def _on_aksi_dijalankan(self, t: Transisi) -> None:
        self.catatan.clear()
        self.pesan.sukses(_("{aksi}: tersimpan.").format(aksi=t.label))

    def _on_tombol_mulai_clicked(self) -> None:
        pk_id, tw = self.pk.currentData(), self.triwulan.currentData()
        if pk_id is None or tw is None:
            return
        if not MulaiDialog(self._aktor, ps.ambil_pk(pk_id), tw, self).exec():
            return
        self.pesan.sukses(_("Pengukuran {tw} dimulai; giliran Camat menugaskan.").format(
            tw=label_triwulan(tw)))
        umumkan(Entitas.PENGUKURAN_KINERJA)

    def _on_tombol_simpan_clicked(self) -> None:
        chosen = self._baris_terpilih()
        if chosen is None:
            return
        values = (self.realisasi.text(), self.kendala.text(), self.tindak_lanjut.text())
        if not aksi.berhasil(
                lambda: self.dilihat.jalankan(lambda: ps.isi_realisasi(self._aktor, chosen,
                                                                       *values)),
                self.pesan_isi, umumkan=Entitas.PENGUKURAN_KINERJA):
            return
        self.pesan_isi.sukses(_("Isian tersimpan."))

    def _buat(self, kode: str) -> None:
        """Fill the report or its cover letter, file it in the archive, open it."""
        from skpdesk import documents

        if self._pengukuran_id is None:
            return
        pengukuran_id = self._pengukuran_id
        hasil = aksi.jalankan(
            lambda: documents.buat_dokumen(self._aktor, kode, pengukuran_id), self.pesan,
            umumkan=Entitas.DOKUMEN,
            tangkap=(documents.KeluaranGagal, documents.TemplatTidakAda, OSError))
        if hasil is None:
            return
        target = hasil.path
        self.berkas_terakhir = [target]
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
