"""The evidence pack: the clinical content TAREaid shows, loaded from reviewed data.

This module owns the in-memory model of ``resources/evidence_pack.toml`` (references,
trials, figures, the selection framework's wording and the evidence status of each of its
claims, evidence-gap and work-up-alert texts, the evidence context of each line of therapy,
guidance, the trial populations and the notes shown under "About the evidence") and the
loader that reads and validates it.

Code elsewhere never hard-codes a figure, a citation or a sentence a clinician reads: it
asks the pack. The loader is deliberately strict, because a typo in the pack would otherwise
put a wrong number in front of a tumour board without anyone noticing; every problem raises
:class:`EvidencePackError` naming the file and the field path (``figures[3].hr``).

Pure Python and standard library only, so the CLI, the report and the UI can all use it.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import importlib.resources
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tareaid.domain.claims import CLAIM_STATUS_BY_TIER, CLAIM_STATUSES
from tareaid.domain.fields import FACTOR_KEYS, OVERRIDE_TIERS
from tareaid.domain.pack_table import KEY_RE, EvidencePackError, PackTable
from tareaid.domain.populations import Population, build_populations, build_trial_wording
from tareaid.domain.rules import FINDING_PHRASES, REASON_PHRASES
from tareaid.domain.templates import (
    TemplateError,
    check_named,
    figure_keys,
    fill_figures,
)

PACK_FILENAME = "evidence_pack.toml"
PACK_PACKAGE = "tareaid.resources"

#: Format of the pack file this loader understands (the ``schema`` key).
SCHEMA_VERSION = 2

#: Evidence-gap keys (CONTRACT.md §3).
GAP_KEYS: tuple[str, ...] = (
    "irinotecan_regimen",
    "biologic",
    "checkpoint_inhibitor",
    "kras_g12c_inhibitor",
    "therasphere",
)

CONTRAINDICATION, CAUTION = "contraindication", "caution"
#: Work-up-alert keys and their severities (CONTRACT.md §3, second release).
ALERT_SEVERITIES: dict[str, str] = {
    "lung_shunt_high": CONTRAINDICATION,
    "lung_shunt_reduction": CAUTION,
    "lung_dose_needed": CAUTION,
    "lung_dose_high": CONTRAINDICATION,
    "bilirubin_high": CONTRAINDICATION,
    "anti_vegf_pause": CAUTION,
}
ALERT_KEYS: tuple[str, ...] = tuple(ALERT_SEVERITIES)

#: Work-up fields whose absence the assessment reports (CONTRACT.md §3, `workup_unchecked`).
WORKUP_CHECKED_FIELDS: tuple[str, ...] = (
    "lung_shunt_fraction_pct",
    "bilirubin_mg_dl",
    "lung_dose_gy",
)

#: Settings the evidence context is worded for, by the number of prior systemic lines.
EVIDENCE_CONTEXT_KEYS: tuple[str, ...] = (
    "first_line",
    "second_line",
    "later_lines",
    "not_recorded",
)

REFERENCE_KINDS: tuple[str, ...] = ("article", "conference", "registry", "interview")

UNITS: tuple[str, ...] = ("months", "%")

# The words that qualify a result (Figure.qualifiers), worded once for the screen, the
# projection and the PDF. "not significant" is the pack's own wording in its notes.
PRIMARY_ENDPOINT = "primary endpoint"
CO_PRIMARY_ENDPOINT = "co-primary endpoint"
SUBGROUP = "subgroup"
POST_HOC = "post hoc"
NOT_SIGNIFICANT = "not significant"
# P values are kept exactly as printed in the papers (".43", "< .001"): journals drop the
# leading zero, and re-formatting a string like "< .001" from a float would lose the "<".
_P_RE = re.compile(r"^(?:[<>] )?\.\d+$")
_DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
_PMID_RE = re.compile(r"^\d{1,9}$")
_PMCID_RE = re.compile(r"^PMC\d+$")
_LABEL_RE = re.compile(r"^[A-Z][0-9]+$")


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
    """One citation. Fields the sources do not give are ``None``, never guessed.

    ``kind`` says what is cited: a journal ``article`` (the default), a ``conference``
    report (``journal`` names the meeting), a trial ``registry`` text or an ``interview``.
    ``label`` is the short source label trial criteria cite ("S1"); ``secondary`` marks a
    secondary source, which every display citing it says it is.
    """

    key: str
    authors: str | None
    title: str | None
    journal: str | None
    year: int | None
    volume: str | None
    issue: str | None
    pages: str | None
    doi: str | None
    pmid: str | None
    pmcid: str | None
    registration: str | None
    note: str | None
    kind: str = "article"
    label: str | None = None
    abstract: str | None = None
    secondary: bool = False

    def citation(self) -> str:
        """One-line citation: ``Authors. Title. Journal Year;Vol(Issue):pages. DOI … · PMID …``.

        A conference report reads ``Conference report, ASCO 2017, abstract 3507.``; a
        secondary source says so after its title: ``EPOCH investigator interview (secondary
        source).``
        """
        parts = [_with_stop(self.authors)] if self.authors else []
        if self.title:
            title = f"{self.title} (secondary source)" if self.secondary else self.title
            parts.append(_with_stop(title))
        elif self.secondary:
            parts.append("Secondary source.")
        if self.kind == "conference":
            source = f"Conference report, {self.journal}"
            if self.year is not None:
                source += f" {self.year}"
            if self.abstract:
                source += f", abstract {self.abstract}"
            parts.append(_with_stop(source))
        elif self.journal:
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
    """One trial arm; ``patients`` is ``None`` when the sources give no count."""

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
    """One reported result: arm values, effect size and the context needed to read it.

    ``primary`` marks a primary endpoint; ``co_primary`` one of two or more co-primary
    endpoints (always primary too), so displays can emphasise primaries and keep post-hoc
    subgroups no more salient. ``overall_figures`` are the overall results a subgroup is
    always shown beside; ``shown_with`` are figures never shown apart from this one (liver
    progression and progression outside the liver, for instance).
    """

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
    co_primary: bool = False
    p_one_sided: bool = False
    shown_with: tuple[str, ...] = ()

    def p_text(self) -> str:
        """The P value as printed: ``P = .43``, ``P < .001``, ``one-sided P = .0013``."""
        if self.p is None:
            return ""
        # "< .001" already carries its relation; only exact values take "=".
        text = f"P {self.p}" if self.p[0] in "<>" else f"P = {self.p}"
        return f"one-sided {text}" if self.p_one_sided else text

    def ci_text(self) -> str:
        """The 95% confidence interval, ``0.77–1.12``; empty if not given."""
        if self.ci_low is None or self.ci_high is None:
            return ""
        return f"{_number_text(self.ci_low, 2)}–{_number_text(self.ci_high, 2)}"

    def qualifiers(self) -> tuple[str, ...]:
        """What a reader must keep in mind with this result, in reading order: primary
        endpoint (or co-primary endpoint), subgroup, post hoc, not significant.

        The same words on the screen, the projection and the PDF. Significance is marked
        only when it is absent: the P value shows it either way, and a "significant" label
        beside a subgroup or post hoc result invites the over-reading that the pack's
        correction note warns about.
        """
        words = []
        if self.co_primary:
            words.append(CO_PRIMARY_ENDPOINT)
        elif self.primary:
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
            if self.ci_text():
                effect += f" (95% CI {self.ci_text()})"
            parts.append(effect)
        if self.p is not None:
            parts.append(self.p_text())
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

    def quote(self, part: str) -> str:
        """One part of the figure as a sentence in the pack quotes it (``{key.hr}``)."""
        if part == "hr":
            return "" if self.hr is None else _number_text(self.hr, 2)
        if part == "ci":
            return self.ci_text()
        if part == "p":
            return self.p_text()
        if part == "values":
            return self.values_text()
        raise KeyError(part)

    def companions(self) -> tuple[str, ...]:
        """The figures this one is never shown without: its overall results, then
        ``shown_with``."""
        return (*self.overall_figures, *self.shown_with)


@dataclass(frozen=True)
class ClaimStatusText:
    """How a claim status reads: a short label and what it means."""

    key: str
    label: str
    meaning: str


@dataclass(frozen=True)
class Claim:
    """What the evidence says about the framework placing data in one factor's tier.

    ``criterion`` and ``claim`` are the framework's own words (parts of the tier's wording):
    what the data must match ("RAS mutant") and the claim it adds ("may benefit more in
    pooled subgroups"), or ``None`` when the tier makes no claim beyond its placement.
    ``evidence`` is the reviewed sentence, with its figures filled in from the pack.
    """

    factor: str
    tier: str
    status: str
    criterion: str
    claim: str | None
    evidence: str
    figures: tuple[str, ...]
    references: tuple[str, ...]


@dataclass(frozen=True)
class FactorText:
    """The wording of one framework factor, the figures behind it and its claims.

    ``favours``, ``neutral`` and ``against`` are the framework's tier descriptions verbatim.
    ``findings`` and ``reasons`` are the templates the factor's rule fills (keys and
    placeholders in :mod:`tareaid.domain.rules`); ``claims`` has one entry per tier.
    """

    key: str
    label: str
    question: str
    favours: str
    neutral: str
    against: str
    evidence_figures: tuple[str, ...]
    findings: dict[str, str] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)

    def tier_text(self, tier: str) -> str:
        """The framework's verbatim description of a tier (favours, neutral or against)."""
        return {"favours": self.favours, "neutral": self.neutral, "against": self.against}[tier]


@dataclass(frozen=True)
class Flag:
    """An evidence-gap or work-up-alert text with the references it rests on.

    A work-up alert also has its ``severity`` (``contraindication`` or ``caution``) and a
    ``short`` name for one-sentence summaries; both are ``None`` for an evidence gap.
    """

    key: str
    title: str
    text: str
    references: tuple[str, ...]
    severity: str | None = None
    short: str | None = None


@dataclass(frozen=True)
class Change:
    """What changed in one version of the evidence pack."""

    version: str
    date: datetime.date
    items: tuple[str, ...]


@dataclass(frozen=True)
class Guidance:
    """What a guideline says that bears on TARE, and where it says it."""

    key: str
    body: str
    text: str
    reference: str


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
    # One line per guideline (text and citation), for displays that list them as text.
    guidelines: tuple[str, ...]
    reviewed_against: str = ""
    framework_provenance: str = ""
    claim_statuses: dict[str, ClaimStatusText] = field(default_factory=dict)
    changes: tuple[Change, ...] = ()
    guidance: tuple[Guidance, ...] = ()
    # Setting ("first_line", "second_line", "later_lines", "not_recorded") → sentence.
    evidence_context: dict[str, str] = field(default_factory=dict)
    # Work-up field → its name in "Not checked: … not recorded"; and that sentence.
    workup_names: dict[str, str] = field(default_factory=dict)
    not_checked: str = ""
    trial_wording: dict[str, str] = field(default_factory=dict)
    populations: tuple[Population, ...] = ()

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

    def source(self, label: str) -> Reference:
        """The reference a trial criterion cites by label ("S1"); ``KeyError`` if none."""
        for reference in self.references.values():
            if reference.label == label:
                return reference
        raise KeyError(f"no source labelled {label!r} in evidence pack {self.version}")

    def figures_for_trial(self, trial_key: str) -> tuple[Figure, ...]:
        """The figures of one trial, in pack order (empty for an unknown trial)."""
        return tuple(figure for figure in self.figures if figure.trial == trial_key)

    def display_figures(self, keys: Iterable[str]) -> tuple[Figure, ...]:
        """The figures to show for `keys`, each with the figures it is never shown without.

        A subgroup comes after its overall results; a figure with ``shown_with`` companions
        comes just before them; nothing appears twice.
        """
        chosen: list[Figure] = []

        def add(figure: Figure) -> None:
            if figure not in chosen:
                chosen.append(figure)

        for key in keys:
            figure = self.figure(key)
            for overall in figure.overall_figures:
                add(self.figure(overall))
            add(figure)
            for companion in figure.shown_with:
                add(self.figure(companion))
        return tuple(chosen)

    def claim(self, factor: str, tier: str) -> Claim | None:
        """What the evidence says about `factor` at `tier`; None for unassessed/outside."""
        return self.factor(factor).claims.get(tier)

    def claim_references(self, claim: Claim) -> tuple[Reference, ...]:
        """Everything a claim's evidence rests on: the references of the figures it quotes,
        then its own, each once."""
        keys = [self.figure(key).reference for key in claim.figures] + list(claim.references)
        return tuple(self.references[key] for key in dict.fromkeys(keys))

    def claim_status_text(self, status: str) -> ClaimStatusText:
        """The label and meaning of a claim status."""
        return self.claim_statuses[status]

    def population(self, key: str) -> Population:
        """A trial population by key (sirflox, foxfire, foxfire_global, epoch)."""
        for population in self.populations:
            if population.key == key:
                return population
        raise KeyError(f"no trial population {key!r} in evidence pack {self.version}")

    def guidance_for(self, key: str) -> Guidance:
        for item in self.guidance:
            if item.key == key:
                return item
        raise KeyError(f"no guidance {key!r} in evidence pack {self.version}")


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
    return _build_pack(PackTable(document, source, ""))


# ---------------------------------------------------------------------------------------
# Building the model, section by section
# ---------------------------------------------------------------------------------------


def _build_pack(top: PackTable) -> EvidencePack:
    schema = top.integer("schema")
    if schema != SCHEMA_VERSION:
        raise top.error(
            "schema", f"unsupported schema {schema} (this version reads {SCHEMA_VERSION})"
        )
    version = top.text("version")
    reviewed_on = top.date("reviewed_on")
    reviewed_against = top.text("reviewed_against")
    changes = _build_changes(top, version, reviewed_on)

    references = {
        key: _build_reference(key, table) for key, table in top.keyed_tables("references").items()
    }
    _check_labels(top, references)
    trials = {
        key: _build_trial(key, table, references)
        for key, table in top.keyed_tables("trials").items()
    }
    figures = _build_figures(top.tables("figures"), trials, references)
    by_key = {figure.key: figure for figure in figures}
    claim_statuses = _build_claim_statuses(top)
    factors = _build_factors(top, by_key, references)
    gaps = _build_flags(top, "gaps", GAP_KEYS, references)
    alerts = _build_flags(top, "alerts", ALERT_KEYS, references)
    evidence_context = _build_sentences(top, "evidence_context", EVIDENCE_CONTEXT_KEYS, by_key)
    workup_names, not_checked = _build_workup_names(top)
    guidance = _build_guidance(top, references)
    trial_wording = build_trial_wording(top.table("trial_wording"))
    labels = frozenset(r.label for r in references.values() if r.label)
    secondary = frozenset(r.label for r in references.values() if r.label and r.secondary)
    populations = build_populations(top, secondary, labels)

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
        guidelines=tuple(
            f"{item.text} ({references[item.reference].citation()})" for item in guidance
        ),
        reviewed_against=reviewed_against,
        framework_provenance=notes.text("framework_provenance"),
        claim_statuses=claim_statuses,
        changes=changes,
        guidance=guidance,
        evidence_context=evidence_context,
        workup_names=workup_names,
        not_checked=not_checked,
        trial_wording=trial_wording,
        populations=populations,
    )
    notes.finish()
    top.finish()
    return pack


def _build_changes(top: PackTable, version: str, reviewed_on: datetime.date) -> tuple[Change, ...]:
    """The per-version list of what changed, newest first; the newest is this version."""
    changes: list[Change] = []
    for table in top.tables("changes"):
        change = Change(
            version=table.text("version"),
            date=table.date("date"),
            items=table.texts("items"),
        )
        if not change.items:
            raise table.error("items", "say what changed in this version")
        if any(c.version == change.version for c in changes):
            raise table.error("version", f"version {change.version!r} is listed twice")
        if change.date > reviewed_on:
            raise table.error("date", "a change cannot be dated after the review date")
        if changes and change.date > changes[-1].date:
            raise table.error("date", "list versions newest first")
        table.finish()
        changes.append(change)
    if not changes or changes[0].version != version:
        raise top.error("changes", f"the first entry must say what changed in {version}")
    return tuple(changes)


def _check_format(table: PackTable, name: str, value: str | None, pattern: re.Pattern[str]) -> None:
    if value is not None and not pattern.match(value):
        raise table.error(name, f"{value!r} is not a well-formed {name}")


def _build_reference(key: str, table: PackTable) -> Reference:
    kind = table.opt_text("kind") or "article"
    if kind not in REFERENCE_KINDS:
        raise table.error("kind", f"expected one of {', '.join(REFERENCE_KINDS)}, got {kind!r}")
    reference = Reference(
        key=key,
        authors=table.opt_text("authors"),
        title=table.opt_text("title"),
        journal=table.opt_text("journal"),
        year=table.opt_integer("year"),
        volume=table.opt_text("volume"),
        issue=table.opt_text("issue"),
        pages=table.opt_text("pages"),
        doi=table.opt_text("doi"),
        pmid=table.opt_text("pmid"),
        pmcid=table.opt_text("pmcid"),
        registration=table.opt_text("registration"),
        note=table.opt_text("note"),
        kind=kind,
        label=table.opt_text("label"),
        abstract=table.opt_text("abstract"),
        secondary=bool(table.opt_boolean("secondary")),
    )
    # What each kind of citation cannot do without.
    required = {
        "article": ("authors", "journal"),
        "conference": ("journal", "year"),
        "registry": ("title", "registration"),
        "interview": ("title",),
    }[kind]
    for name in required:
        if getattr(reference, name) is None:
            raise table.error(name, f"missing required field (a {kind} reference needs it)")
    _check_format(table, "doi", reference.doi, _DOI_RE)
    _check_format(table, "pmid", reference.pmid, _PMID_RE)
    _check_format(table, "pmcid", reference.pmcid, _PMCID_RE)
    _check_format(table, "label", reference.label, _LABEL_RE)
    table.finish()
    return reference


def _check_labels(top: PackTable, references: dict[str, Reference]) -> None:
    seen: dict[str, str] = {}
    for key, reference in references.items():
        if reference.label is None:
            continue
        if reference.label in seen:
            raise top.error(
                f"references.{key}.label",
                f"label {reference.label!r} is already used by {seen[reference.label]!r}",
            )
        seen[reference.label] = key


def _build_trial(key: str, table: PackTable, references: dict[str, Reference]) -> Trial:
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
    tables: list[PackTable], trials: dict[str, Trial], references: dict[str, Reference]
) -> tuple[Figure, ...]:
    figures: list[Figure] = []
    seen: set[str] = set()
    for table in tables:
        figure = _build_figure(table)
        if not KEY_RE.match(figure.key):
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
        for companion in figure.shown_with:
            if companion not in by_key:
                raise table.error("shown_with", f"unknown figure {companion!r}")
            # A pair shown together is a pair both ways: neither half is ever shown alone.
            if figure.key not in by_key[companion].shown_with:
                raise table.error(
                    "shown_with", f"{companion!r} must name {figure.key!r} in its shown_with too"
                )
    _check_primary_endpoints(tables, figures)
    return tuple(figures)


def _check_primary_endpoints(tables: list[PackTable], figures: list[Figure]) -> None:
    """A trial has one primary endpoint, or two or more co-primary endpoints, or neither
    among its figures; a mix would make "the primary endpoint" ambiguous."""
    by_trial: dict[str, list[tuple[PackTable, Figure]]] = {}
    for table, figure in zip(tables, figures, strict=True):
        if figure.primary:
            by_trial.setdefault(figure.trial, []).append((table, figure))
    for primaries in by_trial.values():
        co_primary = [figure for _, figure in primaries if figure.co_primary]
        if co_primary and len(co_primary) != len(primaries):
            table = primaries[-1][0]
            raise table.error("co_primary", "a trial's primary endpoints are all co-primary or one")
        if len(primaries) > 1 and not co_primary:
            table = primaries[-1][0]
            raise table.error("primary", "a second primary endpoint must be marked co_primary")
        if len(co_primary) == 1:
            raise primaries[0][0].error("co_primary", "a co-primary endpoint needs another")


def _build_figure(table: PackTable) -> Figure:
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
        co_primary=bool(table.opt_boolean("co_primary")),
        p_one_sided=bool(table.opt_boolean("p_one_sided")),
        shown_with=table.texts("shown_with", required=False),
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
    if figure.p_one_sided and figure.p is None:
        raise table.error("p_one_sided", "a one-sided P value needs the P value")
    if figure.co_primary and not figure.primary:
        raise table.error("co_primary", "a co-primary endpoint is a primary endpoint too")
    # A subgroup result shown alone is how the source page misled readers; the pack must say
    # which overall result goes beside it, and only subgroups carry one.
    if figure.subgroup and not figure.overall_figures:
        raise table.error("overall_figures", "a subgroup figure must name its overall figure(s)")
    if not figure.subgroup and figure.overall_figures:
        raise table.error("overall_figures", "only subgroup figures name overall figures")
    if figure.key in figure.overall_figures:
        raise table.error("overall_figures", "a figure cannot be its own overall figure")
    if figure.key in figure.shown_with:
        raise table.error("shown_with", "a figure cannot be shown with itself")
    return figure


def _check_shown_together(
    table: PackTable, name: str, keys: Sequence[str], by_key: dict[str, Figure]
) -> None:
    """Wherever the pack lists or quotes a figure, it lists or quotes its companions too:
    a subgroup never without its overall result, liver progression never without
    progression outside the liver."""
    for key in keys:
        for companion in by_key[key].companions():
            if companion not in keys:
                raise table.error(
                    name, f"{key!r} is never shown without {companion!r}; add it here too"
                )


def _sentence(
    table: PackTable, name: str, by_key: dict[str, Figure]
) -> tuple[str, tuple[str, ...]]:
    """A reviewed sentence with its figures quoted, and the keys of those figures."""
    template = table.text(name)
    try:
        keys = figure_keys(template, by_key.__contains__)
    except TemplateError as error:
        raise table.error(name, str(error)) from None
    _check_shown_together(table, name, keys, by_key)
    for key in keys:
        if by_key[key].hr is None and f"{{{key}.hr}}" in template:
            raise table.error(name, f"{{{key}.hr}}: figure {key!r} has no hazard ratio")
    return fill_figures(template, by_key), keys


def _build_sentences(
    top: PackTable, section: str, expected: tuple[str, ...], by_key: dict[str, Figure]
) -> dict[str, str]:
    table = top.table(section)
    sentences = {key: _sentence(table, key, by_key)[0] for key in expected}
    table.finish()
    return sentences


def _build_claim_statuses(top: PackTable) -> dict[str, ClaimStatusText]:
    tables = top.keyed_tables("claim_statuses")
    _check_exact_keys(top, "claim_statuses", tables, CLAIM_STATUSES, "claim status")
    statuses = {}
    for key in CLAIM_STATUSES:
        table = tables[key]
        statuses[key] = ClaimStatusText(key, table.text("label"), table.text("meaning"))
        table.finish()
    return statuses


def _build_factors(
    top: PackTable, by_key: dict[str, Figure], references: dict[str, Reference]
) -> tuple[FactorText, ...]:
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
            if figure_key not in by_key:
                raise table.error("evidence_figures", f"unknown figure {figure_key!r}")
        _check_shown_together(table, "evidence_figures", factor.evidence_figures, by_key)
        factor = dataclasses.replace(
            factor,
            findings=_build_phrases(table, "findings", FINDING_PHRASES[key]),
            reasons=_build_phrases(table, "reasons", REASON_PHRASES[key]),
            claims=_build_claims(table, factor, by_key, references),
        )
        table.finish()
        factors.append(factor)
    return tuple(factors)


def _build_phrases(
    parent: PackTable, name: str, expected: dict[str, frozenset[str]]
) -> dict[str, str]:
    """The templates a rule fills: exactly its keys, only the placeholders it fills."""
    table = parent.table(name)
    phrases = {}
    for key in table.data:
        if key not in expected:
            raise table.error(key, f"no rule produces this key (expected {', '.join(expected)})")
    for key, allowed in expected.items():
        phrases[key] = table.text(key)
        try:
            check_named(phrases[key], allowed)
        except TemplateError as error:
            raise table.error(key, str(error)) from None
    table.finish()
    return phrases


def _build_claims(
    parent: PackTable,
    factor: FactorText,
    by_key: dict[str, Figure],
    references: dict[str, Reference],
) -> dict[str, Claim]:
    tables = parent.keyed_tables("claims")
    _check_exact_keys(parent, "claims", tables, OVERRIDE_TIERS, "tier")
    claims = {}
    for tier in OVERRIDE_TIERS:
        table = tables[tier]
        status = table.text("status")
        expected = CLAIM_STATUS_BY_TIER[factor.key][tier]
        if status != expected:
            # The contract fixes each tier's status; the pack words it.
            raise table.error("status", f"expected {expected!r} (CONTRACT.md §4), got {status!r}")
        evidence, figures = _sentence(table, "evidence", by_key)
        claim = Claim(
            factor=factor.key,
            tier=tier,
            status=status,
            criterion=table.text("criterion"),
            claim=table.opt_text("claim"),
            evidence=evidence,
            figures=figures,
            references=table.texts("references", required=False),
        )
        wording = factor.tier_text(tier)
        # Both are the framework's own words: they must appear in its tier description.
        for name in ("criterion", "claim"):
            words = getattr(claim, name)
            if words is not None and words not in wording:
                raise table.error(name, f"{words!r} is not part of the framework's {wording!r}")
        for reference_key in claim.references:
            if reference_key not in references:
                raise table.error("references", f"unknown reference {reference_key!r}")
        table.finish()
        claims[tier] = claim
    return claims


def _build_flags(
    top: PackTable, section: str, expected: tuple[str, ...], references: dict[str, Reference]
) -> dict[str, Flag]:
    tables = top.keyed_tables(section)
    _check_exact_keys(top, section, tables, expected, section.rstrip("s"))
    flags: dict[str, Flag] = {}
    for key in expected:
        table = tables[key]
        severity = short = None
        if section == "alerts":
            severity = table.text("severity")
            if severity != ALERT_SEVERITIES[key]:
                raise table.error(
                    "severity",
                    f"expected {ALERT_SEVERITIES[key]!r} (CONTRACT.md §3), got {severity!r}",
                )
            short = table.text("short")
        flag = Flag(
            key=key,
            title=table.text("title"),
            text=table.text("text"),
            references=table.texts("references"),
            severity=severity,
            short=short,
        )
        for reference_key in flag.references:
            if reference_key not in references:
                raise table.error("references", f"unknown reference {reference_key!r}")
        if severity == CAUTION:
            # Only a contraindication may be worded as a stop.
            for name in ("title", "short", "text"):
                if "resolve first" in getattr(flag, name).lower():
                    raise table.error(name, "a caution is never worded as 'to resolve first'")
        table.finish()
        flags[key] = flag
    return flags


def _build_workup_names(top: PackTable) -> tuple[dict[str, str], str]:
    table = top.table("workup_unchecked")
    names = {name: table.text(name) for name in WORKUP_CHECKED_FIELDS}
    sentence = table.text("sentence")
    try:
        check_named(sentence, ("fields",))
    except TemplateError as error:
        raise table.error("sentence", str(error)) from None
    table.finish()
    return names, sentence


def _build_guidance(top: PackTable, references: dict[str, Reference]) -> tuple[Guidance, ...]:
    items: list[Guidance] = []
    for table in top.tables("guidance"):
        item = Guidance(
            key=table.text("key"),
            body=table.text("body"),
            text=table.text("text"),
            reference=table.text("reference"),
        )
        if item.reference not in references:
            raise table.error("reference", f"unknown reference {item.reference!r}")
        if any(other.key == item.key for other in items):
            raise table.error("key", f"duplicate guidance key {item.key!r}")
        table.finish()
        items.append(item)
    return tuple(items)


def _check_exact_keys(
    top: PackTable,
    section: str,
    tables: dict[str, PackTable],
    expected: tuple[str, ...],
    noun: str,
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
