"""The case editor: every field of the case format, grouped the way a clinician thinks.

The form is built from the field table (domain/fields.py), one group box per group, so a
new field appears here by being added there. Edits go to the case session, which validates,
records them for undo and saves them; there is no Save button to forget.
"""

from __future__ import annotations

from typing import Any

from tareaid.domain.case import Case
from tareaid.domain.fields import FIELDS, Group
from tareaid.domain.units import MG_DL
from tareaid.ui.case_session import CaseSession
from tareaid.ui.field_widgets import (
    IDENTIFYING_TEXT,
    BilirubinField,
    FieldWidget,
    make_field_label,
    make_field_widget,
)
from tareaid.ui.i18n import QT_TRANSLATE_NOOP, translate
from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets
from tareaid.ui.vocabulary import group_label, outcome_label

# Translated where they are shown ({mark}: the identifying badge, shape and word).
GROUP_NOTES = {
    Group.PATIENT: QT_TRANSLATE_NOOP(
        "CaseEditor",
        "Fields marked {mark} identify the patient: they are never shown on the projection "
        "screen or in de-identified reports.",
    ),
    Group.WORKUP: QT_TRANSLATE_NOOP(
        "CaseEditor", "Values from the work-up, as reported; TAREaid does not compute them."
    ),
}


class CaseEditor(QtWidgets.QScrollArea):
    """All fields of the open case, editable, in groups."""

    def __init__(
        self,
        session: CaseSession,
        parent: QtWidgets.QWidget | None = None,
        *,
        bilirubin_unit: str = MG_DL,
    ) -> None:
        super().__init__(parent)
        self.session = session
        # A field asked for (focus_field) before the form had its real size: scrolled to
        # again once it has.
        self._pending_field: str | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.setAccessibleName(self.tr("Case editor"))
        body = QtWidgets.QWidget()
        body.setObjectName("case_editor_body")
        layout = QtWidgets.QVBoxLayout(body)
        self.fields: dict[str, FieldWidget] = {}
        self.groups: dict[Group, QtWidgets.QGroupBox] = {}
        labels: list[QtWidgets.QLabel] = []
        for group in Group:
            specs = [spec for spec in FIELDS if spec.group is group]
            if not specs:
                continue
            box = QtWidgets.QGroupBox(group_label(group))
            box.setObjectName(f"group_{group.name.lower()}")
            form = QtWidgets.QFormLayout(box)
            form.setRowWrapPolicy(QtWidgets.QFormLayout.RowWrapPolicy.WrapLongRows)
            form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            if group in GROUP_NOTES:
                mark = f"\N{BLACK SMALL SQUARE} {translate('FieldWidget', IDENTIFYING_TEXT)}"
                note = QtWidgets.QLabel(
                    translate("CaseEditor", GROUP_NOTES[group]).format(mark=mark)
                )
                note.setWordWrap(True)
                form.addRow(note)
            for spec in specs:
                widget = make_field_widget(spec, box)
                widget.value_committed.connect(self._on_value_committed)
                label = make_field_label(spec, widget)
                form.addRow(label, widget)
                labels.append(label)
                self.fields[spec.name] = widget
            layout.addWidget(box)
            self.groups[group] = box
        self.decision_box = QtWidgets.QGroupBox(self.tr("Board decision"))
        decision_layout = QtWidgets.QVBoxLayout(self.decision_box)
        self.decision_label = QtWidgets.QLabel()
        self.decision_label.setWordWrap(True)
        self.decision_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        decision_layout.addWidget(self.decision_label)
        layout.addWidget(self.decision_box)
        layout.addStretch(1)
        # One label column across all groups, so the fields line up from group to group.
        label_width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(label_width)
        # Very wide fields are hard to read: the form stops growing at about 60 characters.
        body.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 60)
        self.setWidget(body)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Ctrl+2 puts the cursor in the first field rather than on the scroll area.
        self.setFocusProxy(self.first_field().control)
        self.set_bilirubin_unit(bilirubin_unit)

        session.case_opened.connect(self._on_case_opened)
        session.case_refreshed.connect(self._on_case_refreshed)
        session.case_changed.connect(self._on_case_changed)
        session.field_rejected.connect(self._on_field_rejected)
        session.flush_requested.connect(self.flush)
        if session.case is not None:
            self._on_case_opened(session.case)

    def flush(self) -> None:
        """Commit whatever is still being typed."""
        for widget in self.fields.values():
            widget.flush()

    def first_field(self) -> FieldWidget:
        return self.fields[FIELDS[0].name]

    def set_bilirubin_unit(self, unit: str) -> None:
        """Take and show serum bilirubin in `unit`; it is stored in mg/dL whatever the unit."""
        widget = self.fields["bilirubin_mg_dl"]
        if isinstance(widget, BilirubinField):
            widget.set_unit(unit)

    def focus_field(self, name: str) -> None:
        """Put the cursor in a field and scroll it into view."""
        widget = self.fields[name]
        widget.control.setFocus(Qt.FocusReason.OtherFocusReason)
        self._pending_field = name
        self._scroll_to_pending()
        # The tab may have been built or shown just now: scroll again once laid out.
        QtCore.QTimer.singleShot(0, self._finish_scroll)

    def _finish_scroll(self) -> None:
        self._scroll_to_pending()
        self._pending_field = None

    def _scroll_to_pending(self) -> None:
        if self._pending_field is None:
            return
        widget = self.fields[self._pending_field]
        box = widget.parentWidget()
        # The field's group title as well, when it fits: the user sees where they are.
        if box is not None and box.height() < self.viewport().height():
            self.ensureWidgetVisible(box, 0, 0)
        self.ensureWidgetVisible(widget)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scroll_to_pending()

    def set_show_identifiers(self, show: bool) -> None:
        """Show name, MRN and date of birth, or hide each behind a stand-in with its own
        Show button (View › Show identifiers)."""
        for widget in self.fields.values():
            widget.set_masking(not show)

    # Slots ------------------------------------------------------------------------------

    def _on_value_committed(self, name: str, value: Any, burst: int) -> None:
        self._pending_field = None
        self.session.set_field(name, value, burst)

    def _on_case_opened(self, case: Case) -> None:
        # An identifier shown for one case is hidden again for the next.
        for widget in self.fields.values():
            widget.conceal()
        self._show(case, force=True)
        # A new case starts at the top of the form.
        self.verticalScrollBar().setValue(0)

    def _on_case_refreshed(self, case: Case) -> None:
        # Changed elsewhere: every field shows the stored value again.
        self._show(case, force=True)

    def _on_case_changed(self, case: Case) -> None:
        self._show(case, force=False)

    def _show(self, case: Case, *, force: bool) -> None:
        editable = self.session.editable
        for name, widget in self.fields.items():
            widget.set_value(getattr(case, name), force=force)
            widget.control.setEnabled(editable)
        decision = case.decision
        self.decision_box.setVisible(decision is not None)
        if decision is not None:
            lines = [outcome_label(decision.outcome)]
            if decision.decided_on:
                lines.append(
                    self.tr("Decided on {date}").format(date=decision.decided_on.isoformat())
                )
            if decision.finalised:
                lines.append(
                    self.tr("Finalised: changes need an amend reason, kept in the history.")
                )
            if decision.rationale:
                lines.append(self.tr("Rationale: {text}").format(text=decision.rationale))
            self.decision_label.setText("\n".join(lines))

    def _on_field_rejected(self, name: str, message: str) -> None:
        widget = self.fields.get(name)
        if widget is not None:
            # case_changed (sent with the rejection) puts the old value back and clears
            # errors; the message is shown after it.
            widget.show_error(message)
