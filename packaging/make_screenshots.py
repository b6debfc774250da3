"""Render TAREaid's pictures offscreen from the demo cases: AppStream, the README, a review.

    QT_QPA_PLATFORM=offscreen python packaging/make_screenshots.py
        [--out packaging/screenshots] [--readme-out docs/images]
    QT_QPA_PLATFORM=offscreen python packaging/make_screenshots.py --review DIR
    QT_SCALE_FACTOR=2 QT_QPA_PLATFORM=offscreen python packaging/make_screenshots.py --review DIR
    QT_QPA_PLATFORM=offscreen python packaging/make_screenshots.py --review DIR --language zh_CN

Everything runs in a throw-away home in a fresh scratch folder of its own
($TMPDIR/tareaid-screenshots-XXXXXXXX, removed at the end, so that two runs at once never
share one) with a fresh demo database (`tareaid demo`: fictional cases only), in the light
theme, at 1366 × 768, so the pictures are the same on every machine that has the same fonts.

- The AppStream screenshots (``--out``): the checklist, the projection, the evidence.
- The README's pictures (``--readme-out``): the checklist, the projection and page 1 of
  the PDF summary, which `pdftoppm` (poppler-utils) turns into an image; without
  `pdftoppm` that one picture is skipped with a message saying so.
- ``--review DIR`` instead renders the main window (start page, checklist, summary, editor,
  evidence, history, decision) and the board's windows (agenda, projection, its evidence
  and trial panels) at 1366 × 768, 1920 × 1080 and 1280 × 720 in the light and the dark
  theme, for a person to look at before a release; run it again with QT_SCALE_FACTOR=2 for
  a 200 % screen, and with ``--language zh_CN`` for the Chinese interface.

The AppStream and README files are committed; run this again after a visible change and
look at them before committing.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SIZE = (1366, 768)
# (file name, caption): the metainfo's <screenshot> entries use the same names and words.
SHOTS = (
    ("checklist.png", "A case walked through the six-factor checklist"),
    ("projection.png", "Tumour-board mode: the case on the projector, identifiers hidden"),
    ("evidence.png", "The trial evidence, each subgroup beside its overall result"),
)
# The README's pictures, in docs/images (the README names them with these captions).
README_SHOTS = (
    ("checklist.png", "The checklist: one factor of the framework, the case's tier marked"),
    ("projection.png", "Tumour-board mode: the case on the projector, identifiers hidden"),
    ("report-page-1.png", "Page 1 of the PDF summary (de-identified)"),
)
REVIEW_SIZES = ((1366, 768), (1920, 1080), (1280, 720))
REVIEW_TABS = ("start", "checklist", "summary", "editor", "evidence", "history", "decision")
# The board's windows, after the main window's tabs: the agenda and the projection's pages.
REVIEW_BOARD = ("agenda", "projection", "projection-evidence", "projection-trials")
DEMO_CASE = "DEMO-01"
# The status bar names the database by this fixed path rather than the scratch folder's
# random one, so that the pictures do not change from one run to the next.
SHOWN_DATABASE = "/tmp/tareaid-screenshots/home/.local/share/TAREaid/tareaid.sqlite3"
PDF_DPI = 70


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


@contextlib.contextmanager
def scratch_folder() -> Iterator[Path]:
    """A new, empty folder for one run (never another run's), removed when the run ends."""
    folder = Path(tempfile.mkdtemp(prefix="tareaid-screenshots-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _demo_database(scratch: Path) -> Path:
    """A fresh demo database in a throw-away home inside the run's scratch folder."""
    _private_home(scratch / "home")
    subprocess.run([sys.executable, "-m", "tareaid", "demo"], check=True, stdout=subprocess.DEVNULL)
    return scratch / "home" / ".local" / "share" / "TAREaid" / "tareaid.sqlite3"


class Renderer:
    """The application, offscreen, on the demo database."""

    def __init__(self, scratch: Path, language: str = "en") -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        self.database = _demo_database(scratch)
        sys.path.insert(0, str(ROOT))
        from tareaid.ui import i18n
        from tareaid.ui.app import make_application

        self.app = make_application()
        i18n.install(self.app, language)

    def window(self, theme_name: str = "light", size: tuple[int, int] = SIZE) -> Any:
        from tareaid.domain.evidence import load_pack
        from tareaid.ui import fonts, theme
        from tareaid.ui.database import open_plainly
        from tareaid.ui.main_window import MainWindow
        from tareaid.ui.settings import Settings

        theme.apply_theme(self.app, theme_name)
        window = MainWindow(open_plainly(str(self.database)), Settings.in_memory(), load_pack())
        window.db_label.setText(window.tr("Database: {location}").format(location=SHOWN_DATABASE))
        window.resize(*size)
        window.show()
        self.app.processEvents()
        fonts.register_bundled_fonts()
        self.app.processEvents()
        return window

    def save(self, widget: Any, path: Path) -> Path:
        self.app.processEvents()
        path.parent.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(path))
        return path

    def checklist(self, window: Any, path: Path) -> Path:
        from tareaid.ui.case_pane import CHECKLIST_TAB

        window.open_case(DEMO_CASE)
        window.case_pane.show_tab(CHECKLIST_TAB)
        window.case_pane.checklist.go_to(4)
        return self.save(window, path)

    def projection(self, window: Any, path: Path) -> Path:
        return self.board(window, {"projection": path})[0]

    def board(
        self, window: Any, paths: dict[str, Path], size: tuple[int, int] = SIZE
    ) -> list[Path]:
        """The board's windows on the demo case's board: the agenda and the projection's
        pages (REVIEW_BOARD names them), each to its path."""
        from tareaid.ui.board.agenda_window import AgendaWindow

        window.open_case(DEMO_CASE)
        board_date = window.session.case.board_date if window.session.case else None
        board = AgendaWindow(window.editing, parent=window)
        if board_date is not None:
            board.choose_board_date(board_date)
        written = []
        if "agenda" in paths:
            board.resize(*size)
            board.show()
            written.append(self.save(board, paths["agenda"]))
        board.start_projection()
        projection = board.projection
        assert projection is not None
        projection.showNormal()
        projection.resize(*size)
        for name, panel in (
            ("projection", "checklist"),
            ("projection-evidence", "evidence"),
            ("projection-trials", "trials"),
        ):
            if name in paths:
                projection.show_panel(panel)
                written.append(self.save(projection, paths[name]))
        projection.close()
        board.close()
        return written

    def close(self, window: Any) -> None:
        window.close()
        self.app.processEvents()


def render(out: Path) -> list[Path]:
    """The AppStream screenshots."""
    with scratch_folder() as scratch:
        return _render_appstream(Renderer(scratch), out)


def _render_appstream(renderer: Renderer, out: Path) -> list[Path]:
    from tareaid.ui.case_pane import EVIDENCE_TAB

    window = renderer.window()
    written = [renderer.checklist(window, out / "checklist.png")]
    window.case_pane.show_tab(EVIDENCE_TAB)
    written.append(renderer.save(window, out / "evidence.png"))
    written.append(renderer.projection(window, out / "projection.png"))
    renderer.close(window)
    return written


def _render_readme(renderer: Renderer, out: Path) -> list[Path]:
    window = renderer.window()
    written = [
        renderer.checklist(window, out / "checklist.png"),
        renderer.projection(window, out / "projection.png"),
    ]
    renderer.close(window)
    page = _report_page(renderer.database, out / "report-page-1.png")
    if page is not None:
        written.append(page)
    return written


def _report_page(database: Path, target: Path) -> Path | None:
    """Page 1 of the demo case's PDF summary as a PNG, through pdftoppm; None (with a
    message) when pdftoppm is not installed."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print(
            f"skipped {target.name}: pdftoppm is not installed (it comes with poppler-utils, "
            "e.g. `apt-get install poppler-utils`); the other pictures were made",
            file=sys.stderr,
        )
        return None
    with tempfile.TemporaryDirectory(prefix="tareaid-report-") as folder:
        pdf = Path(folder) / f"{DEMO_CASE}.pdf"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "tareaid",
                "report",
                DEMO_CASE,
                "--db",
                str(database),
                "-o",
                str(pdf),
                "--deidentified",
                "--invariant",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        stem = Path(folder) / "page"
        first_page = ["-f", "1", "-l", "1", "-singlefile"]
        subprocess.run(
            [pdftoppm, "-png", "-r", str(PDF_DPI), *first_page, str(pdf), str(stem)], check=True
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(stem.with_suffix(".png")), target)
    return target


def _render_review(renderer: Renderer, out: Path) -> list[Path]:
    from tareaid.ui import case_pane
    from tareaid.ui.checklist import SUMMARY_STEP

    scale = os.environ.get("QT_SCALE_FACTOR", "1")
    tabs = {
        "checklist": case_pane.CHECKLIST_TAB,
        "summary": case_pane.CHECKLIST_TAB,
        "editor": case_pane.EDITOR_TAB,
        "evidence": case_pane.EVIDENCE_TAB,
        "history": case_pane.HISTORY_TAB,
        "decision": case_pane.DECISION_TAB,
    }
    written = []
    for theme_name in ("light", "dark"):
        for width, height in REVIEW_SIZES:
            window = renderer.window(theme_name, (width, height))
            stem = f"{theme_name}-{width}x{height}-scale{scale}"
            for tab in REVIEW_TABS:
                if tab != "start":
                    window.open_case(DEMO_CASE)
                    window.case_pane.show_tab(tabs[tab])
                    if tab in ("checklist", "summary"):
                        window.case_pane.checklist.go_to(SUMMARY_STEP if tab == "summary" else 0)
                written.append(renderer.save(window, out / f"{stem}-{tab}.png"))
            paths = {name: out / f"{stem}-{name}.png" for name in REVIEW_BOARD}
            written += renderer.board(window, paths, (width, height))
            renderer.close(window)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE / "screenshots")
    parser.add_argument("--readme-out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument(
        "--review", type=Path, help="render the review set into this folder instead"
    )
    parser.add_argument(
        "--language",
        choices=("en", "zh_CN"),
        default="en",
        help="the interface's language (the committed pictures are in English)",
    )
    args = parser.parse_args()
    with scratch_folder() as scratch:
        renderer = Renderer(scratch, args.language)
        if args.review is not None:
            written = _render_review(renderer, args.review)
        else:
            written = _render_appstream(renderer, args.out) + _render_readme(
                renderer, args.readme_out
            )
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
