"""The health check of a database server's audit trail: its protection and its length.

On a server, the trail's owner (or a superuser) can do what TAREaid's login cannot: drop or
disable the triggers that keep the trail append-only, rewrite their functions, truncate the
table or delete entries. `check` looks for the traces of each, reading only:

- the triggers on ``audit_entry``, compared with their definitions (``pg_trigger``,
  ``pg_get_triggerdef``), enabled, and the functions they call unchanged;
- the hash chain itself (an entry changed or removed in the middle breaks it);
- the number of entries and the newest hash against the end row every writer keeps
  (``audit_trail_end``): entries removed from the end, or all of them, leave the chain
  whole but not the count (the comparison itself is ``trail_check.trail_end_problems``).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, func, select, text

from tareaid.store.models import AUDIT, AUDIT_TRAIL_END
from tareaid.store.trail_check import trail_end_problems

# What the revisions create (0001 and 0006), as pg_get_triggerdef prints it, without the
# table's schema; and the body of each function, blanks folded.
EXPECTED_TRIGGERS = {
    "audit_entry_append_only": (
        "CREATE TRIGGER audit_entry_append_only BEFORE DELETE OR UPDATE ON audit_entry "
        "FOR EACH ROW EXECUTE FUNCTION tareaid_audit_append_only()"
    ),
    "audit_entry_no_truncate": (
        "CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry "
        "FOR EACH STATEMENT EXECUTE FUNCTION tareaid_audit_no_truncate()"
    ),
}
EXPECTED_FUNCTIONS = {
    "tareaid_audit_append_only": "BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END;",
    "tareaid_audit_no_truncate": (
        "BEGIN RAISE EXCEPTION 'the audit trail is append-only: it cannot be truncated'; END;"
    ),
}
# pg_trigger.tgenabled: O fires in the usual (origin) mode, A always; D is disabled, R fires
# only for replication.
_FIRES = ("O", "A")


def _folded(sql: str) -> str:
    sql = re.sub(r"\s+", " ", sql).strip()
    # pg_get_triggerdef names the table with its schema when it is not on the search path.
    return re.sub(r" ON (?:\"?[\w$]+\"?\.)?audit_entry ", " ON audit_entry ", sql)


def trigger_problems(connection: Connection) -> list[str]:
    """What is wrong with the triggers that protect the trail (empty when nothing is)."""
    found = {
        row.tgname: row
        for row in connection.execute(
            text(
                "SELECT t.tgname, t.tgenabled, pg_get_triggerdef(t.oid) AS definition "
                "FROM pg_trigger t WHERE t.tgrelid = 'audit_entry'::regclass "
                "AND NOT t.tgisinternal"
            )
        )
    }
    problems = []
    for name, expected in EXPECTED_TRIGGERS.items():
        row = found.get(name)
        if row is None:
            problems.append(f"the audit trail is not protected: trigger {name} is missing")
        elif _folded(row.definition) != expected:
            problems.append(
                f"the audit trail is not protected as it should be: trigger {name} was changed "
                f"({_folded(row.definition)})"
            )
        elif str(row.tgenabled) not in _FIRES:
            problems.append(f"the audit trail is not protected: trigger {name} is disabled")
    bodies = {
        row.proname: row.prosrc
        for row in connection.execute(
            text("SELECT proname, prosrc FROM pg_proc WHERE proname IN :names").bindparams(
                _names(EXPECTED_FUNCTIONS)
            )
        )
    }
    for name, expected in EXPECTED_FUNCTIONS.items():
        body = bodies.get(name)
        if body is None:
            problems.append(f"the audit trail is not protected: function {name} is missing")
        elif re.sub(r"\s+", " ", body).strip() != expected:
            problems.append(
                f"the audit trail is not protected: function {name} was rewritten and may no "
                "longer refuse changes"
            )
    return problems


def _names(names: Any) -> Any:
    from sqlalchemy import bindparam

    return bindparam("names", value=tuple(names), expanding=True)


def count_problems(connection: Connection) -> list[str]:
    """The trail's length and newest entry against the end row its writers keep (any
    backend opened through the engine; a file's `check` reads the same through sqlite3)."""
    kept = connection.execute(
        select(AUDIT_TRAIL_END.c.entry_count, AUDIT_TRAIL_END.c.head_hash)
    ).all()
    count = int(connection.execute(select(func.count()).select_from(AUDIT)).scalar_one())
    newest = connection.execute(
        select(AUDIT.c.entry_hash).order_by(AUDIT.c.id.desc()).limit(1)
    ).scalar()
    return trail_end_problems([tuple(row) for row in kept], count, newest)
