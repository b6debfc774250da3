"""Menus: every frequent action has a shortcut; the board hook; help."""

from __future__ import annotations

import pytest

import tareaid.ui.board
from tareaid.domain.case import Case
from tareaid.ui.case_pane import DECISION_TAB
from tareaid.ui.checklist import SUMMARY_STEP
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
    assert calls == [(window, window.editing)]
    assert window.current_reference() == "CRLM-001"


def test_keyboard_shortcuts(window, dialogs):
    window.action("shortcuts").trigger()
    ((shortcuts, _),) = dialogs.called("show_info")
    assert "Ctrl+N" in shortcuts[2] and "New case" in shortcuts[2]
    assert "F1" in shortcuts[2] and "Help for where you are" in shortcuts[2]


def test_the_help_menu_holds_help_diagnostics_licences_and_about(window):
    (help_menu,) = [
        action.menu()
        for action in window.menuBar().actions()
        if action.text().replace("&", "") == "Help"
    ]
    names = [action.objectName() for action in help_menu.actions() if not action.isSeparator()]
    assert names == [
        "action_help",
        "action_shortcuts",
        "action_diagnostics",
        "action_licences",
        "action_about",
    ]
    assert window.action("help").shortcut().toString() == "F1"
    assert window.action("evidence").shortcuts() == [QtGui.QKeySequence("Ctrl+3")]


def _mnemonic(text):
    sequence = QtGui.QKeySequence.mnemonic(text)
    return sequence.toString() if not sequence.isEmpty() else None


def _visible_mnemonics(window):
    from tareaid.ui.qt import QtWidgets

    found = []
    for menu_action in window.menuBar().actions():
        found.append((_mnemonic(menu_action.text()), f"menu {menu_action.text()}"))
    for widget in window.findChildren(QtWidgets.QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QtWidgets.QAbstractButton) or (
            isinstance(widget, QtWidgets.QLabel) and widget.buddy() is not None
        ):
            found.append((_mnemonic(widget.text()), widget.text()))
    return [(key, text) for key, text in found if key]


def _assert_unique(found):
    seen = {}
    for key, text in found:
        assert key not in seen, f"{key} is both {seen[key]!r} and {text!r}"
        seen[key] = text


# The shortcut and mnemonic checks run in every shipped language: a translation keeps each
# Alt-letter (written "文件(&F)" in Chinese) and never changes a shortcut.
LANGUAGES = pytest.mark.parametrize("interface_language", ["en", "zh_CN"])


@LANGUAGES
def test_no_two_actions_share_a_shortcut(window):
    seen = {}
    for name, action in window.actions_by_name.items():
        for sequence in action.shortcuts():
            key = sequence.toString()
            assert key not in seen, f"{key} is both {seen[key]} and {name}"
            seen[key] = name


@LANGUAGES
def test_visible_mnemonics_are_unique(window, repository, qtbot, other_repository):
    repository.create_case(Case(reference="CRLM-001"))
    window.model.reload()
    window.list_pane.select("CRLM-001")
    window.list_pane.new_case_bar.start()
    _assert_unique(_visible_mnemonics(window))
    window.list_pane.new_case_bar.cancel()
    window.case_pane.checklist.go_to(SUMMARY_STEP)
    _assert_unique(_visible_mnemonics(window))
    window.case_pane.checklist.go_to(0)
    # Each banner with the checklist step behind it.
    theirs = other_repository.get_case("CRLM-001")
    other_repository.save_case(theirs.case.with_changes(ecog=1), expected_version=theirs.version)
    window.session.set_field("ecog", 2)
    window.session.save_now()
    assert window.case_pane.banner.kind == "conflict"
    _assert_unique(_visible_mnemonics(window))
    window.case_pane.banner.buttons[0].click()  # Reload
    window.case_pane._on_save_failed("disk full")
    _assert_unique(_visible_mnemonics(window))
    window.case_pane._on_lock_detected("finalised")
    _assert_unique(_visible_mnemonics(window))
    # The same banners with the Decision tab behind them.
    window.case_pane.show_tab(DECISION_TAB)
    _assert_unique(_visible_mnemonics(window))
    window.case_pane._on_save_failed("disk full")
    _assert_unique(_visible_mnemonics(window))
    window.case_pane._on_conflict_detected("changed")
    _assert_unique(_visible_mnemonics(window))
    window.case_pane.banner.show_message("archived", "archived", [("Re&store", lambda: None)])
    _assert_unique(_visible_mnemonics(window))
