"""Keeping a patient's identity out of a de-identified report (pseudonymisation).

A de-identified report is built from ``Case.deidentified()`` (no name, MRN or date of birth).
By default it also leaves out every free-text field (notes, the board's rationale and
dissent, override reasons), because people write identifiers in free text in more ways than
any program can foresee. When the user asks for free text anyway
(``ReportOptions.include_free_text``, "check it yourself"), each free-text field — and the
attendee names and the case reference — is passed through a :class:`Redactor` built from
the original identifiers, which replaces each occurrence with a visible marker:

- every token of the name, of any length ("Li", "Wu", "O'Brien" with any apostrophe,
  "Ñúñez-Åberg" with any hyphen or none), on word boundaries, ignoring case and accents
  (Chinese, Japanese and Korean tokens, written without spaces, as substrings); tokens
  that are also common English words ("May", "Will", "Hope") only as written, capitalised,
  so "we may revisit" keeps its words;
- the MRN with any separators or none ("123-456", "123456", "123 456", "123–456",
  "123,456": white space, any dash, connector or other punctuation mark, the minus sign);
- the date of birth in every common written form: ISO (also with a two-digit year,
  "48-03-02"), day-first and month-first with two- or four-digit years and ``/ . -`` or
  spaces, month names and abbreviations with or without ordinals ("5th of May 1950",
  "May 5th, 1950", "05-May-50"); a two-digit year with or without an apostrophe
  ("May 5, '50").

What remains is pseudonymised, not anonymous: the board and decision dates, the age and the
clinical details stay in the report.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from datetime import date

from tareaid.domain.case import Case

REDACTED = "[identifier removed]"

# Titles are not part of the name to remove.
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "fictional"})

# Name tokens that are also ordinary words (and name particles): matched only as written in
# the name or in capitals, never in lower case, so a patient called "May Will Hope" does not
# erase "may", "will" and "hope" from the text.
COMMON_WORDS = frozenset(
    [
        "a",
        "al",
        "an",
        "and",
        "ap",
        "april",
        "art",
        "as",
        "at",
        "august",
        "autumn",
        "baker",
        "bell",
        "berry",
        "bill",
        "bin",
        "bishop",
        "black",
        "bloom",
        "bond",
        "brown",
        "bush",
        "by",
        "can",
        "carpenter",
        "case",
        "chase",
        "cook",
        "cross",
        "da",
        "dale",
        "dawn",
        "day",
        "de",
        "del",
        "della",
        "den",
        "der",
        "di",
        "do",
        "dos",
        "du",
        "early",
        "el",
        "faith",
        "field",
        "fisher",
        "fox",
        "frank",
        "fuller",
        "gay",
        "gentle",
        "gold",
        "good",
        "grace",
        "gray",
        "green",
        "grey",
        "guy",
        "hall",
        "hardy",
        "harmony",
        "hay",
        "head",
        "heart",
        "hill",
        "holly",
        "hope",
        "hunter",
        "i",
        "in",
        "is",
        "it",
        "ivy",
        "joy",
        "june",
        "king",
        "la",
        "lane",
        "las",
        "le",
        "les",
        "little",
        "lo",
        "long",
        "los",
        "love",
        "major",
        "march",
        "mark",
        "marsh",
        "may",
        "miles",
        "mill",
        "miller",
        "moon",
        "moore",
        "new",
        "north",
        "oak",
        "of",
        "on",
        "or",
        "page",
        "park",
        "pat",
        "patience",
        "penny",
        "pearl",
        "pierce",
        "poor",
        "power",
        "price",
        "prince",
        "ray",
        "read",
        "reed",
        "rich",
        "rivers",
        "rock",
        "rose",
        "ruby",
        "rush",
        "sage",
        "sharp",
        "short",
        "sky",
        "small",
        "snow",
        "south",
        "spring",
        "stone",
        "summer",
        "sunny",
        "swift",
        "taylor",
        "ten",
        "ter",
        "the",
        "y",
        "zu",
        "to",
        "train",
        "turner",
        "van",
        "von",
        "walker",
        "ward",
        "warren",
        "wells",
        "west",
        "white",
        "will",
        "winter",
        "wise",
        "wood",
        "woods",
        "young",
    ]
)

_APOSTROPHES = "'’‘ʼ`´′"
_HYPHENS = "-‐‑‒–—―"
_APOSTROPHE = f"[{re.escape(_APOSTROPHES)}]?"
_HYPHEN = f"(?:[{re.escape(_HYPHENS)}]|\\s+)?"
_TOKEN = re.compile(rf"[\w{re.escape(_APOSTROPHES + _HYPHENS)}]+")
_CJK = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]"
)


@functools.cache
def _mrn_separators() -> str:
    """Separators an MRN may be written with, or without: white space and every dash,
    connector and other punctuation mark of the Basic Multilingual Plane (Unicode Zs, Pd,
    Pc, Po: "-", "–", "—", "‐", ",", ".", "/", "#", "·", "、" …) and the minus sign.
    Built at the first redaction (about 20 ms) rather than at import."""
    marks = [
        char
        for char in map(chr, range(0x10000))
        if unicodedata.category(char) in ("Zs", "Pd", "Pc", "Po")
    ]
    marks.append("\u2212")  # MINUS SIGN (Sm), written for a hyphen
    return "[\\s" + "".join(re.escape(char) for char in marks) + "]*"


_MONTHS = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may", "may"),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sept?"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)


def fold(text: str) -> str:
    """`text` in NFKC with each character's accents dropped, one character for one (so a
    match in the folded text is at the same place in the NFKC text)."""
    out = []
    for char in text:
        base = unicodedata.normalize("NFD", char)[0]
        out.append(base if base.isalnum() or not char.isalnum() else char)
    return "".join(out)


def _is_cjk(token: str) -> bool:
    return bool(_CJK.search(token))


def _token_pattern(token: str) -> str:
    """A name token with any apostrophe (or none) and any hyphen (or a space, or none)."""
    parts = []
    for char in token:
        if char in _APOSTROPHES:
            parts.append(_APOSTROPHE)
        elif char in _HYPHENS:
            parts.append(_HYPHEN)
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def _name_patterns(name: str) -> list[tuple[str, bool]]:
    """(pattern, case-sensitive) for the whole name and every token of it."""
    text = fold(unicodedata.normalize("NFKC", name))
    tokens = [t.strip(_APOSTROPHES + _HYPHENS) for t in _TOKEN.findall(text)]
    tokens = [t for t in tokens if t and t.casefold() not in _TITLES]
    found: dict[str, bool] = {}
    whole = [t for t in tokens if not _is_cjk(t)]
    if len(whole) > 1:
        found[r"\s*,?\s*".join(_token_pattern(t) for t in whole)] = False
    for token in tokens:
        pieces = [token]
        # "O'Brien" and "Ñúñez-Åberg" are also found in parts ("Brien", "Åberg").
        pieces += [
            p for p in re.split(f"[{re.escape(_APOSTROPHES + _HYPHENS)}]", token) if len(p) > 1
        ]
        for piece in pieces:
            common = piece.casefold() in COMMON_WORDS
            if common:
                # Capitalised or in capitals only: "de" and "la" of "Maria de la Cruz" and
                # "may" of "May Will Hope" stay ordinary words in lower case.
                written = {piece[:1].upper() + piece[1:], piece.upper()}
                if piece != piece.lower():
                    written.add(piece)
                for form in written:
                    found.setdefault(_bounded(_token_pattern(form), piece), True)
            else:
                found.setdefault(_bounded(_token_pattern(piece), piece), False)
    return list(found.items())


def _bounded(pattern: str, token: str) -> str:
    if _is_cjk(token):
        return pattern  # no spaces between words: matched anywhere
    return rf"(?<!\w){pattern}(?!\w)"


def _mrn_pattern(mrn: str) -> str | None:
    separators = _mrn_separators()
    core = re.sub(separators, "", fold(unicodedata.normalize("NFKC", mrn)))
    if not core:
        return None
    body = separators.join(re.escape(char) for char in core)
    return rf"(?<![0-9A-Za-z]){body}(?![0-9A-Za-z])"


def _date_patterns(value: date) -> list[str]:
    """The date of birth in every common written form."""
    d, m, y = value.day, value.month, value.year
    day = rf"0?{d}"
    month = rf"0?{m}"
    # A two-digit year may be written with an apostrophe for the century ("'50").
    year = rf"(?:{y}|{_APOSTROPHE}{y % 100:02d})"
    sep = r"\s*[/.\-]\s*|\s+"
    numeric = [
        rf"{day}(?:{sep}){month}(?:{sep}){year}",
        rf"{month}(?:{sep}){day}(?:{sep}){year}",
        rf"{y}(?:{sep}){month}(?:{sep}){day}",
        # ISO order with a two-digit year ("48-03-02").
        rf"{y % 100:02d}(?:{sep}){month}(?:{sep}){day}",
        rf"{y}{m:02d}{d:02d}",
    ]
    full, short = _MONTHS[m - 1]
    name = rf"(?:{full}|{short}\.?)"
    ordinal = rf"{day}(?:st|nd|rd|th)?"
    gap = r"[\s,.\-/]*"
    named = [
        rf"{ordinal}{gap}(?:of\s+)?{name}{gap}{year}",
        rf"{name}{gap}{ordinal}{gap}{year}",
    ]
    return [rf"(?<!\d){p}(?!\d)" for p in numeric] + [rf"(?<![\w]){p}(?!\d)" for p in named]


class Redactor:
    """Replaces a patient's name, name parts, MRN and date of birth in free text."""

    def __init__(self, case: Case) -> None:
        insensitive: list[str] = []
        sensitive: list[str] = []
        if case.patient_name:
            for pattern, case_sensitive in _name_patterns(case.patient_name):
                (sensitive if case_sensitive else insensitive).append(pattern)
        if case.mrn:
            mrn = _mrn_pattern(case.mrn)
            if mrn:
                insensitive.append(mrn)
        if case.date_of_birth:
            insensitive.extend(_date_patterns(case.date_of_birth))
        self._patterns = [
            re.compile("|".join(_longest_first(patterns)), flags)
            for patterns, flags in ((insensitive, re.IGNORECASE), (sensitive, 0))
            if patterns
        ]

    @property
    def active(self) -> bool:
        """Whether there is anything to remove."""
        return bool(self._patterns)

    def __call__(self, text: str) -> str:
        if not self._patterns or not text:
            return text
        text = unicodedata.normalize("NFKC", text)
        for pattern in self._patterns:
            folded = fold(text)
            spans = [
                match.span() for match in pattern.finditer(folded) if match.end() > match.start()
            ]
            for start, end in reversed(spans):
                text = text[:start] + REDACTED + text[end:]
        return text


def _longest_first(texts: Iterable[str]) -> list[str]:
    return sorted(set(texts), key=len, reverse=True)


def no_redaction(text: str) -> str:
    """The identity function, for identified reports."""
    return text
