"""What the store hands out: plain, frozen records with no database behind them.

Callers (the command line, the app, the report) read these; none of them holds a connection
or imports SQLAlchemy, so they can cross threads and outlive the repository that made them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from tareaid.domain.case import Case


@dataclass(frozen=True)
class InvalidStoredValue:
    """A value in the database that is not a valid value of its field (written behind
    TAREaid's back): shown as "invalid stored value", never used as the field's value."""

    raw: object

    def __str__(self) -> str:
        from tareaid.errors import escape_controls

        return escape_controls(repr(self.raw))[:120]


INVALID_STORED_VALUE = "invalid stored value"


def parse_time(text: str) -> datetime:
    """A time as the store keeps it (ISO 8601; UTC when no offset is written)."""
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@dataclass(frozen=True)
class CaseSummary:
    """One row of the case list, read from stored columns (no assessment is run)."""

    reference: str
    board_date: date | None
    counts: dict[str, int]
    headline: str
    archived: bool
    decision_outcome: str | None
    finalised: bool
    updated_at: datetime
    version: int
    patient_name: str | None
    mrn: str | None
    # Fields of this row holding an invalid stored value (shown as such, never crashed on).
    invalid_fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoredCase:
    """A case as stored, with the version to pass back when saving it."""

    case: Case
    version: int
    archived: bool
    created_at: datetime
    updated_at: datetime
    # Fields whose stored value is not valid (the case holds None there): field → the value
    # as stored, escaped for display.
    invalid: dict[str, str] = field(default_factory=dict)
    # The hash of the case's latest audit entry and how many entries it has (None for a
    # database that does not record them), printed on the PDF summary.
    audit_head: str | None = None
    audit_count: int | None = None


@dataclass(frozen=True)
class AuditEntry:
    """One line of a case's audit trail; old and new are JSON text."""

    at: datetime
    user: str
    reference: str
    action: str
    field: str | None
    old: str | None
    new: str | None
    reason: str | None
    # The database login on a server (the operating-system account is `user`); None in an
    # SQLite file.
    login: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "user": self.user,
            "login": self.login,
            "reference": self.reference,
            "action": self.action,
            "field": self.field,
            "old": self.old,
            "new": self.new,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class CheckReport:
    """The result of a health check: healthy only when no problem was found."""

    healthy: bool
    problems: tuple[str, ...]
    schema_version: int | None
    case_count: int | None
    # `check --against FILE`: the heads recorded in FILE the trail still holds, and those it
    # no longer holds (a rewrite after FILE was made).
    confirmed: tuple[str, ...] = ()
    contradicted: tuple[str, ...] = ()
