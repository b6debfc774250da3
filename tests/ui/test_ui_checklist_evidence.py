"""The checklist beside the evidence: claim statuses, the framework's provenance, the evidence
context, work-up alerts by severity, the checks not done, and the way to the trial concerned.

Golden wording is typed from EVIDENCE.md and CONTRACT.md §3–§4, never read from the pack.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from tareaid.domain.case import Case
from tareaid.ui.case_pane import EVIDENCE_TAB
from tareaid.ui.checklist import SUMMARY_STEP
from tareaid.ui.qt import QtCore, QtWidgets
from tareaid.ui.tiers import TIER_SHAPES

FIRST_LINE = Case(
    reference="CRLM-201",
    metastatic_pattern="liver_only",
    treatment_goal="conversion_to_resection",
    prior_systemic_lines=0,
    ras_status="mutant",
    liver_lesion_count=6,
    bilobar=True,
    ablation_suitable=False,
    ecog=1,
)
SECOND_LINE = replace(FIRST_LINE, reference="CRLM-202", prior_systemic_lines=1)

# CONTRACT.md §4: each factor's claim status by tier, worded as in EVIDENCE.md.
STATUS_WORDS = {
    "metastatic_pattern": ("not shown by the trials", "clinical reasoning", "clinical reasoning"),
    "treatment_goal": ("indirect", "clinical reasoning", "clinical reasoning"),
    "timing": ("contradicted for survival", "understated", "conflicts with guidance"),
    "ras_status": ("not supported", "clinical reasoning", "clinical reasoning"),
    "liver_lesions": ("clinical reasoning",) * 3,
    "ecog": ("consistent with trial eligibility",) * 3,
}


def _open(window, repository, case):
    repository.create_case(case)
    window.model.reload()
    window.list_pane.select(case.reference)
    assert window.session.reference == case.reference
    return window.case_pane.checklist


def _all_text(root):
    """Every piece of text a user or a screen reader meets under `root`."""
    texts = []
    for widget in [root, *root.findChildren(QtWidgets.QWidget)]:
        for getter in ("text", "toPlainText", "title"):
            method = getattr(widget, getter, None)
            if callable(method):
                try:
                    value = method()
                except TypeError:
                    continue
                if isinstance(value, str) and value:
                    texts.append(value)
        texts.extend(t for t in (widget.toolTip(), widget.accessibleName()) if t)
        texts.append(widget.accessibleDescription())
    return [text for text in texts if text]


@pytest.mark.parametrize("index", range(6))
def test_each_tier_description_shows_its_claim_status_as_shape_and_word(window, repository, index):
    checklist = _open(window, repository, FIRST_LINE)
    step = checklist.step(index)
    words = STATUS_WORDS[step.key]
    for (tier, option), expected in zip(step.options.items(), words, strict=True):
        text = option.claim.text()
        assert text.startswith("Evidence: ")
        shape, label = text.removeprefix("Evidence: ").split(" ", 1)
        # A shape, never a tier's shape, then the word.
        assert len(shape) == 1 and not shape.isalnum()
        assert shape not in TIER_SHAPES.values()
        assert expected in label.lower(), (step.key, tier, text)
        assert expected in option.accessibleName().lower()


def test_this_case_tier_shows_the_evidence_sentence_and_its_sources(window, repository):
    checklist = _open(window, repository, FIRST_LINE)
    timing = checklist.step(2)
    box = timing.claim_box
    assert box.isVisibleTo(timing)
    assert "contradicted for survival" in box.status.text().lower()
    # EVIDENCE.md: the first-line primary endpoints were not met.
    assert "HR 0.93" in box.evidence.text() and "P = .43" in box.evidence.text()
    assert "HR 1.04" in box.evidence.text() and "P = .61" in box.evidence.text()
    assert "“first-line alongside FOLFOX”" in box.framework_words.text()
    assert "“primary evidence”" in box.framework_words.text()
    sources = box.sources.text()
    assert "van Hazel GA" in sources and "PMID 26903575" in sources
    assert "Wasan HS" in sources and "PMID 28781171" in sources


def test_the_evidence_follows_an_override_and_disappears_without_a_tier(window, repository):
    checklist = _open(window, repository, SECOND_LINE)
    timing = checklist.step(2)
    assert "understated" in timing.claim_box.status.text().lower()
    # EPOCH met both co-primary endpoints: PFS HR 0.69, hepatic PFS HR 0.59; OS HR 1.07.
    for figure in ("HR 0.69", "HR 0.59", "HR 1.07"):
        assert figure in timing.claim_box.evidence.text()
    assert "Mulcahy MF" in timing.claim_box.sources.text()

    window.session.set_field("prior_systemic_lines", 2)  # third line: outside the framework
    assert checklist.step(2).claim_box.isHidden()  # a hidden step catches up when asked for


def test_the_framework_is_said_once_to_come_from_a_web_page_not_a_validated_score(
    window, repository
):
    checklist = _open(window, repository, FIRST_LINE)
    _ = checklist.steps, checklist.populations  # every step built
    mentions = [
        text
        for widget in checklist.findChildren(QtWidgets.QLabel)
        for text in [widget.text()]
        if "validated score" in text
    ]
    assert len(mentions) == 1
    assert "published" in mentions[0] and "web page" in mentions[0]
    assert "not a validated score" in mentions[0]
    assert checklist.provenance.isVisible()


def test_the_summary_shows_each_factors_claim_status(window, repository):
    checklist = _open(window, repository, FIRST_LINE)
    checklist.go_to(SUMMARY_STEP)
    claims = checklist.summary.factor_claims
    for key, words in STATUS_WORDS.items():
        assert words[0] in claims[key].text().lower()  # every factor favours here
    # A factor without a tier makes no claim, and says so.
    window.session.set_field("ecog", None)
    assert "unassessed" in claims["ecog"].text().lower()
    assert "consistent" not in claims["ecog"].text().lower()


def test_the_summary_places_the_case_against_its_settings_primary_endpoints(window, repository):
    checklist = _open(window, repository, FIRST_LINE)
    context = checklist.summary.evidence_context
    assert context.text().startswith("First-line setting")
    assert "HR 0.93" in context.text() and "HR 1.98" in context.text()
    # One sentence under the headline.
    body = checklist.summary.widget().layout()
    positions = [body.indexOf(checklist.summary.headline), body.indexOf(context)]
    assert positions[1] == positions[0] + 1

    window.session.set_field("prior_systemic_lines", 1)
    assert context.text().startswith("Second-line setting")
    assert "EPOCH" in context.text() and "HR 0.59" in context.text()


def test_alerts_show_their_severity_as_shape_and_word(window, repository):
    case = replace(
        FIRST_LINE,
        bilirubin_mg_dl=2.5,
        lung_shunt_fraction_pct=12,
        microsphere="sir_spheres",
        planned_biologic="bevacizumab",
    )
    checklist = _open(window, repository, case)
    texts = [label.text() for label in checklist.summary.alert_labels]
    titles = [text for text in texts if text.startswith(("✖", "⚠"))]
    # Contraindications first, as something to resolve first; then cautions, as cautions.
    assert titles[0].startswith("✖ Contraindication, to resolve first")
    assert "bilirubin" in titles[0].lower()
    assert all(title.startswith("⚠ Caution") for title in titles[1:])
    assert len(titles) == 3
    assert not any("resolve first" in title for title in titles[1:])
    assert not any("No work-up alert" in text or "Not checked" in text for text in texts)


def test_no_alert_is_never_shown_for_a_check_not_done(window, repository):
    checklist = _open(window, repository, FIRST_LINE)
    summary = checklist.summary
    assert [label.text() for label in summary.alert_labels] == [
        "? Not checked: lung shunt fraction and bilirubin not recorded."
    ]
    # Glass microspheres with a shunt and no lung dose: a caution, and the dose not checked.
    window.session.set_field("microsphere", "therasphere")
    window.session.set_field("lung_shunt_fraction_pct", 8.0)
    window.session.set_field("bilirubin_mg_dl", 0.8)
    texts = [label.text() for label in summary.alert_labels]
    assert texts[0].startswith("⚠ Caution")
    assert texts[-1] == "? Not checked: lung dose not recorded."
    # Every check made and nothing raised: only then "no alert".
    window.session.set_field("lung_dose_gy", 12.0)
    assert [label.text() for label in summary.alert_labels] == [
        "✓ No work-up alert is raised by the values entered."
    ]


def _top_line(view):
    return view.cursorForPosition(QtCore.QPoint(8, 8)).block().text()


def test_the_evidence_link_of_a_step_lands_on_the_trial_concerned(window, repository, qtbot):
    checklist = _open(window, repository, SECOND_LINE)
    checklist.go_to(2)
    timing = checklist.step(2)
    button = timing.claim_box.evidence_button
    assert button.text() == "Open the evidence view at EPOCH"
    button.click()
    pane = window.case_pane
    assert pane.tabs.currentIndex() == EVIDENCE_TAB
    view = pane.evidence
    assert view.current_anchor == "trial-epoch"
    qtbot.waitUntil(lambda: _top_line(view) == "EPOCH")
    assert view.textCursor().selectedText() == "EPOCH"

    # The button under a step's figures: the trial of those figures.
    pane.show_tab(0)
    checklist.go_to(0)
    checklist.step(0).evidence_button.click()
    assert view.current_anchor == "trial-sirflox"
    qtbot.waitUntil(lambda: _top_line(view) == "SIRFLOX")


def test_a_factor_without_trial_figures_opens_its_claims(window, repository, qtbot):
    checklist = _open(window, repository, FIRST_LINE)
    checklist.go_to(5)
    checklist.step(5).evidence_button.click()
    view = window.case_pane.evidence
    assert view.current_anchor == "factor-ecog"
    qtbot.waitUntil(lambda: "ECOG performance status" in _top_line(view))


def test_no_review_remark_reaches_the_checklist(window, repository):
    checklist = _open(window, repository, SECOND_LINE)
    _ = checklist.steps, checklist.populations
    for text in _all_text(checklist):
        lowered = text.lower()
        assert "re-verified" not in lowered, text
        assert "reviewed brief" not in lowered, text
        assert "eligible" not in lowered, text
