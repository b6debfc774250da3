"""The six factor rules of the patient-selection framework (CONTRACT.md §3).

Each rule turns case data into a tier, the finding it read and the reason for the tier. A
rule never guesses: missing data gives `unassessed`, and data the framework does not
classify gives `outside`.

The words are not here. A rule names its finding and reason by key, with the values to fill
in (``Phrase("later_lines", {"lines": 4})``); the evidence pack holds the reviewed wording
under ``[framework.<factor>.findings]`` and ``[framework.<factor>.reasons]``, and the
assessment renders them. ``FINDING_PHRASES`` and ``REASON_PHRASES`` list every key a rule
can produce with the placeholders it fills, so the pack loader can refuse a pack that
lacks a key or uses a placeholder no rule fills.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from tareaid.domain.case import Case
from tareaid.domain.fields import CHOICE_LABELS

FAVOURS, NEUTRAL, AGAINST = "favours", "neutral", "against"
UNASSESSED, OUTSIDE = "unassessed", "outside"

# Every reason may quote the framework's words for the tier it names ({criterion}).
_CRITERION = frozenset({"criterion"})
_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Phrase:
    """A piece of wording by key, with the values for its placeholders."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Derivation:
    """What a rule found in the case (one or more phrases), the tier it gives and why."""

    tier: str
    finding: tuple[Phrase, ...]
    reason: Phrase


def _phrases(*keys: str, placeholders: frozenset[str] = _NONE) -> dict[str, frozenset[str]]:
    return {key: placeholders for key in keys}


# factor → finding key → placeholders the rule fills.
FINDING_PHRASES: dict[str, dict[str, frozenset[str]]] = {
    "metastatic_pattern": _phrases(
        "liver_only",
        "liver_dominant",
        "liver_limited_lung",
        "extensive_extrahepatic",
        "unknown",
        "not_recorded",
    ),
    "treatment_goal": _phrases(
        "conversion_to_resection", "disease_control", "palliative", "unknown", "not_recorded"
    ),
    "timing": {
        **_phrases("not_recorded", "first_line", "second_line", "third_line"),
        "later_lines": frozenset({"lines"}),
    },
    "ras_status": _phrases("mutant", "wild_type", "unknown", "not_recorded"),
    "liver_lesions": {
        **_phrases(
            "not_recorded",
            "none",
            "solitary",
            "lobar_not_recorded",
            "resectable",
            "not_resectable",
            "resectability_not_recorded",
            "ablation_suitable",
            "not_ablation_suitable",
            "ablation_not_recorded",
        ),
        **_phrases(
            "multiple",
            "multiple_bilobar",
            "multiple_unilobar",
            placeholders=frozenset({"count"}),
        ),
        "largest": frozenset({"size"}),
    },
    "ecog": {"not_recorded": _NONE, "score": frozenset({"score"})},
}

# factor → reason key → placeholders the rule fills.
REASON_PHRASES: dict[str, dict[str, frozenset[str]]] = {
    "metastatic_pattern": _phrases(
        "favours", "neutral", "against", "unassessed", placeholders=_CRITERION
    ),
    "treatment_goal": _phrases(
        "favours", "neutral", "against", "unassessed", placeholders=_CRITERION
    ),
    "timing": {
        **_phrases(
            "favours",
            "favours_no_chemotherapy",
            "favours_chemotherapy_not_recorded",
            "neutral",
            "outside",
            "against",
            "unassessed",
            placeholders=_CRITERION,
        ),
        "favours_other_chemotherapy": frozenset({"criterion", "chemotherapy"}),
    },
    "ras_status": _phrases("favours", "neutral", "unassessed", placeholders=_CRITERION),
    "liver_lesions": _phrases(
        "unassessed_count",
        "outside_none",
        "against",
        "unassessed_resectable",
        "outside_solitary_unresectable",
        "unassessed_bilobar",
        "outside_unilobar",
        "unassessed_ablation",
        "favours",
        "neutral",
        "outside_many_ablatable",
        placeholders=_CRITERION,
    ),
    "ecog": _phrases("favours", "neutral", "against", "unassessed", placeholders=_CRITERION),
}


def _derive(
    tier: str, finding: Phrase | tuple[Phrase, ...], reason: str, **values: object
) -> Derivation:
    findings = finding if isinstance(finding, tuple) else (finding,)
    return Derivation(tier, findings, Phrase(reason, values))


def _choice_rule(value: str | None, tiers: dict[str, str]) -> Derivation:
    """Rule for a factor read from one choice field: value → tier."""
    if value is None:
        return _derive(UNASSESSED, Phrase("not_recorded"), "unassessed")
    if value not in tiers:  # "unknown" is recorded, but tells the rule nothing
        return _derive(UNASSESSED, Phrase("unknown"), "unassessed")
    tier = tiers[value]
    return _derive(tier, Phrase(value), tier)


def metastatic_pattern(case: Case) -> Derivation:
    return _choice_rule(
        case.metastatic_pattern,
        {
            "liver_only": FAVOURS,
            "liver_dominant": FAVOURS,
            "liver_limited_lung": NEUTRAL,
            "extensive_extrahepatic": AGAINST,
        },
    )


def treatment_goal(case: Case) -> Derivation:
    return _choice_rule(
        case.treatment_goal,
        {"conversion_to_resection": FAVOURS, "disease_control": NEUTRAL, "palliative": AGAINST},
    )


def timing(case: Case) -> Derivation:
    lines = case.prior_systemic_lines
    if lines is None:
        return _derive(UNASSESSED, Phrase("not_recorded"), "unassessed")
    if lines == 0:
        # The framework's favours tier is "first-line alongside FOLFOX": the reason says
        # when the plan is something else, or nothing, rather than claim chemotherapy.
        planned = case.planned_chemotherapy
        if planned == "FOLFOX":
            return _derive(FAVOURS, Phrase("first_line"), "favours")
        if planned == "none":
            return _derive(FAVOURS, Phrase("first_line"), "favours_no_chemotherapy")
        if planned in (None, "unknown"):
            return _derive(FAVOURS, Phrase("first_line"), "favours_chemotherapy_not_recorded")
        return _derive(
            FAVOURS,
            Phrase("first_line"),
            "favours_other_chemotherapy",
            chemotherapy=CHOICE_LABELS.get(planned, planned),
        )
    if lines == 1:
        return _derive(NEUTRAL, Phrase("second_line"), "neutral")
    if lines == 2:
        return _derive(OUTSIDE, Phrase("third_line"), "outside")
    return _derive(AGAINST, Phrase("later_lines", {"lines": lines}), "against")


def ras_status(case: Case) -> Derivation:
    return _choice_rule(case.ras_status, {"mutant": FAVOURS, "wild_type": NEUTRAL})


def _lesion_finding(case: Case) -> tuple[Phrase, ...]:
    count = case.liver_lesion_count
    if count is None:
        return (Phrase("not_recorded"),)
    if count == 0:
        return (Phrase("none"),)
    parts: list[Phrase] = []
    if count == 1:
        parts.append(Phrase("solitary"))
        parts.append(
            Phrase(
                {True: "resectable", False: "not_resectable", None: "resectability_not_recorded"}[
                    case.resectable
                ]
            )
        )
    else:
        spread = {True: "multiple_bilobar", False: "multiple_unilobar", None: "multiple"}
        parts.append(Phrase(spread[case.bilobar], {"count": count}))
        if case.bilobar is None:
            parts.append(Phrase("lobar_not_recorded"))
        parts.append(
            Phrase(
                {
                    True: "ablation_suitable",
                    False: "not_ablation_suitable",
                    None: "ablation_not_recorded",
                }[case.ablation_suitable]
            )
        )
    if case.largest_lesion_mm is not None:
        parts.append(Phrase("largest", {"size": case.largest_lesion_mm}))
    return tuple(parts)


def liver_lesions(case: Case) -> Derivation:
    """The ordered `liver_lesions` rules of CONTRACT.md §3; the first that applies wins."""
    count = case.liver_lesion_count
    finding = _lesion_finding(case)
    if count is None:
        return _derive(UNASSESSED, finding, "unassessed_count")
    if count == 0:
        return _derive(OUTSIDE, finding, "outside_none")
    if count == 1:
        if case.resectable is None:
            return _derive(UNASSESSED, finding, "unassessed_resectable")
        if case.resectable:
            return _derive(AGAINST, finding, "against")
        return _derive(OUTSIDE, finding, "outside_solitary_unresectable")
    if case.bilobar is None:
        return _derive(UNASSESSED, finding, "unassessed_bilobar")
    if not case.bilobar:
        return _derive(OUTSIDE, finding, "outside_unilobar")
    if case.ablation_suitable is None:
        return _derive(UNASSESSED, finding, "unassessed_ablation")
    if not case.ablation_suitable:
        return _derive(FAVOURS, finding, "favours")
    if count <= 4:
        return _derive(NEUTRAL, finding, "neutral")
    return _derive(OUTSIDE, finding, "outside_many_ablatable")


def ecog(case: Case) -> Derivation:
    score = case.ecog
    if score is None:
        return _derive(UNASSESSED, Phrase("not_recorded"), "unassessed")
    finding = Phrase("score", {"score": score})
    if score <= 1:
        return _derive(FAVOURS, finding, "favours")
    if score == 2:
        return _derive(NEUTRAL, finding, "neutral")
    return _derive(AGAINST, finding, "against")


# In the contract's order; the checklist, JSON and report all follow it.
RULES: dict[str, Callable[[Case], Derivation]] = {
    "metastatic_pattern": metastatic_pattern,
    "treatment_goal": treatment_goal,
    "timing": timing,
    "ras_status": ras_status,
    "liver_lesions": liver_lesions,
    "ecog": ecog,
}
