"""Verifying the signed history: a clean office has no findings; each way of changing the file
outside the application is reported with its own message, naming the record in words."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from skpdesk.cli import main
from skpdesk.services import akun as akun_service
from skpdesk.services import demo, verifikasi
from skpdesk.services import kunci as kunci_mod
from skpdesk.services import pegawai as roster
from skpdesk.services.errors import LoginGagal
from skpdesk.services.pegawai import DataPegawai
from skpdesk.services.verifikasi import GALAT, PERINGATAN, Temuan
from skpdesk.store import database, segel
from skpdesk.store.models import Akun, KunciPublik, Riwayat, db
from tests.helpers import sasaran, ubah_berkas
from tests.helpers import sql as sql_db

# These tests change the SQLite file with the sqlite3 tool, as someone holding the file would.
BERKAS_SQLITE = pytest.mark.sqlite_only("the SQLite file is changed with the sqlite3 tool")


NIP_NUR = "199004102015032002"  # Nur Aini, A.Md.: evaluations final through this year's TW1
ISI_BERBEDA = "isi berbeda dari riwayat yang ditandatangani."


# --- the office in a file, changed with sqlite3 as someone outside the application would --------


def buka(path: Path):
    return database.open_database(path)


def _uuid(hex_id: str) -> str:
    return str(uuid.UUID(hex_id))


def evaluasi_tw1(path: Path) -> tuple[str, int]:
    """Nur Aini's TW1 evaluation of this year: its id as history names it, and the year."""
    hex_id, tahun = ubah_berkas(
        path,
        "SELECT e.id, e.tahun FROM evaluasi e JOIN skp s ON e.skp_id = s.id"
        " JOIN pegawai p ON s.pegawai_id = p.id WHERE p.nip = ? AND e.periode = 'TW1'"
        " ORDER BY e.tahun DESC LIMIT 1",
        (NIP_NUR,),
    )[0]
    return _uuid(hex_id), tahun


def nama_evaluasi(tahun: int) -> str:
    return f"Evaluasi TW1 Nur Aini, A.Md. {tahun}"


def riwayat_dari(path: Path, entitas_id: str) -> list[tuple]:
    """(id, nomor, aksi, waktu) of a record's history rows, oldest first."""
    return ubah_berkas(path, "SELECT id, nomor, aksi, waktu FROM riwayat WHERE entitas_id = ?"
                     " ORDER BY nomor", (entitas_id,))


def ubah_predikat(path: Path, evaluasi_id: str, predikat: str = "SANGAT_KURANG") -> None:
    ubah_berkas(path, "UPDATE evaluasi SET predikat = ? WHERE id = ?",
        (predikat, uuid.UUID(evaluasi_id).hex))


# --- a clean office -----------------------------------------------------------------------------


@BERKAS_SQLITE
def test_the_demo_office_verifies_with_no_findings(demo_copy):
    buka(demo_copy)
    laporan = verifikasi.periksa()
    assert laporan.ok and laporan.temuan == []
    assert laporan.baris == Riwayat.select().count() > 1000
    assert laporan.rekaman > 200
    cepat = verifikasi.periksa_isi()
    assert cepat.ok and cepat.temuan == [] and cepat.rekaman == laporan.rekaman


def test_a_new_office_and_its_first_changes_verify(kantor_siap):
    roster.tambah_pegawai(kantor_siap, DataPegawai(nip="198503152010012003", nama="Sri Rahayu",
                                                   golongan="III/b"))
    laporan = verifikasi.periksa()
    assert laporan.temuan == [] and laporan.ok
    assert laporan.baris == Riwayat.select().count()


# --- each way of changing the file --------------------------------------------------------------


@BERKAS_SQLITE
def test_a_changed_predikat_is_content_that_differs_from_the_signed_history(demo_copy):
    evaluasi_id, tahun = evaluasi_tw1(demo_copy)
    ubah_predikat(demo_copy, evaluasi_id)
    buka(demo_copy)
    expected = [Temuan(GALAT, "Evaluasi", evaluasi_id, nama_evaluasi(tahun), ISI_BERBEDA)]
    assert verifikasi.periksa().temuan == expected
    assert verifikasi.periksa_isi().temuan == expected
    assert verifikasi.periksa_rekaman("Evaluasi", evaluasi_id).temuan == expected
    assert str(expected[0]) == (
        f"Evaluasi TW1 Nur Aini, A.Md. {tahun}: isi berbeda dari riwayat yang ditandatangani."
    )
    with pytest.raises(verifikasi.IsiBerubah,
                       match=rf"^Evaluasi TW1 Nur Aini, A\.Md\. {tahun}: isi berbeda .* Data ini "
                             r"tidak dapat dicetak atau dikirim\."):
        verifikasi.wajib_utuh("Evaluasi", evaluasi_id)
    # Another record of the same person still verifies on its own.
    other = ubah_berkas(demo_copy, "SELECT skp_id FROM evaluasi WHERE id = ?",
                (uuid.UUID(evaluasi_id).hex,))[0][0]
    assert verifikasi.periksa_rekaman("SKP", _uuid(other)).temuan == []


@BERKAS_SQLITE
def test_an_edited_history_row_is_reported_as_changed_outside_the_application(demo_copy):
    evaluasi_id, tahun = evaluasi_tw1(demo_copy)
    row_id, _nomor, aksi, waktu = riwayat_dari(demo_copy, evaluasi_id)[1]
    ubah_berkas(demo_copy, "DROP TRIGGER riwayat_segel_update")
    ubah_berkas(demo_copy, "UPDATE riwayat SET catatan = 'diperbaiki' WHERE id = ?", (row_id,))
    buka(demo_copy)
    when = Riwayat.get_by_id(uuid.UUID(row_id)).waktu
    assert str(when) == waktu
    assert verifikasi.periksa().temuan == [Temuan(
        GALAT, "Evaluasi", evaluasi_id, nama_evaluasi(tahun),
        f"riwayat diubah di luar aplikasi ({aksi}, {when:%d-%m-%Y %H:%M}).")]
    # The quick check compares contents only: a row's text is for the full check.
    assert verifikasi.periksa_isi().temuan == []


@BERKAS_SQLITE
def test_a_deleted_history_row_breaks_the_chain(demo_copy):
    evaluasi_id, tahun = evaluasi_tw1(demo_copy)
    rows = riwayat_dari(demo_copy, evaluasi_id)
    assert len(rows) >= 3
    ubah_berkas(demo_copy, "DROP TRIGGER riwayat_no_delete")
    ubah_berkas(demo_copy, "DELETE FROM riwayat WHERE id = ?", (rows[1][0],))
    buka(demo_copy)
    assert verifikasi.periksa().temuan == [Temuan(
        GALAT, "Evaluasi", evaluasi_id, nama_evaluasi(tahun),
        "rantai riwayat terputus: ada baris yang hilang atau disisipkan.")]


def _tandatangani_ulang(path: Path, row_id: str, penanda, kunci: str) -> None:
    """Rewrite a row's key and hash as a forger would, and sign it with ``penanda``."""
    buka(path)
    data = segel.sebagai_dict(Riwayat.get_by_id(uuid.UUID(row_id)))
    data["kunci"] = kunci
    digest = segel.hash_baris(data)
    signature = penanda.tandatangani(bytes.fromhex(digest)).hex()
    db.obj.close()
    db.initialize(None)
    ubah_berkas(path, "DROP TRIGGER riwayat_segel_update")
    ubah_berkas(path, "UPDATE riwayat SET kunci = ?, hash = ?, tanda_tangan = ? WHERE id = ?",
        (kunci, digest, signature, row_id))


@BERKAS_SQLITE
def test_a_row_signed_again_with_a_key_the_office_does_not_know(demo_copy):
    evaluasi_id, tahun = evaluasi_tw1(demo_copy)
    last = riwayat_dari(demo_copy, evaluasi_id)[-1][0]  # the last: no later row links to it
    stranger = kunci_mod.baru()
    _tandatangani_ulang(demo_copy, last, stranger, stranger.sidik)
    buka(demo_copy)
    assert verifikasi.periksa().temuan == [Temuan(
        GALAT, "Evaluasi", evaluasi_id, nama_evaluasi(tahun),
        "ditandatangani dengan kunci yang tidak dikenal.")]


@BERKAS_SQLITE
def test_a_forged_signature_under_a_known_key_is_not_valid(demo_copy):
    evaluasi_id, tahun = evaluasi_tw1(demo_copy)
    last = riwayat_dari(demo_copy, evaluasi_id)[-1]
    signer = ubah_berkas(demo_copy, "SELECT kunci FROM riwayat WHERE id = ?", (last[0],))[0][0]
    assert ubah_berkas(demo_copy, "SELECT 1 FROM kunci_publik WHERE sidik = ?", (signer,))
    _tandatangani_ulang(demo_copy, last[0], kunci_mod.baru(), signer)
    buka(demo_copy)
    assert verifikasi.periksa().temuan == [Temuan(
        GALAT, "Evaluasi", evaluasi_id, nama_evaluasi(tahun),
        f"tanda tangan riwayat tidak sah ({last[2]}).")]


@BERKAS_SQLITE
def test_a_record_inserted_without_history(demo_copy):
    instansi = ubah_berkas(demo_copy, "SELECT id FROM instansi")[0][0]
    new = uuid.uuid4()
    ubah_berkas(demo_copy, "INSERT INTO unit_kerja (id, instansi_id, nama, induk_id, urutan, aktif)"
                " VALUES (?, ?, 'Seksi Siluman', NULL, 9, 1)", (new.hex, instansi))
    buka(demo_copy)
    expected = [Temuan(GALAT, "UnitKerja", str(new), "Unit kerja Seksi Siluman",
                       "tidak memiliki riwayat yang ditandatangani (dibuat di luar aplikasi).")]
    assert verifikasi.periksa().temuan == expected
    assert verifikasi.periksa_isi().temuan == expected


@BERKAS_SQLITE
def test_a_record_deleted_outside_the_application(demo_copy):
    hex_id = ubah_berkas(demo_copy, "SELECT id FROM catatan_penilai LIMIT 1")[0][0]
    ubah_berkas(demo_copy, "DELETE FROM catatan_penilai WHERE id = ?", (hex_id,))
    buka(demo_copy)
    # Gone, it can only be named by its kind and the start of its id.
    expected = [Temuan(GALAT, "CatatanPenilai", _uuid(hex_id), f"CatatanPenilai {hex_id[:8]}",
                       "dihapus di luar aplikasi.")]
    assert verifikasi.periksa().temuan == expected
    assert verifikasi.periksa_isi().temuan == expected


@BERKAS_SQLITE
def test_a_key_whose_certificate_was_removed_is_a_warning_on_each_record_it_signed(demo_copy):
    _akun, sidik = ubah_berkas(
        demo_copy, "SELECT a.id, k.sidik FROM akun a JOIN kunci_publik k ON k.akun_id = a.id"
                " JOIN pegawai p ON a.pegawai_id = p.id WHERE p.nip = ?", (NIP_NUR,))[0]
    signed = {(e, i) for e, i in ubah_berkas(
        demo_copy, "SELECT DISTINCT entitas, entitas_id FROM riwayat WHERE kunci = ?", (sidik,))}
    assert signed
    ubah_berkas(demo_copy, "UPDATE kunci_publik SET sertifikat = NULL WHERE sidik = ?", (sidik,))
    buka(demo_copy)
    laporan = verifikasi.periksa()
    assert laporan.ok  # a warning: the signatures themselves are sound
    assert {(t.entitas, t.entitas_id) for t in laporan.temuan} == signed
    assert {(t.tingkat, t.pesan) for t in laporan.temuan} == {
        (PERINGATAN, "ditandatangani dengan kunci yang belum disahkan kantor.")}
    # One warning a record, however many of its rows that key signed.
    assert len(laporan.temuan) == len(signed)


# --- keys through password changes --------------------------------------------------------------


def _sidik(akun_id) -> str:
    return Akun.get_by_id(akun_id).kunci_rahasia["sidik"]


def test_a_password_change_keeps_the_key_and_every_row_verifies(kantor_siap):
    p = roster.tambah_pegawai(kantor_siap, DataPegawai(nip="198503152010012003",
                                                       nama="Sri Rahayu", golongan="III/b"))
    akun = akun_service.buat_akun(kantor_siap, p.nip, "awal12345", pegawai_id=p.id)
    sri = akun_service.masuk(p.nip, "awal12345")
    before = _sidik(akun.id)
    assert sri.kunci.sidik == before
    akun_service.ganti_sandi(sri, "awal12345", "baru12345")
    assert _sidik(akun.id) == before
    again = akun_service.masuk(p.nip, "baru12345")
    assert again.kunci.sidik == before
    rows = list(Riwayat.select().where(Riwayat.entitas_id == str(akun.id)))
    assert {r.aksi for r in rows} >= {"masuk", "ganti_sandi"}
    assert {r.kunci for r in rows if r.aksi in ("masuk", "ganti_sandi")} == {before}
    laporan = verifikasi.periksa()
    assert laporan.ok and laporan.temuan == []


def test_an_administrator_reset_gives_a_new_key_and_old_rows_still_verify(kantor_siap):
    p = roster.tambah_pegawai(kantor_siap, DataPegawai(nip="198503152010012003",
                                                       nama="Sri Rahayu", golongan="III/b"))
    akun = akun_service.buat_akun(kantor_siap, p.nip, "awal12345", pegawai_id=p.id)
    akun_service.masuk(p.nip, "awal12345")
    old = _sidik(akun.id)
    akun_service.atur_sandi(kantor_siap, akun.id, "reset12345")
    new = _sidik(akun.id)
    assert new != old
    # Both public keys stay, both certified: the rows the old one signed still verify.
    assert {k.sidik for k in KunciPublik.select().where(KunciPublik.akun == akun.id)} == {old, new}
    sri = akun_service.masuk(p.nip, "reset12345")
    assert sri.kunci.sidik == new
    akun_service.ganti_sandi(sri, "reset12345", "lagi12345")
    signers = [r.kunci for r in Riwayat.select().where(
        (Riwayat.entitas_id == str(akun.id)) & (Riwayat.oleh == akun.id)).order_by(Riwayat.nomor)]
    assert signers[0] == old and signers[-1] == new
    laporan = verifikasi.periksa()
    assert laporan.ok and laporan.temuan == []


def test_a_tampered_key_blob_refuses_the_login_until_the_password_is_reset(kantor_siap):
    p = roster.tambah_pegawai(kantor_siap, DataPegawai(nip="198503152010012003",
                                                       nama="Sri Rahayu", golongan="III/b"))
    akun = akun_service.buat_akun(kantor_siap, p.nip, "awal12345", pegawai_id=p.id,
                                  harus_ganti_sandi=False)
    blob = dict(akun.kunci_rahasia)
    blob["isi"] = "A" + blob["isi"][1:] if blob["isi"][0] != "A" else "B" + blob["isi"][1:]
    # Written as someone with the file would: no history row. The wrapped key is this
    # laptop's secret, not content (store/isi.py), so only the login notices.
    db.obj.execute_sql(sql_db("UPDATE akun SET kunci_rahasia = ? WHERE id = ?"),
                       (Akun.kunci_rahasia.db_value(blob), akun.id.hex))
    rows = Riwayat.select().count()
    with pytest.raises(LoginGagal, match="Kunci tanda tangan akun ini rusak"):
        akun_service.masuk(p.nip, "awal12345")
    assert Riwayat.select().count() == rows  # the refused login wrote nothing
    akun_service.atur_sandi(kantor_siap, akun.id, "baru12345")
    sri = akun_service.masuk(p.nip, "baru12345")
    assert sri.kunci is not None
    assert verifikasi.periksa().ok


# --- the command line ----------------------------------------------------------------------------


@BERKAS_SQLITE
def test_cli_exits_0_on_a_clean_office_and_1_after_a_changed_predikat(demo_copy, capsys):
    assert main(["verifikasi", "--db", str(demo_copy)]) == 0
    out = capsys.readouterr().out
    assert "Semua riwayat utuh dan tanda tangannya sah." in out
    db.obj.close()
    db.initialize(None)

    evaluasi_id, tahun = evaluasi_tw1(demo_copy)
    ubah_predikat(demo_copy, evaluasi_id)
    assert main(["verifikasi", "--db", str(demo_copy)]) == 1
    captured = capsys.readouterr()
    assert (f"GALAT: Evaluasi TW1 Nur Aini, A.Md. {tahun}: isi berbeda dari riwayat yang "
            "ditandatangani.") in captured.err.splitlines()
    assert "1 temuan" in captured.err
    assert "Semua riwayat utuh" not in captured.out


def test_cli_kode_current_old_and_unknown(kantor_siap, capsys):
    p = roster.tambah_pegawai(kantor_siap, DataPegawai(nip="198503152010012003",
                                                       nama="Sri Rahayu", golongan="III/b"))
    old = verifikasi.kode_rekaman("Pegawai", p.id)
    roster.ubah_pegawai(kantor_siap, p.id, DataPegawai(nip=p.nip, nama="Sri Rahayu",
                                                       golongan="III/c"))
    current = verifikasi.kode_rekaman("Pegawai", p.id)
    assert old != current and len(current) == 12
    target = str(sasaran(db.obj))  # the file, or the PostgreSQL URL of this run

    assert main(["verifikasi", "--db", target, "--kode", current]) == 0
    out = capsys.readouterr().out
    assert "Pegawai Sri Rahayu (198503152010012003)" in out and "versi terkini" in out
    # Typed loosely: lower case, without the dashes.
    assert main(["verifikasi", "--db", target, "--kode",
                 current.replace("-", "").lower()]) == 0
    capsys.readouterr()

    assert main(["verifikasi", "--db", target, "--kode", old]) == 1
    err = capsys.readouterr().err
    assert "Pegawai Sri Rahayu (198503152010012003)" in err and "versi lama" in err

    assert main(["verifikasi", "--db", target, "--kode", "ZZZZ-ZZZZ-ZZ"]) == 1
    assert "tidak dikenal" in capsys.readouterr().err
    assert main(["verifikasi", "--db", target, "--kode", "AB"]) == 1
    assert "tidak dikenal" in capsys.readouterr().err


@BERKAS_SQLITE
def test_cli_on_a_demo_login_with_the_demo_password(demo_copy, capsys):
    """The demo's accounts share one password; logging in signs with each one's own key."""
    buka(demo_copy)
    aktor = akun_service.masuk(NIP_NUR, demo.DEMO_SANDI)
    assert aktor.kunci is not None
    db.obj.close()
    db.initialize(None)
    assert main(["verifikasi", "--db", str(demo_copy)]) == 0


# --- the background check and the signatures on many threads ----------------------------------


@BERKAS_SQLITE
def test_the_background_check_reads_on_its_own_connection_and_never_writes(demo_copy):
    import threading

    evaluasi_id, tahun = evaluasi_tw1(demo_copy)
    ubah_predikat(demo_copy, evaluasi_id)
    buka(demo_copy)
    quick: list = []
    result: list = []

    def worker() -> None:
        def sela(laporan) -> None:
            quick.append(laporan)
            # This thread's connection is read-only: a write is refused by SQLite.
            with pytest.raises(Exception, match="readonly"):
                db.obj.execute_sql(sql_db("UPDATE riwayat SET catatan = catatan WHERE 0"))

        result.append(verifikasi.periksa_latar(sela=sela))

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    expected = [Temuan(GALAT, "Evaluasi", evaluasi_id, nama_evaluasi(tahun), ISI_BERBEDA)]
    assert [q.temuan for q in quick] == [expected]
    assert result[0].temuan == expected and result[0].baris == Riwayat.select().count()
    # The window's own connection is untouched and still writes.
    akun_service.masuk(NIP_NUR, demo.DEMO_SANDI)


@BERKAS_SQLITE
def test_a_stopped_background_check_gives_nothing(demo_copy):
    buka(demo_copy)
    assert verifikasi.periksa_latar(lambda: True) is None
    with pytest.raises(verifikasi.Dibatalkan):
        verifikasi.periksa(lambda: True)


def test_signatures_on_several_threads_come_back_in_order():
    keys = [kunci_mod.baru() for _ in range(3)]
    items = []
    for n in range(5000):
        key = keys[n % 3]
        data = n.to_bytes(4, "big")
        signature = key.tandatangani(data).hex()
        if n % 997 == 0:
            signature = signature[:-2] + ("00" if signature[-2:] != "00" else "11")
        items.append((key.publik.hex(), signature if n % 1999 else None, data))
    expected = [n % 997 != 0 and n % 1999 != 0 for n in range(5000)]
    assert kunci_mod.benar_banyak(items, pekerja=3) == expected
    assert kunci_mod.benar_banyak(items, pekerja=1) == expected
    assert kunci_mod.benar_banyak(items, pekerja=2, batal=lambda: True) is None
