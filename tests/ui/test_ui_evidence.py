"""The evidence view: trials endpoint by endpoint, subgroups beside their overall results."""

from __future__ import annotations

import re

from tareaid.domain.evidence import load_pack
from tareaid.ui.case_pane import EVIDENCE_TAB
from tareaid.ui.evidence_view import EvidenceView, figures_with_overall
from tareaid.ui.qt import Qt


def _rows(view):
    """The text of each table row, in document order."""
    html = view.toHtml()
    rows = re.findall(r"<tr.*?</tr>", html, re.S)
    return [re.sub(r"<[^>]+>", " ", row).replace("\xa0", " ") for row in rows]


def test_version_review_date_and_correction_are_shown(qapp):
    view = EvidenceView(load_pack())
    text = view.toPlainText()
    # Typed from the brief, not read back from the pack.
    assert "2026.11.2" in text
    assert "2026-11-29" in text
    assert "Correction to the source of the framework" in text
    assert "liver-only metastases subgroup" in text
    assert text.index("Correction") < text.index("Trials, endpoint by endpoint")


def test_every_subgroup_row_is_followed_by_its_overall_results(qapp):
    rows = _rows(EvidenceView(load_pack()))
    subgroup_rows = [i for i, row in enumerate(rows) if "Subgroup" in row]
    assert len(subgroup_rows) == 2
    right_sided = next(i for i in subgroup_rows if "right-sided" in rows[i])
    assert "22.0 vs 17.1 months" in rows[right_sided]
    assert "HR 0.64 (95% CI 0.46–0.89), P = .008" in rows[right_sided]
    following = " ".join(rows[right_sided + 1 : right_sided + 3])
    assert "Overall result shown beside the subgroup" in following
    assert "22.6 vs 23.3 months" in following  # the three-trial analysis, no OS benefit
    assert "24.3 vs 24.6 months" in following  # all 739 patients, no effect
    liver_only = next(i for i in subgroup_rows if "liver-only" in rows[i])
    assert "20.5 vs 12.6 months" in rows[liver_only + 1]


def test_references_carry_doi_and_pmid_as_text_never_as_links(qapp):
    view = EvidenceView(load_pack())
    text = view.toPlainText()
    assert "DOI 10.1200/JCO.2015.66.1181 · PMID 26903575" in text
    assert "DOI 10.1016/j.clcc.2018.06.001 · PMID 30033117" in text
    assert "href" not in view.toHtml()  # nothing opens a browser: the app stays offline


def test_checklist_pairs_a_subgroup_with_its_overall_figure(qapp):
    pack = load_pack()
    shown = [figure.key for figure in figures_with_overall(pack, ["right_sided_2018_os_right"])]
    assert shown == ["right_sided_2018_os_right", "combined_2017_os", "right_sided_2018_os_all"]


def test_ctrl_3_opens_the_evidence_without_a_case(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.list_pane.table, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.case_pane.tabs.currentIndex() == EVIDENCE_TAB
    assert window.case_pane.evidence.isVisible()


def test_a_figure_line_says_what_the_figure_is(qapp):
    from tareaid.ui.evidence_view import figure_line

    pack = load_pack()
    assert figure_line(pack, pack.figure("right_sided_2018_os_right")) == (
        "Subgroup: SIRFLOX + FOXFIRE-Global, primary tumour side · Overall survival: "
        "22.0 vs 17.1 months; HR 0.64 (95% CI 0.46–0.89), P = .008 "
        "(subgroup, post hoc)"
    )
    assert figure_line(pack, pack.figure("combined_2017_os"), beside=True).startswith(
        "→ Overall: FOXFIRE + SIRFLOX + FOXFIRE-Global · Overall survival: 22.6 vs 23.3 months"
    )


def test_the_metastatic_pattern_step_shows_its_subgroup_with_the_overall_result(
    window, repository, qtbot
):
    from tareaid.domain.case import Case

    repository.create_case(Case(reference="CRLM-001"))
    window.model.reload()
    window.list_pane.select("CRLM-001")
    step = window.case_pane.checklist.step(0)
    texts = [label.text() for label in step.findChildren(type(step.finding))]
    lines = [text for text in texts if text.startswith(("SIRFLOX", "Subgroup"))]
    subgroup = next(i for i, text in enumerate(lines) if text.startswith("Subgroup"))
    assert "21.1 vs 12.4 months" in lines[subgroup]
    assert any("20.5 vs 12.6 months" in text for text in lines[subgroup - 1 : subgroup + 2])
