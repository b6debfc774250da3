"""Finding, creating, duplicating, archiving and restoring cases from the main window."""

from __future__ import annotations

from tareaid.domain.case import Case
from tareaid.ui.qt import Qt


def _references(window):
    model = window.model
    return [model.reference_at(row) for row in range(model.rowCount())]


def _activate(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())


def test_ctrl_n_creates_a_case_that_appears_in_the_list(window, qtbot, repository):
    _activate(window, qtbot)
    qtbot.keyClick(window.list_pane.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    bar = window.list_pane.new_case_bar
    assert bar.isVisible()
    assert bar.edit.hasFocus()
    qtbot.keyClicks(bar.edit, "CRLM-042")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)

    assert not bar.isVisible()
    assert "CRLM-042" in _references(window)
    assert window.list_pane.current_reference() == "CRLM-042"
    assert window.session.reference == "CRLM-042"
    assert window.case_pane.title.text() == "CRLM-042"
    assert repository.get_case("CRLM-042").case.reference == "CRLM-042"


def test_new_case_with_a_taken_reference_is_refused_inline(window, qtbot, repository):
    repository.create_case(Case(reference="CRLM-001"))
    window.model.reload()
    _activate(window, qtbot)
    qtbot.keyClick(window.list_pane.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    bar = window.list_pane.new_case_bar
    qtbot.keyClicks(bar.edit, "CRLM-001")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.isVisible()
    assert bar.error.isVisible()
    assert "CRLM-001" in bar.error.text()
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert _references(window) == ["CRLM-001"]


def test_empty_reference_is_explained(window, qtbot):
    _activate(window, qtbot)
    qtbot.keyClick(window.list_pane.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    bar = window.list_pane.new_case_bar
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.error.isVisible()
    assert "reference" in bar.error.text().lower()
    assert window.model.rowCount() == 0


def test_duplicate_copies_the_data_under_a_new_reference(window, qtbot, repository):
    repository.create_case(Case(reference="CRLM-001", ecog=1, ras_status="mutant"))
    window.model.reload()
    window.list_pane.select("CRLM-001")
    _activate(window, qtbot)
    qtbot.keyClick(window.list_pane.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    bar = window.list_pane.new_case_bar
    assert bar.edit.text() == "CRLM-001-copy"
    bar.edit.selectAll()
    qtbot.keyClicks(bar.edit, "CRLM-002")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    copy = repository.get_case("CRLM-002").case
    assert (copy.ecog, copy.ras_status) == (1, "mutant")
    assert window.session.reference == "CRLM-002"
    assert _references(window) == ["CRLM-001", "CRLM-002"]


def test_typing_in_the_search_box_filters_the_list(window, qtbot, repository):
    for reference in ("CRLM-001", "CRLM-002", "LIVER-9"):
        repository.create_case(Case(reference=reference))
    window.model.reload()
    _activate(window, qtbot)
    qtbot.keyClick(window.list_pane.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = window.list_pane.search
    assert search.hasFocus()
    qtbot.keyClicks(search, "crlm")
    qtbot.waitUntil(lambda: _references(window) == ["CRLM-001", "CRLM-002"])
    assert window.list_pane.count_label.text() == "2 cases"
    qtbot.keyClicks(search, "-002")
    qtbot.waitUntil(lambda: _references(window) == ["CRLM-002"])
    search.clear()
    qtbot.waitUntil(lambda: len(_references(window)) == 3)


def test_search_covers_names_and_mrns_only_when_identifiers_are_shown(window, qtbot, repository):
    repository.create_case(Case(reference="CRLM-001", patient_name="Ada Example", mrn="M123"))
    repository.create_case(Case(reference="CRLM-002"))
    window.model.reload()
    search = window.list_pane.search
    qtbot.keyClicks(search, "Ada")
    window.list_pane.apply_search_now()
    assert _references(window) == []
    assert "Name" not in [
        window.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(window.model.columnCount())
    ]

    qtbot.mouseClick(window.list_pane.show_identifiers_box, Qt.MouseButton.LeftButton)
    assert window.action("show_identifiers").isChecked()
    assert _references(window) == ["CRLM-001"]
    headers = [
        window.model.headerData(column, Qt.Orientation.Horizontal)
        for column in range(window.model.columnCount())
    ]
    assert headers[:3] == ["Reference", "Name", "MRN"]
    row = window.model.index(0, window.model.column_of("mrn"))
    assert window.model.data(row) == "M123"
    assert window.settings.show_identifiers() is True


def test_archive_and_restore(window, qtbot, repository):
    for reference in ("CRLM-001", "CRLM-002"):
        repository.create_case(Case(reference=reference))
    window.model.reload()
    window.list_pane.select("CRLM-001")
    _activate(window, qtbot)
    window.list_pane.table.setFocus()
    qtbot.keyClick(window.list_pane.table, Qt.Key.Key_Delete)

    assert _references(window) == ["CRLM-002"]
    assert repository.get_case("CRLM-001").archived is True
    assert "Archived CRLM-001" in window.statusBar().currentMessage()

    qtbot.keyClick(
        window.list_pane.table,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.list_pane.show_archived_box.isChecked()
    assert _references(window) == ["CRLM-001", "CRLM-002"]
    window.list_pane.select("CRLM-001")
    row = window.model.index(0, 0)
    assert window.model.data(row) == "CRLM-001 (archived)"
    assert window.case_pane.banner.kind == "archived"
    assert not window.case_pane.editor.fields["ecog"].control.isEnabled()
    assert window.action("restore_case").isEnabled()

    qtbot.keyClick(window.list_pane.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert repository.get_case("CRLM-001").archived is False
    assert window.model.data(window.model.index(0, 0)) == "CRLM-001"
    assert window.case_pane.banner.kind == ""
    assert window.case_pane.editor.fields["ecog"].control.isEnabled()


def test_delete_in_a_text_field_does_not_archive(window, qtbot, repository):
    repository.create_case(Case(reference="CRLM-001", notes="abc"))
    window.model.reload()
    window.list_pane.select("CRLM-001")
    _activate(window, qtbot)
    window.case_pane.show_tab(1)
    notes = window.case_pane.editor.fields["notes"].control
    notes.setFocus()
    qtbot.keyClick(notes, Qt.Key.Key_Delete)
    assert repository.get_case("CRLM-001").archived is False


def test_an_empty_database_shows_how_to_start(window, qtbot):
    pane = window.list_pane
    assert pane.empty_label.isVisible()
    assert "New case (Ctrl+N)" in pane.empty_label.text()
    assert window.case_pane.create_button.isVisible()
    qtbot.mouseClick(window.case_pane.create_button, Qt.MouseButton.LeftButton)
    assert pane.new_case_bar.isVisible()
    qtbot.keyClicks(pane.new_case_bar.edit, "FIRST-1")
    qtbot.keyClick(pane.new_case_bar.edit, Qt.Key.Key_Return)
    assert not pane.empty_label.isVisible()
    assert window.case_pane.title.text() == "FIRST-1"
