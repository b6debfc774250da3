"""The database health check and backups: reading only, and working on refused files too.

`tareaid check` must work on files TAREaid refuses to open (damaged, foreign, newer), and
quickly, so a file is checked through ``sqlite_file.check_file`` (read-only, no SQLAlchemy
import); only a database server is opened through the engine, to verify its audit trail.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from tareaid.store import audit, sqlite_file
from tareaid.store.errors import StoreInputError
from tareaid.store.location import database_file
from tareaid.store.records import CheckReport

if TYPE_CHECKING:
    from tareaid.store.connection import Database

__all__ = ["CheckReport", "backup", "check", "check_database"]

log = logging.getLogger(__name__)


def check_database(
    db: str | None = None, *, busy_timeout_s: float | None = None, password: str | None = None
) -> CheckReport:
    """Check a database without opening it for writing (works on damaged files too).

    `db` is a path, URL or None for the default file. Raises DatabaseMissingError when
    there is no database at all; every other problem is reported in the CheckReport.
    """
    timeout = sqlite_file.DEFAULT_BUSY_TIMEOUT_S if busy_timeout_s is None else busy_timeout_s
    path = database_file(db)
    if path is not None:
        return _report(sqlite_file.check_file(path, busy_timeout_s=timeout))
    from tareaid.store.connection import open_database

    database = open_database(db, create=False, busy_timeout_s=timeout, password=password)
    try:
        return check(database)
    finally:
        database.close()


def check(database: Database) -> CheckReport:
    """Integrity and schema check, reading only; healthy only when nothing was found."""
    if database.path is not None:
        found = sqlite_file.check_file(database.path, busy_timeout_s=database.busy_timeout_s)
        return _report(found)
    from sqlalchemy import func, select

    from tareaid.store.models import AUDIT, CASES

    with database.read() as connection:
        count = int(connection.execute(select(func.count()).select_from(CASES)).scalar_one())
        rows = connection.execute(
            select(
                AUDIT.c.id,
                AUDIT.c.at,
                AUDIT.c.os_user,
                AUDIT.c.case_id,
                AUDIT.c.reference,
                AUDIT.c.action,
                AUDIT.c.field,
                AUDIT.c.old_value,
                AUDIT.c.new_value,
                AUDIT.c.reason,
                AUDIT.c.entry_hash,
                AUDIT.c.db_user,
            ).order_by(AUDIT.c.id)
        )
        problems = audit.verify_rows(rows)
        if database.is_server:
            from tareaid.store import server_health

            problems += server_health.trigger_problems(connection)
            problems += server_health.count_problems(connection)
    return CheckReport(not problems, tuple(problems), database.schema_version, count)


def _report(found: sqlite_file.FileCheck) -> CheckReport:
    return CheckReport(not found.problems, found.problems, found.schema_version, found.case_count)


def backup(database: Database, destination: Path) -> None:
    """A consistent copy of the database at `destination` (owner-only, written whole),
    taken while the database may be in use. A server's copy is a TAREaid SQLite file read
    in one snapshot (see transfer)."""
    if database.is_server:
        from tareaid.store.transfer import backup_server

        backup_server(database, Path(destination))
        log.info("backup of the server written")
        return
    if database.path is None:
        raise StoreInputError(
            f"{database.where}: an in-memory database has nothing to back up", exit_code=1
        )
    sqlite_file.backup_file(
        database.path, Path(destination), busy_timeout_s=database.busy_timeout_s
    )
    log.info("backup written")
