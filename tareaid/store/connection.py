"""Opening a case database and talking to it safely: files, in-memory SQLite and servers.

This module owns the `Database`: the engine and where it points, one read or write
transaction at a time per caller, SQLite's pragmas, BEGIN IMMEDIATE for every write, the
translation of SQLite's errors into messages that name the file, and the integrity check
that must pass before anything is written. `open_database` decides, reading only, whether a
database may be opened at all, creates a missing one, recovers a file after a crash and
brings an older schema up to date through the ladder (``migrations``) after a backup copy
(``backups``: the pre-upgrade kind, in the folder of automatic backups).

Rules it enforces, whoever calls it:
- every write is one transaction started with BEGIN IMMEDIATE, so it is kept whole or not
  at all and two writers never interleave a read and a write;
- a file is written only after it passed SQLite's quick_check (now, or on a worker thread:
  writes wait for it);
- a foreign, damaged or newer file is left exactly as it was.

Thread use: the engine is shared, connections are not. Each transaction takes its own
connection from the pool and returns it, so a Database may be used from worker threads.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.pool import QueuePool, StaticPool

from tareaid.store import backups, migrations, sqlite_file
from tareaid.store.errors import (
    DamagedDatabaseError,
    DatabaseMissingError,
    NotADatabaseError,
    StoreEnvironmentError,
    StoreError,
    StoreInputError,
)
from tareaid.store.location import database_file, is_url, sqlite_path_of_url, sqlite_url
from tareaid.store.schema import APPLICATION_ID, SCHEMA_VERSION

log = logging.getLogger(__name__)

DEFAULT_BUSY_TIMEOUT_S = sqlite_file.DEFAULT_BUSY_TIMEOUT_S
# The page cache of a bulk write (KiB): enough for the indexes of a 10,000-case import.
BULK_CACHE_KIB = 16_000


class Database:
    """One open case database: its engine, where it is, and its transactions."""

    url: str
    path: Path | None
    schema_version: int

    def __init__(
        self,
        engine: Engine,
        *,
        url: str,
        path: Path | None,
        schema_version: int,
        busy_timeout_s: float,
    ) -> None:
        self.engine = engine
        self.url = url
        self.path = path
        self.schema_version = schema_version
        self.busy_timeout_s = busy_timeout_s
        self._file_key = sqlite_file.register_open(path) if path is not None else None
        self._closed = False
        # The integrity check (quick_check) of a file: passed, failed (its message), or not
        # run yet. Writes wait for it (see verify_integrity); reads do not need it.
        self.integrity_passed = path is None
        self._integrity_failure: str | None = None
        self._integrity_lock = threading.Lock()
        # The read-only connection of a check in progress, so another thread can stop it.
        self._checking: sqlite3.Connection | None = None
        self._checking_stopped = False
        self._checking_guard = threading.Lock()

    @property
    def where(self) -> str:
        """The database as messages name it: its file, or its URL without a password."""
        return str(self.path) if self.path is not None else display_url(self.url)

    def close(self) -> None:
        """Close every connection (SQLite then checkpoints and removes its -wal file)."""
        if self._closed:
            return
        self._closed = True
        self.stop_integrity_check()
        self.engine.dispose()
        sqlite_file.unregister_open(self._file_key)

    # --- transactions -------------------------------------------------------------------

    def guard(self) -> contextlib.AbstractContextManager[None]:
        """SQLite's environment errors (locked, read-only, full) as StoreErrors naming the
        file."""
        return sqlite_file.translated(self.where, busy_timeout_s=self.busy_timeout_s)

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE on SQLite): all of it or none of it.

        Never on a file that has not passed its integrity check: waits for the check (or
        runs it) first.
        """
        self.verify_integrity()
        with self.guard(), self.engine.connect() as connection, connection.begin():
            if connection.dialect.name == "postgresql":
                # Serialises writers like SQLite's write lock does, so the audit hash chain
                # cannot fork.
                connection.execute(text("LOCK TABLE audit_entry IN EXCLUSIVE MODE"))
            yield connection

    @contextlib.contextmanager
    def bulk_write(self) -> Iterator[Connection]:
        """A write transaction for many rows at once (an import): as `write`, on SQLite
        with a larger page cache while it lasts. The indexes of 10,000 new rows outgrow
        SQLite's default cache of 2 MB, which then costs ~40% of the insert time."""
        with self.write() as connection:
            if connection.dialect.name != "sqlite":
                yield connection
                return
            previous = connection.exec_driver_sql("PRAGMA cache_size").scalar()
            connection.exec_driver_sql(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
            try:
                yield connection
            finally:
                # Back to the usual size before the connection returns to the pool.
                with contextlib.suppress(DBAPIError):
                    connection.exec_driver_sql(f"PRAGMA cache_size={int(previous)}")

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        """One read transaction: a consistent snapshot that does not block writers."""
        with self.guard(), self.engine.connect() as connection:
            connection.execution_options(tareaid_begin="DEFERRED")
            with connection.begin():
                yield connection

    # --- the integrity check ------------------------------------------------------------

    def verify_integrity(self) -> None:
        """Make sure the file passed SQLite's quick_check; DamagedDatabaseError if not.

        The check reads only, through a read-only connection of its own, so it may run on
        a worker thread while the database is used (reads go on; every write waits for it,
        and after a failure every write is refused with the same error). The answer is
        kept: once passed, later calls return at once. Nothing to do for a database that
        was opened with `verify=True` (the default) or is not a file.
        """
        if self.integrity_passed:
            return
        with self._integrity_lock:
            if self.integrity_passed:
                return
            if self._integrity_failure is not None:
                raise DamagedDatabaseError(self._integrity_failure)
            problems = self._run_integrity_check()
            if problems:
                assert self.path is not None
                error = sqlite_file.damaged(self.path, problems)
                self._integrity_failure = error.message
                log.error("the integrity check found damage: %s", problems[0])
                raise error
            self.integrity_passed = True

    @property
    def checking_integrity(self) -> bool:
        """Whether verify_integrity is reading the file right now (a write would wait)."""
        return self._checking is not None

    def stop_integrity_check(self) -> None:
        """Interrupt a verify_integrity running on another thread: it raises StoreError and
        the file counts as not checked (the next write checks it first)."""
        with self._checking_guard:
            if self._checking is not None:
                self._checking_stopped = True
                self._checking.interrupt()

    def _run_integrity_check(self) -> list[str]:
        path = self.path
        assert path is not None
        with self._checking_guard:
            if self._closed:
                raise StoreEnvironmentError(
                    f"{path}: the database was closed before it was checked"
                )
            with self.guard():
                connection = sqlite3.connect(
                    sqlite_file.read_only_uri(path),
                    uri=True,
                    timeout=self.busy_timeout_s,
                    check_same_thread=False,
                )
            self._checking = connection
            self._checking_stopped = False
        try:
            problems = sqlite_file.integrity_problems(connection)
        finally:
            with self._checking_guard:
                self._checking = None
                stopped = self._checking_stopped
            connection.close()
        if stopped:
            raise StoreEnvironmentError(
                f"{path}: the integrity check was stopped before it finished"
            )
        return problems


# --- opening --------------------------------------------------------------------------------


def open_database(
    db: str | None = None,
    *,
    create: bool = True,
    busy_timeout_s: float | None = None,
    verify: bool = True,
) -> Database:
    """Open the database at a path, URL or (None) the default location.

    Everything is checked reading only before the file is opened for writing: the SQLite
    signature, TAREaid's application_id, the schema version and quick_check. An older schema
    is upgraded in one transaction after a backup copy of the file; a newer one, a damaged
    file or another program's file is refused and left untouched. `create` makes a missing
    database (with owner-only permissions). A write waits up to `busy_timeout_s` (default
    5 s) for another program's write to finish.

    `verify=False` leaves out quick_check, which reads the whole file (~0.3-0.8 s at 100,000
    cases), for a caller that runs `verify_integrity` itself, e.g. on a worker thread once
    its window is up. The cheap checks still come first, and nothing is written before the
    check has passed: an upgrade runs it first, and every write waits for it.
    """
    if busy_timeout_s is None:
        busy_timeout_s = sqlite_file.DEFAULT_BUSY_TIMEOUT_S
    if db is not None and is_url(db) and sqlite_path_of_url(db) is None:
        if db.split("://", 1)[0].split("+", 1)[0].lower() == "sqlite":
            return _open_memory(db, busy_timeout_s)
        return _open_server(db, create=create)
    path = database_file(db)
    assert path is not None
    return _open_file(path, create=create, busy_timeout_s=busy_timeout_s, verify=verify)


def _open_file(path: Path, *, create: bool, busy_timeout_s: float, verify: bool) -> Database:
    if not path.exists() and not path.is_symlink():
        if not create:
            raise DatabaseMissingError(f"no database at {path} (nothing was created)")
        if sqlite_file.create_database_file(path, _build_new_file):
            log.info("created a new database")
    elif path.is_dir():
        raise NotADatabaseError(f"{path}: is a folder, not a database file")
    inspection = sqlite_file.inspect(path, busy_timeout_s=busy_timeout_s, quick_check=verify)
    sqlite_file.ensure_writable(path)
    database = Database(
        _file_engine(path, busy_timeout_s),
        url=sqlite_url(path),
        path=path,
        schema_version=inspection.schema_version,
        busy_timeout_s=busy_timeout_s,
    )
    # A file in need of recovery was not checked yet; _recover checks it.
    database.integrity_passed = verify and not inspection.needs_recovery
    try:
        with database.guard():
            if inspection.needs_recovery:
                _recover(database)
            if database.schema_version < SCHEMA_VERSION:
                _upgrade_file(database)
    except BaseException:
        database.close()
        raise
    return database


def _build_new_file(temp: Path) -> None:
    """Build a new, empty database in `temp` by climbing the whole ladder."""
    engine = _file_engine(temp, DEFAULT_BUSY_TIMEOUT_S)
    try:
        with engine.connect() as connection:
            _driver(connection).execute(f"PRAGMA application_id={APPLICATION_ID}")
            migrations.upgrade(connection, where=str(temp))
    finally:
        engine.dispose()


def _recover(database: Database) -> None:
    """Let SQLite roll back a crashed transaction's journal, then check the file again
    (quick_check included, whatever `verify` said: this is the rare path after a crash)."""
    assert database.path is not None
    with database.engine.connect() as connection:
        database.schema_version = sqlite_file.verify(_driver(connection), database.path)
    database.integrity_passed = True
    log.info("recovered from an interrupted transaction")


def _upgrade_file(database: Database) -> None:
    """Bring an older file up to date: a backup copy first, then every step in one
    transaction (see migrations.upgrade)."""
    path = database.path
    assert path is not None
    # Never upgrade (write) a file that has not passed its integrity check.
    database.verify_integrity()

    taken: list[Path] = []

    def back_up(_old: int, _new: int) -> None:
        # Taken while the upgrade holds the write lock, so it is exactly the database the
        # upgrade starts from. A failure raises: no upgrade without its copy.
        backup = backups.take_backup(
            path, backups.BEFORE_UPGRADE, busy_timeout_s=database.busy_timeout_s
        )
        taken.append(backup)

    with database.engine.connect() as connection:
        try:
            database.schema_version = migrations.upgrade(
                connection, where=str(path), before=back_up
            )
        except DamagedDatabaseError as error:
            if not taken:
                raise
            copy = taken[0].relative_to(path.parent)
            raise DamagedDatabaseError(
                f"{error.message} (a copy from before is in {copy})"
            ) from None


def _open_memory(url: str, busy_timeout_s: float) -> Database:
    # A private in-memory database (tests, previews): one connection shared by all.
    def connect() -> sqlite3.Connection:
        return sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)

    engine = create_engine("sqlite://", creator=connect, poolclass=StaticPool)
    _configure_sqlite(engine, busy_timeout_s)
    with engine.connect() as connection:
        _driver(connection).execute(f"PRAGMA application_id={APPLICATION_ID}")
        version = migrations.upgrade(connection, where=url)
    return Database(
        engine, url=url, path=None, schema_version=version, busy_timeout_s=busy_timeout_s
    )


def _open_server(url: str, *, create: bool) -> Database:
    # A database server (e.g. PostgreSQL, for a department sharing one database): built
    # and upgraded by the same ladder as a file.
    shown = display_url(url)
    try:
        engine = create_engine(url, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError, ImportError) as error:
        raise StoreInputError(
            f"{shown}: cannot use this database URL ({error})", exit_code=1
        ) from None
    try:
        with engine.connect() as connection:
            with connection.begin():
                version = migrations.stored_version(connection)
            if version is None and not create:
                raise DatabaseMissingError(f"{shown}: holds no TAREaid database")
            if version is not None and version > SCHEMA_VERSION:
                raise migrations.newer_schema(shown, version)
            if version != SCHEMA_VERSION:
                version = migrations.upgrade(connection, where=shown)
    except StoreError:
        engine.dispose()
        raise
    except DBAPIError as error:
        engine.dispose()
        # The driver's message may quote the URL; the password must not be shown.
        detail = str(error).replace(url, shown)
        raise StoreEnvironmentError(f"{shown}: cannot connect to the database ({detail})") from None
    return Database(
        engine, url=url, path=None, schema_version=version, busy_timeout_s=DEFAULT_BUSY_TIMEOUT_S
    )


# --- engines ----------------------------------------------------------------------------------


def _file_engine(path: Path, busy_timeout_s: float) -> Engine:
    def connect() -> sqlite3.Connection:
        # isolation_level=None: the driver sends no BEGIN of its own; the "begin" event
        # below sends BEGIN IMMEDIATE or BEGIN DEFERRED (SQLAlchemy's pysqlite recipe).
        return sqlite3.connect(
            path, timeout=busy_timeout_s, check_same_thread=False, isolation_level=None
        )

    engine = create_engine(
        "sqlite://", creator=connect, poolclass=QueuePool, pool_size=4, max_overflow=8
    )
    _configure_sqlite(engine, busy_timeout_s, wal=True)
    return engine


def _configure_sqlite(engine: Engine, busy_timeout_s: float, *, wal: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            if wal:
                # Set when the file was created; a database from elsewhere (an older
                # fixture, a restored copy in rollback mode) is switched on first open.
                mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
                if str(mode).lower() != "wal":
                    cursor.execute("PRAGMA journal_mode=WAL")
            # FULL: a committed change survives a power cut, not only a crash (~0.2 ms).
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_s * 1000)}")
            cursor.execute("PRAGMA foreign_keys=ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # IMMEDIATE takes the write lock at the start, so a transaction that reads and then
        # writes can never lose to another writer halfway (SQLITE_BUSY_SNAPSHOT); reads
        # ask for DEFERRED and never block writers.
        mode = connection.get_execution_options().get("tareaid_begin", "IMMEDIATE")
        connection.exec_driver_sql(f"BEGIN {mode}")


def _driver(connection: Connection) -> sqlite3.Connection:
    dbapi = connection.connection.driver_connection
    assert isinstance(dbapi, sqlite3.Connection)
    return dbapi


def display_url(url: str) -> str:
    """A database URL fit for a message: any password replaced by ***."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url.split("://", 1)[0] + "://…"
