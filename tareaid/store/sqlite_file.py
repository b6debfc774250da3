"""Everything about an SQLite database *file* that must happen before, or beside, the engine.

This module owns the read-only inspection that decides whether a file may be opened at all
(header, application_id, schema version, quick_check), the atomic creation of a new file
with owner-only permissions, consistent backups through SQLite's online backup API, the
read-only `check`, and the translation of SQLite's error codes into messages that name the
file. Nothing here writes to a file it has not created itself: a foreign, damaged or newer
file is looked at through ``mode=ro`` connections only and left exactly as it was.

One subtlety shapes the code: closing *any* file descriptor of a file drops every POSIX lock
this process holds on it, including SQLite's. So the 100-byte header is read with plain
``open()`` only while no connection of this process has the file open; once a repository
has it open, the same facts are read through SQLite itself.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import stat
import struct
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tareaid import files
from tareaid.store.errors import (
    DamagedDatabaseError,
    DatabaseLockedError,
    DatabaseMissingError,
    DiskFullError,
    ForeignDatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    StoreEnvironmentError,
    StoreError,
    StoreInputError,
)
from tareaid.store.schema import (
    APPLICATION_ID,
    AUDIT_TRIGGER_SQL,
    SCHEMA_VERSION,
    TABLES_BY_VERSION,
    check_history,
    newer_schema,
    revision_of,
)

HEADER_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
DEFAULT_BUSY_TIMEOUT_S = 5.0

# --- files this process has open ------------------------------------------------------------


def register_open(path: Path) -> tuple[int, int] | None:
    """Note that a connection of this process has `path` open (see the module docstring)."""
    return files.note_open(path)


def unregister_open(key: tuple[int, int] | None) -> None:
    files.note_closed(key)


def _is_open_here(path: Path) -> bool:
    return files.is_open_here(path)


# --- the header ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Header:
    """The facts of an SQLite file header that decide whether TAREaid may open the file."""

    application_id: int
    user_version: int


def _file_info(path: Path) -> os.stat_result:
    """The file's status; refuses, before anything opens it, what is not a regular file (a
    FIFO would block the open until someone writes to it)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise DatabaseMissingError(f"no database at {path} (nothing was created)") from None
    except PermissionError:
        raise ReadOnlyDatabaseError(f"{path}: cannot be read (permission denied)") from None
    except OSError as error:
        raise StoreEnvironmentError(f"{path}: cannot be read ({error.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise NotADatabaseError(f"{path}: is a folder, not a database file")
    if not stat.S_ISREG(info.st_mode):
        raise NotADatabaseError(
            f"{path}: is not a regular file (a pipe, device or socket), not a database; it "
            "was left as it is"
        )
    return info


def read_header(path: Path) -> Header | None:
    """Check the file's first bytes; None when they cannot safely be read with open().

    Raises NotADatabaseError for something that is not a regular file, an empty file or
    one that does not start with SQLite's 16-byte signature, and DamagedDatabaseError for a
    file shorter than its header says (cut short). Reads only; never opens the file for
    writing.
    """
    info = _file_info(path)
    if _is_open_here(path):
        return None
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEADER_SIZE)
    except IsADirectoryError:
        raise NotADatabaseError(f"{path}: is a folder, not a database file") from None
    except PermissionError:
        raise ReadOnlyDatabaseError(f"{path}: cannot be read (permission denied)") from None
    except OSError as error:
        raise StoreEnvironmentError(f"{path}: cannot be read ({error.strerror})") from None
    if not head:
        # SQLite would silently treat an empty file as a new database; an empty file where a
        # database should be means something went wrong, so say so instead.
        raise NotADatabaseError(
            f"{path}: the file is empty (0 bytes), not a TAREaid database; it was left as it "
            "is. Restore a backup, or choose another file"
        )
    if not head.startswith(HEADER_MAGIC) or len(head) < HEADER_SIZE:
        raise NotADatabaseError(
            f"{path}: is not a database file (it does not start with the SQLite signature); "
            "it was left as it is"
        )
    _refuse_cut_short(path, head, info.st_size)
    user_version, application_id = struct.unpack(">ii", head[60:64] + head[68:72])
    return Header(application_id=application_id, user_version=user_version)


def _refuse_cut_short(path: Path, head: bytes, size: int) -> None:
    """Refuse a file shorter than its header's page count × page size, or not a whole
    number of pages: a copy or download cut short, which SQLite would open and write to.

    Not when a non-empty write-ahead log lies beside it: after a crash in the middle of a
    checkpoint the header (copied back first) may count pages that are still only in the
    WAL, and SQLite reads those from there; quick_check then judges the whole.
    """
    page_size = int.from_bytes(head[16:18], "big")
    if page_size == 1:
        page_size = 65536
    if page_size < 512 or page_size & (page_size - 1):
        raise DamagedDatabaseError(
            f"{path}: the database header is damaged (page size {page_size}); it was left as "
            "it is. Restore a backup"
        )
    # The page count in the header is valid only when SQLite's change counter matches the
    # "version valid for" number written with it (every SQLite since 3.7.0 keeps both).
    page_count = int.from_bytes(head[28:32], "big")
    counted = page_count > 0 and head[24:28] == head[92:96]
    expected = page_count * page_size if counted else None
    if (expected is None or size >= expected) and size % page_size == 0:
        return
    # A rollback journal left by a crash likewise holds pages SQLite puts back first.
    for log_file in (Path(f"{path}-wal"), Path(f"{path}-journal")):
        with contextlib.suppress(OSError):
            if stat.S_ISREG(log_file.stat().st_mode) and log_file.stat().st_size > 0:
                return
    wanted = f"{expected:,} bytes" if expected is not None else f"a multiple of {page_size} bytes"
    raise DamagedDatabaseError(
        f"{path}: the database is damaged: the file is shorter than its header says "
        f"({size:,} bytes; {wanted} expected), cut short e.g. by an interrupted copy; it was "
        "left as it is. Restore a backup"
    )


def check_identity(path: Path, application_id: int, user_version: int) -> None:
    """Refuse another program's database and one written by a newer TAREaid."""
    if application_id != APPLICATION_ID:
        raise ForeignDatabaseError(
            f"{path}: is an SQLite database of another program (application_id "
            f"{application_id:#x}), not a TAREaid database; it was left as it is"
        )
    if user_version > SCHEMA_VERSION:
        raise newer_schema(path, user_version)
    if user_version < 1:
        raise DamagedDatabaseError(
            f"{path}: is marked as a TAREaid database but has no schema version; it was "
            "left as it is. Restore a backup"
        )


# --- SQLite errors -------------------------------------------------------------------------


def translate(error: BaseException, where: object, *, busy_timeout_s: float) -> StoreError | None:
    """A StoreError naming the file for an SQLite environment error; None for anything else.

    Anything not recognised here (a constraint violation, an SQL mistake) is a bug and is
    left to propagate with its traceback.
    """
    orig = getattr(error, "orig", None) or error
    if not isinstance(orig, sqlite3.Error):
        return None
    name = getattr(orig, "sqlite_errorname", "") or ""
    text = str(orig).lower()
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return DatabaseLockedError(
            f"{where}: the database is locked by another program (waited "
            f"{busy_timeout_s:g} s); nothing was changed. Try again when it has finished"
        )
    if name.startswith("SQLITE_READONLY") or "readonly database" in text:
        return ReadOnlyDatabaseError(
            f"{where}: the database cannot be written (the file or its folder is "
            "read-only); nothing was changed. Copy it somewhere writable, or ask for write "
            "access"
        )
    if name == "SQLITE_FULL" or "disk is full" in text:
        return DiskFullError(
            f"{where}: the disk is full; the change was not saved and the database is "
            "unchanged. Free some space and try again"
        )
    if name == "SQLITE_NOTADB" or "file is not a database" in text:
        return NotADatabaseError(f"{where}: is not a database file; it was left as it is")
    if name.startswith("SQLITE_CORRUPT") or "malformed" in text:
        return DamagedDatabaseError(
            f"{where}: the database is damaged ({orig}); it was left as it is. Restore a "
            "backup (tareaid backup makes one) or open another database"
        )
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return StoreEnvironmentError(
            f"{where}: the database cannot be opened (the file or its folder is missing or "
            "not accessible)"
        )
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return StoreEnvironmentError(f"{where}: the disk reported an input/output error ({orig})")
    if name == "SQLITE_PERM" or "access permission denied" in text:
        return ReadOnlyDatabaseError(f"{where}: access to the database was denied")
    return None


@contextlib.contextmanager
def translated(where: object, *, busy_timeout_s: float) -> Iterator[None]:
    """Run a block, turning SQLite environment errors into StoreErrors naming `where`."""
    try:
        yield
    except _driver_errors() as error:
        problem = translate(error, where, busy_timeout_s=busy_timeout_s)
        if problem is None:
            raise
        raise problem from None


def _driver_errors() -> tuple[type[Exception], ...]:
    """The exceptions that can carry an SQLite error: sqlite3's own and, once SQLAlchemy is
    in use, its wrapper of them (which keeps the original as ``orig``).

    Looked up in sys.modules rather than imported: the read-only checks here run before
    SQLAlchemy is loaded (``tareaid check``), and no SQLAlchemy error can occur until it is.
    """
    sqlalchemy_exc = sys.modules.get("sqlalchemy.exc")
    if sqlalchemy_exc is None:
        return (sqlite3.Error,)
    return (sqlite3.Error, sqlalchemy_exc.DBAPIError)


# --- read-only connections -----------------------------------------------------------------


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    # as_uri() percent-encodes, so a path with spaces, '?' or '#' is still one file name.
    uri = Path(path).absolute().as_uri() + "?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def sidecars(path: Path) -> list[Path]:
    """The files SQLite keeps beside `path` while it is in use or after a crash."""
    return [Path(f"{path}{suffix}") for suffix in files.SIDECAR_SUFFIXES]


def _nobody_has_it_open(path: Path) -> bool:
    """Whether no -wal, -shm or -journal lies beside the file: no connection has it open in
    WAL mode (the first creates them, the last removes them) and no crash left a journal."""
    return not any(os.path.lexists(side) for side in sidecars(path))


@contextlib.contextmanager
def read_only_connection(path: Path, *, busy_timeout_s: float) -> Iterator[sqlite3.Connection]:
    """An SQLite connection that cannot write the file (``mode=ro``), closed on exit.

    Leaves nothing beside the file. A ``mode=ro`` connection to a WAL database makes the
    -wal and -shm files when they are missing, and cannot remove them when it closes (a
    leftover -shm on a read-only database then blocks writing). So when no sidecar exists —
    nobody has the file open — it is opened ``immutable``: SQLite reads the file as it is,
    with no lock, no -shm and no -wal. When they exist, another connection is using them;
    they are read through and never removed (a -wal may hold committed changes).
    """
    immutable = _nobody_has_it_open(path)
    connection = sqlite3.connect(
        read_only_uri(path, immutable=immutable),
        uri=True,
        timeout=busy_timeout_s,
        check_same_thread=False,
    )
    try:
        yield connection
    finally:
        connection.close()


@dataclass(frozen=True)
class Inspection:
    """What a read-only look at an existing file found (all checks passed)."""

    schema_version: int
    # A crash left a rollback journal that only a read-write connection can undo (a file
    # still in rollback mode, e.g. one from schema version 1 never opened since): the
    # checks are then repeated by `verify` on the first read-write connection.
    needs_recovery: bool = False


def inspect(
    path: Path, *, busy_timeout_s: float = DEFAULT_BUSY_TIMEOUT_S, quick_check: bool = True
) -> Inspection:
    """Decide, reading only, whether an existing file may be opened for writing.

    Raises NotADatabaseError, ForeignDatabaseError, NewerSchemaError or DamagedDatabaseError
    (the file left untouched), or DatabaseLockedError. Without `quick_check` only the
    header, identity and schema version are checked (they cost nothing); the caller must
    then run `integrity_problems` before it writes.
    """
    header = read_header(path)
    if header is not None:
        # Refused on the header alone, SQLite never opens the file (not even read-only,
        # which could leave -wal/-shm files beside it).
        check_identity(path, header.application_id, header.user_version)
    try:
        with (
            translated(path, busy_timeout_s=busy_timeout_s),
            read_only_connection(path, busy_timeout_s=busy_timeout_s) as connection,
        ):
            return Inspection(schema_version=verify(connection, path, quick_check=quick_check))
    except ReadOnlyDatabaseError:
        if header is not None and Path(f"{path}-journal").exists():
            return Inspection(schema_version=header.user_version, needs_recovery=True)
        raise


def verify(connection: sqlite3.Connection, path: Path, *, quick_check: bool = True) -> int:
    """Identity, schema version and (unless told not to) quick_check through an open
    connection; the version."""
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    user_version = connection.execute("PRAGMA user_version").fetchone()[0]
    # A header read with open() may predate a commit still in the WAL; SQLite's view is
    # the authoritative one.
    check_identity(path, application_id, user_version)
    if user_version < SCHEMA_VERSION:
        # About to be upgraded: its Alembic record (if the ladder ever ran) must be ours.
        check_history(path, schema_history(connection))
    if quick_check:
        problems = integrity_problems(connection)
        if problems:
            raise damaged(path, problems)
    return int(user_version)


def schema_history(connection: sqlite3.Connection) -> list[str]:
    """The revisions in the file's Alembic record (none for a file the ladder never ran on)."""
    found = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if found is None:
        return []
    return [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]


def integrity_problems(connection: sqlite3.Connection) -> list[str]:
    """What SQLite's quick_check finds wrong with the file (nothing: an empty list).

    Reads every page, so it takes time in proportion to the file (a 214 MB database:
    ~0.26 s with the file cached, ~0.76 s from disk); SQLite releases the GIL meanwhile.
    """
    return _run_check(connection, "quick_check")


def damaged(path: Path, problems: list[str]) -> DamagedDatabaseError:
    """The error for a file whose integrity check found `problems`."""
    return DamagedDatabaseError(
        f"{path}: the database is damaged ({problems[0]}); it was left as it is. Restore "
        "a backup or open another database"
    )


def _run_check(connection: sqlite3.Connection, pragma: str) -> list[str]:
    # On a truncated file the check itself raises instead of reporting.
    try:
        rows = connection.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as error:
        return [f"{pragma} could not run: {error}"]
    results = [str(row[0]) for row in rows]
    return [] if results == ["ok"] else results


def ensure_writable(path: Path) -> None:
    """Refuse early, with a clear message, a database that could not be saved to."""
    folder = path.parent
    if not os.access(path, os.W_OK):
        raise ReadOnlyDatabaseError(
            f"{path}: the database file is read-only, so changes could not be saved; it was "
            "left as it is. Copy it somewhere writable, or ask for write access"
        )
    if not os.access(folder, os.W_OK):
        # SQLite keeps its -wal and -shm files beside the database, so the folder must be
        # writable too.
        raise ReadOnlyDatabaseError(
            f"{path}: the folder {folder} is read-only, so the database could not be saved; "
            "it was left as it is. Copy it somewhere writable, or ask for write access"
        )


# --- creating a database file ----------------------------------------------------------------


@contextlib.contextmanager
def owner_only() -> Iterator[None]:
    """Files and folders created inside are readable by their owner only."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def create_database_file(path: Path, build: Callable[[Path], None]) -> bool:
    """Create a complete, empty TAREaid database at `path`; False if one appeared meanwhile.

    `build(temp)` makes the database in a temporary file beside the target, which is linked
    into place only when complete, so an interrupted creation never leaves an empty or
    half-built file behind (an empty file would afterwards be refused as "not a database").
    """
    with owner_only():
        if not path.parent.exists():
            try:
                path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            except OSError as error:
                raise ReadOnlyDatabaseError(
                    f"{path}: the folder {path.parent} cannot be created ({error.strerror})"
                ) from None
        try:
            fd, temp_name = tempfile.mkstemp(
                prefix=f".{path.name}.", suffix=".new", dir=path.parent
            )
        except OSError as error:
            raise ReadOnlyDatabaseError(
                f"{path}: a database cannot be created in {path.parent} ({error.strerror})"
            ) from None
        os.close(fd)
        temp = Path(temp_name)
        try:
            with translated(path, busy_timeout_s=DEFAULT_BUSY_TIMEOUT_S):
                build(temp)
            os.chmod(temp, 0o600)
            try:
                # link() never replaces: if another process created the database meanwhile,
                # theirs is kept and ours is dropped.
                os.link(temp, path)
            except FileExistsError:
                return False
            except OSError:
                # Some filesystems have no hard links; a rename is nearly as good.
                if path.exists():
                    return False
                os.replace(temp, path)
            _fsync_folder(path.parent)
            return True
        finally:
            for leftover in (
                temp,
                Path(f"{temp}-journal"),
                Path(f"{temp}-wal"),
                Path(f"{temp}-shm"),
            ):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()


def _fsync_folder(folder: Path) -> None:
    # Makes the new directory entry itself durable (POSIX); not possible on Windows.
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# --- backups -----------------------------------------------------------------------------------


# A backup is written to `.<name>.tareaid-backup-XXXXXXXX.part` beside its destination and
# renamed into place when complete; a backup killed halfway leaves that file (case data,
# 0600), so the next backup to the same folder removes the ones no backup is writing.
BACKUP_PART_PREFIX = ".tareaid-backup-"
_BACKUP_PART = re.compile(
    r"^\..+" + re.escape(BACKUP_PART_PREFIX) + r"[A-Za-z0-9_]{8}\.part(-journal|-wal|-shm)?$"
)
# A part younger than this may belong to a backup that has not locked it yet.
STALE_PART_AGE_S = 60.0


def _lock_part(fd: int) -> None:
    """Mark a part as being written (an advisory lock the clean-up respects)."""
    with contextlib.suppress(ImportError, OSError):
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


@contextlib.contextmanager
def locked_part(path: Path) -> Iterator[None]:
    """Hold the advisory lock of a part another connection of this process is writing (a
    copy built by ``transfer``), so that `remove_stale_parts` leaves it alone. Leave the
    block only after that connection is closed: closing this descriptor drops the process's
    POSIX locks on the file, SQLite's included."""
    fd = os.open(path, os.O_RDONLY)
    try:
        _lock_part(fd)
        yield
    finally:
        os.close(fd)


def _part_in_use(path: Path) -> bool:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: an open file cannot be removed anyway
        return False
    try:
        with open(path, "rb") as handle:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return True
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            return False
    except OSError:
        return True


def remove_stale_parts(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove what killed backups left in `folder`: files of TAREaid's part pattern only,
    older than a minute and not locked by a backup still writing them. Returns them."""
    moment = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = _BACKUP_PART.match(entry.name)
        if match is None:
            continue
        try:
            info = entry.lstat()
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode) or moment - info.st_mtime < STALE_PART_AGE_S:
            continue
        main = entry.with_name(entry.name[: len(entry.name) - len(match.group(1) or "")])
        if main.exists() and _part_in_use(main):
            continue
        with contextlib.suppress(OSError):
            entry.unlink()
            removed.append(entry)
    return removed


def backup_file(source: Path, destination: Path, *, busy_timeout_s: float) -> None:
    """A consistent copy of `source` at `destination`, written whole or not at all.

    Uses SQLite's online backup API from a read-only connection (consistent while other
    connections read and write), into a temporary file that replaces the destination only
    when complete. Never copies the live file byte by byte. Refuses a destination that is a
    database or one of its -wal/-shm files (the source included); removes the parts that
    killed backups left in the destination's folder.
    """
    destination = Path(destination).expanduser().absolute()
    if destination.is_dir():
        raise StoreInputError(
            f"{destination}: is a folder; give a file name for the backup", exit_code=1
        )
    folder = destination.parent
    if not folder.is_dir():
        raise StoreInputError(f"{destination}: the folder {folder} does not exist", exit_code=1)
    files.refuse_database_target(destination)
    remove_stale_parts(folder)
    with owner_only():
        try:
            fd, temp_name = tempfile.mkstemp(
                prefix=f".{destination.name}{BACKUP_PART_PREFIX}", suffix=".part", dir=folder
            )
        except OSError as error:
            raise StoreEnvironmentError(
                f"{destination}: the backup cannot be written here ({error.strerror})"
            ) from None
        # Held (and locked) until the end: closed only after SQLite's own connection to the
        # part is, since closing a descriptor drops the process's POSIX locks on the file.
        _lock_part(fd)
        temp = Path(temp_name)
        try:
            with (
                translated(source, busy_timeout_s=busy_timeout_s),
                read_only_connection(source, busy_timeout_s=busy_timeout_s) as src,
            ):
                target = sqlite3.connect(temp, isolation_level=None)
                try:
                    src.backup(target)
                finally:
                    # Closing the only connection folds the copy's WAL (it keeps WAL mode
                    # from the source's header) into the one file.
                    target.close()
            os.fsync(fd)
            os.chmod(temp, 0o600)
            os.replace(temp, destination)
            _fsync_folder(folder)
        except OSError as error:
            problem = translate(error, destination, busy_timeout_s=busy_timeout_s)
            raise problem or StoreEnvironmentError(
                f"{destination}: the backup could not be written ({error.strerror or error})"
            ) from None
        finally:
            os.close(fd)
            for leftover in (
                temp,
                Path(f"{temp}-journal"),
                Path(f"{temp}-wal"),
                Path(f"{temp}-shm"),
            ):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()


# --- the read-only check -----------------------------------------------------------------------


@dataclass(frozen=True)
class FileCheck:
    """What `check_file` found."""

    problems: tuple[str, ...]
    schema_version: int | None
    case_count: int | None


def check_file(path: Path, *, busy_timeout_s: float = DEFAULT_BUSY_TIMEOUT_S) -> FileCheck:
    """Check a database file without modifying it: every problem found, in plain words.

    Header and application_id, schema version, SQLite's full integrity_check, foreign keys,
    the expected tables, the audit triggers' definitions, the audit trail's hash chain,
    every case against its trail and its stored summary against its assessment, and the
    trail's length against its end row (``trail_check``).
    """
    from tareaid.store.audit import AUDIT_COLUMNS, verify_chain
    from tareaid.store.trail_check import case_problems

    problems: list[str] = []
    if not path.exists() and not path.is_symlink():
        raise DatabaseMissingError(f"no database at {path} (nothing was created)")
    try:
        header = read_header(path)
        if header is not None:
            check_identity(path, header.application_id, header.user_version)
    except StoreError as error:
        return FileCheck((error.message,), None, None)
    version: int | None = None
    count: int | None = None
    try:
        with (
            translated(path, busy_timeout_s=busy_timeout_s),
            read_only_connection(path, busy_timeout_s=busy_timeout_s) as connection,
        ):
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            try:
                check_identity(path, application_id, version)
            except StoreError as error:
                return FileCheck((error.message,), version, None)
            integrity = _run_check(connection, "integrity_check")
            problems += [f"integrity check: {line}" for line in integrity[:20]]
            if integrity:
                # Further queries on a damaged file may raise or mislead.
                return FileCheck(tuple(problems), version, None)
            names = {
                row[0]: row[1]
                for row in connection.execute(
                    "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'trigger')"
                )
            }
            expected = TABLES_BY_VERSION.get(version, frozenset())
            missing = sorted(t for t in expected if names.get(t) != "table")
            if missing:
                problems.append(
                    f"tables missing for schema version {version}: " + ", ".join(missing)
                )
            # Files from before the ladder have only user_version; once the ladder has run,
            # its record and user_version must name the same version.
            revisions = schema_history(connection)
            if names.get("alembic_version") == "table" and revisions != [revision_of(version)]:
                problems.append(
                    f"the schema history (revision {', '.join(revisions) or 'none'}) does not "
                    f"match schema version {version}"
                )
            problems += _trigger_problems(connection)
            for row in connection.execute("PRAGMA foreign_key_check").fetchall()[:20]:
                problems.append(
                    f"foreign key: row {row[1]} of table {row[0]} refers to a missing "
                    f"row of {row[2]}"
                )
            if not missing:
                count = connection.execute("SELECT count(*) FROM case_record").fetchone()[0]
                problems += verify_chain(connection)
                problems += case_problems(
                    _dict_rows(connection, "SELECT * FROM case_record ORDER BY id"),
                    _dict_rows(connection, "SELECT * FROM case_override"),
                    _dict_rows(connection, f"SELECT {AUDIT_COLUMNS} FROM audit_entry ORDER BY id"),
                )
                if names.get("audit_trail_end") == "table":  # schema version 6 on
                    problems += _trail_end_problems(connection)
    except StoreError as error:
        problems.append(error.message)
    return FileCheck(tuple(problems), version, count)


def _trail_end_problems(connection: sqlite3.Connection) -> list[str]:
    from tareaid.store.trail_check import trail_end_problems

    kept = connection.execute("SELECT entry_count, head_hash FROM audit_trail_end").fetchall()
    count = connection.execute("SELECT count(*) FROM audit_entry").fetchone()[0]
    newest = connection.execute(
        "SELECT entry_hash FROM audit_entry ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return trail_end_problems(kept, count, newest[0] if newest else None)


def _dict_rows(connection: sqlite3.Connection, sql: str) -> list[dict[str, Any]]:
    cursor = connection.execute(sql)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _trigger_problems(connection: sqlite3.Connection) -> list[str]:
    """The audit triggers, checked by their definition: one replaced by a trigger of the
    same name that no longer refuses the change protects nothing."""
    stored = dict(
        connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = "
            "'audit_entry'"
        ).fetchall()
    )
    problems = []
    for name, expected in AUDIT_TRIGGER_SQL.items():
        definition = stored.get(name)
        if definition is None:
            problems.append(f"the audit trail is not protected: trigger {name} is missing")
        elif " ".join(str(definition).split()) != expected:
            problems.append(
                f"the audit trail is not protected: trigger {name} was replaced by another "
                "definition (it no longer refuses the change)"
            )
    for name in sorted(set(stored) - set(AUDIT_TRIGGER_SQL)):
        problems.append(f"the audit trail has a trigger TAREaid did not make: {name}")
    return problems
