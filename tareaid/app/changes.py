"""Change notices: what changed in the case database, told once to every open view.

Each write the editing service makes is announced after it succeeded as a small, immutable
:class:`ChangeNotice` (which cases, which kinds of change, and which object caused it) on a
:class:`ChangeNotifier`. A view subscribes and refreshes what the notice concerns; the object
that made the change finds itself as the notice's ``origin`` and skips its own echo, since
it has already shown the result. No view tells another to refresh.

Listeners are called on the thread that publishes, so a change made on a worker thread (an
import) is announced there; Qt views listen through ``tareaid.ui.changes.ChangeBridge``,
which brings every notice to the GUI thread. A change made outside this process can be
announced the same way: a watcher of the database (PostgreSQL ``LISTEN``/``NOTIFY``, SQLite's
``PRAGMA data_version``) publishes :meth:`ChangeNotice.from_elsewhere` on the same notifier,
from its own thread, and every view treats it as "these cases (or any case) may have
changed in any way".
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

Listener = Callable[["ChangeNotice"], None]


@dataclass(frozen=True)
class ChangeNotice:
    """One change to the stored cases, as the views need to know it.

    ``references`` are the cases whose stored data changed (for a rename, the old and the
    new reference). ``fields`` names the case fields that changed; ``overrides``,
    ``decision``, ``created`` and ``archive`` say whether tiers set by hand, the board's
    decision, the set of cases or a case's archived state changed; ``renamed`` pairs old
    and new references; ``agenda_dates`` are the boards whose agenda order changed.
    ``origin`` is the object that asked for the change (compared by identity, never shown).
    ``elsewhere`` marks a change made outside this process, whose details are unknown.
    """

    references: frozenset[str] = frozenset()
    fields: frozenset[str] = frozenset()
    overrides: bool = False
    decision: bool = False
    created: bool = False
    archive: bool = False
    renamed: tuple[tuple[str, str], ...] = ()
    agenda_dates: frozenset[date] = frozenset()
    origin: object | None = field(default=None, compare=False, repr=False)
    elsewhere: bool = False

    @classmethod
    def from_elsewhere(
        cls, references: Iterable[str] = (), *, origin: object | None = None
    ) -> ChangeNotice:
        """A change saved by another client: to these cases, or to any case when none is
        named, in ways the watcher cannot tell."""
        return cls(references=frozenset(references), origin=origin, elsewhere=True)

    def caused_by(self, candidate: object) -> bool:
        """Whether `candidate` made this change (and so has nothing to catch up on)."""
        return self.origin is not None and self.origin is candidate

    def affects(self, reference: str | None) -> bool:
        """Whether the stored data of this case may have changed."""
        if reference is None:
            return False
        if self.elsewhere and not self.references:
            return True
        return reference in self.references

    def renamed_to(self, reference: str | None) -> str | None:
        """The case's new reference, when this notice renamed it."""
        for old, new in self.renamed:
            if old == reference:
                return new
        return None

    def field_changed(self, name: str) -> bool:
        """Whether this case field may have changed (for any of the cases concerned)."""
        return self.elsewhere or name in self.fields

    @property
    def case_data_changed(self) -> bool:
        """Whether anything a case shows (fields, tiers, decision) may have changed."""
        return self.elsewhere or bool(self.fields) or self.overrides or self.decision

    @property
    def case_set_changed(self) -> bool:
        """Whether cases may have appeared, disappeared from lists or changed reference."""
        return self.elsewhere or self.created or self.archive or bool(self.renamed)

    def agenda_changed(self, board_date: date) -> bool:
        """Whether the agenda order of this board may have changed."""
        return self.elsewhere or board_date in self.agenda_dates


class ChangeNotifier:
    """Delivers each published notice to every listener subscribed at that moment.

    Thread-safe: listeners may subscribe, unsubscribe and publish from any thread; each
    listener is called on the publishing thread. A listener that raises does not keep the
    notice from the others; the first error is raised again once all have been called, so
    a bug in a view is reported as one.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: tuple[Listener, ...] = ()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(notice)` for every notice from now on; returns the unsubscriber."""
        with self._lock:
            self._listeners = (*self._listeners, listener)
        return lambda: self.unsubscribe(listener)

    def unsubscribe(self, listener: Listener) -> None:
        """Stop calling `listener` (no error when it was not subscribed)."""
        with self._lock:
            listeners = list(self._listeners)
            for index, known in enumerate(listeners):
                if known == listener:
                    del listeners[index]
                    break
            self._listeners = tuple(listeners)

    @property
    def listener_count(self) -> int:
        return len(self._listeners)

    def publish(self, notice: ChangeNotice) -> None:
        """Tell every listener about `notice`, on this thread."""
        with self._lock:
            listeners = self._listeners
        first_error: Exception | None = None
        for listener in listeners:
            try:
                listener(notice)
            except Exception as error:
                if first_error is None:
                    first_error = error
        if first_error is not None:
            raise first_error
