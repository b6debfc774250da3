"""Fixtures shared by the store tests: a private data directory and a database per test.

Every test gets its own folder: HOME, XDG_DATA_HOME and platformdirs all point inside
tmp_path, and TAREAID_DB is set only where a test sets it, so nothing here can touch the
real user's default database.

`repo` is a repository on the test's `backend` (tests/conftest.py): a test that uses it runs
on an SQLite file and on a PostgreSQL database (ids `sqlite` and `postgresql`); one that is
about SQLite files themselves is marked `sqlite_only`. `db_path` is the SQLite file's path.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """HOME, XDG_DATA_HOME (and so platformdirs) inside this test's tmp_path."""
    home = tmp_path / "home"
    data = home / ".local" / "share"
    data.mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("TAREAID_DB", raising=False)
    from tareaid.store.location import default_database_path

    assert tmp_path in default_database_path().parents
    return data


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """The SQLite file of the `sqlite` backend (the same path `backend` gives)."""
    return tmp_path / "db" / "cases.sqlite3"


@pytest.fixture
def repo(backend: str) -> Iterator[Any]:
    from tareaid.store.repository import Repository

    repository = Repository.open(backend)
    try:
        yield repository
    finally:
        repository.close()


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    """Run the command line in this process: (exit code, stdout, stderr).

    For the many variations of a command; every command also runs as a real subprocess
    in test_store_cli.py. The process umask is left alone (the store sets owner-only
    permissions on what it creates by itself).
    """
    from tareaid.cli import common, run

    monkeypatch.setattr(common, "restrict_new_files", lambda: None)

    def invoke(*args: str, db: Path | str | None = None) -> tuple[int, str, str]:
        if db is not None:
            monkeypatch.setenv("TAREAID_DB", str(db))
        capsys.readouterr()
        code = run(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return invoke
