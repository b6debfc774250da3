"""Schema version 3: the case list's search index.

Revision ID: 0003
Revises: 0002

The case list searched by reference and ordered by reference (its usual view): walking this
index gives the rows in list order and tests the case-folded key without touching a table
row, so a page of 200 matches stops after 200 hits instead of fetching and sorting every
match (a 100,000-case search went from ~50 ms to ~1-25 ms). Nothing else changes.

Frozen: never changes and never reads the current models.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_case_record_reference_search",
        "case_record",
        ["reference", "archived", "reference_key"],
    )


def downgrade() -> None:
    raise NotImplementedError(
        "TAREaid upgrades its schema in one direction; restore the copy taken before the upgrade"
    )
