"""Keyboard and screen-reader access: names on every control, a sensible Tab order."""

from __future__ import annotations

from tareaid.domain.case import Case
from tareaid.domain.fields import FIELDS, Group
from tareaid.ui.case_pane import EDITOR_TAB
from tareaid.ui.qt import Qt, QtWidgets


def _focusable_without_name(root):
    missing = []
    for widget in root.findChildren(QtWidgets.QWidget):
        if widget.objectName().startswith("qt_"):
            continue  # Qt's own parts (a spin box's line edit, a tab widget's bar)
        if widget.window() is not root:
            continue  # a combo box's popup list: a window of its own, named by the combo
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if isinstance(widget, QtWidgets.QAbstractButton) and widget.text().replace("&", ""):
            continue  # a button's text is its accessible name
        if not widget.accessibleName():
            where = type(widget.parent()).__name__
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} in {where}")
    return missing


def test_every_focusable_control_has_an_accessible_name(window, repository):
    repository.create_case(Case(reference="CRLM-001"))
    window.model.reload()
    window.list_pane.select("CRLM-001")
    window.list_pane.new_case_bar.start()
    assert _focusable_without_name(window) == []


def test_tab_moves_through_the_list_pane_in_reading_order(window, repository, qtbot):
    repository.create_case(Case(reference="CRLM-001"))
    window.model.reload()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.list_pane
    pane.search.setFocus()
    order = []
    for _ in range(5):
        order.append(QtWidgets.QApplication.focusWidget())
        qtbot.keyClick(QtWidgets.QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert order == [
        pane.search,
        pane.new_case_button,
        pane.show_identifiers_box,
        pane.show_archived_box,
        pane.table,
    ]


def test_tab_walks_the_editor_fields_in_form_order(window, repository, qtbot):
    repository.create_case(Case(reference="CRLM-001"))
    window.model.reload()
    window.list_pane.select("CRLM-001")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.case_pane.show_tab(EDITOR_TAB)
    editor = window.case_pane.editor
    editor.fields["reference"].control.setFocus()
    controls = {field.control: name for name, field in editor.fields.items()}
    visited = []
    for _ in range(80):
        focus = QtWidgets.QApplication.focusWidget()
        if focus in controls and controls[focus] not in visited:
            visited.append(controls[focus])
        if len(visited) == len(FIELDS):
            break
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    # Group by group, in the field table's order within each group.
    assert visited == [spec.name for group in Group for spec in FIELDS if spec.group is group]


def test_tiers_in_the_list_are_not_told_by_colour_alone(window, repository):
    repository.create_case(Case(reference="CRLM-001", ecog=4))
    window.model.reload()
    column = window.model.column_of("against")
    assert window.model.data(window.model.index(0, column)) == "▼ 1"
