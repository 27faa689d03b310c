"""Schema 6 → 7 (signed history): old rows are chained and hashed, records without a history get
one, and the first administrator login signs them all with the new office key."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from skpdesk.services import akun as akun_service
from skpdesk.services import verifikasi
from skpdesk.store import database, segel
from skpdesk.store.models import Akun, KunciPublik, Riwayat, db

V6 = Path(__file__).with_name("schema_v6.sql")
SANDI = "rahasia123"


def _v6(db_path: Path) -> None:
    con = sqlite3.connect(db_path)
    con.executescript(V6.read_text(encoding="utf-8"))
    con.execute("INSERT INTO schema_version (version, applied_at) VALUES (6, '2026-01-05')")
    con.execute(
        "INSERT INTO pegawai (id, nip, nama, gelar_depan, gelar_belakang, status, golongan, aktif,"
        " dibuat, diubah) VALUES ('22222222222222222222222222222222', '197508122000031004',"
        " 'Bambang Setiawan', 'Drs.', 'M.Si.', 'PNS', 'IV/b', 1, '2026-01-05', '2026-01-05')"
    )
    for n, aksi in enumerate(("tambah", "ubah"), start=1):
        con.execute(
            "INSERT INTO riwayat (id, entitas, entitas_id, aksi, oleh_nama, waktu, catatan, nomor)"
            f" VALUES ('3333333333333333333333333333333{n}', 'Pegawai',"
            f" '22222222-2222-2222-2222-222222222222', '{aksi}', 'admin', '2026-01-05', '', {n})"
        )
    con.execute(
        "INSERT INTO akun (id, login, password_hash, peran, gagal_login, aktif, harus_ganti_sandi,"
        " dibuat) VALUES ('44444444444444444444444444444444', 'admin', ?,"
        " '[\"KEPEGAWAIAN\"]', 0, 1, 0, '2026-01-05')",
        (akun_service.hash_sandi(SANDI),),
    )
    con.commit()
    con.close()


@pytest.mark.sqlite_only("an older release's SQLite file, written with sqlite3")
def test_old_rows_are_hashed_then_sealed_by_the_first_administrator_login(db_path):
    _v6(db_path)
    opened = database.open_database(db_path)
    try:
        assert database.schema_version(opened) == database.CURRENT_VERSION
        rows = list(Riwayat.select().order_by(Riwayat.nomor))
        # The two old rows of the pegawai, and a first row for the account saved without one.
        assert [(r.entitas, r.aksi) for r in rows] == [
            ("Pegawai", "tambah"), ("Pegawai", "ubah"), ("Akun", "catat_awal")]
        assert all(r.kunci == segel.KUNCI_LAMA and r.hash for r in rows)
        assert rows[1].hash_sebelum == rows[0].hash and rows[0].hash_sebelum == ""
        assert rows[0].hash_isi is None and rows[1].hash_isi  # only the last knows the content
        before = verifikasi.periksa()
        assert before.ok
        assert [t.tingkat for t in before.temuan] == [verifikasi.PERINGATAN]
        assert "belum disegel" in before.temuan[0].pesan

        aktor = akun_service.masuk("admin", SANDI)
        assert aktor.kunci is not None and aktor.kunci_kantor is not None
        assert KunciPublik.select().where(KunciPublik.jenis == "KANTOR").count() == 1
        assert Akun.get().kunci_rahasia and Akun.get().kunci_kantor
        after = verifikasi.periksa()
        assert after.ok and after.temuan == []
        # A second login seals nothing again.
        akun_service.masuk("admin", SANDI)
        assert Riwayat.select().where(Riwayat.aksi == segel.AKSI_SEGEL_LAMA).count() == 1
    finally:
        opened.close()
        db.initialize(None)


@pytest.mark.sqlite_only("an older release's SQLite file, written with sqlite3")
def test_an_old_row_changed_after_the_seal_is_reported(db_path):
    _v6(db_path)
    opened = database.open_database(db_path)
    try:
        akun_service.masuk("admin", SANDI)
        opened.execute_sql("DROP TRIGGER riwayat_segel_update")
        opened.execute_sql("UPDATE riwayat SET catatan = 'diubah' WHERE nomor = 1")
        laporan = verifikasi.periksa()
        assert not laporan.ok
        assert any("diubah di luar aplikasi" in t.pesan for t in laporan.galat)
    finally:
        opened.close()
        db.initialize(None)
