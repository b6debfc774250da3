"""What one write transaction changed, as other clients of the database are told it.

Every write notes here, inside its transaction, the cases whose audit trail grew (and the
hashes of the entries it wrote) and the board dates whose agenda it replaced. When the
transaction commits, a database server announces it on a channel other clients listen to
(``NOTIFY``, with this process's token so that it can skip its own announcements), and an
SQLite file remembers the entry hashes so that its watcher can tell this process's writes
from another program's.

A payload names case references and board dates, never a name, MRN or date of birth.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# The connection's info key under which the open write transaction keeps its WriteLog.
INFO_KEY = "tareaid_write_log"

# NOTIFY payloads are limited to 8,000 bytes; a bigger change is announced as "any case".
_MAX_PAYLOAD = 7000


@dataclass
class WriteLog:
    """What the write transaction in progress has changed so far."""

    references: set[str] = field(default_factory=set)
    entry_hashes: list[str] = field(default_factory=list)
    agenda_dates: set[date] = field(default_factory=set)
    # Whether the transaction holds the writers' lock (a server's advisory lock).
    serialised: bool = False

    def __bool__(self) -> bool:
        return bool(self.references or self.agenda_dates)

    def payload(self, token: str) -> str:
        """The announcement of this change: who wrote it, which cases and which agendas
        (every case, when the list would not fit)."""
        body: dict[str, Any] = {
            "by": token,
            "cases": sorted(self.references),
            "agendas": sorted(d.isoformat() for d in self.agenda_dates),
        }
        text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
        if len(text.encode("utf-8")) > _MAX_PAYLOAD:
            body["cases"] = None
            text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
        return text


@dataclass(frozen=True)
class Announcement:
    """A change another client announced: its token and the cases (None: any case)."""

    by: str
    cases: frozenset[str] | None


def read_payload(payload: str) -> Announcement | None:
    """The announcement in a NOTIFY payload; None for one TAREaid did not write."""
    try:
        body = json.loads(payload)
    except json.JSONDecodeError:
        return None
    if not isinstance(body, dict) or not isinstance(body.get("by"), str):
        return None
    cases = body.get("cases")
    if cases is not None and not (
        isinstance(cases, list) and all(isinstance(c, str) for c in cases)
    ):
        return None
    return Announcement(body["by"], None if cases is None else frozenset(cases))


def begin(connection: Any) -> WriteLog:
    """Start the log of a write transaction on `connection` (a SQLAlchemy Connection)."""
    log = WriteLog()
    connection.info[INFO_KEY] = log
    return log


def end(connection: Any) -> None:
    connection.info.pop(INFO_KEY, None)


def note_entries(connection: Any, rows: Iterable[dict[str, Any]]) -> None:
    """Audit rows this transaction writes (their cases and hashes)."""
    log = connection.info.get(INFO_KEY)
    if log is None:
        return
    for row in rows:
        log.references.add(row["reference"])
        log.entry_hashes.append(row["entry_hash"])


def note_agenda(connection: Any, board_date: date) -> None:
    """A board date whose agenda this transaction replaces."""
    log = connection.info.get(INFO_KEY)
    if log is not None:
        log.agenda_dates.add(board_date)
