"""Fixtures for the tumour-board tests: a repository per test, board cases, patched prompts.

Every modal question the board windows ask goes through tareaid.ui.board.prompts; the
`prompts` fixture replaces each function with a recorder answering from a queue, so no test
can block on a modal, and an unexpected question fails the test.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from board_data import board_cases


@pytest.fixture
def repository(tmp_path: Path) -> Iterator[Any]:
    """A repository on this test's own database file, holding the three board cases."""
    from tareaid.store.repository import Repository

    repo = Repository.open(str(tmp_path / "board.db"))
    repo.import_cases(board_cases())
    yield repo
    repo.close()


class PromptRecorder:
    """Stands in for tareaid.ui.board.prompts: records calls, answers from queued replies."""

    NAMES = (
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

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
        self.replies: dict[str, deque[Any]] = defaultdict(deque)

    def reply(self, name: str, *answers: Any) -> None:
        assert name in self.NAMES, name
        self.replies[name].extend(answers)

    def called(self, name: str) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
        return [(args, kwargs) for call, args, kwargs in self.calls if call == name]

    def make(self, name: str) -> Any:
        def fake(*args: Any, **kwargs: Any) -> Any:
            self.calls.append((name, args, kwargs))
            if name == "show_message":
                return None
            if not self.replies[name]:
                raise AssertionError(f"unexpected prompt {name}{args[1:3]}")
            answer = self.replies[name].popleft()
            return answer(*args, **kwargs) if callable(answer) else answer

        return fake


@pytest.fixture
def prompts(monkeypatch: pytest.MonkeyPatch) -> PromptRecorder:
    from tareaid.ui.board import prompts as module

    recorder = PromptRecorder()
    for name in PromptRecorder.NAMES:
        monkeypatch.setattr(module, name, recorder.make(name))
    return recorder
