"""A case's assessment: six factor tiers with the evidence status of each claim, evidence
gaps, work-up alerts with their severity, the work-up checks not done, the evidence context,
the trial populations, counts and headline.

Computed once here and shown everywhere (CLI, list, checklist, projection, PDF) so that every
screen tells the same story. All wording comes from the evidence pack; this module decides
which words apply. The headline summarises; it never recommends treatment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tareaid.domain.case import Case
from tareaid.domain.claims import claim_status
from tareaid.domain.evidence import (
    CAUTION,
    CONTRAINDICATION,
    WORKUP_CHECKED_FIELDS,
    Claim,
    EvidencePack,
)
from tareaid.domain.fields import FACTOR_KEYS, TIERS
from tareaid.domain.rules import RULES, Derivation, Phrase
from tareaid.domain.templates import fill, join_words
from tareaid.domain.trials import TrialFit, assess_trials

ASSESSMENT_FORMAT = "tareaid.assessment/1"

HEADLINE_RULE = (
    "Facts, never a recommendation: work-up contraindications first, as something to resolve "
    "first; then cautions, as cautions; then how many of the six factors favour adding TARE, "
    "are neutral, against, unassessed (data missing) or outside the framework (overrides "
    "count as the clinician set them); then evidence gaps; then the work-up checks not done "
    "(values not recorded)."
)


@dataclass(frozen=True)
class FactorResult:
    """One factor's place in the framework for this case.

    ``claim_status`` is the evidence status of the framework's claim for the tier shown
    (``tier``, an override's included), or None for unassessed and outside; ``claim`` is
    the pack's wording of that claim and its evidence (see :class:`evidence.Claim`).
    """

    key: str
    label: str
    derived_tier: str
    tier: str
    overridden: bool
    reason: str
    derived_reason: str
    finding: str
    claim_status: str | None = None
    claim: Claim | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "derived_tier": self.derived_tier,
            "tier": self.tier,
            "overridden": self.overridden,
            "reason": self.reason,
            "finding": self.finding,
            "derived_reason": self.derived_reason,
            "claim_status": self.claim_status,
        }


@dataclass(frozen=True)
class Flag:
    """An evidence gap or a work-up alert raised for this case.

    A work-up alert has a ``severity`` (``contraindication`` or ``caution``) and a
    ``short`` name; an evidence gap has neither.
    """

    key: str
    title: str
    text: str
    severity: str | None = None
    short: str | None = None

    def to_json(self) -> dict[str, str]:
        out = {"key": self.key, "text": self.text}
        if self.severity is not None:
            out["severity"] = self.severity
        return out


@dataclass(frozen=True)
class Assessment:
    """Everything the framework and the evidence say about one case.

    ``not_checked`` is the sentence every place that would otherwise say "no alert" shows
    ("Not checked: lung shunt fraction and bilirubin not recorded"); empty when every
    work-up check could be made.
    """

    reference: str
    evidence_version: str
    factors: tuple[FactorResult, ...]
    counts: dict[str, int]
    evidence_gaps: tuple[Flag, ...]
    workup_alerts: tuple[Flag, ...]
    headline: str
    workup_unchecked: tuple[str, ...] = ()
    not_checked: str = ""
    evidence_context: str = ""
    trials: tuple[TrialFit, ...] = ()

    def factor(self, key: str) -> FactorResult:
        return next(f for f in self.factors if f.key == key)

    def trial(self, key: str) -> TrialFit:
        return next(t for t in self.trials if t.key == key)

    @property
    def contraindications(self) -> tuple[Flag, ...]:
        return tuple(a for a in self.workup_alerts if a.severity == CONTRAINDICATION)

    @property
    def cautions(self) -> tuple[Flag, ...]:
        return tuple(a for a in self.workup_alerts if a.severity == CAUTION)

    def to_json(self) -> dict[str, Any]:
        """The `tareaid.assessment/1` object of CONTRACT.md §4 (second release)."""
        return {
            "format": ASSESSMENT_FORMAT,
            "reference": self.reference,
            "evidence_version": self.evidence_version,
            "factors": [f.to_json() for f in self.factors],
            "counts": dict(self.counts),
            "evidence_gaps": [g.to_json() for g in self.evidence_gaps],
            "workup_alerts": [a.to_json() for a in self.workup_alerts],
            "workup_unchecked": list(self.workup_unchecked),
            "evidence_context": self.evidence_context,
            "trials": [t.to_json() for t in self.trials],
            "headline": self.headline,
        }


# The case fields the evidence gaps are raised from (CONTRACT.md §3) whose absence could
# hide one: with any of them not recorded, "none raised" does not mean "checked and clear".
# (The work-up alerts have their own list, `workup_unchecked`, defined by the contract.)
EVIDENCE_GAP_FIELDS: tuple[str, ...] = (
    "planned_chemotherapy",
    "planned_biologic",
    "checkpoint_inhibitor",
    "prior_kras_g12c_inhibitor",
    "microsphere",
)

# Not recorded, or recorded as not known: nothing a gap or an alert could be raised from.
_NOT_RECORDED = (None, "unknown", "undecided")


def evidence_gap_fields_not_recorded(case: Case) -> list[str]:
    """The fields the evidence gaps read that this case leaves unrecorded (or unknown),
    in the contract's order: the gap check is incomplete while any is listed."""
    return _not_recorded(case, EVIDENCE_GAP_FIELDS)


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
    # EPOCH, the one randomised trial of glass spheres, is second-line: any other setting,
    # or a setting not recorded, is outside it.
    if case.microsphere == "therasphere" and case.prior_systemic_lines != 1:
        keys.append("therasphere")
    return keys


def workup_alert_keys(case: Case) -> list[str]:
    """The work-up alert keys this case raises, in the contract's order."""
    keys = []
    shunt = case.lung_shunt_fraction_pct
    glass = case.microsphere == "therasphere"
    if shunt is not None and shunt > 20 and not glass:
        keys.append("lung_shunt_high")
    if shunt is not None and 10 <= shunt <= 20 and not glass:
        keys.append("lung_shunt_reduction")
    # Glass spheres: the limit is a lung dose, so a shunt of any size needs the dose.
    if glass and shunt is not None and case.lung_dose_gy is None:
        keys.append("lung_dose_needed")
    if case.lung_dose_gy is not None and case.lung_dose_gy > 30:
        keys.append("lung_dose_high")
    if case.bilirubin_mg_dl is not None and case.bilirubin_mg_dl > 2.0:
        keys.append("bilirubin_high")
    if case.planned_biologic == "bevacizumab":
        keys.append("anti_vegf_pause")
    return keys


def workup_unchecked(case: Case) -> list[str]:
    """The work-up fields not recorded, so their checks could not be made (CONTRACT §3)."""
    names = [
        name
        for name in ("lung_shunt_fraction_pct", "bilirubin_mg_dl")
        if getattr(case, name) is None
    ]
    if case.microsphere == "therasphere" and case.lung_dose_gy is None:
        names.append("lung_dose_gy")
    return [name for name in WORKUP_CHECKED_FIELDS if name in names]


def not_checked_text(fields: Sequence[str], pack: EvidencePack) -> str:
    """'Not checked: lung shunt fraction and bilirubin not recorded', or '' when none.

    For every screen and page that would otherwise say no work-up alert was raised: "no
    alert" is never shown for a check not done.
    """
    if not fields:
        return ""
    names = join_words(pack.workup_names[name] for name in fields)
    return fill(pack.not_checked, {"fields": names})


def evidence_context_key(case: Case) -> str:
    """Which setting's evidence applies: by the number of prior systemic lines."""
    lines = case.prior_systemic_lines
    if lines is None:
        return "not_recorded"
    return {0: "first_line", 1: "second_line"}.get(lines, "later_lines")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def headline(
    counts: dict[str, int],
    contraindications: Sequence[str],
    cautions: Sequence[str],
    gap_count: int,
    not_checked: str = "",
) -> str:
    """One sentence that summarises the assessment without recommending anything.

    `contraindications` and `cautions` are the alerts' short names; `not_checked` is the
    sentence for work-up checks not done (see :data:`HEADLINE_RULE`).
    """
    parts = []
    if contraindications:
        noun = "Contraindication" if len(contraindications) == 1 else "Contraindications"
        parts.append(f"{noun} to resolve first: {', '.join(contraindications)}")
    if cautions:
        noun = "caution" if len(cautions) == 1 else "cautions"
        parts.append(f"{noun}: {', '.join(cautions)}")
    verb = "favours" if counts["favours"] == 1 else "favour"
    tally = (
        f"{counts['favours']} of 6 factors {verb} adding TARE, "
        f"{counts['neutral']} neutral, {counts['against']} against"
    )
    if counts["unassessed"]:
        tally += f", {counts['unassessed']} unassessed"
    if counts["outside"]:
        tally += f", {counts['outside']} outside the framework"
    parts.append(tally)
    if gap_count:
        parts.append(f"{gap_count} evidence {'gap' if gap_count == 1 else 'gaps'}")
    if not_checked:
        parts.append(_lower_first(not_checked))
    sentence = "; ".join(parts) + "."
    return sentence[0].upper() + sentence[1:]


def _render(pack: EvidencePack, key: str, derivation: Derivation) -> tuple[str, str]:
    """The finding and the reason of a derivation, in the pack's words."""
    text = pack.factor(key)

    def phrase(templates: dict[str, str], part: Phrase, **extra: object) -> str:
        return fill(templates[part.key], {**part.values, **extra})

    finding = ", ".join(phrase(text.findings, part) for part in derivation.finding)
    claim = text.claims.get(derivation.tier)
    criterion = claim.criterion if claim is not None else ""
    reason = phrase(text.reasons, derivation.reason, criterion=criterion)
    return finding, reason


@dataclass(frozen=True)
class Summary:
    """What the case list keeps of an assessment: the tier counts and the headline."""

    counts: dict[str, int]
    headline: str


def _tier(case: Case, key: str, derived: str) -> str:
    override = case.overrides.get(key)
    return override.tier if override else derived


def _counts(tiers: Sequence[str]) -> dict[str, int]:
    counts = {tier: 0 for tier in TIERS}
    for tier in tiers:
        counts[tier] += 1
    return counts


def _gaps(case: Case, pack: EvidencePack) -> tuple[Flag, ...]:
    return tuple(Flag(k, pack.gaps[k].title, pack.gaps[k].text) for k in evidence_gap_keys(case))


def _alerts(case: Case, pack: EvidencePack) -> tuple[Flag, ...]:
    return tuple(
        Flag(
            k,
            pack.alerts[k].title,
            pack.alerts[k].text,
            pack.alerts[k].severity,
            pack.alerts[k].short,
        )
        for k in workup_alert_keys(case)
    )


def _headline(
    counts: dict[str, int], alerts: Sequence[Flag], gaps: Sequence[Flag], not_checked: str
) -> str:
    return headline(
        counts,
        [a.short or a.title for a in alerts if a.severity == CONTRAINDICATION],
        [a.short or a.title for a in alerts if a.severity == CAUTION],
        len(gaps),
        not_checked,
    )


def summarise(case: Case, pack: EvidencePack) -> Summary:
    """The counts and headline of ``assess(case, pack)``, and nothing else.

    What the store keeps with every case (the case list shows it). Neither the wording of
    the factors nor the trial populations change the counts or the headline, and they are
    most of an assessment's cost (the trial populations alone ~90% of it), so an import of
    thousands of cases computes only this.
    """
    tiers = [_tier(case, key, RULES[key](case).tier) for key in FACTOR_KEYS]
    counts = _counts(tiers)
    not_checked = not_checked_text(workup_unchecked(case), pack)
    return Summary(counts, _headline(counts, _alerts(case, pack), _gaps(case, pack), not_checked))


def assess(case: Case, pack: EvidencePack) -> Assessment:
    """The framework's view of a case: derived tiers, overrides, claims, gaps, alerts,
    work-up checks not done, evidence context, trial populations and headline."""
    factors = []
    for key in FACTOR_KEYS:
        derivation = RULES[key](case)
        finding, derived_reason = _render(pack, key, derivation)
        override = case.overrides.get(key)
        tier = _tier(case, key, derivation.tier)
        factors.append(
            FactorResult(
                key=key,
                label=pack.factor(key).label,
                derived_tier=derivation.tier,
                tier=tier,
                overridden=override is not None,
                reason=override.reason if override else derived_reason,
                derived_reason=derived_reason,
                finding=finding,
                claim_status=claim_status(key, tier),
                claim=pack.claim(key, tier),
            )
        )
    counts = _counts([factor.tier for factor in factors])
    gaps = _gaps(case, pack)
    alerts = _alerts(case, pack)
    unchecked = tuple(workup_unchecked(case))
    not_checked = not_checked_text(unchecked, pack)
    return Assessment(
        reference=case.reference,
        evidence_version=pack.version,
        factors=tuple(factors),
        counts=counts,
        evidence_gaps=gaps,
        workup_alerts=alerts,
        headline=_headline(counts, alerts, gaps, not_checked),
        workup_unchecked=unchecked,
        not_checked=not_checked,
        evidence_context=pack.evidence_context[evidence_context_key(case)],
        trials=assess_trials(case, pack),
    )
