"""The one place TAREaid imports Qt, so a binding or version change touches one module.

Widgets use `QtCore.Qt`, `QtWidgets.QLabel` and so on through these names.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Qt, Signal, Slot

__all__ = ["Qt", "QtCore", "QtGui", "QtWidgets", "Signal", "Slot"]


def versions() -> dict[str, str]:
    """The Qt library in use and its Python binding, for diagnostics."""
    import PySide6
    import shiboken6

    return {
        "Qt": QtCore.qVersion(),
        "PySide6": PySide6.__version__,
        "shiboken6": shiboken6.__version__,
        "Qt platform": QtGui.QGuiApplication.platformName() or "(none yet)",
    }
