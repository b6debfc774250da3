"""A repository that shows its case list at once and finishes opening in the background.

Importing the store (SQLAlchemy) costs several times what it takes to show the window, so
at start-up the desktop reads the first pages of the case list with the standard library
(``list_reader``) and opens the real :class:`~tareaid.store.repository.Repository` on a
worker thread once the window is on screen. :class:`OpeningRepository` stands in for it
meanwhile:

- ``count_cases`` and ``list_cases`` are answered by the list reader until the repository is
  open, then by the repository (the same query either way);
- ``verify_integrity`` waits for the repository without starting it, and can be stopped;
- everything else (reading a case, every write) waits for the repository, and raises what
  stopped it from opening, if anything did. There is one path for writes: the
  repository's.

Nothing here imports SQLAlchemy; the worker does.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tareaid.store.errors import StoreEnvironmentError, StoreError
from tareaid.store.list_reader import ListReader
from tareaid.store.location import sqlite_url
from tareaid.store.records import CaseSummary
from tareaid.store.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from tareaid.store.repository import Repository
    from tareaid.store.server_list_reader import ServerListReader

log = logging.getLogger(__name__)

# Where the worker is: importing the store (nothing to undo), opening the repository (a
# close waits for it), or done.
_IMPORTING, _OPENING, _DONE = "importing", "opening", "done"


def _open_repository(location: Path | str) -> Repository:
    from tareaid.store.repository import Repository

    # The integrity check is the caller's, as for any repository the window opens.
    return Repository.open(str(location), create=False, verify=False)


class OpeningRepository:
    """Stands in for a repository while it opens on a worker thread (see the module).

    ``start()`` begins opening it (the desktop calls it once the window has been painted);
    a call that needs the repository before then starts it too, and waits for it.
    ``on_opened(error)`` is called from the worker thread when opening has ended (error is
    None once the repository is open).
    """

    def __init__(
        self,
        reader: ListReader | ServerListReader,
        opener: Callable[[Path | str], Repository] = _open_repository,
    ) -> None:
        self._reader: ListReader | ServerListReader | None = reader
        self._opener = opener
        # A file (its path), or a database server (its URL: path None).
        self.path: Path | None = reader.path
        self._location: Path | str = reader.path or reader.location  # type: ignore[union-attr]
        self.url: str = sqlite_url(reader.path) if reader.path is not None else reader.url
        self._where = str(reader.path) if reader.path is not None else reader.url
        # Whether calls cross the network (the window shows its busy cursor then).
        self.is_server = reader.path is None
        self.schema_version: int = SCHEMA_VERSION
        self.on_opened: Callable[[BaseException | None], None] | None = None
        self._repository: Repository | None = None
        self._error: BaseException | None = None
        self._phase: str | None = None  # not started
        self._closed = False
        self._check_stopped = False
        self._changed = threading.Condition()

    def __repr__(self) -> str:
        state = "open" if self._repository is not None else "opening"
        return f"<OpeningRepository {self._where} ({state})>"

    # --- opening ------------------------------------------------------------------------

    def start(self) -> None:
        """Begin opening the repository on a worker thread (once; later calls do nothing)."""
        with self._changed:
            if self._phase is not None or self._closed:
                return
            self._phase = _IMPORTING
        # A daemon: a window closed during the import does not wait for it (see close()).
        threading.Thread(target=self._open, name="tareaid-store-open", daemon=True).start()

    @property
    def ready(self) -> bool:
        """Whether the repository is open (every call goes to it)."""
        return self._repository is not None

    @property
    def error(self) -> BaseException | None:
        """What stopped the repository from opening (None while opening, or once open)."""
        return self._error

    def repository(self) -> Repository:
        """The repository, waiting for it to open (and starting it if need be); raises what
        stopped it from opening."""
        if self._repository is None:
            log.debug("waiting for the store to open")
            self.start()
        return self._wait()

    def _wait(self, stop: Callable[[], bool] = lambda: False) -> Repository:
        with self._changed:
            while self._phase != _DONE and not self._closed and not stop():
                self._changed.wait()
            if self._repository is not None:
                return self._repository
            if self._error is not None:
                raise self._error
            if stop():
                raise StoreEnvironmentError(
                    f"{self._where}: the integrity check was stopped before it finished"
                )
        raise StoreEnvironmentError(f"{self._where}: the database was closed")

    def _open(self) -> None:
        opened: Repository | None = None
        error: BaseException | None = None
        try:
            # Importing has no effect outside this process: a window closed meanwhile does
            # not wait for it, and nothing is opened once it is closed.
            from tareaid.store import repository as _store  # noqa: F401

            with self._changed:
                if self._closed:
                    return
                self._phase = _OPENING
            opened = self._opener(self._location)
        except StoreError as failure:
            log.warning("the database could not be opened: %s", type(failure).__name__)
            error = failure
        except BaseException as failure:  # a bug: handed to whoever waits, and reported
            error = failure
        finally:
            with self._changed:
                if opened is not None and self._closed:
                    opened.close()
                    opened = None
                self._repository = opened
                self._error = error
                self._phase = _DONE
                self._changed.notify_all()
            if opened is not None:
                self._close_reader()
            callback = self.on_opened
            if callback is not None and not self._closed:
                callback(error)

    def close(self) -> None:
        """Close the repository, or stop it from opening. Waits only for an open under way
        (milliseconds), not for the import before it (which ends on its own)."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()
            while self._phase == _OPENING:
                self._changed.wait()
            repository, self._repository = self._repository, None
        self._close_reader()
        if repository is not None:
            repository.close()

    def _close_reader(self) -> None:
        with self._changed:
            reader, self._reader = self._reader, None
        if reader is not None:
            reader.close()

    # --- the list: the reader until the repository is open ---------------------------------

    def count_cases(self, search: str | None = None, **options: Any) -> int:
        return self._lister().count_cases(search, **options)

    def list_cases(self, search: str | None = None, **options: Any) -> list[CaseSummary]:
        return self._lister().list_cases(search, **options)

    def _lister(self) -> Any:
        repository = self._repository
        if repository is not None:
            return repository
        reader = self._reader
        if reader is not None:
            return reader
        return self.repository()

    # --- the integrity check: waits for the open, never starts it --------------------------

    def verify_integrity(self) -> None:
        """As Repository.verify_integrity, once the repository is open (a worker thread
        calls it; stop_integrity_check stops the wait as it stops the check)."""
        self._wait(lambda: self._check_stopped).verify_integrity()

    @property
    def checking_integrity(self) -> bool:
        repository = self._repository
        return repository is not None and repository.checking_integrity

    def stop_integrity_check(self) -> None:
        with self._changed:
            self._check_stopped = True
            self._changed.notify_all()
            repository = self._repository
        if repository is not None:
            repository.stop_integrity_check()

    # --- other clients' changes: watched once open, never waited for -----------------------

    def watch(
        self, on_change: Callable[[frozenset[str] | None], None], *, interval_s: float = 0.5
    ) -> WatchOnceOpen:
        """As Repository.watch, from when the repository is open: the window starts
        watching as it is shown, which must not wait for the store."""
        return WatchOnceOpen(self, on_change, interval_s)

    # --- everything else: the repository ----------------------------------------------------

    def __getattr__(self, name: str) -> Any:
        # Only for names not defined above: reading a case, every write, backups, the board.
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.repository(), name)


class WatchOnceOpen:
    """A watcher of an :class:`OpeningRepository`: waits on a thread of its own for the
    repository to open, then runs the repository's own watcher until stopped. Nothing is
    watched if the repository does not open (the window reports that itself)."""

    def __init__(
        self,
        opening: OpeningRepository,
        on_change: Callable[[frozenset[str] | None], None],
        interval_s: float,
    ) -> None:
        self._opening = opening
        self._on_change = on_change
        self._interval_s = interval_s
        self._stopped = False
        self._watcher: Any = None
        self._thread = threading.Thread(target=self._run, name="tareaid-watch-open", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            repository = self._opening._wait(lambda: self._stopped)
        except StoreError:
            return
        watcher = repository.watch(self._on_change, interval_s=self._interval_s)
        with self._opening._changed:
            if not self._stopped:
                self._watcher, watcher = watcher, None
        if watcher is not None:
            watcher.stop()  # stopped while it was starting

    @property
    def running(self) -> bool:
        return not self._stopped and (self._thread.is_alive() or self._watcher is not None)

    def stop(self, timeout_s: float = 5.0) -> None:
        with self._opening._changed:
            self._stopped = True
            watcher, self._watcher = self._watcher, None
            self._opening._changed.notify_all()
        if watcher is not None:
            watcher.stop(timeout_s)
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout_s)
