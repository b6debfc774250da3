"""Opening databases: foreign files, ways out, the single-instance lock, recent files, --smoke."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tareaid.domain.case import Case
from tareaid.ui import database as database_module
from tareaid.ui.database import DatabaseInUseError, open_plainly


@pytest.fixture
def foreign_file(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Shopping list: eggs, milk.\n" * 20)
    return path


def test_opening_a_foreign_file_offers_ways_out(window, dialogs, foreign_file, repository):
    repository.create_case(Case(reference="CRLM-001"))
    window.model.reload()
    dialogs.reply("choose_open_file", str(foreign_file))
    dialogs.reply("choose_way_out", "quit")
    window.action("open_database").trigger()

    ((args, _kwargs),) = dialogs.called("choose_way_out")
    _parent, title, text, options = args
    assert "cannot be opened" in title
    assert str(foreign_file) in text or foreign_file.name in text
    labels = [label for _key, label in options]
    assert labels[:2] == ["Open another database…", "Create a new database…"]
    assert labels[-1] == "Cancel"
    # Nothing changed: the window still works on its database, the file is untouched.
    assert window.model.reference_at(0) == "CRLM-001"
    assert foreign_file.read_text().startswith("Shopping list")


def test_a_way_out_creates_a_new_database(window, dialogs, foreign_file, tmp_path):
    fresh = tmp_path / "fresh.db"
    dialogs.reply("choose_open_file", str(foreign_file))
    dialogs.reply("choose_way_out", database_module.CREATE_NEW)
    dialogs.reply("choose_save_file", str(fresh))
    window.action("open_database").trigger()
    assert fresh.exists()
    assert Path(window.repository.path) == fresh
    assert window.windowTitle() == "fresh.db"
    assert window.model.rowCount() == 0
    assert str(fresh) == window.settings.recent_databases()[0]


def test_run_app_on_a_foreign_file_lets_the_user_quit(dialogs, foreign_file, qapp):
    from tareaid.ui.app import run_app

    dialogs.reply("choose_way_out", database_module.GIVE_UP)
    assert run_app(db=str(foreign_file)) == 1
    ((args, _kwargs),) = dialogs.called("choose_way_out")
    assert [label for _key, label in args[3]][-1] == "Quit"


def test_a_database_is_open_in_one_window_only(db_path, qapp):
    first = open_plainly(str(db_path))
    try:
        with pytest.raises(DatabaseInUseError) as caught:
            open_plainly(str(db_path))
        assert "already open" in caught.value.message
    finally:
        first.close()
    second = open_plainly(str(db_path))  # the lock went with the first window
    second.close()


def test_recent_databases_menu_switches(window, dialogs, tmp_path):
    other = tmp_path / "other.db"
    opened = open_plainly(str(other))
    opened.repository.create_case(Case(reference="OTHER-1"))
    opened.close()
    window.settings.add_recent_database(str(other))
    window.recent_menu.aboutToShow.emit()
    action = next(a for a in window.recent_menu.actions() if a.data() == str(other))
    action.trigger()
    assert window.model.reference_at(0) == "OTHER-1"
    assert window.db_label.text() == f"Database: {other}"


# --- the integrity check after the window is shown ---------------------------------------

# An index used only when the list is sorted by headline: the damaged file opens and lists,
# and SQLite's quick_check finds the damage.
DAMAGED_INDEX = "ix_case_record_headline"


@pytest.fixture
def damaged_db(tmp_path, damage_index):
    from tareaid.store.repository import Repository

    path = tmp_path / "damaged.db"
    with Repository.open(str(path)) as repository:
        repository.import_cases([Case(reference=f"CRLM-{i:03d}") for i in range(1, 41)])
    return damage_index(path, DAMAGED_INDEX)


def _digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _shown_window(qtbot, db):
    from tareaid.domain.evidence import load_pack
    from tareaid.ui import theme
    from tareaid.ui.app import make_application
    from tareaid.ui.main_window import MainWindow
    from tareaid.ui.settings import Settings

    theme.apply_theme(make_application(), "light")
    main = MainWindow(open_plainly(str(db)), Settings(), load_pack())
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def _hold_the_check(monkeypatch):
    """Make the integrity check wait (on its worker thread) until the test lets it go on."""
    from tareaid.store import sqlite_file

    started, go_on = threading.Event(), threading.Event()
    real_check = sqlite_file.integrity_problems

    def held_check(connection):
        started.set()
        go_on.wait(30)
        return real_check(connection)

    monkeypatch.setattr(sqlite_file, "integrity_problems", held_check)
    return started, go_on


def test_opening_does_not_wait_for_the_integrity_check(qtbot, dialogs, db_path, monkeypatch):
    from tareaid.store.repository import Repository

    with Repository.open(str(db_path)) as repository:
        repository.create_case(Case(reference="CRLM-001"))
    started, go_on = _hold_the_check(monkeypatch)
    try:
        window = _shown_window(qtbot, db_path)
        # The list is there while the check is still reading the file.
        qtbot.waitUntil(started.is_set)
        assert window.repository.checking_integrity
        assert window.model.reference_at(0) == "CRLM-001"
    finally:
        go_on.set()
    qtbot.waitUntil(lambda: not window.repository.checking_integrity)
    window.repository.verify_integrity()  # passed: returns at once
    assert not dialogs.calls


def test_a_damaged_database_found_after_opening_offers_ways_out(qtbot, dialogs, damaged_db):
    before = _digest(damaged_db)
    dialogs.reply("choose_way_out", database_module.GIVE_UP)
    window = _shown_window(qtbot, damaged_db)
    qtbot.waitUntil(lambda: bool(dialogs.called("choose_way_out")), timeout=10_000)

    ((args, _kwargs),) = dialogs.called("choose_way_out")
    _parent, title, text, options = args
    assert title == "The database cannot be used"
    assert str(damaged_db) in text
    assert "damaged" in text
    labels = [label for _key, label in options]
    assert labels[0] == "Restore a backup…"
    assert labels[-1] == "Quit"
    # Given up: the window closes, the application will exit with 1, the file is as it was.
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.exit_code == 1
    assert _digest(damaged_db) == before
    assert not list(damaged_db.parent.glob("*.bak"))


def test_a_way_out_of_a_damaged_database_opens_another(qtbot, dialogs, damaged_db, tmp_path):
    other = tmp_path / "other.db"
    opened = open_plainly(str(other))
    opened.repository.create_case(Case(reference="OTHER-1"))
    opened.close()
    before = _digest(damaged_db)
    dialogs.reply("choose_way_out", database_module.OPEN_OTHER)
    dialogs.reply("choose_open_file", str(other))
    window = _shown_window(qtbot, damaged_db)
    qtbot.waitUntil(lambda: window.model.reference_at(0) == "OTHER-1", timeout=10_000)
    assert Path(window.repository.path) == other
    assert window.db_label.text() == f"Database: {other}"
    assert window.isVisible()
    assert _digest(damaged_db) == before


def test_edits_are_not_saved_before_the_check_and_never_to_a_damaged_file(
    qtbot, dialogs, damaged_db, monkeypatch
):
    from tareaid.ui.case_session import AUTOSAVE_MS

    before = _digest(damaged_db)
    started, go_on = _hold_the_check(monkeypatch)
    try:
        window = _shown_window(qtbot, damaged_db)
        qtbot.waitUntil(started.is_set)
        assert window.open_case("CRLM-001")
        assert window.session.set_field("ecog", 3)
        # The autosave holds back while the check runs.
        qtbot.wait(AUTOSAVE_MS * 2)
        assert window.session.dirty
        assert window.session.save_state == "Unsaved changes"
        dialogs.reply("choose_way_out", database_module.GIVE_UP)
    finally:
        go_on.set()
    qtbot.waitUntil(lambda: bool(dialogs.called("choose_way_out")), timeout=10_000)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert _digest(damaged_db) == before


def test_a_damaged_database_opened_through_the_menu_is_left_too(qtbot, window, dialogs, damaged_db):
    before = _digest(damaged_db)
    dialogs.reply("choose_open_file", str(damaged_db))
    dialogs.reply("choose_way_out", database_module.GIVE_UP)
    window.action("open_database").trigger()
    # The switch itself does not wait for the check; the check then finds the damage.
    assert Path(window.repository.path) == damaged_db
    qtbot.waitUntil(lambda: bool(dialogs.called("choose_way_out")), timeout=10_000)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert _digest(damaged_db) == before


def _run_tareaid(*args, cwd, env_extra=None):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "tareaid", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_smoke_opens_paints_closes_and_exits_0(tmp_path):
    db = tmp_path / "smoke.db"
    result = _run_tareaid("--smoke", "--db", str(db), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert db.exists()


def test_start_up_does_not_import_reportlab(tmp_path):
    db = tmp_path / "smoke.db"
    code = (
        "import sys\n"
        "from tareaid.ui.app import run_app\n"
        f"assert run_app(db={str(db)!r}, smoke=True) == 0\n"
        "print('reportlab' in sys.modules)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_smoke_on_a_foreign_file_fails_with_a_message(tmp_path, foreign_file):
    result = _run_tareaid("--smoke", "--db", str(foreign_file), cwd=tmp_path)
    assert result.returncode == 1
    assert "tareaid: error:" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_application_hands_the_gil_to_the_gui_thread_often(qapp):
    # A worker thread running Python (an import) must not starve the window's painting.
    from tareaid.ui.app import make_application

    make_application()
    assert sys.getswitchinterval() <= 0.001


def test_run_app_offers_to_create_a_named_database_that_is_missing(dialogs, tmp_path, qapp):
    from tareaid.ui.app import run_app

    typo = tmp_path / "typo.db"
    dialogs.reply("choose_way_out", database_module.GIVE_UP)
    assert run_app(db=str(typo)) == 1
    ((args, _kwargs),) = dialogs.called("choose_way_out")
    assert f"no database at {typo}" in args[2]
    assert args[3][0] == (database_module.CREATE_HERE, "Create it")
    assert not typo.exists()


def test_create_it_makes_the_missing_database(dialogs, tmp_path, qapp):
    typo = tmp_path / "new.db"
    dialogs.reply("choose_way_out", database_module.CREATE_HERE)
    opened = database_module.open_database(None, str(typo), create=False)
    assert opened is not None
    try:
        assert typo.exists()
    finally:
        opened.close()
