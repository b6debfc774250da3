"""`summarise`: the counts and headline the store keeps, without a whole assessment.

It must say exactly what `assess` says, for every case: it is checked against `assess` on
the demo cases and on a few hundred varied cases, and once against a headline typed from
CONTRACT.md §3.
"""

from __future__ import annotations

import importlib.resources
import random

import pytest

from tareaid.domain.assessment import Summary, assess, summarise
from tareaid.domain.case import parse_case, parse_case_document
from tareaid.domain.evidence import load_pack


def varied_cases(count: int, seed: int) -> list:
    """Cases spread over what the rules, alerts and gaps distinguish (None included)."""
    rng = random.Random(seed)

    def pick(*values: object) -> object:
        return rng.choice((None, *values))

    cases = []
    for i in range(count):
        data = {
            "reference": f"SUM-{i:04d}",
            "metastatic_pattern": pick(
                "liver_only", "liver_dominant", "liver_limited_lung", "extensive_extrahepatic"
            ),
            "treatment_goal": pick("conversion_to_resection", "disease_control", "palliative"),
            "prior_systemic_lines": pick(0, 1, 2, 3, 5),
            "ras_status": pick("mutant", "wild_type", "unknown"),
            "liver_lesion_count": pick(0, 1, 2, 4, 5, 9),
            "bilobar": pick(True, False),
            "ablation_suitable": pick(True, False),
            "resectable": pick(True, False),
            "ecog": pick(0, 1, 2, 3),
            "planned_chemotherapy": pick("FOLFOX", "FOLFIRI", "FOLFOXIRI", "none", "unknown"),
            "planned_biologic": pick("none", "bevacizumab", "cetuximab", "unknown"),
            "checkpoint_inhibitor": pick(True, False),
            "prior_kras_g12c_inhibitor": pick(True, False),
            "microsphere": pick("sir_spheres", "therasphere", "undecided"),
            "lung_shunt_fraction_pct": pick(5.0, 10.0, 15.5, 20.0, 24.0),
            "lung_dose_gy": pick(12.0, 30.0, 31.0),
            "bilirubin_mg_dl": pick(0.6, 2.0, 2.4),
        }
        if rng.random() < 0.2:
            data["overrides"] = {"ras_status": {"tier": "against", "reason": "Reviewed."}}
        cases.append(parse_case({k: v for k, v in data.items() if v is not None}))
    return cases


def demo_cases() -> list:
    data = (importlib.resources.files("tareaid.resources") / "demo_cases.json").read_bytes()
    return parse_case_document(data, source="demo_cases.json")[0]


@pytest.mark.parametrize("cases", [demo_cases(), varied_cases(400, seed=5)], ids=["demo", "varied"])
def test_summary_is_the_assessments_counts_and_headline(cases):
    pack = load_pack()
    for case in cases:
        whole = assess(case, pack)
        assert summarise(case, pack) == Summary(whole.counts, whole.headline), case.reference


def test_summary_headline_typed_from_the_contract():
    case = parse_case(
        {
            "reference": "H",
            "ecog": 3,
            "bilirubin_mg_dl": 2.5,
            "lung_shunt_fraction_pct": 22,
        }
    )
    summary = summarise(case, load_pack())
    assert summary.headline == (
        "Contraindications to resolve first: lung shunt fraction above 20%, bilirubin above "
        "2.0 mg/dL (34.2 µmol/L); 0 of 6 factors favour adding TARE, 0 neutral, 1 against, "
        "5 unassessed."
    )
    assert summary.counts == {
        "favours": 0,
        "neutral": 0,
        "against": 1,
        "unassessed": 5,
        "outside": 0,
    }
