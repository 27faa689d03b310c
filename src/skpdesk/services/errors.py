"""Errors a service raises; their messages are shown to the person as they are."""

from __future__ import annotations

import datetime as dt

from skpdesk.domain import format
from skpdesk.i18n import _


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


class DataBerubah(LayananError):
    """Someone else changed the record since this person loaded it; nothing was written.

    ``oleh`` and ``waktu`` (naive UTC) name the change found; the screen keeps what was typed.
    """

    def __init__(self, oleh: str, waktu: dt.datetime | None):
        self.oleh = oleh
        self.waktu = waktu
        when = ""
        if waktu is not None:
            local = waktu.replace(tzinfo=dt.UTC).astimezone()
            when = f"{format.tanggal(local.date())} {local:%H.%M}"
        super().__init__(
            _("Data ini sudah diubah oleh {nama} pada {waktu}. Muat ulang untuk melihat "
              "perubahannya.").format(nama=oleh or _("pengguna lain"), waktu=when)
        )


class LoginGagal(LayananError):
    """Wrong login or password, or a locked account."""
