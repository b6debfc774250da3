"""The fonts TAREaid ships, made available to Qt so that every script's names show on screen.

The PDF has always embedded the bundled fonts (resources/fonts); the windows used only the
system's, so on a machine without a CJK font a Chinese or Japanese name was a row of boxes.
Every TrueType font in that folder (whatever it holds: a Korean, Arabic or Indic font added
there lights up the same way) is registered with Qt's font database and put behind the
application's font as a fallback. Qt then picks, character by character, a font that has
the glyph, and shapes and orders the text itself (Arabic joining, right-to-left Hebrew).

Registering costs a few milliseconds (the files are not read whole: Qt maps them), and it
is done just after the main window's first paint, so start-up never waits for it. A
window that exists by then is repainted with the new fonts.
"""

from __future__ import annotations

import importlib.resources
import logging
from pathlib import Path

from tareaid.ui.qt import QtGui, QtWidgets

log = logging.getLogger("tareaid.ui.fonts")

_registered: list[str] | None = None


def font_files() -> list[Path]:
    """The TrueType fonts in the package's font folder, by name."""
    folder = Path(str(importlib.resources.files("tareaid.resources") / "fonts"))
    return sorted(path for path in folder.glob("*.ttf") if path.is_file())


def register_bundled_fonts() -> list[str]:
    """Register the bundled fonts with Qt (once) and make them fallbacks of the
    application's font; the font families now available, in file order."""
    global _registered
    if _registered is not None:
        return list(_registered)
    families: list[str] = []
    for path in font_files():
        font_id = QtGui.QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("font %s could not be registered", path.name)
            continue
        for family in QtGui.QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    _registered = families
    if families:
        # Behind whatever family the application asks for: a character the system's font
        # lacks is looked for in these, in order.
        for requested in _requested_families():
            known = QtGui.QFont.substitutes(requested)
            extra = [family for family in families if family not in known and family != requested]
            QtGui.QFont.insertSubstitutions(requested, extra)
        _repaint_windows()
    log.debug("fonts registered: %s", ", ".join(families) or "none")
    return list(families)


def _requested_families() -> list[str]:
    app = QtWidgets.QApplication.instance()
    names = [QtGui.QFont().family()]
    if isinstance(app, QtWidgets.QApplication):
        names.append(app.font().family())
    names += [
        QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.SystemFont.GeneralFont).family(),
        "Sans Serif",
    ]
    return list(dict.fromkeys(name for name in names if name))


def _repaint_windows() -> None:
    app = QtWidgets.QApplication.instance()
    if isinstance(app, QtWidgets.QApplication):
        for window in app.topLevelWidgets():
            if window.isVisible():
                window.update()


__all__ = ["font_files", "register_bundled_fonts"]
