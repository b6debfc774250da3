"""Input controls can be seen in both themes: outlines at 3:1 or more (WCAG 2.1, 1.4.11),
measured on rendered pixels, not on the colours the code meant to use."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tareaid.ui.qt import QtCore, QtGui, QtWidgets

MINIMUM = 3.0


def _linear(channel: int) -> float:
    # WCAG 2.1 relative luminance: sRGB channel to linear light.
    value = channel / 255
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QtGui.QColor) -> float:
    red, green, blue = (_linear(c) for c in (colour.red(), colour.green(), colour.blue()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: QtGui.QColor, second: QtGui.QColor) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_formula_matches_wcag():
    # Values from the WCAG definition: black on white is 21:1, a colour on itself 1:1,
    # and #767676 on white is the familiar 4.54:1.
    white, black = QtGui.QColor("#ffffff"), QtGui.QColor("#000000")
    assert contrast(white, black) == pytest.approx(21.0)
    assert contrast(white, white) == pytest.approx(1.0)
    assert contrast(QtGui.QColor("#767676"), white) == pytest.approx(4.54, abs=0.01)


@pytest.fixture
def themed(qapp) -> Iterator[object]:
    from tareaid.ui import theme

    def apply(name: str) -> None:
        theme.apply_theme(qapp, name)

    yield apply
    theme.apply_theme(qapp, "light")


class Sample(QtWidgets.QWidget):
    """The representative controls, each on the window background with room around it."""

    def __init__(self) -> None:
        super().__init__()
        self.setAutoFillBackground(True)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(12)
        self.line_edit = QtWidgets.QLineEdit("CRLM-014")
        self.combo = QtWidgets.QComboBox()
        self.combo.addItems(["Wild-type", "Mutant"])
        self.spin = QtWidgets.QSpinBox()
        self.check = QtWidgets.QCheckBox("Show identifiers")
        self.button = QtWidgets.QPushButton("Export PDF…")
        self.parking = QtWidgets.QPushButton("Elsewhere")  # holds the focus
        for widget in (
            self.line_edit,
            self.combo,
            self.spin,
            self.check,
            self.button,
            self.parking,
        ):
            layout.addWidget(widget)
        self.resize(260, 260)


def _render(sample: Sample) -> QtGui.QImage:
    QtWidgets.QApplication.processEvents()
    image = sample.grab().toImage()
    # One image pixel per logical pixel, whatever the scale factor.
    return image.scaled(sample.size(), QtCore.Qt.AspectRatioMode.IgnoreAspectRatio).convertToFormat(
        QtGui.QImage.Format.Format_RGB32
    )


def _edge(image: QtGui.QImage, left: int, y: int) -> tuple[QtGui.QColor, QtGui.QColor]:
    """The background just outside a control's left edge, and the most contrasting pixel
    of the edge itself (the outline: the first three pixels inside)."""
    background = image.pixelColor(left - 3, y)
    edge = max(
        (image.pixelColor(x, y) for x in range(left, left + 3)),
        key=lambda colour: contrast(colour, background),
    )
    return background, edge


def _check_controls(sample: Sample, image: QtGui.QImage) -> dict[str, float]:
    ratios = {}
    for name in ("line_edit", "combo", "spin", "button"):
        widget = getattr(sample, name)
        geometry = widget.geometry()
        y = geometry.center().y()
        background, edge = _edge(image, geometry.left(), y)
        ratios[f"{name} on the window"] = contrast(edge, background)
        if name in ("line_edit", "spin"):
            inside = image.pixelColor(geometry.left() + 6, geometry.top() + 4)
            ratios[f"{name} on its field"] = contrast(edge, inside)
    # The check box's square.
    option = QtWidgets.QStyleOptionButton()
    option.initFrom(sample.check)
    box = sample.check.style().subElementRect(
        QtWidgets.QStyle.SubElement.SE_CheckBoxIndicator, option, sample.check
    )
    box.translate(sample.check.pos())
    background, edge = _edge(image, box.left(), box.center().y())
    ratios["check box on the window"] = contrast(edge, background)
    inside = image.pixelColor(box.center())
    ratios["check box on its square"] = contrast(edge, inside)
    return ratios


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_outlines_of_input_controls_reach_3_to_1(qtbot, themed, theme_name, tmp_path):
    themed(theme_name)
    sample = Sample()
    qtbot.addWidget(sample)
    sample.show()
    qtbot.waitExposed(sample)
    sample.parking.setFocus()
    image = _render(sample)
    image.save(str(tmp_path / f"controls-{theme_name}.png"))
    ratios = _check_controls(sample, image)
    low = {name: round(ratio, 2) for name, ratio in ratios.items() if ratio < MINIMUM}
    assert low == {}, f"{theme_name}: {low}"


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_the_focused_field_outline_reaches_3_to_1(qtbot, themed, theme_name):
    themed(theme_name)
    sample = Sample()
    qtbot.addWidget(sample)
    sample.show()
    qtbot.waitExposed(sample)
    sample.activateWindow()
    qtbot.waitUntil(sample.isActiveWindow)
    sample.line_edit.setFocus()
    qtbot.waitUntil(sample.line_edit.hasFocus)
    image = _render(sample)
    geometry = sample.line_edit.geometry()
    background, edge = _edge(image, geometry.left(), geometry.center().y())
    assert contrast(edge, background) >= MINIMUM
