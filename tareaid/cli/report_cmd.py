"""`tareaid report REF -o FILE.pdf`: write a stored case's tumour-board PDF summary.

The output is checked before anything else (a folder, or a folder that does not exist, is
bad usage: exit 2) and written atomically, so on any error no file, and no partial file,
is left behind. ReportLab and the store are imported only when the command runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tareaid.cli.common import database_argument, write_file_atomically
from tareaid.errors import BadInputError
from tareaid.files import refuse_database_target


def register(subparsers: argparse._SubParsersAction, db_parent: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "report",
        parents=[db_parent],
        help="write the tumour-board PDF summary of a case",
        description="Write the tumour-board PDF summary of a stored case: the headline and "
        "the evidence for its setting, the framework checklist with what the evidence says "
        "about each claim, work-up alerts and evidence gaps, the board decision, the trial "
        "populations, and the trial evidence with its references. Decision support, not a "
        "recommendation.",
    )
    parser.add_argument("reference", metavar="REF", help="case reference")
    parser.add_argument(
        "-o", "--output", metavar="FILE.pdf", required=True, help="the PDF file to write"
    )
    parser.add_argument(
        "--deidentified",
        action="store_true",
        help="leave out the patient's name, MRN and date of birth (everywhere, metadata "
        "included) and the free-text notes",
    )
    parser.add_argument(
        "--include-free-text",
        action="store_true",
        help="with --deidentified, keep the free text (notes, rationale, dissent, reasons) "
        "with the identifiers found in it blanked; check it yourself: no automatic removal "
        "is complete",
    )
    parser.add_argument("--letter", action="store_true", help="US Letter pages (default A4)")
    parser.add_argument(
        "--bilirubin-unit",
        choices=("mg/dL", "umol/L"),
        default="mg/dL",
        help="the unit bilirubin is shown in: mg/dL (default) or umol/L (µmol/L)",
    )
    parser.add_argument(
        "--invariant",
        action="store_true",
        help="byte-stable output: the same case gives the same file (fixed generation time, "
        "from SOURCE_DATE_EPOCH if set)",
    )
    parser.set_defaults(handler=_run)


def check_output(path: str) -> Path:
    """The output file, or a usage error (exit 2) if it cannot be a file we write."""
    target = Path(path)
    if target.is_dir():
        raise BadInputError(f"{target}: is a folder; give a file name such as case.pdf")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise BadInputError(f"{target}: the folder {folder} does not exist")
    refuse_database_target(target)
    return target


def _run(args: argparse.Namespace) -> int:
    target = check_output(args.output)

    from tareaid.domain.assessment import assess
    from tareaid.domain.evidence import load_pack
    from tareaid.store.case_checks import refuse_invalid_values
    from tareaid.store.repository import Repository

    repository = Repository.open(database_argument(args), create=False)
    try:
        stored = repository.get_case(args.reference)
        where = str(repository.path or repository.url)
    finally:
        repository.close()
    refuse_invalid_values(where, stored.case.reference, stored.invalid, "no PDF was written")

    from tareaid.report import AuditHead, ReportOptions, build_report

    pack = load_pack()
    heads = {}
    if stored.audit_head is not None and stored.audit_count is not None:
        heads[stored.case.reference] = AuditHead(stored.audit_head, stored.audit_count)
    options = ReportOptions(
        deidentified=args.deidentified,
        page_size="Letter" if args.letter else "A4",
        invariant=args.invariant,
        bilirubin_unit=args.bilirubin_unit,
        audit_heads=heads,
        include_free_text=args.include_free_text,
    )
    data = build_report(stored.case, assess(stored.case, pack), pack, options)
    write_file_atomically(target, data)
    kind = "de-identified summary" if args.deidentified else "summary"
    print(f"Wrote the tumour-board {kind} of case {args.reference} to {target}.")
    return 0
