"""Schema version 5 (reserved): changes nothing.

Revision ID: 0005
Revises: 0004

Holds the place of schema version 5 in the ladder, so that revision 0006 has its parent. It
is to be replaced by the real revision 0005 (case rows' audit heads and the reference
identity key) before any database is released at version 5 or later; 0006 depends on
nothing 0005 does.

Frozen once released: never changes and never reads the current models.
"""

from __future__ import annotations

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    raise NotImplementedError(
        "TAREaid upgrades its schema in one direction; restore the copy taken before the upgrade"
    )
