"""One error root, two branches by blame: every error TAREaid explains sits on exactly one
branch, with the exit code the README gives it; anything else is a bug."""

from __future__ import annotations

import pytest

from tareaid.domain.case import CaseError
from tareaid.domain.evidence import EvidencePackError
from tareaid.errors import (
    BadInputError,
    EnvironmentProblemError,
    NotFoundError,
    TareaidError,
    blame,
    escape_controls,
    message_for,
)
from tareaid.store import errors as store_errors

# (error class, who is to blame, exit code), typed from the README's "The case database"
# and "The command line": not a database, damaged, foreign or newer → 2; locked, read-only
# or full disk → 1; a case not found → 1; bad input → 2.
EXPECTED = [
    (CaseError, "input", 2),
    (EvidencePackError, "input", 2),
    (NotFoundError, "input", 1),
    (store_errors.DuplicateReferenceError, "input", 2),
    (store_errors.CaseLockedError, "input", 2),
    (store_errors.CaseArchivedError, "input", 2),
    (store_errors.CaseNotFoundError, "input", 1),
    (store_errors.NotADatabaseError, "environment", 2),
    (store_errors.DamagedDatabaseError, "environment", 2),
    (store_errors.NewerSchemaError, "environment", 2),
    (store_errors.ForeignDatabaseError, "environment", 2),
    (store_errors.DatabaseMissingError, "environment", 1),
    (store_errors.DatabaseLockedError, "environment", 1),
    (store_errors.ReadOnlyDatabaseError, "environment", 1),
    (store_errors.DiskFullError, "environment", 1),
    (store_errors.StaleEditError, "environment", 1),
]


@pytest.mark.parametrize(("kind", "expected_blame", "exit_code"), EXPECTED)
def test_each_error_has_one_blame_and_its_exit_code(kind, expected_blame, exit_code):
    error = kind("x.db: something")
    assert isinstance(error, TareaidError)
    assert blame(error) == expected_blame
    assert error.exit_code == exit_code
    assert isinstance(error, BadInputError) != isinstance(error, EnvironmentProblemError)


def _subclasses(kind: type) -> set[type]:
    found = set()
    for sub in kind.__subclasses__():
        found |= {sub, *_subclasses(sub)}
    return found


def test_every_error_class_of_the_package_is_on_exactly_one_branch():
    import tareaid.ui.database  # noqa: F401 - DatabaseInUseError is defined there

    roots = {BadInputError, EnvironmentProblemError, store_errors.StoreError}
    classes = {c for c in _subclasses(TareaidError) if c.__module__.startswith("tareaid")}
    for kind in classes - roots:
        on_input = issubclass(kind, BadInputError)
        on_environment = issubclass(kind, EnvironmentProblemError)
        assert on_input != on_environment, kind


def test_an_os_error_is_the_environment_and_anything_else_a_bug():
    assert blame(PermissionError(13, "Permission denied", "/tmp/x.pdf")) == "environment"
    assert blame(RuntimeError("boom")) == "bug"
    assert blame(ValueError("not a tier")) == "bug"
    assert blame(KeyError("ecog")) == "bug"


def test_a_case_error_keeps_its_problem_apart_from_where_it_is():
    error = CaseError(
        "7 is out of range 0–4", source="cases.json", case="CRLM-7", field_name="ecog"
    )
    assert str(error) == "cases.json: case CRLM-7: field 'ecog': 7 is out of range 0–4"
    assert error.message == "7 is out of range 0–4"
    assert message_for(error) == str(error)
    assert not isinstance(error, ValueError)  # an `except ValueError` never takes it for input


def test_message_for_an_os_error_names_the_file():
    assert message_for(OSError(28, "No space left on device", "/tmp/a.pdf")) == (
        "/tmp/a.pdf: No space left on device"
    )


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\u2028b", "a\\u2028b"),  # line separator (Zl)
        ("a\u2029b", "a\\u2029b"),  # paragraph separator (Zp)
        ("a\x1b[31mb", "a\\x1b[31mb"),
        ("a\u202eb", "a\\u202eb"),
        ("a\nb\tc", "a\\nb\\tc"),
        ("Zoë 示例 – ok", "Zoë 示例 – ok"),
    ],
)
def test_escape_controls_shows_what_would_move_break_or_reorder_the_text(text, shown):
    assert escape_controls(text) == shown
