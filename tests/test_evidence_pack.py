"""The shipped evidence pack against the reviewed brief, and the loader's strictness.

Every expected value below was typed by hand from shared/EVIDENCE.md. None is read back from
the pack: a test that takes its expectation from the data it checks would assert nothing.
"""

from __future__ import annotations

import datetime
import importlib.resources
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
        "sirflox", "sirflox", 21.1, 12.4, "months", None, None, None, ".003", True,
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
        "epoch", "epoch_2021", 8.0, 7.2, "months", 0.69, None, None, None, None,
        False, False, False,
    ),
    "epoch_hepatic_pfs": (
        "epoch", "epoch_2021", 9.1, 7.2, "months", 0.59, None, None, None, None,
        False, False, False,
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
    "kennedy_2017": (None, "29299370", "J Gastrointest Oncol", 2017, "8", "6", "1079–1099"),
    "eanm_2022": (
        "10.1007/s00259-021-05600-z", None, "Eur J Nucl Med Mol Imaging", 2022, "49", "5",
        "1682–1699",
    ),
    "asco_2023": (None, "36252154", "J Clin Oncol", 2023, "41", "3", "678–700"),
    "esmo_2023": (None, "36307056", "Ann Oncol", 2023, "34", "1", "10–32"),
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
    assert pack.version == "2026.11.1"
    assert pack.reviewed_on == datetime.date(2026, 11, 27)
    assert "abstracts" in pack.reviewed_against


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
    [("sirflox", 6), ("combined_2017", 3), ("right_sided_2018", 2), ("epoch", 5)],
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
        ("epoch", "EPOCH", 428, (None, None)),
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
    assert set(pack.references) == {*GOLDEN_REFERENCES, "nice_ipg672"}
    assert "IPG672" in pack.reference("nice_ipg672").citation()


def test_reference_details_from_brief(pack: EvidencePack) -> None:
    assert pack.reference("sirflox").authors.startswith("van Hazel GA")
    assert "34(33):4059" in (pack.reference("sirflox").note or "")  # erratum
    assert pack.reference("combined_2017").pmcid == "PMC5593813"
    assert pack.reference("combined_2017").authors.startswith("Wasan HS")
    right = pack.reference("right_sided_2018")
    assert right.authors == "SIRFLOX and FOXFIRE Global Trial Investigators"
    assert (right.title or "").startswith("Effect of Primary Tumor Side on Survival Outcomes")
    assert "not re-verified" in (right.note or "")
    epoch = pack.reference("epoch_2021")
    assert epoch.registration == "NCT01483027"
    assert "not re-verified" in (epoch.note or "")
    assert pack.reference("eanm_2022").authors.startswith("Weber M")
    assert pack.reference("asco_2023").authors.startswith("Morris VK")
    assert pack.reference("esmo_2023").authors.startswith("Cervantes A")
    assert "level of evidence" in (pack.reference("esmo_2023").note or "")
    # The brief gives no title for these; none may be invented.
    for key in ("sirflox", "combined_2017", "epoch_2021", "kennedy_2017", "asco_2023"):
        assert pack.reference(key).title is None


def test_citation_format(pack: EvidencePack) -> None:
    assert pack.reference("sirflox").citation() == (
        "van Hazel GA, Heinemann V, Sharma NK, et al. J Clin Oncol 2016;34(15):1723–1731. "
        "DOI 10.1200/JCO.2015.66.1181 · PMID 26903575"
    )
    assert pack.reference("kennedy_2017").citation() == (
        "Kennedy A, et al. J Gastrointest Oncol 2017;8(6):1079–1099. PMID 29299370"
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


def test_alert_keys_and_thresholds(pack: EvidencePack) -> None:
    assert list(pack.alerts) == ["lung_shunt_high", "lung_shunt_reduction", "bilirubin_high"]
    high = pack.alerts["lung_shunt_high"].text
    for text in ("20%", "SIR-Spheres", "16.5 mCi", "30 Gy", "50 Gy"):
        assert text in high
    reduction = pack.alerts["lung_shunt_reduction"].text
    for text in ("20%", "10–15%", "40%", "15–20%"):
        assert text in reduction
    bilirubin = pack.alerts["bilirubin_high"].text
    for text in ("2 mg/dL", "34.2 µmol/L", "reversible"):
        assert text in bilirubin
    for flag in pack.alerts.values():
        assert "eanm_2022" in flag.references


def test_notes(pack: EvidencePack) -> None:
    assert "not a treatment recommendation" in pack.disclaimer
    assert "dosimetry" in pack.not_covered
    assert "images" in pack.not_covered
    workup = " ".join(pack.other_workup)
    for text in ("stomach, pancreas or bowel", "0–1", "0–2", "4–6 weeks", "29299370"):
        assert text in workup
    guidelines = " ".join(pack.guidelines)
    for text in ("ASCO", "36252154", "IPG672", "hepatobiliary MDT", "ESMO", "36307056"):
        assert text in guidelines


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
    assert load_pack(path).version == "2026.11.1"


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
        pytest.param('key = "epoch_os"', 'key = "epoch_pfs"', "figures[14].key", "duplicate",
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
                     "alerts.lung_shunt_reduction.references", "unknown reference",
                     id="alert-unknown-reference"),
        pytest.param("reviewed_on = 2026-11-27\n", 'reviewed_on = "2026-11-27"\n',
                     "reviewed_on", "date", id="review-date-as-string"),
        pytest.param("schema = 1\n", "schema = 2\n", "schema", "unsupported", id="schema"),
        pytest.param('version = "2026.11.1"\n', "", "version", "missing", id="version-dropped"),
        pytest.param("schema = 1\n", "schema = 1\ncolour = \"red\"\n", "colour",
                     "unknown field", id="unknown-top-level-key"),
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
