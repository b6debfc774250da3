"""The case list of a database server, read with psycopg alone before the store loads.

The server's counterpart of ``list_reader``: at start-up the window shows the first page of
the case list before SQLAlchemy is imported (importing the store costs ~0.5 s; psycopg
alone ~0.1 s). It runs the list query the store itself runs (``list_query``, in psycopg's
parameter style), in read-only transactions bounded by TAREaid's waits. It never writes.

Anything but a plain read is left to the store, which then opens the usual way with its
messages and ways out: no driver, a URL TAREaid's own parsing should judge, a server that
cannot be reached or wants a password the URL, ~/.pgpass or a service file did not give,
a database not at this TAREaid's schema version (new, to upgrade, or newer), and stored
summaries another TAREaid or evidence pack computed (re-assessed when the store opens).
"""

from __future__ import annotations

import importlib.util
import logging
import math
import threading
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from tareaid.store import list_query
from tareaid.store.errors import StoreInputError
from tareaid.store.location import SERVER_SCHEMES, display_location
from tareaid.store.schema import SCHEMA_VERSION
from tareaid.store.server import APPLICATION_NAME, DRIVER, WAIT_SETTINGS, read_waits

log = logging.getLogger(__name__)

# TAREaid's own URL parameters (see store.server): libpq would refuse some of them.
_OWN_PARAMETERS = tuple(WAIT_SETTINGS)


class ServerListReader(list_query.ListAnswers):
    """Counts and pages of the case list of one server database, read-only (see the
    module). One connection, used by one call at a time from any thread."""

    path = None  # not a file
    is_server = True

    def __init__(self, location: str, connection: Any) -> None:
        self.location = location
        self.url = display_location(location)
        self._connection = connection
        self._lock = threading.Lock()

    @classmethod
    def for_url(cls, location: str, assessed_with: str) -> ServerListReader | None:
        """A reader for the server database at `location`, or None when the store must
        open it the usual way (see the module). Never raises for a database problem."""
        conninfo = _libpq_url(location)
        if conninfo is None or importlib.util.find_spec(DRIVER) is None:
            return None
        import psycopg

        try:
            waits = read_waits(conninfo[1], display_location(location))
        except StoreInputError:
            return None  # the store refuses it, saying why
        try:
            connection = psycopg.connect(
                conninfo[0],
                connect_timeout=max(2, math.ceil(waits.connect_s)),
                application_name=APPLICATION_NAME,
                autocommit=True,
            )
        except psycopg.Error as error:
            # A password to ask for, a server out of reach: the store says which.
            log.debug("quick list read not possible: %s", type(error).__name__)
            return None
        try:
            # Every statement of this session only reads (autocommit: no BEGIN to mark).
            connection.execute("SET default_transaction_read_only = on")
            connection.execute(f"SET statement_timeout = {int(waits.statement_s * 1000)}")
            version = connection.execute("SELECT version FROM tareaid_schema").fetchone()
            stale_sql, stale_params = list_query.pyformat(list_query.stale_summaries(assessed_with))
            current = version is not None and version[0] == SCHEMA_VERSION
            if not current or connection.execute(stale_sql, stale_params).fetchone():
                connection.close()
                return None
        except psycopg.Error as error:
            # Not TAREaid's, not set up, not allowed: the store explains.
            log.debug("quick list read not possible: %s", type(error).__name__)
            connection.close()
            return None
        return cls(location, connection)

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def _fetch(self, query: list_query.Query, *, mappings: bool) -> list[Any]:
        from psycopg.rows import dict_row, tuple_row

        sql, params = list_query.pyformat(query)
        row_factory = dict_row if mappings else tuple_row
        with self._lock, self._connection.cursor(row_factory=row_factory) as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()


def _libpq_url(location: str) -> tuple[str, dict[str, str]] | None:
    """The URL as libpq takes it (TAREaid's own parameters taken out), and those
    parameters; None for a URL the store's own parsing should judge."""
    try:
        parts = urlsplit(location)
    except ValueError:
        return None
    scheme, _, driver = parts.scheme.partition("+")
    if scheme.lower() not in SERVER_SCHEMES or driver not in ("", DRIVER):
        return None
    query = parse_qsl(parts.query, keep_blank_values=True)
    own = {key: value for key, value in query if key in _OWN_PARAMETERS}
    rest = [(key, value) for key, value in query if key not in _OWN_PARAMETERS]
    return urlunsplit(("postgresql", parts.netloc, parts.path, urlencode(rest), "")), own
