"""`tareaid report REF -o FILE.pdf [--deidentified] [--letter] [--invariant] [--db DB]`."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from report_pdf import Pdf
from report_samples import SECOND_LINE, TYPICAL

from tareaid.cli import run


@pytest.fixture
def db(tmp_path, capsys) -> str:
    """A database holding the two sample cases."""
    path = tmp_path / "cases.sqlite3"
    cases = tmp_path / "cases.json"
    cases.write_text(
        json.dumps({"format": "tareaid.case/1", "cases": [TYPICAL, SECOND_LINE]}),
        encoding="utf-8",
    )
    assert run(["import", str(cases), "--db", str(path)]) == 0
    capsys.readouterr()
    return str(path)


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_report_writes_the_pdf(db, out, capsys):
    target = out / "case.pdf"
    code = run(["report", "CRLM-2026-014", "-o", str(target), "--db", db])
    stdout, stderr = capsys.readouterr()
    assert code == 0, stderr
    assert str(target) in stdout
    pdf = Pdf(target.read_bytes())
    assert "Case CRLM-2026-014" in pdf.text
    assert "Zoë Ørsted-Müller" in pdf.text
    assert "HR 0.93 (95% CI 0.77–1.12), P = .43" in pdf.text
    assert target.stat().st_mode & 0o777 == 0o600
    assert float(pdf.reader.pages[0].mediabox.height) == pytest.approx(841.89, abs=0.01)


def test_deidentified_letter_invariant(db, out, capsys):
    first, second = out / "a.pdf", out / "b.pdf"
    for target in (first, second):
        code = run(
            [
                "report",
                "CRLM-2026-021",
                "-o",
                str(target),
                "--deidentified",
                "--letter",
                "--invariant",
                "--db",
                db,
            ]
        )
        assert code == 0, capsys.readouterr().err
    assert first.read_bytes() == second.read_bytes()
    pdf = Pdf(first.read_bytes())
    assert "王小明" not in pdf.text
    assert "H-5521907" not in pdf.text
    assert float(pdf.reader.pages[0].mediabox.width) == pytest.approx(612)
    assert "王小明" not in capsys.readouterr().out


def test_unknown_case_exits_1_and_writes_nothing(db, out, capsys):
    code = run(["report", "NOPE", "-o", str(out / "x.pdf"), "--db", db])
    assert code == 1
    assert "NOPE" in capsys.readouterr().err
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("where", ["folder", "missing-folder"])
def test_bad_output_exits_2_and_writes_nothing(db, out, capsys, where):
    target = out if where == "folder" else out / "missing" / "x.pdf"
    code = run(["report", "CRLM-2026-014", "-o", str(target), "--db", db])
    assert code == 2
    err = capsys.readouterr().err
    assert str(target) in err
    assert "Traceback" not in err
    assert list(out.iterdir()) == []


def test_bad_output_is_refused_before_the_database_is_touched(tmp_path, out, capsys):
    missing_db = tmp_path / "never-created.sqlite3"
    code = run(["report", "X", "-o", str(out), "--db", str(missing_db)])
    assert code == 2
    assert not missing_db.exists()


def test_missing_database_is_not_created(tmp_path, out, capsys):
    missing_db = tmp_path / "never-created.sqlite3"
    code = run(["report", "X", "-o", str(out / "x.pdf"), "--db", str(missing_db)])
    assert code != 0
    assert not missing_db.exists()
    assert list(out.iterdir()) == []


def test_output_option_is_required(capsys):
    with pytest.raises(SystemExit) as exit_info:
        run(["report", "CRLM-2026-014"])
    assert exit_info.value.code == 2


def test_report_command_runs_as_a_program(db, out):
    target = out / "case.pdf"
    command = ["report", "CRLM-2026-014", "-o", str(target), "--db", db]
    result = subprocess.run(
        [sys.executable, "-m", "tareaid", *command],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("unit", "expected"),
    # TYPICAL's bilirubin is 0.8 mg/dL = 13.68 µmol/L (1 mg/dL = 17.1 µmol/L).
    [("mg/dL", "Serum bilirubin 0.8 mg/dL"), ("umol/L", "Serum bilirubin 13.7 µmol/L")],
)
def test_bilirubin_unit(db, out, capsys, unit, expected):
    target = out / "case.pdf"
    code = run(["report", "CRLM-2026-014", "-o", str(target), "--bilirubin-unit", unit, "--db", db])
    assert code == 0, capsys.readouterr().err
    assert expected in Pdf(target.read_bytes()).pages[0]


def test_unknown_bilirubin_unit_is_bad_usage(db, out, capsys):
    with pytest.raises(SystemExit) as exit_info:
        run(["report", "CRLM-2026-014", "-o", str(out / "x.pdf"), "--bilirubin-unit", "g/L"])
    assert exit_info.value.code == 2
    assert list(out.iterdir()) == []
