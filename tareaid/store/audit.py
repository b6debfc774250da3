"""The audit trail: who changed what in which case, when, and why; append-only and chained.

This module owns the trail's vocabulary (the actions), how one change becomes rows (one row
per changed field, with old and new values as JSON text), the operating-system user and
UTC time stamped on each row, and the SHA-256 chain that makes an edit behind TAREaid's
back detectable. The database itself refuses UPDATE and DELETE on the trail (triggers, see
``schema.py``); the repository is the only writer.

Identifying values (name, MRN, date of birth) are stored in the trail, because the trail is
part of the record, but they are never passed to logging.

Who made a change is recorded twice on a database server: the operating-system account of
the machine that ran TAREaid, and the database login the server authenticated
(``db_user``; None in an SQLite file, which has no logins). Both lookups live here.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tareaid.domain.case import Case, Decision, Override, case_to_dict, to_json_value
from tareaid.domain.fields import FIELDS
from tareaid.errors import escape_controls
from tareaid.store.errors import StoreEnvironmentError

# The trail's times are read as every stored time is.
from tareaid.store.records import parse_time as parse_time


class AuditUserError(StoreEnvironmentError):
    """The operating-system account cannot be recorded faithfully in the audit trail."""

    exit_code = 1


# Actions, as stored in the trail and shown by `tareaid history`.
CREATE = "create"
IMPORT = "import"
CHANGE = "change"
RENAME = "rename"
OVERRIDE_SET = "override_set"
OVERRIDE_CHANGED = "override_changed"
OVERRIDE_REMOVED = "override_removed"
DECISION_RECORDED = "decision_recorded"
DECISION_CHANGED = "decision_changed"
DECISION_FINALISED = "decision_finalised"
DECISION_AMENDED = "decision_amended"
DECISION_REMOVED = "decision_removed"
AMEND = "amend"
ARCHIVE = "archive"
RESTORE = "restore"

ACTIONS: tuple[str, ...] = (
    CREATE,
    IMPORT,
    CHANGE,
    RENAME,
    OVERRIDE_SET,
    OVERRIDE_CHANGED,
    OVERRIDE_REMOVED,
    DECISION_RECORDED,
    DECISION_CHANGED,
    DECISION_FINALISED,
    DECISION_AMENDED,
    DECISION_REMOVED,
    AMEND,
    ARCHIVE,
    RESTORE,
)

GENESIS_HASH = "0" * 64


def now_utc() -> str:
    """The current time as stored: UTC, ISO 8601, microseconds (sorts as text)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def current_user() -> str:
    """The operating-system account running TAREaid, as the audit trail records it.

    Read from what the operating system says about the process, never from the environment
    (LOGNAME and USER can be set to anything by whoever starts the program): on POSIX the
    account of the real user id, on Windows the account the process is logged on as. A
    name with control or bidirectional characters is refused (AuditUserError), since the
    trail would show it as something else; "unknown" when the system names no account (a
    uid with no passwd entry, in some containers), with the uid when there is one.

    The one place the trail's user is looked up: a server's database login, when there is
    one, is recorded beside it, not instead of it.
    """
    name = _os_account()
    _refuse_unrecordable(name, "operating-system account name", "account")
    return name


def _refuse_unrecordable(name: str, what: str, rename: str) -> None:
    """AuditUserError for a name the trail would show as something else: one holding
    control, bidirectional or line-separating characters."""
    if any(unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp") for char in name):
        raise AuditUserError(
            f"the {what} contains control characters ({escape_controls(name)}); TAREaid "
            "cannot record it in the audit trail, so nothing was changed. Ask your "
            f"administrator to rename the {rename}"
        )


def _os_account() -> str:
    if sys.platform == "win32":  # pragma: no cover - run on Windows only
        return _windows_account()
    import pwd

    uid = os.getuid()
    try:
        return pwd.getpwuid(uid).pw_name or f"uid {uid}"
    except KeyError:
        return f"unknown (uid {uid})"


def _windows_account() -> str:  # pragma: no cover - run on Windows only
    """The account the process is logged on as: GetUserNameW, else os.getlogin()."""
    import ctypes
    from ctypes import wintypes

    size = wintypes.DWORD(257)
    buffer = ctypes.create_unicode_buffer(size.value)
    try:
        if ctypes.windll.advapi32.GetUserNameW(buffer, ctypes.byref(size)):  # type: ignore[attr-defined]
            return buffer.value or "unknown"
    except (AttributeError, OSError):
        pass
    try:
        return os.getlogin() or "unknown"
    except OSError:
        return "unknown"


def database_login(connection: Any) -> str | None:
    """The login a database server authenticated this connection as (``session_user``);
    None for SQLite. `connection` is a SQLAlchemy Connection. Like the account, a login
    the trail could not show faithfully is refused, at the first write (`chain_rows`):
    reading needs no login recorded."""
    if connection.dialect.name == "sqlite":
        return None
    from sqlalchemy import text

    return str(connection.execute(text("SELECT session_user")).scalar())


def to_json_text(value: Any) -> str:
    """A value as the JSON text the trail stores (stable key order, non-ASCII kept)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def case_json(case: Case) -> str:
    return to_json_text(case_to_dict(case))


def entry_hash(
    previous: str,
    at: str,
    os_user: str,
    case_id: int,
    reference: str,
    action: str,
    field: str | None,
    old: str | None,
    new: str | None,
    reason: str | None,
    db_user: str | None = None,
) -> str:
    """SHA-256 over the previous entry's hash and this entry's content.

    The content is the JSON array [previous, at, os_user, case_id, reference, action,
    field, old, new, reason] with no spaces and non-ASCII kept, encoded as UTF-8; an entry
    with a database login (written on a server) has it as an eleventh element, so the
    entries written without one keep the hashes they always had.
    """
    content = [previous, at, os_user, case_id, reference, action, field, old, new, reason]
    if db_user is not None:
        content.append(db_user)
    payload = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Change:
    """One audit row to write, before it gets its time, user and hash."""

    action: str
    field: str | None = None
    old: str | None = None
    new: str | None = None
    reason: str | None = None


def chain_rows(
    previous: str,
    at: str,
    os_user: str,
    entries: Iterable[tuple[int, str, Change]],
    db_user: str | None = None,
) -> tuple[list[dict[str, Any]], str]:
    """Rows for the audit table from (case id, reference, change), chained from `previous`;
    `db_user` is the database login (None for SQLite). AuditUserError for a login with
    control characters (the caller's transaction then writes nothing)."""
    if db_user is not None:
        _refuse_unrecordable(db_user, "database login", "login")
    rows = []
    for case_id, reference, change in entries:
        digest = entry_hash(
            previous,
            at,
            os_user,
            case_id,
            reference,
            change.action,
            change.field,
            change.old,
            change.new,
            change.reason,
            db_user,
        )
        rows.append(
            {
                "at": at,
                "os_user": os_user,
                "case_id": case_id,
                "reference": reference,
                "action": change.action,
                "field": change.field,
                "old_value": change.old,
                "new_value": change.new,
                "reason": change.reason,
                "entry_hash": digest,
                "db_user": db_user,
            }
        )
        previous = digest
    return rows, previous


def verify_rows(rows: Iterable[Sequence[Any]]) -> list[str]:
    """Problems in the chain of (id, at, os_user, case_id, reference, action, field, old,
    new, reason, entry_hash[, db_user]) rows given in id order; empty when intact."""
    previous = GENESIS_HASH
    for row in rows:
        entry_id, *content, stored = row[:11]
        db_user = row[11] if len(row) > 11 else None
        expected = entry_hash(previous, *content, db_user)
        if stored != expected:
            return [
                f"audit trail: entry {entry_id} does not match the hash chain (the trail was "
                "changed outside TAREaid from this entry on)"
            ]
        previous = stored
    return []


AUDIT_COLUMNS = (
    "id, at, os_user, case_id, reference, action, field, old_value, new_value, reason, entry_hash"
)


def verify_chain(connection: sqlite3.Connection) -> list[str]:
    """Check the whole trail's hash chain over a DB-API connection."""
    columns = {row[1] for row in connection.execute("PRAGMA table_info(audit_entry)")}
    # Schema version 6 added the database login (a file checked before its upgrade has none).
    login = ", db_user" if "db_user" in columns else ""
    cursor = connection.execute(f"SELECT {AUDIT_COLUMNS}{login} FROM audit_entry ORDER BY id")
    return verify_rows(cursor)


# --- what changed -----------------------------------------------------------------------------


def field_changes(old: Case, new: Case, *, reason: str | None) -> list[Change]:
    """One CHANGE per field whose value differs, old and new as JSON text."""
    changes = []
    for spec in FIELDS:
        if spec.name == "reference":
            continue
        before, after = getattr(old, spec.name), getattr(new, spec.name)
        if before != after or type(before) is not type(after):
            changes.append(
                Change(
                    CHANGE,
                    spec.name,
                    to_json_text(to_json_value(spec, before)),
                    to_json_text(to_json_value(spec, after)),
                    reason,
                )
            )
    return changes


def _override_json(override: Override | None) -> str | None:
    if override is None:
        return None
    return to_json_text({"tier": override.tier, "reason": override.reason})


def override_changes(
    old: Mapping[str, Override], new: Mapping[str, Override], *, reason: str | None
) -> list[Change]:
    """One row per factor whose override was set, changed or removed."""
    changes = []
    for factor in sorted(set(old) | set(new)):
        before, after = old.get(factor), new.get(factor)
        if before == after:
            continue
        action = (
            OVERRIDE_SET
            if before is None
            else OVERRIDE_REMOVED
            if after is None
            else OVERRIDE_CHANGED
        )
        changes.append(
            Change(action, factor, _override_json(before), _override_json(after), reason)
        )
    return changes


def decision_json(decision: Decision | None) -> str | None:
    if decision is None:
        return None
    return to_json_text(case_to_dict(Case(reference="-", decision=decision))["decision"])


def decision_changes(
    old: Decision | None, new: Decision | None, *, locked: bool, reason: str | None
) -> list[Change]:
    """The decision's change: recorded, changed, finalised, amended (when locked), removed."""
    if old == new:
        return []
    before, after = decision_json(old), decision_json(new)
    if old is None:
        assert new is not None
        changes = [Change(DECISION_RECORDED, "decision", None, after, reason)]
        if new.finalised:
            changes.append(Change(DECISION_FINALISED, "decision", None, after, reason))
        return changes
    if locked:
        return [Change(DECISION_AMENDED, "decision", before, after, reason)]
    if new is None:
        return [Change(DECISION_REMOVED, "decision", before, None, reason)]
    if new.finalised and not old.finalised:
        return [Change(DECISION_FINALISED, "decision", before, after, reason)]
    return [Change(DECISION_CHANGED, "decision", before, after, reason)]
