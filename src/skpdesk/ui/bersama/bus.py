"""The app-wide signal that says which kind of record a service call has just changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Bus(QObject):
    """Signals:
    data_changed(str): a service call succeeded and changed records of this type, named by
    ``Entitas`` (src/skpdesk/domain/entitas.py); a StrEnum compares equal to the str received.
    """

    data_changed = Signal(str)


_bus: Bus | None = None


def bus() -> Bus:
    """The single bus of the application, created on first use."""
    global _bus
    if _bus is None:
        _bus = Bus()
    return _bus


def umumkan(*entitas: str) -> None:
    """Announce changed entities after a successful service call."""
    for name in entitas:
        bus().data_changed.emit(name)
