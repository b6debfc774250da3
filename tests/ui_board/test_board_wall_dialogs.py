"""Dialogs on the wall: controls sized with the text, room around them, nothing clipped."""

from __future__ import annotations

from datetime import date

import pytest
from board_data import BOARD_DATE

from tareaid.domain.case import Decision
from tareaid.ui.board import prompts
from tareaid.ui.board.decision_panel import DecisionPanel
from tareaid.ui.board.look import Look
from tareaid.ui.qt import Qt, QtGui, QtWidgets

Style = QtWidgets.QStyle
Role = QtGui.QPalette.ColorRole
KNOWN = [
    ("Ada Lovelace", "Hepatobiliary surgery"),
    ("Grace Hopper", "Radiology"),
    ("Alan Turing", "Medical oncology"),
]


@pytest.fixture
def make_panel(qtbot):
    """Builds decision panels on a wall-sized window; closes and deletes them afterwards,
    so that no window is left to take the keyboard from the next test."""
    made = []

    def make(size, *, amending=False, decision=None):
        wall = QtWidgets.QWidget()
        wall.resize(*size)
        wall.show()
        look = Look()
        look.set_height(size[1])
        panel = DecisionPanel(
            wall,
            reference="BRD-001",
            decision=decision,
            board_date=BOARD_DATE,
            known_attendees=KNOWN,
            attendees=("Grace Hopper (Radiology)",),
            amending=amending,
            look=look,
        )
        panel.show()
        qtbot.waitExposed(panel)
        made.append((wall, panel))
        return panel, look

    yield make
    for wall, panel in made:
        panel.close()
        wall.close()
        wall.deleteLater()
    QtWidgets.QApplication.processEvents()


def _text_height(widget: QtWidgets.QWidget) -> int:
    return QtGui.QFontMetrics(widget.font()).height()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_decision_panel_controls_are_sized_with_their_text(make_panel, size):
    panel, look = make_panel(size)
    # The check box: its indicator at least two thirds of its label's text height.
    box = panel.finalise_check
    option = QtWidgets.QStyleOptionButton()
    option.initFrom(box)
    indicator = box.style().subElementRect(Style.SubElement.SE_CheckBoxIndicator, option, box)
    assert indicator.height() >= 0.66 * _text_height(box)
    # The attendees' ticks: the same.
    listing = panel.attendee_list
    item_option = QtWidgets.QStyleOptionViewItem()
    item_option.initFrom(listing)
    item_option.rect = listing.visualItemRect(listing.item(0))
    item_option.features |= QtWidgets.QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    tick = listing.style().subElementRect(
        Style.SubElement.SE_ItemViewItemCheckIndicator, item_option, listing
    )
    assert tick.height() >= 0.66 * _text_height(listing)
    # The drop-down arrows: a box at least as wide as the text is high.
    for combo in (panel.outcome_combo, panel.date_edit):
        combo_option = QtWidgets.QStyleOptionComboBox()
        combo_option.initFrom(combo)
        arrow = combo.style().subControlRect(
            Style.ComplexControl.CC_ComboBox, combo_option, Style.SubControl.SC_ComboBoxArrow, combo
        )
        assert arrow.width() >= _text_height(combo)
    # Buttons with room around their words.
    button = panel.save_button
    words = QtGui.QFontMetrics(button.font()).horizontalAdvance("Save decision")
    assert button.height() >= 1.5 * _text_height(button)
    assert button.width() >= words + look.base_px
    # Room between the panel's edge and its content.
    margins = panel.layout().contentsMargins()
    assert min(margins.left(), margins.top(), margins.right(), margins.bottom()) >= 0.5 * (
        look.base_px
    )
    # The wall's colours stay (a style sheet on the panel would bring back the
    # application's): dark fields and buttons, light text.
    for field in (panel.rationale_edit, panel.attendee_edit, panel.attendee_list):
        assert field.palette().color(Role.Base).lightness() < 64
        assert field.palette().color(Role.Text) == look.text
    for control in (panel.outcome_combo, panel.save_button):
        assert control.palette().color(Role.Button).lightness() < 64
        assert control.palette().color(Role.ButtonText) == look.text


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("amending", [False, True])
def test_the_finalise_confirmation_fits(qtbot, make_panel, size, amending):
    decision = Decision("discuss_tare", "MAA first", (), None, BOARD_DATE, False)
    panel, _look = make_panel(size, amending=amending, decision=decision)
    panel.finalise_check.setChecked(True)
    qtbot.wait(1)
    note = panel.finalise_note
    assert note.text().startswith("✓ Will be finalised when saved.")
    assert note.isVisible()
    assert note.heightForWidth(note.width()) <= note.height()
    assert note.sizeHint().height() <= note.height()
    assert panel.rect().contains(note.geometry())


def test_an_attendee_is_ticked_by_the_box_alone(make_panel):
    panel, _look = make_panel((1920, 1080))
    lines = [panel.attendee_list.item(row).text() for row in range(3)]
    assert lines == [
        "Ada Lovelace — Hepatobiliary surgery",
        "Grace Hopper — Radiology",
        "Alan Turing — Medical oncology",
    ]
    # Grace starts ticked (the board's previous decision), and the words do not change.
    grace = panel.attendee_list.item(1)
    assert grace.checkState() == Qt.CheckState.Checked
    grace.setCheckState(Qt.CheckState.Unchecked)
    assert grace.text() == "Grace Hopper — Radiology"
    assert panel.decision().attendees == ()


def test_a_recorded_decision_keeps_its_own_attendees(make_panel):
    decision = Decision("deferred", None, ("Alan Turing (Medical oncology)",), None, None, False)
    panel, _look = make_panel((1920, 1080), decision=decision)
    assert panel.decision().attendees == ("Alan Turing (Medical oncology)",)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_a_question_on_the_wall_reads_whole(qtbot, size):
    wall = QtWidgets.QWidget()
    qtbot.addWidget(wall)
    wall.resize(*size)
    wall.show()
    look = Look()
    look.set_height(size[1])
    box = prompts.message_box(
        wall,
        QtWidgets.QMessageBox.Icon.Question,
        "Show identifiers",
        "Show the patient's name, MRN and date of birth for BRD-001 on the projected "
        "screen? They are hidden again when you move to another case.",
        look=look,
    )
    box.addButton("&Show identifiers", QtWidgets.QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QtWidgets.QMessageBox.StandardButton.Cancel)
    prompts.dress(box)
    qtbot.addWidget(box)
    box.show()  # not exec(): nothing may block a test
    qtbot.waitExposed(box)
    text = box.findChild(QtWidgets.QLabel, "qt_msgbox_label")
    assert text.font().pixelSize() == look.base_px
    assert text.width() >= 20 * look.base_px  # a paragraph, not a narrow column
    assert text.heightForWidth(text.width()) <= text.height()
    for button in box.findChildren(QtWidgets.QPushButton):
        assert button.height() >= 1.5 * _text_height(button)
    icon = box.style().pixelMetric(Style.PixelMetric.PM_MessageBoxIconSize, None, box)
    assert icon >= look.base_px


def test_the_agenda_window_opens_large_enough_for_its_headlines(qtbot, editing):
    from tareaid.ui.board.agenda_window import AgendaModel, AgendaWindow

    window = AgendaWindow(editing, today=date(2026, 12, 1))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    table = window.table
    metrics = QtGui.QFontMetrics(table.font())
    screen = window.screen().availableGeometry()
    delegate = table.itemDelegate()
    for row in range(window.model.rowCount()):
        index = window.model.index(row, AgendaModel.HEADLINE)
        option = QtWidgets.QStyleOptionViewItem()
        option.initFrom(table)
        option.rect = table.visualRect(index)
        option.features |= QtWidgets.QStyleOptionViewItem.ViewItemFeature.WrapText
        # Each headline is shown whole: on one line, or wrapped within its row.
        needed = delegate.sizeHint(option, index)
        assert needed.height() <= table.rowHeight(row), window.model.row_at(row).headline
    one_line = max(
        metrics.horizontalAdvance(window.model.row_at(r).headline)
        for r in range(window.model.rowCount())
    )
    assert window.width() >= min(one_line, screen.width() * 0.9 - 400)
