"""Help › About (version, evidence pack, disclaimer, licences) and Help › Copy diagnostics."""

from __future__ import annotations

import logging

from tareaid import logs
from tareaid.diagnostics import database_location, report
from tareaid.ui.about_dialog import AboutDialog
from tareaid.ui.diagnostics_dialog import DiagnosticsDialog
from tareaid.ui.qt import QtGui


def test_about_shows_the_versions_and_the_disclaimer(window):
    window.action("about").trigger()
    about = window.findChild(AboutDialog)
    assert about is not None and about.isVisible()
    text = about.about_text.text()
    assert "TAREaid 0.1.0" in text
    assert "Evidence pack <b>2026.11.3</b>" in text
    assert "not a treatment recommendation" in text
    assert "All rights reserved" in text


def test_the_licences_view_shows_the_notices_and_every_licence_text(window):
    window.action("licences").trigger()
    about = window.findChild(AboutDialog)
    assert about.tabs.currentIndex() == 1
    notices = about.shown_licence()
    for component in (
        "Qt and Qt for Python",
        "LGPL-3.0",
        "Python Software Foundation",
        "SQLite",
        "SQLAlchemy",
        "ReportLab",
        "platformdirs",
        "psycopg",
        "Libraries inside psycopg-binary",
        "OpenSSL 3.5.9",
        "DejaVu",
        "Droid Sans Fallback",
        "Replacing the Qt libraries",
    ):
        assert component in notices, component
    titles = [about.licence_list.item(row).text() for row in range(about.licence_list.count())]
    assert titles[:2] == ["TAREaid licence", "Third-party notices"]
    assert {"LGPL-3.0", "GPL-3.0", "Python-PSF", "Font: DejaVu"} <= set(titles)
    # The licences of the libraries psycopg-binary carries (PostgreSQL's libpq, Kerberos, …).
    assert {"PostgreSQL-libpq", "MIT-Kerberos", "OpenLDAP", "Cyrus-SASL"} <= set(titles)
    about.licence_list.setCurrentRow(titles.index("PostgreSQL-libpq"))
    assert "License: PostgreSQL" in about.shown_licence()
    about.licence_list.setCurrentRow(titles.index("LGPL-3.0"))
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in about.shown_licence()
    about.licence_list.setCurrentRow(0)
    assert "All rights reserved" in about.shown_licence()
    # One About window, reused.
    window.action("about").trigger()
    assert window.findChildren(AboutDialog) == [about]
    assert about.tabs.currentIndex() == 0


def test_copy_diagnostics_puts_the_report_on_the_clipboard_and_shows_it(window, tmp_path):
    logs.start(directory=tmp_path / "log")
    logging.getLogger("tareaid.test").info("something worth knowing")
    window.action("diagnostics").trigger()
    dialog = window.findChild(DiagnosticsDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.text.toPlainText()
    assert QtGui.QGuiApplication.clipboard().text() == text
    for label in (
        "TAREaid:",
        "Evidence pack:",
        "Python:",
        "Qt:",
        "PySide6:",
        "SQLite:",
        "SQLAlchemy:",
        "ReportLab:",
        "Operating system:",
        "Database:",
        "Log file:",
    ):
        assert label in text, label
    assert "2026.11.3" in text
    assert str(window.database.label) in text
    assert "something worth knowing" in text
    QtGui.QGuiApplication.clipboard().clear()
    dialog.copy_button.click()
    assert QtGui.QGuiApplication.clipboard().text() == text


def test_a_database_password_never_appears():
    url = "postgresql://board:s3cret-pw@db.clinic.example/tareaid"
    shown = database_location(url)
    assert "s3cret-pw" not in shown
    assert shown == "postgresql://board:***@db.clinic.example/tareaid"
    text = report(evidence_pack="x", database=url)
    assert "s3cret-pw" not in text
    assert database_location("/home/me/cases.sqlite3") == "/home/me/cases.sqlite3"
    assert "pw" not in database_location("postgresql://u:pw@[bad")


def test_the_report_lists_the_last_fifty_log_lines(tmp_path):
    logs.start(directory=tmp_path)
    for number in range(80):
        logging.getLogger("tareaid.test").info("event %02d", number)
    lines = report(evidence_pack="x", database=None).splitlines()
    assert "Last 50 lines of the log:" in lines
    tail = lines[lines.index("Last 50 lines of the log:") + 1 :]
    assert len(tail) == 50
    assert tail[-1].endswith("event 79")
