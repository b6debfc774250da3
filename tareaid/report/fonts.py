"""The report's fonts: registering the bundled TrueType fonts and marking up mixed-script text.

Every character in a report is drawn with a font embedded in the PDF, so the file reads the
same on any machine. DejaVu Sans draws Latin, Greek and Cyrillic text and the symbols (≥ ± µ,
the tier shapes); a character DejaVu lacks, or one of a script with a font of its own, goes
to a fallback font:

==============  ==========================  =========================================
script          font                        drawn
==============  ==========================  =========================================
Arabic          Noto Sans Arabic            shaped (joined letters), right to left
Hebrew          Noto Sans Hebrew            shaped (marks placed), right to left
Devanagari      Noto Sans Devanagari        shaped (conjuncts, vowel signs)
Thai            Noto Sans Thai              shaped (marks placed)
Hangul          Nanum Gothic                as is
Chinese, kana   Droid Sans Fallback         as is
==============  ==========================  =========================================

"Shaped" fonts go through HarfBuzz and right-to-left text is put in reading order by
:mod:`tareaid.report.complex_text`. A fallback font is parsed only the first time a report
contains one of its characters (Droid Sans Fallback takes about 0.15 s, Nanum Gothic 0.06 s).

Registration is process-wide (ReportLab keeps a global font registry) and idempotent.
"""

from __future__ import annotations

import bisect
import functools
import importlib.resources
import threading
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.graphics import shapes
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

SANS = "TAREaid-Sans"
SANS_BOLD = "TAREaid-Sans-Bold"
CJK = "TAREaid-CJK"
HANGUL = "TAREaid-Hangul"
ARABIC = "TAREaid-Arabic"
HEBREW = "TAREaid-Hebrew"
DEVANAGARI = "TAREaid-Devanagari"
THAI = "TAREaid-Thai"


@dataclass(frozen=True)
class Fallback:
    """A font for what DejaVu Sans does not draw (well)."""

    name: str
    regular: str  # file names in resources/fonts
    bold: str | None
    # Code point ranges this font is the first choice for, DejaVu's glyphs or not.
    ranges: tuple[tuple[int, int], ...] = ()
    shaped: bool = False  # needs OpenType shaping (HarfBuzz)
    right_to_left: bool = False

    @property
    def bold_name(self) -> str:
        return f"{self.name}-Bold" if self.bold else self.name


FALLBACKS: tuple[Fallback, ...] = (
    Fallback(
        ARABIC,
        "NotoSansArabic-Regular.ttf",
        "NotoSansArabic-Bold.ttf",
        ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
        shaped=True,
        right_to_left=True,
    ),
    Fallback(
        HEBREW,
        "NotoSansHebrew-Regular.ttf",
        "NotoSansHebrew-Bold.ttf",
        ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)),
        shaped=True,
        right_to_left=True,
    ),
    Fallback(
        DEVANAGARI,
        "NotoSansDevanagari-Regular.ttf",
        "NotoSansDevanagari-Bold.ttf",
        ((0x0900, 0x097F), (0xA8E0, 0xA8FF), (0x1CD0, 0x1CFF)),
        shaped=True,
    ),
    Fallback(THAI, "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf", ((0x0E00, 0x0E7F),), True),
    # Droid Sans Fallback has a handful of Hangul syllables: Korean goes to Nanum Gothic
    # whole, so a word is never drawn in two designs.
    Fallback(
        HANGUL,
        "NanumGothic.ttf",
        None,
        ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF)),
    ),
    Fallback(CJK, "DroidSansFallbackFull.ttf", None),
)
FALLBACKS_BY_NAME: dict[str, Fallback] = {f.name: f for f in FALLBACKS}

#: Every font name text can be drawn in that needs shaping, bold faces included.
SHAPED_FONTS: frozenset[str] = frozenset(
    name for f in FALLBACKS if f.shaped for name in (f.name, f.bold_name)
)
RIGHT_TO_LEFT_FONTS: frozenset[str] = frozenset(
    name for f in FALLBACKS if f.right_to_left for name in (f.name, f.bold_name)
)

_FILES: dict[str, str] = {SANS: "DejaVuSans.ttf", SANS_BOLD: "DejaVuSans-Bold.ttf"}
for _fallback in FALLBACKS:
    _FILES[_fallback.name] = _fallback.regular
    if _fallback.bold:
        _FILES[_fallback.bold_name] = _fallback.bold

# The script ranges, sorted, for a bisect lookup: (start, end, font).
_RANGES = sorted((lo, hi, f.name) for f in FALLBACKS for lo, hi in f.ranges)
_RANGE_STARTS = [lo for lo, _hi, _name in _RANGES]
_FIRST_SCRIPT_CODE = _RANGE_STARTS[0]

_LOCK = threading.RLock()


def font_path(name: str) -> str:
    """The file of one bundled font, from the installed ``tareaid.resources`` package."""
    resource = importlib.resources.files("tareaid.resources") / "fonts" / _FILES[name]
    return str(resource)


class _MeasuredTTFont(TTFont):
    """A TrueType font that remembers the widths of the strings it has measured.

    Without ReportLab's optional C accelerator, measuring text is a Python loop over its
    characters, and laying out a report measures the same words many times (each table
    cell is wrapped at least twice, and the evidence pages repeat from report to report).
    Widths are kept per unit font size, so every size shares them. (A shaped string's
    width is the sum of its glyphs' widths too, so it shares the cache.)
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


class _UnshapedTTFont(_MeasuredTTFont):
    """A font whose text is never shaped.

    ReportLab shapes a whole word with the HarfBuzz font of the word's first piece. A word
    that starts in DejaVu Sans (or a CJK font) and goes on in another font would have the
    other font's glyphs looked up in the wrong font; these fonts need no shaping, so they
    refuse it, and ReportLab leaves such a word as it is.
    """

    def hbFont(self, fontSize: float = 10) -> object:
        raise AttributeError("this font is drawn without shaping")


def _register(name: str) -> TTFont:
    with _LOCK:
        if name in pdfmetrics.getRegisteredFontNames():
            return pdfmetrics.getFont(name)
        kind = _MeasuredTTFont if name in SHAPED_FONTS else _UnshapedTTFont
        font = kind(name, font_path(name))
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
        _map_family(SANS, SANS_BOLD)
        shapes.STATE_DEFAULTS["fontName"] = SANS


def _map_family(regular: str, bold: str) -> None:
    addMapping(regular, 0, 0, regular)
    addMapping(regular, 1, 0, bold)
    addMapping(regular, 0, 1, regular)
    addMapping(regular, 1, 1, bold)


@functools.cache
def _sans_glyphs() -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(SANS).face.charToGlyph)


@functools.cache
def fallback_glyphs(name: str) -> frozenset[int]:
    """The code points a fallback font draws, registering it (and its bold face) first."""
    fallback = FALLBACKS_BY_NAME[name]
    font = _register(fallback.name)
    if fallback.bold:
        _register(fallback.bold_name)
    _map_family(fallback.name, fallback.bold_name)
    return frozenset(font.face.charToGlyph)


def _script_font(code: int) -> str | None:
    """The fallback font a code point's script always uses, if any."""
    if code < _FIRST_SCRIPT_CODE:
        return None
    index = bisect.bisect_right(_RANGE_STARTS, code) - 1
    if index >= 0:
        _lo, hi, name = _RANGES[index]
        if code <= hi:
            fallback_glyphs(name)  # registered before any text names it
            return name
    return None


def font_for(char: str) -> str:
    """The font a character is drawn with (DejaVu Sans unless another font is needed)."""
    code = ord(char)
    script = _script_font(code)
    if script is not None:
        return script
    if code in _sans_glyphs() or char in "\n\t":
        return SANS
    for fallback in FALLBACKS:
        if not fallback.ranges and code in fallback_glyphs(fallback.name):
            return fallback.name
    for fallback in FALLBACKS:
        if fallback.ranges and code in fallback_glyphs(fallback.name):
            return fallback.name
    return SANS  # no bundled font has it: DejaVu's empty box, at least visible


def needs_fallback(char: str) -> bool:
    """Whether a character is drawn with a font other than DejaVu Sans."""
    return font_for(char) != SANS


@functools.lru_cache(maxsize=8192)
def runs(text: str) -> tuple[tuple[str, str], ...]:
    """Split text into (run, font) pieces, in order.

    Remembered: a report marks up and measures the same words (labels, the evidence pack's
    sentences) many times, and every report repeats them.
    """
    return tuple(_runs(text))


def _runs(text: str) -> list[tuple[str, str]]:
    if not text:
        return []
    sans = _sans_glyphs()
    if max(text) < "\u0590" and all(ord(c) in sans or c in "\n\t" for c in text):
        return [(text, SANS)]  # the common case: no fallback at all
    chosen = [font_for(char) for char in text]
    _join_spaces(text, chosen)
    pieces: list[tuple[str, str]] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or chosen[index] != chosen[start]:
            pieces.append((text[start:index], chosen[start]))
            start = index
    return pieces


def _join_spaces(text: str, chosen: list[str]) -> None:
    """A space between two runs of the same fallback font belongs to that run: one run of
    words, not a run per word."""
    for index in range(1, len(text) - 1):
        font = chosen[index - 1]
        if (
            text[index] == " "
            and font != SANS
            and chosen[index + 1] == font
            and chosen[index] == SANS
            and ord(" ") in fallback_glyphs(font)
        ):
            chosen[index] = font


@functools.lru_cache(maxsize=8192)
def markup(text: str, *, bold: bool = False) -> str:
    """User text as safe Paragraph markup: escaped, fallback-font runs marked, breaks kept.

    Free text from a case (names, reasons, notes) may contain ``<``, ``&`` or anything
    else; it is escaped before any markup is added, so it can never inject tags. A
    ``<font>`` tag resets ReportLab's bold flag to its font's, so text to be printed in bold
    (inside ``<b>`` or in a bold style) says so with ``bold`` and gets the bold faces.
    """
    out: list[str] = []
    for piece, font in runs(text.replace("\r\n", "\n").replace("\t", " ")):
        escaped = escape(piece).replace("\n", "<br/>")
        if font != SANS and bold:
            font = FALLBACKS_BY_NAME[font].bold_name
        out.append(escaped if font == SANS else f'<font name="{font}">{escaped}</font>')
    return "".join(out)


def plain_text_ok(text: str) -> bool:
    """Whether text can be drawn as a plain string in DejaVu Sans (no fallback font)."""
    return all(font == SANS for _piece, font in runs(text))


def string_width(text: str, font: str, size: float) -> float:
    """Width of mixed-script text as a paragraph draws it (before shaping)."""
    total = 0.0
    for piece, run_font in runs(text):
        if run_font == SANS:
            name = font
        else:
            bold = font == SANS_BOLD and FALLBACKS_BY_NAME[run_font].bold
            name = FALLBACKS_BY_NAME[run_font].bold_name if bold else run_font
        total += pdfmetrics.stringWidth(piece, name, size)
    return total


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
