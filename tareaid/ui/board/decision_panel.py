"""The decision panel: the board's outcome, rationale, attendees, dissent and date.

A dialog filled from the keyboard while the room watches: Tab moves between fields, Space
ticks an attendee, Enter in the "add attendee" line adds the person typed there, Ctrl+Enter
saves and Escape cancels. The panel only collects a :class:`Decision`; the caller saves it
(and remembers new attendees) through the editing service, and gives the panel the
service's check, so a decision the service would refuse is explained while the panel is
still open rather than lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from tareaid.domain.case import CaseError, Decision
from tareaid.domain.fields import DECISION_OUTCOMES
from tareaid.ui.board.look import Look, apply_look_to_dialog
from tareaid.ui.i18n import QT_TRANSLATE_NOOP, translate
from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets
from tareaid.ui.vocabulary import outcome_label
from tareaid.ui.wheel_guard import guard_wheel

_ATTENDEE_ROLE = Qt.ItemDataRole.UserRole
_NEW_ROLE = Qt.ItemDataRole.UserRole + 1
_ATTENDEE_MAX = 200

# Translated where it is shown (context "DecisionPanel").
FINALISE_EXPLANATION = QT_TRANSLATE_NOOP(
    "DecisionPanel",
    "Finalising locks the case: any later change to its tiers or its decision needs an "
    "amend reason, which the audit trail keeps.",
)


def attendee_text(name: str, specialty: str | None) -> str:
    """How an attendee is written in the decision: 'Name (Specialty)'."""
    return f"{name} ({specialty})" if specialty else name


def parse_attendee(text: str) -> tuple[str, str] | None:
    """'Name, Specialty' (the specialty may be left out; a Chinese comma "，" separates them
    too); None when no name was typed."""
    comma = min((at for at in (text.find(","), text.find("，")) if at >= 0), default=-1)
    name, specialty = (text[:comma], text[comma + 1 :]) if comma >= 0 else (text, "")
    name, specialty = " ".join(name.split()), " ".join(specialty.split())
    if not name:
        return None
    return name, specialty


def _attendee_line(name: str, specialty: str | None) -> str:
    return f"{name} — {specialty}" if specialty else name


class WrappingLabel(QtWidgets.QLabel):
    """A word-wrapped label whose size hint is its text wrapped at the width it has, so
    that the hint says what it needs where it is, not at a width of the label's choosing."""

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.setWordWrap(True)

    def sizeHint(self) -> QtCore.QSize:
        hint = super().sizeHint()
        if self.width() > 0:
            return QtCore.QSize(min(hint.width(), self.width()), self.heightForWidth(self.width()))
        return hint


class DecisionPanel(QtWidgets.QDialog):
    """Collects the board's decision on one case; ``decision()`` after it was accepted."""

    def __init__(
        self,
        parent: QtWidgets.QWidget | None,
        *,
        reference: str,
        decision: Decision | None,
        board_date: date | None,
        known_attendees: list[tuple[str, str]],
        attendees: Sequence[str] = (),
        amending: bool = False,
        check: Callable[[Decision], object] | None = None,
        look: Look | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("decisionPanel")
        self.reference = reference
        # The editing service's check of a decision on this case (CaseError when refused).
        self._check = check
        self.setWindowTitle(self.tr("Board decision — {reference}").format(reference=reference))
        self.setAccessibleName(
            self.tr("Board decision for {reference}").format(reference=reference)
        )
        self.setModal(True)
        self._build(amending)
        self._fill(decision, board_date, known_attendees, attendees)
        if look is not None:
            apply_look_to_dialog(self, look)
            # On the wall: most of the projection window (which fills the projector).
            if parent is not None:
                geometry = parent.window().geometry()
                self.resize(round(geometry.width() * 0.7), round(geometry.height() * 0.9))
        else:
            metrics = self.fontMetrics()
            self.resize(metrics.averageCharWidth() * 90, metrics.lineSpacing() * 34)

    # -- building -----------------------------------------------------------------------

    def _build(self, amending: bool) -> None:
        layout = QtWidgets.QVBoxLayout(self)
        title = QtWidgets.QLabel(
            self.tr("Decision of the tumour board on {reference}").format(reference=self.reference)
        )
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        if amending:
            self.amend_label = QtWidgets.QLabel(
                self.tr(
                    "Amending a finalised decision: the amend reason you gave is recorded with "
                    "the change."
                )
            )
            self.amend_label.setWordWrap(True)
            layout.addWidget(self.amend_label)

        form = QtWidgets.QFormLayout()
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(form, 1)

        self.outcome_combo = guard_wheel(QtWidgets.QComboBox())
        self.outcome_combo.setObjectName("outcomeCombo")
        self.outcome_combo.setAccessibleName(self.tr("Outcome"))
        self.outcome_combo.setPlaceholderText(self.tr("Choose the outcome"))
        for outcome in DECISION_OUTCOMES:
            self.outcome_combo.addItem(outcome_label(outcome), outcome)
        self.outcome_combo.setCurrentIndex(-1)
        form.addRow(*self._buddy(self.tr("&Outcome"), self.outcome_combo))

        self.rationale_edit = QtWidgets.QPlainTextEdit()
        self.rationale_edit.setObjectName("rationaleEdit")
        self.rationale_edit.setAccessibleName(self.tr("Rationale"))
        self.rationale_edit.setTabChangesFocus(True)
        self.rationale_edit.setPlaceholderText(self.tr("Why the board decided this"))
        form.addRow(*self._buddy(self.tr("&Rationale"), self.rationale_edit))

        self.attendee_list = QtWidgets.QListWidget()
        self.attendee_list.setObjectName("attendeeList")
        self.attendee_list.setAccessibleName(self.tr("Attendees"))
        self.attendee_list.setAccessibleDescription(
            self.tr("Space ticks or unticks the selected person")
        )
        form.addRow(*self._buddy(self.tr("A&ttendees"), self.attendee_list))

        self.attendee_edit = QtWidgets.QLineEdit()
        self.attendee_edit.setObjectName("attendeeEdit")
        self.attendee_edit.setAccessibleName(self.tr("Add attendee"))
        self.attendee_edit.setPlaceholderText(self.tr("Name, Specialty — Enter adds and ticks"))
        self.attendee_edit.setMaxLength(_ATTENDEE_MAX)
        self.attendee_edit.returnPressed.connect(self._on_attendee_entered)
        form.addRow(*self._buddy(self.tr("Add &attendee"), self.attendee_edit))

        self.dissent_edit = QtWidgets.QPlainTextEdit()
        self.dissent_edit.setObjectName("dissentEdit")
        self.dissent_edit.setAccessibleName(self.tr("Dissenting opinion"))
        self.dissent_edit.setTabChangesFocus(True)
        self.dissent_edit.setPlaceholderText(self.tr("Any dissenting opinion, and whose"))
        form.addRow(*self._buddy(self.tr("&Dissent"), self.dissent_edit))

        self.date_edit = guard_wheel(QtWidgets.QDateEdit())
        self.date_edit.setObjectName("decisionDate")
        self.date_edit.setAccessibleName(self.tr("Decision date"))
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        form.addRow(*self._buddy(self.tr("Dat&e"), self.date_edit))

        self.finalise_check = QtWidgets.QCheckBox(
            self.tr("&Finalise this decision (locks the case)")
        )
        self.finalise_check.setObjectName("finaliseCheck")
        self.finalise_check.setAccessibleName(self.tr("Finalise this decision"))
        explanation = translate("DecisionPanel", FINALISE_EXPLANATION)
        self.finalise_check.setAccessibleDescription(explanation)
        form.addRow(self.finalise_check)
        self.finalise_note = WrappingLabel(explanation)
        form.addRow(self.finalise_note)
        self.finalise_check.toggled.connect(self._on_finalise_toggled)

        self.error_label = QtWidgets.QLabel()
        self.error_label.setObjectName("decisionError")
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.error_label.hide()
        layout.addWidget(self.error_label)

        buttons = QtWidgets.QHBoxLayout()
        hint = QtWidgets.QLabel(self.tr("Ctrl+Enter saves · Esc cancels"))
        buttons.addWidget(hint, 1)
        self.save_button = QtWidgets.QPushButton(self.tr("&Save decision"))
        self.save_button.setObjectName("saveDecision")
        self.cancel_button = QtWidgets.QPushButton(self.tr("Cancel"))
        # Enter belongs to the fields (it adds an attendee); only Ctrl+Enter saves.
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)
            button.setDefault(False)
            buttons.addWidget(button)
        self.save_button.clicked.connect(self._on_save)
        self.cancel_button.clicked.connect(self.reject)
        layout.addLayout(buttons)

        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QtGui.QShortcut(QtGui.QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self._on_save)

    def _buddy(
        self, text: str, widget: QtWidgets.QWidget
    ) -> tuple[QtWidgets.QLabel, QtWidgets.QWidget]:
        label = QtWidgets.QLabel(text)
        label.setBuddy(widget)
        return label, widget

    def _fill(
        self,
        decision: Decision | None,
        board_date: date | None,
        known_attendees: list[tuple[str, str]],
        attendees: Sequence[str],
    ) -> None:
        # Ticked to start with: this decision's attendees, or (a new decision) the ones given.
        ticked = tuple(decision.attendees) if decision else tuple(attendees)
        chosen = set(ticked)
        for name, specialty in known_attendees:
            self._add_attendee(name, specialty, checked=attendee_text(name, specialty) in chosen)
            chosen.discard(attendee_text(name, specialty))
        # People recorded on this decision but not in the remembered list stay as they were.
        for text in ticked:
            if text in chosen:
                self._add_attendee(text, None, checked=True)
        if decision is not None:
            self.outcome_combo.setCurrentIndex(DECISION_OUTCOMES.index(decision.outcome))
            self.rationale_edit.setPlainText(decision.rationale or "")
            self.dissent_edit.setPlainText(decision.dissent or "")
            self.finalise_check.setChecked(decision.finalised)
        when = (decision.decided_on if decision else None) or board_date or date.today()
        self.date_edit.setDate(QtCore.QDate(when.year, when.month, when.day))
        if self.attendee_list.count():
            self.attendee_list.setCurrentRow(0)

    def _add_attendee(
        self, name: str, specialty: str | None, *, checked: bool, new: bool = False
    ) -> QtWidgets.QListWidgetItem:
        item = QtWidgets.QListWidgetItem(_attendee_line(name, specialty))
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        item.setData(_ATTENDEE_ROLE, (name, specialty or ""))
        item.setData(_NEW_ROLE, new)
        self.attendee_list.addItem(item)
        return item

    # -- slots --------------------------------------------------------------------------

    def _on_finalise_toggled(self, checked: bool) -> None:
        explanation = translate("DecisionPanel", FINALISE_EXPLANATION)
        self.finalise_note.setText(
            self.tr("✓ Will be finalised when saved. {explanation}").format(explanation=explanation)
            if checked
            else explanation
        )

    def _on_attendee_entered(self) -> None:
        parsed = parse_attendee(self.attendee_edit.text())
        if parsed is None:
            return
        name, specialty = parsed
        text = attendee_text(name, specialty)
        for row in range(self.attendee_list.count()):
            item = self.attendee_list.item(row)
            if attendee_text(*item.data(_ATTENDEE_ROLE)) == text:
                item.setCheckState(Qt.CheckState.Checked)
                self.attendee_list.setCurrentItem(item)
                break
        else:
            item = self._add_attendee(name, specialty, checked=True, new=True)
            self.attendee_list.setCurrentItem(item)
        self.attendee_edit.clear()

    def _problem(self) -> str | None:
        if self.outcome_combo.currentIndex() < 0:
            return self.tr("Choose the outcome first.")
        if self._check is not None:
            try:
                self._check(self.decision())
            except CaseError as error:
                text = str(error)
                return text[:1].upper() + text[1:] + "."
        return None

    def _on_save(self) -> None:
        problem = self._problem()
        if problem is not None:
            self.error_label.setText(problem)
            self.error_label.show()
            if self.outcome_combo.currentIndex() < 0:
                self.outcome_combo.setFocus()
            return
        self.accept()

    # -- results ------------------------------------------------------------------------

    def _checked_items(self) -> list[QtWidgets.QListWidgetItem]:
        items = (self.attendee_list.item(row) for row in range(self.attendee_list.count()))
        return [item for item in items if item.checkState() == Qt.CheckState.Checked]

    def _checked_attendees(self) -> list[str]:
        return [attendee_text(*item.data(_ATTENDEE_ROLE)) for item in self._checked_items()]

    def decision(self) -> Decision:
        """The decision as filled in (call after the dialog was accepted)."""
        rationale = self.rationale_edit.toPlainText().strip()
        dissent = self.dissent_edit.toPlainText().strip()
        return Decision(
            outcome=self.outcome_combo.currentData(),
            rationale=rationale or None,
            attendees=tuple(dict.fromkeys(self._checked_attendees())),
            dissent=dissent or None,
            decided_on=self.date_edit.date().toPython(),
            finalised=self.finalise_check.isChecked(),
        )

    def new_attendees(self) -> list[tuple[str, str]]:
        """People typed in during this decision and ticked: to be remembered for next time."""
        return [
            tuple(item.data(_ATTENDEE_ROLE))
            for item in self._checked_items()
            if item.data(_NEW_ROLE)
        ]
