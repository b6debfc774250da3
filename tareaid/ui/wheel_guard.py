"""Drop-downs and number fields take the mouse wheel only when they have the keyboard focus.

Qt's combo and spin boxes change their value on a wheel event whenever the pointer is over
them, focused or not: scrolling a long form past them silently changed clinical data (and
the autosave stored it). A guarded widget gets the focus only by a click or Tab (never by
the wheel), and an unfocused one hands the wheel to the scroll area it sits in, which
scrolls as the user meant.
"""

from __future__ import annotations

from typing import TypeVar

from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets

W = TypeVar("W", bound=QtWidgets.QWidget)


class _WheelGuard(QtCore.QObject):
    """An event filter on one widget: its wheel events go to the enclosing scroll area
    unless the widget has the focus."""

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() != QtCore.QEvent.Type.Wheel or not isinstance(watched, QtWidgets.QWidget):
            return False
        if watched.hasFocus():
            return False  # the user chose this field: the wheel steps its value
        assert isinstance(event, QtGui.QWheelEvent)
        _scroll_enclosing_area(watched, event)
        # Handled: the widget itself never sees the wheel, and Qt does not pass it on to
        # the parents a second time.
        event.accept()
        return True


def _scroll_enclosing_area(widget: QtWidgets.QWidget, event: QtGui.QWheelEvent) -> None:
    """Give the wheel to the nearest scroll area around `widget` that takes it (an inner
    area already at its end lets the next one out scroll)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QtWidgets.QAbstractScrollArea):
            viewport = parent.viewport()
            position = widget.mapTo(viewport, event.position().toPoint())
            forwarded = QtGui.QWheelEvent(
                QtCore.QPointF(position),
                event.globalPosition(),
                event.pixelDelta(),
                event.angleDelta(),
                event.buttons(),
                event.modifiers(),
                event.phase(),
                event.inverted(),
                event.source(),
            )
            forwarded.ignore()
            QtWidgets.QApplication.sendEvent(viewport, forwarded)
            if forwarded.isAccepted():
                return
        parent = parent.parentWidget()


def guard_wheel(widget: W) -> W:
    """Let `widget` take the wheel only while it has the focus; returns the widget."""
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    guard = _WheelGuard(widget)
    widget.installEventFilter(guard)
    return widget


__all__ = ["guard_wheel"]
