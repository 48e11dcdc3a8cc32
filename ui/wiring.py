"""Connecting the long-lived services to the main window: printing, PEKEN sync, lock, backups.

:func:`attach` runs once after the main window is built; :func:`detach` when it closed.
Kept apart from the window so tests can build windows without background threads.

Start-up order: the lock key (Ctrl+L) works at once; printing, sync and the daily backup
start only once the sell screen is usable (``MainWindow.after_ready``), one per event-loop
turn, so a scan in between is handled without waiting for them. Their modules are imported
there, not at the top: measured on the start-up bench, printing (ESC/POS capabilities, PDF)
and sync (HTTP client) cost about 0.5 s of the first start.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from ui.admin.login import install_lock_shortcut
from ui.context import AppContext
from ui.main_window import MainWindow

if TYPE_CHECKING:
    from ui.backup_scheduler import BackupScheduler
    from ui.printing.printer import PrintController
    from ui.sync.status import SyncStatusReporter

log = logging.getLogger(__name__)


class Services(QObject):
    """What :func:`attach` starts, owned by the window; each field is None until started.

    sig_started: printing, sync and the backup scheduler are all running.
    """

    sig_started = Signal()

    def __init__(self, window: MainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.printer: PrintController | None = None
        self.sync: SyncStatusReporter | None = None
        self.backups: BackupScheduler | None = None
        self.started = False

    def start(self) -> None:
        """Start each service on its own event-loop turn, then emit ``sig_started``."""
        self._chain([self._start_printing, self._start_sync, self._start_backups, self._done])

    def _chain(self, steps: list[Callable[[], None]]) -> None:
        if not steps:
            return
        first, rest = steps[0], steps[1:]

        def run() -> None:
            try:
                first()
            except Exception:  # one service failing must not keep the others (or the till) down
                log.exception("start-up step %s failed", getattr(first, "__name__", first))
            self._chain(rest)

        QTimer.singleShot(0, run)

    def _start_printing(self) -> None:
        from ui.printing.printer import PrintController  # noqa: PLC0415 (deferred until the sell screen is ready (bench.startup): printing ~0.8 s, see module doc)

        status = self.window.status
        printer = PrintController(self.ctx, spool_dir=self.ctx.db.path.parent / "antrean-cetak",
                                  parent=self.window)
        self.ctx.printer = printer
        printer.connect_window(self.window, status.set_printer_state)
        self.printer = printer

    def _start_sync(self) -> None:
        from ui.sync.status import start_sync  # noqa: PLC0415 (deferred until the sell screen is ready (bench.startup), see module doc)

        sync = start_sync(self.ctx)
        sync.setParent(self.window)
        sync.sig_state.connect(self.window.status.set_sync_state)
        sync.sig_new_orders.connect(lambda count: on_new_orders(self.ctx, count))
        self.sync = sync

    def _start_backups(self) -> None:
        """The backup check runs now and every ten minutes, so a till left on for days still
        gets each shop day's backup (and its copy to the second folder)."""
        from ui.backup_scheduler import BackupScheduler  # noqa: PLC0415 (deferred until the sell screen is ready (bench.startup), see module doc)

        backups = BackupScheduler(self.ctx, parent=self.window)
        backups.start()
        self.backups = backups

    def _done(self) -> None:
        self.started = True
        self.sig_started.emit()


def attach(window: MainWindow, ctx: AppContext, start: bool = True) -> Services:
    """Bind the lock key now; start printing, sync and the daily backups once the till is
    usable (``start=False``: the caller starts them — a light start, once the database is
    loaded)."""
    install_lock_shortcut(window, ctx)
    services = Services(window, ctx)
    if start:
        window.after_ready(services.start)
    return services


def on_new_orders(ctx: AppContext, count: int) -> None:
    """New PEKEN online orders arrived: tell the seller (sound and status bar)."""
    if count > 0:
        QApplication.beep()
        ctx.signals.sig_status.emit(QCoreApplication.translate(
            "Wiring", "{count} pesanan PEKEN online baru — lihat Pesanan").format(count=count))
        ctx.signals.sig_order_saved.emit(0)


def detach(ctx: AppContext) -> None:
    """Stop sync and take the closing backup (errors are logged, never block closing)."""
    from app import backup_mirror  # noqa: PLC0415 (closing only: the start does not pay for these imports (bench.startup))
    from ui.sync.status import stop_sync  # noqa: PLC0415 (closing only, as above)

    stop_sync(ctx.db)
    try:
        copied = backup_mirror.closing_backup(ctx.db)
        if not copied.ok:
            log.warning("second backup folder on close: %s %s", copied.state, copied.detail)
    except Exception:  # closing must always work; the daily backup still exists
        log.exception("backup on close failed")
