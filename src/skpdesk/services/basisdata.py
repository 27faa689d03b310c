"""The database as the UI sees it: open, describe and close it, where the data lives, and
the names of the backup reasons. The UI imports these from here, never from ``store``."""

from __future__ import annotations

from skpdesk.store.cadangan import (
    ALASAN_HARIAN,
    ALASAN_MANUAL,
    ALASAN_RUSAK,
    ALASAN_SEBELUM_PULIHKAN,
    Cadangan,
)
from skpdesk.store.database import (
    DatabaseOpenError,
    close_database,
    data_dir,
    describe,
    open_database,
    periksa_berkas,
    pesan_rusak,
    resolve_target,
    sqlite_path,
)
from skpdesk.store.models import db

__all__ = [
    "ALASAN_HARIAN",
    "ALASAN_MANUAL",
    "ALASAN_RUSAK",
    "ALASAN_SEBELUM_PULIHKAN",
    "Cadangan",
    "DatabaseOpenError",
    "close_database",
    "data_dir",
    "describe",
    "lepaskan",
    "open_database",
    "periksa_penuh",
    "resolve_target",
]


def lepaskan() -> None:
    """Close the database and unbind the models, so nothing reads the file by mistake."""
    close_database()
    db.initialize(None)


def periksa_penuh() -> str | None:
    """The full integrity check of the open SQLite file, on its own read-only connection
    (safe on a worker thread): None when sound (or on a server), else the message a failed
    check at opening gives."""
    path = sqlite_path(db.obj) if db.obj is not None else None
    if path is None or not path.exists():
        return None
    result = periksa_berkas(path)
    return None if result == "ok" else pesan_rusak(str(path), result)
