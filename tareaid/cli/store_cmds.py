"""The storage commands: demo, list, show, import, export-json, history, backup, backups,
check, archive and restore (CONTRACT.md §1); server-init and migrate for a shared database.

Thin wrappers over tareaid.store.repository: parse arguments, call one repository method,
print the result. SQLAlchemy is imported only when one of these commands runs.

The commands that change cases (demo, import, archive, restore) first take the day's
automatic backup of a database file if there is none yet, and import takes one more before
more than 100 cases (tareaid.store.backups); the commands that only read never do. A
backup that cannot be made is a warning line, and the command goes on.
"""

from __future__ import annotations

import argparse
import textwrap
from typing import TYPE_CHECKING, Any

from tareaid.cli.common import (
    automatic_backup,
    database_argument,
    print_json,
    read_input,
    warn_about_backup,
    with_password,
    write_file_atomically,
)
from tareaid.files import refuse_database_target
from tareaid.store.records import INVALID_STORED_VALUE

if TYPE_CHECKING:
    from tareaid.store.repository import Repository


def register(subparsers: argparse._SubParsersAction, db_parent: argparse.ArgumentParser) -> None:
    def add(name: str, help_text: str, description: str) -> argparse.ArgumentParser:
        return subparsers.add_parser(
            name, parents=[db_parent], help=help_text, description=description
        )

    parser = add(
        "demo",
        "add fictional sample cases",
        "Add a dozen clearly fictional sample cases (DEMO-01 …). Running it again adds "
        "only those that are missing.",
    )
    parser.set_defaults(handler=_demo)

    parser = add("list", "list stored cases", "List cases: reference, board date, headline.")
    parser.add_argument("--search", metavar="TEXT", help="part of the case reference")
    parser.add_argument("--include-archived", action="store_true", help="list archived too")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.set_defaults(handler=_list)

    parser = add("show", "show one stored case", "Show one stored case and its assessment.")
    parser.add_argument("reference", metavar="REF")
    parser.add_argument("--json", action="store_true", help='print {"case", "assessment"}')
    parser.set_defaults(handler=_show)

    parser = add(
        "import",
        "import a case file",
        "Import one case or a list of cases (tareaid.case/1). All or nothing: if any case "
        "is invalid or its reference exists, nothing is imported.",
    )
    parser.add_argument("file", metavar="FILE", help="case file, or - for standard input")
    parser.set_defaults(handler=_import)

    parser = add(
        "export-json",
        "write cases to a case file",
        "Write cases in the tareaid.case/1 list form (all cases when no REF is given).",
    )
    parser.add_argument("references", metavar="REF", nargs="*")
    parser.add_argument("-o", "--output", metavar="FILE", required=True)
    parser.add_argument(
        "--include-archived", action="store_true", help="with no REF, export archived cases too"
    )
    parser.set_defaults(handler=_export)

    parser = add(
        "history",
        "show a case's audit trail",
        "Every change to a case: when, by whom, the field, old and new value, and why.",
    )
    parser.add_argument("reference", metavar="REF")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.set_defaults(handler=_history)

    parser = add(
        "backup",
        "copy the database consistently",
        "Write a consistent copy of the database while it may be in use.",
    )
    parser.add_argument("-o", "--output", metavar="FILE", required=True)
    parser.set_defaults(handler=_backup)

    parser = add(
        "backups",
        "list the automatic backups",
        "List the automatic backups of the database (in the folder <database>.backups beside "
        "it), newest first: when, kind, size and case count. Reads only.",
    )
    parser.set_defaults(handler=_backups)

    parser = add(
        "check",
        "check the database's integrity",
        "Check the database without changing it; exit 0 only when it is healthy. With "
        "--against, also confirm that the audit trail still contains the audit head printed "
        "on a PDF summary or held by a backup (tamper evidence, not tamper proof).",
    )
    parser.add_argument(
        "--against",
        metavar="FILE",
        help="a PDF summary or a backup whose audit head the trail must still contain",
    )
    parser.set_defaults(handler=_check)

    parser = add("archive", "archive a case", "Archive a case (hidden from lists; restorable).")
    parser.add_argument("reference", metavar="REF")
    parser.set_defaults(handler=_archive)

    parser = add("restore", "restore an archived case", "Bring an archived case back.")
    parser.add_argument("reference", metavar="REF")
    parser.set_defaults(handler=_restore)

    parser = subparsers.add_parser(
        "server-init",
        help="set up a shared database on a PostgreSQL server",
        description="Run by the database's owner: build or upgrade the schema on the server "
        "and give TAREaid's application role exactly the privileges it needs (created "
        "without login when missing). Running it again sets them again.",
    )
    parser.add_argument("url", metavar="URL", help="postgresql://OWNER@HOST/DATABASE")
    parser.add_argument(
        "--app-role",
        metavar="ROLE",
        default="tareaid_app",
        help="the application role to grant (default: tareaid_app)",
    )
    parser.set_defaults(handler=_server_init)

    parser = subparsers.add_parser(
        "migrate",
        help="copy a whole database to a new or empty one",
        description="Copy every case with its audit trail, the agenda and the attendees "
        "from SOURCE to TARGET (an SQLite file or a PostgreSQL URL, either way), all or "
        "nothing. TARGET must be new or empty.",
    )
    parser.add_argument("--from", dest="source", metavar="SOURCE", required=True)
    parser.add_argument("--to", dest="target", metavar="TARGET", required=True)
    parser.set_defaults(handler=_migrate)


def _open(args: argparse.Namespace, *, create: bool, writes: bool = False) -> Repository:
    """The repository (asking for a server's password at the terminal when one is needed);
    for a command that `writes`, after the day's automatic backup."""
    from tareaid.store.backups import DAILY
    from tareaid.store.location import display_location
    from tareaid.store.repository import Repository

    db = database_argument(args)
    repository = with_password(
        lambda password: Repository.open(db, create=create, password=password),
        display_location(db),
    )
    if writes:
        try:
            automatic_backup(repository, DAILY)
        except BaseException:
            repository.close()
            raise
    return repository


def _demo(args: argparse.Namespace) -> int:
    with _open(args, create=True, writes=True) as repository:
        added = repository.add_demo_cases()
    if added:
        print(f"Added {added} fictional demo {_cases(added)}.")
    else:
        print("The demo cases are all present already; nothing was added.")
    return 0


def _list(args: argparse.Namespace) -> int:
    with _open(args, create=False) as repository:
        summaries = repository.list_cases(args.search, include_archived=args.include_archived)
    if args.json:
        print_json(
            [
                {
                    "reference": s.reference,
                    "board_date": s.board_date.isoformat() if s.board_date else None,
                    **({"invalid_fields": list(s.invalid_fields)} if s.invalid_fields else {}),
                    "headline": s.headline,
                    "counts": s.counts,
                    "archived": s.archived,
                    "decision": s.decision_outcome,
                    "finalised": s.finalised,
                    "version": s.version,
                    "updated_at": s.updated_at.isoformat(),
                }
                for s in summaries
            ]
        )
        return 0
    if not summaries:
        print("No cases." if not args.search else f"No case reference contains {args.search!r}.")
        return 0
    width = max(len("Reference"), *(len(s.reference) for s in summaries))
    print(f"{'Reference':<{width}}  {'Board date':<10}  {'+ = − ? !':<14}  Headline")
    for s in summaries:
        c = s.counts
        tally = f"{c['favours']} {c['neutral']} {c['against']} {c['unassessed']} {c['outside']}"
        board = s.board_date.isoformat() if s.board_date else "—"
        if "board_date" in s.invalid_fields:
            board = INVALID_STORED_VALUE
        mark = " (archived)" if s.archived else ""
        print(f"{s.reference:<{width}}  {board:<10}  {tally:<14}  {s.headline}{mark}")
    return 0


def _show(args: argparse.Namespace) -> int:
    from tareaid.cli.assess_cmd import format_table
    from tareaid.domain.assessment import assess
    from tareaid.domain.case import case_to_dict
    from tareaid.domain.evidence import load_pack

    with _open(args, create=False) as repository:
        stored = repository.get_case(args.reference)
    pack = load_pack()
    assessment = assess(stored.case, pack)
    if args.json:
        print_json({"case": case_to_dict(stored.case), "assessment": assessment.to_json()})
        return 0
    print(_case_text(stored))
    print()
    print(format_table(assessment, pack.disclaimer, pack=pack))
    return 0


def _case_text(stored: Any) -> str:
    from tareaid.domain.case import case_to_dict
    from tareaid.domain.fields import DECISION_OUTCOME_LABELS, FIELDS

    case = stored.case
    data = case_to_dict(case)
    status = " (archived)" if stored.archived else ""
    lines = [
        f"Case {case.reference}{status}, version {stored.version}, last changed "
        f"{stored.updated_at:%Y-%m-%d %H:%M} UTC"
    ]
    width = max(len(spec.label) for spec in FIELDS)
    for spec in FIELDS[1:]:
        if spec.name in stored.invalid:
            lines.append(
                f"{spec.label:<{width}}  {INVALID_STORED_VALUE} ({stored.invalid[spec.name]})"
            )
            continue
        if spec.name not in data:
            continue
        value = data[spec.name]
        if isinstance(value, bool):
            shown = "yes" if value else "no"
        elif spec.choices:
            shown = spec.choice_label(value)
        else:
            shown = f"{value} {spec.unit}".rstrip() if spec.unit else str(value)
        wrapped = textwrap.wrap(shown, 100 - width - 2) or [""]
        lines.append(f"{spec.label:<{width}}  {wrapped[0]}")
        lines.extend(" " * (width + 2) + more for more in wrapped[1:])
    for name, value in stored.invalid.items():
        if name not in data and not any(spec.name == name for spec in FIELDS):
            lines.append(f"{name}: {INVALID_STORED_VALUE} ({value})")
    decision = case.decision
    if decision is not None:
        state = "finalised" if decision.finalised else "not finalised"
        lines += ["", f"Board decision ({state}): {DECISION_OUTCOME_LABELS[decision.outcome]}"]
        for label, value in (
            ("Decided on", decision.decided_on.isoformat() if decision.decided_on else None),
            ("Rationale", decision.rationale),
            ("Attendees", "; ".join(decision.attendees) if decision.attendees else None),
            ("Dissent", decision.dissent),
        ):
            if value:
                lines.append(f"  {label}: {value}")
    return "\n".join(lines)


def _import(args: argparse.Namespace) -> int:
    from tareaid.domain.case import parse_case_document
    from tareaid.store.backups import backup_before_import

    data, source = read_input(args.file)
    cases, _ = parse_case_document(data, source=source)
    with _open(args, create=True, writes=True) as repository:
        warn_about_backup(backup_before_import(repository, len(cases)))
        count = repository.import_cases(cases, source=source)
        where = repository.where
    print(f"Imported {count} {_cases(count)} into {where}.")
    return 0


def _export(args: argparse.Namespace) -> int:
    from tareaid.domain.case import dumps_cases

    refuse_database_target(args.output)
    with _open(args, create=False) as repository:
        cases = repository.export_cases(
            args.references or None, include_archived=args.include_archived
        )
    write_file_atomically(args.output, dumps_cases(cases).encode("utf-8"))
    print(f"Exported {len(cases)} {_cases(len(cases))} to {args.output}.")
    return 0


def _history(args: argparse.Namespace) -> int:
    from tareaid.errors import escape_controls as shown

    with _open(args, create=False) as repository:
        entries = repository.history(args.reference)
    if args.json:
        print_json([entry.to_json() for entry in entries])
        return 0
    # The trail is printed as stored; anything a terminal would act on is shown escaped
    # (a trail written outside TAREaid may hold escape sequences).
    for entry in entries:
        who = shown(entry.user)
        if entry.login is not None:
            who += f" (login {shown(entry.login)})"
        head = (
            f"{entry.at:%Y-%m-%d %H:%M:%S} UTC  {who}  {shown(entry.reference)}  "
            f"{shown(entry.action)}"
        )
        if entry.field:
            head += f"  {shown(entry.field)}"
        print(head)
        if entry.old is not None or entry.new is not None:
            if entry.action in ("create", "import"):
                print(f"    {shown(entry.new or '')}")
            else:
                print(
                    f"    {shown(entry.old) if entry.old is not None else '—'} → "
                    f"{shown(entry.new) if entry.new is not None else '—'}"
                )
        if entry.reason:
            print(f"    reason: {shown(entry.reason)}")
    return 0


def _backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    refuse_database_target(args.output)
    with _open(args, create=False) as repository:
        repository.backup(Path(args.output))
        kind = " (a TAREaid SQLite file)" if repository.is_server else ""
    print(f"Backup written to {args.output}{kind}.")
    return 0


def _backups(args: argparse.Namespace) -> int:
    from tareaid.store.backups import KIND_LABELS, backup_folder, describe
    from tareaid.store.location import database_file

    db = database_argument(args)
    path = database_file(db)
    if path is None:
        print(
            "A database server is not backed up automatically: its administrator backs it up "
            "with the server's own tools, and tareaid backup -o FILE writes a copy of it as a "
            "TAREaid file."
        )
        return 0
    found = describe(path)
    folder = backup_folder(path)
    if not found:
        print(f"No automatic backups of {path} yet (they go in {folder}).")
        return 0
    print(f"Automatic backups of {path}, in {folder}, newest first:")
    rows = [
        (
            f"{b.taken_at:%Y-%m-%d %H:%M} UTC",
            KIND_LABELS[b.kind],
            _size(b.size),
            "unreadable" if b.case_count is None else str(b.case_count),
            b.path.name,
        )
        for b in found
    ]
    header = ("Taken", "Kind", "Size", "Cases", "File")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    for row in [header, *rows]:
        cells = [
            row[0].ljust(widths[0]),
            row[1].ljust(widths[1]),
            row[2].rjust(widths[2]),
            row[3].rjust(widths[3]),
        ]
        print("  ".join([*cells, row[4]]))
    return 0


def _size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} kB"
    return f"{size / (1024 * 1024):.1f} MB"


def _check(args: argparse.Namespace) -> int:
    from pathlib import Path

    from tareaid.store.errors import DatabaseMissingError
    from tareaid.store.health import check_database
    from tareaid.store.location import default_database_path, display_location

    db = database_argument(args)
    where = display_location(db) if db else str(default_database_path())
    against = Path(args.against) if args.against else None
    try:
        report = with_password(
            lambda password: check_database(db, against=against, password=password), where
        )
    except DatabaseMissingError as error:
        print(f"{error.message}")
        return 1
    for line in report.confirmed:
        print(line)
    for line in report.contradicted:
        print(line)
    counted = f"schema version {report.schema_version}, {report.case_count} " + _cases(
        report.case_count or 0
    )
    if report.healthy and report.contradicted:
        # Consistent in itself, but not with what left it earlier: never "healthy".
        print(
            f"{where}: not healthy: its audit trail no longer holds what {against} recorded "
            f"({counted}; nothing else found)"
        )
        return 1
    if report.healthy:
        print(f"{where}: healthy ({counted})")
        return 0
    print(
        f"{where}: {len(report.problems)} "
        f"{'problem' if len(report.problems) == 1 else 'problems'} found:"
    )
    for problem in report.problems:
        print(f"  - {problem}")
    return 1


def _archive(args: argparse.Namespace) -> int:
    with _open(args, create=False, writes=True) as repository:
        repository.archive_case(args.reference)
    print(f"Archived {args.reference} (tareaid restore {args.reference} brings it back).")
    return 0


def _restore(args: argparse.Namespace) -> int:
    with _open(args, create=False, writes=True) as repository:
        repository.restore_case(args.reference)
    print(f"Restored {args.reference}.")
    return 0


def _server_init(args: argparse.Namespace) -> int:
    from tareaid.store.location import display_location
    from tareaid.store.server_admin import server_init

    setup = with_password(
        lambda password: server_init(args.url, app_role=args.app_role, password=password),
        display_location(args.url),
    )
    created = "created (without login) and " if setup.role_created else ""
    print(
        f"{setup.where}: ready at schema version {setup.schema_version}; role "
        f"{setup.role} {created}granted what TAREaid needs (owner of the tables: "
        f"{setup.owner}).\nLet each person log in as their own role, a member of it: "
        f"GRANT {setup.role} TO <login>;"
    )
    return 0


def _migrate(args: argparse.Namespace) -> int:
    from tareaid.store.health import check_database
    from tareaid.store.location import display_location
    from tareaid.store.transfer import migrate

    # Passwords come from the URLs, ~/.pgpass or a service file: with two databases, a
    # prompt could not say which one it asks for.
    copied, where = migrate(args.source, args.target, backed_up=warn_about_backup)
    report = check_database(args.target)
    print(
        f"Copied {copied.cases} {_cases(copied.cases)} with {copied.audit_entries} audit "
        f"entries, {copied.agenda_items} agenda places and {copied.attendees} attendees from "
        f"{display_location(args.source)} to {where}."
    )
    if not report.healthy:
        print(f"{where}: the check of the copy found problems:")
        for problem in report.problems:
            print(f"  - {problem}")
        return 1
    print(f"{where}: healthy (schema version {report.schema_version}).")
    return 0


def _cases(count: int) -> str:
    return "case" if count == 1 else "cases"
