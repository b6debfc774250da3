"""The database health check as a result object, without importing the ORM.

`tareaid check` must work on files TAREaid refuses to open (damaged, foreign, newer), and
quickly, so it reads the file through ``sqlite_file.check_file`` (read-only) and imports
SQLModel only for a database server.
"""

from __future__ import annotations

from tareaid.store import sqlite_file
from tareaid.store.location import database_file
from tareaid.store.records import CheckReport

__all__ = ["CheckReport", "check_database"]


def check_database(db: str | None = None, *, busy_timeout_s: float | None = None) -> CheckReport:
    """Check a database without opening it for writing (works on damaged files too).

    `db` is a path, URL or None for the default file. Raises DatabaseMissingError when
    there is no database at all; every other problem is reported in the CheckReport.
    """
    timeout = sqlite_file.DEFAULT_BUSY_TIMEOUT_S if busy_timeout_s is None else busy_timeout_s
    path = database_file(db)
    if path is None:
        from tareaid.store.repository import Repository

        with Repository.open(db, create=False, busy_timeout_s=timeout) as repository:
            return repository.check()
    found = sqlite_file.check_file(path, busy_timeout_s=timeout)
    return CheckReport(
        healthy=not found.problems,
        problems=found.problems,
        schema_version=found.schema_version,
        case_count=found.case_count,
    )
