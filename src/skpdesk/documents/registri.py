"""The registry of document kinds: what each prints, from which record, with which template.

A later kind (evaluasi, dokumen_evaluasi, buku_catatan, pp46_*, pengukuran) adds one
``JenisDokumen`` here with its context builder, sample contexts and template names.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from skpdesk.documents import konteks
from skpdesk.domain.nip import normalize_nip
from skpdesk.i18n import _
from skpdesk.services.errors import TidakDitemukan
from skpdesk.store.models import SKP, Pegawai


@dataclass(frozen=True)
class Rekaman:
    """One record a document is made from, with what the archive files it under."""

    entitas: str
    id: uuid.UUID
    skp_id: uuid.UUID | None
    pegawai_id: uuid.UUID | None
    tahun: int
    periode: str
    versi: int
    nip: str


@dataclass(frozen=True)
class JenisDokumen:
    kode: str
    judul: str
    entitas: str
    templat: Callable[[dict], str]  # context → template file name
    templat_semua: tuple[str, ...]
    bangun: Callable[..., dict]  # (record id, *, tanggal, kode_arsip) → context
    contoh: Callable[[], list[dict]]  # sample contexts a template is tried with
    rekaman: Callable[[uuid.UUID], Rekaman]
    cari: Callable[[str, int, str | None], list[uuid.UUID]]  # (NIP, tahun, periode) → records
    pakai_periode: bool = False


def _rekaman_skp(skp_id: uuid.UUID) -> Rekaman:
    skp = SKP.get_or_none(SKP.id == skp_id)
    if skp is None:
        raise TidakDitemukan(_("SKP tidak ditemukan."))
    return Rekaman("SKP", skp.id, skp.id, skp.pegawai_id, skp.tahun, "", skp.versi,
                   skp.pegawai.nip)


def cari_skp(nip: str, tahun: int, periode: str | None = None) -> list[uuid.UUID]:
    """The SKP of one pegawai in one year (more than one when it was split by a mutasi)."""
    wanted = normalize_nip(nip)
    pegawai = Pegawai.get_or_none(Pegawai.nip == wanted)
    if pegawai is None:
        raise TidakDitemukan(_("Pegawai dengan NIP {nip} tidak ditemukan.").format(nip=nip))
    found = list(
        SKP.select(SKP.id)
        .where((SKP.pegawai == pegawai) & (SKP.tahun == tahun))
        .order_by(SKP.tgl_mulai)
    )
    if not found:
        raise TidakDitemukan(
            _("{nama} belum memiliki SKP tahun {tahun}.").format(
                nama=pegawai.nama_lengkap, tahun=tahun
            )
        )
    return [s.id for s in found]


def _templat_skp(context: dict) -> str:
    return "skp_jpt.docx" if context.get("varian") == "JPT" else "skp_ja_jf.docx"


def _contoh_skp() -> list[dict]:
    # Both branches of the template: the kuantitatif and the kualitatif table.
    return [konteks.contoh_skp(True), konteks.contoh_skp(False)]


JENIS: dict[str, JenisDokumen] = {
    j.kode: j
    for j in (
        JenisDokumen(
            kode="skp",
            judul=_("Sasaran Kinerja Pegawai"),
            entitas="SKP",
            templat=_templat_skp,
            templat_semua=("skp_ja_jf.docx", "skp_jpt.docx"),
            bangun=konteks.konteks_skp,
            contoh=_contoh_skp,
            rekaman=_rekaman_skp,
            cari=cari_skp,
        ),
        JenisDokumen(
            kode="lampiran_skp",
            judul=_("Lampiran Sasaran Kinerja Pegawai"),
            entitas="SKP",
            templat=lambda _context: "lampiran_skp.docx",
            templat_semua=("lampiran_skp.docx",),
            bangun=konteks.konteks_lampiran,
            contoh=lambda: [konteks.contoh_lampiran()],
            rekaman=_rekaman_skp,
            cari=cari_skp,
        ),
    )
}


class JenisTidakDikenal(LookupError):
    pass


def jenis(kode: str) -> JenisDokumen:
    found = JENIS.get(kode)
    if found is None:
        raise JenisTidakDikenal(
            _("Jenis dokumen '{kode}' tidak dikenal. Jenis yang ada: {daftar}.").format(
                kode=kode, daftar=", ".join(JENIS)
            )
        )
    return found


def daftar_jenis() -> list[JenisDokumen]:
    return list(JENIS.values())


def bangun(kode: str, record_id: uuid.UUID, *, tanggal: dt.date | None = None,
           kode_arsip: str = "") -> dict:
    return jenis(kode).bangun(record_id, tanggal=tanggal, kode_arsip=kode_arsip)
