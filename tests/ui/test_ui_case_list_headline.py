"""The case list's headline column is the domain's headline, for stored rows too: it says
which work-up checks were not done, and a database summarised by an older evidence pack
shows the new headline once opened.

Golden wording typed from CONTRACT.md §3 and the README's headline rule.
"""

from __future__ import annotations

import sqlite3

from tareaid.domain.case import Case
from tareaid.ui.case_list_model import HEADLINE

NOT_CHECKED = "not checked: lung shunt fraction and bilirubin not recorded."


def _headline(window, reference):
    model = window.model
    row = model.row_of(reference)
    return model.data(model.index(row, model.column_of(HEADLINE)))


def test_the_headline_column_says_what_was_not_checked(window, repository):
    repository.create_case(Case(reference="CRLM-501", ecog=1))
    repository.create_case(
        Case(reference="CRLM-502", ecog=1, lung_shunt_fraction_pct=5, bilirubin_mg_dl=0.6)
    )
    window.model.reload()
    assert _headline(window, "CRLM-501").endswith(NOT_CHECKED)
    assert "not checked" not in _headline(window, "CRLM-502").lower()


def test_the_headline_follows_an_edit(window, repository, qtbot):
    repository.create_case(Case(reference="CRLM-503", ecog=1))
    window.model.reload()
    window.list_pane.select("CRLM-503")
    window.session.set_field("bilirubin_mg_dl", 2.6)
    window.session.save_now()
    qtbot.waitUntil(lambda: _headline(window, "CRLM-503").startswith("Contraindication"))
    assert _headline(window, "CRLM-503").endswith("not checked: lung shunt fraction not recorded.")


def test_a_database_summarised_by_an_older_pack_shows_the_new_headline(qtbot, db_path, dialogs):
    from tareaid.domain.evidence import load_pack
    from tareaid.store.repository import Repository
    from tareaid.ui import theme
    from tareaid.ui.app import make_application
    from tareaid.ui.database import open_plainly
    from tareaid.ui.main_window import MainWindow
    from tareaid.ui.settings import Settings

    first = Repository.open(str(db_path))
    first.create_case(Case(reference="CRLM-504", ecog=1))
    first.close()
    # As a database written by the first release left it: its own headline and pack version.
    stale = "1 of 6 factors favours adding TARE, 0 neutral, 0 against, 5 unassessed."
    with sqlite3.connect(db_path) as connection:
        connection.execute(
            "UPDATE case_record SET headline = ?, assessed_with = ?", (stale, "0.9.0/2026.11.1")
        )
    connection.close()

    app = make_application()
    theme.apply_theme(app, "light")
    window = MainWindow(open_plainly(str(db_path)), Settings(), load_pack())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    headline = _headline(window, "CRLM-504")
    assert headline != stale
    assert headline.startswith("1 of 6 factors favours adding TARE, 0 neutral, 0 against")
    assert headline.endswith(NOT_CHECKED)
    window.close()
