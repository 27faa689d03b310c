"""Who is acting: every service call takes an ``Aktor`` and checks its rights against the data."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from peewee import fn

from skpdesk.domain.entitas import Entitas
from skpdesk.domain.kepegawaian import Peran
from skpdesk.i18n import _
from skpdesk.services.errors import AksesDitolak
from skpdesk.store import models
from skpdesk.store.models import Akun, Riwayat


@dataclass(frozen=True)
class Aktor:
    akun_id: uuid.UUID | None
    login: str
    nama: str
    pegawai_id: uuid.UUID | None = None
    peran: frozenset[Peran] = field(default_factory=frozenset)

    @classmethod
    def dari_akun(cls, akun: Akun) -> Aktor:
        pegawai = akun.pegawai
        return cls(
            akun_id=akun.id,
            login=akun.login,
            nama=pegawai.nama_lengkap if pegawai else akun.login,
            pegawai_id=pegawai.id if pegawai else None,
            peran=akun.peran_set,
        )

    def punya(self, peran: Peran) -> bool:
        return peran in self.peran


# The clock is one function so that tests can move time (lockouts, SOP durations).
clock: Callable[[], dt.datetime] = models.utcnow


def now() -> dt.datetime:
    return clock()


def wajib(boleh: object, pesan: str) -> None:
    """Refuse with ``pesan`` unless ``boleh``: the one way a service says "not you" or "not now".

    Steps of a chain are checked by their workflow table instead (``services.rantai``).
    """
    if not boleh:
        raise AksesDitolak(pesan)


def wajib_peran(aktor: Aktor, peran: Peran) -> None:
    wajib(aktor.punya(peran), _("Tindakan ini hanya untuk {peran}.").format(peran=peran.label))


def catat(
    aktor: Aktor | None,
    entitas: Entitas,
    entitas_id: Any,
    aksi: str,
    *,
    dari: str | None = None,
    ke: str | None = None,
    catatan: str = "",
    rincian: dict[str, Any] | None = None,
) -> Riwayat:
    """Write one history row; call it inside the service's transaction."""
    last = Riwayat.select(fn.MAX(Riwayat.nomor)).scalar() or 0
    return Riwayat.create(
        nomor=last + 1,
        entitas=str(entitas),
        entitas_id=str(entitas_id),
        aksi=aksi,
        dari=dari,
        ke=ke,
        oleh=aktor.akun_id if aktor else None,
        oleh_nama=aktor.nama if aktor else _("sistem"),
        waktu=now(),
        catatan=catatan,
        rincian=rincian,
    )
