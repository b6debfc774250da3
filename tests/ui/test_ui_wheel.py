"""The mouse wheel scrolls the form; it never changes a field the user has not chosen.

Scrolling the editor used to change every drop-down that passed under the pointer (BRAF
went V600E → Wild-type → Unknown, and the autosave stored it). A field takes the wheel only
when it has the keyboard focus; otherwise the wheel scrolls the page.
"""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest

from tareaid.ui.case_pane import CHECKLIST_TAB, EDITOR_TAB
from tareaid.ui.field_widgets import FieldWidget
from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets

UP, DOWN = 120, -120


@pytest.fixture
def demo_window(window, repository, qtbot):
    assert repository.add_demo_cases() > 0
    window.model.reload()
    assert window.open_case("DEMO-01")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _send_wheel(widget: QtWidgets.QWidget, delta: int) -> None:
    """A wheel event delivered straight to the widget."""
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


def _mouse_wheel(window, widget: QtWidgets.QWidget, delta: int) -> None:
    """A wheel turned with the pointer over the widget, as the window system reports it
    (Qt gives focus for the wheel and passes the event up from here)."""
    visible = widget.visibleRegion().boundingRect()
    assert not visible.isEmpty(), widget.objectName()
    centre = widget.mapTo(window, visible.center())
    QTest.wheelEvent(window.windowHandle(), QtCore.QPointF(centre), QtCore.QPoint(0, delta))
    QtWidgets.QApplication.processEvents()


def _bring_into_view(area: QtWidgets.QScrollArea, widget: QtWidgets.QWidget) -> None:
    area.ensureWidgetVisible(widget)
    QtWidgets.QApplication.processEvents()


def _shown(field: FieldWidget) -> object:
    control = field.control
    if isinstance(control, QtWidgets.QComboBox):
        return control.currentIndex()
    if isinstance(control, QtWidgets.QPlainTextEdit):
        return control.toPlainText()
    return control.text()


def _kinds(fields: dict[str, FieldWidget]) -> set[str]:
    return {type(field).__name__ for field in fields.values()}


def _wheel_every_field(window, area, fields: dict[str, FieldWidget]) -> None:
    elsewhere = window.list_pane.table
    for field in fields.values():
        elsewhere.setFocus(Qt.FocusReason.OtherFocusReason)
        for delta in (DOWN, DOWN, UP, UP, UP):
            # (Each turn scrolls the form: the field is brought back under the pointer.)
            _bring_into_view(area, field.control)
            _send_wheel(field.control, delta)
            _bring_into_view(area, field.control)
            _mouse_wheel(window, field.control, delta)
        assert not field.control.hasFocus(), field.spec.name


def _assert_nothing_changed(window, repository, before, history_before, shown_before, fields):
    assert window.session.case == before
    assert not window.session.dirty
    window.session.save_now()
    assert repository.get_case("DEMO-01").case == before
    assert len(repository.history("DEMO-01")) == history_before
    assert {name: _shown(field) for name, field in fields.items()} == shown_before


def test_the_wheel_over_unfocused_editor_fields_changes_nothing(demo_window, repository):
    window = demo_window
    window.action("show_identifiers").setChecked(True)  # name, MRN, birth date editable too
    window.case_pane.show_tab(EDITOR_TAB)
    editor = window.case_pane.editor
    fields = editor.fields
    # Every kind of field the form has: drop-downs, yes/no, whole numbers, numbers, dates,
    # text and notes.
    assert _kinds(fields) >= {
        "_ChoiceField",
        "_BooleanField",
        "_IntegerField",
        "_NumberField",
        "_DateField",
        "_TextField",
        "_NotesField",
    }
    before = window.session.case
    assert before.braf_status == "wild_type" or before.braf_status is not None
    history_before = len(repository.history("DEMO-01"))
    shown_before = {name: _shown(field) for name, field in fields.items()}

    _wheel_every_field(window, editor, fields)

    _assert_nothing_changed(window, repository, before, history_before, shown_before, fields)


def test_the_wheel_over_unfocused_checklist_fields_changes_nothing(demo_window, repository):
    window = demo_window
    window.case_pane.show_tab(CHECKLIST_TAB)
    checklist = window.case_pane.checklist
    before = window.session.case
    history_before = len(repository.history("DEMO-01"))
    for index, step in enumerate(checklist.steps):
        checklist.go_to(index)
        shown_before = {name: _shown(field) for name, field in step.fields.items()}
        _wheel_every_field(window, step, step.fields)
        # The override's tier is a drop-down too.
        window.list_pane.table.setFocus()
        tier = step.override_tier.currentIndex()
        for delta in (DOWN, DOWN, UP):
            _bring_into_view(step, step.override_tier)
            _send_wheel(step.override_tier, delta)
            _bring_into_view(step, step.override_tier)
            _mouse_wheel(window, step.override_tier, delta)
        assert step.override_tier.currentIndex() == tier
        _assert_nothing_changed(
            window, repository, before, history_before, shown_before, step.fields
        )


def test_the_wheel_over_an_unfocused_field_scrolls_the_form(demo_window):
    window = demo_window
    window.case_pane.show_tab(EDITOR_TAB)
    editor = window.case_pane.editor
    window.list_pane.table.setFocus()
    editor.verticalScrollBar().setValue(0)
    QtWidgets.QApplication.processEvents()
    sex = editor.fields["sex"].control
    _mouse_wheel(window, sex, DOWN)
    assert editor.verticalScrollBar().value() > 0
    assert not sex.hasFocus()

    braf = editor.fields["braf_status"].control
    _bring_into_view(editor, braf)
    scrolled = editor.verticalScrollBar().value()
    _send_wheel(braf, DOWN)
    assert editor.verticalScrollBar().value() > scrolled


def test_a_focused_drop_down_still_takes_the_wheel(demo_window, repository, qtbot):
    window = demo_window
    window.case_pane.show_tab(EDITOR_TAB)
    editor = window.case_pane.editor
    braf = editor.fields["braf_status"]
    assert braf.control.focusPolicy() == Qt.FocusPolicy.StrongFocus
    _bring_into_view(editor, braf.control)
    braf.control.setFocus(Qt.FocusReason.MouseFocusReason)
    before = window.session.case.braf_status
    index = braf.control.currentIndex()
    step = DOWN if index < braf.control.count() - 1 else UP
    _mouse_wheel(window, braf.control, step)
    assert braf.control.currentIndex() != index
    assert window.session.case.braf_status != before
    qtbot.waitUntil(lambda: repository.get_case("DEMO-01").case.braf_status != before)


def test_the_wheel_over_the_unfocused_decision_outcome_changes_nothing(demo_window, repository):
    from tareaid.ui.case_pane import DECISION_TAB

    window = demo_window
    window.case_pane.show_tab(DECISION_TAB)
    view = window.case_pane.decision
    outcome = view.outcome
    shown = outcome.currentIndex()  # the demo case's decision, or none (-1)
    assert not view.dirty
    window.list_pane.table.setFocus()
    history_before = len(repository.history("DEMO-01"))
    for delta in (DOWN, DOWN, UP, UP, UP):
        view.ensureWidgetVisible(outcome)
        _send_wheel(outcome, delta)
        assert outcome.currentIndex() == shown
        view.ensureWidgetVisible(outcome)
        _mouse_wheel(window, outcome, delta)
        assert outcome.currentIndex() == shown
    assert not view.dirty
    assert not outcome.hasFocus()
    assert outcome.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert len(repository.history("DEMO-01")) == history_before


def test_the_wheel_over_the_unfocused_pdf_page_size_changes_nothing(qtbot):
    from tareaid.ui.dialogs import PdfOptionsDialog

    dialog = PdfOptionsDialog(None, deidentified=True, page_size="A4")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.deidentified.setFocus(Qt.FocusReason.OtherFocusReason)
    for delta in (DOWN, DOWN, UP):
        _send_wheel(dialog.page_size, delta)
        assert dialog.page_size.currentData() == "A4"
    assert dialog.options().page_size == "A4"
    assert dialog.page_size.focusPolicy() == Qt.FocusPolicy.StrongFocus
