"""Fixtures for the application layer: a repository per test and a service on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def repository(tmp_path: Path) -> Iterator[Any]:
    """A repository on this test's own database file."""
    from tareaid.store.repository import Repository

    repo = Repository.open(str(tmp_path / "cases.db"))
    yield repo
    repo.close()


@pytest.fixture
def editing(repository: Any) -> Any:
    from tareaid.app.editing import EditingService

    return EditingService(repository)


@pytest.fixture
def notices(editing: Any) -> list[Any]:
    """Every notice the service publishes, in order."""
    seen: list[Any] = []
    editing.notifier.subscribe(seen.append)
    return seen
