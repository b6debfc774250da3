"""Qt's own warnings go to TAREaid's log (and on to whatever handled them before).

Qt reports problems it recovers from (a missing font, a platform plugin that cannot do
something) as messages; without this they reach only a terminal nobody is watching.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from tareaid.ui.qt import QtCore

log = logging.getLogger("tareaid.qt")

_LEVELS = {
    QtCore.QtMsgType.QtDebugMsg: logging.DEBUG,
    QtCore.QtMsgType.QtInfoMsg: logging.DEBUG,
    QtCore.QtMsgType.QtWarningMsg: logging.WARNING,
    QtCore.QtMsgType.QtCriticalMsg: logging.ERROR,
    QtCore.QtMsgType.QtFatalMsg: logging.CRITICAL,
}

_installed: dict[str, Any] = {}


def log_qt_messages() -> None:
    """Install the handler once per process; earlier handlers still see every message."""
    if _installed:
        return

    def handler(kind: QtCore.QtMsgType, context: QtCore.QMessageLogContext, text: str) -> None:
        log.log(_LEVELS.get(kind, logging.WARNING), "%s", text)
        previous = _installed.get("previous")
        if previous is not None:
            previous(kind, context, text)
        else:  # what Qt's own handler does
            print(text, file=sys.stderr)

    _installed["handler"] = handler
    _installed["previous"] = QtCore.qInstallMessageHandler(handler)
