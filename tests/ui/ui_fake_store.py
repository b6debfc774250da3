"""A stand-in for tareaid.store used only until the real store is importable."""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from tareaid.domain.assessment import assess
from tareaid.domain.case import Case
from tareaid.domain.evidence import load_pack


class StoreError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _err(name: str) -> type[StoreError]:
    return type(name, (StoreError,), {})


NotADatabaseError = _err("NotADatabaseError")
DamagedDatabaseError = _err("DamagedDatabaseError")
NewerSchemaError = _err("NewerSchemaError")
ForeignDatabaseError = _err("ForeignDatabaseError")
DatabaseLockedError = _err("DatabaseLockedError")
ReadOnlyDatabaseError = _err("ReadOnlyDatabaseError")
StaleEditError = _err("StaleEditError")
DuplicateReferenceError = _err("DuplicateReferenceError")
CaseLockedError = _err("CaseLockedError")
CaseNotFoundError = _err("CaseNotFoundError")


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


@dataclass
class AuditEntry:
    at: datetime
    user: str
    reference: str
    action: str
    field: str | None
    old: str | None
    new: str | None
    reason: str | None


@dataclass
class CheckReport:
    healthy: bool
    problems: list[str]
    schema_version: int
    case_count: int


@dataclass
class _Db:
    cases: dict[str, StoredCase] = field(default_factory=dict)
    audit: list[AuditEntry] = field(default_factory=list)


_DATABASES: dict[str, _Db] = {}


class Repository:
    def __init__(self, url: str, path: Path | None) -> None:
        self.url = url
        self.path = path
        self.schema_version = 1
        self._db = _DATABASES.setdefault(url, _Db())

    @classmethod
    def open(cls, db: str | None = None, *, create: bool = True) -> Repository:
        path = Path(db) if db else Path("/tmp/fake.db")
        if path.exists() and path.stat().st_size and not path.read_bytes().startswith(b"FAKE"):
            raise NotADatabaseError(f"{path} is not a TAREaid database")
        if not path.exists():
            if not create:
                raise StoreError(f"{path} does not exist")
            path.write_bytes(b"FAKE")
        return cls(str(path), path)

    def _rows(self, search: str | None, include_archived: bool, ids: bool) -> list[StoredCase]:
        rows = []
        for stored in self._db.cases.values():
            if stored.archived and not include_archived:
                continue
            if search:
                s = search.lower()
                hay = [stored.case.reference]
                if ids:
                    hay += [stored.case.patient_name or "", stored.case.mrn or ""]
                if not any(s in h.lower() for h in hay):
                    continue
            rows.append(stored)
        return rows

    def count_cases(self, search=None, *, include_archived=False, search_identifiers=False) -> int:
        return len(self._rows(search, include_archived, search_identifiers))

    def list_cases(
        self,
        search=None,
        *,
        include_archived=False,
        search_identifiers=False,
        offset=0,
        limit=None,
        order_by="reference",
        descending=False,
    ) -> list[CaseSummary]:
        pack = load_pack()
        out = []
        for stored in self._rows(search, include_archived, search_identifiers):
            a = assess(stored.case, pack)
            c = stored.case
            out.append(
                CaseSummary(
                    c.reference,
                    c.board_date,
                    dict(a.counts),
                    a.headline,
                    stored.archived,
                    c.decision.outcome if c.decision else None,
                    bool(c.decision and c.decision.finalised),
                    stored.updated_at,
                    stored.version,
                    c.patient_name,
                    c.mrn,
                )
            )

        def key(s: CaseSummary) -> Any:
            if order_by in ("favours", "neutral", "against"):
                return (s.counts[order_by], s.reference)
            if order_by == "board_date":
                return (s.board_date or date.min, s.reference)
            return (str(getattr(s, order_by)), s.reference)

        out.sort(key=key, reverse=descending)
        end = None if limit is None else offset + limit
        return out[offset:end]

    def get_case(self, ref: str) -> StoredCase:
        try:
            return self._db.cases[ref]
        except KeyError:
            raise CaseNotFoundError(f"no case {ref}") from None

    def _log(self, ref: str, action: str, fld=None, old=None, new=None, reason=None) -> None:
        self._db.audit.append(
            AuditEntry(datetime.now(UTC), "tester", ref, action, fld, old, new, reason)
        )

    def create_case(self, case: Case) -> StoredCase:
        if case.reference in self._db.cases:
            raise DuplicateReferenceError(f"a case {case.reference} already exists")
        now = datetime.now(UTC)
        stored = StoredCase(case, 1, False, now, now)
        self._db.cases[case.reference] = stored
        self._log(case.reference, "create")
        return stored

    def save_case(self, case: Case, *, expected_version, amend_reason=None) -> StoredCase:
        current = self.get_case(case.reference)
        if current.version != expected_version:
            raise StaleEditError("someone else saved this case first")
        if current.case.decision and current.case.decision.finalised and not amend_reason:
            raise CaseLockedError("finalised")
        stored = StoredCase(
            case, current.version + 1, current.archived, current.created_at, datetime.now(UTC)
        )
        self._db.cases[case.reference] = stored
        self._log(case.reference, "update", reason=amend_reason)
        return stored

    def rename_case(self, old: str, new: str, *, expected_version) -> StoredCase:
        current = self.get_case(old)
        if current.version != expected_version:
            raise StaleEditError("someone else saved this case first")
        if new in self._db.cases:
            raise DuplicateReferenceError(f"a case {new} already exists")
        del self._db.cases[old]
        stored = StoredCase(
            current.case.with_changes(reference=new),
            current.version + 1,
            current.archived,
            current.created_at,
            datetime.now(UTC),
        )
        self._db.cases[new] = stored
        self._log(new, "rename", "reference", old, new)
        return stored

    def archive_case(self, ref: str, *, expected_version=None) -> None:
        current = self.get_case(ref)
        current.archived = True
        current.version += 1
        self._log(ref, "archive")

    def restore_case(self, ref: str) -> None:
        current = self.get_case(ref)
        current.archived = False
        current.version += 1
        self._log(ref, "restore")

    def import_cases(self, cases, *, progress=None) -> int:
        cases = list(cases)
        for i, c in enumerate(cases):
            self.create_case(c)
            if progress:
                progress(i + 1, len(cases))
        return len(cases)

    def export_cases(self, refs=None) -> list[Case]:
        refs = refs or sorted(self._db.cases)
        return [self.get_case(r).case for r in refs]

    def history(self, ref: str) -> list[AuditEntry]:
        return [a for a in self._db.audit if a.reference == ref]

    def add_demo_cases(self) -> int:
        demo = [
            Case(
                reference="DEMO-001",
                metastatic_pattern="liver_only",
                treatment_goal="conversion_to_resection",
                prior_systemic_lines=0,
                ras_status="mutant",
                liver_lesion_count=7,
                bilobar=True,
                ablation_suitable=False,
                ecog=1,
                board_date=date(2026, 12, 3),
                planned_chemotherapy="FOLFOX",
                planned_biologic="bevacizumab",
                lung_shunt_fraction_pct=12.0,
            ),
            Case(reference="DEMO-002", metastatic_pattern="extensive_extrahepatic", ecog=3),
            Case(reference="DEMO-003", prior_systemic_lines=2, liver_lesion_count=1),
        ]
        n = 0
        for c in demo:
            if c.reference not in self._db.cases:
                self.create_case(c)
                n += 1
        return n

    def backup(self, path: Path) -> None:
        Path(path).write_bytes(b"FAKE")

    def check(self) -> CheckReport:
        return CheckReport(True, [], 1, len(self._db.cases))

    def close(self) -> None:
        pass


def install() -> bool:
    """Register the fake as tareaid.store.* when the real store is not there yet."""
    try:
        import tareaid.store.repository  # noqa: F401

        return False
    except ImportError:
        pass
    me = sys.modules[__name__]
    for name in ("repository", "errors", "location"):
        module = types.ModuleType(f"tareaid.store.{name}")
        module.__dict__.update({k: v for k, v in me.__dict__.items() if not k.startswith("__")})
        sys.modules[f"tareaid.store.{name}"] = module
    loc = sys.modules["tareaid.store.location"]
    loc.default_database_path = lambda: Path("/tmp/fake.db")
    loc.resolve_database_url = lambda db=None: str(db)
    return True
