"""The case model: every field survives a round trip; edits are validated like files."""

from __future__ import annotations

import copy
from dataclasses import fields, replace
from datetime import date

import pytest

from tareaid.domain.case import (
    Case,
    CaseError,
    Decision,
    Override,
    case_to_dict,
    check_reason,
    dumps_cases,
    is_validated,
    parse_case,
    parse_case_document,
)
from tareaid.domain.fields import FIELDS, IDENTIFYING_FIELDS

FULL_CASE = {
    "reference": "CRLM-042",
    "patient_name": "Zoë Ñúñez-Åberg 示例",
    "mrn": "MRN-778899",
    "date_of_birth": "1950-03-12",
    "age_years": 76,
    "sex": "female",
    "board_date": "2026-12-03",
    "primary_tumour_side": "right",
    "metastatic_pattern": "liver_dominant",
    "treatment_goal": "disease_control",
    "prior_systemic_lines": 1,
    "ras_status": "wild_type",
    "braf_status": "v600e",
    "msi_status": "mss",
    "liver_lesion_count": 3,
    "bilobar": True,
    "ablation_suitable": True,
    "resectable": False,
    "largest_lesion_mm": 45,
    "ecog": 2,
    "planned_chemotherapy": "FOLFIRI",
    "planned_biologic": "cetuximab",
    "checkpoint_inhibitor": False,
    "prior_kras_g12c_inhibitor": True,
    "microsphere": "therasphere",
    "lung_shunt_fraction_pct": 12.5,
    "bilirubin_mg_dl": 1.1,
    "notes": "Discussed with IR ≥ twice; µ-dose plan ±10%.",
    "overrides": {"timing": {"tier": "favours", "reason": "Liver-only progression"}},
    "decision": {
        "outcome": "further_workup",
        "rationale": "Repeat MAA",
        "attendees": ["Dr A (HPB surgery)", "Dr B (IR)"],
        "dissent": "Dr C preferred systemic therapy only",
        "decided_on": "2026-12-03",
        "finalised": True,
    },
}


def test_every_contract_field_is_in_the_full_case():
    assert {spec.name for spec in FIELDS} | {"overrides", "decision"} == set(FULL_CASE)


def test_round_trip_of_every_field_is_exact():
    case = parse_case(FULL_CASE)
    assert case_to_dict(case) == FULL_CASE
    assert case.date_of_birth == date(1950, 3, 12)
    assert case.overrides["timing"] == Override("favours", "Liver-only progression")
    assert case.decision == Decision(
        outcome="further_workup",
        rationale="Repeat MAA",
        attendees=("Dr A (HPB surgery)", "Dr B (IR)"),
        dissent="Dr C preferred systemic therapy only",
        decided_on=date(2026, 12, 3),
        finalised=True,
    )


def test_list_form_round_trip():
    text = dumps_cases([parse_case(FULL_CASE), parse_case({"reference": "CRLM-043"})])
    cases, listed = parse_case_document(text.encode("utf-8"), source="x.json")
    assert listed
    assert [case_to_dict(c) for c in cases] == [FULL_CASE, {"reference": "CRLM-043"}]


def test_identifying_fields_are_marked():
    assert IDENTIFYING_FIELDS == {"patient_name", "mrn", "date_of_birth"}


def test_deidentified_drops_only_identifiers():
    data = case_to_dict(parse_case(FULL_CASE), deidentified=True)
    assert "patient_name" not in data and "mrn" not in data and "date_of_birth" not in data
    assert data["age_years"] == 76


def test_with_changes_validates_like_a_file():
    case = parse_case({"reference": "E-1"})
    assert case.with_changes(ecog=3).ecog == 3
    with pytest.raises(CaseError) as error:
        case.with_changes(ecog=9)
    assert error.value.field_name == "ecog"
    with pytest.raises(CaseError):
        case.with_changes(overrides={"ecog": Override("favours", "")})


def test_a_duplicate_carries_everything_but_the_board_decision():
    original = parse_case(FULL_CASE)
    copy_ = original.duplicated_as("CRLM-042-copy")
    assert copy_.reference == "CRLM-042-copy"
    assert copy_.decision is None
    assert original.decision is not None  # the original keeps its decision
    for name in (f.name for f in fields(Case)):
        if name not in ("reference", "decision"):
            assert getattr(copy_, name) == getattr(original, name), name
    assert copy_.overrides == {"timing": Override("favours", "Liver-only progression")}
    assert is_validated(copy_)
    with pytest.raises(CaseError) as error:
        original.duplicated_as(" padded ")
    assert error.value.field_name == "reference"


def test_a_required_reason_is_checked_like_any_reason():
    assert check_reason("Frail at clinic review", "amend_reason") == "Frail at clinic review"
    for bad in (None, "", "   ", "x" * 2001, "bell\x07"):
        with pytest.raises(CaseError) as error:
            check_reason(bad, "amend_reason")
        assert error.value.field_name == "amend_reason"
    assert check_reason("x" * 2000, "amend_reason") == "x" * 2000


def test_only_cases_from_parse_case_count_as_validated():
    case = parse_case(FULL_CASE)
    assert is_validated(case)
    assert is_validated(case.with_changes(ecog=3))
    assert is_validated(copy.deepcopy(case))
    # Built directly or copied with replace(), a case may hold anything.
    assert not is_validated(Case(reference="E-3", ecog=9))
    assert not is_validated(replace(case, ecog=9))
    assert not is_validated(case.deidentified())
    # The overrides mapping is the one part that can change in place.
    changed = parse_case(FULL_CASE)
    changed.overrides["ecog"] = Override("favours", "")  # type: ignore[index]
    assert not is_validated(changed)
    # Validation marks do not change what a case is.
    assert case == Case(**{f.name: getattr(case, f.name) for f in fields(Case)})


def test_blank_text_means_not_recorded():
    assert parse_case({"reference": "E-2", "notes": "   "}).notes is None


def test_integer_valued_numbers_are_written_as_integers():
    case = parse_case({"reference": "E-3", "lung_shunt_fraction_pct": 15})
    assert case_to_dict(case)["lung_shunt_fraction_pct"] == 15


def test_tiers_have_a_shape_and_a_mark_besides_any_colour():
    from tareaid.domain.fields import TIER_MARKS, TIER_SHAPES

    assert TIER_SHAPES == {
        "favours": "▲",
        "neutral": "●",
        "against": "▼",
        "unassessed": "?",
        "outside": "◆",
    }
    assert TIER_MARKS == {
        "favours": "+",
        "neutral": "=",
        "against": "−",
        "unassessed": "?",
        "outside": "!",
    }
