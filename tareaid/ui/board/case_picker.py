"""Choosing a case to add to the agenda: type to filter, arrows to choose, Enter to add.

Cases are shown by reference, board date and headline only; identifiers never appear in the
board windows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tareaid.ui.i18n import evidence_note, translate
from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets


@dataclass(frozen=True)
class Candidate:
    """A case that could join the agenda."""

    reference: str
    board_date: date | None
    headline: str

    def text(self) -> str:
        if self.board_date:
            when = self.board_date.isoformat()
        else:
            when = translate("CasePicker", "no board date")
        return f"{self.reference}  ·  {when}  ·  {self.headline}"


class CasePicker(QtWidgets.QDialog):
    """A filterable list of cases; ``reference()`` is the chosen one."""

    def __init__(self, parent: QtWidgets.QWidget | None, candidates: Sequence[Candidate]) -> None:
        super().__init__(parent)
        self.setObjectName("casePicker")
        self.setWindowTitle(self.tr("Add a case to the agenda"))
        self.setAccessibleName(self.tr("Add a case to the agenda"))
        layout = QtWidgets.QVBoxLayout(self)
        label = QtWidgets.QLabel(self.tr("&Find a case by reference or headline:"))
        self.filter_edit = QtWidgets.QLineEdit()
        self.filter_edit.setObjectName("caseFilter")
        self.filter_edit.setAccessibleName(self.tr("Find a case"))
        self.filter_edit.setClearButtonEnabled(True)
        label.setBuddy(self.filter_edit)
        layout.addWidget(label)
        layout.addWidget(self.filter_edit)
        self.case_list = QtWidgets.QListWidget()
        self.case_list.setObjectName("caseList")
        self.case_list.setAccessibleName(self.tr("Cases not on the agenda"))
        layout.addWidget(self.case_list, 1)
        # Each stored headline as the domain worded it: in English, and said to be in another
        # interface language (as in the case list).
        note = evidence_note()
        for candidate in candidates:
            item = QtWidgets.QListWidgetItem(candidate.text())
            item.setData(Qt.ItemDataRole.UserRole, candidate.reference)
            if note:
                item.setToolTip(f"{candidate.text()}\n{note}")
            self.case_list.addItem(item)
        self.empty_label = QtWidgets.QLabel(self.tr("No other cases to add."))
        self.empty_label.setVisible(not candidates)
        layout.addWidget(self.empty_label)
        note = QtWidgets.QLabel(
            self.tr(
                "A case from another board date keeps its own date; it is discussed at this board."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Add to agenda"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.filter_edit.textChanged.connect(self._on_filter_changed)
        self.filter_edit.installEventFilter(self)
        self.case_list.itemActivated.connect(lambda _item: self.accept())
        self._select_first_visible()
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 100, metrics.lineSpacing() * 24)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        # Up and Down in the search line move through the list, so typing and choosing
        # never need the mouse or a Tab.
        if (
            watched is self.filter_edit
            and isinstance(event, QtGui.QKeyEvent)
            and event.type() == QtCore.QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            self._step(1 if event.key() == Qt.Key.Key_Down else -1)
            return True
        return super().eventFilter(watched, event)

    def _visible_rows(self) -> list[int]:
        return [r for r in range(self.case_list.count()) if not self.case_list.item(r).isHidden()]

    def _step(self, delta: int) -> None:
        rows = self._visible_rows()
        if not rows:
            return
        current = self.case_list.currentRow()
        index = rows.index(current) + delta if current in rows else 0
        self.case_list.setCurrentRow(rows[max(0, min(len(rows) - 1, index))])

    def _select_first_visible(self) -> None:
        rows = self._visible_rows()
        self.case_list.setCurrentRow(rows[0] if rows else -1)
        self.ok_button.setEnabled(bool(rows))

    def _on_filter_changed(self, text: str) -> None:
        needle = text.casefold().strip()
        for row in range(self.case_list.count()):
            item = self.case_list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())
        self._select_first_visible()

    def accept(self) -> None:
        if self.reference() is None:
            return
        super().accept()

    def reference(self) -> str | None:
        item = self.case_list.currentItem()
        if item is None or item.isHidden():
            return None
        return item.data(Qt.ItemDataRole.UserRole)
