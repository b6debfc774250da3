"""Menus: every frequent action has a shortcut; the board hook; help."""

from __future__ import annotations

import tareaid.ui.board
from tareaid.domain.case import Case
from tareaid.ui.main_window import SHORTCUTS
from tareaid.ui.qt import Qt, QtGui


def test_menus_hold_the_actions_with_their_shortcuts(window):
    menus = {
        menu.title().replace("&", ""): menu
        for menu in window.menuBar().findChildren(type(window.recent_menu))
        if menu.title()
    }
    assert {"File", "Edit", "View", "Case", "Board", "Help"} <= set(menus)
    shortcuts = {
        action.objectName(): action.shortcut().toString(
            QtGui.QKeySequence.SequenceFormat.PortableText
        )
        for action in window.actions_by_name.values()
    }
    assert shortcuts["action_new_case"] == "Ctrl+N"
    assert shortcuts["action_duplicate_case"] == "Ctrl+D"
    assert shortcuts["action_archive_case"] == "Del"
    assert shortcuts["action_export_pdf"] == "Ctrl+P"
    assert shortcuts["action_open_database"] == "Ctrl+O"
    assert shortcuts["action_undo"] == "Ctrl+Z"
    assert shortcuts["action_find"] == "Ctrl+F"
    assert shortcuts["action_checklist"] == "Ctrl+1"
    assert shortcuts["action_board"] == "Ctrl+B"
    # The documented list matches the actions.
    documented = dict(SHORTCUTS)
    assert documented["New case"] == "Ctrl+N"
    assert documented["Run tumour board"] == "Ctrl+B"


def test_ctrl_b_opens_the_tumour_board(window, qtbot, monkeypatch, repository):
    calls = []
    monkeypatch.setattr(tareaid.ui.board, "open_board", lambda *args: calls.append(args))
    repository.create_case(Case(reference="CRLM-001"))
    window.model.reload()
    window.list_pane.select("CRLM-001")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.list_pane.table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert calls == [(window, window.repository)]
    assert window.current_reference() == "CRLM-001"


def test_keyboard_shortcuts_and_about(window, dialogs):
    window.action("shortcuts").trigger()
    window.action("about").trigger()
    (shortcuts, _), (about, _) = dialogs.called("show_info")
    assert "Ctrl+N" in shortcuts[2] and "New case" in shortcuts[2]
    assert "2026.11.1" in about[2]
    assert "not a treatment recommendation" in about[2]
