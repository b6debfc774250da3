"""Which trial figures the board's evidence panel shows, and how they are worded.

Pure Python. Every number comes from the evidence pack; this module only chooses the
handful of results a board needs on the wall and keeps the pack's rule that a subgroup is
never shown without the overall result(s) it belongs beside.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tareaid.domain.evidence import (
    CO_PRIMARY_ENDPOINT,
    PRIMARY_ENDPOINT,
    SUBGROUP,
    EvidencePack,
    Figure,
    Reference,
)

# The results a board weighs, in reading order: SIRFLOX's primary endpoint beside the liver
# PFS often quoted alone; the combined analysis's null overall survival, then its liver
# progression (which brings progression outside the liver with it); the right-sided
# subgroup (placed after its overall results); EPOCH's two co-primary endpoints and its
# overall survival for the second line.
KEY_FIGURES: tuple[str, ...] = (
    "sirflox_pfs_any",
    "sirflox_pfs_liver",
    "combined_2017_os",
    "combined_2017_liver_progression",
    "right_sided_2018_os_right",
    "epoch_pfs",
    "epoch_hepatic_pfs",
    "epoch_os",
)


@dataclass(frozen=True)
class FigureRow:
    """One line of the evidence panel.

    ``citation`` is the figure's own source when it is not its trial's main reference (a
    conference report), else empty: the trial's heading cites the main one.
    """

    key: str
    what: str
    endpoint: str
    population: str
    values: str
    effect: str
    reading: str
    reference: str
    citation: str = ""


def key_figures(pack: EvidencePack, keys: Sequence[str] = KEY_FIGURES) -> list[Figure]:
    """The figures to show, in order, each with the figures it is never shown without
    (the pack's rule: a subgroup after its overall results, liver progression beside
    progression outside the liver)."""
    return list(pack.display_figures(keys))


def figure_row(pack: EvidencePack, figure: Figure) -> FigureRow:
    """The words of one figure: what was measured, the values, the effect and how to read it."""
    trial = pack.trials[figure.trial]
    # The qualifiers are the pack's words (Figure.qualifiers): the endpoint says which kind
    # of primary endpoint it is, the population that it is a subgroup, and the reading gives
    # the others, unless the figure's note already says them.
    qualifiers = figure.qualifiers()
    named = [q for q in qualifiers if q in (CO_PRIMARY_ENDPOINT, PRIMARY_ENDPOINT)]
    endpoint = figure.endpoint + (f" ({named[0]})" if named else "")
    what = f"{trial.name}: {endpoint}"
    population = f"Subgroup: {figure.population}" if figure.subgroup else figure.population
    note = (figure.note or "").lower()
    reading_parts = [
        f"{word[0].upper()}{word[1:]}."
        for word in qualifiers
        if word not in (CO_PRIMARY_ENDPOINT, PRIMARY_ENDPOINT, SUBGROUP) and word not in note
    ]
    if figure.note:
        reading_parts.append(figure.note)
    return FigureRow(
        key=figure.key,
        what=what,
        endpoint=endpoint,
        population=population,
        values=figure.values_text() or "—",
        effect=figure.effect_text() or "—",
        reading=" ".join(reading_parts),
        reference=figure.reference,
        citation=_own_citation(pack, figure, trial.reference),
    )


def _own_citation(pack: EvidencePack, figure: Figure, trial_reference: str) -> str:
    """The figure's source when it is not its trial's main reference; a conference report
    whose note already says so is named by its meeting alone."""
    if figure.reference == trial_reference:
        return ""
    reference = pack.references[figure.reference]
    if reference.kind == "conference" and "conference report" in (figure.note or "").lower():
        return _meeting(reference)
    return short_citation(reference)


def _meeting(reference: Reference) -> str:
    """'ASCO 2017, abstract 3507'."""
    meeting = " ".join(str(part) for part in (reference.journal, reference.year) if part)
    return meeting + (f", abstract {reference.abstract}" if reference.abstract else "")


def short_citation(reference: Reference) -> str:
    """``van Hazel GA, et al. J Clin Oncol 2016;34:1723–1731. DOI 10.1200/JCO.2015.66.1181``;
    a conference report as ``ASCO 2017, abstract 3507 (conference report)``."""
    if reference.kind == "conference":
        return f"{_meeting(reference)} (conference report)"
    # Registry texts and interviews may have no authors or journal.
    names = reference.authors or ""
    first = names.split(",")[0].strip()
    authors = first + (", et al." if "," in names else "")
    if authors and not authors.endswith("."):
        authors += "."
    source = (reference.journal or reference.title or "") + (
        f" {reference.year}" if reference.year else ""
    )
    if reference.volume:
        source += f";{reference.volume}"
        if reference.pages:
            source += f":{reference.pages}"
    ident = (
        f"DOI {reference.doi}"
        if reference.doi
        else f"PMID {reference.pmid}"
        if reference.pmid
        else reference.registration or ""
    )
    return " ".join(p for p in (authors, source + ".", ident) if p)


def citations_for(pack: EvidencePack, figures: Sequence[Figure]) -> list[tuple[str, str]]:
    """(trial name, short citation) for each reference the figures rest on, in order."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for figure in figures:
        if figure.reference in seen:
            continue
        seen.add(figure.reference)
        trial = pack.trials[figure.trial].name
        out.append((trial, short_citation(pack.references[figure.reference])))
    return out


@dataclass(frozen=True)
class TrialGroup:
    """Consecutive figures of one trial, under a heading that names and cites it."""

    trial: str
    heading: str
    population: str
    citation: str
    rows: tuple[FigureRow, ...]


def trial_groups(pack: EvidencePack, keys: Sequence[str] = KEY_FIGURES) -> list[TrialGroup]:
    """The key figures grouped by trial, in order.

    The group's heading carries the population of its first figure; a row repeats a
    population only when it differs (a subgroup always says that it is one).
    """
    groups: list[TrialGroup] = []
    for figure in key_figures(pack, keys):
        row = figure_row(pack, figure)
        if not groups or groups[-1].trial != figure.trial:
            trial = pack.trials[figure.trial]
            groups.append(
                TrialGroup(
                    trial=figure.trial,
                    heading=trial.name,
                    population=figure.population,
                    citation=short_citation(pack.references[trial.reference]),
                    rows=(),
                )
            )
        group = groups[-1]
        if row.population == group.population:
            row = FigureRow(**{**row.__dict__, "population": ""})
        groups[-1] = TrialGroup(**{**group.__dict__, "rows": (*group.rows, row)})
    return groups
