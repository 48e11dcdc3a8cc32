"""One sync round: push the outbox, then pull and apply the server's changes.

Push sends pending ops in ``seq`` order, in batches (at most 1000 ops or ~1.5 MB). An op
leaves ``pending`` only when the server answered for it: ``acknowledged``/``duplicate`` →
``acked``, ``rejected`` → ``rejected`` with the server's reason kept for the seller.
Network errors, timeouts, 5xx and 429 are retried with exponential backoff and jitter, a
bounded number of times; then the round gives up and the worker tries again later. A
batch the server refuses as a whole (4xx) is split until the offending op is found, and
only that op is marked rejected.

Pull reads ``changes?since=cursor`` page by page; each page and the new cursor are
written in ONE local transaction, so a crash can never apply a page twice or skip one.
A device at cursor 0 (new, or enrolled again) first applies the server's snapshot (see
:mod:`app.sync.snapshot`) and follows the log from the snapshot's counter.

Old ``listing.upsert`` ops still waiting in an outbox from before field stamps are sent
with a stamp of the time they were queued, so they merge by when they were made.
"""

from __future__ import annotations

import functools
import json
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.clock import now_utc
from app.db import Database
from app.sync import hlc, pricing, state
from app.sync.apply import apply_changes
from app.sync.books_backfill import backfill
from app.sync.client import PekenClient, SyncError, SyncRequestError, SyncUnavailable
from app.sync.snapshot import apply_snapshot
from contract.pricing import RECORD as PRICING_RECORD
from models import OutboxOp

T = TypeVar("T")
MAX_BATCH_OPS = 1000
MAX_BATCH_BYTES = 1_500_000
ClientFactory = Callable[[str, str], PekenClient]


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded exponential backoff with jitter for one request."""

    attempts: int = 4
    base: float = 0.25
    cap: float = 4.0

    def delay(self, attempt: int, rng: random.Random) -> float:
        """Seconds to wait before retry number ``attempt`` (0-based), jittered to 50–100 %."""
        return float(min(self.cap, self.base * 2 ** attempt) * rng.uniform(0.5, 1.0))


@dataclass(frozen=True)
class PendingOp:
    """An outbox row read for sending (plain values, no ORM state)."""

    seq: int
    op_id: str
    kind: str
    payload: str
    attempts: int
    created_at: datetime | None = None


@dataclass
class RoundResult:
    """What a round did."""

    enrolled: bool = True
    pushed: int = 0
    acked: int = 0
    rejected: int = 0
    pulled: int = 0
    new_orders: list[str] = field(default_factory=list)


class SyncEngine:
    """Runs sync rounds for one shop file (one round at a time)."""

    def __init__(self, db: Database, *, batch_size: int = MAX_BATCH_OPS, page_size: int = 1000,
                 retry: RetryPolicy | None = None, stop: threading.Event | None = None,
                 client_factory: ClientFactory | None = None, seed: int | None = None) -> None:
        self.db = db
        self.max_batch = min(batch_size, MAX_BATCH_OPS)
        self.batch_size = self.max_batch
        self.page_size = page_size
        self.retry = retry or RetryPolicy()
        self.stop = stop or threading.Event()
        self.client_factory: ClientFactory = client_factory or PekenClient
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._node: str | None = None
        self._pricing_shared = False
        self.snapshots = 0

    def run_round(self) -> RoundResult:
        """Push everything pending, then pull everything new; raises :class:`SyncError`."""
        with self._lock:
            with self.db.read() as session:
                creds = state.credentials(session)
            if creds is None:
                return RoundResult(enrolled=False)
            result = RoundResult()
            with self.client_factory(creds.server_url, creds.token) as client:
                self._share_old_pricing(client)
                self._push_all(client, result)
                self._pull_all(client, result)
            with self.db.unit_of_work() as session:
                state.note_success(session, now_utc())
            return result

    def _share_old_pricing(self, client: PekenClient) -> None:
        """Once per shop file (the first round of a release with pricing sync): apply the
        pricing records already in the log (the shop's other tills may have upgraded first:
        this device's old release skipped them), then queue the packs, tiers, variants and
        promotions written here before they synced."""
        if self._pricing_shared:
            return
        with self.db.read() as session:
            done = bool(state.get(session, pricing.SHARED_KEY))
            cursor = state.cursor(session)
        if not done:
            if cursor > 0:
                backfill(self.db, client, cursor, self.page_size, self._call, (PRICING_RECORD,))
            with self.db.unit_of_work() as session:
                pricing.share_unshared(session)
        self._pricing_shared = True

    def _call(self, fn: Callable[[], T]) -> T:
        """``fn()`` retried on :class:`SyncUnavailable` with backoff; the last error escapes."""
        for attempt in range(self.retry.attempts):
            try:
                return fn()
            except SyncUnavailable:
                if attempt + 1 >= self.retry.attempts or self.stop.is_set():
                    raise
                self.stop.wait(self.retry.delay(attempt, self._rng))
        raise AssertionError("unreachable")

    # --- push -------------------------------------------------------------------------------

    def _next_batch(self, last_seq: int) -> list[PendingOp]:
        with self.db.read() as session:
            rows = session.execute(
                select(OutboxOp.seq, OutboxOp.op_id, OutboxOp.kind, OutboxOp.payload,
                       OutboxOp.attempts, OutboxOp.created_at)
                .where(OutboxOp.status == "pending", OutboxOp.seq <= last_seq)
                .order_by(OutboxOp.seq)
                .limit(self.batch_size)).all()
        batch: list[PendingOp] = []
        size = 0
        for row in rows:
            size += len(row.payload) + 120
            if batch and size > MAX_BATCH_BYTES:
                break
            batch.append(PendingOp(row.seq, row.op_id, row.kind, row.payload, row.attempts,
                                   row.created_at))
        return batch

    def _wire_payload(self, op: PendingOp) -> Any:
        payload = json.loads(op.payload)
        if op.kind == "listing.upsert" and isinstance(payload, dict) and "hlc" not in payload \
                and op.created_at is not None:
            if self._node is None:
                with self.db.unit_of_work() as session:
                    self._node = hlc.node_id(session)
            payload["hlc"] = hlc.at(op.created_at, self._node, op.seq % 1_000_000)
        return payload

    def _push_all(self, client: PekenClient, result: RoundResult) -> None:
        """Push what was queued when the round began (later ops wait for the next round,
        so a busy till never starves the pull)."""
        with self.db.read() as session:
            last_seq = int(session.scalar(select(func.max(OutboxOp.seq))) or 0)
        while not self.stop.is_set():
            batch = self._next_batch(last_seq)
            if not batch:
                return
            self._push_batch(client, batch, result)

    def _push_batch(self, client: PekenClient, batch: list[PendingOp], result: RoundResult) -> None:
        wire = [{"op_id": op.op_id, "seq": op.seq, "kind": op.kind,
                 "payload": self._wire_payload(op)} for op in batch]
        try:
            answer = self._call(lambda: client.push(wire))
        except SyncUnavailable as exc:
            if exc.status >= 500 and len(batch) > 1:  # maybe one op breaks the server:
                self.batch_size = max(1, len(batch) // 2)  # smaller batches next time
            raise
        except SyncRequestError as exc:
            if len(batch) == 1:
                self._record(batch, {batch[0].op_id: {"status": "rejected", "code": exc.server_code,
                                                      "message": str(exc)}}, result)
                return
            half = len(batch) // 2
            self._push_batch(client, batch[:half], result)
            self._push_batch(client, batch[half:], result)
            return
        self.batch_size = min(self.max_batch, self.batch_size * 2)
        by_id = {str(r["op_id"]): r for r in answer.get("results", [])}
        if not any(op.op_id in by_id for op in batch):
            raise SyncUnavailable("Jawaban server PEKEN tidak memuat hasil kiriman.")
        self._record(batch, by_id, result)

    def _record(self, batch: list[PendingOp], by_id: dict[str, dict[str, Any]],
                result: RoundResult) -> None:
        """Store the server's verdicts in one transaction (unanswered ops stay pending)."""
        now = now_utc()
        rows = []
        for op in batch:
            verdict = by_id.get(op.op_id)
            if verdict is None:
                continue
            if verdict["status"] == "rejected":
                reason = str(verdict.get("message") or "Ditolak server PEKEN.")
                code = str(verdict.get("code") or "")
                rows.append({"seq": op.seq, "status": "rejected", "attempts": op.attempts + 1,
                             "last_error": f"{reason} [{code}]" if code else reason})
                result.rejected += 1
            else:
                rows.append({"seq": op.seq, "status": "acked", "attempts": op.attempts + 1,
                             "acked_at": now, "last_error": ""})
                result.acked += 1
        result.pushed += len(rows)
        if rows:
            with self.db.unit_of_work() as session:
                _bulk_update(session, rows)

    # --- pull -------------------------------------------------------------------------------

    def _start_from_snapshot(self, client: PekenClient, result: RoundResult) -> None:
        """A device at cursor 0 takes the server's snapshot instead of the whole log."""
        with self.db.read() as session:
            if state.cursor(session) != 0:
                return
        snap = self._call(client.snapshot)
        backfill(self.db, client, int(snap.get("change_seq") or 0), self.page_size, self._call)
        with self.db.unit_of_work() as session:
            if state.cursor(session) != 0:
                return  # another round got there first
            applied = apply_snapshot(session, snap)
        self.snapshots += 1
        result.pulled += applied.applied
        result.new_orders.extend(applied.new_orders)

    def _pull_all(self, client: PekenClient, result: RoundResult) -> None:
        self._start_from_snapshot(client, result)
        while not self.stop.is_set():
            with self.db.read() as session:
                since = state.cursor(session)
            page = self._call(functools.partial(client.changes, since, self.page_size))
            changes = page.get("changes", [])
            with self.db.unit_of_work() as session:
                if state.cursor(session) != since:
                    continue  # another round applied this page meanwhile
                applied = apply_changes(session, changes)
                state.put(session, state.CURSOR, str(int(page.get("next", since))))
            result.pulled += applied.applied
            result.new_orders.extend(applied.new_orders)
            if not page.get("more"):
                return


def _bulk_update(session: Session, rows: list[dict[str, Any]]) -> None:
    """Update outbox rows by primary key in one executemany."""
    keys = ("status", "attempts", "last_error", "acked_at")
    for group in ([r for r in rows if "acked_at" in r], [r for r in rows if "acked_at" not in r]):
        if group:
            session.execute(update(OutboxOp), [{k: r[k] for k in ("seq", *keys) if k in r}
                                               for r in group])


def record_failure(db: Database, error: SyncError | Exception) -> None:
    """Keep the last error message in the shop file (shown in Pengaturan → PEKEN)."""
    message = str(error) if isinstance(error, SyncError) else "Sinkronisasi gagal karena galat."
    with db.unit_of_work() as session:
        state.put(session, state.LAST_ERROR, message[:300])
