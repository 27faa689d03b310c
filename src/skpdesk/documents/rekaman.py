"""What the registry and the context builders share: the record a document is made from, and
finding a pegawai's SKP of a year.

It lies below ``registri`` and the ``konteks_*`` modules so that they import it, not each other.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

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
    # The records whose signed content the form shows (entitas, id): a form is not made while
    # any of them differs from its signed history (documents/arsip.py).
    sumber: tuple[tuple[str, uuid.UUID], ...] = ()


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
