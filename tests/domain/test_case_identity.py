"""A case reference is the only identifier on the projector: one that could be taken for
another case's is refused. And bad input never gives a traceback, nor echoes escapes."""

from __future__ import annotations

import json
import unicodedata

import pytest

from tareaid.domain.case import (
    CaseError,
    parse_case,
    parse_case_document,
    reference_identity,
)
from tareaid.errors import TareaidError


@pytest.mark.parametrize(
    "reference",
    [
        "X\rDEMO-01",
        "X\nDEMO-01",
        "DEMO\t01",
        "DEMO-01\u202e",  # right-to-left override
        "\u202eDEMO-01",
        "DEMO\u2066-01\u2069",  # isolate
        "\u200b",  # a zero-width space alone
        "DEMO\u200b-01",
        "DEMO\u200d-01",
        "DEMO\ufeff-01",
        "DEMO\u00ad-01",  # soft hyphen, invisible
        "\x1b[31mDEMO-01",
    ],
)
def test_a_reference_with_an_invisible_or_control_character_is_refused(reference):
    with pytest.raises(CaseError) as caught:
        parse_case({"reference": reference})
    assert caught.value.field_name == "reference"
    assert "\x1b" not in str(caught.value)
    assert "\r" not in str(caught.value)


def test_a_reference_is_stored_in_nfc():
    decomposed = "CAFE\u0301-1"
    case = parse_case({"reference": decomposed})
    assert case.reference == "CAF\u00c9-1"
    assert unicodedata.is_normalized("NFC", case.reference)


@pytest.mark.parametrize(
    "other",
    [
        "DEMO-01",
        "demo-01",
        "Demo-01",
        "DEMO\u201001",  # hyphen U+2010
        "DEMO\u201101",  # non-breaking hyphen
        "DEMO\u221201",  # minus sign
        "DEMO\u201301",  # en dash
        "\uff24\uff25\uff2d\uff2f-01",  # fullwidth letters
        "DEMO-\u2460",  # circled digit one... NFKC "1"
    ],
)
def test_references_that_look_alike_have_one_identity(other):
    assert reference_identity(other).startswith("demo-")
    if other != "DEMO-\u2460":
        assert reference_identity(other) == reference_identity("DEMO-01")


def test_two_normal_forms_of_one_reference_are_one_identity():
    assert reference_identity("CAF\u00c9-1") == reference_identity("CAFE\u0301-1")
    assert reference_identity("STRASSE-1") == reference_identity("straße-1")


def test_a_file_with_two_look_alike_references_is_refused():
    text = json.dumps(
        {
            "format": "tareaid.case/1",
            "cases": [{"reference": "DEMO-01"}, {"reference": "demo\u201001"}],
        }
    )
    with pytest.raises(CaseError) as caught:
        parse_case_document(text, source="cases.json")
    assert "DEMO-01" in str(caught.value)
    assert caught.value.field_name == "reference"


@pytest.mark.parametrize("field", ["notes", "patient_name", "mrn"])
@pytest.mark.parametrize("bad", ["\u202e", "\u2067", "\x07", "\x1b[2J", "\t"])
def test_free_text_gets_no_control_or_bidi_characters(field, bad):
    with pytest.raises(CaseError) as caught:
        parse_case({"reference": "T-1", field: f"before{bad}after"})
    assert caught.value.field_name == field
    assert "\x1b" not in str(caught.value)


def test_free_text_keeps_line_breaks():
    case = parse_case({"reference": "T-1", "notes": "line one\nline two\r\nline three"})
    assert case.notes == "line one\nline two\r\nline three"


# --- 6. bad input never gives a traceback --------------------------------------------------


@pytest.mark.parametrize(
    "document, field",
    [
        ('{"reference": "T-1", "notes": "\\ud800"}', "notes"),
        ('{"reference": "T-1", "patient_name": "a\\udfffb"}', "patient_name"),
        ('{"reference": "\\ud800"}', "reference"),
        (
            '{"reference": "T-1", "decision": {"outcome": "deferred", "rationale": "\\ud83d"}}',
            "decision.rationale",
        ),
        (
            '{"reference": "T-1", "overrides": {"ecog": {"tier": "neutral", "reason": "\\udc00"}}}',
            "overrides.ecog.reason",
        ),
        (
            '{"reference": "T-1", "decision": {"outcome": "deferred", "attendees": ["\\ud800"]}}',
            "decision.attendees[0]",
        ),
    ],
)
def test_a_lone_surrogate_is_refused_with_the_field_named(document, field):
    with pytest.raises(CaseError) as caught:
        parse_case_document(document, source="case.json")
    assert caught.value.field_name == field
    # The message can be printed and encoded.
    str(caught.value).encode("utf-8")


def test_a_lone_surrogate_in_a_key_is_refused():
    with pytest.raises(CaseError) as caught:
        parse_case_document('{"reference": "T-1", "\\ud800": 1}', source="case.json")
    str(caught.value).encode("utf-8")


@pytest.mark.parametrize(
    "field, literal",
    [
        ("ecog", "9" * 5000),
        ("liver_lesion_count", "-" + "9" * 5000),
        ("bilirubin_mg_dl", "9" * 401),
        ("bilirubin_mg_dl", "9" * 401 + ".5"),
        ("lung_shunt_fraction_pct", "1e400"),
        ("albumin_g_dl", "-" + "9" * 401),
    ],
)
def test_a_number_too_long_for_its_field_is_refused_with_the_field_named(field, literal):
    document = '{"reference": "T-1", "' + field + '": ' + literal + "}"
    with pytest.raises(CaseError) as caught:
        parse_case_document(document, source="case.json")
    assert caught.value.field_name == field
    assert len(str(caught.value)) < 400


@pytest.mark.parametrize("attendees", ['""', "0", "false", "{}", '"Dr A"', "true", "1"])
def test_attendees_that_are_not_a_list_are_refused(attendees):
    document = (
        '{"reference": "T-1", "decision": {"outcome": "deferred", "attendees": ' + attendees + "}}"
    )
    with pytest.raises(CaseError) as caught:
        parse_case_document(document, source="case.json")
    assert caught.value.field_name == "decision.attendees"


def test_no_attendees_is_an_empty_list_or_null():
    for attendees in ("[]", "null"):
        document = (
            '{"reference": "T-1", "decision": {"outcome": "deferred", "attendees": '
            + attendees
            + "}}"
        )
        (case,), _ = parse_case_document(document, source="case.json")
        assert case.decision.attendees == ()


@pytest.mark.parametrize(
    "document",
    [
        '{"reference": "T-1", "sex": "\\u001b[31mred"}',
        '{"reference": "T-1", "board_date": "\\u001b]0;title\\u0007"}',
        '{"reference": "T-1", "\\u001b[2Jkey": 1}',
        '{"format": "\\u001b[31m", "cases": []}',
    ],
)
def test_an_error_message_shows_escape_sequences_escaped(document):
    with pytest.raises(CaseError) as caught:
        parse_case_document(document, source="case.json")
    text = str(caught.value)
    assert "\x1b" not in text
    assert "\x07" not in text
    assert "\\x1b" in text


def test_every_error_message_is_escaped():
    error = TareaidError("no case with reference \x1b[31mX\u202e\r")
    assert str(error) == "no case with reference \\x1b[31mX\\u202e\\r"
    assert error.message == str(error)
