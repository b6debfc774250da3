"""Watching a database for changes saved by other clients, so that open views refresh.

A watcher runs on its own thread with its own connection and calls ``on_change(cases)``
from that thread when another client has committed a change: ``cases`` are the references
concerned, or None when it cannot tell which (any case may have changed, or an agenda).
Changes this process made are not reported: the views heard of them already.

- A server: ``LISTEN`` on the channel every writer ``NOTIFY``s in its transaction (see
  ``connection.Database.write``); the payload names the cases and the writer's token, which
  tells this process's own announcements apart. Notices arrive when the change commits. If
  the connection breaks, the watcher connects again (waiting a little longer each time) and
  reports "any case", since announcements may have been missed meanwhile.
- An SQLite file: every ``interval_s`` (0.5 s) one ``PRAGMA data_version``, which changes
  only when another connection committed; then the audit entries added since the last look,
  less those this process wrote (their hashes), name the cases.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable
from typing import Any

from tareaid.store import changelog, server, sqlite_file
from tareaid.store.connection import Database
from tareaid.store.errors import StoreError

log = logging.getLogger(__name__)

OnChange = Callable[[frozenset[str] | None], None]

POLL_S = 0.5
# How long start() waits for the watcher to be listening; a watcher that gets there later
# reports "any case" once, since a change may have slipped through meanwhile.
READY_S = 1.0
# Waits between attempts to reach a server again after the connection broke.
RETRY_S = (1.0, 2.0, 5.0, 10.0, 30.0)


class Watcher:
    """A running watcher; `stop()` ends it (and waits for its thread)."""

    def __init__(self, database: Database, on_change: OnChange, interval_s: float) -> None:
        self._database = database
        self._on_change = on_change
        self._interval_s = interval_s
        self._stopped = threading.Event()
        self._ready = threading.Event()
        self._waited = threading.Event()  # start() stopped waiting for readiness
        self._thread = threading.Thread(
            target=self._run, name=f"tareaid-watch-{database.token[:6]}", daemon=True
        )

    def start(self, ready_s: float = READY_S) -> Watcher:
        """Start watching; returns once the watcher listens (at most `ready_s` later), so
        that a change committed after this call is not missed."""
        self._database.watchers.append(self)
        self._thread.start()
        self._ready.wait(ready_s)
        self._waited.set()
        return self

    def _now_ready(self) -> None:
        """The watcher listens from now on; if start() gave up waiting, a change may have
        been committed unseen in between."""
        late = self._waited.is_set()
        self._ready.set()
        if late:
            self._report(None)

    def stop(self, timeout_s: float = 5.0) -> None:
        self._stopped.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout_s)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:  # pragma: no cover - the subclasses' loops
        raise NotImplementedError

    def _report(self, cases: frozenset[str] | None) -> None:
        try:
            self._on_change(cases)
        except Exception:
            # A listener's bug must not end the watching; it is logged with its stack (no
            # message: it may quote case data).
            log.error("a change listener failed", exc_info=False)
            log.debug("the listener's failure", exc_info=True)


class ServerWatcher(Watcher):
    """LISTEN for the announcements of other clients' writes."""

    def _run(self) -> None:
        attempt = 0
        missed = False
        while not self._stopped.is_set():
            try:
                connection = self._connect()
            except StoreError as error:
                log.info("change watcher: cannot reach the server (%s)", type(error).__name__)
                self._stopped.wait(RETRY_S[min(attempt, len(RETRY_S) - 1)])
                attempt += 1
                missed = True
                continue
            attempt = 0
            try:
                late = not self._ready.is_set() and self._waited.is_set()
                self._ready.set()
                if missed or late:
                    # Announcements made while nobody listened are lost: anything may have
                    # changed.
                    self._report(None)
                    missed = False
                self._listen(connection)
            except Exception as error:  # the connection broke: connect again
                if not _is_driver_error(error):
                    raise
                log.info("change watcher: the connection broke (%s)", type(error).__name__)
                missed = True
            finally:
                with contextlib.suppress(Exception):
                    connection.close()

    def _connect(self) -> Any:
        database = self._database
        assert database.target is not None
        with server.translated(database.where, database.target.waits):
            raw = database.engine.raw_connection()
            driver = raw.driver_connection
            # The listening connection never goes back to the pool.
            raw.detach()
            driver.autocommit = True
            driver.execute(f"LISTEN {server.CHANGES_CHANNEL}")
            return driver

    def _listen(self, connection: Any) -> None:
        token = self._database.token
        while not self._stopped.is_set():
            changed: set[str] = set()
            anything = False
            for notice in connection.notifies(timeout=self._interval_s):
                announcement = changelog.read_payload(notice.payload)
                if announcement is None or announcement.by == token:
                    continue
                if announcement.cases is None:
                    anything = True
                else:
                    changed |= announcement.cases
                    anything = anything or not announcement.cases
            if anything:
                self._report(None)
            elif changed:
                self._report(frozenset(changed))


class FileWatcher(Watcher):
    """Poll an SQLite file's data_version; name the cases from the new audit entries."""

    def __init__(self, database: Database, on_change: OnChange, interval_s: float) -> None:
        super().__init__(database, on_change, interval_s)
        database.own_entries = set() if database.own_entries is None else database.own_entries

    def _run(self) -> None:
        database = self._database
        path = database.path
        assert path is not None
        try:
            connection = sqlite3.connect(
                sqlite_file.read_only_uri(path),
                uri=True,
                timeout=database.busy_timeout_s,
                check_same_thread=False,
                isolation_level=None,
            )
        except sqlite3.Error as error:
            log.info("change watcher: cannot read the file (%s)", type(error).__name__)
            self._ready.set()
            return
        try:
            try:
                version = self._data_version(connection)
                seen = self._newest_entry(connection)
            finally:
                self._now_ready()
            while not self._stopped.wait(self._interval_s):
                try:
                    now = self._data_version(connection)
                    if now == version:
                        continue
                    version = now
                    seen = self._look(connection, seen)
                except sqlite3.Error as error:
                    # Locked or busy for a moment: look again at the next tick.
                    log.debug("change watcher: %s", type(error).__name__)
        finally:
            connection.close()

    @staticmethod
    def _data_version(connection: sqlite3.Connection) -> int:
        return int(connection.execute("PRAGMA data_version").fetchone()[0])

    @staticmethod
    def _newest_entry(connection: sqlite3.Connection) -> int:
        return int(connection.execute("SELECT coalesce(max(id), 0) FROM audit_entry").fetchone()[0])

    def _look(self, connection: sqlite3.Connection, seen: int) -> int:
        rows = connection.execute(
            "SELECT id, reference, entry_hash FROM audit_entry WHERE id > ? ORDER BY id", (seen,)
        ).fetchall()
        if not rows:
            return seen
        mine = self._database.take_own_entries({row[2] for row in rows})
        theirs = frozenset(row[1] for row in rows if row[2] not in mine)
        if theirs:
            self._report(theirs)
        return int(rows[-1][0])


def watch(database: Database, on_change: OnChange, *, interval_s: float = POLL_S) -> Watcher | None:
    """Start watching `database` for other clients' changes; None for an in-memory
    database, which no other client can reach."""
    if database.is_server:
        return ServerWatcher(database, on_change, interval_s).start()
    if database.path is not None:
        return FileWatcher(database, on_change, interval_s).start()
    return None


def _is_driver_error(error: BaseException) -> bool:
    if isinstance(error, StoreError):
        return True
    try:
        import psycopg
    except ImportError:  # pragma: no cover
        return False
    return isinstance(error, psycopg.Error)
