"""The small vocabulary of rules that trial eligibility criteria are written in (TRIALS.md).

A criterion's rule is reviewed data in the evidence pack, for example
``rule = { kind = "at_most", field = "ecog", value = 1 }``: the kind says how the case is
read, the parameters carry the thresholds. This module owns the kinds, checks a rule's
parameters when the pack is loaded (:func:`parse_rule`), and evaluates a rule on a case
(:func:`evaluate`). A threshold is therefore changed by a reviewer in the pack, never in code.

How the rules read (TRIALS.md, "How the rules read"):

- a criterion is **unknown** only when the recorded values do not settle it: one true value
  makes "all false" not met whatever the others; a lung count above the limit is not met
  without a size;
- an enumerated value of ``unknown`` counts as not recorded;
- "more than N months before the board date" is in calendar months, the same day N months
  earlier clipped to the month's end; ending exactly N months before is not met; with no
  board date the interval is unknown; a recorded end date means adjuvant chemotherapy was
  given; an end date after the board date is not met;
- a first-line-regimen criterion is not met for a chemo-naive case (0 prior lines).

Pure Python: no pack, no Qt, no database.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tareaid.domain.case import Case
from tareaid.domain.fields import FIELDS_BY_NAME, Kind

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"
STATUSES: tuple[str, ...] = (MET, NOT_MET, UNKNOWN)

# Relations between the adjuvant end date and the board date, for the finding's wording.
ADJUVANT_MORE_THAN = "adjuvant_more_than"
ADJUVANT_NOT_MORE_THAN = "adjuvant_not_more_than"
ADJUVANT_AFTER = "adjuvant_after"


class RuleError(ValueError):
    """A rule in the pack is malformed; `param` names the offending parameter."""

    def __init__(self, param: str, problem: str) -> None:
        super().__init__(problem)
        self.param = param
        self.problem = problem


@dataclass(frozen=True)
class Rule:
    """One criterion's rule: its kind and its parameters, as checked at load time."""

    kind: str
    params: Mapping[str, Any]

    @property
    def fields(self) -> tuple[str, ...]:
        """The case fields this rule reads, in reading order."""
        return KINDS[self.kind].fields(self.params)


@dataclass(frozen=True)
class Outcome:
    """What a rule found: the status, the fields whose values settled it (to show in the
    finding), the fields to fill for an unknown criterion, and for the adjuvant interval
    how the dates relate."""

    status: str
    shown: tuple[str, ...]
    missing: tuple[str, ...] = ()
    relation: str | None = None


# ---------------------------------------------------------------------------------------
# Reading case values


def recorded(case: Case, name: str) -> Any:
    """The field's value, or None when it is not recorded; an enumerated 'unknown' counts
    as not recorded."""
    value = getattr(case, name)
    if FIELDS_BY_NAME[name].kind is Kind.CHOICE and value == "unknown":
        return None
    return value


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier, clipped to the end of that month."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


# ---------------------------------------------------------------------------------------
# The kinds


@dataclass(frozen=True)
class _Kind:
    """A kind of rule: its parameters (name → type check and description) and evaluator."""

    params: Mapping[str, tuple[Callable[[Any], bool], str]]
    optional: frozenset[str]
    fixed_fields: tuple[str, ...]
    evaluate: Callable[[Mapping[str, Any], Case], Outcome]
    check: Callable[[Mapping[str, Any]], None] = field(default=lambda params: None)

    def fields(self, params: Mapping[str, Any]) -> tuple[str, ...]:
        if self.fixed_fields:
            return self.fixed_fields
        if "fields" in params:
            return tuple(params["fields"])
        return (params["field"],)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_name(value: Any) -> bool:
    return isinstance(value, str) and bool(value)


def _is_names(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(_is_name(v) for v in value)


def _field_of_kind(name: str, kinds: tuple[Kind, ...], param: str = "field") -> None:
    spec = FIELDS_BY_NAME.get(name)
    if spec is None:
        raise RuleError(param, f"{name!r} is not a case field")
    if spec.kind not in kinds:
        wanted = " or ".join(kind.value for kind in kinds)
        raise RuleError(param, f"{name!r} is a {spec.kind.value} field; this rule needs {wanted}")


def _compare(test: Callable[[float, float], bool]) -> Callable[[Mapping[str, Any], Case], Outcome]:
    def evaluate(params: Mapping[str, Any], case: Case) -> Outcome:
        name = params["field"]
        value = recorded(case, name)
        if value is None:
            return Outcome(UNKNOWN, (), (name,))
        return Outcome(MET if test(value, params["value"]) else NOT_MET, (name,))

    return evaluate


def _check_numeric(params: Mapping[str, Any]) -> None:
    _field_of_kind(params["field"], (Kind.INTEGER, Kind.NUMBER))


def _one_of(params: Mapping[str, Any], case: Case) -> Outcome:
    name = params["field"]
    value = recorded(case, name)
    if value is None:
        return Outcome(UNKNOWN, (), (name,))
    return Outcome(MET if value in params["values"] else NOT_MET, (name,))


def _check_one_of(params: Mapping[str, Any]) -> None:
    name = params["field"]
    _field_of_kind(name, (Kind.CHOICE,))
    _check_choices(name, params["values"])


def _check_choices(name: str, values: list[str]) -> None:
    choices = FIELDS_BY_NAME[name].choices
    for value in values:
        if value not in choices or value == "unknown":
            raise RuleError("values", f"{value!r} is not a recorded value of {name!r}")


def _is_true(params: Mapping[str, Any], case: Case) -> Outcome:
    name = params["field"]
    value = recorded(case, name)
    if value is None:
        return Outcome(UNKNOWN, (), (name,))
    return Outcome(MET if value else NOT_MET, (name,))


def _all_false(names: tuple[str, ...], case: Case) -> Outcome:
    values = {name: recorded(case, name) for name in names}
    true = tuple(name for name in names if values[name] is True)
    if true:
        # One true value settles it, whatever the others are.
        return Outcome(NOT_MET, true)
    missing = tuple(name for name in names if values[name] is None)
    if missing:
        recorded_false = tuple(name for name in names if values[name] is False)
        return Outcome(UNKNOWN, recorded_false, missing)
    return Outcome(MET, names)


def _check_booleans(params: Mapping[str, Any]) -> None:
    names = params["fields"] if "fields" in params else [params["field"]]
    param = "fields" if "fields" in params else "field"
    for name in names:
        _field_of_kind(name, (Kind.BOOLEAN,), param)
    if len(set(names)) != len(names):
        raise RuleError(param, "a field is named twice")


LUNG_FIELDS = ("lung_metastasis_count", "lung_metastasis_max_mm")


def _lung_size_ok(params: Mapping[str, Any], size: int) -> bool:
    if "max_size_mm" in params:
        return bool(size <= params["max_size_mm"])
    return bool(size < params["size_below_mm"])


def _lung_metastases(params: Mapping[str, Any], case: Case) -> Outcome:
    """No lung metastases; or at most `max_count` within the size limit; or (when
    `single_max_mm` is given) exactly one of at most that size."""
    count, size = case.lung_metastasis_count, case.lung_metastasis_max_mm
    if count is None:
        return Outcome(UNKNOWN, (), LUNG_FIELDS)
    if count == 0:
        return Outcome(MET, ("lung_metastasis_count",))
    single = params.get("single_max_mm")
    if size is None:
        if count > params["max_count"] and not (count == 1 and single is not None):
            # Too many to qualify at any size.
            return Outcome(NOT_MET, ("lung_metastasis_count",))
        return Outcome(UNKNOWN, ("lung_metastasis_count",), ("lung_metastasis_max_mm",))
    if count <= params["max_count"] and _lung_size_ok(params, size):
        return Outcome(MET, LUNG_FIELDS)
    if count == 1 and single is not None and size <= single:
        return Outcome(MET, LUNG_FIELDS)
    return Outcome(NOT_MET, LUNG_FIELDS)


def _check_lung(params: Mapping[str, Any]) -> None:
    if ("max_size_mm" in params) == ("size_below_mm" in params):
        raise RuleError("max_size_mm", "give exactly one of max_size_mm and size_below_mm")


NODAL_FIELDS = ("nodal_regions", "nodal_max_mm")


def _nodal_regions(params: Mapping[str, Any], case: Case) -> Outcome:
    """No nodal metastases, or at most `max_regions` regions with nodes smaller than
    `size_below_mm`."""
    regions, size = case.nodal_regions, case.nodal_max_mm
    if regions is None:
        return Outcome(UNKNOWN, (), NODAL_FIELDS)
    if regions == 0:
        return Outcome(MET, ("nodal_regions",))
    if regions > params["max_regions"]:
        return Outcome(NOT_MET, ("nodal_regions",))
    if size is None:
        return Outcome(UNKNOWN, ("nodal_regions",), ("nodal_max_mm",))
    return Outcome(MET if size < params["size_below_mm"] else NOT_MET, NODAL_FIELDS)


ADJUVANT_FIELDS = ("prior_adjuvant_chemotherapy", "adjuvant_ended_on", "board_date")


def _adjuvant_interval(params: Mapping[str, Any], case: Case) -> Outcome:
    """No adjuvant chemotherapy, or adjuvant chemotherapy that ended more than `months`
    calendar months before the board date."""
    given, ended, board = case.prior_adjuvant_chemotherapy, case.adjuvant_ended_on, case.board_date
    if given is False and ended is None:
        return Outcome(MET, ("prior_adjuvant_chemotherapy",))
    # A recorded end date means adjuvant chemotherapy was given.
    shown = tuple(
        name
        for name, value in (("prior_adjuvant_chemotherapy", given), ("adjuvant_ended_on", ended))
        if value is not None
    )
    if given is None and ended is None:
        return Outcome(UNKNOWN, (), ("prior_adjuvant_chemotherapy", "adjuvant_ended_on"))
    if ended is None:
        return Outcome(UNKNOWN, shown, ("adjuvant_ended_on",))
    if board is None:
        return Outcome(UNKNOWN, shown, ("board_date",))
    shown = (*shown, "board_date")
    if ended > board:
        return Outcome(NOT_MET, shown, relation=ADJUVANT_AFTER)
    if ended < months_before(board, params["months"]):
        return Outcome(MET, shown, relation=ADJUVANT_MORE_THAN)
    return Outcome(NOT_MET, shown, relation=ADJUVANT_NOT_MORE_THAN)


SITE_FIELDS = ("nodal_regions", "peritoneal_metastases", "other_extrahepatic_site")


def _extrahepatic_site_count(params: Mapping[str, Any], case: Case) -> Outcome:
    """At most `max_sites` extrahepatic sites besides the lungs: each nodal region is one
    site, peritoneal metastases one, any other site one."""
    regions = case.nodal_regions
    counts = {
        "nodal_regions": regions,
        "peritoneal_metastases": None
        if case.peritoneal_metastases is None
        else int(case.peritoneal_metastases),
        "other_extrahepatic_site": None
        if case.other_extrahepatic_site is None
        else int(case.other_extrahepatic_site),
    }
    known = {name: value for name, value in counts.items() if value is not None}
    missing = tuple(name for name in SITE_FIELDS if counts[name] is None)
    if sum(known.values()) > params["max_sites"]:
        # Already too many, whatever the fields not recorded hold.
        return Outcome(NOT_MET, tuple(name for name in SITE_FIELDS if known.get(name)))
    if missing:
        return Outcome(UNKNOWN, tuple(known), missing)
    return Outcome(MET, SITE_FIELDS)


def _first_line_regimen(params: Mapping[str, Any], case: Case) -> Outcome:
    """The first-line regimen given is one of `values`; a chemo-naive case was given none."""
    if case.prior_systemic_lines == 0:
        return Outcome(NOT_MET, ("prior_systemic_lines",))
    regimen = recorded(case, "first_line_regimen")
    if regimen is None:
        return Outcome(UNKNOWN, (), ("first_line_regimen",))
    return Outcome(MET if regimen in params["values"] else NOT_MET, ("first_line_regimen",))


def _check_regimens(params: Mapping[str, Any]) -> None:
    _check_choices("first_line_regimen", params["values"])


_FIELD = {"field": (_is_name, "a case field name")}
_VALUE = {"value": (_is_number, "a number")}

KINDS: dict[str, _Kind] = {
    "at_least": _Kind({**_FIELD, **_VALUE}, frozenset(), (), _compare(lambda v, t: v >= t),
                      _check_numeric),
    "at_most": _Kind({**_FIELD, **_VALUE}, frozenset(), (), _compare(lambda v, t: v <= t),
                     _check_numeric),
    "greater_than": _Kind({**_FIELD, **_VALUE}, frozenset(), (), _compare(lambda v, t: v > t),
                          _check_numeric),
    "equals": _Kind({**_FIELD, **_VALUE}, frozenset(), (), _compare(lambda v, t: v == t),
                    _check_numeric),
    "one_of": _Kind({**_FIELD, "values": (_is_names, "a list of recorded values")},
                    frozenset(), (), _one_of, _check_one_of),
    "is_true": _Kind(_FIELD, frozenset(), (), _is_true, _check_booleans),
    "is_false": _Kind(_FIELD, frozenset(), (),
                      lambda params, case: _all_false((params["field"],), case), _check_booleans),
    "all_false": _Kind({"fields": (_is_names, "a list of case field names")}, frozenset(), (),
                       lambda params, case: _all_false(tuple(params["fields"]), case),
                       _check_booleans),
    "lung_metastases": _Kind(
        {
            "max_count": (_is_whole, "a whole number"),
            "max_size_mm": (_is_whole, "a whole number of mm"),
            "size_below_mm": (_is_whole, "a whole number of mm"),
            "single_max_mm": (_is_whole, "a whole number of mm"),
        },
        frozenset({"max_size_mm", "size_below_mm", "single_max_mm"}),
        LUNG_FIELDS,
        _lung_metastases,
        _check_lung,
    ),
    "nodal_regions": _Kind(
        {
            "max_regions": (_is_whole, "a whole number"),
            "size_below_mm": (_is_whole, "a whole number of mm"),
        },
        frozenset(),
        NODAL_FIELDS,
        _nodal_regions,
    ),
    "adjuvant_interval": _Kind(
        {"months": (_is_whole, "a whole number of months")},
        frozenset(),
        ADJUVANT_FIELDS,
        _adjuvant_interval,
    ),
    "extrahepatic_site_count": _Kind(
        {"max_sites": (_is_whole, "a whole number")},
        frozenset(),
        SITE_FIELDS,
        _extrahepatic_site_count,
    ),
    "first_line_regimen": _Kind(
        {"values": (_is_names, "a list of recorded values")},
        frozenset(),
        ("prior_systemic_lines", "first_line_regimen"),
        _first_line_regimen,
        _check_regimens,
    ),
}  # fmt: skip


def parse_rule(data: Mapping[str, Any]) -> Rule:
    """A checked Rule from its table in the pack, or RuleError naming the parameter."""
    kind = data.get("kind")
    if kind not in KINDS:
        raise RuleError("kind", f"expected one of {', '.join(KINDS)}, got {kind!r}")
    spec = KINDS[kind]
    params = {name: value for name, value in data.items() if name != "kind"}
    for name in params:
        if name not in spec.params:
            raise RuleError(name, f"not a parameter of {kind} (expected {', '.join(spec.params)})")
    for name, (accept, expected) in spec.params.items():
        if name not in params:
            if name in spec.optional:
                continue
            raise RuleError(name, f"missing parameter of {kind} (expected {expected})")
        if not accept(params[name]):
            raise RuleError(name, f"expected {expected}, got {params[name]!r}")
    spec.check(params)
    return Rule(kind, params)


def evaluate(rule: Rule, case: Case) -> Outcome:
    """What the rule finds in the case."""
    return KINDS[rule.kind].evaluate(rule.params, case)
