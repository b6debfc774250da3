"""Every modal question the application asks, each behind one small function.

Widgets never call `exec()` or a static QMessageBox/QFileDialog method themselves: they call
these functions through the module (`dialogs.confirm(...)`), so tests replace them with
monkeypatch and a forgotten modal can never block a test run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tareaid.files import DatabaseTargetError, refuse_database_target
from tareaid.ui.i18n import translate
from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets
from tareaid.ui.wheel_guard import guard_wheel

if TYPE_CHECKING:
    from tareaid.store.backups import BackupSummary

QMessageBox = QtWidgets.QMessageBox


def ask_text(
    parent: QtWidgets.QWidget | None, title: str, label: str, text: str = ""
) -> str | None:
    """A line of text from the user, or None when they cancel."""
    dialog = QtWidgets.QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    dialog.setInputMode(QtWidgets.QInputDialog.InputMode.TextInput)
    if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
        return None
    return dialog.textValue()


def ask_password(parent: QtWidgets.QWidget | None, where: str, problem: str) -> str | None:
    """A database password typed by the user (shown as dots), or None when they cancel.

    The caller keeps it in memory only: it is never saved, logged or shown.
    """
    dialog = QtWidgets.QInputDialog(parent)
    dialog.setWindowTitle(translate("Dialogs", "Database password"))
    dialog.setLabelText(
        translate("Dialogs", "{problem}\n\nPassword for {where}:").format(
            problem=problem, where=where
        )
    )
    dialog.setInputMode(QtWidgets.QInputDialog.InputMode.TextInput)
    dialog.setTextEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
    dialog.setOkButtonText(translate("Dialogs", "Connect"))
    if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
        return None
    return dialog.textValue()


def confirm(parent: QtWidgets.QWidget | None, title: str, text: str, *, ok_label: str = "") -> bool:
    """Whether the user agrees; the safe answer (Cancel) is the default button."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    ok = box.addButton(ok_label or translate("Dialogs", "OK"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is ok


def show_error(
    parent: QtWidgets.QWidget | None, title: str, text: str, *, details: str = ""
) -> None:
    """Tell the user something went wrong and what it means for them."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def show_info(parent: QtWidgets.QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.exec()


def show_unexpected_error(
    parent: QtWidgets.QWidget | None, title: str, text: str, details: str
) -> None:
    """A bug: what it means for the user, and the details to copy into a report."""
    dialog = UnexpectedErrorDialog(parent, title, text, details)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


def choose_way_out(
    parent: QtWidgets.QWidget | None,
    title: str,
    text: str,
    options: list[tuple[str, str]],
) -> str:
    """Ask which way out of a problem to take; returns the chosen key (the last on Escape).

    `options` are (key, button label) pairs, the last of them being the "give up" choice
    (Quit, Cancel) that Escape and closing the dialog mean.
    """
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    buttons = {}
    for index, (key, label) in enumerate(options):
        last = index == len(options) - 1
        role = QMessageBox.ButtonRole.RejectRole if last else QMessageBox.ButtonRole.ActionRole
        buttons[box.addButton(label, role)] = key
    first = next(iter(buttons), None)
    if first is not None:
        box.setDefaultButton(first)
    box.exec()
    return buttons.get(box.clickedButton(), options[-1][0])


def choose_open_file(
    parent: QtWidgets.QWidget | None, title: str, filters: str, directory: str = ""
) -> str | None:
    """A file the user picked to open, or None."""
    path, _ = QtWidgets.QFileDialog.getOpenFileName(parent, title, directory, filters)
    return path or None


def choose_save_file(
    parent: QtWidgets.QWidget | None, title: str, filters: str, suggested: str = ""
) -> str | None:
    """A file name the user picked to write, or None (also when it names a database, which
    no writer replaces: the user is told at once)."""
    path, _ = QtWidgets.QFileDialog.getSaveFileName(parent, title, suggested, filters)
    if not path:
        return None
    try:
        refuse_database_target(path)
    except DatabaseTargetError as error:
        # The reason is the file layer's, in English (as on the command line).
        show_error(parent, translate("Dialogs", "Choose another file name"), str(error))
        return None
    return path


def open_file(path: str) -> bool:
    """Open a local file (a PDF just written) with the desktop's program for it; False when
    none could be started. Only ever a file on this computer: nothing goes to a network."""
    return QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(path))


def choose_backup(
    parent: QtWidgets.QWidget | None,
    database: str,
    backups: Sequence[BackupSummary],
    *,
    note: str = "",
) -> str | None:
    """File › Restore from backup…: the path of the automatic backup chosen,
    backup_dialog.CHOOSE_FILE to pick another file, or None when cancelled."""
    from tareaid.ui.backup_dialog import RestoreBackupDialog

    dialog = RestoreBackupDialog(parent, database, backups, note=note)
    try:
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()
    finally:
        dialog.deleteLater()


@dataclass(frozen=True)
class PdfOptions:
    """What the user chose for a PDF export."""

    deidentified: bool
    page_size: str
    include_free_text: bool = False


def ask_pdf_options(
    parent: QtWidgets.QWidget | None, *, deidentified: bool, page_size: str
) -> PdfOptions | None:
    """De-identification and page size for a PDF export, or None when cancelled."""
    dialog = PdfOptionsDialog(parent, deidentified=deidentified, page_size=page_size)
    if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
        return None
    return dialog.options()


class PdfOptionsDialog(QtWidgets.QDialog):
    """Options for the tumour-board PDF: de-identify and page size."""

    def __init__(
        self, parent: QtWidgets.QWidget | None, *, deidentified: bool, page_size: str
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export PDF"))
        layout = QtWidgets.QVBoxLayout(self)
        self.deidentified = QtWidgets.QCheckBox(
            self.tr("&De-identify (leave out name, MRN and date of birth)")
        )
        self.deidentified.setAccessibleName(self.tr("De-identify the report"))
        self.deidentified.setChecked(deidentified)
        layout.addWidget(self.deidentified)
        # Free text is left out of a de-identified PDF unless asked for: no automatic
        # removal of the identifiers people write into it can be complete.
        self.free_text = QtWidgets.QCheckBox(
            self.tr("Include &free text (identifiers found are blanked; check it yourself)")
        )
        self.free_text.setAccessibleName(self.tr("Include free text"))
        self.free_text.setChecked(False)
        self.free_text.setEnabled(deidentified)
        self.deidentified.toggled.connect(self.free_text.setEnabled)
        layout.addWidget(self.free_text)
        row = QtWidgets.QHBoxLayout()
        label = QtWidgets.QLabel(self.tr("&Page size:"))
        self.page_size = guard_wheel(QtWidgets.QComboBox())
        # The setting's value is the item's data; its text is what the user reads.
        self.page_size.addItem("A4", "A4")
        self.page_size.addItem(self.tr("Letter"), "Letter")
        self.page_size.setCurrentIndex(max(0, self.page_size.findData(page_size)))
        self.page_size.setAccessibleName(self.tr("Page size"))
        label.setBuddy(self.page_size)
        row.addWidget(label)
        row.addWidget(self.page_size, 1)
        layout.addLayout(row)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def options(self) -> PdfOptions:
        deidentified = self.deidentified.isChecked()
        return PdfOptions(
            deidentified,
            self.page_size.currentData(),
            include_free_text=deidentified and self.free_text.isChecked(),
        )


class UnexpectedErrorDialog(QtWidgets.QDialog):
    """The unexpected-error dialog: a plain explanation, the details (versions and the
    traceback) in a fixed-width box that keeps its lines, and a button that copies them."""

    def __init__(
        self, parent: QtWidgets.QWidget | None, title: str, text: str, details: str
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.details = details
        layout = QtWidgets.QVBoxLayout(self)
        message = QtWidgets.QLabel(text)
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(message)
        self.details_view = QtWidgets.QPlainTextEdit(details)
        self.details_view.setObjectName("error_details")
        self.details_view.setReadOnly(True)
        self.details_view.setAccessibleName(self.tr("Error details"))
        # A traceback is read line by line: a fixed-width font, and no wrapping.
        self.details_view.setFont(
            QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.SystemFont.FixedFont)
        )
        self.details_view.setLineWrapMode(QtWidgets.QPlainTextEdit.LineWrapMode.NoWrap)
        metrics = self.details_view.fontMetrics()
        self.details_view.setMinimumSize(metrics.horizontalAdvance("x") * 80, metrics.height() * 12)
        layout.addWidget(self.details_view, 1)
        buttons = QtWidgets.QDialogButtonBox()
        self.copy_button = buttons.addButton(
            self.tr("&Copy details"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setAccessibleName(self.tr("Copy the error details"))
        self.copy_button.clicked.connect(self.copy_details)
        close = buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        """Put the details on the clipboard, for a bug report."""
        QtWidgets.QApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("&Copied"))
