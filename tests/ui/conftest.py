"""Fixtures for the desktop UI tests: a database per test, the main window, patched dialogs.

Every modal the application can show goes through tareaid.ui.dialogs; the `dialogs` fixture
replaces each function with a recorder that answers from a queue, so no test can block on a
modal, and a test that expects no dialog fails if one appears.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
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


DIALOG_NAMES = (
    "ask_text",
    "confirm",
    "show_error",
    "show_info",
    "choose_way_out",
    "choose_open_file",
    "choose_save_file",
    "ask_pdf_options",
    "open_file",
    "choose_backup",
)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> ModalRecorder:
    from tareaid.ui import dialogs as module

    recorder = ModalRecorder(DIALOG_NAMES, informational=("show_error", "show_info", "open_file"))
    return recorder.install(monkeypatch, module)


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
def interface_language() -> str:
    """The language the `window` fixture builds the interface in (a test parametrizes it)."""
    return "en"


@pytest.fixture
def window(
    qtbot: Any, db_path: Path, repository: Any, dialogs: ModalRecorder, interface_language: str
) -> Iterator[Any]:
    """The main window on this test's database, shown and exposed."""
    from tareaid.domain.evidence import load_pack
    from tareaid.ui import i18n, theme
    from tareaid.ui.app import make_application
    from tareaid.ui.database import open_plainly
    from tareaid.ui.main_window import MainWindow
    from tareaid.ui.settings import Settings

    app = make_application()
    i18n.install(app, interface_language)
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
