"""The evidence part of a report: trial by trial, endpoint by endpoint, and the references.

Every figure and citation comes from the evidence pack; a subgroup is always printed in the
same table as the overall result(s) it names, and never on another page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
)

from tareaid.domain.assessment import HEADLINE_RULE, Assessment
from tareaid.domain.case import Case
from tareaid.domain.evidence import EvidencePack, Figure
from tareaid.report import chart, trial_sections
from tareaid.report import styles as st
from tareaid.report.blocks import (
    Citations,
    box,
    grid_style,
    make_table,
    muted,
    para,
    plain,
    text_cell,
    wrapped,
)
from tareaid.report.chart import chartable, number_text
from tareaid.report.fonts import SANS_BOLD, markup, string_width

# The trial whose figures are shown only when relevant to the case (second line, or glass
# microspheres): EPOCH was a second-line trial of TheraSphere.
EPOCH_TRIAL = "epoch"

# Evidence table columns as shares of the text width: endpoint, the arms' values, the bars
# of the medians, effect.
EVIDENCE_COLUMNS = (0.30, 0.175, 0.155, 0.37)


def epoch_relevant(case: Case) -> bool:
    """Whether EPOCH (second-line, glass microspheres) bears on this case's data."""
    return case.prior_systemic_lines == 1 or case.microsphere == "therasphere"


def _figure_tags(figure: Figure) -> str:
    return " · ".join(word[0].upper() + word[1:] for word in figure.qualifiers())


def _values(
    figure: Figure,
    header_arms: tuple[str, str],
    commands: list[tuple],
    cell: tuple[int, int],
    width: float,
) -> str | Paragraph:
    """Both arms' values, e.g. '10.7 vs 10.2 mo'; the arms are named if the column's differ."""
    if figure.experimental_value is None or figure.control_value is None:
        values = None
    else:
        experimental = number_text(figure.experimental_value, 1)
        control = number_text(figure.control_value, 1)
        if figure.unit == "%":
            values = f"{experimental}% vs {control}%"
        else:
            values = f"{experimental} vs {control} {_unit_short(figure.unit)}"
    differing = [
        f"{which}: {markup(arm)}"
        for which, arm, usual in zip(
            ("experimental", "control"),
            (figure.experimental_arm, figure.control_arm),
            header_arms,
            strict=True,
        )
        if arm != usual
    ]
    if values is not None and not differing:
        text_cell(commands, cell, bold=True, size=8)
        return wrapped(values, width, bold=True, size=8)
    text = f"<b>{markup(values)}</b>" if values else muted("not reported")
    if differing:
        text += "<br/>" + muted("; ".join(differing))
    return para(text, st.styles().evidence)


def _unbroken(effect: str) -> str:
    """An effect's parts kept whole on a line: "HR 0.69", "P = .0013", "95% CI"."""
    for words in ("HR ", "P = ", "P &lt; ", "P &gt; ", "% CI ", "one-sided "):
        effect = effect.replace(words, words.replace(" ", "&nbsp;"))
    return effect


def _unit_short(unit: str) -> str:
    return "mo" if unit == "months" else unit


@dataclass(frozen=True)
class _Row:
    figure: Figure
    context: bool  # an overall result from another analysis, shown beside a subgroup


def _ordered_rows(figures: Sequence[Figure], pack: EvidencePack) -> list[_Row]:
    """Rows of one trial block, as the pack says figures are shown together: a subgroup
    right after the overall results it needs (from other analyses too), liver progression
    next to progression outside the liver."""
    own = {f.key for f in figures}
    return [
        _Row(figure, figure.key not in own)
        for figure in pack.display_figures(f.key for f in figures)
    ]


def _groups(rows: Sequence[_Row]) -> list[tuple[int, int]]:
    """Index ranges of rows that must stay on one page: each figure with its companions."""
    index = {row.figure.key: i for i, row in enumerate(rows)}
    spans = []
    for i, row in enumerate(rows):
        mates = [index[k] for k in row.figure.companions() if k in index]
        if mates:
            spans.append((min([i, *mates]), max([i, *mates])))
    return spans


def trial_block(
    trial_key: str,
    figures: Sequence[Figure],
    pack: EvidencePack,
    citations: Citations,
    width: float,
    scale_max: float,
) -> Flowable:
    """One trial: design, arms, population and reference, then its results by endpoint.

    Each endpoint in months gets its pair of bars on the shared axis (``scale_max``).
    """
    s = st.styles()
    trial = pack.trials[trial_key]
    if all(arm.patients is not None for arm in trial.arms):
        arms = ", ".join(f"{markup(arm.label)} {arm.patients:,}" for arm in trial.arms)
        size = f"{trial.patients:,} patients ({arms})"
    else:
        arms = " vs ".join(markup(arm.label) for arm in trial.arms)
        size = f"{trial.patients:,} patients; {arms}"
    block_population = figures[0].population
    heading = para(
        f"<b>{markup(trial.name)}</b> {citations.cite(trial.reference)} · "
        f"{markup(trial.design)} · {size}.<br/>" + muted(markup(trial.description)),
        # The whole trial's population is its size, above; a row for another population
        # (a subgroup) names it.
        s.trial,
    )
    header_arms = (figures[0].experimental_arm, figures[0].control_arm)
    widths = [width * f for f in EVIDENCE_COLUMNS]
    bars_width = widths[2] - 6
    # Row 0 is the trial heading; row 1 the column header, repeated (with the trial's name)
    # if the table continues on the next page.
    endpoint_head = f"{trial.name}: endpoint"
    if string_width(endpoint_head, SANS_BOLD, 8) > widths[0] - 6:
        endpoint_head = "Endpoint"
    data: list[list] = [
        [heading, "", "", ""],
        [
            endpoint_head,
            "TARE vs control",
            chart.axis(scale_max, bars_width),
            "Effect: hazard ratio (95% CI), P",
        ],
    ]
    style: list[tuple] = [
        ("SPAN", (0, 0), (-1, 0)),
        ("LEFTPADDING", (0, 0), (-1, 0), 0),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 2.5),
        ("TOPPADDING", (0, 0), (-1, 0), 4),
        ("VALIGN", (0, 1), (-1, 1), "BOTTOM"),
        ("BACKGROUND", (0, 1), (-1, 1), st.HEAD_FILL),
        ("LEFTPADDING", (0, 2), (0, -1), 5),
        ("LINEABOVE", (0, 1), (-1, 1), 0.6, st.ACCENT),
        ("LINEBELOW", (0, 1), (-1, 1), 0.6, st.ACCENT),
        ("LINEBELOW", (0, 2), (-1, -1), 0.25, st.RULE),
        ("TOPPADDING", (2, 2), (2, -1), 3),
        # Never leave the heading and column header at the foot of a page on their own.
        ("NOSPLIT", (0, 0), (-1, 2)),
    ]
    text_cell(style, (0, 1), (-1, 1), bold=True, size=8, colour=st.ACCENT)
    rows = _ordered_rows(figures, pack)
    first_row = len(data)
    for index, row in enumerate(rows, start=first_row):
        figure = row.figure
        # Primary endpoints carry the emphasis (bold, a rule at their left, the tag in the
        # accent colour); every other result, post-hoc subgroups included, is plain.
        endpoint = markup(figure.endpoint)
        lines = [f"<b>{endpoint}</b>" if figure.primary else endpoint]
        tags = _figure_tags(figure)
        if tags:
            if figure.primary:
                lines[0] += f' <font color="#{st.ACCENT.hexval()[2:]}"><b>{markup(tags)}</b></font>'
            else:
                lines[0] += " " + muted(markup(tags))
        if row.context:
            lines.append(
                muted(
                    f"For comparison, the overall result of "
                    f"{markup(pack.trials[figure.trial].name)} {citations.cite(figure.reference)}"
                )
            )
        else:
            # A row from another source than its trial's (a conference report, a later
            # analysis) carries its own citation: every figure is traceable to its reference.
            if figure.reference != trial.reference:
                lines[0] += f" {citations.cite(figure.reference)}"
            if figure.population != block_population:
                lines.append(muted(markup(figure.population)))
        effect = _unbroken(markup(figure.effect_text())) or muted("HR and P not given.")
        if figure.note:
            effect += " " + muted(markup(figure.note))
        bars = chart.median_bars(figure, scale_max, bars_width) if chartable(figure) else ""
        data.append(
            [
                para("<br/>".join(lines), s.evidence),
                _values(figure, header_arms, style, (1, index), widths[1] - 6),
                bars,
                para(effect, s.evidence),
            ]
        )
        if figure.primary:
            style.append(("LINEBEFORE", (0, index), (0, index), 2.2, st.ACCENT))
    # A subgroup and the overall results printed for it, and a pair of results never shown
    # apart, stay on one page.
    for low, high in _groups(rows):
        style.append(("NOSPLIT", (0, first_row + low), (-1, first_row + high)))
    return make_table(data, widths, grid_style(header_rows=0, extra=style), repeatRows=(1,))


def evidence_figures(pack: EvidencePack, include_epoch: bool) -> dict[str, list[Figure]]:
    """The figures to print, by trial in pack order (EPOCH only when relevant)."""
    out: dict[str, list[Figure]] = {}
    for trial_key in pack.trials:
        if trial_key == EPOCH_TRIAL and not include_epoch:
            continue
        figures = list(pack.figures_for_trial(trial_key))
        if figures:
            out[trial_key] = figures
    return out


def cited_keys(
    pack: EvidencePack, include_epoch: bool, assessments: Iterable[Assessment]
) -> list[str]:
    """Reference keys the report cites: the trials shown, the flags raised, the sources of
    the framework's claims, the guidance and the trial-population criteria."""
    keys: list[str] = []
    for trial_key, figures in evidence_figures(pack, include_epoch).items():
        keys.append(pack.trials[trial_key].reference)
        keys += [f.reference for f in pack.display_figures(f.key for f in figures)]
    for assessment in assessments:
        for flag in assessment.evidence_gaps:
            keys += pack.gaps[flag.key].references
        for flag in assessment.workup_alerts:
            keys += pack.alerts[flag.key].references
        for factor in assessment.factors:
            if factor.claim is not None:
                keys += [r.key for r in pack.claim_references(factor.claim)]
    keys += [item.reference for item in pack.guidance]
    keys += trial_sections.source_keys(pack)
    return keys


def evidence(
    pack: EvidencePack,
    citations: Citations,
    width: float,
    *,
    include_epoch: bool,
    epoch_note: str,
) -> list[Flowable]:
    """The published results trial by trial, with the medians charted, the guidance and the
    correction."""
    s = st.styles()
    by_trial = evidence_figures(pack, include_epoch)
    shown = [figure for figures in by_trial.values() for figure in figures]
    scale_max = chart.scale_for(shown)
    out: list[Flowable] = [
        # Room for the heading and the first trial's heading, column header and first row
        # (kept together by the table), or the evidence starts on the next page.
        CondPageBreak(100),
        Spacer(1, 2),
        para("The evidence", s.h1_loose),
        make_table(
            [
                [
                    plain(
                        "Primary endpoints: bold, with a rule at the left. A subgroup is printed "
                        "beside its overall result. Bars: the arms' medians, one axis.",
                        s.muted,
                    ),
                    chart.legend(width * 0.42),
                ]
            ],
            [width * 0.58, width * 0.42],
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ],
        ),
    ]
    for trial_key, figures in by_trial.items():
        out.append(trial_block(trial_key, figures, pack, citations, width, scale_max))
    if not include_epoch and EPOCH_TRIAL in pack.trials:
        out.append(Spacer(1, 2))
        out.append(plain(epoch_note, s.muted))
    out += guidance(pack, citations)
    out.append(Spacer(1, 5))
    out.append(
        KeepTogether(
            [
                box(
                    [
                        para("About the evidence: a correction", s.h2),
                        plain(pack.correction_note, s.note_small),
                    ],
                    width,
                    st.NOTE_FILL,
                    st.NOTE_EDGE,
                )
            ]
        )
    )
    return out


def guidance(pack: EvidencePack, citations: Citations) -> list[Flowable]:
    """What the guidelines say that bears on TARE, one line each."""
    s = st.styles()
    items = [
        para(f"{markup(item.text)} {citations.cite(item.reference)}", s.note_small)
        for item in pack.guidance
    ]
    return [KeepTogether([para("Guidance", s.h2), *items])] if items else []


def references(pack: EvidencePack, citations: Citations) -> list[Flowable]:
    """The references cited in the report: numbered ones, one per line, then the sources
    of the trial-population criteria by their labels, run together."""
    s = st.styles()

    def entry(key: str) -> str:
        reference = pack.reference(key)
        text = f"[{citations.tag(key)}] {markup(reference.citation())}"
        return text + (" " + muted(markup(reference.note)) if reference.note else "")

    out: list[Flowable] = [para("References", s.h1)]
    out += [para(entry(key), s.reference) for key in citations.numbered]
    if citations.labelled:
        sources = " &nbsp; ".join(entry(key) for key in citations.labelled)
        out.append(para(f"<b>Trial-population sources.</b> {sources}", s.reference))
    return out


def about(pack: EvidencePack) -> list[Flowable]:
    """How to read the summary, and what it does not cover."""
    s = st.styles()
    lines = [
        f"<b>How the headline is built.</b> {markup(HEADLINE_RULE)}",
        f"<b>What this summary does not cover.</b> {markup(pack.not_covered)}",
    ]
    return [para("About this summary", s.h2), *[para(line, s.small) for line in lines]]
