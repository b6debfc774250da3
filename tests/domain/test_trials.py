"""Trial populations: every boundary of TRIALS.md, criterion by criterion.

Each expected status is typed by hand from TRIALS.md ("How the rules read" and the four
trials' tables), never read back from the rules in the evidence pack.
"""

from __future__ import annotations

from datetime import date

import pytest

from tareaid.domain.assessment import assess
from tareaid.domain.case import parse_case
from tareaid.domain.evidence import load_pack
from tareaid.domain.trial_rules import months_before
from tareaid.domain.trials import assess_trials, counts_line

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"


def fits(**fields: object):
    case = parse_case({"reference": "TR-1", **fields})
    return {fit.key: fit for fit in assess_trials(case, load_pack())}


def status(trial: str, criterion: str, **fields: object) -> str:
    return fits(**fields)[trial].criterion(criterion).status


# --- the four trials, their criteria, in order -------------------------------------------------

CRITERIA = {
    "sirflox": [
        "adult",
        "adenocarcinoma",
        "chemo_naive_metastatic",
        "adjuvant_interval",
        "performance_status",
        "liver_not_curable_locally",
        "lung_metastases_limited",
        "nodes_one_region",
        "no_other_extrahepatic_site",
        "no_liver_contraindication",
        "no_prior_upper_abdominal_radiotherapy",
        "neuropathy_grade_1_or_less",
        "no_other_cancer",
        "life_expectancy",
    ],
    "foxfire": [
        "adult",
        "chemo_naive_metastatic",
        "performance_status",
        "liver_not_curable_locally",
        "lung_metastases_limited",
        "one_other_site_at_most",
        "no_bone_metastases",
        "no_liver_contraindication",
        "no_prior_upper_abdominal_radiotherapy",
        "no_other_cancer",
        "albumin",
        "life_expectancy",
    ],
    "foxfire_global": [
        "adult",
        "chemo_naive_metastatic",
        "performance_status",
        "liver_not_curable_locally",
        "lung_metastases_limited",
        "nodes_one_region",
        "no_liver_contraindication",
        "no_prior_liver_radiotherapy",
        "life_expectancy",
    ],
    "epoch": ["second_line", "first_line_regimen", "liver_dominant", "albumin"],
}


def test_four_trials_in_contract_order_with_their_criteria():
    result = fits()
    assert list(result) == ["sirflox", "foxfire", "foxfire_global", "epoch"]
    for key, criteria in CRITERIA.items():
        assert [c.key for c in result[key].criteria] == criteria


def test_an_empty_case_is_unknown_everywhere_except_where_nothing_can_settle_it():
    for fit in fits().values():
        assert {c.status for c in fit.criteria} == {UNKNOWN}
        assert fit.counts == {MET: 0, NOT_MET: 0, UNKNOWN: len(fit.criteria)}


# --- single-field rules --------------------------------------------------------------------


@pytest.mark.parametrize("trial", ["sirflox", "foxfire", "foxfire_global"])
@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"age_years": 18}, MET),
        ({"age_years": 90}, MET),
        ({}, UNKNOWN),
        # adult reads age_years only: a date of birth alone does not settle it.
        ({"date_of_birth": "1950-01-01", "board_date": "2026-12-03"}, UNKNOWN),
    ],
)
def test_adult(trial, fields, expected):
    assert status(trial, "adult", **fields) == expected


@pytest.mark.parametrize(
    ("histology", "expected"),
    [("adenocarcinoma", MET), ("other", NOT_MET), ("unknown", UNKNOWN), (None, UNKNOWN)],
)
def test_adenocarcinoma_and_an_enumerated_unknown(histology, expected):
    fields = {} if histology is None else {"histology": histology}
    assert status("sirflox", "adenocarcinoma", **fields) == expected


# prior_systemic_lines → (first-line trials' chemo_naive_metastatic, EPOCH second_line)
LINES = {
    None: (UNKNOWN, UNKNOWN),
    0: (MET, NOT_MET),
    1: (NOT_MET, MET),
    2: (NOT_MET, NOT_MET),
    3: (NOT_MET, NOT_MET),
}


@pytest.mark.parametrize("lines", list(LINES))
def test_each_prior_lines_value(lines):
    fields = {} if lines is None else {"prior_systemic_lines": lines}
    result = fits(**fields)
    naive, second = LINES[lines]
    for trial in ("sirflox", "foxfire", "foxfire_global"):
        assert result[trial].criterion("chemo_naive_metastatic").status == naive
    assert result["epoch"].criterion("second_line").status == second


@pytest.mark.parametrize(
    ("lines", "regimen", "expected"),
    [
        (0, None, NOT_MET),  # chemo-naive: no first-line regimen was given
        (0, "unknown", NOT_MET),
        (1, "oxaliplatin_based", MET),
        (1, "irinotecan_based", MET),
        (1, "other", NOT_MET),
        (1, "unknown", UNKNOWN),
        (1, None, UNKNOWN),
        (2, "oxaliplatin_based", MET),
        (3, "other", NOT_MET),
        (None, "irinotecan_based", MET),
        (None, None, UNKNOWN),
    ],
)
def test_epoch_first_line_regimen(lines, regimen, expected):
    fields: dict[str, object] = {}
    if lines is not None:
        fields["prior_systemic_lines"] = lines
    if regimen is not None:
        fields["first_line_regimen"] = regimen
    assert status("epoch", "first_line_regimen", **fields) == expected


@pytest.mark.parametrize("trial", ["sirflox", "foxfire", "foxfire_global"])
@pytest.mark.parametrize(
    ("ecog", "expected"), [(0, MET), (1, MET), (2, NOT_MET), (4, NOT_MET), (None, UNKNOWN)]
)
def test_performance_status(trial, ecog, expected):
    fields = {} if ecog is None else {"ecog": ecog}
    assert status(trial, "performance_status", **fields) == expected


@pytest.mark.parametrize(
    ("grade", "expected"), [(0, MET), (1, MET), (2, NOT_MET), (3, NOT_MET), (None, UNKNOWN)]
)
def test_neuropathy_grade(grade, expected):
    fields = {} if grade is None else {"peripheral_neuropathy_grade": grade}
    assert status("sirflox", "neuropathy_grade_1_or_less", **fields) == expected


@pytest.mark.parametrize(
    ("albumin", "foxfire", "epoch"),
    [
        (2.9, NOT_MET, NOT_MET),
        (3.0, MET, NOT_MET),  # FOXFIRE ≥ 3.0; EPOCH > 3.0
        (3.1, MET, MET),
        (None, UNKNOWN, UNKNOWN),
    ],
)
def test_albumin_thresholds(albumin, foxfire, epoch):
    fields = {} if albumin is None else {"albumin_g_dl": albumin}
    result = fits(**fields)
    assert result["foxfire"].criterion("albumin").status == foxfire
    assert result["epoch"].criterion("albumin").status == epoch


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("liver_only", MET),
        ("liver_dominant", MET),
        ("liver_limited_lung", NOT_MET),
        ("extensive_extrahepatic", NOT_MET),
        ("unknown", UNKNOWN),
        (None, UNKNOWN),
    ],
)
def test_epoch_liver_dominant(pattern, expected):
    fields = {} if pattern is None else {"metastatic_pattern": pattern}
    assert status("epoch", "liver_dominant", **fields) == expected


@pytest.mark.parametrize(("value", "expected"), [(True, MET), (False, NOT_MET), (None, UNKNOWN)])
def test_life_expectancy(value, expected):
    fields = {} if value is None else {"life_expectancy_3_months": value}
    for trial in ("sirflox", "foxfire", "foxfire_global"):
        assert status(trial, "life_expectancy", **fields) == expected


@pytest.mark.parametrize(
    ("trial", "criterion", "field"),
    [
        ("sirflox", "no_prior_upper_abdominal_radiotherapy", "prior_upper_abdominal_radiotherapy"),
        ("foxfire", "no_prior_upper_abdominal_radiotherapy", "prior_upper_abdominal_radiotherapy"),
        ("foxfire_global", "no_prior_liver_radiotherapy", "prior_upper_abdominal_radiotherapy"),
        ("sirflox", "no_other_cancer", "other_active_malignancy"),
        ("foxfire", "no_other_cancer", "other_active_malignancy"),
        ("foxfire", "no_bone_metastases", "bone_metastases"),
    ],
)
@pytest.mark.parametrize(("value", "expected"), [(False, MET), (True, NOT_MET), (None, UNKNOWN)])
def test_single_exclusions(trial, criterion, field, value, expected):
    fields = {} if value is None else {field: value}
    assert status(trial, criterion, **fields) == expected


# --- "all false": one true settles it, whatever the others -------------------------------------

LIVER_FIELDS = ("ascites", "cirrhosis", "portal_hypertension", "main_portal_vein_involvement")


@pytest.mark.parametrize("trial", ["sirflox", "foxfire", "foxfire_global"])
def test_liver_contraindications(trial):
    def check(**fields: object) -> str:
        return status(trial, "no_liver_contraindication", **fields)

    assert check(**dict.fromkeys(LIVER_FIELDS, False)) == MET
    for field in LIVER_FIELDS:
        # One true value, the others not recorded: not met, not unknown.
        assert check(**{field: True}) == NOT_MET
        others_false = {f: False for f in LIVER_FIELDS if f != field}
        assert check(**others_false) == UNKNOWN
    assert check() == UNKNOWN


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"bone_metastases": False, "peritoneal_metastases": False,
          "other_extrahepatic_site": False}, MET),
        ({"peritoneal_metastases": True}, NOT_MET),
        ({"other_extrahepatic_site": True, "bone_metastases": False}, NOT_MET),
        ({"bone_metastases": False, "peritoneal_metastases": False}, UNKNOWN),
        ({}, UNKNOWN),
    ],
)  # fmt: skip
def test_sirflox_no_other_extrahepatic_site(fields, expected):
    assert status("sirflox", "no_other_extrahepatic_site", **fields) == expected


@pytest.mark.parametrize("trial", ["sirflox", "foxfire", "foxfire_global"])
@pytest.mark.parametrize(
    ("resectable", "ablatable", "expected"),
    [
        (False, False, MET),
        (True, False, NOT_MET),
        (False, True, NOT_MET),
        (True, None, NOT_MET),
        (None, True, NOT_MET),
        (False, None, UNKNOWN),
        (None, None, UNKNOWN),
    ],
)
def test_liver_not_curable_locally(trial, resectable, ablatable, expected):
    fields = {}
    if resectable is not None:
        fields["resectable"] = resectable
    if ablatable is not None:
        fields["ablation_suitable"] = ablatable
    assert status(trial, "liver_not_curable_locally", **fields) == expected


@pytest.mark.parametrize(
    ("regions", "peritoneal", "other", "expected"),
    [
        (0, False, False, MET),
        (1, False, False, MET),
        (0, True, False, MET),
        (0, False, True, MET),
        (1, True, False, NOT_MET),
        (0, True, True, NOT_MET),
        (2, False, False, NOT_MET),
        (2, None, None, NOT_MET),  # already two sites, whatever the others
        (None, True, True, NOT_MET),
        (1, None, False, UNKNOWN),
        (0, None, None, UNKNOWN),
        (None, False, False, UNKNOWN),
    ],
)
def test_foxfire_one_other_site_at_most(regions, peritoneal, other, expected):
    fields: dict[str, object] = {}
    if regions is not None:
        fields["nodal_regions"] = regions
        if regions:
            fields["nodal_max_mm"] = 12
    if peritoneal is not None:
        fields["peritoneal_metastases"] = peritoneal
    if other is not None:
        fields["other_extrahepatic_site"] = other
    assert status("foxfire", "one_other_site_at_most", **fields) == expected


# --- lung metastases, each trial's rule -----------------------------------------------------

# (count, largest mm) → (SIRFLOX, FOXFIRE, FOXFIRE-Global), typed from TRIALS.md:
#   SIRFLOX: 0; or 1–4 with max ≤ 10; or exactly 1 with max ≤ 17
#   FOXFIRE: count ≤ 5 and (count 0 or max ≤ 10)
#   FOXFIRE-Global: 0; or ≤ 5 with max < 10; or exactly 1 with max ≤ 17
LUNG = {
    (0, None): (MET, MET, MET),
    (1, 9): (MET, MET, MET),
    (1, 10): (MET, MET, MET),
    (1, 11): (MET, NOT_MET, MET),
    (1, 17): (MET, NOT_MET, MET),
    (1, 18): (NOT_MET, NOT_MET, NOT_MET),
    (4, 9): (MET, MET, MET),
    (4, 10): (MET, MET, NOT_MET),
    (4, 11): (NOT_MET, NOT_MET, NOT_MET),
    (5, 9): (NOT_MET, MET, MET),
    (5, 10): (NOT_MET, MET, NOT_MET),
    (5, 11): (NOT_MET, NOT_MET, NOT_MET),
    (6, 9): (NOT_MET, NOT_MET, NOT_MET),
    (6, 10): (NOT_MET, NOT_MET, NOT_MET),
    (6, 11): (NOT_MET, NOT_MET, NOT_MET),
    # A count above the limit is not met without a size; within it, the size decides.
    (1, None): (UNKNOWN, UNKNOWN, UNKNOWN),
    (4, None): (UNKNOWN, UNKNOWN, UNKNOWN),
    (5, None): (NOT_MET, UNKNOWN, UNKNOWN),
    (6, None): (NOT_MET, NOT_MET, NOT_MET),
    (None, None): (UNKNOWN, UNKNOWN, UNKNOWN),
}


@pytest.mark.parametrize(("count", "size"), list(LUNG))
def test_lung_metastases(count, size):
    fields: dict[str, object] = {}
    if count is not None:
        fields["lung_metastasis_count"] = count
    if size is not None:
        fields["lung_metastasis_max_mm"] = size
    result = fits(**fields)
    got = tuple(
        result[trial].criterion("lung_metastases_limited").status
        for trial in ("sirflox", "foxfire", "foxfire_global")
    )
    assert got == LUNG[(count, size)]


def test_an_unknown_lung_criterion_names_the_field_to_fill():
    criterion = fits(lung_metastasis_count=3)["sirflox"].criterion("lung_metastases_limited")
    assert criterion.status == UNKNOWN
    assert criterion.missing_fields == ("lung_metastasis_max_mm",)
    assert criterion.finding == "Lung metastases: 3; Largest lung metastasis: not recorded"


# --- nodal regions (SIRFLOX and FOXFIRE-Global) ---------------------------------------------


@pytest.mark.parametrize("trial", ["sirflox", "foxfire_global"])
@pytest.mark.parametrize(
    ("regions", "size", "expected"),
    [
        (0, None, MET),
        (1, 19, MET),
        (1, 20, NOT_MET),
        (1, None, UNKNOWN),
        (2, 5, NOT_MET),
        (2, None, NOT_MET),
        (None, None, UNKNOWN),
    ],
)
def test_nodes_one_region(trial, regions, size, expected):
    fields: dict[str, object] = {}
    if regions is not None:
        fields["nodal_regions"] = regions
    if size is not None:
        fields["nodal_max_mm"] = size
    assert status(trial, "nodes_one_region", **fields) == expected


# --- the adjuvant interval (SIRFLOX) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("board", "ended", "expected"),
    [
        # Six calendar months before 2026-12-03 is 2026-06-03: exactly six months is not met.
        ("2026-12-03", "2026-06-02", MET),
        ("2026-12-03", "2026-06-03", NOT_MET),
        ("2026-12-03", "2026-06-04", NOT_MET),
        # Clipped to the month's end: six months before 31 August is 28 February…
        ("2026-08-31", "2026-02-27", MET),
        ("2026-08-31", "2026-02-28", NOT_MET),
        ("2026-08-31", "2026-03-01", NOT_MET),
        # …or 29 February in a leap year; and 30 June before 31 December.
        ("2028-08-31", "2028-02-28", MET),
        ("2028-08-31", "2028-02-29", NOT_MET),
        ("2026-12-31", "2026-06-29", MET),
        ("2026-12-31", "2026-06-30", NOT_MET),
        # Across a year boundary.
        ("2027-03-15", "2026-09-14", MET),
        ("2027-03-15", "2026-09-15", NOT_MET),
        # An end date after the board date is not met.
        ("2026-12-03", "2026-12-04", NOT_MET),
        ("2026-12-03", "2026-12-03", NOT_MET),
    ],
)
def test_adjuvant_interval_in_calendar_months(board, ended, expected):
    fields = {"board_date": board, "adjuvant_ended_on": ended}
    # A recorded end date means adjuvant chemotherapy was given, recorded or not.
    assert status("sirflox", "adjuvant_interval", **fields) == expected
    given = {**fields, "prior_adjuvant_chemotherapy": True}
    assert status("sirflox", "adjuvant_interval", **given) == expected


@pytest.mark.parametrize(
    ("fields", "expected", "missing"),
    [
        ({"prior_adjuvant_chemotherapy": False}, MET, ()),
        ({"prior_adjuvant_chemotherapy": False, "board_date": "2026-12-03"}, MET, ()),
        ({"prior_adjuvant_chemotherapy": True, "board_date": "2026-12-03"}, UNKNOWN,
         ("adjuvant_ended_on",)),
        ({"adjuvant_ended_on": "2025-01-10"}, UNKNOWN, ("board_date",)),
        ({"board_date": "2026-12-03"}, UNKNOWN,
         ("prior_adjuvant_chemotherapy", "adjuvant_ended_on")),
        ({}, UNKNOWN, ("prior_adjuvant_chemotherapy", "adjuvant_ended_on")),
    ],
)  # fmt: skip
def test_adjuvant_interval_without_the_dates_it_needs(fields, expected, missing):
    criterion = fits(**fields)["sirflox"].criterion("adjuvant_interval")
    assert criterion.status == expected
    assert criterion.missing_fields == missing


def test_adjuvant_finding_states_the_dates_and_how_they_relate():
    criterion = fits(
        board_date="2026-12-03", prior_adjuvant_chemotherapy=True, adjuvant_ended_on="2026-06-03"
    )["sirflox"].criterion("adjuvant_interval")
    assert criterion.finding == (
        "Prior adjuvant chemotherapy: yes; Adjuvant chemotherapy ended: 2026-06-03; "
        "Tumour board date: 2026-12-03; ended 6 months or less before the board date"
    )


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 12, 3), 6, date(2026, 6, 3)),
        (date(2026, 8, 31), 6, date(2026, 2, 28)),
        (date(2028, 8, 31), 6, date(2028, 2, 29)),
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2027, 1, 15), 6, date(2026, 7, 15)),
    ],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


# --- results as a whole ----------------------------------------------------------------------

# Resembles SIRFLOX on every criterion but ECOG, neuropathy grade and life expectancy.
NEAR_SIRFLOX = {
    "age_years": 66,
    "histology": "adenocarcinoma",
    "prior_systemic_lines": 0,
    "prior_adjuvant_chemotherapy": False,
    "ecog": 2,
    "resectable": False,
    "ablation_suitable": False,
    "lung_metastasis_count": 0,
    "nodal_regions": 0,
    "bone_metastases": False,
    "peritoneal_metastases": False,
    "other_extrahepatic_site": False,
    "ascites": False,
    "cirrhosis": False,
    "portal_hypertension": False,
    "main_portal_vein_involvement": False,
    "prior_upper_abdominal_radiotherapy": False,
    "other_active_malignancy": False,
}


def test_the_summary_sentence_reads_as_in_the_brief():
    result = fits(**NEAR_SIRFLOX)
    sirflox = result["sirflox"]
    assert sirflox.counts == {MET: 11, NOT_MET: 1, UNKNOWN: 2}
    assert sirflox.summary == (
        "Resembles the SIRFLOX population on 11 of 14 criteria; 1 not met (ECOG 2), "
        "2 unknown (neuropathy grade, life expectancy); organ function not checkable."
    )
    assert result["foxfire"].summary == (
        "Resembles the FOXFIRE population on 9 of 12 criteria; 1 not met (ECOG 2), "
        "2 unknown (albumin, life expectancy); bilirubin and creatinine limits and minimum "
        "adjuvant interval not checkable."
    )
    assert result["epoch"].summary == (
        "Resembles the EPOCH population on 0 of 4 criteria; 2 not met (prior systemic lines "
        "0, first-line regimen), 2 unknown (metastatic pattern, albumin); performance status, "
        "laboratory limits and extrahepatic disease limits not checkable."
    )


def test_the_one_line_form_gives_counts_only_and_says_zero():
    # Page 1 of the PDF: one line per trial, by counts; the not-checkable numbers are
    # TRIALS.md's (SIRFLOX 1, FOXFIRE 2, FOXFIRE-Global 2, EPOCH 1).
    pack = load_pack()
    result = fits(**NEAR_SIRFLOX)
    assert counts_line(result["sirflox"], pack.trial_wording) == (
        "Resembles the SIRFLOX population on 11 of 14 criteria; 1 not met, 2 unknown, "
        "1 not checkable."
    )
    assert counts_line(result["foxfire"], pack.trial_wording) == (
        "Resembles the FOXFIRE population on 9 of 12 criteria; 1 not met, 2 unknown, "
        "2 not checkable."
    )
    assert counts_line(result["epoch"], pack.trial_wording) == (
        "Resembles the EPOCH population on 0 of 4 criteria; 2 not met, 2 unknown, 1 not checkable."
    )


def test_each_criterion_that_cannot_be_checked_has_its_reason():
    # TRIALS.md: the reason each listed criterion cannot be checked from case data.
    reasons = {
        population.key: [(item.item, item.reason) for item in population.not_checkable]
        for population in load_pack().populations
    }
    assert reasons == {
        "sirflox": [("organ function", "no thresholds are published")],
        "foxfire": [
            ("bilirubin and creatinine limits", "the limits are laboratory-specific"),
            ("minimum adjuvant interval", "none is published"),
        ],
        "foxfire_global": [
            ("organ function", "no thresholds are published"),
            ("adjuvant interval", "not published"),
        ],
        "epoch": [
            (
                "performance status, laboratory limits and extrahepatic disease limits",
                "not in the published protocol abstract",
            )
        ],
    }


def test_unknown_fields_are_named_and_unknown_is_never_counted_as_met():
    sirflox = fits(**NEAR_SIRFLOX)["sirflox"]
    unknown = {c.key: c.missing_fields for c in sirflox.criteria if c.status == UNKNOWN}
    assert unknown == {
        "neuropathy_grade_1_or_less": ("peripheral_neuropathy_grade",),
        "life_expectancy": ("life_expectancy_3_months",),
    }
    for criterion in sirflox.criteria:
        if criterion.status != UNKNOWN:
            assert criterion.missing_fields == ()


def test_wording_never_says_eligible():
    pack = load_pack()
    texts = [
        text
        for population in pack.populations
        for text in (
            population.name,
            population.setting,
            *(c.wording for c in population.criteria),
            *(n.text for n in population.not_checkable),
        )
    ]
    for fields in ({}, NEAR_SIRFLOX):
        for fit in fits(**fields).values():
            texts += [fit.summary, *(c.finding for c in fit.criteria)]
    for text in texts:
        assert "eligib" not in text.lower(), text


def test_sources_and_the_secondary_source_are_named():
    epoch = fits()["epoch"]
    albumin = epoch.criterion("albumin")
    assert albumin.sources == ("E3",)
    assert "secondary source" in (albumin.source_note or "")
    assert fits()["sirflox"].criterion("adjuvant_interval").sources == ("S1",)
    assert fits()["foxfire"].criterion("one_other_site_at_most").sources == ("F1",)


def test_trials_json_is_the_contract_shape():
    data = assess(parse_case({"reference": "J-1", **NEAR_SIRFLOX}), load_pack()).to_json()
    trials = data["trials"]
    assert [t["key"] for t in trials] == ["sirflox", "foxfire", "foxfire_global", "epoch"]
    for trial in trials:
        assert set(trial) == {"key", "criteria", "not_checkable", "counts"}
        assert set(trial["counts"]) == {"met", "not_met", "unknown"}
        assert sum(trial["counts"].values()) == len(trial["criteria"])
        for criterion in trial["criteria"]:
            assert set(criterion) == {"key", "status", "finding"}
            assert criterion["status"] in ("met", "not_met", "unknown")
            assert criterion["finding"]
        assert all(isinstance(text, str) and text for text in trial["not_checkable"])
    assert trials[0]["criteria"][4] == {
        "key": "performance_status",
        "status": "not_met",
        "finding": "ECOG performance status: 2",
    }
    assert trials[0]["not_checkable"] == [
        "Organ function: “adequate” function is required, but no thresholds are published."
    ]
    assert [len(t["not_checkable"]) for t in trials] == [1, 2, 2, 1]
