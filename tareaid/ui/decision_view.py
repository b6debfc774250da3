"""The Decision tab: the tumour board's decision on the open case, shown and edited.

Outcome, rationale, attendees, dissent, date and whether the decision is finalised, as the
board recorded them (in the board's windows or here). A decision is a deliberate act, so
it is saved with a button (Ctrl+Enter), not by the autosave, through the editing service's
``record_decision`` and ``finalise``: the same rules as everywhere else. A finalised
decision changes only with a reason for the amendment, asked for before the change is
stored and kept in the audit trail.

The view follows the open case through the case session, which reads the case again when a
change notice says it changed elsewhere: a decision recorded on the projection appears here
at once. Edits of the user's own are never overwritten by that: the form keeps them and
says that the stored decision changed.
"""

from __future__ import annotations

from collections.abc import Callable

from tareaid.domain.case import Case, CaseError, Decision, parse_iso_date
from tareaid.domain.fields import DECISION_OUTCOMES
from tareaid.store.errors import CaseLockedError, StoreError
from tareaid.ui import dialogs
from tareaid.ui.case_session import CaseSession
from tareaid.ui.i18n import QT_TRANSLATE_NOOP, translate
from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets
from tareaid.ui.vocabulary import outcome_label
from tareaid.ui.wheel_guard import guard_wheel
from tareaid.ui.widgets import heading, text_label

# Translated where they are shown (context "DecisionView").
NO_DECISION = QT_TRANSLATE_NOOP(
    "DecisionView", "The board has not recorded a decision on this case yet."
)
RECORDED = QT_TRANSLATE_NOOP("DecisionView", "Recorded, not finalised: it can still be changed.")
FINALISED = QT_TRANSLATE_NOOP(
    "DecisionView",
    "Finalised: the case is locked. A change needs a reason for the amendment, which the "
    "history keeps.",
)
FINALISE_EXPLANATION = QT_TRANSLATE_NOOP(
    "DecisionView",
    "Finalising locks the case: any later change to its data, tiers or decision needs an "
    "amend reason, which the audit trail keeps.",
)
ARCHIVED = QT_TRANSLATE_NOOP(
    "DecisionView", "The case is archived: restore it to change the decision."
)
CHANGED_ELSEWHERE = QT_TRANSLATE_NOOP(
    "DecisionView",
    "The decision was changed elsewhere while you were editing it. Discard your changes "
    "to see it, then make them again.",
)
# The parts of a decision as the form names them (for the messages of refused input).
PART_LABELS = {
    "decision.outcome": QT_TRANSLATE_NOOP("DecisionView", "Outcome"),
    "decision.rationale": QT_TRANSLATE_NOOP("DecisionView", "Rationale"),
    "decision.attendees": QT_TRANSLATE_NOOP("DecisionView", "Attendees"),
    "decision.dissent": QT_TRANSLATE_NOOP("DecisionView", "Dissenting opinion"),
    "decision.decided_on": QT_TRANSLATE_NOOP("DecisionView", "Date"),
}


def _tr_view(text: str) -> str:
    return translate("DecisionView", text)


class DecisionView(QtWidgets.QScrollArea):
    """The board's decision on the session's case: its state, the form, Save and Finalise."""

    def __init__(self, session: CaseSession, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.setAccessibleName(self.tr("Board decision"))
        self._base: Decision | None = None  # the stored decision the form started from
        self._dirty = False
        self._filling = False

        body = QtWidgets.QWidget()
        body.setObjectName("decision_body")
        layout = QtWidgets.QVBoxLayout(body)
        layout.addWidget(heading(self.tr("Board decision"), scale=1.3))
        self.state = text_label()
        self.state.setObjectName("decision_state")
        self.state.setAccessibleName(self.tr("Decision state"))
        font = self.state.font()
        font.setBold(True)
        self.state.setFont(font)
        layout.addWidget(self.state)

        form = QtWidgets.QFormLayout()
        form.setRowWrapPolicy(QtWidgets.QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.outcome = guard_wheel(QtWidgets.QComboBox())
        self.outcome.setObjectName("decision_outcome")
        self.outcome.setAccessibleName(self.tr("Outcome"))
        self.outcome.setPlaceholderText(self.tr("Choose the outcome"))
        for outcome in DECISION_OUTCOMES:
            self.outcome.addItem(outcome_label(outcome), outcome)
        self.outcome.setCurrentIndex(-1)
        self.outcome.currentIndexChanged.connect(self._on_edited)
        self.rationale = self._text_box(
            "decision_rationale", self.tr("Rationale"), self.tr("Why the board decided this")
        )
        self.attendees = self._text_box(
            "decision_attendees",
            self.tr("Attendees"),
            self.tr("One person a line, e.g. A. Example (Interventional radiology)"),
        )
        self.dissent = self._text_box(
            "decision_dissent",
            self.tr("Dissenting opinion"),
            self.tr("Any dissenting opinion, and whose"),
        )
        self.decided_on = QtWidgets.QLineEdit()
        self.decided_on.setObjectName("decision_date")
        self.decided_on.setAccessibleName(self.tr("Decision date"))
        self.decided_on.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.decided_on.setValidator(
            QtGui.QRegularExpressionValidator(
                QtCore.QRegularExpression(r"\d{0,4}(-\d{0,2}(-\d{0,2})?)?"), self.decided_on
            )
        )
        self.decided_on.textEdited.connect(self._on_edited)
        metrics = self.decided_on.fontMetrics()
        self.decided_on.setMaximumWidth(metrics.horizontalAdvance("0000-00-00") * 2)
        for text, widget in (
            (self.tr("Ou&tcome:"), self.outcome),
            (self.tr("&Rationale:"), self.rationale),
            (self.tr("Atte&ndees:"), self.attendees),
            (self.tr("Dissenting o&pinion:"), self.dissent),
            (self.tr("D&ate:"), self.decided_on),
        ):
            label = QtWidgets.QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        layout.addLayout(form)

        self.error = text_label()
        self.error.setObjectName("decision_error")
        self.error.setAccessibleName(self.tr("Decision problem"))
        font = self.error.font()
        font.setBold(True)
        self.error.setFont(font)
        self.error.hide()
        layout.addWidget(self.error)

        buttons = QtWidgets.QHBoxLayout()
        self.save_button = QtWidgets.QPushButton(self.tr("Save decision (Ctrl+Enter)"))
        self.save_button.setObjectName("save_decision")
        self.save_button.setAccessibleName(self.tr("Save decision"))
        self.save_button.clicked.connect(self.save)
        self.discard_button = QtWidgets.QPushButton(self.tr("Discard changes"))
        self.discard_button.setAccessibleName(self.tr("Discard changes to the decision"))
        self.discard_button.clicked.connect(self.discard)
        self.finalise_button = QtWidgets.QPushButton(self.tr("Finalise…"))
        self.finalise_button.setObjectName("finalise_decision")
        self.finalise_button.setAccessibleName(self.tr("Finalise the decision"))
        self.finalise_button.setToolTip(_tr_view(FINALISE_EXPLANATION))
        self.finalise_button.clicked.connect(self.finalise)
        for button in (self.save_button, self.discard_button, self.finalise_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.finalise_note = text_label(_tr_view(FINALISE_EXPLANATION))
        layout.addWidget(self.finalise_note)
        layout.addStretch(1)
        body.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 60)
        self.setWidget(body)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setFocusProxy(self.outcome)

        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QtGui.QShortcut(QtGui.QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)

        session.case_opened.connect(self._on_case_opened)
        session.case_refreshed.connect(self._on_case_refreshed)
        session.case_closed.connect(self._on_case_closed)
        if session.case is not None:
            self._on_case_opened(session.case)

    def _text_box(self, name: str, accessible: str, placeholder: str) -> QtWidgets.QPlainTextEdit:
        box = QtWidgets.QPlainTextEdit()
        box.setObjectName(name)
        box.setAccessibleName(accessible)
        box.setPlaceholderText(placeholder)
        box.setTabChangesFocus(True)
        box.setMaximumHeight(box.fontMetrics().lineSpacing() * 5)
        box.textChanged.connect(self._on_edited)
        return box

    # Public -----------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        """Whether the form holds changes that are not saved."""
        return self._dirty

    def save(self) -> bool:
        """Store the decision as filled in (asking for an amend reason when it is
        finalised); False, with the reason shown, when it was not stored."""
        case = self.session.case
        if case is None or not self._dirty:
            return not self._dirty
        try:
            decision = self.decision()
        except CaseError as error:
            self._show_error(_problem(error))
            return False
        if not self.session.save_now():
            self._show_error(
                self.tr("Save the case's other changes first (see the message above).")
            )
            return False
        case = self.session.case
        assert case is not None
        if case.decision != self._base:
            self._show_error(_tr_view(CHANGED_ELSEWHERE))
            return False
        editing = self.session.editing
        try:
            editing.with_decision(case, decision, archived=self.session.archived)
        except CaseError as error:
            self._show_error(_problem(error))
            return False
        except StoreError as error:
            self._show_error(error.message)
            return False
        amend = self._amend_reason(case)
        if amend is False:
            return False
        reference = case.reference
        return self._store(
            lambda version: editing.record_decision(
                reference,
                decision,
                expected_version=version,
                amend_reason=amend or None,
                origin=self,
            )
        )

    def finalise(self) -> bool:
        """Finalise the stored decision, after the user confirms; False if not done."""
        case = self.session.case
        if case is None or case.decision is None or case.decision.finalised:
            return False
        if self._dirty:
            self._show_error(self.tr("Save or discard your changes to the decision first."))
            return False
        if not dialogs.confirm(
            self,
            self.tr("Finalise the board's decision"),
            self.tr("Finalise the decision on {reference}?\n\n{explanation}").format(
                reference=case.reference, explanation=_tr_view(FINALISE_EXPLANATION)
            ),
            ok_label=self.tr("Finalise"),
        ):
            return False
        if not self.session.save_now():
            self._show_error(
                self.tr("Save the case's other changes first (see the message above).")
            )
            return False
        editing = self.session.editing
        reference = case.reference
        return self._store(
            lambda version: editing.finalise(reference, expected_version=version, origin=self)
        )

    def discard(self) -> None:
        """Forget the form's changes and show the stored decision again."""
        self._dirty = False
        if self.session.case is not None:
            self._fill(self.session.case)

    def decision(self) -> Decision:
        """The decision as filled in; CaseError for a part that cannot be read."""
        outcome = self.outcome.currentData()
        if outcome is None:
            raise CaseError(self.tr("choose the outcome first"), field_name="decision.outcome")
        text = self.decided_on.text().strip()
        decided_on = parse_iso_date(text, "decision.decided_on") if text else None
        attendees = tuple(
            dict.fromkeys(
                line.strip() for line in self.attendees.toPlainText().splitlines() if line.strip()
            )
        )
        return Decision(
            outcome=outcome,
            rationale=self.rationale.toPlainText().strip() or None,
            attendees=attendees,
            dissent=self.dissent.toPlainText().strip() or None,
            decided_on=decided_on,
            finalised=self._base.finalised if self._base is not None else False,
        )

    # Storing ----------------------------------------------------------------------------

    def _amend_reason(self, case: Case) -> str | bool:
        """'' when no reason is needed, the reason when one is, False when refused."""
        editing = self.session.editing
        if not editing.needs_amend_reason(case):
            return ""
        reason = dialogs.ask_text(
            self,
            self.tr("Amend a finalised decision"),
            self.tr(
                "The board's decision on {reference} is finalised.\n"
                "Why is it being changed? The reason is kept in the audit trail."
            ).format(reference=case.reference),
        )
        try:
            checked = editing.amend_reason(case, reason)
        except CaseLockedError:
            self._show_error(self.tr("Not saved: a finalised decision changes only with a reason."))
            return False
        except CaseError as error:
            self._show_error(
                self.tr("Not saved: the amend reason {problem}.").format(problem=error.message)
            )
            return False
        return checked or ""

    def _store(self, write: Callable[[int], object]) -> bool:
        version = self.session.version
        assert version is not None
        # The service's notice makes the session read the case again, and this view fills
        # the form from it: what was typed is now what is stored.
        self._dirty = False
        try:
            write(version)
        except CaseError as error:
            self._dirty = True
            self._show_error(_problem(error))
            return False
        except StoreError as error:
            self._dirty = True
            self._show_error(self.tr("Not saved: {message}").format(message=error.message))
            return False
        self._clear_error()
        if self.session.case is not None:
            self._fill(self.session.case)
        return True

    # Showing ----------------------------------------------------------------------------

    def _on_case_opened(self, case: Case) -> None:
        self._dirty = False
        self._clear_error()
        self._fill(case)

    def _on_case_refreshed(self, case: Case) -> None:
        if self._dirty:
            if case.decision != self._base:
                self._show_error(_tr_view(CHANGED_ELSEWHERE))
            self._show_state(case)
            return
        self._fill(case)

    def _on_case_closed(self) -> None:
        self._dirty = False
        self._base = None

    def _fill(self, case: Case) -> None:
        decision = case.decision
        self._base = decision
        self._filling = True
        try:
            index = DECISION_OUTCOMES.index(decision.outcome) if decision else -1
            self.outcome.setCurrentIndex(index)
            self.rationale.setPlainText((decision.rationale or "") if decision else "")
            self.attendees.setPlainText("\n".join(decision.attendees) if decision else "")
            self.dissent.setPlainText((decision.dissent or "") if decision else "")
            when = decision.decided_on if decision else None
            self.decided_on.setText(when.isoformat() if when else "")
        finally:
            self._filling = False
        self._dirty = False
        self._show_state(case)

    def _show_state(self, case: Case) -> None:
        decision = case.decision
        if self.session.archived:
            words = _tr_view(ARCHIVED)
        elif decision is None:
            words = _tr_view(NO_DECISION)
        elif decision.finalised:
            words = _tr_view(FINALISED)
        else:
            words = _tr_view(RECORDED)
        if decision is not None:
            outcome = outcome_label(decision.outcome)
            if decision.decided_on:
                words = self.tr("{outcome}, {date}. {state}").format(
                    outcome=outcome, date=decision.decided_on.isoformat(), state=words
                )
            else:
                words = self.tr("{outcome}. {state}").format(outcome=outcome, state=words)
        self.state.setText(words)
        editable = self.session.editable
        for widget in (self.outcome, self.rationale, self.attendees, self.dissent):
            widget.setEnabled(editable)
        self.decided_on.setEnabled(editable)
        self._update_buttons()

    def _update_buttons(self) -> None:
        case = self.session.case
        editable = self.session.editable
        self.save_button.setEnabled(editable and self._dirty)
        self.discard_button.setEnabled(self._dirty)
        finalisable = case is not None and case.decision is not None and not case.decision.finalised
        self.finalise_button.setEnabled(editable and finalisable and not self._dirty)
        finalised = bool(case and case.decision and case.decision.finalised)
        self.finalise_button.setVisible(not finalised)
        self.finalise_note.setVisible(not finalised)

    def _on_edited(self, *_args: object) -> None:
        if self._filling:
            return
        self._dirty = True
        self._update_buttons()

    def _show_error(self, message: str) -> None:
        self.error.setText(f"\N{WARNING SIGN} {message}")
        self.error.show()

    def _clear_error(self) -> None:
        self.error.clear()
        self.error.hide()


def _problem(error: CaseError) -> str:
    label = PART_LABELS.get(error.field_name.split("[")[0], "")
    text = error.message[:1].upper() + error.message[1:]
    if label:
        return translate("DecisionView", "{part}: {problem}.").format(
            part=_tr_view(label), problem=error.message
        )
    return translate("DecisionView", "{problem}.").format(problem=text)


__all__ = ["DecisionView"]
