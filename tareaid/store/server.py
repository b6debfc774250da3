"""Database servers (PostgreSQL through psycopg 3): the engine, its bounded waits, and what
the server's refusals mean.

A department shares one database on a PostgreSQL server. This module turns the URL a user
gives into an engine that never waits without bound, and the server's errors into the
store's messages:

- the URL: ``postgresql://`` (or ``postgres://``) is read as ``postgresql+psycopg://``, so
  SQLAlchemy never goes looking for another driver; a missing driver says what to install.
  Everything else in the URL (``sslmode``, ``sslrootcert``, ``service``, ``options``, ...) is
  libpq's and passes through untouched; a password comes from the URL, ``~/.pgpass``
  (``PGPASSFILE``), a service file (``PGSERVICEFILE``), ``PGPASSWORD``, or is handed in by
  the caller (the desktop's prompt) and kept in memory only;
- the waits: connecting, waiting for another user's lock and running one statement are each
  bounded (:class:`Waits`: 5 s, 5 s and 30 s unless the URL's ``connect_timeout``,
  ``lock_timeout`` or ``statement_timeout`` parameter, in seconds, or the environment's
  ``TAREAID_PG_CONNECT_TIMEOUT``, ``TAREAID_PG_LOCK_TIMEOUT`` or
  ``TAREAID_PG_STATEMENT_TIMEOUT`` says otherwise; the URL wins);
- the errors: unreachable, login refused or a password needed, a privilege missing (named
  with its object), the disk full, the connection lost, busy (a lock or statement timeout,
  a deadlock): each a :class:`~tareaid.store.errors.StoreError` naming the database without
  its password; anything else a server says about itself is an environment error too, and
  only TAREaid's own mistakes (bad SQL, a broken constraint) stay bugs.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import math
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from tareaid.store.errors import (
    AuthenticationError,
    ConnectionLostError,
    DatabaseBusyError,
    DatabaseMissingError,
    DiskFullError,
    DriverMissingError,
    PasswordNeededError,
    PermissionDeniedError,
    ReadOnlyDatabaseError,
    ServerUnreachableError,
    StoreEnvironmentError,
    StoreError,
    StoreInputError,
)
from tareaid.store.location import SERVER_SCHEMES, display_location

log = logging.getLogger(__name__)

DRIVER = "psycopg"
DRIVER_INSTALL = "pip install 'tareaid[postgres]'"
APPLICATION_NAME = "TAREaid"

# The lock every writer takes (pg_advisory_xact_lock), so that writes never interleave and
# the audit trail's hash chain cannot fork. An advisory lock needs no privilege on a table
# (LOCK TABLE ... IN EXCLUSIVE MODE would need UPDATE, DELETE or TRUNCATE on the trail).
WRITE_LOCK_KEY = 0x5441524557  # "TAREW"

# Where a writer announces what it changed (NOTIFY), for other clients' live refresh.
CHANGES_CHANNEL = "tareaid_changes"

ENV_CONNECT_TIMEOUT = "TAREAID_PG_CONNECT_TIMEOUT"
ENV_LOCK_TIMEOUT = "TAREAID_PG_LOCK_TIMEOUT"
ENV_STATEMENT_TIMEOUT = "TAREAID_PG_STATEMENT_TIMEOUT"


@dataclass(frozen=True)
class Waits:
    """How long TAREaid waits on a server, in seconds (0 would mean "for ever": refused)."""

    connect_s: float = 5.0
    lock_s: float = 5.0
    statement_s: float = 30.0


# URL parameter → (Waits field, environment variable).
WAIT_SETTINGS = {
    "connect_timeout": ("connect_s", ENV_CONNECT_TIMEOUT),
    "lock_timeout": ("lock_s", ENV_LOCK_TIMEOUT),
    "statement_timeout": ("statement_s", ENV_STATEMENT_TIMEOUT),
}


def _seconds(text: str, what: str, where: str) -> float:
    """A wait in seconds: "5", "2.5", "5s" or "500ms"."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*", text or "")
    value = float(match.group(1)) / (1000 if match.group(2) == "ms" else 1) if match else 0.0
    if not match or value <= 0:
        raise StoreInputError(
            f"{where}: {what} must be a number of seconds greater than 0 (got {text!r})",
            exit_code=2,
        )
    return value


@dataclass(frozen=True)
class ServerTarget:
    """What it takes to reach one server database: the URL for SQLAlchemy (psycopg driver,
    TAREaid's own parameters taken out), the waits, and the password handed in, if any."""

    url: Any  # sqlalchemy.engine.URL
    waits: Waits
    password: str | None
    where: str


def server_target(db: str, password: str | None = None) -> ServerTarget:
    """Read a server URL: the driver made explicit, the waits taken from it (or from the
    environment), everything else passed on to libpq as it is."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    where = display_location(db)
    scheme, _, rest = db.partition("://")
    base, _, driver = scheme.partition("+")
    if base.lower() not in SERVER_SCHEMES:
        raise StoreInputError(f"{where}: not a PostgreSQL URL", exit_code=2)
    if driver and driver.lower() != DRIVER:
        raise StoreInputError(
            f"{where}: TAREaid talks to PostgreSQL through psycopg 3; write the URL as "
            f"postgresql://… (not {scheme}://…)",
            exit_code=2,
        )
    try:
        url = make_url(f"postgresql+{DRIVER}://{rest}")
    except (ArgumentError, ValueError) as error:
        raise StoreInputError(f"{where}: is not a database URL ({error})", exit_code=2) from None
    query = dict(url.query)
    waits = read_waits(query, where)
    for parameter in WAIT_SETTINGS:
        query.pop(parameter, None)
    return ServerTarget(url.set(query=query), waits, password or None, where)


def read_waits(given: Mapping[str, Any], where: str) -> Waits:
    """TAREaid's waits from a URL's parameters (the last of a repeated one), else from the
    environment, else the defaults; StoreInputError for a value that is not a wait."""
    values: dict[str, float] = {}
    for parameter, (field, variable) in WAIT_SETTINGS.items():
        value = given.get(parameter)
        if isinstance(value, tuple):
            value = value[-1]
        if value is not None:
            values[field] = _seconds(str(value), parameter, where)
        elif os.environ.get(variable):
            values[field] = _seconds(os.environ[variable], variable, where)
    return Waits(**values)


def require_driver(where: str) -> None:
    """DriverMissingError, saying what to install, when psycopg 3 is not there."""
    if importlib.util.find_spec(DRIVER) is None:
        raise DriverMissingError(
            f"{where}: a PostgreSQL server needs the psycopg 3 driver, which is not "
            f"installed; install it with: {DRIVER_INSTALL} (the packaged TAREaid includes it)"
        )


def create_server_engine(target: ServerTarget) -> Any:
    """An engine for the server: pooled connections checked before use, every connection
    with TAREaid's waits; nothing connects yet."""
    from sqlalchemy import create_engine, event

    require_driver(target.where)
    connect_args: dict[str, Any] = {
        # libpq counts whole seconds (and treats 1 as 2).
        "connect_timeout": max(2, math.ceil(target.waits.connect_s)),
        "application_name": APPLICATION_NAME,
    }
    if target.password is not None:
        connect_args["password"] = target.password
    engine = create_engine(
        target.url,
        pool_pre_ping=True,
        pool_size=5,
        max_overflow=10,
        # Waiting for a free pooled connection is bounded like connecting.
        pool_timeout=target.waits.connect_s,
        connect_args=connect_args,
    )
    lock_ms = int(target.waits.lock_s * 1000)
    statement_ms = int(target.waits.statement_s * 1000)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: object) -> None:
        # Session settings: a wait for another user's lock (a writer, an upgrade) and every
        # statement end with an error instead of hanging the window.
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET lock_timeout = {lock_ms}")
            cursor.execute(f"SET statement_timeout = {statement_ms}")
        dbapi_connection.commit()

    return engine


# --- what the server's errors mean ------------------------------------------------------------


def _driver_error(error: BaseException) -> Any:
    orig = getattr(error, "orig", None)
    return orig if orig is not None else error


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    # libpq says "connection failed: connection to server at …, port … failed: FATAL:  …".
    line = re.sub(r"^connection failed:\s*", "", line)
    return re.sub(r"\s+", " ", line.replace("FATAL:", "")).strip()


_UNREACHABLE = (
    "connection refused",
    "timeout expired",
    "could not translate host name",
    "failed to resolve host",
    "name or service not known",
    "no route to host",
    "network is unreachable",
    "could not connect to server",
    "the database system is starting up",
    "the database system is shutting down",
    "the database system is in recovery mode",
    "no such file or directory",  # a Unix socket that is not there
)
_LOST = (
    "server closed the connection unexpectedly",
    "terminating connection",
    "consuming input failed",
    "connection is lost",
    "connection is closed",
    "connection is bad",
    "ssl syscall error",
    "could not receive data from server",
    "could not send data to server",
)


def translate(error: BaseException, where: str, waits: Waits) -> StoreError | None:
    """The StoreError a server error means, naming `where`; None for TAREaid's own mistakes
    (a constraint, bad SQL), which stay bugs."""
    try:
        import psycopg
    except ImportError:  # pragma: no cover - no server error can happen without it
        return None
    orig = _driver_error(error)
    if not isinstance(orig, psycopg.Error):
        return None
    state = getattr(orig, "sqlstate", None) or ""
    diag = getattr(orig, "diag", None)
    primary = (getattr(diag, "message_primary", None) or "") if diag is not None else ""
    text = primary or _first_line(str(orig))
    lowered = str(orig).lower()
    if state == "42501" or "permission denied" in lowered or "must be owner" in lowered:
        return PermissionDeniedError(_permission_message(error, where, text))
    if state == "53100" or "no space left on device" in lowered or "disk full" in lowered:
        return DiskFullError(
            f"{where}: the database server's disk is full; the change was not saved and "
            "the database is unchanged. Tell the database's administrator"
        )
    if state in ("55P03", "40P01", "40001"):
        return DatabaseBusyError(
            f"{where}: the database is busy — another user is saving; try again (waited "
            f"{waits.lock_s:g} s). Nothing was changed"
        )
    if state == "57014":
        return DatabaseBusyError(
            f"{where}: the database server did not finish within {waits.statement_s:g} s "
            "(it may be busy or overloaded); nothing was changed. Try again"
        )
    if state == "53300" or "too many clients" in lowered or "remaining connection slots" in lowered:
        return DatabaseBusyError(
            f"{where}: the database server has no free connection just now (too many "
            "clients); nothing was changed. Try again in a moment"
        )
    if state == "3D000" or ("database" in lowered and "does not exist" in lowered and state == ""):
        return DatabaseMissingError(
            f"{where}: the server has no such database ({text}); its administrator creates "
            'it (README, "Shared database")'
        )
    if state == "25006":
        return ReadOnlyDatabaseError(
            f"{where}: the server accepts only reads (a standby or a read-only session); "
            "nothing was changed"
        )
    if "no password supplied" in lowered:
        return PasswordNeededError(
            f"{where}: the server asks for a password and none was given; put it in "
            "~/.pgpass (or the file PGPASSFILE names) or a service file, or type it when "
            "TAREaid asks"
        )
    if (
        state in ("28P01", "28000")
        or "password authentication failed" in lowered
        or "authentication failed" in lowered
        or "pg_hba.conf" in lowered
        or ("role" in lowered and "does not exist" in lowered)
    ):
        return AuthenticationError(
            f"{where}: the server refused the login ({text}); check the user name and "
            "password, or ask the database's administrator"
        )
    if state.startswith("08") or state in ("57P01", "57P02", "57P03") or _has(lowered, _LOST):
        if _has(lowered, _UNREACHABLE):
            return _unreachable(where, text, waits)
        return ConnectionLostError(
            f"{where}: the connection to the database server was lost ({text}); nothing of "
            "the interrupted change was kept. Try again"
        )
    if getattr(error, "connection_invalidated", False):
        return ConnectionLostError(
            f"{where}: the connection to the database server was lost ({text}); nothing of "
            "the interrupted change was kept. Try again"
        )
    if _has(lowered, _UNREACHABLE):
        return _unreachable(where, text, waits)
    if "ssl" in lowered or "certificate" in lowered or "gssapi" in lowered:
        return StoreEnvironmentError(
            f"{where}: the secure connection to the server could not be set up ({text}); "
            "check the URL's sslmode and sslrootcert, or ask the database's administrator"
        )
    if isinstance(orig, psycopg.OperationalError) or state.startswith(("53", "54", "58", "XX")):
        return StoreEnvironmentError(f"{where}: the database server reported a problem ({text})")
    return None


def _has(text: str, phrases: tuple[str, ...]) -> bool:
    return any(phrase in text for phrase in phrases)


def _unreachable(where: str, text: str, waits: Waits) -> ServerUnreachableError:
    return ServerUnreachableError(
        f"{where}: the database server cannot be reached ({text}; waited up to "
        f"{waits.connect_s:g} s); check the address and port, that the server is running "
        "and that the network lets you through, then try again"
    )


_OBJECT = re.compile(r"permission denied for (\w+) (\S+)")
_OWNER = re.compile(r"must be owner of (\w+) (\S+)")
_STATEMENT_PRIVILEGE = {
    "INSERT": "INSERT",
    "UPDATE": "UPDATE",
    "DELETE": "DELETE",
    "SELECT": "SELECT",
    "WITH": "SELECT",
    "TRUNCATE": "TRUNCATE",
    "CREATE": "CREATE",
    "ALTER": "ALTER",
    "DROP": "DROP",
    "LISTEN": "CONNECT",
}


def _permission_message(error: BaseException, where: str, text: str) -> str:
    """Which privilege on which object the login lacks, in the words a DBA grants it."""
    statement = str(getattr(error, "statement", "") or "").lstrip().upper()
    keyword = statement.split(None, 1)[0] if statement else ""
    owner = _OWNER.search(text)
    if owner:
        return (
            f"{where}: only the owner of {owner.group(1)} {owner.group(2)} may change it "
            "(the schema is created and upgraded by its owner: tareaid server-init); nothing "
            "was changed"
        )
    found = _OBJECT.search(text)
    kind, name = (found.group(1), found.group(2)) if found else ("", "")
    if kind == "sequence":
        privilege = "USAGE"
    elif kind == "schema":
        privilege = "CREATE" if keyword in ("CREATE", "ALTER") else "USAGE"
    elif kind == "database":
        privilege = "CONNECT" if keyword != "CREATE" else "CREATE"
    else:
        privilege = _STATEMENT_PRIVILEGE.get(keyword, "")
    thing = f"{kind} {name}" if found else "an object it needs"
    lacks = f"the {privilege} privilege on {thing}" if privilege else f"a privilege on {thing}"
    return (
        f"{where}: this database login lacks {lacks} ({text}); nothing was changed. Ask the "
        "database's administrator (tareaid server-init grants TAREaid's role what it needs)"
    )


@contextlib.contextmanager
def translated(where: str, waits: Waits) -> Iterator[None]:
    """Run a block, turning server errors into StoreErrors naming `where`."""
    from sqlalchemy.exc import DBAPIError

    try:
        yield
    except DBAPIError as error:
        problem = translate(error, where, waits)
        if problem is None:
            raise
        log.info("database server: %s (SQLSTATE %s)", type(problem).__name__, _state(error))
        raise problem from None
    except Exception as error:
        # psycopg's own errors, from a connection TAREaid holds directly (the watcher).
        problem = translate(error, where, waits) if _is_driver_error(error) else None
        if problem is None:
            raise
        raise problem from None


def _is_driver_error(error: BaseException) -> bool:
    try:
        import psycopg
    except ImportError:  # pragma: no cover
        return False
    return isinstance(error, psycopg.Error)


def _state(error: BaseException) -> str:
    return getattr(_driver_error(error), "sqlstate", None) or "none"
