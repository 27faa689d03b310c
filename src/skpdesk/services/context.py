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
from skpdesk.store import models, segel
from skpdesk.store.models import Akun, Riwayat


@dataclass(frozen=True)
class Aktor:
    akun_id: uuid.UUID | None
    login: str
    nama: str
    pegawai_id: uuid.UUID | None = None
    peran: frozenset[Peran] = field(default_factory=frozenset)
    # The open signing keys (services/kunci.py ``KunciTerbuka``), only in memory after login:
    # the person's own, and the office's for a pengadministrasi kepegawaian who holds it.
    kunci: Any = field(default=None, compare=False, repr=False)
    kunci_kantor: Any = field(default=None, compare=False, repr=False)

    @classmethod
    def dari_akun(cls, akun: Akun, kunci: Any = None, kunci_kantor: Any = None) -> Aktor:
        pegawai = akun.pegawai
        return cls(
            akun_id=akun.id,
            login=akun.login,
            nama=pegawai.nama_lengkap if pegawai else akun.login,
            pegawai_id=pegawai.id if pegawai else None,
            peran=akun.peran_set,
            kunci=kunci,
            kunci_kantor=kunci_kantor,
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
    penanda: Any = None,
) -> Riwayat:
    """Write one history row; call it inside the service's transaction.

    The row is sealed and signed when the transaction commits (store/segel.py): by
    ``penanda`` when given (the office key on system rows), else by the actor's own key.
    """
    last = Riwayat.select(fn.MAX(Riwayat.nomor)).scalar() or 0
    row = Riwayat.create(
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
    if penanda is None and aktor is not None:
        penanda = aktor.kunci
    segel.tunda(row, penanda)
    return row
