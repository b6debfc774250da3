"""The Qt desktop interface: widgets and item models only (no SQL, no rules).

Importing this package also guards against a reference-counting bug in the Qt binding, so
that every module of the interface (and its tests) runs with the guard in place.
"""

from __future__ import annotations

import sys


def _guard_singleton_refcounts() -> None:
    """Keep True, False and None alive despite PySide6's missing reference on `emit()`.

    PySide6 6.12's `SignalInstance.emit()` (and `disconnect()`) return True without taking a
    reference to it, so every signal emitted from Python drops True's reference count by
    one. On Python 3.11, True starts with a few hundred references: after that many emits
    the interpreter aborts ("bool_dealloc: deallocating True or False"). The objects are
    process-wide singletons that are never freed, so giving them a very large reference
    count is harmless and makes the bug harmless. The guard checks for the bug first, and
    does nothing on Python ≥ 3.12 (where these objects are immortal) or a fixed binding.
    """
    if sys.version_info >= (3, 12):
        return
    from PySide6 import QtCore

    class _Probe(QtCore.QObject):
        probed = QtCore.Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.probed.emit()
    if sys.getrefcount(True) >= before:
        return
    import ctypes

    for singleton in (True, False, None):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


_guard_singleton_refcounts()
