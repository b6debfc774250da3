"""A stand-in for tareaid.store, used only while the real store is not importable."""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from tareaid.domain.assessment import assess
from tareaid.domain.case import Case
from tareaid.domain.evidence import load_pack


class StoreError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StaleEditError(StoreError):
    pass


class CaseLockedError(StoreError):
    pass


class CaseNotFoundError(StoreError):
    pass


@dataclass
class CaseSummary:
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


@dataclass
class StoredCase:
    case: Case
    version: int
    archived: bool
    created_at: datetime
    updated_at: datetime


class Repository:
    def __init__(self) -> None:
        self.cases: dict[str, StoredCase] = {}
        self.audit: list[tuple[str, str, str | None]] = []
        self.agendas: dict[date, list[str]] = {}
        self.people: list[tuple[str, str]] = []

    @classmethod
    def open(cls, db: str | None = None) -> Repository:
        return cls()

    def import_cases(self, cases: Any) -> int:
        now = datetime.now(UTC)
        for case in cases:
            self.cases[case.reference] = StoredCase(case, 1, False, now, now)
            self.audit.append((case.reference, "create", None))
        return len(self.cases)

    def get_case(self, ref: str) -> StoredCase:
        try:
            return self.cases[ref]
        except KeyError:
            raise CaseNotFoundError(f"no case {ref}") from None

    def save_case(self, case: Case, *, expected_version: int, amend_reason: str | None = None):
        current = self.get_case(case.reference)
        if current.version != expected_version:
            raise StaleEditError("someone else saved this case first")
        if current.case.decision and current.case.decision.finalised and not amend_reason:
            raise CaseLockedError("the case is finalised")
        stored = StoredCase(case, current.version + 1, False, current.created_at, datetime.now(UTC))
        self.cases[case.reference] = stored
        self.audit.append((case.reference, "update", amend_reason))
        return stored

    def history(self, ref: str) -> list[Any]:
        return [a for a in self.audit if a[0] == ref]

    def list_cases(
        self, search=None, *, include_archived=False, offset=0, limit=None, order_by="board_date"
    ) -> list[CaseSummary]:
        pack = load_pack()
        out = []
        for stored in self.cases.values():
            c = stored.case
            a = assess(c, pack)
            out.append(
                CaseSummary(
                    c.reference,
                    c.board_date,
                    dict(a.counts),
                    a.headline,
                    False,
                    c.decision.outcome if c.decision else None,
                    bool(c.decision and c.decision.finalised),
                    stored.updated_at,
                    stored.version,
                    c.patient_name,
                    c.mrn,
                )
            )
        out.sort(key=lambda s: (s.board_date or date.min, s.reference))
        return out

    def agenda(self, board_date: date) -> list[str]:
        ordered = [r for r in self.agendas.get(board_date, []) if r in self.cases]
        rest = sorted(
            r for r, s in self.cases.items() if s.case.board_date == board_date and r not in ordered
        )
        return ordered + rest

    def set_agenda(self, board_date: date, references: list[str]) -> None:
        self.agendas[board_date] = list(references)

    def attendees(self) -> list[tuple[str, str]]:
        return list(self.people)

    def remember_attendee(self, name: str, specialty: str) -> None:
        if (name, specialty) not in self.people:
            self.people.append((name, specialty))

    def add_demo_cases(self) -> int:
        raise NotImplementedError

    def close(self) -> None:
        pass


def use_store_errors() -> None:
    """Raise the error classes the board code catches, whichever module provides them."""
    global StaleEditError, CaseLockedError, CaseNotFoundError
    try:
        from tareaid.store import errors
    except ImportError:
        module = types.ModuleType("tareaid.store.errors")
        module.StaleEditError = StaleEditError
        module.CaseLockedError = CaseLockedError
        module.CaseNotFoundError = CaseNotFoundError
        sys.modules["tareaid.store.errors"] = module
        return
    StaleEditError = errors.StaleEditError
    CaseLockedError = errors.CaseLockedError
    CaseNotFoundError = getattr(errors, "CaseNotFoundError", CaseNotFoundError)
