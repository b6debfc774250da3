"""The case list model: Qt's model checks, lazy paging, columns, sorting, search."""

from __future__ import annotations

import pytest

from tareaid.domain.case import Case
from tareaid.ui.case_list_model import PAGE_SIZE, CaseListModel, ReferenceRole
from tareaid.ui.qt import Qt


@pytest.fixture
def model(repository, qapp):
    return CaseListModel(repository)


def _add(repository, count, **fields):
    repository.import_cases(
        [Case(reference=f"CRLM-{number:04d}", **fields) for number in range(1, count + 1)]
    )


def test_empty_model_passes_the_model_tester(model, qtmodeltester):
    model.reload()
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_model_with_cases_passes_the_model_tester(model, repository, qtmodeltester):
    _add(repository, 5, ecog=1, metastatic_pattern="liver_only")
    repository.create_case(Case(reference="ZZ", patient_name="Ada Example", mrn="M1"))
    repository.archive_case("ZZ")
    model.set_include_archived(True)
    model.set_show_identifiers(True)
    model.reload()
    assert model.rowCount() == 6
    qtmodeltester.check(model)


def test_rows_are_fetched_a_page_at_a_time(model, repository, qtmodeltester):
    _add(repository, PAGE_SIZE * 2 + 7)
    model.reload()
    assert model.total == PAGE_SIZE * 2 + 7
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE * 2
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE * 2 + 7
    assert not model.canFetchMore()
    qtmodeltester.check(model)


def test_counts_and_headline_columns(model, repository):
    repository.create_case(
        Case(reference="CRLM-1", metastatic_pattern="liver_only", ecog=4, ras_status="wild_type")
    )
    model.reload()
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    # The count columns are headed by the shape alone (narrow); the words are in the tooltip
    # and what a screen reader says.
    assert columns == ["Reference", "Board date", "▲", "●", "▼", "Headline"]
    tips = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        for c in (2, 3, 4)
    ]
    assert tips == [
        "▲ Favours: factors that favour adding TARE",
        "● Neutral: factors that are neutral",
        "▼ Against: factors against adding TARE",
    ]
    spoken = model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "Favours TARE (number of factors)"
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row[:5] == ["CRLM-1", "—", "▲ 1", "● 1", "▼ 1"]
    assert row[5] == (
        "1 of 6 factors favours adding TARE, 1 neutral, 1 against, 3 unassessed; "
        "not checked: lung shunt fraction and bilirubin not recorded."
    )
    # Counts are never told by colour alone: the shape is in the text and the word is read out.
    assert model.data(model.index(0, 2), Qt.ItemDataRole.AccessibleTextRole) == "1 Favours TARE"
    assert model.data(model.index(0, 3), ReferenceRole) == "CRLM-1"


def test_sorting_asks_the_repository_for_the_order(model, repository):
    repository.create_case(Case(reference="A", ecog=4))
    repository.create_case(Case(reference="B", ecog=0))
    repository.create_case(Case(reference="C"))
    model.reload()
    model.sort(model.column_of("against"), Qt.SortOrder.DescendingOrder)
    assert model.reference_at(0) == "A"
    model.sort(model.column_of("favours"), Qt.SortOrder.DescendingOrder)
    assert model.reference_at(0) == "B"
    model.sort(model.column_of("reference"), Qt.SortOrder.DescendingOrder)
    assert [model.reference_at(r) for r in range(3)] == ["C", "B", "A"]


def test_search_resets_the_same_model(model, repository, qtbot):
    _add(repository, 12)
    model.reload()
    with qtbot.waitSignal(model.modelReset):
        model.set_search("0011")
    assert [model.reference_at(r) for r in range(model.rowCount())] == ["CRLM-0011"]
    assert model.total == 1


def test_update_case_refreshes_one_row(model, repository, qtbot):
    from tareaid.domain.assessment import assess
    from tareaid.domain.evidence import load_pack

    _add(repository, 3)
    model.reload()
    case = Case(reference="CRLM-0002", ecog=0)
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.update_case(case, assess(case, load_pack()))
    assert blocker.args[0].row() == 1
    assert model.data(model.index(1, model.column_of("favours"))) == "▲ 1"


class _CountingRepository:
    """Passes calls through to the repository and counts the list queries."""

    def __init__(self, repository):
        self._repository = repository
        self.calls = []

    def __getattr__(self, name):
        attribute = getattr(self._repository, name)
        if name in ("count_cases", "list_cases"):

            def counted(*args, **kwargs):
                self.calls.append(name)
                return attribute(*args, **kwargs)

            return counted
        return attribute


def test_opening_the_window_fetches_one_page_then_counts_once(repository, qtbot, dialogs):
    from tareaid.domain.evidence import load_pack
    from tareaid.ui.database import OpenedDatabase
    from tareaid.ui.main_window import MainWindow
    from tareaid.ui.settings import Settings

    _add(repository, PAGE_SIZE + 50)
    settings = Settings()
    settings.set_show_identifiers(True)
    settings.set_show_archived(True)
    settings.set_sort(4, True)
    counting = _CountingRepository(repository)
    window = MainWindow(OpenedDatabase(counting, None), settings, load_pack())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    # The page is read before the window is shown; the count follows once it is on
    # screen (the start page then reads its boards and recent cases too).
    assert counting.calls[0] == "list_cases"
    qtbot.waitUntil(lambda: window.model.total == PAGE_SIZE + 50)
    assert counting.calls.count("count_cases") == 1
    assert window.model.rowCount() == PAGE_SIZE
    assert window.model.columnCount() == 8
    assert window.list_pane.count_label.text() == f"{PAGE_SIZE + 50} cases"
    window.close()


def test_typed_search_runs_off_the_gui_thread(window, repository, qtbot):
    from tareaid.ui.qt import QtCore

    _add(repository, 30)
    threads = []
    mine = window.repository
    original = mine.count_cases

    def count_cases(*args, **kwargs):
        threads.append(QtCore.QThread.currentThread())
        return original(*args, **kwargs)

    window.model.reload()
    mine.count_cases = count_cases
    try:
        qtbot.keyClicks(window.list_pane.search, "0007")
        qtbot.waitUntil(lambda: window.model.total == 1)
    finally:
        del mine.count_cases
    assert window.model.reference_at(0) == "CRLM-0007"
    assert threads and QtCore.QCoreApplication.instance().thread() not in threads


def test_an_outdated_search_answer_is_dropped(model, repository, qtbot):
    _add(repository, 30)
    model.reload()
    model.search_in_background("0001")
    model.search_in_background("0002")
    qtbot.waitUntil(lambda: not model.searching)
    qtbot.wait(50)  # the first answer, if it came late, must not replace the second
    assert [model.reference_at(r) for r in range(model.rowCount())] == ["CRLM-0002"]


def test_row_of_fetches_only_the_pages_it_is_allowed(model, repository):
    _add(repository, PAGE_SIZE * 2 + 7)
    model.reload()
    assert model.row_of("CRLM-0300", fetch_pages=0) == -1
    assert model.rowCount() == PAGE_SIZE
    assert model.row_of("CRLM-0300", fetch_pages=1) == 299
    assert model.rowCount() == PAGE_SIZE * 2
    assert model.row_of("NOT-THERE") == -1
    assert model.rowCount() == PAGE_SIZE * 2 + 7


def test_a_sort_keeps_the_selection_without_fetching_pages_to_find_it(window, repository, qtbot):
    _add(repository, PAGE_SIZE * 3 + 7)
    window.model.reload()
    pane, table = window.list_pane, window.list_pane.table
    assert pane.select("CRLM-0500")  # fetches the pages down to it
    assert window.session.reference == "CRLM-0500"
    assert window.model.rowCount() == PAGE_SIZE * 3
    # Newest first: the case is in the first page, so it stays selected.
    table.sortByColumn(window.model.column_of("reference"), Qt.SortOrder.DescendingOrder)
    assert window.model.rowCount() == PAGE_SIZE
    assert pane.current_reference() == "CRLM-0500"
    assert table.currentIndex().row() == PAGE_SIZE * 3 + 7 - 500
    # Oldest first: it is far down, and no page is fetched to look for it (nor by the
    # view, which starts the new list at its top).
    table.scrollToBottom()
    table.sortByColumn(window.model.column_of("reference"), Qt.SortOrder.AscendingOrder)
    qtbot.wait(100)
    assert window.model.rowCount() == PAGE_SIZE
    assert table.verticalScrollBar().value() == 0
    assert pane.current_reference() is None
    assert window.session.reference == "CRLM-0500"  # still open in the case pane


def test_cell_texts_and_tier_colours_follow_changes(model, repository, qapp):
    from tareaid.domain.assessment import assess
    from tareaid.domain.evidence import load_pack
    from tareaid.ui import theme
    from tareaid.ui.tiers import tier_colour

    repository.create_case(Case(reference="CRLM-1", metastatic_pattern="liver_only"))
    model.reload()
    favours = model.index(0, model.column_of("favours"))
    assert model.data(favours) == "▲ 1"
    case = Case(reference="CRLM-1", metastatic_pattern="liver_only", ecog=0)
    model.update_case(case, assess(case, load_pack()))
    assert model.data(favours) == "▲ 2"
    try:
        for name in ("light", "dark", "light"):
            theme.apply_theme(qapp, name)
            brush = model.data(favours, Qt.ItemDataRole.ForegroundRole)
            assert brush.color() == tier_colour("favours", qapp.palette())
    finally:
        theme.apply_theme(qapp, "light")
    assert model.data(favours, Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignCenter
    )
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None
