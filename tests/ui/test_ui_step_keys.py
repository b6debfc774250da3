"""Ctrl+Page Down / Up walk the checklist wherever the focus is, the case list included."""

from __future__ import annotations

from tareaid.domain.case import Case
from tareaid.ui.case_pane import CHECKLIST_TAB, EDITOR_TAB
from tareaid.ui.qt import Qt


def _two_cases(window, repository, qtbot):
    for reference in ("CRLM-001", "CRLM-002", "CRLM-003"):
        repository.create_case(Case(reference=reference))
    window.model.reload()
    assert window.open_case("CRLM-001")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window.case_pane.checklist


def test_ctrl_page_down_in_the_case_list_is_the_next_step_not_the_next_case(
    window, repository, qtbot
):
    checklist = _two_cases(window, repository, qtbot)
    table = window.list_pane.table
    table.setFocus()
    assert table.hasFocus()
    assert checklist.current_step == 0

    qtbot.keyClick(table, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert checklist.current_step == 1
    assert window.current_reference() == "CRLM-001"
    assert window.list_pane.current_reference() == "CRLM-001"

    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert checklist.current_step == 3
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert checklist.current_step == 2
    assert window.current_reference() == "CRLM-001"


def test_ctrl_page_down_from_another_tab_shows_the_checklist(window, repository, qtbot):
    checklist = _two_cases(window, repository, qtbot)
    window.case_pane.show_tab(EDITOR_TAB)
    field = window.case_pane.editor.fields["age_years"].control
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.case_pane.tabs.currentIndex() == CHECKLIST_TAB
    assert checklist.current_step == 1


def test_the_step_keys_do_nothing_without_a_case(window):
    assert not window.action("next_step").isEnabled()
    assert not window.action("previous_step").isEnabled()
