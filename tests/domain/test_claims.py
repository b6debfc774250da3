"""The evidence status of the framework's claims, the reasons' wording, and the evidence
context of each setting.

Statuses are typed by hand from the table of CONTRACT.md §4; the evidence sentences' numbers
from EVIDENCE.md ("What the evidence says about each claim of the framework").
"""

from __future__ import annotations

import pytest

from tareaid.domain.assessment import assess
from tareaid.domain.case import parse_case
from tareaid.domain.evidence import load_pack

# factor → tier → the data that derive it (CONTRACT.md §3)
DERIVING = {
    "metastatic_pattern": {
        "favours": {"metastatic_pattern": "liver_dominant"},
        "neutral": {"metastatic_pattern": "liver_limited_lung"},
        "against": {"metastatic_pattern": "extensive_extrahepatic"},
    },
    "treatment_goal": {
        "favours": {"treatment_goal": "conversion_to_resection"},
        "neutral": {"treatment_goal": "disease_control"},
        "against": {"treatment_goal": "palliative"},
    },
    "timing": {
        "favours": {"prior_systemic_lines": 0},
        "neutral": {"prior_systemic_lines": 1},
        "against": {"prior_systemic_lines": 3},
    },
    "ras_status": {
        "favours": {"ras_status": "mutant"},
        "neutral": {"ras_status": "wild_type"},
    },
    "liver_lesions": {
        "favours": {"liver_lesion_count": 6, "bilobar": True, "ablation_suitable": False},
        "neutral": {"liver_lesion_count": 3, "bilobar": True, "ablation_suitable": True},
        "against": {"liver_lesion_count": 1, "resectable": True},
    },
    "ecog": {"favours": {"ecog": 1}, "neutral": {"ecog": 2}, "against": {"ecog": 4}},
}

# CONTRACT.md §4, typed row by row.
STATUS = {
    ("metastatic_pattern", "favours"): "not_shown_by_trials",
    ("metastatic_pattern", "neutral"): "clinical_reasoning",
    ("metastatic_pattern", "against"): "clinical_reasoning",
    ("treatment_goal", "favours"): "indirect",
    ("treatment_goal", "neutral"): "clinical_reasoning",
    ("treatment_goal", "against"): "clinical_reasoning",
    ("timing", "favours"): "contradicted_for_survival",
    ("timing", "neutral"): "understated",
    ("timing", "against"): "conflicts_with_guidance",
    ("ras_status", "favours"): "not_supported",
    ("ras_status", "neutral"): "clinical_reasoning",
    ("ras_status", "against"): "clinical_reasoning",
    ("liver_lesions", "favours"): "clinical_reasoning",
    ("liver_lesions", "neutral"): "clinical_reasoning",
    ("liver_lesions", "against"): "clinical_reasoning",
    ("ecog", "favours"): "consistent_with_trial_eligibility",
    ("ecog", "neutral"): "consistent_with_trial_eligibility",
    ("ecog", "against"): "consistent_with_trial_eligibility",
}

DERIVED_CASES = [(f, t) for f, tiers in DERIVING.items() for t in tiers]


def factor(key: str, **fields: object):
    return assess(parse_case({"reference": "C-1", **fields}), load_pack()).factor(key)


@pytest.mark.parametrize(("key", "tier"), DERIVED_CASES)
def test_claim_status_of_each_derived_tier(key, tier):
    result = factor(key, **DERIVING[key][tier])
    assert (result.tier, result.overridden) == (tier, False)
    assert result.claim_status == STATUS[(key, tier)]
    assert result.to_json()["claim_status"] == STATUS[(key, tier)]
    assert result.claim is not None and result.claim.status == STATUS[(key, tier)]


@pytest.mark.parametrize(("key", "tier"), list(STATUS))
def test_an_override_takes_the_status_of_its_tier(key, tier):
    # Overridden from data that derive nothing (unassessed), so the status can only come
    # from the tier the clinician set.
    result = factor(key, overrides={key: {"tier": tier, "reason": "Board's judgement"}})
    assert (result.derived_tier, result.tier, result.overridden) == ("unassessed", tier, True)
    assert result.claim_status == STATUS[(key, tier)]
    assert result.to_json()["claim_status"] == STATUS[(key, tier)]


def test_an_override_replaces_the_derived_tiers_status():
    result = factor(
        "timing",
        prior_systemic_lines=0,
        overrides={"timing": {"tier": "against", "reason": "Frail; many prior treatments"}},
    )
    assert (result.derived_tier, result.tier) == ("favours", "against")
    assert result.claim_status == "conflicts_with_guidance"


@pytest.mark.parametrize(
    ("key", "fields"),
    [
        ("metastatic_pattern", {}),
        ("metastatic_pattern", {"metastatic_pattern": "unknown"}),
        ("treatment_goal", {"treatment_goal": "unknown"}),
        ("timing", {}),
        ("timing", {"prior_systemic_lines": 2}),  # outside
        ("ras_status", {"ras_status": "unknown"}),
        ("liver_lesions", {"liver_lesion_count": 0}),  # outside
        ("liver_lesions", {"liver_lesion_count": 1}),  # unassessed
        ("ecog", {}),
    ],
)
def test_no_claim_status_for_unassessed_or_outside(key, fields):
    result = factor(key, **fields)
    assert result.tier in ("unassessed", "outside")
    assert result.claim_status is None
    assert result.claim is None
    assert result.to_json()["claim_status"] is None


# --- the words -------------------------------------------------------------------------------

UNSUPPORTED = ("may benefit more", "primary evidence", "benefit less clear", "limited evidence")


@pytest.mark.parametrize(("key", "tier"), DERIVED_CASES)
def test_a_reason_names_the_tier_and_never_asserts_an_unsupported_claim(key, tier):
    reason = factor(key, **DERIVING[key][tier]).reason
    assert f"Framework's {tier} tier" in reason or "favours tier is" in reason
    for words in UNSUPPORTED:
        assert words not in reason


def test_ras_mutant_reason_and_claim():
    result = factor("ras_status", ras_status="mutant")
    assert result.reason == "Framework's favours tier: “RAS mutant”"
    assert result.claim.claim == "may benefit more in pooled subgroups"
    assert "No RAS-specific benefit is reported" in result.claim.evidence
    assert "ESMO 2017 LBA26" in result.claim.evidence


@pytest.mark.parametrize(
    ("planned", "reason"),
    [
        ("FOLFOX", "Framework's favours tier: “first-line alongside FOLFOX”"),
        (
            "none",
            "Framework's favours tier is “first-line alongside FOLFOX”; no chemotherapy is planned",
        ),
        (
            "CAPOX",
            "Framework's favours tier is “first-line alongside FOLFOX”; CAPOX is planned",
        ),
        (
            "unknown",
            "Framework's favours tier is “first-line alongside FOLFOX”; "
            "planned chemotherapy not recorded",
        ),
        (
            None,
            "Framework's favours tier is “first-line alongside FOLFOX”; "
            "planned chemotherapy not recorded",
        ),
    ],
)
def test_first_line_reason_never_claims_chemotherapy_that_is_not_planned(planned, reason):
    fields = {"prior_systemic_lines": 0}
    if planned is not None:
        fields["planned_chemotherapy"] = planned
    result = factor("timing", **fields)
    assert result.tier == "favours"
    assert result.finding == "No prior systemic line (first-line setting)"
    assert result.reason == reason
    assert "setting of the primary evidence" not in result.reason


# The numbers each claim's evidence quotes, typed from EVIDENCE.md.
EVIDENCE_NUMBERS = {
    ("metastatic_pattern", "favours"): ("HR 1.04", "HR 0.69", "HR 0.51", "HR 1.98"),
    ("treatment_goal", "favours"): ("78.7% vs 68.8%", "P = .042", "76.4% vs 68.1%", "P = .113"),
    ("timing", "favours"): ("HR 0.93", "P = .43", "HR 1.04", "P = .61"),
    ("timing", "neutral"): ("HR 0.69", "HR 0.59", "HR 1.07"),
    ("timing", "against"): ("NICE IPG672", "Wasan 2017", "third-line"),
    ("ras_status", "favours"): ("ESMO 2017 LBA26",),
    ("liver_lesions", "against"): ("standard surgical practice",),
    ("ecog", "neutral"): ("0–1", "ECOG 2 is outside their populations"),
}


@pytest.mark.parametrize(("key", "tier"), list(EVIDENCE_NUMBERS))
def test_claim_evidence_quotes_the_brief(key, tier):
    claim = load_pack().claim(key, tier)
    for words in EVIDENCE_NUMBERS[(key, tier)]:
        assert words in claim.evidence


def test_a_claim_cites_what_it_rests_on():
    pack = load_pack()
    cited = [r.key for r in pack.claim_references(pack.claim("metastatic_pattern", "favours"))]
    assert cited == ["combined_2017", "sirflox", "asco_2017_3507", "right_sided_2018"]
    timing = [r.key for r in pack.claim_references(pack.claim("timing", "against"))]
    assert timing == ["nice_ipg672", "combined_2017"]


def test_liver_progression_is_never_quoted_without_progression_outside_the_liver():
    pack = load_pack()
    texts = [c.evidence for f in pack.factors for c in f.claims.values()]
    texts += list(pack.evidence_context.values())
    for text in texts:
        if "0.51" in text:
            assert "1.98" in text


def test_claim_status_wording_in_the_pack():
    pack = load_pack()
    labels = {key: pack.claim_status_text(key).label for key in pack.claim_statuses}
    assert labels == {
        "not_shown_by_trials": "Not shown by the trials",
        "indirect": "Indirect evidence",
        "contradicted_for_survival": "Contradicted for survival",
        "understated": "Understated",
        "conflicts_with_guidance": "Conflicts with guidance",
        "not_supported": "Not supported",
        "clinical_reasoning": "Clinical reasoning",
        "consistent_with_trial_eligibility": "Consistent with trial eligibility",
    }


def test_the_framework_is_said_once_to_be_unvalidated():
    provenance = load_pack().framework_provenance
    assert "web page" in provenance
    assert "not a validated score" in provenance


# --- evidence context ------------------------------------------------------------------------


def context(**fields: object) -> str:
    return assess(parse_case({"reference": "E-1", **fields}), load_pack()).evidence_context


def test_first_line_context_names_the_unmet_primary_endpoints_and_the_liver_only_benefit():
    text = context(prior_systemic_lines=0)
    assert text.startswith("First-line setting: in SIRFLOX and the combined analysis")
    for words in ("did not meet the primary endpoints", "HR 0.93", "HR 1.04", "HR 0.69"):
        assert words in text
    assert "liver progression HR 0.51" in text
    assert "more progression outside the liver (HR 1.98)" in text


def test_second_line_context_is_epoch():
    text = context(prior_systemic_lines=1)
    assert text == (
        "Second-line setting: in EPOCH, adding TheraSphere glass microspheres to chemotherapy "
        "met both co-primary endpoints (PFS HR 0.69; hepatic PFS HR 0.59), but overall "
        "survival was not improved (HR 1.07)."
    )


@pytest.mark.parametrize("lines", [2, 3, 15])
def test_later_lines_context_is_neither_trial(lines):
    text = context(prior_systemic_lines=lines)
    assert text.startswith("Third line or later: no randomised trial of TARE")
    assert "NICE IPG672" in text
    assert "chemo-refractory" in text


def test_context_says_when_the_setting_is_not_recorded():
    assert context() == (
        "The number of prior systemic lines is not recorded, so the case cannot be placed "
        "against the primary endpoints of the trials."
    )
