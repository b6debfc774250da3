"""The user guide, read inside the application: HTML pages shipped in tareaid.resources.help.

One help window per main window, opened by F1 at the page for where the user is (the
checklist, the editor, the tumour board, …) and by Help › TAREaid help. Links between the
pages work; a link to anything else is never opened: TAREaid opens no network connection
and starts no browser, so the address is shown as text to copy instead.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Callable
from pathlib import Path

from tareaid.ui.i18n import QT_TRANSLATE_NOOP, help_note, translate
from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal

# The pages in reading order, with the title shown in the contents list (translated there;
# the pages themselves are in English for now, and the window says so in another language).
PAGES: tuple[tuple[str, str], ...] = (
    ("index.html", QT_TRANSLATE_NOOP("HelpWindow", "Getting started")),
    ("checklist.html", QT_TRANSLATE_NOOP("HelpWindow", "The checklist")),
    ("editor.html", QT_TRANSLATE_NOOP("HelpWindow", "Editing a case")),
    ("evidence.html", QT_TRANSLATE_NOOP("HelpWindow", "The evidence")),
    ("trial-populations.html", QT_TRANSLATE_NOOP("HelpWindow", "Trial populations")),
    ("history.html", QT_TRANSLATE_NOOP("HelpWindow", "History and audit trail")),
    ("board.html", QT_TRANSLATE_NOOP("HelpWindow", "Tumour-board mode")),
    ("reports.html", QT_TRANSLATE_NOOP("HelpWindow", "PDF summaries and exports")),
    ("database.html", QT_TRANSLATE_NOOP("HelpWindow", "Databases and backups")),
    ("diagnostics.html", QT_TRANSLATE_NOOP("HelpWindow", "Logs and diagnostics")),
    ("keyboard.html", QT_TRANSLATE_NOOP("HelpWindow", "Keyboard")),
)

# Where F1 leads from each place in the application.
TOPICS: dict[str, str] = {
    "overview": "index.html",
    "case-list": "index.html#case-list",
    "checklist": "checklist.html",
    "editor": "editor.html",
    "evidence": "evidence.html",
    "history": "history.html",
    "decision": "board.html#decision",
    "agenda": "board.html#agenda",
    "projection": "board.html#projection",
    "database": "database.html",
    "diagnostics": "diagnostics.html",
}

LOCAL_SCHEMES = ("", "file")


def help_folder() -> Path:
    """The folder of the help pages (a real folder: installed, in place and packaged)."""
    return Path(str(importlib.resources.files("tareaid.resources") / "help"))


class HelpBrowser(QtWidgets.QTextBrowser):
    """Shows the help pages and follows links between them, and only between them.

    Signals:
        outside_link(str): a link to something other than a help page was clicked; it was
            not opened.
        missing_page(str): a link named a help page that does not exist.
    """

    outside_link = Signal(str)
    missing_page = Signal(str)

    def __init__(self, folder: Path, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.setObjectName("help_browser")
        self.setAccessibleName(self.tr("Help page"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([str(folder)])
        self.anchorClicked.connect(self._on_anchor_clicked)

    def open_page(self, target: str) -> bool:
        """Show `target` ("page.html" or "page.html#section"); False if there is no such page."""
        url = QtCore.QUrl(target)
        page = url.path() or self.current_page()
        path = self.folder / Path(page).name
        if not path.is_file():
            self.missing_page.emit(target)
            return False
        local = QtCore.QUrl.fromLocalFile(str(path))
        if url.hasFragment():
            local.setFragment(url.fragment())
        self.setSource(local)
        return True

    def current_page(self) -> str:
        return Path(self.source().toLocalFile()).name if self.source().isValid() else ""

    def _on_anchor_clicked(self, url: QtCore.QUrl) -> None:
        if url.scheme() not in LOCAL_SCHEMES or url.host():
            self.outside_link.emit(url.toString())
            return
        if url.scheme() == "file":
            path = Path(url.toLocalFile())
            if path.parent != self.folder:
                self.outside_link.emit(url.toString())
                return
            target = path.name
        else:
            target = url.path()
        if url.hasFragment():
            target = f"{target}#{url.fragment()}"
        self.open_page(target)

    def loadResource(self, kind: int, name: QtCore.QUrl) -> object:
        # Only files of the help folder (pages, and any picture they show) are read.
        if name.scheme() in LOCAL_SCHEMES:
            path = Path(name.toLocalFile() if name.scheme() == "file" else name.path())
            if not path.is_absolute():
                path = self.folder / path
            if path.parent == self.folder and path.is_file():
                return super().loadResource(kind, QtCore.QUrl.fromLocalFile(str(path)))
        return None


class HelpWindow(QtWidgets.QWidget):
    """Contents on the left, the page on the right, Back / Forward / Contents above."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("help_window")
        self.setWindowTitle(self.tr("TAREaid help"))
        self.setAccessibleName(self.tr("TAREaid help"))
        self.browser = HelpBrowser(help_folder())

        self.contents = QtWidgets.QListWidget()
        self.contents.setObjectName("help_contents")
        self.contents.setAccessibleName(self.tr("Help contents"))
        titles = [translate("HelpWindow", title) for _page, title in PAGES]
        for (page, _title), title in zip(PAGES, titles, strict=True):
            item = QtWidgets.QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, page)
            self.contents.addItem(item)
        self.contents.setFixedWidth(
            max(self.fontMetrics().horizontalAdvance(title) for title in titles)
            + self.fontMetrics().averageCharWidth() * 6
        )
        self.contents.currentItemChanged.connect(self._on_contents_item_changed)

        bar = QtWidgets.QHBoxLayout()
        self.back_button = self._button(
            self.tr("&Back"), self.tr("Go back"), self.browser.backward, bar
        )
        self.forward_button = self._button(
            self.tr("&Forward"), self.tr("Go forward"), self.browser.forward, bar
        )
        self.home_button = self._button(
            self.tr("&Contents"),
            translate("HelpWindow", PAGES[0][1]),
            lambda: self.open_topic("overview"),
            bar,
        )
        bar.addStretch(1)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)
        for keys, slot in (
            ("Alt+Left", self.browser.backward),
            ("Alt+Right", self.browser.forward),
            ("Alt+Home", lambda: self.open_topic("overview")),
            ("Esc", self.close),
        ):
            action = QtGui.QAction(self)
            action.setShortcut(QtGui.QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

        self.note = QtWidgets.QLabel()
        self.note.setObjectName("help_note")
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.hide()
        # In an interface in another language: the pages are in English, and this says so.
        self.language_note = QtWidgets.QLabel(help_note())
        self.language_note.setObjectName("help_language_note")
        self.language_note.setWordWrap(True)
        self.language_note.setVisible(bool(help_note()))

        pages = QtWidgets.QHBoxLayout()
        pages.addWidget(self.contents)
        pages.addWidget(self.browser, 1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.language_note)
        layout.addLayout(pages, 1)
        layout.addWidget(self.note)

        self.browser.sourceChanged.connect(self._on_source_changed)
        self.browser.outside_link.connect(self._on_outside_link)
        self.browser.missing_page.connect(self._on_missing_page)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 120, metrics.lineSpacing() * 40)

    def _button(
        self, text: str, name: str, slot: Callable[[], None], layout: QtWidgets.QBoxLayout
    ) -> QtWidgets.QPushButton:
        button = QtWidgets.QPushButton(text)
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    def open_topic(self, topic: str) -> None:
        """Show the page for a place in the application (a key of TOPICS, or a page)."""
        self.note.hide()
        self.browser.open_page(TOPICS.get(topic, topic))

    def _on_source_changed(self, url: QtCore.QUrl) -> None:
        # The new address is the signal's: source() may still be the old one here.
        page = Path(url.toLocalFile()).name
        title = self.browser.documentTitle()
        self.setWindowTitle(
            self.tr("{page} — TAREaid help").format(page=title)
            if title
            else self.tr("TAREaid help")
        )
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == page:
                self.contents.blockSignals(True)
                self.contents.setCurrentRow(row)
                self.contents.blockSignals(False)
                break

    def _on_contents_item_changed(
        self, current: QtWidgets.QListWidgetItem | None, _previous: object
    ) -> None:
        if current is not None:
            self.open_topic(current.data(Qt.ItemDataRole.UserRole))

    def _on_outside_link(self, address: str) -> None:
        self.note.setText(
            self.tr(
                "TAREaid opens no web pages. The address, to copy into a browser yourself: "
                "{address}"
            ).format(address=address)
        )
        self.note.show()

    def _on_missing_page(self, target: str) -> None:
        self.note.setText(self.tr("This help has no page {page}.").format(page=target))
        self.note.show()


def show_help(near: QtWidgets.QWidget, topic: str) -> HelpWindow:
    """Open the help window at `topic`, on the screen of `near`, and bring it forward.

    The window belongs to the application's main window (it closes with it), whichever
    window asked for it.
    """
    owner = near.window()
    while owner.parentWidget() is not None:
        owner = owner.parentWidget().window()
    window = owner.findChild(HelpWindow, "help_window", Qt.FindChildOption.FindDirectChildrenOnly)
    if window is None:
        window = HelpWindow(owner)
        screen = near.window().screen()
        if screen is not None:
            available = screen.availableGeometry()
            size = window.size().boundedTo(available.size() * 0.9)
            window.resize(size)
            window.move(available.center() - window.rect().center())
    window.open_topic(topic)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def install_help_key(
    window: QtWidgets.QWidget,
    topic: Callable[[], str] | str,
    *,
    near: QtWidgets.QWidget | None = None,
) -> QtGui.QAction:
    """F1 in `window` opens the help at `topic` (or at what `topic()` says at that moment).

    The help opens on the screen of `near` (default: `window`): the projection passes the
    coordinator's window, so that the help never appears on the projector.
    """
    existing = window.findChild(QtGui.QAction, "action_context_help")
    if existing is not None:
        return existing
    action = QtGui.QAction(translate("HelpWindow", "Help"), window)
    action.setObjectName("action_context_help")
    action.setShortcut(QtGui.QKeySequence("F1"))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def open_help() -> None:
        show_help(near or window, topic() if callable(topic) else topic)

    action.triggered.connect(open_help)
    window.addAction(action)
    return action
