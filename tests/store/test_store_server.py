"""A PostgreSQL server as a department deploys it: the driver and the URL, bounded waits,
the server's refusals explained, least privilege, tampering as the owner caught by `check`,
backups and migrations, and two clients at once.

Every test here runs against the real test server (tests/conftest.py: skipped without one,
failed in CI). `server.as_app(url)` is a login that is a member of TAREaid's application
role, which server-init set up: the role every person uses; `url` itself is the server's
administrator, standing in for the database's owner.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
import time
from datetime import date
from pathlib import Path

import psycopg
import pytest
from store_helpers import cli_env, full_case, make_case, scalar

from tareaid.store import audit, server
from tareaid.store.errors import (
    AuthenticationError,
    ConnectionLostError,
    DatabaseBusyError,
    DiskFullError,
    DriverMissingError,
    PasswordNeededError,
    PermissionDeniedError,
    ServerUnreachableError,
    StoreInputError,
)
from tareaid.store.health import check_database
from tareaid.store.repository import Repository
from tareaid.store.server_admin import privilege_problems, server_init
from tareaid.store.transfer import migrate


def _libpq(url: str) -> str:
    scheme, rest = url.split("://", 1)
    return f"{scheme.split('+', 1)[0]}://{rest}"


def admin_sql(url: str, *statements: str) -> None:
    """Run statements on the database `url` names, as the owner (autocommit)."""
    with psycopg.connect(_libpq(url), autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


@pytest.fixture
def owner_url(postgres_databases) -> str:
    """A database already at the current schema and set up for the application role; this
    URL logs in as its owner."""
    return postgres_databases(migrated=True)


@pytest.fixture
def app_url(owner_url, postgres_server) -> str:
    return postgres_server.as_app(owner_url)


# --- the driver and the URL -----------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["postgresql", "postgres", "postgresql+psycopg"])
def test_a_plain_postgresql_url_is_read_with_psycopg(scheme, app_url):
    url = scheme + "://" + app_url.split("://", 1)[1]
    with Repository.open(url) as repository:
        assert repository.is_server
        assert repository._db.engine.dialect.driver == "psycopg"
        assert repository.count_cases() == 0


def test_another_driver_is_refused_with_what_to_write():
    with pytest.raises(StoreInputError) as caught:
        Repository.open("postgresql+psycopg2://u:secret-pw@db.example/tareaid")
    assert "postgresql://" in caught.value.message
    assert "secret-pw" not in caught.value.message


def test_a_missing_driver_says_what_to_install(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec

    def without_psycopg(name, *args):
        return None if name == "psycopg" else real(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", without_psycopg)
    with pytest.raises(DriverMissingError) as caught:
        Repository.open("postgresql://u:secret-pw@127.0.0.1:5432/tareaid")
    assert caught.value.exit_code == 1
    assert "pip install 'tareaid[postgres]'" in caught.value.message
    assert "secret-pw" not in caught.value.message


def test_the_waits_come_from_the_url_then_the_environment(monkeypatch):
    monkeypatch.setenv(server.ENV_LOCK_TIMEOUT, "2.5")
    target = server.server_target(
        "postgresql://u@h/db?sslmode=verify-full&sslrootcert=/etc/ca.pem"
        "&statement_timeout=10s&connect_timeout=3"
    )
    assert target.waits == server.Waits(connect_s=3, lock_s=2.5, statement_s=10)
    # TAREaid's own parameters are taken out; libpq's (TLS) pass through untouched.
    assert dict(target.url.query) == {"sslmode": "verify-full", "sslrootcert": "/etc/ca.pem"}
    assert target.url.drivername == "postgresql+psycopg"
    assert server.server_target("postgresql://u@h/db?lock_timeout=500ms").waits.lock_s == 0.5
    monkeypatch.delenv(server.ENV_LOCK_TIMEOUT)
    assert server.server_target("postgresql://u@h/db").waits == server.Waits(5, 5, 30)
    with pytest.raises(StoreInputError, match="lock_timeout must be a number of seconds"):
        server.server_target("postgresql://u@h/db?lock_timeout=forever")


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("postgresql://u:pw@h:5432/db", "postgresql://u:***@h:5432/db"),
        # A typed password may hold "@" or "/" unencoded: all of it is hidden.
        ("postgresql://u:p@ss/w0rd@h/db", "postgresql://u:***@h/db"),
        (
            "postgres://u@h/db?password=pw&sslmode=verify-full",
            "postgres://u@h/db?password=***&sslmode=verify-full",
        ),
        ("postgresql://h/db?sslpassword=key-pw", "postgresql://h/db?sslpassword=***"),
        ("postgresql:///?service=tareaid", "postgresql:///?service=tareaid"),
        ("/home/me/cases.sqlite3", "/home/me/cases.sqlite3"),
    ],
)
def test_a_database_is_shown_without_any_password(given, shown):
    from tareaid.store.location import display_location

    assert display_location(given) == shown


# --- passwords ------------------------------------------------------------------------------------


def test_a_password_comes_from_pgpass_a_service_file_or_the_caller(
    app_url, postgres_server, tmp_path, monkeypatch
):
    from sqlalchemy.engine import make_url

    url = make_url(app_url)
    bare = app_url.replace(f":{postgres_server.password}@", "@")
    assert postgres_server.password not in bare
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    with pytest.raises(PasswordNeededError) as caught:
        Repository.open(bare)
    assert "~/.pgpass" in caught.value.message
    # The password handed in (the desktop's prompt) is used and kept in memory only.
    with Repository.open(bare, password=postgres_server.password) as repository:
        assert repository.count_cases() == 0
        assert postgres_server.password not in repr(repository) + repository.url
    with pytest.raises(AuthenticationError) as refused:
        Repository.open(bare, password="not-the-password")
    assert "not-the-password" not in refused.value.message
    # ~/.pgpass (here: the file PGPASSFILE names, owner-only as libpq requires).
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(
        f"{url.host}:{url.port}:{url.database}:{url.username}:{postgres_server.password}\n"
    )
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    with Repository.open(bare) as repository:
        assert repository.login == postgres_server.login
    # A service file: the URL names only the service.
    services = tmp_path / "pg_service.conf"
    services.write_text(
        f"[tareaid]\nhost={url.host}\nport={url.port}\ndbname={url.database}\nuser={url.username}\n"
    )
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    with Repository.open("postgresql:///?service=tareaid") as repository:
        assert repository.login == postgres_server.login


def test_the_command_line_asks_for_a_password_at_a_terminal(
    app_url, postgres_server, tmp_path, monkeypatch, capsys
):
    import getpass

    from tareaid.cli import run

    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    bare = app_url.replace(f":{postgres_server.password}@", "@")
    asked: list[str] = []

    def typed(prompt: str) -> str:
        asked.append(prompt)
        return postgres_server.password

    monkeypatch.setattr(getpass, "getpass", typed)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert run(["list", "--db", bare]) == 0
    assert asked == [f"Password for {bare}: "]
    # Without a terminal nobody is asked: the message says where a password can come from.
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    capsys.readouterr()
    assert run(["list", "--db", bare]) == 1
    assert "~/.pgpass" in capsys.readouterr().err
    assert len(asked) == 1


# --- the server's refusals, explained -------------------------------------------------------------


def test_an_unreachable_server_is_named_without_its_password():
    started = time.monotonic()
    with pytest.raises(ServerUnreachableError) as caught:
        Repository.open("postgresql://board:s3cret-pw@127.0.0.1:1/tareaid")
    assert time.monotonic() - started < 30  # bounded, not hanging (not a timing assertion)
    assert caught.value.exit_code == 1
    assert "s3cret-pw" not in caught.value.message
    assert caught.value.message.startswith("postgresql://board:***@127.0.0.1:1/tareaid: ")
    assert "cannot be reached" in caught.value.message


def test_a_wrong_password_is_a_refused_login(app_url, postgres_server):
    wrong = app_url.replace(postgres_server.password, "wrong-password-7")
    with pytest.raises(AuthenticationError) as caught:
        Repository.open(wrong)
    assert "refused the login" in caught.value.message
    assert "wrong-password-7" not in caught.value.message
    assert not isinstance(caught.value, PasswordNeededError)


def test_a_missing_privilege_is_named_with_its_object(owner_url, app_url, postgres_server):
    with Repository.open(app_url) as repository:
        repository.create_case(make_case("P-1"))
        admin_sql(owner_url, f"REVOKE INSERT ON case_record FROM {postgres_server.app_role}")
        with pytest.raises(PermissionDeniedError) as caught:
            repository.create_case(make_case("P-2"))
        assert caught.value.exit_code == 1
        assert "lacks the INSERT privilege on table case_record" in caught.value.message
        assert postgres_server.password not in caught.value.message
        assert [s.reference for s in repository.list_cases()] == ["P-1"]  # nothing written
        assert repository.check().healthy


def test_the_application_role_cannot_upgrade_the_schema_and_says_who_can(owner_url, app_url):
    admin_sql(owner_url, "UPDATE tareaid_schema SET version = 4", "DELETE FROM alembic_version")
    with pytest.raises(PermissionDeniedError) as caught:
        Repository.open(app_url)
    assert "is at schema version 4 and needs version" in caught.value.message
    assert "tareaid server-init" in caught.value.message


def test_a_full_disk_on_the_server_loses_nothing(owner_url, app_url):
    # The server's own "disk full" (SQLSTATE 53100), raised where an insert would hit it.
    admin_sql(
        owner_url,
        "CREATE FUNCTION full_disk() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION "
        "'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; "
        "END; $$ LANGUAGE plpgsql",
        "CREATE TRIGGER full_disk BEFORE INSERT ON audit_entry FOR EACH ROW "
        "EXECUTE FUNCTION full_disk()",
    )
    with Repository.open(app_url) as repository:
        with pytest.raises(DiskFullError) as caught:
            repository.import_cases([make_case("D-1"), make_case("D-2")])
        assert "disk is full" in caught.value.message
        assert repository.count_cases() == 0


def test_a_connection_lost_mid_save_loses_nothing_and_the_save_can_be_repeated(
    app_url, postgres_server
):
    from sqlalchemy import event

    with Repository.open(app_url) as repository:
        stored = repository.create_case(make_case("L-1", ecog=1))
        engine = repository._db.engine
        killed: list[int] = []

        def kill_before_the_trail(conn, _cursor, statement, *_args):
            # The case row is updated; the connection dies as the audit rows go in.
            if statement.startswith("INSERT INTO audit_entry") and not killed:
                pid = conn.connection.driver_connection.info.backend_pid
                killed.append(pid)
                admin_sql(postgres_server.admin_url, f"SELECT pg_terminate_backend({pid})")

        event.listen(engine, "before_cursor_execute", kill_before_the_trail)
        try:
            with pytest.raises(ConnectionLostError) as caught:
                repository.save_case(stored.case.with_changes(ecog=2), expected_version=1)
        finally:
            event.remove(engine, "before_cursor_execute", kill_before_the_trail)
        assert killed
        assert "connection to the database server was lost" in caught.value.message
        again = repository.get_case("L-1")  # a new connection, transparently
        assert (again.version, again.case.ecog) == (1, 1)
        saved = repository.save_case(stored.case.with_changes(ecog=2), expected_version=1)
        assert saved.version == 2
        assert repository.check().healthy


def test_a_writer_waits_for_another_at_most_the_lock_timeout(app_url, owner_url):
    holder = psycopg.connect(_libpq(owner_url), autocommit=True)
    try:
        holder.execute("SELECT pg_advisory_lock(%s)", (server.WRITE_LOCK_KEY,))
        with Repository.open(app_url + "?lock_timeout=0.3") as repository:
            assert repository.count_cases() == 0  # reading never waits for a writer
            with pytest.raises(DatabaseBusyError) as caught:
                repository.create_case(make_case("B-1"))
            assert "the database is busy — another user is saving; try again" in (
                caught.value.message
            )
            holder.execute("SELECT pg_advisory_unlock(%s)", (server.WRITE_LOCK_KEY,))
            repository.create_case(make_case("B-1"))
            assert repository.count_cases() == 1
    finally:
        holder.close()


def test_a_statement_that_runs_too_long_is_stopped(app_url, owner_url):
    with Repository.open(app_url + "?statement_timeout=0.3&lock_timeout=60") as repository:
        holder = psycopg.connect(_libpq(owner_url))
        try:
            # Another session holds the table: the read would wait; the statement timeout
            # ends the wait.
            holder.execute("LOCK TABLE case_record IN ACCESS EXCLUSIVE MODE")
            with pytest.raises(DatabaseBusyError) as caught:
                repository.count_cases()
            assert "did not finish within 0.3 s" in caught.value.message
        finally:
            holder.rollback()
            holder.close()
        assert repository.count_cases() == 0


def _run_revision_again(url: str, revision: str) -> None:
    """Run one packaged revision's upgrade() once more on a server database, as its owner,
    leaving the version marks as they are (later revisions are not run again)."""
    import importlib.util

    from alembic.migration import MigrationContext
    from alembic.operations import Operations
    from sqlalchemy import create_engine

    from tareaid.store.migrations import script_directory

    with script_directory() as folder:
        (path,) = (folder / "versions").glob(f"{revision}_*.py")
        spec = importlib.util.spec_from_file_location(f"revision_{revision}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with (
            engine.begin() as connection,
            Operations.context(MigrationContext.configure(connection)),
        ):
            module.upgrade()
    finally:
        engine.dispose()


def test_revision_6_runs_again_on_a_server_without_changing_anything(owner_url, app_url):
    # Revision 0006's server statements are written to run where their objects exist: run
    # once more on a server database that has them, they keep every row, the trail's end
    # row and the triggers.
    with Repository.open(app_url) as repository:
        repository.import_cases([make_case(f"I-{i}") for i in range(3)])
        version = repository.schema_version
    before = _trail(app_url), scalar(owner_url, "SELECT head_hash FROM audit_trail_end")
    _run_revision_again(owner_url, "0006")
    with Repository.open(owner_url) as repository:
        assert repository.schema_version == version
        report = repository.check()
        assert report.healthy, report.problems
    assert (_trail(app_url), scalar(owner_url, "SELECT head_hash FROM audit_trail_end")) == before
    assert scalar(owner_url, "SELECT count(*) FROM audit_trail_end") == 1


# --- least privilege ------------------------------------------------------------------------------


def test_the_application_role_has_exactly_what_tareaid_uses(owner_url, app_url, postgres_server):
    engine_url = owner_url.replace("postgresql://", "postgresql+psycopg://", 1)
    from sqlalchemy import create_engine

    engine = create_engine(engine_url)
    try:
        with engine.connect() as connection:
            assert privilege_problems(connection, postgres_server.app_role) == []
    finally:
        engine.dispose()
    with Repository.open(app_url) as repository:
        repository.create_case(make_case("A-1"))
    with psycopg.connect(_libpq(app_url), autocommit=True) as app:
        for statement in (
            "UPDATE audit_entry SET os_user = 'mallory'",
            "DELETE FROM audit_entry",
            "TRUNCATE audit_entry",
            "DELETE FROM case_record",
            "DROP TRIGGER audit_entry_append_only ON audit_entry",
            "ALTER TABLE audit_entry DISABLE TRIGGER ALL",
            "LOCK TABLE audit_entry IN EXCLUSIVE MODE",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege), app.transaction():
                app.execute(statement)
    assert scalar(owner_url, "SELECT count(*) FROM audit_entry") == 1


def test_server_init_creates_the_role_and_sets_its_privileges_again(postgres_databases):
    import secrets

    url = postgres_databases()
    role = f"tareaid_test_init_{secrets.token_hex(3)}"
    try:
        first = server_init(url, app_role=role)
        assert first.role_created
        with Repository.open(url) as repository:
            assert first.schema_version == repository.schema_version
        # Drifted grants are set right by running it again.
        admin_sql(url, f"GRANT DELETE, TRUNCATE ON audit_entry TO {role}")
        again = server_init(url, app_role=role)
        assert not again.role_created
        from sqlalchemy import create_engine

        engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
        try:
            with engine.connect() as connection:
                assert privilege_problems(connection, role) == []
        finally:
            engine.dispose()
        with pytest.raises(StoreInputError, match="must not be the login that owns"):
            server_init(url, app_role="tareaid_admin")
        with pytest.raises(StoreInputError, match="lower-case letters"):
            server_init(url, app_role="x; DROP TABLE case_record")
    finally:
        admin_sql(url, f"DROP OWNED BY {role}", f"DROP ROLE IF EXISTS {role}")


def test_an_owner_without_createrole_is_told_what_to_ask_for(postgres_databases, postgres_server):
    import secrets

    tag = secrets.token_hex(3)
    owner, role = f"tareaid_test_owner_{tag}", f"tareaid_test_role_{tag}"
    admin = postgres_server.admin_url
    url = postgres_databases()
    database = url.rsplit("/", 1)[1]
    admin_sql(
        admin,
        f"CREATE ROLE {owner} LOGIN PASSWORD 'owner-pw'",
        f'ALTER DATABASE "{database}" OWNER TO {owner}',
    )
    admin_sql(url, f"ALTER SCHEMA public OWNER TO {owner}")
    from sqlalchemy.engine import make_url

    as_owner = (
        make_url(url).set(username=owner, password="owner-pw").render_as_string(hide_password=False)
    )
    try:
        with pytest.raises(PermissionDeniedError) as caught:
            server_init(as_owner, app_role=role)
        assert "lacks the CREATEROLE privilege" in caught.value.message
        assert f"CREATE ROLE {role} NOLOGIN" in caught.value.message
        admin_sql(admin, f"CREATE ROLE {role} NOLOGIN")
        setup = server_init(as_owner, app_role=role)
        assert setup.owner == owner and not setup.role_created
    finally:
        admin_sql(url, f"DROP OWNED BY {role}, {owner}")
        admin_sql(admin, f'ALTER DATABASE "{database}" OWNER TO CURRENT_USER')
        admin_sql(admin, f"DROP ROLE IF EXISTS {role}", f"DROP ROLE IF EXISTS {owner}")


# --- the audit trail on a server ------------------------------------------------------------------


def test_each_entry_records_the_database_login_beside_the_account(app_url, postgres_server):
    with Repository.open(app_url) as repository:
        stored = repository.create_case(make_case("W-1", ecog=1))
        repository.save_case(stored.case.with_changes(ecog=2), expected_version=1)
        trail = repository.history("W-1")
    assert [(e.action, e.user, e.login) for e in trail] == [
        ("create", audit.current_user(), postgres_server.login),
        ("change", audit.current_user(), postgres_server.login),
    ]
    assert trail[1].to_json()["login"] == postgres_server.login


TAMPERING = {
    "the row trigger dropped": (
        ["DROP TRIGGER audit_entry_append_only ON audit_entry"],
        ["trigger audit_entry_append_only is missing"],
    ),
    "the truncate trigger disabled": (
        ["ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_truncate"],
        ["trigger audit_entry_no_truncate is disabled"],
    ),
    "the function rewritten": (
        [
            "CREATE OR REPLACE FUNCTION tareaid_audit_append_only() RETURNS trigger AS $$ "
            "BEGIN RETURN OLD; END; $$ LANGUAGE plpgsql"
        ],
        ["function tareaid_audit_append_only was rewritten"],
    ),
    "truncated": (
        [
            "DROP TRIGGER audit_entry_no_truncate ON audit_entry",
            "TRUNCATE audit_entry",
        ],
        ["trigger audit_entry_no_truncate is missing", "6 of its 6 entries are missing"],
    ),
    "an entry deleted in the middle": (
        [
            "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only",
            "DELETE FROM audit_entry WHERE id = (SELECT min(id) + 2 FROM audit_entry)",
            "ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only",
        ],
        ["does not match the hash chain", "1 of its 6 entries are missing"],
    ),
    "the newest entry deleted, triggers bypassed": (
        [
            "SET session_replication_role = replica",
            "DELETE FROM audit_entry WHERE id = (SELECT max(id) FROM audit_entry)",
        ],
        ["1 of its 6 entries are missing"],
    ),
    "a case row edited without an audit entry": (
        ["UPDATE case_record SET ecog = 4 WHERE reference = 'T-9'"],
        ["case T-9: field 'ecog' is 4 in the database, 2 by its audit trail"],
    ),
    "a case's entry count rewritten on its row": (
        ["UPDATE case_record SET audit_count = 1 WHERE reference = 'T-9'"],
        ["case T-9: its row records 1 audit entries"],
    ),
    "the newest case removed with its trail, triggers bypassed": (
        [
            "SET session_replication_role = replica",
            "DELETE FROM audit_entry WHERE reference = 'T-9'",
            "DELETE FROM case_record WHERE reference = 'T-9'",
        ],
        ["2 of its 6 entries are missing"],
    ),
    "an entry rewritten, triggers bypassed": (
        [
            "SET session_replication_role = replica",
            "UPDATE audit_entry SET db_user = 'someone_else' "
            "WHERE id = (SELECT min(id) + 1 FROM audit_entry)",
        ],
        ["does not match the hash chain"],
    ),
}


@pytest.mark.parametrize("tampering", sorted(TAMPERING))
def test_check_finds_what_the_owner_did_to_the_trail(tampering, owner_url, app_url, cli):
    with Repository.open(app_url) as repository:
        repository.import_cases([make_case(f"T-{i}") for i in range(4)])
        stored = repository.create_case(make_case("T-9", ecog=1))
        repository.save_case(stored.case.with_changes(ecog=2), expected_version=1)
        assert repository.check().healthy
    statements, expected = TAMPERING[tampering]
    admin_sql(owner_url, *statements)
    report = check_database(app_url)
    assert not report.healthy
    for words in expected:
        assert any(words in problem for problem in report.problems), report.problems
    code, out, _ = cli("check", db=app_url)
    assert code == 1
    assert "problem" in out


# --- backups and migrations -----------------------------------------------------------------------


def _trail(db: str) -> list[tuple]:
    from sqlalchemy import create_engine, text

    url = db.replace("postgresql://", "postgresql+psycopg://", 1) if "://" in db else db
    engine = create_engine(url if "://" in url else f"sqlite:///{url}")
    try:
        with engine.connect() as connection:
            return [
                tuple(row)
                for row in connection.execute(
                    text(f"SELECT {audit.AUDIT_COLUMNS}, db_user FROM audit_entry ORDER BY id")
                )
            ]
    finally:
        engine.dispose()


def _fill(repository: Repository) -> None:
    repository.import_cases(
        [full_case("M-1"), *(make_case(f"M-{i}", ecog=i % 5) for i in range(2, 9))]
    )
    stored = repository.get_case("M-2")
    repository.save_case(stored.case.with_changes(ecog=4), expected_version=stored.version)
    repository.archive_case("M-3")
    repository.rename_case("M-4", "M-4B", expected_version=1)
    repository.set_agenda(date(2026, 12, 3), ["M-5", "M-1"])
    repository.remember_attendee("Dr A (fictional)", "HPB surgery")


def test_a_server_backup_is_a_tareaid_file_that_opens_and_checks(app_url, tmp_path, cli):
    with Repository.open(app_url) as repository:
        _fill(repository)
    target = tmp_path / "backup.sqlite3"
    code, out, err = cli("backup", "-o", str(target), db=app_url)
    assert code == 0, err
    assert target.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    code, out, _ = cli("check", db=target)
    assert code == 0 and "healthy (schema version" in out and "8 cases" in out
    assert _trail(str(target)) == _trail(app_url)  # entries and hashes identical
    with Repository.open(str(target), create=False) as copy:
        assert copy.agenda(date(2026, 12, 3))[:2] == ["M-5", "M-1"]
        assert copy.get_case("M-1").case == full_case("M-1")
        assert copy.history("M-4B")[-1].action == "rename"
    # A bad destination is refused by name, the server's password never in the message.
    code, _, err = cli("backup", "-o", str(tmp_path / "no" / "such.sqlite3"), db=app_url)
    assert code == 1 and "does not exist" in err
    assert "pw-" not in err


_WRITER = textwrap.dedent(
    """
    import sys
    from tareaid.domain.case import parse_case
    from tareaid.store.repository import Repository
    db, prefix = sys.argv[1], sys.argv[2]
    with Repository.open(db) as repository:
        for batch in range(int(sys.argv[3])):
            repository.import_cases([parse_case({"reference": f"{prefix}{batch:03d}-{i:03d}"})
                                     for i in range(50)])
            print("imported", batch, flush=True)
    """
)


def test_a_backup_taken_while_others_write_is_one_consistent_snapshot(app_url, tmp_path):
    with Repository.open(app_url) as repository:
        repository.import_cases([make_case(f"S-{i:04d}") for i in range(500)])
        writer = subprocess.Popen(
            [sys.executable, "-c", _WRITER, app_url, "W", "20"],
            env=cli_env(None, tmp_path),
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert writer.stdout is not None
            assert writer.stdout.readline().startswith("imported")
            repository.backup(tmp_path / "during.sqlite3")
        finally:
            writer.wait(timeout=120)
            if writer.stdout is not None:
                writer.stdout.close()
    report = check_database(str(tmp_path / "during.sqlite3"))
    assert report.healthy, report.problems
    assert report.case_count is not None and report.case_count % 50 == 0  # whole imports


def test_migrate_moves_every_case_with_its_trail_both_ways(
    app_url, postgres_databases, postgres_server, tmp_path, cli
):
    from store_helpers import SCHEMA_FIXTURES

    with Repository.open(app_url) as repository:
        _fill(repository)
    to_file = tmp_path / "moved.sqlite3"
    code, out, err = cli("migrate", "--from", app_url, "--to", str(to_file))
    assert code == 0, err
    assert "Copied 8 cases with" in out and "healthy" in out
    assert postgres_server.password not in out + err
    assert _trail(str(to_file)) == _trail(app_url)
    # Back into another server database, set up and empty, as the application role.
    back = postgres_server.as_app(postgres_databases(migrated=True))
    code, out, err = cli("migrate", "--from", str(to_file), "--to", back)
    assert code == 0, err
    assert _trail(back) == _trail(app_url)
    with Repository.open(back) as repository:
        assert repository.check().healthy
        assert repository.count_cases(include_archived=True) == 8
        assert repository.attendees() == [("Dr A (fictional)", "HPB surgery")]
        # New ids continue after the copied ones.
        repository.create_case(make_case("AFTER-1"))
        assert repository.check().healthy
    # A file written by an older TAREaid (the committed fixture of version 6, with its
    # server logins) moves to a server with its hashes intact.
    fixture = tmp_path / "v6.sqlite3"
    fixture.write_bytes(SCHEMA_FIXTURES[6].read_bytes())
    third = postgres_server.as_app(postgres_databases(migrated=True))
    copied, _ = migrate(str(fixture), third)
    assert copied.cases == 7
    assert check_database(third).healthy
    assert _trail(third) == _trail(str(fixture))


def test_migrate_refuses_a_target_that_is_not_empty_and_writes_nothing(app_url, tmp_path, cli):
    with Repository.open(app_url) as repository:
        repository.create_case(make_case("X-1"))
    other = tmp_path / "other.sqlite3"
    with Repository.open(str(other)) as repository:
        repository.create_case(make_case("Y-1"))
    code, _, err = cli("migrate", "--from", app_url, "--to", str(other))
    assert code == 2
    assert "is not empty (1 rows in case_record" in err
    with Repository.open(str(other)) as repository:
        assert [s.reference for s in repository.list_cases()] == ["Y-1"]
    code, _, err = cli("migrate", "--from", str(other), "--to", app_url)
    assert code == 2
    with Repository.open(app_url) as repository:
        assert [s.reference for s in repository.list_cases()] == ["X-1"]


# --- many clients at once -------------------------------------------------------------------------


def test_four_concurrent_importers_each_import_all_or_nothing(app_url, tmp_path):
    with Repository.open(app_url):
        pass
    importers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, app_url, prefix, "4"],
            env=cli_env(None, tmp_path),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for prefix in ("A", "B", "C", "D")
    ]
    for importer in importers:
        out, err = importer.communicate(timeout=180)
        assert importer.returncode == 0, err
        assert out.count("imported") == 4
    report = check_database(app_url)
    assert report.healthy, report.problems
    assert report.case_count == 4 * 4 * 50


_SAVE_THEN_HANG = textwrap.dedent(
    """
    import sys, time
    from sqlalchemy import event
    from tareaid.store.repository import Repository
    db = sys.argv[1]
    repository = Repository.open(db)
    stored = repository.get_case("K-1")

    def hang(conn, cursor, statement, *args):
        if statement.startswith("INSERT INTO audit_entry"):
            print("inside the transaction", flush=True)
            time.sleep(60)

    event.listen(repository._db.engine, "after_cursor_execute", hang)
    repository.save_case(stored.case.with_changes(ecog=4, notes="half"), expected_version=1)
    """
)


def test_a_client_killed_mid_save_leaves_no_partial_change(app_url, tmp_path):
    import signal

    with Repository.open(app_url) as repository:
        repository.create_case(make_case("K-1", ecog=1))
    child = subprocess.Popen(
        [sys.executable, "-c", _SAVE_THEN_HANG, app_url],
        env=cli_env(None, tmp_path),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "inside the transaction"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        if child.stdout is not None:
            child.stdout.close()
    with Repository.open(app_url) as repository:
        # The server rolled the dead client's transaction back: the case as it was, and
        # the write lock free for the next writer.
        stored = repository.get_case("K-1")
        assert (stored.version, stored.case.ecog, stored.case.notes) == (1, 1, None)
        repository.save_case(stored.case.with_changes(ecog=2), expected_version=1)
        assert [e.action for e in repository.history("K-1")] == ["create", "change"]
        assert repository.check().healthy


# --- live refresh ---------------------------------------------------------------------------------


def test_another_clients_save_is_reported_within_a_second(backend, tmp_path):
    """On both backends: a second repository (another client) saves; the first one's
    watcher names the case; the first one's own saves are not reported."""
    heard: list[frozenset[str] | None] = []
    arrived = threading.Event()

    def on_change(references):
        heard.append(references)
        arrived.set()

    with Repository.open(backend) as mine, Repository.open(backend) as theirs:
        mine.import_cases([make_case("R-1"), make_case("R-2")])
        watcher = mine.watch(on_change, interval_s=0.1)
        assert watcher is not None
        try:
            time.sleep(0.3)  # the watcher is listening
            mine.create_case(make_case("MINE-1"))  # my own: not reported
            stored = theirs.get_case("R-2")
            theirs.save_case(stored.case.with_changes(ecog=3), expected_version=stored.version)
            assert arrived.wait(5), "no change was reported"
            time.sleep(0.3)
        finally:
            watcher.stop()
    assert heard == [frozenset({"R-2"})]


def test_a_save_in_another_process_is_reported(app_url, tmp_path):
    heard: list[frozenset[str] | None] = []
    arrived = threading.Event()
    with Repository.open(app_url) as mine:
        mine.create_case(make_case("K-1", ecog=1))
        watcher = mine.watch(lambda refs: (heard.append(refs), arrived.set()), interval_s=0.1)
        try:
            time.sleep(0.3)
            done = subprocess.run(
                [sys.executable, "-m", "tareaid", "archive", "K-1"],
                env=cli_env(app_url, tmp_path),
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            assert done.returncode == 0, done.stderr
            assert arrived.wait(5)
        finally:
            watcher.stop()
    assert heard == [frozenset({"K-1"})]


def test_the_watcher_listens_again_after_its_connection_is_cut(app_url, postgres_server):
    heard: list[frozenset[str] | None] = []
    with Repository.open(app_url) as mine, Repository.open(app_url) as theirs:
        mine.create_case(make_case("C-1"))
        watcher = mine.watch(heard.append, interval_s=0.1)
        try:
            database = app_url.rsplit("/", 1)[1]
            admin_sql(
                postgres_server.admin_url,
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                f"WHERE datname = '{database}' AND query LIKE 'LISTEN%'",
            )
            # Back, it says that anything may have changed while it was away ...
            deadline = time.monotonic() + 10
            while None not in heard and time.monotonic() < deadline:
                time.sleep(0.05)
            assert None in heard
            # ... and hears the next change again.
            stored = theirs.get_case("C-1")
            theirs.save_case(stored.case.with_changes(ecog=1), expected_version=1)
            while frozenset({"C-1"}) not in heard and time.monotonic() < deadline:
                time.sleep(0.05)
            assert frozenset({"C-1"}) in heard
        finally:
            watcher.stop()


def test_an_announcement_names_the_cases_or_says_any():
    from tareaid.store import changelog

    log = changelog.WriteLog(references={"A-1", "B-2"}, agenda_dates={date(2026, 12, 3)})
    heard = changelog.read_payload(log.payload("tok"))
    assert heard == changelog.Announcement("tok", frozenset({"A-1", "B-2"}))
    assert json.loads(log.payload("tok"))["agendas"] == ["2026-12-03"]
    many = changelog.WriteLog(references={f"CASE-{i:05d}" for i in range(2000)})
    assert changelog.read_payload(many.payload("tok")) == changelog.Announcement("tok", None)
    assert changelog.read_payload("not json") is None
    assert changelog.read_payload('{"by": 3}') is None


def test_the_whole_command_line_works_as_the_application_role(app_url, tmp_path, cli):
    """Every command a member of the application role runs, and never its password."""
    from store_helpers import FULL_CASE, case_file

    good = case_file(tmp_path / "good.json", [FULL_CASE, {"reference": "CRLM-043"}])
    steps = [
        ("demo",),
        ("import", str(good)),
        ("list", "--json"),
        ("list", "--search", "demo-1"),
        ("show", "DEMO-03"),
        ("show", "DEMO-03", "--json"),
        ("export-json", "-o", str(tmp_path / "all.json")),
        ("report", "DEMO-01", "-o", str(tmp_path / "demo.pdf"), "--deidentified"),
        ("history", "CRLM-042"),
        ("history", "CRLM-042", "--json"),
        ("archive", "DEMO-05"),
        ("restore", "DEMO-05"),
        ("backup", "-o", str(tmp_path / "backup.sqlite3")),
        ("check",),
        ("migrate", "--from", app_url, "--to", str(tmp_path / "moved.sqlite3")),
        ("-v", "list"),
    ]
    secret = app_url.split(":", 2)[2].split("@", 1)[0]
    for step in steps:
        code, out, err = cli(*step, db=app_url)
        assert code == 0, (step, err)
        assert secret not in out + err, step
    code, out, _ = cli("history", "DEMO-05", db=app_url)
    assert "(login tareaid_test_user_" in out
    log_text = "".join(
        path.read_text("utf-8") for path in (tmp_path / "home").rglob("tareaid.log*")
    )
    assert secret not in log_text
    assert Path(tmp_path / "demo.pdf").read_bytes().startswith(b"%PDF-")
