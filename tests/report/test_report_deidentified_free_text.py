"""Identifiers written into free text, in the many ways people write them, never reach a
de-identified PDF: its extracted text, its metadata or its raw bytes. Free text is left out
by default; asked for, it is printed with every spelling below blanked.

The spellings are typed by hand: a name part of any length, any apostrophe or hyphen, no
accents, other case, the MRN with other separators, the date of birth in every common form.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from report_pdf import Pdf

from tareaid.domain.assessment import assess
from tareaid.domain.case import parse_case
from tareaid.domain.evidence import load_pack
from tareaid.report import ReportOptions, build_report
from tareaid.report.deidentify import REDACTED, Redactor

WITH_FREE_TEXT = ReportOptions(invariant=True, deidentified=True, include_free_text=True)
DEFAULT = ReportOptions(invariant=True, deidentified=True)

PATIENTS = {
    "li-wu": (
        {"patient_name": "Mr Li Wu", "mrn": "123-456", "date_of_birth": "1950-05-05"},
        [
            "Li",
            "LI",
            "Wu",
            "WU",
            "Li Wu",
            "Wu, Li",
            "Mrs Wu",
            "123456",
            "123-456",
            "123 456",
            "123.456",
            "123/456",
            "123–456",  # en dash
            "123—456",  # em dash
            "123‐456",  # hyphen (U+2010)
            "123‑456",  # non-breaking hyphen
            "123−456",  # minus sign
            "123,456",
            "123 ,456",
            "123·456",
            "123\u00a0456",  # no-break space
            "05/05/50",
            "5/5/1950",
            "05-05-1950",
            "5.5.50",
            "1950-05-05",
            "1950/05/05",
            "19500505",
            "May 5th 1950",
            "5th of May 1950",
            "5 May 1950",
            "May 5, 1950",
            "05-May-1950",
            "5th May, 1950",
            "MAY 5TH 1950",
            "May 5, '50",
            "May 5th, ’50",
            "05/05/'50",
        ],
    ),
    "o-brien": (
        {"patient_name": "Seán O'Brien", "mrn": "A12345", "date_of_birth": "1948-03-02"},
        [
            "O'Brien",
            "O’Brien",
            "O‘Brien",
            "OBrien",
            "o'brien",
            "Brien",
            "Seán",
            "Sean",
            "SEAN O'BRIEN",
            "A12345",
            "A 12345",
            "a-12345",
            "3/2/48",
            "03/02/1948",
            "2/3/48",
            "March 2nd 1948",
            "2nd of March 1948",
            "2 Mar 1948",
            "Mar. 2, 1948",
            "Mar. 2nd, '48",
            "1948-03-02",
            "48-03-02",
            "48/3/2",
        ],
    ),
    "yamada": (
        {"patient_name": "山田 太郎", "mrn": "JP-00998877", "date_of_birth": "1962-11-23"},
        [
            "山田 太郎",
            "山田太郎",
            "山田",
            "太郎",
            "ＪＰ-００９９８８７７",
            "JP00998877",
            "jp 00998877",
            "23/11/1962",
            "11/23/62",
            "23rd November 1962",
            "Nov 23 1962",
        ],
    ),
    "nunez": (
        {
            "patient_name": "Zoë Ñúñez-Åberg",
            "mrn": "7788-990",
            "date_of_birth": "1950-03-12",
        },
        [
            "Zoë",
            "Zoe",
            "ZOË",
            "Ñúñez-Åberg",
            "Nunez-Aberg",
            "Ñúñez Åberg",
            "Ñúñez–Åberg",
            "Åberg",
            "Nunez",
            "7788990",
            "7788 990",
            "12.03.1950",
            "March 12th, 1950",
            "12-Mar-50",
        ],
    ),
}

FREE_TEXT_FIELDS = ("notes", "rationale", "dissent", "override")


def test_there_are_at_least_fifty_spellings():
    assert sum(len(spellings) for _, spellings in PATIENTS.values()) >= 50


def _case(identity: dict, text: str):
    data = {
        "reference": "PSEUDO-7",
        **identity,
        "board_date": "2026-12-03",
        "ecog": 1,
        "notes": text,
        "overrides": {"ecog": {"tier": "neutral", "reason": text}},
        "decision": {
            "outcome": "further_workup",
            "rationale": text,
            "dissent": text,
            "attendees": ["Dr K (IR)"],
            "decided_on": "2026-12-03",
        },
    }
    case = parse_case(data)
    return case, assess(case, load_pack())


def _text_of(spellings: list[str]) -> str:
    return "Seen in clinic: " + "; then ".join(spellings) + ". End of note."


def _found(needle: str, haystack: str) -> bool:
    needle = " ".join(unicodedata.normalize("NFKC", needle).split())
    haystack = unicodedata.normalize("NFKC", haystack)
    if re.search(r"[\u3000-\u9fff]", needle):
        return needle in haystack
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack, re.IGNORECASE) is not None


def _absent_everywhere(pdf: Pdf, needle: str) -> None:
    assert not _found(needle, pdf.text), f"{needle!r} in the text"
    for value in pdf.metadata.values():
        assert not _found(needle, value), f"{needle!r} in the metadata"
    if len(needle.encode("utf-8")) >= 6:
        for form in (needle.encode("utf-8"), needle.encode("utf-16-be")):
            assert form not in pdf.data, f"{needle!r} in the raw file"


@pytest.mark.parametrize("patient", list(PATIENTS))
def test_every_spelling_is_blanked_in_every_free_text_field(patient):
    identity, spellings = PATIENTS[patient]
    case, assessment = _case(identity, _text_of(spellings))
    pdf = Pdf(build_report(case, assessment, load_pack(), WITH_FREE_TEXT))
    for needle in spellings:
        _absent_everywhere(pdf, needle)
    # The free text itself is there, in every field, with the markers in it.
    assert pdf.text.count("Seen in clinic:") == len(FREE_TEXT_FIELDS)
    assert pdf.text.count(REDACTED) >= len(FREE_TEXT_FIELDS) * len(spellings) // 2
    assert "End of note." in pdf.text


@pytest.mark.parametrize("patient", list(PATIENTS))
def test_each_spelling_alone_is_blanked(patient):
    identity, spellings = PATIENTS[patient]
    case, _ = _case(identity, "x")
    redact = Redactor(case)
    for needle in spellings:
        assert not _found(needle, redact(f"Note: {needle}, seen."))


@pytest.mark.parametrize("patient", list(PATIENTS))
def test_free_text_is_left_out_by_default(patient):
    identity, spellings = PATIENTS[patient]
    case, assessment = _case(identity, _text_of(spellings))
    pdf = Pdf(build_report(case, assessment, load_pack(), DEFAULT))
    assert "Seen in clinic" not in pdf.text
    assert "free text left out of the de-identified summary" in pdf.text
    for needle in spellings:
        _absent_everywhere(pdf, needle)
    assert "pseudonymised, not anonymous" in pdf.text
    assert "board and decision dates, the age" in pdf.text


def test_a_name_made_of_common_words_leaves_those_words_alone():
    case, _ = _case({"patient_name": "May Will Hope"}, "x")
    redact = Redactor(case)
    text = "We may revisit; the team will hope for a response. May Will Hope agreed."
    assert redact(text) == (
        f"We may revisit; the team will hope for a response. {REDACTED} agreed."
    )
    assert redact("Hope was seen by Will in May") == (
        f"{REDACTED} was seen by {REDACTED} in {REDACTED}"
    )


def test_short_and_cjk_names_are_not_kept_in_free_text():
    case, assessment = _case({"patient_name": "山田 太郎"}, "山田 太郎 " * 20 + "to be seen again.")
    pdf = Pdf(build_report(case, assessment, load_pack(), WITH_FREE_TEXT))
    assert "山田" not in pdf.text and "太郎" not in pdf.text
    assert "to be seen again." in pdf.text


def test_ordinary_words_that_contain_a_name_part_are_kept():
    case, _ = _case({"patient_name": "Li Wu", "mrn": "123-456"}, "x")
    redact = Redactor(case)
    assert redact("liver lesions, Wuhan protocol, 1234567") == (
        "liver lesions, Wuhan protocol, 1234567"
    )
