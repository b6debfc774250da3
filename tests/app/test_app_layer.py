"""The application layer stays below the UI: no Qt, no ReportLab, nothing from tareaid.ui."""

from __future__ import annotations

import ast
from pathlib import Path

import tareaid.app

FORBIDDEN = ("PySide6", "shiboken6", "reportlab", "tareaid.ui", "tareaid.report", "tareaid.cli")


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_the_app_package_imports_neither_qt_nor_reportlab_nor_the_ui():
    folder = Path(tareaid.app.__file__).parent
    modules = sorted(folder.glob("*.py"))
    assert len(modules) > 1
    for module in modules:
        for name in _imports(module):
            assert not name.startswith(FORBIDDEN), f"{module.name} imports {name}"
