"""The system libraries Qt needs on Linux are the ones scripts/bootstrap.sh installs.

``make run`` on a fresh Debian machine with a display loads Qt's xcb platform plugin; a library
it links that the bootstrap does not install aborts the start ("Could not load the Qt platform
plugin xcb"). This compares scripts/pustaka-qt.txt with what the plugin and Qt's libraries link
(``ldd``) and the Debian package of each library (``dpkg -S``).
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import PySide6
import pytest

ROOT = Path(__file__).resolve().parent.parent
DAFTAR = ROOT / "scripts" / "pustaka-qt.txt"
QT = Path(PySide6.__file__).parent / "Qt"
# The xcb platform plugin, the library it is built on, and what every window needs.
PUSTAKA = [
    "plugins/platforms/libqxcb.so",
    "plugins/platforms/libqoffscreen.so",
    "lib/libQt6XcbQpa.so.6",
    "lib/libQt6Gui.so.6",
    "lib/libQt6Widgets.so.6",
    "lib/libQt6DBus.so.6",
]
# Libraries of the display stack: each one's package must be on the list. The rest (libc,
# compression, ICU inside the wheel…) come with every Debian system or with those packages.
TAMPILAN = re.compile(r"^lib(xcb|X|xkbcommon|EGL|GL|fontconfig|freetype|dbus|glib|gthread)")


def _daftar() -> set[str]:
    lines = DAFTAR.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def _tautan() -> dict[str, str | None]:
    """Every library the Qt files link, by name: its resolved path, or None when not found."""
    found: dict[str, str | None] = {}
    for rel in PUSTAKA:
        out = subprocess.run(["ldd", str(QT / rel)], capture_output=True, text=True,
                             check=True).stdout
        for line in out.splitlines():
            m = re.match(r"\s*(\S+) => (not found|\S+)", line)
            if m:
                found[m.group(1)] = None if m.group(2) == "not found" else m.group(2)
    return found


def _paket(path: str) -> str | None:
    """The Debian package that owns a library file (under /lib or /usr/lib: merged /usr)."""
    candidates = [path, os.path.realpath(path)]
    for c in list(candidates):
        if c.startswith("/lib/"):
            candidates.append("/usr" + c)
        elif c.startswith("/usr/lib/"):
            candidates.append(c[len("/usr"):])
    for c in candidates:
        done = subprocess.run(["dpkg", "-S", c], capture_output=True, text=True)
        if done.returncode == 0:
            return done.stdout.split(":", 1)[0].strip()
    return None


def test_every_library_qt_links_is_present():
    missing = sorted(name for name, path in _tautan().items() if path is None)
    assert not missing, (
        f"Qt cannot load {missing}: add their Debian packages to {DAFTAR.name} "
        "(apt-file search NAME) and run scripts/bootstrap.sh"
    )


def test_the_display_libraries_come_from_the_packages_the_bootstrap_installs():
    listed = _daftar()
    unlisted = {}
    for name, path in _tautan().items():
        if path is None or "PySide6" in path or not TAMPILAN.match(name):
            continue
        package = _paket(path)
        assert package is not None, f"{path}: no Debian package owns it"
        if package.split(":")[0] not in listed:
            unlisted[name] = package
    assert not unlisted, f"linked by Qt but not in {DAFTAR.name}: {unlisted}"


@pytest.mark.parametrize("package", sorted(_daftar()))
def test_every_listed_package_exists_in_debian_and_is_installed(package):
    done = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package],
                          capture_output=True, text=True)
    assert "install ok installed" in done.stdout, (
        f"{package} is listed in {DAFTAR.name} but not installed: run scripts/bootstrap.sh")
