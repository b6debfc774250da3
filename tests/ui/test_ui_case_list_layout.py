"""The case list at the sizes clinics use: narrow count columns, the headline in view, and a
click on the scroll bar that opens nothing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtTest import QTest

from tareaid.ui.case_list_model import AGAINST, FAVOURS, HEADLINE, NEUTRAL
from tareaid.ui.qt import Qt, QtCore, QtWidgets

COUNTS = (FAVOURS, NEUTRAL, AGAINST)


@pytest.fixture
def sized_window(qtbot, db_path, repository, dialogs) -> Iterator[Any]:
    """make(width, height): the main window at that size, on the demo cases, first run."""
    from tareaid.domain.evidence import load_pack
    from tareaid.ui import theme
    from tareaid.ui.app import make_application
    from tareaid.ui.database import open_plainly
    from tareaid.ui.main_window import MainWindow
    from tareaid.ui.settings import Settings

    assert repository.add_demo_cases() > 0
    windows = []

    def make(width: int, height: int) -> Any:
        app = make_application()
        theme.apply_theme(app, "light")
        main = MainWindow(open_plainly(str(db_path)), Settings(), load_pack())
        qtbot.addWidget(main)
        main.resize(width, height)
        main.show()
        qtbot.waitExposed(main)
        windows.append(main)
        return main

    yield make
    for main in windows:
        if main.isVisible():
            main.close()


def _section(window, key: str) -> tuple[int, int]:
    header = window.list_pane.table.horizontalHeader()
    column = window.model.column_of(key)
    return header.sectionViewportPosition(column), header.sectionSize(column)


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1920, 1080), (1280, 720)])
def test_count_columns_are_narrow_and_the_headline_is_in_view(sized_window, width, height):
    window = sized_window(width, height)
    table = window.list_pane.table
    viewport = table.viewport().width()
    metrics = table.fontMetrics()
    em = metrics.horizontalAdvance("M")
    for key in COUNTS:
        _left, size = _section(window, key)
        # Room for "▲ 6" and the header's sort arrow, not 90 px for one digit.
        assert metrics.horizontalAdvance("▼ 6") < size <= 6 * em, (key, size)
    left, size = _section(window, HEADLINE)
    assert left + size <= viewport  # the whole headline column is inside the list
    assert size >= 10 * em  # and wide enough to read
    assert table.horizontalScrollBar().maximum() == 0  # nothing hides to the right
    # A wide screen gives the list the room the case pane does not need.
    if width >= 1920:
        assert size >= 30 * em
        assert window.list_pane.width() >= width * 2 // 5 - 20


def test_with_identifiers_shown_the_headline_can_be_scrolled_to(sized_window):
    window = sized_window(1366, 768)
    window.action("show_identifiers").trigger()
    QtWidgets.QApplication.processEvents()
    table = window.list_pane.table
    left, size = _section(window, HEADLINE)
    bar = table.horizontalScrollBar()
    assert left + size <= table.viewport().width() + bar.maximum()
    assert size >= 5 * table.fontMetrics().horizontalAdvance("M")


def _click_scroll_bar(table) -> None:
    bar = table.horizontalScrollBar()
    assert bar.isVisible()
    for x in (3, bar.width() // 2, bar.width() - 3):  # arrow, track, arrow
        QTest.mouseClick(
            bar,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            QtCore.QPoint(x, bar.height() // 2),
        )
        QtWidgets.QApplication.processEvents()


def test_a_click_on_the_scroll_bar_opens_no_case(sized_window, qtbot):
    window = sized_window(1366, 768)
    # A narrow list, so that the columns need a horizontal scroll bar.
    window.splitter.setSizes([260, window.width() - 260])
    QtWidgets.QApplication.processEvents()
    table = window.list_pane.table
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    _click_scroll_bar(table)
    assert window.session.reference is None
    assert not table.currentIndex().isValid()
    assert not table.selectionModel().hasSelection()

    # The same click on the window while another window is active: the click activates it
    # and gives the list the focus back.
    table.setFocus()
    other = QtWidgets.QLineEdit()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    _click_scroll_bar(table)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.session.reference is None
    assert not table.selectionModel().hasSelection()


def test_the_keyboard_still_chooses_a_case_in_the_list(sized_window, qtbot):
    window = sized_window(1366, 768)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table = window.list_pane.table
    table.setFocus(Qt.FocusReason.TabFocusReason)
    assert window.session.reference is None  # arriving opens nothing
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert window.session.reference == "DEMO-01"
