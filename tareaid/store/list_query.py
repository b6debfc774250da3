"""The case list as SQL: which cases a search matches, in which order, one page at a time.

The one definition of the list's query, and of the `count_cases` and `list_cases` that
answer it (:class:`ListAnswers`): run by the repository through SQLAlchemy and, at
start-up, before SQLAlchemy is loaded, by the list readers through sqlite3
(``list_reader``) or psycopg (``server_list_reader``). All get the same columns, the same
order and the same search, and turn a row into the same :class:`CaseSummary`
(:func:`summary`). Nothing here imports SQLAlchemy.

Built for 100,000 cases: every page and count reads stored columns only (no assessment is
run) and is shaped so that SQLite walks a narrow index instead of the wide table rows (the
indexes are those of revisions 0001 and 0003). The SQL is plain enough for SQLite and
PostgreSQL alike; its parameters are named (``:name``), as SQLAlchemy's ``text()`` and
sqlite3 take them (:func:`pyformat` gives psycopg's form).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from tareaid.store.records import CaseSummary, InvalidStoredValue, parse_time

TABLE = "case_record"

# What a row of the list holds (CaseSummary).
SUMMARY_COLUMNS = (
    "reference",
    "board_date",
    "count_favours",
    "count_neutral",
    "count_against",
    "count_unassessed",
    "count_outside",
    "headline",
    "archived",
    "decision_outcome",
    "decision_finalised",
    "updated_at",
    "version",
    "patient_name",
    "mrn",
)

# order_by → the column (ties are ordered by reference).
ORDER_COLUMNS = {
    "reference": "reference",
    "board_date": "board_date",
    "favours": "count_favours",
    "neutral": "count_neutral",
    "against": "count_against",
    "headline": "headline",
    "updated_at": "updated_at",
}

# The order columns that may hold NULL (a case without a board date).
NULLABLE_ORDER_COLUMNS = frozenset({"board_date"})

# A page "to the end" (an offset without a limit): SQLite needs a LIMIT before OFFSET.
_NO_LIMIT = 2**63 - 1


@dataclass(frozen=True)
class Query:
    """SQL with named parameters (``:name``), and their values."""

    sql: str
    params: dict[str, Any]


def count(search: str | None, include_archived: bool, search_identifiers: bool) -> Query:
    """How many cases `page` would give without offset and limit."""
    where, params = _filtered(search, include_archived, search_identifiers, direct=True)
    return Query(f"SELECT count(*) FROM {TABLE}{where}", params)


def page(
    search: str | None,
    *,
    include_archived: bool,
    search_identifiers: bool,
    offset: int,
    limit: int | None,
    order_by: str,
    descending: bool,
    server: bool = False,
) -> Query:
    """A page of the list, ties ordered by reference; rows for `summary`.

    Cases without a board date come first in ascending order, last in descending order:
    SQLite's own order. A `server` (PostgreSQL) orders NULLs the other way round, so there
    the order says so; an SQLite file keeps the plain ORDER BY its indexes serve.
    """
    if order_by not in ORDER_COLUMNS:
        raise ValueError(f"order_by must be one of {', '.join(ORDER_COLUMNS)}")
    column = ORDER_COLUMNS[order_by]
    # In reference order the search index gives the rows in order and tests the key; in
    # any other order only the matching rows are fetched, then sorted.
    by_reference = column == "reference"
    where, params = _filtered(search, include_archived, search_identifiers, direct=by_reference)
    direction = " DESC" if descending else ""
    keys = [column] if by_reference else [column, "reference"]
    nulls = ""
    if server:
        nulls = " NULLS LAST" if descending else " NULLS FIRST"
    order = ", ".join(
        f"{key}{direction}{nulls if key in NULLABLE_ORDER_COLUMNS else ''}" for key in keys
    )
    sql = f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM {TABLE}{where} ORDER BY {order}"
    offset = max(0, offset)
    if limit is not None or offset:
        sql += " LIMIT :limit"
        params["limit"] = _NO_LIMIT if limit is None else max(0, limit)
    if offset:
        sql += " OFFSET :offset"
        params["offset"] = offset
    return Query(sql, params)


def with_references(references: Sequence[str]) -> Query:
    """The list entries of these cases (archived or not), in no particular order; rows for
    `summary`, with ``assessed_with`` (who computed the stored summary). At most a few
    hundred references (one IN list)."""
    names = [f"r{index}" for index in range(len(references))]
    marks = ", ".join(f":{name}" for name in names) or "NULL"
    # assessed_with is compared by the caller, not here: a condition on it would lead the
    # planner to its index, which every current row shares (a scan of the whole table).
    return Query(
        f"SELECT {', '.join(SUMMARY_COLUMNS)}, assessed_with FROM {TABLE} "
        f"WHERE reference IN ({marks})",
        dict(zip(names, references, strict=True)),
    )


def stale_summaries(assessed_with: str) -> Query:
    """A row (or none) whose stored summary another TAREaid or evidence pack computed: the
    store re-assesses such rows when it opens the database, so the list cannot be shown
    from the file until it has."""
    # Two ranges of the assessed_with index rather than "<>", which would scan all of it
    # (~10 ms at 100,000 cases).
    return Query(
        f"SELECT 1 FROM {TABLE} WHERE assessed_with < :assessed_with "
        "OR assessed_with > :assessed_with LIMIT 1",
        {"assessed_with": assessed_with},
    )


def summary(row: Mapping[str, Any]) -> CaseSummary:
    """The list entry for a row of `page` (its columns by name, as stored).

    A value written behind TAREaid's back is shown as invalid, never crashed on: a board
    date that is not a date, a flag that is not 0 or 1 (counted as set, as the store's
    typed columns read it).
    """
    board_date = stored_date(row["board_date"])
    invalid = []
    if isinstance(board_date, InvalidStoredValue):
        invalid.append("board_date")
        board_date = None
    return CaseSummary(
        reference=row["reference"],
        board_date=board_date,
        invalid_fields=tuple(invalid),
        counts={
            "favours": row["count_favours"],
            "neutral": row["count_neutral"],
            "against": row["count_against"],
            "unassessed": row["count_unassessed"],
            "outside": row["count_outside"],
        },
        headline=row["headline"],
        archived=bool(stored_boolean(row["archived"])),
        decision_outcome=row["decision_outcome"],
        finalised=bool(stored_boolean(row["decision_finalised"])),
        updated_at=parse_time(row["updated_at"]),
        version=row["version"],
        patient_name=row["patient_name"],
        mrn=row["mrn"],
    )


def stored_date(value: Any) -> date | InvalidStoredValue | None:
    """A DATE column's value: SQLite keeps ISO text (read as SQLAlchemy's SQLite dialect
    reads it, ``date.fromisoformat``), a server hands back a date; anything else is an
    invalid stored value."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except (ValueError, TypeError, OverflowError):
        return InvalidStoredValue(value)


def stored_boolean(value: Any) -> bool | InvalidStoredValue | None:
    """A BOOLEAN column's value: 0/1 (SQLite) or a bool; anything else (SQLite keeps any
    value in any column) is an invalid stored value, never read as true."""
    if value is None:
        return None
    if isinstance(value, bool) or value in (0, 1):
        return bool(value)
    return InvalidStoredValue(value)


_PARAMETER = re.compile(r":(\w+)")


def pyformat(query: Query) -> tuple[str, dict[str, Any]]:
    """The query with psycopg's parameter markers (``%(name)s``)."""
    return _PARAMETER.sub(r"%(\1)s", query.sql.replace("%", "%%")), query.params


def _filtered(
    search: str | None,
    include_archived: bool,
    search_identifiers: bool,
    *,
    direct: bool,
) -> tuple[str, dict[str, Any]]:
    """The WHERE clause restricting the list to unarchived cases and to a case-insensitive
    substring, with its parameters.

    A substring match cannot use an index to seek, so what matters is which index SQLite
    scans. `direct` tests the reference key in the statement's own WHERE clause: right for a
    count (a scan of the narrow (reference_key, archived) index, nothing else read) and for
    a page in reference order (a walk of the (reference, archived, reference_key) index
    that stops after the page). Otherwise the matching ids are found in the narrow index
    first and only those rows are read and sorted: ordered by another column, a direct
    test would walk that column's index and read every table row to test its key (~250 ms
    instead of ~15 ms at 100,000 cases when little matches).
    """
    if not search or not search.strip():
        return ("" if include_archived else " WHERE archived = FALSE"), {}
    needle = search.strip().casefold()
    pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    params = {"pattern": pattern}

    def matching(column: str) -> str:
        test = f"{column} LIKE :pattern ESCAPE '\\'"
        return test if include_archived else f"{test} AND archived = FALSE"

    if direct and not search_identifiers:
        return f" WHERE {matching('reference_key')}", params
    ids = f"SELECT id FROM {TABLE} WHERE {matching('reference_key')}"
    if search_identifiers:
        # Either key may match: the union of two narrow index scans, never a scan of the
        # wide table rows.
        ids += f" UNION SELECT id FROM {TABLE} WHERE {matching('identity_key')}"
    return f" WHERE id IN ({ids})", params


class ListAnswers:
    """`count_cases` and `list_cases` from the list query, run by `_fetch`: the one thing
    the repository and each start-up reader supply (SQLAlchemy, sqlite3, psycopg)."""

    # Whether the query runs on PostgreSQL (its order of NULLs is spelt out there).
    is_server = False

    def count_cases(
        self,
        search: str | None = None,
        *,
        include_archived: bool = False,
        search_identifiers: bool = False,
    ) -> int:
        """How many cases `list_cases` would give without offset and limit."""
        query = count(search, include_archived, search_identifiers)
        return int(self._fetch(query, mappings=False)[0][0])

    def list_cases(
        self,
        search: str | None = None,
        *,
        include_archived: bool = False,
        search_identifiers: bool = False,
        offset: int = 0,
        limit: int | None = None,
        order_by: str = "reference",
        descending: bool = False,
    ) -> list[CaseSummary]:
        """A page of the case list from stored columns (no assessment is run).

        `search` is a case-insensitive substring of the reference, and of the patient name
        and MRN when `search_identifiers` is set. Ties are ordered by reference.
        """
        query = page(
            search,
            include_archived=include_archived,
            search_identifiers=search_identifiers,
            offset=offset,
            limit=limit,
            order_by=order_by,
            descending=descending,
            server=self.is_server,
        )
        return [summary(row) for row in self._fetch(query, mappings=True)]

    def _fetch(self, query: Query, *, mappings: bool) -> list[Any]:
        """The query's rows: tuples, or (`mappings`) rows readable by column name."""
        raise NotImplementedError
