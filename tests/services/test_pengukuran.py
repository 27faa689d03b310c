"""Perjanjian Kinerja and the SOP 003 chain through the services: people, rights, loops, times."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from skpdesk.domain.kepegawaian import Peran
from skpdesk.domain.pengukuran import (
    MENIT_PER_HARI,
    CaraKumulatif,
    PitaCapaian,
    Polaritas,
    StatusPengukuran,
)
from skpdesk.domain.scoring import bulat2
from skpdesk.services import pengukuran as ps
from skpdesk.services.errors import AksesDitolak, ValidasiGagal
from skpdesk.services.pengukuran import DataIndikatorPK
from skpdesk.store.models import Pegawai, RencanaHasilKerja
from tests.helpers import aktor_nama, pasang_jam

S = StatusPengukuran
CAMAT, SEKCAM, KASUBBAG = "Bambang Setiawan", "Sri Wahyuni", "Rina Marlina"
PERENCANA, HENDRA = "Fitri Handayani", "Hendra Gunawan"
DEWI, YUSUF = "Dewi Lestari", "Yusuf Hidayat"
KEPEG, LIA = "Nur Aini", "Lia Kurniawati"


@pytest.fixture
def clock(monkeypatch):
    # The demo office is built at the real clock; the steps of these tests follow from now.
    return pasang_jam(monkeypatch, dt.datetime.now(dt.UTC).replace(tzinfo=None))


def pid(nama: str):
    return Pegawai.get(Pegawai.nama == nama).id


def the_pk():
    return ps.daftar_pk()[0]


def rows(pengukuran):
    return {b.indikator: b for b in ps.baris(pengukuran)}


def test_the_demo_has_its_pk_and_a_documented_first_quarter(demo_db):
    pk = the_pk()
    assert pk.pihak_pertama.nama == CAMAT
    assert pk.pihak_kedua_jabatan == "Bupati Sindangsari"
    indicators = ps.indikator_pk(pk)
    assert len(indicators) == 5
    assert {Polaritas(i.polaritas) for i in indicators} == set(Polaritas)
    # Linked to the RHK of the Camat's SKP of the year.
    linked = [i for i in indicators if i.rhk_id]
    assert linked and all(i.rhk.skp.pegawai_id == pk.pihak_pertama_id for i in linked)
    # …and through the matriks peran hasil to the staff whose RHK intervene in those RHK.
    staff = ps.intervensi_staf(pk)
    assert set(staff) == {i.rhk_id for i in linked}
    assert all(staff.values())
    assert any("Dewi Lestari, S.Sos." in names for names in staff.values())
    (tw1,) = ps.daftar_pengukuran(pk)
    assert (tw1.triwulan, tw1.status) == (1, S.TERDOKUMENTASI)
    ikm = rows(tw1)["Indeks kepuasan masyarakat terhadap layanan kecamatan"]
    assert (ikm.target, ikm.realisasi) == (Decimal(80), Decimal("80.5"))
    assert (bulat2(ikm.capaian), ikm.pita.label) == (Decimal("100.63"), "Sangat Baik")


def test_people_are_resolved_from_the_roster_and_stored_on_the_chain(demo_db):
    peran = ps.usulan_peran(the_pk())
    assert peran.camat_id == pid(CAMAT)
    assert peran.pelaksana_id == pid(PERENCANA)  # the holder of the Perencana role
    assert peran.kasubbag_id == pid(KASUBBAG)  # her atasan
    assert peran.sekretaris_id == pid(SEKCAM)  # his atasan
    assert set(peran.kasi.values()) == {pid(HENDRA), pid(DEWI), pid(YUSUF)}
    tw2 = ps.mulai_pengukuran(aktor_nama(PERENCANA), the_pk().id, 2)
    assert (tw2.camat_id, tw2.sekretaris_id, tw2.kasubbag_id, tw2.pelaksana_id) == (
        pid(CAMAT), pid(SEKCAM), pid(KASUBBAG), pid(PERENCANA))
    assert ps.kasi_pada(tw2) == {pid(HENDRA), pid(DEWI), pid(YUSUF)}
    assert ps.peran_pada(aktor_nama(HENDRA), tw2) == {ps.PeranPK.KASI}
    assert ps.peran_pada(aktor_nama(LIA), tw2) == set()
    # The quarter's own targets are taken from the PK.
    assert rows(tw2)["Jumlah kegiatan pemberdayaan masyarakat yang difasilitasi"].target == 6
    assert rows(tw2)["Indeks kepuasan masyarakat terhadap layanan kecamatan"].target == 81


def test_only_the_perencana_or_the_camat_starts_and_a_quarter_runs_once(demo_db):
    with pytest.raises(AksesDitolak):
        ps.mulai_pengukuran(aktor_nama(HENDRA), the_pk().id, 2)
    ps.mulai_pengukuran(aktor_nama(CAMAT), the_pk().id, 2)
    with pytest.raises(ValidasiGagal, match="sudah dimulai"):
        ps.mulai_pengukuran(aktor_nama(PERENCANA), the_pk().id, 2)


def _refused(nama: str, pengukuran, aksi: str, catatan: str = "catatan") -> None:
    with pytest.raises(AksesDitolak):
        ps.jalankan(aktor_nama(nama), pengukuran.id, aksi, catatan)


def _fill(nama: str, pengukuran, values: dict[str, str]) -> None:
    by_name = rows(pengukuran)
    for indikator, value in values.items():
        ps.isi_realisasi(aktor_nama(nama), by_name[indikator].realisasi_id, value, "", "")


IKM = "Indeks kepuasan masyarakat terhadap layanan kecamatan"
WAKTU = "Rata-rata waktu penyelesaian layanan administrasi kependudukan"
KEGIATAN = "Jumlah kegiatan pemberdayaan masyarakat yang difasilitasi"
ADUAN = "Persentase pengaduan gangguan trantibum yang ditindaklanjuti"
SKP_BAIK = "Persentase pegawai dengan nilai SKP minimal baik"


def test_a_quarter_with_both_loops_refusals_history_and_standard_times(demo_db, clock):
    tw = ps.mulai_pengukuran(aktor_nama(PERENCANA), the_pk().id, 2)

    def step(nama: str, aksi: str, menit: int, catatan: str = "") -> None:
        clock[0] += dt.timedelta(minutes=menit)
        ps.jalankan(aktor_nama(nama), tw.id, aksi, catatan)

    _refused(SEKCAM, tw, "tugaskan")
    _refused(PERENCANA, tw, "tugaskan")
    step(CAMAT, "tugaskan", 10, "Segera laksanakan")
    _refused(CAMAT, tw, "disposisi_kasubbag")
    step(SEKCAM, "disposisi_kasubbag", 10)
    _refused(PERENCANA, tw, "sebar_form")
    step(KASUBBAG, "sebar_form", 30, "Batas isian Jumat")
    # A Kasi fills his own section only, and confirms once it is all filled.
    with pytest.raises(AksesDitolak):
        _fill(DEWI, tw, {IKM: "82"})
    with pytest.raises(ValidasiGagal, match="belum diisi"):
        ps.jalankan(aktor_nama(HENDRA), tw.id, "kirim_isian")
    _fill(HENDRA, tw, {IKM: "81,5", WAKTU: "3"})
    step(HENDRA, "kirim_isian", 60)
    assert ps.ambil(tw.id).status == S.FORM_DISEBAR  # two sections still to confirm
    assert [t.aksi for t in ps.aksi_tersedia(aktor_nama(HENDRA), ps.ambil(tw.id))] == []
    _refused(HENDRA, tw, "kirim_isian")
    _fill(DEWI, tw, {KEGIATAN: "6"})
    step(DEWI, "kirim_isian", 30)
    _fill(YUSUF, tw, {ADUAN: "100"})
    step(YUSUF, "kirim_isian", 30)
    assert ps.ambil(tw.id).status == S.DIISI_BIDANG
    with pytest.raises(ValidasiGagal, match="belum diisi"):
        ps.jalankan(aktor_nama(PERENCANA), tw.id, "serahkan_draft")
    _fill(PERENCANA, tw, {SKP_BAIK: "90"})  # the row no section owns
    step(PERENCANA, "serahkan_draft", 150)
    # Loop 1: the Kasubbag sends it back to the sections; a note is required.
    _refused(SEKCAM, tw, "kembalikan_ke_bidang")
    with pytest.raises(ValidasiGagal, match="wajib"):
        ps.jalankan(aktor_nama(KASUBBAG), tw.id, "kembalikan_ke_bidang", "  ")
    step(KASUBBAG, "kembalikan_ke_bidang", 60, "Kegiatan pemberdayaan belum sesuai laporan")
    assert ps.catatan_pengembalian(ps.ambil(tw.id)).catatan.startswith("Kegiatan")
    _fill(DEWI, tw, {KEGIATAN: "5"})  # the section corrects its row
    step(PERENCANA, "serahkan_draft", 150)
    assert ps.catatan_pengembalian(ps.ambil(tw.id)) is None
    step(KASUBBAG, "setujui_kasubbag", 60)
    with pytest.raises(AksesDitolak):  # content is frozen once checked
        _fill(PERENCANA, tw, {SKP_BAIK: "91"})
    # Loop 2: the Sekretaris sends it back to the Kasubbag.
    _refused(KASUBBAG, tw, "kembalikan_ke_kasubbag")
    step(SEKCAM, "kembalikan_ke_kasubbag", 60, "Lengkapi analisis kendala")
    assert ps.ambil(tw.id).status == S.DRAFT
    step(KASUBBAG, "setujui_kasubbag", 60)
    step(SEKCAM, "setujui_sekretaris", 60)
    _refused(CAMAT, tw, "tandatangani")
    step(PERENCANA, "tandatangani", 8 * 60)
    _refused(SEKCAM, tw, "sahkan")
    step(CAMAT, "sahkan", 20)
    _refused(PERENCANA, tw, "tugaskan_pengantar")
    step(SEKCAM, "tugaskan_pengantar", 30, "Kirim ke Bupati c.q. Bappeda")
    step(PERENCANA, "kirim", 30)
    step(PERENCANA, "dokumentasikan", 10)
    done = ps.ambil(tw.id)
    assert done.status == S.TERDOKUMENTASI
    assert ps.aksi_tersedia(aktor_nama(PERENCANA), done) == []

    events = ps.linimasa(done, hanya_alur=True)
    returns = [e for e in events if e.pengembalian]
    assert [(e.riwayat.aksi, e.riwayat.oleh_nama.split(",")[0], e.riwayat.catatan)
            for e in returns] == [
        ("kembalikan_ke_bidang", "Rina Marlina", "Kegiatan pemberdayaan belum sesuai laporan"),
        ("kembalikan_ke_kasubbag", "Sri Wahyuni", "Lengkapi analisis kendala"),
    ]
    # The standard of the path taken: 900 minutes and one day (three Kasi confirm one step).
    moved = [e for e in events if e.riwayat.aksi != "mulai"]
    confirmations = [e for e in moved if e.riwayat.aksi == "kirim_isian"]
    assert len(confirmations) == 3
    standard = sum(e.menit_baku for e in moved if e.riwayat.aksi != "kirim_isian")
    assert standard + confirmations[-1].menit_baku == 900 + MENIT_PER_HARI
    # Each step's elapsed minutes are on record; the over-long signature round is within a day.
    assert [e.menit_berlalu for e in moved][:3] == [10, 10, 30]
    assert not next(e for e in moved if e.riwayat.aksi == "tandatangani").lewat_baku
    assert next(e for e in moved if e.riwayat.aksi == "kirim_isian").menit_berlalu == 60

    # Cumulative realisasi and capaian of the year so far.
    kegiatan = rows(done)[KEGIATAN]
    assert (kegiatan.realisasi, kegiatan.realisasi_kumulatif) == (5, 9)  # 4 in TW I
    assert bulat2(kegiatan.capaian) == Decimal("83.33")
    assert bulat2(kegiatan.capaian_kumulatif) == Decimal("37.50")  # 9 of the year's 24
    ikm = rows(done)[IKM]
    assert ikm.realisasi_kumulatif == Decimal("81.5")  # a level: the latest quarter


def test_a_changed_realisasi_names_the_value_before_as_it_was_written(demo_db, clock):
    tw = ps.mulai_pengukuran(aktor_nama(PERENCANA), the_pk().id, 2)
    for nama, aksi in ((CAMAT, "tugaskan"), (SEKCAM, "disposisi_kasubbag"),
                       (KASUBBAG, "sebar_form")):
        ps.jalankan(aktor_nama(nama), tw.id, aksi, "")
    for value in ("81,5", "82", "1.250"):
        _fill(HENDRA, tw, {IKM: value})
    changes = [(e.riwayat.dari, e.riwayat.ke) for e in ps.linimasa(ps.ambil(tw.id))
               if e.riwayat.aksi == "isi_realisasi"]
    # Whatever the engine keeps of the column's scale, the history reads the number itself.
    assert changes == [(None, "81.5"), ("81.5", "82"), ("82", "1250")]


def test_overdue_against_the_standard_time(demo_db, clock):
    tw = ps.mulai_pengukuran(aktor_nama(PERENCANA), the_pk().id, 3)
    late = ps.tunggakan(tw, clock[0] + dt.timedelta(minutes=16))
    assert late.transisi.aksi == "tugaskan" and late.batas == 15 and late.lewat
    assert not ps.tunggakan(tw, clock[0] + dt.timedelta(minutes=15)).lewat
    assert ps.pemegang_giliran(tw) == [Pegawai.get(Pegawai.nama == CAMAT).nama_lengkap]
    clock[0] += dt.timedelta(minutes=30)
    assert ps.jumlah_lewat_baku(aktor_nama(CAMAT)) == 1
    assert ps.jumlah_lewat_baku(aktor_nama(SEKCAM)) == 0
    assert ps.jumlah_menunggu(aktor_nama(CAMAT)) == 1


def test_pk_rows_are_checked_and_written_by_the_perencana_only(demo_db):
    pk = the_pk()
    bad = DataIndikatorPK("Sasaran", "Indikator", "%", "abc", Polaritas.RENTANG)
    with pytest.raises(ValidasiGagal) as caught:
        ps.simpan_indikator(aktor_nama(PERENCANA), pk.id, bad)
    assert set(caught.value.errors) == {"target", "target_maks"}
    with pytest.raises(ValidasiGagal) as caught:
        ps.simpan_indikator(aktor_nama(PERENCANA), pk.id, DataIndikatorPK(
            "S", "I", "%", "90", Polaritas.RENTANG, "80"))
    assert "target_maks" in caught.value.errors
    other_rhk = RencanaHasilKerja.select().where(~RencanaHasilKerja.id.in_(
        [r.id for r in ps.rhk_pilihan(pk)])).first()
    with pytest.raises(ValidasiGagal, match="bukan RHK"):
        ps.simpan_indikator(aktor_nama(PERENCANA), pk.id, DataIndikatorPK(
            "S", "I", "Dokumen", "4", rhk_id=other_rhk.id))
    good = DataIndikatorPK("Meningkatnya akuntabilitas kinerja", "Nilai SAKIP kecamatan",
                           "Nilai", "70", target_tw={4: "70"}, kumulatif=CaraKumulatif.TERAKHIR,
                           anggaran="12.500.000")
    with pytest.raises(AksesDitolak):
        ps.simpan_indikator(aktor_nama(HENDRA), pk.id, good)
    row = ps.simpan_indikator(aktor_nama(PERENCANA), pk.id, good)
    assert (row.target, row.target_tw, row.anggaran) == (70, {"4": "70"}, 12500000)
    ps.hapus_indikator(aktor_nama(CAMAT), row.id)  # the pihak pertama may correct his own PK
    measured = ps.indikator_pk(pk)[0]
    with pytest.raises(ValidasiGagal, match="sudah diukur"):
        ps.hapus_indikator(aktor_nama(PERENCANA), measured.id)


def test_the_office_sets_its_bands(demo_db):
    with pytest.raises(AksesDitolak):
        ps.atur_pita(aktor_nama(HENDRA), [PitaCapaian(None, "Semua", "hijau")])
    with pytest.raises(ValidasiGagal):
        ps.atur_pita(aktor_nama(PERENCANA), [PitaCapaian(Decimal(50), "Atas", "hijau")])
    ps.atur_pita(aktor_nama(PERENCANA), [PitaCapaian(Decimal(99), "Tercapai", "hijau"),
                                    PitaCapaian(None, "Belum Tercapai", "merah")])
    (tw1,) = ps.daftar_pengukuran(the_pk())
    labels = {b.indikator: b.pita.label for b in ps.baris(tw1)}
    assert labels[IKM] == "Tercapai"
    assert labels[KEGIATAN] == "Belum Tercapai"


def test_the_tab_is_for_the_perencana_and_those_in_a_chain(demo_db):
    assert ps.terlibat(aktor_nama(PERENCANA))
    assert ps.terlibat(aktor_nama(CAMAT))  # pihak pertama
    assert ps.terlibat(aktor_nama(HENDRA))  # Kasi in the TW I chain
    assert not ps.terlibat(aktor_nama(LIA))
    assert not ps.terlibat(aktor_nama(KEPEG))
    assert Peran.PERENCANA in aktor_nama(PERENCANA).peran
