"""The storage commands as a user runs them (`python -m tareaid …` in a subprocess), and the
demo cases: idempotent, fictional, and covering every tier, gap and alert of the contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_helpers import FULL_CASE, case_file, run_cli, run_cli_many, sha256

from tareaid.domain.assessment import assess
from tareaid.domain.evidence import load_pack
from tareaid.store.demo_cases import load_demo_cases
from tareaid.store.health import check_database
from tareaid.store.repository import Repository


def test_every_storage_command_and_its_exit_codes(tmp_path):
    """Each command once per exit code it can give, as a real `python -m tareaid` run."""
    db = tmp_path / "data" / "cases.sqlite3"
    good = case_file(tmp_path / "good.json", [FULL_CASE, {"reference": "CRLM-043"}])
    out = tmp_path / "out.json"
    backup = tmp_path / "backup.sqlite3"

    def cli(*args: str):
        return run_cli(*args, db=db, tmp_path=tmp_path)

    demo = cli("demo")
    assert demo.returncode == 0, demo.stderr
    assert "Added 12" in demo.stdout
    assert db.stat().st_mode & 0o777 == 0o600

    imported = cli("import", str(good))
    assert imported.returncode == 0, imported.stderr
    assert "Imported 2 cases" in imported.stdout

    # Independent of each other from here on, so run two at a time.
    (
        listed,
        bad_usage,
        shown,
        not_shown,
        duplicate,
        exported,
        not_exported,
        history,
        no_history,
        backed_up,
        not_archived,
    ) = run_cli_many(
        [
            ("list", "--json"),
            ("list", "--no-such-option"),
            ("show", "DEMO-03", "--json"),
            ("show", "NOPE-9"),
            ("import", str(good)),
            ("export-json", "CRLM-042", "CRLM-043", "-o", str(out)),
            ("export-json", "NOPE-9", "-o", str(tmp_path / "none.json")),
            ("history", "CRLM-042", "--json"),
            ("history", "NOPE-9"),
            ("backup", "-o", str(backup)),
            ("archive", "NOPE-9"),
        ],
        db=db,
        tmp_path=tmp_path,
    )

    # list: a JSON array with the contract's keys.
    assert listed.returncode == 0, listed.stderr
    items = json.loads(listed.stdout)
    assert [i["reference"] for i in items][:3] == ["CRLM-042", "CRLM-043", "DEMO-01"]
    assert len(items) == 14
    demo_1 = items[2]
    assert {"reference", "board_date", "headline", "counts"} <= set(demo_1)
    assert demo_1["board_date"] == "2026-12-03"
    assert set(demo_1["counts"]) == {"favours", "neutral", "against", "unassessed", "outside"}
    assert bad_usage.returncode == 2

    # show: the case in the case format and its assessment; 1 for an unknown reference.
    assert shown.returncode == 0, shown.stderr
    body = json.loads(shown.stdout)
    assert set(body) == {"case", "assessment"}
    assert body["case"]["patient_name"] == "Åsa Ødegård (fictional)"
    assert body["case"]["decision"]["finalised"] is True
    assert body["assessment"]["format"] == "tareaid.assessment/1"
    assert body["assessment"]["reference"] == "DEMO-03"
    assert not_shown.returncode == 1
    assert "no case with reference NOPE-9" in not_shown.stderr
    assert "Traceback" not in not_shown.stderr

    # import: a duplicate is refused by name with 2, and nothing is imported.
    assert duplicate.returncode == 2
    assert "CRLM-042" in duplicate.stderr
    assert "nothing was imported" in duplicate.stderr

    # export-json: the list form, the same JSON as imported; 1 for an unknown reference.
    assert exported.returncode == 0, exported.stderr
    assert json.loads(out.read_text("utf-8")) == json.loads(good.read_text("utf-8"))
    assert out.stat().st_mode & 0o777 == 0o600
    assert not_exported.returncode == 1
    assert not (tmp_path / "none.json").exists()

    # history: the trail as JSON; 1 for an unknown reference.
    assert history.returncode == 0, history.stderr
    (entry,) = json.loads(history.stdout)
    assert entry["action"] == "import"
    assert entry["reason"] == f"imported from {good}"
    assert json.loads(entry["new"]) == FULL_CASE
    assert no_history.returncode == 1

    assert backed_up.returncode == 0, backed_up.stderr
    assert backup.stat().st_mode & 0o777 == 0o600
    assert not_archived.returncode == 1

    archived = cli("archive", "DEMO-02")
    assert archived.returncode == 0, archived.stderr
    copy = check_database(str(backup))
    assert copy.healthy, copy.problems
    assert copy.case_count == 14
    restored = cli("restore", "DEMO-02")
    assert restored.returncode == 0, restored.stderr

    before = sha256(db)
    checked = cli("check")
    assert checked.returncode == 0, checked.stdout
    assert "healthy" in checked.stdout
    assert "14 cases" in checked.stdout
    assert sha256(db) == before  # check never writes


def test_command_variations(cli, tmp_path, backend):
    db = backend
    assert cli("demo", db=db)[0] == 0
    code, out, _ = cli("demo", db=db)
    assert code == 0
    assert "nothing was added" in out
    code, out, _ = cli("list", "--search", "demo-1", db=db)
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["DEMO-10", "DEMO-11", "DEMO-12"]
    code, out, _ = cli("show", "DEMO-02", db=db)
    assert code == 0
    assert "示例 病例 (fictional)" in out
    assert "Headline:" in out
    # A file whose 500th case is invalid: exit 2, the file, case and field named.
    cases = [{"reference": f"BULK-{i:04d}", "ecog": 1} for i in range(1, 1001)]
    cases[499]["ecog"] = 9
    bulk = case_file(tmp_path / "bulk.json", cases)
    code, _, err = cli("import", str(bulk), db=db)
    assert code == 2
    assert "bulk.json" in err and "BULK-0500" in err and "ecog" in err
    assert cli("import", str(tmp_path / "no-such.json"), db=db)[0] == 2
    twice = case_file(tmp_path / "twice.json", [{"reference": "T-1"}, {"reference": "T-1"}])
    code, _, err = cli("import", str(twice), db=db)
    assert code == 2
    assert "T-1" in err and "more than once" in err
    code, out, _ = cli("list", "--json", db=db)
    assert len(json.loads(out)) == 12
    code, _, _ = cli("archive", "DEMO-05", db=db)
    assert code == 0
    code, out, _ = cli("list", "--json", db=db)
    assert "DEMO-05" not in [item["reference"] for item in json.loads(out)]
    code, out, _ = cli("list", "--include-archived", db=db)
    assert "(archived)" in out
    code, out, _ = cli("history", "DEMO-05", db=db)
    assert code == 0
    assert "import" in out and "archive" in out
    code, _, _ = cli("export-json", "-o", str(tmp_path / "all.json"), db=db)
    assert code == 0
    assert len(json.loads((tmp_path / "all.json").read_text("utf-8"))["cases"]) == 11
    code, _, _ = cli("export-json", "--include-archived", "-o", str(tmp_path / "all.json"), db=db)
    assert len(json.loads((tmp_path / "all.json").read_text("utf-8"))["cases"]) == 12
    assert cli("restore", "DEMO-05", db=db)[0] == 0
    with pytest.raises(SystemExit) as usage:
        cli("export-json", db=db)  # -o is required
    assert usage.value.code == 2


def test_commands_that_read_do_not_create_a_database(cli, tmp_path):
    db = tmp_path / "absent.sqlite3"
    for args in (("show", "X"), ("check",), ("export-json", "-o", str(tmp_path / "x.json"))):
        code, out, err = cli(*args, db=db)
        assert code == 1, args
        assert str(db) in out + err
    assert not db.exists()


def test_the_default_database_is_created_in_the_data_directory(cli, private_data_dir):
    code, _, err = cli("demo")
    assert code == 0, err
    default = private_data_dir / "TAREaid" / "tareaid.sqlite3"
    assert default.is_file()
    assert default.stat().st_mode & 0o777 == 0o600
    assert default.parent.stat().st_mode & 0o777 == 0o700


# --- the demo cases ----------------------------------------------------------------------------

# Which tiers each factor can reach by its rules (CONTRACT.md §3): RAS status is never
# against, and only timing and liver lesions have an "outside" branch.
REACHABLE = {
    "metastatic_pattern": {"favours", "neutral", "against", "unassessed"},
    "treatment_goal": {"favours", "neutral", "against", "unassessed"},
    "timing": {"favours", "neutral", "against", "unassessed", "outside"},
    "ras_status": {"favours", "neutral", "unassessed"},
    "liver_lesions": {"favours", "neutral", "against", "unassessed", "outside"},
    "ecog": {"favours", "neutral", "against", "unassessed"},
}
GAPS = {
    "irinotecan_regimen",
    "biologic",
    "checkpoint_inhibitor",
    "kras_g12c_inhibitor",
    "therasphere",
}
ALERTS = {
    "lung_shunt_high",
    "lung_shunt_reduction",
    "lung_dose_needed",
    "lung_dose_high",
    "bilirubin_high",
    "anti_vegf_pause",
}


def _liver_branch(case) -> str:
    """Which of the contract's ordered liver_lesions rules applies (typed from §3)."""
    count = case.liver_lesion_count
    if count is None:
        return "1 count null"
    if count == 0:
        return "2 count 0"
    if count == 1:
        return {True: "3 resectable", None: "3 resectable null", False: "3 not resectable"}[
            case.resectable
        ]
    if case.bilobar is None:
        return "4 bilobar null"
    if case.bilobar is False:
        return "4 unilobar"
    if case.ablation_suitable is None:
        return "5 ablation null"
    if case.ablation_suitable is False:
        return "5 not ablatable"
    return "6 ablatable 2-4" if count <= 4 else "6 ablatable 5+"


def test_the_demo_cases_cover_every_tier_gap_and_alert(tmp_path):
    with Repository.open(str(tmp_path / "demo.sqlite3")) as repository:
        assert repository.add_demo_cases() == 12
        assert repository.add_demo_cases() == 0
        stored = [repository.get_case(s.reference) for s in repository.list_cases()]
    cases = [s.case for s in stored]
    pack = load_pack()
    assessments = [assess(case, pack) for case in cases]
    reached = {key: set() for key in REACHABLE}
    for assessment in assessments:
        for factor in assessment.factors:
            reached[factor.key].add(factor.derived_tier)
    assert reached == REACHABLE
    assert {g.key for a in assessments for g in a.evidence_gaps} == GAPS
    assert {w.key for a in assessments for w in a.workup_alerts} == ALERTS
    assert {_liver_branch(case) for case in cases} == {
        "1 count null",
        "2 count 0",
        "3 resectable",
        "3 resectable null",
        "3 not resectable",
        "4 bilobar null",
        "4 unilobar",
        "5 ablation null",
        "5 not ablatable",
        "6 ablatable 2-4",
        "6 ablatable 5+",
    }
    overridden = [(c.reference, k, o) for c in cases for k, o in c.overrides.items()]
    assert len(overridden) >= 2
    assert all(o.reason.strip() for _, _, o in overridden)
    assert any(c.decision is not None and c.decision.finalised for c in cases)


def test_the_demo_cases_are_clearly_fictional():
    cases = load_demo_cases()
    assert len(cases) == 12
    assert [c.reference for c in cases] == [f"DEMO-{i:02d}" for i in range(1, 13)]
    for case in cases:
        assert case.patient_name is not None and case.patient_name.endswith("(fictional)")
        assert case.mrn is not None and case.mrn.startswith("DEMO-MRN-")
    names = " ".join(c.patient_name or "" for c in cases)
    assert "Zoë" in names
    assert any("\u4e00" <= ch <= "\u9fff" for ch in names)  # a CJK name
    dates = [c.board_date.isoformat() for c in cases if c.board_date]
    assert len(dates) == 12
    assert set(dates) == {"2026-12-03", "2026-12-10"}
    assert dates.count("2026-12-03") > dates.count("2026-12-10") >= 2


def test_the_demo_file_is_in_the_case_format():
    path = Path(__file__).resolve().parents[2] / "resources" / "demo_cases.json"
    document = json.loads(path.read_text("utf-8"))
    assert document["format"] == "tareaid.case/1"
    assert len(document["cases"]) == 12
