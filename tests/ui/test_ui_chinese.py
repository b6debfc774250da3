"""The interface in Simplified Chinese: every visible string translated, the evidence in
English and said to be, mnemonics and shortcuts as in English.

The main window, the board's windows and the dialogs reachable without a modal loop are
walked under the zh_CN catalogue on the fictional demo cases; every text, title, tooltip,
accessible name, placeholder, menu entry, list item and table header they show, and every
title and message handed to the modal seams (ui/dialogs.py, ui/board/prompts.py), is
checked for interface English (see interface_text.py for what may stay English). A failure
lists each untranslated string with where it was seen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from interface_text import EnglishFinder, evidence_strings, report, strings_in, window_texts
from modal_recorder import ModalRecorder

from tareaid.domain.assessment import assess
from tareaid.domain.evidence import load_pack
from tareaid.domain.fields import FIELDS
from tareaid.ui import i18n
from tareaid.ui.qt import QtWidgets

ROOT = Path(__file__).resolve().parents[2]
PROMPT_NAMES = (
    "run_dialog",
    "ask_reason",
    "ask_amend_reason",
    "confirm",
    "show_message",
    "choose_folder",
    "choose_save_file",
    "ask_date",
    "pick_case",
    "ask_export_choice",
)
CJK = re.compile("[\u4e00-\u9fff]")
# Where the stored headline is shown as the domain worded it, in English, with the note that
# says so in its tooltip: lists of stored rows (the case list, the agenda, the case picker),
# which have no assessment to word it again from. Everywhere else the headline is built in
# the interface's language (tareaid/ui/headline_text.py) and must be Chinese.
# DEMO-01's headline as the Chinese interface words it, the alert's name from the pack.
DEMO_01_HEADLINE = (
    "注意：anti-VEGF agent to pause before SIRT；"
    "6 项因素中 6 项支持加用 TARE，0 项中性，0 项不支持；1 项证据空白。"
)
# (A table's header view walks the rows of the table's model too.)
STORED_HEADLINE_PLACES = ("'case_table'", "'agendaTable'", "'caseList'", "QHeaderView' row")


@pytest.fixture
def interface_language() -> str:
    """The `window` fixture builds the main window in Chinese."""
    return i18n.SIMPLIFIED_CHINESE


@pytest.fixture
def chinese(qapp: Any) -> Iterator[None]:
    """The interface in Simplified Chinese for one test (English again after it)."""
    assert i18n.install(qapp, i18n.SIMPLIFIED_CHINESE) == "zh_CN"
    yield
    i18n.install(qapp, i18n.ENGLISH)


@pytest.fixture
def zh_window(chinese: None, window: Any) -> Any:
    """The main window, built in Chinese, on the demo cases (fictional)."""
    window.editing.add_demo_cases(origin=None)
    window.model.reload()
    return window


@pytest.fixture
def board_prompts(monkeypatch: pytest.MonkeyPatch) -> ModalRecorder:
    from tareaid.ui.board import prompts as module

    recorder = ModalRecorder(PROMPT_NAMES, informational=("show_message",))
    return recorder.install(monkeypatch, module)


def _finder(window: Any, *, stored_headlines: bool = False) -> EnglishFinder:
    """What may stay English on these screens: the evidence, the demo cases and what the
    domain builds from both (its English headline only where `stored_headlines`), the
    database's path, help-page titles, licence file names."""
    pack = load_pack()
    exempt = evidence_strings(pack)
    repository = window.repository
    for summary in repository.list_cases(include_archived=True):
        stored = repository.get_case(summary.reference)
        exempt |= set(strings_in(stored.case))
        assessment = assess(stored.case, pack)
        exempt |= set(strings_in(assessment)) - {assessment.headline}
        if stored_headlines:
            exempt |= {summary.headline, assessment.headline}
        for entry in repository.history(summary.reference):
            exempt |= {entry.reason or "", entry.user or ""}
    exempt |= {window.database.label, window.database.name}
    for page in (ROOT / "resources" / "help").glob("*.html"):
        title = re.search(r"<title>(.*?)</title>", page.read_text("utf-8"), re.S)
        if title:
            exempt.add(title.group(1).strip())
    exempt |= {path.stem.removeprefix("LICENSE-") for path in (ROOT / "resources").rglob("*.txt")}
    # Values of choices shown as they are (regimen names).
    kept = {choice for spec in FIELDS for choice in spec.choices if choice.isupper()}
    return EnglishFinder(exempt, kept)


class Seen:
    """The strings gathered from the screens, each with where it was shown."""

    def __init__(self) -> None:
        self.texts: list[tuple[str, str]] = []

    def window(self, state: str, window: QtWidgets.QWidget) -> None:
        QtWidgets.QApplication.processEvents()
        self.texts += [(f"{state}: {where}", text) for where, text in window_texts(window)]

    def calls(self, state: str, recorder: ModalRecorder, *, skip: tuple[str, ...] = ()) -> None:
        """The titles, messages and button labels handed to the modal seams."""
        for name, args, kwargs in recorder.calls:
            if name in skip:
                continue
            values = [*args[1:], *kwargs.values()]
            for value in values:
                for text in strings_in(value):
                    self.texts.append((f"{state}: {name}()", text))
        recorder.calls.clear()

    def english(
        self, finder: EnglishFinder, stored_finder: EnglishFinder
    ) -> list[tuple[str, str, list[str]]]:
        """Interface English in what was seen; `stored_finder` for the places that show
        stored headlines (STORED_HEADLINE_PLACES)."""
        problems, checked = [], set()
        for where, text in self.texts:
            stored = any(place in where for place in STORED_HEADLINE_PLACES)
            if (text, stored) in checked:
                continue
            checked.add((text, stored))
            words = (stored_finder if stored else finder).english(text)
            if words:
                problems.append((where, text, words))
        return problems


def _walk_main_window(window: Any, seen: Seen, dialogs: ModalRecorder) -> None:
    from tareaid.ui.case_pane import (
        CHECKLIST_TAB,
        DECISION_TAB,
        EDITOR_TAB,
        EVIDENCE_TAB,
        HISTORY_TAB,
    )
    from tareaid.ui.checklist import PAGE_COUNT

    window._after_first_paint()
    seen.window("start page", window)
    window.list_pane.new_case_bar.start()
    window.list_pane.new_case_bar.show_error("…")
    seen.window("new case", window)
    window.list_pane.new_case_bar.cancel()
    window._on_recent_menu_about_to_show()
    window.recent_menu.clear()
    window.recent_menu.addAction(window.tr("No recent databases"))
    references = [s.reference for s in window.repository.list_cases()]
    finalised = next(
        ref
        for ref in references
        if (case := window.repository.get_case(ref).case).decision and case.decision.finalised
    )
    overridden = next(ref for ref in references if window.repository.get_case(ref).case.overrides)
    for reference in (overridden, finalised):
        assert window.open_case(reference)
        window.case_pane.show_tab(CHECKLIST_TAB)
        for step in range(PAGE_COUNT):
            window.case_pane.checklist.go_to(step)
            seen.window(f"{reference} checklist step {step + 1}", window)
        for tab in (EDITOR_TAB, EVIDENCE_TAB, HISTORY_TAB, DECISION_TAB):
            window.case_pane.show_tab(tab)
            seen.window(f"{reference} tab {tab}", window)
    window.case_pane.show_tab(EDITOR_TAB)
    window.action("show_identifiers").setChecked(True)
    seen.window("identifiers shown", window)
    window.action("show_identifiers").setChecked(False)
    window.case_pane.editor.fields["ecog"].show_error(i18n.translate("CaseSession", "Not saved"))
    window.case_pane.decision.finalise()  # a finalised decision: nothing to do
    for banner in (
        lambda: window.case_pane._on_conflict_detected("…"),
        lambda: window.case_pane._on_lock_detected("…"),
        lambda: window.case_pane._on_save_failed("…"),
    ):
        banner()
        seen.window("banner", window)
    window.case_pane.banner.clear()
    # An archive, with its offer to undo it.
    window.list_pane.select(overridden)
    window.action("archive_case").trigger()
    seen.window("archived", window)
    window.action("show_archived").setChecked(True)
    assert window.open_case(overridden)
    seen.window("archived case", window)
    window.action("restore_case").trigger()
    window.action("show_archived").setChecked(False)
    # Dialogs through the seam, and the windows that are not modal.
    window.action("shortcuts").trigger()
    window.action("about").trigger()
    window.action("diagnostics").trigger()
    window.action("help").trigger()
    for child in window.findChildren(QtWidgets.QWidget):
        if child.isWindow() and child is not window and child.isVisible():
            seen.window(f"window {child.objectName()}", child)
            child.close()
    seen.calls("main window", dialogs)


def _walk_dialogs(seen: Seen) -> None:
    from tareaid.ui import dialogs as dialog_module
    from tareaid.ui.failures import BUG_TEXT, BUG_TITLE

    pdf = dialog_module.PdfOptionsDialog(None, deidentified=True, page_size="Letter")
    error = dialog_module.UnexpectedErrorDialog(
        None,
        i18n.translate("Failures", BUG_TITLE),
        i18n.translate("Failures", BUG_TEXT),
        "Traceback (most recent call last): …",
    )
    for dialog in (pdf, error):
        dialog.show()
        seen.window(type(dialog).__name__, dialog)
        dialog.close()
        dialog.deleteLater()


def _walk_board(window: Any, seen: Seen, prompts: ModalRecorder) -> None:
    from tareaid.ui.board.agenda_window import AgendaWindow
    from tareaid.ui.board.case_picker import Candidate, CasePicker
    from tareaid.ui.board.decision_panel import DecisionPanel
    from tareaid.ui.board.export_dialog import ExportDialog
    from tareaid.ui.board.reason_dialog import ReasonDialog

    case = window.session.case
    board = AgendaWindow(window.editing, parent=window)
    board.choose_board_date(case.board_date)
    board.show()
    seen.window("agenda", board)
    board.start_projection()
    projection = board.projection
    assert projection is not None
    for panel in ("checklist", "evidence", "trials"):
        projection.show_panel(panel)
        seen.window(f"projection {panel}", projection)
    projection.show_panel("checklist")
    prompts.reply("ask_reason", None)
    projection.set_tier("against")
    prompts.reply("confirm", False)
    projection.toggle_identifiers()
    projection.go_to_case(len(projection.session) - 1)
    projection.next_case()
    seen.window("projection message", projection)
    loaded = projection.session.load(projection.session.current_reference)
    panel = DecisionPanel(
        projection,
        reference=loaded.reference,
        decision=loaded.case.decision,
        board_date=projection.session.board_date,
        known_attendees=[],
        amending=True,
        look=projection.look,
    )
    reason = ReasonDialog(None, "…", "…")
    picker = CasePicker(None, [Candidate(loaded.reference, None, "")])
    export = ExportDialog(None, 3)
    for dialog in (panel, reason, picker, export):
        dialog.show()
        seen.window(type(dialog).__name__, dialog)
        dialog.close()
        dialog.deleteLater()
    projection.close()
    board.close()
    seen.calls("board", prompts)


def test_every_visible_string_is_translated(zh_window, dialogs, board_prompts, qtbot):
    seen = Seen()
    dialogs.reply("confirm", False)
    _walk_main_window(zh_window, seen, dialogs)
    _walk_dialogs(seen)
    _walk_board(zh_window, seen, board_prompts)
    assert len(seen.texts) > 1000
    problems = seen.english(_finder(zh_window), _finder(zh_window, stored_headlines=True))
    assert not problems, report(problems)


def test_the_chinese_interface_is_chinese(zh_window):
    """Not only no English: the menus, tabs and buttons are in Chinese."""
    titles = [action.text() for action in zh_window.menuBar().actions()]
    assert titles == ["文件(&F)", "编辑(&E)", "视图(&V)", "病例(&C)", "会诊(&O)", "帮助(&H)"]
    tabs = zh_window.case_pane.tabs
    assert [tabs.tabText(index) for index in range(tabs.count())] == [
        "清单",
        "编辑器",
        "证据",
        "历史记录",
        "决定",
    ]
    assert zh_window.list_pane.count_label.text() == "12 个病例"


def test_the_evidence_stays_in_english_and_the_interface_says_so(zh_window, qtbot):
    from tareaid.ui.case_pane import EVIDENCE_TAB

    note = "临床证据内容为英文（尚无经审核的译文）。"
    pack = load_pack()
    assert zh_window.open_case("DEMO-01")
    checklist = zh_window.case_pane.checklist
    assert note in checklist.provenance.text()
    assert pack.framework_provenance in checklist.provenance.text()
    checklist.go_to(0)
    step = checklist.step(0)
    assert step.question.text() == pack.factor("metastatic_pattern").question
    zh_window.case_pane.show_tab(EVIDENCE_TAB)
    text = zh_window.case_pane.evidence.toPlainText()
    assert note in text and "关于证据" in text
    assert pack.disclaimer.split("\n\n")[0].strip() in text
    # The domain's headline (command line, JSON, PDF) is English; the checklist words it
    # in Chinese around the pack's names.
    assert not CJK.search(zh_window.session.assessment.headline)
    assert checklist.summary.headline.text() == DEMO_01_HEADLINE


def test_stored_headlines_are_shown_in_english_and_said_to_be(zh_window):
    from tareaid.ui.case_list_model import HEADLINE
    from tareaid.ui.qt import Qt

    note = "临床证据内容为英文（尚无经审核的译文）。"
    model = zh_window.model
    column = model.column_of(HEADLINE)
    row = model.row_of("DEMO-01")
    index = model.index(row, column)
    english = "Caution: anti-VEGF agent to pause before SIRT; 6 of 6 factors favour adding TARE"
    assert model.data(index, Qt.ItemDataRole.DisplayRole).startswith(english)
    assert model.data(index, Qt.ItemDataRole.ToolTipRole).endswith("\n" + note)
    tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == "摘要\n" + note

    from tareaid.ui.board.agenda_window import AgendaModel, AgendaRow
    from tareaid.ui.board.case_picker import Candidate, CasePicker

    agenda = AgendaModel()
    agenda.set_rows([AgendaRow("DEMO-01", english, "—")])
    cell = agenda.index(0, AgendaModel.HEADLINE)
    assert agenda.data(cell, Qt.ItemDataRole.ToolTipRole) == english + "\n" + note
    tip = agenda.headerData(
        AgendaModel.HEADLINE, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert tip == "摘要\n" + note
    picker = CasePicker(None, [Candidate("DEMO-01", None, english)])
    assert picker.case_list.item(0).toolTip().endswith(english + "\n" + note)
    picker.deleteLater()


def test_the_projection_evidence_panel_says_the_evidence_is_in_english(
    zh_window, board_prompts, qtbot
):
    from tareaid.ui.board.agenda_window import AgendaWindow

    assert zh_window.open_case("DEMO-01")
    board = AgendaWindow(zh_window.editing, parent=zh_window)
    board.choose_board_date(zh_window.session.case.board_date)
    board.start_projection()
    projection = board.projection
    assert projection.headline_label.text() == DEMO_01_HEADLINE
    projection.show_panel("evidence")
    assert "临床证据内容为英文" in projection.evidence_page.provenance_label.text()
    assert "T 试验" in projection.hint_label.text() and "Esc" in projection.hint_label.text()
    projection.close()
    board.close()


def test_help_opens_with_a_note_that_its_pages_are_in_english(zh_window):
    from tareaid.ui.help_window import HelpWindow

    zh_window.action("help").trigger()
    (help_window,) = zh_window.findChildren(HelpWindow)
    assert help_window.language_note.isVisible()
    assert help_window.language_note.text() == "帮助页面目前仅有英文版。"
    assert help_window.contents.item(0).text() == "入门"
    help_window.close()
