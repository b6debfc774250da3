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
    assert columns == ["Reference", "Board date", "▲ Favours", "● Neutral", "▼ Against", "Headline"]
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row[:5] == ["CRLM-1", "—", "▲ 1", "● 1", "▼ 1"]
    assert row[5].startswith("1 of 6 factors favour adding TARE, 1 neutral, 1 against")
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
