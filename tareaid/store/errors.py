"""The errors the case database explains to its user, sorted by who can fix what.

Environment problems (another program holds the lock, the folder is read-only, the disk is
full) exit with 1: the command ran and met a problem outside TAREaid. A file that is not a
TAREaid database, a damaged or newer one, and refusals of bad input (a duplicate reference,
a change to a finalised case without an amend reason) exit with 2. Every message names the
database file, so a user with several databases knows which one is meant.
"""

from __future__ import annotations

from tareaid.errors import NotFoundError, TareaidError


class StoreError(TareaidError):
    """Anything the case database refuses or cannot do, with a message naming the file."""

    exit_code = 1


class NotADatabaseError(StoreError):
    """The file is not an SQLite database at all (a text file, an image, an empty file)."""

    exit_code = 2


class DamagedDatabaseError(StoreError):
    """The file is a TAREaid database but fails its integrity check or cannot be read."""

    exit_code = 2


class NewerSchemaError(StoreError):
    """The database was written by a newer TAREaid; it is left exactly as it is."""

    exit_code = 2


class ForeignDatabaseError(StoreError):
    """An SQLite database that belongs to another program (another application_id)."""

    exit_code = 2


class DatabaseMissingError(StoreError):
    """No database exists where one was expected and creating one was not asked for."""

    exit_code = 1


class DatabaseLockedError(StoreError):
    """Another program kept the database locked for longer than the busy timeout."""

    exit_code = 1


class ReadOnlyDatabaseError(StoreError):
    """The database file or its folder cannot be written."""

    exit_code = 1


class DiskFullError(StoreError):
    """The disk (or a quota) is full; nothing of the interrupted change was kept."""

    exit_code = 1


class StaleEditError(StoreError):
    """The case was changed by someone else since it was loaded; nothing was overwritten."""

    exit_code = 1


class DuplicateReferenceError(StoreError):
    """A case reference that already exists (in the database or earlier in the same file)."""

    exit_code = 2


class CaseLockedError(StoreError):
    """The case has a finalised board decision: a change needs an amend reason."""

    exit_code = 2


class CaseArchivedError(StoreError):
    """The case is archived: restore it before changing it."""

    exit_code = 2


class CaseNotFoundError(StoreError, NotFoundError):
    """No case with that reference."""

    exit_code = 1
