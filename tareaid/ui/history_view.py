"""The case's audit trail: every change, when, by whom, the old and new value, the reason."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tareaid.domain.evidence import load_pack
from tareaid.domain.fields import (
    DECISION_OUTCOME_LABELS,
    FACTOR_KEYS,
    FIELDS_BY_NAME,
    TIER_LABELS,
    Kind,
)
from tareaid.store.errors import StoreError
from tareaid.ui.busy import busy_cursor, on_server
from tareaid.ui.field_widgets import NOT_RECORDED
from tareaid.ui.qt import Qt, QtCore, QtWidgets
from tareaid.ui.tiers import tier_text

if TYPE_CHECKING:
    from tareaid.store.records import AuditEntry
    from tareaid.store.repository import Repository

WHEN, WHO, ACTION, FIELD, OLD, NEW, REASON = range(7)
NOTE = "Every stored change to this case, newest first. The trail cannot be edited."
HEADERS = ("When", "By", "Change", "Field", "Old value", "New value", "Reason")


ACTION_WORDS = {
    "create": "Created",
    "import": "Imported",
    "change": "Changed",
    "rename": "Renamed",
    "override_set": "Override set",
    "override_changed": "Override changed",
    "override_removed": "Override removed",
    "decision_recorded": "Decision recorded",
    "decision_changed": "Decision changed",
    "decision_finalised": "Decision finalised",
    "decision_amended": "Decision amended",
    "decision_removed": "Decision removed",
    "amend": "Amendment of a finalised case",
    "archive": "Archived",
    "restore": "Restored",
}


def value_text(field: str | None, stored: str | None) -> str:
    """A stored old/new value (JSON text) in the words the rest of the application uses."""
    if stored is None:
        return ""
    try:
        value = json.loads(stored)
    except json.JSONDecodeError:  # the trail stores JSON; anything else is shown as stored
        return stored
    if value is None:
        return NOT_RECORDED
    if not field and isinstance(value, dict):
        # A created or imported case: the whole case, summarised (the tooltip has it all).
        return f"Case with {len(value)} recorded values"
    spec = FIELDS_BY_NAME.get(field or "")
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if spec is not None and spec.kind is Kind.CHOICE and isinstance(value, str):
        return spec.choice_label(value)
    if field in FACTOR_KEYS and isinstance(value, dict):
        tier = value.get("tier")
        words = tier_text(tier) if tier in TIER_LABELS else str(tier)
        return f"{words}: {value.get('reason', '')}"
    if field == "decision" and isinstance(value, dict):
        outcome = value.get("outcome")
        words = DECISION_OUTCOME_LABELS.get(outcome, str(outcome))
        return f"{words} (finalised)" if value.get("finalised") else words
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def whole_case_text(stored: str | None) -> str:
    """A created or imported case, one recorded value a line, in the application's words."""
    try:
        value = json.loads(stored) if stored else None
    except json.JSONDecodeError:
        return stored or ""
    if not isinstance(value, dict):
        return ""
    return "\n".join(
        f"{_field_label(name)}: {value_text(name, json.dumps(item))}"
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
        return spec.label
    if name in FACTOR_KEYS:
        return f"{load_pack().factor(name).label} (tier)"
    return str(name).replace("_", " ").capitalize()


class HistoryModel(QtCore.QAbstractTableModel):
    """Audit entries of one case, newest first."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[AuditEntry] = []

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
            return HEADERS[section]
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
            return whole_case_text(entry.old if column == OLD else entry.new)
        if column == WHEN:
            return _when(entry.at)
        if column == WHO:
            # On a server, the database login beside the computer's account.
            login = getattr(entry, "login", None)
            return f"{entry.user or ''} ({login})" if login else entry.user or ""
        if column == ACTION:
            action = str(entry.action or "")
            return ACTION_WORDS.get(action, action.replace("_", " "))
        if column == FIELD:
            return _field_label(entry.field)
        if column == OLD:
            return value_text(entry.field, entry.old)
        if column == NEW:
            return value_text(entry.field, entry.new)
        if column == REASON:
            return entry.reason or ""
        return None


class HistoryView(QtWidgets.QWidget):
    """The audit trail of the open case, loaded when the tab is shown."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.note = QtWidgets.QLabel(NOTE)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.model = HistoryModel(self)
        self.table = QtWidgets.QTableView()
        self.table.setObjectName("history_table")
        self.table.setAccessibleName("Case history")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)

    def load(self, repository: Repository, reference: str | None) -> None:
        if reference is None:
            self.model.set_entries([])
            return
        try:
            with busy_cursor(on_server(repository)):
                entries = repository.history(reference)
        except StoreError as error:
            self.note.setText(f"The history could not be read: {error.message}")
            self.model.set_entries([])
            return
        self.note.setText(NOTE)
        self.model.set_entries(entries)
        self.table.resizeColumnsToContents()
