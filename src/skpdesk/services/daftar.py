"""Read-only queries that feed the lists and pages of the UI: plain rows, no writes."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from skpdesk.domain.kepegawaian import Peran, StatusKepegawaian, cari_golongan
from skpdesk.domain.nip import format_nip
from skpdesk.store.models import Akun, Jabatan, Pegawai, UnitKerja


@dataclass(frozen=True)
class NodeUnit:
    id: uuid.UUID
    nama: str
    induk_id: uuid.UUID | None
    urutan: int
    aktif: bool


@dataclass(frozen=True)
class BarisJabatan:
    id: uuid.UUID
    nama: str
    jenis: str
    jenjang: str
    unit_id: uuid.UUID | None


@dataclass(frozen=True)
class BarisPegawai:
    id: uuid.UUID
    nip: str
    nama: str
    nama_lengkap: str
    status: str
    golongan: str
    golongan_label: str
    jabatan_id: uuid.UUID | None
    jabatan: str
    unit_id: uuid.UUID | None
    unit: str
    atasan_id: uuid.UUID | None
    atasan: str
    aktif: bool


@dataclass(frozen=True)
class BarisAkun:
    id: uuid.UUID
    login: str
    pegawai_id: uuid.UUID | None
    pegawai: str
    nip: str
    peran: frozenset[Peran]
    terkunci_sampai: dt.datetime | None
    """Naive UTC, like every stored time."""
    aktif: bool
    login_terakhir: dt.datetime | None
    harus_ganti_sandi: bool


@dataclass(frozen=True)
class Orang:
    """A person as shown on a profile: name with titles, NIP and post."""

    id: uuid.UUID
    nama_lengkap: str
    nip: str
    jabatan: str


@dataclass(frozen=True)
class ProfilPegawai:
    orang: Orang
    status: str
    golongan_label: str
    unit: str
    """The unit's path from the office down, "Kecamatan Sukamaju › Sekretariat"."""
    aktif: bool
    atasan: Orang | None
    atasan_dari_atasan: Orang | None


def _golongan_label(status: str, kode: str) -> str:
    try:
        return cari_golongan(StatusKepegawaian(status), kode).label
    except ValueError:
        return kode


def pohon_unit() -> list[NodeUnit]:
    """Every unit kerja, ordered by ``urutan`` then name; the UI builds the tree."""
    query = UnitKerja.select().order_by(UnitKerja.urutan, UnitKerja.nama)
    return [NodeUnit(u.id, u.nama, u.induk_id, u.urutan, u.aktif) for u in query]


def daftar_jabatan() -> list[BarisJabatan]:
    query = Jabatan.select().order_by(Jabatan.nama)
    return [BarisJabatan(j.id, j.nama, j.jenis, j.jenjang, j.unit_id) for j in query]


def daftar_pegawai() -> list[BarisPegawai]:
    """The whole roster with jabatan, unit and atasan resolved, in three queries."""
    jabatan = {j.id: j.nama for j in Jabatan.select(Jabatan.id, Jabatan.nama)}
    unit = {u.id: u.nama for u in UnitKerja.select(UnitKerja.id, UnitKerja.nama)}
    people = list(Pegawai.select().order_by(Pegawai.nama))
    names = {p.id: p.nama_lengkap for p in people}
    return [
        BarisPegawai(
            id=p.id,
            nip=p.nip,
            nama=p.nama,
            nama_lengkap=p.nama_lengkap,
            status=p.status,
            golongan=p.golongan,
            golongan_label=_golongan_label(p.status, p.golongan),
            jabatan_id=p.jabatan_id,
            jabatan=jabatan.get(p.jabatan_id, ""),
            unit_id=p.unit_id,
            unit=unit.get(p.unit_id, ""),
            atasan_id=p.atasan_id,
            atasan=names.get(p.atasan_id, ""),
            aktif=p.aktif,
        )
        for p in people
    ]


def daftar_akun() -> list[BarisAkun]:
    people = {p.id: p for p in Pegawai.select()}
    rows = []
    for a in Akun.select().order_by(Akun.login):
        pegawai = people.get(a.pegawai_id)
        rows.append(
            BarisAkun(
                id=a.id,
                login=a.login,
                pegawai_id=a.pegawai_id,
                pegawai=pegawai.nama_lengkap if pegawai else "",
                nip=pegawai.nip if pegawai else "",
                peran=a.peran_set,
                terkunci_sampai=a.terkunci_sampai,
                aktif=a.aktif,
                login_terakhir=a.login_terakhir,
                harus_ganti_sandi=a.harus_ganti_sandi,
            )
        )
    return rows


def harus_ganti_sandi(akun_id: uuid.UUID | None) -> bool:
    """Whether the account must change its password before it may work."""
    if akun_id is None:
        return False
    akun = Akun.get_or_none(Akun.id == akun_id)
    return bool(akun and akun.harus_ganti_sandi)


def _orang(pegawai: Pegawai | None) -> Orang | None:
    if pegawai is None:
        return None
    jabatan = pegawai.jabatan.nama if pegawai.jabatan_id else ""
    return Orang(pegawai.id, pegawai.nama_lengkap, format_nip(pegawai.nip), jabatan)


def profil(pegawai_id: uuid.UUID) -> ProfilPegawai | None:
    """What a pegawai sees about herself: post, unit and the chain of two atasan."""
    pegawai = Pegawai.get_or_none(Pegawai.id == pegawai_id)
    if pegawai is None:
        return None
    atasan = pegawai.atasan if pegawai.atasan_id else None
    atasan2 = atasan.atasan if atasan is not None and atasan.atasan_id else None
    unit = " › ".join(u.nama for u in pegawai.unit.path()) if pegawai.unit_id else ""
    orang = _orang(pegawai)
    assert orang is not None
    return ProfilPegawai(
        orang=orang,
        status=pegawai.status,
        golongan_label=_golongan_label(pegawai.status, pegawai.golongan),
        unit=unit,
        aktif=pegawai.aktif,
        atasan=_orang(atasan),
        atasan_dari_atasan=_orang(atasan2),
    )


def jabatan_pegawai(pegawai_id: uuid.UUID | None) -> str:
    """The name of a pegawai's jabatan, or an empty string."""
    if pegawai_id is None:
        return ""
    pegawai = Pegawai.get_or_none(Pegawai.id == pegawai_id)
    return pegawai.jabatan.nama if pegawai is not None and pegawai.jabatan_id else ""


__all__ = [
    "BarisAkun",
    "BarisJabatan",
    "BarisPegawai",
    "NodeUnit",
    "Orang",
    "ProfilPegawai",
    "daftar_akun",
    "daftar_jabatan",
    "daftar_pegawai",
    "harus_ganti_sandi",
    "jabatan_pegawai",
    "pohon_unit",
    "profil",
]


def unit_aktif() -> list[NodeUnit]:
    """The active units in their ``urutan``, to choose one from."""
    query = UnitKerja.select().where(UnitKerja.aktif).order_by(UnitKerja.urutan)
    return [NodeUnit(u.id, u.nama, u.induk_id, u.urutan, u.aktif) for u in query]
