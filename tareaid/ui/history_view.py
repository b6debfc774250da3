"""The case's audit trail: every change, when, by whom, the old and new value, the reason."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tareaid.domain.fields import FIELDS_BY_NAME
from tareaid.store.errors import StoreError
from tareaid.ui.qt import Qt, QtCore, QtWidgets

WHEN, WHO, ACTION, FIELD, OLD, NEW, REASON = range(7)
HEADERS = ("When", "By", "Change", "Field", "Old value", "New value", "Reason")


def _when(value: Any) -> str:
    if isinstance(value, datetime):
        local = value.astimezone() if value.tzinfo else value
        return f"{local:%Y-%m-%d %H:%M}"
    return "" if value is None else str(value)


def _field_label(name: Any) -> str:
    if not name:
        return ""
    spec = FIELDS_BY_NAME.get(str(name))
    return spec.label if spec else str(name)


class HistoryModel(QtCore.QAbstractTableModel):
    """Audit entries of one case, newest first."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Any] = []

    def set_entries(self, entries: list[Any]) -> None:
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
        if column == WHEN:
            return _when(entry.at)
        if column == WHO:
            return entry.user or ""
        if column == ACTION:
            return str(entry.action or "").replace("_", " ")
        if column == FIELD:
            return _field_label(entry.field)
        if column == OLD:
            return "" if entry.old is None else str(entry.old)
        if column == NEW:
            return "" if entry.new is None else str(entry.new)
        if column == REASON:
            return entry.reason or ""
        return None


class HistoryView(QtWidgets.QWidget):
    """The audit trail of the open case, loaded when the tab is shown."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.note = QtWidgets.QLabel(
            "Every stored change to this case, newest first. The trail cannot be edited."
        )
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

    def load(self, repository: Any, reference: str | None) -> None:
        if reference is None:
            self.model.set_entries([])
            return
        try:
            entries = repository.history(reference)
        except StoreError as error:
            self.note.setText(f"The history could not be read: {error.message}")
            self.model.set_entries([])
            return
        self.model.set_entries(entries)
        self.table.resizeColumnsToContents()
