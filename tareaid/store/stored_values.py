"""Reading a stored case back: every value validated as on import, none crashed on.

A database changed behind TAREaid's back may hold anything in any column (SQLite keeps
"2026-13-45" in a DATE column and "lots" in an INTEGER one). This module turns a
``case_record`` row — from SQLAlchemy, or from sqlite3 for `check`, which imports no
SQLAlchemy — into a Case through the same checks an import makes, and names the fields
that fail them. Nothing here imports SQLAlchemy.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any

from tareaid.domain.case import (
    Case,
    CaseError,
    Override,
    check_consistency,
    check_value,
    parse_decision,
    parse_overrides,
    to_json_value,
)
from tareaid.domain.fields import FACTOR_KEYS, FIELDS, Kind
from tareaid.store.records import InvalidStoredValue


def _json_form(spec: Any, value: Any) -> Any:
    """A stored value in the case file's JSON form, for validation as on import."""
    if isinstance(value, InvalidStoredValue):
        return value
    if spec.kind is Kind.BOOLEAN and not isinstance(value, bool) and value in (0, 1):
        return bool(value)
    if isinstance(value, date):
        return value.isoformat()
    return to_json_value(spec, value)


def stored_case(
    mapping: Mapping[str, Any], overrides: Mapping[str, Override]
) -> tuple[Case, dict[str, str]]:
    """The Case a case_record row holds, every value validated as on import, and the
    fields whose stored value is not valid (field → the value as stored, escaped).

    A database changed behind TAREaid's back may hold anything in any column (SQLite keeps
    "2026-13-45" in a DATE column): such a value is never passed on as the field's value;
    the case holds None there and the caller says "invalid stored value".
    """
    invalid: dict[str, str] = {}
    values: dict[str, Any] = {}
    for spec in FIELDS:
        raw = mapping.get(spec.name)
        try:
            values[spec.name] = check_value(spec, _json_form(spec, raw))
        except CaseError:
            if spec.name == "reference":
                # The row's name is kept whatever it holds, so the case can be found.
                values[spec.name] = str(raw)
            else:
                values[spec.name] = None
            invalid[spec.name] = str(InvalidStoredValue(_raw(raw)))
    decision = None
    if mapping["decision_outcome"] is not None:
        try:
            attendees = json.loads(mapping["decision_attendees"] or "[]")
        except (TypeError, ValueError):
            attendees = InvalidStoredValue(mapping["decision_attendees"])
        body = {
            "outcome": mapping["decision_outcome"],
            "rationale": mapping["decision_rationale"],
            "attendees": attendees,
            "dissent": mapping["decision_dissent"],
            "decided_on": _date_json(mapping["decision_decided_on"]),
            "finalised": _bool_json(mapping["decision_finalised"]),
        }
        try:
            decision = parse_decision(body)
        except CaseError as error:
            invalid[error.field_name or "decision"] = str(
                InvalidStoredValue(_raw(_decision_value(body, error.field_name)))
            )
    checked_overrides: dict[str, Override] = {}
    for key in FACTOR_KEYS:
        if key not in overrides:
            continue
        override = overrides[key]
        try:
            checked_overrides.update(
                parse_overrides({key: {"tier": override.tier, "reason": override.reason}})
            )
        except CaseError as error:
            shown = override.reason if "reason" in error.field_name else override.tier
            invalid[error.field_name or f"overrides.{key}"] = str(InvalidStoredValue(shown))
    if not invalid:
        try:
            check_consistency(values)
        except CaseError as error:
            invalid[error.field_name] = f"{error.message}"
    return Case(**values, overrides=checked_overrides, decision=decision), invalid


def _raw(value: Any) -> Any:
    return value.raw if isinstance(value, InvalidStoredValue) else value


def _date_json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _bool_json(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    return bool(value) if value in (0, 1) else value


def _decision_value(body: Mapping[str, Any], field_name: str) -> Any:
    key = field_name.removeprefix("decision.").split("[", 1)[0]
    return body.get(key, body)
