"""The second release's summary: trial populations, the evidence from page 2, type sizes.

Expected wording is typed by hand from the contract, the evidence brief (EVIDENCE.md) and
the trial-population brief (TRIALS.md).
"""

from __future__ import annotations

import re

import pytest
from report_pdf import Pdf
from report_samples import LATE_LINE, SECOND_LINE, SECOND_LINE_RESCUE, TYPICAL, make

from tareaid.domain.evidence import load_pack
from tareaid.report import ReportOptions, build_report, evidence_sections
from tareaid.report import styles as st
from tareaid.report.blocks import Citations
from tareaid.report.options import bilirubin_unit

INVARIANT = ReportOptions(invariant=True)


def report(data: dict, options: ReportOptions = INVARIANT) -> Pdf:
    case, assessment = make(data)
    return Pdf(build_report(case, assessment, load_pack(), options))


@pytest.fixture(scope="module")
def typical() -> Pdf:
    return report(TYPICAL)


@pytest.fixture(scope="module")
def rescue() -> Pdf:
    return report(SECOND_LINE_RESCUE)


def test_trial_populations_table_has_the_four_trials_and_every_status(typical):
    text = typical.text
    start = text.index("not eligibility. Unknown")
    table = text[start : start + 2500]
    assert "Criterion SIRFLOX FOXFIRE FOXFIRE-Global EPOCH" in table
    # TYPICAL is first line (0 prior lines): EPOCH's second-line criterion is not met.
    assert "✗ Not met E1, E2" in table
    assert "✓ Met S1, S2" in table
    # TYPICAL records no histology: SIRFLOX's adenocarcinoma criterion is unknown.
    assert "Histology ? Unknown S1" in table
    # TRIALS.md: the EPOCH albumin threshold is from a secondary source, and says so.
    assert "E3*" in table
    assert "*: a secondary source." in table


# TRIALS.md: each trial's number of criteria and of criteria that cannot be checked.
TRIAL_CRITERIA = {"SIRFLOX": (14, 1), "FOXFIRE": (12, 2), "FOXFIRE-Global": (9, 2), "EPOCH": (4, 1)}


@pytest.mark.parametrize("data", [TYPICAL, SECOND_LINE], ids=["typical", "second_line"])
def test_page_one_has_one_line_per_trial_population_by_counts(data):
    pdf = report(data)
    page = pdf.pages[0]
    assert "Trial populations" in page
    for trial, (total, not_checkable) in TRIAL_CRITERIA.items():
        found = re.search(
            rf"Resembles the {trial} population on (\d+) of (\d+) criteria; (\d+) not met, "
            rf"(\d+) unknown, (\d+) not checkable\.",
            page,
        )
        assert found, trial
        met, of, not_met, unknown, unchecked = map(int, found.groups())
        assert of == total
        assert unchecked == not_checkable
        # Unknown is never counted as met: the three counts add up to the criteria.
        assert met + not_met + unknown == total
    assert not re.search(r"\beligible\b", pdf.text, re.IGNORECASE)


def test_page_one_does_not_end_with_the_criteria_table(typical):
    # The criteria table is kept whole: it starts on the next page with its header.
    page = typical.page_of("Criterion SIRFLOX FOXFIRE FOXFIRE-Global EPOCH")
    assert page >= 1
    assert "not eligibility. Unknown" in typical.pages[page]
    assert "Metastatic pattern" in typical.pages[page]


def test_criteria_that_cannot_be_checked_say_why(typical):
    # TRIALS.md: the reason each of them cannot be checked from case data.
    text = typical.text.replace("\n", " ")
    assert "Trial criteria not checkable from case data, and why" in text
    assert "SIRFLOX: organ function: no thresholds are published. S1, S2" in text
    assert "bilirubin and creatinine limits: the limits are laboratory-specific" in text
    assert "minimum adjuvant interval: none is published" in text
    assert "adjuvant interval: not published" in text
    assert "extrahepatic disease limits: not in the published protocol abstract" in text


def test_trial_population_sources_resolve_to_citations(typical):
    text = typical.text
    for label, citation in (
        ("S1", "Gibbs P, Gebski V, Van Buskirk M, et al. BMC Cancer 2014;14:897"),
        ("S2", "SIRFLOX registry text. NCT00724503"),
        ("F1", "Dutton SJ, Kenealy N, Love SB, Wasan HS, Sharma RA. BMC Cancer 2014;14:497"),
        ("F3", "FOXFIRE registry text. ISRCTN83867919"),
        ("G1", "FOXFIRE-Global registry text. NCT01721954"),
        ("E1", "Chauhan N, Mulcahy MF, Salem R, et al. JMIR Res Protoc 2019;8(1):e11545"),
        ("E3", "EPOCH investigator interview (secondary source)"),
    ):
        assert f"[{label}] {citation}" in text


def test_the_evidence_starts_on_page_two(typical):
    assert typical.page_of("The evidence Primary endpoints") >= 1
    assert typical.page_of("SIRFLOX: endpoint") >= 1


def test_epoch_co_primary_endpoints_with_ci_one_sided_p_and_arm_sizes(rescue):
    text = rescue.text
    assert "TARE + chemotherapy 215, Chemotherapy 213" in text
    assert "PFS Co-primary endpoint 8.0 vs 7.2 mo" in text
    assert "HR 0.69 (95% CI 0.54–0.88), one-sided P = .0013" in text
    assert "Hepatic PFS Co-primary endpoint 9.1 vs 7.2 mo" in text
    assert "HR 0.59 (95% CI 0.46–0.77), one-sided P < .0001" in text


def test_liver_progression_is_never_without_progression_outside_the_liver(typical):
    page = typical.pages[typical.page_of("HR 0.51 (95% CI 0.43–0.62)")]
    assert "Progression outside the liver" in page
    assert "HR 1.98" in page


def test_guidance_block(typical):
    text = typical.text
    assert "NICE IPG672: SIRT for unresectable colorectal liver metastases only when" in text
    assert "ASCO metastatic colorectal cancer guideline (2023)" in text
    assert "ESMO metastatic colorectal cancer guideline (2023)" in text
    assert "no level of evidence is quoted from it here" in text


@pytest.mark.parametrize("data", [TYPICAL, SECOND_LINE, LATE_LINE], ids=["1st", "2nd", "late"])
def test_no_internal_review_remark_reaches_the_page(data):
    text = report(data).text.lower()
    for remark in (
        "not re-verified",
        "not given in the reviewed brief",
        "byline was not re-verified",
        "re-verif",
    ):
        assert remark not in text


def _trial_table(trial_key: str):
    pack = load_pack()
    figures = evidence_sections.evidence_figures(pack, include_epoch=True)[trial_key]
    citations = Citations(pack, pack.references)
    return evidence_sections.trial_block(trial_key, figures, pack, citations, 500, 25)


def test_primary_endpoints_are_emphasised_and_subgroups_have_no_fill():
    table = _trial_table("right_sided_2018")
    # Rows: heading, column header, all patients, the combined analysis's overall survival
    # (a primary endpoint, for comparison), the right-sided subgroup.
    fills = [cmd for cmd in table._bkgrndcmds if cmd[0] == "BACKGROUND"]
    assert [cmd[1][1] for cmd in fills] == [1]  # the column header only
    rules = [cmd for cmd in table._linecmds if cmd[0] == "LINEBEFORE"]
    assert [cmd[1][1] for cmd in rules] == [3]


def test_co_primary_endpoints_both_carry_the_emphasis():
    table = _trial_table("epoch")
    rules = [cmd[1][1] for cmd in table._linecmds if cmd[0] == "LINEBEFORE"]
    assert rules == [2, 3]


def _font_sizes(pdf: Pdf) -> list[float]:
    sizes = []
    for stream in pdf.streams:
        sizes += [float(m) for m in re.findall(rb"/F\S+ ([0-9.]+) Tf", stream)]
    return sizes


@pytest.mark.parametrize("data", [TYPICAL, SECOND_LINE], ids=["typical", "second_line"])
def test_nothing_is_printed_under_7_points(data):
    sizes = _font_sizes(report(data))
    assert sizes
    assert min(sizes) >= 7


def test_body_text_is_at_least_8_5_points():
    s = st.styles()
    for style in (
        s.body,
        s.cell,
        s.note,
        s.context,
        s.headline,
        # Evidence table cells, the trials' introductions, the guidance and the correction.
        s.evidence,
        s.trial,
        s.note_small,
    ):
        assert style.fontSize >= 8.5, style.name
    for name in s.__dataclass_fields__:
        assert getattr(s, name).fontSize >= 7, name


def test_bilirubin_unit_option():
    assert ReportOptions().bilirubin_unit == "mg/dL"
    assert ReportOptions(bilirubin_unit="umol/L").bilirubin_unit == "µmol/L"
    assert bilirubin_unit("µmol/l") == "µmol/L"
    with pytest.raises(ValueError, match="bilirubin unit"):
        ReportOptions(bilirubin_unit="mmol/L")


def test_figure_rows_from_another_source_than_their_trial_cite_it(typical):
    # EVIDENCE.md: the SIRFLOX liver-only subgroup is a conference report (COSA 2015), and
    # progression outside the liver (HR 1.98) was first presented at ASCO 2017 (abstract
    # 3507); their rows sit under trials citing the full papers, so each cites its own.
    text = typical.text
    cosa = re.search(r"\[(\d+)\] Conference report, COSA 2015", text)
    asco = re.search(r"\[(\d+)\] Conference report, ASCO 2017, abstract 3507", text)
    assert cosa and asco
    assert f"PFS in the liver Subgroup [{cosa.group(1)}]" in text
    assert f"Progression outside the liver [{asco.group(1)}]" in text
    # Every numbered reference is cited somewhere above the reference list.
    body = text[: text.index("References")]
    for number in re.findall(r"^\[(\d+)\] ", text[text.index("References") :], re.M):
        assert re.search(rf"\[(?:[\dA-Z]+, )*{number}(?:, [\dA-Z]+)*\]", body), number
