"""The `tareaid` command line: argument parsing, dispatch and exit codes (CONTRACT.md §1).

Each group of subcommands lives in its own module with a `register(subparsers, common)`
function; heavy libraries (Qt, SQLAlchemy, ReportLab) are imported only by the command that
needs them, so `tareaid --version` and `tareaid assess` stay quick.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from tareaid import __version__
from tareaid.cli import assess_cmd, common, report_cmd, store_cmds
from tareaid.domain.case import CaseError
from tareaid.errors import TareaidError

COMMAND_MODULES = (assess_cmd, store_cmds, report_cmd)


class _VersionAction(argparse.Action):
    """Prints the app version and the evidence-pack version, then exits."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        from tareaid.domain.evidence import load_pack

        pack = load_pack()
        print(f"TAREaid {__version__}")
        print(f"evidence pack {pack.version} (reviewed {pack.reviewed_on.isoformat()})")
        parser.exit(0)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tareaid",
        description="Decision support for tumour boards weighing radioembolisation (TARE) "
        "with chemotherapy for colorectal liver metastases. Not a treatment recommendation.",
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="open the main window, wait until it is painted, close it and exit 0",
    )
    common.add_db_option(parser, suppress_default=False)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    db_parent = argparse.ArgumentParser(add_help=False)
    common.add_db_option(db_parent, suppress_default=True)
    for module in COMMAND_MODULES:
        module.register(subparsers, db_parent)
    return parser


def run(argv: Sequence[str]) -> int:
    """Run one command line; returns the exit code instead of raising for user errors."""
    common.make_output_streams_safe()
    common.restrict_new_files()
    parser = build_parser()
    args = parser.parse_args(list(argv))
    try:
        if args.command is None:
            from tareaid.ui.app import run_app

            return run_app(db=common.database_argument(args), smoke=args.smoke)
        return int(args.handler(args) or 0)
    except CaseError as error:
        common.print_error(str(error))
        return 2
    except TareaidError as error:
        common.print_error(error.message)
        return error.exit_code
    except KeyboardInterrupt:
        common.print_error("interrupted; nothing was left half-written")
        return 130
    except BrokenPipeError:
        return 0
