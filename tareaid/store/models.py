"""The SQLModel tables of the current schema (version 4), used to read and write rows.

For SQLite the tables are created by the frozen DDL in ``schema.py``; these classes describe
the same tables to SQLAlchemy (a test proves the two agree column by column and index by
index). For a database server, where that SQLite DDL does not apply, the tables are created
from these classes.

A case is one wide row: every field of the ``tareaid.case/1`` format in its own typed
column, the board decision in ``decision_*`` columns, and the assessment summary
(counts, headline) computed at every save so that listing 100,000 cases never re-assesses
one. Overrides live in their own table, one row per overridden factor.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from sqlalchemy import Index, Table, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class CaseRecord(SQLModel, table=True):
    """One case: its fields, its board decision, its stored assessment summary."""

    __tablename__: ClassVar[str] = "case_record"  # type: ignore[misc]
    __table_args__ = (
        UniqueConstraint("reference", name="uq_case_record_reference"),
        Index("ix_case_record_reference_key", "reference_key", "archived"),
        Index("ix_case_record_identity_key", "identity_key", "archived"),
        Index("ix_case_record_board_date", "board_date", "reference"),
        Index("ix_case_record_updated_at", "updated_at", "reference"),
        Index("ix_case_record_favours", "count_favours", "reference"),
        Index("ix_case_record_neutral", "count_neutral", "reference"),
        Index("ix_case_record_against", "count_against", "reference"),
        Index("ix_case_record_headline", "headline", "reference"),
        Index("ix_case_record_assessed_with", "assessed_with"),
        # Schema version 3.
        Index("ix_case_record_reference_search", "reference", "archived", "reference_key"),
    )

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(max_length=64)
    # Case-folded copies for case-insensitive substring search in any script (LIKE in
    # SQLite only folds ASCII).
    reference_key: str = Field(sa_type=Text)
    identity_key: str = Field(sa_type=Text)

    patient_name: str | None = Field(default=None, max_length=200)
    mrn: str | None = Field(default=None, max_length=64)
    date_of_birth: date | None = None
    age_years: int | None = None
    sex: str | None = Field(default=None, max_length=32)
    board_date: date | None = None
    primary_tumour_side: str | None = Field(default=None, max_length=32)
    metastatic_pattern: str | None = Field(default=None, max_length=32)
    treatment_goal: str | None = Field(default=None, max_length=32)
    prior_systemic_lines: int | None = None
    ras_status: str | None = Field(default=None, max_length=32)
    braf_status: str | None = Field(default=None, max_length=32)
    msi_status: str | None = Field(default=None, max_length=32)
    liver_lesion_count: int | None = None
    bilobar: bool | None = None
    ablation_suitable: bool | None = None
    resectable: bool | None = None
    largest_lesion_mm: int | None = None
    ecog: int | None = None
    planned_chemotherapy: str | None = Field(default=None, max_length=32)
    planned_biologic: str | None = Field(default=None, max_length=32)
    checkpoint_inhibitor: bool | None = None
    prior_kras_g12c_inhibitor: bool | None = None
    microsphere: str | None = Field(default=None, max_length=32)
    lung_shunt_fraction_pct: float | None = None
    bilirubin_mg_dl: float | None = None
    notes: str | None = Field(default=None, sa_type=Text)

    decision_outcome: str | None = Field(default=None, max_length=32)
    decision_rationale: str | None = Field(default=None, sa_type=Text)
    decision_attendees: str | None = Field(default=None, sa_type=Text)  # JSON list of names
    decision_dissent: str | None = Field(default=None, sa_type=Text)
    decision_decided_on: date | None = None
    decision_finalised: bool = False

    count_favours: int
    count_neutral: int
    count_against: int
    count_unassessed: int
    count_outside: int
    headline: str = Field(sa_type=Text)
    # Which TAREaid and evidence pack computed the summary; rows computed by another one
    # are re-assessed when the database is opened.
    assessed_with: str = Field(max_length=64)

    archived: bool = False
    version: int = 1
    created_at: str = Field(max_length=40)  # UTC, ISO 8601
    updated_at: str = Field(max_length=40)

    # Schema version 4: the second release's case fields, added as columns at the end of
    # the table (ALTER TABLE ... ADD COLUMN), so they come last here too.
    histology: str | None = Field(default=None, max_length=32)
    life_expectancy_3_months: bool | None = None
    lung_metastasis_count: int | None = None
    lung_metastasis_max_mm: int | None = None
    nodal_regions: int | None = None
    nodal_max_mm: int | None = None
    bone_metastases: bool | None = None
    peritoneal_metastases: bool | None = None
    other_extrahepatic_site: bool | None = None
    albumin_g_dl: float | None = None
    ascites: bool | None = None
    cirrhosis: bool | None = None
    portal_hypertension: bool | None = None
    main_portal_vein_involvement: bool | None = None
    prior_adjuvant_chemotherapy: bool | None = None
    adjuvant_ended_on: date | None = None
    first_line_regimen: str | None = Field(default=None, max_length=32)
    peripheral_neuropathy_grade: int | None = None
    prior_upper_abdominal_radiotherapy: bool | None = None
    other_active_malignancy: bool | None = None
    lung_dose_gy: float | None = None


class CaseOverride(SQLModel, table=True):
    """A clinician's tier for one factor of one case, with the reason."""

    __tablename__: ClassVar[str] = "case_override"  # type: ignore[misc]

    case_id: int = Field(
        primary_key=True,
        foreign_key="case_record.id",
        sa_column_kwargs={"autoincrement": False},
    )
    factor: str = Field(primary_key=True, max_length=32)
    tier: str = Field(max_length=16)
    reason: str = Field(sa_type=Text)


class AuditEntryRecord(SQLModel, table=True):
    """One line of the append-only audit trail (database triggers refuse edits)."""

    __tablename__: ClassVar[str] = "audit_entry"  # type: ignore[misc]
    __table_args__ = (Index("ix_audit_entry_case_id", "case_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    at: str = Field(max_length=40)  # UTC, ISO 8601
    os_user: str = Field(max_length=256)
    case_id: int = Field(foreign_key="case_record.id")
    reference: str = Field(max_length=64)  # the case's reference at the time
    action: str = Field(max_length=32)
    field: str | None = Field(default=None, max_length=64)
    old_value: str | None = Field(default=None, sa_type=Text)  # JSON text
    new_value: str | None = Field(default=None, sa_type=Text)  # JSON text
    reason: str | None = Field(default=None, sa_type=Text)
    # SHA-256 over the previous entry's hash and this entry: an edit made behind TAREaid's
    # back (with the triggers dropped) breaks the chain, and `check` reports it.
    entry_hash: str = Field(max_length=64)


class AgendaItem(SQLModel, table=True):
    """A case's place in the coordinator's order for one board date (schema version 2)."""

    __tablename__: ClassVar[str] = "agenda_item"  # type: ignore[misc]
    __table_args__ = (
        UniqueConstraint("board_date", "case_id", name="uq_agenda_item_board_date_case_id"),
        Index("ix_agenda_item_board_date", "board_date", "position"),
    )

    id: int | None = Field(default=None, primary_key=True)
    board_date: date
    position: int
    case_id: int = Field(foreign_key="case_record.id")


class Attendee(SQLModel, table=True):
    """A remembered board attendee (schema version 2)."""

    __tablename__: ClassVar[str] = "attendee"  # type: ignore[misc]
    __table_args__ = (UniqueConstraint("name", name="uq_attendee_name"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    specialty: str = Field(max_length=200)


def table(model: type[SQLModel]) -> Table:
    """The SQLAlchemy Table behind a model (for Core statements and bulk inserts)."""
    return model.__table__  # type: ignore[attr-defined,no-any-return]


CASES = table(CaseRecord)
OVERRIDES = table(CaseOverride)
AUDIT = table(AuditEntryRecord)
AGENDA = table(AgendaItem)
ATTENDEES = table(Attendee)
