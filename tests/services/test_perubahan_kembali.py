"""What changed since a return: the returned version is kept in the return's history row, and
the resubmission is compared with it (RHK, indikator and target texts added, removed, changed)."""

from __future__ import annotations

import dataclasses

from skpdesk.domain.perbandingan import JenisPerubahan, Perubahan, beda_isi
from skpdesk.domain.skp import IsianIKI
from skpdesk.services import skp as skp_service
from skpdesk.services import verifikasi
from skpdesk.services.skp import IsiSKP
from skpdesk.store.models import SKP, Riwayat
from tests.helpers import login
from tests.services.test_skp import DEWI, GOOD, SITI, TAHUN

T, H, U = JenisPerubahan.TAMBAH, JenisPerubahan.HAPUS, JenisPerubahan.UBAH
RHK1 = "Terlaksananya verifikasi data penerima bantuan sosial"


def _returned(siti, dewi):
    skp = skp_service.buat_skp(siti, TAHUN)
    skp_service.simpan_isi(siti, skp.id, GOOD)
    skp_service.ajukan(siti, skp.id)
    assert skp_service.perubahan_sejak_dikembalikan(SKP.get_by_id(skp.id)) is None  # no return
    skp_service.kembalikan(dewi, skp.id, "Naikkan target kuantitas; piket tidak perlu.")
    return SKP.get_by_id(skp.id)


def test_the_resubmission_is_compared_with_the_returned_version(kantor_demo, clock):
    siti, dewi = login(SITI), login(DEWI)
    skp = _returned(siti, dewi)
    row = Riwayat.get((Riwayat.entitas_id == str(skp.id)) & (Riwayat.aksi == "kembalikan"))
    kept = row.rincian[skp_service.ISI_DIKEMBALIKAN]
    assert [r["uraian"] for r in kept] == [RHK1, "Terlaksananya piket layanan"]
    assert kept[0]["iki"][0]["target"] == "1.200 Data"
    # While the pegawai revises there is nothing for the penilai to compare yet.
    assert skp_service.perubahan_sejak_dikembalikan(skp) is None

    # Siti raises a target, rewords an indicator, drops piket and adds an indicator.
    stored = skp_service.isian(skp)
    first = stored[0]
    iki = list(first.iki)
    iki[0] = dataclasses.replace(iki[0], target="1.500")
    iki[1] = dataclasses.replace(iki[1], indikator="Persentase data penerima yang valid")
    iki.append(IsianIKI("BIAYA", "Efisiensi biaya verifikasi", "100", "%"))
    revised = IsiSKP("KUANTITATIF", [dataclasses.replace(first, iki=iki)], GOOD.lampiran)
    skp_service.simpan_isi(siti, skp.id, revised)
    skp_service.ajukan(siti, skp.id)

    found = skp_service.perubahan_sejak_dikembalikan(SKP.get_by_id(skp.id))
    assert found is not None and found.dikembalikan.oleh_nama.startswith("Dewi Lestari")
    assert found.perubahan == [
        Perubahan(U, "Target (Jumlah data penerima yang diverifikasi)", RHK1,
                  "1.200 Data", "1.500 Data"),
        Perubahan(U, "Indikator", RHK1, "Persentase data valid",
                  "Persentase data penerima yang valid"),
        Perubahan(T, "Indikator", RHK1, baru="Efisiensi biaya verifikasi"),
        Perubahan(H, "RHK", "Terlaksananya piket layanan", lama="Terlaksananya piket layanan"),
        Perubahan(H, "Indikator", "Terlaksananya piket layanan", lama="Jumlah hari piket"),
    ]
    # The kept version is part of the signed history: the chain still verifies.
    laporan = verifikasi.periksa_rekaman("SKP", skp.id)
    assert laporan.ok and laporan.temuan == []
    # Approved, there is nothing left to compare.
    skp_service.setujui(dewi, skp.id)
    assert skp_service.perubahan_sejak_dikembalikan(SKP.get_by_id(skp.id)) is None


def test_a_resubmission_without_changes_says_so(kantor_demo, clock):
    siti, dewi = login(SITI), login(DEWI)
    skp = _returned(siti, dewi)
    skp_service.simpan_isi(siti, skp.id, IsiSKP("KUANTITATIF", skp_service.isian(skp),
                                                GOOD.lampiran))
    skp_service.ajukan(siti, skp.id)
    found = skp_service.perubahan_sejak_dikembalikan(SKP.get_by_id(skp.id))
    assert found is not None and found.perubahan == []


def test_rows_are_matched_by_id_so_a_reworded_rhk_is_one_change():
    lama = [{"id": "a", "jenis": "UTAMA", "uraian": "Lama", "intervensi": "",
             "iki": [{"id": "k", "aspek": "KUANTITAS", "indikator": "Jumlah", "target": "4 x"}]}]
    baru = [{"id": "a", "jenis": "TAMBAHAN", "uraian": "Baru", "intervensi": "RHK Camat",
             "iki": [{"id": "k", "aspek": "KUANTITAS", "indikator": "Jumlah", "target": "4 x"}]}]
    assert beda_isi(lama, baru) == [
        Perubahan(U, "RHK", "Baru", "Lama", "Baru"),
        Perubahan(U, "Jenis RHK", "Baru", "UTAMA", "TAMBAHAN"),
        Perubahan(U, "RHK pimpinan yang diintervensi", "Baru", "", "RHK Camat"),
    ]
    assert beda_isi(lama, lama) == []
