"""Text that fits the box the wall gives it: wrapped, run-in leads, one size or shrunk, elided.

A projected screen cannot scroll, so every piece of text on it is laid out here, in a box
whose size the layout decides from the screen, not from the text. ``FitLabel`` paints one or
more ``Part``s (paragraphs), each with its own weight and colour, optionally opening with a
bold run-in *lead* in another colour ("▲ THIS CASE liver-only or liver-dominant"), which
saves the line a heading of its own would take.

Two ways to fit:

- a label that *shrinks* (the default) lays its text out at full size and, when that does
  not fit, at the smallest size the room still reads at (``SMALLEST_SCALE`` of the base);
- a label with ``shrink=False`` keeps the one size it was given (the checklist grid sizes
  all of its text together, so that neighbouring rows never differ).

Either way, text that still does not fit is cut at the last line that fits, which ends with
an ellipsis, so nothing is ever painted outside the box. ``painted_lines()`` tells what was
actually shown, so that tests (and the layout) can tell elided text from full text.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets

Role = QtGui.QPalette.ColorRole

# Smaller text (the key hints, secondary lines) is never below this share of the base size.
SMALLEST_SCALE = 0.9
ELLIPSIS = "…"


@dataclass(frozen=True)
class Run:
    """A stretch of a paragraph in its own weight and colour."""

    text: str
    bold: bool = False
    colour: QtGui.QColor | None = None


@dataclass(frozen=True)
class Part:
    """A paragraph of a FitLabel with its own size (relative to the base), weight and colour.

    ``lead`` is run in at the start of the paragraph, bold and in ``lead_colour``: a marker
    or a short heading that needs no line of its own. ``runs``, when given, are the whole
    paragraph instead (several stretches in different colours). ``spaced`` False sets the
    paragraph directly under the one before (the items of a list). ``optional`` marks text
    shown in full elsewhere, which a layout need not make room for.
    """

    text: str = ""
    scale: float = 1.0
    bold: bool = False
    colour: QtGui.QColor | None = None
    lead: str = ""
    lead_colour: QtGui.QColor | None = None
    spaced: bool = True
    runs: tuple[Run, ...] = ()
    optional: bool = False

    def run_list(self) -> tuple[Run, ...]:
        if self.runs:
            return tuple(run for run in self.runs if run.text)
        out = []
        if self.lead:
            lead_colour = self.lead_colour if self.lead_colour is not None else self.colour
            out.append(Run(self.lead + (" " if self.text else ""), True, lead_colour))
        if self.text:
            out.append(Run(self.text, self.bold, self.colour))
        return tuple(out)

    @property
    def full_text(self) -> str:
        return "".join(run.text for run in self.run_list())


# A painted line is a run of segments: (text, index of the run it belongs to).
Segment = tuple[str, int]
Line = tuple[Segment, ...]


@dataclass
class Block:
    """A part laid out: the fonts and colours of its runs, wrapped lines, space above."""

    fonts: list[QtGui.QFont]
    colours: list[QtGui.QColor | None]
    lines: list[Line]
    gap: int
    spacing: int
    optional: bool = False

    @property
    def font(self) -> QtGui.QFont:
        """The paragraph's type size (every run has the same size)."""
        return self.fonts[0]

    @property
    def height(self) -> int:
        return self.gap + len(self.lines) * self.spacing

    def line_width(self, line: Line) -> int:
        return sum(
            QtGui.QFontMetrics(self.fonts[index]).horizontalAdvance(text) for text, index in line
        )


def line_text(line: Line) -> str:
    return "".join(text for text, _index in line)


class FitLabel(QtWidgets.QLabel):
    """A label that fits its text into whatever space the layout gives it.

    The full text stays in ``text()`` for screen readers and tests (the parts joined by
    newlines); painting wraps it at word boundaries and fits it as the module describes.
    """

    def __init__(
        self,
        text: str = "",
        *,
        scale: float = 1.0,
        bold: bool = False,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
        shrink: bool = True,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(text, parent)
        self.scale = scale
        self.shrink = shrink
        # False: the size is set by whoever lays this label out (set_base_px), not the look.
        self.follows_look = True
        self._bold = bold
        self._align = align
        self._colour: QtGui.QColor | None = None
        self._parts: tuple[Part, ...] = ()
        self._heights: dict[tuple, int] = {}  # natural_height's answers (see there)
        self._base_px = 27
        # The label wraps its text itself when painting; Qt's height-for-width machinery
        # would otherwise make layouts ignore the sizes the projection gives them.
        self.setWordWrap(False)
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Ignored
        )
        self.setTextFormat(Qt.TextFormat.PlainText)

    # -- size and content ----------------------------------------------------------------

    def apply_look(self, look: object) -> None:
        """Take the base size from the projection's look (``look.base_px`` and fonts)."""
        if self.follows_look:
            self.set_base_px(look.base_px)  # type: ignore[attr-defined]

    def set_base_px(self, px: int) -> None:
        self._base_px = px
        font = QtGui.QFont()
        font.setPixelSize(max(9, round(px * self.scale)))
        font.setBold(self._bold)
        self.setFont(font)
        self.update()

    @property
    def base_px(self) -> int:
        return self._base_px

    def set_colour(self, colour: QtGui.QColor | None) -> None:
        self._colour = colour
        self.update()

    def set_parts(self, parts: list[Part] | tuple[Part, ...]) -> None:
        """Show several paragraphs; ``text()`` becomes their texts joined by newlines."""
        self._parts = tuple(p for p in parts if p.full_text)
        self._heights.clear()  # the same text may come in other parts (sizes, weights)
        self.setText("\n".join(p.full_text for p in self._parts))
        self.update()

    def parts(self) -> tuple[Part, ...]:
        text = self.text()
        if self._parts and "\n".join(p.full_text for p in self._parts) == text:
            return self._parts
        return (Part(text, self.scale, self._bold, self._colour),) if text else ()

    # -- measuring -----------------------------------------------------------------------

    def natural_height(
        self,
        width: int,
        *,
        smallest: bool = False,
        base_px: int | None = None,
        required: bool = False,
    ) -> int:
        """The height the text needs in a box this wide: at full size, or at the smallest
        size it may shrink to; at the label's base size or at ``base_px``; all of it, or
        (``required``) without the optional parts."""
        base = self._base_px if base_px is None else base_px
        # A wall layout tries several sizes and asks each label the same questions more
        # than once (~400 times for one case): the answers are kept until the text changes.
        key = (self.text(), self.scale, self._bold, self.shrink, width)
        key += (smallest, base, required)
        known = self._heights.get(key)
        if known is not None:
            return known
        parts = self.parts()
        if required:
            parts = tuple(part for part in parts if not part.optional)
        if not parts or width <= 0:
            height = 0
        else:
            ratio = _floor(parts) if smallest and self.shrink else 1.0
            height = sum(block.height for block in layout_parts(parts, base, width, ratio))
        if len(self._heights) > 512:
            self._heights.clear()
        self._heights[key] = height
        return height

    def natural_width(self, *, base_px: int | None = None) -> int:
        """The width of the widest paragraph set on one line (how wide the text would like
        its box to be)."""
        parts = self.parts()
        if not parts:
            return 0
        base = self._base_px if base_px is None else base_px
        blocks = layout_parts(parts, base, 1 << 20)
        return max((block.line_width(line) for block in blocks for line in block.lines), default=0)

    def _blocks(self) -> list[Block]:
        parts = self.parts()
        rect = self.contentsRect()
        if not parts or rect.width() <= 0 or rect.height() <= 0:
            return []
        return fit_blocks(parts, self._base_px, rect.width(), rect.height(), shrink=self.shrink)

    def painted_lines(self) -> list[str]:
        """The lines as painted now, an elided one ending with an ellipsis."""
        return [line_text(line) for block in self._blocks() for line in block.lines]

    def fits(self) -> bool:
        """Whether the whole text is painted (nothing elided) at the label's present size."""
        parts = self.parts()
        if not parts:
            return True
        rect = self.contentsRect()
        if rect.width() <= 0 or rect.height() <= 0:
            return False
        shown = "".join(self.painted_lines()).replace(" ", "")
        return shown == "".join(p.full_text for p in parts).replace(" ", "").replace("\n", "")

    def shows_in_full(self, text: str) -> bool:
        """Whether ``text`` (a paragraph or part of one) is painted without being cut."""
        painted = "".join(self.painted_lines()).replace(" ", "")
        return text.replace(" ", "").replace("\n", "") in painted

    def required_parts_fit(self) -> bool:
        """Whether every part not marked optional is painted in full."""
        return all(self.shows_in_full(part.full_text) for part in self.parts() if not part.optional)

    def smallest_px(self) -> int:
        """The smallest type size this label paints at its present size, in pixels."""
        blocks = self._blocks()
        return min(block.font.pixelSize() for block in blocks) if blocks else 0

    def hasHeightForWidth(self) -> bool:
        return False

    def sizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(0, QtGui.QFontMetrics(self.font()).lineSpacing())

    def minimumSizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(0, 0)

    # -- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        blocks = self._blocks()
        if not blocks:
            return
        rect = self.contentsRect()
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
            ascent = max(QtGui.QFontMetrics(font).ascent() for font in block.fonts)
            y += block.gap
            for line in block.lines:
                width = block.line_width(line)
                if self._align & Qt.AlignmentFlag.AlignHCenter:
                    x = rect.left() + (rect.width() - width) // 2
                elif self._align & Qt.AlignmentFlag.AlignRight:
                    x = rect.left() + rect.width() - width
                else:
                    x = rect.left()
                for text, index in line:
                    font, colour = block.fonts[index], block.colours[index]
                    painter.setFont(font)
                    painter.setPen(colour if colour is not None else default)
                    painter.drawText(x, y + ascent, text)
                    x += QtGui.QFontMetrics(font).horizontalAdvance(text)
                y += block.spacing
        painter.end()


# ---------------------------------------------------------------------------------------
# Laying text out
# ---------------------------------------------------------------------------------------


def _floor(parts: tuple[Part, ...]) -> float:
    """The shrink ratio that brings the largest part down to the smallest readable size."""
    return min(1.0, SMALLEST_SCALE / max(part.scale for part in parts))


# Laying text out is the costly part of painting the wall, and the same texts are laid out
# again for every repaint and every share-out of the rows: remember the results.
@functools.lru_cache(maxsize=8192)
def _wrap(
    text: str, bold_spans: tuple[tuple[int, int], ...], family: str, px: int, width: int
) -> tuple[tuple[int, int], ...]:
    """(start, length) of each line of ``text`` wrapped to ``width``; ``bold_spans`` are the
    (start, length) stretches set in bold. Trailing spaces are not part of a line."""
    font = _font(family, px, False)
    bold_format = QtGui.QTextCharFormat()
    bold_format.setFontWeight(QtGui.QFont.Weight.Bold)
    lines: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        if not paragraph:
            lines.append((offset, 0))
            offset += 1
            continue
        layout = QtGui.QTextLayout(paragraph, font)
        option = QtGui.QTextOption()
        option.setWrapMode(QtGui.QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        formats = []
        for start, length in bold_spans:
            start, end = max(0, start - offset), min(len(paragraph), start + length - offset)
            if end > start:
                span = QtGui.QTextLayout.FormatRange()
                span.start, span.length, span.format = start, end - start, bold_format
                formats.append(span)
        if formats:
            layout.setFormats(formats)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start, length = line.textStart(), line.textLength()
            kept = paragraph[start : start + length].rstrip()
            lines.append((offset + start, len(kept)))
        layout.endLayout()
        offset += len(paragraph) + 1
    return tuple(lines)


def _font(family: str, px: int, bold: bool) -> QtGui.QFont:
    font = QtGui.QFont(family)
    font.setPixelSize(px)
    font.setBold(bold)
    return font


@functools.lru_cache(maxsize=256)
def _line_spacing(family: str, px: int, bold: bool) -> int:
    return QtGui.QFontMetrics(_font(family, px, bold)).lineSpacing()


def _segments(bounds: list[tuple[int, int]], start: int, length: int, text: str) -> Line:
    """The line text[start:start+length], cut where one run ends and the next begins;
    ``bounds`` are the runs' (start, end)."""
    end = start + length
    segments = []
    for index, (run_start, run_end) in enumerate(bounds):
        lo, hi = max(start, run_start), min(end, run_end)
        if hi > lo:
            segments.append((text[lo:hi], index))
    return tuple(segments)


def layout_parts(
    parts: tuple[Part, ...], base_px: int, width: int, ratio: float = 1.0
) -> list[Block]:
    """The parts wrapped to ``width`` at ``base_px`` × each part's scale × ``ratio``
    (never below the smallest readable share of the base)."""
    family = QtGui.QFont().family()
    blocks: list[Block] = []
    for part in parts:
        px = max(9, round(base_px * max(SMALLEST_SCALE, part.scale * ratio)))
        runs = part.run_list()
        bounds, bold_spans, at = [], [], 0
        for run in runs:
            bounds.append((at, at + len(run.text)))
            if run.bold:
                bold_spans.append((at, len(run.text)))
            at += len(run.text)
        text = part.full_text
        spacing = max(_line_spacing(family, px, run.bold) for run in runs)
        gap = round(spacing * 0.2) if blocks and part.spaced else 0
        spans = _wrap(text, tuple(bold_spans), family, px, width)
        lines = [_segments(bounds, start, length, text) for start, length in spans]
        blocks.append(
            Block(
                [_font(family, px, run.bold) for run in runs],
                [run.colour for run in runs],
                lines,
                gap,
                spacing,
                part.optional,
            )
        )
    return blocks


def fit_blocks(
    parts: tuple[Part, ...], base_px: int, width: int, height: int, *, shrink: bool = True
) -> list[Block]:
    """Lay the parts out in the box: shrink evenly to fit (when allowed), then cut what is
    left over, ending the last line shown with an ellipsis."""
    blocks = layout_parts(parts, base_px, width)
    # Two sizes only, full and smallest, so that the wall does not show a dozen slightly
    # different type sizes side by side.
    floor = _floor(parts)
    if shrink and sum(block.height for block in blocks) > height and floor < 1.0:
        blocks = layout_parts(parts, base_px, width, floor)
    kept: list[Block] = []
    room = height
    for block in blocks:
        fits = max(0, (room - block.gap) // block.spacing)
        if fits >= len(block.lines):
            kept.append(block)
            room -= block.height
            continue
        if fits > 0:
            lines = block.lines[:fits]
            lines[-1] = _elided(block, lines[-1], width)
            kept.append(_with_lines(block, lines))
        elif kept and kept[-1].lines:
            # The next paragraph has no room at all: say so at the end of the last line,
            # unless that would cut text that must be seen whole.
            last = kept[-1]
            lines = list(last.lines)
            marked = (*lines[-1], (ELLIPSIS, lines[-1][-1][1] if lines[-1] else 0))
            if last.line_width(marked) <= width:
                lines[-1] = marked
            elif last.optional:
                lines[-1] = _elided(last, lines[-1], width)
            kept[-1] = _with_lines(last, lines)
        break
    return kept


def _with_lines(block: Block, lines: list[Line]) -> Block:
    return Block(block.fonts, block.colours, lines, block.gap, block.spacing, block.optional)


def _elided(block: Block, line: Line, width: int) -> Line:
    """The line shortened until it and an ellipsis fit in ``width``: text follows it."""
    segments = [[text, index] for text, index in line]
    if not segments:
        return ((ELLIPSIS, 0),)

    def current() -> Line:
        shown = [(text, index) for text, index in segments if text]
        last = shown[-1][1] if shown else segments[-1][1]
        return (*shown, (ELLIPSIS, last))

    while block.line_width(current()) > width and any(s[0] for s in segments):
        for segment in reversed(segments):
            if segment[0]:
                segment[0] = segment[0][:-1].rstrip()
                break
    return current()
