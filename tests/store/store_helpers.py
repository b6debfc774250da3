"""Helpers for the store tests: sample cases, file hashes, running the CLI."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tareaid.domain.case import Case, parse_case

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = REPO_ROOT / "tests" / "fixtures"
SCHEMA_V1_FIXTURE = FIXTURES / "schema_v1.sqlite3"
# The committed database file of each schema version, by version.
SCHEMA_FIXTURES = {
    int(path.stem.removeprefix("schema_v")): path for path in FIXTURES.glob("schema_v*.sqlite3")
}


def fixture_module(name: str) -> Any:
    """A fixture-building script of tests/fixtures as a module (they import each other)."""
    import importlib

    if str(FIXTURES) not in sys.path:
        sys.path.insert(0, str(FIXTURES))
    return importlib.import_module(name)


# A case with every field of the contract set, including identifying values in accented
# Latin and CJK, overrides and a finalised decision. Typed from CONTRACT.md §2.
FULL_CASE: dict[str, Any] = {
    "reference": "CRLM-042",
    "patient_name": "Zoë Ñúñez-Åberg 示例 (fictional)",
    "mrn": "TEST-MRN-7788",
    "date_of_birth": "1950-03-12",
    "age_years": 76,
    "sex": "female",
    "board_date": "2026-12-03",
    "primary_tumour_side": "right",
    "histology": "adenocarcinoma",
    "metastatic_pattern": "liver_dominant",
    "treatment_goal": "disease_control",
    "prior_systemic_lines": 1,
    "ras_status": "wild_type",
    "braf_status": "v600e",
    "msi_status": "mss",
    "liver_lesion_count": 3,
    "bilobar": True,
    "ablation_suitable": True,
    "resectable": False,
    "largest_lesion_mm": 45,
    "ecog": 2,
    "life_expectancy_3_months": True,
    "lung_metastasis_count": 2,
    "lung_metastasis_max_mm": 8,
    "nodal_regions": 1,
    "nodal_max_mm": 15,
    "bone_metastases": False,
    "peritoneal_metastases": False,
    "other_extrahepatic_site": True,
    "albumin_g_dl": 3.4,
    "ascites": False,
    "cirrhosis": False,
    "portal_hypertension": False,
    "main_portal_vein_involvement": False,
    "prior_adjuvant_chemotherapy": True,
    "adjuvant_ended_on": "2024-05-31",
    "first_line_regimen": "oxaliplatin_based",
    "peripheral_neuropathy_grade": 1,
    "prior_upper_abdominal_radiotherapy": False,
    "other_active_malignancy": False,
    "planned_chemotherapy": "FOLFIRI",
    "planned_biologic": "cetuximab",
    "checkpoint_inhibitor": False,
    "prior_kras_g12c_inhibitor": True,
    "microsphere": "therasphere",
    "lung_shunt_fraction_pct": 12.5,
    "lung_dose_gy": 14.5,
    "bilirubin_mg_dl": 1.1,
    "notes": "Discussed with IR ≥ twice; µ-dose plan ±10%.\nSecond line: 示例.",
    "overrides": {
        "timing": {"tier": "favours", "reason": "Liver-only progression"},
        "ecog": {"tier": "neutral", "reason": "Temporary after surgery"},
    },
    "decision": {
        "outcome": "further_workup",
        "rationale": "Repeat MAA",
        "attendees": ["Dr A (HPB surgery)", "Dr 山田 (IR)"],
        "dissent": "Dr C preferred systemic therapy only",
        "decided_on": "2026-12-03",
        "finalised": True,
    },
}


def make_case(reference: str, **fields: Any) -> Case:
    return parse_case({"reference": reference, **fields})


def full_case(reference: str = "CRLM-042") -> Case:
    return parse_case({**FULL_CASE, "reference": reference})


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def case_file(path: Path, cases: list[dict[str, Any]]) -> Path:
    path.write_text(
        json.dumps({"format": "tareaid.case/1", "cases": cases}, ensure_ascii=False), "utf-8"
    )
    return path


def cli_env(db: Path | str | None, tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["HOME"] = str(tmp_path / "home")
    env["XDG_DATA_HOME"] = str(tmp_path / "home" / ".local" / "share")
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("TAREAID_DB", None)
    if db is not None:
        env["TAREAID_DB"] = str(db)
    return env


def run_cli(
    *args: str, db: Path | str | None, tmp_path: Path, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m tareaid ARGS` in a subprocess with TAREAID_DB pointing at `db`."""
    return subprocess.run(
        [sys.executable, "-m", "tareaid", *args],
        env=cli_env(db, tmp_path),
        cwd=tmp_path,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def run_cli_many(
    commands: list[tuple[str, ...]], *, db: Path | str | None, tmp_path: Path
) -> list[subprocess.CompletedProcess[str]]:
    """Several independent `python -m tareaid` runs, two at a time (start-up dominates)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(run_cli, *args, db=db, tmp_path=tmp_path) for args in commands]
        return [future.result() for future in futures]


def no_backup_beside(path: Path) -> bool:
    """Neither an automatic backup folder (`<name>.backups`) nor a `.bak` copy beside `path`."""
    return not (path.parent / f"{path.name}.backups").exists() and not list(
        path.parent.glob("*.bak")
    )


def scalar(db: str, sql: str) -> Any:
    """One value read from a database (a file path or a server URL), outside TAREaid."""
    from sqlalchemy import create_engine, text

    engine = create_engine(_url(db))
    try:
        with engine.connect() as connection:
            return connection.execute(text(sql)).scalar()
    finally:
        engine.dispose()


def execute(db: str, sql: str) -> None:
    """One statement run on a database (a file path or a server URL), outside TAREaid."""
    from sqlalchemy import create_engine, text

    engine = create_engine(_url(db))
    try:
        with engine.begin() as connection:
            connection.execute(text(sql))
    finally:
        engine.dispose()


def _url(db: str) -> str:
    if "://" in db:
        scheme, rest = db.split("://", 1)
        return f"postgresql+psycopg://{rest}" if scheme in ("postgresql", "postgres") else db
    return f"sqlite:///{db}"
