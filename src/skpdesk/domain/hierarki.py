"""The chain of atasan langsung: nobody may end up above themselves."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def membentuk_siklus(atasan_dari: Mapping[K, K | None], pegawai: K, atasan_baru: K | None) -> bool:
    """True when making ``atasan_baru`` the superior of ``pegawai`` closes a loop.

    ``atasan_dari`` maps each person to their current superior (or None). Following the chain
    upward from the new superior must never reach ``pegawai``.
    """
    seen: set[K] = set()
    node = atasan_baru
    while node is not None:
        if node == pegawai:
            return True
        if node in seen:  # an existing loop elsewhere; not ours to close
            return False
        seen.add(node)
        node = atasan_dari.get(node)
    return False


def rantai_atasan(atasan_dari: Mapping[K, K | None], pegawai: K) -> list[K]:
    """The superiors of ``pegawai``, nearest first: atasan langsung, then her atasan…"""
    chain: list[K] = []
    node = atasan_dari.get(pegawai)
    while node is not None and node not in chain and node != pegawai:
        chain.append(node)
        node = atasan_dari.get(node)
    return chain
