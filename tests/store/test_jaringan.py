"""A SQLite file on a network share is refused (WAL is unsafe there); a local one opens."""

from __future__ import annotations

import pytest

from skpdesk.store import database, jaringan
from skpdesk.store.models import db

MOUNTS = [
    ("/", "ext4"),
    ("/mnt", "ext4"),
    ("/mnt/kantor", "cifs"),
    ("/mnt/kantor/lokal", "ext4"),  # a local disk mounted inside the share's folder
    ("/srv/nfs", "nfs4"),
    ("/home/lia/jauh", "fuse.sshfs"),
    ("/mnt/wsl c", "9p"),
]


def fake(path: str) -> str | None:
    return jaringan.di_jaringan(path, windows=False, mounts=lambda: MOUNTS)


@pytest.mark.parametrize("path", [
    r"\\server\berbagi\skpdesk.db", "//server/berbagi/skpdesk.db",
    r"\\?\UNC\server\berbagi\skpdesk.db",
])
def test_a_unc_path_is_a_network_share_on_any_system(path):
    assert jaringan.di_jaringan(path, windows=False, mounts=lambda: []) is not None
    assert jaringan.di_jaringan(path, windows=True, drive_type=lambda _root: 3) is not None


def test_the_longest_mount_point_decides():
    assert "cifs" in fake("/mnt/kantor/skpdesk.db")
    assert "nfs4" in fake("/srv/nfs/a/b/skpdesk.db")
    assert "sshfs" in fake("/home/lia/jauh/skpdesk.db")
    assert fake("/mnt/kantor/lokal/skpdesk.db") is None
    assert fake("/mnt/kantorku/skpdesk.db") is None  # a prefix of the name, not of the path
    assert fake("/home/lia/skpdesk.db") is None
    assert fake("/mnt/wsl c/skpdesk.db") is None  # WSL's view of its own host's disk


def test_a_mapped_network_drive_is_a_network_share():
    remote = {"Z": jaringan.DRIVE_REMOTE, "C": 3}
    seen = []

    def drive_type(root: str) -> int:
        seen.append(root)
        return remote[root[0]]

    assert jaringan.di_jaringan(r"Z:\kantor\skpdesk.db", windows=True,
                                drive_type=drive_type) == "Z:"
    assert jaringan.di_jaringan(r"c:\Users\lia\skpdesk.db", windows=True,
                                drive_type=drive_type) is None
    assert seen == ["Z:\\", "C:\\"]


def test_escaped_mount_points_are_read(monkeypatch, tmp_path):
    table = tmp_path / "mounts"
    table.write_text("//srv/b /mnt/kantor\\040bersama cifs rw 0 0\n/dev/sda1 / ext4 rw 0 0\n")
    real_open = open
    monkeypatch.setattr("builtins.open", lambda p, *a, **k: real_open(
        table if p == "/proc/self/mounts" else p, *a, **k))
    assert ("/mnt/kantor bersama", "cifs") in jaringan.baca_mounts()


def test_opening_a_file_on_a_share_is_refused_with_the_way_forward(tmp_path, monkeypatch):
    monkeypatch.setattr(jaringan, "baca_mounts", lambda: [("/", "ext4"), (str(tmp_path), "smb3")])
    target = tmp_path / "kantor" / "skpdesk.db"
    with pytest.raises(database.DatabaseOpenError) as refused:
        database.open_database(target)
    message = str(refused.value)
    assert "folder jaringan" in message
    assert "Kantor dengan server" in message and "paket pertukaran" in message
    assert not target.exists() and not target.parent.exists()  # nothing was created there
    with pytest.raises(database.DatabaseOpenError):
        database.open_database(f"sqlite:///{target}")


def test_a_unc_path_is_refused_before_anything_is_created():
    with pytest.raises(database.DatabaseOpenError, match="folder jaringan"):
        database.connect("//server/berbagi/skpdesk.db")


def test_a_local_file_still_opens(tmp_path, monkeypatch):
    monkeypatch.setattr(jaringan, "baca_mounts", lambda: [("/", "ext4")])
    opened = database.open_database(tmp_path / "skpdesk.db")
    try:
        assert database.schema_version(opened) == database.CURRENT_VERSION
    finally:
        opened.close()
        db.initialize(None)
