"""Tamper evidence: each attack an adversarial run found unseen, built exactly as described
with raw sqlite3 edits, is named by `check`; a value no import would accept is reported and
never crashes a read; a filed PDF or backup shows a rewritten trail."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from store_helpers import FULL_CASE, full_case, make_case

from tareaid.store.health import check_database
from tareaid.store.repository import Repository


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cases.sqlite3"
    with Repository.open(str(path)) as repository:
        repository.create_case(make_case("CASE-1", ecog=1, patient_name="Ann Example"))
        stored = repository.create_case(full_case("CASE-2"))  # a finalised decision
        repository.create_case(make_case("CASE-3", board_date="2026-12-03"))
        first = repository.get_case("CASE-1")
        repository.save_case(first.case.with_changes(ecog=2), expected_version=first.version)
        assert stored.case.decision.finalised
    return path


def _sql(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path)
    try:
        for statement in statements:
            connection.executescript(statement)
        connection.commit()
    finally:
        connection.close()


def _problems(path: Path) -> str:
    report = check_database(str(path))
    assert not report.healthy
    return "\n".join(report.problems)


_NO_DELETE = """
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only: entries cannot be deleted');
END;
"""


def test_the_untouched_database_is_healthy(db):
    report = check_database(str(db))
    assert report.healthy, report.problems


def test_the_last_audit_entry_deleted_is_seen(db):
    _sql(
        db,
        "DROP TRIGGER audit_entry_no_delete",
        "DELETE FROM audit_entry WHERE id = (SELECT max(id) FROM audit_entry)",
        _NO_DELETE,
    )
    problems = _problems(db)
    assert "case CASE-1" in problems
    assert "audit trail" in problems


def test_the_newest_case_removed_with_its_trail_is_seen(db):
    # Every remaining case agrees with its own trail and the chain is whole up to where it
    # was cut: only the trail's end row (schema version 6) still counts the removed entry.
    with Repository.open(str(db)) as repository:
        repository.create_case(make_case("CASE-4"))
    _sql(
        db,
        "DROP TRIGGER audit_entry_no_delete",
        "DELETE FROM audit_entry WHERE reference = 'CASE-4'",
        "DELETE FROM case_record WHERE reference = 'CASE-4'",
        _NO_DELETE,
    )
    report = check_database(str(db))
    assert report.problems == (
        "audit trail: 1 of its 5 entries are missing (the trail was cut short outside TAREaid)",
    )


@pytest.mark.parametrize(
    "statement, field",
    [
        ("UPDATE case_record SET ecog = 4 WHERE reference = 'CASE-1'", "ecog"),
        (
            "UPDATE case_record SET patient_name = 'Bob Other' WHERE reference = 'CASE-1'",
            "patient_name",
        ),
        ("UPDATE case_record SET decision_finalised = 0 WHERE reference = 'CASE-2'", "decision"),
        ("UPDATE case_override SET tier = 'against' WHERE factor = 'ecog'", "overrides"),
        ("DELETE FROM case_override WHERE factor = 'timing'", "overrides"),
        ("UPDATE case_record SET archived = 1 WHERE reference = 'CASE-3'", "archived"),
    ],
)
def test_a_row_edited_without_an_audit_entry_is_seen_field_by_field(db, statement, field):
    _sql(db, statement)
    problems = _problems(db)
    assert field in problems
    assert "audit trail" in problems


def test_no_op_triggers_of_the_same_names_are_seen(db):
    _sql(
        db,
        "DROP TRIGGER audit_entry_no_update",
        "DROP TRIGGER audit_entry_no_delete",
        "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry BEGIN SELECT 1; END",
        "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry BEGIN SELECT 1; END",
    )
    problems = _problems(db)
    assert "audit_entry_no_update" in problems
    assert "audit_entry_no_delete" in problems


def _entry_hash(previous, row):
    payload = json.dumps([previous, *row], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _rechain(path: Path) -> None:
    """Recompute every entry's hash (what an attacker who knows the unkeyed scheme does)."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")
        rows = connection.execute(
            "SELECT id, at, os_user, case_id, reference, action, field, old_value, "
            "new_value, reason FROM audit_entry ORDER BY id"
        ).fetchall()
        previous = "0" * 64
        for entry_id, *content in rows:
            previous = _entry_hash(previous, content)
            connection.execute(
                "UPDATE audit_entry SET entry_hash = ? WHERE id = ?", (previous, entry_id)
            )
        connection.commit()
    finally:
        connection.close()


def test_an_entry_edited_with_the_chain_recomputed_is_seen(db):
    _sql(
        db,
        "DROP TRIGGER audit_entry_no_update",
        "UPDATE audit_entry SET new_value = '3' WHERE field = 'ecog' AND action = 'change'",
        "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry "
        "BEGIN SELECT RAISE(ABORT, 'x'); END",
    )
    _rechain(db)
    problems = _problems(db)
    assert "CASE-1" in problems
    assert "ecog" in problems


def test_a_forged_entry_appended_with_a_correct_hash_is_seen(db):
    connection = sqlite3.connect(db)
    last_id, last_hash = connection.execute(
        "SELECT id, entry_hash FROM audit_entry ORDER BY id DESC LIMIT 1"
    ).fetchone()
    case_id = connection.execute(
        "SELECT id FROM case_record WHERE reference = 'CASE-3'"
    ).fetchone()[0]
    content = [
        "2026-12-04T00:00:00+00:00",
        "mallory",
        case_id,
        "CASE-3",
        "change",
        "ecog",
        "null",
        "0",
        None,
    ]
    connection.execute(
        "INSERT INTO audit_entry (id, at, os_user, case_id, reference, action, field, "
        "old_value, new_value, reason, entry_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (last_id + 1, *content, _entry_hash(last_hash, content)),
    )
    connection.commit()
    connection.close()
    problems = _problems(db)
    assert "CASE-3" in problems


def test_an_impossible_date_is_reported_and_reads_do_not_crash(db, cli):
    _sql(db, "UPDATE case_record SET board_date = '2026-13-45' WHERE reference = 'CASE-3'")
    problems = _problems(db)
    assert "CASE-3" in problems and "board_date" in problems and "2026-13-45" in problems
    code, out, err = cli("list", db=db)
    assert code == 0, err
    assert "invalid stored value" in out
    code, out, err = cli("list", "--json", db=db)
    assert code == 0, err
    code, out, err = cli("show", "CASE-3", db=db)
    assert code == 0, err
    assert "invalid stored value" in out and "2026-13-45" in out
    target = db.parent / "out.json"
    code, out, err = cli("export-json", "-o", str(target), db=db)
    assert code == 1
    assert "CASE-3" in err and "board_date" in err
    assert not target.exists()
    with Repository.open(str(db)) as repository:
        stored = repository.get_case("CASE-3")
        assert stored.invalid == {"board_date": "'2026-13-45'"}
        assert [s.invalid_fields for s in repository.list_cases()][2] == ("board_date",)


@pytest.mark.parametrize(
    "statement, field, shown",
    [
        ("UPDATE case_record SET ecog = 'lots' WHERE reference = 'CASE-1'", "ecog", "lots"),
        ("UPDATE case_record SET bilobar = 7 WHERE reference = 'CASE-1'", "bilobar", "7"),
        (
            "UPDATE case_record SET sex = 'x' || char(27) || '[31m' WHERE reference = 'CASE-1'",
            "sex",
            "\\x1b",
        ),
        (
            "UPDATE case_record SET decision_attendees = 'not json' WHERE reference = 'CASE-2'",
            "decision",
            "not json",
        ),
    ],
)
def test_every_stored_value_is_validated_as_on_import(db, cli, statement, field, shown):
    _sql(db, statement)
    problems = _problems(db)
    assert field in problems and shown in problems
    assert "\x1b" not in problems
    for command in (("list",), ("show", "CASE-1"), ("show", "CASE-2")):
        code, out, err = cli(*command, db=db)
        assert code == 0, (command, err)
        assert "\x1b" not in out


# --- anchors outside the database ---------------------------------------------------------


def test_a_backup_confirms_the_trail_until_the_trail_is_rewritten(db, tmp_path, cli):
    backup = tmp_path / "backup.sqlite3"
    assert cli("backup", "-o", str(backup), db=db)[0] == 0
    with Repository.open(str(db)) as repository:
        repository.create_case(make_case("CASE-4"))
    code, out, err = cli("check", "--against", str(backup), db=db)
    assert code == 0, out + err
    assert "contains" in out
    connection = sqlite3.connect(db)
    (trigger,) = connection.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'audit_entry_no_update'"
    ).fetchone()
    connection.close()
    # A consistent rewrite: the entry edited, the chain recomputed, the row made to agree.
    _sql(
        db,
        "DROP TRIGGER audit_entry_no_update",
        "UPDATE audit_entry SET new_value = '3' WHERE field = 'ecog' AND action = 'change'",
        "UPDATE case_record SET ecog = 3 WHERE reference = 'CASE-1'",
    )
    _rechain(db)
    connection = sqlite3.connect(db)
    connection.execute(
        "UPDATE case_record SET audit_head = (SELECT entry_hash FROM audit_entry a "
        "WHERE a.case_id = case_record.id ORDER BY a.id DESC LIMIT 1)"
    )
    connection.execute(
        "UPDATE audit_trail_end SET head_hash = (SELECT entry_hash FROM audit_entry "
        "ORDER BY id DESC LIMIT 1)"
    )
    # The stored summary made to agree too: marked as another version's, so that opening
    # the file assesses it again.
    connection.execute("UPDATE case_record SET assessed_with = 'older'")
    connection.execute(trigger)
    connection.commit()
    connection.close()
    Repository.open(str(db)).close()
    assert check_database(str(db)).healthy
    code, out, err = cli("check", "--against", str(backup), db=db)
    assert code == 1, out + err
    assert "does not contain" in out
    # Consistent in itself, the file is not healthy once a head it left is contradicted.
    assert "healthy (" not in out
    assert out.rstrip().endswith(
        f"{db}: not healthy: its audit trail no longer holds what {backup} recorded "
        "(schema version 6, 4 cases; nothing else found)"
    )


def test_a_pdf_carries_the_audit_head_and_check_against_it(db, tmp_path, cli):
    from pypdf import PdfReader

    pdf = tmp_path / "case-1.pdf"
    assert cli("report", "CASE-1", "-o", str(pdf), db=db)[0] == 0
    with Repository.open(str(db)) as repository:
        stored = repository.get_case("CASE-1")
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert f"Audit trail {stored.audit_head[:12]}" in text
    assert f"{stored.audit_count} entries" in text
    code, out, err = cli("check", "--against", str(pdf), db=db)
    assert code == 0, out + err
    # Later edits do not matter; a rewrite of what the PDF saw does.
    with Repository.open(str(db)) as repository:
        again = repository.get_case("CASE-1")
        repository.save_case(again.case.with_changes(ecog=0), expected_version=again.version)
    assert cli("check", "--against", str(pdf), db=db)[0] == 0
    _sql(
        db,
        "DROP TRIGGER audit_entry_no_update",
        "UPDATE audit_entry SET new_value = '3' WHERE field = 'ecog' AND new_value = '2'",
    )
    _rechain(db)
    code, out, err = cli("check", "--against", str(pdf), db=db)
    assert code == 1, out + err
    assert "CASE-1" in out


def test_check_against_a_file_without_a_head_is_bad_input(db, tmp_path, cli):
    other = tmp_path / "other.pdf"
    other.write_bytes(b"%PDF-1.4\n%%EOF\n")
    code, out, err = cli("check", "--against", str(other), db=db)
    assert code == 2, out + err
    assert str(other) in err
    code, out, err = cli("check", "--against", str(tmp_path / "missing.pdf"), db=db)
    assert code == 2


def test_the_full_case_round_trips_through_the_check(tmp_path):
    path = tmp_path / "full.sqlite3"
    with Repository.open(str(path)) as repository:
        repository.import_cases([full_case("F-1"), make_case("F-2", **{"notes": "x"})])
        stored = repository.get_case("F-1")
        case = stored.case.with_changes(ecog=1, decision=None)
        repository.save_case(case, expected_version=stored.version, amend_reason="typo")
        second = repository.get_case("F-2")
        repository.rename_case("F-2", "F-22", expected_version=second.version)
        repository.archive_case("F-22")
        repository.restore_case("F-22")
        repository.archive_case("F-22")
    report = check_database(str(path))
    assert report.healthy, report.problems
    assert FULL_CASE["reference"] == "CRLM-042"


def test_history_shows_escape_sequences_in_the_trail_escaped(db, cli):
    _sql(
        db,
        "DROP TRIGGER audit_entry_no_update",
        "UPDATE audit_entry SET reason = 'x' || char(27) || '[2J' WHERE id = 1",
    )
    code, out, err = cli("history", "CASE-1", db=db)
    assert code == 0, err
    assert "\x1b" not in out
    assert "\\x1b[2J" in out


def test_assess_refuses_a_surrogate_and_a_huge_number(tmp_path, cli):
    for body, field in (
        ('{"reference": "T-1", "notes": "\\ud800"}', "notes"),
        ('{"reference": "T-1", "ecog": ' + "9" * 5000 + "}", "ecog"),
        ('{"reference": "T-1", "bilirubin_mg_dl": ' + "9" * 401 + "}", "bilirubin_mg_dl"),
    ):
        path = tmp_path / "case.json"
        path.write_text(body, encoding="utf-8")
        code, out, err = cli("assess", str(path))
        assert code == 2, (field, out, err)
        assert f"field '{field}'" in err
        assert "Traceback" not in err


def test_every_committed_fixture_is_checked_as_it_is_without_an_upgrade(tmp_path):
    import shutil

    from store_helpers import SCHEMA_FIXTURES

    for version, fixture in sorted(SCHEMA_FIXTURES.items()):
        copy = tmp_path / fixture.name
        shutil.copyfile(fixture, copy)
        report = check_database(str(copy))
        assert report.schema_version == version
        assert report.healthy, (version, report.problems)


def test_no_pdf_is_written_for_a_case_with_an_invalid_stored_value(db, cli):
    _sql(db, "UPDATE case_record SET ecog = 'lots' WHERE reference = 'CASE-1'")
    target = db.parent / "case-1.pdf"
    code, out, err = cli("report", "CASE-1", "-o", str(target), db=db)
    assert code == 1, out + err
    assert "CASE-1" in err and "ecog" in err and "lots" in err
    assert not target.exists()
