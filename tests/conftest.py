"""Fixtures shared by every test: a headless Qt platform and a private home for each test.

The environment is set at import, before anything imports Qt: the offscreen platform (no
display needed) and HOME/XDG folders inside a temporary directory, so that nothing a test
runs can read or write the real user's data, settings or default database.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="tareaid-test-home-"))
for _name, _sub in (
    ("HOME", ""),
    ("XDG_DATA_HOME", ".local/share"),
    ("XDG_CONFIG_HOME", ".config"),
    ("XDG_CACHE_HOME", ".cache"),
    ("XDG_STATE_HOME", ".local/state"),
):
    os.environ[_name] = str(_SESSION_HOME / _sub)
os.environ.pop("TAREAID_DB", None)
# Qt's offscreen platform wants a runtime directory; a missing one is a warning, and warnings
# fail the UI tests.
_RUNTIME = _SESSION_HOME / "runtime"
_RUNTIME.mkdir(mode=0o700, exist_ok=True)
os.environ["XDG_RUNTIME_DIR"] = str(_RUNTIME)

# Qt messages that say nothing about TAREaid and would otherwise fail a test (qt_log_level_fail
# is WARNING): the offscreen platform can neither apply a window's size hints nor raise a window.
QT_LOG_IGNORE = (
    r"This plugin does not support propagateSizeHints\(\)",
    r"This plugin does not support raise\(\)",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(pytest.mark.qt_log_ignore(*QT_LOG_IGNORE))


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh HOME, XDG folders and QSettings location for this test alone."""
    home = tmp_path / "home"
    for name, sub in (
        ("HOME", ""),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        folder = home / sub
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(folder))
    monkeypatch.delenv("TAREAID_DB", raising=False)
    return home


@pytest.fixture(autouse=True)
def stop_logging() -> object:
    """Take down the log set-up a test started (`tareaid.cli.run` starts it in-process)."""
    yield
    import sys

    logs = sys.modules.get("tareaid.logs")
    if logs is not None:
        logs.stop()


@pytest.fixture(autouse=True)
def qsettings_path(private_home: Path) -> Path:
    """Point QSettings (every format, user and system scope) into this test's home.

    Qt reads the XDG variables once per process, so the path is set again for every test.
    """
    from PySide6 import QtCore

    folder = private_home / ".config"
    QtCore.QSettings.setDefaultFormat(QtCore.QSettings.Format.IniFormat)
    # On Unix the native format is an INI file too, but Qt keeps a separate path for it.
    for settings_format in (
        QtCore.QSettings.Format.NativeFormat,
        QtCore.QSettings.Format.IniFormat,
    ):
        for scope in (QtCore.QSettings.Scope.UserScope, QtCore.QSettings.Scope.SystemScope):
            QtCore.QSettings.setPath(settings_format, scope, str(folder / scope.name))
    return folder


def damage_index(path: Path, index: str = "ix_audit_entry_case_id") -> Path:
    """Scribble over the root page of one index of a closed database file.

    The file still opens and its case list still reads (the index is used only for a case's
    history), but SQLite's quick_check reports the damage.
    """
    import sqlite3

    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND name = ?", (index,)
        ).fetchone()
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    finally:
        connection.close()
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xa5" * 64)
    return path


@pytest.fixture(name="damage_index")
def damage_index_fixture() -> object:
    """`damage_index(path, index=...)`: see the function of that name."""
    return damage_index


@pytest.fixture
def bugs_fail_the_test(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug that reaches the unexpected-error dialog fails the test with its details.

    The real dialog is modal and would block the run; the UI test folders use this for
    every test (autouse in their conftest).
    """
    from tareaid.ui import dialogs

    def fail(_parent: object, _title: str, text: str, details: str) -> None:
        raise AssertionError(f"the unexpected-error dialog was shown: {text}\n{details}")

    monkeypatch.setattr(dialogs, "show_unexpected_error", fail)


@pytest.fixture
def bug_reports(bugs_fail_the_test: None, monkeypatch: pytest.MonkeyPatch) -> object:
    """Records the unexpected-error dialogs a test expects (a ModalRecorder)."""
    from modal_recorder import ModalRecorder

    from tareaid.ui import dialogs

    names = ("show_unexpected_error",)
    return ModalRecorder(names, informational=names).install(monkeypatch, dialogs)


# --- a PostgreSQL server: the second backend of the store, CLI and board tests -----------------

# The server to create test databases on: its maintenance database, as a URL.
POSTGRES_URL_ENV = "TAREAID_TEST_PG_URL"
POSTGRES_URL_DEFAULT = "postgresql://tareaid_admin:tareaid-test@127.0.0.1:5432/postgres"
BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test that asks for `backend` runs once per backend (ids `sqlite` and
    `postgresql`), unless it is marked `sqlite_only` (it is about SQLite files)."""
    if "backend" in metafunc.fixturenames:
        only_sqlite = metafunc.definition.get_closest_marker("sqlite_only") is not None
        metafunc.parametrize(
            "backend", ["sqlite"] if only_sqlite else list(BACKENDS), indirect=True
        )


@pytest.fixture
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where this test's database is: a new SQLite file's path, or the URL of a fresh
    database on the test server, already at the current schema and set up by server-init,
    logged in as a member of TAREaid's application role (never as its owner)."""
    if request.param == "sqlite":
        folder = tmp_path / "db"
        folder.mkdir(exist_ok=True)
        return str(folder / "cases.sqlite3")
    server = request.getfixturevalue("postgres_server")
    return server.as_app(request.getfixturevalue("postgres_databases")(migrated=True))


@pytest.fixture(scope="session")
def postgres_admin_url() -> str:
    """The test server's maintenance database URL. The test is skipped when none answers,
    except in CI (CI=true), where that is a failure."""
    from ci_requirements import require_postgres
    from sqlalchemy.engine import make_url

    url = os.environ.get(POSTGRES_URL_ENV, POSTGRES_URL_DEFAULT)
    shown = make_url(url).render_as_string(hide_password=True)
    try:
        import psycopg
    except ImportError:
        require_postgres(
            f"psycopg is not installed, so no test can reach {shown} (pip install -e '.[test]')"
        )
    try:
        psycopg.connect(_libpq_url(url), connect_timeout=5).close()
    except psycopg.Error as error:
        require_postgres(
            f"no PostgreSQL server answers at {shown} (set {POSTGRES_URL_ENV}): {error}"
        )
    return url


class PostgresServer:
    """The test server as the tests use it: fresh databases, a template database already
    migrated and set up by server-init, and a login that is a member of the application
    role (its password in the URL: the tests check it is never shown)."""

    def __init__(self, admin_url: str) -> None:
        import secrets

        self.admin_url = admin_url
        tag = secrets.token_hex(4)
        self.template = f"tareaid_tmpl_{tag}"
        self.app_role = f"tareaid_test_app_{tag}"
        self.login = f"tareaid_test_user_{tag}"
        self.password = f"pw-{secrets.token_hex(8)}"

    def admin(self) -> object:
        import psycopg

        return psycopg.connect(_libpq_url(self.admin_url), autocommit=True)

    def url_of(self, database: str) -> str:
        from sqlalchemy.engine import make_url

        url = make_url(self.admin_url).set(database=database)
        return url.render_as_string(hide_password=False)

    def as_app(self, url: str) -> str:
        """The same database, logged in as the member of the application role."""
        from sqlalchemy.engine import make_url

        return (
            make_url(url)
            .set(username=self.login, password=self.password)
            .render_as_string(hide_password=False)
        )

    def start(self) -> None:
        from tareaid.store.repository import Repository
        from tareaid.store.server_admin import server_init

        with self.admin() as connection:
            # Text sorts by code point, as in SQLite, whatever locale the server was made
            # with (the tests type their expected orders from SQLite's rules).
            connection.execute(
                f"CREATE DATABASE \"{self.template}\" TEMPLATE template0 ENCODING 'UTF8' "
                "LC_COLLATE 'C' LC_CTYPE 'C'"
            )
            connection.execute(f"CREATE ROLE {self.login} LOGIN PASSWORD '{self.password}'")
        url = self.url_of(self.template)
        with Repository.open(url):
            pass
        server_init(url, app_role=self.app_role)
        with self.admin() as connection:
            connection.execute(f"GRANT {self.app_role} TO {self.login}")

    def stop(self) -> None:
        with self.admin() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
            for role in (self.login, self.app_role):
                # A database a crashed test left behind may still hold the role's grants.
                with contextlib.suppress(Exception):
                    connection.execute(f"DROP ROLE IF EXISTS {role}")


@pytest.fixture(scope="session")
def postgres_server(postgres_admin_url: str) -> Iterator[PostgresServer]:
    server = PostgresServer(postgres_admin_url)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_databases(postgres_admin_url: str, request: pytest.FixtureRequest) -> Iterator[Any]:
    """`make()` creates a new, empty database on the test server and returns its URL (as
    the server's administrator); `make(migrated=True)` one already at the current schema
    and set up for the application role (a copy of the template: ~50 ms). Every database
    made is dropped after the test."""
    import uuid

    import psycopg
    from sqlalchemy.engine import make_url

    admin = _libpq_url(postgres_admin_url)
    made: list[str] = []

    def make(*, migrated: bool = False) -> str:
        name = f"tareaid_test_{uuid.uuid4().hex[:16]}"
        # Text sorts by code point, as in SQLite (see PostgresServer.start).
        template = " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
        if migrated:
            server = request.getfixturevalue("postgres_server")
            template = f' TEMPLATE "{server.template}"'
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"{template}')
        made.append(name)
        url = make_url(postgres_admin_url).set(database=name)
        return url.render_as_string(hide_password=False)

    try:
        yield make
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            for name in made:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def postgres_url(postgres_databases: Any) -> str:
    """A new, empty database on the test server for this test alone (dropped afterwards)."""
    return postgres_databases()


def _libpq_url(url: str) -> str:
    """The URL as libpq reads it (without SQLAlchemy's "+driver" part)."""
    scheme, rest = url.split("://", 1)
    return f"{scheme.split('+', 1)[0]}://{rest}"
