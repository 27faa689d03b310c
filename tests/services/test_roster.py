"""Roster services: rights, validation, atasan cycles, history rows."""

from __future__ import annotations

import dataclasses

import pytest

from skpdesk.services import akun as akun_service
from skpdesk.services import kantor
from skpdesk.services import pegawai as roster
from skpdesk.services.errors import AksesDitolak, LayananError, ValidasiGagal
from skpdesk.services.pegawai import DataPegawai
from skpdesk.store.models import Pegawai, Riwayat

CAMAT = DataPegawai(nip="197508122000031004", nama="Bambang Setiawan", golongan="IV/b")
KASI = DataPegawai(nip="197812012006041009", nama="Hendra Gunawan", golongan="III/d")
STAF = DataPegawai(nip="199305182019031006", nama="Dimas Saputra", golongan="III/a")


def _pegawai_aktor(admin, data=STAF):
    """A plain pegawai logged in: no kepegawaian role."""
    p = roster.tambah_pegawai(admin, data)
    akun_service.buat_akun(admin, p.nip, "sandi12345", pegawai_id=p.id, harus_ganti_sandi=False)
    return p, akun_service.masuk(p.nip, "sandi12345")


def test_add_pegawai_writes_record_and_history(kantor_siap):
    p = roster.tambah_pegawai(kantor_siap, CAMAT)
    stored = Pegawai.get(Pegawai.id == p.id)
    assert (stored.nip, stored.golongan, stored.status, stored.aktif) == (
        "197508122000031004",
        "IV/b",
        "PNS",
        True,
    )
    row = Riwayat.get((Riwayat.entitas == "Pegawai") & (Riwayat.entitas_id == str(p.id)))
    assert row.aksi == "tambah"
    assert row.oleh_id == kantor_siap.akun_id
    assert row.rincian["nip"] == "197508122000031004"


def test_nip_typed_with_spaces_is_stored_as_digits(kantor_siap):
    p = roster.tambah_pegawai(
        kantor_siap, DataPegawai(nip="19750812 200003 1 004", nama="Bambang", golongan="iv/b")
    )
    assert p.nip == "197508122000031004" and p.golongan == "IV/b"


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (DataPegawai(nip="1975081220000310", nama="A", golongan="IV/b"), "nip", "18 digit"),
        (DataPegawai(nip=CAMAT.nip, nama="", golongan="IV/b"), "nama", "wajib"),
        (DataPegawai(nip=CAMAT.nip, nama="Agus 2", golongan="IV/b"), "nama", "angka"),
        (DataPegawai(nip=CAMAT.nip, nama="A", golongan="IX"), "golongan", "IV/e"),
        (DataPegawai(nip=CAMAT.nip, nama="A", golongan=""), "golongan", "wajib"),
        (DataPegawai(nip=CAMAT.nip, nama="A", status="Honorer", golongan="I"), "status", "PNS"),
        (
            DataPegawai(nip="199509092022212003", nama="Putri", status="PNS", golongan="III/a"),
            "status",
            "PPPK",
        ),
    ],
)
def test_invalid_input_is_refused_per_field_and_nothing_saved(kantor_siap, data, field, message):
    before = (Pegawai.select().count(), Riwayat.select().count())
    with pytest.raises(ValidasiGagal) as info:
        roster.tambah_pegawai(kantor_siap, data)
    assert message in info.value.errors[field]
    assert (Pegawai.select().count(), Riwayat.select().count()) == before


def test_duplicate_nip_names_the_holder(kantor_siap):
    roster.tambah_pegawai(kantor_siap, CAMAT)
    with pytest.raises(ValidasiGagal) as info:
        roster.tambah_pegawai(kantor_siap, DataPegawai(nip=CAMAT.nip, nama="Lain", golongan="I/a"))
    assert "Bambang Setiawan" in info.value.errors["nip"]


def test_duplicate_nip_message_of_a_name_ending_in_a_gelar_is_one_sentence(kantor_siap):
    # "… atas nama Drs. Bambang Setiawan, M.Si.." was the old wording's end.
    roster.tambah_pegawai(kantor_siap, dataclasses.replace(CAMAT, gelar_belakang="M.Si."))
    with pytest.raises(ValidasiGagal) as info:
        roster.tambah_pegawai(kantor_siap, DataPegawai(nip=CAMAT.nip, nama="Lain", golongan="I/a"))
    message = info.value.errors["nip"]
    assert message == "Sudah ada pegawai Bambang Setiawan, M.Si. dengan NIP 19750812 200003 1 004."


def test_pppk_with_pppk_golongan(kantor_siap):
    p = roster.tambah_pegawai(
        kantor_siap,
        DataPegawai(nip="199509092022212003", nama="Putri", status="pppk", golongan="ix"),
    )
    assert (p.status, p.golongan) == ("PPPK", "IX")


def test_only_the_kepegawaian_role_may_change_the_roster(kantor_siap):
    _, staf = _pegawai_aktor(kantor_siap)
    camat = roster.tambah_pegawai(kantor_siap, CAMAT)
    before = Riwayat.select().count()
    calls = [
        lambda: roster.tambah_pegawai(staf, KASI),
        lambda: roster.ubah_pegawai(staf, camat.id, CAMAT),
        lambda: roster.atur_atasan(staf, staf.pegawai_id, camat.id),
        lambda: roster.nonaktifkan_pegawai(staf, camat.id, "pensiun"),
        lambda: kantor.tambah_unit(staf, "Seksi Baru", None),
        lambda: kantor.tambah_jabatan(staf, "Kasi", "PENGAWAS"),
        lambda: akun_service.buat_akun(staf, "baru", "sandi12345"),
        lambda: akun_service.atur_sandi(staf, staf.akun_id, "sandi99999"),
        lambda: kantor.ubah_pengaturan(
            staf, kop_surat=["X"], tempat="X", ukuran_kertas="A4", cadangan_disimpan=3
        ),
    ]
    for call in calls:
        with pytest.raises(AksesDitolak, match="Pengadministrasi Kepegawaian"):
            call()
    assert Riwayat.select().count() == before
    assert Pegawai.get(Pegawai.id == staf.pegawai_id).atasan is None


def test_set_atasan_and_refuse_cycles(kantor_siap):
    camat = roster.tambah_pegawai(kantor_siap, CAMAT)
    kasi = roster.tambah_pegawai(kantor_siap, KASI)
    staf = roster.tambah_pegawai(kantor_siap, STAF)
    roster.atur_atasan(kantor_siap, kasi.id, camat.id)
    roster.atur_atasan(kantor_siap, staf.id, kasi.id)

    for pegawai_id, atasan_id in [(camat.id, staf.id), (camat.id, kasi.id), (kasi.id, kasi.id)]:
        with pytest.raises(ValidasiGagal) as info:
            roster.atur_atasan(kantor_siap, pegawai_id, atasan_id)
        assert "atasan_id" in info.value.errors
    assert Pegawai.get(Pegawai.id == camat.id).atasan is None

    row = (
        Riwayat.select()
        .where((Riwayat.aksi == "atur_atasan") & (Riwayat.entitas_id == str(staf.id)))
        .get()
    )
    assert (row.dari, row.ke) == (None, kasi.nip)


def test_cycle_is_refused_through_the_edit_form_too(kantor_siap):
    camat = roster.tambah_pegawai(kantor_siap, CAMAT)
    kasi = roster.tambah_pegawai(
        kantor_siap, DataPegawai(**{**KASI.__dict__, "atasan_id": camat.id})
    )
    with pytest.raises(ValidasiGagal, match="atasan dirinya sendiri"):
        roster.ubah_pegawai(
            kantor_siap, camat.id, DataPegawai(**{**CAMAT.__dict__, "atasan_id": kasi.id})
        )


def test_edit_records_only_what_changed(kantor_siap):
    p = roster.tambah_pegawai(kantor_siap, STAF)
    roster.ubah_pegawai(kantor_siap, p.id, DataPegawai(**{**STAF.__dict__, "golongan": "III/b"}))
    row = Riwayat.get((Riwayat.aksi == "ubah") & (Riwayat.entitas_id == str(p.id)))
    assert row.rincian == {"golongan": {"dari": "III/a", "ke": "III/b"}}
    before = Riwayat.select().count()
    roster.ubah_pegawai(kantor_siap, p.id, DataPegawai(**{**STAF.__dict__, "golongan": "III/b"}))
    assert Riwayat.select().count() == before  # nothing changed, nothing recorded


def test_deactivate_needs_a_reason_and_frees_no_subordinates(kantor_siap):
    kasi = roster.tambah_pegawai(kantor_siap, KASI)
    staf = roster.tambah_pegawai(
        kantor_siap, DataPegawai(**{**STAF.__dict__, "atasan_id": kasi.id})
    )
    with pytest.raises(ValidasiGagal, match="Alasan"):
        roster.nonaktifkan_pegawai(kantor_siap, staf.id, "  ")
    with pytest.raises(ValidasiGagal, match="Dimas Saputra"):
        roster.nonaktifkan_pegawai(kantor_siap, kasi.id, "mutasi")
    roster.nonaktifkan_pegawai(kantor_siap, staf.id, "pensiun")
    assert Pegawai.get(Pegawai.id == staf.id).aktif is False
    row = Riwayat.get(Riwayat.aksi == "nonaktifkan")
    assert (row.dari, row.ke, row.catatan) == ("aktif", "nonaktif", "pensiun")
    # An inactive pegawai cannot become anyone's atasan.
    roster.nonaktifkan_pegawai(kantor_siap, kasi.id, "mutasi")
    other = roster.tambah_pegawai(kantor_siap, CAMAT)
    with pytest.raises(ValidasiGagal, match="tidak aktif"):
        roster.atur_atasan(kantor_siap, other.id, kasi.id)
    roster.aktifkan_pegawai(kantor_siap, kasi.id)
    assert Pegawai.get(Pegawai.id == kasi.id).aktif is True


def test_setup_happens_once(kantor_siap):
    with pytest.raises(LayananError, match="sudah disiapkan"):
        kantor.siapkan_kantor(
            kantor.DataKantor("Lain", "", "", "X", admin_login="admin2", admin_sandi="abcd12345")
        )


def test_setup_validates_before_writing(fresh_db):
    with pytest.raises(ValidasiGagal) as info:
        kantor.siapkan_kantor(
            kantor.DataKantor("", "", "", "", unit=["A", "a"], admin_login="x", admin_sandi="123")
        )
    assert set(info.value.errors) == {
        "nama_instansi",
        "tempat",
        "unit",
        "admin_sandi",
        "admin_login",
    }
    assert kantor.sudah_disiapkan() is False
    assert Riwayat.select().count() == 0


def test_units_and_jabatan(kantor_siap):
    root = kantor.instansi().unit_kerja.where(kantor.UnitKerja.induk.is_null()).get()
    seksi = kantor.tambah_unit(kantor_siap, "  Seksi   Trantib ", root.id)
    assert seksi.nama == "Seksi Trantib" and seksi.path()[0] == root
    with pytest.raises(ValidasiGagal, match="sudah ada"):
        kantor.tambah_unit(kantor_siap, "Seksi Trantib", root.id)
    kantor.ubah_unit(kantor_siap, seksi.id, "Seksi Ketenteraman")
    jf = kantor.tambah_jabatan(kantor_siap, "Pranata Komputer", "fungsional", "Ahli Pertama")
    assert jf.struktural is False and jf.jenjang == "Ahli Pertama"
    kasi = kantor.tambah_jabatan(kantor_siap, "Kepala Seksi", "PENGAWAS", unit_id=seksi.id)
    assert kasi.struktural is True
    with pytest.raises(ValidasiGagal) as info:
        kantor.tambah_jabatan(kantor_siap, "Analis", "Fungsional", "")
    assert "jenjang" in info.value.errors
    with pytest.raises(ValidasiGagal) as info:
        kantor.tambah_jabatan(kantor_siap, "Analis", "Honorer")
    assert "jenis" in info.value.errors


def test_settings_validated_and_logo_checked(kantor_siap):
    args = dict(kop_surat=["PEMERINTAH", "KECAMATAN"], tempat="Sukamaju", cadangan_disimpan=7)
    with pytest.raises(ValidasiGagal) as info:
        kantor.ubah_pengaturan(kantor_siap, ukuran_kertas="Letter", logo=b"GIF89a", **args)
    assert set(info.value.errors) == {"ukuran_kertas", "logo"}
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 10
    setting = kantor.ubah_pengaturan(
        kantor_siap, ukuran_kertas="F4", logo=png, logo_nama="logo.png", **args
    )
    assert (setting.ukuran_kertas, setting.logo_nama, bytes(setting.logo)) == (
        "F4",
        "logo.png",
        png,
    )
    row = Riwayat.select().where(Riwayat.entitas == "Pengaturan").order_by(Riwayat.nomor.desc())
    assert row.first().rincian["ukuran_kertas"] == {"dari": "A4", "ke": "F4"}
