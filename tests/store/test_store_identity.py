"""References that could be taken for another case's are refused on every way in; a
database that already holds such a pair is read without trouble and `check` names it."""

from __future__ import annotations

import sqlite3

import pytest
from store_helpers import case_file, make_case

from tareaid.domain.case import CaseError
from tareaid.store.errors import DuplicateReferenceError
from tareaid.store.health import check_database
from tareaid.store.repository import Repository

LOOK_ALIKES = ["demo-01", "DEMO\u201001", "Demo\u221201", "\uff24EMO-01"]


@pytest.mark.parametrize("other", LOOK_ALIKES)
def test_a_look_alike_reference_is_refused_on_create(repo, other):
    repo.create_case(make_case("DEMO-01"))
    with pytest.raises(DuplicateReferenceError) as caught:
        repo.create_case(make_case(other))
    assert "DEMO-01" in caught.value.message
    assert [s.reference for s in repo.list_cases()] == ["DEMO-01"]


@pytest.mark.parametrize("other", LOOK_ALIKES)
def test_a_look_alike_reference_is_refused_on_import_rename_and_duplicate(repo, other):
    repo.create_case(make_case("DEMO-01"))
    second = repo.create_case(make_case("DEMO-02"))
    with pytest.raises(DuplicateReferenceError, match="DEMO-01"):
        repo.import_cases([make_case("NEW-1"), make_case(other)])
    with pytest.raises(DuplicateReferenceError, match="DEMO-01"):
        repo.rename_case("DEMO-02", other, expected_version=second.version)
    with pytest.raises(DuplicateReferenceError, match="DEMO-01"):
        repo.create_case(second.case.duplicated_as(other))
    assert [s.reference for s in repo.list_cases()] == ["DEMO-01", "DEMO-02"]


def test_an_import_with_two_look_alikes_is_refused(repo):
    with pytest.raises(DuplicateReferenceError, match="DEMO-01"):
        repo.import_cases([make_case("DEMO-01"), make_case("demo\u201001")])
    assert repo.list_cases() == []


def test_a_case_may_be_renamed_to_another_spelling_of_its_own_reference(repo):
    stored = repo.create_case(make_case("demo-01"))
    renamed = repo.rename_case("demo-01", "DEMO-01", expected_version=stored.version)
    assert renamed.case.reference == "DEMO-01"


def test_the_two_normal_forms_of_one_reference_are_one_case(repo):
    repo.create_case(make_case("CAF\u00c9-1"))
    with pytest.raises(DuplicateReferenceError):
        repo.create_case(make_case("CAFE\u0301-1"))


def test_a_rename_to_a_reference_with_a_control_character_is_refused(repo):
    stored = repo.create_case(make_case("DEMO-02"))
    with pytest.raises(CaseError) as caught:
        repo.rename_case("DEMO-02", "X\rDEMO-01", expected_version=stored.version)
    assert caught.value.field_name == "reference"


def test_the_command_line_refuses_a_reference_that_hides_another(tmp_path, cli):
    db = tmp_path / "cases.sqlite3"
    assert cli("demo", db=db)[0] == 0
    for reference in ("X\rDEMO-01", "DEMO\u201001", "demo-01", "\u200b", "DEMO-01\u202e"):
        path = case_file(tmp_path / "one.json", [{"reference": reference}])
        code, out, err = cli("import", str(path), db=db)
        assert code == 2, (reference, out, err)
        assert "\r" not in err and "\u202e" not in err
    code, out, _ = cli("list", db=db)
    assert out.count("DEMO-01") == 1


def test_collisions_already_stored_are_read_and_reported(db_path):
    with Repository.open(str(db_path)) as repository:
        repository.create_case(make_case("DEMO-01", ecog=1))
        repository.create_case(make_case("DEMO-99", ecog=2))
    # An older TAREaid let a look-alike in: written here as it would have been.
    connection = sqlite3.connect(db_path)
    connection.execute(
        "UPDATE case_record SET reference = 'demo-01', reference_key = 'demo-01', "
        "reference_identity = 'demo-01' WHERE reference = 'DEMO-99'"
    )
    connection.commit()
    connection.close()
    with Repository.open(str(db_path)) as repository:
        assert [s.reference for s in repository.list_cases()] == ["DEMO-01", "demo-01"]
        assert repository.get_case("demo-01").case.ecog == 2
    report = check_database(str(db_path))
    assert not report.healthy
    assert any(
        "DEMO-01" in problem and "demo-01" in problem and "look alike" in problem
        for problem in report.problems
    ), report.problems
