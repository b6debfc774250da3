"""The schema ladder (Alembic) on both backends: its shape, its start-up cost, stamping the
databases from before it, refusing newer ones, and a later revision that adds a column.

Tests named `..._on_both_backends` run on an SQLite file and on a fresh database of the test
PostgreSQL server (skipped, with the reason, when no server answers; see tests/conftest.py).
"""

from __future__ import annotations

import ast
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect, text
from store_helpers import (
    SCHEMA_FIXTURES,
    cli_env,
    fixture_module,
    full_case,
    make_case,
    no_backup_beside,
    sha256,
)

from tareaid.store import audit, migrations
from tareaid.store.connection import open_database
from tareaid.store.errors import ForeignDatabaseError, NewerSchemaError
from tareaid.store.models import METADATA
from tareaid.store.repository import Repository
from tareaid.store.schema import SCHEMA_VERSION, revision_of

VERSIONS = Path(migrations.__file__).with_name("versions")
# The ladder's bookkeeping, not part of the schema the models describe.
BOOKKEEPING = {"alembic_version", "tareaid_schema"}


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A place for a new database on each backend: a file path, or a server URL."""
    if request.param == "sqlite":
        return str(tmp_path / "db" / "cases.sqlite3")
    return str(request.getfixturevalue("postgres_url"))


def engine_for(db: str) -> Any:
    return create_engine(db if "://" in db else f"sqlite:///{db}")


def snapshot(db: str) -> dict[str, Any]:
    """Tables, columns (by name), keys, constraints and indexes as SQLAlchemy reflects them."""
    engine = engine_for(db)
    try:
        found = inspect(engine)
        tables = sorted(set(found.get_table_names()) - BOOKKEEPING)
        return {
            table: {
                "columns": sorted(
                    (c["name"], str(c["type"]), c["nullable"]) for c in found.get_columns(table)
                ),
                "primary_key": found.get_pk_constraint(table)["constrained_columns"],
                "foreign_keys": sorted(
                    (k["name"], k["constrained_columns"], k["referred_table"])
                    for k in found.get_foreign_keys(table)
                ),
                "unique": sorted(
                    (u["name"], u["column_names"]) for u in found.get_unique_constraints(table)
                ),
                "indexes": sorted(
                    (i["name"], i["column_names"], i["unique"])
                    for i in found.get_indexes(table)
                    if not i.get("duplicates_constraint")
                ),
            }
            for table in tables
        }
    finally:
        engine.dispose()


def scalar(db: str, sql: str) -> Any:
    engine = engine_for(db)
    try:
        with engine.connect() as connection:
            return connection.execute(text(sql)).scalar()
    finally:
        engine.dispose()


def count_rows(db: str) -> dict[str, int]:
    tables = ("case_record", "case_override", "audit_entry", "agenda_item", "attendee")
    return {table: scalar(db, f"SELECT count(*) FROM {table}") for table in tables}


def chain_problems(db: str) -> list[str]:
    engine = engine_for(db)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text(f"SELECT {audit.AUDIT_COLUMNS} FROM audit_entry ORDER BY id")
            ).all()
    finally:
        engine.dispose()
    return audit.verify_rows(rows)


# --- the ladder itself ------------------------------------------------------------------------


def test_the_packaged_ladder_is_one_line_of_revisions_ending_at_the_schema_version():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    with migrations.script_directory() as folder:
        config = Config()
        config.set_main_option("script_location", str(folder))
        script = ScriptDirectory.from_config(config)
        assert script.get_heads() == [f"{SCHEMA_VERSION:04d}"]
        walked = [r.revision for r in script.walk_revisions()]
    # 0001 (schema version 1) up to the current version, each revision on the one before.
    assert walked == [f"{v:04d}" for v in range(SCHEMA_VERSION, 0, -1)]


def test_released_revisions_are_self_contained():
    # A revision that imported the models would change what an old version means whenever
    # the models change: revisions import only SQLAlchemy, Alembic and the standard library
    # modules listed here.
    files = sorted(VERSIONS.glob("*.py"))
    assert [f.name[:4] for f in files] == [f"{v:04d}" for v in range(1, SCHEMA_VERSION + 1)]
    for path in files:
        imported = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module.split(".")[0])
        allowed = {"__future__", "sqlalchemy", "alembic", "re", "unicodedata"}
        assert imported <= allowed, (path.name, imported)


_IMPORTS_AT_OPEN = """
import sys
from tareaid.store.repository import Repository
with Repository.open(sys.argv[1], create=False) as repository:
    repository.list_cases()
print("alembic" in sys.modules)
"""


@pytest.mark.parametrize("made_by", ["this TAREaid", "the committed fixture"])
def test_opening_a_current_database_does_not_import_alembic(made_by, tmp_path):
    path = tmp_path / "current.sqlite3"
    if made_by == "this TAREaid":
        with Repository.open(str(path)):
            pass
    else:
        shutil.copyfile(SCHEMA_FIXTURES[SCHEMA_VERSION], path)
    done = subprocess.run(
        [sys.executable, "-c", _IMPORTS_AT_OPEN, str(path)],
        env=cli_env(None, tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False"]


def _with_schema_history(tmp_path: Path, revision: str) -> Path:
    """A copy of the version-2 fixture whose Alembic record says `revision`."""
    path = tmp_path / "history" / "cases.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(SCHEMA_FIXTURES[2], path)
    connection = sqlite3.connect(path)
    try:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
        connection.commit()
    finally:
        connection.close()
    return path


def test_a_newer_schema_history_is_refused_with_a_clear_message(tmp_path):
    path = _with_schema_history(tmp_path, "0009")
    before = sha256(path)
    with pytest.raises(NewerSchemaError) as caught:
        Repository.open(str(path), create=False)
    message = caught.value.message
    assert message.startswith(f"{path}: was written by a newer TAREaid (schema version 9")
    assert "Can't locate revision" not in message
    assert sha256(path) == before
    assert no_backup_beside(path)


def test_another_programs_schema_history_is_refused(tmp_path):
    path = _with_schema_history(tmp_path, "ae1027a6acf")
    before = sha256(path)
    with pytest.raises(ForeignDatabaseError) as caught:
        Repository.open(str(path), create=False)
    assert "ae1027a6acf" in caught.value.message
    assert sha256(path) == before


# --- both backends ----------------------------------------------------------------------------


def test_a_new_database_climbs_the_whole_ladder_on_both_backends(backend):
    with Repository.open(backend) as repository:
        assert repository.schema_version == SCHEMA_VERSION
        repository.create_case(full_case())
        assert repository.check().healthy
    assert scalar(backend, "SELECT version_num FROM alembic_version") == revision_of(SCHEMA_VERSION)
    if "://" in backend:
        assert scalar(backend, "SELECT version FROM tareaid_schema") == SCHEMA_VERSION
    else:
        assert scalar(backend, "PRAGMA user_version") == SCHEMA_VERSION


def test_the_audit_trail_is_append_only_on_both_backends(backend):
    with Repository.open(backend) as repository:
        repository.create_case(make_case("T-1"))
    engine = engine_for(backend)
    try:
        for statement in ("UPDATE audit_entry SET os_user = 'someone'", "DELETE FROM audit_entry"):
            with engine.connect() as connection, pytest.raises(Exception) as refused:
                connection.execute(text(statement))
            assert "append-only" in str(refused.value)
    finally:
        engine.dispose()
    assert chain_problems(backend) == []


def test_the_models_describe_the_migrated_schema_on_both_backends(backend, tmp_path, request):
    with Repository.open(backend):
        pass
    if "://" in backend:
        from_models = request.getfixturevalue("postgres_databases")()
    else:
        from_models = str(tmp_path / "models.sqlite3")
    _create_from_models(from_models)
    assert snapshot(from_models) == snapshot(backend)


def _create_from_models(db: str) -> None:
    engine = engine_for(db)
    try:
        METADATA.create_all(engine)
    finally:
        engine.dispose()


# --- a later revision ----------------------------------------------------------------------

_THROWAWAY_REVISION = '''
"""A revision written for a test only: a new column and a new table."""

import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down_revision}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # On SQLite, rebuild the table (the way any change but an added column is made there):
    # the rows of every table that points at it must survive.
    recreate = "always" if op.get_bind().dialect.name == "sqlite" else "auto"
    with op.batch_alter_table("case_record", recreate=recreate) as batch:
        batch.add_column(sa.Column("tumour_board_room", sa.String(40)))
    op.create_table(
        "board_room",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    raise NotImplementedError
'''


@pytest.fixture
def later_ladder(tmp_path: Path) -> Iterator[Path]:
    """The packaged revisions plus one more, in a folder of their own."""
    target = tmp_path / "ladder"
    with migrations.script_directory() as folder:
        shutil.copytree(folder, target, ignore=shutil.ignore_patterns("__pycache__"))
    later = SCHEMA_VERSION + 1
    (target / "versions" / f"{later:04d}_throwaway.py").write_text(
        _THROWAWAY_REVISION.format(revision=f"{later:04d}", down_revision=f"{SCHEMA_VERSION:04d}"),
        encoding="utf-8",
    )
    yield target


def _database_from_before_the_ladder(backend: str) -> None:
    """The newest schema as TAREaid wrote it before the ladder: the version-3 fixture's
    rows, marked with its version only (no Alembic record)."""
    if "://" in backend:
        fixture_module("legacy_server").build(backend, 3)
    else:
        Path(backend).parent.mkdir(parents=True)
        shutil.copyfile(SCHEMA_FIXTURES[3], backend)


def test_a_later_revision_adds_a_column_keeping_every_row_on_both_backends(backend, later_ladder):
    _database_from_before_the_ladder(backend)
    with Repository.open(backend) as repository:
        repository.create_case(full_case("LATE-1"))  # a row written by this TAREaid too
    before = count_rows(backend)
    schema_before = snapshot(backend)
    later = SCHEMA_VERSION + 1

    database = open_database(backend)
    try:
        with database.engine.connect() as connection:
            reached = migrations.upgrade(
                connection, where=database.where, script_location=later_ladder
            )
    finally:
        database.close()

    assert reached == later
    assert count_rows(backend) == before
    assert chain_problems(backend) == []
    assert scalar(backend, "SELECT version_num FROM alembic_version") == f"{later:04d}"
    found = snapshot(backend)
    assert ("tumour_board_room", "VARCHAR(40)", True) in found["case_record"]["columns"]
    assert "board_room" in found
    # Nothing else about case_record changed in the rebuild.
    assert found["case_record"]["indexes"] == schema_before["case_record"]["indexes"]
    assert found["case_record"]["unique"] == schema_before["case_record"]["unique"]
    if "://" in backend:
        assert scalar(backend, "SELECT version FROM tareaid_schema") == later
        # Adopting the server renamed its foreign keys to the ladder's names.
        assert found["case_override"]["foreign_keys"] == [
            ("fk_case_override_case_id", ["case_id"], "case_record")
        ]
    else:
        assert scalar(backend, "PRAGMA user_version") == later
        assert scalar(backend, "SELECT count(*) FROM pragma_foreign_key_check") == 0
        assert scalar(backend, "PRAGMA integrity_check") == "ok"
    # The audit trail is still protected after the rebuild.
    engine = engine_for(backend)
    try:
        with engine.connect() as connection, pytest.raises(Exception, match="append-only"):
            connection.execute(text("DELETE FROM audit_entry"))
    finally:
        engine.dispose()
    # This TAREaid (whose newest version is one lower) now refuses the database.
    with pytest.raises(NewerSchemaError):
        Repository.open(backend)


# --- servers from before the ladder --------------------------------------------------------


@pytest.mark.parametrize("version", [2, 3])
def test_a_server_database_from_before_the_ladder_is_kept_whole(
    version, postgres_url, postgres_databases
):
    fixture_module("legacy_server").build(postgres_url, version)
    before = count_rows(postgres_url)
    with Repository.open(postgres_url, create=False) as repository:
        assert repository.schema_version == SCHEMA_VERSION
        assert repository.count_cases(include_archived=True) == before["case_record"]
        assert [e.field for e in repository.history("FIX-004")] == [None, "ecog", "board_date"]
        report = repository.check()
        assert report.healthy, report.problems
        repository.create_case(make_case("NEW-1"))  # the sequences go on after the old ids
    after = count_rows(postgres_url)
    assert after == {
        **before,
        "case_record": before["case_record"] + 1,
        "audit_entry": before["audit_entry"] + 1,
    }
    assert scalar(postgres_url, "SELECT version FROM tareaid_schema") == SCHEMA_VERSION
    if version < SCHEMA_VERSION:
        # Stamped at its own version, then upgraded: the same schema as a new database.
        assert scalar(postgres_url, "SELECT version_num FROM alembic_version") == revision_of(
            SCHEMA_VERSION
        )
        fresh = postgres_databases()
        with Repository.open(fresh):
            pass
        assert snapshot(postgres_url) == snapshot(fresh)
    else:
        # Current already: left as it is until the next version.
        assert not inspect_has_table(postgres_url, "alembic_version")


def inspect_has_table(db: str, table: str) -> bool:
    engine = engine_for(db)
    try:
        return inspect(engine).has_table(table)
    finally:
        engine.dispose()


def test_a_server_database_from_a_newer_tareaid_is_refused(postgres_url):
    with Repository.open(postgres_url):
        pass
    engine = engine_for(postgres_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE tareaid_schema SET version = 9"))
    finally:
        engine.dispose()
    with pytest.raises(NewerSchemaError) as caught:
        Repository.open(postgres_url)
    assert "schema version 9" in caught.value.message
    assert "tareaid-test" not in caught.value.message  # no password in messages


def test_a_newer_schema_history_on_a_server_gets_our_message(postgres_url):
    fixture_module("legacy_server").build(postgres_url, 2)
    engine = engine_for(postgres_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32))"))
            connection.execute(text("INSERT INTO alembic_version VALUES ('0009')"))
    finally:
        engine.dispose()
    with pytest.raises(NewerSchemaError) as caught:
        Repository.open(postgres_url)
    assert "schema version 9" in caught.value.message
    assert scalar(postgres_url, "SELECT version FROM tareaid_schema") == 2  # untouched
