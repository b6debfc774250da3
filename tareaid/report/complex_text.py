"""Laying out words in scripts that need shaping, and right-to-left words, in a paragraph.

ReportLab 5 shapes text with HarfBuzz (``uharfbuzz``) when a paragraph style asks for it,
one whitespace-separated word at a time, with the HarfBuzz font of the word's first piece;
its right-to-left support needs ``rlbidi``, which is not published on PyPI. A report's
paragraphs are English with names and free text in any script, so this module does both
jobs for the paragraphs that need them (any piece in a font of
:data:`fonts.SHAPED_FONTS`), and leaves every other paragraph to ReportLab untouched:

1. before lines are broken, each word's pieces are shaped one font run at a time (so a word
   such as "(محمد)." with the brackets in DejaVu Sans is shaped correctly), and a
   right-to-left word's pieces are put in visual order (HarfBuzz already orders the glyphs
   inside a right-to-left run);
2. after lines are broken (in reading order, as a line must hold the words that come first),
   the words of each line are put in visual order: a run of right-to-left words is reversed,
   with the numbers and neutral marks between them, as the Unicode bidirectional algorithm
   does at the level of words for a left-to-right paragraph (the way ReportLab's own
   right-to-left support orders words).

A word is right-to-left when its first strong character is (Arabic or Hebrew letters).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from reportlab.pdfbase.ttfonts import ShapedFragWord, ShapedStr, makeShapedFragWord, shapeFragWord

from tareaid.report.fonts import RIGHT_TO_LEFT_FONTS, SHAPED_FONTS

# Word classes, as the bidirectional algorithm sees a whole word.
RIGHT, LEFT, NUMBER, NEUTRAL = "R", "L", "EN", "ON"

_DIRECTION = "_tareaid_direction"  # set on each piece's frag; clones keep it


def word_class(text: str) -> str:
    """R, L, EN (digits without letters) or ON (neither), from the characters' classes."""
    number = False
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return RIGHT
        if kind == "L":
            return LEFT
        if kind in ("EN", "AN"):
            number = True
    return NUMBER if number else NEUTRAL


def needs_layout(frags: Sequence[object]) -> bool:
    """Whether a paragraph's fragments (or prepared words) hold shaped-script text."""
    for item in frags:
        if isinstance(item, list):  # a prepared word: [width, (frag, text), ...]
            if any(getattr(f, "fontName", None) in SHAPED_FONTS for f, _t in item[1:]):
                return True
        elif getattr(item, "fontName", None) in SHAPED_FONTS:
            return True
    return False


def _mirrored(text: str) -> str:
    """Brackets and other mirrored characters swapped, for a neutral run drawn right to left."""
    out = []
    for char in reversed(text):
        if unicodedata.mirrored(char):
            char = _MIRROR.get(char, char)
        out.append(char)
    return "".join(out)


_MIRROR = {
    **{a: b for a, b in ("()", "[]", "{}", "<>", "«»", "‹›")},
    **{b: a for a, b in ("()", "[]", "{}", "<>", "«»", "‹›")},
}


def prepare_word(word: list) -> list:
    """One word shaped run by run, its pieces in visual order, each piece marked with the
    word's class. ``word`` is ReportLab's ``[width, (frag, text), ...]``."""
    if isinstance(word, ShapedFragWord) or len(word) < 2:
        return word
    pieces = word[1:]
    if any(not hasattr(f, "fontName") or hasattr(f, "cbDefn") for f, _t in pieces):
        return word  # an image or a line break: nothing to shape
    logical = "".join(text for _f, text in pieces)
    direction = word_class(logical)
    out: list[tuple[object, str]] = []
    width = 0.0
    for frag, text in pieces:
        frag = frag.clone()
        setattr(frag, _DIRECTION, direction)
        if frag.fontName in SHAPED_FONTS and text:
            shaped = shapeFragWord([0.0, (frag, text)])
            if len(shaped) == 2:
                frag, text = shaped[1]
            if frag.fontName in RIGHT_TO_LEFT_FONTS and not isinstance(text, ShapedStr):
                text = _mirrored(text)  # not shaped (no HarfBuzz): at least in visual order
        elif direction == RIGHT and word_class(text) == NEUTRAL:
            # Punctuation inside a right-to-left word, drawn in another font: mirrored
            # (an opening bracket is drawn as a closing one); digits keep their order.
            text = _mirrored(text)
        out.append((frag, text))
        width += _piece_width(frag, text)
    if direction == RIGHT:
        out.reverse()
    prepared = makeShapedFragWord(word)([width, *out])
    return prepared


def _piece_width(frag: object, text: str) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, frag.fontName, frag.fontSize)  # type: ignore[attr-defined]


def _class_of(word: list) -> str:
    for frag, _text in word[1:]:
        direction = getattr(frag, _DIRECTION, None)
        if direction is not None:
            return direction
        return word_class("".join(t for _f, t in word[1:]))
    return NEUTRAL


def _resolve(classes: list[str]) -> list[bool]:
    """For each word of a line, whether it belongs to a right-to-left run.

    Numbers after right-to-left text join it (W2 with the Arabic letters' AL, N1 for EN);
    neutral words between two right-to-left ones join it (N1); everything else takes the
    paragraph's left-to-right direction (N2).
    """
    strong: list[str | None] = []
    previous = LEFT
    for kind in classes:
        if kind == NUMBER:
            strong.append(RIGHT if previous == RIGHT else LEFT)
        elif kind in (RIGHT, LEFT):
            strong.append(kind)
        else:
            strong.append(None)
        if strong[-1] is not None:
            previous = strong[-1]
    resolved = []
    for index, kind in enumerate(strong):
        if kind is not None:
            resolved.append(kind == RIGHT)
            continue
        before = next((k for k in reversed(strong[:index]) if k is not None), LEFT)
        after = next((k for k in strong[index + 1 :] if k is not None), LEFT)
        resolved.append(before == RIGHT and after == RIGHT)
    return resolved


def visual_order(words: Sequence[list]) -> list[list]:
    """The words of one line, left to right as they are drawn."""
    rtl = _resolve([_class_of(w) for w in words])
    out: list[list] = []
    index = 0
    while index < len(words):
        if not rtl[index]:
            out.append(words[index])
            index += 1
            continue
        end = index
        while end < len(words) and rtl[end]:
            end += 1
        out.extend(reversed(words[index:end]))
        index = end
    return out


def reorder_lines(lines: Sequence[object], words: Sequence[list]) -> None:
    """Put the words of each broken line (ReportLab ``FragLine``) in visual order.

    ``words`` are the paragraph's prepared words; each line starts at word ``line.sFW``.
    A line is rebuilt from its words, with one space between words as ReportLab lays them.
    """
    starts = [getattr(line, "sFW", None) for line in lines]
    if any(start is None for start in starts):
        return
    for number, line in enumerate(lines):
        end = starts[number + 1] if number + 1 < len(lines) else len(words)
        line_words = [
            w
            for w in words[starts[number] : end]
            if len(w) > 1
            and all(hasattr(f, "fontName") and not _is_break(f) for f, _t in w[1:])
            and any(text for _f, text in w[1:])
        ]
        if len(line_words) < 2 and not any(_class_of(w) == RIGHT for w in line_words):
            continue
        ordered = visual_order(line_words)
        if ordered == line_words:
            continue
        trailing = [f for f in line.words if _is_break(f)]  # type: ignore[attr-defined]
        rebuilt: list[object] = []
        for position, word in enumerate(ordered):
            if position:
                space = word[1][0].clone()
                space.text = " "
                rebuilt.append(space)
            for frag, text in word[1:]:
                piece = frag.clone()
                piece.text = text
                rebuilt.append(piece)
        line.words = rebuilt + trailing  # type: ignore[attr-defined]


def _is_break(frag: object) -> bool:
    return bool(getattr(frag, "lineBreak", False)) or hasattr(frag, "cbDefn")
