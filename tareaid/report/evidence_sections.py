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

from tareaid.domain.assessment import Assessment
from tareaid.domain.case import Case
from tareaid.domain.evidence import EvidencePack, Figure
from tareaid.report import chart
from tareaid.report import styles as st
from tareaid.report.blocks import (
    Citations,
    box,
    grid_style,
    head_row,
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
EVIDENCE_COLUMNS = (0.30, 0.135, 0.145, 0.42)


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
        text_cell(commands, cell, bold=True, size=6.8)
        return wrapped(values, width, bold=True, size=6.8)
    text = f"<b>{markup(values)}</b>" if values else muted("not reported")
    if differing:
        text += "<br/>" + muted("; ".join(differing))
    return para(text, st.styles().evidence)


def _unit_short(unit: str) -> str:
    return "mo" if unit == "months" else unit


@dataclass(frozen=True)
class _Row:
    figure: Figure
    context: bool  # an overall result from another analysis, shown beside a subgroup


def _ordered_rows(figures: Sequence[Figure], pack: EvidencePack) -> list[_Row]:
    """Rows of one trial block: each subgroup right after the overall results it needs."""
    in_block = {f.key for f in figures}
    rows: list[_Row] = []
    placed: set[str] = set()
    subgroups = [f for f in figures if f.subgroup]
    for figure in figures:
        if figure.subgroup:
            continue
        rows.append(_Row(figure, False))
        placed.add(figure.key)
        for sub in subgroups:
            if sub.key in placed:
                continue
            own = [k for k in sub.overall_figures if k in in_block]
            if own and all(k in placed for k in own) and own[-1] == figure.key:
                rows += [
                    _Row(pack.figure(k), True) for k in sub.overall_figures if k not in in_block
                ]
                rows.append(_Row(sub, False))
                placed.add(sub.key)
    for sub in subgroups:  # subgroups whose overall results are all from other analyses
        if sub.key not in placed:
            rows += [_Row(pack.figure(k), True) for k in sub.overall_figures if k not in in_block]
            rows.append(_Row(sub, False))
    return rows


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
        f"{markup(trial.design)} · {size}.<br/>"
        + muted(f"{markup(trial.description)} <b>Population:</b> {markup(block_population)}."),
        s.trial,
    )
    header_arms = (figures[0].experimental_arm, figures[0].control_arm)
    widths = [width * f for f in EVIDENCE_COLUMNS]
    bars_width = widths[2] - 6
    # Row 0 is the trial heading; row 1 the column header, repeated (with the trial's name)
    # if the table continues on the next page.
    endpoint_head = f"{trial.name}: endpoint"
    data: list[list] = [
        [heading, "", "", ""],
        [
            endpoint_head
            if string_width(endpoint_head, SANS_BOLD, 6.8) <= widths[0] - 6
            else para(markup(endpoint_head), s.cell_head),
            "Experimental vs\ncontrol",
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
        ("LINEABOVE", (0, 1), (-1, 1), 0.6, st.ACCENT),
        ("LINEBELOW", (0, 1), (-1, 1), 0.6, st.ACCENT),
        ("LINEBELOW", (0, 2), (-1, -1), 0.25, st.RULE),
        ("TOPPADDING", (2, 2), (2, -1), 3),
        # Never leave the heading and column header at the foot of a page on their own.
        ("NOSPLIT", (0, 0), (-1, 2)),
    ]
    head_row(style, 1)
    rows = _ordered_rows(figures, pack)
    first_row = len(data)
    for index, row in enumerate(rows, start=first_row):
        figure = row.figure
        lines = [f"<b>{markup(figure.endpoint)}</b>"]
        tags = _figure_tags(figure)
        if tags:
            colour = st.ALERT_EDGE if figure.subgroup or figure.post_hoc else st.ACCENT
            lines[0] += f' <font color="#{colour.hexval()[2:]}" size="6">{markup(tags)}</font>'
        if row.context:
            lines.append(
                muted(
                    f"For comparison, the overall result {citations.cite(figure.reference)}: "
                    f"{markup(figure.population)}"
                )
            )
        elif figure.population != block_population:
            lines.append(muted(markup(figure.population)))
        effect = markup(figure.effect_text()) or muted("HR and P not given.")
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
        if figure.subgroup:
            style.append(("BACKGROUND", (0, index), (-1, index), st.NOTE_FILL))
            style.append(("LINEBEFORE", (0, index), (0, index), 2, st.NOTE_EDGE))
            # A subgroup and the overall results printed for it stay on one page.
            overall = [
                i
                for i, other in enumerate(rows[: index - first_row], start=first_row)
                if other.figure.key in figure.overall_figures
            ]
            if overall:
                style.append(("NOSPLIT", (0, min(overall)), (-1, index)))
        elif row.context:
            style.append(("BACKGROUND", (0, index), (-1, index), st.ZEBRA_FILL))
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
    """Reference keys the report cites: the trials shown and the flags raised."""
    keys: list[str] = []
    for trial_key, figures in evidence_figures(pack, include_epoch).items():
        keys.append(pack.trials[trial_key].reference)
        keys += [f.reference for f in figures]
    for assessment in assessments:
        for flag in assessment.evidence_gaps:
            keys += pack.gaps[flag.key].references
        for flag in assessment.workup_alerts:
            keys += pack.alerts[flag.key].references
    return keys


def evidence(
    pack: EvidencePack,
    citations: Citations,
    width: float,
    *,
    include_epoch: bool,
    epoch_note: str,
) -> list[Flowable]:
    """The published results trial by trial, with the medians charted, and the correction."""
    s = st.styles()
    by_trial = evidence_figures(pack, include_epoch)
    shown = [figure for figures in by_trial.values() for figure in figures]
    scale_max = chart.scale_for(shown)
    out: list[Flowable] = [
        # Room for the heading and the first trial's heading, column header and first row
        # (kept together by the table), or the evidence starts on the next page.
        CondPageBreak(100),
        Spacer(1, 6),
        make_table(
            [
                [
                    [
                        para("The evidence", s.h1_loose),
                        plain(
                            "A subgroup result is always printed beside the overall result it "
                            "belongs to. Bars show the arms' medians on one shared axis.",
                            s.small,
                        ),
                    ],
                    chart.legend(width * 0.36),
                ]
            ],
            [width * 0.64, width * 0.36],
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
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
    out.append(Spacer(1, 5))
    out.append(
        KeepTogether(
            [
                box(
                    [
                        para("About the evidence: a correction", s.h2),
                        plain(pack.correction_note, s.note),
                    ],
                    width,
                    st.NOTE_FILL,
                    st.NOTE_EDGE,
                )
            ]
        )
    )
    return out


def references(pack: EvidencePack, citations: Citations) -> list[Flowable]:
    """The numbered references cited in the report."""
    s = st.styles()
    out: list[Flowable] = [para("References", s.h1)]
    for number, key in enumerate(citations.keys, start=1):
        reference = pack.reference(key)
        text = f"[{number}] {markup(reference.citation())}"
        if reference.note:
            text += " " + muted(markup(reference.note))
        out.append(para(text, s.reference))
    return out
