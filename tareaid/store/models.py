"""The tables of the current schema, as SQLModel tables to read and write rows with.

The schema of a database is built by the revisions in ``migrations/``; these models describe
the same schema to SQLAlchemy (a test migrates a database on each backend and proves the two
agree column by column, index by index). The store reads and writes through their tables
(``CASES``, ``OVERRIDES``, ...) with SQLAlchemy Core statements: one statement per page of
100,000 cases, not one object per row.

A case is one wide row: every field of the ``tareaid.case/1`` format in its own typed
column, the board decision in ``decision_*`` columns, and the assessment summary (counts,
headline) computed at every save so that listing 100,000 cases never re-assesses one.
Overrides live in their own table, one row per overridden factor.

The case-field columns are not written out here: they come from the field table
(``domain/fields.py``), so a field is declared once; only a revision adds its column to a
database.
"""

from __future__ import annotations

import types
from datetime import date
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
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
from sqlalchemy.types import TypeDecorator, TypeEngine
from sqlmodel import Field, SQLModel

from tareaid.domain.fields import FIELDS, FIELDS_BY_NAME, FieldSpec, Kind
from tareaid.store.list_query import stored_boolean
from tareaid.store.records import InvalidStoredValue

# Every constraint gets a predictable name, so a later revision can name the one it alters
# (SQLite's batch mode needs the name). Primary keys keep the database's own name: the
# ladder never alters one, and the servers created before the ladder use that name.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s",
}


class TareaidModel(SQLModel):
    """The base of TAREaid's tables: their own metadata, with the naming convention (the
    models never share SQLModel's global metadata with anything else)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


METADATA = TareaidModel.metadata


class StoredDate(TypeDecorator):
    """A DATE column whose unreadable stored values ("2026-13-45", written behind TAREaid's
    back) are handed back as InvalidStoredValue instead of raising while a list is read."""

    impl = Date
    cache_ok = True

    def result_processor(self, dialect: Any, coltype: Any) -> Any:
        base = self.impl_instance.result_processor(dialect, coltype)

        def process(value: Any) -> Any:
            if value is None or base is None:
                return value
            try:
                return base(value)
            except (ValueError, TypeError, OverflowError):
                return InvalidStoredValue(value)

        return process


class StoredBoolean(TypeDecorator):
    """A BOOLEAN column that hands back anything but 0/1 (SQLite stores any value in any
    column) as InvalidStoredValue instead of reading it as true."""

    impl = Boolean
    cache_ok = True

    def result_processor(self, dialect: Any, coltype: Any) -> Any:
        return stored_boolean


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
        Kind.DATE: StoredDate(),
        Kind.INTEGER: Integer(),
        Kind.NUMBER: Float(),
        Kind.BOOLEAN: StoredBoolean(),
    }
    return types[spec.kind]


_PYTHON_TYPES: dict[Kind, type] = {
    Kind.TEXT: str,
    Kind.CHOICE: str,
    Kind.DATE: date,
    Kind.INTEGER: int,
    Kind.NUMBER: float,
    Kind.BOOLEAN: bool,
}


def _column(name: str, python_type: Any, column: Column) -> tuple[str, Any, Any]:
    """One model attribute: its name, annotation and SQLModel field on the given column."""
    return name, python_type, Field(sa_column=column)


def _field_columns() -> list[tuple[str, Any, Any]]:
    """The reference first (the row's name, required), then every other field in order."""
    reference = FIELDS_BY_NAME["reference"]
    rest = [spec for spec in FIELDS if spec is not reference]
    return [
        _column(
            reference.name, str, Column(reference.name, column_type(reference), nullable=False)
        ),
        # Case-folded copies for case-insensitive substring search in any script (LIKE in
        # SQLite only folds ASCII).
        _column("reference_key", str, Column("reference_key", Text, nullable=False)),
        _column("identity_key", str, Column("identity_key", Text, nullable=False)),
        *(
            _column(
                spec.name, _PYTHON_TYPES[spec.kind] | None, Column(spec.name, column_type(spec))
            )
            for spec in rest
        ),
    ]


_CASE_RECORD_COLUMNS = [
    _column("id", int | None, Column("id", Integer, primary_key=True)),
    *_field_columns(),
    _column("decision_outcome", str | None, Column("decision_outcome", String(32))),
    _column("decision_rationale", str | None, Column("decision_rationale", Text)),
    # A JSON list of names.
    _column("decision_attendees", str | None, Column("decision_attendees", Text)),
    _column("decision_dissent", str | None, Column("decision_dissent", Text)),
    _column("decision_decided_on", date | None, Column("decision_decided_on", StoredDate)),
    _column(
        "decision_finalised", bool, Column("decision_finalised", StoredBoolean, nullable=False)
    ),
    _column("count_favours", int, Column("count_favours", Integer, nullable=False)),
    _column("count_neutral", int, Column("count_neutral", Integer, nullable=False)),
    _column("count_against", int, Column("count_against", Integer, nullable=False)),
    _column("count_unassessed", int, Column("count_unassessed", Integer, nullable=False)),
    _column("count_outside", int, Column("count_outside", Integer, nullable=False)),
    _column("headline", str, Column("headline", Text, nullable=False)),
    # Which TAREaid and evidence pack computed the summary; rows computed by another one
    # are re-assessed when the database is opened.
    _column("assessed_with", str, Column("assessed_with", String(64), nullable=False)),
    _column("archived", bool, Column("archived", StoredBoolean, nullable=False)),
    _column("version", int, Column("version", Integer, nullable=False)),
    # UTC, ISO 8601.
    _column("created_at", str, Column("created_at", String(40), nullable=False)),
    _column("updated_at", str, Column("updated_at", String(40), nullable=False)),
    # The reference folded for comparison (domain.case.reference_identity): one lookup
    # refuses a reference that could be taken for another case's (revision 0005).
    _column("reference_identity", str | None, Column("reference_identity", Text)),
    # The hash of the case's latest audit entry and its number of entries, kept in step by
    # every write, so that removing entries from the end of the trail is seen (0005).
    _column("audit_head", str | None, Column("audit_head", String(64))),
    _column("audit_count", int | None, Column("audit_count", Integer)),
]

_CASE_RECORD_ARGS = (
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
    Index("ix_case_record_reference_identity", "reference_identity"),
    # On a server with pg_trgm: substring searches through trigram indexes (revision 0006).
    Index(
        "ix_case_record_reference_key_trgm",
        "reference_key",
        postgresql_using="gin",
        postgresql_ops={"reference_key": "gin_trgm_ops"},
    ).ddl_if(dialect="postgresql"),
    Index(
        "ix_case_record_identity_key_trgm",
        "identity_key",
        postgresql_using="gin",
        postgresql_ops={"identity_key": "gin_trgm_ops"},
    ).ddl_if(dialect="postgresql"),
)


def _case_record_body(namespace: dict[str, Any]) -> None:
    namespace["__doc__"] = (
        "One case: its fields (one column each, from the field table), its board decision, "
        "its stored assessment summary."
    )
    namespace["__tablename__"] = "case_record"
    namespace["__table_args__"] = _CASE_RECORD_ARGS
    namespace["__annotations__"] = {name: kind for name, kind, _ in _CASE_RECORD_COLUMNS}
    namespace.update({name: field for name, _, field in _CASE_RECORD_COLUMNS})


# Built from the field table rather than typed out, so a case field is declared once.
CaseRecord: type[TareaidModel] = types.new_class(
    "CaseRecord", (TareaidModel,), {"table": True}, _case_record_body
)


class CaseOverride(TareaidModel, table=True):
    """A clinician's tier for one factor of one case, with the reason."""

    __tablename__ = "case_override"

    case_id: int = Field(
        sa_column=Column(
            "case_id",
            Integer,
            ForeignKey("case_record.id"),
            primary_key=True,
            autoincrement=False,
        )
    )
    factor: str = Field(sa_column=Column("factor", String(32), primary_key=True))
    tier: str = Field(sa_column=Column("tier", String(16), nullable=False))
    reason: str = Field(sa_column=Column("reason", Text, nullable=False))


class AuditEntryRecord(TareaidModel, table=True):
    """One line of the append-only audit trail (database triggers refuse edits)."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_case_id", "case_id", "id"),)

    id: int | None = Field(sa_column=Column("id", Integer, primary_key=True))
    at: str = Field(sa_column=Column("at", String(40), nullable=False))  # UTC, ISO 8601
    os_user: str = Field(sa_column=Column("os_user", String(256), nullable=False))
    case_id: int = Field(
        sa_column=Column("case_id", Integer, ForeignKey("case_record.id"), nullable=False)
    )
    # The case's reference at the time.
    reference: str = Field(sa_column=Column("reference", String(64), nullable=False))
    action: str = Field(sa_column=Column("action", String(32), nullable=False))
    field: str | None = Field(sa_column=Column("field", String(64)))
    old_value: str | None = Field(sa_column=Column("old_value", Text))  # JSON text
    new_value: str | None = Field(sa_column=Column("new_value", Text))  # JSON text
    reason: str | None = Field(sa_column=Column("reason", Text))
    # SHA-256 over the previous entry's hash and this entry: an edit made behind TAREaid's
    # back (with the triggers dropped) breaks the chain, and `check` reports it.
    entry_hash: str = Field(sa_column=Column("entry_hash", String(64), nullable=False))
    # The database login on a server (revision 0006); None in an SQLite file.
    db_user: str | None = Field(sa_column=Column("db_user", String(128)))


class AuditTrailEnd(TareaidModel, table=True):
    """The whole audit trail's length and newest hash, kept by every writer (one row, id 1;
    revision 0006): the check counts the entries against it, so entries removed from the
    end of the trail, or all of it, are noticed. (Each case's own head is on its row:
    ``case_record.audit_head``.)"""

    __tablename__ = "audit_trail_end"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: int = Field(sa_column=Column("id", Integer, primary_key=True, autoincrement=False))
    entry_count: int = Field(sa_column=Column("entry_count", Integer, nullable=False))
    head_hash: str = Field(sa_column=Column("head_hash", String(64), nullable=False))


class AgendaItem(TareaidModel, table=True):
    """A case's place in the coordinator's order for one board date."""

    __tablename__ = "agenda_item"
    __table_args__ = (
        UniqueConstraint("board_date", "case_id"),
        Index("ix_agenda_item_board_date", "board_date", "position"),
    )

    id: int | None = Field(sa_column=Column("id", Integer, primary_key=True))
    board_date: date = Field(sa_column=Column("board_date", Date, nullable=False))
    position: int = Field(sa_column=Column("position", Integer, nullable=False))
    case_id: int = Field(
        sa_column=Column("case_id", Integer, ForeignKey("case_record.id"), nullable=False)
    )


class Attendee(TareaidModel, table=True):
    """A remembered board attendee."""

    __tablename__ = "attendee"
    __table_args__ = (UniqueConstraint("name"),)

    id: int | None = Field(sa_column=Column("id", Integer, primary_key=True))
    name: str = Field(sa_column=Column("name", String(200), nullable=False))
    specialty: str = Field(sa_column=Column("specialty", String(200), nullable=False))


def table(model: type[SQLModel]) -> Table:
    """The SQLAlchemy Table behind a model (for Core statements and bulk inserts)."""
    return model.__table__  # type: ignore[attr-defined,no-any-return]


CASES = table(CaseRecord)
OVERRIDES = table(CaseOverride)
AUDIT = table(AuditEntryRecord)
AUDIT_TRAIL_END = table(AuditTrailEnd)
AGENDA = table(AgendaItem)
ATTENDEES = table(Attendee)
