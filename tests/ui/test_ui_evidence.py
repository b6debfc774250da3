"""The evidence view: trials endpoint by endpoint, subgroups beside their overall results."""

from __future__ import annotations

import html
import re

from tareaid.domain.evidence import load_pack
from tareaid.ui.case_pane import EVIDENCE_TAB
from tareaid.ui.evidence_view import EvidenceView
from tareaid.ui.qt import Qt


def _rows(view):
    """The text of each table row, in document order."""
    document = view.toHtml()
    rows = re.findall(r"<tr.*?</tr>", document, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", " ", row)).replace("\xa0", " ") for row in rows]


def test_version_review_date_and_correction_are_shown(qapp):
    view = EvidenceView(load_pack())
    text = view.toPlainText()
    # Typed from the brief, not read back from the pack.
    assert "2026.11.3" in text
    assert "2026-11-29" in text
    assert "Correction to the source of the framework" in text
    assert "liver-only metastases subgroup" in text
    assert text.index("Correction") < text.index("Trials, endpoint by endpoint")


def test_every_subgroup_row_sits_beside_its_overall_results(qapp):
    rows = _rows(EvidenceView(load_pack()))
    subgroup_rows = [i for i, row in enumerate(rows) if "Subgroup (" in row]
    assert len(subgroup_rows) == 2
    right_sided = next(i for i in subgroup_rows if "right-sided" in rows[i])
    assert "22.0 vs 17.1 months" in rows[right_sided]
    assert "HR 0.64 (95% CI 0.46–0.89), P = .008" in rows[right_sided]
    # Its two overall results come just before it; the one from another analysis says why
    # it is there.
    overall = " ".join(rows[right_sided - 2 : right_sided])
    assert overall.count("Overall result shown beside the subgroup") == 1
    assert "22.6 vs 23.3 months" in overall  # the three-trial analysis, no OS benefit
    assert "24.3 vs 24.6 months" in overall  # all 739 patients, no effect
    liver_only = next(i for i in subgroup_rows if "liver-only" in rows[i])
    assert "20.5 vs 12.6 months" in rows[liver_only - 1]


def test_references_carry_doi_and_pmid_as_text_never_as_links(qapp):
    view = EvidenceView(load_pack())
    text = view.toPlainText()
    assert "DOI 10.1200/JCO.2015.66.1181 · PMID 26903575" in text
    assert "DOI 10.1016/j.clcc.2018.06.001 · PMID 30033117" in text
    assert "href" not in view.toHtml()  # nothing opens a browser: the app stays offline


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


def _block_with(view, words):
    block = view.document().begin()
    while block.isValid():
        if words in block.text():
            return block
        block = block.next()
    raise AssertionError(f"no block with {words!r}")


def _bold(block, words):
    """Whether the words are set in bold within the block."""
    from tareaid.ui.qt import QtGui

    start = block.position() + block.text().index(words)
    end = start + len(words)
    iterator = block.begin()
    weights = []
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.position() < end and fragment.position() + fragment.length() > start:
            weights.append(fragment.charFormat().fontWeight())
        iterator += 1
    return bool(weights) and all(weight >= QtGui.QFont.Weight.Bold for weight in weights)


def test_epoch_rows_are_co_primary_with_confidence_intervals_and_arm_sizes(qapp):
    rows = _rows(EvidenceView(load_pack()))
    # Typed from EVIDENCE.md, EPOCH: 215 vs 213 patients, two co-primary endpoints.
    pfs = next(row for row in rows if "Co-primary endpoint: PFS" in row)
    assert "8.0 vs 7.2 months" in pfs
    assert "HR 0.69 (95% CI 0.54–0.88), one-sided P = .0013" in pfs
    assert "(n = 215)" in pfs and "(n = 213)" in pfs
    hepatic = next(row for row in rows if "Co-primary endpoint: Hepatic PFS" in row)
    assert "9.1 vs 7.2 months" in hepatic
    assert "HR 0.59 (95% CI 0.46–0.77), one-sided P < .0001" in hepatic
    assert "(n = 215)" in hepatic and "(n = 213)" in hepatic


def test_liver_progression_is_never_shown_without_progression_outside_the_liver(qapp):
    rows = _rows(EvidenceView(load_pack()))
    liver = [i for i, row in enumerate(rows) if "HR 0.51" in row]
    assert liver
    for i in liver:
        assert "HR 1.98" in rows[i] or "HR 1.98" in rows[i + 1], rows[i]


def test_primary_endpoints_carry_the_emphasis_and_subgroups_do_not(qapp):
    view = EvidenceView(load_pack())
    for words in ("Primary endpoint: PFS at any site", "Co-primary endpoint: Hepatic PFS"):
        assert _bold(_block_with(view, words), words)
    for words in (
        "Subgroup (its overall result just above): Overall survival",
        "Subgroup (its overall result just above): PFS in the liver",
    ):
        assert not _bold(_block_with(view, words), words)


def test_guidance_names_nice_asco_and_esmo_without_a_level_of_evidence(qapp):
    text = EvidenceView(load_pack()).toPlainText()
    guidance = text[text.index("Guidance") : text.index("Trials, endpoint by endpoint")]
    assert "NICE IPG672" in guidance
    assert "chemo-refractory" in guidance
    assert "ASCO" in guidance and "2023" in guidance and "PMID 36252154" in guidance
    esmo = next(line for line in guidance.splitlines() if line.startswith("ESMO"))
    assert "no level of evidence" in esmo
    assert "PMID 36307056" in guidance


def test_what_changed_in_this_version_is_listed(qapp):
    text = EvidenceView(load_pack()).toPlainText()
    assert "What changed in this version (2026.11.3, 2026-11-29)" in text
    assert "cannot be checked from case data carries its reason" in text
    assert "Version 2026.11.2" in text
    assert "Version 2026.11.1" in text


def test_the_framework_claims_are_shown_with_their_status(qapp):
    text = EvidenceView(load_pack()).toPlainText()
    framework = text[text.index("The selection framework and what the evidence says") :]
    assert "not a validated score" in framework
    assert "Contradicted for survival" in framework
    assert "“RAS mutant (may benefit more in pooled subgroups)”" in framework


def test_no_review_remark_anywhere_in_the_evidence_view(window, repository, qtbot):
    from tareaid.domain.case import Case
    from tareaid.ui.qt import QtWidgets

    repository.create_case(Case(reference="CRLM-001", prior_systemic_lines=1))
    window.model.reload()
    window.list_pane.select("CRLM-001")
    window.case_pane.show_tab(EVIDENCE_TAB)
    view = window.case_pane.evidence
    texts = [view.toPlainText(), view.toHtml(), view.documentTitle()]
    for widget in [view, *view.findChildren(QtWidgets.QWidget)]:
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QtWidgets.QLabel | QtWidgets.QAbstractButton):
            texts.append(widget.text())
    assert "EPOCH" in texts[0]
    for text in texts:
        lowered = text.lower()
        assert "not re-verified" not in lowered
        assert "re-verified" not in lowered
        assert "not given in the reviewed brief" not in lowered
        assert "reviewed brief" not in lowered


def test_the_evidence_says_it_is_in_english(qapp):
    view = EvidenceView(load_pack())
    assert "The evidence content is in English." in view.toPlainText()
    assert "English" in view.accessibleDescription()
