"""Tables of fitted text for the wall, laid out by hand.

Columns take fixed shares of the width; each row is as tall as its tallest cell's text at
the size the page chose, so a table's height is known before it is placed and a page can
pick the largest type size at which everything it shows fits (``pick_px``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from tareaid.ui.board.fit_label import FitLabel
from tareaid.ui.board.look import Cell
from tareaid.ui.qt import QtWidgets

# A page's one type size, as shares of the projection's base size, largest first.
PAGE_SCALES = (1.0, 0.95, 0.9)


def fixed_label(**kwargs: object) -> FitLabel:
    """A label whose size its page sets (one size for the page, never shrunk per label)."""
    label = FitLabel(shrink=False, **kwargs)  # type: ignore[arg-type]
    label.follows_look = False
    return label


def insets(px: int) -> tuple[int, int]:
    """(vertical, horizontal) space between a cell's edge and its text."""
    return max(2, round(px * 0.25)), max(3, round(px * 0.4))


def pick_px(base_px: int, needed: Callable[[int], int], room: int) -> tuple[int, bool]:
    """The largest page size (pixels) whose ``needed`` height fits ``room``, and whether
    any did; the smallest size when none does."""
    px = base_px
    for scale in PAGE_SCALES:
        px = max(9, round(base_px * scale))
        if needed(px) <= room:
            return px, True
    return px, False


@dataclass
class TableCell:
    cell: Cell
    label: FitLabel
    row: int
    column: int
    span: int = 1


class TextTable:
    """Cells in rows and columns; ``place`` puts them in their parent.

    ``tight`` tables (many short rows) keep less space above and below each cell's text.
    """

    def __init__(self, shares: tuple[int, ...], *, tight: bool = False) -> None:
        self.shares = shares
        self.tight = tight
        self.cells: list[TableCell] = []

    def insets(self, px: int) -> tuple[int, int]:
        vertical, horizontal = insets(px)
        return (max(1, round(px * 0.1)) if self.tight else vertical), horizontal

    def gap(self, gap: int) -> int:
        """The space between rows: half as much in a tight table."""
        return max(1, gap // 2) if self.tight else gap

    def add(self, parent: QtWidgets.QWidget, row: int, column: int, span: int = 1) -> TableCell:
        cell = Cell(parent)
        label = fixed_label()
        cell.box.addWidget(label)
        entry = TableCell(cell, label, row, column, span)
        self.cells.append(entry)
        return entry

    def labels(self) -> Iterable[FitLabel]:
        return (entry.label for entry in self.cells)

    @property
    def row_count(self) -> int:
        return 1 + max((entry.row for entry in self.cells), default=-1)

    def column_spans(self, width: int, gap: int) -> list[tuple[int, int]]:
        """(x, width) of each column."""
        usable = max(0, width - gap * (len(self.shares) - 1))
        total = sum(self.shares)
        spans, x = [], 0
        for index, share in enumerate(self.shares):
            last = index == len(self.shares) - 1
            w = width - x if last else round(usable * share / total)
            spans.append((x, max(0, w)))
            x += w + gap
        return spans

    def _cell_width(self, entry: TableCell, spans: list[tuple[int, int]]) -> int:
        first = spans[entry.column]
        last = spans[entry.column + entry.span - 1]
        return last[0] + last[1] - first[0]

    def row_heights(self, width: int, gap: int, px: int) -> list[int]:
        """Each row's height: its tallest cell's text at ``px``, with the cell's insets."""
        inset_v, inset_h = self.insets(px)
        spans = self.column_spans(width, gap)
        heights = [0] * self.row_count
        for entry in self.cells:
            text_width = self._cell_width(entry, spans) - 2 * inset_h
            need = entry.label.natural_height(text_width, base_px=px)
            if need:
                heights[entry.row] = max(heights[entry.row], need + 2 * inset_v)
        return heights

    def height(self, width: int, gap: int, px: int) -> int:
        heights = [h for h in self.row_heights(width, gap, px) if h]
        return sum(heights) + self.gap(gap) * max(0, len(heights) - 1)

    def place(self, x0: int, y0: int, width: int, gap: int, px: int) -> int:
        """Put every cell in place at ``px``; returns the y below the table."""
        inset_v, inset_h = self.insets(px)
        spans = self.column_spans(width, gap)
        heights = self.row_heights(width, gap, px)
        row_gap = self.gap(gap)
        tops, y = [], y0
        for height in heights:
            tops.append(y)
            if height:
                y += height + row_gap
        for entry in self.cells:
            entry.label.set_base_px(px)
            entry.cell.set_inset(inset_v, inset_h)
            entry.cell.setVisible(heights[entry.row] > 0)
            entry.cell.setGeometry(
                x0 + spans[entry.column][0],
                tops[entry.row],
                self._cell_width(entry, spans),
                heights[entry.row],
            )
        return y - row_gap if y > y0 else y0
