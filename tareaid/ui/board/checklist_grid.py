"""The checklist on the wall: the framework's grid, one row per factor, and a detail area.

Six rows of equal, bounded height: the factor and this case's finding; the framework's three
tier descriptions (this case's tier framed and marked "THIS CASE"; when the board set the
tier by hand, the framework's own tier marked "FRAMEWORK" with a dashed frame); and this
case's status: the tier, the framework's tier beside an override, a compact marker of what
the evidence says about the framework's claim for that tier, and the reason.

Below the rows, the detail area shows the selected factor in full (its finding, the whole
reason, the framework's reasoning and the meaning of the claim status), so a long text
never makes its row grow at the cost of another row's tier.

All text of the grid and the detail area is set in one size, chosen for the whole grid:
the largest of ``GRID_SCALES`` at which every row shows all of its text and the detail area
fits; else the largest at which every row shows what only the row shows (a long finding or
reason, repeated in the detail area, is then cut at its end); else the smallest. The tier
comes first in every cell, so it is never the part cut.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from tareaid.domain.assessment import Assessment, FactorResult
from tareaid.domain.evidence import EvidencePack
from tareaid.domain.fields import FACTOR_KEYS, OVERRIDE_TIERS, TIER_SHAPES
from tareaid.ui.board.fit_label import FitLabel, Part, Run
from tareaid.ui.board.look import Cell, Look
from tareaid.ui.board.marks import claim_marker
from tareaid.ui.i18n import translate
from tareaid.ui.qt import Qt, QtGui, QtWidgets
from tareaid.ui.tiers import tier_text
from tareaid.ui.vocabulary import tier_label

# Columns: the factor, the framework's three tiers, and this case's status. The factor and
# the status are as wide as their longest line needs (within these shares of the width);
# the tiers share the rest.
FACTOR_SHARE = (0.14, 0.24)
STATUS_SHARE = (0.18, 0.30)
TIER_COLUMNS = OVERRIDE_TIERS  # favours, neutral, against
# The grid's one type size, as shares of the projection's base size, largest first.
GRID_SCALES = (1.0, 0.95, 0.9)
# The detail area never takes more than this share of the page from the rows, and keeps
# room for this many lines of text (a factor's finding and tier, and what its claim means).
DETAIL_SHARE_MAX = 0.4
DETAIL_LINES = 2


def column_titles() -> tuple[str, ...]:
    """The grid's column titles, in the interface's language."""
    return (
        translate("ChecklistGrid", "Factor"),
        *(tier_text(t) for t in TIER_COLUMNS),
        translate("ChecklistGrid", "This case · claim status"),
    )


class FactorRow:
    """The cells of one factor's row, each holding one label."""

    def __init__(self, parent: QtWidgets.QWidget) -> None:
        self.factor_cell, self.factor = _cell(parent)
        self.tier_cells: dict[str, Cell] = {}
        self.tier_labels: dict[str, FitLabel] = {}
        for tier in TIER_COLUMNS:
            self.tier_cells[tier], self.tier_labels[tier] = _cell(parent)
        self.status_cell, self.status = _cell(parent)

    def cells(self) -> list[Cell]:
        return [self.factor_cell, *self.tier_cells.values(), self.status_cell]

    def labels(self) -> list[FitLabel]:
        return [self.factor, *self.tier_labels.values(), self.status]


def _label(**kwargs: object) -> FitLabel:
    label = FitLabel(shrink=False, **kwargs)  # type: ignore[arg-type]
    label.follows_look = False  # the grid sets one size for all of its text
    return label


def _cell(parent: QtWidgets.QWidget) -> tuple[Cell, FitLabel]:
    cell = Cell(parent)
    label = _label()
    cell.box.addWidget(label)
    return cell, label


@dataclass(frozen=True)
class GridGeometry:
    """Where everything goes, for one size of the page: see ``ChecklistGrid.relayout``."""

    px: int
    header_height: int
    row_height: int
    detail_height: int
    fits: bool


class ChecklistGrid(QtWidgets.QWidget):
    """The grid page of the projection (see the module docstring)."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistGrid")
        self.setAccessibleName(self.tr("Selection framework checklist"))
        self.look = Look()
        self.geometry_used: GridGeometry | None = None
        self.column_headers: list[FitLabel] = []
        for title in column_titles():
            label = _label(
                text=title,
                bold=True,
                align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            )
            label.setParent(self)
            self.column_headers.append(label)
        self.rows = [FactorRow(self) for _key in FACTOR_KEYS]
        self.detail_cell, self.detail = _cell(self)
        self.detail_cell.setObjectName("factorDetail")
        self.detail.setObjectName("factorDetailText")
        self.detail.setAccessibleName(self.tr("Selected factor in full"))

    # -- content ------------------------------------------------------------------------

    def show_assessment(
        self, assessment: Assessment, pack: EvidencePack, selected: int, look: Look
    ) -> None:
        """Fill the rows and the detail area for this case, with ``selected`` in focus."""
        self.look = look
        for index, (key, row) in enumerate(zip(FACTOR_KEYS, self.rows, strict=True)):
            self._paint_row(row, assessment.factor(key), pack, index == selected)
        self.detail.set_parts(self._detail_parts(assessment.factor(FACTOR_KEYS[selected]), pack))
        self.detail_cell.set_frame(look.row_fill, look.accent, self._rule_widths()[0])
        for header in self.column_headers:
            header.set_colour(look.accent)
        self.relayout()

    def _paint_row(
        self, row: FactorRow, result: FactorResult, pack: EvidencePack, selected: bool
    ) -> None:
        look = self.look
        thin, thick = self._rule_widths()
        row_fill = look.row_fill if selected else None
        row.factor.set_parts(
            [
                Part(
                    ("▶ " if selected else "") + result.label,
                    bold=True,
                    colour=look.accent if selected else look.text,
                ),
                # Shown in full in the detail area: a long finding may be cut here.
                Part(result.finding, colour=look.text, optional=True),
            ]
        )
        row.factor_cell.set_frame(
            row_fill, look.accent if selected else look.rule, thick if selected else thin
        )
        row.factor_cell.setAccessibleName(
            self.tr("{factor}: {finding} (selected)").format(
                factor=result.label, finding=result.finding
            )
            if selected
            else self.tr("{factor}: {finding}").format(factor=result.label, finding=result.finding)
        )
        wording = pack.factor(result.key)
        framework_cell = result.derived_tier if result.overridden else None
        for tier in TIER_COLUMNS:
            words = wording.tier_text(tier)
            colour = look.tier(tier)
            cell, label = row.tier_cells[tier], row.tier_labels[tier]
            if result.tier == tier:
                label.set_parts(
                    [
                        Part(
                            words,
                            colour=look.text,
                            lead=self.tr("{shape} THIS CASE").format(shape=TIER_SHAPES[tier]),
                            lead_colour=colour,
                        )
                    ]
                )
                cell.set_frame(look.tinted(colour), colour, thick)
                mark = self.tr(" — this case")
            elif framework_cell == tier:
                label.set_parts(
                    [
                        Part(
                            words,
                            colour=look.muted,
                            lead=self.tr("{shape} FRAMEWORK").format(shape=TIER_SHAPES[tier]),
                            lead_colour=colour,
                        )
                    ]
                )
                cell.set_frame(row_fill, colour, max(thin, thick // 2), dashed=True)
                mark = self.tr(" — the framework's tier")
            else:
                label.set_parts([Part(words, colour=look.muted)])
                cell.set_frame(row_fill, look.rule, thin)
                mark = ""
            cell.setAccessibleName(
                self.tr("{factor}, {tier}: {words}{mark}").format(
                    factor=result.label, tier=tier_label(tier), words=words, mark=mark
                )
            )
        colour = look.tier(result.tier)
        tier_runs = [Run(tier_text(result.tier), True, colour)]
        if result.overridden:
            tier_runs.append(Run(self.tr(" · set by hand"), False, colour))
        parts = [Part(runs=tuple(tier_runs))]
        # The claim marker before the framework's tier: the row's dashed "FRAMEWORK" cell
        # shows that tier too, unless it is unassessed or outside.
        if result.claim_status is not None:
            parts.append(Part(claim_marker(result.claim_status, pack), colour=look.text))
        # What the row may cut is shown in full in the detail area when the row is selected:
        # the reason, and the framework's tier when its own dashed cell shows it too.
        if result.overridden:
            parts.append(
                Part(
                    runs=(
                        Run(
                            self.tr("Framework: {tier}").format(
                                tier=tier_text(result.derived_tier)
                            ),
                            False,
                            look.muted,
                        ),
                    ),
                    optional=result.derived_tier in TIER_COLUMNS,
                )
            )
            parts.append(
                Part(result.reason, colour=look.text, lead=self.tr("Reason:"), optional=True)
            )
        elif result.tier not in TIER_COLUMNS:
            # Unassessed or outside: no framework cell is marked, so say why here.
            parts.append(Part(result.reason, colour=look.text, optional=True))
        row.status.set_parts(parts)
        row.status_cell.set_frame(row_fill, colour, max(thin, round(look.base_px * 0.12)))
        row.status_cell.setAccessibleName(
            self.tr("{factor}: {tier}, set by hand (the framework gives {framework})").format(
                factor=result.label,
                tier=tier_label(result.tier),
                framework=tier_label(result.derived_tier),
            )
            if result.overridden
            else self.tr("{factor}: {tier}").format(
                factor=result.label, tier=tier_label(result.tier)
            )
        )

    def _detail_parts(self, result: FactorResult, pack: EvidencePack) -> list[Part]:
        """A factor in full: what its row may have had to cut, and what its claim means."""
        look = self.look
        colour = look.tier(result.tier)
        runs = [
            Run(f"▶ {result.label}: ", True, look.accent),
            Run(result.finding, False, look.text),
            Run("  ·  ", False, look.muted),
            Run(tier_text(result.tier), True, colour),
        ]
        if result.overridden:
            runs += [
                Run(self.tr(", set by hand  ·  framework: "), True, colour),
                Run(tier_text(result.derived_tier), True, look.tier(result.derived_tier)),
            ]
            if result.derived_tier not in TIER_COLUMNS:
                # No framework cell says why: the framework's own reasoning does.
                runs.append(Run(f" ({result.derived_reason})", False, look.muted))
            runs += [
                Run(self.tr("  ·  Reason: "), True, colour),
                Run(result.reason, False, look.text),
            ]
        elif result.tier not in TIER_COLUMNS:
            runs.append(Run(f" ({result.reason})", False, look.text))
        parts = [Part(runs=tuple(runs))]
        if result.claim_status is not None:
            status = pack.claim_status_text(result.claim_status)
            parts.append(
                Part(
                    status.meaning,
                    colour=look.text,
                    lead=self.tr("Claim {status}:").format(
                        status=claim_marker(result.claim_status, pack)
                    ),
                    lead_colour=look.text,
                )
            )
        return parts

    def _rule_widths(self) -> tuple[int, int]:
        px = self.look.base_px
        return max(1, round(px * 0.06)), max(3, round(px * 0.24))

    # -- layout -------------------------------------------------------------------------

    def all_labels(self) -> list[FitLabel]:
        return [
            *self.column_headers,
            *(label for row in self.rows for label in row.labels()),
            self.detail,
        ]

    def _insets(self, px: int) -> tuple[int, int]:
        return max(2, round(px * 0.15)), max(3, round(px * 0.4))

    def _gap(self) -> int:
        return max(2, round(self.look.base_px * 0.12))

    def _column_spans(self, px: int) -> list[tuple[int, int]]:
        """(x, width) of each column at type size ``px``."""
        width = self.width()
        gap = self._gap()
        _inset_v, inset_h = self._insets(px)
        pad = 2 * inset_h + 2

        def widest(labels: list[FitLabel], parts: int) -> int:
            return max(
                (
                    _single_line(part, px)
                    for label in labels
                    for part in label.parts()[:parts]
                    if not part.optional
                ),
                default=0,
            )

        factor = widest([row.factor for row in self.rows], 1) + pad
        status = max(
            widest([row.status for row in self.rows], 3), widest([self.column_headers[-1]], 1)
        )
        status += pad
        factor = min(max(factor, round(width * FACTOR_SHARE[0])), round(width * FACTOR_SHARE[1]))
        status = min(max(status, round(width * STATUS_SHARE[0])), round(width * STATUS_SHARE[1]))
        tier = max(0, (width - factor - status - 4 * gap) // len(TIER_COLUMNS))
        widths = [factor, tier, tier, tier]
        spans, x = [], 0
        for column_width in widths:
            spans.append((x, column_width))
            x += column_width + gap
        spans.append((x, max(0, width - x)))
        return spans

    def plan(self) -> GridGeometry:
        """The grid's one size: the largest at which every row shows all of its text and
        the detail area fits; else the largest at which every row shows what only it
        shows (the rest is in the detail area); else the smallest (see the module
        docstring)."""
        plan = None
        for whole in (True, False):
            for scale in GRID_SCALES:
                plan = self._plan_at(scale, whole)
                if plan.fits:
                    return plan
        assert plan is not None
        return plan

    def _plan_at(self, scale: float, whole: bool) -> GridGeometry:
        """The layout at one size; ``fits`` when every row (all of its text, or only the
        parts not marked optional) and the detail area fit."""
        height = self.height()
        gap = self._gap()
        px = max(9, round(self.look.base_px * scale))
        spans = self._column_spans(px)
        inset_v, inset_h = self._insets(px)
        header = QtGui.QFontMetrics(_bold_font(px)).lineSpacing() + inset_v
        detail_need = self._detail_need(self.width() - 2 * inset_h, px) + 2 * inset_v
        detail = min(detail_need, round(height * DETAIL_SHARE_MAX))
        rows_need = max(
            label.natural_height(width - 2 * inset_h, base_px=px, required=not whole) + 2 * inset_v
            for row in self.rows
            for label, (_x, width) in zip(row.labels(), spans, strict=True)
        )
        room = height - header - detail - gap * (len(self.rows) + 1)
        row_height = max(0, room // len(self.rows))
        fits = rows_need <= row_height and detail_need <= detail
        return GridGeometry(px, header, row_height, detail, fits)

    def _detail_need(self, width: int, px: int) -> int:
        """The detail area's height: at least ``DETAIL_LINES`` lines whichever factor is
        selected (most factors need no more, so moving between them leaves the rows where
        they are), more when the selected factor's text needs it."""
        lines = QtGui.QFontMetrics(_bold_font(px)).lineSpacing() * DETAIL_LINES
        return max(lines, self.detail.natural_height(width, base_px=px))

    def relayout(self) -> None:
        plan = self.plan()
        self.geometry_used = plan
        inset_v, inset_h = self._insets(plan.px)
        gap = self._gap()
        for label in self.all_labels():
            label.set_base_px(plan.px)
        spans = self._column_spans(plan.px)
        for header, (x, width) in zip(self.column_headers, spans, strict=True):
            header.setGeometry(x + inset_h, 0, max(0, width - inset_h), plan.header_height)
        y = plan.header_height + gap
        for row in self.rows:
            for cell, (x, width) in zip(row.cells(), spans, strict=True):
                cell.set_inset(inset_v, inset_h)
                cell.setGeometry(x, y, width, plan.row_height)
            y += plan.row_height + gap
        self.detail_cell.set_inset(inset_v, inset_h)
        self.detail_cell.setGeometry(0, y, self.width(), max(0, self.height() - y))

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()


def _bold_font(px: int) -> QtGui.QFont:
    font = QtGui.QFont()
    font.setPixelSize(px)
    font.setBold(True)
    return font


def _single_line(part: Part, px: int) -> int:
    """How wide a part is set on one line at ``px``."""
    return _single_line_width(tuple((run.text, run.bold) for run in part.run_list()), px)


@functools.lru_cache(maxsize=2048)
def _single_line_width(runs: tuple[tuple[str, bool], ...], px: int) -> int:
    # Asked for every label at every size a layout tries (see ChecklistGrid.plan).
    width = 0
    for text, bold in runs:
        font = QtGui.QFont()
        font.setPixelSize(px)
        font.setBold(bold)
        width += QtGui.QFontMetrics(font).horizontalAdvance(text)
    return width
