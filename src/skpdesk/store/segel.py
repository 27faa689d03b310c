"""Sealing the history: each row is chained to its record's previous row and signed.

A service writes a history row with ``catat`` (services/context.py); the row is sealed when its
transaction commits, once the record's content is final:

- ``hash_sebelum``: the ``hash`` of the previous row of the same record ("" for the first);
- ``hash_isi``: the SHA-256 of the record's canonical content after the change (store/isi.py);
- ``hash``: the SHA-256 of the row's canonical form (``bentuk``), which names both;
- ``kunci`` and ``tanda_tangan``: the signer's key and its Ed25519 signature of ``hash``.

A sealed row never changes again: the database refuses it (``lindungi``). The signing itself is
handed in (``Penanda``) so that this layer needs no key.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import peewee as pw

from skpdesk.store import isi as isi_mod
from skpdesk.store import models as m
from skpdesk.store.models import Riwayat


class Penanda(Protocol):
    """Who signs a row: the key's fingerprint and its signature of a hash."""

    sidik: str

    def tandatangani(self, data: bytes) -> bytes: ...


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.isoformat(timespec="microseconds")


def bentuk(row: dict[str, Any]) -> dict[str, Any]:
    """The canonical form of a history row (a dict of its columns): what its ``hash`` covers.

    The local ``nomor`` is left out: a row keeps its hash when it moves to another laptop.
    """
    return {
        "id": str(row["id"]),
        "entitas": row["entitas"],
        "entitas_id": row["entitas_id"],
        "aksi": row["aksi"],
        "dari": row["dari"],
        "ke": row["ke"],
        "oleh": None if row["oleh"] is None else str(row["oleh"]),
        "oleh_nama": row["oleh_nama"],
        "waktu": _iso(row["waktu"]),
        "catatan": row["catatan"],
        "rincian": row["rincian"],
        "hash_sebelum": row["hash_sebelum"],
        "hash_isi": row["hash_isi"],
        "kunci": row["kunci"],
    }


def hash_baris(row: dict[str, Any]) -> str:
    return isi_mod.sha256(isi_mod.kanonik(bentuk(row)))


def sebagai_dict(r: Riwayat) -> dict[str, Any]:
    return {
        "id": r.id, "entitas": r.entitas, "entitas_id": r.entitas_id, "aksi": r.aksi,
        "dari": r.dari, "ke": r.ke, "oleh": r.oleh_id, "oleh_nama": r.oleh_nama,
        "waktu": r.waktu, "catatan": r.catatan, "rincian": r.rincian,
        "hash_sebelum": r.hash_sebelum, "hash_isi": r.hash_isi, "hash": r.hash,
        "kunci": r.kunci, "tanda_tangan": r.tanda_tangan,
    }


def rantai_aktif(entitas: str, entitas_id: str) -> pw.Expression:
    """The rows of one record's chain: not set aside by a conflict's resolution."""
    aside = m.RiwayatDisisihkan.select(m.RiwayatDisisihkan.riwayat)
    return (
        (Riwayat.entitas == entitas)
        & (Riwayat.entitas_id == entitas_id)
        & Riwayat.id.not_in(aside)
    )


def ujung(entitas: str, entitas_id: str, sebelum_nomor: int | None = None) -> Riwayat | None:
    """The last sealed row of a record's chain (before ``sebelum_nomor`` when given)."""
    query = Riwayat.select().where(rantai_aktif(entitas, entitas_id) & Riwayat.hash.is_null(False))
    if sebelum_nomor is not None:
        query = query.where(Riwayat.nomor < sebelum_nomor)
    return query.order_by(Riwayat.nomor.desc()).first()


# --- sealing at commit ---------------------------------------------------------------------------


@dataclass
class _Tertunda:
    riwayat_id: uuid.UUID
    penanda: Penanda | None


_lokal = threading.local()


def _daftar() -> list[_Tertunda]:
    if not hasattr(_lokal, "rows"):
        _lokal.rows = []
    return _lokal.rows


def segel_baris(r: Riwayat, penanda: Penanda | None) -> None:
    """Seal one row now: chain it, hash the record's content, sign."""
    prev = ujung(r.entitas, r.entitas_id, sebelum_nomor=r.nomor)
    data = sebagai_dict(r)
    data["hash_sebelum"] = prev.hash if prev is not None else ""
    data["hash_isi"] = isi_mod.hash_isi(r.entitas, r.entitas_id)
    data["kunci"] = penanda.sidik if penanda is not None else None
    digest = hash_baris(data)
    signature = penanda.tandatangani(bytes.fromhex(digest)).hex() if penanda else None
    Riwayat.update(
        hash_sebelum=data["hash_sebelum"], hash_isi=data["hash_isi"], hash=digest,
        kunci=data["kunci"], tanda_tangan=signature,
    ).where((Riwayat.id == r.id) & Riwayat.hash.is_null()).execute()


def tunda(r: Riwayat, penanda: Penanda | None) -> None:
    """Seal ``r`` when the transaction commits; at once when there is none."""
    database = m.db.obj
    if database is None or not database.in_transaction():
        segel_baris(r, penanda)
        return
    _daftar().append(_Tertunda(r.id, penanda))


def sebelum_commit() -> None:
    """Seal every row written in the transaction that is about to commit, oldest first."""
    pending = _daftar()
    if not pending:
        return
    by_id = {p.riwayat_id: p for p in pending}
    pending.clear()
    # Rows of a savepoint that rolled back are gone: only what exists is sealed.
    rows = list(Riwayat.select().where(Riwayat.id.in_(list(by_id))).order_by(Riwayat.nomor))
    for r in rows:
        segel_baris(r, by_id[r.id].penanda)


def sesudah_rollback() -> None:
    _daftar().clear()


class KaitCommit:
    """Mixed into the database classes: seal the history just before the outermost commit."""

    def commit(self) -> Any:
        sebelum_commit()
        return super().commit()  # type: ignore[misc]

    def rollback(self) -> Any:
        sesudah_rollback()
        return super().rollback()  # type: ignore[misc]


# --- the database keeps sealed rows as they are ------------------------------------------------

_KOLOM_TETAP = ("id", "entitas", "entitas_id", "aksi", "dari", "ke", "oleh_id", "oleh_nama",
                "waktu", "catatan", "rincian", "nomor")


def lindungi(database: pw.Database) -> None:
    """The history is append-only: a sealed row can neither change nor go; an unsealed one
    (in the transaction that wrote it) may only receive its seal."""
    table = Riwayat._meta.table_name
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in _KOLOM_TETAP)
    if isinstance(database, pw.SqliteDatabase):
        for old in ("no_update", "no_delete", "segel_update"):
            database.execute_sql(f"DROP TRIGGER IF EXISTS {table}_{old}")
        database.execute_sql(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'riwayat tidak boleh diubah atau dihapus'); END"
        )
        database.execute_sql(
            f"CREATE TRIGGER {table}_segel_update BEFORE UPDATE ON {table} "
            f"WHEN OLD.hash IS NOT NULL OR {changed} "
            f"BEGIN SELECT RAISE(ABORT, 'riwayat tidak boleh diubah atau dihapus'); END"
        )
        return
    if isinstance(database, pw.PostgresqlDatabase):
        # SQLSTATE class 23, as SQLite's RAISE(ABORT): the driver reports an IntegrityError.
        # NEW is NULL for a DELETE, so that case is decided before the columns are compared.
        changed_pg = " OR ".join(
            f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in _KOLOM_TETAP
        )
        database.execute_sql(
            f"""CREATE OR REPLACE FUNCTION {table}_lindungi() RETURNS trigger AS $$
            BEGIN
              IF TG_OP = 'DELETE' THEN
                RAISE EXCEPTION 'riwayat tidak boleh diubah atau dihapus'
                  USING ERRCODE = 'integrity_constraint_violation';
              END IF;
              IF OLD.hash IS NOT NULL OR {changed_pg} THEN
                RAISE EXCEPTION 'riwayat tidak boleh diubah atau dihapus'
                  USING ERRCODE = 'integrity_constraint_violation';
              END IF;
              RETURN NEW;
            END $$ LANGUAGE plpgsql"""
        )
        database.execute_sql(f"DROP TRIGGER IF EXISTS {table}_lindungi ON {table}")
        database.execute_sql(
            f"CREATE TRIGGER {table}_lindungi BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_lindungi()"
        )


# --- numbering ---------------------------------------------------------------------------------

# On PostgreSQL several clients write at once: the number comes from a sequence, never from
# MAX(nomor)+1 (two clients would read the same maximum). A number taken by a transaction that
# rolls back is not reused, so numbers may skip; the order is what counts. On SQLite a writer
# holds the whole file, so MAX+1 inside the write transaction is safe and gapless.
URUTAN_NOMOR = "riwayat_nomor_urut"  # "riwayat_nomor" is the index


def _pg(database: pw.Database) -> bool:
    return isinstance(database, pw.PostgresqlDatabase)


def siapkan_nomor(database: pw.Database) -> None:
    """Create the numbering sequence (PostgreSQL), continuing after the rows already there."""
    if not _pg(database):
        return
    database.execute_sql(f"CREATE SEQUENCE IF NOT EXISTS {URUTAN_NOMOR} AS bigint")
    setel_nomor(database)


def setel_nomor(database: pw.Database) -> None:
    """Let the next number follow the highest one present (rows copied in, an upgrade).

    Only while no one else writes: a number another transaction holds could be handed out again.
    """
    if not _pg(database):
        return
    table = Riwayat._meta.table_name
    database.execute_sql(
        f"SELECT setval('{URUTAN_NOMOR}', GREATEST(COALESCE(MAX(nomor), 0), 1), "
        f"COALESCE(MAX(nomor), 0) > 0) FROM {table}"
    )


def nomor_berikut() -> int:
    """The number of the next history row; call it inside the writing transaction."""
    database = m.db.obj
    if _pg(database):
        return int(database.execute_sql(f"SELECT nextval('{URUTAN_NOMOR}')").fetchone()[0])
    return (Riwayat.select(pw.fn.MAX(Riwayat.nomor)).scalar() or 0) + 1


# --- rows written before the seal existed ------------------------------------------------------

# Rows hashed at the upgrade carry this in ``kunci``; one row signed by the office key then
# vouches for all of them at once.
KUNCI_LAMA = "lama"
ID_SEGEL_LAMA = "riwayat-lama"
AKSI_SEGEL_LAMA = "segel_riwayat_lama"


def hash_lama() -> list[str]:
    """The hashes of the rows from before the seal, in their order."""
    return [h for (h,) in Riwayat.select(Riwayat.hash).where(Riwayat.kunci == KUNCI_LAMA)
            .order_by(Riwayat.nomor).tuples()]


def ringkasan(hashes: list[str]) -> str:
    return isi_mod.sha256("\n".join(hashes).encode())


def rincian_segel_lama() -> dict | None:
    row = (Riwayat.select().where((Riwayat.entitas_id == ID_SEGEL_LAMA)
                                  & (Riwayat.aksi == AKSI_SEGEL_LAMA))
           .order_by(Riwayat.nomor).first())
    return None if row is None else (row.rincian or {})


def _catat_tanpa_riwayat() -> None:
    """Give a first row to every record that an older version saved without one, so that its
    content is vouched for from now on."""
    have = {(e, i) for e, i in Riwayat.select(Riwayat.entitas, Riwayat.entitas_id).tuples()}
    for entitas in isi_mod.SPEK:
        for rid in isi_mod.isi_banyak(entitas):
            if (str(entitas), rid) not in have:
                Riwayat.create(nomor=nomor_berikut(), entitas=str(entitas), entitas_id=rid,
                               aksi="catat_awal", oleh_nama="sistem", waktu=m.utcnow(),
                               catatan="")


def hash_riwayat_lama(progress: Callable[[int], None] | None = None) -> int:
    """Chain and hash every unsealed row, oldest first, without a signature.

    Used once when a database from before the seal is upgraded; an administrator holding the
    office key then signs the list of these rows (services/kunci.py ``segel_riwayat_lama``).
    """
    _catat_tanpa_riwayat()
    heads: dict[tuple[str, str], str] = {}
    last_of: dict[tuple[str, str], uuid.UUID] = {}
    rows = list(Riwayat.select().where(Riwayat.hash.is_null()).order_by(Riwayat.nomor))
    for r in rows:
        last_of[(r.entitas, r.entitas_id)] = r.id
    for n, r in enumerate(rows, 1):
        key = (r.entitas, r.entitas_id)
        data = sebagai_dict(r)
        data["hash_sebelum"] = heads.get(key, "")
        # Only the last row of a record knows the content; earlier ones never will.
        data["hash_isi"] = (
            isi_mod.hash_isi(r.entitas, r.entitas_id) if last_of[key] == r.id else None
        )
        data["kunci"] = KUNCI_LAMA
        digest = hash_baris(data)
        Riwayat.update(
            hash_sebelum=data["hash_sebelum"], hash_isi=data["hash_isi"], hash=digest,
            kunci=KUNCI_LAMA,
        ).where(Riwayat.id == r.id).execute()
        heads[key] = digest
        if progress is not None:
            progress(n)
    return len(rows)
