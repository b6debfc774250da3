"""Report options: what the caller chooses about a PDF. Imports no ReportLab."""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass

#: Generated time used by byte-stable output when neither ``generated_at`` nor
#: ``SOURCE_DATE_EPOCH`` says otherwise.
INVARIANT_TIME = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)

PAGE_SIZE_NAMES: tuple[str, ...] = ("A4", "Letter")


@dataclass(frozen=True)
class ReportOptions:
    """How to build a report.

    ``deidentified`` leaves out the patient's name, MRN and date of birth everywhere (body,
    running header and PDF metadata) and omits free-text notes. ``page_size`` is ``"A4"`` or
    ``"Letter"``. ``invariant`` makes the output byte-stable (same input, same bytes), for
    tests and reproducible archives. ``generated_at`` is printed on every page (UTC); by
    default it is the current time, or a fixed time when ``invariant``. ``audit_head`` is an
    optional audit-trail hash printed in the footer so a paper copy can be matched to the
    database record. ``bilirubin_unit`` is the unit a bilirubin value is printed in, "mg/dL"
    or "µmol/L" (the reader's preference; the case stores mg/dL).
    """

    deidentified: bool = False
    page_size: str = "A4"
    invariant: bool = False
    generated_at: datetime.datetime | None = None
    audit_head: str | None = None
    bilirubin_unit: str = "mg/dL"

    def __post_init__(self) -> None:
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
