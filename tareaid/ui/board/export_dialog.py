"""Choosing how to export the board's PDFs: one file per case or one combined file."""

from __future__ import annotations

from dataclasses import dataclass

from tareaid.ui.qt import QtWidgets


@dataclass(frozen=True)
class ExportChoice:
    """What the coordinator chose for the PDF export."""

    combined: bool
    deidentified: bool
    include_free_text: bool = False


class ExportDialog(QtWidgets.QDialog):
    """One file per case or one combined file; de-identified unless unticked."""

    def __init__(self, parent: QtWidgets.QWidget | None, case_count: int) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export the board's PDFs"))
        self.setAccessibleName(self.tr("Export the board's PDFs"))
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(
            QtWidgets.QLabel(self.tr("Export the %n case(s) of this board as:", "", case_count))
        )
        self.per_case_radio = QtWidgets.QRadioButton(
            self.tr("&One PDF per case, named by case reference")
        )
        self.per_case_radio.setAccessibleName(self.tr("One PDF per case"))
        self.combined_radio = QtWidgets.QRadioButton(
            self.tr("One &combined PDF for the whole board")
        )
        self.combined_radio.setAccessibleName(self.tr("One combined PDF"))
        self.per_case_radio.setChecked(True)
        layout.addWidget(self.per_case_radio)
        layout.addWidget(self.combined_radio)
        self.deidentified_check = QtWidgets.QCheckBox(
            self.tr("&De-identified: no patient name, MRN or date of birth")
        )
        self.deidentified_check.setAccessibleName(self.tr("De-identified"))
        self.deidentified_check.setChecked(True)
        layout.addWidget(self.deidentified_check)
        # Free text is left out of a de-identified PDF unless asked for: no automatic
        # removal of the identifiers people write into it can be complete.
        self.free_text_check = QtWidgets.QCheckBox(
            self.tr("Include free &text (identifiers found are blanked; check it yourself)")
        )
        self.free_text_check.setAccessibleName(self.tr("Include free text"))
        self.free_text_check.setChecked(False)
        layout.addWidget(self.free_text_check)
        self.deidentified_check.toggled.connect(self.free_text_check.setEnabled)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Choose where…")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choice(self) -> ExportChoice:
        return ExportChoice(
            combined=self.combined_radio.isChecked(),
            deidentified=self.deidentified_check.isChecked(),
            include_free_text=self.deidentified_check.isChecked()
            and self.free_text_check.isChecked(),
        )
