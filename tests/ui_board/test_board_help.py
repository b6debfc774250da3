"""F1 in the board's windows opens the tumour-board help, never on the projector."""

from __future__ import annotations

from datetime import date

from tareaid.ui.board import add_board_help
from tareaid.ui.board.agenda_window import AgendaWindow
from tareaid.ui.help_window import HelpWindow
from tareaid.ui.qt import Qt, QtGui


def help_key(window) -> QtGui.QAction:
    action = window.findChild(QtGui.QAction, "action_context_help")
    assert action is not None
    assert action.shortcut() == QtGui.QKeySequence("F1")
    assert action.shortcutContext() == Qt.ShortcutContext.WindowShortcut
    assert action in window.actions()
    return action


def test_f1_in_the_agenda_window_and_in_the_projection(qtbot, editing, prompts):
    board = AgendaWindow(editing, today=date(2026, 12, 1))
    qtbot.addWidget(board)
    add_board_help(board)
    board.show()

    help_key(board).trigger()
    # Without a main window the help window belongs to the board itself.
    help_window = board.findChild(HelpWindow)
    assert help_window is not None and help_window.isVisible()
    assert help_window.browser.current_page() == "board.html"
    assert help_window.browser.source().fragment() == "agenda"
    help_window.close()

    board.start_projection()
    projection = board.projection
    assert projection is not None and projection.isVisible()
    help_key(projection).trigger()
    assert board.findChildren(HelpWindow) == [help_window]  # one help window, reused
    assert help_window.isVisible()
    assert help_window.browser.source().fragment() == "projection"
    assert help_window.screen() is board.screen()
    assert projection.isVisible()  # the projection stays where it is
    # Starting the projection again does not add a second F1.
    projection.close()
    board.start_projection()
    assert len([a for a in board.projection.actions() if a.shortcut().toString() == "F1"]) == 1
    board.projection.close()
