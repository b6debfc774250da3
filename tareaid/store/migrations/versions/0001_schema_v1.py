"""Schema version 1: cases, their overrides and the append-only audit trail.

Revision ID: 0001
Revises: (none)

Frozen: databases in users' hands were created by exactly these operations, so this file
never changes and never reads the current models. A change to the schema is a new revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# The trail is part of the medical record: nothing may rewrite or remove it, whichever
# program opens the database.
_SQLITE_TRIGGERS = (
    """
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only: entries cannot be changed');
END
""",
    """
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only: entries cannot be deleted');
END
""",
)

_POSTGRESQL_TRIGGERS = (
    "CREATE OR REPLACE FUNCTION tareaid_audit_append_only() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END; $$ LANGUAGE plpgsql",
    "CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry "
    "FOR EACH ROW EXECUTE FUNCTION tareaid_audit_append_only()",
)


def upgrade() -> None:
    op.create_table(
        "case_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(64), nullable=False),
        sa.Column("reference_key", sa.Text(), nullable=False),
        sa.Column("identity_key", sa.Text(), nullable=False),
        sa.Column("patient_name", sa.String(200)),
        sa.Column("mrn", sa.String(64)),
        sa.Column("date_of_birth", sa.Date()),
        sa.Column("age_years", sa.Integer()),
        sa.Column("sex", sa.String(32)),
        sa.Column("board_date", sa.Date()),
        sa.Column("primary_tumour_side", sa.String(32)),
        sa.Column("metastatic_pattern", sa.String(32)),
        sa.Column("treatment_goal", sa.String(32)),
        sa.Column("prior_systemic_lines", sa.Integer()),
        sa.Column("ras_status", sa.String(32)),
        sa.Column("braf_status", sa.String(32)),
        sa.Column("msi_status", sa.String(32)),
        sa.Column("liver_lesion_count", sa.Integer()),
        sa.Column("bilobar", sa.Boolean()),
        sa.Column("ablation_suitable", sa.Boolean()),
        sa.Column("resectable", sa.Boolean()),
        sa.Column("largest_lesion_mm", sa.Integer()),
        sa.Column("ecog", sa.Integer()),
        sa.Column("planned_chemotherapy", sa.String(32)),
        sa.Column("planned_biologic", sa.String(32)),
        sa.Column("checkpoint_inhibitor", sa.Boolean()),
        sa.Column("prior_kras_g12c_inhibitor", sa.Boolean()),
        sa.Column("microsphere", sa.String(32)),
        sa.Column("lung_shunt_fraction_pct", sa.Float()),
        sa.Column("bilirubin_mg_dl", sa.Float()),
        sa.Column("notes", sa.Text()),
        sa.Column("decision_outcome", sa.String(32)),
        sa.Column("decision_rationale", sa.Text()),
        sa.Column("decision_attendees", sa.Text()),
        sa.Column("decision_dissent", sa.Text()),
        sa.Column("decision_decided_on", sa.Date()),
        sa.Column("decision_finalised", sa.Boolean(), nullable=False),
        sa.Column("count_favours", sa.Integer(), nullable=False),
        sa.Column("count_neutral", sa.Integer(), nullable=False),
        sa.Column("count_against", sa.Integer(), nullable=False),
        sa.Column("count_unassessed", sa.Integer(), nullable=False),
        sa.Column("count_outside", sa.Integer(), nullable=False),
        sa.Column("headline", sa.Text(), nullable=False),
        sa.Column("assessed_with", sa.String(64), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("reference", name="uq_case_record_reference"),
    )
    op.create_table(
        "case_override",
        sa.Column("case_id", sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("factor", sa.String(32), nullable=False),
        sa.Column("tier", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("case_id", "factor"),
        sa.ForeignKeyConstraint(["case_id"], ["case_record.id"], name="fk_case_override_case_id"),
    )
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("os_user", sa.String(256), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(64), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("field", sa.String(64)),
        sa.Column("old_value", sa.Text()),
        sa.Column("new_value", sa.Text()),
        sa.Column("reason", sa.Text()),
        sa.Column("entry_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.ForeignKeyConstraint(["case_id"], ["case_record.id"], name="fk_audit_entry_case_id"),
    )
    # Each sortable list column gets an index ending in the reference (the tie-breaker), so
    # a page of a 100,000-case list sorted by any column is an index walk, not a sort. The
    # *_key indexes cover the search columns, so a substring search scans a narrow index
    # instead of the wide table rows.
    for name, columns in (
        ("ix_case_record_reference_key", ["reference_key", "archived"]),
        ("ix_case_record_identity_key", ["identity_key", "archived"]),
        ("ix_case_record_board_date", ["board_date", "reference"]),
        ("ix_case_record_updated_at", ["updated_at", "reference"]),
        ("ix_case_record_favours", ["count_favours", "reference"]),
        ("ix_case_record_neutral", ["count_neutral", "reference"]),
        ("ix_case_record_against", ["count_against", "reference"]),
        ("ix_case_record_headline", ["headline", "reference"]),
        ("ix_case_record_assessed_with", ["assessed_with"]),
    ):
        op.create_index(name, "case_record", columns)
    op.create_index("ix_audit_entry_case_id", "audit_entry", ["case_id", "id"])

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in _SQLITE_TRIGGERS:
            op.execute(statement)
    elif dialect == "postgresql":
        for statement in _POSTGRESQL_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError(
        "TAREaid upgrades its schema in one direction; restore the copy taken before the upgrade"
    )
