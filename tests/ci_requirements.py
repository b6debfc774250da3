"""Tests that need something the machine may lack: skipped on a developer's machine, failed
in CI, where `.ci/run` installs or arranges that thing and sets the variable named below.

- TAREAID_REQUIRE_VALIDATORS=1: desktop-file-validate and appstreamcli must be installed;
- TAREAID_REQUIRE_UNPRIVILEGED=1: the test must run as a user that file modes apply to
  (`.ci/run` runs the `unprivileged` tests again as such a user);
- CI=true (or TAREAID_REQUIRE_POSTGRES=1): a PostgreSQL server must answer at
  TAREAID_TEST_PG_URL (`.ci/run` installs and starts one), so no test of the second backend
  can skip.
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


def postgres_required() -> bool:
    """Whether a missing PostgreSQL server fails the tests that need one (CI) rather than
    skipping them."""
    return (
        os.environ.get("CI", "").lower() == "true"
        or os.environ.get("TAREAID_REQUIRE_POSTGRES") == "1"
    )


def require_postgres(message: str) -> None:
    """Skip the test for want of a PostgreSQL server — or, in CI, fail it."""
    if postgres_required():
        pytest.fail(f"{message}, but in CI (CI=true) every PostgreSQL test must run")
    pytest.skip(message)
