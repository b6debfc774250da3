"""Every rule boundary of CONTRACT.md §3, with expected tiers typed from the contract."""

from __future__ import annotations

import pytest

from tareaid.domain.assessment import (
    assess,
    evidence_gap_fields_not_recorded,
    workup_unchecked,
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
    assert factor.reason == (
        "Framework's favours tier: “multiple bilateral lesions unsuitable for ablation”"
    )


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
    assert factor.derived_reason == (
        "Third line: the framework has no tier for it; the clinician decides"
    )


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
    assert workup_unchecked(case) == alerts_unchecked


def headline(**fields: object) -> str:
    return assess(parse_case({"reference": "H", **fields}), load_pack()).headline


CHECKED = {"lung_shunt_fraction_pct": 5, "bilirubin_mg_dl": 0.8}


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
        planned_biologic="cetuximab",
        **CHECKED,
    )
    assert text == "5 of 6 factors favour adding TARE, 1 neutral, 0 against; 1 evidence gap."


def test_headline_puts_contraindications_first_to_resolve():
    text = headline(ecog=3, bilirubin_mg_dl=2.5, lung_shunt_fraction_pct=22)
    assert text == (
        "Contraindications to resolve first: lung shunt fraction above 20%, bilirubin above "
        "2.0 mg/dL (34.2 µmol/L); 0 of 6 factors favour adding TARE, 0 neutral, 1 against, "
        "5 unassessed."
    )


def test_headline_words_cautions_as_cautions_never_to_resolve():
    text = headline(lung_shunt_fraction_pct=15, bilirubin_mg_dl=1.0, planned_biologic="bevacizumab")
    assert text == (
        "Cautions: lung shunt fraction 10–20% (resin activity reduction), anti-VEGF agent to "
        "pause before SIRT; 0 of 6 factors favour adding TARE, 0 neutral, 0 against, "
        "6 unassessed; 1 evidence gap."
    )
    assert "resolve" not in text


def test_headline_with_a_contraindication_and_a_caution():
    text = headline(
        ecog=0, lung_shunt_fraction_pct=12, bilirubin_mg_dl=2.01, microsphere="sir_spheres"
    )
    assert text == (
        "Contraindication to resolve first: bilirubin above 2.0 mg/dL (34.2 µmol/L); "
        "caution: lung shunt fraction 10–20% (resin activity reduction); "
        "1 of 6 factors favours adding TARE, 0 neutral, 0 against, 5 unassessed."
    )


def test_headline_says_which_work_up_checks_were_not_done():
    assert headline(ecog=1) == (
        "1 of 6 factors favours adding TARE, 0 neutral, 0 against, 5 unassessed; "
        "not checked: lung shunt fraction and bilirubin not recorded."
    )
    assert headline(ecog=1, bilirubin_mg_dl=1.0) == (
        "1 of 6 factors favours adding TARE, 0 neutral, 0 against, 5 unassessed; "
        "not checked: lung shunt fraction not recorded."
    )
    assert headline(ecog=1, microsphere="therasphere", bilirubin_mg_dl=1.0) == (
        "1 of 6 factors favours adding TARE, 0 neutral, 0 against, 5 unassessed; "
        "1 evidence gap; not checked: lung shunt fraction and lung dose not recorded."
    )


def test_headline_names_outside_and_unassessed():
    text = headline(prior_systemic_lines=2, liver_lesion_count=0, ecog=2, **CHECKED)
    assert text == (
        "0 of 6 factors favour adding TARE, 1 neutral, 0 against, 3 unassessed, "
        "2 outside the framework."
    )


def test_headline_uses_the_singular_for_one_factor():
    assert headline(ecog=0, **CHECKED).startswith("1 of 6 factors favours adding TARE,")
    assert headline(ecog=3, **CHECKED).startswith("0 of 6 factors favour adding TARE,")
    assert headline(ecog=0, metastatic_pattern="liver_only", **CHECKED).startswith(
        "2 of 6 factors favour adding TARE,"
    )


def test_the_trial_populations_do_not_change_counts_or_headline():
    base = {"reference": "P-1", "ecog": 1, **CHECKED}
    plain = assess(parse_case(base), load_pack())
    fuller = assess(
        parse_case({**base, "age_years": 70, "histology": "other", "bone_metastases": True}),
        load_pack(),
    )
    assert fuller.counts == plain.counts
    assert fuller.headline == plain.headline


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
    assert first == {
        "key": "metastatic_pattern",
        "derived_tier": "favours",
        "tier": "favours",
        "overridden": False,
        "reason": "Framework's favours tier: “liver-only or liver-dominant”",
        "finding": "Liver-only disease",
        "derived_reason": "Framework's favours tier: “liver-only or liver-dominant”",
        "claim_status": "not_shown_by_trials",
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
        "workup_unchecked",
        "evidence_context",
        "trials",
        "headline",
    }
    assert data["evidence_version"] == "2026.11.3"
    assert data["workup_unchecked"] == ["lung_shunt_fraction_pct", "bilirubin_mg_dl"]
    assert [t["key"] for t in data["trials"]] == ["sirflox", "foxfire", "foxfire_global", "epoch"]
