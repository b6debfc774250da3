"""The left-hand pane: search box, list filters, the new-case bar and the case table.

This pane finds and selects cases; it never opens a database session itself (the model
asks the repository) and never decides what a case means (the model shows the stored
counts and headline).
"""

from __future__ import annotations

from typing import Any

from tareaid.domain.fields import REFERENCE_MAX
from tareaid.ui.case_list_model import (
    AGAINST,
    BOARD_DATE,
    FAVOURS,
    HEADLINE,
    MRN,
    NAME,
    NEUTRAL,
    PAGE_SIZE,
    REFERENCE,
    CaseListModel,
    ReferenceRole,
)
from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from tareaid.ui.tiers import TIER_SHAPES

SEARCH_DEBOUNCE_MS = 150

# Typical content of each column, to size it from the font without reading every row.
COLUMN_SAMPLES = {
    REFERENCE: "CRLM-0000-copy",
    BOARD_DATE: "2026-12-31",
    FAVOURS: f"{TIER_SHAPES['favours']} 6",
    NEUTRAL: f"{TIER_SHAPES['neutral']} 6",
    AGAINST: f"{TIER_SHAPES['against']} 6",
    NAME: "Firstname Double-Lastname",
    MRN: "MRN-0000000",
}
# The columns whose width follows the fetched rows (the others' content has a fixed form).
MEASURED_COLUMNS = frozenset((REFERENCE, NAME, MRN))


class NewCaseBar(QtWidgets.QFrame):
    """An inline prompt for a new case's reference: type it, press Enter.

    Signals:
        reference_entered(str, object): the user confirmed a reference; the second argument
            is the reference of the case to copy, or None for an empty case.
        cancelled(): the user gave up (Escape or Cancel).
    """

    reference_entered = Signal(str, object)
    cancelled = Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self._source: str | None = None
        layout = QtWidgets.QGridLayout(self)
        self.title = QtWidgets.QLabel()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title, 0, 0, 1, 3)
        self.edit = QtWidgets.QLineEdit()
        self.edit.setMaxLength(REFERENCE_MAX)
        self.edit.setPlaceholderText(self.tr("Case reference, e.g. CRLM-042"))
        self.edit.setAccessibleName(self.tr("New case reference"))
        self.edit.returnPressed.connect(self._on_return_pressed)
        self.edit.installEventFilter(self)
        self.label = QtWidgets.QLabel(self.tr("Reference:"))
        self.label.setBuddy(self.edit)
        layout.addWidget(self.label, 1, 0)
        layout.addWidget(self.edit, 1, 1, 1, 2)
        self.error = QtWidgets.QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("New case problem"))
        font = self.error.font()
        font.setBold(True)
        self.error.setFont(font)
        self.error.hide()
        layout.addWidget(self.error, 2, 0, 1, 3)
        hint = QtWidgets.QLabel(self.tr("Use a pseudonymous reference, not the patient's name."))
        hint.setWordWrap(True)
        layout.addWidget(hint, 3, 0, 1, 3)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addStretch(1)
        self.create_button = QtWidgets.QPushButton(self.tr("Create"))
        self.create_button.setAccessibleName(self.tr("Create case"))
        self.create_button.clicked.connect(self._on_return_pressed)
        self.cancel_button = QtWidgets.QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel new case"))
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons, 4, 0, 1, 3)
        layout.setColumnStretch(1, 1)
        self.hide()

    def start(self, *, source: str | None = None, suggestion: str = "") -> None:
        """Show the bar and put the cursor in it (a copy of `source` when given)."""
        self._source = source
        self.title.setText(
            self.tr("Duplicate {reference}").format(reference=source)
            if source
            else self.tr("New case")
        )
        self.edit.setText(suggestion)
        self.clear_error()
        self.show()
        self.edit.selectAll()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def finish(self) -> None:
        self.edit.clear()
        self.clear_error()
        self.hide()

    def cancel(self) -> None:
        self.finish()
        self.cancelled.emit()

    def show_error(self, message: str) -> None:
        self.error.setText(f"\N{WARNING SIGN} {message}")
        self.error.show()
        self.edit.setFocus()

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()

    def _on_return_pressed(self) -> None:
        text = self.edit.text()
        if not text.strip():
            self.show_error(self.tr("Type a reference for the case (1–64 characters)."))
            return
        if text != text.strip():
            self.show_error(self.tr("A reference must not start or end with spaces."))
            return
        self.reference_entered.emit(text, self._source)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if (
            watched is self.edit
            and event.type() == QtCore.QEvent.Type.KeyPress
            and isinstance(event, QtGui.QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self.cancel()
            return True
        return super().eventFilter(watched, event)


class CaseTable(QtWidgets.QTableView):
    """The case table; Enter opens the selected case.

    Signals:
        activated_with_keyboard(): Enter or Return was pressed on a row.
    """

    activated_with_keyboard = Signal()

    def focusInEvent(self, event: QtGui.QFocusEvent) -> None:
        # Given the focus with no current row, Qt makes the first row current, and a
        # current row opens its case: a click on the scroll bar (or the window being
        # activated by one), Ctrl+L or Tab would open a case nobody chose. Only choosing a
        # row (click, arrow keys, Enter) makes one current here.
        if self.currentIndex().isValid():
            super().focusInEvent(event)
            return
        selection = self.selectionModel()
        blocked = selection.blockSignals(True)
        try:
            super().focusInEvent(event)
            selection.clearCurrentIndex()
        finally:
            selection.blockSignals(blocked)
        self.viewport().update()

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_with_keyboard.emit()
            return
        super().keyPressEvent(event)


class CaseListPane(QtWidgets.QWidget):
    """Search, filters and the case table.

    Signals:
        current_case_changed(object): the selected case's reference (None when none).
        case_activated(str): the user pressed Enter or double-clicked a case.
        new_case_confirmed(str, object): the new-case bar's reference and the copied case.
        new_case_requested(): the user pressed the New case button.
    """

    current_case_changed = Signal(object)
    case_activated = Signal(str)
    new_case_confirmed = Signal(str, object)
    new_case_requested = Signal()

    def __init__(self, model: CaseListModel, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._current: str | None = None
        self._fitted_columns: tuple[tuple[str, ...], bool] | None = None
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.search = QtWidgets.QLineEdit()
        self.search.setPlaceholderText(self.search_placeholder(show_identifiers=False))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.setAccessibleDescription(
            self.tr(
                "Shows the cases whose reference contains the text; also name and MRN when "
                "identifiers are shown."
            )
        )
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.installEventFilter(self)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.search, 1)
        self.new_case_button = QtWidgets.QPushButton(self.tr("New case…"))
        self.new_case_button.setToolTip(self.tr("Create a case (Ctrl+N)"))
        self.new_case_button.clicked.connect(self.new_case_requested)
        top.addWidget(self.new_case_button)
        layout.addLayout(top)
        self._search_timer = QtCore.QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)

        filters = QtWidgets.QHBoxLayout()
        self.show_identifiers_box = QtWidgets.QCheckBox(self.tr("Show &identifiers"))
        self.show_identifiers_box.setAccessibleName(self.tr("Show identifiers"))
        self.show_identifiers_box.setToolTip(
            self.tr("Show patient names and MRNs in the list and search them")
        )
        self.show_archived_box = QtWidgets.QCheckBox(self.tr("Sho&w archived"))
        self.show_archived_box.setAccessibleName(self.tr("Show archived cases"))
        filters.addWidget(self.show_identifiers_box)
        filters.addWidget(self.show_archived_box)
        filters.addStretch(1)
        self.count_label = QtWidgets.QLabel()
        self.count_label.setAccessibleName(self.tr("Number of cases"))
        filters.addWidget(self.count_label)
        layout.addLayout(filters)

        self.empty_label = QtWidgets.QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        layout.addWidget(self.empty_label)

        self.new_case_bar = NewCaseBar(self)
        self.new_case_bar.reference_entered.connect(self.new_case_confirmed)
        self.new_case_bar.cancelled.connect(self._on_new_case_cancelled)
        layout.addWidget(self.new_case_bar)

        self.table = CaseTable(self)
        self.table.setObjectName("case_table")
        self.table.setAccessibleName(self.tr("Cases"))
        self.table.setModel(model)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        vertical = self.table.verticalHeader()
        vertical.hide()
        # Rows of one line of text, sized from the font (not measured row by row).
        vertical.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.table.fontMetrics().height() * 8 // 5)
        self.table.setHorizontalScrollMode(QtWidgets.QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(False)
        header.setHighlightSections(False)
        header.setMinimumSectionSize(24)
        order = Qt.SortOrder.DescendingOrder if model.descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(model.sort_column(), order)
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._on_sort_indicator_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.activated_with_keyboard.connect(self._on_table_activated_with_keyboard)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        model.modelReset.connect(self._on_model_reset)
        model.total_changed.connect(self._on_total_changed)
        layout.addWidget(self.table, 1)

    # Public -----------------------------------------------------------------------------

    def search_placeholder(self, *, show_identifiers: bool) -> str:
        """What the empty search box says it searches."""
        if show_identifiers:
            return self.tr("Search by reference, name or MRN (Ctrl+F)")
        return self.tr("Search by reference (Ctrl+F)")

    def current_reference(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.data(index, ReferenceRole)

    def select(self, reference: str | None) -> bool:
        """Select a case's row (fetching a few pages to find it); False if it is not listed."""
        if reference is None:
            self.table.clearSelection()
            self.table.setCurrentIndex(QtCore.QModelIndex())
            return False
        row = self.model.row_of(reference)
        if row < 0:
            return False
        self._select_row(row)
        return True

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        # One call makes it current and selected: a second would fire a second change when
        # a slot has meanwhile moved the selection back (leaving a case was refused).
        flags = (
            QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QtCore.QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def apply_search_now(self) -> None:
        """Apply the typed search at once, on this thread (instead of after the pause)."""
        self._search_timer.stop()
        self.model.set_search(self.search.text())

    def fit_columns(self) -> None:
        """Size each column to its content; the headline, last, takes the width left.

        Done when the set of columns changes (identifiers shown or hidden) and when the
        first cases arrive, not on every search, so columns do not jump while typing. A
        column is as wide as its title (with the sort arrow) and the widest of the rows
        fetched so far, but no wider than a typical long value: one very long reference
        does not push the headline out of view (its tooltip and a drag show it whole).
        Only the fetched rows are measured, never the whole database.
        """
        key = (self.model.columns, self.model.rowCount() > 0)
        if key == self._fitted_columns:
            return
        self._fitted_columns = key
        columns = self.model.columns
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        padding = metrics.horizontalAdvance("M") * 2
        rows = range(min(self.model.rowCount(), PAGE_SIZE))
        for column, name in enumerate(columns):
            if name == HEADLINE:
                header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.Stretch)
                continue
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.Interactive)
            # The header's own size hint has room for the title and the sort arrow.
            title = header.sectionSizeHint(column)
            longest = metrics.horizontalAdvance(COLUMN_SAMPLES[name]) + padding
            if rows and name in MEASURED_COLUMNS:
                texts = (self.model.data(self.model.index(row, column)) or "" for row in rows)
                widest = max(metrics.horizontalAdvance(text) for text in texts) + padding
                longest = min(longest, widest)
            header.resizeSection(column, max(title, longest))
        header.setStretchLastSection(True)

    # Slots ------------------------------------------------------------------------------

    def _on_search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_search_timer_timeout(self) -> None:
        # The selection survives the reset when the case is still listed (_on_model_reset).
        self.model.search_in_background(self.search.text())

    def _sync_sort_indicator(self) -> None:
        # The header shows the order the model really applied (names and MRNs are not a
        # sort order, so a click on them must not leave a misleading arrow).
        column = self.model.sort_column()
        descending = self.model.descending
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() != column or header.sortIndicatorOrder() != order:
            header.blockSignals(True)
            header.setSortIndicator(column, order)
            header.blockSignals(False)
            header.viewport().update()

    def _on_sort_indicator_changed(self, _column: int, _order: Qt.SortOrder) -> None:
        self._sync_sort_indicator()

    def _on_model_reset(self) -> None:
        self.fit_columns()
        self._sync_sort_indicator()
        # A new list starts at its top. Left scrolled down, the view would fetch the next
        # page at once, as if the user had scrolled to the end.
        self.table.scrollToTop()
        if self._current:
            # Only among the rows just fetched: after a sort or search the case may be
            # thousands of rows away, and fetching pages to find it would stall the window.
            row = self.model.row_of(self._current, fetch_pages=0)
            if row >= 0:
                self._select_row(row)

    def _on_total_changed(self, total: int) -> None:
        self.count_label.setText(self.tr("{count} case(s)", "", total).format(count=f"{total:,}"))
        if total:
            self.empty_label.hide()
        else:
            self.empty_label.setText(
                self.tr("No case matches the search.")
                if self.model.search
                else self.tr(
                    "No cases yet. Create one with New case (Ctrl+N), or use File › Import."
                )
            )
            self.empty_label.show()

    def _on_current_row_changed(self, current: QtCore.QModelIndex, _previous: Any) -> None:
        reference = self.model.data(current, ReferenceRole) if current.isValid() else None
        if reference is None:
            return
        if reference != self._current:
            self._current = reference
            self.current_case_changed.emit(reference)

    def _on_table_double_clicked(self, index: QtCore.QModelIndex) -> None:
        reference = self.model.data(index, ReferenceRole)
        if reference:
            self.case_activated.emit(reference)

    def _on_table_activated_with_keyboard(self) -> None:
        reference = self.current_reference()
        if reference:
            self.case_activated.emit(reference)

    def _on_new_case_cancelled(self) -> None:
        self.table.setFocus()

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        # Down from the search box goes to the results, as in a browser's find bar.
        if (
            watched is self.search
            and event.type() == QtCore.QEvent.Type.KeyPress
            and isinstance(event, QtGui.QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.apply_search_now()
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            if not self.table.currentIndex().isValid() and self.model.rowCount():
                self.table.setCurrentIndex(self.model.index(0, 0))
            return True
        return super().eventFilter(watched, event)
