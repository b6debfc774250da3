"""The projection view: identifiers stay off the wall, tiers by keys, the evidence panel,
type sized for the room."""

from __future__ import annotations

from datetime import date

import pytest
from board_data import BOARD_DATE, DOB, IDENTIFIER_FORMS, MRN, NAME
from board_walk import leaked, texts

from tareaid.app.board import BoardSession
from tareaid.app.editing import EditingService
from tareaid.domain.case import Decision, Override
from tareaid.ui.board.fit_label import FitLabel
from tareaid.ui.board.projection import (
    EVIDENCE_HINTS,
    KEY_HINTS,
    TRIALS_HINTS,
    ProjectionWindow,
)
from tareaid.ui.board.reason_dialog import ReasonDialog
from tareaid.ui.qt import Qt, QtCore, QtWidgets

Key = Qt.Key


@pytest.fixture
def projection(qtbot, editing):
    window = ProjectionWindow(BoardSession(editing, BOARD_DATE))
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_identifiers_are_in_no_widget_until_revealed(qtbot, projection, prompts):
    assert projection.reference_label.text() == "BRD-001"
    assert leaked(projection, IDENTIFIER_FORMS) == []
    # Every factor, the evidence panel and back: still nothing.
    for _ in range(6):
        qtbot.keyClick(projection, Key.Key_Down)
    qtbot.keyClick(projection, Key.Key_E)
    assert leaked(projection, IDENTIFIER_FORMS) == []
    qtbot.keyClick(projection, Key.Key_E)

    # I asks first; saying no shows nothing.
    prompts.reply("confirm", False)
    qtbot.keyClick(projection, Key.Key_I)
    assert leaked(projection, IDENTIFIER_FORMS) == []
    (question,) = prompts.called("confirm")
    assert "BRD-001" in question[0][2]
    assert not any(form in question[0][2] for form in IDENTIFIER_FORMS)

    # Confirmed: they show, for this case only.
    prompts.reply("confirm", True)
    with qtbot.waitSignal(projection.identifiers_revealed):
        qtbot.keyClick(projection, Key.Key_I)
    shown = projection.identifiers_label.text()
    assert NAME in shown and MRN in shown and DOB in shown
    assert projection.identifiers_label.isVisible()

    # Moving on hides them again, and coming back does not bring them back.
    qtbot.keyClick(projection, Key.Key_Right)
    assert projection.reference_label.text() == "BRD-002"
    assert leaked(projection, IDENTIFIER_FORMS) == []
    assert not projection.identifiers_label.isVisible()
    qtbot.keyClick(projection, Key.Key_Left)
    assert projection.reference_label.text() == "BRD-001"
    assert leaked(projection, IDENTIFIER_FORMS) == []

    # I again toggles them off without asking.
    prompts.reply("confirm", True)
    qtbot.keyClick(projection, Key.Key_I)
    assert NAME in projection.identifiers_label.text()
    qtbot.keyClick(projection, Key.Key_I)
    assert leaked(projection, IDENTIFIER_FORMS) == []
    assert len(prompts.called("confirm")) == 3


def _answer_reason_dialog(qtbot, typed: str, key: Qt.Key) -> list[str]:
    """When the reason dialog is up and has the focus, type into it and press a key.

    Returns a list that collects problems; the dialog is always closed, so a failure can
    never leave a modal loop running.
    """
    problems: list[str] = []
    tries = [0]

    def answer() -> None:
        dialog = QtWidgets.QApplication.activeModalWidget()
        tries[0] += 1
        ready = (
            isinstance(dialog, ReasonDialog)
            and QtWidgets.QApplication.focusWidget() is dialog.reason_edit
        )
        if not ready:
            if tries[0] < 300:
                QtCore.QTimer.singleShot(10, answer)
            else:
                problems.append(f"reason dialog never had the focus ({dialog!r})")
                if isinstance(dialog, QtWidgets.QDialog):
                    dialog.reject()
            return
        qtbot.keyClicks(dialog.reason_edit, typed)
        qtbot.keyClick(dialog.reason_edit, key)
        if dialog.isVisible():  # Enter on a blank reason does nothing; Esc then cancels
            qtbot.keyClick(dialog.reason_edit, Key.Key_Escape)

    QtCore.QTimer.singleShot(0, answer)
    return problems


def test_the_real_reason_dialog_by_keys(qtbot, projection, repository):
    qtbot.keyClick(projection, Key.Key_Down)  # resectability intent
    problems = _answer_reason_dialog(
        qtbot, "Resection judged possible after downsizing", Key.Key_Return
    )
    with qtbot.waitSignal(
        projection.changes.published,
        timeout=5000,
        check_params_cb=lambda notice: notice.overrides and notice.caused_by(projection),
    ):
        qtbot.keyClick(projection, Key.Key_1)
    assert problems == []
    case = repository.get_case("BRD-001").case
    assert case.overrides == {
        "treatment_goal": Override("favours", "Resection judged possible after downsizing")
    }


@pytest.mark.parametrize(("typed", "key"), [("A reason", Key.Key_Escape), ("   ", Key.Key_Return)])
def test_cancelled_or_blank_reason_changes_nothing(qtbot, projection, repository, typed, key):
    before = repository.get_case("BRD-001")
    problems = _answer_reason_dialog(qtbot, typed, key)
    qtbot.keyClick(projection, Key.Key_3)
    assert problems == []
    after = repository.get_case("BRD-001")
    assert after.version == before.version
    assert after.case.overrides == {}
    assert projection.message_label.text() == "Tier unchanged"


def test_clearing_an_override_with_zero(qtbot, projection, repository, prompts):
    prompts.reply("ask_reason", "Board view")
    qtbot.keyClick(projection, Key.Key_3)
    assert repository.get_case("BRD-001").case.overrides["metastatic_pattern"].tier == "against"
    assert "THIS CASE" in projection.rows[0].tier_labels["against"].text()
    prompts.reply("confirm", True)
    with qtbot.waitSignal(
        projection.changes.published,
        check_params_cb=lambda notice: notice.overrides and notice.references == {"BRD-001"},
    ):
        qtbot.keyClick(projection, Key.Key_0)
    assert repository.get_case("BRD-001").case.overrides == {}
    assert "THIS CASE" in projection.rows[0].tier_labels["favours"].text()
    # Nothing to clear: no question.
    qtbot.keyClick(projection, Key.Key_0)
    assert len(prompts.called("confirm")) == 1


def test_grid_marks_the_tier_with_shape_word_and_border(projection):
    look = projection.look
    row = projection.rows[0]  # metastatic pattern: liver only -> favours
    assert row.tier_labels["favours"].text().startswith("▲ THIS CASE")
    assert "liver-only or liver-dominant" in row.tier_labels["favours"].text()
    assert row.tier_cells["favours"].border == look.tier("favours")
    assert row.tier_cells["favours"].border_width >= 3 * row.tier_cells["neutral"].border_width
    assert "THIS CASE" not in row.tier_labels["neutral"].text()
    assert row.status.text().startswith("▲ Favours TARE")
    # An unassessed factor marks no framework cell and says so in the status column.
    projection.session.repository.save_case(
        projection.session.current().case.with_changes(ecog=None),
        expected_version=projection.session.current().version,
    )
    projection.refresh()
    ecog = projection.rows[5]
    assert not any("THIS CASE" in label.text() for label in ecog.tier_labels.values())
    assert ecog.status.text().startswith("? Unassessed")


def test_evidence_panel_shows_key_figures_with_their_context(qtbot, projection):
    qtbot.keyClick(projection, Key.Key_E)
    assert projection.evidence_page.isVisible()
    shown = "\n".join(texts(projection.evidence_page))
    # Typed from the evidence brief, not read from the pack.
    assert "20.5 vs 12.6 months" in shown
    assert "10.7 vs 10.2 months" in shown
    assert "HR 0.93 (95% CI 0.77–1.12), P = .43" in shown
    assert "22.6 vs 23.3 months" in shown
    assert "HR 1.04 (95% CI 0.90–1.19), P = .61" in shown
    assert "22.0 vs 17.1 months" in shown
    assert "24.3 vs 24.6 months" in shown
    assert "HR 0.51 (95% CI 0.43–0.62), P < .001" in shown
    assert "HR 1.98" in shown
    assert "PFS (co-primary endpoint)" in shown
    assert "Hepatic PFS (co-primary endpoint)" in shown
    assert "HR 0.59 (95% CI 0.46–0.77), one-sided P < .0001" in shown
    assert "DOI 10.1200/JCO.2015.66.1181" in shown
    assert "DOI 10.1016/S1470-2045(17)30457-6" in shown
    assert "DOI 10.1016/j.clcc.2018.06.001" in shown
    assert "ASCO 2017, abstract 3507" in shown
    order = projection.evidence_page.figure_order()
    # The right-sided subgroup after both null overall-survival results; liver
    # progression directly beside progression outside the liver.
    right = order.index("right_sided_2018_os_right")
    assert order.index("combined_2017_os") < right
    assert order.index("right_sided_2018_os_all") == right - 1
    liver = order.index("combined_2017_liver_progression")
    assert order[liver + 1] == "combined_2017_extrahepatic_progression"
    assert ["epoch_pfs", "epoch_hepatic_pfs"] == [k for k in order if k.startswith("epoch_")][:2]
    qtbot.keyClick(projection, Key.Key_Escape)  # Esc closes the panel first
    assert projection.isVisible()
    assert projection.grid_page.isVisible()


def _cut_on_the_wall(window: ProjectionWindow) -> list[str]:
    """Text a visible label had to cut that must be seen whole: on the checklist, what is
    not repeated in the detail area; everywhere else, anything."""
    return [
        label.text()
        for label in window.findChildren(FitLabel)
        if label.isVisible() and label.text() and not label.required_parts_fit()
    ]


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1366, 768), (1280, 720)])
def test_type_scales_with_the_screen_and_nothing_is_cut(qtbot, projection, width, height):
    projection.resize(width, height)
    qtbot.waitUntil(lambda: projection.height() == height)
    for key, panel in ((None, "checklist"), (Key.Key_E, "evidence"), (Key.Key_T, "trials")):
        if key is not None:
            qtbot.keyClick(projection, key)
        assert projection.panel == panel
        for index in range(3):
            projection.go_to_case(index)
            qtbot.wait(1)  # let the layout settle, as it does before every paint
            labels = [label for label in projection.findChildren(FitLabel) if label.isVisible()]
            assert labels
            assert _cut_on_the_wall(projection) == [], f"cut at {width}×{height} ({panel})"
            smallest = min(label.smallest_px() for label in labels if label.text())
            # ≥ 24 px at 1080 lines, and the same share of a smaller screen.
            assert smallest >= 24 * height / 1080 - 0.5
        if key is not None:
            qtbot.keyClick(projection, key)
    assert projection.hint_label.text() == KEY_HINTS


def test_the_key_hints_say_which_panel_is_open(qtbot, projection):
    assert "T trials" in KEY_HINTS and "E evidence" in KEY_HINTS
    qtbot.keyClick(projection, Key.Key_E)
    assert projection.hint_label.text() == EVIDENCE_HINTS
    qtbot.keyClick(projection, Key.Key_T)  # from one panel straight to the other
    assert projection.hint_label.text() == TRIALS_HINTS
    assert projection.trials_page.isVisible()
    qtbot.keyClick(projection, Key.Key_Escape)
    assert projection.hint_label.text() == KEY_HINTS


@pytest.mark.slow
@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1366, 768), (1280, 720)])
def test_every_demo_case_reads_in_full_wherever_the_cursor_is(qtbot, tmp_path, width, height):
    from datetime import date

    from tareaid.store.repository import Repository

    repo = Repository.open(str(tmp_path / "demo.db"))
    assert repo.add_demo_cases() > 0
    try:
        for board_date in (date(2026, 12, 3), date(2026, 12, 10)):
            window = ProjectionWindow(BoardSession(EditingService(repo), board_date))
            qtbot.addWidget(window)
            window.resize(width, height)
            window.show()
            qtbot.waitExposed(window)
            for index in range(len(window.session)):
                window.go_to_case(index)
                for panel in ("checklist", "evidence", "trials"):
                    window.show_panel(panel)
                    for factor in range(6 if panel != "trials" else 1):
                        window.select_factor(factor)
                        qtbot.wait(1)
                        cut = _cut_on_the_wall(window)
                        assert cut == [], (window.session.current_reference, panel, factor, cut)
                        if panel == "checklist":
                            # Whatever a row cut, the detail area shows in full.
                            assert window.grid_page.detail.fits()
            window.close()
    finally:
        repo.close()


def test_amending_a_finalised_decision(qtbot, projection, repository, prompts):
    stored = repository.get_case("BRD-001")
    first = Decision(
        "further_workup", "MAA first", ("Ada Lovelace (Surgery)",), None, BOARD_DATE, True
    )
    repository.save_case(stored.case.with_changes(decision=first), expected_version=stored.version)
    projection.refresh()

    # No amend reason: the panel does not even open.
    prompts.reply("ask_amend_reason", None)
    qtbot.keyClick(projection, Key.Key_D)
    assert prompts.called("run_dialog") == []
    assert repository.get_case("BRD-001").case.decision == first

    def amend(panel):
        assert panel.amend_label.isVisible() or panel.amend_label.isVisibleTo(panel)
        # The recorded decision is filled in, ready to change.
        assert panel.outcome_combo.currentData() == "further_workup"
        assert panel.rationale_edit.toPlainText() == "MAA first"
        assert panel.finalise_check.isChecked()
        assert panel.decision().attendees == ("Ada Lovelace (Surgery)",)
        panel.outcome_combo.setCurrentIndex(0)  # discuss TARE
        panel.rationale_edit.setPlainText("MAA done: shunt 8%")
        return QtWidgets.QDialog.DialogCode.Accepted

    prompts.reply("ask_amend_reason", "MAA result arrived after the board")
    prompts.reply("run_dialog", amend)
    with qtbot.waitSignal(
        projection.changes.published, check_params_cb=lambda notice: notice.decision
    ):
        qtbot.keyClick(projection, Key.Key_D)
    decision = repository.get_case("BRD-001").case.decision
    assert decision.outcome == "discuss_tare"
    assert decision.rationale == "MAA done: shunt 8%"
    assert decision.finalised
    assert repository.history("BRD-001")[-1].reason == "MAA result arrived after the board"


def test_an_empty_board_says_so_and_keys_do_nothing_harmful(qtbot, editing, prompts):
    window = ProjectionWindow(BoardSession(editing, date(2030, 1, 1)))
    qtbot.addWidget(window)
    window.show()
    assert "No cases on the agenda" in window.empty_page.text()
    for key in (Key.Key_Right, Key.Key_Left, Key.Key_Down, Key.Key_1, Key.Key_0, Key.Key_D):
        qtbot.keyClick(window, key)
    qtbot.keyClick(window, Key.Key_I)
    assert prompts.calls == []


def test_a_change_made_elsewhere_is_not_overwritten(qtbot, projection, repository, prompts):
    stored = repository.get_case("BRD-001")
    repository.save_case(stored.case.with_changes(ecog=3), expected_version=stored.version)
    prompts.reply("ask_reason", "Board view")
    qtbot.keyClick(projection, Key.Key_2)
    ((args, _kwargs),) = prompts.called("show_message")
    assert args[1] == "Case changed elsewhere"
    case = repository.get_case("BRD-001").case
    assert case.overrides == {} and case.ecog == 3
    # The wall now shows the case as stored.
    assert "ECOG 3" in projection.rows[5].factor.text()


def test_a_decision_the_service_refuses_is_explained_while_the_panel_is_open(
    qtbot, projection, repository, prompts
):
    accepted = QtWidgets.QDialog.DialogCode.Accepted

    def fill(panel):
        panel.outcome_combo.setCurrentIndex(0)  # discuss TARE
        panel.rationale_edit.setPlainText("x" * 2001)
        panel.save_button.click()
        assert panel.result() != accepted
        assert not panel.error_label.isHidden()
        problem = panel.error_label.text()
        assert "BRD-001" in problem and "rationale" in problem and "at most 2000" in problem
        panel.rationale_edit.setPlainText("MAA first")
        panel.save_button.click()
        return panel.result()

    prompts.reply("run_dialog", fill)
    with qtbot.waitSignal(
        projection.changes.published, check_params_cb=lambda notice: notice.decision
    ):
        qtbot.keyClick(projection, Key.Key_D)
    decision = repository.get_case("BRD-001").case.decision
    assert (decision.outcome, decision.rationale) == ("discuss_tare", "MAA first")


def test_a_change_made_while_the_question_is_open_is_not_overwritten(
    qtbot, projection, repository, prompts
):
    def someone_else_edits_then_answer(*_args, **_kwargs):
        # The case editor saves the case on the wall while the room is still deciding.
        editing = projection.session.editing
        loaded = editing.load("BRD-001")
        editing.set_fields("BRD-001", {"ecog": 2}, expected_version=loaded.version)
        return "Board view"

    prompts.reply("ask_reason", someone_else_edits_then_answer)
    qtbot.keyClick(projection, Key.Key_3)
    ((args, _kwargs),) = prompts.called("show_message")
    assert args[1] == "Case changed elsewhere"
    case = repository.get_case("BRD-001").case
    assert case.overrides == {} and case.ecog == 2
    assert "ECOG 2" in projection.rows[5].factor.text()
