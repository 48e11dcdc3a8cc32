"""Rate limits against guessing and floods (429 + ``Retry-After``).

Each :class:`Rule` allows ``limit`` events per ``window_s`` seconds per key
(a client IP, an order id…). Guessing is throttled by counting *failures* (wrong
enrollment code, wrong buyer secret, unknown token); floods by counting every
attempt (order placement).

The server counts in the database (:class:`SharedRateLimiter`, table ``rate_hits``),
so the worker processes of ``--workers N`` share one limit: ten buckets per window,
each an upserted counter, the window being the last ten buckets (a sliding window to
a tenth of its length). :class:`RateLimiter` is the same thing in memory (one process).
Behind a reverse proxy the client IP comes from ``X-Forwarded-For`` only for proxies
listed in ``PEKEN_FORWARDED_ALLOW_IPS``.
"""

from __future__ import annotations

import math
import random
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from fastapi import Request
from sqlalchemy import BigInteger, String, bindparam, delete, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from server.config import Settings
from server.db import Database
from server.errors import ApiError
from server.models import RateHit

MAX_KEYS = 200_000


@dataclass(frozen=True)
class Rule:
    """``limit`` events per ``window_s`` seconds per key, under a name."""

    name: str
    limit: int
    window_s: float


class RateLimited(ApiError):
    """429: too many attempts; ``retry_after`` seconds until the next one is allowed."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(429, "too_many_requests",
                         f"Terlalu banyak percobaan. Coba lagi dalam {retry_after} detik.")
        self.retry_after = retry_after


class RateLimiter:
    """Sliding-window counters per (rule, key); thread-safe (endpoints run on threads)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._events: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _window(self, rule: Rule, key: str, now: float) -> deque[float]:
        events = self._events.get((rule.name, key))
        if events is None:
            if len(self._events) >= MAX_KEYS:
                self._prune(now)
            events = self._events.setdefault((rule.name, key), deque())
        while events and events[0] <= now - rule.window_s:
            events.popleft()
        return events

    def _prune(self, now: float, horizon: float = 3600.0) -> None:
        stale = [k for k, ev in self._events.items() if not ev or ev[-1] <= now - horizon]
        for k in stale:
            del self._events[k]
        if len(self._events) >= MAX_KEYS:  # still full: forget everything rather than grow
            self._events.clear()

    def check(self, rule: Rule, key: str) -> None:
        """Raise :class:`RateLimited` when ``key`` has used up ``rule``."""
        if rule.limit <= 0:
            return
        with self._lock:
            now = self._clock()
            events = self._window(rule, key, now)
            if len(events) >= rule.limit:
                wait = events[len(events) - rule.limit] + rule.window_s - now
                raise RateLimited(max(1, math.ceil(wait)))

    def record(self, rule: Rule, key: str) -> None:
        """Count one event of ``key`` under ``rule``."""
        if rule.limit <= 0:
            return
        with self._lock:
            now = self._clock()
            self._window(rule, key, now).append(now)

    def hit(self, rule: Rule, key: str) -> None:
        """:meth:`check`, then :meth:`record` (every attempt counts)."""
        self.check(rule, key)
        self.record(rule, key)

    def clear(self) -> None:
        """Forget every counter."""
        with self._lock:
            self._events.clear()


class Limiter(Protocol):
    """What the routes use: check a rule for a key, record an event, or both."""

    def check(self, rule: Rule, key: str) -> None:
        """Raise :class:`RateLimited` when ``key`` has used up ``rule``."""

    def record(self, rule: Rule, key: str) -> None:
        """Count one event of ``key`` under ``rule``."""

    def hit(self, rule: Rule, key: str) -> None:
        """:meth:`check`, then :meth:`record`."""


BUCKETS = 10  # a window is this many buckets
KEY_LENGTH = 128


class SharedRateLimiter:
    """Counters in the database, shared by every worker process (and every server on it).

    Each check or record is its own short transaction (never inside the caller's), and a
    rule's old buckets are swept now and then.
    """

    def __init__(self, db: Database, clock: Callable[[], float] = time.time) -> None:
        self._db = db
        self._clock = clock

    @staticmethod
    def _size(rule: Rule) -> float:
        return max(rule.window_s / BUCKETS, 1.0)

    def window_params(self, rule: Rule, key: str) -> dict[str, Any]:
        """The parameters of :data:`RECENT_HITS` for ``key`` under ``rule`` now."""
        now_bucket = int(self._clock() // self._size(rule))
        return {"rate_rule": rule.name, "rate_key": key[:KEY_LENGTH],
                "rate_after": now_bucket - BUCKETS}

    def _counts(self, rule: Rule, key: str, now_bucket: int) -> list[tuple[int, int]]:
        with self._db.read_sessions() as session:
            rows = session.execute(
                select(RateHit.bucket, RateHit.hits)
                .where(RateHit.rule == rule.name, RateHit.key == key[:KEY_LENGTH],
                       RateHit.bucket > now_bucket - BUCKETS)
                .order_by(RateHit.bucket))
            return [(int(b), int(h)) for b, h in rows]

    def check(self, rule: Rule, key: str) -> None:
        """Raise :class:`RateLimited` when ``key`` has used up ``rule``."""
        if rule.limit <= 0:
            return
        size, now = self._size(rule), self._clock()
        now_bucket = int(now // size)
        counts = self._counts(rule, key, now_bucket)
        total = sum(h for _, h in counts)
        if total < rule.limit:
            return
        for bucket, hits in counts:  # wait until enough old buckets leave the window
            total -= hits
            if total < rule.limit:
                wait = (bucket + BUCKETS) * size - now
                raise RateLimited(max(1, math.ceil(wait)))
        raise RateLimited(max(1, math.ceil(rule.window_s)))

    def record(self, rule: Rule, key: str) -> None:
        """Count one event of ``key`` under ``rule`` (an upsert of its bucket)."""
        if rule.limit <= 0:
            return
        bucket = int(self._clock() // self._size(rule))
        values = {"rule": rule.name, "key": key[:KEY_LENGTH], "bucket": bucket, "hits": 1}
        maker: Any = sqlite_insert if self._db.is_sqlite else pg_insert
        stmt = maker(RateHit).values(**values)
        stmt = stmt.on_conflict_do_update(index_elements=["rule", "key", "bucket"],
                                          set_={"hits": RateHit.hits + 1})
        with self._db.write_sessions() as session, session.begin():
            session.execute(stmt)
            if random.random() < 0.01:  # now and then: sweep old buckets
                session.execute(delete(RateHit).where(RateHit.rule == rule.name,
                                                      RateHit.bucket <= bucket - BUCKETS))

    def hit(self, rule: Rule, key: str) -> None:
        """:meth:`check`, then :meth:`record` (every attempt counts)."""
        self.check(rule, key)
        self.record(rule, key)

    def clear(self) -> None:
        """Forget every counter (tests)."""
        with self._db.write_sessions() as session, session.begin():
            session.execute(delete(RateHit))

    def total(self, rule: Rule, key: str) -> int:
        """Events of ``key`` in the current window (tests, admin)."""
        now_bucket = int(self._clock() // self._size(rule))
        with self._db.read_sessions() as session:
            found = session.scalar(select(func.coalesce(func.sum(RateHit.hits), 0)).where(
                RateHit.rule == rule.name, RateHit.key == key[:KEY_LENGTH],
                RateHit.bucket > now_bucket - BUCKETS))
        return int(found or 0)


def client_ip(request: Request) -> str:
    """The client's address (uvicorn applies trusted ``X-Forwarded-For`` before this)."""
    return request.client.host if request.client else "unknown"


# A client's events under a rule in its current window, as a scalar subquery for a query
# the request sends anyway (the check then costs no round trip of its own); its parameters
# come from recent_events().
RECENT_HITS = select(func.coalesce(func.sum(RateHit.hits), 0)).where(
    RateHit.rule == bindparam("rate_rule", type_=String), RateHit.key == bindparam("rate_key", type_=String),
    RateHit.bucket > bindparam("rate_after", type_=BigInteger)).scalar_subquery()


def recent_events(request: Request, rule: Rule, key: str) -> dict[str, Any] | None:
    """The parameters of :data:`RECENT_HITS` for ``key`` under ``rule``, or None when there
    is nothing to read: the rule is off, or the limiter counts in memory (then checked at
    once: raises :class:`RateLimited`)."""
    found = limiter(request)
    if isinstance(found, SharedRateLimiter) and rule.limit > 0:
        return found.window_params(rule, key)
    found.check(rule, key)
    return None


def limiter(request: Request) -> Limiter:
    """The app's rate limiter."""
    found: Limiter = request.app.state.limiter
    return found


def rules(request: Request) -> dict[str, Rule]:
    """The app's rules by name (built from the settings)."""
    found: dict[str, Rule] = request.app.state.rate_rules
    return found


def rules_from(settings: Settings) -> dict[str, Rule]:
    """The rules of the app, by the name the routes use."""
    window = float(settings.rate_window_s)
    return {
        "enroll": Rule("enroll", settings.rate_enroll_per_ip, window),
        "auth_failure": Rule("auth_failure", settings.rate_auth_failures_per_ip, window),
        "secret_failure": Rule("secret_failure", settings.rate_secret_failures_per_ip, window),
        "secret_failure_order": Rule("secret_failure_order",
                                     settings.rate_secret_failures_per_order, window),
        "order": Rule("order", settings.rate_orders_per_ip, window),
    }
