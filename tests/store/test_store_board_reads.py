"""What the board window reads without assessing a case: the board dates with their counts,
and the agenda's stored summaries."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from store_helpers import execute, make_case

from tareaid.domain.case import Decision


def test_board_dates_count_unarchived_cases_newest_first(repo):
    repo.import_cases(
        [
            make_case("D-1", board_date="2026-12-03"),
            make_case("D-2", board_date="2026-12-03"),
            make_case("D-3", board_date="2026-12-03"),
            make_case("D-4", board_date="2026-11-05"),
            make_case("D-5", board_date="2026-10-01"),
            make_case("D-6"),
        ]
    )
    repo.archive_case("D-3")  # one fewer on 3 December
    repo.archive_case("D-5")  # its only case archived: the date goes
    assert repo.board_dates() == [(date(2026, 12, 3), 2), (date(2026, 11, 5), 1)]


def test_no_board_date_at_all(repo):
    repo.import_cases([make_case("N-1")])
    assert repo.board_dates() == []


def test_summaries_of_named_cases_archived_or_not_and_missing_ones_left_out(repo):
    repo.import_cases(
        [
            make_case("S-1", board_date="2026-12-03"),
            make_case("S-2", board_date="2026-12-03"),
        ]
    )
    stored = repo.get_case("S-2")
    decided = replace(stored.case, decision=Decision("deferred", finalised=True))
    repo.save_case(decided, expected_version=stored.version)
    repo.archive_case("S-1")
    found = repo.summaries(["S-2", "GONE-1", "S-1", "S-2"])
    assert sorted(found) == ["S-1", "S-2"]
    assert found["S-1"].archived is True
    assert found["S-1"].decision_outcome is None
    assert (found["S-2"].decision_outcome, found["S-2"].finalised) == ("deferred", True)
    assert found["S-2"].headline == repo.list_cases()[0].headline


def test_a_summary_another_version_stored_is_left_out(repo, backend):
    repo.import_cases([make_case("V-1"), make_case("V-2")])
    # As if an older TAREaid had saved V-1 into the shared database since this one opened.
    execute(backend, "UPDATE case_record SET assessed_with = 'older' WHERE reference = 'V-1'")
    assert sorted(repo.summaries(["V-1", "V-2"])) == ["V-2"]
