"""The trial populations of the evidence pack: each trial's eligibility criteria as data.

``[populations.<trial>]`` in ``resources/evidence_pack.toml`` lists, for SIRFLOX, FOXFIRE,
FOXFIRE-Global and EPOCH (TRIALS.md), each criterion's key, its wording for clinicians, its
sources (the reference labels S1, S2, F1, … of TRIALS.md) and its rule in the vocabulary of
:mod:`tareaid.domain.trial_rules`, plus the criteria that are listed as not checkable with
the reason. ``[trial_wording]`` holds the words a finding and a trial's summary are built
from. This module is the model of those sections and their checks at load time; applying
them to a case is :mod:`tareaid.domain.trials`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tareaid.domain.pack_table import KEY_RE, PackTable
from tareaid.domain.templates import TemplateError, check_named
from tareaid.domain.trial_rules import Rule, RuleError, parse_rule

#: The trials checked, in the order of CONTRACT.md §4 (`trials`).
POPULATION_KEYS: tuple[str, ...] = ("sirflox", "foxfire", "foxfire_global", "epoch")

#: Words of a criterion finding and a trial summary, with the placeholders each fills.
TRIAL_WORDING: dict[str, frozenset[str]] = {
    "reading": frozenset({"label", "value"}),
    "not_recorded": frozenset(),
    "recorded_unknown": frozenset(),
    "yes": frozenset(),
    "no": frozenset(),
    "adjuvant_more_than": frozenset({"months"}),
    "adjuvant_not_more_than": frozenset({"months"}),
    "adjuvant_after": frozenset(),
    "summary": frozenset({"trial", "met", "total"}),
    "summary_not_met": frozenset({"count", "items"}),
    "summary_unknown": frozenset({"count", "items"}),
    "summary_not_checkable": frozenset({"items"}),
    "summary_counts": frozenset({"not_met", "unknown", "not_checkable"}),
    "met": frozenset(),
    "not_met": frozenset(),
    "unknown": frozenset(),
}


@dataclass(frozen=True)
class Criterion:
    """One eligibility criterion of a trial, as reviewed data."""

    key: str
    short: str  # names the criterion in a summary: "neuropathy grade"
    wording: str  # the criterion as a clinician reads it
    sources: tuple[str, ...]  # reference labels: "S1", "S2"
    source_note: str | None  # what the source says beyond the rule, or that it is secondary
    rule: Rule


@dataclass(frozen=True)
class NotCheckable:
    """A criterion of the trial that is not encoded as a rule, and why."""

    item: str  # short, for the summary: "organ function"
    text: str  # the criterion and the reason it cannot be checked
    reason: str  # the reason alone, short, for a table: "no thresholds are published"
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Population:
    """One trial's population: who it enrolled, criterion by criterion."""

    key: str
    name: str
    setting: str
    criteria: tuple[Criterion, ...]
    not_checkable: tuple[NotCheckable, ...]

    def criterion(self, key: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.key == key:
                return criterion
        raise KeyError(f"no criterion {key!r} in the {self.name} population")


def build_trial_wording(table: PackTable) -> dict[str, str]:
    wording: dict[str, str] = {}
    for key, allowed in TRIAL_WORDING.items():
        wording[key] = table.text(key)
        try:
            check_named(wording[key], allowed)
        except TemplateError as error:
            raise table.error(key, str(error)) from None
    table.finish()
    return wording


def build_populations(
    top: PackTable, secondary_labels: frozenset[str], labels: frozenset[str]
) -> tuple[Population, ...]:
    """The `[populations.<key>]` tables, exactly the contract's trials, in its order.

    `labels` are the reference labels a source may name; `secondary_labels` those of
    secondary sources, which a criterion must say it rests on.
    """
    tables = top.keyed_tables("populations")
    for key in tables:
        if key not in POPULATION_KEYS:
            raise top.error(
                f"populations.{key}",
                f"unknown trial population (expected one of {', '.join(POPULATION_KEYS)})",
            )
    populations = []
    for key in POPULATION_KEYS:
        if key not in tables:
            raise top.error(f"populations.{key}", "missing trial population")
        populations.append(_build_population(key, tables[key], labels, secondary_labels))
    return tuple(populations)


def _build_population(
    key: str, table: PackTable, labels: frozenset[str], secondary: frozenset[str]
) -> Population:
    criteria: list[Criterion] = []
    for criterion_table in table.tables("criteria"):
        criterion = _build_criterion(criterion_table, labels, secondary)
        if any(c.key == criterion.key for c in criteria):
            raise criterion_table.error("key", f"duplicate criterion key {criterion.key!r}")
        criteria.append(criterion)
    if not criteria:
        raise table.error("criteria", "a trial population needs at least one criterion")
    not_checkable = []
    for item_table in table.tables("not_checkable", required=False):
        sources = _sources(item_table, labels)
        not_checkable.append(
            NotCheckable(
                item=item_table.text("item"),
                text=item_table.text("text"),
                reason=item_table.text("reason"),
                sources=sources,
            )
        )
        item_table.finish()
    population = Population(
        key=key,
        name=table.text("name"),
        setting=table.text("setting"),
        criteria=tuple(criteria),
        not_checkable=tuple(not_checkable),
    )
    table.finish()
    return population


def _sources(table: PackTable, labels: frozenset[str]) -> tuple[str, ...]:
    sources = table.texts("sources")
    if not sources:
        raise table.error("sources", "name at least one source")
    for label in sources:
        if label not in labels:
            raise table.error("sources", f"unknown source {label!r} (no reference has this label)")
    return sources


def _build_criterion(
    table: PackTable, labels: frozenset[str], secondary: frozenset[str]
) -> Criterion:
    key = table.text("key")
    if not KEY_RE.match(key):
        raise table.error("key", "key must be lower-case letters, digits and underscores")
    rule_data: Mapping[str, object] = table.mapping("rule")
    try:
        rule = parse_rule(rule_data)
    except RuleError as error:
        raise table.error(f"rule.{error.param}", error.problem) from None
    criterion = Criterion(
        key=key,
        short=table.text("short"),
        wording=table.text("wording"),
        sources=_sources(table, labels),
        source_note=table.opt_text("source_note"),
        rule=rule,
    )
    # A criterion resting on a secondary source says so where it is shown (TRIALS.md, E3).
    if any(label in secondary for label in criterion.sources) and "secondary source" not in (
        criterion.source_note or ""
    ):
        raise table.error(
            "source_note", "a criterion from a secondary source must say 'secondary source'"
        )
    table.finish()
    return criterion
