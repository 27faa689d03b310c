"""Dates, times and NIP facts written the Indonesian way for the screen."""

from __future__ import annotations

import datetime as dt

from skpdesk.domain.nip import NipParts
from skpdesk.i18n import _

_BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def nama_bulan(bulan: int) -> str:
    return _(_BULAN[bulan - 1])


def tanggal(d: dt.date) -> str:
    """``16 Januari 2024``."""
    return f"{d.day} {nama_bulan(d.month)} {d.year}"


def ke_lokal(waktu_utc: dt.datetime) -> dt.datetime:
    """A stored naive-UTC time in the computer's local time zone."""
    return waktu_utc.replace(tzinfo=dt.UTC).astimezone()


def waktu_lokal(waktu_utc: dt.datetime | None) -> str:
    """``16 Januari 2024 14.05`` in local time; empty for None."""
    if waktu_utc is None:
        return ""
    local = ke_lokal(waktu_utc)
    return f"{tanggal(local.date())} {local:%H.%M}"


def ringkasan_nip(parts: NipParts) -> str:
    """``Lahir 15 Maret 1985 · TMT Januari 2010 · Perempuan``."""
    if parts.pppk:
        tmt = _("NI PPPK angkatan {tahun}").format(tahun=parts.tmt.year)
    else:
        tmt = _("TMT {bulan} {tahun}").format(
            bulan=nama_bulan(parts.tmt.month), tahun=parts.tmt.year
        )
    lahir = _("Lahir {tanggal}").format(tanggal=tanggal(parts.tanggal_lahir))
    return " · ".join((lahir, tmt, parts.jenis_kelamin.label))
