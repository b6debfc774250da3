"""The case part of a report: title, summary, case data, checklist, flags, decision, notes.

Text typed by clinicians is always escaped and, in a de-identified report, redacted
(:meth:`CaseView.user`); everything else comes from the assessment or the evidence pack.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    Spacer,
)

from tareaid.domain.assessment import (
    HEADLINE_RULE,
    Assessment,
    evidence_gap_fields_not_recorded,
    workup_unchecked,
)
from tareaid.domain.case import Case
from tareaid.domain.evidence import EvidencePack
from tareaid.domain.fields import (
    DECISION_OUTCOME_LABELS,
    FIELDS,
    FIELDS_BY_NAME,
    TIERS,
    FieldSpec,
    Group,
    Kind,
)
from tareaid.report import styles as st
from tareaid.report.blocks import (
    NOT_RECORDED,
    Citations,
    box,
    fitted_cell,
    grid_style,
    head_row,
    iso,
    make_table,
    muted,
    para,
    plain,
    text_cell,
    wrapped,
)
from tareaid.report.fonts import SANS_BOLD, markup, string_width

# Fields printed in the title block rather than in the case-data grid.
_TITLE_FIELDS = frozenset({"reference", "board_date", "patient_name", "mrn", "date_of_birth"})


@dataclass(frozen=True)
class CaseView:
    """One case as this report prints it."""

    case: Case  # already without identifiers when de-identified
    assessment: Assessment
    deidentified: bool
    redact: Callable[[str], str]
    # Whether free text (notes, rationale, dissent, override reasons) is printed; a
    # de-identified report leaves it out unless the user asked for it.
    free_text_included: bool = True

    def user(self, text: str) -> str:
        """Markup for free text a person typed: redacted when de-identified, always escaped;
        a marker in its place when de-identified without free text."""
        if not self.free_text_included:
            return muted(FREE_TEXT_LEFT_OUT)
        return markup(self.redact(text))

    @property
    def reference(self) -> str:
        return self.redact(self.case.reference)


FREE_TEXT_LEFT_OUT = "free text left out of the de-identified summary"


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
            box(
                [
                    plain(
                        "De-identified summary (pseudonymised, not anonymous): the patient's "
                        "name, MRN and date of birth are not in this file; "
                        + (
                            "free text is printed with the identifiers found in it replaced "
                            "— no automatic removal is complete, so check it before "
                            "sharing; "
                            if view.free_text_included
                            else "free text (notes, rationale, dissent, override reasons) is "
                            "left out; "
                        )
                        + "the board and decision dates, the age and the clinical details "
                        "remain.",
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
        box(
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


_TRIAL_POPULATION_GROUPS = (Group.EXTRAHEPATIC, Group.LIVER, Group.HISTORY)


def case_data(view: CaseView, width: float) -> list[Flowable]:
    """The case data the checklist and the work-up checks read, one line of label–value
    pairs per group (as in the editor)."""
    s = st.styles()
    rows: list[list] = []
    commands: list[tuple] = []
    for group in Group:
        if group is Group.NOTES:
            continue
        if group in _TRIAL_POPULATION_GROUPS:
            # Fields the checklist does not read: they describe the case against the trial
            # populations, not the framework, and are left out of this block.
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
    widths = [width * f - 6 for f in fractions]  # text width inside the cell padding
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
            reason = fitted_cell(factor.reason, widths[4], commands, (4, row), s.cell)
        rows.append(
            [
                fitted_cell(factor.label, widths[0], commands, (0, row), s.cell, bold=True),
                fitted_cell(factor.finding, widths[1], commands, (1, row), s.cell),
                wrapped(st.tier_text(factor.tier), widths[2], bold=True),
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


def _labels(names: Sequence[str]) -> list[str]:
    """The fields' labels, for a sentence."""
    return [_in_sentence(FIELDS_BY_NAME[name].label) for name in names]


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
            out += [box([paragraph], width, st.ALERT_FILL, st.ALERT_EDGE), Spacer(1, 2)]
    else:
        missing = _labels(workup_unchecked(case))
        out.append(_none_raised("Work-up alerts", "work-up values", missing))
    gaps = view.assessment.evidence_gaps
    if gaps:
        out.append(para("Evidence gaps", s.h2))
        for paragraph in _flag_paragraphs(gaps, pack.gaps, citations):
            out += [box([paragraph], width, st.NOTE_FILL, st.NOTE_EDGE), Spacer(1, 2)]
    else:
        missing = _labels(evidence_gap_fields_not_recorded(case))
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
    if view.deidentified and not view.free_text_included:
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


def about(pack: EvidencePack) -> list[Flowable]:
    """What this summary does not cover."""
    s = st.styles()
    return [
        Spacer(1, 4),
        para(f"<b>What this summary does not cover.</b> {markup(pack.not_covered)}", s.note),
    ]
