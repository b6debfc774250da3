"""Schema version 6: the database login in the audit trail, the trail's head kept beside it,
and a trail that cannot be truncated on a server.

Revision ID: 0006
Revises: 0005

- ``audit_entry.db_user``: the login the database server authenticated (``session_user``),
  recorded beside the operating-system account. Nullable: an SQLite file has no logins, and
  the entries written before this version keep theirs empty (their hashes are unchanged).
- ``audit_head``: one row (id 1) holding how many entries the trail has and the hash of the
  newest, written by every writer in the same transaction as the entries. Entries removed
  from the end of the trail, or all of them, leave the chain itself intact; `check`
  counts the entries against this row. Filled here from the entries already there.
- PostgreSQL only: a statement-level ``BEFORE TRUNCATE`` trigger on ``audit_entry``.
  ``TRUNCATE`` fires no row trigger, so revision 0001's append-only trigger does not stop
  it; this one does, for every role, the table's owner included. (SQLite has no TRUNCATE:
  its ``DELETE`` trigger covers that.)

Self-contained: depends on nothing revision 0005 does, and every statement on a server is
written so that running it where its object exists already changes nothing.

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


_GENESIS = "0" * 64


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("ALTER TABLE audit_entry ADD COLUMN IF NOT EXISTS db_user VARCHAR(128)")
    else:
        op.add_column("audit_entry", sa.Column("db_user", sa.String(128), nullable=True))
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("entry_count", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.CheckConstraint("id = 1", name="ck_audit_head_single_row"),
    )
    op.execute(
        "INSERT INTO audit_head (id, entry_count, head_hash) "
        "SELECT 1, count(*), coalesce((SELECT entry_hash FROM audit_entry ORDER BY id DESC "
        f"LIMIT 1), '{_GENESIS}') FROM audit_entry"
    )
    if dialect == "postgresql":
        for statement in _POSTGRESQL:
            op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError(
        "TAREaid upgrades its schema in one direction; restore the copy taken before the upgrade"
    )
