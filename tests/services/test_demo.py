"""The demo kecamatan: a complete, valid office a new user can log into."""

from __future__ import annotations

import pytest

from skpdesk.domain.hierarki import rantai_atasan
from skpdesk.domain.kepegawaian import JenisJabatan, Peran
from skpdesk.domain.nip import parse_nip
from skpdesk.services import akun as akun_service
from skpdesk.services import demo
from skpdesk.services.pegawai import peta_atasan
from skpdesk.store.models import Akun, Jabatan, Pegawai, Riwayat, UnitKerja


@pytest.fixture
def demo_office(fresh_db):
    # The evaluated history costs seconds; one test below builds it.
    return demo.buat_kantor_demo(dengan_evaluasi=False)


def by_jabatan(nama: str) -> Pegawai:
    return Pegawai.select().join(Jabatan).where(Jabatan.nama == nama).get()


def test_demo_has_the_offices_of_a_kecamatan(demo_office):
    for jabatan in (
        "Camat",
        "Sekretaris Camat",
        "Kepala Subbagian Umum dan Kepegawaian",
        "Kepala Subbagian Perencanaan dan Keuangan",
    ):
        assert by_jabatan(jabatan).aktif
    kasi = Pegawai.select().join(Jabatan).where(Jabatan.nama.startswith("Kepala Seksi"))
    assert kasi.count() == 3
    staff = (
        Pegawai.select()
        .join(Jabatan)
        .where(Jabatan.jenis.in_([JenisJabatan.PELAKSANA.value, JenisJabatan.FUNGSIONAL.value]))
    )
    assert staff.count() >= 12
    assert staff.where(Jabatan.jenis == JenisJabatan.FUNGSIONAL.value).count() >= 1
    assert Pegawai.select().where(Pegawai.status == "PPPK").count() >= 1
    assert UnitKerja.select().count() == 7


def test_every_demo_nip_is_valid_and_consistent(demo_office):
    for p in Pegawai.select():
        parts = parse_nip(p.nip)
        assert parts.pppk == (p.status == "PPPK"), p.nama


def test_chain_of_command_reaches_the_camat(demo_office):
    camat = by_jabatan("Camat")
    chains = peta_atasan()
    for p in Pegawai.select().where(Pegawai.id != camat.id):
        assert rantai_atasan(chains, p.id)[-1] == camat.id, p.nama
    staf = Pegawai.get(Pegawai.nama == "Siti Rahayu")
    assert [Pegawai.get_by_id(i).nama for i in rantai_atasan(chains, staf.id)] == [
        "Dewi Lestari",
        "Bambang Setiawan",
    ]


def test_everyone_can_log_in_with_the_printed_password(demo_office):
    assert demo.DEMO_SANDI in demo_office
    assert Akun.select().count() == Pegawai.select().count() + 1
    admin = akun_service.masuk("admin", demo.DEMO_SANDI)
    assert admin.punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    kepeg = akun_service.masuk("19900410 201503 2 002", demo.DEMO_SANDI)
    assert kepeg.punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    perencana = akun_service.masuk(
        Pegawai.get(Pegawai.nama == "Fitri Handayani").nip, demo.DEMO_SANDI
    )
    assert perencana.peran == {Peran.PERENCANA}


def test_demo_was_written_through_the_services(demo_office):
    assert Riwayat.select().where(Riwayat.entitas == "Pegawai").count() >= Pegawai.select().count()


def test_demo_refuses_a_database_with_data(demo_office):
    before = Pegawai.select().count()
    with pytest.raises(demo.DemoError, match="sudah berisi"):
        demo.buat_kantor_demo()
    assert Pegawai.select().count() == before


def test_demo_has_this_years_skps_in_every_state_of_the_chain(demo_office):
    from skpdesk.domain.workflow import StatusSKP
    from skpdesk.services import skp as skp_service
    from skpdesk.services.context import now
    from skpdesk.store.models import SKP

    skps = list(SKP.select().where(SKP.tahun == now().year))
    assert len(skps) == Pegawai.select().count()
    states = {s.status for s in skps}
    assert states == {
        StatusSKP.DRAFT,
        StatusSKP.DIAJUKAN,
        StatusSKP.PERLU_REVISI,
        StatusSKP.DISETUJUI,
        StatusSKP.DICETAK,
        StatusSKP.DITANDATANGANI,
        StatusSKP.DIARSIPKAN,
    }
    approved = {
        StatusSKP.DISETUJUI,
        StatusSKP.DICETAK,
        StatusSKP.DITANDATANGANI,
        StatusSKP.DIARSIPKAN,
    }
    assert sum(s.status in approved for s in skps) > len(skps) / 2
    returned = [s for s in skps if s.status == StatusSKP.PERLU_REVISI]
    assert len(returned) == 1
    assert "Naikkan" in skp_service.catatan_pengembalian(returned[0]).catatan
    # Staff SKPs carry the rows their leader handed down, linked to the leader's RHK.
    siti = SKP.get(
        (SKP.pegawai == Pegawai.get(Pegawai.nama == "Siti Rahayu")) & (SKP.tahun == now().year)
    )
    linked = [r for r in siti.rhk if r.intervensi_id is not None]
    assert linked and linked[0].intervensi.skp.pegawai.nama == "Dewi Lestari"
    # Every SKP in the chain past a draft can be submitted as it is: no empty targets.
    for s in skps:
        assert s.rhk.count() >= 1


def test_demo_history_last_year_closed_this_year_under_way_and_a_pp46_unit(fresh_db):
    """Issue 4 "Demo": every screen of the evaluation has real content."""
    from decimal import Decimal

    from skpdesk.domain.aturan import SebutanPP46
    from skpdesk.domain.evaluasi import STATUS_SUDAH_FINAL, StatusEvaluasi
    from skpdesk.services import evaluasi as ev
    from skpdesk.services import pp46
    from skpdesk.services.context import now
    from skpdesk.store.models import (
        SKP,
        BuktiDukung,
        CapaianOrganisasi,
        CatatanPenilai,
        Evaluasi,
        Keberatan,
    )

    demo.buat_kantor_demo()
    tahun = now().year
    lalu = tahun - 1
    # Last year: everyone with a penilai in the office (all but the camat) approved and closed.
    skps = list(SKP.select().where(SKP.tahun == lalu))
    assert len(skps) == Pegawai.select().count() - 1
    assert all(s.penilai_id is not None and s.status == "DISETUJUI" for s in skps)
    for s in skps:
        evaluations = {e.periode: e for e in ev.evaluasi_skp(s.id)}
        assert list(evaluations) == ["TW1", "TW2", "TW3", "TW4"], s.pegawai.nama
        assert all(e.status in STATUS_SUDAH_FINAL and e.predikat for e in evaluations.values())
        assert any(r.umpan_balik for r in evaluations["TW1"].realisasi)
    # Capaian kinerja organisasi for every unit and period.
    assert CapaianOrganisasi.select().where(CapaianOrganisasi.tahun == lalu).count() == 7 * 4
    # Kesos warns after the keberatan decision, and each penilai wrote why.
    warned = [
        hasil
        for unit in UnitKerja.select()
        for hasil in [ev.cek_distribusi_unit(unit.id, lalu, "TW4")]
        if hasil.pelanggaran
    ]
    assert [h.unit.nama for h in warned] == [demo.KESOS]
    assert warned[0].n == 4 and warned[0].tanpa_justifikasi == []
    keberatan = Keberatan.get()
    assert keberatan.status == StatusEvaluasi.DIPUTUS and keberatan.keputusan
    assert keberatan.rating_sebelum["predikat"] == "BUTUH_PERBAIKAN"
    assert keberatan.rating_sesudah["predikat"] == "BAIK"
    assert keberatan.evaluasi.skp.pegawai.nama == "Endang Susanti"
    assert BuktiDukung.select().where(BuktiDukung.jenis == "LINK").count() >= 3
    assert CatatanPenilai.select().count() >= 3
    # This year: the first quarter final for every approved SKP, the second under way.
    approved = [s for s in SKP.select().where(SKP.tahun == tahun)
                if s.status in ev.STATUS_SKP_DISETUJUI]
    tw1 = Evaluasi.select().where((Evaluasi.tahun == tahun) & (Evaluasi.periode == "TW1"))
    assert {e.skp_id for e in tw1} == {s.id for s in approved}
    assert all(e.status == StatusEvaluasi.FINAL for e in tw1)
    tw2 = Evaluasi.select().where((Evaluasi.tahun == tahun) & (Evaluasi.periode == "TW2"))
    assert {e.status for e in tw2} == {
        StatusEvaluasi.DIISI, StatusEvaluasi.DIAJUKAN, StatusEvaluasi.DINILAI
    }
    # Two years back, Seksi Pemerintahan on PP 46/2011: every number computes and explains.
    lama = pp46.skp_pp46(tahun - 2)
    assert {s.pegawai.unit.nama for s in lama} == {demo.PEM} and len(lama) == 4
    for s in lama:
        hasil = pp46.hitung(s.id)
        assert hasil.kekurangan == [] and hasil.sebutan is not None, s.pegawai.nama
        assert hasil.prestasi.teks
    dimas = next(s for s in lama if s.pegawai.nama == "Dimas Saputra")
    hasil = pp46.hitung(dimas.id)
    # The kegiatan are docs/domain.md §11 A1, A2, A3, A5, A6; perilaku A10.
    assert [h.nilai_bulat for _row, h in hasil.kegiatan] == [
        Decimal(x) for x in ("85.50", "92.00", "97.56", "79.22", "86.50")
    ]
    assert hasil.nilai_capaian_skp == Decimal("89.16")  # 88,16 + 1 tugas tambahan
    assert hasil.nilai_prestasi_kerja == Decimal("85.89") and hasil.sebutan is SebutanPP46.BAIK
    assert pp46.hitung(next(s for s in lama if s.pegawai.nama == "Hendra Gunawan").id).struktural
