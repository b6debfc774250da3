"""Account for the licence of every shared library a Linux build carries.

PyInstaller bundles C libraries from the build machine beside the program (GLib, D-Bus,
fontconfig, OpenSSL, the GCC runtime, …). On a Debian or Ubuntu build machine each comes
from a package whose copyright file, /usr/share/doc/<package>/copyright, states its
licences. This script finds the package of every such library in the built folder and
copies that file to <folder>/licenses/system/<package>.copyright, with an index.

    python packaging/system_licences.py packaging/dist/tareaid

The other libraries came inside Python wheels: Qt's and PySide6's in their own packages,
and those a wheel vendors in its <package>.libs folder (psycopg-binary's libpq, OpenSSL,
Kerberos, OpenLDAP, Cyrus SASL, libxcrypt and keyutils; Pillow's image libraries), whose
licences wheel_libraries.py records and whose texts ship in tareaid/resources/licenses/.
The index lists each with its component, version and licence texts. A library that is
neither a distribution package's nor known there, or whose licence text is missing from
the build, fails the script (and so the build).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from wheel_libraries import (
    PACKAGE_FOLDERS,
    WHEELS,
    Component,
    component,
    unhashed,
    wheel_for_folder,
)

LIBRARY_FOLDERS = ("/lib/", "/usr/lib/", "/lib64/", "/usr/lib64/")
DOCS = Path("/usr/share/doc")
# Where the packaged app keeps tareaid.resources: Linux and Windows, then the macOS bundle.
RESOURCES = ("_internal/tareaid/resources", "../Resources/tareaid/resources")


@dataclass
class Inventory:
    """Every shared library of a build, by where its licence comes from."""

    packages: dict[str, list[str]] = field(default_factory=dict)  # Debian package: libraries
    from_wheels: dict[str, Component] = field(default_factory=dict)  # relative path: component
    unknown: list[str] = field(default_factory=list)  # relative paths with no known licence
    missing_texts: list[str] = field(default_factory=list)  # licence files the build lacks
    wheel_versions: dict[str, str] = field(default_factory=dict)  # distribution: version built


def shared_libraries(folder: Path) -> list[Path]:
    """The shared libraries (not Python extension modules) in the built folder."""
    found = []
    for path in sorted(folder.rglob("lib*.so*")):
        if path.is_symlink() or not path.is_file() or ".abi3." in path.name:
            continue
        if ".cpython-" in path.name:
            continue
        found.append(path)
    return found


def debian_package(name: str) -> str | None:
    """The Debian package that installed a library of this file name, if any."""
    result = subprocess.run(
        ["dpkg", "-S", f"*/{name}"], capture_output=True, text=True, check=False
    )
    for line in result.stdout.splitlines():
        package, _, path = line.partition(": ")
        if path.startswith(LIBRARY_FOLDERS) and path.endswith("/" + name):
            return package.split(":", 1)[0].split(",", 1)[0]
    return None


def wheel_component(folder: Path, library: Path) -> Component | None:
    """The component of a library that came inside a wheel, or None if it did not."""
    parts = library.relative_to(folder).parts
    for part in parts[:-1]:
        if part in PACKAGE_FOLDERS:
            return PACKAGE_FOLDERS[part]
    wheel = wheel_for_folder(library.parent.name)
    if wheel is not None:
        return component(wheel, library.name)
    if unhashed(library.name) is not None:
        # A vendored library's copy outside its .libs folder (PyInstaller links them there).
        return next(filter(None, (component(w, library.name) for w in WHEELS)), None)
    return None


def in_a_libs_folder(library: Path) -> bool:
    return library.parent.name.endswith(".libs")


def bundled_wheel_versions(folder: Path) -> dict[str, str]:
    """{distribution: version} of the wheels with .libs folders whose metadata the build has."""
    versions = {}
    for wheel in WHEELS:
        prefix = wheel.libs_folder.removesuffix(".libs") + "-"
        for info in folder.rglob(f"{prefix}*.dist-info"):
            versions[wheel.distribution] = info.name.removeprefix(prefix).removesuffix(".dist-info")
    return versions


def licence_folder(folder: Path) -> Path | None:
    for relative in RESOURCES:
        candidate = folder / relative / "licenses"
        if candidate.is_dir():
            return candidate
    return None


def inventory(
    folder: Path,
    package_of: Callable[[str], str | None] = debian_package,
    docs: Path = DOCS,
) -> Inventory:
    """Sort every library of the build by the source of its licence."""
    found = Inventory(wheel_versions=bundled_wheel_versions(folder))
    for library in shared_libraries(folder):
        relative = str(library.relative_to(folder))
        known = wheel_component(folder, library)
        if known is not None:
            found.from_wheels[relative] = known
            continue
        if in_a_libs_folder(library):
            found.unknown.append(relative)  # vendored by a wheel this build does not know
            continue
        package = package_of(library.name)
        if package is None or not (docs / package / "copyright").is_file():
            found.unknown.append(relative)
            continue
        found.packages.setdefault(package, []).append(library.name)
    texts = licence_folder(folder)
    found.missing_texts = missing_texts(texts, set(found.from_wheels.values()))
    return found


def missing_texts(texts: Path | None, components: set[Component]) -> list[str]:
    """The licence files (or sections of them) that the components need and the build lacks."""
    if texts is None:
        return sorted({text for known in components for text in known.texts})
    missing = set()
    for known in components:
        missing |= {text for text in known.texts if not (texts / text).is_file()}
        if known.section and known.texts[0] not in missing:
            lines = (texts / known.texts[0]).read_text(encoding="utf-8").splitlines()
            if known.section not in (line.strip() for line in lines):
                missing.add(f"{known.texts[0]} (section {known.section})")
    return sorted(missing)


def describe(known: Component, wheel_version: str) -> str:
    version = f" {known.version}" if known.version else ""
    where = f" (section {known.section})" if known.section else ""
    texts = ", ".join(known.texts)
    return f"{known.name}{version}{wheel_version}; {known.licence}: {texts}{where}"


def write_index(folder: Path, found: Inventory, docs: Path = DOCS) -> None:
    """Copy the packages' copyright files and write licenses/system/INDEX.txt."""
    out = folder / "licenses" / "system"
    out.mkdir(parents=True, exist_ok=True)
    for package in found.packages:
        shutil.copyfile(docs / package / "copyright", out / f"{package}.copyright")
    lines = [
        "Libraries of the build machine carried by this build, by Debian package.",
        "Each package's copyright and licence file is <package>.copyright in this folder.",
        "",
    ]
    lines += [
        f"{package}: {', '.join(sorted(libs))}" for package, libs in sorted(found.packages.items())
    ]
    lines += [
        "",
        "Libraries that came inside Python wheels, with their component and licence. The",
        "licence texts named are in _internal/tareaid/resources/licenses/ (Help > About",
        "TAREaid > Licences shows them) and THIRD-PARTY-NOTICES.txt there lists them.",
        "",
    ]
    for relative, known in sorted(found.from_wheels.items()):
        wheel = wheel_for_folder(Path(relative).parent.name)
        built = ""
        if wheel is not None and wheel.version:
            built = f", in {wheel.distribution} {found.wheel_versions.get(wheel.distribution, '?')}"
        lines.append(f"{relative}: {describe(known, built)}")
    (out / "INDEX.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def version_warnings(found: Inventory) -> list[str]:
    """Wheels built in another version than the one whose libraries were recorded."""
    warnings = []
    for wheel in WHEELS:
        built = found.wheel_versions.get(wheel.distribution)
        if wheel.version and built and built != wheel.version:
            warnings.append(
                f"{wheel.distribution} {built} is bundled, but the versions of its libraries in "
                f"wheel_libraries.py and THIRD-PARTY-NOTICES.txt are those of {wheel.version}"
            )
    return warnings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the built one-folder application")
    args = parser.parse_args()
    if shutil.which("dpkg") is None:
        print("system_licences.py: no dpkg here; licence files not collected", file=sys.stderr)
        return 1
    found = inventory(args.folder)
    for warning in version_warnings(found):
        print(f"system_licences.py: warning: {warning}", file=sys.stderr)
    if found.unknown or found.missing_texts:
        for relative in found.unknown:
            print(f"system_licences.py: no known licence for {relative}", file=sys.stderr)
        for text in found.missing_texts:
            print(f"system_licences.py: the build lacks the licence text {text}", file=sys.stderr)
        print(
            "system_licences.py: record the library in packaging/wheel_libraries.py with its "
            "licence text in resources/licenses/ (or install its package's documentation)",
            file=sys.stderr,
        )
        return 1
    write_index(args.folder, found)
    print(
        f"licence files of {len(found.packages)} packages; {len(found.from_wheels)} libraries "
        "from wheels, each with a known licence"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
