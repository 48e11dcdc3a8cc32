"""Start-up measuring for ``bench/startup.py`` (active only with ``PEKEN_EXIT_WHEN_READY=1``).

The real start runs unchanged — login dialog, main window, ``ui.wiring.attach`` — with two
additions while measuring:

* :func:`type_pin` types ``PEKEN_BENCH_PIN`` into the login dialog once it is up and submits
  it, as a seller pressing Enter would (a seller who types in no time: nothing the app does
  while a real seller types counts as hidden);
* :func:`watch` prints ``READY <ms since process start> <ms since login accepted> <focus>``
  when the sell screen is usable (its quick grid loaded *and painted*; focus is ``scan``
  when the cursor is in the scan field), then ``FIRSTFRAME light`` when that screen was
  built and painted from the first-frame reader (``ui.light_start``; ``full`` otherwise); on the
  next event-loop turn it scans
  ``PEKEN_BENCH_CODE`` as the scanner would have it looked up (``SellScreen.lookup``: the
  product found through the shop's services, nothing added to the cart) and prints
  ``SCANREADY <ms since process start> <found>``; then it waits for what start-up deferred
  — printing, sync, the backup scheduler and its first backup check — prints ``SETTLED <ms
  since process start>`` and exits without interpreter teardown.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui.admin.login import LoginDialog

if TYPE_CHECKING:  # imported by ui.app before the login: this module stays light
    from ui.main_window import MainWindow
    from ui.sell.screen import SellScreen
    from ui.wiring import Services

READY_ENV = "PEKEN_EXIT_WHEN_READY"
PIN_ENV = "PEKEN_BENCH_PIN"
CODE_ENV = "PEKEN_BENCH_CODE"


def measuring() -> bool:
    """True when the process was started by the start-up benchmark."""
    return bool(os.environ.get(READY_ENV))


def type_pin(retry_ms: int = 2) -> None:
    """Type the benchmark PIN into the login dialog as soon as it is shown, then submit."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog) or not dialog.isVisible():
            QTimer.singleShot(retry_ms, fill)
            return
        dialog.pin.setText(os.environ.get(PIN_ENV, ""))
        dialog.submit()

    QTimer.singleShot(0, fill)


def watch(window: MainWindow, services: Services, logged_in: float,
          process_age_ms: Callable[[], float], close: Callable[[], None]) -> None:
    """Report READY when the sell screen is usable, SETTLED when the deferred start is done."""

    def ready() -> None:
        from ui.sell.screen import SellScreen  # noqa: PLC0415 (deferred until the sell screen is ready (bench.startup): ui.app imports this module before the login)

        focus = QApplication.focusWidget()
        screen = window.pages.get(0)
        on_scan = isinstance(screen, SellScreen) and focus is screen.ui.scan
        where = "scan" if on_scan else type(focus).__name__
        print(f"READY {process_age_ms():.0f} {(time.perf_counter() - logged_in) * 1000:.1f} {where}",
              flush=True)
        start = getattr(screen, "start", None)  # ui.sell.start: built from the first-frame reader?
        print(f"FIRSTFRAME {'light' if getattr(start, 'light', False) else 'full'}", flush=True)
        if isinstance(screen, SellScreen):
            QTimer.singleShot(0, lambda: scan(screen))

    def scan(screen: SellScreen) -> None:
        found = screen.lookup(os.environ.get(CODE_ENV, "")) is not None
        print(f"SCANREADY {process_age_ms():.0f} {'found' if found else 'unknown'}", flush=True)

    def settled() -> None:
        print(f"GC {'on' if gc.isenabled() else 'off'}", flush=True)  # on again after the start
        print(f"SETTLED {process_age_ms():.0f}", flush=True)
        close()
        os._exit(0)  # measuring start-up only: skip interpreter teardown

    def started() -> None:
        backups = services.backups
        if backups is None or not backups.running:
            settled()
            return
        backups.sig_checked.connect(lambda _result: settled())
        backups.sig_failed.connect(lambda _error: settled())

    window.sig_ready.connect(ready)
    services.sig_started.connect(started)
