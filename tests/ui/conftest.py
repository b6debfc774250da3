"""Fixtures for the desktop UI tests: a database per test, the main window, patched dialogs.

Every modal the application can show goes through tareaid.ui.dialogs; the `dialogs` fixture
replaces each function with a recorder that answers from a queue, so no test can block on a
modal, and a test that expects no dialog fails if one appears.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


class DialogRecorder:
    """Stands in for tareaid.ui.dialogs: records calls, answers from queued replies."""

    NAMES = (
        "ask_text",
        "confirm",
        "show_error",
        "show_info",
        "choose_way_out",
        "choose_open_file",
        "choose_save_file",
        "ask_pdf_options",
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
            if name in ("show_error", "show_info"):
                return None
            if not self.replies[name]:
                raise AssertionError(f"unexpected dialog {name}{args[1:3]}")
            return self.replies[name].popleft()

        return fake


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> DialogRecorder:
    from tareaid.ui import dialogs as module

    recorder = DialogRecorder()
    for name in DialogRecorder.NAMES:
        monkeypatch.setattr(module, name, recorder.make(name))
    return recorder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "cases.db"


@pytest.fixture
def repository(db_path: Path) -> Iterator[Any]:
    """A repository on this test's own database file (another user's view of it)."""
    from tareaid.store.repository import Repository

    repo = Repository.open(str(db_path))
    yield repo
    repo.close()


@pytest.fixture
def other_repository(db_path: Path) -> Iterator[Any]:
    """A second repository on the same database file: another user's TAREaid."""
    from tareaid.store.repository import Repository

    repo = Repository.open(str(db_path))
    yield repo
    repo.close()


@pytest.fixture
def window(qtbot: Any, db_path: Path, repository: Any, dialogs: DialogRecorder) -> Iterator[Any]:
    """The main window on this test's database, shown and exposed."""
    from tareaid.domain.evidence import load_pack
    from tareaid.ui import theme
    from tareaid.ui.app import make_application
    from tareaid.ui.database import open_plainly
    from tareaid.ui.main_window import MainWindow
    from tareaid.ui.settings import Settings

    app = make_application()
    theme.apply_theme(app, "light")
    database = open_plainly(str(db_path))
    main = MainWindow(database, Settings(), load_pack())
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    yield main
    if main.isVisible():
        main.close()
