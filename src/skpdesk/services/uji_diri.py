"""Read-only looks into the demo office for the GUI self-test (``skpdesk --selftest``)."""

from __future__ import annotations

from dataclasses import dataclass

from skpdesk.store.models import SKP, Pegawai


@dataclass(frozen=True)
class ContohSKP:
    """An SKP to render: whose (NIP, name) and which year."""

    nip: str
    nama: str
    tahun: int


def jumlah_isi() -> tuple[int, int]:
    """How many pegawai and how many SKP the database holds."""
    return Pegawai.select().count(), SKP.select().count()


def nip_pimpinan() -> str:
    """The NIP of a pegawai without atasan (the head of the office)."""
    return Pegawai.get(Pegawai.atasan.is_null(True)).nip


def skp_contoh() -> ContohSKP | None:
    """The oldest SKP under PermenPANRB 6/2022 (the demo also keeps a PP 46/2011 year)."""
    skp = (
        SKP.select()
        .join(Pegawai, on=SKP.pegawai)
        .where(SKP.regime == "PERMENPANRB_6_2022")
        .order_by(SKP.dibuat)
        .first()
    )
    if skp is None:
        return None
    return ContohSKP(skp.pegawai.nip, skp.pegawai.nama, skp.tahun)
