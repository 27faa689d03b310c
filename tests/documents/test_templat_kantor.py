"""An office's own template: used when sound, refused with a message naming the tag when not."""

from __future__ import annotations

import io
import zipfile

import pytest

from skpdesk.documents import render_rekaman
from skpdesk.documents import templat as templat_mod
from skpdesk.documents.konteks import contoh_skp
from skpdesk.store.models import Dokumen, Riwayat

from .conftest import NIP_STAF, skp_of
from .helpers import buka, tanpa_tag, teks_badan


def salinan(nama: str, ganti: dict[str, str]) -> bytes:
    """The built-in template with some text of its document.xml replaced."""
    src = templat_mod.bawaan(nama).read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(src)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                for old, new in ganti.items():
                    assert old in xml, old
                    xml = xml.replace(old, new, 1)
                data = xml.encode("utf-8")
            zout.writestr(info, data)
    return out.getvalue()


def pasang(nama: str, data: bytes):
    folder = templat_mod.folder_kantor()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / nama).write_bytes(data)
    return folder / nama


@pytest.fixture
def bawaan_teks(demo_db) -> str:
    hasil, _context = render_rekaman("skp", skp_of(NIP_STAF).id)
    return teks_badan(buka(hasil.isi))


def test_a_sound_office_template_is_used(demo_db, bawaan_teks):
    pasang("skp_ja_jf.docx", salinan("skp_ja_jf.docx", {
        "SASARAN KINERJA PEGAWAI": "SASARAN KINERJA PEGAWAI (FORMAT KANTOR)"
    }))
    hasil, _context = render_rekaman("skp", skp_of(NIP_STAF).id)
    assert hasil.templat.milik_kantor and hasil.peringatan == []
    assert "SASARAN KINERJA PEGAWAI (FORMAT KANTOR)" in teks_badan(buka(hasil.isi))


@pytest.mark.parametrize(
    ("ganti", "tag"),
    [
        ({"{{ pegawai.nama }}": "{{ pegawai.nama }"}, "{{ pegawai.nama }"),
        ({"{{ kantor.nama_kapital }}": "{{ nama_kantor_lama }}"}, "{{ nama_kantor_lama }}"),
        ({"{{ pegawai.jabatan }}": "{{ pegawai.jabatan_lengkap }}"},
         "{{ pegawai.jabatan_lengkap }}"),
        ({"{%tr endfor %}": "{%tr endfor"}, "{%tr endfor"),
        ({"{{ b.target }}": "{{ b.target | tidak_ada }}"}, "tidak_ada"),
    ],
    ids=["bad-tag", "unknown-variable", "unknown-field", "unclosed-block", "unknown-filter"],
)
def test_a_broken_office_template_is_refused_and_the_builtin_used(
    demo_db, bawaan_teks, ganti, tag
):
    own = pasang("skp_ja_jf.docx", salinan("skp_ja_jf.docx", ganti))
    before = own.read_bytes()
    history = Riwayat.select().count()
    hasil, _context = render_rekaman("skp", skp_of(NIP_STAF).id)
    assert not hasil.templat.milik_kantor
    [message] = hasil.peringatan
    assert "'skp_ja_jf.docx'" in message
    assert tag in message
    assert message.endswith("Templat bawaan dipakai.")
    # Nothing else changes: the document is the built-in one, the office file and data stay.
    tanpa_tag(hasil.isi)
    assert teks_badan(buka(hasil.isi)) == bawaan_teks
    assert own.read_bytes() == before
    assert Riwayat.select().count() == history
    assert Dokumen.select().count() == 0


def test_a_file_that_is_not_a_document_is_refused(demo_db, bawaan_teks):
    pasang("skp_ja_jf.docx", b"bukan dokumen")
    hasil, _context = render_rekaman("skp", skp_of(NIP_STAF).id)
    assert not hasil.templat.milik_kantor
    assert "'skp_ja_jf.docx'" in hasil.peringatan[0]
    assert teks_badan(buka(hasil.isi)) == bawaan_teks


def test_the_check_tries_both_branches_of_the_template(tmp_path):
    # A fault inside the kualitatif table only shows when the sample takes that branch.
    path = tmp_path / "skp_ja_jf.docx"
    path.write_bytes(salinan("skp_ja_jf.docx", {"{{ u }}": "{{ u.teks }}"}))
    assert templat_mod.periksa(path, [contoh_skp(True)]) == ""
    message = templat_mod.periksa(path, [contoh_skp(True), contoh_skp(False)])
    assert "{{ u.teks }}" in message


def test_the_check_is_done_once_per_file_version(demo_db, monkeypatch):
    pasang("skp_ja_jf.docx", salinan("skp_ja_jf.docx", {"{{ pegawai.nama }}": "{{ x }}"}))
    calls = []
    real = templat_mod.periksa
    monkeypatch.setattr(templat_mod, "periksa", lambda *a: calls.append(1) or real(*a))
    for _ in range(3):
        render_rekaman("skp", skp_of(NIP_STAF).id)
    assert len(calls) == 1


def test_builtin_templates_pass_their_own_check():
    from skpdesk.documents.registri import daftar_jenis

    for kind in daftar_jenis():
        for nama in kind.templat_semua:
            assert templat_mod.periksa(templat_mod.bawaan(nama), kind.contoh()) == "", nama
