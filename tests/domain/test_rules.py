"""Every rule boundary of CONTRACT.md §3, with expected tiers typed from the contract."""

from __future__ import annotations

import pytest

from tareaid.domain.assessment import (
    assess,
    evidence_gap_fields_not_recorded,
    workup_alert_fields_not_recorded,
)
from tareaid.domain.case import parse_case
from tareaid.domain.evidence import load_pack


def tiers_for(**fields: object) -> dict[str, tuple[str, str, bool]]:
    case = parse_case({"reference": "T-1", **fields})
    result = assess(case, load_pack())
    return {f.key: (f.derived_tier, f.tier, f.overridden) for f in result.factors}


def tier(factor: str, **fields: object) -> str:
    return tiers_for(**fields)[factor][1]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("liver_only", "favours"),
        ("liver_dominant", "favours"),
        ("liver_limited_lung", "neutral"),
        ("extensive_extrahepatic", "against"),
        ("unknown", "unassessed"),
        (None, "unassessed"),
    ],
)
def test_metastatic_pattern(value, expected):
    assert tier("metastatic_pattern", metastatic_pattern=value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("conversion_to_resection", "favours"),
        ("disease_control", "neutral"),
        ("palliative", "against"),
        ("unknown", "unassessed"),
        (None, "unassessed"),
    ],
)
def test_treatment_goal(value, expected):
    assert tier("treatment_goal", treatment_goal=value) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (0, "favours"),
        (1, "neutral"),
        (2, "outside"),
        (3, "against"),
        (4, "against"),
        (15, "against"),
        (None, "unassessed"),
    ],
)
def test_timing(lines, expected):
    assert tier("timing", prior_systemic_lines=lines) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("mutant", "favours"),
        ("wild_type", "neutral"),
        ("unknown", "unassessed"),
        (None, "unassessed"),
    ],
)
def test_ras_status_is_never_against(value, expected):
    assert tier("ras_status", ras_status=value) == expected


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        # rule 1: count not recorded, whatever else is known
        ({"bilobar": True, "ablation_suitable": False}, "unassessed"),
        # rule 2: count 0
        ({"liver_lesion_count": 0, "resectable": True}, "outside"),
        # rule 3: solitary lesion
        ({"liver_lesion_count": 1, "resectable": True}, "against"),
        ({"liver_lesion_count": 1}, "unassessed"),
        ({"liver_lesion_count": 1, "resectable": False}, "outside"),
        (
            {
                "liver_lesion_count": 1,
                "resectable": False,
                "bilobar": True,
                "ablation_suitable": False,
            },
            "outside",
        ),
        # rule 4: two or more lesions, bilobar needed
        ({"liver_lesion_count": 2, "ablation_suitable": False}, "unassessed"),
        ({"liver_lesion_count": 2, "bilobar": False, "ablation_suitable": False}, "outside"),
        ({"liver_lesion_count": 9, "bilobar": False}, "outside"),
        # rule 5: bilobar, ablation suitability needed
        ({"liver_lesion_count": 2, "bilobar": True}, "unassessed"),
        ({"liver_lesion_count": 2, "bilobar": True, "ablation_suitable": False}, "favours"),
        ({"liver_lesion_count": 7, "bilobar": True, "ablation_suitable": False}, "favours"),
        ({"liver_lesion_count": 200, "bilobar": True, "ablation_suitable": False}, "favours"),
        # rule 6: bilobar and ablation-suitable
        ({"liver_lesion_count": 2, "bilobar": True, "ablation_suitable": True}, "neutral"),
        ({"liver_lesion_count": 4, "bilobar": True, "ablation_suitable": True}, "neutral"),
        ({"liver_lesion_count": 5, "bilobar": True, "ablation_suitable": True}, "outside"),
        ({"liver_lesion_count": 30, "bilobar": True, "ablation_suitable": True}, "outside"),
        # resectable does not matter once there are two or more lesions
        (
            {
                "liver_lesion_count": 3,
                "bilobar": True,
                "ablation_suitable": True,
                "resectable": True,
            },
            "neutral",
        ),
    ],
)
def test_liver_lesions_ordered_rules(fields, expected):
    assert tier("liver_lesions", **fields) == expected


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (0, "favours"),
        (1, "favours"),
        (2, "neutral"),
        (3, "against"),
        (4, "against"),
        (None, "unassessed"),
    ],
)
def test_ecog(score, expected):
    assert tier("ecog", ecog=score) == expected


def test_liver_lesion_finding_reads_like_a_clinician_wrote_it():
    case = parse_case(
        {"reference": "T-2", "liver_lesion_count": 7, "bilobar": True, "ablation_suitable": False}
    )
    factor = assess(case, load_pack()).factor("liver_lesions")
    assert factor.finding == "7 bilobar lesions, not suitable for ablation"
    assert factor.reason == "Multiple bilobar lesions unsuitable for ablation"


def test_override_replaces_tier_and_keeps_reason_and_derivation():
    result = tiers_for(
        prior_systemic_lines=2,
        overrides={"timing": {"tier": "neutral", "reason": "Liver-only progression on 2nd line"}},
    )
    assert result["timing"] == ("outside", "neutral", True)
    case = parse_case(
        {
            "reference": "T-3",
            "prior_systemic_lines": 2,
            "overrides": {
                "timing": {"tier": "neutral", "reason": "Liver-only progression on 2nd line"}
            },
        }
    )
    factor = assess(case, load_pack()).factor("timing")
    assert factor.reason == "Liver-only progression on 2nd line"
    assert factor.derived_reason.startswith("Third line")


def test_override_counts_as_the_clinician_set_it():
    case = parse_case(
        {
            "reference": "T-4",
            "ecog": 3,
            "overrides": {"ecog": {"tier": "favours", "reason": "ECOG 3 from pain, reversible"}},
        }
    )
    counts = assess(case, load_pack()).counts
    assert counts == {"favours": 1, "neutral": 0, "against": 0, "unassessed": 5, "outside": 0}


def test_override_may_place_an_unassessed_factor():
    result = tiers_for(
        overrides={
            "ras_status": {"tier": "neutral", "reason": "Test pending; treated as wild-type"}
        }
    )
    assert result["ras_status"] == ("unassessed", "neutral", True)


def gap_keys(**fields: object) -> list[str]:
    return [
        g.key for g in assess(parse_case({"reference": "G", **fields}), load_pack()).evidence_gaps
    ]


def alert_keys(**fields: object) -> list[str]:
    return [
        a.key for a in assess(parse_case({"reference": "A", **fields}), load_pack()).workup_alerts
    ]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"planned_chemotherapy": "FOLFIRI"}, ["irinotecan_regimen"]),
        ({"planned_chemotherapy": "FOLFOXIRI"}, ["irinotecan_regimen"]),
        ({"planned_chemotherapy": "FOLFOX"}, []),
        ({"planned_chemotherapy": "CAPOX"}, []),
        ({"planned_chemotherapy": "other"}, []),
        ({"planned_chemotherapy": "unknown"}, []),
        ({"planned_biologic": "bevacizumab"}, ["biologic"]),
        ({"planned_biologic": "cetuximab"}, ["biologic"]),
        ({"planned_biologic": "panitumumab"}, ["biologic"]),
        ({"planned_biologic": "none"}, []),
        ({"planned_biologic": "unknown"}, []),
        ({"checkpoint_inhibitor": True}, ["checkpoint_inhibitor"]),
        ({"checkpoint_inhibitor": False}, []),
        ({"prior_kras_g12c_inhibitor": True}, ["kras_g12c_inhibitor"]),
        ({"prior_kras_g12c_inhibitor": False}, []),
        ({"microsphere": "therasphere"}, ["therasphere"]),
        ({"microsphere": "sir_spheres"}, []),
        ({"microsphere": "undecided"}, []),
        ({}, []),
        (
            {
                "planned_chemotherapy": "FOLFOXIRI",
                "planned_biologic": "cetuximab",
                "checkpoint_inhibitor": True,
                "prior_kras_g12c_inhibitor": True,
                "microsphere": "therasphere",
            },
            [
                "irinotecan_regimen",
                "biologic",
                "checkpoint_inhibitor",
                "kras_g12c_inhibitor",
                "therasphere",
            ],
        ),
    ],
)
def test_evidence_gaps(fields, expected):
    assert gap_keys(**fields) == expected


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"lung_shunt_fraction_pct": 20.01}, ["lung_shunt_high"]),
        ({"lung_shunt_fraction_pct": 45, "microsphere": "therasphere"}, ["lung_shunt_high"]),
        ({"lung_shunt_fraction_pct": 20}, ["lung_shunt_reduction"]),
        ({"lung_shunt_fraction_pct": 10}, ["lung_shunt_reduction"]),
        ({"lung_shunt_fraction_pct": 15, "microsphere": "sir_spheres"}, ["lung_shunt_reduction"]),
        ({"lung_shunt_fraction_pct": 15, "microsphere": "undecided"}, ["lung_shunt_reduction"]),
        ({"lung_shunt_fraction_pct": 15, "microsphere": "therasphere"}, []),
        ({"lung_shunt_fraction_pct": 9.99}, []),
        ({"lung_shunt_fraction_pct": 0}, []),
        ({"bilirubin_mg_dl": 2.01}, ["bilirubin_high"]),
        ({"bilirubin_mg_dl": 2.0}, []),
        ({"bilirubin_mg_dl": 0.4}, []),
        (
            {"lung_shunt_fraction_pct": 25, "bilirubin_mg_dl": 3.1},
            ["lung_shunt_high", "bilirubin_high"],
        ),
        ({}, []),
    ],
)
def test_workup_alerts(fields, expected):
    assert alert_keys(**fields) == expected


@pytest.mark.parametrize(
    ("fields", "gaps_unchecked", "alerts_unchecked"),
    [
        (
            {},
            [
                "planned_chemotherapy",
                "planned_biologic",
                "checkpoint_inhibitor",
                "prior_kras_g12c_inhibitor",
                "microsphere",
            ],
            ["lung_shunt_fraction_pct", "bilirubin_mg_dl"],
        ),
        (
            {
                "planned_chemotherapy": "unknown",
                "planned_biologic": "none",
                "checkpoint_inhibitor": False,
                "prior_kras_g12c_inhibitor": False,
                "microsphere": "undecided",
                "lung_shunt_fraction_pct": 0,
            },
            ["planned_chemotherapy", "microsphere"],
            ["bilirubin_mg_dl"],
        ),
        (
            {
                "planned_chemotherapy": "FOLFOX",
                "planned_biologic": "none",
                "checkpoint_inhibitor": False,
                "prior_kras_g12c_inhibitor": False,
                "microsphere": "sir_spheres",
                "lung_shunt_fraction_pct": 4.5,
                "bilirubin_mg_dl": 0.8,
            },
            [],
            [],
        ),
    ],
)
def test_which_fields_leave_the_gap_and_alert_checks_incomplete(
    fields, gaps_unchecked, alerts_unchecked
):
    case = parse_case({"reference": "C-1", **fields})
    assert evidence_gap_fields_not_recorded(case) == gaps_unchecked
    assert workup_alert_fields_not_recorded(case) == alerts_unchecked


def headline(**fields: object) -> str:
    return assess(parse_case({"reference": "H", **fields}), load_pack()).headline


def test_headline_for_a_complete_case_counts_without_recommending():
    text = headline(
        metastatic_pattern="liver_only",
        treatment_goal="conversion_to_resection",
        prior_systemic_lines=0,
        ras_status="wild_type",
        liver_lesion_count=7,
        bilobar=True,
        ablation_suitable=False,
        ecog=1,
        planned_biologic="bevacizumab",
    )
    assert text == "5 of 6 factors favour adding TARE, 1 neutral, 0 against; 1 evidence gap."


def test_headline_puts_work_up_alerts_first():
    text = headline(ecog=3, bilirubin_mg_dl=2.5, lung_shunt_fraction_pct=22)
    assert text == (
        "Work-up alerts (lung shunt fraction above 20%, bilirubin above 2.0 mg/dL) to resolve "
        "first; 0 of 6 factors favour adding TARE, 0 neutral, 1 against, 5 unassessed."
    )


def test_headline_names_outside_and_unassessed():
    text = headline(prior_systemic_lines=2, liver_lesion_count=0, ecog=2)
    assert text == (
        "0 of 6 factors favour adding TARE, 1 neutral, 0 against, 3 unassessed, "
        "2 outside the framework."
    )


def test_headline_never_uses_recommending_words():
    for fields in (
        {},
        {"ecog": 0, "metastatic_pattern": "liver_only"},
        {"ecog": 4, "treatment_goal": "palliative"},
    ):
        text = headline(**fields).lower()
        for word in ("recommend", "should", "eligible", "candidate", "indicated"):
            assert word not in text


def test_assessment_json_shape_follows_the_contract():
    case = parse_case({"reference": "CRLM-001", "metastatic_pattern": "liver_only"})
    data = assess(case, load_pack()).to_json()
    assert data["format"] == "tareaid.assessment/1"
    assert data["reference"] == "CRLM-001"
    assert [f["key"] for f in data["factors"]] == [
        "metastatic_pattern",
        "treatment_goal",
        "timing",
        "ras_status",
        "liver_lesions",
        "ecog",
    ]
    first = data["factors"][0]
    assert {k: first[k] for k in ("key", "derived_tier", "tier", "overridden", "reason")} == {
        "key": "metastatic_pattern",
        "derived_tier": "favours",
        "tier": "favours",
        "overridden": False,
        "reason": "Liver-only disease",
    }
    assert data["counts"] == {
        "favours": 1,
        "neutral": 0,
        "against": 0,
        "unassessed": 5,
        "outside": 0,
    }
    assert set(data) == {
        "format",
        "reference",
        "evidence_version",
        "factors",
        "counts",
        "evidence_gaps",
        "workup_alerts",
        "headline",
    }
