"""Start the desktop application: QApplication, appearance, database, main window.

`run_app` is what `tareaid` without a subcommand calls. It opens the database (offering
ways out when it cannot: another file, a new database, a backup, quit), shows the main
window and runs the event loop. With `smoke=True` it waits only until the window has been
shown and painted, closes it cleanly and returns 0: the packaging and start-up check.

The database's integrity check (which reads the whole file) is not part of start-up: the
window runs it on a worker thread once it is shown (see MainWindow). Nor, for a database that
needs nothing but reading, is loading the store: the window shows the case list read with the
standard library, and the store opens on a worker thread after the first paint (see
`ui.database.open_quickly`).
"""

from __future__ import annotations

import importlib.resources
import logging
import sys
import tempfile
import time
from pathlib import Path

from tareaid import __version__
from tareaid.diagnostics import database_location
from tareaid.store.errors import StoreError
from tareaid.ui import i18n, theme
from tareaid.ui.database import open_database, open_plainly, open_quickly
from tareaid.ui.failures import install_bug_hook
from tareaid.ui.main_window import MainWindow
from tareaid.ui.qt import QtCore, QtGui, QtWidgets, versions
from tareaid.ui.qt_messages import log_qt_messages
from tareaid.ui.settings import APPLICATION, ORGANISATION, Settings

log = logging.getLogger("tareaid.ui.app")

# If a smoke run is never painted (a broken platform plugin), give up rather than hang.
SMOKE_TIMEOUT_MS = 30_000


def app_icon() -> QtGui.QIcon:
    """The application icon (SVG, sharp at any scale)."""
    resource = importlib.resources.files("tareaid.resources") / "icons" / "tareaid.svg"
    with importlib.resources.as_file(resource) as path:
        return QtGui.QIcon(str(path))


def make_application(argv: list[str] | None = None) -> QtWidgets.QApplication:
    """The one QApplication, named so QSettings and the desktop find TAREaid."""
    # Long work (import, export, PDF) runs on worker threads, but in Python. A worker
    # holding the GIL keeps it for up to the switch interval (default 5 ms) every time the
    # GUI thread asks for it, and a repaint asks for it once per Python call (the list
    # model's data(), ~800 calls for the case table): an import through the menu stalled
    # the GUI thread for 200-600 ms. Measured at 100,000 cases: 0.5 ms still gave 100-190
    # ms stalls, 0.1 ms gives 60-90 ms, and the import takes no longer.
    sys.setswitchinterval(0.0001)
    app = QtWidgets.QApplication.instance()
    if not isinstance(app, QtWidgets.QApplication):
        app = QtWidgets.QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("TAREaid")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.tareaid.TAREaid")
    app.setWindowIcon(app_icon())
    # English until the user's language is known (its catalogue holds the plural forms).
    i18n.install(app, i18n.current())
    return app


def run_app(db: str | None = None, smoke: bool = False) -> int:
    """Run the desktop application on `db` (None: the default database); the exit code.

    A smoke run changes nothing of the user's: its settings live in memory only, and
    without `db` it opens a throw-away database instead of the default one.
    """
    if not smoke:
        return _run(db, smoke=False)
    with tempfile.TemporaryDirectory(prefix="tareaid-smoke-") as scratch:
        return _run(db or str(Path(scratch) / "smoke.sqlite3"), smoke=True)


def _run(db: str | None, *, smoke: bool) -> int:
    started = time.monotonic()
    app = make_application()
    log_qt_messages()
    log.info(
        "desktop: %s",
        ", ".join(f"{name} {value}" for name, value in versions().items()),
    )
    settings = Settings.in_memory() if smoke else Settings()
    i18n.install(app, settings.language())
    theme.apply_theme(app, settings.theme())
    # A database that needs nothing but reading shows its list before the store is
    # loaded; the store opens once the window is on screen (see open_quickly).
    database = open_quickly(db)
    if database is None and smoke:
        # Nobody is there to answer a dialog: report the problem and fail.
        try:
            database = open_plainly(db)
        except StoreError as error:
            log.warning("smoke test: the database could not be opened (%s)", type(error).__name__)
            print(f"tareaid: error: {error.message}", file=sys.stderr)
            return 1
    elif database is None:
        # The default database is made on first use; one named with --db or TAREAID_DB that
        # is not there is created only when the user says so (it may be a typo).
        database = open_database(None, db, create=db is None)
        if database is None:
            log.info("no database was opened; the application ends")
            return 1
    log.info("database: %s", database_location(database.label))
    # A smoke run leaves nothing behind, automatic backups included.
    window = MainWindow(database, settings, automatic_backups=not smoke)
    window.first_painted.connect(
        lambda: log.info("window shown %.2f s after start", time.monotonic() - started)
    )
    result = {"code": 0}
    if smoke:

        def close_after_paint() -> None:
            QtCore.QTimer.singleShot(0, window.close)

        def timed_out() -> None:
            result["code"] = 1
            print("tareaid: error: the window was never painted", file=sys.stderr)
            window.close()

        window.first_painted.connect(close_after_paint)
        QtCore.QTimer.singleShot(SMOKE_TIMEOUT_MS, timed_out)
    else:
        install_bug_hook(window)
    if window.start_maximized and not smoke:
        window.showMaximized()
    else:
        window.show()
    code = app.exec()
    return result["code"] or code or window.exit_code
