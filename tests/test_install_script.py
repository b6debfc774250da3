"""packaging/linux/install.sh: the per-user and the all-users layouts, upgrade, uninstall.

The tarball's folder is laid out by packaging/linux/stage.sh (as build.sh does) around a
stand-in program, and installed into temporary folders: a home for the per-user layout,
a DESTDIR root for the all-users one. gtk-update-icon-cache and update-desktop-database
are stand-ins that record their calls.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.tareaid.TAREaid"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="a POSIX shell script")


@pytest.fixture
def tarball(tmp_path: Path) -> Path:
    """The extracted tarball's folder, with a program that answers --version."""
    app = tmp_path / "built" / "tareaid"
    (app / "_internal").mkdir(parents=True)
    program = app / "tareaid"
    program.write_text("#!/bin/sh\necho 'TAREaid 9.8.7'\n", encoding="utf-8")
    program.chmod(0o755)
    icons = tmp_path / "icons"
    for size in ("16x16", "256x256", "scalable"):
        folder = icons / "hicolor" / size / "apps"
        folder.mkdir(parents=True)
        suffix = "svg" if size == "scalable" else "png"
        (folder / f"{APP_ID}.{suffix}").write_bytes(b"icon")
    stage = tmp_path / "tareaid-9.8.7-linux-x86_64"
    subprocess.run(
        [str(LINUX / "stage.sh"), str(app), str(icons), str(stage), "9.8.7", "x86_64", "2.36"],
        check=True,
    )
    return stage


@pytest.fixture
def tools(tmp_path: Path) -> Path:
    """Stand-ins for the cache tools; each call is appended to calls.log."""
    folder = tmp_path / "tools"
    folder.mkdir()
    log = folder / "calls.log"
    (folder / "gtk-update-icon-cache").write_text(
        f'#!/bin/sh\necho "gtk-update-icon-cache $*" >>{log}\n'
        'for last; do :; done\n: >"$last/icon-theme.cache"\n',
        encoding="utf-8",
    )
    (folder / "update-desktop-database").write_text(
        f'#!/bin/sh\necho "update-desktop-database $*" >>{log}\n'
        'for last; do :; done\n: >"$last/mimeinfo.cache"\n',
        encoding="utf-8",
    )
    for tool in folder.iterdir():
        tool.chmod(0o755)
    log.touch()
    return folder


def install(stage_or_app: Path, *args: str, home: Path, tools: Path, **env: str):
    environment = {
        "HOME": str(home),
        "PATH": f"{tools}:{os.environ['PATH']}",
        "LANG": "C.UTF-8",
        **env,
    }
    script = stage_or_app / "install.sh"
    return subprocess.run(
        ["sh", str(script), *args], env=environment, capture_output=True, text=True, check=False
    )


def files_under(folder: Path) -> list[str]:
    return sorted(
        str(path.relative_to(folder))
        for path in folder.rglob("*")
        if path.is_file() or path.is_symlink()
    )


def test_per_user_install_upgrade_and_uninstall(tarball, tools, tmp_path):
    home = tmp_path / "user"
    database = home / ".local" / "share" / "TAREaid" / "tareaid.sqlite3"
    database.parent.mkdir(parents=True)
    database.write_bytes(b"the cases")

    result = install(tarball, home=home, tools=tools)
    assert result.returncode == 0, result.stderr
    app = home / ".local" / "opt" / "tareaid"
    share = home / ".local" / "share"
    assert "TAREaid 9.8.7 installed in " + str(app) in result.stdout
    assert (home / ".local" / "bin" / "tareaid").resolve() == (app / "tareaid").resolve()
    desktop = (share / "applications" / f"{APP_ID}.desktop").read_text()
    assert f"Exec={app}/tareaid\n" in desktop
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").is_file()
    assert (share / "bash-completion" / "completions" / "tareaid").is_file()
    assert (share / "zsh" / "site-functions" / "_tareaid").is_file()
    assert (share / "man" / "man1" / "tareaid.1").is_file()
    assert (share / "icons" / "hicolor" / "icon-theme.cache").is_file()
    assert (share / "applications" / "mimeinfo.cache").is_file()
    assert (app / "install.sh").is_file()
    subprocess.run([str(home / ".local" / "bin" / "tareaid"), "--version"], check=True)

    # Upgrade in place: a file of the older version does not linger.
    (app / "_internal" / "stale.so").write_bytes(b"old")
    assert install(tarball, home=home, tools=tools).returncode == 0
    assert not (app / "_internal" / "stale.so").exists()

    # Uninstall with the installed copy of the script (the tarball may be long gone).
    result = install(app, "--uninstall", home=home, tools=tools)
    assert result.returncode == 0, result.stderr
    assert files_under(home) == [".local/share/TAREaid/tareaid.sqlite3"]
    assert database.read_bytes() == b"the cases"
    assert not (share / "icons" / "hicolor").exists()  # only our icons and cache were there
    assert not (share / "applications").exists()  # nor the MIME cache the install made


def test_help_prints_the_usage_comment_and_no_code(tarball, tools, tmp_path):
    result = install(tarball, "--help", home=tmp_path / "user", tools=tools)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == "Install TAREaid from the extracted tarball, for the current user or for all users."
    )
    assert lines[-1] == "an upgrade or an uninstall leaves them as they are."
    assert "  ./install.sh --uninstall              remove the current user's installation" in lines
    assert not any(line.startswith("set ") for line in lines)
    assert not (tmp_path / "user").exists()


def test_uninstall_refreshes_a_mime_cache_that_other_menu_entries_share(tarball, tools, tmp_path):
    home = tmp_path / "user"
    applications = home / ".local" / "share" / "applications"
    applications.mkdir(parents=True)
    (applications / "other.desktop").write_text("[Desktop Entry]\nName=Other\n")
    assert install(tarball, home=home, tools=tools).returncode == 0
    assert (applications / "mimeinfo.cache").is_file()
    assert install(tarball, "--uninstall", home=home, tools=tools).returncode == 0
    assert sorted(p.name for p in applications.iterdir()) == ["mimeinfo.cache", "other.desktop"]
    calls = (tools / "calls.log").read_text().splitlines()
    assert calls[-1] == f"update-desktop-database -q {applications}"


def test_uninstall_after_an_upgrade_still_removes_the_mime_cache_it_made(tarball, tools, tmp_path):
    home = tmp_path / "user"
    assert install(tarball, home=home, tools=tools).returncode == 0
    assert install(tarball, home=home, tools=tools).returncode == 0  # the cache exists now
    assert install(tarball, "--uninstall", home=home, tools=tools).returncode == 0
    assert not (home / ".local" / "share" / "applications").exists()


def test_uninstall_keeps_a_mime_cache_that_was_there_before(tarball, tools, tmp_path):
    home = tmp_path / "user"
    applications = home / ".local" / "share" / "applications"
    applications.mkdir(parents=True)
    (applications / "mimeinfo.cache").write_text("[MIME Cache]\n")
    assert install(tarball, home=home, tools=tools).returncode == 0
    assert install(tarball, "--uninstall", home=home, tools=tools).returncode == 0
    assert (applications / "mimeinfo.cache").is_file()
    assert not (applications / f"{APP_ID}.desktop").exists()


def test_uninstall_refreshes_an_icon_cache_that_other_programs_share(tarball, tools, tmp_path):
    home = tmp_path / "user"
    other = home / ".local" / "share" / "icons" / "hicolor" / "48x48" / "apps" / "other.png"
    other.parent.mkdir(parents=True)
    other.write_bytes(b"another program's icon")
    assert install(tarball, home=home, tools=tools).returncode == 0
    assert install(tarball, "--uninstall", home=home, tools=tools).returncode == 0
    hicolor = home / ".local" / "share" / "icons" / "hicolor"
    assert other.is_file()
    assert (hicolor / "icon-theme.cache").is_file()
    calls = (tools / "calls.log").read_text().splitlines()
    assert calls[-2] == f"gtk-update-icon-cache -q -t -f {hicolor}"
    assert not list(hicolor.rglob(f"{APP_ID}.*"))


def test_all_users_install_into_opt_and_usr_local(tarball, tools, tmp_path):
    root = tmp_path / "root"
    home = tmp_path / "user"
    result = install(tarball, "--system", home=home, tools=tools, DESTDIR=str(root))
    assert result.returncode == 0, result.stderr
    assert (root / "opt" / "tareaid" / "tareaid").is_file()
    assert not (root / "opt" / "opt").exists()
    link = root / "usr" / "local" / "bin" / "tareaid"
    assert os.readlink(link) == "/opt/tareaid/tareaid"
    share = root / "usr" / "local" / "share"
    assert (
        "Exec=/opt/tareaid/tareaid\n" in (share / "applications" / f"{APP_ID}.desktop").read_text()
    )
    assert (share / "man" / "man1" / "tareaid.1").is_file()
    assert (share / "bash-completion" / "completions" / "tareaid").is_file()
    assert not home.exists()  # nothing in the installing user's home

    result = install(tarball, "--system", "--uninstall", home=home, tools=tools, DESTDIR=str(root))
    assert result.returncode == 0, result.stderr
    assert files_under(root) == []


def test_the_old_prefix_variable_is_refused_rather_than_misread(tarball, tools, tmp_path):
    result = install(tarball, home=tmp_path / "user", tools=tools, PREFIX="/opt")
    assert result.returncode == 2
    assert "--system" in result.stderr
    assert not (tmp_path / "user").exists()


def test_the_stage_carries_licences_completion_and_the_glibc_floor(tarball):
    assert (tarball / "LICENSE").read_bytes() == (ROOT / "LICENSE").read_bytes()
    assert (tarball / "THIRD-PARTY-NOTICES.txt").is_file()
    text = (tarball / "INSTALL.txt").read_text()
    assert "glibc) 2.36 or newer" in text
    assert "@" not in text
