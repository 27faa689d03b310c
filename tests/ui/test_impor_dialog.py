"""The roster import dialog: errors block the import, a good file is imported on click."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from tests.helpers import tulis_xlsx

from skpdesk.resources import resource_path
from skpdesk.services import impor, kantor
from skpdesk.store.models import MODELS, Jabatan, Pegawai, Riwayat, UnitKerja
from skpdesk.ui.kepegawaian.impor_dialog import BarisModel, ImporRosterDialog, KesalahanModel

SAMPLE_XLSX = resource_path("contoh/daftar_pegawai.xlsx")
HEADER = [k.judul for k in impor.KOLOM]
CAMAT = "198001012005011001"
# NIP, Nama, Gelar Depan, Gelar Belakang, Status, Golongan, Jabatan, Jenis, Jenjang, Unit, Atasan
BARIS_SALAH = [
    [CAMAT, "Hadi Santoso", "", "", "PNS", "IV/b", "Camat", "Administrator", "", "", ""],
    ["1980010120050110", "Budi", "", "", "PNS", "III/a", "Staf", "Pelaksana", "", "", CAMAT],
    [1.98001012005011e17, "Citra", "", "", "PNS", "III/a", "Staf", "Pelaksana", "", "", CAMAT],
    ["198001012005011004", "Dedi", "", "", "PNS", "III/f", "Staf", "Pelaksana", "", "", CAMAT],
    ["198001012005011005", "Eko", "", "", "PNS", "III/a", "Staf", "Pelaksana", "", "", "X"],
    [CAMAT, "Hadi Lagi", "", "", "PNS", "IV/b", "Camat", "Administrator", "", "", ""],
]
SALAH_DIHARAPKAN = {(3, "NIP"), (4, "NIP"), (5, "Golongan"), (6, "NIP Atasan"), (7, "NIP")}


def keadaan() -> dict[str, object]:
    state: dict[str, object] = {m.__name__: m.select().count() for m in MODELS}
    state["pegawai"] = sorted(
        Pegawai.select(Pegawai.nip, Pegawai.golongan, Pegawai.atasan).tuples()
    )
    return state


@pytest.fixture
def dialog(qtbot, kantor_siap, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda parent, title, text, *a: shown.append(text)
    )
    dlg = ImporRosterDialog(kantor_siap)
    dlg.shown = shown
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def cells(view, column: int) -> list[str]:
    model = view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_bad_file_lists_errors_and_keeps_import_disabled(dialog, qtbot, tmp_path, monkeypatch):
    before = keadaan()
    assert not dialog.tombol_impor.isEnabled()

    dialog.muat(tulis_xlsx(tmp_path / "salah.xlsx", BARIS_SALAH, header=HEADER))

    assert dialog.kotak_kesalahan.isVisible()
    assert not dialog.tombol_impor.isEnabled()
    errors = list(
        zip(
            map(int, cells(dialog.tabel_kesalahan, KesalahanModel.COL_BARIS)),
            cells(dialog.tabel_kesalahan, KesalahanModel.COL_KOLOM),
            strict=True,
        )
    )
    assert set(errors) == SALAH_DIHARAPKAN
    assert errors == sorted(errors, key=lambda e: e[0])
    assert "Tidak ada yang akan disimpan" in dialog.judul_kesalahan.text()
    assert cells(dialog.tabel_baris, BarisModel.COL_AKSI) == ["Baru"] + ["Ada kesalahan"] * 5
    # Enter must not import a file with errors; it offers to choose another file instead.
    asked: list[object] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: asked.append(a) or ("", ""))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert len(asked) == 1
    assert keadaan() == before

    # Clicking an error selects its row in the table of rows.
    first = dialog.tabel_kesalahan.model().index(0, 0)
    dialog.tabel_kesalahan.clicked.emit(first)
    selected = dialog.tabel_baris.selectionModel().selectedRows()
    assert [dialog.tabel_baris.model().index(i.row(), 0).data() for i in selected] == ["3"]


def test_good_sample_is_imported_by_clicking_impor(dialog, qtbot):
    dialog.muat(SAMPLE_XLSX)
    assert not dialog.kotak_kesalahan.isVisible()
    assert dialog.tombol_impor.isEnabled()
    assert "11 pegawai baru" in dialog.ringkasan.text()
    assert "1 unit baru" in dialog.ringkasan.text()
    assert cells(dialog.tabel_baris, BarisModel.COL_NAMA)[0] == "Hadi Santoso"
    assert Pegawai.select().count() == 0

    with qtbot.waitSignal(dialog.roster_imported) as blocker:
        qtbot.mouseClick(dialog.tombol_impor, Qt.MouseButton.LeftButton)

    assert dialog.result() == ImporRosterDialog.DialogCode.Accepted
    assert blocker.args[0].baru == 11
    assert Pegawai.select().count() == 11
    assert UnitKerja.select().where(UnitKerja.nama.contains("Ketenteraman")).count() == 1
    assert Riwayat.select().where(Riwayat.aksi == "impor_roster").count() == 1
    assert dialog.shown and "11 pegawai baru" in dialog.shown[0]


def test_a_refusal_at_commit_is_shown_and_nothing_changes(dialog, qtbot, kantor_siap):
    dialog.muat(SAMPLE_XLSX)
    assert dialog.tombol_impor.isEnabled()
    # Meanwhile someone records the Camat's post in the office with another jenis.
    root = UnitKerja.get(UnitKerja.induk.is_null())
    kantor.tambah_jabatan(kantor_siap, "Camat", "JPT", "Pratama", root.id)
    before = keadaan()

    qtbot.mouseClick(dialog.tombol_impor, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and dialog.result() != ImporRosterDialog.DialogCode.Accepted
    assert "Tidak ada yang disimpan" in dialog.pesan.text()
    assert not dialog.tombol_impor.isEnabled()
    assert (2, "Jenis Jabatan") in {
        (int(b), k)
        for b, k in zip(
            cells(dialog.tabel_kesalahan, 0), cells(dialog.tabel_kesalahan, 1), strict=True
        )
    }
    assert keadaan() == before
    assert Jabatan.select().where(Jabatan.nama == "Camat").count() == 1


def test_unreadable_file_shows_one_message(dialog, tmp_path):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(b"bukan zip")
    dialog.muat(path)
    assert not dialog.tombol_impor.isEnabled()
    assert dialog.model_kesalahan.rowCount() == 1
    assert "bukan berkas Excel" in dialog.model_kesalahan.row_at(0).pesan
    assert not dialog.tabel_baris.isVisibleTo(dialog)


def test_pilih_berkas_passes_the_chosen_path_to_muat(dialog, qtbot, monkeypatch):
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        lambda *a, **k: (str(SAMPLE_XLSX), "Daftar pegawai (*.xlsx *.csv)"),
    )
    qtbot.mouseClick(dialog.tombol_pilih, Qt.MouseButton.LeftButton)
    assert dialog.pratinjau is not None and dialog.pratinjau.berkas == Path(SAMPLE_XLSX)
    assert dialog.tombol_impor.isEnabled()


def test_unduh_contoh_copies_the_sample(dialog, qtbot, monkeypatch, tmp_path):
    target = tmp_path / "untuk_diisi.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Berkas Excel (*.xlsx)")
    )
    qtbot.mouseClick(dialog.tombol_contoh, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == SAMPLE_XLSX.read_bytes()
    assert impor.baca_berkas(target).ok


def test_escape_cancels_without_writing(dialog, qtbot):
    dialog.muat(SAMPLE_XLSX)
    before = keadaan()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == ImporRosterDialog.DialogCode.Rejected
    assert keadaan() == before
