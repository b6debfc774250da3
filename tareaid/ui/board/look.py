"""The projection look: a high-contrast palette, type sized from the screen, framed cells.

A projected checklist is read from several metres away in a lit room, so everything here is
black, white and yellow, with the tier colours taken from ``tiers.tier_colour`` on this dark
palette (and always beside the tier's shape and word). The palette is set on the projection
window and its dialogs only; the rest of the application keeps its own theme.

Type is sized from the height of the window, not in fixed points: the same layout reads at
1920×1080 on a projector and at 1280×720 on a small one. The text itself is fitted into the
boxes the layout gives it by ``fit_label.FitLabel``.
"""

from __future__ import annotations

from tareaid.ui.board.wall_controls import scale_controls
from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets
from tareaid.ui.tiers import tier_colour

Role = QtGui.QPalette.ColorRole
Group = QtGui.QPalette.ColorGroup

# The text height of ordinary projected text is the window height divided by this:
# 27 px at 1080 lines, 18 px at 720. Smaller text (the key hints) is never below 0.9 of it
# (fit_label.SMALLEST_SCALE).
LINES_PER_SCREEN = 40


def projection_palette() -> QtGui.QPalette:
    """Black background, white text, yellow for focus and emphasis."""
    palette = QtGui.QPalette()
    colours = {
        Role.Window: "#000000",
        Role.WindowText: "#ffffff",
        # Fields in dialogs on the wall: dark grey, so that they stand out from the black.
        Role.Base: "#1e1e1e",
        Role.AlternateBase: "#2a2a2a",
        Role.ToolTipBase: "#000000",
        Role.ToolTipText: "#ffffff",
        # Secondary text: grey that still reads at about 9:1 on black, yet lets white
        # (this case's cells) stand out from the framework's other wording.
        Role.PlaceholderText: "#b4b4b4",
        Role.Text: "#ffffff",
        Role.Button: "#1c1c1c",
        Role.ButtonText: "#ffffff",
        Role.BrightText: "#ffe14d",
        Role.Light: "#9a9a9a",
        Role.Midlight: "#6a6a6a",
        Role.Mid: "#5a5a5a",
        # Dialogs shown over the wall.
        Role.Dark: "#181818",
        Role.Shadow: "#000000",
        Role.Highlight: "#ffd400",
        Role.HighlightedText: "#000000",
        Role.Link: "#ffe14d",
        Role.LinkVisited: "#ffe14d",
        Role.Accent: "#ffd400",
    }
    for role, colour in colours.items():
        palette.setColor(role, QtGui.QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(Group.Disabled, role, QtGui.QColor("#9a9a9a"))
    return palette


class Look:
    """Colours and sizes of the projection, all derived from one palette and one height."""

    def __init__(self, palette: QtGui.QPalette | None = None) -> None:
        self.palette = palette if palette is not None else projection_palette()
        self.base_px = 27

    def set_height(self, height: int) -> bool:
        """Size the type for a window this tall; True when the size changed."""
        px = max(12, round(height / LINES_PER_SCREEN))
        changed = px != self.base_px
        self.base_px = px
        return changed

    def px(self, scale: float = 1.0) -> int:
        return max(9, round(self.base_px * scale))

    def font(self, scale: float = 1.0, *, bold: bool = False) -> QtGui.QFont:
        font = QtGui.QFont()
        font.setPixelSize(self.px(scale))
        font.setBold(bold)
        return font

    # Colours by meaning, so that callers never name a colour.
    @property
    def background(self) -> QtGui.QColor:
        return self.palette.color(Role.Window)

    @property
    def text(self) -> QtGui.QColor:
        return self.palette.color(Role.WindowText)

    @property
    def muted(self) -> QtGui.QColor:
        return self.palette.color(Role.PlaceholderText)

    @property
    def accent(self) -> QtGui.QColor:
        return self.palette.color(Role.Highlight)

    @property
    def on_accent(self) -> QtGui.QColor:
        return self.palette.color(Role.HighlightedText)

    @property
    def row_fill(self) -> QtGui.QColor:
        return self.palette.color(Role.AlternateBase)

    @property
    def rule(self) -> QtGui.QColor:
        return self.palette.color(Role.Mid)

    def tier(self, tier: str) -> QtGui.QColor:
        return tier_colour(tier, self.palette)

    def tinted(self, colour: QtGui.QColor, strength: float = 0.22) -> QtGui.QColor:
        """The colour mixed into the background: a fill that keeps white text readable."""
        back = self.background
        return QtGui.QColor(
            round(back.red() + (colour.red() - back.red()) * strength),
            round(back.green() + (colour.green() - back.green()) * strength),
            round(back.blue() + (colour.blue() - back.blue()) * strength),
        )


def apply_look_to_dialog(dialog: QtWidgets.QWidget, look: Look) -> None:
    """Give a dialog shown on the wall the projection's palette and type size, and controls
    and spacing sized to match (``wall_controls``).

    Palette and font propagate to every child widget; colours are never set by a style
    sheet, because that would make the children take the application's palette again.
    """
    palette = QtGui.QPalette(look.palette)
    # A shade lighter than the wall, so that the dialog stands out from what is behind it,
    # and fields a shade lighter again, so that they stand out from the dialog.
    palette.setColor(Role.Window, look.palette.color(Role.Dark))
    palette.setColor(Role.Base, look.palette.color(Role.AlternateBase))
    dialog.setPalette(palette)
    dialog.setAutoFillBackground(True)
    dialog.setFont(look.font(1.0))
    # Check boxes take their outline from a darker shade of the window colour, which is
    # nothing on black: give them (and the attendee list's ticks) a light window colour.
    ticks = QtGui.QPalette(look.palette)
    ticks.setColor(Role.Window, look.palette.color(Role.Light))
    for widget in dialog.findChildren(QtWidgets.QCheckBox) + dialog.findChildren(
        QtWidgets.QAbstractItemView
    ):
        widget.setPalette(ticks)
    scale_controls(dialog, look.base_px)


class Cell(QtWidgets.QFrame):
    """A box of the grid: a fill and a border, painted from the look; holds a label."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.fill: QtGui.QColor | None = None
        self.border: QtGui.QColor | None = None
        self.border_width = 1
        self.dashed = False
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Ignored
        )
        self.box = QtWidgets.QVBoxLayout(self)
        self.box.setSpacing(0)

    def set_inset(self, vertical: int, horizontal: int) -> None:
        """Space between the edge and the text, the same whatever the border's weight,
        so that text does not move when a cell is marked."""
        self.box.setContentsMargins(horizontal, vertical, horizontal, vertical)

    def set_frame(
        self,
        fill: QtGui.QColor | None,
        border: QtGui.QColor | None,
        width: int = 1,
        *,
        dashed: bool = False,
    ) -> None:
        self.fill, self.border, self.border_width, self.dashed = fill, border, width, dashed
        self.update()

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        painter = QtGui.QPainter(self)
        rect = QtCore.QRectF(self.rect())
        if self.fill is not None:
            painter.fillRect(rect, self.fill)
        if self.border is not None and self.border_width > 0:
            half = self.border_width / 2
            pen = QtGui.QPen(self.border, self.border_width)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            if self.dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(half, half, -half, -half))
        painter.end()
