"""The case list of a database file, read with the standard library before the store loads.

At start-up the window shows the first page of the case list before SQLAlchemy is imported
(importing the store costs ~0.4-0.6 s, several times what it takes to show the window). This
module reads the list from an SQLite file with ``sqlite3``, read-only, through the list
query the store itself runs (``list_query``: the same columns, order and search, and the
same CaseSummary for a row), after the same header checks the store makes before it opens a
file (``sqlite_file``). It never writes.

A file that needs anything but reading first is left to the store: one that does not exist
yet (it is created), one of an older schema (upgraded, after a backup), one left by a crash
in rollback mode (recovered), one whose stored summaries another TAREaid or evidence pack
computed (re-assessed), and any file the checks refuse (the store refuses it again, with
its ways out). So is a database server.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tareaid import files
from tareaid.store import list_query, sqlite_file
from tareaid.store.schema import SCHEMA_VERSION


class ListReader(list_query.ListAnswers):
    """Counts and pages of the case list of one SQLite file, read-only (see the module).

    Each call reads through its own read-only connection (``sqlite_file``), so a reader may
    be used from any thread and holds nothing open between calls.
    """

    def __init__(self, path: Path, *, busy_timeout_s: float) -> None:
        self.path = path
        self.busy_timeout_s = busy_timeout_s
        # While it exists the file counts as open in this process: the store's header check
        # then reads through SQLite instead of open() (closing a descriptor of the file
        # would drop the POSIX locks of this reader's connections).
        self._open_key = files.note_open(path)

    @classmethod
    def for_file(
        cls,
        path: Path,
        assessed_with: str,
        *,
        busy_timeout_s: float = sqlite_file.DEFAULT_BUSY_TIMEOUT_S,
    ) -> ListReader | None:
        """A reader for `path`, or None when the store must open the file first (it does
        not exist, needs an upgrade or recovery, or holds summaries to re-assess).

        Raises the store's StoreError for a file the store would refuse (not a database,
        another program's, a newer TAREaid's, cut short, read-only, locked): reading
        nothing from it, the caller lets the store refuse it with its ways out.
        """
        if not os.path.isfile(path):
            return None
        header = sqlite_file.read_header(path)
        if header is None:
            return None  # open in this process already: the store knows it
        sqlite_file.check_identity(path, header.application_id, header.user_version)
        if header.user_version != SCHEMA_VERSION or os.path.lexists(f"{path}-journal"):
            return None
        sqlite_file.ensure_writable(path)
        reader = cls(path, busy_timeout_s=busy_timeout_s)
        try:
            with reader._connection() as connection:
                # SQLite's own view (a commit still in the write-ahead log may be newer
                # than the header read above).
                version = sqlite_file.verify(connection, path, quick_check=False)
                stale = list_query.stale_summaries(assessed_with)
                needs_store = version != SCHEMA_VERSION or bool(
                    connection.execute(stale.sql, stale.params).fetchone()
                )
        except BaseException:
            reader.close()
            raise
        if needs_store:
            reader.close()
            return None
        return reader

    def close(self) -> None:
        files.note_closed(self._open_key)
        self._open_key = None

    def _fetch(self, query: list_query.Query, *, mappings: bool) -> list[Any]:
        with self._connection() as connection:
            if mappings:
                connection.row_factory = sqlite3.Row
            return connection.execute(query.sql, query.params).fetchall()

    @contextlib.contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        with (
            sqlite_file.translated(self.path, busy_timeout_s=self.busy_timeout_s),
            sqlite_file.read_only_connection(
                self.path, busy_timeout_s=self.busy_timeout_s
            ) as connection,
        ):
            yield connection
