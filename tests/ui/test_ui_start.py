"""The main window opens on a database and shows its cases."""

from __future__ import annotations


def test_window_lists_cases(window, repository, qtbot):
    repository.add_demo_cases()
    window.model.reload()
    assert window.model.rowCount() >= 3
