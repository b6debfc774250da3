"""A guard against a reference-counting fault in some Qt for Python builds.

Some PySide6 builds (seen with 6.12 wheels on Python 3.11) release a reference to ``None``
every time a Qt method that returns nothing is called: on Python 3.12 and later ``None`` is
immortal and nothing happens, but on 3.11 its count drains until the interpreter aborts
("deallocating None"). The board's projection calls such methods thousands of times per
minute while it paints, so it would bring the application down in the middle of a board.

``keep_none_alive()`` checks for the fault once and, only if it is there, gives ``None`` a
reference count no session can exhaust. Nothing happens on a sound build, on Python 3.12+,
or when ``tareaid.ui`` has already raised the count for its own, related guard (PySide's
missing reference on ``emit()``).
"""

from __future__ import annotations

import ctypes
import sys

_CHECKED = False
_HUGE = 1 << 39


def binding_drops_none() -> bool:
    """Whether calling a void Qt method loses a reference to None."""
    from tareaid.ui.qt import QtCore

    probe = QtCore.QObject()
    before = sys.getrefcount(None)
    for _ in range(16):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before


def keep_none_alive() -> bool:
    """Apply the guard if this process needs it; True when it was applied."""
    global _CHECKED
    if _CHECKED or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    _CHECKED = True
    if sys.getrefcount(None) > _HUGE or not binding_drops_none():
        return False
    # CPython keeps an object's reference count in its first field (ob_refcnt).
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    return True
