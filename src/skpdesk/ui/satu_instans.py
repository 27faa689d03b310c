"""One skpdesk per database: a second start hands over to the first and brings its window forward.

A lock file decides, atomically, which process is first (QLockFile also clears the lock of a
crashed process); the first then listens on a local socket (a named pipe on Windows) through
which later starts ask it to show its window.

For a SQLite file the lock lives beside the file (``skpdesk.db.lock``), so that any second
process on that file is caught, whoever runs it and whatever its temp folder. For a server URL
it lives in the user's temp folder, keyed by the user and the URL: many laptops on one server
is the point. The socket is keyed by a hash of the user and of the database either way.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

from PySide6.QtCore import QDir, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

PESAN_TAMPILKAN = b"tampilkan\n"
JAWABAN_OK = b"ok\n"
TUNGGU_MS = 1000
PERCOBAAN = 10  # the first may still be starting (opening the database): wait a little
JEDA_S = 0.3


def kunci(target: str) -> str:
    """A short, stable name for a database target (file path or URL) and the current user."""
    if "://" not in target:
        target = os.path.normcase(str(Path(target).expanduser().resolve()))
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in a stripped-down environment
        user = ""
    digest = hashlib.sha256(f"{user}\n{target}".encode()).hexdigest()[:20]
    return f"skpdesk-{digest}"


def berkas_basis_data(target: str) -> Path | None:
    """The SQLite file a target names (a path or ``sqlite:///…``); None for a server URL."""
    if "://" not in target:
        return Path(target).expanduser().resolve()
    if target.startswith("sqlite:///"):
        name = urlparse(target).path[1:]
        return Path(name).expanduser().resolve() if name and name != ":memory:" else None
    return None


def berkas_kunci(target: str) -> str:
    """Where the lock of ``target`` lives: beside its SQLite file, else in the temp folder."""
    path = berkas_basis_data(target)
    if path is None:
        return QDir(QDir.tempPath()).filePath(f"{kunci(target)}.lock")
    return str(path.with_name(path.name + ".lock"))


def izinkan_ke_depan() -> None:
    """Let the first instance's window come forward (Windows).

    Windows lets only the foreground process raise a window; this new process is in the
    foreground, and hands that right on before it asks.
    """
    if sys.platform == "win32":
        import ctypes

        ASFW_ANY = -1
        ctypes.windll.user32.AllowSetForegroundWindow(ASFW_ANY)


class SatuInstans(QObject):
    """Signals:
    diminta_tampil(): a second start on the same database asked this one to show its window.
    """

    diminta_tampil = Signal()

    def __init__(self, target: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.nama = kunci(target)
        self._kunci = self._buat_kunci(berkas_kunci(target))
        self._server: QLocalServer | None = None

    @staticmethod
    def _buat_kunci(path: str) -> QLockFile:
        lock = QLockFile(path)
        lock.setStaleLockTime(0)  # stale only when its process is gone
        return lock

    def mulai(self) -> bool:
        """True when this process is the first for the database (and now serves later starts)."""
        folder = Path(self._kunci.fileName()).parent
        folder.mkdir(parents=True, exist_ok=True)
        if not self._kunci.tryLock(0):
            if self._kunci.error() != QLockFile.LockError.PermissionError:
                return False
            # A folder we may read but not write: guard this user's starts at least.
            self._kunci = self._buat_kunci(QDir(QDir.tempPath()).filePath(f"{self.nama}.lock"))
            if not self._kunci.tryLock(0):
                return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # We hold the lock, so a leftover socket can only be from a crashed process.
        QLocalServer.removeServer(self.nama)
        if server.listen(self.nama):
            server.newConnection.connect(self._on_server_newConnection)
            self._server = server
        return True

    def minta_tampil(self) -> bool:
        """Ask the first process to show its window; False when it did not answer."""
        izinkan_ke_depan()
        for _i in range(PERCOBAAN):
            socket = QLocalSocket()
            socket.connectToServer(self.nama)
            if socket.waitForConnected(TUNGGU_MS):
                socket.write(PESAN_TAMPILKAN)
                socket.waitForBytesWritten(TUNGGU_MS)
                answered = socket.waitForReadyRead(TUNGGU_MS) and socket.readAll().data()
                socket.disconnectFromServer()
                return answered == JAWABAN_OK
            socket.abort()
            time.sleep(JEDA_S)  # the first holds the lock but does not listen yet
        return False

    def pemegang(self) -> str:
        """The computer whose skpdesk holds the lock ("" when unknown)."""
        info = self._kunci.getLockInfo()
        # PySide6 returns (pid, hostname, appname); older bindings put an ok flag first.
        if isinstance(info, tuple) and len(info) >= 3:
            return str(info[-2] or "")
        return ""

    def selesai(self) -> None:
        if self._server is not None:
            self._server.close()
        self._kunci.unlock()

    def _on_server_newConnection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(self._on_socket_readyRead)

    def _on_socket_readyRead(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket) or not socket.canReadLine():
            return
        if bytes(socket.readLine().data()) == PESAN_TAMPILKAN:
            socket.write(JAWABAN_OK)
            socket.flush()
            self.diminta_tampil.emit()
