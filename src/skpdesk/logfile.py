"""The log file in the per-user data folder, rotated so that it never grows without bound."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from skpdesk.store.database import data_dir

LOG_FOLDER = "log"
LOG_NAME = "skpdesk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5  # skpdesk.log.1 … .5: a few weeks of an office's use
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"

_handler: RotatingFileHandler | None = None


def log_path() -> Path:
    return data_dir() / LOG_FOLDER / LOG_NAME


def pasang(path: Path | None = None) -> Path:
    """Send skpdesk's log records to the rotating file; safe to call again (tests do)."""
    global _handler
    path = path or log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    if _handler is not None:
        if Path(_handler.baseFilename) == path.resolve():
            return path
        root.removeHandler(_handler)
        _handler.close()
    # delay: no file is opened (or locked, on Windows) until something is logged.
    _handler = RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    _handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(_handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    return path


def lepas() -> None:
    """Close the file (tests remove their folders afterwards)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
