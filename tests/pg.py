"""A throwaway PostgreSQL cluster for the test suite (``SKPDESK_TEST_PG=1``, ``make test-pg``).

``initdb`` into a temporary folder, ``pg_ctl`` on a free loopback port with the unix socket in
that folder, durability off (the data dies with the run). Every test gets its own database,
copied from a template (``CREATE DATABASE … TEMPLATE``), which takes milliseconds.

PostgreSQL refuses to run as root: as root the cluster runs as the ``postgres`` user.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENV_SWITCH = "SKPDESK_TEST_PG"
SUPERUSER = "postgres"
# Debian keeps the server programs per major version, off PATH.
DEBIAN_BIN = "/usr/lib/postgresql/*/bin"


def aktif() -> bool:
    """Whether this run is against PostgreSQL."""
    return os.environ.get(ENV_SWITCH, "") not in ("", "0")


def _program(name: str) -> str:
    """The newest Debian server's program, else the one on PATH."""
    folders = sorted(glob.glob(DEBIAN_BIN), key=lambda f: int(Path(f).parent.name), reverse=True)
    for folder in folders:
        candidate = Path(folder) / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise RuntimeError(f"{name} (PostgreSQL) not found; install Debian's postgresql package")
    return found


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """One cluster: start, databases by template, stop."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="skpdesk-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._runas: list[str] = []
        if os.geteuid() == 0:
            user = pwd.getpwnam(SUPERUSER)
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self._runas = ["runuser", "-u", SUPERUSER, "--"]
        self._n = 0

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self._runas, *args], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            log = self.root / "log"
            detail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{Path(args[0]).name} failed: {done.stderr.strip()}\n{detail}")

    def start(self) -> None:
        # Collation C: text sorts by code point, as SQLite's BINARY does.
        self._run(_program("initdb"), "-D", str(self.data), "-U", SUPERUSER, "-A", "trust",
                  "-E", "UTF8", "--locale=C", "--no-sync")
        options = " ".join([
            "-c listen_addresses=127.0.0.1", f"-c port={self.port}",
            f"-c unix_socket_directories={self.root}",
            # Nothing here has to survive a crash.
            "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off",
            "-c max_connections=50",
        ])
        self._run(_program("pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"),
                  "-o", options, "-w", "start")

    def stop(self) -> None:
        try:
            self._run(_program("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, name: str) -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{name}"

    def sql(self, statement: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE need that)."""
        import psycopg2

        conn = psycopg2.connect(host="127.0.0.1", port=self.port, user=SUPERUSER,
                                dbname="postgres")
        try:
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute(statement)
        finally:
            conn.close()

    def create(self, name: str, template: str = "template0") -> str:
        self.sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return self.url(name)

    def baru(self, template: str) -> tuple[str, str]:
        """A new database copied from ``template``: its name and URL."""
        self._n += 1
        name = f"t_{self._n}"
        return name, self.create(name, template)

    def drop(self, name: str) -> None:
        self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- the run's cluster -------------------------------------------------------------------------

# The migrated empty database every ``fresh_db`` is copied from.
TEMPLAT_KOSONG = "kosong"

_cluster: Cluster | None = None
# An office built once "into a file" (tests/helpers.py ``berkas_kantor``) is, on PostgreSQL,
# a template database; the file's path names it.
_templat: dict[str, str] = {}


def mulai() -> Cluster:
    global _cluster
    started = Cluster()
    try:
        started.start()
    except BaseException:
        shutil.rmtree(started.root, ignore_errors=True)
        raise
    _cluster = started
    return _cluster


def selesai() -> None:
    global _cluster
    if _cluster is not None:
        _cluster.stop()
        _cluster = None
    _templat.clear()


def cluster() -> Cluster:
    if _cluster is None:
        raise RuntimeError("the PostgreSQL cluster is not running (session fixture _pg_cluster)")
    return _cluster


def templat_untuk(path: os.PathLike[str] | str) -> str:
    """The template database that stands for a built office file."""
    key = str(path)
    if key not in _templat:
        _templat[key] = f"tmpl_{len(_templat) + 1}"
    return _templat[key]


@contextmanager
def salinan(template: str) -> Iterator[str]:
    """A database of its own copied from ``template`` while the block runs; yields its URL."""
    name, url = cluster().baru(template)
    try:
        yield url
    finally:
        cluster().drop(name)


# --- a cluster whatever the switch: the office-server tests -------------------------------------

# A role that logs in with a password over TCP (scram-sha-256), the way an office server is set
# up; every other connection of the throwaway cluster is trusted.
PERAN_SANDI = "pengguna_sandi"
SANDI_PERAN = "s@ndi:rahasia/1"


def dengan_sandi(c: Cluster) -> None:
    """Make ``PERAN_SANDI`` log in with its password (pg_hba.conf's first matching line wins)."""
    hba = c.data / "pg_hba.conf"
    line = f"host all {PERAN_SANDI} 127.0.0.1/32 scram-sha-256\n"
    text = hba.read_text()
    if line not in text:
        hba.write_text(line + text)
    c.sql(f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{PERAN_SANDI}') "
          f"THEN CREATE ROLE {PERAN_SANDI} LOGIN; END IF; END $$")
    c.sql("SET password_encryption = 'scram-sha-256'; "
          f"ALTER ROLE {PERAN_SANDI} PASSWORD '{SANDI_PERAN}'")
    c.sql("SELECT pg_reload_conf()")


def hak_aplikasi(c: Cluster, dbname: str, role: str, *, segel: bool = True) -> None:
    """The README's grants for the app's role, as the owner runs them after ``server siapkan``:
    rows only, and of the history only adding and sealing (no UPDATE of its content, no
    DELETE). ``segel=False`` for a schema from before the seal columns."""
    import psycopg2

    seal = (f"GRANT UPDATE (hash_sebelum, hash_isi, hash, kunci, tanda_tangan) ON riwayat "
            f"TO {role};") if segel else ""
    conn = psycopg2.connect(host="127.0.0.1", port=c.port, user=SUPERUSER, dbname=dbname)
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(f"""
                REVOKE CREATE ON SCHEMA public FROM PUBLIC;
                GRANT CONNECT ON DATABASE "{dbname}" TO {role};
                GRANT USAGE ON SCHEMA public TO {role};
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
                REVOKE UPDATE, DELETE ON riwayat FROM {role};
                {seal}
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
            """)
    finally:
        conn.close()
