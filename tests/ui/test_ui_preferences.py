"""Preferences and window state are remembered; the theme follows the user's choice."""

from __future__ import annotations

from tareaid.domain.case import Case
from tareaid.ui import theme
from tareaid.ui.qt import QtGui, QtWidgets
from tareaid.ui.settings import Settings
from tareaid.ui.tiers import is_dark


def test_identifiers_are_hidden_by_default(window):
    assert window.action("show_identifiers").isChecked() is False
    assert window.model.columnCount() == 6


def test_dark_theme_recolours_tiers(window, repository, qtbot):
    repository.create_case(Case(reference="CRLM-001", ecog=4))
    window.model.reload()
    window.list_pane.select("CRLM-001")
    label = window.case_pane.checklist.steps[5].derived
    light = label.palette().color(QtGui.QPalette.ColorRole.WindowText).name()
    try:
        window.action("theme_dark").trigger()
        app = QtWidgets.QApplication.instance()
        assert is_dark(app.palette())
        assert Settings().theme() == "dark"
        qtbot.waitUntil(
            lambda: label.palette().color(QtGui.QPalette.ColorRole.WindowText).name() != light
        )
        dark = label.palette().color(QtGui.QPalette.ColorRole.WindowText)
        assert dark.lightness() > 128  # light text on the dark background
        assert label.text() == "▼ Against TARE"
    finally:
        theme.apply_theme(QtWidgets.QApplication.instance(), "light")


def test_window_state_and_list_options_are_remembered(window, db_path, qtbot):
    from tareaid.domain.evidence import load_pack
    from tareaid.ui.database import open_plainly
    from tareaid.ui.main_window import MainWindow

    window.action("show_archived").trigger()
    window.splitter.setSizes([300, 1000])
    window.close()
    stored = Settings()
    assert stored.window_geometry() is not None
    splitter_state = stored.splitter_state()
    assert splitter_state is not None

    again = MainWindow(open_plainly(str(db_path)), Settings(), load_pack())
    qtbot.addWidget(again)
    # Sizes themselves depend on the screen the window is restored to; the state must match.
    assert again.splitter.saveState() == splitter_state
    again.show()
    qtbot.waitExposed(again)
    assert again.action("show_archived").isChecked()
    assert again.list_pane.show_archived_box.isChecked()
    assert again.model.include_archived
    assert Settings().recent_databases()[0] == str(db_path)
    again.close()
