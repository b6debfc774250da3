"""The base of every error TAREaid explains to its user instead of showing a traceback."""

from __future__ import annotations


class TareaidError(Exception):
    """An error with a message for the user and the exit code the command line returns.

    Exit codes follow the contract: 1 when the command ran and found a problem (a failed
    check, a case not found), 2 for bad usage or bad input.
    """

    exit_code = 2

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code


class NotFoundError(TareaidError):
    """Something the user named (a case reference) does not exist."""

    exit_code = 1
