"""Data loss found by adversarial runs: writers aimed at a database, truncated files, stale
backup parts, a FIFO as the database, and read commands that created an empty database."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest
from store_helpers import make_case, sha256

from tareaid.errors import BadInputError
from tareaid.files import refuse_database_target, write_atomically
from tareaid.store.errors import DamagedDatabaseError
from tareaid.store.repository import Repository


def _database(path: Path) -> Path:
    with Repository.open(str(path)) as repository:
        repository.create_case(make_case("DEMO-01", ecog=1))
    return path


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- 1. no writer overwrites a database, its -wal or its -shm -----------------------------


@pytest.mark.parametrize(
    "command",
    [
        ("report", "DEMO-01", "-o"),
        ("report", "DEMO-01", "--deidentified", "-o"),
        ("export-json", "-o"),
        ("export-json", "DEMO-01", "-o"),
        ("backup", "-o"),
    ],
)
@pytest.mark.parametrize("target", ["db", "db-wal", "db-shm", "other-db"])
def test_no_command_writes_over_a_database_file(tmp_path, cli, command, target):
    db = _database(tmp_path / "cases.sqlite3")
    other = _database(tmp_path / "other.sqlite3")
    aimed = {
        "db": db,
        "db-wal": Path(f"{db}-wal"),
        "db-shm": Path(f"{db}-shm"),
        "other-db": other,
    }[target]
    before = {p.name: sha256(p) for p in tmp_path.iterdir() if p.is_file()}
    code, out, err = cli(*command, str(aimed), db=db)
    assert code == 2, out + err
    assert str(aimed) in err
    assert "database" in err
    assert "Traceback" not in err
    after = {p.name: sha256(p) for p in tmp_path.iterdir() if p.is_file()}
    assert after == before


def test_the_target_check_sees_a_database_open_in_this_process(tmp_path):
    db = _database(tmp_path / "cases.sqlite3")
    with Repository.open(str(db)) as repository:
        repository.create_case(make_case("DEMO-02"))
        for aimed in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-journal")):
            with pytest.raises(BadInputError) as caught:
                write_atomically(aimed, b"%PDF-1.4 not a database")
            assert caught.value.exit_code == 2
            assert str(aimed) in str(caught.value)
        # The repository still works: no lock of SQLite's was dropped by the check.
        repository.create_case(make_case("DEMO-03"))
    with Repository.open(str(db)) as repository:
        assert [s.reference for s in repository.list_cases()] == ["DEMO-01", "DEMO-02", "DEMO-03"]


def test_the_target_check_refuses_a_wal_file_by_its_header(tmp_path):
    wal = tmp_path / "renamed.bin"
    wal.write_bytes(bytes.fromhex("377f0682") + b"\0" * 28)
    with pytest.raises(BadInputError):
        refuse_database_target(wal)


def test_the_target_check_lets_ordinary_files_be_replaced(tmp_path):
    ordinary = tmp_path / "summary.pdf"
    ordinary.write_bytes(b"%PDF-1.4 old")
    refuse_database_target(ordinary)
    write_atomically(ordinary, b"%PDF-1.4 new")
    assert ordinary.read_bytes() == b"%PDF-1.4 new"
    refuse_database_target(tmp_path / "new.pdf")


def test_the_agenda_summary_refuses_a_database(tmp_path):
    from datetime import date

    from tareaid.app.agenda_summary import write_summary

    db = _database(tmp_path / "cases.sqlite3")
    before = sha256(db)
    with pytest.raises(BadInputError):
        write_summary(db, [], date(2026, 12, 3))
    with pytest.raises(BadInputError):
        write_summary(Path(f"{db}-wal"), [], date(2026, 12, 3))
    assert sha256(db) == before
    assert _listing(tmp_path) == ["cases.sqlite3", "home"]


# --- 2. a database cut short is refused untouched -------------------------------------------


@pytest.mark.parametrize("cut", [1, 100, 4096])
def test_a_database_cut_short_is_refused_untouched(tmp_path, cli, cut):
    db = _database(tmp_path / "cases.sqlite3")
    data = db.read_bytes()
    db.write_bytes(data[:-cut])
    before = sha256(db)
    for command in (("list",), ("demo",), ("show", "DEMO-01")):
        code, out, err = cli(*command, db=db)
        assert code == 2, (command, out, err)
        assert str(db) in err
        assert "shorter" in err
    code, out, _ = cli("check", db=db)
    assert code == 1
    assert "shorter" in out
    assert sha256(db) == before
    assert _listing(tmp_path) == ["cases.sqlite3", "home"]


def test_a_short_file_with_its_pages_in_the_wal_is_opened(tmp_path):
    """SQLite reads pages from the WAL first: after a crash in the middle of a checkpoint the
    main file's header (copied back first) may count pages that are still only in the WAL.
    SQLite opens that whole, so it is not refused; the same file without its WAL is."""
    db = tmp_path / "cases.sqlite3"
    _database(db)
    old_size = db.stat().st_size
    # Keep a connection open so the WAL is not folded back, then grow the database in it.
    keeper = sqlite3.connect(db)
    keeper.execute("PRAGMA wal_autocheckpoint=0")
    keeper.execute("SELECT count(*) FROM case_record").fetchone()
    with Repository.open(str(db)) as repository:
        repository.import_cases([make_case(f"W-{i:03d}", notes="x" * 2000) for i in range(60)])
    wal = Path(f"{db}-wal").read_bytes()
    keeper.close()
    # The checkpointed file, as the checkpoint would have finished it.
    finished = db.read_bytes()
    page_size = int.from_bytes(finished[16:18], "big")
    assert len(finished) > old_size + page_size
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    copy = crashed / "cases.sqlite3"
    copy.write_bytes(finished[:old_size])
    Path(f"{copy}-wal").write_bytes(wal)
    with Repository.open(str(copy)) as repository:
        assert len(repository.list_cases()) == 61
    # The same cut without a WAL is refused.
    lone = tmp_path / "lone.sqlite3"
    lone.write_bytes(finished[:old_size])
    before = sha256(lone)
    with pytest.raises(DamagedDatabaseError, match="shorter"):
        Repository.open(str(lone))
    assert sha256(lone) == before


# --- 4. backups leave no stale parts; a FIFO is refused; reads never create ---------------


def test_a_backup_cleans_up_the_parts_a_killed_backup_left(tmp_path):
    db = _database(tmp_path / "cases.sqlite3")
    folder = tmp_path / "backups"
    folder.mkdir()
    stale = folder / ".nightly.sqlite3.tareaid-backup-abcd1234.part"
    stale.write_bytes(db.read_bytes())
    os.chmod(stale, 0o600)
    old = time.time() - 3600
    os.utime(stale, (old, old))
    stale_wal = Path(f"{stale}-journal")
    stale_wal.write_bytes(b"x")
    os.utime(stale_wal, (old, old))
    # Not TAREaid's pattern, or just made (perhaps by a backup running now): kept.
    foreign = folder / ".nightly.sqlite3.abcd1234.part"
    foreign.write_bytes(b"someone else's")
    os.utime(foreign, (old, old))
    fresh = folder / ".other.sqlite3.tareaid-backup-efgh5678.part"
    fresh.write_bytes(b"in progress")
    with Repository.open(str(db)) as repository:
        repository.backup(folder / "today.sqlite3")
    assert _listing(folder) == sorted(
        [
            ".nightly.sqlite3.abcd1234.part",
            ".other.sqlite3.tareaid-backup-efgh5678.part",
            "today.sqlite3",
        ]
    )


def test_a_backup_in_progress_is_not_cleaned_up(tmp_path):
    fcntl = pytest.importorskip("fcntl")
    db = _database(tmp_path / "cases.sqlite3")
    busy = tmp_path / ".busy.sqlite3.tareaid-backup-zzzz9999.part"
    busy.write_bytes(b"being written")
    old = time.time() - 3600
    os.utime(busy, (old, old))
    with open(busy, "rb") as holder:
        fcntl.flock(holder.fileno(), fcntl.LOCK_EX)
        with Repository.open(str(db)) as repository:
            repository.backup(tmp_path / "copy.sqlite3")
        assert busy.exists()


def test_a_fifo_is_refused_before_it_is_opened(tmp_path, cli):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "pipe.sqlite3"
    os.mkfifo(fifo)
    for command in (("list",), ("demo",), ("check",), ("backup", "-o", str(tmp_path / "b"))):
        code, out, err = cli(*command, db=fifo)
        assert code in (1, 2), (command, out, err)
        assert "not a regular file" in out + err
    assert _listing(tmp_path) == ["home", "pipe.sqlite3"]


@pytest.mark.parametrize(
    "command",
    [
        ("list",),
        ("list", "--json"),
        ("show", "X-1"),
        ("export-json", "-o", "out.json"),
        ("history", "X-1"),
        ("check",),
        ("report", "X-1", "-o", "out.pdf"),
        ("backup", "-o", "copy.sqlite3"),
        ("archive", "X-1"),
    ],
)
def test_a_read_command_never_creates_a_database(tmp_path, cli, command, monkeypatch):
    monkeypatch.chdir(tmp_path)
    typo = tmp_path / "typo.db"
    code, out, err = cli(*command, db=typo)
    assert code == 1, out + err
    assert f"no database at {typo}" in out + err
    assert not typo.exists()
    assert _listing(tmp_path) == ["home"]
