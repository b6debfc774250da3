"""The packaging files agree with each other and with the package: one app id, the current
version released in the AppStream file, a desktop entry that launches the right command, an
icon that renders, scripts that can run. (The build itself is packaging/build.sh, which
smoke-tests the frozen binary; it takes a minute and is not part of the test run.)
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from ci_requirements import require_tool

import tareaid

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
APP_ID = "org.tareaid.TAREaid"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_launches_the_app_with_its_icon() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "TAREaid"
    # No field codes: `tareaid FILE` would be read as a subcommand.
    assert entry["Exec"] == "tareaid"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")


def test_metainfo_names_the_app_the_desktop_file_and_the_current_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == "TAREaid"
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license")
    assert root.findtext("summary")
    assert root.find("description/p") is not None
    launchable = root.find("launchable")
    assert launchable is not None
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert root.find("content_rating") is not None
    versions = [release.get("version") for release in root.iter("release")]
    assert versions[0] == tareaid.__version__, "add a <release> for the new version"
    for release in root.iter("release"):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", release.get("date", ""))


def test_metainfo_passes_appstream_validation() -> None:
    appstreamcli = require_tool("appstreamcli")
    result = subprocess.run(
        [appstreamcli, "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_file_passes_validation() -> None:
    validate = require_tool("desktop-file-validate")
    result = subprocess.run([validate, str(DESKTOP)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_spec_uses_the_bundle_identifier_and_macos_keys() -> None:
    spec = (PACKAGING / "tareaid.spec").read_text(encoding="utf-8")
    assert f'BUNDLE_ID = "{APP_ID}"' in spec
    assert '"NSHighResolutionCapable": True' in spec
    assert '"NSRequiresAquaSystemAppearance": False' in spec
    assert '"CFBundleShortVersionString": VERSION' in spec
    assert "launcher.py" in spec


def test_the_build_carries_the_postgresql_driver() -> None:
    """The packaged app opens a server URL: the build installs the postgres extra, the spec
    takes psycopg, psycopg_binary (imported by name) and the libpq it ships, and the smoke
    test proves a postgresql:// URL reaches the driver."""
    spec = (PACKAGING / "tareaid.spec").read_text(encoding="utf-8")
    for needed in (
        '"sqlalchemy.dialects.postgresql.psycopg"',
        'collect_submodules("psycopg"',
        '"psycopg_binary.pq", "psycopg_binary._psycopg"',
        'collect_dynamic_libs("psycopg_binary")',
        '"psycopg_binary.libs"',
        "binaries=binaries,",
    ):
        assert needed in spec, needed
    build = (PACKAGING / "build.sh").read_text(encoding="utf-8")
    assert 'pip install "$root[postgres]"' in build
    assert 'check --db "postgresql://smoke@127.0.0.1:1/tareaid"' in build
    assert "cannot be reached" in build
    # Where the spec looks for libpq is where psycopg_binary keeps it.
    found = importlib.util.find_spec("psycopg_binary")
    assert found is not None and found.origin is not None
    libs = Path(found.origin).parent.with_name("psycopg_binary.libs")
    assert any(path.name.startswith("libpq") for path in libs.iterdir())


def test_build_scripts_are_executable_and_parse() -> None:
    for script in (PACKAGING / "build.sh", PACKAGING / "linux" / "install.sh"):
        assert os.access(script, os.X_OK), f"{script} is not executable"
    result = subprocess.run(
        ["bash", "-n", str(PACKAGING / "build.sh")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    result = subprocess.run(
        ["sh", "-n", str(PACKAGING / "linux" / "install.sh")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_the_icon_renders_at_every_size(qapp, tmp_path: Path) -> None:
    # qapp first: the process's one QApplication must be pytest-qt's, never a bare
    # QGuiApplication that would leave later widget tests without one.
    pytest.importorskip("PySide6.QtSvg")
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_icons", PACKAGING / "make_icons.py")
    assert spec is not None
    assert spec.loader is not None
    make_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_icons)
    made = make_icons.make_icons(tmp_path)
    for size in make_icons.PNG_SIZES:
        png = made[f"png{size}"].read_bytes()
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        assert (width, height) == (size, size)
    assert made["svg"].name == f"{APP_ID}.svg"


def test_metainfo_names_the_homepage_and_the_developer() -> None:
    root = ET.parse(METAINFO).getroot()
    homepage = root.find("url[@type='homepage']")
    assert homepage is not None and homepage.text == "https://tareaid.org"
    developer = root.find("developer")
    assert developer is not None and developer.get("id") == "org.tareaid"
    assert developer.findtext("name") == "TAREaid"


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n"), path
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_every_metainfo_screenshot_is_rendered_in_the_repository() -> None:
    root = ET.parse(METAINFO).getroot()
    shots = root.findall("screenshots/screenshot")
    assert len(shots) >= 3
    assert shots[0].get("type") == "default"
    captions = {}
    for shot in shots:
        image = shot.find("image")
        assert image is not None and image.text is not None
        assert image.text.startswith("https://tareaid.org/screenshots/")
        local = PACKAGING / "screenshots" / image.text.rsplit("/", 1)[1]
        width, height = _png_size(local)
        assert (width, height) == (int(image.get("width")), int(image.get("height")))
        assert width >= 620 and height >= 350  # AppStream's smallest useful size
        captions[local.name] = shot.findtext("caption")
    spec = importlib.util.spec_from_file_location(
        "make_screenshots", PACKAGING / "make_screenshots.py"
    )
    assert spec is not None and spec.loader is not None
    make_screenshots = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_screenshots)
    assert captions == dict(make_screenshots.SHOTS)


def test_every_readme_picture_is_rendered_in_the_repository() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pictures = dict(re.findall(r"!\[([^\]]+)\]\(docs/images/([^)]+)\)", readme))
    spec = importlib.util.spec_from_file_location(
        "make_screenshots", PACKAGING / "make_screenshots.py"
    )
    assert spec is not None and spec.loader is not None
    make_screenshots = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_screenshots)
    # The README shows what the script makes, with the script's captions.
    assert {name: caption for caption, name in pictures.items()} == dict(
        make_screenshots.README_SHOTS
    )
    for name in pictures.values():
        width, height = _png_size(ROOT / "docs" / "images" / name)
        assert width >= 400 and height >= 300, name


def test_each_screenshot_run_has_a_scratch_folder_of_its_own_removed_at_the_end() -> None:
    """Two runs at once never share (or delete) each other's throw-away home."""
    spec = importlib.util.spec_from_file_location(
        "make_screenshots", PACKAGING / "make_screenshots.py"
    )
    assert spec is not None and spec.loader is not None
    make_screenshots = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_screenshots)
    with make_screenshots.scratch_folder() as first:
        (first / "home").mkdir()
        (first / "home" / "tareaid.sqlite3").write_bytes(b"the first run's database")
        with make_screenshots.scratch_folder() as second:
            assert second != first
            assert list(second.iterdir()) == []
        assert not second.exists()
        assert (first / "home" / "tareaid.sqlite3").read_bytes() == b"the first run's database"
    assert not first.exists()
