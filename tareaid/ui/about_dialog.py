"""Help › About TAREaid: the version, the evidence pack, the disclaimer, and the licences.

The Licences tab shows TAREaid's own licence, the third-party notices and every licence
text shipped in tareaid.resources (licenses/ and the fonts' licence files), read from the
package as installed, so what the window shows is what ships.
"""

from __future__ import annotations

import html
import importlib.resources
from importlib.resources.abc import Traversable

from tareaid import __version__
from tareaid.domain.evidence import EvidencePack
from tareaid.ui.i18n import evidence_note, translate
from tareaid.ui.qt import Qt, QtGui, QtWidgets

NOTICES = "THIRD-PARTY-NOTICES.txt"
OWN_LICENCE = "TAREaid-LICENSE.txt"
ABOUT_TAB, LICENCES_TAB = range(2)


def licence_files() -> list[tuple[str, Traversable]]:
    """(title, file) of every licence text in the package: TAREaid's and the notices first."""
    resources = importlib.resources.files("tareaid.resources")
    folder = resources / "licenses"
    first = [
        (translate("AboutDialog", "TAREaid licence"), folder / OWN_LICENCE),
        (translate("AboutDialog", "Third-party notices"), folder / NOTICES),
    ]
    texts = sorted(
        (
            (entry.name.removesuffix(".txt"), entry)
            for entry in folder.iterdir()
            if entry.name.endswith(".txt") and entry.name not in (OWN_LICENCE, NOTICES)
        ),
        key=lambda pair: pair[0].lower(),
    )
    font = translate("AboutDialog", "Font: {name}")
    fonts = sorted(
        (font.format(name=entry.name.removeprefix("LICENSE-").removesuffix(".txt")), entry)
        for entry in (resources / "fonts").iterdir()
        if entry.name.startswith("LICENSE-")
    )
    return first + texts + fonts


class AboutDialog(QtWidgets.QDialog):
    """Two tabs: About (versions, disclaimer) and Licences (a list and the chosen text)."""

    def __init__(self, pack: EvidencePack, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About TAREaid"))
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setAccessibleName(self.tr("About TAREaid"))

        about = QtWidgets.QWidget()
        about_layout = QtWidgets.QVBoxLayout(about)
        icon = QtWidgets.QLabel()
        window_icon = QtWidgets.QApplication.windowIcon()
        size = self.fontMetrics().height() * 4
        icon.setPixmap(window_icon.pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        about_layout.addWidget(icon)
        self.about_text = QtWidgets.QLabel(self._about_html(pack))
        self.about_text.setObjectName("about_text")
        self.about_text.setAccessibleName(self.tr("About TAREaid"))
        self.about_text.setWordWrap(True)
        self.about_text.setTextFormat(Qt.TextFormat.RichText)
        self.about_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.about_text.setOpenExternalLinks(False)
        about_layout.addWidget(self.about_text)
        about_layout.addStretch(1)
        self.tabs.addTab(about, self.tr("&About"))

        licences = QtWidgets.QWidget()
        licences_layout = QtWidgets.QHBoxLayout(licences)
        self.licence_list = QtWidgets.QListWidget()
        self.licence_list.setObjectName("licence_list")
        self.licence_list.setAccessibleName(self.tr("Licences"))
        self.licence_text = QtWidgets.QPlainTextEdit()
        self.licence_text.setObjectName("licence_text")
        self.licence_text.setAccessibleName(self.tr("Licence text"))
        self.licence_text.setReadOnly(True)
        self.licence_text.setFont(QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.FixedFont))
        self.licence_text.setLineWrapMode(QtWidgets.QPlainTextEdit.LineWrapMode.NoWrap)
        self._files = licence_files()
        for title, _entry in self._files:
            self.licence_list.addItem(title)
        width = max(self.fontMetrics().horizontalAdvance(t) for t, _e in self._files)
        self.licence_list.setMaximumWidth(width + self.fontMetrics().averageCharWidth() * 6)
        self.licence_list.currentRowChanged.connect(self._on_licence_row_changed)
        licences_layout.addWidget(self.licence_list)
        licences_layout.addWidget(self.licence_text, 1)
        self.tabs.addTab(licences, self.tr("&Licences"))

        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.licence_list.setCurrentRow(1)  # the notices: what someone looking here wants
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 110, metrics.lineSpacing() * 34)

    def _about_html(self, pack: EvidencePack) -> str:
        paragraphs = "".join(
            f"<p>{html.escape(part.strip())}</p>" for part in pack.disclaimer.split("\n\n")
        )
        # The disclaimer is the evidence pack's, in English: an interface in another
        # language says so.
        note = evidence_note()
        if note:
            paragraphs = f"<p><i>{html.escape(note)}</i></p>{paragraphs}"
        reviewed = self.tr("Evidence pack {version}, reviewed on {date}.").format(
            version=f"<b>{html.escape(pack.version)}</b>",
            date=f"<b>{pack.reviewed_on.isoformat()}</b>",
        )
        offline = html.escape(self.tr("TAREaid works offline: it opens no network connection."))
        rights = html.escape(
            self.tr(
                "Copyright © 2026 TAREaid authors. All rights reserved. TAREaid is built on "
                "open-source components under their own licences: see the Licences tab."
            )
        )
        return (
            f"<h2>TAREaid {html.escape(__version__)}</h2>"
            f"<p>{reviewed}</p>"
            f"{paragraphs}"
            f"<p>{offline}</p>"
            f"<p>{rights}</p>"
        )

    def show_licences(self) -> None:
        self.tabs.setCurrentIndex(LICENCES_TAB)

    def shown_licence(self) -> str:
        return self.licence_text.toPlainText()

    def _on_licence_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._files):
            _title, entry = self._files[row]
            self.licence_text.setPlainText(entry.read_text(encoding="utf-8"))


def show_about(
    parent: QtWidgets.QWidget, pack: EvidencePack, *, licences: bool = False
) -> AboutDialog:
    """Show the About window (not modal; one per main window), at the Licences tab if asked."""
    dialog = parent.findChild(AboutDialog, "about_dialog")
    if dialog is None:
        dialog = AboutDialog(pack, parent)
    dialog.tabs.setCurrentIndex(LICENCES_TAB if licences else ABOUT_TAB)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
