"""The strip under the checklist: work-up alerts by severity, and the evidence gaps.

Left, the work-up: contraindications first, worded as something to resolve first; then
cautions, as cautions; then, when work-up values were not recorded, the assessment's own
"Not checked: … not recorded" sentence. "No work-up alerts" is said only when every check
could be made. Right, the evidence gaps; when none is flagged but a field they are raised
from is not recorded, that is said too. Each line opens with a shape and a word, never
colour alone. A recorded bilirubin is shown with its unit, in the user's preferred unit.
"""

from __future__ import annotations

from tareaid.domain.assessment import Assessment, Flag, evidence_gap_fields_not_recorded
from tareaid.domain.case import Case
from tareaid.domain.evidence import CAUTION, CONTRAINDICATION
from tareaid.domain.fields import FIELDS_BY_NAME
from tareaid.domain.units import MG_DL, format_bilirubin
from tareaid.ui.board.fit_label import FitLabel, Part
from tareaid.ui.board.look import Look
from tareaid.ui.board.marks import (
    ALL_CHECKED_SHAPE,
    GAP_SHAPE,
    NOT_CHECKED_SHAPE,
)
from tareaid.ui.i18n import translate
from tareaid.ui.qt import QtGui, QtWidgets
from tareaid.ui.vocabulary import field_label, severity_heading

# The work-up alerts' share of the strip's width is never below or above these.
WORKUP_SHARE_RANGE = (0.35, 0.65)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def alert_text(flag: Flag, case: Case, unit: str = MG_DL) -> str:
    """An alert's short name (its title when it has none), with the recorded value where
    the wall should show it: a bilirubin in the user's unit."""
    text = flag.short or flag.title
    if flag.key == "bilirubin_high" and case.bilirubin_mg_dl is not None:
        return translate("FlagsStrip", "{alert}; recorded {value}").format(
            alert=text, value=format_bilirubin(case.bilirubin_mg_dl, unit)
        )
    return text


def workup_parts(assessment: Assessment, case: Case, look: Look, unit: str = MG_DL) -> list[Part]:
    parts = []
    for severity, flags, colour in (
        (CONTRAINDICATION, assessment.contraindications, look.tier("against")),
        (CAUTION, assessment.cautions, look.tier("neutral")),
    ):
        if flags:
            parts.append(
                Part(
                    "  ·  ".join(alert_text(flag, case, unit) for flag in flags),
                    colour=look.text,
                    lead=translate("FlagsStrip", "{severity}:").format(
                        severity=severity_heading(severity, len(flags))
                    ),
                    lead_colour=colour,
                )
            )
    if assessment.not_checked:
        # The assessment's own words: "no alert" is never said for a check not done.
        parts.append(
            Part(
                assessment.not_checked,
                colour=look.text,
                lead=NOT_CHECKED_SHAPE,
                lead_colour=look.text,
            )
        )
    elif not assessment.workup_alerts:
        parts.append(
            Part(
                translate("FlagsStrip", "No work-up alerts"),
                colour=look.muted,
                lead=ALL_CHECKED_SHAPE,
            )
        )
    return parts


def gap_parts(assessment: Assessment, case: Case, look: Look) -> list[Part]:
    gaps = assessment.evidence_gaps
    if gaps:
        heading = (
            translate("FlagsStrip", "{shape} Evidence gap:")
            if len(gaps) == 1
            else translate("FlagsStrip", "{shape} Evidence gaps:")
        )
        return [
            Part(
                "  ·  ".join(flag.title for flag in gaps),
                colour=look.text,
                lead=heading.format(shape=GAP_SHAPE),
                lead_colour=look.tier("neutral"),
            )
        ]
    missing = evidence_gap_fields_not_recorded(case)
    if missing:
        names = translate("FlagsStrip", ", ").join(
            _lower_first(field_label(FIELDS_BY_NAME[name])) for name in missing
        )
        return [
            Part(
                translate("FlagsStrip", "No evidence gap flagged; not recorded: {fields}").format(
                    fields=names
                ),
                colour=look.text,
                lead=GAP_SHAPE,
            )
        ]
    return [
        Part(translate("FlagsStrip", "No evidence gaps flagged"), colour=look.muted, lead=GAP_SHAPE)
    ]


class FlagsStrip(QtWidgets.QWidget):
    """Two labels side by side: ``workup_label`` and ``gaps_label``."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flagsStrip")
        self.workup_label = FitLabel()
        self.workup_label.setObjectName("alertsLabel")
        self.workup_label.setAccessibleName(self.tr("Work-up alerts"))
        self.gaps_label = FitLabel()
        self.gaps_label.setObjectName("gapsLabel")
        self.gaps_label.setAccessibleName(self.tr("Evidence gaps"))
        for label in (self.workup_label, self.gaps_label):
            label.setParent(self)

    def show_assessment(
        self, assessment: Assessment, case: Case, look: Look, unit: str = MG_DL
    ) -> None:
        self.workup_label.set_parts(workup_parts(assessment, case, look, unit))
        self.gaps_label.set_parts(gap_parts(assessment, case, look))
        self._place()

    def clear(self) -> None:
        self.workup_label.set_parts([])
        self.gaps_label.set_parts([])

    def _widths(self, width: int, gap: int) -> tuple[int, int]:
        """The work-up as wide as its text on one line when both columns fit side by side
        (the gaps take the rest), otherwise each in proportion to its text."""
        room = max(0, width - gap)
        # A few pixels more than measured, so that the text is never wrapped by rounding.
        left = self.workup_label.natural_width() + 4
        right = self.gaps_label.natural_width() + 4
        if left + right > room:
            low, high = WORKUP_SHARE_RANGE
            share = left / (left + right) if left + right else 0.5
            left = round(room * min(high, max(low, share)))
        return left, room - left

    def needed_height(self, width: int, gap: int) -> int:
        """The height both columns need at full size in a strip this wide."""
        left, right = self._widths(width, gap)
        return max(self.workup_label.natural_height(left), self.gaps_label.natural_height(right))

    def _gap(self) -> int:
        return max(4, round(self.workup_label.base_px * 0.8))

    def _place(self) -> None:
        gap = self._gap()
        left, right = self._widths(self.width(), gap)
        self.workup_label.setGeometry(0, 0, left, self.height())
        self.gaps_label.setGeometry(left + gap, 0, right, self.height())

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()
