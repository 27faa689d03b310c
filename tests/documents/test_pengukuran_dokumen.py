"""Laporan Pengukuran Kinerja and its surat pengantar: read back cell by cell, and from the CLI."""

from __future__ import annotations

import pytest

from skpdesk.cli import main
from skpdesk.documents import registri, templat
from skpdesk.documents.arsip import render_rekaman
from skpdesk.services import pengukuran as ps
from skpdesk.store.models import Pegawai, db
from tests.helpers import aktor

from .conftest import NIP_CAMAT
from .helpers import baris, buka, semua_teks, tabel, tanpa_tag, teks_badan

NIP_PERENCANA = "199108082015022004"


def _tw1():
    pk = ps.daftar_pk()[0]
    return pk, ps.daftar_pengukuran(pk)[0]


def _cells(doc):
    t = next(t for t in doc.tables if t.rows and t.rows[0].cells[0].text.strip() == "NO"
             and "SASARAN" in t.rows[0].cells[1].text)
    return [r for r in baris(t)[2:]]


def test_the_report_holds_the_numbers_in_indonesian_format(demo_db):
    pk, tw1 = _tw1()
    hasil, context = render_rekaman("pengukuran", tw1.id)
    tanpa_tag(hasil.isi)
    doc = buka(hasil.isi)
    rows = _cells(doc)
    assert len(rows) == 5
    ikm, waktu, kegiatan, aduan, skp = rows
    # no, sasaran, indikator, satuan, polaritas, target tahun, target TW, realisasi, capaian,
    # realisasi s.d., capaian s.d., kategori, kendala, RTL
    assert ikm[0] == "1" and ikm[3] == "Indeks"
    assert ikm[5:12] == ["82", "80", "80,5", "100,63", "80,5", "98,17", "Sangat Baik"]
    assert waktu[4] == "Negatif" and waktu[6:9] == ["3", "3,5", "83,33"]
    assert kegiatan[6:12] == ["6", "4", "66,67", "4", "16,67", "Cukup"]
    assert kegiatan[12] == "Dua kegiatan bergeser karena musim tanam"
    assert aduan[4] == "Pemeliharaan" and aduan[8] == "100,00"
    assert skp[5:9] == ["85 – 95", "85 – 95", "92", "100,00"]
    # One sasaran over two indicators: its cell is merged down.
    assert ikm[1] == waktu[1] == "Meningkatnya kualitas pelayanan publik kecamatan"
    text = semua_teks(hasil.isi)
    assert "LAPORAN PENGUKURAN KINERJA" in text and "TRIWULAN I TAHUN" in text
    assert "DRAF" not in text  # ratified by the Camat
    assert "Sangat Baik > 90; Baik > 75 s.d. 90" in teks_badan(doc)
    assert "Drs. Bambang Setiawan, M.Si." in text and "Sri Wahyuni, S.Sos., M.M." in text
    # Every employee of the kecamatan signs (SOP 003 step 8).
    people = Pegawai.select().where(Pegawai.aktif).count()
    assert sum(1 for t in doc.tables for r in t.rows if r.cells[0].text.strip().isdigit()
               and "NIP." in r.cells[1].text) == people


def test_a_report_before_ratification_says_it_is_a_draft(demo_db):
    pk, _tw1_done = _tw1()
    tw2 = ps.mulai_pengukuran(aktor(NIP_PERENCANA), pk.id, 2)
    hasil, _context = render_rekaman("pengukuran", tw2.id)
    tanpa_tag(hasil.isi)
    text = semua_teks(hasil.isi)
    assert "DRAF — BELUM DISAHKAN (Menunggu Penugasan Camat)" in text
    rows = _cells(buka(hasil.isi))
    # Not measured yet: dashes, never "None" or a zero.
    assert rows[0][7:12] == ["-", "-", "-", "-", "-"]
    assert rows[2][10] == "-"


def test_the_surat_pengantar(demo_db):
    _pk, tw1 = _tw1()
    hasil, _context = render_rekaman("pengantar_pk", tw1.id)
    tanpa_tag(hasil.isi)
    doc = buka(hasil.isi)
    t = tabel(doc, "NO")
    assert baris(t)[1] == [
        "1", "Laporan Pengukuran Kinerja Kecamatan Sukamaju Triwulan I Tahun "
        + str(tw1.pk.tahun), "1 (satu) berkas",
        "Disampaikan dengan hormat untuk menjadi periksa dan bahan evaluasi akuntabilitas "
        "kinerja.",
    ]
    text = semua_teks(hasil.isi)
    assert "SURAT PENGANTAR" in text and "Bupati Sindangsari" in text
    assert "Drs. Bambang Setiawan, M.Si." in text and "NIP. 19750812 200003 1 004" in text


@pytest.mark.parametrize("kode", ["pengukuran", "pengantar_pk"])
def test_the_built_in_templates_pass_the_office_template_check(kode):
    kind = registri.jenis(kode)
    for name in kind.templat_semua:
        assert templat.periksa(templat.bawaan(name), kind.contoh()) == ""


def test_render_cli_picks_the_kinds_up(demo_copy, tmp_path, capsys):
    assert main(["render", "--list"]) == 0
    out = capsys.readouterr().out
    assert "pengukuran" in out and "pengantar_pk" in out
    from skpdesk.store import database

    opened = database.open_database(demo_copy)
    year = _tw1()[0].tahun
    opened.close()
    db.initialize(None)
    target = tmp_path / "o"
    code = main(["render", "pengukuran", "--pegawai", NIP_CAMAT, "--tahun", str(year),
                 "--periode", "TW1", "--db", str(demo_copy), "--out", str(target)])
    assert code == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.endswith(f"pengukuran_{NIP_CAMAT}_{year}_TW1.docx")
    tanpa_tag((target / f"pengukuran_{NIP_CAMAT}_{year}_TW1.docx").read_bytes())
    code = main(["render", "pengantar_pk", "--pegawai", NIP_CAMAT, "--tahun", str(year),
                 "--periode", "TW3", "--db", str(demo_copy), "--out", str(target)])
    assert code == 1
    assert "Belum ada pengukuran kinerja Triwulan III" in capsys.readouterr().err
