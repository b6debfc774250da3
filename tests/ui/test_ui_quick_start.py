"""Start-up without waiting for the store: the list first, the store once the window is up.

A database that needs nothing but reading shows its first page before SQLAlchemy is loaded;
the store then opens on a worker thread, and from then on every read and every write goes
through it. A store that cannot open, or a file found damaged, offers the usual ways out.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from tareaid.domain.case import Case
from tareaid.domain.evidence import load_pack
from tareaid.store.errors import StoreEnvironmentError
from tareaid.store.list_reader import ListReader
from tareaid.store.opening import OpeningRepository
from tareaid.store.schema import assessed_with
from tareaid.ui import database as database_module
from tareaid.ui.database import OpenedDatabase, open_quickly


@pytest.fixture
def stored(db_path: Path) -> Path:
    from tareaid.store.repository import Repository

    with Repository.open(str(db_path)) as repository:
        repository.import_cases([Case(reference=f"QUICK-{i:03d}", ecog=i % 4) for i in range(30)])
    return db_path


def _window(qtbot, database):
    from tareaid.domain.evidence import load_pack
    from tareaid.ui import theme
    from tareaid.ui.app import make_application
    from tareaid.ui.main_window import MainWindow
    from tareaid.ui.settings import Settings

    theme.apply_theme(make_application(), "light")
    main = MainWindow(database, Settings(), load_pack())
    qtbot.addWidget(main)
    return main


def test_the_list_is_shown_before_the_store_opens_and_writes_go_to_the_store(
    qtbot, dialogs, stored
):
    database = open_quickly(str(stored))
    assert database is not None
    repository = database.repository
    assert isinstance(repository, OpeningRepository)
    window = _window(qtbot, database)
    # Built and populated before the store is even started.
    assert not repository.ready
    assert window.model.rowCount() == 30
    assert window.model.reference_at(0) == "QUICK-000"
    window.show()
    qtbot.waitExposed(window)
    # Once the window is on screen the store opens, and the case list is counted.
    qtbot.waitUntil(lambda: repository.ready, timeout=20_000)
    assert window.list_pane.count_label.text() == "30 cases"
    assert window.open_case("QUICK-007")
    assert window.session.set_field("ecog", 2)
    assert window.session.save_now()
    from tareaid.store.repository import Repository

    window.close()
    with Repository.open(str(stored), create=False) as check:
        assert check.get_case("QUICK-007").case.ecog == 2
        assert [entry.action for entry in check.history("QUICK-007")] == ["import", "change"]


def test_another_clients_change_arrives_once_the_store_has_opened(qtbot, dialogs, stored):
    # The window starts watching as it is shown, before the store has opened: the watch
    # begins once it has, without the window waiting for it.
    from tareaid.store.repository import Repository

    database = open_quickly(str(stored))
    assert database is not None
    repository = database.repository
    window = _window(qtbot, database)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: repository.ready, timeout=20_000)
    qtbot.waitUntil(lambda: window.live.running, timeout=5_000)
    with Repository.open(str(stored), create=False) as colleague:
        colleague.import_cases([Case(reference="QUICK-100")])
    qtbot.waitUntil(lambda: window.model.row_of("QUICK-100") >= 0, timeout=5_000)
    window.close()
    assert not window.live.running


def test_a_store_that_cannot_open_offers_the_ways_out(qtbot, dialogs, stored):
    database = open_quickly(str(stored))
    assert database is not None
    database.repository.close()  # the real one is replaced by one that fails
    reader = ListReader.for_file(stored, assessed_with(load_pack().version))
    assert reader is not None

    def failing(path: Path):
        raise StoreEnvironmentError(f"{path}: the database is locked by another program")

    failing_database = OpenedDatabase(OpeningRepository(reader, failing), database.lock)
    dialogs.reply("choose_way_out", database_module.GIVE_UP)
    window = _window(qtbot, failing_database)
    window.show()
    qtbot.waitUntil(lambda: bool(dialogs.called("choose_way_out")), timeout=10_000)
    ((args, _kwargs),) = dialogs.called("choose_way_out")
    assert "locked by another program" in args[2]
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.exit_code == 1


def test_a_damaged_file_found_after_a_quick_start_offers_ways_out(
    qtbot, dialogs, tmp_path, damage_index
):
    from tareaid.store.repository import Repository

    path = tmp_path / "damaged.db"
    with Repository.open(str(path)) as repository:
        repository.import_cases([Case(reference=f"CRLM-{i:03d}") for i in range(1, 41)])
    damage_index(path, "ix_case_record_headline")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    database = open_quickly(str(path))
    assert database is not None
    dialogs.reply("choose_way_out", database_module.GIVE_UP)
    window = _window(qtbot, database)
    window.show()
    qtbot.waitUntil(lambda: bool(dialogs.called("choose_way_out")), timeout=20_000)
    ((args, _kwargs),) = dialogs.called("choose_way_out")
    assert "damaged" in args[2]
    qtbot.waitUntil(lambda: not window.isVisible())
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_file_that_needs_the_store_takes_the_usual_way(tmp_path):
    assert open_quickly(str(tmp_path / "new.db")) is None  # to be created
    assert open_quickly("postgresql://nobody@127.0.0.1:1/none") is None  # a server


def test_the_window_is_painted_before_the_store_is_imported(stored, tmp_path):
    """`tareaid --smoke` on an existing database: painted, populated, and neither
    SQLAlchemy nor ReportLab was imported (the store opens only after the first paint)."""
    before = hashlib.sha256(stored.read_bytes()).hexdigest()
    env = {
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "home" / ".config"),
        "XDG_DATA_HOME": str(tmp_path / "home" / ".local" / "share"),
        "XDG_STATE_HOME": str(tmp_path / "home" / ".local" / "state"),
        "XDG_RUNTIME_DIR": str(tmp_path / "runtime"),
        "QT_QPA_PLATFORM": "offscreen",
        "PATH": "/usr/bin:/bin",
    }
    (tmp_path / "runtime").mkdir(mode=0o700)
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tareaid", "--smoke", "--db", str(stored)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    imported = {
        line.split("|")[-1].strip()
        for line in completed.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "tareaid.ui.main_window" in imported
    heavy = sorted(m for m in imported if m.split(".")[0] in ("sqlalchemy", "reportlab"))
    assert not heavy, heavy
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == before
    # No -wal, -shm or lock file left beside the database.
    beside = sorted(p.name for p in stored.parent.iterdir() if stored.name in p.name)
    assert beside == [stored.name]
