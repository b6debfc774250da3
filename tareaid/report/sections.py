"""The report's sections as ReportLab flowables, one function per section.

Content comes from three places only: the case (typed by clinicians, always escaped and, in a
de-identified report, redacted), the assessment (computed by the domain layer) and the
evidence pack (reviewed data). No figure, citation or clinical statement is written here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from tareaid.domain.assessment import HEADLINE_RULE, Assessment
from tareaid.domain.case import Case
from tareaid.domain.evidence import EvidencePack, Figure
from tareaid.domain.fields import (
    DECISION_OUTCOME_LABELS,
    FIELDS,
    FIELDS_BY_NAME,
    TIERS,
    FieldSpec,
    Group,
    Kind,
)
from tareaid.report import chart
from tareaid.report import styles as st
from tareaid.report.chart import chartable, number_text
from tareaid.report.fonts import SANS, SANS_BOLD, markup, string_width

NOT_RECORDED = "not recorded"

# The trial whose figures are shown only when relevant to the case (second line, or glass
# microspheres): EPOCH was a second-line trial of TheraSphere.
EPOCH_TRIAL = "epoch"

# Evidence table columns as shares of the text width: endpoint, the arms' values, the bars
# of the medians, effect.
EVIDENCE_COLUMNS = (0.30, 0.135, 0.145, 0.42)

# The case fields the work-up alerts and the evidence gaps are raised from (CONTRACT.md §3),
# so the report can say when a check could not be made.
ALERT_FIELDS = ("lung_shunt_fraction_pct", "bilirubin_mg_dl")
GAP_FIELDS = (
    "planned_chemotherapy",
    "planned_biologic",
    "checkpoint_inhibitor",
    "prior_kras_g12c_inhibitor",
    "microsphere",
)

# Fields printed in the title block rather than in the case-data grid.
_TITLE_FIELDS = frozenset({"reference", "board_date", "patient_name", "mrn", "date_of_birth"})


@dataclass(frozen=True)
class CaseView:
    """One case as this report prints it."""

    case: Case  # already without identifiers when de-identified
    assessment: Assessment
    deidentified: bool
    redact: Callable[[str], str]

    def user(self, text: str) -> str:
        """Markup for text a person typed: redacted when de-identified, always escaped."""
        return markup(self.redact(text))

    @property
    def reference(self) -> str:
        return self.redact(self.case.reference)


class Citations:
    """Numbers for the references a report cites, in evidence-pack order."""

    def __init__(self, pack: EvidencePack, keys: Iterable[str]) -> None:
        used = set(keys)
        self.keys = [key for key in pack.references if key in used]
        self._numbers = {key: number for number, key in enumerate(self.keys, start=1)}

    def cite(self, *keys: str) -> str:
        """``[1]`` or ``[1, 3]``; empty for no keys."""
        numbers = sorted({self._numbers[key] for key in keys if key in self._numbers})
        return f"[{', '.join(str(n) for n in numbers)}]" if numbers else ""


# ---------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------


class WrapOnceParagraph(Paragraph):
    """A paragraph that lays itself out once per width.

    A table wraps every cell to measure it and again to draw it, at the same width; line
    breaking is the costliest step of a build, so the second wrap reuses the first. The
    layout depends only on the width (text and style do not change). The saved layout is
    used only while it is still the paragraph's own: ``split`` may delete or replace it.
    """

    _wrapped_at: float | None = None
    _wrapped: tuple[float, float] = (0.0, 0.0)
    _wrapped_lines: object = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        lines = self.__dict__.get("blPara")
        if availWidth != self._wrapped_at or lines is None or lines is not self._wrapped_lines:
            self._wrapped = super().wrap(availWidth, availHeight)
            self._wrapped_at = availWidth
            self._wrapped_lines = self.__dict__.get("blPara")
        return self._wrapped


def para(text: str, style: object) -> Paragraph:
    """A paragraph from markup that is already safe (escaped)."""
    return WrapOnceParagraph(text, style)  # type: ignore[arg-type]


def plain(text: str, style: object) -> Paragraph:
    """A paragraph from plain text (escaped here)."""
    return WrapOnceParagraph(markup(text), style)  # type: ignore[arg-type]


def muted(text: str) -> str:
    return f'<font color="#{st.MUTED.hexval()[2:]}">{text}</font>'


def iso(value: date | None) -> str:
    return value.isoformat() if value is not None else NOT_RECORDED


def make_table(
    data: list[list], widths: Sequence[float], commands: Sequence[tuple], **kwargs: object
) -> Table:
    """A table whose every cell uses the embedded font.

    Table cells default to Helvetica even when they hold only Paragraphs, and ReportLab then
    references that non-embedded font in the PDF, so the font is set on every table.
    """
    table = Table(data, colWidths=list(widths), **kwargs)  # type: ignore[arg-type]
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), *commands]))
    return table


def text_cell(
    commands: list[tuple],
    start: tuple[int, int],
    stop: tuple[int, int] | None = None,
    *,
    bold: bool = False,
    size: float = 7.0,
    colour: colors.Color = st.INK,
) -> None:
    """Style plain-string table cells (``start`` to ``stop``).

    Short fixed texts (headers, tier words, values) are put in cells as plain strings:
    ReportLab draws those directly, where a Paragraph would be parsed, measured and wrapped
    twice, and a report has a hundred of them. Strings do not wrap, so they are used only
    for texts known to fit, and never for text typed by users (it may need the CJK font).
    """
    stop = stop or start
    commands += [
        ("FONTNAME", start, stop, SANS_BOLD if bold else SANS),
        ("FONTSIZE", start, stop, size),
        ("LEADING", start, stop, size * 1.22),
        ("TEXTCOLOR", start, stop, colour),
    ]


def wrapped(text: str, width: float, *, bold: bool = False, size: float = 7.0) -> str:
    """A plain-string cell's text broken into lines that fit ``width`` (strings do not wrap)."""
    return "\n".join(simpleSplit(text, SANS_BOLD if bold else SANS, size, width))


def head_row(commands: list[tuple], row: int = 0) -> None:
    """Style a header row of plain strings."""
    text_cell(commands, (0, row), (-1, row), bold=True, size=6.8, colour=st.ACCENT)


def grid_style(header_rows: int = 1, extra: Sequence[tuple] = ()) -> list[tuple]:
    """Table commands for a ruled table whose first ``header_rows`` rows are its header."""
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
    ]
    if header_rows:
        commands += [
            ("LINEBELOW", (0, header_rows), (-1, -1), 0.25, st.RULE),
            ("LINEABOVE", (0, 0), (-1, 0), 0.6, st.ACCENT),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), st.HEAD_FILL),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.6, st.ACCENT),
        ]
    commands += list(extra)
    return commands


def _box(flowables: list[Flowable], width: float, fill: colors.Color, edge: colors.Color) -> Table:
    """Flowables in a tinted box with a coloured bar on the left."""
    return make_table(
        [[flowables]],
        [width],
        [
            ("BACKGROUND", (0, 0), (-1, -1), fill),
            ("LINEBEFORE", (0, 0), (0, -1), 2.2, edge),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ],
    )


# ---------------------------------------------------------------------------------------
# The case
# ---------------------------------------------------------------------------------------


def title_block(view: CaseView, width: float, *, heading: str) -> list[Flowable]:
    """Report title, case reference, board date and (when identified) the patient."""
    s = st.styles()
    case = view.case
    board = iso(case.board_date)
    title = make_table(
        [
            [
                [plain(heading, s.subtitle), para(f"Case {markup(view.reference)}", s.title)],
                [
                    para(muted("Tumour board date"), s.small),
                    para(f"<b>{board}</b>", s.headline),
                ],
            ]
        ],
        [width * 0.75, width * 0.25],
        [
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ],
    )
    out: list[Flowable] = [title]
    if view.deidentified:
        out.append(
            _box(
                [
                    plain(
                        "De-identified summary: the patient's name, MRN and date of birth are "
                        "not in this file, and free-text notes are omitted.",
                        s.small,
                    )
                ],
                width,
                st.ZEBRA_FILL,
                st.RULE,
            )
        )
    else:
        cells = []
        for label, value in (
            ("Patient name", case.patient_name),
            ("MRN", case.mrn),
            ("Date of birth", iso(case.date_of_birth) if case.date_of_birth else None),
        ):
            shown = markup(value) if value else muted(NOT_RECORDED)
            cells.append(para(f"{muted(label)}<br/><b>{shown}</b>", s.body))
        out.append(
            make_table(
                [cells],
                [width * 0.5, width * 0.25, width * 0.25],
                [
                    ("BOX", (0, 0), (-1, -1), 0.6, st.ACCENT),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 5),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ],
            )
        )
    return out


def summary_block(view: CaseView, width: float) -> list[Flowable]:
    """The headline, the tier counts and the rule behind the headline."""
    s = st.styles()
    counts = view.assessment.counts
    commands: list[tuple] = [
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    for column, tier in enumerate(TIERS):
        text_cell(commands, (column, 0), bold=True, colour=st.TIER_COLOURS[tier])
    cell_width = (width - 12) / len(TIERS)
    counts_table = make_table(
        [
            [
                wrapped(f"{st.tier_text(tier)}: {counts.get(tier, 0)}", cell_width - 6, bold=True)
                for tier in TIERS
            ]
        ],
        [cell_width] * len(TIERS),
        commands,
    )
    return [
        para("Summary", s.h1),
        _box(
            [
                plain(view.assessment.headline, s.headline),
                Spacer(1, 2.5),
                counts_table,
                Spacer(1, 1.5),
                para(f"<b>How the headline is built.</b> {markup(HEADLINE_RULE)}", s.muted),
            ],
            width,
            st.ZEBRA_FILL,
            st.ACCENT,
        ),
    ]


def field_value(spec: FieldSpec, value: object) -> str:
    """A case value as markup: words for choices, units, Yes/No, or 'not recorded'."""
    if value is None:
        return muted(NOT_RECORDED)
    if spec.kind is Kind.BOOLEAN:
        return "Yes" if value else "No"
    if spec.kind is Kind.CHOICE:
        return markup(spec.choice_label(str(value)))
    if spec.kind is Kind.DATE:
        return iso(value)  # type: ignore[arg-type]
    if spec.kind in (Kind.INTEGER, Kind.NUMBER):
        number = float(value)  # type: ignore[arg-type]
        text = str(int(number)) if number.is_integer() else f"{number:g}"
        if spec.unit == "%":
            text += "%"
        elif spec.unit:
            text += f" {spec.unit}"
        if spec.name == "prior_systemic_lines" and number == 0:
            text += " (first-line setting)"
        return markup(text)
    return markup(str(value))


def case_data(view: CaseView, width: float) -> list[Flowable]:
    """The recorded case data, one line of label–value pairs per group (as in the editor)."""
    s = st.styles()
    rows: list[list] = []
    commands: list[tuple] = []
    for group in Group:
        if group is Group.NOTES:
            continue
        specs = [f for f in FIELDS if f.group is group and f.name not in _TITLE_FIELDS]
        if not specs:
            continue
        pairs = [
            f"{muted(markup(spec.label))} {_bold(field_value(spec, getattr(view.case, spec.name)))}"
            for spec in specs
        ]
        label_width = width * 0.2 - 4
        if string_width(group.value, SANS_BOLD, 6.8) <= label_width:
            label: str | Paragraph = group.value
            text_cell(commands, (0, len(rows)), bold=True, size=6.8, colour=st.ACCENT)
        else:
            label = para(markup(group.value), s.cell_head)
        rows.append([label, para(" &nbsp;·&nbsp; ".join(pairs), s.cell)])
    table = make_table(
        rows,
        [width * 0.2, width * 0.8],
        [
            *commands,
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, st.RULE),
            ("LINEABOVE", (0, 0), (-1, 0), 0.6, st.ACCENT),
        ],
    )
    return [para("Case data", s.h1), table]


def _bold(value_markup: str) -> str:
    """Recorded values in bold; 'not recorded' stays as it is (muted)."""
    return value_markup if value_markup == muted(NOT_RECORDED) else f"<b>{value_markup}</b>"


def checklist(view: CaseView, width: float) -> list[Flowable]:
    """The six framework factors: finding, tier, derived or overridden, reason."""
    s = st.styles()
    fractions = (0.14, 0.225, 0.14, 0.14, 0.355)
    tier_width = width * fractions[2] - 6
    rows: list[list] = [["Factor", "Finding", "Tier", "Source", "Reason"]]
    commands = grid_style(
        extra=[("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, st.ZEBRA_FILL])]
    )
    head_row(commands)
    for row, factor in enumerate(view.assessment.factors, start=1):
        text_cell(commands, (2, row), bold=True, colour=st.TIER_COLOURS[factor.tier])
        if factor.overridden:
            source = para(
                "<b>Override</b><br/>"
                + muted("derived tier:")
                + "<br/>"
                + st.tier_markup(factor.derived_tier),
                s.cell,
            )
            reason = para(
                view.user(factor.reason)
                + "<br/>"
                + muted(f"Rule: {markup(factor.derived_reason)}"),
                s.cell,
            )
        else:
            source = "Derived"
            text_cell(commands, (3, row))
            reason = plain(factor.reason, s.cell)
        rows.append(
            [
                plain(factor.label, s.cell_bold),
                plain(factor.finding, s.cell),
                wrapped(st.tier_text(factor.tier), tier_width, bold=True),
                source,
                reason,
            ]
        )
    table = make_table(rows, [width * f for f in fractions], commands, repeatRows=1, splitInRow=1)
    return [
        # Not keepWithNext: that would move a table with very long reasons to the next page
        # whole, leaving this one mostly empty. The table can split between and within rows.
        CondPageBreak(70),
        para("Selection framework checklist", s.h1_loose),
        table,
        Spacer(1, 1.5),
        plain(
            "Derived: set by the framework's rule from the case data. Override: set by a "
            "clinician, with the reason. Unassessed: data missing. Outside framework: the data "
            "are known but the framework does not classify them; the clinician decides.",
            s.muted,
        ),
    ]


def _flag_paragraphs(
    flags: Sequence[object], registry: dict, citations: Citations
) -> list[Paragraph]:
    s = st.styles()
    out = []
    for flag in flags:
        refs = citations.cite(*registry[flag.key].references)  # type: ignore[attr-defined]
        out.append(
            para(
                f"<b>{markup(flag.title)}.</b> {markup(flag.text)}"  # type: ignore[attr-defined]
                + (f" {refs}" if refs else ""),
                s.note,
            )
        )
    return out


def _not_recorded(case: Case, names: Sequence[str]) -> list[str]:
    """Labels of the fields among ``names`` that are not recorded or unknown, for a sentence."""
    return [
        _in_sentence(FIELDS_BY_NAME[name].label)
        for name in names
        if getattr(case, name) in (None, "unknown", "undecided")
    ]


def _in_sentence(label: str) -> str:
    """'Planned biologic' → 'planned biologic', but 'MSI status' and 'RAS status' stay."""
    return label[0].lower() + label[1:] if label[1:2].islower() else label


def _none_raised(title: str, checked_by: str, missing: list[str]) -> Paragraph:
    text = f"<b>{title}:</b> none raised by the recorded {checked_by}."
    if missing:
        text += " " + muted(
            markup(f"Not recorded: {', '.join(missing)}; ")
            + ("this check is" if len(missing) == 1 else "these checks are")
            + " incomplete."
        )
    return para(text, st.styles().note)


def flags(view: CaseView, pack: EvidencePack, citations: Citations, width: float) -> list[Flowable]:
    """Work-up alerts and evidence gaps raised for this case, each with its explanation."""
    s = st.styles()
    case = view.case
    out: list[Flowable] = [Spacer(1, 3)]
    alerts = view.assessment.workup_alerts
    if alerts:
        out.append(para("Work-up alerts", s.h2))
        for paragraph in _flag_paragraphs(alerts, pack.alerts, citations):
            out += [_box([paragraph], width, st.ALERT_FILL, st.ALERT_EDGE), Spacer(1, 2)]
    else:
        missing = _not_recorded(case, ALERT_FIELDS)
        out.append(_none_raised("Work-up alerts", "work-up values", missing))
    gaps = view.assessment.evidence_gaps
    if gaps:
        out.append(para("Evidence gaps", s.h2))
        for paragraph in _flag_paragraphs(gaps, pack.gaps, citations):
            out += [_box([paragraph], width, st.NOTE_FILL, st.NOTE_EDGE), Spacer(1, 2)]
    else:
        missing = _not_recorded(case, GAP_FIELDS)
        out.append(_none_raised("Evidence gaps", "treatment plan", missing))
    return out


def decision(view: CaseView) -> list[Flowable]:
    """The board's decision, when one is recorded."""
    s = st.styles()
    recorded = view.case.decision
    if recorded is None:
        return [
            Spacer(1, 4),
            para("<b>Board decision:</b> none recorded when this summary was generated.", s.body),
        ]
    out: list[Flowable] = [para("Board decision", s.h1)]
    outcome = DECISION_OUTCOME_LABELS.get(recorded.outcome, recorded.outcome)
    status = "Finalised" if recorded.finalised else "Draft (not finalised)"
    lines = [
        f"<b>Outcome:</b> {markup(outcome)}",
        f"<b>Status:</b> {status} · <b>Decided on:</b> {iso(recorded.decided_on)}",
    ]
    out += [para(line, s.body) for line in lines]
    for label, text in (("Rationale", recorded.rationale), ("Dissent", recorded.dissent)):
        if text:
            out.append(para(f"<b>{label}:</b> {view.user(text)}", s.body))
    attendees = (
        "; ".join(view.redact(name) for name in recorded.attendees) if recorded.attendees else None
    )
    out.append(
        para(
            "<b>Attendees:</b> " + (markup(attendees) if attendees else muted(NOT_RECORDED)),
            s.body,
        )
    )
    return out


def notes(view: CaseView) -> list[Flowable]:
    """Free-text notes: printed when identified, omitted (and said so) when de-identified."""
    s = st.styles()
    text = view.case.notes
    if not text:
        return []
    if view.deidentified:
        return [
            Spacer(1, 3),
            para(
                "<b>Notes:</b> "
                + muted(
                    "Notes omitted in de-identified output: free text may contain identifying "
                    "details."
                ),
                s.body,
            ),
        ]
    # One paragraph per line so that long notes can break across pages.
    lines = text.splitlines() or [text]
    return [
        Spacer(1, 3),
        para("<b>Notes:</b> " + view.user(lines[0]), s.body),
        *(para(view.user(line) if line.strip() else "&nbsp;", s.body) for line in lines[1:]),
    ]


def case_story(
    view: CaseView, pack: EvidencePack, citations: Citations, width: float, *, heading: str
) -> list[Flowable]:
    """Everything about one case, in reading order."""
    return [
        *title_block(view, width, heading=heading),
        *summary_block(view, width),
        *case_data(view, width),
        *checklist(view, width),
        *flags(view, pack, citations, width),
        *decision(view),
        *notes(view),
    ]


# ---------------------------------------------------------------------------------------
# The evidence
# ---------------------------------------------------------------------------------------


def epoch_relevant(case: Case) -> bool:
    """Whether EPOCH (second-line, glass microspheres) bears on this case's data."""
    return case.prior_systemic_lines == 1 or case.microsphere == "therasphere"


def _figure_tags(figure: Figure) -> str:
    tags = []
    if figure.primary:
        tags.append("Primary endpoint")
    if figure.subgroup:
        tags.append("Subgroup")
    if figure.post_hoc:
        tags.append("Post hoc")
    if figure.significant is False:
        tags.append("Not significant")
    return " · ".join(tags)


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
    text = f"<b>{markup(values)}</b>" if values else muted("arm values not reported")
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
                _box(
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


def about(pack: EvidencePack) -> list[Flowable]:
    """What this summary does not cover."""
    s = st.styles()
    return [
        Spacer(1, 4),
        para(f"<b>What this summary does not cover.</b> {markup(pack.not_covered)}", s.note),
    ]


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
