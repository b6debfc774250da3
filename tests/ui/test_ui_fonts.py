"""Names in every script show on screen with the fonts TAREaid ships (no boxes): the
bundled fonts are registered with Qt and stand behind the application's font."""

from __future__ import annotations

import pytest

from tareaid.ui.fonts import font_files, register_bundled_fonts
from tareaid.ui.qt import Qt, QtGui, QtWidgets

# Distinctive names, one per script (fictional).
NAMES = {
    "Latin": "Zoë Ångström-Łukasiewicz",
    "Greek": "Αλέξανδρος Παπαδόπουλος",
    "Cyrillic": "Наталья Иванова",
    "Chinese": "王秀英",
    "Japanese": "さとう はなこ 佐藤花子",
    "Korean": "김민준",
    "Arabic": "محمد الأحمد",
    "Hebrew": "דוד כהן",
}


def _covered_by_a_bundled_font(text: str) -> bool:
    """Whether the fonts shipped in resources/fonts hold every letter of `text` between
    them (a script whose font is not shipped yet is not asked of the screen)."""
    fonts = [QtGui.QRawFont(str(path), 12.0) for path in font_files()]
    return all(
        any(font.supportsCharacter(ord(char)) for font in fonts)
        for char in text
        if not char.isspace() and char not in "-"
    )


def _missing_glyphs(text: str, font: QtGui.QFont) -> list[str]:
    """The fonts that drew a box (glyph 0, "not defined") while laying out `text`."""
    layout = QtGui.QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [
        run.rawFont().familyName()
        for run in layout.glyphRuns()
        for glyph in run.glyphIndexes()
        if glyph == 0
    ]


def test_every_bundled_font_is_registered(qapp):
    families = register_bundled_fonts()
    assert "DejaVu Sans" in families
    assert "Droid Sans Fallback" in families
    assert register_bundled_fonts() == families  # once only
    for family in families:
        assert family in QtGui.QFontDatabase.families()


@pytest.mark.parametrize("script", list(NAMES))
def test_a_name_in_each_script_shows_without_boxes(qtbot, script, tmp_path):
    register_bundled_fonts()
    name = NAMES[script]
    if not _covered_by_a_bundled_font(name):
        pytest.skip(f"no bundled font covers {script} yet")
    label = QtWidgets.QLabel(name)
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    assert _missing_glyphs(name, label.font()) == []
    metrics = QtGui.QFontMetrics(label.font())
    assert metrics.horizontalAdvance(name) > 0
    label.grab().save(str(tmp_path / f"{script}.png"))


def test_the_shipped_fonts_cover_the_scripts_of_the_walk_through(qapp):
    # Latin, Greek, Cyrillic (DejaVu Sans), Chinese and Japanese (Droid Sans Fallback),
    # Arabic and Hebrew (DejaVu Sans) are shipped today; Korean needs a Hangul font.
    for script in ("Latin", "Greek", "Cyrillic", "Chinese", "Japanese", "Arabic", "Hebrew"):
        assert _covered_by_a_bundled_font(NAMES[script]), script


def test_names_in_the_case_list_and_editor_use_the_fonts(window, repository, qtbot):
    from tareaid.domain.case import Case

    repository.create_case(Case(reference="CJK-1", patient_name=NAMES["Chinese"]))
    window.model.reload()
    qtbot.waitUntil(lambda: QtGui.QFontDatabase.families().count("Droid Sans Fallback") > 0)
    window.action("show_identifiers").trigger()
    column = window.model.column_of("patient_name")
    index = window.model.index(window.model.row_of("CJK-1"), column)
    assert window.model.data(index) == NAMES["Chinese"]
    assert _missing_glyphs(NAMES["Chinese"], window.list_pane.table.font()) == []
    window.open_case("CJK-1")
    window.case_pane.show_tab(1)
    field = window.case_pane.editor.fields["patient_name"].control
    assert field.text() == NAMES["Chinese"]
    assert _missing_glyphs(field.text(), field.font()) == []
    assert field.isVisible() and field.layoutDirection() == Qt.LayoutDirection.LeftToRight
