"""How a case becomes a case_record row and back, and the bulk reads and writes of rows.

Shared by the repository (which writes cases) and the maintenance code (which re-assesses
stored cases): the mapping between the domain's Case and the table's columns lives here
once, driven by the field table, so a new field needs no code here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Date, Row, Table, bindparam, func, insert, select, text, update

from tareaid.domain.assessment import Summary
from tareaid.domain.case import Case, Override, reference_identity
from tareaid.domain.fields import FIELDS, TIERS
from tareaid.store import audit, changelog
from tareaid.store.audit import Change
from tareaid.store.models import AGENDA, ATTENDEES, AUDIT, AUDIT_TRAIL_END, CASES, OVERRIDES
from tareaid.store.stored_values import stored_case

FIELD_NAMES = tuple(spec.name for spec in FIELDS)
# SQLite allows 32,766 bound parameters; IN lists stay far below that.
IN_CHUNK = 500

# The summary columns hold one count per tier; a new tier needs a schema version.
assert TIERS == ("favours", "neutral", "against", "unassessed", "outside")


def chunks(items: list[Any]) -> Iterator[list[Any]]:
    """`items` in slices short enough for one IN (...) list."""
    for start in range(0, len(items), IN_CHUNK):
        yield items[start : start + IN_CHUNK]


def identity_key(case: Case) -> str:
    """The case-folded name and MRN that an identifier search looks in."""
    return "\n".join(((case.patient_name or "").casefold(), (case.mrn or "").casefold()))


def summary_values(summary: Summary, assessed_with: str) -> dict[str, Any]:
    """The stored assessment summary columns (what the case list shows)."""
    counts = summary.counts
    return {
        "count_favours": counts["favours"],
        "count_neutral": counts["neutral"],
        "count_against": counts["against"],
        "count_unassessed": counts["unassessed"],
        "count_outside": counts["outside"],
        "headline": summary.headline,
        "assessed_with": assessed_with,
    }


def row_values(case: Case, summary: Summary, assessed_with: str) -> dict[str, Any]:
    """The case_record columns for a case (all but id, archived, version and times)."""
    values: dict[str, Any] = {name: getattr(case, name) for name in FIELD_NAMES}
    decision = case.decision
    values.update(
        reference_key=case.reference.casefold(),
        reference_identity=reference_identity(case.reference),
        identity_key=identity_key(case),
        decision_outcome=decision.outcome if decision else None,
        decision_rationale=decision.rationale if decision else None,
        decision_attendees=(
            json.dumps(list(decision.attendees), ensure_ascii=False) if decision else None
        ),
        decision_dissent=decision.dissent if decision else None,
        decision_decided_on=decision.decided_on if decision else None,
        decision_finalised=bool(decision and decision.finalised),
    )
    values.update(summary_values(summary, assessed_with))
    return values


def case_from_row(row: Row[Any], overrides: Mapping[str, Override]) -> Case:
    """The Case held in a case_record row; a field whose stored value is not valid holds
    None (see `stored_case` for which)."""
    return stored_case(row._mapping, overrides)[0]


def read_overrides(
    connection: Connection, case_ids: Sequence[int] | None
) -> dict[int, dict[str, Override]]:
    """Overrides by case id: of the given cases, or of every case for None."""
    result: dict[int, dict[str, Override]] = {}
    batches = [None] if case_ids is None else list(chunks(list(case_ids)))
    for batch in batches:
        statement = select(OVERRIDES)
        if batch is not None:
            statement = statement.where(OVERRIDES.c.case_id.in_(batch))
        for row in connection.execute(statement):
            result.setdefault(row.case_id, {})[row.factor] = Override(row.tier, row.reason)
    return result


def insert_cases(connection: Connection, rows: list[dict[str, Any]]) -> list[int]:
    """Insert case_record rows (every column but id); their new ids, in the same order."""
    if connection.dialect.name == "sqlite":
        # Under BEGIN IMMEDIATE no one else can insert, so the ids can be handed out here
        # and the rows written with one plain executemany.
        start = connection.execute(select(func.max(CASES.c.id))).scalar() or 0
        ids = list(range(start + 1, start + 1 + len(rows)))
        for case_id, values in zip(ids, rows, strict=True):
            values["id"] = case_id
        bulk_insert(connection, CASES, rows)
        return ids
    # A server hands out the ids from the table's sequence first (one query, needing only
    # USAGE on it), then the rows go in with them: ~4x faster than an INSERT … RETURNING
    # that must keep the ids in the cases' order.
    ids = list(
        connection.execute(
            text(
                "SELECT nextval(pg_get_serial_sequence('case_record', 'id')) AS id "
                "FROM generate_series(1, :count) ORDER BY 1"
            ),
            {"count": len(rows)},
        ).scalars()
    )
    for case_id, values in zip(ids, rows, strict=True):
        values["id"] = case_id
    bulk_insert(connection, CASES, rows)
    return ids


def insert_overrides(connection: Connection, cases: Sequence[tuple[int, Case]]) -> None:
    """Insert the overrides of (case id, case) pairs."""
    rows = [
        {"case_id": case_id, "factor": factor, "tier": o.tier, "reason": o.reason}
        for case_id, case in cases
        for factor, o in case.overrides.items()
    ]
    bulk_insert(connection, OVERRIDES, rows)


def append_audit(
    connection: Connection,
    now: str,
    user: str,
    entries: Sequence[tuple[int, str, Change]],
    login: str | None = None,
) -> None:
    """Append (case id, reference, change) entries to the trail, chained to its head;
    `login` is the database login on a server (None for SQLite).

    Inside the caller's write transaction, so no other writer can append between this read
    of the chain's head and the insert.
    """
    previous = (
        connection.execute(select(AUDIT.c.entry_hash).order_by(AUDIT.c.id.desc()).limit(1)).scalar()
        or audit.GENESIS_HASH
    )
    rows, newest = audit.chain_rows(previous, now, user, entries, login)
    bulk_insert(connection, AUDIT, rows)
    # Each case row carries the hash of its latest entry and its entry count, in the same
    # transaction: entries removed from the end of the trail then disagree with the row.
    heads: dict[int, tuple[str, int]] = {}
    for row in rows:
        _, added = heads.get(row["case_id"], ("", 0))
        heads[row["case_id"]] = (row["entry_hash"], added + 1)
    params = [
        {"case_id": case_id, "head": head, "added": added}
        for case_id, (head, added) in heads.items()
    ]
    if params:
        statement = (
            update(CASES)
            .where(CASES.c.id == bindparam("case_id"))
            .values(
                audit_head=bindparam("head"),
                audit_count=func.coalesce(CASES.c.audit_count, 0) + bindparam("added"),
            )
        )
        connection.execute(statement, params)
    # The whole trail's length and newest hash (revision 0006), in the same transaction:
    # entries removed from the end of the trail, or all of it, then disagree with this row.
    connection.execute(
        update(AUDIT_TRAIL_END)
        .where(AUDIT_TRAIL_END.c.id == 1)
        .values(entry_count=AUDIT_TRAIL_END.c.entry_count + len(rows), head_hash=newest)
    )
    changelog.note_entries(connection, rows)


def bulk_insert(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert many rows with the same keys; on SQLite one driver-level executemany.

    SQLAlchemy's per-row parameter processing costs more than SQLite's insert itself at
    10,000 cases, so for SQLite the values are converted here (dates as ISO text, the way
    SQLAlchemy's Date type stores them; booleans are integers to sqlite3 already).
    """
    if not rows:
        return
    if connection.dialect.name != "sqlite":
        connection.execute(insert(table), list(rows))
        return
    names = list(rows[0])
    dates = [i for i, name in enumerate(names) if name in _DATE_COLUMNS[table.name]]
    values = []
    for row in rows:
        value = [row[name] for name in names]
        for i in dates:
            if value[i] is not None:
                value[i] = value[i].isoformat()
        values.append(tuple(value))
    columns = ", ".join(names)
    marks = ", ".join("?" for _ in names)
    connection.exec_driver_sql(f"INSERT INTO {table.name} ({columns}) VALUES ({marks})", values)


_DATE_COLUMNS = {
    t.name: frozenset(
        c.name
        for c in t.columns
        if isinstance(c.type, Date) or isinstance(getattr(c.type, "impl_instance", None), Date)
    )
    for t in (CASES, OVERRIDES, AUDIT, AGENDA, ATTENDEES)
}
