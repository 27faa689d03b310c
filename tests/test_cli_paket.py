"""``skpdesk ekspor``, ``skpdesk impor`` and ``skpdesk verifikasi`` on files, as a script would."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from skpdesk import logfile
from skpdesk.cli import main
from skpdesk.services import demo

pytestmark = pytest.mark.usefixtures("lepas_db")


@pytest.fixture(autouse=True)
def _lepas_log(monkeypatch):
    monkeypatch.setenv("SKPDESK_SANDI", demo.DEMO_SANDI)
    yield
    logfile.lepas()


def _dump(path) -> list:
    con = sqlite3.connect(path)
    try:
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return [(t, sorted(map(repr, con.execute(f"SELECT * FROM {t}")))) for t in sorted(tables)]
    finally:
        con.close()


def _nip(path, nama: str) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT nip FROM pegawai WHERE nama = ?", (nama,)).fetchone()[0]
    finally:
        con.close()


def test_a_new_laptop_from_the_office_package_then_a_persons_documents(
        demo_copy, tmp_path, capsys):
    office = tmp_path / "kantor.skpx"
    assert main(["ekspor", "--db", str(demo_copy), "--login", "admin", "--out", str(office),
                 "--kantor"]) == 0
    assert f"Paket kantor ditulis: {office}" in capsys.readouterr().out

    laptop = tmp_path / "laptop-baru" / "skpdesk.db"
    assert main(["impor", str(office), "--db", str(laptop)]) == 0
    printed = capsys.readouterr().out
    assert "Pegawai Siti Rahayu" in printed and "0 konflik" in printed
    assert main(["verifikasi", "--db", str(laptop)]) == 0
    capsys.readouterr()

    siti = _nip(demo_copy, "Siti Rahayu")
    mine = tmp_path / "siti.skpx"
    assert main(["ekspor", "--db", str(demo_copy), "--login", siti, "--out", str(mine),
                 "--tahun", str(dt.date.today().year)]) == 0
    out = capsys.readouterr()
    assert "Paket ditulis" in out.out, out.err
    assert main(["impor", str(mine), "--db", str(laptop)]) == 0
    printed = capsys.readouterr().out
    assert "SKP" in printed and "diperbarui" in printed
    assert main(["verifikasi", "--db", str(laptop)]) == 0

    # The same package again: nothing new, still exit 0.
    before = _dump(laptop)
    capsys.readouterr()
    assert main(["impor", str(mine), "--db", str(laptop)]) == 0
    assert "0 data diperbarui" in capsys.readouterr().out
    assert _dump(laptop) == before


def test_a_refused_package_exits_non_zero_and_changes_nothing(demo_copy, tmp_path, capsys):
    office = tmp_path / "kantor.skpx"
    assert main(["ekspor", "--db", str(demo_copy), "--login", "admin", "--out", str(office),
                 "--kantor"]) == 0
    broken = tmp_path / "terpotong.skpx"
    broken.write_bytes(office.read_bytes()[:1000])
    laptop = tmp_path / "laptop" / "skpdesk.db"
    assert main(["impor", str(office), "--db", str(laptop)]) == 0
    before = _dump(laptop)
    capsys.readouterr()
    assert main(["impor", str(broken), "--db", str(laptop)]) == 1
    assert "Paket ditolak: Berkas paket rusak atau terpotong" in capsys.readouterr().err
    assert _dump(laptop) == before


def test_only_an_administrator_holding_the_office_key_writes_the_office_package(
        demo_copy, tmp_path, capsys):
    siti = _nip(demo_copy, "Siti Rahayu")
    out = tmp_path / "x.skpx"
    assert main(["ekspor", "--db", str(demo_copy), "--login", siti, "--out", str(out),
                 "--kantor"]) == 1
    assert "hanya untuk Pengadministrasi Kepegawaian" in capsys.readouterr().err
    assert not out.exists()


def test_a_wrong_password_writes_no_package(demo_copy, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SKPDESK_SANDI", "salah-sandi1")
    out = tmp_path / "x.skpx"
    assert main(["ekspor", "--db", str(demo_copy), "--login", "admin", "--out", str(out),
                 "--kantor"]) == 1
    assert "salah" in capsys.readouterr().err
    assert not out.exists()


def test_the_whole_demo_office_moves_to_a_new_laptop_and_verifies(demo_copy, tmp_path, capsys):
    """Every kind of record the demo holds (SKPs of both regimes, evaluations, keberatan,
    Perjanjian Kinerja and Pengukuran chains filled by Kasi) in one administrator's package."""
    office, docs = tmp_path / "kantor.skpx", tmp_path / "semua.skpx"
    assert main(["ekspor", "--db", str(demo_copy), "--login", "admin", "--out", str(office),
                 "--kantor"]) == 0
    assert main(["ekspor", "--db", str(demo_copy), "--login", "admin", "--out", str(docs)]) == 0
    laptop = tmp_path / "laptop" / "skpdesk.db"
    assert main(["impor", str(office), "--db", str(laptop)]) == 0
    capsys.readouterr()
    assert main(["impor", str(docs), "--db", str(laptop)]) == 0, capsys.readouterr().err
    printed = capsys.readouterr().out
    assert "Pengukuran Kinerja" in printed and "0 konflik" in printed
    assert main(["verifikasi", "--db", str(laptop)]) == 0
    con = sqlite3.connect(laptop)
    src = sqlite3.connect(demo_copy)
    try:
        for table in ("skp", "evaluasi", "pengukuran_kinerja", "realisasi_pk", "keberatan"):
            q = f"SELECT COUNT(*) FROM {table}"
            assert con.execute(q).fetchone() == src.execute(q).fetchone(), table
    finally:
        con.close()
        src.close()
