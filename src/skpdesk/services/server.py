"""The office server: its connection URL, setting up an empty PostgreSQL database, and moving a
laptop's office (a SQLite file) onto it, verified table by table."""

from __future__ import annotations

import enum
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

import peewee as pw

from skpdesk.i18n import _
from skpdesk.services import kantor
from skpdesk.services.errors import LayananError
from skpdesk.store import database as store_db
from skpdesk.store import isi as isi_mod
from skpdesk.store import models as m
from skpdesk.store import segel
from skpdesk.store.models import MODELS, Akun, Instansi, SchemaVersion, db

PORT_BAWAAN = 5432
SSLMODE = ("disable", "prefer", "require", "verify-full")
SSLMODE_BAWAAN = "prefer"
# Seconds before a connection attempt gives up: a wrong host must not freeze the wizard.
BATAS_WAKTU = 5

TABEL = {model._meta.table_name: model for model in MODELS}
_VERSI = SchemaVersion._meta.table_name


class ServerGagal(LayananError):
    """The server cannot be used as asked; the message says why and what to do."""


class ServerTidakKosong(ServerGagal):
    """The target database already holds data: nothing was changed."""


class SalinanTidakCocok(ServerGagal):
    """A copied table differs from its source: everything was rolled back."""

    def __init__(self, tabel: str, pesan: str) -> None:
        super().__init__(pesan)
        self.tabel = tabel


# --- the URL -------------------------------------------------------------------------------------


def buat_url(host: str, port: int, nama_db: str, pengguna: str, sandi: str = "",
             sslmode: str = SSLMODE_BAWAAN, batas_waktu: int | None = BATAS_WAKTU) -> str:
    """``postgresql://user:password@host:port/db?sslmode=…``, user and password URL-quoted."""
    host = host.strip()
    netloc_host = f"[{host}]" if ":" in host else host  # an IPv6 address
    auth = quote(pengguna.strip(), safe="")
    if sandi:
        auth += ":" + quote(sandi, safe="")
    query: dict[str, Any] = {"sslmode": sslmode}
    if batas_waktu:
        query["connect_timeout"] = batas_waktu
    return urlunsplit(("postgresql", f"{auth}@{netloc_host}:{int(port)}",
                       "/" + quote(nama_db.strip(), safe=""), urlencode(query), ""))


def tanpa_sandi(url: str) -> str:
    """The URL to show or print: the password left out."""
    return store_db.tanpa_sandi(url)


def adalah_postgresql(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def simpan_url(url: str) -> Path:
    """Remember the server for the next start (the per-user data folder, owner-only)."""
    return store_db.simpan_url_server(url)


def url_tersimpan() -> str | None:
    return store_db.url_server_tersimpan()


# --- connecting, and what the server holds -------------------------------------------------------


def jelaskan(exc: BaseException, url: str) -> str:
    """An Indonesian sentence for a failed connection, from the driver's message."""
    parts = urlsplit(url)
    text = str(exc)
    low = text.lower()
    host = parts.hostname or "localhost"
    nama_db = parts.path.lstrip("/")
    if "password authentication failed" in low or "no password supplied" in low:
        return _("Nama pengguna atau kata sandi basis data salah untuk pengguna '{user}'.").format(
            user=parts.username or "")
    if "does not exist" in low and "database" in low:
        return _("Basis data '{db}' tidak ada di server {host}. Periksa namanya, atau buat "
                 "dahulu di server (lihat README, bagian Kantor dengan server).").format(
                     db=nama_db, host=host)
    if "role" in low and "does not exist" in low:
        return _("Pengguna basis data '{user}' tidak dikenal server {host}.").format(
            user=parts.username or "", host=host)
    if "pg_hba.conf" in low:
        return _("Server {host} menolak sambungan dari laptop ini (pg_hba.conf). Minta pengelola "
                 "server mengizinkan jaringan kantor.").format(host=host)
    if "invalid response to ssl negotiation" in low or "received invalid response" in low:
        return _("Di {host} port {port} ada layanan lain, bukan PostgreSQL. Periksa nomor "
                 "port (PostgreSQL biasanya 5432).").format(host=host,
                                                            port=parts.port or PORT_BAWAAN)
    if "ssl" in low or "certificate" in low:
        return _("Sambungan terenkripsi (SSL) ke {host} gagal: {detail}. Coba pilihan sslmode "
                 "lain.").format(host=host, detail=text.strip().splitlines()[0])
    if ("could not connect" in low or "connection refused" in low or "timeout" in low
            or "could not translate host name" in low or "name or service not known" in low
            or "no route to host" in low or "network is unreachable" in low):
        return _("Server {host} port {port} tidak dapat dihubungi. Periksa alamat server, "
                 "jaringan kantor, dan bahwa PostgreSQL berjalan di server itu.").format(
                     host=host, port=parts.port or PORT_BAWAAN)
    return _("Sambungan ke server {host} gagal: {detail}").format(
        host=host, detail=text.strip().splitlines()[0] if text.strip() else type(exc).__name__)


def sambung(url: str) -> pw.Database:
    """An open connection to the server, not bound to the models; ServerGagal when it fails."""
    if not adalah_postgresql(url):
        raise ServerGagal(_("Alamat server harus berupa URL postgresql://…"))
    database = store_db.connect(url)
    try:
        database.connect()
    except pw.ImproperlyConfigured as exc:
        raise ServerGagal(
            _("Driver PostgreSQL belum terpasang. Pasang paket skpdesk[postgres].")) from exc
    except pw.DatabaseError as exc:
        raise ServerGagal(jelaskan(exc, url)) from exc
    return database


class Keadaan(enum.Enum):
    KOSONG = "kosong"  # no skpdesk tables, or an empty schema: ready to be set up
    SIAP = "siap"  # an office is there


@dataclass(frozen=True)
class IsiServer:
    keadaan: Keadaan
    baris: dict[str, int] = field(default_factory=dict)  # skpdesk tables holding rows
    nama_kantor: str = ""


def _hitung(database: pw.Database, table: str) -> int:
    return int(database.execute_sql(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])


def periksa_isi(database: pw.Database) -> IsiServer:
    """What an open server database holds; ServerGagal when it is not a database for skpdesk."""
    tables = set(database.get_tables())
    lain = sorted(tables - set(TABEL))
    if lain:
        raise ServerGagal(_(
            "Basis data ini berisi tabel yang bukan milik skpdesk ({tabel}). Gunakan basis data "
            "tersendiri untuk skpdesk.").format(tabel=", ".join(lain[:5])))
    if tables and _VERSI not in tables:
        raise ServerGagal(_("Basis data ini bukan basis data skpdesk (tidak ada versi skema)."))
    if _VERSI in tables:
        found = store_db.schema_version(database)
        if found > store_db.CURRENT_VERSION:
            raise ServerGagal(_(
                "Basis data di server dibuat oleh versi skpdesk yang lebih baru (skema {found}, "
                "aplikasi ini {current}). Perbarui skpdesk terlebih dahulu.").format(
                    found=found, current=store_db.CURRENT_VERSION))
    counts = {t: n for t in sorted(tables - {_VERSI}) if (n := _hitung(database, t))}
    if not counts:
        return IsiServer(Keadaan.KOSONG)
    nama = ""
    if Instansi._meta.table_name in counts:
        row = database.execute_sql(
            f'SELECT nama FROM "{Instansi._meta.table_name}" ORDER BY dibuat LIMIT 1').fetchone()
        nama = row[0] if row else ""
    return IsiServer(Keadaan.SIAP, counts, nama)


def uji(url: str) -> IsiServer:
    """Connect, look, disconnect: what the wizard shows before anything is saved."""
    database = sambung(url)
    try:
        return periksa_isi(database)
    except pw.DatabaseError as exc:
        if _izin(exc):
            raise ServerGagal(_(
                "Pengguna basis data '{user}' tidak boleh membaca tabel skpdesk di server. "
                "Minta pengelola server memberi haknya (lihat README, bagian Kantor dengan "
                "server).").format(user=urlsplit(url).username or "")) from exc
        raise ServerGagal(jelaskan(exc, url)) from exc
    finally:
        database.close()


def tolak_tidak_kosong(isi: IsiServer, url: str) -> ServerTidakKosong:
    if isi.nama_kantor:
        pesan = _("Basis data {url} sudah berisi kantor '{kantor}'. Tidak ada yang diubah.")
    else:
        pesan = _("Basis data {url} tidak kosong (berisi data di tabel {tabel}). Tidak ada yang "
                  "diubah.")
    return ServerTidakKosong(pesan.format(url=tanpa_sandi(url), kantor=isi.nama_kantor,
                                          tabel=", ".join(list(isi.baris)[:5])))


def terbuka() -> pw.Database | None:
    """The database the models are bound to now (the server, after ``buka`` or ``siapkan``)."""
    return db.obj


def buka(url: str) -> pw.Database:
    """Open the server for the app (schema created or upgraded), closing what was open."""
    store_db.close_database()
    db.initialize(None)
    try:
        return store_db.open_database(url)
    except store_db.DatabaseOpenError as exc:
        raise ServerGagal(str(exc)) from exc


def _izin(exc: BaseException) -> bool:
    return store_db.tanpa_hak(exc)


def siapkan(url: str, data: kantor.DataKantor) -> tuple[Instansi, Akun]:
    """``skpdesk server siapkan``: in an empty server database, the schema, the office and its
    first administrator with the office key (kantor.siapkan_kantor, with its history rows).

    A database that holds anything is refused before any change.
    """
    check = sambung(url)
    try:
        isi = periksa_isi(check)
    finally:
        check.close()
    if isi.keadaan is not Keadaan.KOSONG:
        raise tolak_tidak_kosong(isi, url)
    try:
        buka(url)
    except ServerGagal as exc:
        if _izin(exc):
            raise ServerGagal(_izin_pesan()) from exc
        raise
    return kantor.siapkan_kantor(data)


def _izin_pesan() -> str:
    return _("Pengguna basis data ini tidak boleh membuat tabel. Jalankan 'skpdesk server "
             "siapkan' dengan pemilik basis data (lihat README, bagian Kantor dengan server).")


# --- moving a laptop's office onto the server ----------------------------------------------------


@dataclass(frozen=True)
class RingkasanTabel:
    tabel: str
    baris: int
    hash: str


@dataclass(frozen=True)
class HasilPindah:
    sumber: dict[str, RingkasanTabel]
    tujuan: dict[str, RingkasanTabel]
    detik: float


def _kunci_urut(row: dict, pk: str) -> bytes:
    return isi_mod.kanonik(row[pk])


def ringkas_tabel(model: type[m.BaseModel]) -> RingkasanTabel:
    """A table's row count and the SHA-256 of its rows in canonical form (store/isi.py: the same
    values on every engine), ordered by primary key."""
    fields = list(model._meta.sorted_fields)
    rows = isi_mod.baca(model, fields)
    pk = model._meta.primary_key.column_name
    rows.sort(key=lambda r: _kunci_urut(r, pk))
    return RingkasanTabel(model._meta.table_name, len(rows),
                          isi_mod.sha256(isi_mod.kanonik(rows)))


def urutan_tabel() -> list[type[m.BaseModel]]:
    """Tables in the order their foreign keys allow (the referenced first)."""
    return list(pw.sort_models(MODELS))


def _nilai_tujuan(f: pw.Field, raw: Any) -> Any:
    """A stored value of the source as the target column takes it. JSON text is kept as it
    is (byte for byte); the rest goes through the field, as peewee itself would write it."""
    if raw is None:
        return None
    if isinstance(f, m.JSONField):
        return raw
    if isinstance(f, pw.BlobField):
        return bytes(raw)
    target = f.rel_field if isinstance(f, pw.ForeignKeyField) else f
    return target.db_value(target.python_value(raw))


def _urut_induk(model: type[m.BaseModel], fields: list[pw.Field],
                rows: list[tuple]) -> list[tuple]:
    """Rows of a table that points at itself (a unit's parent, a pegawai's atasan), parents
    first: the foreign key is checked row by row on the server."""
    selfs = [i for i, f in enumerate(fields)
             if isinstance(f, pw.ForeignKeyField) and f.rel_model is model]
    if not selfs:
        return rows
    pk_i = fields.index(model._meta.primary_key)
    by_pk = {row[pk_i]: row for row in rows}
    done: set[Any] = set()
    out: list[tuple] = []
    for row in rows:
        stack = [row]
        while stack:
            top = stack[-1]
            if top[pk_i] in done:
                stack.pop()
                continue
            waiting = [by_pk[top[i]] for i in selfs
                       if top[i] is not None and top[i] in by_pk and top[i] not in done
                       and by_pk[top[i]] not in stack]
            if waiting:
                stack.extend(waiting)
                continue
            done.add(top[pk_i])
            out.append(top)
            stack.pop()
    return out


def _baca_mentah(source: pw.Database, model: type[m.BaseModel]) -> list[tuple]:
    fields = list(model._meta.sorted_fields)
    cols = ", ".join(f'"{f.column_name}"' for f in fields)
    rows = source.execute_sql(f'SELECT {cols} FROM "{model._meta.table_name}"').fetchall()
    return _urut_induk(model, fields, [tuple(r) for r in rows])


def _tulis(target: pw.Database, model: type[m.BaseModel], rows: list[tuple]) -> None:
    fields = list(model._meta.sorted_fields)
    cols = ", ".join(f'"{f.column_name}"' for f in fields)
    one = "(" + ", ".join([target.param] * len(fields)) + ")"
    # PostgreSQL takes at most 65535 parameters in one statement.
    chunk = max(1, 30000 // len(fields))
    for start in range(0, len(rows), chunk):
        part = rows[start : start + chunk]
        params = [_nilai_tujuan(f, v) for row in part for f, v in zip(fields, row, strict=True)]
        target.execute_sql(
            f'INSERT INTO "{model._meta.table_name}" ({cols}) VALUES '
            + ", ".join([one] * len(part)), params)


def _setel_serial(target: pw.Database) -> None:
    """Auto-numbered keys continue after the copied ones (the copy wrote them explicitly)."""
    for model in MODELS:
        pk = model._meta.primary_key
        if isinstance(pk, pw.AutoField):
            table, col = model._meta.table_name, pk.column_name
            target.execute_sql(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{col}'), "
                f'COALESCE(MAX("{col}"), 1), MAX("{col}") IS NOT NULL) FROM "{table}"')


Kemajuan = Callable[[str, int, int, int], None]  # table, its rows, tables done, tables in all


def _buka_sumber(sumber: str | os.PathLike[str]) -> pw.Database:
    text = str(sumber)
    if store_db.is_url(text):
        raise ServerGagal(_("Sumber harus berkas basis data SQLite laptop (--db BERKAS)."))
    path = Path(text).expanduser()
    if not path.is_file():
        raise ServerGagal(_("Berkas sumber '{path}' tidak ditemukan.").format(path=path))
    try:
        # Migrates an older file to this version first (a backup copy is made beside it).
        opened = store_db.open_database(path)
    except store_db.DatabaseOpenError as exc:
        db.initialize(None)
        raise ServerGagal(_("Berkas sumber ditolak: {alasan}").format(alasan=exc)) from exc
    if periksa_isi(opened).keadaan is Keadaan.KOSONG:
        opened.close()
        db.initialize(None)
        raise ServerGagal(_("Berkas sumber '{path}' belum berisi kantor: tidak ada yang "
                            "dipindahkan.").format(path=path))
    return opened


def pindahkan(sumber: str | os.PathLike[str], url: str,
              kemajuan: Kemajuan | None = None) -> HasilPindah:
    """``skpdesk migrate-to``: copy a SQLite office into an empty server database.

    One transaction on the server: the schema, every table in foreign-key order, then each
    table's row count and content hash compared with the source's; any difference rolls all
    of it back (SalinanTidakCocok names the table). History rows are inserted as they are
    (their seals and signatures stay valid; the trigger refuses only UPDATE and DELETE).
    The models are left bound to the server.
    """
    started = time.perf_counter()
    target = sambung(url)
    try:
        isi = periksa_isi(target)
    except BaseException:
        target.close()
        raise
    if isi.keadaan is not Keadaan.KOSONG:
        target.close()
        raise tolak_tidak_kosong(isi, url)
    try:
        source = _buka_sumber(sumber)
    except BaseException:
        target.close()
        raise
    order = urutan_tabel()
    try:
        data = {model: _baca_mentah(source, model) for model in order}
        asal = {model._meta.table_name: ringkas_tabel(model) for model in order}
    finally:
        source.close()
        db.initialize(None)
    db.initialize(target)
    tujuan: dict[str, RingkasanTabel] = {}
    try:
        with target.atomic():
            store_db.migrate(target)
            # The fresh schema's own version row gives way to the source's list of versions.
            target.execute_sql(f'DELETE FROM "{_VERSI}"')
            for n, model in enumerate(order, 1):
                _tulis(target, model, data[model])
                if kemajuan is not None:
                    kemajuan(model._meta.table_name, len(data[model]), n, len(order))
            _setel_serial(target)
            # New history rows take their numbers from the sequence: after the copied ones.
            segel.setel_nomor(target)
            for model in order:
                name = model._meta.table_name
                tujuan[name] = ringkas_tabel(model)
                if tujuan[name] != asal[name]:
                    raise SalinanTidakCocok(name, _(
                        "Salinan tabel '{tabel}' berbeda dari sumbernya ({baris_asal} baris, "
                        "di server {baris_tujuan}). Semua dibatalkan; server tetap kosong."
                    ).format(tabel=name, baris_asal=asal[name].baris,
                             baris_tujuan=tujuan[name].baris))
    except pw.DatabaseError as exc:
        db.initialize(None)
        target.close()
        if _izin(exc):
            raise ServerGagal(_izin_pesan()) from exc
        raise ServerGagal(_("Penyalinan ke server gagal dan dibatalkan: {detail}").format(
            detail=str(exc).strip().splitlines()[0])) from exc
    except BaseException:
        db.initialize(None)
        target.close()
        raise
    return HasilPindah(asal, tujuan, time.perf_counter() - started)


def tabel_berbeda(hasil: HasilPindah) -> Sequence[str]:
    return [t for t in hasil.sumber if hasil.sumber[t] != hasil.tujuan.get(t)]
