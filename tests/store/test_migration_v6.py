"""Schema 5 → 6 (Pengukuran Kinerja): settings, people and SKPs survive, PK tables start empty."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from skpdesk.store import database
from skpdesk.store.models import (
    IndikatorPK,
    Pegawai,
    Pengaturan,
    PengukuranKinerja,
    PerjanjianKinerja,
    RealisasiPK,
    Riwayat,
    UnitKerja,
    db,
)

V5 = Path(__file__).with_name("schema_v5.sql")


@pytest.mark.sqlite_only("an older release's SQLite file, written with sqlite3")
def test_v5_database_opens_at_the_current_schema_with_its_data(db_path):
    con = sqlite3.connect(db_path)
    con.executescript(V5.read_text(encoding="utf-8"))
    con.execute("INSERT INTO schema_version (version, applied_at) VALUES (5, '2026-01-05')")
    con.execute(
        "INSERT INTO instansi (id, nama, pemerintah_daerah, alamat, dibuat) "
        "VALUES ('11111111111111111111111111111111', 'Kecamatan Lama', '', '', '2026-01-05')"
    )
    con.execute(
        "INSERT INTO unit_kerja (id, instansi_id, nama, urutan, aktif) VALUES"
        " ('77777777777777777777777777777777', '11111111111111111111111111111111',"
        " 'Kecamatan Lama', 0, 1)"
    )
    con.execute(
        "INSERT INTO pengaturan (id, instansi_id, kop_surat, tempat, ukuran_kertas, logo_nama,"
        " cadangan_disimpan, opsi_alur, periodisitas) VALUES ('55555555555555555555555555555555',"
        " '11111111111111111111111111111111', '[]', 'Sukamaju', 'F4', '', 14, '[]', 'BULANAN')"
    )
    con.execute(
        "INSERT INTO pegawai (id, nip, nama, gelar_depan, gelar_belakang, status, golongan, aktif,"
        " dibuat, diubah) VALUES ('22222222222222222222222222222222', '197508122000031004',"
        " 'Bambang Setiawan', 'Drs.', 'M.Si.', 'PNS', 'IV/b', 1, '2026-01-05', '2026-01-05')"
    )
    con.execute(
        "INSERT INTO riwayat (id, entitas, entitas_id, aksi, oleh_nama, waktu, catatan, nomor) "
        "VALUES ('33333333333333333333333333333333', 'Pegawai', "
        "'22222222222222222222222222222222', 'tambah', 'admin', '2026-01-05', '', 1)"
    )
    con.commit()
    con.close()

    opened = database.open_database(db_path)
    try:
        assert database.schema_version(opened) == database.CURRENT_VERSION  # through 6 onward
        setting = Pengaturan.get()
        assert (setting.ukuran_kertas, setting.periodisitas) == ("F4", "BULANAN")
        assert setting.pita_capaian is None  # the domain's default bands until the office sets
        assert Riwayat.get().aksi == "tambah"
        for model in (PerjanjianKinerja, IndikatorPK, PengukuranKinerja, RealisasiPK):
            assert model.select().count() == 0
        camat = Pegawai.get()
        pk = PerjanjianKinerja.create(unit=UnitKerja.get(), tahun=2026, pihak_pertama=camat)
        IndikatorPK.create(pk=pk, indikator="IKM", target=Decimal("82.5"),
                           target_tw={"1": "80"}, anggaran=Decimal("185000000"))
        row = IndikatorPK.get()
        assert (row.target, row.target_tw, row.anggaran) == (
            Decimal("82.5"), {"1": "80"}, Decimal("185000000")
        )
    finally:
        opened.close()
        db.initialize(None)
    copies = list((db_path.parent / "cadangan").glob("*sebelum-skema-6*.db"))
    assert len(copies) == 1
    con = sqlite3.connect(copies[0])
    try:
        assert con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == 5
    finally:
        con.close()
