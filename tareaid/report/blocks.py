"""Building blocks shared by the report's sections: paragraphs, tables, boxes, citations.

Every table goes through :func:`make_table` so that no cell falls back to ReportLab's
non-embedded Helvetica; every paragraph is a :class:`WrapOnceParagraph`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import (
    Flowable,
    Paragraph,
    Table,
    TableStyle,
)
from reportlab.platypus.paragraph import _getFragWords, _processed_frags

from tareaid.domain.evidence import EvidencePack
from tareaid.report import complex_text
from tareaid.report import styles as st
from tareaid.report.fonts import SANS, SANS_BOLD, markup, plain_text_ok

NOT_RECORDED = "not recorded"


class Citations:
    """How a report cites the references it uses, in evidence-pack order.

    A reference with a source label (the trial-population sources S1, F1, …, E3) is cited by
    its label everywhere; the others are numbered [1], [2], … The reference list prints the
    numbered ones first, then the labelled ones.
    """

    def __init__(self, pack: EvidencePack, keys: Iterable[str]) -> None:
        used = set(keys)
        cited = [key for key in pack.references if key in used]
        self.numbered = [key for key in cited if not pack.references[key].label]
        self.labelled = [key for key in cited if pack.references[key].label]
        self.keys = self.numbered + self.labelled
        self._tags: dict[str, str] = {
            key: str(number) for number, key in enumerate(self.numbered, start=1)
        }
        self._tags.update({key: str(pack.references[key].label) for key in self.labelled})
        self._order = {key: index for index, key in enumerate(self.keys)}

    def tag(self, key: str) -> str:
        """``3`` or ``E2``: how the reference list names this reference."""
        return self._tags[key]

    def cite(self, *keys: str) -> str:
        """``[1]``, ``[1, 3]`` or ``[2, E2]``; empty for no keys."""
        known = sorted({key for key in keys if key in self._tags}, key=self._order.__getitem__)
        return f"[{', '.join(self._tags[key] for key in known)}]" if known else ""


# Paragraphs seen in earlier builds, kept between builds (a report repeats most of its text:
# the evidence pages, the references, the wording of the framework): the parsed markup of
# each (text, style), and its line breaks at each width. Only these inputs are kept, never
# a paragraph ReportLab has laid out or split: each build gets paragraphs of its own, with
# copies of the parsed fragments. The keys are the texts themselves, so a changed evidence
# pack (or case) simply misses the cache. Builds take turns (document._BUILD_LOCK).
_CACHE_LIMIT = 5000
_parsed: dict[tuple[str, ParagraphStyle], tuple[ParagraphStyle, list, object, str]] = {}
_layouts: dict[tuple[str, ParagraphStyle, float], tuple[list[float], object, float]] = {}


def _remember(cache: dict, key: object, value: object) -> None:
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()  # a long batch of cases: start again rather than grow
    cache[key] = value


def clear_caches() -> None:
    """Forget every parsed paragraph and line break (tests; a change of fonts)."""
    _parsed.clear()
    _layouts.clear()


class WrapOnceParagraph(Paragraph):
    """A paragraph that lays itself out once per width.

    A table wraps every cell to measure it and again to draw it, at the same width; line
    breaking is the costliest step of a build, so the second wrap reuses the first. The
    layout depends only on the width (text and style do not change). The saved layout is
    used only while it is still the paragraph's own: ``split`` may delete or replace it.

    A paragraph made by `para` or `plain` also takes its line breaks from an earlier build
    of the same text, style and width (see `_layouts`), unless it needs complex text
    layout (shaping, right to left), which changes its fragments.
    """

    _wrapped_at: float | None = None
    _wrapped: tuple[float, float] = (0.0, 0.0)
    _wrapped_lines: object = None
    _layout_key: tuple[str, ParagraphStyle] | None = None
    _remembered_lines: object = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        lines = self.__dict__.get("blPara")
        if availWidth != self._wrapped_at or lines is None or lines is not self._wrapped_lines:
            self._wrapped = self._wrap_anew(availWidth, availHeight)
            self._wrapped_at = availWidth
            self._wrapped_lines = self.__dict__.get("blPara")
        return self._wrapped

    def _wrap_anew(self, width: float, height: float) -> tuple[float, float]:
        key = self._layout_key
        style = self.style
        if (
            key is None
            or style.wordWrap in ("CJK", "RTL")  # laid out (and drawn) differently
            or complex_text.needs_layout(self.frags)
        ):
            return super().wrap(width, height)
        layout = _layouts.get((*key, width))
        if layout is None:
            size = super().wrap(width, height)
            if self.__dict__.get("blPara") is not None:
                _remember(
                    _layouts,
                    (*key, width),
                    (list(self._wrapWidths), _copy_lines(self.blPara), self.height),
                )
            return size
        # What Paragraph.wrap sets, from the earlier build (a copy: see _copy_lines).
        wrap_widths, lines, self.height = layout
        self.blPara = _copy_lines(lines)
        self._wrapWidths = list(wrap_widths)
        self.width = width
        self._remembered_lines = self.blPara
        return width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        # A split (between pages) moves the fragments of the lines it cuts, in place, the
        # way they were made by this paragraph's own line breaking: remembered line breaks
        # are drawn, never split. A paragraph to split breaks its lines itself.
        if self.__dict__.get("blPara") is not None and self.blPara is self._remembered_lines:
            self._wrapped = Paragraph.wrap(self, availWidth, availHeight)
            self._wrapped_at = availWidth
            self._wrapped_lines = self.blPara
        return super().split(availWidth, availHeight)

    def breakLines(self, width: float | Sequence[float]) -> object:
        """ReportLab's line breaking, with shaped and right-to-left words laid out
        (:mod:`complex_text`) when the paragraph has any; others are left alone."""
        if not complex_text.needs_layout(self.frags):
            return super().breakLines(width)
        if not _processed_frags(self.frags):
            first = width[0] if isinstance(width, (list, tuple)) else width
            self.frags = [complex_text.prepare_word(w) for w in _getFragWords(self.frags, first)]
        lines = super().breakLines(width)
        if getattr(lines, "kind", 0) == 1:
            complex_text.reorder_lines(lines.lines, self.frags)
        return lines


def _copy_lines(lines: object) -> object:
    """A copy of a paragraph's line breaks that its build may change without touching
    another's: splitting a paragraph between pages appends a space to the last fragment of
    each line it moves (ReportLab's _split_blParaHard), in place."""
    copy = lines.clone()  # type: ignore[attr-defined]
    if lines.kind == 1:  # type: ignore[attr-defined]
        copy.lines = [
            line.clone(words=[word.clone() for word in line.words])
            for line in lines.lines  # type: ignore[attr-defined]
        ]
    else:
        copy.lines = [(extra, list(words)) for extra, words in lines.lines]  # type: ignore[attr-defined]
    return copy


def para(text: str, style: object) -> Paragraph:
    """A paragraph from markup that is already safe (escaped)."""
    assert isinstance(style, ParagraphStyle)
    key = (text, style)
    parsed = _parsed.get(key)
    if parsed is None:
        paragraph = WrapOnceParagraph(text, style)
        # A pristine copy: a paragraph's own fragments may be annotated while it is laid
        # out, or replaced (complex text).
        _remember(
            _parsed,
            key,
            (
                paragraph.style,
                [fragment.clone() for fragment in paragraph.frags],
                paragraph.bulletText,
                paragraph.text,
            ),
        )
    else:
        parsed_style, fragments, bullet, cleaned = parsed
        paragraph = WrapOnceParagraph(
            cleaned,
            parsed_style,
            bulletText=bullet,
            frags=[fragment.clone() for fragment in fragments],
        )
    paragraph._layout_key = key
    return paragraph


def plain(text: str, style: object) -> Paragraph:
    """A paragraph from plain text (escaped here)."""
    bold = getattr(style, "fontName", None) == SANS_BOLD
    return para(markup(text, bold=bold), style)


def muted(text: str) -> str:
    return f'<font color="#{st.MUTED.hexval()[2:]}">{text}</font>'


def iso(value: date | None) -> str:
    return value.isoformat() if value is not None else NOT_RECORDED


def make_table(
    data: list[list], widths: Sequence[float], commands: Sequence[tuple], **kwargs: object
) -> Table:
    """A table whose every cell uses the embedded font.

    Table cells default to Helvetica even when they hold only Paragraphs, and ReportLab then
    references that non-embedded font in the PDF, so the font is set on every table.
    """
    table = Table(data, colWidths=list(widths), **kwargs)  # type: ignore[arg-type]
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), *commands]))
    return table


def text_cell(
    commands: list[tuple],
    start: tuple[int, int],
    stop: tuple[int, int] | None = None,
    *,
    bold: bool = False,
    size: float = 7.0,
    colour: colors.Color = st.INK,
) -> None:
    """Style plain-string table cells (``start`` to ``stop``).

    Short fixed texts (headers, tier words, values) are put in cells as plain strings:
    ReportLab draws those directly, where a Paragraph would be parsed, measured and wrapped
    twice, and a report has a hundred of them. Strings do not wrap, so they are used only
    for texts known to fit, and never for text typed by users (it may need another font).
    """
    stop = stop or start
    commands += [
        ("FONTNAME", start, stop, SANS_BOLD if bold else SANS),
        ("FONTSIZE", start, stop, size),
        ("LEADING", start, stop, round(size * 1.23, 2)),
        ("TEXTCOLOR", start, stop, colour),
    ]


def wrapped(text: str, width: float, *, bold: bool = False, size: float = 7.0) -> str:
    """A plain-string cell's text broken into lines that fit ``width`` (strings do not wrap)."""
    return "\n".join(simpleSplit(text, SANS_BOLD if bold else SANS, size, width))


def fitted_cell(
    text: str,
    width: float,
    commands: list[tuple],
    cell: tuple[int, int],
    style: ParagraphStyle,
    *,
    bold: bool = False,
    colour: colors.Color = st.INK,
) -> str | Paragraph:
    """Plain text for a table cell: a wrapped plain string, or a Paragraph if it needs one.

    A Paragraph is used only when the text needs a font other than DejaVu Sans (plain
    strings cannot switch fonts, shape or reorder right-to-left text).
    """
    if not plain_text_ok(text):
        return plain(text, style)
    size = style.fontSize
    text_cell(commands, cell, bold=bold, size=size, colour=colour)
    return wrapped(text, width, bold=bold, size=size)


def head_row(commands: list[tuple], row: int = 0) -> None:
    """Style a header row of plain strings."""
    text_cell(commands, (0, row), (-1, row), bold=True, size=8, colour=st.ACCENT)


def grid_style(header_rows: int = 1, extra: Sequence[tuple] = ()) -> list[tuple]:
    """Table commands for a ruled table whose first ``header_rows`` rows are its header."""
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.9),
    ]
    if header_rows:
        commands += [
            ("LINEBELOW", (0, header_rows), (-1, -1), 0.25, st.RULE),
            ("LINEABOVE", (0, 0), (-1, 0), 0.6, st.ACCENT),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), st.HEAD_FILL),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.6, st.ACCENT),
        ]
    commands += list(extra)
    return commands


def box(flowables: list[Flowable], width: float, fill: colors.Color, edge: colors.Color) -> Table:
    """Flowables in a tinted box with a coloured bar on the left."""
    return make_table(
        [[flowables]],
        [width],
        [
            ("BACKGROUND", (0, 0), (-1, -1), fill),
            ("LINEBEFORE", (0, 0), (0, -1), 2.2, edge),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ],
    )
