"""Assembling the PDF: page template, running header, "Page N of M" footer and metadata.

The footer needs the total page count, which is known only at the end; rather than laying
the document out twice, :class:`_NumberedCanvas` keeps each finished page and stamps the
header and footer on all of them when the document is saved (one layout pass).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Spacer,
)

from tareaid import __version__
from tareaid.domain.assessment import Assessment
from tareaid.domain.case import Case
from tareaid.domain.evidence import EvidencePack
from tareaid.domain.fields import DECISION_OUTCOME_LABELS
from tareaid.report import blocks, case_sections, evidence_sections, trial_sections
from tareaid.report import styles as st
from tareaid.report.deidentify import Redactor, no_redaction
from tareaid.report.fonts import SANS, SANS_BOLD, fit, markup, register_fonts
from tareaid.report.options import ReportOptions

REPORT_HEADING = "TAREaid tumour-board summary"
AUTHOR = "TAREaid"
LANGUAGE = "en-GB"

# ReportLab keeps process-wide state (font registry, graphics defaults); the desktop app and
# the batch export may build reports from worker threads, so builds take turns.
_BUILD_LOCK = threading.Lock()


@dataclass(frozen=True)
class _PageFurniture:
    """What every page carries besides its content."""

    generated: str
    app_version: str
    pack_line: str
    disclaimer: str
    audit_head: str | None
    default_header: tuple[str, str]


class _HeaderMark(Flowable):
    """Invisible flowable: from the page it lands on, the running header reads (left, right).

    With ``title_page``, that page itself has no running header: a title block at its top
    already names the case and the board date, and they are said once.
    """

    def __init__(self, left: str, right: str, *, title_page: bool = True) -> None:
        super().__init__()
        self.left = left
        self.right = right
        self.title_page = title_page

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        canvas = self.canv
        canvas._tareaid_header = (self.left, self.right)  # type: ignore[attr-defined]
        if self.title_page:
            canvas._tareaid_untitled_page = canvas.getPageNumber()  # type: ignore[attr-defined]


class _AuditMark(Flowable):
    """Invisible flowable: from the page it lands on, the footer shows this audit head."""

    def __init__(self, text: str | None) -> None:
        super().__init__()
        self.text = text

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        self.canv._tareaid_audit = self.text  # type: ignore[attr-defined]


def _audit_text(options: ReportOptions, reference: str) -> str | None:
    head = options.audit_heads.get(reference)
    return head.footer_text() if head is not None else _plain_head(options)


def _plain_head(options: ReportOptions) -> str | None:
    return f"Audit trail {options.audit_head}" if options.audit_head else None


def _audit_keywords(options: ReportOptions, references: Sequence[str]) -> list[str]:
    return [
        options.audit_heads[reference].keyword(reference)
        for reference in references
        if reference in options.audit_heads
    ]


class _NumberedCanvas(Canvas):
    """A canvas that holds finished pages back and stamps "Page N of M" on them at save."""

    def __init__(self, *args: object, furniture: _PageFurniture, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._furniture = furniture
        self._tareaid_header = furniture.default_header
        self._tareaid_untitled_page = 0
        self._tareaid_audit = furniture.audit_head
        self._saved_pages: list[dict] = []

    def showPage(self) -> None:
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_pages)
        for number, state in enumerate(self._saved_pages, start=1):
            self.__dict__.update(state)
            self._draw_furniture(number, total)
            super().showPage()
        super().save()

    def _draw_furniture(self, number: int, total: int) -> None:
        furniture = self._furniture
        width, height = self._pagesize
        left_x, right_x = st.MARGIN_X, width - st.MARGIN_X
        usable = right_x - left_x
        self.saveState()
        s = st.styles()

        # Running header on continuation pages: case (left) and board date (right), above
        # a rule. Drawn as paragraphs: a name may be in any script.
        if self._tareaid_untitled_page != number:
            left, right = self._tareaid_header
            y = height - 10.5 * mm
            right_width = _draw_line(self, right, s.header_right, left_x, y, usable * 0.3, usable)
            _draw_line(self, left, s.header, left_x, y, usable - right_width - 12)
            self.setStrokeColor(st.RULE)
            self.setLineWidth(0.4)
            self.line(left_x, y - 3, right_x, y - 3)

        # Footer: rule, the page and version line with the audit head at its right, then
        # the disclaimer. Its height is fixed, whatever the case (the frame leaves room).
        size, small = st.SMALL_SIZE, st.FOOTER_SIZE
        disclaimer_lines = simpleSplit(furniture.disclaimer, SANS, small, usable)
        base = 5.5 * mm
        step = small + 1.5
        top = base + len(disclaimer_lines) * step + 2
        self.setStrokeColor(st.RULE)
        self.setLineWidth(0.4)
        self.line(left_x, top + size + 2.5, right_x, top + size + 2.5)
        audit_head = self._tareaid_audit
        audit_width = 0.0
        if audit_head:
            self.setFillColor(st.MUTED)
            self.setFont(SANS, size)
            audit_width = self.stringWidth(audit_head, SANS, size) + 12
            self.drawRightString(right_x, top, audit_head)
        self.setFillColor(st.INK)
        self.setFont(SANS_BOLD, size)
        page_text = f"Page {number} of {total}"
        self.drawString(left_x, top, page_text)
        self.setFont(SANS, size)
        details = (
            f" · Generated {furniture.generated} · {furniture.app_version} · {furniture.pack_line}"
        )
        page_width = self.stringWidth(page_text, SANS_BOLD, size)
        self.drawString(
            left_x + page_width,
            top,
            fit(details, SANS, size, usable - page_width - audit_width),
        )
        self.setFillColor(st.MUTED)
        self.setFont(SANS, small)
        y = top - step
        for line in disclaimer_lines:
            self.drawString(left_x, y, line)
            y -= step
        self.restoreState()


def _draw_line(
    canvas: Canvas,
    text: str,
    style: ParagraphStyle,
    x: float,
    baseline: float,
    width: float,
    frame: float | None = None,
) -> float:
    """One line of text in any script on the canvas, shortened to fit ``width``; returns
    the width it takes. A right-aligned style is aligned to ``x + frame``."""
    text = fit(text, style.fontName, style.fontSize, width)
    while True:
        paragraph = blocks.plain(text, style)
        paragraph.wrap(width, style.leading * 4)
        lines = paragraph.blPara.lines
        if len(lines) <= 1 or len(text) <= 1:
            break
        text = fit(text, style.fontName, style.fontSize, width * 0.9 * len(text) / (len(text) + 1))
    # A line is a FragLine, or (extra space, words) for a one-font paragraph.
    extra = (getattr(lines[0], "extraSpace", None) or lines[0][0]) if lines else width
    used = width - extra
    left = x + (frame - width if frame is not None else 0.0)
    paragraph.drawOn(canvas, left, baseline - style.leading + style.fontSize)
    return used


def _furniture(
    pack: EvidencePack, options: ReportOptions, header: tuple[str, str]
) -> _PageFurniture:
    generated = options.generated_time().strftime("%Y-%m-%d %H:%M UTC")
    return _PageFurniture(
        generated=generated,
        app_version=f"TAREaid {__version__}",
        pack_line=f"Evidence pack {pack.version} (reviewed {pack.reviewed_on.isoformat()})",
        disclaimer=pack.disclaimer,
        audit_head=_plain_head(options),
        default_header=header,
    )


def _render(
    story: list[Flowable],
    pack: EvidencePack,
    options: ReportOptions,
    *,
    title: str,
    subject: str,
    keywords: Sequence[str],
    header: tuple[str, str],
) -> bytes:
    page_size = st.PAGE_SIZES[options.page_size]
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=page_size,
        leftMargin=st.MARGIN_X,
        rightMargin=st.MARGIN_X,
        topMargin=st.MARGIN_TOP,
        bottomMargin=st.MARGIN_BOTTOM,
        title=title,
        author=AUTHOR,
        subject=subject,
        creator=f"TAREaid {__version__}",
        keywords=list(keywords),
        lang=LANGUAGE,
        invariant=1 if options.invariant else 0,
        pageCompression=1,
        initialFontName=SANS,
        initialFontSize=8,
        displayDocTitle=1,
    )
    frame = Frame(
        document.leftMargin,
        document.bottomMargin,
        document.width,
        document.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    maker = partial(_NumberedCanvas, furniture=_furniture(pack, options, header))
    # Binary (zlib only) streams instead of ReportLab's default ASCII85 on top: a smaller
    # file, and ASCII85-encoding the embedded fonts in pure Python is a fifth of the build
    # time. The setting is global, so it is restored at once (builds hold _BUILD_LOCK).
    saved_a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        document.build(story, canvasmaker=maker)
    finally:
        rl_config.useA85 = saved_a85
    return buffer.getvalue()


def frame_width(options: ReportOptions) -> float:
    return st.PAGE_SIZES[options.page_size][0] - 2 * st.MARGIN_X


def _view(case: Case, assessment: Assessment, options: ReportOptions) -> case_sections.CaseView:
    if options.deidentified:
        redactor = Redactor(case)
        return case_sections.CaseView(
            case=case.deidentified(),
            assessment=assessment,
            deidentified=True,
            redact=redactor if redactor.active else no_redaction,
            bilirubin_unit=options.bilirubin_unit,
            free_text_included=options.include_free_text,
        )
    return case_sections.CaseView(case, assessment, False, no_redaction, options.bilirubin_unit)


def _case_pages(
    view: case_sections.CaseView,
    pack: EvidencePack,
    citations: blocks.Citations,
    width: float,
    *,
    heading: str,
) -> list[Flowable]:
    """One case: page 1, then what of the trial populations cannot be checked (at the foot
    of page 1 when it fits), then the trial-population table."""
    return [
        *case_sections.first_page(view, pack, citations, width, heading=heading),
        *trial_sections.not_checkable(view.assessment, pack, citations, width),
        *trial_sections.trial_populations(view.assessment, pack, citations, width),
    ]


def _case_header(view: case_sections.CaseView) -> tuple[str, str]:
    left = f"Case {view.reference}"
    case = view.case
    if not view.deidentified:
        who = [part for part in (case.patient_name, f"MRN {case.mrn}" if case.mrn else "") if part]
        if who:
            left += " · " + " · ".join(who)
    board = case.board_date.isoformat() if case.board_date else blocks.NOT_RECORDED
    return left, f"Tumour board {board}"


def _epoch_note(scope: str) -> str:
    return (
        "EPOCH (second-line, TheraSphere glass microspheres) is not shown: not relevant to "
        f"{scope} (not second-line; TheraSphere not planned)."
    )


def build_single(
    case: Case, assessment: Assessment, pack: EvidencePack, options: ReportOptions
) -> bytes:
    """The PDF of one case (see :func:`tareaid.report.build_report`)."""
    with _BUILD_LOCK:
        register_fonts()
        width = frame_width(options)
        view = _view(case, assessment, options)
        include_epoch = evidence_sections.epoch_relevant(view.case)
        citations = blocks.Citations(
            pack, evidence_sections.cited_keys(pack, include_epoch, [assessment])
        )
        header = _case_header(view)
        story: list[Flowable] = [
            _HeaderMark(*header),
            _AuditMark(_audit_text(options, case.reference)),
            *_case_pages(view, pack, citations, width, heading=REPORT_HEADING),
            *evidence_sections.about(pack),
            *evidence_sections.evidence(
                pack,
                citations,
                width,
                include_epoch=include_epoch,
                epoch_note=_epoch_note("this case's data"),
            ),
            *evidence_sections.references(pack, citations),
        ]
        reference = view.reference
        return _render(
            story,
            pack,
            options,
            title=f"{REPORT_HEADING} — {reference}",
            subject=_subject(reference, options),
            keywords=[
                "TAREaid",
                "tumour board",
                "radioembolisation",
                reference,
                *_audit_keywords(options, [case.reference]),
            ],
            header=header,
        )


def _subject(reference: str, options: ReportOptions) -> str:
    kind = (
        "De-identified decision-support summary"
        if options.deidentified
        else ("Decision-support summary")
    )
    return (
        f"{kind} for case {reference}: radioembolisation (TARE) added to chemotherapy "
        "for colorectal liver metastases"
    )


def build_combined(
    items: Sequence[tuple[Case, Assessment]],
    pack: EvidencePack,
    options: ReportOptions,
    *,
    title: str,
) -> bytes:
    """The PDF of several cases (see :func:`tareaid.report.build_combined_report`)."""
    with _BUILD_LOCK:
        register_fonts()
        s = st.styles()
        width = frame_width(options)
        views = [_view(case, assessment, options) for case, assessment in items]
        include_epoch = any(evidence_sections.epoch_relevant(v.case) for v in views)
        citations = blocks.Citations(
            pack, evidence_sections.cited_keys(pack, include_epoch, [a for _, a in items])
        )
        cover_header = (f"TAREaid · {title}", f"{len(views)} case{'s' if len(views) != 1 else ''}")
        story: list[Flowable] = [
            _HeaderMark(*cover_header),
            blocks.para(markup(REPORT_HEADING), s.subtitle),
            blocks.para(markup(title, bold=True), s.title),
            Spacer(1, 6),
            *_contents(views, width),
            Spacer(1, 4),
            blocks.para(
                markup(
                    "Each case follows on its own page; the evidence behind the framework, the "
                    "references and how to read the summaries are printed once, after the "
                    "last case."
                ),
                s.muted,
            ),
        ]
        for view, (case, _) in zip(views, items, strict=True):
            story += [
                PageBreak(),
                _HeaderMark(*_case_header(view)),
                _AuditMark(_audit_text(options, case.reference)),
            ]
            story += _case_pages(view, pack, citations, width, heading=title)
        story += [
            PageBreak(),
            _HeaderMark(
                f"TAREaid · {title} · Evidence and references", cover_header[1], title_page=False
            ),
            _AuditMark(_plain_head(options)),
            *evidence_sections.evidence(
                pack,
                citations,
                width,
                include_epoch=include_epoch,
                epoch_note=_epoch_note("any case in this file"),
            ),
            *evidence_sections.references(pack, citations),
            *evidence_sections.about(pack),
        ]
        references = [v.reference for v in views]
        return _render(
            story,
            pack,
            options,
            title=f"TAREaid — {title}",
            subject=(
                (
                    "De-identified decision-support summaries"
                    if options.deidentified
                    else "Decision-support summaries"
                )
                + f" for {len(views)} case{'s' if len(views) != 1 else ''}: "
                + ", ".join(references)
            ),
            keywords=[
                "TAREaid",
                "tumour board",
                "radioembolisation",
                *references,
                *_audit_keywords(options, [case.reference for case, _ in items]),
            ],
            header=cover_header,
        )


def _head_commands() -> list[tuple]:
    commands: list[tuple] = []
    blocks.head_row(commands)
    return commands


def _contents(views: Sequence[case_sections.CaseView], width: float) -> list[Flowable]:
    """The first page of a combined report: one row per case."""
    s = st.styles()
    rows: list[list] = [["Case", "Board date", "Headline", "Board decision"]]
    for view in views:
        decision = view.case.decision
        outcome = (
            DECISION_OUTCOME_LABELS.get(decision.outcome, decision.outcome)
            + ("" if decision.finalised else " (draft)")
            if decision
            else blocks.NOT_RECORDED
        )
        rows.append(
            [
                blocks.para(f"<b>{markup(view.reference, bold=True)}</b>", s.cell),
                blocks.para(blocks.iso(view.case.board_date), s.cell),
                blocks.para(markup(view.assessment.headline), s.cell),
                blocks.para(markup(outcome), s.cell),
            ]
        )
    table = blocks.make_table(
        rows,
        [width * f for f in (0.18, 0.12, 0.48, 0.22)],
        [*blocks.grid_style(), *_head_commands()],
        repeatRows=1,
    )
    return [blocks.para("Cases in this file", s.h1), table]
