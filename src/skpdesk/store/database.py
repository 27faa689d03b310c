"""Opening the database: where it lives, SQLite pragmas, integrity check, schema migrations."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

import peewee as pw
import platformdirs
from playhouse import db_url
from playhouse import migrate as migrate_ops

from skpdesk import APP_NAME
from skpdesk.i18n import _
from skpdesk.store import jaringan, models, segel
from skpdesk.store.models import MODELS, SchemaVersion, db

ENV_URL = "SKPDESK_DATABASE_URL"
ENV_DATA_DIR = "SKPDESK_DATA_DIR"
DB_FILENAME = "skpdesk.db"
# The office server chosen in the first-run wizard: {"url": …}, readable by its user only.
SERVER_FILENAME = "server.json"

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    # Offices lose power; FULL keeps every committed operation through an outage.
    "synchronous": "full",
}

# A server that does not answer must not freeze the window: give up connecting after a few
# seconds, notice a dead link by TCP keepalives, stop a statement that waits too long (a row
# lock held by another client). A URL's own parameters win over these.
POSTGRES_PARAMS = {
    "connect_timeout": 5,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    # Unacknowledged data (a request sent into a dead Wi-Fi) is not covered by keepalives.
    "tcp_user_timeout": 20000,
    "options": "-c statement_timeout=30000",
}

Migration = Callable[[pw.Database], None]


def _ensure_columns(database: pw.Database, model: type[pw.Model], *names: str) -> None:
    """Add the model's columns that the table lacks.

    Steps are written as "make sure" rather than "add": a table created by an earlier step from
    the then-current model may already hold a column that a later step introduces.
    """
    present = {c.name for c in database.get_columns(model._meta.table_name)}
    migrator = migrate_ops.SchemaMigrator.from_database(database)
    ops = [
        migrator.add_column(model._meta.table_name, model._meta.fields[name].column_name,
                            model._meta.fields[name])
        for name in names
        if model._meta.fields[name].column_name not in present
    ]
    migrate_ops.migrate(*ops)


def _v2_skp_planning(database: pw.Database) -> None:
    """Schema 2: the SKP planning chain (SKP, RHK, IKI, ekspektasi, matriks peran hasil)."""
    _ensure_columns(database, models.Pengaturan, "opsi_alur")
    database.create_tables(
        [models.SKP, models.RencanaHasilKerja, models.IndikatorKinerja,
         models.EkspektasiPerilaku, models.PeranHasil],
        safe=True,
    )


def _v3_dokumen(database: pw.Database) -> None:
    """Schema 3: the archive of generated documents and their signed scans."""
    database.create_tables([models.Dokumen], safe=True)


def _v4_evaluasi(database: pw.Database) -> None:
    """Schema 4: evaluations per period, realisasi and bukti, capaian organisasi, keberatan."""
    _ensure_columns(database, models.Pengaturan, "periodisitas")
    database.create_tables(
        [models.Evaluasi, models.RealisasiIKI, models.BuktiDukung, models.UmpanBalikPerilaku,
         models.CapaianOrganisasi, models.CatatanPenilai, models.Keberatan],
        safe=True,
    )


def _pp46_isian(database: pw.Database) -> None:
    """PP 46/2011 kegiatan, tugas tambahan, kreativitas, perilaku; runs at any step number."""
    database.create_tables(
        [models.KegiatanPP46, models.TugasTambahanPP46, models.KreativitasPP46,
         models.PerilakuPP46],
        safe=True,
    )


def _pengukuran_kinerja(database: pw.Database) -> None:
    """Perjanjian Kinerja, its quarterly measurement chain (SOP 003) and the capaian bands."""
    _ensure_columns(database, models.Pengaturan, "pita_capaian")
    database.create_tables(
        [models.PerjanjianKinerja, models.IndikatorPK, models.PengukuranKinerja,
         models.RealisasiPK],
        safe=True,
    )


def _v7_segel(database: pw.Database) -> None:
    """Schema 7: signed history (the seal columns), public keys, conflicts between laptops.

    Rows written before are chained and hashed here; an administrator's first login signs
    them (services/kunci.py).
    """
    _ensure_columns(database, models.Akun, "kunci_rahasia", "kunci_kantor")
    _ensure_columns(database, models.Riwayat, "hash_sebelum", "hash_isi", "hash", "kunci",
                    "tanda_tangan")
    database.create_tables([models.KunciPublik, models.RiwayatDisisihkan, models.Konflik],
                           safe=True)
    segel.lindungi(database)
    segel.siapkan_nomor(database)
    segel.hash_riwayat_lama()


def _v8_nomor(database: pw.Database) -> None:
    """Schema 8: history numbers from a sequence on PostgreSQL (several clients write at once).

    SQLite needs nothing: its one writer at a time numbers the rows without a race.
    """
    segel.siapkan_nomor(database)


# Version N's step turns a version N-1 database into version N. A fresh database is created
# from the current models directly and stamped with CURRENT_VERSION.
MIGRATIONS: dict[int, Migration] = {
    2: _v2_skp_planning,
    3: _v3_dokumen,
    4: _v4_evaluasi,
    5: _pp46_isian,
    6: _pengukuran_kinerja,
    7: _v7_segel,
    8: _v8_nomor,
}
CURRENT_VERSION = 8


class DatabaseOpenError(Exception):
    """The database cannot be used; the message is for the person at the keyboard."""


def data_dir() -> Path:
    """Per-user data folder (``%LOCALAPPDATA%\\skpdesk`` on Windows), never the install folder."""
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) if override else platformdirs.user_data_path(APP_NAME, appauthor=False)
    return make_private_folder(path)


def make_owner_only(path: Path) -> None:
    """A SQLite file and its -wal/-shm readable by the owner only (POSIX 0600; SQLite gives the
    -wal/-shm it creates later the database file's mode)."""
    if os.name != "posix":
        return
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            os.chmod(file, 0o600)


def resolve_target(db_path: str | os.PathLike[str] | None = None) -> str:
    """``--db`` wins over ``SKPDESK_DATABASE_URL``, which wins over the office server saved by
    the first-run wizard, which wins over the per-user default file."""
    if db_path:
        return str(db_path)
    return os.environ.get(ENV_URL) or url_server_tersimpan() or str(data_dir() / DB_FILENAME)


def url_server_tersimpan() -> str | None:
    """The server URL the first-run wizard saved, or None (no file, or one unreadable)."""
    path = data_dir() / SERVER_FILENAME
    try:
        url = json.loads(path.read_text(encoding="utf-8")).get("url")
    except (OSError, ValueError, AttributeError):
        return None
    return url if isinstance(url, str) and url else None


def simpan_url_server(url: str) -> Path:
    """Remember the office server for the next start. The URL holds the password: the file
    is created for its owner only (0600; on Windows the profile folder is the user's own)."""
    path = data_dir() / SERVER_FILENAME
    temp = path.with_suffix(".tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump({"url": url}, f)
    os.chmod(temp, 0o600)  # the mode of os.open is masked by the umask
    os.replace(temp, path)
    return path


def tanpa_sandi(target: str) -> str:
    """A path or URL fit to show: a URL's password left out (messages, the status bar)."""
    parts = urlsplit(target)
    if not is_url(target) or parts.password is None:
        return target
    user, host = parts.netloc.rsplit("@", 1)
    return urlunsplit(parts._replace(netloc=f"{user.split(':', 1)[0]}@{host}"))


def tanpa_hak(exc: BaseException) -> bool:
    """Whether the server refused for lack of privilege (SQLSTATE 42501)."""
    orig = exc.args[0] if exc.args else None
    if getattr(orig, "pgcode", None) == "42501":
        return True
    text = str(exc).lower()
    return "permission denied" in text or "must be owner" in text


def _parse_url(target: str) -> dict:
    """playhouse.db_url's parameters, with the user and password URL-decoded (it leaves
    ``%40`` as it is); query options such as ``sslmode`` and ``connect_timeout`` pass on."""
    params = db_url.parse(target)
    for key in ("user", "password"):
        if isinstance(params.get(key), str):
            params[key] = unquote(params[key])
    return params


def is_url(target: str) -> bool:
    return "://" in target


class BasisDataSibukError(pw.OperationalError):
    """Another process holds the write lock past the busy timeout (SQLite), or a lock wait
    or statement ran out of time (PostgreSQL). Nothing of the operation was written."""


class KoneksiTerputusError(pw.OperationalError):
    """The connection to the database server is gone; the next call connects again."""


# The classes raised, replaced by services/errors.py with its LayananError subclasses so that
# every screen shows them as refusals; this layer cannot import services.
_galat: dict[str, type[pw.OperationalError]] = {
    "sibuk": BasisDataSibukError,
    "terputus": KoneksiTerputusError,
}


def pakai_galat(sibuk: type[BasisDataSibukError], terputus: type[KoneksiTerputusError]) -> None:
    """Raise these subclasses instead of the plain ones."""
    _galat["sibuk"] = sibuk
    _galat["terputus"] = terputus


def pesan_sibuk() -> str:
    return _("Basis data sedang dipakai proses lain dan belum bisa ditulis. Tunggu sebentar "
             "lalu coba lagi.")


def pesan_terputus() -> str:
    return _("Sambungan ke server basis data terputus. Periksa jaringan kantor, lalu coba lagi.")


def _asal(exc: BaseException) -> BaseException:
    """The driver's exception behind peewee's wrapper."""
    if exc.args and isinstance(exc.args[0], BaseException):
        return exc.args[0]
    return exc.__cause__ or exc.__context__ or exc


SQLITE_BUSY = 5


def _sqlite_sibuk(exc: BaseException) -> bool:
    code = getattr(_asal(exc), "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF == SQLITE_BUSY
    text = str(exc)
    return "database is locked" in text or "database is busy" in text


class _Terjemah:
    """Turns the driver's "locked" and "connection lost" into our typed errors, at the few
    methods every statement and transaction boundary goes through."""

    def _terjemahkan(self, exc: pw.PeeweeException) -> Exception | None:
        """Our error for the driver's ``exc``, or None to let it through (each engine says)."""
        return None

    def _jaga(self, method: Callable[..., object], *args: object, **kwargs: object) -> object:
        try:
            return method(*args, **kwargs)
        except (BasisDataSibukError, KoneksiTerputusError):
            raise
        except (pw.OperationalError, pw.InterfaceError) as exc:
            translated = self._terjemahkan(exc)
            if translated is None:
                raise
            raise translated from exc

    def execute_sql(self, sql: str, params: object = None) -> object:
        return self._jaga(super().execute_sql, sql, params)  # type: ignore[misc]

    def begin(self, *args: object, **kwargs: object) -> object:
        return self._jaga(super().begin, *args, **kwargs)  # type: ignore[misc]

    def commit(self) -> object:
        return self._jaga(super().commit)  # type: ignore[misc]


class SqliteDatabase(_Terjemah, segel.KaitCommit, pw.SqliteDatabase):
    """SQLite that seals the history rows of a transaction as it commits.

    The outermost transaction begins IMMEDIATE: it takes the write lock at BEGIN, where the
    busy timeout waits for another process to finish. A DEFERRED transaction starts as a
    reader, and its upgrade to writer fails at once when someone else writes meanwhile.
    Readers that must never take the lock use ``transaksi_baca``.
    """

    def __init__(self, database: str, **kwargs: object) -> None:
        kwargs.setdefault("lock_type", "IMMEDIATE")
        super().__init__(database, **kwargs)

    def _terjemahkan(self, exc: pw.PeeweeException) -> Exception | None:
        if isinstance(exc, pw.OperationalError) and _sqlite_sibuk(exc):
            return _galat["sibuk"](pesan_sibuk())
        return None


# SQLSTATEs: a lock or statement that ran out of time, a deadlock: try again later.
PG_SIBUK = {"57014", "55P03", "40P01"}
# The server went away: administrator or crash shutdown, not accepting connections.
PG_TERPUTUS = {"57P01", "57P02", "57P03"}


class PostgresqlDatabase(_Terjemah, segel.KaitCommit, pw.PostgresqlDatabase):
    """PostgreSQL that seals the history rows of a transaction as it commits.

    A lost connection is reported (``KoneksiTerputusError``), never retried here: a
    transaction that lost its connection was rolled back by the server, and replaying it
    silently could apply half of what the person saw. The dead connection is dropped, so the
    next call connects again.
    """

    def _putus(self) -> bool:
        conn = self._state.conn
        return conn is None or bool(getattr(conn, "closed", 0))

    def _terjemahkan(self, exc: pw.PeeweeException) -> Exception | None:
        code = getattr(_asal(exc), "pgcode", None)
        if code in PG_SIBUK:
            return _galat["sibuk"](pesan_sibuk())
        if code in PG_TERPUTUS or (code or "").startswith("08") or self._putus():
            self._lepas_koneksi()
            return _galat["terputus"](pesan_terputus())
        return None

    def _lepas_koneksi(self) -> None:
        conn = self._state.conn
        if conn is not None:
            # Closing a connection that is already gone may complain; it is gone either way.
            with contextlib.suppress(Exception):
                conn.close()
        # Inside a transaction the state is reset by its rollback (below).
        if not self.in_transaction():
            self._state.reset()

    def rollback(self) -> object:
        if self._putus():
            # The server rolled back when the connection died: nothing left to undo here.
            segel.sesudah_rollback()
            self._state.reset()
            return None
        return super().rollback()


def transaksi_baca(database: pw.Database | pw.DatabaseProxy | None = None) -> pw._atomic:
    """A transaction that only reads: on SQLite DEFERRED, so that it never waits for or takes
    the write lock (the background check holds one for a long time); elsewhere a plain one."""
    database = models.db if database is None else database
    engine = database.obj if isinstance(database, pw.DatabaseProxy) else database
    if isinstance(engine, pw.SqliteDatabase):
        return database.atomic(lock_type="DEFERRED")
    return database.atomic()


def _postgres_params(target: str) -> dict:
    return {**POSTGRES_PARAMS, **_parse_url(target)}


def _tolak_jaringan(path: Path) -> None:
    where = jaringan.di_jaringan(path)
    if where is None:
        return
    raise DatabaseOpenError(
        _(
            "Berkas basis data '{path}' ada di folder jaringan ({where}). SQLite tidak aman "
            "dipakai bersama lewat jaringan: berkasnya bisa rusak. Untuk bekerja bersama, "
            "pakai \"Basis data kantor di server\" (README, bagian \"Kantor dengan server\") "
            "atau kirim paket pertukaran (README, bagian \"Bekerja di beberapa laptop\"), dan "
            "simpan berkas basis data di disk laptop ini."
        ).format(path=path, where=where)
    )


def connect(target: str) -> pw.Database:
    """A peewee database for a file path or a URL (``sqlite:///…``, ``postgresql://…``).

    A SQLite file on a network share is refused (``DatabaseOpenError``).
    """
    if is_url(target):
        if target.startswith(("postgres://", "postgresql://")):
            params = _postgres_params(target)
            return PostgresqlDatabase(params.pop("database"), **params)
        params = _parse_url(target)
        if target.startswith("sqlite"):
            name = params.pop("database")
            if name != ":memory:":
                _tolak_jaringan(Path(name))
            return SqliteDatabase(name, pragmas=SQLITE_PRAGMAS, **params)
        return db_url.connect(target)
    path = Path(target).expanduser()
    _tolak_jaringan(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS)


def sqlite_path(database: pw.Database) -> Path | None:
    if isinstance(database, pw.SqliteDatabase) and database.database != ":memory:":
        return Path(database.database)
    return None


def describe(database: pw.Database) -> str:
    """Short description for the status bar: the file, or the server without its password."""
    path = sqlite_path(database)
    if path is not None:
        return str(path)
    if isinstance(database, pw.SqliteDatabase):
        return _("basis data sementara (memori)")
    params = database.connect_params
    return f"{type(database).__name__}: {params.get('host', 'localhost')}/{database.database}"


def integrity_check(database: pw.Database, *, penuh: bool = True) -> str:
    """``"ok"`` or SQLite's first complaint; other engines look after themselves.

    ``penuh`` False runs ``quick_check``: the pages and rows without matching every index to
    its table, a tenth of the time on a large file (what opening runs; the full check follows
    the daily backup in the background, ``periksa_berkas``).
    """
    if not isinstance(database, pw.SqliteDatabase):
        return "ok"
    pragma = "integrity_check" if penuh else "quick_check"
    rows = database.execute_sql(f"PRAGMA {pragma}").fetchall()
    return "; ".join(str(r[0]) for r in rows[:5])


def periksa_berkas(path: Path) -> str:
    """The full integrity check of a SQLite file on a connection of its own (read-only), so
    that it may run on a worker thread: ``"ok"`` or SQLite's first complaint."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        return "; ".join(str(r[0]) for r in rows[:5])
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        conn.close()


def pesan_rusak(target: str, detail: str) -> str:
    """What a failed integrity check tells the person: the same at opening and afterwards."""
    return _(
        "Basis data '{target}' rusak ({detail}). Jangan lanjut bekerja: pulihkan dari "
        "cadangan terakhir atau hubungi pengelola kepegawaian."
    ).format(target=target, detail=detail)


def schema_version(database: pw.Database) -> int:
    if not database.table_exists(SchemaVersion._meta.table_name):
        return 0
    row = database.execute_sql(
        f"SELECT MAX(version) FROM {SchemaVersion._meta.table_name}"
    ).fetchone()
    return int(row[0] or 0)


BACKUP_FOLDER = "cadangan"


# A backup being written carries this prefix: no backup name matches it, so a copy killed midway
# is never listed, restored or counted as the day's copy; the next backup removes it.
TEMP_PREFIX = ".sedang-ditulis-"


def backup_folder(path: Path) -> Path:
    """Backups of a database file live in ``cadangan/`` beside it."""
    return path.parent / BACKUP_FOLDER


def make_private_folder(folder: Path) -> Path:
    """Create ``folder`` readable by its owner only (POSIX 0700; on Windows the ACL inherited
    from the per-user folder applies, see docs/sop.md)."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(folder, 0o700)
    return folder


def _fsync_folder(folder: Path) -> None:
    # A rename is durable only once the folder entry is on disk (POSIX; Windows cannot open one).
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_temp(folder: Path) -> list[Path]:
    """Remove backups left half-written by an interrupted copy; returns the files removed."""
    if not folder.is_dir():
        return []
    removed = []
    for path in folder.glob(TEMP_PREFIX + "*"):
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def whole_copy(source: Path, target: Path) -> Path:
    """An online copy that exists under ``target`` only once whole.

    Written to a temporary name in the same folder, flushed to disk, integrity-checked, made
    owner-only, then renamed in one step over ``target``.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f"{TEMP_PREFIX}{os.getpid()}-{target.name}")
    temp.unlink(missing_ok=True)
    try:
        online_copy(source, temp)
        conn = sqlite3.connect(str(temp))
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        finally:
            conn.close()
        if result != ["ok"]:
            raise sqlite3.DatabaseError(
                _("Salinan cadangan rusak (pemeriksaan integritas: {rincian}).").format(
                    rincian="; ".join(map(str, result[:3]))
                )
            )
        if os.name == "posix":
            os.chmod(temp, 0o600)
        with temp.open("rb+") as f:
            os.fsync(f.fileno())
        os.replace(temp, target)
        _fsync_folder(target.parent)
    finally:
        temp.unlink(missing_ok=True)
    return target


def online_copy(source: Path, target: Path) -> None:
    """SQLite's online backup: a consistent copy (WAL included) even while others write."""
    src = sqlite3.connect(str(source))
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def backup_copy(database: pw.Database, reason: str) -> Path | None:
    """Copy a SQLite database (WAL included) beside the data, for a migration or a restore."""
    path = sqlite_path(database)
    if path is None or not path.exists():
        return None
    folder = make_private_folder(backup_folder(path))
    remove_stale_temp(folder)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{reason}-{stamp}.db"
    return whole_copy(path, target)


def _create_fresh(database: pw.Database) -> None:
    with database.atomic():
        database.create_tables(MODELS)
        segel.lindungi(database)
        segel.siapkan_nomor(database)
        SchemaVersion.create(version=CURRENT_VERSION)


def migrate(
    database: pw.Database,
    migrations: dict[int, Migration] | None = None,
    current: int | None = None,
) -> Path | None:
    """Bring the schema to ``current``; the file is copied first. Returns the copy's path."""
    migrations = MIGRATIONS if migrations is None else migrations
    current = CURRENT_VERSION if current is None else current
    if not isinstance(database, pw.PostgresqlDatabase):
        return _migrate(database, migrations, current)
    # Laptops of one office may start together against the server: one migrates, the others
    # wait for it and then find the schema current.
    # Waiting for another laptop's migration, or one long step, is not a stuck statement.
    database.execute_sql("SET statement_timeout = 0")
    database.execute_sql("SELECT pg_advisory_lock(%s)", (KUNCI_MIGRASI,))
    try:
        return _migrate(database, migrations, current)
    finally:
        database.execute_sql("SELECT pg_advisory_unlock(%s)", (KUNCI_MIGRASI,))
        database.execute_sql("RESET statement_timeout")


# The PostgreSQL advisory lock held while one client migrates the office's schema.
KUNCI_MIGRASI = 0x736B7064  # "skpd"


def _migrate(database: pw.Database, migrations: dict[int, Migration], current: int) -> Path | None:
    found = schema_version(database)
    if found == 0:
        if database.get_tables():
            raise DatabaseOpenError(
                _("Berkas ini bukan basis data skpdesk (tidak ada versi skema).")
            )
        _create_fresh(database)
        return None
    if found > current:
        raise DatabaseOpenError(
            _(
                "Basis data ini dibuat oleh versi skpdesk yang lebih baru (skema {found}, "
                "aplikasi ini {current}). Perbarui skpdesk terlebih dahulu."
            ).format(found=found, current=current)
        )
    if found == current:
        return None
    copy = backup_copy(database, f"sebelum-skema-{found + 1}")
    for version in range(found + 1, current + 1):
        step = migrations.get(version)
        if step is None:
            raise DatabaseOpenError(
                _("Langkah migrasi ke skema {version} tidak ditemukan.").format(version=version)
            )
        with database.atomic():
            step(database)
            SchemaVersion.create(version=version)
    return copy


def open_database(
    target: str | os.PathLike[str] | None = None, *, check: bool = True, run_migrations: bool = True
) -> pw.Database:
    """Open, check and migrate the database, and bind every model to it."""
    resolved = resolve_target(target)
    database = connect(resolved)
    try:
        database.connect(reuse_if_open=True)
        result = integrity_check(database, penuh=False) if check else "ok"
    except pw.ImproperlyConfigured as exc:
        raise DatabaseOpenError(
            _("Driver PostgreSQL belum terpasang. Pasang paket skpdesk[postgres].")
        ) from exc
    except pw.OperationalError as exc:
        if isinstance(database, pw.PostgresqlDatabase):
            raise DatabaseOpenError(
                _(
                    "Server basis data {server} tidak dapat dihubungi. Periksa jaringan kantor "
                    "dan apakah server menyala, lalu coba lagi. ({error})"
                ).format(server=describe(database), error=str(exc).strip())
            ) from exc
        raise DatabaseOpenError(
            _("Basis data '{target}' tidak dapat dibuka: {error}").format(
                target=tanpa_sandi(resolved), error=exc
            )
        ) from exc
    # "file is not a database", "malformed", …; peewee does not wrap every sqlite3 error.
    except (pw.DatabaseError, sqlite3.DatabaseError) as exc:
        result = str(exc)
    if result != "ok":
        database.close()
        raise DatabaseOpenError(pesan_rusak(tanpa_sandi(resolved), result))
    file = sqlite_path(database)
    if file is not None:
        make_owner_only(file)
    db.initialize(database)
    if run_migrations:
        try:
            migrate(database)
        except pw.ProgrammingError as exc:
            # A server's app role may change rows, not the schema (README, Kantor dengan server).
            if not tanpa_hak(exc):
                raise
            database.close()
            raise DatabaseOpenError(
                _(
                    "Basis data '{target}' perlu diperbarui ke skema {current}, tetapi pengguna "
                    "basis data ini tidak boleh mengubah skemanya. Minta pengelola server "
                    "membukanya sekali sebagai pemilik basis data, lalu coba lagi."
                ).format(target=tanpa_sandi(resolved), current=CURRENT_VERSION)
            ) from exc
    return database


def close_database() -> None:
    if db.obj is not None and not db.obj.is_closed():
        db.obj.close()
