"""Automatic backups in the desktop: the day's backup on opening, the one before a large
import, a failure shown once without stopping the work, and File › Restore from backup…."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tareaid.domain.case import Case
from tareaid.store.backups import BEFORE_IMPORT, DAILY, automatic_backup, describe
from tareaid.ui import database as database_module
from tareaid.ui.backup_dialog import CHOOSE_FILE, RestoreBackupDialog
from tareaid.ui.qt import Qt, QtWidgets


def _digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _cases_in(path):
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT count(*) FROM case_record").fetchone()[0]
    finally:
        connection.close()


def _wait_idle(window, qtbot):
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=15_000)


def _window(qtbot, db, **kwargs):
    from tareaid.domain.evidence import load_pack
    from tareaid.ui import theme
    from tareaid.ui.app import make_application
    from tareaid.ui.database import open_plainly
    from tareaid.ui.main_window import MainWindow
    from tareaid.ui.settings import Settings

    theme.apply_theme(make_application(), "light")
    main = MainWindow(open_plainly(str(db)), Settings(), load_pack(), **kwargs)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def filled_db(tmp_path):
    from tareaid.store.repository import Repository

    path = tmp_path / "filled.db"
    with Repository.open(str(path)) as repository:
        repository.import_cases([Case(reference=f"CRLM-{i:03d}") for i in range(1, 6)])
    return path


def _dailies(db):
    return sorted((db.parent / f"{db.name}.backups").glob("*Z-daily.sqlite3"))


# --- taken by the desktop ---------------------------------------------------------------------


def test_opening_a_database_takes_the_days_backup_once(qtbot, dialogs, filled_db):
    window = _window(qtbot, filled_db)
    qtbot.waitUntil(lambda: len(_dailies(filled_db)) == 1, timeout=10_000)
    assert _cases_in(_dailies(filled_db)[0]) == 5
    window.close()
    window = _window(qtbot, filled_db)  # the same day: no second one
    window._take_daily_backup()  # nor when the hourly look comes round
    qtbot.wait(300)
    assert len(_dailies(filled_db)) == 1
    assert not window.backup_banner.isVisible()
    assert not dialogs.calls


def test_a_smoke_run_takes_no_backup(qapp, filled_db):
    from tareaid.ui.app import run_app

    assert run_app(db=str(filled_db), smoke=True) == 0
    assert not (filled_db.parent / "filled.db.backups").exists()


def test_a_server_database_offers_only_a_file_and_shows_no_password(window, dialogs, qtbot):
    from tareaid.ui.database import restore_from_backup

    url = "postgresql://clinician:secret@db.example.org/tareaid"
    dialogs.reply("choose_backup", None)
    assert restore_from_backup(window, url) is None
    ((args, kwargs),) = dialogs.called("choose_backup")
    assert args[1] == "postgresql://clinician:***@db.example.org/tareaid"
    assert list(args[2]) == []
    assert "administrator" in kwargs["note"]


def test_a_failed_backup_is_shown_once_and_the_work_goes_on(qtbot, dialogs, filled_db):
    blocker = filled_db.parent / "filled.db.backups"
    blocker.write_text("a file where the folder would go")
    window = _window(qtbot, filled_db)
    qtbot.waitUntil(window.backup_banner.isVisible, timeout=10_000)
    text = window.backup_banner.message.text()
    assert "No daily backup was made" in text
    assert str(blocker) in text
    assert "Your work goes on" in text
    window.backup_banner.button("Dismiss").click()
    assert not window.backup_banner.isVisible()
    window._take_daily_backup()  # fails again: logged, not shown again
    qtbot.wait(300)
    assert not window.backup_banner.isVisible()
    # Editing and saving work all the same.
    assert window.open_case("CRLM-001")
    assert window.session.set_field("ecog", 2)
    assert window.session.save_now()
    assert window.repository.get_case("CRLM-001").case.ecog == 2
    assert blocker.read_text() == "a file where the folder would go"
    assert not dialogs.calls


def _import_file(tmp_path, count):
    path = tmp_path / f"import-{count}.json"
    cases = [{"reference": f"IMP-{count}-{i:03d}"} for i in range(count)]
    path.write_text(json.dumps({"format": "tareaid.case/1", "cases": cases}))
    return path


@pytest.mark.parametrize(("count", "backed_up"), [(100, False), (101, True)])
def test_an_import_of_more_than_100_cases_is_preceded_by_a_backup(
    count, backed_up, window, dialogs, qtbot, tmp_path, repository, db_path
):
    repository.create_case(Case(reference="CRLM-001"))
    dialogs.reply("choose_open_file", str(_import_file(tmp_path, count)))
    window.action("import").trigger()
    _wait_idle(window, qtbot)
    assert f"Imported {count} cases" in window.statusBar().currentMessage()
    found = list((db_path.parent / f"{db_path.name}.backups").glob("*Z-before-import.sqlite3"))
    assert len(found) == (1 if backed_up else 0)
    if backed_up:
        assert _cases_in(found[0]) == 1


def test_a_failed_backup_before_an_import_does_not_stop_it(
    window, dialogs, qtbot, tmp_path, repository, db_path
):
    repository.create_case(Case(reference="CRLM-001"))
    (db_path.parent / f"{db_path.name}.backups").write_text("in the way")
    dialogs.reply("choose_open_file", str(_import_file(tmp_path, 150)))
    window.action("import").trigger()
    _wait_idle(window, qtbot)
    assert "Imported 150 cases" in window.statusBar().currentMessage()
    assert window.backup_banner.isVisible()
    assert "No backup before an import was made" in window.backup_banner.message.text()
    assert repository.count_cases() == 151


# --- File › Restore from backup… ------------------------------------------------------------


def _backups_of(db):
    automatic_backup(db, DAILY, now=datetime(2026, 3, 2, 8, 0, tzinfo=UTC))
    automatic_backup(db, BEFORE_IMPORT, now=datetime(2026, 3, 4, 16, 30, tzinfo=UTC))


def test_restore_from_backup_copies_checks_and_opens_a_new_file(
    window, dialogs, qtbot, repository, db_path, tmp_path
):
    for reference in ("CRLM-001", "CRLM-002"):
        repository.create_case(Case(reference=reference))
    _backups_of(db_path)
    repository.create_case(Case(reference="CRLM-003"))
    window.model.reload()
    live = _digest(db_path)
    restored = tmp_path / "restored.db"
    shown = {}

    def choose(_parent, database, found, *, note=""):
        shown.update(database=database, found=found, note=note)
        return str(found[1].path)  # the daily one, older

    dialogs.reply("choose_backup", choose)
    dialogs.reply("choose_save_file", str(restored))
    dialogs.reply("confirm", True)
    window.action("restore_from_backup").trigger()
    qtbot.waitUntil(lambda: window.repository.path == restored, timeout=15_000)

    assert shown["database"] == str(db_path)
    assert [(b.kind, b.case_count) for b in shown["found"]] == [
        ("before-import", 2),
        ("daily", 2),
    ]
    ((save_args, _),) = dialogs.called("choose_save_file")
    suggested = Path(save_args[3])
    assert suggested.parent == db_path.parent
    assert suggested.name.startswith("cases-restored-2026-03-0")  # the backup's local date
    ((confirm_args, confirm_kwargs),) = dialogs.called("confirm")
    assert str(restored) in confirm_args[2]
    assert "healthy" in confirm_args[2]
    assert "Cases in it: 2." in confirm_args[2]
    assert confirm_kwargs["ok_label"] == "Open it"
    assert [window.model.reference_at(r) for r in range(window.model.rowCount())] == [
        "CRLM-001",
        "CRLM-002",
    ]
    assert restored.stat().st_mode & 0o777 == 0o600
    assert _digest(db_path) == live  # the database in use was only read


def test_restore_from_a_chosen_file_and_leave_it_unopened(
    window, dialogs, qtbot, repository, db_path, tmp_path
):
    repository.create_case(Case(reference="CRLM-001"))
    copy = tmp_path / "by-hand.db"
    repository.backup(copy)
    restored = tmp_path / "restored.db"
    dialogs.reply("choose_backup", CHOOSE_FILE)
    dialogs.reply("choose_open_file", str(copy))
    dialogs.reply("choose_save_file", str(restored))
    dialogs.reply("confirm", False)
    window.action("restore_from_backup").trigger()
    _wait_idle(window, qtbot)
    qtbot.waitUntil(lambda: bool(dialogs.called("confirm")), timeout=10_000)
    assert window.repository.path == db_path
    assert _cases_in(restored) == 1
    # No automatic backup yet: the dialog was shown with an empty list.
    ((args, _),) = dialogs.called("choose_backup")
    assert list(args[2]) == []


def test_restore_never_writes_over_the_database_in_use(window, dialogs, qtbot, repository, db_path):
    repository.create_case(Case(reference="CRLM-001"))
    _backups_of(db_path)
    live = _digest(db_path)
    dialogs.reply("choose_backup", lambda _p, _d, found, note="": str(found[0].path))
    dialogs.reply("choose_save_file", str(db_path))
    window.action("restore_from_backup").trigger()
    qtbot.waitUntil(lambda: bool(dialogs.called("show_error")), timeout=10_000)
    ((args, _),) = dialogs.called("show_error")
    assert args[1] == "Choose another name"
    assert str(db_path) in args[2]
    assert _digest(db_path) == live
    assert window.repository.path == db_path


def test_a_restored_copy_with_problems_is_not_offered(window, dialogs, qtbot, tmp_path):
    foreign = tmp_path / "other-program.sqlite3"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    dialogs.reply("choose_backup", CHOOSE_FILE)
    dialogs.reply("choose_open_file", str(foreign))
    dialogs.reply("choose_save_file", str(tmp_path / "restored.db"))
    window.action("restore_from_backup").trigger()
    qtbot.waitUntil(lambda: bool(dialogs.called("show_error")), timeout=10_000)
    ((args, _),) = dialogs.called("show_error")
    assert args[1] == "The restored copy has problems"
    assert "another program" in args[2]
    assert not dialogs.called("confirm")


def test_the_way_out_of_a_damaged_database_lists_its_automatic_backups(
    qtbot, dialogs, tmp_path, damage_index
):
    from tareaid.store.repository import Repository

    path = tmp_path / "damaged.db"
    with Repository.open(str(path)) as repository:
        repository.import_cases([Case(reference=f"CRLM-{i:03d}") for i in range(1, 41)])
    automatic_backup(path, DAILY, now=datetime(2026, 3, 2, 8, 0, tzinfo=UTC))
    damage_index(path, "ix_case_record_headline")
    damaged = _digest(path)
    restored = tmp_path / "restored.db"
    dialogs.reply("choose_way_out", database_module.RESTORE_BACKUP)
    dialogs.reply("choose_backup", lambda _p, _d, found, note="": str(found[0].path))
    dialogs.reply("choose_save_file", str(restored))
    dialogs.reply("confirm", True)
    window = _window(qtbot, path)
    qtbot.waitUntil(lambda: window.repository.path == restored, timeout=15_000)
    assert window.model.rowCount() == 40
    assert _digest(path) == damaged


# --- the dialog itself ---------------------------------------------------------------------------


def _dialog(qtbot, db, *, theme_name="light"):
    from tareaid.ui import theme
    from tareaid.ui.app import make_application

    theme.apply_theme(make_application(), theme_name)
    dialog = RestoreBackupDialog(None, str(db), describe(db))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_the_dialog_lists_the_backups_and_works_from_the_keyboard(qtbot, filled_db):
    _backups_of(filled_db)
    dialog = _dialog(qtbot, filled_db)
    table = dialog.table
    assert [table.horizontalHeaderItem(c).text() for c in range(4)] == [
        "Taken",
        "Kind",
        "Cases",
        "Size",
    ]
    assert [table.item(r, 1).text() for r in range(2)] == ["Before an import", "Daily"]
    assert [table.item(r, 2).text() for r in range(2)] == ["5", "5"]
    assert table.item(0, 3).text().endswith(" kB")
    # Newest first, selected, with the focus: ↓ then Enter restores the older one.
    assert dialog.focusWidget() is table
    assert dialog.restore_button.isDefault()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    assert dialog.choice() == str(describe(filled_db)[1].path)


def test_the_dialog_offers_a_file_and_can_be_cancelled(qtbot, filled_db):
    _backups_of(filled_db)
    dialog = _dialog(qtbot, filled_db)
    # Alt+C is the mnemonic of "Choose a file…": it clicks it (after a short press).
    qtbot.keyClick(dialog.table, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.choice() == CHOOSE_FILE)
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    dialog = _dialog(qtbot, filled_db)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Rejected
    assert dialog.choice() is None


def test_with_no_backups_the_dialog_offers_only_a_file(qtbot, filled_db):
    dialog = _dialog(qtbot, filled_db)
    assert not dialog.table.isVisible()
    assert dialog.empty.isVisible()
    assert not dialog.restore_button.isEnabled()
    assert dialog.choose_button.isDefault()
