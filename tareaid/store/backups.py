"""Automatic backups of a case database file: when one is taken, where it goes, how many stay.

They ask nothing of the user. A copy is taken through the same consistent online backup
as `tareaid backup` (``sqlite_file.backup_file``: a temporary file, renamed into place only
when complete) into a folder beside the database, named by its UTC time and its kind::

    cases.sqlite3.backups/20260305T101500123456Z-daily.sqlite3

The folder is readable by its owner only (0700), and so is every file in it (0600).

The kinds, and when the callers take them:

- ``daily``: when the desktop opens a database (and once a day while it stays open) and
  before a writing command of the command line (demo, import, archive, restore); at most
  one per UTC calendar day;
- ``before-import``: before an import of more than 100 cases (desktop and command line);
- ``before-upgrade``: before a schema upgrade, which does not run without it;
- ``before-migrate``: before ``tareaid migrate``.

A database with no case yet is not backed up (there is nothing to restore), except before an
upgrade. A database server or an in-memory database is never backed up here: a server is
backed up by its administrator with the server's own tools.

How many stay: after each new backup the folder is rotated. Kept are the 7 newest daily
backups; the newest daily backup of each of the 4 most recent ISO weeks that have one (the
weeklies, so the folder reaches about a month back, and a month away does not empty it); and
the 5 newest backups of each other kind. A pre-upgrade copy is therefore never pushed out by
dailies, only by later upgrades. Only files named exactly like these in that folder (and the
-wal/-shm/-journal files SQLite may keep beside one) are ever deleted; anything else in the
folder is left alone.

Each new copy is switched to rollback-journal mode (reading it later then leaves no -wal or
-shm file beside it) and must pass SQLite's quick_check before anything is rotated away, so a
damaged database never pushes good backups out.

A backup never stops the user's work: `automatic_backup` logs a failure and returns it for
the caller to show once. Only the upgrade uses `take_backup`, which raises.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from tareaid.store import sqlite_file
from tareaid.store.errors import DamagedDatabaseError, StoreEnvironmentError, StoreError
from tareaid.store.location import database_file
from tareaid.store.records import CheckReport

log = logging.getLogger(__name__)

DAILY = "daily"
BEFORE_IMPORT = "before-import"
BEFORE_UPGRADE = "before-upgrade"
BEFORE_MIGRATE = "before-migrate"
KINDS = (DAILY, BEFORE_IMPORT, BEFORE_UPGRADE, BEFORE_MIGRATE)
# How a kind reads in a sentence ("the daily backup", "the backup before an import").
KIND_LABELS = {
    DAILY: "daily",
    BEFORE_IMPORT: "before an import",
    BEFORE_UPGRADE: "before a schema upgrade",
    BEFORE_MIGRATE: "before a migration",
}

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_BEFORE_OPERATION = 5
# An import of more cases than this is preceded by a backup.
IMPORT_THRESHOLD = 100

FOLDER_SUFFIX = ".backups"
SUFFIX = ".sqlite3"
_STAMP = "%Y%m%dT%H%M%S%fZ"
_NAME = re.compile(
    r"^(?P<stamp>\d{8}T\d{12}Z)-(?P<kind>" + "|".join(KINDS) + r")" + re.escape(SUFFIX) + "$"
)
# Files SQLite may keep beside a database; deleted with the backup they belong to.
_COMPANIONS = ("-wal", "-shm", "-journal")


def utc_now() -> datetime:
    """The clock the backups are named by (tests pass `now` instead)."""
    return datetime.now(UTC)


def backup_folder(database: Path) -> Path:
    """Where the automatic backups of the database file `database` are kept."""
    return database.with_name(f"{database.name}{FOLDER_SUFFIX}")


def backup_name(kind: str, taken_at: datetime) -> str:
    """The file name of a backup of `kind` taken at `taken_at` (made UTC)."""
    return f"{taken_at.astimezone(UTC).strftime(_STAMP)}-{kind}{SUFFIX}"


@dataclass(frozen=True)
class BackupFile:
    """One automatic backup, as its name describes it."""

    path: Path
    kind: str
    taken_at: datetime  # UTC


def parse_name(path: Path) -> BackupFile | None:
    """The backup a file name describes; None for any other name."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        taken_at = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
    except ValueError:  # digits that are no date, e.g. month 13
        return None
    return BackupFile(path, match["kind"], taken_at)


def list_backups(database: Path) -> list[BackupFile]:
    """The automatic backups of `database`, newest first (none when there is no folder).

    Only regular files named like TAREaid's backups count. Raises OSError when the folder
    cannot be read.
    """
    folder = backup_folder(database)
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        backup = parse_name(entry)
        if backup is not None and entry.is_file() and not entry.is_symlink():
            found.append(backup)
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


# --- how many stay ------------------------------------------------------------------------------


def to_keep(backups: Iterable[BackupFile]) -> set[Path]:
    """The backups the rotation keeps (see the module docstring); the others may go."""
    newest_first = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    dailies = [b for b in newest_first if b.kind == DAILY]
    keep = {b.path for b in dailies[:KEEP_DAILY]}
    weeks: list[tuple[int, int]] = []
    for backup in dailies:
        year, week, _day = backup.taken_at.isocalendar()
        if (year, week) in weeks:
            continue
        if len(weeks) == KEEP_WEEKLY:
            break
        weeks.append((year, week))
        keep.add(backup.path)  # the newest of its week: that week's weekly
    for kind in KINDS:
        if kind != DAILY:
            same = [b for b in newest_first if b.kind == kind]
            keep.update(b.path for b in same[:KEEP_BEFORE_OPERATION])
    return keep


def rotate(database: Path) -> list[Path]:
    """Delete the automatic backups of `database` that are no longer kept; the files deleted.

    A problem (a file that cannot be deleted, a folder that cannot be read) is logged and
    never raised: the backup just taken is what matters.
    """
    try:
        found = list_backups(database)
    except OSError as error:
        log.warning("backups not rotated: the folder cannot be read (%s)", type(error).__name__)
        return []
    keep = to_keep(found)
    deleted = []
    for backup in found:
        if backup.path in keep:
            continue
        try:
            backup.path.unlink()
        except FileNotFoundError:
            continue  # another TAREaid rotated it meanwhile
        except OSError as error:
            log.warning("backup %s not deleted (%s)", backup.path.name, type(error).__name__)
            continue
        for companion in _COMPANIONS:
            with contextlib.suppress(OSError):
                Path(f"{backup.path}{companion}").unlink()
        deleted.append(backup.path)
    if deleted:
        log.info("%d automatic backups rotated away", len(deleted))
    return deleted


# --- taking one ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupOutcome:
    """What `automatic_backup` did: wrote `path`, or skipped (why), or failed (`problem`,
    a sentence to show the user once)."""

    kind: str
    path: Path | None = None
    skipped: str | None = None
    problem: str | None = None


def automatic_backup(database: object, kind: str, *, now: datetime | None = None) -> BackupOutcome:
    """Take an automatic backup of `kind` (DAILY, BEFORE_IMPORT, BEFORE_MIGRATE, …) now.

    `database` is a Repository or Database, a file path, a ``--db`` value (a path or URL),
    or None for the default database. Never raises for a problem of the environment: the
    outcome says what happened (a server or in-memory database, a database with no case, a
    daily backup taken already today: skipped; a failure: `problem`, logged).
    """
    if kind not in KINDS:
        raise ValueError(f"not a kind of automatic backup: {kind!r}")
    path = _database_file(database)
    if path is None:
        log.info("no automatic %s backup: not a database file (a server has its own tools)", kind)
        return BackupOutcome(kind, skipped="a database server is backed up with its own tools")
    if not path.is_file():
        return BackupOutcome(kind, skipped="there is no database file yet")
    moment = now or utc_now()
    try:
        if kind == DAILY and _has_daily_backup_on(path, moment.date()):
            log.debug("daily backup taken already today")
            return BackupOutcome(kind, skipped="a daily backup was taken today already")
        if kind != BEFORE_UPGRADE and not _count_cases(path):
            log.info("no automatic %s backup: the database holds no case", kind)
            return BackupOutcome(kind, skipped="the database holds no case yet")
        written = take_backup(path, kind, now=moment)
    except StoreError as error:
        log.warning("automatic %s backup not made (%s)", kind, type(error).__name__)
        label = "daily backup" if kind == DAILY else f"backup {KIND_LABELS[kind]}"
        return BackupOutcome(
            kind, problem=f"No {label} was made: {error.message}. Your work goes on."
        )
    return BackupOutcome(kind, path=written)


def backup_before_import(
    database: object, count: int, *, now: datetime | None = None
) -> BackupOutcome:
    """The backup before importing `count` cases: taken only for more than 100."""
    if count <= IMPORT_THRESHOLD:
        return BackupOutcome(BEFORE_IMPORT, skipped=f"{IMPORT_THRESHOLD} cases or fewer")
    return automatic_backup(database, BEFORE_IMPORT, now=now)


def take_backup(
    database: Path,
    kind: str,
    *,
    now: datetime | None = None,
    busy_timeout_s: float = sqlite_file.DEFAULT_BUSY_TIMEOUT_S,
) -> Path:
    """Write a backup of `kind` of the file `database`, then rotate; the backup's path.

    Raises StoreError when no good backup was written (the upgrade then does not run);
    a rotation problem is only logged.
    """
    started = time.monotonic()
    folder = _make_folder(database)
    target = folder / backup_name(kind, now or utc_now())
    sqlite_file.backup_file(database, target, busy_timeout_s=busy_timeout_s)
    try:
        _seal(target, busy_timeout_s)
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink()
        raise
    log.info("automatic %s backup written (%.2f s)", kind, time.monotonic() - started)
    rotate(database)
    return target


def _database_file(database: object) -> Path | None:
    if database is None or isinstance(database, str):
        return database_file(database)
    if isinstance(database, os.PathLike):
        return Path(database).expanduser().absolute()
    path = getattr(database, "path", None)  # a Repository or Database; None for a server
    return Path(path) if path is not None else None


def _has_daily_backup_on(database: Path, day: date) -> bool:
    try:
        found = list_backups(database)
    except OSError as error:
        raise StoreEnvironmentError(
            f"{backup_folder(database)}: the backup folder cannot be read ({error.strerror})"
        ) from None
    # A daily dated later than today (a clock set back) counts as today's.
    return any(b.kind == DAILY and b.taken_at.date() >= day for b in found)


def _count_cases(database: Path) -> int:
    timeout = sqlite_file.DEFAULT_BUSY_TIMEOUT_S
    with (
        sqlite_file.translated(database, busy_timeout_s=timeout),
        sqlite_file.read_only_connection(database, busy_timeout_s=timeout) as connection,
    ):
        try:
            return int(connection.execute("SELECT count(*) FROM case_record").fetchone()[0])
        except sqlite3.OperationalError:
            raise DamagedDatabaseError(f"{database}: holds no case table") from None


def _make_folder(database: Path) -> Path:
    folder = backup_folder(database)
    if not folder.is_dir():
        try:
            folder.mkdir(mode=0o700)
            # mkdir's mode passes through the umask; the folder is owner-only whatever it is.
            os.chmod(folder, 0o700)
        except FileExistsError:
            if not folder.is_dir():
                raise StoreEnvironmentError(
                    f"{folder}: is a file, not the folder for backups; it was left as it is"
                ) from None
        except OSError as error:
            raise StoreEnvironmentError(
                f"{folder}: the folder for backups cannot be created ({error.strerror})"
            ) from None
    return folder


def _seal(backup: Path, busy_timeout_s: float) -> None:
    """Make a fresh copy one self-contained file (rollback journal) and check it."""
    with sqlite_file.translated(backup, busy_timeout_s=busy_timeout_s):
        connection = sqlite3.connect(backup, isolation_level=None, timeout=busy_timeout_s)
        try:
            connection.execute("PRAGMA journal_mode=DELETE").fetchone()
            problems = sqlite_file.integrity_problems(connection)
        finally:
            connection.close()
    if problems:
        raise DamagedDatabaseError(
            f"{backup}: the copy failed SQLite's integrity check ({problems[0]}), so the "
            "database itself may be damaged; the older backups were kept. Run tareaid check"
        )


# --- reading them back --------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupSummary:
    """An automatic backup as the restore dialog and `tareaid backups` show it."""

    path: Path
    kind: str
    taken_at: datetime  # UTC
    size: int  # bytes
    case_count: int | None  # None: the file could not be read
    schema_version: int | None


def describe(database: object) -> list[BackupSummary]:
    """The automatic backups of a database, newest first, each read without writing it.

    Nothing for a database server. Raises StoreEnvironmentError when the folder cannot be
    read.
    """
    path = _database_file(database)
    if path is None:
        return []
    try:
        found = list_backups(path)
    except OSError as error:
        raise StoreEnvironmentError(
            f"{backup_folder(path)}: the backup folder cannot be read ({error.strerror})"
        ) from None
    summaries = []
    for backup in found:
        try:
            size = backup.path.stat().st_size
        except OSError:
            continue  # rotated away meanwhile
        count, version = _read_summary(backup.path)
        summaries.append(
            BackupSummary(backup.path, backup.kind, backup.taken_at, size, count, version)
        )
    return summaries


def _read_summary(path: Path) -> tuple[int | None, int | None]:
    # immutable=1: nobody writes a backup, and SQLite then creates no -wal/-shm beside it.
    uri = sqlite_file.read_only_uri(path) + "&immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error:
        return None, None
    try:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        count = int(connection.execute("SELECT count(*) FROM case_record").fetchone()[0])
    except sqlite3.Error:
        return None, None
    finally:
        connection.close()
    return count, version


def restore_copy(backup: Path, target: Path) -> CheckReport:
    """Copy a backup to a new file `target` (consistently, whole or not at all, 0600) and
    check the copy, reading only; the check's report.

    The backup itself is only read. Raises StoreError when it cannot be copied (not a
    database, unreadable, the target folder read-only).
    """
    backup, target = Path(backup), Path(target)
    sqlite_file.backup_file(backup, target, busy_timeout_s=sqlite_file.DEFAULT_BUSY_TIMEOUT_S)
    log.info("a backup was restored to a new file")
    found = sqlite_file.check_file(target)
    return CheckReport(not found.problems, found.problems, found.schema_version, found.case_count)
