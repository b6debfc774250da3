"""Schema version 6: the database login in the audit trail, the trail's end (its length and
newest hash) kept beside it, and a trail that cannot be truncated on a server.

Revision ID: 0006
Revises: 0005

- ``audit_entry.db_user``: the login the database server authenticated (``session_user``),
  recorded beside the operating-system account. Nullable: an SQLite file has no logins, and
  the entries written before this version keep theirs empty (their hashes are unchanged).
- ``audit_trail_end``: one row (id 1) holding how many entries the whole trail has and the
  hash of the newest, written by every writer in the same transaction as the entries.
  Entries removed from the end of the trail, or all of them (a whole case with its trail
  included, which revision 0005's per-case ``case_record.audit_head`` cannot show), leave
  the chain itself intact; `check` counts the entries against this row. Filled here from
  the entries already there.
- PostgreSQL only: a statement-level ``BEFORE TRUNCATE`` trigger on ``audit_entry``.
  ``TRUNCATE`` fires no row trigger, so revision 0001's append-only trigger does not stop
  it; this one does, for every role, the table's owner included. (SQLite has no TRUNCATE:
  its ``DELETE`` trigger covers that.)
- PostgreSQL only, where the server has the ``pg_trgm`` extension (PostgreSQL's contrib)
  and the owner may install it: trigram indexes on the case list's search keys, so that a
  substring search finds its rows through an index instead of reading every case (a
  100,000-case search: ~100 ms to ~1 ms). Without it, searches scan as before.

Every statement on a server is written so that running it where its object exists already
changes nothing.

Frozen: never changes and never reads the current models.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_POSTGRESQL = (
    "CREATE OR REPLACE FUNCTION tareaid_audit_no_truncate() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'the audit trail is append-only: it cannot be truncated'; END; "
    "$$ LANGUAGE plpgsql",
    "DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_entry",
    "CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry "
    "FOR EACH STATEMENT EXECUTE FUNCTION tareaid_audit_no_truncate()",
)


_TRIGRAM_INDEXES = (
    ("ix_case_record_reference_key_trgm", "reference_key"),
    ("ix_case_record_identity_key_trgm", "identity_key"),
)

_GENESIS = "0" * 64
# The head row, filled from the entries already there (unless it is there already).
_FILL_HEAD = (
    "INSERT INTO audit_trail_end (id, entry_count, head_hash) "
    "SELECT 1, (SELECT count(*) FROM audit_entry), coalesce((SELECT entry_hash FROM "
    f"audit_entry ORDER BY id DESC LIMIT 1), '{_GENESIS}') "
    "WHERE NOT EXISTS (SELECT 1 FROM audit_trail_end)"
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # Written so that running it where its objects exist already changes nothing.
        op.execute("ALTER TABLE audit_entry ADD COLUMN IF NOT EXISTS db_user VARCHAR(128)")
        op.execute(
            "CREATE TABLE IF NOT EXISTS audit_trail_end ("
            "id INTEGER NOT NULL, "
            "entry_count INTEGER NOT NULL, "
            "head_hash VARCHAR(64) NOT NULL, "
            "CONSTRAINT audit_trail_end_pkey PRIMARY KEY (id), "
            "CONSTRAINT ck_audit_trail_end_single_row CHECK (id = 1))"
        )
        op.execute(_FILL_HEAD)
        for statement in _POSTGRESQL:
            op.execute(statement)
        _trigram_indexes()
        return
    op.add_column("audit_entry", sa.Column("db_user", sa.String(128), nullable=True))
    op.create_table(
        "audit_trail_end",
        sa.Column("id", sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("entry_count", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.CheckConstraint("id = 1", name="ck_audit_trail_end_single_row"),
    )
    op.execute(_FILL_HEAD)


def _trigram_indexes() -> None:
    bind = op.get_bind()
    available = bind.execute(
        sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
    ).first()
    if available is None:
        return
    try:
        # In a savepoint: a login that may not install extensions leaves the rest intact.
        with bind.begin_nested():
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
            for name, column in _TRIGRAM_INDEXES:
                bind.execute(
                    sa.text(
                        f"CREATE INDEX IF NOT EXISTS {name} ON case_record "
                        f"USING gin ({column} gin_trgm_ops)"
                    )
                )
    except sa.exc.DBAPIError:
        pass


def downgrade() -> None:
    raise NotImplementedError(
        "TAREaid upgrades its schema in one direction; restore the copy taken before the upgrade"
    )
