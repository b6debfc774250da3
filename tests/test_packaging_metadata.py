"""The installable package is complete: every Python package and data file is declared."""

from __future__ import annotations

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
