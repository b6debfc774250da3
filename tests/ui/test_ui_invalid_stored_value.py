"""A value written into the database behind TAREaid's back ("2026-13-45") is shown as an
invalid stored value in the list and the case pane; nothing crashes."""

from __future__ import annotations

import sqlite3

from tareaid.domain.case import Case
from tareaid.store.repository import Repository
from tareaid.ui.case_list_model import CaseListModel


def test_the_list_and_the_case_pane_show_an_invalid_stored_value(tmp_path, qtbot):
    db = tmp_path / "cases.sqlite3"
    with Repository.open(str(db)) as repository:
        repository.create_case(Case(reference="BAD-1"))
        repository.create_case(Case(reference="BAD-2", board_date=None))
    connection = sqlite3.connect(db)
    connection.execute(
        "UPDATE case_record SET board_date = '2026-13-45', ecog = 'x' WHERE reference = 'BAD-1'"
    )
    connection.commit()
    connection.close()
    with Repository.open(str(db)) as repository:
        (first, _second) = repository.list_cases()
        assert first.invalid_fields == ("board_date",)
        from tareaid.ui.case_list_model import CaseRow

        row = CaseRow.from_summary(first)
        assert "invalid stored value" in row.display["board_date"]
        stored = repository.get_case("BAD-1")
        assert set(stored.invalid) == {"board_date", "ecog"}
    assert CaseListModel is not None


def test_the_case_pane_says_which_stored_values_are_invalid(window, repository, db_path):
    repository.create_case(Case(reference="BAD-3"))
    connection = sqlite3.connect(db_path)
    connection.execute(
        "UPDATE case_record SET board_date = '2026-13-45', ecog = 'x' WHERE reference = 'BAD-3'"
    )
    connection.commit()
    connection.close()
    window.model.reload()
    assert window.open_case("BAD-3")
    subtitle = window.case_pane.subtitle.text()
    assert subtitle.startswith("Board date: invalid stored value")
    assert "invalid stored value in ecog" in subtitle


def test_the_pdf_dialogs_offer_free_text_only_when_de_identifying(qtbot):
    from tareaid.ui.board.export_dialog import ExportDialog
    from tareaid.ui.dialogs import PdfOptionsDialog

    dialog = PdfOptionsDialog(None, deidentified=True, page_size="A4")
    qtbot.addWidget(dialog)
    assert not dialog.options().include_free_text
    dialog.free_text.setChecked(True)
    assert dialog.options().include_free_text
    dialog.deidentified.setChecked(False)
    assert not dialog.free_text.isEnabled()
    assert not dialog.options().include_free_text

    export = ExportDialog(None, 3)
    qtbot.addWidget(export)
    assert export.choice().deidentified and not export.choice().include_free_text
    export.free_text_check.setChecked(True)
    assert export.choice().include_free_text
    export.deidentified_check.setChecked(False)
    assert not export.choice().include_free_text
