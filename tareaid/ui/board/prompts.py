"""Every modal question the board windows ask, each behind one small function.

Board widgets never call ``exec()`` or a static QMessageBox/QFileDialog method themselves;
they call these functions through the module (``prompts.confirm(...)``), so tests replace
them with monkeypatch and a forgotten modal dialog can never block a test run.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from tareaid.files import DatabaseTargetError, refuse_database_target
from tareaid.ui.board.case_picker import Candidate, CasePicker
from tareaid.ui.board.export_dialog import ExportChoice, ExportDialog
from tareaid.ui.board.look import Look, apply_look_to_dialog
from tareaid.ui.board.reason_dialog import ReasonDialog
from tareaid.ui.i18n import translate
from tareaid.ui.qt import QtCore, QtWidgets
from tareaid.ui.wheel_guard import guard_wheel

QMessageBox = QtWidgets.QMessageBox
Accepted = QtWidgets.QDialog.DialogCode.Accepted


def run_dialog(dialog: QtWidgets.QDialog) -> int:
    """Show a dialog modally and return its result code."""
    return dialog.exec()


def ask_reason(
    parent: QtWidgets.QWidget | None,
    title: str,
    prompt: str,
    *,
    initial: str = "",
    ok_label: str = "",
    look: Look | None = None,
) -> str | None:
    """A non-blank reason, or None when the user cancels (`ok_label`: Save by default)."""
    dialog = ReasonDialog(parent, title, prompt, initial=initial, ok_label=ok_label, look=look)
    try:
        if run_dialog(dialog) != Accepted:
            return None
        return dialog.reason() or None
    finally:
        dialog.deleteLater()


def ask_amend_reason(
    parent: QtWidgets.QWidget | None, reference: str, *, look: Look | None = None
) -> str | None:
    """Why a finalised case is being changed, or None to leave it as it is."""
    return ask_reason(
        parent,
        translate("Prompts", "Amend finalised case {reference}").format(reference=reference),
        translate(
            "Prompts",
            "The board's decision on {reference} is finalised, so the case is locked. To "
            "change it, give the reason for the amendment (it is kept in the audit trail).",
        ).format(reference=reference),
        ok_label=translate("Prompts", "Amend"),
        look=look,
    )


def message_box(
    parent: QtWidgets.QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    *,
    look: Look | None = None,
) -> QMessageBox:
    """A message box, to be shown with the wall's look when ``look`` is given. The caller
    adds the buttons, then ``dress`` applies the look, so that the buttons get it too."""
    box = QMessageBox(icon, title, text, parent=parent)
    box._look = look  # type: ignore[attr-defined]
    return box


def dress(box: QMessageBox) -> QMessageBox:
    """Give a box built by ``message_box`` its look, once its buttons are there."""
    look = getattr(box, "_look", None)
    if look is not None:
        apply_look_to_dialog(box, look)
    return box


def confirm(
    parent: QtWidgets.QWidget | None,
    title: str,
    text: str,
    *,
    ok_label: str = "",
    look: Look | None = None,
) -> bool:
    """Whether the user agrees; the safe answer (Cancel) is the default button."""
    box = message_box(parent, QMessageBox.Icon.Question, title, text, look=look)
    ok = box.addButton(ok_label or translate("Prompts", "OK"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    dress(box).exec()
    return box.clickedButton() is ok


def show_message(
    parent: QtWidgets.QWidget | None, title: str, text: str, *, look: Look | None = None
) -> None:
    """Tell the user why something did not happen, and what to do about it."""
    box = message_box(parent, QMessageBox.Icon.Warning, title, text, look=look)
    box.addButton(QMessageBox.StandardButton.Ok)
    dress(box).exec()


def choose_folder(parent: QtWidgets.QWidget | None, title: str) -> Path | None:
    """A folder to write into, or None."""
    path = QtWidgets.QFileDialog.getExistingDirectory(parent, title)
    return Path(path) if path else None


def choose_save_file(
    parent: QtWidgets.QWidget | None, title: str, suggested: str, filters: str
) -> Path | None:
    """A file name to write, or None (also when it names a database, which no writer
    replaces: the user is told at once)."""
    path, _ = QtWidgets.QFileDialog.getSaveFileName(parent, title, suggested, filters)
    if not path:
        return None
    try:
        refuse_database_target(path)
    except DatabaseTargetError as error:
        # The reason is the file layer's, in English (as on the command line).
        show_message(parent, translate("Prompts", "Choose another file name"), str(error))
        return None
    return Path(path)


def ask_date(parent: QtWidgets.QWidget | None, title: str, initial: date) -> date | None:
    """A date typed or picked in a calendar, or None."""
    dialog = QtWidgets.QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QtWidgets.QFormLayout(dialog)
    edit = guard_wheel(QtWidgets.QDateEdit(QtCore.QDate(initial.year, initial.month, initial.day)))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setAccessibleName(translate("Prompts", "Board date"))
    layout.addRow(translate("Prompts", "Board &date"), edit)
    buttons = QtWidgets.QDialogButtonBox(
        QtWidgets.QDialogButtonBox.StandardButton.Ok
        | QtWidgets.QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addRow(buttons)
    try:
        if run_dialog(dialog) != Accepted:
            return None
        return edit.date().toPython()
    finally:
        dialog.deleteLater()


def pick_case(parent: QtWidgets.QWidget | None, candidates: Sequence[Candidate]) -> str | None:
    """The reference of a case to add to the agenda, or None."""
    dialog = CasePicker(parent, candidates)
    try:
        if run_dialog(dialog) != Accepted:
            return None
        return dialog.reference()
    finally:
        dialog.deleteLater()


def ask_export_choice(parent: QtWidgets.QWidget | None, case_count: int) -> ExportChoice | None:
    """Per-case or combined PDFs, de-identified or not; None when cancelled."""
    dialog = ExportDialog(parent, case_count)
    try:
        if run_dialog(dialog) != Accepted:
            return None
        return dialog.choice()
    finally:
        dialog.deleteLater()
