"""Opening a database from the desktop: the repository, its single-instance lock, and the
ways out when it cannot be opened (another file, a new database, a backup, quit).

A problem with the environment (not a database, damaged, from a newer TAREaid, locked,
read-only, already open elsewhere) is never a crash: the user is told what it means and
chooses what to do. A damaged file is never overwritten: restoring a backup (one of the
automatic backups, or any file) writes a new file beside it and checks it, the same way as
File › Restore from backup….

Opening checks only what costs nothing (the file header, whose database it is, its schema
version); SQLite's integrity check reads the whole file, so the main window runs it on a
worker thread once it is shown, and offers the same ways out if it fails.

A database server that asks for a password the URL, ~/.pgpass or a service file did not
give gets one typed by the user, kept in memory only (never in the settings, the recent
databases or a log), and asked again when the server refuses it. Every name of a server
database shown or remembered is its URL without the password.

At start-up (`open_quickly`) a database that needs nothing but reading is not even opened
by the store before the window is shown: the case list is read with the standard library
(a file) or psycopg alone (a server), and the store (SQLAlchemy, ~0.5 s to import) opens on
a worker thread once the window is on screen (`OpenedDatabase.finish_opening`). Anything
else takes the usual way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tareaid.diagnostics import database_location
from tareaid.store import backups
from tareaid.store.errors import (
    AuthenticationError,
    DamagedDatabaseError,
    DatabaseMissingError,
    PasswordNeededError,
    StoreEnvironmentError,
    StoreError,
    TransientStoreError,
)
from tareaid.store.list_reader import ListReader
from tareaid.store.location import database_file, display_location, is_server_url
from tareaid.store.opening import OpeningRepository
from tareaid.store.schema import SCHEMA_VERSION, assessed_with
from tareaid.ui import dialogs
from tareaid.ui.backup_dialog import CHOOSE_FILE
from tareaid.ui.busy import busy_cursor
from tareaid.ui.i18n import QT_TRANSLATE_NOOP, translate
from tareaid.ui.qt import QtCore, QtWidgets

if TYPE_CHECKING:
    from tareaid.store.backups import BackupSummary
    from tareaid.store.repository import Repository

DATABASE_SUFFIXES = (".db", ".sqlite", ".sqlite3", ".tareaid")
# Translated where it is used (context "Database").
DATABASE_FILTER = QT_TRANSLATE_NOOP(
    "Database", "TAREaid databases (*.db *.sqlite *.sqlite3 *.tareaid);;All files (*)"
)
LOCK_WAIT_MS = 100

log = logging.getLogger("tareaid.ui.database")

TRY_AGAIN = "retry"
OPEN_OTHER = "open"
CREATE_NEW = "new"
CREATE_HERE = "create"
RESTORE_BACKUP = "restore"
GIVE_UP = "quit"


class DatabaseInUseError(StoreEnvironmentError):
    """Another TAREaid window already has this database open."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class OpenedDatabase:
    """A repository the application is using, with the lock that keeps it single-user."""

    repository: Repository
    lock: QtCore.QLockFile | None

    @property
    def label(self) -> str:
        """What the user knows this database by: its file path, or its URL (without a
        password: safe for the title, the status bar, messages and the recent list)."""
        path = self.repository.path
        return str(path) if path is not None else self.repository.url

    @property
    def name(self) -> str:
        """A short name for the window title: the file's name, or "database on host"."""
        path = self.repository.path
        return path.name if path is not None else server_name(self.repository.url)

    def finish_opening(self, when_open: Callable[[], None] | None = None) -> None:
        """Open the store now if only its case list was read so far (`open_quickly`): on
        a worker thread, once the window is on screen. `when_open` is called once the store
        is open (at once if it is; from the worker thread if it opens there; not at all
        if it cannot open)."""
        repository = self.repository
        if not isinstance(repository, OpeningRepository) or repository.ready:
            if when_open is not None:
                when_open()
            return
        if when_open is not None:

            def opened(error: BaseException | None) -> None:
                if error is None:
                    when_open()

            repository.on_opened = opened
        repository.start()

    @property
    def open_failure(self) -> BaseException | None:
        """What stopped the store from opening in the background, if anything did."""
        if isinstance(self.repository, OpeningRepository):
            return self.repository.error
        return None

    def close(self) -> None:
        try:
            self.repository.close()
        finally:
            if self.lock is not None:
                self.lock.unlock()
                self.lock = None


def server_name(url: str) -> str:
    """ "tareaid on db.example.org" for a server URL (its password never included)."""
    shown = display_location(url)
    rest = shown.split("://", 1)[-1].split("?", 1)[0]
    place, _, database = rest.partition("/")
    host = place.rpartition("@")[2] or translate("Database", "this computer")
    return translate("Database", "{database} on {host}").format(
        database=database or translate("Database", "default database"), host=host
    )


def lock_path(database: Path) -> Path:
    return database.parent / f".{database.name}.lock"


def _acquire_lock(path: Path | None) -> QtCore.QLockFile | None:
    if path is None:
        return None  # a server database has its own concurrency control
    lock = QtCore.QLockFile(str(lock_path(path)))
    # 0: a lock whose process is gone is stale at once, so a crash never locks users out.
    lock.setStaleLockTime(0)
    if lock.tryLock(LOCK_WAIT_MS):
        return lock
    if lock.error() == QtCore.QLockFile.LockError.LockFailedError:
        # PySide returns (pid, hostname, appname), or an empty value when the file vanished.
        info = lock.getLockInfo()
        pid, host = (info[0], info[1]) if isinstance(info, tuple) and len(info) >= 2 else (0, "")
        if pid:
            message = translate(
                "Database",
                "{path} is already open in another TAREaid window (process {pid} on {host}). "
                "Close it there first, or open another database.",
            ).format(path=path, pid=pid, host=host)
        else:
            message = translate(
                "Database",
                "{path} is already open in another TAREaid window. Close it there first, or "
                "open another database.",
            ).format(path=path)
        raise DatabaseInUseError(message)
    # No permission to write a lock beside the file: go on without one; SQLite still
    # protects the data, and the repository reports a read-only database itself.
    return None


def open_plainly(
    db: str | None, *, create: bool = True, verify: bool = False, password: str | None = None
) -> OpenedDatabase:
    """Open a repository and take its lock, raising StoreError on any problem.

    Without `verify` the integrity check is left to the caller (the main window runs it
    in the background); until it has passed, the repository's writes wait for it.
    `password` is for a server that asks for one (kept in memory only).
    """
    from tareaid.store.repository import Repository

    # A server is across the network: the wait (bounded by its connect timeout) shows.
    with busy_cursor(is_server_url(db)):
        repository = Repository.open(db, create=create, verify=verify, password=password)
    try:
        lock = _acquire_lock(repository.path)
    except StoreError:
        repository.close()
        raise
    return OpenedDatabase(repository, lock)


def open_quickly(db: str | None) -> OpenedDatabase | None:
    """`db` with its case list readable at once and the store still to open (in the
    background, see `OpenedDatabase.finish_opening`), or None when it must be opened the
    usual way (`open_plainly`, `open_database`): a file or server database to create,
    upgrade, recover after a crash or re-assess, a server that asks for a password or cannot
    be reached, or one the store refuses (the usual way then says why, and offers the ways
    out)."""
    from tareaid.domain.evidence import load_pack

    path = database_file(db)
    if path is None:
        if db is None or not is_server_url(db):
            return None
        from tareaid.store.server_list_reader import ServerListReader

        # A server's list through psycopg alone; no lock file (the server is shared).
        server_reader = ServerListReader.for_url(db, assessed_with(load_pack().version))
        if server_reader is None:
            return None
        return OpenedDatabase(OpeningRepository(server_reader), None)  # type: ignore[arg-type]
    try:
        reader = ListReader.for_file(path, assessed_with(load_pack().version))
    except StoreError:
        return None
    if reader is None:
        return None
    try:
        lock = _acquire_lock(path)
    except StoreError:
        reader.close()
        return None
    return OpenedDatabase(OpeningRepository(reader), lock)  # type: ignore[arg-type]


def open_database(
    parent: QtWidgets.QWidget | None,
    db: str | None,
    *,
    create: bool = True,
    give_up_label: str = "",
    problem: StoreError | None = None,
) -> OpenedDatabase | None:
    """Open `db`, or let the user pick a way out of any problem; None if they give up.

    With `problem` (found after `db` was opened: its integrity check failed), the ways out
    are offered at once; trying `db` again then checks it before anything else.
    """
    verify = problem is not None
    give_up_label = give_up_label or translate("Database", "Quit")
    title = translate("Database", "The database cannot be used") if problem is not None else ""
    password: str | None = None
    while True:
        if problem is None:
            try:
                return open_plainly(db, create=create, verify=verify, password=password)
            except StoreError as error:
                problem = error
            if _asks_for_password(problem, password):
                typed = dialogs.ask_password(parent, display_location(db), problem.message)
                if typed:
                    password, problem = typed, None
                    continue
        log.warning("database %s cannot be used: %s", database_location(db), type(problem).__name__)
        choice = dialogs.choose_way_out(
            parent,
            title or translate("Database", "The database cannot be opened"),
            translate("Database", "{problem}\n\nWhat would you like to do?").format(
                problem=problem.message
            ),
            _ways_out(problem, give_up_label),
        )
        problem, title = None, ""
        log.info("way out chosen: %s", choice)
        if choice == TRY_AGAIN:
            continue  # the same database, the same password (a server busy or away)
        if choice == OPEN_OTHER:
            path = dialogs.choose_open_file(
                parent,
                translate("Database", "Open a TAREaid database"),
                translate("Database", DATABASE_FILTER),
            )
            if path:
                db, create, verify = path, False, False
        elif choice == CREATE_HERE:
            create, verify = True, False
        elif choice == CREATE_NEW:
            path = dialogs.choose_save_file(
                parent,
                translate("Database", "Create a new TAREaid database"),
                translate("Database", DATABASE_FILTER),
                "tareaid.db",
            )
            if path:
                db, create, verify = path, True, False
        elif choice == RESTORE_BACKUP:
            restored = restore_from_backup(parent, db)
            if restored:
                db, create, verify = restored, False, False
        else:
            return None


def _asks_for_password(problem: StoreError, tried: str | None) -> bool:
    """Whether to ask the user for a password: the server wants one and none was given, or
    the one the user typed was refused."""
    return isinstance(problem, PasswordNeededError) or (
        tried is not None and isinstance(problem, AuthenticationError)
    )


def _ways_out(problem: StoreError, give_up_label: str) -> list[tuple[str, str]]:
    options = [
        (OPEN_OTHER, translate("Database", "Open another database…")),
        (CREATE_NEW, translate("Database", "Create a new database…")),
    ]
    if isinstance(problem, DatabaseMissingError):
        # A database named on the command line that is not there: perhaps a typo, so it is
        # created only when the user says so.
        options.insert(0, (CREATE_HERE, translate("Database", "Create it")))
    if isinstance(problem, DamagedDatabaseError):
        options.insert(0, (RESTORE_BACKUP, translate("Database", "Restore a backup…")))
    if isinstance(problem, TransientStoreError):
        # A server out of reach or busy for now may answer in a moment.
        options.insert(0, (TRY_AGAIN, translate("Database", "Try again")))
    options.append((GIVE_UP, give_up_label))
    return options


def read_backups(current: str | None) -> tuple[list[BackupSummary], str]:
    """The automatic backups of `current` (a path or URL; None: the default database) and a
    note for the restore dialog when there are none to list. Reads only; may take a moment
    (each backup's cases are counted), so the main window runs it in the background."""
    if current is not None and database_file(current) is None:
        return [], translate(
            "Database",
            "A database on a server is not backed up automatically: its administrator "
            "restores it with the server's own tools. You can still restore a backup file "
            "to a new file.",
        )
    try:
        return backups.describe(current), ""
    except StoreError as error:
        return [], error.message


def restore_from_backup(
    parent: QtWidgets.QWidget | None,
    current: str | None,
    listing: tuple[list[BackupSummary], str] | None = None,
) -> str | None:
    """File › Restore from backup… and the way out of a damaged database: choose one of the
    automatic backups of `current` (read now unless `listing` is given) or any file, then
    restore it to a new file (see restore_backup); the new file to open, or None."""
    found, note = listing if listing is not None else read_backups(current)
    path = database_file(current)
    label = str(path) if path is not None else database_location(current)  # no password
    choice = dialogs.choose_backup(parent, label, found, note=note)
    if choice is None:
        return None
    return restore_backup(parent, current, None if choice == CHOOSE_FILE else choice)


def restore_backup(
    parent: QtWidgets.QWidget | None, current: str | None, backup: str | None = None
) -> str | None:
    """Copy a backup to a new file, check it and offer to open it: the new file's path when
    the user wants it opened, else None.

    `current` is the database in use, or the one that cannot be used (a path or URL; None:
    the default database): the copy never replaces it, nor the backup itself, which are
    only read. Without `backup` the user picks the file.
    """
    if backup is None:
        backup = dialogs.choose_open_file(
            parent,
            translate("Database", "Choose a backup to restore"),
            translate("Database", DATABASE_FILTER),
        )
        if not backup:
            return None
    live = database_file(current) if current is None or "://" not in current else None
    target = dialogs.choose_save_file(
        parent,
        translate("Database", "Save the restored database as"),
        translate("Database", DATABASE_FILTER),
        _suggested_name(live, Path(backup)),
    )
    if not target:
        return None
    if live is not None and _same_file(target, live):
        dialogs.show_error(
            parent,
            translate("Database", "Choose another name"),
            translate(
                "Database",
                "The restored copy must not replace {path}: that database is kept as it is.",
            ).format(path=live),
        )
        return None
    if _same_file(target, backup):
        dialogs.show_error(
            parent,
            translate("Database", "Choose another name"),
            translate("Database", "The restored copy must be a new file, not the backup itself."),
        )
        return None
    try:
        report = backups.restore_copy(Path(backup), Path(target))
    except StoreError as error:
        dialogs.show_error(
            parent, translate("Database", "The backup could not be restored"), error.message
        )
        return None
    if not report.healthy:
        problems = "\n".join(f"• {problem}" for problem in report.problems[:10])
        dialogs.show_error(
            parent,
            translate("Database", "The restored copy has problems"),
            translate(
                "Database",
                "The backup was copied to {target}, but the check found problems, so it is "
                "not opened. Choose another backup.\n\n{problems}",
            ).format(target=target, problems=problems),
        )
        return None
    log.info("backup restored to a new file and checked")
    older = ""
    if report.schema_version is not None and report.schema_version < SCHEMA_VERSION:
        older = " " + translate(
            "Database",
            "It was made by an earlier TAREaid: opening it brings it up to date, after a copy "
            "of its own.",
        )
    opened = dialogs.confirm(
        parent,
        translate("Database", "Backup restored"),
        translate(
            "Database",
            "The backup was copied to {target} and checked: it is healthy. Cases in it: "
            "{cases}.{older}\n\nOpen it now? The database you restored it for is left as it "
            "is.",
        ).format(target=target, cases=report.case_count or 0, older=older),
        ok_label=translate("Database", "Open it"),
    )
    return target if opened else None


def _suggested_name(live: Path | None, backup: Path) -> str:
    """`<database>-restored-<date of the backup>` beside the database, not taken yet."""
    folder = live.parent if live is not None else backup.parent
    stem = live.stem if live is not None else backup.stem
    suffix = live.suffix if live is not None and live.suffix in DATABASE_SUFFIXES else ".db"
    automatic = backups.parse_name(backup)
    day = automatic.taken_at.astimezone().date() if automatic is not None else date.today()
    base = f"{stem}-restored-{day.isoformat()}"
    candidate = folder / f"{base}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{base}-{number}{suffix}"
        number += 1
    return str(candidate)


def _same_file(a: str | Path, b: str | Path) -> bool:
    return Path(a).expanduser().resolve() == Path(b).expanduser().resolve()
