"""Trial populations: does this patient resemble the patients the evidence comes from?

Three parts: page 1's one line per trial, by counts; a small table of the criteria that
case data cannot decide, each with the reason; and the criteria × trials table (SIRFLOX,
FOXFIRE, FOXFIRE-Global, EPOCH), each cell met / not met / unknown by shape and word with
the criterion's sources. Every word comes from the assessment and the evidence pack; the
wording is about the applicability of the evidence, never about eligibility.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.platypus import Flowable, KeepTogether, Spacer

from tareaid.domain.assessment import Assessment
from tareaid.domain.evidence import EvidencePack
from tareaid.domain.marks import CRITERION_SHAPES
from tareaid.domain.populations import NotCheckable
from tareaid.domain.trials import CriterionResult, TrialFit, counts_line
from tareaid.report import styles as st
from tareaid.report.blocks import (
    Citations,
    grid_style,
    head_row,
    make_table,
    muted,
    para,
    plain,
    text_cell,
    wrapped,
)
from tareaid.report.fonts import SANS_BOLD, markup, string_width


def source_keys(pack: EvidencePack) -> list[str]:
    """The references every trial-population criterion rests on (cited by label)."""
    labels: list[str] = []
    for population in pack.populations:
        for criterion in population.criteria:
            labels += criterion.sources
        for item in population.not_checkable:
            labels += item.sources
    return [pack.source(label).key for label in dict.fromkeys(labels)]


def _rows(trials: Iterable[TrialFit]) -> list[str]:
    """The criteria in the order they first appear, named by their short name: one row for
    the same thing checked by several trials (with each trial's own threshold)."""
    return list(dict.fromkeys(c.short for trial in trials for c in trial.criteria))


def _sources(result: CriterionResult, pack: EvidencePack, citations: Citations) -> str:
    """The criterion's sources by label; a secondary source is starred (the legend says
    what the star means: the words would take two more lines in a narrow cell)."""
    tags = []
    for label in result.sources:
        reference = pack.source(label)
        tag = citations.tag(reference.key)
        tags.append(f"{tag}*" if reference.secondary else tag)
    return ", ".join(tags)


def first_page_lines(assessment: Assessment, pack: EvidencePack) -> list[Flowable]:
    """Page 1's view of the trial populations: one line per trial, by counts ("Resembles the
    SIRFLOX population on 11 of 14 criteria; 1 not met, 2 unknown, 1 not checkable.").
    The criteria, their sources and why some cannot be checked are in the full table."""
    s = st.styles()
    if not assessment.trials:
        return []
    lead = (
        "Whether the trials' results apply to this patient (not eligibility); criteria and "
        "sources in the Trial populations table."
    )
    return [
        KeepTogether(
            [
                para("Trial populations", s.h2),
                plain(lead, s.muted),
                *(
                    plain(counts_line(trial, pack.trial_wording), s.body)
                    for trial in assessment.trials
                ),
            ]
        )
    ]


def not_checkable(
    assessment: Assessment, pack: EvidencePack, citations: Citations, width: float
) -> list[Flowable]:
    """The trials' criteria that case data cannot decide, each with the reason, briefly
    (from the pack), and its sources: a small table of its own, the trials run together in
    one cell (a row or a cell per trial would take half as much height again).

    It follows page 1's trial lines, whose counts it explains, at the foot of page 1 when
    there is room (it is kept whole, never split), else at the top of the next page.
    """
    populations = {population.key: population for population in pack.populations}
    parts = [
        _not_checkable_text(trial.name, populations[trial.key].not_checkable, pack, citations)
        for trial in assessment.trials
        if populations[trial.key].not_checkable
    ]
    if not parts:
        return []
    commands = grid_style()
    head_row(commands)
    table = make_table(
        [
            ["Trial criteria not checkable from case data, and why"],
            [para(" &nbsp; ".join(parts), st.styles().cell)],
        ],
        [width],
        commands,
    )
    return [KeepTogether([Spacer(1, 3), table])]


def _not_checkable_text(
    name: str, items: Iterable[NotCheckable], pack: EvidencePack, citations: Citations
) -> str:
    """'<b>FOXFIRE</b>: bilirubin and creatinine limits: the limits are laboratory-specific;
    minimum adjuvant interval: none is published. F3' (the sources muted)."""
    items = list(items)
    labels = dict.fromkeys(label for item in items for label in item.sources)
    tags = ", ".join(citations.tag(pack.source(label).key) for label in labels)
    reasons = "; ".join(f"{markup(item.item)}: {markup(item.reason)}" for item in items)
    return f"<b>{markup(name)}</b>: {reasons}. {muted(tags)}"


def trial_populations(
    assessment: Assessment, pack: EvidencePack, citations: Citations, width: float
) -> list[Flowable]:
    """The case against each trial's published eligibility criteria.

    Every criterion cell is a plain string styled by the table (a report has some ninety of
    them, and a paragraph per cell would cost a markup parse each): per trial, one column for
    the status (shape and word, in the status's colour) and one for the sources. Rows for
    what cannot be checked, with the reason, close the table.
    """
    s = st.styles()
    trials = assessment.trials
    if not trials:
        return []
    criterion_width = width * 0.215
    # The status column is as wide as its longest word ("✗ Not met", "? Unknown").
    status_width = 7 + max(
        string_width(f"{CRITERION_SHAPES[k]} {pack.trial_wording[k]}", SANS_BOLD, st.BODY_SIZE)
        for k in CRITERION_SHAPES
    )
    sources_width = (width - criterion_width) / len(trials) - status_width
    commands = grid_style(
        extra=[
            ("TOPPADDING", (0, 1), (-1, -1), 0.4),
            ("BOTTOMPADDING", (0, 1), (-1, -1), 1.2),
        ]
    )
    head_row(commands)
    header: list[object] = ["Criterion"]
    for number, trial in enumerate(trials):
        header += [trial.name, ""]
        commands.append(("SPAN", (1 + 2 * number, 0), (2 + 2 * number, 0)))
    rows: list[list] = [header]
    text_cell(commands, (0, 1), (0, -1), size=st.BODY_SIZE)
    for short in _rows(trials):
        row_index = len(rows)
        row: list[object] = [wrapped(short[0].upper() + short[1:], criterion_width - 6)]
        for number, trial in enumerate(trials):
            column = 1 + 2 * number
            result = next((c for c in trial.criteria if c.short == short), None)
            if result is None:
                row += ["—", ""]
                text_cell(commands, (column, row_index), colour=st.MUTED, size=st.BODY_SIZE)
                continue
            status = result.status
            row.append(f"{CRITERION_SHAPES[status]} {pack.trial_wording[status]}")
            text_cell(
                commands,
                (column, row_index),
                bold=True,
                size=st.BODY_SIZE,
                colour=st.CRITERION_COLOURS[status],
            )
            row.append(
                wrapped(_sources(result, pack, citations), sources_width - 4, size=st.SMALL_SIZE)
            )
            text_cell(commands, (column + 1, row_index), colour=st.MUTED, size=st.SMALL_SIZE)
            commands.append(("TOPPADDING", (column + 1, row_index), (column + 1, row_index), 1.2))
        rows.append(row)
    commands.append(("LEADING", (0, 1), (-1, -1), 9.6))
    table = make_table(
        rows,
        [criterion_width] + [status_width, sources_width] * len(trials),
        commands,
        repeatRows=1,
        splitByRow=1,
    )
    legend = (
        "Whether the trials' results apply, not eligibility. Unknown: a value it needs is not "
        "recorded. —: not a trial criterion."
    )
    if any(
        pack.source(label).secondary
        for trial in trials
        for result in trial.criteria
        for label in result.sources
    ):
        legend += " *: a secondary source."
    # Kept whole: the table is never left as a fragment at the foot of page 1; it follows on
    # the next page when it does not fit under the case.
    return [
        KeepTogether([para("Trial populations", s.h1), plain(legend, s.muted), Spacer(1, 2), table])
    ]
