"""Wording templates in the evidence pack: named placeholders, checked when the pack loads.

Two kinds of placeholder appear in the pack's wording:

- **case values**, ``{count}`` or ``{criterion}``: filled by the domain from the case (a
  rule declares which names it fills, and the loader refuses a template that uses any other);
- **figures**, ``{sirflox_pfs_any.hr}``: filled from the pack's own figures, so that a number
  in a sentence is never typed twice and cannot drift from the figure it quotes. The parts a
  sentence can quote are ``hr`` ("0.93"), ``ci`` ("0.77–1.12"), ``p`` ("P = .43",
  "one-sided P = .0013") and ``values`` ("10.7 vs 10.2 months").

Nothing else is allowed inside braces: no attribute chains, no format specifications.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol

FIGURE_PARTS: tuple[str, ...] = ("hr", "ci", "p", "values")

_FORMATTER = string.Formatter()


class TemplateError(ValueError):
    """A template uses a placeholder that cannot be filled."""


class QuotableFigure(Protocol):
    """What a figure must offer for a sentence to quote it."""

    key: str

    def quote(self, part: str) -> str: ...


def placeholders(template: str) -> list[str]:
    """The placeholder names in a template, in order (``{{`` and ``}}`` are literal braces)."""
    names: list[str] = []
    try:
        parsed = list(_FORMATTER.parse(template))
    except ValueError as error:
        raise TemplateError(f"unbalanced braces ({error})") from None
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if spec or conversion:
            raise TemplateError(f"{{{name}}}: no format or conversion allowed in a placeholder")
        if not name:
            raise TemplateError("an empty placeholder {} names nothing")
        names.append(name)
    return names


def check_named(template: str, allowed: Iterable[str]) -> None:
    """Refuse a template that uses a placeholder outside `allowed`."""
    allowed = frozenset(allowed)
    for name in placeholders(template):
        if name not in allowed:
            shown = ", ".join(f"{{{n}}}" for n in sorted(allowed)) or "none"
            raise TemplateError(f"{{{name}}} is not filled here (placeholders allowed: {shown})")


def figure_keys(template: str, known: Callable[[str], bool]) -> tuple[str, ...]:
    """The figures a sentence quotes, in order; every placeholder must be ``figure.part``."""
    keys: list[str] = []
    for name in placeholders(template):
        key, _, part = name.partition(".")
        if not part or part not in FIGURE_PARTS:
            raise TemplateError(
                f"{{{name}}}: quote a figure as {{figure_key.part}}, part one of "
                f"{', '.join(FIGURE_PARTS)}"
            )
        if not known(key):
            raise TemplateError(f"{{{name}}}: unknown figure {key!r}")
        if key not in keys:
            keys.append(key)
    return tuple(keys)


def fill(template: str, values: Mapping[str, object]) -> str:
    """The template with its named placeholders filled."""
    return template.format_map(_Strict(values))


def fill_figures(template: str, figures: Mapping[str, QuotableFigure]) -> str:
    """The sentence with every ``{figure.part}`` replaced by the figure's value."""
    out: list[str] = []
    for literal, name, _spec, _conversion in _FORMATTER.parse(template):
        out.append(literal)
        if name is not None:
            key, _, part = name.partition(".")
            out.append(figures[key].quote(part))
    return "".join(out)


def join_words(items: Iterable[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class _Strict(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        raise KeyError(f"no value for placeholder {{{key}}}")
