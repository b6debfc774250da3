"""Tamper evidence for the stored summaries: the tier counts and headline the case list
shows are kept on each row, so `check` holds them against the case's own assessment, on an
SQLite file and on a server alike."""

from __future__ import annotations

import pytest
from store_helpers import make_case

from tareaid.store.health import check_database
from tareaid.store.repository import Repository


def _execute(db: str, statement: str) -> None:
    from sqlalchemy import create_engine, text

    url = db.replace("postgresql://", "postgresql+psycopg://", 1)
    engine = create_engine(url if "://" in url else f"sqlite:///{url}")
    try:
        with engine.begin() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()


@pytest.fixture
def stored(backend: str) -> str:
    with Repository.open(backend) as repository:
        repository.create_case(make_case("CASE-1", ecog=1))
        repository.create_case(make_case("CASE-2", ecog=0))
        assert repository.check().healthy
    return backend


@pytest.mark.parametrize(
    ("statement", "shown"),
    [
        (
            "UPDATE case_record SET headline = 'Fine', count_favours = 6 "
            "WHERE reference = 'CASE-1'",
            ["count_favours is 6", 'headline is "Fine"'],
        ),
        (
            "UPDATE case_record SET count_outside = 4 WHERE reference = 'CASE-1'",
            ["count_outside is 4"],
        ),
        ("UPDATE case_record SET headline = '' WHERE reference = 'CASE-1'", ['headline is ""']),
    ],
)
def test_a_stored_summary_edited_outside_tareaid_is_seen(stored, cli, statement, shown):
    _execute(stored, statement)
    report = check_database(stored)
    assert not report.healthy
    problems = [p for p in report.problems if "CASE-1" in p]
    assert len(problems) == 1, report.problems
    assert problems[0].startswith(
        "case CASE-1: its stored headline/counts differ from its assessment"
    )
    for words in shown:
        assert words in problems[0]
    assert not any("CASE-2" in problem for problem in report.problems)
    code, out, _ = cli("check", db=stored)
    assert code == 1
    assert "healthy" not in out
    assert "case CASE-1: its stored headline/counts differ" in out


def test_a_summary_another_tareaid_computed_is_assessed_again_not_reported(stored):
    # A row that says another TAREaid or evidence pack computed it is re-assessed when the
    # store opens the database, so its summary is not held against it.
    _execute(
        stored,
        "UPDATE case_record SET headline = 'Fine', count_favours = 6, "
        "assessed_with = '0.0.1/older-pack' WHERE reference = 'CASE-1'",
    )
    assert check_database(stored).healthy
    with Repository.open(stored) as repository:
        (summary,) = [s for s in repository.list_cases() if s.reference == "CASE-1"]
        assert summary.headline != "Fine"
    assert check_database(stored).healthy
