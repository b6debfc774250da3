"""Laying out words in scripts that need shaping, and right-to-left words, in a paragraph.

ReportLab 5 shapes text with HarfBuzz (``uharfbuzz``) when a paragraph style asks for it,
one whitespace-separated word at a time, with the HarfBuzz font of the word's first piece;
its right-to-left support needs ``rlbidi``, which is not published on PyPI. A report's
paragraphs are English with names and free text in any script, so this module does both
jobs for the paragraphs that need them (any piece in a font of
:data:`fonts.SHAPED_FONTS`), and leaves every other paragraph to ReportLab untouched:

1. before lines are broken, each word is shaped one font run ("piece") at a time, so a word
   such as "(محمد)." with the brackets in DejaVu Sans is shaped correctly; HarfBuzz returns
   a right-to-left piece's glyphs in visual order;
2. after lines are broken (in reading order, as a line must hold the words that come
   first), the pieces of each line with right-to-left text are put in visual order: runs of
   right-to-left pieces are reversed together with the numbers and neutral marks between
   them, and a neutral mark drawn right to left is mirrored. This is the Unicode
   bidirectional algorithm for a left-to-right paragraph (rules W2, N1, N2, L2, L4) applied
   to pieces, each classed by its first strong character (:func:`word_class`).
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
    """One word shaped font run by font run, each piece marked with its bidirectional class.

    ``word`` is ReportLab's ``[width, (frag, text), ...]``. A piece in a right-to-left font
    comes back from HarfBuzz in visual order already; where pieces go is decided per line
    (:func:`reorder_lines`), when it is known what is on either side of them.
    """
    if isinstance(word, ShapedFragWord) or len(word) < 2:
        return word
    pieces = word[1:]
    if any(not hasattr(f, "fontName") or hasattr(f, "cbDefn") for f, _t in pieces):
        return word  # an image or a line break: nothing to shape
    out: list[tuple[object, str]] = []
    width = 0.0
    for frag, text in pieces:
        frag = frag.clone()
        setattr(frag, _DIRECTION, word_class(text))
        if frag.fontName in SHAPED_FONTS and text:
            shaped = shapeFragWord([0.0, (frag, text)])
            if len(shaped) == 2:
                frag, text = shaped[1]
            if frag.fontName in RIGHT_TO_LEFT_FONTS and not isinstance(text, ShapedStr):
                text = _mirrored(text)  # not shaped (no HarfBuzz): at least in visual order
        out.append((frag, text))
        width += _piece_width(frag, text)
    return makeShapedFragWord(word)([width, *out])


def _piece_width(frag: object, text: str) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, frag.fontName, frag.fontSize)  # type: ignore[attr-defined]


def _class_of(frag: object, text: str) -> str:
    direction = getattr(frag, _DIRECTION, None)
    return direction if direction is not None else word_class(text)


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


def visual_order(classes: Sequence[str]) -> list[tuple[int, bool]]:
    """The drawing order of a line's pieces, left to right, given their classes: each
    piece's index and whether it is drawn right to left (then a neutral mark is mirrored)."""
    rtl = _resolve(list(classes))
    out: list[tuple[int, bool]] = []
    index = 0
    while index < len(classes):
        if not rtl[index]:
            out.append((index, False))
            index += 1
            continue
        end = index
        while end < len(classes) and rtl[end]:
            end += 1
        out.extend((i, True) for i in reversed(range(index, end)))
        index = end
    return out


def reorder_lines(lines: Sequence[object], words: Sequence[list]) -> None:
    """Put the pieces of each broken line (ReportLab ``FragLine``) in visual order.

    ``words`` are the paragraph's prepared words; each line starts at word ``line.sFW``.
    A line with right-to-left text is rebuilt from its words' pieces, one space between
    words as ReportLab lays them out; other lines are left as they are.
    """
    starts = [getattr(line, "sFW", None) for line in lines]
    if any(start is None for start in starts):
        return
    for number, line in enumerate(lines):
        end = starts[number + 1] if number + 1 < len(lines) else len(words)
        pieces: list[tuple[object, str]] = []
        for word in words[starts[number] : end]:
            if len(word) < 2 or not all(
                hasattr(f, "fontName") and not _is_break(f) for f, _t in word[1:]
            ):
                continue
            if not any(text for _f, text in word[1:]):
                continue
            if pieces:
                space = pieces[-1][0].clone()  # type: ignore[attr-defined]
                setattr(space, _DIRECTION, NEUTRAL)
                pieces.append((space, " "))
            pieces += [(f, t) for f, t in word[1:] if t]
        classes = [_class_of(f, t) for f, t in pieces]
        if RIGHT not in classes:
            continue
        rebuilt: list[object] = []
        for index, right_to_left in visual_order(classes):
            frag, text = pieces[index]
            piece = frag.clone()  # type: ignore[attr-defined]
            if right_to_left and classes[index] == NEUTRAL and not isinstance(text, ShapedStr):
                text = _mirrored(text)  # brackets drawn right to left face the other way
            piece.text = text
            rebuilt.append(piece)
        trailing = [f for f in line.words if _is_break(f)]  # type: ignore[attr-defined]
        line.words = rebuilt + trailing  # type: ignore[attr-defined]


def _is_break(frag: object) -> bool:
    return bool(getattr(frag, "lineBreak", False)) or hasattr(frag, "cbDefn")
