"""Live refresh: changes other clients save reach this process's views within a second.

`LiveUpdates` asks the store to watch the database (``Repository.watch``: LISTEN/NOTIFY on
a server, ``PRAGMA data_version`` on an SQLite file) and turns each change it reports into
``ChangeNotice.from_elsewhere(references)`` on the editing service's notifier, from the
watcher's thread. Every view already listens there (through its window's ChangeBridge, on
the GUI thread) and treats such a notice as "these cases may have changed in any way": a
list reads them again, an open case without unsaved edits is read again, one with unsaved
edits meets the change as a conflict. Nothing is overwritten.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from tareaid.app.changes import ChangeNotice

if TYPE_CHECKING:
    from tareaid.app.editing import EditingService
    from tareaid.store.watch import Watcher

log = logging.getLogger(__name__)


class LiveUpdates:
    """Watches the editing service's database while started; publishes other clients'
    changes on its notifier."""

    def __init__(self, editing: EditingService, *, interval_s: float = 0.5) -> None:
        self.editing = editing
        self.interval_s = interval_s
        self._watcher: Watcher | None = None

    @property
    def running(self) -> bool:
        return self._watcher is not None and self._watcher.running

    def start(self) -> None:
        if self._watcher is not None:
            return
        self._watcher = self.editing.repository.watch(self._on_change, interval_s=self.interval_s)
        if self._watcher is not None:
            log.debug("watching the database for other clients' changes")

    def stop(self) -> None:
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            watcher.stop()

    def _on_change(self, references: frozenset[str] | None) -> None:
        # From the watcher's thread; the notifier hands it to every view (each window's
        # bridge brings it to the GUI thread).
        self.editing.notifier.publish(ChangeNotice.from_elsewhere(references or ()))
