"""Small widgets shared by the panes: a tier label, a message banner, headings.

A tier is always shown as shape + word, coloured from the palette (never colour alone), and
re-coloured when the theme changes.
"""

from __future__ import annotations

from collections.abc import Callable

from tareaid.ui.i18n import without_mnemonic
from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets
from tareaid.ui.tiers import tier_accessible_text, tier_colour, tier_text


class TierLabel(QtWidgets.QLabel):
    """Shows a tier as shape and word in the tier's colour for the current theme."""

    def __init__(self, parent: QtWidgets.QWidget | None = None, *, bold: bool = True) -> None:
        super().__init__(parent)
        self._tier: str | None = None
        self._recolouring = False
        if bold:
            font = self.font()
            font.setBold(True)
            self.setFont(font)
        self.setWordWrap(True)

    @property
    def tier(self) -> str | None:
        return self._tier

    def set_tier(self, tier: str | None, suffix: str = "", prefix: str = "") -> None:
        self._tier = tier
        if tier is None:
            self.setText(prefix + suffix)
            self.setAccessibleName((prefix + suffix).strip())
        else:
            self.setText(f"{prefix}{tier_text(tier)}{suffix}")
            self.setAccessibleName(f"{prefix}{tier_accessible_text(tier)}{suffix}".strip())
        self._recolour()

    def _recolour(self) -> None:
        if self._recolouring:
            return
        self._recolouring = True
        try:
            # An empty palette inherits everything; only the text colour is set for a tier.
            palette = QtGui.QPalette()
            if self._tier is not None:
                colour = tier_colour(self._tier, QtGui.QGuiApplication.palette())
                palette.setColor(QtGui.QPalette.ColorRole.WindowText, colour)
            self.setPalette(palette)
        finally:
            self._recolouring = False

    def changeEvent(self, event: QtCore.QEvent) -> None:
        super().changeEvent(event)
        # A theme change reaches each widget as a PaletteChange (our own setPalette does
        # too, which the guard in _recolour ignores).
        if event.type() in (
            QtCore.QEvent.Type.PaletteChange,
            QtCore.QEvent.Type.ApplicationPaletteChange,
        ):
            self._recolour()


class Banner(QtWidgets.QFrame):
    """A non-modal message across the top of a pane, with buttons that resolve it."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QtWidgets.QFrame.Shape.Box)
        self.setLineWidth(2)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QtGui.QPalette.ColorRole.AlternateBase)
        layout = QtWidgets.QHBoxLayout(self)
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        font = self.message.font()
        font.setBold(True)
        self.message.setFont(font)
        layout.addWidget(self.message, 1)
        self._buttons_layout = QtWidgets.QHBoxLayout()
        layout.addLayout(self._buttons_layout)
        self.buttons: list[QtWidgets.QPushButton] = []
        self.kind = ""
        self.hide()

    def show_message(
        self, kind: str, text: str, actions: list[tuple[str, Callable[[], None]]]
    ) -> None:
        """Show `text` with a button per (label, callback); `kind` names the situation."""
        self.kind = kind
        self.message.setText(f"\N{WARNING SIGN} {text}")
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        for label, callback in actions:
            button = QtWidgets.QPushButton(label)
            button.setAccessibleName(without_mnemonic(label))
            button.clicked.connect(callback)
            self._buttons_layout.addWidget(button)
            self.buttons.append(button)
        self.show()

    def button(self, label: str) -> QtWidgets.QPushButton:
        for button in self.buttons:
            if without_mnemonic(button.text()) == label:
                return button
        raise KeyError(label)

    def clear(self) -> None:
        self.kind = ""
        self.hide()


def heading(
    text: str = "", *, scale: float = 1.3, parent: QtWidgets.QWidget | None = None
) -> QtWidgets.QLabel:
    """A bold label larger than body text (sized relative to the font, never in pixels)."""
    label = QtWidgets.QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def text_label(text: str = "", parent: QtWidgets.QWidget | None = None) -> QtWidgets.QLabel:
    """A wrapping, selectable label for body text."""
    label = QtWidgets.QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
