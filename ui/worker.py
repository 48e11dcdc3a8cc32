"""The one way to run long work off the GUI thread (imports, sync, printing, big reports).

``run_task(fn, on_done=..., on_error=...)`` runs ``fn(progress)`` on Qt's global
thread pool. ``progress`` is a :class:`Progress` the function calls with
``(done, total)``; it raises :class:`Cancelled` once the user pressed cancel.
Results and errors come back to the GUI thread through queued signals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Cancelled(Exception):
    """Raised inside a task when the user cancelled it."""


class Progress:
    """Passed to a task: report progress and check for cancellation."""

    def __init__(self, emit: Callable[[int, int], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    def __call__(self, done: int, total: int) -> None:
        """Report progress; raises Cancelled if the user cancelled."""
        if self._cancel.is_set():
            raise Cancelled
        self._emit(done, total)

    def cancel(self) -> None:
        """Ask the task to stop at its next progress report."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """Whether cancel was asked."""
        return self._cancel.is_set()


class TaskSignals(QObject):
    """Signals of one task.

    sig_progress(int, int): done, total.
    sig_done(object): the function's result.
    sig_failed(object): the exception raised (Cancelled when cancelled).
    """

    sig_progress = Signal(int, int)
    sig_done = Signal(object)
    sig_failed = Signal(object)


class Task(QRunnable):
    """A function run on the thread pool with progress and cancellation."""

    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = TaskSignals()
        self.progress = Progress(self.signals.sig_progress.emit)

    def run(self) -> None:
        """Run the function and report its result or error."""
        try:
            result = self.fn(self.progress)
        except BaseException as exc:  # every error is reported to the GUI
            self.signals.sig_failed.emit(exc)
        else:
            self.signals.sig_done.emit(result)


_RUNNING: set[Task] = set()


def _while_alive(owner: QObject | None, callback: Callable[..., None]) -> Callable[..., None]:
    """``callback``, skipped once ``owner`` (a widget the callback touches) is deleted."""
    if owner is None:
        return callback

    def guarded(*args: Any) -> None:
        if shiboken6.isValid(owner):
            callback(*args)

    return guarded


def run_task(
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    owner: QObject | None = None,
) -> Task:
    """Start ``fn`` off the GUI thread; callbacks run on the GUI thread.

    Pass the widget the callbacks update as ``owner``: when it was closed and deleted
    before the work finished, the callbacks are skipped instead of touching a dead widget.
    """
    on_done = _while_alive(owner, on_done) if on_done else None
    on_error = _while_alive(owner, on_error) if on_error else None
    on_progress = _while_alive(owner, on_progress) if on_progress else None
    task = Task(fn)
    task.setAutoDelete(False)
    _RUNNING.add(task)

    def finished(_: object = None) -> None:
        _RUNNING.discard(task)

    if on_progress:
        task.signals.sig_progress.connect(on_progress)
    if on_done:
        task.signals.sig_done.connect(on_done)
    if on_error:
        task.signals.sig_failed.connect(on_error)
    task.signals.sig_done.connect(finished)
    task.signals.sig_failed.connect(finished)
    QThreadPool.globalInstance().start(task)
    return task
