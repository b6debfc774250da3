"""The schema ladder: one sequence of Alembic revisions for SQLite files and database servers.

Every database, new or old, file or server, is built by the same revisions in
``versions/`` (0001 = schema version 1, 0002 = version 2, ...). A new database climbs the
whole ladder; an older one climbs from its own rung. A revision is frozen once released.

Where a database keeps its rung:
- Alembic's ``alembic_version`` table, written by every ladder run;
- a mark an older TAREaid understands, kept in step by every run: ``PRAGMA user_version``
  in an SQLite file (read from the file header, without opening SQLite) and the one-row
  ``tareaid_schema`` table on a server. Databases from before the ladder have only this
  mark; their first ladder run stamps the matching revision first, then climbs.

Start-up cost: Alembic takes ~0.1 s to import, so the opener compares the mark with
SCHEMA_VERSION first (the file header; `stored_version` on a server) and calls `upgrade`
only when they differ; this module imports Alembic only once it knows there is a step to
take.

`upgrade` runs the steps in one transaction: on SQLite under BEGIN IMMEDIATE with foreign
keys off (a table rebuilt by a batch operation would otherwise take rows of other tables
with it) and a foreign-key check before COMMIT; on PostgreSQL under an advisory lock, with
transactional DDL. A database marked with a newer version is refused untouched.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import logging
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Connection, Integer, MetaData, Table, inspect, select, text

from tareaid.store.errors import DamagedDatabaseError, StoreError
from tareaid.store.schema import (
    SCHEMA_VERSION,
    check_history,
    newer_schema,
    revision_of,
    version_of,
)

log = logging.getLogger(__name__)

VERSION_TABLE = "alembic_version"

# The version mark of a server database (its user_version), kept for older TAREaids.
_MARK_METADATA = MetaData()
SERVER_MARK = Table("tareaid_schema", _MARK_METADATA, Column("version", Integer, nullable=False))

# Serialises TAREaid's upgrades of one PostgreSQL database ("TARE").
_ADVISORY_LOCK_KEY = 0x54415245

# Foreign keys named by the ladder; servers created before it have the database's default
# names, which adopting them renames (so a later revision can name them on any server).
_FOREIGN_KEYS = (
    ("case_override", "case_id", "fk_case_override_case_id"),
    ("audit_entry", "case_id", "fk_audit_entry_case_id"),
    ("agenda_item", "case_id", "fk_agenda_item_case_id"),
)

Before = Callable[[int, int], None]


def stored_version(connection: Connection) -> int | None:
    """The version a database is marked with, read cheaply; None when it holds no TAREaid
    tables yet (an empty server database, a new SQLite file).

    SQLite: ``PRAGMA user_version`` (0 for a new file). A server: the ``tareaid_schema``
    row. Alembic is not imported.
    """
    if connection.dialect.name == "sqlite":
        version = int(connection.exec_driver_sql("PRAGMA user_version").scalar() or 0)
        return version or None
    if not inspect(connection).has_table(SERVER_MARK.name):
        return None
    value = connection.execute(select(SERVER_MARK.c.version)).scalar()
    return None if value is None else int(value)


@contextlib.contextmanager
def script_directory() -> Iterator[Path]:
    """The folder of the packaged revisions (env.py and versions/), as a real path."""
    with importlib.resources.as_file(importlib.resources.files(__name__)) as folder:
        yield Path(folder)


def upgrade(
    connection: Connection,
    *,
    where: str,
    before: Before | None = None,
    script_location: Path | None = None,
) -> int:
    """Bring the database on `connection` up to the newest revision, all or nothing.

    `connection` must not be inside a transaction: this begins and commits its own (on
    SQLite the engine's "begin" event makes it BEGIN IMMEDIATE). The version is read again
    under the lock, so two TAREaids opening one old database upgrade it once. `before(old,
    new)` runs under the lock just before the first change (the file backup). Returns the
    version the database is at. `script_location` replaces the packaged revisions (tests).

    Raises NewerSchemaError for a database from a newer TAREaid (its mark or its Alembic
    record), ForeignDatabaseError for an Alembic record that is not TAREaid's, and
    DamagedDatabaseError when the upgraded database would break a foreign key; nothing is
    changed in all three cases.
    """
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        # SQLite ignores this pragma inside a transaction, so it goes first.
        _driver(connection).execute("PRAGMA foreign_keys=OFF")
    try:
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_LOCK_KEY}
                )
            current, stamped = _ladder_position(connection, where)
            if script_location is None and current >= SCHEMA_VERSION:
                if current > SCHEMA_VERSION:
                    # Said before Alembic is asked: it would only say "Can't locate revision".
                    raise newer_schema(where, current)
                # Another TAREaid finished the upgrade while this one waited for the lock.
                _set_mark(connection, current)
                return current
            return _climb(connection, current, stamped, where, before, script_location)
    finally:
        if sqlite:
            _driver(connection).execute("PRAGMA foreign_keys=ON")


def _climb(
    connection: Connection,
    current: int,
    stamped: bool,
    where: str,
    before: Before | None,
    script_location: Path | None,
) -> int:
    from alembic import command
    from alembic.script import ScriptDirectory

    with contextlib.ExitStack() as stack:
        location = script_location or stack.enter_context(script_directory())
        config = _config(connection, location)
        head = ScriptDirectory.from_config(config).get_current_head()
        target = version_of(head or "")
        if target is None:  # the test of the packaged ladder keeps this from happening
            raise StoreError(f"{location}: the schema revisions have no single head ({head})")
        if current > target:
            raise newer_schema(where, current)
        if current == target:
            _set_mark(connection, current)
            return current
        if before is not None:
            before(current, target)
        if current and not stamped:
            if connection.dialect.name == "postgresql":
                _adopt_server(connection)
            # A database from before the ladder: its mark says which rung it is on.
            command.stamp(config, revision_of(current))
        command.upgrade(config, "head")
        if connection.dialect.name == "sqlite":
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise DamagedDatabaseError(
                    f"{where}: upgrading to schema version {target} found {len(broken)} "
                    "broken references; nothing was changed"
                )
        _set_mark(connection, target)
    if current:
        log.info("database upgraded from schema version %d to %d", current, target)
    else:
        log.info("new database built at schema version %d", target)
    return target


def _config(connection: Connection, location: Path) -> Any:
    from alembic.config import Config

    # No alembic.ini: everything Alembic needs is set here.
    config = Config()
    config.set_main_option("script_location", str(location))
    config.attributes["connection"] = connection
    return config


def _ladder_position(connection: Connection, where: str) -> tuple[int, bool]:
    """(version, whether Alembic's table records it) under the lock; 0 for an empty one."""
    if inspect(connection).has_table(VERSION_TABLE):
        revisions = [
            row[0] for row in connection.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}")
        ]
        version = check_history(where, revisions)
        if version is not None:
            return version, True
    return stored_version(connection) or 0, False


def _set_mark(connection: Connection, version: int) -> None:
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"PRAGMA user_version={int(version)}")
        return
    SERVER_MARK.create(connection, checkfirst=True)
    if connection.execute(select(SERVER_MARK.c.version)).first() is None:
        connection.execute(SERVER_MARK.insert().values(version=version))
    else:
        connection.execute(SERVER_MARK.update().values(version=version))


def _adopt_server(connection: Connection) -> None:
    """Give a PostgreSQL database from before the ladder the ladder's foreign-key names."""
    inspector = inspect(connection)
    tables = set(inspector.get_table_names())
    for table, column, name in _FOREIGN_KEYS:
        if table not in tables:
            continue
        for key in inspector.get_foreign_keys(table):
            if key["constrained_columns"] == [column] and key["name"] not in (None, name):
                preparer = connection.dialect.identifier_preparer
                connection.exec_driver_sql(
                    f"ALTER TABLE {preparer.quote(table)} RENAME CONSTRAINT "
                    f"{preparer.quote(key['name'])} TO {preparer.quote(name)}"
                )


def _driver(connection: Connection) -> sqlite3.Connection:
    dbapi = connection.connection.driver_connection
    assert isinstance(dbapi, sqlite3.Connection)
    return dbapi
