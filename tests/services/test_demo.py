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
    return demo.buat_kantor_demo()


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
    siti = SKP.get(SKP.pegawai == Pegawai.get(Pegawai.nama == "Siti Rahayu"))
    linked = [r for r in siti.rhk if r.intervensi_id is not None]
    assert linked and linked[0].intervensi.skp.pegawai.nama == "Dewi Lestari"
    # Every SKP in the chain past a draft can be submitted as it is: no empty targets.
    for s in skps:
        assert s.rhk.count() >= 1
