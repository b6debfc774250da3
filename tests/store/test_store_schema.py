"""Schema versions of database files: every earlier version upgraded from its committed
fixture, fresh == upgraded, and the files that are refused."""

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
from store_helpers import (
    FIXTURES,
    SCHEMA_FIXTURES,
    SCHEMA_V1_FIXTURE,
    make_case,
    no_backup_beside,
    sha256,
)

from tareaid.store.errors import DamagedDatabaseError, NewerSchemaError
from tareaid.store.health import check_database
from tareaid.store.repository import Repository
from tareaid.store.schema import SCHEMA_VERSION, revision_of

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


def rows_of(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in rowid order."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            t: connection.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables
        }
    finally:
        connection.close()


def _copy_fixture(tmp_path: Path, version: int = 1) -> Path:
    target = tmp_path / f"v{version}" / "cases.sqlite3"
    target.parent.mkdir()
    shutil.copyfile(SCHEMA_FIXTURES[version], target)
    return target


# What each committed fixture holds, typed from its script's docstring and data.
FIXTURE_TABLES = {
    1: {"case_record", "case_override", "audit_entry"},
    2: {"case_record", "case_override", "audit_entry", "agenda_item", "attendee"},
    3: {"case_record", "case_override", "audit_entry", "agenda_item", "attendee"},
    4: {
        "case_record",
        "case_override",
        "audit_entry",
        "agenda_item",
        "attendee",
        "alembic_version",
    },
    5: {
        "case_record",
        "case_override",
        "audit_entry",
        "agenda_item",
        "attendee",
        "alembic_version",
    },
    6: {
        "case_record",
        "case_override",
        "audit_entry",
        "audit_trail_end",
        "agenda_item",
        "attendee",
        "alembic_version",
    },
}
FIXTURE_CASES = {
    1: ["FIX-001", "FIX-002", "FIX-003"],
    2: ["FIX-001", "FIX-002", "FIX-003", "FIX-004"],
    3: ["FIX-001", "FIX-002", "FIX-003", "FIX-004", "FIX-005"],
    4: ["FIX-001", "FIX-002", "FIX-003", "FIX-004", "FIX-005", "FIX-006"],
    5: ["FIX-001", "FIX-002", "FIX-003", "FIX-004", "FIX-005", "FIX-006"],
    6: ["FIX-001", "FIX-002", "FIX-003", "FIX-004", "FIX-005", "FIX-006", "FIX-007"],
}
FIXTURE_AUDIT_ENTRIES = {1: 5, 2: 8, 3: 10, 4: 12, 5: 12, 6: 14}
FIXTURE_OVERRIDES = {1: 2, 2: 3, 3: 3, 4: 3, 5: 3, 6: 3}
FIXTURE_AGENDA_ITEMS = {1: 0, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2}
FIXTURE_ATTENDEES = {1: 0, 2: 3, 3: 4, 4: 4, 5: 4, 6: 4}
# Revision 0005's columns, in the order it adds them.
V5_COLUMNS = ("reference_identity", "audit_head", "audit_count")
CURRENT = revision_of(SCHEMA_VERSION)
EARLIER = [version for version in SCHEMA_FIXTURES if version < SCHEMA_VERSION]


def test_there_is_a_committed_fixture_of_every_schema_version():
    # A new schema version comes with tests/fixtures/make_schema_vN.py and its output, so
    # that the version after it is tested from a real file (README, "Adding a case field").
    assert sorted(SCHEMA_FIXTURES) == list(range(1, SCHEMA_VERSION + 1))
    assert sorted(FIXTURE_CASES) == sorted(SCHEMA_FIXTURES)


@pytest.mark.parametrize("version", sorted(SCHEMA_FIXTURES))
def test_each_fixture_is_its_schema_version(version):
    found = schema_of(SCHEMA_FIXTURES[version])
    assert found["user_version"] == version
    assert found["application_id"] == TARE_APPLICATION_ID
    tables = {name for kind, name, _, _ in found["objects"] if kind == "table"}
    # Versions 1-3 come from before the Alembic ladder: user_version is their only mark;
    # from version 4 on, the ladder's alembic_version table is there too.
    assert tables == FIXTURE_TABLES[version]


@pytest.mark.parametrize("version", sorted(SCHEMA_FIXTURES))
def test_the_committed_fixture_is_what_its_script_builds(version, tmp_path):
    rebuilt = tmp_path / "rebuilt.sqlite3"
    subprocess.run(
        [sys.executable, str(FIXTURES / f"make_schema_v{version}.py"), str(rebuilt)],
        check=True,
        capture_output=True,
    )
    assert schema_of(rebuilt) == schema_of(SCHEMA_FIXTURES[version])
    assert rows_of(rebuilt) == rows_of(SCHEMA_FIXTURES[version])


@pytest.mark.parametrize("version", sorted(SCHEMA_FIXTURES))
def test_opening_a_fixture_keeps_every_case_and_audit_entry(version, tmp_path):
    path = _copy_fixture(tmp_path, version)
    before = rows_of(path)
    with Repository.open(str(path), create=False) as repository:
        assert repository.schema_version == SCHEMA_VERSION
        references = [s.reference for s in repository.list_cases(include_archived=True)]
        assert references == FIXTURE_CASES[version]
        for reference in references:
            repository.get_case(reference)  # every row still reads as a case
    report = check_database(str(path))
    assert report.healthy, report.problems  # the hash chain included
    assert report.schema_version == SCHEMA_VERSION
    after = rows_of(path)
    # Overrides, the trail, agenda and attendees: every row as it was.
    assert len(after["audit_entry"]) == FIXTURE_AUDIT_ENTRIES[version]
    assert len(after["case_override"]) == FIXTURE_OVERRIDES[version]
    assert len(after.get("agenda_item", [])) == FIXTURE_AGENDA_ITEMS[version]
    assert len(after.get("attendee", [])) == FIXTURE_ATTENDEES[version]
    for table in ("audit_entry", "case_override", "agenda_item", "attendee"):
        # Every row as it was, in the columns it had (a later version may add a column,
        # such as the audit trail's database login).
        assert [
            row[: len(old)]
            for row, old in zip(after.get(table, []), before.get(table, []), strict=True)
        ] == before.get(table, [])
    # Cases as they were, but for the stored summaries (case_record columns 37-43: counts,
    # headline, assessed_with), recomputed on opening, and columns added since.
    assert [row[:37] + row[44:48] for row in after["case_record"]] == [
        row[:37] + row[44:48] for row in before["case_record"]
    ]
    backups = list((path.parent / "cases.sqlite3.backups").glob("*Z-before-upgrade.sqlite3"))
    if version < SCHEMA_VERSION:
        # Upgraded after a backup; the ladder now knows the file's place.
        assert len(backups) == 1
        assert after["alembic_version"] == [(CURRENT,)]
    else:
        assert backups == []
        assert after.get("alembic_version") == before.get("alembic_version")
    assert schema_of(path)["user_version"] == SCHEMA_VERSION


def test_upgrade_from_version_1_keeps_every_row(tmp_path):
    path = _copy_fixture(tmp_path)
    with Repository.open(str(path), create=False) as repository:
        assert repository.schema_version == SCHEMA_VERSION
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


def test_the_board_rows_of_version_2_are_kept(tmp_path):
    path = _copy_fixture(tmp_path, 2)
    with Repository.open(str(path), create=False) as repository:
        assert repository.agenda(date(2026, 12, 3)) == ["FIX-004", "FIX-001"]
        assert repository.attendees() == [
            ("Dr A (fictional)", "HPB surgery"),
            ("Dr B (fictional)", "Medical oncology"),
            ("Dr 山田 (fictional)", "Interventional radiology"),
        ]
        case = repository.get_case("FIX-004").case
        assert case.overrides["ras_status"].reason == "Fixture: RAS result pending"
        assert case.decision is not None and case.decision.finalised is False
        assert [e.field for e in repository.history("FIX-004")] == [None, "ecog", "board_date"]
        assert repository.history("FIX-004")[-1].user == "coordinator"


def test_the_renamed_case_of_version_3_keeps_its_history(tmp_path):
    path = _copy_fixture(tmp_path, 3)
    with Repository.open(str(path), create=False) as repository:
        assert [e.action for e in repository.history("FIX-OLD-5")] == ["import", "rename"]
        assert repository.get_case("FIX-005").version == 2
        assert ("Dr C (fictional)", "Pathology") in repository.attendees()


# The case_record columns version 4 added, typed by hand from CONTRACT.md §2b.
V4_COLUMNS = (
    "histology",
    "life_expectancy_3_months",
    "lung_metastasis_count",
    "lung_metastasis_max_mm",
    "nodal_regions",
    "nodal_max_mm",
    "bone_metastases",
    "peritoneal_metastases",
    "other_extrahepatic_site",
    "albumin_g_dl",
    "ascites",
    "cirrhosis",
    "portal_hypertension",
    "main_portal_vein_involvement",
    "prior_adjuvant_chemotherapy",
    "adjuvant_ended_on",
    "first_line_regimen",
    "peripheral_neuropathy_grade",
    "prior_upper_abdominal_radiotherapy",
    "other_active_malignancy",
    "lung_dose_gy",
)


def test_upgrade_from_version_3_adds_the_case_fields_and_keeps_every_case_and_audit_entry(
    tmp_path,
):
    path = _copy_fixture(tmp_path, 3)
    before = rows_of(path)
    with Repository.open(str(path), create=False) as repository:
        changed = repository.get_case("FIX-005")
        assert changed.case.lung_dose_gy is None and changed.case.histology is None
        report = repository.check()
        assert report.healthy, report.problems
        # The new fields are stored, read back and audited like the old ones.
        saved = repository.save_case(
            changed.case.with_changes(
                histology="adenocarcinoma",
                lung_metastasis_count=2,
                lung_metastasis_max_mm=8,
                adjuvant_ended_on=date(2025, 3, 31),
                albumin_g_dl=3.4,
                lung_dose_gy=12.5,
            ),
            expected_version=2,
        )
        assert saved.version == 3
        again = repository.get_case("FIX-005").case
        assert again.histology == "adenocarcinoma"
        assert (again.lung_metastasis_count, again.lung_metastasis_max_mm) == (2, 8)
        assert again.adjuvant_ended_on == date(2025, 3, 31)
        assert (again.albumin_g_dl, again.lung_dose_gy) == (3.4, 12.5)
        changes = [(e.field, e.old, e.new) for e in repository.history("FIX-005")[2:]]
        assert changes == [
            ("histology", "null", '"adenocarcinoma"'),
            ("lung_metastasis_count", "null", "2"),
            ("lung_metastasis_max_mm", "null", "8"),
            ("albumin_g_dl", "null", "3.4"),
            ("adjuvant_ended_on", "null", '"2025-03-31"'),
            ("lung_dose_gy", "null", "12.5"),
        ]
    after = rows_of(path)
    # Every audit entry from before is still there, unchanged; every other case row keeps
    # its values and gains the new columns, empty.
    assert [
        row[: len(old)]
        for row, old in zip(after["audit_entry"], before["audit_entry"], strict=False)
    ] == before["audit_entry"]
    columns = [row[1] for row in schema_of(path)["details"]["case_record"][0]]
    # Version 5's columns come right after version 4's (a later version's columns may follow).
    v4_end = columns.index(V5_COLUMNS[0])
    assert columns[v4_end : v4_end + len(V5_COLUMNS)] == list(V5_COLUMNS)
    assert columns[v4_end - len(V4_COLUMNS) : v4_end] == list(V4_COLUMNS)
    for old, new in zip(before["case_record"], after["case_record"], strict=True):
        if old[1] == "FIX-005":
            continue
        assert new[:37] + new[44:48] == old[:37] + old[44:48]
        assert new[v4_end - len(V4_COLUMNS) : v4_end] == (None,) * len(V4_COLUMNS)


def test_the_second_release_fields_of_version_4_are_read(tmp_path):
    path = _copy_fixture(tmp_path, 4)
    with Repository.open(str(path), create=False) as repository:
        stored = repository.get_case("FIX-006")
        assert stored.version == 2
        assert stored.case.histology == "adenocarcinoma"
        assert stored.case.prior_adjuvant_chemotherapy is True
        assert stored.case.adjuvant_ended_on == date(2025, 3, 31)
        assert (stored.case.albumin_g_dl, stored.case.lung_dose_gy) == (3.6, 12.5)
        history = repository.history("FIX-006")
        assert [(e.action, e.field, e.old, e.new) for e in history][1:] == [
            ("change", "albumin_g_dl", "3.2", "3.6")
        ]
        assert repository.check().healthy


def test_the_database_logins_of_version_6_are_read(tmp_path):
    path = _copy_fixture(tmp_path, 6)
    with Repository.open(str(path), create=False) as repository:
        trail = repository.history("FIX-007")
        assert [(e.action, e.user, e.login) for e in trail] == [
            ("import", "fixture-user", "board_login"),
            ("archive", "coordinator", "coordinator_login"),
        ]
        assert [e.login for e in repository.history("FIX-001")] == [None]
        assert repository.get_case("FIX-007").archived is True
        report = repository.check()
        assert report.healthy, report.problems


def test_upgrading_to_version_6_counts_the_trail_into_its_end_row(tmp_path):
    path = _copy_fixture(tmp_path, 5)
    before = rows_of(path)["audit_entry"]
    with Repository.open(str(path), create=False) as repository:
        repository.create_case(make_case("NEW-1"))
    after = rows_of(path)
    # The end row: the 12 entries of version 5 and the new one, and the newest hash.
    assert after["audit_trail_end"] == [(1, 13, after["audit_entry"][-1][10])]
    assert [row[:11] for row in after["audit_entry"][:12]] == before
    assert [row[11] for row in after["audit_entry"]] == [None] * 13  # no logins in a file


def test_a_current_file_is_opened_without_an_upgrade(tmp_path):
    path = tmp_path / "cases.sqlite3"
    with Repository.open(str(path)) as repository:
        repository.create_case(make_case("C-1"))
    with Repository.open(str(path), create=False) as repository:
        assert repository.schema_version == SCHEMA_VERSION
    assert no_backup_beside(path)
    assert rows_of(path)["alembic_version"] == [(CURRENT,)]


def test_upgrade_takes_a_backup_of_the_old_file_first(tmp_path):
    path = _copy_fixture(tmp_path)
    with Repository.open(str(path), create=False):
        pass
    folder = path.parent / "cases.sqlite3.backups"
    backups = sorted(folder.glob("*Z-before-upgrade.sqlite3"))
    assert len(backups) == 1
    assert backups[0].stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700
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
    assert sorted(folder.iterdir()) == backups


@pytest.mark.parametrize("version", EARLIER)
def test_a_fresh_database_is_identical_to_an_upgraded_one(version, tmp_path):
    upgraded = _copy_fixture(tmp_path, version)
    fresh = tmp_path / "fresh.sqlite3"
    with Repository.open(str(upgraded), create=False):
        pass
    with Repository.open(str(fresh)):
        pass
    assert schema_of(fresh) == schema_of(upgraded)
    assert schema_of(fresh)["user_version"] == SCHEMA_VERSION
    assert rows_of(fresh)["alembic_version"] == [(CURRENT,)]


def test_the_fixture_of_the_current_version_has_the_schema_of_a_fresh_database(tmp_path):
    fresh = tmp_path / "fresh.sqlite3"
    with Repository.open(str(fresh)):
        pass

    def without_ladder_record(path: Path) -> list[Any]:
        # Files from before the ladder (up to version 3) have no Alembic record.
        return [o for o in schema_of(path)["objects"] if "alembic_version" not in o[2]]

    assert without_ladder_record(fresh) == without_ladder_record(SCHEMA_FIXTURES[SCHEMA_VERSION])


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

    def by_column_name(details: dict[str, Any]) -> dict[str, Any]:
        # A column added by a later revision comes last in the table, while the models list
        # a case field where the field table has it: compare columns by name.
        return {
            table: (
                sorted(row[1:] for row in columns),
                [(*index[:4], [column[2] for column in index[4]]) for index in indexes],
                keys,
            )
            for table, (columns, indexes, keys) in details.items()
            if table != "alembic_version"
        }

    # Column types, nullability, keys, indexes and foreign keys agree (the SQL text differs
    # only in layout and constraint names, and triggers exist only in the migrated schema).
    assert by_column_name(schema_of(from_models)["details"]) == by_column_name(
        schema_of(fresh)["details"]
    )


def test_an_upgrade_checks_the_file_first_even_when_opened_without_the_check(
    tmp_path, damage_index
):
    path = damage_index(_copy_fixture(tmp_path, 2))
    before = sha256(path)
    with pytest.raises(DamagedDatabaseError):
        Repository.open(str(path), create=False, verify=False)
    assert sha256(path) == before
    assert no_backup_beside(path)


def test_an_upgrade_that_would_leave_a_broken_reference_changes_nothing(tmp_path):
    path = _copy_fixture(tmp_path, 2)
    connection = sqlite3.connect(path)  # foreign keys are not enforced here
    try:
        connection.execute(
            "INSERT INTO case_override (case_id, factor, tier, reason) "
            "VALUES (99, 'ecog', 'neutral', 'Refers to no case')"
        )
        connection.commit()
    finally:
        connection.close()
    before = rows_of(path)
    with pytest.raises(DamagedDatabaseError) as caught:
        Repository.open(str(path), create=False)
    assert "1 broken references; nothing was changed" in caught.value.message
    assert "a copy from before is in cases.sqlite3.backups/" in caught.value.message
    assert rows_of(path) == before
    assert schema_of(path)["user_version"] == 2


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


def test_check_reports_a_schema_history_that_disagrees_with_the_header(tmp_path):
    path = tmp_path / "cases.sqlite3"
    with Repository.open(str(path)):
        pass
    connection = sqlite3.connect(path)
    try:
        connection.execute("UPDATE alembic_version SET version_num = '0002'")
        connection.commit()
    finally:
        connection.close()
    report = check_database(str(path))
    assert not report.healthy
    assert report.problems == (
        f"the schema history (revision 0002) does not match schema version {SCHEMA_VERSION}",
    )


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
        assert repository.schema_version == SCHEMA_VERSION
        assert repository.get_case("FIX-001").case.notes == "Fixture case with every field set."
        assert repository.check().healthy
    assert "filler" not in str(schema_of(path)["objects"])
