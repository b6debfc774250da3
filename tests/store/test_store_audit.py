"""The audit trail: a row for every kind of change, append-only, chained, kept out of logs."""

from __future__ import annotations

import json
import logging
import sqlite3
from datetime import UTC, datetime

import pytest
from store_helpers import full_case, make_case

from tareaid.domain.case import CaseError, Decision, Override
from tareaid.store.audit import current_user
from tareaid.store.errors import CaseArchivedError, CaseLockedError


def _actions(repo, reference: str) -> list[str]:
    return [entry.action for entry in repo.history(reference)]


def test_create_records_the_whole_case(repo):
    before = datetime.now(UTC)
    repo.create_case(make_case("AU-1", ecog=1, patient_name="Zoë"))
    (entry,) = repo.history("AU-1")
    assert entry.action == "create"
    assert entry.reference == "AU-1"
    assert entry.user == current_user()
    assert entry.user  # "unknown" at worst, never empty
    assert before <= entry.at <= datetime.now(UTC)
    assert entry.at.tzinfo is not None
    assert json.loads(entry.new) == {"reference": "AU-1", "ecog": 1, "patient_name": "Zoë"}


def test_a_field_change_records_old_and_new_values(repo):
    stored = repo.create_case(make_case("AU-2", ecog=1, board_date="2026-12-03"))
    repo.save_case(
        stored.case.with_changes(ecog=3, board_date=None, notes="Seen twice"),
        expected_version=1,
    )
    changes = [e for e in repo.history("AU-2") if e.action == "change"]
    assert [(e.field, e.old, e.new) for e in changes] == [
        ("board_date", '"2026-12-03"', "null"),
        ("ecog", "1", "3"),
        ("notes", "null", '"Seen twice"'),
    ]
    assert all(e.reason is None for e in changes)


def test_overrides_set_changed_and_removed(repo):
    stored = repo.create_case(make_case("AU-3", ecog=2))
    stored = repo.save_case(
        stored.case.with_changes(overrides={"ecog": Override("favours", "Transient")}),
        expected_version=stored.version,
    )
    stored = repo.save_case(
        stored.case.with_changes(overrides={"ecog": Override("against", "Worse now")}),
        expected_version=stored.version,
    )
    repo.save_case(stored.case.with_changes(overrides={}), expected_version=stored.version)
    entries = [e for e in repo.history("AU-3") if e.action.startswith("override")]
    assert [(e.action, e.field) for e in entries] == [
        ("override_set", "ecog"),
        ("override_changed", "ecog"),
        ("override_removed", "ecog"),
    ]
    assert json.loads(entries[0].new) == {"tier": "favours", "reason": "Transient"}
    assert json.loads(entries[1].old) == {"tier": "favours", "reason": "Transient"}
    assert json.loads(entries[1].new) == {"tier": "against", "reason": "Worse now"}
    assert entries[2].new is None


def test_decision_recorded_changed_finalised_and_amended(repo):
    stored = repo.create_case(make_case("AU-4", ecog=1))
    stored = repo.save_case(
        stored.case.with_changes(decision=Decision("further_workup", rationale="MAA first")),
        expected_version=stored.version,
    )
    stored = repo.save_case(
        stored.case.with_changes(decision=Decision("discuss_tare", rationale="MAA done")),
        expected_version=stored.version,
    )
    stored = repo.save_case(
        stored.case.with_changes(
            decision=Decision("discuss_tare", rationale="MAA done", finalised=True)
        ),
        expected_version=stored.version,
    )
    # Locked now: a change without an amend reason is refused, and nothing is written.
    with pytest.raises(CaseLockedError) as caught:
        repo.save_case(stored.case.with_changes(ecog=2), expected_version=stored.version)
    assert caught.value.exit_code == 2
    assert "amend reason is required" in caught.value.message
    assert repo.where in caught.value.message
    assert repo.get_case("AU-4").case.ecog == 1
    with pytest.raises(CaseLockedError):
        repo.save_case(
            stored.case.with_changes(ecog=2), expected_version=stored.version, amend_reason="  "
        )
    amended = repo.save_case(
        stored.case.with_changes(
            ecog=2, decision=Decision("discuss_tare", rationale="MAA repeated", finalised=True)
        ),
        expected_version=stored.version,
        amend_reason="ECOG was mistyped at the board",
    )
    assert amended.case.ecog == 2
    assert _actions(repo, "AU-4") == [
        "create",
        "decision_recorded",
        "decision_changed",
        "decision_finalised",
        "amend",
        "change",
        "decision_amended",
    ]
    trail = repo.history("AU-4")
    assert json.loads(trail[1].new) == {
        "outcome": "further_workup",
        "rationale": "MAA first",
        "finalised": False,
    }
    assert [e.reason for e in trail[4:]] == ["ECOG was mistyped at the board"] * 3
    assert (trail[5].field, trail[5].old, trail[5].new) == ("ecog", "1", "2")
    # Un-finalising is a change too, so it also needs a reason.
    with pytest.raises(CaseLockedError):
        repo.save_case(
            amended.case.with_changes(decision=Decision("discuss_tare")),
            expected_version=amended.version,
        )


@pytest.mark.parametrize(
    ("reason", "problem"),
    [
        ("Mistyped\x07 at the board", "contains a control character"),
        ("x" * 2001, "is 2001 characters long; at most 2000 allowed"),
    ],
)
def test_an_amend_reason_is_checked_like_every_reason(repo, reason, problem):
    repo.create_case(full_case("LOCK-3"))  # FULL_CASE has a finalised decision
    stored = repo.get_case("LOCK-3")
    with pytest.raises(CaseError) as caught:
        repo.save_case(
            stored.case.with_changes(ecog=2), expected_version=stored.version, amend_reason=reason
        )
    assert str(caught.value) == f"field 'amend_reason': {problem}"
    with pytest.raises(CaseError) as caught:
        repo.rename_case("LOCK-3", "LOCK-4", expected_version=stored.version, amend_reason=reason)
    assert caught.value.message == problem
    assert _actions(repo, "LOCK-3") == ["create"]


def test_a_finalised_case_also_needs_a_reason_to_be_renamed(repo):
    repo.create_case(full_case("LOCK-1"))  # FULL_CASE has a finalised decision
    with pytest.raises(CaseLockedError):
        repo.rename_case("LOCK-1", "LOCK-2", expected_version=1)
    repo.rename_case("LOCK-1", "LOCK-2", expected_version=1, amend_reason="Wrong reference")
    assert _actions(repo, "LOCK-2") == ["create", "amend", "rename"]


def test_archive_restore_and_import_are_recorded(repo):
    repo.import_cases([make_case("AU-5"), make_case("AU-6")], source="batch.json")
    repo.archive_case("AU-5")
    repo.restore_case("AU-5")
    trail = repo.history("AU-5")
    assert [e.action for e in trail] == ["import", "archive", "restore"]
    assert trail[0].reason == "imported from batch.json"
    assert json.loads(trail[0].new) == {"reference": "AU-5"}
    assert _actions(repo, "AU-6") == ["import"]


def test_an_archived_case_cannot_be_edited_until_restored(repo):
    stored = repo.create_case(make_case("AU-7", ecog=1))
    repo.archive_case("AU-7", expected_version=1)
    with pytest.raises(CaseArchivedError):
        repo.save_case(stored.case.with_changes(ecog=2), expected_version=2)
    repo.restore_case("AU-7")
    saved = repo.save_case(stored.case.with_changes(ecog=2), expected_version=3)
    assert saved.version == 4


@pytest.mark.sqlite_only  # the server's triggers: tests/store/test_store_server.py
def test_the_trail_cannot_be_edited_or_deleted(repo, db_path):
    repo.create_case(make_case("AU-8"))
    connection = sqlite3.connect(db_path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            connection.execute("UPDATE audit_entry SET os_user = 'someone else'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            connection.execute("DELETE FROM audit_entry")
        connection.rollback()
        assert connection.execute("SELECT count(*) FROM audit_entry").fetchone()[0] == 1
    finally:
        connection.close()
    assert repo.check().healthy


@pytest.mark.sqlite_only  # the server's: tests/store/test_store_server.py
def test_an_edit_behind_the_triggers_breaks_the_hash_chain(repo, db_path):
    repo.import_cases([make_case("AU-9"), make_case("AU-10")])
    connection = sqlite3.connect(db_path)
    try:
        connection.execute("DROP TRIGGER audit_entry_no_update")
        connection.execute("UPDATE audit_entry SET os_user = 'mallory' WHERE id = 2")
        connection.commit()
    finally:
        connection.close()
    report = repo.check()
    assert not report.healthy
    assert any("entry 2 does not match the hash chain" in p for p in report.problems)
    assert any("audit_entry_no_update is missing" in p for p in report.problems)


def test_identifying_values_never_reach_the_log(repo, caplog):
    caplog.set_level(logging.DEBUG)
    case = make_case(
        "LOG-1",
        patient_name="Ånna Secret-Name (fictional)",
        mrn="SECRET-MRN-991",
        date_of_birth="1944-02-29",
    )
    stored = repo.create_case(case)
    stored = repo.save_case(
        stored.case.with_changes(patient_name="Other Secret (fictional)"),
        expected_version=stored.version,
    )
    repo.import_cases([make_case("LOG-2", patient_name="Third Secret", mrn="SECRET-MRN-2")])
    repo.archive_case("LOG-1")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert logged  # the store does log what it does ...
    for secret in ("Secret", "SECRET-MRN", "1944-02-29"):
        assert secret not in logged  # ... but never who it is about
    # The trail itself keeps them: it is part of the record.
    assert any("Other Secret (fictional)" in (e.new or "") for e in repo.history("LOG-1"))
