"""``skpdesk selftest``: a headless smoke run of the installed or frozen application.

It proves what a missing data file or hidden import would break in a frozen bundle: the demo
office is created in a temporary folder, the main window opens (offscreen) for a demo login, and
one real Word document is rendered from that database through ``skpdesk render`` and reopened.
Every step prints one line; the exit code is 0 only when all of them passed.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from skpdesk import __version__
from skpdesk.i18n import _

# The document the smoke run renders: the planning form every pegawai prints.
JENIS_DOKUMEN = "skp"


class LangkahGagal(Exception):
    """A step failed; the message says what is missing or wrong."""


class Laporan:
    """Lines for stdout (absent in a windowed build on Windows) and, optionally, a file."""

    def __init__(self, berkas: str | None) -> None:
        self._berkas = Path(berkas) if berkas else None
        self.baris: list[str] = []

    def tulis(self, teks: str) -> None:
        self.baris.append(teks)
        if sys.stdout is not None:
            print(teks, flush=True)
        if self._berkas is not None:
            self._berkas.parent.mkdir(parents=True, exist_ok=True)
            self._berkas.write_text("\n".join(self.baris) + "\n", encoding="utf-8")


def _langkah(laporan: Laporan, nama: str, kerja: Callable[[], str]) -> None:
    mulai = time.perf_counter()
    hasil = kerja()
    ms = (time.perf_counter() - mulai) * 1000
    laporan.tulis(f"ok    {nama} ({ms:.0f} ms){': ' + hasil if hasil else ''}")


# The command line's entry point, handed in by the CLI itself (importing it here would be a
# circle: cli -> selftest -> cli).
JalankanCli = Callable[[list[str]], int]


def _render(cli: JalankanCli, db: Path, out: Path, nip: str, tahun: int) -> Path:
    """Render through the documents CLI, the same path an office's IT person would use."""
    argv = ["render", JENIS_DOKUMEN, "--pegawai", nip, "--tahun", str(tahun),
            "--out", str(out), "--db", str(db)]
    pesan = io.StringIO()
    try:
        with contextlib.redirect_stderr(pesan), contextlib.redirect_stdout(pesan):
            kode = cli(argv)
    except SystemExit as exc:  # argparse: no such subcommand or argument
        kode = exc.code if isinstance(exc.code, int) else 2
        if "invalid choice" in pesan.getvalue():
            raise LangkahGagal(
                _("perintah 'skpdesk render' belum tersedia (modul dokumen belum ada)")
            ) from exc
    if kode != 0:
        raise LangkahGagal(
            _("'skpdesk {argv}' keluar dengan kode {kode}: {pesan}").format(
                argv=" ".join(argv), kode=kode, pesan=pesan.getvalue().strip()
            )
        )
    dokumen = sorted(out.rglob("*.docx"))
    if not dokumen:
        raise LangkahGagal(_("tidak ada berkas .docx di {out}").format(out=out))
    return dokumen[0]


def _buka_lagi(path: Path, harus_ada: str) -> str:
    """Reopen the .docx with python-docx and look for the pegawai's name in it."""
    import docx

    document = docx.Document(str(path))
    teks = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            teks.extend(cell.text for cell in row.cells)
    if not any(harus_ada in t for t in teks):
        raise LangkahGagal(
            _("{berkas} terbuka, tetapi nama '{nama}' tidak ada di dalamnya").format(
                berkas=path.name, nama=harus_ada
            )
        )
    return _("{berkas}, {kb} kB, {n} tabel").format(
        berkas=path.name, kb=round(path.stat().st_size / 1000), n=len(document.tables)
    )


def uji_penuh(laporan: Laporan, cli: JalankanCli) -> None:
    from PySide6.QtWidgets import QApplication
    from shiboken6 import Shiboken

    from skpdesk.services import akun, demo, uji_diri
    from skpdesk.services.basisdata import close_database, describe, lepaskan, open_database
    from skpdesk.ui.app import buat_aplikasi, create_main_window

    laporan.tulis(f"skpdesk {__version__} selftest, Python {sys.version.split()[0]}, "
                  f"frozen={bool(getattr(sys, 'frozen', False))}")
    with tempfile.TemporaryDirectory(prefix="skpdesk-selftest-", ignore_cleanup_errors=True) as tmp:
        path = Path(tmp) / "demo.db"
        keadaan: dict[str, object] = {}

        def kantor() -> str:
            database = open_database(path)
            demo.buat_kantor_demo()
            keadaan["describe"] = describe(database)
            n, s = uji_diri.jumlah_isi()
            return _("{n} pegawai, {s} SKP").format(n=n, s=s)

        def jendela() -> str:
            app = buat_aplikasi()
            aktor = akun.masuk(uji_diri.nip_pimpinan(), demo.DEMO_SANDI)
            window = create_main_window(aktor, str(keadaan["describe"]))
            window.show()
            app.processEvents()
            judul = window.windowTitle()
            window.close()
            Shiboken.delete(window)  # now, while the QApplication still exists
            return judul

        def tanda_tangan() -> str:
            # The signed history verifies and an office package round-trips: Ed25519, argon2id,
            # ChaCha20-Poly1305 and zip all load in this build.
            from skpdesk.services import paket, verifikasi

            hasil = verifikasi.periksa()
            if not hasil.ok:
                raise LangkahGagal(str(hasil.galat[0]))
            admin = akun.masuk(demo.ADMIN_LOGIN, demo.DEMO_SANDI)
            out = paket.ekspor_kantor(admin, Path(tmp) / "kantor.skpx")
            isi = paket.baca(out)
            return _("{baris} baris riwayat sah; paket kantor {n} berkas").format(
                baris=hasil.baris, n=len(isi.files))

        def dokumen() -> str:
            # The SKP form of PermenPANRB 6/2022 (the demo also keeps a PP 46/2011 year).
            skp = uji_diri.skp_contoh()
            if skp is None:
                raise LangkahGagal(_("kantor contoh tidak berisi SKP"))
            keadaan["nama"] = skp.nama
            lepaskan()
            hasil = _render(cli, path, Path(tmp) / "dokumen", skp.nip, skp.tahun)
            keadaan["docx"] = hasil
            return str(hasil.relative_to(tmp))

        _langkah(laporan, _("kantor contoh"), kantor)
        _langkah(laporan, _("jendela utama (offscreen)"), jendela)
        _langkah(laporan, _("riwayat bertanda tangan dan paket"), tanda_tangan)
        _langkah(laporan, _("dokumen Word dirender"), dokumen)
        _langkah(
            laporan,
            _("dokumen dibuka lagi"),
            lambda: _buka_lagi(Path(str(keadaan["docx"])), str(keadaan["nama"])),
        )
        close_database()
        QApplication.processEvents()


# bench/bundle.py names a file here: a windowed exe on Windows has no stdout to print to.
ENV_TANDA = "SKPDESK_STARTUP_MARKER"


def tulis_tanda(teks: str = "shown") -> None:
    """Print the marker, and write it to the file in $SKPDESK_STARTUP_MARKER if set."""
    if sys.stdout is not None:
        print(teks, flush=True)
    berkas = os.environ.get(ENV_TANDA)
    if berkas:
        # Whole or absent for a reader polling it: written aside, then renamed into place.
        sementara = Path(berkas + ".tmp")
        sementara.write_text(teks + "\n", encoding="utf-8")
        os.replace(sementara, berkas)


def ukur_startup(db: str, login: str) -> int:
    """Open the main window for a login and mark "shown" once painted (bench/bundle.py)."""
    from PySide6.QtCore import QTimer
    from shiboken6 import Shiboken

    from skpdesk.services import akun, demo
    from skpdesk.services.basisdata import describe, open_database
    from skpdesk.ui.app import buat_aplikasi, create_main_window

    app = buat_aplikasi()
    database = open_database(db)
    window = create_main_window(akun.masuk(login, demo.DEMO_SANDI), describe(database))
    window.show()

    def selesai() -> None:
        tulis_tanda()
        app.quit()

    QTimer.singleShot(0, selesai)
    app.exec()
    # Widgets must go before the QApplication; Python's order of clean-up would not ensure it.
    Shiboken.delete(window)
    return 0


def main(
    cli: JalankanCli, laporan: str | None = None, startup: list[str] | None = None
) -> int:
    if startup:
        return ukur_startup(*startup)
    hasil = Laporan(laporan)
    try:
        uji_penuh(hasil, cli)
    except LangkahGagal as exc:
        hasil.tulis(_("GAGAL {pesan}").format(pesan=exc))
        return 1
    except Exception:  # the report must say what broke; a frozen app must never hang on a dialog
        hasil.tulis(_("GAGAL kesalahan tak terduga:"))
        hasil.tulis(traceback.format_exc())
        return 1
    hasil.tulis(_("selftest berhasil"))
    return 0
