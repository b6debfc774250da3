"""The database health check and backups: reading only, and working on refused files too.

`tareaid check` must work on files TAREaid refuses to open (damaged, foreign, newer), and
quickly, so a file is checked through ``sqlite_file.check_file`` (read-only, no SQLAlchemy
import); only a database server is opened through the engine, to verify its audit trail.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from tareaid.store import anchors, audit, sqlite_file, trail_check
from tareaid.store.errors import StoreInputError
from tareaid.store.location import database_file
from tareaid.store.records import CheckReport

if TYPE_CHECKING:
    from tareaid.store.connection import Database

__all__ = ["CheckReport", "backup", "check", "check_database"]

log = logging.getLogger(__name__)


def check_database(
    db: str | None = None,
    *,
    busy_timeout_s: float | None = None,
    against: Path | None = None,
    password: str | None = None,
) -> CheckReport:
    """Check a database without opening it for writing (works on damaged files too).

    `db` is a path, URL or None for the default file. Raises DatabaseMissingError when
    there is no database at all; every other problem is reported in the CheckReport.
    `against` (a PDF summary or a backup) also confirms that the trail still holds the
    audit heads recorded there (BadInputError for a file that carries none). `password`
    (typed by the user) is for a server URL.
    """
    timeout = sqlite_file.DEFAULT_BUSY_TIMEOUT_S if busy_timeout_s is None else busy_timeout_s
    found = anchors.read_anchors(Path(against)) if against is not None else []
    path = database_file(db)
    if path is not None:
        report = _report(sqlite_file.check_file(path, busy_timeout_s=timeout))
        if found and report.case_count is not None:
            report = _confirmed(report, found, _file_entries(path, timeout))
        return report
    from tareaid.store.connection import open_database

    database = open_database(db, create=False, busy_timeout_s=timeout, password=password)
    try:
        report = check(database)
        if found:
            report = _confirmed(report, found, _server_entries(database))
        return report
    finally:
        database.close()


def _confirmed(
    report: CheckReport, found: list[anchors.Anchor], entries: list[dict]
) -> CheckReport:
    confirmed, contradicted = anchors.confirm(found, entries)
    return dataclasses.replace(report, confirmed=tuple(confirmed), contradicted=tuple(contradicted))


def _file_entries(path: Path, timeout: float) -> list[dict]:
    with sqlite_file.read_only_connection(path, busy_timeout_s=timeout) as connection:
        rows = connection.execute("SELECT id, case_id, entry_hash FROM audit_entry ORDER BY id")
        return [{"id": r[0], "case_id": r[1], "entry_hash": r[2]} for r in rows]


def _server_entries(database: Database) -> list[dict]:
    from sqlalchemy import select

    from tareaid.store.models import AUDIT

    with database.read() as connection:
        rows = connection.execute(
            select(AUDIT.c.id, AUDIT.c.case_id, AUDIT.c.entry_hash).order_by(AUDIT.c.id)
        )
        return [dict(row._mapping) for row in rows]


def check(database: Database) -> CheckReport:
    """Integrity and schema check, reading only; healthy only when nothing was found."""
    if database.path is not None:
        found = sqlite_file.check_file(database.path, busy_timeout_s=database.busy_timeout_s)
        return _report(found)
    from sqlalchemy import func, select

    from tareaid.store.models import AUDIT, CASES, OVERRIDES

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
        ).all()
        problems = audit.verify_rows(rows)
        # The same comparison of every case with its trail as for a file, through
        # SQLAlchemy, and the trail's length against its end row.
        problems += trail_check.case_problems(
            [dict(r._mapping) for r in connection.execute(select(CASES).order_by(CASES.c.id))],
            [dict(r._mapping) for r in connection.execute(select(OVERRIDES))],
            [dict(r._mapping) for r in rows],
        )
        from tareaid.store import server_health

        problems += server_health.count_problems(connection)
        if database.is_server:
            # What only the server's owner could have done: triggers dropped, disabled or
            # rewritten (a file's triggers are checked by sqlite_file).
            problems += server_health.trigger_problems(connection)
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
