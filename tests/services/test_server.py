"""The office server on a real PostgreSQL: setting up an empty database, moving a laptop's
office onto it (verified table by table), refusing what would overwrite or mix data."""

from __future__ import annotations

import sqlite3
import stat

import peewee as pw
import pytest

from skpdesk.domain.kepegawaian import Peran
from skpdesk.services import akun as akun_service
from skpdesk.services import daftar, kantor, server, verifikasi
from skpdesk.store import database
from skpdesk.store.models import Riwayat, UnitKerja, db
from tests import pg
from tests.helpers import dump, login, terbuka
from tests.store.test_migration_v7 import SANDI as V6_SANDI
from tests.store.test_migration_v7 import _v6

SANDI = "rahasia123"

DATA = kantor.DataKantor(
    nama_instansi="Dinas Contoh", pemerintah_daerah="Pemerintah Kabupaten Contoh",
    alamat="Jl. Merdeka 1", tempat="Contoh", unit=("Sekretariat", "Bidang Umum"),
    admin_login="pengelola", admin_sandi=SANDI)


def _tabel(url: str) -> list[str]:
    other = database.connect(url)
    try:
        return other.get_tables()
    finally:
        other.close()


def _pegawai() -> list[tuple[str, str]]:
    return sorted((b.nip, b.nama) for b in daftar.daftar_pegawai())


# --- the URL -------------------------------------------------------------------------------------


def test_url_quotes_the_password_and_passes_sslmode_through_connect():
    url = server.buat_url("192.168.1.10", 5433, "skpdesk", "kantor", "p@ss:w/rd%", "require")
    assert "p@ss" not in url and url.startswith("postgresql://kantor:")
    opened = database.connect(url)
    assert opened.database == "skpdesk"
    assert opened.connect_params["password"] == "p@ss:w/rd%"
    assert opened.connect_params["sslmode"] == "require"
    assert opened.connect_params["connect_timeout"] == server.BATAS_WAKTU
    assert server.tanpa_sandi(url) == (
        "postgresql://kantor@192.168.1.10:5433/skpdesk?sslmode=require&connect_timeout=5")


def test_saved_url_is_read_after_env_and_db_and_is_owner_only(monkeypatch, _isolated_data_dir):
    assert database.url_server_tersimpan() is None
    url = server.buat_url("server-kantor", 5432, "skpdesk", "skpdesk", "rahasia")
    path = server.simpan_url(url)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert database.resolve_target() == url
    monkeypatch.setenv(database.ENV_URL, "postgresql://lain@host/db")
    assert database.resolve_target() == "postgresql://lain@host/db"
    assert database.resolve_target("berkas.db") == "berkas.db"


def test_a_failed_open_never_shows_the_password(server_kosong, pg_server):
    url = server.buat_url("127.0.0.1", pg_server.port, "tidak_ada", pg.PERAN_SANDI, "rahasia-ku")
    with pytest.raises(database.DatabaseOpenError) as caught:
        database.open_database(url)
    assert "rahasia-ku" not in str(caught.value)


# --- server siapkan ------------------------------------------------------------------------------


def test_siapkan_on_an_empty_database_then_the_admin_logs_in(server_kosong):
    inst, admin = server.siapkan(server_kosong, DATA)
    assert inst.nama == "Dinas Contoh" and admin.login == "pengelola"
    db.obj.close()
    db.initialize(None)

    with terbuka(server_kosong) as opened:
        assert isinstance(opened, pw.PostgresqlDatabase)
        assert database.schema_version(opened) == database.CURRENT_VERSION
        aktor = akun_service.masuk("pengelola", SANDI)
        assert aktor.punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN)
        assert aktor.kunci is not None and aktor.kunci_kantor is not None
        assert {u.nama for u in UnitKerja.select()} == {
            "Dinas Contoh", "Sekretariat", "Bidang Umum"}
        laporan = verifikasi.periksa()
        assert laporan.ok and laporan.temuan == []
        assert Riwayat.select().where(Riwayat.aksi == "siapkan").count() == 2


def test_siapkan_is_refused_on_a_database_holding_an_office_and_changes_nothing(server_kosong):
    server.siapkan(server_kosong, DATA)
    db.obj.close()
    db.initialize(None)
    before = dump(server_kosong)
    with pytest.raises(server.ServerTidakKosong, match="sudah berisi kantor 'Dinas Contoh'"):
        server.siapkan(server_kosong, DATA)
    assert dump(server_kosong) == before


def test_siapkan_is_refused_on_a_database_of_something_else(server_kosong):
    other = database.connect(server_kosong)
    other.execute_sql("CREATE TABLE gaji (id INTEGER)")
    other.close()
    with pytest.raises(server.ServerGagal, match="bukan milik skpdesk"):
        server.siapkan(server_kosong, DATA)
    assert _tabel(server_kosong) == ["gaji"]


# --- migrate-to ----------------------------------------------------------------------------------


def test_migrate_the_demo_office_verifies_every_table_and_the_signed_history(
        laptop_demo, server_kosong):
    with terbuka(laptop_demo):
        di_laptop = _pegawai()
        baris_riwayat = Riwayat.select().count()
    seen: list[tuple[str, int]] = []

    hasil = server.pindahkan(laptop_demo, server_kosong,
                             lambda tabel, baris, n, total: seen.append((tabel, baris)))

    assert [t for t, _n in seen] == [m._meta.table_name for m in server.urutan_tabel()]
    assert server.tabel_berbeda(hasil) == []
    assert hasil.sumber == hasil.tujuan
    assert hasil.sumber["riwayat"].baris == baris_riwayat
    assert hasil.sumber["pegawai"].baris == len(di_laptop)
    # The history as it was: every seal and signature still holds on the server.
    laporan = verifikasi.periksa()
    assert laporan.ok and laporan.temuan == [], laporan.temuan[:3]
    assert laporan.baris == baris_riwayat
    db.obj.close()
    db.initialize(None)

    # The app opens the server and sees the same office; new history continues after it.
    with terbuka(server_kosong) as opened:
        assert isinstance(opened, pw.PostgresqlDatabase)
        assert _pegawai() == di_laptop
        last = Riwayat.select(pw.fn.MAX(Riwayat.nomor)).scalar()
        login("admin")
        assert Riwayat.select(pw.fn.MAX(Riwayat.nomor)).scalar() > last
        assert verifikasi.periksa().ok
    # Each table's hash is the same computed afresh on either side.
    with terbuka(server_kosong):
        di_server = {m._meta.table_name: server.ringkas_tabel(m) for m in server.urutan_tabel()}
    with terbuka(laptop_demo):
        asal = {m._meta.table_name: server.ringkas_tabel(m) for m in server.urutan_tabel()}
    beda = {t for t in asal if asal[t] != di_server[t]}
    # Only the login just made differs (its history row and the account's counters).
    assert beda <= {"riwayat", "akun"}


def test_migrate_is_refused_on_a_target_that_holds_data(laptop_demo, server_kosong):
    server.siapkan(server_kosong, DATA)
    db.obj.close()
    db.initialize(None)
    before = dump(server_kosong)
    with pytest.raises(server.ServerTidakKosong, match="Tidak ada yang diubah"):
        server.pindahkan(laptop_demo, server_kosong)
    assert dump(server_kosong) == before


def test_a_source_that_is_not_a_skpdesk_file_is_refused(tmp_path, server_kosong):
    teks = tmp_path / "catatan.db"
    teks.write_text("bukan basis data\n" * 200)
    with pytest.raises(server.ServerGagal, match="Berkas sumber ditolak: .*rusak"):
        server.pindahkan(teks, server_kosong)
    lain = tmp_path / "lain.db"
    con = sqlite3.connect(lain)
    con.execute("CREATE TABLE gaji (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(server.ServerGagal, match="bukan basis data skpdesk"):
        server.pindahkan(lain, server_kosong)
    with pytest.raises(server.ServerGagal, match="tidak ditemukan"):
        server.pindahkan(tmp_path / "tidak-ada.db", server_kosong)
    assert not (tmp_path / "tidak-ada.db").exists()
    assert _tabel(server_kosong) == []


def test_a_table_that_differs_after_the_copy_rolls_everything_back(
        laptop_demo, server_kosong, monkeypatch):
    real = server._tulis

    def drops_one(target, model, rows):
        if model._meta.table_name == "umpan_balik_perilaku":
            rows = rows[1:]
        real(target, model, rows)

    monkeypatch.setattr(server, "_tulis", drops_one)
    with pytest.raises(server.SalinanTidakCocok) as caught:
        server.pindahkan(laptop_demo, server_kosong)
    assert caught.value.tabel == "umpan_balik_perilaku"
    assert "umpan_balik_perilaku" in str(caught.value) and "dibatalkan" in str(caught.value)
    # Nothing stays, the schema included: the server can take the copy again.
    assert _tabel(server_kosong) == []
    monkeypatch.setattr(server, "_tulis", real)
    assert server.tabel_berbeda(server.pindahkan(laptop_demo, server_kosong)) == []


def test_an_older_laptop_file_is_upgraded_first_with_a_backup(tmp_path, server_kosong):
    path = tmp_path / "laptop.db"
    _v6(path)
    hasil = server.pindahkan(path, server_kosong)
    assert server.tabel_berbeda(hasil) == []
    assert [c.name for c in (path.parent / database.BACKUP_FOLDER).iterdir()][0].startswith(
        "laptop-sebelum-skema-7")
    # The old rows arrive hashed; the administrator's first login on the server seals them.
    assert verifikasi.periksa().ok
    db.obj.close()
    db.initialize(None)
    with terbuka(server_kosong):
        akun_service.masuk("admin", V6_SANDI)
        laporan = verifikasi.periksa()
        assert laporan.ok and laporan.temuan == []


# --- the least-privilege role the README recommends ----------------------------------------------


def test_the_app_role_works_without_owning_the_tables_and_cannot_rewrite_history(
        server_kosong, pg_server):
    server.siapkan(server_kosong, DATA)
    db.obj.close()
    db.initialize(None)
    dbname = server_kosong.rsplit("/", 1)[1]
    app = "aplikasi_" + dbname
    pg_server.sql(f"CREATE ROLE {app} LOGIN")
    try:
        pg.hak_aplikasi(pg_server, dbname, app)
        url = f"postgresql://{app}@127.0.0.1:{pg_server.port}/{dbname}"
        with terbuka(url) as opened:
            aktor = akun_service.masuk("pengelola", SANDI)  # writes and seals a history row
            root = UnitKerja.get(UnitKerja.induk.is_null())
            kantor.tambah_unit(aktor, "Bidang Baru", root.id)
            assert verifikasi.periksa().ok
            for statement in ("DELETE FROM riwayat", "UPDATE riwayat SET catatan = 'x'",
                              "DROP TRIGGER riwayat_lindungi ON riwayat",
                              "CREATE TABLE lain (id INTEGER)"):
                with (pytest.raises(pw.ProgrammingError, match="permission denied|must be owner"),
                      opened.atomic()):
                    opened.execute_sql(statement)
    finally:
        # The role's grants go with the database; the fixture's drop finds it gone.
        pg_server.drop(dbname)
        pg_server.sql(f"DROP ROLE IF EXISTS {app}")
