"""Keeping the stored assessment summaries in step with this TAREaid and its evidence pack.

The case list shows counts and headlines stored with each case (so that listing 100,000
cases never runs an assessment). Each row records which TAREaid and evidence pack computed
it; when the database is opened by another one, the rows it did not compute are assessed
again, in one transaction.
"""

from __future__ import annotations

import logging

from sqlalchemy import bindparam, or_, select, update

from tareaid.domain.assessment import summarise
from tareaid.domain.evidence import EvidencePack
from tareaid.store.connection import Database
from tareaid.store.models import CASES
from tareaid.store.rows import IN_CHUNK, case_from_row, read_overrides, summary_values

log = logging.getLogger(__name__)


def refresh_assessments(database: Database, pack: EvidencePack, assessed_with: str) -> None:
    """Re-assess the rows whose summary was computed by another TAREaid or evidence pack."""
    # Two ranges of the assessed_with index rather than "!=", which would scan all of it
    # at every open (~10 ms at 100,000 cases).
    stale = or_(CASES.c.assessed_with < assessed_with, CASES.c.assessed_with > assessed_with)
    with database.read() as connection:
        if connection.execute(select(CASES.c.id).where(stale).limit(1)).first() is None:
            return
    with database.write() as connection:
        rows = list(connection.execute(select(CASES).where(stale)))
        overrides = read_overrides(connection, [row.id for row in rows])
        for chunk_start in range(0, len(rows), IN_CHUNK * 4):
            updates = []
            for row in rows[chunk_start : chunk_start + IN_CHUNK * 4]:
                case = case_from_row(row, overrides.get(row.id, {}))
                summary = summary_values(summarise(case, pack), assessed_with)
                updates.append({"row_id": row.id, **summary})
            connection.execute(
                update(CASES)
                .where(CASES.c.id == bindparam("row_id"))
                .values({k: bindparam(k) for k in updates[0] if k != "row_id"}),
                updates,
            )
    log.info("re-assessed %d stored cases", len(rows))
