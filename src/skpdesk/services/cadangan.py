"""Care of data: daily rolling backups, backup on request, and restore with a safety copy."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from skpdesk.domain.entitas import Entitas
from skpdesk.domain.kepegawaian import Peran
from skpdesk.i18n import _
from skpdesk.services.context import Aktor, catat, wajib_peran
from skpdesk.services.errors import LayananError
from skpdesk.store import cadangan as berkas
from skpdesk.store import database
from skpdesk.store.cadangan import Cadangan, CadanganTidakValid
from skpdesk.store.database import (
    DatabaseOpenError,
    backup_folder,
    close_database,
    is_url,
    open_database,
    resolve_target,
    sqlite_path,
)
from skpdesk.store.models import Akun, Pengaturan, db

log = logging.getLogger(__name__)

CADANGAN_BAWAAN = 14  # the schema's default, used before the office is set up


class PulihkanGagal(LayananError):
    """The file was refused; nothing was replaced."""


@dataclass(frozen=True)
class HasilPulihkan:
    berkas: Path
    versi_skema: int
    cadangan_sebelumnya: Path | None  # the database as it was before; None if none


def path_basis_data() -> Path:
    """The open database's file; backups exist only for SQLite files."""
    path = sqlite_path(db.obj) if db.obj is not None else None
    if path is None:
        raise LayananError(
            _(
                "Cadangan dan pemulihan hanya untuk basis data berkas (SQLite). Server "
                "PostgreSQL dicadangkan oleh pengelola servernya."
            )
        )
    return path


def folder_cadangan() -> Path:
    return backup_folder(path_basis_data())


def daftar_cadangan() -> list[Cadangan]:
    return berkas.daftar(path_basis_data())


def jumlah_disimpan() -> int:
    setting = Pengaturan.select().first()
    return setting.cadangan_disimpan if setting is not None else CADANGAN_BAWAAN


def cadangkan_sekarang(aktor: Aktor | None, tujuan: Path | None = None) -> Path:
    """A backup on request: by the administrator in the UI, or (``aktor`` None) the command line.

    A backup changes nothing in the database, so it writes no history row.
    """
    if aktor is not None:
        wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    path = berkas.buat(path_basis_data(), berkas.ALASAN_MANUAL, tujuan)
    log.info("cadangan dibuat: %s", path)
    return path


def cadangan_harian(hari_ini: dt.date | None = None) -> Path | None:
    """At most one automatic backup a day, then keep the newest N (``Pengaturan``).

    Called at start-up, right after the integrity check passed, so a daily copy is always of a
    database known to be sound; the GUI calls it again now and then for sessions left open
    overnight. Returns the new file, or None when today's copy exists already.
    """
    path = sqlite_path(db.obj) if db.obj is not None else None
    if path is None or not path.exists():
        return None
    hari_ini = hari_ini or dt.date.today()
    for sisa in database.remove_stale_temp(backup_folder(path)):
        log.info("sisa cadangan yang terputus dibuang: %s", sisa)
    harian = [c for c in berkas.daftar(path) if c.alasan == berkas.ALASAN_HARIAN]
    baru = None
    if not any(c.waktu.date() == hari_ini for c in harian):
        baru = berkas.buat(path, berkas.ALASAN_HARIAN)
        log.info("cadangan harian: %s", baru)
    for lama in berkas.buang_lama(path, jumlah_disimpan()):
        log.info("cadangan lama dibuang: %s", lama)
    return baru


def periksa_berkas(sumber: Path) -> berkas.InfoBerkas:
    """Verify a file without touching the open database (for the UI's confirmation)."""
    with berkas.folder_sementara(path_basis_data()) as tmp:
        try:
            return berkas.periksa(Path(sumber), Path(tmp) / "periksa.db")
        except CadanganTidakValid as exc:
            raise PulihkanGagal(str(exc)) from exc


def _buka_untuk_pulihkan(path: Path) -> bool:
    """Whether the current file opens cleanly (then it can be backed up the online way)."""
    if not path.exists():
        return False
    current = sqlite_path(db.obj) if db.obj is not None else None
    if current is not None and current.resolve() == path.resolve() and not db.obj.is_closed():
        return True
    try:
        open_database(path)
    except DatabaseOpenError as exc:
        log.warning("basis data lama tidak dapat dibuka sebelum pemulihan: %s", exc)
        return False
    return True


def pulihkan(aktor: Aktor | None, sumber: Path, path: Path | None = None) -> HasilPulihkan:
    """Replace the database with a backup, after verifying it; the old one is kept as a backup.

    Order matters: verify a private copy, copy the current database aside, then put the verified
    copy in. A refusal at any step before the last leaves the database as it was. A current file
    that cannot be opened (the usual reason to restore) is moved aside whole instead of copied.
    The database is reopened (and migrated when the backup is older) before the history row.
    """
    if aktor is not None:
        wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    sumber = Path(sumber)
    path = path_basis_data() if path is None else Path(path)
    with berkas.folder_sementara(path) as tmp:
        salinan = Path(tmp) / "terperiksa.db"
        try:
            info = berkas.periksa(sumber, salinan)
        except CadanganTidakValid as exc:
            log.warning("pemulihan ditolak: %s", exc)
            raise PulihkanGagal(str(exc)) from exc
        if _buka_untuk_pulihkan(path):
            sebelumnya: Path | None = berkas.buat(path, berkas.ALASAN_SEBELUM_PULIHKAN)
            close_database()
            try:
                berkas.ganti_isi(path, salinan)
            finally:
                open_database(path)
        else:
            close_database()
            sebelumnya = berkas.sisihkan(path)
            berkas.ganti_isi(path, salinan)
            open_database(path)
    with db.atomic():
        # The restored data may not know the account that restored it.
        oleh = aktor
        if aktor is not None and not Akun.select().where(Akun.id == aktor.akun_id).exists():
            oleh = Aktor(akun_id=None, login=aktor.login, nama=aktor.nama)
        catat(
            oleh,
            Entitas.BASIS_DATA,
            path.name,
            "pulihkan",
            ke=sumber.name,
            catatan=_("Dipulihkan dari cadangan {berkas}.").format(berkas=sumber.name),
            rincian={
                "berkas": str(sumber),
                "versi_skema_berkas": info.versi_skema,
                "cadangan_sebelumnya": str(sebelumnya) if sebelumnya else None,
            },
        )
    log.info("basis data dipulihkan dari %s; sebelumnya disimpan di %s", sumber, sebelumnya)
    return HasilPulihkan(
        berkas=sumber, versi_skema=info.versi_skema, cadangan_sebelumnya=sebelumnya
    )


def _ukuran(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB".replace(".", ",") if n >= 100_000 else f"{n / 1000:.0f} kB"


def main_cli_backup(tujuan: str | None, *, out: TextIO, err: TextIO) -> int:
    """``skpdesk backup``: 0 with the file's path, 1 with the reason when nothing was written."""
    try:
        path = cadangkan_sekarang(None, Path(tujuan) if tujuan else None)
    except (LayananError, OSError, sqlite3.Error) as exc:
        print(_("Cadangan gagal: {alasan}").format(alasan=exc), file=err)
        return 1
    print(
        _("Cadangan dibuat: {path} ({ukuran}).").format(
            path=path, ukuran=_ukuran(path.stat().st_size)
        ),
        file=out,
    )
    return 0


def main_cli_restore(
    sumber: str, target: str | None, *, out: TextIO, err: TextIO
) -> int:
    """``skpdesk restore FILE``: 0 when restored; 1, with nothing replaced, when refused.

    The current database is not opened first: it may be the damaged file being replaced.
    """
    resolved = resolve_target(target)
    if is_url(resolved) and not resolved.startswith("sqlite:///"):
        print(_("Pemulihan hanya untuk basis data berkas (SQLite)."), file=err)
        return 1
    path = Path(resolved.removeprefix("sqlite:///"))
    try:
        hasil = pulihkan(None, Path(sumber), path)
    except PulihkanGagal as exc:
        print(str(exc), file=err)
        print(_("Tidak ada yang diganti; basis data tetap seperti semula."), file=err)
        return 1
    except (LayananError, OSError, sqlite3.Error) as exc:
        print(_("Pemulihan gagal: {alasan}").format(alasan=exc), file=err)
        return 1
    print(
        _("Basis data dipulihkan dari {berkas} (skema {versi}).").format(
            berkas=hasil.berkas, versi=hasil.versi_skema
        ),
        file=out,
    )
    if hasil.cadangan_sebelumnya is not None:
        print(
            _("Basis data sebelumnya disimpan sebagai {lama}.").format(
                lama=hasil.cadangan_sebelumnya
            ),
            file=out,
        )
    return 0
