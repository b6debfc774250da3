"""Report options: what the caller chooses about a PDF. Imports no ReportLab."""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from tareaid.domain.units import BILIRUBIN_UNITS, MG_DL, UMOL_L

#: Generated time used by byte-stable output when neither ``generated_at`` nor
#: ``SOURCE_DATE_EPOCH`` says otherwise.
INVARIANT_TIME = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)

PAGE_SIZE_NAMES: tuple[str, ...] = ("A4", "Letter")

# Ways of writing µmol/L that people and command lines use: the micro sign (U+00B5), the
# Greek mu (U+03BC) and plain "u".
_UNIT_SPELLINGS = {MG_DL.lower(): MG_DL, **{f"{m}mol/l": UMOL_L for m in ("µ", "μ", "u")}}


def bilirubin_unit(text: str) -> str:
    """The bilirubin unit named by ``text`` ("mg/dL", "µmol/L", "umol/L", any case);
    ``ValueError`` for anything else."""
    unit = _UNIT_SPELLINGS.get(text.strip().lower())
    if unit is None:
        raise ValueError(
            f"bilirubin unit {text!r} is not one of: {', '.join(BILIRUBIN_UNITS)} (or umol/L)"
        )
    return unit


@dataclass(frozen=True)
class AuditHead:
    """A case's audit head: the hash of its latest audit entry and its number of entries.

    Printed in the footer of the case's pages (short hash) and written whole into the PDF's
    keywords, where ``tareaid check --against FILE.pdf`` reads it back.
    """

    entry_hash: str
    entries: int

    def footer_text(self) -> str:
        noun = "entry" if self.entries == 1 else "entries"
        return f"Audit trail {self.entry_hash[:12]} · {self.entries} {noun}"

    def keyword(self, reference: str) -> str:
        noun = "entry" if self.entries == 1 else "entries"
        return f"TAREaid audit head of case {reference}: {self.entry_hash} ({self.entries} {noun})"


@dataclass(frozen=True)
class ReportOptions:
    """How to build a report.

    ``deidentified`` leaves out the patient's name, MRN and date of birth everywhere (body,
    running header and PDF metadata) and omits free-text notes. ``page_size`` is ``"A4"`` or
    ``"Letter"``. ``invariant`` makes the output byte-stable (same input, same bytes), for
    tests and reproducible archives. ``generated_at`` is printed on every page (UTC); by
    default it is the current time, or a fixed time when ``invariant``. ``audit_head`` is an
    optional audit-trail hash printed in the footer so a paper copy can be matched to the
    database record. ``bilirubin_unit`` is the unit bilirubin is shown in ("mg/dL", the
    default, or "µmol/L"; "umol/L" is accepted and stored as "µmol/L").
    database record. ``audit_heads`` gives each case (by reference) its :class:`AuditHead`,
    printed in the footer of that case's pages and kept in the keywords.
    ``include_free_text`` keeps the free-text fields (notes, rationale, dissent, override
    reasons) in a de-identified report; by default they are left out, since no automatic
    removal of identifiers from free text can be complete.
    """

    deidentified: bool = False
    page_size: str = "A4"
    invariant: bool = False
    generated_at: datetime.datetime | None = None
    audit_head: str | None = None
    bilirubin_unit: str = MG_DL
    audit_heads: Mapping[str, AuditHead] = field(default_factory=dict)
    include_free_text: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "bilirubin_unit", bilirubin_unit(self.bilirubin_unit))
        if self.page_size not in PAGE_SIZE_NAMES:
            raise ValueError(
                f"page_size {self.page_size!r} is not one of: {', '.join(PAGE_SIZE_NAMES)}"
            )

    def generated_time(self) -> datetime.datetime:
        """The generation time to print, in UTC."""
        moment = self.generated_at
        if moment is None and self.invariant:
            epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
            try:
                moment = datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
            except (ValueError, OverflowError, OSError):
                moment = INVARIANT_TIME
        if moment is None:
            moment = datetime.datetime.now(datetime.UTC)
        if moment.tzinfo is None:  # a naive time is taken to be UTC already
            moment = moment.replace(tzinfo=datetime.UTC)
        return moment.astimezone(datetime.UTC)
