"""Start-up measuring for ``bench/startup.py`` (active only with ``PEKEN_EXIT_WHEN_READY=1``).

The real start runs unchanged — login dialog, main window, ``ui.wiring.attach`` — with two
additions while measuring:

* :func:`type_pin` types ``PEKEN_BENCH_PIN`` into the login dialog once it is up and submits
  it, as a seller pressing Enter would;
* :func:`watch` waits for the sell screen's deferred tile grid to be loaded *and painted*,
  then prints ``READY <ms since process start> <ms since login accepted> <focus>`` (focus is
  ``scan`` when the cursor is in the scan field) and exits without interpreter teardown.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

READY_ENV = "PEKEN_EXIT_WHEN_READY"
PIN_ENV = "PEKEN_BENCH_PIN"


def measuring() -> bool:
    """True when the process was started by the start-up benchmark."""
    return bool(os.environ.get(READY_ENV))


def type_pin(retry_ms: int = 2) -> None:
    """Type the benchmark PIN into the login dialog as soon as it is shown, then submit."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not hasattr(dialog, "pin") or not dialog.isVisible():
            QTimer.singleShot(retry_ms, fill)
            return
        dialog.pin.setText(os.environ.get(PIN_ENV, ""))
        dialog.submit()  # type: ignore[attr-defined]

    QTimer.singleShot(0, fill)


class _PaintSpy(QObject):
    """Calls ``done`` (once, on the next loop turn) after ``target`` has been painted."""

    def __init__(self, target: QWidget, done: Callable[[], None]) -> None:
        super().__init__(target)
        self.done, self.fired = done, False
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Let the paint happen, then report right after it."""
        if event.type() == QEvent.Type.Paint and not self.fired:
            self.fired = True
            QTimer.singleShot(0, self.done)
        return False


def watch(window: QWidget, logged_in: float, process_age_ms: Callable[[], float],
          close: Callable[[], None]) -> None:
    """Report once the sell screen's grid is loaded and painted (call before ``window.show()``)."""
    screen = window.pages[0]  # type: ignore[attr-defined]
    grid = screen.ui.grid
    reload = grid.reload

    def report() -> None:
        focus = QApplication.focusWidget()
        where = "scan" if focus is screen.ui.scan else type(focus).__name__
        print(f"READY {process_age_ms():.0f} {(time.perf_counter() - logged_in) * 1000:.1f} {where}",
              flush=True)
        close()
        os._exit(0)  # measuring start-up only: skip interpreter teardown

    def reload_then_watch() -> None:
        reload()
        target = grid.tiles[0] if grid.tiles else grid.grid_box
        _PaintSpy(target, report)
        target.update()

    grid.reload = reload_then_watch  # the screen's deferred first load picks this up
