"""The office's Pengukuran Kinerja report and cover letter in the archive: no SKP, its chain."""

from __future__ import annotations

import hashlib

import pytest

from skpdesk.documents import buat_dokumen
from skpdesk.domain.kepegawaian import Peran
from skpdesk.services import dokumen as dokumen_service
from skpdesk.services import pengukuran as ps
from skpdesk.services.dokumen import StatusDokumen
from skpdesk.services.errors import AksesDitolak
from skpdesk.store.models import Akun, Dokumen, PengukuranKinerja, Riwayat
from tests.helpers import aktor

from .conftest import NIP_CAMAT, admin
from .helpers import tanpa_tag
from .test_arsip import PDF, PNG


def _tw1() -> PengukuranKinerja:
    return ps.daftar_pengukuran(ps.daftar_pk()[0])[0]


def _kasi(p: PengukuranKinerja):
    return aktor(Akun.get(Akun.pegawai == next(iter(ps.kasi_pada(p)))).login)



def _orang_luar(p: PengukuranKinerja):
    """A pegawai with an account who has no part in the chain and is neither perencana nor
    the personnel office."""
    for akun in Akun.select().where(Akun.pegawai.is_null(False)):
        who = aktor(akun.login)
        if not (ps.peran_pada(who, p) or who.punya(Peran.PERENCANA)
                or who.punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN)):
            return who
    raise AssertionError("the demo office has nobody outside the chain")


@pytest.mark.parametrize("kode", ["pengukuran", "pengantar_pk"])
def test_the_report_and_its_cover_letter_are_archived_with_their_hash(demo_db, folder_data, kode):
    p = _tw1()
    hasil = buat_dokumen(aktor(NIP_CAMAT), kode, p.id)
    dok = Dokumen.get_by_id(hasil.dokumen.id)
    data = hasil.path.read_bytes()
    tanpa_tag(data)
    assert hashlib.sha256(data).hexdigest() == dok.sha256
    assert dokumen_service.berkas_utuh(dok)
    assert hasil.path == folder_data / dok.path
    assert dok.path.startswith(f"dokumen/{p.pk.tahun}/pengukuran/{kode}_{p.pk.tahun}_TW1_v")
    assert (dok.jenis, dok.entitas, dok.entitas_id) == (kode, "PengukuranKinerja", str(p.id))
    assert dok.skp_id is None and dok.pegawai_id is None
    assert (dok.tahun, dok.periode, dok.versi_data) == (p.pk.tahun, "TW1", p.versi)
    assert dok.status == StatusDokumen.DIBUAT and dok.dibuat_oleh_nama.startswith("Drs. Bambang")
    history = Riwayat.get((Riwayat.entitas == "Dokumen") & (Riwayat.entitas_id == str(dok.id)))
    assert history.aksi == "buat" and history.rincian["sha256"] == dok.sha256
    assert history.rincian["entitas_id"] == str(p.id) and history.rincian["skp"] is None


def test_the_perencana_a_kasi_and_the_personnel_office_may_make_it(demo_db):
    p = _tw1()
    perencana = next(
        aktor(a.login) for a in Akun.select().where(Akun.pegawai.is_null(False))
        if aktor(a.login).punya(Peran.PERENCANA)
    )
    kasi = _kasi(p)
    for who in (perencana, kasi, admin()):
        assert buat_dokumen(who, "pengukuran", p.id).path.is_file()


def test_someone_outside_the_chain_is_refused_and_nothing_is_written(demo_db, folder_data):
    p = _tw1()
    luar = _orang_luar(p)
    with pytest.raises(AksesDitolak, match="Pengukuran Kinerja"):
        buat_dokumen(luar, "pengantar_pk", p.id)
    assert Dokumen.select().count() == 0
    assert not (folder_data / dokumen_service.FOLDER_ARSIP).exists()


def test_listed_for_a_participant_not_for_others(demo_db):
    p = _tw1()
    dok = buat_dokumen(aktor(NIP_CAMAT), "pengukuran", p.id).dokumen
    kasi = _kasi(p)
    [row] = dokumen_service.daftar_dokumen(kasi, jenis="pengukuran")
    assert row.dokumen.id == dok.id and row.nip == "" and not row.kedaluwarsa
    assert p.pk.unit.nama in row.pemilik and "Triwulan I" in row.pemilik
    assert dok.id in {r.dokumen.id for r in dokumen_service.daftar_dokumen(admin())}
    assert dokumen_service.daftar_dokumen(_orang_luar(p), jenis="pengukuran") == []
    # Found by the unit's name; out of date once the measurement changes.
    word = p.pk.unit.nama.split()[-1]
    assert [r.dokumen.id for r in dokumen_service.daftar_dokumen(kasi, cari=word)] == [dok.id]
    PengukuranKinerja.update(versi=PengukuranKinerja.versi + 1).where(
        PengukuranKinerja.id == p.id).execute()
    [row] = dokumen_service.daftar_dokumen(kasi, jenis="pengukuran")
    assert row.kedaluwarsa


def test_the_signed_report_takes_its_scan_and_is_marked_signed(demo_db):
    p = _tw1()
    dok = buat_dokumen(aktor(NIP_CAMAT), "pengukuran", p.id).dokumen
    with pytest.raises(AksesDitolak):
        dokumen_service.lampirkan_scan(_orang_luar(p), dok.id, PDF)
    with pytest.raises(AksesDitolak):
        dokumen_service.tandai_ditandatangani(_orang_luar(p), dok.id)
    kasi = _kasi(p)
    dok = dokumen_service.lampirkan_scan(kasi, dok.id, PNG)
    stored = dokumen_service.path_berkas(dok.scan_path)
    assert stored.read_bytes() == PNG and stored.parent.name == "pengukuran"
    assert dok.scan_sha256 == hashlib.sha256(PNG).hexdigest() and dok.scan_jenis == "png"
    dok = dokumen_service.tandai_ditandatangani(aktor(NIP_CAMAT), dok.id, "Ditandatangani semua")
    assert Dokumen.get_by_id(dok.id).status == StatusDokumen.DITANDATANGANI
    signed = Riwayat.get((Riwayat.entitas == "Dokumen") & (Riwayat.entitas_id == str(dok.id))
                         & (Riwayat.aksi == "tandatangani"))
    assert signed.rincian == {"versi_data": p.versi, "versi_saat_ini": p.versi}
