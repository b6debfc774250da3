"""Shell completion and the manual page: generated from the argument parser, never stale.

packaging/make_shell_files.py writes them; the committed copies must be exactly what it
writes from today's parser, and they must work in the shells that read them.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHELL = ROOT / "packaging" / "shell"


def _generator():
    spec = importlib.util.spec_from_file_location(
        "make_shell_files", ROOT / "packaging" / "make_shell_files.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_committed_files_are_what_the_parser_generates():
    generated = _generator().generate()
    assert set(generated) == {"tareaid.bash", "_tareaid", "tareaid.1"}
    for name, content in generated.items():
        committed = (SHELL / name).read_text(encoding="utf-8")
        assert committed == content, (
            f"packaging/shell/{name} is out of date: run python packaging/make_shell_files.py"
        )


def test_every_command_and_option_is_in_each_file():
    from tareaid.cli import build_parser

    _options, commands = _generator().describe(build_parser())
    bash = (SHELL / "tareaid.bash").read_text(encoding="utf-8")
    zsh = (SHELL / "_tareaid").read_text(encoding="utf-8")
    manual = (SHELL / "tareaid.1").read_text(encoding="utf-8")
    assert {"assess", "report", "backup", "check"} <= {c.name for c in commands}
    for command in commands:
        assert command.name in bash and command.name in zsh
        assert f'.SS "tareaid {command.name}' in manual.replace("\\-", "-")
        for option in command.options:
            for flag in option.flags:
                assert flag in bash and flag in zsh, (command.name, flag)


def complete(words: str) -> list[str]:
    """What bash offers after `words` (the last word is the one being completed)."""
    parts = words.split(" ")
    script = (
        f"source {SHELL / 'tareaid.bash'}\n"
        f"COMP_WORDS=({' '.join(repr(p) for p in parts)})\n"
        f"COMP_CWORD={len(parts) - 1}\n"
        "_tareaid\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    result = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT / "packaging",
    )
    return [line for line in result.stdout.splitlines() if line]


def test_bash_completes_commands_options_and_files():
    assert complete("tareaid re") == ["restore", "report"]
    assert "--deidentified" in complete("tareaid report X --")
    assert complete("tareaid --vers") == ["--version"]
    assert "tareaid.spec" in complete("tareaid report X -o tareaid.")
    assert "make_icons.py" in complete("tareaid import make_")
    assert complete("tareaid list --search ") == []  # free text: nothing to offer


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh not installed")
def test_zsh_reads_the_completion():
    result = subprocess.run(
        ["zsh", "-n", str(SHELL / "_tareaid")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(shutil.which("groff") is None, reason="groff not installed")
def test_the_manual_page_formats_without_warnings():
    result = subprocess.run(
        ["groff", "-man", "-Tutf8", "-ww", "-z", str(SHELL / "tareaid.1")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stderr == ""
