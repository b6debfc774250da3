"""The tables of the current schema, as SQLAlchemy Core tables to read and write rows with.

The schema of a database is built by the revisions in ``migrations/``; these tables describe
the same schema to SQLAlchemy (a test migrates a database on each backend and proves the two
agree column by column, index by index).

A case is one wide row: every field of the ``tareaid.case/1`` format in its own typed
column, the board decision in ``decision_*`` columns, and the assessment summary (counts,
headline) computed at every save so that listing 100,000 cases never re-assesses one.
Overrides live in their own table, one row per overridden factor.

The case-field columns are not written out here: they come from the field table
(``domain/fields.py``), so a field is declared once; only a revision adds its column to a
database.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeEngine

from tareaid.domain.fields import FIELDS, FIELDS_BY_NAME, FieldSpec, Kind

# Every constraint gets a predictable name, so a later revision can name the one it alters
# (SQLite's batch mode needs the name). Primary keys keep the database's own name: the
# ladder never alters one, and the servers created before the ladder use that name.
METADATA = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s",
    }
)

# A choice is stored as its word; every word of every choice field fits this column.
CHOICE_LENGTH = 32
# Text limited to this many characters is a VARCHAR of its limit; longer text is TEXT.
VARCHAR_MAX = 255


def column_type(spec: FieldSpec) -> TypeEngine:
    """The column type of a case field, from its kind and limits."""
    if spec.kind is Kind.TEXT:
        if spec.max_length is not None and spec.max_length <= VARCHAR_MAX:
            return String(spec.max_length)
        return Text()
    if spec.kind is Kind.CHOICE:
        too_long = [choice for choice in spec.choices if len(choice) > CHOICE_LENGTH]
        assert not too_long, f"{spec.name}: choices longer than {CHOICE_LENGTH}: {too_long}"
        return String(CHOICE_LENGTH)
    types: dict[Kind, TypeEngine] = {
        Kind.DATE: Date(),
        Kind.INTEGER: Integer(),
        Kind.NUMBER: Float(),
        Kind.BOOLEAN: Boolean(),
    }
    return types[spec.kind]


def _field_columns() -> list[Column]:
    """The reference first (the row's name, required), then every other field in order."""
    reference = FIELDS_BY_NAME["reference"]
    rest = [spec for spec in FIELDS if spec is not reference]
    return [
        Column(reference.name, column_type(reference), nullable=False),
        # Case-folded copies for case-insensitive substring search in any script (LIKE in
        # SQLite only folds ASCII).
        Column("reference_key", Text, nullable=False),
        Column("identity_key", Text, nullable=False),
        *(Column(spec.name, column_type(spec)) for spec in rest),
    ]


CASES = Table(
    "case_record",
    METADATA,
    Column("id", Integer, primary_key=True),
    *_field_columns(),
    Column("decision_outcome", String(32)),
    Column("decision_rationale", Text),
    Column("decision_attendees", Text),  # JSON list of names
    Column("decision_dissent", Text),
    Column("decision_decided_on", Date),
    Column("decision_finalised", Boolean, nullable=False),
    Column("count_favours", Integer, nullable=False),
    Column("count_neutral", Integer, nullable=False),
    Column("count_against", Integer, nullable=False),
    Column("count_unassessed", Integer, nullable=False),
    Column("count_outside", Integer, nullable=False),
    Column("headline", Text, nullable=False),
    # Which TAREaid and evidence pack computed the summary; rows computed by another one
    # are re-assessed when the database is opened.
    Column("assessed_with", String(64), nullable=False),
    Column("archived", Boolean, nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_at", String(40), nullable=False),  # UTC, ISO 8601
    Column("updated_at", String(40), nullable=False),
    UniqueConstraint("reference"),
    # Each sortable list column has an index ending in the reference (the tie-breaker); the
    # *_key indexes cover the search columns (see revisions 0001 and 0003).
    Index("ix_case_record_reference_key", "reference_key", "archived"),
    Index("ix_case_record_identity_key", "identity_key", "archived"),
    Index("ix_case_record_board_date", "board_date", "reference"),
    Index("ix_case_record_updated_at", "updated_at", "reference"),
    Index("ix_case_record_favours", "count_favours", "reference"),
    Index("ix_case_record_neutral", "count_neutral", "reference"),
    Index("ix_case_record_against", "count_against", "reference"),
    Index("ix_case_record_headline", "headline", "reference"),
    Index("ix_case_record_assessed_with", "assessed_with"),
    Index("ix_case_record_reference_search", "reference", "archived", "reference_key"),
)

# A clinician's tier for one factor of one case, with the reason.
OVERRIDES = Table(
    "case_override",
    METADATA,
    Column("case_id", Integer, ForeignKey("case_record.id"), primary_key=True, autoincrement=False),
    Column("factor", String(32), primary_key=True),
    Column("tier", String(16), nullable=False),
    Column("reason", Text, nullable=False),
)

# One line of the append-only audit trail (database triggers refuse edits).
AUDIT = Table(
    "audit_entry",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("at", String(40), nullable=False),  # UTC, ISO 8601
    Column("os_user", String(256), nullable=False),
    Column("case_id", Integer, ForeignKey("case_record.id"), nullable=False),
    Column("reference", String(64), nullable=False),  # the case's reference at the time
    Column("action", String(32), nullable=False),
    Column("field", String(64)),
    Column("old_value", Text),  # JSON text
    Column("new_value", Text),  # JSON text
    Column("reason", Text),
    # SHA-256 over the previous entry's hash and this entry: an edit made behind TAREaid's
    # back (with the triggers dropped) breaks the chain, and `check` reports it.
    Column("entry_hash", String(64), nullable=False),
    Index("ix_audit_entry_case_id", "case_id", "id"),
)

# A case's place in the coordinator's order for one board date.
AGENDA = Table(
    "agenda_item",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("board_date", Date, nullable=False),
    Column("position", Integer, nullable=False),
    Column("case_id", Integer, ForeignKey("case_record.id"), nullable=False),
    UniqueConstraint("board_date", "case_id"),
    Index("ix_agenda_item_board_date", "board_date", "position"),
)

# A remembered board attendee.
ATTENDEES = Table(
    "attendee",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("specialty", String(200), nullable=False),
    UniqueConstraint("name"),
)
