"""Who is acting: every service call takes an ``Aktor`` and checks its rights against the data."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import peewee as pw

from skpdesk.domain.entitas import Entitas
from skpdesk.domain.kepegawaian import Peran
from skpdesk.i18n import _
from skpdesk.services.errors import AksesDitolak, DataBerubah
from skpdesk.store import isi, models, segel
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
    kunci_rekaman(entitas, entitas_id)
    _periksa_harapan(entitas, entitas_id)
    row = Riwayat.create(
        nomor=segel.nomor_berikut(),
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
    for h in _harapan():
        if h.cocok(entitas, entitas_id):
            h.baru = row.nomor
    return row


# --- the version a person saw: refusing a change made from an outdated screen -----------------
#
# A record's version is the number of the last sealed row of its history (store/segel.py): every
# change of a record writes one row, and a row is sealed only when its transaction commits, so
# the rows a transaction is still writing never count. A screen remembers the version it showed
# (``versi``); its change runs inside ``jika_versi`` ("if-match"), and ``catat`` refuses it when
# the record moved on meanwhile, naming who changed it and when.


def perubahan_terakhir(entitas: Entitas | str, entitas_id: Any) -> Riwayat | None:
    """The last committed change of a record (its version, who, when)."""
    return segel.ujung(str(entitas), str(entitas_id))


def versi(entitas: Entitas | str, entitas_id: Any) -> int:
    """The version of a record as it is committed now; 0 for one without a history."""
    row = segel.ujung(str(entitas), str(entitas_id))
    return row.nomor if row is not None else 0


@dataclass
class Harapan:
    """The version a screen saw of one record; ``baru`` is the version its change wrote."""

    entitas: str
    entitas_id: str
    versi: int
    baru: int | None = None
    diperiksa: bool = False

    def cocok(self, entitas: Entitas | str, entitas_id: Any) -> bool:
        return self.entitas == str(entitas) and self.entitas_id == str(entitas_id)


_lokal = threading.local()


def _harapan() -> list[Harapan]:
    if not hasattr(_lokal, "harapan"):
        _lokal.harapan = []
    return _lokal.harapan


@contextmanager
def jika_versi(entitas: Entitas | str, entitas_id: Any, dilihat: int) -> Iterator[Harapan]:
    """Run a change only if the record is still at the version the person saw.

    The check is made at once (nothing is done from a stale screen) and again, under the
    record's lock, when the change writes its history row; either refusal raises
    ``DataBerubah`` and the transaction writes nothing.
    """
    harapan = Harapan(str(entitas), str(entitas_id), int(dilihat))
    _bandingkan(harapan)
    _harapan().append(harapan)
    try:
        yield harapan
    finally:
        _harapan().remove(harapan)


def _bandingkan(h: Harapan) -> None:
    if versi(h.entitas, h.entitas_id) != h.versi:
        raise data_berubah(h.entitas, h.entitas_id)


def _periksa_harapan(entitas: Entitas | str, entitas_id: Any) -> None:
    for h in _harapan():
        if h.cocok(entitas, entitas_id) and not h.diperiksa:
            _bandingkan(h)
            # The rows this transaction writes are not sealed yet: one check suffices.
            h.diperiksa = True


# A record whose history rows are kept under another record's lock: an account's sessions.
_TABEL_KUNCI: dict[str, type[pw.Model]] = {str(Entitas.SESI): Akun}


def _model(entitas: Entitas | str) -> type[pw.Model] | None:
    if str(entitas) in _TABEL_KUNCI:
        return _TABEL_KUNCI[str(entitas)]
    try:
        spek = isi.SPEK.get(Entitas(str(entitas)))
    except ValueError:
        return None
    return spek.model if spek is not None else None


def kunci_rekaman(entitas: Entitas | str, entitas_id: Any) -> None:
    """Hold the record's row until the transaction ends (PostgreSQL).

    Changes of one record then follow one another: each sees the one before, and its history
    row chains onto the one before. SQLite needs none: its writer holds the whole file.
    """
    database = models.db.obj
    if not isinstance(database, pw.PostgresqlDatabase) or not database.in_transaction():
        return
    model = _model(entitas)
    if model is None:
        key = f"{entitas}:{entitas_id}"
        database.execute_sql("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (key,))
        return
    pk = model._meta.primary_key
    model.select(pk).where(pk == entitas_id).for_update().execute()


def kunci_dahulu(entitas: Entitas | str, entitas_id: Any) -> None:
    """Lock the record and refuse a stale view before the service reads what it changes.

    ``catat`` takes the lock only when it writes the history row, at the end. A service that
    first reads the record's own rows and then writes them (an SKP's RHK and IKI, an
    evaluation's realisasi) calls this first in its transaction: on PostgreSQL a second change
    of the same record then waits for the first to commit and is refused by ``jika_versi`` (or
    reads it whole), instead of writing from what it read before: an IKI of an RHK just
    deleted, a second realisasi of one IKI, two saves updating the same rows in turn.
    """
    kunci_rekaman(entitas, entitas_id)
    _periksa_harapan(entitas, entitas_id)


def data_berubah(entitas: Entitas | str, entitas_id: Any) -> DataBerubah:
    """The refusal naming the last committed change of a record."""
    head = segel.ujung(str(entitas), str(entitas_id))
    return DataBerubah(head.oleh_nama if head else "", head.waktu if head else None)
