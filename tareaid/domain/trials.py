"""Trial populations: does this patient resemble the patients the evidence comes from?

For each trial of the evidence pack's ``[populations]`` (SIRFLOX, FOXFIRE, FOXFIRE-Global,
EPOCH, in that order), every criterion is evaluated on the case (:mod:`trial_rules`) and
shown as met, not met or unknown, with a finding in words built from the pack's
``[trial_wording]``; an unknown criterion names the fields to fill. Each trial also gets a
one-sentence summary ("Resembles the SIRFLOX population on 11 of 14 criteria; …").

This is about the applicability of evidence, not eligibility for a trial or a treatment:
nothing here says "eligible", an unknown criterion is never counted as met, and the result
is not a seventh factor (it changes neither the counts nor the headline).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from tareaid.domain.case import Case
from tareaid.domain.evidence import EvidencePack
from tareaid.domain.fields import CHOICE_LABELS, FIELDS_BY_NAME, Kind
from tareaid.domain.populations import Criterion, Population
from tareaid.domain.templates import fill, join_words
from tareaid.domain.trial_rules import MET, NOT_MET, STATUSES, UNKNOWN, evaluate
from tareaid.domain.units import format_number


@dataclass(frozen=True)
class CriterionResult:
    """One criterion of one trial, checked against the case."""

    key: str
    short: str
    wording: str  # the criterion, as the pack words it
    status: str  # met, not_met or unknown
    finding: str  # what the case shows, in words
    sources: tuple[str, ...]  # reference labels (EvidencePack.source(label))
    source_note: str | None
    fields: tuple[str, ...]  # every case field the rule reads
    missing_fields: tuple[str, ...]  # for an unknown criterion: the fields to fill

    def to_json(self) -> dict[str, str]:
        return {"key": self.key, "status": self.status, "finding": self.finding}


@dataclass(frozen=True)
class TrialFit:
    """How the case compares with one trial's population."""

    key: str
    name: str
    setting: str
    criteria: tuple[CriterionResult, ...]
    not_checkable: tuple[str, ...]  # each not-checkable criterion with its reason
    counts: dict[str, int]  # met, not_met, unknown
    summary: str  # one sentence for displays; never "eligible"

    def to_json(self) -> dict[str, Any]:
        """The trial's entry in `trials` of the `tareaid.assessment/1` object (CONTRACT §4)."""
        return {
            "key": self.key,
            "criteria": [criterion.to_json() for criterion in self.criteria],
            "not_checkable": list(self.not_checkable),
            "counts": dict(self.counts),
        }

    def criterion(self, key: str) -> CriterionResult:
        return next(c for c in self.criteria if c.key == key)


def assess_trials(case: Case, pack: EvidencePack) -> tuple[TrialFit, ...]:
    """The case against every trial population of the pack, in the contract's order."""
    return tuple(_fit(case, population, pack.trial_wording) for population in pack.populations)


def _fit(case: Case, population: Population, wording: dict[str, str]) -> TrialFit:
    results = tuple(_check(case, criterion, wording) for criterion in population.criteria)
    counts = {status: sum(r.status == status for r in results) for status in STATUSES}
    return TrialFit(
        key=population.key,
        name=population.name,
        setting=population.setting,
        criteria=results,
        not_checkable=tuple(item.text for item in population.not_checkable),
        counts=counts,
        summary=_summary(case, population, results, counts, wording),
    )


def _check(case: Case, criterion: Criterion, wording: dict[str, str]) -> CriterionResult:
    outcome = evaluate(criterion.rule, case)
    readings = [_reading(case, name, wording) for name in (*outcome.shown, *outcome.missing)]
    if outcome.relation is not None:
        readings.append(
            fill(wording[outcome.relation], {"months": criterion.rule.params["months"]})
        )
    return CriterionResult(
        key=criterion.key,
        short=criterion.short,
        wording=criterion.wording,
        status=outcome.status,
        finding="; ".join(readings),
        sources=criterion.sources,
        source_note=criterion.source_note,
        fields=criterion.rule.fields,
        missing_fields=outcome.missing if outcome.status == UNKNOWN else (),
    )


def field_value_text(case: Case, name: str, wording: dict[str, str]) -> str:
    """A case field's value in words, with its unit: "2", "3.4 g/dL", "yes", "not recorded"."""
    spec = FIELDS_BY_NAME[name]
    value = getattr(case, name)
    if value is None:
        return wording["not_recorded"]
    if spec.kind is Kind.CHOICE:
        if value == "unknown":
            return wording["recorded_unknown"]
        return CHOICE_LABELS.get(value, value.replace("_", " "))
    if spec.kind is Kind.BOOLEAN:
        return wording["yes"] if value else wording["no"]
    if isinstance(value, date):
        return value.isoformat()
    text = format_number(value, 1) if spec.kind is Kind.NUMBER else str(value)
    return f"{text} {spec.unit}" if spec.unit else text


def _reading(case: Case, name: str, wording: dict[str, str]) -> str:
    label = FIELDS_BY_NAME[name].label
    return fill(
        wording["reading"], {"label": label, "value": field_value_text(case, name, wording)}
    )


def _summary_item(case: Case, criterion: Criterion, wording: dict[str, str]) -> str:
    """How a not-met criterion is named in the summary: "ECOG 2" when one number decides
    it, otherwise its short name."""
    fields = criterion.rule.fields
    if len(fields) == 1 and FIELDS_BY_NAME[fields[0]].kind in (Kind.INTEGER, Kind.NUMBER):
        value = getattr(case, fields[0])
        if value is not None:
            return f"{criterion.short} {field_value_text(case, fields[0], wording)}"
    return criterion.short


def _summary(
    case: Case,
    population: Population,
    results: tuple[CriterionResult, ...],
    counts: dict[str, int],
    wording: dict[str, str],
) -> str:
    """'Resembles the SIRFLOX population on 11 of 14 criteria; 1 not met (ECOG 2), 2 unknown
    (neuropathy grade, life expectancy); organ function not checkable.'"""
    text = fill(
        wording["summary"],
        {"trial": population.name, "met": counts[MET], "total": len(results)},
    )
    by_key = {criterion.key: criterion for criterion in population.criteria}
    parts = []
    not_met = [_summary_item(case, by_key[r.key], wording) for r in results if r.status == NOT_MET]
    if not_met:
        parts.append(
            fill(wording["summary_not_met"], {"count": len(not_met), "items": ", ".join(not_met)})
        )
    unknown = [r.short for r in results if r.status == UNKNOWN]
    if unknown:
        parts.append(
            fill(wording["summary_unknown"], {"count": len(unknown), "items": ", ".join(unknown)})
        )
    if parts:
        text += "; " + ", ".join(parts)
    if population.not_checkable:
        items = join_words(item.item for item in population.not_checkable)
        text += "; " + fill(wording["summary_not_checkable"], {"items": items})
    return text + "."


def counts_line(trial: TrialFit, wording: dict[str, str]) -> str:
    """The trial's result on one line, by counts only: 'Resembles the SIRFLOX population on
    11 of 14 criteria; 1 not met, 2 unknown, 1 not checkable.' Unknown is never counted as
    met; a zero is printed, so that "nothing unknown" is said rather than left out."""
    head = fill(
        wording["summary"],
        {"trial": trial.name, "met": trial.counts[MET], "total": len(trial.criteria)},
    )
    counts = fill(
        wording["summary_counts"],
        {
            "not_met": trial.counts[NOT_MET],
            "unknown": trial.counts[UNKNOWN],
            "not_checkable": len(trial.not_checkable),
        },
    )
    return f"{head}; {counts}."
