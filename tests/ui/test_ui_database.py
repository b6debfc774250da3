"""Opening databases: foreign files, ways out, the single-instance lock, recent files, --smoke."""

from __future__ import annotations

import os
import subprocess
import sys
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
