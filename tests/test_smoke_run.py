"""`tareaid --smoke` checks an installation and changes nothing of the user's.

It runs in a fresh home with the user's settings, recent-databases list, default database
and log already in place, and every file under that home must be exactly as before:
same names, sizes, modification times and modes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "TAREAID_"))}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def tareaid(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tareaid", *args],
        env=environment(home),
        cwd=home,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def tree(root: Path) -> dict[str, tuple[int, int, int]]:
    found = {}
    for folder, names, files in os.walk(root):
        for name in names + files:
            path = Path(folder) / name
            info = path.lstat()
            size = 0 if path.is_dir() else info.st_size
            found[str(path.relative_to(root))] = (size, info.st_mtime_ns, info.st_mode)
    return found


@pytest.fixture
def used_home(tmp_path: Path) -> Path:
    """A home where TAREaid has been used: a default database, settings, a log."""
    home = tmp_path / "home"
    runtime = home / "runtime"
    runtime.mkdir(parents=True, mode=0o700)
    assert tareaid(home, "demo").returncode == 0  # the default database and the log
    settings = home / ".config" / "TAREaid" / "TAREaid.conf"
    settings.parent.mkdir(parents=True)
    settings.write_text(
        "[databases]\nrecent=/clinic/board.sqlite3\n\n[view]\ntheme=dark\n", encoding="utf-8"
    )
    assert (home / ".local" / "share" / "TAREaid" / "tareaid.sqlite3").is_file()
    assert (home / ".local" / "state" / "TAREaid" / "log" / "tareaid.log").is_file()
    return home


def test_smoke_without_a_database_uses_a_throwaway_one(used_home):
    before = tree(used_home)
    result = tareaid(used_home, "--smoke")
    assert result.returncode == 0, result.stderr
    assert tree(used_home) == before


def test_smoke_on_a_named_database_touches_nothing_else(used_home, tmp_path):
    before = tree(used_home)
    other = tmp_path / "elsewhere" / "cases.sqlite3"
    other.parent.mkdir()
    result = tareaid(used_home, "--smoke", "--db", str(other))
    assert result.returncode == 0, result.stderr
    assert other.is_file()
    assert tree(used_home) == before


def test_smoke_verbose_reports_on_stderr_only(used_home):
    before = tree(used_home)
    result = tareaid(used_home, "--smoke", "-v")
    assert result.returncode == 0, result.stderr
    assert "smoke test started" in result.stderr
    assert "window shown" in result.stderr
    assert tree(used_home) == before
