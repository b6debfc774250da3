"""The shipped evidence pack against the reviewed brief, and the loader's strictness.

Every expected value below was typed by hand from shared/EVIDENCE.md. None is read back from
the pack: a test that takes its expectation from the data it checks would assert nothing.
"""

from __future__ import annotations

import dataclasses
import datetime
import importlib.resources
import re
from pathlib import Path

import pytest

from tareaid.domain.evidence import (
    EvidencePack,
    EvidencePackError,
    Figure,
    load_pack,
)


@pytest.fixture(scope="module")
def pack() -> EvidencePack:
    return load_pack()


# ---------------------------------------------------------------------------------------
# Golden values from EVIDENCE.md
# ---------------------------------------------------------------------------------------

# key: (trial, reference, experimental, control, unit, hr, ci_low, ci_high, p, significant,
#       primary, subgroup, post_hoc)
GOLDEN_FIGURES: dict[str, tuple] = {
    # SIRFLOX
    "sirflox_pfs_any": (
        "sirflox", "sirflox", 10.7, 10.2, "months", 0.93, 0.77, 1.12, ".43", False,
        True, False, False,
    ),
    "sirflox_pfs_liver": (
        "sirflox", "sirflox", 20.5, 12.6, "months", 0.69, 0.55, 0.90, ".002", True,
        False, False, False,
    ),
    "sirflox_orr_any": (
        "sirflox", "sirflox", 76.4, 68.1, "%", None, None, None, ".113", False,
        False, False, False,
    ),
    "sirflox_orr_liver": (
        "sirflox", "sirflox", 78.7, 68.8, "%", None, None, None, ".042", True,
        False, False, False,
    ),
    "sirflox_grade3_ae": (
        "sirflox", "sirflox", 85.4, 73.4, "%", None, None, None, None, None,
        False, False, False,
    ),
    "sirflox_liver_pfs_liver_only": (
        "sirflox", "cosa_2015", 21.1, 12.4, "months", None, None, None, ".003", True,
        False, True, False,
    ),
    # FOXFIRE + SIRFLOX + FOXFIRE-Global
    "combined_2017_os": (
        "combined_2017", "combined_2017", 22.6, 23.3, "months", 1.04, 0.90, 1.19, ".61", False,
        True, False, False,
    ),
    "combined_2017_pfs": (
        "combined_2017", "combined_2017", 11.0, 10.3, "months", 0.90, 0.79, 1.02, ".11", False,
        False, False, False,
    ),
    "combined_2017_liver_progression": (
        "combined_2017", "combined_2017", None, None, "months", 0.51, 0.43, 0.62, "< .001", True,
        False, False, False,
    ),
    # ASCO 2017 abstract 3507: the combined analysis as first presented.
    "combined_2017_extrahepatic_progression": (
        "combined_2017", "asco_2017_3507", None, None, "months", 1.98, None, None, None, None,
        False, False, False,
    ),
    # Right-sided primary, SIRFLOX + FOXFIRE-Global
    "right_sided_2018_os_all": (
        "right_sided_2018", "right_sided_2018", 24.3, 24.6, "months", 1.02, None, None, ".81",
        False, False, False, True,
    ),
    "right_sided_2018_os_right": (
        "right_sided_2018", "right_sided_2018", 22.0, 17.1, "months", 0.64, 0.46, 0.89, ".008",
        True, False, True, True,
    ),
    # EPOCH
    "epoch_pfs": (
        "epoch", "epoch_2021", 8.0, 7.2, "months", 0.69, 0.54, 0.88, ".0013", True,
        True, False, False,
    ),
    "epoch_hepatic_pfs": (
        "epoch", "epoch_2021", 9.1, 7.2, "months", 0.59, 0.46, 0.77, "< .0001", True,
        True, False, False,
    ),
    "epoch_orr": (
        "epoch", "epoch_2021", 34.0, 21.1, "%", None, None, None, None, None,
        False, False, False,
    ),
    "epoch_os": (
        "epoch", "epoch_2021", 14.0, 14.4, "months", 1.07, None, None, None, None,
        False, False, False,
    ),
    "epoch_grade3_ae": (
        "epoch", "epoch_2021", 68.4, 49.3, "%", None, None, None, None, None,
        False, False, False,
    ),
}  # fmt: skip

# key: (doi, pmid, journal, year, volume, issue, pages)
GOLDEN_REFERENCES: dict[str, tuple] = {
    "sirflox": (
        "10.1200/JCO.2015.66.1181", "26903575", "J Clin Oncol", 2016, "34", "15", "1723–1731",
    ),
    "combined_2017": (
        "10.1016/S1470-2045(17)30457-6", "28781171", "Lancet Oncol", 2017, "18", "9", "1159–1171",
    ),
    "right_sided_2018": (
        "10.1016/j.clcc.2018.06.001", "30033117", "Clin Colorectal Cancer", 2018, "17", "4",
        "e617–e629",
    ),
    "epoch_2021": ("10.1200/JCO.21.01839", None, "J Clin Oncol", 2021, "39", "35", "3897–3907"),
    "kennedy_2017": (
        "10.21037/jgo.2017.09.10", "29299370", "J Gastrointest Oncol", 2017, "8", "6",
        "1079–1099",
    ),
    "eanm_2022": (
        "10.1007/s00259-021-05600-z", None, "Eur J Nucl Med Mol Imaging", 2022, "49", "5",
        "1682–1699",
    ),
    "asco_2023": (None, "36252154", "J Clin Oncol", 2023, "41", "3", "678–700"),
    "esmo_2023": (None, "36307056", "Ann Oncol", 2023, "34", "1", "10–32"),
    # Sources of the trial criteria (TRIALS.md)
    "sirflox_protocol": (
        "10.1186/1471-2407-14-897", None, "BMC Cancer", 2014, "14", None, "897",
    ),
    "foxfire_protocol": (
        "10.1186/1471-2407-14-497", None, "BMC Cancer", 2014, "14", None, "497",
    ),
    "epoch_protocol": ("10.2196/11545", "30664496", "JMIR Res Protoc", 2019, "8", "1", "e11545"),
}  # fmt: skip

FACTOR_ORDER = [
    "metastatic_pattern",
    "treatment_goal",
    "timing",
    "ras_status",
    "liver_lesions",
    "ecog",
]

# key: (label, favours, neutral, against), wording verbatim from the brief's table.
GOLDEN_FRAMEWORK = {
    "metastatic_pattern": (
        "Metastatic pattern",
        "liver-only or liver-dominant",
        "liver + limited lung metastases",
        "extensive multisite extrahepatic disease",
    ),
    "treatment_goal": (
        "Resectability intent",
        "conversion to resectability is the goal",
        "stable disease control is the goal",
        "palliative intent only, poor PS",
    ),
    "timing": (
        "Timing",
        "first-line alongside FOLFOX (primary evidence)",
        "second-line rescue in liver progression",
        "after ≥ 3 prior lines (limited evidence)",
    ),
    "ras_status": (
        "RAS status",
        "RAS mutant (may benefit more in pooled subgroups)",
        "RAS wild-type",
        "n/a — both can receive TARE",
    ),
    "liver_lesions": (
        "Liver lesions",
        "multiple bilateral lesions unsuitable for ablation",
        "few bilateral lesions",
        "solitary resectable lesion — resect directly",
    ),
    "ecog": ("ECOG performance status", "0–1", "2", "3–4"),
}


# ---------------------------------------------------------------------------------------
# The shipped pack
# ---------------------------------------------------------------------------------------


def test_pack_version_and_review_date(pack: EvidencePack) -> None:
    assert pack.version == "2026.11.3"
    assert pack.reviewed_on == datetime.date(2026, 11, 29)
    assert "abstracts" in pack.reviewed_against


def test_what_changed_is_listed_per_version(pack: EvidencePack) -> None:
    assert [change.version for change in pack.changes] == ["2026.11.3", "2026.11.2", "2026.11.1"]
    assert pack.changes[0].date == datetime.date(2026, 11, 29)
    assert pack.changes[1].date == datetime.date(2026, 11, 29)
    assert pack.changes[2].date == datetime.date(2026, 11, 27)
    latest = " ".join(pack.changes[0].items)
    for words in ("cannot be checked from case data", "its reason", "not checkable"):
        assert words in latest
    second = " ".join(pack.changes[1].items)
    for words in ("co-primary", "outside the liver", "COSA 2015", "severity", "µmol/L"):
        assert words in second
    for words in ("SIRFLOX", "FOXFIRE", "FOXFIRE-Global", "EPOCH", "not a validated score"):
        assert words in second


def test_default_pack_is_cached_and_equals_an_explicit_load(pack: EvidencePack) -> None:
    assert load_pack() is pack
    shipped = importlib.resources.files("tareaid.resources") / "evidence_pack.toml"
    with importlib.resources.as_file(shipped) as path:
        assert load_pack(Path(path)) == pack


def test_figure_keys_are_exactly_the_brief_rows(pack: EvidencePack) -> None:
    assert [figure.key for figure in pack.figures] == list(GOLDEN_FIGURES)


@pytest.mark.parametrize("key", list(GOLDEN_FIGURES))
def test_figure_matches_brief(pack: EvidencePack, key: str) -> None:
    (
        trial, reference, experimental, control, unit, hr, ci_low, ci_high, p, significant,
        primary, subgroup, post_hoc,
    ) = GOLDEN_FIGURES[key]  # fmt: skip
    figure = pack.figure(key)
    assert figure.trial == trial
    assert figure.reference == reference
    assert figure.experimental_value == experimental
    assert figure.control_value == control
    assert figure.unit == unit
    assert figure.hr == hr
    assert figure.ci_low == ci_low
    assert figure.ci_high == ci_high
    assert figure.p == p
    assert figure.significant is significant
    assert figure.primary is primary
    assert figure.subgroup is subgroup
    assert figure.post_hoc is post_hoc
    assert figure.trial in pack.trials
    assert figure.reference in pack.references


@pytest.mark.parametrize(
    ("trial", "count"),
    [("sirflox", 6), ("combined_2017", 4), ("right_sided_2018", 2), ("epoch", 5)],
)
def test_figures_for_trial(pack: EvidencePack, trial: str, count: int) -> None:
    figures = pack.figures_for_trial(trial)
    assert len(figures) == count
    assert all(figure.trial == trial for figure in figures)


@pytest.mark.parametrize(
    ("key", "name", "patients", "arm_counts"),
    [
        ("sirflox", "SIRFLOX", 530, (267, 263)),
        ("combined_2017", "FOXFIRE + SIRFLOX + FOXFIRE-Global", 1103, (554, 549)),
        ("right_sided_2018", None, 739, (None, None)),
        ("epoch", "EPOCH", 428, (215, 213)),
    ],
)
def test_trials(pack: EvidencePack, key: str, name: str | None, patients: int, arm_counts) -> None:
    trial = pack.trials[key]
    if name is not None:
        assert trial.name == name
    assert trial.patients == patients
    assert tuple(arm.patients for arm in trial.arms) == arm_counts


def test_sirflox_description_carries_population_facts(pack: EvidencePack) -> None:
    description = pack.trials["sirflox"].description
    assert "55%" in description
    assert "40%" in description
    assert "bevacizumab" in description.lower()


def test_effect_and_values_text(pack: EvidencePack) -> None:
    pfs = pack.figure("sirflox_pfs_any")
    assert pfs.effect_text() == "HR 0.93 (95% CI 0.77–1.12), P = .43"
    assert pfs.values_text() == "10.7 vs 10.2 months"
    # Trailing zeros survive the trip through float.
    assert pack.figure("sirflox_pfs_liver").effect_text() == "HR 0.69 (95% CI 0.55–0.90), P = .002"
    assert pack.figure("combined_2017_pfs").effect_text() == "HR 0.90 (95% CI 0.79–1.02), P = .11"
    assert pack.figure("combined_2017_pfs").values_text() == "11.0 vs 10.3 months"
    liver = pack.figure("combined_2017_liver_progression")
    assert liver.effect_text() == "HR 0.51 (95% CI 0.43–0.62), P < .001"
    assert liver.values_text() == ""
    assert pack.figure("right_sided_2018_os_all").effect_text() == "HR 1.02, P = .81"
    assert pack.figure("right_sided_2018_os_right").values_text() == "22.0 vs 17.1 months"
    assert pack.figure("sirflox_orr_any").effect_text() == "P = .113"
    assert pack.figure("sirflox_orr_any").values_text() == "76.4% vs 68.1%"
    assert pack.figure("epoch_orr").values_text() == "34.0% vs 21.1%"
    assert pack.figure("epoch_os").effect_text() == "HR 1.07"
    assert pack.figure("sirflox_grade3_ae").effect_text() == ""
    # EPOCH's co-primary endpoints, with one-sided P values as reported.
    assert pack.figure("epoch_pfs").effect_text() == (
        "HR 0.69 (95% CI 0.54–0.88), one-sided P = .0013"
    )
    assert pack.figure("epoch_hepatic_pfs").effect_text() == (
        "HR 0.59 (95% CI 0.46–0.77), one-sided P < .0001"
    )
    assert pack.figure("combined_2017_extrahepatic_progression").effect_text() == "HR 1.98"


def test_primary_and_co_primary_endpoints(pack: EvidencePack) -> None:
    primary = {f.key for f in pack.figures if f.primary}
    co_primary = {f.key for f in pack.figures if f.co_primary}
    assert primary == {"sirflox_pfs_any", "combined_2017_os", "epoch_pfs", "epoch_hepatic_pfs"}
    assert co_primary == {"epoch_pfs", "epoch_hepatic_pfs"}
    assert pack.figure("epoch_pfs").p_one_sided and pack.figure("epoch_hepatic_pfs").p_one_sided
    assert "Secondary" in (pack.figure("epoch_os").note or "")
    # Post-hoc and subgroup results are never marked as primary endpoints.
    for figure in pack.figures:
        if figure.post_hoc or figure.subgroup:
            assert not figure.primary


def test_liver_progression_is_never_shown_without_progression_outside_the_liver(
    pack: EvidencePack,
) -> None:
    liver = pack.figure("combined_2017_liver_progression")
    outside = pack.figure("combined_2017_extrahepatic_progression")
    assert liver.shown_with == ("combined_2017_extrahepatic_progression",)
    assert outside.shown_with == ("combined_2017_liver_progression",)
    assert outside.reference == "asco_2017_3507"
    assert "outside the liver" in outside.endpoint.lower()
    assert [f.key for f in pack.display_figures(["combined_2017_liver_progression"])] == [
        "combined_2017_liver_progression",
        "combined_2017_extrahepatic_progression",
    ]
    # A subgroup comes after its overall results.
    assert [f.key for f in pack.display_figures(["right_sided_2018_os_right"])] == [
        "combined_2017_os",
        "right_sided_2018_os_all",
        "right_sided_2018_os_right",
    ]


@pytest.mark.parametrize(
    ("key", "qualifiers"),
    [
        # EVIDENCE.md: "PFS at any site (primary endpoint) … P = .43 — not significant".
        ("sirflox_pfs_any", ("primary endpoint", "not significant")),
        # "Overall survival (primary endpoint) … P = .61 — no OS benefit".
        ("combined_2017_os", ("primary endpoint", "not significant")),
        # "OS, right-sided primary … P = .008 — post hoc, hypothesis-generating": a
        # significant P value is never announced beside a post hoc subgroup.
        ("right_sided_2018_os_right", ("subgroup", "post hoc")),
        # "PFS in the liver (competing risk) … P = .002": nothing to keep in mind.
        ("sirflox_pfs_liver", ()),
    ],
)
def test_qualifiers(pack: EvidencePack, key: str, qualifiers: tuple[str, ...]) -> None:
    assert pack.figure(key).qualifiers() == qualifiers


def test_subgroups_always_carry_an_overall_figure(pack: EvidencePack) -> None:
    subgroups = [figure for figure in pack.figures if figure.subgroup]
    assert {figure.key for figure in subgroups} == {
        "sirflox_liver_pfs_liver_only",
        "right_sided_2018_os_right",
    }
    for figure in subgroups:
        assert figure.overall_figures
        for key in figure.overall_figures:
            assert not pack.figure(key).subgroup
    for figure in pack.figures:
        if not figure.subgroup:
            assert figure.overall_figures == ()


def test_right_sided_result_is_labelled_right_sided_and_shown_beside_null_os(
    pack: EvidencePack,
) -> None:
    figure = pack.figure("right_sided_2018_os_right")
    assert "right-sided" in figure.population.lower()
    assert "liver-only" not in figure.population.lower()
    assert "179" in figure.population
    assert figure.endpoint == "Overall survival"
    assert figure.overall_figures == ("combined_2017_os", "right_sided_2018_os_all")
    assert "hypothesis-generating" in (figure.note or "")
    assert "739" in pack.figure("right_sided_2018_os_all").population


def test_no_figure_claims_a_liver_only_survival_result(pack: EvidencePack) -> None:
    # The source page's error: 22.0 vs 17.1 months OS presented as a liver-only subgroup.
    for figure in pack.figures:
        if "liver-only" in figure.population.lower():
            assert "survival" not in figure.endpoint.lower()
            assert figure.experimental_value != 22.0


def test_liver_only_subgroup_sits_beside_sirflox_liver_pfs(pack: EvidencePack) -> None:
    figure = pack.figure("sirflox_liver_pfs_liver_only")
    assert "liver-only" in figure.population.lower()
    assert figure.overall_figures == ("sirflox_pfs_liver",)
    assert "COSA 2015" in (figure.note or "")
    # Cited as the conference report, not as the JCO paper.
    assert figure.reference == "cosa_2015"
    assert pack.reference("cosa_2015").citation().startswith("Conference report, COSA 2015.")


@pytest.mark.parametrize("key", list(GOLDEN_REFERENCES))
def test_reference_matches_brief(pack: EvidencePack, key: str) -> None:
    doi, pmid, journal, year, volume, issue, pages = GOLDEN_REFERENCES[key]
    reference = pack.reference(key)
    assert reference.doi == doi
    assert reference.pmid == pmid
    assert reference.journal == journal
    assert reference.year == year
    assert reference.volume == volume
    assert reference.issue == issue
    assert reference.pages == pages


def test_reference_keys(pack: EvidencePack) -> None:
    assert set(pack.references) == {
        *GOLDEN_REFERENCES,
        "nice_ipg672",
        "cosa_2015",
        "asco_2017_3507",
        "sirflox_registry",
        "foxfire_registry",
        "foxfire_global_registry",
        "epoch_interview",
    }
    assert "IPG672" in pack.reference("nice_ipg672").citation()


# label: (reference key, citation), typed from TRIALS.md "Sources".
SOURCES = {
    "S1": (
        "sirflox_protocol",
        "Gibbs P, Gebski V, Van Buskirk M, et al. BMC Cancer 2014;14:897. "
        "DOI 10.1186/1471-2407-14-897",
    ),
    "S2": ("sirflox_registry", "SIRFLOX registry text. NCT00724503"),
    "F1": (
        "foxfire_protocol",
        "Dutton SJ, Kenealy N, Love SB, Wasan HS, Sharma RA. BMC Cancer 2014;14:497. "
        "DOI 10.1186/1471-2407-14-497",
    ),
    "F3": ("foxfire_registry", "FOXFIRE registry text. ISRCTN83867919"),
    "G1": ("foxfire_global_registry", "FOXFIRE-Global registry text. NCT01721954"),
    "E1": (
        "epoch_protocol",
        "Chauhan N, Mulcahy MF, Salem R, et al. JMIR Res Protoc 2019;8(1):e11545. "
        "DOI 10.2196/11545 · PMID 30664496",
    ),
    "E2": (
        "epoch_2021",
        "Mulcahy MF, Mahvash A, Pracht M, et al. J Clin Oncol 2021;39(35):3897–3907. "
        "DOI 10.1200/JCO.21.01839 · NCT01483027",
    ),
    "E3": ("epoch_interview", "EPOCH investigator interview (secondary source)."),
}


@pytest.mark.parametrize("label", list(SOURCES))
def test_trial_criteria_sources(pack: EvidencePack, label: str) -> None:
    key, citation = SOURCES[label]
    reference = pack.source(label)
    assert reference.key == key
    assert reference.citation() == citation
    assert reference.secondary is (label == "E3")


def test_conference_reports_are_cited_as_such(pack: EvidencePack) -> None:
    assert pack.reference("asco_2017_3507").citation() == (
        "Conference report, ASCO 2017, abstract 3507."
    )
    assert pack.reference("cosa_2015").kind == "conference"


def test_reference_details_from_brief(pack: EvidencePack) -> None:
    assert pack.reference("sirflox").authors.startswith("van Hazel GA")
    assert "34(33):4059" in (pack.reference("sirflox").note or "")  # erratum
    assert pack.reference("combined_2017").pmcid == "PMC5593813"
    assert pack.reference("combined_2017").authors.startswith("Wasan HS")
    right = pack.reference("right_sided_2018")
    assert right.authors == "SIRFLOX and FOXFIRE Global Trial Investigators"
    assert (right.title or "").startswith("Effect of Primary Tumor Side on Survival Outcomes")
    assert "Gibbs P" in (right.note or "")
    epoch = pack.reference("epoch_2021")
    assert epoch.registration == "NCT01483027"
    assert pack.reference("eanm_2022").authors.startswith("Weber M")
    assert pack.reference("asco_2023").authors.startswith("Morris VK")
    assert pack.reference("esmo_2023").authors.startswith("Cervantes A")
    assert pack.guidance_for("esmo_2023").reference == "esmo_2023"
    # The brief gives no title for these; none may be invented.
    for key in ("sirflox", "combined_2017", "epoch_2021", "kennedy_2017", "asco_2023"):
        assert pack.reference(key).title is None


def test_citation_format(pack: EvidencePack) -> None:
    assert pack.reference("sirflox").citation() == (
        "van Hazel GA, Heinemann V, Sharma NK, et al. J Clin Oncol 2016;34(15):1723–1731. "
        "DOI 10.1200/JCO.2015.66.1181 · PMID 26903575"
    )
    assert pack.reference("kennedy_2017").citation() == (
        "Kennedy A, et al. J Gastrointest Oncol 2017;8(6):1079–1099. "
        "DOI 10.21037/jgo.2017.09.10 · PMID 29299370"
    )
    right = pack.reference("right_sided_2018").citation()
    assert right.startswith("SIRFLOX and FOXFIRE Global Trial Investigators. Effect of Primary")
    assert "Studies. Clin Colorectal Cancer 2018;17(4):e617–e629. " in right
    assert right.endswith("DOI 10.1016/j.clcc.2018.06.001 · PMID 30033117")


def test_correction_note(pack: EvidencePack) -> None:
    note = pack.correction_note
    for text in ("Sharma", "2021", "right-sided", "liver-only", "22.0", "17.1", "1.04"):
        assert text in note
    assert "Clin Colorectal Cancer 2018" in note


def test_framework_order_and_wording(pack: EvidencePack) -> None:
    assert [factor.key for factor in pack.factors] == FACTOR_ORDER
    for key, (label, favours, neutral, against) in GOLDEN_FRAMEWORK.items():
        factor = pack.factor(key)
        assert factor.label == label
        assert factor.favours == favours
        assert factor.neutral == neutral
        assert factor.against == against
        assert factor.question.endswith("?")
        for figure_key in factor.evidence_figures:
            assert isinstance(pack.figure(figure_key), Figure)


def test_gap_keys_and_texts(pack: EvidencePack) -> None:
    assert list(pack.gaps) == [
        "irinotecan_regimen",
        "biologic",
        "checkpoint_inhibitor",
        "kras_g12c_inhibitor",
        "therasphere",
    ]
    assert "FOLFIRI" in pack.gaps["irinotecan_regimen"].text
    assert "OxMdG" in pack.gaps["irinotecan_regimen"].text
    assert "55%" in pack.gaps["biologic"].text
    assert "underpowered" in pack.gaps["biologic"].text
    assert "pembrolizumab" in pack.gaps["checkpoint_inhibitor"].text
    assert "no data" in pack.gaps["kras_g12c_inhibitor"].text.lower()
    assert "SIR-Spheres" in pack.gaps["therasphere"].text
    assert "second-line" in pack.gaps["therasphere"].text
    for flag in pack.gaps.values():
        assert flag.title
        for reference in flag.references:
            assert reference in pack.references


def test_alert_keys_severities_and_thresholds(pack: EvidencePack) -> None:
    assert {key: alert.severity for key, alert in pack.alerts.items()} == {
        "lung_shunt_high": "contraindication",
        "lung_shunt_reduction": "caution",
        "lung_dose_needed": "caution",
        "lung_dose_high": "contraindication",
        "bilirubin_high": "contraindication",
        "anti_vegf_pause": "caution",
    }
    high = pack.alerts["lung_shunt_high"].text
    for text in ("20%", "SIR-Spheres", "16.5 mCi", "30 Gy", "50 Gy"):
        assert text in high
    reduction = pack.alerts["lung_shunt_reduction"].text
    for text in ("20%", "10–15%", "40%", "15–20%"):
        assert text in reduction
    dose = pack.alerts["lung_dose_needed"].text
    for text in ("TheraSphere", "dose, not a shunt percentage", "30 Gy"):
        assert text in dose
    assert "30 Gy" in pack.alerts["lung_dose_high"].text
    bilirubin = pack.alerts["bilirubin_high"]
    for text in ("2.0 mg/dL", "34.2 µmol/L", "reversible"):
        assert text in bilirubin.text
    assert "34.2 µmol/L" in bilirubin.title
    vegf = pack.alerts["anti_vegf_pause"]
    for text in ("bevacizumab", "4–6 weeks", "Kennedy"):
        assert text in vegf.text
    assert vegf.references == ("kennedy_2017",)
    for key, flag in pack.alerts.items():
        assert flag.short, key
        if key != "anti_vegf_pause":
            assert "eanm_2022" in flag.references


def test_notes(pack: EvidencePack) -> None:
    assert "not a treatment recommendation" in pack.disclaimer
    assert "dosimetry" in pack.not_covered
    assert "images" in pack.not_covered
    workup = " ".join(pack.other_workup)
    for text in ("stomach, pancreas or bowel", "0–1", "0–2"):
        assert text in workup
    assert "not a validated score" in pack.framework_provenance
    guidelines = " ".join(pack.guidelines)
    for text in ("ASCO", "36252154", "IPG672", "hepatobiliary MDT", "ESMO", "36307056"):
        assert text in guidelines


def test_guidance_as_the_brief_words_it(pack: EvidencePack) -> None:
    assert [(g.key, g.body, g.reference) for g in pack.guidance] == [
        ("nice_ipg672", "NICE", "nice_ipg672"),
        ("asco_2023", "ASCO", "asco_2023"),
        ("esmo_2023", "ESMO", "esmo_2023"),
    ]
    nice = pack.guidance_for("nice_ipg672").text
    for words in ("chemotherapy is not possible", "chemo-refractory", "hepatobiliary MDT"):
        assert words in nice
    asco = pack.guidance_for("asco_2023").text
    assert "EPOCH" in asco and "hepatic PFS improved" in asco and "probably not" in asco
    # ESMO without a level of evidence: no "level I", "[I, A]" or "grade" quoted from it.
    esmo = pack.guidance_for("esmo_2023").text
    assert re.search(r"\[[IV]+, ?[A-E]\]|level [IV]+\b|\bgrade [A-E]\b", esmo) is None


# Internal review remarks belong in TOML comments, never in text a clinician reads.
REVIEW_REMARKS = (
    "re-verified",
    "reverified",
    "not verified",
    "reviewed brief",
    "not given in the",
    "byline",
    "evidence brief",
    "EVIDENCE.md",
    "TRIALS.md",
)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list | tuple | set | frozenset):
        return [text for item in value for text in _strings(item)]
    if dataclasses.is_dataclass(value):
        return [
            text for f in dataclasses.fields(value) for text in _strings(getattr(value, f.name))
        ]
    return []


def test_no_review_remark_in_any_text_a_clinician_reads(pack: EvidencePack) -> None:
    texts = _strings(pack)
    assert len(texts) > 400  # the scan reaches every string of the loaded pack
    for text in texts:
        for remark in REVIEW_REMARKS:
            assert remark.lower() not in text.lower(), text
    # Including every citation as displays print it.
    for reference in pack.references.values():
        for remark in REVIEW_REMARKS:
            assert remark.lower() not in reference.citation().lower()


def test_lookup_of_unknown_keys_raises_key_error(pack: EvidencePack) -> None:
    with pytest.raises(KeyError):
        pack.figure("no_such_figure")
    with pytest.raises(KeyError):
        pack.factor("no_such_factor")
    with pytest.raises(KeyError):
        pack.reference("no_such_reference")
    assert pack.figures_for_trial("no_such_trial") == ()


# ---------------------------------------------------------------------------------------
# Malformed packs: modified copies of the shipped file must fail, naming the field
# ---------------------------------------------------------------------------------------


def _shipped_text() -> str:
    resource = importlib.resources.files("tareaid.resources") / "evidence_pack.toml"
    return resource.read_text(encoding="utf-8")


def _modified_pack(tmp_path: Path, old: str, new: str) -> Path:
    text = _shipped_text()
    # Exactly one match, so a change to the pack's layout breaks the test loudly.
    assert text.count(old) == 1, f"expected exactly one {old!r} in the pack"
    path = tmp_path / "evidence_pack.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _load_error(path: Path) -> str:
    with pytest.raises(EvidencePackError) as caught:
        load_pack(path)
    message = str(caught.value)
    assert "evidence_pack.toml" in message
    return message


def test_unmodified_copy_loads(tmp_path: Path) -> None:
    path = tmp_path / "evidence_pack.toml"
    path.write_text(_shipped_text(), encoding="utf-8")
    assert load_pack(path).version == "2026.11.3"


@pytest.mark.parametrize(
    ("old", "new", "field", "problem"),
    [
        pytest.param('hr = 0.93\n', 'hr = "0.93"\n', "figures[0].hr", "expected a number",
                     id="hr-as-string"),
        pytest.param('hr = 0.93\n', 'hr = true\n', "figures[0].hr", "expected a number",
                     id="hr-as-bool"),
        pytest.param('endpoint = "PFS at any site"\n', "", "figures[0].endpoint", "missing",
                     id="figure-field-dropped"),
        pytest.param('p = ".43"\n', 'p = ".43"\np_value = ".43"\n', "figures[0].p_value",
                     "unknown field", id="unknown-figure-field"),
        pytest.param('p = ".43"\n', 'p = "0.43"\n', "figures[0].p", "P value", id="p-format"),
        pytest.param('p = ".43"\n', "p = 0.43\n", "figures[0].p", "expected a non-empty string",
                     id="p-as-number"),
        pytest.param('key = "sirflox_pfs_any"\ntrial = "sirflox"',
                     'key = "sirflox_pfs_any"\ntrial = "sirflux"', "figures[0].trial",
                     "unknown trial", id="unknown-trial"),
        pytest.param('overall_figures = ["sirflox_pfs_liver"]',
                     'overall_figures = ["sirflox_pfs_livr"]', "figures[5].overall_figures",
                     "sirflox_pfs_livr", id="unknown-overall-figure"),
        pytest.param('overall_figures = ["sirflox_pfs_liver"]\n', "",
                     "figures[5].overall_figures", "subgroup", id="subgroup-without-overall"),
        pytest.param('key = "epoch_os"', 'key = "epoch_pfs"', "figures[15].key", "duplicate",
                     id="duplicate-figure-key"),
        pytest.param('unit = "%"\np = ".113"', 'unit = "percent"\np = ".113"',
                     "figures[2].unit", "months", id="bad-unit"),
        pytest.param("ci_high = 1.12\n", "ci_high = 0.92\n", "figures[0].ci_low",
                     "does not contain", id="ci-excludes-hr"),
        pytest.param("ci_high = 1.12\n", "", "figures[0].ci_high", "both", id="half-a-ci"),
        pytest.param("patients = 530\n", "", "trials.sirflox.patients", "missing",
                     id="trial-field-dropped"),
        pytest.param("patients = 530\n", "patients = 530.0\n", "trials.sirflox.patients",
                     "expected an integer", id="patients-as-float"),
        pytest.param("patients = 267 }", "patients = 268 }", "trials.sirflox.arms", "add up",
                     id="arm-counts-disagree"),
        pytest.param('reference = "epoch_2021"\ndescription',
                     'reference = "epoch2021"\ndescription', "trials.epoch.reference",
                     "unknown reference", id="trial-unknown-reference"),
        pytest.param('pmid = "26903575"\n', 'pmid = 26903575\n', "references.sirflox.pmid",
                     "expected a non-empty string", id="pmid-as-integer"),
        pytest.param('journal = "Lancet Oncol"\n', "", "references.combined_2017.journal",
                     "missing", id="reference-field-dropped"),
        pytest.param('journal = "Lancet Oncol"\n', 'journal = "Lancet Oncol"\nurl = "x"\n',
                     "references.combined_2017.url", "unknown field", id="unknown-reference-field"),
        pytest.param('    "timing",\n    "ras_status",\n', '    "ras_status",\n    "timing",\n',
                     "framework_order", "in this order", id="framework-order"),
        pytest.param("[framework.ecog]", "[framework.performance_status]",
                     "framework.performance_status", "unknown factor", id="framework-key"),
        pytest.param('favours = "0–1"\n', "", "framework.ecog.favours", "missing",
                     id="framework-wording-dropped"),
        pytest.param('evidence_figures = ["sirflox_orr_any", "sirflox_orr_liver"]',
                     'evidence_figures = ["sirflox_orr"]', "framework.treatment_goal."
                     "evidence_figures", "sirflox_orr", id="framework-unknown-figure"),
        pytest.param("[gaps.therasphere]", "[gaps.glass_spheres]", "gaps.glass_spheres",
                     "unknown gap", id="gap-key"),
        pytest.param("[alerts.bilirubin_high]", "[alerts.bilirubin]", "alerts.bilirubin",
                     "unknown alert", id="alert-key"),
        pytest.param('references = ["eanm_2022"]\n\n[alerts.bilirubin_high]',
                     'references = ["eanm"]\n\n[alerts.bilirubin_high]',
                     "alerts.lung_dose_high.references", "unknown reference",
                     id="alert-unknown-reference"),
        pytest.param("reviewed_on = 2026-11-29\n", 'reviewed_on = "2026-11-29"\n',
                     "reviewed_on", "date", id="review-date-as-string"),
        pytest.param("schema = 2\n", "schema = 3\n", "schema", "unsupported", id="schema"),
        pytest.param('schema = 2\nversion = "2026.11.3"\n', "schema = 2\n", "version", "missing",
                     id="version-dropped"),
        pytest.param("schema = 2\n", "schema = 2\ncolour = \"red\"\n", "colour",
                     "unknown field", id="unknown-top-level-key"),
        # --- second release: changes, references, figures ---
        pytest.param('schema = 2\nversion = "2026.11.3"\n', 'schema = 2\nversion = "2026.11.4"\n',
                     "changes", "2026.11.4", id="changes-miss-this-version"),
        pytest.param('version = "2026.11.3"\ndate = 2026-11-29\n',
                     'version = "2026.11.3"\ndate = 2026-11-30\n', "changes[0].date",
                     "after the review date", id="change-after-review"),
        pytest.param('label = "S2"\n', 'label = "S1"\n', "references.sirflox_registry.label",
                     "already used", id="duplicate-source-label"),
        pytest.param('label = "E3"\n', 'label = "e3"\n', "references.epoch_interview.label",
                     "well-formed label", id="bad-source-label"),
        pytest.param('title = "FOXFIRE registry text"\n', "",
                     "references.foxfire_registry.title", "registry reference needs it",
                     id="registry-without-title"),
        pytest.param('kind = "registry"\ntitle = "SIRFLOX registry text"',
                     'kind = "poster"\ntitle = "SIRFLOX registry text"',
                     "references.sirflox_registry.kind", "conference", id="unknown-reference-kind"),
        pytest.param('shown_with = ["combined_2017_extrahepatic_progression"]\n', "",
                     "figures[9].shown_with", "must name", id="one-sided-pairing"),
        pytest.param('shown_with = ["combined_2017_extrahepatic_progression"]',
                     'shown_with = ["combined_2017_extrahepatic_progresion"]',
                     "figures[8].shown_with", "unknown figure", id="shown-with-unknown"),
        pytest.param("co_primary = true\nsubgroup = false\npost_hoc = false\nexperimental_arm = "
                     '"TARE (TheraSphere) + chemotherapy"\nexperimental_value = 9.1',
                     "subgroup = false\npost_hoc = false\nexperimental_arm = "
                     '"TARE (TheraSphere) + chemotherapy"\nexperimental_value = 9.1',
                     "figures[13].co_primary", "all co-primary", id="lone-co-primary"),
        pytest.param('p = ".0013"\np_one_sided = true\n', "p_one_sided = true\n",
                     "figures[12].p_one_sided", "needs the P value", id="one-sided-without-p"),
        # --- claims and wording ---
        pytest.param('status = "not_supported"', 'status = "clinical_reasoning"',
                     "framework.ras_status.claims.favours.status", "not_supported",
                     id="claim-status-against-contract"),
        pytest.param('criterion = "RAS mutant"\n', 'criterion = "RAS-mutant tumours"\n',
                     "framework.ras_status.claims.favours.criterion", "not part of the framework",
                     id="criterion-not-the-frameworks-words"),
        pytest.param("(HR {epoch_os.hr}).\"\n\n[framework.timing.claims.against]",
                     "(HR {epoch_os.hazard}).\"\n\n[framework.timing.claims.against]",
                     "framework.timing.claims.neutral.evidence", "epoch_os.hazard",
                     id="claim-quotes-unknown-part"),
        pytest.param("liver progression HR {combined_2017_liver_progression.hr}), with more "
                     "progression outside the liver (HR "
                     "{combined_2017_extrahepatic_progression.hr}).\"\nsecond_line",
                     "liver progression HR {combined_2017_liver_progression.hr}).\"\nsecond_line",
                     "evidence_context.first_line", "never shown without",
                     id="liver-progression-quoted-alone"),
        pytest.param('later_lines = "{lines} prior systemic lines"',
                     'later_lines = "{count} prior systemic lines"',
                     "framework.timing.findings.later_lines", "{count}",
                     id="finding-placeholder-not-filled"),
        pytest.param('ablation_not_recorded = "ablation suitability not recorded"\n', "",
                     "framework.liver_lesions.findings.ablation_not_recorded", "missing",
                     id="finding-key-dropped"),
        pytest.param('unassessed = "The RAS status is needed to place this factor"\n',
                     'unassessed = "The RAS status is needed to place this factor"\n'
                     'against = "x"\n', "framework.ras_status.reasons.against",
                     "no rule produces", id="reason-key-no-rule-produces"),
        pytest.param('[claim_statuses.understated]', '[claim_statuses.overstated]',
                     "claim_statuses.overstated", "unknown claim status", id="claim-status-key"),
        # --- alerts ---
        pytest.param('severity = "caution"\nshort = "anti-VEGF',
                     'severity = "contraindication"\nshort = "anti-VEGF',
                     "alerts.anti_vegf_pause.severity", "caution", id="severity-against-contract"),
        pytest.param('short = "anti-VEGF agent to pause before SIRT"',
                     'short = "anti-VEGF agent to resolve first"',
                     "alerts.anti_vegf_pause.short", "resolve first", id="caution-worded-as-stop"),
        pytest.param('sentence = "Not checked: {fields} not recorded"',
                     'sentence = "Not checked: {field} not recorded"',
                     "workup_unchecked.sentence", "{field}", id="not-checked-placeholder"),
        # --- trial populations ---
        pytest.param('[populations.foxfire_global]\n', '[populations.foxfire_globl]\n',
                     "populations.foxfire_globl", "unknown trial population",
                     id="population-key"),
        pytest.param('rule = { kind = "at_most", field = "peripheral_neuropathy_grade", '
                     "value = 1 }",
                     'rule = { kind = "below", field = "peripheral_neuropathy_grade", value = 1 }',
                     "populations.sirflox.criteria[11].rule.kind", "at_least",
                     id="unknown-rule-kind"),
        pytest.param('rule = { kind = "at_most", field = "peripheral_neuropathy_grade", '
                     "value = 1 }",
                     'rule = { kind = "at_most", field = "neuropathy_grade", value = 1 }',
                     "populations.sirflox.criteria[11].rule.field", "not a case field",
                     id="rule-unknown-field"),
        pytest.param('rule = { kind = "at_most", field = "peripheral_neuropathy_grade", '
                     "value = 1 }",
                     'rule = { kind = "at_most", field = "histology", value = 1 }',
                     "populations.sirflox.criteria[11].rule.field", "choice field",
                     id="rule-field-of-the-wrong-kind"),
        pytest.param('rule = { kind = "at_most", field = "peripheral_neuropathy_grade", '
                     "value = 1 }",
                     'rule = { kind = "at_most", field = "peripheral_neuropathy_grade", '
                     'value = "1" }',
                     "populations.sirflox.criteria[11].rule.value", "a number",
                     id="rule-threshold-as-text"),
        pytest.param("max_count = 4, max_size_mm = 10, single_max_mm = 17",
                     "max_count = 4, max_size_mm = 10, size_below_mm = 10, single_max_mm = 17",
                     "populations.sirflox.criteria[6].rule.max_size_mm", "exactly one",
                     id="lung-rule-two-size-limits"),
        pytest.param('{ kind = "adjuvant_interval", months = 6 }',
                     '{ kind = "adjuvant_interval", months = 6, weeks = 2 }',
                     "populations.sirflox.criteria[3].rule.weeks", "not a parameter",
                     id="rule-unknown-parameter"),
        pytest.param('values = ["oxaliplatin_based", "irinotecan_based"]',
                     'values = ["oxaliplatin_based", "FOLFIRI"]',
                     "populations.epoch.criteria[1].rule.values", "FOLFIRI",
                     id="rule-unknown-choice"),
        pytest.param('sources = ["E3"]\nsource_note = "from an investigator interview, a '
                     'secondary source"\n', 'sources = ["E3"]\n',
                     "populations.epoch.criteria[3].source_note", "secondary source",
                     id="secondary-source-not-said"),
        pytest.param('sources = ["G1"]\nrule = { kind = "at_least", field = "age_years"',
                     'sources = ["G2"]\nrule = { kind = "at_least", field = "age_years"',
                     "populations.foxfire_global.criteria[0].sources", "unknown source",
                     id="unknown-source-label"),
        pytest.param("[notes]\n", "[notes]\nextra = \"x\"\n", "notes.extra", "unknown field",
                     id="unknown-notes-key"),
    ],
)  # fmt: skip
def test_malformed_pack_names_the_field(
    tmp_path: Path, old: str, new: str, field: str, problem: str
) -> None:
    message = _load_error(_modified_pack(tmp_path, old, new))
    assert f": {field}: " in message
    assert problem in message


def test_error_carries_field_attribute(tmp_path: Path) -> None:
    path = _modified_pack(tmp_path, "hr = 0.93\n", 'hr = "0.93"\n')
    with pytest.raises(EvidencePackError) as caught:
        load_pack(path)
    assert caught.value.field == "figures[0].hr"
    assert caught.value.source == str(path)


def test_bad_toml(tmp_path: Path) -> None:
    path = tmp_path / "evidence_pack.toml"
    path.write_text(_shipped_text() + "\nthis is = = not toml\n", encoding="utf-8")
    assert "not valid TOML" in _load_error(path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "evidence_pack.toml"
    path.write_bytes(_shipped_text().encode("utf-8").replace("µ".encode(), b"\xb5"))
    assert "UTF-8" in _load_error(path)


def test_missing_file(tmp_path: Path) -> None:
    assert "cannot read" in _load_error(tmp_path / "evidence_pack.toml")


# ---------------------------------------------------------------------------------------
# Trial populations against TRIALS.md (typed by hand: key, sources, rule kind and thresholds)
# ---------------------------------------------------------------------------------------

ADULT = ("at_least", {"field": "age_years", "value": 18})
NAIVE = ("equals", {"field": "prior_systemic_lines", "value": 0})
ECOG_0_1 = ("at_most", {"field": "ecog", "value": 1})
NOT_LOCAL = ("all_false", {"fields": ["resectable", "ablation_suitable"]})
NODES = ("nodal_regions", {"max_regions": 1, "size_below_mm": 20})
LIVER = (
    "all_false",
    {"fields": ["ascites", "cirrhosis", "portal_hypertension", "main_portal_vein_involvement"]},
)
NO_RT = ("is_false", {"field": "prior_upper_abdominal_radiotherapy"})
NO_CANCER = ("is_false", {"field": "other_active_malignancy"})
LIFE = ("is_true", {"field": "life_expectancy_3_months"})

GOLDEN_POPULATIONS = {
    "sirflox": [
        ("adult", ("S1", "S2"), ADULT),
        ("adenocarcinoma", ("S1",), ("one_of", {"field": "histology",
                                                 "values": ["adenocarcinoma"]})),
        ("chemo_naive_metastatic", ("S1", "S2"), NAIVE),
        ("adjuvant_interval", ("S1",), ("adjuvant_interval", {"months": 6})),
        ("performance_status", ("S1", "S2"), ECOG_0_1),
        ("liver_not_curable_locally", ("S2",), NOT_LOCAL),
        ("lung_metastases_limited", ("S1",), ("lung_metastases", {
            "max_count": 4, "max_size_mm": 10, "single_max_mm": 17})),
        ("nodes_one_region", ("S1", "S2"), NODES),
        ("no_other_extrahepatic_site", ("S1", "S2"), ("all_false", {"fields": [
            "bone_metastases", "peritoneal_metastases", "other_extrahepatic_site"]})),
        ("no_liver_contraindication", ("S1", "S2"), LIVER),
        ("no_prior_upper_abdominal_radiotherapy", ("S1", "S2"), NO_RT),
        ("neuropathy_grade_1_or_less", ("S1", "S2"), ("at_most", {
            "field": "peripheral_neuropathy_grade", "value": 1})),
        ("no_other_cancer", ("S1",), NO_CANCER),
        ("life_expectancy", ("S1", "S2"), LIFE),
    ],
    "foxfire": [
        ("adult", ("F1",), ADULT),
        ("chemo_naive_metastatic", ("F1",), NAIVE),
        ("performance_status", ("F1", "F3"), ECOG_0_1),
        ("liver_not_curable_locally", ("F1", "F3"), NOT_LOCAL),
        ("lung_metastases_limited", ("F3",), ("lung_metastases", {
            "max_count": 5, "max_size_mm": 10})),
        ("one_other_site_at_most", ("F1",), ("extrahepatic_site_count", {"max_sites": 1})),
        ("no_bone_metastases", ("F1",), ("is_false", {"field": "bone_metastases"})),
        ("no_liver_contraindication", ("F1",), LIVER),
        ("no_prior_upper_abdominal_radiotherapy", ("F1",), NO_RT),
        ("no_other_cancer", ("F1",), NO_CANCER),
        ("albumin", ("F3",), ("at_least", {"field": "albumin_g_dl", "value": 3.0})),
        ("life_expectancy", ("F1",), LIFE),
    ],
    "foxfire_global": [
        ("adult", ("G1",), ADULT),
        ("chemo_naive_metastatic", ("G1",), NAIVE),
        ("performance_status", ("G1",), ECOG_0_1),
        ("liver_not_curable_locally", ("G1",), NOT_LOCAL),
        ("lung_metastases_limited", ("G1",), ("lung_metastases", {
            "max_count": 5, "size_below_mm": 10, "single_max_mm": 17})),
        ("nodes_one_region", ("G1",), NODES),
        ("no_liver_contraindication", ("G1",), LIVER),
        ("no_prior_liver_radiotherapy", ("G1",), NO_RT),
        ("life_expectancy", ("G1",), LIFE),
    ],
    "epoch": [
        ("second_line", ("E1", "E2"), ("equals", {"field": "prior_systemic_lines", "value": 1})),
        ("first_line_regimen", ("E1",), ("first_line_regimen", {
            "values": ["oxaliplatin_based", "irinotecan_based"]})),
        ("liver_dominant", ("E2",), ("one_of", {"field": "metastatic_pattern",
                                                 "values": ["liver_only", "liver_dominant"]})),
        ("albumin", ("E3",), ("greater_than", {"field": "albumin_g_dl", "value": 3.0})),
    ],
}  # fmt: skip

# trial → the items not checkable (TRIALS.md, "not checkable" rows)
GOLDEN_NOT_CHECKABLE = {
    "sirflox": (["organ function"], ["adequate", "no thresholds are published"]),
    "foxfire": (
        ["bilirubin and creatinine limits", "minimum adjuvant interval"],
        ["1 × the upper limit of normal", "1.5 × the upper limit of normal", "none is published"],
    ),
    "foxfire_global": (["organ function", "adjuvant interval"], ["adequate", "not published"]),
    "epoch": (
        ["performance status, laboratory limits and extrahepatic disease limits"],
        ["Performance status", "bilirubin", "not in the published protocol abstract"],
    ),
}


def test_populations_in_contract_order(pack: EvidencePack) -> None:
    assert [p.key for p in pack.populations] == list(GOLDEN_POPULATIONS)
    assert [p.name for p in pack.populations] == ["SIRFLOX", "FOXFIRE", "FOXFIRE-Global", "EPOCH"]


@pytest.mark.parametrize("trial", list(GOLDEN_POPULATIONS))
def test_population_criteria_match_the_brief(pack: EvidencePack, trial: str) -> None:
    population = pack.population(trial)
    got = [(c.key, c.sources, (c.rule.kind, dict(c.rule.params))) for c in population.criteria]
    assert got == GOLDEN_POPULATIONS[trial]
    items, words = GOLDEN_NOT_CHECKABLE[trial]
    assert [n.item for n in population.not_checkable] == items
    text = " ".join(n.text for n in population.not_checkable)
    for word in words:
        assert word in text
    for criterion in population.criteria:
        assert criterion.wording and criterion.short


def test_source_notes_from_the_brief(pack: EvidencePack) -> None:
    notes = {
        (p.key, c.key): c.source_note for p in pack.populations for c in p.criteria if c.source_note
    }
    assert "only lung and nodal" in notes[("sirflox", "no_other_extrahepatic_site")]
    assert "upper lumbar spine" in notes[("foxfire", "no_prior_upper_abdominal_radiotherapy")]
    assert "within 5 years" in notes[("foxfire", "no_other_cancer")]
    assert "to the liver" in notes[("foxfire_global", "no_prior_liver_radiotherapy")]
    assert "secondary source" in notes[("epoch", "albumin")]
