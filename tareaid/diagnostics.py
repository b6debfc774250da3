"""What a support request needs, as plain text: versions, the system, the database, the log.

Help › Copy diagnostics puts this on the clipboard. It holds no case data: the database
appears as its location only, with any password in a URL replaced by ``***``, and the log
lines it quotes are free of identifiers by construction (see tareaid.logs).
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterable
from datetime import UTC, datetime

from tareaid import __version__, logs

LOG_LINES = 50


def database_location(label: str | None) -> str:
    """A database's path or URL as it may be shown or logged: never with its password
    (neither in the user part nor as a ``password=`` parameter)."""
    from tareaid.store.location import display_location

    return display_location(label)


def library_versions() -> list[tuple[str, str]]:
    """The versions of the libraries TAREaid is built on (those that can be found)."""
    found: list[tuple[str, str]] = [("SQLite", sqlite3.sqlite_version)]
    for label, module, attribute in (
        ("SQLAlchemy", "sqlalchemy", "__version__"),
        ("SQLModel", "sqlmodel", "__version__"),
        ("pydantic", "pydantic", "VERSION"),
        ("ReportLab", "reportlab", "Version"),
        ("platformdirs", "platformdirs", "__version__"),
        ("psycopg", "psycopg", "__version__"),
    ):
        version = _module_version(module, attribute)
        if version is not None:
            found.append((label, version))
    return found


def _module_version(module: str, attribute: str) -> str | None:
    import importlib

    try:
        return str(getattr(importlib.import_module(module), attribute))
    except (ImportError, AttributeError):
        return None


def system_description() -> str:
    """The operating system, as precisely as the platform reports it."""
    import platform  # only when a report is made: the desktop imports this module at start

    if sys.platform.startswith("linux"):
        try:
            release = platform.freedesktop_os_release()
        except OSError:
            release = {}
        name = release.get("PRETTY_NAME") or "Linux"
        libc = " ".join(part for part in platform.libc_ver() if part)
        return f"{name}; kernel {platform.release()}; {libc}; {platform.machine()}"
    if sys.platform == "darwin":
        return f"macOS {platform.mac_ver()[0]}; {platform.machine()}"
    if sys.platform == "win32":
        return f"Windows {platform.version()} ({platform.win32_edition()}); {platform.machine()}"
    return platform.platform()


def report(
    *,
    evidence_pack: str,
    database: str | None,
    extra_versions: Iterable[tuple[str, str]] = (),
    log_lines: int = LOG_LINES,
) -> str:
    """The diagnostics text: one "name: value" per line, then the end of the log."""
    import platform

    frozen = " (packaged)" if getattr(sys, "frozen", False) else ""
    rows: list[tuple[str, str]] = [
        ("TAREaid", f"{__version__}{frozen}"),
        ("Evidence pack", evidence_pack),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        *extra_versions,
        *library_versions(),
        ("Operating system", system_description()),
        ("Database", database_location(database)),
        ("Log file", str(logs.log_file() or logs.log_directory() / logs.LOG_NAME)),
        ("Written", datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")),
    ]
    width = max(len(name) for name, _value in rows)
    lines = [f"{name + ':':<{width + 1}} {value}" for name, value in rows]
    tail = logs.tail(lines=log_lines)
    lines.append("")
    lines.append(f"Last {len(tail)} lines of the log:" if tail else "The log is empty.")
    lines.extend(tail)
    return "\n".join(lines) + "\n"
