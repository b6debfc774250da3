"""The interface's language: which one, the translators that give it, and the notes that
say what stays in English.

The interface is written in English in the code and goes through Qt's translation
machinery: ``self.tr("…")`` in a QObject subclass, ``translate("Context", "…")`` elsewhere,
``QT_TRANSLATE_NOOP("Context", "…")`` for a module constant (translated where it is shown).
``pyside6-lupdate`` extracts them into ``resources/i18n/tareaid_<language>.ts``;
``pyside6-lrelease`` compiles those into the ``.qm`` files shipped beside them
(``packaging/update_translations.py`` runs both). English needs a catalogue too, with the
plural forms only ("1 case" / "12 cases" from "%n case(s)").

What is not translated: the evidence content (everything from the evidence pack: figures,
claims, criteria, findings built from its templates, the alerts' and work-up fields' names,
the disclaimer) until a reviewed translation exists, and case data typed by users. The
headline's own words are interface text (``headline_text``); a headline stored with a case
is shown as the domain worded it, in English, with ``evidence_note``. Messages made below
the UI (the domain's and the store's errors), the command line, the PDF and the help pages
stay in English too. Where the interface shows evidence content or help in another
language, it says so (``evidence_note``, ``help_note``).

The language follows the system's, unless the user chose one (View › Language); it is set
once, before the main window is built, and a new choice takes effect at the next start.
"""

from __future__ import annotations

import importlib.resources
import logging
import re
from pathlib import Path

from tareaid.ui.qt import QtCore

log = logging.getLogger("tareaid.ui.i18n")

ENGLISH = "en"
SIMPLIFIED_CHINESE = "zh_CN"
# The interface languages shipped, with their names in their own language (a menu lists them
# in that form whatever the interface's language is).
SHIPPED: dict[str, str] = {ENGLISH: "English", SIMPLIFIED_CHINESE: "简体中文"}
# The same names in View › Language, each with an Alt-letter of its own.
MENU_NAMES: dict[str, str] = {ENGLISH: "&English", SIMPLIFIED_CHINESE: "简体中文 (&C)"}
CATALOGUE = "tareaid"

QT_TRANSLATE_NOOP = QtCore.QT_TRANSLATE_NOOP

_installed: list[QtCore.QTranslator] = []
_language: str | None = None


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the interface's language (`n` chooses the plural form of a "%n" text)."""
    return QtCore.QCoreApplication.translate(context, text, disambiguation, n)


def translations_folder() -> Path:
    """Where the compiled catalogues are (installed, in place and packaged)."""
    return Path(str(importlib.resources.files("tareaid.resources") / "i18n"))


def resolve(choice: str, locale: QtCore.QLocale | None = None) -> str:
    """The shipped language for a preference: 'en' or 'zh_CN' as such; 'system' (or anything
    unknown) the first of the system's interface languages that TAREaid ships, else English.

    Traditional Chinese is not shipped: a system that asks for it gets English, not
    Simplified Chinese through the bare "zh" Qt lists after it.
    """
    if choice in SHIPPED:
        return choice
    locale = locale or QtCore.QLocale.system()
    traditional = False
    for tag in locale.uiLanguages():
        candidate = QtCore.QLocale(tag)
        language = candidate.language()
        if language == QtCore.QLocale.Language.English:
            return ENGLISH
        if language == QtCore.QLocale.Language.Chinese:
            if candidate.script() == QtCore.QLocale.Script.TraditionalHanScript:
                traditional = True
            elif not traditional:
                return SIMPLIFIED_CHINESE
    return ENGLISH


def install(app: QtCore.QCoreApplication, choice: str = ENGLISH) -> str:
    """Give the interface the language of `choice` ('system', 'en' or 'zh_CN'), replacing any
    installed before; the language now used.

    Qt's own strings (the buttons of standard dialogs, a text field's menu) come from Qt's
    catalogue of the same language when it is there. A catalogue that cannot be read leaves
    the interface in English, with a warning in the log.
    """
    global _language
    language = resolve(choice)
    if language == _language and _installed:
        return language
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    catalogues = [(CATALOGUE, translations_folder())]
    if language != ENGLISH:
        qt_folder = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
        catalogues.insert(0, ("qtbase", Path(qt_folder)))
    for name, folder in catalogues:
        translator = QtCore.QTranslator(app)
        if translator.load(f"{name}_{language}", str(folder)):
            app.installTranslator(translator)
            _installed.append(translator)
        elif name == CATALOGUE:
            log.warning("the %s catalogue %s_%s.qm could not be read", language, name, language)
            if language != ENGLISH:
                return install(app, ENGLISH)
        else:
            log.info("Qt's own %s catalogue is not installed", language)
    _language = language
    # The calendar and Qt's dialogs speak the interface's language too; the system's own
    # conventions are kept when it speaks that language (or none: the "C" locale).
    system = QtCore.QLocale.system()
    chosen = QtCore.QLocale(language)
    keep = system.language() == chosen.language() or (
        language == ENGLISH and system.language() == QtCore.QLocale.Language.C
    )
    QtCore.QLocale.setDefault(system if keep else chosen)
    if language != ENGLISH:
        # The first screen is in Chinese: its fonts are registered before it is painted,
        # not after (as they are for names in an English interface).
        from tareaid.ui import fonts

        fonts.register_bundled_fonts()
    log.debug("interface language: %s (preference %s)", language, choice)
    return language


def translate_into(language: str, context: str, text: str) -> str:
    """`text` in a shipped language other than the installed one (a message that must be
    read in the language just chosen); the English text when there is no translation."""
    if language == ENGLISH:
        return text
    translator = QtCore.QTranslator()
    if not translator.load(f"{CATALOGUE}_{language}", str(translations_folder())):
        return text
    return translator.translate(context, text) or text


# A mnemonic written the Chinese way, after the words: "文件(&F)", "上一步 (&B)".
_TRAILING_MNEMONIC = re.compile(r"\s?[(（]&(.)[)）]")


def without_mnemonic(text: str) -> str:
    """A control's text as a screen reader says it: "&File" → "File", "文件(&F)" → "文件"."""
    return _TRAILING_MNEMONIC.sub("", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


def current() -> str:
    """The interface's language ('en' until another is installed)."""
    return _language or ENGLISH


def language_name(language: str) -> str:
    """A shipped language's name in its own language ('English', '简体中文')."""
    return SHIPPED.get(language, language)


# Said wherever English evidence content appears in an interface of another language.
EVIDENCE_NOTE = QT_TRANSLATE_NOOP("Evidence", "The evidence content is in English.")
HELP_NOTE = QT_TRANSLATE_NOOP("Help", "The help pages are in English for now.")


def evidence_note(*, always: bool = False) -> str:
    """That the evidence content is in English: '' in an English interface (unless
    `always`), the translated note in any other."""
    if current() == ENGLISH and not always:
        return ""
    return translate("Evidence", EVIDENCE_NOTE)


def help_note() -> str:
    """That the help pages are in English: '' in an English interface."""
    return "" if current() == ENGLISH else translate("Help", HELP_NOTE)


__all__ = [
    "ENGLISH",
    "EVIDENCE_NOTE",
    "HELP_NOTE",
    "MENU_NAMES",
    "QT_TRANSLATE_NOOP",
    "SHIPPED",
    "SIMPLIFIED_CHINESE",
    "current",
    "evidence_note",
    "help_note",
    "install",
    "language_name",
    "resolve",
    "translate",
    "translate_into",
    "translations_folder",
    "without_mnemonic",
]
