"""What the PDF says: every figure and citation, the checklist, flags, decision and footer.

Expected values are typed by hand from the evidence brief (shared/EVIDENCE.md) and the
contract, never read back from the evidence pack.
"""

from __future__ import annotations

import datetime

import pytest
from report_pdf import Pdf
from report_samples import (
    LATE_LINE,
    MINIMAL,
    SECOND_LINE,
    SECOND_LINE_RESCUE,
    SPARSE,
    TYPICAL,
    make,
)

import tareaid
from tareaid.domain.evidence import load_pack
from tareaid.report import ReportOptions, build_report

INVARIANT = ReportOptions(invariant=True)


def report(data: dict, options: ReportOptions = INVARIANT) -> Pdf:
    case, assessment = make(data)
    return Pdf(build_report(case, assessment, load_pack(), options))


@pytest.fixture(scope="module")
def typical() -> Pdf:
    return report(TYPICAL)


@pytest.fixture(scope="module")
def second_line() -> Pdf:
    return report(SECOND_LINE)


# Each figure as the report prints it: arm values, hazard ratio with its 95% CI, P value.
SIRFLOX_FIGURES = [
    "PFS at any site",
    "10.7 vs 10.2 mo",
    "HR 0.93 (95% CI 0.77–1.12), P = .43",
    "PFS in the liver (competing risk)",
    "20.5 vs 12.6 mo",
    "HR 0.69 (95% CI 0.55–0.90), P = .002",
    "Objective response, any site",
    "76.4% vs 68.1%",
    "P = .113",
    "Objective response, liver",
    "78.7% vs 68.8%",
    "P = .042",
    "Grade ≥ 3 adverse events",
    "85.4% vs 73.4%",
    "21.1 vs 12.4 mo",
    "P = .003",
]
COMBINED_FIGURES = [
    "22.6 vs 23.3 mo",
    "HR 1.04 (95% CI 0.90–1.19), P = .61",
    "11.0 vs 10.3 mo",
    "HR 0.90 (95% CI 0.79–1.02), P = .11",
    "Liver progression",
    "HR 0.51 (95% CI 0.43–0.62), P < .001",
]
RIGHT_SIDED_FIGURES = [
    "24.3 vs 24.6 mo",
    "HR 1.02, P = .81",
    "22.0 vs 17.1 mo",
    "HR 0.64 (95% CI 0.46–0.89), P = .008",
    "Patients with a right-sided primary tumour (179 patients)",
]
EPOCH_FIGURES = [
    "8.0 vs 7.2 mo",
    "HR 0.69",
    "9.1 vs 7.2 mo",
    "HR 0.59",
    "34.0% vs 21.1%",
    "14.0 vs 14.4 mo",
    "HR 1.07",
    "68.4% vs 49.3%",
]
CITATIONS = [
    "van Hazel GA, Heinemann V, Sharma NK, et al.",
    "J Clin Oncol 2016;34(15):1723–1731",
    "DOI 10.1200/JCO.2015.66.1181",
    "PMID 26903575",
    "Wasan HS, Gibbs P, Sharma NK, et al.",
    "Lancet Oncol 2017;18(9):1159–1171",
    "DOI 10.1016/S1470-2045(17)30457-6",
    "PMID 28781171",
    "SIRFLOX and FOXFIRE Global Trial Investigators",
    "Clin Colorectal Cancer 2018;17(4):e617–e629",
    "DOI 10.1016/j.clcc.2018.06.001",
    "PMID 30033117",
]


@pytest.mark.parametrize("expected", SIRFLOX_FIGURES + COMBINED_FIGURES + RIGHT_SIDED_FIGURES)
def test_every_figure_is_printed(typical, expected):
    assert expected in typical.text


@pytest.mark.parametrize("expected", CITATIONS)
def test_every_citation_is_printed(typical, expected):
    assert expected in typical.text


def test_primary_endpoints_and_non_significance_are_marked(typical):
    text = typical.text
    assert "PFS at any site Primary endpoint · Not significant" in text
    assert "Overall survival Primary endpoint · Not significant" in text
    assert "Objective response, any site Not significant" in text


def test_right_sided_subgroup_is_post_hoc_and_beside_the_null_overall_survival(typical):
    page = typical.pages[typical.page_of("22.0 vs 17.1 mo")]
    assert "Subgroup · Post hoc" in page
    assert "22.6 vs 23.3 mo" in page  # three-trial overall survival, no benefit
    assert "24.3 vs 24.6 mo" in page  # all 739 patients of the same analysis
    # The overall results come before the subgroup, in the same table.
    assert page.index("24.3 vs 24.6 mo") < page.index("22.0 vs 17.1 mo")
    assert page.index("22.6 vs 23.3 mo", page.index("24.3 vs 24.6 mo")) < page.index(
        "22.0 vs 17.1 mo"
    )


def test_liver_only_subgroup_is_beside_its_overall_liver_pfs(typical):
    page = typical.pages[typical.page_of("21.1 vs 12.4 mo")]
    assert "20.5 vs 12.6 mo" in page
    assert "Patients with liver-only metastases" in page


def test_correction_note_is_printed(typical):
    text = typical.text
    assert "About the evidence: a correction" in text
    assert '"Sharma et al., Ann Oncol 2021"' in text
    assert "right-sided primary tumour" in text


def test_scope_and_disclaimer_are_printed(typical):
    assert "What this summary does not cover" in typical.text
    assert "does not read or measure images" in typical.text


def test_epoch_is_omitted_with_a_reason_in_a_first_line_case(typical):
    assert "EPOCH (second-line, TheraSphere glass microspheres) is not shown" in typical.text
    assert "8.0 vs 7.2 mo" not in typical.text
    assert "EPOCH: endpoint" not in typical.text
    # The EPOCH paper is still cited: it is a source (E2) of the trial-population criteria.
    assert "[E2] Mulcahy MF" in typical.text


@pytest.mark.parametrize("data", [SECOND_LINE, SECOND_LINE_RESCUE], ids=["therasphere", "line2"])
def test_epoch_is_shown_for_second_line_or_therasphere(data):
    pdf = report(data)
    for expected in EPOCH_FIGURES:
        assert expected in pdf.text
    assert "Mulcahy MF, Mahvash A, Pracht M, et al." in pdf.text
    assert "DOI 10.200/JCO.21.01839".replace("10.200", "10.1200") in pdf.text
    assert "is not shown" not in pdf.text


def test_checklist_shows_factor_finding_tier_reason_and_claim_status(typical):
    page = typical.pages[0]
    for heading in ("Factor and finding", "Tier", "Reason", "What the evidence says"):
        assert heading in page
    assert "Metastatic pattern Liver-dominant disease ▲ Favours TARE Derived" in page
    # The ECOG override: the tier the clinician set, the derived one beside it, both reasons.
    assert "● Neutral Override; derived: ▲ Favours TARE" in page
    assert "ECOG 1 on paper but frail after a recent admission; treat as 2." in page
    assert "Rule: Framework's favours tier: ECOG 0–1" in page


# CONTRACT.md §4 and EVIDENCE.md: the evidence status of each framework claim, by shape and
# words, beside the framework's own words.
@pytest.mark.parametrize(
    "expected",
    [
        "∅ Not shown by the trials.",  # metastatic pattern, favours
        "◐ Indirect evidence.",  # conversion to resection, favours
        "“primary evidence”: ✗ Contradicted for survival.",  # first line, favours
        "“may benefit more in pooled subgroups”: ⊘ Not supported.",  # RAS mutant
        "○ Clinical reasoning.",  # liver lesions
        "✓ Consistent with trial eligibility.",  # ECOG (an override takes its tier's status)
    ],
)
def test_claim_status_is_beside_each_factor_on_page_one(typical, expected):
    assert expected in typical.pages[0]


def test_claims_of_other_tiers_and_of_no_tier():
    late = report(LATE_LINE).pages[0]
    assert "↑ Understated." in late  # the timing override to neutral: second-line rescue
    assert "No claim: the framework does not place these data in a tier." in late


def test_framework_provenance_is_said_once_on_page_one(typical):
    assert typical.text.count("it is not a validated score") == 1
    assert "published, patient-facing web page" in typical.pages[0]


def test_every_tier_has_its_shape_and_word():
    late = report(LATE_LINE).text
    assert "▼ Against TARE" in late
    assert "? Unassessed" in late
    assert "◆ Outside framework" in report(SPARSE).text


def test_headline_then_evidence_context_then_the_rule_away_from_page_one(typical):
    page = typical.pages[0]
    # "5 of 6 factors favour": CONTRACT §3 on TYPICAL's data, the ECOG override counted.
    headline = page.index("5 of 6 factors favour adding TARE, 1 neutral, 0 against")
    context = page.index("First-line setting: in SIRFLOX and the combined analysis")
    checklist = page.index("Selection framework")
    assert headline < context < checklist
    assert "PFS at any site HR 0.93; overall survival HR 1.04" in page
    assert "How the headline is built" not in page
    assert "How the headline is built. Facts, never a recommendation" in typical.text


def test_one_factor_favours_in_the_singular():
    pdf = report({**SPARSE, "metastatic_pattern": "liver_only"})
    assert "1 of 6 factors favours adding TARE" in pdf.pages[0]


def test_gaps_and_alerts_are_explained(typical, second_line):
    assert "⚠ Caution: Lung shunt fraction 10–20%: activity reduction." in typical.text
    assert "usual activity reduction is 20%" in typical.text
    assert "Biologic agent." in typical.text
    text = second_line.text
    # Glass microspheres: a shunt of 23% raises no shunt alert, but the lung dose is needed.
    assert "Glass microspheres: lung dose needed." in text
    assert "Lung shunt fraction above 20%" not in text
    assert "✖ Contraindication, to resolve first: Serum bilirubin above 2.0 mg/dL" in text
    assert "⚠ Caution: Glass microspheres: lung dose needed." in text
    # A caution is never worded as something to resolve first.
    assert "to resolve first: Glass microspheres" not in text
    for title in (
        "Irinotecan-based chemotherapy.",
        "Biologic agent.",
        "Checkpoint inhibitor.",
        "Prior KRAS G12C inhibitor.",
    ):
        assert title in text
    # Glass microspheres in second line is EPOCH's setting: no evidence gap for them.
    assert "TheraSphere (glass microspheres) outside second line." not in text
    first_line_glass = report({**SECOND_LINE, "prior_systemic_lines": 0}).text
    assert "TheraSphere (glass microspheres) outside second line." in first_line_glass


def test_unchecked_alerts_say_which_values_are_missing():
    page = report(MINIMAL).pages[0]
    # The assessment's own words (CONTRACT §3): "no alert" is never printed for a check not
    # done.
    assert "Not checked: lung shunt fraction and bilirubin not recorded." in page
    assert "No work-up alert" not in page
    assert "none raised" not in page
    checked = report({**MINIMAL, "lung_shunt_fraction_pct": 5, "bilirubin_mg_dl": 0.5})
    assert "No work-up alert raised by the recorded values." in checked.pages[0]
    assert "Not checked: lung" not in checked.pages[0]
    assert "Not checked: bilirubin" not in checked.pages[0]


def test_work_up_values_and_treatment_plan_are_beside_their_flags(typical):
    page = typical.pages[0]
    assert "Age 68 years · Sex Female" in page
    # The work-up fields in the contract's order (CONTRACT.md §3: shunt, bilirubin, then
    # the lung dose).
    assert "Values: Lung shunt fraction 12.5% · Serum bilirubin 0.8 mg/dL" in page
    assert "Estimated lung dose not recorded" in page
    assert "Treatment plan: Planned chemotherapy FOLFOX · Planned biologic Bevacizumab" in page
    assert "Sex not recorded" in report(SPARSE).pages[0]


@pytest.mark.parametrize(
    ("unit", "expected"),
    # 0.8 mg/dL × 17.1 = 13.68 µmol/L; 2.6 mg/dL = 44.46 µmol/L (EVIDENCE.md: 1 mg/dL =
    # 17.1 µmol/L).
    [("mg/dL", "Serum bilirubin 0.8 mg/dL"), ("µmol/L", "Serum bilirubin 13.7 µmol/L")],
)
def test_bilirubin_in_the_chosen_unit(unit, expected):
    pdf = report(TYPICAL, ReportOptions(invariant=True, bilirubin_unit=unit))
    assert expected in pdf.pages[0]
    if unit == "µmol/L":
        assert "0.8 mg/dL" not in pdf.text
    second = report(SECOND_LINE, ReportOptions(invariant=True, bilirubin_unit="umol/L"))
    assert "Serum bilirubin 44.5 µmol/L" in second.pages[0]


def test_decision_is_printed(typical):
    text = typical.text
    assert (
        "Outcome: Discuss TARE with the patient · Status: Finalised · Decided on: 2026-12-03"
        in text
    )
    assert "Stop bevacizumab ≥ 4 weeks before work-up." in text
    assert "Dr A. Okafor (HPB surgery); Dr L. Brennan (IR); Dr S. Patel (oncology)" in text
    assert "Board decision: none recorded" in report(LATE_LINE).text


def test_identified_report_shows_the_patient(typical):
    assert "Zoë Ørsted-Müller" in typical.text
    assert "MRN-884213" in typical.text
    assert "1958-03-12" in typical.text
    assert "CEA 48 µg/L." in typical.text  # notes, with µ


@pytest.mark.parametrize("pdf_name", ["typical", "second_line"])
def test_every_page_has_its_footer_and_header(pdf_name, request):
    pdf: Pdf = request.getfixturevalue(pdf_name)
    pack = load_pack()
    total = len(pdf.pages)
    for number, page in enumerate(pdf.pages, start=1):
        assert f"Page {number} of {total}" in page
        assert "Generated 2000-01-01 00:00 UTC" in page
        assert f"TAREaid {tareaid.__version__}" in page
        assert f"Evidence pack {pack.version} (reviewed {pack.reviewed_on.isoformat()})" in page
        assert "Decision support for qualified clinicians" in page
        assert "it is not a treatment recommendation" in page
        if number > 1:  # the running header; page 1 has the title instead
            assert "Tumour board 2026-12-" in page
    # Case reference and board date once at the top of page 1, not twice.
    assert pdf.pages[0].count("Tumour board 2026-12-") == 1
    assert pdf.pages[0].count("Case CRLM-2026-0") == 1


def test_generated_time_is_printed_in_utc():
    moment = datetime.datetime(
        2026, 12, 3, 15, 4, tzinfo=datetime.timezone(datetime.timedelta(hours=1))
    )
    pdf = report(MINIMAL, ReportOptions(generated_at=moment))
    assert all("Generated 2026-12-03 14:04 UTC" in page for page in pdf.pages)


def test_invariant_time_follows_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")  # 2025-12-01T00:00:00Z
    pdf = report(MINIMAL)
    assert "Generated 2025-12-01 00:00 UTC" in pdf.pages[0]


def test_audit_head_is_printed_on_every_page():
    head = "3f7a9c" * 10 + "beef"
    pdf = report(TYPICAL, ReportOptions(invariant=True, audit_head=head))
    assert all(f"Audit trail {head}" in page for page in pdf.pages)


def test_metadata(typical):
    meta = typical.metadata
    assert meta["/Title"] == "TAREaid tumour-board summary — CRLM-2026-014"
    assert meta["/Author"] == "TAREaid"
    assert meta["/Creator"] == f"TAREaid {tareaid.__version__}"
    assert "CRLM-2026-014" in meta["/Subject"]
    assert "radioembolisation" in meta["/Subject"]
    assert "Zoë" not in " ".join(meta.values())  # never a patient's name, even identified
    assert typical.reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_user_text_is_printed_literally_never_as_markup():
    data = {
        "reference": "ESC-<1>&2",
        "patient_name": "O'Brien <b>Ann</b> & Co",
        "notes": "CEA < 5 & falling; <font name='x'>not a tag</font>",
    }
    text = report(data).text
    assert "ESC-<1>&2" in text
    assert "O'Brien <b>Ann</b> & Co" in text
    assert "CEA < 5 & falling; <font name='x'>not a tag</font>" in text
