"""Fixtures for the tumour-board tests: a repository per test, board cases, patched prompts.

Every modal question the board windows ask goes through tareaid.ui.board.prompts; the
`prompts` fixture replaces each function with a recorder answering from a queue, so no test
can block on a modal, and an unexpected question fails the test.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tareaid.domain.case import Case
from tareaid.ui.board import binding_guard

binding_guard.keep_none_alive()

BOARD_DATE = date(2026, 12, 3)
NAME = "Zoë Ñúñez-Åberg"
MRN = "MRN-778899"
DOB = "1950-03-12"
# The identifiers as a person or a program might write them; none may reach the wall.
IDENTIFIER_FORMS = (
    NAME,
    "Zoë",
    "Ñúñez",
    MRN,
    "778899",
    DOB,
    "12.03.1950",
    "12/03/1950",
    "03/12/1950",
)


# The offscreen platform cannot raise windows; the board raises its windows on purpose.
QT_LOG_IGNORE = (r"This plugin does not support raise\(\)",)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            earlier = item.get_closest_marker("qt_log_ignore")
            patterns = (*(earlier.args if earlier else ()), *QT_LOG_IGNORE)
            item.add_marker(pytest.mark.qt_log_ignore(*patterns), append=False)


def real_store_available() -> bool:
    try:
        from tareaid.store.repository import Repository

        return hasattr(Repository, "agenda")
    except ImportError:
        return False


def board_cases() -> list[Case]:
    """Three cases of one board; the first carries every identifier."""
    return [
        Case(
            reference="BRD-001",
            patient_name=NAME,
            mrn=MRN,
            date_of_birth=date.fromisoformat(DOB),
            board_date=BOARD_DATE,
            metastatic_pattern="liver_only",
            treatment_goal="conversion_to_resection",
            prior_systemic_lines=0,
            ras_status="mutant",
            liver_lesion_count=6,
            bilobar=True,
            ablation_suitable=False,
            ecog=1,
            planned_chemotherapy="FOLFOX",
            planned_biologic="bevacizumab",
            lung_shunt_fraction_pct=12.0,
        ),
        Case(
            reference="BRD-002",
            board_date=BOARD_DATE,
            metastatic_pattern="liver_limited_lung",
            treatment_goal="disease_control",
            prior_systemic_lines=1,
            ras_status="wild_type",
            liver_lesion_count=3,
            bilobar=True,
            ablation_suitable=True,
            ecog=2,
            planned_chemotherapy="FOLFIRI",
        ),
        Case(
            reference="BRD-003",
            board_date=BOARD_DATE,
            metastatic_pattern="extensive_extrahepatic",
            treatment_goal="palliative",
            prior_systemic_lines=3,
            ecog=3,
            bilirubin_mg_dl=2.6,
        ),
    ]


@pytest.fixture
def repository(tmp_path: Path) -> Iterator[Any]:
    """A repository on this test's own database file, holding the three board cases."""
    if real_store_available():
        from tareaid.store.repository import Repository

        repo = Repository.open(str(tmp_path / "board.db"))
    else:
        import _fake_store

        _fake_store.use_store_errors()
        repo = _fake_store.Repository()
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
