"""Roster import: reading .xlsx/.csv, row-level errors, all-or-nothing commit, history rows."""

from __future__ import annotations

import shutil
from typing import Any

import pytest
from openpyxl import Workbook

from skpdesk.resources import resource_path
from skpdesk.services import akun as akun_service
from skpdesk.services import impor, kantor
from skpdesk.services import pegawai as roster
from skpdesk.services.errors import AksesDitolak, ValidasiGagal
from skpdesk.services.pegawai import DataPegawai
from skpdesk.store.models import MODELS, Jabatan, Pegawai, Riwayat, UnitKerja
from tests.helpers import tulis_xlsx

SAMPLE_XLSX = resource_path("contoh/daftar_pegawai.xlsx")
SAMPLE_CSV = resource_path("contoh/daftar_pegawai.csv")
HEADER = [k.judul for k in impor.KOLOM]

CAMAT = "197406151999031002"
SEKCAM = "197903212003122004"
KASI_PELAYANAN = "198505142010012008"
PPPK = "199604112023211002"
PRANAKOM = "199501172020121004"


def nip(i: int) -> str:
    """A valid PNS NIP: born 1 January 1980, TMT January 2005, male, sequence ``i``."""
    return f"198001012005011{i:03d}"


def baris(
    nip_: Any,
    nama: str,
    *,
    golongan: str = "III/a",
    jabatan: str = "Pengadministrasi Umum",
    jenis: str = "Pelaksana",
    jenjang: str = "",
    unit: str = "Sekretariat",
    atasan: Any = "",
    status: str = "PNS",
    gelar_depan: str = "",
    gelar_belakang: str = "",
) -> list[Any]:
    """One data row in the column order of ``impor.KOLOM``."""
    return [
        nip_,
        nama,
        gelar_depan,
        gelar_belakang,
        status,
        golongan,
        jabatan,
        jenis,
        jenjang,
        unit,
        atasan,
    ]


# Every faulty row of a realistic bad file, with the (row, column) it must be reported at.
BARIS_SALAH: list[list[Any]] = [
    baris(nip(1), "Hadi Santoso", golongan="IV/b", jabatan="Camat", jenis="Administrator", unit=""),
    baris("19800101200501100", "Budi Rahman"),  # 17 digits
    baris(1.98001012005011e17, "Citra Lestari"),  # typed as a number in Excel
    baris(nip(5), "Dedi Kurnia", golongan="III/f"),
    baris(nip(6), ""),
    [None] * len(HEADER),  # a blank row, skipped but counted in the row numbers
    baris(nip(1), "Hadi Lagi"),  # same NIP as row 2
    baris(nip(9), "Eko Prasetyo", atasan=nip(99)),  # unknown atasan
    baris(nip(10), "Fajar Nugroho", atasan=nip(11)),
    baris(nip(11), "Gita Permata", atasan=nip(10)),  # closes Fajar → Gita → Fajar
    baris(nip(12), "Hana Pertiwi", atasan=1.98001012005011e17),
    baris(nip(13), "Indra Wijaya", jabatan="Camat", jenis="Pelaksana", unit=""),  # vs row 2
    baris(nip(14), "Joko Susanto", jabatan="Analis Kebijakan", jenis="Fungsional"),  # no jenjang
    baris(nip(15), "Kartini Sari", status="Honorer"),
    baris(nip(16), "Lina Marlina", atasan=nip(1)),  # fine
]
SALAH_DIHARAPKAN = {
    (3, "NIP"),
    (4, "NIP"),
    (5, "Golongan"),
    (6, "Nama"),
    (8, "NIP"),
    (9, "NIP Atasan"),
    (11, "NIP Atasan"),
    (12, "NIP Atasan"),
    (13, "Jenis Jabatan"),
    (14, "Jenjang"),
    (15, "Status"),
}


def keadaan() -> dict[str, Any]:
    """Row counts of every table plus the roster's content, to prove nothing changed."""
    state: dict[str, Any] = {m.__name__: m.select().count() for m in MODELS}
    state["pegawai"] = sorted(
        Pegawai.select(
            Pegawai.nip,
            Pegawai.nama,
            Pegawai.golongan,
            Pegawai.jabatan,
            Pegawai.unit,
            Pegawai.atasan,
        ).tuples()
    )
    state["jabatan"] = sorted(Jabatan.select(Jabatan.nama, Jabatan.jenis, Jabatan.unit).tuples())
    state["unit"] = sorted(UnitKerja.select(UnitKerja.nama, UnitKerja.induk).tuples())
    return state


def by_nip(value: str) -> Pegawai:
    return Pegawai.get(Pegawai.nip == value)


@pytest.mark.parametrize("sample", [SAMPLE_XLSX, SAMPLE_CSV], ids=["xlsx", "csv"])
def test_sample_roster_imports_into_a_fresh_office(kantor_siap, sample):
    riwayat_before = Riwayat.select().count()
    pratinjau = impor.baca_berkas(sample)
    assert pratinjau.ok, [k.teks() for k in pratinjau.kesalahan]
    assert (pratinjau.jumlah_baru, pratinjau.jumlah_ubah) == (11, 0)
    assert pratinjau.unit_baru == ["Seksi Ketenteraman dan Ketertiban Umum"]
    assert len(pratinjau.jabatan_baru) == 11
    assert Pegawai.select().count() == 0  # the preview wrote nothing

    hasil = impor.terapkan(kantor_siap, pratinjau)

    assert hasil == impor.HasilImpor(baru=11, diubah=0, unit_baru=1, jabatan_baru=11)
    assert Pegawai.select().count() == 11
    pppk = by_nip(PPPK)
    assert (pppk.status, pppk.golongan, pppk.jabatan.nama) == (
        "PPPK",
        "V",
        "Operator Layanan Operasional",
    )
    fungsional = by_nip(PRANAKOM).jabatan
    assert (fungsional.jenis, fungsional.jenjang, fungsional.struktural) == (
        "FUNGSIONAL",
        "Ahli Pertama",
        False,
    )
    camat = by_nip(CAMAT)
    assert camat.atasan is None and camat.unit.induk is None  # blank unit: the office itself
    assert camat.nama_lengkap == "Drs. Hadi Santoso, M.Si."
    assert by_nip(SEKCAM).atasan == camat
    assert by_nip(SEKCAM).gelar_belakang == "S.Sos., M.M."
    assert by_nip(PPPK).atasan.nip == KASI_PELAYANAN
    trantib = UnitKerja.get(UnitKerja.nama == "Seksi Ketenteraman dan Ketertiban Umum")
    assert trantib.induk.induk is None  # created under the root unit
    assert by_nip(KASI_PELAYANAN).unit.nama == "Seksi Pelayanan Umum"  # existing unit reused
    assert UnitKerja.select().where(UnitKerja.nama == "Seksi Pelayanan Umum").count() == 1

    history = list(Riwayat.select().order_by(Riwayat.waktu).offset(riwayat_before))
    assert sum(1 for r in history if (r.entitas, r.aksi) == ("Pegawai", "tambah")) == 11
    assert sum(1 for r in history if (r.entitas, r.aksi) == ("Jabatan", "tambah")) == 11
    assert sum(1 for r in history if (r.entitas, r.aksi) == ("UnitKerja", "tambah")) == 1
    summary = Riwayat.get(Riwayat.aksi == "impor_roster")
    assert (summary.entitas, summary.entitas_id) == ("Impor", sample.name)
    assert summary.oleh_id == kantor_siap.akun_id
    assert summary.rincian["baru"] == 11 and summary.rincian["unit_baru"] == [trantib.nama]
    assert all(r.oleh_id == kantor_siap.akun_id for r in history)


def test_reimport_of_the_same_file_updates_and_duplicates_nothing(kantor_siap):
    impor.terapkan(kantor_siap, impor.baca_berkas(SAMPLE_XLSX))
    counts = keadaan()

    again = impor.baca_berkas(SAMPLE_CSV)
    assert again.ok
    assert {b.aksi for b in again.baris} == {impor.AKSI_UBAH}
    assert again.unit_baru == [] and again.jabatan_baru == []
    hasil = impor.terapkan(kantor_siap, again)

    assert hasil == impor.HasilImpor(
        baru=0, diubah=0, unit_baru=0, jabatan_baru=0, tidak_berubah=11
    )
    after = keadaan()
    assert after.pop("Riwayat") == counts.pop("Riwayat") + 1  # only the import summary
    assert after == counts


def test_reimport_with_changes_updates_the_changed_people(kantor_siap, tmp_path):
    impor.terapkan(kantor_siap, impor.baca_berkas(SAMPLE_CSV))
    text = SAMPLE_CSV.read_text(encoding="utf-8-sig")
    # Agung Prabowo moves up a golongan; Dian now reports to the Sekcam instead of her Kasi.
    text = text.replace("PPPK;V;", "PPPK;VII;")
    text = text.replace(
        "Seksi Pelayanan Umum;198505142010012008\n199604", f"Seksi Pelayanan Umum;{SEKCAM}\n199604"
    )
    changed = tmp_path / "perubahan.csv"
    changed.write_text(text, encoding="utf-8-sig")

    hasil = impor.terapkan(kantor_siap, impor.baca_berkas(changed))

    assert (hasil.baru, hasil.diubah, hasil.tidak_berubah) == (0, 2, 9)
    assert by_nip(PPPK).golongan == "VII"
    assert by_nip("199207262015032001").atasan.nip == SEKCAM
    assert Pegawai.select().count() == 11


def test_bad_file_reports_every_error_at_its_row_and_column(kantor_siap, tmp_path):
    before = keadaan()
    pratinjau = impor.baca_berkas(tulis_xlsx(tmp_path / "salah.xlsx", BARIS_SALAH))

    assert not pratinjau.ok
    assert {(k.baris, k.kolom) for k in pratinjau.kesalahan} == SALAH_DIHARAPKAN
    pesan = {(k.baris, k.kolom): k.pesan for k in pratinjau.kesalahan}
    assert "Teks" in pesan[(4, "NIP")] and "angka" in pesan[(4, "NIP")]
    assert "Teks" in pesan[(12, "NIP Atasan")]
    assert "baris 2" in pesan[(8, "NIP")]
    assert "Fajar Nugroho" in pesan[(11, "NIP Atasan")]
    assert "Gita Permata" in pesan[(11, "NIP Atasan")]
    assert "18 digit" in pesan[(3, "NIP")]
    assert [b.baris for b in pratinjau.baris] == [2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16]
    assert {b.baris for b in pratinjau.baris if b.sah} == {2, 10, 16}
    assert keadaan() == before

    with pytest.raises(ValidasiGagal) as exc:
        impor.terapkan(kantor_siap, pratinjau)
    assert "Baris 5, kolom Golongan" in str(exc.value)
    assert keadaan() == before


def test_missing_required_columns_are_named_on_row_1(kantor_siap, tmp_path):
    header = [h for h in HEADER if h not in ("Golongan", "Unit Kerja")]
    row = [v for h, v in zip(HEADER, baris(nip(1), "Hadi"), strict=True) if h in header]
    pratinjau = impor.baca_berkas(tulis_xlsx(tmp_path / "kurang.xlsx", [row], header=header))
    assert {(k.baris, k.kolom) for k in pratinjau.kesalahan} == {
        (1, "Golongan"),
        (1, "Unit Kerja"),
    }
    assert all("tidak ada di baris judul" in k.pesan for k in pratinjau.kesalahan)
    assert not pratinjau.ok and pratinjau.baris == []


def test_headers_are_case_and_space_insensitive_and_extra_columns_ignored(kantor_siap, tmp_path):
    header = ["No.", *("  " + h.upper().replace(" ", "  ") for h in HEADER), "Catatan"]
    rows = [[1, *baris(nip(1), "Hadi Santoso", golongan="iv/b"), "pindahan"]]
    pratinjau = impor.baca_berkas(tulis_xlsx(tmp_path / "judul.xlsx", rows, header=header))
    assert pratinjau.ok, [k.teks() for k in pratinjau.kesalahan]
    assert pratinjau.baris[0].golongan == "iv/b"
    impor.terapkan(kantor_siap, pratinjau)
    assert by_nip(nip(1)).golongan == "IV/b"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("rusak.xlsx", bytes(range(256)) * 8, "bukan berkas Excel"),
        ("kosong.csv", b"", "kosong"),
        ("kosong.xlsx", None, "kosong"),
        ("judul_saja.csv", ";".join(HEADER).encode(), "Tidak ada data pegawai"),
        ("daftar.txt", b"NIP;Nama\n", "tidak didukung"),
        ("daftar.xls", b"\xd0\xcf\x11\xe0", "tidak didukung"),
        ("tidak_ada.csv", "missing", "tidak ditemukan"),
    ],
)
def test_unreadable_files_give_one_clear_error_and_write_nothing(
    kantor_siap, tmp_path, name, content, expected
):
    path = tmp_path / name
    if content is None:
        Workbook().save(path)
    elif content != "missing":
        path.write_bytes(content)
    before = keadaan()

    pratinjau = impor.baca_berkas(path)

    assert not pratinjau.ok
    assert len(pratinjau.kesalahan) == 1
    assert pratinjau.kesalahan[0].baris in (0, 1)
    assert expected in pratinjau.kesalahan[0].pesan
    with pytest.raises(ValidasiGagal):
        impor.terapkan(kantor_siap, pratinjau)
    assert keadaan() == before


def test_commit_needs_the_kepegawaian_role(kantor_siap):
    staf = roster.tambah_pegawai(
        kantor_siap, DataPegawai(nip=nip(50), nama="Staf Biasa", golongan="II/a")
    )
    akun_service.buat_akun(
        kantor_siap, "staf", "sandi12345", pegawai_id=staf.id, harus_ganti_sandi=False
    )
    aktor = akun_service.masuk("staf", "sandi12345")
    pratinjau = impor.baca_berkas(SAMPLE_XLSX)
    assert pratinjau.ok
    before = keadaan()

    with pytest.raises(AksesDitolak):
        impor.terapkan(aktor, pratinjau)
    assert keadaan() == before


def test_semicolon_csv_in_cp1252_reads_accents_and_gelar_commas(kantor_siap, tmp_path):
    rows = [
        ";".join(HEADER),
        ";".join(
            baris(nip(1), "Sri Rahayu", gelar_belakang="S.Sos., M.Si.", unit="Seksi Pelayanan Umum")
        ),
        ";".join(baris(nip(2), "Bá Ngọc Ánh".replace("ọ", "o"), atasan=nip(1))),
    ]
    path = tmp_path / "ekspor_excel.csv"
    path.write_bytes("\r\n".join(rows).encode("cp1252"))

    pratinjau = impor.baca_berkas(path)

    assert pratinjau.ok, [k.teks() for k in pratinjau.kesalahan]
    assert [(b.nama, b.gelar_belakang) for b in pratinjau.baris] == [
        ("Sri Rahayu", "S.Sos., M.Si."),
        ("Bá Ngoc Ánh", ""),
    ]
    impor.terapkan(kantor_siap, pratinjau)
    assert by_nip(nip(2)).nama == "Bá Ngoc Ánh"
    assert by_nip(nip(1)).nama_lengkap == "Sri Rahayu, S.Sos., M.Si."


def test_comma_and_tab_delimited_csv_are_sniffed(kantor_siap, tmp_path):
    for delimiter in (",", "\t"):
        path = tmp_path / f"daftar_{ord(delimiter)}.csv"
        lines = [delimiter.join(HEADER), delimiter.join(baris(nip(1), "Hadi Santoso"))]
        path.write_text("\n".join(lines), encoding="utf-8")
        pratinjau = impor.baca_berkas(path)
        assert pratinjau.ok, (delimiter, [k.teks() for k in pratinjau.kesalahan])
        assert pratinjau.baris[0].unit == "Sekretariat"


def test_existing_jabatan_with_another_jenis_is_an_error(kantor_siap, tmp_path):
    unit = UnitKerja.get(UnitKerja.nama == "Seksi Pemerintahan")
    kantor.tambah_jabatan(kantor_siap, "Kepala Seksi Pemerintahan", "PENGAWAS", "", unit.id)
    path = tulis_xlsx(
        tmp_path / "jenis.xlsx",
        [
            baris(
                nip(1),
                "Andi",
                jabatan="kepala seksi pemerintahan",
                jenis="Pelaksana",
                unit="seksi pemerintahan",
            )
        ],
    )
    pratinjau = impor.baca_berkas(path)
    assert [(k.baris, k.kolom) for k in pratinjau.kesalahan] == [(2, "Jenis Jabatan")]
    assert "Pengawas" in pratinjau.kesalahan[0].pesan


def test_atasan_inactive_in_the_database_is_an_error(kantor_siap, tmp_path):
    lama = roster.tambah_pegawai(
        kantor_siap, DataPegawai(nip=nip(70), nama="Pensiun", golongan="IV/a")
    )
    roster.nonaktifkan_pegawai(kantor_siap, lama.id, "pensiun")
    pratinjau = impor.baca_berkas(
        tulis_xlsx(tmp_path / "atasan.xlsx", [baris(nip(1), "Hadi", atasan=nip(70))])
    )
    assert [(k.baris, k.kolom) for k in pratinjau.kesalahan] == [(2, "NIP Atasan")]
    assert "tidak aktif" in pratinjau.kesalahan[0].pesan


def test_cycles_through_the_database_are_caught_and_swaps_are_allowed(kantor_siap, tmp_path):
    a = roster.tambah_pegawai(
        kantor_siap, DataPegawai(nip=nip(1), nama="Atasan Lama", golongan="IV/a")
    )
    roster.tambah_pegawai(
        kantor_siap,
        DataPegawai(nip=nip(2), nama="Bawahan Lama", golongan="III/a", atasan_id=a.id),
    )
    # A alone in the file, now under B, while B (not in the file) stays under A: a loop.
    loop = impor.baca_berkas(
        tulis_xlsx(tmp_path / "loop.xlsx", [baris(nip(1), "Atasan Lama", atasan=nip(2))])
    )
    assert [(k.baris, k.kolom) for k in loop.kesalahan] == [(2, "NIP Atasan")]
    assert "Atasan Lama" in loop.kesalahan[0].pesan and "Bawahan Lama" in loop.kesalahan[0].pesan

    # Both in the file: B is promoted above A. Valid as a whole, whatever the row order.
    swap = impor.baca_berkas(
        tulis_xlsx(
            tmp_path / "tukar.xlsx",
            [
                baris(nip(1), "Atasan Lama", atasan=nip(2)),
                baris(nip(2), "Bawahan Lama", golongan="IV/a"),
            ],
        )
    )
    assert swap.ok, [k.teks() for k in swap.kesalahan]
    impor.terapkan(kantor_siap, swap)
    assert by_nip(nip(1)).atasan.nip == nip(2)
    assert by_nip(nip(2)).atasan is None


def test_an_atasan_may_appear_below_their_staff(kantor_siap, tmp_path):
    rows = [
        baris(nip(2), "Staf Satu", atasan=nip(1)),
        baris(nip(3), "Staf Dua", atasan=nip(2)),
        baris(nip(1), "Kepala", golongan="IV/a", jabatan="Camat", jenis="Administrator", unit=""),
    ]
    pratinjau = impor.baca_berkas(tulis_xlsx(tmp_path / "urutan.xlsx", rows))
    assert pratinjau.ok
    impor.terapkan(kantor_siap, pratinjau)
    assert by_nip(nip(3)).atasan.atasan.nip == nip(1)
    # One shared jabatan row for both staff in the same unit.
    assert Jabatan.select().where(Jabatan.nama == "Pengadministrasi Umum").count() == 1


def test_a_failure_at_the_last_step_rolls_back_every_update(kantor_siap, monkeypatch, tmp_path):
    impor.terapkan(kantor_siap, impor.baca_berkas(SAMPLE_XLSX))
    text = SAMPLE_CSV.read_text(encoding="utf-8-sig").replace("PPPK;V;", "PPPK;VII;")
    changed = tmp_path / "perubahan.csv"
    changed.write_text(text.replace("Sekretariat", "Sekretariat Kecamatan"), encoding="utf-8-sig")
    pratinjau = impor.baca_berkas(changed)
    assert pratinjau.ok and pratinjau.unit_baru == ["Sekretariat Kecamatan"]
    before = keadaan()

    def boom(*args, **kwargs):
        raise RuntimeError("disk penuh")

    # The summary row is written last, after every unit, jabatan and pegawai.
    monkeypatch.setattr(impor, "catat", boom)
    with pytest.raises(RuntimeError):
        impor.terapkan(kantor_siap, pratinjau)
    assert keadaan() == before
    assert by_nip(PPPK).golongan == "V"


def test_a_refused_row_rolls_a_fresh_office_back_to_empty(kantor_siap, monkeypatch):
    before = keadaan()
    real = roster.tambah_pegawai
    calls = {"n": 0}

    def refuse_the_sixth(aktor, data):
        calls["n"] += 1
        if calls["n"] == 6:
            raise ValidasiGagal({"nip": "ditolak"})
        return real(aktor, data)

    monkeypatch.setattr(roster, "tambah_pegawai", refuse_the_sixth)
    with pytest.raises(ValidasiGagal) as exc:
        impor.terapkan(kantor_siap, impor.baca_berkas(SAMPLE_XLSX))
    assert "Baris 7: ditolak" in str(exc.value)  # the sixth data row
    assert keadaan() == before


def test_changes_since_the_preview_are_caught_at_commit(kantor_siap, tmp_path):
    pratinjau = impor.baca_berkas(SAMPLE_XLSX)
    assert pratinjau.ok
    # Meanwhile a colleague records the Camat's post as a JPT.
    root = UnitKerja.get(UnitKerja.induk.is_null())
    kantor.tambah_jabatan(kantor_siap, "Camat", "JPT", "Pratama", root.id)
    before = keadaan()

    with pytest.raises(ValidasiGagal) as exc:
        impor.terapkan(kantor_siap, pratinjau)
    assert "Baris 2, kolom Jenis Jabatan" in str(exc.value)
    assert keadaan() == before
    assert [(k.baris, k.kolom) for k in impor.periksa_ulang(pratinjau).kesalahan] == [
        (2, "Jenis Jabatan")
    ]


def test_optional_columns_left_out_keep_what_is_stored(kantor_siap, tmp_path):
    impor.terapkan(kantor_siap, impor.baca_berkas(SAMPLE_XLSX))
    header = [h for h in HEADER if h not in ("Gelar Depan", "Gelar Belakang", "NIP Atasan")]
    row = baris(SEKCAM, "Ratna Sari Dewi", golongan="IV/b", jabatan="Sekretaris Camat")
    row = [v for h, v in zip(HEADER, row, strict=True) if h in header]
    row[header.index("Jenis Jabatan")] = "Administrator"
    pratinjau = impor.baca_berkas(tulis_xlsx(tmp_path / "naik.xlsx", [row], header=header))
    assert pratinjau.ok, [k.teks() for k in pratinjau.kesalahan]
    hasil = impor.terapkan(kantor_siap, pratinjau)
    sekcam = by_nip(SEKCAM)
    assert hasil.diubah == 1 and sekcam.golongan == "IV/b"
    assert sekcam.gelar_belakang == "S.Sos., M.M." and sekcam.atasan.nip == CAMAT


def test_sample_files_are_found_and_copyable(tmp_path):
    assert SAMPLE_XLSX.is_file() and SAMPLE_CSV.is_file()
    copy = tmp_path / "salinan.xlsx"
    shutil.copyfile(SAMPLE_XLSX, copy)
    assert copy.read_bytes()[:2] == b"PK"
