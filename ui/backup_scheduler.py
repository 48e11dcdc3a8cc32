"""Backups while the app keeps running: a timer checks whether today's backup exists.

A till is often left on for days. Every :data:`CHECK_INTERVAL_MS` (and once at start)
:class:`BackupScheduler` runs :func:`app.backup_mirror.scheduled_backup` off the GUI
thread: when the shop day (``app.clock``) has no automatic backup yet, one is made, and
the newest backup is copied to the second folder (a USB drive) and verified, and the
day's encrypted copies go to the chosen folder and the PEKEN server when the owner set
up a recovery phrase (:func:`app.sync.offsite.offsite_if_due`). A check
never overlaps another; failures are logged and shown in the status bar.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app import backup_mirror
from app.backup_mirror import ScheduledResult
from ui.context import AppContext
from ui.worker import run_task

log = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 10 * 60 * 1000


def _t(text: str) -> str:
    return QCoreApplication.translate("BackupScheduler", text)


class BackupScheduler(QObject):
    """Periodic daily-backup check for the open shop.

    sig_checked(object): a :class:`ScheduledResult` after each check.
    sig_failed(object): the exception when a check failed.
    """

    sig_checked = Signal(object)
    sig_failed = Signal(object)

    def __init__(self, ctx: AppContext, interval_ms: int = CHECK_INTERVAL_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.running = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.on_tick)

    def start(self) -> None:
        """Check now, then every interval."""
        self.timer.start()
        self.on_tick()

    def stop(self) -> None:
        """No more checks (one already running finishes)."""
        self.timer.stop()

    def on_tick(self) -> None:
        """Start a check off the GUI thread unless one is still running."""
        if self.running:
            return
        self.running = True
        database = self.ctx.db  # a restore may have swapped it since the last check
        run_task(lambda _progress: backup_mirror.scheduled_backup(database),
                 on_done=self._on_done, on_error=self._on_error, owner=self)

    def _on_done(self, result: object) -> None:
        self.running = False
        assert isinstance(result, ScheduledResult)
        if result.made is not None:
            log.info("daily backup made: %s", result.made)
        if not result.second.ok:
            log.warning("second backup folder: %s %s", result.second.state, result.second.detail)
            self.ctx.signals.sig_status.emit(
                _t("Salinan cadangan ke folder kedua gagal: %1").replace("%1", result.second.detail))
        for problem in result.offsite:
            log.warning("encrypted off-machine backup: %s", problem)
            self.ctx.signals.sig_status.emit(
                _t("Cadangan terenkripsi gagal: %1").replace("%1", problem))
        self.sig_checked.emit(result)

    def _on_error(self, error: BaseException) -> None:
        self.running = False
        log.error("daily backup failed: %s", error)
        self.ctx.signals.sig_status.emit(_t("Cadangan harian gagal: %1").replace("%1", str(error)))
        self.sig_failed.emit(error)
