"""The Qt binding must keep Python's reference counts: a leak here crashes the app at random.

PySide6-Essentials 6.12.0 decremented the count of None on calls such as ``setCurrentIndex``
or reading an unset property, and of True on emitting a bool signal; over a long session the
interpreter aborts ("deallocating None"). These checks keep such a release out of the pins.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QComboBox, QPushButton, QTabWidget, QWidget

CALLS = 200


def _delta(fn) -> tuple[int, int, int]:
    fn()  # first call may create caches
    before = [sys.getrefcount(x) for x in (None, True, False)]
    for _ in range(CALLS):
        fn()
    after = [sys.getrefcount(x) for x in (None, True, False)]
    return tuple(a - b for a, b in zip(after, before, strict=True))


def test_calls_returning_nothing_keep_the_count_of_none(qtbot):
    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.addItem("a", "A")
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QWidget(), "x")
    tabs.addTab(QWidget(), "y")
    assert _delta(lambda: combo.setCurrentIndex(0))[0] >= 0
    assert _delta(lambda: tabs.setTabVisible(1, True))[0] >= 0
    assert _delta(lambda: combo.property("belum_diatur"))[0] >= 0
    assert _delta(lambda: combo.itemData(99))[0] >= 0


def test_emitting_a_bool_keeps_the_count_of_true(qtbot):
    button = QPushButton()
    qtbot.addWidget(button)
    assert _delta(lambda: button.toggled.emit(True))[1] >= 0
