"""Connecting the long-lived services to the main window: printing, PEKEN sync, lock, backups.

:func:`attach` runs once after the main window is built; :func:`detach` when it closed.
Kept apart from the window so tests can build windows without background threads.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMainWindow

from app import backup_mirror
from ui.admin.login import install_lock_shortcut
from ui.backup_scheduler import BackupScheduler
from ui.context import AppContext
from ui.printing.printer import PrintController
from ui.sync.status import SyncStatusReporter, start_sync, stop_sync

log = logging.getLogger(__name__)


@dataclass
class Services:
    """What :func:`attach` started (kept alive by the caller)."""

    printer: PrintController
    sync: SyncStatusReporter
    backups: BackupScheduler


def attach(window: QMainWindow, ctx: AppContext) -> Services:
    """Start printing, the sync worker, the lock key and the daily backups for ``window``.

    The backup check runs now and every ten minutes, so a till left on for days still gets
    each shop day's backup (and its copy to the second folder).
    """
    status = window.statusBar()
    printer = PrintController(ctx, spool_dir=ctx.db.path.parent / "antrean-cetak", parent=window)
    ctx.printer = printer
    printer.connect_window(window, getattr(status, "set_printer_state", status.showMessage))
    sync = start_sync(ctx)
    sync.setParent(window)
    sync.sig_state.connect(getattr(status, "set_sync_state", status.showMessage))
    sync.sig_new_orders.connect(lambda count: on_new_orders(ctx, count))
    install_lock_shortcut(window, ctx)
    backups = BackupScheduler(ctx, parent=window)
    backups.start()
    return Services(printer, sync, backups)


def on_new_orders(ctx: AppContext, count: int) -> None:
    """New PEKEN online orders arrived: tell the seller (sound and status bar)."""
    if count > 0:
        QApplication.beep()
        ctx.signals.sig_status.emit(QCoreApplication.translate(
            "Wiring", "{count} pesanan PEKEN online baru — lihat Pesanan").format(count=count))
        ctx.signals.sig_order_saved.emit(0)


def detach(ctx: AppContext) -> None:
    """Stop sync and take the closing backup (errors are logged, never block closing)."""
    stop_sync(ctx.db)
    try:
        copied = backup_mirror.closing_backup(ctx.db)
        if not copied.ok:
            log.warning("second backup folder on close: %s %s", copied.state, copied.detail)
    except Exception:  # closing must always work; the daily backup still exists
        log.exception("backup on close failed")
