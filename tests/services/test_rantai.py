"""The chain engine itself (services/rantai.py), driven through the real chains of SOP 000–004
and through one small chain declared here on a real SKP row."""

from __future__ import annotations

import datetime as dt

import pytest

from skpdesk.domain.entitas import Entitas
from skpdesk.domain.evaluasi import StatusEvaluasi
from skpdesk.domain.pengukuran import StatusPengukuran
from skpdesk.domain.skp import IsianIKI, IsianRHK
from skpdesk.domain.workflow import SOP_004, Alur, LangkahSOP, Pihak, StatusSKP, Transisi
from skpdesk.services import evaluasi as ev
from skpdesk.services import pengukuran as ps
from skpdesk.services import rantai
from skpdesk.services import skp as skp_service
from skpdesk.services.errors import AksesDitolak, ValidasiGagal
from skpdesk.services.skp import IsiSKP
from skpdesk.store.models import (
    SKP,
    Evaluasi,
    Pegawai,
    PengukuranKinerja,
    Riwayat,
    db,
    utcnow,
)
from tests.helpers import aktor_nama

S = StatusSKP
E = StatusEvaluasi
P = StatusPengukuran
TAHUN = 2026
LIA, HENDRA, DEWI = "Lia Kurniawati", "Hendra Gunawan", "Dewi Lestari"
CAMAT, SEKCAM, KASUBBAG, PERENCANA = (
    "Bambang Setiawan", "Sri Wahyuni", "Rina Marlina", "Fitri Handayani"
)
YUSUF = "Yusuf Hidayat"
ISI = IsiSKP(
    "KUANTITATIF",
    [IsianRHK("UTAMA", "Layanan aplikasi", [IsianIKI("KUANTITAS", "Aplikasi", "4", "Aplikasi")])],
)
# The one wording of the refusal, whichever chain asks for the note.
CATATAN_WAJIB = "Catatan wajib diisi untuk tindakan ini."
# What each person enters in the demo's PK for the second quarter (SOP 003 steps 4 and 5).
ISIAN = {
    HENDRA: {"Indeks kepuasan masyarakat terhadap layanan kecamatan": "81,5",
             "Rata-rata waktu penyelesaian layanan administrasi kependudukan": "3"},
    DEWI: {"Jumlah kegiatan pemberdayaan masyarakat yang difasilitasi": "6"},
    YUSUF: {"Persentase pengaduan gangguan trantibum yang ditindaklanjuti": "100"},
    PERENCANA: {"Persentase pegawai dengan nilai SKP minimal baik": "90"},
}


@pytest.fixture
def jam_kini(clock):
    """The clock at the real now: the demo office was built at the real clock."""
    clock[0] = utcnow()
    return clock


def keadaan(model, rekaman) -> tuple:
    """What a refused step must leave as it was: state, its clock, versions, the whole history."""
    fresh = model.get_by_id(rekaman.id)
    return fresh.status, fresh.status_sejak, fresh.versi, fresh.diubah, Riwayat.select().count()


def riwayat(entitas: Entitas, rekaman) -> list[Riwayat]:
    return list(
        Riwayat.select()
        .where((Riwayat.entitas == entitas) & (Riwayat.entitas_id == str(rekaman.id)))
        .order_by(Riwayat.nomor)
    )


def skp_diajukan(clock, menit: int = 0) -> SKP:
    """Lia's SKP, written at the clock and submitted ``menit`` later."""
    lia = aktor_nama(LIA)
    skp = skp_service.buat_skp(lia, TAHUN)
    skp_service.simpan_isi(lia, skp.id, ISI)
    clock[0] += dt.timedelta(minutes=menit)
    return skp_service.ajukan(lia, skp.id)


def isi(nama: str, pengukuran) -> None:
    by_name = {b.indikator: b for b in ps.baris(pengukuran)}
    for indikator, value in ISIAN[nama].items():
        ps.isi_realisasi(aktor_nama(nama), by_name[indikator].realisasi_id, value, "", "")


def pengukuran_disebar() -> PengukuranKinerja:
    """The demo PK's second quarter, its form sent to the three Kasi (SOP 003 step 3)."""
    tw = ps.mulai_pengukuran(aktor_nama(PERENCANA), ps.daftar_pk()[0].id, 2)
    for nama, aksi in ((CAMAT, "tugaskan"), (SEKCAM, "disposisi_kasubbag"),
                       (KASUBBAG, "sebar_form")):
        ps.jalankan(aktor_nama(nama), tw.id, aksi)
    return ps.ambil(tw.id)


# --- (a) the table decides who may take a step ----------------------------------------------------


def test_a_step_by_the_wrong_party_is_refused_and_changes_nothing(kantor_demo, clock):
    skp = skp_diajukan(clock, menit=30)
    clock[0] += dt.timedelta(minutes=10)
    before = keadaan(SKP, skp)
    # The pegawai herself and a Kasi of another section: neither is this SKP's penilai.
    for nama in (LIA, DEWI):
        with pytest.raises(AksesDitolak, match="hanya dapat dilakukan oleh: Pejabat penilai"):
            skp_service.setujui(aktor_nama(nama), skp.id)
        assert keadaan(SKP, skp) == before
        assert rantai.tersedia(skp_service.RANTAI, aktor_nama(nama), SKP.get_by_id(skp.id)) == []
    # The right party, but an action the table does not have in this state.
    with pytest.raises(AksesDitolak, match="tidak tersedia untuk dokumen berstatus Diajukan"):
        skp_service.jalankan(aktor_nama(HENDRA), skp.id, "arsipkan")
    assert keadaan(SKP, skp) == before
    # The penilai is offered exactly his two actions, the primary one first, and may take it.
    penilai = aktor_nama(HENDRA)
    offered = rantai.tersedia(skp_service.RANTAI, penilai, SKP.get_by_id(skp.id))
    assert [t.aksi for t in offered] == ["setujui", "kembalikan"]
    assert skp_service.setujui(penilai, skp.id).status == S.DISETUJUI


# --- (b) every step is timed against the SOP ------------------------------------------------------


def test_the_history_row_of_a_step_records_its_sop_steps_standard_and_elapsed_minutes(
    kantor_demo, clock
):
    skp = skp_diajukan(clock, menit=50)
    versi = SKP.get_by_id(skp.id).versi
    clock[0] += dt.timedelta(minutes=90)
    skp_service.setujui(aktor_nama(HENDRA), skp.id)

    rows = {r.aksi: r for r in riwayat(Entitas.SKP, skp)}
    # SOP 004 steps 1 and 2 (60 + 15 minutes) taken in 50.
    assert rows["ajukan"].rincian == {
        "langkah": [f"{SOP_004} #1", f"{SOP_004} #2"], "menit_baku": 75, "menit_berlalu": 50,
        "versi": versi,
    }
    # SOP 004 step 4 (30 minutes) taken in 90: counted from the submission, not the creation.
    assert rows["setujui"].rincian == {
        "langkah": [f"{SOP_004} #4"], "menit_baku": 30, "menit_berlalu": 90, "versi": versi,
    }
    assert (rows["setujui"].dari, rows["setujui"].ke) == (S.DIAJUKAN, S.DISETUJUI)
    assert rows["setujui"].waktu == clock[0]
    approved = SKP.get_by_id(skp.id)
    assert approved.status_sejak == clock[0] and approved.versi == versi  # a step is not content
    events = {e.riwayat.aksi: e for e in skp_service.linimasa(approved)}
    assert (events["setujui"].menit_berlalu, events["setujui"].menit_baku) == (90, 30)
    assert events["setujui"].lewat_baku and not events["ajukan"].lewat_baku
    assert not any(e.pengembalian for e in events.values())


def test_elapsed_minutes_are_whole_and_never_negative():
    start = dt.datetime(2026, 1, 5, 1, 0)
    assert rantai.menit(start, start + dt.timedelta(minutes=90, seconds=59)) == 90
    assert rantai.menit(start, start - dt.timedelta(hours=2)) == 0  # a clock set back


# --- (c) one rule for the note a return needs -----------------------------------------------------


def test_a_return_without_a_note_is_refused_in_one_wording_by_every_chain(demo_db, jam_kini):
    skp = SKP.select().where(SKP.status == S.DIAJUKAN).first()
    evaluasi = Evaluasi.select().where(Evaluasi.status == E.DIAJUKAN).first()
    assert skp is not None and evaluasi is not None  # the demo office has both waiting
    tw = pengukuran_disebar()
    for nama in (HENDRA, DEWI, YUSUF):
        isi(nama, tw)
        ps.jalankan(aktor_nama(nama), tw.id, "kirim_isian")
    isi(PERENCANA, tw)
    ps.jalankan(aktor_nama(PERENCANA), tw.id, "serahkan_draft")
    assert ps.ambil(tw.id).status == P.DRAFT

    returns = [
        (SKP, skp, lambda note: skp_service.kembalikan(
            aktor_nama(skp.penilai.nama), skp.id, note), S.PERLU_REVISI),
        (Evaluasi, evaluasi, lambda note: ev.kembalikan(
            aktor_nama(evaluasi.skp.penilai.nama), evaluasi.id, note), E.DIISI),
        (PengukuranKinerja, tw, lambda note: ps.jalankan(
            aktor_nama(KASUBBAG), tw.id, "kembalikan_ke_bidang", note), P.DIISI_BIDANG),
    ]
    for model, rekaman, kembalikan, back_to in returns:
        before = keadaan(model, rekaman)
        for note in ("", "  \n\t "):
            with pytest.raises(ValidasiGagal) as caught:
                kembalikan(note)
            assert caught.value.errors == {"catatan": CATATAN_WAJIB}
            assert str(caught.value) == CATATAN_WAJIB
            assert keadaan(model, rekaman) == before
        # The refusal was about the note only: with one, the same person sends it back.
        assert kembalikan("  Lengkapi datanya.  ").status == back_to
        last = Riwayat.select().order_by(Riwayat.nomor.desc()).get()
        assert (last.entitas_id, last.catatan) == (str(rekaman.id), "Lengkapi datanya.")


# --- (d) a partial confirmation keeps the chain and its clock where they are ----------------------


def test_a_kasi_confirming_his_section_leaves_the_state_and_its_waiting_time(demo_db, jam_kini):
    clock = jam_kini
    tw = pengukuran_disebar()
    disebar = tw.status_sejak
    kasi = {str(p.id) for p in Pegawai.select().where(Pegawai.nama.in_([HENDRA, DEWI, YUSUF]))}
    assert {str(k) for k in ps.kasi_pada(tw)} == kasi

    waited = 0
    for nama, menit in ((HENDRA, 60), (DEWI, 30)):
        clock[0] += dt.timedelta(minutes=menit)
        waited += menit
        isi(nama, tw)
        ps.jalankan(aktor_nama(nama), tw.id, "kirim_isian")
        now = ps.ambil(tw.id)
        assert (now.status, now.status_sejak) == (P.FORM_DISEBAR, disebar)
        last = riwayat(Entitas.PENGUKURAN_KINERJA, tw)[-1]
        assert (last.aksi, last.dari, last.ke) == ("kirim_isian", P.FORM_DISEBAR, P.FORM_DISEBAR)
        # Counted from the form being sent, not from the Kasi who confirmed before him.
        assert last.rincian["menit_berlalu"] == waited
    assert set(ps.ambil(tw.id).kasi_selesai) == kasi - {
        str(Pegawai.get(Pegawai.nama == YUSUF).id)}

    # The last section's confirmation moves the chain on, and its clock starts again.
    clock[0] += dt.timedelta(minutes=30)
    isi(YUSUF, tw)
    ps.jalankan(aktor_nama(YUSUF), tw.id, "kirim_isian")
    done = ps.ambil(tw.id)
    assert (done.status, done.status_sejak) == (P.DIISI_BIDANG, clock[0])
    last = riwayat(Entitas.PENGUKURAN_KINERJA, tw)[-1]
    assert (last.dari, last.ke, last.rincian["menit_berlalu"]) == (
        P.FORM_DISEBAR, P.DIISI_BIDANG, 120)


# --- (e) reopening is a return --------------------------------------------------------------------


def test_reopening_a_final_evaluation_counts_as_a_return(demo_db, jam_kini):
    final = Evaluasi.select().where(Evaluasi.status == E.FINAL).order_by(Evaluasi.id).first()
    penilai = aktor_nama(final.skp.penilai.nama)
    assert ev.catatan_pengembalian(final) is None
    alasan = "Realisasi triwulan ini belum memuat bukti kegiatan bulan Maret."

    reopened = ev.buka_kembali(penilai, final.id, alasan)
    assert reopened.status == E.DIAJUKAN
    note = ev.catatan_pengembalian(reopened)
    assert (note.aksi, note.catatan) == ("buka_kembali", alasan)
    assert rantai.catatan_pengembalian(ev.RANTAI, reopened).id == note.id
    events = ev.linimasa(reopened)
    assert (events[-1].riwayat.aksi, events[-1].pengembalian) == ("buka_kembali", True)
    assert not any(e.pengembalian for e in events if e.riwayat.aksi == "finalkan")

    # The penilai's next step of the table answers it: the note is no longer shown.
    rated = ev.nilai(penilai, final.id, final.rating_hasil_kerja, final.rating_perilaku)
    assert rated.status == E.DINILAI
    assert ev.catatan_pengembalian(rated) is None


# --- (f) a new chain is one declaration -----------------------------------------------------------

L_UJI = LangkahSOP("SOP Uji", "1", "Pegawai menyerahkan berkas", 15)
ALUR_UJI = Alur(
    kode="UJI",
    nama="Alur uji",
    status_awal=S.DRAFT,
    status_label={S.DRAFT: "Draf", S.DIAJUKAN: "Diserahkan", S.DISETUJUI: "Diterima"},
    transisi=(
        Transisi("serahkan", S.DRAFT, S.DIAJUKAN, frozenset({Pihak.PEGAWAI}), "Serahkan",
                 langkah=(L_UJI,), utama=True),
        Transisi("terima", S.DIAJUKAN, S.DISETUJUI, frozenset({Pihak.PEJABAT_PENILAI}), "Terima",
                 catatan_wajib=True, utama=True),
    ),
)


def test_a_chain_declared_in_one_rantai_is_run_by_the_engine(kantor_demo, clock):
    landed = []
    chain = rantai.Rantai(
        entitas=Entitas.SKP,
        alur=ALUR_UJI,
        pihak=skp_service.pihak_pada,
        sesudah_ke={S.DISETUJUI: lambda a, r, t: landed.append((a.nama, r.status, t.aksi))},
    )
    lia, hendra = aktor_nama(LIA), aktor_nama(HENDRA)
    skp = skp_service.buat_skp(lia, TAHUN)  # a real SKP row, in the chain's first state
    versi = skp.versi
    assert [t.aksi for t in rantai.tersedia(chain, lia, skp)] == ["serahkan"]
    assert rantai.tersedia(chain, hendra, skp) == []
    with pytest.raises(AksesDitolak):
        rantai.periksa(chain, hendra, skp, "serahkan")

    before = Riwayat.select().count()
    clock[0] += dt.timedelta(minutes=20)
    with db.atomic():
        moved = rantai.jalankan(chain, lia, skp, "serahkan")
    assert moved.status == S.DIAJUKAN
    stored = SKP.get_by_id(skp.id)
    assert (stored.status, stored.status_sejak, stored.versi) == (S.DIAJUKAN, clock[0], versi)
    assert Riwayat.select().count() == before + 1
    row = Riwayat.select().order_by(Riwayat.nomor.desc()).get()
    assert (row.entitas, row.entitas_id, row.aksi, row.dari, row.ke, row.oleh_nama) == (
        Entitas.SKP, str(skp.id), "serahkan", S.DRAFT, S.DIAJUKAN, lia.nama)
    assert row.rincian == {
        "langkah": ["SOP Uji #1"], "menit_baku": 15, "menit_berlalu": 20, "versi": versi}
    assert landed == []

    # The declaration's table holds for its second step too: its party and its note are checked
    # before anything is written (here outside a transaction, so nothing could be rolled back)…
    before = keadaan(SKP, skp)
    clock[0] += dt.timedelta(minutes=5)
    with pytest.raises(AksesDitolak):
        rantai.jalankan(chain, lia, stored, "terima", "Lengkap")
    with pytest.raises(ValidasiGagal):
        rantai.jalankan(chain, hendra, stored, "terima")
    assert keadaan(SKP, skp) == before and stored.status == S.DIAJUKAN
    # … then its after-step hook runs.
    with db.atomic():
        rantai.jalankan(chain, hendra, SKP.get_by_id(skp.id), "terima", "Lengkap")
    assert landed == [(hendra.nama, S.DISETUJUI, "terima")]
    assert [e.riwayat.aksi for e in rantai.linimasa(Entitas.SKP, skp.id)] == [
        "buat", "serahkan", "terima"]
    # The SKP's own chain reads the same row: whoever declared the step, the history is one.
    assert rantai.riwayat_terakhir(Entitas.SKP, skp.id, {"terima"}).catatan == "Lengkap"
