"""``skpdesk render``: fill a form from the command line (smoke tests, the office's IT person)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TextIO

from skpdesk.i18n import _

# The renderer (docxtpl, lxml) is imported when a document is made, not when the command line
# is parsed: the GUI starts through the same parser.


def tambah_perintah(sub: argparse._SubParsersAction) -> None:
    render = sub.add_parser(
        "render",
        help=_("isi formulir resmi (.docx, atau PDF dengan --pdf) tanpa membuka jendela"),
        description=_(
            "Mengisi formulir dari data dan menulis berkasnya; berkas tidak dicatat di arsip."
        ),
    )
    render.add_argument("kind", nargs="?", metavar="JENIS", help=_("jenis dokumen (lihat --list)"))
    render.add_argument("--list", action="store_true", help=_("tampilkan jenis dokumen"))
    render.add_argument("--pegawai", metavar="NIP", help=_("NIP pegawai"))
    render.add_argument("--tahun", type=int, metavar="YYYY", help=_("tahun SKP"))
    render.add_argument(
        "--periode", metavar="PERIODE", help=_("TW1|TW2|TW3|TW4|AKHIR|bulan (dokumen evaluasi)")
    )
    render.add_argument("--out", metavar="DIR", default=".", help=_("folder tujuan"))
    render.add_argument("--pdf", action="store_true", help=_("buat juga PDF (LibreOffice)"))
    render.add_argument(
        "--tanggal", metavar="YYYY-MM-DD", help=_("tanggal tanda tangan (bawaan: penetapan)")
    )
    render.add_argument("--db", metavar="PATH", dest="sub_db", help=_("berkas basis data"))


def daftar(out: TextIO) -> int:
    from skpdesk.documents import registri as jenis_mod

    for kind in jenis_mod.daftar_jenis():
        print(f"{kind.kode:<16} {kind.judul}", file=out)
    return 0


def _nama_berkas(kind, record_id, nip: str, tahun: int, periode: str | None) -> str:
    from skpdesk.store.models import SKP

    kode = kind.kode
    skp_id = kind.rekaman(record_id).skp_id
    skp = SKP.get_by_id(skp_id) if skp_id is not None else None  # e.g. an office's report
    parts = [kode, nip, str(tahun)]
    if periode:
        parts.append(periode)
    # An SKP split by a mutasi: name it by its start.
    if skp is not None and skp.tgl_mulai != dt.date(tahun, 1, 1):
        parts.append(skp.tgl_mulai.strftime("%m%d"))
    return "_".join(parts) + ".docx"


def main_cli(args: argparse.Namespace, open_db, *, out: TextIO, err: TextIO) -> int:
    """0 when every file was written, 1 for a missing record, kind or template, 2 for the db."""
    from skpdesk.documents import keluaran
    from skpdesk.documents import registri as jenis_mod
    from skpdesk.documents.arsip import render_rekaman
    from skpdesk.documents.templat import TemplatTidakAda
    from skpdesk.domain.nip import normalize_nip
    from skpdesk.services.errors import LayananError

    if args.list:
        return daftar(out)
    if not args.kind:
        print(_("Sebutkan jenis dokumen, atau --list untuk melihat jenisnya."), file=err)
        return 1
    try:
        kind = jenis_mod.jenis(args.kind)
    except jenis_mod.JenisTidakDikenal as exc:
        print(str(exc), file=err)
        return 1
    if not args.pegawai or not args.tahun:
        print(_("--pegawai NIP dan --tahun YYYY wajib diisi."), file=err)
        return 1
    if args.periode and not kind.pakai_periode:
        print(_("Dokumen '{kode}' tidak memakai --periode.").format(kode=kind.kode), file=err)
        return 1
    if kind.pakai_periode and not args.periode:
        print(_("Dokumen '{kode}' memerlukan --periode.").format(kode=kind.kode), file=err)
        return 1
    tanggal = None
    if args.tanggal:
        try:
            tanggal = dt.date.fromisoformat(args.tanggal)
        except ValueError:
            print(_("--tanggal harus berbentuk YYYY-MM-DD."), file=err)
            return 1
    if open_db() is None:
        return 2
    nip = normalize_nip(args.pegawai)
    folder = Path(args.out)
    written: list[Path] = []
    try:
        records = kind.cari(nip, args.tahun, args.periode)
        folder.mkdir(parents=True, exist_ok=True)
        for record_id in records:
            hasil, _context = render_rekaman(kind.kode, record_id, tanggal=tanggal)
            for warning in hasil.peringatan:
                print(warning, file=err)
            target = folder / _nama_berkas(kind, record_id, nip, args.tahun, args.periode)
            target.write_bytes(hasil.isi)
            written.append(target)
            print(target, file=out)
    except (LayananError, TemplatTidakAda) as exc:
        print(str(exc), file=err)
        return 1
    if args.pdf:
        try:
            for pdf in keluaran.ke_pdf(written, folder):
                print(pdf, file=out)
        except keluaran.KeluaranGagal as exc:
            print(str(exc), file=err)
            return 1
    return 0
