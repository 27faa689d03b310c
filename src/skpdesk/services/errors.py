"""Errors a service raises; their messages are shown to the person as they are."""

from __future__ import annotations

from skpdesk.i18n import _
from skpdesk.store import database


class LayananError(Exception):
    """Base of every refusal by a service."""


class AksesDitolak(LayananError):
    """The actor has no right to take this action."""


class ValidasiGagal(LayananError):
    """Input is wrong; ``errors`` maps a field name to its message for inline display."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("\n".join(self.errors.values()) or _("Data tidak valid."))


class TidakDitemukan(LayananError):
    """The record asked for does not exist (any more)."""


class LoginGagal(LayananError):
    """Wrong login or password, or a locked account."""


class BasisDataSibuk(LayananError, database.BasisDataSibukError):
    """Another process is writing and did not finish within the wait; nothing was written."""


class KoneksiTerputus(LayananError, database.KoneksiTerputusError):
    """The server connection dropped; nothing of the operation was applied, the next call
    connects again."""


# The store raises these for every statement and transaction (store/database.py).
database.pakai_galat(BasisDataSibuk, KoneksiTerputus)
