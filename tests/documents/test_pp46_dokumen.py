"""The three PP 46/2011 forms from services-built SKPs (docs/domain.md §4.1, §11 A1, A10)."""

from __future__ import annotations

import pytest

from skpdesk.cli import main
from skpdesk.documents import konteks, registri
from skpdesk.documents.arsip import render_rekaman
from skpdesk.domain import format as fmt
from skpdesk.domain.aturan import AspekPerilakuPP46
from skpdesk.services import pp46
from skpdesk.services import skp as skp_service
from skpdesk.services.errors import ValidasiGagal
from skpdesk.services.pp46 import IsianKegiatan
from skpdesk.store.models import SKP, Pegawai
from tests.helpers import MULAI, login, pp46_disetujui, terbuka

from .helpers import baris, buka, semua_teks, tabel, tanpa_tag, teks_badan, unik

A = AspekPerilakuPP46
DIMAS, HENDRA = "Dimas Saputra", "Hendra Gunawan"
# The day the services' clock stands at, as printed under the signatures.
HARI = fmt.tanggal(konteks._lokal(MULAI))
KEGIATAN = 'Laporan pelaksanaan & <rekap> "kegiatan" seksi'


def a1_a10() -> SKP:
    """docs/domain.md §11 A1 (nilai 85,50 Baik) and A10 (prestasi kerja 83,70 Baik)."""
    skp = pp46_disetujui(DIMAS, 2015, [IsianKegiatan(KEGIATAN, "1", "laporan", 100, 12,
                                                     "170.395.000", angka_kredit="0,5")])
    (row,) = pp46.daftar_kegiatan(skp)
    pp46.isi_realisasi(login(DIMAS), row.id, kuantitas=1, kualitas=90, waktu=12,
                       biaya="170.395.000")
    pp46.nilai_perilaku(login(HENDRA), skp.id, {A.ORIENTASI_PELAYANAN: 80, A.INTEGRITAS: 82,
                                                A.KOMITMEN: 78, A.DISIPLIN: 85,
                                                A.KERJA_SAMA: 80})
    return skp


def render(kode: str, skp: SKP) -> bytes:
    hasil, _context = render_rekaman(kode, skp.id)
    tanpa_tag(hasil.isi)
    return hasil.isi


def test_formulir_skp_holds_both_parties_and_the_targets(kantor_demo):
    skp = a1_a10()
    data = render("pp46_skp", skp)
    doc = buka(data)
    pihak = baris(tabel(doc, "NO"))
    assert unik(pihak[0]) == ["NO", "I. PEJABAT PENILAI", "NO",
                              "II. PEGAWAI NEGERI SIPIL YANG DINILAI"]
    assert pihak[1][2] == skp.snapshot["penilai"]["nama"]
    assert pihak[1][5] == skp.snapshot["pegawai"]["nama"]
    assert pihak[2][2] == skp.snapshot["penilai"]["nip"]
    assert pihak[2][5] == skp.snapshot["pegawai"]["nip"]
    kegiatan = baris(doc.tables[2])
    assert unik(kegiatan[0])[:4] == ["NO", "III. KEGIATAN TUGAS JABATAN", "AK", "TARGET"]
    assert kegiatan[1][3:] == ["KUANT/ OUTPUT", "KUAL/ MUTU", "WAKTU", "BIAYA (Rp)"]
    assert kegiatan[2] == ["1", KEGIATAN, "0,5", "1 laporan", "100", "12 bulan", "170.395.000"]
    text = teks_badan(doc)
    assert "Pejabat Penilai," in text and "Pegawai Negeri Sipil yang Dinilai," in text
    assert doc.sections[0].page_width < doc.sections[0].page_height  # portrait


def test_penilaian_capaian_a1(kantor_demo):
    skp = a1_a10()
    data = render("pp46_capaian", skp)
    doc = buka(data)
    t = tabel(doc, "NO")
    rows = baris(t)
    assert "PENGHITUNGAN" in rows[0] and "NILAI CAPAIAN SKP" in rows[0]
    assert unik(rows[0])[3:6] == ["TARGET", "AK", "REALISASI"]
    assert rows[3] == ["1", KEGIATAN, "0,5", "1 laporan", "100", "12 bulan", "170.395.000",
                       "-", "1 laporan", "90", "12 bulan", "170.395.000", "342,00", "85,50"]
    text = teks_badan(doc)
    assert "II. TUGAS TAMBAHAN DAN KREATIVITAS" in text
    last = unik(rows[-1])
    assert last == ["NILAI CAPAIAN SKP", "85,50\n(Baik)"]
    assert "Jangka waktu penilaian".upper() in semua_teks(data)
    assert "1 Januari 2015 s.d. 31 Desember 2015" in semua_teks(data)
    assert doc.sections[0].page_width > doc.sections[0].page_height  # landscape
    # Place and date of the assessment, and the penilai's name and NIP under his signature.
    penilai = skp.snapshot["penilai"]
    assert f"NIP. {penilai['nip']}" in text and penilai["nama"] in text
    assert f"Sukamaju, {HARI}" in text


def test_penilaian_prestasi_a10_staff_has_no_kepemimpinan(kantor_demo):
    skp = a1_a10()
    doc = buka(render("pp46_prestasi", skp))
    rows = [unik(r) for t in doc.tables for r in baris(t)]
    assert ["", "a.", "Sasaran Kerja PNS (SKP)", "85,50", "Baik", "× 60%", "51,30"] in rows
    assert ["", "1. Orientasi Pelayanan", "80,00", "Baik", ""] in rows
    assert ["", "Nilai rata-rata (jumlah / 5)", "81,00", "Baik", ""] in rows
    assert ["", "Jumlah", "405,00", ""] in rows
    assert ["", "Nilai perilaku kerja", "81,00", "", "× 40%", "32,40"] in rows
    assert ["", "NILAI PRESTASI KERJA", "83,70\n(Baik)"] in rows
    text = teks_badan(doc)
    assert "Kepemimpinan" not in text
    for heading in ("1", "YANG DINILAI"), ("2", "PEJABAT PENILAI"), (
            "3", "ATASAN PEJABAT PENILAI"), ("5", "KEBERATAN DARI PEGAWAI NEGERI SIPIL YANG "
                                                 "DINILAI (APABILA ADA)"), ("8", "REKOMENDASI"):
        assert list(heading) in rows
    for who in ("pegawai", "penilai", "atasan_penilai"):
        assert f"NIP. {skp.snapshot[who]['nip']}" in text
    assert f"9. DIBUAT TANGGAL, {HARI}" in text
    assert "PEGAWAI NEGERI SIPIL YANG DINILAI," in text


def test_structural_official_shows_kepemimpinan_divided_by_six(kantor_demo):
    skp = pp46_disetujui(HENDRA, 2015, [IsianKegiatan("Pembinaan desa", "12", "desa", 100, 12)])
    (row,) = pp46.daftar_kegiatan(skp)
    pp46.isi_realisasi(login(HENDRA), row.id, kuantitas=12, kualitas=100, waktu=12)
    pp46.nilai_perilaku(login("Bambang Setiawan"), skp.id,
                        {**{a: 80 for a in A if a is not A.KEPEMIMPINAN}, A.KEPEMIMPINAN: 86})
    doc = buka(render("pp46_prestasi", skp))
    rows = [unik(r) for t in doc.tables for r in baris(t)]
    assert ["", "6. Kepemimpinan", "86,00", "Baik", ""] in rows
    assert ["", "Nilai rata-rata (jumlah / 6)", "81,00", "Baik", ""] in rows
    assert ["", "NILAI PRESTASI KERJA", "87,60\n(Baik)"] in rows


def test_unfinished_assessment_and_other_regime_are_refused(kantor_demo):
    skp = pp46_disetujui(DIMAS, 2015, [IsianKegiatan("Rekap", "10", "dokumen")])
    render("pp46_skp", skp)  # the plan prints as soon as it exists
    with pytest.raises(ValidasiGagal, match="belum dapat dibuat: Realisasi kegiatan"):
        render_rekaman("pp46_capaian", skp.id)
    (row,) = pp46.daftar_kegiatan(skp)
    pp46.isi_realisasi(login(DIMAS), row.id, kuantitas=10, kualitas=100, waktu=12)
    render("pp46_capaian", skp)
    with pytest.raises(ValidasiGagal, match="Penilaian prestasi kerja .* belum dapat dibuat"):
        render_rekaman("pp46_prestasi", skp.id)
    baru = skp_service.buat_skp(login(DIMAS), 2026)
    with pytest.raises(ValidasiGagal, match="tidak memakai aturan PP 46/2011"):
        render_rekaman("pp46_skp", baru.id)


def test_sample_contexts_fill_every_template():
    from skpdesk.documents import templat
    from skpdesk.documents.render import render as render_docx

    for kode in ("pp46_skp", "pp46_capaian", "pp46_prestasi"):
        kind = registri.jenis(kode)
        for contoh in kind.contoh():
            nama = kind.templat(contoh)
            chosen = templat.Templat(nama, templat.bawaan(nama), False)
            data = render_docx(chosen, contoh, ukuran_kertas="F4").isi
            tanpa_tag(data)
            text = semua_teks(data)
            assert "Sri &amp; Rahayu &lt;Plt&gt;" in text or "Sri & Rahayu <Plt>" in text


# --- command line, on the demo office ---------------------------------------------------------


def _dimas(target) -> tuple[str, int]:
    with terbuka(target):
        skp = SKP.select().join(Pegawai, on=(SKP.pegawai == Pegawai.id)).where(
            (Pegawai.nama == DIMAS) & (SKP.regime == "PP_46_2011")).get()
        return skp.pegawai.nip, skp.tahun


def test_cli_lists_and_renders_the_demo_pp46_forms(demo_copy, tmp_path, capsys):
    assert main(["render", "--list"]) == 0
    listed = capsys.readouterr().out
    for kode in ("pp46_skp", "pp46_capaian", "pp46_prestasi"):
        assert kode in listed
    nip, tahun = _dimas(demo_copy)
    out_dir = tmp_path / "keluaran"
    assert main(["render", "pp46_capaian", "--pegawai", nip, "--tahun", str(tahun),
                 "--out", str(out_dir), "--db", str(demo_copy)]) == 0
    [line] = capsys.readouterr().out.splitlines()
    data = (out_dir / f"pp46_capaian_{nip}_{tahun}.docx").read_bytes()
    assert line.endswith(f"pp46_capaian_{nip}_{tahun}.docx")
    tanpa_tag(data)
    last = unik(baris(tabel(buka(data), "NO"))[-1])
    assert last == ["NILAI CAPAIAN SKP", "89,16\n(Baik)"]
    assert main(["render", "pp46_prestasi", "--pegawai", nip, "--tahun", str(tahun),
                 "--out", str(out_dir), "--db", str(demo_copy)]) == 0
    capsys.readouterr()
    data = (out_dir / f"pp46_prestasi_{nip}_{tahun}.docx").read_bytes()
    rows = [unik(r) for t in buka(data).tables for r in baris(t)]
    assert ["", "NILAI PRESTASI KERJA", "85,89\n(Baik)"] in rows


def test_cli_refuses_an_skp_of_another_regime(demo_copy, tmp_path, capsys):
    nip, tahun = _dimas(demo_copy)
    code = main(["render", "pp46_skp", "--pegawai", nip, "--tahun", str(tahun + 2),
                 "--out", str(tmp_path / "o"), "--db", str(demo_copy)])
    captured = capsys.readouterr()
    assert code == 1
    assert "tidak memakai aturan PP 46/2011" in captured.err
    assert captured.out == ""


def test_acting_penilai_signs_with_plt_and_an(kantor_demo):
    from .conftest import jadikan_plt

    skp = jadikan_plt(a1_a10(), plt="Plt.", jabatan_plt="Kepala Seksi Pemerintahan",
                      atas_nama="Camat Sukamaju")
    for kode in ("pp46_skp", "pp46_capaian", "pp46_prestasi"):
        text = teks_badan(buka(render(kode, skp)))
        assert "a.n. Camat Sukamaju" in text
        assert "Plt. Kepala Seksi Pemerintahan" in text


def test_the_permenpan_skp_form_refuses_an_skp_kept_under_pp46(kantor_demo):
    from skpdesk.documents import render_rekaman
    from skpdesk.services.errors import TidakDitemukan

    skp = a1_a10()
    with pytest.raises(TidakDitemukan, match="memakai aturan PP 46/2011"):
        render_rekaman("skp", skp.id)
    with pytest.raises(TidakDitemukan, match="pp46_skp"):
        render_rekaman("lampiran_skp", skp.id)
