"""Is a path on a network share? A SQLite file there is refused: WAL needs shared memory and
byte-range locks that SMB and NFS do not give reliably, so two laptops would corrupt it."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterable

# Mount types that put the file on another machine. 9p and virtiofs are left out: they are a
# virtual machine's view of its own host's disk (WSL, containers), not a LAN share.
JENIS_JARINGAN = frozenset({
    "cifs", "smb3", "smbfs", "nfs", "nfs4", "afs", "ncpfs", "davfs", "fuse.sshfs", "sshfs",
    "fuse.smbnetfs", "fuse.davfs2", "glusterfs", "fuse.glusterfs", "ceph", "fuse.ceph", "lustre",
})
DRIVE_REMOTE = 4  # GetDriveTypeW

Mount = tuple[str, str]  # (mount point, fstype)


def _unescape(field: str) -> str:
    # /proc/self/mounts writes a space as \040, a tab as \011 and so on.
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def baca_mounts() -> list[Mount]:
    """The mounted file systems: /proc/self/mounts on Linux, `mount` on macOS and BSD."""
    # No /proc on macOS and BSD: `mount` below answers there.
    with contextlib.suppress(OSError), open("/proc/self/mounts", encoding="utf-8",
                                            errors="replace") as f:
        return [(_unescape(p[1]), p[2]) for line in f if len(p := line.split()) >= 3]
    try:
        out = subprocess.run(["mount"], capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found = []
    for line in out.splitlines():
        m = re.match(r"^.+? on (.+) \(([^,)]+)", line)
        if m:
            found.append((m.group(1), m.group(2).strip()))
    return found


def jenis_drive(root: str) -> int:
    """Windows' drive type of ``root`` (``"Z:\\"``); 0 (unknown) elsewhere."""
    if sys.platform != "win32":
        return 0
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))


def _unc(text: str) -> bool:
    s = text.replace("/", "\\")
    if s.upper().startswith("\\\\?\\UNC\\"):
        return True
    if s.startswith(("\\\\?\\", "\\\\.\\")):  # a long local path or a device
        return False
    return s.startswith("\\\\") and len(s) > 2 and s[2] != "\\"


def _drive(text: str) -> str | None:
    s = text.replace("/", "\\")
    if s.startswith(("\\\\?\\", "\\\\.\\")):
        s = s[4:]
    if len(s) >= 2 and s[1] == ":" and s[0].isalpha():
        return s[0].upper()
    return None


def _mount_of(path: str, mounts: Iterable[Mount]) -> Mount | None:
    """The mount holding ``path``: the longest mount point that is a whole-component prefix."""
    best: Mount | None = None
    for point, fstype in mounts:
        base = point.rstrip("/") or "/"
        inside = path == base or path.startswith(base + "/") or base == "/"
        if inside and (best is None or len(base) > len(best[0].rstrip("/") or "/")):
            best = (point, fstype)
    return best


def di_jaringan(
    path: str | os.PathLike[str],
    *,
    windows: bool | None = None,
    mounts: Callable[[], Iterable[Mount]] | None = None,
    drive_type: Callable[[str], int] | None = None,
) -> str | None:
    """Why ``path`` is on a network share (for the message), or None when it is local.

    The readers are parameters so that tests can fake a mounts table or a mapped drive.
    """
    text = os.fspath(path)
    windows = sys.platform == "win32" if windows is None else windows
    if _unc(text):
        return text
    if windows:
        if sys.platform == "win32" and _unc(os.path.realpath(text)):
            return text
        drive = _drive(text)
        if drive is None:
            return None
        # A mapped drive letter may also resolve to the UNC path of its share.
        if (drive_type or jenis_drive)(f"{drive}:\\") == DRIVE_REMOTE:
            return f"{drive}:"
        return None
    real = os.path.realpath(text)
    mount = _mount_of(real, (mounts or baca_mounts)())
    if mount is not None and mount[1].lower() in JENIS_JARINGAN:
        return f"{mount[0]} ({mount[1]})"
    return None
