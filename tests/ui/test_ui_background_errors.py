"""A bug in any background job reaches the unexpected-error dialog, with its traceback to
copy; an environment problem in the same job gets its message instead, and the window goes
on working."""

from __future__ import annotations

import json
import sys

import pytest

from tareaid.domain.case import Case
from tareaid.store.errors import DatabaseLockedError, DiskFullError
from tareaid.store.repository import Repository
from tareaid.ui.dialogs import PdfOptions

LOCKED = "cases.db: the database is locked by another program; nothing was changed"


def _raise(error: BaseException):
    def fail(*_args, **_kwargs):
        raise error

    return fail


def _wait_idle(window, qtbot):
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=15_000)


def _start_import(window, dialogs, tmp_path):
    path = tmp_path / "cases.json"
    path.write_text(json.dumps({"reference": "IMP-1"}), encoding="utf-8")
    dialogs.reply("choose_open_file", str(path))
    window.action("import").trigger()


def _start_export_json(window, dialogs, tmp_path):
    dialogs.reply("choose_save_file", str(tmp_path / "out.json"))
    window.action("export_json").trigger()


def _start_export_pdf(window, dialogs, tmp_path):
    window.repository.create_case(Case(reference="PDF-1"))
    window.model.reload()
    window.list_pane.select("PDF-1")
    dialogs.reply("ask_pdf_options", PdfOptions(deidentified=True, page_size="A4"))
    dialogs.reply("choose_save_file", str(tmp_path / "PDF-1.pdf"))
    window.action("export_pdf").trigger()


def _start_backup(window, dialogs, tmp_path):
    dialogs.reply("choose_save_file", str(tmp_path / "backup.db"))
    window.action("backup").trigger()


def _start_check(window, dialogs, tmp_path):
    window.action("check").trigger()


# Each task the main window runs in the background: how to start it, the function the
# task calls (made to fail), and the title of its progress dialog.
TASKS = {
    "import": (_start_import, "tareaid.store.repository.Repository.import_cases"),
    "export JSON": (_start_export_json, "tareaid.store.repository.Repository.export_cases"),
    "export PDF": (_start_export_pdf, "tareaid.report.build_report"),
    "backup": (_start_backup, "tareaid.store.repository.Repository.backup"),
    "check": (_start_check, "tareaid.store.repository.Repository.check"),
}


@pytest.mark.parametrize("task", sorted(TASKS))
def test_a_bug_in_a_task_shows_the_unexpected_error_dialog(
    task, window, dialogs, bug_reports, qtbot, tmp_path, monkeypatch
):
    start, target = TASKS[task]
    monkeypatch.setattr(target, _raise(RuntimeError("boom")))
    start(window, dialogs, tmp_path)
    _wait_idle(window, qtbot)
    ((args, _kwargs),) = bug_reports.called("show_unexpected_error")
    _parent, title, text, details = args
    assert title == "Unexpected error"
    assert "bug" in text
    assert "Traceback (most recent call last):" in details
    assert details.rstrip().endswith("RuntimeError: boom")
    assert not dialogs.called("show_error")  # never passed off as the user's or the disk's
    assert window.isVisible()


@pytest.mark.parametrize("task", sorted(TASKS))
def test_an_environment_problem_in_a_task_gets_its_message(
    task, window, dialogs, bug_reports, qtbot, tmp_path, monkeypatch
):
    start, target = TASKS[task]
    monkeypatch.setattr(target, _raise(DatabaseLockedError(LOCKED)))
    start(window, dialogs, tmp_path)
    _wait_idle(window, qtbot)
    ((args, _kwargs),) = dialogs.called("show_error")
    assert LOCKED in args[2]
    assert not bug_reports.called("show_unexpected_error")


def test_a_disk_error_writing_the_pdf_is_the_environment(
    window, dialogs, bug_reports, qtbot, tmp_path, monkeypatch
):
    monkeypatch.setattr(
        "tareaid.report.write_report",
        _raise(OSError(28, "No space left on device", str(tmp_path / "PDF-1.pdf"))),
    )
    _start_export_pdf(window, dialogs, tmp_path)
    _wait_idle(window, qtbot)
    ((args, _kwargs),) = dialogs.called("show_error")
    assert f"{tmp_path / 'PDF-1.pdf'}: No space left on device" in args[2]
    assert "The PDF was not written" in args[2]
    assert not bug_reports.called("show_unexpected_error")


# --- background calls: the search as you type, the integrity check after opening ----------


def test_a_bug_in_the_background_search_shows_the_unexpected_error_dialog(
    window, bug_reports, qtbot, monkeypatch
):
    monkeypatch.setattr(Repository, "count_cases", _raise(RuntimeError("boom")))
    window.model.search_in_background("CRLM")
    qtbot.waitUntil(lambda: bool(bug_reports.called("show_unexpected_error")))
    ((args, _kwargs),) = bug_reports.called("show_unexpected_error")
    assert args[3].rstrip().endswith("RuntimeError: boom")
    assert "could not be done" not in window.statusBar().currentMessage()


def test_an_environment_problem_in_the_background_search_is_a_status_message(
    window, bug_reports, qtbot, monkeypatch
):
    monkeypatch.setattr(Repository, "count_cases", _raise(DatabaseLockedError(LOCKED)))
    with qtbot.waitSignal(window.model.search_failed):
        window.model.search_in_background("CRLM")
    assert window.statusBar().currentMessage() == f"The search could not be done: {LOCKED}"
    assert not bug_reports.called("show_unexpected_error")


def _open_in_a_new_window(qtbot, db_path):
    from tareaid.domain.evidence import load_pack
    from tareaid.ui.database import open_plainly
    from tareaid.ui.main_window import MainWindow
    from tareaid.ui.settings import Settings

    main = MainWindow(open_plainly(str(db_path)), Settings(), load_pack())
    qtbot.addWidget(main)
    main.show()  # starts the integrity check on a worker thread
    qtbot.waitExposed(main)
    return main


def test_a_bug_in_the_integrity_check_shows_the_unexpected_error_dialog(
    qtbot, dialogs, bug_reports, db_path, monkeypatch
):
    from tareaid.store import sqlite_file

    monkeypatch.setattr(sqlite_file, "integrity_problems", _raise(RuntimeError("boom")))
    main = _open_in_a_new_window(qtbot, db_path)
    qtbot.waitUntil(lambda: bool(bug_reports.called("show_unexpected_error")))
    ((args, _kwargs),) = bug_reports.called("show_unexpected_error")
    assert args[3].rstrip().endswith("RuntimeError: boom")
    assert not dialogs.calls  # not taken for a damaged database: no ways out offered
    assert main.isVisible()


def test_an_environment_problem_in_the_integrity_check_is_a_status_message(
    qtbot, dialogs, bug_reports, db_path, monkeypatch
):
    from tareaid.store import sqlite_file

    monkeypatch.setattr(sqlite_file, "integrity_problems", _raise(DiskFullError("disk full")))
    main = _open_in_a_new_window(qtbot, db_path)
    message = "The database could not be checked yet: disk full"
    qtbot.waitUntil(lambda: main.statusBar().currentMessage() == message)
    assert not bug_reports.called("show_unexpected_error")
    assert not dialogs.calls


# --- slots and timers ---------------------------------------------------------------------


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_timer_slot_shows_the_unexpected_error_dialog(
    window, repository, bug_reports, qtbot, monkeypatch
):
    from tareaid.ui.failures import install_bug_hook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    install_bug_hook(window)
    repository.create_case(Case(reference="CRLM-001"))
    window.model.reload()
    window.list_pane.select("CRLM-001")
    real_save = Repository.save_case
    failures = [RuntimeError("boom")]

    def save_once_with_a_bug(*args, **kwargs):
        if failures:
            raise failures.pop()
        return real_save(*args, **kwargs)

    monkeypatch.setattr(Repository, "save_case", save_once_with_a_bug)
    window.session.set_field("ecog", 1)  # the autosave timer saves it a moment later
    qtbot.waitUntil(lambda: bool(bug_reports.called("show_unexpected_error")), timeout=5_000)
    ((args, _kwargs),) = bug_reports.called("show_unexpected_error")
    assert args[0] is window
    assert args[3].rstrip().endswith("RuntimeError: boom")
    assert window.isVisible()


def test_an_environment_problem_in_the_autosave_is_a_status_message(
    window, repository, bug_reports, qtbot, monkeypatch
):
    repository.create_case(Case(reference="CRLM-001"))
    window.model.reload()
    window.list_pane.select("CRLM-001")
    real_save = Repository.save_case
    failures = [DatabaseLockedError(LOCKED)]

    def save_once_locked(*args, **kwargs):
        if failures:
            raise failures.pop()
        return real_save(*args, **kwargs)

    monkeypatch.setattr(Repository, "save_case", save_once_locked)
    window.session.set_field("ecog", 1)  # the autosave timer saves it a moment later
    qtbot.waitUntil(lambda: not failures, timeout=5_000)
    assert window.statusBar().currentMessage() == f"Not saved: {LOCKED}"
    assert not bug_reports.called("show_unexpected_error")


# --- the dialog itself ----------------------------------------------------------------------


def test_the_unexpected_error_dialog_shows_the_traceback_and_copies_it(qtbot):
    from tareaid.ui.dialogs import UnexpectedErrorDialog
    from tareaid.ui.failures import bug_details
    from tareaid.ui.qt import Qt, QtGui, QtWidgets

    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        details = bug_details(error)
    assert details.startswith("TAREaid ")
    assert "Traceback (most recent call last):" in details

    dialog = UnexpectedErrorDialog(None, "Unexpected error", "Something went wrong.", details)
    qtbot.addWidget(dialog)
    view = dialog.details_view
    assert view.toPlainText() == details
    assert view.isReadOnly()
    assert view.lineWrapMode() == QtWidgets.QPlainTextEdit.LineWrapMode.NoWrap
    assert QtGui.QFontInfo(view.font()).fixedPitch()
    assert dialog.copy_button.text() == "&Copy details"

    QtWidgets.QApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QtWidgets.QApplication.clipboard().text() == details
