"""The Decision tab: the board's decision on the case in the main window, editable under the
amend rule, following changes made elsewhere (the tumour board)."""

from __future__ import annotations

from datetime import date

import pytest

from tareaid.domain.case import Case, Decision
from tareaid.ui.case_pane import DECISION_TAB
from tareaid.ui.qt import Qt


@pytest.fixture
def opened(window, repository, qtbot):
    repository.create_case(Case(reference="CRLM-001", board_date=date(2026, 12, 3)))
    repository.create_case(Case(reference="CRLM-002"))
    window.model.reload()
    assert window.open_case("CRLM-001")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _stored(repository, reference="CRLM-001"):
    return repository.get_case(reference).case.decision


def _actions(repository, reference="CRLM-001"):
    return [entry.action for entry in repository.history(reference)]


def test_ctrl_5_shows_the_decision_tab(opened, qtbot):
    window = opened
    qtbot.keyClick(window.list_pane.table, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.case_pane.tabs.currentIndex() == DECISION_TAB
    assert window.case_pane.tabs.tabText(DECISION_TAB) == "Decision"
    view = window.case_pane.decision
    assert view.outcome.hasFocus()
    assert "has not recorded a decision" in view.state.text()


def test_a_decision_recorded_at_the_board_appears_at_once(opened):
    window = opened
    window.case_pane.show_tab(DECISION_TAB)
    view = window.case_pane.decision
    version = window.session.version
    board = object()  # the board's windows: another origin than the main window's views
    window.editing.record_decision(
        "CRLM-001",
        Decision(
            outcome="further_workup",
            rationale="Lung shunt study first.",
            attendees=("A. Example (Interventional radiology)", "B. Example (Oncology)"),
            dissent="C. Example would proceed now.",
            decided_on=date(2026, 12, 3),
        ),
        expected_version=version,
        origin=board,
    )
    assert view.outcome.currentText() == "Further work-up needed"
    assert view.rationale.toPlainText() == "Lung shunt study first."
    assert view.attendees.toPlainText().splitlines() == [
        "A. Example (Interventional radiology)",
        "B. Example (Oncology)",
    ]
    assert view.dissent.toPlainText() == "C. Example would proceed now."
    assert view.decided_on.text() == "2026-12-03"
    assert view.state.text().startswith("Further work-up needed, 2026-12-03.")
    assert "not finalised" in view.state.text()

    window.editing.finalise("CRLM-001", expected_version=window.session.version, origin=board)
    assert "Finalised" in view.state.text()
    assert not view.finalise_button.isVisible()


def test_recording_and_finalising_from_the_tab(opened, repository, qtbot, dialogs):
    window = opened
    window.case_pane.show_tab(DECISION_TAB)
    view = window.case_pane.decision
    assert not view.save_button.isEnabled()

    view.outcome.setFocus()
    qtbot.keyClick(view.outcome, Qt.Key.Key_Down)
    assert view.outcome.currentData() == "discuss_tare"
    qtbot.keyClicks(view.rationale, "Liver-dominant, chemo-refractory.")
    qtbot.keyClicks(view.attendees, "A. Example (Hepatology)")
    qtbot.keyClicks(view.decided_on, "2026-12-03")
    assert view.dirty and view.save_button.isEnabled()
    assert not view.finalise_button.isEnabled()  # save first
    qtbot.keyClick(view.rationale, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert _stored(repository) == Decision(
        outcome="discuss_tare",
        rationale="Liver-dominant, chemo-refractory.",
        attendees=("A. Example (Hepatology)",),
        decided_on=date(2026, 12, 3),
        finalised=False,
    )
    assert _actions(repository)[-1] == "decision_recorded"
    assert not view.dirty
    assert window.session.case.decision == _stored(repository)

    dialogs.reply("confirm", True)
    view.finalise_button.click()
    assert _stored(repository).finalised
    assert _actions(repository)[-1] == "decision_finalised"
    assert "Finalised" in view.state.text()
    assert window.session.finalised


def test_a_finalised_decision_changes_only_with_an_amend_reason(opened, repository, dialogs):
    window = opened
    first = Decision(outcome="deferred", rationale="Awaiting MRI.", finalised=True)
    stored = repository.get_case("CRLM-001")
    repository.save_case(stored.case.with_changes(decision=first), expected_version=stored.version)
    window.session.reload()
    window.case_pane.show_tab(DECISION_TAB)
    view = window.case_pane.decision
    assert "Finalised" in view.state.text()

    view.rationale.setPlainText("Awaiting liver MRI.")
    history = len(repository.history("CRLM-001"))
    dialogs.reply("ask_text", None)  # the user gives no reason
    assert not view.save()
    assert _stored(repository) == first
    assert len(repository.history("CRLM-001")) == history
    assert "reason" in view.error.text()
    assert view.dirty

    dialogs.reply("ask_text", "MRI named wrongly")
    assert view.save()
    assert _stored(repository).rationale == "Awaiting liver MRI."
    assert _stored(repository).finalised  # still finalised
    last = repository.history("CRLM-001")[-1]
    assert last.reason == "MRI named wrongly"


def test_an_unsaved_decision_is_not_lost_by_opening_another_case(opened, repository, dialogs):
    window = opened
    window.case_pane.show_tab(DECISION_TAB)
    view = window.case_pane.decision
    view.outcome.setCurrentIndex(1)
    dialogs.reply("choose_way_out", "stay")
    assert not window.open_case("CRLM-002")
    assert window.current_reference() == "CRLM-001"
    assert view.dirty

    dialogs.reply("choose_way_out", "save")
    assert window.open_case("CRLM-002")
    assert _stored(repository).outcome == "not_recommended"


def test_an_edit_is_not_overwritten_by_a_change_from_elsewhere(opened, repository):
    window = opened
    window.case_pane.show_tab(DECISION_TAB)
    view = window.case_pane.decision
    view.outcome.setCurrentIndex(0)
    view.rationale.setPlainText("Mine.")
    window.editing.record_decision(
        "CRLM-001",
        Decision(outcome="deferred", rationale="Theirs."),
        expected_version=window.session.version,
        origin=object(),
    )
    assert view.rationale.toPlainText() == "Mine."  # kept on screen
    assert not view.save()
    assert "changed elsewhere" in view.error.text()
    assert _stored(repository).rationale == "Theirs."
    view.discard()
    assert view.rationale.toPlainText() == "Theirs."


def test_an_archived_case_shows_its_decision_read_only(opened, repository):
    window = opened
    stored = repository.get_case("CRLM-001")
    repository.save_case(
        stored.case.with_changes(decision=Decision(outcome="deferred")),
        expected_version=stored.version,
    )
    repository.archive_case("CRLM-001")
    window.session.reload()
    window.case_pane.show_tab(DECISION_TAB)
    view = window.case_pane.decision
    assert view.outcome.currentText() == "Deferred"
    assert "archived" in view.state.text()
    assert not view.outcome.isEnabled()
    assert not view.finalise_button.isEnabled()


def test_a_decision_recorded_through_the_board_session_appears_at_once(opened):
    from tareaid.app.board import BoardSession

    window = opened
    window.case_pane.show_tab(DECISION_TAB)
    view = window.case_pane.decision
    # The projection records through a BoardSession on the same editing service.
    board = BoardSession(window.editing, date(2026, 12, 3))
    assert board.current_reference == "CRLM-001"
    board.record_decision(Decision(outcome="not_recommended", rationale="PS 3."), origin=board)
    assert view.outcome.currentText() == "TARE not recommended by the board"
    assert view.rationale.toPlainText() == "PS 3."
    assert window.session.case.decision.outcome == "not_recommended"
