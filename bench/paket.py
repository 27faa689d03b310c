"""Exchange packages against their budgets: one SKP with its year's history exported and imported
under 200 ms; a unit's package of 100 records under 5 s.

    .venv/bin/python bench/paket.py

Builds the demo office (with its evaluated years) in a temporary folder, sets a second laptop up
from its office package (not timed), then times export on the first and import on the second.
The floor, measured in the same run, is writing and reading back a zip of the same bytes: what
any package format pays. Timings are printed beside their budgets, never asserted.
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

BUDGET_ONE_MS = 200
BUDGET_UNIT_S = 5.0
RUNS = int(os.environ.get("BENCH_RUNS", "5"))


def _floor(path: Path) -> float:
    """Seconds to rewrite and reread the package's members as a plain zip."""
    with zipfile.ZipFile(path) as z:
        members = {n: z.read(n) for n in z.namelist()}
    start = time.perf_counter()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
        for name in z.namelist():
            z.read(name)
    return time.perf_counter() - start


def main() -> int:
    from argon2 import PasswordHasher

    from skpdesk.domain.entitas import Entitas
    from skpdesk.services import akun as akun_service
    from skpdesk.services import demo, paket
    from skpdesk.services import kunci as kunci_mod
    from skpdesk.store import database
    from skpdesk.store.models import SKP, Evaluasi, db

    akun_service.hasher = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    kunci_mod.KDF = {"t": 1, "m": 64, "p": 1}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)

        def laptop(name: str) -> None:
            if db.obj is not None:
                db.obj.close()
            os.environ[database.ENV_DATA_DIR] = str(root / name / "data")
            database.open_database(root / name / "skpdesk.db")

        laptop("kantor")
        demo.buat_kantor_demo()
        admin = akun_service.masuk(demo.ADMIN_LOGIN, demo.DEMO_SANDI)
        office = root / "kantor.skpx"
        paket.ekspor_kantor(admin, office)
        # The SKP of last year that went through every period: the longest history.
        skp = max(SKP.select(), key=lambda s: Evaluasi.select().where(Evaluasi.skp == s).count())
        one_items = paket.untuk_rekaman(Entitas.SKP, skp.id)
        one_items += [(Entitas.EVALUASI, str(e.id))
                      for e in Evaluasi.select().where(Evaluasi.skp == skp)]
        # A unit's worth: evaluations with their SKPs (and what those need), 100 records.
        unit_items: list = []
        for e in Evaluasi.select().order_by(Evaluasi.tahun, Evaluasi.id):
            grown = paket._dengan_kebutuhan([*unit_items, (Entitas.EVALUASI, str(e.id))])
            if len(grown) > 100:
                break
            unit_items = grown

        results = {}
        for label, items in (("satu", one_items), ("unit", unit_items)):
            exports, imports, floors = [], [], []
            for run in range(RUNS):
                laptop("kantor")
                out = root / f"{label}{run}.skpx"
                start = time.perf_counter()
                paket.ekspor_dokumen(admin, out, items)
                exports.append(time.perf_counter() - start)
                floors.append(_floor(out))
                laptop(f"penerima-{label}-{run}")
                paket.impor(office)
                start = time.perf_counter()
                hasil = paket.impor(out)
                imports.append(time.perf_counter() - start)
                assert not hasil.konflik, hasil.ringkasan()
            results[label] = (len(items), out.stat().st_size, statistics.median(exports),
                              statistics.median(imports), statistics.median(floors))
        db.obj.close()

    n, size, exp, imp, floor = results["satu"]
    print(f"satu SKP + riwayat setahun ({n} data, {size / 1000:.0f} kB): ekspor {exp * 1000:.0f} ms"
          f" + impor {imp * 1000:.0f} ms = {(exp + imp) * 1000:.0f} ms"
          f"  (anggaran {BUDGET_ONE_MS} ms; lantai zip {floor * 1000:.1f} ms)")
    n, size, exp, imp, floor = results["unit"]
    print(f"paket satu unit ({n} data, {size / 1000:.0f} kB): ekspor {exp:.2f} s"
          f" + impor {imp:.2f} s = {exp + imp:.2f} s"
          f"  (anggaran {BUDGET_UNIT_S:.0f} s; lantai zip {floor * 1000:.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
