"""Schema 4 → 5 (PP 46/2011 content): the office's evaluations survive, PP 46 tables start empty."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from skpdesk.store import database
from skpdesk.store.models import (
    SKP,
    Evaluasi,
    KegiatanPP46,
    KreativitasPP46,
    PerilakuPP46,
    Riwayat,
    TugasTambahanPP46,
    db,
)

V4 = Path(__file__).with_name("schema_v4.sql")


@pytest.mark.sqlite_only("an older release's SQLite file, written with sqlite3")
def test_v4_database_opens_at_the_current_schema_with_its_data(db_path):
    con = sqlite3.connect(db_path)
    con.executescript(V4.read_text(encoding="utf-8"))
    con.execute("INSERT INTO schema_version (version, applied_at) VALUES (4, '2026-01-05')")
    con.execute(
        "INSERT INTO pegawai (id, nip, nama, gelar_depan, gelar_belakang, status, golongan, aktif,"
        " dibuat, diubah) VALUES ('22222222222222222222222222222222', '199305182019031006',"
        " 'Dimas Saputra', '', 'S.IP.', 'PNS', 'III/a', 1, '2026-01-05', '2026-01-05')"
    )
    con.execute(
        "INSERT INTO skp (id, pegawai_id, tahun, tgl_mulai, tgl_selesai, regime, varian,"
        " pendekatan, status, snapshot, lampiran, versi, status_sejak, dibuat, diubah) VALUES"
        " ('44444444444444444444444444444444', '22222222222222222222222222222222', 2024,"
        " '2024-01-01', '2024-12-31', 'PP_46_2011', 'JA_JF', 'KUANTITATIF', 'DISETUJUI',"
        " '{}', '{}', 2, '2024-01-08', '2024-01-05', '2024-01-08')"
    )
    con.execute(
        "INSERT INTO evaluasi (id, skp_id, tahun, periode, status, rating_hasil_kerja,"
        " rating_perilaku, predikat, justifikasi_distribusi, versi, status_sejak, dibuat, diubah)"
        " VALUES ('66666666666666666666666666666666', '44444444444444444444444444444444', 2024,"
        " 'TW4', 'FINAL', 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BAIK', '', 3,"
        " '2024-12-30', '2024-12-01', '2024-12-30')"
    )
    con.execute(
        "INSERT INTO riwayat (id, entitas, entitas_id, aksi, oleh_nama, waktu, catatan, nomor) "
        "VALUES ('33333333333333333333333333333333', 'Evaluasi', "
        "'66666666666666666666666666666666', 'finalkan', 'Hendra', '2024-12-30', '', 1)"
    )
    con.commit()
    con.close()

    opened = database.open_database(db_path)
    try:
        assert database.schema_version(opened) == database.CURRENT_VERSION  # through 5 onward
        skp = SKP.get()
        assert (skp.regime, skp.status, skp.versi) == ("PP_46_2011", "DISETUJUI", 2)
        assert Evaluasi.get().predikat == "BAIK"
        assert Riwayat.get().aksi == "finalkan"
        for model in (KegiatanPP46, TugasTambahanPP46, KreativitasPP46, PerilakuPP46):
            assert model.select().count() == 0
        KegiatanPP46.create(
            skp=skp, kegiatan="Laporan", target_kuantitas=1, target_biaya=Decimal("170395000"),
            realisasi_kualitas=Decimal("97.5556"),
        )
        row = KegiatanPP46.get()
        assert (row.target_biaya, row.realisasi_kualitas) == (
            Decimal("170395000"), Decimal("97.5556")
        )
        assert (row.target_kualitas, row.target_waktu) == (100, 12)
        PerilakuPP46.create(skp=skp, aspek="INTEGRITAS", nilai=Decimal("82.5"))
        assert PerilakuPP46.get().nilai == Decimal("82.5")
    finally:
        opened.close()
        db.initialize(None)
    copies = list((db_path.parent / "cadangan").glob("*sebelum-skema-5*.db"))
    assert len(copies) == 1
    con = sqlite3.connect(copies[0])
    try:
        assert con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == 4
    finally:
        con.close()


def test_the_pp46_step_may_run_twice(fresh_db):
    """Another schema step may land before this one: creating only what is missing is safe."""
    assert database._pp46_isian in database.MIGRATIONS.values()
    database._pp46_isian(fresh_db)
    assert fresh_db.table_exists("kegiatan_pp46")
