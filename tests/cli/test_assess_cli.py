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
    assert [a["key"] for a in data["workup_alerts"]] == ["bilirubin_high"]
    assert data["headline"] == (
        "Work-up alert (bilirubin above 2.0 mg/dL) to resolve first; 6 of 6 factors favour "
        "adding TARE, 0 neutral, 0 against; 1 evidence gap."
    )
    assert "Zoë" not in out  # an assessment carries no identifier


def test_assess_table_is_readable_and_never_colour_only(tmp_path, capsys):
    code, out, _ = assess_file(tmp_path, capsys, json.dumps(COMPLETE_CASE))
    assert code == 0
    assert "Case CRLM-001" in out
    assert "7 bilobar lesions, not suitable for ablation" in out
    assert "+ Favours TARE" in out
    assert "not a treatment recommendation" in out


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
        "reason": "ECOG 2: reviews accept 0–2; the first-line trials enrolled 0–1",
        "finding": "ECOG 2",
        "derived_reason": "ECOG 2: reviews accept 0–2; the first-line trials enrolled 0–1",
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
    assert "evidence pack 2026.11.1" in out
