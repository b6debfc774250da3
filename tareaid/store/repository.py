"""The case database as the command line, the app and the report use it: cases and the board.

This module owns the Repository: reading and listing cases, every kind of change with its
audit rows, import and export, the demo cases, the board agenda and the attendee list.
Opening, transactions and the integrity check are the connection's job (``connection``),
the schema the ladder's (``migrations``), backups and the health check ``health``'s; the
Repository hands those on so that callers need only one object.

Rules it enforces, whoever calls it:
- every change is one write transaction (BEGIN IMMEDIATE on SQLite): all of it or none;
- a case row carries a version; a save against an older version raises StaleEditError
  instead of overwriting someone else's change;
- a case with a finalised board decision changes only with an amend reason;
- nothing is ever deleted: "delete" archives, and the audit trail only grows.

Thread use: each public method runs its own transaction on its own pooled connection, so a
Repository may be used from worker threads (one call at a time per thread).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Row, delete, select, text, update

from tareaid.domain.assessment import Summary, summarise
from tareaid.domain.case import (
    Case,
    CaseError,
    Override,
    case_to_dict,
    check_short_text,
    check_value,
    is_validated,
    parse_case,
    reference_identity,
)
from tareaid.domain.evidence import EvidencePack, load_pack
from tareaid.domain.fields import FIELDS_BY_NAME
from tareaid.store import audit, board, case_reads, health, list_query
from tareaid.store.audit import Change
from tareaid.store.case_checks import (
    reference_names,
    refuse_invalid_values,
    repeated_references,
)
from tareaid.store.connection import Database, open_database
from tareaid.store.demo_cases import DEMO_SOURCE, load_demo_cases
from tareaid.store.errors import (
    CaseArchivedError,
    CaseLockedError,
    CaseNotFoundError,
    DuplicateReferenceError,
    StaleEditError,
    StoreInputError,
)
from tareaid.store.models import CASES, OVERRIDES
from tareaid.store.reassess import refresh_assessments
from tareaid.store.records import AuditEntry, CaseSummary, CheckReport, StoredCase
from tareaid.store.rows import (
    FIELD_NAMES,
    append_audit,
    case_from_row,
    chunks,
    insert_cases,
    insert_overrides,
    read_overrides,
    row_values,
    stored_case,
)
from tareaid.store.schema import assessed_with
from tareaid.store.watch import Watcher

__all__ = ["Repository"]

log = logging.getLogger(__name__)

_PROGRESS_EVERY = 250


class Repository(list_query.ListAnswers):
    """The case database. Open with :meth:`open`; close with :meth:`close` (or `with`)."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._pack: EvidencePack = load_pack()
        self._assessed_with = assessed_with(self._pack.version)
        self._user_name: str | None = None

    @property
    def url(self) -> str:
        """The database's URL, without any password (safe to show, log or remember)."""
        return self._db.url

    @property
    def where(self) -> str:
        """The database as messages name it: its file, or its URL without a password."""
        return self._db.where

    @property
    def is_server(self) -> bool:
        """Whether the database is on a server (PostgreSQL) rather than in a file."""
        return self._db.is_server

    @property
    def login(self) -> str | None:
        """The database login on a server (recorded in the audit trail); None for SQLite."""
        return self._db.login

    @property
    def path(self) -> Path | None:
        return self._db.path

    @property
    def schema_version(self) -> int:
        return self._db.schema_version

    # --- opening and closing -------------------------------------------------------------

    @classmethod
    def open(
        cls,
        db: str | None = None,
        *,
        create: bool = True,
        busy_timeout_s: float | None = None,
        verify: bool = True,
        password: str | None = None,
    ) -> Repository:
        """Open the database at a path, URL or (None) the default location.

        Everything is checked reading only before the file is opened for writing: the
        SQLite signature, TAREaid's application_id, the schema version and quick_check. An
        older schema is upgraded in one transaction after a backup copy of the file; a
        newer one, a damaged file or another program's file is refused and left untouched.
        `create` makes a missing database (with owner-only permissions). A write waits up
        to `busy_timeout_s` (default 5 s) for another program's write to finish. Stored
        assessment summaries computed by another TAREaid or evidence pack are brought up
        to date.

        `verify=False` leaves out quick_check, which reads the whole file (~0.3-0.8 s at
        100,000 cases), for a caller that runs `verify_integrity` itself, e.g. on a worker
        thread once its window is up. The cheap checks still come first, and nothing is
        written before the check has passed: an upgrade runs it first, and every write
        waits for it. (See connection.open_database.)

        A server URL may need a `password` (typed by the user; kept in memory only). Its
        waits are bounded (server.Waits) and its errors explained (server.translate).
        """
        database = open_database(
            db, create=create, busy_timeout_s=busy_timeout_s, verify=verify, password=password
        )
        try:
            repository = cls(database)
            with database.guard():
                refresh_assessments(database, repository._pack, repository._assessed_with)
        except BaseException:
            database.close()
            raise
        return repository

    def close(self) -> None:
        """Close every connection (SQLite then checkpoints and removes its -wal file)."""
        self._db.close()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Repository {self._db.where} schema v{self.schema_version}>"

    @property
    def _where(self) -> str:
        return self._db.where

    @property
    def _user(self) -> str:
        """The account the audit trail records, looked up at the first write (a read needs
        none, so an account the trail could not record does not stop reading)."""
        if self._user_name is None:
            self._user_name = audit.current_user()
        return self._user_name

    # --- safety: handed on to the connection and the health check ---------------------------

    def verify_integrity(self) -> None:
        """Make sure the file passed SQLite's quick_check; DamagedDatabaseError if not (see
        Database.verify_integrity: may run on a worker thread; writes wait for it)."""
        self._db.verify_integrity()

    @property
    def checking_integrity(self) -> bool:
        """Whether verify_integrity is reading the file right now (a write would wait)."""
        return self._db.checking_integrity

    def stop_integrity_check(self) -> None:
        """Interrupt a verify_integrity running on another thread: it raises StoreError and
        the file counts as not checked (the next write checks it first)."""
        self._db.stop_integrity_check()

    def backup(self, destination: Path) -> None:
        """A consistent copy of the database at `destination` (owner-only, written whole),
        taken while the database may be in use."""
        health.backup(self._db, destination)

    def check(self) -> CheckReport:
        """Integrity and schema check, reading only; healthy only when nothing was found."""
        return health.check(self._db)

    def watch(
        self, on_change: Callable[[frozenset[str] | None], None], *, interval_s: float = 0.5
    ) -> Watcher | None:
        """Call `on_change(references)` from a thread of its own whenever another client
        saves a change (None: any case may have changed); None for an in-memory database.
        Stop it with the returned watcher's `stop()` (see store.watch)."""
        from tareaid.store.watch import watch

        return watch(self._db, on_change, interval_s=interval_s)

    # --- reading --------------------------------------------------------------------------

    def _fetch(self, query: list_query.Query, *, mappings: bool) -> list[Any]:
        with self._db.read() as connection:
            return _rows(connection, query, mappings=mappings)

    def summaries(self, references: Sequence[str]) -> dict[str, CaseSummary]:
        """The list entries of these cases (archived or not), by reference. One query per
        few hundred cases, no assessment run. Left out: a reference with no case, and a case
        whose stored summary another TAREaid or evidence pack computed (saved into a shared
        database since this one opened it): its headline may be out of date, so the caller
        assesses it (get_case)."""
        wanted = list(dict.fromkeys(references))
        found: dict[str, CaseSummary] = {}
        with self._db.read() as connection:
            for chunk in chunks(wanted):
                query = list_query.with_references(chunk)
                for row in _rows(connection, query, mappings=True):
                    if row["assessed_with"] != self._assessed_with:
                        continue
                    summary = list_query.summary(row)
                    found[summary.reference] = summary
        return found

    def get_case(self, reference: str) -> StoredCase:
        """The stored case (archived or not); CaseNotFoundError if there is none."""
        with self._db.read() as connection:
            row = self._row(connection, reference)
            return self._stored(row, read_overrides(connection, [row.id]).get(row.id, {}))

    def export_cases(
        self, references: Sequence[str] | None = None, *, include_archived: bool = False
    ) -> list[Case]:
        """Cases to write to a case file: the named ones in that order (archived or not),
        or all of them by reference (archived ones only with `include_archived`)."""
        with self._db.read() as connection:
            rows, missing = case_reads.export_rows(connection, references, include_archived)
            if missing:
                raise self._not_found(missing[0])
            overrides = read_overrides(
                connection, None if references is None else [row.id for row in rows]
            )
        cases = []
        for row in rows:
            case, invalid = stored_case(row._mapping, overrides.get(row.id, {}))
            self._refuse_invalid(case.reference, invalid, "nothing was exported")
            cases.append(case)
        return cases

    def history(self, reference: str) -> list[AuditEntry]:
        """The case's audit trail, oldest first (also under a reference it had before)."""
        with self._db.read() as connection:
            entries = case_reads.history(connection, reference)
        if entries is None:
            raise self._not_found(reference)
        return entries

    # --- writing cases -----------------------------------------------------------------------

    def create_case(self, case: Case) -> StoredCase:
        """Store a new case (version 1); DuplicateReferenceError if the reference exists."""
        prepared = self._prepare(case)
        with self._db.write() as connection:
            self._refuse_existing(connection, [prepared.case.reference])
            now = audit.now_utc()
            ids = self._insert(connection, [prepared], now)
            append_audit(
                connection,
                now,
                self._user,
                [
                    (
                        ids[0],
                        prepared.case.reference,
                        Change(audit.CREATE, new=prepared.json),
                    )
                ],
                self._db.login,
            )
        log.info("case %s created", prepared.case.reference)
        at = audit.parse_time(now)
        return StoredCase(prepared.case, 1, False, at, at)

    def save_case(
        self, case: Case, *, expected_version: int, amend_reason: str | None = None
    ) -> StoredCase:
        """Save changes to the case with this reference, against the version you loaded.

        Writes one audit row per changed field, override and decision change. Raises
        StaleEditError if the case changed since `expected_version`, CaseLockedError if its
        stored decision is finalised and no `amend_reason` is given, CaseArchivedError for
        an archived case. Saving an unchanged case writes nothing.
        """
        prepared = self._prepare(case)
        reason = check_short_text(amend_reason, "amend_reason", missing=None)
        new = prepared.case
        # On a server the case is read and compared before the writers' lock is taken, so
        # that saves of different cases overlap; the update's version guard refuses a save
        # that lost a race for this case (see Database.write).
        with self._db.write(serialise=False) as connection:
            row = self._row(connection, new.reference)
            self._check_version(row, expected_version)
            if row.archived:
                raise CaseArchivedError(
                    f"{self._where}: case {new.reference} is archived; restore it before "
                    "changing it"
                )
            old, invalid = stored_case(
                row._mapping, read_overrides(connection, [row.id]).get(row.id, {})
            )
            self._refuse_invalid(new.reference, invalid, "the case was not changed")
            locked = old.decision is not None and old.decision.finalised
            changes = [
                *audit.field_changes(old, new, reason=reason),
                *audit.override_changes(old.overrides, new.overrides, reason=reason),
                *audit.decision_changes(old.decision, new.decision, locked=locked, reason=reason),
            ]
            if not changes:
                return self._stored(row, old.overrides)
            if locked:
                if reason is None:
                    raise self._locked(new.reference)
                changes.insert(0, Change(audit.AMEND, reason=reason))
            values = row_values(prepared.case, prepared.summary, self._assessed_with)
            self._db.serialise(connection)
            now = audit.now_utc()
            values.update(version=row.version + 1, updated_at=now)
            result = connection.execute(
                update(CASES)
                .where(CASES.c.id == row.id, CASES.c.version == row.version)
                .values(**values)
            )
            if result.rowcount != 1:
                # Saved by someone else since it was read (a server's save reads before
                # taking the writers' lock): nothing was written.
                raise self._stale(new.reference, expected_version)
            connection.execute(delete(OVERRIDES).where(OVERRIDES.c.case_id == row.id))
            insert_overrides(connection, [(row.id, new)])
            append_audit(
                connection,
                now,
                self._user,
                [(row.id, new.reference, c) for c in changes],
                self._db.login,
            )
        log.info(
            "case %s saved as version %d (%d changes)", new.reference, row.version + 1, len(changes)
        )
        return StoredCase(
            new, row.version + 1, False, audit.parse_time(row.created_at), audit.parse_time(now)
        )

    def rename_case(
        self,
        old_reference: str,
        new_reference: str,
        *,
        expected_version: int,
        amend_reason: str | None = None,
    ) -> StoredCase:
        """Give a case a new reference; its trail and agenda places follow it."""
        try:
            new_reference = check_value(FIELDS_BY_NAME["reference"], new_reference)
        except CaseError as error:
            raise error.located(case=old_reference) from None
        reason = check_short_text(amend_reason, "amend_reason", missing=None)
        with self._db.write() as connection:
            row = self._row(connection, old_reference)
            self._check_version(row, expected_version)
            overrides = read_overrides(connection, [row.id]).get(row.id, {})
            if new_reference == old_reference:
                return self._stored(row, overrides)
            if row.archived:
                raise CaseArchivedError(
                    f"{self._where}: case {old_reference} is archived; restore it before "
                    "renaming it"
                )
            self._refuse_existing(connection, [new_reference], except_id=row.id)
            old = case_from_row(row, overrides)
            changes = []
            if old.decision is not None and old.decision.finalised:
                if reason is None:
                    raise self._locked(old_reference)
                changes.append(Change(audit.AMEND, reason=reason))
            changes.append(
                Change(
                    audit.RENAME,
                    "reference",
                    audit.to_json_text(old_reference),
                    audit.to_json_text(new_reference),
                    reason,
                )
            )
            now = audit.now_utc()
            connection.execute(
                update(CASES)
                .where(CASES.c.id == row.id)
                .values(
                    reference=new_reference,
                    reference_key=new_reference.casefold(),
                    reference_identity=reference_identity(new_reference),
                    version=row.version + 1,
                    updated_at=now,
                )
            )
            append_audit(
                connection,
                now,
                self._user,
                [(row.id, new_reference, c) for c in changes],
                self._db.login,
            )
        log.info("case %s renamed to %s", old_reference, new_reference)
        renamed = Case(
            **{
                **{n: getattr(old, n) for n in FIELD_NAMES},
                "reference": new_reference,
                "overrides": old.overrides,
                "decision": old.decision,
            }
        )
        return StoredCase(
            renamed, row.version + 1, False, audit.parse_time(row.created_at), audit.parse_time(now)
        )

    def archive_case(self, reference: str, *, expected_version: int | None = None) -> None:
        """Take a case out of the list and exports (its data and trail stay; restorable)."""
        self._set_archived(reference, True, expected_version)

    def restore_case(self, reference: str) -> None:
        """Bring an archived case back."""
        self._set_archived(reference, False, None)

    def _set_archived(self, reference: str, archived: bool, expected: int | None) -> None:
        with self._db.write() as connection:
            row = self._row(connection, reference)
            if expected is not None:
                self._check_version(row, expected)
            if bool(row.archived) == archived:
                return
            now = audit.now_utc()
            connection.execute(
                update(CASES)
                .where(CASES.c.id == row.id)
                .values(archived=archived, version=row.version + 1, updated_at=now)
            )
            action = audit.ARCHIVE if archived else audit.RESTORE
            append_audit(
                connection, now, self._user, [(row.id, reference, Change(action))], self._db.login
            )
        log.info("case %s %s", reference, "archived" if archived else "restored")

    def import_cases(
        self,
        cases: Sequence[Case],
        *,
        progress: Callable[[int, int], None] | None = None,
        source: str | None = None,
    ) -> int:
        """Store new cases in one transaction: all of them, or none when any is refused.

        Refuses (DuplicateReferenceError, naming them) references that repeat within
        `cases` or exist already, archived or not. `progress(done, total)` is called from
        the calling thread as cases are validated and assessed. Returns how many were
        stored. `source` (a file name) is kept in the audit trail.
        """
        cases = list(cases)
        total = len(cases)
        repeated = repeated_references([case.reference for case in cases])
        if repeated:
            raise DuplicateReferenceError(
                f"{self._where}: {reference_names(repeated)} more than once in the cases to "
                "import; nothing was imported"
            )
        prepared = []
        for index, case in enumerate(cases, 1):
            prepared.append(self._prepare(case, position=index, source=source))
            if progress is not None and index % _PROGRESS_EVERY == 0:
                progress(index, total)
        with self._db.bulk_write() as connection:
            self._refuse_existing(
                connection, [p.case.reference for p in prepared], nothing="nothing was imported"
            )
            self._import(connection, prepared, source)
        if progress is not None:
            progress(total, total)
        log.info("%d cases imported", total)
        return total

    def add_demo_cases(self) -> int:
        """Add the fictional demo cases that are not there yet; how many were added."""
        demo = load_demo_cases()
        with self._db.write() as connection:
            present = self._existing(connection, [case.reference for case in demo])
            prepared = [
                self._prepare(case)
                for case in demo
                if reference_identity(case.reference) not in present
            ]
            if prepared:
                self._import(connection, prepared, DEMO_SOURCE)
        return len(prepared)

    # --- the board: agenda and attendees ------------------------------------------------

    def board_dates(self) -> list[tuple[date, int]]:
        """Each board date unarchived cases carry, with how many carry it, newest first."""
        with self._db.read() as connection:
            return board.board_dates(connection)

    def agenda(self, board_date: date) -> list[str]:
        """References in the coordinator's order for this board date, then the other cases
        dated that day by reference. Archived cases are left out."""
        with self._db.read() as connection:
            return board.agenda(connection, board_date)

    def set_agenda(self, board_date: date, references: Sequence[str]) -> None:
        """Keep the coordinator's order of cases for a board date (replacing the old one).

        A case of another date may be put on the agenda; a case dated that day but left out
        still appears in `agenda`, after the ordered ones.
        """
        wanted = list(dict.fromkeys(references))
        with self._db.write() as connection:
            ids = board.case_ids(connection, wanted)
            missing = [r for r in wanted if r not in ids]
            if missing:
                raise self._not_found(missing[0])
            board.replace_agenda(connection, board_date, [ids[r] for r in wanted])

    def attendees(self) -> list[tuple[str, str]]:
        """The remembered board attendees as (name, specialty), by name."""
        with self._db.read() as connection:
            return board.attendees(connection)

    def remember_attendee(self, name: str, specialty: str) -> None:
        """Add an attendee to the remembered list, or update their specialty."""
        name = (name or "").strip()
        specialty = (specialty or "").strip()
        if not name:
            raise StoreInputError(f"{self._where}: an attendee needs a name")
        if len(name) > 200 or len(specialty) > 200:
            raise StoreInputError(
                f"{self._where}: attendee name and specialty are at most 200 characters"
            )
        with self._db.write() as connection:
            board.remember_attendee(connection, name, specialty)

    # --- internals: rows ---------------------------------------------------------------------

    def _prepare(
        self, case: Case, *, position: int | None = None, source: str | None = None
    ) -> _Prepared:
        """Validate a case (as if read from a file) and summarise its assessment (the
        stored counts and headline), before any transaction.

        A case that parse_case returned (a file just read, an edit through with_changes)
        is valid already and is not parsed again; any other Case is.
        """
        if not isinstance(case, Case):
            raise TypeError(f"expected a Case, got {type(case).__name__}")
        data = case_to_dict(case)
        valid = case
        if not is_validated(case):
            try:
                valid = parse_case(data, source=source or "", position=position)
            except CaseError as error:
                raise error.located(source=source, case=case.reference) from None
            if valid != case:
                # Validation normalised something (blank text means "not recorded"): the
                # trail records what is stored.
                data = case_to_dict(valid)
        return _Prepared(valid, summarise(valid, self._pack), audit.to_json_text(data))

    def _row(self, connection: Connection, reference: str) -> Row[Any]:
        row = connection.execute(select(CASES).where(CASES.c.reference == reference)).first()
        if row is None:
            raise self._not_found(reference)
        return row

    def _stored(self, row: Row[Any], overrides: Mapping[str, Override]) -> StoredCase:
        case, invalid = stored_case(row._mapping, overrides)
        return StoredCase(
            case=case,
            version=row.version,
            archived=bool(row.archived),
            created_at=audit.parse_time(row.created_at),
            updated_at=audit.parse_time(row.updated_at),
            invalid=invalid,
            audit_head=row.audit_head,
            audit_count=row.audit_count,
        )

    def _refuse_invalid(self, reference: str, invalid: Mapping[str, str], doing: str) -> None:
        refuse_invalid_values(self._where, reference, invalid, doing)

    def _existing(
        self, connection: Connection, references: Sequence[str], *, except_id: int | None = None
    ) -> dict[str, str]:
        """The stored cases whose reference has the identity of one of `references`: the
        identity → the stored reference (the case with id `except_id` left out)."""
        found: dict[str, str] = {}
        identities = list(dict.fromkeys(reference_identity(r) for r in references))
        for chunk in chunks(identities):
            statement = select(CASES.c.reference_identity, CASES.c.reference).where(
                CASES.c.reference_identity.in_(chunk)
            )
            if except_id is not None:
                statement = statement.where(CASES.c.id != except_id)
            for identity, reference in connection.execute(statement):
                found.setdefault(identity, reference)
        return found

    def _refuse_existing(
        self,
        connection: Connection,
        references: Sequence[str],
        *,
        nothing: str = "",
        except_id: int | None = None,
    ) -> None:
        existing = self._existing(connection, references, except_id=except_id)
        if existing:
            clashes = []
            for reference in references:
                stored = existing.get(reference_identity(reference))
                if stored is None:
                    continue
                clashes.append(
                    reference if stored == reference else f"{reference} (as case {stored})"
                )
            tail = f"; {nothing}" if nothing else ""
            raise DuplicateReferenceError(
                f"{self._where}: {reference_names(clashes)} already in the database (references "
                "are unique, archived cases included, and references that differ only in case, "
                f"dashes or Unicode form are one reference){tail}"
            )

    def _check_version(self, row: Row[Any], expected: int) -> None:
        if row.version != expected:
            raise self._stale(row.reference, expected, row.version)

    def _insert(self, connection: Connection, prepared: Sequence[_Prepared], now: str) -> list[int]:
        """Insert case rows and their overrides; the new ids in the same order."""
        rows = []
        for item in prepared:
            values = row_values(item.case, item.summary, self._assessed_with)
            values.update(
                archived=False,
                version=1,
                created_at=now,
                updated_at=now,
                audit_head=None,
                audit_count=0,
            )
            rows.append(values)
        ids = insert_cases(connection, rows)
        insert_overrides(connection, [(i, p.case) for i, p in zip(ids, prepared, strict=True)])
        return ids

    def _import(
        self, connection: Connection, prepared: Sequence[_Prepared], source: str | None
    ) -> None:
        now = audit.now_utc()
        ids = self._insert(connection, prepared, now)
        reason = f"imported from {source}" if source else None
        append_audit(
            connection,
            now,
            self._user,
            [
                (
                    case_id,
                    item.case.reference,
                    Change(audit.IMPORT, new=item.json, reason=reason),
                )
                for case_id, item in zip(ids, prepared, strict=True)
            ],
            self._db.login,
        )

    # --- internals: messages --------------------------------------------------------------

    def _not_found(self, reference: str) -> CaseNotFoundError:
        return CaseNotFoundError(f"{self._where}: no case with reference {reference}")

    def _stale(self, reference: str, expected: int, current: int | None = None) -> StaleEditError:
        now = f" (you loaded version {expected}; it is now version {current})" if current else ""
        return StaleEditError(
            f"{self._where}: case {reference} was changed by someone else since you opened "
            f"it{now}; your change was not saved. Reload the case and make the change again"
        )

    def _locked(self, reference: str) -> CaseLockedError:
        return CaseLockedError(
            f"{self._where}: case {reference} has a finalised board decision; an amend reason "
            "is required to change it"
        )


# --- helpers -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Prepared:
    case: Case
    summary: Summary  # the stored counts and headline
    json: str  # the case as the audit trail records it


def _rows(connection: Connection, query: list_query.Query, *, mappings: bool) -> list[Any]:
    """The rows of a list query (``list_query``) through SQLAlchemy: tuples, or mappings."""
    result = connection.execute(text(query.sql), query.params)
    return list(result.mappings()) if mappings else list(result)
