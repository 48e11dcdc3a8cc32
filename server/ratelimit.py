"""In-process rate limits against guessing and floods (429 + ``Retry-After``).

Each :class:`Rule` allows ``limit`` events per ``window_s`` seconds per key
(a client IP, an order id…), counted in a sliding window. Guessing is throttled
by counting *failures* (wrong enrollment code, wrong buyer secret, unknown token);
floods by counting every attempt (order placement). Counters live in the
process: with ``--workers N`` each worker counts on its own, so the effective
limit is up to N times the setting (still bounded). Behind a reverse proxy the
client IP comes from ``X-Forwarded-For`` only for proxies listed in
``PEKEN_FORWARDED_ALLOW_IPS``.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Request

from server.config import Settings
from server.errors import ApiError

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


def client_ip(request: Request) -> str:
    """The client's address (uvicorn applies trusted ``X-Forwarded-For`` before this)."""
    return request.client.host if request.client else "unknown"


def limiter(request: Request) -> RateLimiter:
    """The app's rate limiter."""
    found: RateLimiter = request.app.state.limiter
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
