"""A small seeded run of the kill -9 harness (tests/bunuh.py); ``make soak`` runs a larger one."""

from __future__ import annotations

import pytest

from tests import bunuh


@pytest.mark.sqlite_only("kills a process writing a SQLite file and its backups")
def test_kill_9_during_writes_and_backups_loses_nothing_confirmed():
    hasil = bunuh.jalankan(percobaan=4, benih=7)
    assert hasil.percobaan == 4
    assert hasil.gagal == []
