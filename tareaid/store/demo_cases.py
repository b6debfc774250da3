"""The fictional demo cases shipped with TAREaid (resources/demo_cases.json)."""

from __future__ import annotations

import importlib.resources

from tareaid.domain.case import Case, parse_case_document
from tareaid.store.errors import StoreEnvironmentError

DEMO_RESOURCE = "demo_cases.json"
# The source the audit trail records for them.
DEMO_SOURCE = "demo cases"


def load_demo_cases() -> list[Case]:
    """The fictional demo cases shipped in resources/demo_cases.json."""
    try:
        data = (importlib.resources.files("tareaid.resources") / DEMO_RESOURCE).read_bytes()
    except (OSError, ModuleNotFoundError) as error:
        raise StoreEnvironmentError(
            f"{DEMO_RESOURCE}: the demo cases are missing from this installation ({error})"
        ) from None
    cases, _ = parse_case_document(data, source=DEMO_RESOURCE)
    return cases
