"""Where the bundled resources (templates, sample files, icons) are, from source or frozen."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """``resources/`` at the top of the repository, or inside the PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(relative: str) -> Path:
    """The path of one resource, e.g. ``resource_path("contoh/daftar_pegawai.xlsx")``."""
    return resources_dir() / relative
