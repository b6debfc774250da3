"""The right-hand pane: the open case's header, message banner and tabs.

Tabs: Checklist, Editor, Evidence, History, Decision. The banner reports what needs the user's
decision without blocking them: a conflicting edit from elsewhere (reload, or keep mine as
a copy), a finalised case that needs an amend reason, a save the database refused, an
archived case.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from tareaid.domain.case import Case, CaseError
from tareaid.domain.evidence import EvidencePack
from tareaid.domain.units import MG_DL
from tareaid.store.errors import StoreError
from tareaid.ui import dialogs
from tareaid.ui.case_session import CaseSession
from tareaid.ui.i18n import QT_TRANSLATE_NOOP, translate
from tareaid.ui.qt import Qt, QtWidgets, Signal
from tareaid.ui.start_page import StartPage
from tareaid.ui.widgets import Banner, heading

if TYPE_CHECKING:
    # Each tab's module is imported when the tab is built (see CasePane._tab).
    from tareaid.ui.case_editor import CaseEditor
    from tareaid.ui.checklist import Checklist
    from tareaid.ui.decision_view import DecisionView
    from tareaid.ui.evidence_view import EvidenceView
    from tareaid.ui.history_view import HistoryView

CHECKLIST_TAB, EDITOR_TAB, EVIDENCE_TAB, HISTORY_TAB, DECISION_TAB = range(5)

# Translated where they are shown.
CONFLICT_TEXT = QT_TRANSLATE_NOOP(
    "CasePane", "Someone else changed this case. Your latest edits are not saved."
)
LOCKED_TEXT = QT_TRANSLATE_NOOP(
    "CasePane",
    "This case has a finalised board decision: changes need a reason for the amendment.",
)
ARCHIVED_TEXT = QT_TRANSLATE_NOOP(
    "CasePane", "This case is archived and read-only. Restore it to edit it."
)


class CasePane(QtWidgets.QWidget):
    """Header, banner and tabs for the open case, or a hint when no case is open.

    Signals:
        export_requested(): the user asked for the PDF of this case.
        new_case_requested(): the user asked to create a case (from the empty pane).
        restore_requested(str): the user asked to restore this archived case.
        case_copied(str): "Keep mine as a copy" created this case.
        open_database_requested(): the user wants another database (the save failed).
        demo_requested(): the user asked for the demo cases (from the empty pane).
        case_requested(str): the user chose a case in the empty pane (a board, a recent one).
    """

    export_requested = Signal()
    new_case_requested = Signal()
    restore_requested = Signal(str)
    case_copied = Signal(str)
    open_database_requested = Signal()
    demo_requested = Signal()
    case_requested = Signal(str)

    def __init__(
        self, session: CaseSession, pack: EvidencePack, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.pack = pack
        # Off by default: name, MRN and date of birth are hidden until the user asks.
        self._show_identifiers = False
        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QtWidgets.QStackedWidget()
        outer.addWidget(self.pages)

        self.start_page = StartPage(session.repository)
        self.start_page.new_case_requested.connect(self.new_case_requested)
        self.start_page.evidence_requested.connect(self._on_evidence_requested)
        self.start_page.demo_requested.connect(self.demo_requested)
        self.start_page.case_requested.connect(self.case_requested)
        self.empty = self.start_page
        self.create_button = self.start_page.create_button
        self.read_evidence_button = self.start_page.read_evidence_button
        self.pages.addWidget(self.empty)

        content = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QtWidgets.QHBoxLayout()
        self.title = heading("", scale=1.5)
        self.title.setObjectName("case_title")
        header.addWidget(self.title, 1)
        self.save_state = QtWidgets.QLabel()
        self.save_state.setObjectName("save_state")
        self.save_state.setAccessibleName(self.tr("Save status"))
        header.addWidget(self.save_state, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(header)
        self.subtitle = QtWidgets.QLabel()
        self.subtitle.setWordWrap(True)
        layout.addWidget(self.subtitle)
        self.banner = Banner()
        layout.addWidget(self.banner)

        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setObjectName("case_tabs")
        self.tabs.setAccessibleName(self.tr("Case views"))
        self.tabs.setDocumentMode(True)
        # Each tab is built the first time it is needed (the checklist when a case is
        # opened, or once the window is on screen): the first screen shows the start page,
        # and start-up pays only for that.
        self.bilirubin_unit = MG_DL
        self._tab_factories: dict[int, Callable[[], QtWidgets.QWidget]] = {
            CHECKLIST_TAB: self._make_checklist,
            EDITOR_TAB: self._make_editor,
            EVIDENCE_TAB: self._make_evidence,
            HISTORY_TAB: self._make_history,
            DECISION_TAB: self._make_decision,
        }
        self._built: dict[int, QtWidgets.QWidget] = {}
        for index, title in (
            (CHECKLIST_TAB, self.tr("Checklist")),
            (EDITOR_TAB, self.tr("Editor")),
            (EVIDENCE_TAB, self.tr("Evidence")),
            (HISTORY_TAB, self.tr("History")),
            (DECISION_TAB, self.tr("Decision")),
        ):
            self.tabs.insertTab(index, QtWidgets.QWidget(), title)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        layout.addWidget(self.tabs, 1)
        self.pages.addWidget(content)
        self.content = content

        session.amend_reason_provider = self._ask_amend_reason
        session.case_opened.connect(self._on_case_opened)
        session.case_closed.connect(self._on_case_closed)
        session.case_refreshed.connect(self._on_case_refreshed)
        session.case_changed.connect(self._on_case_changed)
        session.case_saved.connect(self._on_case_saved)
        session.save_state_changed.connect(self._on_save_state_changed)
        session.conflict_detected.connect(self._on_conflict_detected)
        session.lock_detected.connect(self._on_lock_detected)
        session.save_failed.connect(self._on_save_failed)
        self.pages.setCurrentWidget(self.empty)

    @property
    def checklist(self) -> Checklist:
        return cast("Checklist", self._tab(CHECKLIST_TAB))

    @property
    def editor(self) -> CaseEditor:
        return cast("CaseEditor", self._tab(EDITOR_TAB))

    @property
    def evidence(self) -> EvidenceView:
        return cast("EvidenceView", self._tab(EVIDENCE_TAB))

    @property
    def history(self) -> HistoryView:
        return cast("HistoryView", self._tab(HISTORY_TAB))

    @property
    def decision(self) -> DecisionView:
        return cast("DecisionView", self._tab(DECISION_TAB))

    def set_show_identifiers(self, show: bool) -> None:
        """Show name, MRN and date of birth in the editor and the history, or hide them
        (each field can then be shown on its own)."""
        self._show_identifiers = show
        if EDITOR_TAB in self._built:
            self.editor.set_show_identifiers(show)
        if HISTORY_TAB in self._built:
            self.history.set_show_identifiers(show)

    def prepare(self) -> None:
        """Build the checklist ahead of the first case (after the window is on screen)."""
        self._tab(CHECKLIST_TAB)

    def _make_checklist(self) -> Checklist:
        from tareaid.ui.checklist import Checklist

        checklist = Checklist(self.session, self.pack)
        checklist.export_requested.connect(self.export_requested)
        checklist.evidence_requested.connect(self.show_evidence)
        checklist.field_requested.connect(self.show_field)
        return checklist

    def _make_editor(self) -> CaseEditor:
        from tareaid.ui.case_editor import CaseEditor

        editor = CaseEditor(self.session, bilirubin_unit=self.bilirubin_unit)
        editor.set_show_identifiers(self._show_identifiers)
        return editor

    def _make_evidence(self) -> EvidenceView:
        from tareaid.ui.evidence_view import EvidenceView

        return EvidenceView(self.pack)

    def _make_history(self) -> HistoryView:
        from tareaid.ui.history_view import HistoryView

        history = HistoryView(bilirubin_unit=self.bilirubin_unit)
        history.set_show_identifiers(self._show_identifiers)
        return history

    def _make_decision(self) -> DecisionView:
        from tareaid.ui.decision_view import DecisionView

        return DecisionView(self.session)

    def may_leave_decision(self) -> bool:
        """Whether the open case may be left: the decision being edited is saved, or the
        user chose to discard it (False: stay on the case)."""
        if DECISION_TAB not in self._built or not self.decision.dirty:
            return True
        view = self.decision
        choice = dialogs.choose_way_out(
            self,
            self.tr("The decision is not saved"),
            self.tr("The board's decision you are editing is not saved yet."),
            [
                ("save", self.tr("Save the decision")),
                ("discard", self.tr("Discard it")),
                ("stay", self.tr("Stay here")),
            ],
        )
        if choice == "save":
            if view.save():
                return True
            self.show_tab(DECISION_TAB)
            return False
        if choice == "discard":
            view.discard()
            return True
        self.show_tab(DECISION_TAB)
        return False

    def _tab(self, index: int) -> QtWidgets.QWidget:
        """The widget of a tab, built (in place of its placeholder) on first use."""
        widget = self._built.get(index)
        if widget is None:
            widget = self._tab_factories[index]()
            self._built[index] = widget
            current = self.tabs.currentIndex()
            enabled = self.tabs.isTabEnabled(index)
            title = self.tabs.tabText(index)
            placeholder = self.tabs.widget(index)
            self.tabs.blockSignals(True)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, widget, title)
            self.tabs.setTabEnabled(index, enabled)
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            placeholder.deleteLater()
        return widget

    def show_tab(self, index: int) -> None:
        if self.session.case is None and index != EVIDENCE_TAB:
            return
        if self.session.case is None:
            # The evidence is worth reading without a case open.
            self.title.setText(self.tr("No case open"))
            self.title.setAccessibleName(self.tr("No case open"))
            self.subtitle.setText(
                self.tr("Pick a case from the list, or press Ctrl+N to create one.")
            )
            self.save_state.clear()
            for tab in (CHECKLIST_TAB, EDITOR_TAB, HISTORY_TAB, DECISION_TAB):
                self.tabs.setTabEnabled(tab, False)
            self.pages.setCurrentWidget(self.content)
        self._tab(index)
        self.tabs.setCurrentIndex(index)
        self.tabs.currentWidget().setFocus()

    # Session slots ----------------------------------------------------------------------

    def _on_case_opened(self, case: Case) -> None:
        for tab in range(self.tabs.count()):
            self.tabs.setTabEnabled(tab, True)
        # The tab on show, built now if it was not yet (it shows the case as it is built).
        self._tab(self.tabs.currentIndex())
        self.pages.setCurrentWidget(self.content)
        self.banner.clear()
        if self.session.archived:
            self.banner.show_message(
                "archived",
                translate("CasePane", ARCHIVED_TEXT),
                [(self.tr("Re&store"), self._restore)],
            )
        self._on_case_changed(case)
        if self.tabs.currentIndex() == HISTORY_TAB:
            self.history.load(self.session.repository, case.reference)

    def _on_case_refreshed(self, case: Case) -> None:
        # Changed elsewhere: archived or restored there, or new data for the history.
        if self.session.archived and self.banner.kind != "archived":
            self.banner.show_message(
                "archived",
                translate("CasePane", ARCHIVED_TEXT),
                [(self.tr("Re&store"), self._restore)],
            )
        elif not self.session.archived and self.banner.kind == "archived":
            self.banner.clear()
        self._on_case_changed(case)
        if self.tabs.currentIndex() == HISTORY_TAB:
            self.history.load(self.session.repository, case.reference)

    def _on_case_closed(self) -> None:
        self.banner.clear()
        self.pages.setCurrentWidget(self.empty)

    def _on_case_changed(self, case: Case) -> None:
        self.title.setText(case.reference)
        self.title.setAccessibleName(self.tr("Case {reference}").format(reference=case.reference))
        parts = [
            self.tr("Board date {date}").format(date=case.board_date.isoformat())
            if case.board_date
            else self.tr("Board date not recorded")
        ]
        if "board_date" in self.session.invalid:
            parts[0] = self.tr("Board date: invalid stored value")
        if self.session.archived:
            parts.append(self.tr("archived"))
        if self.session.finalised:
            parts.append(self.tr("decision finalised"))
        others = sorted(name for name in self.session.invalid if name != "board_date")
        if others:
            # Written behind TAREaid's back: shown as such, never used as the value.
            parts.append(
                self.tr("invalid stored value in {fields} (run Check database)").format(
                    fields=", ".join(others)
                )
            )
        self.subtitle.setText(" · ".join(parts))

    def _on_case_saved(self, _stored: object) -> None:
        if self.banner.kind in ("locked", "save_failed"):
            self.banner.clear()
        if self.tabs.currentIndex() == HISTORY_TAB:
            self.history.load(self.session.repository, self.session.reference)

    def _on_save_state_changed(self, text: str) -> None:
        self.save_state.setText(text)

    def _on_conflict_detected(self, _message: str) -> None:
        self.banner.show_message(
            "conflict",
            translate("CasePane", CONFLICT_TEXT),
            [
                (self.tr("Re&load"), self._reload),
                (self.tr("&Keep mine as a copy"), self._keep_mine_as_copy),
            ],
        )

    def _on_lock_detected(self, _message: str) -> None:
        self.banner.show_message(
            "locked",
            translate("CasePane", LOCKED_TEXT),
            [
                (self.tr("&Give a reason…"), self._give_amend_reason),
                (self.tr("&Discard my changes"), self._reload),
            ],
        )

    def _on_save_failed(self, message: str) -> None:
        self.banner.show_message(
            "save_failed",
            self.tr("Not saved: {message}").format(message=message),
            [
                (self.tr("Try a&gain"), self._retry_save),
                (self.tr("Open another databa&se…"), self.open_database_requested.emit),
            ],
        )

    def _on_tabs_current_changed(self, index: int) -> None:
        self._tab(index)
        if index == HISTORY_TAB:
            self.history.load(self.session.repository, self.session.reference)

    def _on_evidence_requested(self) -> None:
        self.show_tab(EVIDENCE_TAB)

    def show_evidence(self, anchor: str) -> None:
        """The evidence tab, opened at a trial's section or a factor's claims."""
        self.show_tab(EVIDENCE_TAB)
        self.evidence.show_anchor(anchor)

    def show_field(self, name: str) -> None:
        """The editor tab with the cursor in a field, scrolled into view."""
        self.show_tab(EDITOR_TAB)
        self.editor.focus_field(name)

    def set_bilirubin_unit(self, unit: str) -> None:
        """Show and take bilirubin in `unit` (mg/dL or µmol/L) wherever the pane shows it."""
        self.bilirubin_unit = unit
        if EDITOR_TAB in self._built:
            self.editor.set_bilirubin_unit(unit)
        if HISTORY_TAB in self._built:
            self.history.set_bilirubin_unit(unit)

    # Banner actions ---------------------------------------------------------------------

    def _reload(self) -> None:
        try:
            self.session.reload()
        except StoreError as error:
            dialogs.show_error(self, self.tr("Could not reload the case"), error.message)
            return
        self.banner.clear()

    def _keep_mine_as_copy(self) -> None:
        mine = self.session.case
        if mine is None:
            return
        reference = dialogs.ask_text(
            self,
            self.tr("Keep my version as a copy"),
            self.tr("Reference for the copy holding your version:"),
            f"{mine.reference}-copy",
        )
        if not reference:
            return
        try:
            self.session.editing.save_as_copy(mine, reference, origin=self)
        except (StoreError, CaseError) as error:
            dialogs.show_error(self, self.tr("Could not keep your version"), error.message)
            return
        # My edits now live in the copy: the original goes back to what is stored.
        with contextlib.suppress(StoreError):
            self.session.reload()
        self.banner.clear()
        self.case_copied.emit(reference)

    def _give_amend_reason(self) -> None:
        case = self.session.case
        if case is None:
            return
        reason = self._ask_amend_reason(case)
        if reason:
            self.banner.clear()
            self.session.set_amend_reason(reason)

    def _retry_save(self) -> None:
        self.banner.clear()
        self.session.save_now()

    def _restore(self) -> None:
        if self.session.reference:
            self.restore_requested.emit(self.session.reference)

    def _ask_amend_reason(self, case: Case) -> str | None:
        return dialogs.ask_text(
            self,
            self.tr("Amend a finalised case"),
            self.tr(
                "The board's decision on {reference} is finalised.\n"
                "Why is it being changed? The reason is kept in the audit trail."
            ).format(reference=case.reference),
        )
