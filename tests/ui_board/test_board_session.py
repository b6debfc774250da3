"""The board session without a window: cursor, agenda order, overrides, decisions, locking."""

from __future__ import annotations

from datetime import date

import pytest
from board_data import BOARD_DATE

from tareaid.app.board import BoardSession, default_board_date
from tareaid.domain.case import Case, CaseError, Decision, Override
from tareaid.store.errors import CaseLockedError, StaleEditError


def test_cursor_moves_within_the_agenda(repository, editing):
    session = BoardSession(editing, BOARD_DATE)
    assert session.references == ["BRD-001", "BRD-002", "BRD-003"]
    assert session.current_reference == "BRD-001"
    assert not session.previous()
    assert session.next() and session.next()
    assert session.current_reference == "BRD-003"
    assert session.position_text() == "Case 3 of 3"
    assert not session.next()
    assert session.current().assessment.reference == "BRD-003"


def test_order_changes_are_written_through_set_agenda(repository, editing):
    session = BoardSession(editing, BOARD_DATE)
    session.next()  # the cursor follows its case through moves
    assert session.move(1, -1) == 0
    assert repository.agenda(BOARD_DATE) == ["BRD-002", "BRD-001", "BRD-003"]
    assert session.current_reference == "BRD-002"
    assert session.move(0, 10) == 2
    assert repository.agenda(BOARD_DATE) == ["BRD-001", "BRD-003", "BRD-002"]
    assert BoardSession(editing, BOARD_DATE).references == ["BRD-001", "BRD-003", "BRD-002"]


def test_adding_a_case_from_another_date_and_removing_it(repository, editing):
    repository.import_cases([Case(reference="LATER-1", board_date=date(2027, 1, 7))])
    session = BoardSession(editing, BOARD_DATE)
    session.add("LATER-1")
    session.add("LATER-1")  # already there: no duplicate
    assert repository.agenda(BOARD_DATE) == ["BRD-001", "BRD-002", "BRD-003", "LATER-1"]
    assert not session.is_dated_here("LATER-1")
    session.remove("LATER-1")
    assert repository.agenda(BOARD_DATE) == ["BRD-001", "BRD-002", "BRD-003"]
    # A case of this date cannot simply be left out: it is rescheduled instead.
    assert session.is_dated_here("BRD-002")
    session.reschedule("BRD-002", date(2026, 12, 10))
    assert session.references == ["BRD-001", "BRD-003"]
    assert repository.agenda(date(2026, 12, 10)) == ["BRD-002"]


def test_override_decision_and_the_lock(repository, editing):
    session = BoardSession(editing, BOARD_DATE)
    with pytest.raises(CaseError, match="reason"):
        session.set_override("ecog", "neutral", "   ")
    with pytest.raises(CaseError, match="tier set by hand"):
        session.set_override("ecog", "unassessed", "not a tier to set by hand")
    current = session.set_override("ecog", "neutral", "PS 1 to 2 since last week")
    assert current.case.overrides["ecog"] == Override("neutral", "PS 1 to 2 since last week")
    assert current.assessment.factor("ecog").tier == "neutral"
    assert current.assessment.factor("ecog").derived_tier == "favours"

    decision = Decision("discuss_tare", "Good candidate", ("A (B)",), None, BOARD_DATE, True)
    current = session.record_decision(decision)
    assert current.finalised
    with pytest.raises(CaseLockedError):
        session.clear_override("ecog")
    assert repository.get_case("BRD-001").case.overrides["ecog"].tier == "neutral"
    current = session.clear_override("ecog", amend_reason="Entered in error")
    assert current.case.overrides == {}
    assert repository.history("BRD-001")[-1].reason == "Entered in error"


def test_an_edit_made_elsewhere_is_not_overwritten(repository, editing):
    session = BoardSession(editing, BOARD_DATE)
    loaded = session.current()
    repository.save_case(loaded.case.with_changes(ecog=2), expected_version=loaded.version)
    with pytest.raises(StaleEditError):
        session.set_override("ecog", "against", "Board view")
    assert repository.get_case("BRD-001").case.ecog == 2
    assert session.current(refresh=True).case.ecog == 2


def test_the_default_board_date():
    dates = [date(2026, 11, 5), date(2026, 12, 3)]
    assert default_board_date(dates, date(2026, 11, 20)) == date(2026, 12, 3)
    assert default_board_date(dates, date(2026, 12, 3)) == date(2026, 12, 3)
    assert default_board_date(dates, date(2027, 1, 1)) == date(2026, 12, 3)
    assert default_board_date([], date(2027, 1, 1)) is None


def test_a_notice_is_applied_once_and_only_when_it_concerns_the_board(
    repository, editing, monkeypatch
):
    from tareaid.app.changes import ChangeNotice

    repository.import_cases([Case(reference="LATER-1", board_date=date(2027, 1, 7))])
    session = BoardSession(editing, BOARD_DATE)
    reads = []
    agenda = repository.agenda
    monkeypatch.setattr(repository, "agenda", lambda when: reads.append(when) or agenda(when))

    elsewhere = ChangeNotice(references=frozenset({"LATER-1"}), fields=frozenset({"ecog"}))
    assert not session.apply(elsewhere)
    assert reads == []

    on_the_agenda = ChangeNotice(references=frozenset({"BRD-002"}), overrides=True)
    assert session.apply(on_the_agenda)
    assert session.apply(on_the_agenda)  # the second window to pass it on reads nothing
    assert reads == [BOARD_DATE]

    # A case given this board's date joins the agenda.
    loaded = editing.load("LATER-1")
    editing.set_fields("LATER-1", {"board_date": BOARD_DATE}, expected_version=loaded.version)
    assert session.apply(
        ChangeNotice(references=frozenset({"LATER-1"}), fields=frozenset({"board_date"}))
    )
    assert session.references == ["BRD-001", "BRD-002", "BRD-003", "LATER-1"]
    assert session.apply(ChangeNotice(agenda_dates=frozenset({BOARD_DATE})))
    assert not session.apply(ChangeNotice(agenda_dates=frozenset({date(2027, 1, 7)})))


def test_a_new_decision_starts_with_the_board_s_previous_attendees(repository, editing):
    session = BoardSession(editing, BOARD_DATE)
    assert session.starting_attendees() == ()  # the board's first decision
    people = ("Ada Lovelace (Surgery)", "Grace Hopper (Radiology)")
    session.record_decision(Decision("deferred", None, people, None, BOARD_DATE, False))
    session.next()
    assert session.starting_attendees() == people
    # The last decision saved in this session counts, even on a case further back.
    session.record_decision(Decision("deferred", None, people[:1], None, BOARD_DATE, False))
    session.previous()
    assert session.starting_attendees() == people  # BRD-001 keeps its own attendees
    session.go_to(2)
    assert session.starting_attendees() == people[:1]
    # The board reopened part-way through: the nearest case before with a decision.
    reopened = BoardSession(editing, BOARD_DATE)
    reopened.go_to(2)
    assert reopened.starting_attendees() == people[:1]
    reopened.go_to(0)
    assert reopened.starting_attendees() == people
