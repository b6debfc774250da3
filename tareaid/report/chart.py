"""The bar chart of arm medians: a pair of horizontal bars for each endpoint in months.

The chart is laid out in the evidence tables themselves: each time-to-event endpoint's row
has its pair of bars, all rows share one months axis (drawn in the column header) and one
legend. A bar is therefore never seen without the hazard ratio, confidence interval, P value
and population printed in the same row, and a subgroup's bars sit beside the overall result.

Drawn with ``reportlab.graphics`` shapes rather than a stock chart class so that the control
arm can be hatched (the two arms stay distinct in greyscale). Every bar carries its value.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Path, Rect, String

from tareaid.domain.evidence import Figure
from tareaid.report import styles as st
from tareaid.report.fonts import SANS, SANS_BOLD, string_width

# Nothing in a chart is under 7 pt.
LABEL_SIZE = 7.0
VALUE_SIZE = 7.0
BAR = 6.4
BAR_GAP = 1.4
VALUE_ROOM = 19.0  # room after the longest bar for its value
SWATCH = 9.0

EXPERIMENTAL_LABEL = "Radioembolisation + chemotherapy (experimental arm)"
CONTROL_LABEL = "Chemotherapy alone (control arm)"


def number_text(value: float, min_decimals: int) -> str:
    """A value with at least ``min_decimals`` decimals, never dropping a digit it has."""
    text = repr(float(value))
    given = len(text.split(".")[1]) if "." in text and "e" not in text else 0
    if text.endswith(".0"):
        given = 0
    return f"{value:.{max(min_decimals, given)}f}"


def chartable(figure: Figure) -> bool:
    """Whether a figure is a pair of arm medians in months that the chart can show."""
    return (
        figure.unit == "months"
        and figure.experimental_value is not None
        and figure.control_value is not None
    )


def _hatch(x: float, y: float, width: float, height: float, spacing: float = 2.2) -> Path:
    """Diagonal lines (slope 1) filling a rectangle, clipped to it by simple geometry.

    One path for all the lines: a drawing costs per shape, and the bars are many.
    """
    path = Path(fillColor=None, strokeColor=st.CONTROL_HATCH, strokeWidth=0.45)
    # Each line is x' - y' = c; it enters through the bottom or left edge and leaves
    # through the top or right edge.
    c = x - (y + height) + spacing / 2
    while c < x + width - y:
        start_x, start_y = max(x, c + y), max(y, x - c)
        end_x, end_y = min(x + width, c + y + height), min(y + height, x + width - c)
        if end_x > start_x:
            path.moveTo(start_x, start_y)
            path.lineTo(end_x, end_y)
        c += spacing
    return path


def _control_bar(x: float, y: float, width: float, height: float) -> list:
    """A light, hatched, outlined bar: reads as 'the other arm' in colour and in grey."""
    return [
        Rect(
            x,
            y,
            width,
            height,
            fillColor=st.CONTROL_FILL,
            strokeColor=st.CONTROL_HATCH,
            strokeWidth=0.45,
        ),
        _hatch(x, y, width, height),
    ]


def _experimental_bar(x: float, y: float, width: float, height: float) -> list:
    return [Rect(x, y, width, height, fillColor=st.EXPERIMENTAL_FILL, strokeColor=None)]


def scale_for(figures: Sequence[Figure]) -> float:
    """The common axis maximum (a multiple of 5 months) for the medians of ``figures``."""
    values = [
        value
        for figure in figures
        if chartable(figure)
        for value in (figure.experimental_value, figure.control_value)
        if value is not None
    ]
    return max(5.0, math.ceil(max(values, default=1.0) / 5.0) * 5.0)


def _bar_length(value: float, scale_max: float, width: float) -> float:
    return max((width - VALUE_ROOM) * value / scale_max, 0.5)


def median_bars(figure: Figure, scale_max: float, width: float) -> Drawing:
    """The arm medians of one endpoint as two labelled bars on the shared scale.

    Used in the endpoint's own table row, so the bars are always read beside the hazard
    ratio, confidence interval and P value (and a subgroup beside its overall result).
    """
    height = 2 * BAR + BAR_GAP
    drawing = Drawing(width, height)
    drawing.add(Line(0, 0, 0, height, strokeColor=st.RULE, strokeWidth=0.6))
    for position, value in enumerate((figure.experimental_value, figure.control_value)):
        assert value is not None
        bar_y = height - (position + 1) * BAR - position * BAR_GAP
        length = _bar_length(value, scale_max, width)
        draw = _experimental_bar if position == 0 else _control_bar
        for shape in draw(0, bar_y, length, BAR):
            drawing.add(shape)
        drawing.add(
            String(
                length + 2,
                bar_y + 0.9,
                number_text(value, 1),
                fontName=SANS_BOLD if position == 0 else SANS,
                fontSize=VALUE_SIZE,
                fillColor=st.INK,
            )
        )
    return drawing


def axis(scale_max: float, width: float) -> Drawing:
    """The shared months axis, drawn in the column header above the bars."""
    drawing = Drawing(width, 10.5)
    end = _bar_length(scale_max, scale_max, width)
    ticks = Path(fillColor=None, strokeColor=st.ACCENT, strokeWidth=0.5)
    ticks.moveTo(0, 0)
    ticks.lineTo(end, 0)
    for step in range(int(scale_max // 5) + 1):
        x = _bar_length(step * 5.0, scale_max, width) if step else 0.0
        ticks.moveTo(x, 0)
        ticks.lineTo(x, 2.5)
        drawing.add(
            String(
                x,
                3.5,
                str(step * 5),
                fontName=SANS,
                fontSize=LABEL_SIZE,
                fillColor=st.ACCENT,
                textAnchor="start" if step == 0 else "middle",
            )
        )
    drawing.add(ticks)
    drawing.add(
        String(
            width,
            3.5,
            "mo",
            fontName=SANS_BOLD,
            fontSize=LABEL_SIZE,
            fillColor=st.ACCENT,
            textAnchor="end",
        )
    )
    return drawing


def legend(width: float) -> Drawing:
    """Swatches for the two arms, side by side when there is room, else one per line."""
    entries = [(EXPERIMENTAL_LABEL, _experimental_bar), (CONTROL_LABEL, _control_bar)]
    widths = [SWATCH + 3 + string_width(label, SANS, LABEL_SIZE + 0.5) for label, _ in entries]
    # (labels at 7.5 pt)
    one_line = sum(widths) + 14 <= width
    line_height = SWATCH + 2
    drawing = Drawing(width, line_height if one_line else 2 * line_height)
    x, y = 0.0, drawing.height - line_height + 1.5
    for (label, draw), entry_width in zip(entries, widths, strict=True):
        for shape in draw(x, y, SWATCH, BAR + 0.6):
            drawing.add(shape)
        drawing.add(
            String(
                x + SWATCH + 3,
                y + 0.6,
                label,
                fontName=SANS,
                fontSize=LABEL_SIZE + 0.5,
                fillColor=st.INK,
            )
        )
        if one_line:
            x += entry_width + 14
        else:
            y -= line_height
    return drawing
