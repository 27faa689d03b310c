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
    resolve_target,
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
    "resolve_target",
]


def lepaskan() -> None:
    """Close the database and unbind the models, so nothing reads the file by mistake."""
    close_database()
    db.initialize(None)
