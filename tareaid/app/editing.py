"""The editing service: every change a user makes to a case, with its rules, in one place.

The case editor, the checklist and the tumour board all change cases through one
:class:`EditingService`, so one set of rules applies wherever a change is made:

- a change is made against the version of the case the user saw; if the stored case has
  changed since, the change is refused (StaleEditError) and nothing is overwritten;
- an archived case is not changed: it is restored first (CaseArchivedError);
- a case with a finalised board decision changes only with a reason for the amendment
  (CaseLockedError without one), which the audit trail keeps with the change;
- a tier set by hand carries a reason: not blank, at most REASON_MAX characters (CaseError);
- a copy of a case is a new case without the board's decision (``Case.duplicated_as``).

The value checks themselves are the domain's (``Case.with_changes``); the store keeps its
own last-moment checks inside each transaction. After every write that changed something,
the service publishes one :class:`~tareaid.app.changes.ChangeNotice` saying what changed
and who asked (``origin``), and every open view brings itself up to date from it.

The ``with_*`` methods apply a rule to a case in memory without storing it, for a caller
that keeps unsaved edits (the editor's undo history); everything else reads or writes the
store. The service keeps no state of its own and may be used from any thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from tareaid.app.changes import ChangeNotice, ChangeNotifier
from tareaid.domain.assessment import Assessment, assess
from tareaid.domain.case import Case, CaseError, Decision, Override, check_reason, parse_case
from tareaid.domain.evidence import EvidencePack, load_pack
from tareaid.domain.fields import FACTOR_KEYS, FIELDS, OVERRIDE_TIERS
from tareaid.store.errors import CaseArchivedError, CaseLockedError, StaleEditError

if TYPE_CHECKING:
    from tareaid.store.repository import Repository, StoredCase

_FIELD_NAMES = tuple(spec.name for spec in FIELDS)


@dataclass(frozen=True)
class CaseState:
    """A case as stored, with its assessment and the version to make the next change to."""

    case: Case
    assessment: Assessment
    version: int
    archived: bool
    updated_at: datetime
    # The case's audit head (hash of its latest entry, entry count), printed on its PDFs.
    audit_head: str | None = None
    audit_count: int | None = None
    # Fields holding an invalid stored value: field → the value, escaped (see the store).
    invalid: Mapping[str, str] = field(default_factory=dict)

    @property
    def reference(self) -> str:
        return self.case.reference

    @property
    def finalised(self) -> bool:
        return needs_amend_reason(self.case)


def needs_amend_reason(case: Case) -> bool:
    """Whether a change to this case needs a reason for the amendment: its board decision
    is finalised."""
    return case.decision is not None and case.decision.finalised


class EditingService:
    """Reads cases, applies the editing rules and stores changes, announcing each one.

    ``origin`` (every write takes it) is the object that asked for the change; it is only
    passed on in the notice, so that the asker can recognise its own change.
    """

    def __init__(
        self,
        repository: Repository,
        pack: EvidencePack | None = None,
        *,
        notifier: ChangeNotifier | None = None,
    ) -> None:
        self.repository = repository
        self.pack = pack if pack is not None else load_pack()
        self.notifier = notifier if notifier is not None else ChangeNotifier()

    # Reading ----------------------------------------------------------------------------

    def load(self, reference: str) -> CaseState:
        """The stored case and its assessment; CaseNotFoundError if there is none."""
        return self._state(self.repository.get_case(reference))

    def assess(self, case: Case) -> Assessment:
        return assess(case, self.pack)

    # The rules, on a case in memory -----------------------------------------------------

    needs_amend_reason = staticmethod(needs_amend_reason)

    def amend_reason(self, case: Case, reason: str | None) -> str | None:
        """The reason to record with a change to `case`: None when its decision is not
        finalised (no reason is recorded), the reason without surrounding blanks when it is.

        CaseLockedError when a reason is needed and none is given; CaseError when it is
        too long or holds control characters.
        """
        if not needs_amend_reason(case):
            return None
        text = (reason or "").strip()
        if not text:
            raise CaseLockedError(
                f"{self._where}case {case.reference} has a finalised board decision; an "
                "amend reason is required to change it"
            )
        try:
            return check_reason(text, "amend_reason")
        except CaseError as error:
            raise error.located(case=case.reference) from None

    def check_editable(self, reference: str, archived: bool) -> None:
        """CaseArchivedError when the case is archived."""
        if archived:
            raise CaseArchivedError(f"case {reference} is archived: restore it to edit it")

    def with_fields(
        self, case: Case, changes: Mapping[str, Any], *, archived: bool = False
    ) -> Case:
        """`case` with fields of the case format changed (not its reference, tiers set by
        hand or decision: those have their own changes)."""
        self.check_editable(case.reference, archived)
        for name in changes:
            if name not in _FIELD_NAMES or name == "reference":
                raise CaseError(
                    "is not a field that can be set", case=case.reference, field_name=name
                )
        return case.with_changes(**changes)

    def renamed(self, case: Case, reference: str, *, archived: bool = False) -> Case:
        """`case` under a new reference (checked like any reference)."""
        self.check_editable(case.reference, archived)
        return case.with_changes(reference=reference)

    def with_override(
        self, case: Case, factor: str, tier: str, reason: str, *, archived: bool = False
    ) -> Case:
        """`case` with the clinician's tier for a factor; the reason is required."""
        self.check_editable(case.reference, archived)
        where = f"overrides.{factor}"
        if factor not in FACTOR_KEYS:
            raise CaseError(
                f"'{factor}' is not a factor (factors: {', '.join(FACTOR_KEYS)})",
                case=case.reference,
                field_name=where,
            )
        if tier not in OVERRIDE_TIERS:
            raise CaseError(
                f"a tier set by hand is one of {', '.join(OVERRIDE_TIERS)}",
                case=case.reference,
                field_name=f"{where}.tier",
            )
        try:
            text = check_reason((reason or "").strip(), f"{where}.reason")
        except CaseError as error:
            raise error.located(case=case.reference) from None
        overrides = dict(case.overrides)
        overrides[factor] = Override(tier=tier, reason=text)
        return case.with_changes(overrides=overrides)

    def without_override(self, case: Case, factor: str, *, archived: bool = False) -> Case:
        """`case` with the factor back on the tier the framework derives."""
        self.check_editable(case.reference, archived)
        if factor not in case.overrides:
            return case
        return case.with_changes(
            overrides={key: value for key, value in case.overrides.items() if key != factor}
        )

    def with_decision(
        self, case: Case, decision: Decision | None, *, archived: bool = False
    ) -> Case:
        """`case` with the board's decision (checked like a decision read from a file)."""
        self.check_editable(case.reference, archived)
        return case.with_changes(decision=decision)

    # Changing stored cases --------------------------------------------------------------

    def save(
        self,
        case: Case,
        *,
        expected_version: int,
        amend_reason: str | None = None,
        origin: object | None = None,
    ) -> CaseState:
        """Store `case` (edited in memory) over the stored case with its reference."""
        return self._change(
            case.reference, lambda _stored: case, expected_version, amend_reason, origin
        )

    def set_fields(
        self,
        reference: str,
        changes: Mapping[str, Any],
        *,
        expected_version: int,
        amend_reason: str | None = None,
        origin: object | None = None,
    ) -> CaseState:
        """Change fields of a stored case."""
        return self._change(
            reference,
            lambda stored: self.with_fields(stored, changes),
            expected_version,
            amend_reason,
            origin,
        )

    def set_override(
        self,
        reference: str,
        factor: str,
        tier: str,
        reason: str,
        *,
        expected_version: int,
        amend_reason: str | None = None,
        origin: object | None = None,
    ) -> CaseState:
        """Record the clinician's tier for a factor, with its reason."""
        return self._change(
            reference,
            lambda stored: self.with_override(stored, factor, tier, reason),
            expected_version,
            amend_reason,
            origin,
        )

    def clear_override(
        self,
        reference: str,
        factor: str,
        *,
        expected_version: int,
        amend_reason: str | None = None,
        origin: object | None = None,
    ) -> CaseState:
        """Return a factor to its derived tier (nothing is written when it has none)."""
        return self._change(
            reference,
            lambda stored: self.without_override(stored, factor),
            expected_version,
            amend_reason,
            origin,
        )

    def record_decision(
        self,
        reference: str,
        decision: Decision | None,
        *,
        expected_version: int,
        amend_reason: str | None = None,
        origin: object | None = None,
    ) -> CaseState:
        """Record (or replace) the board's decision; a finalised one locks the case."""
        return self._change(
            reference,
            lambda stored: self.with_decision(stored, decision),
            expected_version,
            amend_reason,
            origin,
        )

    def finalise(
        self, reference: str, *, expected_version: int, origin: object | None = None
    ) -> CaseState:
        """Finalise the case's recorded decision: from now on a change needs an amend reason."""

        def finalised(stored: Case) -> Case:
            if stored.decision is None:
                raise CaseError(
                    "there is no board decision to finalise", case=reference, field_name="decision"
                )
            return self.with_decision(stored, replace(stored.decision, finalised=True))

        return self._change(reference, finalised, expected_version, None, origin)

    def rename(
        self,
        reference: str,
        new_reference: str,
        *,
        expected_version: int,
        amend_reason: str | None = None,
        origin: object | None = None,
    ) -> CaseState:
        """Give a case a new reference; its audit trail and agenda places follow it."""
        stored = self._stored_for_change(reference, expected_version)
        self.renamed(stored.case, new_reference)
        if new_reference == reference:
            return self._state(stored)
        reason = self.amend_reason(stored.case, amend_reason)
        result = self.repository.rename_case(
            reference, new_reference, expected_version=expected_version, amend_reason=reason
        )
        self._publish(
            ChangeNotice(
                references=frozenset((reference, new_reference)),
                fields=frozenset(("reference",)),
                renamed=((reference, new_reference),),
                origin=origin,
            )
        )
        return self._state(result)

    def create(self, reference: str, *, origin: object | None = None) -> CaseState:
        """A new, empty case under `reference`."""
        return self._create(parse_case({"reference": reference}), origin)

    def duplicate(self, source: str, reference: str, *, origin: object | None = None) -> CaseState:
        """A new case under `reference` holding a copy of the stored case `source`."""
        return self._create(self.repository.get_case(source).case.duplicated_as(reference), origin)

    def save_as_copy(
        self, case: Case, reference: str, *, origin: object | None = None
    ) -> CaseState:
        """A new case under `reference` holding `case` as edited in memory (my version of a
        case someone else changed meanwhile)."""
        return self._create(case.duplicated_as(reference), origin)

    def add_demo_cases(self, *, origin: object | None = None) -> int:
        """Add the fictional demo cases that are not there yet; how many were added."""
        from tareaid.store.demo_cases import load_demo_cases

        added = self.repository.add_demo_cases()
        if added:
            references = frozenset(case.reference for case in load_demo_cases())
            self._publish(ChangeNotice(references=references, created=True, origin=origin))
        return added

    def archive(
        self, reference: str, *, expected_version: int | None = None, origin: object | None = None
    ) -> None:
        """Hide a case from lists and exports (nothing is deleted; it can be restored)."""
        self.repository.archive_case(reference, expected_version=expected_version)
        self._publish(ChangeNotice(references=frozenset((reference,)), archive=True, origin=origin))

    def restore(self, reference: str, *, origin: object | None = None) -> None:
        """Bring an archived case back."""
        self.repository.restore_case(reference)
        self._publish(ChangeNotice(references=frozenset((reference,)), archive=True, origin=origin))

    def import_cases(
        self,
        cases: Sequence[Case],
        *,
        progress: Callable[[int, int], None] | None = None,
        source: str | None = None,
        origin: object | None = None,
    ) -> int:
        """Store new cases, all or none (see ``Repository.import_cases``); how many."""
        count = self.repository.import_cases(cases, progress=progress, source=source)
        self._publish(
            ChangeNotice(
                references=frozenset(case.reference for case in cases),
                created=True,
                origin=origin,
            )
        )
        return count

    def set_agenda(
        self, board_date: date, references: Iterable[str], *, origin: object | None = None
    ) -> None:
        """Keep the coordinator's order of cases for a board date."""
        self.repository.set_agenda(board_date, list(references))
        self._publish(ChangeNotice(agenda_dates=frozenset((board_date,)), origin=origin))

    # Internals --------------------------------------------------------------------------

    @property
    def _where(self) -> str:
        path = getattr(self.repository, "path", None)
        return f"{path}: " if path is not None else ""

    def _state(self, stored: StoredCase) -> CaseState:
        return CaseState(
            case=stored.case,
            assessment=assess(stored.case, self.pack),
            version=stored.version,
            archived=bool(stored.archived),
            updated_at=stored.updated_at,
            audit_head=stored.audit_head,
            audit_count=stored.audit_count,
            invalid=stored.invalid,
        )

    def _stored_for_change(self, reference: str, expected_version: int) -> StoredCase:
        """The stored case, if it may be changed by someone who read `expected_version`.

        The version is checked first: a case changed elsewhere is reported as that, whatever
        else changed with it (archived, finalised)."""
        stored = self.repository.get_case(reference)
        if stored.version != expected_version:
            raise StaleEditError(
                f"{self._where}case {reference} was changed by someone else since you opened "
                f"it (you loaded version {expected_version}; it is now version "
                f"{stored.version}); your change was not saved. Reload the case and make the "
                "change again"
            )
        self.check_editable(reference, bool(stored.archived))
        return stored

    def _change(
        self,
        reference: str,
        change: Callable[[Case], Case],
        expected_version: int,
        amend_reason: str | None,
        origin: object | None,
    ) -> CaseState:
        stored = self._stored_for_change(reference, expected_version)
        old = stored.case
        new = change(old)
        notice = _notice_for(old, new, origin)
        if notice is None:
            return self._state(stored)  # nothing changed: nothing to store or announce
        reason = self.amend_reason(old, amend_reason)
        result = self.repository.save_case(
            new, expected_version=expected_version, amend_reason=reason
        )
        self._publish(notice)
        return self._state(result)

    def _create(self, case: Case, origin: object | None) -> CaseState:
        stored = self.repository.create_case(case)
        self._publish(
            ChangeNotice(references=frozenset((case.reference,)), created=True, origin=origin)
        )
        return self._state(stored)

    def _publish(self, notice: ChangeNotice) -> None:
        self.notifier.publish(notice)


def _notice_for(old: Case, new: Case, origin: object | None) -> ChangeNotice | None:
    """What changed from `old` to `new` (the same case), or None when nothing did."""
    fields = frozenset(name for name in _FIELD_NAMES if getattr(old, name) != getattr(new, name))
    overrides = dict(old.overrides) != dict(new.overrides)
    decision = old.decision != new.decision
    if not (fields or overrides or decision):
        return None
    return ChangeNotice(
        references=frozenset((new.reference,)),
        fields=fields,
        overrides=overrides,
        decision=decision,
        origin=origin,
    )
