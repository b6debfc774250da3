"""The busy cursor, for the short database calls the GUI thread makes itself.

Opening a database, reading a page of the list, loading a case and saving it are quick on
an SQLite file and bounded on a server (its connect, lock and statement timeouts), but a
server is across a network: while such a call runs, the pointer says the window is busy.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from tareaid.ui.qt import Qt, QtWidgets


@contextlib.contextmanager
def busy_cursor(active: bool = True) -> Iterator[None]:
    """Show the wait cursor for the duration of the block (nothing when not `active`)."""
    app = QtWidgets.QApplication.instance()
    if not active or not isinstance(app, QtWidgets.QApplication):
        yield
        return
    QtWidgets.QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QtWidgets.QApplication.restoreOverrideCursor()


def on_server(repository: object) -> bool:
    """Whether calls to this repository cross the network (a database server)."""
    return bool(getattr(repository, "is_server", False))
