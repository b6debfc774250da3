"""Tumour-board mode: board sessions, the projection view and decision recording.

``open_board(main_window, repository)`` is the one entry point the main window uses
(Board › Run tumour board…, Ctrl+B); it also gives the board's windows their F1 help.
Modules:

- ``session``: the board date, its ordered agenda and the current case (no Qt);
- ``agenda_window``: the coordinator's window (agenda, screen, projection, exports);
- ``projection``: the full-screen, keyboard-driven view on the projector;
- ``decision_panel``: recording the board's decision;
- ``summary`` and ``export``: what is written after the board;
- ``prompts``: every modal question, behind functions tests replace.
"""

from __future__ import annotations

from typing import Any

from tareaid.ui.qt import Qt, QtWidgets


def open_board(main_window: QtWidgets.QWidget | None, repository: Any) -> QtWidgets.QWidget:
    """Open (or bring forward) the board window, non-modal, parented to the main window."""
    from tareaid.ui.board.agenda_window import AgendaWindow

    if main_window is not None:
        for window in main_window.findChildren(AgendaWindow):
            if window.repository is repository and window.isVisible():
                window.raise_()
                window.activateWindow()
                return window
    window = AgendaWindow(repository, parent=main_window)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    add_board_help(window)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def add_board_help(window: Any) -> None:
    """F1 in the agenda window and in the projection opens the tumour-board help, on the
    coordinator's screen (never on the projector)."""
    from tareaid.ui.help_window import install_help_key

    install_help_key(window, "agenda")

    def on_projection_started() -> None:
        if window.projection is not None:
            install_help_key(window.projection, "projection", near=window)

    window.projection_started.connect(on_projection_started)
