"""The number of queries to open each role's main window and each tab does not grow with the
office: the same for 200 pegawai with three years of history as for 50 with one (issue: a large
office after ten years must open as fast as a new one). A count, not a timing."""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from tests.conftest import ADMIN_SANDI

from skpdesk.domain.evaluasi import PERIODE, Periodisitas
from skpdesk.services import akun as akun_service
from skpdesk.services.context import now
from skpdesk.store import models as m
from skpdesk.ui.main_window import MainWindow

SANDI = "Rahasia-Uji-123"
UNIT = 3


@contextmanager
def kueri() -> Iterator[list[str]]:
    """The SQL statements this thread runs inside the block (peewee logs each at DEBUG)."""
    found: list[str] = []
    me = threading.get_ident()

    class Catat(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if threading.get_ident() == me:
                found.append(str(record.msg[0]) if isinstance(record.msg, tuple) else "")

    log = logging.getLogger("peewee")
    handler, level = Catat(logging.DEBUG), log.level
    log.addHandler(handler)
    log.setLevel(logging.DEBUG)
    try:
        yield found
    finally:
        log.removeHandler(handler)
        log.setLevel(level)


def _nip(i: int) -> str:
    return f"19800101200501{1000 + i:04d}"[:18]


def _id(i: int) -> uuid.UUID:
    return uuid.UUID(int=i + 1)


def _atasan(i: int) -> int | None:
    """Pegawai 0 heads the office, 1…UNIT head a unit each under him, the rest their staff."""
    return None if i == 0 else 0 if i <= UNIT else 1 + (i % UNIT)


def isi_kantor(pegawai: range, tahun_pegawai: range, tahun_lama: range = range(0)) -> None:
    """Direct inserts: the pegawai ``pegawai`` with an SKP for each of ``tahun_pegawai``, and
    SKPs of ``tahun_lama`` for the pegawai already there. Past years archived with their
    evaluations final; this year's SKPs approved (they wait on their pegawai) with the first
    period handed in (it waits on the penilai)."""
    units = [u.id for u in m.UnitKerja.select().where(m.UnitKerja.induk.is_null(False))
             .order_by(m.UnitKerja.urutan)][:UNIT]
    m.Pegawai.insert_many([
        {"id": _id(i), "nip": _nip(i), "nama": f"Pegawai {i:03d}", "golongan": "III/b",
         "unit": units[i % UNIT], "atasan": _id(a) if (a := _atasan(i)) is not None else None}
        for i in pegawai
    ]).execute()
    periode = [p.kode for p in PERIODE[Periodisitas.TRIWULANAN]]
    this_year = now().year
    skp_rows, rhk_rows, iki_rows, ev_rows = [], [], [], []
    work = [(i, t) for i in pegawai for t in tahun_pegawai]
    work += [(i, t) for i in range(pegawai.start) for t in tahun_lama]
    for i, tahun in work:
        penilai = _atasan(i)
        atasan_penilai = _atasan(penilai) if penilai is not None else None
        skp_id, rhk_id = uuid.uuid4(), uuid.uuid4()
        past = tahun < this_year
        skp_rows.append({
            "id": skp_id, "pegawai": _id(i), "tahun": tahun,
            "tgl_mulai": dt.date(tahun, 1, 1), "tgl_selesai": dt.date(tahun, 12, 31),
            "status": "DIARSIPKAN" if past else "DISETUJUI",
            "penilai": _id(penilai) if penilai is not None else None,
            "atasan_penilai": _id(atasan_penilai) if atasan_penilai is not None else None,
            "snapshot": {"pegawai": {"nama": f"Pegawai {i:03d}", "nip": _nip(i)}},
        })
        rhk_rows.append({"id": rhk_id, "skp": skp_id, "jenis": "UTAMA", "uraian": "Layanan"})
        iki_rows.append({"id": uuid.uuid4(), "rhk": rhk_id, "indikator": "Dokumen",
                         "target_teks": "12", "satuan": "Dokumen"})
        for n, kode in enumerate(periode):
            status = "FINAL" if past else "DIAJUKAN" if n == 0 else None
            if status is not None:
                ev_rows.append({"id": uuid.uuid4(), "skp": skp_id, "tahun": tahun,
                                "periode": kode, "unit": units[i % UNIT], "status": status})
    with m.db.atomic():
        for model, rows in ((m.SKP, skp_rows), (m.RencanaHasilKerja, rhk_rows),
                            (m.IndikatorKinerja, iki_rows), (m.Evaluasi, ev_rows)):
            for start in range(0, len(rows), 100):
                model.insert_many(rows[start:start + 100]).execute()


PERAN = {"kepala": 0, "penilai": 1, "pegawai": UNIT + 1}


def buat_akun(admin) -> dict[str, str]:
    hashed = akun_service.hash_sandi(SANDI)
    for i in PERAN.values():
        akun_service.buat_akun(admin, _nip(i), SANDI, pegawai_id=_id(i),
                               harus_ganti_sandi=False, hash_sama=hashed)
    return {peran: _nip(i) for peran, i in PERAN.items()}


def hitung(nips: dict[str, str], qtbot) -> dict[tuple[str, str], int]:
    """Queries per role: to build the main window, then to open each of its tabs."""
    counts: dict[tuple[str, str], int] = {}
    logins = {**nips, "kepegawaian": "admin"}
    for peran, login in logins.items():
        aktor = akun_service.masuk(login, ADMIN_SANDI if login == "admin" else SANDI)
        with kueri() as q:
            window = MainWindow(aktor, "x.db")
        qtbot.addWidget(window)
        counts[(peran, "jendela")] = len(q)
        if os.environ.get("SKPDESK_KUERI"):
            print(peran, "jendela", *q, sep="\n  ")
        for index in range(window.tabs.count()):
            title = window.tabs.tabText(index).split(" (")[0]
            with kueri() as q:
                window.tabs.setCurrentIndex(index)
            counts[(peran, title)] = len(q)
            if os.environ.get("SKPDESK_KUERI"):
                print(peran, title, *q, sep="\n  ")
        # The next opening starts on the same tab (the window remembers the last one).
        window.tabs.setCurrentIndex(0)
        window.close()
    return counts


def test_opening_windows_and_tabs_needs_no_more_queries_with_pegawai_and_years(
    kantor_siap, clock, qtbot
):
    year = now().year
    isi_kantor(range(50), range(year, year + 1))
    nips = buat_akun(kantor_siap)
    small = hitung(nips, qtbot)
    # Every role tab of the people counted was opened.
    assert {"SKP Saya", "Bawahan", "Atasan Penilai", "Kepegawaian", "Profil Saya"} <= {
        tab for _, tab in small
    }

    # The same office grown to 200 pegawai with three years each.
    isi_kantor(range(50, 200), range(year - 2, year + 1), tahun_lama=range(year - 2, year))
    assert m.SKP.select().count() == 600
    large = hitung(nips, qtbot)
    assert large.keys() == small.keys()
    grown = {k: (small[k], large[k]) for k in small if large[k] > small[k]}
    assert not grown, f"queries grew with pegawai and years (50×1 → 200×3): {grown}"
