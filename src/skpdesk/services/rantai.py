"""One engine for every chain of an SOP: taking a step is checked, timed and recorded here.

A chain (SKP planning, evaluation, Pengukuran Kinerja, …) declares itself in a small ``Rantai``:
its workflow table, who plays which part on a record, its preconditions and after-step hooks.
``jalankan`` then does the same thing for all of them:

1. ask the table whether this person may take this action now (``Alur.periksa``);
2. require the note where the table says so;
3. run the chain's preconditions for the action and for the target state;
4. move the state, time the step against the SOP standard, write one history row;
5. run the chain's after-step hook.

A step does not bump the record's ``versi``: the data version counts changes of content, and
the services that change content bump it themselves (a chain hook may do so too).

The history of a chain is read back here as well: ``linimasa`` and ``catatan_pengembalian``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from skpdesk.domain.entitas import Entitas
from skpdesk.domain.workflow import Alur, Transisi, TransisiDitolak
from skpdesk.i18n import _
from skpdesk.services.context import Aktor, catat, data_berubah, kunci_rekaman, now
from skpdesk.services.errors import AksesDitolak, ValidasiGagal
from skpdesk.store.models import Riwayat

Syarat = Callable[[Aktor, Any, Transisi], str | None]
"""A precondition of a step: raises to refuse (and must change nothing then); may return the
state the record stays in instead of the table's target (a partial confirmation)."""
Sesudah = Callable[[Aktor, Any, Transisi], None]
"""Work that follows a step inside the same transaction."""


def _tanpa_opsi() -> Sequence[str]:
    return ()


def _menit_transisi(t: Transisi) -> int:
    return t.menit_baku


@dataclass(frozen=True)
class Rantai:
    """What one chain declares; the engine does the rest."""

    entitas: Entitas
    # The workflow table, or how to choose it for a record (an evaluation: by its period).
    alur: Alur | Callable[[Any], Alur]
    # The parts this person plays on this record (``Pihak``, or a chain's own roles).
    pihak: Callable[[Aktor, Any], Iterable[Any]]
    # The office options the table is read with (SOP 002's extra steps); none by default.
    opsi: Callable[[], Sequence[str]] = _tanpa_opsi
    # Preconditions by action, then by the table's target state.
    syarat: Mapping[str, Syarat] = field(default_factory=dict)
    syarat_ke: Mapping[str, Syarat] = field(default_factory=dict)
    # After-step hooks by the state the record lands in.
    sesudah_ke: Mapping[str, Sesudah] = field(default_factory=dict)
    # The SOP's standard time of a step, in minutes.
    menit_baku: Callable[[Transisi], int] = _menit_transisi
    # Actions that send the record back (or reopen it): their note is shown until …
    aksi_pengembalian: frozenset[str] = frozenset()
    # … one of these actions follows; None: any later step of the table.
    catatan_sampai: frozenset[str] | None = None

    def alur_untuk(self, rekaman: Any) -> Alur:
        return self.alur if isinstance(self.alur, Alur) else self.alur(rekaman)


def menit(since: dt.datetime, until: dt.datetime) -> int:
    """Whole minutes between two moments, never negative (a clock set back)."""
    return max(0, int((until - since).total_seconds() // 60))


def tersedia(rantai: Rantai, aktor: Aktor, rekaman: Any) -> list[Transisi]:
    """What this person may do now on this record, the primary action first."""
    return rantai.alur_untuk(rekaman).tersedia(
        rekaman.status, rantai.pihak(aktor, rekaman), rantai.opsi()
    )


def periksa(rantai: Rantai, aktor: Aktor, rekaman: Any, aksi: str) -> Transisi:
    """The transition of ``aksi`` if the table gives it to this person now; else AksesDitolak."""
    try:
        return rantai.alur_untuk(rekaman).periksa(
            aksi, rekaman.status, rantai.pihak(aktor, rekaman), rantai.opsi()
        )
    except TransisiDitolak as exc:
        raise AksesDitolak(str(exc)) from None


def jalankan(
    rantai: Rantai,
    aktor: Aktor,
    rekaman: Any,
    aksi: str,
    catatan: str = "",
    rincian: dict[str, Any] | None = None,
) -> Any:
    """Take one step of the chain on a record; call it inside the service's transaction.

    ``rincian`` adds chain-specific details to the history row (the ratings given, …).
    """
    _masih_sama(rantai, rekaman)
    t = periksa(rantai, aktor, rekaman, aksi)
    catatan = catatan.strip()
    if t.catatan_wajib and not catatan:
        raise ValidasiGagal({"catatan": _("Catatan wajib diisi untuk tindakan ini.")})
    ke = t.ke
    for syarat in (rantai.syarat.get(aksi), rantai.syarat_ke.get(t.ke)):
        if syarat is not None:
            ke = syarat(aktor, rekaman, t) or ke
    moment = now()
    dari = rekaman.status
    info: dict[str, Any] = {
        "langkah": [f"{s.sop} #{s.nomor}" for s in t.langkah],
        "menit_baku": rantai.menit_baku(t),
        "menit_berlalu": menit(rekaman.status_sejak, moment),
        "versi": rekaman.versi,
        **(rincian or {}),
    }
    # A confirmation that leaves the state where it is keeps its waiting time running.
    if ke != dari:
        rekaman.status = ke
        rekaman.status_sejak = moment
    rekaman.diubah = moment
    rekaman.save()
    catat(aktor, rantai.entitas, rekaman.id, aksi, dari=dari, ke=ke, catatan=catatan,
          rincian=info)
    sesudah = rantai.sesudah_ke.get(ke)
    if sesudah is not None:
        sesudah(aktor, rekaman, t)
    return rekaman


def _masih_sama(rantai: Rantai, rekaman: Any) -> None:
    """Lock the record and make sure its state is the one the caller read.

    On PostgreSQL two clients may read the same state at once (the penilai approving on one
    and returning on another): the second waits for the first's lock, then finds the state
    moved on and is refused, so exactly one of them takes its step.
    """
    kunci_rekaman(rantai.entitas, rekaman.id)
    model = type(rekaman)
    status = model.select(model.status).where(model.id == rekaman.id).scalar()
    if status != rekaman.status:
        raise data_berubah(rantai.entitas, rekaman.id)


# --- reading the history back ---------------------------------------------------------------


@dataclass(frozen=True)
class Peristiwa:
    """One history row with the time it took against the SOP standard."""

    riwayat: Riwayat
    menit_berlalu: int | None
    menit_baku: int
    # The chain's return/reopen actions, so that a row can say whether it is one.
    aksi_pengembalian: frozenset[str] = field(default=frozenset(), repr=False)

    @property
    def lewat_baku(self) -> bool:
        return bool(self.menit_baku) and (self.menit_berlalu or 0) > self.menit_baku

    @property
    def pengembalian(self) -> bool:
        return self.riwayat.aksi in self.aksi_pengembalian


def _milik(entitas: Entitas, entitas_id: Any) -> Any:
    return (Riwayat.entitas == entitas) & (Riwayat.entitas_id == str(entitas_id))


def linimasa(
    entitas: Entitas,
    entitas_id: Any,
    *,
    pengembalian: frozenset[str] = frozenset(),
    kecuali: Iterable[str] = (),
) -> list[Peristiwa]:
    """Every history row of one record, oldest first, with its minutes against the standard.

    ``kecuali`` leaves out actions that are not steps of the chain (an entry typed in a form).
    """
    query = Riwayat.select().where(_milik(entitas, entitas_id))
    skipped = sorted(kecuali)
    if skipped:
        query = query.where(Riwayat.aksi.not_in(skipped))
    out = []
    for row in query.order_by(Riwayat.nomor):
        info = row.rincian or {}
        out.append(
            Peristiwa(row, info.get("menit_berlalu"), int(info.get("menit_baku", 0)), pengembalian)
        )
    return out


def riwayat_terakhir(entitas: Entitas, entitas_id: Any, aksi: Iterable[str]) -> Riwayat | None:
    """The latest history row of one record among these actions (the day it was approved, …)."""
    return (
        Riwayat.select()
        .where(_milik(entitas, entitas_id) & Riwayat.aksi.in_(sorted(set(aksi))))
        .order_by(Riwayat.nomor.desc())
        .first()
    )


def catatan_pengembalian(rantai: Rantai, rekaman: Any) -> Riwayat | None:
    """The last return or reopen note of a record, until the step that answers it follows."""
    sampai = rantai.catatan_sampai
    if sampai is None:
        sampai = frozenset(t.aksi for t in rantai.alur_untuk(rekaman).transisi)
    last = riwayat_terakhir(rantai.entitas, rekaman.id, rantai.aksi_pengembalian | sampai)
    return last if last is not None and last.aksi in rantai.aksi_pengembalian else None
