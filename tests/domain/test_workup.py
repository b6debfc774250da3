"""Work-up alerts, their severities, the checks not done and the glass-sphere evidence gap.

Every expectation is typed by hand from CONTRACT.md §3 (second release) and EVIDENCE.md.
"""

from __future__ import annotations

import itertools

import pytest

from tareaid.domain.assessment import assess, not_checked_text
from tareaid.domain.case import parse_case
from tareaid.domain.evidence import load_pack
from tareaid.domain.units import (
    MG_DL,
    UMOL_L,
    bilirubin_in,
    bilirubin_to_mg_dl,
    format_bilirubin,
)


def assessed(**fields: object):
    return assess(parse_case({"reference": "W-1", **fields}), load_pack())


def alerts(**fields: object) -> list[tuple[str, str]]:
    return [(a.key, a.severity) for a in assessed(**fields).workup_alerts]


SPHERES = ("sir_spheres", "undecided", None, "therasphere")


def _with(microsphere: str | None, **fields: object) -> dict[str, object]:
    return {**fields, **({"microsphere": microsphere} if microsphere else {})}


# --- lung shunt, by microsphere -------------------------------------------------------------

# shunt → alerts for resin, undecided or not recorded (the limit is a shunt percentage)
RESIN_SHUNT = {
    9.9: [],
    10: [("lung_shunt_reduction", "caution")],
    20: [("lung_shunt_reduction", "caution")],
    20.1: [("lung_shunt_high", "contraindication")],
}


@pytest.mark.parametrize("microsphere", ["sir_spheres", "undecided", None])
@pytest.mark.parametrize("shunt", list(RESIN_SHUNT))
def test_lung_shunt_for_resin_undecided_or_unrecorded_spheres(microsphere, shunt):
    fields = _with(microsphere, lung_shunt_fraction_pct=shunt, bilirubin_mg_dl=1.0)
    assert alerts(**fields) == RESIN_SHUNT[shunt]


@pytest.mark.parametrize("shunt", [9.9, 10, 20, 20.1, 45])
def test_glass_spheres_need_the_lung_dose_whatever_the_shunt(shunt):
    # Glass: no shunt alert at any size; with the shunt recorded and no dose, a caution.
    base = {"microsphere": "therasphere", "prior_systemic_lines": 1, "bilirubin_mg_dl": 1.0}
    assert alerts(**base, lung_shunt_fraction_pct=shunt) == [("lung_dose_needed", "caution")]
    assert alerts(**base, lung_shunt_fraction_pct=shunt, lung_dose_gy=12) == []


def test_lung_dose_needed_only_for_glass_with_a_shunt_recorded():
    assert alerts(microsphere="therasphere") == []
    assert alerts(microsphere="therasphere", lung_shunt_fraction_pct=0) == [
        ("lung_dose_needed", "caution")
    ]
    assert alerts(microsphere="sir_spheres", lung_shunt_fraction_pct=5) == []


@pytest.mark.parametrize("microsphere", SPHERES)
@pytest.mark.parametrize(
    ("dose", "expected"),
    [(30, []), (30.1, [("lung_dose_high", "contraindication")]), (0, [])],
)
def test_lung_dose_limit_is_30_gy_for_any_microsphere(microsphere, dose, expected):
    assert alerts(**_with(microsphere, lung_dose_gy=dose)) == expected


def test_a_high_shunt_and_a_high_dose_are_both_contraindications():
    assert alerts(microsphere="sir_spheres", lung_shunt_fraction_pct=22.5, lung_dose_gy=32) == [
        ("lung_shunt_high", "contraindication"),
        ("lung_dose_high", "contraindication"),
    ]


@pytest.mark.parametrize(
    ("bilirubin", "expected"),
    [(2.0, []), (2.01, [("bilirubin_high", "contraindication")]), (0.4, [])],
)
def test_bilirubin_limit(bilirubin, expected):
    assert alerts(bilirubin_mg_dl=bilirubin) == expected


@pytest.mark.parametrize(
    ("biologic", "expected"),
    [
        ("bevacizumab", [("anti_vegf_pause", "caution")]),
        ("cetuximab", []),
        ("panitumumab", []),
        ("none", []),
        ("unknown", []),
        (None, []),
    ],
)
def test_anti_vegf_pause_for_bevacizumab(biologic, expected):
    assert alerts(**({"planned_biologic": biologic} if biologic else {})) == expected


def test_every_alert_in_contract_order_with_its_severity():
    assert alerts(
        lung_shunt_fraction_pct=25,
        lung_dose_gy=31,
        bilirubin_mg_dl=3,
        planned_biologic="bevacizumab",
    ) == [
        ("lung_shunt_high", "contraindication"),
        ("lung_dose_high", "contraindication"),
        ("bilirubin_high", "contraindication"),
        ("anti_vegf_pause", "caution"),
    ]


def test_alert_json_carries_the_severity():
    data = assessed(bilirubin_mg_dl=2.5, planned_biologic="bevacizumab").to_json()
    assert [(a["key"], a["severity"]) for a in data["workup_alerts"]] == [
        ("bilirubin_high", "contraindication"),
        ("anti_vegf_pause", "caution"),
    ]
    assert all(set(a) == {"key", "text", "severity"} for a in data["workup_alerts"])
    # Evidence gaps have no severity.
    assert all(set(g) == {"key", "text"} for g in data["evidence_gaps"])


def test_only_contraindications_are_worded_as_something_to_resolve_first():
    pack = load_pack()
    for key, alert in pack.alerts.items():
        words = f"{alert.title} {alert.short} {alert.text}".lower()
        if alert.severity == "caution":
            assert "resolve" not in words, key
            assert "contraindicat" not in f"{alert.title} {alert.short}".lower(), key


# --- work-up checks not done ---------------------------------------------------------------

SHUNT = "lung_shunt_fraction_pct"
BILI = "bilirubin_mg_dl"
DOSE = "lung_dose_gy"


@pytest.mark.parametrize("microsphere", SPHERES)
@pytest.mark.parametrize(
    ("shunt", "bilirubin", "dose"), list(itertools.product((None, 5), (None, 1.0), (None, 12)))
)
def test_workup_unchecked_lists_each_check_not_done(microsphere, shunt, bilirubin, dose):
    fields = _with(microsphere)
    for name, value in ((SHUNT, shunt), (BILI, bilirubin), (DOSE, dose)):
        if value is not None:
            fields[name] = value
    expected = []
    if shunt is None:
        expected.append(SHUNT)
    if bilirubin is None:
        expected.append(BILI)
    if microsphere == "therasphere" and dose is None:
        expected.append(DOSE)
    assert assessed(**fields).to_json()["workup_unchecked"] == expected


@pytest.mark.parametrize(
    ("fields", "sentence"),
    [
        ({}, "Not checked: lung shunt fraction and bilirubin not recorded"),
        ({SHUNT: 5}, "Not checked: bilirubin not recorded"),
        ({BILI: 1.0}, "Not checked: lung shunt fraction not recorded"),
        ({SHUNT: 5, BILI: 1.0}, ""),
        (
            {"microsphere": "therasphere"},
            "Not checked: lung shunt fraction, bilirubin and lung dose not recorded",
        ),
        (
            {"microsphere": "therasphere", SHUNT: 5, BILI: 1.0},
            "Not checked: lung dose not recorded",
        ),
        ({"microsphere": "therasphere", SHUNT: 5, BILI: 1.0, DOSE: 8}, ""),
    ],
)
def test_the_not_checked_sentence(fields, sentence):
    result = assessed(**fields)
    assert result.not_checked == sentence
    assert not_checked_text(result.workup_unchecked, load_pack()) == sentence


# --- the glass-sphere evidence gap --------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "raised"), [(None, True), (0, True), (1, False), (2, True), (3, True)]
)
def test_therasphere_gap_unless_second_line(lines, raised):
    fields = {"microsphere": "therasphere"}
    if lines is not None:
        fields["prior_systemic_lines"] = lines
    gaps = [g.key for g in assessed(**fields).evidence_gaps]
    assert gaps == (["therasphere"] if raised else [])


@pytest.mark.parametrize("microsphere", ["sir_spheres", "undecided"])
@pytest.mark.parametrize("lines", [None, 0, 1, 2, 3])
def test_no_therasphere_gap_for_other_spheres(microsphere, lines):
    fields = {"microsphere": microsphere}
    if lines is not None:
        fields["prior_systemic_lines"] = lines
    assert assessed(**fields).evidence_gaps == ()


# --- bilirubin in both units ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("mg_dl", "in_mg_dl", "in_umol_l"),
    [
        (2.0, "2.0 mg/dL", "34.2 µmol/L"),  # the threshold, typed from EVIDENCE.md
        (1.0, "1.0 mg/dL", "17.1 µmol/L"),
        (0.7, "0.7 mg/dL", "12.0 µmol/L"),
        (2.01, "2.01 mg/dL", "34.4 µmol/L"),
        (2.6, "2.6 mg/dL", "44.5 µmol/L"),
    ],
)
def test_bilirubin_is_shown_with_its_unit(mg_dl, in_mg_dl, in_umol_l):
    assert format_bilirubin(mg_dl) == in_mg_dl
    assert format_bilirubin(mg_dl, MG_DL) == in_mg_dl
    assert format_bilirubin(mg_dl, UMOL_L) == in_umol_l


def test_a_value_just_above_the_threshold_never_reads_as_the_threshold():
    # 2.001 mg/dL raises the alert; 34.2 µmol/L would read as the limit itself.
    assert format_bilirubin(2.001, UMOL_L) == "34.22 µmol/L"
    assert format_bilirubin(1.999, UMOL_L) == "34.2 µmol/L"


def test_bilirubin_conversion_both_ways():
    assert bilirubin_in(2.0, UMOL_L) == pytest.approx(34.2)
    assert bilirubin_in(2.0, MG_DL) == 2.0
    assert bilirubin_to_mg_dl(34.2, UMOL_L) == pytest.approx(2.0)
    assert bilirubin_to_mg_dl(1.3, MG_DL) == 1.3
    with pytest.raises(ValueError):
        format_bilirubin(1.0, "mmol/L")
    with pytest.raises(ValueError):
        bilirubin_to_mg_dl(1.0, "mg%")
