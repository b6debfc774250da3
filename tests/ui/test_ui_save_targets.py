"""The save dialogs refuse a database as the file to write, before anything is built."""

from __future__ import annotations

from pathlib import Path

from tareaid.store.repository import Repository
from tareaid.ui import dialogs
from tareaid.ui.board import prompts
from tareaid.ui.qt import QtWidgets


def _database(path: Path) -> Path:
    with Repository.open(str(path)):
        pass
    return path


def test_both_save_dialogs_refuse_a_database_and_its_sidecars(tmp_path, monkeypatch, qtbot):
    db = _database(tmp_path / "cases.sqlite3")
    told: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text, **_k: told.append(text))
    monkeypatch.setattr(prompts, "show_message", lambda _p, _t, text, **_k: told.append(text))
    for aimed in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        monkeypatch.setattr(
            QtWidgets.QFileDialog, "getSaveFileName", lambda *_a, a=aimed: (str(a), "")
        )
        assert dialogs.choose_save_file(None, "Export", "*.pdf") is None
        assert prompts.choose_save_file(None, "Export", "x.pdf", "*.pdf") is None
    assert len(told) == 6
    assert all(str(db) in text for text in told)
    ordinary = tmp_path / "summary.pdf"
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", lambda *_a: (str(ordinary), ""))
    assert dialogs.choose_save_file(None, "Export", "*.pdf") == str(ordinary)
    assert prompts.choose_save_file(None, "Export", "x.pdf", "*.pdf") == ordinary
