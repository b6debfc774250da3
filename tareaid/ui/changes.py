"""Change notices for Qt views, always on the GUI thread.

The editing service announces every change on a ``ChangeNotifier`` (tareaid.app.changes),
calling its listeners on whatever thread made the change: an import runs on a worker
thread, and a watcher of another client's saves would have its own. A Qt view must only be
touched from the GUI thread, so views do not subscribe to the notifier themselves: each
window owns one :class:`ChangeBridge`, which re-emits every notice as its ``published``
signal on the thread it lives on (the GUI thread) — at once when the notice comes from
that thread, queued when it comes from another. A view connects ``published`` to its own
``_on_changes_published`` slot, skips notices it caused (``notice.caused_by(self)``) and
refreshes what the rest concern.
"""

from __future__ import annotations

import threading

from tareaid.app.changes import ChangeNotice, ChangeNotifier
from tareaid.ui.qt import Qt, QtCore, Signal, Slot


class _Relay:
    """The notifier's listener: hands notices to the bridge until the bridge is gone.

    A plain object, so that the notifier never calls into a deleted QObject: once the bridge
    is stopped or destroyed, the relay leaves the notifier and drops what still arrives.
    """

    def __init__(self, bridge: ChangeBridge) -> None:
        self._lock = threading.Lock()
        self._bridge: ChangeBridge | None = bridge
        self._notifier: ChangeNotifier | None = None
        self._home = threading.get_ident()

    def __call__(self, notice: ChangeNotice) -> None:
        with self._lock:
            bridge = self._bridge
            if bridge is None:
                return
            if threading.get_ident() != self._home:
                # Posted to the GUI thread's event queue; the worker does not wait for it.
                bridge._arrived.emit(notice)
                return
        # On the GUI thread: the views see the change before the call that made it returns.
        bridge.published.emit(notice)

    @property
    def notifier(self) -> ChangeNotifier | None:
        return self._notifier

    def listen_to(self, notifier: ChangeNotifier | None) -> None:
        with self._lock:
            old, self._notifier = self._notifier, (notifier if self._bridge else None)
        if old is not None:
            old.unsubscribe(self)
        if self._notifier is not None:
            self._notifier.subscribe(self)

    def stop(self, *_destroyed: object) -> None:
        with self._lock:
            self._bridge = None
            old, self._notifier = self._notifier, None
        if old is not None:
            old.unsubscribe(self)


class ChangeBridge(QtCore.QObject):
    """Re-emits a notifier's change notices on this object's (the GUI) thread.

    Signals:
        published(object): a ChangeNotice; emitted on the thread this object lives on.
    """

    published = Signal(object)
    _arrived = Signal(object)

    def __init__(
        self, notifier: ChangeNotifier | None = None, parent: QtCore.QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._arrived.connect(self._on_arrived, Qt.ConnectionType.QueuedConnection)
        self._relay = _Relay(self)
        # When Qt deletes the bridge (its window closed), nothing may reach it any more.
        self.destroyed.connect(self._relay.stop)
        self._relay.listen_to(notifier)

    @property
    def notifier(self) -> ChangeNotifier | None:
        return self._relay.notifier

    def listen_to(self, notifier: ChangeNotifier | None) -> None:
        """Relay the notices of `notifier` (another database's, after a switch) from now on."""
        self._relay.listen_to(notifier)

    def stop(self) -> None:
        """Relay nothing more (the window is closing)."""
        self._relay.stop()

    @Slot(object)
    def _on_arrived(self, notice: ChangeNotice) -> None:
        self.published.emit(notice)
