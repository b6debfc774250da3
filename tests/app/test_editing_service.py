"""The editing service without Qt: each rule, what is stored, and the notice of each change."""

from __future__ import annotations

from datetime import date

import pytest

from tareaid.domain.case import Case, CaseError, Decision, Override
from tareaid.store.errors import (
    CaseArchivedError,
    CaseLockedError,
    DuplicateReferenceError,
    StaleEditError,
)

FINAL = Decision(
    outcome="discuss_tare",
    rationale="Liver-only disease",
    attendees=("Dr A (HPB surgery)",),
    decided_on=date(2026, 12, 3),
    finalised=True,
)
DRAFT = Decision(outcome="further_workup", rationale="Repeat MAA")


def _store(repository, case):
    repository.create_case(case)
    return repository.get_case(case.reference)


# Setting fields ----------------------------------------------------------------------------


def test_set_fields_stores_the_change_and_announces_it(editing, repository, notices):
    _store(repository, Case(reference="CRLM-001", ecog=1))
    origin = object()
    state = editing.set_fields(
        "CRLM-001", {"ecog": 2, "age_years": 70}, expected_version=1, origin=origin
    )
    assert (state.case.ecog, state.case.age_years, state.version) == (2, 70, 2)
    assert state.assessment.factor("ecog").finding  # assessed with the new values
    assert repository.get_case("CRLM-001").case.ecog == 2
    (notice,) = notices
    assert notice.references == {"CRLM-001"}
    assert notice.fields == {"ecog", "age_years"}
    assert not (notice.overrides or notice.decision or notice.created or notice.archive)
    assert notice.caused_by(origin)
    assert not notice.caused_by(object())


def test_a_change_that_changes_nothing_writes_and_announces_nothing(editing, repository, notices):
    _store(repository, Case(reference="CRLM-001", ecog=1))
    state = editing.set_fields("CRLM-001", {"ecog": 1}, expected_version=1)
    assert state.version == 1
    assert editing.clear_override("CRLM-001", "ecog", expected_version=1).version == 1
    assert notices == []
    assert [entry.action for entry in repository.history("CRLM-001")] == ["create"]


def test_fields_with_their_own_change_are_not_set_as_fields(editing, repository):
    _store(repository, Case(reference="CRLM-001"))
    for name, value in (("reference", "X"), ("overrides", {}), ("decision", None), ("nope", 1)):
        with pytest.raises(CaseError) as error:
            editing.set_fields("CRLM-001", {name: value}, expected_version=1)
        assert error.value.field_name == name
    with pytest.raises(CaseError) as error:
        editing.set_fields("CRLM-001", {"ecog": 7}, expected_version=1)
    assert error.value.field_name == "ecog"
    assert repository.get_case("CRLM-001").version == 1


# The amend rule ----------------------------------------------------------------------------


def test_a_finalised_case_changes_only_with_an_amend_reason(editing, repository, notices):
    _store(repository, Case(reference="CRLM-009", ecog=1, decision=FINAL))
    for missing in (None, "", "   \n"):
        with pytest.raises(CaseLockedError):
            editing.set_fields("CRLM-009", {"ecog": 2}, expected_version=1, amend_reason=missing)
    with pytest.raises(CaseError) as error:
        editing.set_fields("CRLM-009", {"ecog": 2}, expected_version=1, amend_reason="x" * 2001)
    assert error.value.field_name == "amend_reason"
    stored = repository.get_case("CRLM-009")
    assert (stored.case.ecog, stored.version) == (1, 1)
    assert notices == []

    state = editing.set_fields(
        "CRLM-009", {"ecog": 2}, expected_version=1, amend_reason="  ECOG corrected after review "
    )
    assert state.case.ecog == 2
    assert state.finalised
    trail = repository.history("CRLM-009")
    assert [(entry.action, entry.reason) for entry in trail[-2:]] == [
        ("amend", "ECOG corrected after review"),
        ("change", "ECOG corrected after review"),
    ]
    assert trail[-1].field == "ecog"
    assert len(notices) == 1


def test_every_kind_of_change_to_a_finalised_case_needs_the_reason(editing, repository):
    _store(repository, Case(reference="CRLM-009", decision=FINAL))
    attempts = (
        lambda reason: editing.set_override(
            "CRLM-009", "ecog", "neutral", "Frail", expected_version=1, amend_reason=reason
        ),
        lambda reason: editing.record_decision(
            "CRLM-009", DRAFT, expected_version=1, amend_reason=reason
        ),
        lambda reason: editing.rename(
            "CRLM-009", "CRLM-010", expected_version=1, amend_reason=reason
        ),
        lambda reason: editing.save(
            repository.get_case("CRLM-009").case.with_changes(notes="Seen again"),
            expected_version=1,
            amend_reason=reason,
        ),
    )
    for attempt in attempts:
        with pytest.raises(CaseLockedError):
            attempt(None)
    assert repository.get_case("CRLM-009").version == 1
    state = editing.record_decision(
        "CRLM-009", DRAFT, expected_version=1, amend_reason="Decision reopened"
    )
    assert state.case.decision == DRAFT
    assert repository.history("CRLM-009")[-1].action == "decision_amended"
    assert repository.history("CRLM-009")[-1].reason == "Decision reopened"


def test_no_reason_is_recorded_for_a_case_that_is_not_finalised(editing, repository):
    _store(repository, Case(reference="CRLM-001", decision=DRAFT))
    editing.set_fields("CRLM-001", {"ecog": 0}, expected_version=1, amend_reason="Not needed")
    assert repository.history("CRLM-001")[-1].reason is None
    assert editing.amend_reason(repository.get_case("CRLM-001").case, "Not needed") is None


def test_finalising_needs_no_reason_but_locks_the_case(editing, repository, notices):
    _store(repository, Case(reference="CRLM-001", decision=DRAFT))
    state = editing.finalise("CRLM-001", expected_version=1)
    assert state.finalised and state.case.decision.rationale == "Repeat MAA"
    assert notices[-1].decision and not notices[-1].fields
    assert editing.needs_amend_reason(state.case)
    with pytest.raises(CaseLockedError):
        editing.set_fields("CRLM-001", {"ecog": 1}, expected_version=state.version)
    _store(repository, Case(reference="CRLM-002"))
    with pytest.raises(CaseError) as error:
        editing.finalise("CRLM-002", expected_version=1)
    assert error.value.field_name == "decision"


# Overrides ---------------------------------------------------------------------------------


@pytest.mark.parametrize("reason", ["", "   ", "\t\n", "x" * 2001])
def test_an_override_without_a_proper_reason_is_refused(editing, repository, notices, reason):
    _store(repository, Case(reference="CRLM-001", ecog=1))
    with pytest.raises(CaseError) as error:
        editing.set_override("CRLM-001", "ecog", "neutral", reason, expected_version=1)
    assert error.value.field_name == "overrides.ecog.reason"
    assert repository.get_case("CRLM-001").case.overrides == {}
    assert repository.get_case("CRLM-001").version == 1
    assert notices == []


def test_an_override_is_stored_with_its_reason_and_can_be_removed(editing, repository, notices):
    _store(repository, Case(reference="CRLM-001", ecog=1))
    state = editing.set_override(
        "CRLM-001", "ecog", "neutral", "  Frail at clinic review ", expected_version=1
    )
    assert state.case.overrides == {"ecog": Override("neutral", "Frail at clinic review")}
    assert state.assessment.factor("ecog").tier == "neutral"
    assert state.assessment.factor("ecog").derived_tier == "favours"
    assert notices[-1].overrides and not notices[-1].fields
    longest = editing.set_override("CRLM-001", "ecog", "against", "y" * 2000, expected_version=2)
    assert longest.case.overrides["ecog"].reason == "y" * 2000
    cleared = editing.clear_override("CRLM-001", "ecog", expected_version=3)
    assert cleared.case.overrides == {}
    assert [entry.action for entry in repository.history("CRLM-001")][-3:] == [
        "override_set",
        "override_changed",
        "override_removed",
    ]


def test_only_a_factor_and_a_tier_of_the_framework_can_be_set(editing, repository):
    _store(repository, Case(reference="CRLM-001"))
    with pytest.raises(CaseError) as error:
        editing.set_override("CRLM-001", "mood", "neutral", "Because", expected_version=1)
    assert error.value.field_name == "overrides.mood"
    with pytest.raises(CaseError) as error:
        editing.set_override("CRLM-001", "ecog", "unassessed", "Because", expected_version=1)
    assert error.value.field_name == "overrides.ecog.tier"


# Versions ----------------------------------------------------------------------------------


def test_a_stale_version_is_refused_and_nothing_is_overwritten(editing, repository, notices):
    first = _store(repository, Case(reference="CRLM-001", ecog=1))
    # Someone else saves the case after it was read here.
    repository.save_case(first.case.with_changes(ecog=3), expected_version=first.version)
    attempts = (
        lambda: editing.set_fields("CRLM-001", {"ecog": 0}, expected_version=first.version),
        lambda: editing.save(first.case.with_changes(ecog=0), expected_version=first.version),
        lambda: editing.set_override(
            "CRLM-001", "ecog", "against", "Board view", expected_version=first.version
        ),
        lambda: editing.record_decision("CRLM-001", DRAFT, expected_version=first.version),
        lambda: editing.rename("CRLM-001", "CRLM-002", expected_version=first.version),
        lambda: editing.archive("CRLM-001", expected_version=first.version),
    )
    for attempt in attempts:
        with pytest.raises(StaleEditError):
            attempt()
    stored = repository.get_case("CRLM-001")
    assert (stored.case.ecog, stored.version, stored.archived) == (3, 2, False)
    assert stored.case.overrides == {} and stored.case.decision is None
    assert notices == []


def test_a_stale_version_is_reported_before_the_lock_or_the_archive(editing, repository):
    first = _store(repository, Case(reference="CRLM-001"))
    repository.save_case(first.case.with_changes(decision=FINAL), expected_version=1)
    with pytest.raises(StaleEditError):
        editing.set_fields("CRLM-001", {"ecog": 1}, expected_version=1)
    repository.archive_case("CRLM-001")
    with pytest.raises(StaleEditError):
        editing.set_fields("CRLM-001", {"ecog": 1}, expected_version=2)


# Archived cases ----------------------------------------------------------------------------


def test_an_archived_case_refuses_every_edit_until_restored(editing, repository, notices):
    case = Case(reference="CRLM-001", ecog=1)
    _store(repository, case)
    editing.archive("CRLM-001", expected_version=1, origin=object())
    assert notices[-1].archive and notices[-1].references == {"CRLM-001"}
    state = editing.load("CRLM-001")
    assert state.archived
    attempts = (
        lambda: editing.set_fields("CRLM-001", {"ecog": 2}, expected_version=state.version),
        lambda: editing.save(state.case.with_changes(ecog=2), expected_version=state.version),
        lambda: editing.set_override(
            "CRLM-001", "ecog", "neutral", "Frail", expected_version=state.version
        ),
        lambda: editing.record_decision("CRLM-001", DRAFT, expected_version=state.version),
        lambda: editing.rename("CRLM-001", "CRLM-002", expected_version=state.version),
        lambda: editing.with_fields(state.case, {"ecog": 2}, archived=True),
        lambda: editing.with_override(state.case, "ecog", "neutral", "Frail", archived=True),
    )
    for attempt in attempts:
        with pytest.raises(CaseArchivedError):
            attempt()
    assert repository.get_case("CRLM-001").case.ecog == 1

    editing.restore("CRLM-001")
    restored = editing.load("CRLM-001")
    assert not restored.archived
    edited = editing.set_fields("CRLM-001", {"ecog": 2}, expected_version=restored.version)
    assert edited.case.ecog == 2


# Creating, copying, renaming ---------------------------------------------------------------


def test_a_duplicate_keeps_everything_but_the_decision(editing, repository, notices):
    source = Case(
        reference="CRLM-001",
        patient_name="Ada Example",
        board_date=date(2026, 12, 3),
        metastatic_pattern="liver_only",
        ras_status="mutant",
        ecog=1,
        notes="Seen in clinic",
        overrides={"ecog": Override("neutral", "Frail at clinic review")},
        decision=FINAL,
    )
    _store(repository, source)
    state = editing.duplicate("CRLM-001", "CRLM-002", origin=object())
    copy = repository.get_case("CRLM-002").case
    assert state.case == copy
    assert copy.decision is None
    assert copy.patient_name == "Ada Example"
    assert copy.board_date == date(2026, 12, 3)
    assert (copy.metastatic_pattern, copy.ras_status, copy.ecog) == ("liver_only", "mutant", 1)
    assert copy.notes == "Seen in clinic"
    assert copy.overrides == {"ecog": Override("neutral", "Frail at clinic review")}
    assert repository.get_case("CRLM-001").case.decision == FINAL
    assert notices[-1].created and notices[-1].references == {"CRLM-002"}
    with pytest.raises(DuplicateReferenceError):
        editing.duplicate("CRLM-001", "CRLM-002")


def test_my_unsaved_version_is_kept_as_a_copy_without_the_decision(editing, repository):
    stored = _store(repository, Case(reference="CRLM-001", ecog=1, decision=DRAFT))
    mine = stored.case.with_changes(ecog=0)
    editing.save_as_copy(mine, "CRLM-001-mine")
    copy = repository.get_case("CRLM-001-mine").case
    assert (copy.ecog, copy.decision) == (0, None)
    assert repository.get_case("CRLM-001").case.ecog == 1


def test_a_new_case_is_checked_like_any_case(editing, repository, notices):
    bar = object()
    state = editing.create("CRLM-042", origin=bar)
    assert state.version == 1 and state.case == Case(reference="CRLM-042")
    assert notices[-1].created and notices[-1].caused_by(bar)
    for bad in ("", " CRLM ", "x" * 65):
        with pytest.raises(CaseError):
            editing.create(bad)
    with pytest.raises(DuplicateReferenceError):
        editing.create("CRLM-042")
    assert len(notices) == 1


def test_rename_announces_old_and_new_references(editing, repository, notices):
    _store(repository, Case(reference="CRLM-001"))
    state = editing.rename("CRLM-001", "CRLM-100", expected_version=1)
    assert state.reference == "CRLM-100" and state.version == 2
    (notice,) = notices
    assert notice.renamed == (("CRLM-001", "CRLM-100"),)
    assert notice.references == {"CRLM-001", "CRLM-100"}
    assert notice.renamed_to("CRLM-001") == "CRLM-100"
    with pytest.raises(CaseError):
        editing.rename("CRLM-100", "bad ", expected_version=2)


# The board's writes ------------------------------------------------------------------------


def test_agenda_and_import_are_announced(editing, repository, notices):
    editing.import_cases(
        [Case(reference="BRD-1", board_date=date(2026, 12, 3)), Case(reference="BRD-2")]
    )
    assert notices[-1].created and notices[-1].references == {"BRD-1", "BRD-2"}
    editing.set_agenda(date(2026, 12, 3), ["BRD-2", "BRD-1"], origin=object())
    notice = notices[-1]
    assert notice.agenda_changed(date(2026, 12, 3))
    assert not notice.agenda_changed(date(2026, 12, 10))
    assert not notice.case_data_changed and not notice.references
    assert repository.agenda(date(2026, 12, 3)) == ["BRD-2", "BRD-1"]


def test_the_demo_cases_are_added_once_and_announced(editing, repository, notices):
    assert editing.add_demo_cases(origin=editing) == 12
    (notice,) = notices
    assert notice.created and notice.caused_by(editing)
    assert notice.references == {f"DEMO-{number:02d}" for number in range(1, 13)}
    assert repository.count_cases() == 12
    assert editing.add_demo_cases() == 0
    assert len(notices) == 1  # nothing added, nothing announced
