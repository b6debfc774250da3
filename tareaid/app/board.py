"""A tumour-board session: one board date, its ordered agenda and the case on the wall.

The session keeps the coordinator's cursor and the agenda order. Every change it makes (the
order, a case's board date, a tier set by hand, the board's decision) goes through the
editing service, so the board follows the same rules as the case editor (the version read,
the amend reason for a finalised case, the reason for an override) and its changes are
announced to every other open view. ``origin`` on each write is the view that asked.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from tareaid.app.changes import ChangeNotice
from tareaid.app.editing import CaseState, EditingService
from tareaid.domain.case import Decision
from tareaid.domain.evidence import EvidencePack


class BoardSession:
    """The agenda of one board date and a cursor on it.

    ``references`` is the coordinator's order. Moving the cursor never touches the store;
    reordering, adding and removing write the whole order back through the service.
    """

    def __init__(self, editing: EditingService, board_date: date) -> None:
        self.editing = editing
        self.board_date = board_date
        self.references: list[str] = list(self.repository.agenda(board_date))
        self.index = 0
        self._current: CaseState | None = None
        # The last notice applied and whether it concerned this board: the agenda window
        # and the projection both pass each notice on, and the first one does the reading.
        self._applied: tuple[ChangeNotice, bool] | None = None
        # The attendees of the decision saved last in this session: the next case's
        # decision starts with them (the same people usually sit through the whole board).
        self._last_attendees: tuple[str, ...] | None = None

    @property
    def repository(self) -> Any:
        """The store, for reading (agenda, attendees); changes go through ``editing``."""
        return self.editing.repository

    @property
    def pack(self) -> EvidencePack:
        return self.editing.pack

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
        self._follow(current)

    def apply(self, notice: ChangeNotice) -> bool:
        """Catch up with a change announced by the editing service; whether it concerned
        this board (then the agenda is read again and the case on the wall will be).

        It concerns the board when a case on the agenda changed, the agenda's order changed,
        a case may have been given (or lost) this board's date, or cases appeared,
        disappeared or were renamed.
        """
        if self._applied is not None and self._applied[0] is notice:
            return self._applied[1]
        concerned = (
            notice.agenda_changed(self.board_date)
            or notice.case_set_changed
            or notice.field_changed("board_date")
            or any(reference in self.references for reference in notice.references)
        )
        if concerned:
            self.reload()
        self._applied = (notice, concerned)
        return concerned

    def move(self, index: int, delta: int, *, origin: object | None = None) -> int:
        """Move the case at ``index`` by ``delta`` places; returns its new index."""
        if not 0 <= index < len(self.references):
            raise IndexError(index)
        target = max(0, min(len(self.references) - 1, index + delta))
        if target == index:
            return index
        current = self.current_reference
        reference = self.references.pop(index)
        self.references.insert(target, reference)
        self._persist(current, origin)
        return target

    def add(self, reference: str, *, origin: object | None = None) -> None:
        """Put a case at the end of the agenda (a case already on it stays where it is)."""
        if reference in self.references:
            return
        current = self.current_reference
        self.references.append(reference)
        self._persist(current, origin)

    def remove(self, reference: str, *, origin: object | None = None) -> None:
        """Take a case off the agenda; the case itself is not changed."""
        if reference not in self.references:
            return
        current = self.current_reference
        self.references.remove(reference)
        self._persist(current, origin)

    def is_dated_here(self, reference: str) -> bool:
        """Whether the case itself carries this board's date (not only an agenda place)."""
        return self.editing.load(reference).case.board_date == self.board_date

    def reschedule(
        self,
        reference: str,
        board_date: date,
        *,
        amend_reason: str | None = None,
        origin: object | None = None,
    ) -> None:
        """Move a case to another board: its board date changes, and it leaves this agenda.

        A case dated this board's day stays on its agenda whatever the order says, so taking
        it off means giving it another date; that is a change to the case, audited like any.
        """
        loaded = self.editing.load(reference)
        self.editing.set_fields(
            reference,
            {"board_date": board_date},
            expected_version=loaded.version,
            amend_reason=amend_reason,
            origin=origin,
        )
        current = self.current_reference
        if reference in self.references:
            self.references.remove(reference)
        self._persist(current, origin)

    def _persist(self, current: str | None, origin: object | None) -> None:
        self.editing.set_agenda(self.board_date, self.references, origin=origin)
        # The store is the authority on the order (it may append cases of this date that
        # have no place yet), so read back what it kept.
        self.references = list(self.repository.agenda(self.board_date))
        self._current = None
        self._follow(current)

    def _follow(self, current: str | None) -> None:
        """Keep the cursor on the case it was on, or as near its old place as there is."""
        if current in self.references:
            self.index = self.references.index(current)
        else:
            self.index = min(self.index, max(len(self.references) - 1, 0))

    # -- the case on the wall ----------------------------------------------------------

    def current(self, *, refresh: bool = False) -> CaseState | None:
        """The current case and its assessment, read from the store (cached until a move)."""
        reference = self.current_reference
        if reference is None:
            return None
        if self._current is None or refresh or self._current.reference != reference:
            self._current = self.editing.load(reference)
        return self._current

    def load(self, reference: str) -> CaseState:
        """Any case of the agenda with its assessment, read fresh from the store."""
        return self.editing.load(reference)

    def summaries(self) -> dict[str, Any]:
        """The agenda's cases as the case list shows them (reference → CaseSummary: the
        stored headline and decision), in one read, no case assessed. Left out: a case gone
        since the agenda was read, and one whose stored summary is not current (see
        Repository.summaries): `load` it."""
        return self.repository.summaries(self.references)

    def set_override(
        self,
        factor_key: str,
        tier: str,
        reason: str,
        *,
        amend_reason: str | None = None,
        expected_version: int | None = None,
        origin: object | None = None,
    ) -> CaseState:
        """Record the clinician's tier for a factor of the current case, with its reason.

        ``expected_version`` is the version the user saw when deciding (by default the one
        this session read last)."""
        current = self._require_current()
        return self._saved(
            self.editing.set_override(
                current.reference,
                factor_key,
                tier,
                reason,
                expected_version=_version(current, expected_version),
                amend_reason=amend_reason,
                origin=origin,
            )
        )

    def clear_override(
        self,
        factor_key: str,
        *,
        amend_reason: str | None = None,
        expected_version: int | None = None,
        origin: object | None = None,
    ) -> CaseState:
        """Return a factor to the tier the framework derives; no-op without an override."""
        current = self._require_current()
        return self._saved(
            self.editing.clear_override(
                current.reference,
                factor_key,
                expected_version=_version(current, expected_version),
                amend_reason=amend_reason,
                origin=origin,
            )
        )

    def record_decision(
        self,
        decision: Decision,
        *,
        amend_reason: str | None = None,
        expected_version: int | None = None,
        origin: object | None = None,
    ) -> CaseState:
        """Save the board's decision on the current case."""
        current = self._require_current()
        saved = self._saved(
            self.editing.record_decision(
                current.reference,
                decision,
                expected_version=_version(current, expected_version),
                amend_reason=amend_reason,
                origin=origin,
            )
        )
        self._last_attendees = decision.attendees
        return saved

    def starting_attendees(self) -> tuple[str, ...]:
        """Who attends the decision on the current case, before anyone is ticked: its own
        decision's attendees; otherwise those of the decision saved last in this session;
        otherwise those of the nearest case before it on this board's agenda that has a
        decision (the board may have been reopened part-way through)."""
        current = self.current()
        if current is None:
            return ()
        if current.case.decision is not None:
            return current.case.decision.attendees
        if self._last_attendees is not None:
            return self._last_attendees
        for reference in reversed(self.references[: self.index]):
            decision = self.editing.load(reference).case.decision
            if decision is not None and decision.attendees:
                return decision.attendees
        return ()

    def _require_current(self) -> CaseState:
        current = self.current(refresh=self._current is None)
        if current is None:
            raise LookupError("the agenda is empty")
        return current

    def _saved(self, state: CaseState) -> CaseState:
        self._current = state
        return state


def _version(current: CaseState, expected: int | None) -> int:
    return current.version if expected is None else expected


def default_board_date(dates: Iterable[date], today: date) -> date | None:
    """The board to open by default: the next one from today, else the most recent."""
    dates = sorted(dates)
    if not dates:
        return None
    upcoming = [d for d in dates if d >= today]
    return upcoming[0] if upcoming else dates[-1]
