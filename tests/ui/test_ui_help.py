"""The user guide inside the app: F1 opens the page for where you are; links between pages
work; nothing outside the guide is ever opened."""

from __future__ import annotations

import html.parser
import re
from pathlib import Path

import pytest

from tareaid.domain.case import Case
from tareaid.ui.case_pane import (
    CHECKLIST_TAB,
    DECISION_TAB,
    EDITOR_TAB,
    EVIDENCE_TAB,
    HISTORY_TAB,
)
from tareaid.ui.help_window import PAGES, TOPICS, HelpWindow, help_folder, show_help
from tareaid.ui.main_window import SHORTCUTS
from tareaid.ui.qt import Qt, QtCore, QtGui

FOLDER = Path(__file__).resolve().parents[2] / "resources" / "help"


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"] or "")
        if values.get("id"):
            self.ids.add(values["id"] or "")
        self._in_title = tag == "title"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False


def parsed(name: str) -> _Links:
    links = _Links()
    links.feed((FOLDER / name).read_text(encoding="utf-8"))
    return links


def test_the_contents_list_every_page_and_every_page_is_listed():
    assert help_folder() == FOLDER
    assert {page for page, _title in PAGES} == {p.name for p in FOLDER.glob("*.html")}
    for page, title in PAGES:
        assert parsed(page).title == title, page


def test_every_link_leads_to_a_page_and_a_section_that_exist():
    for page, _title in PAGES:
        for href in parsed(page).hrefs:
            assert "://" not in href and not href.startswith("mailto:"), (page, href)
            target, _, section = href.partition("#")
            target = target or page
            assert (FOLDER / target).is_file(), (page, href)
            if section:
                assert section in parsed(target).ids, (page, href)


def test_every_f1_topic_leads_to_an_existing_section():
    for topic, target in TOPICS.items():
        page, _, section = target.partition("#")
        assert (FOLDER / page).is_file(), topic
        if section:
            assert section in parsed(page).ids, topic


def test_the_keyboard_page_lists_every_shortcut_of_the_main_window():
    text = (FOLDER / "keyboard.html").read_text(encoding="utf-8")
    for what, keys in SHORTCUTS:
        assert f"<tr><td>{what}</td><td>{keys}</td></tr>" in text, what


def test_the_guide_never_calls_a_patient_eligible():
    for page, _title in PAGES:
        text = " ".join((FOLDER / page).read_text(encoding="utf-8").split())
        for match in re.finditer(r"eligib", text):
            around = text[match.start() - 10 : match.start() + 25]
            # The claim status of CONTRACT.md §4 ("consistent with trial eligibility")
            # speaks of the trials' criteria, not of the patient.
            allowed = (
                '"eligible"',
                "eligibility criteria",
                "not about eligibility",
                "trial eligibility",
            )
            assert any(words in around for words in allowed), (page, around)
    trials = " ".join((FOLDER / "trial-populations.html").read_text(encoding="utf-8").split())
    assert "resembles the SIRFLOX population on 11 of 14 criteria" in trials
    for trial in ("SIRFLOX", "FOXFIRE", "FOXFIRE-Global", "EPOCH"):
        assert f"<b>{trial}</b>" in trials


def help_window(window) -> HelpWindow:
    found = window.findChild(HelpWindow)
    assert found is not None and found.isVisible()
    return found


def press_f1(window, qtbot, widget) -> HelpWindow:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_F1)
    return help_window(window)


def test_f1_in_the_case_list_opens_the_case_list_section(window, qtbot):
    shown = press_f1(window, qtbot, window.list_pane.table)
    assert shown.browser.current_page() == "index.html"
    assert shown.browser.source().fragment() == "case-list"
    assert shown.windowTitle() == "Getting started — TAREaid help"
    assert window.case_pane.tabs.currentIndex() != EVIDENCE_TAB  # F1 is no longer Evidence


@pytest.mark.parametrize(
    ("tab", "page"),
    [
        (CHECKLIST_TAB, "checklist.html"),
        (EDITOR_TAB, "editor.html"),
        (EVIDENCE_TAB, "evidence.html"),
        (HISTORY_TAB, "history.html"),
        (DECISION_TAB, "board.html"),
    ],
)
def test_f1_in_a_tab_opens_that_tabs_page(window, qtbot, repository, tab, page):
    repository.create_case(Case(reference="CRLM-001"))
    window.model.reload()
    assert window.open_case("CRLM-001")
    window.case_pane.show_tab(tab)
    shown = press_f1(window, qtbot, window.case_pane.tabs.currentWidget())
    assert shown.browser.current_page() == page
    current = shown.contents.currentItem()
    assert current is not None and current.data(Qt.ItemDataRole.UserRole) == page


def test_one_help_window_follows_links_back_and_forward(window, qtbot):
    shown = show_help(window, "overview")
    assert show_help(window, "checklist") is shown
    shown.browser.anchorClicked.emit(QtCore.QUrl("board.html#projection"))
    assert shown.browser.current_page() == "board.html"
    assert shown.browser.source().fragment() == "projection"
    shown.browser.anchorClicked.emit(QtCore.QUrl("#agenda"))
    assert shown.browser.current_page() == "board.html"
    shown.back_button.click()
    shown.back_button.click()
    assert shown.browser.current_page() == "checklist.html"
    shown.forward_button.click()
    assert shown.browser.current_page() == "board.html"
    shown.contents.setCurrentRow(len(PAGES) - 1)
    assert shown.browser.current_page() == PAGES[-1][0]


def test_a_link_outside_the_guide_is_shown_as_text_and_never_opened(window, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(QtGui.QDesktopServices, "openUrl", lambda url: opened.append(url))
    shown = show_help(window, "overview")
    for address in (
        "https://tareaid.org/manual",
        "file:///etc/passwd",
        "mailto:someone@example.org",
    ):
        shown.browser.anchorClicked.emit(QtCore.QUrl(address))
        assert shown.browser.current_page() == "index.html"
        assert shown.note.isVisible()
        assert address in shown.note.text()
    assert opened == []
    assert shown.browser.loadResource(0, QtCore.QUrl("https://tareaid.org/x.png")) is None


def test_a_missing_page_is_reported_not_shown_blank(window):
    shown = show_help(window, "overview")
    shown.browser.anchorClicked.emit(QtCore.QUrl("no-such-page.html"))
    assert shown.browser.current_page() == "index.html"
    assert "no-such-page.html" in shown.note.text()


def test_pages_keep_their_characters(window):
    shown = show_help(window, "checklist")
    text = shown.browser.toPlainText()
    assert "▲" in text and "◆" in text and "…" in text


def test_f1_on_the_trial_populations_step_opens_its_page(window, qtbot, repository):
    from tareaid.ui.checklist import POPULATIONS_STEP

    repository.create_case(Case(reference="CRLM-001"))
    window.model.reload()
    assert window.open_case("CRLM-001")
    window.case_pane.show_tab(CHECKLIST_TAB)
    window.case_pane.checklist.go_to(POPULATIONS_STEP)
    shown = press_f1(window, qtbot, window.case_pane.checklist.step_list)
    assert shown.browser.current_page() == "trial-populations.html"
