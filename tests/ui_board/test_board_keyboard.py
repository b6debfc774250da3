"""A three-case tumour board run from the keyboard alone, start to finish.

Navigate, set a tier with its reason, record and finalise decisions, be refused when
changing a finalised case without an amend reason, and never show an identifier on the wall.
"""

from __future__ import annotations

from datetime import date

import pytest
from board_data import BOARD_DATE, IDENTIFIER_FORMS, NAME
from board_walk import leaked

from tareaid.domain.case import Decision, Override
from tareaid.store.errors import CaseLockedError
from tareaid.ui.board.agenda_window import AgendaWindow
from tareaid.ui.board.projection import ProjectionWindow
from tareaid.ui.qt import Qt, QtWidgets

Key = Qt.Key


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier, widget=None):
    """A key press where the user's focus is (or on `widget`)."""
    target = widget or QtWidgets.QApplication.focusWidget()
    assert target is not None, "no widget has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def type_text(qtbot, text):
    target = QtWidgets.QApplication.focusWidget()
    assert target is not None, "no widget has the keyboard focus"
    qtbot.keyClicks(target, text)


def decision_by_keys(
    qtbot,
    *,
    outcome_letter,
    rationale,
    new_people=(),
    untick_second=False,
    dissent="",
    finalise=False,
    ticked_at_start=(),
):
    """A run_dialog stand-in that fills the decision panel from the keyboard, as a user would."""

    def run(panel):
        ticked = [
            panel.attendee_list.item(row).text()
            for row in range(panel.attendee_list.count())
            if panel.attendee_list.item(row).checkState() == Qt.CheckState.Checked
        ]
        assert ticked == list(ticked_at_start)
        panel.show()
        panel.activateWindow()
        # The outcome is where the cursor starts.
        qtbot.waitUntil(lambda: QtWidgets.QApplication.focusWidget() is panel.outcome_combo)
        type_text(qtbot, outcome_letter)
        press(qtbot, Key.Key_Tab)
        type_text(qtbot, rationale)
        press(qtbot, Key.Key_Tab)
        assert QtWidgets.QApplication.focusWidget() is panel.attendee_list
        if untick_second:
            press(qtbot, Key.Key_Down)
            press(qtbot, Key.Key_Space)
        press(qtbot, Key.Key_Tab)
        assert QtWidgets.QApplication.focusWidget() is panel.attendee_edit
        for person in new_people:
            type_text(qtbot, person)
            press(qtbot, Key.Key_Return)
        press(qtbot, Key.Key_Tab)
        type_text(qtbot, dissent)
        press(qtbot, Key.Key_Tab)
        assert QtWidgets.QApplication.focusWidget() is panel.date_edit
        # Tab walks through the date's sections (year, month, day) before it leaves.
        for _ in range(3):
            press(qtbot, Key.Key_Tab)
        assert QtWidgets.QApplication.focusWidget() is panel.finalise_check
        if finalise:
            press(qtbot, Key.Key_Space)
        press(qtbot, Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert not panel.isVisible()
        return panel.result()

    return run


def on_wall(projection: ProjectionWindow) -> str:
    return projection.reference_label.text()


@pytest.fixture
def board(qtbot, repository, editing, prompts):
    window = AgendaWindow(editing, today=date(2026, 12, 1))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    yield window
    if window.projection is not None:
        window.projection.close()


def test_three_case_board_by_keyboard(qtbot, board, repository, prompts):
    assert board.session.board_date == BOARD_DATE
    assert [board.model.row_at(r).reference for r in range(board.model.rowCount())] == [
        "BRD-001",
        "BRD-002",
        "BRD-003",
    ]
    board.table.setFocus()
    press(qtbot, Key.Key_F5)
    projection = board.projection
    assert projection is not None and projection.isVisible()
    assert projection.isFullScreen()
    qtbot.waitActive(projection)
    assert leaked(projection, IDENTIFIER_FORMS) == []

    # Navigate: right to the end and back again.
    assert on_wall(projection) == "BRD-001"
    press(qtbot, Key.Key_Right, widget=projection)
    assert on_wall(projection) == "BRD-002"
    press(qtbot, Key.Key_Right, widget=projection)
    assert on_wall(projection) == "BRD-003"
    press(qtbot, Key.Key_Right, widget=projection)
    assert on_wall(projection) == "BRD-003"
    assert "last case" in projection.message_label.text()
    press(qtbot, Key.Key_Left, widget=projection)
    press(qtbot, Key.Key_Left, widget=projection)
    assert on_wall(projection) == "BRD-001"
    assert projection.position_label.text().endswith("Case 1 of 3")
    assert leaked(projection, IDENTIFIER_FORMS) == []

    # T: the trial populations, one column per trial; T again (or Esc) back to the grid.
    press(qtbot, Key.Key_T, widget=projection)
    assert projection.trials_page.isVisible() and not projection.grid_page.isVisible()
    assert (
        "Resembles the SIRFLOX population on"
        in projection.trials_page.column_label("sirflox").text()
    )
    assert leaked(projection, IDENTIFIER_FORMS) == []
    press(qtbot, Key.Key_T, widget=projection)
    assert projection.grid_page.isVisible()
    press(qtbot, Key.Key_T, widget=projection)
    press(qtbot, Key.Key_Escape, widget=projection)
    assert projection.isVisible() and projection.grid_page.isVisible()

    # Down to the third factor (timing), set it to neutral with a reason.
    press(qtbot, Key.Key_Down, widget=projection)
    press(qtbot, Key.Key_Down, widget=projection)
    assert projection.selected_factor == "timing"
    reason = "Treated as second-line rescue: liver-only progression on FOLFOX"
    prompts.reply("ask_reason", reason)
    press(qtbot, Key.Key_2, widget=projection)
    stored = repository.get_case("BRD-001")
    assert stored.case.overrides == {"timing": Override(tier="neutral", reason=reason)}
    # The trail does not record where a tier was set by hand: the wording does not guess.
    assert "set by hand" in projection.rows[2].status.text()
    assert reason in projection.rows[2].status.text()

    # D: the decision panel, filled from the keyboard, finalised.
    prompts.reply(
        "run_dialog",
        decision_by_keys(
            qtbot,
            outcome_letter="D",
            rationale="Liver-dominant disease, conversion intent; discuss TARE",
            new_people=("Ada Lovelace, Hepatobiliary surgery", "Grace Hopper, Radiology"),
            dissent="Radiology prefers to wait for the next scan",
            finalise=True,
        ),
    )
    press(qtbot, Key.Key_D, widget=projection)
    stored = repository.get_case("BRD-001")
    assert stored.case.decision == Decision(
        outcome="discuss_tare",
        rationale="Liver-dominant disease, conversion intent; discuss TARE",
        attendees=("Ada Lovelace (Hepatobiliary surgery)", "Grace Hopper (Radiology)"),
        dissent="Radiology prefers to wait for the next scan",
        decided_on=BOARD_DATE,
        finalised=True,
    )
    assert ("Ada Lovelace", "Hepatobiliary surgery") in repository.attendees()
    assert "Finalised" in projection.decision_label.text()
    trail = repository.history("BRD-001")
    assert [(e.action, e.field) for e in trail[1:]] == [
        ("override_set", "timing"),
        ("decision_recorded", "decision"),
        ("decision_finalised", "decision"),
    ]
    assert reason in trail[1].new

    # A finalised case: changing a tier asks for an amend reason; cancelling changes nothing.
    before = repository.get_case("BRD-001")
    prompts.reply("ask_amend_reason", None)
    press(qtbot, Key.Key_3, widget=projection)
    after = repository.get_case("BRD-001")
    assert after.version == before.version
    assert after.case == before.case
    assert len(prompts.called("ask_reason")) == 1  # only the first override asked
    assert "nothing changed" in projection.message_label.text()
    # ...and the store refuses the same edit made without an amend reason.
    with pytest.raises(CaseLockedError):
        repository.save_case(
            before.case.with_changes(overrides={}), expected_version=before.version
        )

    # With an amend reason the change goes through and the reason is kept.
    prompts.reply("ask_amend_reason", "Scan re-read: three prior lines, not two")
    prompts.reply("ask_reason", "After three prior lines")
    press(qtbot, Key.Key_3, widget=projection)
    amended = repository.get_case("BRD-001")
    assert amended.case.overrides["timing"] == Override("against", "After three prior lines")
    assert amended.case.decision.finalised
    last = repository.history("BRD-001")[-1]
    assert (last.action, last.field) == ("override_changed", "timing")
    assert last.reason == "Scan re-read: three prior lines, not two"

    # Next case: a draft decision. It starts with the previous decision's attendees ticked;
    # one of them has left, and is unticked.
    press(qtbot, Key.Key_Right, widget=projection)
    assert on_wall(projection) == "BRD-002"
    assert projection.selected_factor == "timing"  # the factor cursor stays where it was
    prompts.reply(
        "run_dialog",
        decision_by_keys(
            qtbot,
            outcome_letter="F",
            rationale="MAA work-up first",
            untick_second=True,
            ticked_at_start=("Ada Lovelace — Hepatobiliary surgery", "Grace Hopper — Radiology"),
        ),
    )
    press(qtbot, Key.Key_D, widget=projection)
    decision = repository.get_case("BRD-002").case.decision
    assert decision.outcome == "further_workup"
    assert decision.attendees == ("Ada Lovelace (Hepatobiliary surgery)",)
    assert not decision.finalised

    # Third case: not recommended, finalised.
    press(qtbot, Key.Key_Right, widget=projection)
    prompts.reply(
        "run_dialog",
        decision_by_keys(
            qtbot,
            outcome_letter="T",
            rationale="Extensive extrahepatic disease",
            finalise=True,
            ticked_at_start=("Ada Lovelace — Hepatobiliary surgery",),
        ),
    )
    press(qtbot, Key.Key_D, widget=projection)
    third = repository.get_case("BRD-003").case.decision
    assert third.outcome == "not_recommended"
    assert third.attendees == ("Ada Lovelace (Hepatobiliary surgery)",)
    assert leaked(projection, IDENTIFIER_FORMS) == []

    # Esc leaves; the agenda shows every decision.
    with qtbot.waitSignal(projection.left):
        press(qtbot, Key.Key_Escape, widget=projection)
    assert board.projection is None
    decisions = [board.model.row_at(r).decision for r in range(3)]
    assert decisions == [
        "Discuss TARE with the patient · finalised",
        "Further work-up needed · draft",
        "TARE not recommended by the board · finalised",
    ]
    assert leaked(board, IDENTIFIER_FORMS) == []
    assert NAME not in repr(decisions)
