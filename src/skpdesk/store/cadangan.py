"""Backup files of a SQLite database: list, rolling retention, verification, putting one back."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from skpdesk.i18n import _
from skpdesk.store.database import (
    CURRENT_VERSION,
    backup_folder,
    make_private_folder,
    online_copy,
    remove_stale_temp,
    whole_copy,
)
from skpdesk.store.models import Akun, Instansi, SchemaVersion

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
# Automatic daily copies rotate; copies made by hand or before a migration/restore are kept.
ALASAN_HARIAN = "harian"
ALASAN_MANUAL = "manual"
ALASAN_SEBELUM_PULIHKAN = "sebelum-pulihkan"
ALASAN_RUSAK = "tak-terbuka"
# Tables without which a file is not an skpdesk database, whatever its schema version.
TABEL_WAJIB = (SchemaVersion._meta.table_name, Instansi._meta.table_name, Akun._meta.table_name)


class CadanganTidakValid(Exception):
    """A file cannot be restored; the message says what is wrong, for the person at the keyboard."""


@dataclass(frozen=True)
class Cadangan:
    """One backup file in a database's backup folder."""

    path: Path
    alasan: str
    waktu: dt.datetime  # local time, from the file name
    ukuran: int  # bytes

    @property
    def otomatis(self) -> bool:
        return self.alasan == ALASAN_HARIAN


@dataclass(frozen=True)
class InfoBerkas:
    """What the verification learnt about a file that may be restored."""

    path: Path
    versi_skema: int
    ukuran: int


def _pola(db_path: Path) -> re.Pattern[str]:
    stamp = r"(?P<stamp>\d{8}-\d{6}-\d{6})"
    return re.compile(rf"^{re.escape(db_path.stem)}-(?P<alasan>.+)-{stamp}\.db$")


def daftar(db_path: Path) -> list[Cadangan]:
    """The backups of this database file, newest first."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    pola = _pola(db_path)
    found = []
    for path in folder.iterdir():
        match = pola.match(path.name)
        if match is None or not path.is_file():
            continue
        waktu = dt.datetime.strptime(match["stamp"], STAMP_FORMAT)
        found.append(Cadangan(path, match["alasan"], waktu, path.stat().st_size))
    return sorted(found, key=lambda c: c.waktu, reverse=True)


def buat(db_path: Path, alasan: str, tujuan: Path | None = None) -> Path:
    """An online backup into the backup folder (or into ``tujuan``, a file chosen by the user)."""
    if tujuan is None:
        folder = make_private_folder(backup_folder(db_path))
        remove_stale_temp(folder)
        stamp = dt.datetime.now().strftime(STAMP_FORMAT)
        tujuan = folder / f"{db_path.stem}-{alasan}-{stamp}.db"
    else:
        tujuan.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temp(tujuan.parent)
    # Written under a temporary name and renamed once whole: an existing file of that name is
    # replaced in one step, never merged into nor left half-written.
    return whole_copy(db_path, tujuan)


def buang_lama(db_path: Path, simpan: int, alasan: str = ALASAN_HARIAN) -> list[Path]:
    """Keep the newest ``simpan`` backups of this kind; returns the files removed."""
    lama = [c for c in daftar(db_path) if c.alasan == alasan][max(simpan, 1):]
    for cadangan in lama:
        cadangan.path.unlink(missing_ok=True)
    return [c.path for c in lama]


def _periksa_kepala(path: Path) -> int:
    """Check the 100-byte header and the length; returns the file's size."""
    if not path.is_file():
        raise CadanganTidakValid(_("Berkas '{berkas}' tidak ditemukan.").format(berkas=path))
    ukuran = path.stat().st_size
    with path.open("rb") as f:
        kepala = f.read(HEADER_SIZE)
    if len(kepala) < HEADER_SIZE or not kepala.startswith(SQLITE_MAGIC):
        raise CadanganTidakValid(
            _("Berkas '{berkas}' bukan basis data SQLite (bukan berkas cadangan skpdesk).").format(
                berkas=path.name
            )
        )
    page_size = int.from_bytes(kepala[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(kepala[28:32], "big")
    # The in-header page count is trustworthy when its "valid-for" matches the change counter.
    if kepala[24:28] == kepala[92:96] and pages and ukuran < pages * page_size:
        raise CadanganTidakValid(
            _(
                "Berkas '{berkas}' terpotong: ukurannya {ada} bait, seharusnya {harus} bait. "
                "Salin ulang berkas cadangan itu dari sumbernya."
            ).format(berkas=path.name, ada=ukuran, harus=pages * page_size)
        )
    return ukuran


def periksa(path: Path, salinan: Path) -> InfoBerkas:
    """Verify a backup file through a private copy ``salinan`` (the original is never opened).

    SQLite would create -wal/-shm files beside the original, and a copy checked is the copy that
    gets restored: nothing can change between the check and the restore.
    """
    ukuran = _periksa_kepala(path)
    shutil.copyfile(path, salinan)
    try:
        conn = sqlite3.connect(str(salinan))
        try:
            hasil = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            if hasil != ["ok"]:
                raise CadanganTidakValid(
                    _("Berkas '{berkas}' rusak (pemeriksaan integritas: {rincian}).").format(
                        berkas=path.name, rincian="; ".join(map(str, hasil[:3]))
                    )
                )
            rows = conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            tabel = {r[0] for r in rows}
            kurang = [t for t in TABEL_WAJIB if t not in tabel]
            if kurang:
                raise CadanganTidakValid(
                    _("Berkas '{berkas}' bukan basis data skpdesk (tabel {tabel} tidak ada).")
                    .format(berkas=path.name, tabel=", ".join(kurang))
                )
            versi = conn.execute(
                f"SELECT MAX(version) FROM {SchemaVersion._meta.table_name}"
            ).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise CadanganTidakValid(
            _("Berkas '{berkas}' rusak dan tidak dapat dibaca ({rincian}).").format(
                berkas=path.name, rincian=exc
            )
        ) from exc
    if not versi:
        raise CadanganTidakValid(
            _("Berkas '{berkas}' tidak mencatat versi skema; bukan cadangan skpdesk.").format(
                berkas=path.name
            )
        )
    if int(versi) > CURRENT_VERSION:
        raise CadanganTidakValid(
            _(
                "Berkas '{berkas}' dibuat oleh skpdesk yang lebih baru (skema {versi}, aplikasi "
                "ini {kini}). Perbarui skpdesk terlebih dahulu."
            ).format(berkas=path.name, versi=versi, kini=CURRENT_VERSION)
        )
    return InfoBerkas(path=path, versi_skema=int(versi), ukuran=ukuran)


def folder_sementara(db_path: Path) -> tempfile.TemporaryDirectory[str]:
    """A scratch folder beside the database (same disk: no surprise from a full temp drive)."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    # A scratch file still locked by a virus scanner must not turn a done restore into an error.
    return tempfile.TemporaryDirectory(
        prefix=".pulihkan-", dir=db_path.parent, ignore_cleanup_errors=True
    )


def sisihkan(db_path: Path) -> Path | None:
    """Move a database that cannot be opened (and its -wal/-shm) into the backup folder, whole."""
    if not db_path.exists():
        return None
    folder = make_private_folder(backup_folder(db_path))
    stamp = dt.datetime.now().strftime(STAMP_FORMAT)
    tujuan = folder / f"{db_path.stem}-{ALASAN_RUSAK}-{stamp}.db"
    for akhiran in ("-wal", "-shm"):
        pendamping = db_path.with_name(db_path.name + akhiran)
        if pendamping.exists():
            pendamping.replace(tujuan.with_name(tujuan.name + akhiran))
    db_path.replace(tujuan)
    return tujuan


def ganti_isi(db_path: Path, terperiksa: Path) -> None:
    """Put a verified copy's content into the database file, in one step.

    The backup API writes into the live file under SQLite's own locking, so the WAL and any
    other open connection stay consistent; a plain file copy over a WAL database would not.
    """
    online_copy(terperiksa, db_path)
