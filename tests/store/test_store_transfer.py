"""Copies of a whole database (`migrate`, a server's backup) under the data-safety rules:
every column of a case row moves (its reference identity, the head of its audit trail), a
file copied from is backed up first, a copy never lands on a database or one of its
-wal/-shm/-journal files, a copy killed halfway is cleaned up like a backup's part, a value
no import would accept stops the copy, and `check --against` reads a backup of either
backend."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest
from store_helpers import make_case, sha256

from tareaid.files import DatabaseTargetError
from tareaid.store import sqlite_file, transfer
from tareaid.store.errors import DuplicateReferenceError
from tareaid.store.repository import Repository

_CASE_ROWS = (
    "SELECT id, reference, reference_identity, audit_head, audit_count FROM case_record ORDER BY id"
)


def _rows(db: str, sql: str) -> list[tuple]:
    from sqlalchemy import create_engine, text

    url = f"postgresql+psycopg://{db.split('://', 1)[1]}" if "://" in db else f"sqlite:///{db}"
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql))]
    finally:
        engine.dispose()


def _source_file(tmp_path: Path) -> Path:
    source = tmp_path / "source.sqlite3"
    with Repository.open(str(source)) as repository:
        repository.import_cases([make_case("DEMO-01"), make_case("Straße-1")])
        stored = repository.get_case("DEMO-01")
        repository.save_case(stored.case.with_changes(ecog=2), expected_version=stored.version)
    return source


def test_migrate_moves_each_cases_identity_and_audit_head_after_a_backup(backend, tmp_path, cli):
    source = _source_file(tmp_path)
    code, out, err = cli("migrate", "--from", str(source), "--to", backend)
    assert code == 0, err
    assert "healthy" in out
    # The file copied from was backed up first (the automatic kind for a migration).
    kept = list((tmp_path / "source.sqlite3.backups").glob("*Z-before-migrate.sqlite3"))
    assert len(kept) == 1
    moved = _rows(backend, _CASE_ROWS)
    assert moved == _rows(str(source), _CASE_ROWS)
    # The import's entry for each, and DEMO-01's change.
    assert [(row[1], row[2], row[4]) for row in moved] == [
        ("DEMO-01", "demo-01", 2),
        ("Straße-1", "strasse-1", 1),
    ]
    with Repository.open(backend) as copy:
        # The stored identities refuse a look-alike (U+2010, a hyphen) on the copy too.
        with pytest.raises(DuplicateReferenceError):
            copy.create_case(make_case("demo\u201001"))
        stored = copy.get_case("DEMO-01")
        copy.save_case(stored.case.with_changes(ecog=3), expected_version=stored.version)
        assert copy.get_case("DEMO-01").audit_count == 3
        report = copy.check()
        assert report.healthy, report.problems


def test_check_against_a_backup_confirms_the_trail_on_either_backend(backend, tmp_path, cli):
    anchor = tmp_path / "anchor.sqlite3"
    with Repository.open(backend) as repository:
        repository.create_case(make_case("A-1", ecog=1))
        repository.backup(anchor)
        stored = repository.get_case("A-1")
        repository.save_case(stored.case.with_changes(ecog=2), expected_version=1)
    code, out, err = cli("check", "--against", str(anchor), db=backend)
    assert code == 0, out + err
    assert f"{anchor}: the audit trail contains its last audit entry (" in out
    # The backup itself passes every check of a file.
    code, out, err = cli("check", db=anchor)
    assert code == 0, out + err


def test_backup_and_migrate_never_write_over_a_database(backend, tmp_path, cli):
    with Repository.open(backend) as repository:
        repository.create_case(make_case("G-1"))
    other = tmp_path / "other.sqlite3"
    with Repository.open(str(other)) as repository:
        repository.create_case(make_case("L-1"))
    before = sha256(other)
    for target in (other, Path(f"{other}-wal"), Path(f"{other}-journal")):
        code, _, err = cli("backup", "-o", str(target), db=backend)
        assert code == 2, err
        assert f"{target}: " in err and "Choose another file name" in err
        with Repository.open(backend) as repository, pytest.raises(DatabaseTargetError):
            repository.backup(target)
    code, _, err = cli("migrate", "--from", backend, "--to", f"{other}-wal")
    assert code == 2, err
    assert f"belongs to the database {other}" in err
    assert sha256(other) == before
    assert not Path(f"{other}-wal").exists() and not Path(f"{other}-journal").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_a_copy_in_progress_is_locked_and_parts_of_killed_copies_are_removed(tmp_path):
    source = _source_file(tmp_path)
    folder = tmp_path / "copies"
    folder.mkdir()
    killed = folder / f".moved.sqlite3{sqlite_file.BACKUP_PART_PREFIX}Ab3dE6g8.part"
    killed.write_bytes(b"half a copy")
    an_hour_ago = time.time() - 3600
    os.utime(killed, (an_hour_ago, an_hour_ago))
    midway: list[tuple[list[str], list[Path]]] = []

    def progress(_done: int, _total: int) -> None:
        # As a backup to the same folder would, an hour later: this part is being written.
        parts = [p for p in folder.iterdir() if p.name.endswith(".part")]
        for part in parts:
            os.utime(part, (an_hour_ago, an_hour_ago))
        midway.append(([p.name for p in parts], sqlite_file.remove_stale_parts(folder)))

    copied, _ = transfer.migrate(str(source), str(folder / "moved.sqlite3"), progress=progress)
    assert copied.cases == 2
    assert not killed.exists()
    [(parts, removed)] = midway
    assert len(parts) == 1 and parts[0].startswith(".moved.sqlite3.tareaid-backup-")
    assert removed == []
    assert sorted(p.name for p in folder.iterdir()) == ["moved.sqlite3"]


def test_migrate_stops_at_an_invalid_stored_value_and_writes_nothing(tmp_path, cli):
    source = _source_file(tmp_path)
    connection = sqlite3.connect(source)
    try:
        connection.execute(
            "UPDATE case_record SET board_date = '2026-13-45' WHERE reference = 'Straße-1'"
        )
        connection.commit()
    finally:
        connection.close()
    target = tmp_path / "moved.sqlite3"
    code, _, err = cli("migrate", "--from", str(source), "--to", str(target))
    assert code == 1
    assert "case Straße-1: field 'board_date' holds an invalid stored value ('2026-13-45')" in err
    assert "nothing was copied" in err
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
