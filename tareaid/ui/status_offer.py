"""A message in the status bar with one button that acts on it: "Archived CRLM-014 [Undo]",
"PDF written to … [Open the PDF]".

The offer never interrupts: it stays while its message is shown and goes with it (when it
times out or another message replaces it).
"""

from __future__ import annotations

from collections.abc import Callable

from tareaid.ui.i18n import without_mnemonic
from tareaid.ui.qt import QtWidgets

OFFER_MS = 15_000


class StatusOffer(QtWidgets.QPushButton):
    """The status bar's one action button; hidden while nothing is offered."""

    def __init__(self, status_bar: QtWidgets.QStatusBar) -> None:
        super().__init__()
        self.setObjectName("status_offer")
        self.setAccessibleName(self.tr("Act on the status message"))
        self._status_bar = status_bar
        self._message = ""
        self._action: Callable[[], None] | None = None
        # A permanent widget: a temporary message hides the ordinary ones.
        status_bar.insertPermanentWidget(0, self)
        status_bar.messageChanged.connect(self._on_message_changed)
        self.clicked.connect(self._on_clicked)
        self.hide()

    @property
    def message(self) -> str:
        return self._message

    def offer(
        self,
        message: str,
        label: str,
        action: Callable[[], None],
        *,
        accessible: str = "",
        timeout_ms: int = OFFER_MS,
    ) -> None:
        """Show `message` with a button `label` that runs `action` (once)."""
        self._message = message
        self._action = action
        self.setText(label)
        self.setAccessibleName(accessible or without_mnemonic(label))
        self._status_bar.showMessage(message, timeout_ms)
        self.show()

    def withdraw(self) -> None:
        self._action = None
        self._message = ""
        self.hide()

    def _on_message_changed(self, text: str) -> None:
        if text != self._message:
            self.withdraw()

    def _on_clicked(self) -> None:
        action = self._action
        self._status_bar.clearMessage()
        self.withdraw()
        if action is not None:
            action()


__all__ = ["StatusOffer"]
