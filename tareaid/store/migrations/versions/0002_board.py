"""Schema version 2: the tumour-board session (agenda order and remembered attendees).

Revision ID: 0002
Revises: 0001

Frozen: never changes and never reads the current models.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agenda_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("board_date", sa.Date(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("board_date", "case_id", name="uq_agenda_item_board_date_case_id"),
        sa.ForeignKeyConstraint(["case_id"], ["case_record.id"], name="fk_agenda_item_case_id"),
    )
    op.create_index("ix_agenda_item_board_date", "agenda_item", ["board_date", "position"])
    op.create_table(
        "attendee",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("specialty", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name", name="uq_attendee_name"),
    )


def downgrade() -> None:
    raise NotImplementedError(
        "TAREaid upgrades its schema in one direction; restore the copy taken before the upgrade"
    )
