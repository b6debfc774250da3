"""The case list through SQLAlchemy: the list query of ``list_query`` as statements.

The query itself (columns, order, search, and a row as a CaseSummary) is defined once in
``list_query``, which the start-up reader runs through sqlite3 before SQLAlchemy is loaded;
here it becomes a ``text()`` statement for the repository's connections.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, TextClause, text

from tareaid.store import list_query
from tareaid.store.records import CaseSummary

ORDER_COLUMNS = list_query.ORDER_COLUMNS


def count(
    search: str | None, include_archived: bool, search_identifiers: bool
) -> tuple[TextClause, dict[str, Any]]:
    """How many cases `page` would give without offset and limit: statement, parameters."""
    return _statement(list_query.count(search, include_archived, search_identifiers))


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
) -> tuple[TextClause, dict[str, Any]]:
    """A page of the list, ties ordered by reference (rows for `summary`): statement,
    parameters (`server`: the statement runs on PostgreSQL)."""
    return _statement(
        list_query.page(
            search,
            include_archived=include_archived,
            search_identifiers=search_identifiers,
            offset=offset,
            limit=limit,
            order_by=order_by,
            descending=descending,
            server=server,
        )
    )


def with_references(references: list[str]) -> tuple[TextClause, dict[str, Any]]:
    """The list entries of these cases, with who computed their stored summary
    (``assessed_with``), one IN list: statement, parameters."""
    return _statement(list_query.with_references(references))


def summary(row: Row[Any]) -> CaseSummary:
    """The list entry for a row of `page`."""
    return list_query.summary(row._mapping)


def _statement(query: list_query.Query) -> tuple[TextClause, dict[str, Any]]:
    return text(query.sql), query.params
