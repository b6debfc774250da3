"""Writing a file the safe way: all of it or nothing, readable by its owner only, and never
over a database.

Every file TAREaid writes for the user (case exports, PDFs, agenda summaries, backups) goes
through here, so a crash or a full disk never leaves half a file where a good one was, and
a file name typed or chosen by mistake never replaces a database: `refuse_database_target`
is the one check every writer and every save dialog calls.

The store notes here which database files this process has open (`note_open`), because the
check must not read such a file: closing any descriptor of a file drops every POSIX lock the
process holds on it, SQLite's included.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import threading
from pathlib import Path

from tareaid.errors import BadInputError

# The first bytes of an SQLite database and of its write-ahead log (either byte order).
SQLITE_MAGIC = b"SQLite format 3\x00"
WAL_MAGICS = (bytes.fromhex("377f0682"), bytes.fromhex("377f0683"))
# Files SQLite keeps beside a database while it is in use.
SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")


class DatabaseTargetError(BadInputError):
    """A file to be written is a database, or one of the files SQLite keeps beside one."""

    exit_code = 2


# --- database files this process has open -------------------------------------------------

_open_lock = threading.Lock()
_open_files: dict[tuple[int, int], int] = {}


def file_key(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """The (device, inode) of a file, or None when it does not exist."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino)


def note_open(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """Note that this process has the database `path` open; returns the key to release."""
    key = file_key(path)
    if key is not None:
        with _open_lock:
            _open_files[key] = _open_files.get(key, 0) + 1
    return key


def note_closed(key: tuple[int, int] | None) -> None:
    if key is None:
        return
    with _open_lock:
        count = _open_files.get(key, 0) - 1
        if count > 0:
            _open_files[key] = count
        else:
            _open_files.pop(key, None)


def is_open_here(path: str | os.PathLike[str]) -> bool:
    """Whether a database connection of this process has `path` open."""
    key = file_key(path)
    with _open_lock:
        return key is not None and key in _open_files


# --- the one check every writer makes --------------------------------------------------------


def _starts_like_a_database(path: Path) -> bool:
    """Whether a regular file starts like an SQLite database or WAL (read only when no
    connection of this process has it open)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    if is_open_here(path):
        return True
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError:
        return False
    return head == SQLITE_MAGIC or head[:4] in WAL_MAGICS


def refuse_database_target(path: str | os.PathLike[str]) -> None:
    """Refuse (DatabaseTargetError, exit 2) a file name that would replace a database.

    Refused: any existing SQLite database or write-ahead log (TAREaid's or another
    program's: a PDF or a case file never belongs there), the database this process has
    open, and the `-wal`, `-shm` and `-journal` files of a database, whether they exist yet
    or not (writing one would corrupt the database, or be taken for its log). Symbolic links
    are followed. Reads at most 16 bytes; writes nothing.
    """
    target = Path(path)
    candidates = [target]
    with contextlib.suppress(OSError, RuntimeError, ValueError):
        resolved = target.resolve()
        if resolved != target:
            candidates.append(resolved)
    for candidate in candidates:
        if _starts_like_a_database(candidate):
            raise DatabaseTargetError(
                f"{target}: is a database file; it was left as it is. Choose another file name"
            )
        name = candidate.name
        for suffix in SIDECAR_SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix):
                database = candidate.with_name(name[: -len(suffix)])
                if _starts_like_a_database(database):
                    raise DatabaseTargetError(
                        f"{target}: belongs to the database {database} (SQLite's {suffix[1:]} "
                        "file); nothing was written. Choose another file name"
                    )


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` completely or not at all, with mode 0600.

    The bytes go to a temporary file in the same folder (mkstemp creates it 0600, so it is
    private even while being written), are flushed to disk, and the file is renamed over
    `path`; on failure any earlier file at `path` is untouched. Raises OSError, or
    DatabaseTargetError for a database file (see `refuse_database_target`).
    """
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(21, "is a folder, not a file name", str(target))
    refuse_database_target(target)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o600)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
