"""The tumour-board PDF report, built with ReportLab from a case and its assessment.

The public API::

    from tareaid.report import ReportOptions, build_report, build_combined_report, write_report

Importing this package is cheap: ReportLab (about 0.1 s to import) is loaded on the first
call that builds a PDF, so the application can import the options at start-up and pay for
ReportLab only at the first export. Imports no Qt.
"""

from __future__ import annotations

import pathlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tareaid.files import write_atomically
from tareaid.report.options import AuditHead, ReportOptions

if TYPE_CHECKING:
    from tareaid.domain.assessment import Assessment
    from tareaid.domain.case import Case
    from tareaid.domain.evidence import EvidencePack

__all__ = ["AuditHead", "ReportOptions", "build_combined_report", "build_report", "write_report"]

_DEFAULT_OPTIONS = ReportOptions()


def build_report(
    case: Case,
    assessment: Assessment,
    pack: EvidencePack,
    options: ReportOptions = _DEFAULT_OPTIONS,
) -> bytes:
    """The PDF summary of one case, as bytes."""
    from tareaid.report.document import build_single

    return build_single(case, assessment, pack, options)


def build_combined_report(
    items: Sequence[tuple[Case, Assessment]],
    pack: EvidencePack,
    options: ReportOptions = _DEFAULT_OPTIONS,
    *,
    title: str = "Tumour board summary",
) -> bytes:
    """One PDF for several cases: a contents page, each case from a new page, then the
    evidence and references once; pages are numbered across the whole file."""
    from tareaid.report.document import build_combined

    return build_combined(items, pack, options, title=title)


def write_report(path: pathlib.Path, data: bytes) -> None:
    """Write a report to ``path`` completely or not at all, readable by its owner only.

    Raises ``OSError`` (e.g. ``IsADirectoryError``, ``FileNotFoundError``) on failure.
    """
    write_atomically(path, data)
