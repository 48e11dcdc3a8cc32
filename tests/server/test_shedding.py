"""The load gate's queue: served newest first, a full queue sheds its oldest waiter.

Under overload a FIFO queue makes every served request wait nearly the whole queue
timeout; newest-first keeps the served ones fast and sheds those whose clients have
most likely given up. Driven here as a bare ASGI app, step by step.
"""

from __future__ import annotations

import asyncio
from typing import Any

from starlette.types import Message, Receive, Scope, Send

from server.limits import ConcurrencyLimit, LimitStats


class Blocking:
    """An app whose requests each wait for their own release; records the start order."""

    def __init__(self) -> None:
        self.started: list[str] = []
        self.release: dict[str, asyncio.Event] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Wait for this path's release, then answer 200."""
        name = str(scope["path"])
        self.started.append(name)
        await self.release.setdefault(name, asyncio.Event()).wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})


async def _request(gate: ConcurrencyLimit, path: str) -> int:
    """One GET through the gate (a client that stays); returns the status sent."""
    messages: list[Message] = [{"type": "http.request", "body": b"", "more_body": False}]
    sent: list[Message] = []

    async def receive() -> Message:
        if messages:
            return messages.pop()
        await asyncio.Event().wait()  # never hangs up
        raise AssertionError("unreachable")

    async def send(message: Message) -> None:
        sent.append(message)

    scope: dict[str, Any] = {"type": "http", "path": path, "method": "GET", "headers": []}
    await gate(scope, receive, send)
    return int(sent[0]["status"])


async def _scenario() -> tuple[list[str], dict[str, int], LimitStats]:
    app, stats = Blocking(), LimitStats()
    gate = ConcurrencyLimit(app, max_active=1, max_queued=2, queue_timeout=5, retry_after=3,
                            stats=stats)
    tasks: dict[str, asyncio.Task[int]] = {}
    for name in ("/a", "/b", "/c", "/d"):  # /a runs; /b, /c queue; /d pushes /b out
        tasks[name] = asyncio.ensure_future(_request(gate, name))
        await asyncio.sleep(0.01)
    for name in ("/a", "/d", "/c"):
        app.release.setdefault(name, asyncio.Event()).set()
        await asyncio.sleep(0.01)
    codes = {name: await task for name, task in tasks.items()}
    return app.started, codes, stats


def test_queue_serves_newest_first_and_sheds_its_oldest_when_full() -> None:
    started, codes, stats = asyncio.run(_scenario())
    assert started == ["/a", "/d", "/c"]  # newest first; /b never ran
    assert codes == {"/a": 200, "/b": 503, "/c": 200, "/d": 200}
    assert stats.shed == 1 and stats.abandoned == 0
