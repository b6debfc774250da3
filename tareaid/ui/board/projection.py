"""The projection view: one case's checklist on the wall, run from the keyboard.

This module owns the full-screen window shown on the projector during a tumour board. It
reads everything from a :class:`BoardSession` (the case, its assessment, the evidence pack)
and writes only through it (overrides, decisions), so the editing service's rules (the
version read, the amend reason of a finalised case, the reason for a tier set by hand)
apply as they do in the case editor.

The wall follows the editing service's change notices: a case changed in the main window,
in the agenda window or by another client is shown again as it is now stored. Its own
changes it has shown already, and skips.

Only the case reference identifies the patient. Name, MRN and date of birth are not put in
any widget, not even hidden ones, until the coordinator presses I and confirms; they are
removed again as soon as another case is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from tareaid.app.board import BoardSession
from tareaid.app.changes import ChangeNotice
from tareaid.app.editing import CaseState
from tareaid.app.key_evidence import trial_groups
from tareaid.domain.case import Case
from tareaid.domain.fields import (
    DECISION_OUTCOME_LABELS,
    FACTOR_KEYS,
    OVERRIDE_TIERS,
    TIER_LABELS,
)
from tareaid.errors import TareaidError
from tareaid.store.errors import CaseLockedError, StaleEditError
from tareaid.ui.board import prompts
from tareaid.ui.board.decision_panel import DecisionPanel
from tareaid.ui.board.look import Cell, FitLabel, Look, Part
from tareaid.ui.changes import ChangeBridge
from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from tareaid.ui.tiers import tier_text

KEY_HINTS = (
    "← → case  ·  ↑ ↓ factor  ·  1 / 2 / 3 set tier  ·  0 clear override  ·  "
    "E evidence  ·  D decision  ·  I identifiers  ·  Esc leave"
)
EVIDENCE_HINTS = "E or Esc back to the checklist  ·  ← → case  ·  D decision  ·  I identifiers"

# Grid columns: the factor, the framework's three tiers, and this case's status.
_COLUMN_STRETCH = (18, 18, 18, 18, 28)
_EVIDENCE_STRETCH = (27, 17, 27, 29)
_TIER_COLUMNS = OVERRIDE_TIERS  # favours, neutral, against
_MESSAGE_MS = 6000


def identifier_text(case: Case) -> str:
    """The identifying fields of a case on one line ('' when none is recorded)."""
    parts = []
    if case.patient_name:
        parts.append(case.patient_name)
    if case.mrn:
        parts.append(f"MRN {case.mrn}")
    if case.date_of_birth:
        parts.append(f"born {case.date_of_birth.isoformat()}")
    return "  ·  ".join(parts)


class _FactorRow:
    """The cells of one factor's row in the grid, each holding one fitted label."""

    def __init__(self, parent: QtWidgets.QWidget) -> None:
        self.factor_cell, self.factor = _cell(parent)
        self.tier_cells: dict[str, Cell] = {}
        self.tier_labels: dict[str, FitLabel] = {}
        for tier in _TIER_COLUMNS:
            self.tier_cells[tier], self.tier_labels[tier] = _cell(parent)
        self.status_cell, self.status = _cell(parent)

    def cells(self) -> list[Cell]:
        return [self.factor_cell, *self.tier_cells.values(), self.status_cell]


def _cell(parent: QtWidgets.QWidget) -> tuple[Cell, FitLabel]:
    cell = Cell(parent)
    label = FitLabel()
    cell.box.addWidget(label)
    return cell, label


class ProjectionWindow(QtWidgets.QWidget):
    """The full-screen board view of the session's current case.

    Signals:
        case_shown(str): a case was put on the wall (its reference).
        identifiers_revealed(str): the coordinator showed the identifiers of a case.
        left(): the coordinator left the projection (Esc or the window was closed).
    """

    case_shown = Signal(str)
    identifiers_revealed = Signal(str)
    left = Signal()

    def __init__(
        self,
        session: BoardSession,
        *,
        changes: ChangeBridge | None = None,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        # The agenda window shares its bridge; on its own, the projection has one.
        self.changes = changes or ChangeBridge(session.editing.notifier, self)
        self.changes.published.connect(self._on_changes_published)
        self.look = Look()
        self.factor_index = 0
        self.evidence_visible = False
        self._revealed_reference: str | None = None
        self._current: CaseState | None = None
        self._left_emitted = False
        self.setObjectName("projectionWindow")
        self.setWindowTitle(f"TAREaid — tumour board {session.board_date.isoformat()}")
        self.setAccessibleName("Tumour board projection")
        self.setPalette(self.look.palette)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._message_timer = QtCore.QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self._on_message_timeout)
        self._build()
        self._apply_look()
        self.refresh()

    # -- building -----------------------------------------------------------------------

    def _build(self) -> None:
        root = QtWidgets.QVBoxLayout(self)
        self._root = root

        self.header = QtWidgets.QWidget(self)
        header = QtWidgets.QGridLayout(self.header)
        header.setContentsMargins(0, 0, 0, 0)
        self.reference_label = FitLabel(scale=2.0, bold=True)
        self.reference_label.setObjectName("referenceLabel")
        self.reference_label.setAccessibleName("Case reference")
        self.identifiers_label = FitLabel(scale=1.15, bold=True)
        self.identifiers_label.setObjectName("identifiersLabel")
        self.identifiers_label.hide()
        self.position_label = FitLabel(
            scale=1.1, bold=True, align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        )
        self.position_label.setObjectName("positionLabel")
        self.headline_label = FitLabel(scale=1.05)
        self.headline_label.setObjectName("headlineLabel")
        self.headline_label.setAccessibleName("Headline")
        self.decision_label = FitLabel(
            scale=1.0, bold=True, align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        )
        self.decision_label.setObjectName("decisionLabel")
        self.decision_label.setAccessibleName("Decision")
        header.addWidget(self.reference_label, 0, 0)
        header.addWidget(self.identifiers_label, 0, 1)
        header.addWidget(self.position_label, 0, 2)
        header.addWidget(self.headline_label, 1, 0, 1, 2)
        header.addWidget(self.decision_label, 1, 2)
        header.setColumnStretch(0, 30)
        header.setColumnStretch(1, 40)
        header.setColumnStretch(2, 30)
        header.setRowStretch(1, 1)
        self._header = header
        root.addWidget(self.header)

        self.stack = QtWidgets.QStackedWidget(self)
        self.stack.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Ignored
        )
        self.grid_page = self._build_grid()
        self.evidence_page = self._build_evidence()
        self.empty_page = FitLabel(scale=1.3, align=Qt.AlignmentFlag.AlignCenter, parent=self)
        self.stack.addWidget(self.grid_page)
        self.stack.addWidget(self.evidence_page)
        self.stack.addWidget(self.empty_page)
        root.addWidget(self.stack, 1)

        self.strip = QtWidgets.QWidget(self)
        strip = QtWidgets.QVBoxLayout(self.strip)
        strip.setContentsMargins(0, 0, 0, 0)
        strip.setSpacing(0)
        self.alerts_label = FitLabel(scale=1.0, bold=True)
        self.alerts_label.setObjectName("alertsLabel")
        self.alerts_label.setAccessibleName("Work-up alerts")
        self.gaps_label = FitLabel(scale=1.0, bold=True)
        self.gaps_label.setObjectName("gapsLabel")
        self.gaps_label.setAccessibleName("Evidence gaps")
        strip.addWidget(self.alerts_label, 1)
        strip.addWidget(self.gaps_label, 1)
        root.addWidget(self.strip)

        self.footer = QtWidgets.QWidget(self)
        footer = QtWidgets.QHBoxLayout(self.footer)
        footer.setContentsMargins(0, 0, 0, 0)
        self.hint_label = FitLabel(
            KEY_HINTS, scale=0.9, align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.hint_label.setObjectName("keyHints")
        self.hint_label.setAccessibleName("Keys")
        self.message_label = FitLabel(
            scale=0.9,
            bold=True,
            align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        )
        self.message_label.setObjectName("messageLabel")
        self.message_label.setAccessibleName("Last action")
        footer.addWidget(self.hint_label, 64)
        footer.addWidget(self.message_label, 36)
        root.addWidget(self.footer)

    def _build_grid(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget(self)
        page.installEventFilter(self)
        page.setObjectName("checklistGrid")
        page.setAccessibleName("Selection framework checklist")
        grid = QtWidgets.QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        self._grid = grid
        self.column_headers: list[FitLabel] = []
        titles = ["Factor", *(tier_text(t) for t in _TIER_COLUMNS), "This case"]
        for column, title in enumerate(titles):
            label = FitLabel(
                title,
                scale=1.0,
                bold=True,
                align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            )
            self.column_headers.append(label)
            grid.addWidget(label, 0, column)
            grid.setColumnStretch(column, _COLUMN_STRETCH[column])
        self.rows: list[_FactorRow] = []
        for index, _key in enumerate(FACTOR_KEYS):
            row = _FactorRow(page)
            for column, cell in enumerate(row.cells()):
                grid.addWidget(cell, index + 1, column)
            grid.setRowStretch(index + 1, 1)
            self.rows.append(row)
        return page

    def _build_evidence(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget(self)
        page.setObjectName("evidencePanel")
        page.setAccessibleName("Key trial evidence")
        layout = QtWidgets.QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        table = QtWidgets.QWidget(page)
        self._evidence_table = table
        table.installEventFilter(self)
        grid = QtWidgets.QGridLayout(table)
        grid.setContentsMargins(0, 0, 0, 0)
        self._evidence_grid = grid
        headers = ("Endpoint", "TARE vs no TARE", "Effect", "How to read it")
        self.evidence_headers: list[FitLabel] = []
        for column, title in enumerate(headers):
            label = FitLabel(
                title,
                bold=True,
                align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            )
            self.evidence_headers.append(label)
            grid.addWidget(label, 0, column)
            grid.setColumnStretch(column, _EVIDENCE_STRETCH[column])
        # (cell, label, kind, texts): painted in _paint_evidence from the look.
        self._evidence_cells: list[tuple[Cell, FitLabel, str, tuple[str, ...]]] = []
        row_index = 1
        for group in trial_groups(self.session.pack):
            cell, label = _cell(table)
            grid.addWidget(cell, row_index, 0, 1, len(headers))
            self._evidence_cells.append(
                (cell, label, "heading", (f"{group.heading} — {group.population}", group.citation))
            )
            row_index += 1
            for row in group.rows:
                texts = (
                    (row.endpoint, row.population),
                    (row.values,),
                    (row.effect,),
                    (row.reading,),
                )
                kind = "subgroup" if row.population.startswith("Subgroup") else "figure"
                for column, words in enumerate(texts):
                    cell, label = _cell(table)
                    cell.setProperty("figure_key", row.key)
                    grid.addWidget(cell, row_index, column)
                    self._evidence_cells.append((cell, label, f"{kind}:{column}", words))
                row_index += 1
        layout.addWidget(table, 1)
        return page

    # -- look ---------------------------------------------------------------------------

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        self.look.set_height(self.height())
        self._apply_look()
        super().resizeEvent(event)

    def _apply_look(self) -> None:
        look = self.look
        px = look.base_px
        margin = round(px * 0.7)
        self._root.setContentsMargins(margin, round(px * 0.4), margin, round(px * 0.3))
        self._root.setSpacing(round(px * 0.35))
        for label in self.findChildren(FitLabel):
            label.apply_look(look)
        line = QtGui.QFontMetrics(look.font(1.0)).lineSpacing()
        # The header: one line of the reference (the largest type), then two of headline.
        reference_line = QtGui.QFontMetrics(look.font(self.reference_label.scale)).lineSpacing()
        headline_line = QtGui.QFontMetrics(look.font(self.headline_label.scale)).lineSpacing()
        self._header.setRowMinimumHeight(0, reference_line)
        self._header_heights = (
            reference_line + round(px * 0.2),
            reference_line + 2 * headline_line + round(px * 0.3),
        )
        self._strip_heights = (round(line * 1.1), round(line * 2.1))
        self.footer.setFixedHeight(round(line * 1.15))
        hints_width = QtGui.QFontMetrics(look.font(self.hint_label.scale)).horizontalAdvance(
            KEY_HINTS
        )
        self.hint_label.setMinimumWidth(min(hints_width + px, max(0, self.width() - 2 * margin)))
        gap = max(2, round(px * 0.18))
        inset_v, inset_h = max(2, round(px * 0.3)), max(3, round(px * 0.45))
        for cell in self.findChildren(Cell):
            cell.set_inset(inset_v, inset_h)
        # The evidence table has twice the rows of the checklist: tighter boxes.
        for cell, _label, _kind, _texts in self._evidence_cells:
            cell.set_inset(max(1, round(px * 0.15)), inset_h)
        for grid in (self._grid, self._evidence_grid):
            grid.setHorizontalSpacing(gap)
            grid.setVerticalSpacing(gap)
        self._grid.setRowMinimumHeight(0, round(line * 1.3))
        self._evidence_grid.setRowMinimumHeight(0, round(line * 1.15))
        for header in (*self.column_headers, *self.evidence_headers):
            header.set_colour(look.accent)
        self.hint_label.set_colour(look.text)
        self.message_label.set_colour(look.accent)
        self.reference_label.set_colour(look.accent)
        self._paint_evidence()
        self._paint_current()

    def _paint_evidence(self) -> None:
        look = self.look
        thin = max(1, round(look.base_px * 0.06))
        for cell, label, kind, texts in self._evidence_cells:
            if kind == "heading":
                heading, citation = texts
                label.set_parts(
                    [Part(heading, 1.0, True, look.accent), Part(citation, 0.9, False, look.muted)]
                )
                cell.set_frame(None, None, 0)
                continue
            row_kind, column = kind.split(":")
            subgroup = row_kind == "subgroup"
            if column == "0":
                endpoint, population = texts
                label.set_parts(
                    [Part(endpoint, 0.9, True, look.text), Part(population, 0.9, False, look.muted)]
                )
            else:
                label.set_parts([Part(texts[0], 0.9, column == "1", look.text)])
            cell.set_frame(look.row_fill if subgroup else None, look.rule, thin)
        self._stretch_evidence_rows()

    def _evidence_order(self) -> list[str]:
        """The figure keys of the evidence panel, top to bottom."""
        keys: list[str] = []
        for cell, _label, _kind, _texts in self._evidence_cells:
            key = cell.property("figure_key")
            if key and key not in keys:
                keys.append(key)
        return keys

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        # The tables share their height out again whenever it changes (a new screen, the
        # header growing or shrinking when the evidence panel opens).
        if event.type() == QtCore.QEvent.Type.Resize:
            if watched is getattr(self, "grid_page", None) and self._current is not None:
                self._stretch_grid_rows()
            elif watched is getattr(self, "_evidence_table", None) and hasattr(
                self, "_evidence_cells"
            ):
                self._stretch_evidence_rows()
        return super().eventFilter(watched, event)

    def _stretch_evidence_rows(self) -> None:
        cells = [(cell, label) for cell, label, _kind, _texts in self._evidence_cells]
        self._stretch_rows(self._evidence_grid, _EVIDENCE_STRETCH, cells)

    def _stretch_grid_rows(self) -> None:
        cells = [(cell, cell.findChild(FitLabel)) for row in self.rows for cell in row.cells()]
        self._stretch_rows(self._grid, _COLUMN_STRETCH, cells, selected=self.factor_index + 1)

    def _stretch_rows(
        self,
        grid: QtWidgets.QGridLayout,
        stretch: tuple[int, ...],
        cells: list[tuple[Cell, FitLabel]],
        *,
        selected: int | None = None,
    ) -> None:
        """Share a table's height by how much each row's text needs.

        Every row is given at least the height its text needs at the smallest allowed size
        (the factor under discussion: at full size, up to 40% of the table), and the rest
        is shared in proportion to what the rows need at full size. Only when even the
        smallest sizes do not fit are all rows shortened alike, and the labels elide.
        """
        table = grid.parentWidget()
        width = table.width()
        total = sum(stretch)
        spacing = grid.horizontalSpacing()
        full: dict[int, int] = {}
        least: dict[int, int] = {}
        for cell, label in cells:
            row, column, _rows, columns = grid.getItemPosition(grid.indexOf(cell))
            share = sum(stretch[column : column + columns]) / total
            inset = cell.box.contentsMargins()
            text_width = round(width * share) - spacing - inset.left() - inset.right()
            frame = inset.top() + inset.bottom()
            full[row] = max(full.get(row, 0), label.natural_height(text_width) + frame)
            smallest = label.natural_height(text_width, smallest=True) + frame
            least[row] = max(least.get(row, 0), smallest)
        rows = sorted(full)
        room = table.height() - grid.rowMinimumHeight(0) - grid.verticalSpacing() * len(rows)
        heights = share_out(
            room,
            [full[r] for r in rows],
            [least[r] for r in rows],
            (rows.index(selected) if selected in rows else None),
        )
        for row, height in zip(rows, heights, strict=True):
            grid.setRowMinimumHeight(row, height)
            grid.setRowStretch(row, 1)

    # -- showing a case -----------------------------------------------------------------

    def show_on(self, screen: QtGui.QScreen | None) -> None:
        """Full screen on ``screen`` (the projector), or on this window's screen."""
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def refresh(self) -> None:
        """Read the current case again and show it."""
        reference = self.session.current_reference
        if reference != self._revealed_reference:
            self._hide_identifiers()
        self._current = self.session.current(refresh=True)
        self._paint_current()
        if self._current is not None:
            self.case_shown.emit(self._current.reference)

    def _paint_current(self) -> None:
        current = self._current
        session = self.session
        look = self.look
        self.position_label.setText(
            f"Board {session.board_date.isoformat()}  ·  {session.position_text()}"
        )
        self.position_label.set_colour(look.text)
        if current is None:
            self.reference_label.setText("No cases")
            self.headline_label.setText("")
            self.decision_label.setText("")
            self.empty_page.setText(
                f"No cases on the agenda of the board of {session.board_date.isoformat()}.\n"
                "Add cases in the agenda window, then start the projection again."
            )
            self.empty_page.set_colour(look.text)
            self.stack.setCurrentWidget(self.empty_page)
            self.alerts_label.setText("")
            self.gaps_label.setText("")
            return
        case, assessment = current.case, current.assessment
        self.reference_label.setText(case.reference)
        self.headline_label.setText(assessment.headline)
        self.headline_label.set_colour(look.text)
        decision = case.decision
        if decision is None:
            self.decision_label.setText("No decision recorded")
            self.decision_label.set_colour(look.muted)
        else:
            state = "■ Finalised (locked)" if decision.finalised else "□ Draft"
            self.decision_label.setText(
                f"Decision: {DECISION_OUTCOME_LABELS[decision.outcome]}  ·  {state}"
            )
            self.decision_label.set_colour(look.accent if decision.finalised else look.text)
        evidence = self.evidence_visible
        self.stack.setCurrentWidget(self.evidence_page if evidence else self.grid_page)
        # The evidence is the same for every case: it gets the room of the headline and
        # the case's flags, and the header keeps only the reference and position.
        self.strip.setVisible(not evidence)
        self.headline_label.setVisible(not evidence)
        self.decision_label.setVisible(not evidence)
        self.header.setFixedHeight(self._header_heights[1 if not evidence else 0])
        self.hint_label.setText(EVIDENCE_HINTS if evidence else KEY_HINTS)
        self._paint_grid()
        self._paint_strip()

    def _paint_grid(self) -> None:
        assert self._current is not None
        look = self.look
        px = look.base_px
        thin = max(1, round(px * 0.06))
        thick = max(3, round(px * 0.24))
        pack = self.session.pack
        for index, (key, row) in enumerate(zip(FACTOR_KEYS, self.rows, strict=True)):
            result = self._current.assessment.factor(key)
            wording = pack.factor(key)
            selected = index == self.factor_index
            row_fill = look.row_fill if selected else None
            row.factor.set_parts(
                [
                    Part(
                        ("▶ " if selected else "") + result.label,
                        1.05,
                        True,
                        look.accent if selected else look.text,
                    ),
                    Part(result.finding, 0.95, False, look.text),
                ]
            )
            row.factor_cell.set_frame(
                row_fill, look.accent if selected else look.rule, thick if selected else thin
            )
            row.factor_cell.setAccessibleName(
                f"{result.label}: {result.finding}" + (" (selected)" if selected else "")
            )
            for tier in _TIER_COLUMNS:
                marked = result.tier == tier
                cell = row.tier_cells[tier]
                words = getattr(wording, tier)
                colour = look.tier(tier)
                if marked:
                    row.tier_labels[tier].set_parts(
                        [
                            Part(f"{tier_text(tier).split(' ')[0]} THIS CASE", 0.9, True, colour),
                            Part(words, 1.0, False, look.text),
                        ]
                    )
                    cell.set_frame(look.tinted(colour), colour, thick)
                else:
                    row.tier_labels[tier].set_parts([Part(words, 1.0, False, look.muted)])
                    cell.set_frame(row_fill, look.rule, thin)
                cell.setAccessibleName(
                    f"{result.label}, {TIER_LABELS[tier]}: {words}"
                    + (" — this case" if marked else "")
                )
            colour = look.tier(result.tier)
            parts = [
                Part(
                    tier_text(result.tier) + ("  · set by hand" if result.overridden else ""),
                    1.05,
                    True,
                    colour,
                )
            ]
            if result.overridden:
                parts.append(Part(f"Reason: {result.reason}", 0.95, False, look.text))
                if selected:  # what the framework would say, for the factor being discussed
                    parts.append(
                        Part(f"Framework: {tier_text(result.derived_tier)}", 0.9, False, look.muted)
                    )
            elif result.reason.strip() != result.finding.strip():
                parts.append(Part(result.reason, 0.95, False, look.text))
            row.status.set_parts(parts)
            row.status_cell.set_frame(row_fill, colour, max(thin, round(px * 0.12)))
            row.status_cell.setAccessibleName(
                f"{result.label}: {TIER_LABELS[result.tier]}"
                + (", set by hand" if result.overridden else "")
            )
        self._stretch_grid_rows()

    def _paint_strip(self) -> None:
        assert self._current is not None
        look = self.look
        assessment = self._current.assessment
        if assessment.workup_alerts:
            titles = "  ·  ".join(flag.title for flag in assessment.workup_alerts)
            self.alerts_label.setText(f"⚠ Work-up alerts: {titles}")
            self.alerts_label.set_colour(look.tier("against"))
        else:
            self.alerts_label.setText("✓ No work-up alerts")
            self.alerts_label.set_colour(look.muted)
        if assessment.evidence_gaps:
            titles = "  ·  ".join(flag.title for flag in assessment.evidence_gaps)
            self.gaps_label.setText(f"◇ Evidence gaps: {titles}")
            self.gaps_label.set_colour(look.tier("neutral"))
        else:
            self.gaps_label.setText("No evidence gaps flagged")
            self.gaps_label.set_colour(look.muted)
        # Nothing flagged: one quiet line, and the room goes to the checklist.
        quiet = not assessment.workup_alerts and not assessment.evidence_gaps
        if quiet:
            self.alerts_label.setText("✓ No work-up alerts  ·  no evidence gaps flagged")
        self.gaps_label.setVisible(not quiet)
        self.strip.setFixedHeight(self._strip_heights[0 if quiet else 1])

    def show_message(self, text: str) -> None:
        """A short note in the footer about what just happened (or did not)."""
        self.message_label.setText(text)
        self._message_timer.start(_MESSAGE_MS)

    def _on_message_timeout(self) -> None:
        self.message_label.setText("")

    # -- identifiers --------------------------------------------------------------------

    def _hide_identifiers(self) -> None:
        self._revealed_reference = None
        self.identifiers_label.setText("")
        self.identifiers_label.setAccessibleName("")
        self.identifiers_label.hide()

    def toggle_identifiers(self) -> None:
        """Show the current case's identifiers after a confirmation, or hide them."""
        if self._current is None:
            return
        if self._revealed_reference is not None:
            self._hide_identifiers()
            self.show_message("Identifiers hidden")
            return
        reference = self._current.reference
        if not prompts.confirm(
            self,
            "Show identifiers",
            f"Show the patient's name, MRN and date of birth for {reference} on the "
            "projected screen? They are hidden again when you move to another case.",
            ok_label="&Show identifiers",
            look=self.look,
        ):
            return
        text = identifier_text(self._current.case)
        if not text:
            self.show_message("No identifiers are recorded for this case")
            return
        self._revealed_reference = reference
        self.identifiers_label.setText(text)
        self.identifiers_label.set_colour(self.look.accent)
        self.identifiers_label.show()
        self.identifiers_revealed.emit(reference)

    # -- keyboard -----------------------------------------------------------------------

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            super().keyPressEvent(event)
            return
        text = event.text()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self.next_case()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.previous_case()
        elif key == Qt.Key.Key_Home:
            self.go_to_case(0)
        elif key == Qt.Key.Key_End:
            self.go_to_case(len(self.session) - 1)
        elif key == Qt.Key.Key_Down:
            self.select_factor(self.factor_index + 1)
        elif key == Qt.Key.Key_Up:
            self.select_factor(self.factor_index - 1)
        elif text in ("1", "2", "3"):
            self.set_tier(OVERRIDE_TIERS[int(text) - 1])
        elif text == "0":
            self.clear_override()
        elif key == Qt.Key.Key_E:
            self.toggle_evidence()
        elif key == Qt.Key.Key_D:
            self.open_decision_panel()
        elif key == Qt.Key.Key_I:
            self.toggle_identifiers()
        elif key == Qt.Key.Key_Escape:
            if self.evidence_visible:
                self.toggle_evidence()
            else:
                self.close()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- actions ------------------------------------------------------------------------

    def next_case(self) -> None:
        if self.session.next():
            self.refresh()
        else:
            self.show_message("This is the last case of the agenda")

    def previous_case(self) -> None:
        if self.session.previous():
            self.refresh()
        else:
            self.show_message("This is the first case of the agenda")

    def go_to_case(self, index: int) -> None:
        if index != self.session.index and self.session.go_to(index):
            self.refresh()

    def select_factor(self, index: int) -> None:
        self.factor_index = max(0, min(len(FACTOR_KEYS) - 1, index))
        if self._current is not None and not self.evidence_visible:
            self._paint_grid()

    @property
    def selected_factor(self) -> str:
        return FACTOR_KEYS[self.factor_index]

    def toggle_evidence(self) -> None:
        self.evidence_visible = not self.evidence_visible
        self._paint_current()

    def _amend_reason_if_locked(self, current: CaseState) -> tuple[bool, str | None]:
        """(go on, amend reason): a finalised case needs a reason before any change."""
        if not self.session.editing.needs_amend_reason(current.case):
            return True, None
        reason = prompts.ask_amend_reason(self, current.reference, look=self.look)
        if reason is None:
            self.show_message(f"{current.reference} is finalised: nothing changed")
            return False, None
        return True, reason

    def set_tier(self, tier: str) -> None:
        """Set the selected factor's tier by hand, asking for the reason."""
        current = self._current
        if current is None or self.evidence_visible:
            return
        # The change is made to the case as the room saw it: if it is changed elsewhere
        # while the question is open, the change is refused, not made to a case unseen.
        seen = current.version
        key = self.selected_factor
        result = current.assessment.factor(key)
        go_on, amend = self._amend_reason_if_locked(current)
        if not go_on:
            return
        existing = current.case.overrides.get(key)
        reason = prompts.ask_reason(
            self,
            f"{result.label}: {TIER_LABELS[tier]}",
            f"Set “{result.label}” to {tier_text(tier)} for {current.reference}. "
            f"The framework gives {tier_text(result.derived_tier)}. Why? "
            "(Kept with the case and in the audit trail.)",
            initial=existing.reason if existing is not None and existing.tier == tier else "",
            look=self.look,
        )
        if reason is None:
            self.show_message("Tier unchanged")
            return
        if self._save(
            lambda a: self.session.set_override(
                key, tier, reason, amend_reason=a, expected_version=seen, origin=self
            ),
            amend,
        ):
            self.show_message(f"{result.label}: {tier_text(tier)} saved")

    def clear_override(self) -> None:
        """Return the selected factor to the tier the framework derives."""
        current = self._current
        if current is None or self.evidence_visible:
            return
        # The change is made to the case as the room saw it: if it is changed elsewhere
        # while the question is open, the change is refused, not made to a case unseen.
        seen = current.version
        key = self.selected_factor
        result = current.assessment.factor(key)
        if not result.overridden:
            self.show_message(f"{result.label} has no tier set by hand")
            return
        go_on, amend = self._amend_reason_if_locked(current)
        if not go_on:
            return
        if not prompts.confirm(
            self,
            "Clear the tier set by hand",
            f"Return “{result.label}” to the framework's tier "
            f"({tier_text(result.derived_tier)}) for {current.reference}?",
            ok_label="Clear",
            look=self.look,
        ):
            return
        if self._save(
            lambda a: self.session.clear_override(
                key, amend_reason=a, expected_version=seen, origin=self
            ),
            amend,
        ):
            self.show_message(f"{result.label}: back to {tier_text(result.derived_tier)}")

    def open_decision_panel(self) -> None:
        """Record (or amend) the board's decision on the current case."""
        current = self._current
        if current is None:
            return
        seen = current.version
        go_on, amend = self._amend_reason_if_locked(current)
        if not go_on:
            return
        repository = self.session.repository
        panel = DecisionPanel(
            self,
            reference=current.reference,
            decision=current.case.decision,
            board_date=self.session.board_date,
            known_attendees=repository.attendees(),
            amending=amend is not None,
            check=lambda decision: self.session.editing.with_decision(current.case, decision),
            look=self.look,
        )
        try:
            if prompts.run_dialog(panel) != QtWidgets.QDialog.DialogCode.Accepted:
                self.show_message("Decision not saved")
                return
            decision = panel.decision()
            new_attendees = panel.new_attendees()
        finally:
            panel.deleteLater()
        if self._save(
            lambda a: self.session.record_decision(
                decision, amend_reason=a, expected_version=seen, origin=self
            ),
            amend,
        ):
            for name, specialty in new_attendees:
                repository.remember_attendee(name, specialty)
            state = "finalised" if decision.finalised else "saved as a draft"
            self.show_message(f"Decision on {current.reference} {state}")

    def _save(self, write: Callable[[str | None], object], amend: str | None) -> bool:
        """Run a write through the session (given the amend reason, if any); explain a
        refusal and show the case as stored."""
        try:
            try:
                write(amend)
            except CaseLockedError:
                # Finalised elsewhere since this case was read: the same rule applies.
                if amend is not None:
                    raise
                self.refresh()
                assert self._current is not None
                reason = prompts.ask_amend_reason(self, self._current.reference, look=self.look)
                if reason is None:
                    self.show_message("Case is finalised: nothing changed")
                    return False
                write(reason)
        except StaleEditError as error:
            prompts.show_message(
                self,
                "Case changed elsewhere",
                f"{error.message}\nThe case is shown again as it is now stored; "
                "make the change again if it is still needed.",
                look=self.look,
            )
            self.refresh()
            return False
        except TareaidError as error:
            # str(): a refused value is named with its case and field.
            prompts.show_message(self, "Not saved", str(error), look=self.look)
            self.refresh()
            return False
        self._current = self.session.current()
        self._paint_current()
        return True

    def _on_changes_published(self, notice: ChangeNotice) -> None:
        if notice.caused_by(self) or not self.isVisible():
            return
        if self.session.apply(notice):
            self.refresh()

    # -- leaving ------------------------------------------------------------------------

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        self._hide_identifiers()
        if not self._left_emitted:
            self._left_emitted = True
            self.left.emit()
        super().closeEvent(event)


def share_out(room: int, full: list[int], least: list[int], selected: int | None) -> list[int]:
    """Row heights that add up to at most ``room``.

    In order of preference: every row at full size (extra room shared in proportion);
    the selected row at full size and the others at least at their smallest size (the
    rest shared by what they still lack); the selected row as large as the others'
    smallest sizes allow; and, when even the smallest sizes do not fit, all of them
    shortened alike.
    """
    if room <= 0 or not full:
        return [0] * len(full)
    least = [min(a, b) for a, b in zip(least, full, strict=True)]
    if sum(full) <= room:
        extra = room - sum(full)
        total = sum(full) or 1
        return [f + extra * f // total for f in full]
    floor = list(least)
    if selected is not None:
        floor[selected] = full[selected]
    if sum(floor) <= room:
        extra = room - sum(floor)
        lacking = [f - m for f, m in zip(full, floor, strict=True)]
        total = sum(lacking) or 1
        return [m + extra * lack // total for m, lack in zip(floor, lacking, strict=True)]
    if sum(least) <= room and selected is not None:
        heights = list(least)
        heights[selected] += room - sum(least)
        return heights
    total = sum(least) or 1
    return [m * room // total for m in least]
