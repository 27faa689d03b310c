"""Perjanjian Kinerja and its quarterly Pengukuran Kinerja chain (SOP 003)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from skpdesk.domain.entitas import Entitas
from skpdesk.domain.kepegawaian import Peran
from skpdesk.domain.pengukuran import (
    AKSI_PENGEMBALIAN,
    ALUR_PENGUKURAN,
    STATUS_ISI_KASI,
    STATUS_ISI_PELAKSANA,
    CaraKumulatif,
    PeranPK,
    PitaCapaian,
    Polaritas,
    StatusPengukuran,
    baca_pita,
    batas_menit,
    capaian_indikator,
    label_triwulan,
    pita_ke_data,
    pita_untuk,
    realisasi_kumulatif,
)
from skpdesk.domain.skp import angka as baca_angka
from skpdesk.domain.workflow import Transisi
from skpdesk.i18n import _
from skpdesk.services import kantor, rantai
from skpdesk.services.context import Aktor, catat, kunci_dahulu, now, wajib
from skpdesk.services.errors import TidakDitemukan, ValidasiGagal
from skpdesk.store.models import (
    SKP,
    Akun,
    IndikatorPK,
    Pegawai,
    PengukuranKinerja,
    PerjanjianKinerja,
    RealisasiPK,
    RencanaHasilKerja,
    Riwayat,
    UnitKerja,
    db,
)

# Kept for the UI; new code names the Entitas members.
ENTITAS_PK = Entitas.PERJANJIAN_KINERJA
ENTITAS = Entitas.PENGUKURAN_KINERJA
S = StatusPengukuran


# --- bands ------------------------------------------------------------------------------------


def pita_kantor() -> tuple[PitaCapaian, ...]:
    """The office's interpretation bands; docs/domain.md's default until it sets its own."""
    setting = kantor.pengaturan()
    try:
        return baca_pita(setting.pita_capaian)
    except (ValueError, ArithmeticError):
        return baca_pita(None)  # a damaged setting must not hide the measurement


def _wajib_perencana(aktor: Aktor) -> None:
    wajib(
        aktor.punya(Peran.PERENCANA) or aktor.punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN),
        _("Pita capaian diatur oleh perencana atau pengelola kepegawaian."),
    )


def atur_pita(aktor: Aktor, pita: Sequence[PitaCapaian]) -> tuple[PitaCapaian, ...]:
    _wajib_perencana(aktor)
    try:
        data = pita_ke_data(pita)
    except ValueError as exc:
        raise ValidasiGagal({"pita": str(exc)}) from None
    with db.atomic():
        setting = kantor.pengaturan()
        before = setting.pita_capaian
        setting.pita_capaian = data
        setting.save()
        catat(aktor, Entitas.PENGATURAN, setting.id, "atur_pita_capaian", rincian={
            "sebelum": before, "sesudah": data})
    return baca_pita(data)


# --- Perjanjian Kinerja -------------------------------------------------------------------------


def ambil_pk(pk_id: uuid.UUID) -> PerjanjianKinerja:
    pk = PerjanjianKinerja.get_or_none(PerjanjianKinerja.id == pk_id)
    if pk is None:
        raise TidakDitemukan(_("Perjanjian Kinerja tidak ditemukan."))
    return pk


def boleh_ubah_pk(aktor: Aktor, pk: PerjanjianKinerja) -> bool:
    """The perencana drafts the PK; the pihak pertama may correct his own."""
    return aktor.punya(Peran.PERENCANA) or (
        aktor.pegawai_id is not None and aktor.pegawai_id == pk.pihak_pertama_id
    )


def _wajib_ubah_pk(aktor: Aktor, pk: PerjanjianKinerja) -> None:
    wajib(
        boleh_ubah_pk(aktor, pk),
        _("Perjanjian Kinerja disusun oleh perencana atau pihak pertamanya sendiri."),
    )


@dataclass(frozen=True)
class PihakKedua:
    nama: str = ""
    nip: str = ""
    jabatan: str = ""


def buat_pk(
    aktor: Aktor,
    unit_id: uuid.UUID,
    tahun: int,
    *,
    pihak_pertama_id: uuid.UUID | None = None,
    pihak_kedua: PihakKedua = PihakKedua(),
) -> PerjanjianKinerja:
    """A new PK for one unit and year; the pihak pertama defaults to the unit's head."""
    wajib(aktor.punya(Peran.PERENCANA), _("Perjanjian Kinerja baru dibuat oleh perencana."))
    with db.atomic():
        unit = UnitKerja.get_or_none(UnitKerja.id == unit_id)
        if unit is None:
            raise TidakDitemukan(_("Unit kerja tidak ditemukan."))
        if PerjanjianKinerja.select().where(
            (PerjanjianKinerja.unit == unit) & (PerjanjianKinerja.tahun == tahun)
        ).exists():
            raise ValidasiGagal({"tahun": _("{unit} sudah memiliki Perjanjian Kinerja {tahun}.")
                                 .format(unit=unit.nama, tahun=tahun)})
        if pihak_pertama_id is None:
            head = kepala_unit(unit)
            pihak_pertama_id = head.id if head else None
        pk = PerjanjianKinerja.create(
            unit=unit, tahun=tahun, pihak_pertama=pihak_pertama_id,
            pihak_kedua_nama=pihak_kedua.nama.strip(), pihak_kedua_nip=pihak_kedua.nip.strip(),
            pihak_kedua_jabatan=pihak_kedua.jabatan.strip(),
        )
        catat(aktor, Entitas.PERJANJIAN_KINERJA, pk.id, "buat",
              rincian={"unit": unit.nama, "tahun": tahun})
    return pk


def ubah_pihak(
    aktor: Aktor, pk_id: uuid.UUID, pihak_pertama_id: uuid.UUID | None, pihak_kedua: PihakKedua
) -> PerjanjianKinerja:
    with db.atomic():
        kunci_dahulu(Entitas.PERJANJIAN_KINERJA, pk_id)
        pk = ambil_pk(pk_id)
        _wajib_ubah_pk(aktor, pk)
        pk.pihak_pertama = pihak_pertama_id
        pk.pihak_kedua_nama = pihak_kedua.nama.strip()
        pk.pihak_kedua_nip = pihak_kedua.nip.strip()
        pk.pihak_kedua_jabatan = pihak_kedua.jabatan.strip()
        pk.versi += 1
        pk.diubah = now()
        pk.save()
        catat(aktor, Entitas.PERJANJIAN_KINERJA, pk.id, "ubah_pihak",
              rincian={"kedua": pihak_kedua.nama})
    return pk


@dataclass(frozen=True)
class DataIndikatorPK:
    """One PK row as typed: numbers may be Indonesian text ("1.250,5") or decimals."""

    sasaran: str
    indikator: str
    satuan: str
    target: str | Decimal
    polaritas: Polaritas | str = Polaritas.POSITIF
    target_maks: str | Decimal | None = None
    target_tw: dict[int, str | Decimal] = field(default_factory=dict)
    kumulatif: CaraKumulatif | str = CaraKumulatif.JUMLAH
    program: str = ""
    anggaran: str | Decimal | None = None
    unit_id: uuid.UUID | None = None
    rhk_id: uuid.UUID | None = None


def _angka(value: str | Decimal | None, name: str, errors: dict[str, str],
           label: str) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, Decimal):
        result = value
    else:
        try:
            result = baca_angka(value)
        except ValueError:
            errors[name] = _("{label} harus berupa angka.").format(label=label)
            return None
    if result < 0:
        errors[name] = _("{label} tidak boleh negatif.").format(label=label)
        return None
    return result


def _teks_angka(value: Decimal | None) -> str | None:
    """A stored number as the history writes it: PostgreSQL returns it at the column's scale
    (81.5000), SQLite without trailing zeros (81.5); the history reads the same on both."""
    if value is None:
        return None
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _periksa_indikator(data: DataIndikatorPK) -> tuple[dict[str, Any], dict[str, str]]:
    errors: dict[str, str] = {}
    if not data.indikator.strip():
        errors["indikator"] = _("Indikator kinerja wajib diisi.")
    if not data.sasaran.strip():
        errors["sasaran"] = _("Sasaran wajib diisi.")
    try:
        pol = Polaritas(data.polaritas)
    except ValueError:
        errors["polaritas"] = _("Polaritas tidak dikenal.")
        pol = Polaritas.POSITIF
    try:
        cara = CaraKumulatif(data.kumulatif)
    except ValueError:
        errors["kumulatif"] = _("Cara kumulatif tidak dikenal.")
        cara = CaraKumulatif.JUMLAH
    target = _angka(data.target, "target", errors, _("Target"))
    if target is None and "target" not in errors:
        errors["target"] = _("Target wajib diisi.")
    maks = _angka(data.target_maks, "target_maks", errors, _("Batas atas target"))
    if pol is Polaritas.RENTANG:
        if maks is None and "target_maks" not in errors:
            errors["target_maks"] = _("Target rentang memerlukan batas atas.")
        elif target is not None and maks is not None and maks < target:
            errors["target_maks"] = _("Batas atas lebih kecil dari batas bawah.")
    else:
        maks = None
    tw: dict[str, str] = {}
    for n, value in sorted(data.target_tw.items()):
        if not 1 <= int(n) <= 4:
            errors["target_tw"] = _("Triwulan harus 1 sampai 4.")
            continue
        parsed = _angka(value, f"target_tw{n}", errors, _("Target {tw}").format(
            tw=label_triwulan(int(n))))
        if parsed is not None:
            tw[str(int(n))] = str(parsed)
    anggaran = _angka(data.anggaran, "anggaran", errors, _("Anggaran"))
    values = {
        "sasaran": data.sasaran.strip(), "indikator": data.indikator.strip(),
        "satuan": data.satuan.strip(), "polaritas": pol.value, "target": target,
        "target_maks": maks, "target_tw": tw, "kumulatif": cara.value,
        "program": data.program.strip(), "anggaran": anggaran, "unit": data.unit_id,
        "rhk": data.rhk_id,
    }
    return values, errors


def simpan_indikator(
    aktor: Aktor, pk_id: uuid.UUID, data: DataIndikatorPK, indikator_id: uuid.UUID | None = None
) -> IndikatorPK:
    """Add a PK row, or change one; wrong fields come back together for inline display."""
    values, errors = _periksa_indikator(data)
    with db.atomic():
        kunci_dahulu(Entitas.PERJANJIAN_KINERJA, pk_id)
        pk = ambil_pk(pk_id)
        _wajib_ubah_pk(aktor, pk)
        if data.rhk_id is not None and data.rhk_id not in {r.id for r in rhk_pilihan(pk)}:
            errors["rhk"] = _("RHK ini bukan RHK pada SKP pihak pertama tahun {tahun}.").format(
                tahun=pk.tahun)
        if errors:
            raise ValidasiGagal(errors)
        if indikator_id is None:
            last = pk.indikator.order_by(IndikatorPK.urutan.desc()).first()
            row = IndikatorPK.create(pk=pk, urutan=(last.urutan + 1) if last else 1, **values)
            aksi = "tambah_indikator"
        else:
            row = IndikatorPK.get_or_none(
                (IndikatorPK.id == indikator_id) & (IndikatorPK.pk == pk)
            )
            if row is None:
                raise TidakDitemukan(_("Indikator tidak ditemukan."))
            for key, value in values.items():
                setattr(row, key, value)
            row.save()
            aksi = "ubah_indikator"
        pk.versi += 1
        pk.diubah = now()
        pk.save()
        catat(aktor, Entitas.PERJANJIAN_KINERJA, pk.id, aksi, ke=row.indikator,
              rincian={"id": str(row.id)})
    return row


def hapus_indikator(aktor: Aktor, indikator_id: uuid.UUID) -> None:
    with db.atomic():
        row = IndikatorPK.get_or_none(IndikatorPK.id == indikator_id)
        if row is not None:
            kunci_dahulu(Entitas.PERJANJIAN_KINERJA, row.pk_id)
            row = IndikatorPK.get_or_none(IndikatorPK.id == indikator_id)
        if row is None:
            raise TidakDitemukan(_("Indikator tidak ditemukan."))
        pk = row.pk
        _wajib_ubah_pk(aktor, pk)
        if RealisasiPK.select().where(RealisasiPK.indikator == row).exists():
            raise ValidasiGagal({"indikator": _(
                "Indikator ini sudah diukur pada triwulan berjalan dan tidak dapat dihapus."
            )})
        name = row.indikator
        row.delete_instance()
        pk.versi += 1
        pk.save()
        catat(aktor, Entitas.PERJANJIAN_KINERJA, pk.id, "hapus_indikator", dari=name)


def indikator_pk(pk: PerjanjianKinerja) -> list[IndikatorPK]:
    return list(pk.indikator.order_by(IndikatorPK.urutan))


def rhk_pilihan(pk: PerjanjianKinerja) -> list[RencanaHasilKerja]:
    """The RHK of the pihak pertama's SKP of the PK's year: what a PK row may be linked to."""
    if pk.pihak_pertama_id is None:
        return []
    return list(
        RencanaHasilKerja.select()
        .join(SKP)
        .where((SKP.pegawai == pk.pihak_pertama_id) & (SKP.tahun == pk.tahun))
        .order_by(SKP.tgl_mulai, RencanaHasilKerja.urutan)
    )


def intervensi_staf(pk: PerjanjianKinerja) -> dict[uuid.UUID, list[str]]:
    """Per linked RHK of the head, who on the staff intervenes in it (their RHK point at it)."""
    linked = [r.rhk_id for r in indikator_pk(pk) if r.rhk_id is not None]
    found: dict[uuid.UUID, list[str]] = {rhk_id: [] for rhk_id in linked}
    if not linked:
        return found
    rows = (
        RencanaHasilKerja.select(RencanaHasilKerja, SKP, Pegawai)
        .join(SKP).join(Pegawai)
        .where(RencanaHasilKerja.intervensi.in_(linked))
        .order_by(Pegawai.nama)
    )
    for row in rows:
        name = row.skp.pegawai.nama_lengkap
        if name not in found[row.intervensi_id]:
            found[row.intervensi_id].append(name)
    return found


def daftar_pk(tahun: int | None = None) -> list[PerjanjianKinerja]:
    query = PerjanjianKinerja.select().order_by(PerjanjianKinerja.tahun.desc())
    if tahun is not None:
        query = query.where(PerjanjianKinerja.tahun == tahun)
    return list(query)


# --- who is who: resolved from the roster once, kept on the chain --------------------------------


def kepala_unit(unit: UnitKerja) -> Pegawai | None:
    """The head of a unit: an active member whose own atasan sits outside the unit."""
    members = list(
        Pegawai.select().where((Pegawai.unit == unit) & Pegawai.aktif).order_by(Pegawai.nama)
    )
    heads = [p for p in members if p.atasan_id is None or p.atasan.unit_id != unit.id]
    structural = [p for p in heads if p.jabatan is not None and p.jabatan.struktural]
    return (structural or heads or [None])[0]


@dataclass(frozen=True)
class PeranRantai:
    """The people of one chain, by the part they play (SOP 003's columns)."""

    camat_id: uuid.UUID | None
    sekretaris_id: uuid.UUID | None
    kasubbag_id: uuid.UUID | None
    pelaksana_id: uuid.UUID | None
    # Section → its Kasi, for the indicators that name a section.
    kasi: dict[uuid.UUID, uuid.UUID | None] = field(default_factory=dict)


def _perencana() -> list[Pegawai]:
    holders = [
        a.pegawai_id for a in Akun.select().where(Akun.aktif & Akun.pegawai.is_null(False))
        if Peran.PERENCANA in a.peran_set
    ]
    if not holders:
        return []
    return list(Pegawai.select().where(Pegawai.id.in_(holders) & Pegawai.aktif)
                .order_by(Pegawai.nama))


def usulan_peran(pk: PerjanjianKinerja) -> PeranRantai:
    """Proposed parts from the roster: the perencana is the pelaksana, his atasan the Kasubbag
    Perencana, hers the Sekretaris; the Camat is the PK's pihak pertama; each section's Kasi
    is its head. The person starting the chain may change any of them."""
    pelaksana = next(iter(_perencana()), None)
    kasubbag = pelaksana.atasan if pelaksana is not None else None
    sekretaris = kasubbag.atasan if kasubbag is not None else None
    camat = pk.pihak_pertama or (sekretaris.atasan if sekretaris is not None else None)
    kasi: dict[uuid.UUID, uuid.UUID | None] = {}
    for row in indikator_pk(pk):
        if row.unit_id is not None and row.unit_id not in kasi:
            head = kepala_unit(row.unit)
            kasi[row.unit_id] = head.id if head else None
    return PeranRantai(
        camat.id if camat else None,
        sekretaris.id if sekretaris else None,
        kasubbag.id if kasubbag else None,
        pelaksana.id if pelaksana else None,
        kasi,
    )


def ambil(pengukuran_id: uuid.UUID) -> PengukuranKinerja:
    found = PengukuranKinerja.get_or_none(PengukuranKinerja.id == pengukuran_id)
    if found is None:
        raise TidakDitemukan(_("Pengukuran kinerja tidak ditemukan."))
    return found


def boleh_mulai(aktor: Aktor, pk: PerjanjianKinerja) -> bool:
    return aktor.punya(Peran.PERENCANA) or (
        aktor.pegawai_id is not None and aktor.pegawai_id == pk.pihak_pertama_id
    )


def _target_tw(row: IndikatorPK, triwulan: int) -> Decimal | None:
    value = (row.target_tw or {}).get(str(triwulan))
    return Decimal(value) if value not in (None, "") else row.target


def mulai_pengukuran(
    aktor: Aktor, pk_id: uuid.UUID, triwulan: int, peran: PeranRantai | None = None
) -> PengukuranKinerja:
    """Open a quarter's chain with its people stored on it; the Camat's assignment is next."""
    with db.atomic():
        pk = ambil_pk(pk_id)
        wajib(boleh_mulai(aktor, pk), _("Pengukuran kinerja dimulai oleh perencana atau Camat."))
        label_triwulan(triwulan)
        if PengukuranKinerja.select().where(
            (PengukuranKinerja.pk == pk) & (PengukuranKinerja.triwulan == triwulan)
        ).exists():
            raise ValidasiGagal({"triwulan": _("Pengukuran {tw} {tahun} sudah dimulai.").format(
                tw=label_triwulan(triwulan), tahun=pk.tahun)})
        rows = indikator_pk(pk)
        if not rows:
            raise ValidasiGagal({"indikator": _(
                "Perjanjian Kinerja ini belum memiliki indikator. Isi indikatornya dahulu.")})
        peran = peran or usulan_peran(pk)
        missing = [
            r.label for r, value in (
                (PeranPK.CAMAT, peran.camat_id), (PeranPK.SEKRETARIS, peran.sekretaris_id),
                (PeranPK.KASUBBAG_PERENCANA, peran.kasubbag_id),
                (PeranPK.PELAKSANA, peran.pelaksana_id),
            ) if value is None
        ]
        if missing:
            raise ValidasiGagal({"peran": _(
                "Belum ditentukan: {daftar}. Periksa atasan langsung di data pegawai atau pilih "
                "orangnya."
            ).format(daftar=", ".join(missing))})
        moment = now()
        pengukuran = PengukuranKinerja.create(
            pk=pk, triwulan=triwulan, status=ALUR_PENGUKURAN.status_awal, status_sejak=moment,
            camat=peran.camat_id, sekretaris=peran.sekretaris_id, kasubbag=peran.kasubbag_id,
            pelaksana=peran.pelaksana_id, kasi_selesai=[], dibuat=moment, diubah=moment,
        )
        for row in rows:
            RealisasiPK.create(
                pengukuran=pengukuran, indikator=row,
                pengisi=peran.kasi.get(row.unit_id) if row.unit_id else None,
                target=_target_tw(row, triwulan), target_maks=row.target_maks,
            )
        orang = {k: str(v) for k, v in (
            ("camat", peran.camat_id), ("sekretaris", peran.sekretaris_id),
            ("kasubbag", peran.kasubbag_id), ("pelaksana", peran.pelaksana_id))}
        catat(aktor, Entitas.PENGUKURAN_KINERJA, pengukuran.id, "mulai", ke=pengukuran.status,
              rincian={"triwulan": triwulan, "tahun": pk.tahun, "peran": orang})
    return pengukuran


def kasi_pada(pengukuran: PengukuranKinerja) -> set[uuid.UUID]:
    return {
        r.pengisi_id for r in RealisasiPK.select(RealisasiPK.pengisi)
        .where((RealisasiPK.pengukuran == pengukuran) & RealisasiPK.pengisi.is_null(False))
    }


def peran_pada(aktor: Aktor, pengukuran: PengukuranKinerja) -> set[PeranPK]:
    """The parts this person plays in this chain, from the people stored on it."""
    me = aktor.pegawai_id
    if me is None:
        return set()
    found = {
        role for role, who in (
            (PeranPK.CAMAT, pengukuran.camat_id), (PeranPK.SEKRETARIS, pengukuran.sekretaris_id),
            (PeranPK.KASUBBAG_PERENCANA, pengukuran.kasubbag_id),
            (PeranPK.PELAKSANA, pengukuran.pelaksana_id),
        ) if who == me
    }
    if me in kasi_pada(pengukuran):
        found.add(PeranPK.KASI)
    return found


def _kasi_sudah(aktor: Aktor, pengukuran: PengukuranKinerja) -> bool:
    return str(aktor.pegawai_id) in (pengukuran.kasi_selesai or [])


def aksi_tersedia(aktor: Aktor, pengukuran: PengukuranKinerja) -> list[Transisi]:
    """What the UI offers this person now: asked of the table, never decided here."""
    found = rantai.tersedia(RANTAI, aktor, pengukuran)
    if _kasi_sudah(aktor, pengukuran):
        found = [t for t in found if t.aksi != "kirim_isian"]
    return found


def _belum_diisi(rows: Sequence[RealisasiPK]) -> list[str]:
    return [r.indikator.indikator for r in rows if r.realisasi is None]


def _wajib_terisi(rows: Sequence[RealisasiPK]) -> None:
    empty = _belum_diisi(rows)
    if empty:
        raise ValidasiGagal({"realisasi": _("Realisasi belum diisi: {daftar}.").format(
            daftar="; ".join(empty))})


def _syarat_kirim_isian(
    aktor: Aktor, pengukuran: PengukuranKinerja, t: Transisi
) -> str | None:
    """Each Kasi confirms his own section; the chain moves on when the last one has."""
    wajib(not _kasi_sudah(aktor, pengukuran), _("Isian seksi Anda sudah dikonfirmasi."))
    _wajib_terisi(list(RealisasiPK.select().where(
        (RealisasiPK.pengukuran == pengukuran) & (RealisasiPK.pengisi == aktor.pegawai_id))))
    done = [*(pengukuran.kasi_selesai or []), str(aktor.pegawai_id)]
    pengukuran.kasi_selesai = done
    if {str(k) for k in kasi_pada(pengukuran)} - set(done):
        return pengukuran.status
    return None


def _syarat_serahkan_draft(
    aktor: Aktor, pengukuran: PengukuranKinerja, t: Transisi
) -> None:
    _wajib_terisi(list(pengukuran.realisasi))


RANTAI = rantai.Rantai(
    entitas=Entitas.PENGUKURAN_KINERJA,
    alur=ALUR_PENGUKURAN,
    pihak=peran_pada,
    syarat={"kirim_isian": _syarat_kirim_isian, "serahkan_draft": _syarat_serahkan_draft},
    menit_baku=batas_menit,  # the SOP counts some steps in whole days
    aksi_pengembalian=AKSI_PENGEMBALIAN,
)
"""The quarterly Pengukuran Kinerja chain (docs/sop.md, SOP 003's table)."""


def jalankan(
    aktor: Aktor, pengukuran_id: uuid.UUID, aksi: str, catatan: str = ""
) -> PengukuranKinerja:
    """Take one action of the table, if the table gives it to this person now."""
    with db.atomic():
        return rantai.jalankan(RANTAI, aktor, ambil(pengukuran_id), aksi, catatan)


# --- filling in the measurement -------------------------------------------------------------------


def boleh_isi(aktor: Aktor, row: RealisasiPK, pengukuran: PengukuranKinerja | None = None) -> bool:
    """A Kasi fills his section's rows once the form reaches him; the pelaksana drafts all."""
    pengukuran = pengukuran or row.pengukuran
    me = aktor.pegawai_id
    if me is None:
        return False
    if pengukuran.status in STATUS_ISI_KASI and (
        row.pengisi_id == me or (row.pengisi_id is None and me == pengukuran.pelaksana_id)
    ):
        return True
    return pengukuran.status in STATUS_ISI_PELAKSANA and me == pengukuran.pelaksana_id


def _kumulatif(row: RealisasiPK, realisasi: Decimal | None) -> Decimal | None:
    earlier = (
        RealisasiPK.select(RealisasiPK.realisasi)
        .join(PengukuranKinerja)
        .where(
            (RealisasiPK.indikator == row.indikator_id)
            & (PengukuranKinerja.triwulan < row.pengukuran.triwulan)
        )
        .order_by(PengukuranKinerja.triwulan)
    )
    values = [r.realisasi for r in earlier] + [realisasi]
    return realisasi_kumulatif(values, row.indikator.kumulatif) if realisasi is not None else None


def isi_realisasi(
    aktor: Aktor,
    realisasi_id: uuid.UUID,
    realisasi: str | Decimal | None,
    kendala: str = "",
    tindak_lanjut: str = "",
) -> RealisasiPK:
    """Write one indicator's quarter; the cumulative realisasi follows from the quarters."""
    errors: dict[str, str] = {}
    value = _angka(realisasi, "realisasi", errors, _("Realisasi"))
    if errors:
        raise ValidasiGagal(errors)
    with db.atomic():
        row = RealisasiPK.get_or_none(RealisasiPK.id == realisasi_id)
        if row is not None:
            kunci_dahulu(Entitas.PENGUKURAN_KINERJA, row.pengukuran_id)
            row = RealisasiPK.get_or_none(RealisasiPK.id == realisasi_id)
        if row is None:
            raise TidakDitemukan(_("Baris pengukuran tidak ditemukan."))
        pengukuran = row.pengukuran
        wajib(boleh_isi(aktor, row, pengukuran), _(
            "Baris ini diisi oleh Kasi seksinya selama form di seksi, atau oleh pelaksana "
            "saat menyusun draf; status sekarang: {status}."
        ).format(status=ALUR_PENGUKURAN.label(pengukuran.status)))
        before = _teks_angka(row.realisasi)
        row.realisasi = value
        row.realisasi_kumulatif = _kumulatif(row, value)
        row.kendala = kendala.strip()
        row.tindak_lanjut = tindak_lanjut.strip()
        row.diubah = now()
        row.save()
        pengukuran.versi += 1
        pengukuran.save()
        catat(aktor, Entitas.PENGUKURAN_KINERJA, pengukuran.id, "isi_realisasi", dari=before,
              ke=None if value is None else str(value), rincian={
                  "indikator": row.indikator.indikator})
    return row


# --- reading it back ------------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisPengukuran:
    """One indicator in one quarter, with its capaian and band (None: not computable yet)."""

    realisasi_id: uuid.UUID
    no: int
    sasaran: str
    indikator: str
    satuan: str
    polaritas: Polaritas
    target: Decimal | None
    target_maks: Decimal | None
    target_tahun: Decimal | None
    target_tahun_maks: Decimal | None
    realisasi: Decimal | None
    realisasi_kumulatif: Decimal | None
    capaian: Decimal | None
    capaian_kumulatif: Decimal | None
    pita: PitaCapaian | None
    kendala: str
    tindak_lanjut: str
    pengisi: str
    pengisi_id: uuid.UUID | None
    unit: str
    program: str
    anggaran: Decimal | None
    galat: str = ""  # why capaian cannot be computed (a zero target)


def _capaian(target: Decimal | None, realisasi: Decimal | None, pol: Polaritas,
             maks: Decimal | None) -> tuple[Decimal | None, str]:
    if target is None or realisasi is None:
        return None, ""
    try:
        return capaian_indikator(target, realisasi, pol, target_maks=maks), ""
    except ValueError as exc:
        return None, str(exc)


def baris(pengukuran: PengukuranKinerja) -> list[BarisPengukuran]:
    pita = pita_kantor()
    rows = (
        RealisasiPK.select(RealisasiPK, IndikatorPK)
        .join(IndikatorPK)
        .where(RealisasiPK.pengukuran == pengukuran)
        .order_by(IndikatorPK.urutan)
    )
    out = []
    for n, r in enumerate(rows, start=1):
        ind = r.indikator
        pol = Polaritas(ind.polaritas)
        capaian, galat = _capaian(r.target, r.realisasi, pol, r.target_maks)
        kumulatif, _galat = _capaian(ind.target, r.realisasi_kumulatif, pol, ind.target_maks)
        out.append(BarisPengukuran(
            r.id, n, ind.sasaran, ind.indikator, ind.satuan, pol, r.target, r.target_maks,
            ind.target, ind.target_maks, r.realisasi, r.realisasi_kumulatif, capaian, kumulatif,
            pita_untuk(capaian, pita) if capaian is not None else None, r.kendala,
            r.tindak_lanjut, r.pengisi.nama_lengkap if r.pengisi_id else "", r.pengisi_id,
            ind.unit.nama if ind.unit_id else "", ind.program, ind.anggaran, galat,
        ))
    return out


def daftar_pengukuran(pk: PerjanjianKinerja) -> list[PengukuranKinerja]:
    return list(pk.pengukuran.order_by(PengukuranKinerja.triwulan))


Peristiwa = rantai.Peristiwa  # kept for callers that name it here


def linimasa(pengukuran: PengukuranKinerja, *, hanya_alur: bool = False) -> list[Peristiwa]:
    """The chain's history; ``hanya_alur`` leaves out the rows typed into the form."""
    return rantai.linimasa(
        Entitas.PENGUKURAN_KINERJA, pengukuran.id, pengembalian=RANTAI.aksi_pengembalian,
        kecuali={"isi_realisasi"} if hanya_alur else (),
    )


def catatan_pengembalian(pengukuran: PengukuranKinerja) -> Riwayat | None:
    """The last return's note while the chain is still where it was sent back to."""
    return rantai.catatan_pengembalian(RANTAI, pengukuran)


def disposisi_terakhir(pengukuran: PengukuranKinerja) -> Riwayat | None:
    """The note that came with the chain to where it stands now (the disposisi on the desk)."""
    return (
        Riwayat.select()
        .where((Riwayat.entitas == Entitas.PENGUKURAN_KINERJA)
               & (Riwayat.entitas_id == str(pengukuran.id))
               & (Riwayat.ke == pengukuran.status) & (Riwayat.catatan != ""))
        .order_by(Riwayat.nomor.desc())
        .first()
    )


@dataclass(frozen=True)
class Tunggakan:
    """The chain's next primary step, whose it is, and how long it has waited."""

    transisi: Transisi
    menit_menunggu: int

    @property
    def batas(self) -> int:
        return batas_menit(self.transisi)

    @property
    def lewat(self) -> bool:
        return self.batas > 0 and self.menit_menunggu > self.batas


def tunggakan(pengukuran: PengukuranKinerja, pada: dt.datetime | None = None) -> Tunggakan | None:
    steps = ALUR_PENGUKURAN.aksi_dari(pengukuran.status)
    primary = next((t for t in steps if t.utama), None)
    if primary is None:
        return None
    return Tunggakan(primary, rantai.menit(pengukuran.status_sejak, pada or now()))


def pemegang_giliran(pengukuran: PengukuranKinerja) -> list[str]:
    """The names of the people whose move it is now."""
    t = tunggakan(pengukuran)
    if t is None:
        return []
    people: list[Pegawai] = []
    for role in sorted(t.transisi.pihak):
        if role is PeranPK.KASI:
            done = set(pengukuran.kasi_selesai or [])
            people += [Pegawai.get_by_id(k) for k in sorted(kasi_pada(pengukuran), key=str)
                       if str(k) not in done]
        else:
            who = {
                PeranPK.CAMAT: pengukuran.camat, PeranPK.SEKRETARIS: pengukuran.sekretaris,
                PeranPK.KASUBBAG_PERENCANA: pengukuran.kasubbag,
                PeranPK.PELAKSANA: pengukuran.pelaksana,
            }[role]
            people.append(who)
    return [p.nama_lengkap for p in people]


def pengukuran_terlibat(aktor: Aktor) -> list[PengukuranKinerja]:
    """Every chain this person plays a part in, newest first."""
    me = aktor.pegawai_id
    if me is None:
        return []
    as_kasi = RealisasiPK.select(RealisasiPK.pengukuran).where(RealisasiPK.pengisi == me)
    return list(
        PengukuranKinerja.select().where(
            (PengukuranKinerja.camat == me) | (PengukuranKinerja.sekretaris == me)
            | (PengukuranKinerja.kasubbag == me) | (PengukuranKinerja.pelaksana == me)
            | PengukuranKinerja.id.in_(as_kasi)
        ).order_by(PengukuranKinerja.dibuat.desc())
    )


def terlibat(aktor: Aktor) -> bool:
    """The *Perencanaan* tab: the perencana, a PK's pihak pertama, or a part in a chain."""
    if aktor.punya(Peran.PERENCANA):
        return True
    if aktor.pegawai_id is None:
        return False
    if PerjanjianKinerja.select().where(
        PerjanjianKinerja.pihak_pertama == aktor.pegawai_id
    ).exists():
        return True
    return bool(pengukuran_terlibat(aktor))


def jumlah_menunggu(aktor: Aktor) -> int:
    return sum(bool(aksi_tersedia(aktor, p)) for p in pengukuran_terlibat(aktor))


def jumlah_lewat_baku(aktor: Aktor) -> int:
    moment = now()
    count = 0
    for p in pengukuran_terlibat(aktor):
        t = tunggakan(p, moment)
        if t is not None and t.lewat and aksi_tersedia(aktor, p):
            count += 1
    return count


def cari_pengukuran(pk_id: uuid.UUID, triwulan: int) -> PengukuranKinerja | None:
    """The PK's chain for a quarter, or None while not started."""
    return PengukuranKinerja.get_or_none(
        (PengukuranKinerja.pk == pk_id) & (PengukuranKinerja.triwulan == triwulan)
    )


def cari_realisasi(realisasi_id: uuid.UUID) -> RealisasiPK | None:
    return RealisasiPK.get_or_none(RealisasiPK.id == realisasi_id)


def cari_indikator(indikator_id: uuid.UUID) -> IndikatorPK | None:
    return IndikatorPK.get_or_none(IndikatorPK.id == indikator_id)
