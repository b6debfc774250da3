"""The top of the projection: whose case, where in the agenda, and what it comes to.

The first line holds the case reference (the only identifier on the wall, in the largest
type that fits beside the rest: a 64-character reference steps down rather than pushing
anything off), the identifiers when the coordinator has revealed them, and on the right the
board date, the position in the agenda and the decision. Under it, across the full width,
the headline and the evidence context: where the case stands against the primary endpoints
of the trials for its setting. With a panel open (E, T) only the first line is shown.
"""

from __future__ import annotations

from tareaid.ui.board.fit_label import FitLabel
from tareaid.ui.board.look import Look
from tareaid.ui.qt import Qt, QtGui, QtWidgets

# The reference's sizes, largest first: the largest that fits on the first line is used.
REFERENCE_SCALES = (1.4, 1.25, 1.1, 1.0)
HEADLINE_SCALE = 1.0
CONTEXT_SCALE = 0.9
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop


class ProjectionHeader(QtWidgets.QWidget):
    """Reference, identifiers, position and decision; headline and evidence context."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.look = Look()
        self.compact = False
        self.reference_label = FitLabel(scale=REFERENCE_SCALES[0], bold=True, parent=self)
        self.reference_label.setObjectName("referenceLabel")
        self.reference_label.setAccessibleName(self.tr("Case reference"))
        self.identifiers_label = FitLabel(scale=1.0, bold=True, parent=self)
        self.identifiers_label.setObjectName("identifiersLabel")
        self.identifiers_label.hide()
        self.position_label = FitLabel(scale=1.0, bold=True, align=RIGHT, parent=self)
        self.position_label.setObjectName("positionLabel")
        self.decision_label = FitLabel(scale=0.9, bold=True, align=RIGHT, parent=self)
        self.decision_label.setObjectName("decisionLabel")
        self.decision_label.setAccessibleName(self.tr("Decision"))
        self.headline_label = FitLabel(scale=HEADLINE_SCALE, parent=self)
        self.headline_label.setObjectName("headlineLabel")
        self.headline_label.setAccessibleName(self.tr("Headline"))
        self.context_label = FitLabel(scale=CONTEXT_SCALE, parent=self)
        self.context_label.setObjectName("evidenceContextLabel")
        self.context_label.setAccessibleName(self.tr("Evidence for this setting"))

    def apply_look(self, look: Look) -> None:
        self.look = look
        self.reference_label.set_colour(look.accent)
        self.identifiers_label.set_colour(look.accent)
        self.position_label.set_colour(look.text)
        self.headline_label.set_colour(look.text)
        self.context_label.set_colour(look.muted)
        self.place()

    def set_compact(self, compact: bool) -> None:
        """Only the first line (a panel is open), or the headline and context too."""
        self.compact = compact
        self.headline_label.setVisible(not compact)
        self.context_label.setVisible(not compact)
        self.place()

    # -- measuring ----------------------------------------------------------------------

    def _gap(self) -> int:
        return max(4, round(self.look.base_px * 0.6))

    def _advance(self, label: FitLabel, scale: float) -> int:
        font = QtGui.QFont()
        font.setPixelSize(max(9, round(self.look.base_px * scale)))
        font.setBold(True)
        return QtGui.QFontMetrics(font).horizontalAdvance(label.text())

    def _right(self, width: int) -> tuple[int, int, bool]:
        """(position width, decision width, whether they are stacked on two lines): one
        line when the reference leaves room for both side by side."""
        gap = self._gap()
        position = self._advance(self.position_label, self.position_label.scale) + 2
        decision = self._advance(self.decision_label, self.decision_label.scale) + 2
        reference = self._advance(self.reference_label, REFERENCE_SCALES[0]) + 2
        if reference + position + decision + 2 * gap <= width and not self._identifiers_width(
            width
        ):
            return position, decision, False
        side = min(max(position, decision), round(width * 0.45))
        return side, side, True

    def _identifiers_width(self, width: int) -> int:
        if not (self.identifiers_label.isVisibleTo(self) and self.identifiers_label.text()):
            return 0
        return min(
            self._advance(self.identifiers_label, self.identifiers_label.scale) + 2,
            round(width * 0.35),
        )

    def _first_line(self, width: int) -> tuple[float, int, int, int]:
        """(reference scale, reference width, identifiers width, right-hand width)."""
        gap = self._gap()
        position, decision, stacked = self._right(width)
        right = position if stacked else position + gap + decision
        identifiers = self._identifiers_width(width)
        room = max(0, width - right - gap - (identifiers + gap if identifiers else 0))
        for scale in REFERENCE_SCALES:
            need = self._advance(self.reference_label, scale) + 2
            if need <= room:
                return scale, need, max(0, width - right - need - 2 * gap), right
        return REFERENCE_SCALES[-1], room, identifiers, right

    def _first_line_height(self, width: int) -> int:
        scale, ref_width, _ids, _right = self._first_line(width)
        self._set_scale(self.reference_label, scale)
        reference = self.reference_label.natural_height(ref_width)
        position, decision, stacked = self._right(width)
        right_side = self.position_label.natural_height(position)
        if stacked:
            right_side += self.decision_label.natural_height(decision)
        return max(reference, right_side)

    def needed_height(self, width: int) -> int:
        height = self._first_line_height(width)
        if not self.compact:
            gap = round(self._gap() * 0.4)
            height += gap + self.headline_label.natural_height(width)
            if self.context_label.text():
                height += gap + self.context_label.natural_height(width)
        return height

    def _set_scale(self, label: FitLabel, scale: float) -> None:
        if label.scale != scale:
            label.scale = scale
            label.apply_look(self.look)

    # -- placing ------------------------------------------------------------------------

    def place(self) -> None:
        width = self.width()
        gap = self._gap()
        for label in self.findChildren(FitLabel):
            label.apply_look(self.look)
        scale, ref_width, ids_width, _right = self._first_line(width)
        self._set_scale(self.reference_label, scale)
        first = self._first_line_height(width)
        self.reference_label.setGeometry(0, 0, ref_width, first)
        self.identifiers_label.setGeometry(ref_width + gap, 0, ids_width, first)
        position_width, decision_width, stacked = self._right(width)
        position = self.position_label.natural_height(position_width)
        self.position_label.setGeometry(width - position_width, 0, position_width, position)
        if stacked:
            self.decision_label.setGeometry(
                width - decision_width, position, decision_width, first - position
            )
        else:
            # Beside the position, on the reference's line; bottom-aligned with it.
            x = width - position_width - gap - decision_width
            self.decision_label.setGeometry(x, 0, decision_width, position)
        y = first + round(gap * 0.4)
        headline = self.headline_label.natural_height(width)
        self.headline_label.setGeometry(0, y, width, headline)
        y += headline + round(gap * 0.4)
        self.context_label.setGeometry(0, y, width, max(0, self.height() - y))

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self.place()
