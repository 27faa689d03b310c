"""Each kind rendered from the demo office and read back with python-docx, cell by cell."""

from __future__ import annotations

import datetime as dt
import re
import struct
import zlib

import pytest

from skpdesk.documents import render_rekaman
from skpdesk.documents.konteks import jabatan_ttd
from skpdesk.domain.berakhlak import BERAKHLAK
from skpdesk.domain.entitas import Entitas
from skpdesk.services import kantor
from skpdesk.store.models import SKP

from .conftest import (
    NAMA_KHUSUS,
    NIP_KASUBBAG,
    NIP_PERENCANA,
    NIP_STAF,
    admin,
    jadikan_plt,
    skp_jpt,
    skp_of,
    tercatat,
)
from .helpers import baris, buka, semua_teks, tabel, tanpa_tag, teks_badan, unik

TANGGAL = dt.date(2024, 1, 16)


def approx(mm: float):
    return pytest.approx(mm, abs=0.1)  # page sizes are stored in twips


def png(width: int = 4, height: int = 4) -> bytes:
    """A real, tiny PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\x80\x20\x20" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
BULAN = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"


def render(kode: str, skp: SKP, **kw) -> bytes:
    hasil, _context = render_rekaman(kode, skp.id, **kw)
    assert hasil.peringatan == []
    tanpa_tag(hasil.isi)
    return hasil.isi


def hasil_kerja(doc) -> list[list[str]]:
    """Data rows of the hasil kerja table: after the two header rows."""
    rows = [unik(r) for r in baris(tabel(doc, "HASIL KERJA"))]
    return rows[3:]


def test_skp_ja_jf_header_blocks_in_official_order(demo_db):
    doc = buka(render("skp", skp_of(NIP_STAF)))
    rows = [unik(r) for r in baris(tabel(doc, "PEGAWAI YANG DINILAI"))]
    assert rows[0] == ["PEGAWAI YANG DINILAI", "PEJABAT PENILAI KINERJA"]
    assert [r[1] for r in rows[1:]] == ["NAMA", "NIP", "PANGKAT/GOL. RUANG", "JABATAN",
                                        "UNIT KERJA"]
    assert rows[1][2] == "Nur Aini, A.Md." and rows[1][5] == "Agus Prasetyo, S.E."
    assert rows[2][2] == "19900410 201503 2 002" and rows[2][5] == "19820415 200801 1 012"
    assert rows[3][2] == "Pengatur Tingkat I, II/d"
    assert rows[4][2] == "Pengadministrasi Perkantoran"
    assert rows[5][2] == "Subbagian Umum dan Kepegawaian"
    body = teks_badan(doc)
    assert "SASARAN KINERJA PEGAWAI" in body
    assert "PENDEKATAN HASIL KERJA KUANTITATIF" in body
    assert "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL" in body
    year = skp_of(NIP_STAF).tahun
    assert f"PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN {year}" in body
    assert "KECAMATAN SUKAMAJU" in body
    # The kop surat of the office, line by line.
    assert "PEMERINTAH KABUPATEN SINDANGSARI" in body
    assert "Jl. Raya Sukamaju No. 17, Sukamaju 53471, Telepon (0286) 123456" in body


def test_skp_hasil_kerja_rows_utama_then_tambahan_with_iki_and_targets(demo_db):
    doc = buka(render("skp", skp_of(NIP_STAF)))
    rows = hasil_kerja(doc)
    assert rows[0] == ["A. KINERJA UTAMA"]
    assert rows[1] == [
        "1",
        "Tertib administrasi umum dan kepegawaian kecamatan",
        "Data kepegawaian dan SKP pegawai yang mutakhir",
        "Kuantitas",
        "Jumlah data pegawai yang dimutakhirkan",
        "22 Orang",
    ]
    # The second IKI of the same RHK: its own aspek, indikator and target.
    assert rows[2][-3:] == ["Waktu", "Ketepatan waktu pemutakhiran", "12 Bulan"]
    assert rows[3] == ["B. KINERJA TAMBAHAN"]
    assert rows[4] == ["1", "", "Terlaksananya piket layanan terpadu kecamatan", "Kuantitas",
                       "Jumlah hari piket", "24 Hari"]
    assert len(rows) == 5


def test_skp_range_targets_and_indonesian_thousands(demo_db):
    rows = hasil_kerja(buka(render("skp", skp_of(NIP_PERENCANA))))
    targets = [r[-1] for r in rows if len(r) == 6]
    assert "80 – 90%" in targets and "5 Dokumen" in targets
    rows = hasil_kerja(buka(render("skp", skp_of("198807252011011005"))))
    assert "1.200 Surat" in [r[-1] for r in rows if len(r) == 6]


def test_skp_without_tambahan_prints_a_dash_row(demo_db):
    rows = hasil_kerja(buka(render("skp", skp_of(NIP_PERENCANA))))
    index = rows.index(["B. KINERJA TAMBAHAN"])
    assert rows[index + 1:] == [["-"]]


def test_skp_berakhlak_rows_with_ekspektasi_khusus(demo_db):
    doc = buka(render("skp", skp_of("199102262015032005")))  # Siti Rahayu
    rows = [unik(r) for r in baris(tabel(doc, "PERILAKU KERJA"))][1:]
    assert len(rows) == 7
    for row, value in zip(rows, BERAKHLAK, strict=True):
        assert row[0] == str(value.nomor)
        assert row[1].splitlines()[0] == value.nama
        for panduan in value.panduan:
            assert panduan in row[1]
        assert row[2].startswith("Ekspektasi Khusus Pimpinan:")
    assert rows[0][2].endswith("Menanggapi pengaduan warga paling lambat satu hari kerja")
    assert rows[1][2].endswith("-")


def test_signatures_place_date_jabatan_nama_nip(demo_db):
    doc = buka(render("skp", skp_of(NIP_STAF), tanggal=TANGGAL))
    who, _space, names = [unik(r) for r in baris(doc.tables[-1])]
    assert who[0].splitlines() == ["Pegawai yang Dinilai", "Pengadministrasi Perkantoran"]
    assert who[1].splitlines() == ["Sukamaju, 16 Januari 2024", "Pejabat Penilai Kinerja",
                                   "Kepala Subbagian Umum dan Kepegawaian"]
    assert names == ["Nur Aini, A.Md.\nNIP. 19900410 201503 2 002",
                     "Agus Prasetyo, S.E.\nNIP. 19820415 200801 1 012"]


def test_signature_date_defaults_to_the_day_of_approval(demo_db):
    doc = buka(render("skp", skp_of(NIP_STAF)))
    assert re.search(rf"Sukamaju, \d{{1,2}} ({BULAN}) \d{{4}}", teks_badan(doc))


def test_footer_names_the_record_and_its_data_version(demo_db):
    skp = skp_of(NIP_STAF)
    text = semua_teks(render("skp", skp))
    assert f"SKP {skp.tahun} · Nur Aini, A.Md. · NIP 19900410 201503 2 002 · versi data " \
           f"{skp.versi}" in text


def test_lampiran_lists_its_three_sections_numbered(demo_db):
    data = render("lampiran_skp", skp_of(NIP_STAF), tanggal=TANGGAL)
    doc = buka(data)
    assert "LAMPIRAN SASARAN KINERJA PEGAWAI" in teks_badan(doc)
    rows = [unik(r) for r in baris(tabel(doc, "1. DUKUNGAN SUMBER DAYA"))]
    assert rows == [
        ["1. DUKUNGAN SUMBER DAYA"],
        ["1", "Komputer/laptop dan jaringan internet kantor"],
        ["2. SKEMA PERTANGGUNGJAWABAN"],
        ["1", "Hasil kerja dilaporkan setiap triwulan"],
        ["3. KONSEKUENSI"],
        ["1", "Capaian kinerja menjadi dasar pemberian TPP"],
    ]
    header = [unik(r) for r in baris(tabel(doc, "PEGAWAI YANG DINILAI"))]
    assert header[1][2] == "Nur Aini, A.Md."
    assert "Sukamaju, 16 Januari 2024" in teks_badan(doc)


def test_lampiran_with_an_empty_section_prints_a_dash(demo_db):
    skp = skp_of(NIP_STAF)
    SKP.update(lampiran={"dukungan_sumber_daya": ["Laptop"]}).where(SKP.id == skp.id).execute()
    tercatat(Entitas.SKP, skp.id)
    rows = [unik(r) for r in baris(tabel(buka(render("lampiran_skp", skp)), "1. DUKUNGAN"))]
    assert rows[3] == ["-"] and rows[5] == ["-"]


def test_jpt_kuantitatif_columns_penugasan_perspektif_and_special_characters(demo_db):
    skp = skp_jpt(kualitatif=False)
    doc = buka(render("skp", skp))
    body = teks_badan(doc)
    assert "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI" in body
    header = [unik(r) for r in baris(tabel(doc, "PEGAWAI YANG DINILAI"))]
    assert header[1][2] == f"{NAMA_KHUSUS}, S.H."
    assert header[4][2] == "Kepala Badan & <Perencanaan>"
    assert header[5][4] == "INSTANSI"  # a JPT's penilai block names the instansi
    rows = [unik(r) for r in baris(tabel(doc, "HASIL KERJA"))]
    assert rows[1] == ["NO", "RENCANA HASIL KERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET",
                       "PERSPEKTIF"]
    data = rows[4:]
    assert data[0] == ["1", "Meningkatnya kualitas perencanaan daerah\n(penugasan dari Bupati)",
                       "Indeks kualitas dokumen perencanaan", "3,5 Indeks", "Penerima Layanan"]
    assert data[1][2:4] == ["Persentase program selaras RPJMD", "80 – 90%"]
    assert data[2][0:2] == ["2", "Terwujudnya tata kelola keuangan yang akuntabel"]
    assert data[3] == ["B. KINERJA TAMBAHAN"]
    assert data[4][1] == "Terlaksananya koordinasi lintas sektor"
    names = unik(baris(doc.tables[-1])[-1])
    assert names[0].startswith(f"{NAMA_KHUSUS}, S.H.")


def test_jpt_kualitatif_has_the_ukuran_keberhasilan_block(demo_db):
    doc = buka(render("skp", skp_jpt(kualitatif=True)))
    assert "PENDEKATAN HASIL KERJA KUALITATIF" in teks_badan(doc)
    rows = [unik(r) for r in baris(tabel(doc, "HASIL KERJA"))]
    assert rows[1] == ["NO", "RENCANA HASIL KERJA", "PERSPEKTIF"]
    block = rows[5]
    assert block[-1].splitlines() == [
        "Ukuran Keberhasilan / Indikator Kinerja Individu, dan Target:",
        "-\tDokumen perencanaan disahkan tepat waktu",
        "-\tIndeks kualitas dokumen perencanaan: 3,5 Indeks",
        "-\tPersentase program selaras RPJMD: 80 – 90%",
    ]


def test_ja_kualitatif_keeps_the_intervened_rhk_column(demo_db):
    skp = skp_of(NIP_STAF)
    SKP.update(pendekatan="KUALITATIF").where(SKP.id == skp.id).execute()
    tercatat(Entitas.SKP, skp.id)
    rows = [unik(r) for r in baris(tabel(buka(render("skp", skp)), "HASIL KERJA"))]
    assert rows[1] == ["NO", "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
                       "RENCANA HASIL KERJA"]
    assert rows[4] == ["1", "Tertib administrasi umum dan kepegawaian kecamatan",
                       "Data kepegawaian dan SKP pegawai yang mutakhir"]
    assert "Jumlah data pegawai yang dimutakhirkan: 22 Orang" in rows[5][-1]


@pytest.mark.parametrize(
    ("flags", "lines"),
    [
        ({"plt": "Plt.", "jabatan_plt": "Sekretaris Camat"}, ["Plt. Sekretaris Camat"]),
        ({"plt": True}, ["Plt. Kepala Subbagian Umum dan Kepegawaian"]),
        ({"plt": "Plh.", "jabatan_plt": "Camat Sukamaju"}, ["Plh. Camat Sukamaju"]),
        ({"atas_nama": "Camat Sukamaju"},
         ["a.n. Camat Sukamaju", "Kepala Subbagian Umum dan Kepegawaian"]),
    ],
)
def test_acting_signers_sign_as_plt_or_an(demo_db, flags, lines):
    skp = jadikan_plt(skp_of(NIP_STAF), **flags)
    doc = buka(render("skp", skp, tanggal=TANGGAL))
    who = unik(baris(doc.tables[-1])[0])
    assert who[1].splitlines()[2:] == lines


def test_jabatan_ttd_without_flags_is_the_post():
    assert jabatan_ttd({"jabatan": "Camat"}) == ["Camat"]
    assert jabatan_ttd({}) == []


def test_paper_follows_the_office_setting(demo_db):
    a4 = buka(render("skp", skp_of(NIP_STAF))).sections[0]
    assert (a4.page_width.mm, a4.page_height.mm) == (approx(210), approx(297))
    setting = kantor.pengaturan()
    kantor.ubah_pengaturan(admin(), kop_surat=setting.kop_surat, tempat=setting.tempat,
                           ukuran_kertas="F4", cadangan_disimpan=setting.cadangan_disimpan)
    for kode in ("skp", "lampiran_skp"):
        f4 = buka(render(kode, skp_of(NIP_STAF))).sections[0]
        assert (f4.page_width.mm, f4.page_height.mm) == (approx(215.9), approx(330.2))


def _logo(data: bytes) -> None:
    setting = kantor.pengaturan()
    kantor.ubah_pengaturan(admin(), kop_surat=setting.kop_surat, tempat=setting.tempat,
                           ukuran_kertas="A4", cadangan_disimpan=14, logo=data,
                           logo_nama="logo.png")


def test_logo_is_placed_in_the_kop(demo_db):
    _logo(png())
    doc = buka(render("skp", skp_of(NIP_STAF)))
    assert len(doc.inline_shapes) == 1
    assert doc.inline_shapes[0].height.mm == pytest.approx(21, abs=0.1)


def test_an_unreadable_logo_is_left_out_with_a_warning(demo_db):
    _logo(b"\x89PNG\r\n\x1a\n" + b"rusak" * 10)
    hasil, _context = render_rekaman("skp", skp_of(NIP_STAF).id)
    assert len(buka(hasil.isi).inline_shapes) == 0
    assert any("Logo" in w for w in hasil.peringatan)


def test_penilai_skp_renders_too(demo_db):
    # A Kasubbag's own SKP: his RHK was handed down by the Sekcam (intervensi column).
    rows = hasil_kerja(buka(render("skp", skp_of(NIP_KASUBBAG))))
    assert rows[1][1] == "Terselenggaranya administrasi kesekretariatan yang akuntabel"
