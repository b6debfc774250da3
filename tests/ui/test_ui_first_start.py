"""A new user's first minutes: the empty pane offers a start, Delete can be undone, a new case
starts at the top, a written PDF can be opened, "Saved" means saved."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tareaid.domain.case import Case
from tareaid.ui.case_pane import CHECKLIST_TAB, EDITOR_TAB
from tareaid.ui.dialogs import PdfOptions
from tareaid.ui.qt import Qt, QtWidgets


def _wait_idle(window, qtbot):
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=20_000)


def test_an_empty_database_offers_the_demo_cases(window, repository, qtbot):
    page = window.case_pane.start_page
    qtbot.waitUntil(page.demo_button.isVisible)
    assert not page.boards_box.isVisible() and not page.recent_box.isVisible()

    qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    assert repository.count_cases() == 12
    assert window.model.total == 12  # the list follows at once
    assert "Added 12 fictional demo cases" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: page.recent_box.isVisible())
    assert not page.demo_button.isVisible()
    # Only references: the demo cases have (fictional) names, which stay hidden.
    texts = [page.recent.item(row).text() for row in range(page.recent.count())]
    assert len(texts) == 6 and all(text.startswith("DEMO-") for text in texts)
    assert not any("fictional" in text for text in texts)

    # Asking again adds nothing.
    window.case_pane.demo_requested.emit()
    assert repository.count_cases() == 12
    assert "already" in window.statusBar().currentMessage()


def test_with_cases_the_empty_pane_lists_the_next_boards_and_recent_cases(
    window, repository, qtbot
):
    today = date.today()
    soon, later, past = today + timedelta(days=3), today + timedelta(days=10), today - timedelta(7)
    for reference, board in (
        ("CRLM-B2", soon),
        ("CRLM-B1", soon),
        ("CRLM-C1", later),
        ("CRLM-OLD", past),
    ):
        repository.create_case(Case(reference=reference, board_date=board))
    repository.set_agenda(soon, ["CRLM-B2", "CRLM-B1"])
    window.model.reload()
    page = window.case_pane.start_page
    page.refresh()
    assert not page.demo_button.isVisible()
    boards = [page.boards.item(row).text() for row in range(page.boards.count())]
    assert boards[0].startswith(f"{soon.isoformat()} (") and boards[0].endswith("· 2 cases")
    assert boards[1].startswith(later.isoformat()) and boards[1].endswith("· 1 case")
    assert len(boards) == 2  # a past board is not "next"

    # A board opens its first case on the agenda; a recent case opens itself.
    page.boards.setCurrentRow(0)
    page.boards.itemActivated.emit(page.boards.item(0))
    assert window.current_reference() == "CRLM-B2"
    assert window.list_pane.current_reference() == "CRLM-B2"
    window.session.close()
    page.refresh()
    recent = [page.recent.item(row).text() for row in range(page.recent.count())]
    assert {text.split(" · ")[0] for text in recent} == {
        "CRLM-B1",
        "CRLM-B2",
        "CRLM-C1",
        "CRLM-OLD",
    }
    row = next(i for i, text in enumerate(recent) if text.startswith("CRLM-OLD "))
    page.recent.itemActivated.emit(page.recent.item(row))
    assert window.current_reference() == "CRLM-OLD"


def test_delete_in_the_list_can_be_undone(window, repository, qtbot):
    for reference in ("CRLM-001", "CRLM-002"):
        repository.create_case(Case(reference=reference))
    window.model.reload()
    window.list_pane.select("CRLM-001")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.list_pane.table.setFocus()
    qtbot.keyClick(window.list_pane.table, Qt.Key.Key_Delete)
    assert repository.get_case("CRLM-001").archived
    offer = window.offer
    assert offer.isVisible() and offer.text() == "&Undo"
    assert "Archived CRLM-001" in window.statusBar().currentMessage()

    qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)
    assert not repository.get_case("CRLM-001").archived
    assert window.current_reference() == "CRLM-001"
    assert not offer.isVisible()


def test_the_undo_goes_with_its_message(window, repository):
    repository.create_case(Case(reference="CRLM-001"))
    window.model.reload()
    window.list_pane.select("CRLM-001")
    window.action("archive_case").trigger()
    assert window.offer.isVisible()
    window.statusBar().showMessage("Something else happened.")
    assert not window.offer.isVisible()


def test_a_new_case_opens_at_the_top(window, repository, qtbot):
    repository.create_case(Case(reference="CRLM-001"))
    window.model.reload()
    assert window.open_case("CRLM-001")
    window.case_pane.show_tab(CHECKLIST_TAB)
    step = window.case_pane.checklist.step(0)
    window.resize(1280, 600)  # short enough for the step to scroll
    QtWidgets.QApplication.processEvents()
    step.verticalScrollBar().setValue(step.verticalScrollBar().maximum())
    assert step.verticalScrollBar().value() > 0
    window.case_pane.show_tab(EDITOR_TAB)
    editor = window.case_pane.editor
    editor.verticalScrollBar().setValue(editor.verticalScrollBar().maximum())

    window.action("new_case").trigger()
    qtbot.keyClicks(window.list_pane.new_case_bar.edit, "CRLM-002")
    qtbot.keyClick(window.list_pane.new_case_bar.edit, Qt.Key.Key_Return)
    assert window.current_reference() == "CRLM-002"
    assert window.case_pane.tabs.currentIndex() == CHECKLIST_TAB
    assert step.verticalScrollBar().value() == 0
    assert editor.verticalScrollBar().value() == 0


def test_saved_is_shown_only_after_a_save(window, repository, qtbot):
    repository.create_case(Case(reference="CRLM-001"))
    window.model.reload()
    assert window.open_case("CRLM-001")
    assert window.case_pane.save_state.text() == ""
    window.session.set_field("ecog", 1)
    assert window.case_pane.save_state.text() == "Unsaved changes"
    assert window.session.save_now()
    assert window.case_pane.save_state.text().startswith("Saved ")


@pytest.fixture
def exported_pdf(window, dialogs, qtbot, tmp_path, repository):
    report = pytest.importorskip("tareaid.report")
    if not hasattr(report, "build_report"):
        pytest.skip("the report package has no build_report yet")
    repository.create_case(Case(reference="PDF-1", ecog=1))
    window.model.reload()
    assert window.open_case("PDF-1")
    path = tmp_path / "PDF-1.pdf"
    dialogs.reply("ask_pdf_options", PdfOptions(deidentified=True, page_size="A4"))
    dialogs.reply("choose_save_file", str(path))
    window.action("export_pdf").trigger()
    _wait_idle(window, qtbot)
    assert path.read_bytes().startswith(b"%PDF")
    return path


def test_after_a_pdf_export_the_file_can_be_opened(window, dialogs, qtbot, exported_pdf):
    offer = window.offer
    assert offer.isVisible() and offer.text() == "Open the PDF"
    assert str(exported_pdf) in window.statusBar().currentMessage()
    assert dialogs.called("open_file") == []  # offered, never opened unasked
    qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)
    assert dialogs.called("open_file") == [((str(exported_pdf),), {})]
    assert dialogs.called("show_error") == []


def test_a_pdf_that_cannot_be_opened_is_explained(
    window, dialogs, qtbot, monkeypatch, exported_pdf
):
    from tareaid.ui import dialogs as module

    monkeypatch.setattr(module, "open_file", lambda _path: False)
    qtbot.mouseClick(window.offer, Qt.MouseButton.LeftButton)
    ((args, _kwargs),) = dialogs.called("show_error")
    assert args[1] == "The PDF could not be opened"
    assert str(exported_pdf) in args[2]


def test_alt_u_undoes_the_archive_from_the_keyboard(window, repository, qtbot):
    for reference in ("CRLM-001", "CRLM-002"):
        repository.create_case(Case(reference=reference))
    window.model.reload()
    window.list_pane.select("CRLM-001")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table = window.list_pane.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert repository.get_case("CRLM-001").archived
    qtbot.keyClick(
        QtWidgets.QApplication.focusWidget(), Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier
    )
    # (A mnemonic clicks the button the way a mouse would, after its press animation.)
    qtbot.waitUntil(lambda: not repository.get_case("CRLM-001").archived)
    assert window.current_reference() == "CRLM-001"
