"""The case's audit trail: every change, when, by whom, the old and new value, the reason."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tareaid.domain.evidence import load_pack
from tareaid.domain.fields import (
    FACTOR_KEYS,
    FIELDS_BY_NAME,
    IDENTIFYING_FIELDS,
    TIER_LABELS,
    Kind,
)
from tareaid.domain.units import MG_DL, format_bilirubin
from tareaid.store.errors import StoreError
from tareaid.ui.field_widgets import hidden_text, not_recorded
from tareaid.ui.i18n import QT_TRANSLATE_NOOP, translate
from tareaid.ui.qt import Qt, QtCore, QtWidgets
from tareaid.ui.tiers import tier_text
from tareaid.ui.vocabulary import choice_label, field_label, outcome_label

if TYPE_CHECKING:
    from tareaid.store.records import AuditEntry
    from tareaid.store.repository import Repository

WHEN, WHO, ACTION, FIELD, OLD, NEW, REASON = range(7)
# Words translated where they are shown (context "HistoryModel").
NOTE = QT_TRANSLATE_NOOP(
    "HistoryModel", "Every stored change to this case, newest first. The trail cannot be edited."
)
HEADERS = (
    QT_TRANSLATE_NOOP("HistoryModel", "When"),
    QT_TRANSLATE_NOOP("HistoryModel", "By"),
    QT_TRANSLATE_NOOP("HistoryModel", "Change"),
    QT_TRANSLATE_NOOP("HistoryModel", "Field"),
    QT_TRANSLATE_NOOP("HistoryModel", "Old value"),
    QT_TRANSLATE_NOOP("HistoryModel", "New value"),
    QT_TRANSLATE_NOOP("HistoryModel", "Reason"),
)


ACTION_WORDS = {
    "create": QT_TRANSLATE_NOOP("HistoryModel", "Created"),
    "import": QT_TRANSLATE_NOOP("HistoryModel", "Imported"),
    "change": QT_TRANSLATE_NOOP("HistoryModel", "Changed"),
    "rename": QT_TRANSLATE_NOOP("HistoryModel", "Renamed"),
    "override_set": QT_TRANSLATE_NOOP("HistoryModel", "Override set"),
    "override_changed": QT_TRANSLATE_NOOP("HistoryModel", "Override changed"),
    "override_removed": QT_TRANSLATE_NOOP("HistoryModel", "Override removed"),
    "decision_recorded": QT_TRANSLATE_NOOP("HistoryModel", "Decision recorded"),
    "decision_changed": QT_TRANSLATE_NOOP("HistoryModel", "Decision changed"),
    "decision_finalised": QT_TRANSLATE_NOOP("HistoryModel", "Decision finalised"),
    "decision_amended": QT_TRANSLATE_NOOP("HistoryModel", "Decision amended"),
    "decision_removed": QT_TRANSLATE_NOOP("HistoryModel", "Decision removed"),
    "amend": QT_TRANSLATE_NOOP("HistoryModel", "Amendment of a finalised case"),
    "archive": QT_TRANSLATE_NOOP("HistoryModel", "Archived"),
    "restore": QT_TRANSLATE_NOOP("HistoryModel", "Restored"),
}


def value_text(field: str | None, stored: str | None, bilirubin_unit: str = MG_DL) -> str:
    """A stored old/new value (JSON text) in the words the rest of the application uses
    (bilirubin with its unit, in the unit the user prefers)."""
    if stored is None:
        return ""
    try:
        value = json.loads(stored)
    except json.JSONDecodeError:  # the trail stores JSON; anything else is shown as stored
        return stored
    if value is None:
        return not_recorded()
    if not field and isinstance(value, dict):
        # A created or imported case: the whole case, summarised (the tooltip has it all).
        return translate("HistoryModel", "Case with {count} recorded values").format(
            count=len(value)
        )
    spec = FIELDS_BY_NAME.get(field or "")
    if isinstance(value, bool):
        return translate("HistoryModel", "Yes") if value else translate("HistoryModel", "No")
    if spec is not None and spec.kind is Kind.CHOICE and isinstance(value, str):
        return choice_label(spec, value)
    if field in FACTOR_KEYS and isinstance(value, dict):
        tier = value.get("tier")
        words = tier_text(tier) if tier in TIER_LABELS else str(tier)
        return translate("HistoryModel", "{tier}: {reason}").format(
            tier=words, reason=value.get("reason", "")
        )
    if field == "decision" and isinstance(value, dict):
        words = outcome_label(str(value.get("outcome")))
        if value.get("finalised"):
            return translate("HistoryModel", "{outcome} (finalised)").format(outcome=words)
        return words
    if field == "bilirubin_mg_dl" and isinstance(value, int | float):
        return format_bilirubin(float(value), bilirubin_unit)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def whole_case_text(
    stored: str | None, bilirubin_unit: str = MG_DL, hidden: frozenset[str] = frozenset()
) -> str:
    """A created or imported case, one recorded value a line, in the application's words;
    the fields named in `hidden` show the stand-in instead of their value."""
    try:
        value = json.loads(stored) if stored else None
    except json.JSONDecodeError:
        return "" if hidden else (stored or "")
    if not isinstance(value, dict):
        return ""
    line = translate("HistoryModel", "{field}: {value}")
    return "\n".join(
        line.format(
            field=_field_label(name),
            value=hidden_text()
            if name in hidden
            else value_text(name, json.dumps(item), bilirubin_unit),
        )
        for name, item in value.items()
        if name in FIELDS_BY_NAME
    )


def _when(value: Any) -> str:
    if isinstance(value, datetime):
        local = value.astimezone() if value.tzinfo else value
        return f"{local:%Y-%m-%d %H:%M}"
    return "" if value is None else str(value)


def _field_label(name: Any) -> str:
    if not name:
        return ""
    spec = FIELDS_BY_NAME.get(str(name))
    if spec is not None:
        return field_label(spec)
    if name in FACTOR_KEYS:
        # The factor's name is the evidence pack's.
        return translate("HistoryModel", "{factor} (tier)").format(
            factor=load_pack().factor(name).label
        )
    if name == "decision":
        return translate("HistoryModel", "Decision")
    return str(name).replace("_", " ").capitalize()


class HistoryModel(QtCore.QAbstractTableModel):
    """Audit entries of one case, newest first.

    While identifiers are hidden, the old and new values of name, MRN and date of birth
    show a stand-in, unless the user revealed that one field.
    """

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[AuditEntry] = []
        self.bilirubin_unit = MG_DL
        self._masking = False
        self._revealed: set[str] = set()

    def set_bilirubin_unit(self, unit: str) -> None:
        self.beginResetModel()
        self.bilirubin_unit = unit
        self.endResetModel()

    @property
    def hidden(self) -> frozenset[str]:
        """The identifying fields whose values are hidden just now."""
        if not self._masking:
            return frozenset()
        return IDENTIFYING_FIELDS - self._revealed

    def set_masking(self, masking: bool) -> None:
        """Hide identifying values (True) or show them; hiding forgets every reveal."""
        self._masking = masking
        if masking:
            self._revealed.clear()
        self._changed_values()

    def reveal(self, field: str) -> None:
        """Show the values of one identifying field (until the case or setting changes)."""
        self._revealed.add(field)
        self._changed_values()

    def conceal(self) -> None:
        self._revealed.clear()
        self._changed_values()

    def entry_field(self, row: int) -> str | None:
        return self._entries[row].field if 0 <= row < len(self._entries) else None

    def _changed_values(self) -> None:
        if self._entries:
            self.dataChanged.emit(self.index(0, OLD), self.index(len(self._entries) - 1, NEW))

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.beginResetModel()
        self._entries = list(reversed(entries))
        self.endResetModel()

    def rowCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADERS)
        ):
            return translate("HistoryModel", HEADERS[section])
        return None

    def flags(self, index: QtCore.QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: QtCore.QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and column in (OLD, NEW) and not entry.field:
            return whole_case_text(
                entry.old if column == OLD else entry.new, self.bilirubin_unit, self.hidden
            )
        if column in (OLD, NEW) and entry.field in self.hidden:
            stored = entry.old if column == OLD else entry.new
            return "" if stored is None else hidden_text()
        if column == WHEN:
            return _when(entry.at)
        if column == WHO:
            return entry.user or ""
        if column == ACTION:
            action = str(entry.action or "")
            if action in ACTION_WORDS:
                return translate("HistoryModel", ACTION_WORDS[action])
            return action.replace("_", " ")
        if column == FIELD:
            return _field_label(entry.field)
        if column == OLD:
            return value_text(entry.field, entry.old, self.bilirubin_unit)
        if column == NEW:
            return value_text(entry.field, entry.new, self.bilirubin_unit)
        if column == REASON:
            return entry.reason or ""
        return None


class HistoryView(QtWidgets.QWidget):
    """The audit trail of the open case, loaded when the tab is shown."""

    def __init__(
        self, parent: QtWidgets.QWidget | None = None, *, bilirubin_unit: str = MG_DL
    ) -> None:
        super().__init__(parent)
        self._reference: str | None = None
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QtWidgets.QHBoxLayout()
        self.note = QtWidgets.QLabel(translate("HistoryModel", NOTE))
        self.note.setWordWrap(True)
        top.addWidget(self.note, 1)
        # While identifiers are hidden: shows the values of the selected row's identifying
        # field (that field only).
        self.show_button = QtWidgets.QPushButton()
        self.show_button.setObjectName("history_show_identifier")
        self.show_button.setAccessibleName(self.tr("Show the selected identifier"))
        self.show_button.clicked.connect(self._on_show_clicked)
        self.show_button.hide()
        top.addWidget(self.show_button)
        layout.addLayout(top)
        self.model = HistoryModel(self)
        self.model.bilirubin_unit = bilirubin_unit
        self.table = QtWidgets.QTableView()
        self.table.setObjectName("history_table")
        self.table.setAccessibleName(self.tr("Case history"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._update_show_button)
        layout.addWidget(self.table, 1)

    def set_bilirubin_unit(self, unit: str) -> None:
        self.model.set_bilirubin_unit(unit)

    def set_show_identifiers(self, show: bool) -> None:
        """Show identifying values, or hide them (each can then be shown on request)."""
        self.model.set_masking(not show)
        self._update_show_button()

    def load(self, repository: Repository, reference: str | None) -> None:
        if reference != self._reference:
            self._reference = reference
            self.model.conceal()  # what was shown for one case is hidden for the next
        if reference is None:
            self.model.set_entries([])
            self._update_show_button()
            return
        try:
            entries = repository.history(reference)
        except StoreError as error:
            self.note.setText(
                self.tr("The history could not be read: {message}").format(message=error.message)
            )
            self.model.set_entries([])
            self._update_show_button()
            return
        self.note.setText(translate("HistoryModel", NOTE))
        self.model.set_entries(entries)
        self.table.resizeColumnsToContents()
        self._update_show_button()

    def _selected_hidden_field(self) -> str | None:
        field = self.model.entry_field(self.table.currentIndex().row())
        return field if field in self.model.hidden else None

    def _update_show_button(self, *_args: object) -> None:
        field = self._selected_hidden_field()
        if field is None:
            self.show_button.hide()
            return
        label = field_label(field).lower()
        self.show_button.setText(self.tr("Show the {field}").format(field=label))
        self.show_button.setAccessibleName(
            self.tr("Show the {field} in the history").format(field=label)
        )
        self.show_button.show()

    def _on_show_clicked(self) -> None:
        field = self._selected_hidden_field()
        if field is not None:
            self.model.reveal(field)
            self.table.resizeColumnsToContents()
        self._update_show_button()
