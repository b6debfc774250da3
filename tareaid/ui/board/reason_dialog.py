"""The small dialog that asks why: the reason for a tier, or for amending a finalised case.

Typed and confirmed from the keyboard: Enter accepts (only when a reason was typed), Escape
cancels. When shown on the projector it takes the projection's look.
"""

from __future__ import annotations

from tareaid.domain.fields import REASON_MAX
from tareaid.ui.board.look import Look, apply_look_to_dialog
from tareaid.ui.qt import QtWidgets


class ReasonDialog(QtWidgets.QDialog):
    """Asks for one line of text that must not be blank."""

    def __init__(
        self,
        parent: QtWidgets.QWidget | None,
        title: str,
        prompt: str,
        *,
        initial: str = "",
        ok_label: str = "",
        look: Look | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        layout = QtWidgets.QVBoxLayout(self)
        self.prompt_label = QtWidgets.QLabel(prompt)
        self.prompt_label.setWordWrap(True)
        layout.addWidget(self.prompt_label)
        self.reason_edit = QtWidgets.QLineEdit(initial)
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setMaxLength(REASON_MAX)
        self.reason_edit.setAccessibleName(self.tr("Reason"))
        self.reason_edit.setPlaceholderText(self.tr("Type the reason, then press Enter"))
        self.prompt_label.setBuddy(self.reason_edit)
        layout.addWidget(self.reason_edit)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_label or self.tr("Save"))
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reason_edit.textChanged.connect(self._on_text_changed)
        self._on_text_changed(initial)
        if look is not None:
            apply_look_to_dialog(self, look)
            self.setMinimumWidth(look.px(30))
        else:
            self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def _on_text_changed(self, text: str) -> None:
        self.ok_button.setEnabled(bool(text.strip()))

    def accept(self) -> None:
        if not self.reason_edit.text().strip():
            return
        super().accept()

    def reason(self) -> str:
        return self.reason_edit.text().strip()
