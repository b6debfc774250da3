"""Reading whole cases and their audit trails out of the database: the rows a case file is
written from, and a case's history. The repository turns them into cases and answers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, false, select

from tareaid.store import audit
from tareaid.store.models import AUDIT, CASES
from tareaid.store.records import AuditEntry
from tareaid.store.rows import chunks


def export_rows(
    connection: Connection, references: Sequence[str] | None, include_archived: bool
) -> tuple[list[Row[Any]], list[str]]:
    """The case rows to export: the named ones in that order (archived or not), or all of
    them by reference (archived ones only with `include_archived`); and the named
    references that have no case."""
    if references is None:
        statement = select(CASES).order_by(CASES.c.reference)
        if not include_archived:
            statement = statement.where(CASES.c.archived == false())
        return list(connection.execute(statement)), []
    wanted = list(dict.fromkeys(references))
    found: dict[str, Row[Any]] = {}
    for chunk in chunks(wanted):
        for row in connection.execute(select(CASES).where(CASES.c.reference.in_(chunk))):
            found[row.reference] = row
    missing = [reference for reference in wanted if reference not in found]
    return [found[reference] for reference in wanted if reference in found], missing


def history(connection: Connection, reference: str) -> list[AuditEntry] | None:
    """The audit trail of the case with this reference now or before (a case renamed
    since), oldest first; None when no case ever had it."""
    case_id = connection.execute(select(CASES.c.id).where(CASES.c.reference == reference)).scalar()
    if case_id is None:
        # A case renamed since: the trail remembers its earlier references.
        case_id = connection.execute(
            select(AUDIT.c.case_id)
            .where(AUDIT.c.reference == reference)
            .order_by(AUDIT.c.id.desc())
            .limit(1)
        ).scalar()
    if case_id is None:
        return None
    rows = connection.execute(
        select(AUDIT).where(AUDIT.c.case_id == case_id).order_by(AUDIT.c.id)
    ).all()
    return [
        AuditEntry(
            at=audit.parse_time(row.at),
            user=row.os_user,
            reference=row.reference,
            action=row.action,
            field=row.field,
            old=row.old_value,
            new=row.new_value,
            reason=row.reason,
            login=row.db_user,
        )
        for row in rows
    ]
