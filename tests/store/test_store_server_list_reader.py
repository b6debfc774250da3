"""The start-up list reader of a database server: the store's case list, read with psycopg
alone before SQLAlchemy loads.

It must give what the store's own list gives (the same cases, order and search, archived
cases hidden), on a connection that cannot write, and leave to the store every database
that needs more than reading: a password to ask for, a server out of reach, a database
not at this schema version, stored summaries to re-assess. Needs the test server.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from store_helpers import execute, make_case

from tareaid.domain.evidence import load_pack
from tareaid.store.opening import OpeningRepository
from tareaid.store.repository import Repository
from tareaid.store.schema import assessed_with
from tareaid.store.server_list_reader import ServerListReader

STAMP = assessed_with(load_pack().version)


@pytest.fixture
def server_db(postgres_server, postgres_databases) -> str:
    """A set-up server database (logged in as the application role) with five cases, one
    archived, one without a board date."""
    url = postgres_server.as_app(postgres_databases(migrated=True))
    with Repository.open(url) as repository:
        repository.import_cases(
            [
                make_case("SRV-3", board_date="2026-12-10", ecog=0),
                make_case("SRV-1", board_date="2026-12-03", patient_name="Ada Example"),
                make_case("srv-2", ecog=3),
                make_case("OTHER-9", board_date="2026-12-03"),
                make_case("ARCH-1", board_date="2026-12-03"),
            ]
        )
        repository.archive_case("ARCH-1")
    return url


def _references(reader, **options) -> list[str]:
    return [summary.reference for summary in reader.list_cases(**options)]


def test_the_list_as_the_store_gives_it(server_db):
    reader = ServerListReader.for_url(server_db, STAMP)
    assert reader is not None
    try:
        assert reader.count_cases() == 4
        assert _references(reader) == ["OTHER-9", "SRV-1", "SRV-3", "srv-2"]
        # Cases without a board date first in ascending order, as in an SQLite file.
        assert _references(reader, order_by="board_date") == ["srv-2", "OTHER-9", "SRV-1", "SRV-3"]
        assert _references(reader, search="srv") == ["SRV-1", "SRV-3", "srv-2"]
        assert reader.count_cases("srv") == 3
        assert _references(reader, include_archived=True, search="arch") == ["ARCH-1"]
        assert _references(reader, search="ada", search_identifiers=True) == ["SRV-1"]
        assert _references(reader, offset=1, limit=2) == ["SRV-1", "SRV-3"]
        with Repository.open(server_db) as store:
            assert reader.list_cases() == store.list_cases()
    finally:
        reader.close()


def test_the_reader_cannot_write(server_db):
    import psycopg

    reader = ServerListReader.for_url(server_db, STAMP)
    assert reader is not None
    try:
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            reader._connection.execute("UPDATE case_record SET ecog = 4")
    finally:
        reader.close()


def test_a_database_that_needs_the_store_is_left_to_it(
    server_db, postgres_server, postgres_databases
):
    # Summaries another TAREaid computed: re-assessed when the store opens.
    execute(server_db, "UPDATE case_record SET assessed_with = 'older' WHERE reference = 'SRV-1'")
    assert ServerListReader.for_url(server_db, STAMP) is None
    # An empty database (the store builds the schema, or says it cannot).
    assert ServerListReader.for_url(postgres_databases(), STAMP) is None
    # A wrong password (the store asks for one), a server out of reach (the store says so).
    wrong = server_db.replace(postgres_server.password, "not-the-password")
    assert ServerListReader.for_url(wrong, STAMP) is None
    assert ServerListReader.for_url("postgresql://nobody@127.0.0.1:1/tareaid", STAMP) is None
    # A wait TAREaid cannot read (the store refuses it, naming the parameter).
    joined = "&" if "?" in server_db else "?"
    assert ServerListReader.for_url(f"{server_db}{joined}statement_timeout=soon", STAMP) is None
    # Not a server URL at all.
    assert ServerListReader.for_url("sqlite:///cases.db", STAMP) is None


def test_tareaids_own_waits_in_the_url_are_not_handed_to_libpq(server_db):
    # libpq knows connect_timeout but would refuse the other two.
    joined = "&" if "?" in server_db else "?"
    url = f"{server_db}{joined}lock_timeout=3&statement_timeout=500ms&connect_timeout=4"
    reader = ServerListReader.for_url(url, STAMP)
    assert reader is not None
    try:
        assert reader.count_cases() == 4
        statement_timeout = reader._connection.execute("SHOW statement_timeout").fetchone()[0]
        assert statement_timeout == "500ms"
    finally:
        reader.close()


def test_the_window_title_and_messages_never_show_the_password(server_db, postgres_server):
    reader = ServerListReader.for_url(server_db, STAMP)
    assert reader is not None
    opening = OpeningRepository(reader)
    try:
        assert opening.is_server and opening.path is None
        assert postgres_server.password not in opening.url
        assert postgres_server.password not in repr(opening)
    finally:
        opening.close()


def test_the_store_opens_behind_it_and_writes_go_to_the_store(server_db):
    opening = OpeningRepository(ServerListReader.for_url(server_db, STAMP))
    try:
        assert not opening.ready
        assert opening.count_cases() == 4
        stored = opening.get_case("SRV-3")  # waits for the store
        assert opening.ready
        opening.save_case(
            make_case("SRV-3", board_date="2026-12-10", ecog=2), expected_version=stored.version
        )
    finally:
        opening.close()
    with Repository.open(server_db) as store:
        assert store.get_case("SRV-3").case.ecog == 2


def test_the_reader_imports_no_sqlalchemy(server_db):
    code = (
        "import sys\n"
        "from tareaid.domain.evidence import load_pack\n"
        "from tareaid.store.opening import OpeningRepository\n"
        "from tareaid.store.schema import assessed_with\n"
        "from tareaid.store.server_list_reader import ServerListReader\n"
        f"reader = ServerListReader.for_url({server_db!r}, assessed_with(load_pack().version))\n"
        "repository = OpeningRepository(reader)\n"
        "assert repository.count_cases() == 4\n"
        "assert len(repository.list_cases(limit=2)) == 2\n"
        "repository.close()\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'sqlmodel', 'pydantic', 'alembic', 'reportlab'))\n"
        "assert not loaded, loaded\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert completed.returncode == 0, completed.stderr
