"""The board's PDF export runs on a worker thread: a bug there reaches the unexpected-error
dialog with its traceback, an environment problem gets its message, and the window goes on."""

from __future__ import annotations

from datetime import date

import pytest

from tareaid.ui.board.agenda_window import AgendaWindow
from tareaid.ui.board.export_dialog import ExportChoice


@pytest.fixture
def board(qtbot, editing, prompts):
    window = AgendaWindow(editing, today=date(2026, 12, 1))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _export_with(board, prompts, qtbot, folder, monkeypatch, error):
    def fail(*_args, **_kwargs):
        raise error

    monkeypatch.setattr("tareaid.report.build_report", fail)
    folder.mkdir()
    prompts.reply("ask_export_choice", ExportChoice(combined=False, deidentified=True))
    prompts.reply("choose_folder", folder)
    board.export_pdfs()
    assert board.progress.isVisible()
    qtbot.waitUntil(board.progress.isHidden, timeout=30_000)


def test_a_bug_in_the_pdf_export_shows_the_unexpected_error_dialog(
    board, prompts, bug_reports, qtbot, tmp_path, monkeypatch
):
    _export_with(board, prompts, qtbot, tmp_path / "pdfs", monkeypatch, RuntimeError("boom"))
    ((args, _kwargs),) = bug_reports.called("show_unexpected_error")
    parent, title, text, details = args
    assert parent is board
    assert title == "Unexpected error"
    assert text.startswith("Exporting the PDFs: ")
    assert "Traceback (most recent call last):" in details
    assert details.rstrip().endswith("RuntimeError: boom")
    assert "boom" not in board.status_label.text()  # a bug is not a status line
    assert not prompts.called("show_message")
    assert board.isVisible() and board.export_button.isEnabled()


def test_an_environment_problem_in_the_pdf_export_gets_its_message(
    board, prompts, bug_reports, qtbot, tmp_path, monkeypatch
):
    folder = tmp_path / "pdfs"
    full = OSError(28, "No space left on device", str(folder / "BRD-001.pdf"))
    _export_with(board, prompts, qtbot, folder, monkeypatch, full)
    ((args, _kwargs),) = prompts.called("show_message")
    assert args[1] == "Export stopped"
    assert f"{folder / 'BRD-001.pdf'}: No space left on device" in args[2]
    assert board.status_label.text().startswith("Export stopped: ")
    assert not bug_reports.called("show_unexpected_error")
