"""``skpdesk render``: list the kinds, write files, and fail clearly."""

from __future__ import annotations

import pytest
from peewee import fn

from skpdesk.cli import main
from skpdesk.store.models import SKP
from tests.helpers import terbuka

from .conftest import NIP_STAF
from .helpers import buka, tanpa_tag


def test_list_names_the_kinds(capsys):
    assert main(["render", "--list"]) == 0
    out = capsys.readouterr().out
    assert "skp" in out and "lampiran_skp" in out


def test_render_writes_the_files_and_prints_their_paths(demo_copy, tmp_path, capsys):
    out_dir = tmp_path / "keluaran"
    year = _year(demo_copy)
    code = main(["render", "skp", "--pegawai", "19900410 201503 2 002", "--tahun", str(year),
                 "--out", str(out_dir), "--db", str(demo_copy)])
    assert code == 0
    [line] = capsys.readouterr().out.splitlines()
    written = out_dir / f"skp_{NIP_STAF}_{year}.docx"
    assert line == str(written)
    data = written.read_bytes()
    tanpa_tag(data)
    assert "Nur Aini, A.Md." in buka(data).tables[2].rows[1].cells[2].text


def _year(target) -> int:
    with terbuka(target):
        return SKP.select(fn.MAX(SKP.tahun)).scalar()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["skp", "--pegawai", "199001012015031001"], "tidak ditemukan"),
        (["skp", "--pegawai", NIP_STAF, "--tahun", "2001"], "belum memiliki SKP tahun 2001"),
        (["bukan_jenis", "--pegawai", NIP_STAF], "tidak dikenal"),
        (["skp", "--pegawai", NIP_STAF, "--periode", "TW1"], "tidak memakai --periode"),
        (["skp"], "wajib"),
    ],
)
def test_missing_record_or_kind_is_a_message_and_a_non_zero_exit(demo_copy, capsys, args,
                                                                  message, tmp_path):
    if "--tahun" not in args and len(args) > 1:
        args = [*args, "--tahun", str(_year(demo_copy))]
    code = main(["render", *args, "--db", str(demo_copy), "--out", str(tmp_path / "o")])
    captured = capsys.readouterr()
    assert code == 1
    assert message in captured.err
    assert captured.out == ""
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())


def test_missing_builtin_template_is_a_message(demo_copy, capsys, monkeypatch, tmp_path):
    from skpdesk.documents import templat

    monkeypatch.setattr(templat, "bawaan", lambda nama: tmp_path / "hilang" / nama)
    code = main(["render", "skp", "--pegawai", NIP_STAF, "--tahun", str(_year(demo_copy)),
                 "--db", str(demo_copy), "--out", str(tmp_path / "o")])
    assert code == 1
    assert "skp_ja_jf.docx" in capsys.readouterr().err
