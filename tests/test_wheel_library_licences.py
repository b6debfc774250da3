"""Every C library a wheel vendors into the Linux build has a known licence that ships.

packaging/wheel_libraries.py records the libraries of psycopg-binary's and Pillow's .libs
folders; packaging/system_licences.py sorts a built folder's libraries by the source of
their licence and fails the build on one it cannot account for. The built folder here is
a stand-in laid out like PyInstaller's (file names typed from a real build).
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
LICENCES = ROOT / "resources" / "licenses"

# The libraries of psycopg-binary 3.3.9's manylinux wheel, as in its psycopg_binary.libs.
PSYCOPG_LIBS = (
    "libcom_err-2abe824b.so.2.1",
    "libcom_err-55c5739a.so.3.0",
    "libcrypt-bc2db45e.so.1",
    "libcrypto-3a0647ea.so.3",
    "libgssapi_krb5-923083ce.so.2.2",
    "libk5crypto-459efceb.so.3.1",
    "libkeyutils-dfe70bd6.so.1.5",
    "libkrb5-f18b4d11.so.3.3",
    "libkrb5support-93fbab13.so.0.1",
    "liblber-7b3e3cc5.so.2.0.200",
    "libldap-fb847fea.so.2.0.200",
    "libpq-e9b5c9ac.so.5.18",
    "libsasl2-84219a89.so.3.0.0",
    "libssl-6a9b88ec.so.3",
)
PILLOW_LIBS = (
    "libjpeg-6dc8d115.so.62.4.0",
    "libXau-154567c4.so.6.0.0",
    "libzstd-40ad5e7e.so.1.5.7",
)


@pytest.fixture(scope="module")
def scripts():
    sys.path.insert(0, str(PACKAGING))
    try:
        import system_licences
        import wheel_libraries

        yield SimpleNamespace(system=system_licences, wheels=wheel_libraries)
    finally:
        sys.path.remove(str(PACKAGING))
        sys.modules.pop("system_licences", None)
        sys.modules.pop("wheel_libraries", None)


def _psycopg(scripts):
    (wheel,) = [w for w in scripts.wheels.WHEELS if w.distribution == "psycopg-binary"]
    return wheel


def build(tmp_path: Path, *, psycopg_version: str = "3.3.9", extra: tuple[str, ...] = ()) -> Path:
    """A built folder: the two .libs folders, a Qt library, a system library, the licences."""
    folder = tmp_path / "tareaid"
    internal = folder / "_internal"
    for relative in (
        *(f"psycopg_binary.libs/{name}" for name in PSYCOPG_LIBS),
        *(f"pillow.libs/{name}" for name in PILLOW_LIBS),
        "PySide6/Qt/lib/libQt6Core.so.6",
        "libz.so.1",
        *extra,
    ):
        (internal / relative).parent.mkdir(parents=True, exist_ok=True)
        (internal / relative).write_bytes(b"\x7fELF")
    (internal / f"psycopg_binary-{psycopg_version}.dist-info").mkdir()
    shutil.copytree(LICENCES, internal / "tareaid" / "resources" / "licenses")
    return folder


def debian_docs(tmp_path: Path) -> Path:
    docs = tmp_path / "doc"
    (docs / "zlib1g").mkdir(parents=True)
    (docs / "zlib1g" / "copyright").write_text("zlib licence\n", encoding="utf-8")
    return docs


def only_zlib(name: str) -> str | None:
    return "zlib1g" if name == "libz.so.1" else None


def test_auditwheel_names_lose_their_hash(scripts):
    assert scripts.wheels.unhashed("libpq-e9b5c9ac.so.5.18") == ("libpq.so.5", "libpq")
    assert scripts.wheels.unhashed("libcom_err-2abe824b.so.2.1") == (
        "libcom_err.so.2",
        "libcom_err",
    )
    assert scripts.wheels.unhashed("libcrypt-bc2db45e.so.1") == ("libcrypt.so.1", "libcrypt")
    assert scripts.wheels.unhashed("libXau-154567c4.so.6.0.0") == ("libXau.so.6", "libXau")
    assert scripts.wheels.unhashed("libz.so.1") is None


def test_every_library_of_psycopg_binary_has_its_licence(scripts):
    wheel = _psycopg(scripts)
    found = {name: scripts.wheels.component(wheel, name) for name in PSYCOPG_LIBS}
    assert None not in found.values()
    assert found["libpq-e9b5c9ac.so.5.18"].texts == ("PostgreSQL-libpq.txt",)
    assert found["libssl-6a9b88ec.so.3"].texts == ("OpenSSL.txt", "Apache-2.0.txt")
    # Two different com_err libraries: Kerberos' own and e2fsprogs' (which Cyrus SASL links).
    assert found["libcom_err-55c5739a.so.3.0"].name == "MIT Kerberos"
    assert found["libcom_err-2abe824b.so.2.1"].texts == ("com_err-MIT-SIPB.txt",)
    assert "LGPL-2.1.txt" in found["libcrypt-bc2db45e.so.1"].texts
    assert "LGPL-2.1.txt" in found["libkeyutils-dfe70bd6.so.1.5"].texts
    assert scripts.wheels.component(wheel, "libunknown-0123abcd.so.1") is None


def test_the_versions_recorded_are_those_of_the_pinned_psycopg_binary(scripts):
    pins = (ROOT / "constraints" / "test.txt").read_text(encoding="utf-8")
    assert f"psycopg-binary=={_psycopg(scripts).version}\n" in pins
    versions = {c.name: c.version for c in _psycopg(scripts).libraries.values()}
    assert versions["PostgreSQL client library (libpq)"] == "18.6"
    assert versions["OpenSSL"] == "3.5.9"
    assert versions["MIT Kerberos"] == "1.22.2"
    assert versions["OpenLDAP"] == "2.6.16"
    assert versions["Cyrus SASL"] == "2.1.26"


def test_every_licence_text_named_ships_and_each_pillow_section_is_there(scripts):
    components = {c for w in scripts.wheels.WHEELS for c in w.libraries.values()}
    components |= set(scripts.wheels.PACKAGE_FOLDERS.values())
    assert scripts.system.missing_texts(LICENCES, components) == []


def test_the_notices_list_each_vendored_library_with_version_and_licence_text(scripts):
    notices = (LICENCES / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    section = notices.split("Libraries inside psycopg-binary", 1)[1].split("\nReportLab\n")[0]
    wheel = _psycopg(scripts)
    assert f"psycopg-binary {wheel.version}" in section
    for key, component in wheel.libraries.items():
        assert key.split(".so")[0] in section, key
        if component.version:
            assert f"{component.version}" in section, component.name
        for text in component.texts:
            assert text in section, text
    for name in ("libjpeg", "libtiff", "libwebp", "libxcb", "libXau", "zstd"):
        assert name in notices.split("\nPillow\n", 1)[1].split("\nplatformdirs\n")[0], name


@pytest.mark.parametrize(
    ("module", "libs_folder"), [("psycopg_binary", "psycopg_binary.libs"), ("PIL", "pillow.libs")]
)
def test_the_installed_wheels_vendor_only_known_libraries(scripts, module, libs_folder):
    """The wheels installed here (the pinned versions) carry no library the table lacks."""
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        pytest.skip(f"{module} is not installed")
    libs = Path(spec.origin).parent.parent / libs_folder
    if not libs.is_dir():
        pytest.skip(f"no {libs_folder} beside {module} (not a manylinux wheel)")
    wheel = scripts.wheels.wheel_for_folder(libs_folder)
    assert wheel is not None
    names = sorted(p.name for p in libs.iterdir())
    assert names
    assert [name for name in names if scripts.wheels.component(wheel, name) is None] == []


def test_a_build_whose_libraries_are_all_known_is_indexed(scripts, tmp_path):
    folder = build(tmp_path)
    docs = debian_docs(tmp_path)
    found = scripts.system.inventory(folder, package_of=only_zlib, docs=docs)
    assert found.unknown == [] and found.missing_texts == []
    assert found.packages == {"zlib1g": ["libz.so.1"]}
    assert len(found.from_wheels) == len(PSYCOPG_LIBS) + len(PILLOW_LIBS) + 1
    assert scripts.system.version_warnings(found) == []
    scripts.system.write_index(folder, found, docs=docs)
    system = folder / "licenses" / "system"
    assert (system / "zlib1g.copyright").read_text(encoding="utf-8") == "zlib licence\n"
    index = (system / "INDEX.txt").read_text(encoding="utf-8")
    assert "zlib1g: libz.so.1" in index
    line = next(
        x for x in index.splitlines() if x.startswith("_internal/psycopg_binary.libs/libpq")
    )
    assert "18.6" in line and "psycopg-binary 3.3.9" in line and "PostgreSQL-libpq.txt" in line
    line = next(x for x in index.splitlines() if "pillow.libs/libXau" in x)
    assert "Pillow-MIT-CMU.txt (section XAU)" in line
    assert re.search(r"PySide6/Qt/lib/libQt6Core\.so\.6: .*LGPL-3\.0\.txt", index)


def test_a_vendored_library_without_a_known_licence_is_refused(scripts, tmp_path):
    folder = build(tmp_path, extra=("psycopg_binary.libs/libnew-0123abcd.so.1", "libstray.so.2"))
    found = scripts.system.inventory(folder, package_of=only_zlib, docs=debian_docs(tmp_path))
    assert found.unknown == [
        "_internal/libstray.so.2",
        "_internal/psycopg_binary.libs/libnew-0123abcd.so.1",
    ]


def test_a_missing_licence_text_or_section_is_refused(scripts, tmp_path):
    folder = build(tmp_path)
    licences = folder / "_internal" / "tareaid" / "resources" / "licenses"
    (licences / "OpenLDAP.txt").unlink()
    pillow = licences / "Pillow-MIT-CMU.txt"
    pillow.write_text(pillow.read_text(encoding="utf-8").replace("\nXAU\n", "\n"), encoding="utf-8")
    found = scripts.system.inventory(folder, package_of=only_zlib, docs=debian_docs(tmp_path))
    assert found.missing_texts == ["OpenLDAP.txt", "Pillow-MIT-CMU.txt (section XAU)"]


def test_another_psycopg_binary_version_is_reported(scripts, tmp_path):
    folder = build(tmp_path, psycopg_version="3.4.0")
    found = scripts.system.inventory(folder, package_of=only_zlib, docs=debian_docs(tmp_path))
    (warning,) = scripts.system.version_warnings(found)
    assert "psycopg-binary 3.4.0 is bundled" in warning and "those of 3.3.9" in warning


@pytest.mark.skipif(shutil.which("dpkg") is None, reason="system_licences.py needs dpkg")
def test_the_script_fails_the_build_on_an_unknown_vendored_library(tmp_path):
    folder = build(tmp_path, extra=("psycopg_binary.libs/libnew-0123abcd.so.1",))
    (folder / "_internal" / "libz.so.1").unlink()  # no dpkg query needed
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "system_licences.py"), str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert (
        "no known licence for _internal/psycopg_binary.libs/libnew-0123abcd.so.1" in result.stderr
    )
    assert not (folder / "licenses" / "system" / "INDEX.txt").exists()


def test_a_copy_of_a_vendored_library_beside_the_program_is_known_too(scripts, tmp_path):
    """PyInstaller links the .libs files into _internal/; a copied one is no stranger."""
    folder = build(tmp_path, extra=("libpq-e9b5c9ac.so.5.18",))
    found = scripts.system.inventory(folder, package_of=only_zlib, docs=debian_docs(tmp_path))
    assert found.unknown == []
    assert found.from_wheels["_internal/libpq-e9b5c9ac.so.5.18"].version == "18.6"
