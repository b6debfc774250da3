"""The start-up floor: a bare PySide6 program that shows an empty QMainWindow and quits once
it has been painted, exactly as `tareaid --smoke` does with the real window.

Run as a subprocess by the benchmark runner; takes no arguments.
"""

import sys

from PySide6 import QtCore, QtWidgets


class Window(QtWidgets.QMainWindow):
    """An empty main window that closes itself after its first paint."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("bare")
        self.resize(1200, 800)
        self._painted = False

    def paintEvent(self, event: object) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QtCore.QTimer.singleShot(0, self.close)


def main() -> int:
    app = QtWidgets.QApplication(sys.argv[:1])
    window = Window()
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
