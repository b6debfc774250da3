"""Audit heads recorded outside the database, and whether the trail still contains them.

An audit trail kept only inside the database can be rewritten by whoever can write the file:
the hash chain is not keyed, so they can recompute it. What they cannot change is a head
that left the database before the rewrite: every PDF summary carries its case's head (the
hash of the case's latest audit entry and its entry count, in the footer and, whole, in the
document's keywords), and a backup carries the whole trail up to when it was taken.
`tareaid check --against FILE` reads such a head and confirms the live trail still holds it.

Because each entry's hash covers the entry before it, a live trail that still holds a head
(and passes its own chain check) holds every entry up to it unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tareaid.errors import BadInputError

# As the report writes it into the PDF's keywords (tareaid.report.options.AuditHead).
_PDF_HEAD = re.compile(
    r"TAREaid audit head of case (?P<reference>.+?): (?P<hash>[0-9a-f]{64}) "
    r"\((?P<count>\d+) entr(?:y|ies)\)"
)
_KEYWORDS = re.compile(rb"/Keywords\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)", re.DOTALL)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


@dataclass(frozen=True)
class Anchor:
    """A head of the trail recorded outside the database."""

    source: str
    entry_hash: str
    # A PDF's head: the case and its number of entries. A backup's: the id of its last entry.
    reference: str | None = None
    count: int | None = None
    entry_id: int | None = None

    def describe(self) -> str:
        if self.reference is not None:
            noun = "entry" if self.count == 1 else "entries"
            return f"case {self.reference}'s head {self.entry_hash[:12]} ({self.count} {noun})"
        return f"its last audit entry ({self.entry_id}, {self.entry_hash[:12]})"


def read_anchors(path: Path) -> list[Anchor]:
    """The heads a PDF summary or a TAREaid database backup carries; BadInputError (exit 2)
    for a file that carries none."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except FileNotFoundError:
        raise BadInputError(f"{path}: no such file") from None
    except OSError as error:
        raise BadInputError(f"{path}: cannot be read ({error.strerror})") from None
    if head.startswith(b"SQLite format 3\x00"):
        return [_backup_anchor(path)]
    if head.startswith(b"%PDF"):
        found = _pdf_anchors(path)
        if found:
            return found
    raise BadInputError(
        f"{path}: carries no TAREaid audit head (it is not a TAREaid PDF summary or "
        "database backup)"
    )


def _pdf_anchors(path: Path) -> list[Anchor]:
    data = path.read_bytes()
    anchors = []
    for match in _KEYWORDS.finditer(data):
        for head in _PDF_HEAD.finditer(_pdf_string(match.group(1))):
            anchors.append(
                Anchor(
                    source=str(path),
                    entry_hash=head["hash"],
                    reference=head["reference"],
                    count=int(head["count"]),
                )
            )
    return anchors


def _pdf_string(token: bytes) -> str:
    """A PDF string object's text: a literal ``(…)`` or hex ``<…>`` string, in UTF-16
    (with its byte-order mark) or PDFDocEncoding (read as Latin-1: the heads are ASCII)."""
    if token.startswith(b"<"):
        raw = bytes.fromhex(re.sub(rb"\s", b"", token[1:-1]).decode("ascii"))
    else:
        raw = _unescape(token[1:-1])
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", errors="replace")
    return raw.decode("latin-1")


def _unescape(body: bytes) -> bytes:
    out = bytearray()
    i = 0
    while i < len(body):
        byte = body[i : i + 1]
        if byte != b"\\":
            out += byte
            i += 1
            continue
        following = body[i + 1 : i + 2]
        if following in _ESCAPES:
            out += _ESCAPES[following]
            i += 2
        elif following.isdigit():
            digits = re.match(rb"[0-7]{1,3}", body[i + 1 : i + 4])
            assert digits is not None
            out.append(int(digits.group(), 8) & 0xFF)
            i += 1 + len(digits.group())
        elif following in (b"\n", b"\r"):
            i += 2
        else:
            out += following
            i += 2
    return bytes(out)


def _backup_anchor(path: Path) -> Anchor:
    from tareaid.store import sqlite_file
    from tareaid.store.errors import StoreError

    try:
        header = sqlite_file.read_header(path)
        if header is not None:
            sqlite_file.check_identity(path, header.application_id, header.user_version)
        with sqlite_file.read_only_connection(
            path, busy_timeout_s=sqlite_file.DEFAULT_BUSY_TIMEOUT_S
        ) as connection:
            row = connection.execute(
                "SELECT id, entry_hash FROM audit_entry ORDER BY id DESC LIMIT 1"
            ).fetchone()
    except StoreError as error:
        raise BadInputError(error.message) from None
    except Exception as error:  # sqlite3.Error: a damaged or foreign file
        if type(error).__module__ != "sqlite3":
            raise
        raise BadInputError(f"{path}: its audit trail cannot be read ({error})") from None
    if row is None:
        raise BadInputError(f"{path}: the backup's audit trail is empty; it anchors nothing")
    return Anchor(source=str(path), entry_hash=row[1], entry_id=int(row[0]))


def confirm(
    anchors: Sequence[Anchor], entries: Iterable[Mapping[str, Any]]
) -> tuple[list[str], list[str]]:
    """(confirmations, contradictions) of the anchors against the live trail's (id,
    case_id, entry_hash) rows."""
    by_hash: dict[str, tuple[int, int, int]] = {}
    by_id: dict[int, str] = {}
    counts: dict[int, int] = {}
    for entry in entries:
        case_id = entry["case_id"]
        counts[case_id] = counts.get(case_id, 0) + 1
        by_hash[entry["entry_hash"]] = (entry["id"], case_id, counts[case_id])
        by_id[entry["id"]] = entry["entry_hash"]
    confirmed, contradicted = [], []
    for anchor in anchors:
        if anchor.entry_id is not None:
            holds = by_id.get(anchor.entry_id) == anchor.entry_hash
        else:
            found = by_hash.get(anchor.entry_hash)
            holds = found is not None and found[2] == anchor.count
        if holds:
            confirmed.append(
                f"{anchor.source}: the audit trail contains {anchor.describe()}: nothing "
                "recorded up to it has changed since"
            )
        else:
            contradicted.append(
                f"{anchor.source}: the audit trail does not contain {anchor.describe()}: the "
                "trail was rewritten after this file was made (or the file is from another "
                "database)"
            )
    return confirmed, contradicted
