"""How a failure reaches the desktop user, by who is to blame (see tareaid.errors).

Bad input and environment problems are explained where they happen, in words, by the
widget that asked (a field's inline message, a dialog with ways out). A bug is never
explained away: :func:`report_bug` shows the unexpected-error dialog with the details to
copy into a report, and the application goes on. Every background job (the task runner,
background calls, the board's PDF export) and every slot (through :func:`install_bug_hook`)
ends up here.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from tareaid import __version__
from tareaid.errors import blame
from tareaid.ui import dialogs
from tareaid.ui.i18n import QT_TRANSLATE_NOOP, translate
from tareaid.ui.qt import QtCore, QtWidgets

log = logging.getLogger(__name__)

# Translated where they are shown; the details (versions, traceback) stay as they are.
BUG_TITLE = QT_TRANSLATE_NOOP("Failures", "Unexpected error")
BUG_TEXT = QT_TRANSLATE_NOOP(
    "Failures",
    "Something went wrong inside TAREaid: this is a bug, not a problem with your data or "
    "your database. Your saved cases are safe; the last edit may not have been saved. "
    "TAREaid goes on working. Please report this with the details below (Copy details).",
)


def bug_details(error: BaseException) -> str:
    """What a bug report needs: the versions and the full traceback."""
    import platform  # only when there is a bug to report (it costs start-up ~2 ms)

    versions = (
        f"TAREaid {__version__} · Python {platform.python_version()} · "
        f"PySide6 {QtCore.__version__} (Qt {QtCore.qVersion()})\n{platform.platform()}"
    )
    return f"{versions}\n\n{''.join(traceback.format_exception(error))}"


def report_bug(parent: QtCore.QObject | None, error: BaseException, *, what: str = "") -> None:
    """Show a bug as the unexpected-error dialog; the application goes on.

    The log gets the error's type and where it happened, not its message: a bug's message
    may quote case data, and identifiers never go to a log. The dialog shows all of it to
    the user, who decides what to send.
    """
    where = "".join(traceback.format_tb(error.__traceback__))
    log.error("unexpected %s%s, at:\n%s", type(error).__name__, f" ({what})" if what else "", where)
    text = translate("Failures", BUG_TEXT)
    if what:
        text = translate("Failures", "{what}: {explanation}").format(
            what=what, explanation=f"{text[0].lower()}{text[1:]}"
        )
    dialogs.show_unexpected_error(
        _widget_of(parent), translate("Failures", BUG_TITLE), text, bug_details(error)
    )


def is_bug(error: BaseException) -> bool:
    """Whether `error` is TAREaid's own fault (neither bad input nor the environment)."""
    return blame(error) == "bug"


def install_bug_hook(window: QtWidgets.QWidget) -> None:
    """Send a bug raised in any slot, timer or event handler to the unexpected-error dialog
    over `window`, instead of a line on a terminal nobody reads."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if not isinstance(error, Exception):  # KeyboardInterrupt, SystemExit: not a bug
            sys.__excepthook__(kind, error, trace)
            return
        report_bug(window, error.with_traceback(trace))

    sys.excepthook = hook


def _widget_of(parent: QtCore.QObject | None) -> QtWidgets.QWidget | None:
    """The widget a dialog about `parent` belongs over: itself, its nearest widget owner,
    or the active window."""
    while parent is not None and not isinstance(parent, QtWidgets.QWidget):
        parent = parent.parent()
    if parent is None:
        return QtWidgets.QApplication.activeWindow()
    return parent
