"""ASGI middleware: request body size limit, refusal of NUL bytes in URLs, load shedding."""

from __future__ import annotations

import asyncio
import json
from collections import deque
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class _TooLarge(Exception):
    pass


async def _send_json(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"code": code, "message": message}).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class RequestLimits:
    """Refuse bodies above ``max_bytes`` with 413 and URLs with NUL bytes with 400."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _too_large_message(self) -> str:
        return f"Permintaan terlalu besar (maksimal {self.max_bytes // 1024} KB)."

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the URL and the declared size, then count the streamed body."""
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
        await self._guarded(scope, receive, send)

    async def _guarded(self, scope: Scope, receive: Receive, send: Send) -> None:
        state: dict[str, Any] = {"received": 0, "started": False}

        async def limited_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                state["received"] += len(message.get("body", b""))
                if state["received"] > self.max_bytes:
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["started"] = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not state["started"]:
                await _send_json(send, 413, "payload_too_large", self._too_large_message())


BUSY_MESSAGE = "Server PEKEN sedang sibuk; coba lagi sebentar lagi."


async def send_busy(send: Send, retry_after: int) -> None:
    """Answer ``503 server_busy`` with ``Retry-After``."""
    body = json.dumps({"code": "server_busy", "message": BUSY_MESSAGE}).encode("utf-8")
    await send({"type": "http.response.start", "status": 503,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"retry-after", str(retry_after).encode())]})
    await send({"type": "http.response.body", "body": body})


class ConcurrencyLimit:
    """Admit at most ``max_active`` requests at once; queue a few briefly, shed the rest.

    A request that finds every slot taken waits in a FIFO queue of at most
    ``max_queued`` for ``queue_timeout`` seconds; past either bound it gets
    ``503 server_busy`` with ``Retry-After`` at once, so clients that time out and
    retry cannot pile up work the server would execute long after they left.
    Paths in ``exempt`` (the health probe) are never limited.
    """

    def __init__(self, app: ASGIApp, *, max_active: int, max_queued: int, queue_timeout: float,
                 retry_after: int, exempt: tuple[str, ...] = ()) -> None:
        self.app = app
        self.max_active = max_active
        self.max_queued = max_queued
        self.queue_timeout = queue_timeout
        self.retry_after = retry_after
        self.exempt = exempt
        self.active = 0
        self.shed = 0
        self._waiters: deque[asyncio.Future[None]] = deque()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the request in a slot, or answer 503."""
        if scope["type"] != "http" or scope.get("path") in self.exempt:
            await self.app(scope, receive, send)
            return
        if not await self._acquire():
            self.shed += 1
            await send_busy(send, self.retry_after)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            self._release()

    async def _acquire(self) -> bool:
        if self.active < self.max_active and not self._waiters:
            self.active += 1
            return True
        if len(self._waiters) >= self.max_queued:
            return False
        slot: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(slot)
        try:
            await asyncio.wait({slot}, timeout=self.queue_timeout)
        except BaseException:
            self._give_up(slot)
            raise
        if slot.done():
            return True
        self._give_up(slot)
        return False

    def _give_up(self, slot: asyncio.Future[None]) -> None:
        """Leave the queue; a slot handed over in the meantime is passed on."""
        if slot.done() and not slot.cancelled():
            self._release()
            return
        slot.cancel()
        if slot in self._waiters:
            self._waiters.remove(slot)

    def _release(self) -> None:
        while self._waiters:
            slot = self._waiters.popleft()
            if not slot.done():
                slot.set_result(None)  # the slot goes straight to the next in line
                return
        self.active -= 1
