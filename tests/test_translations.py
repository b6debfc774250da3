"""The interface's translation catalogues: complete, current, and faithful to their sources.

resources/i18n/tareaid_<language>.ts are the sources (pyside6-lupdate writes them from the
code, a translator fills them in), the .qm beside them what the application loads
(pyside6-lrelease). packaging/update_translations.py does both; these tests fail, naming
each string, while a .ts misses a string of the code, holds one not translated, or a .qm is
not the compiled .ts, and when a translation loses a placeholder or a keyboard mnemonic.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "tareaid" / "ui"
I18N = ROOT / "resources" / "i18n"
SHIPPED = ("zh_CN", "en")
HOW_TO_UPDATE = (
    "run `python packaging/update_translations.py`, translate what it marks unfinished in "
    "resources/i18n/tareaid_zh_CN.ts (Qt Linguist: pyside6-linguist), run it again and "
    "commit the .ts and .qm files"
)


def _updater():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "packaging" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    translations: tuple[str, ...]
    finished: bool

    def name(self) -> str:
        return f"[{self.context}] {self.source!r}"


def messages(language: str) -> list[Message]:
    root = ET.parse(I18N / f"tareaid_{language}.ts").getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            numerus = message.get("numerus") == "yes"
            forms = (
                tuple(form.text or "" for form in translation.iter("numerusform"))
                if numerus
                else (translation.text or "",)
            )
            found.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    numerus=numerus,
                    translations=forms,
                    finished=translation.get("type") not in ("unfinished", "vanished", "obsolete"),
                )
            )
    return found


# --- what the code asks to translate ------------------------------------------------------


@dataclass(frozen=True)
class Call:
    where: str
    context: str
    source: str
    comment: str
    numerus: bool
    in_fstring: bool


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def translated_calls(path: Path) -> tuple[list[Call], list[str]]:
    """Every self.tr / translate / QT_TRANSLATE_NOOP call with a literal text in a module,
    and the calls pyside6-lupdate cannot read (keyword arguments)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls: list[Call] = []
    problems: list[str] = []
    relative = path.relative_to(ROOT)

    def visit(node: ast.AST, cls: str, in_fstring: bool) -> None:
        if isinstance(node, ast.ClassDef):
            for child in node.body:
                visit(child, node.name, in_fstring)
            return
        if isinstance(node, ast.JoinedStr):
            for child in ast.iter_child_nodes(node):
                visit(child, cls, True)
            return
        if isinstance(node, ast.Call):
            function = node.func
            name = getattr(function, "attr", getattr(function, "id", None))
            args = node.args
            where = f"{relative}:{node.lineno}"
            is_self_tr = (
                name == "tr"
                and isinstance(function, ast.Attribute)
                and isinstance(function.value, ast.Name)
                and function.value.id == "self"
            )
            if is_self_tr or name in ("translate", "QT_TRANSLATE_NOOP"):
                first = 0 if is_self_tr else 1
                context = cls if is_self_tr else _literal(args[0]) if args else None
                text = _literal(args[first]) if len(args) > first else None
                if context is not None and text is not None:
                    comment = _literal(args[first + 1]) if len(args) > first + 1 else None
                    calls.append(
                        Call(
                            where,
                            context,
                            text,
                            comment or "",
                            len(args) > first + 2,
                            in_fstring,
                        )
                    )
                if node.keywords:
                    problems.append(f"{where}: keyword arguments (lupdate reads positions only)")
        for child in ast.iter_child_nodes(node):
            visit(child, cls, in_fstring)

    for node in tree.body:
        visit(node, "", False)
    return calls, problems


def all_calls() -> tuple[list[Call], list[str]]:
    calls, problems = [], []
    for path in sorted(UI.rglob("*.py")):
        found, wrong = translated_calls(path)
        calls += found
        problems += wrong
    return calls, problems


def test_lupdate_extracts_every_string_the_code_translates():
    """The catalogue holds every literal the code translates, as the code writes it.

    pyside6-lupdate silently skips a call inside an f-string, reads \\N{...} escapes
    literally and knows plural forms only from self.tr(text, comment, n): each of those
    would leave a string untranslated at run time."""
    calls, problems = all_calls()
    assert calls, "no translated string found in tareaid/ui"
    catalogue = {(m.context, m.source, m.comment): m for m in messages("zh_CN")}
    for call in calls:
        key = (call.context, call.source, call.comment)
        if call.in_fstring:
            problems.append(f"{call.where}: inside an f-string, lupdate does not see it")
        elif key not in catalogue:
            problems.append(
                f"{call.where}: [{call.context}] {call.source!r} is not in the catalogue "
                "(new, or written so that lupdate misreads it: a \\N{...} escape instead of "
                "the character itself)"
            )
        elif catalogue[key].numerus != call.numerus:
            problems.append(
                f"{call.where}: [{call.context}] {call.source!r}: plural forms "
                f"{'expected' if call.numerus else 'not expected'} (self.tr(text, '', n) "
                "is the form lupdate reads)"
            )
    assert not problems, "\n".join(problems) + f"\n\nTo fix the catalogue: {HOW_TO_UPDATE}."
    # And nothing in the catalogue that the code no longer asks for.
    asked = {(c.context, c.source, c.comment) for c in calls}
    unused = [m.name() for m in catalogue.values() if (m.context, m.source, m.comment) not in asked]
    assert not unused, "in the catalogue but not in the code:\n" + "\n".join(unused)


def test_the_catalogues_and_compiled_files_are_current():
    problems = _updater().stale()
    assert not problems, "\n".join(problems) + f"\n\n{HOW_TO_UPDATE}."


@pytest.mark.parametrize("language", SHIPPED)
def test_every_message_is_translated(language):
    unfinished = [
        m.name()
        for m in messages(language)
        if not m.finished or not all(form.strip() for form in m.translations)
    ]
    assert not unfinished, (
        f"{len(unfinished)} strings of the interface have no {language} translation:\n"
        + "\n".join(unfinished)
        + f"\n\n{HOW_TO_UPDATE}."
    )


def test_the_english_catalogue_holds_the_plural_forms_of_every_plural_message():
    plurals = {(m.context, m.source) for m in messages("zh_CN") if m.numerus}
    english = {(m.context, m.source): m for m in messages("en")}
    assert plurals, "no plural message found"
    assert plurals == set(english)
    for message in english.values():
        one, many = message.translations
        assert "(s)" not in one + many, message.name()
        assert one != many, message.name()


PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n|%\d")


def _mnemonic(text: str) -> str | None:
    found = re.findall(r"&([^&\s])", text.replace("&&", ""))
    return found[0].lower() if found else None


@pytest.mark.parametrize("language", SHIPPED)
def test_translations_keep_placeholders_and_mnemonics(language):
    """A translation fills the same placeholders and keeps the keyboard mnemonic's letter
    (written the Chinese way after the words, "文件(&F)"), so that a menu's or a dialog's
    Alt-letters stay unique in every language."""
    problems = []
    for message in messages(language):
        wanted = sorted(PLACEHOLDER.findall(message.source))
        for form in message.translations:
            found = sorted(PLACEHOLDER.findall(form))
            if message.numerus and "%n" not in message.source:
                found = [item for item in found if item != "%n"]
            if found != wanted:
                problems.append(f"{message.name()}: placeholders {found} instead of {wanted}")
            if _mnemonic(form) != _mnemonic(message.source):
                problems.append(
                    f"{message.name()}: mnemonic {_mnemonic(form)!r} instead of "
                    f"{_mnemonic(message.source)!r}"
                )
    assert not problems, "\n".join(problems)


def test_every_word_the_domain_gives_the_interface_is_listed_for_translation():
    """Field labels and help, groups, choices, tiers, outcomes and severities come from the
    domain in English; the interface translates them (tareaid/ui/vocabulary.py lists them)."""
    from tareaid.domain.fields import (
        CHOICE_LABELS,
        DECISION_OUTCOME_LABELS,
        FIELDS,
        OVERRIDE_TIERS,
        TIER_LABELS,
        Group,
    )
    from tareaid.domain.marks import SEVERITY_WORDS

    listed = {(m.context, m.source) for m in messages("zh_CN")}
    wanted = {("Field", spec.label) for spec in FIELDS}
    wanted |= {("FieldHelp", spec.help) for spec in FIELDS if spec.help}
    # Units in words ("years"); symbols (mm, Gy, mg/dL) stay as they are.
    wanted |= {("Unit", spec.unit) for spec in FIELDS if spec.unit.isalpha() and len(spec.unit) > 2}
    wanted |= {("FieldGroup", group.value) for group in Group}
    wanted |= {("Choice", label) for label in CHOICE_LABELS.values()}
    wanted |= {("Tier", label) for label in TIER_LABELS.values()}
    wanted |= {("TierWord", tier) for tier in OVERRIDE_TIERS}
    wanted |= {("DecisionOutcome", label) for label in DECISION_OUTCOME_LABELS.values()}
    wanted |= {("Severity", word) for words in SEVERITY_WORDS.values() for word in words}
    missing = sorted(wanted - listed)
    assert not missing, (
        "words of the domain not listed in tareaid/ui/vocabulary.py (they would show in "
        "English):\n" + "\n".join(f"[{context}] {text!r}" for context, text in missing)
    )
