"""Printing and the signed history: an altered record is never printed; every form carries the
verification code of the record's signed version in its footer."""

from __future__ import annotations

import io
import sqlite3
import uuid
import zipfile

import pytest

from skpdesk.cli import main
from skpdesk.documents import buat_dokumen, buat_massal, render_rekaman
from skpdesk.documents import templat as templat_mod
from skpdesk.services import dokumen as dokumen_service
from skpdesk.services import pengukuran as ps
from skpdesk.services import verifikasi
from skpdesk.store.models import SKP, Dokumen, Evaluasi, Pegawai, Riwayat, db
from tests.helpers import sql

from .conftest import NIP_CAMAT, NIP_STAF, admin, aktor, skp_of
from .helpers import buka

# These tests change the SQLite file with the sqlite3 tool, as someone holding the file would.
BERKAS_SQLITE = pytest.mark.sqlite_only("the SQLite file is changed with the sqlite3 tool")


PENUTUP = " · periksa dengan skpdesk verifikasi --kode"


def evaluasi_tw1() -> Evaluasi:
    """Nur Aini's TW1 evaluation of this year (final in the demo)."""
    return (Evaluasi.select().join(SKP).join(Pegawai, on=(SKP.pegawai == Pegawai.id))
            .where((Pegawai.nip == NIP_STAF) & (Evaluasi.periode == "TW1"))
            .order_by(Evaluasi.tahun.desc()).get())


def ubah_predikat(evaluasi: Evaluasi) -> None:
    """As someone with the file would: straight into the table, no history row."""
    db.obj.execute_sql(sql("UPDATE evaluasi SET predikat = 'SANGAT_KURANG' WHERE id = ?"),
                       (evaluasi.id.hex,))


def kaki(data: bytes) -> list[str]:
    """The footer's paragraphs of a rendered document, as printed."""
    return [p.text for p in buka(data).sections[0].footer.paragraphs]


def arsip() -> tuple[int, int, list[str]]:
    folder = dokumen_service.folder_data() / dokumen_service.FOLDER_ARSIP
    files = sorted(str(p) for p in folder.rglob("*") if p.is_file()) if folder.exists() else []
    return Dokumen.select().count(), Riwayat.select().count(), files


# --- refusing an altered record --------------------------------------------------------------


def test_an_altered_evaluation_is_not_made_nor_archived(demo_db):
    evaluasi = evaluasi_tw1()
    buat_dokumen(aktor(NIP_STAF), "evaluasi", evaluasi.id)  # sound: made and archived
    before = arsip()
    ubah_predikat(evaluasi)
    name = f"Evaluasi TW1 Nur Aini, A.Md. {evaluasi.tahun}"
    for kode in ("evaluasi", "dokumen_evaluasi"):
        with pytest.raises(verifikasi.IsiBerubah,
                           match=rf"^{name}: isi berbeda dari riwayat yang ditandatangani\. "
                                 r"Data ini tidak dapat dicetak atau dikirim\."):
            render_rekaman(kode, evaluasi.id)
        with pytest.raises(verifikasi.IsiBerubah):
            buat_dokumen(aktor(NIP_STAF), kode, evaluasi.id)
    assert arsip() == before
    # A batch reports it and goes on with the others.
    other = (Evaluasi.select().where((Evaluasi.tahun == evaluasi.tahun)
                                     & (Evaluasi.periode == "TW1") & (Evaluasi.id != evaluasi.id))
             .first())
    steps = list(buat_massal(admin(), "evaluasi", [evaluasi.id, other.id]))
    assert steps[0].hasil is None and steps[0].galat.startswith(f"{name}: isi berbeda")
    assert steps[1].hasil is not None and not steps[1].galat


def test_an_evaluation_form_is_refused_when_its_skp_was_altered(demo_db):
    evaluasi = evaluasi_tw1()
    db.obj.execute_sql(sql("UPDATE skp SET lampiran = '{}' WHERE id = ?"), (evaluasi.skp_id.hex,))
    skp_name = f"SKP {evaluasi.tahun} Nur Aini, A.Md."
    with pytest.raises(verifikasi.IsiBerubah, match=rf"^{skp_name}: isi berbeda"):
        render_rekaman("evaluasi", evaluasi.id)
    with pytest.raises(verifikasi.IsiBerubah, match=rf"^{skp_name}: isi berbeda"):
        render_rekaman("skp", evaluasi.skp_id)


def test_a_pengukuran_report_is_refused_when_its_perjanjian_kinerja_was_altered(demo_db):
    pk = ps.daftar_pk()[0]
    tw1 = ps.daftar_pengukuran(pk)[0]
    render_rekaman("pengukuran", tw1.id)  # sound
    db.obj.execute_sql(sql("UPDATE indikator_pk SET sasaran = sasaran || ' (diubah)'"
                       " WHERE pk_id = ?"), (pk.id.hex,))
    with pytest.raises(verifikasi.IsiBerubah,
                       match=rf"^Perjanjian Kinerja {pk.unit.nama} {pk.tahun}: isi berbeda"):
        buat_dokumen(aktor(NIP_CAMAT), "pengukuran", tw1.id)
    assert Dokumen.select().count() == 0




@BERKAS_SQLITE
def test_skpdesk_render_refuses_an_altered_evaluation_and_writes_nothing(demo_copy, tmp_path,
                                                                         capsys):
    con = sqlite3.connect(demo_copy)
    hex_id, tahun = con.execute(
        "SELECT e.id, e.tahun FROM evaluasi e JOIN skp s ON e.skp_id = s.id JOIN pegawai p"
        " ON s.pegawai_id = p.id WHERE p.nip = ? AND e.periode = 'TW1' ORDER BY e.tahun DESC",
        (NIP_STAF,)).fetchone()
    con.execute("UPDATE evaluasi SET predikat = 'SANGAT_KURANG' WHERE id = ?", (hex_id,))
    con.commit()
    documents_before = con.execute("SELECT COUNT(*) FROM dokumen").fetchone()[0]
    con.close()
    out = tmp_path / "keluaran"
    args = ["render", "evaluasi", "--pegawai", NIP_STAF, "--tahun", str(tahun), "--periode",
            "TW1", "--out", str(out), "--db", str(demo_copy)]
    assert main(args) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(
        f"Evaluasi TW1 Nur Aini, A.Md. {tahun}: isi berbeda dari riwayat yang ditandatangani. "
        "Data ini tidak dapat dicetak atau dikirim.")
    assert not out.exists() or not any(out.iterdir())
    assert Dokumen.select().count() == documents_before
    assert verifikasi.periksa_rekaman("Evaluasi", uuid.UUID(hex_id)).galat


# --- the code in the footer -------------------------------------------------------------------


def test_the_skp_form_carries_the_skps_current_code(demo_db):
    skp = skp_of(NIP_STAF)
    hasil = buat_dokumen(aktor(NIP_STAF), "skp", skp.id)
    code = verifikasi.kode_rekaman("SKP", skp.id)
    footer = kaki(hasil.path.read_bytes())
    assert footer[1] == f"Kode verifikasi: {code}{PENUTUP}"
    assert hasil.dokumen.data_cetak["kode_verifikasi"] == code
    assert verifikasi.cek_kode(code).terkini
    assert "versi terkini" in verifikasi.cek_kode(code).pesan
    # The lampiran is made from the same SKP: the same code.
    lampiran = buat_dokumen(aktor(NIP_STAF), "lampiran_skp", skp.id)
    assert kaki(lampiran.path.read_bytes())[1] == f"Kode verifikasi: {code}{PENUTUP}"


def test_the_evaluation_form_carries_the_evaluations_own_code(demo_db):
    evaluasi = evaluasi_tw1()
    hasil, context = render_rekaman("evaluasi", evaluasi.id)
    code = verifikasi.kode_rekaman("Evaluasi", evaluasi.id)
    assert code != verifikasi.kode_rekaman("SKP", evaluasi.skp_id)
    assert context["kode_verifikasi"] == code
    assert kaki(hasil.isi)[1] == f"Kode verifikasi: {code}{PENUTUP}"
    found = verifikasi.cek_kode(code)
    assert found.terkini and found.uraian == f"Evaluasi TW1 Nur Aini, A.Md. {evaluasi.tahun}"


def test_the_pengukuran_report_carries_the_measurements_code(demo_db):
    tw1 = ps.daftar_pengukuran(ps.daftar_pk()[0])[0]
    for kode in ("pengukuran", "pengantar_pk"):
        hasil, _context = render_rekaman(kode, tw1.id)
        code = verifikasi.kode_rekaman("PengukuranKinerja", tw1.id)
        assert kaki(hasil.isi)[1] == f"Kode verifikasi: {code}{PENUTUP}"


def test_every_built_in_template_has_the_code_in_its_footer():
    for path in sorted(templat_mod.bawaan("skp_ja_jf.docx").parent.glob("*.docx")):
        with zipfile.ZipFile(path) as z:
            footers = "".join(z.read(n).decode() for n in z.namelist()
                              if n.startswith("word/footer"))
        assert "{{ kode_verifikasi }}" in footers, path.name


def _tanpa_kode(nama: str) -> bytes:
    """The built-in template as an office's copy made before the code existed."""
    src = templat_mod.bawaan(nama).read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(src)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("word/footer"):
                xml = data.decode("utf-8")
                start = xml.find("{% if kode_verifikasi %}")
                if start >= 0:
                    para = xml.rfind("<w:p>", 0, start)
                    para = para if para >= 0 else xml.rfind("<w:p ", 0, start)
                    end = xml.index("</w:p>", start) + len("</w:p>")
                    xml = xml[:para] + xml[end:]
                data = xml.encode("utf-8")
            zout.writestr(info, data)
    return out.getvalue()


def test_an_office_template_without_the_code_is_still_used(demo_db):
    folder = templat_mod.folder_kantor()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "skp_ja_jf.docx").write_bytes(_tanpa_kode("skp_ja_jf.docx"))
    hasil, context = render_rekaman("skp", skp_of(NIP_STAF).id)
    assert hasil.templat.milik_kantor and hasil.peringatan == []
    assert context["kode_verifikasi"]  # the data has it; this office's paper does not show it
    assert not any("Kode verifikasi" in line for line in kaki(hasil.isi))
