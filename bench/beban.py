"""Load test of the office server: many clients on one office at once, nothing lost.

    .venv/bin/python bench/beban.py [--klien 10] [--detik 60] [--seed N] [--sqlite]
    make bench-beban

A throwaway PostgreSQL cluster on loopback (tests/pg.py) gets the demo office; then ``--klien``
clients work on it for ``--detik`` seconds, each as a real person of the office with a
connection of its own, as the windows would: the pegawai open their draft SKP, change it and
save it with the version they loaded (``versi``, then ``jika_versi`` + ``simpan_isi``) and load
it again when told someone else changed it ("Muat ulang"); they submit it, and enter realisasi
on the evaluations of their approved SKPs; the penilai approve, return or reopen what their
pegawai submitted. Some people have two clients (a laptop and a second window): two editors of
one draft, two penilai clients on one submitted SKP, so that stale saves and two steps at the
same moment happen all the time. Everyone also opens the list screens.

Clients are processes (multiprocessing, spawn), not threads: each window is a program of its
own, and signing, hashing and building peewee objects are Python work that threads of one
interpreter would take turns at under the GIL, measuring the GIL rather than the server.

At the end the bench checks, and exits non-zero when one fails:

- 0 unhandled errors: anything a service raises that is not a LayananError (printed with its
  traceback), and a client that did not finish by the hard stop (``--detik`` + 30 s);
- 0 lost updates: each record's content in the database is the last acknowledged save of it
  (by version), its status the last acknowledged step's, and every acknowledged change was made
  on the version just before it in the record's history (no acknowledged write overwritten
  unseen);
- 0 history gaps: every acknowledged change has exactly its history rows, every row written
  during the run belongs to an acknowledged change, each record's chain is continuous (each
  row's ``hash_sebelum`` is the previous row's ``hash`` in ``nomor`` order), no duplicate
  ``nomor``, and ``verifikasi.periksa()`` is ok.

Password hashing and key derivation are made cheap for building the office only (as in the
tests, tests/helpers.py); the clients act with their signing keys open, as after a login.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import dataclasses
import datetime as dt
import json
import multiprocessing as mp
import os
import random
import statistics
import sys
import tempfile
import time
import traceback
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the tests' helpers (tests/pg.py, tests/helpers.py)

# DESIGN §4: "Scale: every list within 2 × its raw SQL and ≤ 100 ms" (a dinas of 500 pegawai);
# "Concurrency: never a lost update, never a traceback". No bar names a save or a step.
BUDGET_DAFTAR_MS = 100.0
BATAS_LEBIH_S = 30  # the hard stop comes this long after --detik

# Clients in order: (person, role). With --klien N the first N are used (cycling for more).
# Dewi Lestari rates Siti, Putri and Endang; Yusuf Hidayat rates Eko, Taufik and Bayu.
KLIEN = (
    ("Dewi Lestari", "penilai"),
    ("Dewi Lestari", "penilai"),
    ("Siti Rahayu", "pegawai"),
    ("Siti Rahayu", "pegawai"),
    ("Putri Ayu Lestari", "pegawai"),
    ("Endang Susanti", "pegawai"),
    ("Yusuf Hidayat", "penilai"),
    ("Eko Wibowo", "pegawai"),
    ("Eko Wibowo", "pegawai"),
    ("Taufik Rahman", "pegawai"),
    ("Bayu Nugroho", "pegawai"),
    ("Bambang Setiawan", "penilai"),
)

DAFTAR = ("daftar_skp_saya", "daftar_bawahan", "realisasi_per_iki")
JENIS_URUT = (
    "muat_skp", "simpan_isi", "ajukan", "setujui", "kembalikan", "buka_kembali",
    "buka_evaluasi", "isi_realisasi", *DAFTAR,
)


def _cheap_hashing() -> None:
    from tests.helpers import KDF_MURAH, hasher_murah

    from skpdesk.services import akun as akun_service
    from skpdesk.services import kunci as kunci_service

    akun_service.hasher = hasher_murah()
    kunci_service.KDF = KDF_MURAH


# --- what a client reports ----------------------------------------------------------------------


@dataclasses.dataclass
class Ack:
    """One acknowledged change: the record, the version it was made from and the one it wrote,
    the history rows it wrote (their ``aksi``, in order) and what it left behind."""

    entitas: str
    entitas_id: str
    dilihat: int
    baru: int
    aksi: list[str]
    oleh: str
    status: str | None = None  # the record's status after a step or a save
    isi: object = None  # the SKP content saved (normalised), or the realisasi text
    kunci_isi: str | None = None  # where the content lives: the realisasi's (evaluasi, iki)


def _isi_skp(pendekatan: str, rhk) -> list:
    """An SKP's content in comparable form (what the editor saves and reads back)."""
    return [pendekatan, [
        [r.jenis, r.uraian.strip(), r.ukuran_keberhasilan.strip(), r.penugasan.strip(),
         r.perspektif or "", [[k.aspek, k.indikator.strip(), k.target.strip(), k.satuan.strip()]
                              for k in r.iki]]
        for r in rhk
    ]]


# --- one client ---------------------------------------------------------------------------------


class Klien:
    def __init__(self, nomor: int, nama: str, peran: str, tahun: int, seed: int) -> None:
        from tests.helpers import aktor_nama

        self.nomor, self.nama, self.peran, self.tahun = nomor, nama, peran, tahun
        self.rng = random.Random(seed * 1000 + nomor)
        self.aktor = aktor_nama(nama)
        self.ops: list[tuple[str, float, str]] = []  # (kind, ms, outcome)
        self.acks: list[Ack] = []
        self.galat: list[str] = []
        self.pesan: collections.Counter = collections.Counter()  # other refusals, by message
        self.seq = 0

    # Each operation is timed and classified; a LayananError is a refusal the window shows.
    def op(self, kind: str, fn):
        from skpdesk.services.errors import DataBerubah, LayananError
        from skpdesk.store.models import db

        start = time.perf_counter()
        try:
            result = fn()
        except LayananError as exc:
            self.ops.append((kind, (time.perf_counter() - start) * 1000, type(exc).__name__))
            if not isinstance(exc, DataBerubah):
                self.pesan[f"{kind} {type(exc).__name__}: {str(exc).splitlines()[0][:90]}"] += 1
            return exc
        except Exception:  # noqa: BLE001 - every other exception is a finding
            self.ops.append((kind, (time.perf_counter() - start) * 1000, "GALAT"))
            self.galat.append(f"klien {self.nomor} ({self.nama}) {kind}:\n"
                              + traceback.format_exc())
            # The window would drop a broken connection and open a new one.
            with contextlib.suppress(Exception):
                db.close()
            return None
        self.ops.append((kind, (time.perf_counter() - start) * 1000, "ok"))
        return result

    def jeda(self) -> None:
        """The person reads the screen for a moment between loading and saving."""
        time.sleep(self.rng.uniform(0, 0.03))

    def tanda(self) -> str:
        self.seq += 1
        return f"k{self.nomor}-{self.seq}"

    def run(self, deadline: float) -> None:
        step = self.langkah_penilai if self.peran == "penilai" else self.langkah_pegawai
        while time.monotonic() < deadline:
            step()

    # --- pegawai ---

    def skp_saya(self):
        from skpdesk.store.models import SKP, Pegawai

        return (SKP.select().join(Pegawai, on=SKP.pegawai)
                .where((Pegawai.nama == self.nama) & (SKP.tahun == self.tahun)).get())

    def langkah_pegawai(self) -> None:
        from skpdesk.services import skp as skp_service

        r = self.rng.random()
        if r < 0.15:
            self.op("daftar_skp_saya", lambda: skp_service.daftar_skp_saya(self.aktor))
        elif r < 0.70:
            self.ubah_skp()
        else:
            self.isi_realisasi()

    def ubah_skp(self) -> None:
        from skpdesk.domain.entitas import Entitas
        from skpdesk.domain.workflow import StatusSKP
        from skpdesk.services import skp as skp_service
        from skpdesk.services.context import versi

        def muat():
            skp_id = self.skp_saya().id
            seen = versi(Entitas.SKP, skp_id)
            skp = skp_service.ambil(skp_id)
            return skp_id, seen, skp.status, skp.pendekatan, skp_service.isian(skp)

        loaded = self.op("muat_skp", muat)
        if not isinstance(loaded, tuple):
            return
        skp_id, seen, status, pendekatan, rhk = loaded
        if status in (StatusSKP.DRAFT, StatusSKP.PERLU_REVISI):
            # Mostly an edit; a complete draft is sometimes submitted instead.
            if status == StatusSKP.DRAFT and self.rng.random() < 0.25:
                self.jeda()
                self.langkah(Entitas.SKP, skp_id, seen, "ajukan", ["ajukan"], StatusSKP.DIAJUKAN,
                             lambda: skp_service.ajukan(self.aktor, skp_id))
                return
            self.simpan(skp_id, seen, status, pendekatan, rhk)

    def simpan(self, skp_id, seen, status, pendekatan, rhk, ulang: int = 0) -> None:
        from skpdesk.domain.entitas import Entitas
        from skpdesk.domain.skp import IsianIKI, IsianRHK
        from skpdesk.domain.workflow import StatusSKP
        from skpdesk.services import skp as skp_service
        from skpdesk.services.context import jika_versi
        from skpdesk.services.errors import DataBerubah
        from skpdesk.services.skp import IsiSKP

        rhk = list(rhk)
        mark = self.tanda()
        # The edit: a new mark in the first RHK's ukuran keberhasilan, a changed target, and
        # now and then a tugas tambahan added or taken away.
        first = rhk[0]
        rhk[0] = dataclasses.replace(first, ukuran_keberhasilan=f"Tercapai ({mark})")
        if first.iki:
            iki = list(first.iki)
            iki[0] = dataclasses.replace(iki[0], target=f"{self.rng.randint(10, 2000)}")
            rhk[0] = dataclasses.replace(rhk[0], iki=iki)
        tambahan = [i for i, x in enumerate(rhk) if x.jenis == "TAMBAHAN"]
        if len(rhk) < 5 and self.rng.random() < 0.3:
            rhk.append(IsianRHK("TAMBAHAN", f"Tugas tambahan {mark}", [
                IsianIKI("KUANTITAS", "Jumlah kegiatan", str(self.rng.randint(1, 30)), "Kegiatan"),
            ]))
        elif len(tambahan) > 1 and self.rng.random() < 0.3:
            del rhk[tambahan[-1]]
        isi = IsiSKP(pendekatan=pendekatan, rhk=rhk)
        self.jeda()

        def save():
            with jika_versi(Entitas.SKP, skp_id, seen) as h:
                skp_service.simpan_isi(self.aktor, skp_id, isi)
            return h.baru

        done = self.op("simpan_isi", save)
        if isinstance(done, int):
            aksi = ["perbaiki", "ubah"] if status == StatusSKP.PERLU_REVISI else ["ubah"]
            self.acks.append(Ack("SKP", str(skp_id), seen, done, aksi, self.nama,
                                 status=StatusSKP.DRAFT, isi=_isi_skp(isi.pendekatan, isi.rhk)))
        elif isinstance(done, DataBerubah) and ulang < 2:
            # "Muat ulang": the person reloads and applies the change again.
            again = self.op("muat_skp", lambda: (
                lambda s: (s.status, s.pendekatan, skp_service.isian(s), self.versi_skp(skp_id))
            )(skp_service.ambil(skp_id)))
            if isinstance(again, tuple) and again[0] in (StatusSKP.DRAFT, StatusSKP.PERLU_REVISI):
                status2, pendekatan2, rhk2, seen2 = again
                self.simpan(skp_id, seen2, status2, pendekatan2, rhk2, ulang + 1)

    @staticmethod
    def versi_skp(skp_id) -> int:
        from skpdesk.domain.entitas import Entitas
        from skpdesk.services.context import versi

        return versi(Entitas.SKP, skp_id)

    def langkah(self, entitas, rid, seen, kind, aksi, status, fn) -> None:
        from skpdesk.services.context import jika_versi

        def go():
            with jika_versi(entitas, rid, seen) as h:
                fn()
            return h.baru

        done = self.op(kind, go)
        if isinstance(done, int):
            self.acks.append(Ack(str(entitas), str(rid), seen, done, aksi, self.nama,
                                 status=str(status)))

    def isi_realisasi(self) -> None:
        from skpdesk.domain.entitas import Entitas
        from skpdesk.domain.evaluasi import STATUS_REALISASI_DAPAT_DIUBAH, StatusEvaluasi
        from skpdesk.domain.workflow import StatusSKP
        from skpdesk.services import evaluasi as ev_service
        from skpdesk.services import skp as skp_service
        from skpdesk.services.context import jika_versi, versi
        from skpdesk.store.models import Evaluasi

        rows = self.op("daftar_skp_saya", lambda: skp_service.daftar_skp_saya(self.aktor))
        if not isinstance(rows, list):
            return
        approved = [r for r in rows if r.status == StatusSKP.DISETUJUI]
        if not approved:
            return
        row = self.rng.choice(approved)

        def buka():
            # The evaluation screen opens the first period still open for realisasi.
            for per in ev_service.daftar_periode_kantor():
                found = Evaluasi.get_or_none((Evaluasi.skp == row.id)
                                             & (Evaluasi.periode == per.kode))
                if found is None:
                    found = ev_service.buka_evaluasi(self.aktor, row.id, per.kode)
                if found.status in STATUS_REALISASI_DAPAT_DIUBAH:
                    seen = versi(Entitas.EVALUASI, found.id)
                    found = ev_service.ambil(found.id)
                    return found, seen, ev_service.realisasi_per_iki(found)
            return None

        opened = self.op("buka_evaluasi", buka)
        if not isinstance(opened, tuple):
            return
        evaluasi, seen, per_iki = opened
        if not per_iki:
            return
        iki, _before = self.rng.choice(per_iki)
        teks = str(self.rng.randint(0, 2000)) if iki.target_min is not None else "Tercapai"
        mark = self.tanda()
        first = evaluasi.status == StatusEvaluasi.BELUM_DIISI
        self.jeda()

        def save():
            with jika_versi(Entitas.EVALUASI, evaluasi.id, seen) as h:
                ev_service.isi_realisasi(self.aktor, evaluasi.id, iki.id, teks, mark)
            return h.baru

        done = self.op("isi_realisasi", save)
        if isinstance(done, int):
            self.acks.append(Ack(
                "Evaluasi", str(evaluasi.id), seen, done,
                ["isi_realisasi"] if first else ["ubah_realisasi"], self.nama,
                status=str(StatusEvaluasi.DIISI), isi=[teks, mark],
                kunci_isi=f"{evaluasi.id}/{iki.id}",
            ))

    # --- penilai ---

    def langkah_penilai(self) -> None:
        from skpdesk.domain.entitas import Entitas
        from skpdesk.domain.workflow import StatusSKP
        from skpdesk.services import skp as skp_service

        rows = self.op("daftar_bawahan", lambda: skp_service.daftar_bawahan(
            self.aktor, self.tahun if self.rng.random() < 0.8 else self.tahun - 1))
        if not isinstance(rows, list):
            return
        if self.rng.random() < 0.1:
            self.op("daftar_skp_saya", lambda: skp_service.daftar_skp_saya(self.aktor))
        mine = [r for r in rows if r.id is not None and r.tahun == self.tahun]
        submitted = [r for r in mine if r.status == StatusSKP.DIAJUKAN]
        approved = [r for r in mine if r.status == StatusSKP.DISETUJUI]
        if submitted:
            # Half the time the first one in the list: the penilai's two clients then act on
            # the same SKP at the same moment.
            row = submitted[0] if self.rng.random() < 0.5 else self.rng.choice(submitted)
            seen = self.versi_skp(row.id)
            self.jeda()
            if self.rng.random() < 0.6:
                self.langkah(Entitas.SKP, row.id, seen, "setujui", ["setujui"],
                             StatusSKP.DISETUJUI,
                             lambda: skp_service.setujui(self.aktor, row.id, "Disetujui"))
            else:
                self.langkah(Entitas.SKP, row.id, seen, "kembalikan", ["kembalikan"],
                             StatusSKP.PERLU_REVISI,
                             lambda: skp_service.kembalikan(self.aktor, row.id,
                                                            "Target belum terukur"))
        elif approved and self.rng.random() < 0.3:
            # A change of plans mid-year: the approved SKP is reopened for revision.
            row = self.rng.choice(approved)
            seen = self.versi_skp(row.id)
            self.jeda()
            self.langkah(Entitas.SKP, row.id, seen, "buka_kembali", ["buka_kembali"],
                         StatusSKP.PERLU_REVISI,
                         lambda: skp_service.buka_kembali(self.aktor, row.id,
                                                          "Perubahan sasaran unit"))
        else:
            time.sleep(self.rng.uniform(0, 0.05))  # nothing to do: look at the list again


def _klien_main(nomor: int, nama: str, peran: str, target: str, data_dir: str, tahun: int,
                seed: int, siap, mulai, detik: float, keluar: str) -> None:
    """One client process: open the database, wait for the start, work, write the report."""
    os.environ["SKPDESK_DATA_DIR"] = data_dir
    report: dict = {"nomor": nomor, "nama": nama, "peran": peran, "ops": [], "acks": [],
                    "galat": []}
    try:
        from skpdesk.store import database
        from skpdesk.store.models import db

        database.open_database(target)
        klien = Klien(nomor, nama, peran, tahun, seed)
        siap.put(nomor)
        while mulai.value == 0:
            time.sleep(0.01)
        deadline = time.monotonic() + (mulai.value + detik - time.time())
        try:
            klien.run(deadline)
        finally:
            report["ops"] = klien.ops
            report["acks"] = [dataclasses.asdict(a) for a in klien.acks]
            report["galat"] = klien.galat
            report["pesan"] = dict(klien.pesan)
            db.close()
    except Exception:  # noqa: BLE001 - reported as an error of the run
        report["galat"].append(f"klien {nomor} ({nama}):\n" + traceback.format_exc())
        siap.put(nomor)
    Path(keluar).write_text(json.dumps(report, default=str))


# --- building the office --------------------------------------------------------------------


def siapkan(target: str, pegawai: list[str], tahun: int) -> None:
    """The demo office, and a filled draft SKP of ``tahun`` for each pegawai of the run."""
    from tests.helpers import ISI_VERIFIKASI, aktor_nama

    from skpdesk.services import demo
    from skpdesk.services import skp as skp_service
    from skpdesk.store import database
    from skpdesk.store.models import db

    database.open_database(target)
    try:
        demo.buat_kantor_demo(dengan_skp=True)
        for nama in pegawai:
            who = aktor_nama(nama)
            skp = skp_service.buat_skp(who, tahun)
            skp_service.simpan_isi(who, skp.id, ISI_VERIFIKASI)
    finally:
        db.close()


def nomor_terakhir() -> int:
    import peewee as pw

    from skpdesk.store.models import Riwayat

    return Riwayat.select(pw.fn.MAX(Riwayat.nomor)).scalar() or 0


# --- the checks ---------------------------------------------------------------------------------


def periksa(acks: list[Ack], sejak: int) -> dict[str, list[str]]:
    """Lost updates and history gaps; each a list of what is wrong."""
    from skpdesk.services import skp as skp_service
    from skpdesk.services import verifikasi
    from skpdesk.store import segel
    from skpdesk.store.models import SKP, Akun, Evaluasi, RealisasiIKI, Riwayat

    hilang: list[str] = []
    celah: list[str] = []

    by_record: dict[tuple[str, str], list[Ack]] = collections.defaultdict(list)
    for a in acks:
        by_record[(a.entitas, a.entitas_id)].append(a)

    def chain(entitas: str, rid: str) -> list:
        return list(Riwayat.select().where(segel.rantai_aktif(entitas, rid))
                    .order_by(Riwayat.nomor))

    names = {a.id: (a.pegawai.nama if a.pegawai else a.login) for a in Akun.select()}
    claimed: set[int] = set()

    for (entitas, rid), mine in by_record.items():
        rows = chain(entitas, rid)
        index = {r.nomor: i for i, r in enumerate(rows)}
        versions = [a.baru for a in mine]
        if len(versions) != len(set(versions)):
            hilang.append(f"{entitas} {rid}: two acknowledged changes wrote the same version")
        for a in mine:
            i = index.get(a.baru)
            if i is None:
                celah.append(f"{entitas} {rid}: acknowledged version {a.baru} has no history row")
                continue
            k = len(a.aksi)
            segment = rows[i - k + 1:i + 1] if i - k + 1 >= 0 else []
            if [r.aksi for r in segment] != a.aksi:
                celah.append(f"{entitas} {rid} v{a.baru}: rows {[r.aksi for r in segment]}, "
                             f"expected {a.aksi}")
                continue
            if any(names.get(r.oleh_id) != a.oleh for r in segment):
                celah.append(f"{entitas} {rid} v{a.baru}: a row not by {a.oleh}")
            before = rows[i - k].nomor if i - k >= 0 else 0
            if before != a.dilihat:
                # The change was made on another version than the one just before it.
                hilang.append(f"{entitas} {rid}: a change acknowledged at v{a.baru} was made "
                              f"from v{a.dilihat}, but v{before} came in between")
            claimed.update(r.nomor for r in segment)
        last = max(mine, key=lambda a: a.baru)
        # The status after the record's last acknowledged change (a later unacknowledged
        # change by an opening, e.g. an evaluation's first row, is checked by the gaps).
        if entitas == "SKP":
            skp = SKP.get_by_id(uuid.UUID(rid))
            if rows and rows[-1].nomor == last.baru and skp.status != last.status:
                hilang.append(f"SKP {rid}: status {skp.status}, last acknowledged {last.status}")
            saves = [a for a in mine if a.isi is not None]
            if saves:
                want = max(saves, key=lambda a: a.baru).isi
                got = _isi_skp(skp.pendekatan, skp_service.isian(skp))
                if json.loads(json.dumps(got)) != want:
                    hilang.append(f"SKP {rid}: content differs from its last acknowledged save")
        elif entitas == "Evaluasi":
            ev = Evaluasi.get_by_id(uuid.UUID(rid))
            if rows and rows[-1].nomor == last.baru and str(ev.status) != last.status:
                hilang.append(f"Evaluasi {rid}: status {ev.status}, last acknowledged "
                              f"{last.status}")

    # Realisasi: per (evaluasi, iki), the last acknowledged entry is in the database.
    per_key: dict[str, Ack] = {}
    for a in acks:
        if a.kunci_isi and (a.kunci_isi not in per_key or a.baru > per_key[a.kunci_isi].baru):
            per_key[a.kunci_isi] = a
    for key, a in per_key.items():
        ev_id, iki_id = key.split("/")
        row = RealisasiIKI.get_or_none((RealisasiIKI.evaluasi == uuid.UUID(ev_id))
                                       & (RealisasiIKI.iki == uuid.UUID(iki_id)))
        if row is None or [row.realisasi_teks, row.keterangan] != a.isi:
            hilang.append(f"realisasi {key}: {None if row is None else row.realisasi_teks!r}, "
                          f"last acknowledged {a.isi!r}")

    # Every row written during the run belongs to an acknowledged change, but for the first
    # row of an evaluation opened during the run (one per evaluation).
    new_rows = list(Riwayat.select().where(Riwayat.nomor > sejak).order_by(Riwayat.nomor))
    numbers = [r.nomor for r in new_rows]
    if len(numbers) != len(set(numbers)):
        celah.append("duplicate history numbers")
    opened = collections.Counter()
    for r in new_rows:
        if r.nomor in claimed:
            continue
        if r.entitas == "Evaluasi" and r.aksi == "buat":
            opened[r.entitas_id] += 1
            continue
        celah.append(f"row {r.nomor} {r.entitas} {r.entitas_id} {r.aksi} by {r.oleh_nama}: "
                     "no acknowledged change wrote it")
    celah.extend(f"Evaluasi {e}: opened {n} times" for e, n in opened.items() if n > 1)

    # Every record's chain, whole: sealed, each row pointing at the one before it.
    records = collections.defaultdict(list)
    for r in Riwayat.select().order_by(Riwayat.nomor):
        records[(r.entitas, r.entitas_id)].append(r)
    aside = {r.riwayat_id for r in segel.m.RiwayatDisisihkan.select()}
    for (entitas, rid), rows in records.items():
        rows = [r for r in rows if r.id not in aside]
        for prev, r in zip([None, *rows[:-1]], rows, strict=True):
            if r.hash is None:
                celah.append(f"{entitas} {rid}: row {r.nomor} not sealed")
            want = prev.hash if prev is not None else ""
            if r.hash_sebelum != want:
                celah.append(f"{entitas} {rid}: row {r.nomor} does not chain onto "
                             f"{prev.nomor if prev else 'the start'}")
    laporan = verifikasi.periksa()
    if not laporan.ok:
        celah.extend(f"verifikasi: {t}" for t in laporan.galat)
    return {"hilang": hilang, "celah": celah, "periksa_ok": [str(laporan.ok)],
            "baris": [str(len(new_rows))]}


# --- report ---------------------------------------------------------------------------------------


def _persen(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def _budget(kind: str, value: float | None = None) -> str:
    if kind in DAFTAR:
        verdict = "" if value is None else (" ok" if value <= BUDGET_DAFTAR_MS else " OVER")
        return f"≤ {BUDGET_DAFTAR_MS:.0f} ms (§4 Scale, every list){verdict}"
    return "no budget"


def laporan(reports: list[dict], detik: float) -> tuple[list[str], int]:
    lines = []
    by_kind: dict[str, list[float]] = collections.defaultdict(list)
    outcomes: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for rep in reports:
        for kind, ms, outcome in rep["ops"]:
            outcomes[kind][outcome] += 1
            if outcome == "ok":
                by_kind[kind].append(ms)
            else:
                by_kind[kind + "!"].append(ms)
    kinds = [k for k in JENIS_URUT if k in outcomes] + sorted(set(outcomes) - set(JENIS_URUT))
    header = (f"{'operation':<18}{'done':>7}{'refused':>9}  {'p50 ms':>8}{'p95 ms':>8}"
              f"{'max ms':>8}  budget (p95)")
    lines.append(header)
    lines.append("-" * len(header))
    total_ok = 0
    all_ms: list[float] = []
    refusals: collections.Counter = collections.Counter()
    for kind in kinds:
        ok = outcomes[kind]["ok"]
        total_ok += ok
        ms = by_kind[kind] + by_kind[kind + "!"]
        all_ms.extend(ms)
        refused = {o: n for o, n in outcomes[kind].items() if o not in ("ok", "GALAT")}
        for o, n in refused.items():
            refusals[(kind, o)] += n
        p95 = _persen(ms, 95)
        lines.append(f"{kind:<18}{ok:>7}{sum(refused.values()):>9}  {_persen(ms, 50):>8.1f}"
                     f"{p95:>8.1f}{max(ms):>8.1f}  {_budget(kind, p95)}")
    n_all = sum(sum(c.values()) for c in outcomes.values())
    lines.append(f"{'all':<18}{total_ok:>7}{sum(refusals.values()):>9}  "
                 f"{_persen(all_ms, 50):>8.1f}{_persen(all_ms, 95):>8.1f}"
                 f"{max(all_ms, default=0):>8.1f}  no budget")
    lines.append("")
    lines.append(f"throughput: {n_all / detik:.1f} operations/s ({total_ok / detik:.1f} done/s), "
                 f"{n_all} operations in {detik:.0f} s by {len(reports)} clients  (no budget)")
    lines.append("refusals (expected, shown to the person as they are):")
    for (kind, o), n in sorted(refusals.items()):
        lines.append(f"  {kind:<18}{o:<16}{n:>6}")
    messages: collections.Counter = collections.Counter()
    for rep in reports:
        messages.update(rep.get("pesan", {}))
    if messages:
        lines.append("other refusals by message (DataBerubah: \"Data ini sudah diubah oleh …\"):")
        lines.extend(f"  {n:>6}  {m}" for m, n in messages.most_common())
    galat = sum(c["GALAT"] for c in outcomes.values())
    return lines, galat


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--klien", type=int, default=10)
    parser.add_argument("--detik", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sqlite", action="store_true",
                        help="the same on one SQLite file instead of a PostgreSQL server")
    args = parser.parse_args(argv)
    os.environ.pop("SKPDESK_DATABASE_URL", None)

    from tests import pg

    from skpdesk.store.models import db

    root = Path(tempfile.mkdtemp(prefix="skpdesk-beban-"))
    data_dir = root / "data"
    os.environ["SKPDESK_DATA_DIR"] = str(data_dir)
    people = [KLIEN[i % len(KLIEN)] for i in range(args.klien)]
    pegawai = sorted({n for n, role in people if role == "pegawai"})
    tahun = dt.date.today().year + 1
    cluster = None
    started = time.monotonic()
    try:
        if args.sqlite:
            target = str(root / "kantor.db")
            engine = "SQLite (one file)"
        else:
            cluster = pg.Cluster()
            cluster.start()
            target = cluster.create("beban")
            engine = "PostgreSQL (throwaway cluster on loopback)"
        _cheap_hashing()
        t0 = time.monotonic()
        siapkan(target, pegawai, tahun)
        print(f"engine: {engine}")
        print(f"office: the demo kecamatan plus a draft SKP {tahun} for each of {len(pegawai)} "
              f"pegawai, built in {time.monotonic() - t0:.1f} s (cheap password hashing and key "
              "derivation for the build only, as in the tests)")
        from skpdesk.store import database

        database.open_database(target)
        sejak = nomor_terakhir()
        db.close()

        ctx = mp.get_context("spawn")
        siap = ctx.Queue()
        mulai = ctx.Value("d", 0.0)
        procs = []
        for i, (nama, role) in enumerate(people):
            out = root / f"klien_{i}.json"
            p = ctx.Process(target=_klien_main, args=(
                i, nama, role, target, str(data_dir), tahun, args.seed, siap, mulai,
                args.detik, str(out)), daemon=True)
            p.start()
            procs.append((p, out))
        for _ in procs:
            siap.get(timeout=120)
        mulai.value = time.time()
        hard_stop = time.monotonic() + args.detik + BATAS_LEBIH_S
        for p, _out in procs:
            p.join(timeout=max(0.0, hard_stop - time.monotonic()))
        wall = time.time() - mulai.value
        reports, unfinished = [], []
        for i, (p, out) in enumerate(procs):
            if p.is_alive():
                p.terminate()
                p.join(5)
                unfinished.append(f"klien {i} ({people[i][0]}) still running at the hard stop")
            elif out.exists():
                reports.append(json.loads(out.read_text()))
            else:
                unfinished.append(f"klien {i} ({people[i][0]}) ended without a report "
                                  f"(exit code {p.exitcode})")
        print(f"clients: {len(procs)} processes, each one person of the office with its own "
              f"connection: " + ", ".join(f"{n} ({r})" for n, r in people))
        print(f"run: {args.detik:.0f} s asked, {wall:.1f} s until the last client stopped "
              f"(hard stop at {args.detik + BATAS_LEBIH_S:.0f} s)")
        print()
        lines, galat_ops = laporan(reports, args.detik)
        print("\n".join(lines))
        print()

        errors = [g for rep in reports for g in rep["galat"]] + unfinished
        acks = [Ack(**a) for rep in reports for a in rep["acks"]]
        database.open_database(target)
        try:
            t0 = time.monotonic()
            found = periksa(acks, sejak)
            check_s = time.monotonic() - t0
        finally:
            db.close()
        failed = False
        print(f"acknowledged changes: {len(acks)}; history rows written: {found['baris'][0]}; "
              f"checked in {check_s:.1f} s")
        for label, items, bar in (
            ("unhandled errors", errors, "0 (§4 Concurrency: never a traceback)"),
            ("lost updates", found["hilang"], "0 (§4 Concurrency: never a lost update)"),
            ("history gaps", found["celah"], "0 (§4 Trust: every row signed and chained)"),
        ):
            verdict = "ok" if not items else "FAIL"
            print(f"{label + ':':<18}{len(items):>5}   budget {bar}  {verdict}")
            failed |= bool(items)
        print(f"{'verifikasi.periksa().ok:':<24}{found['periksa_ok'][0]}")
        for label, items in (("unhandled errors", errors), ("lost updates", found["hilang"]),
                             ("history gaps", found["celah"])):
            if items:
                print(f"\n--- {label} ---")
                for item in items[:40]:
                    print(item)
                if len(items) > 40:
                    print(f"… and {len(items) - 40} more")
        if galat_ops != len([g for rep in reports for g in rep["galat"]]):
            failed = True
        print(f"\ntotal {time.monotonic() - started:.0f} s")
        return 1 if failed else 0
    finally:
        with contextlib.suppress(Exception):
            db.close()
        if cluster is not None:
            cluster.stop()
        import shutil

        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
