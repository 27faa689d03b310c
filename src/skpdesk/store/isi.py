"""The canonical content of a record: what its signed history vouches for, what a package carries.

A record is one row of a top-level table with the rows it owns (an SKP with its RHK, IKI,
ekspektasi and PP 46 rows; an evaluation with its realisasi, bukti, umpan balik and keberatan).
Its content is a plain JSON value built the same way on every engine and every laptop, so that
its SHA-256 (``hash_isi``) can be compared anywhere:

- every column, by column name, foreign keys as the id they hold;
- decimals at their column's scale, moments and dates in ISO form, bytes in base64;
- owned rows as lists sorted by id.

Columns that only concern this laptop (failed-login counters) are left out. The same
description (``SPEK``) writes a packaged record back (``tulis``).
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import hashlib
import json
import operator
import re
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import peewee as pw

from skpdesk.domain.entitas import Entitas
from skpdesk.store import models as m


@dataclass(frozen=True)
class Anak:
    """Rows a record owns, by the foreign key that points at their parent."""

    model: type[m.BaseModel]
    fk: str
    kunci: str  # their name in the content
    anak: tuple[Anak, ...] = ()


@dataclass(frozen=True)
class Spek:
    model: type[m.BaseModel]
    anak: tuple[Anak, ...] = ()
    kecuali: frozenset[str] = field(default_factory=frozenset)


SPEK: dict[Entitas, Spek] = {
    Entitas.INSTANSI: Spek(m.Instansi),
    Entitas.UNIT_KERJA: Spek(m.UnitKerja),
    Entitas.JABATAN: Spek(m.Jabatan),
    Entitas.PEGAWAI: Spek(m.Pegawai),
    # An account's content is who it is and what it may do. Its secrets (the password hash,
    # the wrapped keys) and lockout counters belong to each laptop: they change there, under
    # the "Sesi" history (an office package brings them to a laptop that lacks the account);
    # the office key never leaves the administrator's laptop.
    Entitas.AKUN: Spek(m.Akun, kecuali=frozenset({
        "gagal_login", "terkunci_sampai", "login_terakhir", "kunci_kantor", "password_hash",
        "kunci_rahasia", "harus_ganti_sandi"})),
    Entitas.PENGATURAN: Spek(m.Pengaturan),
    Entitas.SKP: Spek(
        m.SKP,
        anak=(
            Anak(m.RencanaHasilKerja, "skp", "rhk",
                 anak=(Anak(m.IndikatorKinerja, "rhk", "iki"),
                       # The matriks peran hasil cells the leader wrote under this RHK.
                       Anak(m.PeranHasil, "rhk_atasan", "peran_hasil"))),
            Anak(m.EkspektasiPerilaku, "skp", "ekspektasi"),
            Anak(m.KegiatanPP46, "skp", "kegiatan_pp46"),
            Anak(m.TugasTambahanPP46, "skp", "tugas_tambahan_pp46"),
            Anak(m.KreativitasPP46, "skp", "kreativitas_pp46"),
            Anak(m.PerilakuPP46, "skp", "perilaku_pp46"),
        ),
    ),
    Entitas.EVALUASI: Spek(
        m.Evaluasi,
        anak=(
            Anak(m.RealisasiIKI, "evaluasi", "realisasi",
                 anak=(Anak(m.BuktiDukung, "realisasi", "bukti"),)),
            Anak(m.UmpanBalikPerilaku, "evaluasi", "umpan_balik_perilaku"),
            Anak(m.Keberatan, "evaluasi", "keberatan"),
        ),
    ),
    Entitas.CAPAIAN_ORGANISASI: Spek(m.CapaianOrganisasi),
    Entitas.CATATAN_PENILAI: Spek(m.CatatanPenilai),
    Entitas.PERJANJIAN_KINERJA: Spek(
        m.PerjanjianKinerja, anak=(Anak(m.IndikatorPK, "pk", "indikator"),)
    ),
    Entitas.PENGUKURAN_KINERJA: Spek(
        m.PengukuranKinerja, anak=(Anak(m.RealisasiPK, "pengukuran", "realisasi"),)
    ),
    Entitas.DOKUMEN: Spek(m.Dokumen),
}


def dilacak(entitas: str) -> bool:
    """Whether this record type has a content that its history vouches for."""
    try:
        return Entitas(entitas) in SPEK
    except ValueError:
        return False


# --- canonical values --------------------------------------------------------------------------


def _nilai(f: pw.Field, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(f, pw.DecimalField):
        d = value if isinstance(value, decimal.Decimal) else decimal.Decimal(str(value))
        return format(d.quantize(decimal.Decimal(1).scaleb(-f.decimal_places)), "f")
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(f, pw.BooleanField):
        return bool(value)
    return value


def kanonik(value: Any) -> bytes:
    """The one JSON spelling of a value: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _kolom(model: type[m.BaseModel], kecuali: frozenset[str] = frozenset()) -> list[pw.Field]:
    return [f for f in model._meta.sorted_fields if f.name not in kecuali]


_HEX32 = re.compile(r"[0-9a-f]{32}")


def _pengubah(f: pw.Field) -> Callable[[Any], Any]:
    """A stored value of column ``f`` → its canonical value.

    Always what ``_nilai(f, f.python_value(raw))`` gives; the common column types take a
    shorter way, because the full check reads every row of the office (store/isi.py is also
    what the seal hashes, so both sides stay the same by construction).
    """

    def umum(v: Any) -> Any:
        return None if v is None else _nilai(f, f.python_value(v))

    target = f.rel_field if isinstance(f, pw.ForeignKeyField) else f
    kind = type(target)
    if isinstance(target, pw.UUIDField) and kind.python_value is pw.UUIDField.python_value:

        def uuid_(v: Any) -> Any:
            # str(uuid.UUID(h)) of 32 lower-case hex digits, without building the UUID.
            if type(v) is str and len(v) == 32 and _HEX32.fullmatch(v):
                return f"{v[:8]}-{v[8:12]}-{v[12:16]}-{v[16:20]}-{v[20:]}"
            return umum(v)

        if not isinstance(f, pw.ForeignKeyField):
            return uuid_
        # A foreign key repeats (the evaluation of each realisasi): each value done once.
        seen: dict[Any, Any] = {}

        def fk(v: Any) -> Any:
            found = seen.get(v, seen)
            if found is seen:
                found = seen[v] = uuid_(v)
            return found

        return fk
    if isinstance(f, pw.ForeignKeyField):
        return umum
    plain = kind.python_value is pw.Field.python_value
    if plain and kind.adapt is pw._StringField.adapt:
        return lambda v: v if type(v) is str else umum(v)
    if plain and kind.adapt is pw.IntegerField.adapt:
        return lambda v: v if type(v) is int else umum(v)
    if plain and kind.adapt is pw.DateTimeField.adapt:

        def waktu(v: Any) -> Any:
            # peewee's own first attempt (format_date_time), then the canonical spelling.
            if type(v) is str and len(v) > 10 and v[10] == " " and v[-1:] != "Z":
                try:
                    return dt.datetime.fromisoformat(v[:10] + "T" + v[11:]).isoformat(
                        timespec="microseconds")
                except ValueError:
                    pass
            return umum(v)

        return waktu
    if isinstance(f, pw.DecimalField) and kind.python_value is pw.DecimalField.python_value:
        places = f.decimal_places

        def desimal(v: Any) -> Any:
            # A whole number as SQLite hands it back: "12.0000" at scale 4, as quantize gives.
            if type(v) is int and -(10**15) < v < 10**15:
                return f"{v}.{'0' * places}" if places > 0 else str(v)
            return umum(v)

        return desimal
    return umum


def baca(model: type[m.BaseModel], fields: list[pw.Field], where: Any = None, *,
         nama_field: bool = False) -> list[dict[str, Any]]:
    """Rows of ``model`` as canonical values by column name (by field name with
    ``nama_field``: "oleh", not "oleh_id"), straight from the cursor."""
    query = model.select(*fields)
    if where is not None:
        query = query.where(where)
    names = [f.name if nama_field else f.column_name for f in fields]
    convert = [_pengubah(f) for f in fields]
    sql, params = query.sql()
    cursor = model._meta.database.execute_sql(sql, params)
    call = operator.call
    return [dict(zip(names, map(call, convert, raw), strict=True)) for raw in cursor]


def _pilih(model: type[m.BaseModel], fields: list[pw.Field], key: pw.Field,
           ids: list[Any] | None) -> list[dict]:
    """The rows whose ``key`` is one of ``ids`` (every row when None), canonical."""
    if ids is None:
        return baca(model, fields)
    rows: list[dict] = []
    for i in range(0, len(ids), 500):
        rows.extend(baca(model, fields, key.in_(ids[i : i + 500])))
    return rows


def _isi_anak(anak: Anak, parent_ids: list[Any] | None) -> dict[str, list[dict]]:
    """The owned rows of ``anak`` for many parents at once (all when None), by the parent's
    id; each parent's rows sorted by id."""
    grouped: dict[str, list[dict]] = defaultdict(list)
    if parent_ids is not None and not parent_ids:
        return grouped
    fields = _kolom(anak.model)
    fk = anak.model._meta.fields[anak.fk]
    rows = _pilih(anak.model, fields, fk, parent_ids)
    sub = {a.kunci: _isi_anak(a, None if parent_ids is None else [r["id"] for r in rows])
           for a in anak.anak}
    column = fk.column_name
    for item in rows:
        for a in anak.anak:
            item[a.kunci] = sub[a.kunci].get(item["id"], [])
        grouped[item[column]].append(item)
    for items in grouped.values():
        items.sort(key=_id)
    return grouped


def _id(item: dict) -> str:
    return item["id"]


def isi_banyak(entitas: Entitas, ids: Iterable[Any] | None = None) -> dict[str, dict]:
    """The content of many records of one type (all of them when ``ids`` is None), by id."""
    spek = SPEK[entitas]
    fields = _kolom(spek.model, spek.kecuali)
    pk = spek.model._meta.primary_key
    rows = _pilih(spek.model, fields, pk, None if ids is None else list(ids))
    # All records: their owned rows in one query per table, not by lists of parents.
    parents = None if ids is None else [r["id"] for r in rows]
    anak = {a.kunci: _isi_anak(a, parents) for a in spek.anak}
    out: dict[str, dict] = {}
    for item in rows:
        for a in spek.anak:
            item[a.kunci] = anak[a.kunci].get(item["id"], [])
        out[item["id"]] = item
    return out


def isi(entitas: str, entitas_id: Any) -> dict | None:
    """The content of one record, or None when it does not exist (or is not tracked)."""
    if not dilacak(entitas):
        return None
    key = str(entitas_id)
    try:
        wanted: Any = uuid.UUID(key)
    except ValueError:
        return None
    return isi_banyak(Entitas(entitas), [wanted]).get(key)


def hash_isi(entitas: str, entitas_id: Any) -> str | None:
    content = isi(entitas, entitas_id)
    return None if content is None else sha256(kanonik(content))


def hash_dari(content: dict | None) -> str | None:
    return None if content is None else sha256(kanonik(content))


# --- writing a packaged record back -------------------------------------------------------------


def _python(f: pw.Field, value: Any) -> Any:
    """A canonical value back to what the column stores."""
    if value is None:
        return None
    if isinstance(f, pw.ForeignKeyField):
        return _python(f.rel_field, value)
    if isinstance(f, pw.UUIDField):
        return uuid.UUID(value)
    if isinstance(f, pw.DecimalField):
        return decimal.Decimal(value)
    if isinstance(f, pw.DateTimeField):
        return dt.datetime.fromisoformat(value)
    if isinstance(f, pw.DateField):
        return dt.date.fromisoformat(value)
    if isinstance(f, pw.BlobField):
        return base64.b64decode(value)
    return value


def _tulis_baris(model: type[m.BaseModel], fields: list[pw.Field], item: dict,
                 tambahan: dict[str, Any] | None = None) -> None:
    data = {f.name: _python(f, item.get(f.column_name)) for f in fields}
    data.update(tambahan or {})
    pk = model._meta.primary_key
    exists = model.select().where(pk == data[pk.name]).exists()
    if exists:
        model.update(**{k: v for k, v in data.items() if k != pk.name}).where(
            pk == data[pk.name]
        ).execute()
    else:
        model.insert(**data).execute()


def _hapus_anak(anak: Anak, parent_id: Any, keep: set[str]) -> None:
    """Remove owned rows the incoming content no longer has (deepest first)."""
    fk = anak.model._meta.fields[anak.fk]
    pk = anak.model._meta.primary_key
    for row in anak.model.select(pk).where(fk == parent_id).tuples():
        if str(row[0]) not in keep:
            for a in anak.anak:
                _hapus_anak(a, row[0], set())
            anak.model.delete().where(pk == row[0]).execute()


def _tulis_anak(anak: Anak, parent_id: Any, items: list[dict]) -> None:
    fields = _kolom(anak.model)
    _hapus_anak(anak, parent_id, {i["id"] for i in items})
    for item in items:
        _tulis_baris(anak.model, fields, item)
        for a in anak.anak:
            _tulis_anak(a, _python(anak.model._meta.primary_key, item["id"]),
                        item.get(a.kunci, []))


def tulis(entitas: Entitas, content: dict, tambahan: dict[str, Any] | None = None) -> None:
    """Make this laptop's record equal to ``content`` (inside the caller's transaction).

    Columns left out of the content (``kecuali``) keep their local value, or take
    ``tambahan`` (by field name) or their default.
    """
    spek = SPEK[entitas]
    fields = _kolom(spek.model, spek.kecuali)
    _tulis_baris(spek.model, fields, content, tambahan)
    parent = _python(spek.model._meta.primary_key, content["id"])
    for a in spek.anak:
        _tulis_anak(a, parent, content.get(a.kunci, []))
