"""The projection view: one case's checklist on the wall, run from the keyboard.

This module owns the full-screen window shown on the projector during a tumour board. It
reads everything from a :class:`BoardSession` (the case, its assessment, the evidence pack)
and writes only through it (overrides, decisions), so the editing service's rules (the
version read, the amend reason of a finalised case, the reason for a tier set by hand)
apply as they do in the case editor.

The window is a header (``header``), one page at a time (the checklist grid with its
detail area, the evidence panel on E, the trial-population panel on T), the strip of
work-up alerts and evidence gaps under the checklist (``flags_strip``) and a footer with
the keys. Each part lays its own text out in the room the window gives it.

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
from tareaid.domain.case import Case
from tareaid.domain.fields import FACTOR_KEYS, OVERRIDE_TIERS
from tareaid.errors import TareaidError
from tareaid.store.errors import CaseLockedError, StaleEditError
from tareaid.ui.board import prompts
from tareaid.ui.board.checklist_grid import ChecklistGrid
from tareaid.ui.board.decision_panel import DecisionPanel
from tareaid.ui.board.evidence_panel import EvidencePanel
from tareaid.ui.board.fit_label import FitLabel
from tareaid.ui.board.flags_strip import FlagsStrip
from tareaid.ui.board.header import ProjectionHeader
from tareaid.ui.board.look import Look
from tareaid.ui.board.preferences import bilirubin_unit
from tareaid.ui.board.trials_panel import TrialsPanel
from tareaid.ui.changes import ChangeBridge
from tareaid.ui.headline_text import headline_text
from tareaid.ui.i18n import QT_TRANSLATE_NOOP, translate
from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from tareaid.ui.tiers import tier_text
from tareaid.ui.vocabulary import outcome_label, tier_label

# Translated where they are shown (context "ProjectionWindow"); the keys never are.
KEY_HINTS = QT_TRANSLATE_NOOP(
    "ProjectionWindow",
    "← → case  ·  ↑ ↓ factor  ·  1 / 2 / 3 set tier  ·  0 clear override  ·  "
    "E evidence  ·  T trials  ·  D decision  ·  I identifiers  ·  Esc leave",
)
EVIDENCE_HINTS = QT_TRANSLATE_NOOP(
    "ProjectionWindow",
    "E or Esc back to the checklist  ·  ↑ ↓ factor  ·  T trials  ·  ← → case  ·  "
    "D decision  ·  I identifiers",
)
TRIALS_HINTS = QT_TRANSLATE_NOOP(
    "ProjectionWindow",
    "T or Esc back to the checklist  ·  E evidence  ·  ← → case  ·  D decision  ·  I identifiers",
)

CHECKLIST, EVIDENCE, TRIALS = "checklist", "evidence", "trials"
_HINTS = {CHECKLIST: KEY_HINTS, EVIDENCE: EVIDENCE_HINTS, TRIALS: TRIALS_HINTS}
_MESSAGE_MS = 6000


def identifier_text(case: Case) -> str:
    """The identifying fields of a case on one line ('' when none is recorded)."""
    parts = []
    if case.patient_name:
        parts.append(case.patient_name)
    if case.mrn:
        parts.append(translate("ProjectionWindow", "MRN {mrn}").format(mrn=case.mrn))
    if case.date_of_birth:
        parts.append(
            translate("ProjectionWindow", "born {date}").format(date=case.date_of_birth.isoformat())
        )
    return "  ·  ".join(parts)


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
        settings: object | None = None,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        # The main window's settings, for the user's preferences (the bilirubin unit).
        self.settings = settings
        # The agenda window shares its bridge; on its own, the projection has one.
        self.changes = changes or ChangeBridge(session.editing.notifier, self)
        self.changes.published.connect(self._on_changes_published)
        self.look = Look()
        self.factor_index = 0
        self.panel = CHECKLIST
        self._revealed_reference: str | None = None
        self._current: CaseState | None = None
        self._left_emitted = False
        self.setObjectName("projectionWindow")
        self.setWindowTitle(
            self.tr("TAREaid — tumour board {date}").format(date=session.board_date.isoformat())
        )
        self.setAccessibleName(self.tr("Tumour board projection"))
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
        self.header = ProjectionHeader(self)
        self.reference_label = self.header.reference_label
        self.identifiers_label = self.header.identifiers_label
        self.position_label = self.header.position_label
        self.decision_label = self.header.decision_label
        self.headline_label = self.header.headline_label
        self.context_label = self.header.context_label

        self.stack = QtWidgets.QStackedWidget(self)
        self.grid_page = ChecklistGrid(self)
        self.rows = self.grid_page.rows
        self.evidence_page = EvidencePanel(self.session.pack, self)
        self.trials_page = TrialsPanel(self.session.pack, self)
        self.empty_page = FitLabel(scale=1.3, align=Qt.AlignmentFlag.AlignCenter, parent=self)
        for page in (self.grid_page, self.evidence_page, self.trials_page, self.empty_page):
            self.stack.addWidget(page)

        self.strip = FlagsStrip(self)
        self.alerts_label = self.strip.workup_label
        self.gaps_label = self.strip.gaps_label

        self.footer = QtWidgets.QWidget(self)
        self.hint_label = FitLabel(
            self.tr(KEY_HINTS),
            scale=0.9,
            align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            parent=self.footer,
        )
        self.hint_label.setObjectName("keyHints")
        self.hint_label.setAccessibleName(self.tr("Keys"))
        self.message_label = FitLabel(
            scale=0.9,
            bold=True,
            align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            parent=self.footer,
        )
        self.message_label.setObjectName("messageLabel")
        self.message_label.setAccessibleName(self.tr("Last action"))

    @property
    def evidence_visible(self) -> bool:
        return self.panel == EVIDENCE

    @property
    def trials_visible(self) -> bool:
        return self.panel == TRIALS

    # -- look and layout ----------------------------------------------------------------

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        self.look.set_height(self.height())
        self._apply_look()
        super().resizeEvent(event)

    def _apply_look(self) -> None:
        for label in self.findChildren(FitLabel):
            label.apply_look(self.look)
        self.header.apply_look(self.look)
        self.hint_label.set_colour(self.look.text)
        self.message_label.set_colour(self.look.accent)
        self._paint_current()

    def _layout(self) -> None:
        """Share the window's height: the header and the strip take what their text needs,
        the footer one line, the page the rest."""
        look = self.look
        px = look.base_px
        margin = round(px * 0.7)
        top, bottom = round(px * 0.4), round(px * 0.3)
        spacing = round(px * 0.25)
        width = max(0, self.width() - 2 * margin)
        height = self.height()
        line = QtGui.QFontMetrics(look.font(self.hint_label.scale)).lineSpacing()
        footer = round(line * 1.05)
        header = min(self.header.needed_height(width), round(height * 0.4))
        strip = 0
        if self.panel == CHECKLIST and self._current is not None:
            strip = min(self.strip.needed_height(width, self.strip._gap()), round(height * 0.2))
        self.strip.setVisible(strip > 0)
        y = top
        self.header.setGeometry(margin, y, width, header)
        y += header + spacing
        page = max(0, height - bottom - footer - spacing - (strip + spacing if strip else 0) - y)
        self.stack.setGeometry(margin, y, width, page)
        y += page + spacing
        if strip:
            self.strip.setGeometry(margin, y, width, strip)
            y += strip + spacing
        self.footer.setGeometry(margin, height - bottom - footer, width, footer)
        hints = QtGui.QFontMetrics(look.font(self.hint_label.scale)).horizontalAdvance(
            self.hint_label.text()
        )
        hint_width = min(hints + px, width)
        self.hint_label.setGeometry(0, 0, hint_width, footer)
        self.message_label.setGeometry(hint_width, 0, max(0, width - hint_width), footer)

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
        if session.references:
            position = self.tr("Board {date}  ·  Case {number} of {count}").format(
                date=session.board_date.isoformat(),
                number=session.index + 1,
                count=len(session.references),
            )
        else:
            position = self.tr("Board {date}  ·  No cases").format(
                date=session.board_date.isoformat()
            )
        self.position_label.setText(position)
        self.hint_label.setText(self.tr(_HINTS[self.panel]))
        if current is None:
            self.reference_label.setText(self.tr("No cases"))
            self.headline_label.setText("")
            self.context_label.setText("")
            self.decision_label.setText("")
            self.empty_page.setText(
                self.tr(
                    "No cases on the agenda of the board of {date}.\n"
                    "Add cases in the agenda window, then start the projection again."
                ).format(date=session.board_date.isoformat())
            )
            self.empty_page.set_colour(look.text)
            self.stack.setCurrentWidget(self.empty_page)
            self.strip.clear()
            self.header.set_compact(False)
            self._layout()
            return
        case, assessment = current.case, current.assessment
        self.reference_label.setText(case.reference)
        self.headline_label.setText(headline_text(assessment, self.session.pack))
        self.context_label.setText(assessment.evidence_context)
        decision = case.decision
        if decision is None:
            self.decision_label.setText(self.tr("No decision recorded"))
            self.decision_label.set_colour(look.muted)
        else:
            text = (
                self.tr("Decision: {outcome}  ·  ■ Finalised (locked)")
                if decision.finalised
                else self.tr("Decision: {outcome}  ·  □ Draft")
            )
            self.decision_label.setText(text.format(outcome=outcome_label(decision.outcome)))
            self.decision_label.set_colour(look.accent if decision.finalised else look.text)
        pages = {CHECKLIST: self.grid_page, EVIDENCE: self.evidence_page, TRIALS: self.trials_page}
        self.stack.setCurrentWidget(pages[self.panel])
        # A panel gets the room of the headline, the context and the case's flags.
        self.header.set_compact(self.panel != CHECKLIST)
        self.strip.show_assessment(assessment, case, look, bilirubin_unit(self.settings))
        self._layout()
        self._paint_page()

    def _paint_page(self) -> None:
        assert self._current is not None
        assessment = self._current.assessment
        pack = self.session.pack
        if self.panel == CHECKLIST:
            self.grid_page.show_assessment(assessment, pack, self.factor_index, self.look)
        elif self.panel == EVIDENCE:
            result = assessment.factor(self.selected_factor)
            self.evidence_page.show_claim(result, self.look)
        else:
            self.trials_page.show_assessment(assessment, self.look)

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
        self.header.place()

    def toggle_identifiers(self) -> None:
        """Show the current case's identifiers after a confirmation, or hide them."""
        if self._current is None:
            return
        if self._revealed_reference is not None:
            self._hide_identifiers()
            self.show_message(self.tr("Identifiers hidden"))
            return
        reference = self._current.reference
        if not prompts.confirm(
            self,
            self.tr("Show identifiers"),
            self.tr(
                "Show the patient's name, MRN and date of birth for {reference} on the "
                "projected screen? They are hidden again when you move to another case."
            ).format(reference=reference),
            ok_label=self.tr("&Show identifiers"),
            look=self.look,
        ):
            return
        text = identifier_text(self._current.case)
        if not text:
            self.show_message(self.tr("No identifiers are recorded for this case"))
            return
        self._revealed_reference = reference
        self.identifiers_label.setText(text)
        self.identifiers_label.set_colour(self.look.accent)
        self.identifiers_label.show()
        self._layout()
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
        elif key == Qt.Key.Key_T:
            self.toggle_trials()
        elif key == Qt.Key.Key_D:
            self.open_decision_panel()
        elif key == Qt.Key.Key_I:
            self.toggle_identifiers()
        elif key == Qt.Key.Key_Escape:
            if self.panel != CHECKLIST:
                self.show_panel(CHECKLIST)
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
            self.show_message(self.tr("This is the last case of the agenda"))

    def previous_case(self) -> None:
        if self.session.previous():
            self.refresh()
        else:
            self.show_message(self.tr("This is the first case of the agenda"))

    def go_to_case(self, index: int) -> None:
        if index != self.session.index and self.session.go_to(index):
            self.refresh()

    def select_factor(self, index: int) -> None:
        self.factor_index = max(0, min(len(FACTOR_KEYS) - 1, index))
        # On the evidence panel too: it shows the claim of the selected factor.
        if self._current is not None and self.panel != TRIALS:
            self._paint_page()

    @property
    def selected_factor(self) -> str:
        return FACTOR_KEYS[self.factor_index]

    def show_panel(self, panel: str) -> None:
        """Show the checklist, the evidence panel or the trial-population panel."""
        self.panel = panel
        self._paint_current()

    def toggle_evidence(self) -> None:
        self.show_panel(CHECKLIST if self.panel == EVIDENCE else EVIDENCE)

    def toggle_trials(self) -> None:
        self.show_panel(CHECKLIST if self.panel == TRIALS else TRIALS)

    def _amend_reason_if_locked(self, current: CaseState) -> tuple[bool, str | None]:
        """(go on, amend reason): a finalised case needs a reason before any change."""
        if not self.session.editing.needs_amend_reason(current.case):
            return True, None
        reason = prompts.ask_amend_reason(self, current.reference, look=self.look)
        if reason is None:
            self.show_message(
                self.tr("{reference} is finalised: nothing changed").format(
                    reference=current.reference
                )
            )
            return False, None
        return True, reason

    def set_tier(self, tier: str) -> None:
        """Set the selected factor's tier by hand, asking for the reason."""
        current = self._current
        if current is None or self.panel != CHECKLIST:
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
            self.tr("{factor}: {tier}").format(factor=result.label, tier=tier_label(tier)),
            self.tr(
                "Set “{factor}” to {tier} for {reference}. The framework gives {framework}. "
                "Why? (Kept with the case and in the audit trail.)"
            ).format(
                factor=result.label,
                tier=tier_text(tier),
                reference=current.reference,
                framework=tier_text(result.derived_tier),
            ),
            initial=existing.reason if existing is not None and existing.tier == tier else "",
            look=self.look,
        )
        if reason is None:
            self.show_message(self.tr("Tier unchanged"))
            return
        if self._save(
            lambda a: self.session.set_override(
                key, tier, reason, amend_reason=a, expected_version=seen, origin=self
            ),
            amend,
        ):
            self.show_message(
                self.tr("{factor}: {tier} saved").format(factor=result.label, tier=tier_text(tier))
            )

    def clear_override(self) -> None:
        """Return the selected factor to the tier the framework derives."""
        current = self._current
        if current is None or self.panel != CHECKLIST:
            return
        # The change is made to the case as the room saw it: if it is changed elsewhere
        # while the question is open, the change is refused, not made to a case unseen.
        seen = current.version
        key = self.selected_factor
        result = current.assessment.factor(key)
        if not result.overridden:
            self.show_message(
                self.tr("{factor} has no tier set by hand").format(factor=result.label)
            )
            return
        go_on, amend = self._amend_reason_if_locked(current)
        if not go_on:
            return
        if not prompts.confirm(
            self,
            self.tr("Clear the tier set by hand"),
            self.tr("Return “{factor}” to the framework's tier ({tier}) for {reference}?").format(
                factor=result.label,
                tier=tier_text(result.derived_tier),
                reference=current.reference,
            ),
            ok_label=self.tr("Clear"),
            look=self.look,
        ):
            return
        if self._save(
            lambda a: self.session.clear_override(
                key, amend_reason=a, expected_version=seen, origin=self
            ),
            amend,
        ):
            self.show_message(
                self.tr("{factor}: back to {tier}").format(
                    factor=result.label, tier=tier_text(result.derived_tier)
                )
            )

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
            attendees=self.session.starting_attendees(),
            amending=amend is not None,
            check=lambda decision: self.session.editing.with_decision(current.case, decision),
            look=self.look,
        )
        try:
            if prompts.run_dialog(panel) != QtWidgets.QDialog.DialogCode.Accepted:
                self.show_message(self.tr("Decision not saved"))
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
            text = (
                self.tr("Decision on {reference} finalised")
                if decision.finalised
                else self.tr("Decision on {reference} saved as a draft")
            )
            self.show_message(text.format(reference=current.reference))

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
                    self.show_message(self.tr("Case is finalised: nothing changed"))
                    return False
                write(reason)
        except StaleEditError as error:
            prompts.show_message(
                self,
                self.tr("Case changed elsewhere"),
                self.tr(
                    "{message}\nThe case is shown again as it is now stored; make the change "
                    "again if it is still needed."
                ).format(message=error.message),
                look=self.look,
            )
            self.refresh()
            return False
        except TareaidError as error:
            # str(): a refused value is named with its case and field.
            prompts.show_message(self, self.tr("Not saved"), str(error), look=self.look)
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
