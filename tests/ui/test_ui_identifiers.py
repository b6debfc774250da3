"""With "Show identifiers" off, no name, MRN or date of birth is on screen anywhere in the
main window; each identifying field can be shown on request, one at a time."""

from __future__ import annotations

from datetime import date

import pytest

from tareaid.domain.case import Case
from tareaid.ui.case_pane import (
    CHECKLIST_TAB,
    DECISION_TAB,
    EDITOR_TAB,
    EVIDENCE_TAB,
    HISTORY_TAB,
)
from tareaid.ui.qt import Qt, QtCore, QtWidgets

NAME = "Zephyrine Quillfeather"
OLD_NAME = "Zephyrine Q. Feather"
MRN = "ZQX-773401"
DOB = "1957-03-14"
IDENTIFIERS = (NAME, OLD_NAME, MRN, DOB, "Quillfeather", "773401")
HIDDEN = "•••• (hidden)"


def _texts_of_view(view: QtWidgets.QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    root = QtCore.QModelIndex()
    # (A list model's column count is private in PySide: it has one column.)
    columns = 1 if isinstance(model, QtCore.QAbstractListModel) else model.columnCount(root)
    texts = []
    for column in range(columns):
        for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
            texts.append(str(model.headerData(column, orientation) or ""))
    for row in range(model.rowCount(root)):
        for column in range(columns):
            index = model.index(row, column)
            for role in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.ToolTipRole,
                Qt.ItemDataRole.AccessibleTextRole,
            ):
                texts.append(str(model.data(index, role) or ""))
    return texts


def visible_texts(window) -> list[str]:
    """Every text a visible widget of the window shows or tells a screen reader."""
    texts = [window.windowTitle(), window.statusBar().currentMessage()]
    for widget in window.findChildren(QtWidgets.QWidget):
        if not widget.isVisible():
            continue
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QtWidgets.QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QtWidgets.QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, QtWidgets.QPlainTextEdit | QtWidgets.QTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QtWidgets.QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QtWidgets.QComboBox):
            texts.append(widget.currentText())
        elif isinstance(widget, QtWidgets.QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QtWidgets.QAbstractItemView):
            texts += _texts_of_view(widget)
    return texts


def _leaks(window) -> list[str]:
    return [text for text in visible_texts(window) if any(i in text for i in IDENTIFIERS)]


@pytest.fixture
def identified(window, repository, qtbot):
    stored = repository.create_case(
        Case(
            reference="CRLM-017",
            patient_name=OLD_NAME,
            mrn="ZQX-000000",
            date_of_birth=date(1957, 3, 14),
            board_date=date(2026, 12, 3),
            metastatic_pattern="liver_only",
            ecog=1,
        )
    )
    # Corrections, so that the history holds old and new identifying values.
    changed = stored.case.with_changes(patient_name=NAME, mrn=MRN)
    repository.save_case(changed, expected_version=stored.version)
    repository.create_case(Case(reference="CRLM-018", patient_name="Other Person", mrn="X-1"))
    window.model.reload()
    assert not window.action("show_identifiers").isChecked()
    assert window.open_case("CRLM-017")
    return window


def test_no_identifier_is_on_screen_on_any_tab(identified):
    window = identified
    pane = window.case_pane
    for tab in (CHECKLIST_TAB, EDITOR_TAB, EVIDENCE_TAB, HISTORY_TAB, DECISION_TAB):
        pane.show_tab(tab)
        if tab == CHECKLIST_TAB:
            for step in range(7):
                pane.checklist.go_to(step)
                assert _leaks(window) == [], step
        if tab == HISTORY_TAB:
            for row in range(pane.history.model.rowCount()):
                pane.history.table.selectRow(row)
                assert _leaks(window) == [], row
        assert _leaks(window) == [], pane.tabs.tabText(tab)
    pane.show_tab(EDITOR_TAB)
    editor = pane.editor
    for name in ("patient_name", "mrn", "date_of_birth"):
        assert editor.fields[name].masked
        assert editor.fields[name].mask_label.text() == HIDDEN


def test_the_scan_sees_identifiers_when_they_are_shown(identified, qtbot):
    window = identified
    window.action("show_identifiers").trigger()
    window.case_pane.show_tab(EDITOR_TAB)
    leaks = " ".join(_leaks(window))
    assert NAME in leaks and MRN in leaks and DOB in leaks
    window.case_pane.show_tab(HISTORY_TAB)
    assert OLD_NAME in " ".join(_leaks(window))
    window.action("show_identifiers").trigger()
    assert _leaks(window) == []


def test_each_identifier_is_shown_on_request_alone_in_the_editor(identified, qtbot):
    window = identified
    window.case_pane.show_tab(EDITOR_TAB)
    fields = window.case_pane.editor.fields
    qtbot.mouseClick(fields["patient_name"].show_button, Qt.MouseButton.LeftButton)
    assert fields["patient_name"].control.isVisible()
    assert fields["patient_name"].control.text() == NAME
    assert fields["mrn"].masked and fields["date_of_birth"].masked
    assert [text for text in _leaks(window) if MRN in text or DOB in text] == []

    # Hidden again for the next case, and when it comes back.
    assert window.open_case("CRLM-018")
    assert fields["patient_name"].masked
    assert "Other Person" not in " ".join(visible_texts(window))
    assert window.open_case("CRLM-017")
    assert fields["patient_name"].masked
    assert _leaks(window) == []

    # And when the global setting is turned on and off again.
    fields["mrn"].reveal()
    assert not fields["mrn"].masked
    window.action("show_identifiers").trigger()
    assert not any(field.masked for field in fields.values() if field.spec.identifying)
    window.action("show_identifiers").trigger()
    assert fields["mrn"].masked and fields["patient_name"].masked
    assert _leaks(window) == []


def test_an_empty_identifying_field_can_be_typed_in(window, repository, qtbot):
    repository.create_case(Case(reference="CRLM-020"))
    window.model.reload()
    assert window.open_case("CRLM-020")
    window.case_pane.show_tab(EDITOR_TAB)
    field = window.case_pane.editor.fields["patient_name"]
    assert not field.masked and field.control.isVisible()
    field.control.setFocus()
    qtbot.keyClicks(field.control, "New Person")
    qtbot.keyClick(field.control, Qt.Key.Key_Tab)
    assert window.session.case.patient_name == "New Person"
    assert field.control.isVisible()  # not snatched away while working on it


def test_the_history_shows_one_identifying_field_on_request(identified, qtbot):
    window = identified
    window.case_pane.show_tab(HISTORY_TAB)
    history = window.case_pane.history
    model = history.model
    rows = {model.entry_field(row): row for row in range(model.rowCount())}
    name_row, mrn_row = rows["patient_name"], rows["mrn"]
    for row in (name_row, mrn_row):
        assert model.data(model.index(row, 4)) == HIDDEN
        assert model.data(model.index(row, 5)) == HIDDEN

    history.table.selectRow(name_row)
    assert history.show_button.isVisible()
    assert history.show_button.text() == "Show the patient name"
    qtbot.mouseClick(history.show_button, Qt.MouseButton.LeftButton)
    assert model.data(model.index(name_row, 4)) == OLD_NAME
    assert model.data(model.index(name_row, 5)) == NAME
    assert model.data(model.index(mrn_row, 5)) == HIDDEN
    assert not history.show_button.isVisible()

    # The whole case of the "created" row, in its tooltip: the MRN is still hidden.
    created = max(rows.values())
    tooltip = model.data(model.index(created, 5), Qt.ItemDataRole.ToolTipRole)
    assert f"Patient name: {OLD_NAME}" in tooltip
    assert MRN not in tooltip and "ZQX-000000" not in tooltip and "MRN: ••••" in tooltip

    assert window.open_case("CRLM-018")
    assert window.open_case("CRLM-017")
    assert model.data(model.index(name_row, 5)) == HIDDEN
