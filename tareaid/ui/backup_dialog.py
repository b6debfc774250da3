"""File › Restore from backup…: the automatic backups of the database, and any other file.

The dialog only chooses: a row of the table (when the backup was taken, its kind, how many
cases it holds, its size) or "Choose a file…". Copying the choice to a new file, checking it
and offering to open it is `ui.database.restore_backup`'s job, the same for every way in.
Keyboard: the table has the focus with the newest backup selected; ↑/↓ choose, Enter
restores, Alt+C chooses a file, Escape cancels.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from tareaid.store.backups import (
    BEFORE_IMPORT,
    BEFORE_MIGRATE,
    BEFORE_UPGRADE,
    DAILY,
    BackupSummary,
)
from tareaid.ui.i18n import QT_TRANSLATE_NOOP, translate
from tareaid.ui.qt import Qt, QtCore, QtWidgets

# What the dialog answers when the user wants to pick a file instead of a listed backup.
CHOOSE_FILE = "choose-file"

# Translated where they are shown (context "RestoreBackupDialog").
COLUMNS = (
    QT_TRANSLATE_NOOP("RestoreBackupDialog", "Taken"),
    QT_TRANSLATE_NOOP("RestoreBackupDialog", "Kind"),
    QT_TRANSLATE_NOOP("RestoreBackupDialog", "Cases"),
    QT_TRANSLATE_NOOP("RestoreBackupDialog", "Size"),
)
# The kinds of automatic backup, as the dialog names them.
KIND_NAMES = {
    DAILY: QT_TRANSLATE_NOOP("RestoreBackupDialog", "Daily"),
    BEFORE_IMPORT: QT_TRANSLATE_NOOP("RestoreBackupDialog", "Before an import"),
    BEFORE_UPGRADE: QT_TRANSLATE_NOOP("RestoreBackupDialog", "Before a schema upgrade"),
    BEFORE_MIGRATE: QT_TRANSLATE_NOOP("RestoreBackupDialog", "Before a migration"),
}


def size_text(size: int) -> str:
    """A file size as people read it (kB below a megabyte, then MB with one decimal)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} kB"
    return f"{size / (1024 * 1024):.1f} MB"


def kind_text(kind: str) -> str:
    name = KIND_NAMES.get(kind)
    return translate("RestoreBackupDialog", name) if name is not None else kind


class RestoreBackupDialog(QtWidgets.QDialog):
    """The automatic backups of one database, newest first; `choice()` after exec()."""

    def __init__(
        self,
        parent: QtWidgets.QWidget | None,
        database: str,
        backups: Sequence[BackupSummary],
        *,
        note: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.backups = list(backups)
        self._choice: str | None = None
        layout = QtWidgets.QVBoxLayout(self)
        intro = QtWidgets.QLabel(
            self.tr(
                "Automatic backups of <b>{database}</b>, newest first. Restoring copies the "
                "backup to a new file, checks it and offers to open it: the database in use "
                "is never replaced."
            ).format(database=html.escape(database))
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(intro)
        if note:
            remark = QtWidgets.QLabel(note)
            remark.setWordWrap(True)
            layout.addWidget(remark)

        self.table = QtWidgets.QTableWidget(len(self.backups), len(COLUMNS))
        self.table.setAccessibleName(self.tr("Automatic backups"))
        self.table.setHorizontalHeaderLabels(
            [translate("RestoreBackupDialog", column) for column in COLUMNS]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        for row, backup in enumerate(self.backups):
            local = backup.taken_at.astimezone()
            cells = (
                f"{local:%Y-%m-%d %H:%M}",
                kind_text(backup.kind),
                self.tr("unreadable") if backup.case_count is None else f"{backup.case_count:,}",
                size_text(backup.size),
            )
            for column, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                if column in (2, 3):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        layout.addWidget(self.table, 1)
        self.empty = QtWidgets.QLabel(
            self.tr(
                "There are no automatic backups of this database yet. Choose a file to "
                "restore a copy made with Back up database… or tareaid backup."
            )
        )
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.table.setVisible(bool(self.backups))
        self.empty.setVisible(not self.backups)

        buttons = QtWidgets.QDialogButtonBox()
        self.restore_button = buttons.addButton(
            self.tr("&Restore a copy…"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setAccessibleName(self.tr("Restore a copy of the selected backup"))
        self.choose_button = buttons.addButton(
            self.tr("&Choose a file…"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole
        )
        self.choose_button.setAccessibleName(self.tr("Choose another backup file"))
        buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.choose_button.clicked.connect(self._on_choose_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        if self.backups:
            self.table.selectRow(0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.restore_button.setDefault(True)
        else:
            self.restore_button.setEnabled(False)
            self.choose_button.setDefault(True)
            self.choose_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(self._preferred_size())

    def selected(self) -> BackupSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def choice(self) -> str | None:
        """The chosen backup's path, CHOOSE_FILE, or None (cancelled)."""
        return self._choice

    def _on_restore_clicked(self) -> None:
        backup = self.selected()
        if backup is not None:
            self._choice = str(backup.path)
            self.accept()

    def _on_choose_clicked(self) -> None:
        self._choice = CHOOSE_FILE
        self.accept()

    def _on_table_double_clicked(self, *_args: object) -> None:
        self._on_restore_clicked()

    def _preferred_size(self) -> QtCore.QSize:
        # Wide enough for the columns and the intro on two or three lines; tall enough for
        # a dozen rows (about two weeks of backups) without scrolling, within the screen
        # (1366 x 768 at the least).
        self.table.resizeColumnsToContents()
        columns = sum(self.table.columnWidth(i) for i in range(len(COLUMNS)))
        width = max(columns + 120, self.fontMetrics().horizontalAdvance("x") * 76)
        rows = min(len(self.backups), 12)
        table_height = (
            self.table.horizontalHeader().height()
            + rows * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
        )
        height = self.sizeHint().height() - self.table.sizeHint().height() + table_height
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            width = min(width, screen.width() * 9 // 10)
            height = min(height, screen.height() * 8 // 10)
        return QtCore.QSize(width, max(height, self.sizeHint().height()))
