"""A de-identified report holds no name, MRN or date of birth anywhere in the file."""

from __future__ import annotations

import contextlib

import pytest
from report_pdf import Pdf
from report_samples import SECOND_LINE, TYPICAL, long_case, make

from tareaid.domain.evidence import load_pack
from tareaid.report import ReportOptions, build_combined_report, build_report
from tareaid.report.deidentify import REDACTED, Redactor

DEIDENTIFIED = ReportOptions(invariant=True, deidentified=True)
WITH_FREE_TEXT = ReportOptions(invariant=True, deidentified=True, include_free_text=True)

# Typed by hand from the sample cases: the identifiers and the ways they might be written.
TYPICAL_IDENTIFIERS = [
    "Zoë Ørsted-Müller",
    "Ørsted-Müller",
    "Zoë",
    "MRN-884213",
    "884213",
    "1958-03-12",
    "12/03/1958",
    "re-stage after 4 cycles",  # the notes
]
SECOND_LINE_IDENTIFIERS = ["王小明", "H-5521907", "5521907", "1949-11-30"]


def build(data: dict, options: ReportOptions = DEIDENTIFIED) -> bytes:
    case, assessment = make(data)
    return build_report(case, assessment, load_pack(), options)


def encodings(needle: str) -> list[bytes]:
    """The byte forms a string can take in a PDF: UTF-8, UTF-16 (metadata), Latin-1.

    Very short Latin-1 forms are left out: three arbitrary bytes turn up in compressed data
    by chance.
    """
    forms = [needle.encode("utf-8"), needle.encode("utf-16-be")]
    with contextlib.suppress(UnicodeEncodeError):
        latin = needle.encode("latin-1")
        if len(latin) >= 6:
            forms.append(latin)
    return forms


def assert_absent(pdf: Pdf, needle: str) -> None:
    assert needle not in pdf.text, f"{needle!r} in the extracted text"
    for value in pdf.metadata.values():
        assert needle not in value, f"{needle!r} in the metadata"
    for form in encodings(needle):
        assert form not in pdf.data, f"{needle!r} in the raw file"
        for stream in pdf.streams:
            assert form not in stream, f"{needle!r} in a decoded stream"


@pytest.mark.parametrize(
    ("data", "identifiers"),
    [(TYPICAL, TYPICAL_IDENTIFIERS), (SECOND_LINE, SECOND_LINE_IDENTIFIERS)],
    ids=["latin", "cjk"],
)
def test_no_identifier_anywhere_in_the_file(data, identifiers):
    pdf = Pdf(build(data))
    for needle in identifiers:
        assert_absent(pdf, needle)
    assert "De-identified summary" in pdf.text
    assert data["reference"] in pdf.text


def test_the_checks_would_find_the_identifiers_in_an_identified_file():
    # Control: the same searches do find them when the report is identified.
    pdf = Pdf(build(SECOND_LINE, ReportOptions(invariant=True)))
    assert "王小明" in pdf.text
    assert "H-5521907" in pdf.text
    assert "1949-11-30" in pdf.text


def test_notes_are_omitted_and_said_to_be():
    pdf = Pdf(build(TYPICAL))
    assert "Notes omitted in de-identified output" in pdf.text
    assert "CEA 48" not in pdf.text


def test_identifiers_typed_into_other_free_text_are_removed():
    # SECOND_LINE's rationale mentions the patient by name; free text is printed only when
    # asked for.
    pdf = Pdf(build(SECOND_LINE, WITH_FREE_TEXT))
    assert f"({REDACTED} to be seen in clinic)" in pdf.text
    assert "Dr 李娜 (oncology)" in pdf.text  # an attendee's name is not the patient's


def test_metadata_uses_only_the_case_reference():
    pdf = Pdf(build(TYPICAL))
    meta = pdf.metadata
    assert meta["/Title"] == "TAREaid tumour-board summary — CRLM-2026-014"
    assert meta["/Author"] == "TAREaid"
    assert "De-identified" in meta["/Subject"]


def test_maximal_case_de_identified():
    data = long_case()
    pdf = Pdf(build(data))
    for needle in (data["patient_name"][:40], "9" * 64):
        assert_absent(pdf, needle)


def test_combined_de_identified_report_holds_no_identifier():
    items = [make(TYPICAL), make(SECOND_LINE)]
    pdf = Pdf(build_combined_report(items, load_pack(), DEIDENTIFIED))
    for needle in TYPICAL_IDENTIFIERS + SECOND_LINE_IDENTIFIERS:
        assert_absent(pdf, needle)


def test_redactor_removes_name_parts_mrn_and_dates_but_not_particles():
    case, _ = make(
        {
            "reference": "R-1",
            "patient_name": "Maria de la Cruz",
            "mrn": "A-77",
            "date_of_birth": "1950-02-03",
        }
    )
    redact = Redactor(case)
    assert redact("Mrs Cruz, born 03/02/1950, MRN A-77") == (
        f"Mrs {REDACTED}, born {REDACTED}, MRN {REDACTED}"
    )
    assert redact("maria said") == f"{REDACTED} said"
    assert redact("de-escalation of la dose") == "de-escalation of la dose"
    assert redact("Crusade") == "Crusade"  # whole words only


def test_redactor_without_identifiers_changes_nothing():
    case, _ = make({"reference": "R-2"})
    redact = Redactor(case)
    assert not redact.active
    assert redact("anything at all") == "anything at all"
