"""A checked or refused database file is left exactly as it was: same bytes, and no -wal or
-shm file left beside it (on a read-only database a leftover -shm blocked later writes)."""

from __future__ import annotations

import os
import sqlite3
import struct
from pathlib import Path

import pytest
from ci_requirements import require_unprivileged_user
from store_helpers import make_case, run_cli, sha256

from tareaid.store.repository import Repository


def _healthy(folder: Path) -> Path:
    path = folder / "cases.sqlite3"
    with Repository.open(str(path)) as repository:
        repository.import_cases([make_case(f"U-{i:03d}", ecog=i % 5) for i in range(50)])
    return path


def _newer(folder: Path) -> Path:
    path = _healthy(folder)
    data = bytearray(path.read_bytes())
    data[60:64] = struct.pack(">i", 99)
    path.write_bytes(bytes(data))
    return path


def _damaged(folder: Path) -> Path:
    path = folder / "cases.sqlite3"
    with Repository.open(str(path)) as repository:
        repository.import_cases([make_case(f"D-{i:04d}", notes="n" * 300) for i in range(300)])
    data = bytearray(path.read_bytes())
    for start in range(3 * 4096, len(data) - 4096, 5 * 4096):
        data[start : start + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))
    return path


def _truncated(folder: Path) -> Path:
    path = _healthy(folder)
    path.write_bytes(path.read_bytes()[:-1])
    return path


def _foreign(folder: Path) -> Path:
    path = folder / "other.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA application_id = 1234567")
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    return path


def _text(folder: Path) -> Path:
    path = folder / "notes.sqlite3"
    path.write_text("not a database\n" * 10, "utf-8")
    return path


MAKERS = {
    "healthy": _healthy,
    "newer": _newer,
    "damaged": _damaged,
    "truncated": _truncated,
    "foreign": _foreign,
    "text": _text,
}


def _state(folder: Path) -> dict[str, str]:
    return {p.name: sha256(p) for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("kind", list(MAKERS))
def test_check_leaves_the_file_and_its_folder_as_they_were(tmp_path, cli, kind):
    folder = tmp_path / "data"
    folder.mkdir()
    path = MAKERS[kind](folder)
    before = _state(folder)
    code, out, err = cli("check", db=path)
    assert code == (0 if kind == "healthy" else 1), out + err
    assert _state(folder) == before


@pytest.mark.parametrize("kind", [k for k in MAKERS if k != "healthy"])
def test_a_refused_open_leaves_the_file_and_its_folder_as_they_were(tmp_path, cli, kind):
    folder = tmp_path / "data"
    folder.mkdir()
    path = MAKERS[kind](folder)
    before = _state(folder)
    for command in (("list",), ("demo",)):
        code, out, err = cli(*command, db=path)
        assert code == 2, (command, out, err)
    assert _state(folder) == before


def test_a_read_only_file_is_refused_without_leaving_anything(tmp_path, cli, monkeypatch):
    folder = tmp_path / "data"
    folder.mkdir()
    path = _healthy(folder)
    before = _state(folder)
    real_access = os.access

    def read_only(target, mode, *args, **kwargs):
        if mode & os.W_OK and Path(target) == path:
            return False
        return real_access(target, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", read_only)
    code, out, err = cli("demo", db=path)
    assert code == 1, out + err
    assert "read-only" in err
    assert _state(folder) == before


def test_existing_sidecars_are_never_removed(tmp_path, cli):
    """While another program has the database open its -wal and -shm are there: a check
    reads through them and leaves them (and their contents) alone."""
    folder = tmp_path / "data"
    folder.mkdir()
    path = _healthy(folder)
    holder = sqlite3.connect(path)
    holder.execute("PRAGMA wal_autocheckpoint=0")
    holder.execute("SELECT count(*) FROM case_record").fetchone()
    try:
        names = sorted(p.name for p in folder.iterdir())
        assert names == ["cases.sqlite3", "cases.sqlite3-shm", "cases.sqlite3-wal"]
        wal_before = sha256(Path(f"{path}-wal"))
        code, out, err = cli("check", db=path)
        assert code == 0, out + err
        assert sorted(p.name for p in folder.iterdir()) == names
        assert sha256(Path(f"{path}-wal")) == wal_before
    finally:
        holder.close()


@pytest.mark.unprivileged
@pytest.mark.parametrize("lock", ["file", "folder"])
def test_a_read_only_database_can_be_checked_and_stays_clean(tmp_path, lock):
    require_unprivileged_user()
    folder = tmp_path / "data"
    folder.mkdir()
    path = _healthy(folder)
    before = _state(folder)
    locked = path if lock == "file" else folder
    locked.chmod(0o500 if lock == "folder" else 0o400)
    try:
        checked = run_cli("check", db=path, tmp_path=tmp_path)
        assert checked.returncode == 0, checked.stdout + checked.stderr
        listed = run_cli("list", db=path, tmp_path=tmp_path)
        assert listed.returncode == 1
        assert "read-only" in listed.stderr
    finally:
        locked.chmod(0o700 if lock == "folder" else 0o600)
    assert _state(folder) == before
    # Nothing left behind blocks writing once the file is writable again.
    with Repository.open(str(path)) as repository:
        repository.create_case(make_case("AFTER-1"))
