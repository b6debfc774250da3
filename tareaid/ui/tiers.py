"""How a tier looks on screen: a word, a shape and a colour, never the colour alone.

Colours are chosen per theme from the palette's lightness so that they keep their contrast in
light mode, dark mode and the high-contrast projection theme.
"""

from __future__ import annotations

from tareaid.domain.fields import TIER_SHAPES
from tareaid.ui.qt import QtGui
from tareaid.ui.vocabulary import tier_label

# (on a light background, on a dark background): saturated enough to read, never pure red/green
# alone because the shape and word carry the meaning.
_COLOURS: dict[str, tuple[str, str]] = {
    "favours": ("#1b6e3a", "#7ddc9b"),
    "neutral": ("#805b00", "#ffd36b"),
    "against": ("#a3202b", "#ff9aa2"),
    "unassessed": ("#4a4f57", "#c3c8d0"),
    "outside": ("#5b2a86", "#d2b3ff"),
}


def is_dark(palette: QtGui.QPalette) -> bool:
    """Whether the palette's window colour is dark (dark mode or the projection theme)."""
    return palette.color(QtGui.QPalette.ColorRole.Window).lightness() < 128


def tier_colour(tier: str, palette: QtGui.QPalette) -> QtGui.QColor:
    light, dark = _COLOURS[tier]
    return QtGui.QColor(dark if is_dark(palette) else light)


def tier_text(tier: str) -> str:
    """The shape and the word, e.g. '▲ Favours TARE' (the word in the interface's language)."""
    return f"{TIER_SHAPES[tier]} {tier_label(tier)}"


def tier_accessible_text(tier: str) -> str:
    """What a screen reader says for a tier (shapes are not read out usefully)."""
    return tier_label(tier)


__all__ = [
    "TIER_SHAPES",
    "is_dark",
    "tier_accessible_text",
    "tier_colour",
    "tier_text",
]
