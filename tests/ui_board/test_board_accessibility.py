"""Every control of the board windows can be reached and named without the mouse."""

from __future__ import annotations

from datetime import date

from board_data import BOARD_DATE

from tareaid.ui.board.agenda_window import AgendaWindow
from tareaid.ui.board.decision_panel import DecisionPanel
from tareaid.ui.board.export_dialog import ExportDialog
from tareaid.ui.board.reason_dialog import ReasonDialog
from tareaid.ui.qt import Qt, QtWidgets


def unnamed_controls(root: QtWidgets.QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QtWidgets.QWidget):
        if widget.objectName().startswith("qt_") or not widget.isVisibleTo(root):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget.parentWidget(), QtWidgets.QAbstractSpinBox | QtWidgets.QComboBox):
            continue  # the editor inside a date edit or combo box: named by its owner
        named = widget.accessibleName() or (
            isinstance(widget, QtWidgets.QAbstractButton) and widget.text()
        )
        if not named:
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_board_windows_name_every_control(qtbot, repository, editing):
    window = AgendaWindow(editing, today=date(2026, 12, 1))
    qtbot.addWidget(window)
    window.show()
    panel = DecisionPanel(
        window,
        reference="BRD-001",
        decision=None,
        board_date=BOARD_DATE,
        known_attendees=[("Ada Lovelace", "Surgery")],
    )
    reason = ReasonDialog(window, "Reason", "Why?")
    export = ExportDialog(window, 3)
    for root in (window, panel, reason, export):
        root.show()
        assert unnamed_controls(root) == [], type(root).__name__
        if root is not window:
            root.close()


def test_decision_panel_tab_order_follows_the_form(qtbot):
    panel = DecisionPanel(
        None, reference="X-1", decision=None, board_date=BOARD_DATE, known_attendees=[]
    )
    qtbot.addWidget(panel)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.focusWidget() is panel.outcome_combo)
    order = [panel.outcome_combo]
    for _ in range(6):
        qtbot.keyClick(QtWidgets.QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QtWidgets.QApplication.focusWidget()
        if focus is not order[-1]:
            order.append(focus)
    assert order[:6] == [
        panel.outcome_combo,
        panel.rationale_edit,
        panel.attendee_list,
        panel.attendee_edit,
        panel.dissent_edit,
        panel.date_edit,
    ]
