"""Copy the licence files of the build machine's libraries that a Linux build carries.

PyInstaller bundles C libraries from the build machine beside the program (GLib, D-Bus,
fontconfig, OpenSSL, the GCC runtime, …). On a Debian or Ubuntu build machine each comes
from a package whose copyright file, /usr/share/doc/<package>/copyright, states its
licences. This script finds the package of every such library in the built folder and
copies that file to <folder>/licenses/system/<package>.copyright, with an index.

    python packaging/system_licences.py packaging/dist/tareaid

Libraries that come inside Python wheels (Qt, Pillow's image libraries) are not the build
machine's and are covered by those packages' own notices; they are listed as such.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

LIBRARY_FOLDERS = ("/lib/", "/usr/lib/", "/lib64/", "/usr/lib64/")


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


def collect(folder: Path) -> tuple[dict[str, list[str]], list[str]]:
    """Copy the copyright files; returns {package: [libraries]} and the libraries left."""
    out = folder / "licenses" / "system"
    out.mkdir(parents=True, exist_ok=True)
    packages: dict[str, list[str]] = {}
    others: list[str] = []
    for library in shared_libraries(folder):
        package = debian_package(library.name)
        copyright_file = Path("/usr/share/doc") / (package or "-") / "copyright"
        if package is None or not copyright_file.is_file():
            others.append(str(library.relative_to(folder)))
            continue
        packages.setdefault(package, []).append(library.name)
        shutil.copyfile(copyright_file, out / f"{package}.copyright")
    lines = [
        "Libraries of the build machine carried by this build, by Debian package.",
        "Each package's copyright and licence file is <package>.copyright in this folder.",
        "",
    ]
    lines += [f"{package}: {', '.join(sorted(libs))}" for package, libs in sorted(packages.items())]
    lines += [
        "",
        "Libraries that came inside Python wheels (licences in the third-party notices):",
    ]
    lines += sorted(others)
    (out / "INDEX.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return packages, others


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the built one-folder application")
    args = parser.parse_args()
    if shutil.which("dpkg") is None:
        print("system_licences.py: no dpkg here; licence files not collected", file=sys.stderr)
        return 1
    packages, others = collect(args.folder)
    print(f"licence files of {len(packages)} packages; {len(others)} libraries from wheels")
    return 0


if __name__ == "__main__":
    sys.exit(main())
