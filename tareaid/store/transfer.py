"""Moving a whole database: a server's backup as an SQLite file, and `tareaid migrate`
between an SQLite file and a PostgreSQL server, either way.

Everything is copied as it is stored: every case row with its id and version, overrides,
every audit entry with its time, users and hash, the trail's head, the agenda and the
attendees. The hash chain therefore verifies on the copy exactly as on the original, and
`check` passes there.

- The source is read in one snapshot (a REPEATABLE READ transaction on a server; one read
  transaction on a file), so a copy taken while others work is consistent.
- The target is written in one transaction: all of it or nothing. It must be new or empty
  (no case, entry, agenda or attendee), so nothing is ever merged or overwritten; a new
  file is built beside its final name (a part named like the backups' parts, so that a copy
  killed halfway is cleaned up as theirs are) and put in place only when complete, and never
  over a database or one of its -wal/-shm/-journal files (``files.refuse_database_target``).
- A case row holding a value no import would accept (written behind TAREaid's back) is not
  copied: the copy stops and nothing is written. `check` names it.
- `migrate` takes the automatic ``before-migrate`` backup of a database file it copies from
  first (``backups``; a server is backed up with its own tools, and the target is new or
  empty).
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Table, func, select, text, update

from tareaid import files
from tareaid.store import backups, sqlite_file
from tareaid.store.connection import Database, open_database
from tareaid.store.errors import InvalidStoredValueError, StoreEnvironmentError, StoreInputError
from tareaid.store.location import database_file
from tareaid.store.models import AGENDA, ATTENDEES, AUDIT, AUDIT_TRAIL_END, CASES, OVERRIDES
from tareaid.store.records import InvalidStoredValue
from tareaid.store.rows import bulk_insert

log = logging.getLogger(__name__)

# Parents before children; the trail's end is one row, updated rather than inserted.
TABLES: tuple[Table, ...] = (CASES, OVERRIDES, AUDIT, AGENDA, ATTENDEES)
# Tables whose ids come from a sequence on a server.
_SERIAL = (CASES, AUDIT, AGENDA, ATTENDEES)
BATCH = 2000

Progress = Callable[[int, int], None]
# Told of each automatic backup `migrate` takes (the command line warns of a failed one).
BackupReport = Callable[[backups.BackupOutcome], None]


@dataclass(frozen=True)
class Copied:
    """How many rows of each kind were copied."""

    cases: int
    audit_entries: int
    agenda_items: int
    attendees: int


def copy_database(source: Database, target: Database, progress: Progress | None = None) -> Copied:
    """Copy every row of `source` into the empty database `target`, in one snapshot and one
    transaction. StoreInputError when `target` is not empty (nothing is written)."""
    if source.schema_version != target.schema_version:  # both were opened, so both current
        raise StoreEnvironmentError(
            f"{target.where}: is at schema version {target.schema_version}, the source "
            f"{source.where} at {source.schema_version}; nothing was copied"
        )
    with source.read() as reading, target.write() as writing:
        _refuse_non_empty(writing, target)
        if target.is_server:
            # A big copy is one transaction of many statements; none may take the whole
            # statement timeout, but the copy as a whole may.
            writing.execute(text("SET LOCAL statement_timeout = 0"))
        if source.is_server:
            reading.execute(text("SET LOCAL statement_timeout = 0"))
        total = int(reading.execute(select(func.count()).select_from(CASES)).scalar_one())
        counts: dict[str, int] = {}
        for table in TABLES:
            counts[table.name] = _copy_table(reading, writing, table, total, progress)
        end = reading.execute(
            select(AUDIT_TRAIL_END.c.entry_count, AUDIT_TRAIL_END.c.head_hash)
        ).first()
        if end is not None:
            writing.execute(
                update(AUDIT_TRAIL_END)
                .where(AUDIT_TRAIL_END.c.id == 1)
                .values(entry_count=end.entry_count, head_hash=end.head_hash)
            )
        if target.is_server:
            _advance_sequences(writing)
    copied = Copied(
        counts[CASES.name], counts[AUDIT.name], counts[AGENDA.name], counts[ATTENDEES.name]
    )
    log.info(
        "copied %d cases, %d audit entries, %d agenda items, %d attendees",
        copied.cases,
        copied.audit_entries,
        copied.agenda_items,
        copied.attendees,
    )
    return copied


def _refuse_non_empty(connection: Connection, target: Database) -> None:
    found = {
        table.name: int(connection.execute(select(func.count()).select_from(table)).scalar_one())
        for table in TABLES
    }
    if any(found.values()):
        held = ", ".join(f"{count} rows in {name}" for name, count in found.items() if count)
        raise StoreInputError(
            f"{target.where}: is not empty ({held}); TAREaid copies a database only into a "
            "new or empty one, so that nothing is merged or overwritten. Nothing was copied",
            exit_code=2,
        )


def _copy_table(
    reading: Connection, writing: Connection, table: Table, total: int, progress: Progress | None
) -> int:
    statement = select(table).order_by(*table.primary_key.columns)
    result = reading.execution_options(stream_results=True, yield_per=BATCH).execute(statement)
    names = [column.name for column in table.columns]
    copied = 0
    for batch in result.partitions(BATCH):
        rows = [dict(zip(names, row, strict=True)) for row in batch]
        if table is CASES:
            _refuse_invalid(rows)
        bulk_insert(writing, table, rows)
        copied += len(rows)
        if progress is not None and table is CASES:
            progress(copied, total)
    return copied


def _refuse_invalid(rows: list[dict]) -> None:
    """Stop the copy at a value no import would accept (see models.StoredDate): copied, it
    would be refused by a server or taken for a valid value."""
    for row in rows:
        for name, value in row.items():
            if isinstance(value, InvalidStoredValue):
                raise InvalidStoredValueError(
                    f"case {row['reference']}: field '{name}' holds an invalid stored value "
                    f"({value}); nothing was copied. Run tareaid check, and restore a backup"
                )


def _advance_sequences(connection: Connection) -> None:
    """Move each id sequence past the copied ids, with nextval only (the application's role
    may use its sequences but not set them)."""
    for table in _SERIAL:
        highest = connection.execute(select(func.max(table.c.id))).scalar()
        if not highest:
            continue
        sequence = connection.execute(
            text("SELECT pg_get_serial_sequence(:table, 'id')"), {"table": table.name}
        ).scalar()
        if sequence is None:  # pragma: no cover - every TAREaid table's id is serial
            continue
        current = int(connection.execute(select(func.nextval(sequence))).scalar_one())
        if current < highest:
            connection.execute(
                text("SELECT max(nextval(:sequence)) FROM generate_series(1, :count)"),
                {"sequence": sequence, "count": int(highest) - current},
            )


# --- backups of a server, and migrate -----------------------------------------------------------


def backup_server(source: Database, destination: Path) -> Copied:
    """A consistent copy of a server's database as a new TAREaid SQLite file at
    `destination` (owner-only; it replaces the file there only once complete)."""
    destination = Path(destination).expanduser().absolute()
    if destination.is_dir():
        raise StoreInputError(
            f"{destination}: is a folder; give a file name for the backup", exit_code=1
        )
    if not destination.parent.is_dir():
        raise StoreInputError(
            f"{destination}: the folder {destination.parent} does not exist", exit_code=1
        )
    files.refuse_database_target(destination)
    with _new_file_beside(destination) as temp:
        copied = _copy_into_new_file(source, temp)
        _put_in_place(temp, destination, replace=True)
    return copied


def migrate(
    source_db: str,
    target_db: str,
    *,
    source_password: str | None = None,
    target_password: str | None = None,
    progress: Progress | None = None,
    backed_up: BackupReport | None = None,
) -> tuple[Copied, str]:
    """Copy the whole database `source_db` into `target_db` (new or empty), all or nothing;
    (what was copied, the target as messages name it). Either may be a file or a URL.

    A source file is backed up first (the automatic ``before-migrate`` kind, which skips a
    database with no case); `backed_up` hears of the outcome."""
    source = open_database(source_db, create=False, password=source_password)
    try:
        target_file = database_file(target_db)
        if target_file is not None:
            if source.path is not None and _same_file(source.path, target_file):
                raise StoreInputError(
                    f"{target_file}: is the source database itself; nothing was copied",
                    exit_code=2,
                )
            if not target_file.exists() and not target_file.is_symlink():
                if not target_file.parent.is_dir():
                    raise StoreInputError(
                        f"{target_file}: the folder {target_file.parent} does not exist",
                        exit_code=2,
                    )
                files.refuse_database_target(target_file)
                _back_up(source, backed_up)
                with _new_file_beside(target_file) as temp:
                    copied = _copy_into_new_file(source, temp, progress)
                    _put_in_place(temp, target_file, replace=False)
                return copied, str(target_file)
        target = open_database(target_db, create=True, password=target_password)
        try:
            if target.path is None and source.path is None and target.url == source.url:
                raise StoreInputError(
                    f"{target.where}: is the source database itself; nothing was copied",
                    exit_code=2,
                )
            # The target is new or empty (or refused): only the source has cases to keep.
            _back_up(source, backed_up)
            return copy_database(source, target, progress), target.where
        finally:
            target.close()
    finally:
        source.close()


def _back_up(database: Database, backed_up: BackupReport | None) -> None:
    if database.path is None:
        return
    outcome = backups.automatic_backup(database, backups.BEFORE_MIGRATE)
    if backed_up is not None:
        backed_up(outcome)


def _copy_into_new_file(source: Database, temp: Path, progress: Progress | None = None) -> Copied:
    target = open_database(str(temp), create=True)
    try:
        # Locked as a backup's part is, so that no clean-up of stale parts removes it while
        # it is written; released only after SQLite's own connection is closed.
        with sqlite_file.locked_part(temp):
            try:
                return copy_database(source, target, progress)
            finally:
                target.close()
    finally:
        target.close()


@contextlib.contextmanager
def _new_file_beside(final: Path) -> Iterator[Path]:
    """A path for a new database beside `final`, cleaned up unless it was put in place; the
    parts killed copies and backups left in that folder are removed first."""
    sqlite_file.remove_stale_parts(final.parent)
    temp = (
        final.parent / f".{final.name}{sqlite_file.BACKUP_PART_PREFIX}{secrets.token_hex(4)}.part"
    )
    try:
        yield temp
    finally:
        for leftover in (temp, *(Path(f"{temp}{end}") for end in ("-journal", "-wal", "-shm"))):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _put_in_place(temp: Path, final: Path, *, replace: bool) -> None:
    try:
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(temp, 0o600)
        if replace:
            os.replace(temp, final)
        else:
            # link() never replaces: a file that appeared meanwhile is kept.
            try:
                os.link(temp, final)
            except FileExistsError:
                raise StoreInputError(
                    f"{final}: appeared while the copy was made; nothing was copied over it",
                    exit_code=2,
                ) from None
    except OSError as error:
        raise StoreEnvironmentError(
            f"{final}: the copy could not be written ({error.strerror or error})"
        ) from None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
