"""The start-up list reader: the store's case list, read with sqlite3 before SQLAlchemy loads.

It must give exactly what the store's own list gives (the same cases, columns, order and
search; archived cases hidden; values written behind TAREaid's back shown as invalid), read
nothing it should not, change nothing, and leave to the store every file that needs more
than reading.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from ci_requirements import require_unprivileged_user
from store_helpers import SCHEMA_FIXTURES, full_case, make_case, sha256

from tareaid.domain.evidence import load_pack
from tareaid.store.errors import ForeignDatabaseError, NotADatabaseError, StoreError
from tareaid.store.list_reader import ListReader
from tareaid.store.repository import Repository
from tareaid.store.schema import assessed_with

STAMP = assessed_with(load_pack().version)


@pytest.fixture
def filled(db_path: Path) -> Path:
    """A database with cases that differ in every listed column, an archived one, an
    identifying search target and a board date written behind TAREaid's back."""
    with Repository.open(str(db_path)) as repository:
        repository.create_case(full_case("CRLM-042"))
        repository.import_cases(
            [
                make_case(
                    f"{prefix}-{i:03d}",
                    ecog=i % 4,
                    board_date=f"2026-{1 + i % 12:02d}-{1 + i % 27:02d}",
                    metastatic_pattern=("liver_only", "extensive_extrahepatic")[i % 2],
                    patient_name=f"Test Person {i}",
                    mrn=f"MRN{i:05d}",
                )
                for prefix in ("HPB", "crlm", "Liv_x")
                for i in range(12)
            ]
        )
        repository.create_case(make_case("ARCH-1", ecog=1))
        repository.archive_case("ARCH-1")
        repository.create_case(make_case("100%_done", ecog=0))
    connection = sqlite3.connect(db_path)
    with connection:
        connection.execute("UPDATE case_record SET board_date = '2026-13-45' WHERE id = 5")
    connection.close()
    return db_path


SEARCHES = [None, "", "  ", "crlm", "HPB-00", "liv_", "%", "_", "arch", "zz-none"]
ORDERS = ["reference", "board_date", "favours", "neutral", "against", "headline", "updated_at"]


@pytest.mark.parametrize("order_by", ORDERS)
@pytest.mark.parametrize("descending", [False, True])
def test_every_page_equals_the_stores(filled: Path, order_by: str, descending: bool) -> None:
    reader = ListReader.for_file(filled, STAMP)
    assert reader is not None
    try:
        with Repository.open(str(filled), create=False) as repository:
            for search in SEARCHES:
                for archived in (False, True):
                    for identifiers in (False, True):
                        flags = {
                            "include_archived": archived,
                            "search_identifiers": identifiers,
                        }
                        assert reader.count_cases(search, **flags) == repository.count_cases(
                            search, **flags
                        )
                        for offset, limit in ((0, 10), (10, 10), (0, None), (30, None)):
                            page = {
                                **flags,
                                "offset": offset,
                                "limit": limit,
                                "order_by": order_by,
                                "descending": descending,
                            }
                            assert reader.list_cases(search, **page) == repository.list_cases(
                                search, **page
                            ), (search, page)
    finally:
        reader.close()


def test_archived_hidden_identifiers_searched_and_invalid_values_shown(filled: Path) -> None:
    reader = ListReader.for_file(filled, STAMP)
    assert reader is not None
    try:
        listed = [s.reference for s in reader.list_cases(limit=None)]
        assert "ARCH-1" not in listed
        assert "ARCH-1" in [s.reference for s in reader.list_cases(include_archived=True)]
        assert reader.count_cases() == 38  # 1 + 36 + 1, the archived one left out
        # A name is found only when identifiers are searched.
        assert reader.count_cases("test person 7") == 0
        assert reader.count_cases("test person 7", search_identifiers=True) == 3
        # The underscore and the percent sign are matched as themselves.
        assert [s.reference for s in reader.list_cases("%_")] == ["100%_done"]
        invalid = [s for s in reader.list_cases(limit=None) if s.invalid_fields]
        assert [(s.invalid_fields, s.board_date) for s in invalid] == [(("board_date",), None)]
        first = reader.list_cases(limit=1)[0]
        assert first.reference == "100%_done"
        assert first.board_date is None
        crlm = next(s for s in reader.list_cases("crlm-042"))
        assert crlm.board_date == date(2026, 12, 3)
        assert crlm.finalised is True
        assert crlm.patient_name == "Zoë Ñúñez-Åberg 示例 (fictional)"
    finally:
        reader.close()


def test_reading_changes_nothing_and_leaves_nothing_beside_the_file(filled: Path) -> None:
    before = sha256(filled)
    neighbours = sorted(p.name for p in filled.parent.iterdir())
    reader = ListReader.for_file(filled, STAMP)
    assert reader is not None
    reader.list_cases(limit=5)
    reader.count_cases("crlm")
    reader.close()
    assert sha256(filled) == before
    assert sorted(p.name for p in filled.parent.iterdir()) == neighbours


def test_a_file_that_needs_the_store_is_left_to_it(filled: Path, tmp_path: Path) -> None:
    # Missing: the store creates it.
    assert ListReader.for_file(tmp_path / "missing.sqlite3", STAMP) is None
    # Summaries computed by another TAREaid or evidence pack: the store re-assesses them.
    assert ListReader.for_file(filled, "0.0.1/another-pack") is None
    # A crash left a rollback journal: the store recovers it.
    journal = Path(f"{filled}-journal")
    journal.write_bytes(b"")
    try:
        assert ListReader.for_file(filled, STAMP) is None
    finally:
        journal.unlink()
    # An older schema: the store upgrades it (after a backup).
    older = tmp_path / "older.sqlite3"
    shutil.copyfile(SCHEMA_FIXTURES[max(SCHEMA_FIXTURES) - 1], older)
    assert ListReader.for_file(older, STAMP) is None


def test_a_file_the_store_refuses_is_refused_unread(tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_text("not a database\n")
    with pytest.raises(NotADatabaseError):
        ListReader.for_file(text, STAMP)
    foreign = tmp_path / "foreign.sqlite3"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    before = sha256(foreign)
    with pytest.raises(ForeignDatabaseError):
        ListReader.for_file(foreign, STAMP)
    assert sha256(foreign) == before


@pytest.mark.unprivileged
def test_a_read_only_file_is_left_to_the_store(filled: Path) -> None:
    require_unprivileged_user()
    filled.chmod(0o400)
    try:
        with pytest.raises(StoreError):
            ListReader.for_file(filled, STAMP)
    finally:
        filled.chmod(0o600)


def test_the_reader_imports_no_sqlalchemy(filled: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from tareaid.domain.evidence import load_pack\n"
        "from tareaid.store.list_reader import ListReader\n"
        "from tareaid.store.opening import OpeningRepository\n"
        "from tareaid.store.schema import assessed_with\n"
        f"reader = ListReader.for_file(Path({str(filled)!r}), assessed_with(load_pack().version))\n"
        "repository = OpeningRepository(reader)\n"
        "assert repository.count_cases() == 38\n"
        "assert len(repository.list_cases(limit=20)) == 20\n"
        "repository.close()\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'sqlmodel', 'pydantic', 'alembic', 'reportlab'))\n"
        "assert not loaded, loaded\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert completed.returncode == 0, completed.stderr
