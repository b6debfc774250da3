"""The errors the case database explains to its user, sorted by who is to blame.

Every error here is a :class:`StoreError`, so a caller that only needs "the database said
no" catches that one class; each also sits on one branch of the project's taxonomy
(tareaid.errors):

- the environment's (:class:`StoreEnvironmentError`): another program holds the lock, the
  folder is read-only, the disk is full, the file is not a TAREaid database, is damaged or
  newer, the server cannot be reached, refuses the login or a privilege, is busy or lost
  the connection (the transient ones derive from :class:`TransientStoreError`), someone
  else changed the case meanwhile. Exit 1, or
  2 for the files the contract counts as bad input (not a database, damaged, foreign, newer);
- the user's input (:class:`StoreInputError`): a duplicate reference, a change to a
  finalised case without an amend reason, an archived case, a case that does not exist, a
  backup written over a folder. Exit 2, or 1 for a case not found (the contract) and the
  few refusals that have always exited with 1.

Every message names the database file, so a user with several databases knows which one
is meant.
"""

from __future__ import annotations

from tareaid.errors import BadInputError, EnvironmentProblemError, NotFoundError, TareaidError


class StoreError(TareaidError):
    """Anything the case database refuses or cannot do, with a message naming the file.

    Raise one of its two branches, StoreEnvironmentError or StoreInputError, or one of
    their subclasses.
    """

    exit_code = 1


class StoreEnvironmentError(StoreError, EnvironmentProblemError):
    """The database file or server, the disk or another user stands in the way."""

    exit_code = 1


class StoreInputError(StoreError, BadInputError):
    """The database refuses what the user asked for (a reference, a name, a target)."""

    exit_code = 2


class NotADatabaseError(StoreEnvironmentError):
    """The file is not an SQLite database at all (a text file, an image, an empty file)."""

    exit_code = 2


class DamagedDatabaseError(StoreEnvironmentError):
    """The file is a TAREaid database but fails its integrity check or cannot be read."""

    exit_code = 2


class NewerSchemaError(StoreEnvironmentError):
    """The database was written by a newer TAREaid; it is left exactly as it is."""

    exit_code = 2


class ForeignDatabaseError(StoreEnvironmentError):
    """An SQLite database that belongs to another program (another application_id)."""

    exit_code = 2


class InvalidStoredValueError(StoreEnvironmentError):
    """A case row holds a value that is not valid for its field (written behind TAREaid's
    back); the case is shown, but not exported or changed, until it is dealt with."""

    exit_code = 1


class DatabaseMissingError(StoreEnvironmentError):
    """No database exists where one was expected and creating one was not asked for."""

    exit_code = 1


class DatabaseLockedError(StoreEnvironmentError):
    """Another program kept the database locked for longer than the busy timeout."""

    exit_code = 1


class ReadOnlyDatabaseError(StoreEnvironmentError):
    """The database file or its folder cannot be written."""

    exit_code = 1


class DiskFullError(StoreEnvironmentError):
    """The disk (or a quota) is full; nothing of the interrupted change was kept."""

    exit_code = 1


class StaleEditError(StoreEnvironmentError):
    """The case was changed by someone else since it was loaded; nothing was overwritten."""

    exit_code = 1


class TransientStoreError(StoreEnvironmentError):
    """A database server that is busy, out of reach or lost the connection for now: nothing
    of the interrupted change was kept, and the same change may well succeed in a moment
    (the desktop's autosave keeps the edit and tries again)."""

    exit_code = 1


class DatabaseBusyError(TransientStoreError):
    """The server waited too long for another user's change (a lock) or for an answer."""

    exit_code = 1


class ServerUnreachableError(TransientStoreError):
    """No database server answers at the address (down, wrong host or port, network)."""

    exit_code = 1


class ConnectionLostError(TransientStoreError):
    """The connection to the server broke in the middle of the work; nothing was kept."""

    exit_code = 1


class AuthenticationError(StoreEnvironmentError):
    """The server refused the login: a wrong password, or the login may not connect."""

    exit_code = 1


class PasswordNeededError(AuthenticationError):
    """The server asks for a password and none was found (URL, ~/.pgpass, service file)."""

    exit_code = 1


class PermissionDeniedError(StoreEnvironmentError):
    """The database login lacks a privilege TAREaid needs; the message names it."""

    exit_code = 1


class DriverMissingError(StoreEnvironmentError):
    """The database driver a URL needs is not installed (psycopg for postgresql://)."""

    exit_code = 1


class DuplicateReferenceError(StoreInputError):
    """A case reference that already exists (in the database or earlier in the same file)."""

    exit_code = 2


class CaseLockedError(StoreInputError):
    """The case has a finalised board decision: a change needs an amend reason."""

    exit_code = 2


class CaseArchivedError(StoreInputError):
    """The case is archived: restore it before changing it."""

    exit_code = 2


class CaseNotFoundError(StoreInputError, NotFoundError):
    """No case with that reference."""

    exit_code = 1
