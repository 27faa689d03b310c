"""The evaluation chain through the services: rights, predikat, distribution, keberatan."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from skpdesk.domain.aturan import Predikat, Rating
from skpdesk.domain.evaluasi import StatusEvaluasi
from skpdesk.services import demo
from skpdesk.services import evaluasi as ev
from skpdesk.services import skp as skp_service
from skpdesk.services.errors import AksesDitolak, ValidasiGagal
from skpdesk.store import database
from skpdesk.store.models import (
    BuktiDukung,
    CapaianOrganisasi,
    Evaluasi,
    Keberatan,
    Pegawai,
    RealisasiIKI,
    Riwayat,
    UnitKerja,
)
from tests.helpers import ISI_VERIFIKASI, kesos, login, skp_disetujui

TAHUN = 2026
E = StatusEvaluasi
R = Rating
SITI, PUTRI, ENDANG = "Siti Rahayu", "Putri Ayu Lestari", "Endang Susanti"
DEWI, CAMAT, KEPEG, HENDRA = "Dewi Lestari", "Bambang Setiawan", "Nur Aini", "Hendra Gunawan"




def fill(nama: str, evaluasi, values=("1.250", "95", "24")):
    who = login(nama)
    rows = {}
    for iki, value in zip(ev.daftar_iki(evaluasi), values, strict=True):
        rows[iki.indikator] = ev.isi_realisasi(who, evaluasi.id, iki.id, value)
    return rows


def rows_of(evaluasi):
    return list(
        Riwayat.select()
        .where((Riwayat.entitas == "Evaluasi") & (Riwayat.entitas_id == str(evaluasi.id)))
        .order_by(Riwayat.nomor)
    )


def to_final(nama: str, hk=R.SESUAI_EKSPEKTASI, pk=R.SESUAI_EKSPEKTASI, periode="TW1"):
    skp = skp_disetujui(login(nama))
    evaluasi = ev.buka_evaluasi(login(nama), skp.id, periode)
    fill(nama, evaluasi)
    ev.ajukan(login(nama), evaluasi.id)
    dewi = login(DEWI)
    ev.nilai(dewi, evaluasi.id, hk, pk)
    if ev.capaian_organisasi(kesos().id, TAHUN, evaluasi.periode) is None:
        ev.atur_capaian_organisasi(login(CAMAT), kesos().id, TAHUN, periode, "Baik")
    return ev.finalkan(dewi, evaluasi.id)


# --- opening -----------------------------------------------------------------------------------


def test_an_evaluation_opens_only_on_an_approved_skp_and_only_for_those_involved(kantor_demo):
    siti = login(SITI)
    draft = skp_service.buat_skp(siti, TAHUN)
    with pytest.raises(ValidasiGagal, match="belum dapat dievaluasi"):
        ev.buka_evaluasi(siti, draft.id, "TW1")
    skp_service.simpan_isi(siti, draft.id, ISI_VERIFIKASI)
    skp_service.ajukan(siti, draft.id)
    skp_service.setujui(login(DEWI), draft.id)
    with pytest.raises(AksesDitolak):
        ev.buka_evaluasi(login(HENDRA), draft.id, "TW1")
    with pytest.raises(ValidasiGagal, match="tidak ada pada periodisitas"):
        ev.buka_evaluasi(siti, draft.id, "BULAN_3")
    evaluasi = ev.buka_evaluasi(siti, draft.id, "TW1")
    assert evaluasi.status == E.BELUM_DIISI and evaluasi.unit.nama == demo.KESOS
    # The penilai opening the same period gets the same evaluation.
    assert ev.buka_evaluasi(login(DEWI), draft.id, "TW1").id == evaluasi.id
    annual = ev.buka_evaluasi(siti, draft.id, "AKHIR")
    assert annual.periode == "TW4" and ev.alur(annual).kode == "EVALUASI_TAHUNAN"
    assert [e.periode for e in ev.evaluasi_skp(draft.id)] == ["TW1", "TW4"]
    assert [r.aksi for r in rows_of(evaluasi)] == ["buat"]
    assert len(ev.umpan_balik_perilaku_evaluasi(evaluasi)) == 7


# --- the chain -----------------------------------------------------------------------------------


def test_the_periodic_chain_with_rights_history_and_sop_minutes(kantor_demo, clock):
    skp = skp_disetujui(login(SITI))
    siti, dewi, camat, kepeg = login(SITI), login(DEWI), login(CAMAT), login(KEPEG)
    evaluasi = ev.buka_evaluasi(siti, skp.id, "TW1")
    iki = ev.daftar_iki(evaluasi)
    assert [k.indikator for k in iki] == [
        "Jumlah data penerima yang diverifikasi", "Persentase data valid", "Jumlah hari piket"
    ]

    # Only the pegawai writes realisasi; numbers where the target is a number.
    for who in (dewi, camat, kepeg):
        with pytest.raises(AksesDitolak):
            ev.isi_realisasi(who, evaluasi.id, iki[0].id, "300")
    with pytest.raises(ValidasiGagal) as info:
        ev.isi_realisasi(siti, evaluasi.id, iki[0].id, "tiga ratus")
    assert "Jumlah data penerima yang diverifikasi" in info.value.errors["realisasi"]
    assert "angka" in info.value.errors["realisasi"]
    assert RealisasiIKI.select().count() == 0
    assert Evaluasi.get_by_id(evaluasi.id).status == E.BELUM_DIISI

    clock[0] += dt.timedelta(minutes=30)
    row = ev.isi_realisasi(siti, evaluasi.id, iki[0].id, "1.250", "Data Januari–Maret")
    assert row.realisasi_angka == Decimal(1250) and row.realisasi_teks == "1.250"
    assert Evaluasi.get_by_id(evaluasi.id).status == E.DIISI
    with pytest.raises(ValidasiGagal, match="Persentase data valid.*belum memiliki realisasi"):
        ev.ajukan(siti, evaluasi.id)
    ev.isi_realisasi(siti, evaluasi.id, iki[1].id, "95,5")
    ev.isi_realisasi(siti, evaluasi.id, iki[2].id, "24")
    with pytest.raises(AksesDitolak):
        ev.ajukan(dewi, evaluasi.id)
    clock[0] += dt.timedelta(minutes=200)
    ev.ajukan(siti, evaluasi.id)
    with pytest.raises(AksesDitolak, match="tidak dapat diubah"):
        ev.isi_realisasi(siti, evaluasi.id, iki[2].id, "25")

    # Only the penilai stored on the SKP gives umpan balik and rates.
    realisasi = RealisasiIKI.get(RealisasiIKI.iki == iki[0].id)
    for who in (siti, camat, kepeg, login(ENDANG)):
        with pytest.raises(AksesDitolak):
            ev.nilai(who, evaluasi.id, R.SESUAI_EKSPEKTASI, R.SESUAI_EKSPEKTASI)
        with pytest.raises(AksesDitolak):
            ev.umpan_balik_iki(who, realisasi.id, "Bagus")
        with pytest.raises(AksesDitolak):
            ev.umpan_balik_perilaku(who, evaluasi.id, 1, "Ramah")
    ev.umpan_balik_iki(dewi, realisasi.id, "Verifikasi melampaui target, pertahankan.")
    ev.umpan_balik_perilaku(dewi, evaluasi.id, 1, "Pelayanan ramah dan cepat.")
    assert ev.umpan_balik_perilaku_evaluasi(evaluasi)[1] == "Pelayanan ramah dan cepat."
    with pytest.raises(ValidasiGagal):
        ev.umpan_balik_perilaku(dewi, evaluasi.id, 8, "?")

    # The suggestion: 1.250 > 1.200 above, 95,5 inside 90–100, 24 = 24: one of three above.
    saran = ev.saran_rating(Evaluasi.get_by_id(evaluasi.id))
    assert saran.rating is R.SESUAI_EKSPEKTASI
    with pytest.raises(ValidasiGagal):
        ev.nilai(dewi, evaluasi.id, "Luar biasa", R.SESUAI_EKSPEKTASI)
    clock[0] += dt.timedelta(minutes=90)
    rated = ev.nilai(dewi, evaluasi.id, "Di Atas Ekspektasi", "Sesuai Ekspektasi")
    assert (rated.status, rated.predikat) == (E.DINILAI, Predikat.BAIK)
    rated = ev.nilai(dewi, evaluasi.id, R.DI_ATAS_EKSPEKTASI, R.DI_ATAS_EKSPEKTASI)
    assert rated.predikat == Predikat.SANGAT_BAIK

    # No predikat is final before the unit's capaian kinerja organisasi exists (docs/domain.md §3).
    with pytest.raises(ValidasiGagal, match="Capaian kinerja organisasi Seksi Kesejahteraan"):
        ev.finalkan(dewi, evaluasi.id)
    with pytest.raises(AksesDitolak, match="pimpinan di atasnya"):
        ev.atur_capaian_organisasi(dewi, kesos().id, TAHUN, "TW1", "Baik")
    with pytest.raises(AksesDitolak):
        ev.atur_capaian_organisasi(siti, kesos().id, TAHUN, "TW1", "Baik")
    with pytest.raises(AksesDitolak):
        ev.atur_capaian_organisasi(login(HENDRA), kesos().id, TAHUN, "TW1", "Baik")
    row = ev.atur_capaian_organisasi(camat, kesos().id, TAHUN, "TW1", "Istimewa")
    assert (row.nilai, row.diatur_oleh_nama) == ("ISTIMEWA", "Drs. Bambang Setiawan, M.Si.")
    ev.atur_capaian_organisasi(kepeg, kesos().id, TAHUN, "TW1", "Baik")
    assert CapaianOrganisasi.get().nilai == "BAIK"
    changes = Riwayat.select().where(Riwayat.entitas == "CapaianOrganisasi").order_by(Riwayat.nomor)
    assert [(r.dari, r.ke) for r in changes] == [(None, "ISTIMEWA"), ("ISTIMEWA", "BAIK")]

    for who in (siti, camat, kepeg):
        with pytest.raises(AksesDitolak):
            ev.finalkan(who, evaluasi.id)
    final = ev.finalkan(dewi, evaluasi.id)
    assert final.status == E.FINAL and final.predikat == Predikat.SANGAT_BAIK
    with pytest.raises(AksesDitolak):
        ev.nilai(dewi, evaluasi.id, R.SESUAI_EKSPEKTASI, R.SESUAI_EKSPEKTASI)

    history = rows_of(evaluasi)
    assert [r.aksi for r in history] == [
        "buat", "isi_realisasi", "ubah_realisasi", "ubah_realisasi", "ajukan",
        "umpan_balik_iki", "umpan_balik_perilaku", "nilai", "ubah_penilaian", "finalkan",
    ]
    ajukan = history[4].rincian
    # SOP 000 step 1: 120 minutes; the pegawai took 200 minutes since her first realisasi.
    assert ajukan["langkah"] == ["SOP 800/0195/2024 #1"]
    assert (ajukan["menit_baku"], ajukan["menit_berlalu"]) == (120, 200)
    nilai = history[7]
    assert nilai.rincian["menit_baku"] == 240 and nilai.rincian["menit_berlalu"] == 90
    assert nilai.rincian["predikat"] == "BAIK" and nilai.oleh_nama == "Dewi Lestari, S.Sos."
    assert nilai.rincian["saran_rating_hasil_kerja"] == "SESUAI_EKSPEKTASI"
    assert (history[9].dari, history[9].ke) == ("DINILAI", "FINAL")


def test_return_needs_a_note_and_gives_the_pen_back(kantor_demo):
    skp = skp_disetujui(login(SITI))
    siti, dewi = login(SITI), login(DEWI)
    evaluasi = ev.buka_evaluasi(siti, skp.id, "TW2")
    fill(SITI, evaluasi)
    ev.ajukan(siti, evaluasi.id)
    with pytest.raises(ValidasiGagal, match="Catatan wajib"):
        ev.kembalikan(dewi, evaluasi.id, "  ")
    with pytest.raises(AksesDitolak):
        ev.kembalikan(siti, evaluasi.id, "Saya tarik")
    back = ev.kembalikan(dewi, evaluasi.id, "Lampirkan daftar hadir piket.")
    assert back.status == E.DIISI
    ev.isi_realisasi(siti, evaluasi.id, ev.daftar_iki(evaluasi)[2].id, "23")
    assert rows_of(evaluasi)[-2].catatan == "Lampirkan daftar hadir piket."


def test_the_nine_cells_of_the_matrix_through_the_service(kantor_demo):
    skp = skp_disetujui(login(SITI))
    evaluasi = ev.buka_evaluasi(login(SITI), skp.id, "TW1")
    fill(SITI, evaluasi)
    ev.ajukan(login(SITI), evaluasi.id)
    dewi = login(DEWI)
    expected = {
        ("Atas", "Atas"): "Sangat Baik",
        ("Atas", "Sesuai"): "Baik",
        ("Atas", "Bawah"): "Kurang/Misconduct",
        ("Sesuai", "Atas"): "Baik",
        ("Sesuai", "Sesuai"): "Baik",
        ("Sesuai", "Bawah"): "Kurang/Misconduct",
        ("Bawah", "Atas"): "Butuh Perbaikan",
        ("Bawah", "Sesuai"): "Butuh Perbaikan",
        ("Bawah", "Bawah"): "Sangat Kurang",
    }
    for (hk, pk), label in expected.items():
        rated = ev.nilai(dewi, evaluasi.id, hk, pk)
        assert Predikat(rated.predikat).label == label, (hk, pk)


# --- bukti dukung --------------------------------------------------------------------------------


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _stored_files():
    folder = database.data_dir() / ev.FOLDER_BUKTI
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def test_attachments_are_copied_with_their_hash_and_bad_ones_leave_nothing(
    kantor_demo, tmp_path, monkeypatch
):
    skp = skp_disetujui(login(SITI))
    siti, dewi = login(SITI), login(DEWI)
    evaluasi = ev.buka_evaluasi(siti, skp.id, "TW1")
    realisasi = fill(SITI, evaluasi)["Jumlah data penerima yang diverifikasi"]

    good = tmp_path / "Berita Acara Verifikasi.pdf"
    good.write_bytes(PDF)
    with pytest.raises(AksesDitolak):
        ev.lampirkan_berkas(dewi, realisasi.id, good)
    bukti = ev.lampirkan_berkas(siti, realisasi.id, good)
    import hashlib

    assert bukti.sha256 == hashlib.sha256(PDF).hexdigest() and bukti.ukuran == len(PDF)
    assert bukti.tipe == "pdf" and bukti.nama_asli == "Berita Acara Verifikasi.pdf"
    assert bukti.path.startswith("bukti/2026/") and "\\" not in bukti.path
    assert ev.path_bukti(bukti).read_bytes() == PDF
    before = (BuktiDukung.select().count(), sorted(_stored_files()), len(rows_of(evaluasi)))

    refused = {
        "program.exe": b"MZ\x90\x00",  # a type that is not allowed
        "laporan.pdf": b"bukan pdf sama sekali",  # the name lies about the content
        "foto.png": b"\xff\xd8\xff\xe0 jpeg inside",  # a JPEG named .png
        "tabel.xlsx": b"PK\x03\x04 broken zip",
        "kosong.pdf": b"",
    }
    for name, data in refused.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ValidasiGagal) as info:
            ev.lampirkan_berkas(siti, realisasi.id, path)
        assert name in info.value.errors["berkas"]
    monkeypatch.setattr(ev, "BATAS_UKURAN_BUKTI", 20)
    with pytest.raises(ValidasiGagal, match="paling besar"):
        ev.lampirkan_berkas(siti, realisasi.id, good)
    assert (BuktiDukung.select().count(), sorted(_stored_files()), len(rows_of(evaluasi))) == before

    with pytest.raises(ValidasiGagal, match="http"):
        ev.lampirkan_tautan(siti, realisasi.id, "ftp://server/berkas.pdf")
    with pytest.raises(ValidasiGagal, match="http"):
        ev.lampirkan_tautan(siti, realisasi.id, "javascript:alert(1)")
    link = ev.lampirkan_tautan(siti, realisasi.id, "https://drive.example.go.id/ba.pdf", "BA")
    assert (link.jenis, link.url, link.path) == ("LINK", "https://drive.example.go.id/ba.pdf", None)
    assert [b.jenis for b in ev.daftar_bukti(realisasi)] == ["FILE", "LINK"]

    ev.hapus_bukti(siti, bukti.id)
    assert _stored_files() == [] and BuktiDukung.select().count() == 1
    ev.ajukan(siti, evaluasi.id)
    with pytest.raises(AksesDitolak):
        ev.lampirkan_tautan(siti, realisasi.id, "https://example.org/x")
    assert [r.aksi for r in rows_of(evaluasi)][-4:] == [
        "lampirkan_bukti", "lampirkan_tautan", "hapus_bukti", "ajukan"
    ]


def test_office_formats_are_recognised_by_content(kantor_demo, tmp_path):
    import io
    import zipfile

    skp = skp_disetujui(login(SITI))
    siti = login(SITI)
    evaluasi = ev.buka_evaluasi(siti, skp.id, "TW1")
    realisasi = fill(SITI, evaluasi)["Jumlah hari piket"]
    for name, folder in (("daftar.docx", "word/"), ("rekap.xlsx", "xl/")):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr(folder + "document.xml", "<x/>")
        path = tmp_path / name
        path.write_bytes(buffer.getvalue())
        assert ev.lampirkan_berkas(siti, realisasi.id, path).tipe == name.rsplit(".", 1)[1]
    # A Word file renamed to .xlsx is refused.
    wrong = tmp_path / "rekap2.xlsx"
    wrong.write_bytes((tmp_path / "daftar.docx").read_bytes())
    with pytest.raises(ValidasiGagal, match="bukan Excel"):
        ev.lampirkan_berkas(siti, realisasi.id, wrong)
    png = tmp_path / "Foto Kegiatan.JPEG"
    png.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    assert ev.lampirkan_berkas(siti, realisasi.id, png).tipe == "jpg"


# --- distribution --------------------------------------------------------------------------------


def test_distribution_warns_and_asks_for_a_justification_never_blocks(kantor_demo):
    for nama in (SITI, PUTRI, ENDANG):
        to_final(nama)
    hasil = ev.cek_distribusi_unit(kesos().id, TAHUN, "TW1")
    # Capaian Baik, n = 3, all Baik: cap floor(3 × 70%) = 2 is broken, and "harus ada" ≥ 1
    # Butuh Perbaikan and/or Kurang/Misconduct is missing (docs/domain.md §2.9.5).
    assert hasil.n == 3 and hasil.capaian.value == "BAIK"
    assert hasil.frekuensi[Predikat.BAIK] == 3
    assert [(p.jumlah, p.batas) for p in hasil.pelanggaran] == [(3, 2), (0, 1)]
    assert all(p.pesan for p in hasil.pelanggaran)
    assert len(hasil.tanpa_justifikasi) == 3

    dewi = login(DEWI)
    with pytest.raises(AksesDitolak):
        ev.simpan_justifikasi(login(SITI), hasil.evaluasi[0].id, "Saya layak")
    with pytest.raises(AksesDitolak):
        ev.simpan_justifikasi(login(CAMAT), hasil.evaluasi[0].id, "x")
    for row in hasil.evaluasi:
        ev.simpan_justifikasi(dewi, row.id, "Seluruh staf memenuhi target verifikasi DTKS.")
    again = ev.cek_distribusi_unit(kesos().id, TAHUN, "TW1")
    assert len(again.pelanggaran) == 2 and again.tanpa_justifikasi == []
    assert rows_of(hasil.evaluasi[0])[-1].aksi == "justifikasi_distribusi"

    # One Butuh Perbaikan (after a keberatan-free reopen and re-rating) satisfies both rules.
    putri = Evaluasi.get_by_id(hasil.evaluasi[1].id)
    ev.buka_kembali(dewi, putri.id, "Realisasi piket ternyata belum diverifikasi.")
    ev.nilai(dewi, putri.id, R.DI_BAWAH_EKSPEKTASI, R.SESUAI_EKSPEKTASI)
    ev.finalkan(dewi, putri.id)
    assert ev.cek_distribusi_unit(kesos().id, TAHUN, "TW1").pelanggaran == []


def test_distribution_without_capaian_says_so(kantor_demo):
    hasil = ev.cek_distribusi_unit(kesos().id, TAHUN, "TW3")
    assert hasil.n == 0 and hasil.capaian is None
    assert "belum ditetapkan" in hasil.pesan[0]


# --- keberatan -----------------------------------------------------------------------------------


def test_keberatan_answer_and_decision_that_changes_a_rating(kantor_demo, clock):
    final = to_final(SITI, R.SESUAI_EKSPEKTASI, R.DI_BAWAH_EKSPEKTASI)
    assert final.predikat == Predikat.KURANG_MISCONDUCT
    siti, dewi, camat = login(SITI), login(DEWI), login(CAMAT)
    with pytest.raises(ValidasiGagal, match="Catatan wajib"):
        ev.ajukan_keberatan(siti, final.id, " ")
    with pytest.raises(AksesDitolak):
        ev.ajukan_keberatan(dewi, final.id, "x")
    objection = ev.ajukan_keberatan(siti, final.id, "Perilaku dinilai dari satu kejadian saja.")
    assert objection.status == E.KEBERATAN
    assert objection.rating_sebelum["predikat"] == "KURANG_MISCONDUCT"
    for who in (siti, camat):
        with pytest.raises(AksesDitolak):
            ev.tanggapi_keberatan(who, final.id, "x")
    ev.tanggapi_keberatan(dewi, final.id, "Kejadian berulang tiga kali, tercatat di buku catatan.")
    for who in (siti, dewi, login(KEPEG)):
        with pytest.raises(AksesDitolak):
            ev.putuskan_keberatan(who, final.id, "x", rating_perilaku=R.SESUAI_EKSPEKTASI)
    assert Evaluasi.get_by_id(final.id).predikat == Predikat.KURANG_MISCONDUCT
    clock[0] += dt.timedelta(days=2)
    decided = ev.putuskan_keberatan(
        camat, final.id, "Keberatan diterima sebagian.", rating_perilaku="Sesuai Ekspektasi"
    )
    evaluasi = Evaluasi.get_by_id(final.id)
    assert evaluasi.status == E.DIPUTUS and evaluasi.predikat == Predikat.BAIK
    assert decided.status == E.DIPUTUS and decided.rating_sesudah["predikat"] == "BAIK"
    assert (decided.tanggapan, decided.keputusan) == (
        "Kejadian berulang tiga kali, tercatat di buku catatan.", "Keberatan diterima sebagian."
    )
    history = rows_of(evaluasi)
    assert [r.aksi for r in history][-3:] == [
        "ajukan_keberatan", "tanggapi_keberatan", "putuskan_keberatan"
    ]
    last = history[-1]
    assert last.rincian["sebelum"]["predikat"] == "KURANG_MISCONDUCT"
    assert last.rincian["sesudah"]["rating_perilaku"] == "SESUAI_EKSPEKTASI"
    assert last.oleh_nama.startswith("Drs. Bambang")
    assert last.catatan == "Keberatan diterima sebagian."
    assert Keberatan.select().count() == 1
    # A decided evaluation counts in the distribution.
    assert ev.cek_distribusi_unit(kesos().id, TAHUN, "TW1").n == 1


def test_waiting_lists_follow_the_table(kantor_demo):
    skp = skp_disetujui(login(SITI))
    siti, dewi, camat = login(SITI), login(DEWI), login(CAMAT)
    evaluasi = ev.buka_evaluasi(siti, skp.id, "TW1")
    assert [e.id for e in ev.menunggu_pegawai(siti)] == [evaluasi.id]
    assert ev.menunggu_penilai(dewi) == []
    fill(SITI, evaluasi)
    ev.ajukan(siti, evaluasi.id)
    assert [e.id for e in ev.menunggu_penilai(dewi)] == [evaluasi.id]
    assert ev.menunggu_pegawai(siti) == [] and ev.menunggu_atasan(camat) == []
    ev.nilai(dewi, evaluasi.id, R.SESUAI_EKSPEKTASI, R.SESUAI_EKSPEKTASI)
    ev.atur_capaian_organisasi(camat, kesos().id, TAHUN, "TW1", "Baik")
    ev.finalkan(dewi, evaluasi.id)
    assert ev.menunggu_penilai(dewi) == []
    ev.ajukan_keberatan(siti, evaluasi.id, "Alasan")
    assert [e.id for e in ev.menunggu_penilai(dewi)] == [evaluasi.id]
    ev.tanggapi_keberatan(dewi, evaluasi.id, "Tanggapan")
    assert [e.id for e in ev.menunggu_atasan(camat)] == [evaluasi.id]
    evaluasi = Evaluasi.get_by_id(evaluasi.id)
    assert [t.aksi for t in ev.aksi_tersedia(camat, evaluasi)] == ["putuskan_keberatan"]


# --- annual evaluation ---------------------------------------------------------------------------


def test_the_annual_evaluation_closes_with_print_sign_copy_archive(kantor_demo):
    final = to_final(SITI, periode="AKHIR")
    assert final.periode == "TW4" and final.status == E.FINAL
    siti, dewi = login(SITI), login(DEWI)
    ev.jalankan(siti, final.id, "cetak")
    ev.jalankan(dewi, final.id, "tandatangani")
    ev.jalankan(login(KEPEG), final.id, "gandakan")
    done = ev.jalankan(siti, final.id, "arsipkan")
    assert done.status == E.DIARSIPKAN
    # The annual rating step carries SOP 000 steps 2 and 4.
    nilai = next(r for r in rows_of(final) if r.aksi == "nilai")
    assert nilai.rincian["langkah"] == ["SOP 800/0195/2024 #2", "SOP 800/0195/2024 #4"]
    assert ev.cek_distribusi_unit(kesos().id, TAHUN, "AKHIR").n == 1


# --- buku catatan penilai and periodicity --------------------------------------------------------


def test_buku_catatan_penilai_is_the_penilai_s_own(kantor_demo):
    siti_id = Pegawai.get(Pegawai.nama == SITI).id
    dewi = login(DEWI)
    for who in (login(SITI), login(HENDRA), login(ENDANG)):
        with pytest.raises(AksesDitolak):
            ev.tambah_catatan_penilai(who, siti_id, dt.date(2026, 2, 3), "x")
        with pytest.raises(AksesDitolak):
            ev.daftar_catatan_penilai(who, siti_id)
    with pytest.raises(ValidasiGagal):
        ev.tambah_catatan_penilai(dewi, siti_id, dt.date(2026, 2, 3), "  ")
    ev.tambah_catatan_penilai(dewi, siti_id, dt.date(2026, 3, 1), "Verifikasi selesai lebih cepat.")
    ev.tambah_catatan_penilai(dewi, siti_id, dt.date(2026, 2, 3), "Terlambat apel pagi.")
    assert [(c.tanggal.day, c.catatan) for c in ev.daftar_catatan_penilai(dewi, siti_id)] == [
        (3, "Terlambat apel pagi."), (1, "Verifikasi selesai lebih cepat.")
    ]
    assert Riwayat.select().where(Riwayat.entitas == "CatatanPenilai").count() == 2


def test_periodicity_is_an_office_setting_fixed_once_the_year_started(kantor_demo):
    admin = login("admin")
    with pytest.raises(AksesDitolak):
        ev.atur_periodisitas(login(SITI), "BULANAN")
    with pytest.raises(ValidasiGagal):
        ev.atur_periodisitas(admin, "SEMESTERAN")
    assert ev.periodisitas_kantor() == "TRIWULANAN"
    ev.atur_periodisitas(admin, "BULANAN")
    assert [p.kode for p in ev.daftar_periode_kantor()][:2] == ["BULAN_1", "BULAN_2"]
    skp = skp_disetujui(login(SITI))
    evaluasi = ev.buka_evaluasi(login(SITI), skp.id, "AKHIR")
    assert evaluasi.periode == "BULAN_12"
    with pytest.raises(ValidasiGagal, match="sudah dimulai"):
        ev.atur_periodisitas(admin, "TRIWULANAN")


# --- suggestions for the annual rating and for unit heads -------------------------------------


def test_annual_suggestion_is_the_modus_of_the_periods_ties_to_the_latest(kantor_demo):
    skp = skp_disetujui(login(SITI))
    siti, dewi = login(SITI), login(DEWI)
    ev.atur_capaian_organisasi(login(CAMAT), kesos().id, TAHUN, "TW1", "Baik")
    for periode, hk in (("TW1", R.DI_ATAS_EKSPEKTASI), ("TW2", R.SESUAI_EKSPEKTASI)):
        evaluasi = ev.buka_evaluasi(siti, skp.id, periode)
        fill(SITI, evaluasi)
        ev.ajukan(siti, evaluasi.id)
        ev.nilai(dewi, evaluasi.id, hk, R.SESUAI_EKSPEKTASI)
    annual = ev.buka_evaluasi(siti, skp.id, "AKHIR")
    assert ev.saran_tahunan(annual) == (R.SESUAI_EKSPEKTASI, R.SESUAI_EKSPEKTASI)
    assert ev.saran_rating_pimpinan(annual) is None  # Siti heads no unit


def test_a_unit_head_is_offered_his_unit_s_capaian_as_rating(kantor_demo):
    skp = skp_disetujui(login(DEWI))
    assert skp.penilai.nama == CAMAT
    evaluasi = ev.buka_evaluasi(login(DEWI), skp.id, "TW1")
    assert ev.saran_rating_pimpinan(evaluasi) is None  # no capaian yet
    camat = login(CAMAT)
    assert [u.nama for u in ev.unit_capaian_saya(camat, TAHUN)] == [demo.KESOS]
    assert ev.unit_capaian_saya(login(DEWI), TAHUN) == []
    assert len(ev.unit_capaian_saya(login(KEPEG), TAHUN)) == UnitKerja.select().count()
    ev.atur_capaian_organisasi(camat, kesos().id, TAHUN, "TW1", "Istimewa")
    saran = ev.saran_rating_pimpinan(evaluasi)
    assert saran.rating is R.DI_ATAS_EKSPEKTASI and "Seksi Kesejahteraan Sosial" in saran.alasan
