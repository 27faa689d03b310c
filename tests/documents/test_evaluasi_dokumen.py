"""Evaluasi Kinerja Pegawai, Dokumen Evaluasi and Buku Catatan Penilai, read back cell by cell."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest

from skpdesk.cli import main
from skpdesk.documents import konteks_evaluasi as konteks_ev
from skpdesk.documents import registri, templat
from skpdesk.documents.arsip import buat_dokumen, render_rekaman
from skpdesk.documents.kurva import data_kurva, gambar_kurva
from skpdesk.documents.render import render
from skpdesk.domain.aturan import Predikat
from skpdesk.domain.entitas import Entitas
from skpdesk.services import evaluasi as ev
from skpdesk.services.errors import TidakDitemukan
from skpdesk.store import database
from skpdesk.store.models import SKP, Evaluasi, db
from tests.helpers import berkas_kantor, buka_salinan, login, login_nip, sasaran

from . import data_evaluasi as de
from .conftest import tercatat
from .helpers import buka, semua_teks, tanpa_tag, teks_badan

SITI_CETAK = "Sri & Rahayu <Plt>, S.Sos."


@pytest.fixture(scope="session")
def evaluasi_file(tmp_path_factory):
    """The evaluated year in a file, built once through the services."""
    path = tmp_path_factory.mktemp("evaluasi") / "evaluasi.db"
    with berkas_kantor(path, de.MULAI) as jam:
        ids = de.bangun(jam)
    return path, ids


@pytest.fixture
def data(evaluasi_file, db_path):
    path, ids = evaluasi_file
    with buka_salinan(path, db_path):
        yield ids


def _render(kode, record_id):
    hasil, context_ = render_rekaman(kode, record_id)
    tanpa_tag(hasil.isi)
    return hasil.isi, context_


def _rows(doc):
    return [[c.text.strip() for c in r.cells] for t in doc.tables for r in t.rows]


def _row_with(doc, text):
    for row in _rows(doc):
        if any(text in c for c in row):
            return row
    raise AssertionError(f"no row holds {text!r}")


# --- Evaluasi Kinerja Pegawai ------------------------------------------------------------------


def test_periodic_evaluation_prints_header_realisasi_feedback_ratings_and_predikat(data):
    isi, _context = _render("evaluasi", data["tw1_siti"])
    doc = buka(isi)
    body = teks_badan(doc)
    assert "EVALUASI KINERJA PEGAWAI" in body and "PERIODE: TRIWULAN I" in body
    assert "PENDEKATAN HASIL KERJA KUANTITATIF" in body
    assert "PERIODE PENILAIAN: 1 JANUARI SD 31 MARET TAHUN 2026" in body
    # Blocks 1–3 with formatted NIPs; the special characters print as typed.
    assert _row_with(doc, SITI_CETAK)[:3] == ["1", "NAMA", SITI_CETAK]
    assert "Dewi Lestari, S.Sos." in _row_with(doc, SITI_CETAK)
    atasan = _row_with(doc, "Drs. Bambang Setiawan, M.Si.")
    assert atasan[:3] == ["1", "NAMA", "Drs. Bambang Setiawan, M.Si."]
    assert "19750812 200003 1 004" in body
    assert _row_with(doc, "CAPAIAN KINERJA ORGANISASI")
    assert "BAIK" in _row_with(doc, "Drs. Bambang Setiawan, M.Si.")[-1]
    # Hasil kerja: 8 columns, realisasi in Indonesian numbers, umpan balik per IKI.
    first = _row_with(doc, "Jumlah data penerima yang diverifikasi")
    assert len(first) == 8
    assert first[0] == "1" and first[3] == "Kuantitas" and first[5] == "1.200 Data"
    assert first[6].splitlines() == ["1.250 Data", "Data Januari–Maret"]
    assert first[7] == de.UMPAN_BALIK_IKI
    second = _row_with(doc, "Persentase data valid")
    assert second[5] == "90 – 100%" and second[6] == "95,5%" and second[7] == "-"
    assert _row_with(doc, "Jumlah hari piket")[6] == "24 Hari"
    assert _row_with(doc, "RATING HASIL KERJA*")[-1] == "DIATAS EKSPEKTASI"
    # Perilaku: seven values, umpan balik on the first, the rating below.
    pelayanan = _row_with(doc, "Berorientasi Pelayanan")
    assert pelayanan[-1] == de.UMPAN_BALIK_PERILAKU
    assert _row_with(doc, "Kolaboratif")[-1] == "-"
    assert _row_with(doc, "RATING PERILAKU KERJA*")[-1] == "DIATAS EKSPEKTASI"
    assert _row_with(doc, "PREDIKAT KINERJA PEGAWAI*")[-1] == "SANGAT BAIK"
    # Signed the day it was finalised (8 April 2026, the office's place).
    assert "Sukamaju, 8 April 2026" in body
    assert "NIP. 19830322 200901 2 006" in body
    assert doc.sections[0].page_width > doc.sections[0].page_height  # landscape


def test_the_chart_is_an_inline_image_drawn_from_the_unit_s_frequencies(data):
    isi, context_ = _render("evaluasi", data["tw1_siti"])
    with zipfile.ZipFile(io.BytesIO(isi)) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
        xml = z.read("word/document.xml").decode()
    assert media and "<pic:pic" in xml
    evaluasi = Evaluasi.get_by_id(data["tw1_siti"])
    hasil = ev.cek_distribusi_unit(evaluasi.unit_id, 2026, "TW1")
    assert context_["kurva"] == data_kurva(hasil.frekuensi)
    assert {d["kode"]: d["jumlah"] for d in context_["kurva"]} == {
        "SANGAT_KURANG": "0", "KURANG_MISCONDUCT": "0", "BUTUH_PERBAIKAN": "1", "BAIK": "1",
        "SANGAT_BAIK": "1",
    }
    assert [d["label"] for d in context_["kurva"]][0] == "SANGAT KURANG"
    assert "CAPAIAN KINERJA ORGANISASI BAIK" in context_["kurva_judul"]
    assert context_["kurva_gambar"] == ""  # the stored context stays JSON


def test_chart_data_follows_the_x_axis_and_the_png_is_sound():
    data = data_kurva({Predikat.BAIK: 7, "SANGAT_BAIK": 2})
    assert [d["kode"] for d in data] == [
        "SANGAT_KURANG", "KURANG_MISCONDUCT", "BUTUH_PERBAIKAN", "BAIK", "SANGAT_BAIK"
    ]
    assert [d["jumlah"] for d in data] == ["0", "0", "0", "7", "2"]
    png = gambar_kurva(data)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and png.endswith(b"IEND\xaeB`\x82")
    assert gambar_kurva(data_kurva({})).startswith(b"\x89PNG")  # an empty unit still draws


def test_annual_evaluation_covers_the_year(data):
    isi, _context = _render("evaluasi", data["akhir_siti"])
    body = teks_badan(buka(isi))
    assert "PERIODE: TRIWULAN IV-AKHIR" in body
    assert "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026" in body
    assert "4.900 Data" in body


# --- Dokumen Evaluasi ---------------------------------------------------------------------------


def test_dokumen_evaluasi_with_keberatan_prints_the_three_sections(data):
    isi, _context = _render("dokumen_evaluasi", data["akhir_siti"])
    doc = buka(isi)
    body = teks_badan(doc)
    assert "DOKUMEN EVALUASI KINERJA PEGAWAI" in body and "PERIODE*: TRIWULAN IV-AKHIR" in body
    assert _row_with(doc, "PEGAWAI YANG DINILAI")[0] == "1"
    assert _row_with(doc, "ATASAN PEJABAT PENILAI KINERJA")[0] == "3"
    assert _row_with(doc, "CAPAIAN KINERJA ORGANISASI")[-1] == "BAIK"
    predikat = _row_with(doc, "PREDIKAT KINERJA PEGAWAI")[-1]
    assert predikat == "SANGAT BAIK/ BAIK/ BUTUH PERBAIKAN/ KURANG/ SANGAT KURANG"
    for title, text in (("KEBERATAN DARI PEGAWAI", de.KEBERATAN),
                        ("PENJELASAN PEJABAT PENILAI", de.TANGGAPAN),
                        ("KEPUTUSAN ATASAN PEJABAT PENILAI", de.KEPUTUSAN)):
        assert title in body and text in body
    assert "Predikat diubah dari KURANG menjadi BAIK." in body
    assert "Diajukan tanggal 7 Januari 2027" in body and "Tanggal 14 Januari 2027" in body
    # The decided predikat is the one marked; the others are struck through.
    cell = next(c for r in doc.tables[2].rows for c in r.cells if "SANGAT BAIK/" in c.text)
    runs = [(r.text, bool(r.bold), bool(r.font.strike)) for r in cell.paragraphs[0].runs
            if r.text.strip("/ ")]
    assert ("BAIK", True, False) in runs
    assert ("SANGAT BAIK", False, True) in runs and ("KURANG", False, True) in runs
    # Three signatures: the atasan signs his decision.
    assert "Sukamaju, 14 Januari 2027" in body
    assert "NIP. 19750812 200003 1 004" in body and SITI_CETAK in body


def test_dokumen_evaluasi_without_keberatan_leaves_the_sections_out(data):
    isi, _context = _render("dokumen_evaluasi", data["akhir_putri"])
    body = teks_badan(buka(isi))
    assert "CATATAN/REKOMENDASI" in body
    assert "KEBERATAN" not in body and "Atasan Pejabat Penilai Kinerja" not in body
    assert "Putri Ayu Lestari" in body


def test_dokumen_evaluasi_needs_a_final_annual_evaluation(data):
    with pytest.raises(TidakDitemukan, match="belum memiliki evaluasi Triwulan IV-Akhir"):
        registri.cari_evaluasi_tahunan(data["nip_endang"], 2026)
    endang = login_nip(data["nip_endang"])
    ev.buka_evaluasi(endang, data["skp_endang"], "AKHIR")
    with pytest.raises(TidakDitemukan, match="belum final"):
        registri.cari_evaluasi_tahunan(data["nip_endang"], 2026)


# --- Buku Catatan Penilai -----------------------------------------------------------------------


def test_buku_catatan_lists_the_dated_entries_of_the_year(data):
    isi, context_ = _render("buku_catatan", data["skp_siti"])
    doc = buka(isi)
    assert "BUKU CATATAN PENILAIAN PERILAKU PEGAWAI" in teks_badan(doc)
    header = [c.text for c in doc.tables[1].rows[0].cells]
    assert header == ["NAMA", ":", SITI_CETAK]
    table = doc.tables[2]
    assert [c.text for c in table.rows[0].cells] == [
        "NO", "TANGGAL", "URAIAN", "NAMA/NIP DAN PARAF PEJABAT PENILAI"
    ]
    assert [c.text for c in table.rows[1].cells] == ["(1)", "(2)", "(3)", "(4)"]
    rows = [[c.text for c in r.cells] for r in table.rows[2:]]
    assert [r[:3] for r in rows] == [
        ["1", "3 Februari 2026", "Terlambat apel pagi & <izin>."],
        ["2", "16 Maret 2026", "Verifikasi selesai lebih cepat dari jadwal."],
    ]
    assert rows[0][3].splitlines() == ["Dewi Lestari, S.Sos.", "NIP. 19830322 200901 2 006"]
    assert context_["ttd"]["tanggal"] == "16 Maret 2026"


# --- the templates, the CLI and the archive ------------------------------------------------------


@pytest.mark.parametrize("kode", ["evaluasi", "dokumen_evaluasi", "buku_catatan"])
def test_built_in_templates_pass_the_office_check_with_every_sample(kode):
    kind = registri.jenis(kode)
    for name in kind.templat_semua:
        assert templat.periksa(templat.bawaan(name), kind.contoh()) == ""


@pytest.mark.parametrize("name", ["evaluasi_ja_jf.docx", "evaluasi_jpt.docx"])
@pytest.mark.parametrize("kuantitatif", [True, False])
def test_every_evaluation_variant_renders_clean(name, kuantitatif):
    sample = konteks_ev.contoh_evaluasi(kuantitatif)
    chosen = templat.Templat(name, templat.bawaan(name), False)
    isi = render(chosen, sample).isi
    tanpa_tag(isi)
    text = semua_teks(isi)
    assert "Pertahankan &amp; &lt;tingkatkan&gt;" in text  # escaped once, prints as typed
    assert ("PENDEKATAN HASIL KERJA KUALITATIF" in teks_badan(buka(isi))) is not kuantitatif


def test_render_cli_for_the_evaluation_kinds(data, tmp_path, capsys):
    target = sasaran(db.obj)
    db.close()
    db.initialize(None)
    out_dir = tmp_path / "keluaran"
    nip = data["nip_siti"]
    base = ["--pegawai", nip, "--tahun", "2026", "--out", str(out_dir), "--db", str(target)]
    assert main(["render", "evaluasi", "--periode", "TW1", *base]) == 0
    assert main(["render", "dokumen_evaluasi", *base]) == 0
    assert main(["render", "buku_catatan", *base]) == 0
    written = capsys.readouterr().out.splitlines()
    assert [p.rsplit("/", 1)[-1] for p in written] == [
        f"evaluasi_{nip}_2026_TW1.docx", f"dokumen_evaluasi_{nip}_2026.docx",
        f"buku_catatan_{nip}_2026.docx",
    ]
    for path in out_dir.iterdir():
        tanpa_tag(path.read_bytes())
    assert main(["render", "evaluasi", "--periode", "TW2", *base]) == 1
    assert "belum memiliki evaluasi Triwulan II tahun 2026" in capsys.readouterr().err
    assert main(["render", "evaluasi", *base]) == 1
    assert "memerlukan --periode" in capsys.readouterr().err
    assert main(["render", "evaluasi", "--periode", "BULAN_3", *base]) == 1
    assert "tidak ada pada periodisitas" in capsys.readouterr().err
    putri = ["--pegawai", data["nip_putri"], "--tahun", "2026", "--out", str(out_dir),
             "--db", str(target)]
    assert main(["render", "buku_catatan", *putri]) == 1
    assert "Belum ada catatan penilai" in capsys.readouterr().err
    assert main(["render", "--list"]) == 0
    listed = capsys.readouterr().out
    assert all(k in listed for k in ("evaluasi", "dokumen_evaluasi", "buku_catatan"))
    database.open_database(target)


def test_evaluation_documents_are_archived_with_their_hash(data):
    siti = login_nip(data["nip_siti"])
    for kode, record in (("evaluasi", data["tw1_siti"]), ("dokumen_evaluasi", data["akhir_siti"]),
                         ("buku_catatan", data["skp_siti"])):
        hasil = buat_dokumen(siti, kode, record)
        assert hasil.path.is_file()
        assert hashlib.sha256(hasil.path.read_bytes()).hexdigest() == hasil.dokumen.sha256
        assert hasil.dokumen.jenis == kode and hasil.dokumen.entitas_id == str(record)
        assert hasil.dokumen.skp_id == SKP.get_by_id(data["skp_siti"]).id
    assert buat_dokumen(siti, "evaluasi", data["tw1_siti"]).dokumen.periode == "TW1"


def test_acting_penilai_signs_with_plt_and_an(data):
    skp = SKP.get_by_id(data["skp_siti"])
    snap = dict(skp.snapshot)
    snap["penilai"] = {**snap["penilai"], "plt": "Plt.", "jabatan_plt": "Kepala Seksi & <Trantib>",
                       "atas_nama": "Camat Sukamaju"}
    SKP.update(snapshot=snap).where(SKP.id == skp.id).execute()
    tercatat(Entitas.SKP, skp.id)
    for kode, record in (("evaluasi", data["tw1_siti"]), ("dokumen_evaluasi", data["akhir_siti"])):
        isi, _context = _render(kode, record)
        body = teks_badan(buka(isi))
        assert "a.n. Camat Sukamaju" in body and "Plt. Kepala Seksi & <Trantib>" in body


def test_an_evaluation_document_follows_the_evaluation_s_own_version(data):
    from skpdesk.services import dokumen as dokumen_service

    siti = login_nip(data["nip_siti"])
    made = buat_dokumen(siti, "evaluasi", data["tw1_siti"]).dokumen
    evaluasi = Evaluasi.get_by_id(data["tw1_siti"])
    assert made.versi_data == evaluasi.versi

    def stale() -> bool:
        (row,) = [r for r in dokumen_service.daftar_dokumen(siti) if r.dokumen.id == made.id]
        return row.kedaluwarsa

    # A change to the SKP alone does not touch what the evaluation form printed.
    SKP.update(versi=SKP.versi + 1).where(SKP.id == data["skp_siti"]).execute()
    assert not stale()
    # The penilai's justification changes the evaluation: the printed copy is now stale.
    ev.simpan_justifikasi(login(de.DEWI), evaluasi.id, "Satu-satunya analis di seksi ini.")
    assert stale()
    assert dokumen_service.versi_rekaman(made) == Evaluasi.get_by_id(evaluasi.id).versi
