"""View › Bilirubin unit: bilirubin typed and shown in mg/dL or µmol/L, stored in mg/dL.

Conversions typed from EVIDENCE.md: 2.0 mg/dL = 34.2 µmol/L (1 mg/dL = 17.1 µmol/L).
"""

from __future__ import annotations

from tareaid.domain.case import Case
from tareaid.ui.case_pane import EDITOR_TAB, HISTORY_TAB
from tareaid.ui.qt import Qt
from tareaid.ui.settings import Settings


def _open_editor(window, repository, case=None):
    repository.create_case(case or Case(reference="CRLM-401"))
    window.model.reload()
    window.list_pane.select((case or Case(reference="CRLM-401")).reference)
    window.case_pane.show_tab(EDITOR_TAB)
    return window.case_pane.editor.fields["bilirubin_mg_dl"]


def _type(qtbot, widget, text):
    control = widget.control
    control.setFocus()
    control.selectAll()
    qtbot.keyClicks(control, text)
    qtbot.keyClick(control, Qt.Key.Key_Tab)


def _stored(window, repository):
    window.session.save_now()
    return repository.get_case(window.session.reference).case.bilirubin_mg_dl


def test_mg_dl_is_the_default_and_the_menu_offers_both_units(window):
    assert Settings().bilirubin_unit() == "mg/dL"
    view = next(
        action.menu()
        for action in window.menuBar().actions()
        if action.text().replace("&", "") == "View"
    )
    (units,) = [
        action.menu()
        for action in view.actions()
        if action.menu() and action.text().replace("&", "") == "Bilirubin unit"
    ]
    assert [action.text() for action in units.actions()] == ["mg/dL", "µmol/L"]
    assert window.action("bilirubin_mg_dl").isChecked()
    assert not window.action("bilirubin_umol_l").isChecked()


def test_typed_in_umol_l_stored_in_mg_dl_shown_in_umol_l(window, repository, qtbot):
    field = _open_editor(window, repository)
    window.action("bilirubin_umol_l").trigger()
    assert Settings().bilirubin_unit() == "µmol/L"
    assert field.unit_label.text() == "µmol/L"
    assert "µmol/L" in field.control.placeholderText()

    _type(qtbot, field, "34.2")
    assert _stored(window, repository) == 2.0
    assert field.control.text() == "34.2"

    # Shown in each unit from the one stored value.
    window.action("bilirubin_mg_dl").trigger()
    assert field.control.text() == "2.0"
    assert field.unit_label.text() == "mg/dL"
    window.action("bilirubin_umol_l").trigger()
    assert field.control.text() == "34.2"

    # Opened again, the case shows the stored value in the chosen unit.
    window.session.close()
    window.list_pane.select(None)
    window.open_case("CRLM-401")
    assert field.control.text() == "34.2"


def test_the_range_is_checked_in_the_chosen_unit(window, repository, qtbot):
    field = _open_editor(window, repository)
    window.action("bilirubin_umol_l").trigger()
    _type(qtbot, field, "900")  # above 50 mg/dL = 855 µmol/L
    assert field.error_label.isVisible()
    assert "0–855 µmol/L" in field.error_label.text()
    assert _stored(window, repository) is None
    _type(qtbot, field, "855")
    assert not field.error_label.isVisible()
    assert _stored(window, repository) == 50.0

    window.action("bilirubin_mg_dl").trigger()
    _type(qtbot, field, "60")
    assert "0–50 mg/dL" in field.error_label.text()


def test_a_value_just_above_the_threshold_never_reads_as_the_threshold(window, repository, qtbot):
    field = _open_editor(window, repository)
    window.action("bilirubin_umol_l").trigger()
    _type(qtbot, field, "34.21")
    assert _stored(window, repository) > 2.0
    assert field.control.text() == "34.21"
    assert window.session.assessment.contraindications


def test_the_unit_is_remembered_for_the_next_window(window, repository, qtbot, db_path):
    from tareaid.domain.evidence import load_pack
    from tareaid.ui.database import open_plainly
    from tareaid.ui.main_window import MainWindow

    _open_editor(window, repository, Case(reference="CRLM-402", bilirubin_mg_dl=1.2))
    window.action("bilirubin_umol_l").trigger()
    window.close()
    again = MainWindow(open_plainly(str(db_path)), Settings(), load_pack())
    qtbot.addWidget(again)
    assert again.action("bilirubin_umol_l").isChecked()
    again.open_case("CRLM-402")
    again.case_pane.show_tab(EDITOR_TAB)
    field = again.case_pane.editor.fields["bilirubin_mg_dl"]
    assert field.unit_label.text() == "µmol/L"
    assert field.control.text() == "20.5"  # 1.2 × 17.1 = 20.52
    again.close()


def test_the_history_shows_bilirubin_with_its_unit(window, repository, qtbot):
    field = _open_editor(window, repository)
    _type(qtbot, field, "2")
    window.session.save_now()
    window.case_pane.show_tab(HISTORY_TAB)
    model = window.case_pane.history.model
    changed = [
        [model.data(model.index(row, column)) for column in range(model.columnCount())]
        for row in range(model.rowCount())
        if model.data(model.index(row, 3)) == "Serum bilirubin"
    ]
    assert changed[0][5] == "2.0 mg/dL"
    window.action("bilirubin_umol_l").trigger()
    assert model.data(model.index(0, 5)) == "34.2 µmol/L"


def test_the_pdf_is_given_the_chosen_unit(
    window, repository, qtbot, dialogs, monkeypatch, tmp_path
):
    import tareaid.report
    from tareaid.ui.dialogs import PdfOptions

    built = []

    def build_report(case, assessment, pack, options):
        built.append(options)
        return b"%PDF-1.4 test"

    monkeypatch.setattr(tareaid.report, "build_report", build_report)
    monkeypatch.setattr(tareaid.report, "write_report", lambda path, data: None)
    _open_editor(window, repository)
    window.action("bilirubin_umol_l").trigger()
    dialogs.reply("ask_pdf_options", PdfOptions(deidentified=True, page_size="A4"))
    dialogs.reply("choose_save_file", str(tmp_path / "out.pdf"))
    window.action("export_pdf").trigger()
    qtbot.waitUntil(lambda: bool(built))
    window.tasks.wait()
    assert built[0].bilirubin_unit == "µmol/L"
