"""The guided checklist: walking it by keyboard, answering in place, overriding tiers."""

from __future__ import annotations

import pytest

from tareaid.domain.case import Case, Override
from tareaid.ui.case_pane import CHECKLIST_TAB
from tareaid.ui.checklist import REASON_REQUIRED, SUMMARY_STEP
from tareaid.ui.qt import Qt

# Written by hand from CONTRACT.md §3, not read back from the rules.
FAVOURABLE = Case(
    reference="CRLM-001",
    metastatic_pattern="liver_only",
    treatment_goal="conversion_to_resection",
    prior_systemic_lines=0,
    ras_status="mutant",
    liver_lesion_count=6,
    bilobar=True,
    ablation_suitable=False,
    ecog=1,
)


def _open(window, repository, qtbot, case):
    repository.create_case(case)
    window.model.reload()
    window.list_pane.select(case.reference)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.list_pane.table, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.case_pane.tabs.currentIndex() == CHECKLIST_TAB
    return window.case_pane.checklist


def test_walk_to_the_summary_by_keyboard(window, repository, qtbot):
    checklist = _open(window, repository, qtbot, FAVOURABLE)
    assert checklist.progress_label.text() == "Step 1 of 6"
    questions = []
    for step in range(1, 7):
        page = checklist.stack.currentWidget()
        questions.append(page.question.text())
        assert checklist.progress_label.text() == f"Step {step} of 6"
        assert checklist.progress.value() == step
        # Alt+N is the Next button's mnemonic: it clicks the button (after a short press).
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda step=step: checklist.current_step == step)
    # After the six factors, the trial populations: not counted as a seventh step.
    assert checklist.progress_label.text() == "Trial populations"
    assert checklist.stack.currentWidget() is checklist.populations
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: checklist.progress_label.text() == "Summary")
    assert checklist.stack.currentWidget() is checklist.summary
    assert questions[0] == "Where is the metastatic disease?"
    assert questions[5] == "What is the patient's ECOG performance status?"

    summary = checklist.summary
    assert summary.headline.text().startswith("6 of 6 factors favour adding TARE")
    assert summary.count_labels["favours"].text() == "▲ Favours TARE: 6"
    assert summary.count_labels["against"].text() == "▼ Against TARE: 0"
    # Nothing of the work-up is recorded: no "no alert", but what was not checked.
    assert [label.text() for label in summary.alert_labels] == [
        "? Not checked: lung shunt fraction and bilirubin not recorded."
    ]

    # Back by keyboard, both ways.
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: checklist.progress_label.text() == "Trial populations")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: checklist.progress_label.text() == "Step 6 of 6")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert checklist.progress_label.text() == "Step 5 of 6"
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert checklist.progress_label.text() == "Step 6 of 6"


def test_each_step_shows_question_tiers_finding_and_reason(window, repository, qtbot):
    checklist = _open(window, repository, qtbot, FAVOURABLE)
    lesions = checklist.steps[4]
    checklist.go_to(4)
    assert lesions.question.text().startswith("How many liver lesions")
    assert lesions.options["favours"].mark.isVisible()
    assert not lesions.options["neutral"].mark.isVisible()
    assert lesions.options["favours"].lineWidth() > lesions.options["neutral"].lineWidth()
    assert lesions.options["against"].description.text() == (
        "solitary resectable lesion — resect directly"
    )
    assert lesions.derived.text() == "▲ Favours TARE"
    assert lesions.finding.text() != ""
    assert lesions.derived_reason.text() != ""
    assert not lesions.status_box.isVisible()


def test_unassessed_and_outside_are_shown_as_such(window, repository, qtbot):
    case = Case(reference="CRLM-002", prior_systemic_lines=2)
    checklist = _open(window, repository, qtbot, case)
    pattern = checklist.steps[0]
    assert pattern.derived.text() == "? Unassessed"
    assert pattern.status_box.isVisible()
    assert "missing" in pattern.status_text.text()
    assert not any(option.mark.isVisible() for option in pattern.options.values())

    checklist.go_to(2)
    timing = checklist.steps[2]
    assert timing.derived.text() == "◆ Outside framework"
    assert "does not classify" in timing.status_text.text()
    assert not any(option.mark.isVisible() for option in timing.options.values())
    assert "1. Metastatic pattern\n? Unassessed" == checklist.step_list.item(0).text()


def test_answering_in_the_step_updates_the_tier(window, repository, qtbot):
    checklist = _open(window, repository, qtbot, Case(reference="CRLM-003"))
    step = checklist.steps[5]
    checklist.go_to(5)
    ecog = step.fields["ecog"].control
    ecog.setFocus()
    qtbot.keyClicks(ecog, "3")
    qtbot.keyClick(ecog, Qt.Key.Key_Tab)
    assert step.derived.text() == "▼ Against TARE"
    assert step.options["against"].mark.isVisible()
    window.session.save_now()
    assert repository.get_case("CRLM-003").case.ecog == 3
    # The editor shows the same value.
    assert window.case_pane.editor.fields["ecog"].control.text() == "3"


def test_override_without_a_reason_is_refused(window, repository, qtbot):
    checklist = _open(window, repository, qtbot, FAVOURABLE)
    step = checklist.steps[0]
    combo = step.override_tier
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == "against"
    qtbot.mouseClick(step.apply_button, Qt.MouseButton.LeftButton)

    assert step.override_error.isVisible()
    assert step.override_error.text().endswith(REASON_REQUIRED)
    assert step.override_reason_edit.hasFocus()
    assert window.session.case.overrides == {}
    assert step.tier_used.isHidden()
    window.session.save_now()
    assert repository.get_case("CRLM-001").case.overrides == {}


def test_override_with_a_reason_changes_the_tier_and_is_stored(window, repository, qtbot):
    checklist = _open(window, repository, qtbot, FAVOURABLE)
    step = checklist.steps[0]
    combo = step.override_tier
    combo.setFocus()
    for _ in range(3):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Tab)
    assert step.override_reason_edit.hasFocus()
    qtbot.keyClicks(step.override_reason_edit, "Peritoneal disease seen at laparoscopy")
    qtbot.keyClick(step.override_reason_edit, Qt.Key.Key_Return)

    assert not step.override_error.isVisible()
    assert step.tier_used.text() == "▼ Against TARE (override)"
    assert step.override_reason.text() == "Peritoneal disease seen at laparoscopy"
    assert step.derived.text() == "▲ Favours TARE"  # the derived tier stays visible
    assert step.options["against"].mark.isVisible()
    assert "(override)" in checklist.step_list.item(0).text()
    summary = checklist.summary
    assert summary.factor_tiers["metastatic_pattern"].text() == "▼ Against TARE (override)"
    assert summary.count_labels["against"].text() == "▼ Against TARE: 1"

    qtbot.waitUntil(lambda: bool(repository.get_case("CRLM-001").case.overrides))
    assert repository.get_case("CRLM-001").case.overrides == {
        "metastatic_pattern": Override("against", "Peritoneal disease seen at laparoscopy")
    }

    # Remove it again; undo brings it back.
    qtbot.mouseClick(step.remove_button, Qt.MouseButton.LeftButton)
    assert step.tier_used.isHidden()
    assert window.session.case.overrides == {}
    window.action("undo").trigger()
    assert step.tier_used.text() == "▼ Against TARE (override)"


def test_summary_lists_gaps_and_alerts(window, repository, qtbot):
    case = Case(
        reference="CRLM-004",
        planned_chemotherapy="FOLFIRI",
        bilirubin_mg_dl=2.5,
    )
    checklist = _open(window, repository, qtbot, case)
    checklist.go_to(SUMMARY_STEP)
    texts = [
        label.text() for label in checklist.summary.findChildren(type(checklist.summary.headline))
    ]
    assert any("Irinotecan" in text for text in texts)
    assert any("bilirubin" in text.lower() for text in texts)
    assert checklist.summary.headline.text().startswith(
        "Contraindication to resolve first: bilirubin above 2.0 mg/dL (34.2 µmol/L); "
    )


def test_review_button_jumps_to_the_step(window, repository, qtbot):
    checklist = _open(window, repository, qtbot, FAVOURABLE)
    checklist.go_to(SUMMARY_STEP)
    qtbot.mouseClick(checklist.summary.review_buttons[3], Qt.MouseButton.LeftButton)
    assert checklist.progress_label.text() == "Step 4 of 6"


@pytest.mark.parametrize("step", range(6))
def test_every_step_explains_the_tier_in_words(window, repository, qtbot, step):
    checklist = _open(window, repository, qtbot, FAVOURABLE)
    page = checklist.steps[step]
    for tier, option in page.options.items():
        assert option.title.text().split(" ", 1)[1] in ("Favours TARE", "Neutral", "Against TARE")
        assert option.title.tier == tier


def test_the_summary_says_which_checks_are_incomplete(window, repository, qtbot):
    from dataclasses import replace

    case = replace(FAVOURABLE, bilirubin_mg_dl=0.7, planned_biologic="none")
    checklist = _open(window, repository, qtbot, case)
    checklist.go_to(SUMMARY_STEP)
    summary = checklist.summary
    # Typed from CONTRACT.md §3: "no alert" is never shown for a check not done.
    assert [label.text() for label in summary.alert_labels] == [
        "? Not checked: lung shunt fraction not recorded."
    ]
    assert not any("No work-up alert" in label.text() for label in summary.alert_labels)
    gaps = summary.gap_labels[0].text()
    assert gaps == (
        "No evidence gap is raised by the treatment plan entered. Not recorded: Planned "
        "chemotherapy, Checkpoint inhibitor, Prior KRAS G12C inhibitor, Microsphere, so this "
        "check is incomplete."
    )
