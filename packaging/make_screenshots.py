"""Render TAREaid's screenshots offscreen from the demo cases (AppStream, README).

    QT_QPA_PLATFORM=offscreen python packaging/make_screenshots.py [--out packaging/screenshots]

Everything runs in a throw-away home ($TMPDIR/tareaid-screenshots) with a fresh demo
database (`tareaid demo`: fictional cases only), at 1366 × 768, in the light theme, so the
pictures are the same on every machine that has the same fonts. The files are committed;
run this again after a visible change and look at them before committing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZE = (1366, 768)
# (file name, caption): the metainfo's <screenshot> entries use the same names and words.
SHOTS = (
    ("checklist.png", "A case walked through the six-factor checklist"),
    ("projection.png", "Tumour-board mode: the case on the projector, identifiers hidden"),
    ("evidence.png", "The trial evidence, each subgroup beside its overall result"),
)


def _private_home(folder: Path) -> None:
    for name, sub in (
        ("HOME", ""),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_RUNTIME_DIR", "runtime"),
    ):
        path = folder / sub
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.environ[name] = str(path)
    os.environ.pop("TAREAID_DB", None)


def render(out: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A fixed place, so that the database path in the status bar is the same every time.
    scratch = Path(tempfile.gettempdir()) / "tareaid-screenshots"
    shutil.rmtree(scratch, ignore_errors=True)
    _private_home(scratch / "home")
    subprocess.run([sys.executable, "-m", "tareaid", "demo"], check=True, stdout=subprocess.DEVNULL)
    database = scratch / "home" / ".local" / "share" / "TAREaid" / "tareaid.sqlite3"
    sys.path.insert(0, str(HERE.parent))
    from tareaid.domain.evidence import load_pack
    from tareaid.ui import theme
    from tareaid.ui.app import make_application
    from tareaid.ui.board.agenda_window import AgendaWindow
    from tareaid.ui.case_pane import CHECKLIST_TAB, EVIDENCE_TAB
    from tareaid.ui.database import open_plainly
    from tareaid.ui.main_window import MainWindow
    from tareaid.ui.settings import Settings

    app = make_application()
    theme.apply_theme(app, "light")
    window = MainWindow(open_plainly(str(database)), Settings.in_memory(), load_pack())
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    out.mkdir(parents=True, exist_ok=True)
    written = []

    def save(widget: object, name: str) -> None:
        app.processEvents()
        path = out / name
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        written.append(path)

    window.open_case("DEMO-01")
    window.case_pane.show_tab(CHECKLIST_TAB)
    window.case_pane.checklist.go_to(4)
    save(window, "checklist.png")

    window.case_pane.show_tab(EVIDENCE_TAB)
    save(window, "evidence.png")

    board_date = window.session.case.board_date if window.session.case else None
    board = AgendaWindow(window.editing, parent=window)
    if board_date is not None:
        board.choose_board_date(board_date)
    board.start_projection()
    projection = board.projection
    assert projection is not None
    projection.showNormal()
    projection.resize(*SIZE)
    save(projection, "projection.png")
    projection.close()
    board.close()
    window.close()
    app.processEvents()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE / "screenshots")
    args = parser.parse_args()
    for path in render(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
