"""Data safety: bad files left untouched, stale edits refused, locks, backups, kills."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from ci_requirements import require_unprivileged_user
from store_helpers import (
    case_file,
    cli_env,
    make_case,
    no_backup_beside,
    run_cli,
    run_cli_many,
    sha256,
)

from tareaid.store import sqlite_file
from tareaid.store.errors import (
    DamagedDatabaseError,
    DatabaseLockedError,
    DatabaseMissingError,
    DiskFullError,
    ForeignDatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    StaleEditError,
)
from tareaid.store.health import check_database
from tareaid.store.repository import Repository

# --- files that are not (healthy) TAREaid databases ------------------------------------------


def _real_database(path: Path, cases: int = 300) -> Path:
    with Repository.open(str(path)) as repository:
        repository.import_cases(
            [make_case(f"R-{i:04d}", notes="n" * 300, ecog=i % 5) for i in range(cases)]
        )
    return path


def _text_file(folder: Path) -> Path:
    path = folder / "notes.sqlite3"
    path.write_text("Board notes, not a database.\n" * 20, "utf-8")
    return path


def _png_file(folder: Path) -> Path:
    path = folder / "scan.sqlite3"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return path


def _other_app_database(folder: Path) -> Path:
    path = folder / "other-app.sqlite3"
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA application_id = 1234567")
        connection.execute("CREATE TABLE t (x)")
        connection.execute("INSERT INTO t VALUES (1)")
        connection.commit()
    finally:
        connection.close()
    return path


def _empty_file(folder: Path) -> Path:
    path = folder / "empty.sqlite3"
    path.write_bytes(b"")
    return path


def _truncated_database(folder: Path) -> Path:
    source = _real_database(folder / "source.sqlite3")
    path = folder / "truncated.sqlite3"
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _damaged_database(folder: Path) -> Path:
    path = _real_database(folder / "damaged.sqlite3")
    data = bytearray(path.read_bytes())
    page = 4096
    # Scribble over the headers of several b-tree pages (never page 1, the file header).
    for start in range(3 * page, len(data) - page, 5 * page):
        data[start : start + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))
    return path


BAD_FILES = {
    # name: (maker, error class, exit code, words in the message)
    "text": (_text_file, NotADatabaseError, 2, "not a database"),
    "png": (_png_file, NotADatabaseError, 2, "not a database"),
    "other application": (_other_app_database, ForeignDatabaseError, 2, "another program"),
    "empty": (_empty_file, NotADatabaseError, 2, "empty"),
    "truncated": (_truncated_database, DamagedDatabaseError, 2, "damaged"),
    "damaged": (_damaged_database, DamagedDatabaseError, 2, "damaged"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_bad_files_are_refused_and_left_untouched(kind, tmp_path, cli):
    make, error_class, exit_code, words = BAD_FILES[kind]
    folder = tmp_path / "bad"
    folder.mkdir()
    path = make(folder)
    before = sha256(path)
    with pytest.raises(error_class) as caught:
        Repository.open(str(path))
    assert caught.value.exit_code == exit_code
    assert str(path) in caught.value.message
    assert words in caught.value.message
    # `tareaid check` reports the problem with exit 1.
    code, out, err = cli("check", db=path)
    assert code == 1, out + err
    assert words in out
    assert sha256(path) == before
    assert not Path(f"{path}.before-v3").exists()
    assert no_backup_beside(path)


def test_the_integrity_check_can_come_after_opening(tmp_path, damage_index):
    path = damage_index(_real_database(tmp_path / "later.sqlite3"))
    before = sha256(path)
    with pytest.raises(DamagedDatabaseError):
        Repository.open(str(path), create=False)  # by default it comes first
    with Repository.open(str(path), create=False, verify=False) as repository:
        # The cheap checks passed and the list reads; the check finds the damage.
        assert repository.count_cases() == 300
        assert len(repository.list_cases(limit=50)) == 50
        with pytest.raises(DamagedDatabaseError) as caught:
            repository.verify_integrity()
        assert str(path) in caught.value.message
        assert "damaged" in caught.value.message
        # From then on every write is refused with the same message.
        with pytest.raises(DamagedDatabaseError) as refused:
            repository.create_case(make_case("NEW-1"))
        assert refused.value.message == caught.value.message
        with pytest.raises(DamagedDatabaseError):
            repository.verify_integrity()
    assert sha256(path) == before
    assert no_backup_beside(path)


def test_a_write_to_an_unchecked_database_runs_the_check_first(tmp_path, damage_index):
    healthy = _real_database(tmp_path / "healthy.sqlite3", cases=10)
    with Repository.open(str(healthy), verify=False) as repository:
        repository.create_case(make_case("NEW-1"))
        repository.verify_integrity()  # passed already: nothing to do
    damaged = damage_index(_real_database(tmp_path / "damaged.sqlite3", cases=10))
    before = sha256(damaged)
    with Repository.open(str(damaged), verify=False) as repository:
        with pytest.raises(DamagedDatabaseError):
            repository.create_case(make_case("NEW-1"))
        with pytest.raises(DamagedDatabaseError):
            repository.import_cases([make_case("NEW-2")])
    assert sha256(damaged) == before


def test_writes_wait_for_a_check_in_progress_and_reads_do_not(tmp_path, monkeypatch):
    path = _real_database(tmp_path / "checked.sqlite3", cases=20)
    repository = Repository.open(str(path), verify=False)
    started, go_on = threading.Event(), threading.Event()
    real_check = sqlite_file.integrity_problems

    def held_check(connection):
        started.set()
        go_on.wait(30)
        return real_check(connection)

    monkeypatch.setattr(sqlite_file, "integrity_problems", held_check)
    checker = threading.Thread(target=repository.verify_integrity)
    writer = threading.Thread(target=lambda: repository.create_case(make_case("NEW-1")))
    try:
        checker.start()
        assert started.wait(30)
        assert repository.checking_integrity
        assert repository.count_cases() == 20  # reads go on
        writer.start()
        writer.join(0.3)
        assert writer.is_alive()  # the write waits for the check
        assert repository.count_cases() == 20
    finally:
        go_on.set()
        checker.join(30)
        writer.join(30)
    assert not repository.checking_integrity
    assert repository.count_cases() == 21
    repository.close()


def test_a_check_in_progress_can_be_stopped(tmp_path, monkeypatch):
    path = _real_database(tmp_path / "stopped.sqlite3", cases=20)
    repository = Repository.open(str(path), verify=False)
    started, go_on = threading.Event(), threading.Event()
    real_check = sqlite_file.integrity_problems

    def held_check(connection):
        started.set()
        go_on.wait(30)
        return real_check(connection)

    monkeypatch.setattr(sqlite_file, "integrity_problems", held_check)
    errors: list[BaseException] = []

    def check() -> None:
        try:
            repository.verify_integrity()
        except BaseException as error:
            errors.append(error)

    checker = threading.Thread(target=check)
    checker.start()
    try:
        assert started.wait(30)
        repository.stop_integrity_check()
    finally:
        go_on.set()
        checker.join(30)
    # Stopped is not damaged: the database counts as not checked yet.
    (error,) = errors
    assert not isinstance(error, DamagedDatabaseError)
    assert "stopped" in error.message
    monkeypatch.setattr(sqlite_file, "integrity_problems", real_check)
    repository.create_case(make_case("NEW-1"))  # checked first, then written
    repository.close()


def test_the_command_line_refuses_bad_files_untouched(tmp_path):
    made = []
    for kind, (make, _, exit_code, words) in BAD_FILES.items():
        folder = tmp_path / kind.replace(" ", "-")
        folder.mkdir()
        path = make(folder)
        made.append((path, sha256(path), exit_code, words))
    # `import` would write; each refusal comes before anything is opened for writing.
    good = case_file(tmp_path / "one.json", [{"reference": "X-1"}])
    results = run_cli_many(
        [("--db", str(path), "import", str(good)) for path, *_ in made],
        db=None,
        tmp_path=tmp_path,
    )
    for (path, digest, exit_code, words), result in zip(made, results, strict=True):
        assert result.returncode == exit_code, (path, result.stderr)
        assert str(path) in result.stderr
        assert words in result.stderr
        assert "Traceback" not in result.stderr
        assert sha256(path) == digest, path
        assert no_backup_beside(path)


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(NotADatabaseError, match="folder"):
        Repository.open(str(tmp_path))


def test_a_missing_database_is_created_only_when_asked(tmp_path):
    path = tmp_path / "missing.sqlite3"
    with pytest.raises(DatabaseMissingError) as caught:
        Repository.open(str(path), create=False)
    assert caught.value.exit_code == 1
    assert not path.exists()
    with pytest.raises(DatabaseMissingError):
        check_database(str(path))
    assert not path.exists()


def test_a_new_database_is_private_to_its_owner(tmp_path):
    path = tmp_path / "new" / "nested" / "cases.sqlite3"
    with Repository.open(str(path)) as repository:
        repository.create_case(make_case("P-1"))
        for name in ("cases.sqlite3", "cases.sqlite3-wal", "cases.sqlite3-shm"):
            assert (path.parent / name).stat().st_mode & 0o777 == 0o600, name
    assert path.parent.stat().st_mode & 0o777 == 0o700
    # Closing folds the WAL back in: one self-contained file, nothing beside it.
    assert sorted(p.name for p in path.parent.iterdir()) == ["cases.sqlite3"]


def test_a_read_only_location_is_reported(tmp_path, monkeypatch):
    path = tmp_path / "ro.sqlite3"
    with Repository.open(str(path)):
        pass
    before = sha256(path)
    real_access = os.access

    def no_writing(target, mode, *args, **kwargs):
        if mode & os.W_OK and Path(target) in (path, tmp_path):
            return False
        return real_access(target, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", no_writing)
    with pytest.raises(ReadOnlyDatabaseError) as caught:
        Repository.open(str(path))
    assert caught.value.exit_code == 1
    assert str(path) in caught.value.message
    assert "read-only" in caught.value.message
    assert sha256(path) == before


@pytest.mark.unprivileged
def test_a_read_only_folder_is_reported(tmp_path):
    require_unprivileged_user()
    folder = tmp_path / "locked-folder"
    folder.mkdir()
    path = folder / "cases.sqlite3"
    with Repository.open(str(path)):
        pass
    folder.chmod(0o500)
    try:
        result = run_cli("list", db=path, tmp_path=tmp_path)
        assert result.returncode == 1
        assert "read-only" in result.stderr
    finally:
        folder.chmod(0o700)


def test_sqlite_errors_become_messages_naming_the_file():
    full = sqlite_file.translate(
        sqlite3.OperationalError("database or disk is full"), "/x.db", busy_timeout_s=5
    )
    assert isinstance(full, DiskFullError)
    assert full.exit_code == 1
    assert full.message.startswith("/x.db: the disk is full")
    locked = sqlite_file.translate(
        sqlite3.OperationalError("database is locked"), "/x.db", busy_timeout_s=5
    )
    assert isinstance(locked, DatabaseLockedError)
    assert locked.exit_code == 1
    assert (
        sqlite_file.translate(sqlite3.IntegrityError("UNIQUE"), "/x.db", busy_timeout_s=5) is None
    )


# --- concurrent use --------------------------------------------------------------------------


def test_a_stale_edit_is_refused_across_two_repositories(db_path):
    with Repository.open(str(db_path)) as first, Repository.open(str(db_path)) as second:
        first.create_case(make_case("S-1", ecog=1))
        mine = first.get_case("S-1")
        theirs = second.get_case("S-1")
        second.save_case(theirs.case.with_changes(ecog=2), expected_version=theirs.version)
        with pytest.raises(StaleEditError) as caught:
            first.save_case(mine.case.with_changes(ecog=3), expected_version=mine.version)
        assert caught.value.exit_code == 1
        assert "changed by someone else" in caught.value.message
        assert str(db_path) in caught.value.message
        assert first.get_case("S-1").case.ecog == 2  # their change was kept
        with pytest.raises(StaleEditError):
            first.archive_case("S-1", expected_version=mine.version)
        with pytest.raises(StaleEditError):
            first.rename_case("S-1", "S-2", expected_version=mine.version)


_OTHER_PROCESS_SAVE = textwrap.dedent(
    """
    import sys
    from tareaid.store.errors import StoreError
    from tareaid.store.repository import Repository
    db, ecog, expected = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with Repository.open(db, create=False) as repository:
        case = repository.get_case("S-1").case
        try:
            stored = repository.save_case(case.with_changes(ecog=ecog),
                                          expected_version=expected)
        except StoreError as error:
            print(type(error).__name__, error.message)
            sys.exit(error.exit_code)
    print("saved", stored.version)
    """
)


def test_a_stale_edit_is_refused_across_two_processes(db_path, tmp_path):
    def other_process(ecog: int, expected: int) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", _OTHER_PROCESS_SAVE, str(db_path), str(ecog), str(expected)],
            env=cli_env(None, tmp_path),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    with Repository.open(str(db_path)) as repository:
        loaded = repository.create_case(make_case("S-1", ecog=1))
        done = other_process(2, loaded.version)
        assert done.returncode == 0, done.stderr
        assert done.stdout.split() == ["saved", "2"]
        with pytest.raises(StaleEditError):
            repository.save_case(loaded.case.with_changes(ecog=3), expected_version=1)
        # And the other way round: this process saves first, theirs is refused.
        current = repository.get_case("S-1")
        repository.save_case(current.case.with_changes(ecog=4), expected_version=2)
        refused = other_process(0, 2)
        assert refused.returncode == 1
        assert refused.stdout.startswith("StaleEditError")
        assert repository.get_case("S-1").case.ecog == 4
        assert repository.check().healthy


def test_concurrent_writers_lose_nothing_and_keep_the_chain(db_path):
    with Repository.open(str(db_path)):
        pass
    errors: list[BaseException] = []

    def writer(prefix: str) -> None:
        try:
            with Repository.open(str(db_path)) as repository:
                for i in range(40):
                    repository.create_case(make_case(f"{prefix}-{i:03d}"))
                    if i % 10 == 0:
                        shared = repository.get_case(f"{prefix}-000")
                        repository.save_case(
                            shared.case.with_changes(ecog=i % 5),
                            expected_version=shared.version,
                        )
        except BaseException as error:  # reported below, in the test thread
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(p,)) for p in ("T1", "T2", "T3")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Repository.open(str(db_path)) as repository:
        assert repository.count_cases() == 120
        report = repository.check()
        assert report.healthy, report.problems


def test_a_locked_database_is_reported_not_waited_on_forever(db_path, monkeypatch, cli):
    with Repository.open(str(db_path)) as repository:
        repository.create_case(make_case("L-1"))
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another program is writing
        with Repository.open(str(db_path), busy_timeout_s=0.2) as repository:
            # Reading still works (WAL) ...
            assert [s.reference for s in repository.list_cases()] == ["L-1"]
            # ... writing waits for the busy timeout, then says why.
            with pytest.raises(DatabaseLockedError) as caught:
                repository.create_case(make_case("L-2"))
            assert caught.value.exit_code == 1
            assert str(db_path) in caught.value.message
            assert "locked by another program" in caught.value.message
        # The command line turns it into exit code 1 and a message, no traceback.
        monkeypatch.setattr(sqlite_file, "DEFAULT_BUSY_TIMEOUT_S", 0.2)
        code, _, err = cli("demo", db=db_path)
        assert code == 1
        assert "locked by another program" in err
        assert "Traceback" not in err
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Repository.open(str(db_path)) as repository:
        assert repository.count_cases() == 1


# --- backups -------------------------------------------------------------------------------


def test_backup_while_another_connection_reads_and_writes(db_path, tmp_path):
    with Repository.open(str(db_path)) as repository:
        repository.import_cases([make_case(f"B-{i:03d}") for i in range(200)])
        reader = sqlite3.connect(db_path, isolation_level=None)
        try:
            reader.execute("BEGIN")
            assert reader.execute("SELECT count(*) FROM case_record").fetchone()[0] == 200
            repository.create_case(make_case("B-LATE"))  # committed while the read is open
            target = tmp_path / "backups" / "copy.sqlite3"
            target.parent.mkdir()
            repository.backup(target)
            assert reader.execute("SELECT count(*) FROM case_record").fetchone()[0] == 200
            reader.execute("COMMIT")
        finally:
            reader.close()
    assert target.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.sqlite3"]
    report = check_database(str(target))
    assert report.healthy, report.problems
    assert report.case_count == 201
    with Repository.open(str(target), create=False) as copy:
        assert copy.get_case("B-LATE").version == 1


def test_backup_refuses_to_overwrite_the_database_itself(repo, db_path):
    from tareaid.errors import BadInputError

    with pytest.raises(BadInputError, match="is a database file"):
        repo.backup(db_path)


# --- a process killed halfway ------------------------------------------------------------------

_IMPORT_LOOP = textwrap.dedent(
    """
    import sys
    from tareaid.domain.case import parse_case
    from tareaid.store.repository import Repository
    db, size = sys.argv[1], int(sys.argv[2])
    with Repository.open(db) as repository:
        for batch in range(20):
            cases = [parse_case({"reference": f"K{batch:02d}-{i:04d}", "ecog": i % 5,
                                 "notes": "x" * 200}) for i in range(size)]
            repository.import_cases(cases)
            print("imported", batch, flush=True)
    """
)


def test_a_killed_import_leaves_only_whole_imports(db_path, tmp_path):
    size = 500
    with Repository.open(str(db_path)):
        pass
    seed = random.randrange(1_000_000)
    delay = random.Random(seed).uniform(0.0, 0.8)
    child = subprocess.Popen(
        [sys.executable, "-c", _IMPORT_LOOP, str(db_path), str(size)],
        env=cli_env(None, tmp_path),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        first = child.stdout.readline()
        assert first.startswith("imported"), first
        time.sleep(delay)  # somewhere inside a later import (or between two)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    report = check_database(str(db_path))
    assert report.healthy, (seed, report.problems)
    assert report.case_count is not None
    assert report.case_count >= size
    assert report.case_count % size == 0, (seed, report.case_count)
    with Repository.open(str(db_path)) as repository:
        assert repository.count_cases() == report.case_count
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        trail = connection.execute("SELECT count(*) FROM audit_entry").fetchone()[0]
    finally:
        connection.close()
    assert trail == report.case_count  # one import row per case, no more, no less


def test_a_copy_of_a_live_database_through_backup_matches(tmp_path, db_path):
    _real_database(db_path, cases=50)
    copy = tmp_path / "plain-copy.sqlite3"
    with Repository.open(str(db_path)) as repository:
        repository.backup(copy)
    shutil.copyfile(copy, tmp_path / "second.sqlite3")
    assert check_database(str(tmp_path / "second.sqlite3")).case_count == 50
