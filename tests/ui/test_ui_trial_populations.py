"""The checklist's trial-populations step: one column per trial, each criterion as met, not
met or unknown by shape and word, the trial's sentence, the not-checkable items, sources, and
a way from an unknown criterion to the field that settles it.

Golden wording is typed from TRIALS.md (and the README's example), never read from the pack.
"""

from __future__ import annotations

from datetime import date

import pytest

from tareaid.domain.case import Case
from tareaid.ui import theme
from tareaid.ui.case_pane import CHECKLIST_TAB, EDITOR_TAB
from tareaid.ui.checklist import POPULATIONS_STEP, STEP_COUNT, SUMMARY_STEP
from tareaid.ui.qt import Qt, QtWidgets

# Meets every SIRFLOX criterion of TRIALS.md but ECOG (2), with neuropathy grade and life
# expectancy not recorded: "11 of 14 criteria; 1 not met (ECOG 2), 2 unknown".
RESEMBLES = Case(
    reference="CRLM-301",
    age_years=64,
    board_date=date(2026, 12, 3),
    histology="adenocarcinoma",
    metastatic_pattern="liver_only",
    prior_systemic_lines=0,
    prior_adjuvant_chemotherapy=False,
    ecog=2,
    resectable=False,
    ablation_suitable=False,
    lung_metastasis_count=0,
    nodal_regions=0,
    bone_metastases=False,
    peritoneal_metastases=False,
    other_extrahepatic_site=False,
    ascites=False,
    cirrhosis=False,
    portal_hypertension=False,
    main_portal_vein_involvement=False,
    prior_upper_abdominal_radiotherapy=False,
    other_active_malignancy=False,
    albumin_g_dl=3.6,
)


def _open(window, repository, case=RESEMBLES):
    repository.create_case(case)
    window.model.reload()
    window.list_pane.select(case.reference)
    window.case_pane.show_tab(CHECKLIST_TAB)
    checklist = window.case_pane.checklist
    checklist.go_to(POPULATIONS_STEP)
    return checklist, checklist.populations


def test_the_step_comes_after_the_six_factors_and_is_not_a_seventh(window, repository):
    checklist, step = _open(window, repository)
    assert POPULATIONS_STEP == STEP_COUNT == 6
    assert SUMMARY_STEP == POPULATIONS_STEP + 1
    assert checklist.stack.currentWidget() is step
    assert checklist.progress_label.text() == "Trial populations"
    assert "of 6" not in checklist.progress_label.text()
    assert checklist.step_list.item(POPULATIONS_STEP).text().startswith("Trial populations")
    # Neither counts nor headline change with it: six factors, counted as before.
    assessment = window.session.assessment
    assert sum(assessment.counts.values()) == 6
    assert "population" not in assessment.headline.lower()
    assert "resembles" not in checklist.summary.headline.text().lower()


def test_one_column_per_trial_with_its_sentence(window, repository):
    _checklist, step = _open(window, repository)
    assert [column.title.text() for column in step.columns.values()] == [
        "SIRFLOX",
        "FOXFIRE",
        "FOXFIRE-Global",
        "EPOCH",
    ]
    assert step.columns["sirflox"].summary.text() == (
        "Resembles the SIRFLOX population on 11 of 14 criteria; 1 not met (ECOG 2), "
        "2 unknown (neuropathy grade, life expectancy); organ function not checkable."
    )
    # A first-line case is still shown against EPOCH: prior lines 0 is not second line.
    epoch = step.columns["epoch"].summary.text()
    assert epoch.startswith("Resembles the EPOCH population on ")
    assert "not met" in epoch
    for column in step.columns.values():
        texts = [label.text() for label in column.findChildren(QtWidgets.QLabel)]
        assert not any("eligib" in text.lower() for text in texts)


def test_each_criterion_is_met_not_met_or_unknown_by_shape_and_word(window, repository):
    _checklist, step = _open(window, repository)
    rows = step.columns["sirflox"].rows
    assert rows["adult"].label.text().startswith("<b>✓ Met</b>")
    assert "Age: 64 years" in rows["adult"].label.text()
    assert rows["performance_status"].label.text().startswith("<b>✗ Not met</b>")
    assert "ECOG performance status: 2" in rows["performance_status"].label.text()
    assert rows["life_expectancy"].label.text().startswith("<b>? Unknown</b>")
    assert "not recorded" in rows["life_expectancy"].label.text()
    assert rows["life_expectancy"].label.accessibleName().startswith("Unknown: ")
    # Sources by label, with the source's note where the pack has one.
    assert "Sources: S1, S2" in rows["no_other_extrahepatic_site"].label.text()
    epoch = step.columns["epoch"].rows["albumin"].label.text()
    assert "Sources: E3" in epoch and "secondary source" in epoch


def test_not_checkable_items_and_sources_are_listed(window, repository):
    _checklist, step = _open(window, repository)
    sirflox = step.columns["sirflox"]
    (organ,) = sirflox.not_checkable
    assert organ.text().startswith("Organ function")
    assert "no thresholds" in organ.text()
    assert "S1: Gibbs P, Gebski V, Van Buskirk M, et al." in sirflox.sources.text()
    assert "NCT00724503" in sirflox.sources.text()
    epoch = step.columns["epoch"].sources.text()
    assert "E3: EPOCH investigator interview (secondary source)." in epoch
    foxfire = [label.text() for label in step.columns["foxfire"].not_checkable]
    assert any("laboratory-specific" in text for text in foxfire)


def test_an_unknown_criterion_offers_only_the_fields_to_fill(window, repository):
    _checklist, step = _open(window, repository)
    rows = step.columns["sirflox"].rows
    links = rows["neuropathy_grade_1_or_less"].visible_links()
    assert [link.text() for link in links] == ["→ Peripheral neuropathy grade"]
    assert not rows["adult"].visible_links()
    assert rows["adult"].fill_label.isHidden()
    window.session.set_field("peripheral_neuropathy_grade", 1)
    assert not rows["neuropathy_grade_1_or_less"].visible_links()
    assert rows["neuropathy_grade_1_or_less"].label.text().startswith("<b>✓ Met</b>")


@pytest.mark.parametrize("key", [Qt.Key.Key_Space, Qt.Key.Key_Return])
def test_the_field_link_takes_the_keyboard_to_the_field_in_the_editor(
    window, repository, qtbot, key
):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    _checklist, step = _open(window, repository)
    (link,) = step.columns["sirflox"].rows["life_expectancy"].visible_links()
    link.setFocus()
    assert link.hasFocus()
    qtbot.keyClick(link, key)
    pane = window.case_pane
    assert pane.tabs.currentIndex() == EDITOR_TAB
    control = pane.editor.fields["life_expectancy_3_months"].control
    qtbot.waitUntil(control.hasFocus)

    def scrolled_into_view():
        viewport = pane.editor.viewport()
        top_left = control.mapTo(viewport, control.rect().topLeft())
        bottom = control.mapTo(viewport, control.rect().bottomLeft()).y()
        return top_left.y() >= 0 and bottom <= viewport.height()

    qtbot.waitUntil(scrolled_into_view)


def test_a_field_low_in_the_form_is_scrolled_into_view(window, repository, qtbot):
    _checklist, step = _open(window, repository)
    (link,) = step.columns["sirflox"].rows["neuropathy_grade_1_or_less"].visible_links()
    link.click()
    editor = window.case_pane.editor
    control = editor.fields["peripheral_neuropathy_grade"].control
    qtbot.waitUntil(lambda: editor.verticalScrollBar().value() > 0)
    qtbot.waitUntil(lambda: not control.visibleRegion().isEmpty())


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_the_columns_fit_without_sideways_scrolling(window, repository, qtbot, size, theme_name):
    app = QtWidgets.QApplication.instance()
    try:
        theme.apply_theme(app, theme_name)
        window.resize(*size)
        _checklist, step = _open(window, repository)
        qtbot.waitUntil(lambda: step.isVisible())
        app.processEvents()
        columns = list(step.columns.values())
        # No sideways scrolling: the trials share the width, in reading order.
        assert step.horizontalScrollBar().maximum() == 0
        places = [(column.geometry().top(), column.geometry().left()) for column in columns]
        assert places == sorted(places)
        assert max(column.geometry().right() for column in columns) <= step.viewport().width()
        # Each column is wide enough for a few words a line.
        width = step.fontMetrics().horizontalAdvance("M")
        assert min(column.width() for column in columns) >= 10 * width
        if size[0] >= 1920:
            # On a wide screen all four side by side.
            assert len({column.geometry().top() for column in columns}) == 1
    finally:
        theme.apply_theme(app, "light")


def test_a_narrower_pane_puts_the_trials_two_by_two_then_one_under_another(
    window, repository, qtbot
):
    window.resize(1920, 1080)
    _checklist, step = _open(window, repository)
    qtbot.waitUntil(lambda: step.isVisible())
    columns = list(step.columns.values())

    def rows_at(list_width: int) -> list[int]:
        window.splitter.setSizes([list_width, window.splitter.width() - list_width])
        QtWidgets.QApplication.processEvents()
        assert step.horizontalScrollBar().maximum() == 0
        return [column.geometry().top() for column in columns]

    tops = rows_at(300)
    assert tops[0] == tops[1] == tops[2] == tops[3]
    tops = rows_at(1100)
    assert tops[0] == tops[1] < tops[2] == tops[3]
    tops = rows_at(1450)
    assert tops[0] < tops[1] < tops[2] < tops[3]


def test_tab_reaches_the_first_field_link_and_scrolls_to_it(window, repository, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    checklist, step = _open(window, repository)
    checklist.go_to(STEP_COUNT - 1)
    checklist.next()  # as Alt+N does: the keyboard lands on the step
    assert checklist.current_step == POPULATIONS_STEP
    assert step.hasFocus()
    first = step.links()[0]
    for _ in range(10):
        if first.hasFocus():
            break
        qtbot.keyClick(QtWidgets.QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert first.hasFocus()
    qtbot.waitUntil(lambda: not first.visibleRegion().isEmpty())


def test_each_column_leads_to_its_trials_results(window, repository, qtbot):
    _checklist, step = _open(window, repository)
    step.columns["foxfire"].results_link.click()
    view = window.case_pane.evidence
    # FOXFIRE's results are those of the combined analysis of the three first-line trials.
    assert view.current_anchor == "trial-combined_2017"
    step.columns["epoch"].results_link.click()
    assert view.current_anchor == "trial-epoch"


def test_every_focusable_control_of_the_step_has_a_name(window, repository):
    _checklist, step = _open(window, repository)
    for widget in [step, *step.findChildren(QtWidgets.QWidget)]:
        if widget.objectName().startswith("qt_"):
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            assert widget.accessibleName(), type(widget).__name__
