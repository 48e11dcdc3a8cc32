"""The sync worker of the open shop and a Qt reporter of its status for the status bar.

The main window calls :func:`start_sync` once; it returns a :class:`SyncStatusReporter`
whose ``sig_state(str)`` carries the status-bar text and ``sig_new_orders(int)`` the
number of online orders that just arrived. :func:`stop_sync` on close.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.clock import local, now_utc
from app.db import Database
from app.sync.worker import SyncStatus, SyncWorker
from ui.context import AppContext

_WORKERS: dict[int, SyncWorker] = {}


def _t(text: str) -> str:
    """A status-bar word in the screens' language (lupdate finds these calls)."""
    return QCoreApplication.translate("SyncStatus", text)


def shared_worker(ctx: AppContext) -> SyncWorker | None:
    """The running worker of ``ctx``'s shop, if :func:`start_sync` started one."""
    return _WORKERS.get(id(ctx.db))


def start_sync(ctx: AppContext, interval: float = 30.0, poll_ms: int = 1000) -> SyncStatusReporter:
    """Start the background worker for the shop (once) and return a status reporter."""
    worker = _WORKERS.get(id(ctx.db))
    if worker is None:
        worker = SyncWorker(ctx.db, interval=interval)
        _WORKERS[id(ctx.db)] = worker
        worker.start()
    return SyncStatusReporter(worker, poll_ms=poll_ms)


def stop_sync(db: Database) -> None:
    """Stop the shop's worker (on close)."""
    worker = _WORKERS.pop(id(db), None)
    if worker is not None:
        worker.stop()


def _ago(when: datetime | None) -> str:
    if when is None:
        return _t("belum pernah")
    minutes = int((now_utc() - when).total_seconds() // 60)
    if minutes < 1:
        return _t("baru saja")
    if minutes < 60:
        return _t("{minutes} mnt lalu").format(minutes=minutes)
    return f"{local(when):%d/%m %H:%M}"


def describe(status: SyncStatus) -> str:
    """The one-line status-bar text (in the screens' language; Indonesian by default)."""
    if not status.enrolled:
        return _t("PEKEN: belum terdaftar")
    state = (_t("menyinkronkan…") if status.running else
             _t("online") if status.online else _t("offline"))
    parts = ["PEKEN: " + state]
    parts.append(_t("{count} antre").format(count=status.pending))
    parts.append(_t("sinkron {ago}").format(ago=_ago(status.last_sync)))
    if status.rejected:
        parts.append(_t("{count} ditolak").format(count=status.rejected))
    if status.last_error and not status.online:
        parts.append(status.last_error)
    return " · ".join(parts)


class SyncStatusReporter(QObject):
    """Polls a :class:`SyncWorker` and emits its status for the status bar.

    sig_state(str): the status text, whenever it changes.
    sig_new_orders(int): online orders that arrived since the last poll (badge + sound).
    """

    sig_state = Signal(str)
    sig_new_orders = Signal(int)

    def __init__(self, worker: SyncWorker, poll_ms: int = 1000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._last = ""
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    def poll(self) -> None:
        """Read the worker's status; emit what changed."""
        text = describe(self.worker.status())
        if text != self._last:
            self._last = text
            self.sig_state.emit(text)
        new = self.worker.take_new_orders()
        if new:
            self.sig_new_orders.emit(new)

    def sync_now(self) -> None:
        """Ask the worker for a round now."""
        self.worker.wake()
