"""The errors TAREaid explains to its user, sorted by who is to blame.

Every failure is one of three kinds, and each kind looks different to the user:

- **Bad input** (:class:`BadInputError`): the user's data or command is wrong — an invalid
  case file, a refused reference, a malformed evidence pack given by path, a folder where a
  file name was needed. The message names the file, the case and the field, nothing is
  written, and no traceback is shown. The command line exits with 2.
- **Environment** (:class:`EnvironmentProblemError`): TAREaid and the input are fine but the
  world around them is not — the database is locked, read-only, on a full disk, damaged,
  from another program or a newer TAREaid; the server cannot be reached or refuses. The
  message names the file and, in the desktop application, comes with ways out. The command
  line exits with 1 (2 for the database files the contract calls bad input: not a
  database, damaged, foreign, newer).
- **Bug**: anything else. It is never caught as if it were input or environment: the
  desktop application shows the unexpected-error dialog with the traceback to copy into a
  report, the command line says "internal error" with the traceback and exits with
  :data:`INTERNAL_ERROR_EXIT`.

This module is pure Python so that every layer can raise and sort these errors.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

# EX_SOFTWARE from BSD's sysexits.h, "internal software error": neither 1 (the command ran
# and found a problem) nor 2 (bad input), so a script can tell a bug from both.
INTERNAL_ERROR_EXIT = 70

Blame = Literal["input", "environment", "bug"]


_NAMED_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _needs_escape(char: str) -> bool:
    # Control characters (C0, C1), format characters (bidi overrides and isolates,
    # zero-width characters), lone surrogates and the line and paragraph separators
    # (U+2028, U+2029, which break a line in a dialog and in many terminals): a terminal or
    # a dialog would act on them or hide them instead of showing them.
    return unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp")


def escape_controls(text: str) -> str:
    """`text` with every control, format, surrogate and line or paragraph separator
    character shown as an escape (``\\x1b``, ``\\u202e``, ``\\u2028``, ``\\r``), so
    quoting the user's input in a message never moves a cursor, recolours a terminal,
    breaks a line or reorders what is shown."""
    if not any(_needs_escape(char) for char in text):
        return text
    out = []
    for char in text:
        if not _needs_escape(char):
            out.append(char)
        elif char in _NAMED_ESCAPES:
            out.append(_NAMED_ESCAPES[char])
        elif ord(char) < 0x100:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) < 0x10000:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return "".join(out)


class TareaidError(Exception):
    """An error with a message for the user and the exit code the command line returns.

    Raise one of the two branches, :class:`BadInputError` or
    :class:`EnvironmentProblemError`, never this root itself. ``str(error)`` is the whole
    message for the user (a :class:`~tareaid.domain.case.CaseError` adds its file, case and
    field there); ``message`` is the part without that location.
    """

    exit_code = 2

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        # Messages quote the user's input: shown escaped, on the command line and in the app.
        message = escape_controls(message)
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code


class BadInputError(TareaidError):
    """The user's data or command is wrong; the message says where and how to fix it.

    Exit code 2 (bad usage or bad input). Nothing was written. Never shown with a traceback.
    """

    exit_code = 2


class EnvironmentProblemError(TareaidError):
    """Something outside TAREaid and the user's input stands in the way: the database file
    or server, the disk, the file system, another program or user.

    Exit code 1 (the command ran and met a problem), or 2 for the database files the
    contract counts as bad input (not a database, damaged, foreign, newer schema). The
    desktop application offers ways out (another database, a backup, try again).
    """

    exit_code = 1


class NotFoundError(BadInputError):
    """Something the user named (a case reference) does not exist.

    Exit code 1, as the contract says for a case not found: the command ran and found no
    such case.
    """

    exit_code = 1


def blame(error: BaseException) -> Blame:
    """Who is to blame for `error`: the user's input, the environment, or TAREaid (a bug).

    An OSError that reaches a caller unexplained is the machine refusing a file operation
    (permissions, a full disk, a missing folder): the environment's.
    """
    if isinstance(error, BadInputError):
        return "input"
    if isinstance(error, EnvironmentProblemError | OSError):
        return "environment"
    return "bug"


def message_for(error: BaseException) -> str:
    """The message to show the user for an input or environment error."""
    if isinstance(error, OSError) and error.strerror:
        text = f"{error.filename}: {error.strerror}" if error.filename else error.strerror
        return escape_controls(text)
    return escape_controls(str(error)) or type(error).__name__
