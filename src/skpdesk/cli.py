"""Command line: the GUI by default, and headless subcommands for the office's IT person."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from skpdesk import __version__, logfile
from skpdesk.i18n import _
from skpdesk.proses import pastikan_aliran
from skpdesk.store.database import ENV_URL, DatabaseOpenError, describe, open_database


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="skpdesk",
        description=_(
            "skpdesk: aplikasi desktop luring untuk siklus Sasaran Kinerja Pegawai (SKP). "
            "Tanpa subperintah, jendela aplikasi dibuka."
        ),
        epilog=_(
            "Basis data: --db PATH, atau variabel lingkungan {env} (path SQLite atau URL "
            "postgresql://), atau berkas di folder data pengguna."
        ).format(env=ENV_URL),
    )
    parser.add_argument("--version", action="version", version=f"skpdesk {__version__}")
    parser.add_argument("--db", metavar="PATH", help=_("berkas basis data SQLite atau URL"))
    parser.add_argument(
        "--demo-if-empty",
        action="store_true",
        help=_("isi kantor contoh bila basis data masih kosong (untuk mencoba aplikasi)"),
    )
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")

    demo = sub.add_parser("demo", help=_("buat kantor contoh (kecamatan) beserta akunnya"))
    demo.add_argument("--db", metavar="PATH", dest="sub_db", help=_("berkas basis data"))

    imp = sub.add_parser("import-roster", help=_("impor daftar pegawai dari .xlsx atau .csv"))
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--db", metavar="PATH", dest="sub_db", help=_("berkas basis data"))
    imp.add_argument(
        "--login",
        default=None,
        help=_("akun pengadministrasi kepegawaian yang tercatat di riwayat"),
    )

    from skpdesk.documents.cli import tambah_perintah

    tambah_perintah(sub)

    backup = sub.add_parser("backup", help=_("cadangkan basis data (salinan daring SQLite)"))
    backup.add_argument("--db", metavar="PATH", dest="sub_db", help=_("berkas basis data"))
    backup.add_argument(
        "--out", metavar="FILE", help=_("berkas tujuan (bawaan: folder cadangan di samping data)")
    )

    restore = sub.add_parser(
        "restore", help=_("pulihkan basis data dari berkas cadangan (diperiksa lebih dahulu)")
    )
    restore.add_argument("file", metavar="FILE")
    restore.add_argument("--db", metavar="PATH", dest="sub_db", help=_("berkas basis data"))

    eks = sub.add_parser(
        "ekspor", help=_("tulis paket pertukaran .skpx (kata sandi dari SKPDESK_SANDI)")
    )
    eks.add_argument("--db", metavar="PATH", dest="sub_db", help=_("berkas basis data"))
    eks.add_argument("--login", required=True, help=_("akun yang mengirim"))
    eks.add_argument("--out", required=True, metavar="FILE.skpx", help=_("berkas paket"))
    eks.add_argument(
        "--kantor", action="store_true", help=_("paket kantor (pengadministrasi kepegawaian)")
    )
    eks.add_argument("--pegawai", metavar="NIP", help=_("hanya data pegawai ini"))
    eks.add_argument("--tahun", type=int, metavar="YYYY", help=_("hanya tahun ini"))

    imp_paket = sub.add_parser(
        "impor", help=_("impor paket .skpx (basis data baru + paket kantor = laptop baru)")
    )
    imp_paket.add_argument("file", metavar="FILE.skpx")
    imp_paket.add_argument("--db", metavar="PATH", dest="sub_db", help=_("berkas basis data"))

    verif = sub.add_parser(
        "verifikasi",
        help=_("periksa riwayat bertanda tangan dan isi setiap data (keluar 1 bila diubah)"),
    )
    verif.add_argument("--db", metavar="PATH", dest="sub_db", help=_("berkas basis data"))
    verif.add_argument(
        "--kode", metavar="KODE", help=_("kode verifikasi di kaki formulir tercetak")
    )

    selftest = sub.add_parser(
        "selftest",
        help=_("uji asap tanpa layar: kantor contoh, jendela utama, satu dokumen Word"),
    )
    selftest.add_argument("--laporan", metavar="FILE", help=_("tulis laporan juga ke berkas ini"))
    selftest.add_argument(
        "--startup",
        nargs=2,
        metavar=("DB", "LOGIN"),
        help=_("hanya ukur waktu mulai: buka jendela utama untuk DB dan LOGIN, lalu keluar"),
    )
    return parser


def _open(path: str | None):
    try:
        return open_database(path)
    except DatabaseOpenError as exc:
        print(str(exc), file=sys.stderr)
        return None


def main(argv: Sequence[str] | None = None) -> int:
    # A windowed build (no console) has None streams; the subcommands write to them.
    pastikan_aliran()
    # The person's language first: help texts and the tables built at import time use it.
    from skpdesk.ui.bahasa import pasang_bahasa_tersimpan

    pasang_bahasa_tersimpan()
    args = _parser().parse_args(argv)
    logfile.pasang()
    db_path = getattr(args, "sub_db", None) or args.db

    if args.command == "demo":
        from skpdesk.services import demo

        if _open(db_path) is None:
            return 2
        try:
            summary = demo.buat_kantor_demo()
        except demo.DemoError as exc:
            print(str(exc), file=sys.stderr)
            return 1
        print(summary)
        return 0

    if args.command == "import-roster":
        from skpdesk.services import impor

        database = _open(db_path)
        if database is None:
            return 2
        return impor.main_cli(args.file, login=args.login, out=sys.stdout, err=sys.stderr)

    if args.command == "render":
        from skpdesk.documents.cli import main_cli as render_cli

        return render_cli(args, lambda: _open(db_path), out=sys.stdout, err=sys.stderr)

    if args.command == "backup":
        from skpdesk.services import cadangan

        if _open(db_path) is None:
            return 2
        return cadangan.main_cli_backup(args.out, out=sys.stdout, err=sys.stderr)

    if args.command == "restore":
        from skpdesk.services import cadangan

        return cadangan.main_cli_restore(args.file, db_path, out=sys.stdout, err=sys.stderr)

    if args.command == "ekspor":
        from skpdesk.services import paket

        if _open(db_path) is None:
            return 2
        return paket.main_cli_ekspor(args, out=sys.stdout, err=sys.stderr)

    if args.command == "impor":
        from skpdesk.services import paket

        if _open(db_path) is None:
            return 2
        return paket.main_cli_impor(args.file, out=sys.stdout, err=sys.stderr)

    if args.command == "verifikasi":
        from skpdesk.services import verifikasi

        if _open(db_path) is None:
            return 2
        return verifikasi.main_cli(args.kode, out=sys.stdout, err=sys.stderr)

    if args.command == "selftest":
        from skpdesk.ui import selftest

        return selftest.main(main, laporan=args.laporan, startup=args.startup)

    from skpdesk.ui.app import run_gui

    return run_gui(db_path, demo_if_empty=args.demo_if_empty, describe=describe)
