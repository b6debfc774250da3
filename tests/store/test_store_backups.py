"""Automatic backups: when they are taken, where, how many are kept, and that a failure never
stops the work (but does stop a schema upgrade)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from ci_requirements import require_unprivileged_user
from store_helpers import SCHEMA_FIXTURES, case_file, make_case, run_cli, sha256

from tareaid.store import backups
from tareaid.store.backups import (
    BEFORE_IMPORT,
    BEFORE_MIGRATE,
    BEFORE_UPGRADE,
    DAILY,
    BackupFile,
    automatic_backup,
    backup_before_import,
    to_keep,
)
from tareaid.store.errors import StoreEnvironmentError
from tareaid.store.repository import Repository
from tareaid.store.schema import SCHEMA_VERSION


def _database(path: Path, cases: int = 3) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with Repository.open(str(path)) as repository:
        if cases:
            repository.import_cases([make_case(f"CASE-{i:03d}") for i in range(1, cases + 1)])
    return path


def _cases_in(path: Path) -> int:
    connection = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return connection.execute("SELECT count(*) FROM case_record").fetchone()[0]
    finally:
        connection.close()


def _user_version(path: Path) -> int:
    connection = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return connection.execute("PRAGMA user_version").fetchone()[0]
    finally:
        connection.close()


def _dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _at(day: int, hour: int = 9, month: int = 1) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=UTC)


# --- where and how -----------------------------------------------------------------------------


def test_a_backup_goes_in_a_private_folder_beside_the_database(tmp_path):
    path = _database(tmp_path / "db" / "cases.sqlite3")
    previous = os.umask(0o022)  # a permissive umask must not widen the modes
    try:
        outcome = automatic_backup(str(path), DAILY, now=_at(5, 14))
    finally:
        os.umask(previous)
    folder = tmp_path / "db" / "cases.sqlite3.backups"
    assert outcome.problem is None and outcome.skipped is None
    assert outcome.path == folder / "20260105T140000000000Z-daily.sqlite3"
    assert _names(folder) == ["20260105T140000000000Z-daily.sqlite3"]
    assert folder.stat().st_mode & 0o777 == 0o700
    assert outcome.path.stat().st_mode & 0o777 == 0o600
    assert _cases_in(outcome.path) == 3
    # One self-contained file: reading it leaves nothing beside it.
    connection = sqlite3.connect(f"file:{outcome.path}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        connection.close()
    assert _names(folder) == ["20260105T140000000000Z-daily.sqlite3"]


def test_each_kind_is_named_by_its_kind(tmp_path):
    path = _database(tmp_path / "cases.sqlite3")
    with Repository.open(str(path)) as repository:
        assert automatic_backup(repository, BEFORE_IMPORT, now=_at(6, 10)).path is not None
    # The call `tareaid migrate` makes, with the --db value as given.
    assert automatic_backup(str(path), BEFORE_MIGRATE, now=_at(6, 11)).path is not None
    assert _names(tmp_path / "cases.sqlite3.backups") == [
        "20260106T100000000000Z-before-import.sqlite3",
        "20260106T110000000000Z-before-migrate.sqlite3",
    ]


def test_at_most_one_daily_backup_a_day(tmp_path):
    path = _database(tmp_path / "cases.sqlite3")
    folder = tmp_path / "cases.sqlite3.backups"
    assert automatic_backup(path, DAILY, now=_at(7, 8)).path is not None
    later = automatic_backup(path, DAILY, now=_at(7, 23))
    assert later.path is None
    assert later.skipped and "today" in later.skipped
    # Another kind on the same day is taken all the same.
    assert automatic_backup(path, BEFORE_IMPORT, now=_at(7, 23)).path is not None
    assert automatic_backup(path, DAILY, now=_at(8, 0)).path is not None
    assert _names(folder) == [
        "20260107T080000000000Z-daily.sqlite3",
        "20260107T230000000000Z-before-import.sqlite3",
        "20260108T000000000000Z-daily.sqlite3",
    ]


def test_nothing_to_back_up_is_skipped_quietly(tmp_path):
    empty = _database(tmp_path / "empty.sqlite3", cases=0)
    assert automatic_backup(empty, DAILY).skipped == "the database holds no case yet"
    assert not (tmp_path / "empty.sqlite3.backups").exists()
    missing = automatic_backup(tmp_path / "missing.sqlite3", DAILY)
    assert missing.skipped and missing.problem is None
    server = automatic_backup("postgresql://someone@127.0.0.1:1/nothing", BEFORE_MIGRATE)
    assert server.path is None and server.problem is None
    assert "server" in server.skipped
    with Repository.open("sqlite://") as in_memory:
        assert automatic_backup(in_memory, DAILY).skipped == server.skipped
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".backups")]


# --- how many are kept -----------------------------------------------------------------------


def test_twenty_days_of_dailies_keep_seven_and_the_weeklies_of_four_weeks(tmp_path):
    path = _database(tmp_path / "cases.sqlite3")
    folder = tmp_path / "cases.sqlite3.backups"
    folder.mkdir(mode=0o700)
    # Things in the folder that are not TAREaid's backups, and a copy from an older TAREaid.
    foreign = {
        "notes.txt": b"my notes",
        "20260101T090000000000Z-weekly.sqlite3": b"not a kind of ours",
        "20260101T090000000000Z-daily.sqlite3.old": b"renamed by hand",
        ".20260102T090000000000Z-daily.sqlite3.abc.part": b"half a copy",
    }
    for name, data in foreign.items():
        (folder / name).write_bytes(data)
    (folder / "kept").mkdir()
    (folder / "kept" / "20251201T090000000000Z-daily.sqlite3").write_bytes(b"in a subfolder")
    legacy = tmp_path / "cases.sqlite3.before-v4-20251101T000000000000Z.bak"
    legacy.write_bytes(b"an older copy")

    # Thursday 1 January 2026 (ISO week 1 of 2026) to Tuesday 20 January (week 4).
    for day in range(1, 21):
        assert automatic_backup(path, DAILY, now=_at(day)).path is not None

    ours = [name for name in _names(folder) if name.endswith("Z-daily.sqlite3")]
    assert ours == [
        "20260104T090000000000Z-daily.sqlite3",  # Sunday: week 1's newest
        "20260111T090000000000Z-daily.sqlite3",  # Sunday: week 2's newest
        "20260114T090000000000Z-daily.sqlite3",  # the seven newest …
        "20260115T090000000000Z-daily.sqlite3",
        "20260116T090000000000Z-daily.sqlite3",
        "20260117T090000000000Z-daily.sqlite3",
        "20260118T090000000000Z-daily.sqlite3",  # … also week 3's newest
        "20260119T090000000000Z-daily.sqlite3",
        "20260120T090000000000Z-daily.sqlite3",  # … also week 4's newest
    ]
    for name, data in foreign.items():
        assert (folder / name).read_bytes() == data
    assert (folder / "kept" / "20251201T090000000000Z-daily.sqlite3").exists()
    assert legacy.read_bytes() == b"an older copy"
    assert len(_names(folder)) == len(ours) + len(foreign) + 1


def _file(kind: str, when: datetime) -> BackupFile:
    return BackupFile(Path(backups.backup_name(kind, when)), kind, when)


def test_a_long_absence_keeps_the_weeklies_from_before_it():
    dailies = [_file(DAILY, _at(day)) for day in range(1, 21)]
    back = _file(DAILY, _at(1, month=4))
    kept = to_keep([*dailies, back])
    # The four most recent weeks that have a backup, not the four weeks before today.
    assert sorted(p.name for p in kept) == [
        "20260111T090000000000Z-daily.sqlite3",
        "20260115T090000000000Z-daily.sqlite3",
        "20260116T090000000000Z-daily.sqlite3",
        "20260117T090000000000Z-daily.sqlite3",
        "20260118T090000000000Z-daily.sqlite3",
        "20260119T090000000000Z-daily.sqlite3",
        "20260120T090000000000Z-daily.sqlite3",
        "20260401T090000000000Z-daily.sqlite3",
    ]


def test_the_five_newest_of_each_operation_kind_are_kept():
    imports = [_file(BEFORE_IMPORT, _at(day)) for day in range(1, 9)]
    upgrades = [_file(BEFORE_UPGRADE, _at(day, 7)) for day in (2, 3)]
    migrations = [_file(BEFORE_MIGRATE, _at(day, 8)) for day in range(10, 17)]
    dailies = [_file(DAILY, _at(day, 6)) for day in range(1, 31)]
    kept = to_keep([*imports, *upgrades, *migrations, *dailies])
    assert {b.path for b in imports if b.path in kept} == {b.path for b in imports[3:]}
    assert {b.path for b in upgrades} <= kept  # thirty dailies later
    assert {b.path for b in migrations if b.path in kept} == {b.path for b in migrations[2:]}


def test_a_pre_upgrade_copy_outlives_the_dailies_after_it(tmp_path):
    path = tmp_path / "cases.sqlite3"
    shutil.copyfile(SCHEMA_FIXTURES[2], path)
    with Repository.open(str(path), create=False):
        pass
    folder = tmp_path / "cases.sqlite3.backups"
    (upgrade,) = folder.glob("*Z-before-upgrade.sqlite3")
    for day in range(1, 16):
        assert automatic_backup(path, DAILY, now=_at(day)).path is not None
    assert upgrade.exists()
    # 9 to 15 January, and 4 January (the newest of ISO week 1).
    assert len(list(folder.glob("*Z-daily.sqlite3"))) == 8


# --- before an operation ------------------------------------------------------------------------


@pytest.mark.parametrize("version", sorted(v for v in SCHEMA_FIXTURES if v < SCHEMA_VERSION))
def test_a_schema_upgrade_is_preceded_by_a_copy_of_the_old_file(version, tmp_path):
    path = tmp_path / "cases.sqlite3"
    shutil.copyfile(SCHEMA_FIXTURES[version], path)
    cases = _cases_in(path)
    before = sha256(path)
    with Repository.open(str(path), create=False) as repository:
        assert repository.schema_version == SCHEMA_VERSION
    folder = tmp_path / "cases.sqlite3.backups"
    (copy,) = folder.iterdir()
    assert copy.name.endswith("Z-before-upgrade.sqlite3")
    assert _user_version(copy) == version
    assert _cases_in(copy) == cases
    assert sha256(copy) != before  # rollback-journal mode, same content
    assert copy.stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700


def test_no_upgrade_runs_without_its_copy(tmp_path):
    path = tmp_path / "cases.sqlite3"
    shutil.copyfile(SCHEMA_FIXTURES[3], path)
    (tmp_path / "cases.sqlite3.backups").write_text("a file where the folder would go")
    before = _dump(path)
    with pytest.raises(StoreEnvironmentError) as caught:
        Repository.open(str(path), create=False)
    assert "cases.sqlite3.backups" in caught.value.message
    assert _dump(path) == before
    assert _user_version(path) == 3


def test_an_import_of_more_than_100_cases_is_preceded_by_a_backup(tmp_path):
    path = _database(tmp_path / "cases.sqlite3", cases=1)
    folder = tmp_path / "cases.sqlite3.backups"
    assert backup_before_import(path, 100).skipped
    assert not folder.exists()
    outcome = backup_before_import(path, 101)
    assert outcome.path is not None
    assert outcome.path.name.endswith("Z-before-import.sqlite3")


def test_the_command_line_backs_up_before_an_import_of_101_cases_not_100(tmp_path, cli):
    path = _database(tmp_path / "cases.sqlite3", cases=1)
    folder = tmp_path / "cases.sqlite3.backups"
    hundred = case_file(tmp_path / "100.json", [{"reference": f"A-{i}"} for i in range(100)])
    code, _out, err = cli("import", str(hundred), db=path)
    assert (code, err) == (0, ""), err
    # The day's backup (before the command's first write), and none before the import.
    assert [n.split("Z-", 1)[1] for n in _names(folder)] == ["daily.sqlite3"]
    hundred_one = case_file(tmp_path / "101.json", [{"reference": f"B-{i}"} for i in range(101)])
    code, _out, err = cli("import", str(hundred_one), db=path)
    assert (code, err) == (0, ""), err
    (before_import,) = folder.glob("*Z-before-import.sqlite3")
    assert _cases_in(before_import) == 101  # as it was before the 101 came in
    assert _cases_in(path) == 202


def test_only_the_writing_commands_take_the_daily_backup(tmp_path, cli):
    path = _database(tmp_path / "cases.sqlite3", cases=2)
    folder = tmp_path / "cases.sqlite3.backups"
    for command in (
        ("list",),
        ("show", "CASE-001"),
        ("history", "CASE-001"),
        ("export-json", "-o", str(tmp_path / "out.json")),
        ("backup", "-o", str(tmp_path / "copy.sqlite3")),
        ("backups",),
        ("check",),
    ):
        code, out, err = cli(*command, db=path)
        assert code == 0, (command, out, err)
        assert not folder.exists(), command
    for command in (("archive", "CASE-001"), ("restore", "CASE-001"), ("demo",)):
        shutil.rmtree(folder, ignore_errors=True)
        code, out, err = cli(*command, db=path)
        assert (code, err) == (0, ""), (command, err)
        assert len(list(folder.glob("*Z-daily.sqlite3"))) == 1, command


# --- failures -----------------------------------------------------------------------------------


def test_a_failed_backup_is_reported_and_the_command_goes_on(tmp_path, cli):
    path = _database(tmp_path / "cases.sqlite3")
    blocker = tmp_path / "cases.sqlite3.backups"
    blocker.write_text("a file where the folder would go")
    outcome = automatic_backup(path, DAILY)
    assert outcome.path is None
    assert outcome.problem.startswith("No daily backup was made: ")
    assert str(blocker) in outcome.problem
    cases = case_file(tmp_path / "many.json", [{"reference": f"N-{i}"} for i in range(150)])
    code, out, err = cli("import", str(cases), db=path)
    assert code == 0
    assert "Imported 150 cases" in out
    warnings = err.splitlines()
    assert len(warnings) == 2
    assert warnings[0].startswith("tareaid: warning: No daily backup was made: ")
    assert warnings[1].startswith("tareaid: warning: No backup before an import was made: ")
    assert _cases_in(path) == 153
    assert blocker.read_text() == "a file where the folder would go"


def test_a_damaged_database_never_pushes_good_backups_out(tmp_path, damage_index):
    path = _database(tmp_path / "cases.sqlite3")
    good = automatic_backup(path, DAILY, now=_at(1)).path
    damage_index(path)
    outcome = automatic_backup(path, DAILY, now=_at(2))
    assert outcome.path is None
    assert "integrity check" in outcome.problem
    assert _names(tmp_path / "cases.sqlite3.backups") == [good.name]


@pytest.mark.unprivileged
def test_a_read_only_backup_folder_does_not_stop_the_work(tmp_path):
    require_unprivileged_user()
    path = _database(tmp_path / "cases.sqlite3")
    folder = tmp_path / "cases.sqlite3.backups"
    folder.mkdir(mode=0o500)
    try:
        result = run_cli("archive", "CASE-001", db=path, tmp_path=tmp_path)
        assert result.returncode == 0, result.stderr
        assert "Archived CASE-001" in result.stdout
        assert result.stderr.startswith("tareaid: warning: No daily backup was made: ")
        assert "Permission denied" in result.stderr
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


# --- reading and restoring ------------------------------------------------------------------------


def test_describe_and_restore_a_copy_leave_the_backup_as_it_was(tmp_path):
    path = _database(tmp_path / "cases.sqlite3", cases=4)
    automatic_backup(path, DAILY, now=_at(3))
    with Repository.open(str(path)) as repository:
        repository.create_case(make_case("LATER-1"))
    automatic_backup(path, BEFORE_IMPORT, now=_at(4))
    folder = tmp_path / "cases.sqlite3.backups"
    listing = _names(folder)
    found = backups.describe(path)
    assert [(b.kind, b.taken_at, b.case_count) for b in found] == [
        (BEFORE_IMPORT, _at(4), 5),
        (DAILY, _at(3), 4),
    ]
    assert all(b.size > 0 and b.schema_version == SCHEMA_VERSION for b in found)
    daily = found[1].path
    digest = sha256(daily)
    target = tmp_path / "restored.sqlite3"
    report = backups.restore_copy(daily, target)
    assert report.healthy, report.problems
    assert report.case_count == 4
    assert target.stat().st_mode & 0o777 == 0o600
    assert sha256(daily) == digest
    assert _names(folder) == listing  # no -wal or -shm left beside a backup


def test_tareaid_backups_lists_them(tmp_path, cli):
    path = _database(tmp_path / "cases.sqlite3", cases=2)
    code, out, _err = cli("backups", db=path)
    assert code == 0
    assert out.startswith(f"No automatic backups of {path} yet")
    automatic_backup(path, DAILY, now=_at(9, 7))
    code, out, _err = cli("backups", db=path)
    assert code == 0
    lines = out.splitlines()
    assert (
        lines[0]
        == f"Automatic backups of {path}, in {tmp_path / 'cases.sqlite3.backups'}, newest first:"
    )
    assert lines[2].startswith("2026-01-09 07:00 UTC  daily")
    assert lines[2].endswith("  2  20260109T070000000000Z-daily.sqlite3")
    code, out, _err = cli("backups", db="postgresql://someone@127.0.0.1:1/nothing")
    assert code == 0
    assert "not backed up automatically" in out
