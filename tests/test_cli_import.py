"""``skpdesk import-roster``: exit codes, row errors on stderr, nothing written on failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from skpdesk.cli import main
from skpdesk.resources import resource_path
from skpdesk.services import demo, verifikasi
from skpdesk.store.database import close_database, open_database
from skpdesk.store.models import MODELS, Pegawai, Riwayat
from tests.helpers import tulis_xlsx
from tests.services.test_impor import BARIS_SALAH

SAMPLE_XLSX = str(resource_path("contoh/daftar_pegawai.xlsx"))


@pytest.fixture(autouse=True)
def _sandi(monkeypatch):
    """The administrator's password: the import's history rows are signed with her key."""
    monkeypatch.setenv("SKPDESK_SANDI", demo.DEMO_SANDI)


def counts(path: Path) -> dict[str, int]:
    """Row counts of every table, read back from the file by a fresh open."""
    close_database()
    open_database(path)
    try:
        return {m.__name__: m.select().count() for m in MODELS}
    finally:
        close_database()


def test_good_sample_imports_into_the_demo_office(demo_copy, capsys):
    before = counts(demo_copy)

    assert main(["import-roster", SAMPLE_XLSX, "--db", str(demo_copy)]) == 0

    out, err = capsys.readouterr()
    assert "11 pegawai baru" in out and "Impor selesai" in out
    assert err == ""
    after = counts(demo_copy)
    assert after["Pegawai"] == before["Pegawai"] + 11
    open_database(demo_copy)
    summary = Riwayat.get(Riwayat.aksi == "impor_roster")
    assert summary.oleh_nama == "admin"  # the first account holding the kepegawaian role
    assert Pegawai.get(Pegawai.nip == "199604112023211002").status == "PPPK"
    assert summary.tanda_tangan and verifikasi.periksa().ok  # signed, so the check holds


def test_login_option_names_the_acting_account(demo_copy, capsys):
    # Nur Aini, the demo's staff member holding the kepegawaian role, logs in by her NIP.
    nur = "199004102015032002"
    assert main(["import-roster", SAMPLE_XLSX, "--db", str(demo_copy), "--login", nur]) == 0
    open_database(demo_copy)
    assert Riwayat.get(Riwayat.aksi == "impor_roster").oleh_nama == "Nur Aini, A.Md."


def test_login_without_the_role_is_refused(demo_copy, capsys):
    before = counts(demo_copy)
    code = main(
        ["import-roster", SAMPLE_XLSX, "--db", str(demo_copy), "--login", "197508122000031004"]
    )
    assert code == 1
    assert "bukan pengadministrasi kepegawaian" in capsys.readouterr().err
    assert counts(demo_copy) == before


def test_bad_file_prints_row_errors_and_changes_nothing(demo_copy, tmp_path, capsys):
    bad = tulis_xlsx(tmp_path / "salah.xlsx", BARIS_SALAH)
    before = counts(demo_copy)

    assert main(["import-roster", str(bad), "--db", str(demo_copy)]) == 1

    err = capsys.readouterr().err
    assert "Baris 3, kolom NIP:" in err
    assert "Baris 4, kolom NIP:" in err and "Teks" in err
    assert "Baris 5, kolom Golongan:" in err
    assert "Baris 11, kolom NIP Atasan:" in err
    assert "Tidak ada yang disimpan" in err
    assert counts(demo_copy) == before


def test_missing_file_fails_with_a_message(demo_copy, tmp_path, capsys):
    before = counts(demo_copy)
    code = main(["import-roster", str(tmp_path / "tidak_ada.xlsx"), "--db", str(demo_copy)])
    assert code != 0
    assert "tidak ditemukan" in capsys.readouterr().err
    assert counts(demo_copy) == before


def test_without_the_password_nothing_is_imported(demo_copy, capsys, monkeypatch):
    monkeypatch.delenv("SKPDESK_SANDI")
    before = counts(demo_copy)
    assert main(["import-roster", SAMPLE_XLSX, "--db", str(demo_copy)]) == 1
    assert "SKPDESK_SANDI" in capsys.readouterr().err
    assert counts(demo_copy) == before
