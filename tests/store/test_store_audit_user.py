"""The audit trail records the operating-system account of the process, not what the
environment claims, and refuses an account name it could not show faithfully."""

from __future__ import annotations

import os
import sys

import pytest
from store_helpers import make_case, run_cli

from tareaid.store import audit
from tareaid.store.repository import Repository


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX accounts")
def test_the_trail_records_the_real_account_not_logname_or_user(tmp_path, monkeypatch):
    import pwd

    monkeypatch.setenv("LOGNAME", "mallory")
    monkeypatch.setenv("USER", "mallory")
    monkeypatch.setenv("USERNAME", "mallory")
    expected = pwd.getpwuid(os.getuid()).pw_name
    assert expected != "mallory"
    with Repository.open(str(tmp_path / "cases.sqlite3")) as repository:
        repository.create_case(make_case("U-1"))
        (entry,) = repository.history("U-1")
    assert entry.user == expected


def test_the_command_line_records_the_real_account_too(tmp_path):
    import pwd

    db = tmp_path / "cases.sqlite3"
    env_tail = {"LOGNAME": "mallory", "USER": "mallory"}
    old = {k: os.environ.get(k) for k in env_tail}
    os.environ.update(env_tail)
    try:
        assert run_cli("demo", db=db, tmp_path=tmp_path).returncode == 0
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    with Repository.open(str(db)) as repository:
        users = {entry.user for entry in repository.history("DEMO-01")}
    assert users == {pwd.getpwuid(os.getuid()).pw_name}


@pytest.mark.parametrize("name", ["eve\x1b[31m", "eve\u202eevil", "eve\nroot", "a\x00b"])
def test_an_account_name_with_control_characters_is_refused(tmp_path, monkeypatch, name):
    monkeypatch.setattr(audit, "_os_account", lambda: name)
    with Repository.open(str(tmp_path / "cases.sqlite3")) as repository:
        # Reading needs no account.
        assert repository.list_cases() == []
        with pytest.raises(audit.AuditUserError) as caught:
            repository.create_case(make_case("U-1"))
        assert "\x1b" not in caught.value.message and "\u202e" not in caught.value.message
        assert repository.list_cases() == []


@pytest.mark.parametrize("login", ["eve\x1b[31m", "eve\u202eevil", "eve\nroot", "eve\u2028root"])
def test_a_database_login_with_control_characters_is_refused(
    login, postgres_server, postgres_databases, monkeypatch
):
    # A server login is recorded beside the account in every entry and its hash: like the
    # account, one the trail would show as something else is refused, and nothing written.
    url = postgres_server.as_app(postgres_databases(migrated=True))
    with Repository.open(url) as repository:
        repository.create_case(make_case("U-0"))
    monkeypatch.setattr(audit, "database_login", lambda _connection: login)
    with Repository.open(url) as repository:
        assert [s.reference for s in repository.list_cases()] == ["U-0"]
        with pytest.raises(audit.AuditUserError) as caught:
            repository.create_case(make_case("U-1"))
        message = caught.value.message
        assert message.startswith("the database login contains control characters (eve")
        assert not any(char in message for char in "\x1b\u202e\n\u2028")
        assert [s.reference for s in repository.list_cases()] == ["U-0"]
        assert len(repository.history("U-0")) == 1
