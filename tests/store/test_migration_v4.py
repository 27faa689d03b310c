"""Schema 3 → 4 (evaluations): an office's settings and SKPs survive, evaluations start empty."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from skpdesk.store import database
from skpdesk.store.models import SKP, Evaluasi, Pengaturan, Riwayat, db

V3 = Path(__file__).with_name("schema_v3.sql")


@pytest.mark.sqlite_only("an older release's SQLite file, written with sqlite3")
def test_v3_database_opens_as_v4_with_its_data(db_path):
    con = sqlite3.connect(db_path)
    con.executescript(V3.read_text(encoding="utf-8"))
    con.execute("INSERT INTO schema_version (version, applied_at) VALUES (3, '2026-01-05')")
    con.execute(
        "INSERT INTO instansi (id, nama, pemerintah_daerah, alamat, dibuat) "
        "VALUES ('11111111111111111111111111111111', 'Kecamatan Lama', '', '', '2026-01-05')"
    )
    con.execute(
        "INSERT INTO pengaturan (id, instansi_id, kop_surat, tempat, ukuran_kertas, logo_nama,"
        " cadangan_disimpan, opsi_alur) VALUES ('55555555555555555555555555555555',"
        " '11111111111111111111111111111111', '[]', 'Sukamaju', 'F4', '', 14, '[\"skp_bkpsdm\"]')"
    )
    con.execute(
        "INSERT INTO pegawai (id, nip, nama, gelar_depan, gelar_belakang, status, golongan, aktif,"
        " dibuat, diubah) VALUES ('22222222222222222222222222222222', '199004102015032002',"
        " 'Nur Aini', '', 'A.Md.', 'PNS', 'II/d', 1, '2026-01-05', '2026-01-05')"
    )
    con.execute(
        "INSERT INTO skp (id, pegawai_id, tahun, tgl_mulai, tgl_selesai, regime, varian,"
        " pendekatan, status, snapshot, lampiran, versi, status_sejak, dibuat, diubah) VALUES"
        " ('44444444444444444444444444444444', '22222222222222222222222222222222', 2026,"
        " '2026-01-01', '2026-12-31', 'PERMENPANRB_6_2022', 'JA_JF', 'KUANTITATIF', 'DISETUJUI',"
        " '{}', '{}', 4, '2026-01-08', '2026-01-05', '2026-01-08')"
    )
    con.execute(
        "INSERT INTO riwayat (id, entitas, entitas_id, aksi, oleh_nama, waktu, catatan, nomor) "
        "VALUES ('33333333333333333333333333333333', 'SKP', "
        "'44444444444444444444444444444444', 'setujui', 'Agus', '2026-01-08', '', 1)"
    )
    con.commit()
    con.close()

    opened = database.open_database(db_path)
    try:
        assert database.schema_version(opened) == database.CURRENT_VERSION  # through 4 onward
        setting = Pengaturan.get()
        assert (setting.ukuran_kertas, setting.opsi_alur) == ("F4", ["skp_bkpsdm"])
        assert setting.periodisitas == "TRIWULANAN"
        skp = SKP.get()
        assert (skp.status, skp.versi) == ("DISETUJUI", 4)
        assert Riwayat.get().aksi == "setujui"
        assert Evaluasi.select().count() == 0
        Evaluasi.create(skp=skp, tahun=2026, periode="TW1", status="BELUM_DIISI")
        assert Evaluasi.get().skp_id == skp.id
    finally:
        opened.close()
        db.initialize(None)
    copies = list((db_path.parent / "cadangan").glob("*sebelum-skema-4*.db"))
    assert len(copies) == 1
    con = sqlite3.connect(copies[0])
    try:
        assert con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == 3
    finally:
        con.close()
