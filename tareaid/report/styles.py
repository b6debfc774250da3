"""The report's look: page sizes, paragraph styles, colours and how a tier is drawn.

One place for every size and colour so the sections stay consistent. Colours are dark enough
to print in greyscale; nothing is told apart by colour alone (tiers carry a shape and a word,
chart arms a fill pattern).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from tareaid.domain.fields import TIER_LABELS, TIER_SHAPES
from tareaid.report.fonts import SANS, SANS_BOLD, register_fonts

PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "Letter": LETTER}

MARGIN_X = 12.5 * mm
MARGIN_TOP = 13 * mm  # room for the running header
MARGIN_BOTTOM = 17 * mm  # room for the footer and the disclaimer

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9a9a9a")
HEAD_FILL = colors.HexColor("#e4e8ee")
ZEBRA_FILL = colors.HexColor("#f5f6f8")
ACCENT = colors.HexColor("#1f3b5c")
NOTE_FILL = colors.HexColor("#fff6dc")
NOTE_EDGE = colors.HexColor("#8a6500")
ALERT_FILL = colors.HexColor("#fbe9ea")
ALERT_EDGE = colors.HexColor("#a3202b")

# Chart arms: a dark solid bar and a light hatched one, distinct in greyscale.
EXPERIMENTAL_FILL = colors.HexColor("#1f3b5c")
CONTROL_FILL = colors.HexColor("#d5dbe3")
CONTROL_HATCH = colors.HexColor("#44546a")

# The light-theme colours of the application; all read on white and stay distinct in grey
# together with the shape and the word.
TIER_COLOURS: dict[str, colors.Color] = {
    "favours": colors.HexColor("#1b6e3a"),
    "neutral": colors.HexColor("#805b00"),
    "against": colors.HexColor("#a3202b"),
    "unassessed": colors.HexColor("#4a4f57"),
    "outside": colors.HexColor("#5b2a86"),
}


def tier_text(tier: str) -> str:
    """A tier as plain text: shape and word, e.g. '▲ Favours TARE'."""
    return f"{TIER_SHAPES[tier]} {TIER_LABELS[tier]}"


def tier_markup(tier: str) -> str:
    """Paragraph markup for a tier: coloured shape and word in bold, e.g. '▲ Favours TARE'."""
    colour = TIER_COLOURS[tier].hexval()[2:]
    return f'<font color="#{colour}"><b>{TIER_SHAPES[tier]} {TIER_LABELS[tier]}</b></font>'


# The shapes beside claim statuses, severities and criteria are the domain's
# (domain/marks.py), the same on screen and on paper; the colours here go with them.
CAUTION_EDGE = colors.HexColor("#8a6500")
CAUTION_FILL = colors.HexColor("#fff6dc")

# Trial-population criteria: met, not met, unknown; each with its word and colour.
CRITERION_COLOURS: dict[str, colors.Color] = {
    "met": colors.HexColor("#1b6e3a"),
    "not_met": colors.HexColor("#a3202b"),
    "unknown": colors.HexColor("#4a4f57"),
}

# Sizes: running text and table text at 8.5 pt or more; notes, citations and the footer
# never under 7 pt.
BODY_SIZE = 8.5
SMALL_SIZE = 7.5
FOOTER_SIZE = 7.0


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one report."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h1_loose: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    cell_small: ParagraphStyle
    data: ParagraphStyle
    headline: ParagraphStyle
    context: ParagraphStyle
    note: ParagraphStyle
    note_small: ParagraphStyle
    reference: ParagraphStyle
    trial: ParagraphStyle
    evidence: ParagraphStyle
    header: ParagraphStyle
    header_right: ParagraphStyle


@functools.cache
def styles() -> Styles:
    """The shared styles (built once; ParagraphStyle objects are not modified afterwards)."""
    register_fonts()

    def style(name: str, size: float, leading: float, **kw: object) -> ParagraphStyle:
        kw.setdefault("fontName", SANS)
        kw.setdefault("textColor", INK)
        kw.setdefault("alignment", TA_LEFT)
        return ParagraphStyle(name, fontSize=size, leading=leading, splitLongWords=1, **kw)

    body, small = BODY_SIZE, SMALL_SIZE
    return Styles(
        title=style("title", 15, 18, fontName=SANS_BOLD, textColor=ACCENT, spaceAfter=1),
        subtitle=style("subtitle", small, 9.5, textColor=MUTED),
        h1=style(
            "h1",
            10.5,
            12.5,
            fontName=SANS_BOLD,
            textColor=ACCENT,
            spaceBefore=5,
            spaceAfter=2,
            keepWithNext=1,
        ),
        h1_loose=style(
            "h1_loose",
            10.5,
            12.5,
            fontName=SANS_BOLD,
            textColor=ACCENT,
            spaceBefore=5,
            spaceAfter=2,
        ),
        h2=style("h2", 9, 11, fontName=SANS_BOLD, spaceBefore=4, spaceAfter=1.5, keepWithNext=1),
        body=style("body", body, 10.3),
        small=style("small", small, 8.9),
        muted=style("muted", small, 8.9, textColor=MUTED),
        cell=style("cell", body, 10),
        cell_bold=style("cell_bold", body, 10, fontName=SANS_BOLD),
        cell_head=style("cell_head", 8, 9.6, fontName=SANS_BOLD, textColor=ACCENT),
        cell_small=style("cell_small", small, 9, textColor=MUTED),
        data=style("data", small, 9.1),
        headline=style("headline", 10, 12.4, fontName=SANS_BOLD),
        context=style("context", body, 10.5),
        note=style("note", body, 10.2),
        note_small=style("note_small", body, 10.2),
        trial=style("trial", body, 10.2, spaceBefore=4, keepWithNext=1),
        evidence=style("evidence", body, 9.9),
        reference=style(
            "reference", small, 8.9, leftIndent=16, firstLineIndent=-16, spaceAfter=0.6
        ),
        header=style("header", 7.5, 9, fontName=SANS_BOLD, textColor=ACCENT),
        header_right=style("header_right", 7.5, 9, textColor=MUTED, alignment=TA_RIGHT),
    )
