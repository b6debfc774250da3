"""Tests that need something the machine may lack: skipped on a developer's machine, failed
in CI, where `.ci/run` installs or arranges that thing and sets the variable named below.

- TAREAID_REQUIRE_VALIDATORS=1: desktop-file-validate and appstreamcli must be installed;
- TAREAID_REQUIRE_UNPRIVILEGED=1: the test must run as a user that file modes apply to
  (`.ci/run` runs the `unprivileged` tests again as such a user).
"""

from __future__ import annotations

import os
import shutil

import pytest


def require_tool(name: str) -> str:
    """The path of the command-line tool `name`; skip (or, in CI, fail) without it."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} not installed"
        if os.environ.get("TAREAID_REQUIRE_VALIDATORS") == "1":
            pytest.fail(f"{message}, but TAREAID_REQUIRE_VALIDATORS=1 requires it")
        pytest.skip(message)
    return path


def require_unprivileged_user() -> None:
    """Skip (or, in CI's unprivileged run, fail) when running as root, who ignores modes."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        message = "root ignores file modes (.ci/run runs this again as an unprivileged user)"
        if os.environ.get("TAREAID_REQUIRE_UNPRIVILEGED") == "1":
            pytest.fail(f"{message}, but TAREAID_REQUIRE_UNPRIVILEGED=1 requires a non-root user")
        pytest.skip(message)
