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
import uuid
from collections import defaultdict
from collections.abc import Iterable
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


def _baris(fields: list[pw.Field], row: dict[str, Any]) -> dict[str, Any]:
    return {f.column_name: _nilai(f, row[f.column_name]) for f in fields}


def _pilih(model: type[m.BaseModel], fields: list[pw.Field], where: Any = None) -> list[dict]:
    query = model.select(*fields).dicts()
    if where is not None:
        query = query.where(where)
    out = []
    for row in query:
        # .dicts() names a foreign key by its field name; content uses column names.
        out.append({f.column_name: row[f.name] for f in fields})
    return out


def _isi_anak(anak: Anak, parent_ids: list[Any]) -> dict[str, list[dict]]:
    """The owned rows of ``anak`` for many parents at once, grouped by the parent's id."""
    grouped: dict[str, list[dict]] = defaultdict(list)
    if not parent_ids:
        return grouped
    fields = _kolom(anak.model)
    fk = anak.model._meta.fields[anak.fk]
    rows = []
    for i in range(0, len(parent_ids), 500):
        rows.extend(_pilih(anak.model, fields, fk.in_(parent_ids[i : i + 500])))
    sub = {a.kunci: _isi_anak(a, [r["id"] for r in rows]) for a in anak.anak}
    for row in rows:
        item = _baris(fields, row)
        for a in anak.anak:
            item[a.kunci] = sorted(sub[a.kunci].get(item["id"], []), key=lambda x: x["id"])
        grouped[item[fk.column_name]].append(item)
    return grouped


def isi_banyak(entitas: Entitas, ids: Iterable[Any] | None = None) -> dict[str, dict]:
    """The content of many records of one type (all of them when ``ids`` is None), by id."""
    spek = SPEK[entitas]
    fields = _kolom(spek.model, spek.kecuali)
    pk = spek.model._meta.primary_key
    if ids is None:
        rows = _pilih(spek.model, fields)
    else:
        wanted = list(ids)
        rows = []
        for i in range(0, len(wanted), 500):
            rows.extend(_pilih(spek.model, fields, pk.in_(wanted[i : i + 500])))
    anak = {a.kunci: _isi_anak(a, [r["id"] for r in rows]) for a in spek.anak}
    out: dict[str, dict] = {}
    for row in rows:
        item = _baris(fields, row)
        for a in spek.anak:
            item[a.kunci] = sorted(anak[a.kunci].get(item["id"], []), key=lambda x: x["id"])
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
