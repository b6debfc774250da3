"""The built package carries TAREaid's licence, the third-party notices and the help pages.

A wheel is built from a copy of the checkout with the test environment's own setuptools
(no download), and its contents are read back: what an installation would put on disk.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("tareaid", "resources"):
        shutil.copytree(ROOT / name, source / name, ignore=ignore)
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("tareaid-*.whl")
    return zipfile.ZipFile(built)


def test_the_wheel_declares_the_licence_expression_and_carries_the_licence(wheel):
    names = wheel.namelist()
    (metadata_name,) = [n for n in names if n.endswith(".dist-info/METADATA")]
    metadata = Parser().parsestr(wheel.read(metadata_name).decode("utf-8"))
    assert metadata["License-Expression"] == "LicenseRef-Proprietary"
    assert "LICENSE" in metadata.get_all("License-File")
    dist_info = metadata_name.rsplit("/", 1)[0]
    assert wheel.read(f"{dist_info}/licenses/LICENSE") == (ROOT / "LICENSE").read_bytes()


def test_the_installed_package_has_the_notices_and_the_licence_texts(wheel):
    names = set(wheel.namelist())
    folder = "tareaid/resources/licenses/"
    notices = wheel.read(folder + "THIRD-PARTY-NOTICES.txt").decode("utf-8")
    # Every licence text the notices point to is in the package.
    for text in (
        "LGPL-3.0.txt",
        "GPL-3.0.txt",
        "Python-PSF.txt",
        "ReportLab-BSD.txt",
        "SQLAlchemy-MIT.txt",
        "platformdirs-MIT.txt",
        "Apache-2.0.txt",
        "PostgreSQL-libpq.txt",
        "OpenSSL.txt",
        "MIT-Kerberos.txt",
        "OpenLDAP.txt",
        "Cyrus-SASL.txt",
        "com_err-MIT-SIPB.txt",
        "libxcrypt.txt",
        "keyutils.txt",
    ):
        assert text in notices
        assert folder + text in names, text
    for font_licence in ("LICENSE-DejaVu.txt", "LICENSE-DroidSansFallback.txt"):
        assert "tareaid/resources/fonts/" + font_licence in names


def test_the_installed_package_has_the_help_pages(wheel):
    pages = [n for n in wheel.namelist() if n.startswith("tareaid/resources/help/")]
    assert "tareaid/resources/help/index.html" in pages
    assert len([p for p in pages if p.endswith(".html")]) >= 8


def test_the_installed_package_has_the_compiled_translations(wheel):
    """A plain `pip install .` needs no Qt tools: the .qm files ship as they are committed."""
    folder = ROOT / "resources" / "i18n"
    for language in ("zh_CN", "en"):
        name = f"tareaid/resources/i18n/tareaid_{language}.qm"
        assert wheel.read(name) == (folder / f"tareaid_{language}.qm").read_bytes(), name
