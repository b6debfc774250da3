"""The case editor: every group edits and saves; invalid input is explained; undo/redo."""

from __future__ import annotations

from datetime import date

import pytest

from tareaid.domain.case import Case
from tareaid.domain.fields import FIELDS, Group
from tareaid.ui.case_pane import EDITOR_TAB
from tareaid.ui.qt import Qt


@pytest.fixture
def editor(window, repository, qtbot):
    repository.create_case(Case(reference="CRLM-001"))
    window.model.reload()
    window.list_pane.select("CRLM-001")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.list_pane.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.case_pane.tabs.currentIndex() == EDITOR_TAB
    return window.case_pane.editor


def _type(qtbot, widget, text):
    control = widget.control
    control.setFocus()
    control.selectAll()
    qtbot.keyClicks(control, text)
    qtbot.keyClick(control, Qt.Key.Key_Tab)


def _choose(qtbot, widget, label):
    combo = widget.control
    combo.setFocus()
    index = combo.findText(label)
    assert index >= 0, label
    while combo.currentIndex() < index:
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    while combo.currentIndex() > index:
        qtbot.keyClick(combo, Qt.Key.Key_Up)


def _stored(repository, window):
    window.session.save_now()
    return repository.get_case(window.session.reference).case


def test_the_form_has_every_field_in_its_group(editor):
    assert set(editor.fields) == {spec.name for spec in FIELDS}
    titles = [box.title() for box in editor.groups.values()]
    assert titles == [group.value for group in Group]
    for spec in FIELDS:
        widget = editor.fields[spec.name]
        assert widget.parent() is editor.groups[spec.group]
        assert widget.control.accessibleName() == spec.label
        badge = getattr(widget, "badge", None)
        assert (badge is not None) == spec.identifying
        if spec.identifying:
            assert "Identifying" in badge.text()
            assert "Identifying" in widget.control.accessibleDescription()


def test_editing_every_group_saves_to_the_repository(editor, window, repository, qtbot):
    fields = editor.fields
    _type(qtbot, fields["patient_name"], "Ada Example")  # Patient
    _type(qtbot, fields["board_date"], "2026-12-03")
    _choose(qtbot, fields["metastatic_pattern"], "Liver dominant")  # Disease
    _type(qtbot, fields["prior_systemic_lines"], "1")
    _choose(qtbot, fields["ras_status"], "Wild-type")  # Molecular
    _type(qtbot, fields["liver_lesion_count"], "3")  # Liver lesions
    _choose(qtbot, fields["bilobar"], "Yes")
    _choose(qtbot, fields["planned_chemotherapy"], "FOLFIRI")  # Treatment plan
    _type(qtbot, fields["bilirubin_mg_dl"], "1,4")  # Work-up (comma accepted)
    notes = fields["notes"].control  # Notes
    notes.setFocus()
    qtbot.keyClicks(notes, "Seen in clinic.")
    qtbot.keyClick(notes, Qt.Key.Key_Tab)

    # Autosave happens by itself after a pause.
    qtbot.waitUntil(lambda: repository.get_case("CRLM-001").case.notes == "Seen in clinic.")
    case = repository.get_case("CRLM-001").case
    assert case.patient_name == "Ada Example"
    assert case.board_date == date(2026, 12, 3)
    assert case.metastatic_pattern == "liver_dominant"
    assert case.prior_systemic_lines == 1
    assert case.ras_status == "wild_type"
    assert case.liver_lesion_count == 3
    assert case.bilobar is True
    assert case.planned_chemotherapy == "FOLFIRI"
    assert case.bilirubin_mg_dl == 1.4
    assert window.case_pane.save_state.text().startswith("Saved")
    assert window.case_pane.subtitle.text().startswith("Board date 2026-12-03")
    # The list row follows the saved case.
    row = window.model.row_of("CRLM-001")
    assert window.model.data(window.model.index(row, 1)) == "2026-12-03"


def test_out_of_range_and_bad_dates_are_explained_inline(editor, window, repository, qtbot):
    age = editor.fields["age_years"]
    _type(qtbot, age, "150")
    assert age.error_label.isVisible()
    assert "18–120 years" in age.error_label.text()
    assert _stored(repository, window).age_years is None

    _type(qtbot, age, "64")
    assert not age.error_label.isVisible()
    assert _stored(repository, window).age_years == 64

    board = editor.fields["board_date"]
    _type(qtbot, board, "2026-02-30")
    assert "not a valid calendar date" in board.error_label.text()
    assert _stored(repository, window).board_date is None

    # The validator refuses what can never become valid: letters in a number field.
    ecog = editor.fields["ecog"]
    ecog.control.setFocus()
    qtbot.keyClicks(ecog.control, "x9")
    assert ecog.control.text() == "9"


def test_up_and_down_step_a_number(editor, window, repository, qtbot):
    ecog = editor.fields["ecog"].control
    ecog.setFocus()
    qtbot.keyClick(ecog, Qt.Key.Key_Up)
    qtbot.keyClick(ecog, Qt.Key.Key_Up)
    assert ecog.text() == "1"
    assert _stored(repository, window).ecog == 1


def test_undo_and_redo(editor, window, repository, qtbot):
    fields = editor.fields
    _choose(qtbot, fields["ras_status"], "Mutant")
    _type(qtbot, fields["mrn"], "M-77")
    assert window.session.case.mrn == "M-77"

    combo = fields["ras_status"].control
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert fields["mrn"].control.text() == ""
    assert window.session.case.mrn is None
    assert window.session.case.ras_status == "mutant"

    qtbot.keyClick(combo, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert combo.currentText() == "Not recorded"
    assert _stored(repository, window).ras_status is None

    qtbot.keyClick(combo, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert combo.currentText() == "Mutant"
    qtbot.keyClick(
        combo,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert fields["mrn"].control.text() == "M-77"
    case = _stored(repository, window)
    assert (case.ras_status, case.mrn) == ("mutant", "M-77")


def test_ctrl_z_in_a_text_field_undoes_the_case_edit(editor, window, qtbot):
    name = editor.fields["patient_name"].control
    name.setFocus()
    qtbot.keyClicks(name, "Ada")
    # Still typing: Ctrl+Z commits the typing and undoes it as one step.
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert name.text() == ""
    assert window.session.case.patient_name is None
    assert window.action("redo").isEnabled()


def test_typing_is_one_undo_step(editor, window, qtbot):
    mrn = editor.fields["mrn"].control
    mrn.setFocus()
    qtbot.keyClicks(mrn, "M1")
    editor.fields["mrn"].flush()
    qtbot.keyClicks(mrn, "23")
    qtbot.keyClick(mrn, Qt.Key.Key_Tab)
    assert window.session.case.mrn == "M123"
    window.action("undo").trigger()
    assert window.session.case.mrn is None


def test_changing_the_reference_renames_the_case(editor, window, repository, qtbot):
    _type(qtbot, editor.fields["reference"], "CRLM-100")
    assert repository.get_case("CRLM-100").case.reference == "CRLM-100"
    assert window.case_pane.title.text() == "CRLM-100"
    assert window.model.reference_at(0) == "CRLM-100"
    window.action("undo").trigger()
    assert repository.get_case("CRLM-001").case.reference == "CRLM-001"
    assert window.case_pane.title.text() == "CRLM-001"


def test_a_taken_reference_is_refused(editor, window, repository, qtbot):
    repository.create_case(Case(reference="CRLM-002"))
    reference = editor.fields["reference"]
    _type(qtbot, reference, "CRLM-002")
    assert reference.error_label.isVisible()
    assert reference.control.text() == "CRLM-001"
    assert window.session.reference == "CRLM-001"


def test_today_button_sets_the_board_date(editor, window, qtbot):
    button = editor.fields["board_date"].today_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.session.case.board_date == date.today()


def test_history_tab_shows_each_change_in_words(editor, window, repository, qtbot):
    _choose(qtbot, editor.fields["metastatic_pattern"], "Liver only")
    _type(qtbot, editor.fields["ecog"], "2")
    assert window.session.save_now()
    qtbot.keyClick(window.list_pane.table, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    model = window.case_pane.history.model
    rows = [
        [model.data(model.index(row, column)) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]
    changes = {row[3]: row for row in rows if row[2] == "Changed"}
    assert changes["Metastatic pattern"][4:6] == ["Not recorded", "Liver only"]
    assert changes["ECOG performance status"][4:6] == ["Not recorded", "2"]
    assert rows[-1][2] == "Created"


def test_history_summarises_a_created_case(window, repository, qtbot):
    from tareaid.ui.history_view import NEW

    repository.create_case(Case(reference="CRLM-050", ecog=1, ras_status="mutant"))
    window.model.reload()
    window.list_pane.select("CRLM-050")
    window.case_pane.show_tab(3)
    model = window.case_pane.history.model
    created = model.index(model.rowCount() - 1, NEW)
    assert model.data(created) == "Case with 3 recorded values"
    tooltip = model.data(created, Qt.ItemDataRole.ToolTipRole)
    assert "RAS status: Mutant" in tooltip
    assert "ECOG performance status: 1" in tooltip


def test_ctrl_2_puts_the_cursor_in_the_first_field(editor):
    from tareaid.ui.qt import QtWidgets

    assert QtWidgets.QApplication.focusWidget() is editor.fields["reference"].control


def test_the_second_release_fields_sit_in_their_groups(editor):
    # The field table's groups for the fields of CONTRACT.md §2b, typed by hand.
    expected = {
        "Extrahepatic disease": [
            "lung_metastasis_count",
            "lung_metastasis_max_mm",
            "nodal_regions",
            "nodal_max_mm",
            "bone_metastases",
            "peritoneal_metastases",
            "other_extrahepatic_site",
        ],
        "Liver function and contraindications": [
            "albumin_g_dl",
            "ascites",
            "cirrhosis",
            "portal_hypertension",
            "main_portal_vein_involvement",
        ],
        "History": [
            "prior_adjuvant_chemotherapy",
            "adjuvant_ended_on",
            "first_line_regimen",
            "peripheral_neuropathy_grade",
            "prior_upper_abdominal_radiotherapy",
            "other_active_malignancy",
        ],
    }
    boxes = {box.title(): box for box in editor.groups.values()}
    for title, names in expected.items():
        box = boxes[title]
        shown = [name for name, widget in editor.fields.items() if widget.parent() is box]
        assert shown == names, title
    disease = boxes["Primary and metastatic disease"]
    for name in ("histology", "life_expectancy_3_months"):
        assert editor.fields[name].parent() is disease
    assert editor.fields["lung_dose_gy"].parent() is boxes["Work-up"]


def test_a_contradiction_marks_both_fields_and_saves_nothing(editor, window, repository, qtbot):
    fields = editor.fields
    _type(qtbot, fields["nodal_regions"], "0")
    assert _stored(repository, window).nodal_regions == 0
    version = repository.get_case("CRLM-001").version

    _type(qtbot, fields["nodal_max_mm"], "25")
    size, regions = fields["nodal_max_mm"], fields["nodal_regions"]
    for widget in (size, regions):
        assert widget.error_label.isVisible()
        message = widget.error_label.text()
        # Both fields named, by the labels the form shows.
        assert "Largest metastatic node" in message
        assert "Nodal regions involved" in message
        assert "Not saved" in message
    assert size.control.text() == ""
    assert regions.control.text() == "0"
    assert window.session.case.nodal_max_mm is None
    window.session.save_now()
    stored = repository.get_case("CRLM-001")
    assert stored.case.nodal_max_mm is None
    assert stored.version == version

    # Settling it clears the way: one region, then the size is taken.
    _type(qtbot, regions, "1")
    _type(qtbot, size, "25")
    assert not size.error_label.isVisible()
    assert _stored(repository, window).nodal_max_mm == 25


def test_a_regimen_without_a_prior_line_is_refused_naming_both(editor, window, repository, qtbot):
    _type(qtbot, editor.fields["prior_systemic_lines"], "0")
    # Chosen from the list at once (arrow keys would step through, each step refused).
    combo = editor.fields["first_line_regimen"].control
    index = combo.findText("Oxaliplatin-based")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    regimen, lines = editor.fields["first_line_regimen"], editor.fields["prior_systemic_lines"]
    assert regimen.error_label.isVisible() and lines.error_label.isVisible()
    assert "First-line regimen given" in regimen.error_label.text()
    assert "Prior systemic lines" in lines.error_label.text()
    assert regimen.control.currentText() == "Not recorded"
    assert _stored(repository, window).first_line_regimen is None
