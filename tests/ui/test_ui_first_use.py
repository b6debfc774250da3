"""A first-time user creates a case and reaches the checklist summary by keyboard alone."""

from __future__ import annotations

from tareaid.ui.qt import Qt, QtWidgets


def _focus():
    return QtWidgets.QApplication.focusWidget()


def _press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(_focus(), key, modifier)


def _tab_to(qtbot, widget, limit=40):
    for _ in range(limit):
        if _focus() is widget:
            return
        _press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget.accessibleName()}")


def test_create_a_case_and_reach_the_summary_by_keyboard(window, repository, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    ctrl, alt = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier

    _press(qtbot, Qt.Key.Key_N, ctrl)
    qtbot.keyClicks(_focus(), "CRLM-777")
    _press(qtbot, Qt.Key.Key_Return)
    checklist = window.case_pane.checklist
    steps = checklist.steps

    # Step 1 starts with the cursor in its question's data.
    assert _focus() is steps[0].fields["metastatic_pattern"].control
    _press(qtbot, Qt.Key.Key_Down)  # Liver only
    # Each step: Alt+N puts the cursor on the next step's first field; answer; repeat.
    answers = {
        1: [("treatment_goal", [Qt.Key.Key_Down])],  # Conversion to resection
        2: [("prior_systemic_lines", [Qt.Key.Key_0])],
        3: [("ras_status", [Qt.Key.Key_Down])],  # Mutant
        4: [
            ("liver_lesion_count", [Qt.Key.Key_5]),
            ("bilobar", [Qt.Key.Key_Down]),  # Yes
            ("ablation_suitable", [Qt.Key.Key_Down, Qt.Key.Key_Down]),  # No
        ],
        5: [("ecog", [Qt.Key.Key_1])],
    }
    for step in range(1, 6):
        _press(qtbot, Qt.Key.Key_N, alt)
        qtbot.waitUntil(lambda step=step: checklist.current_step == step)
        assert _focus() is next(iter(steps[step].fields.values())).control
        for name, keys in answers[step]:
            _tab_to(qtbot, steps[step].fields[name].control)
            for key in keys:
                _press(qtbot, key)
    _press(qtbot, Qt.Key.Key_N, alt)
    qtbot.waitUntil(lambda: checklist.progress_label.text() == "Trial populations")
    _press(qtbot, Qt.Key.Key_N, alt)
    qtbot.waitUntil(lambda: checklist.progress_label.text() == "Summary")
    assert _focus() is checklist.summary.export_button

    assert checklist.summary.headline.text() == (
        "6 of 6 factors favour adding TARE, 0 neutral, 0 against; "
        "not checked: lung shunt fraction and bilirubin not recorded."
    )
    window.session.save_now()
    stored = repository.get_case("CRLM-777").case
    assert stored.metastatic_pattern == "liver_only"
    assert stored.ecog == 1
