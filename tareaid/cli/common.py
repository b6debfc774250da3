"""What every subcommand shares: the --db option, reading input, writing output safely."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tareaid import __version__
from tareaid.errors import BadInputError, EnvironmentProblemError
from tareaid.files import write_atomically

if TYPE_CHECKING:
    from tareaid.store.backups import BackupOutcome

DB_ENV = "TAREAID_DB"


def add_db_option(parser: argparse.ArgumentParser, *, suppress_default: bool) -> None:
    # On subcommands the default is suppressed so that `tareaid --db X list` keeps X.
    parser.add_argument(
        "--db",
        metavar="DB",
        default=argparse.SUPPRESS if suppress_default else None,
        help=f"database file or URL (default: ${DB_ENV}, else the user's data directory)",
    )


def database_argument(args: argparse.Namespace) -> str | None:
    """The database the user named on the command line or in TAREAID_DB, if any."""
    return getattr(args, "db", None) or os.environ.get(DB_ENV) or None


def make_output_streams_safe() -> None:
    """Never fail on a character the terminal cannot show (≥, µ, accented names)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]


def restrict_new_files() -> None:
    """Files TAREaid creates (databases, backups, exports) are readable by their owner only."""
    os.umask(0o077)


def print_error(message: str) -> None:
    print(f"tareaid: error: {message}", file=sys.stderr)


def print_warning(message: str) -> None:
    print(f"tareaid: warning: {message}", file=sys.stderr)


def automatic_backup(database: object, kind: str) -> None:
    """Take an automatic backup (tareaid.store.backups.automatic_backup); one that cannot be
    made is a warning line on standard error, and the command goes on."""
    from tareaid.store.backups import automatic_backup as take

    warn_about_backup(take(database, kind))


def warn_about_backup(outcome: BackupOutcome) -> None:
    """A warning line for an automatic backup (a BackupOutcome) that could not be made."""
    if outcome.problem is not None:
        print_warning(outcome.problem)


def print_internal_error(error: BaseException) -> None:
    """Say that TAREaid itself failed, with the traceback a bug report needs."""
    trace = "".join(traceback.format_exception(error))
    print(
        f"tareaid: internal error: {type(error).__name__}: {error}\n"
        "This is a bug in TAREaid, not a problem with your input or your database; nothing "
        f"more was written. Please report it with the details below (TAREaid {__version__}).\n"
        f"\n{trace}",
        file=sys.stderr,
        end="",
    )


def read_input(path: str) -> tuple[bytes, str]:
    """The bytes of FILE, or of standard input for '-', and the name to use in messages."""
    if path == "-":
        return sys.stdin.buffer.read(), "<stdin>"
    try:
        return Path(path).read_bytes(), path
    except FileNotFoundError:
        raise BadInputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BadInputError(f"{path}: is a directory, not a case file") from None
    except OSError as error:
        raise EnvironmentProblemError(
            f"{path}: cannot be read ({error.strerror})", exit_code=2
        ) from None


def print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def write_file_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write all of `data` to `path` or nothing, owner-only; errors become user messages."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise BadInputError(f"{target}: is a directory; give a file name")
    if not directory.is_dir():
        raise BadInputError(f"{target}: the folder {directory} does not exist")
    try:
        write_atomically(target, data)
    except OSError as error:
        raise EnvironmentProblemError(
            f"{target}: could not be written ({error.strerror})", exit_code=2
        ) from None
