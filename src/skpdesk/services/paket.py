"""Exchange packages (``.skpx``): the chain travels between laptops on a flash disk.

A package is a zip:

- ``manifest.json``: format version, office (its key's fingerprint), creator, time, app
  version, and every other file with its size and SHA-256;
- ``manifest.sig``: the creator's Ed25519 signature of the manifest (the office key's for an
  office package);
- ``kunci.json``: the public keys the rows are signed with, each certified by the office key;
- ``rekaman/<Entitas>/<id>.json``: one record's canonical content (store/isi.py) and its signed
  history rows;
- ``lampiran/<sha256>``: the bukti dukung files the records name.

An **office package** (from a pengadministrasi kepegawaian) carries the office: settings, units,
jabatan, pegawai and accounts, so that a new laptop can be set up from it and an existing one
brought up to date. A **document package** carries SKPs, evaluations and Pengukuran chains.

Importing checks everything before it writes anything (one transaction; any refusal leaves
the database as it was):

1. the zip: size limits, safe names, the manifest's hashes, its signature;
2. the keys: certified by this office's key (a new laptop learns the office key from its first
   office package); a package of another office is refused;
3. each record: every row's hash, signature and link, and its content against the last row;
4. each new step of a chain is replayed against its workflow table: the signer must have been
   given that action, in that state, on that record;
5. the merge, per record, by comparing the two chains of row hashes:
   - the package's chain extends this laptop's: the new rows and the content are applied;
   - it is the same, or older (a prefix of ours): nothing changes;
   - they diverged: a conflict is kept (``Konflik``) with both sides; nothing is overwritten.
     The party whose turn it is where they diverged chooses (``selesaikan_konflik``): the
     rows of the side not chosen are set aside (kept, out of the chain) and a signed row
     records the choice, so the other laptop follows when it receives the next package.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import uuid
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, TextIO

import peewee as pw

from skpdesk import __version__
from skpdesk.domain.entitas import Entitas
from skpdesk.domain.kepegawaian import Peran
from skpdesk.domain.workflow import TransisiDitolak
from skpdesk.i18n import _
from skpdesk.services import kunci as kunci_mod
from skpdesk.services import rantai, verifikasi
from skpdesk.services.context import Aktor, catat, kunci_rekaman, now, wajib, wajib_peran
from skpdesk.services.errors import LayananError, TidakDitemukan
from skpdesk.store import database, segel
from skpdesk.store import isi as isi_mod
from skpdesk.store.models import (
    SKP,
    Akun,
    CapaianOrganisasi,
    Evaluasi,
    Instansi,
    Konflik,
    KunciPublik,
    Pegawai,
    PengukuranKinerja,
    PerjanjianKinerja,
    RencanaHasilKerja,
    Riwayat,
    RiwayatDisisihkan,
    db,
)

FORMAT = 1
EKSTENSI = ".skpx"
JENIS_KANTOR = "KANTOR"
JENIS_DOKUMEN = "DOKUMEN"

# Limits: a package is read into memory; these keep a hostile or broken one harmless.
BATAS_BERKAS = 20 * 1024 * 1024  # one file (the largest bukti dukung is 10 MB)
BATAS_TOTAL = 300 * 1024 * 1024  # everything, uncompressed
BATAS_JUMLAH = 50_000  # files

# Records in the order they may be written: what a record points at comes first.
URUTAN_KANTOR = (Entitas.INSTANSI, Entitas.PENGATURAN, Entitas.UNIT_KERJA, Entitas.JABATAN,
                 Entitas.PEGAWAI, Entitas.AKUN)
URUTAN_DOKUMEN = (Entitas.SKP, Entitas.CAPAIAN_ORGANISASI, Entitas.EVALUASI,
                  Entitas.PERJANJIAN_KINERJA, Entitas.PENGUKURAN_KINERJA)
URUTAN = URUTAN_KANTOR + URUTAN_DOKUMEN


class PaketDitolak(LayananError):
    """The package is refused; the database is as it was."""


@dataclass
class HasilImpor:
    """What an import did, record by record, for the person and the tests."""

    diterapkan: list[str] = field(default_factory=list)  # records changed, in words
    sama: int = 0  # records already up to date (or newer here)
    konflik: list[str] = field(default_factory=list)
    baris_baru: int = 0
    lampiran_baru: int = 0
    jenis: str = ""
    pengirim: str = ""

    @property
    def berubah(self) -> bool:
        return bool(self.diterapkan or self.konflik)

    def ringkasan(self) -> str:
        lines = [_("Paket dari {pengirim}: {n} data diperbarui, {sama} sudah sama, "
                   "{k} konflik.").format(pengirim=self.pengirim, n=len(self.diterapkan),
                                          sama=self.sama, k=len(self.konflik))]
        lines += [f"  + {u}" for u in self.diterapkan]
        lines += [_("  ! konflik: {u}").format(u=u) for u in self.konflik]
        return "\n".join(lines)


# --- building a package ---------------------------------------------------------------------


def _baris_paket(entitas: str, entitas_id: str) -> list[dict]:
    """A record's chain (rows set aside by a resolution stay home), as packaged."""
    rows = (Riwayat.select().where(segel.rantai_aktif(entitas, entitas_id))
            .order_by(Riwayat.nomor))
    out = []
    for r in rows:
        data = segel.bentuk(segel.sebagai_dict(r))
        data["hash"] = r.hash
        data["tanda_tangan"] = r.tanda_tangan
        out.append(data)
    return out


def _kunci_json() -> list[dict]:
    return [
        {"sidik": k.sidik, "jenis": k.jenis, "akun": None if k.akun_id is None else str(k.akun_id),
         "publik": k.publik, "sertifikat": k.sertifikat, "dibuat": k.dibuat.isoformat()}
        for k in KunciPublik.select().order_by(KunciPublik.dibuat)
    ]


def _lampiran(contents: Iterable[dict]) -> dict[str, Path]:
    """The bukti dukung files an evaluation's content names, by their SHA-256."""
    found: dict[str, Path] = {}
    for content in contents:
        for realisasi in content.get("realisasi", []):
            for bukti in realisasi.get("bukti", []):
                if bukti.get("sha256") and bukti.get("path"):
                    found[bukti["sha256"]] = database.data_dir() / bukti["path"]
    return found


def _pembuat(aktor: Aktor) -> dict[str, Any]:
    return {"akun": None if aktor.akun_id is None else str(aktor.akun_id), "login": aktor.login,
            "nama": aktor.nama}


def _tulis_zip(out: Path, manifest_extra: dict[str, Any], files: dict[str, bytes],
               penanda: kunci_mod.KunciTerbuka) -> Path:
    office = kunci_mod.kunci_kantor()
    instansi = Instansi.select().order_by(Instansi.dibuat).first()
    manifest = {
        "format": FORMAT,
        "aplikasi": f"skpdesk {__version__}",
        "kantor": office.sidik if office else None,
        "instansi": str(instansi.id) if instansi else None,
        "waktu": now().isoformat(timespec="seconds"),
        "kunci": penanda.sidik,
        "isi": [{"path": p, "sha256": hashlib.sha256(b).hexdigest(), "ukuran": len(b)}
                for p, b in sorted(files.items())],
        **manifest_extra,
    }
    raw = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
    signature = penanda.tandatangani(hashlib.sha256(raw).digest()).hex()
    out.parent.mkdir(parents=True, exist_ok=True)
    temp = out.with_name(out.name + ".tmp")
    with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", raw)
        z.writestr("manifest.sig", signature)
        for path, data in sorted(files.items()):
            z.writestr(path, data)
    os.replace(temp, out)
    return out


def _rekaman_file(entitas: Entitas, rid: str, content: dict) -> tuple[str, bytes]:
    body = {"entitas": str(entitas), "id": rid, "isi": content,
            "riwayat": _baris_paket(str(entitas), rid)}
    return f"rekaman/{entitas}/{rid}.json", isi_mod.kanonik(body)


def _wajib_utuh_semua(items: Sequence[tuple[Entitas, str]]) -> None:
    for entitas, rid in items:
        verifikasi.wajib_utuh(str(entitas), rid)


def ekspor_kantor(aktor: Aktor, out: Path) -> Path:
    """The office package: what a new laptop needs, signed by the office key."""
    wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    wajib(aktor.kunci_kantor is not None, _(
        "Akun ini tidak memegang kunci kantor, jadi tidak dapat membuat paket kantor. Minta "
        "pengadministrasi kepegawaian yang memegangnya (yang pertama menyiapkan kantor)."))
    files: dict[str, bytes] = {}
    items = []
    for entitas in URUTAN_KANTOR:
        for rid, content in isi_mod.isi_banyak(entitas).items():
            items.append((entitas, rid))
            path, data = _rekaman_file(entitas, rid, content)
            files[path] = data
    _wajib_utuh_semua(items)
    # Each account's secrets, so that its owner can log in on a laptop set up from this.
    for akun in Akun.select():
        files[f"rahasia/{akun.id}.json"] = isi_mod.kanonik({
            "password_hash": akun.password_hash, "kunci_rahasia": akun.kunci_rahasia,
            "harus_ganti_sandi": akun.harus_ganti_sandi})
    files["kunci.json"] = isi_mod.kanonik(_kunci_json())
    return _tulis_zip(out, {"jenis": JENIS_KANTOR, "pembuat": _pembuat(aktor)}, files,
                      aktor.kunci_kantor)


def _skp_pihak(aktor: Aktor, nip: str | None, tahun: int | None) -> list[SKP]:
    me = aktor.pegawai_id
    query = SKP.select().join(Pegawai, on=(SKP.pegawai == Pegawai.id))
    if not aktor.punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN):
        query = query.where((SKP.pegawai == me) | (SKP.penilai == me)
                            | (SKP.atasan_penilai == me))
    if nip:
        query = query.where(Pegawai.nip == nip)
    if tahun:
        query = query.where(SKP.tahun == tahun)
    return list(query)


def _pk_pihak(aktor: Aktor, tahun: int | None) -> list[PengukuranKinerja]:
    query = PengukuranKinerja.select().join(PerjanjianKinerja)
    if tahun:
        query = query.where(PerjanjianKinerja.tahun == tahun)
    found = list(query)
    if aktor.punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN):
        return found
    from skpdesk.services import pengukuran as pk_service

    # A Kasi is a party through his section's rows: the chain's own function knows.
    return [p for p in found if pk_service.peran_pada(aktor, p)]


def pilih_dokumen(aktor: Aktor, *, nip: str | None = None, tahun: int | None = None,
                  menunggu: bool = False) -> list[tuple[Entitas, str]]:
    """The records this person is a party to (filtered), with what they need on the other
    side: the SKPs whose RHK they intervene, an evaluation's SKP, a Pengukuran's PK.

    ``menunggu``: only what waits on someone else (it is not this person's turn).
    """
    from skpdesk.services import evaluasi as ev_service
    from skpdesk.services import pengukuran as pk_service
    from skpdesk.services import skp as skp_service

    chosen: dict[tuple[Entitas, str], None] = {}

    def add(entitas: Entitas, rid: Any) -> None:
        chosen[(entitas, str(rid))] = None

    def giliran_lain(rantai_: rantai.Rantai, rec: Any) -> bool:
        return not rantai.tersedia(rantai_, aktor, rec)

    skps = _skp_pihak(aktor, nip, tahun)
    for s in skps:
        evals = list(Evaluasi.select().where(Evaluasi.skp == s))
        take_skp = not menunggu or giliran_lain(skp_service.RANTAI, s)
        take_evals = [e for e in evals if not menunggu or giliran_lain(ev_service.RANTAI, e)]
        if take_skp or take_evals:
            add(Entitas.SKP, s.id)
            for e in take_evals:
                add(Entitas.EVALUASI, e.id)
    if not nip:
        for p in _pk_pihak(aktor, tahun):
            if not menunggu or giliran_lain(pk_service.RANTAI, p):
                add(Entitas.PENGUKURAN_KINERJA, p.id)
    return _dengan_kebutuhan(list(chosen))


def _intervensi(skp_id: Any) -> list[Any]:
    """The SKPs whose RHK this SKP's RHK intervene (the leaders' SKPs)."""
    inner = (RencanaHasilKerja.select(RencanaHasilKerja.intervensi)
             .where((RencanaHasilKerja.skp == skp_id)
                    & RencanaHasilKerja.intervensi.is_null(False)))
    return [p for (p,) in RencanaHasilKerja.select(RencanaHasilKerja.skp)
            .where(RencanaHasilKerja.id.in_(inner)).distinct().tuples()]


def _dengan_kebutuhan(items: list[tuple[Entitas, str]]) -> list[tuple[Entitas, str]]:
    """Add what the chosen records point at that the other laptop may lack: the leaders' SKPs
    an SKP intervenes (up the chain), an evaluation's SKP and its unit's capaian, a
    Pengukuran's PK."""
    out: dict[tuple[Entitas, str], None] = {}
    todo = list(items)
    while todo:
        entitas, rid = todo.pop()
        if (entitas, str(rid)) in out:
            continue
        out[(entitas, str(rid))] = None
        if entitas is Entitas.SKP:
            todo.extend((Entitas.SKP, str(p)) for p in _intervensi(rid))
        elif entitas is Entitas.EVALUASI:
            e = Evaluasi.get_by_id(rid)
            todo.append((Entitas.SKP, str(e.skp_id)))
            if e.unit_id is not None:
                todo.extend(
                    (Entitas.CAPAIAN_ORGANISASI, str(c.id))
                    for c in CapaianOrganisasi.select().where(
                        (CapaianOrganisasi.unit == e.unit_id)
                        & (CapaianOrganisasi.tahun == e.tahun)))
        elif entitas is Entitas.PENGUKURAN_KINERJA:
            todo.append((Entitas.PERJANJIAN_KINERJA,
                         str(PengukuranKinerja.get_by_id(rid).pk_id)))
    order = {e: i for i, e in enumerate(URUTAN)}
    return sorted(out, key=lambda item: order[item[0]])  # what is needed first (stable)


def untuk_rekaman(entitas: Entitas, rid: Any) -> list[tuple[Entitas, str]]:
    """One record to send ("Kirim"), with what the other laptop needs to take it."""
    return _dengan_kebutuhan([(Entitas(entitas), str(rid))])


def ekspor_dokumen(aktor: Aktor, out: Path, items: Sequence[tuple[Entitas, str]]) -> Path:
    """A document package of these records (``pilih_dokumen``), signed by this person."""
    wajib(aktor.kunci is not None, _(
        "Kunci tanda tangan akun ini tidak terbuka; keluar lalu masuk lagi dengan kata sandi."))
    wajib(bool(items), _("Tidak ada data untuk dikirim."))
    _wajib_utuh_semua(items)
    files: dict[str, bytes] = {}
    contents = []
    for entitas, rid in items:
        content = isi_mod.isi(str(entitas), rid)
        if content is None:
            raise TidakDitemukan(_("Data {u} tidak ditemukan.").format(
                u=verifikasi.uraian(str(entitas), rid)))
        contents.append(content)
        path, data = _rekaman_file(entitas, rid, content)
        files[path] = data
    for sha, path in _lampiran(contents).items():
        if path.exists():
            files[f"lampiran/{sha}"] = path.read_bytes()
    files["kunci.json"] = isi_mod.kanonik(_kunci_json())
    return _tulis_zip(out, {"jenis": JENIS_DOKUMEN, "pembuat": _pembuat(aktor)}, files,
                      aktor.kunci)


def nama_paket(items: Sequence[tuple[Entitas, str]], aktor: Aktor,
               utama: tuple[Entitas, Any] | None = None) -> str:
    """A file name saying whose record, which record and which period: for the flash disk.

    ``utama``: the record the package was made for (``untuk_rekaman``); the others in it are
    what it needs. Without it a package of several records is named after its sender.
    """
    stamp = now().strftime("%Y%m%d-%H%M%S")
    if utama is None and len(items) == 1:
        utama = items[0]
    if utama is not None:
        entitas, rid = utama
        if entitas is Entitas.EVALUASI:
            e = Evaluasi.get_by_id(rid)
            return f"evaluasi_{e.skp.pegawai.nip}_{e.tahun}_{e.periode}_{stamp}{EKSTENSI}"
        if entitas is Entitas.SKP:
            s = SKP.get_by_id(rid)
            return f"skp_{s.pegawai.nip}_{s.tahun}_{stamp}{EKSTENSI}"
        if entitas is Entitas.PENGUKURAN_KINERJA:
            p = PengukuranKinerja.get_by_id(rid)
            return f"pengukuran_{p.pk.tahun}_TW{p.triwulan}_{stamp}{EKSTENSI}"
    return f"paket_{aktor.login}_{stamp}{EKSTENSI}"


# --- reading a package ----------------------------------------------------------------------


@dataclass
class Paket:
    manifest: dict[str, Any]
    files: dict[str, bytes]
    signature: str

    @property
    def jenis(self) -> str:
        return self.manifest.get("jenis", "")

    @property
    def pengirim(self) -> str:
        pembuat = self.manifest.get("pembuat") or {}
        return pembuat.get("nama") or pembuat.get("login") or "?"


def _nama_aman(name: str) -> bool:
    p = PurePosixPath(name)
    return (
        bool(name) and "\\" not in name and not name.startswith("/") and ":" not in name
        and ".." not in p.parts and all(part not in ("", ".") for part in p.parts)
    )


def baca(path: Path | bytes) -> Paket:
    """Open and check a package's container: zip, names, sizes, manifest, hashes."""
    try:
        source: Any = io.BytesIO(path) if isinstance(path, bytes) else Path(path)
        with zipfile.ZipFile(source) as z:
            infos = z.infolist()
            if len(infos) > BATAS_JUMLAH:
                raise PaketDitolak(_("Paket berisi terlalu banyak berkas ({n}).").format(
                    n=len(infos)))
            total = 0
            for info in infos:
                if not _nama_aman(info.filename):
                    raise PaketDitolak(_(
                        "Paket berisi nama berkas yang tidak aman: '{nama}'. Paket ditolak."
                    ).format(nama=info.filename))
                if info.file_size > BATAS_BERKAS:
                    raise PaketDitolak(_(
                        "Berkas '{nama}' di dalam paket berukuran {mb} MB; paling besar {batas} "
                        "MB."
                    ).format(nama=info.filename, mb=info.file_size // (1024 * 1024),
                             batas=BATAS_BERKAS // (1024 * 1024)))
                total += info.file_size
            if total > BATAS_TOTAL:
                raise PaketDitolak(_("Isi paket terlalu besar."))
            names = {i.filename for i in infos}
            if "manifest.json" not in names or "manifest.sig" not in names:
                raise PaketDitolak(_("Berkas ini bukan paket skpdesk (tidak ada manifest)."))
            raw = z.read("manifest.json")
            signature = z.read("manifest.sig").decode("ascii", "replace").strip()
            files = {n: z.read(n) for n in names - {"manifest.json", "manifest.sig"}}
    # A flipped byte inside a compressed member surfaces as zlib's error, not the zip's.
    except (zipfile.BadZipFile, zlib.error) as exc:
        raise PaketDitolak(_(
            "Berkas paket rusak atau terpotong (bukan zip yang utuh). Minta pengirim mengirim "
            "ulang.")) from exc
    except (zipfile.LargeZipFile, OSError, EOFError, RuntimeError, ValueError) as exc:
        raise PaketDitolak(_("Berkas paket tidak dapat dibaca: {galat}").format(
            galat=exc)) from exc
    try:
        manifest = json.loads(raw)
    except ValueError as exc:
        raise PaketDitolak(_("Manifest paket rusak.")) from exc
    if not isinstance(manifest, dict) or not isinstance(manifest.get("format"), int):
        raise PaketDitolak(_("Manifest paket tidak berisi versi format."))
    if manifest["format"] > FORMAT:
        raise PaketDitolak(_(
            "Paket ini dibuat oleh versi skpdesk yang lebih baru (format {f}; aplikasi ini "
            "membaca format {kita}). Perbarui skpdesk terlebih dahulu."
        ).format(f=manifest["format"], kita=FORMAT))
    listed = {item["path"]: item for item in manifest.get("isi", [])}
    if set(listed) != set(files):
        extra = sorted(set(files) - set(listed)) or sorted(set(listed) - set(files))
        raise PaketDitolak(_(
            "Isi paket tidak sesuai manifest (berkas '{nama}'). Paket mungkin diubah."
        ).format(nama=extra[0]))
    for name, data in files.items():
        if hashlib.sha256(data).hexdigest() != listed[name]["sha256"]:
            raise PaketDitolak(_(
                "Berkas '{nama}' di dalam paket berbeda dari manifestnya: paket diubah atau rusak."
            ).format(nama=name))
    paket = Paket(manifest, files, signature)
    paket.manifest["_raw_sha256"] = hashlib.sha256(raw).hexdigest()
    return paket


# --- importing ---------------------------------------------------------------------------------


def _kunci_paket(paket: Paket) -> dict[str, dict]:
    try:
        keys = json.loads(paket.files.get("kunci.json", b"[]"))
        return {k["sidik"]: k for k in keys}
    except (ValueError, KeyError, TypeError) as exc:
        raise PaketDitolak(_("Daftar kunci di dalam paket rusak.")) from exc


def _cert_ok(k: dict, office_pub: str) -> bool:
    row = KunciPublik(sidik=k["sidik"], jenis=k["jenis"], publik=k["publik"],
                      akun=uuid.UUID(k["akun"]) if k.get("akun") else None)
    return (kunci_mod.sidik_dari(bytes.fromhex(k["publik"])) == k["sidik"]
            and kunci_mod.benar(office_pub, k.get("sertifikat"), kunci_mod.isi_sertifikat(row)))


def _percaya(paket: Paket) -> tuple[str, dict[str, dict], bool]:
    """The office key to check against, the package's trusted keys, and whether this is a new
    laptop learning its office from this package."""
    keys = _kunci_paket(paket)
    local = kunci_mod.kunci_kantor()
    office_id = paket.manifest.get("kantor")
    if local is None:
        if paket.jenis != JENIS_KANTOR:
            raise PaketDitolak(_(
                "Laptop ini belum disiapkan. Impor dulu paket kantor dari pengadministrasi "
                "kepegawaian."))
        office = keys.get(office_id or "")
        if office is None or office["jenis"] != kunci_mod.JENIS_KANTOR:
            raise PaketDitolak(_("Paket kantor ini tidak membawa kunci kantornya."))
        office_pub, new = office["publik"], True
    else:
        if office_id != local.sidik:
            raise PaketDitolak(_(
                "Paket ini dari kantor lain (kunci kantor berbeda). Hanya paket dari kantor "
                "sendiri yang dapat diimpor."))
        office_pub, new = local.publik, False
    trusted = {s: k for s, k in keys.items() if _cert_ok(k, office_pub)}
    for row in KunciPublik.select():
        if kunci_mod.tersertifikasi(row, local) and row.sidik not in trusted:
            trusted[row.sidik] = {"sidik": row.sidik, "jenis": row.jenis,
                                  "akun": None if row.akun_id is None else str(row.akun_id),
                                  "publik": row.publik, "sertifikat": row.sertifikat}
    signer = trusted.get(paket.manifest.get("kunci", ""))
    if signer is None:
        raise PaketDitolak(_(
            "Paket ditandatangani dengan kunci yang tidak dikenal kantor ini. Minta pengirim "
            "memakai skpdesk yang disiapkan dari paket kantor terbaru."))
    if not kunci_mod.benar(signer["publik"], paket.signature,
                           bytes.fromhex(paket.manifest["_raw_sha256"])):
        raise PaketDitolak(_("Tanda tangan paket tidak sah: paket diubah sesudah dibuat."))
    if paket.jenis == JENIS_KANTOR and signer["jenis"] != kunci_mod.JENIS_KANTOR:
        raise PaketDitolak(_(
            "Paket kantor harus ditandatangani dengan kunci kantor; paket ini tidak."))
    return office_pub, trusted, new


@dataclass
class _Rekaman:
    entitas: Entitas
    id: str
    isi: dict
    rows: list[dict]
    uraian: str = ""


def _rekaman_paket(paket: Paket) -> list[_Rekaman]:
    out = []
    allowed = set(URUTAN_KANTOR if paket.jenis == JENIS_KANTOR else URUTAN_DOKUMEN)
    for name, data in paket.files.items():
        if not name.startswith("rekaman/"):
            continue
        try:
            body = json.loads(data)
            entitas = Entitas(body["entitas"])
            rid = str(uuid.UUID(body["id"]))
            content, rows = body["isi"], list(body["riwayat"])
        except (ValueError, KeyError, TypeError) as exc:
            raise PaketDitolak(_("Data '{nama}' di dalam paket rusak.").format(nama=name)) from exc
        if entitas not in allowed:
            raise PaketDitolak(_(
                "Paket {jenis} tidak boleh membawa data {entitas}: hanya paket kantor yang "
                "memperbarui data kantor dan pegawai."
            ).format(jenis=paket.jenis.lower(), entitas=entitas))
        if name != f"rekaman/{entitas}/{rid}.json" or content.get("id") != rid:
            raise PaketDitolak(_("Data '{nama}' di dalam paket tidak sesuai namanya.").format(
                nama=name))
        out.append(_Rekaman(entitas, rid, content, rows))
    order = {e: i for i, e in enumerate(URUTAN)}
    return sorted(out, key=lambda r: (order[r.entitas], _kedalaman(r, out), r.id))


def _induk_skp(rek: _Rekaman, rhk_skp: dict[str, str]) -> str | None:
    for rhk in rek.isi.get("rhk", []):
        parent = rhk_skp.get(rhk.get("intervensi_id") or "")
        if parent and parent != rek.id:
            return parent
    return None


def _kedalaman(rek: _Rekaman, semua: list[_Rekaman]) -> int:
    """How many of its own kind a record hangs under (a unit's parent units, a pegawai's
    superiors, the leader's SKP an SKP intervenes): parents are written first."""
    if rek.entitas is Entitas.SKP:
        rhk_skp = {rhk["id"]: r.id for r in semua if r.entitas is Entitas.SKP
                   for rhk in r.isi.get("rhk", [])}
        by_id = {r.id: r for r in semua if r.entitas is Entitas.SKP}
        depth, node, seen = 0, rek, {rek.id}
        while (parent := _induk_skp(node, rhk_skp)) and parent in by_id and parent not in seen:
            seen.add(parent)
            node, depth = by_id[parent], depth + 1
        return depth
    model = isi_mod.SPEK[rek.entitas].model
    selfs = [f.column_name for f in model._meta.sorted_fields
             if getattr(f, "rel_model", None) is model]
    if not selfs:
        return 0
    by_id = {r.id: r for r in semua if r.entitas is rek.entitas}
    depth, node, seen = 0, rek, {rek.id}
    while True:
        parent = next((node.isi.get(c) for c in selfs if node.isi.get(c)), None)
        if parent is None or parent not in by_id or parent in seen:
            return depth
        seen.add(parent)
        node, depth = by_id[parent], depth + 1


def _uraian_isi(rek: _Rekaman) -> str:
    local = verifikasi.uraian(str(rek.entitas), rek.id)
    if not local.endswith(rek.id[:8]):
        return local
    c = rek.isi
    return {
        Entitas.PEGAWAI: lambda: _("Pegawai {nama}").format(nama=c.get("nama")),
        Entitas.AKUN: lambda: _("Akun {login}").format(login=c.get("login")),
        Entitas.UNIT_KERJA: lambda: _("Unit kerja {nama}").format(nama=c.get("nama")),
        Entitas.JABATAN: lambda: _("Jabatan {nama}").format(nama=c.get("nama")),
        Entitas.INSTANSI: lambda: _("Instansi {nama}").format(nama=c.get("nama")),
    }.get(rek.entitas, lambda: local)()


def _periksa_rantai_paket(rek: _Rekaman, trusted: dict[str, dict]) -> None:
    """Every row's hash, signature and link, and the content against the last row."""
    prev = ""
    for row in rek.rows:
        if row.get("entitas") != str(rek.entitas) or row.get("entitas_id") != rek.id:
            raise PaketDitolak(_("{u}: riwayat di dalam paket bukan milik data ini.").format(
                u=rek.uraian))
        if segel.hash_baris(row) != row.get("hash"):
            raise PaketDitolak(_(
                "{u}: riwayat di dalam paket diubah ({aksi}). Paket ditolak.").format(
                u=rek.uraian, aksi=row.get("aksi")))
        if row.get("hash_sebelum") != prev:
            raise PaketDitolak(_("{u}: rantai riwayat di dalam paket terputus.").format(
                u=rek.uraian))
        sidik = row.get("kunci")
        if sidik != segel.KUNCI_LAMA:
            key = trusted.get(sidik or "")
            if key is None:
                raise PaketDitolak(_(
                    "{u}: langkah '{aksi}' ditandatangani dengan kunci yang tidak dikenal kantor "
                    "ini.").format(u=rek.uraian, aksi=row.get("aksi")))
            if not kunci_mod.benar(key["publik"], row.get("tanda_tangan"),
                                   bytes.fromhex(row["hash"])):
                raise PaketDitolak(_("{u}: tanda tangan langkah '{aksi}' tidak sah.").format(
                    u=rek.uraian, aksi=row.get("aksi")))
            if key.get("akun") is not None and row.get("oleh") != key["akun"]:
                raise PaketDitolak(_(
                    "{u}: langkah '{aksi}' ditandatangani dengan kunci orang lain.").format(
                    u=rek.uraian, aksi=row.get("aksi")))
        prev = row["hash"]
    if not rek.rows:
        raise PaketDitolak(_("{u}: data di dalam paket tanpa riwayat.").format(u=rek.uraian))
    if rek.rows[-1].get("hash_isi") != isi_mod.hash_dari(rek.isi):
        raise PaketDitolak(_(
            "{u}: isi data di dalam paket berbeda dari riwayatnya yang ditandatangani. Paket "
            "diubah; minta pengirim mengirim ulang.").format(u=rek.uraian))


def _rantai_untuk(entitas: Entitas) -> rantai.Rantai | None:
    from skpdesk.services import evaluasi as ev_service
    from skpdesk.services import pengukuran as pk_service
    from skpdesk.services import skp as skp_service

    return {Entitas.SKP: skp_service.RANTAI, Entitas.EVALUASI: ev_service.RANTAI,
            Entitas.PENGUKURAN_KINERJA: pk_service.RANTAI}.get(entitas)


def _sementara(entitas: Entitas, content: dict) -> Any:
    """An unsaved model instance of the record as the package has it (for the party checks)."""
    spek = isi_mod.SPEK[entitas]
    data = {}
    for f in spek.model._meta.sorted_fields:
        if f.column_name in content:
            data[f.name] = isi_mod._python(f, content[f.column_name])
    return spek.model(**data)


def _aktor_baris(row: dict) -> Aktor | None:
    if not row.get("oleh"):
        return None
    akun = Akun.get_or_none(Akun.id == uuid.UUID(row["oleh"]))
    return Aktor.dari_akun(akun) if akun is not None else None


def _periksa_langkah(rek: _Rekaman, new_rows: list[dict],
                     peran_paket: dict[str, set[str]] | None = None) -> None:
    """Replay the new rows against the workflow table: each step allowed to its signer then."""
    peran_paket = peran_paket or {}
    if rek.entitas in URUTAN_KANTOR:
        for row in new_rows:
            if row.get("kunci") == segel.KUNCI_LAMA or not row.get("oleh"):
                continue  # system rows: signed by the office key (checked above)
            # The package's own accounts say who administers (this laptop may not know them).
            peran = peran_paket.get(row["oleh"])
            if peran is None:
                who = _aktor_baris(row)
                peran = {p.value for p in who.peran} if who is not None else set()
            if Peran.PENGADMINISTRASI_KEPEGAWAIAN.value not in peran:
                if rek.entitas is Entitas.AKUN and row["oleh"] == rek.id:
                    continue  # the account's own key
                raise PaketDitolak(_(
                    "{u}: perubahan '{aksi}' ditandatangani oleh {nama}, yang bukan "
                    "pengadministrasi kepegawaian.").format(
                    u=rek.uraian, aksi=row.get("aksi"), nama=row.get("oleh_nama")))
        return
    chain = _rantai_untuk(rek.entitas)
    model = isi_mod.SPEK[rek.entitas].model
    record = (model.get_or_none(model._meta.primary_key == uuid.UUID(rek.id))
              or _sementara(rek.entitas, rek.isi))
    alur = chain.alur_untuk(record) if chain is not None else None
    steps = {t.aksi for t in alur.transisi} if alur is not None else set()
    for row in new_rows:
        who = _aktor_baris(row)
        if who is None:
            raise PaketDitolak(_("{u}: langkah '{aksi}' tanpa penanda tangan.").format(
                u=rek.uraian, aksi=row.get("aksi")))
        if chain is None:
            continue
        pihak = chain.pihak(who, record)
        if row.get("aksi") in steps:
            try:
                alur.periksa(row["aksi"], row.get("dari"), pihak, chain.opsi())
            except TransisiDitolak as exc:
                raise PaketDitolak(_(
                    "{u}: langkah '{aksi}' ditandatangani oleh {nama}, yang tidak berhak "
                    "mengambilnya saat itu ({alasan}). Paket ditolak."
                ).format(u=rek.uraian, aksi=row["aksi"], nama=row.get("oleh_nama"),
                         alasan=exc)) from None
        elif not pihak:
            raise PaketDitolak(_(
                "{u}: perubahan '{aksi}' ditandatangani oleh {nama}, yang bukan pihak pada data "
                "ini.").format(u=rek.uraian, aksi=row.get("aksi"), nama=row.get("oleh_nama")))


def _rantai_lokal(entitas: Entitas, rid: str) -> list[str]:
    return [h for (h,) in Riwayat.select(Riwayat.hash)
            .where(segel.rantai_aktif(str(entitas), rid)).order_by(Riwayat.nomor).tuples()]


def _sisipkan_baris(rows: Iterable[dict]) -> int:
    """Append already sealed rows from another laptop; they keep their hashes."""
    n = 0
    for row in rows:
        if Riwayat.select().where(Riwayat.id == uuid.UUID(row["id"])).exists():
            continue  # a set-aside row coming back: already here
        kunci_rekaman(row["entitas"], row["entitas_id"])
        n += 1
        Riwayat.insert(
            id=uuid.UUID(row["id"]), nomor=segel.nomor_berikut(), entitas=row["entitas"],
            entitas_id=row["entitas_id"], aksi=row["aksi"], dari=row["dari"], ke=row["ke"],
            oleh=uuid.UUID(row["oleh"]) if row["oleh"] else None, oleh_nama=row["oleh_nama"],
            waktu=dt.datetime.fromisoformat(row["waktu"]), catatan=row["catatan"],
            rincian=row["rincian"], hash_sebelum=row["hash_sebelum"], hash_isi=row["hash_isi"],
            hash=row["hash"], kunci=row["kunci"], tanda_tangan=row["tanda_tangan"],
        ).execute()
    return n


def _simpan_kunci(trusted: dict[str, dict]) -> None:
    for k in trusted.values():
        if k.get("akun") and not Akun.select().where(Akun.id == uuid.UUID(k["akun"])).exists():
            continue  # an account this laptop does not know (yet): its office package brings it
        if KunciPublik.get_or_none(KunciPublik.sidik == k["sidik"]) is None:
            KunciPublik.insert(
                sidik=k["sidik"], jenis=k["jenis"],
                akun=uuid.UUID(k["akun"]) if k.get("akun") else None, publik=k["publik"],
                sertifikat=k.get("sertifikat"),
                dibuat=dt.datetime.fromisoformat(k["dibuat"]) if k.get("dibuat") else now(),
            ).execute()


def _tulis_lampiran(paket: Paket, records: Iterable[_Rekaman]) -> list[Path]:
    """Put the bukti files in place (verified by hash); returns the ones written, for undo."""
    written = []
    for rek in records:
        if rek.entitas is not Entitas.EVALUASI:
            continue
        for realisasi in rek.isi.get("realisasi", []):
            for bukti in realisasi.get("bukti", []):
                sha, rel = bukti.get("sha256"), bukti.get("path")
                if not sha or not rel:
                    continue
                if not _nama_aman(rel) or not rel.startswith("bukti"):
                    raise PaketDitolak(_("Bukti dukung dengan lokasi yang tidak aman: {p}.").format(
                        p=rel))
                target = database.data_dir() / rel
                if target.exists():
                    continue
                data = paket.files.get(f"lampiran/{sha}")
                if data is None:
                    continue  # sent without its file: the record still says what it was
                if hashlib.sha256(data).hexdigest() != sha:
                    raise PaketDitolak(_("Lampiran {nama} rusak.").format(
                        nama=bukti.get("nama_asli")))
                target.parent.mkdir(parents=True, exist_ok=True)
                temp = target.with_name(target.name + ".tmp")
                temp.write_bytes(data)
                os.replace(temp, target)
                written.append(target)
    return written


def _cek_fk(rek: _Rekaman) -> None:
    """A record that points at people or units this laptop does not have yet is refused with
    a message, rather than failing inside the database."""
    spek = isi_mod.SPEK[rek.entitas]
    for f in spek.model._meta.sorted_fields:
        if isinstance(f, pw.ForeignKeyField) and rek.isi.get(f.column_name):
            target = f.rel_model
            if target is spek.model:
                continue
            if not target.select().where(
                    target._meta.primary_key == isi_mod._python(f, rek.isi[f.column_name])
            ).exists():
                raise PaketDitolak(_(
                    "{u} merujuk {jenis} yang belum ada di laptop ini. Impor dulu paket kantor "
                    "terbaru (atau paket data yang dirujuknya)."
                ).format(u=rek.uraian, jenis=target.__name__))


def impor(path: Path | bytes, aktor: Aktor | None = None) -> HasilImpor:
    """Import a package: check everything, then apply in one transaction (see the module doc)."""
    paket = baca(path)
    hasil = HasilImpor(jenis=paket.jenis, pengirim=paket.pengirim)
    if paket.jenis not in (JENIS_KANTOR, JENIS_DOKUMEN):
        raise PaketDitolak(_("Jenis paket tidak dikenal: {j}.").format(j=paket.jenis))
    written: list[Path] = []
    try:
        with db.atomic():
            office_pub, trusted, new = _percaya(paket)
            if new and (Akun.select().exists() or Instansi.select().exists()):
                raise PaketDitolak(_(
                    "Basis data ini sudah berisi kantor tanpa kunci kantor; paket kantor hanya "
                    "menyiapkan basis data yang kosong."))
            if new:
                office = next(k for k in trusted.values() if k["jenis"] == kunci_mod.JENIS_KANTOR
                              and k["sidik"] == paket.manifest["kantor"])
                _simpan_kunci({office["sidik"]: office})
            records = _rekaman_paket(paket)
            for rek in records:
                rek.uraian = _uraian_isi(rek)
                _periksa_rantai_paket(rek, trusted)
            peran_paket = {r.id: set(r.isi.get("peran") or ()) for r in records
                           if r.entitas is Entitas.AKUN}
            # Contents first, then rows: a row names its signer's account, which an office
            # package brings in the same pass.
            rows_later: list[tuple[_Rekaman, list[dict]]] = []
            aside: list[tuple[list[str], str]] = []
            for rek in records:
                new_rows = _terapkan(rek, paket, hasil, peran_paket, aside)
                if new_rows:
                    rows_later.append((rek, new_rows))
            for _rek, new_rows in rows_later:
                hasil.baris_baru += _sisipkan_baris(new_rows)
            for ids, by in aside:
                for rid in ids:
                    RiwayatDisisihkan.insert(riwayat=uuid.UUID(rid), oleh=uuid.UUID(by)
                                             ).on_conflict_ignore().execute()
            for rek, _rows in rows_later:
                last = segel.ujung(str(rek.entitas), rek.id)
                if last is None or last.hash_isi != isi_mod.hash_isi(str(rek.entitas), rek.id):
                    raise PaketDitolak(_("{u}: isi tidak dapat diterapkan dengan utuh.").format(
                        u=rek.uraian))
            _simpan_kunci(trusted)
            written = _tulis_lampiran(paket, records)
    except Exception:
        for p in written:
            p.unlink(missing_ok=True)
        raise
    return hasil


def _terapkan(rek: _Rekaman, paket: Paket, hasil: HasilImpor,
              peran_paket: dict[str, set[str]],
              disisihkan: list[tuple[list[str], str]]) -> list[dict]:
    """Merge one record's content; returns the rows to append (none: same, older, conflict)."""
    incoming = [r["hash"] for r in rek.rows]
    local = _rantai_lokal(rek.entitas, rek.id)
    if local == incoming[: len(local)] and len(local) < len(incoming):
        new_rows = rek.rows[len(local):]
        _cek_fk(rek)
        if rek.entitas is Entitas.AKUN:
            _cek_login(rek)
        # Written first, checked after (a refusal rolls it all back): who is a party may
        # depend on the rows the record owns (a Pengukuran's Kasi, by the rows they fill).
        isi_mod.tulis(rek.entitas, rek.isi, _rahasia(rek, paket, new_rows, first=not local))
        _periksa_langkah(rek, new_rows, peran_paket)
        if not local:
            # A record new to this laptop is named now that it is here ("SKP 2026 Siti …").
            rek.uraian = _uraian_isi(rek)
        hasil.diterapkan.append(rek.uraian)
        return new_rows
    if incoming == local[: len(incoming)]:
        hasil.sama += 1  # the same, or older than what is here
        return []
    # Diverged: keep both sides, overwrite nothing.
    common = 0
    while common < min(len(local), len(incoming)) and local[common] == incoming[common]:
        common += 1
    cabang = incoming[common - 1] if common else ""
    # The other side already resolved this very conflict and set our rows aside: follow it.
    ours_after = [str(i) for (i,) in Riwayat.select(Riwayat.id)
                  .where(segel.rantai_aktif(str(rek.entitas), rek.id))
                  .order_by(Riwayat.nomor).tuples()][common:]
    resolution = next(
        (r for r in reversed(rek.rows[common:]) if r.get("aksi") == AKSI_SELESAI
         and set(ours_after) <= set((r.get("rincian") or {}).get("disisihkan", []))),
        None,
    )
    if resolution is not None:
        new_rows = rek.rows[common:]
        _cek_fk(rek)
        isi_mod.tulis(rek.entitas, rek.isi)
        _periksa_langkah(rek, new_rows, peran_paket)
        disisihkan.append((ours_after, resolution["id"]))
        for k in Konflik.select().where((Konflik.entitas_id == rek.id)
                                        & Konflik.selesai.is_null()):
            k.selesai, k.pilihan = now(), PILIH_MASUK
            k.save()
        hasil.diterapkan.append(rek.uraian)
        return new_rows
    open_same = Konflik.select().where(
        (Konflik.entitas_id == rek.id) & Konflik.selesai.is_null()).first()
    package_head = incoming[-1]
    if open_same is not None and open_same.isi_masuk.get("rows", [{}])[-1].get("hash") \
            == package_head:
        hasil.konflik.append(rek.uraian)
        return []
    _periksa_langkah(rek, rek.rows[common:], peran_paket)
    Konflik.create(
        id=uuid.uuid4(), entitas=str(rek.entitas), entitas_id=rek.id, uraian=rek.uraian,
        hash_cabang=cabang, isi_masuk={"isi": rek.isi, "rows": rek.rows},
        pengirim=paket.pengirim, diterima=now(),
    )
    hasil.konflik.append(rek.uraian)
    return []


# The administrator's actions that hand an account a new password and key.
AKSI_SANDI_BARU = frozenset({"buat", "atur_sandi"})


def _rahasia(rek: _Rekaman, paket: Paket, new_rows: list[dict], first: bool
             ) -> dict[str, Any] | None:
    """An account's secrets from an office package: for an account new to this laptop, or one
    whose password the administrator has set since; else this laptop's stay."""
    if rek.entitas is not Entitas.AKUN:
        return None
    if not first and not any(r.get("aksi") in AKSI_SANDI_BARU for r in new_rows):
        return None
    raw = paket.files.get(f"rahasia/{rek.id}.json")
    if raw is None:
        raise PaketDitolak(_("{u}: paket kantor tidak membawa kata sandinya.").format(
            u=rek.uraian))
    try:
        data = json.loads(raw)
        return {"password_hash": str(data["password_hash"]),
                "kunci_rahasia": data["kunci_rahasia"],
                "harus_ganti_sandi": bool(data["harus_ganti_sandi"]),
                "gagal_login": 0, "terkunci_sampai": None}
    except (ValueError, KeyError, TypeError) as exc:
        raise PaketDitolak(_("{u}: data kata sandi di dalam paket rusak.").format(
            u=rek.uraian)) from exc


def _cek_login(rek: _Rekaman) -> None:
    other = Akun.get_or_none((Akun.login == rek.isi.get("login"))
                             & (Akun.id != uuid.UUID(rek.id)))
    if other is not None:
        raise PaketDitolak(_(
            "Nama pengguna '{login}' sudah dipakai akun lain di laptop ini.").format(
            login=rek.isi.get("login")))


# --- conflicts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SisiKonflik:
    """One side of a conflict, for the window: the steps after the fork, in words."""

    langkah: list[tuple[str, str, str]]  # (waktu, oleh, aksi)
    status: str | None


def sisi(konflik: Konflik) -> tuple[SisiKonflik, SisiKonflik]:
    """Both sides after the fork: this laptop's, and the package's."""
    rows = list(Riwayat.select().where(segel.rantai_aktif(konflik.entitas, konflik.entitas_id))
                .order_by(Riwayat.nomor))
    hashes = [r.hash for r in rows]
    start = hashes.index(konflik.hash_cabang) + 1 if konflik.hash_cabang in hashes else 0
    local = [(r.waktu.isoformat(sep=" ", timespec="minutes"), r.oleh_nama, r.aksi)
             for r in rows[start:]]
    incoming_rows = konflik.isi_masuk["rows"]
    ihash = [r["hash"] for r in incoming_rows]
    istart = ihash.index(konflik.hash_cabang) + 1 if konflik.hash_cabang in ihash else 0
    incoming = [(r["waktu"][:16].replace("T", " "), r["oleh_nama"], r["aksi"])
                for r in incoming_rows[istart:]]
    local_status = konflik.isi_masuk and isi_mod.isi(konflik.entitas, konflik.entitas_id)
    return (
        SisiKonflik(local, (local_status or {}).get("status")),
        SisiKonflik(incoming, konflik.isi_masuk["isi"].get("status")),
    )


def daftar_konflik() -> list[Konflik]:
    return list(Konflik.select().where(Konflik.selesai.is_null()).order_by(Konflik.diterima))


def _status_cabang(konflik: Konflik) -> str | None:
    """The record's state where the two sides parted."""
    rows = list(Riwayat.select().where(segel.rantai_aktif(konflik.entitas, konflik.entitas_id))
                .order_by(Riwayat.nomor))
    state = None
    for r in rows:
        if r.ke is not None and r.dari is not None:
            state = r.ke
        if r.hash == konflik.hash_cabang:
            break
    return state


def boleh_selesaikan(aktor: Aktor, konflik: Konflik) -> bool:
    """The party whose turn it was where the histories parted decides (docs/arsitektur.md)."""
    chain = _rantai_untuk(Entitas(konflik.entitas))
    record = _sementara(Entitas(konflik.entitas), konflik.isi_masuk["isi"])
    if chain is None:
        return aktor.punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    state = _status_cabang(konflik) or chain.alur_untuk(record).status_awal
    record.status = state
    return bool(chain.alur_untuk(record).tersedia(state, chain.pihak(aktor, record),
                                                  chain.opsi()))


def penentu(konflik: Konflik) -> list[str]:
    """Who may choose a side (``boleh_selesaikan``), by name: for everyone else to read."""
    names = []
    for akun in Akun.select().where(Akun.aktif == True).order_by(Akun.login):  # noqa: E712
        who = Aktor.dari_akun(akun)
        if boleh_selesaikan(who, konflik):
            names.append(who.nama)
    return names


# Steps of a record outside its workflow table, in words (the chains' own are in their tables).
_LANGKAH_LAIN = {
    "buat": lambda: _("Dibuat"),
    "mulai": lambda: _("Dimulai"),
    "ubah": lambda: _("Isi diubah"),
    "atur_ekspektasi": lambda: _("Ekspektasi khusus ditulis"),
    "ganti_penilai": lambda: _("Pejabat penilai diganti"),
    "isi_realisasi": lambda: _("Realisasi diisi"),
    "ubah_realisasi": lambda: _("Realisasi diubah"),
    "lampirkan_bukti": lambda: _("Bukti dukung dilampirkan"),
    "lampirkan_tautan": lambda: _("Tautan bukti dukung ditambahkan"),
    "hapus_bukti": lambda: _("Bukti dukung dihapus"),
    "umpan_balik_iki": lambda: _("Umpan balik ditulis"),
    "umpan_balik_perilaku": lambda: _("Umpan balik perilaku ditulis"),
    "ubah_penilaian": lambda: _("Penilaian diubah"),
    "atur_capaian": lambda: _("Capaian organisasi diatur"),
    "selesaikan_konflik": lambda: _("Konflik diselesaikan"),
}


def kata_konflik(konflik: Konflik) -> tuple[dict[str, str], dict[str, str]]:
    """The words of a conflict's steps and statuses: (action → label, status → label)."""
    labels = {k: f() for k, f in _LANGKAH_LAIN.items()}
    statuses: dict[str, str] = {}
    chain = _rantai_untuk(Entitas(konflik.entitas))
    if chain is not None:
        alur = chain.alur_untuk(_sementara(Entitas(konflik.entitas), konflik.isi_masuk["isi"]))
        labels.update({t.aksi: t.label for t in alur.transisi})
        statuses = {st: alur.label(st) for st in alur.status_label}
    return labels, statuses


PILIH_LOKAL = "LOKAL"
PILIH_MASUK = "MASUK"
AKSI_SELESAI = "selesaikan_konflik"


def selesaikan_konflik(aktor: Aktor, konflik_id: uuid.UUID, pilihan: str) -> Konflik:
    """Keep one side. The rows of the other side after the fork are set aside (kept, out of
    the chain), and a signed row records the choice; the next package carries it across."""
    konflik = Konflik.get_or_none(Konflik.id == konflik_id)
    if konflik is None or konflik.selesai is not None:
        raise TidakDitemukan(_("Konflik tidak ditemukan atau sudah diselesaikan."))
    wajib(pilihan in (PILIH_LOKAL, PILIH_MASUK), _("Pilihan tidak dikenal."))
    wajib(boleh_selesaikan(aktor, konflik), _(
        "Konflik ini diselesaikan oleh pihak yang gilirannya pada titik data berpisah."))
    entitas = Entitas(konflik.entitas)
    with db.atomic():
        local_rows = list(Riwayat.select()
                          .where(segel.rantai_aktif(konflik.entitas, konflik.entitas_id))
                          .order_by(Riwayat.nomor))
        hashes = [r.hash for r in local_rows]
        start = hashes.index(konflik.hash_cabang) + 1 if konflik.hash_cabang in hashes else 0
        incoming = konflik.isi_masuk["rows"]
        ihash = [r["hash"] for r in incoming]
        istart = ihash.index(konflik.hash_cabang) + 1 if konflik.hash_cabang in ihash else 0
        if pilihan == PILIH_MASUK:
            aside = [r.id for r in local_rows[start:]]
            _sisipkan_baris(incoming[istart:])
            kept = incoming[istart:]
            isi_mod.tulis(entitas, konflik.isi_masuk["isi"])
        else:
            # The package's rows are stored too (evidence), set aside.
            _sisipkan_baris(incoming[istart:])
            aside = [uuid.UUID(r["id"]) for r in incoming[istart:]]
            kept = [{"hash": h} for h in hashes[start:]]
        row = catat(
            aktor, entitas, konflik.entitas_id, AKSI_SELESAI,
            catatan=_("Konflik dengan paket dari {p} diselesaikan: {pilihan}.").format(
                p=konflik.pengirim,
                pilihan=_("versi laptop ini") if pilihan == PILIH_LOKAL else _("versi paket")),
            rincian={"disisihkan": [str(a) for a in aside], "dipertahankan":
                     [k["hash"] for k in kept], "cabang": konflik.hash_cabang},
        )
        for rid in aside:
            RiwayatDisisihkan.insert(riwayat=rid, oleh=row.id).on_conflict_ignore().execute()
        konflik.selesai = now()
        konflik.pilihan = pilihan
        konflik.save()
    return konflik


# --- the exchange folder -----------------------------------------------------------------------


def ambil_dari_folder(folder: Path, aktor: Aktor | None = None) -> list[tuple[Path, HasilImpor
                                                                             | str]]:
    """Import every new package in the exchange folder (flash disk, shared folder).

    Each package is imported once: its SHA-256 is remembered beside the data (``diterima``);
    one refused package does not stop the others. Returns what happened to each.
    """
    seen_file = database.data_dir() / "paket_diterima.txt"
    seen = set(seen_file.read_text().split()) if seen_file.exists() else set()
    out: list[tuple[Path, HasilImpor | str]] = []
    for path in sorted(Path(folder).glob(f"*{EKSTENSI}")):
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            continue
        if digest in seen:
            continue
        try:
            out.append((path, impor(path, aktor)))
        except LayananError as exc:
            out.append((path, str(exc)))
        seen.add(digest)
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("\n".join(sorted(seen)))
    return out


# --- command line ------------------------------------------------------------------------------


def main_cli_ekspor(args: Any, *, out: TextIO, err: TextIO) -> int:
    """``skpdesk ekspor``: write a package; the password from SKPDESK_SANDI or a prompt."""
    import getpass

    from skpdesk.services import akun as akun_service

    sandi = os.environ.get("SKPDESK_SANDI")
    if sandi is None:
        sandi = getpass.getpass(_("Kata sandi {login}: ").format(login=args.login))
    try:
        aktor = akun_service.masuk(args.login, sandi)
        target = Path(args.out)
        if args.kantor:
            ekspor_kantor(aktor, target)
            print(_("Paket kantor ditulis: {p}").format(p=target), file=out)
            return 0
        items = pilih_dokumen(aktor, nip=args.pegawai, tahun=args.tahun)
        ekspor_dokumen(aktor, target, items)
        print(_("Paket ditulis: {p} ({n} data)").format(p=target, n=len(items)), file=out)
        return 0
    except LayananError as exc:
        print(str(exc), file=err)
        return 1


def main_cli_impor(file: str, *, out: TextIO, err: TextIO) -> int:
    """``skpdesk impor``: 0 when applied (or nothing new), 1 when refused (nothing changed)."""
    try:
        hasil = impor(Path(file))
    except LayananError as exc:
        print(_("Paket ditolak: {alasan}").format(alasan=exc), file=err)
        return 1
    print(hasil.ringkasan(), file=out)
    return 0
