"""The trial-population panel (T): does this patient resemble the patients of each trial?

One column per trial (SIRFLOX, FOXFIRE, FOXFIRE-Global, EPOCH): the trial and its setting,
its summary sentence from the assessment ("Resembles the SIRFLOX population on 11 of 14
criteria; …"), every criterion with its status by shape and word (met, not met, unknown, in
the pack's words) and the criteria that are not checkable. It is about the applicability of
the evidence, not eligibility, and it is not a seventh factor: nothing here changes the
checklist, its counts or the headline.

All of it in one type size, the largest at which every column fits.
"""

from __future__ import annotations

from tareaid.domain.assessment import Assessment
from tareaid.domain.evidence import EvidencePack
from tareaid.domain.populations import POPULATION_KEYS
from tareaid.domain.trials import TrialFit
from tareaid.ui.board.fit_label import FitLabel, Part
from tareaid.ui.board.look import Cell, Look
from tareaid.ui.board.marks import NOT_CHECKABLE_SHAPE, criterion_marker
from tareaid.ui.board.text_table import fixed_label, insets, pick_px
from tareaid.ui.i18n import QT_TRANSLATE_NOOP, evidence_note, translate
from tareaid.ui.qt import QtGui, QtWidgets

# A trial's column is never narrower than this share of the page.
COLUMN_SHARE_MIN = 0.17
# Translated where it is shown (context "TrialsPanel").
TITLE = QT_TRANSLATE_NOOP(
    "TrialsPanel",
    "Does this patient resemble the patients each trial enrolled? About how far the "
    "evidence applies, not eligibility.",
)


class TrialsPanel(QtWidgets.QWidget):
    """The T page of the projection: a title and one column per trial."""

    def __init__(self, pack: EvidencePack, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trialsPanel")
        self.setAccessibleName(self.tr("Trial populations"))
        self.pack = pack
        self.look = Look()
        self.page_px = self.look.base_px
        self.fits = True
        self.title_label = fixed_label()
        self.title_label.setParent(self)
        self.title_label.setObjectName("trialsTitle")
        self.columns: dict[str, tuple[Cell, FitLabel]] = {}
        for key in POPULATION_KEYS:
            cell = Cell(self)
            label = fixed_label()
            label.setObjectName(f"trial_{key}")
            cell.box.addWidget(label)
            self.columns[key] = (cell, label)

    def labels(self) -> list[FitLabel]:
        return [self.title_label, *(label for _cell, label in self.columns.values())]

    def column_label(self, key: str) -> FitLabel:
        return self.columns[key][1]

    # -- content ------------------------------------------------------------------------

    def show_assessment(self, assessment: Assessment, look: Look) -> None:
        self.look = look
        title = translate("TrialsPanel", TITLE)
        note = evidence_note()
        self.title_label.set_parts(
            [
                Part(
                    f"{title} {note}" if note else title,
                    colour=look.text,
                    lead=self.tr("Trial populations:"),
                    lead_colour=look.accent,
                )
            ]
        )
        for fit in assessment.trials:
            cell, label = self.columns[fit.key]
            label.set_parts(self._column_parts(fit))
            cell.setAccessibleName(fit.summary)
        self.relayout()

    def _column_parts(self, fit: TrialFit) -> list[Part]:
        look = self.look
        colours = {
            "met": look.tier("favours"),
            "not_met": look.tier("against"),
            "unknown": look.muted,
        }
        parts = [
            Part(fit.setting, colour=look.muted, lead=fit.name, lead_colour=look.accent),
            Part(fit.summary, colour=look.text),
        ]
        first = True
        for criterion in fit.criteria:
            parts.append(
                Part(
                    criterion.short,
                    colour=look.text,
                    lead=criterion_marker(criterion.status, self.pack),
                    lead_colour=colours[criterion.status],
                    spaced=first,
                )
            )
            first = False
        items = [item.item for item in self.pack.population(fit.key).not_checkable]
        if items:
            parts.append(
                Part(
                    "; ".join(items),
                    colour=look.muted,
                    lead=self.tr("{shape} Not checkable:").format(shape=NOT_CHECKABLE_SHAPE),
                    lead_colour=look.muted,
                )
            )
        return parts

    # -- layout -------------------------------------------------------------------------

    def _gap(self, px: int) -> int:
        return max(3, round(px * 0.35))

    def _column_widths(self, px: int) -> list[int]:
        """Equal columns, unless one needs much more height than another: then each gets
        width in proportion to the height it needs at equal widths (never below
        ``COLUMN_SHARE_MIN`` of the page), which evens out their heights."""
        gap = self._gap(px)
        room = max(0, self.width() - gap * (len(self.columns) - 1))
        _inset_v, inset_h = insets(px)
        equal = room // len(self.columns)
        heights = [
            label.natural_height(equal - 2 * inset_h, base_px=px)
            for _cell, label in self.columns.values()
        ]
        if not room or max(heights) <= 1.15 * min(heights):
            return [equal] * len(self.columns)
        least = round(room * COLUMN_SHARE_MIN)
        total = sum(heights)
        widths = [max(least, round(room * h / total)) for h in heights]
        # Give back what the smallest columns took beyond their share, from the widest.
        widths[widths.index(max(widths))] -= sum(widths) - room
        return widths

    def _needed(self, px: int) -> int:
        inset_v, inset_h = insets(px)
        title = self.title_label.natural_height(self.width(), base_px=px)
        column = max(
            label.natural_height(width - 2 * inset_h, base_px=px)
            for width, (_cell, label) in zip(
                self._column_widths(px), self.columns.values(), strict=True
            )
        )
        return title + self._gap(px) + column + 2 * inset_v

    def relayout(self) -> None:
        px, self.fits = pick_px(self.look.base_px, self._needed, self.height())
        self.page_px = px
        gap = self._gap(px)
        inset_v, inset_h = insets(px)
        self.title_label.set_base_px(px)
        title = self.title_label.natural_height(self.width(), base_px=px)
        self.title_label.setGeometry(0, 0, self.width(), title)
        top = title + gap
        thin = max(1, round(self.look.base_px * 0.06))
        x = 0
        for width, (cell, label) in zip(
            self._column_widths(px), self.columns.values(), strict=True
        ):
            label.set_base_px(px)
            cell.set_inset(inset_v, inset_h)
            cell.set_frame(None, self.look.rule, thin)
            cell.setGeometry(x, top, width, max(0, self.height() - top))
            x += width + gap

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()
