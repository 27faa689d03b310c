"""Verifying the signed history against the issue's budgets: the full check of a large office
(500 pegawai × 10 years) under 10 s, the quick content check at start-up on the demo office under
0.3 s — each beside a floor measured in the same run.

    .venv/bin/python bench/bench_verifikasi.py [--pegawai N] [--tahun N] [--berkas FILE] [--profil]
    make bench-verifikasi

(The main window runs both checks on a worker thread after login: the quick one's figure is how
soon the banner can appear, not a pause of the window.)

The large office is generated quickly but really: units, pegawai and accounts (each with its own
key, certified by the office) through the services; per pegawai and year an SKP (3 RHK, 6 IKI,
7 ekspektasi) and four evaluations (6 realisasi, 7 umpan balik each) inserted by the models; and
30 history rows per pegawai-year written with ``catat`` in one transaction per pegawai, so that
store/segel.py chains, hashes and signs every one of them at commit as in use.

The floors: reading the same rows with bare SELECTs (no Python objects), hashing the same number
of bytes with SHA-256, and one Ed25519 verification per signed history row, on one thread and on
as many as the check uses.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import hashlib
import os
import pstats
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

BUDGET_FULL_S = 10.0  # 500 pegawai × 10 years
BUDGET_QUICK_S = 0.3  # added at start-up, demo office
SANDI = "rahasia123"
BARIS_PER_TAHUN = 30  # history rows per pegawai-year: 6 for the SKP, 6 for each evaluation
PERIODE = ("TW1", "TW2", "TW3", "TW4")


def _cheap_hashing() -> None:
    """Password hashing and key derivation are slow on purpose; they are not measured here."""
    from argon2 import PasswordHasher

    from skpdesk.services import akun as akun_service
    from skpdesk.services import kunci as kunci_mod

    akun_service.hasher = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    kunci_mod.KDF = {"t": 1, "m": 64, "p": 1}


def _nip(i: int) -> str:
    lahir = dt.date(1970 + i % 20, 1 + (i // 20) % 12, 1 + (i // 240) % 28)
    return f"{lahir:%Y%m%d}201503{1 + i % 2}{1 + i // 6720:03d}"


_DEPAN = ("Adi Agus Ani Bayu Budi Citra Dedi Dewi Dimas Eka Endang Fajar Fitri Gita Hadi Hendra "
          "Indah Joko Kartika Lia Made Nur Putri Rina Sari Slamet Taufik Wahyu Yusuf Zahra").split()
_BELAKANG = ("Pratama Saputra Wibowo Lestari Hidayat Susanti Nugroho Rahayu Setiawan Kurniawan "
             "Handayani Gunawan Santoso Purnomo Wijaya Hartono Maharani Permana Utami Siregar "
             "Nasution Harahap Simanjuntak Sembiring Tarigan Lubis Daulay Pohan Ritonga").split()


def _nama(i: int) -> str:
    return f"{_DEPAN[i % len(_DEPAN)]} {_BELAKANG[(i // len(_DEPAN)) % len(_BELAKANG)]}"


def _median(fn, runs: int) -> tuple[float, object]:
    samples, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), result


# --- the large office ---------------------------------------------------------------------------


def buat_kantor_besar(n_pegawai: int, n_tahun: int) -> dict[str, float]:
    """Fill the open, empty database; returns the seconds each stage took."""
    from decimal import Decimal

    from skpdesk.domain.entitas import Entitas
    from skpdesk.services import akun as akun_service
    from skpdesk.services import kantor
    from skpdesk.services import kunci as kunci_mod
    from skpdesk.services import pegawai as roster
    from skpdesk.services.context import catat
    from skpdesk.store import isi as isi_mod
    from skpdesk.store import models as m

    stages: dict[str, float] = {}
    t0 = time.perf_counter()
    units = [f"Bidang {n + 1}" for n in range(10)]
    kantor.siapkan_kantor(kantor.DataKantor(
        nama_instansi="Badan Kepegawaian Contoh", pemerintah_daerah="Pemerintah Kabupaten Contoh",
        alamat="Jl. Contoh 1", tempat="Contoh", unit=units, admin_login="admin",
        admin_sandi=SANDI))
    admin = akun_service.masuk("admin", SANDI)
    unit_ids = [u.id for u in m.UnitKerja.select().where(m.UnitKerja.induk.is_null(False))
                .order_by(m.UnitKerja.urutan)]
    wrap = kunci_mod.turunkan(SANDI)
    hashed = akun_service.hash_sandi(SANDI)
    people = []
    with m.db.atomic():
        for i in range(n_pegawai):
            unit = unit_ids[i % len(unit_ids)]
            head = people[i % len(unit_ids)][0] if i >= len(unit_ids) else None
            p = roster.tambah_pegawai(admin, roster.DataPegawai(
                nip=_nip(i), nama=_nama(i), golongan="III/b", unit_id=unit,
                atasan_id=head.id if head else None))
            akun = akun_service.buat_akun(admin, p.nip, SANDI, pegawai_id=p.id,
                                          harus_ganti_sandi=False, hash_sama=hashed,
                                          sandi_sama=wrap)
            people.append((p, akun_service.aktor_dengan_sandi(akun, wrap)))
    stages["pegawai dan akun (layanan)"] = time.perf_counter() - t0

    year0 = dt.date.today().year - n_tahun + 1
    t1 = time.perf_counter()
    inserted = 0
    # Sealing a row hashes its record's content as it is at commit; the six rows of a record
    # written in one transaction share it, so it is computed once (the same hash segel.py would
    # compute six times: the rows are as in use, only made faster).
    hash_isi = isi_mod.hash_isi
    memo: dict[tuple[str, str], str | None] = {}

    def hash_sekali(entitas: str, entitas_id: object) -> str | None:
        key = (str(entitas), str(entitas_id))
        if key not in memo:
            memo[key] = hash_isi(entitas, entitas_id)
        return memo[key]

    isi_mod.hash_isi = hash_sekali
    for i, (p, me) in enumerate(people):
        penilai, atasan = people[i % len(unit_ids)] if i >= len(unit_ids) else (p, me)
        memo.clear()
        with m.db.atomic():
            for tahun in range(year0, year0 + n_tahun):
                skp_id = uuid.uuid4()
                m.SKP.insert(
                    id=skp_id, pegawai=p.id, tahun=tahun, tgl_mulai=dt.date(tahun, 1, 1),
                    tgl_selesai=dt.date(tahun, 12, 31), status="DIARSIPKAN",
                    penilai=penilai.id,
                    snapshot={"pegawai": {"nama": p.nama, "nip": p.nip, "golongan": "III/b",
                                          "jabatan": "Analis", "unit": "Bidang"},
                              "penilai": {"nama": penilai.nama, "nip": penilai.nip}},
                    lampiran={"dukungan_sumber_daya": ["Komputer", "Jaringan"]}, versi=4,
                ).execute()
                rhk_rows, iki_rows = [], []
                for r in range(3):
                    rhk_id = uuid.uuid4()
                    rhk_rows.append({"id": rhk_id, "skp": skp_id, "jenis": "UTAMA", "urutan": r,
                                     "uraian": f"Rencana hasil kerja {r + 1} tahun {tahun}"})
                    for k in range(2):
                        iki_rows.append({
                            "id": uuid.uuid4(), "rhk": rhk_id, "urutan": k,
                            "aspek": "KUANTITAS" if k == 0 else "KUALITAS",
                            "indikator": f"Indikator {r + 1}.{k + 1}", "target_teks": "12",
                            "target_min": Decimal(12), "satuan": "Dokumen"})
                m.RencanaHasilKerja.insert_many(rhk_rows).execute()
                m.IndikatorKinerja.insert_many(iki_rows).execute()
                m.EkspektasiPerilaku.insert_many([
                    {"id": uuid.uuid4(), "skp": skp_id, "nomor": n,
                     "ekspektasi_khusus": f"Ekspektasi khusus {n}"} for n in range(1, 8)
                ]).execute()
                inserted += 1 + len(rhk_rows) + len(iki_rows) + 7
                for aksi, who in (("buat", me), ("simpan_isi", me), ("ajukan", me),
                                  ("setujui", atasan), ("atur_ekspektasi", atasan),
                                  ("arsipkan", me)):
                    catat(who, Entitas.SKP, skp_id, aksi)
                for periode in PERIODE:
                    ev_id = uuid.uuid4()
                    m.Evaluasi.insert(
                        id=ev_id, skp=skp_id, tahun=tahun, periode=periode, status="FINAL",
                        rating_hasil_kerja="SESUAI_EKSPEKTASI",
                        rating_perilaku="SESUAI_EKSPEKTASI", predikat="BAIK", versi=6,
                    ).execute()
                    m.RealisasiIKI.insert_many([
                        {"id": uuid.uuid4(), "evaluasi": ev_id, "iki": iki["id"],
                         "realisasi_teks": "12", "realisasi_angka": Decimal(12),
                         "keterangan": "Sesuai rencana", "umpan_balik": "Pertahankan"}
                        for iki in iki_rows
                    ]).execute()
                    m.UmpanBalikPerilaku.insert_many([
                        {"id": uuid.uuid4(), "evaluasi": ev_id, "nomor": n,
                         "umpan_balik": "Baik"} for n in range(1, 8)
                    ]).execute()
                    inserted += 1 + len(iki_rows) + 7
                    for aksi, who in (("buka", me), ("isi_realisasi", me), ("ajukan", me),
                                      ("nilai", atasan), ("umpan_balik", atasan),
                                      ("finalkan", atasan)):
                        catat(who, Entitas.EVALUASI, ev_id, aksi)
        if (i + 1) % 50 == 0:
            done = time.perf_counter() - t1
            print(f"  {i + 1} pegawai of {len(people)}: {done:.0f} s", file=sys.stderr,
                  flush=True)
    isi_mod.hash_isi = hash_isi
    stages[f"SKP dan evaluasi ({inserted} baris isi) + riwayat tersegel"] = (
        time.perf_counter() - t1)
    m.db.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    m.db.obj.execute_sql("ANALYZE")
    return stages


# --- floors ---------------------------------------------------------------------------------


def lantai() -> dict[str, float]:
    """What no check of these rows can beat, measured on the same database."""
    from skpdesk.store import isi as isi_mod
    from skpdesk.store import models as m
    from skpdesk.store import segel

    database = m.db.obj
    out: dict[str, float] = {}

    def bare_select() -> int:
        n = 0
        tables = {s.model._meta.table_name for s in isi_mod.SPEK.values()}
        for spek in isi_mod.SPEK.values():
            for a in spek.anak:
                tables.add(a.model._meta.table_name)
                tables.update(b.model._meta.table_name for b in a.anak)
        for table in sorted(tables | {"riwayat", "kunci_publik"}):
            n += len(database.execute_sql(f'SELECT * FROM "{table}"').fetchall())
        return n

    out["select"], _rows = _median(bare_select, 3)

    rows = database.execute_sql("SELECT hash, kunci, tanda_tangan FROM riwayat").fetchall()
    keys = {s: bytes.fromhex(p) for s, p in
            database.execute_sql("SELECT sidik, publik FROM kunci_publik").fetchall()}
    # The bytes the check hashes: each row's canonical form and each record's content.
    size = sum(len(isi_mod.kanonik(segel.bentuk(r))) for r in m.Riwayat.select().dicts())
    for kind in isi_mod.SPEK:
        size += sum(len(isi_mod.kanonik(c)) for c in isi_mod.isi_banyak(kind).values())
    blob = os.urandom(1 << 20)
    start = time.perf_counter()
    for offset in range(0, size, len(blob)):
        hashlib.sha256(blob[: min(len(blob), size - offset)]).digest()
    out["sha256"] = time.perf_counter() - start
    out["sha256_mb"] = size / 1e6

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from skpdesk.services import kunci as kunci_mod
    from skpdesk.services.verifikasi import pekerja_bawaan

    loaded = {s: Ed25519PublicKey.from_public_bytes(k) for s, k in keys.items()}
    signed = [(loaded[sidik], bytes.fromhex(sig), bytes.fromhex(digest))
              for digest, sidik, sig in rows if sig and sidik in loaded]
    start = time.perf_counter()
    for key, sig, digest in signed:
        key.verify(sig, digest)
    out["ed25519"] = time.perf_counter() - start
    items = [(keys[sidik].hex(), sig, bytes.fromhex(digest))
             for digest, sidik, sig in rows if sig and sidik in keys]
    out["threads"] = pekerja_bawaan()
    start = time.perf_counter()
    kunci_mod.benar_banyak(items, pekerja=out["threads"])
    out["ed25519_paralel"] = time.perf_counter() - start
    out["rows"] = len(signed)
    return out


# --- the runs -------------------------------------------------------------------------------


def ukur_demo(folder: Path) -> dict[str, object]:
    from skpdesk.services import demo, verifikasi
    from skpdesk.store import database
    from skpdesk.store.models import db

    database.open_database(folder / "demo.db")
    demo.buat_kantor_demo()
    quick, laporan = _median(verifikasi.periksa_isi, 7)
    full, full_laporan = _median(verifikasi.periksa, 3)
    floor = lantai()
    db.obj.close()
    db.initialize(None)
    return {"quick": quick, "quick_laporan": laporan, "full": full, "laporan": full_laporan,
            "floor": floor}


def ukur_besar(path: Path, n_pegawai: int, n_tahun: int, profil: bool) -> dict[str, object]:
    from skpdesk.services import verifikasi
    from skpdesk.store import database
    from skpdesk.store.models import db

    reuse = path.exists()
    database.open_database(path)
    t0 = time.perf_counter()
    stages = {} if reuse else buat_kantor_besar(n_pegawai, n_tahun)
    generated = time.perf_counter() - t0
    verifikasi.periksa()  # the file cache warm, as after a day's use
    full, laporan = _median(verifikasi.periksa, 3)
    quick, quick_laporan = _median(verifikasi.periksa_isi, 3)
    floor = lantai()
    if profil:
        profiler = cProfile.Profile()
        profiler.enable()
        verifikasi.periksa()
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
    size = path.stat().st_size
    db.obj.close()
    db.initialize(None)
    return {"stages": stages, "generated": generated, "full": full, "laporan": laporan,
            "quick": quick, "quick_laporan": quick_laporan, "floor": floor, "size": size}


def _baris(label: str, value: str, budget: str = "—") -> None:
    print(f"{label:<58} {value:>14}   {budget}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pegawai", type=int, default=500)
    parser.add_argument("--tahun", type=int, default=10)
    parser.add_argument("--profil", action="store_true", help="profile one full check")
    parser.add_argument("--berkas", type=Path,
                        help="keep the large office in this file (reused when it exists)")
    args = parser.parse_args(argv)
    _cheap_hashing()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["SKPDESK_DATA_DIR"] = str(folder / "data")
        demo = ukur_demo(folder)
        big = ukur_besar(args.berkas or folder / "besar.db", args.pegawai, args.tahun,
                         args.profil)

    ok = True
    print()
    print(f"{os.cpu_count()} cores")
    print(f"demo office: {demo['laporan'].baris} history rows, {demo['laporan'].rekaman} records")
    _baris("  quick check periksa_isi() at start-up (median of 7)",
           f"{demo['quick'] * 1000:.0f} ms", f"≤ {BUDGET_QUICK_S * 1000:.0f} ms")
    _baris("  full check periksa()", f"{demo['full'] * 1000:.0f} ms")
    _baris("  floor: bare SELECT of the same tables", f"{demo['floor']['select'] * 1000:.0f} ms")
    ok &= demo["quick"] <= BUDGET_QUICK_S

    laporan = big["laporan"]
    print()
    print(f"large office: {args.pegawai} pegawai × {args.tahun} years, {laporan.baris} history "
          f"rows, {laporan.rekaman} records, {big['size'] / 1e6:.0f} MB "
          + (f"(generated in {big['generated']:.0f} s)" if big["stages"] else "(reused)"))
    for stage, seconds in big["stages"].items():
        _baris(f"  generating: {stage}", f"{seconds:.1f} s")
    budget = BUDGET_FULL_S if (args.pegawai, args.tahun) == (500, 10) else None
    _baris("  full check periksa() (median of 3)", f"{big['full']:.2f} s",
           f"≤ {BUDGET_FULL_S:.0f} s" if budget else "(budget is for 500 × 10)")
    _baris("  quick check periksa_isi()", f"{big['quick']:.2f} s")
    floor = big["floor"]
    _baris("  floor: bare SELECT of the same tables", f"{floor['select']:.2f} s")
    _baris(f"  floor: SHA-256 of {floor['sha256_mb']:.0f} MB", f"{floor['sha256']:.2f} s")
    _baris(f"  floor: Ed25519 verify × {floor['rows']}, one thread", f"{floor['ed25519']:.2f} s")
    _baris(f"  floor: the same on {floor['threads']} threads (as the check does)",
           f"{floor['ed25519_paralel']:.2f} s")
    _baris("  floor: SELECT + SHA-256 + Ed25519 on all threads",
           f"{floor['select'] + floor['sha256'] + floor['ed25519_paralel']:.2f} s")
    if budget:
        ok &= big["full"] <= BUDGET_FULL_S
    findings = len(laporan.temuan) + len(demo["laporan"].temuan)
    if findings:
        print(f"UNEXPECTED: {findings} findings on clean offices, e.g. "
              f"{(laporan.temuan or demo['laporan'].temuan)[0]}", file=sys.stderr)
        ok = False
    print()
    print("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
