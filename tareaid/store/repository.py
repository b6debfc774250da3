"""The case database: the only code that opens connections and writes cases.

This module owns the Repository, the store's public face for the command line, the desktop
UI and the report: opening a database safely (every check read-only first, then the
upgrade after a backup), reading and listing cases, every kind of change with its audit
rows, import and export, the board agenda and attendee list, backups and the health check.

Rules it enforces, whoever calls it:
- every write is one transaction started with BEGIN IMMEDIATE, so it is kept whole or not
  at all and two writers never interleave a read and a write;
- a case row carries a version; a save against an older version raises StaleEditError
  instead of overwriting someone else's change;
- a case with a finalised board decision changes only with an amend reason;
- nothing is ever deleted: "delete" archives, and the audit trail only grows.

Thread use: the engine is shared, connections are not. Each public method takes its own
connection from the pool and returns it, so a Repository may be used from worker threads
(one call at a time per thread; calls from several threads are serialised by SQLite).
"""

from __future__ import annotations

import contextlib
import importlib.resources
import json
import logging
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Date,
    Engine,
    Integer,
    MetaData,
    Row,
    Table,
    bindparam,
    create_engine,
    delete,
    event,
    false,
    func,
    insert,
    select,
    text,
    union,
    update,
)
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import QueuePool, StaticPool
from sqlmodel import SQLModel

from tareaid import __version__
from tareaid.domain.assessment import Assessment, assess
from tareaid.domain.case import (
    Case,
    CaseError,
    Decision,
    Override,
    case_to_dict,
    check_value,
    is_validated,
    parse_case,
    parse_case_document,
)
from tareaid.domain.evidence import EvidencePack, load_pack
from tareaid.domain.fields import FACTOR_KEYS, FIELDS, FIELDS_BY_NAME, REASON_MAX, TIERS
from tareaid.store import audit, sqlite_file
from tareaid.store.audit import Change
from tareaid.store.errors import (
    CaseArchivedError,
    CaseLockedError,
    CaseNotFoundError,
    DamagedDatabaseError,
    DatabaseMissingError,
    DuplicateReferenceError,
    NewerSchemaError,
    NotADatabaseError,
    StaleEditError,
    StoreError,
)
from tareaid.store.health import check_database
from tareaid.store.location import database_file, is_url, sqlite_path_of_url, sqlite_url
from tareaid.store.models import AGENDA, ATTENDEES, AUDIT, CASES, OVERRIDES
from tareaid.store.records import AuditEntry, CaseSummary, CheckReport, StoredCase
from tareaid.store.schema import SCHEMA_VERSION

__all__ = ["Repository", "check_database", "load_demo_cases"]

log = logging.getLogger(__name__)

DEFAULT_BUSY_TIMEOUT_S = sqlite_file.DEFAULT_BUSY_TIMEOUT_S
DEMO_RESOURCE = "demo_cases.json"
DEMO_SOURCE = "demo cases"

ORDER_COLUMNS = {
    "reference": CASES.c.reference,
    "board_date": CASES.c.board_date,
    "favours": CASES.c.count_favours,
    "neutral": CASES.c.count_neutral,
    "against": CASES.c.count_against,
    "headline": CASES.c.headline,
    "updated_at": CASES.c.updated_at,
}

_FIELD_NAMES = tuple(spec.name for spec in FIELDS)
# SQLite allows 32,766 bound parameters; IN lists stay far below that.
_IN_CHUNK = 500
_PROGRESS_EVERY = 250
# As the case format's own check: tab and newline are text, other control characters are not.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# Schema version for database servers, which have no PRAGMA user_version.
_SERVER_META = MetaData()
_SERVER_SCHEMA = Table("tareaid_schema", _SERVER_META, Column("version", Integer, nullable=False))


def load_demo_cases() -> list[Case]:
    """The fictional demo cases shipped in resources/demo_cases.json."""
    try:
        data = (importlib.resources.files("tareaid.resources") / DEMO_RESOURCE).read_bytes()
    except (OSError, ModuleNotFoundError) as error:
        raise StoreError(
            f"{DEMO_RESOURCE}: the demo cases are missing from this installation ({error})"
        ) from None
    cases, _ = parse_case_document(data, source=DEMO_RESOURCE)
    return cases


class Repository:
    """The case database. Open with :meth:`open`; close with :meth:`close` (or `with`)."""

    url: str
    path: Path | None
    schema_version: int

    def __init__(
        self,
        engine: Engine,
        *,
        url: str,
        path: Path | None,
        schema_version: int,
        busy_timeout_s: float,
    ) -> None:
        self._engine = engine
        self.url = url
        self.path = path
        self.schema_version = schema_version
        self._busy_timeout_s = busy_timeout_s
        self._sqlite = engine.dialect.name == "sqlite"
        self._file_key = sqlite_file.register_open(path) if path is not None else None
        self._user = audit.current_user()
        self._pack: EvidencePack = load_pack()
        self._assessed_with = f"{__version__}/{self._pack.version}"[:64]
        self._closed = False
        # The integrity check (quick_check) of a file: passed, failed (its message), or not
        # run yet. Writes wait for it (see verify_integrity); reads do not need it.
        self._integrity_passed = path is None
        self._integrity_failure: str | None = None
        self._integrity_lock = threading.Lock()
        # The read-only connection of a check in progress, so another thread can stop it.
        self._checking: sqlite3.Connection | None = None
        self._checking_stopped = False
        self._checking_guard = threading.Lock()

    # --- opening and closing -------------------------------------------------------------

    @classmethod
    def open(
        cls,
        db: str | None = None,
        *,
        create: bool = True,
        busy_timeout_s: float | None = None,
        verify: bool = True,
    ) -> Repository:
        """Open the database at a path, URL or (None) the default location.

        Everything is checked reading only before the file is opened for writing: the
        SQLite signature, TAREaid's application_id, the schema version and quick_check. An
        older schema is upgraded in one transaction after a backup copy of the file; a
        newer one, a damaged file or another program's file is refused and left untouched.
        `create` makes a missing database (with owner-only permissions). A write waits up
        to `busy_timeout_s` (default 5 s) for another program's write to finish.

        `verify=False` leaves out quick_check, which reads the whole file (~0.3-0.8 s at
        100,000 cases), for a caller that runs `verify_integrity` itself, e.g. on a worker
        thread once its window is up. The cheap checks still come first, and nothing is
        written before the check has passed: an upgrade runs it first, and every write
        waits for it.
        """
        if busy_timeout_s is None:
            busy_timeout_s = sqlite_file.DEFAULT_BUSY_TIMEOUT_S
        if db is not None and is_url(db) and sqlite_path_of_url(db) is None:
            if db.split("://", 1)[0].split("+", 1)[0].lower() == "sqlite":
                return cls._open_memory(db, busy_timeout_s)
            return cls._open_server(db, create=create)
        path = database_file(db)
        assert path is not None
        return cls._open_file(path, create=create, busy_timeout_s=busy_timeout_s, verify=verify)

    @classmethod
    def _open_file(
        cls, path: Path, *, create: bool, busy_timeout_s: float, verify: bool
    ) -> Repository:
        if not path.exists():
            if not create:
                raise DatabaseMissingError(f"{path}: no database here (nothing was created)")
            if sqlite_file.create_database_file(path):
                log.info("created a new database")
        elif path.is_dir():
            raise NotADatabaseError(f"{path}: is a folder, not a database file")
        inspection = sqlite_file.inspect(path, busy_timeout_s=busy_timeout_s, quick_check=verify)
        sqlite_file.ensure_writable(path)
        engine = _file_engine(path, busy_timeout_s)
        repository = cls(
            engine,
            url=sqlite_url(path),
            path=path,
            schema_version=inspection.schema_version,
            busy_timeout_s=busy_timeout_s,
        )
        # A file in need of recovery was not checked yet; _recover checks it.
        repository._integrity_passed = verify and not inspection.needs_recovery
        try:
            with repository._guard():
                if inspection.needs_recovery:
                    repository._recover()
                if repository.schema_version < SCHEMA_VERSION:
                    repository._upgrade()
                repository._refresh_assessments()
        except BaseException:
            repository.close()
            raise
        return repository

    @classmethod
    def _open_memory(cls, url: str, busy_timeout_s: float) -> Repository:
        # A private in-memory database (tests, previews): one connection shared by all.
        def connect() -> sqlite3.Connection:
            return sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)

        engine = create_engine("sqlite://", creator=connect, poolclass=StaticPool)
        _configure_sqlite(engine, busy_timeout_s)
        raw = engine.raw_connection()
        try:
            dbapi = raw.driver_connection
            assert isinstance(dbapi, sqlite3.Connection)
            dbapi.execute("BEGIN IMMEDIATE")
            dbapi.execute(f"PRAGMA application_id={sqlite_file.APPLICATION_ID}")
            sqlite_file.run_steps(dbapi, 0)
            dbapi.execute("COMMIT")
        finally:
            raw.close()
        return cls(
            engine, url=url, path=None, schema_version=SCHEMA_VERSION, busy_timeout_s=busy_timeout_s
        )

    @classmethod
    def _open_server(cls, url: str, *, create: bool) -> Repository:
        # A database server (e.g. PostgreSQL, for a department sharing one database):
        # tables from the models, the version in a one-row table, the trail protected by a
        # server-side trigger where the dialect has one.
        shown = _display_url(url)
        try:
            engine = create_engine(url, pool_pre_ping=True)
        except (ArgumentError, NoSuchModuleError, ImportError) as error:
            raise StoreError(f"{shown}: cannot use this database URL ({error})") from None
        try:
            with engine.begin() as connection:
                version = _server_schema_version(connection)
                if version is None:
                    if not create:
                        raise DatabaseMissingError(f"{shown}: holds no TAREaid database")
                    SQLModel.metadata.create_all(connection)
                    _SERVER_META.create_all(connection)
                    connection.execute(insert(_SERVER_SCHEMA).values(version=SCHEMA_VERSION))
                    _protect_server_trail(connection)
                    version = SCHEMA_VERSION
                if version > SCHEMA_VERSION:
                    raise NewerSchemaError(
                        f"{shown}: was written by a newer TAREaid (schema version {version}; "
                        f"this version reads up to {SCHEMA_VERSION}); it was left as it is"
                    )
                if version < SCHEMA_VERSION:
                    version = _upgrade_server(connection, version, shown)
        except StoreError:
            engine.dispose()
            raise
        except Exception as error:
            engine.dispose()
            # The driver's message may quote the URL; the password must not be shown.
            detail = str(error).replace(url, shown)
            raise StoreError(f"{shown}: cannot connect to the database ({detail})") from None
        return cls(
            engine,
            url=url,
            path=None,
            schema_version=version,
            busy_timeout_s=DEFAULT_BUSY_TIMEOUT_S,
        )

    def close(self) -> None:
        """Close every connection (SQLite then checkpoints and removes its -wal file)."""
        if self._closed:
            return
        self._closed = True
        self.stop_integrity_check()
        self._engine.dispose()
        sqlite_file.unregister_open(self._file_key)

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Repository {self.url} schema v{self.schema_version}>"

    # --- transactions -------------------------------------------------------------------

    @property
    def _where(self) -> str:
        return str(self.path) if self.path is not None else _display_url(self.url)

    def _guard(self) -> contextlib.AbstractContextManager[None]:
        return sqlite_file.translated(self._where, busy_timeout_s=self._busy_timeout_s)

    @contextlib.contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE on SQLite): all of it or none of it.

        Never on a file that has not passed its integrity check: waits for the check (or
        runs it) first.
        """
        self.verify_integrity()
        with self._guard(), self._engine.connect() as connection, connection.begin():
            if connection.dialect.name == "postgresql":
                # Serialises writers like SQLite's write lock does, so the audit hash chain
                # cannot fork.
                connection.execute(text("LOCK TABLE audit_entry IN EXCLUSIVE MODE"))
            yield connection

    @contextlib.contextmanager
    def _read(self) -> Iterator[Connection]:
        """One read transaction: a consistent snapshot that does not block writers."""
        with self._guard(), self._engine.connect() as connection:
            connection.execution_options(tareaid_begin="DEFERRED")
            with connection.begin():
                yield connection

    # --- the integrity check ------------------------------------------------------------

    def verify_integrity(self) -> None:
        """Make sure the file passed SQLite's quick_check; DamagedDatabaseError if not.

        The check reads only, through a read-only connection of its own, so it may run on
        a worker thread while the repository is used (reads go on; every write waits for
        it, and after a failure every write is refused with the same error). The answer is
        kept: once passed, later calls return at once. Nothing to do for a database that
        was opened with `verify=True` (the default) or is not a file.
        """
        if self._integrity_passed:
            return
        with self._integrity_lock:
            if self._integrity_passed:
                return
            if self._integrity_failure is not None:
                raise DamagedDatabaseError(self._integrity_failure)
            problems = self._run_integrity_check()
            if problems:
                assert self.path is not None
                error = sqlite_file.damaged(self.path, problems)
                self._integrity_failure = error.message
                log.error("the integrity check found damage: %s", problems[0])
                raise error
            self._integrity_passed = True

    @property
    def checking_integrity(self) -> bool:
        """Whether verify_integrity is reading the file right now (a write would wait)."""
        return self._checking is not None

    def stop_integrity_check(self) -> None:
        """Interrupt a verify_integrity running on another thread: it raises StoreError and
        the file counts as not checked (the next write checks it first)."""
        with self._checking_guard:
            if self._checking is not None:
                self._checking_stopped = True
                self._checking.interrupt()

    def _run_integrity_check(self) -> list[str]:
        path = self.path
        assert path is not None
        with self._checking_guard:
            if self._closed:
                raise StoreError(f"{path}: the database was closed before it was checked")
            with self._guard():
                connection = sqlite3.connect(
                    sqlite_file.read_only_uri(path),
                    uri=True,
                    timeout=self._busy_timeout_s,
                    check_same_thread=False,
                )
            self._checking = connection
            self._checking_stopped = False
        try:
            problems = sqlite_file.integrity_problems(connection)
        finally:
            with self._checking_guard:
                self._checking = None
                stopped = self._checking_stopped
            connection.close()
        if stopped:
            raise StoreError(f"{path}: the integrity check was stopped before it finished")
        return problems

    # --- reading --------------------------------------------------------------------------

    def count_cases(
        self,
        search: str | None = None,
        *,
        include_archived: bool = False,
        search_identifiers: bool = False,
    ) -> int:
        """How many cases `list_cases` would give without offset and limit."""
        statement = select(func.count()).select_from(CASES)
        statement = _filtered(statement, search, include_archived, search_identifiers, direct=True)
        with self._read() as connection:
            return int(connection.execute(statement).scalar_one())

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
        if order_by not in ORDER_COLUMNS:
            raise ValueError(f"order_by must be one of {', '.join(ORDER_COLUMNS)}")
        column = ORDER_COLUMNS[order_by]
        statement = select(
            CASES.c.reference,
            CASES.c.board_date,
            CASES.c.count_favours,
            CASES.c.count_neutral,
            CASES.c.count_against,
            CASES.c.count_unassessed,
            CASES.c.count_outside,
            CASES.c.headline,
            CASES.c.archived,
            CASES.c.decision_outcome,
            CASES.c.decision_finalised,
            CASES.c.updated_at,
            CASES.c.version,
            CASES.c.patient_name,
            CASES.c.mrn,
        )
        # In reference order the search index gives the rows in order and tests the key;
        # in any other order only the matching rows are fetched, then sorted.
        by_reference = column is CASES.c.reference
        statement = _filtered(
            statement, search, include_archived, search_identifiers, direct=by_reference
        )
        keys = [column] if by_reference else [column, CASES.c.reference]
        statement = statement.order_by(*(k.desc() if descending else k.asc() for k in keys))
        if offset:
            statement = statement.offset(max(0, offset))
        if limit is not None:
            statement = statement.limit(max(0, limit))
        with self._read() as connection:
            rows = connection.execute(statement).all()
        return [
            CaseSummary(
                reference=row.reference,
                board_date=row.board_date,
                counts={
                    "favours": row.count_favours,
                    "neutral": row.count_neutral,
                    "against": row.count_against,
                    "unassessed": row.count_unassessed,
                    "outside": row.count_outside,
                },
                headline=row.headline,
                archived=bool(row.archived),
                decision_outcome=row.decision_outcome,
                finalised=bool(row.decision_finalised),
                updated_at=audit.parse_time(row.updated_at),
                version=row.version,
                patient_name=row.patient_name,
                mrn=row.mrn,
            )
            for row in rows
        ]

    def get_case(self, reference: str) -> StoredCase:
        """The stored case (archived or not); CaseNotFoundError if there is none."""
        with self._read() as connection:
            row = self._row(connection, reference)
            return self._stored(row, self._overrides(connection, [row.id]).get(row.id, {}))

    def export_cases(
        self, references: Sequence[str] | None = None, *, include_archived: bool = False
    ) -> list[Case]:
        """Cases to write to a case file: the named ones in that order (archived or not),
        or all of them by reference (archived ones only with `include_archived`)."""
        with self._read() as connection:
            if references is None:
                statement = select(CASES).order_by(CASES.c.reference)
                if not include_archived:
                    statement = statement.where(CASES.c.archived == false())
                rows = list(connection.execute(statement))
            else:
                wanted = list(dict.fromkeys(references))
                found: dict[str, Row[Any]] = {}
                for chunk in _chunks(wanted):
                    for row in connection.execute(
                        select(CASES).where(CASES.c.reference.in_(chunk))
                    ):
                        found[row.reference] = row
                missing = [r for r in wanted if r not in found]
                if missing:
                    raise self._not_found(missing[0])
                rows = [found[r] for r in wanted]
            overrides = self._overrides(
                connection, None if references is None else [row.id for row in rows]
            )
        return [_case_from_row(row, overrides.get(row.id, {})) for row in rows]

    def history(self, reference: str) -> list[AuditEntry]:
        """The case's audit trail, oldest first (also under a reference it had before)."""
        with self._read() as connection:
            case_id = connection.execute(
                select(CASES.c.id).where(CASES.c.reference == reference)
            ).scalar()
            if case_id is None:
                # A case renamed since: the trail remembers its earlier references.
                case_id = connection.execute(
                    select(AUDIT.c.case_id)
                    .where(AUDIT.c.reference == reference)
                    .order_by(AUDIT.c.id.desc())
                    .limit(1)
                ).scalar()
            if case_id is None:
                raise self._not_found(reference)
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
            )
            for row in rows
        ]

    # --- writing cases -----------------------------------------------------------------------

    def create_case(self, case: Case) -> StoredCase:
        """Store a new case (version 1); DuplicateReferenceError if the reference exists."""
        prepared = self._prepare(case)
        with self._write() as connection:
            self._refuse_existing(connection, [prepared.case.reference])
            now = audit.now_utc()
            ids = self._insert(connection, [prepared], now)
            self._append_audit(
                connection,
                now,
                [
                    (
                        ids[0],
                        prepared.case.reference,
                        Change(audit.CREATE, new=prepared.json),
                    )
                ],
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
        reason = _clean_reason(amend_reason)
        new = prepared.case
        with self._write() as connection:
            row = self._row(connection, new.reference)
            self._check_version(row, expected_version)
            if row.archived:
                raise CaseArchivedError(
                    f"{self._where}: case {new.reference} is archived; restore it before "
                    "changing it"
                )
            old = _case_from_row(row, self._overrides(connection, [row.id]).get(row.id, {}))
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
            now = audit.now_utc()
            values = _row_values(prepared.case, prepared.assessment, self._assessed_with)
            values.update(version=row.version + 1, updated_at=now)
            result = connection.execute(
                update(CASES)
                .where(CASES.c.id == row.id, CASES.c.version == row.version)
                .values(**values)
            )
            if result.rowcount != 1:  # pragma: no cover - excluded by the write lock
                raise self._stale(new.reference, expected_version)
            connection.execute(delete(OVERRIDES).where(OVERRIDES.c.case_id == row.id))
            self._insert_overrides(connection, [(row.id, new)])
            self._append_audit(connection, now, [(row.id, new.reference, c) for c in changes])
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
            check_value(FIELDS_BY_NAME["reference"], new_reference)
        except CaseError as error:
            raise error.located(case=old_reference) from None
        reason = _clean_reason(amend_reason)
        with self._write() as connection:
            row = self._row(connection, old_reference)
            self._check_version(row, expected_version)
            overrides = self._overrides(connection, [row.id]).get(row.id, {})
            if new_reference == old_reference:
                return self._stored(row, overrides)
            if row.archived:
                raise CaseArchivedError(
                    f"{self._where}: case {old_reference} is archived; restore it before "
                    "renaming it"
                )
            self._refuse_existing(connection, [new_reference])
            old = _case_from_row(row, overrides)
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
                    version=row.version + 1,
                    updated_at=now,
                )
            )
            self._append_audit(connection, now, [(row.id, new_reference, c) for c in changes])
        log.info("case %s renamed to %s", old_reference, new_reference)
        renamed = Case(
            **{
                **{n: getattr(old, n) for n in _FIELD_NAMES},
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
        with self._write() as connection:
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
            self._append_audit(connection, now, [(row.id, reference, Change(action))])
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
        repeated = _repeated([case.reference for case in cases])
        if repeated:
            raise DuplicateReferenceError(
                f"{self._where}: {_names(repeated)} more than once in the cases to import; "
                "nothing was imported"
            )
        prepared = []
        for index, case in enumerate(cases, 1):
            prepared.append(self._prepare(case, position=index, source=source))
            if progress is not None and index % _PROGRESS_EVERY == 0:
                progress(index, total)
        with self._write() as connection:
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
        with self._write() as connection:
            present = self._existing(connection, [case.reference for case in demo])
            prepared = [self._prepare(case) for case in demo if case.reference not in present]
            if prepared:
                self._import(connection, prepared, DEMO_SOURCE)
        return len(prepared)

    # --- the board: agenda and attendees ------------------------------------------------

    def agenda(self, board_date: date) -> list[str]:
        """References in the coordinator's order for this board date, then the other cases
        dated that day by reference. Archived cases are left out."""
        with self._read() as connection:
            ordered = [
                row.reference
                for row in connection.execute(
                    select(CASES.c.reference)
                    .join(AGENDA, AGENDA.c.case_id == CASES.c.id)
                    .where(AGENDA.c.board_date == board_date, CASES.c.archived == false())
                    .order_by(AGENDA.c.position)
                )
            ]
            placed = select(AGENDA.c.case_id).where(AGENDA.c.board_date == board_date)
            rest = [
                row.reference
                for row in connection.execute(
                    select(CASES.c.reference)
                    .where(
                        CASES.c.board_date == board_date,
                        CASES.c.archived == false(),
                        CASES.c.id.not_in(placed),
                    )
                    .order_by(CASES.c.reference)
                )
            ]
        return ordered + rest

    def set_agenda(self, board_date: date, references: Sequence[str]) -> None:
        """Keep the coordinator's order of cases for a board date (replacing the old one).

        A case of another date may be put on the agenda; a case dated that day but left out
        still appears in `agenda`, after the ordered ones.
        """
        wanted = list(dict.fromkeys(references))
        with self._write() as connection:
            ids: dict[str, int] = {}
            for chunk in _chunks(wanted):
                for row in connection.execute(
                    select(CASES.c.id, CASES.c.reference).where(CASES.c.reference.in_(chunk))
                ):
                    ids[row.reference] = row.id
            missing = [r for r in wanted if r not in ids]
            if missing:
                raise self._not_found(missing[0])
            connection.execute(delete(AGENDA).where(AGENDA.c.board_date == board_date))
            if wanted:
                connection.execute(
                    insert(AGENDA),
                    [
                        {"board_date": board_date, "position": position, "case_id": ids[reference]}
                        for position, reference in enumerate(wanted)
                    ],
                )

    def attendees(self) -> list[tuple[str, str]]:
        """The remembered board attendees as (name, specialty), by name."""
        with self._read() as connection:
            rows = connection.execute(select(ATTENDEES.c.name, ATTENDEES.c.specialty)).all()
        return sorted(((r.name, r.specialty) for r in rows), key=lambda p: p[0].casefold())

    def remember_attendee(self, name: str, specialty: str) -> None:
        """Add an attendee to the remembered list, or update their specialty."""
        name = (name or "").strip()
        specialty = (specialty or "").strip()
        if not name:
            raise StoreError(f"{self._where}: an attendee needs a name", exit_code=2)
        if len(name) > 200 or len(specialty) > 200:
            raise StoreError(
                f"{self._where}: attendee name and specialty are at most 200 characters",
                exit_code=2,
            )
        with self._write() as connection:
            existing = connection.execute(
                select(ATTENDEES.c.id, ATTENDEES.c.specialty).where(ATTENDEES.c.name == name)
            ).first()
            if existing is None:
                connection.execute(insert(ATTENDEES).values(name=name, specialty=specialty))
            elif existing.specialty != specialty:
                connection.execute(
                    update(ATTENDEES)
                    .where(ATTENDEES.c.id == existing.id)
                    .values(specialty=specialty)
                )

    # --- safety -----------------------------------------------------------------------------

    def backup(self, destination: Path) -> None:
        """A consistent copy of the database at `destination` (owner-only, written whole),
        taken while the database may be in use."""
        if self.path is None:
            raise StoreError(f"{self.url}: back up a database server with its own tools")
        sqlite_file.backup_file(self.path, Path(destination), busy_timeout_s=self._busy_timeout_s)
        log.info("backup written")

    def check(self) -> CheckReport:
        """Integrity and schema check, reading only; healthy only when nothing was found."""
        if self.path is not None:
            found = sqlite_file.check_file(self.path, busy_timeout_s=self._busy_timeout_s)
            return CheckReport(
                not found.problems, found.problems, found.schema_version, found.case_count
            )
        problems: list[str] = []
        with self._read() as connection:
            count = int(connection.execute(select(func.count()).select_from(CASES)).scalar_one())
            rows = connection.execute(
                select(
                    AUDIT.c.id,
                    AUDIT.c.at,
                    AUDIT.c.os_user,
                    AUDIT.c.case_id,
                    AUDIT.c.reference,
                    AUDIT.c.action,
                    AUDIT.c.field,
                    AUDIT.c.old_value,
                    AUDIT.c.new_value,
                    AUDIT.c.reason,
                    AUDIT.c.entry_hash,
                ).order_by(AUDIT.c.id)
            )
            problems += audit.verify_rows(rows)
        return CheckReport(not problems, tuple(problems), self.schema_version, count)

    # --- internals: opening -----------------------------------------------------------------

    def _recover(self) -> None:
        """Let SQLite roll back a crashed transaction's journal, then check the file again
        (quick_check included, whatever `verify` said: this is the rare path after a
        crash)."""
        assert self.path is not None
        raw = self._engine.raw_connection()
        try:
            dbapi = raw.driver_connection
            assert isinstance(dbapi, sqlite3.Connection)
            self.schema_version = sqlite_file.verify(dbapi, self.path)
        finally:
            raw.close()
        self._integrity_passed = True
        log.info("recovered from an interrupted transaction")

    def _upgrade(self) -> None:
        """Bring an older schema up to date: backup first, then every step in one transaction.

        Foreign-key enforcement is switched off for the migration (SQLite ignores the pragma
        inside a transaction, so before BEGIN) because rebuilding a table would otherwise
        cascade-delete child rows; foreign_key_check must then find nothing before COMMIT.
        """
        assert self.path is not None
        # Never upgrade (write) a file that has not passed its integrity check.
        self.verify_integrity()
        raw = self._engine.raw_connection()
        try:
            dbapi = raw.driver_connection
            assert isinstance(dbapi, sqlite3.Connection)
            dbapi.execute("PRAGMA foreign_keys=OFF")
            try:
                dbapi.execute("BEGIN IMMEDIATE")
                try:
                    # Read again under the write lock: another TAREaid may have upgraded it.
                    current = dbapi.execute("PRAGMA user_version").fetchone()[0]
                    if current < SCHEMA_VERSION:
                        # The backup is read while this connection holds the write lock,
                        # so it is exactly the database the upgrade starts from.
                        backup = sqlite_file.backup_name(self.path, SCHEMA_VERSION)
                        sqlite_file.backup_file(
                            self.path, backup, busy_timeout_s=self._busy_timeout_s
                        )
                        sqlite_file.run_steps(dbapi, current)
                        broken = dbapi.execute("PRAGMA foreign_key_check").fetchall()
                        if broken:
                            raise DamagedDatabaseError(
                                f"{self.path}: upgrading to schema version {SCHEMA_VERSION} "
                                f"found {len(broken)} broken references; nothing was changed "
                                f"(a copy from before is in {backup.name})"
                            )
                    dbapi.execute("COMMIT")
                    log.info(
                        "database upgraded from schema version %d to %d", current, SCHEMA_VERSION
                    )
                except BaseException:
                    dbapi.execute("ROLLBACK")
                    raise
            finally:
                dbapi.execute("PRAGMA foreign_keys=ON")
        finally:
            raw.close()
        self.schema_version = SCHEMA_VERSION

    def _refresh_assessments(self) -> None:
        """Re-assess rows summarised by another TAREaid or evidence pack (the list shows
        stored counts and headlines, which must match what this version computes)."""
        stale = CASES.c.assessed_with != self._assessed_with
        with self._read() as connection:
            if connection.execute(select(CASES.c.id).where(stale).limit(1)).first() is None:
                return
        with self._write() as connection:
            rows = list(connection.execute(select(CASES).where(stale)))
            overrides = self._overrides(connection, [row.id for row in rows])
            for chunk_start in range(0, len(rows), _IN_CHUNK * 4):
                updates = []
                for row in rows[chunk_start : chunk_start + _IN_CHUNK * 4]:
                    case = _case_from_row(row, overrides.get(row.id, {}))
                    summary = _summary_values(assess(case, self._pack), self._assessed_with)
                    updates.append({"row_id": row.id, **summary})
                connection.execute(
                    update(CASES)
                    .where(CASES.c.id == bindparam("row_id"))
                    .values({k: bindparam(k) for k in updates[0] if k != "row_id"}),
                    updates,
                )
        log.info("re-assessed %d stored cases", len(rows))

    # --- internals: rows ---------------------------------------------------------------------

    def _prepare(
        self, case: Case, *, position: int | None = None, source: str | None = None
    ) -> _Prepared:
        """Validate a case (as if read from a file) and assess it, before any transaction.

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
        return _Prepared(valid, assess(valid, self._pack), audit.to_json_text(data))

    def _row(self, connection: Connection, reference: str) -> Row[Any]:
        row = connection.execute(select(CASES).where(CASES.c.reference == reference)).first()
        if row is None:
            raise self._not_found(reference)
        return row

    def _stored(self, row: Row[Any], overrides: Mapping[str, Override]) -> StoredCase:
        return StoredCase(
            case=_case_from_row(row, overrides),
            version=row.version,
            archived=bool(row.archived),
            created_at=audit.parse_time(row.created_at),
            updated_at=audit.parse_time(row.updated_at),
        )

    def _overrides(
        self, connection: Connection, case_ids: Sequence[int] | None
    ) -> dict[int, dict[str, Override]]:
        """Overrides by case id: of the given cases, or of every case for None."""
        result: dict[int, dict[str, Override]] = {}
        batches = [None] if case_ids is None else list(_chunks(list(case_ids)))
        for batch in batches:
            statement = select(OVERRIDES)
            if batch is not None:
                statement = statement.where(OVERRIDES.c.case_id.in_(batch))
            for row in connection.execute(statement):
                result.setdefault(row.case_id, {})[row.factor] = Override(row.tier, row.reason)
        return result

    def _existing(self, connection: Connection, references: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(references)):
            found.update(
                connection.execute(
                    select(CASES.c.reference).where(CASES.c.reference.in_(chunk))
                ).scalars()
            )
        return found

    def _refuse_existing(
        self, connection: Connection, references: Sequence[str], *, nothing: str = ""
    ) -> None:
        existing = self._existing(connection, references)
        if existing:
            ordered = [r for r in references if r in existing]
            tail = f"; {nothing}" if nothing else ""
            raise DuplicateReferenceError(
                f"{self._where}: {_names(ordered)} already in the database (references are "
                f"unique, archived cases included){tail}"
            )

    def _check_version(self, row: Row[Any], expected: int) -> None:
        if row.version != expected:
            raise self._stale(row.reference, expected, row.version)

    def _insert(self, connection: Connection, prepared: Sequence[_Prepared], now: str) -> list[int]:
        """Insert case rows and their overrides; the new ids in the same order."""
        rows = []
        for item in prepared:
            values = _row_values(item.case, item.assessment, self._assessed_with)
            values.update(archived=False, version=1, created_at=now, updated_at=now)
            rows.append(values)
        if self._sqlite:
            # Under BEGIN IMMEDIATE no one else can insert, so the ids can be handed out
            # here and the rows written with one plain executemany.
            start = connection.execute(select(func.max(CASES.c.id))).scalar() or 0
            ids = list(range(start + 1, start + 1 + len(rows)))
            for case_id, values in zip(ids, rows, strict=True):
                values["id"] = case_id
            _bulk_insert(connection, CASES, rows)
        else:
            # One multi-row INSERT … RETURNING per batch, in parameter order, so the ids
            # line up with the cases.
            result = connection.execute(
                insert(CASES).returning(CASES.c.id, sort_by_parameter_order=True), rows
            )
            ids = [row.id for row in result]
        self._insert_overrides(
            connection, [(i, p.case) for i, p in zip(ids, prepared, strict=True)]
        )
        return ids

    def _insert_overrides(self, connection: Connection, cases: Sequence[tuple[int, Case]]) -> None:
        rows = [
            {"case_id": case_id, "factor": factor, "tier": o.tier, "reason": o.reason}
            for case_id, case in cases
            for factor, o in case.overrides.items()
        ]
        _bulk_insert(connection, OVERRIDES, rows)

    def _import(
        self, connection: Connection, prepared: Sequence[_Prepared], source: str | None
    ) -> None:
        now = audit.now_utc()
        ids = self._insert(connection, prepared, now)
        reason = f"imported from {source}" if source else None
        self._append_audit(
            connection,
            now,
            [
                (
                    case_id,
                    item.case.reference,
                    Change(audit.IMPORT, new=item.json, reason=reason),
                )
                for case_id, item in zip(ids, prepared, strict=True)
            ],
        )

    def _append_audit(
        self, connection: Connection, now: str, entries: Sequence[tuple[int, str, Change]]
    ) -> None:
        # Inside the write transaction, so no other writer can append between this read
        # of the chain's head and the insert.
        previous = (
            connection.execute(
                select(AUDIT.c.entry_hash).order_by(AUDIT.c.id.desc()).limit(1)
            ).scalar()
            or audit.GENESIS_HASH
        )
        rows, _ = audit.chain_rows(previous, now, self._user, entries)
        _bulk_insert(connection, AUDIT, rows)

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
    assessment: Assessment
    json: str  # the case as the audit trail records it


def _bulk_insert(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
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
    t.name: frozenset(c.name for c in t.columns if isinstance(c.type, Date))
    for t in (CASES, OVERRIDES, AUDIT, AGENDA, ATTENDEES)
}


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start : start + _IN_CHUNK]


def _repeated(references: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    repeated: dict[str, None] = {}
    for reference in references:
        if reference in seen:
            repeated[reference] = None
        seen.add(reference)
    return list(repeated)


def _names(references: Sequence[str], shown: int = 5) -> str:
    head = ", ".join(references[:shown])
    more = f" and {len(references) - shown} more" if len(references) > shown else ""
    noun = "reference" if len(references) == 1 else "references"
    verb = "is" if len(references) == 1 else "are"
    return f"{noun} {head}{more} {verb}"


def _clean_reason(reason: str | None) -> str | None:
    """An amend reason, checked like any reason text; None when blank."""
    if reason is None or not reason.strip():
        return None
    if _CONTROL.search(reason):
        raise CaseError("contains a control character", field_name="amend_reason")
    if len(reason) > REASON_MAX:
        raise CaseError(
            f"is {len(reason)} characters long; at most {REASON_MAX} allowed",
            field_name="amend_reason",
        )
    return reason


def _filtered(
    statement: Any,
    search: str | None,
    include_archived: bool,
    search_identifiers: bool,
    *,
    direct: bool = False,
) -> Any:
    """Restrict a case query to unarchived cases and to a case-insensitive substring.

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
        if not include_archived:
            statement = statement.where(CASES.c.archived == false())
        return statement
    needle = search.strip().casefold()
    pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"

    def matching(query: Any, column: Any) -> Any:
        query = query.where(column.like(pattern, escape="\\"))
        return query if include_archived else query.where(CASES.c.archived == false())

    if direct and not search_identifiers:
        return matching(statement, CASES.c.reference_key)
    ids = matching(select(CASES.c.id), CASES.c.reference_key)
    if search_identifiers:
        # Either key may match: the union of two narrow index scans, never a scan of the
        # wide table rows.
        ids = union(ids, matching(select(CASES.c.id), CASES.c.identity_key))
    return statement.where(CASES.c.id.in_(ids))


def _identity_key(case: Case) -> str:
    return "\n".join(((case.patient_name or "").casefold(), (case.mrn or "").casefold()))


def _summary_values(assessment: Assessment, assessed_with: str) -> dict[str, Any]:
    counts = assessment.counts
    return {
        "count_favours": counts["favours"],
        "count_neutral": counts["neutral"],
        "count_against": counts["against"],
        "count_unassessed": counts["unassessed"],
        "count_outside": counts["outside"],
        "headline": assessment.headline,
        "assessed_with": assessed_with,
    }


# The summary columns hold one count per tier; a new tier needs a schema version.
assert TIERS == ("favours", "neutral", "against", "unassessed", "outside")


def _row_values(case: Case, assessment: Assessment, assessed_with: str) -> dict[str, Any]:
    """The case_record columns for a case (all but id, archived, version and times)."""
    values: dict[str, Any] = {name: getattr(case, name) for name in _FIELD_NAMES}
    decision = case.decision
    values.update(
        reference_key=case.reference.casefold(),
        identity_key=_identity_key(case),
        decision_outcome=decision.outcome if decision else None,
        decision_rationale=decision.rationale if decision else None,
        decision_attendees=(
            json.dumps(list(decision.attendees), ensure_ascii=False) if decision else None
        ),
        decision_dissent=decision.dissent if decision else None,
        decision_decided_on=decision.decided_on if decision else None,
        decision_finalised=bool(decision and decision.finalised),
    )
    values.update(_summary_values(assessment, assessed_with))
    return values


def _case_from_row(row: Row[Any], overrides: Mapping[str, Override]) -> Case:
    """The Case held in a case_record row (validated when it was written)."""
    mapping = row._mapping
    values = {name: mapping[name] for name in _FIELD_NAMES}
    for name, spec in FIELDS_BY_NAME.items():
        # SQLite hands booleans back as 0/1 through some paths; the model wants bools.
        if spec.kind == "boolean" and values[name] is not None:
            values[name] = bool(values[name])
    decision = None
    if mapping["decision_outcome"] is not None:
        decision = Decision(
            outcome=mapping["decision_outcome"],
            rationale=mapping["decision_rationale"],
            attendees=tuple(json.loads(mapping["decision_attendees"] or "[]")),
            dissent=mapping["decision_dissent"],
            decided_on=mapping["decision_decided_on"],
            finalised=bool(mapping["decision_finalised"]),
        )
    ordered = {key: overrides[key] for key in FACTOR_KEYS if key in overrides}
    return Case(**values, overrides=ordered, decision=decision)


# --- engines -------------------------------------------------------------------------------------


def _file_engine(path: Path, busy_timeout_s: float) -> Engine:
    def connect() -> sqlite3.Connection:
        # isolation_level=None: the driver sends no BEGIN of its own; the "begin" event
        # below sends BEGIN IMMEDIATE or BEGIN DEFERRED (SQLAlchemy's pysqlite recipe).
        return sqlite3.connect(
            path, timeout=busy_timeout_s, check_same_thread=False, isolation_level=None
        )

    engine = create_engine(
        "sqlite://", creator=connect, poolclass=QueuePool, pool_size=4, max_overflow=8
    )
    _configure_sqlite(engine, busy_timeout_s, wal=True)
    return engine


def _configure_sqlite(engine: Engine, busy_timeout_s: float, *, wal: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            if wal:
                # Set when the file was created; a database from elsewhere (an older
                # fixture, a restored copy in rollback mode) is switched on first open.
                mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
                if str(mode).lower() != "wal":
                    cursor.execute("PRAGMA journal_mode=WAL")
            # FULL: a committed change survives a power cut, not only a crash (~0.2 ms).
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_s * 1000)}")
            cursor.execute("PRAGMA foreign_keys=ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # IMMEDIATE takes the write lock at the start, so a transaction that reads and then
        # writes can never lose to another writer halfway (SQLITE_BUSY_SNAPSHOT); reads
        # ask for DEFERRED and never block writers.
        mode = connection.get_execution_options().get("tareaid_begin", "IMMEDIATE")
        connection.exec_driver_sql(f"BEGIN {mode}")


def _display_url(url: str) -> str:
    """A database URL fit for a message: any password replaced by ***."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url.split("://", 1)[0] + "://…"


def _server_schema_version(connection: Connection) -> int | None:
    from sqlalchemy import inspect as sa_inspect

    if not sa_inspect(connection).has_table("tareaid_schema"):
        return None
    value = connection.execute(select(_SERVER_SCHEMA.c.version)).scalar()
    return None if value is None else int(value)


# Versions that added only indexes: a server builds them in place, from the models.
_SERVER_INDEXES_BY_VERSION = {3: ("ix_case_record_reference_search",)}
assert sorted(_SERVER_INDEXES_BY_VERSION) == list(range(3, SCHEMA_VERSION + 1))


def _upgrade_server(connection: Connection, version: int, shown: str) -> int:
    """Bring a server database from version 2 up to date (inside the caller's transaction);
    older ones need their administrator."""
    if version < 2:
        raise StoreError(
            f"{shown}: has schema version {version}, and this TAREaid upgrades only database "
            "files from before version 2; ask the server's administrator to upgrade it"
        )
    indexes = {index.name: index for index in CASES.indexes}
    for step in range(version + 1, SCHEMA_VERSION + 1):
        for name in _SERVER_INDEXES_BY_VERSION[step]:
            indexes[name].create(connection)
    connection.execute(update(_SERVER_SCHEMA).values(version=SCHEMA_VERSION))
    log.info("server database upgraded from schema version %d to %d", version, SCHEMA_VERSION)
    return SCHEMA_VERSION


def _protect_server_trail(connection: Connection) -> None:
    if connection.dialect.name != "postgresql":
        return
    connection.execute(
        text(
            "CREATE OR REPLACE FUNCTION tareaid_audit_append_only() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END; $$ LANGUAGE plpgsql"
        )
    )
    connection.execute(
        text(
            "CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry "
            "FOR EACH ROW EXECUTE FUNCTION tareaid_audit_append_only()"
        )
    )
