"""The agenda summary written after a board: one row per case, never an identifier.

Pure Python. The summary carries what the board decided (reference, headline, outcome,
rationale, attendees, dissent) and is written as CSV, Markdown or plain text, chosen by the
file's extension. The file is written atomically (a temporary file in the same folder, then
a rename) and readable by its owner only, because a decision summary is clinical data even
without names.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tareaid.domain.assessment import Assessment
from tareaid.domain.case import Case
from tareaid.domain.fields import DECISION_OUTCOME_LABELS
from tareaid.files import write_atomically

COLUMNS = (
    "Position",
    "Reference",
    "Headline",
    "Decision",
    "Finalised",
    "Decided on",
    "Rationale",
    "Attendees",
    "Dissent",
)

# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class SummaryRow:
    """One case of the agenda as the summary shows it."""

    position: int
    reference: str
    headline: str
    outcome: str
    finalised: str
    decided_on: str
    rationale: str
    attendees: str
    dissent: str

    def values(self) -> tuple[str, ...]:
        return (
            str(self.position),
            self.reference,
            self.headline,
            self.outcome,
            self.finalised,
            self.decided_on,
            self.rationale,
            self.attendees,
            self.dissent,
        )


def summary_rows(items: Sequence[tuple[Case, Assessment]]) -> list[SummaryRow]:
    """The rows of the summary, in agenda order; identifying fields are never read."""
    rows = []
    for position, (case, assessment) in enumerate(items, start=1):
        decision = case.decision
        rows.append(
            SummaryRow(
                position=position,
                reference=case.reference,
                headline=assessment.headline,
                outcome=DECISION_OUTCOME_LABELS[decision.outcome] if decision else "No decision",
                finalised=("yes" if decision.finalised else "no") if decision else "",
                decided_on=decision.decided_on.isoformat()
                if decision and decision.decided_on
                else "",
                rationale=(decision.rationale or "") if decision else "",
                attendees="; ".join(decision.attendees) if decision else "",
                dissent=(decision.dissent or "") if decision else "",
            )
        )
    return rows


def format_for(path: Path) -> str:
    """'csv', 'markdown' or 'text', from the file name's extension."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".md", ".markdown"):
        return "markdown"
    return "text"


def render(rows: Sequence[SummaryRow], board_date: date, fmt: str) -> str:
    """The summary as text in the given format."""
    if fmt == "csv":
        return _render_csv(rows)
    if fmt == "markdown":
        return _render_markdown(rows, board_date)
    if fmt == "text":
        return _render_text(rows, board_date)
    raise ValueError(f"unknown summary format {fmt!r}")


def _csv_cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _render_csv(rows: Sequence[SummaryRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row.values()])
    return out.getvalue()


# Markdown punctuation that could start markup inside a table cell (emphasis, code, links,
# images, strike-through, a cell boundary): each is shown as itself, backslash-escaped.
_MD_PUNCTUATION = re.compile(r"([\\`*_\[\]|~!])")
# Bare addresses an extended Markdown would turn into links: URLs, www., e-mail addresses
# (any "@") and the mailto: and xmpp: schemes of GitHub-flavoured Markdown.
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])://|\bwww\.|@|\b(?:mailto|xmpp):")


def _md_cell(value: str) -> str:
    """A table cell from text a person typed: HTML shown as text, Markdown punctuation
    escaped (no link, image, code or emphasis is passed through), pipes never split the
    cell, line breaks kept as <br>."""
    text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_PUNCTUATION.sub(r"\\\1", text)
    text = _AUTOLINK.sub(
        lambda m: m.group().replace(":", "&#58;").replace(".", "&#46;").replace("@", "&#64;"),
        text,
    )
    return text.replace("\r", "").replace("\n", "<br>")


def _render_markdown(rows: Sequence[SummaryRow], board_date: date) -> str:
    lines = [
        f"# Tumour board {board_date.isoformat()} — agenda summary",
        "",
        f"{len(rows)} {'case' if len(rows) == 1 else 'cases'}. Case references only; "
        "no patient identifiers.",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "|".join("---" for _ in COLUMNS) + "|",
    ]
    lines += ["| " + " | ".join(_md_cell(v) for v in row.values()) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _render_text(rows: Sequence[SummaryRow], board_date: date) -> str:
    lines = [
        f"Tumour board {board_date.isoformat()} — agenda summary",
        f"{len(rows)} {'case' if len(rows) == 1 else 'cases'}; case references only, "
        "no patient identifiers.",
        "",
    ]
    for row in rows:
        lines.append(f"{row.position}. {row.reference}")
        for label, value in zip(COLUMNS[2:], row.values()[2:], strict=True):
            if value:
                lines.append(f"   {label}: {value}")
        lines.append("")
    return "\n".join(lines)


def write_summary(path: Path, items: Sequence[tuple[Case, Assessment]], board_date: date) -> str:
    """Write the agenda summary in the format the file name asks for; returns the format."""
    path = Path(path)
    fmt = format_for(path)
    write_atomically(path, render(summary_rows(items), board_date, fmt).encode("utf-8"))
    return fmt
