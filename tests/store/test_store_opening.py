"""The repository that opens in the background while its case list is read at once.

Until the repository is open the list comes from the list reader; then everything goes to
the repository, writes always did. What stopped it from opening reaches every caller; a
close during the import opens nothing; the integrity check waits for the open without
starting it, and can be stopped.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from store_helpers import make_case

from tareaid.domain.evidence import load_pack
from tareaid.store.errors import DamagedDatabaseError, StoreError
from tareaid.store.list_reader import ListReader
from tareaid.store.opening import OpeningRepository
from tareaid.store.repository import Repository
from tareaid.store.schema import assessed_with

STAMP = assessed_with(load_pack().version)


@pytest.fixture
def path(db_path: Path) -> Path:
    with Repository.open(str(db_path)) as repository:
        repository.import_cases([make_case(f"OPEN-{i}", ecog=i % 3) for i in range(5)])
    return db_path


def reader_for(path: Path) -> ListReader:
    reader = ListReader.for_file(path, STAMP)
    assert reader is not None
    return reader


class Opener:
    """Opens the real repository when told to, counting the opens."""

    def __init__(self, *, fail: StoreError | None = None) -> None:
        self.go = threading.Event()
        self.calls = 0
        self.fail = fail

    def __call__(self, path: Path) -> Repository:
        self.calls += 1
        assert self.go.wait(10)
        if self.fail is not None:
            raise self.fail
        return Repository.open(str(path), create=False, verify=False)


def test_the_list_is_read_before_the_repository_opens(path: Path) -> None:
    opener = Opener()
    opening = OpeningRepository(reader_for(path), opener)
    try:
        assert opening.count_cases() == 5
        assert [s.reference for s in opening.list_cases(limit=2)] == ["OPEN-0", "OPEN-1"]
        assert opener.calls == 0 and not opening.ready
        opening.start()
        opener.go.set()
        # Anything else waits for the repository: a case, then a write.
        assert opening.get_case("OPEN-3").case.ecog == 0
        assert opening.ready and opener.calls == 1
        opening.create_case(make_case("OPEN-9"))
        assert opening.count_cases() == 6
        assert opening.path == path
    finally:
        opening.close()


def test_a_call_that_needs_the_repository_starts_opening_it(path: Path) -> None:
    opening = OpeningRepository(reader_for(path))
    try:
        assert opening.history("OPEN-1")[0].action == "import"
        assert opening.ready
    finally:
        opening.close()


def test_what_stopped_the_open_reaches_every_caller(path: Path) -> None:
    problem = DamagedDatabaseError(f"{path}: the database is damaged")
    opener = Opener(fail=problem)
    heard: list[BaseException | None] = []
    opening = OpeningRepository(reader_for(path), opener)
    opening.on_opened = heard.append
    opener.go.set()
    opening.start()
    with pytest.raises(DamagedDatabaseError):
        opening.get_case("OPEN-1")
    with pytest.raises(DamagedDatabaseError):
        opening.verify_integrity()
    assert opening.error is problem
    assert heard == [problem]
    # The list is still read from the file meanwhile, for the ways out to be offered over it.
    assert opening.count_cases() == 5
    opening.close()


def test_closing_during_the_import_opens_nothing(path: Path) -> None:
    opener = Opener()
    opening = OpeningRepository(reader_for(path), opener)
    opening.close()
    opening.start()  # after close: nothing is started
    with pytest.raises(StoreError):
        opening.get_case("OPEN-1")
    assert opener.calls == 0


def test_the_integrity_check_waits_for_the_open_and_can_be_stopped(path: Path) -> None:
    opener = Opener()
    opening = OpeningRepository(reader_for(path), opener)
    outcome: list[object] = []

    def check() -> None:
        try:
            opening.verify_integrity()
            outcome.append("passed")
        except StoreError as error:
            outcome.append(error)

    waiting = threading.Thread(target=check)
    waiting.start()
    waiting.join(0.2)
    assert waiting.is_alive() and opener.calls == 0  # waiting, and not starting the open
    opening.stop_integrity_check()
    waiting.join(5)
    assert not waiting.is_alive()
    assert isinstance(outcome[0], StoreError)
    assert "stopped" in outcome[0].message
    opening.close()


def test_the_integrity_check_runs_once_the_repository_is_open(path: Path) -> None:
    opener = Opener()
    opening = OpeningRepository(reader_for(path), opener)
    outcome: list[object] = []
    waiting = threading.Thread(target=lambda: outcome.append(opening.verify_integrity()))
    waiting.start()
    opening.start()
    opener.go.set()
    waiting.join(10)
    assert outcome == [None]
    assert not opening.checking_integrity
    opening.close()
