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
    "histology": "adenocarcinoma",
    "life_expectancy_3_months": True,
    "lung_metastasis_count": 2,
    "lung_metastasis_max_mm": 8,
    "nodal_regions": 1,
    "nodal_max_mm": 15,
    "bone_metastases": False,
    "peritoneal_metastases": False,
    "other_extrahepatic_site": True,
    "albumin_g_dl": 3.4,
    "ascites": False,
    "cirrhosis": False,
    "portal_hypertension": False,
    "main_portal_vein_involvement": False,
    "prior_adjuvant_chemotherapy": True,
    "adjuvant_ended_on": "2024-05-31",
    "first_line_regimen": "oxaliplatin_based",
    "peripheral_neuropathy_grade": 1,
    "prior_upper_abdominal_radiotherapy": False,
    "other_active_malignancy": False,
    "lung_dose_gy": 14.5,
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


# --- second release: values that contradict each other (CONTRACT.md §2b) ----------------------


@pytest.mark.parametrize(
    ("fields", "field", "other"),
    [
        ({"lung_metastasis_max_mm": 8}, "lung_metastasis_max_mm", "lung_metastasis_count"),
        (
            {"lung_metastasis_count": 0, "lung_metastasis_max_mm": 8},
            "lung_metastasis_max_mm",
            "lung_metastasis_count",
        ),
        ({"nodal_max_mm": 15}, "nodal_max_mm", "nodal_regions"),
        ({"nodal_regions": 0, "nodal_max_mm": 15}, "nodal_max_mm", "nodal_regions"),
        (
            {"prior_adjuvant_chemotherapy": False, "adjuvant_ended_on": "2025-01-31"},
            "adjuvant_ended_on",
            "prior_adjuvant_chemotherapy",
        ),
        (
            {"prior_systemic_lines": 0, "first_line_regimen": "oxaliplatin_based"},
            "first_line_regimen",
            "prior_systemic_lines",
        ),
        (
            {"prior_systemic_lines": 0, "first_line_regimen": "other"},
            "first_line_regimen",
            "prior_systemic_lines",
        ),
        (
            # 1950-03-12 → 76 on the board date 2026-12-03; 78 is two years off.
            {"date_of_birth": "1950-03-12", "board_date": "2026-12-03", "age_years": 78},
            "age_years",
            "date_of_birth",
        ),
        (
            {"date_of_birth": "1950-03-12", "board_date": "2026-12-03", "age_years": 74},
            "age_years",
            "date_of_birth",
        ),
        (
            # No board date: today, and 1950 is over 70 years ago whenever this runs.
            {"date_of_birth": "1950-03-12", "age_years": 30},
            "age_years",
            "date_of_birth",
        ),
    ],
)
def test_contradicting_values_are_refused_naming_both_fields(fields, field, other):
    with pytest.raises(CaseError) as caught:
        parse_case({"reference": "X-1", **fields}, source="cases.json")
    error = caught.value
    assert error.field_name == field
    assert error.related_field == other
    text = str(error)
    assert text.startswith(f"cases.json: case X-1: field '{field}': ")
    assert f"field '{other}'" in text
    # The date of birth identifies the patient: it is never in a message.
    assert "1950" not in text


@pytest.mark.parametrize(
    "fields",
    [
        {"lung_metastasis_count": 1, "lung_metastasis_max_mm": 8},
        {"lung_metastasis_count": 0},
        {"nodal_regions": 1, "nodal_max_mm": 19},
        {"prior_adjuvant_chemotherapy": True, "adjuvant_ended_on": "2025-01-31"},
        {"adjuvant_ended_on": "2025-01-31"},  # an end date alone means adjuvant was given
        {"prior_systemic_lines": 0, "first_line_regimen": "unknown"},
        {"prior_systemic_lines": 1, "first_line_regimen": "irinotecan_based"},
        {"first_line_regimen": "oxaliplatin_based"},
        # 76 at the board date: 75, 76 and 77 are within a year.
        {"date_of_birth": "1950-03-12", "board_date": "2026-12-03", "age_years": 75},
        {"date_of_birth": "1950-03-12", "board_date": "2026-12-03", "age_years": 76},
        {"date_of_birth": "1950-03-12", "board_date": "2026-12-03", "age_years": 77},
        # The birthday itself: 18 on 2026-03-12, 17 the day before.
        {"date_of_birth": "2008-03-12", "board_date": "2026-03-11", "age_years": 18},
        {"date_of_birth": "2008-03-12", "board_date": "2026-03-12", "age_years": 19},
        {"date_of_birth": "1972-02-29", "board_date": "2026-02-28", "age_years": 53},
        {"age_years": 40},
        {"date_of_birth": "1950-03-12"},
    ],
)
def test_consistent_values_are_accepted(fields):
    assert parse_case({"reference": "X-2", **fields}).reference == "X-2"


def test_an_edit_that_contradicts_is_refused_like_a_file():
    case = parse_case({"reference": "X-3", "lung_metastasis_count": 2})
    with pytest.raises(CaseError) as caught:
        case.with_changes(lung_metastasis_count=0, lung_metastasis_max_mm=7)
    assert (caught.value.field_name, caught.value.related_field) == (
        "lung_metastasis_max_mm",
        "lung_metastasis_count",
    )
    assert case.with_changes(lung_metastasis_max_mm=7).lung_metastasis_max_mm == 7


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("histology", "mucinous", "adenocarcinoma, other, unknown"),
        ("first_line_regimen", "FOLFOX", "oxaliplatin_based, irinotecan_based, other, unknown"),
        ("lung_metastasis_count", 101, "out of range 0–100"),
        ("lung_metastasis_max_mm", 0, "out of range 1–200 mm"),
        ("nodal_regions", 11, "out of range 0–10"),
        ("nodal_max_mm", 201, "out of range 1–200 mm"),
        ("peripheral_neuropathy_grade", 5, "out of range 0–4"),
        ("albumin_g_dl", 10.5, "out of range 0–10 g/dL"),
        ("lung_dose_gy", 200.5, "out of range 0–200 Gy"),
        ("adjuvant_ended_on", "31/01/2025", "YYYY-MM-DD"),
        ("ascites", "no", "true or false"),
        ("life_expectancy_3_months", 1, "true or false"),
    ],
)
def test_second_release_fields_are_checked(field, value, words):
    with pytest.raises(CaseError) as caught:
        parse_case({"reference": "X-4", field: value})
    assert caught.value.field_name == field
    assert words in str(caught.value)


def test_new_groups_follow_a_clinicians_order():
    from tareaid.domain.fields import FIELDS_BY_NAME, Group

    assert [g.value for g in Group] == [
        "Patient",
        "Primary and metastatic disease",
        "Extrahepatic disease",
        "Molecular profile",
        "Liver lesions",
        "Liver function and contraindications",
        "History",
        "Treatment plan",
        "Work-up",
        "Notes",
    ]
    assert FIELDS_BY_NAME["lung_metastasis_count"].group is Group.EXTRAHEPATIC
    assert FIELDS_BY_NAME["albumin_g_dl"].group is Group.LIVER
    assert FIELDS_BY_NAME["first_line_regimen"].group is Group.HISTORY
    assert FIELDS_BY_NAME["lung_dose_gy"].group is Group.WORKUP
    assert FIELDS_BY_NAME["lung_dose_gy"].unit == "Gy"
