"""What the case pane shows when no case is open: where to start.

On a new, empty database: create a case, read the evidence, or add the fictional demo
cases to try TAREaid with. With cases: the next boards (each opens its first case on the
agenda) and the cases changed last (each opens the case), rather than a blank pane. Only
case references are shown, never a name.

The page reads the database (10-20 ms at 5,000 cases) only once the main window has
painted for the first time (``start``), so start-up never waits for it; after that, each
time it is shown and when the cases change while it is on screen.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from tareaid.store.errors import StoreError
from tareaid.ui.i18n import translate
from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from tareaid.ui.widgets import heading, text_label

if TYPE_CHECKING:
    from tareaid.app.changes import ChangeNotice
    from tareaid.store.repository import CaseSummary, Repository

NEXT_BOARDS_SHOWN = 4
RECENT_SHOWN = 6
# Cases read to find the next boards: the latest board dates first, so the upcoming ones
# are in the first page however many past boards the database holds.
BOARD_SCAN = 200
_DATA_ROLE = Qt.ItemDataRole.UserRole


class StartPage(QtWidgets.QWidget):
    """Ways to start when no case is open.

    Signals:
        new_case_requested(): create a case.
        evidence_requested(): show the evidence.
        demo_requested(): add the fictional demo cases.
        case_requested(str): open this case.
    """

    new_case_requested = Signal()
    evidence_requested = Signal()
    demo_requested = Signal()
    case_requested = Signal(str)

    def __init__(
        self, repository: Repository | None = None, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("start_page")
        self._repository = repository
        self._today = date.today
        self._started = False
        outer = QtWidgets.QVBoxLayout(self)
        outer.addStretch(1)
        body = QtWidgets.QWidget()
        body.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 52)
        layout = QtWidgets.QVBoxLayout(body)
        self.title = heading(self.tr("No case is open"), scale=1.3)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        words = QtWidgets.QLabel(
            self.tr(
                "Pick a case from the list, or create one: the checklist then walks you "
                "through the six factors of the framework, one question at a time."
            )
        )
        words.setWordWrap(True)
        words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(words)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addStretch(1)
        self.create_button = QtWidgets.QPushButton(self.tr("Create a case (Ctrl+N)"))
        self.create_button.clicked.connect(self.new_case_requested)
        self.read_evidence_button = QtWidgets.QPushButton(self.tr("Read the evidence (Ctrl+3)"))
        self.read_evidence_button.clicked.connect(self.evidence_requested)
        self.demo_button = QtWidgets.QPushButton(self.tr("Add the demo cases"))
        self.demo_button.setObjectName("add_demo_cases")
        self.demo_button.setToolTip(self.tr("Twelve clearly fictional cases to try TAREaid with"))
        self.demo_button.clicked.connect(self.demo_requested)
        for button in (self.create_button, self.read_evidence_button, self.demo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.demo_note = text_label(
            self.tr(
                "New here? The demo cases are twelve clearly fictional patients: walk one "
                "through the checklist, or run a tumour board with them."
            )
        )
        self.demo_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.demo_note)

        self.boards_box = QtWidgets.QGroupBox(self.tr("Next boards"))
        boards_layout = QtWidgets.QVBoxLayout(self.boards_box)
        self.boards = self._list("next_boards", self.tr("Next boards"))
        boards_layout.addWidget(self.boards)
        layout.addWidget(self.boards_box)
        self.recent_box = QtWidgets.QGroupBox(self.tr("Changed last"))
        recent_layout = QtWidgets.QVBoxLayout(self.recent_box)
        self.recent = self._list("recent_cases", self.tr("Cases changed last"))
        recent_layout.addWidget(self.recent)
        layout.addWidget(self.recent_box)
        self.problem = text_label()
        self.problem.hide()
        layout.addWidget(self.problem)
        row = QtWidgets.QHBoxLayout()
        row.addStretch(1)
        row.addWidget(body, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self._show_contents(has_cases=None)  # not read yet: neither offer nor lists

    def _list(self, name: str, accessible: str) -> QtWidgets.QListWidget:
        widget = QtWidgets.QListWidget()
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        widget.setAccessibleDescription(self.tr("Enter or a double-click opens the case"))
        widget.setSizeAdjustPolicy(QtWidgets.QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.itemActivated.connect(self._on_item_activated)
        return widget

    # Public -----------------------------------------------------------------------------

    def start(self) -> None:
        """The window is on screen: read the database now, and whenever shown from now on."""
        self._started = True
        self._refresh_if_visible()

    def set_repository(self, repository: Repository | None) -> None:
        self._repository = repository
        self._refresh_if_visible()

    def refresh(self) -> None:
        """Read the next boards and the cases changed last again."""
        repository = self._repository
        if repository is None:
            self._show_contents(has_cases=None)
            return
        try:
            # Any case at all, archived ones included: an empty database gets the offer.
            has_cases = bool(repository.list_cases(include_archived=True, limit=1))
            latest = repository.list_cases(order_by="board_date", descending=True, limit=BOARD_SCAN)
            recent = repository.list_cases(
                order_by="updated_at", descending=True, limit=RECENT_SHOWN
            )
        except StoreError as error:
            self.problem.setText(
                self.tr("The cases could not be read just now: {message}").format(
                    message=error.message
                )
            )
            self.problem.show()
            return
        self.problem.hide()
        self._fill_boards(latest)
        self.recent.clear()
        for summary in recent:
            when = _local(summary.updated_at)
            if summary.board_date:
                text = self.tr("{reference} · board {date} · changed {when}").format(
                    reference=summary.reference, date=summary.board_date.isoformat(), when=when
                )
            else:
                text = self.tr("{reference} · no board date · changed {when}").format(
                    reference=summary.reference, when=when
                )
            item = QtWidgets.QListWidgetItem(text)
            item.setData(_DATA_ROLE, summary.reference)
            self.recent.addItem(item)
        for widget in (self.boards, self.recent):
            _fit_height(widget)
        self._show_contents(has_cases=has_cases)

    def on_changes(self, notice: ChangeNotice) -> None:
        """A change notice: read again when the cases shown may have changed."""
        if notice.case_set_changed or notice.case_data_changed:
            self._refresh_if_visible()

    # Internals --------------------------------------------------------------------------

    def _fill_boards(self, latest: list[CaseSummary]) -> None:
        today = self._today()
        counts: dict[date, int] = {}
        for summary in latest:
            if summary.board_date is not None and summary.board_date >= today:
                counts[summary.board_date] = counts.get(summary.board_date, 0) + 1
        self.boards.clear()
        locale = QtCore.QLocale()
        for board, count in sorted(counts.items())[:NEXT_BOARDS_SHOWN]:
            when = self.tr("today") if board == today else locale.dayName(board.isoweekday())
            item = QtWidgets.QListWidgetItem(
                self.tr("{date} ({day}) · %n case(s)", "", count).format(
                    date=board.isoformat(), day=when
                )
            )
            item.setData(_DATA_ROLE, board.isoformat())
            self.boards.addItem(item)
        if not counts:
            item = QtWidgets.QListWidgetItem(
                self.tr("No board is planned: no case has a date from today.")
            )
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.boards.addItem(item)

    def _show_contents(self, *, has_cases: bool | None) -> None:
        """The demo offer on an empty database, the lists on one with cases; neither before
        the database has been read."""
        self.demo_button.setVisible(has_cases is False)
        self.demo_note.setVisible(has_cases is False)
        self.boards_box.setVisible(has_cases is True)
        self.recent_box.setVisible(has_cases is True)

    def _on_item_activated(self, item: QtWidgets.QListWidgetItem) -> None:
        value = item.data(_DATA_ROLE)
        if not value:
            return
        if item.listWidget() is self.boards:
            repository = self._repository
            if repository is None:
                return
            try:
                agenda = repository.agenda(date.fromisoformat(value))
            except StoreError as error:
                self.problem.setText(
                    self.tr("The board could not be read just now: {message}").format(
                        message=error.message
                    )
                )
                self.problem.show()
                return
            if agenda:
                self.case_requested.emit(agenda[0])
            return
        self.case_requested.emit(value)

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        super().showEvent(event)
        if self._started:
            # After the pane has switched: the switch is never kept waiting for the reads.
            QtCore.QTimer.singleShot(0, self, self._refresh_if_visible)

    def _refresh_if_visible(self) -> None:
        if self._started and self.isVisible():
            self.refresh()


def _fit_height(widget: QtWidgets.QListWidget) -> None:
    """As tall as its rows: a short list leaves no empty box."""
    rows = max(1, widget.count())
    row = widget.sizeHintForRow(0) if widget.count() else widget.fontMetrics().height()
    widget.setFixedHeight(row * rows + 2 * widget.frameWidth() + 4)


def _local(moment: datetime) -> str:
    local = moment.astimezone() if moment.tzinfo else moment
    if local.date() == datetime.now().date():
        return translate("StartPage", "today {time}").format(time=f"{local:%H:%M}")
    return f"{local:%Y-%m-%d %H:%M}"


__all__ = ["StartPage"]
