"""The demo cases: clinically coherent, and between them reaching every second-release rule.

Expectations are typed by hand from CONTRACT.md §3–§4 and TRIALS.md; the demo file is the
data under test, read as `tareaid demo` reads it.
"""

from __future__ import annotations

import importlib.resources
from datetime import date

import pytest

from tareaid.domain.assessment import assess, evidence_context_key
from tareaid.domain.case import age_on, parse_case_document
from tareaid.domain.evidence import load_pack


@pytest.fixture(scope="module")
def demo():
    data = (importlib.resources.files("tareaid.resources") / "demo_cases.json").read_bytes()
    cases, _ = parse_case_document(data, source="demo_cases.json")
    pack = load_pack()
    return [(case, assess(case, pack)) for case in cases]


def test_every_claim_status_row_of_the_contract_is_reached(demo):
    reached = {
        (f.key, f.tier, f.claim_status) for _, a in demo for f in a.factors if f.claim_status
    }
    assert reached == {
        ("metastatic_pattern", "favours", "not_shown_by_trials"),
        ("metastatic_pattern", "neutral", "clinical_reasoning"),
        ("metastatic_pattern", "against", "clinical_reasoning"),
        ("treatment_goal", "favours", "indirect"),
        ("treatment_goal", "neutral", "clinical_reasoning"),
        ("treatment_goal", "against", "clinical_reasoning"),
        ("timing", "favours", "contradicted_for_survival"),
        ("timing", "neutral", "understated"),
        ("timing", "against", "conflicts_with_guidance"),
        ("ras_status", "favours", "not_supported"),
        ("ras_status", "neutral", "clinical_reasoning"),
        ("ras_status", "against", "clinical_reasoning"),  # only an override reaches it
        ("liver_lesions", "favours", "clinical_reasoning"),
        ("liver_lesions", "neutral", "clinical_reasoning"),
        ("liver_lesions", "against", "clinical_reasoning"),
        ("ecog", "favours", "consistent_with_trial_eligibility"),
        ("ecog", "neutral", "consistent_with_trial_eligibility"),
        ("ecog", "against", "consistent_with_trial_eligibility"),
    }
    overridden = {(f.key, f.tier) for _, a in demo for f in a.factors if f.overridden}
    assert ("ras_status", "against") in overridden


def test_every_alert_with_its_severity_and_every_gap(demo):
    alerts = {(w.key, w.severity) for _, a in demo for w in a.workup_alerts}
    assert alerts == {
        ("lung_shunt_high", "contraindication"),
        ("lung_shunt_reduction", "caution"),
        ("lung_dose_needed", "caution"),
        ("lung_dose_high", "contraindication"),
        ("bilirubin_high", "contraindication"),
        ("anti_vegf_pause", "caution"),
    }
    assert {g.key for _, a in demo for g in a.evidence_gaps} == {
        "irinotecan_regimen",
        "biologic",
        "checkpoint_inhibitor",
        "kras_g12c_inhibitor",
        "therasphere",
    }


def test_every_combination_of_checks_not_done(demo):
    shunt, bili, dose = "lung_shunt_fraction_pct", "bilirubin_mg_dl", "lung_dose_gy"
    assert {a.workup_unchecked for _, a in demo} == {
        (),
        (shunt,),
        (bili,),
        (shunt, bili),
        (dose,),
        (shunt, dose),
        (bili, dose),
        (shunt, bili, dose),
    }


def test_every_setting_of_the_evidence_context(demo):
    assert {evidence_context_key(case) for case, _ in demo} == {
        "first_line",
        "second_line",
        "later_lines",
        "not_recorded",
    }


def test_the_shunt_boundaries_are_shown(demo):
    shunts = {case.lung_shunt_fraction_pct for case, _ in demo}
    assert {9.9, 20} <= shunts  # just below the reduction band, and its top
    assert any(case.lung_dose_gy is not None and case.lung_dose_gy > 30 for case, _ in demo)


def test_every_trial_criterion_status_that_can_be_reached(demo):
    reached = {
        (trial.key, criterion.key, criterion.status)
        for _, a in demo
        for trial in a.trials
        for criterion in trial.criteria
    }
    pack = load_pack()
    # `adult` reads age_years, which is never below 18: it cannot be "not met".
    unreachable = {
        ("sirflox", "adult", "not_met"),
        ("foxfire", "adult", "not_met"),
        ("foxfire_global", "adult", "not_met"),
    }
    expected = {
        (population.key, criterion.key, status)
        for population in pack.populations
        for criterion in population.criteria
        for status in ("met", "not_met", "unknown")
    } - unreachable
    assert expected - reached == set()
    assert len(expected) == 3 * (14 + 12 + 9 + 4) - 3


def test_one_demo_case_resembles_every_first_line_population_fully(demo):
    (first,) = [a for case, a in demo if case.reference == "DEMO-01"]
    counts = {t.key: t.counts for t in first.trials}
    assert counts["sirflox"] == {"met": 14, "not_met": 0, "unknown": 0}
    assert counts["foxfire"] == {"met": 12, "not_met": 0, "unknown": 0}
    assert counts["foxfire_global"] == {"met": 9, "not_met": 0, "unknown": 0}
    # Albumin exactly 3.0 g/dL: FOXFIRE's ≥ 3.0 is met, EPOCH's > 3.0 is not.
    assert first.trial("epoch").criterion("albumin").status == "not_met"


# --- coherence ---------------------------------------------------------------------------------


def test_ages_agree_with_the_dates_of_birth(demo):
    for case, _ in demo:
        if case.age_years is not None and case.date_of_birth is not None:
            assert case.board_date is not None
            assert age_on(case.date_of_birth, case.board_date) == case.age_years, case.reference


def test_no_anti_egfr_therapy_with_a_right_sided_primary(demo):
    for case, _ in demo:
        if case.planned_biologic in ("cetuximab", "panitumumab"):
            assert case.primary_tumour_side in ("left", "rectum"), case.reference
            assert case.ras_status == "wild_type", case.reference


def test_a_case_treated_before_records_its_first_line_regimen(demo):
    for case, _ in demo:
        if case.prior_systemic_lines:
            assert case.first_line_regimen is not None, case.reference


def test_no_override_contradicts_its_own_finding(demo):
    # An override sets a tier the data do not settle, or weighs data the rule reads; it
    # never states data the case contradicts.
    by_reference = {case.reference: (case, a) for case, a in demo}
    case, assessment = by_reference["DEMO-07"]
    assert case.treatment_goal == "unknown"  # the board's aim is recorded by its override
    assert assessment.factor("treatment_goal").finding == "Treatment goal recorded as unknown"
    case, _ = by_reference["DEMO-08"]
    assert (case.liver_lesion_count, case.resectable, case.ablation_suitable) == (1, False, False)
    assert "neither resectable nor ablatable" in case.overrides["liver_lesions"].reason
    case, _ = by_reference["DEMO-10"]
    assert (case.liver_lesion_count, case.bilobar, case.ablation_suitable) == (4, False, False)
    case, _ = by_reference["DEMO-04"]
    assert case.prior_systemic_lines == 2
    assert "Two prior lines" in case.overrides["timing"].reason


def test_the_metastatic_pattern_agrees_with_the_extrahepatic_fields(demo):
    for case, _ in demo:
        sites = [
            case.bone_metastases,
            case.peritoneal_metastases,
            case.other_extrahepatic_site,
        ]
        if case.metastatic_pattern == "liver_only":
            assert case.lung_metastasis_count in (0, None), case.reference
            assert case.nodal_regions in (0, None), case.reference
            assert True not in sites, case.reference
        if case.metastatic_pattern == "liver_limited_lung":
            assert (case.lung_metastasis_count or 0) >= 1, case.reference
            assert True not in sites, case.reference
        if case.metastatic_pattern == "extensive_extrahepatic":
            assert sites.count(True) >= 2, case.reference


def test_adjuvant_therapy_ended_before_the_board(demo):
    for case, _ in demo:
        if case.adjuvant_ended_on is not None:
            assert case.board_date is not None
            assert case.adjuvant_ended_on < case.board_date, case.reference
    # One case ends adjuvant therapy exactly six months before its board: not met.
    (six,) = [c for c, _ in demo if c.adjuvant_ended_on == date(2026, 6, 3)]
    assert six.board_date == date(2026, 12, 3)
