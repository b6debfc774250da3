"""The Fusion style with input outlines that can be seen: WCAG 1.4.11, at least 3:1.

Fusion draws the outline of a line edit, spin box, drop-down, button or check box in a
shade of the window colour (``window.darker(140)``): about 2:1 against a light window and
barely 1.1:1 in the dark theme, where fields and check boxes all but disappear. Colours
cannot fix that through the palette, because the outline is always darker than the
window. This proxy keeps everything Fusion draws and then draws each such outline again,
in a colour chosen for at least 3:1 against the window, the field and the button face of
the light and the dark theme; the focused field's outline gets a focus colour, likewise at
least 3:1.
"""

from __future__ import annotations

from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets
from tareaid.ui.tiers import is_dark

Style = QtWidgets.QStyle
PE = Style.PrimitiveElement
CC = Style.ComplexControl

# (light theme, dark theme). Contrast, WCAG formula: light #6e6e6e is 4.4:1 on the window
# (#efefef), 5.1:1 on a field (#ffffff), 3.9:1 on a button face; dark #98a1aa is 6.1:1 on
# the window (#1f2226), 5.2:1 on a field (#2a2f35), 3.2:1 on a button face (#494f55).
BORDER = ("#6e6e6e", "#98a1aa")
# Focus: light #1f6aa5 is 5.0:1 on the window, 5.7:1 on a field; dark #6cb2f5 7.1:1, 6.0:1.
FOCUS = ("#1f6aa5", "#6cb2f5")

# Fusion's corner radius for fields and buttons.
_RADIUS = 2.0
_FIELDS = (PE.PE_FrameLineEdit, PE.PE_PanelButtonCommand)
_INDICATORS = (PE.PE_IndicatorCheckBox, PE.PE_IndicatorRadioButton)
_TEXT_BOXES = (QtWidgets.QPlainTextEdit, QtWidgets.QTextEdit)


def control_border(palette: QtGui.QPalette) -> QtGui.QColor:
    """The outline of an input control for this palette's theme."""
    return QtGui.QColor(BORDER[is_dark(palette)])


def focus_border(palette: QtGui.QPalette) -> QtGui.QColor:
    """The outline of the control that has the keyboard focus."""
    return QtGui.QColor(FOCUS[is_dark(palette)])


def _border_colour(option: QtWidgets.QStyleOption) -> QtGui.QColor | None:
    """The outline for this state, or None to leave Fusion's (a disabled control: WCAG
    asks nothing of an inactive one, and a fainter outline says it is inactive)."""
    state = option.state
    if not state & Style.StateFlag.State_Enabled:
        return None
    if state & Style.StateFlag.State_HasFocus:
        return focus_border(option.palette)
    return control_border(option.palette)


def _outline(painter: QtGui.QPainter, rect: QtCore.QRect, colour: QtGui.QColor, *, round_: bool):
    painter.save()
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QtGui.QPen(colour, 1.0))
    # Half a pixel in, so that a one-pixel line covers whole pixels (sharp at any scale).
    shape = QtCore.QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5)
    if round_:
        painter.drawRoundedRect(shape, _RADIUS, _RADIUS)
    else:
        painter.drawRect(shape)
    painter.restore()


class ContrastStyle(QtWidgets.QProxyStyle):
    """Fusion, with outlines of input controls drawn at a contrast of 3:1 or more."""

    def __init__(self) -> None:
        super().__init__("Fusion")
        self.setObjectName("contrast_fusion")

    def drawPrimitive(
        self,
        element: QtWidgets.QStyle.PrimitiveElement,
        option: QtWidgets.QStyleOption,
        painter: QtGui.QPainter,
        widget: QtWidgets.QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in _FIELDS:
            if _is_flat_button(option):
                return
            colour = _border_colour(option)
            if colour is not None:
                _outline(painter, option.rect, colour, round_=True)
        elif element in _INDICATORS:
            colour = _border_colour(_without_focus(option))
            if colour is not None:
                if element == PE.PE_IndicatorRadioButton:
                    _circle(painter, option.rect, colour)
                else:
                    _outline(painter, option.rect, colour, round_=False)
        elif element == PE.PE_Frame and isinstance(widget, _TEXT_BOXES):
            colour = _border_colour(option)
            if colour is not None:
                _outline(painter, option.rect, colour, round_=False)

    def drawComplexControl(
        self,
        control: QtWidgets.QStyle.ComplexControl,
        option: QtWidgets.QStyleOptionComplex,
        painter: QtGui.QPainter,
        widget: QtWidgets.QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control == CC.CC_SpinBox:
            colour = _border_colour(option)
            if colour is not None:
                _outline(painter, option.rect, colour, round_=True)


def _is_flat_button(option: QtWidgets.QStyleOption) -> bool:
    return isinstance(option, QtWidgets.QStyleOptionButton) and bool(
        option.features & QtWidgets.QStyleOptionButton.ButtonFeature.Flat
    )


def _without_focus(option: QtWidgets.QStyleOption) -> QtWidgets.QStyleOption:
    # A check box shows its focus with a rectangle around its label, not its box.
    if option.state & Style.StateFlag.State_HasFocus:
        plain = QtWidgets.QStyleOption(option)
        plain.state = option.state & ~Style.StateFlag.State_HasFocus
        return plain
    return option


def _circle(painter: QtGui.QPainter, rect: QtCore.QRect, colour: QtGui.QColor) -> None:
    painter.save()
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QtGui.QPen(colour, 1.0))
    painter.drawEllipse(QtCore.QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5))
    painter.restore()


__all__ = ["BORDER", "FOCUS", "ContrastStyle", "control_border", "focus_border"]
