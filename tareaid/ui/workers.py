"""Long work (import, backup, export, PDF) off the GUI thread, with progress shown.

`TaskRunner.run` runs a function on Qt's thread pool and reports back on the GUI thread
through signals; a progress dialog shows how far it is, and the window keeps responding.
The function gets a `progress(done, total)` callable it may call from its thread.
`BackgroundCall` does the same for short queries (a search) without a dialog.

A failure reaches the caller's `on_failed` only when it is bad input or the environment's
(a TareaidError, an OSError), for the caller to explain. A bug never does: it is shown as
the unexpected-error dialog here, so no caller can take it for something else or lose it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from tareaid.ui.failures import is_bug, report_bug
from tareaid.ui.qt import Qt, QtCore, QtWidgets, Signal, Slot

log = logging.getLogger("tareaid.ui.tasks")

Progress = Callable[[int, int], None]


class TaskSignals(QtCore.QObject):
    """What a running task reports.

    Signals:
        progressed(int, int): done and total units so far.
        finished(object): the task's result.
        failed(object): the exception the task raised.
    """

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class Task(QtCore.QRunnable):
    """A function run on the thread pool; results and errors arrive as signals."""

    def __init__(self, function: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.function = function
        self.signals = TaskSignals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self.function(self.signals.progressed.emit)
        except Exception as error:  # handed to the GUI thread whole, traceback included
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)


class TaskRunner(QtCore.QObject):
    """Keeps running tasks alive and shows one progress dialog per task."""

    def __init__(self, parent_widget: QtWidgets.QWidget) -> None:
        super().__init__(parent_widget)
        self.parent_widget = parent_widget
        self._running: list[_TaskWatcher] = []
        self.pool = QtCore.QThreadPool.globalInstance()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def run(
        self,
        title: str,
        function: Callable[[Progress], Any],
        on_finished: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
    ) -> Task:
        """Start `function` on the pool; the callbacks run on the GUI thread.

        `on_failed` gets bad input and environment errors only; a bug is shown as the
        unexpected-error dialog, titled with `title`.
        """
        task = Task(function)
        watcher = _TaskWatcher(self, title, task, on_finished, on_failed)
        self._running.append(watcher)
        self.pool.start(task)
        return task

    def _on_watcher_done(self, watcher: _TaskWatcher) -> None:
        if watcher in self._running:
            self._running.remove(watcher)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (used when the window closes)."""
        return self.pool.waitForDone(msecs)


class _TaskWatcher(QtCore.QObject):
    """Lives on the GUI thread so that a task's signals arrive there, queued."""

    def __init__(
        self,
        runner: TaskRunner,
        title: str,
        task: Task,
        on_finished: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        super().__init__(runner)
        self.runner = runner
        self.title = title
        self.task = task
        self._on_finished = on_finished
        self._on_failed = on_failed
        dialog = QtWidgets.QProgressDialog(title, "", 0, 0, runner.parent_widget)
        dialog.setWindowTitle(title)
        dialog.setCancelButton(None)  # the store's operations are all-or-nothing
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setAccessibleName(title)
        self.dialog = dialog
        self.started = time.monotonic()
        log.info("%s: started", title)
        task.signals.progressed.connect(self._on_progressed)
        task.signals.finished.connect(self._on_finished_signal)
        task.signals.failed.connect(self._on_failed_signal)

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
            self.dialog.setLabelText(
                self.tr("{task} ({done} of {total})").format(
                    task=self.title, done=f"{done:,}", total=f"{total:,}"
                )
            )

    def _end(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()
        self.runner._on_watcher_done(self)
        self.deleteLater()

    @Slot(object)
    def _on_finished_signal(self, result: Any) -> None:
        # Only a count is logged: other results are paths or text the user chose.
        count = f" ({result:,})" if isinstance(result, int) else ""
        log.info("%s: done%s in %.2f s", self.title, count, time.monotonic() - self.started)
        self._end()
        self._on_finished(result)

    @Slot(object)
    def _on_failed_signal(self, error: BaseException) -> None:
        self._end()
        if is_bug(error):
            # Logged there, with its traceback.
            report_bug(self.runner.parent_widget, error, what=self.title)
        else:
            # Bad input or the environment (a bad file, a full disk): a line in the log.
            log.info("%s: not done (%s)", self.title, type(error).__name__)
            self._on_failed(error)


class BackgroundCall(QtCore.QObject):
    """One function run on the thread pool without a progress dialog (a search, a count).

    The callbacks run on the GUI thread; the object deletes itself when done. `on_failed`
    gets bad input and environment errors only; a bug is shown as the unexpected-error
    dialog over `parent`'s window.
    """

    def __init__(
        self,
        parent: QtCore.QObject,
        function: Callable[[], Any],
        on_finished: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        super().__init__(parent)
        self._on_finished = on_finished
        self._on_failed = on_failed
        self.task = Task(lambda _progress: function())
        self.task.signals.finished.connect(self._on_task_finished)
        self.task.signals.failed.connect(self._on_task_failed)
        QtCore.QThreadPool.globalInstance().start(self.task)

    @Slot(object)
    def _on_task_finished(self, result: Any) -> None:
        self.deleteLater()
        self._on_finished(result)

    @Slot(object)
    def _on_task_failed(self, error: BaseException) -> None:
        self.deleteLater()
        if is_bug(error):
            report_bug(self.parent(), error)
        else:
            self._on_failed(error)
