"""The command line tells the three kinds of failure apart: bad input (exit 2, a message
naming file, case and field), the environment (exit 1, a message naming the database) and
a bug (an "internal error" with its traceback, exit 70)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tareaid.cli import run
from tareaid.store.errors import DatabaseLockedError
from tareaid.store.repository import Repository


def test_bad_input_exits_2_with_the_file_case_and_field_and_no_traceback(tmp_path, capsys):
    path = tmp_path / "cases.json"
    path.write_text(json.dumps({"reference": "CRLM-007", "ecog": 7}), encoding="utf-8")
    code = run(["assess", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"tareaid: error: {path}: case CRLM-007: field 'ecog': 7 is out of range 0–4\n"


def test_a_missing_database_exits_1_naming_it(tmp_path, capsys):
    db = tmp_path / "nowhere.sqlite3"
    code = run(["show", "CRLM-001", "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("tareaid: error: ")
    assert str(db) in err
    assert "Traceback" not in err
    assert not db.exists()


def test_a_locked_database_exits_1_with_its_message(tmp_path, capsys, monkeypatch):
    from tareaid.store.repository import Repository

    def locked(*_args, **_kwargs):
        raise DatabaseLockedError("cases.db: the database is locked by another program")

    _make_database(tmp_path / "cases.db")
    monkeypatch.setattr(Repository, "list_cases", locked)
    code = run(["list", "--db", str(tmp_path / "cases.db")])
    err = capsys.readouterr().err
    assert code == 1
    assert err == "tareaid: error: cases.db: the database is locked by another program\n"


def test_a_file_operation_the_machine_refuses_exits_1_without_a_traceback(
    tmp_path, capsys, monkeypatch
):
    from tareaid.store.repository import Repository

    def refused(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied", "/srv/board/cases.db")

    _make_database(tmp_path / "cases.db")
    monkeypatch.setattr(Repository, "list_cases", refused)
    code = run(["list", "--db", str(tmp_path / "cases.db")])
    err = capsys.readouterr().err
    assert code == 1
    assert err == "tareaid: error: /srv/board/cases.db: Permission denied\n"


# Where each command is made to fail: the assessment (no database) and a database read.
BUG_SITES = {
    "assess": "tareaid.cli.assess_cmd.assess",
    "list": "tareaid.store.repository.Repository.list_cases",
}


@pytest.mark.parametrize("command", sorted(BUG_SITES))
def test_a_bug_is_an_internal_error_with_its_traceback(tmp_path, capsys, monkeypatch, command):
    def boom(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(BUG_SITES[command], boom)
    if command == "assess":
        case_file = tmp_path / "case.json"
        case_file.write_text(json.dumps({"reference": "CRLM-001"}), encoding="utf-8")
        argv = ["assess", str(case_file)]
    else:
        _make_database(tmp_path / "cases.db")
        argv = ["list", "--db", str(tmp_path / "cases.db")]
    code = run(argv)
    out, err = capsys.readouterr()
    assert code == 70
    assert out == ""
    assert err.startswith("tareaid: internal error: RuntimeError: boom\n")
    assert "This is a bug in TAREaid" in err
    assert "Traceback (most recent call last):" in err
    assert err.rstrip().endswith("RuntimeError: boom")


def _make_database(path: Path) -> None:
    # `list` reads only: it never creates a database, so the tests make one first.
    Repository.open(str(path)).close()
