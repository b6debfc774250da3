"""Setting up a shared database on a PostgreSQL server: `tareaid server-init`.

Run by the database's owner, it builds or upgrades the schema through the ladder (only the
owner may change tables) and gives TAREaid's application role exactly the privileges the
program uses, no more:

- cases, overrides, the agenda and attendees: read, add, and change or remove only where a
  save does (a case row is never deleted; an override or agenda place is replaced);
- the audit trail: read and add entries only — no UPDATE, DELETE or TRUNCATE, so a login
  through TAREaid's role cannot rewrite history even outside TAREaid;
- the trail's end row (its length and newest hash): read and update (every writer moves it);
- the schema marks: read; the id sequences: use.

The role owns nothing, so it cannot drop or disable the trail's triggers. People log in as
their own roles, members of the application role, so that the audit trail records who they
are (``db_user``). Running it again (after an upgrade, or to repair drifted grants) sets
the same privileges again.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from sqlalchemy import Connection, text

from tareaid.store import server
from tareaid.store.connection import open_database
from tareaid.store.errors import PermissionDeniedError, StoreInputError

log = logging.getLogger(__name__)

DEFAULT_APP_ROLE = "tareaid_app"

# Every table of the schema and what the application role may do with it.
TABLE_PRIVILEGES: dict[str, tuple[str, ...]] = {
    "case_record": ("SELECT", "INSERT", "UPDATE"),
    "case_override": ("SELECT", "INSERT", "DELETE"),
    "audit_entry": ("SELECT", "INSERT"),
    "audit_trail_end": ("SELECT", "UPDATE"),
    "agenda_item": ("SELECT", "INSERT", "DELETE"),
    "attendee": ("SELECT", "INSERT", "UPDATE"),
    "alembic_version": ("SELECT",),
    "tareaid_schema": ("SELECT",),
}
# The tables whose ids come from a sequence (nextval needs USAGE).
SEQUENCE_TABLES = ("case_record", "audit_entry", "agenda_item", "attendee")
# Every table privilege PostgreSQL knows, to prove the role has none of the others.
ALL_TABLE_PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")

_ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


@dataclass(frozen=True)
class ServerSetup:
    """What server-init did."""

    where: str
    schema_version: int
    role: str
    role_created: bool
    owner: str


def check_role_name(role: str) -> str:
    """A role name TAREaid will write into GRANT statements: plain lower-case SQL name."""
    if not _ROLE_NAME.fullmatch(role or ""):
        raise StoreInputError(
            f"{role!r}: a role name here is lower-case letters, digits and _ (at most 63, "
            "not starting with a digit)",
            exit_code=2,
        )
    return role


def server_init(
    db: str, *, app_role: str = DEFAULT_APP_ROLE, password: str | None = None
) -> ServerSetup:
    """Build or upgrade the schema of the server database `db` and grant `app_role` what
    TAREaid needs (creating it, without login, when it does not exist)."""
    role = check_role_name(app_role)
    database = open_database(db, create=True, password=password)
    try:
        if not database.is_server:
            raise StoreInputError(
                f"{database.where}: server-init sets up a PostgreSQL database; an SQLite "
                "file needs no set-up",
                exit_code=2,
            )
        assert database.target is not None
        with (
            server.translated(database.where, database.target.waits),
            database.engine.begin() as connection,
        ):
            owner = str(connection.execute(text("SELECT session_user")).scalar())
            if role == owner:
                raise StoreInputError(
                    f"{database.where}: the application role must not be the login that owns "
                    f"the tables ({owner}); choose another name with --app-role",
                    exit_code=2,
                )
            created = _ensure_role(connection, role, database.where)
            grant(connection, role)
            wrong = privilege_problems(connection, role)
            if wrong:
                raise PermissionDeniedError(
                    f"{database.where}: the privileges of role {role} could not be set as "
                    f"TAREaid needs them ({'; '.join(wrong)}); server-init must run as the "
                    "owner of the tables. Nothing was changed"
                )
        setup = ServerSetup(database.where, database.schema_version, role, created, owner)
    finally:
        database.close()
    log.info("server database set up at schema version %d", setup.schema_version)
    return setup


def _ensure_role(connection: Connection, role: str, where: str) -> bool:
    exists = connection.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}
    ).first()
    if exists is not None:
        superuser = connection.execute(
            text("SELECT rolsuper FROM pg_roles WHERE rolname = :role"), {"role": role}
        ).scalar()
        if superuser:
            raise StoreInputError(
                f"{where}: role {role} is a superuser, which no privilege can limit; choose "
                "another role with --app-role",
                exit_code=2,
            )
        return False
    allowed = connection.execute(
        text("SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = session_user")
    ).scalar()
    if not allowed:
        raise PermissionDeniedError(
            f"{where}: role {role} does not exist, and this login lacks the CREATEROLE "
            f"privilege to create it. Ask the administrator to run CREATE ROLE {role} "
            "NOLOGIN; then run server-init again. Nothing was changed"
        )
    connection.execute(text(f"CREATE ROLE {role} NOLOGIN"))
    return True


def grant(connection: Connection, role: str) -> None:
    """Set exactly TAREaid's privileges for `role` (and nothing for PUBLIC) on the current
    database's tables and sequences."""
    quote = connection.dialect.identifier_preparer.quote
    database = connection.execute(text("SELECT current_database()")).scalar()
    schema = connection.execute(text("SELECT current_schema()")).scalar()
    connection.execute(text(f"GRANT CONNECT ON DATABASE {quote(str(database))} TO {role}"))
    connection.execute(text(f"GRANT USAGE ON SCHEMA {quote(str(schema))} TO {role}"))
    for table, privileges in TABLE_PRIVILEGES.items():
        connection.execute(text(f"REVOKE ALL ON TABLE {table} FROM PUBLIC, {role}"))
        connection.execute(text(f"GRANT {', '.join(privileges)} ON TABLE {table} TO {role}"))
    for table in SEQUENCE_TABLES:
        sequence = connection.execute(
            text("SELECT pg_get_serial_sequence(:table, 'id')"), {"table": table}
        ).scalar()
        connection.execute(text(f"REVOKE ALL ON SEQUENCE {sequence} FROM PUBLIC, {role}"))
        connection.execute(text(f"GRANT USAGE ON SEQUENCE {sequence} TO {role}"))


def privilege_problems(connection: Connection, role: str) -> list[str]:
    """How `role`'s table privileges differ from TAREaid's list (empty when they match)."""
    problems = []
    for table, wanted in TABLE_PRIVILEGES.items():
        for privilege in ALL_TABLE_PRIVILEGES:
            has = bool(
                connection.execute(
                    text("SELECT has_table_privilege(:role, :table, :privilege)"),
                    {"role": role, "table": table, "privilege": privilege},
                ).scalar()
            )
            if has != (privilege in wanted):
                problems.append(f"{'has' if has else 'lacks'} {privilege} on {table}")
    return problems
