"""The demo office's accounts share one password, so one derived password key opens them all."""

from __future__ import annotations

from skpdesk.services import akun as akun_service
from skpdesk.services import kunci as kunci_mod
from skpdesk.services.context import Aktor
from skpdesk.services.kunci import KunciSandi
from skpdesk.store.models import Akun

_wrap: dict[str, KunciSandi] = {}


def kunci_sandi(sandi: str) -> KunciSandi:
    """The password key of the demo accounts being built (derived once per build)."""
    if sandi not in _wrap:
        _wrap.clear()
        _wrap[sandi] = kunci_mod.turunkan(sandi)
    return _wrap[sandi]


def aktor(akun: Akun) -> Aktor:
    """The demo person acting, keys open (the accounts were wrapped with ``kunci_sandi``)."""
    wrap = next(iter(_wrap.values()), None)
    if wrap is None or not akun.kunci_rahasia:
        return Aktor.dari_akun(akun)
    try:
        return akun_service.aktor_dengan_sandi(akun, wrap)
    except kunci_mod.KunciRusak:
        return Aktor.dari_akun(akun)
