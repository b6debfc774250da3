"""The case model and its validation against the `tareaid.case/1` file format.

This module owns what a valid case is: every value is checked for type, range and allowed
words, unknown fields are refused (a typo must not silently drop data), and each error names
the file, the case and the field so the user can fix it. Nothing here touches Qt or a database.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

from tareaid.domain.fields import (
    DECISION_OUTCOMES,
    FACTOR_KEYS,
    FIELDS,
    FIELDS_BY_NAME,
    OVERRIDE_TIERS,
    REASON_MAX,
    REFERENCE_MAX,
    FieldSpec,
    Kind,
)
from tareaid.errors import BadInputError, escape_controls

CASE_FORMAT = "tareaid.case/1"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Control characters other than line breaks have no place in clinical text and can break
# terminals, tables and PDFs; bidirectional controls reorder what is shown (a name or a
# value could read as another); lone surrogates are not characters at all.
_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\\x00-\\x09\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f{_BIDI_CONTROLS}]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Dashes that look like the hyphen-minus in a reference.
_DASHES = re.compile("[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d\u058a\u05be\u1806\u2e3a\u2e3b]")
# Integer and number literals longer than this are out of every field's range; longer ones
# are not even converted (Python refuses integers of more than 4,300 digits).
_LITERAL_MAX = 100
_DECISION_KEYS = ("outcome", "rationale", "attendees", "dissent", "decided_on", "finalised")
_ATTENDEE_MAX = 200
_ATTENDEES_MAX = 60


class CaseError(BadInputError):
    """Bad input in a case: says which file, which case and which field, in plain words.

    ``str(error)`` is the whole sentence with the file, case and field; ``message`` is the
    problem alone, for a screen that already shows which field it is about.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str = "",
        case: str = "",
        field_name: str = "",
        related_field: str = "",
    ) -> None:
        where = [source] if source else []
        if case:
            where.append(f"case {case}")
        if field_name:
            where.append(f"field '{field_name}'")
        super().__init__(": ".join([*where, message]))
        # The problem alone (str(error) says where it is), escaped like the whole.
        self.message = escape_controls(message)
        self.source = source
        self.case = case
        self.field_name = field_name
        # The other field of a contradiction (CONTRACT.md §2b): the message names both, and
        # an editor can mark both.
        self.related_field = related_field

    def located(self, *, source: str | None = None, case: str | None = None) -> CaseError:
        """The same error with the file or case filled in by a caller that knows them."""
        return CaseError(
            self.message,
            source=self.source or (source or ""),
            case=self.case or (case or ""),
            field_name=self.field_name,
            related_field=self.related_field,
        )


@dataclass(frozen=True)
class Override:
    """A clinician's tier for one factor, replacing the derived tier, with the reason."""

    tier: str
    reason: str


@dataclass(frozen=True)
class Decision:
    """The tumour board's decision on a case."""

    outcome: str
    rationale: str | None = None
    attendees: tuple[str, ...] = ()
    dissent: str | None = None
    decided_on: date | None = None
    finalised: bool = False


@dataclass(frozen=True)
class Case:
    """One patient's case as the framework sees it; `None` means "not recorded"."""

    reference: str
    patient_name: str | None = None
    mrn: str | None = None
    date_of_birth: date | None = None
    age_years: int | None = None
    sex: str | None = None
    board_date: date | None = None
    primary_tumour_side: str | None = None
    histology: str | None = None
    metastatic_pattern: str | None = None
    treatment_goal: str | None = None
    prior_systemic_lines: int | None = None
    ras_status: str | None = None
    braf_status: str | None = None
    msi_status: str | None = None
    liver_lesion_count: int | None = None
    bilobar: bool | None = None
    ablation_suitable: bool | None = None
    resectable: bool | None = None
    largest_lesion_mm: int | None = None
    ecog: int | None = None
    life_expectancy_3_months: bool | None = None
    lung_metastasis_count: int | None = None
    lung_metastasis_max_mm: int | None = None
    nodal_regions: int | None = None
    nodal_max_mm: int | None = None
    bone_metastases: bool | None = None
    peritoneal_metastases: bool | None = None
    other_extrahepatic_site: bool | None = None
    albumin_g_dl: float | None = None
    ascites: bool | None = None
    cirrhosis: bool | None = None
    portal_hypertension: bool | None = None
    main_portal_vein_involvement: bool | None = None
    prior_adjuvant_chemotherapy: bool | None = None
    adjuvant_ended_on: date | None = None
    first_line_regimen: str | None = None
    peripheral_neuropathy_grade: int | None = None
    prior_upper_abdominal_radiotherapy: bool | None = None
    other_active_malignancy: bool | None = None
    planned_chemotherapy: str | None = None
    planned_biologic: str | None = None
    checkpoint_inhibitor: bool | None = None
    prior_kras_g12c_inhibitor: bool | None = None
    microsphere: str | None = None
    lung_shunt_fraction_pct: float | None = None
    lung_dose_gy: float | None = None
    bilirubin_mg_dl: float | None = None
    notes: str | None = None
    overrides: Mapping[str, Override] = field(default_factory=dict)
    decision: Decision | None = None

    def with_changes(self, **changes: Any) -> Case:
        """A copy with some fields changed, validated like a case read from a file."""
        data = case_to_dict(self)
        for name, value in changes.items():
            if name in FIELDS_BY_NAME:
                data[name] = to_json_value(FIELDS_BY_NAME[name], value)
            elif name == "overrides":
                data[name] = _overrides_to_json(value)
            elif name == "decision":
                data[name] = None if value is None else _decision_to_json(value)
            else:
                raise CaseError("is not a field of a case", case=self.reference, field_name=name)
        return parse_case(data)

    def duplicated_as(self, reference: str) -> Case:
        """A new case under `reference` with this one's data, tiers and overrides.

        The board's decision is not carried over: it was made on the original case, at its
        board, and belongs to that case's record alone.
        """
        return self.with_changes(reference=reference, decision=None)

    def deidentified(self) -> Case:
        """The same case without name, MRN or date of birth."""
        return replace(self, patient_name=None, mrn=None, date_of_birth=None)


_CASE_ATTRS = tuple(f.name for f in fields(Case))
assert _CASE_ATTRS[: len(FIELDS)] == tuple(s.name for s in FIELDS), "Case and FIELDS disagree"


# ---------------------------------------------------------------------------------------------
# Checking single values


def check_value(spec: FieldSpec, value: Any) -> Any:
    """The Python value for a JSON value of this field, or a CaseError naming the field."""
    if value is None:
        if spec.name == "reference":
            raise CaseError("is required (1–64 characters)", field_name=spec.name)
        return None
    checker = _CHECKERS[spec.kind]
    return checker(spec, value)


def reference_identity(reference: str) -> str:
    """The key two references are compared by: references with the same key could be taken
    for one another on a screen, so only one of them may exist.

    Compatibility forms (NFKC: fullwidth letters, ligatures, circled digits), case (full
    case-folding, so ß = ss) and every dash that looks like a hyphen are folded. Computed
    here once; the store keeps it beside the reference, indexed.
    """
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", reference).casefold())
    return _DASHES.sub("-", folded)


def _refuse_unreadable(value: str, field_name: str) -> None:
    """Refuse lone surrogates and control or bidirectional characters in any text."""
    found = _SURROGATE.search(value)
    if found:
        raise CaseError(
            f"contains an invalid character (a lone surrogate, U+{ord(found.group()):04X})",
            field_name=field_name,
        )
    found = _CONTROL.search(value)
    if found:
        if found.group() > "\x9f":
            raise CaseError(
                f"contains a bidirectional control character (U+{ord(found.group()):04X})",
                field_name=field_name,
            )
        raise CaseError("contains a control character", field_name=field_name)


def _check_reference(value: str) -> str:
    """A reference: no invisible character of any kind (line breaks, tabs, format and
    zero-width characters included), stored in NFC."""
    for char in value:
        category = unicodedata.category(char)
        if category in ("Cc", "Cf", "Zl", "Zp"):
            raise CaseError(
                f"contains an invisible or control character (U+{ord(char):04X}); a "
                "reference is letters, digits, spaces and punctuation only",
                field_name="reference",
            )
    if not value.strip():
        raise CaseError("must not be empty", field_name="reference")
    if value != value.strip():
        raise CaseError("must not start or end with spaces", field_name="reference")
    return unicodedata.normalize("NFC", value)


def _check_text(spec: FieldSpec, value: Any) -> str | None:
    if not isinstance(value, str):
        raise CaseError(f"expected text, got {_json_type(value)}", field_name=spec.name)
    _refuse_unreadable(value, spec.name)
    if spec.name == "reference":
        value = _check_reference(value)
    elif not value.strip():
        return None  # blank text is "not recorded", the same as null
    if spec.max_length is not None and len(value) > spec.max_length:
        raise CaseError(
            f"is {len(value)} characters long; at most {spec.max_length} allowed",
            field_name=spec.name,
        )
    return value


def parse_iso_date(value: Any, field_name: str) -> date:
    """A date written as YYYY-MM-DD, or a CaseError naming the field."""
    if not isinstance(value, str):
        raise CaseError(
            f"expected a date as YYYY-MM-DD, got {_json_type(value)}", field_name=field_name
        )
    if not _ISO_DATE.fullmatch(value):
        raise CaseError(f"'{value}' is not a date written as YYYY-MM-DD", field_name=field_name)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CaseError(f"'{value}' is not a valid calendar date", field_name=field_name) from None


def _check_date(spec: FieldSpec, value: Any) -> date:
    if isinstance(value, date):
        return value
    return parse_iso_date(value, spec.name)


class _LongLiteral:
    """A number in a case file too long to be any field's value (kept as its text length,
    never converted)."""

    def __init__(self, literal: str) -> None:
        self.length = len(literal)


def _long_literal_error(spec: FieldSpec, value: _LongLiteral) -> CaseError:
    return CaseError(
        f"a number written with {value.length} characters is out of range "
        f"{_number_text(spec.minimum)}–{_number_text(spec.maximum)}",
        field_name=spec.name,
    )


def _parse_int(literal: str) -> int | _LongLiteral:
    return _LongLiteral(literal) if len(literal) > _LITERAL_MAX else int(literal)


def _parse_float(literal: str) -> float | _LongLiteral:
    return _LongLiteral(literal) if len(literal) > _LITERAL_MAX else float(literal)


def _check_integer(spec: FieldSpec, value: Any) -> int:
    if isinstance(value, _LongLiteral):
        raise _long_literal_error(spec, value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise CaseError(f"expected a whole number, got {_json_type(value)}", field_name=spec.name)
    _check_range(spec, value)
    return value


def _check_number(spec: FieldSpec, value: Any) -> float:
    if isinstance(value, _LongLiteral):
        raise _long_literal_error(spec, value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CaseError(f"expected a number, got {_json_type(value)}", field_name=spec.name)
    if isinstance(value, int) and abs(value) > 2**1023:
        _check_range(spec, value)
    if not math.isfinite(value):
        raise CaseError(
            "must be a finite number (NaN and infinity are not values)", field_name=spec.name
        )
    _check_range(spec, value)
    return float(value)


def _check_range(spec: FieldSpec, value: float) -> None:
    low, high = spec.minimum, spec.maximum
    if (low is not None and value < low) or (high is not None and value > high):
        raise CaseError(
            f"{_number_text(value)} is out of range {_number_text(low)}–{_number_text(high)}"
            + (f" {spec.unit}" if spec.unit else ""),
            field_name=spec.name,
        )


def _check_boolean(spec: FieldSpec, value: Any) -> bool:
    if not isinstance(value, bool):
        raise CaseError(f"expected true or false, got {_json_type(value)}", field_name=spec.name)
    return value


def _check_choice(spec: FieldSpec, value: Any) -> str:
    if not isinstance(value, str) or value not in spec.choices:
        shown = f"'{value}'" if isinstance(value, str) else _json_type(value)
        raise CaseError(f"{shown} is not one of: {', '.join(spec.choices)}", field_name=spec.name)
    return value


_CHECKERS = {
    Kind.TEXT: _check_text,
    Kind.DATE: _check_date,
    Kind.INTEGER: _check_integer,
    Kind.NUMBER: _check_number,
    Kind.BOOLEAN: _check_boolean,
    Kind.CHOICE: _check_choice,
}


_FIELD_CHECKERS = tuple((spec.name, spec, _CHECKERS[spec.kind]) for spec in FIELDS)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"the number {_number_text(value)}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, _LongLiteral):
        return f"a number written with {value.length} characters"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _number_text(value: float | None) -> str:
    if value is None:
        return "…"
    if isinstance(value, int) and value.bit_length() > 300:
        return f"a number of about {int(value.bit_length() * 0.30103)} digits"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def check_short_text(
    value: Any, field_name: str, *, missing: str | None, max_length: int = REASON_MAX
) -> str | None:
    """Free text of a reason, rationale or name, checked wherever one is given (a case
    file, an amend reason): text, no control characters, at most `max_length` characters.

    Blank text is None; `missing` is the message when the text is required (None: it is
    not). Anything else raises a CaseError naming `field_name`.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        if missing is not None:
            raise CaseError(missing, field_name=field_name)
        return None
    if not isinstance(value, str):
        raise CaseError(f"expected text, got {_json_type(value)}", field_name=field_name)
    _refuse_unreadable(value, field_name)
    if len(value) > max_length:
        raise CaseError(
            f"is {len(value)} characters long; at most {max_length} allowed", field_name=field_name
        )
    return value


def check_reason(value: Any, field_name: str) -> str:
    """A reason that must be given (an override's, an amendment's): text that is not blank,
    without control characters, at most REASON_MAX characters; a CaseError naming the field."""
    reason = check_short_text(value, field_name, missing="a reason is required")
    assert reason is not None
    return reason


# ---------------------------------------------------------------------------------------------
# Objects


def _check_object(value: Any, field_name: str, allowed: Iterable[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise CaseError(f"expected an object, got {_json_type(value)}", field_name=field_name)
    allowed = tuple(allowed)
    known = frozenset(allowed)  # a case object has ~50 keys: no linear search for each
    for key in value:
        if key not in known:
            path = f"{field_name}.{key}" if field_name else key
            raise CaseError(
                f"is not a known field (allowed: {', '.join(allowed)})", field_name=path
            )
    return value


def parse_overrides(value: Any) -> dict[str, Override]:
    """Overrides from their JSON form: factor key → {tier, reason}, reason mandatory."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise CaseError(f"expected an object, got {_json_type(value)}", field_name="overrides")
    result: dict[str, Override] = {}
    for key, entry in value.items():
        if key not in FACTOR_KEYS:
            raise CaseError(
                f"'{key}' is not a factor (factors: {', '.join(FACTOR_KEYS)})",
                field_name=f"overrides.{key}",
            )
        path = f"overrides.{key}"
        body = _check_object(entry, path, ("tier", "reason"))
        tier = body.get("tier")
        if tier not in OVERRIDE_TIERS:
            shown = f"'{tier}'" if isinstance(tier, str) else _json_type(tier)
            raise CaseError(
                f"{shown} is not one of: {', '.join(OVERRIDE_TIERS)}", field_name=f"{path}.tier"
            )
        reason = check_short_text(
            body.get("reason"), f"{path}.reason", missing="a reason is required"
        )
        assert reason is not None
        result[key] = Override(tier=tier, reason=reason)
    return {k: result[k] for k in FACTOR_KEYS if k in result}


def parse_decision(value: Any) -> Decision | None:
    """A board decision from its JSON form."""
    if value is None:
        return None
    body = _check_object(value, "decision", _DECISION_KEYS)
    outcome = body.get("outcome")
    if outcome not in DECISION_OUTCOMES:
        shown = f"'{outcome}'" if isinstance(outcome, str) else _json_type(outcome)
        raise CaseError(
            f"{shown} is not one of: {', '.join(DECISION_OUTCOMES)}", field_name="decision.outcome"
        )
    attendees_raw = body.get("attendees")
    if attendees_raw is None:
        attendees_raw = []
    if not isinstance(attendees_raw, list):
        raise CaseError(
            f"expected a list of names, got {_json_type(attendees_raw)}",
            field_name="decision.attendees",
        )
    if len(attendees_raw) > _ATTENDEES_MAX:
        raise CaseError(f"at most {_ATTENDEES_MAX} attendees", field_name="decision.attendees")
    attendees = []
    for i, name in enumerate(attendees_raw):
        text = check_short_text(
            name, f"decision.attendees[{i}]", missing="a name is required", max_length=_ATTENDEE_MAX
        )
        assert text is not None
        attendees.append(text)
    finalised = body.get("finalised", False)
    if finalised is None:
        finalised = False
    if not isinstance(finalised, bool):
        raise CaseError(
            f"expected true or false, got {_json_type(finalised)}", field_name="decision.finalised"
        )
    decided_raw = body.get("decided_on")
    return Decision(
        outcome=outcome,
        rationale=check_short_text(body.get("rationale"), "decision.rationale", missing=None),
        attendees=tuple(attendees),
        dissent=check_short_text(body.get("dissent"), "decision.dissent", missing=None),
        decided_on=None
        if decided_raw is None
        else parse_iso_date(decided_raw, "decision.decided_on"),
        finalised=finalised,
    )


def parse_case(data: Any, *, source: str = "", position: int | None = None) -> Case:
    """A validated Case from one JSON case object; errors name the file, case and field."""
    case_label = f"#{position}" if position is not None else ""
    if not isinstance(data, dict):
        raise CaseError(
            f"expected a case object, got {_json_type(data)}", source=source, case=case_label
        )
    reference = data.get("reference")
    if isinstance(reference, str) and reference.strip() and len(reference) <= REFERENCE_MAX:
        case_label = reference
    try:
        _check_object(data, "", (*FIELDS_BY_NAME, "overrides", "decision"))
        values = _field_values(data)
        values["overrides"] = parse_overrides(data.get("overrides"))
        values["decision"] = parse_decision(data.get("decision"))
        check_consistency(values)
    except CaseError as error:
        raise error.located(source=source, case=case_label) from None
    case = Case(**values)
    # Marked as checked, with the overrides it was checked with: the one part of a frozen
    # Case that could still be changed in place. `dataclasses.replace` and Case(...) make
    # unmarked cases.
    object.__setattr__(case, _CHECKED, tuple(case.overrides.items()))
    return case


_CHECKED = "_checked_overrides"


def _field_values(data: dict[str, Any]) -> dict[str, Any]:
    """Every field's checked value (check_value for each; an import checks 49 fields of
    thousands of cases, so the checker of each field is looked up once, not per value)."""
    values = {}
    get = data.get
    for name, spec, checker in _FIELD_CHECKERS:
        value = get(name)
        if value is None:
            values[name] = check_value(spec, None)  # None, or "required"
        else:
            values[name] = checker(spec, value)
    return values


# ---------------------------------------------------------------------------------------------
# Values that contradict each other (CONTRACT.md §2b)


def _today() -> date:
    return date.today()


def age_on(date_of_birth: date, day: date) -> int:
    """Completed years of age on `day` (a 29 February birthday falls on 1 March)."""
    before_birthday = (day.month, day.day) < (date_of_birth.month, date_of_birth.day)
    return day.year - date_of_birth.year - int(before_birthday)


def _contradiction(field_name: str, other: str, message: str) -> CaseError:
    return CaseError(
        f"{message} (contradicts field '{other}')", field_name=field_name, related_field=other
    )


def check_consistency(values: Mapping[str, Any]) -> None:
    """Refuse values that contradict each other, naming both fields.

    `values` are single values already checked (dates as dates). A value is never guessed
    or dropped: the user decides which of the two is wrong.
    """
    size, count = values.get("lung_metastasis_max_mm"), values.get("lung_metastasis_count")
    if size is not None and (count is None or count < 1):
        raise _contradiction(
            "lung_metastasis_max_mm",
            "lung_metastasis_count",
            "a largest lung metastasis size needs a lung metastasis count of at least 1",
        )
    size, regions = values.get("nodal_max_mm"), values.get("nodal_regions")
    if size is not None and (regions is None or regions < 1):
        raise _contradiction(
            "nodal_max_mm",
            "nodal_regions",
            "a largest node size needs at least 1 nodal region",
        )
    if (
        values.get("adjuvant_ended_on") is not None
        and values.get("prior_adjuvant_chemotherapy") is False
    ):
        raise _contradiction(
            "adjuvant_ended_on",
            "prior_adjuvant_chemotherapy",
            "an end date of adjuvant chemotherapy, but no adjuvant chemotherapy is recorded",
        )
    regimen = values.get("first_line_regimen")
    if regimen not in (None, "unknown") and values.get("prior_systemic_lines") == 0:
        raise _contradiction(
            "first_line_regimen",
            "prior_systemic_lines",
            "a first-line regimen was given, but 0 prior systemic lines are recorded",
        )
    age, born = values.get("age_years"), values.get("date_of_birth")
    if age is not None and born is not None:
        board = values.get("board_date")
        day = board if board is not None else _today()
        computed = age_on(born, day)
        if abs(computed - age) > 1:
            # The date of birth itself stays out of the message: it identifies the patient.
            when = "at the board date" if board is not None else "today"
            raise _contradiction(
                "age_years",
                "date_of_birth",
                f"{age} years disagrees by more than one year with the date of birth, "
                f"which gives {computed} {when}",
            )


def is_validated(case: Case) -> bool:
    """Whether `case` is exactly what parse_case (or Case.with_changes) returned, so that
    validating it again would give the same case; False for a Case built directly."""
    checked = case.__dict__.get(_CHECKED)
    return checked is not None and checked == tuple(case.overrides.items())


# ---------------------------------------------------------------------------------------------
# Files


def parse_case_document(text: str | bytes, *, source: str = "<input>") -> tuple[list[Case], bool]:
    """Cases from the text of a case file, and whether the file used the list form.

    Refuses (CaseError) an empty file, non-UTF-8 bytes, malformed JSON, duplicate keys,
    an unknown `format`, and duplicate references within the file.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise CaseError(
                f"is not UTF-8 text (byte {error.start} cannot be decoded)", source=source
            ) from None
    if not text.strip():
        raise CaseError("the file is empty; expected a JSON case object", source=source)
    try:
        document = json.loads(
            text,
            object_pairs_hook=_refuse_duplicate_keys,
            parse_int=_parse_int,
            parse_float=_parse_float,
        )
    except _DuplicateKeyError as error:
        raise CaseError(
            "appears twice in the same object", source=source, field_name=str(error)
        ) from None
    except json.JSONDecodeError as error:
        raise CaseError(
            f"is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}",
            source=source,
        ) from None
    except RecursionError:
        raise CaseError("is nested too deeply to be a case file", source=source) from None
    if isinstance(document, dict) and "format" in document:
        cases_data = _list_form_cases(document, source)
        listed = True
    elif isinstance(document, dict):
        cases_data = [document]
        listed = False
    else:
        raise CaseError(
            'expected a case object or {"format": "tareaid.case/1", "cases": [...]}, '
            f"got {_json_type(document)}",
            source=source,
        )
    cases = [
        parse_case(item, source=source, position=i + 1 if listed else None)
        for i, item in enumerate(cases_data)
    ]
    seen: dict[str, str] = {}
    for case in cases:
        identity = reference_identity(case.reference)
        if identity in seen:
            first = seen[identity]
            also = "" if first == case.reference else f" (as {first})"
            raise CaseError(
                f"appears more than once in this file{also}; references that differ only in "
                "case, dashes or Unicode form are one reference",
                source=source,
                case=case.reference,
                field_name="reference",
            )
        seen[identity] = case.reference
    return cases, listed


def _list_form_cases(document: dict[str, Any], source: str) -> list[Any]:
    if document["format"] != CASE_FORMAT:
        shown = document["format"]
        raise CaseError(
            f"{shown!r} is not a known format (expected '{CASE_FORMAT}')",
            source=source,
            field_name="format",
        )
    for key in document:
        if key not in ("format", "cases"):
            raise CaseError(
                "is not a known field (allowed: format, cases)", source=source, field_name=key
            )
    cases = document.get("cases")
    if not isinstance(cases, list):
        raise CaseError(
            f"expected a list of cases, got {_json_type(cases)}", source=source, field_name="cases"
        )
    return cases


class _DuplicateKeyError(ValueError):
    pass


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(key)
        result[key] = value
    return result


# ---------------------------------------------------------------------------------------------
# Writing


def to_json_value(spec: FieldSpec, value: Any) -> Any:
    """The JSON form of a field value (dates as ISO text)."""
    if isinstance(value, date):
        return value.isoformat()
    if spec.kind is Kind.NUMBER and isinstance(value, float) and value.is_integer():
        return int(value) if abs(value) < 2**53 else value
    return value


def _overrides_to_json(overrides: Mapping[str, Override]) -> dict[str, dict[str, str]]:
    return {k: {"tier": o.tier, "reason": o.reason} for k, o in overrides.items()}


def _decision_to_json(decision: Decision) -> dict[str, Any]:
    out: dict[str, Any] = {"outcome": decision.outcome}
    if decision.rationale is not None:
        out["rationale"] = decision.rationale
    if decision.attendees:
        out["attendees"] = list(decision.attendees)
    if decision.dissent is not None:
        out["dissent"] = decision.dissent
    if decision.decided_on is not None:
        out["decided_on"] = decision.decided_on.isoformat()
    out["finalised"] = decision.finalised
    return out


_JSON_FIELDS = tuple((spec.name, spec.kind is Kind.NUMBER) for spec in FIELDS)


def case_to_dict(case: Case, *, deidentified: bool = False) -> dict[str, Any]:
    """The case in the `tareaid.case/1` format; fields not recorded are left out."""
    source = case.deidentified() if deidentified else case
    out: dict[str, Any] = {}
    # to_json_value for each field, inlined: the audit trail of an import writes every
    # field of thousands of cases.
    for name, number in _JSON_FIELDS:
        value = getattr(source, name)
        if value is None:
            continue
        if isinstance(value, date):
            value = value.isoformat()
        elif number and isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
            value = int(value)
        out[name] = value
    if source.overrides:
        out["overrides"] = _overrides_to_json(source.overrides)
    if source.decision is not None:
        out["decision"] = _decision_to_json(source.decision)
    return out


def cases_document(cases: Iterable[Case], *, deidentified: bool = False) -> dict[str, Any]:
    """The list form of the case file format."""
    return {
        "format": CASE_FORMAT,
        "cases": [case_to_dict(c, deidentified=deidentified) for c in cases],
    }


def dumps_cases(cases: Iterable[Case], *, deidentified: bool = False) -> str:
    """The list-form case file as text (UTF-8, stable key order, trailing newline)."""
    document = cases_document(cases, deidentified=deidentified)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
