"""The board's drop-downs and date fields take the mouse wheel only when they have the focus.

A wheel turned over the decision panel, the agenda window or the board-date prompt must not
change an outcome, a date, the board shown or the projector screen the user did not choose
(the same rule as the case editor's fields, tests/ui/test_ui_wheel.py).
"""

from __future__ import annotations

from datetime import date

import pytest
from board_data import BOARD_DATE

from tareaid.domain.case import Case
from tareaid.ui.board import prompts as prompts_module
from tareaid.ui.board.agenda_window import AgendaWindow
from tareaid.ui.board.decision_panel import DecisionPanel
from tareaid.ui.board.look import Look
from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets

UP, DOWN = 120, -120


def _wheel(widget: QtWidgets.QWidget, delta: int) -> None:
    """A wheel event with the pointer over the widget's centre."""
    centre = QtCore.QPointF(widget.rect().center())
    event = QtGui.QWheelEvent(
        centre,
        QtCore.QPointF(widget.mapToGlobal(widget.rect().center())),
        QtCore.QPoint(),
        QtCore.QPoint(0, delta),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QtWidgets.QApplication.sendEvent(widget, event)


def _assert_takes_the_wheel_only_with_focus(widget: QtWidgets.QWidget, value) -> None:
    assert not widget.hasFocus()
    before = value()
    for delta in (DOWN, DOWN, UP, UP, UP):
        _wheel(widget, delta)
        assert value() == before
    assert not widget.hasFocus()
    assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus  # a click or Tab, not the wheel


@pytest.fixture
def panel(qtbot):
    owner = QtWidgets.QWidget()
    owner.resize(1280, 720)
    owner.show()
    look = Look()
    look.set_height(720)
    panel = DecisionPanel(
        owner,
        reference="BRD-001",
        decision=None,
        board_date=BOARD_DATE,
        known_attendees=[("Grace Hopper", "Radiology")],
        attendees=(),
        amending=False,
        look=look,
    )
    panel.show()
    qtbot.waitExposed(panel)
    yield panel
    panel.close()
    owner.close()
    owner.deleteLater()
    QtWidgets.QApplication.processEvents()


def test_the_wheel_over_the_unfocused_outcome_and_date_changes_nothing(panel):
    panel.rationale_edit.setFocus(Qt.FocusReason.OtherFocusReason)
    panel.outcome_combo.setCurrentIndex(1)
    _assert_takes_the_wheel_only_with_focus(panel.outcome_combo, panel.outcome_combo.currentIndex)
    assert panel.outcome_combo.currentIndex() == 1
    _assert_takes_the_wheel_only_with_focus(panel.date_edit, panel.date_edit.date)
    assert panel.date_edit.date().toPython() == BOARD_DATE


def test_the_focused_outcome_still_takes_the_wheel(panel, qtbot):
    panel.activateWindow()
    panel.outcome_combo.setCurrentIndex(1)
    panel.outcome_combo.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(panel.outcome_combo.hasFocus)
    _wheel(panel.outcome_combo, DOWN)
    assert panel.outcome_combo.currentIndex() == 2


@pytest.fixture
def board(qtbot, repository, editing, prompts):
    # An earlier board too, so that the board-date drop-down has somewhere to go.
    repository.import_cases([Case(reference="OLD-001", board_date=date(2026, 11, 19))])
    window = AgendaWindow(editing, today=date(2026, 12, 1))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    window.table.setFocus()
    return window


def test_the_wheel_over_the_unfocused_board_date_and_screen_changes_nothing(board):
    assert board.date_combo.count() == 2
    _assert_takes_the_wheel_only_with_focus(board.date_combo, board.date_combo.currentData)
    assert board.date_combo.currentData() == BOARD_DATE
    _assert_takes_the_wheel_only_with_focus(board.screen_combo, board.screen_combo.currentIndex)


def test_the_wheel_over_the_unfocused_date_prompt_changes_nothing(qtbot, monkeypatch):
    seen = []

    def run(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        edit = dialog.findChild(QtWidgets.QDateEdit)
        buttons = dialog.findChild(QtWidgets.QDialogButtonBox)
        buttons.setFocus(Qt.FocusReason.OtherFocusReason)
        _assert_takes_the_wheel_only_with_focus(edit, edit.date)
        seen.append(edit.date().toPython())
        return QtWidgets.QDialog.DialogCode.Accepted

    monkeypatch.setattr(prompts_module, "run_dialog", run)
    assert prompts_module.ask_date(None, "Board date", date(2026, 12, 17)) == date(2026, 12, 17)
    assert seen == [date(2026, 12, 17)]
