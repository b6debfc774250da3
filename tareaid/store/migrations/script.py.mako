"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}

Frozen once released: never edit it and never import the current models here (write every
table, column and constraint out, with its name). A later change is a new revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
${imports if imports else ""}
revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = None
depends_on = None


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}


def downgrade() -> None:
    raise NotImplementedError(
        "TAREaid upgrades its schema in one direction; restore the copy taken before the upgrade"
    )
