"""Fixtures for the tumour-board tests: a repository per test, board cases, patched prompts.

Every modal question the board windows ask goes through tareaid.ui.board.prompts; the
`prompts` fixture replaces each function with a recorder answering from a queue, so no test
can block on a modal, and an unexpected question fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from board_data import board_cases
from modal_recorder import ModalRecorder


@pytest.fixture(autouse=True)
def _every_bug_fails_the_test(bugs_fail_the_test: None) -> None:
    """No unexpected-error dialog unless the test asks for `bug_reports`."""


@pytest.fixture(autouse=True)
def _english_interface(qapp: Any) -> None:
    """The interface in English with its plural forms ("1 case", "2 cases"), whatever the
    machine's language; a test of another language installs it itself."""
    from tareaid.ui import i18n

    i18n.install(qapp, i18n.ENGLISH)


@pytest.fixture
def repository(tmp_path: Path) -> Iterator[Any]:
    """A repository on this test's own database file, holding the three board cases."""
    from tareaid.store.repository import Repository

    repo = Repository.open(str(tmp_path / "board.db"))
    repo.import_cases(board_cases())
    yield repo
    repo.close()


@pytest.fixture
def editing(repository: Any) -> Any:
    """The editing service every board window and session of the test goes through."""
    from tareaid.app.editing import EditingService

    return EditingService(repository)


PROMPT_NAMES = (
    "run_dialog",
    "ask_reason",
    "ask_amend_reason",
    "confirm",
    "show_message",
    "choose_folder",
    "choose_save_file",
    "ask_date",
    "pick_case",
    "ask_export_choice",
)


@pytest.fixture
def prompts(monkeypatch: pytest.MonkeyPatch) -> ModalRecorder:
    from tareaid.ui.board import prompts as module

    recorder = ModalRecorder(PROMPT_NAMES, informational=("show_message",))
    return recorder.install(monkeypatch, module)
