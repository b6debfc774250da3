"""Where the case database lives: the default file and how `--db` / TAREAID_DB are read.

The default follows the platform's convention for per-user application data (on Linux
``$XDG_DATA_HOME/TAREaid``, on macOS ``~/Library/Application Support/TAREaid``, on Windows
``%LOCALAPPDATA%\\TAREaid``). Nothing here creates files; the repository does that, with
owner-only permissions, on first use.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, quote

APP_NAME = "TAREaid"
DEFAULT_FILENAME = "tareaid.sqlite3"
SQLITE_SCHEME = "sqlite"
# URL schemes of PostgreSQL servers ("postgres" is libpq's other spelling).
SERVER_SCHEMES = ("postgresql", "postgres")
HIDDEN = "***"
# Query parameters of a libpq URL that hold a secret.
_SECRET_PARAMETERS = frozenset({"password", "sslpassword"})


def default_database_path() -> Path:
    """The database file used when neither --db nor TAREAID_DB names one."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DEFAULT_FILENAME


def is_url(db: str) -> bool:
    """A database URL (``sqlite:///…``, ``postgresql://…``) rather than a file path."""
    return "://" in db


def resolve_database_url(db: str | None) -> str:
    """The database URL for a --db value: None → the default file, a path → an SQLite URL.

    A value that already contains "://" is a URL and is returned unchanged.
    """
    if db is None or not db.strip():
        return sqlite_url(default_database_path())
    if is_url(db):
        return db
    return sqlite_url(Path(db))


def sqlite_url(path: Path) -> str:
    """The SQLite URL of a file path (absolute, so the URL means the same from anywhere)."""
    return f"{SQLITE_SCHEME}:///{Path(path).expanduser().absolute()}"


def sqlite_path_of_url(url: str) -> Path | None:
    """The file an SQLite URL names; None for other databases and in-memory SQLite."""
    scheme, _, rest = url.partition("://")
    if scheme.split("+", 1)[0].lower() != SQLITE_SCHEME:
        return None
    # sqlite:///relative/path and sqlite:////absolute/path (SQLAlchemy's convention).
    if not rest.startswith("/"):
        return None
    database = rest[1:]
    if database.startswith("file:"):
        database = database[len("file:") :]
    database = database.split("?", 1)[0]
    if database in ("", ":memory:"):
        return None
    return Path(database).expanduser().absolute()


def database_file(db: str | None) -> Path | None:
    """The SQLite file a --db value names; None for a database server or in-memory SQLite."""
    if db is None or not db.strip():
        return default_database_path()
    if is_url(db):
        return sqlite_path_of_url(db)
    return Path(db).expanduser().absolute()


def is_server_url(db: str | None) -> bool:
    """A URL of a PostgreSQL server (``postgresql://``, ``postgresql+psycopg://``, ...)."""
    if not db or not is_url(db):
        return False
    scheme = db.split("://", 1)[0].split("+", 1)[0].lower()
    return scheme in SERVER_SCHEMES


def display_location(db: str | None) -> str:
    """A database as it may be shown, logged or remembered: a path as it is, a URL with any
    password (in the user part or a ``password=`` parameter) replaced by ``***``.

    Plain string work, so it also copes with a URL no library could read.
    """
    if not db:
        return "(the default database)"
    if not is_url(db):
        return db
    scheme, _, rest = db.partition("://")
    # Everything before the last "@" (ahead of the query) is the user part: a password
    # typed with a "/" or "@" in it, not percent-encoded, is still hidden whole.
    before, question, query = rest.partition("?")
    if "@" in before:
        userinfo, _, place = before.rpartition("@")
        user = userinfo.split(":", 1)[0].split("/", 1)[0]
        before = f"{user}:{HIDDEN}@{place}" if ":" in userinfo else f"{user}@{place}"
    if question:
        parts = []
        for key, value in parse_qsl(query, keep_blank_values=True):
            shown = HIDDEN if key.lower() in _SECRET_PARAMETERS else value
            parts.append(f"{key}={quote(shown, safe=':/*@,')}")
        query = "&".join(parts)
    return f"{scheme}://{before}{question}{query}"
