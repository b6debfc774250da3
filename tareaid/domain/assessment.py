"""A case's assessment: six factor tiers, evidence gaps, work-up alerts, counts, headline.

Computed once here and shown everywhere (CLI, list, checklist, projection, PDF) so that every
screen tells the same story. The headline summarises; it never recommends treatment.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tareaid.domain.case import Case
from tareaid.domain.evidence import EvidencePack
from tareaid.domain.fields import FACTOR_KEYS, TIERS
from tareaid.domain.rules import RULES

ASSESSMENT_FORMAT = "tareaid.assessment/1"

# Short names for the work-up alerts, used in the one-sentence headline.
ALERT_SHORT_NAMES: dict[str, str] = {
    "lung_shunt_high": "lung shunt fraction above 20%",
    "lung_shunt_reduction": "lung shunt fraction 10–20%",
    "bilirubin_high": "bilirubin above 2.0 mg/dL",
}

HEADLINE_RULE = (
    "The headline states facts, never a recommendation: first any work-up alert (a finding "
    "that stops or changes TARE), then how many of the six factors favour adding TARE, are "
    "neutral or are against it, then any that are unassessed (data missing) or outside the "
    "framework (clinician to decide), then the number of evidence gaps. Overridden tiers "
    "count as the clinician set them."
)


@dataclass(frozen=True)
class FactorResult:
    """One factor's place in the framework for this case."""

    key: str
    label: str
    derived_tier: str
    tier: str
    overridden: bool
    reason: str
    derived_reason: str
    finding: str

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "derived_tier": self.derived_tier,
            "tier": self.tier,
            "overridden": self.overridden,
            "reason": self.reason,
            "finding": self.finding,
            "derived_reason": self.derived_reason,
        }


@dataclass(frozen=True)
class Flag:
    """An evidence gap or a work-up alert raised for this case."""

    key: str
    title: str
    text: str

    def to_json(self) -> dict[str, str]:
        return {"key": self.key, "text": self.text}


@dataclass(frozen=True)
class Assessment:
    """Everything the framework says about one case."""

    reference: str
    evidence_version: str
    factors: tuple[FactorResult, ...]
    counts: dict[str, int]
    evidence_gaps: tuple[Flag, ...]
    workup_alerts: tuple[Flag, ...]
    headline: str

    def factor(self, key: str) -> FactorResult:
        return next(f for f in self.factors if f.key == key)

    def to_json(self) -> dict[str, Any]:
        """The `tareaid.assessment/1` object of CONTRACT.md §4."""
        return {
            "format": ASSESSMENT_FORMAT,
            "reference": self.reference,
            "evidence_version": self.evidence_version,
            "factors": [f.to_json() for f in self.factors],
            "counts": dict(self.counts),
            "evidence_gaps": [g.to_json() for g in self.evidence_gaps],
            "workup_alerts": [a.to_json() for a in self.workup_alerts],
            "headline": self.headline,
        }


# The case fields the evidence gaps and the work-up alerts are raised from (CONTRACT.md §3)
# whose absence could hide one: with any of them not recorded, "none raised" does not mean
# "checked and clear". (The microsphere only ever adds a lung-shunt alert, never hides one.)
EVIDENCE_GAP_FIELDS: tuple[str, ...] = (
    "planned_chemotherapy",
    "planned_biologic",
    "checkpoint_inhibitor",
    "prior_kras_g12c_inhibitor",
    "microsphere",
)
WORKUP_ALERT_FIELDS: tuple[str, ...] = ("lung_shunt_fraction_pct", "bilirubin_mg_dl")

# Not recorded, or recorded as not known: nothing a gap or an alert could be raised from.
_NOT_RECORDED = (None, "unknown", "undecided")


def evidence_gap_fields_not_recorded(case: Case) -> list[str]:
    """The fields the evidence gaps read that this case leaves unrecorded (or unknown),
    in the contract's order: the gap check is incomplete while any is listed."""
    return _not_recorded(case, EVIDENCE_GAP_FIELDS)


def workup_alert_fields_not_recorded(case: Case) -> list[str]:
    """The fields the work-up alerts read that this case leaves unrecorded, in order: the
    alert check is incomplete while any is listed."""
    return _not_recorded(case, WORKUP_ALERT_FIELDS)


def _not_recorded(case: Case, names: tuple[str, ...]) -> list[str]:
    return [name for name in names if getattr(case, name) in _NOT_RECORDED]


def evidence_gap_keys(case: Case) -> list[str]:
    """The evidence-gap keys this case raises, in the contract's order."""
    keys = []
    if case.planned_chemotherapy in ("FOLFIRI", "FOLFOXIRI"):
        keys.append("irinotecan_regimen")
    if case.planned_biologic in ("bevacizumab", "cetuximab", "panitumumab"):
        keys.append("biologic")
    if case.checkpoint_inhibitor is True:
        keys.append("checkpoint_inhibitor")
    if case.prior_kras_g12c_inhibitor is True:
        keys.append("kras_g12c_inhibitor")
    if case.microsphere == "therasphere":
        keys.append("therasphere")
    return keys


def workup_alert_keys(case: Case) -> list[str]:
    """The work-up alert keys this case raises, in the contract's order."""
    keys = []
    shunt = case.lung_shunt_fraction_pct
    if shunt is not None and shunt > 20:
        keys.append("lung_shunt_high")
    if shunt is not None and 10 <= shunt <= 20 and case.microsphere != "therasphere":
        keys.append("lung_shunt_reduction")
    if case.bilirubin_mg_dl is not None and case.bilirubin_mg_dl > 2.0:
        keys.append("bilirubin_high")
    return keys


def headline(counts: dict[str, int], alert_keys: list[str], gap_count: int) -> str:
    """One sentence that summarises the assessment without recommending anything."""
    parts = []
    if alert_keys:
        names = ", ".join(ALERT_SHORT_NAMES[k] for k in alert_keys)
        noun = "alert" if len(alert_keys) == 1 else "alerts"
        parts.append(f"Work-up {noun} ({names}) to resolve first; ")
    tally = (
        f"{counts['favours']} of 6 factors favour adding TARE, "
        f"{counts['neutral']} neutral, {counts['against']} against"
    )
    if counts["unassessed"]:
        tally += f", {counts['unassessed']} unassessed"
    if counts["outside"]:
        tally += f", {counts['outside']} outside the framework"
    parts.append(tally)
    if gap_count:
        parts.append(f"; {gap_count} evidence {'gap' if gap_count == 1 else 'gaps'}")
    sentence = "".join(parts) + "."
    return sentence[0].upper() + sentence[1:]


def assess(case: Case, pack: EvidencePack) -> Assessment:
    """The framework's view of a case: derived tiers, overrides, gaps, alerts, headline."""
    factors = []
    for key in FACTOR_KEYS:
        derivation = RULES[key](case)
        override = case.overrides.get(key)
        factors.append(
            FactorResult(
                key=key,
                label=pack.factor(key).label,
                derived_tier=derivation.tier,
                tier=override.tier if override else derivation.tier,
                overridden=override is not None,
                reason=override.reason if override else derivation.reason,
                derived_reason=derivation.reason,
                finding=derivation.finding,
            )
        )
    counts = {tier: 0 for tier in TIERS}
    for factor in factors:
        counts[factor.tier] += 1
    gaps = tuple(Flag(k, pack.gaps[k].title, pack.gaps[k].text) for k in evidence_gap_keys(case))
    alert_keys = workup_alert_keys(case)
    alerts = tuple(Flag(k, pack.alerts[k].title, pack.alerts[k].text) for k in alert_keys)
    return Assessment(
        reference=case.reference,
        evidence_version=pack.version,
        factors=tuple(factors),
        counts=counts,
        evidence_gaps=gaps,
        workup_alerts=alerts,
        headline=headline(counts, alert_keys, len(gaps)),
    )
