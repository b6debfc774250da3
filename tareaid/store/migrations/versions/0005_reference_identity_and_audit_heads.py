"""Schema version 5: each case's reference identity, and the head of its audit trail.

Revision ID: 0005
Revises: 0004

- ``reference_identity`` (indexed): the reference with compatibility forms, case and
  look-alike dashes folded, so that a reference that could be taken for another case's on a
  screen ("demo‐01" for "DEMO-01") is found with one index lookup and refused.
- ``audit_head`` and ``audit_count``: the hash of the case's latest audit entry and how many
  entries it has. Every write keeps them in step in its own transaction, so deleting a
  case's latest entries (with the trail's triggers dropped) no longer goes unseen.

Existing rows are filled in here. Databases may already hold references that now count as
one: no uniqueness is imposed on the identity (``check`` reports such pairs); new ones are
refused when a case is created, imported, renamed or duplicated.

Frozen: never changes and never reads the current models (the folding is written out here,
as it was when this revision was released).
"""

from __future__ import annotations

import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_DASHES = re.compile("[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d\u058a\u05be\u1806\u2e3a\u2e3b]")


def _identity(reference: str) -> str:
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", reference).casefold())
    return _DASHES.sub("-", folded)


def upgrade() -> None:
    # Plain ADD COLUMN on both backends (no table rebuild: triggers and keys untouched).
    op.add_column("case_record", sa.Column("reference_identity", sa.Text(), nullable=True))
    op.add_column("case_record", sa.Column("audit_head", sa.String(64), nullable=True))
    op.add_column("case_record", sa.Column("audit_count", sa.Integer(), nullable=True))
    bind = op.get_bind()
    cases = sa.table(
        "case_record",
        sa.column("id", sa.Integer()),
        sa.column("reference", sa.Text()),
        sa.column("reference_identity", sa.Text()),
    )
    rows = bind.execute(sa.select(cases.c.id, cases.c.reference)).all()
    if rows:
        bind.execute(
            cases.update()
            .where(cases.c.id == sa.bindparam("case_id"))
            .values(reference_identity=sa.bindparam("identity")),
            [{"case_id": row.id, "identity": _identity(row.reference)} for row in rows],
        )
    op.execute(
        "UPDATE case_record SET "
        "audit_count = (SELECT count(*) FROM audit_entry a WHERE a.case_id = case_record.id), "
        "audit_head = (SELECT a.entry_hash FROM audit_entry a WHERE a.case_id = case_record.id "
        "ORDER BY a.id DESC LIMIT 1)"
    )
    op.create_index("ix_case_record_reference_identity", "case_record", ["reference_identity"])


def downgrade() -> None:
    raise NotImplementedError(
        "TAREaid upgrades its schema in one direction; restore the copy taken before the upgrade"
    )
