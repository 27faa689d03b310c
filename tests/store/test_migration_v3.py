"""Schema 2 → 3 (the document archive): an office's SKPs survive and the archive starts empty."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from skpdesk.store import database
from skpdesk.store.models import SKP, Dokumen, Pegawai, Riwayat, db

V2 = Path(__file__).with_name("schema_v2.sql")


@pytest.mark.sqlite_only("an older release's SQLite file, written with sqlite3")
def test_v2_database_with_skps_opens_as_v3_with_its_data(db_path):
    con = sqlite3.connect(db_path)
    con.executescript(V2.read_text(encoding="utf-8"))
    con.execute("INSERT INTO schema_version (version, applied_at) VALUES (2, '2026-01-05')")
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
        " '{\"pegawai\": {\"nama\": \"Nur Aini, A.Md.\"}}', '{}', 4, '2026-01-08', '2026-01-05',"
        " '2026-01-08')"
    )
    con.execute(
        "INSERT INTO riwayat (id, entitas, entitas_id, aksi, oleh_nama, waktu, catatan, nomor) "
        "VALUES ('33333333-3333-3333-3333-333333333333', 'SKP', "
        "'44444444444444444444444444444444', 'setujui', 'Agus', '2026-01-08', '', 1)"
    )
    con.commit()
    con.close()

    opened = database.open_database(db_path)
    try:
        assert database.schema_version(opened) == database.CURRENT_VERSION  # through 3 onward
        skp = SKP.get()
        assert (skp.status, skp.versi, skp.snapshot["pegawai"]["nama"]) == (
            "DISETUJUI", 4, "Nur Aini, A.Md.")
        assert Pegawai.get().nip == "199004102015032002"
        assert Riwayat.get().aksi == "setujui"
        assert Dokumen.select().count() == 0
        Dokumen.create(jenis="skp", entitas="SKP", entitas_id=str(skp.id), skp=skp,
                       pegawai=skp.pegawai, tahun=2026, versi_data=4, sha256="0" * 64,
                       path="dokumen/2026/x.docx")
        assert Dokumen.get().skp_id == skp.id
    finally:
        opened.close()
        db.initialize(None)
    # The copy taken before migrating is still version 2, with the SKP in it.
    [copy] = database.backup_folder(db_path).glob("*.db")
    con = sqlite3.connect(copy)
    assert con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == 2
    assert con.execute("SELECT versi FROM skp").fetchall() == [(4,)]
    con.close()
