"""The background sync worker: a plain thread running rounds with backoff.

No Qt here: the UI polls :meth:`SyncWorker.status` (a frozen snapshot) from a timer.
"""

from __future__ import annotations

import logging
import random
import threading
from dataclasses import dataclass, replace
from datetime import datetime

from app.db import Database
from app.sync import state
from app.sync.client import SyncAuthError, SyncError, SyncUnavailable
from app.sync.engine import RoundResult, SyncEngine, record_failure

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar and the settings tab show."""

    enrolled: bool = False
    online: bool = False
    running: bool = False
    pending: int = 0
    rejected: int = 0
    last_sync: datetime | None = None
    last_error: str = ""
    new_orders: int = 0
    rounds: int = 0


class SyncWorker:
    """Runs :class:`SyncEngine` rounds every ``interval`` seconds, sooner when woken.

    After a failed round it waits ``min(max_backoff, interval_after_failure × 2^n)``
    with jitter. :meth:`stop` ends the thread within a moment (an HTTP call in flight
    finishes or times out first).
    """

    def __init__(self, db: Database, *, interval: float = 30.0, min_backoff: float = 1.0,
                 max_backoff: float = 120.0, engine: SyncEngine | None = None) -> None:
        self.db = db
        self.interval = interval
        self.min_backoff = min_backoff
        self.max_backoff = max_backoff
        self._stop = threading.Event()
        self.engine = engine or SyncEngine(db, stop=self._stop)
        self.engine.stop = self._stop
        self._wake = threading.Event()
        self._lock = threading.Lock()
        self._status = SyncStatus()
        self._failures = 0
        self._thread: threading.Thread | None = None
        self._rng = random.Random()
        self._last_error: Exception | None = None

    def start(self) -> None:
        """Start the thread (once)."""
        if self._thread is None:
            self.refresh_counts()
            self._thread = threading.Thread(target=self._run, name="peken-sync", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 20.0) -> None:
        """Ask the thread to stop and wait for it."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def wake(self) -> None:
        """Run a round now ("Sinkronkan sekarang", a new outbox op)."""
        self._failures = 0
        self._wake.set()

    def status(self) -> SyncStatus:
        """The latest status snapshot (thread-safe)."""
        with self._lock:
            return self._status

    def take_new_orders(self) -> int:
        """New online orders since the last call (for the badge and the sound)."""
        with self._lock:
            count = self._status.new_orders
            self._status = replace(self._status, new_orders=0)
        return count

    def _set(self, **changes: object) -> None:
        with self._lock:
            self._status = replace(self._status, **changes)  # type: ignore[arg-type]

    def refresh_counts(self) -> None:
        """Re-read pending/rejected counts and enrollment from the shop file."""
        with self.db.read() as session:
            counts = state.outbox_counts(session)
            enrolled = state.is_enrolled(session)
            last = state.last_sync(session)
            error = state.get(session, state.LAST_ERROR)
        self._set(pending=counts.pending, rejected=counts.rejected, enrolled=enrolled,
                  last_sync=last, last_error=error)

    def run_once(self) -> RoundResult | None:
        """One round with status bookkeeping; returns None when it failed."""
        self._set(running=True)
        try:
            result = self.engine.run_round()
        except SyncError as exc:
            self._failed(exc)
            return None
        except Exception as exc:  # a bug must not kill the worker; keep the type only
            log.exception("sync round failed")
            self._failed(exc)
            return None
        finally:
            self._set(running=False)
        self._failures = 0
        with self._lock:
            new = self._status.new_orders + len(result.new_orders)
            self._status = replace(self._status, online=result.enrolled,
                                   rounds=self._status.rounds + 1, new_orders=new)
        self.refresh_counts()
        return result

    def _failed(self, exc: Exception) -> None:
        self._failures += 1
        self._last_error = exc
        message = str(exc) if isinstance(exc, SyncError) else "Sinkronisasi gagal karena galat."
        try:
            record_failure(self.db, exc)
        except Exception:  # the shop file may be busy; the status still shows it
            log.warning("could not store the sync error")
        self._set(online=False, last_error=message)
        log.warning("PEKEN sync round failed (%s): %s", type(exc).__name__, message)
        self.refresh_counts_quietly()

    def refresh_counts_quietly(self) -> None:
        """:meth:`refresh_counts`, ignoring a busy database."""
        try:
            self.refresh_counts()
        except Exception:
            log.warning("could not read sync counts")

    def next_delay(self) -> float:
        """Seconds until the next round: the interval, or the backoff after failures."""
        if self._failures == 0:
            return self.interval
        if isinstance(self._last_error, SyncAuthError):
            return self.max_backoff
        delay = min(self.max_backoff, self.min_backoff * 2 ** (self._failures - 1))
        delay = float(delay * self._rng.uniform(0.5, 1.0))
        asked = getattr(self._last_error, "retry_after", None)  # 503/429 with Retry-After
        return max(delay, float(asked)) if asked is not None else delay

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            self.run_once()
            if self._stop.is_set():
                return
            self._wake.wait(self.next_delay())


__all__ = ["SyncStatus", "SyncUnavailable", "SyncWorker"]
