"""Light and dark appearance: the Fusion style with a palette, following the system or not.

Widgets take their colours from the palette this module installs, never from hard-coded
values, so a theme change repaints everything correctly (tier colours in tiers.py choose
their light or dark variant from the same palette).
"""

from __future__ import annotations

from tareaid.ui.qt import Qt, QtGui, QtWidgets

Role = QtGui.QPalette.ColorRole
Group = QtGui.QPalette.ColorGroup


def system_prefers_dark(app: QtWidgets.QApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QtGui.QPalette:
    """A dark palette with text contrast above WCAG AA on every role pair used."""
    palette = QtGui.QPalette()
    colours = {
        Role.Window: "#202326",
        Role.WindowText: "#eceff1",
        Role.Base: "#17191c",
        Role.AlternateBase: "#24282c",
        Role.ToolTipBase: "#2d3237",
        Role.ToolTipText: "#eceff1",
        Role.PlaceholderText: "#9aa3ab",
        Role.Text: "#eceff1",
        Role.Button: "#2b2f33",
        Role.ButtonText: "#eceff1",
        Role.BrightText: "#ffffff",
        Role.Light: "#3a4046",
        Role.Midlight: "#32373c",
        Role.Mid: "#4a5056",
        Role.Dark: "#121416",
        Role.Shadow: "#000000",
        Role.Highlight: "#3d8fd6",
        Role.HighlightedText: "#ffffff",
        Role.Link: "#8cc4ff",
        Role.LinkVisited: "#c5a8ff",
        Role.Accent: "#3d8fd6",
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
    """Install the Fusion style and the palette for `theme`; returns 'light' or 'dark'."""
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    resolved = resolve(theme, app)
    app.setPalette(dark_palette() if resolved == "dark" else light_palette())
    return resolved
