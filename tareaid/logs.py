"""The diagnostic log: a rotating file in the platform's log folder and a native-crash file.

`start()` is called once per process by the command line, after the arguments are parsed
(so `tareaid --version` and `--help` pay nothing for it). It sets up:

- ``tareaid.log`` in the user log folder (Linux ``$XDG_STATE_HOME/TAREaid/log``, macOS
  ``~/Library/Logs/TAREaid``, Windows ``%LOCALAPPDATA%\\TAREaid\\Logs``): INFO and above,
  DEBUG with ``--verbose`` (then also to standard error); 2 MB, the four previous files kept
  as ``tareaid.log.1`` … ``.4``; the folder 0700 and every file 0600;
- ``crash.txt`` beside it, handed to `faulthandler` and kept open for the life of the
  process, so a native crash (a segmentation fault in Qt, an abort) leaves the Python stack
  of every thread behind. At the next start a non-empty crash file is copied into the log
  as a warning and kept as ``crash-previous.txt``.

No identifier ever reaches the log. TAREaid's own code logs events, counts, durations and
case references, never names, MRNs, dates of birth or free text. Two things could still
carry them, and both are closed here: other libraries' debug output (SQLAlchemy logs SQL
with its parameters when its logger is enabled for INFO) is dropped below WARNING, and an
exception is logged as its type and the code lines of its traceback, never its message
(messages can quote a rejected value or a statement's parameters).
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO, Any

APP_NAME = "TAREaid"
LOG_NAME = "tareaid.log"
CRASH_NAME = "crash.txt"
PREVIOUS_CRASH_NAME = "crash-previous.txt"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 4
# How much of a previous crash report goes into the log (a dump of every thread is short).
CRASH_EXCERPT_BYTES = 16 * 1024

FORMAT = "%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s"
DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"

log = logging.getLogger("tareaid.logs")


def log_directory() -> Path:
    """The platform's per-user log folder for TAREaid."""
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def describe_error(error: BaseException) -> str:
    """An exception as its type and traceback (chained ones too), without any message.

    The source lines shown are TAREaid's and its libraries' code, never data; the message
    is left out because it can quote the value that was refused.
    """
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    parts: list[str] = []
    for index, item in enumerate(reversed(chain)):
        if index:
            parts.append("\nwhich led to:\n")
        if item.__traceback__ is not None:
            parts.append("Traceback (most recent call last):\n")
            parts.extend(traceback.format_list(traceback.extract_tb(item.__traceback__)))
        kind = type(item)
        parts.append(f"{kind.__module__}.{kind.__qualname__} (message not logged)\n")
    return "".join(parts).rstrip("\n")


class _Formatter(logging.Formatter):
    """The log's line format; exceptions without their messages (see describe_error)."""

    def format(self, record: logging.LogRecord) -> str:
        # logging caches the formatted exception on the record, and another handler (a
        # test's, a library's) may have put the full text with its message there first.
        cached = record.exc_text
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: Any) -> str:
        _kind, error, _trace = ei
        if error is None:
            return ""
        return describe_error(error)


class _OwnEventsOrWarnings(logging.Filter):
    """TAREaid's own records at any level; other libraries' from WARNING up.

    Below WARNING, libraries log what they handle: SQLAlchemy's INFO is every SQL
    statement with its parameters, names and dates of birth among them.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or record.name.split(".", 1)[0] == "tareaid"


class _PrivateRotatingFileHandler(logging.FileHandler):
    """A log file that moves to ``.1`` (``.1`` to ``.2``, …) once it reaches `max_bytes`,
    readable by its owner only.

    Several TAREaid processes may share one log (the window and a command line): a process
    that finds the file rotated by another reopens it instead of rotating again, and where
    a file cannot be renamed (held open on Windows) it keeps writing to the current one. A
    full disk or a vanished folder never becomes an error of the program.
    (logging.handlers.RotatingFileHandler would do most of this, but importing
    logging.handlers costs more than the rest of the log set-up together.)
    """

    def __init__(self, path: Path, *, max_bytes: int, backups: int) -> None:
        self.max_bytes = max_bytes
        self.backups = backups
        super().__init__(path, mode="a", encoding="utf-8", errors="backslashreplace")

    def _open(self) -> IO[str]:
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with contextlib.suppress(OSError):
            os.chmod(self.baseFilename, 0o600)
        return os.fdopen(descriptor, "a", encoding="utf-8", errors="backslashreplace")

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(OSError):
            self._rotate_if_full()
        super().emit(record)

    def _rotate_if_full(self) -> None:
        try:
            on_disk = os.stat(self.baseFilename)
        except FileNotFoundError:
            self._reopen()
            return
        if self.stream is not None:
            mine = os.fstat(self.stream.fileno())
            if (mine.st_dev, mine.st_ino) != (on_disk.st_dev, on_disk.st_ino):
                self._reopen()  # another process rotated it
                return
        if on_disk.st_size < self.max_bytes:
            return
        self._close_stream()
        try:
            for number in range(self.backups - 1, 0, -1):
                older = f"{self.baseFilename}.{number}"
                if os.path.exists(older):
                    os.replace(older, f"{self.baseFilename}.{number + 1}")
            os.replace(self.baseFilename, f"{self.baseFilename}.1")
        finally:
            self.stream = self._open()

    def _reopen(self) -> None:
        self._close_stream()
        self.stream = self._open()

    def _close_stream(self) -> None:
        if self.stream is not None:
            with contextlib.suppress(OSError):
                self.stream.close()
            self.stream = None  # type: ignore[assignment]

    def handleError(self, record: logging.LogRecord) -> None:
        pass  # see the class docstring: logging must never fail the program


class _State:
    """What start() set up, so that stop() (and a second start()) can take it down."""

    def __init__(self) -> None:
        self.directory: Path | None = None
        self.handlers: list[logging.Handler] = []
        self.crash_file: IO[str] | None = None
        self.faulthandler_was_enabled = False
        self.previous_excepthook: Any = None
        self.previous_threading_excepthook: Any = None
        self.root_level = logging.WARNING
        self.library_levels: dict[str, int] = {}


_state: _State | None = None
_lock = threading.Lock()

# Libraries whose loggers are switched off below WARNING whatever the root level is:
# SQLAlchemy checks `isEnabledFor(INFO)` when a connection is made and then logs statements.
QUIET_LIBRARIES = ("sqlalchemy", "sqlmodel", "alembic", "psycopg", "PIL", "reportlab")


def start(*, verbose: bool = False, to_file: bool = True, directory: Path | None = None) -> None:
    """Log to the rotating file (unless `to_file` is false) and, when verbose, to stderr.

    Calling it again replaces the earlier set-up (tests start it in several homes).
    """
    global _state
    with _lock:
        if _state is not None:
            _stop_locked()
        state = _State()
        root = logging.getLogger()
        state.root_level = root.level
        formatter = _Formatter(FORMAT, DATE_FORMAT)
        own = _OwnEventsOrWarnings()
        if to_file:
            folder = directory or log_directory()
            try:
                _private_folder(folder)
                handler = _PrivateRotatingFileHandler(
                    folder / LOG_NAME, max_bytes=MAX_BYTES, backups=BACKUP_COUNT
                )
            except OSError as error:
                # No log is a pity, never a reason not to start.
                print(
                    f"tareaid: warning: no log file in {folder} ({error.strerror})",
                    file=sys.stderr,
                )
            else:
                handler.setLevel(logging.DEBUG if verbose else logging.INFO)
                handler.setFormatter(formatter)
                handler.addFilter(own)
                state.handlers.append(handler)
                state.directory = folder
        if verbose:
            console = logging.StreamHandler(sys.stderr)
            console.setLevel(logging.DEBUG)
            console.setFormatter(formatter)
            console.addFilter(own)
            state.handlers.append(console)
        for handler in state.handlers:
            root.addHandler(handler)
        root.setLevel(logging.DEBUG if verbose else logging.INFO)
        for name in QUIET_LIBRARIES:
            library = logging.getLogger(name)
            state.library_levels[name] = library.level
            library.setLevel(logging.WARNING)
        _install_excepthooks(state)
        _state = state
    if state.directory is not None:
        _note_previous_crash(state.directory)
        _enable_faulthandler(state, state.directory)


def stop() -> None:
    """Undo start(): remove the handlers, close the files, restore the hooks."""
    with _lock:
        _stop_locked()


def _stop_locked() -> None:
    global _state
    state, _state = _state, None
    if state is None:
        return
    root = logging.getLogger()
    for handler in state.handlers:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(state.root_level)
    for name, level in state.library_levels.items():
        logging.getLogger(name).setLevel(level)
    if sys.excepthook is _log_unhandled:
        sys.excepthook = state.previous_excepthook
    if threading.excepthook is _log_unhandled_in_thread:
        threading.excepthook = state.previous_threading_excepthook
    if state.crash_file is not None:
        faulthandler.disable()
        if state.faulthandler_was_enabled:
            with contextlib.suppress(Exception):
                faulthandler.enable(file=sys.__stderr__, all_threads=True)
        state.crash_file.close()


def log_file() -> Path | None:
    """The log file in use by this process, or None when it logs to no file."""
    state = _state
    return state.directory / LOG_NAME if state is not None and state.directory else None


def crash_file() -> Path | None:
    state = _state
    return state.directory / CRASH_NAME if state is not None and state.directory else None


def tail(path: Path | None = None, lines: int = 50) -> list[str]:
    """The last `lines` lines of the log (of `path`, else of the log in use)."""
    path = path or log_file() or log_directory() / LOG_NAME
    try:
        with open(path, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - 256 * lines))
            data = handle.read()
    except OSError:
        return []
    text = data.decode("utf-8", errors="replace").splitlines()
    if size > 256 * lines and text:
        text = text[1:]  # the first line read is probably cut
    return text[-lines:]


def _private_folder(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(folder, 0o700)


def _note_previous_crash(folder: Path) -> None:
    """Copy a crash report left by an earlier process into the log, once."""
    crash = folder / CRASH_NAME
    try:
        size = crash.stat().st_size
    except OSError:
        return
    if size == 0:
        return
    try:
        with open(crash, "rb") as handle:
            excerpt = handle.read(CRASH_EXCERPT_BYTES).decode("utf-8", errors="replace")
        os.replace(crash, folder / PREVIOUS_CRASH_NAME)
    except OSError:
        return  # held open elsewhere (Windows): noted by a later start
    log.warning(
        "An earlier TAREaid process ended in a native crash; its report (kept as %s):\n%s",
        folder / PREVIOUS_CRASH_NAME,
        excerpt.rstrip(),
    )


def _enable_faulthandler(state: _State, folder: Path) -> None:
    path = folder / CRASH_NAME
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        handle = os.fdopen(descriptor, "a", encoding="utf-8")
    except OSError:
        return
    state.faulthandler_was_enabled = faulthandler.is_enabled()
    # The file stays open until the process ends: faulthandler writes to its descriptor
    # from a signal handler, where nothing can be opened.
    faulthandler.enable(file=handle, all_threads=True)
    state.crash_file = handle


def _install_excepthooks(state: _State) -> None:
    state.previous_excepthook = sys.excepthook
    state.previous_threading_excepthook = threading.excepthook
    sys.excepthook = _log_unhandled
    threading.excepthook = _log_unhandled_in_thread


def _log_unhandled(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    if not issubclass(kind, KeyboardInterrupt):
        log.error("Unhandled error", exc_info=(kind, error, trace))
    state = _state
    previous = state.previous_excepthook if state is not None else sys.__excepthook__
    (previous or sys.__excepthook__)(kind, error, trace)


def _log_unhandled_in_thread(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None and not isinstance(args.exc_value, SystemExit):
        name = args.thread.name if args.thread is not None else "?"
        log.error(
            "Unhandled error in thread %s",
            name,
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )
    state = _state
    previous = state.previous_threading_excepthook if state is not None else None
    (previous or threading.__excepthook__)(args)
