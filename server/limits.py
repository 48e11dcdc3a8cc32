"""ASGI middleware: body size limit, NUL bytes in URLs, security headers, load shedding,
unexpected errors logged once and scrubbed."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import traceback
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send


async def _send_json(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"code": code, "message": message}).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class RequestLimits:
    """Refuse bodies above ``max_bytes`` with 413 and URLs with NUL bytes with 400.

    The body is read (up to the limit) before the app sees it, so a chunked body
    without ``Content-Length`` that grows too large is also a 413 — not a parse
    error of a truncated body.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _too_large_message(self) -> str:
        return f"Permintaan terlalu besar (maksimal {self.max_bytes // 1024} KB)."

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the URL and the declared size, then read and count the body."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if b"%00" in scope.get("query_string", b"") or "\x00" in scope.get("path", ""):
            await _send_json(send, 400, "bad_request", "Alamat berisi karakter NUL.")
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await _send_json(send, 413, "payload_too_large", self._too_large_message())
            return
        body = await self._read_body(receive)
        if body is None:
            await _send_json(send, 413, "payload_too_large", self._too_large_message())
            return
        await self.app(scope, _replay(body, receive), send)

    async def _read_body(self, receive: Receive) -> Message | None:
        """The whole body as one message, or None past ``max_bytes``."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return message  # disconnected: let the app see it
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}


def _replay(first: Message, receive: Receive) -> Receive:
    """A ``receive`` that gives ``first`` once, then the real channel (disconnects)."""
    pending = [first]

    async def replay() -> Message:
        if pending:
            return pending.pop()
        return await receive()

    return replay


NO_STORE_PREFIX = "/api/v1/"
CACHEABLE_PREFIXES = ("/api/v1/catalog", "/api/v1/health")


class SecurityHeaders:
    """``X-Content-Type-Options: nosniff`` on every answer; ``Cache-Control: no-store`` on API
    answers (tokens, buyer secrets, personal data) unless the route set its own caching."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Add the headers to the response start."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        no_store = path.startswith(NO_STORE_PREFIX) and not path.startswith(CACHEABLE_PREFIXES)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.lower() != b"x-content-type-options"]
                headers.append((b"x-content-type-options", b"nosniff"))
                if no_store and not any(k.lower() == b"cache-control" for k, _ in headers):
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _after_queue(first: Message, gone: asyncio.Future[Message] | None,
                 receive: Receive) -> Receive:
    """The ``receive`` of a request admitted after queueing: its first message, then the
    message the disconnect watcher got (if one watched), then the channel itself."""
    pending: list[Message] = [first]
    watched = [] if gone is None else [gone]

    async def replay() -> Message:
        if pending:
            return pending.pop()
        if watched:
            return await watched.pop()
        return await receive()

    return replay


BUSY_MESSAGE = "Server PEKEN sedang sibuk; coba lagi sebentar lagi."


async def send_busy(send: Send, retry_after: int) -> None:
    """Answer ``503 server_busy`` with ``Retry-After`` (and the headers every answer has:
    the shedder sits outside :class:`SecurityHeaders`)."""
    body = json.dumps({"code": "server_busy", "message": BUSY_MESSAGE}).encode("utf-8")
    await send({"type": "http.response.start", "status": 503,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"retry-after", str(retry_after).encode()),
                            (b"x-content-type-options", b"nosniff"),
                            (b"cache-control", b"no-store")]})
    await send({"type": "http.response.body", "body": body})


BusyAnswer = Callable[[Scope, Send, int], Awaitable[None]]


async def _json_busy(_scope: Scope, send: Send, retry_after: int) -> None:
    await send_busy(send, retry_after)


@dataclass
class LimitStats:
    """What the load limit did: requests shed with 503, requests dropped (client gone)."""

    shed: int = 0
    abandoned: int = 0


class ConcurrencyLimit:
    """Admit at most ``max_active`` requests at once; queue a few briefly, shed the rest.

    A request that finds every slot taken waits in a queue of at most ``max_queued`` for
    ``queue_timeout`` seconds, then gets ``503 server_busy`` with ``Retry-After``; so
    clients that time out and retry cannot pile up work the server would execute long
    after they left. The queue is served newest first and a full queue sheds its oldest
    waiter: under overload the requests served are the ones that waited least (a FIFO
    queue would make every served request wait nearly the whole timeout), and the ones
    shed are those whose clients are most likely to have given up already.
    Paths in ``exempt`` (the health probe) are never limited. It is meant to be the
    outermost layer, so a shed request costs next to nothing; ``busy`` writes the 503
    (JSON by default; the app gives page addresses an HTML page).
    """

    def __init__(self, app: ASGIApp, *, max_active: int, max_queued: int, queue_timeout: float,
                 retry_after: int, exempt: tuple[str, ...] = (),
                 stats: LimitStats | None = None, busy: BusyAnswer = _json_busy) -> None:
        self.app = app
        self.busy = busy
        self.max_active = max_active
        self.max_queued = max_queued
        self.queue_timeout = queue_timeout
        self.retry_after = retry_after
        self.exempt = exempt
        self.active = 0
        self.stats = stats or LimitStats()
        self._waiters: deque[asyncio.Future[bool]] = deque()  # oldest first

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the request in a slot, or answer 503; a client gone while queued is dropped."""
        if scope["type"] != "http" or scope.get("path") in self.exempt:
            await self.app(scope, receive, send)
            return
        if self.active < self.max_active and not self._waiters:
            self.active += 1  # a free slot: no waiting, nothing to watch
            await self._run(scope, receive, send)
            return
        if self.max_queued <= 0:
            self.stats.shed += 1
            await self.busy(scope, send, self.retry_after)
            return
        first = await receive()
        if first["type"] == "http.disconnect":
            self.stats.abandoned += 1
            return
        # A whole body came in one message: the next message can only be a disconnect,
        # watched while queued. (A body in several parts is read by the app later.)
        gone = None if first.get("more_body") else asyncio.ensure_future(receive())
        admitted = await self._acquire(gone)
        if admitted is None:
            self.stats.abandoned += 1  # the client left while waiting: its work never starts
            return
        if not admitted:
            if gone is not None:
                gone.cancel()
            self.stats.shed += 1
            await self.busy(scope, send, self.retry_after)
            return
        await self._run(scope, _after_queue(first, gone, receive), send)

    async def _run(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await self.app(scope, receive, send)
        finally:
            self._release()

    async def _acquire(self, gone: asyncio.Future[Message] | None) -> bool | None:
        """Wait for a slot: True (got one), False (timed out or pushed out of a full
        queue), None (client gone)."""
        if len(self._waiters) >= self.max_queued:
            oldest = self._waiters.popleft()
            if not oldest.done():
                oldest.set_result(False)  # shed: the newest request takes its place
        slot: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._waiters.append(slot)
        waiting: set[asyncio.Future[Any]] = {slot} if gone is None else {slot, gone}
        try:
            await asyncio.wait(waiting, timeout=self.queue_timeout,
                               return_when=asyncio.FIRST_COMPLETED)
        except BaseException:
            if gone is not None:
                gone.cancel()
            self._give_up(slot)
            raise
        if gone is not None and gone.done() and gone.result()["type"] == "http.disconnect":
            self._give_up(slot)
            return None
        if slot.done():
            return slot.result()
        self._give_up(slot)
        return False

    def _give_up(self, slot: asyncio.Future[bool]) -> None:
        """Leave the queue; a slot handed over in the meantime is passed on."""
        if slot.done() and not slot.cancelled():
            if slot.result():
                self._release()
            return
        slot.cancel()
        if slot in self._waiters:
            self._waiters.remove(slot)

    def _release(self) -> None:
        while self._waiters:
            slot = self._waiters.pop()  # newest first
            if not slot.done():
                slot.set_result(True)  # the slot goes straight to the next in line
                return
        self.active -= 1


crash_log = logging.getLogger("server.crash")
_SCRUBS = (
    (re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), "<email>"),
    (re.compile(r"'[^'\n]*'"), "'…'"),
    (re.compile(r'"[^"\n]*"'), '"…"'),
    (re.compile(r"\d{5,}"), "<angka>"),  # phones, NIK, NIP, NPWP, account numbers
)


def scrub(text: str) -> str:
    """``text`` without quoted values, e-mail addresses and long digit runs."""
    for pattern, replacement in _SCRUBS:
        text = pattern.sub(replacement, text)
    return text


def scrubbed_traceback(exc: BaseException) -> str:
    """The traceback of ``exc`` (its chain too) with every exception message scrubbed.

    The frames (file, line, function, code) are kept; the messages are what may carry a
    buyer's name, phone or NIK (SQL parameters are already hidden by the engines).
    """
    parts = []
    for chunk in traceback.TracebackException.from_exception(exc).format():
        keep = chunk.startswith(("  File ", "Traceback (most recent call last)"))
        parts.append(chunk if keep else scrub(chunk))
    return "".join(parts)


class CrashGuard:
    """Turn an unexpected exception into ``500 internal_error``, logged once, scrubbed.

    Without it Starlette's error handler logs the crash and re-raises it, and uvicorn logs
    it a second time — both with the raw message. Sits inside the other middleware, so the
    security headers and the storefront's error pages still apply to the 500.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the request; on a crash log it once and answer 500 if nothing was sent yet."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:  # the one place that turns crashes into 500s
            crash_log.error("unexpected server error on %s %s\n%s", scope.get("method", ""),
                            scope.get("path", ""), scrubbed_traceback(exc))
            if not started:
                await _send_json(send, 500, "internal_error",
                                 "Terjadi kesalahan di server. Silakan coba lagi.")
