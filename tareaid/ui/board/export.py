"""Writing the board's PDFs off the GUI thread: one file per case, or one combined file.

The cases and their assessments are read from the store on the GUI thread (the repository
is not shared between threads); only building and writing the PDFs runs in the worker.
The report package is imported in the worker, at first export, because ReportLab is slow
to import and most sessions never export.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tareaid.domain.assessment import Assessment
from tareaid.domain.case import Case
from tareaid.domain.evidence import EvidencePack
from tareaid.ui.qt import QtCore, Signal

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
# Device names Windows reserves, with any extension and in any case ("con.pdf", "NUL.txt"):
# a file of that name cannot be written there.
_WINDOWS_RESERVED = re.compile(r"(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])", re.IGNORECASE)


def safe_filename(reference: str) -> str:
    """A file name stem from a case reference: letters, digits, '.', '_' and '-' only (what
    Windows forbids is replaced, trailing dots and spaces dropped), never a Windows device
    name (prefixed with "case-")."""
    stem = _UNSAFE.sub("_", reference).strip("._ ") or "case"
    stem = stem[:80].rstrip(". ")
    if _WINDOWS_RESERVED.fullmatch(stem.split(".", 1)[0]):
        stem = f"case-{stem}"
    return stem


def per_case_paths(folder: Path, references: Sequence[str]) -> list[Path]:
    """``<reference>.pdf`` for each case, made unique if two references map to one name."""
    paths: list[Path] = []
    used: set[str] = set()
    for reference in references:
        stem = safe_filename(reference)
        name = f"{stem}.pdf"
        counter = 2
        while name.lower() in used:
            name = f"{stem}-{counter}.pdf"
            counter += 1
        used.add(name.lower())
        paths.append(Path(folder) / name)
    return paths


@dataclass(frozen=True)
class ExportPlan:
    """What to write: the items in agenda order and where each file goes."""

    items: tuple[tuple[Case, Assessment], ...]
    combined: bool
    deidentified: bool
    paths: tuple[Path, ...]
    title: str
    # De-identified only: keep free text (blanked of the identifiers found in it).
    include_free_text: bool = False
    # Each case's audit head by reference: (hash of its latest entry, entry count).
    audit_heads: Mapping[str, tuple[str, int]] = field(default_factory=dict)


class ExportSignals(QtCore.QObject):
    """What the export job reports; delivered on the GUI thread.

    Signals:
        progressed(int, int): files done, files in all.
        finished(list): the paths written.
        failed(object): the exception that stopped the export (files already written
            stay); the window explains it, or reports it as a bug.
    """

    progressed = Signal(int, int)
    finished = Signal(list)
    failed = Signal(object)


# Jobs stay referenced here until they have finished, so that closing the window that
# started one never lets Python free a job its thread is still running.
_JOBS: list[ExportJob] = []


class ExportJob(QtCore.QRunnable):
    """Builds and writes the PDFs of an :class:`ExportPlan` in a thread-pool thread."""

    def __init__(self, plan: ExportPlan, pack: EvidencePack) -> None:
        super().__init__()
        self.plan = plan
        self.pack = pack
        self.signals = ExportSignals()
        self.done = False
        self.setAutoDelete(False)

    def start(self) -> None:
        """Queue the job on the global thread pool."""
        _JOBS[:] = [job for job in _JOBS if not job.done]
        _JOBS.append(self)
        QtCore.QThreadPool.globalInstance().start(self)

    def run(self) -> None:
        try:
            written = self._write()
        except Exception as error:  # handed to the GUI thread whole, traceback included
            self.done = True
            self.signals.failed.emit(error)
            return
        self.done = True
        self.signals.finished.emit(written)

    def _write(self) -> list[str]:
        from tareaid.report import (
            AuditHead,
            ReportOptions,
            build_combined_report,
            build_report,
            write_report,
        )

        plan = self.plan
        options = ReportOptions(
            deidentified=plan.deidentified,
            include_free_text=plan.include_free_text,
            audit_heads={
                reference: AuditHead(head, count)
                for reference, (head, count) in plan.audit_heads.items()
            },
        )
        written: list[str] = []
        if plan.combined:
            total = 1
            self.signals.progressed.emit(0, total)
            data = build_combined_report(list(plan.items), self.pack, options, title=plan.title)
            write_report(plan.paths[0], data)
            written.append(str(plan.paths[0]))
            self.signals.progressed.emit(1, total)
            return written
        total = len(plan.items)
        self.signals.progressed.emit(0, total)
        for done, ((case, assessment), path) in enumerate(
            zip(plan.items, plan.paths, strict=True), start=1
        ):
            data = build_report(case, assessment, self.pack, options)
            write_report(path, data)
            written.append(str(path))
            self.signals.progressed.emit(done, total)
        return written
