"""A button that looks like a link and wraps its text, for narrow columns.

A QPushButton never wraps its text, so a long field name would force its column wider than
a laptop screen allows. This button wraps like a label, keeps a button's role for screen
readers, takes the keyboard focus with Tab, shows it with a focus frame, and is pressed with
Space or Enter.
"""

from __future__ import annotations

from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets

_FLAGS = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
_MARGIN = 2


class LinkButton(QtWidgets.QAbstractButton):
    """A wrapping, link-styled push button."""

    def __init__(self, text: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(text)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        policy = QtWidgets.QSizePolicy(
            QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Preferred
        )
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        # Layouts ask heightForWidth many times over (hundreds of times as a page of links
        # is laid out): the answers are kept until the text or the font changes.
        self._heights: dict[tuple[int, str], int] = {}

    # Size ---------------------------------------------------------------------------------

    def _text_rect(self, width: int) -> QtCore.QRect:
        inner = max(1, width - 2 * _MARGIN)
        return self.fontMetrics().boundingRect(
            QtCore.QRect(0, 0, inner, 100_000), _FLAGS, self.text()
        )

    def sizeHint(self) -> QtCore.QSize:
        one_line = self.fontMetrics().horizontalAdvance(self.text()) + 2 * _MARGIN + 2
        return QtCore.QSize(one_line, self.fontMetrics().height() + 2 * _MARGIN)

    def minimumSizeHint(self) -> QtCore.QSize:
        longest = max(
            (self.fontMetrics().horizontalAdvance(word) for word in self.text().split()),
            default=0,
        )
        width = longest + 2 * _MARGIN + 2
        return QtCore.QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        key = (width, self.text())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 64:
                self._heights.clear()
            height = self._heights[key] = self._text_rect(width).height() + 2 * _MARGIN
        return height

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() in (QtCore.QEvent.Type.FontChange, QtCore.QEvent.Type.StyleChange):
            self._heights.clear()
        super().changeEvent(event)

    # Behaviour ----------------------------------------------------------------------------

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        # Space presses any button; Enter presses this one too, as it would follow a link.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.click()
            return
        super().keyPressEvent(event)

    def paintEvent(self, _event: QtGui.QPaintEvent) -> None:
        painter = QtGui.QPainter(self)
        palette = self.palette()
        font = self.font()
        font.setUnderline(True)
        painter.setFont(font)
        role = QtGui.QPalette.ColorRole.Link if self.isEnabled() else QtGui.QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        rect = self.rect().adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)
        painter.drawText(rect, _FLAGS, self.text())
        if self.hasFocus():
            option = QtWidgets.QStyleOptionFocusRect()
            option.initFrom(self)
            option.backgroundColor = palette.color(QtGui.QPalette.ColorRole.Window)
            self.style().drawPrimitive(
                QtWidgets.QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, self
            )
        painter.end()


__all__ = ["LinkButton"]
