"""Light and dark appearance: the Fusion style with a palette, following the system or not.

The style is Fusion with outlines of fields, drop-downs, buttons and check boxes redrawn at
a contrast of at least 3:1 in both themes (contrast_style.py).

Widgets take their colours from the palette this module installs, never from hard-coded
values, so a theme change repaints everything correctly (tier colours in tiers.py choose
their light or dark variant from the same palette).
"""

from __future__ import annotations

from tareaid.ui.contrast_style import ContrastStyle
from tareaid.ui.qt import Qt, QtGui, QtWidgets

Role = QtGui.QPalette.ColorRole
Group = QtGui.QPalette.ColorGroup


def system_prefers_dark(app: QtWidgets.QApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QtGui.QPalette:
    """A dark palette with text contrast above WCAG AA on every role pair used."""
    palette = QtGui.QPalette()
    # Input fields are a step lighter than the window (not darker), so that Fusion's
    # outlines of line edits, check boxes and combo boxes stay visible.
    colours = {
        Role.Window: "#1f2226",
        Role.WindowText: "#eceff1",
        Role.Base: "#2a2f35",
        Role.AlternateBase: "#31363d",
        Role.ToolTipBase: "#31363d",
        Role.ToolTipText: "#eceff1",
        Role.PlaceholderText: "#aab2ba",
        Role.Text: "#eceff1",
        Role.Button: "#353b42",
        Role.ButtonText: "#eceff1",
        Role.BrightText: "#ffffff",
        Role.Light: "#4a5159",
        Role.Midlight: "#3f454c",
        Role.Mid: "#6b747d",
        Role.Dark: "#15171a",
        Role.Shadow: "#000000",
        Role.Highlight: "#2a6db0",
        Role.HighlightedText: "#ffffff",
        Role.Link: "#8cc4ff",
        Role.LinkVisited: "#c5a8ff",
        Role.Accent: "#2a6db0",
    }
    for role, colour in colours.items():
        palette.setColor(role, QtGui.QColor(colour))
    disabled = {
        Role.WindowText: "#7d858c",
        Role.Text: "#7d858c",
        Role.ButtonText: "#7d858c",
        Role.Highlight: "#3a4046",
        Role.HighlightedText: "#9aa3ab",
    }
    for role, colour in disabled.items():
        palette.setColor(Group.Disabled, role, QtGui.QColor(colour))
    return palette


def light_palette() -> QtGui.QPalette:
    palette = QtWidgets.QStyleFactory.create("Fusion").standardPalette()
    # Fusion's default placeholder grey is too faint to read on white.
    palette.setColor(Role.PlaceholderText, QtGui.QColor("#5f6368"))
    return palette


def resolve(theme: str, app: QtWidgets.QApplication) -> str:
    """'light' or 'dark' for a theme preference ('system' asks the platform)."""
    if theme == "system":
        return "dark" if system_prefers_dark(app) else "light"
    return theme


def apply_theme(app: QtWidgets.QApplication, theme: str) -> str:
    """Install the style and the palette for `theme`; returns 'light' or 'dark'."""
    if not isinstance(app.style(), ContrastStyle):
        app.setStyle(ContrastStyle())
    resolved = resolve(theme, app)
    app.setPalette(dark_palette() if resolved == "dark" else light_palette())
    return resolved
