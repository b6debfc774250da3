"""A tumour-board session: one board date, its ordered agenda and the case on the wall.

Pure Python (no Qt), so the rules of a session are tested without a display. The session
talks to the store only through the repository's public methods: the agenda order is kept
with ``set_agenda``, and every change to a case (an override, a decision) is saved with
``save_case`` against the version that was read, so an edit made elsewhere in the meantime
is refused rather than overwritten.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from tareaid.domain.assessment import Assessment, assess
from tareaid.domain.case import Case, CaseError, Decision, Override
from tareaid.domain.evidence import EvidencePack, load_pack
from tareaid.domain.fields import FACTOR_KEYS, OVERRIDE_TIERS


@dataclass(frozen=True)
class CurrentCase:
    """The case on the wall: the stored record and its assessment."""

    case: Case
    assessment: Assessment
    version: int

    @property
    def reference(self) -> str:
        return self.case.reference

    @property
    def finalised(self) -> bool:
        return self.case.decision is not None and self.case.decision.finalised


class BoardSession:
    """The agenda of one board date and a cursor on it.

    ``references`` is the coordinator's order. Moving the cursor never touches the store;
    reordering, adding and removing write the whole order back with ``set_agenda``.
    """

    def __init__(
        self, repository: Any, board_date: date, *, pack: EvidencePack | None = None
    ) -> None:
        self.repository = repository
        self.board_date = board_date
        self.pack = pack if pack is not None else load_pack()
        self.references: list[str] = list(repository.agenda(board_date))
        self.index = 0
        self._current: CurrentCase | None = None

    # -- the cursor --------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.references)

    @property
    def current_reference(self) -> str | None:
        if not self.references:
            return None
        return self.references[self.index]

    def go_to(self, index: int) -> bool:
        """Put the cursor on the case at ``index``; False when there is no such case."""
        if not 0 <= index < len(self.references):
            return False
        if index != self.index:
            self.index = index
            self._current = None
        return True

    def next(self) -> bool:
        """Move to the next case; False (and no move) at the end of the agenda."""
        return self.go_to(self.index + 1)

    def previous(self) -> bool:
        """Move to the previous case; False (and no move) at the start of the agenda."""
        return self.go_to(self.index - 1)

    def position_text(self) -> str:
        if not self.references:
            return "No cases"
        return f"Case {self.index + 1} of {len(self.references)}"

    # -- the agenda --------------------------------------------------------------------

    def reload(self) -> None:
        """Read the agenda again (another window may have changed it), keeping the cursor."""
        current = self.current_reference
        self.references = list(self.repository.agenda(self.board_date))
        self._current = None
        if current in self.references:
            self.index = self.references.index(current)
        else:
            self.index = min(self.index, max(len(self.references) - 1, 0))

    def move(self, index: int, delta: int) -> int:
        """Move the case at ``index`` by ``delta`` places; returns its new index."""
        if not 0 <= index < len(self.references):
            raise IndexError(index)
        target = max(0, min(len(self.references) - 1, index + delta))
        if target == index:
            return index
        current = self.current_reference
        reference = self.references.pop(index)
        self.references.insert(target, reference)
        self._persist(current)
        return target

    def add(self, reference: str) -> None:
        """Put a case at the end of the agenda (a case already on it stays where it is)."""
        if reference in self.references:
            return
        current = self.current_reference
        self.references.append(reference)
        self._persist(current)

    def remove(self, reference: str) -> None:
        """Take a case off the agenda; the case itself is not changed."""
        if reference not in self.references:
            return
        current = self.current_reference
        self.references.remove(reference)
        self._persist(current)

    def is_dated_here(self, reference: str) -> bool:
        """Whether the case itself carries this board's date (not only an agenda place)."""
        return self.repository.get_case(reference).case.board_date == self.board_date

    def reschedule(
        self, reference: str, board_date: date, *, amend_reason: str | None = None
    ) -> None:
        """Move a case to another board: its board date changes, and it leaves this agenda.

        A case dated this board's day stays on its agenda whatever the order says, so taking
        it off means giving it another date; that is a change to the case, audited like any.
        """
        loaded = self._load(reference)
        if loaded.case.board_date != board_date:
            self.repository.save_case(
                loaded.case.with_changes(board_date=board_date),
                expected_version=loaded.version,
                amend_reason=amend_reason,
            )
        current = self.current_reference
        if reference in self.references:
            self.references.remove(reference)
        self._persist(current)

    def _persist(self, current: str | None) -> None:
        self.repository.set_agenda(self.board_date, list(self.references))
        # The store is the authority on the order (it may append cases of this date that
        # have no place yet), so read back what it kept.
        self.references = list(self.repository.agenda(self.board_date))
        if current in self.references:
            self.index = self.references.index(current)
        else:
            self.index = min(self.index, max(len(self.references) - 1, 0))
        self._current = None

    # -- the case on the wall ----------------------------------------------------------

    def current(self, *, refresh: bool = False) -> CurrentCase | None:
        """The current case and its assessment, read from the store (cached until a move)."""
        reference = self.current_reference
        if reference is None:
            return None
        if self._current is None or refresh or self._current.reference != reference:
            self._current = self._load(reference)
        return self._current

    def load(self, reference: str) -> CurrentCase:
        """Any case of the agenda with its assessment, read fresh from the store."""
        return self._load(reference)

    def _load(self, reference: str) -> CurrentCase:
        stored = self.repository.get_case(reference)
        return CurrentCase(
            case=stored.case,
            assessment=assess(stored.case, self.pack),
            version=stored.version,
        )

    def set_override(
        self, factor_key: str, tier: str, reason: str, *, amend_reason: str | None = None
    ) -> CurrentCase:
        """Record the clinician's tier for a factor with its reason, and save the case."""
        if factor_key not in FACTOR_KEYS:
            raise ValueError(f"unknown factor {factor_key!r}")
        if tier not in OVERRIDE_TIERS:
            raise ValueError(f"a tier set by hand is one of {', '.join(OVERRIDE_TIERS)}")
        reason = reason.strip()
        current = self._require_current()
        if not reason:
            raise CaseError(
                "an override needs a reason",
                case=current.reference,
                field_name=f"overrides.{factor_key}.reason",
            )
        overrides = dict(current.case.overrides)
        overrides[factor_key] = Override(tier=tier, reason=reason)
        return self._save(current, current.case.with_changes(overrides=overrides), amend_reason)

    def clear_override(self, factor_key: str, *, amend_reason: str | None = None) -> CurrentCase:
        """Return a factor to the tier the framework derives; no-op without an override."""
        current = self._require_current()
        if factor_key not in current.case.overrides:
            return current
        overrides = {k: v for k, v in current.case.overrides.items() if k != factor_key}
        return self._save(current, current.case.with_changes(overrides=overrides), amend_reason)

    def record_decision(
        self, decision: Decision, *, amend_reason: str | None = None
    ) -> CurrentCase:
        """Save the board's decision on the current case."""
        current = self._require_current()
        return self._save(current, current.case.with_changes(decision=decision), amend_reason)

    def _require_current(self) -> CurrentCase:
        current = self.current(refresh=self._current is None)
        if current is None:
            raise LookupError("the agenda is empty")
        return current

    def _save(self, current: CurrentCase, case: Case, amend_reason: str | None) -> CurrentCase:
        stored = self.repository.save_case(
            case, expected_version=current.version, amend_reason=amend_reason
        )
        self._current = CurrentCase(
            case=stored.case, assessment=assess(stored.case, self.pack), version=stored.version
        )
        return self._current


def board_dates(summaries: Iterable[Any]) -> list[tuple[date, int]]:
    """The board dates that have cases, with how many, newest first."""
    counts: dict[date, int] = {}
    for summary in summaries:
        if summary.board_date is not None:
            counts[summary.board_date] = counts.get(summary.board_date, 0) + 1
    return sorted(counts.items(), reverse=True)


def default_board_date(dates: Iterable[date], today: date) -> date | None:
    """The board to open by default: the next one from today, else the most recent."""
    dates = sorted(dates)
    if not dates:
        return None
    upcoming = [d for d in dates if d >= today]
    return upcoming[0] if upcoming else dates[-1]
