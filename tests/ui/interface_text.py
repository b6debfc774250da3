"""What a window says, and which of it may be English in an interface of another language.

`window_texts` gathers every string a person can see or hear in a window: texts, titles,
tooltips, accessible names and descriptions, placeholders, menus, list and table items and
headers. `EnglishFinder` then tells interface English from what may stay English: the
evidence content (everything the evidence pack says, and what the domain builds from it),
case data, product, trial and drug names, units and key names.

Two checks, so that a string the code forgot to translate and one nobody translated yet are
both found: a visible string holding an English source string of the catalogue whose
translation differs; and any English word left once the exempt text is taken out.
"""

from __future__ import annotations

import dataclasses
import html
import re
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tareaid.ui.qt import Qt, QtWidgets

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "i18n" / "tareaid_zh_CN.ts"

# Widgets whose content is English by design (the text is shown as it is: support reads the
# diagnostics, a traceback, a licence, a help page), or typed by the user.
CONTENT_EXEMPT = ("diagnostics_text", "licence_text", "help_browser", "error_details")
# Names TAREaid shows as they are in every language.
KEPT_WORDS = {
    "tareaid",
    "tare",
    "sirt",
    "sirflox",
    "foxfire",
    "global",
    "epoch",
    "english",
    "ctrl",
    "alt",
    "shift",
    "esc",
    "enter",
    "return",
    "del",
    "ins",
    "page",
    "home",
    "end",
    "delete",
    "backspace",
}
WORD = re.compile(r"[A-Za-z][A-Za-z'’]{2,}")
TAG = re.compile(r"<[^>]+>")


def _plain(text: str) -> str:
    """Rich text as read: tags removed, entities decoded."""
    if "<" in text and ">" in text:
        text = TAG.sub(" ", text)
    return html.unescape(text).replace("\N{NO-BREAK SPACE}", " ")


# --- gathering ----------------------------------------------------------------------------


def _item_view_texts(view: QtWidgets.QAbstractItemView, where: str) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return
    roles = (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
    )
    # A list has one column and no header (its model hides columnCount).
    columns = 0 if isinstance(view, QtWidgets.QListView) else model.columnCount()
    for column in range(columns):
        for role in roles:
            value = model.headerData(column, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield f"{where} header {column}", value
    for row in range(min(model.rowCount(), 40)):
        for column in range(max(1, columns)):
            index = model.index(row, column)
            for role in roles:
                value = model.data(index, role)
                if isinstance(value, str):
                    yield f"{where} row {row} column {column}", value


def _menu_texts(menu: QtWidgets.QMenu, where: str) -> Iterator[tuple[str, str]]:
    yield f"{where} title", menu.title()
    for action in menu.actions():
        if action.menu() is not None:
            yield from _menu_texts(action.menu(), f"{where} › {action.text()}")
            continue
        for kind, text in (
            ("text", action.text()),
            ("tooltip", action.toolTip()),
            ("status tip", action.statusTip()),
        ):
            yield f"{where} › {action.text()} ({kind})", text


def widget_texts(widget: QtWidgets.QWidget) -> Iterator[tuple[str, str]]:
    """The strings one widget shows or reads out."""
    name = widget.objectName() or type(widget).__name__
    where = f"{type(widget).__name__} {name!r}"
    if widget.isWindow():
        yield f"{where} window title", widget.windowTitle()
    for kind, text in (
        ("tooltip", widget.toolTip()),
        ("accessible name", widget.accessibleName()),
        ("accessible description", widget.accessibleDescription()),
        ("status tip", widget.statusTip()),
    ):
        yield f"{where} {kind}", text
    if name in CONTENT_EXEMPT:
        return
    if isinstance(widget, QtWidgets.QLabel | QtWidgets.QAbstractButton):
        yield f"{where} text", widget.text()
    elif isinstance(widget, QtWidgets.QLineEdit):
        yield f"{where} placeholder", widget.placeholderText()
    elif isinstance(widget, QtWidgets.QGroupBox):
        yield f"{where} title", widget.title()
    elif isinstance(widget, QtWidgets.QComboBox):
        yield f"{where} placeholder", widget.placeholderText()
        for index in range(widget.count()):
            yield f"{where} item {index}", widget.itemText(index)
    elif isinstance(widget, QtWidgets.QTabWidget):
        for index in range(widget.count()):
            yield f"{where} tab {index}", widget.tabText(index)
            yield f"{where} tab {index} tooltip", widget.tabToolTip(index)
    elif isinstance(widget, QtWidgets.QMenuBar):
        for action in widget.actions():
            if action.menu() is not None:
                yield from _menu_texts(action.menu(), f"menu {action.text()}")
    elif isinstance(widget, QtWidgets.QStatusBar):
        yield f"{where} message", widget.currentMessage()
    elif isinstance(widget, QtWidgets.QTextEdit | QtWidgets.QPlainTextEdit):
        yield f"{where} placeholder", widget.placeholderText()
        if widget.isReadOnly():  # shown text, not what the user types
            yield f"{where} text", widget.toPlainText()
    if isinstance(widget, QtWidgets.QAbstractItemView):
        yield from _item_view_texts(widget, where)


def window_texts(window: QtWidgets.QWidget) -> list[tuple[str, str]]:
    """Every string shown in a window's visible widgets: (where, text)."""
    found: list[tuple[str, str]] = []
    widgets = [window, *window.findChildren(QtWidgets.QWidget)]
    for widget in widgets:
        hidden = widget.objectName().startswith("qt_") or not widget.isVisibleTo(window)
        if hidden and widget is not window:
            continue
        found += [(where, text) for where, text in widget_texts(widget) if text]
    return found


# --- what may stay English ----------------------------------------------------------------


def strings_in(value: Any, seen: set[int] | None = None) -> Iterator[str]:
    """Every string inside a value: dataclasses, mappings, sequences, and what a figure, a
    reference or a date says of itself."""
    seen = set() if seen is None else seen
    if isinstance(value, str):
        yield value
        return
    if value is None or isinstance(value, bool | int | float) or id(value) in seen:
        return
    seen.add(id(value))
    if hasattr(value, "isoformat"):
        yield value.isoformat()
        return
    for method in ("citation", "values_text", "effect_text", "qualifiers"):
        function = getattr(value, method, None)
        if callable(function):
            yield from strings_in(function(), seen)
    if dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from strings_in(getattr(value, field.name), seen)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(key, seen)
            yield from strings_in(item, seen)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from strings_in(item, seen)


def _catalogue() -> list[tuple[str, str]]:
    """(source, translation) of every finished message of the Chinese catalogue."""
    pairs = []
    for message in ET.parse(CATALOGUE).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") == "unfinished":
            continue
        forms = [form.text or "" for form in translation.iter("numerusform")]
        for form in forms or [translation.text or ""]:
            pairs.append((message.findtext("source") or "", form))
    return pairs


class EnglishFinder:
    """Finds interface English in the strings of a Chinese interface."""

    def __init__(self, exempt: Iterable[str], kept_words: Iterable[str] = ()) -> None:
        variants: set[str] = set()
        for text in exempt:
            text = _plain(text).strip()
            if len(text) < 3 or not re.search("[A-Za-z]", text):
                continue
            variants |= {text, text.lower(), text[:1].lower() + text[1:], text.capitalize()}
        # Longest first, so that a sentence goes before the words inside it.
        ordered = sorted(variants, key=len, reverse=True)
        alternatives = "|".join(re.escape(text) for text in ordered)
        # Whole words only: "note" is no excuse for the "note" in "irinotecan".
        self._exempt = re.compile(rf"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])")
        catalogue = _catalogue()
        self.kept = {word.lower() for word in kept_words} | KEPT_WORDS
        # A word a translator kept (a drug, a unit, a file type) may be shown as it is.
        for _source, translation in catalogue:
            self.kept |= {word.lower() for word in WORD.findall(translation)}
        # English sources whose translation differs: shown as such, they were not translated.
        # A phrase counts wherever it stands as words; a single word only as a whole item
        # ("Review", "Close"), not inside a sentence, where the word check finds it anyway.
        sources = {
            _plain(source).strip()
            for source, translation in catalogue
            if translation != source and not re.search(r"\{|%n", source) and len(source) >= 4
        }
        phrases = sorted((s for s in sources if len(WORD.findall(s)) >= 2), key=len, reverse=True)
        self._phrases = re.compile(
            "(?<![A-Za-z])(?:" + "|".join(re.escape(s) for s in phrases) + ")(?![A-Za-z])"
        )
        self._words = {s for s in sources if len(WORD.findall(s)) == 1}

    def strip(self, text: str) -> str:
        """The text without what may stay English."""
        return self._exempt.sub(" ", _plain(text))

    def english(self, text: str) -> list[str]:
        """The interface English in a shown string: untranslated sources, else words."""
        rest = self.strip(text)
        sources = self._phrases.findall(rest)
        if rest.strip() in self._words:
            sources.append(rest.strip())
        if sources:
            return [f"source {source!r}" for source in dict.fromkeys(sources)][:3]
        return [word for word in WORD.findall(rest) if word.lower() not in self.kept]


def _excerpt(text: str, words: list[str]) -> str:
    """The part of a long text around the first English found in it."""
    text = " ".join(_plain(text).split())
    if len(text) <= 160:
        return text
    first = words[0].removeprefix("source ").strip("'")
    at = max(0, text.find(first) - 60)
    return ("…" if at else "") + text[at : at + 160] + "…"


def report(problems: list[tuple[str, str, list[str]]]) -> str:
    """The untranslated strings, one a line, for the lead to translate at a merge."""
    lines = [
        f"{len(problems)} strings of the interface show English in the Chinese interface:",
        *(
            f"  {where}: {_excerpt(text, words)!r}  ← {', '.join(words)}"
            for where, text, words in problems
        ),
        "",
        "Each is a string the code does not translate (wrap it: self.tr() in a QObject, "
        "translate('Context', ...) elsewhere) or one not translated yet. Then run "
        "`python packaging/update_translations.py`, translate what it marks unfinished in "
        "resources/i18n/tareaid_zh_CN.ts, and run it again.",
    ]
    return "\n".join(lines)


def evidence_strings(pack: Any) -> set[str]:
    """Everything the evidence pack says, as stored and as the domain and app shape it."""
    from tareaid.app.key_evidence import short_citation, trial_groups
    from tareaid.ui.evidence_view import _arms_text, figure_line

    toml = tomllib.loads((ROOT / "resources" / "evidence_pack.toml").read_text("utf-8"))
    found = set(strings_in(toml))
    found |= set(strings_in(pack))
    found |= set(strings_in(trial_groups(pack)))
    for reference in pack.references.values():
        found.add(short_citation(reference))
    for figure in pack.figures:
        found.add(_arms_text(figure, pack))
        found.add(", ".join(figure.qualifiers()).capitalize())
        if not figure.subgroup:
            found.add(figure_line(pack, figure))
    for status in pack.trial_wording.values():
        found.add(status.lower())
    return found
