"""Keeping a patient's identity out of a de-identified report.

A de-identified report is built from ``Case.deidentified()`` (no name, MRN or date of birth)
and leaves out free-text notes. Other free text printed in the report (override reasons, the
board's rationale and dissent, attendee names, even the case reference) is typed by people
and may mention the patient, so it is passed through a :class:`Redactor` built from the
original identifiers: each occurrence is replaced with a visible marker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from tareaid.domain.case import Case

REDACTED = "[identifier removed]"

# Name particles too common in ordinary words to be removed on their own.
_PARTICLES = frozenset(
    {
        "al",
        "bin",
        "ibn",
        "da",
        "das",
        "de",
        "del",
        "della",
        "den",
        "der",
        "di",
        "do",
        "dos",
        "du",
        "el",
        "la",
        "le",
        "los",
        "van",
        "von",
        "ter",
    }
)


def _date_forms(value: date) -> list[str]:
    """The date as people write it: ISO, day-first and month-first, with / . and -."""
    d, m, y = value.day, value.month, value.year
    forms = {value.isoformat(), f"{y}/{m:02d}/{d:02d}"}
    for day, month in ((d, m), (m, d)):
        for sep in "/.-":
            forms.add(f"{day:02d}{sep}{month:02d}{sep}{y}")
            forms.add(f"{day}{sep}{month}{sep}{y}")
    forms.add(f"{d} {value:%B} {y}")
    forms.add(f"{d} {value:%b} {y}")
    forms.add(f"{value:%B} {d}, {y}")
    return sorted(forms, key=len, reverse=True)


class Redactor:
    """Replaces a patient's name, name parts, MRN and date of birth in free text."""

    def __init__(self, case: Case) -> None:
        exact: list[str] = []  # matched anywhere, ignoring case (CJK names have no spaces)
        words: list[str] = []  # matched as whole words only
        if case.patient_name:
            exact.append(case.patient_name.strip())
            for part in re.split(r"[\s,]+", case.patient_name):
                part = part.strip(".-'’")
                if len(part) >= 3 and part.lower() not in _PARTICLES:
                    words.append(part)
        if case.mrn:
            exact.append(case.mrn.strip())
        if case.date_of_birth:
            exact.extend(_date_forms(case.date_of_birth))
        patterns = [re.escape(text) for text in _longest_first(exact) if text]
        patterns += [rf"(?<!\w){re.escape(word)}(?!\w)" for word in _longest_first(words)]
        self._pattern = re.compile("|".join(patterns), re.IGNORECASE) if patterns else None

    @property
    def active(self) -> bool:
        """Whether there is anything to remove."""
        return self._pattern is not None

    def __call__(self, text: str) -> str:
        if self._pattern is None or not text:
            return text
        return self._pattern.sub(REDACTED, text)


def _longest_first(texts: Iterable[str]) -> list[str]:
    return sorted(set(texts), key=len, reverse=True)


def no_redaction(text: str) -> str:
    """The identity function, for identified reports."""
    return text
