"""Schema versions: upgrading the committed version-1 fixture, fresh == upgraded, refusals."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from store_helpers import FIXTURES, SCHEMA_V1_FIXTURE, make_case, sha256

from tareaid.store import schema
from tareaid.store.errors import DamagedDatabaseError, NewerSchemaError, StoreError
from tareaid.store.repository import Repository

TARE_APPLICATION_ID = 0x54415245  # "TARE", typed from the store's design, not read back


def _normalised_sql(sql: str) -> str:
    sql = re.sub(r"\s+", " ", sql).strip()
    return re.sub(r"\s*([(),;])\s*", r"\1", sql)


def schema_of(path: Path) -> dict[str, Any]:
    """Everything that defines a schema, in a form two databases can be compared by."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        objects = sorted(
            (row[0], row[1], row[2], _normalised_sql(row[3] or ""))
            for row in connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
        )
        tables = [name for kind, name, _, _ in objects if kind == "table"]
        details = {}
        for table in tables:
            indexes = []
            for index in connection.execute(f"PRAGMA index_list({table})"):
                columns = connection.execute(f"PRAGMA index_info({index[1]})").fetchall()
                indexes.append((index[1], index[2], index[3], index[4], columns))
            details[table] = (
                connection.execute(f"PRAGMA table_info({table})").fetchall(),
                sorted(indexes),
                connection.execute(f"PRAGMA foreign_key_list({table})").fetchall(),
            )
        return {
            "objects": objects,
            "details": details,
            "user_version": connection.execute("PRAGMA user_version").fetchone()[0],
            "application_id": connection.execute("PRAGMA application_id").fetchone()[0],
        }
    finally:
        connection.close()


def _copy_fixture(tmp_path: Path) -> Path:
    target = tmp_path / "old" / "cases.sqlite3"
    target.parent.mkdir()
    shutil.copyfile(SCHEMA_V1_FIXTURE, target)
    return target


def test_the_fixture_is_schema_version_1():
    schema = schema_of(SCHEMA_V1_FIXTURE)
    assert schema["user_version"] == 1
    assert schema["application_id"] == TARE_APPLICATION_ID
    tables = {name for kind, name, _, _ in schema["objects"] if kind == "table"}
    assert tables == {"case_record", "case_override", "audit_entry"}


def test_the_committed_fixture_is_what_its_script_builds(tmp_path):
    rebuilt = tmp_path / "rebuilt.sqlite3"
    subprocess.run(
        [sys.executable, str(FIXTURES / "make_schema_v1.py"), str(rebuilt)],
        check=True,
        capture_output=True,
    )
    assert schema_of(rebuilt) == schema_of(SCHEMA_V1_FIXTURE)


def test_upgrade_from_version_1_keeps_every_row(tmp_path):
    path = _copy_fixture(tmp_path)
    with Repository.open(str(path), create=False) as repository:
        assert repository.schema_version == 3
        assert repository.count_cases(include_archived=True) == 3
        assert [s.reference for s in repository.list_cases()] == ["FIX-001", "FIX-002"]
        first = repository.get_case("FIX-001").case
        assert first.patient_name == "Zoë Ñúñez-Åberg (fictional)"
        assert first.lung_shunt_fraction_pct == 12.5
        assert first.overrides["ecog"].reason == "Fixture: ECOG 1 after surgery"
        assert first.decision is not None and first.decision.finalised is True
        assert first.decision.attendees == ("Dr A (fictional)", "Dr 山田 (fictional)")
        assert repository.get_case("FIX-002").case.patient_name == "示例 病例 (fictional)"
        assert repository.get_case("FIX-002").version == 2
        assert repository.get_case("FIX-003").archived is True
        history = repository.history("FIX-002")
        assert [(e.action, e.field, e.old, e.new) for e in history] == [
            (
                "import",
                None,
                None,
                '{"ecog":2,"patient_name":"示例 病例 (fictional)","reference":"FIX-002"}',
            ),
            ("change", "ecog", "2", "3"),
        ]
        assert history[0].user == "fixture-user"
        # Summaries written by version 1 are recomputed: FIX-001 is liver-only (favours),
        # conversion (favours), 0 lines but overridden to neutral, RAS mutant (favours),
        # bilobar 7 not ablatable (favours), ECOG 1 overridden to favours.
        (summary,) = repository.list_cases("FIX-001")
        assert summary.counts == {
            "favours": 5,
            "neutral": 1,
            "against": 0,
            "unassessed": 0,
            "outside": 0,
        }
        # Version 2's tables work.
        repository.set_agenda(date(2026, 12, 3), ["FIX-002", "FIX-001"])
        assert repository.agenda(date(2026, 12, 3)) == ["FIX-002", "FIX-001"]
        report = repository.check()
        assert report.healthy, report.problems
        assert report.case_count == 3
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("SELECT count(*) FROM audit_entry").fetchone()[0] == 5
        assert connection.execute("SELECT count(*) FROM case_override").fetchone()[0] == 2
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        connection.close()


def test_upgrade_takes_a_backup_of_the_old_file_first(tmp_path):
    path = _copy_fixture(tmp_path)
    with Repository.open(str(path), create=False):
        pass
    backups = sorted(path.parent.glob("cases.sqlite3.before-v3-*.bak"))
    assert len(backups) == 1
    assert backups[0].stat().st_mode & 0o777 == 0o600
    old = schema_of(backups[0])
    assert old["user_version"] == 1
    assert old["details"] == schema_of(SCHEMA_V1_FIXTURE)["details"]
    connection = sqlite3.connect(backups[0])
    try:
        assert connection.execute("SELECT count(*) FROM case_record").fetchone()[0] == 3
    finally:
        connection.close()
    # Opening again does not upgrade or back up again.
    with Repository.open(str(path), create=False):
        pass
    assert len(list(path.parent.glob("*.bak"))) == 1


def test_a_fresh_database_is_identical_to_an_upgraded_one(tmp_path):
    upgraded = _copy_fixture(tmp_path)
    fresh = tmp_path / "fresh.sqlite3"
    with Repository.open(str(upgraded), create=False):
        pass
    with Repository.open(str(fresh)):
        pass
    assert schema_of(fresh) == schema_of(upgraded)
    assert schema_of(fresh)["user_version"] == 3


def _version_2_database(path: Path) -> Path:
    """A version-2 database with cases in it: version 3 only added the search index."""
    with Repository.open(str(path)) as repository:
        repository.import_cases([make_case(f"V2-{i:03d}", ecog=i % 4) for i in range(40)])
        repository.archive_case("V2-005")
    connection = sqlite3.connect(path)
    try:
        connection.execute("DROP INDEX ix_case_record_reference_search")
        connection.execute("PRAGMA user_version = 2")
        connection.commit()
    finally:
        connection.close()
    # Exactly what the frozen version-2 DDL creates.
    reference = path.with_name("v2-reference.sqlite3")
    connection = sqlite3.connect(reference)
    try:
        for statement in (*schema.V1_DDL, *schema.V2_DDL):
            connection.execute(statement)
        connection.execute(f"PRAGMA application_id = {TARE_APPLICATION_ID}")
        connection.execute("PRAGMA user_version = 2")
        connection.commit()
    finally:
        connection.close()
    assert schema_of(path)["objects"] == schema_of(reference)["objects"]
    reference.unlink()
    return path


def test_upgrade_from_version_2_adds_the_search_index_and_keeps_every_row(tmp_path):
    path = _version_2_database(tmp_path / "v2" / "cases.sqlite3")
    with Repository.open(str(path), create=False) as repository:
        assert repository.schema_version == 3
        assert repository.count_cases(include_archived=True) == 40
        assert repository.count_cases("v2-00") == 9
        assert repository.get_case("V2-005").archived is True
        assert [e.action for e in repository.history("V2-005")] == ["import", "archive"]
        assert repository.check().healthy
    assert len(list(path.parent.glob("cases.sqlite3.before-v3-*.bak"))) == 1
    fresh = tmp_path / "fresh.sqlite3"
    with Repository.open(str(fresh)):
        pass
    assert schema_of(path)["objects"] == schema_of(fresh)["objects"]
    index = [name for kind, name, _, _ in schema_of(path)["objects"] if kind == "index"]
    assert "ix_case_record_reference_search" in index


def test_an_upgrade_checks_the_file_first_even_when_opened_without_the_check(
    tmp_path, damage_index
):
    path = damage_index(_version_2_database(tmp_path / "v2" / "cases.sqlite3"))
    before = sha256(path)
    with pytest.raises(DamagedDatabaseError):
        Repository.open(str(path), create=False, verify=False)
    assert sha256(path) == before
    assert not list(path.parent.glob("*.bak"))


def test_the_models_describe_the_same_tables_as_the_schema(tmp_path):
    from sqlalchemy import create_engine

    from tareaid.store.models import METADATA

    from_models = tmp_path / "models.sqlite3"
    engine = create_engine(f"sqlite:///{from_models}")
    try:
        METADATA.create_all(engine)
    finally:
        engine.dispose()
    fresh = tmp_path / "fresh.sqlite3"
    with Repository.open(str(fresh)):
        pass
    # Column types, nullability, keys, indexes and foreign keys agree (the SQL text differs
    # only in layout and constraint names, and triggers exist only in the schema).
    assert schema_of(from_models)["details"] == schema_of(fresh)["details"]


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "newer.sqlite3"
    with Repository.open(str(path)) as repository:
        repository.create_case(make_case("N-1"))
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA user_version = 99")
        connection.commit()
    finally:
        connection.close()
    before = sha256(path)
    listing = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(NewerSchemaError) as caught:
        Repository.open(str(path))
    assert caught.value.exit_code == 2
    assert str(path) in caught.value.message
    assert "newer TAREaid" in caught.value.message
    assert "99" in caught.value.message
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no backup, no -wal


def test_a_crash_in_the_old_rollback_mode_is_recovered_before_the_upgrade(tmp_path):
    path = _copy_fixture(tmp_path)
    # Another program dies halfway through a transaction on the version-1 file (still in
    # rollback-journal mode), leaving a hot journal that only a writer can roll back.
    crash = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "c.execute(\"UPDATE case_record SET notes = 'half-written'\")\n"
        "c.execute('CREATE TABLE filler (x)')\n"
        "c.executemany('INSERT INTO filler VALUES (?)', [('y' * 1000,)] * 5000)\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", crash, str(path)], check=True)
    assert Path(f"{path}-journal").exists()
    with Repository.open(str(path), create=False) as repository:
        assert repository.schema_version == 3
        assert repository.get_case("FIX-001").case.notes == "Fixture case with every field set."
        assert repository.check().healthy
    assert "filler" not in str(schema_of(path)["objects"])


def test_a_version_2_server_database_gains_the_search_index():
    # A database server gets its tables from the models; from version 2 on, upgrades only
    # add indexes. Checked here on SQLAlchemy's SQLite dialect (no server in the tests).
    from sqlalchemy import create_engine, insert, inspect, select

    from tareaid.store import connection as module
    from tareaid.store.models import METADATA

    engine = create_engine("sqlite://")
    try:
        with engine.begin() as connection:
            METADATA.create_all(connection)
            module._SERVER_META.create_all(connection)
            connection.exec_driver_sql("DROP INDEX ix_case_record_reference_search")
            connection.execute(insert(module._SERVER_SCHEMA).values(version=2))
            assert module._upgrade_server(connection, 2, "server") == 3
            names = {index["name"] for index in inspect(connection).get_indexes("case_record")}
            assert "ix_case_record_reference_search" in names
            assert connection.execute(select(module._SERVER_SCHEMA.c.version)).scalar() == 3
        with engine.begin() as connection, pytest.raises(StoreError) as caught:
            module._upgrade_server(connection, 1, "server")
        assert "administrator" in caught.value.message
    finally:
        engine.dispose()
