"""Checking the signed history: every chain, every signature, every record's content.

What is checked (store/segel.py says how rows are sealed):

- each row's ``hash`` is the hash of what it says, and links to the previous row of its record;
- each row is signed by a known key, certified by the office key (rows from before signatures
  are vouched for together by one row the office key signed);
- each record's current content is the content its last row signed (``hash_isi``).

``periksa`` reads everything (``skpdesk verifikasi``, the background check); ``periksa_isi``
compares contents only (the quick check at start-up); ``periksa_rekaman`` one record (before
printing or sending it). The messages name the record in words.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import peewee as pw

from skpdesk.domain.entitas import Entitas
from skpdesk.i18n import _
from skpdesk.services import kunci as kunci_mod
from skpdesk.services.errors import LayananError
from skpdesk.store import isi as isi_mod
from skpdesk.store import segel
from skpdesk.store.database import transaksi_baca
from skpdesk.store.models import (
    SKP,
    Akun,
    Evaluasi,
    KunciPublik,
    Pegawai,
    PengukuranKinerja,
    PerjanjianKinerja,
    Riwayat,
    RiwayatDisisihkan,
    UnitKerja,
    db,
)

log = logging.getLogger(__name__)

GALAT = "GALAT"
PERINGATAN = "PERINGATAN"


@dataclass(frozen=True)
class Temuan:
    tingkat: str
    entitas: str
    entitas_id: str
    uraian: str  # the record in words
    pesan: str

    def __str__(self) -> str:
        return f"{self.uraian}: {self.pesan}"


@dataclass
class Laporan:
    temuan: list[Temuan] = field(default_factory=list)
    baris: int = 0
    rekaman: int = 0

    @property
    def galat(self) -> list[Temuan]:
        return [t for t in self.temuan if t.tingkat == GALAT]

    @property
    def ok(self) -> bool:
        return not self.galat

    def rusak(self) -> set[tuple[str, str]]:
        """The records with an error, as (entitas, id)."""
        return {(t.entitas, t.entitas_id) for t in self.galat}


class IsiBerubah(LayananError):
    """A record's content differs from what its signed history vouches for."""


class Dibatalkan(Exception):
    """The background check was stopped (its window closed)."""


def _tanpa_batal() -> bool:
    return False


def _cek(batal: Callable[[], bool]) -> None:
    if batal():
        raise Dibatalkan


# --- naming a record -----------------------------------------------------------------------------


def uraian(entitas: str, entitas_id: str) -> str:
    """A record in words: "Evaluasi TW1 Dimas Saputra 2026", "SKP 2026 Dimas Saputra"."""
    try:
        kind = Entitas(entitas)
    except ValueError:
        return f"{entitas} {entitas_id}"
    try:
        if kind is Entitas.SKP:
            s = SKP.get_by_id(entitas_id)
            return _("SKP {tahun} {nama}").format(tahun=s.tahun, nama=s.pegawai.nama_lengkap)
        if kind is Entitas.EVALUASI:
            e = Evaluasi.get_by_id(entitas_id)
            return _("Evaluasi {periode} {nama} {tahun}").format(
                periode=e.periode, nama=e.skp.pegawai.nama_lengkap, tahun=e.tahun)
        if kind is Entitas.PERJANJIAN_KINERJA:
            pk = PerjanjianKinerja.get_by_id(entitas_id)
            return _("Perjanjian Kinerja {unit} {tahun}").format(unit=pk.unit.nama,
                                                                 tahun=pk.tahun)
        if kind is Entitas.PENGUKURAN_KINERJA:
            p = PengukuranKinerja.get_by_id(entitas_id)
            return _("Pengukuran Kinerja TW{tw} {unit} {tahun}").format(
                tw=p.triwulan, unit=p.pk.unit.nama, tahun=p.pk.tahun)
        if kind is Entitas.PEGAWAI:
            p = Pegawai.get_by_id(entitas_id)
            return _("Pegawai {nama} ({nip})").format(nama=p.nama_lengkap, nip=p.nip)
        if kind is Entitas.AKUN:
            return _("Akun {login}").format(login=Akun.get_by_id(entitas_id).login)
        if kind is Entitas.UNIT_KERJA:
            return _("Unit kerja {nama}").format(nama=UnitKerja.get_by_id(entitas_id).nama)
    except pw.DoesNotExist:
        pass  # a record gone (or pointing at one gone) is still named by its kind and id
    return f"{entitas} {entitas_id[:8]}"


# --- the verification code printed on forms -----------------------------------------------------


def kode(hash_isi: str) -> str:
    """A few readable characters of a signed content hash: "K7QM-2XFD-9A"."""
    text = base64.b32encode(bytes.fromhex(hash_isi)[:7]).decode("ascii").rstrip("=")[:10]
    return f"{text[:4]}-{text[4:8]}-{text[8:10]}"


def _normal(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def kode_rekaman(entitas: str, entitas_id: Any) -> str | None:
    """The code of a record's current signed content (printed in the form's footer)."""
    last = segel.ujung(str(entitas), str(entitas_id))
    return kode(last.hash_isi) if last is not None and last.hash_isi else None


@dataclass(frozen=True)
class HasilKode:
    dikenal: bool
    terkini: bool
    uraian: str = ""
    waktu: Any = None  # when that version was signed

    @property
    def pesan(self) -> str:
        if not self.dikenal:
            return _("Kode ini tidak dikenal di basis data ini.")
        if self.terkini:
            return _("{uraian}: cetakan ini adalah versi terkini yang ditandatangani.").format(
                uraian=self.uraian)
        return _(
            "{uraian}: cetakan ini versi lama (ditandatangani {waktu}); isinya sudah berubah "
            "sesudahnya."
        ).format(uraian=self.uraian, waktu=self.waktu)


def cek_kode(code: str) -> HasilKode:
    """Whether a printed code is the current signed version of its record."""
    wanted = _normal(code)
    if len(wanted) < 8:
        return HasilKode(False, False)
    query = (Riwayat.select(Riwayat.entitas, Riwayat.entitas_id, Riwayat.hash_isi, Riwayat.waktu,
                            Riwayat.nomor)
             .where(Riwayat.hash_isi.is_null(False)).order_by(Riwayat.nomor.desc()))
    for row in query:
        if _normal(kode(row.hash_isi)) == wanted:
            last = segel.ujung(row.entitas, row.entitas_id)
            current = last is not None and last.hash_isi == row.hash_isi
            return HasilKode(True, current, uraian(row.entitas, row.entitas_id),
                             _waktu(row.waktu))
    return HasilKode(False, False)


# --- the checks ----------------------------------------------------------------------------------


def _kunci(perlu: set[str] | None = None) -> tuple[dict[str, KunciPublik], set[str]]:
    """The known keys (only ``perlu`` when given: one record's rows name a few keys, an office
    has hundreds) and those among them the office certified."""
    query = KunciPublik.select()
    if perlu is not None:
        query = query.where(KunciPublik.sidik.in_(list(perlu)))
    keys = {k.sidik: k for k in query}
    office = kunci_mod.kunci_kantor()
    certified = {s for s, k in keys.items() if kunci_mod.tersertifikasi(k, office)}
    return keys, certified


def _waktu(value: Any) -> str:
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    return value.strftime("%d-%m-%Y %H:%M") if hasattr(value, "strftime") else str(value)


def _periksa_baris(row: dict, keys: dict[str, KunciPublik], certified: set[str],
                   lapor: Any, sah: bool | None = None) -> None:
    """One row: sealed, unchanged, signed by a known key (``sah``: its signature's verdict when
    already checked with the others)."""
    if row["hash"] is None:
        lapor(GALAT, _("ada baris riwayat yang belum disegel."))
        return
    if segel.hash_baris(row) != row["hash"]:
        lapor(GALAT, _("riwayat diubah di luar aplikasi ({aksi}, {waktu}).").format(
            aksi=row["aksi"], waktu=_waktu(row["waktu"])))
        return
    sidik = row["kunci"]
    if sidik == segel.KUNCI_LAMA:
        return  # vouched for by the office's seal of the old rows
    if not sidik:
        if row["entitas"] == Entitas.SESI:
            return  # a failed login has no open key to sign with; it vouches for no content
        lapor(GALAT, _("baris riwayat '{aksi}' tidak ditandatangani.").format(aksi=row["aksi"]))
        return
    key = keys.get(sidik)
    if key is None:
        lapor(GALAT, _("ditandatangani dengan kunci yang tidak dikenal."))
        return
    if sah is None:
        sah = kunci_mod.benar(key.publik, row["tanda_tangan"], _bytes(row["hash"]))
    if not sah:
        lapor(GALAT, _("tanda tangan riwayat tidak sah ({aksi}).").format(aksi=row["aksi"]))
        return
    if sidik not in certified:
        lapor(PERINGATAN, _("ditandatangani dengan kunci yang belum disahkan kantor."))


def _bytes(hex_text: str) -> bytes:
    try:
        return bytes.fromhex(hex_text)
    except ValueError:
        return b""  # not hex: altered, and its hash no longer matches either


def _baris_semua(where: Any = None) -> list[dict]:
    """History rows as canonical values (store/isi.py reads them straight from the cursor), in
    the order they were written."""
    rows = isi_mod.baca(Riwayat, Riwayat._meta.sorted_fields, where, nama_field=True)
    rows.sort(key=_nomor)
    return rows


def _nomor(row: dict) -> int:
    return row["nomor"]


def _tanda_tangan(rows: list[dict], keys: dict[str, KunciPublik], pekerja: int,
                  batal: Callable[[], bool]) -> list[bool | None]:
    """Every signature by a known key checked, by position in ``rows`` (None: not checked
    here, the row says why); most of the full check's work, done on ``pekerja`` threads."""
    where, items = [], []
    for n, row in enumerate(rows):
        key = keys.get(row["kunci"] or "")
        if key is not None and row["hash"]:
            where.append(n)
            items.append((key.publik, row["tanda_tangan"], _bytes(row["hash"])))
    verdicts = kunci_mod.benar_banyak(items, pekerja=pekerja, batal=batal)
    if verdicts is None:
        raise Dibatalkan
    sah: list[bool | None] = [None] * len(rows)
    for n, ok in zip(where, verdicts, strict=True):
        sah[n] = ok
    return sah


def pekerja_bawaan(latar: bool = False) -> int:
    """Threads for the signatures: every core, but one left to the window in the background."""
    cores = os.cpu_count() or 1
    return max(1, min(8, cores - 1 if latar else cores))


def _ujung(rows: Iterable[dict], aside: set[str]) -> dict[tuple[str, str], dict]:
    """Each record's last row in its chain (rows in chain order)."""
    last: dict[tuple[str, str], dict] = {}
    for row in rows:
        if row["id"] not in aside:
            last[(row["entitas"], row["entitas_id"])] = row
    return last


def _periksa_rantai(rows: Iterable[dict], aside: set[str], laporan: Laporan,
                    keys: dict[str, KunciPublik], certified: set[str],
                    batal: Callable[[], bool] = _tanpa_batal,
                    sah: list[bool | None] | None = None) -> dict[tuple, dict]:
    """Check every row and link; returns each record's last row of its chain. ``sah``: the
    signatures' verdicts by position, when checked beforehand."""
    seen: dict[tuple[str, str], str] = {}
    last: dict[tuple[str, str], dict] = {}
    # One finding per record and message: a key without its certificate signs many rows.
    said: dict[tuple[str, str], set[str]] = defaultdict(set)
    for n, row in enumerate(rows):
        if n % 5000 == 0:
            _cek(batal)
        laporan.baris += 1
        key = (row["entitas"], row["entitas_id"])
        reported = said[key]

        def lapor(tingkat: str, pesan: str, key=key, reported=reported) -> None:
            if pesan not in reported:
                reported.add(pesan)
                laporan.temuan.append(Temuan(tingkat, key[0], key[1], "", pesan))

        _periksa_baris(row, keys, certified, lapor, None if sah is None else sah[n])
        if str(row["id"]) in aside:
            continue  # set aside by a conflict's resolution: kept, but not in the chain
        if row["hash"] is not None and row["hash_sebelum"] != seen.get(key, ""):
            lapor(GALAT, _("rantai riwayat terputus: ada baris yang hilang atau disisipkan."))
        seen[key] = row["hash"]
        last[key] = row
    return last


def _periksa_segel_lama(laporan: Laporan) -> None:
    hashes = segel.hash_lama()
    if not hashes:
        return
    sealed = segel.rincian_segel_lama()
    if sealed is None:
        laporan.temuan.append(Temuan(
            PERINGATAN, str(Entitas.BASIS_DATA), segel.ID_SEGEL_LAMA, _("Riwayat lama"),
            _("{n} baris riwayat dari sebelum tanda tangan digital belum disegel; masuklah "
              "sebagai pengadministrasi kepegawaian untuk menyegelnya.").format(n=len(hashes))))
    elif sealed.get("ringkasan") != segel.ringkasan(hashes) or sealed.get("jumlah") != len(hashes):
        laporan.temuan.append(Temuan(
            GALAT, str(Entitas.BASIS_DATA), segel.ID_SEGEL_LAMA, _("Riwayat lama"),
            _("riwayat dari sebelum tanda tangan digital berbeda dari yang disegel kantor.")))


def _periksa_isi(last: dict[tuple[str, str], dict], laporan: Laporan,
                 jenis: Iterable[Entitas] | None = None, ids: Iterable[str] | None = None,
                 batal: Callable[[], bool] | None = None) -> None:
    for kind in jenis or isi_mod.SPEK:
        if batal is not None:
            _cek(batal)
        contents = isi_mod.isi_banyak(kind, ids)
        laporan.rekaman += len(contents)
        for rid, content in contents.items():
            row = last.get((str(kind), rid))
            if row is None:
                laporan.temuan.append(Temuan(GALAT, str(kind), rid, "", _(
                    "tidak memiliki riwayat yang ditandatangani (dibuat di luar aplikasi).")))
            elif row["hash_isi"] != isi_mod.hash_dari(content):
                laporan.temuan.append(Temuan(GALAT, str(kind), rid, "", _(
                    "isi berbeda dari riwayat yang ditandatangani.")))
        if ids is None:
            for (entitas, rid), row in last.items():
                if entitas == str(kind) and rid not in contents and row["hash_isi"]:
                    laporan.temuan.append(Temuan(GALAT, entitas, rid, "", _(
                        "dihapus di luar aplikasi.")))


def _beri_nama(laporan: Laporan) -> Laporan:
    laporan.temuan = [
        Temuan(t.tingkat, t.entitas, t.entitas_id, t.uraian or uraian(t.entitas, t.entitas_id),
               t.pesan)
        for t in laporan.temuan
    ]
    return laporan


def _disisihkan() -> set[str]:
    return {str(r) for (r,) in RiwayatDisisihkan.select(RiwayatDisisihkan.riwayat).tuples()}


def periksa(batal: Callable[[], bool] = _tanpa_batal, *, pekerja: int | None = None) -> Laporan:
    """The full check: every row, link and signature, and every record's content.

    One read transaction: a change saved meanwhile by another connection (the window, while
    this runs in the background) is seen whole or not at all, never as content without its
    row. ``batal`` is asked between steps; ``Dibatalkan`` when it says stop. ``pekerja``:
    threads for the signatures (every core by default).
    """
    laporan = Laporan()
    # DEFERRED on SQLite: a reader that never takes (or waits for) the write lock.
    with transaksi_baca():
        keys, certified = _kunci()
        rows = _baris_semua()
        rows.sort(key=_rantai)
        aside = _disisihkan()
        _cek(batal)
        sah = _tanda_tangan(rows, keys, pekerja or pekerja_bawaan(), batal)
        last = _periksa_rantai(rows, aside, laporan, keys, certified, batal, sah)
        _periksa_segel_lama(laporan)
        _periksa_isi(last, laporan, batal=batal)
        return _beri_nama(laporan)


def _rantai(row: dict) -> tuple[str, str, int]:
    return row["entitas"], row["entitas_id"], row["nomor"]


def periksa_latar(batal: Callable[[], bool] = _tanpa_batal,
                  sela: Callable[[Laporan], None] | None = None) -> Laporan | None:
    """The checks after login, from a worker thread: the quick one first (its report handed
    to ``sela`` at once, for the banner), then the full one, returned; None when stopped or
    when the database went away meanwhile.

    peewee gives each thread its own connection to the same file: this one is made read-only
    (SQLite's query_only) so that the checks can never write, and is closed at the end.
    """
    database = db.obj
    if database is None:
        return None
    try:
        if isinstance(database, pw.SqliteDatabase):
            database.execute_sql("PRAGMA query_only = 1")
        if sela is not None:
            with transaksi_baca():
                sela(periksa_isi())
            _cek(batal)
        return periksa(batal, pekerja=pekerja_bawaan(latar=True))
    except Dibatalkan:
        return None
    except Exception:  # noqa: BLE001 - a background check never takes the window down
        log.exception("pemeriksaan riwayat di latar gagal")
        return None
    finally:
        try:
            database.close()
        except Exception:  # noqa: BLE001 - closing a connection that is already gone
            log.debug("koneksi pemeriksaan latar sudah tertutup", exc_info=True)


def _ujung_semua() -> dict[tuple[str, str], dict]:
    """Each record's last active row: its hash_isi only."""
    rows = isi_mod.baca(Riwayat, [Riwayat.id, Riwayat.entitas, Riwayat.entitas_id,
                                  Riwayat.hash_isi, Riwayat.nomor])
    rows.sort(key=_nomor)
    return _ujung(rows, _disisihkan())


def periksa_isi(jenis: Iterable[Entitas] | None = None) -> Laporan:
    """The quick check: each record's content against its last signed hash (no signatures)."""
    laporan = Laporan()
    _periksa_isi(_ujung_semua(), laporan, jenis)
    return _beri_nama(laporan)


def periksa_rekaman(entitas: str, entitas_id: Any) -> Laporan:
    """One record: its chain, its signatures, its content."""
    laporan = Laporan()
    key = (str(entitas), str(entitas_id))
    rows = _baris_semua((Riwayat.entitas == key[0]) & (Riwayat.entitas_id == key[1]))
    keys, certified = _kunci({row["kunci"] for row in rows if row["kunci"]})
    last = _periksa_rantai(rows, _disisihkan(), laporan, keys, certified)
    if isi_mod.dilacak(key[0]):
        _periksa_isi(last, laporan, [Entitas(key[0])], [key[1]])
    return _beri_nama(laporan)


def wajib_utuh(entitas: str, entitas_id: Any) -> None:
    """Refuse (IsiBerubah) to print or send a record whose signed history does not hold."""
    laporan = periksa_rekaman(entitas, entitas_id)
    if not laporan.ok:
        first = laporan.galat[0]
        raise IsiBerubah(_(
            "{uraian}: {pesan} Data ini tidak dapat dicetak atau dikirim. Periksa dengan "
            "'skpdesk verifikasi' dan pulihkan dari cadangan, atau hubungi pengelola kepegawaian."
        ).format(uraian=first.uraian, pesan=first.pesan))


def ringkas(laporan: Laporan) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for t in laporan.temuan:
        counts[t.tingkat] += 1
    return dict(counts)


def main_cli(kode_cetak: str | None, *, out: Any, err: Any) -> int:
    """``skpdesk verifikasi``: 0 when every chain holds (or the code is current), else 1."""
    if kode_cetak:
        hasil = cek_kode(kode_cetak)
        print(hasil.pesan, file=out if hasil.terkini else err)
        return 0 if hasil.terkini else 1
    laporan = periksa()
    for t in laporan.temuan:
        label = _("PERINGATAN") if t.tingkat == PERINGATAN else _("GALAT")
        print(f"{label}: {t}", file=err if t.tingkat == GALAT else out)
    print(_("{baris} baris riwayat dan {rekaman} data diperiksa.").format(
        baris=laporan.baris, rekaman=laporan.rekaman), file=out)
    if laporan.ok:
        print(_("Semua riwayat utuh dan tanda tangannya sah."), file=out)
        return 0
    print(_("{n} temuan: data di atas diubah di luar aplikasi.").format(n=len(laporan.galat)),
          file=err)
    return 1
