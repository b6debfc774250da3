"""Help › Copy diagnostics: the text goes to the clipboard and is shown, to read or copy again.

The text comes from tareaid.diagnostics (versions, system, database location with any
password hidden, the end of the log); it holds no patient data, and the window says so.
"""

from __future__ import annotations

from tareaid.ui.i18n import QT_TRANSLATE_NOOP, translate
from tareaid.ui.qt import QtGui, QtWidgets

# Translated where it is shown; the diagnostics themselves stay in English, for support.
EXPLANATION = QT_TRANSLATE_NOOP(
    "DiagnosticsDialog",
    "These diagnostics are on the clipboard: paste them into your support request. They "
    "hold the versions, the system, where the database is and the end of the log, and no "
    "patient data.",
)


def copy_to_clipboard(text: str) -> None:
    clipboard = QtGui.QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(text)


class DiagnosticsDialog(QtWidgets.QDialog):
    """The diagnostics text, read-only, with Copy again and Close."""

    def __init__(self, text: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diagnostics_dialog")
        self.setWindowTitle(self.tr("Diagnostics"))
        explanation = QtWidgets.QLabel(translate("DiagnosticsDialog", EXPLANATION))
        explanation.setWordWrap(True)
        self.text = QtWidgets.QPlainTextEdit()
        self.text.setObjectName("diagnostics_text")
        self.text.setAccessibleName(self.tr("Diagnostics"))
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QtWidgets.QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.FixedFont))
        buttons = QtWidgets.QDialogButtonBox()
        self.copy_button = buttons.addButton(
            self.tr("&Copy again"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setAccessibleName(self.tr("Copy the diagnostics again"))
        close = buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.close)
        self.copy_button.clicked.connect(lambda: copy_to_clipboard(self.text.toPlainText()))
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 110, metrics.lineSpacing() * 32)
        self.set_text(text)

    def set_text(self, text: str) -> None:
        self.text.setPlainText(text)
        copy_to_clipboard(text)


def show_diagnostics(parent: QtWidgets.QWidget, text: str) -> DiagnosticsDialog:
    """Copy `text` to the clipboard and show it (not modal; one per main window)."""
    dialog = parent.findChild(DiagnosticsDialog, "diagnostics_dialog")
    if dialog is None:
        dialog = DiagnosticsDialog(text, parent)
    else:
        dialog.set_text(text)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
