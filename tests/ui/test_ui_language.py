"""The interface language: the system's unless the user chose one, kept in the settings,
used from the next start; English plural forms; a missing catalogue means English."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tareaid.ui import fonts, i18n
from tareaid.ui.qt import QtCore
from tareaid.ui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        ("zh_CN", "zh_CN"),
        ("zh_SG", "zh_CN"),
        # Traditional Chinese is not shipped: English, not Simplified.
        ("zh_TW", "en"),
        ("zh_HK", "en"),
        ("en_GB", "en"),
        ("de_DE", "en"),
        ("C", "en"),
    ],
)
def test_the_system_language_chooses_a_shipped_one(system, expected):
    assert i18n.resolve("system", QtCore.QLocale(system)) == expected


def test_a_chosen_language_wins_over_the_system():
    assert i18n.resolve("en", QtCore.QLocale("zh_CN")) == "en"
    assert i18n.resolve("zh_CN", QtCore.QLocale("de_DE")) == "zh_CN"


def test_the_language_setting_defaults_to_the_system_and_refuses_others():
    settings = Settings()
    assert settings.language() == "system"
    settings.set_language("zh_CN")
    assert Settings().language() == "zh_CN"
    with pytest.raises(ValueError):
        settings.set_language("fr")
    store = QtCore.QSettings("TAREaid", "TAREaid")
    store.setValue("view/language", "klingon")
    assert Settings().language() == "system"


def test_english_has_its_plural_forms_and_chinese_one(qapp):
    assert i18n.translate("CaseListPane", "{count} case(s)", None, 1) == "{count} case"
    assert i18n.translate("CaseListPane", "{count} case(s)", None, 12) == "{count} cases"
    try:
        i18n.install(qapp, "zh_CN")
        assert i18n.translate("CaseListPane", "{count} case(s)", None, 1) == "{count} 个病例"
        assert i18n.translate("CaseListPane", "{count} case(s)", None, 12) == "{count} 个病例"
    finally:
        i18n.install(qapp, "en")


def test_chinese_brings_qt_own_words_and_the_cjk_font_before_the_first_paint(qapp):
    try:
        assert i18n.install(qapp, "zh_CN") == "zh_CN"
        assert i18n.current() == "zh_CN"
        # Qt's own dialogs' buttons, from the catalogue PySide6 ships.
        assert QtCore.QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        assert "Droid Sans Fallback" in fonts.register_bundled_fonts()
    finally:
        i18n.install(qapp, "en")
    assert i18n.current() == "en"
    assert i18n.translate("MainWindow", "&File") == "&File"


def test_a_missing_catalogue_leaves_the_interface_in_english(qapp, monkeypatch, tmp_path, caplog):
    monkeypatch.setattr(i18n, "translations_folder", lambda: tmp_path)
    monkeypatch.setattr(i18n, "_language", None)
    with caplog.at_level(logging.WARNING, logger="tareaid.ui.i18n"):
        assert i18n.install(qapp, "zh_CN") == "en"
    assert "tareaid_zh_CN.qm could not be read" in caplog.text
    monkeypatch.undo()
    i18n.install(qapp, "en")


def test_view_language_offers_the_system_and_each_language_by_its_own_name(window):
    (view,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&View"]
    (language,) = [a.menu() for a in view.actions() if a.menu() and a.text() == "&Language"]
    names = [action.text() for action in language.actions()]
    assert names == ["Follow the &system", "&English", "简体中文 (&C)"]
    assert window.action("language_system").isChecked()
    assert language.actions()[0].isCheckable()


def test_choosing_a_language_is_kept_and_said_in_both_languages(window, dialogs):
    window.action("language_zh_CN").trigger()
    assert Settings().language() == "zh_CN"
    assert window.action("language_zh_CN").isChecked()
    ((args, _kwargs),) = dialogs.called("show_info")
    _parent, title, text = args
    assert title == "Language"
    assert text == (
        "TAREaid will use this language the next time it is started.\n\n"
        "TAREaid 将在下次启动时使用此语言。"
    )
    # The interface already speaking the language chosen: said once.
    window.action("language_en").trigger()
    assert Settings().language() == "en"
    assert dialogs.called("show_info")[-1][0][2] == (
        "TAREaid will use this language the next time it is started."
    )


@pytest.mark.slow
def test_the_application_starts_in_the_system_language(tmp_path):
    """`tareaid --smoke` on a Chinese system: the window is built and painted in Chinese."""
    home = tmp_path / "home"
    (home / "runtime").mkdir(parents=True, mode=0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "TAREAID_", "LC_"))}
    env.update(
        HOME=str(home),
        XDG_RUNTIME_DIR=str(home / "runtime"),
        QT_QPA_PLATFORM="offscreen",
        LANG="zh_CN.UTF-8",
        LANGUAGE="zh_CN",
    )
    result = subprocess.run(
        [sys.executable, "-m", "tareaid", "-v", "--smoke"],
        env=env,
        cwd=home,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "interface language: zh_CN (preference system)" in result.stderr


def test_an_attendee_typed_with_a_chinese_comma_keeps_name_and_specialty():
    from tareaid.ui.board.decision_panel import parse_attendee

    assert parse_attendee("张医生，介入放射科") == ("张医生", "介入放射科")
    assert parse_attendee("A. Example, Oncology") == ("A. Example", "Oncology")
    assert parse_attendee("王医生") == ("王医生", "")
