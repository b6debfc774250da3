"""Concurrent edits: someone else saves the open case first; a finalised case needs a reason."""

from __future__ import annotations

from tareaid.domain.case import Case, Decision
from tareaid.ui.case_pane import CONFLICT_TEXT, EDITOR_TAB
from tareaid.ui.qt import Qt


def _open(window, repository, qtbot, case):
    repository.create_case(case)
    window.model.reload()
    window.list_pane.select(case.reference)
    window.case_pane.show_tab(EDITOR_TAB)
    return window.case_pane.editor


def _type(qtbot, widget, text):
    widget.control.setFocus()
    widget.control.selectAll()
    qtbot.keyClicks(widget.control, text)
    qtbot.keyClick(widget.control, Qt.Key.Key_Tab)


def test_stale_edit_shows_a_banner_and_reload_works(window, repository, other_repository, qtbot):
    editor = _open(window, repository, qtbot, Case(reference="CRLM-001", ecog=1))
    theirs = other_repository.get_case("CRLM-001")
    other_repository.save_case(theirs.case.with_changes(ecog=2), expected_version=theirs.version)

    _type(qtbot, editor.fields["age_years"], "70")
    banner = window.case_pane.banner
    qtbot.waitUntil(banner.isVisible)
    assert banner.kind == "conflict"
    assert CONFLICT_TEXT in banner.message.text()
    assert window.case_pane.save_state.text() == "Not saved: changed elsewhere"
    # Their change is still there; nothing of mine overwrote it.
    assert repository.get_case("CRLM-001").case.ecog == 2
    assert repository.get_case("CRLM-001").case.age_years is None

    qtbot.mouseClick(banner.button("Reload"), Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    assert editor.fields["ecog"].control.text() == "2"
    assert editor.fields["age_years"].control.text() == ""
    # Editing goes on normally after the reload.
    _type(qtbot, editor.fields["age_years"], "71")
    assert window.session.save_now()
    stored = repository.get_case("CRLM-001").case
    assert (stored.ecog, stored.age_years) == (2, 71)


def test_keep_mine_as_a_copy(window, repository, other_repository, qtbot, dialogs):
    editor = _open(window, repository, qtbot, Case(reference="CRLM-001", ecog=1))
    theirs = other_repository.get_case("CRLM-001")
    other_repository.save_case(theirs.case.with_changes(ecog=2), expected_version=theirs.version)
    _type(qtbot, editor.fields["ecog"], "0")
    assert not window.session.save_now()
    banner = window.case_pane.banner
    assert banner.kind == "conflict"

    dialogs.reply("ask_text", "CRLM-001-mine")
    qtbot.mouseClick(banner.button("Keep mine as a copy"), Qt.MouseButton.LeftButton)
    assert repository.get_case("CRLM-001-mine").case.ecog == 0
    assert repository.get_case("CRLM-001").case.ecog == 2
    assert window.session.reference == "CRLM-001-mine"
    assert not banner.isVisible()


def test_finalised_case_asks_for_an_amend_reason(window, repository, qtbot, dialogs):
    decision = Decision(outcome="discuss_tare", finalised=True)
    editor = _open(window, repository, qtbot, Case(reference="CRLM-009", decision=decision))

    # Declined: the edit is refused and explained.
    dialogs.reply("ask_text", None)
    _type(qtbot, editor.fields["ecog"], "2")
    assert editor.fields["ecog"].error_label.isVisible()
    assert "reason" in editor.fields["ecog"].error_label.text()
    assert window.session.case.ecog is None

    dialogs.reply("ask_text", "Corrected ECOG after review")
    _type(qtbot, editor.fields["ecog"], "2")
    assert window.session.case.ecog == 2
    assert window.session.save_now()
    assert repository.get_case("CRLM-009").case.ecog == 2
    assert len(dialogs.called("ask_text")) == 2


def test_an_amend_reason_with_a_control_character_is_refused_and_asked_again(
    window, repository, qtbot, dialogs
):
    decision = Decision(outcome="discuss_tare", finalised=True)
    editor = _open(window, repository, qtbot, Case(reference="CRLM-010", decision=decision))
    dialogs.reply("ask_text", "Corrected\x07 ECOG")
    _type(qtbot, editor.fields["ecog"], "2")
    # Refused as the reason is given: the edit does not happen and nothing is saved.
    assert editor.fields["ecog"].error_label.isVisible()
    assert editor.fields["ecog"].error_label.text() == (
        "⚠ Not changed: the amend reason contains a control character"
    )
    assert window.session.case.ecog is None
    assert window.session.save_now()
    assert repository.get_case("CRLM-010").case.ecog is None

    dialogs.reply("ask_text", "Corrected ECOG after review")
    _type(qtbot, editor.fields["ecog"], "3")
    assert window.session.save_now()
    assert repository.get_case("CRLM-010").case.ecog == 3


def test_leaving_a_case_with_unsaved_edits_asks_first(
    window, repository, other_repository, qtbot, dialogs
):
    repository.create_case(Case(reference="CRLM-002"))
    editor = _open(window, repository, qtbot, Case(reference="CRLM-001", ecog=1))
    theirs = other_repository.get_case("CRLM-001")
    other_repository.save_case(theirs.case.with_changes(ecog=2), expected_version=theirs.version)
    _type(qtbot, editor.fields["ecog"], "0")

    dialogs.reply("confirm", False)
    window.list_pane.select("CRLM-002")
    assert window.session.reference == "CRLM-001"
    assert window.list_pane.current_reference() == "CRLM-001"
    assert "someone else changed the case" in dialogs.called("confirm")[0][0][2]

    dialogs.reply("confirm", True)
    window.list_pane.select("CRLM-002")
    assert window.session.reference == "CRLM-002"
    assert repository.get_case("CRLM-001").case.ecog == 2


def test_a_refused_save_offers_a_way_out(window, repository, qtbot, dialogs, monkeypatch):
    from tareaid.store.errors import ReadOnlyDatabaseError

    editor = _open(window, repository, qtbot, Case(reference="CRLM-003"))
    mine = window.repository
    save_case = mine.save_case

    def refuse(*args, **kwargs):
        raise ReadOnlyDatabaseError("cases.db: the folder cannot be written")

    monkeypatch.setattr(mine, "save_case", refuse)
    _type(qtbot, editor.fields["ecog"], "1")
    assert not window.session.save_now()
    banner = window.case_pane.banner
    assert banner.kind == "save_failed"
    assert "the folder cannot be written" in banner.message.text()
    assert window.case_pane.save_state.text() == "Not saved"

    dialogs.reply("choose_open_file", None)
    qtbot.mouseClick(banner.button("Open another database…"), Qt.MouseButton.LeftButton)
    assert len(dialogs.called("choose_open_file")) == 1

    monkeypatch.setattr(mine, "save_case", save_case)
    qtbot.mouseClick(banner.button("Try again"), Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    assert repository.get_case("CRLM-003").case.ecog == 1


def test_switching_database_with_unsaved_edits_asks_first(
    window, repository, other_repository, qtbot, dialogs, tmp_path
):
    editor = _open(window, repository, qtbot, Case(reference="CRLM-001", ecog=1))
    theirs = other_repository.get_case("CRLM-001")
    other_repository.save_case(theirs.case.with_changes(ecog=2), expected_version=theirs.version)
    _type(qtbot, editor.fields["ecog"], "0")
    dialogs.reply("confirm", False)
    assert not window.switch_database(str(tmp_path / "other.db"), create=True)
    assert window.session.reference == "CRLM-001"
    assert not (tmp_path / "other.db").exists()
    window.case_pane.banner.button("Reload").click()
