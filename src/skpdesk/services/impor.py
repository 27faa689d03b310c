"""Roster import from .xlsx or .csv: preview with errors per row, then an all-or-nothing save."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TextIO

from openpyxl import load_workbook

from skpdesk.domain.entitas import Entitas
from skpdesk.domain.hierarki import membentuk_siklus
from skpdesk.domain.kepegawaian import JENJANG_PER_JENIS, JenisJabatan, Peran
from skpdesk.domain.nip import format_nip, normalize_nip, parse_nip
from skpdesk.i18n import _
from skpdesk.services import akun as akun_service
from skpdesk.services import kantor
from skpdesk.services import pegawai as roster
from skpdesk.services.context import Aktor, catat, wajib, wajib_peran
from skpdesk.services.errors import LayananError, ValidasiGagal
from skpdesk.services.pegawai import DataPegawai
from skpdesk.store.models import Akun, Jabatan, Pegawai, UnitKerja, db

EKSTENSI = (".xlsx", ".csv")
AKSI_BARU = "baru"
AKSI_UBAH = "ubah"


@dataclass(frozen=True)
class Kolom:
    kunci: str
    judul: str  # as written in the file's header row; data, so not translated
    wajib: bool


KOLOM: tuple[Kolom, ...] = (
    Kolom("nip", "NIP", True),
    Kolom("nama", "Nama", True),
    Kolom("gelar_depan", "Gelar Depan", False),
    Kolom("gelar_belakang", "Gelar Belakang", False),
    Kolom("status", "Status", True),
    Kolom("golongan", "Golongan", True),
    Kolom("jabatan", "Jabatan", True),
    Kolom("jenis_jabatan", "Jenis Jabatan", True),
    Kolom("jenjang", "Jenjang", False),
    Kolom("unit", "Unit Kerja", True),
    Kolom("nip_atasan", "NIP Atasan", False),
)
JUDUL: dict[str, str] = {k.kunci: k.judul for k in KOLOM}

# Field keys of the existing validators → the column that holds the value.
_KOLOM_DATA_PEGAWAI = {"nip": "nip", "nama": "nama", "status": "status", "golongan": "golongan"}
_KOLOM_JABATAN = {"nama": "jabatan", "jenis": "jenis_jabatan", "jenjang": "jenjang"}

# What Excel writes (or a csv export shows) for a long number: 1,97508E+17 or 1.97508122E17.
_ANGKA_ILMIAH = re.compile(r"^\d+(?:[.,]\d+)?[eE]\+?\d+$")


@dataclass(frozen=True)
class KesalahanBaris:
    """One fault, at the row number the user sees in Excel (the header is row 1)."""

    baris: int
    kolom: str
    pesan: str

    def teks(self) -> str:
        if self.baris <= 0:
            return _("Berkas: {pesan}").format(pesan=self.pesan)
        if not self.kolom:
            return _("Baris {baris}: {pesan}").format(baris=self.baris, pesan=self.pesan)
        return _("Baris {baris}, kolom {kolom}: {pesan}").format(
            baris=self.baris, kolom=self.kolom, pesan=self.pesan
        )


@dataclass(frozen=True)
class BarisImpor:
    """One parsed row, valid or not; ``unit_id``/``jabatan_id`` None means it will be created."""

    baris: int
    nip: str
    nama: str
    aksi: str  # AKSI_BARU or AKSI_UBAH
    gelar_depan: str = ""
    gelar_belakang: str = ""
    status: str = ""
    golongan: str = ""
    jabatan: str = ""
    jenis_jabatan: str = ""
    jenjang: str = ""
    unit: str = ""
    nip_atasan: str = ""
    unit_id: uuid.UUID | None = None
    jabatan_id: uuid.UUID | None = None
    pegawai_id: uuid.UUID | None = None
    sah: bool = True


@dataclass
class Pratinjau:
    """What a commit would do, and every fault that stops it."""

    berkas: Path
    baris: list[BarisImpor]
    kesalahan: list[KesalahanBaris]
    unit_baru: list[str]
    jabatan_baru: list[str]
    # The cells as read, so that a commit re-validates what the user saw, not a changed file.
    mentah: list[tuple[int, dict[str, Any]]] = field(default_factory=list, repr=False)
    kolom_ada: frozenset[str] = frozenset()

    @property
    def ok(self) -> bool:
        return not self.kesalahan and bool(self.baris)

    @property
    def jumlah_baru(self) -> int:
        return sum(1 for b in self.baris if b.aksi == AKSI_BARU)

    @property
    def jumlah_ubah(self) -> int:
        return sum(1 for b in self.baris if b.aksi == AKSI_UBAH)

    def ringkasan(self) -> str:
        """One line: "12 pegawai baru, 3 diubah, 2 unit baru, 4 jabatan baru"."""
        return _(
            "{baru} pegawai baru, {ubah} diubah, {unit} unit baru, {jabatan} jabatan baru"
        ).format(
            baru=self.jumlah_baru,
            ubah=self.jumlah_ubah,
            unit=len(self.unit_baru),
            jabatan=len(self.jabatan_baru),
        )


@dataclass(frozen=True)
class HasilImpor:
    baru: int
    diubah: int
    unit_baru: int
    jabatan_baru: int
    tidak_berubah: int = 0  # rows of existing pegawai whose data already matched the file

    def ringkasan(self) -> str:
        return _(
            "Impor selesai: {baru} pegawai baru, {diubah} diubah, {tetap} tidak berubah, "
            "{unit} unit baru, {jabatan} jabatan baru."
        ).format(
            baru=self.baru,
            diubah=self.diubah,
            tetap=self.tidak_berubah,
            unit=self.unit_baru,
            jabatan=self.jabatan_baru,
        )


class _BerkasTidakTerbaca(Exception):
    """The file cannot be read as a table; the message is for the user."""


# ---------------------------------------------------------------------------------------------
# Reading


def _baca_xlsx(path: Path) -> list[list[Any]]:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except OSError:
        raise
    except Exception as exc:  # openpyxl raises a zoo of types for a damaged or foreign file
        raise _BerkasTidakTerbaca(
            _(
                "Berkas ini bukan berkas Excel .xlsx yang sah atau rusak. Buka di Excel lalu "
                "simpan ulang sebagai 'Excel Workbook (*.xlsx)'."
            )
        ) from exc
    try:
        if not workbook.worksheets:
            return []
        sheet = workbook.worksheets[0]
        # Files written by other tools often carry a wrong dimension that would cut rows off.
        sheet.reset_dimensions()
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    except Exception as exc:  # damage inside the sheet shows only while iterating
        raise _BerkasTidakTerbaca(
            _("Lembar pertama berkas Excel ini rusak dan tidak dapat dibaca: {error}").format(
                error=exc
            )
        ) from exc
    finally:
        workbook.close()


def _pembatas(text: str) -> str:
    """Pick the delimiter from the header line.

    csv.Sniffer is misled by commas inside gelar ("S.Sos., M.M.") in the data rows; the header
    holds no such commas, so the most frequent candidate there wins. Ties go to ';', the
    separator of Indonesian Excel exports.
    """
    header = next((line for line in text.splitlines() if line.strip()), "")
    return max((";", ",", "\t"), key=header.count)


def _baca_csv(path: Path) -> list[list[Any]]:
    raw = path.read_bytes()
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings: tuple[str, ...] = ("utf-16",)  # Excel's "Unicode Text" export
    else:
        encodings = ("utf-8-sig", "cp1252")
    text = None
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None or "\x00" in text:
        raise _BerkasTidakTerbaca(
            _("Berkas CSV ini tidak dapat dibaca sebagai teks. Simpan ulang sebagai 'CSV UTF-8'.")
        )
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=_pembatas(text)))
    except csv.Error as exc:
        raise _BerkasTidakTerbaca(
            _("Berkas CSV ini tidak dapat dibaca: {error}").format(error=exc)
        ) from exc


def _baca_tabel(path: Path) -> list[list[Any]]:
    suffix = path.suffix.lower()
    if suffix not in EKSTENSI:
        raise _BerkasTidakTerbaca(
            _(
                "Jenis berkas '{ext}' tidak didukung. Gunakan berkas Excel (.xlsx) atau CSV (.csv)."
            ).format(ext=path.suffix or path.name)
        )
    try:
        if not path.is_file():
            raise _BerkasTidakTerbaca(_("Berkas tidak ditemukan: {path}").format(path=path))
        return _baca_xlsx(path) if suffix == ".xlsx" else _baca_csv(path)
    except OSError as exc:
        raise _BerkasTidakTerbaca(
            _(
                "Berkas tidak dapat dibuka ({error}). Tutup berkas di aplikasi lain lalu coba lagi."
            ).format(error=exc.strerror or exc)
        ) from exc


def _teks(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, dt.datetime):
        value = value.date()
    return " ".join(str(value).split())


def _kosong(value: Any) -> bool:
    return _teks(value) == ""


def _kunci_judul(text: str) -> str:
    return re.sub(r"[\s_]+", "", text).casefold()


_JUDUL_KE_KUNCI = {_kunci_judul(k.judul): k.kunci for k in KOLOM}


def _pisah_judul(
    rows: list[list[Any]],
) -> tuple[int, dict[int, str], list[KesalahanBaris]]:
    """Find the header (the first non-blank row): its row number, column index → key, faults."""
    nomor = next((i for i, row in enumerate(rows, start=1) if any(map(_teks, row))), 0)
    if nomor == 0:
        return (
            0,
            {},
            [KesalahanBaris(0, "", _("Berkas kosong: tidak ada baris judul maupun data."))],
        )
    indeks: dict[int, str] = {}
    faults: list[KesalahanBaris] = []
    for i, cell in enumerate(rows[nomor - 1]):
        kunci = _JUDUL_KE_KUNCI.get(_kunci_judul(_teks(cell)))
        if kunci is None:
            continue  # extra columns (No., Keterangan…) are the user's business
        if kunci in indeks.values():
            faults.append(
                KesalahanBaris(
                    nomor,
                    JUDUL[kunci],
                    _("Kolom '{kolom}' muncul dua kali.").format(kolom=JUDUL[kunci]),
                )
            )
        indeks[i] = kunci
    for kolom in KOLOM:
        if kolom.wajib and kolom.kunci not in indeks.values():
            faults.append(
                KesalahanBaris(
                    nomor,
                    kolom.judul,
                    _(
                        "Kolom wajib '{kolom}' tidak ada di baris judul. Baris judul harus memuat: "
                        "{daftar}."
                    ).format(
                        kolom=kolom.judul,
                        daftar=", ".join(k.judul for k in KOLOM if k.wajib),
                    ),
                )
            )
    return nomor, indeks, faults


# ---------------------------------------------------------------------------------------------
# Validation


@dataclass
class _Rujukan:
    """What the database holds, read once per validation."""

    pegawai: dict[str, Pegawai]  # by NIP
    atasan_dari: dict[str, str | None]  # NIP → NIP of the atasan
    unit: dict[str, list[UnitKerja]]  # by casefolded name
    jabatan: dict[tuple[str, uuid.UUID], Jabatan]  # by (casefolded name, unit id)
    root: UnitKerja | None

    @classmethod
    def baca(cls) -> _Rujukan:
        pegawai = {p.nip: p for p in Pegawai.select()}
        nip_dari = {p.id: p.nip for p in pegawai.values()}
        units = list(UnitKerja.select().order_by(UnitKerja.urutan))
        by_name: dict[str, list[UnitKerja]] = {}
        for unit in units:
            by_name.setdefault(unit.nama.casefold(), []).append(unit)
        return cls(
            pegawai=pegawai,
            atasan_dari={
                p.nip: nip_dari.get(p.atasan_id) if p.atasan_id else None for p in pegawai.values()
            },
            unit=by_name,
            jabatan={(j.nama.casefold(), j.unit_id): j for j in Jabatan.select() if j.unit_id},
            root=_root(),
        )


def _root() -> UnitKerja | None:
    """The unit named after the instansi, at the top of the tree."""
    return UnitKerja.select().where(UnitKerja.induk.is_null()).order_by(UnitKerja.urutan).first()


def _pesan_nip_angka(kolom: str, value: Any) -> str:
    shown = f"{value:.0f}" if isinstance(value, float) else _teks(value)
    return _(
        "Sel {kolom} tersimpan sebagai angka ({nilai}), bukan teks; Excel hanya menyimpan 15 "
        "digit angka sehingga digit terakhir NIP hilang. Format kolom {kolom} sebagai Teks "
        "(klik kanan › Format Cells › Text), lalu ketik ulang NIP-nya."
    ).format(kolom=kolom, nilai=shown)


def _nip_angka(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and bool(_ANGKA_ILMIAH.match(value.strip()))


def _nip(value: Any) -> str:
    # An apostrophe is how people force text in a spreadsheet; it is not part of the NIP.
    return normalize_nip(_teks(value).lstrip("'"))


def _jenis(text: str) -> str:
    """Accept the code or the label of a jenis jabatan in any case ("fungsional", "JPT")."""
    wanted = text.strip().casefold()
    for jenis in JenisJabatan:
        if wanted in (jenis.value.casefold(), jenis.label.casefold()):
            return jenis.value
    return text.strip()


_SEMUA_JENJANG = {j.casefold(): j for daftar in JENJANG_PER_JENIS.values() for j in daftar}


def _jenjang(text: str) -> str:
    return _SEMUA_JENJANG.get(text.strip().casefold(), text.strip())


def _periksa(
    berkas: Path, mentah: list[tuple[int, dict[str, Any]]], kolom_ada: frozenset[str]
) -> Pratinjau:
    """Validate the rows against each other and the database; reads, never writes."""
    ruj = _Rujukan.baca()
    faults: list[KesalahanBaris] = []
    hasil = Pratinjau(berkas, [], faults, [], [], mentah, kolom_ada)
    if ruj.root is None:
        faults.append(
            KesalahanBaris(0, "", _("Kantor belum disiapkan; jalankan penyiapan awal lebih dulu."))
        )
        return hasil

    # Every NIP in the file, so that an atasan may appear below their staff.
    nip_berkas: dict[str, int] = {}
    for nomor, cells in mentah:
        value = cells.get("nip")
        if not _nip_angka(value) and (nip := _nip(value)):
            nip_berkas.setdefault(nip, nomor)

    unit_baru: dict[str, str] = {}  # casefold → name as first typed
    # (casefold name, unit key) → (first row, jenis, jenjang, "Jabatan — Unit")
    jabatan_baru: dict[tuple[str, Any], tuple[int, str, str, str]] = {}
    nama_dari: dict[str, str] = {}
    tautan: list[tuple[int, str, str]] = []  # (row, NIP, NIP atasan) to check for cycles

    for nomor, cells in mentah:
        row_faults: list[KesalahanBaris] = []

        def salah(kunci: str, pesan: str, nomor: int = nomor, out=row_faults) -> None:
            out.append(KesalahanBaris(nomor, JUDUL.get(kunci, kunci), pesan))

        def teks(kunci: str, cells: dict[str, Any] = cells) -> str:
            return _teks(cells.get(kunci))

        nip_cell = cells.get("nip")
        nip_is_number = _nip_angka(nip_cell)
        nip = "" if nip_is_number else _nip(nip_cell)
        if nip_is_number:
            salah("nip", _pesan_nip_angka(JUDUL["nip"], nip_cell))
        existing = ruj.pegawai.get(nip) if nip else None

        def kolom_atau_lama(kunci: str, lama: str, existing: Pegawai | None = existing) -> str:
            # An optional column left out of the file keeps what an existing record holds.
            return teks(kunci) if kunci in kolom_ada or existing is None else lama

        data = DataPegawai(
            nip=nip,
            nama=teks("nama"),
            status=teks("status"),
            golongan=teks("golongan"),
            gelar_depan=kolom_atau_lama("gelar_depan", existing.gelar_depan if existing else ""),
            gelar_belakang=kolom_atau_lama(
                "gelar_belakang", existing.gelar_belakang if existing else ""
            ),
        ).normalized()
        for key, pesan in roster.periksa_data(data, cek_referensi=False).items():
            if not (key == "nip" and nip_is_number):
                salah(_KOLOM_DATA_PEGAWAI.get(key, "nip"), pesan)
        nip_ok = bool(nip) and not any(f.kolom == JUDUL["nip"] for f in row_faults)
        if nip_ok and nip_berkas.get(nip, nomor) != nomor:
            salah(
                "nip",
                _("NIP {nip} sudah tercantum di baris {baris}; satu pegawai satu baris.").format(
                    nip=format_nip(nip), baris=nip_berkas[nip]
                ),
            )
            nip_ok = False
        if nip_ok:
            nama_dari[nip] = data.nama

        # Jabatan and unit
        jabatan, jenis, jenjang = (
            teks("jabatan"),
            _jenis(teks("jenis_jabatan")),
            _jenjang(teks("jenjang")),
        )
        jabatan_faults = kantor.periksa_jabatan(jabatan, jenis, jenjang)
        for key, pesan in jabatan_faults.items():
            salah(_KOLOM_JABATAN.get(key, "jabatan"), pesan)

        unit_nama = teks("unit")
        unit_id: uuid.UUID | None = None
        unit_key: Any = None
        if not unit_nama:
            # The head of the office sits in the root unit, named after the instansi.
            unit_id, unit_nama = ruj.root.id, ruj.root.nama
        else:
            found = ruj.unit.get(unit_nama.casefold(), [])
            if len(found) > 1:
                salah(
                    "unit",
                    _(
                        "Ada {n} unit kerja bernama '{nama}'; ganti nama salah satunya di menu "
                        "Kepegawaian agar impor tahu unit yang dimaksud."
                    ).format(n=len(found), nama=unit_nama),
                )
            elif found:
                unit_id, unit_nama = found[0].id, found[0].nama
            else:
                unit_nama = unit_baru.setdefault(unit_nama.casefold(), unit_nama)
                unit_key = unit_nama.casefold()
        if unit_id is not None:
            unit_key = unit_id

        jabatan_id: uuid.UUID | None = None
        if not jabatan_faults and unit_key is not None:
            known = ruj.jabatan.get((jabatan.casefold(), unit_id)) if unit_id else None
            if known is not None:
                jabatan_id, jabatan = known.id, known.nama
                if known.jenis != jenis:
                    salah(
                        "jenis_jabatan",
                        _(
                            "Jabatan '{jabatan}' di {unit} sudah tercatat sebagai {lama}, bukan "
                            "{baru}."
                        ).format(
                            jabatan=known.nama,
                            unit=unit_nama,
                            lama=known.jenis_jabatan.label,
                            baru=JenisJabatan(jenis).label,
                        ),
                    )
                elif jenjang and known.jenjang != jenjang:
                    salah(
                        "jenjang",
                        _(
                            "Jabatan '{jabatan}' di {unit} sudah tercatat dengan jenjang "
                            "'{lama}', bukan '{baru}'."
                        ).format(
                            jabatan=known.nama, unit=unit_nama, lama=known.jenjang, baru=jenjang
                        ),
                    )
            else:
                label = _("{jabatan} — {unit}").format(jabatan=jabatan, unit=unit_nama)
                first = jabatan_baru.setdefault(
                    (jabatan.casefold(), unit_key), (nomor, jenis, jenjang, label)
                )
                if first[0] != nomor and (first[1], first[2]) != (jenis, jenjang):
                    salah(
                        "jenis_jabatan" if first[1] != jenis else "jenjang",
                        _(
                            "Jabatan '{jabatan}' di {unit} ditulis sebagai {jenis} di baris "
                            "{baris}; satu jabatan harus sama jenis dan jenjangnya di semua baris."
                        ).format(
                            jabatan=jabatan,
                            unit=unit_nama,
                            baris=first[0],
                            jenis=" ".join(filter(None, (JenisJabatan(first[1]).label, first[2]))),
                        ),
                    )

        # Atasan langsung
        atasan_cell = cells.get("nip_atasan")
        lama_atasan = (ruj.atasan_dari.get(nip) or "") if existing else ""
        nip_atasan = ""
        if "nip_atasan" not in kolom_ada:
            nip_atasan = lama_atasan
        elif _nip_angka(atasan_cell):
            salah("nip_atasan", _pesan_nip_angka(JUDUL["nip_atasan"], atasan_cell))
        elif atasan_text := _nip(atasan_cell):
            try:
                nip_atasan = parse_nip(atasan_text).nip
            except ValueError as exc:
                salah("nip_atasan", _("NIP atasan tidak sah: {pesan}").format(pesan=exc))
        if nip_atasan:
            atasan_db = ruj.pegawai.get(nip_atasan)
            if nip_atasan == nip:
                salah("nip_atasan", _("Pegawai tidak dapat menjadi atasan dirinya sendiri."))
            elif atasan_db is not None and not atasan_db.aktif:
                salah(
                    "nip_atasan",
                    _("{nama} sudah tidak aktif dan tidak dapat menjadi atasan.").format(
                        nama=atasan_db.nama_lengkap
                    ),
                )
            elif atasan_db is None and nip_atasan not in nip_berkas:
                salah(
                    "nip_atasan",
                    _(
                        "NIP atasan {nip} tidak ada di berkas ini maupun di data pegawai. "
                        "Tambahkan atasan sebagai baris di berkas atau periksa NIP-nya."
                    ).format(nip=format_nip(nip_atasan)),
                )
            elif nip_ok:
                tautan.append((nomor, nip, nip_atasan))

        faults.extend(row_faults)
        hasil.baris.append(
            BarisImpor(
                baris=nomor,
                # A number is shown as Excel shows it, so that it does not pass for a NIP.
                nip=nip or (f"{nip_cell:g}" if isinstance(nip_cell, float) else _teks(nip_cell)),
                nama=data.nama,
                aksi=AKSI_UBAH if existing is not None else AKSI_BARU,
                gelar_depan=data.gelar_depan,
                gelar_belakang=data.gelar_belakang,
                status=data.status,
                golongan=data.golongan,
                jabatan=jabatan,
                jenis_jabatan=jenis,
                jenjang=jenjang,
                unit=unit_nama,
                nip_atasan=nip_atasan,
                unit_id=unit_id,
                jabatan_id=jabatan_id,
                pegawai_id=existing.id if existing is not None else None,
                sah=not row_faults,
            )
        )

    # The atasan graph after the import: the database's links, with every person in the file
    # detached and then linked again in file order, so that the row closing a loop is named.
    graph = dict(ruj.atasan_dari)
    for nip in nama_dari:
        graph[nip] = None

    def nama(nip: str) -> str:
        if nip in nama_dari:
            return nama_dari[nip]
        return ruj.pegawai[nip].nama_lengkap if nip in ruj.pegawai else format_nip(nip)

    for nomor, nip, nip_atasan in tautan:
        if membentuk_siklus(graph, nip, nip_atasan):
            chain = [nip, nip_atasan]
            while chain[-1] != nip:
                chain.append(graph[chain[-1]])  # type: ignore[arg-type]
            faults.append(
                KesalahanBaris(
                    nomor,
                    JUDUL["nip_atasan"],
                    _(
                        "Rantai atasan akan berputar: {rantai} (→ berarti 'atasannya'). Seseorang "
                        "tidak boleh menjadi atasan dari atasannya sendiri."
                    ).format(rantai=" → ".join(nama(n) for n in chain)),
                )
            )
        else:
            graph[nip] = nip_atasan

    faults.sort(key=lambda f: f.baris)
    bad_rows = {f.baris for f in faults}
    hasil.baris = [replace(b, sah=b.baris not in bad_rows) for b in hasil.baris]
    hasil.unit_baru = list(unit_baru.values())
    hasil.jabatan_baru = [label for _row, _jenis, _jenjang, label in jabatan_baru.values()]
    return hasil


def baca_berkas(path: str | Path) -> Pratinjau:
    """Read and validate a roster file; writes nothing. Faults come back in ``kesalahan``."""
    berkas = Path(path)
    try:
        rows = _baca_tabel(berkas)
    except _BerkasTidakTerbaca as exc:
        return Pratinjau(berkas, [], [KesalahanBaris(0, "", str(exc))], [], [])
    nomor_judul, indeks, faults = _pisah_judul(rows)
    if faults:
        return Pratinjau(berkas, [], faults, [], [])
    mentah: list[tuple[int, dict[str, Any]]] = []
    for nomor, row in enumerate(rows[nomor_judul:], start=nomor_judul + 1):
        cells = {kunci: row[i] if i < len(row) else None for i, kunci in indeks.items()}
        if all(_kosong(v) for v in cells.values()):
            continue
        mentah.append((nomor, cells))
    pratinjau = _periksa(berkas, mentah, frozenset(indeks.values()))
    if not mentah:
        pratinjau.kesalahan.append(
            KesalahanBaris(nomor_judul, "", _("Tidak ada data pegawai di bawah baris judul."))
        )
    return pratinjau


def periksa_ulang(pratinjau: Pratinjau) -> Pratinjau:
    """Validate the same rows again against the database as it is now."""
    if not pratinjau.mentah:
        return pratinjau
    return _periksa(pratinjau.berkas, pratinjau.mentah, pratinjau.kolom_ada)


# ---------------------------------------------------------------------------------------------
# Commit


def _sebagai_validasi(kesalahan: list[KesalahanBaris]) -> ValidasiGagal:
    errors = {f"baris_{k.baris}_{i}": k.teks() for i, k in enumerate(kesalahan)}
    return ValidasiGagal(errors or {"berkas": _("Berkas tidak berisi data pegawai.")})


@contextmanager
def _pada_baris(nomor: int) -> Iterator[None]:
    """Name the row when a service refuses it, so that the user knows where to look."""
    try:
        yield
    except ValidasiGagal as exc:
        raise ValidasiGagal(
            {f"baris_{nomor}": _("Baris {baris}: {pesan}").format(baris=nomor, pesan=exc)}
        ) from exc


def terapkan(aktor: Aktor, pratinjau: Pratinjau) -> HasilImpor:
    """Write the previewed roster in one transaction: all rows, or nothing at all."""
    wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    if not pratinjau.ok:
        raise _sebagai_validasi(pratinjau.kesalahan)
    with db.atomic():
        # The database may have changed since the preview was shown.
        fresh = periksa_ulang(pratinjau)
        if not fresh.ok:
            raise _sebagai_validasi(fresh.kesalahan)
        root = _root()

        unit_ids: dict[str, uuid.UUID] = {}
        for b in fresh.baris:
            if b.unit_id is None and b.unit.casefold() not in unit_ids:
                with _pada_baris(b.baris):
                    unit_ids[b.unit.casefold()] = kantor.tambah_unit(aktor, b.unit, root.id).id

        jabatan_ids: dict[tuple[str, uuid.UUID], uuid.UUID] = {}
        rencana: list[tuple[BarisImpor, uuid.UUID, uuid.UUID]] = []
        for b in fresh.baris:
            unit_id = b.unit_id or unit_ids[b.unit.casefold()]
            jabatan_id = b.jabatan_id
            if jabatan_id is None:
                key = (b.jabatan.casefold(), unit_id)
                if key not in jabatan_ids:
                    with _pada_baris(b.baris):
                        jabatan_ids[key] = kantor.tambah_jabatan(
                            aktor, b.jabatan, b.jenis_jabatan, b.jenjang, unit_id
                        ).id
                jabatan_id = jabatan_ids[key]
            rencana.append((b, unit_id, jabatan_id))

        # First pass: every record exists, linked to its atasan where that is already safe.
        # Second pass: the remaining links. Every link set is one of the final graph's, which
        # the validation proved acyclic, so no intermediate state can close a loop.
        peta = roster.peta_atasan()
        id_dari = dict(Pegawai.select(Pegawai.nip, Pegawai.id).tuples())
        sebelum: dict[uuid.UUID, DataPegawai] = {}
        baru = 0
        for b, unit_id, jabatan_id in rencana:
            target = id_dari.get(b.nip_atasan) if b.nip_atasan else None
            data = DataPegawai(
                nip=b.nip,
                nama=b.nama,
                status=b.status,
                golongan=b.golongan,
                gelar_depan=b.gelar_depan,
                gelar_belakang=b.gelar_belakang,
                jabatan_id=jabatan_id,
                unit_id=unit_id,
            )
            with _pada_baris(b.baris):
                if b.pegawai_id is not None:
                    pegawai_id = b.pegawai_id
                    sebelum[pegawai_id] = roster.data_pegawai(roster.ambil(pegawai_id))
                    if target is not None and membentuk_siklus(peta, pegawai_id, target):
                        target = None
                    roster.ubah_pegawai(aktor, pegawai_id, replace(data, atasan_id=target))
                else:
                    created = roster.tambah_pegawai(aktor, replace(data, atasan_id=target))
                    pegawai_id = created.id
                    id_dari[b.nip] = pegawai_id
                    baru += 1
            peta[pegawai_id] = target
        for b, _unit_id, _jabatan_id in rencana:
            pegawai_id = id_dari[b.nip]
            target = id_dari[b.nip_atasan] if b.nip_atasan else None
            if peta.get(pegawai_id) != target:
                with _pada_baris(b.baris):
                    roster.atur_atasan(aktor, pegawai_id, target)
                peta[pegawai_id] = target

        diubah = sum(
            1
            for pegawai_id, before in sebelum.items()
            if roster.data_pegawai(roster.ambil(pegawai_id)) != before
        )
        hasil = HasilImpor(
            baru=baru,
            diubah=diubah,
            unit_baru=len(unit_ids),
            jabatan_baru=len(jabatan_ids),
            tidak_berubah=len(sebelum) - diubah,
        )
        catat(
            aktor,
            Entitas.IMPOR,
            fresh.berkas.name,
            "impor_roster",
            catatan=hasil.ringkasan(),
            rincian={
                "berkas": fresh.berkas.name,
                "baris": len(fresh.baris),
                "baru": hasil.baru,
                "diubah": hasil.diubah,
                "tidak_berubah": hasil.tidak_berubah,
                "unit_baru": fresh.unit_baru,
                "jabatan_baru": fresh.jabatan_baru,
            },
        )
    return hasil


# ---------------------------------------------------------------------------------------------
# Headless use: ``skpdesk import-roster FILE``


def _aktor_cli(login: str | None) -> Aktor:
    if login:
        akun = akun_service.cari_akun(login)
        wajib(
            akun is not None and akun.aktif,
            _("Akun '{login}' tidak ditemukan atau tidak aktif.").format(login=login),
        )
        wajib(
            Peran.PENGADMINISTRASI_KEPEGAWAIAN in akun.peran_set,
            _("Akun '{login}' bukan pengadministrasi kepegawaian.").format(login=login),
        )
        return Aktor.dari_akun(akun)
    found = next(
        (
            akun
            for akun in Akun.select().where(Akun.aktif).order_by(Akun.dibuat)
            if Peran.PENGADMINISTRASI_KEPEGAWAIAN in akun.peran_set
            and (akun.pegawai is None or akun.pegawai.aktif)
        ),
        None,
    )
    wajib(
        found is not None,
        _(
            "Tidak ada akun pengadministrasi kepegawaian yang aktif di basis data ini. Siapkan "
            "kantor terlebih dahulu."
        ),
    )
    return Aktor.dari_akun(found)


def _dengan_sandi(aktor: Aktor) -> Aktor:
    """Log the account in, so that the rows the import writes are signed (services/kunci.py):
    the password from SKPDESK_SANDI, else asked at a terminal."""
    import getpass
    import os
    import sys

    sandi = os.environ.get(ENV_SANDI)
    if sandi is None and sys.stdin is not None and sys.stdin.isatty():
        sandi = getpass.getpass(_("Kata sandi {login}: ").format(login=aktor.login))
    wajib(sandi is not None, _(
        "Kata sandi akun '{login}' diperlukan untuk menandatangani riwayat impor: isi variabel "
        "lingkungan {env}, atau jalankan perintah ini di terminal."
    ).format(login=aktor.login, env=ENV_SANDI))
    return akun_service.masuk(aktor.login, sandi)


ENV_SANDI = "SKPDESK_SANDI"


def main_cli(file: str, *, login: str | None, out: TextIO, err: TextIO) -> int:
    """Import a roster file into the open database; 0 on success, 1 when nothing was saved."""
    try:
        aktor = _aktor_cli(login)
    except LayananError as exc:
        print(str(exc), file=err)
        return 1
    pratinjau = baca_berkas(file)
    print(
        _("{berkas}: {n} baris data — {ringkasan}.").format(
            berkas=pratinjau.berkas.name, n=len(pratinjau.baris), ringkasan=pratinjau.ringkasan()
        ),
        file=out,
    )
    if not pratinjau.ok:
        for kesalahan in pratinjau.kesalahan:
            print(kesalahan.teks(), file=err)
        print(
            _(
                "{n} kesalahan ditemukan. Tidak ada yang disimpan; perbaiki berkas lalu ulangi."
            ).format(n=len(pratinjau.kesalahan)),
            file=err,
        )
        return 1
    try:
        # Logged in only now: a file with errors leaves not even a login behind.
        hasil = terapkan(_dengan_sandi(aktor), pratinjau)
    except LayananError as exc:
        print(str(exc), file=err)
        print(_("Tidak ada yang disimpan."), file=err)
        return 1
    print(hasil.ringkasan(), file=out)
    return 0
