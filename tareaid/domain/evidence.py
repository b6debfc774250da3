"""The evidence pack: the clinical content TAREaid shows, loaded from reviewed data.

This module owns the in-memory model of ``resources/evidence_pack.toml`` (references,
trials, figures, the selection framework's wording, evidence-gap and work-up-alert texts and
the notes shown under "About the evidence") and the loader that reads and validates it.

Code elsewhere never hard-codes a figure or a citation: it asks the pack. The loader is
deliberately strict, because a typo in the pack would otherwise put a wrong number in front
of a tumour board without anyone noticing; every problem raises :class:`EvidencePackError`
naming the file and the field path (``figures[3].hr``).

Pure Python and standard library only, so the CLI, the report and the UI can all use it.
"""

from __future__ import annotations

import datetime
import functools
import importlib.resources
import math
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from tareaid.domain.fields import FACTOR_KEYS
from tareaid.errors import BadInputError

PACK_FILENAME = "evidence_pack.toml"
PACK_PACKAGE = "tareaid.resources"

#: Format of the pack file this loader understands (the ``schema`` key).
SCHEMA_VERSION = 1

#: Evidence-gap keys (CONTRACT.md §3).
GAP_KEYS: tuple[str, ...] = (
    "irinotecan_regimen",
    "biologic",
    "checkpoint_inhibitor",
    "kras_g12c_inhibitor",
    "therasphere",
)
#: Work-up-alert keys (CONTRACT.md §3).
ALERT_KEYS: tuple[str, ...] = ("lung_shunt_high", "lung_shunt_reduction", "bilirubin_high")

UNITS: tuple[str, ...] = ("months", "%")

# The words that qualify a result (Figure.qualifiers), worded once for the screen, the
# projection and the PDF. "not significant" is the pack's own wording in its notes.
PRIMARY_ENDPOINT = "primary endpoint"
SUBGROUP = "subgroup"
POST_HOC = "post hoc"
NOT_SIGNIFICANT = "not significant"

_KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")
# P values are kept exactly as printed in the papers (".43", "< .001"): journals drop the
# leading zero, and re-formatting a string like "< .001" from a float would lose the "<".
_P_RE = re.compile(r"^(?:[<>] )?\.\d+$")
_DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
_PMID_RE = re.compile(r"^\d{1,9}$")
_PMCID_RE = re.compile(r"^PMC\d+$")


class EvidencePackError(BadInputError):
    """The evidence pack cannot be read or breaks its schema: bad input, like a case file.

    The message names the file and the offending field path, e.g.
    ``evidence_pack.toml: figures[3].hr: expected a number, got a string``.
    """

    def __init__(
        self, message: str, *, source: str | None = None, field: str | None = None
    ) -> None:
        super().__init__(message)
        self.source = source
        self.field = field


# ---------------------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------------------


def _number_text(value: float, min_decimals: int) -> str:
    """Format a figure without losing the precision it was published with.

    Floats forget trailing zeros (HR 0.90 is stored as 0.9), so pad to the conventional
    number of decimals, but never round away digits the pack actually gives.
    """
    text = repr(float(value))
    given = len(text.split(".")[1]) if "." in text and "e" not in text else 0
    return f"{value:.{max(min_decimals, given)}f}"


@dataclass(frozen=True)
class Reference:
    """One citation. Fields the reviewed brief does not give are ``None``, never guessed."""

    key: str
    authors: str
    title: str | None
    journal: str
    year: int | None
    volume: str | None
    issue: str | None
    pages: str | None
    doi: str | None
    pmid: str | None
    pmcid: str | None
    registration: str | None
    note: str | None

    def citation(self) -> str:
        """One-line citation: ``Authors. Title. Journal Year;Vol(Issue):pages. DOI … · PMID …``."""
        parts = [_with_stop(self.authors)]
        if self.title:
            parts.append(_with_stop(self.title))
        source = self.journal
        if self.year is not None:
            source += f" {self.year}"
        if self.volume:
            source += f";{self.volume}"
            if self.issue:
                source += f"({self.issue})"
        if self.pages:
            source += f":{self.pages}"
        parts.append(_with_stop(source))
        identifiers = [
            label + value
            for label, value in (
                ("DOI ", self.doi),
                ("PMID ", self.pmid),
                ("PMCID ", self.pmcid),
                ("", self.registration),
            )
            if value
        ]
        if identifiers:
            parts.append(" · ".join(identifiers))
        return " ".join(parts)


def _with_stop(text: str) -> str:
    """End a citation element with a full stop unless it already ends a sentence."""
    return text if text.endswith((".", "?", "!")) else text + "."


@dataclass(frozen=True)
class Arm:
    """One trial arm; ``patients`` is ``None`` when the brief gives no count."""

    label: str
    patients: int | None


@dataclass(frozen=True)
class Trial:
    """A trial or pooled analysis that figures come from."""

    key: str
    name: str
    design: str
    patients: int
    reference: str
    description: str
    arms: tuple[Arm, ...]


@dataclass(frozen=True)
class Figure:
    """One reported result: arm values, effect size and the context needed to read it."""

    key: str
    trial: str
    reference: str
    population: str
    endpoint: str
    primary: bool
    subgroup: bool
    post_hoc: bool
    experimental_arm: str
    experimental_value: float | None
    control_arm: str
    control_value: float | None
    unit: str
    hr: float | None
    ci_low: float | None
    ci_high: float | None
    p: str | None
    significant: bool | None
    note: str | None
    # Keys of the overall results a subgroup must be shown beside (empty for non-subgroups).
    overall_figures: tuple[str, ...]

    def qualifiers(self) -> tuple[str, ...]:
        """What a reader must keep in mind with this result, in reading order: primary
        endpoint, subgroup, post hoc, not significant.

        The same words on the screen, the projection and the PDF. Significance is marked
        only when it is absent: the P value shows it either way, and a "significant" label
        beside a subgroup or post hoc result invites the over-reading that the pack's
        correction note warns about.
        """
        words = []
        if self.primary:
            words.append(PRIMARY_ENDPOINT)
        if self.subgroup:
            words.append(SUBGROUP)
        if self.post_hoc:
            words.append(POST_HOC)
        if self.significant is False:
            words.append(NOT_SIGNIFICANT)
        return tuple(words)

    def effect_text(self) -> str:
        """Effect size as printed, e.g. ``HR 0.93 (95% CI 0.77–1.12), P = .43``; may be empty."""
        parts: list[str] = []
        if self.hr is not None:
            effect = f"HR {_number_text(self.hr, 2)}"
            if self.ci_low is not None and self.ci_high is not None:
                low, high = _number_text(self.ci_low, 2), _number_text(self.ci_high, 2)
                effect += f" (95% CI {low}–{high})"
            parts.append(effect)
        if self.p is not None:
            # "< .001" already carries its relation; only exact values take "=".
            parts.append(f"P {self.p}" if self.p[0] in "<>" else f"P = {self.p}")
        return ", ".join(parts)

    def values_text(self) -> str:
        """Arm values, e.g. ``10.7 vs 10.2 months`` or ``76.4% vs 68.1%``; empty if not given."""
        if self.experimental_value is None or self.control_value is None:
            return ""
        experimental = _number_text(self.experimental_value, 1)
        control = _number_text(self.control_value, 1)
        if self.unit == "%":
            return f"{experimental}% vs {control}%"
        return f"{experimental} vs {control} {self.unit}"


@dataclass(frozen=True)
class FactorText:
    """The wording of one framework factor and the figures behind it."""

    key: str
    label: str
    question: str
    favours: str
    neutral: str
    against: str
    evidence_figures: tuple[str, ...]


@dataclass(frozen=True)
class Flag:
    """An evidence-gap or work-up-alert text with the references it rests on."""

    key: str
    title: str
    text: str
    references: tuple[str, ...]


@dataclass(frozen=True)
class EvidencePack:
    """The whole reviewed evidence content. The default pack is cached and shared: don't mutate."""

    version: str
    reviewed_on: datetime.date
    references: dict[str, Reference]
    trials: dict[str, Trial]
    figures: tuple[Figure, ...]
    factors: tuple[FactorText, ...]
    gaps: dict[str, Flag]
    alerts: dict[str, Flag]
    correction_note: str
    not_covered: str
    disclaimer: str
    other_workup: tuple[str, ...]
    guidelines: tuple[str, ...]
    reviewed_against: str = ""

    def figure(self, key: str) -> Figure:
        """The figure with this key; ``KeyError`` if there is none."""
        for figure in self.figures:
            if figure.key == key:
                return figure
        raise KeyError(f"no figure {key!r} in evidence pack {self.version}")

    def factor(self, key: str) -> FactorText:
        """The framework wording for this factor key; ``KeyError`` if there is none."""
        for factor in self.factors:
            if factor.key == key:
                return factor
        raise KeyError(f"no framework factor {key!r} in evidence pack {self.version}")

    def reference(self, key: str) -> Reference:
        """The reference with this key; ``KeyError`` if there is none."""
        try:
            return self.references[key]
        except KeyError:
            raise KeyError(f"no reference {key!r} in evidence pack {self.version}") from None

    def figures_for_trial(self, trial_key: str) -> tuple[Figure, ...]:
        """The figures of one trial, in pack order (empty for an unknown trial)."""
        return tuple(figure for figure in self.figures if figure.trial == trial_key)


# ---------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------


def load_pack(path: Path | None = None) -> EvidencePack:
    """Load and validate an evidence pack; ``None`` means the pack shipped with TAREaid.

    Raises :class:`EvidencePackError` for anything wrong with the file.
    """
    if path is None:
        return _default_pack()
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise EvidencePackError(
            f"{path}: cannot read the evidence pack: {exc.strerror or exc}", source=str(path)
        ) from exc
    return _parse(data, str(path))


@functools.lru_cache(maxsize=1)
def _default_pack() -> EvidencePack:
    # Parsing and validating takes a few milliseconds, and the pack is consulted from every
    # assessment, report and window, so the shipped pack is read once per process.
    try:
        resource = importlib.resources.files(PACK_PACKAGE) / PACK_FILENAME
        data = resource.read_bytes()
    except (ModuleNotFoundError, OSError) as exc:
        raise EvidencePackError(
            f"{PACK_PACKAGE}/{PACK_FILENAME}: cannot read the shipped evidence pack: {exc}",
            source=PACK_FILENAME,
        ) from exc
    return _parse(data, str(resource))


def _parse(data: bytes, source: str) -> EvidencePack:
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise EvidencePackError(
            f"{source}: not valid UTF-8 ({exc.reason} at byte {exc.start})", source=source
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise EvidencePackError(f"{source}: not valid TOML: {exc}", source=source) from exc
    return _build_pack(_Table(document, source, ""))


class _Table:
    """One TOML table being read: typed access by field name, errors that name the path.

    Every field read is remembered so that :meth:`finish` can reject keys nobody read: an
    unknown key is almost always a misspelt optional field whose value would be lost.
    """

    def __init__(self, data: object, source: str, path: str) -> None:
        self.source = source
        self.path = path
        if not isinstance(data, dict):
            raise self.error(None, f"expected a table, got {_type_name(data)}")
        self.data: dict[str, object] = data
        self._read: set[str] = set()

    def field_path(self, name: str | None) -> str:
        if name is None:
            return self.path or "(top level)"
        return f"{self.path}.{name}" if self.path else name

    def error(self, name: str | None, problem: str) -> EvidencePackError:
        field = self.field_path(name)
        return EvidencePackError(
            f"{self.source}: {field}: {problem}", source=self.source, field=field
        )

    def _get(
        self, name: str, expected: str, accept: Callable[[object], bool], required: bool
    ) -> object | None:
        self._read.add(name)
        if name not in self.data:
            if required:
                raise self.error(name, f"missing required field (expected {expected})")
            return None
        value = self.data[name]
        if not accept(value):
            raise self.error(name, f"expected {expected}, got {_type_name(value)}")
        return value

    # Typed readers. ``opt_*`` return None for an absent field; present fields must be valid.

    def text(self, name: str) -> str:
        return str(self._get(name, "a non-empty string", _is_text, True))

    def opt_text(self, name: str) -> str | None:
        value = self._get(name, "a non-empty string", _is_text, False)
        return None if value is None else str(value)

    def integer(self, name: str) -> int:
        return cast(int, self._get(name, "an integer", _is_int, True))

    def opt_integer(self, name: str) -> int | None:
        return cast(int | None, self._get(name, "an integer", _is_int, False))

    def opt_number(self, name: str) -> float | None:
        value = self._get(name, "a number", _is_number, False)
        return None if value is None else float(cast(int | float, value))

    def boolean(self, name: str) -> bool:
        return bool(self._get(name, "true or false", _is_bool, True))

    def opt_boolean(self, name: str) -> bool | None:
        value = self._get(name, "true or false", _is_bool, False)
        return None if value is None else bool(value)

    def date(self, name: str) -> datetime.date:
        return cast(datetime.date, self._get(name, "a date (YYYY-MM-DD)", _is_date, True))

    def texts(self, name: str, *, required: bool = True) -> tuple[str, ...]:
        value = self._get(name, "a list of non-empty strings", _is_text_list, required)
        return () if value is None else tuple(cast(list[str], value))

    def table(self, name: str) -> _Table:
        value = self._get(name, "a table", _is_dict, True)
        return _Table(value, self.source, self.field_path(name))

    def tables(self, name: str) -> list[_Table]:
        """An array of tables (``[[name]]`` or a list of inline tables)."""
        value = cast(list[object], self._get(name, "a list of tables", _is_list, True))
        return [
            _Table(item, self.source, f"{self.field_path(name)}[{index}]")
            for index, item in enumerate(value)
        ]

    def keyed_tables(self, name: str) -> dict[str, _Table]:
        """A table of tables (``[name.<key>]``), keyed by the sub-table names."""
        parent = self.table(name)
        result: dict[str, _Table] = {}
        for key, value in parent.data.items():
            if not _KEY_RE.match(key):
                raise parent.error(key, "key must be lower-case letters, digits and underscores")
            result[key] = _Table(value, self.source, parent.field_path(key))
        return result

    def finish(self) -> None:
        unknown = [key for key in self.data if key not in self._read]
        if unknown:
            raise self.error(unknown[0], "unknown field (misspelt, or not part of the schema)")


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return "a string" if value.strip() else "an empty string"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number" if math.isfinite(value) else f"the non-finite number {value}"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, datetime.datetime | datetime.time):
        return "a date-time" if isinstance(value, datetime.datetime) else "a time"
    if isinstance(value, datetime.date):
        return "a date"
    return type(value).__name__


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_dict(value: object) -> bool:
    return isinstance(value, dict)


def _is_list(value: object) -> bool:
    return isinstance(value, list)


def _is_int(value: object) -> bool:
    # bool is a subclass of int in Python; `patients = true` must not read as 1.
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    # TOML allows nan and inf; neither is a figure anyone published.
    return (_is_int(value) or isinstance(value, float)) and math.isfinite(cast(float, value))


def _is_bool(value: object) -> bool:
    return isinstance(value, bool)


def _is_date(value: object) -> bool:
    # datetime is a subclass of date; a review date with a time of day is a different thing.
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def _is_text_list(value: object) -> bool:
    return isinstance(value, list) and all(_is_text(item) for item in value)


# ---------------------------------------------------------------------------------------
# Building the model, section by section
# ---------------------------------------------------------------------------------------


def _build_pack(top: _Table) -> EvidencePack:
    schema = top.integer("schema")
    if schema != SCHEMA_VERSION:
        raise top.error(
            "schema", f"unsupported schema {schema} (this version reads {SCHEMA_VERSION})"
        )
    version = top.text("version")
    reviewed_on = top.date("reviewed_on")
    reviewed_against = top.text("reviewed_against")

    references = {
        key: _build_reference(key, table) for key, table in top.keyed_tables("references").items()
    }
    trials = {
        key: _build_trial(key, table, references)
        for key, table in top.keyed_tables("trials").items()
    }
    figures = _build_figures(top.tables("figures"), trials, references)
    factors = _build_factors(top, {figure.key for figure in figures})
    gaps = _build_flags(top, "gaps", GAP_KEYS, references)
    alerts = _build_flags(top, "alerts", ALERT_KEYS, references)

    notes = top.table("notes")
    pack = EvidencePack(
        version=version,
        reviewed_on=reviewed_on,
        references=references,
        trials=trials,
        figures=figures,
        factors=factors,
        gaps=gaps,
        alerts=alerts,
        correction_note=notes.text("correction"),
        not_covered=notes.text("not_covered"),
        disclaimer=notes.text("disclaimer"),
        other_workup=notes.texts("other_workup"),
        guidelines=notes.texts("guidelines"),
        reviewed_against=reviewed_against,
    )
    notes.finish()
    top.finish()
    return pack


def _check_format(table: _Table, name: str, value: str | None, pattern: re.Pattern[str]) -> None:
    if value is not None and not pattern.match(value):
        raise table.error(name, f"{value!r} is not a well-formed {name}")


def _build_reference(key: str, table: _Table) -> Reference:
    reference = Reference(
        key=key,
        authors=table.text("authors"),
        title=table.opt_text("title"),
        journal=table.text("journal"),
        year=table.opt_integer("year"),
        volume=table.opt_text("volume"),
        issue=table.opt_text("issue"),
        pages=table.opt_text("pages"),
        doi=table.opt_text("doi"),
        pmid=table.opt_text("pmid"),
        pmcid=table.opt_text("pmcid"),
        registration=table.opt_text("registration"),
        note=table.opt_text("note"),
    )
    _check_format(table, "doi", reference.doi, _DOI_RE)
    _check_format(table, "pmid", reference.pmid, _PMID_RE)
    _check_format(table, "pmcid", reference.pmcid, _PMCID_RE)
    table.finish()
    return reference


def _build_trial(key: str, table: _Table, references: dict[str, Reference]) -> Trial:
    arms: list[Arm] = []
    for arm_table in table.tables("arms"):
        arms.append(Arm(label=arm_table.text("label"), patients=arm_table.opt_integer("patients")))
        arm_table.finish()
    trial = Trial(
        key=key,
        name=table.text("name"),
        design=table.text("design"),
        patients=table.integer("patients"),
        reference=table.text("reference"),
        description=table.text("description"),
        arms=tuple(arms),
    )
    if trial.reference not in references:
        raise table.error("reference", f"unknown reference {trial.reference!r}")
    if len(arms) < 2:
        raise table.error("arms", "a comparison needs at least two arms")
    counts = [arm.patients for arm in arms if arm.patients is not None]
    # When every arm count is given they must add up: a mistyped count is otherwise invisible.
    if len(counts) == len(arms) and sum(counts) != trial.patients:
        raise table.error(
            "arms", f"arm patient counts add up to {sum(counts)}, not {trial.patients}"
        )
    table.finish()
    return trial


def _build_figures(
    tables: list[_Table], trials: dict[str, Trial], references: dict[str, Reference]
) -> tuple[Figure, ...]:
    figures: list[Figure] = []
    seen: set[str] = set()
    for table in tables:
        figure = _build_figure(table)
        if not _KEY_RE.match(figure.key):
            raise table.error("key", "key must be lower-case letters, digits and underscores")
        if figure.key in seen:
            raise table.error("key", f"duplicate figure key {figure.key!r}")
        seen.add(figure.key)
        if figure.trial not in trials:
            raise table.error("trial", f"unknown trial {figure.trial!r}")
        if figure.reference not in references:
            raise table.error("reference", f"unknown reference {figure.reference!r}")
        figures.append(figure)

    # Cross-references between figures can only be checked once all keys are known.
    by_key = {figure.key: figure for figure in figures}
    for table, figure in zip(tables, figures, strict=True):
        for overall_key in figure.overall_figures:
            overall = by_key.get(overall_key)
            if overall is None:
                raise table.error("overall_figures", f"unknown figure {overall_key!r}")
            if overall.subgroup:
                raise table.error(
                    "overall_figures",
                    f"{overall_key!r} is itself a subgroup, not an overall result",
                )
    return tuple(figures)


def _build_figure(table: _Table) -> Figure:
    figure = Figure(
        key=table.text("key"),
        trial=table.text("trial"),
        reference=table.text("reference"),
        population=table.text("population"),
        endpoint=table.text("endpoint"),
        primary=table.boolean("primary"),
        subgroup=table.boolean("subgroup"),
        post_hoc=table.boolean("post_hoc"),
        experimental_arm=table.text("experimental_arm"),
        experimental_value=table.opt_number("experimental_value"),
        control_arm=table.text("control_arm"),
        control_value=table.opt_number("control_value"),
        unit=table.text("unit"),
        hr=table.opt_number("hr"),
        ci_low=table.opt_number("ci_low"),
        ci_high=table.opt_number("ci_high"),
        p=table.opt_text("p"),
        significant=table.opt_boolean("significant"),
        note=table.opt_text("note"),
        overall_figures=table.texts("overall_figures", required=False),
    )
    table.finish()

    if figure.unit not in UNITS:
        raise table.error("unit", f"expected one of {', '.join(UNITS)}, got {figure.unit!r}")
    if (figure.experimental_value is None) != (figure.control_value is None):
        raise table.error(
            "control_value" if figure.control_value is None else "experimental_value",
            "arm values come in pairs: give both experimental_value and control_value, or neither",
        )
    if (figure.ci_low is None) != (figure.ci_high is None):
        raise table.error(
            "ci_high" if figure.ci_high is None else "ci_low",
            "give both ci_low and ci_high, or neither",
        )
    if figure.hr is not None and figure.hr <= 0:
        raise table.error("hr", f"a hazard ratio must be positive, got {figure.hr}")
    if figure.ci_low is not None and figure.ci_high is not None:
        if figure.hr is None:
            raise table.error("hr", "a confidence interval needs the hazard ratio it belongs to")
        if not figure.ci_low <= figure.hr <= figure.ci_high:
            raise table.error(
                "ci_low",
                f"the interval {figure.ci_low}–{figure.ci_high} does not contain HR {figure.hr}",
            )
    if figure.p is not None and not _P_RE.match(figure.p):
        raise table.error(
            "p", f"expected a P value as printed, like '.43' or '< .001', got {figure.p!r}"
        )
    # A subgroup result shown alone is how the source page misled readers; the pack must say
    # which overall result goes beside it, and only subgroups carry one.
    if figure.subgroup and not figure.overall_figures:
        raise table.error("overall_figures", "a subgroup figure must name its overall figure(s)")
    if not figure.subgroup and figure.overall_figures:
        raise table.error("overall_figures", "only subgroup figures name overall figures")
    if figure.key in figure.overall_figures:
        raise table.error("overall_figures", "a figure cannot be its own overall figure")
    return figure


def _build_factors(top: _Table, figure_keys: set[str]) -> tuple[FactorText, ...]:
    order = top.texts("framework_order")
    if order != FACTOR_KEYS:
        raise top.error(
            "framework_order",
            f"expected exactly {list(FACTOR_KEYS)} in this order, got {list(order)}",
        )
    tables = top.keyed_tables("framework")
    _check_exact_keys(top, "framework", tables, FACTOR_KEYS, "factor")
    factors: list[FactorText] = []
    for key in FACTOR_KEYS:
        table = tables[key]
        factor = FactorText(
            key=key,
            label=table.text("label"),
            question=table.text("question"),
            favours=table.text("favours"),
            neutral=table.text("neutral"),
            against=table.text("against"),
            evidence_figures=table.texts("evidence_figures"),
        )
        for figure_key in factor.evidence_figures:
            if figure_key not in figure_keys:
                raise table.error("evidence_figures", f"unknown figure {figure_key!r}")
        table.finish()
        factors.append(factor)
    return tuple(factors)


def _build_flags(
    top: _Table, section: str, expected: tuple[str, ...], references: dict[str, Reference]
) -> dict[str, Flag]:
    tables = top.keyed_tables(section)
    _check_exact_keys(top, section, tables, expected, section.rstrip("s"))
    flags: dict[str, Flag] = {}
    for key in expected:
        table = tables[key]
        flag = Flag(
            key=key,
            title=table.text("title"),
            text=table.text("text"),
            references=table.texts("references"),
        )
        for reference_key in flag.references:
            if reference_key not in references:
                raise table.error("references", f"unknown reference {reference_key!r}")
        table.finish()
        flags[key] = flag
    return flags


def _check_exact_keys(
    top: _Table, section: str, tables: dict[str, _Table], expected: tuple[str, ...], noun: str
) -> None:
    """The contract fixes these keys: a missing one would silently drop a flag or factor."""
    for key in tables:
        if key not in expected:
            raise top.error(
                f"{section}.{key}", f"unknown {noun} key (expected one of {', '.join(expected)})"
            )
    for key in expected:
        if key not in tables:
            raise top.error(f"{section}.{key}", f"missing {noun}")
