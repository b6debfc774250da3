"""`tareaid assess`: the contract's JSON, and bad input → exit 2 naming file, case and field."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tareaid.cli import run

COMPLETE_CASE = {
    "reference": "CRLM-001",
    "patient_name": "Zoë Ñúñez",
    "metastatic_pattern": "liver_only",
    "treatment_goal": "conversion_to_resection",
    "prior_systemic_lines": 0,
    "ras_status": "mutant",
    "liver_lesion_count": 7,
    "bilobar": True,
    "ablation_suitable": False,
    "ecog": 1,
    "planned_biologic": "bevacizumab",
    "bilirubin_mg_dl": 2.4,
}


def assess_file(tmp_path, capsys, content: str | bytes, *extra: str) -> tuple[int, str, str]:
    path = tmp_path / "case.json"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    code = run(["assess", str(path), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_assess_json_for_a_complete_case(tmp_path, capsys):
    code, out, err = assess_file(tmp_path, capsys, json.dumps(COMPLETE_CASE), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["format"] == "tareaid.assessment/1"
    assert data["reference"] == "CRLM-001"
    assert [(f["key"], f["tier"]) for f in data["factors"]] == [
        ("metastatic_pattern", "favours"),
        ("treatment_goal", "favours"),
        ("timing", "favours"),
        ("ras_status", "favours"),
        ("liver_lesions", "favours"),
        ("ecog", "favours"),
    ]
    assert data["counts"] == {
        "favours": 6,
        "neutral": 0,
        "against": 0,
        "unassessed": 0,
        "outside": 0,
    }
    assert [g["key"] for g in data["evidence_gaps"]] == ["biologic"]
    assert [(a["key"], a["severity"]) for a in data["workup_alerts"]] == [
        ("bilirubin_high", "contraindication"),
        ("anti_vegf_pause", "caution"),
    ]
    assert data["workup_unchecked"] == ["lung_shunt_fraction_pct"]
    assert data["headline"] == (
        "Contraindication to resolve first: bilirubin above 2.0 mg/dL (34.2 µmol/L); "
        "caution: anti-VEGF agent to pause before SIRT; 6 of 6 factors favour adding TARE, "
        "0 neutral, 0 against; 1 evidence gap; not checked: lung shunt fraction not recorded."
    )
    assert [f["claim_status"] for f in data["factors"]] == [
        "not_shown_by_trials",
        "indirect",
        "contradicted_for_survival",
        "not_supported",
        "clinical_reasoning",
        "consistent_with_trial_eligibility",
    ]
    assert data["evidence_context"].startswith("First-line setting:")
    assert [t["key"] for t in data["trials"]] == ["sirflox", "foxfire", "foxfire_global", "epoch"]
    assert "Zoë" not in out  # an assessment carries no identifier


def test_assess_table_is_readable_and_never_colour_only(tmp_path, capsys):
    code, out, _ = assess_file(tmp_path, capsys, json.dumps(COMPLETE_CASE))
    assert code == 0
    assert "Case CRLM-001" in out
    assert "7 bilobar lesions, not suitable for ablation" in out
    assert "+ Favours TARE" in out
    assert "not a treatment recommendation" in out
    # The second release: claim statuses, severities, checks not done, context, trials.
    out = " ".join(out.split())  # as read, whatever the line wrapping
    assert "not a validated score" in out
    assert "Claim “may benefit more in pooled subgroups”: Not supported." in out
    assert "Evidence status: Not shown by the trials." in out
    assert "- Contraindication, to resolve first: Serum bilirubin above 2.0 mg/dL" in out
    assert "- Caution: Anti-VEGF agent: pause before SIRT." in out
    assert "Not checked: lung shunt fraction not recorded." in out
    assert "Evidence for this setting:" in out
    assert "Resembles the SIRFLOX population on " in out
    assert "Not checkable: Organ function" in out
    assert "eligible" not in out.replace("not eligibility", "")


def test_assess_table_says_not_checked_where_no_alert_is_raised(tmp_path, capsys):
    code, out, _ = assess_file(tmp_path, capsys, json.dumps({"reference": "N-1", "ecog": 1}))
    assert code == 0
    out = " ".join(out.split())
    assert (
        "Work-up alerts: none among the checks made. Not checked: lung shunt fraction and "
        "bilirubin not recorded." in out
    )
    assert "none raised" not in out


def test_assess_table_says_none_raised_only_when_every_check_was_made(tmp_path, capsys):
    case = {"reference": "N-2", "lung_shunt_fraction_pct": 5, "bilirubin_mg_dl": 0.8}
    code, out, _ = assess_file(tmp_path, capsys, json.dumps(case))
    assert code == 0
    out = " ".join(out.split())
    assert "Work-up alerts: none raised." in out
    assert "Not checked" not in out
    assert "none among the checks made" not in out


def test_show_says_not_checked_where_no_alert_is_raised(tmp_path, capsys):
    path = tmp_path / "case.json"
    path.write_text(json.dumps({"reference": "N-3", "ecog": 1}), encoding="utf-8")
    db = tmp_path / "cases.sqlite3"
    assert run(["import", str(path), "--db", str(db)]) == 0
    capsys.readouterr()
    assert run(["show", "N-3", "--db", str(db)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert (
        "Work-up alerts: none among the checks made. Not checked: lung shunt fraction and "
        "bilirubin not recorded." in out
    )
    assert "none raised" not in out


def test_list_form_with_one_case_prints_one_object(tmp_path, capsys):
    document = {"format": "tareaid.case/1", "cases": [{"reference": "A-1"}]}
    code, out, _ = assess_file(tmp_path, capsys, json.dumps(document), "--json")
    assert code == 0
    assert json.loads(out)["reference"] == "A-1"


def test_list_form_with_several_cases_prints_an_array(tmp_path, capsys):
    document = {"format": "tareaid.case/1", "cases": [{"reference": "A-1"}, {"reference": "A-2"}]}
    code, out, _ = assess_file(tmp_path, capsys, json.dumps(document), "--json")
    assert code == 0
    assert [a["reference"] for a in json.loads(out)] == ["A-1", "A-2"]


BAD_INPUTS = [
    # (content, words the message must contain)
    ({"reference": "B-1", "ecgo": 1}, ["case B-1", "field 'ecgo'", "not a known field"]),
    ({"reference": "B-1", "ecog": "1"}, ["case B-1", "field 'ecog'", "expected a whole number"]),
    ({"reference": "B-1", "ecog": 1.5}, ["field 'ecog'"]),
    ({"reference": "B-1", "bilobar": "yes"}, ["field 'bilobar'", "true or false"]),
    ({"reference": "B-1", "bilobar": 1}, ["field 'bilobar'"]),
    ({"reference": "B-1", "age_years": 17}, ["field 'age_years'", "out of range 18–120"]),
    ({"reference": "B-1", "age_years": 121}, ["field 'age_years'"]),
    ({"reference": "B-1", "liver_lesion_count": -1}, ["field 'liver_lesion_count'"]),
    ({"reference": "B-1", "liver_lesion_count": 201}, ["field 'liver_lesion_count'"]),
    ({"reference": "B-1", "lung_shunt_fraction_pct": 100.5}, ["field 'lung_shunt_fraction_pct'"]),
    ({"reference": "B-1", "bilirubin_mg_dl": -0.1}, ["field 'bilirubin_mg_dl'"]),
    ({"reference": "B-1", "prior_systemic_lines": 16}, ["field 'prior_systemic_lines'"]),
    ({"reference": "B-1", "sex": "f"}, ["field 'sex'", "female, male, other, unknown"]),
    ({"reference": "B-1", "planned_chemotherapy": "folfox"}, ["field 'planned_chemotherapy'"]),
    ({"reference": "B-1", "board_date": "03/12/2026"}, ["field 'board_date'", "YYYY-MM-DD"]),
    ({"reference": "B-1", "board_date": "2026-02-30"}, ["field 'board_date'", "calendar date"]),
    ({"reference": "B-1", "date_of_birth": 19500312}, ["field 'date_of_birth'"]),
    ({"reference": ""}, ["field 'reference'", "empty"]),
    ({"reference": "R" * 65}, ["field 'reference'", "at most 64"]),
    ({"ecog": 1}, ["field 'reference'", "required"]),
    ({"reference": 12}, ["field 'reference'", "expected text"]),
    (
        {"reference": "B-1", "overrides": {"ecog": {"tier": "favours"}}},
        ["case B-1", "field 'overrides.ecog.reason'", "reason is required"],
    ),
    (
        {"reference": "B-1", "overrides": {"ecog": {"tier": "favours", "reason": "   "}}},
        ["field 'overrides.ecog.reason'"],
    ),
    (
        {"reference": "B-1", "overrides": {"performance": {"tier": "favours", "reason": "x"}}},
        ["field 'overrides.performance'", "not a factor"],
    ),
    (
        {"reference": "B-1", "overrides": {"ecog": {"tier": "unassessed", "reason": "x"}}},
        ["field 'overrides.ecog.tier'", "favours, neutral, against"],
    ),
    ({"reference": "B-1", "decision": {"outcome": "tare"}}, ["field 'decision.outcome'"]),
    (
        {"reference": "B-1", "decision": {"outcome": "deferred", "attendees": ["Dr A", " "]}},
        ["field 'decision.attendees[1]'", "a name is required"],
    ),
    (
        {"reference": "B-1", "decision": {"outcome": "deferred", "attendees": ["A" * 201]}},
        ["field 'decision.attendees[0]'", "at most 200 allowed"],
    ),
    (
        {"reference": "B-1", "decision": {"outcome": "deferred", "decided_on": "tomorrow"}},
        ["field 'decision.decided_on'"],
    ),
    ({"format": "tareaid.case/2", "cases": []}, ["field 'format'", "tareaid.case/1"]),
    # Values that contradict each other: both fields named (CONTRACT.md §2b).
    (
        {"reference": "B-1", "lung_metastasis_max_mm": 9},
        ["case B-1", "field 'lung_metastasis_max_mm'", "field 'lung_metastasis_count'"],
    ),
    (
        {"reference": "B-1", "nodal_regions": 0, "nodal_max_mm": 12},
        ["case B-1", "field 'nodal_max_mm'", "field 'nodal_regions'"],
    ),
    (
        {
            "reference": "B-1",
            "prior_adjuvant_chemotherapy": False,
            "adjuvant_ended_on": "2025-05-01",
        },
        ["case B-1", "field 'adjuvant_ended_on'", "field 'prior_adjuvant_chemotherapy'"],
    ),
    (
        {"reference": "B-1", "prior_systemic_lines": 0, "first_line_regimen": "irinotecan_based"},
        ["case B-1", "field 'first_line_regimen'", "field 'prior_systemic_lines'"],
    ),
    (
        {
            "reference": "B-1",
            "date_of_birth": "1961-04-17",
            "board_date": "2026-12-03",
            "age_years": 63,
        },
        ["case B-1", "field 'age_years'", "field 'date_of_birth'"],
    ),
    ({"reference": "B-1", "histology": "Adenocarcinoma"}, ["field 'histology'"]),
    ({"reference": "B-1", "lung_dose_gy": -1}, ["field 'lung_dose_gy'", "out of range 0–200 Gy"]),
    (
        {"format": "tareaid.case/1", "cases": [{"reference": "X"}, {"reference": "X"}]},
        ["case X", "field 'reference'", "more than once"],
    ),
    (
        {"format": "tareaid.case/1", "cases": [{"reference": "X"}, {"ecog": 9}]},
        ["case #2", "field 'reference'"],
    ),
]


@pytest.mark.parametrize(("content", "words"), BAD_INPUTS)
def test_bad_case_values_exit_2_naming_file_case_and_field(tmp_path, capsys, content, words):
    code, out, err = assess_file(tmp_path, capsys, json.dumps(content))
    assert code == 2
    assert out == ""
    assert str(tmp_path / "case.json") in err
    for word in words:
        assert word in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ('{"reference": "N-1", "bilirubin_mg_dl": NaN}', ["field 'bilirubin_mg_dl'", "finite"]),
        (
            '{"reference": "N-1", "lung_shunt_fraction_pct": Infinity}',
            ["field 'lung_shunt_fraction_pct'"],
        ),
        ('{"reference": "M-1", "ecog": 1', ["not valid JSON", "line 1"]),
        ('{"reference": "D-1", "ecog": 1, "ecog": 2}', ["field 'ecog'", "twice"]),
        ("", ["empty"]),
        ("   \n", ["empty"]),
        ("[1, 2]", ["expected a case object"]),
        (b'{"reference": "\xff\xfe"}', ["not UTF-8"]),
    ],
)
def test_malformed_files_exit_2(tmp_path, capsys, raw, words):
    code, out, err = assess_file(tmp_path, capsys, raw)
    assert code == 2
    assert out == ""
    for word in words:
        assert word in err
    assert "Traceback" not in err


def test_missing_file_exits_2(tmp_path, capsys):
    code = run(["assess", str(tmp_path / "nope.json")])
    assert code == 2
    assert "no such file" in capsys.readouterr().err


def test_stdin_and_module_entry_point():
    """`python -m tareaid assess -` reads standard input, in a real process."""
    result = subprocess.run(
        [sys.executable, "-m", "tareaid", "assess", "-", "--json"],
        input=json.dumps({"reference": "S-1", "ecog": 2}).encode(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["factors"][5] == {
        "key": "ecog",
        "derived_tier": "neutral",
        "tier": "neutral",
        "overridden": False,
        "reason": "Framework's neutral tier: ECOG 2",
        "finding": "ECOG 2",
        "derived_reason": "Framework's neutral tier: ECOG 2",
        "claim_status": "consistent_with_trial_eligibility",
    }
    bad = subprocess.run(
        [sys.executable, "-m", "tareaid", "assess", "-"],
        input=b'{"reference": "S-2", "ecog": 5}',
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 2
    assert b"<stdin>: case S-2: field 'ecog'" in bad.stderr
    assert b"Traceback" not in bad.stderr


def test_version_names_app_and_evidence_pack(capsys):
    with pytest.raises(SystemExit) as exit_info:
        run(["--version"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "TAREaid 0.1.0" in out
    assert "evidence pack 2026.11.3 (reviewed 2026-11-29)" in out


ASSESSMENT_KEYS = {
    "format",
    "reference",
    "evidence_version",
    "factors",
    "counts",
    "evidence_gaps",
    "workup_alerts",
    "workup_unchecked",
    "evidence_context",
    "trials",
    "headline",
}
FACTOR_KEYS = {
    "key",
    "derived_tier",
    "tier",
    "overridden",
    "reason",
    "finding",
    "derived_reason",
    "claim_status",
}


def _check_assessment_shape(data: dict) -> None:
    """Every key of the `tareaid.assessment/1` object (CONTRACT.md §4, second release)."""
    assert set(data) == ASSESSMENT_KEYS
    assert data["format"] == "tareaid.assessment/1"
    assert [f["key"] for f in data["factors"]] == [
        "metastatic_pattern",
        "treatment_goal",
        "timing",
        "ras_status",
        "liver_lesions",
        "ecog",
    ]
    for factor in data["factors"]:
        assert set(factor) == FACTOR_KEYS
        assert factor["tier"] in ("favours", "neutral", "against", "unassessed", "outside")
        if factor["tier"] in ("unassessed", "outside"):
            assert factor["claim_status"] is None
        else:
            assert isinstance(factor["claim_status"], str)
    assert set(data["counts"]) == {"favours", "neutral", "against", "unassessed", "outside"}
    for gap in data["evidence_gaps"]:
        assert set(gap) == {"key", "text"}
    for alert in data["workup_alerts"]:
        assert set(alert) == {"key", "text", "severity"}
        assert alert["severity"] in ("contraindication", "caution")
    assert all(
        name in ("lung_shunt_fraction_pct", "bilirubin_mg_dl", "lung_dose_gy")
        for name in data["workup_unchecked"]
    )
    assert isinstance(data["evidence_context"], str) and data["evidence_context"]
    assert [t["key"] for t in data["trials"]] == ["sirflox", "foxfire", "foxfire_global", "epoch"]
    for trial in data["trials"]:
        assert set(trial) == {"key", "criteria", "not_checkable", "counts"}
        assert set(trial["counts"]) == {"met", "not_met", "unknown"}
        for criterion in trial["criteria"]:
            assert set(criterion) == {"key", "status", "finding"}
    assert isinstance(data["headline"], str)


GLASS_CASE = {
    "reference": "CRLM-077",
    "patient_name": "Zoë Ñúñez",
    "date_of_birth": "1961-04-17",
    "age_years": 65,
    "board_date": "2026-12-03",
    "metastatic_pattern": "liver_dominant",
    "prior_systemic_lines": 1,
    "first_line_regimen": "oxaliplatin_based",
    "ecog": 1,
    "microsphere": "therasphere",
    "lung_shunt_fraction_pct": 14,
    "lung_dose_gy": 31,
    "albumin_g_dl": 3.1,
    "nodal_regions": 1,
    "nodal_max_mm": 12,
    "overrides": {"ras_status": {"tier": "against", "reason": "Anti-EGFR therapy first"}},
}


def test_assess_json_and_show_json_give_the_same_assessment(tmp_path, capsys):
    code, out, err = assess_file(tmp_path, capsys, json.dumps(GLASS_CASE), "--json")
    assert code == 0, err
    assessed = json.loads(out)
    _check_assessment_shape(assessed)
    assert assessed["workup_unchecked"] == ["bilirubin_mg_dl"]
    assert [(a["key"], a["severity"]) for a in assessed["workup_alerts"]] == [
        ("lung_dose_high", "contraindication")
    ]
    assert assessed["evidence_gaps"] == []  # glass spheres in second line: EPOCH's setting
    assert assessed["factors"][3]["claim_status"] == "clinical_reasoning"  # the override's tier
    assert assessed["trials"][3]["counts"] == {"met": 4, "not_met": 0, "unknown": 0}

    db = tmp_path / "cases.sqlite3"
    assert run(["import", str(tmp_path / "case.json"), "--db", str(db)]) == 0
    capsys.readouterr()
    assert run(["show", "CRLM-077", "--db", str(db), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert set(shown) == {"case", "assessment"}
    _check_assessment_shape(shown["assessment"])
    assert shown["assessment"] == assessed
    # Every field of the file, the second release's included, comes back from the store.
    assert shown["case"] == GLASS_CASE
