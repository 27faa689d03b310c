"""The windows of the exchange packages: what came in, the conflicts to decide, the folder."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from skpdesk.i18n import _
from skpdesk.services import paket
from skpdesk.services.context import Aktor
from skpdesk.services.paket import HasilImpor
from skpdesk.ui.bersama import aksi, gaya, teks
from skpdesk.ui.bersama.pertukaran import folder_pertukaran, simpan_folder_pertukaran
from skpdesk.ui.bersama.widgets import LabelPesan, tombol_primer

if TYPE_CHECKING:
    from skpdesk.store.models import Konflik

# One imported package: its file (or name) and what happened, or the refusal's message.
Masuk = tuple[Path | str, HasilImpor | str]

LEBAR = 760
TINGGI = 520
BARIS_LANGKAH_MAKS = 6


def _nama(berkas: Path | str) -> str:
    return berkas.name if isinstance(berkas, Path) else str(berkas)


def ringkas(hasil: HasilImpor) -> str:
    """One line for a person: how many records were updated, the same, in conflict."""
    return _("{n} data diperbarui, {sama} sudah sama, {k} konflik").format(
        n=len(hasil.diterapkan), sama=hasil.sama, k=len(hasil.konflik))


class PaketMasukDialog(QDialog):
    """What came in: one entry per package, the records it updated and its conflicts; a
    refused package says why, and that nothing was changed.

    Signals:
    konflik_diminta(): the person asked to see the conflicts (the dialog closes).
    """

    konflik_diminta = Signal()

    def __init__(self, masuk: Sequence[Masuk], parent: QWidget | None = None,
                 judul: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Paket masuk"))
        self.masuk = list(masuk)
        refused = sum(isinstance(h, str) for _b, h in self.masuk)
        conflicts = sum(len(h.konflik) for _b, h in self.masuk if isinstance(h, HasilImpor))
        self.judul = gaya.judul(judul or _("{n} paket diperiksa").format(n=len(self.masuk)))
        self.ringkasan = QLabel()
        self.ringkasan.setWordWrap(True)
        parts = []
        if not self.masuk:
            parts.append(_("Tidak ada paket baru."))
        if refused:
            parts.append(_("{n} paket ditolak; paket yang ditolak tidak mengubah apa pun di "
                           "laptop ini.").format(n=refused))
        if conflicts:
            parts.append(_("{n} data berbeda dengan versi di laptop ini (konflik): tidak ada "
                           "yang ditimpa; pihak yang gilirannya memilih versi yang dipakai.")
                         .format(n=conflicts))
        self.ringkasan.setText(" ".join(parts))
        self.ringkasan.setVisible(bool(parts))

        # Package by package: a heading line, then its records (or the refusal's reason).
        self.bagian: list[tuple[str, list[str], bool]] = []
        for berkas, hasil in self.masuk:
            if isinstance(hasil, str):
                self.bagian.append((_("{berkas} — ditolak").format(berkas=_nama(berkas)),
                                    [_("{alasan} Tidak ada yang diubah.").format(alasan=hasil)],
                                    True))
                continue
            lines = [_("Diperbarui: {u}").format(u=u) for u in hasil.diterapkan]
            lines += [_("Konflik: {u}").format(u=u) for u in hasil.konflik]
            if not hasil.berubah:
                lines.append(_("Semua data di paket ini sudah ada di laptop ini."))
            self.bagian.append((_("{berkas} — dari {pengirim}: {ringkas}").format(
                berkas=_nama(berkas), pengirim=hasil.pengirim, ringkas=ringkas(hasil)),
                lines, False))
        # A text view wraps long reasons; a list would cut them off.
        self.daftar = QTextBrowser()
        self.daftar.setOpenLinks(False)
        self.daftar.setHtml(self._html())

        self.tombol = QDialogButtonBox()
        self.tombol_konflik = QPushButton(_("Lihat Konflik…"))
        self.tombol_tutup = tombol_primer(_("Tutup"))
        self.tombol.addButton(self.tombol_konflik, QDialogButtonBox.ButtonRole.ActionRole)
        self.tombol.addButton(self.tombol_tutup, QDialogButtonBox.ButtonRole.AcceptRole)
        # After addButton, which shows the button.
        self.tombol_konflik.setVisible(bool(conflicts))
        self.tombol.accepted.connect(self.accept)
        self.tombol_konflik.clicked.connect(self._on_tombol_konflik_clicked)

        layout = QVBoxLayout(self)
        layout.addWidget(self.judul)
        layout.addWidget(self.ringkasan)
        layout.addWidget(self.daftar, 1)
        layout.addWidget(self.tombol)
        self.resize(LEBAR, TINGGI * 3 // 4)

    def _on_tombol_konflik_clicked(self) -> None:
        self.accept()
        self.konflik_diminta.emit()

    def _html(self) -> str:
        parts = []
        for judul, lines, refused in self.bagian:
            colour = gaya.MERAH if refused else "black"
            items = "".join(
                f"<li style='color:{gaya.KUNING if line.startswith(_('Konflik: ')) else colour}'>"
                f"{html.escape(line)}</li>" for line in lines)
            parts.append(f"<p style='color:{colour}'><b>{html.escape(judul)}</b></p>"
                         f"<ul style='margin-top:0'>{items}</ul>")
        return "".join(parts)

    def teks_daftar(self) -> list[str]:
        """Every line of the list, packages and their records, in order (for tests and copy)."""
        return [line for judul, lines, _r in self.bagian for line in (judul, *lines)]


# --- conflicts ---------------------------------------------------------------------------------


def _waktu(teks_waktu: str) -> str:
    try:
        return teks.waktu_lokal(dt.datetime.fromisoformat(teks_waktu))
    except ValueError:
        return teks_waktu


class TabelLangkah(QTableWidget):
    """One side's steps after the fork: time, who, what."""

    def __init__(self, langkah: Sequence[tuple[str, str, str]], kata: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(len(langkah), 3, parent)
        self.setHorizontalHeaderLabels([_("Waktu"), _("Oleh"), _("Tindakan")])
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for n, (waktu, oleh, aksi_) in enumerate(langkah):
            label = kata.get(aksi_, aksi_.replace("_", " ").capitalize())
            for col, value in enumerate((_waktu(waktu), oleh, label)):
                self.setItem(n, col, QTableWidgetItem(value))
        self.resizeRowsToContents()
        rows = min(max(len(langkah), 1), BARIS_LANGKAH_MAKS)
        height = header.height() + sum(self.rowHeight(r) for r in range(min(rows, len(langkah))))
        self.setFixedHeight(max(height, header.height() + 24) + 2 * self.frameWidth())

    def teks(self) -> list[tuple[str, str, str]]:
        return [tuple(self.item(r, c).text() for c in range(3)) for r in range(self.rowCount())]


class KartuKonflik(QFrame):
    """One conflict: both sides after the fork; the two choices for the party whose turn it
    was, the name of that party for everyone else.

    Signals:
    diselesaikan(str): the conflict was resolved; the record's entity name.
    """

    diselesaikan = Signal(str)

    def __init__(self, aktor: Aktor, konflik: Konflik, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kartu")
        self._aktor = aktor
        self.konflik_id = konflik.id
        self.entitas = konflik.entitas
        self.uraian = konflik.uraian
        lokal, masuk = paket.sisi(konflik)
        kata, status = paket.kata_konflik(konflik)

        self.judul = gaya.judul(konflik.uraian or konflik.entitas, 1.1)
        asal = QLabel(_(
            "Paket dari {pengirim}, diterima {waktu}. Data ini diubah di dua tempat sejak "
            "langkah terakhir yang sama; tidak ada yang ditimpa.").format(
            pengirim=konflik.pengirim, waktu=teks.waktu_lokal(konflik.diterima)))
        asal.setWordWrap(True)
        asal.setProperty("peran", "info")

        def judul_sisi(nama: str, st: str | None) -> QLabel:
            label = QLabel(_("{sisi} — status {status}").format(
                sisi=nama, status=status.get(st or "", st or "–")))
            gaya.huruf_besar(label, 1.0)
            return label

        self.tabel_lokal = TabelLangkah(lokal.langkah, kata)
        self.tabel_masuk = TabelLangkah(masuk.langkah, kata)
        sisi = QGridLayout()
        sisi.addWidget(judul_sisi(_("Versi laptop ini"), lokal.status), 0, 0)
        sisi.addWidget(judul_sisi(_("Versi paket"), masuk.status), 0, 1)
        sisi.addWidget(self.tabel_lokal, 1, 0)
        sisi.addWidget(self.tabel_masuk, 1, 1)
        sisi.setColumnStretch(0, 1)
        sisi.setColumnStretch(1, 1)

        self.boleh = paket.boleh_selesaikan(aktor, konflik)
        self.tombol_lokal = QPushButton(_("Pertahankan versi laptop ini"))
        self.tombol_masuk = QPushButton(_("Pakai versi paket"))
        self.penentu = QLabel()
        self.penentu.setWordWrap(True)
        if not self.boleh:
            # Plain text, not grey: for everyone else this is the one thing to read.
            names = paket.penentu(konflik)
            self.penentu.setText(_(
                "Yang memutuskan: {nama} (pihak yang gilirannya saat kedua versi berpisah). "
                "Kirim data ini kepadanya; konflik yang sama muncul di laptopnya untuk "
                "diputuskan.").format(nama=", ".join(names) or "–"))
        else:
            self.penentu.setText(_(
                "Anda yang memutuskan: pilih versi yang dipakai. Langkah versi yang lain "
                "disisihkan, tetap tersimpan sebagai bukti."))
        self.tombol_lokal.setVisible(self.boleh)
        self.tombol_masuk.setVisible(self.boleh)
        self.pesan = LabelPesan()
        bawah = QHBoxLayout()
        bawah.addWidget(self.penentu, 1)
        bawah.addWidget(self.tombol_lokal)
        bawah.addWidget(self.tombol_masuk)

        layout = QVBoxLayout(self)
        layout.addWidget(self.judul)
        layout.addWidget(asal)
        layout.addLayout(sisi)
        layout.addLayout(bawah)
        layout.addWidget(self.pesan)
        self.tombol_lokal.clicked.connect(self._on_tombol_lokal_clicked)
        self.tombol_masuk.clicked.connect(self._on_tombol_masuk_clicked)

    def _on_tombol_lokal_clicked(self) -> None:
        self.pilih(paket.PILIH_LOKAL)

    def _on_tombol_masuk_clicked(self) -> None:
        self.pilih(paket.PILIH_MASUK)

    def pilih(self, pilihan: str) -> bool:
        question = (
            _("Pertahankan versi laptop ini untuk {u}? Langkah dari paket disisihkan (tetap "
              "tersimpan sebagai bukti).")
            if pilihan == paket.PILIH_LOKAL else
            _("Pakai versi paket untuk {u}? Langkah di laptop ini sesudah kedua versi "
              "berpisah disisihkan (tetap tersimpan sebagai bukti).")
        ).format(u=self.uraian)
        answer = QMessageBox.question(self, _("Selesaikan konflik"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        konflik_id = self.konflik_id
        if not aksi.berhasil(
            lambda: paket.selesaikan_konflik(self._aktor, konflik_id, pilihan), self.pesan,
            umumkan=self.entitas,
        ):
            return False
        self.diselesaikan.emit(self.entitas)
        return True


class KonflikDialog(QDialog):
    """Every open conflict of this laptop, one card each.

    Signals:
    diselesaikan(str): a conflict was resolved (its record's entity name).
    """

    diselesaikan = Signal(str)

    def __init__(self, aktor: Aktor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Konflik data"))
        self._aktor = aktor
        self.kartu: list[KartuKonflik] = []
        self.petunjuk = QLabel(_(
            "Data berikut diubah di laptop ini dan di laptop lain sejak langkah terakhir yang "
            "sama. Pihak yang gilirannya pada titik itu memilih versi yang dipakai; sesudah "
            "itu kirim datanya agar laptop lain mengikuti."))
        self.petunjuk.setWordWrap(True)
        self.pesan = LabelPesan()
        self.isi = QWidget()
        self.isi_layout = QVBoxLayout(self.isi)
        self.isi_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.isi)
        tombol = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        tombol.button(QDialogButtonBox.StandardButton.Close).setText(_("Tutup"))
        tombol.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.petunjuk)
        layout.addWidget(self.pesan)
        layout.addWidget(scroll, 1)
        layout.addWidget(tombol)
        self.resize(LEBAR + 120, TINGGI + 80)
        self.muat_ulang()

    def muat_ulang(self) -> None:
        for card in self.kartu:
            self.isi_layout.removeWidget(card)
            card.hide()
            card.deleteLater()
        while self.isi_layout.count():
            self.isi_layout.takeAt(0)
        self.kartu = []
        for konflik in paket.daftar_konflik():
            card = KartuKonflik(self._aktor, konflik)
            card.diselesaikan.connect(self._on_kartu_diselesaikan)
            self.isi_layout.addWidget(card)
            self.kartu.append(card)
        if not self.kartu:
            kosong = QLabel(_("Tidak ada konflik data."))
            kosong.setObjectName("kosong")
            self.isi_layout.addWidget(kosong)
        self.isi_layout.addStretch(1)

    def _on_kartu_diselesaikan(self, entitas: str) -> None:
        card = self.sender()
        uraian = card.uraian if isinstance(card, KartuKonflik) else ""
        self.muat_ulang()
        self.pesan.sukses(_(
            "Konflik {u} diselesaikan. Kirim data ini ke pihak lain (tombol Kirim… pada "
            "halamannya) agar laptop mereka mengikuti pilihan ini.").format(u=uraian))
        self.diselesaikan.emit(entitas)


# --- the exchange folder -----------------------------------------------------------------------


class FolderPertukaranDialog(QDialog):
    """Choose this laptop's exchange folder (a flash disk or a shared folder), or none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Folder pertukaran"))
        penjelasan = QLabel(_(
            "Folder pertukaran adalah flash disk atau folder bersama tempat paket dari dan "
            "untuk laptop lain. Bila dipilih, tombol Kirim… menulis paket ke sana, dan paket "
            "baru di sana diimpor sendiri saat aplikasi dibuka dan setiap menit. Pengaturan "
            "ini hanya untuk laptop ini."))
        penjelasan.setWordWrap(True)
        self.folder = QLineEdit()
        self.folder.setReadOnly(True)
        self.folder.setPlaceholderText(_("(belum dipilih: Kirim… menanyakan tempatnya)"))
        current = folder_pertukaran()
        self.folder.setText(str(current) if current else "")
        self.tombol_pilih = QPushButton(_("Pilih Folder…"))
        self.tombol_kosongkan = QPushButton(_("Jangan Pakai Folder"))
        self.pesan = LabelPesan()
        baris = QHBoxLayout()
        baris.addWidget(self.folder, 1)
        baris.addWidget(self.tombol_pilih)
        baris.addWidget(self.tombol_kosongkan)
        tombol = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        tombol.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Batal"))
        self.tombol_ok = tombol_primer(_("Simpan"))
        tombol.addButton(self.tombol_ok, QDialogButtonBox.ButtonRole.AcceptRole)
        tombol.accepted.connect(self._on_tombol_accepted)
        tombol.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(penjelasan)
        layout.addLayout(baris)
        layout.addWidget(self.pesan)
        layout.addWidget(tombol)
        self.setMinimumWidth(LEBAR - 120)
        self.tombol_pilih.clicked.connect(self._on_tombol_pilih_clicked)
        self.tombol_kosongkan.clicked.connect(self._on_tombol_kosongkan_clicked)

    def _on_tombol_pilih_clicked(self) -> None:
        start = self.folder.text() or str(Path.home())
        path = QFileDialog.getExistingDirectory(self, _("Pilih folder pertukaran"), start)
        if path:
            self.folder.setText(path)
            self.pesan.bersihkan()

    def _on_tombol_kosongkan_clicked(self) -> None:
        self.folder.clear()

    def _on_tombol_accepted(self) -> None:
        text = self.folder.text().strip()
        if text and not Path(text).is_dir():
            self.pesan.galat(_("Folder {folder} tidak ditemukan.").format(folder=text))
            return
        simpan_folder_pertukaran(Path(text) if text else None)
        self.accept()
