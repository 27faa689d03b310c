"""The SKP planning chain through the services: rights from the document, content, history."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from skpdesk.domain.skp import IsianIKI, IsianRHK
from skpdesk.domain.workflow import OPSI_BKPSDM, StatusSKP
from skpdesk.services import kantor
from skpdesk.services import skp as skp_service
from skpdesk.services.errors import AksesDitolak, ValidasiGagal
from skpdesk.services.skp import IsiSKP
from skpdesk.store.models import (
    SKP,
    EkspektasiPerilaku,
    IndikatorKinerja,
    Pegawai,
    RencanaHasilKerja,
    Riwayat,
)
from tests.helpers import login

TAHUN = 2026
S = StatusSKP


SITI, DEWI, CAMAT, SEKCAM = "Siti Rahayu", "Dewi Lestari", "Bambang Setiawan", "Sri Wahyuni"

GOOD = IsiSKP(
    pendekatan="KUANTITATIF",
    rhk=[
        IsianRHK(
            "UTAMA",
            "Terlaksananya verifikasi data penerima bantuan sosial",
            [
                IsianIKI("KUANTITAS", "Jumlah data penerima yang diverifikasi", "1.200", "Data"),
                IsianIKI("KUALITAS", "Persentase data valid", "90-100", "%"),
                IsianIKI("WAKTU", "Ketepatan waktu verifikasi", "12", "Bulan"),
            ],
        ),
        IsianRHK(
            "TAMBAHAN",
            "Terlaksananya piket layanan",
            [
                IsianIKI("KUANTITAS", "Jumlah hari piket", "24", "Hari"),
            ],
        ),
    ],
    lampiran={"dukungan_sumber_daya": ["Komputer/laptop", " "], "konsekuensi": ["Reward"]},
)


def history(skp):
    return [
        r.aksi
        for r in Riwayat.select()
        .where((Riwayat.entitas == "SKP") & (Riwayat.entitas_id == str(skp.id)))
        .order_by(Riwayat.nomor)
    ]


def test_a_new_skp_stores_penilai_atasan_and_their_header_data(kantor_demo):
    siti = login(SITI)
    skp = skp_service.buat_skp(siti, TAHUN)
    assert skp.status == S.DRAFT and skp.varian == "JA_JF"
    assert (skp.tgl_mulai, skp.tgl_selesai) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert skp.penilai.nama == DEWI and skp.atasan_penilai.nama == CAMAT
    assert skp.snapshot["pegawai"] == {
        "id": str(siti.pegawai_id),
        "nama": "Siti Rahayu, S.Sos.",
        "nip": "19910226 201503 2 005",
        "pangkat_gol": "Penata Muda Tingkat I, III/b",
        "jabatan": "Analis Kesejahteraan Sosial",
        "jenis_jabatan": "PELAKSANA",
        "unit": "Seksi Kesejahteraan Sosial",
    }
    assert skp.snapshot["penilai"]["jabatan"] == "Kepala Seksi Kesejahteraan Sosial"
    assert EkspektasiPerilaku.select().where(EkspektasiPerilaku.skp == skp).count() == 7
    assert history(skp) == ["buat"]
    with pytest.raises(ValidasiGagal, match="sudah ada"):
        skp_service.buat_skp(siti, TAHUN)


def test_snapshot_does_not_follow_later_roster_changes(kantor_demo):
    skp = skp_service.buat_skp(login(SITI), TAHUN)
    Pegawai.update(golongan="III/c").where(Pegawai.nama == SITI).execute()
    assert SKP.get_by_id(skp.id).snapshot["pegawai"]["pangkat_gol"].endswith("III/b")


def test_content_is_saved_with_numeric_targets_and_ranges(kantor_demo):
    siti = login(SITI)
    skp = skp_service.buat_skp(siti, TAHUN)
    skp_service.simpan_isi(siti, skp.id, GOOD)
    skp = SKP.get_by_id(skp.id)
    rows = list(skp.rhk.order_by(RencanaHasilKerja.urutan))
    assert [r.jenis for r in rows] == ["UTAMA", "TAMBAHAN"]
    iki = list(rows[0].iki.order_by(IndikatorKinerja.urutan))
    assert [(k.target_min, k.target_max, k.satuan) for k in iki] == [
        (Decimal(1200), Decimal(1200), "Data"),
        (Decimal(90), Decimal(100), "%"),
        (Decimal(12), Decimal(12), "Bulan"),
    ]
    assert skp.lampiran == {
        "dukungan_sumber_daya": ["Komputer/laptop"],
        "skema_pertanggungjawaban": [],
        "konsekuensi": ["Reward"],
    }
    assert skp.versi == 2


def test_a_non_numeric_target_is_refused_and_nothing_saved(kantor_demo):
    siti = login(SITI)
    skp = skp_service.buat_skp(siti, TAHUN)
    bad = IsiSKP(
        "KUANTITATIF",
        [
            IsianRHK(
                "UTAMA", "RHK", [IsianIKI("KUANTITAS", "Jumlah laporan", "dua belas", "Dokumen")]
            )
        ],
    )
    with pytest.raises(ValidasiGagal) as info:
        skp_service.simpan_isi(siti, skp.id, bad)
    assert "angka" in info.value.errors["rhk.0.iki.0.target"]
    assert RencanaHasilKerja.select().count() == 0
    assert SKP.get_by_id(skp.id).versi == 1 and history(skp) == ["buat"]


def test_ajukan_checks_the_content_and_changes_nothing_when_incomplete(kantor_demo):
    siti = login(SITI)
    skp = skp_service.buat_skp(siti, TAHUN)
    with pytest.raises(ValidasiGagal) as info:
        skp_service.ajukan(siti, skp.id)
    assert "minimal satu Rencana Hasil Kerja utama" in info.value.errors["isi"]
    skp_service.simpan_isi(
        siti,
        skp.id,
        IsiSKP(
            "KUANTITATIF",
            [
                IsianRHK(
                    "UTAMA", "RHK tanpa target", [IsianIKI("KUANTITAS", "Jumlah", "", "Dokumen")]
                )
            ],
        ),
    )
    with pytest.raises(ValidasiGagal, match="RHK 1, IKI 1: Target wajib diisi"):
        skp_service.ajukan(siti, skp.id)
    assert SKP.get_by_id(skp.id).status == S.DRAFT and history(skp) == ["buat", "ubah"]


def test_the_full_chain_with_one_return(kantor_demo, clock):
    siti, dewi, camat = login(SITI), login(DEWI), login(CAMAT)
    kepeg = login("Nur Aini")
    skp = skp_service.buat_skp(siti, TAHUN)
    skp_service.simpan_isi(siti, skp.id, GOOD)
    clock[0] += dt.timedelta(minutes=50)
    skp_service.ajukan(siti, skp.id)

    # Nobody but the penilai stored on the SKP may decide.
    for who in (siti, camat, kepeg, login("Endang Susanti")):
        with pytest.raises(AksesDitolak):
            skp_service.setujui(who, skp.id)
    with pytest.raises(AksesDitolak):
        skp_service.simpan_isi(siti, skp.id, GOOD)
    with pytest.raises(ValidasiGagal, match="Catatan wajib"):
        skp_service.kembalikan(dewi, skp.id, "   ")
    assert SKP.get_by_id(skp.id).status == S.DIAJUKAN

    clock[0] += dt.timedelta(minutes=45)
    skp_service.kembalikan(dewi, skp.id, "Target kuantitas terlalu rendah, naikkan ke 1.500.")
    skp = SKP.get_by_id(skp.id)
    assert skp.status == S.PERLU_REVISI
    note = skp_service.catatan_pengembalian(skp)
    assert note.catatan == "Target kuantitas terlalu rendah, naikkan ke 1.500."
    assert note.oleh_nama == "Dewi Lestari, S.Sos."

    # Editing a returned SKP puts it back in the pegawai's hands (perbaiki) first.
    revised = IsiSKP(GOOD.pendekatan, skp_service.isian(skp), GOOD.lampiran)
    first = revised.rhk[0]
    iki0 = first.iki[0]
    revised.rhk[0] = IsianRHK(
        first.jenis,
        first.uraian,
        [IsianIKI(iki0.aspek, iki0.indikator, "1.500", iki0.satuan, id=iki0.id), *first.iki[1:]],
        id=first.id,
    )
    skp_service.simpan_isi(siti, skp.id, revised)
    assert SKP.get_by_id(skp.id).status == S.DRAFT
    assert skp_service.catatan_pengembalian(SKP.get_by_id(skp.id)) is not None  # until resubmit
    skp_service.ajukan(siti, skp.id)
    assert skp_service.catatan_pengembalian(SKP.get_by_id(skp.id)) is None
    skp_service.setujui(dewi, skp.id)
    with pytest.raises(AksesDitolak, match="tidak dapat diubah"):
        skp_service.simpan_isi(siti, skp.id, GOOD)
    skp_service.jalankan(siti, skp.id, "cetak")
    skp_service.jalankan(dewi, skp.id, "tandatangani")
    skp_service.jalankan(kepeg, skp.id, "arsipkan")

    skp = SKP.get_by_id(skp.id)
    assert skp.status == S.DIARSIPKAN
    assert history(skp) == [
        "buat",
        "ubah",
        "ajukan",
        "kembalikan",
        "perbaiki",
        "ubah",
        "ajukan",
        "setujui",
        "cetak",
        "tandatangani",
        "arsipkan",
    ]
    events = skp_service.linimasa(skp)
    assert sum(e.menit_baku for e in events) == 135 + 60 + 15 + 30
    ajukan_pertama = next(e for e in events if e.riwayat.aksi == "ajukan")
    assert (ajukan_pertama.menit_berlalu, ajukan_pertama.menit_baku) == (50, 75)
    assert not ajukan_pertama.lewat_baku
    kembali = next(e for e in events if e.riwayat.aksi == "kembalikan")
    assert (kembali.menit_berlalu, kembali.lewat_baku) == (45, True)  # 45 > 30 minutes


def test_overdue_against_the_sop_standard(kantor_demo, clock):
    siti = login(SITI)
    skp = skp_service.buat_skp(siti, TAHUN)
    skp_service.simpan_isi(siti, skp.id, GOOD)
    skp_service.ajukan(siti, skp.id)
    skp = SKP.get_by_id(skp.id)
    waiting = skp_service.tunggakan(skp, clock[0] + dt.timedelta(minutes=30))
    assert waiting.transisi.aksi == "setujui" and not waiting.lewat
    assert skp_service.tunggakan(skp, clock[0] + dt.timedelta(minutes=31)).lewat


def test_reopen_only_by_the_penilai_with_a_reason(kantor_demo):
    siti, dewi = login(SITI), login(DEWI)
    skp = skp_service.buat_skp(siti, TAHUN)
    skp_service.simpan_isi(siti, skp.id, GOOD)
    skp_service.ajukan(siti, skp.id)
    skp_service.setujui(dewi, skp.id)
    with pytest.raises(AksesDitolak):
        skp_service.buka_kembali(siti, skp.id, "ingin mengubah")
    with pytest.raises(ValidasiGagal):
        skp_service.buka_kembali(dewi, skp.id, "")
    skp_service.buka_kembali(dewi, skp.id, "Ada penugasan baru dari Camat.")
    skp = SKP.get_by_id(skp.id)
    assert skp.status == S.PERLU_REVISI
    assert skp_service.catatan_pengembalian(skp).catatan == "Ada penugasan baru dari Camat."


def test_handover_to_a_new_penilai_keeps_the_history(kantor_demo):
    siti, dewi, admin = login(SITI), login(DEWI), login("admin")
    skp = skp_service.buat_skp(siti, TAHUN)
    skp_service.simpan_isi(siti, skp.id, GOOD)
    skp_service.ajukan(siti, skp.id)
    sekcam = Pegawai.get(Pegawai.nama == SEKCAM)
    with pytest.raises(AksesDitolak):
        skp_service.ganti_penilai(siti, skp.id, sekcam.id, "mutasi")
    skp_service.ganti_penilai(admin, skp.id, sekcam.id, "Kasi Kesos mutasi; Plt. oleh Sekcam")
    with pytest.raises(AksesDitolak):
        skp_service.setujui(dewi, skp.id)
    skp_service.setujui(login(SEKCAM), skp.id)
    skp = SKP.get_by_id(skp.id)
    assert skp.snapshot["penilai"]["nama"].startswith("Sri Wahyuni")
    assert skp.atasan_penilai.nama == CAMAT
    assert history(skp) == ["buat", "ubah", "ajukan", "ganti_penilai", "setujui"]


def test_ekspektasi_khusus_is_written_by_the_penilai(kantor_demo):
    siti, dewi = login(SITI), login(DEWI)
    skp = skp_service.buat_skp(siti, TAHUN)
    with pytest.raises(AksesDitolak):
        skp_service.atur_ekspektasi(siti, skp.id, 1, "Saya sendiri")
    skp_service.atur_ekspektasi(dewi, skp.id, 1, "Respons pengaduan warga di hari yang sama")
    row = EkspektasiPerilaku.get((EkspektasiPerilaku.skp == skp) & (EkspektasiPerilaku.nomor == 1))
    assert row.ekspektasi_khusus == "Respons pengaduan warga di hari yang sama"
    with pytest.raises(ValidasiGagal):
        skp_service.atur_ekspektasi(dewi, skp.id, 8, "x")


def test_matriks_peran_hasil_prefills_the_subordinates_drafts(kantor_demo):
    siti, dewi = login(SITI), login(DEWI)
    skp_siti = skp_service.buat_skp(siti, TAHUN)  # staff may draft before the leader
    assert skp_service.rhk_atasan_pilihan(skp_siti) == []
    skp_dewi = skp_service.buat_skp(dewi, TAHUN)
    skp_service.simpan_isi(
        dewi,
        skp_dewi.id,
        IsiSKP(
            "KUANTITATIF",
            [
                IsianRHK(
                    "UTAMA",
                    "Meningkatnya ketepatan sasaran bansos",
                    [IsianIKI("KUALITAS", "Persentase bansos tepat sasaran", "95", "%")],
                )
            ],
        ),
    )
    rhk_dewi = skp_dewi.rhk.get()
    assert skp_service.rhk_atasan_pilihan(SKP.get_by_id(skp_siti.id)) == [rhk_dewi]

    skp_service.atur_peran_hasil(
        dewi, rhk_dewi.id, siti.pegawai_id, "Data penerima bansos terverifikasi"
    )
    prefilled = SKP.get_by_id(skp_siti.id).rhk.get()
    assert (prefilled.uraian, prefilled.intervensi_id, prefilled.jenis) == (
        "Data penerima bansos terverifikasi",
        rhk_dewi.id,
        "UTAMA",
    )

    # A subordinate whose SKP is made later gets it at creation.
    putri = login("Putri Ayu Lestari")
    skp_service.atur_peran_hasil(dewi, rhk_dewi.id, putri.pegawai_id, "Rekap pengaduan bansos")
    skp_putri = skp_service.buat_skp(putri, TAHUN)
    assert [r.uraian for r in skp_putri.rhk] == ["Rekap pengaduan bansos"]

    # Not to someone else's staff; and the subordinate cannot drop the agreed row.
    with pytest.raises(AksesDitolak):
        skp_service.atur_peran_hasil(dewi, rhk_dewi.id, login("Eko Wibowo").pegawai_id, "x")
    with pytest.raises(ValidasiGagal, match="matriks peran hasil"):
        skp_service.simpan_isi(siti, skp_siti.id, IsiSKP("KUANTITATIF", []))
    # The leader cannot delete an RHK she has handed out.
    with pytest.raises(ValidasiGagal, match="dibagikan"):
        skp_service.simpan_isi(dewi, skp_dewi.id, IsiSKP("KUANTITATIF", []))

    # Clearing the cell takes the prefilled row out of the draft.
    skp_service.atur_peran_hasil(dewi, rhk_dewi.id, siti.pegawai_id, "")
    assert SKP.get_by_id(skp_siti.id).rhk.count() == 0


def test_linking_to_the_leaders_rhk_later(kantor_demo):
    siti, dewi = login(SITI), login(DEWI)
    skp_siti = skp_service.buat_skp(siti, TAHUN)
    skp_service.simpan_isi(siti, skp_siti.id, GOOD)
    other = skp_service.buat_skp(login("Eko Wibowo"), TAHUN)
    skp_service.simpan_isi(login("Eko Wibowo"), other.id, GOOD)
    foreign = other.rhk.first()
    rows = skp_service.isian(SKP.get_by_id(skp_siti.id))
    with_foreign = [IsianRHK(**{**rows[0].__dict__, "intervensi_id": foreign.id}), rows[1]]
    with pytest.raises(ValidasiGagal) as info:
        skp_service.simpan_isi(siti, skp_siti.id, IsiSKP("KUANTITATIF", with_foreign))
    assert "rhk.0.intervensi" in info.value.errors

    skp_dewi = skp_service.buat_skp(dewi, TAHUN)
    skp_service.simpan_isi(
        dewi,
        skp_dewi.id,
        IsiSKP(
            "KUANTITATIF",
            [
                IsianRHK(
                    "UTAMA",
                    "Meningkatnya kesejahteraan sosial",
                    [IsianIKI("KUALITAS", "Indeks kepuasan", "80", "%")],
                )
            ],
        ),
    )
    target = skp_dewi.rhk.get()
    linked = [IsianRHK(**{**rows[0].__dict__, "intervensi_id": target.id}), rows[1]]
    skp_service.simpan_isi(siti, skp_siti.id, IsiSKP("KUANTITATIF", linked))
    assert RencanaHasilKerja.get_by_id(rows[0].id).intervensi_id == target.id


def test_the_office_option_adds_the_third_signature_and_bkpsdm(kantor_demo):
    siti, dewi, camat, admin = login(SITI), login(DEWI), login(CAMAT), login("admin")
    kantor.atur_opsi_alur(admin, [OPSI_BKPSDM])
    skp = skp_service.buat_skp(siti, TAHUN)
    skp_service.simpan_isi(siti, skp.id, GOOD)
    for who, aksi in [(siti, "ajukan"), (dewi, "setujui"), (siti, "cetak"), (dewi, "tandatangani")]:
        skp_service.jalankan(who, skp.id, aksi)
    with pytest.raises(AksesDitolak):
        skp_service.jalankan(siti, skp.id, "arsipkan")
    with pytest.raises(AksesDitolak):
        skp_service.jalankan(dewi, skp.id, "sahkan_atasan")
    skp_service.jalankan(camat, skp.id, "sahkan_atasan")
    skp_service.jalankan(admin, skp.id, "kirim_bkpsdm")
    skp_service.jalankan(siti, skp.id, "arsipkan")
    assert SKP.get_by_id(skp.id).status == S.DIARSIPKAN
    events = skp_service.linimasa(SKP.get_by_id(skp.id))
    assert sum(e.menit_baku for e in events) == 135 + 40


def test_actions_offered_are_what_the_table_gives(kantor_demo):
    siti, dewi = login(SITI), login(DEWI)
    skp = skp_service.buat_skp(siti, TAHUN)
    assert [t.aksi for t in skp_service.aksi_tersedia(siti, skp)] == ["ajukan"]
    assert skp_service.aksi_tersedia(dewi, skp) == []
    skp_service.simpan_isi(siti, skp.id, GOOD)
    skp = skp_service.ajukan(siti, skp.id)
    assert skp_service.aksi_tersedia(siti, skp) == []
    assert [t.aksi for t in skp_service.aksi_tersedia(dewi, skp)] == ["setujui", "kembalikan"]


def test_an_iki_with_realisasi_cannot_be_removed_on_reopen(kantor_demo, clock):
    from skpdesk.services import evaluasi

    siti, dewi = login(SITI), login(DEWI)
    skp = skp_service.buat_skp(siti, TAHUN)
    skp_service.simpan_isi(siti, skp.id, GOOD)
    skp_service.ajukan(siti, skp.id)
    skp_service.setujui(dewi, skp.id)
    ev = evaluasi.buka_evaluasi(siti, skp.id, "TW1")
    iki = skp_service.isian(SKP.get_by_id(skp.id))[0].iki[0]
    evaluasi.isi_realisasi(siti, ev.id, iki.id, "300")

    skp_service.buka_kembali(dewi, skp.id, "Tambah IKI biaya")
    rows = skp_service.isian(SKP.get_by_id(skp.id))
    without = IsianRHK(rows[0].jenis, rows[0].uraian, list(rows[0].iki[1:]), id=rows[0].id)
    with pytest.raises(ValidasiGagal, match="sudah memiliki realisasi"):
        skp_service.simpan_isi(siti, skp.id, IsiSKP("KUANTITATIF", [without, *rows[1:]]))
    with pytest.raises(ValidasiGagal, match="sudah memiliki realisasi"):
        skp_service.simpan_isi(siti, skp.id, IsiSKP("KUANTITATIF", list(rows[1:]) or []))
    assert IndikatorKinerja.get_or_none(IndikatorKinerja.id == iki.id) is not None
    assert SKP.get_by_id(skp.id).status == S.PERLU_REVISI  # nothing moved either
