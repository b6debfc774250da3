"""The case part of a report: what a board member reads first.

Page 1: the title (case reference and board date, once), the patient, the headline with the
evidence context under it, the framework's provenance, the six-factor checklist with the
evidence status of each claim, the work-up alerts by severity, the evidence gaps, one line
per trial population, the board's decision and the notes. The trial-population table
(:mod:`trial_sections`) follows.

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
    Spacer,
)

from tareaid.domain.assessment import (
    Assessment,
    FactorResult,
    Flag,
    evidence_gap_fields_not_recorded,
)
from tareaid.domain.case import Case
from tareaid.domain.evidence import WORKUP_CHECKED_FIELDS, EvidencePack
from tareaid.domain.fields import (
    DECISION_OUTCOME_LABELS,
    FIELDS,
    FIELDS_BY_NAME,
    FieldSpec,
    Group,
    Kind,
)
from tareaid.domain.marks import CLAIM_STATUS_SHAPES, severity_heading
from tareaid.domain.units import format_bilirubin
from tareaid.report import styles as st
from tareaid.report import trial_sections
from tareaid.report.blocks import (
    NOT_RECORDED,
    Citations,
    box,
    grid_style,
    iso,
    make_table,
    muted,
    para,
    plain,
    text_cell,
)
from tareaid.report.fonts import markup

# Fields printed in the title block rather than in the case-data grid.
_TITLE_FIELDS = frozenset(
    {"reference", "board_date", "patient_name", "mrn", "date_of_birth", "age_years", "sex"}
)


@dataclass(frozen=True)
class CaseView:
    """One case as this report prints it."""

    case: Case  # already without identifiers when de-identified
    assessment: Assessment
    deidentified: bool
    redact: Callable[[str], str]
    bilirubin_unit: str = "mg/dL"
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
    title = make_table(
        [
            [
                [
                    plain(heading, s.subtitle),
                    para(f"Case {markup(view.reference, bold=True)}", s.title),
                ],
                [
                    para(muted("Tumour board"), s.small),
                    para(f"<b>{iso(case.board_date)}</b>", s.headline),
                ],
            ]
        ],
        [width * 0.75, width * 0.25],
        [
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LINEBELOW", (0, 0), (-1, -1), 0.8, st.ACCENT),
        ],
    )
    out: list[Flowable] = [title, Spacer(1, 2)]
    parts = []
    if not view.deidentified:
        for label, value in (
            ("Patient", case.patient_name),
            ("MRN", case.mrn),
            ("Date of birth", iso(case.date_of_birth) if case.date_of_birth else None),
        ):
            shown = f"<b>{markup(value, bold=True)}</b>" if value else muted(NOT_RECORDED)
            parts.append(f"{muted(label)} {shown}")
    parts.append(_pairs(view, [FIELDS_BY_NAME["age_years"], FIELDS_BY_NAME["sex"]]))
    out.append(para(" &nbsp;·&nbsp; ".join(parts), s.body))
    if view.deidentified:
        out.append(
            plain(
                "De-identified summary (pseudonymised, not anonymous): the patient's "
                "name, MRN and date of birth are not in this file; "
                + (
                    "free text is printed with the identifiers found in it replaced "
                    "— no automatic removal is complete, so check it before "
                    "sharing; "
                    if view.free_text_included
                    else "free text (notes, rationale, dissent, override reasons) is left out; "
                )
                + "the board and decision dates, the age and the clinical details "
                "remain.",
                s.muted,
            )
        )
    return out


def summary_block(view: CaseView, width: float) -> list[Flowable]:
    """The headline, and right under it the evidence for the case's setting."""
    s = st.styles()
    assessment = view.assessment
    return [
        Spacer(1, 4),
        box(
            [
                plain(assessment.headline, s.headline),
                Spacer(1, 2),
                plain(assessment.evidence_context, s.context),
            ],
            width,
            st.ZEBRA_FILL,
            st.ACCENT,
        ),
    ]


def field_value(spec: FieldSpec, value: object, bilirubin_unit: str = "mg/dL") -> str:
    """A case value as markup: words for choices, units, Yes/No, or 'not recorded'."""
    if value is None:
        return muted(NOT_RECORDED)
    if spec.kind is Kind.BOOLEAN:
        return "Yes" if value else "No"
    if spec.kind is Kind.CHOICE:
        return markup(spec.choice_label(str(value)))
    if spec.kind is Kind.DATE:
        return iso(value)  # type: ignore[arg-type]
    if spec.name == "bilirubin_mg_dl":
        return markup(format_bilirubin(float(value), bilirubin_unit))  # type: ignore[arg-type]
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


def _pairs(view: CaseView, specs: Sequence[FieldSpec]) -> str:
    # A label and its value are never split over two lines.
    return " &nbsp;·&nbsp; ".join(
        f"{muted(markup(spec.label))}&nbsp;"
        f"{_bold(field_value(spec, getattr(view.case, spec.name), view.bilirubin_unit))}"
        for spec in specs
    )


def _bold(value_markup: str) -> str:
    """Recorded values in bold; 'not recorded' stays as it is (muted)."""
    return value_markup if value_markup == muted(NOT_RECORDED) else f"<b>{value_markup}</b>"


def _tier_cell(factor: FactorResult) -> str:
    text = st.tier_markup(factor.tier)
    if factor.overridden:
        text += (
            "<br/>" + muted("Override; derived:") + "<br/>" + st.tier_markup(factor.derived_tier)
        )
    else:
        text += "<br/>" + muted("Derived")
    return text


def _claim_cell(factor: FactorResult, pack: EvidencePack, citations: Citations) -> str:
    """The evidence status of the framework's claim for the tier shown, beside the
    framework's own words: shape and label, what the status means, and the sources."""
    claim, status = factor.claim, factor.claim_status
    if claim is None or status is None:
        return muted(markup("No claim: the framework does not place these data in a tier."))
    text = pack.claim_status_text(status)
    refs = citations.cite(*(r.key for r in pack.claim_references(claim)))
    words = f"“{markup(claim.claim)}”: " if claim.claim else ""
    return (
        f"{words}<b>{CLAIM_STATUS_SHAPES[status]} {markup(text.label)}</b>. "
        f"{markup(text.meaning)}" + (f" {refs}" if refs else "")
    )


def checklist(
    view: CaseView, pack: EvidencePack, citations: Citations, width: float
) -> list[Flowable]:
    """The six factors: finding, tier (derived or overridden), reason, and what the
    evidence says about the framework's claim for that tier."""
    s = st.styles()
    fractions = (0.2, 0.16, 0.29, 0.35)
    rows: list[list] = [["Factor and finding", "Tier", "Reason", "What the evidence says"]]
    commands = grid_style(
        extra=[("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, st.ZEBRA_FILL])]
    )
    text_cell(commands, (0, 0), (-1, 0), bold=True, size=8, colour=st.ACCENT)
    for factor in view.assessment.factors:
        if factor.overridden:
            reason = (
                view.user(factor.reason) + "<br/>" + muted(f"Rule: {markup(factor.derived_reason)}")
            )
        else:
            reason = markup(factor.reason)
        rows.append(
            [
                para(f"<b>{markup(factor.label)}</b><br/>{markup(factor.finding)}", s.cell),
                para(_tier_cell(factor), s.cell),
                para(reason, s.cell),
                para(_claim_cell(factor, pack, citations), s.cell),
            ]
        )
    table = make_table(rows, [width * f for f in fractions], commands, repeatRows=1, splitInRow=1)
    return [
        # Not keepWithNext: that would move a table with very long reasons to the next page
        # whole, leaving this one mostly empty. The table can split between and within rows.
        CondPageBreak(80),
        para("Selection framework", s.h1_loose),
        plain(pack.framework_provenance, s.note),
        Spacer(1, 3),
        table,
    ]


def _flag_text(flag: Flag, registry: dict, citations: Citations) -> str:
    refs = citations.cite(*registry[flag.key].references)
    return f"<b>{markup(flag.title)}.</b> {markup(flag.text)}" + (f" {refs}" if refs else "")


def _labels(names: Sequence[str]) -> list[str]:
    """The fields' labels, for a sentence."""
    return [_in_sentence(FIELDS_BY_NAME[name].label) for name in names]


def _in_sentence(label: str) -> str:
    """'Planned biologic' → 'planned biologic', but 'MSI status' and 'RAS status' stay."""
    return label[0].lower() + label[1:] if label[1:2].islower() else label


def workup(
    view: CaseView, pack: EvidencePack, citations: Citations, width: float
) -> list[Flowable]:
    """The work-up values and the alerts they raise: contraindications (to resolve first),
    then cautions; and which checks could not be made."""
    s = st.styles()
    assessment = view.assessment
    values = [FIELDS_BY_NAME[name] for name in WORKUP_CHECKED_FIELDS]
    out: list[Flowable] = [
        para("Work-up alerts", s.h2),
        para(f"{muted('Values:')} {_pairs(view, values)}", s.body),
    ]
    for severity, flags, fill, edge in (
        ("contraindication", assessment.contraindications, st.ALERT_FILL, st.ALERT_EDGE),
        ("caution", assessment.cautions, st.CAUTION_FILL, st.CAUTION_EDGE),
    ):
        for flag in flags:
            label = f"<b>{severity_heading(severity)}:</b> "
            out += [
                Spacer(1, 2),
                box(
                    [para(label + _flag_text(flag, pack.alerts, citations), s.note)],
                    width,
                    fill,
                    edge,
                ),
            ]
    if assessment.not_checked:
        # "No alert" is never printed for a check that was not done.
        out.append(para(f"<b>{markup(assessment.not_checked)}.</b>", s.body))
    elif not assessment.workup_alerts:
        out.append(para("No work-up alert raised by the recorded values.", s.body))
    return out


def gaps(view: CaseView, pack: EvidencePack, citations: Citations, width: float) -> list[Flowable]:
    """The evidence gaps the treatment plan raises, each explained."""
    s = st.styles()
    plan = [f for f in FIELDS if f.group is Group.TREATMENT]
    out: list[Flowable] = [
        para("Evidence gaps", s.h2),
        para(f"{muted('Treatment plan:')} {_pairs(view, plan)}", s.body),
    ]
    for flag in view.assessment.evidence_gaps:
        out += [
            Spacer(1, 2),
            box(
                [para(_flag_text(flag, pack.gaps, citations), s.note)],
                width,
                st.ZEBRA_FILL,
                st.MUTED,
            ),
        ]
    if not view.assessment.evidence_gaps:
        missing = _labels(evidence_gap_fields_not_recorded(view.case))
        if missing:
            out.append(
                para(
                    "<b>" + markup(f"Not checked: {', '.join(missing)} not recorded.") + "</b>",
                    s.body,
                )
            )
        else:
            out.append(para("No evidence gap raised by the recorded treatment plan.", s.body))
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
    out.append(
        para(
            f"<b>Outcome:</b> {markup(outcome)} &nbsp;·&nbsp; <b>Status:</b> {status} "
            f"&nbsp;·&nbsp; <b>Decided on:</b> {iso(recorded.decided_on)}",
            s.body,
        )
    )
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


def first_page(
    view: CaseView, pack: EvidencePack, citations: Citations, width: float, *, heading: str
) -> list[Flowable]:
    """What a board member reads first, in reading order."""
    return [
        *title_block(view, width, heading=heading),
        *summary_block(view, width),
        *checklist(view, pack, citations, width),
        *workup(view, pack, citations, width),
        *gaps(view, pack, citations, width),
        *trial_sections.first_page_lines(view.assessment, pack),
        *decision(view),
        *notes(view),
    ]
