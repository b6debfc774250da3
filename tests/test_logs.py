"""The diagnostic log: where it is, who may read it, what goes in, and native crashes."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tareaid import logs
from tareaid.cli import run

POSIX = os.name == "posix"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def log_text(folder: Path) -> str:
    return (folder / "tareaid.log").read_text(encoding="utf-8")


def test_log_folder_is_the_platforms_state_folder(private_home):
    # XDG_STATE_HOME is <home>/.local/state in these tests (conftest).
    assert logs.log_directory() == private_home / ".local" / "state" / "TAREaid" / "log"


@pytest.mark.skipif(not POSIX, reason="file modes")
def test_folder_and_file_are_private_and_info_is_the_default_level(tmp_path):
    folder = tmp_path / "logs"
    logs.start(directory=folder)
    logging.getLogger("tareaid.test").info("an event worth keeping")
    logging.getLogger("tareaid.test").debug("a detail for developers")
    assert mode(folder) == 0o700
    assert mode(folder / "tareaid.log") == 0o600
    assert mode(folder / "crash.txt") == 0o600
    text = log_text(folder)
    assert "INFO" in text and "tareaid.test: an event worth keeping" in text
    assert "a detail for developers" not in text


def test_an_existing_folder_is_made_private(tmp_path):
    folder = tmp_path / "logs"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    logs.start(directory=folder)
    if POSIX:
        assert mode(folder) == 0o700


def test_verbose_logs_debug_to_the_file_and_to_stderr(tmp_path, capsys):
    logs.start(directory=tmp_path, verbose=True)
    logging.getLogger("tareaid.test").debug("a detail for developers")
    assert "a detail for developers" in log_text(tmp_path)
    assert "a detail for developers" in capsys.readouterr().err


def test_other_libraries_are_logged_from_warning_up_only(tmp_path):
    logs.start(directory=tmp_path, verbose=True)
    # SQLAlchemy logs every statement with its parameters at INFO when enabled for it.
    engine_log = logging.getLogger("sqlalchemy.engine.Engine")
    assert not engine_log.isEnabledFor(logging.INFO)
    engine_log.warning("a pool warning")
    logging.getLogger("some.library").info("SELECT name FROM patient WHERE mrn = 'QX-1'")
    text = log_text(tmp_path)
    assert "a pool warning" in text
    assert "QX-1" not in text


def test_a_real_sqlalchemy_session_leaves_no_parameter_in_a_verbose_log(tmp_path):
    from sqlalchemy import create_engine, text

    logs.start(directory=tmp_path, verbose=True)
    engine = create_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (name TEXT)"))
        connection.execute(text("INSERT INTO t VALUES (:n)"), {"n": "Quokka Vandersnoot"})
    engine.dispose()
    assert "Quokka Vandersnoot" not in log_text(tmp_path)


# Built at run time so that the values are not in the source lines a traceback shows.
NAME = "-".join(("Quokka", "Vandersnoot"))
BIRTH = "-".join(("1931", "02", "03"))


def test_an_exception_is_logged_without_its_message(tmp_path):
    logs.start(directory=tmp_path)
    try:
        try:
            raise KeyError(NAME)
        except KeyError as inner:
            raise ValueError(f"date of birth {BIRTH} is not valid") from inner
    except ValueError:
        logging.getLogger("tareaid.test").exception("saving failed")
    text = log_text(tmp_path)
    assert "saving failed" in text
    assert "builtins.KeyError (message not logged)" in text
    assert "builtins.ValueError (message not logged)" in text
    assert "test_an_exception_is_logged_without_its_message" in text  # the stack is there
    assert NAME not in text
    assert BIRTH not in text


def test_the_log_rotates_and_keeps_a_few_private_files(tmp_path, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    logs.start(directory=tmp_path)
    for number in range(400):
        logging.getLogger("tareaid.test").info("line %04d of a long session", number)
    names = sorted(path.name for path in tmp_path.glob("tareaid.log*"))
    assert names == [f"tareaid.log{suffix}" for suffix in ("", ".1", ".2", ".3", ".4")]
    for path in tmp_path.glob("tareaid.log*"):
        assert path.stat().st_size < 2_000 + 200
        if POSIX:
            assert mode(path) == 0o600
    assert "line 0399" in log_text(tmp_path)
    assert "line 0000" not in "".join(p.read_text() for p in tmp_path.glob("tareaid.log*"))


def test_a_log_rotated_by_another_process_is_reopened_not_rotated_again(tmp_path, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 10_000)
    logs.start(directory=tmp_path)
    logging.getLogger("tareaid.test").info("before")
    os.replace(tmp_path / "tareaid.log", tmp_path / "tareaid.log.1")  # the other process
    logging.getLogger("tareaid.test").info("after")
    assert "after" in log_text(tmp_path)
    assert "after" not in (tmp_path / "tareaid.log.1").read_text()


def test_tail_gives_the_last_lines(tmp_path):
    logs.start(directory=tmp_path)
    for number in range(120):
        logging.getLogger("tareaid.test").info("line %03d", number)
    last = logs.tail(lines=50)
    assert len(last) == 50
    assert last[-1].endswith("line 119")
    assert last[0].endswith("line 070")


CRASH = """
import faulthandler, sys
from pathlib import Path
from tareaid import logs
logs.start(directory=Path(sys.argv[1]))
faulthandler._sigsegv()
"""


def test_a_native_crash_is_written_beside_the_log_and_noted_at_the_next_start(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", CRASH, str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    crash = (tmp_path / "crash.txt").read_text()
    assert "Fatal Python error: Segmentation fault" in crash
    assert "<module>" in crash  # the Python stack of the crashing thread

    logs.start(directory=tmp_path)
    text = log_text(tmp_path)
    assert "ended in a native crash" in text
    assert "Fatal Python error: Segmentation fault" in text
    assert (tmp_path / "crash-previous.txt").read_text() == crash
    assert (tmp_path / "crash.txt").stat().st_size == 0
    # Noted once: the next start finds nothing new.
    logs.start(directory=tmp_path)
    assert log_text(tmp_path).count("ended in a native crash") == 1


def test_unhandled_errors_are_logged_and_still_reported(tmp_path, monkeypatch):
    reported = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: reported.append(info[1]))
    logs.start(directory=tmp_path)
    try:
        raise RuntimeError(NAME)
    except RuntimeError as error:
        sys.excepthook(type(error), error, error.__traceback__)
        thrown = error
    text = log_text(tmp_path)
    assert "Unhandled error" in text
    assert "builtins.RuntimeError (message not logged)" in text
    assert NAME not in text
    assert reported == [thrown]  # the hook before (the terminal, the error dialog) still runs


def test_stop_restores_the_hooks_and_the_root_level(tmp_path):
    hook, level = sys.excepthook, logging.getLogger().level
    logs.start(directory=tmp_path, verbose=True)
    assert sys.excepthook is not hook
    logs.stop()
    assert sys.excepthook is hook
    assert logging.getLogger().level == level
    assert logs.log_file() is None


def test_an_unwritable_log_folder_does_not_stop_the_program(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    logs.start(directory=blocker / "logs")
    logging.getLogger("tareaid.test").info("still running")
    assert logs.log_file() is None
    assert "no log file" in capsys.readouterr().err


# --- the command line -------------------------------------------------------------------------


def test_every_command_logs_that_it_ran_and_how_it_ended(private_home, tmp_path, capsys):
    folder = logs.log_directory()
    _make_database(tmp_path / "cases.db")
    assert run(["list", "--db", str(tmp_path / "cases.db")]) == 0
    text = log_text(folder)
    assert "list started" in text
    assert "list ended with exit code 0" in text


def test_bad_input_is_logged_without_the_message(private_home, tmp_path, capsys):
    case = tmp_path / "case.json"
    case.write_text('{"reference": "CRLM-9", "date_of_birth": "1931-02-31"}', encoding="utf-8")
    assert run(["assess", str(case)]) == 2
    assert "1931-02-31" in capsys.readouterr().err
    text = log_text(logs.log_directory())
    assert "refused: CaseError (exit code 2)" in text
    assert "1931-02-31" not in text


@pytest.mark.parametrize("argv", [["-v", "list"], ["list", "-v"], ["list", "--verbose"]])
def test_verbose_is_global_and_accepted_after_any_command(argv, tmp_path, capsys):
    _make_database(tmp_path / "cases.db")
    capsys.readouterr()
    assert run([*argv, "--db", str(tmp_path / "cases.db")]) == 0
    err = capsys.readouterr().err
    assert "DEBUG" in err or "INFO" in err
    assert "tareaid.cli: TAREaid" in err


def test_without_verbose_nothing_extra_reaches_stderr(tmp_path, capsys):
    _make_database(tmp_path / "cases.db")
    capsys.readouterr()
    assert run(["list", "--db", str(tmp_path / "cases.db")]) == 0
    assert capsys.readouterr().err == ""


def test_version_and_help_write_no_log(private_home, capsys):
    with pytest.raises(SystemExit):
        run(["--version"])
    with pytest.raises(SystemExit):
        run(["--help"])
    assert not (private_home / ".local" / "state" / "TAREaid").exists()


def test_verbose_appears_in_every_commands_help():
    from tareaid.cli import build_parser

    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for name, subparser in subparsers.choices.items():
        options = {o for action in subparser._actions for o in action.option_strings}
        assert {"-v", "--verbose"} <= options, name


def _make_database(path: Path) -> None:
    # `list` reads only and never creates a database: the tests make one first.
    from tareaid.store.repository import Repository

    Repository.open(str(path)).close()
