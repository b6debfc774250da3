"""The coordinator's board window: choosing the board, ordering the agenda, projecting,
exporting the PDFs and the agenda summary."""

from __future__ import annotations

import csv
import stat
from datetime import date

import pytest
from board_data import BOARD_DATE, IDENTIFIER_FORMS, MRN
from board_walk import leaked

from tareaid.app.editing import EditingService
from tareaid.domain.case import Case, Decision
from tareaid.ui.board import open_board
from tareaid.ui.board.agenda_window import AgendaWindow
from tareaid.ui.board.export_dialog import ExportChoice
from tareaid.ui.qt import Qt, QtGui, QtWidgets

Key = Qt.Key
Ctrl = Qt.KeyboardModifier.ControlModifier


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    target = QtWidgets.QApplication.focusWidget()
    assert target is not None, "no widget has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def agenda_of(window: AgendaWindow) -> list[str]:
    return [window.model.row_at(r).reference for r in range(window.model.rowCount())]


@pytest.fixture
def board(qtbot, repository, editing, prompts):
    window = AgendaWindow(editing, today=date(2026, 12, 1))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    window.table.setFocus()
    yield window
    if window.projection is not None:
        window.projection.close()


def test_opens_on_the_next_board_showing_no_identifier(board):
    assert board.date_combo.currentData() == BOARD_DATE
    assert agenda_of(board) == ["BRD-001", "BRD-002", "BRD-003"]
    assert board.model.row_at(0).decision == "No decision yet"
    assert leaked(board, IDENTIFIER_FORMS) == []


def test_reordering_by_keyboard_is_kept(qtbot, board, repository):
    board.table.selectRow(0)
    press(qtbot, Key.Key_Down, Ctrl)
    assert agenda_of(board) == ["BRD-002", "BRD-001", "BRD-003"]
    press(qtbot, Key.Key_Down, Ctrl)
    assert agenda_of(board) == ["BRD-002", "BRD-003", "BRD-001"]
    assert board.selected_row() == 2  # the moved case stays selected
    press(qtbot, Key.Key_Up, Ctrl)
    assert agenda_of(board) == ["BRD-002", "BRD-001", "BRD-003"]
    assert repository.agenda(BOARD_DATE) == ["BRD-002", "BRD-001", "BRD-003"]
    again = AgendaWindow(EditingService(repository), today=date(2026, 12, 1))
    qtbot.addWidget(again)
    assert agenda_of(again) == ["BRD-002", "BRD-001", "BRD-003"]


def test_adding_and_taking_off_cases(qtbot, board, repository, prompts):
    other_date = date(2026, 12, 10)
    repository.import_cases(
        [Case(reference="OTH-001", board_date=other_date, patient_name="Other Person")]
    )

    def pick(_parent, candidates):
        assert [c.reference for c in candidates] == ["OTH-001"]
        assert "Other Person" not in candidates[0].text()
        return "OTH-001"

    prompts.reply("pick_case", pick)
    press(qtbot, Key.Key_Insert)
    assert agenda_of(board) == ["BRD-001", "BRD-002", "BRD-003", "OTH-001"]
    assert repository.agenda(BOARD_DATE)[-1] == "OTH-001"
    assert repository.get_case("OTH-001").case.board_date == other_date  # its date is kept

    # A case from another date just leaves the agenda.
    assert board.selected_row() == 3
    press(qtbot, Key.Key_Delete)
    assert agenda_of(board) == ["BRD-001", "BRD-002", "BRD-003"]
    assert repository.get_case("OTH-001").case.board_date == other_date

    # A case dated this board moves to another board date.
    board.table.selectRow(1)
    prompts.reply("ask_date", date(2026, 12, 17))
    press(qtbot, Key.Key_Delete)
    assert agenda_of(board) == ["BRD-001", "BRD-003"]
    assert repository.agenda(BOARD_DATE) == ["BRD-001", "BRD-003"]
    assert repository.get_case("BRD-002").case.board_date == date(2026, 12, 17)
    assert board.date_index(date(2026, 12, 17)) >= 0

    # Cancelling the date leaves everything as it was.
    board.table.selectRow(0)
    prompts.reply("ask_date", None)
    press(qtbot, Key.Key_Delete)
    assert agenda_of(board) == ["BRD-001", "BRD-003"]


def test_moving_a_finalised_case_needs_an_amend_reason(qtbot, board, repository, prompts):
    stored = repository.get_case("BRD-003")
    decision = Decision("not_recommended", "Extrahepatic disease", (), None, BOARD_DATE, True)
    repository.save_case(
        stored.case.with_changes(decision=decision), expected_version=stored.version
    )
    board.table.selectRow(2)
    prompts.reply("ask_date", date(2026, 12, 17))
    prompts.reply("ask_amend_reason", None)
    press(qtbot, Key.Key_Delete)
    assert repository.get_case("BRD-003").case.board_date == BOARD_DATE
    prompts.reply("ask_date", date(2026, 12, 17))
    prompts.reply("ask_amend_reason", "Patient asked to postpone")
    notices = []
    board.editing.notifier.subscribe(notices.append)
    press(qtbot, Key.Key_Delete)
    # Every other view learns of the new date, and of the board's new agenda, from notices.
    assert [(n.references, n.fields) for n in notices if n.case_data_changed] == [
        ({"BRD-003"}, {"board_date"})
    ]
    assert any(n.agenda_changed(BOARD_DATE) for n in notices)
    assert all(n.caused_by(board) for n in notices)
    assert repository.get_case("BRD-003").case.board_date == date(2026, 12, 17)
    assert repository.history("BRD-003")[-1].reason == "Patient asked to postpone"


def test_projection_starts_on_the_selected_case_and_comes_back(qtbot, board):
    board.table.selectRow(1)
    press(qtbot, Key.Key_F5)
    projection = board.projection
    assert projection.reference_label.text() == "BRD-002"
    qtbot.keyClick(projection, Key.Key_Right)
    with qtbot.waitSignal(projection.left):
        qtbot.keyClick(projection, Key.Key_Escape)
    assert board.projection is None
    assert board.selected_row() == 2  # where the board got to


def test_screens_are_offered_and_one_is_chosen(board):
    screens = QtGui.QGuiApplication.screens()
    assert board.screen_combo.count() == len(screens)
    assert board.chosen_screen() in screens


def test_open_board_is_non_modal_and_opened_once(qtbot, editing):
    main = QtWidgets.QMainWindow()
    qtbot.addWidget(main)
    main.show()
    window = open_board(main, editing)
    assert isinstance(window, AgendaWindow)
    assert window.parent() is main
    assert window.isVisible() and not window.isModal()
    assert open_board(main, editing) is window
    window.close()


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def test_export_one_pdf_per_case_de_identified(qtbot, board, prompts, tmp_path):
    pytest.importorskip("pypdf")
    folder = tmp_path / "pdfs"
    folder.mkdir()
    prompts.reply("ask_export_choice", ExportChoice(combined=False, deidentified=True))
    prompts.reply("choose_folder", folder)
    with qtbot.waitSignal(board.export_finished, timeout=60_000) as finished:
        press(qtbot, Key.Key_E, Ctrl)
    assert sorted(p.name for p in folder.iterdir()) == ["BRD-001.pdf", "BRD-002.pdf", "BRD-003.pdf"]
    assert len(finished.args[0]) == 3
    for reference in ("BRD-001", "BRD-002", "BRD-003"):
        path = folder / f"{reference}.pdf"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        text = _pdf_text(path)
        assert reference in text
        assert MRN not in text and "778899" not in text
        assert "Ñúñez" not in text and "1950" not in text
    assert "3 PDFs written" in board.status_label.text()
    assert board.progress.isHidden()


def test_export_one_combined_pdf(qtbot, board, prompts, tmp_path):
    pytest.importorskip("pypdf")
    target = tmp_path / "board"
    prompts.reply("ask_export_choice", ExportChoice(combined=True, deidentified=False))
    prompts.reply("choose_save_file", target)
    with qtbot.waitSignal(board.export_finished, timeout=60_000):
        press(qtbot, Key.Key_E, Ctrl)
    path = tmp_path / "board.pdf"
    text = _pdf_text(path)
    for reference in ("BRD-001", "BRD-002", "BRD-003"):
        assert reference in text
    assert MRN in text  # not de-identified: this file is for the record, and says who


def test_each_pdf_prints_the_audit_head_of_the_version_it_prints(
    qtbot, board, repository, prompts, tmp_path, monkeypatch
):
    # Someone saves each case just after the export has read it: the head printed beside
    # a case must be the one of the version printed, not of the one saved in between.
    pytest.importorskip("pypdf")
    session = board.session
    read = session.load
    printed = {}

    def load_then_changed_elsewhere(reference):
        state = read(reference)
        if reference not in printed:
            printed[reference] = (state.audit_head, state.audit_count)
            stored = repository.get_case(reference)
            repository.save_case(
                stored.case.with_changes(ecog=3 if stored.case.ecog != 3 else 2),
                expected_version=stored.version,
                amend_reason="corrected after the board",
            )
        return state

    monkeypatch.setattr(session, "load", load_then_changed_elsewhere)
    folder = tmp_path / "pdfs"
    folder.mkdir()
    prompts.reply("ask_export_choice", ExportChoice(combined=False, deidentified=True))
    prompts.reply("choose_folder", folder)
    with qtbot.waitSignal(board.export_finished, timeout=60_000):
        board.export_pdfs()
    assert sorted(printed) == ["BRD-001", "BRD-002", "BRD-003"]
    for reference, (head, count) in printed.items():
        text = " ".join(_pdf_text(folder / f"{reference}.pdf").split())
        noun = "entry" if count == 1 else "entries"
        assert f"Audit trail {head[:12]} · {count} {noun}" in text
        newer = repository.get_case(reference)
        assert newer.audit_count == count + 1
        assert newer.audit_head[:12] not in text


@pytest.mark.parametrize("suffix", [".csv", ".md", ".txt"])
def test_agenda_summary(qtbot, board, repository, prompts, tmp_path, suffix):
    stored = repository.get_case("BRD-002")
    decision = Decision(
        "further_workup",
        "=MAA first",
        ("Ada Lovelace (Surgery)", "Grace Hopper (Radiology)"),
        "Radiology disagrees",
        BOARD_DATE,
        True,
    )
    repository.save_case(
        stored.case.with_changes(decision=decision), expected_version=stored.version
    )
    target = tmp_path / f"summary{suffix}"
    prompts.reply("choose_save_file", target)
    with qtbot.waitSignal(board.summary_written):
        press(qtbot, Key.Key_E, Ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = target.read_text(encoding="utf-8")
    for form in IDENTIFIER_FORMS:
        assert form not in text
    for expected in (
        "BRD-001",
        "BRD-002",
        "BRD-003",
        "Further work-up needed",
        "Radiology disagrees",
    ):
        assert expected in text
    if suffix == ".csv":
        rows = list(csv.DictReader(text.splitlines()))
        assert [r["Reference"] for r in rows] == ["BRD-001", "BRD-002", "BRD-003"]
        assert rows[1]["Rationale"] == "'=MAA first"  # a spreadsheet must not run it
        assert rows[1]["Attendees"] == "Ada Lovelace (Surgery); Grace Hopper (Radiology)"
        assert rows[0]["Decision"] == "No decision"


def test_a_stale_stored_headline_is_assessed_afresh_and_a_gone_case_is_named(
    board, repository, editing, backend
):
    from sqlalchemy import create_engine, text

    # As if an older TAREaid had saved BRD-002 into a shared database with its own
    # headline: the agenda shows the case as this TAREaid assesses it.
    _scheme, _, rest = backend.partition("://")
    url = f"postgresql+psycopg://{rest}" if rest else f"sqlite:///{backend}"
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(
                text(
                    "UPDATE case_record SET headline = 'An older headline', "
                    "assessed_with = 'older' WHERE reference = 'BRD-002'"
                )
            )
    finally:
        engine.dispose()
    board.session.references.append("GONE-009")  # taken out of the store meanwhile
    board._refresh_rows()
    rows = [board.model.row_at(r) for r in range(board.model.rowCount())]
    assert [row.reference for row in rows] == ["BRD-001", "BRD-002", "BRD-003", "GONE-009"]
    assert rows[1].headline != "An older headline"
    assert rows[1].headline == editing.load("BRD-002").assessment.headline
    assert (rows[3].headline, rows[3].decision) == ("(case not found)", "")
