"""Bring the interface's translations up to date: pyside6-lupdate, then pyside6-lrelease.

    python packaging/update_translations.py            # update resources/i18n/*.ts and *.qm
    python packaging/update_translations.py --check    # exit 1 if either is out of date

The sources are every ``self.tr("…")``, ``translate("Context", "…")`` and
``QT_TRANSLATE_NOOP("Context", "…")`` in ``tareaid/ui``. ``pyside6-lupdate`` adds the new
ones to each ``resources/i18n/tareaid_<language>.ts`` as unfinished, keeps the translations
already made, and drops the strings no longer in the code; translate the unfinished ones
(Qt Linguist, ``pyside6-linguist``, or any editor: the ``.ts`` is XML), then run this again
so that ``pyside6-lrelease`` compiles the ``.qm`` files the application loads. Both are
committed; tests/i18n fail while a ``.ts`` misses a string, holds an unfinished one, or its
``.qm`` is not what ``pyside6-lrelease`` makes of it.

English, the language of the code, has a catalogue of plural forms only ("%n case(s)" →
"1 case" / "12 cases"). The Qt tools come with PySide6 (the virtualenv's ``bin`` folder);
a plain ``pip install .`` needs none of this, since the ``.qm`` files ship in the package.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = "tareaid/ui"
FOLDER = ROOT / "resources" / "i18n"
CATALOGUE = "tareaid"
# Each shipped language and what lupdate keeps for it.
LANGUAGES: dict[str, tuple[str, ...]] = {
    "zh_CN": (),
    # The source language: only the messages with plural forms need a translation.
    "en": ("-pluralonly",),
}


def tool(name: str) -> str:
    """A PySide6 tool: beside this Python (a virtualenv's bin folder), else on the PATH."""
    for folder in (Path(sys.executable).parent, Path(sys.executable).resolve().parent):
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.is_file():
                return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"update_translations: {name} not found (it comes with PySide6)")
    return found


def ts_path(language: str, folder: Path = FOLDER) -> Path:
    return folder / f"{CATALOGUE}_{language}.ts"


def qm_path(language: str, folder: Path = FOLDER) -> Path:
    return folder / f"{CATALOGUE}_{language}.qm"


def lupdate(ts: Path, language: str) -> None:
    """Extract the interface's strings into `ts` (kept translations stay)."""
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            "-extensions",
            "py",
            "-recursive",
            SOURCES,
            # No file names or line numbers: the .ts changes only when a string does.
            "-locations",
            "none",
            "-no-obsolete",
            "-source-language",
            "en",
            "-target-language",
            language,
            *LANGUAGES[language],
            "-ts",
            str(ts),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    """Compile `ts` into `qm`."""
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )


def update(folder: Path = FOLDER) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        lupdate(ts_path(language, folder), language)
        lrelease(ts_path(language, folder), qm_path(language, folder))


def stale(folder: Path = FOLDER) -> list[str]:
    """What `update` would change, in words (nothing is written)."""
    problems = []
    with tempfile.TemporaryDirectory(prefix="tareaid-i18n-") as scratch:
        for language in LANGUAGES:
            ts, qm = ts_path(language, folder), qm_path(language, folder)
            if not ts.is_file():
                problems.append(f"{ts.name} is missing")
                continue
            copy = Path(scratch) / ts.name
            shutil.copyfile(ts, copy)
            lupdate(copy, language)
            if copy.read_bytes() != ts.read_bytes():
                problems.append(f"{ts.name} does not hold the interface's strings as they are now")
            compiled = Path(scratch) / qm.name
            lrelease(ts, compiled)
            if not qm.is_file() or compiled.read_bytes() != qm.read_bytes():
                problems.append(f"{qm.name} is not the compiled {ts.name}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if out of date"
    )
    args = parser.parse_args(argv)
    if args.check:
        problems = stale()
        for problem in problems:
            print(f"update_translations: {problem}", file=sys.stderr)
        return 1 if problems else 0
    update()
    for language in LANGUAGES:
        print(f"{ts_path(language).relative_to(ROOT)} → {qm_path(language).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
