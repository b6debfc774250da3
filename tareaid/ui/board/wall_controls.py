"""Controls on the wall sized with its type: check boxes, drop-down arrows, buttons, padding.

A dialog shown on the projector takes the projection's type size (24 px and more), but a
style draws its controls for desktop text: 13 px check boxes beside 27 px labels, arrows a
few pixels wide, buttons whose text touches their edges. ``scale_controls`` sizes them all
from the same look:

- check-box indicators (the decision's "finalise" box, the attendees' ticks) by a style
  sheet rule that sets their size only, so the palette stays the wall's;
- drop-down arrows (outcome, date), button padding and message-box icons by ``WallStyle``,
  a proxy of the application's style set on those widgets (a style sheet rule for them
  would make Qt draw them with the application's palette instead of the wall's);
- the space around and between the dialog's fields, and inside them, from the type size.
"""

from __future__ import annotations

from typing import Any

from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets

PM = QtWidgets.QStyle.PixelMetric
CC = QtWidgets.QStyle.ComplexControl
SC = QtWidgets.QStyle.SubControl
CT = QtWidgets.QStyle.ContentsType

# Sizes as shares of the wall's base type size.
INDICATOR_SCALE = 0.85
ARROW_BOX_SCALE = 1.3
BUTTON_PADDING = (0.4, 1.0)  # vertical, horizontal
MESSAGE_ICON_SCALE = 2.0
DIALOG_MARGIN_SCALE = 0.9
DIALOG_SPACING_SCALE = 0.45
FIELD_INSET_SCALE = 0.3
# A message box's text is at least this many base sizes wide (about 50 characters).
MESSAGE_TEXT_WIDTH = 24


def indicator_px(base_px: int) -> int:
    """The side of a check-box indicator beside text of this base size."""
    return max(13, round(base_px * INDICATOR_SCALE))


def indicator_style_sheet(base_px: int) -> str:
    """Only sizes: a rule with colours would replace the wall's palette."""
    side = indicator_px(base_px)
    return (
        "QCheckBox::indicator, QRadioButton::indicator, QAbstractItemView::indicator "
        f"{{ width: {side}px; height: {side}px; }}\n"
        f"QCheckBox, QRadioButton {{ spacing: {max(4, round(base_px * 0.4))}px; }}"
    )


class WallStyle(QtWidgets.QProxyStyle):
    """The application's style with arrows, buttons and icons sized for the wall."""

    def __init__(self, base_px: int) -> None:
        app = QtWidgets.QApplication.instance()
        name = app.style().name() if isinstance(app, QtWidgets.QApplication) else "Fusion"
        super().__init__(QtWidgets.QStyleFactory.create(name))
        self.base_px = base_px

    def _px(self, scale: float) -> int:
        return max(1, round(self.base_px * scale))

    def pixelMetric(
        self, metric: PM, option: QtWidgets.QStyleOption | None = None, widget: Any = None
    ) -> int:
        if metric == PM.PM_MessageBoxIconSize:
            return self._px(MESSAGE_ICON_SCALE)
        if metric in (PM.PM_IndicatorWidth, PM.PM_IndicatorHeight):
            return indicator_px(self.base_px)
        return super().pixelMetric(metric, option, widget)

    def sizeFromContents(
        self,
        kind: CT,
        option: QtWidgets.QStyleOption,
        size: QtCore.QSize,
        widget: Any = None,
    ) -> QtCore.QSize:
        result = super().sizeFromContents(kind, option, size, widget)
        if kind == CT.CT_PushButton:
            vertical, horizontal = (self._px(share) for share in BUTTON_PADDING)
            return result + QtCore.QSize(2 * horizontal, 2 * vertical)
        if kind == CT.CT_ComboBox:
            return result + QtCore.QSize(self._px(ARROW_BOX_SCALE), self._px(0.3))
        return result

    def _arrow_box(self, option: QtWidgets.QStyleOption) -> QtCore.QRect:
        rect = option.rect
        width = min(self._px(ARROW_BOX_SCALE), rect.width() // 3)
        return QtCore.QRect(rect.right() - width + 1, rect.top(), width, rect.height())

    def subControlRect(
        self,
        control: CC,
        option: QtWidgets.QStyleOptionComplex,
        sub: SC,
        widget: Any = None,
    ) -> QtCore.QRect:
        rect = super().subControlRect(control, option, sub, widget)
        if control == CC.CC_ComboBox and sub == SC.SC_ComboBoxArrow:
            return self._arrow_box(option)
        if control == CC.CC_ComboBox and sub == SC.SC_ComboBoxEditField:
            rect.setRight(min(rect.right(), self._arrow_box(option).left() - 2))
        return rect

    def drawComplexControl(
        self,
        control: CC,
        option: QtWidgets.QStyleOptionComplex,
        painter: QtGui.QPainter,
        widget: Any = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control != CC.CC_ComboBox:
            return
        # The base style draws a desktop-sized arrow; draw one the size of the text over it.
        box = self._arrow_box(option)
        palette = option.palette
        painter.save()
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        inset = max(2, self._px(0.08))
        painter.fillRect(box.adjusted(inset, inset, -inset, -inset), palette.button())
        painter.setPen(QtGui.QPen(palette.color(QtGui.QPalette.ColorRole.Mid), 1))
        painter.drawLine(box.topLeft() + QtCore.QPoint(0, inset), box.bottomLeft())
        half = self._px(0.3)
        centre = QtCore.QPointF(box.center())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QtGui.QPalette.ColorRole.ButtonText))
        painter.drawPolygon(
            QtGui.QPolygonF(
                [
                    centre + QtCore.QPointF(-half, -half / 2),
                    centre + QtCore.QPointF(half, -half / 2),
                    centre + QtCore.QPointF(0, half * 0.7),
                ]
            )
        )
        painter.restore()


def scale_controls(dialog: QtWidgets.QWidget, base_px: int) -> None:
    """Size the dialog's controls and spacing for text of ``base_px`` pixels.

    The indicator rule is set on the check boxes and lists themselves, never on the dialog:
    a style sheet on the dialog would give every label and field the application's palette
    and font instead of the wall's.
    """
    sheet = indicator_style_sheet(base_px)
    for widget in dialog.findChildren(QtWidgets.QCheckBox) + dialog.findChildren(
        QtWidgets.QAbstractItemView
    ):
        widget.setStyleSheet(sheet)
    style = WallStyle(base_px)
    # Widgets do not own the style they are given: the dialog keeps it alive.
    dialog._wall_style = style  # type: ignore[attr-defined]
    message = isinstance(dialog, QtWidgets.QMessageBox)
    targets = [dialog] if message else []
    targets += dialog.findChildren(QtWidgets.QComboBox)
    targets += dialog.findChildren(QtWidgets.QDateTimeEdit)
    targets += dialog.findChildren(QtWidgets.QPushButton)
    for widget in targets:
        palette, font = widget.palette(), widget.font()
        widget.setStyle(style)
        # A new style polishes the widget with its own palette: give the wall's back.
        widget.setPalette(palette)
        widget.setFont(font)
    margin = max(6, round(base_px * DIALOG_MARGIN_SCALE))
    spacing = max(4, round(base_px * DIALOG_SPACING_SCALE))
    layout = dialog.layout()
    if message:
        # A message box's text would otherwise be a narrow column on a wide wall.
        text = dialog.findChild(QtWidgets.QLabel, "qt_msgbox_label")
        if text is not None:
            text.setMinimumWidth(round(base_px * MESSAGE_TEXT_WIDTH))
    if layout is not None:
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(spacing)
    # Text inside fields kept off their frames.
    inset = max(2, round(base_px * FIELD_INSET_SCALE))
    for line in dialog.findChildren(QtWidgets.QLineEdit):
        line.setTextMargins(inset, 0, inset, 0)
    for text in dialog.findChildren(QtWidgets.QPlainTextEdit):
        text.document().setDocumentMargin(inset)
    for inner in dialog.findChildren(QtWidgets.QLayout):
        if isinstance(inner, QtWidgets.QFormLayout):
            inner.setHorizontalSpacing(spacing * 2)
            inner.setVerticalSpacing(spacing)
