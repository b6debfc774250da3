"""The installable package is complete: every Python package and data file is declared."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_python_package_is_declared_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "tareaid").rglob("__init__.py")
    }
    assert found <= declared, f"not declared in pyproject.toml: {sorted(found - declared)}"
    assert "tareaid.resources" in declared


def test_every_resource_file_is_covered_by_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["tareaid.resources"]
    resources = ROOT / "resources"
    for path in resources.rglob("*"):
        if path.is_dir() or path.name == "__init__.py" or "__pycache__" in path.parts:
            continue
        relative = path.relative_to(resources)
        assert any(relative.match(pattern) for pattern in patterns), f"{relative} not shipped"


def _readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [line for line in readme.splitlines() if line.endswith("-m pytest")]
    assert len(commands) == 1, commands
    return commands[0]


def test_ci_runs_exactly_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert _readme_test_command() in ci


def test_the_test_command_installs_with_the_constraints_file():
    assert "-c constraints/test.txt" in _readme_test_command()


def _requirement_name(requirement: str) -> str:
    return re.split(r"[<>=!~ ;\[]", requirement, maxsplit=1)[0].strip().lower()


def test_every_test_tool_is_pinned_to_one_version():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    tools = {_requirement_name(r) for r in config["project"]["optional-dependencies"]["test"]}
    pinned = {}
    for line in (ROOT / "constraints" / "test.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"{line!r} is not pinned with =="
            pinned[name.strip().lower()] = version.strip()
    assert tools <= set(pinned), f"not pinned: {sorted(tools - set(pinned))}"


def test_licence_is_a_pep_639_expression_with_its_files():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = config["project"]
    assert project["license"] == "LicenseRef-Proprietary"
    assert "LICENSE" in project["license-files"]
    requires = config["build-system"]["requires"]
    setuptools = next(r for r in requires if _requirement_name(r) == "setuptools")
    minimum = re.search(r">=\s*(\d+)", setuptools)
    assert minimum is not None and int(minimum.group(1)) >= 77, setuptools


def test_the_shipped_copy_of_the_licence_is_the_licence():
    shipped = ROOT / "resources" / "licenses" / "TAREaid-LICENSE.txt"
    assert shipped.read_bytes() == (ROOT / "LICENSE").read_bytes()


def test_the_schema_revisions_are_shipped():
    # Alembic reads env.py's folder and the revision scripts by path, not as modules.
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["tareaid.store.migrations"]
    folder = ROOT / "tareaid" / "store" / "migrations"
    shipped = []
    for path in sorted(folder.rglob("*")):
        if path.is_dir() or "__pycache__" in path.parts:
            continue
        relative = path.relative_to(folder)
        if len(relative.parts) == 1 and path.suffix == ".py":
            continue  # a module of the package (env.py among them): shipped as such
        assert any(relative.match(pattern) for pattern in patterns), f"{relative} not shipped"
        shipped.append(relative.name)
    assert "script.py.mako" in shipped
    assert any(name.startswith("0001_") for name in shipped)
