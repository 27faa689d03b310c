"""The process around a windowed Windows build: standard streams and child processes.

A windowed (``console=False``) PyInstaller build, like ``pythonw``, starts with ``sys.stdout``
and ``sys.stderr`` set to None: ``print`` then does nothing, but ``sys.stdout.write`` (the CLI's
``out=sys.stdout``, logging.StreamHandler, faulthandler) raises. ``pastikan_aliran`` puts
os.devnull in their place. Child processes of such an app (LibreOffice for PDF) open a console
window of their own on Windows unless created with CREATE_NO_WINDOW: ``tanpa_jendela()``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any


def pastikan_aliran() -> list[str]:
    """Replace a None stdin/stdout/stderr by os.devnull; returns the names replaced."""
    diganti = []
    for nama, mode in (("stdin", "r"), ("stdout", "w"), ("stderr", "w")):
        if getattr(sys, nama) is None:
            setattr(sys, nama, open(os.devnull, mode, encoding="utf-8"))  # noqa: SIM115
            diganti.append(nama)
    return diganti


def tanpa_jendela(platform: str | None = None) -> dict[str, Any]:
    """Keyword arguments for subprocess.run/Popen: no console window flashing on Windows."""
    if (platform or sys.platform) == "win32":
        # The constant exists only on Windows; its value is fixed by the Win32 API.
        return {"creationflags": getattr(subprocess, "CREATE_NO_WINDOW", 0x08000000)}
    return {}
