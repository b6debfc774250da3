"""What the current schema version is, and how a database is marked with its version.

The schema itself is built by the Alembic revisions in ``migrations/versions`` (one frozen
revision per schema version: revision "0003" is schema version 3). This module holds the
few facts that must be known *without* importing Alembic or SQLAlchemy: the version this
TAREaid writes, the mark that makes a file TAREaid's, and what `check` expects to find.

An SQLite file carries its version in ``PRAGMA user_version`` and its owner in
``PRAGMA application_id``; both are plain integers in the file header, so they are read
before SQLite is even asked to open the file, and a current file costs nothing at start-up
(no Alembic import, no version-table query).
"""

from __future__ import annotations

import re

from tareaid import __version__
from tareaid.store.errors import ForeignDatabaseError, NewerSchemaError

# "TARE" in ASCII. Written into every TAREaid database file at creation; a file with another
# value belongs to another program and is refused untouched.
APPLICATION_ID = 0x54415245

# The newest schema version: the number of the head revision in migrations/versions (a test
# keeps the two in step).
SCHEMA_VERSION = 6

# Tables expected at each version, for `check`.
TABLES_BY_VERSION: dict[int, frozenset[str]] = {
    1: frozenset({"case_record", "case_override", "audit_entry"}),
    2: frozenset({"case_record", "case_override", "audit_entry", "agenda_item", "attendee"}),
    3: frozenset({"case_record", "case_override", "audit_entry", "agenda_item", "attendee"}),
    4: frozenset({"case_record", "case_override", "audit_entry", "agenda_item", "attendee"}),
    5: frozenset({"case_record", "case_override", "audit_entry", "agenda_item", "attendee"}),
    6: frozenset(
        {
            "case_record",
            "case_override",
            "audit_entry",
            "audit_trail_end",
            "agenda_item",
            "attendee",
        }
    ),
}

# The SQLite triggers that make the audit trail append-only (revision 0001).
AUDIT_TRIGGERS = ("audit_entry_no_update", "audit_entry_no_delete")

# A server's triggers on the trail: no row changed or deleted (revision 0001), the table
# never truncated (revision 0006). `check` compares their definitions on the server.
SERVER_AUDIT_TRIGGERS = ("audit_entry_append_only", "audit_entry_no_truncate")

_REVISION = re.compile(r"\d{4}")


def assessed_with(pack_version: str) -> str:
    """What a row's ``assessed_with`` column holds when this TAREaid and this evidence pack
    computed its stored summary (counts and headline); rows holding anything else are
    re-assessed when the database is opened."""
    return f"{__version__}/{pack_version}"[:64]


def revision_of(version: int) -> str:
    """The Alembic revision id that builds schema `version` ("0003" for version 3)."""
    return f"{version:04d}"


def version_of(revision: str) -> int | None:
    """The schema version a revision id stands for; None for an id that is not TAREaid's."""
    return int(revision) if _REVISION.fullmatch(revision) else None


def newer_schema(where: object, version: int) -> NewerSchemaError:
    """The refusal of a database marked with a newer schema version (left untouched)."""
    return NewerSchemaError(
        f"{where}: was written by a newer TAREaid (schema version {version}; this version "
        f"reads up to {SCHEMA_VERSION}); it was left as it is. Use the newer TAREaid, or open "
        "another database"
    )


def check_history(where: object, revisions: list[str]) -> int | None:
    """The version an Alembic record names (None for no record). Another program's record,
    or a newer one, is refused here: Alembic itself would only say "Can't locate revision"."""
    if not revisions:
        return None
    version = version_of(revisions[0])
    if len(revisions) > 1 or version is None:
        raise ForeignDatabaseError(
            f"{where}: holds another program's schema history (Alembic revision "
            f"{', '.join(revisions)} is not TAREaid's); it was left as it is"
        )
    if version > SCHEMA_VERSION:
        raise newer_schema(where, version)
    return version


# The definitions revision 0001 gave the audit triggers, as `check` expects to find them in
# sqlite_master (compared with runs of white space collapsed): a trigger of the same name
# that no longer refuses the change is as good as none.
AUDIT_TRIGGER_SQL = {
    "audit_entry_no_update": (
        "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry BEGIN SELECT "
        "RAISE(ABORT, 'the audit trail is append-only: entries cannot be changed'); END"
    ),
    "audit_entry_no_delete": (
        "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry BEGIN SELECT "
        "RAISE(ABORT, 'the audit trail is append-only: entries cannot be deleted'); END"
    ),
}
