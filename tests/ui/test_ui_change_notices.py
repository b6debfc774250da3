"""Change notices in the windows: the Qt bridge, and views that follow changes made elsewhere.

No window tells another to refresh: each view follows the editing service's notices, so a
tier set on the projector reaches the main window's open case and list row, and an edit in
the main window reaches the agenda and the wall.
"""

from __future__ import annotations

import threading
from datetime import date

import pytest

from tareaid.app.changes import ChangeNotice, ChangeNotifier
from tareaid.domain.case import Case, Override
from tareaid.ui.changes import ChangeBridge
from tareaid.ui.qt import Qt, QtCore

BOARD = date(2026, 12, 3)


# The bridge ---------------------------------------------------------------------------------


def test_the_bridge_delivers_every_notice_on_the_gui_thread(qtbot):
    notifier = ChangeNotifier()
    bridge = ChangeBridge(notifier)
    received = []
    bridge.published.connect(lambda notice: received.append((notice, threading.get_ident())))
    gui = threading.get_ident()

    here = ChangeNotice(references=frozenset({"CRLM-001"}), fields=frozenset({"ecog"}))
    notifier.publish(here)
    assert received == [(here, gui)]  # at once: the view is current when the call returns

    there = ChangeNotice.from_elsewhere(["CRLM-002"])
    worker = threading.Thread(target=notifier.publish, args=(there,))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(received) == 2)
    assert received[1] == (there, gui)  # queued to the GUI thread, never run on the worker


def test_a_bridge_follows_one_notifier_and_nothing_once_stopped(qtbot):
    first, second = ChangeNotifier(), ChangeNotifier()
    bridge = ChangeBridge(first)
    received = []
    bridge.published.connect(received.append)
    bridge.listen_to(second)
    assert (first.listener_count, second.listener_count) == (0, 1)
    first.publish(ChangeNotice(archive=True))
    notice = ChangeNotice(created=True)
    second.publish(notice)
    bridge.stop()
    second.publish(ChangeNotice(created=True))
    assert received == [notice]
    assert second.listener_count == 0


def test_a_deleted_bridge_leaves_its_notifier(qtbot):
    notifier = ChangeNotifier()
    owner = QtCore.QObject()
    bridge = ChangeBridge(notifier, owner)
    assert notifier.listener_count == 1
    with qtbot.waitSignal(bridge.destroyed):
        owner.deleteLater()
    assert notifier.listener_count == 0
    notifier.publish(ChangeNotice(archive=True))  # nothing left to call into


# The main window and the board --------------------------------------------------------------


@pytest.fixture
def board_prompts(monkeypatch):
    """The board's modal questions, answered without a dialog."""
    from tareaid.ui.board import prompts

    answers = {"ask_reason": "Frail at clinic review", "confirm": True}
    for name, answer in answers.items():
        monkeypatch.setattr(prompts, name, lambda *_args, _answer=answer, **_kwargs: _answer)
    return answers


def _board_on_the_wall(window, qtbot):
    window.action("board").trigger()
    board = window._board_window
    board.choose_board_date(BOARD)
    board.start_projection()
    projection = board.projection
    qtbot.waitExposed(projection)
    return board, projection


def _row(window, reference):
    return window.model.row_at(window.model.row_of(reference))


def test_a_tier_set_on_the_wall_reaches_the_open_case_and_its_list_row(
    window, qtbot, repository, board_prompts, monkeypatch
):
    repository.create_case(
        Case(reference="CRLM-002", board_date=BOARD, metastatic_pattern="liver_only", ecog=1)
    )
    window.model.reload()
    assert window.open_case("CRLM-002")
    window.case_pane.checklist.go_to(5)  # the ECOG step: the user stays there
    # Liver-only disease and ECOG 1 both favour TARE; the other four are unassessed.
    assert (
        _row(window, "CRLM-002").counts["favours"],
        _row(window, "CRLM-002").counts["neutral"],
    ) == (
        2,
        0,
    )
    list_reloads = []
    monkeypatch.setattr(window.model, "reload", lambda: list_reloads.append(True))

    board, projection = _board_on_the_wall(window, qtbot)
    assert projection.reference_label.text() == "CRLM-002"
    projection.select_factor(5)
    qtbot.keyClick(projection, Qt.Key.Key_2)  # ECOG: neutral, with the reason asked for

    stored = repository.get_case("CRLM-002")
    assert stored.case.overrides == {"ecog": Override("neutral", "Frail at clinic review")}
    # The open case shows it, as stored: nothing to save, no conflict waiting.
    session = window.session
    assert session.case.overrides == stored.case.overrides
    assert (session.version, session.dirty, session.in_conflict) == (stored.version, False, False)
    step = window.case_pane.checklist.step(5)
    assert step.override_reason.text() == "Frail at clinic review"
    assert step.tier_used.isVisibleTo(step)
    assert window.case_pane.checklist.current_step == 5
    # The list row is read again in place, without reloading the list.
    row = _row(window, "CRLM-002")
    assert (row.counts["favours"], row.counts["neutral"]) == (1, 1)
    assert list_reloads == []
    # And an edit made here afterwards saves over the board's version, not into a conflict.
    assert session.set_field("age_years", 70)
    assert session.save_now()
    assert repository.get_case("CRLM-002").case.overrides["ecog"].tier == "neutral"
    projection.close()
    board.close()


def test_an_edit_in_the_main_window_reaches_the_agenda_and_the_wall(
    window, qtbot, repository, board_prompts
):
    repository.create_case(
        Case(reference="CRLM-003", board_date=BOARD, metastatic_pattern="liver_only", ecog=1)
    )
    window.model.reload()
    assert window.open_case("CRLM-003")
    board, projection = _board_on_the_wall(window, qtbot)
    assert "ECOG 1" in projection.rows[5].factor.text()
    headline_before = board.model.row_at(0).headline

    assert window.session.set_field("ecog", 3)
    assert window.session.save_now()

    assert "ECOG 3" in projection.rows[5].factor.text()
    assert "THIS CASE" in projection.rows[5].tier_labels["against"].text()
    assert board.model.row_at(0).headline != headline_before
    assert board.model.row_at(0).headline == window.session.assessment.headline
    projection.close()
    board.close()


def test_a_new_board_date_set_in_the_main_window_moves_the_case_between_agendas(
    window, qtbot, repository, board_prompts
):
    repository.create_case(Case(reference="CRLM-004", board_date=BOARD))
    repository.create_case(Case(reference="CRLM-005", board_date=BOARD))
    window.model.reload()
    window.action("board").trigger()
    board = window._board_window
    board.choose_board_date(BOARD)
    assert board.session.references == ["CRLM-004", "CRLM-005"]
    assert window.open_case("CRLM-005")
    assert window.session.set_field("board_date", date(2026, 12, 10))
    assert window.session.save_now()
    assert board.session.references == ["CRLM-004"]
    assert board.date_index(date(2026, 12, 10)) >= 0
    board.close()


def test_a_change_saved_by_another_client_reaches_the_open_case_and_the_list(
    window, qtbot, other_repository
):
    window.editing.create("CRLM-006", origin=None)
    assert window.open_case("CRLM-006")
    theirs = other_repository.get_case("CRLM-006")
    other_repository.save_case(
        theirs.case.with_changes(metastatic_pattern="liver_only"), expected_version=theirs.version
    )
    # A watcher of the database (LISTEN/NOTIFY, PRAGMA data_version) would say so from its
    # own thread, knowing only that something changed.
    watcher = threading.Thread(
        target=window.editing.notifier.publish, args=(ChangeNotice.from_elsewhere(),)
    )
    watcher.start()
    watcher.join()
    qtbot.waitUntil(lambda: window.session.case.metastatic_pattern == "liver_only")
    assert window.session.version == theirs.version + 1
    # The list reads it again on a worker thread (the window never waits for the database).
    qtbot.waitUntil(lambda: _row(window, "CRLM-006").counts["favours"] == 1)


def test_unsaved_edits_are_kept_when_the_case_changes_elsewhere(window, qtbot, repository):
    window.editing.create("CRLM-007", origin=None)
    assert window.open_case("CRLM-007")
    assert window.session.set_field("age_years", 70)  # not saved yet
    window.editing.set_fields("CRLM-007", {"ecog": 2}, expected_version=1)  # the board, say
    assert window.session.case.age_years == 70  # my edit is still there, unsaved
    assert not window.session.save_now()  # and meets the change as a conflict
    assert window.case_pane.banner.kind == "conflict"
    stored = repository.get_case("CRLM-007").case
    assert (stored.ecog, stored.age_years) == (2, None)
    window.case_pane.banner.button("Reload").click()
    assert (window.session.case.ecog, window.session.case.age_years) == (2, None)


def test_a_case_archived_elsewhere_shows_as_archived(window, qtbot, repository):
    window.editing.create("CRLM-008", origin=None)
    assert window.open_case("CRLM-008")
    window.editing.archive("CRLM-008", origin=None)
    assert window.session.archived
    assert window.case_pane.banner.kind == "archived"
    assert not window.case_pane.checklist.step(0).apply_button.isEnabled()
    window.editing.restore("CRLM-008", origin=None)
    assert window.case_pane.banner.kind == ""
    assert window.case_pane.checklist.step(0).apply_button.isEnabled()


def test_switching_database_closes_the_board_and_follows_the_new_one(window, qtbot, tmp_path):
    window.editing.create("OLD-1", origin=None)
    window.action("board").trigger()
    board = window._board_window
    assert board.isVisible()
    old_notifier = window.editing.notifier
    assert window.switch_database(str(tmp_path / "other.db"), create=True)
    assert not board.isVisible()  # it worked on the database that was left
    assert window._board_window is None
    assert window.changes.notifier is window.editing.notifier is not old_notifier
    assert old_notifier.listener_count == 0  # neither the window nor the board listens there
    window.editing.create("NEW-1", origin=None)
    assert [window.model.reference_at(r) for r in range(window.model.rowCount())] == ["NEW-1"]
