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
- a foreign, damaged or newer file is left exactly as it was;
- on a database server (``server``) every writer first takes one advisory lock, so writes
  are serialised as SQLite's are, every wait is bounded, the server's errors become
  messages, and a committed change is announced to the other clients (NOTIFY);
- a password never leaves this object: ``url`` and ``where`` show a URL without it.

Thread use: the engine is shared, connections are not. Each transaction takes its own
connection from the pool and returns it, so a Database may be used from worker threads.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import QueuePool, StaticPool

from tareaid.store import audit, backups, changelog, migrations, server, sqlite_file
from tareaid.store.errors import (
    DamagedDatabaseError,
    DatabaseMissingError,
    NotADatabaseError,
    PermissionDeniedError,
    StoreEnvironmentError,
    StoreInputError,
)
from tareaid.store.location import (
    database_file,
    display_location,
    is_server_url,
    is_url,
    sqlite_path_of_url,
    sqlite_url,
)
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
        target: server.ServerTarget | None = None,
        login: str | None = None,
    ) -> None:
        self.engine = engine
        # Shown, logged and remembered: never with a password.
        self.url = display_location(url)
        self.path = path
        self.schema_version = schema_version
        self.busy_timeout_s = busy_timeout_s
        # A database server: how to reach it and how long to wait (None for SQLite).
        self.target = target
        # The database login the server knows this client by (None for SQLite).
        self.login = login
        # Marks this process's change announcements, so that its watcher skips them.
        self.token = secrets.token_hex(8)
        # The hashes of the audit entries this process wrote while a watcher of an SQLite
        # file needs to tell them from another program's (None: nobody is watching).
        self.own_entries: set[str] | None = None
        self._own_lock = threading.Lock()
        # Watchers of other clients' changes (store.watch), stopped before closing.
        self.watchers: list[Any] = []
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
        return str(self.path) if self.path is not None else self.url

    @property
    def is_server(self) -> bool:
        return self.target is not None

    def close(self) -> None:
        """Close every connection (SQLite then checkpoints and removes its -wal file)."""
        if self._closed:
            return
        self._closed = True
        for watcher in self.watchers:
            watcher.stop()
        self.stop_integrity_check()
        self.engine.dispose()
        sqlite_file.unregister_open(self._file_key)

    # --- transactions -------------------------------------------------------------------

    def guard(self) -> contextlib.AbstractContextManager[None]:
        """The environment's errors as StoreErrors naming the database: SQLite's (locked,
        read-only, full) or the server's (unreachable, refused, busy, lost, full)."""
        if self.target is not None:
            return server.translated(self.where, self.target.waits)
        return sqlite_file.translated(self.where, busy_timeout_s=self.busy_timeout_s)

    @contextlib.contextmanager
    def write(self, *, serialise: bool = True) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE on SQLite, the writers' advisory lock on
        a server): all of it or none of it.

        Never on a file that has not passed its integrity check: waits for the check (or
        runs it) first. On a server, what the transaction changed is announced to the other
        clients as it commits.

        `serialise=False` (a server only) leaves taking the writers' lock to the caller, who
        calls `serialise(connection)` just before its first write: its reads and its own
        work then happen while other writers commit. Only a change whose every write is
        guarded by the version it read (a stale read changes nothing) may do that.
        """
        self.verify_integrity()
        with self.guard(), self.engine.connect() as connection:
            written = changelog.begin(connection)
            try:
                with connection.begin():
                    if serialise:
                        self.serialise(connection)
                    yield connection
                    if self.target is not None and written:
                        # Delivered to listeners only if and when the transaction commits.
                        connection.execute(
                            select(
                                func.pg_notify(server.CHANGES_CHANNEL, written.payload(self.token))
                            )
                        )
                    # Before the commit, so that a watcher of this file never sees these
                    # entries without knowing they are this process's.
                    self._remember_own(written.entry_hashes)
            finally:
                changelog.end(connection)

    def serialise(self, connection: Connection) -> None:
        """Take the writers' lock for the rest of this write transaction (on a server; on
        SQLite, BEGIN IMMEDIATE took the file's lock already). Taken once; waits at most
        the lock timeout."""
        written = connection.info.get(changelog.INFO_KEY)
        if self.target is None or (written is not None and written.serialised):
            return
        # Serialises writers like SQLite's write lock does, so the audit hash chain cannot
        # fork. An advisory lock needs no privilege on any table.
        connection.execute(select(func.pg_advisory_xact_lock(server.WRITE_LOCK_KEY)))
        if written is not None:
            written.serialised = True

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
            if self.target is not None:
                # One snapshot for every statement of the read (a case row and its
                # overrides agree), and nothing written by mistake.
                connection.execution_options(
                    isolation_level="REPEATABLE READ", postgresql_readonly=True
                )
            else:
                connection.execution_options(tareaid_begin="DEFERRED")
            with connection.begin():
                yield connection

    def _remember_own(self, hashes: list[str]) -> None:
        if hashes:
            with self._own_lock:
                if self.own_entries is not None:
                    self.own_entries.update(hashes)

    def take_own_entries(self, hashes: set[str]) -> set[str]:
        """Which of these audit entry hashes this process wrote (and forget them)."""
        with self._own_lock:
            if self.own_entries is None:
                return set()
            mine = hashes & self.own_entries
            self.own_entries -= mine
            return mine

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
    password: str | None = None,
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

    A server URL (``postgresql://…``) opens the server's database; `password` (typed by the
    user) is used for it and kept in memory only.
    """
    if busy_timeout_s is None:
        busy_timeout_s = sqlite_file.DEFAULT_BUSY_TIMEOUT_S
    if db is not None and is_url(db) and sqlite_path_of_url(db) is None:
        if db.split("://", 1)[0].split("+", 1)[0].lower() == "sqlite":
            return _open_memory(db, busy_timeout_s)
        if not is_server_url(db):
            scheme = db.split("://", 1)[0]
            raise StoreInputError(
                f"{display_location(db)}: TAREaid opens SQLite files and PostgreSQL servers "
                f"(postgresql://…), not {scheme}:// URLs",
                exit_code=2,
            )
        return _open_server(db, create=create, password=password)
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


def _open_server(db: str, *, create: bool, password: str | None) -> Database:
    # A database server (PostgreSQL, for a department sharing one database): built and
    # upgraded by the same ladder as a file, by its owner (see server_admin).
    target = server.server_target(db, password)
    engine = server.create_server_engine(target)
    where = target.where
    try:
        with server.translated(where, target.waits), engine.connect() as connection:
            with connection.begin():
                version = migrations.stored_version(connection)
                login = audit.database_login(connection)
            if version is None and not create:
                raise DatabaseMissingError(f"{where}: holds no TAREaid database")
            if version is not None and version > SCHEMA_VERSION:
                raise migrations.newer_schema(where, version)
            if version != SCHEMA_VERSION:
                version = _upgrade_server(connection, target, version)
    except BaseException:
        engine.dispose()
        raise
    return Database(
        engine,
        url=db,
        path=None,
        schema_version=version,
        busy_timeout_s=target.waits.lock_s,
        target=target,
        login=login,
    )


def _upgrade_server(
    connection: Connection, target: server.ServerTarget, version: int | None
) -> int:
    """Climb the ladder on a server; a login that may not change the schema is told who
    can (its owner, through server-init)."""
    where = target.where
    try:
        with server.translated(where, target.waits):
            return migrations.upgrade(connection, where=where)
    except PermissionDeniedError:
        now = (
            "holds no TAREaid tables yet"
            if version is None
            else f"is at schema version {version} and needs version {SCHEMA_VERSION}"
        )
        raise PermissionDeniedError(
            f"{where}: {now}, and this login may not change the schema; the database's owner "
            'runs: tareaid server-init URL (README, "Shared database"). Nothing was changed'
        ) from None


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
    return display_location(url)
