"""The oldest GNU C library a Linux build runs on, read from the build itself.

Every ELF file in the built folder (the program, libpython, Qt, the bundled libraries) lists
the glibc symbol versions it needs, as `GLIBC_2.x` on its undefined dynamic symbols. The
highest of them is the oldest glibc the whole folder can load on.

    python packaging/glibc_floor.py packaging/dist/tareaid

prints that version and the files and symbols that need it. It reads `objdump -T` (from
binutils), or `readelf --dyn-syms -W` when objdump is missing.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
# An undefined symbol's version, as objdump -T prints "(GLIBC_2.34) name" and readelf
# prints "name@GLIBC_2.34 (3)".
_OBJDUMP = re.compile(r"\*UND\*.*?\(?GLIBC_(\d+(?:\.\d+)+)\)?\s+(\S+)\s*$")
_READELF = re.compile(r"\bUND\s+(\S+?)@GLIBC_(\d+(?:\.\d+)+)")

Version = tuple[int, ...]


def parse_needs(dump: str) -> dict[Version, set[str]]:
    """{glibc version: symbols} of the undefined symbols in an objdump -T or readelf dump."""
    needs: dict[Version, set[str]] = {}
    for line in dump.splitlines():
        match = _OBJDUMP.search(line)
        if match:
            version, symbol = match.group(1), match.group(2)
        else:
            match = _READELF.search(line)
            if not match:
                continue
            symbol, version = match.group(1), match.group(2)
        needs.setdefault(tuple(int(part) for part in version.split(".")), set()).add(symbol)
    return needs


def dynamic_symbols(path: Path) -> str:
    if shutil.which("objdump"):
        command = ["objdump", "-T", str(path)]
    else:
        command = ["readelf", "--dyn-syms", "-W", str(path)]
    return subprocess.run(command, capture_output=True, text=True, check=False).stdout


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with open(path, "rb") as handle:
            if handle.read(4) == ELF_MAGIC:
                found.append(path)
    return found


def floor(folder: Path) -> tuple[Version, dict[str, set[str]]]:
    """The highest glibc version any file needs, and {file: symbols} needing exactly it."""
    highest: Version = (0,)
    needing: dict[str, set[str]] = {}
    for path in elf_files(folder):
        needs = parse_needs(dynamic_symbols(path))
        if not needs:
            continue
        top = max(needs)
        if top > highest:
            highest, needing = top, {}
        if top == highest:
            needing[str(path.relative_to(folder))] = needs[top]
    return highest, needing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the built one-folder application")
    parser.add_argument("--quiet", action="store_true", help="print the version only")
    args = parser.parse_args()
    if not shutil.which("objdump") and not shutil.which("readelf"):
        print("glibc_floor.py: needs objdump or readelf (binutils)", file=sys.stderr)
        return 1
    version, needing = floor(args.folder)
    text = ".".join(str(part) for part in version)
    if args.quiet:
        print(text)
        return 0
    print(f"oldest glibc: {text}")
    for name, symbols in sorted(needing.items()):
        print(f"  {name}: {', '.join(sorted(symbols))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
