"""Trial populations: does this patient resemble the patients the evidence comes from?

A compact table, criteria down and the four trials across (SIRFLOX, FOXFIRE, FOXFIRE-Global,
EPOCH), each cell met / not met / unknown by shape and word with the criterion's sources;
then each trial's summary sentence and what could not be checked. Every word comes from the
assessment and the evidence pack; the wording is about the applicability of the evidence,
never about eligibility.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.platypus import CondPageBreak, Flowable, Spacer

from tareaid.domain.assessment import Assessment
from tareaid.domain.evidence import EvidencePack
from tareaid.domain.trials import CriterionResult, TrialFit
from tareaid.report import styles as st
from tareaid.report.blocks import Citations, grid_style, make_table, muted, para, plain
from tareaid.report.fonts import markup


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


def _cell(result: CriterionResult | None, pack: EvidencePack, citations: Citations) -> str:
    """Shape and word, then the sources (a secondary source says so)."""
    if result is None:
        return muted("—")
    status = result.status
    colour = st.CRITERION_COLOURS[status].hexval()[2:]
    word = f"{st.CRITERION_SHAPES[status]} {markup(pack.trial_wording[status])}"
    sources = []
    for label in result.sources:
        reference = pack.source(label)
        tag = citations.tag(reference.key)
        sources.append(f"{tag} (secondary source)" if reference.secondary else tag)
    cited = f' <font size="{st.SMALL_SIZE}">{muted(markup(", ".join(sources)))}</font>'
    return f'<font color="#{colour}"><b>{word}</b></font>' + (cited if sources else "")


def trial_populations(
    assessment: Assessment, pack: EvidencePack, citations: Citations, width: float
) -> list[Flowable]:
    """The case against each trial's published eligibility criteria."""
    s = st.styles()
    trials = assessment.trials
    if not trials:
        return []
    criterion_share = 0.22
    trial_width = width * (1 - criterion_share) / len(trials)
    header: list[object] = [para("<b>Criterion</b>", s.cell_head)]
    for trial in trials:
        header.append(para(f"<b>{markup(trial.name)}</b>", s.cell_head))
    rows: list[list] = [header]
    for short in _rows(trials):
        row: list[object] = [plain(short[0].upper() + short[1:], s.cell)]
        for trial in trials:
            result = next((c for c in trial.criteria if c.short == short), None)
            row.append(para(_cell(result, pack, citations), s.cell))
        rows.append(row)
    table = make_table(
        rows,
        [width * criterion_share] + [trial_width] * len(trials),
        grid_style(
            extra=[
                ("TOPPADDING", (0, 1), (-1, -1), 0.6),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 1.2),
            ]
        ),
        repeatRows=1,
        splitByRow=1,
    )
    # One paragraph, a sentence per trial: the trials' names start the sentences.
    summaries = [plain(" ".join(trial.summary for trial in trials), s.body)]
    legend = (
        "Whether the trials' results apply to this patient, not eligibility. Unknown: a value "
        "it needs is not recorded. —: not a criterion of that trial. Sources: see References."
    )
    out: list[Flowable] = [
        CondPageBreak(120),
        para("Trial populations", s.h1),
        plain(legend, s.muted),
        Spacer(1, 2),
        table,
        Spacer(1, 3),
        *summaries,
    ]
    return out
