"""A stand-in for a module of modal dialogs: records each call, answers from queued replies.

Every modal the app shows goes through a small module of functions (tareaid.ui.dialogs,
tareaid.ui.board.prompts) so tests can replace them: an unpatched modal would block forever,
and an unexpected question fails the test instead.
"""

from __future__ import annotations

from collections import defaultdict, deque
from types import ModuleType
from typing import Any

import pytest


class ModalRecorder:
    """Replaces the named functions of a dialogs module for one test."""

    def __init__(self, names: tuple[str, ...], *, informational: tuple[str, ...]) -> None:
        self.names = names
        self.informational = informational  # calls that only tell, and need no reply
        self.calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
        self.replies: dict[str, deque[Any]] = defaultdict(deque)

    def install(self, monkeypatch: pytest.MonkeyPatch, module: ModuleType) -> ModalRecorder:
        for name in self.names:
            monkeypatch.setattr(module, name, self._fake(name))
        return self

    def reply(self, name: str, *answers: Any) -> None:
        """Queue answers; a callable answer is called with the dialog's arguments."""
        assert name in self.names, name
        self.replies[name].extend(answers)

    def called(self, name: str) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
        return [(args, kwargs) for call, args, kwargs in self.calls if call == name]

    def _fake(self, name: str) -> Any:
        def fake(*args: Any, **kwargs: Any) -> Any:
            self.calls.append((name, args, kwargs))
            if name in self.informational:
                return None
            if not self.replies[name]:
                raise AssertionError(f"unexpected dialog {name}{args[1:3]}")
            answer = self.replies[name].popleft()
            return answer(*args, **kwargs) if callable(answer) else answer

        return fake
