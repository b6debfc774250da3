"""The tumour board's rows: the coordinator's agenda order and the remembered attendees.

Statements run inside the repository's transactions; the repository checks what it is
given and words the refusals.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Connection, delete, false, func, insert, select, true, update

from tareaid.store import changelog
from tareaid.store.models import AGENDA, ATTENDEES, CASES
from tareaid.store.rows import chunks


def agenda(connection: Connection, board_date: date) -> list[str]:
    """References in the coordinator's order for this board date, then the other cases
    dated that day by reference. Archived cases are left out."""
    ordered = connection.execute(
        select(CASES.c.reference)
        .join(AGENDA, AGENDA.c.case_id == CASES.c.id)
        .where(AGENDA.c.board_date == board_date, CASES.c.archived == false())
        .order_by(AGENDA.c.position)
    ).scalars()
    placed = select(AGENDA.c.case_id).where(AGENDA.c.board_date == board_date)
    rest = connection.execute(
        select(CASES.c.reference)
        .where(
            CASES.c.board_date == board_date,
            CASES.c.archived == false(),
            CASES.c.id.not_in(placed),
        )
        .order_by(CASES.c.reference)
    ).scalars()
    return [*ordered, *rest]


def board_dates(connection: Connection) -> list[tuple[date, int]]:
    """Each board date unarchived cases carry, with how many carry it, newest first (a date
    stored behind TAREaid's back that is not a date is left out).

    Counted from the board-date index (all cases), less the archived ones (found in a
    narrow index): a count that tested each case's archived flag would read all 100,000
    table rows (~0.2 s).
    """
    dated = CASES.c.board_date.is_not(None)
    counts: dict[date, int] = {}
    for when, count in connection.execute(
        select(CASES.c.board_date, func.count()).where(dated).group_by(CASES.c.board_date)
    ):
        if isinstance(when, date):
            counts[when] = count
    archived = select(CASES.c.id).where(CASES.c.archived == true())
    for when, count in connection.execute(
        select(CASES.c.board_date, func.count())
        .where(dated, CASES.c.id.in_(archived))
        .group_by(CASES.c.board_date)
    ):
        if isinstance(when, date) and when in counts:
            counts[when] -= count
    return sorted(((when, n) for when, n in counts.items() if n > 0), reverse=True)


def case_ids(connection: Connection, references: Sequence[str]) -> dict[str, int]:
    """The row ids of the cases with these references (missing ones are left out)."""
    ids: dict[str, int] = {}
    for chunk in chunks(list(references)):
        for row in connection.execute(
            select(CASES.c.id, CASES.c.reference).where(CASES.c.reference.in_(chunk))
        ):
            ids[row.reference] = row.id
    return ids


def replace_agenda(connection: Connection, board_date: date, ordered_ids: Sequence[int]) -> None:
    """Make `ordered_ids` the board date's agenda, in that order."""
    changelog.note_agenda(connection, board_date)
    connection.execute(delete(AGENDA).where(AGENDA.c.board_date == board_date))
    if ordered_ids:
        connection.execute(
            insert(AGENDA),
            [
                {"board_date": board_date, "position": position, "case_id": case_id}
                for position, case_id in enumerate(ordered_ids)
            ],
        )


def attendees(connection: Connection) -> list[tuple[str, str]]:
    """The remembered attendees as (name, specialty), by name."""
    rows = connection.execute(select(ATTENDEES.c.name, ATTENDEES.c.specialty)).all()
    return sorted(((r.name, r.specialty) for r in rows), key=lambda p: p[0].casefold())


def remember_attendee(connection: Connection, name: str, specialty: str) -> None:
    """Add an attendee, or update the specialty of one remembered already."""
    existing = connection.execute(
        select(ATTENDEES.c.id, ATTENDEES.c.specialty).where(ATTENDEES.c.name == name)
    ).first()
    if existing is None:
        connection.execute(insert(ATTENDEES).values(name=name, specialty=specialty))
    elif existing.specialty != specialty:
        connection.execute(
            update(ATTENDEES).where(ATTENDEES.c.id == existing.id).values(specialty=specialty)
        )
