"""Roster services: add, edit, deactivate pegawai and set their atasan langsung."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from typing import Any

from skpdesk.domain.entitas import Entitas
from skpdesk.domain.hierarki import membentuk_siklus
from skpdesk.domain.kepegawaian import Peran, StatusKepegawaian, cari_golongan
from skpdesk.domain.nip import format_nip, normalize_nip, parse_nip
from skpdesk.i18n import _
from skpdesk.services.context import Aktor, catat, kunci_dahulu, now, wajib_peran
from skpdesk.services.errors import TidakDitemukan, ValidasiGagal
from skpdesk.store.models import Jabatan, Pegawai, UnitKerja, db


@dataclass(frozen=True)
class DataPegawai:
    """What the add/edit form and the roster import provide for one pegawai."""

    nip: str
    nama: str
    status: str = StatusKepegawaian.PNS.value
    golongan: str = ""
    gelar_depan: str = ""
    gelar_belakang: str = ""
    jabatan_id: uuid.UUID | None = None
    unit_id: uuid.UUID | None = None
    atasan_id: uuid.UUID | None = None

    def normalized(self) -> DataPegawai:
        return replace(
            self,
            nip=normalize_nip(self.nip),
            nama=" ".join(self.nama.split()),
            gelar_depan=self.gelar_depan.strip(),
            gelar_belakang=self.gelar_belakang.strip(),
            golongan=self.golongan.strip(),
            status=self.status.strip().upper(),
        )


def periksa_data(
    data: DataPegawai, pegawai_id: uuid.UUID | None = None, *, cek_referensi: bool = True
) -> dict[str, str]:
    """Field → message for every fault in ``data``; empty when it can be saved.

    ``cek_referensi`` looks up jabatan, unit, atasan and NIP uniqueness in the database; the
    roster import checks those against the file and the database itself.
    """
    data = data.normalized()
    errors: dict[str, str] = {}
    parts = None
    try:
        parts = parse_nip(data.nip)
    except ValueError as exc:
        errors["nip"] = str(exc)
    if not data.nama:
        errors["nama"] = _("Nama wajib diisi.")
    elif any(ch.isdigit() for ch in data.nama):
        errors["nama"] = _("Nama tidak boleh berisi angka; tulis gelar di kolom gelar.")
    try:
        status = StatusKepegawaian(data.status)
    except ValueError:
        errors["status"] = _("Status harus PNS atau PPPK.")
        status = None
    if status is not None:
        if parts is not None and parts.pppk and status is StatusKepegawaian.PNS:
            errors["status"] = _("NIP ini adalah NI PPPK (digit 13–14 = 21); status harus PPPK.")
        if not data.golongan:
            errors["golongan"] = _("Golongan wajib diisi.")
        else:
            try:
                cari_golongan(status, data.golongan)
            except ValueError as exc:
                errors["golongan"] = str(exc)
    if data.atasan_id is not None and pegawai_id is not None and data.atasan_id == pegawai_id:
        errors["atasan_id"] = _("Pegawai tidak dapat menjadi atasan dirinya sendiri.")
    if not cek_referensi:
        return errors

    if "nip" not in errors:
        clash = Pegawai.get_or_none(Pegawai.nip == data.nip)
        if clash is not None and clash.id != pegawai_id:
            errors["nip"] = _("Sudah ada pegawai {nama} dengan NIP {nip}.").format(
                nip=format_nip(data.nip), nama=clash.nama_lengkap
            )
    if data.jabatan_id is not None and Jabatan.get_or_none(Jabatan.id == data.jabatan_id) is None:
        errors["jabatan_id"] = _("Jabatan tidak ditemukan.")
    if data.unit_id is not None and UnitKerja.get_or_none(UnitKerja.id == data.unit_id) is None:
        errors["unit_id"] = _("Unit kerja tidak ditemukan.")
    if data.atasan_id is not None and "atasan_id" not in errors:
        atasan = Pegawai.get_or_none(Pegawai.id == data.atasan_id)
        if atasan is None:
            errors["atasan_id"] = _("Atasan tidak ditemukan.")
        elif not atasan.aktif:
            errors["atasan_id"] = _(
                "{nama} sudah tidak aktif dan tidak dapat menjadi atasan."
            ).format(nama=atasan.nama_lengkap)
        elif pegawai_id is not None and membentuk_siklus(peta_atasan(), pegawai_id, data.atasan_id):
            errors["atasan_id"] = _(
                "{nama} berada di bawah pegawai ini dalam rantai atasan; pilihan ini akan "
                "membuat pegawai menjadi atasan dirinya sendiri."
            ).format(nama=atasan.nama_lengkap)
    return errors


def peta_atasan() -> dict[uuid.UUID, uuid.UUID | None]:
    """Every pegawai's atasan langsung, for the cycle check."""
    return dict(Pegawai.select(Pegawai.id, Pegawai.atasan).tuples())


def _snapshot(pegawai: Pegawai) -> dict[str, Any]:
    return {
        "nip": pegawai.nip,
        "nama": pegawai.nama,
        "gelar_depan": pegawai.gelar_depan,
        "gelar_belakang": pegawai.gelar_belakang,
        "status": pegawai.status,
        "golongan": pegawai.golongan,
        "jabatan_id": str(pegawai.jabatan_id) if pegawai.jabatan_id else None,
        "unit_id": str(pegawai.unit_id) if pegawai.unit_id else None,
        "atasan_id": str(pegawai.atasan_id) if pegawai.atasan_id else None,
        "aktif": pegawai.aktif,
    }


def _apply(pegawai: Pegawai, data: DataPegawai) -> None:
    status = StatusKepegawaian(data.status)
    pegawai.nip = data.nip
    pegawai.nama = data.nama
    pegawai.gelar_depan = data.gelar_depan
    pegawai.gelar_belakang = data.gelar_belakang
    pegawai.status = status.value
    pegawai.golongan = cari_golongan(status, data.golongan).kode
    pegawai.jabatan = data.jabatan_id
    pegawai.unit = data.unit_id
    pegawai.atasan = data.atasan_id
    pegawai.diubah = now()


def ambil(pegawai_id: uuid.UUID) -> Pegawai:
    pegawai = Pegawai.get_or_none(Pegawai.id == pegawai_id)
    if pegawai is None:
        raise TidakDitemukan(_("Pegawai tidak ditemukan."))
    return pegawai


def tambah_pegawai(aktor: Aktor, data: DataPegawai) -> Pegawai:
    wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    data = data.normalized()
    errors = periksa_data(data)
    if errors:
        raise ValidasiGagal(errors)
    with db.atomic():
        pegawai = Pegawai(id=uuid.uuid4(), dibuat=now())
        _apply(pegawai, data)
        pegawai.save(force_insert=True)
        catat(aktor, Entitas.PEGAWAI, pegawai.id, "tambah", ke="aktif", rincian=_snapshot(pegawai))
    return pegawai


def ubah_pegawai(aktor: Aktor, pegawai_id: uuid.UUID, data: DataPegawai) -> Pegawai:
    wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    data = data.normalized()
    with db.atomic():
        kunci_dahulu(Entitas.PEGAWAI, pegawai_id)
        pegawai = ambil(pegawai_id)
        errors = periksa_data(data, pegawai.id)
        if errors:
            raise ValidasiGagal(errors)
        before = _snapshot(pegawai)
        _apply(pegawai, data)
        after = _snapshot(pegawai)
        changed = {k: {"dari": before[k], "ke": after[k]} for k in after if before[k] != after[k]}
        if not changed:
            return pegawai
        pegawai.save()
        catat(aktor, Entitas.PEGAWAI, pegawai.id, "ubah", rincian=changed)
    return pegawai


def atur_atasan(aktor: Aktor, pegawai_id: uuid.UUID, atasan_id: uuid.UUID | None) -> Pegawai:
    """Set (or clear) the atasan langsung, refusing a choice that would close a loop."""
    wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    with db.atomic():
        kunci_dahulu(Entitas.PEGAWAI, pegawai_id)
        pegawai = ambil(pegawai_id)
        if pegawai.atasan_id == atasan_id:
            return pegawai
        data = replace(_as_data(pegawai), atasan_id=atasan_id)
        errors = {k: v for k, v in periksa_data(data, pegawai.id).items() if k == "atasan_id"}
        if errors:
            raise ValidasiGagal(errors)
        before = pegawai.atasan
        pegawai.atasan = atasan_id
        pegawai.diubah = now()
        pegawai.save()
        after = pegawai.atasan
        catat(
            aktor,
            Entitas.PEGAWAI,
            pegawai.id,
            "atur_atasan",
            dari=before.nip if before else None,
            ke=after.nip if after else None,
        )
    return pegawai


def _as_data(pegawai: Pegawai) -> DataPegawai:
    snap = _snapshot(pegawai)
    snap.pop("aktif")
    for key in ("jabatan_id", "unit_id", "atasan_id"):
        snap[key] = uuid.UUID(snap[key]) if snap[key] else None
    return DataPegawai(**snap)


def data_pegawai(pegawai: Pegawai) -> DataPegawai:
    """The editable data of a stored pegawai, to prefill the edit form."""
    return _as_data(pegawai)


def nonaktifkan_pegawai(aktor: Aktor, pegawai_id: uuid.UUID, alasan: str) -> Pegawai:
    """Deactivate (pensiun, mutasi keluar…); the record and its history stay."""
    wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    if not alasan.strip():
        raise ValidasiGagal({"alasan": _("Alasan penonaktifan wajib diisi.")})
    with db.atomic():
        kunci_dahulu(Entitas.PEGAWAI, pegawai_id)
        pegawai = ambil(pegawai_id)
        if not pegawai.aktif:
            return pegawai
        bawahan = bawahan_aktif(pegawai.id)
        if bawahan:
            raise ValidasiGagal(
                {
                    "atasan_id": _(
                        "{nama} masih menjadi atasan langsung dari: {daftar}. Tetapkan atasan baru "
                        "untuk mereka terlebih dahulu."
                    ).format(nama=pegawai.nama_lengkap, daftar=", ".join(b.nama for b in bawahan))
                }
            )
        pegawai.aktif = False
        pegawai.diubah = now()
        pegawai.save()
        catat(
            aktor,
            Entitas.PEGAWAI,
            pegawai.id,
            "nonaktifkan",
            dari="aktif",
            ke="nonaktif",
            catatan=alasan.strip(),
        )
    return pegawai


def aktifkan_pegawai(aktor: Aktor, pegawai_id: uuid.UUID) -> Pegawai:
    wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    with db.atomic():
        kunci_dahulu(Entitas.PEGAWAI, pegawai_id)
        pegawai = ambil(pegawai_id)
        if pegawai.aktif:
            return pegawai
        pegawai.aktif = True
        pegawai.diubah = now()
        pegawai.save()
        catat(aktor, Entitas.PEGAWAI, pegawai.id, "aktifkan", dari="nonaktif", ke="aktif")
    return pegawai


def bawahan_aktif(pegawai_id: uuid.UUID) -> list[Pegawai]:
    return list(
        Pegawai.select()
        .where((Pegawai.atasan == pegawai_id) & Pegawai.aktif)
        .order_by(Pegawai.nama)
    )


__all__ = [
    "DataPegawai",
    "aktifkan_pegawai",
    "ambil",
    "atur_atasan",
    "bawahan_aktif",
    "data_pegawai",
    "nonaktifkan_pegawai",
    "periksa_data",
    "peta_atasan",
    "tambah_pegawai",
    "ubah_pegawai",
]
