"""Two processes on one SQLite file: a write waits for the other (busy timeout), a long hold is
refused cleanly (BasisDataSibuk, nothing written), the background check only reads, and a
login gets in while someone else writes. The other process is real (tests/proses_lain.py)."""

from __future__ import annotations

import pytest

from skpdesk.domain.entitas import Entitas
from skpdesk.services import akun, kantor, verifikasi
from skpdesk.services.errors import BasisDataSibuk, LayananError, LoginGagal
from skpdesk.store import database
from skpdesk.store.models import db
from tests.proses_lain import SANDI, buka_kantor, hitung, pegang_kunci_tulis, tutup

UNIT = "SELECT COUNT(*) FROM unit_kerja"
SESI_MASUK = f"SELECT COUNT(*) FROM riwayat WHERE entitas = '{Entitas.SESI}' AND aksi = 'masuk'"
# Longer than the 5 s busy timeout.
LAMA = database.SQLITE_PRAGMAS["busy_timeout"] / 1000 + 3


@pytest.fixture
def admin(db_path):
    aktor = buka_kantor(db_path)
    yield aktor
    tutup()


def test_a_write_waits_for_a_short_transaction_of_another_process(admin, db_path):
    before = hitung(db_path, UNIT)
    with pegang_kunci_tulis(db_path, 1.5) as other:
        unit = kantor.tambah_unit(admin, "Seksi Ketenteraman", None)
        other.selesai()
    assert unit.nama == "Seksi Ketenteraman"
    assert hitung(db_path, UNIT) == before + 1


def test_a_write_refused_after_the_busy_timeout_says_so_and_writes_nothing(admin, db_path):
    before = hitung(db_path, UNIT)
    with pegang_kunci_tulis(db_path, LAMA) as other:
        with pytest.raises(BasisDataSibuk) as refused:
            kantor.tambah_unit(admin, "Seksi Ketenteraman", None)
        other.lepas()
    assert isinstance(refused.value, LayananError)  # every screen shows it as a refusal
    assert "sedang dipakai proses lain" in str(refused.value)
    assert "coba lagi" in str(refused.value)
    assert hitung(db_path, UNIT) == before
    # The same call, now that the other let go, goes through.
    kantor.tambah_unit(admin, "Seksi Ketenteraman", None)
    assert hitung(db_path, UNIT) == before + 1


def test_write_transactions_begin_immediate_and_nested_ones_are_savepoints(admin):
    seen = []
    original = db.obj.cursor

    def cursor(*args, **kwargs):
        c = original(*args, **kwargs)
        execute = c.execute

        def spy(sql, *a):
            seen.append(sql)
            return execute(sql, *a)

        class Wrap:
            def __getattr__(self, name):
                return spy if name == "execute" else getattr(c, name)

        return Wrap()

    db.obj.cursor = cursor
    try:
        with db.atomic(), db.atomic():
            pass
        with database.transaksi_baca():
            pass
    finally:
        del db.obj.cursor
    assert seen[0] == "BEGIN IMMEDIATE"
    assert seen[1].startswith("SAVEPOINT")
    assert "BEGIN DEFERRED" in seen


def test_the_background_check_reads_while_another_process_holds_the_write_lock(admin, db_path):
    with pegang_kunci_tulis(db_path, LAMA + 5) as other:
        laporan = verifikasi.periksa()  # DEFERRED: a reader never waits for the write lock
        other.lepas()
    assert laporan.ok


def test_login_gets_in_while_another_process_writes_and_the_row_follows(admin, db_path):
    before = hitung(db_path, SESI_MASUK)
    with pegang_kunci_tulis(db_path, LAMA) as other:
        aktor = akun.masuk("admin", SANDI)
        assert aktor.login == "admin" and aktor.kunci is not None
        assert hitung(db_path, SESI_MASUK) == before  # not yet: the other still writes
        assert akun.ada_tertunda()
        other.selesai()
    assert akun.tunggu_tertunda(30)
    assert hitung(db_path, SESI_MASUK) == before + 1
    # The deferred row is sealed and signed like any other.
    assert verifikasi.periksa().ok


def test_a_wrong_password_while_another_process_writes_is_refused_not_uncounted(admin, db_path):
    with pegang_kunci_tulis(db_path, LAMA) as other:
        with pytest.raises(BasisDataSibuk):
            akun.masuk("admin", "bukan-sandinya1")
        other.lepas()
    assert hitung(db_path, "SELECT gagal_login FROM akun WHERE login = 'admin'") == 0
    with pytest.raises(LoginGagal, match="Sisa percobaan"):
        akun.masuk("admin", "bukan-sandinya1")
    assert hitung(db_path, "SELECT gagal_login FROM akun WHERE login = 'admin'") == 1
