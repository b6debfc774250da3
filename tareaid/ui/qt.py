"""The one place TAREaid imports Qt, so a binding or version change touches one module.

Widgets use `QtCore.Qt`, `QtWidgets.QLabel` and so on through these names.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Qt, Signal, Slot

__all__ = ["Qt", "QtCore", "QtGui", "QtWidgets", "Signal", "Slot"]
