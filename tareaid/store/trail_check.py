"""Tamper evidence: whether each case's stored row agrees with its audit trail.

`check` asks this module, over plain rows (dictionaries from sqlite3 or SQLAlchemy, so it
works on any backend), for:

- every stored value that no import would accept (an impossible date, text in a number
  column, an escape sequence): named with its case and field, shown escaped;
- every case whose row differs from what its audit trail says it should hold — the trail
  is replayed from the case's creation, field by field (overrides, the decision and the
  archived state included), so a row edited without an entry is seen;
- every case whose row disagrees with the hash of its latest audit entry and its entry
  count (kept in step by every write), so entries removed from the end of the trail, or
  forged entries added to it, are seen;
- every case whose stored summary (the tier counts and headline the case list shows) differs
  from the summary of the case as stored, when the row says this TAREaid and evidence pack
  computed it (``assessed_with``; a row computed by another one is assessed again whenever
  the store opens the database, so its summary is not held against it);
- references that could be taken for one another (stored before they were refused);
- a whole trail shorter or longer than its end row says (``trail_end_problems``; schema
  version 6), so entries removed from its end — a whole case's included — are seen.

What this is: tamper-evident, not tamper-proof. Someone who can write the file can rewrite
a case, its trail, the hash chain (it is not keyed: it is not a signature) and the row's
head consistently, and this check will then find nothing. A head recorded outside the
database — printed on a filed PDF, or in a backup — cannot be made to agree: `anchors`
confirms the trail still contains it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from tareaid.domain.assessment import summarise
from tareaid.domain.case import Case, Override, case_to_dict, reference_identity
from tareaid.domain.evidence import load_pack
from tareaid.domain.fields import FIELDS, TIERS
from tareaid.errors import escape_controls
from tareaid.store import audit
from tareaid.store.schema import assessed_with
from tareaid.store.stored_values import stored_case

# Fields whose values identify the patient: a difference is reported without the values.
_IDENTIFYING = frozenset({"patient_name", "mrn", "date_of_birth"})
_FIELD_NAMES = tuple(spec.name for spec in FIELDS)
# Problems listed per kind before the rest are summed up.
_SHOWN = 50


def case_problems(
    cases: Iterable[Mapping[str, Any]],
    overrides: Iterable[Mapping[str, Any]],
    entries: Iterable[Mapping[str, Any]],
) -> list[str]:
    """Everything wrong between the case rows, their overrides and the audit trail."""
    overrides_by_case: dict[int, dict[str, Override]] = defaultdict(dict)
    for row in overrides:
        overrides_by_case[row["case_id"]][row["factor"]] = Override(row["tier"], row["reason"])
    entries_by_case: dict[int, list[Mapping[str, Any]]] = defaultdict(list)
    for entry in entries:
        entries_by_case[entry["case_id"]].append(entry)
    problems: list[str] = []
    identities: dict[str, list[str]] = defaultdict(list)
    current = _CurrentAssessment()
    for row in cases:
        case_id = row["id"]
        case, invalid = stored_case(row, overrides_by_case.get(case_id, {}))
        reference = case.reference
        identities[reference_identity(reference)].append(reference)
        for name, shown in invalid.items():
            problems.append(
                f"case {reference}: field '{name}' holds an invalid stored value ({shown}), "
                "one no import would accept: it was written outside TAREaid"
            )
        trail = entries_by_case.get(case_id, [])
        problems += _head_problems(reference, row, trail)
        problems += _replay_problems(reference, case, bool(row["archived"]), invalid, trail)
        if not invalid:  # a case with an invalid value is reported as such already
            problems += current.summary_problems(reference, row, case)
    for references in identities.values():
        if len(references) > 1:
            problems.append(
                f"cases {' and '.join(sorted(references))} look alike (their references "
                "differ only in case, dashes or Unicode form): rename all but one"
            )
    return [escape_controls(problem) for problem in _summed_up(problems)]


class _CurrentAssessment:
    """The summary this TAREaid and its evidence pack compute for a case, compared with the
    one stored on its row."""

    def __init__(self) -> None:
        self._pack = load_pack()
        self.tag = assessed_with(self._pack.version)

    def summary_problems(self, reference: str, row: Mapping[str, Any], case: Case) -> list[str]:
        if row.get("assessed_with") != self.tag:
            return []  # assessed again whenever the store opens the database
        summary = summarise(case, self._pack)
        expected: dict[str, Any] = {f"count_{tier}": summary.counts[tier] for tier in TIERS}
        expected["headline"] = summary.headline
        differences = [
            f"{column} is {_shown(row.get(column))}, the assessment gives {_shown(value)}"
            for column, value in expected.items()
            if row.get(column) != value
        ]
        if not differences:
            return []
        return [
            f"case {reference}: its stored headline/counts differ from its assessment "
            f"({'; '.join(differences)}): they were changed outside TAREaid, and the case "
            "list shows them"
        ]


def _summed_up(problems: list[str]) -> list[str]:
    if len(problems) <= _SHOWN:
        return problems
    return [*problems[:_SHOWN], f"… and {len(problems) - _SHOWN} more problems of cases"]


def _head_problems(
    reference: str, row: Mapping[str, Any], trail: Sequence[Mapping[str, Any]]
) -> list[str]:
    if "audit_head" not in row:  # a database from before schema version 5
        return []
    head = trail[-1]["entry_hash"] if trail else None
    count = len(trail)
    stored_head, stored_count = row["audit_head"], row["audit_count"]
    if stored_head == head and (stored_count or 0) == count:
        return []
    return [
        f"case {reference}: its row records {stored_count or 0} audit entries ending in "
        f"{_short(stored_head)}, but its audit trail has {count} ending in {_short(head)}: "
        "entries were removed from or added to the audit trail outside TAREaid"
    ]


def _short(digest: str | None) -> str:
    return str(digest)[:12] if digest else "none"


def _replay(trail: Sequence[Mapping[str, Any]]) -> tuple[dict[str, Any], bool, list[str]]:
    """The case (in its file format) and archived state the trail says, and what in the
    trail could not be replayed."""
    state: dict[str, Any] = {}
    archived = False
    problems: list[str] = []
    for entry in trail:
        action, name = entry["action"], entry["field"]
        try:
            new = None if entry["new_value"] is None else json.loads(entry["new_value"])
        except (TypeError, ValueError):
            problems.append(f"audit entry {entry['id']} holds a value that is not JSON")
            continue
        if action in (audit.CREATE, audit.IMPORT):
            state = dict(new) if isinstance(new, dict) else {}
            archived = False
        elif action == audit.CHANGE or action == audit.RENAME:
            _put(state, name, new)
        elif action in (audit.OVERRIDE_SET, audit.OVERRIDE_CHANGED, audit.OVERRIDE_REMOVED):
            overrides = dict(state.get("overrides") or {})
            _put(overrides, name, new)
            _put(state, "overrides", overrides or None)
        elif action in (
            audit.DECISION_RECORDED,
            audit.DECISION_CHANGED,
            audit.DECISION_FINALISED,
            audit.DECISION_AMENDED,
            audit.DECISION_REMOVED,
        ):
            _put(state, "decision", new)
        elif action == audit.ARCHIVE:
            archived = True
        elif action == audit.RESTORE:
            archived = False
        elif action != audit.AMEND:
            problems.append(f"audit entry {entry['id']} has an unknown action {action!r}")
    return state, archived, problems


def _put(target: dict[str, Any], name: str | None, value: Any) -> None:
    if name is None:
        return
    if value is None:
        target.pop(name, None)
    else:
        target[name] = value


def _replay_problems(
    reference: str,
    case: Any,
    archived: bool,
    invalid: Mapping[str, str],
    trail: Sequence[Mapping[str, Any]],
) -> list[str]:
    if not trail:
        return [f"case {reference}: has no audit trail at all (it was added outside TAREaid)"]
    expected, expected_archived, problems = _replay(trail)
    problems = [f"case {reference}: {problem}" for problem in problems]
    stored = case_to_dict(case)
    for name in (*_FIELD_NAMES, "decision"):
        if name in invalid or any(key.startswith(f"{name}.") for key in invalid):
            continue
        if stored.get(name) != expected.get(name):
            problems.append(_difference(reference, name, stored.get(name), expected.get(name)))
    stored_overrides = stored.get("overrides") or {}
    expected_overrides = expected.get("overrides") or {}
    for factor in sorted(set(stored_overrides) | set(expected_overrides)):
        name = f"overrides.{factor}"
        if name in invalid:
            continue
        before, after = stored_overrides.get(factor), expected_overrides.get(factor)
        if before != after:
            problems.append(_difference(reference, name, before, after))
    if archived != expected_archived:
        problems.append(
            _difference(reference, "archived", archived, expected_archived, values=True)
        )
    return problems


def _difference(
    reference: str, name: str, stored: Any, expected: Any, *, values: bool = True
) -> str:
    if name in _IDENTIFYING:
        detail = "differs from its audit trail (identifying values not shown)"
    else:
        detail = f"is {_shown(stored)} in the database, {_shown(expected)} by its audit trail"
    return (
        f"case {reference}: field '{name}' {detail}: it was changed outside TAREaid, without "
        "an audit entry"
    )


def _shown(value: Any) -> str:
    if value is None:
        return "not recorded"
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= 200 else text[:200] + "…"


def trail_end_problems(
    kept: Sequence[tuple[int, str]], count: int, newest: str | None
) -> list[str]:
    """The trail's `count` entries and `newest` hash (None: no entry) against the rows of
    its end table (entry count, newest hash), which every writer keeps in step."""
    if len(kept) != 1:
        return [f"audit trail: its end row is missing ({len(kept)} rows in audit_trail_end)"]
    recorded, recorded_hash = kept[0]
    if count < recorded:
        return [
            f"audit trail: {recorded - count} of its {recorded} entries are missing (the trail "
            "was cut short outside TAREaid)"
        ]
    if count > recorded:
        return [
            f"audit trail: {count - recorded} entries more than its writers recorded (entries "
            "were added outside TAREaid)"
        ]
    if (newest or audit.GENESIS_HASH) != recorded_hash:
        return [
            "audit trail: its newest entry is not the one its writers recorded (entries were "
            "replaced outside TAREaid)"
        ]
    return []
