"""The six factor rules of the patient-selection framework (CONTRACT.md §3).

Each rule turns case data into a tier with the finding it read ("7 bilobar lesions, not
suitable for ablation") and the reason for the tier. A rule never guesses: missing data gives
`unassessed`, and data the framework does not classify gives `outside`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tareaid.domain.case import Case
from tareaid.domain.fields import CHOICE_LABELS

FAVOURS, NEUTRAL, AGAINST = "favours", "neutral", "against"
UNASSESSED, OUTSIDE = "unassessed", "outside"


@dataclass(frozen=True)
class Derivation:
    """What a rule found in the case, the tier it gives and why."""

    tier: str
    finding: str
    reason: str


def _choice_rule(
    value: str | None,
    what: str,
    tiers: dict[str, tuple[str, str]],
    findings: dict[str, str],
) -> Derivation:
    """Rule for a factor read from one choice field: value → (tier, reason)."""
    if value is None:
        return Derivation(UNASSESSED, f"{what} not recorded", f"{what} is needed for this factor")
    finding = findings.get(value, CHOICE_LABELS.get(value, value))
    if value not in tiers:  # "unknown" is recorded, but tells the rule nothing
        return Derivation(
            UNASSESSED,
            f"{what} recorded as unknown",
            f"{what} is unknown, so this factor cannot be placed",
        )
    tier, reason = tiers[value]
    return Derivation(tier, finding, reason)


def metastatic_pattern(case: Case) -> Derivation:
    return _choice_rule(
        case.metastatic_pattern,
        "Metastatic pattern",
        {
            "liver_only": (FAVOURS, "Liver-only disease"),
            "liver_dominant": (FAVOURS, "Liver-dominant disease"),
            "liver_limited_lung": (
                NEUTRAL,
                "Liver disease with limited lung metastases: benefit less clear",
            ),
            "extensive_extrahepatic": (
                AGAINST,
                "Extensive extrahepatic disease: systemic control comes first",
            ),
        },
        {
            "liver_only": "Liver-only disease",
            "liver_dominant": "Liver-dominant disease",
            "liver_limited_lung": "Liver and limited lung metastases",
            "extensive_extrahepatic": "Extensive multisite extrahepatic disease",
        },
    )


def treatment_goal(case: Case) -> Derivation:
    return _choice_rule(
        case.treatment_goal,
        "Treatment goal",
        {
            "conversion_to_resection": (FAVOURS, "Conversion to resectability is the goal"),
            "disease_control": (NEUTRAL, "Stable disease control is the goal"),
            "palliative": (AGAINST, "Palliative intent only"),
        },
        {
            "conversion_to_resection": "Goal: conversion to resection",
            "disease_control": "Goal: disease control",
            "palliative": "Goal: palliation",
        },
    )


def timing(case: Case) -> Derivation:
    lines = case.prior_systemic_lines
    if lines is None:
        return Derivation(
            UNASSESSED,
            "Prior systemic lines not recorded",
            "The number of prior systemic lines is needed for this factor",
        )
    if lines == 0:
        return Derivation(
            FAVOURS,
            "First-line setting (no prior systemic line)",
            "First line, alongside chemotherapy: the setting of the primary evidence",
        )
    if lines == 1:
        return Derivation(
            NEUTRAL,
            "1 prior systemic line (second-line setting)",
            "Second-line rescue: benefit less clear",
        )
    if lines == 2:
        return Derivation(
            OUTSIDE,
            "2 prior systemic lines (third-line setting)",
            "Third line: the framework does not classify it; the clinician decides",
        )
    return Derivation(
        AGAINST, f"{lines} prior systemic lines", "After 3 or more prior lines: limited evidence"
    )


def ras_status(case: Case) -> Derivation:
    return _choice_rule(
        case.ras_status,
        "RAS status",
        {
            "mutant": (FAVOURS, "RAS mutant: may benefit more in pooled subgroups"),
            "wild_type": (NEUTRAL, "RAS wild-type: both can receive TARE"),
        },
        {"mutant": "RAS mutant", "wild_type": "RAS wild-type"},
    )


def _lesion_finding(case: Case) -> str:
    count = case.liver_lesion_count
    if count is None:
        return "Number of liver lesions not recorded"
    if count == 0:
        return "No liver lesions recorded (count 0)"
    parts: list[str] = []
    if count == 1:
        parts.append("1 lesion")
        parts.append(
            {True: "resectable", False: "not resectable", None: "resectability not recorded"}[
                case.resectable
            ]
        )
    else:
        spread = {True: "bilobar ", False: "unilobar ", None: ""}[case.bilobar]
        parts.append(f"{count} {spread}lesions")
        if case.bilobar is None:
            parts.append("lobar spread not recorded")
        parts.append(
            {
                True: "suitable for ablation",
                False: "not suitable for ablation",
                None: "ablation suitability not recorded",
            }[case.ablation_suitable]
        )
    if case.largest_lesion_mm is not None:
        parts.append(f"largest {case.largest_lesion_mm} mm")
    return ", ".join(parts)


def liver_lesions(case: Case) -> Derivation:
    """The ordered `liver_lesions` rules of CONTRACT.md §3; the first that applies wins."""
    count = case.liver_lesion_count
    finding = _lesion_finding(case)
    if count is None:
        return Derivation(UNASSESSED, finding, "The number of liver lesions is needed")
    if count == 0:
        return Derivation(
            OUTSIDE, finding, "No liver lesions: the framework does not classify this"
        )
    if count == 1:
        if case.resectable is None:
            return Derivation(
                UNASSESSED, finding, "Solitary lesion: whether it is resectable is needed"
            )
        if case.resectable:
            return Derivation(AGAINST, finding, "Solitary resectable lesion: resect directly")
        return Derivation(
            OUTSIDE, finding, "Solitary unresectable lesion: the framework does not classify it"
        )
    if case.bilobar is None:
        return Derivation(
            UNASSESSED, finding, "Multiple lesions: whether they are bilobar is needed"
        )
    if not case.bilobar:
        return Derivation(
            OUTSIDE, finding, "Multiple lesions in one lobe: the framework does not classify it"
        )
    if case.ablation_suitable is None:
        return Derivation(
            UNASSESSED, finding, "Multiple bilobar lesions: suitability for ablation is needed"
        )
    if not case.ablation_suitable:
        return Derivation(FAVOURS, finding, "Multiple bilobar lesions unsuitable for ablation")
    if count <= 4:
        return Derivation(NEUTRAL, finding, "Few (2–4) bilobar lesions, suitable for ablation")
    return Derivation(
        OUTSIDE,
        finding,
        "5 or more bilobar lesions suitable for ablation: the framework does not classify it",
    )


def ecog(case: Case) -> Derivation:
    score = case.ecog
    if score is None:
        return Derivation(
            UNASSESSED,
            "ECOG performance status not recorded",
            "ECOG performance status is needed for this factor",
        )
    finding = f"ECOG {score}"
    if score <= 1:
        return Derivation(FAVOURS, finding, "ECOG 0–1: as enrolled in the first-line trials")
    if score == 2:
        return Derivation(
            NEUTRAL, finding, "ECOG 2: reviews accept 0–2; the first-line trials enrolled 0–1"
        )
    return Derivation(AGAINST, finding, "ECOG 3–4: poor performance status")


# In the contract's order; the checklist, JSON and report all follow it.
RULES: dict[str, Callable[[Case], Derivation]] = {
    "metastatic_pattern": metastatic_pattern,
    "treatment_goal": treatment_goal,
    "timing": timing,
    "ras_status": ras_status,
    "liver_lesions": liver_lesions,
    "ecog": ecog,
}
