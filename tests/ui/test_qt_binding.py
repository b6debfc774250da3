"""The Qt binding keeps Python's reference counts: PySide6 6.12.0 does not.

PySide6 6.12.0 drops a reference to True on every signal emit and to None on every call of a
Qt method that returns nothing; on Python 3.11 the interpreter aborts after a few hundred
calls. pyproject.toml keeps that release out; this test fails loudly if it ever comes back.
"""

from __future__ import annotations

import sys

from tareaid.ui.qt import QtCore, QtWidgets, Signal


class _Emitter(QtCore.QObject):
    happened = Signal()


def test_signal_emit_keeps_the_reference_to_true(qapp):
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(50):
        emitter.happened.emit()
    assert sys.getrefcount(True) >= before - 5


def test_void_qt_calls_keep_the_reference_to_none(qapp):
    label = QtWidgets.QLabel()
    before = sys.getrefcount(None)
    for _ in range(50):
        label.setText("x")
    assert sys.getrefcount(None) >= before - 5
