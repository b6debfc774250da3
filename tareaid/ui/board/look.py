"""The projection look: a high-contrast palette, type sized from the screen, fitted text.

A projected checklist is read from several metres away in a lit room, so everything here is
black, white and yellow, with the tier colours taken from ``tiers.tier_colour`` on this dark
palette (and always beside the tier's shape and word). The palette is set on the projection
window and its dialogs only; the rest of the application keeps its own theme.

Type is sized from the height of the window, not in fixed points: the same layout reads at
1920×1080 on a projector and at 1280×720 on a small one. Layout never depends on how much
text there is: cells share the space by stretch factors, and ``FitLabel`` shrinks a long text
a little and then elides it, so nothing is ever pushed off the wall or cut mid-line.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets
from tareaid.ui.tiers import tier_colour

Role = QtGui.QPalette.ColorRole
Group = QtGui.QPalette.ColorGroup

# The text height of ordinary projected text is the window height divided by this:
# 27 px at 1080 lines, 18 px at 720. Smaller text (the key hints) is never below 0.9 of it.
LINES_PER_SCREEN = 40
SMALLEST_SCALE = 0.9


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
    """Give a dialog shown on the wall the projection's palette and type size.

    Palette and font propagate to every child widget; a style sheet is avoided on purpose,
    because it would make the children take the application's palette again.
    """
    palette = QtGui.QPalette(look.palette)
    # A shade lighter than the wall, so that the dialog stands out from what is behind it.
    palette.setColor(Role.Window, look.palette.color(Role.Dark))
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


@dataclass(frozen=True)
class Part:
    """A paragraph of a FitLabel with its own size (relative to the base), weight and colour."""

    text: str
    scale: float = 1.0
    bold: bool = False
    colour: QtGui.QColor | None = None


class FitLabel(QtWidgets.QLabel):
    """A label that fits its text into whatever space the layout gives it.

    The text may be one paragraph or several ``Part``s (a bold title above plain text, in
    different colours). The full text stays in ``text()`` for screen readers and tests;
    painting wraps it at word boundaries, shrinks it evenly (never below ``SMALLEST_SCALE``
    of the base size) when it does not fit, and elides the last visible line only when even
    that is not enough.
    """

    def __init__(
        self,
        text: str = "",
        *,
        scale: float = 1.0,
        bold: bool = False,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(text, parent)
        self.scale = scale
        self._bold = bold
        self._align = align
        self._colour: QtGui.QColor | None = None
        self._parts: tuple[Part, ...] = ()
        self._base_px = 27
        # The label wraps its text itself when painting; Qt's height-for-width machinery
        # would otherwise make layouts ignore the row shares the projection gives them.
        self.setWordWrap(False)
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Ignored
        )
        self.setTextFormat(Qt.TextFormat.PlainText)

    def apply_look(self, look: Look) -> None:
        self._base_px = look.base_px
        self.setFont(look.font(self.scale, bold=self._bold))
        self.update()

    def set_colour(self, colour: QtGui.QColor | None) -> None:
        self._colour = colour
        self.update()

    def set_parts(self, parts: list[Part] | tuple[Part, ...]) -> None:
        """Show several paragraphs; ``text()`` becomes their texts joined by newlines."""
        self._parts = tuple(p for p in parts if p.text)
        self.setText("\n".join(p.text for p in self._parts))
        self.update()

    def parts(self) -> tuple[Part, ...]:
        text = self.text()
        if self._parts and "\n".join(p.text for p in self._parts) == text:
            return self._parts
        return (Part(text, self.scale, self._bold, self._colour),) if text else ()

    def natural_height(self, width: int, *, smallest: bool = False) -> int:
        """The height the text needs in a box this wide, at full size or at the smallest
        size it may shrink to."""
        parts = self.parts()
        if not parts or width <= 0:
            return 0
        ratio = SMALLEST_SCALE / max(part.scale for part in parts) if smallest else 1.0
        return sum(block.height for block in _layout(parts, self._base_px, width, ratio))

    def fits(self) -> bool:
        """Whether the whole text is painted (nothing elided) at the label's present size."""
        parts = self.parts()
        rect = self.contentsRect()
        if not parts:
            return True
        if rect.width() <= 0 or rect.height() <= 0:
            return False
        blocks = fit_blocks(parts, self._base_px, rect.width(), rect.height())
        shown = "".join("".join(block.lines) for block in blocks).replace(" ", "")
        return shown == "".join(part.text for part in parts).replace(" ", "").replace("\n", "")

    def smallest_px(self) -> int:
        """The smallest type size this label paints at its present size, in pixels."""
        parts = self.parts()
        rect = self.contentsRect()
        if not parts or rect.width() <= 0 or rect.height() <= 0:
            return 0
        blocks = fit_blocks(parts, self._base_px, rect.width(), rect.height())
        return min(block.font.pixelSize() for block in blocks) if blocks else 0

    def hasHeightForWidth(self) -> bool:
        return False

    def sizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(0, QtGui.QFontMetrics(self.font()).lineSpacing())

    def minimumSizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(0, 0)

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        parts = self.parts()
        rect = self.contentsRect()
        if not parts or rect.width() <= 0 or rect.height() <= 0:
            return
        blocks = fit_blocks(parts, self._base_px, rect.width(), rect.height())
        total = sum(block.height for block in blocks)
        if self._align & Qt.AlignmentFlag.AlignVCenter:
            y = rect.top() + max(0, (rect.height() - total) // 2)
        elif self._align & Qt.AlignmentFlag.AlignBottom:
            y = rect.top() + max(0, rect.height() - total)
        else:
            y = rect.top()
        default = self.palette().color(Role.WindowText)
        painter = QtGui.QPainter(self)
        for block in blocks:
            painter.setFont(block.font)
            painter.setPen(block.colour if block.colour is not None else default)
            metrics = QtGui.QFontMetrics(block.font)
            y += block.gap
            for line in block.lines:
                width = metrics.horizontalAdvance(line)
                if self._align & Qt.AlignmentFlag.AlignHCenter:
                    x = rect.left() + (rect.width() - width) // 2
                elif self._align & Qt.AlignmentFlag.AlignRight:
                    x = rect.left() + rect.width() - width
                else:
                    x = rect.left()
                painter.drawText(x, y + metrics.ascent(), line)
                y += metrics.lineSpacing()
        painter.end()


@dataclass
class Block:
    """A part laid out: its font, colour, wrapped lines and the space above it."""

    font: QtGui.QFont
    colour: QtGui.QColor | None
    lines: list[str]
    gap: int
    spacing: int

    @property
    def height(self) -> int:
        return self.gap + len(self.lines) * self.spacing


def wrap(text: str, font: QtGui.QFont, width: int) -> list[str]:
    """Lines of ``text`` wrapped at word boundaries to ``width`` pixels (newlines kept)."""
    return list(_wrap(text, font.family(), font.pixelSize(), font.bold(), width))


# Laying text out is the costly part of painting the wall, and the same texts are laid out
# again for every repaint and every share-out of the rows: remember the results.
@functools.lru_cache(maxsize=8192)
def _wrap(text: str, family: str, px: int, bold: bool, width: int) -> tuple[str, ...]:
    font = _font(family, px, bold)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if not paragraph:
            lines.append("")
            continue
        layout = QtGui.QTextLayout(paragraph, font)
        option = QtGui.QTextOption()
        option.setWrapMode(QtGui.QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start, length = line.textStart(), line.textLength()
            lines.append(paragraph[start : start + length].rstrip())
        layout.endLayout()
    return tuple(lines)


def _font(family: str, px: int, bold: bool) -> QtGui.QFont:
    font = QtGui.QFont(family)
    font.setPixelSize(px)
    font.setBold(bold)
    return font


@functools.lru_cache(maxsize=256)
def _line_spacing(family: str, px: int, bold: bool) -> int:
    return QtGui.QFontMetrics(_font(family, px, bold)).lineSpacing()


def _layout(parts: tuple[Part, ...], base_px: int, width: int, ratio: float) -> list[Block]:
    family = QtGui.QFont().family()
    blocks: list[Block] = []
    for part in parts:
        px = max(9, round(base_px * max(SMALLEST_SCALE, part.scale * ratio)))
        spacing = _line_spacing(family, px, part.bold)
        gap = round(spacing * 0.2) if blocks else 0
        lines = list(_wrap(part.text, family, px, part.bold, width))
        blocks.append(Block(_font(family, px, part.bold), part.colour, lines, gap, spacing))
    return blocks


def fit_blocks(parts: tuple[Part, ...], base_px: int, width: int, height: int) -> list[Block]:
    """Lay the parts out in the box: shrink evenly to fit, then elide what is left over."""
    # Two sizes only, full and smallest, so that the wall does not show a dozen slightly
    # different type sizes side by side.
    floor = SMALLEST_SCALE / max(part.scale for part in parts)
    blocks = _layout(parts, base_px, width, 1.0)
    if sum(block.height for block in blocks) > height and floor < 1.0:
        blocks = _layout(parts, base_px, width, floor)
    # Still too much: keep the lines that fit and end the last one with an ellipsis.
    kept: list[Block] = []
    room = height
    for block in blocks:
        spacing = QtGui.QFontMetrics(block.font).lineSpacing()
        fits = max(0, (room - block.gap) // spacing)
        if fits >= len(block.lines):
            kept.append(block)
            room -= block.height
            continue
        if fits > 0:
            lines = block.lines[:fits]
            rest = " ".join(line for line in block.lines[fits:] if line)
            lines[-1] = QtGui.QFontMetrics(block.font).elidedText(
                f"{lines[-1]} {rest}", Qt.TextElideMode.ElideRight, width
            )
            kept.append(Block(block.font, block.colour, lines, block.gap, block.spacing))
        elif kept and kept[-1].lines:
            # The next paragraph has no room at all: say so at the end of the last line.
            last = kept[-1]
            metrics = QtGui.QFontMetrics(last.font)
            lines = list(last.lines)
            ellipsis = "…"
            room_for_line = width - metrics.horizontalAdvance(ellipsis)
            lines[-1] = (
                metrics.elidedText(lines[-1], Qt.TextElideMode.ElideRight, room_for_line).rstrip(
                    ellipsis
                )
                + ellipsis
            )
            kept[-1] = Block(last.font, last.colour, lines, last.gap, last.spacing)
        break
    return kept


class Cell(QtWidgets.QFrame):
    """A box of the grid: a fill and a border, painted from the look; holds a label."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.fill: QtGui.QColor | None = None
        self.border: QtGui.QColor | None = None
        self.border_width = 1
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
        self, fill: QtGui.QColor | None, border: QtGui.QColor | None, width: int = 1
    ) -> None:
        self.fill, self.border, self.border_width = fill, border, width
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
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(half, half, -half, -half))
        painter.end()
