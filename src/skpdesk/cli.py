"""Command line: the GUI by default, and headless subcommands for the office's IT person."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from skpdesk import __version__, logfile
from skpdesk.i18n import _
from skpdesk.proses import pastikan_aliran
from skpdesk.store.database import (
    CURRENT_VERSION,
    ENV_URL,
    DatabaseOpenError,
    describe,
    open_database,
)


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

    server = sub.add_parser("server", help=_("basis data kantor di server PostgreSQL"))
    server_sub = server.add_subparsers(dest="server_command", metavar="PERINTAH", required=True)
    siapkan = server_sub.add_parser(
        "siapkan",
        help=_("siapkan basis data server yang masih kosong: skema, kantor dan administrator "
               "pertama (kata sandi dari SKPDESK_SANDI atau ditanyakan)"),
    )
    siapkan.add_argument("url", metavar="URL", help=_("postgresql://pengguna@host:5432/basisdata"))
    siapkan.add_argument("--instansi", help=_("nama instansi (ditanyakan bila tidak diberikan)"))
    siapkan.add_argument("--tempat", help=_("kota/kecamatan di samping tanggal tanda tangan"))
    siapkan.add_argument("--daerah", default="", help=_("pemerintah daerah"))
    siapkan.add_argument("--alamat", default="", help=_("alamat kantor"))
    siapkan.add_argument(
        "--unit", action="append", default=[], metavar="NAMA",
        help=_("unit kerja di bawah pimpinan (boleh berulang)"))
    siapkan.add_argument("--login", default=None, help=_("nama pengguna administrator pertama"))

    pindah = sub.add_parser(
        "migrate-to",
        help=_("pindahkan kantor dari berkas SQLite ke basis data server yang masih kosong, "
               "dalam satu transaksi, lalu periksa setiap tabel"),
    )
    pindah.add_argument("url", metavar="URL", help=_("postgresql://pengguna@host:5432/basisdata"))
    pindah.add_argument("--db", metavar="FILE", dest="sub_db",
                        help=_("berkas SQLite sumber (bawaan: berkas di folder data pengguna)"))

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


def _tanya(prompt: str, value: str | None, default: str = "") -> str:
    """An argument, else asked at a terminal; empty when there is no terminal to ask."""
    if value is not None:
        return value
    if not sys.stdin.isatty():
        return default
    answer = input(prompt).strip()
    return answer or default


def _sandi_baru(login: str) -> str | None:
    """The new administrator's password: SKPDESK_SANDI, else asked twice at a terminal."""
    import getpass
    import os

    sandi = os.environ.get("SKPDESK_SANDI")
    if sandi:
        return sandi
    if not sys.stdin.isatty():
        print(_("Kata sandi tidak diberikan: atur SKPDESK_SANDI atau jalankan di terminal."),
              file=sys.stderr)
        return None
    sandi = getpass.getpass(_("Kata sandi baru {login}: ").format(login=login))
    if getpass.getpass(_("Ulangi kata sandi: ")) != sandi:
        print(_("Kedua kata sandi tidak sama."), file=sys.stderr)
        return None
    return sandi


def _server_siapkan(args: argparse.Namespace) -> int:
    from skpdesk.services import kantor, server
    from skpdesk.services.errors import LayananError, ValidasiGagal

    url = args.url
    try:
        isi = server.uji(url)
    except server.ServerGagal as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if isi.keadaan is not server.Keadaan.KOSONG:
        print(str(server.tolak_tidak_kosong(isi, url)), file=sys.stderr)
        return 1
    nama = _tanya(_("Nama instansi: "), args.instansi)
    tempat = _tanya(_("Tempat (kota/kecamatan untuk tanda tangan): "), args.tempat)
    login = _tanya(_("Nama pengguna administrator [admin]: "), args.login, "admin")
    sandi = _sandi_baru(login)
    if sandi is None:
        return 2
    data = kantor.DataKantor(nama_instansi=nama, pemerintah_daerah=args.daerah,
                             alamat=args.alamat, tempat=tempat, unit=tuple(args.unit),
                             admin_login=login, admin_sandi=sandi)
    try:
        inst, admin = server.siapkan(url, data)
    except ValidasiGagal as exc:
        for message in exc.errors.values():
            print(message, file=sys.stderr)
        return 1
    except server.ServerTidakKosong as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except LayananError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    shown = server.tanpa_sandi(url)
    print(_("Basis data server disiapkan: {url}").format(url=shown))
    print(_("- skema skpdesk versi {versi} dibuat, riwayat hanya dapat ditambah").format(
        versi=CURRENT_VERSION))
    print(_("- kantor '{kantor}' dan administrator pertama '{login}' (pengadministrasi "
            "kepegawaian) beserta kunci tanda tangannya").format(kantor=inst.nama,
                                                                 login=admin.login))
    print(_("Di setiap laptop kantor: pada penyiapan awal pilih 'Basis data kantor di server' "
            "dan isi alamat server, port, nama basis data, pengguna dan kata sandinya; atau "
            "atur variabel lingkungan {env}={url}").format(env=ENV_URL, url=shown))
    print(_("Sesudah itu masuk sebagai '{login}' dan tambahkan pegawai serta akunnya.").format(
        login=admin.login))
    return 0


def _migrate_to(url: str, db_path: str | None) -> int:
    from skpdesk.services import server
    from skpdesk.store.database import resolve_target

    sumber = resolve_target(db_path)
    print(_("Memindahkan kantor dari {sumber} ke {url} …").format(
        sumber=sumber, url=server.tanpa_sandi(url)))

    def kemajuan(tabel: str, baris: int, n: int, total: int) -> None:
        print(_("  [{n}/{total}] {tabel}: {baris} baris disalin").format(
            n=n, total=total, tabel=tabel, baris=baris), flush=True)

    try:
        hasil = server.pindahkan(sumber, url, kemajuan)
    except server.ServerTidakKosong as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except server.SalinanTidakCocok as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except server.ServerGagal as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(_("Pemeriksaan per tabel (jumlah baris dan hash isi, sumber = server):"))
    for tabel, asal in hasil.sumber.items():
        print(f"  {tabel:<24} {asal.baris:>7}  {asal.hash[:16]}  "
              + (_("sama") if hasil.tujuan[tabel] == asal else _("BERBEDA")))
    jumlah = sum(r.baris for r in hasil.sumber.values())
    print(_("Selesai: {n} baris dari {t} tabel dipindahkan dalam {detik:.1f} detik dan sama "
            "dengan sumbernya.").format(n=jumlah, t=len(hasil.sumber), detik=hasil.detik))
    print(_("Di setiap laptop kantor: pilih 'Basis data kantor di server' pada penyiapan awal, "
            "atau atur {env}={url}. Berkas {sumber} tidak diubah; simpan sebagai cadangan.")
          .format(env=ENV_URL, url=server.tanpa_sandi(url), sumber=sumber))
    return 0


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

    if args.command == "server":
        return _server_siapkan(args)

    if args.command == "migrate-to":
        return _migrate_to(args.url, db_path)

    if args.command == "selftest":
        from skpdesk.ui import selftest

        return selftest.main(main, laporan=args.laporan, startup=args.startup)

    from skpdesk.ui.app import run_gui

    return run_gui(db_path, demo_if_empty=args.demo_if_empty, describe=describe)
