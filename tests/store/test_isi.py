"""Canonical content read straight from the cursor is the same as through peewee's models: the
seal and every check compare these hashes, on every laptop."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict

import pytest

from skpdesk.domain.entitas import Entitas
from skpdesk.store import isi as isi_mod
from skpdesk.store import models as m


def _acuan_anak(anak: isi_mod.Anak, parent_ids: list) -> dict[str, list[dict]]:
    """The reading through peewee's models, as the content was first defined."""
    grouped: dict[str, list[dict]] = defaultdict(list)
    if not parent_ids:
        return grouped
    fields = isi_mod._kolom(anak.model)
    fk = anak.model._meta.fields[anak.fk]
    rows = [{f.column_name: r[f.name] for f in fields}
            for r in anak.model.select(*fields).where(fk.in_(parent_ids)).dicts()]
    sub = {a.kunci: _acuan_anak(a, [r["id"] for r in rows]) for a in anak.anak}
    for row in rows:
        item = {f.column_name: isi_mod._nilai(f, row[f.column_name]) for f in fields}
        for a in anak.anak:
            item[a.kunci] = sorted(sub[a.kunci].get(item["id"], []), key=lambda x: x["id"])
        grouped[item[fk.column_name]].append(item)
    return grouped


def acuan(entitas: Entitas) -> dict[str, dict]:
    spek = isi_mod.SPEK[entitas]
    fields = isi_mod._kolom(spek.model, spek.kecuali)
    rows = [{f.column_name: r[f.name] for f in fields}
            for r in spek.model.select(*fields).dicts()]
    anak = {a.kunci: _acuan_anak(a, [r["id"] for r in rows]) for a in spek.anak}
    out = {}
    for row in rows:
        item = {f.column_name: isi_mod._nilai(f, row[f.column_name]) for f in fields}
        for a in spek.anak:
            item[a.kunci] = sorted(anak[a.kunci].get(item["id"], []), key=lambda x: x["id"])
        out[item["id"]] = item
    return out


@pytest.fixture
def kantor(demo_db):
    return demo_db


def test_every_record_of_the_demo_office_reads_the_same_both_ways(kantor):
    for entitas in isi_mod.SPEK:
        fast = isi_mod.isi_banyak(entitas)
        assert fast == acuan(entitas), entitas
        assert isi_mod.kanonik(fast) == isi_mod.kanonik(acuan(entitas))
        # One by one (the seal, printing) as among all of them (the checks).
        some = list(fast)[:3]
        assert isi_mod.isi_banyak(entitas, some) == {k: fast[k] for k in some}


@pytest.mark.sqlite_only("values another program may write into a SQLite file (typeless columns)")
def test_odd_stored_values_read_the_same_both_ways(kantor):
    """Values another program may have written: no microseconds, a date-only moment, an
    upper-case or dashed UUID, a decimal stored as text, a logo as bytes, a boolean as 0/1."""
    evaluasi = m.Evaluasi.select().first()
    skp = evaluasi.skp
    raw = kantor.execute_sql
    raw("PRAGMA foreign_keys = OFF")  # the odd spellings do not match their parents' keys
    raw("UPDATE evaluasi SET dibuat = '2026-01-05 08:00:00', diubah = '2026-01-05',"
        " status_sejak = '2026-01-05T08:00:00.5' WHERE id = ?", (evaluasi.id.hex,))
    raw("UPDATE skp SET pegawai_id = ? WHERE id = ?", (str(skp.pegawai_id).upper(), skp.id.hex))
    raw("UPDATE realisasi_iki SET realisasi_angka = '12.50' WHERE evaluasi_id = ?",
        (evaluasi.id.hex,))
    raw("UPDATE indikator_kinerja SET target_min = 7 WHERE rhk_id IN"
        " (SELECT id FROM rencana_hasil_kerja WHERE skp_id = ?)", (skp.id.hex,))
    raw("UPDATE pengaturan SET logo = ?", (b"\x89PNG\r\n\x1a\n\x00",))
    raw("UPDATE unit_kerja SET aktif = 0 WHERE induk_id IS NOT NULL"
        " AND id = (SELECT id FROM unit_kerja WHERE induk_id IS NOT NULL LIMIT 1)")
    unit = m.UnitKerja.select().first()
    odd = uuid.uuid4()
    raw("INSERT INTO jabatan (id, nama, jenis, jenjang, struktural, unit_id)"
        " VALUES (?, 'Jabatan Lain', 'PELAKSANA', '', 1, ?)", (str(odd), str(unit.id)))
    for entitas in isi_mod.SPEK:
        assert isi_mod.isi_banyak(entitas) == acuan(entitas), entitas
    content = isi_mod.isi(Entitas.EVALUASI, evaluasi.id)
    assert content["dibuat"] == "2026-01-05T08:00:00.000000"
    assert content["diubah"] == "2026-01-05T00:00:00.000000"
    assert content["status_sejak"] == "2026-01-05T08:00:00.500000"
    assert {r["realisasi_angka"] for r in content["realisasi"]} == {"12.5000"}
    assert isi_mod.isi(Entitas.SKP, skp.id)["pegawai_id"] == str(skp.pegawai_id)
    # A key spelled with dashes is not found by its id, but is read whole among all rows.
    assert isi_mod.isi_banyak(Entitas.JABATAN)[str(odd)]["struktural"] is True


def test_a_value_written_back_reads_as_it_was_written(kantor):
    """``tulis`` and the reading agree: a record packaged and written back hashes the same."""
    evaluasi = m.Evaluasi.select().first()
    content = isi_mod.isi(Entitas.EVALUASI, evaluasi.id)
    before = isi_mod.hash_dari(content)
    with m.db.atomic():
        isi_mod.tulis(Entitas.EVALUASI, content)
    assert isi_mod.hash_isi(Entitas.EVALUASI, evaluasi.id) == before
    assert m.Evaluasi.get_by_id(evaluasi.id).diubah == dt.datetime.fromisoformat(
        content["diubah"])
