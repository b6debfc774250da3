"""The `tareaid` command line: argument parsing, dispatch and exit codes (CONTRACT.md §1).

Each group of subcommands lives in its own module with a `register(subparsers, common)`
function; heavy libraries (Qt, SQLAlchemy, ReportLab) are imported only by the command that
needs them, so `tareaid --version` and `tareaid assess` stay quick.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tareaid import __version__
from tareaid.cli import assess_cmd, common, report_cmd, store_cmds
from tareaid.errors import INTERNAL_ERROR_EXIT, TareaidError, message_for

if TYPE_CHECKING:
    import logging

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
    _add_verbose_option(parser, suppress_default=False)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    db_parent = argparse.ArgumentParser(add_help=False)
    common.add_db_option(db_parent, suppress_default=True)
    for module in COMMAND_MODULES:
        module.register(subparsers, db_parent)
    for subparser in subparsers.choices.values():
        _add_verbose_option(subparser, suppress_default=True)
    return parser


def _add_verbose_option(parser: argparse.ArgumentParser, *, suppress_default: bool) -> None:
    # Global, and accepted after any subcommand too (`tareaid list -v`); on subcommands the
    # default is suppressed so that `tareaid -v list` keeps it.
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS if suppress_default else False,
        help="log debugging detail, to standard error as well as to the log file",
    )


def run(argv: Sequence[str]) -> int:
    """Run one command line; returns the exit code instead of raising.

    Bad input and environment problems print their message (no traceback) and exit with
    the error's code; a bug prints "internal error" with its traceback for a report.
    """
    common.make_output_streams_safe()
    common.restrict_new_files()
    parser = build_parser()
    args = parser.parse_args(list(argv))
    desktop = args.command is None
    # Imported only now: `--version` and `--help` have exited already and pay nothing.
    import logging

    from tareaid import logs

    # A smoke run is a check, not a use: it leaves no log file behind.
    logs.start(verbose=args.verbose, to_file=not (desktop and args.smoke))
    log = logging.getLogger("tareaid.cli")
    what = ("smoke test" if args.smoke else "desktop application") if desktop else args.command
    log.info("TAREaid %s: %s started", __version__, what)
    log.debug("log file: %s", logs.log_file() or "none (standard error only)")
    started = time.monotonic()
    code = _dispatch(args, desktop, log)
    log.info("%s ended with exit code %d after %.2f s", what, code, time.monotonic() - started)
    return code


def _dispatch(args: argparse.Namespace, desktop: bool, log: logging.Logger) -> int:
    try:
        if desktop:
            from tareaid.ui.app import run_app

            return run_app(db=common.database_argument(args), smoke=args.smoke)
        return int(args.handler(args) or 0)
    except TareaidError as error:
        # The message may quote a refused value (a name, a date of birth): the log gets only
        # the kind of error.
        log.info("refused: %s (exit code %d)", type(error).__name__, error.exit_code)
        common.print_error(str(error))
        return error.exit_code
    except KeyboardInterrupt:
        log.info("interrupted")
        common.print_error("interrupted; nothing was left half-written")
        return 130
    except BrokenPipeError:
        return 0
    except OSError as error:
        # The machine refused a file operation no command explained: the environment's.
        common.print_error(message_for(error))
        return 1
    except Exception as error:
        common.print_internal_error(error)
        return INTERNAL_ERROR_EXIT
