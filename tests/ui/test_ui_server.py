"""The desktop on a shared database: another client's saves arrive within a second, a
conflict is shown and nothing is overwritten, the password is never shown or kept, a
server that asks for one gets it typed, and an autosave the server cut off is retried.

Tests that take `backend` run on an SQLite file and on a PostgreSQL database (as a member
of the application role); the others need the server (tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tareaid.store.errors import ConnectionLostError
from tareaid.store.repository import Repository

# Another client's change reaches the window within a second; waitUntil gives it more
# room on a loaded machine (no time is asserted).
ARRIVES_MS = 5000


def _window(qtbot: Any, db: str, settings: Any = None) -> Any:
    from tareaid.domain.evidence import load_pack
    from tareaid.ui import theme
    from tareaid.ui.app import make_application
    from tareaid.ui.database import open_plainly
    from tareaid.ui.main_window import MainWindow
    from tareaid.ui.settings import Settings

    app = make_application()
    theme.apply_theme(app, "light")
    main = MainWindow(open_plainly(db), settings or Settings(), load_pack())
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def shared(backend: str) -> Iterator[Repository]:
    """Another client of the test's database (a colleague's TAREaid)."""
    from tareaid.domain.case import parse_case

    with Repository.open(backend) as colleague:
        colleague.import_cases(
            [parse_case({"reference": "SH-1", "ecog": 1}), parse_case({"reference": "SH-2"})]
        )
        yield colleague


@pytest.fixture
def shared_window(qtbot: Any, backend: str, shared: Repository, dialogs: Any) -> Iterator[Any]:
    main = _window(qtbot, backend)
    yield main
    if main.isVisible():
        main.close()


def _row(window: Any, reference: str) -> Any:
    return window.model.row_at(window.model.row_of(reference))


def test_a_colleagues_save_reaches_the_open_case_and_the_list(shared_window, shared, qtbot):
    window = shared_window
    assert window.open_case("SH-1")
    assert window.live.running
    theirs = shared.get_case("SH-1")
    shared.save_case(theirs.case.with_changes(metastatic_pattern="liver_only"), expected_version=1)
    qtbot.waitUntil(
        lambda: window.session.case.metastatic_pattern == "liver_only", timeout=ARRIVES_MS
    )
    assert window.session.version == 2
    assert not window.session.dirty
    # ECOG 1 favoured already; now the liver-only pattern does too (CONTRACT.md §3).
    assert _row(window, "SH-1") is not None
    qtbot.waitUntil(lambda: _row(window, "SH-1").counts["favours"] == 2, timeout=ARRIVES_MS)
    # A case they add appears in the list too.
    from tareaid.domain.case import parse_case

    shared.create_case(parse_case({"reference": "SH-3"}))
    qtbot.waitUntil(lambda: window.model.row_of("SH-3") >= 0, timeout=ARRIVES_MS)


def test_when_both_edited_the_conflict_shows_and_nothing_is_overwritten(
    shared_window, shared, qtbot, dialogs
):
    window = shared_window
    assert window.open_case("SH-1")
    window.session._timer.setInterval(60_000)  # keep my edit unsaved while they save
    assert window.session.set_field("age_years", 70)
    theirs = shared.get_case("SH-1")
    shared.save_case(theirs.case.with_changes(ecog=3), expected_version=1)
    qtbot.waitUntil(lambda: window.session.in_conflict, timeout=ARRIVES_MS)
    assert window.case_pane.banner.isVisible() and window.case_pane.banner.kind == "conflict"
    assert window.session.case.age_years == 70  # my edit is kept ...
    assert not window.session.save_now()  # ... never saved over theirs
    stored = shared.get_case("SH-1")
    assert (stored.version, stored.case.ecog, stored.case.age_years) == (2, 3, None)
    dialogs.reply("confirm", True)  # closing the window: leave my unsaved edit


def test_my_own_saves_do_not_come_back_as_someone_elses(shared_window, qtbot):
    window = shared_window
    assert window.open_case("SH-2")
    assert window.session.set_field("ecog", 2)
    assert window.session.save_now()
    assert window.session.undo_stack.canUndo()
    qtbot.wait(1200)  # a second and more of watching
    # Not read again as a change from elsewhere: the undo history is still there.
    assert window.session.undo_stack.canUndo()
    assert window.session.version == 2


def test_a_save_the_server_cut_off_is_kept_and_tried_again(
    shared_window, qtbot, backend, monkeypatch
):
    window = shared_window
    assert window.open_case("SH-2")
    window.session._retry.setInterval(100)
    real_save = window.editing.save
    refused: list[str] = []

    def cut_off_once(*args: Any, **kwargs: Any) -> Any:
        if not refused:
            refused.append("once")
            raise ConnectionLostError(
                f"{window.repository.where}: the connection to the database server was lost"
            )
        return real_save(*args, **kwargs)

    monkeypatch.setattr(window.editing, "save", cut_off_once)
    assert window.session.set_field("ecog", 4)
    assert not window.session.save_now()
    assert window.session.dirty
    assert window.session.retrying
    assert window.session.save_state.startswith("Not saved yet")
    qtbot.waitUntil(lambda: not window.session.dirty, timeout=ARRIVES_MS)
    with Repository.open(backend) as check:
        assert check.get_case("SH-2").case.ecog == 4


# --- the password, on a server ------------------------------------------------------------------


@pytest.fixture
def app_url(postgres_databases: Any, postgres_server: Any) -> str:
    return postgres_server.as_app(postgres_databases(migrated=True))


def test_the_password_is_never_shown_or_remembered(
    qtbot, app_url, postgres_server, dialogs, private_home
):
    from tareaid.diagnostics import report
    from tareaid.ui.settings import Settings

    secret = postgres_server.password
    settings = Settings()
    settings.add_recent_database(
        "postgresql://old:an-old-secret@db.example/tareaid"  # from an older TAREaid
    )
    window = _window(qtbot, app_url, settings)
    try:
        shown = [
            window.windowTitle(),
            window.db_label.text(),
            window.db_label.toolTip(),
            *settings.recent_databases(),
            report(evidence_pack="test", database=window.database.label),
            repr(window.repository),
        ]
        assert all(secret not in text for text in shown)
        assert "an-old-secret" not in " ".join(settings.recent_databases())
        assert window.windowTitle().startswith("tareaid_test_")  # "<database> on <host>"
        assert "***@" in window.db_label.text()
        window._status("x")
    finally:
        window.close()
    settings.sync()
    stored = "".join(
        path.read_text("utf-8", errors="replace") for path in private_home.rglob("*.conf")
    ) + "".join(path.read_text("utf-8", errors="replace") for path in private_home.rglob("*.ini"))
    assert stored  # the settings were written ...
    assert secret not in stored  # ... without the password
    logs = "".join(p.read_text("utf-8") for p in private_home.rglob("tareaid.log*"))
    assert secret not in logs


def test_a_server_that_asks_for_a_password_gets_the_one_typed(
    qtbot, app_url, postgres_server, dialogs, tmp_path, monkeypatch
):
    from tareaid.ui.database import open_database

    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    bare = app_url.replace(f":{postgres_server.password}@", "@")
    # The first answer is wrong: the server refuses it and the prompt comes back.
    dialogs.reply("ask_password", "wrong-one", postgres_server.password)
    opened = open_database(None, bare)
    try:
        assert opened is not None
        assert opened.repository.login == postgres_server.login
        assert postgres_server.password not in opened.label
    finally:
        opened.close()
    asked = dialogs.called("ask_password")
    assert len(asked) == 2
    assert "asks for a password" in asked[0][0][2]
    assert "refused the login" in asked[1][0][2]
    assert "wrong-one" not in asked[1][0][2]
    # Cancelling the prompt offers the usual ways out.
    dialogs.reply("ask_password", None)
    dialogs.reply("choose_way_out", "quit")
    assert open_database(None, bare) is None


def test_a_server_out_of_reach_can_be_tried_again(qtbot, dialogs):
    from tareaid.ui.database import open_database

    dialogs.reply("choose_way_out", "retry", "quit")
    assert open_database(None, "postgresql://board:s3cret@127.0.0.1:1/tareaid") is None
    offers = dialogs.called("choose_way_out")
    assert len(offers) == 2  # asked, tried again, asked again
    (_parent, _title, text, options), _ = offers[0]
    assert ("retry", "Try again") in options
    assert "cannot be reached" in text and "s3cret" not in text


def test_a_servers_list_shows_before_the_store_opens_and_saves_go_to_the_store(
    qtbot, dialogs, postgres_server, postgres_databases
):
    # Start-up on a server reads the first page with psycopg alone; the store (SQLAlchemy)
    # opens once the window is on screen, and every write goes through it.
    from tareaid.domain.case import parse_case
    from tareaid.domain.evidence import load_pack
    from tareaid.store.opening import OpeningRepository
    from tareaid.ui import theme
    from tareaid.ui.app import make_application
    from tareaid.ui.database import open_quickly
    from tareaid.ui.main_window import MainWindow
    from tareaid.ui.settings import Settings

    url = postgres_server.as_app(postgres_databases(migrated=True))
    with Repository.open(url) as colleague:
        colleague.import_cases([parse_case({"reference": f"Q-{i}", "ecog": 1}) for i in range(3)])
    database = open_quickly(url)
    assert database is not None
    repository = database.repository
    assert isinstance(repository, OpeningRepository)
    theme.apply_theme(make_application(), "light")
    main = MainWindow(database, Settings(), load_pack())
    qtbot.addWidget(main)
    assert not repository.ready
    assert [main.model.reference_at(row) for row in range(3)] == ["Q-0", "Q-1", "Q-2"]
    assert postgres_server.password not in main.windowTitle()
    main.show()
    qtbot.waitExposed(main)
    qtbot.waitUntil(lambda: repository.ready, timeout=20_000)
    assert main.open_case("Q-1")
    assert main.session.set_field("ecog", 3)
    assert main.session.save_now()
    main.close()
    with Repository.open(url) as check:
        assert check.get_case("Q-1").case.ecog == 3
