"""The coordinator's board window: choose the board, order its agenda, project, export.

This is the laptop side of a tumour board. It lists the cases of one board date in the
coordinator's order (reference, headline and decision only: no identifiers), lets the order
be changed and cases be added or taken off, picks the projector screen, starts the
projection and, after the board, exports the PDFs and an agenda summary.

Everything has a key: Ctrl+Up/Ctrl+Down move a case, Insert adds one, Delete takes one off,
F5 starts the projection, Ctrl+E exports the PDFs, Ctrl+Shift+E the summary.

The window changes cases through the editing service and follows the service's change
notices: a case changed on the projector, in the main window or by another client is shown
as it now is, without any window telling another to refresh.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from tareaid.app.agenda_summary import write_summary
from tareaid.app.board import BoardSession, default_board_date
from tareaid.app.changes import ChangeNotice
from tareaid.app.editing import EditingService
from tareaid.domain.assessment import Assessment
from tareaid.domain.case import Case
from tareaid.errors import TareaidError, message_for
from tareaid.store.errors import StaleEditError
from tareaid.ui.board import prompts
from tareaid.ui.board.case_picker import Candidate
from tareaid.ui.board.export import ExportJob, ExportPlan, per_case_paths
from tareaid.ui.board.projection import ProjectionWindow
from tareaid.ui.changes import ChangeBridge
from tareaid.ui.failures import is_bug, report_bug
from tareaid.ui.i18n import QT_TRANSLATE_NOOP, evidence_note, translate, without_mnemonic
from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from tareaid.ui.vocabulary import outcome_label
from tareaid.ui.wheel_guard import guard_wheel


@dataclass(frozen=True)
class AgendaRow:
    """One line of the agenda table."""

    reference: str
    headline: str
    decision: str


def decision_status(outcome: str | None, finalised: bool) -> str:
    """'Discuss TARE with the patient · finalised', or 'No decision yet'."""
    if outcome is None:
        return translate("AgendaWindow", "No decision yet")
    if finalised:
        return translate("AgendaWindow", "{outcome} · finalised").format(
            outcome=outcome_label(outcome)
        )
    return translate("AgendaWindow", "{outcome} · draft").format(outcome=outcome_label(outcome))


# The reference and decision columns never take more than this share of the table each.
AGENDA_COLUMN_SHARE_MAX = 0.25
# How many rows (besides those in view) the reference and decision columns are sized from.
AGENDA_SIZED_ROWS = 100


class AgendaModel(QtCore.QAbstractTableModel):
    """The agenda of one board: position, reference, headline, decision."""

    POSITION, REFERENCE, HEADLINE, DECISION = range(4)
    HEADERS = (
        "#",
        QT_TRANSLATE_NOOP("AgendaModel", "Case reference"),
        QT_TRANSLATE_NOOP("AgendaModel", "Headline"),
        QT_TRANSLATE_NOOP("AgendaModel", "Decision"),
    )

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AgendaRow] = []

    def set_rows(self, rows: list[AgendaRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> AgendaRow:
        return self._rows[row]

    def rowCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QtCore.QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (str(index.row() + 1), row.reference, row.headline, row.decision)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.HEADLINE:
            # The stored headline, as the domain worded it: in English, and said to be in
            # another interface language (as in the case list).
            note = evidence_note()
            return f"{row.headline}\n{note}" if note else row.headline
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section == self.HEADLINE and evidence_note():
            return f"{self.tr(self.HEADERS[section])}\n{evidence_note()}"
        return None


class AgendaWindow(QtWidgets.QWidget):
    """The coordinator's window for one tumour board.

    Signals:
        board_chosen(object): the board date shown changed (a ``datetime.date``).
        projection_started(): the projection window was shown.
        export_finished(list): PDFs were written (their paths).
        summary_written(str): the agenda summary was written (its path).
    """

    board_chosen = Signal(object)
    projection_started = Signal()
    export_finished = Signal(list)
    summary_written = Signal(str)

    def __init__(
        self,
        editing: EditingService,
        *,
        parent: QtWidgets.QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.editing = editing
        self.repository = editing.repository
        self.pack = editing.pack
        # One bridge for this window and its projection: notices arrive on the GUI thread,
        # here first (the agenda catches up), then on the wall.
        self.changes = ChangeBridge(editing.notifier, self)
        self.changes.published.connect(self._on_changes_published)
        self.today = today or date.today()
        self.session: BoardSession | None = None
        self.projection: ProjectionWindow | None = None
        self._export_job: ExportJob | None = None
        self.setObjectName("boardWindow")
        self.setWindowTitle(self.tr("TAREaid — tumour board"))
        self.setAccessibleName(self.tr("Tumour board"))
        self._build()
        self._reload_dates()
        self._populate_screens()
        app = QtGui.QGuiApplication.instance()
        if isinstance(app, QtGui.QGuiApplication):
            app.screenAdded.connect(self._on_screens_changed)
            app.screenRemoved.connect(self._on_screens_changed)
        self.resize(self.opening_size())

    def opening_size(self) -> QtCore.QSize:
        """Wide enough for every headline of the board on one line, and for the buttons
        beside the table, within nine tenths of the screen; headlines that still do not fit
        wrap in their rows rather than being cut."""
        metrics = self.fontMetrics()
        table = self.table
        columns = sum(table.sizeHintForColumn(c) for c in range(self.model.columnCount()))
        chrome = (
            self.up_button.sizeHint().width()
            + table.frameWidth() * 2
            + table.verticalScrollBar().sizeHint().width()
            + metrics.averageCharWidth() * 6  # margins and spacing
        )
        wanted = QtCore.QSize(
            max(columns + chrome, metrics.averageCharWidth() * 100), metrics.lineSpacing() * 34
        )
        screen = (self.parentWidget() or self).screen()
        if screen is not None:
            room = screen.availableGeometry().size()
            wanted = wanted.boundedTo(QtCore.QSize(room.width() * 9 // 10, room.height() * 9 // 10))
        return wanted

    # -- building -----------------------------------------------------------------------

    def _build(self) -> None:
        layout = QtWidgets.QVBoxLayout(self)

        top = QtWidgets.QHBoxLayout()
        date_label = QtWidgets.QLabel(self.tr("Board &date:"))
        self.date_combo = guard_wheel(QtWidgets.QComboBox())
        self.date_combo.setObjectName("boardDateCombo")
        self.date_combo.setAccessibleName(self.tr("Board date"))
        self.date_combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents)
        date_label.setBuddy(self.date_combo)
        self.other_date_button = QtWidgets.QPushButton(self.tr("Other date…"))
        self.other_date_button.setAccessibleName(self.tr("Choose another board date"))
        top.addWidget(date_label)
        top.addWidget(self.date_combo)
        top.addWidget(self.other_date_button)
        top.addStretch(1)
        layout.addLayout(top)

        middle = QtWidgets.QHBoxLayout()
        self.model = AgendaModel(self)
        self.table = QtWidgets.QTableView()
        self.table.setObjectName("agendaTable")
        self.table.setAccessibleName(self.tr("Agenda"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        # A headline wider than the window wraps within its row instead of being cut. Each
        # row is made as tall as its text when it comes into view (_fit_visible_rows): a
        # board may have hundreds of cases, and sizing them all measures every cell again
        # at every change of width.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self._fitted_rows: set[int] = set()
        # Rows are fitted once Qt has laid the columns out (the headline's share of the
        # width is settled only then), once for any number of changes.
        self._fit_timer = QtCore.QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_settled_rows)
        self.table.verticalHeader().setSectionResizeMode(
            QtWidgets.QHeaderView.ResizeMode.Interactive
        )
        # A wider or narrower headline column wraps its headlines again.
        self.table.horizontalHeader().sectionResized.connect(
            lambda column, _old, _new: column == AgendaModel.HEADLINE and self._refit_rows()
        )
        self.table.verticalScrollBar().valueChanged.connect(self._fit_visible_rows)
        self.table.viewport().installEventFilter(self)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        # Column widths from the rows in view and a hundred more, not from every row.
        header.setResizeContentsPrecision(AGENDA_SIZED_ROWS)
        header.setSectionResizeMode(
            AgendaModel.POSITION, QtWidgets.QHeaderView.ResizeMode.ResizeToContents
        )
        # The reference and the decision as wide as their text, up to a share of the table
        # each (_fit_columns); the headline takes the rest.
        for column in (AgendaModel.REFERENCE, AgendaModel.DECISION):
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(AgendaModel.HEADLINE, QtWidgets.QHeaderView.ResizeMode.Stretch)
        middle.addWidget(self.table, 1)

        side = QtWidgets.QVBoxLayout()
        self.up_button = self._button(self.tr("Move &up"), "Ctrl+Up", self.move_up, side)
        self.down_button = self._button(self.tr("Move do&wn"), "Ctrl+Down", self.move_down, side)
        self.add_button = self._button(self.tr("&Add case…"), "Ins", self.add_case, side)
        self.remove_button = self._button(
            self.tr("&Remove from agenda"), "Del", self.remove_case, side
        )
        side.addStretch(1)
        middle.addLayout(side)
        layout.addLayout(middle, 1)

        projector = QtWidgets.QHBoxLayout()
        screen_label = QtWidgets.QLabel(self.tr("Projector &screen:"))
        self.screen_combo = guard_wheel(QtWidgets.QComboBox())
        self.screen_combo.setObjectName("screenCombo")
        self.screen_combo.setAccessibleName(self.tr("Projector screen"))
        screen_label.setBuddy(self.screen_combo)
        projector.addWidget(screen_label)
        projector.addWidget(self.screen_combo, 1)
        self.start_button = self._button(
            self.tr("Start &projection"), "F5", self.start_projection, projector
        )
        layout.addLayout(projector)

        export = QtWidgets.QHBoxLayout()
        self.export_button = self._button(
            self.tr("&Export PDFs…"), "Ctrl+E", self.export_pdfs, export
        )
        self.summary_button = self._button(
            self.tr("Export agenda su&mmary…"), "Ctrl+Shift+E", self.export_summary, export
        )
        self.progress = QtWidgets.QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.progress.hide()
        export.addWidget(self.progress, 1)
        export.addStretch(1)
        layout.addLayout(export)

        self.status_label = QtWidgets.QLabel()
        self.status_label.setObjectName("boardStatus")
        self.status_label.setAccessibleName(self.tr("Status"))
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        layout.addWidget(self.status_label)

        close = QtGui.QAction(self.tr("Close"), self)
        close.setShortcut(QtGui.QKeySequence("Ctrl+W"))
        close.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        close.triggered.connect(self.close)
        self.addAction(close)

        self.date_combo.currentIndexChanged.connect(self._on_date_chosen)
        self.other_date_button.clicked.connect(self.choose_other_date)
        self.table.activated.connect(lambda index: self.start_projection())
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)

    def _button(
        self, text: str, keys: str, slot: object, layout: QtWidgets.QBoxLayout
    ) -> QtWidgets.QPushButton:
        sequence = QtGui.QKeySequence(keys)
        button = QtWidgets.QPushButton(
            self.tr("{action}  ({keys})").format(
                action=text,
                keys=sequence.toString(QtGui.QKeySequence.SequenceFormat.NativeText),
            )
        )
        button.setAccessibleName(without_mnemonic(text).rstrip("…"))
        button.clicked.connect(slot)
        action = QtGui.QAction(without_mnemonic(text), self)
        action.setShortcut(sequence)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        layout.addWidget(button)
        return button

    # -- board dates --------------------------------------------------------------------

    def _reload_dates(self, keep: date | None = None, select: int | None = None) -> None:
        dates = self.repository.board_dates()
        chosen = keep or default_board_date([d for d, _ in dates], self.today)
        if chosen is not None and chosen not in [d for d, _ in dates]:
            dates.append((chosen, 0))
            dates.sort(reverse=True)
        self.date_combo.blockSignals(True)
        self.date_combo.clear()
        for when, count in dates:
            self.date_combo.addItem(
                self.tr("{date}  ·  %n case(s)", "", count).format(date=when.isoformat()), when
            )
        self.date_combo.blockSignals(False)
        if chosen is None:
            self._set_session(None)
            return
        self.date_combo.blockSignals(True)
        self.date_combo.setCurrentIndex(self.date_index(chosen))
        self.date_combo.blockSignals(False)
        self._set_session(chosen, select=select)

    def date_index(self, when: date) -> int:
        """The combo row of a board date, or -1 (findData cannot compare Python dates)."""
        for index in range(self.date_combo.count()):
            if self.date_combo.itemData(index) == when:
                return index
        return -1

    def _on_date_chosen(self, index: int) -> None:
        when = self.date_combo.itemData(index)
        if when is not None:
            self._set_session(when)

    def choose_board_date(self, when: date) -> None:
        """Show the board of this date (added to the list if no case carries it yet)."""
        self._reload_dates(keep=when)

    def choose_other_date(self) -> None:
        initial = self.session.board_date if self.session else self.today
        when = prompts.ask_date(self, self.tr("Board date"), initial)
        if when is not None:
            self.choose_board_date(when)

    def _set_session(self, when: date | None, select: int | None = None) -> None:
        if self.session is not None and when == self.session.board_date:
            # The same board: keep the session (and a running projection) as they are.
            self._refresh_rows(select=select)
            return
        if self.projection is not None:
            self.projection.close()
        self.session = None if when is None else BoardSession(self.editing, when)
        self._refresh_rows(select=0 if select is None else select)
        if when is not None:
            self.setWindowTitle(
                self.tr("TAREaid — tumour board {date}").format(date=when.isoformat())
            )
            self.board_chosen.emit(when)

    # -- the agenda ---------------------------------------------------------------------

    def _refresh_rows(self, select: int | None = None) -> None:
        session = self.session
        if session is None:
            self.model.set_rows([])
            self._update_buttons()
            self.status_label.setText(self.tr("No case has a board date yet: choose another date."))
            return
        # The stored headlines and decisions, as the case list shows them: one read, no
        # case assessed (a board may have hundreds of cases). A case the read leaves out
        # (gone, or its stored summary not current) or with a damaged stored field is
        # loaded and assessed as before.
        summaries = session.summaries()
        rows = []
        for reference in session.references:
            summary = summaries.get(reference)
            if summary is not None and not summary.invalid_fields:
                rows.append(
                    AgendaRow(
                        reference,
                        summary.headline,
                        decision_status(summary.decision_outcome, summary.finalised),
                    )
                )
                continue
            try:
                loaded = session.load(reference)
            except TareaidError:
                rows.append(AgendaRow(reference, self.tr("(case not found)"), ""))
                continue
            decision = loaded.case.decision
            rows.append(
                AgendaRow(
                    reference,
                    loaded.assessment.headline,
                    decision_status(
                        decision.outcome if decision else None,
                        bool(decision and decision.finalised),
                    ),
                )
            )
        self.model.set_rows(rows)
        self._fit_columns()
        row = session.index if select is None else select
        if rows:
            row = max(0, min(row, len(rows) - 1))
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, AgendaModel.REFERENCE))
        self._update_buttons()
        undecided = decision_status(None, False)
        decided = sum(1 for r in rows if r.decision and r.decision != undecided)
        self.status_label.setText(
            self.tr("%n case(s) on the agenda; {decided} with a decision.", "", len(rows)).format(
                decided=decided
            )
        )

    def _fit_columns(self) -> None:
        """The reference and decision columns as wide as their longest text, but never more
        than a quarter of the table each, so the headlines keep most of it (and wrap)."""
        room = self.table.viewport().width()
        for column in (AgendaModel.REFERENCE, AgendaModel.DECISION):
            wanted = max(
                self.table.sizeHintForColumn(column),
                self.table.horizontalHeader().sectionSizeHint(column),
            )
            self.table.setColumnWidth(column, min(wanted, round(room * AGENDA_COLUMN_SHARE_MAX)))
        self._refit_rows()

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        # The table's viewport grew (the window was laid out or resized): rows came into view.
        if watched is self.table.viewport() and event.type() == QtCore.QEvent.Type.Resize:
            self._refit_rows()
        return super().eventFilter(watched, event)

    def _refit_rows(self) -> None:
        """Size the rows again (the columns' widths changed): those in view now, the others
        as they come into view."""
        self._fitted_rows.clear()
        self._fit_visible_rows()
        # Again once Qt has settled the columns' widths (they follow the viewport later).
        self._fit_timer.start()

    def _fit_settled_rows(self) -> None:
        self._fitted_rows.clear()
        self._fit_visible_rows()

    def _fit_visible_rows(self) -> None:
        """Make each row in view as tall as its text (once per width of the columns)."""
        table = self.table
        header = table.verticalHeader()
        bottom = table.viewport().height()
        row = max(table.rowAt(0), 0)
        count = self.model.rowCount()
        while row < count and header.sectionViewportPosition(row) < bottom:
            if row not in self._fitted_rows:
                self._fitted_rows.add(row)
                table.resizeRowToContents(row)
            row += 1

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def selected_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _on_current_row_changed(self, current: QtCore.QModelIndex, _previous: object) -> None:
        if self.session is not None and current.isValid():
            self.session.go_to(current.row())
        self._update_buttons()

    def _update_buttons(self) -> None:
        count = self.model.rowCount()
        row = self.selected_row()
        has_session = self.session is not None
        busy = self._export_job is not None
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.remove_button.setEnabled(row >= 0)
        self.add_button.setEnabled(has_session)
        self.start_button.setEnabled(has_session and count > 0)
        self.export_button.setEnabled(count > 0 and not busy)
        self.summary_button.setEnabled(count > 0)

    def _move(self, delta: int) -> None:
        row = self.selected_row()
        if self.session is None or row < 0:
            return
        target = self.session.move(row, delta, origin=self)
        self._refresh_rows(select=target)

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)

    def add_case(self) -> None:
        if self.session is None:
            return
        on_agenda = set(self.session.references)
        candidates = [
            Candidate(s.reference, s.board_date, s.headline)
            for s in self.repository.list_cases()
            if s.reference not in on_agenda
        ]
        reference = prompts.pick_case(self, candidates)
        if reference is None:
            return
        self.session.add(reference, origin=self)
        row = (
            self.session.references.index(reference)
            if reference in self.session.references
            else None
        )
        self._refresh_rows(select=row)

    def remove_case(self) -> None:
        """Take the selected case off the agenda.

        A case brought in from another date just leaves the agenda. A case dated this day
        would stay on it (the agenda always shows the cases of its date), so it is moved to
        another board date instead, after asking which.
        """
        row = self.selected_row()
        session = self.session
        if session is None or row < 0:
            return
        reference = self.model.row_at(row).reference
        try:
            if not session.is_dated_here(reference):
                session.remove(reference, origin=self)
            elif not self._reschedule(reference):
                return
        except StaleEditError as error:
            prompts.show_message(self, self.tr("Case changed elsewhere"), error.message)
        except TareaidError as error:
            prompts.show_message(self, self.tr("Not taken off the agenda"), error.message)
        self._reload_dates(keep=session.board_date, select=row)

    def _reschedule(self, reference: str) -> bool:
        session = self.session
        assert session is not None
        when = prompts.ask_date(
            self,
            self.tr("Move {reference} to another board").format(reference=reference),
            session.board_date + timedelta(days=7),
        )
        if when is None or when == session.board_date:
            return False
        amend = None
        if self.editing.needs_amend_reason(session.load(reference).case):
            amend = prompts.ask_amend_reason(self, reference)
            if amend is None:
                return False
        session.reschedule(reference, when, amend_reason=amend, origin=self)
        self.status_label.setText(
            self.tr("{reference} moved to the board of {date}.").format(
                reference=reference, date=when.isoformat()
            )
        )
        return True

    # -- projection ---------------------------------------------------------------------

    def _populate_screens(self) -> None:
        previous = self.screen_combo.currentData()
        self.screen_combo.clear()
        own = self.screen()
        main = self.parentWidget().screen() if self.parentWidget() is not None else own
        default = 0
        for index, screen in enumerate(QtGui.QGuiApplication.screens()):
            size = screen.geometry().size()
            name = screen.name() or self.tr("Screen {number}").format(number=index + 1)
            text = f"{name} — {size.width()}×{size.height()}"
            if screen is main:
                text = self.tr("{screen} (this computer's window)").format(screen=text)
            self.screen_combo.addItem(text, screen.name())
            if screen is not main and default == 0 and index > 0:
                default = index
        names = [self.screen_combo.itemData(i) for i in range(self.screen_combo.count())]
        self.screen_combo.setCurrentIndex(names.index(previous) if previous in names else default)

    def _on_screens_changed(self, _screen: object) -> None:
        self._populate_screens()

    def chosen_screen(self) -> QtGui.QScreen | None:
        name = self.screen_combo.currentData()
        for screen in QtGui.QGuiApplication.screens():
            if screen.name() == name:
                return screen
        return None

    def start_projection(self) -> None:
        """Show the selected case on the chosen screen, full screen."""
        if self.session is None or not len(self.session):
            return
        row = self.selected_row()
        if row >= 0:
            self.session.go_to(row)
        if self.projection is not None:
            self.projection.refresh()
            self.projection.show_on(self.chosen_screen())
            return
        projection = ProjectionWindow(
            self.session,
            changes=self.changes,
            # The main window's preferences (the bilirubin unit), when there is one.
            settings=getattr(self.parentWidget(), "settings", None),
            parent=self,
        )
        projection.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        projection.left.connect(self._on_projection_left)
        projection.case_shown.connect(self._on_case_shown)
        self.projection = projection
        projection.show_on(self.chosen_screen())
        self.projection_started.emit()

    def _on_case_shown(self, _reference: str) -> None:
        if self.session is not None and self.selected_row() != self.session.index:
            self.table.selectRow(self.session.index)

    def _on_changes_published(self, notice: ChangeNotice) -> None:
        session = self.session
        if session is None or notice.caused_by(self) or not session.apply(notice):
            return
        if notice.case_set_changed or notice.field_changed("board_date"):
            # The board dates and their counts may have changed too.
            self._reload_dates(keep=session.board_date)
        else:
            self._refresh_rows()

    def _on_projection_left(self) -> None:
        self.projection = None
        self._refresh_rows()
        self.raise_()
        self.activateWindow()
        self.table.setFocus()

    # -- after the board ----------------------------------------------------------------

    def _items(self) -> list[tuple[Case, Assessment]]:
        return self._loaded()[0]

    def _loaded(self) -> tuple[list[tuple[Case, Assessment]], dict[str, tuple[str, int]]]:
        """Each agenda case with its assessment, and its audit head (printed on its PDF),
        from one read of each case: a head read apart from its case could belong to a
        version saved in between, and the PDF would print it beside content it never
        covered."""
        assert self.session is not None
        items = []
        heads = {}
        from tareaid.store.case_checks import refuse_invalid_values

        for reference in self.session.references:
            loaded = self.session.load(reference)
            refuse_invalid_values(None, loaded.reference, loaded.invalid, "no PDF was written")
            items.append((loaded.case, loaded.assessment))
            if loaded.audit_head is not None and loaded.audit_count is not None:
                heads[loaded.reference] = (loaded.audit_head, loaded.audit_count)
        return items, heads

    def export_pdfs(self) -> None:
        """Write every case of the board as PDFs, in a worker thread, with progress."""
        if self.session is None or not len(self.session) or self._export_job is not None:
            return
        choice = prompts.ask_export_choice(self, len(self.session))
        if choice is None:
            return
        when = self.session.board_date.isoformat()
        suffix = "-deidentified" if choice.deidentified else ""
        if choice.combined:
            target = prompts.choose_save_file(
                self,
                self.tr("Save the combined PDF"),
                f"tumour-board-{when}{suffix}.pdf",
                self.tr("PDF (*.pdf)"),
            )
            if target is None:
                return
            if target.suffix.lower() != ".pdf":
                target = target.with_name(target.name + ".pdf")
            paths = [target]
        else:
            folder = prompts.choose_folder(self, self.tr("Folder for the PDFs (one per case)"))
            if folder is None:
                return
            paths = per_case_paths(folder, self.session.references)
            existing = [p for p in paths if p.exists()]
            names = f"{', '.join(p.name for p in existing[:3])}{'…' if len(existing) > 3 else ''}"
            if existing and not prompts.confirm(
                self,
                self.tr("Replace files?"),
                self.tr(
                    "%n of the files already exist in {folder} ({names}). Replace them?",
                    "",
                    len(existing),
                ).format(folder=folder, names=names),
                ok_label=self.tr("Replace"),
            ):
                return
        try:
            items, heads = self._loaded()
        except TareaidError as error:
            prompts.show_message(self, self.tr("Export not started"), error.message)
            return
        plan = ExportPlan(
            items=tuple(items),
            combined=choice.combined,
            deidentified=choice.deidentified,
            paths=tuple(paths),
            title=f"Tumour board {when}",
            include_free_text=choice.include_free_text,
            audit_heads=heads,
        )
        job = ExportJob(plan, self.pack)
        job.signals.progressed.connect(self._on_export_progressed)
        job.signals.finished.connect(self._on_export_finished)
        job.signals.failed.connect(self._on_export_failed)
        self._export_job = job
        self.progress.setRange(0, len(paths) if choice.combined else len(items))
        self.progress.setValue(0)
        self.progress.show()
        self.status_label.setText(self.tr("Writing the PDFs…"))
        self._update_buttons()
        job.start()

    def _on_export_progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_export_finished(self, paths: list) -> None:
        self._export_job = None
        self.progress.hide()
        self._update_buttons()
        folder = str(Path(paths[0]).parent) if paths else ""
        self.status_label.setText(
            self.tr("%n PDF(s) written to {folder}", "", len(paths)).format(folder=folder)
        )
        self.export_finished.emit(list(paths))

    def _on_export_failed(self, error: BaseException) -> None:
        self._export_job = None
        self.progress.hide()
        self._update_buttons()
        if is_bug(error):
            self.status_label.setText(self.tr("Export stopped by an unexpected error."))
            report_bug(self, error, what=self.tr("Exporting the PDFs"))
            return
        message = message_for(error)
        self.status_label.setText(self.tr("Export stopped: {message}").format(message=message))
        prompts.show_message(
            self,
            self.tr("Export stopped"),
            self.tr("The PDFs could not all be written: {message}").format(message=message),
        )

    def export_summary(self) -> None:
        """Write the agenda summary (CSV, Markdown or text, by the file's extension)."""
        if self.session is None or not len(self.session):
            return
        when = self.session.board_date.isoformat()
        target = prompts.choose_save_file(
            self,
            self.tr("Save the agenda summary"),
            f"tumour-board-{when}-summary.md",
            self.tr("Markdown (*.md);;CSV (*.csv);;Plain text (*.txt)"),
        )
        if target is None:
            return
        if not target.suffix:
            target = target.with_name(target.name + ".md")
        try:
            write_summary(target, self._items(), self.session.board_date)
        except OSError as error:
            prompts.show_message(
                self,
                self.tr("Summary not written"),
                self.tr("{path} could not be written: {problem}").format(
                    path=target, problem=error.strerror or error
                ),
            )
            return
        except TareaidError as error:
            prompts.show_message(self, self.tr("Summary not written"), error.message)
            return
        self.status_label.setText(self.tr("Agenda summary written to {path}").format(path=target))
        self.summary_written.emit(str(target))

    # -- closing ------------------------------------------------------------------------

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if self.projection is not None:
            self.projection.close()
        self.changes.stop()
        super().closeEvent(event)
