"""Tumour-board mode: board sessions, the projection view and decision recording.

``open_board(main_window, editing)`` is the one entry point the main window uses
(Board › Run tumour board…, Ctrl+B); it also gives the board's windows their F1 help. The
board's session logic (agenda order, the case on the wall, its changes) lives below Qt in
``tareaid.app.board``, with the agenda summary and the choice of key evidence beside it.
Modules:

- ``agenda_window``: the coordinator's window (agenda, screen, projection, exports);
- ``projection``: the full-screen, keyboard-driven view on the projector, made of
  ``header`` (reference, headline, evidence context), ``checklist_grid`` (the framework's
  grid and the selected factor in full), ``flags_strip`` (work-up alerts by severity,
  evidence gaps), ``evidence_panel`` (E) and ``trials_panel`` (T);
- ``fit_label``, ``text_table``, ``look``, ``marks``, ``wall_controls``: how text, tables,
  colours, status marks and dialog controls are fitted to the wall;
- ``decision_panel``: recording the board's decision;
- ``export``: the PDFs written after the board;
- ``preferences``: the main window's preferences the wall follows (the bilirubin unit);
- ``prompts``: every modal question, behind functions tests replace.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tareaid.ui.qt import Qt, QtWidgets

if TYPE_CHECKING:
    from tareaid.app.editing import EditingService


def open_board(main_window: QtWidgets.QWidget | None, editing: EditingService) -> QtWidgets.QWidget:
    """Open (or bring forward) the board window, non-modal, parented to the main window."""
    from tareaid.ui.board.agenda_window import AgendaWindow

    if main_window is not None:
        for window in main_window.findChildren(AgendaWindow):
            if window.editing is editing and window.isVisible():
                window.raise_()
                window.activateWindow()
                return window
    window = AgendaWindow(editing, parent=main_window)
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
