"""The main window: the case list beside the open case, menus, shortcuts and long tasks.

The window wires the panes together and turns menu actions into calls of the editing
service; it owns no rules (the domain and the service do) and no SQL (the store does).
Every view keeps itself up to date from the service's change notices, which the window's
one ChangeBridge brings to the GUI thread: the list, the open case and the board follow a
change wherever it was made — in this window, or by another client of the same database,
which the window's LiveUpdates watches for while it is shown. Everything slow (import,
export, backup, PDF, check) runs through the task runner off the GUI thread; the short
calls the window makes itself show the busy cursor on a server.

Automatic backups (tareaid.store.backups): the day's backup once the database has passed its
integrity check, then once a day while the window stays open, and one before an import of
more than 100 cases, all off the GUI thread. A backup that cannot be made never stops the
work: a banner says so once.
"""

from __future__ import annotations

import gc
import threading
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tareaid.app.editing import EditingService
from tareaid.app.live import LiveUpdates
from tareaid.domain.case import Case, CaseError, dumps_cases, parse_case_document
from tareaid.domain.evidence import EvidencePack, load_pack
from tareaid.domain.units import MG_DL, UMOL_L
from tareaid.errors import message_for
from tareaid.files import write_atomically
from tareaid.store import backups
from tareaid.store.errors import DamagedDatabaseError, StaleEditError, StoreError
from tareaid.ui import dialogs, fonts, theme
from tareaid.ui.busy import busy_cursor, on_server
from tareaid.ui.case_list import CaseListPane
from tareaid.ui.case_list_model import CaseListModel
from tareaid.ui.case_pane import (
    CHECKLIST_TAB,
    DECISION_TAB,
    EDITOR_TAB,
    EVIDENCE_TAB,
    HISTORY_TAB,
    CasePane,
)
from tareaid.ui.case_session import CaseSession
from tareaid.ui.changes import ChangeBridge
from tareaid.ui.database import (
    DATABASE_FILTER,
    OpenedDatabase,
    open_database,
    read_backups,
    restore_from_backup,
)
from tareaid.ui.i18n import MENU_NAMES, QT_TRANSLATE_NOOP, translate
from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from tareaid.ui.settings import LANGUAGES, THEMES, Settings
from tareaid.ui.status_offer import StatusOffer
from tareaid.ui.widgets import Banner
from tareaid.ui.workers import BackgroundCall, TaskRunner

if TYPE_CHECKING:
    from tareaid.store.records import CheckReport
    from tareaid.store.repository import Repository

JSON_FILTER = QT_TRANSLATE_NOOP("MainWindow", "Case files (*.json);;All files (*)")
# View › Bilirubin unit: action name → unit (the case always stores mg/dL).
BILIRUBIN_UNIT_ACTIONS = {"bilirubin_mg_dl": MG_DL, "bilirubin_umol_l": UMOL_L}
PDF_FILTER = QT_TRANSLATE_NOOP("MainWindow", "PDF documents (*.pdf)")
STATUS_MS = 8000
# What the case pane needs to show a checklist step without crowding (the list gets the rest
# of a wide screen).
CASE_PANE_WIDTH = 1150

# How often an open window looks whether the day's automatic backup is due (it is taken at
# most once a day; looking costs a folder listing).
DAILY_BACKUP_CHECK_MS = 60 * 60 * 1000

Key = QtGui.QKeySequence

# (menu text, shortcut) for Help › Keyboard shortcuts and the README; the text is
# translated where it is shown, the keys never are.
SHORTCUTS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("Shortcuts", "New case"), "Ctrl+N"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Duplicate case"), "Ctrl+D"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Archive case (in the list)"), "Delete, Ctrl+Backspace"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Restore archived case"), "Ctrl+R"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Import cases"), "Ctrl+I"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Export cases as JSON"), "Ctrl+E"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Export PDF"), "Ctrl+P"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Open database"), "Ctrl+O"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Quit"), "Ctrl+Q"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Undo"), "Ctrl+Z"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Redo"), "Ctrl+Shift+Z, Ctrl+Y"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Find (search the list)"), "Ctrl+F"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Go to the case list"), "Ctrl+L"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Show identifiers"), "Ctrl+Shift+I"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Show archived cases"), "Ctrl+Shift+A"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Checklist"), "Ctrl+1"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Editor"), "Ctrl+2"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Evidence"), "Ctrl+3"),
    (QT_TRANSLATE_NOOP("Shortcuts", "History"), "Ctrl+4"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Board decision"), "Ctrl+5"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Next checklist step"), "Alt+N, Ctrl+Page Down"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Previous checklist step"), "Alt+B, Ctrl+Page Up"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Run tumour board"), "Ctrl+B"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Help for where you are"), "F1"),
)

# The help page F1 opens from each tab of the case pane.
TAB_HELP_TOPICS = {
    CHECKLIST_TAB: "checklist",
    EDITOR_TAB: "editor",
    EVIDENCE_TAB: "evidence",
    HISTORY_TAB: "history",
    DECISION_TAB: "decision",
}


class MainWindow(QtWidgets.QMainWindow):
    """Case list, case pane, menus.

    Signals:
        first_painted(): the window has been painted once (start-up is over).
    """

    first_painted = Signal()

    def __init__(
        self,
        database: OpenedDatabase,
        settings: Settings | None = None,
        pack: EvidencePack | None = None,
        parent: QtWidgets.QWidget | None = None,
        *,
        automatic_backups: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.database = database
        self.settings = settings or Settings()
        self.pack = pack or load_pack()
        self._painted = False
        # The database whose integrity check has been started, and a flag the check reads
        # before it starts (a window closed meanwhile does not wait for it).
        self._checked_database: OpenedDatabase | None = None
        self._closing = threading.Event()
        # What the application exits with: 1 when the user gave up on a damaged database.
        self.exit_code = 0
        # Automatic backups (off for a smoke run, which must leave nothing behind), and the
        # databases whose failed daily backup was shown already (it is shown once).
        self.automatic_backups = automatic_backups
        self._backup_problem_shown: set[str] = set()
        self.tasks = TaskRunner(self)
        self.editing = EditingService(database.repository, self.pack)
        self.changes = ChangeBridge(self.editing.notifier, self)
        self.session = CaseSession(self.editing, self, changes=self.changes)
        # Other clients' saves, once the window is shown (see showEvent).
        self.live = LiveUpdates(self.editing)

        self._board_window: QtWidgets.QWidget | None = None
        self.model = CaseListModel(database.repository, self, changes=self.changes, pack=self.pack)
        self.model.set_show_identifiers(self.settings.show_identifiers())
        self.model.set_include_archived(self.settings.show_archived())
        column, descending = self.settings.sort()
        self.model.set_order(column, descending)

        self.list_pane = CaseListPane(self.model)
        self.case_pane = CasePane(self.session, self.pack)
        self.case_pane.set_show_identifiers(self.settings.show_identifiers())
        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.list_pane)
        self.splitter.addWidget(self.case_pane)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        container = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(container)
        self.backup_banner = Banner()
        self.backup_banner.setObjectName("backup_banner")
        layout.addWidget(self.backup_banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(container)
        self._daily_backup_timer = QtCore.QTimer(self)
        self._daily_backup_timer.setInterval(DAILY_BACKUP_CHECK_MS)
        self._daily_backup_timer.timeout.connect(self._take_daily_backup)

        self.db_label = QtWidgets.QLabel()
        self.db_label.setAccessibleName(self.tr("Database"))
        self.statusBar().addPermanentWidget(self.db_label)
        # "Undo" after an archive, "Open the PDF" after an export: beside the message.
        self.offer = StatusOffer(self.statusBar())

        self.actions_by_name: dict[str, QtGui.QAction] = {}
        self._build_actions()
        self._build_menus()
        self._connect()
        self._restore_window_state()
        self._show_database()
        self.model.start()
        self._update_actions()

    # Public -----------------------------------------------------------------------------

    @property
    def repository(self) -> Repository:
        return self.database.repository

    def action(self, name: str) -> QtGui.QAction:
        return self.actions_by_name[name]

    def current_reference(self) -> str | None:
        """The open case's reference (for the tumour-board mode and other tools)."""
        return self.session.reference

    def open_case(self, reference: str) -> bool:
        """Open a case in the case pane (saving the previous one); False on failure."""
        if reference == self.session.reference:
            return True
        current = self.session.reference
        if not self._may_leave_case(self.tr("Leave this case?"), self.tr("Leave without saving")):
            self.list_pane.select(current)
            return False
        try:
            self.session.open(reference, save=False)
        except StoreError as error:
            dialogs.show_error(self, self.tr("The case could not be opened"), error.message)
            self.model.reload()
            return False
        self.list_pane.select(reference)
        self._update_actions()
        return True

    def switch_database(self, db: str, *, create: bool = False) -> bool:
        """Work on another database (saving the open case first); False if not switched."""
        current = self.repository.path
        if current is not None and Path(db).expanduser().resolve() == current.resolve():
            return True
        if not self._may_leave_case(self.tr("Leave this case?"), self.tr("Leave without saving")):
            return False
        opened = open_database(self, db, create=create, give_up_label=self.tr("Cancel"))
        if opened is None:
            return False
        self._use_database(opened)
        return True

    def _use_database(self, opened: OpenedDatabase) -> None:
        """Work on `opened` from now on (the open case was saved or given up already)."""
        self.session.close(save=False)
        if self._board_window is not None:
            # The board works on the database being left.
            self._board_window.close()
            self._board_window = None
        old = self.database
        self.database = opened
        self.live.stop()
        self.editing = EditingService(opened.repository, self.pack)
        self.live = LiveUpdates(self.editing)
        self.session.editing = self.editing
        self.changes.listen_to(self.editing.notifier)
        self.list_pane.search.clear()
        self.model.set_repository(opened.repository)
        self.case_pane.start_page.set_repository(opened.repository)
        old.close()
        self.backup_banner.clear()
        self._show_database()
        self._update_actions()
        if self.isVisible():
            self._check_database_integrity()
            self.live.start()

    def _check_database_integrity(self) -> None:
        """Run the database's integrity check (SQLite's quick_check) on a worker thread.

        It reads the whole file (~0.3-0.8 s at 100,000 cases), so the window does not wait
        for it: the list shows and reads go on meanwhile, and any write waits for the check
        to pass (the repository sees to that; the autosave holds back so as not to wait on
        this thread). If it finds damage, the database is given up (see
        _leave_damaged_database).
        """
        opened = self.database
        if opened is self._checked_database:
            return
        self._checked_database = opened
        repository = opened.repository
        closing = self._closing
        back_up = self.automatic_backups

        def check() -> backups.BackupOutcome | None:
            if closing.is_set():
                return None
            repository.verify_integrity()
            # Only a database that passed its check is backed up: a damaged copy must not
            # push good backups out.
            return backups.automatic_backup(repository, backups.DAILY) if back_up else None

        BackgroundCall(
            self,
            check,
            lambda outcome: self._on_daily_backup_done(opened, outcome),
            lambda error: self._on_integrity_check_failed(opened, error),
        )
        if back_up:
            self._daily_backup_timer.start()

    def _take_daily_backup(self) -> None:
        """The day's automatic backup, if it is due (a window may stay open for days)."""
        opened = self.database
        repository = opened.repository
        if self._closing.is_set():
            return

        def back_up() -> backups.BackupOutcome:
            repository.verify_integrity()  # passed already: returns at once
            return backups.automatic_backup(repository, backups.DAILY)

        BackgroundCall(
            self,
            back_up,
            lambda outcome: self._on_daily_backup_done(opened, outcome),
            # A damaged database was reported by the check when it was opened.
            lambda _error: None,
        )

    def _on_daily_backup_done(
        self, opened: OpenedDatabase, outcome: backups.BackupOutcome | None
    ) -> None:
        if outcome is None or outcome.problem is None or opened is not self.database:
            return
        if opened.label in self._backup_problem_shown:
            return  # said once; the log has every later one
        self._backup_problem_shown.add(opened.label)
        self.show_backup_problem(outcome.problem)

    def show_backup_problem(self, problem: str) -> None:
        """Say, without stopping anything, that an automatic backup was not made."""
        self.backup_banner.show_message(
            "backup", problem, [(self.tr("Dismiss"), self.backup_banner.clear)]
        )

    def _on_integrity_check_failed(self, opened: OpenedDatabase, error: BaseException) -> None:
        if opened is not self.database or self._closing.is_set():
            return  # another database is in use by now, or the window is closing
        if isinstance(error, DamagedDatabaseError) or (
            isinstance(error, StoreError) and error is opened.open_failure
        ):
            # Damaged, or the store could not open it after its list was shown.
            self._leave_damaged_database(error)
        else:
            # Not checked (the file could not be read just now): the first save checks it.
            self._status(
                self.tr("The database could not be checked yet: {message}").format(
                    message=message_for(error)
                )
            )

    def _leave_damaged_database(self, problem: StoreError) -> None:
        """Stop using a database that failed its integrity check (or that the store could
        not open after its list was shown), then offer the ways out (restore a backup, open
        or create another, quit). Nothing was written to it: saving waited for the check,
        which has now refused every write."""
        damaged = self.database
        self.live.stop()
        self.session.close(save=False)
        self.model.set_repository(None)
        self.case_pane.start_page.set_repository(None)
        self._update_actions()
        self.tasks.wait()
        damaged.close()
        opened = open_database(
            self, damaged.label, create=False, give_up_label=self.tr("Quit"), problem=problem
        )
        if opened is None:
            self.exit_code = 1
            self.close()
            return
        self._use_database(opened)

    def _may_leave_case(self, title: str, ok_label: str) -> bool:
        """Save the open case; when that fails, whether the user agrees to lose the edits."""
        current = self.session.reference
        if current is not None and not self.case_pane.may_leave_decision():
            return False
        if current is None or self.session.save_now():
            return True
        text = (
            self.tr(
                "Your latest edits to {reference} are not saved: someone else changed the "
                "case. Leave it and lose them?"
            )
            if self.session.in_conflict
            else self.tr(
                "Your latest edits to {reference} are not saved: the database refused the "
                "save. Leave it and lose them?"
            )
        )
        return dialogs.confirm(self, title, text.format(reference=current), ok_label=ok_label)

    # Building ---------------------------------------------------------------------------

    def _add_action(
        self,
        name: str,
        text: str,
        slot: Any = None,
        shortcuts: tuple[str, ...] = (),
        *,
        checkable: bool = False,
        tip: str = "",
    ) -> QtGui.QAction:
        action = QtGui.QAction(text, self)
        action.setObjectName(f"action_{name}")
        if shortcuts:
            action.setShortcuts([Key(s) for s in shortcuts])
        action.setCheckable(checkable)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        if slot is not None:
            (action.toggled if checkable else action.triggered).connect(slot)
        self.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _build_actions(self) -> None:
        add = self._add_action
        add("new_case", self.tr("&New case…"), self._on_new_case_triggered, ("Ctrl+N",))
        add(
            "duplicate_case",
            self.tr("&Duplicate case…"),
            self._on_duplicate_triggered,
            ("Ctrl+D",),
        )
        archive = add("archive_case", self.tr("&Archive case"), self._on_archive_triggered)
        # Delete only means "archive" in the list: elsewhere it edits text.
        archive.setShortcuts([Key("Delete"), Key("Ctrl+Backspace")])
        archive.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.removeAction(archive)
        self.list_pane.table.addAction(archive)
        add(
            "restore_case",
            self.tr("&Restore archived case"),
            self._on_restore_triggered,
            ("Ctrl+R",),
        )
        add("import", self.tr("&Import cases…"), self._on_import_triggered, ("Ctrl+I",))
        add(
            "export_json",
            self.tr("&Export cases as JSON…"),
            self._on_export_json_triggered,
            ("Ctrl+E",),
        )
        add("export_pdf", self.tr("Export &PDF…"), self._on_export_pdf_triggered, ("Ctrl+P",))
        add("backup", self.tr("&Back up database…"), self._on_backup_triggered)
        add(
            "restore_from_backup",
            self.tr("Re&store from backup…"),
            self._on_restore_from_backup_triggered,
        )
        add("check", self.tr("Chec&k database"), self._on_check_triggered)
        add(
            "open_database",
            self.tr("&Open database…"),
            self._on_open_database_triggered,
            ("Ctrl+O",),
        )
        add("new_database", self.tr("Create ne&w database…"), self._on_new_database_triggered)
        add("quit", self.tr("&Quit"), self.close, ("Ctrl+Q",))

        undo = self.session.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts([Key("Ctrl+Z")])
        redo = self.session.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([Key("Ctrl+Shift+Z"), Key("Ctrl+Y")])
        for name, action in (("undo", undo), ("redo", redo)):
            action.setObjectName(f"action_{name}")
            self.addAction(action)
            self.actions_by_name[name] = action
        add("find", self.tr("&Find…"), self.list_pane.focus_search, ("Ctrl+F",))
        add("go_to_list", self.tr("Go to case &list"), self._on_go_to_list_triggered, ("Ctrl+L",))

        add(
            "show_identifiers",
            self.tr("Show &identifiers (name, MRN)"),
            self._on_show_identifiers_toggled,
            ("Ctrl+Shift+I",),
            checkable=True,
        )
        add(
            "show_archived",
            self.tr("Show &archived cases"),
            self._on_show_archived_toggled,
            ("Ctrl+Shift+A",),
            checkable=True,
        )
        self.theme_group = QtGui.QActionGroup(self)
        theme_names = {
            "system": self.tr("Follow the &system"),
            "light": self.tr("&Light"),
            "dark": self.tr("&Dark"),
        }
        for name in THEMES:
            action = add(f"theme_{name}", theme_names[name], checkable=True)
            action.setData(name)
            self.theme_group.addAction(action)
        self.theme_group.triggered.connect(self._on_theme_group_triggered)
        self.bilirubin_group = QtGui.QActionGroup(self)
        for name, unit in BILIRUBIN_UNIT_ACTIONS.items():
            action = add(name, unit, checkable=True)
            action.setData(unit)
            self.bilirubin_group.addAction(action)
        self.bilirubin_group.triggered.connect(self._on_bilirubin_group_triggered)
        # Each language by its own name, whatever the interface speaks now.
        self.language_group = QtGui.QActionGroup(self)
        language_names = {"system": self.tr("Follow the &system"), **MENU_NAMES}
        for name in LANGUAGES:
            action = add(f"language_{name}", language_names[name], checkable=True)
            action.setData(name)
            self.language_group.addAction(action)
        self.language_group.triggered.connect(self._on_language_group_triggered)

        add("checklist", self.tr("&Checklist"), lambda: self._show_tab(CHECKLIST_TAB), ("Ctrl+1",))
        add("editor", self.tr("&Editor"), lambda: self._show_tab(EDITOR_TAB), ("Ctrl+2",))
        add("evidence", self.tr("E&vidence"), lambda: self._show_tab(EVIDENCE_TAB), ("Ctrl+3",))
        add("history", self.tr("&History"), lambda: self._show_tab(HISTORY_TAB), ("Ctrl+4",))
        add(
            "decision",
            self.tr("Board &decision"),
            lambda: self._show_tab(DECISION_TAB),
            ("Ctrl+5",),
        )
        # Window-wide, so that Ctrl+Page Down walks the checklist even from the case list
        # (where the table would otherwise take it as "move a page down the list").
        add(
            "next_step",
            self.tr("&Next checklist step"),
            lambda: self._walk_checklist(1),
            ("Ctrl+PgDown",),
        )
        add(
            "previous_step",
            self.tr("&Previous checklist step"),
            lambda: self._walk_checklist(-1),
            ("Ctrl+PgUp",),
        )
        add("board", self.tr("&Run tumour board…"), self._on_board_triggered, ("Ctrl+B",))
        add("help", self.tr("TAREaid &help"), self._on_help_triggered, ("F1",))
        add("shortcuts", self.tr("&Keyboard shortcuts"), self._on_shortcuts_triggered)
        add("diagnostics", self.tr("Copy &diagnostics"), self._on_diagnostics_triggered)
        add("licences", self.tr("&Licences"), self._on_licences_triggered)
        add("about", self.tr("&About TAREaid"), self._on_about_triggered)

        self.action("show_identifiers").setChecked(self.settings.show_identifiers())
        self.action("show_archived").setChecked(self.settings.show_archived())
        self.action(f"theme_{self.settings.theme()}").setChecked(True)
        self.action(f"language_{self.settings.language()}").setChecked(True)
        unit = self.settings.bilirubin_unit()
        self.action({u: n for n, u in BILIRUBIN_UNIT_ACTIONS.items()}[unit]).setChecked(True)
        self.case_pane.set_bilirubin_unit(unit)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        for name in ("new_case", "duplicate_case", "archive_case", "restore_case"):
            file_menu.addAction(self.action(name))
        file_menu.addSeparator()
        for name in ("import", "export_json", "export_pdf"):
            file_menu.addAction(self.action(name))
        file_menu.addSeparator()
        for name in ("open_database", "new_database"):
            file_menu.addAction(self.action(name))
        self.recent_menu = file_menu.addMenu(self.tr("Recen&t databases"))
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        for name in ("backup", "restore_from_backup", "check"):
            file_menu.addAction(self.action(name))
        file_menu.addSeparator()
        file_menu.addAction(self.action("quit"))

        edit_menu = bar.addMenu(self.tr("&Edit"))
        for name in ("undo", "redo"):
            edit_menu.addAction(self.action(name))
        edit_menu.addSeparator()
        edit_menu.addAction(self.action("find"))
        edit_menu.addAction(self.action("go_to_list"))

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.action("show_identifiers"))
        view_menu.addAction(self.action("show_archived"))
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        for name in THEMES:
            theme_menu.addAction(self.action(f"theme_{name}"))
        bilirubin_menu = view_menu.addMenu(self.tr("&Bilirubin unit"))
        for name in BILIRUBIN_UNIT_ACTIONS:
            bilirubin_menu.addAction(self.action(name))
        self.language_menu = view_menu.addMenu(self.tr("&Language"))
        for name in LANGUAGES:
            self.language_menu.addAction(self.action(f"language_{name}"))

        case_menu = bar.addMenu(self.tr("&Case"))
        for name in ("checklist", "editor", "evidence", "history", "decision"):
            case_menu.addAction(self.action(name))
        case_menu.addSeparator()
        for name in ("next_step", "previous_step"):
            case_menu.addAction(self.action(name))

        # Alt+B is the checklist's Back, so this menu's mnemonic is the o.
        board_menu = bar.addMenu(self.tr("B&oard"))
        board_menu.addAction(self.action("board"))

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.action("help"))
        help_menu.addAction(self.action("shortcuts"))
        help_menu.addSeparator()
        help_menu.addAction(self.action("diagnostics"))
        help_menu.addSeparator()
        help_menu.addAction(self.action("licences"))
        help_menu.addAction(self.action("about"))

    def _connect(self) -> None:
        pane = self.list_pane
        pane.current_case_changed.connect(self._on_list_current_case_changed)
        pane.case_activated.connect(self._on_list_case_activated)
        pane.new_case_confirmed.connect(self._on_new_case_confirmed)
        pane.new_case_requested.connect(self._on_new_case_triggered)
        self.case_pane.new_case_requested.connect(self._on_new_case_triggered)
        pane.show_identifiers_box.setChecked(self.settings.show_identifiers())
        pane.show_archived_box.setChecked(self.settings.show_archived())
        pane.show_identifiers_box.toggled.connect(self.action("show_identifiers").setChecked)
        pane.show_archived_box.toggled.connect(self.action("show_archived").setChecked)
        self.model.modelReset.connect(self._update_actions)
        self.model.search_failed.connect(self._on_search_failed)
        self.list_pane.table.horizontalHeader().sortIndicatorChanged.connect(
            self._on_sort_indicator_changed
        )

        self.session.case_renamed.connect(self._on_case_renamed)
        self.session.case_opened.connect(self._on_case_opened)
        self.session.case_closed.connect(self._update_actions)
        self.session.save_failed.connect(self._on_save_failed)
        self.case_pane.export_requested.connect(self._on_export_pdf_triggered)
        self.case_pane.restore_requested.connect(self._restore_case)
        self.case_pane.case_copied.connect(self._on_case_copied)
        self.case_pane.open_database_requested.connect(self._on_open_database_triggered)
        self.case_pane.demo_requested.connect(self._on_demo_requested)
        self.case_pane.case_requested.connect(self._on_start_page_case_requested)
        self.changes.published.connect(self.case_pane.start_page.on_changes)

        app = QtWidgets.QApplication.instance()
        if isinstance(app, QtWidgets.QApplication):
            app.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)
            app.applicationStateChanged.connect(self._on_application_state_changed)

    def _restore_window_state(self) -> None:
        geometry = self.settings.window_geometry()
        # First run on a laptop-sized screen: use all of it (the user's choice is kept after).
        self.start_maximized = False
        if geometry is None or not self.restoreGeometry(geometry):
            screen = QtGui.QGuiApplication.primaryScreen()
            available = screen.availableGeometry() if screen else QtCore.QRect(0, 0, 1366, 768)
            width = min(available.width(), max(1024, available.width() * 9 // 10))
            height = min(available.height(), max(700, available.height() * 9 // 10))
            self.resize(width, height)
            self.start_maximized = available.width() < 1600
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.splitter_state()
        # Without a remembered split, the default is made for the window's size when it is
        # first shown (maximised or not).
        self._default_split = splitter is None or not self.splitter.restoreState(splitter)
        if self._default_split:
            self._apply_default_split()

    def _apply_default_split(self) -> None:
        """The case list gets two fifths of the width, and on a wide screen whatever the
        case pane does not need (it reads best at about 1,150 px): enough for the list's
        columns and a readable headline."""
        total = max(self.splitter.width(), self.width() - 20, 800)
        pane = min(total * 3 // 5, max(CASE_PANE_WIDTH, total // 2))
        self.splitter.setSizes([total - pane, pane])

    def _save_window_state(self) -> None:
        self.settings.set_window_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.set_splitter_state(self.splitter.saveState())
        self.settings.sync()

    def _show_database(self) -> None:
        # Qt adds " — TAREaid" (the application's display name) to the title itself.
        self.setWindowTitle(self.database.name)
        self.db_label.setText(self.tr("Database: {location}").format(location=self.database.label))
        self.db_label.setToolTip(self.database.label)
        self.settings.add_recent_database(self.database.label)

    def _update_actions(self) -> None:
        selected = self.list_pane.current_reference()
        open_case = self.session.case is not None
        row = self.model.row_at(self.list_pane.table.currentIndex().row())
        self.action("duplicate_case").setEnabled(selected is not None or open_case)
        self.action("archive_case").setEnabled(row is not None and not row.archived)
        self.action("restore_case").setEnabled(row is not None and row.archived)
        self.action("export_pdf").setEnabled(open_case)
        for name in ("checklist", "editor", "history", "decision", "next_step", "previous_step"):
            self.action(name).setEnabled(open_case)

    def _show_tab(self, index: int) -> None:
        self.case_pane.show_tab(index)

    def _walk_checklist(self, delta: int) -> None:
        """The next (1) or previous (-1) checklist step, wherever the focus was."""
        if self.session.case is None:
            return
        self.case_pane.show_tab(CHECKLIST_TAB)
        checklist = self.case_pane.checklist
        if delta > 0:
            checklist.next()
        else:
            checklist.back()

    def _status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MS)

    # Events -----------------------------------------------------------------------------

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        super().showEvent(event)
        if self._default_split:
            self._default_split = False
            self._apply_default_split()
        self._check_database_integrity()
        self.live.start()

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
            # What the first screen can do without: start-up does not wait for it.
            QtCore.QTimer.singleShot(0, self, self._after_first_paint)

    def _after_first_paint(self) -> None:
        # The store, if only the case list was read to show the window (on a worker
        # thread); the number of cases listed; the bundled fonts (CJK and others); the
        # start page's boards and recent cases. Not for a window closed already (the
        # start-up check closes it at once).
        if self._closing.is_set():
            return
        self.database.finish_opening(when_open=_settle_start_up_objects)
        self.model.count_in_background()
        fonts.register_bundled_fonts()
        self.case_pane.start_page.start()
        # The checklist, ready before the first case is opened.
        QtCore.QTimer.singleShot(0, self, self.case_pane.prepare)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if not self._may_leave_case(
            self.tr("Quit without saving?"), self.tr("Quit without saving")
        ):
            event.ignore()
            return
        # An integrity check still running has nothing to protect any more: stop it
        # rather than wait for it.
        self._closing.set()
        self._daily_backup_timer.stop()
        self.live.stop()
        self.repository.stop_integrity_check()
        self.tasks.wait()
        self._save_window_state()
        self.session.close(save=False)
        self.database.close()
        event.accept()

    # List slots -------------------------------------------------------------------------

    def _on_list_current_case_changed(self, reference: str | None) -> None:
        if reference:
            self.open_case(reference)
        self._update_actions()

    def _on_list_case_activated(self, reference: str) -> None:
        if self.open_case(reference):
            self.case_pane.tabs.currentWidget().setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        self.settings.set_sort(self.model.sort_column(), self.model.descending)

    def _on_go_to_list_triggered(self) -> None:
        self.list_pane.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # Cases ------------------------------------------------------------------------------

    def _on_new_case_triggered(self) -> None:
        self.list_pane.new_case_bar.start()

    def _on_duplicate_triggered(self) -> None:
        source = self.session.reference or self.list_pane.current_reference()
        if source is None:
            self._status(self.tr("Select a case to duplicate."))
            return
        self.list_pane.new_case_bar.start(source=source, suggestion=f"{source}-copy")

    def _on_new_case_confirmed(self, reference: str, source: str | None) -> None:
        bar = self.list_pane.new_case_bar
        try:
            if source is None:
                with busy_cursor(on_server(self.repository)):
                    self.editing.create(reference, origin=self)
            else:
                self.session.save_now()
                with busy_cursor(on_server(self.repository)):
                    self.editing.duplicate(source, reference, origin=self)
        except CaseError as error:
            bar.show_error(_sentence(error.message))
            return
        except StoreError as error:
            bar.show_error(error.message)
            return
        bar.finish()
        # The list has read the new case already (from the service's notice); a search
        # that hides it is cleared.
        self.list_pane.search.clear()
        self.list_pane.apply_search_now()
        self.open_case(reference)
        self.case_pane.show_tab(CHECKLIST_TAB)
        first = self.case_pane.checklist.step(0).fields
        next(iter(first.values())).control.setFocus(Qt.FocusReason.OtherFocusReason)
        self._status(
            self.tr("Created {reference}.").format(reference=reference)
            if source is None
            else self.tr("Created {reference} from {source}.").format(
                reference=reference, source=source
            )
        )

    def _on_archive_triggered(self) -> None:
        reference = self.list_pane.current_reference()
        if reference is None:
            return
        expected = None
        if reference == self.session.reference:
            self.session.save_now()
            expected = self.session.version
        row = self.list_pane.table.currentIndex().row()
        try:
            with busy_cursor(on_server(self.repository)):
                self.editing.archive(reference, expected_version=expected, origin=self)
        except StoreError as error:
            dialogs.show_error(
                self,
                self.tr("{reference} was not archived").format(reference=reference),
                error.message,
            )
            return
        if reference == self.session.reference:
            self.session.close()
        if self.model.include_archived:
            self.open_case(reference)
        elif self.model.rowCount():
            next_reference = self.model.reference_at(min(row, self.model.rowCount() - 1))
            if next_reference:
                self.list_pane.select(next_reference)
        self._update_actions()
        # Archiving deletes nothing: the way back is offered at once.
        self.offer.offer(
            self.tr(
                "Archived {reference}. Nothing is deleted: Undo brings it back (later: View › "
                "Show archived cases, then Restore)."
            ).format(reference=reference),
            self.tr("&Undo"),
            lambda: self._restore_case(reference),
            accessible=self.tr("Undo archiving {reference}").format(reference=reference),
        )

    def _on_restore_triggered(self) -> None:
        reference = self.list_pane.current_reference()
        if reference is not None:
            self._restore_case(reference)

    def _restore_case(self, reference: str) -> None:
        try:
            with busy_cursor(on_server(self.repository)):
                self.editing.restore(reference, origin=self)
        except StoreError as error:
            dialogs.show_error(
                self,
                self.tr("{reference} was not restored").format(reference=reference),
                error.message,
            )
            return
        if reference == self.session.reference:
            self.session.close()
        self.open_case(reference)
        self._update_actions()
        self._status(self.tr("Restored {reference}.").format(reference=reference))

    def _on_demo_requested(self) -> None:
        try:
            added = self.editing.add_demo_cases(origin=self)
        except StoreError as error:
            dialogs.show_error(self, self.tr("The demo cases were not added"), error.message)
            return
        self._status(
            self.tr("Added %n fictional demo case(s): pick one in the list.", "", added)
            if added
            else self.tr("The demo cases are in this database already.")
        )

    def _on_start_page_case_requested(self, reference: str) -> None:
        if self.open_case(reference):
            self.case_pane.tabs.currentWidget().setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_case_opened(self, _case: Case) -> None:
        self._update_actions()

    def _on_case_renamed(self, _old: str, new: str) -> None:
        self.list_pane.select(new)

    def _on_case_copied(self, reference: str) -> None:
        self.open_case(reference)
        self._status(self.tr("Your version is kept as {reference}.").format(reference=reference))

    def _on_search_failed(self, message: str) -> None:
        self._status(self.tr("The search could not be done: {message}").format(message=message))

    def _on_save_failed(self, message: str) -> None:
        self._status(self.tr("Not saved: {message}").format(message=message))

    # Files and database -----------------------------------------------------------------

    def _on_import_triggered(self) -> None:
        path = dialogs.choose_open_file(
            self, self.tr("Import cases"), translate("MainWindow", JSON_FILTER)
        )
        if not path:
            return
        editing = self.editing
        repository = self.repository
        backup_problem: list[str] = []

        def work(progress: Any) -> int:
            data = Path(path).read_bytes()
            cases, _listed = parse_case_document(data, source=Path(path).name)
            outcome = backups.backup_before_import(repository, len(cases))
            if outcome.problem is not None:
                backup_problem.append(outcome.problem)
            return editing.import_cases(cases, progress=progress, origin=self)

        def done(count: int) -> None:
            self._status(self.tr("Imported %n case(s) from {path}.", "", count).format(path=path))
            if backup_problem:
                self.show_backup_problem(backup_problem[0])

        self.tasks.run(
            self.tr("Importing cases"), work, done, self._failed(self.tr("Nothing was imported"))
        )

    def _on_export_json_triggered(self) -> None:
        path = dialogs.choose_save_file(
            self,
            self.tr("Export all cases as JSON"),
            translate("MainWindow", JSON_FILTER),
            f"tareaid-cases-{date.today()}.json",
        )
        if not path:
            return
        self.session.save_now()
        repository = self.repository

        def work(_progress: Any) -> int:
            cases = repository.export_cases(None)
            write_atomically(path, dumps_cases(cases).encode("utf-8"))
            return len(cases)

        def done(count: int) -> None:
            self._status(self.tr("Exported %n case(s) to {path}.", "", count).format(path=path))

        self.tasks.run(
            self.tr("Exporting cases"), work, done, self._failed(self.tr("Nothing was exported"))
        )

    def _on_export_pdf_triggered(self) -> None:
        if self.session.case is None or self.session.assessment is None:
            self._status(self.tr("Open a case to export its PDF."))
            return
        if not self.session.save_now():
            # The PDF prints the stored case's audit head: content that was never stored
            # must not be printed beside it. Why the save failed is shown by the session.
            dialogs.show_error(
                self,
                self.tr("No PDF was made"),
                self.tr(
                    "The PDF was not made because the case is not saved (see the message "
                    "above the case). Save it, or reload it, and export again."
                ),
            )
            return
        case, assessment = self.session.case, self.session.assessment
        version = self.session.version
        if case is None or assessment is None:
            return
        options = dialogs.ask_pdf_options(
            self,
            deidentified=self.settings.report_deidentified(),
            page_size=self.settings.page_size(),
        )
        if options is None:
            return
        self.settings.set_report_deidentified(options.deidentified)
        self.settings.set_page_size(options.page_size)
        suffix = "-deidentified" if options.deidentified else ""
        path = dialogs.choose_save_file(
            self,
            self.tr("Export PDF"),
            translate("MainWindow", PDF_FILTER),
            f"{case.reference}{suffix}.pdf",
        )
        if not path:
            return
        pack = self.pack
        bilirubin_unit = self.settings.bilirubin_unit()
        repository = self.repository

        def work(_progress: Any) -> str:
            # ReportLab is imported at the first export, never at start-up.
            from tareaid.report import AuditHead, ReportOptions, build_report, write_report
            from tareaid.store.case_checks import refuse_invalid_values

            stored = repository.get_case(case.reference)
            if stored.version != version:
                # Saved elsewhere since: the stored head no longer covers what is printed.
                raise StaleEditError(
                    f"{case.reference} was changed elsewhere after it was saved here; "
                    "reload it and export again"
                )
            refuse_invalid_values(None, case.reference, stored.invalid, "no PDF was written")
            heads = {}
            if stored.audit_head is not None and stored.audit_count is not None:
                heads[case.reference] = AuditHead(stored.audit_head, stored.audit_count)
            data = build_report(
                case,
                assessment,
                pack,
                ReportOptions(
                    deidentified=options.deidentified,
                    page_size=options.page_size,
                    bilirubin_unit=bilirubin_unit,
                    include_free_text=options.include_free_text,
                    audit_heads=heads,
                ),
            )
            write_report(path, data)
            return path

        def done(written: str) -> None:
            self.offer.offer(
                self.tr("PDF written to {path}.").format(path=written),
                self.tr("Open the PDF"),
                lambda: self._open_written_file(written),
                accessible=self.tr("Open {file}").format(file=Path(written).name),
            )

        self.tasks.run(
            self.tr("Writing the PDF"), work, done, self._failed(self.tr("The PDF was not written"))
        )

    def _open_written_file(self, path: str) -> None:
        if dialogs.open_file(path) is False:
            dialogs.show_error(
                self,
                self.tr("The PDF could not be opened"),
                self.tr(
                    "No program to show PDF files was found on this computer. The PDF is at {path}."
                ).format(path=path),
            )

    def _on_backup_triggered(self) -> None:
        path = dialogs.choose_save_file(
            self,
            self.tr("Back up the database"),
            translate("Database", DATABASE_FILTER),
            f"tareaid-backup-{date.today()}.db",
        )
        if not path:
            return
        self.session.save_now()
        repository = self.repository

        def work(_progress: Any) -> str:
            repository.backup(Path(path))
            return path

        def done(written: str) -> None:
            self._status(self.tr("Backup written to {path}.").format(path=written))

        self.tasks.run(
            self.tr("Backing up the database"),
            work,
            done,
            self._failed(self.tr("No backup was made")),
        )

    def _on_restore_from_backup_triggered(self) -> None:
        current = self.database.label

        def work(_progress: Any) -> Any:
            return read_backups(current)

        def done(listing: Any) -> None:
            restored = restore_from_backup(self, current, listing)
            if restored:
                self.switch_database(restored, create=False)

        self.tasks.run(
            self.tr("Reading the backups"),
            work,
            done,
            self._failed(self.tr("Nothing was restored")),
        )

    def _on_check_triggered(self) -> None:
        repository = self.repository

        def work(_progress: Any) -> Any:
            return repository.check()

        def done(report: CheckReport) -> None:
            if report.healthy:
                dialogs.show_info(
                    self,
                    self.tr("Database check"),
                    self.tr(
                        "The database is healthy: %n case(s), schema version {version}.",
                        "",
                        report.case_count,
                    ).format(version=report.schema_version),
                )
            else:
                problems = "\n".join(f"• {problem}" for problem in report.problems)
                dialogs.show_error(
                    self,
                    self.tr("Database check"),
                    self.tr(
                        "The database has problems. Make a backup and keep the file for "
                        "investigation.\n\n{problems}"
                    ).format(problems=problems),
                )

        self.tasks.run(
            self.tr("Checking the database"), work, done, self._failed(self.tr("The check failed"))
        )

    def _failed(self, what: str) -> Any:
        """The task runner's `on_failed`: bad input or the environment, named (a bug has
        gone to the unexpected-error dialog already)."""

        def failed(error: BaseException) -> None:
            dialogs.show_error(
                self,
                what,
                self.tr("{message}\n\n{what}.").format(message=message_for(error), what=what),
            )

        return failed

    def _on_open_database_triggered(self) -> None:
        path = dialogs.choose_open_file(
            self, self.tr("Open a TAREaid database"), translate("Database", DATABASE_FILTER)
        )
        if path:
            self.switch_database(path, create=False)

    def _on_new_database_triggered(self) -> None:
        path = dialogs.choose_save_file(
            self,
            self.tr("Create a new TAREaid database"),
            translate("Database", DATABASE_FILTER),
            "tareaid.db",
        )
        if path:
            self.switch_database(path, create=True)

    def _on_recent_menu_about_to_show(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_databases()
        for index, database in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{index} {database}")
            action.setData(database)
            action.triggered.connect(
                lambda _checked=False, db=database: self.switch_database(db, create=False)
            )
        if not recent:
            self.recent_menu.addAction(self.tr("No recent databases")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(
                self.tr("Clear the list"), self.settings.clear_recent_databases
            )

    # View -------------------------------------------------------------------------------

    def _on_show_identifiers_toggled(self, checked: bool) -> None:
        self.settings.set_show_identifiers(checked)
        self.list_pane.show_identifiers_box.setChecked(checked)
        self.list_pane.search.setPlaceholderText(
            self.list_pane.search_placeholder(show_identifiers=checked)
        )
        self.model.set_show_identifiers(checked)
        self.case_pane.set_show_identifiers(checked)

    def _on_show_archived_toggled(self, checked: bool) -> None:
        self.settings.set_show_archived(checked)
        self.list_pane.show_archived_box.setChecked(checked)
        self.model.set_include_archived(checked)

    def _on_theme_group_triggered(self, action: QtGui.QAction) -> None:
        name = action.data()
        self.settings.set_theme(name)
        app = QtWidgets.QApplication.instance()
        if isinstance(app, QtWidgets.QApplication):
            theme.apply_theme(app, name)

    def _on_language_group_triggered(self, action: QtGui.QAction) -> None:
        # The interface is built in its language once, at start: a new one is used from the
        # next start, and the message says so in both languages.
        name = action.data()
        self.settings.set_language(name)
        self.settings.sync()
        dialogs.show_info(
            self,
            self.tr("Language"),
            language_change_message(self.tr, name),
        )

    def _on_bilirubin_group_triggered(self, action: QtGui.QAction) -> None:
        unit = action.data()
        self.settings.set_bilirubin_unit(unit)
        self.case_pane.set_bilirubin_unit(unit)

    def _on_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        app = QtWidgets.QApplication.instance()
        if self.settings.theme() == "system" and isinstance(app, QtWidgets.QApplication):
            theme.apply_theme(app, "system")

    def _on_application_state_changed(self, state: Qt.ApplicationState) -> None:
        # Leaving the application is a natural moment to save what is pending.
        if state != Qt.ApplicationState.ApplicationActive:
            self.session.save_now()

    # Board and help ---------------------------------------------------------------------

    def _on_board_triggered(self) -> None:
        from tareaid.ui.board import open_board

        self.session.save_now()
        # The board changes cases through the same editing service: the list and the open
        # case follow its changes from the service's notices.
        board = open_board(self, self.editing)
        if board is not self._board_window:
            board.destroyed.connect(self._on_board_window_destroyed)
            self._board_window = board

    def _on_board_window_destroyed(self, *_args: object) -> None:
        self._board_window = None

    def _on_shortcuts_triggered(self) -> None:
        import html

        rows = "".join(
            f"<tr><td><b>{html.escape(keys)}</b></td>"
            f"<td>{html.escape(translate('Shortcuts', what))}</td></tr>"
            for what, keys in SHORTCUTS
        )
        dialogs.show_info(
            self,
            self.tr("Keyboard shortcuts"),
            f'<table cellspacing="0" cellpadding="3">{rows}</table>',
        )

    def help_topic(self) -> str:
        """The help page for where the user is: the list, or the open case's tab."""
        focus = QtWidgets.QApplication.focusWidget()
        if focus is not None and self.list_pane.isAncestorOf(focus):
            return "case-list"
        if self.session.case is None:
            return "overview"
        tab = self.case_pane.tabs.currentIndex()
        from tareaid.ui.checklist import POPULATIONS_STEP

        if tab == CHECKLIST_TAB and self.case_pane.checklist.current_step == POPULATIONS_STEP:
            return "trial-populations.html"
        return TAB_HELP_TOPICS.get(tab, "overview")

    def _on_help_triggered(self) -> None:
        from tareaid.ui.help_window import show_help

        show_help(self, self.help_topic())

    def _on_diagnostics_triggered(self) -> None:
        from tareaid.diagnostics import report
        from tareaid.ui.diagnostics_dialog import show_diagnostics
        from tareaid.ui.qt import versions

        # Support reads the diagnostics: they stay in English whatever the interface speaks.
        text = report(
            evidence_pack=f"{self.pack.version} (reviewed {self.pack.reviewed_on.isoformat()})",
            database=self.database.label,
            extra_versions=list(versions().items()),
        )
        show_diagnostics(self, text)

    def _on_licences_triggered(self) -> None:
        from tareaid.ui.about_dialog import show_about

        show_about(self, self.pack, licences=True)

    def _on_about_triggered(self) -> None:
        from tareaid.ui.about_dialog import show_about

        show_about(self, self.pack)


_settled = threading.Event()


def _settle_start_up_objects() -> None:
    """What start-up has loaded (Qt's bindings, the store, the evidence pack) stays for the
    whole session: move it out of the garbage collector's sight, once per process. A full
    collection of it takes ~40 ms, and runs on whichever thread happens to allocate (often
    the GUI thread: a stall a person can see); afterwards a collection looks only at newer
    objects."""
    if not _settled.is_set():
        _settled.set()
        gc.freeze()


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:] if message else message


def language_change_message(tr: Any, choice: str) -> str:
    """That the interface changes language at the next start: in the interface's language
    and, when it differs, in the language chosen too."""
    from tareaid.ui import i18n

    text = QT_TRANSLATE_NOOP(
        "MainWindow", "TAREaid will use this language the next time it is started."
    )
    here = tr(text)
    target = i18n.resolve(choice)
    if target == i18n.current():
        return here
    there = i18n.translate_into(target, "MainWindow", text)
    return here if there == here else f"{here}\n\n{there}"
