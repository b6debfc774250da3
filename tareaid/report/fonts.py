"""The report's fonts: registering the bundled TrueType fonts and marking up mixed-script text.

Every character in a report is drawn with a font embedded in the PDF, so the file reads the
same on any machine: DejaVu Sans for Latin text and symbols (≥ ± µ, accented names, the tier
shapes), and Droid Sans Fallback for Chinese, Japanese and Korean characters that DejaVu
lacks. The CJK font is parsed (about 0.15 s) only the first time a report actually contains
such a character.

Registration is process-wide (ReportLab keeps a global font registry) and idempotent.
"""

from __future__ import annotations

import functools
import importlib.resources
import threading
from xml.sax.saxutils import escape

from reportlab.graphics import shapes
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

SANS = "TAREaid-Sans"
SANS_BOLD = "TAREaid-Sans-Bold"
CJK = "TAREaid-CJK"

_FONT_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    CJK: "DroidSansFallbackFull.ttf",
}
_LOCK = threading.RLock()


def font_path(name: str) -> str:
    """The file of one bundled font, from the installed ``tareaid.resources`` package."""
    resource = importlib.resources.files("tareaid.resources") / "fonts" / _FONT_FILES[name]
    return str(resource)


class _MeasuredTTFont(TTFont):
    """A TrueType font that remembers the widths of the strings it has measured.

    Without ReportLab's optional C accelerator, measuring text is a Python loop over its
    characters, and laying out a report measures the same words many times (each table
    cell is wrapped at least twice, and the evidence pages repeat from report to report).
    Widths are kept per unit font size, so every size shares them.
    """

    _CACHE_LIMIT = 200_000

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._unit_widths: dict[str, float] = {}

    def stringWidth(self, text: str | bytes, size: float, encoding: str = "utf8") -> float:
        if isinstance(text, bytes):
            text = text.decode(encoding or "utf8")
        widths = self._unit_widths
        unit = widths.get(text)
        if unit is None:
            if len(widths) > self._CACHE_LIMIT:
                widths.clear()
            unit = widths[text] = super().stringWidth(text, 1.0)
        return unit * size


def _register(name: str) -> TTFont:
    with _LOCK:
        if name in pdfmetrics.getRegisteredFontNames():
            return pdfmetrics.getFont(name)
        font = _MeasuredTTFont(name, font_path(name))
        pdfmetrics.registerFont(font)
        return font


@functools.cache
def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) and make it the default everywhere.

    ReportLab would otherwise fall back to a non-embedded Helvetica for anything that does
    not name a font, including chart labels (``STATE_DEFAULTS``).
    """
    with _LOCK:
        _register(SANS)
        _register(SANS_BOLD)
        # <b> inside a paragraph picks the bold face; there is no italic face, so italic
        # markup keeps the upright one rather than failing.
        addMapping(SANS, 0, 0, SANS)
        addMapping(SANS, 1, 0, SANS_BOLD)
        addMapping(SANS, 0, 1, SANS)
        addMapping(SANS, 1, 1, SANS_BOLD)
        shapes.STATE_DEFAULTS["fontName"] = SANS


@functools.cache
def _sans_glyphs() -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(SANS).face.charToGlyph)


@functools.cache
def _cjk_glyphs() -> frozenset[int]:
    font = _register(CJK)
    addMapping(CJK, 0, 0, CJK)
    addMapping(CJK, 1, 0, CJK)
    addMapping(CJK, 0, 1, CJK)
    addMapping(CJK, 1, 1, CJK)
    return frozenset(font.face.charToGlyph)


def needs_fallback(char: str) -> bool:
    """Whether DejaVu Sans has no glyph for this character but the CJK font does."""
    code = ord(char)
    if code in _sans_glyphs() or char in "\n\t":
        return False
    return code in _cjk_glyphs()


def runs(text: str) -> list[tuple[str, bool]]:
    """Split text into (run, uses_cjk_font) pieces, in order."""
    pieces: list[tuple[str, bool]] = []
    sans = _sans_glyphs()
    current: list[str] = []
    current_cjk = False
    for char in text:
        cjk = ord(char) not in sans and needs_fallback(char)
        if current and cjk != current_cjk:
            pieces.append(("".join(current), current_cjk))
            current = []
        current_cjk = cjk
        current.append(char)
    if current:
        pieces.append(("".join(current), current_cjk))
    return pieces


def markup(text: str) -> str:
    """User text as safe Paragraph markup: escaped, CJK runs in the fallback font, line breaks kept.

    Free text from a case (names, reasons, notes) may contain ``<``, ``&`` or anything
    else; it is escaped before any markup is added, so it can never inject tags.
    """
    out: list[str] = []
    for piece, cjk in runs(text.replace("\r\n", "\n").replace("\t", " ")):
        escaped = escape(piece).replace("\n", "<br/>")
        out.append(f'<font name="{CJK}">{escaped}</font>' if cjk else escaped)
    return "".join(out)


def string_width(text: str, font: str, size: float) -> float:
    """Width of mixed-script text drawn with :func:`draw_runs`."""
    return sum(
        pdfmetrics.stringWidth(piece, CJK if cjk else font, size) for piece, cjk in runs(text)
    )


def fit(text: str, font: str, size: float, width: float) -> str:
    """The text, shortened with an ellipsis if it is wider than ``width``."""
    if string_width(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if string_width(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def draw_runs(canvas: object, x: float, y: float, text: str, font: str, size: float) -> float:
    """Draw mixed-script text on a canvas from (x, y); returns the x where it ends."""
    for piece, cjk in runs(text):
        name = CJK if cjk else font
        canvas.setFont(name, size)  # type: ignore[attr-defined]
        canvas.drawString(x, y, piece)  # type: ignore[attr-defined]
        x += pdfmetrics.stringWidth(piece, name, size)
    return x
