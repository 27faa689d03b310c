"""PP 46/2011 periods through the services: docs/domain.md §11 A numbers, rights, history."""

from __future__ import annotations

from decimal import Decimal

import pytest

from skpdesk.domain.aturan import AspekPerilakuPP46, SebutanPP46, TingkatKreativitas
from skpdesk.domain.workflow import StatusSKP
from skpdesk.services import pp46
from skpdesk.services import skp as skp_service
from skpdesk.services.errors import AksesDitolak, ValidasiGagal
from skpdesk.services.pp46 import IsianKegiatan
from skpdesk.store.models import SKP, Pegawai, Riwayat
from tests.helpers import login, pp46_disetujui

DIMAS, HENDRA, CAMAT, SITI = "Dimas Saputra", "Hendra Gunawan", "Bambang Setiawan", "Siti Rahayu"
A = AspekPerilakuPP46
S = SebutanPP46


def history(skp: SKP) -> list[str]:
    rows = Riwayat.select().where(Riwayat.entitas_id == str(skp.id)).order_by(Riwayat.nomor)
    return [r.aksi for r in rows]


# docs/domain.md §11 A: (target), (realisasi), nilai, sebutan.
CASES = {
    "A1": (("1", 100, 12, "170.395.000"), ("1", 90, 12, "170.395.000"), "85.50", S.BAIK),
    "A2": (("10", 100, 12, None), ("10", 100, 12, None), "92.00", S.SANGAT_BAIK),
    "A3": (("5", 100, 12, None), ("5", 100, 10, None), "97.56", S.SANGAT_BAIK),
    "A5": (("100", 100, 12, None), ("80", 90, 13, None), "79.22", S.BAIK),
    "A6": (("1", 100, 12, "10.000.000"), ("1", 100, 12, "7.000.000"), "86.50", S.BAIK),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_worked_cases_of_domain_md_through_the_services(kantor_demo, case):
    (to, tk, tw, tb), (ro, rk, rw, rb), nilai, sebutan = CASES[case]
    tahun = 2013 + sorted(CASES).index(case)
    skp = pp46_disetujui(DIMAS, tahun, [IsianKegiatan(case, to, "dokumen", tk, tw, tb)])
    row = pp46.daftar_kegiatan(skp)[0]
    pp46.isi_realisasi(login(DIMAS), row.id, kuantitas=ro, kualitas=rk, waktu=rw, biaya=rb)
    hasil = pp46.hitung(skp.id)
    (_row, kegiatan), = hasil.kegiatan
    assert kegiatan.nilai_bulat == Decimal(nilai)
    assert hasil.nilai_capaian_skp == Decimal(nilai)
    assert hasil.capaian.sebutan is sebutan
    assert hasil.prestasi is None and "perilaku" in " ".join(hasil.kekurangan).lower()
    assert nilai.replace(".", ",") in kegiatan.teks  # the explanation ends on the number


def test_a1_and_a10_nilai_prestasi_kerja_for_staff(kantor_demo):
    skp = pp46_disetujui(
        DIMAS,
        2015,
        [IsianKegiatan("Laporan pelaksanaan kegiatan", "1", "laporan", 100, 12, "170.395.000",
                       angka_kredit="0,5")],
    )
    assert skp.regime == "PP_46_2011" and skp.status == StatusSKP.DISETUJUI
    (row,) = pp46.daftar_kegiatan(skp)
    assert (row.target_biaya, row.angka_kredit) == (Decimal("170395000"), Decimal("0.5"))
    pp46.isi_realisasi(login(DIMAS), row.id, kuantitas=1, kualitas=90, waktu=12,
                       biaya=Decimal("170395000"))
    hendra = login(HENDRA)
    with pytest.raises(ValidasiGagal, match="hanya dinilai untuk pejabat struktural"):
        pp46.nilai_perilaku(hendra, skp.id, {A.ORIENTASI_PELAYANAN: 80, A.KEPEMIMPINAN: 80})
    pp46.nilai_perilaku(
        hendra,
        skp.id,
        {"Orientasi Pelayanan": 80, A.INTEGRITAS: 82, A.KOMITMEN: "78", A.DISIPLIN: 85,
         A.KERJA_SAMA: 80},
    )
    hasil = pp46.hitung(skp.id)
    assert not hasil.struktural
    assert hasil.nilai_capaian_skp == Decimal("85.50")
    assert hasil.prestasi.rata_perilaku == Decimal(81)
    assert hasil.nilai_prestasi_kerja == Decimal("83.70")
    assert hasil.sebutan is S.BAIK
    assert hasil.kekurangan == []
    teks = hasil.prestasi.teks
    assert "405,00 / 5 = 81,00" in teks and "83,70 (Baik)" in teks
    assert history(skp)[-2:] == ["realisasi_pp46", "perilaku_pp46"]


def test_structural_officials_are_scored_on_six_aspects(kantor_demo):
    skp = pp46_disetujui(HENDRA, 2015, [IsianKegiatan("Pembinaan desa", "12", "desa", 100, 12)])
    (row,) = pp46.daftar_kegiatan(skp)
    pp46.isi_realisasi(login(HENDRA), row.id, kuantitas=12, kualitas=100, waktu=12)
    camat = login(CAMAT)
    pp46.nilai_perilaku(camat, skp.id, {a: 80 for a in A if a is not A.KEPEMIMPINAN})
    hasil = pp46.hitung(skp.id)
    assert hasil.struktural and hasil.prestasi is None
    assert "Kepemimpinan" in " ".join(hasil.kekurangan)
    pp46.nilai_perilaku(camat, skp.id, {A.KEPEMIMPINAN: 86})
    hasil = pp46.hitung(skp.id)
    # 276/3 = 92; perilaku (5 × 80 + 86)/6 = 81; 0,6 × 92 + 0,4 × 81 = 87,60.
    assert hasil.prestasi.pembagi == 6
    assert hasil.nilai_prestasi_kerja == Decimal("87.60")


def test_tugas_tambahan_and_kreativitas_add_to_the_nilai_capaian(kantor_demo):
    skp = pp46_disetujui(DIMAS, 2016, [IsianKegiatan("Rekap", "10", "dokumen")])
    (row,) = pp46.daftar_kegiatan(skp)
    dimas = login(DIMAS)
    pp46.isi_realisasi(dimas, row.id, kuantitas="10", kualitas="100", waktu="12")
    pp46.tambah_tugas_tambahan(dimas, skp.id, "Panitia pilkades", "Surat Perintah Camat 12/2016")
    tugas = pp46.tambah_tugas_tambahan(dimas, skp.id, "Piket layanan terpadu")
    pp46.atur_kreativitas(
        login(HENDRA), skp.id, TingkatKreativitas.UNIT_KERJA, "Aplikasi agenda surat desa",
        "Surat keterangan Kasi Pemerintahan",
    )
    hasil = pp46.hitung(skp.id)
    assert (hasil.tugas_tambahan, hasil.kreativitas) == (2, TingkatKreativitas.UNIT_KERJA)
    assert hasil.nilai_capaian_skp == Decimal("96.00")  # 92 + 1 + 3
    assert "Tugas tambahan: 2 tugas → 1" in hasil.capaian.teks
    pp46.hapus_tugas_tambahan(dimas, tugas.id)
    pp46.atur_kreativitas(dimas, skp.id, None)
    assert pp46.hitung(skp.id).nilai_capaian_skp == Decimal("93.00")
    assert history(skp)[-2:] == ["hapus_tugas_tambahan_pp46", "kreativitas_pp46"]


def test_a_kegiatan_not_carried_out_scores_zero_and_counts(kantor_demo):
    skp = pp46_disetujui(DIMAS, 2017, [IsianKegiatan("Rekap", "10", "dokumen"),
                                 IsianKegiatan("Kajian", "2", "kajian")])
    rekap, kajian = pp46.daftar_kegiatan(skp)
    dimas = login(DIMAS)
    pp46.isi_realisasi(dimas, rekap.id, kuantitas=10, kualitas=100, waktu=12)
    hasil = pp46.hitung(skp.id)
    assert hasil.capaian is None
    assert hasil.kekurangan == ["Realisasi kegiatan \u201cKajian\u201d belum diisi."]
    pp46.isi_realisasi(dimas, kajian.id, kuantitas=0)
    assert pp46.hitung(skp.id).nilai_capaian_skp == Decimal("46.00")  # (92 + 0) / 2


def test_rights_and_states(kantor_demo):
    dimas, hendra = login(DIMAS), login(HENDRA)
    with pytest.raises(AksesDitolak):
        pp46.buat_skp_pp46(login(SITI), 2015, pegawai_id=Pegawai.get(Pegawai.nama == DIMAS).id)
    skp = pp46.buat_skp_pp46(login("admin"), 2015, pegawai_id=dimas.pegawai_id)
    assert skp.penilai.nama == HENDRA and skp.atasan_penilai.nama == CAMAT
    assert skp.snapshot["penilai"]["nama"] == "Hendra Gunawan, S.IP."
    assert skp.rhk.count() == 0 and history(skp) == ["buat"]
    with pytest.raises(ValidasiGagal, match="sudah ada"):
        pp46.buat_skp_pp46(dimas, 2015)
    with pytest.raises(ValidasiGagal, match="Belum ada kegiatan"):
        skp_service.ajukan(dimas, skp.id)
    with pytest.raises(AksesDitolak):
        pp46.simpan_kegiatan(hendra, skp.id, [IsianKegiatan("Rekap", "10")])
    with pytest.raises(ValidasiGagal) as refused:
        pp46.simpan_kegiatan(dimas, skp.id, [IsianKegiatan("", "sepuluh", target_waktu=0)])
    assert set(refused.value.errors) == {
        "kegiatan.0.kegiatan", "kegiatan.0.kuantitas", "kegiatan.0.waktu"
    }
    pp46.simpan_kegiatan(dimas, skp.id, [IsianKegiatan("Rekap", "10", "dokumen")])
    (row,) = pp46.daftar_kegiatan(skp)
    with pytest.raises(AksesDitolak, match="belum dapat dinilai"):
        pp46.isi_realisasi(dimas, row.id, kuantitas=10, kualitas=100, waktu=12)
    skp_service.ajukan(dimas, skp.id)
    skp_service.kembalikan(hendra, skp.id, "Tambahkan kegiatan kajian.")
    # Saving after a return takes the SKP back to draft; kept rows keep their id.
    pp46.simpan_kegiatan(
        dimas, skp.id,
        [IsianKegiatan("Rekap", "12", "dokumen", id=row.id), IsianKegiatan("Kajian", "2")],
    )
    assert pp46.ambil(skp.id).status == StatusSKP.DRAFT
    assert [k.id == row.id for k in pp46.daftar_kegiatan(skp)] == [True, False]
    skp_service.ajukan(dimas, skp.id)
    skp_service.setujui(hendra, skp.id)
    with pytest.raises(AksesDitolak):
        pp46.simpan_kegiatan(dimas, skp.id, [])
    with pytest.raises(AksesDitolak, match="pejabat penilai"):
        pp46.nilai_perilaku(dimas, skp.id, {A.INTEGRITAS: 90})
    with pytest.raises(AksesDitolak):
        pp46.isi_realisasi(login(SITI), row.id, kuantitas=12, kualitas=100, waktu=12)
    with pytest.raises(ValidasiGagal) as refused:
        pp46.isi_realisasi(dimas, row.id, kuantitas=12)
    assert set(refused.value.errors) == {"kualitas", "waktu"}
    with pytest.raises(ValidasiGagal, match="antara 0 dan 100"):
        pp46.nilai_perilaku(hendra, skp.id, {A.INTEGRITAS: 101})
    # The penilai may correct the realisasi (he scores the mutu).
    pp46.isi_realisasi(hendra, row.id, kuantitas=12, kualitas=95, waktu=12)
    assert pp46.daftar_kegiatan(skp)[0].realisasi_kualitas == 95
    assert "realisasi_pp46" in history(skp)


def test_an_skp_of_the_current_regime_is_not_a_pp46_skp(kantor_demo):
    skp = skp_service.buat_skp(login(DIMAS), 2026)
    with pytest.raises(ValidasiGagal, match="tidak memakai aturan PP 46"):
        pp46.hitung(skp.id)
