"""One editing widget per case field, built from the field table (domain/fields.py).

The case editor and the checklist both ask `make_field_widget(spec)` for a field's widget,
so a field looks and behaves the same wherever it is edited. A widget never validates
against the framework: it only turns what the user typed into a value of the field's kind,
explains inline when that is impossible (out of range, not a date), and says when the user
has settled on a value. The case session does the rest.
"""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from tareaid.domain.case import CaseError, parse_iso_date
from tareaid.domain.fields import FieldSpec, Kind
from tareaid.domain.units import (
    BILIRUBIN_UNITS,
    MG_DL,
    bilirubin_in,
    bilirubin_to_mg_dl,
    format_bilirubin,
)
from tareaid.ui.i18n import QT_TRANSLATE_NOOP, translate
from tareaid.ui.qt import QtCore, QtGui, QtWidgets, Signal
from tareaid.ui.vocabulary import choice_label, field_help, field_label, unit_label
from tareaid.ui.wheel_guard import guard_wheel

# Words translated where they are shown (context "FieldWidget").
NOT_RECORDED = QT_TRANSLATE_NOOP("FieldWidget", "Not recorded")
# Numbers the runs of typing, so that undo treats one run in one field as one change.
_BURSTS = itertools.count(1)
# Typing pauses longer than this commit the value (and start the autosave clock).
TYPING_IDLE_MS = 600

IDENTIFYING_TEXT = QT_TRANSLATE_NOOP("FieldWidget", "Identifying")
# What an identifying field shows while identifiers are hidden (View › Show identifiers).
HIDDEN_TEXT = QT_TRANSLATE_NOOP("FieldWidget", "•••• (hidden)")
IDENTIFYING_DESCRIPTION = QT_TRANSLATE_NOOP(
    "FieldWidget",
    "Identifying information: never shown on the projection screen or in de-identified reports.",
)


def not_recorded() -> str:
    """'Not recorded', in the interface's language."""
    return translate("FieldWidget", NOT_RECORDED)


def hidden_text() -> str:
    """The stand-in for a hidden identifier, in the interface's language."""
    return translate("FieldWidget", HIDDEN_TEXT)


def _number_text(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"


def range_text(spec: FieldSpec) -> str:
    """'18–120 years', '0–100 %' — the range a number field accepts."""
    if spec.minimum is None or spec.maximum is None:
        return ""
    text = f"{_number_text(spec.minimum)}–{_number_text(spec.maximum)}"
    return f"{text} {unit_label(spec.unit)}" if spec.unit else text


def field_description(spec: FieldSpec) -> str:
    """What a screen reader and the tooltip say about a field beyond its name."""
    parts = []
    if spec.help:
        parts.append(field_help(spec))
    if spec.kind in (Kind.INTEGER, Kind.NUMBER) and range_text(spec):
        parts.append(translate("FieldWidget", "Allowed: {range}").format(range=range_text(spec)))
    if spec.kind is Kind.DATE:
        parts.append(translate("FieldWidget", "Date as YYYY-MM-DD"))
    if spec.identifying:
        parts.append(translate("FieldWidget", IDENTIFYING_DESCRIPTION).removesuffix("."))
    parts.append(translate("FieldWidget", "Leave empty when not recorded"))
    return sentences(parts)


def sentences(parts: list[str]) -> str:
    """Phrases joined as sentences: 'A. B.' (in Chinese '甲。乙。')."""
    separator = translate("FieldWidget", ". ", "between two phrases of a field's description")
    return translate("FieldWidget", "{phrases}.", "the end of a field's description").format(
        phrases=separator.join(parts)
    )


class FieldWidget(QtWidgets.QWidget):
    """Edits one case field.

    Signals:
        value_committed(name, value, burst): the user settled on a value. `burst` numbers a
            run of typing in one field so that undo can treat it as one change (0: a single
            discrete change).
    """

    value_committed = Signal(str, object, int)

    def __init__(self, spec: FieldSpec, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self._value: Any = None
        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        self._row = QtWidgets.QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._row)
        self.control = self._make_control()
        # Scrolling the form past a field must never change it: the wheel only works on
        # the field that has the focus.
        guard_wheel(self.control)
        self.control.setObjectName(f"field_{spec.name}")
        self.control.setAccessibleName(field_label(spec))
        self.control.setAccessibleDescription(self.description())
        self.control.setToolTip(self.description())
        self._row.addWidget(self.control, 1)
        if spec.identifying:
            self._add_mask()
        self._decorate()
        self.unit_label: QtWidgets.QLabel | None = None
        if spec.unit:
            self.unit_label = QtWidgets.QLabel(unit_label(spec.unit))
            self.unit_label.setAccessibleName(
                self.tr("{field} unit").format(field=field_label(spec))
            )
            self._row.addWidget(self.unit_label)
        if spec.identifying:
            self.badge = QtWidgets.QLabel(
                f"\N{BLACK SMALL SQUARE} {translate('FieldWidget', IDENTIFYING_TEXT)}"
            )
            self.badge.setObjectName("identifying_badge")
            self.badge.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
            self.badge.setToolTip(translate("FieldWidget", IDENTIFYING_DESCRIPTION))
            self.badge.setAccessibleName(
                self.tr("{field} is identifying").format(field=field_label(spec))
            )
            font = self.badge.font()
            font.setBold(True)
            self.badge.setFont(font)
            self._row.addWidget(self.badge)
        self.error_label = QtWidgets.QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setObjectName("field_error")
        self.error_label.setAccessibleName(
            self.tr("{field} problem").format(field=field_label(spec))
        )
        font = self.error_label.font()
        font.setBold(True)
        self.error_label.setFont(font)
        self.error_label.hide()
        outer.addWidget(self.error_label)
        self.setFocusProxy(self.control)

    # Hiding an identifying value -------------------------------------------------------

    def _add_mask(self) -> None:
        """The stand-in shown instead of the value while identifiers are hidden, and a
        button that shows this one field."""
        self._masking = False
        self._revealed = False
        label = field_label(self.spec)
        self.mask_label = QtWidgets.QLabel(hidden_text())
        self.mask_label.setObjectName("identifier_hidden")
        self.mask_label.setAccessibleName(self.tr("{field} hidden").format(field=label))
        self.show_button = QtWidgets.QToolButton()
        self.show_button.setText(self.tr("Show"))
        self.show_button.setObjectName("show_identifier")
        self.show_button.setAccessibleName(self.tr("Show {field}").format(field=label.lower()))
        self.show_button.setToolTip(
            self.tr(
                "Show the {field} of this case (only this field; View › Show identifiers "
                "shows them all)"
            ).format(field=label.lower())
        )
        self.show_button.clicked.connect(self.reveal)
        self._row.addWidget(self.mask_label, 1)
        self._row.addWidget(self.show_button)
        self.mask_label.hide()
        self.show_button.hide()

    @property
    def masked(self) -> bool:
        """Whether the value is hidden behind the stand-in just now."""
        return self.spec.identifying and self.mask_label.isVisibleTo(self)

    def set_masking(self, masking: bool) -> None:
        """Hide (True) or show (False) an identifying value; hiding forgets a reveal."""
        if not self.spec.identifying:
            return
        self._masking = masking
        if masking:
            self._revealed = False
        self._update_mask()

    def conceal(self) -> None:
        """Hide a value the user revealed (another case is shown)."""
        if self.spec.identifying:
            self._revealed = False
            self._update_mask()

    def reveal(self) -> None:
        """Show this field's value (and no other) until the case or the setting changes."""
        if self.spec.identifying:
            self._revealed = True
            self._update_mask()
            self.control.setFocus()

    def _update_mask(self) -> None:
        # An empty field hides nothing: it stays editable, so a name can be typed in.
        hide = self._masking and not self._revealed and self._value is not None
        had_focus = self.control.hasFocus()
        self.control.setVisible(not hide)
        self.mask_label.setVisible(hide)
        self.show_button.setVisible(hide)
        if hide and had_focus:
            self.show_button.setFocus()

    # For subclasses ---------------------------------------------------------------------

    def _make_control(self) -> QtWidgets.QWidget:
        raise NotImplementedError

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def _decorate(self) -> None:
        """Add helper buttons after the control (the row is laid out left to right)."""

    def description(self) -> str:
        """What a screen reader and the tooltip say about the field beyond its name."""
        return field_description(self.spec)

    # Public -----------------------------------------------------------------------------

    def set_value(self, value: Any, *, force: bool = False) -> None:
        """Show a value from the case; emits nothing.

        An unchanged value leaves the widget alone (so text the user is still correcting,
        with its inline problem, survives edits elsewhere) unless `force` is set, as when
        another case is opened.
        """
        if not force and value == self._value and type(value) is type(self._value):
            return
        self._value = value
        self._show(value)
        self.clear_error()
        if self.spec.identifying:
            self._update_mask()

    def flush(self) -> None:
        """Commit anything typed but not yet committed (before a save or an undo)."""

    def show_error(self, message: str) -> None:
        self.error_label.setText(f"\N{WARNING SIGN} {message}")
        self.error_label.show()
        self.control.setAccessibleDescription(
            self.tr("{message}. {description}").format(
                message=message, description=self.description()
            )
        )

    def clear_error(self) -> None:
        if self.error_label.isVisible() or self.error_label.text():
            self.error_label.clear()
            self.error_label.hide()
            self.control.setAccessibleDescription(self.description())

    def _commit(self, value: Any, burst: int = 0) -> None:
        self.clear_error()
        if value == self._value:
            return
        self._value = value
        self.value_committed.emit(self.spec.name, value, burst)


class _ChoiceField(FieldWidget):
    """A closed list of words, with 'Not recorded' first."""

    def _options(self) -> list[tuple[str, Any]]:
        return [(choice_label(self.spec, choice), choice) for choice in self.spec.choices]

    def _make_control(self) -> QtWidgets.QWidget:
        combo = QtWidgets.QComboBox()
        combo.addItem(not_recorded(), None)
        for label, value in self._options():
            combo.addItem(label, value)
        combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.activated.connect(self._on_activated)
        self.combo = combo
        return combo

    def _show(self, value: Any) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(max(index, 0))

    def _on_activated(self, index: int) -> None:
        self._commit(self.combo.itemData(index))


class _BooleanField(_ChoiceField):
    """Yes / No / Not recorded: clearer than a tri-state check box."""

    def _options(self) -> list[tuple[str, Any]]:
        return [(self.tr("Yes"), True), (self.tr("No"), False)]

    def _show(self, value: Any) -> None:
        # findData(False) would match the None item's "falsy" data on some bindings.
        self.combo.setCurrentIndex({None: 0, True: 1, False: 2}[value])

    def _on_activated(self, index: int) -> None:
        self._commit({0: None, 1: True, 2: False}[index])


class _TypingField(FieldWidget):
    """A field the user types into: the text becomes a value when the user pauses, presses
    Enter or leaves the field, and before the window's Undo or Redo.

    Invalid text is never committed: the problem is shown under the field and the stored
    value stays as it was.
    """

    commit_on_pause = True

    def _start_typing(self, editor: QtWidgets.QWidget) -> None:
        self._pending = False
        self._burst = next(_BURSTS)
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_IDLE_MS)
        self._timer.timeout.connect(self.flush)
        editor.installEventFilter(self)

    def _typed(self) -> None:
        self._pending = True
        if self.commit_on_pause:
            self._timer.start()

    def _forget_typing(self) -> None:
        """The shown text now comes from the case: nothing is pending, a new burst begins."""
        self._pending = False
        self._timer.stop()
        self._burst = next(_BURSTS)

    def _text(self) -> str:
        raise NotImplementedError

    def _parse(self, text: str) -> Any:
        """The value for the text, or a CaseError naming the field, for the user."""
        raise NotImplementedError

    def _refuse(self, message: str) -> CaseError:
        return CaseError(message, field_name=self.spec.name)

    def flush(self) -> None:
        self._timer.stop()
        if not self._pending:
            return
        self._pending = False
        try:
            value = self._parse(self._text())
        except CaseError as error:
            self.show_error(_sentence(error.message))
            return
        self._commit(value, self._burst)

    def _end_burst(self) -> None:
        self.flush()
        self._burst = next(_BURSTS)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        kind = event.type()
        if kind == QtCore.QEvent.Type.ShortcutOverride and _is_undo_key(event):
            # The window's Undo/Redo act on the whole case, not on this field's own history:
            # commit the typing first, then let the shortcut through.
            self.flush()
            event.ignore()
            return True
        if kind == QtCore.QEvent.Type.FocusOut:
            self._end_burst()
        if kind == QtCore.QEvent.Type.KeyPress and self._step(event):
            return True
        return super().eventFilter(watched, event)

    def _step(self, _event: QtCore.QEvent) -> bool:
        """Handle a key that changes the value directly (Up/Down); True if handled."""
        return False


class _TypedField(_TypingField):
    """One line of text, checked by a validator as it is typed."""

    def _make_control(self) -> QtWidgets.QWidget:
        edit = QtWidgets.QLineEdit()
        edit.setClearButtonEnabled(True)
        edit.setPlaceholderText(self._placeholder())
        pattern = self._pattern()
        if pattern:
            edit.setValidator(
                QtGui.QRegularExpressionValidator(QtCore.QRegularExpression(pattern), edit)
            )
        if self.spec.max_length:
            edit.setMaxLength(self.spec.max_length)
        edit.textEdited.connect(self._on_text_edited)
        edit.returnPressed.connect(self._end_burst)
        self.edit = edit
        self._start_typing(edit)
        return edit

    def _placeholder(self) -> str:
        return not_recorded()

    def _pattern(self) -> str:
        return ""

    def _format(self, value: Any) -> str:
        return "" if value is None else str(value)

    def _text(self) -> str:
        return self.edit.text()

    def _show(self, value: Any) -> None:
        try:
            same = self._parse(self.edit.text()) == value
        except CaseError:
            same = False
        # Leave the text alone when it already means this value, so the cursor never jumps
        # while the user is typing.
        if not same:
            self.edit.setText(self._format(value))
        self._forget_typing()

    def _on_text_edited(self, _text: str) -> None:
        self._typed()

    def _commit_typed(self, text: str) -> None:
        """Put `text` in the field and commit it at once (a button or an arrow key)."""
        self.edit.setText(text)
        self._pending = True
        self.flush()


def _is_undo_key(event: QtCore.QEvent) -> bool:
    assert isinstance(event, QtGui.QKeyEvent)
    return event.matches(QtGui.QKeySequence.StandardKey.Undo) or event.matches(
        QtGui.QKeySequence.StandardKey.Redo
    )


class _TextField(_TypedField):
    def _make_control(self) -> QtWidgets.QWidget:
        edit = super()._make_control()
        if self.spec.name == "reference":
            # A new reference renames the case at once, so only a finished edit counts.
            self.commit_on_pause = False
            self.edit.setPlaceholderText(self.tr("e.g. CRLM-042"))
        return edit

    def _parse(self, text: str) -> Any:
        if self.spec.name == "reference":
            if not text.strip():
                raise self._refuse(self.tr("A case reference is required (1–64 characters)"))
            if text != text.strip():
                raise self._refuse(self.tr("A case reference must not start or end with spaces"))
            return text
        return text if text.strip() else None


class _IntegerField(_TypedField):
    def _pattern(self) -> str:
        digits = len(str(int(self.spec.maximum or 999)))
        return rf"\d{{0,{digits}}}"

    def _placeholder(self) -> str:
        return self.tr("{not_recorded} ({range})").format(
            not_recorded=not_recorded(), range=range_text(self.spec)
        )

    def _parse(self, text: str) -> Any:
        text = text.strip()
        if not text:
            return None
        try:
            value = int(text)
        except ValueError:
            raise self._refuse(
                self.tr("{field} must be a whole number").format(field=field_label(self.spec))
            ) from None
        self._check_range(value)
        return value

    def _check_range(self, value: float) -> None:
        low, high = self.spec.minimum, self.spec.maximum
        if (low is not None and value < low) or (high is not None and value > high):
            raise self._refuse(
                self.tr("{field} must be {range}").format(
                    field=field_label(self.spec), range=range_text(self.spec)
                )
            )

    def _step(self, event: QtCore.QEvent) -> bool:
        # Up and Down step through the range, like a spin box, and commit at once.
        assert isinstance(event, QtGui.QKeyEvent)
        key = event.key()
        if key not in (QtCore.Qt.Key.Key_Up, QtCore.Qt.Key.Key_Down):
            return False
        try:
            current = self._parse(self.edit.text())
        except CaseError:
            current = None
        low = int(self.spec.minimum or 0)
        high = int(self.spec.maximum or low)
        if current is None:
            new = low
        elif key == QtCore.Qt.Key.Key_Up:
            new = min(high, int(current) + 1)
        else:
            new = max(low, int(current) - 1)
        self._commit_typed(str(new))
        return True


class _NumberField(_IntegerField):
    def _pattern(self) -> str:
        digits = len(str(int(self.spec.maximum or 999)))
        return rf"\d{{0,{digits}}}([.,]\d{{0,2}})?"

    def _parse(self, text: str) -> Any:
        text = text.strip().replace(",", ".")
        if not text or text == ".":
            return None
        try:
            value = float(text)
        except ValueError:
            raise self._refuse(
                self.tr("{field} must be a number").format(field=field_label(self.spec))
            ) from None
        self._check_range(value)
        return value

    def _format(self, value: Any) -> str:
        return _number_text(value)

    def _step(self, _event: QtCore.QEvent) -> bool:
        return False


class BilirubinField(_NumberField):
    """Serum bilirubin in the unit the user prefers, mg/dL or µmol/L; always stored in mg/dL.

    The range is checked in the unit shown (0–50 mg/dL is 0–855 µmol/L), and a stored value
    is shown as the domain formats it, so the figure never seems to contradict the 2.0 mg/dL
    (34.2 µmol/L) alert threshold.
    """

    unit = MG_DL

    def set_unit(self, unit: str) -> None:
        if unit not in BILIRUBIN_UNITS:
            raise ValueError(f"unknown bilirubin unit {unit!r}")
        self.flush()  # what was typed counts in the unit it was typed in
        self.unit = unit
        self.edit.setValidator(
            QtGui.QRegularExpressionValidator(QtCore.QRegularExpression(self._pattern()), self.edit)
        )
        self.edit.setPlaceholderText(self._placeholder())
        if self.unit_label is not None:
            self.unit_label.setText(unit)
        self.control.setToolTip(self.description())
        self.control.setAccessibleDescription(self.description())
        self.edit.setText(self._format(self._value))
        self._forget_typing()
        self.clear_error()

    def _limits(self) -> tuple[float, float]:
        low, high = self.spec.minimum or 0.0, self.spec.maximum or 0.0
        return bilirubin_in(low, self.unit), bilirubin_in(high, self.unit)

    def _range_text(self) -> str:
        low, high = self._limits()
        return f"{_number_text(low)}–{_number_text(high)} {self.unit}"

    def description(self) -> str:
        parts = [field_help(self.spec)] if self.spec.help else []
        parts += [
            translate("FieldWidget", "Allowed: {range}").format(range=self._range_text()),
            self.tr("The unit is chosen in View › Bilirubin unit"),
            translate("FieldWidget", "Leave empty when not recorded"),
        ]
        return sentences(parts)

    def _placeholder(self) -> str:
        return translate("_IntegerField", "{not_recorded} ({range})").format(
            not_recorded=not_recorded(), range=self._range_text()
        )

    def _pattern(self) -> str:
        digits = len(str(int(self._limits()[1])))
        return rf"\d{{0,{digits}}}([.,]\d{{0,2}})?"

    def _check_range(self, value: float) -> None:
        low, high = self._limits()
        if value < low or value > high:
            raise self._refuse(
                translate("_IntegerField", "{field} must be {range}").format(
                    field=field_label(self.spec), range=self._range_text()
                )
            )

    def _parse(self, text: str) -> Any:
        value = super()._parse(text)
        if value is None:
            return None
        # Four decimals in mg/dL keep every value typed with two decimals in µmol/L: 34.2
        # µmol/L is stored as 2.0 mg/dL exactly, and shows as 34.2 again.
        return round(bilirubin_to_mg_dl(value, self.unit), 4)

    def _format(self, value: Any) -> str:
        if value is None:
            return ""
        return format_bilirubin(value, self.unit).removesuffix(f" {self.unit}")


class _DateField(_TypedField):
    def _decorate(self) -> None:
        if self.spec.name != "date_of_birth":
            label = field_label(self.spec).lower()
            today = QtWidgets.QToolButton()
            today.setText(self.tr("Today"))
            today.setAccessibleName(self.tr("Set {field} to today").format(field=label))
            today.setToolTip(self.tr("Set {field} to today's date").format(field=label))
            today.clicked.connect(self._on_today_clicked)
            self._row.addWidget(today)
            self.today_button = today

    def _placeholder(self) -> str:
        return self.tr("YYYY-MM-DD")

    def _pattern(self) -> str:
        return r"\d{0,4}(-\d{0,2}(-\d{0,2})?)?"

    def _format(self, value: Any) -> str:
        return value.isoformat() if isinstance(value, date) else ""

    def _parse(self, text: str) -> Any:
        text = text.strip()
        if not text:
            return None
        return parse_iso_date(text, self.spec.name)

    def _on_today_clicked(self) -> None:
        self._commit_typed(date.today().isoformat())


class _NotesField(_TypingField):
    """Free text over several lines; Tab moves on rather than typing a tab."""

    def _make_control(self) -> QtWidgets.QWidget:
        edit = QtWidgets.QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setPlaceholderText(not_recorded())
        edit.textChanged.connect(self._on_text_changed)
        self.edit = edit
        self._loading = False
        self._start_typing(edit)
        return edit

    def _text(self) -> str:
        return self.edit.toPlainText()

    def _parse(self, text: str) -> Any:
        limit = self.spec.max_length
        if limit and len(text) > limit:
            raise self._refuse(
                self.tr("Notes are {length} characters long; at most {limit} fit").format(
                    length=f"{len(text):,}", limit=f"{limit:,}"
                )
            )
        return text if text.strip() else None

    def _show(self, value: Any) -> None:
        current = self.edit.toPlainText()
        if (current if current.strip() else None) != value:
            self._loading = True
            try:
                self.edit.setPlainText(value or "")
            finally:
                self._loading = False
        self._forget_typing()

    def _on_text_changed(self) -> None:
        if not self._loading:
            self._typed()


_WIDGETS: dict[Kind, type[FieldWidget]] = {
    Kind.CHOICE: _ChoiceField,
    Kind.BOOLEAN: _BooleanField,
    Kind.INTEGER: _IntegerField,
    Kind.NUMBER: _NumberField,
    Kind.DATE: _DateField,
    Kind.TEXT: _TextField,
}


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:]


def make_field_widget(spec: FieldSpec, parent: QtWidgets.QWidget | None = None) -> FieldWidget:
    """The editing widget for one field of the case format."""
    if spec.kind is Kind.TEXT and spec.name == "notes":
        return _NotesField(spec, parent)
    if spec.name == "bilirubin_mg_dl":
        return BilirubinField(spec, parent)
    return _WIDGETS[spec.kind](spec, parent)


def make_field_label(spec: FieldSpec, widget: FieldWidget) -> QtWidgets.QLabel:
    """The form label for a field, tied to its control so clicking it focuses the control."""
    label = QtWidgets.QLabel(translate("FieldWidget", "{field}:").format(field=field_label(spec)))
    label.setBuddy(widget.control)
    return label


__all__ = [
    "HIDDEN_TEXT",
    "NOT_RECORDED",
    "BilirubinField",
    "FieldWidget",
    "field_description",
    "hidden_text",
    "make_field_label",
    "make_field_widget",
    "not_recorded",
    "range_text",
    "sentences",
]
