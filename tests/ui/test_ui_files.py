"""Import, export, backup, check and PDF run off the GUI thread and report back."""

from __future__ import annotations

import json

import pytest

from tareaid.domain.case import Case
from tareaid.ui.case_pane import EDITOR_TAB
from tareaid.ui.checklist import SUMMARY_STEP
from tareaid.ui.dialogs import PdfOptions
from tareaid.ui.qt import Qt


def _wait_idle(window, qtbot):
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=15_000)


def test_import_a_case_file(window, dialogs, qtbot, tmp_path):
    path = tmp_path / "cases.json"
    path.write_text(
        json.dumps(
            {
                "format": "tareaid.case/1",
                "cases": [{"reference": "IMP-1", "ecog": 1}, {"reference": "IMP-2"}],
            }
        )
    )
    dialogs.reply("choose_open_file", str(path))
    window.action("import").trigger()
    _wait_idle(window, qtbot)
    assert [window.model.reference_at(r) for r in range(window.model.rowCount())] == [
        "IMP-1",
        "IMP-2",
    ]
    assert "Imported 2 cases" in window.statusBar().currentMessage()


def test_import_of_a_bad_file_names_the_field_and_imports_nothing(window, dialogs, qtbot, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"reference": "BAD-1", "ecog": 7}))
    dialogs.reply("choose_open_file", str(path))
    window.action("import").trigger()
    _wait_idle(window, qtbot)
    ((args, _kwargs),) = dialogs.called("show_error")
    assert "ecog" in args[2]
    assert "Nothing was imported" in args[2]
    assert window.model.rowCount() == 0


def test_export_json_writes_every_case(window, dialogs, qtbot, tmp_path, repository):
    repository.create_case(Case(reference="EXP-1", ecog=2))
    path = tmp_path / "out.json"
    dialogs.reply("choose_save_file", str(path))
    window.action("export_json").trigger()
    _wait_idle(window, qtbot)
    document = json.loads(path.read_text())
    assert document["format"] == "tareaid.case/1"
    assert document["cases"] == [{"reference": "EXP-1", "ecog": 2}]


def test_backup_and_check(window, dialogs, qtbot, tmp_path):
    path = tmp_path / "backup.db"
    dialogs.reply("choose_save_file", str(path))
    window.action("backup").trigger()
    _wait_idle(window, qtbot)
    assert path.exists()
    assert "Backup written" in window.statusBar().currentMessage()

    window.action("check").trigger()
    _wait_idle(window, qtbot)
    ((args, _kwargs),) = dialogs.called("show_info")
    assert "healthy" in args[2]


def test_export_pdf_from_the_summary(window, dialogs, qtbot, tmp_path, repository):
    report = pytest.importorskip("tareaid.report")
    if not hasattr(report, "build_report"):
        pytest.skip("the report package has no build_report yet")
    repository.create_case(Case(reference="PDF-1", patient_name="Ada Example", ecog=1))
    window.model.reload()
    window.list_pane.select("PDF-1")
    checklist = window.case_pane.checklist
    checklist.go_to(SUMMARY_STEP)
    path = tmp_path / "PDF-1.pdf"
    dialogs.reply("ask_pdf_options", PdfOptions(deidentified=True, page_size="Letter"))
    dialogs.reply("choose_save_file", str(path))
    checklist.summary.export_button.click()
    _wait_idle(window, qtbot)
    assert path.read_bytes().startswith(b"%PDF")
    assert window.settings.page_size() == "Letter"
    ((args, _kwargs),) = dialogs.called("choose_save_file")
    assert args[3] == "PDF-1-deidentified.pdf"


def test_no_pdf_is_made_of_a_case_that_could_not_be_saved(
    window, dialogs, qtbot, tmp_path, repository, other_repository
):
    # The PDF prints the stored case's audit head; an edit that could not be stored (here:
    # someone else saved the case first) must not be printed beside it.
    repository.create_case(Case(reference="PDF-2", ecog=1))
    window.model.reload()
    window.list_pane.select("PDF-2")
    window.case_pane.show_tab(EDITOR_TAB)
    theirs = other_repository.get_case("PDF-2")
    other_repository.save_case(theirs.case.with_changes(ecog=2), expected_version=theirs.version)
    ecog = window.case_pane.editor.fields["ecog"].control
    ecog.setFocus()
    ecog.selectAll()
    qtbot.keyClicks(ecog, "0")
    qtbot.keyClick(ecog, Qt.Key.Key_Tab)
    checklist = window.case_pane.checklist
    checklist.go_to(SUMMARY_STEP)
    checklist.summary.export_button.click()
    _wait_idle(window, qtbot)
    ((args, _kwargs),) = dialogs.called("show_error")
    assert args[1] == "No PDF was made"
    assert args[2].startswith("The PDF was not made because the case is not saved")
    assert not dialogs.called("ask_pdf_options")
    assert not dialogs.called("choose_save_file")
    assert list(tmp_path.glob("*.pdf")) == []
    assert window.case_pane.banner.kind == "conflict"
    assert repository.get_case("PDF-2").case.ecog == 2
    dialogs.reply("confirm", True)  # closing the window: leave the unsaved edit


def test_no_pdf_is_made_when_the_case_is_saved_elsewhere_meanwhile(
    window, dialogs, qtbot, tmp_path, repository, other_repository
):
    # Saved here, then changed by someone else while the export's questions were open: the
    # stored head then covers another version than the one the PDF would print.
    repository.create_case(Case(reference="PDF-3", ecog=1))
    window.model.reload()
    window.list_pane.select("PDF-3")

    def saved_elsewhere_then_answered(*_args, **_kwargs):
        theirs = other_repository.get_case("PDF-3")
        other_repository.save_case(
            theirs.case.with_changes(ecog=2), expected_version=theirs.version
        )
        return PdfOptions(deidentified=True, page_size="A4")

    path = tmp_path / "PDF-3.pdf"
    dialogs.reply("ask_pdf_options", saved_elsewhere_then_answered)
    dialogs.reply("choose_save_file", str(path))
    checklist = window.case_pane.checklist
    checklist.go_to(SUMMARY_STEP)
    checklist.summary.export_button.click()
    _wait_idle(window, qtbot)
    assert not path.exists()
    ((args, _kwargs),) = dialogs.called("show_error")
    assert "PDF-3 was changed elsewhere after it was saved here" in args[2]
