"""The archive: a generated file with its SHA-256 and history, the signed scan, signing off."""

from __future__ import annotations

import hashlib

import pytest

from skpdesk.documents import buat_dokumen, buat_massal
from skpdesk.services import dokumen as dokumen_service
from skpdesk.services import skp as skp_service
from skpdesk.services.dokumen import MAKS_SCAN, StatusDokumen
from skpdesk.services.errors import AksesDitolak, ValidasiGagal
from skpdesk.store.models import SKP, Dokumen, EkspektasiPerilaku, Riwayat
from tests.helpers import aktor

from .conftest import NIP_KASUBBAG, NIP_PERENCANA, NIP_STAF, admin, skp_of
from .helpers import buka, semua_teks, tanpa_tag

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
JPG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def berkas(dok: Dokumen):
    return dokumen_service.path_berkas(dok.path)


def test_generate_records_the_file_its_hash_and_a_history_row(demo_db, folder_data):
    skp = skp_of(NIP_STAF)
    hasil = buat_dokumen(aktor(NIP_STAF), "skp", skp.id)
    dok = Dokumen.get_by_id(hasil.dokumen.id)
    data = hasil.path.read_bytes()
    assert hashlib.sha256(data).hexdigest() == dok.sha256
    assert dokumen_service.berkas_utuh(dok)
    # The path is relative to the data folder, with forward slashes.
    assert not dok.path.startswith("/") and "\\" not in dok.path
    assert hasil.path == folder_data / dok.path
    assert (dok.jenis, dok.entitas, dok.entitas_id) == ("skp", "SKP", str(skp.id))
    assert dok.versi_data == skp.versi and dok.tahun == skp.tahun and dok.periode == ""
    assert dok.pegawai_id == skp.pegawai_id and dok.status == StatusDokumen.DIBUAT
    assert dok.dibuat_oleh_nama == "Nur Aini, A.Md." and dok.templat == "bawaan:skp_ja_jf.docx"
    history = Riwayat.get((Riwayat.entitas == "Dokumen") & (Riwayat.entitas_id == str(dok.id)))
    assert history.aksi == "buat" and history.rincian["sha256"] == dok.sha256
    # The paper carries its archive code in the footer; the archive keeps the data as printed.
    tanpa_tag(data)
    assert f"arsip {str(dok.id)[:8]}" in semua_teks(data)
    assert dok.data_cetak["pegawai"]["nama"] == "Nur Aini, A.Md."
    assert buka(data).tables


@pytest.mark.parametrize("who", ["pegawai", "penilai", "admin"])
def test_the_pegawai_the_penilai_and_the_personnel_office_may_generate(demo_db, who):
    actor = {"pegawai": aktor(NIP_STAF), "penilai": aktor(NIP_KASUBBAG), "admin": admin()}[who]
    assert buat_dokumen(actor, "lampiran_skp", skp_of(NIP_STAF).id).path.is_file()


def test_anyone_else_is_refused_and_nothing_is_written(demo_db, folder_data):
    with pytest.raises(AksesDitolak):
        buat_dokumen(aktor(NIP_PERENCANA), "skp", skp_of(NIP_STAF).id)
    assert Dokumen.select().count() == 0
    assert not (folder_data / dokumen_service.FOLDER_ARSIP).exists()


def test_data_changed_while_rendering_is_refused(demo_db, folder_data):
    skp = skp_of(NIP_STAF)
    with pytest.raises(ValidasiGagal, match="berubah"):
        dokumen_service.simpan_dokumen(
            aktor(NIP_STAF), jenis="skp", skp_id=skp.id, isi=b"x", versi_data=skp.versi - 1
        )
    assert Dokumen.select().count() == 0
    assert not list(folder_data.rglob("*.docx"))


def test_signed_scan_attaches_with_its_hash(demo_db):
    dok = buat_dokumen(aktor(NIP_STAF), "skp", skp_of(NIP_STAF).id).dokumen
    for data, kind in ((PDF, "pdf"), (JPG, "jpg"), (PNG, "png")):
        dok = dokumen_service.lampirkan_scan(aktor(NIP_KASUBBAG), dok.id, data)
        stored = dokumen_service.path_berkas(dok.scan_path)
        assert stored.read_bytes() == data and stored.suffix == f".{kind}"
        assert dok.scan_sha256 == hashlib.sha256(data).hexdigest()
        assert (dok.scan_jenis, dok.scan_ukuran) == (kind, len(data))
    rows = Riwayat.select().where(
        (Riwayat.entitas == "Dokumen") & (Riwayat.aksi == "lampirkan_scan")
    )
    assert rows.count() == 3


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 a .docx renamed .pdf", "PDF, JPG atau PNG"),
        (b"GIF89a" + b"\x00" * 10, "PDF, JPG atau PNG"),
        (b"", "PDF, JPG atau PNG"),
        (b"%PDF-" + b"\x00" * MAKS_SCAN, "terlalu besar"),
    ],
    ids=["zip", "gif", "empty", "too-large"],
)
def test_a_wrong_or_too_large_scan_is_refused_and_nothing_stored(demo_db, data, message):
    dok = buat_dokumen(aktor(NIP_STAF), "skp", skp_of(NIP_STAF).id).dokumen
    folder = berkas(dok).parent
    before = sorted(p.name for p in folder.iterdir())
    history = Riwayat.select().count()
    with pytest.raises(ValidasiGagal, match=message):
        dokumen_service.lampirkan_scan(aktor(NIP_STAF), dok.id, data)
    assert sorted(p.name for p in folder.iterdir()) == before
    assert Riwayat.select().count() == history
    again = Dokumen.get_by_id(dok.id)
    assert again.scan_path is None and again.scan_sha256 is None


def test_scan_by_a_stranger_is_refused(demo_db):
    dok = buat_dokumen(aktor(NIP_STAF), "skp", skp_of(NIP_STAF).id).dokumen
    with pytest.raises(AksesDitolak):
        dokumen_service.lampirkan_scan(aktor(NIP_PERENCANA), dok.id, PDF)


def test_marking_signed_freezes_the_data_version(demo_db):
    skp = skp_of("199305182019031006")  # Dimas Saputra: still a draft, so it can change
    me = aktor("199305182019031006")
    dok = buat_dokumen(me, "skp", skp.id).dokumen
    version = dok.versi_data
    signed = dokumen_service.tandai_ditandatangani(me, dok.id)
    assert signed.status == StatusDokumen.DITANDATANGANI and signed.ditandatangani is not None
    # The SKP changes afterwards: the signed document still points to what was printed.
    skp_service.simpan_isi(me, skp.id, skp_service.IsiSKP("KUANTITATIF",
                                                          skp_service.isian(skp), {}))
    assert SKP.get_by_id(skp.id).versi == version + 1
    again = Dokumen.get_by_id(dok.id)
    assert again.versi_data == version and dokumen_service.berkas_utuh(again)
    [row] = dokumen_service.daftar_dokumen(pegawai_id=skp.pegawai_id)
    assert row.kedaluwarsa and row.status_label == "Ditandatangani"
    with pytest.raises(ValidasiGagal, match="sudah"):
        dokumen_service.tandai_ditandatangani(me, dok.id)


def test_archive_lists_and_searches(demo_db):
    staf, penilai = aktor(NIP_STAF), aktor(NIP_KASUBBAG)
    a = buat_dokumen(staf, "skp", skp_of(NIP_STAF).id).dokumen
    b = buat_dokumen(staf, "lampiran_skp", skp_of(NIP_STAF).id).dokumen
    c = buat_dokumen(aktor(NIP_PERENCANA), "skp", skp_of(NIP_PERENCANA).id).dokumen
    dokumen_service.tandai_ditandatangani(penilai, a.id)
    ids = lambda rows: {r.dokumen.id for r in rows}  # noqa: E731
    assert ids(dokumen_service.daftar_dokumen()) == {a.id, b.id, c.id}
    assert ids(dokumen_service.daftar_dokumen(pegawai_id=skp_of(NIP_STAF).pegawai_id)) == {
        a.id, b.id}
    assert ids(dokumen_service.daftar_dokumen(jenis="lampiran_skp")) == {b.id}
    assert ids(dokumen_service.daftar_dokumen(status="DITANDATANGANI")) == {a.id}
    assert ids(dokumen_service.daftar_dokumen(tahun=a.tahun, periode="")) == {a.id, b.id, c.id}
    assert ids(dokumen_service.daftar_dokumen(tahun=a.tahun - 1)) == set()
    assert ids(dokumen_service.daftar_dokumen(cari="Fitri")) == {c.id}
    assert ids(dokumen_service.daftar_dokumen(cari="199004102015032002")) == {a.id, b.id}
    # Seen by a person: own documents and those of the SKPs one assesses; the office sees all.
    # (Nur Aini keeps the personnel records: she sees everything, like the administrator.)
    assert ids(dokumen_service.daftar_dokumen(staf)) == {a.id, b.id, c.id}
    assert ids(dokumen_service.daftar_dokumen(aktor(NIP_PERENCANA))) == {c.id}
    assert ids(dokumen_service.daftar_dokumen(penilai)) == {a.id, b.id}
    assert ids(dokumen_service.daftar_dokumen(admin())) == {a.id, b.id, c.id}


def test_batch_reports_progress_skips_failures_and_can_be_cancelled(demo_db):
    records = [skp_of(n).id for n in (NIP_STAF, NIP_PERENCANA, "198807252011011005")]
    steps = list(buat_massal(admin(), "skp", records))
    assert [(s.selesai, s.jumlah) for s in steps] == [(1, 3), (2, 3), (3, 3)]
    assert all(s.hasil and s.hasil.path.is_file() for s in steps)
    # A pegawai may print only what is hers: the others fail one by one, the batch goes on.
    steps = list(buat_massal(aktor(NIP_PERENCANA), "skp", records))
    assert [bool(s.hasil) for s in steps] == [False, True, False]
    assert "hanya dapat" in steps[0].galat
    done = []
    for step in buat_massal(admin(), "skp", records, batal=lambda: len(done) >= 1):
        done.append(step)
    assert len(done) == 1
    assert Dokumen.select().count() == 3 + 1 + 1


def test_ekspektasi_change_after_printing_marks_the_copy_out_of_date(demo_db):
    skp = skp_of("199305182019031006")
    dok = buat_dokumen(admin(), "skp", skp.id).dokumen
    skp_service.atur_ekspektasi(aktor("197812012006041009"), skp.id, 2, "Tepat waktu")
    [row] = dokumen_service.daftar_dokumen(pegawai_id=skp.pegawai_id)
    assert row.kedaluwarsa and row.dokumen.id == dok.id
    assert EkspektasiPerilaku.get((EkspektasiPerilaku.skp == skp.id)
                                  & (EkspektasiPerilaku.nomor == 2)).ekspektasi_khusus


def test_the_archive_names_the_pegawai_with_the_nip_spaced(demo_db, folder_data):
    skp = skp_of(NIP_STAF)
    made = buat_dokumen(aktor(NIP_STAF), "skp", skp.id)
    row = next(r for r in dokumen_service.daftar_dokumen(aktor(NIP_STAF))
               if r.dokumen.id == made.dokumen.id)
    assert row.pemilik.endswith(" — 19900410 201503 2 002")
